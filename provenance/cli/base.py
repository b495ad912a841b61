"""The command group, the one place errors become exit codes, and what every command shares."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from .. import __version__
from ..errors import ExitCode, InputError, ProvenanceError
from ..model import Finding, Graph, Severity

if TYPE_CHECKING:  # imported where used, so that --help stays quick
    from attrs import AttrsInstance
    from rich.console import Console

    from ..config import Config
    from ..read import Limits
    from ..resolve import RuleSelection
    from ..store import Store

SEVERITIES = [severity.value for severity in Severity]
EXPORT_FORMATS = [
    "json",
    "jsonl",
    "yaml",
    "csv",
    "dot",
    "graphml",
    "mermaid",
    "prov-json",
    "prov-n",
    "prov-o",
    "claimreview",
    "markdown",
    "html",
]
"""The names of `provenance.export.FORMATS`, listed here so that --help does not import them all."""


def _user_error(error: ProvenanceError) -> click.ClickException:
    """A `ProvenanceError` on its way out: printed as ``Error: <file>: <what>``, with its exit code.

    Click reads the exit code from the exception's class (a ``ClassVar`` since click 8.2), so each
    code gets a class of its own."""
    kind: type[click.ClickException] = type(
        "UserError", (click.ClickException,), {"exit_code": int(error.exit_code)}
    )
    return kind(str(error))


class _Cli(click.Group):
    """The one place where library errors become exit codes; anything else is a bug and shows."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ProvenanceError as error:
            raise _user_error(error) from None
        except BrokenPipeError:  # `provenance audit x | head` is not an error
            sys.stderr.close()
            ctx.exit(int(ExitCode.OK))


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", package_name="news-provenance")
def cli() -> None:
    """Audit how news is sourced: who says what in an article, and on whose word.

    \b
    Exit codes: 0 ok, 1 findings at or above --fail-on, 2 bad input or usage.
    """


Command = TypeVar("Command", bound=Callable[..., Any])


def fail_on_option(function: Command) -> Command:
    return click.option(
        "--fail-on",
        type=click.Choice(SEVERITIES),
        default="error",
        show_default=True,
        help="Exit 1 when a finding is at or above this severity.",
    )(function)


def read_inputs(paths: Sequence[str], limits: Limits) -> Iterator[Graph]:
    from ..read import read_path

    stdin = sys.stdin.buffer
    for path in paths:
        yield from read_path(path, stdin=stdin, limits=limits)


def exit_for(ctx: click.Context, findings: Sequence[Finding], fail_on: str) -> NoReturn:
    from ..resolve import fails

    ctx.exit(int(ExitCode.FINDINGS if fails(findings, Severity(fail_on)) else ExitCode.OK))


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def write_text(text: str) -> None:
    sys.stdout.write(text)


DB_OPTION = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default="provenance.db",
    show_default=True,
    help="The SQLite database.",
)
GRAPH_FORMATS = ["tree", *EXPORT_FORMATS]
"""What a command that prints a graph can print: the terminal tree, or any export format."""


def graph_format_option(function: Command) -> Command:
    """``--format`` of every command that prints a graph (audit, tree)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(GRAPH_FORMATS),
        default="tree",
        show_default=True,
        help="tree: the sourcing tree and findings; json: one canonical document; jsonl: one "
        "canonical document per article; any other: as 'provenance export --to' writes it.",
    )(function)


JSON_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: for a person; json: for a program.",
)


def open_store(db: Path, *, readonly: bool = True) -> Store:
    from ..store import Store

    if readonly and not db.exists():
        raise InputError("no such database; fill one with 'provenance ingest'", path=str(db))
    return Store.open(db, readonly=readonly)


def write_json(value: object) -> None:
    import json

    from ..serialize import converter

    write_text(json.dumps(converter.unstructure(value), ensure_ascii=False, indent=2) + "\n")


def write_csv(values: Sequence[AttrsInstance]) -> None:
    """attrs values as CSV rows, one column per field, as 'export --to csv' writes: RFC 4180, UTF-8
    with a byte-order mark, cells a spreadsheet would run as formulas defused."""
    import csv
    import io

    import attrs

    from ..export.csv import defuse
    from ..serialize import converter

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    if values:
        names = [field.name for field in attrs.fields(type(values[0]))]
        writer.writerow(names)
        for value in values:
            row = converter.unstructure(value)
            writer.writerow([defuse("" if row[name] is None else str(row[name])) for name in names])
    sys.stdout.buffer.write(buffer.getvalue().encode("utf-8-sig"))
    sys.stdout.buffer.flush()


CONFIG_OPTION = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="TOML file with the rules, the rating scale and the review author  "
    "[default: ./provenance.toml if present]",
)


def complete_rules(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of rule names, also after commas: ``--ignore single-source,un<TAB>``."""
    from ..resolve import RULES

    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    return [prefix + name for name in RULES if name.startswith(last) and name not in done.split(",")]


def _rule_names(ctx: click.Context, param: click.Parameter, value: str | None) -> frozenset[str] | None:
    if value is None:
        return None
    from ..resolve import rule_names

    try:
        return rule_names(value.split(","))
    except InputError as error:
        raise click.BadParameter(error.message, ctx, param) from None


def rule_options(function: Command) -> Command:
    """``--select``, ``--ignore`` and ``--config``: the rules a command that resolves applies."""
    for option in reversed(
        (
            click.option(
                "--select",
                metavar="RULE,...",
                callback=_rule_names,
                shell_complete=complete_rules,
                help="Apply only these rules (see 'provenance rules')  [default: all, or the "
                "config's [rules] select]",
            ),
            click.option(
                "--ignore",
                metavar="RULE,...",
                callback=_rule_names,
                shell_complete=complete_rules,
                help="Leave these rules out, besides those the config's [rules] ignores.",
            ),
            CONFIG_OPTION,
        )
    ):
        function = option(function)
    return function


def chosen_rules(
    config_path: Path | None, select: frozenset[str] | None, ignore: frozenset[str] | None
) -> RuleSelection:
    """The config's ``[rules]`` with ``--select``/``--ignore`` laid over them: the command line wins."""
    from ..resolve import RuleSelection

    return load_config(config_path).rules.then(RuleSelection(select, ignore or frozenset()))


def _size(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    if value is None:
        return None
    from ..read.inputs import parse_size

    try:
        return parse_size(value)
    except InputError as error:
        raise click.BadParameter(error.message, ctx, param) from None


def max_size_option(function: Command) -> Command:
    """``--max-size``: the largest article a command reads before refusing it."""
    return click.option(
        "--max-size",
        metavar="SIZE",
        callback=_size,
        help="Refuse an article (or a corpus record) larger than this, e.g. 50MiB  [default: 10 MiB, "
        "or the config's [limits]]",
    )(function)


def chosen_limits(config_path: Path | None, max_size: int | None) -> Limits:
    """The config's ``[limits]`` with ``--max-size`` laid over both: the command line wins."""
    from ..read import Limits

    limits = load_config(config_path).limits
    return limits if max_size is None else Limits(max_size, max_size)


def load_config(path: Path | None) -> Config:
    """The settings of ``--config``, else of ./provenance.toml when there is one, else defaults."""
    from ..config import FILENAME, Config, read_config

    if path is None:
        local = Path(FILENAME)
        return read_config(local) if local.is_file() else Config()
    return read_config(path)


def main() -> None:
    """Entry point of the ``provenance`` console script."""
    cli(prog_name="provenance")
