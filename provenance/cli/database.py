"""Commands on a database of many articles: ingest, search, trace, sources."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import ExitCode
from .base import (
    DB_OPTION,
    JSON_OPTION,
    chosen_limits,
    chosen_rules,
    cli,
    console,
    max_size_option,
    open_store,
    rule_options,
    write_csv,
    write_json,
)

if TYPE_CHECKING:  # imported where used, so that --help stays quick
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from ..ingest import Progress as IngestProgress
    from ..scale.results import ShardProgress


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@DB_OPTION
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes that extract in parallel  [default: the number of cores]",
)
@rule_options
@max_size_option
def ingest(
    paths: tuple[str, ...],
    db: Path,
    jobs: int | None,
    select: frozenset[str] | None,
    ignore: frozenset[str] | None,
    config_path: Path | None,
    max_size: int | None,
) -> None:
    """Fill a database from articles: files, folders (recursively), .jsonl corpora or -; or
    from a Parquet dataset that 'extract --engine dask' wrote, analysed already.

    Documents are committed a batch at a time, each whole, so an interrupted run keeps what it
    committed and a rerun completes the job; documents already stored are skipped. A file that
    cannot be read is reported and skipped, and the exit code is then 1; files in folders that are
    no article (PDFs, images) are reported as skipped and leave the exit code alone. The findings
    stored are those of the rules chosen (--select, --ignore, the config's [rules]); a dataset
    keeps its own.

    \b
    Examples:
      provenance ingest samples/
      provenance ingest corpus.jsonl --db news.db --jobs 2
      provenance ingest dataset/ --db news.db
    """
    import os
    from functools import partial

    from ..ingest import ingest as run_ingest
    from ..pipeline import analyse

    rules = chosen_rules(config_path, select, ignore)
    jobs = jobs or os.cpu_count() or 1
    stderr = error_console()
    with open_store(db, readonly=False) as store, ProgressBar(stderr) as progress:
        summary = run_ingest(
            paths,
            store,
            jobs=jobs,
            on_progress=progress.update,
            analyse=partial(analyse, rules=rules),
            stdin=sys.stdin.buffer,
            limits=chosen_limits(config_path, max_size),
        )
    for name, reason in summary.skipped:
        click.echo(f"Skipped: {name}: {reason}", err=True)
    for name, reason in summary.failed:
        click.echo(f"Error: {name}: {reason}", err=True)
    click.echo(
        f"{db}: {summary.ingested} ingested ({summary.updated} updated), {summary.unchanged} "
        f"unchanged, {len(summary.failed)} failed, {len(summary.skipped)} skipped; "
        f"{summary.claims} claims written.",
        err=True,
    )
    if not summary.is_ok:
        click.get_current_context().exit(int(ExitCode.FINDINGS))


def error_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


class ProgressBar:
    """A rich progress bar on a terminal; a quiet line every few thousand documents otherwise."""

    def __init__(
        self, console: Console, *, label: str = "ingest", unit: str = "docs", every: int = 5000
    ) -> None:
        self.console = console
        self.label = label
        self.unit = unit
        self.every = every
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        self.reported = 0

    def __enter__(self) -> ProgressBar:
        if self.console.is_terminal:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn(f"[bold]{self.label}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[claims]} claims"),
                TextColumn(f"{{task.fields[rate]}} {self.unit}/s"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=self.console,
            )
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=None, claims=0, rate="-")
        return self

    def update(self, progress: IngestProgress | ShardProgress) -> None:
        if self.bar is not None and self.task is not None:
            speed = self.bar.tasks[0].speed
            self.bar.update(
                self.task,
                completed=progress.done,
                total=progress.total,
                claims=progress.claims,
                rate=(f"{speed:,.0f}" if speed >= 10 else f"{speed:.2g}") if speed else "-",
            )
        elif progress.done - self.reported >= self.every:
            self.reported = progress.done
            of = f"/{progress.total}" if progress.total else ""
            click.echo(f"{self.label}: {progress.done}{of} {self.unit}, {progress.claims} claims", err=True)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@cli.command()
@click.argument("query")
@DB_OPTION
@click.option(
    "-n",
    "--limit",
    type=click.IntRange(1, 1000),
    default=20,
    show_default=True,
    help="How many claims to show.",
)
@JSON_OPTION
def search(query: str, db: Path, limit: int, fmt: str) -> None:
    """Full-text search over stored claims, best match first, each with its chain.

    QUERY is what you would type: words (a claim must hold them all; each is taken as written,
    apostrophes, dots and hyphens included), "exact phrases", OR, NOT (a NOT b: a without b),
    prefix*, and (groups).

    \b
    Examples:
      provenance search 'convoy Kobani'
      provenance search "state's power"
      provenance search Al-Hasakah
      provenance search '"US forces" OR coalition'
      provenance search 'convoy NOT Kobani'
      provenance search 'reinforce*'
    """
    marks = ("\x02", "\x03")
    with open_store(db) as store:
        hits = store.search(query, limit, marks=marks if fmt == "table" else ("[", "]"))
        total = store.search_total(query) if len(hits) == limit else len(hits)
    if fmt == "json":
        write_json(hits)
        return
    from ..render.corpus import render_search

    console().print(render_search(hits, query, marks, total=total))


@cli.command()
@DB_OPTION
@click.option("--outlet", metavar="NAME", help="Only the documents of this outlet (id, name or alias).")
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="DATE",
    help="Only documents published on or after this day (YYYY-MM-DD, UTC).",
)
@click.option(
    "--until",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="DATE",
    help="Only documents published on or before this day (YYYY-MM-DD, UTC).",
)
@click.option(
    "--search",
    metavar="QUERY",
    help="Only documents with a claim matching QUERY (as 'provenance search' takes it) or whose "
    "title contains it.",
)
@click.option(
    "-n",
    "--limit",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="How many of the newest documents to list.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="table: for a person; json: for a program; csv: for a spreadsheet.",
)
def documents(
    db: Path,
    outlet: str | None,
    since: datetime | None,
    until: datetime | None,
    search: str | None,
    limit: int,
    fmt: str,
) -> None:
    """The stored documents, newest first: id, outlet, publication day, title, claims, findings.

    The id is what 'provenance tree --db' and 'provenance export --db --document' take; the
    findings are those stored at ingest (the rules chosen then).

    \b
    Examples:
      provenance documents
      provenance documents --outlet "Shafaq News" --since 2025-01-01 --until 2025-01-31
      provenance documents --search convoy --format csv > convoy.csv
    """
    with open_store(db) as store:
        listing = store.documents(
            outlet=outlet,
            since=since.date() if since else None,
            until=until.date() if until else None,
            search=search,
            limit=limit,
        )
    if fmt == "json":
        write_json(list(listing.documents))
    elif fmt == "csv":
        write_csv(listing.documents)
    else:
        from ..render.corpus import render_documents

        console().print(render_documents(listing))


@cli.command()
@click.argument("source")
@DB_OPTION
@click.option(
    "-n",
    "--limit",
    type=click.IntRange(1, 100_000),
    default=100,
    show_default=True,
    help="How many of the newest claims to list.",
)
@JSON_OPTION
def trace(source: str, db: Path, limit: int, fmt: str) -> None:
    """Everything that rests on a source: claims and documents, through intermediate hops.

    SOURCE is a source id, name, alias or acronym.

    \b
    Example:
      provenance trace "Syrian Observatory for Human Rights"
    """
    with open_store(db) as store:
        found = store.trace(source, limit)
    if fmt == "json":
        write_json(found)
        return
    from ..render.corpus import render_trace

    console().print(render_trace(found))


@cli.group(invoke_without_command=True)
@DB_OPTION
@click.option(
    "--anonymous",
    is_flag=True,
    help="Include the parties of one article each: anonymous sources, pronouns and descriptions "
    "('the company'), one line per name.",
)
@click.option(
    "--ambiguous",
    is_flag=True,
    help="List the bare surnames that could be any of several people named in full, to merge or split.",
)
@JSON_OPTION
@click.pass_context
def sources(ctx: click.Context, db: Path, anonymous: bool, ambiguous: bool, fmt: str) -> None:
    """The sources of a database: kind, claims, documents, outlets citing them, when seen.

    Only named parties are one source across articles; 'he', 'the company' or 'officials' are a
    different party in each. A bare surname joins the one person of that surname named in full;
    with several, --ambiguous lists it for a person to merge.

    \b
    Examples:
      provenance sources
      provenance sources --ambiguous
      provenance sources merge "Syrian Observatory for Human Rights" "Syrian Observatory"
      provenance sources split "Syrian Observatory"
    """
    ctx.obj = db
    if ctx.invoked_subcommand is not None:
        return
    if ambiguous:
        with open_store(db) as store:
            found = store.ambiguous_sources()
        if fmt == "json":
            write_json(found)
            return
        from ..render.corpus import render_ambiguous

        console().print(render_ambiguous(found))
        return
    with open_store(db) as store:
        stats = store.sources(include_anonymous=anonymous)
    if fmt == "json":
        write_json(stats)
        return
    from ..render.corpus import render_sources

    console().print(render_sources(stats))


SUB_DB_OPTION = click.option(
    "--db",
    "sub_db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The SQLite database  [default: the one given to 'sources', else provenance.db]",
)


@sources.command("merge")
@click.argument("keep")
@click.argument("other")
@SUB_DB_OPTION
@click.pass_obj
def sources_merge(db: Path, keep: str, other: str, sub_db: Path | None) -> None:
    """Make OTHER the same source as KEEP (what the automatic pass missed).

    Both are ids, names or aliases; 'provenance sources split OTHER' undoes it.
    """
    with open_store(sub_db or db, readonly=False) as store:
        store.merge_sources(keep, other)
    click.echo(f"Merged {other!r} into {keep!r}.", err=True)


@sources.command("split")
@click.argument("source")
@SUB_DB_OPTION
@click.pass_obj
def sources_split(db: Path, source: str, sub_db: Path | None) -> None:
    """Undo merges: a merged member stands alone again, or a group's members all do."""
    with open_store(sub_db or db, readonly=False) as store:
        detached = store.split_source(source)
    click.echo(f"Split {', '.join(detached) or 'nothing'} from {source!r}.", err=True)
