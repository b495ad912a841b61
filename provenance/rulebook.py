"""What `provenance rules` shows: every rule, its severity in this project, what it finds, and
the finding it gives on its example (run through the pipeline, so the example cannot go stale)."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from .model import Finding, Graph, Severity
from .resolve import RULES, RuleSelection, rule_examples, rule_names


@frozen
class ExampleFile:
    """One input of a rule's example: a file name (its suffix says how it is read) and its text."""

    name: str
    text: str


@frozen
class RuleDoc:
    """A rule as a user reads about it."""

    name: str
    """The rule's stable name, as ``--select`` and ``[rules]`` take it."""
    severity: Severity | None
    """Its severity in this project (the config's and the command line's choice); None: off."""
    default: Severity
    """Its own severity."""
    finds: str
    """What it finds, in a phrase."""
    example: tuple[ExampleFile, ...] = ()
    """Inputs it fires on; empty when not asked for."""
    findings: tuple[Finding, ...] = ()
    """What it finds in ``example``, as ``audit`` would with this rule alone."""


def describe(
    rules: RuleSelection, names: Iterable[str] | None = None, *, examples: bool = False
) -> tuple[RuleDoc, ...]:
    """The rules named (all when None, in `RULES` order) as ``rules`` sets them; with ``examples``,
    each with its example inputs and the findings the rule gives on them. Unknown names raise
    `InputError` listing the rules."""
    chosen = rule_names(names) if names is not None else RULES.keys()
    given = rule_examples() if examples else {}
    docs = []
    for name, (default, finds) in RULES.items():
        if name not in chosen:
            continue
        severity = rules.severity(name) if rules.applies(name) else None
        files = tuple(ExampleFile(*pair) for pair in given.get(name, ()))
        found = _example_findings(name, rules, files) if files else ()
        docs.append(RuleDoc(name, severity, default, finds, files, found))
    return tuple(docs)


def _example_findings(name: str, rules: RuleSelection, files: tuple[ExampleFile, ...]) -> tuple[Finding, ...]:
    """What ``audit`` finds in the example with this rule alone, at the severity the project sets
    for it, if any (the rule's own otherwise: lower for what rests on a machine reading)."""
    from pathlib import PurePath

    from .pipeline import analyse_all
    from .read import read_bytes

    graphs: list[Graph] = []
    for file in files:
        graphs.extend(read_bytes(file.text.encode(), name=file.name, suffix=PurePath(file.name).suffix))
    chosen = {rule: severity for rule, severity in rules.severities if rule == name and severity}
    only = RuleSelection(frozenset({name}), severities=chosen)
    return analyse_all(graphs, only).findings
