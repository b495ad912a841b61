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
    from rich.console import Console

    from ..factcheck.config import Config
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


class _UserError(click.ClickException):
    """A `ProvenanceError` on its way out: printed as ``Error: <file>: <what>``, with its exit code."""

    def __init__(self, error: ProvenanceError) -> None:
        super().__init__(str(error))
        self.exit_code = int(error.exit_code)


class _Cli(click.Group):
    """The one place where library errors become exit codes; anything else is a bug and shows."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ProvenanceError as error:
            raise _UserError(error) from None
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


def read_inputs(paths: Sequence[str]) -> Iterator[Graph]:
    from ..read import read_path

    stdin = sys.stdin.buffer
    for path in paths:
        yield from read_path(path, stdin=stdin)


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


CONFIG_OPTION = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="TOML file with the rating scale and review author  [default: ./provenance.toml if present]",
)


def load_config(path: Path | None) -> Config:
    """The settings of ``--config``, else of ./provenance.toml when there is one, else defaults."""
    from ..factcheck.config import FILENAME, Config, read_config

    if path is None:
        local = Path(FILENAME)
        return read_config(local) if local.is_file() else Config()
    return read_config(path)


def main() -> None:
    """Entry point of the ``provenance`` console script."""
    cli(prog_name="provenance")
