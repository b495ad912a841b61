"""The rules as `provenance rules` shows them: a table of all, or one rule with its example."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .table import SEVERITY_STYLES

if TYPE_CHECKING:
    from ..rulebook import RuleDoc


def render_rules(docs: Sequence[RuleDoc]) -> Table:
    """Every rule on a line: its name, its severity here (and its own when changed), what it finds."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("Rule", no_wrap=True)
    table.add_column("Severity", no_wrap=True)
    table.add_column("What it finds", ratio=1)
    for doc in docs:
        table.add_row(doc.name, _severity(doc), doc.finds)
    return table


def render_rule(doc: RuleDoc) -> Group:
    """One rule: what it finds, its example's inputs and the finding it gives on them, and how to
    switch it off."""
    parts: list[Text | Padding] = [
        Text.assemble((doc.name, "bold"), " (", _severity(doc), ")"),
        Text(),
        Text(f"Finds {doc.finds}."),
    ]
    if doc.example:
        parts += [Text(), Text("Example", style="bold")]
        for file in doc.example:
            parts += [Text(file.name, style="dim"), Padding(Text(file.text.rstrip("\n")), (0, 0, 0, 2))]
        parts += [Text(), Text("gives", style="bold")]
        parts += [
            Padding(
                Text.assemble((f.severity.value, SEVERITY_STYLES[f.severity]), "  ", f.message), (0, 0, 0, 2)
            )
            for f in doc.findings
        ]
    parts += [
        Text(),
        Text(f"Leave it out with --ignore {doc.name}, or in provenance.toml:"),
        Padding(Text(f'[rules]\n{doc.name} = "off"'), (0, 0, 0, 2)),
    ]
    return Group(*parts)


def _severity(doc: RuleDoc) -> Text:
    if doc.severity is None:
        return Text(f"off (default {doc.default.value})", style="dim")
    text = Text(doc.severity.value, style=SEVERITY_STYLES[doc.severity])
    if doc.severity is not doc.default:
        text.append(f" (default {doc.default.value})", style="dim")
    return text
