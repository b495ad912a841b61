"""The command line: parse arguments, call the library, render, and map errors to exit codes."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click
from attrs import evolve

from . import __version__
from .errors import ExitCode, InputError, ProvenanceError
from .model import Finding, Graph, Severity

SEVERITIES = [severity.value for severity in Severity]
EXPORT_FORMATS = [
    "json", "jsonl", "yaml", "csv", "dot", "graphml", "mermaid", "prov-json", "prov-n", "prov-o",
    "claimreview", "markdown", "html",
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


def _fail_on_option(function: Any) -> Any:
    return click.option(
        "--fail-on",
        type=click.Choice(SEVERITIES),
        default="error",
        show_default=True,
        help="Exit 1 when a finding is at or above this severity.",
    )(function)


def _inputs(paths: Sequence[str]) -> Iterator[Graph]:
    from .read import read_path

    stdin = sys.stdin.buffer
    for path in paths:
        yield from read_path(path, stdin=stdin)


def _exit_for(ctx: click.Context, findings: Sequence[Finding], fail_on: str) -> NoReturn:
    from .resolve import fails

    ctx.exit(int(ExitCode.FINDINGS if fails(findings, Severity(fail_on)) else ExitCode.OK))


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _write_text(text: str) -> None:
    sys.stdout.write(text)


@cli.command()
@click.argument("articles", nargs=-1, metavar="ARTICLE...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["tree", *EXPORT_FORMATS]),
    default="tree",
    show_default=True,
    help="tree: the sourcing tree and findings; json: one canonical document; jsonl: one "
    "canonical document per article; any other: as 'provenance export --to' writes it.",
)
@_fail_on_option
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Audit a whole database instead: the corpus rules (not-independent, conflicting-figures, "
    "circular citations across articles) over every stored document.",
)
@click.pass_context
def audit(
    ctx: click.Context, articles: tuple[str, ...], fmt: str, fail_on: str, db: Path | None
) -> None:
    """Audit articles: every claim, on whose word, and what is wrong with the sourcing.

    ARTICLE is a .txt, .md or .html article, a .json/.yaml provenance file, a .jsonl corpus
    (one {"id", "text", "title", "outlet", "published", "url"} per line), or - for standard input.

    \b
    Examples:
      provenance audit samples/shafaq-2025-01-02-alusi.txt
      provenance audit --db provenance.db --format json
    """
    from .pipeline import analyse, analyse_all

    if db is not None:
        if articles:
            raise click.UsageError("give articles or --db, not both")
        from .resolve import resolve

        with _open_store(db) as store:
            graph = store.graph(with_text=fmt not in {"tree", "markdown"})
        graph = evolve(graph, findings=resolve(graph))
        _show(graph, "json" if fmt == "jsonl" else fmt)
        _exit_for(ctx, graph.findings, fail_on)
    if not articles:
        raise click.UsageError("name at least one ARTICLE (or - for standard input), or --db")

    if fmt == "jsonl":
        findings: list[Finding] = []
        for graph in _inputs(articles):
            analysed = analyse(graph)
            findings.extend(analysed.findings)
            _write_jsonl(analysed)
        _exit_for(ctx, findings, fail_on)
    graph = analyse_all(_inputs(articles))
    _show(graph, fmt)
    _exit_for(ctx, graph.findings, fail_on)


def _show(graph: Graph, fmt: str, options: Any = None) -> None:
    if fmt == "tree":
        from .render import render_audit

        _console().print(render_audit(graph))
        return
    from .export import DEFAULT_OPTIONS, export

    stdout = sys.stdout.buffer
    stdout.write(export(graph, fmt, options or DEFAULT_OPTIONS))
    stdout.flush()


def _write_jsonl(graph: Graph) -> None:
    from . import serialize

    _write_text(serialize.dumps_json(graph, indent=None))


@cli.command()
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the provenance file here (.yaml or .json, by extension).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json", "jsonl"]),
    help="Output format [default: by the extension of --output, else yaml]. "
    "jsonl: one canonical document per input record, to standard output.",
)
@click.option("--force", is_flag=True, help="Overwrite --output if it exists.")
def extract(articles: tuple[str, ...], output: Path | None, fmt: str | None, force: bool) -> None:
    """Extract a provenance file from articles, for hand curation.

    The file holds documents, sources, claims with their chains of attribution, and findings;
    correct it by hand, then run 'provenance check' on it.

    \b
    Examples:
      provenance extract story.txt -o story.provenance.yaml
      provenance extract corpus.jsonl --format jsonl > extracted.jsonl
    """
    from . import serialize
    from .pipeline import analyse, analyse_all

    if fmt == "jsonl":
        if output is not None:
            raise click.UsageError("--format jsonl writes to standard output; drop --output")
        for graph in _inputs(articles):
            _write_jsonl(analyse(graph))
        return
    graph = analyse_all(_inputs(articles))
    if output is None:
        _write_text(serialize.dumps_json(graph) if fmt == "json" else serialize.dumps_yaml(graph))
        return
    if output.exists() and not force:
        raise InputError("exists already; pass --force to overwrite it", path=str(output))
    if fmt is not None:
        wanted = {"yaml": (".yaml", ".yml"), "json": (".json",)}[fmt]
        if output.suffix.lower() not in wanted:
            raise click.UsageError(f"--format {fmt} needs an output file ending in {wanted[0]}")
    elif output.suffix.lower() not in {".yaml", ".yml", ".json"}:
        raise click.UsageError("--output must end in .yaml, .yml or .json")
    try:
        serialize.dump(graph, output)
    except OSError as error:
        raise InputError(error.strerror or str(error), path=str(output)) from None
    click.echo(
        f"Wrote {output}: {len(graph.documents)} document(s), {len(graph.sources)} sources, "
        f"{len(graph.claims)} claims, {len(graph.findings)} findings.",
        err=True,
    )


@cli.command("export")
@click.argument("inputs", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--to",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="The format to write (listed below).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="A file, or a folder to write a file named after the document or claim into "
    "[default: standard output].",
)
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option("--claim", "claim_id", metavar="ID", help="The claim to review (claimreview).")
def export_command(
    inputs: tuple[str, ...], fmt: str, output: Path | None, force: bool, claim_id: str | None
) -> None:
    """Export citation chains to the formats other tools read.

    FILE is an article (extracted first) or a curated provenance file.

    \b
    Formats:
      json         the canonical provenance document (schemas/)
      jsonl        one canonical document per article, one per line
      yaml         the canonical document as YAML, for curation
      csv          one spreadsheet row per hop of every claim's chain
      dot          GraphViz graph of documents, sources, claims and hops
      graphml      GraphML for Gephi, yEd and networkx
      mermaid      Mermaid flowchart that GitHub Markdown renders
      prov-json    W3C PROV as PROV-JSON
      prov-n       W3C PROV as PROV-N
      prov-o       W3C PROV-O as RDF Turtle
      claimreview  schema.org ClaimReview JSON-LD for one claim (needs --claim)
      markdown     sourcing tree and findings for a wiki or pull request
      html         self-contained report page: article, tree, findings, chains

    \b
    Examples:
      provenance export story.txt --to html -o report.html
      provenance export story.provenance.yaml --to prov-n
      provenance export story.txt --to claimreview --claim doc-1a2b-c3
    """
    from .export import ExportOptions, default_filename, export, write_export
    from .pipeline import analyse_all

    graph = analyse_all(_inputs(inputs))
    options = ExportOptions(claim=claim_id)
    data = export(graph, fmt, options)
    if output is None:
        stdout = sys.stdout.buffer
        stdout.write(data)
        stdout.flush()
        return
    written = write_export(data, output, force=force, name=default_filename(graph, fmt, options))
    click.echo(f"Wrote {written} ({fmt}, {len(data):,} bytes).", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: the findings for a person; json: the findings as a JSON list.",
)
@_fail_on_option
@click.pass_context
def check(ctx: click.Context, files: tuple[str, ...], fmt: str, fail_on: str) -> None:
    """Validate curated provenance files and resolve their findings anew.

    FILE is a .json or .yaml provenance file (as written by 'provenance extract'). Schema
    violations are reported with the JSON path of what is wrong, and exit 2.
    """
    graph = _curated(files)
    if fmt == "json":
        import json

        from .serialize import converter

        _write_text(json.dumps(converter.unstructure(list(graph.findings)), indent=2) + "\n")
    else:
        from .render import render_findings

        console = _console()
        if graph.findings:
            console.print(render_findings(graph.findings, graph))
        console.print(
            f"{len(graph.documents)} document(s), {len(graph.sources)} sources, "
            f"{len(graph.claims)} claims, {len(graph.findings)} findings."
        )
    _exit_for(ctx, graph.findings, fail_on)


@cli.command()
@click.argument("files", nargs=-1, metavar="FILE...")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
              help="Show a stored document instead (with --document).")
@click.option("--document", "document_id", metavar="ID", help="The stored document to show.")
@_fail_on_option
@click.pass_context
def tree(
    ctx: click.Context, files: tuple[str, ...], db: Path | None, document_id: str | None,
    fail_on: str,
) -> None:
    """Show the sourcing tree and findings of curated provenance files, or of a stored document.

    \b
    Examples:
      provenance tree story.provenance.yaml
      provenance tree --db provenance.db --document doc-1a2b3c4d5e6f7a8b
    """
    if db is not None or document_id is not None:
        if files or db is None or document_id is None:
            raise click.UsageError("a stored document needs --db and --document, and no FILE")
        from .resolve import resolve

        with _open_store(db) as store:
            graph = store.graph(document_id)
        graph = evolve(graph, findings=resolve(graph))
    elif files:
        graph = _curated(files)
    else:
        raise click.UsageError("name a provenance FILE, or --db and --document")
    _show(graph, "tree")
    _exit_for(ctx, graph.findings, fail_on)


def _curated(files: Sequence[str]) -> Graph:
    """Curated provenance files, merged and resolved anew; articles are refused."""
    from .read import PROVENANCE_SUFFIXES, read_path
    from .resolve import resolve

    graphs: list[Graph] = []
    for name in files:
        if name != "-" and Path(name).suffix.lower() not in PROVENANCE_SUFFIXES:
            raise InputError(
                "not a provenance file (.json, .yaml); use 'provenance audit' for articles", path=name
            )
        graphs.extend(read_path(name, stdin=sys.stdin.buffer))
    merged = Graph.merge(evolve(graph, findings=()) for graph in graphs)
    return evolve(merged, findings=resolve(merged))


# The database commands.

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


def _open_store(db: Path, *, readonly: bool = True) -> Any:
    from .store import Store

    if readonly and not db.exists():
        raise InputError("no such database; fill one with 'provenance ingest'", path=str(db))
    return Store.open(db, readonly=readonly)


def _write_json(value: object) -> None:
    import json

    from .serialize import converter

    _write_text(json.dumps(converter.unstructure(value), ensure_ascii=False, indent=2) + "\n")


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@DB_OPTION
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes that extract in parallel  [default: the number of cores]",
)
def ingest(paths: tuple[str, ...], db: Path, jobs: int | None) -> None:
    """Fill a database from articles: files, folders (recursively), .jsonl corpora or -.

    Each document is committed on its own, so an interrupted run keeps what it finished and a
    rerun completes the job; documents already stored are skipped. A file that cannot be read is
    reported and skipped, and the exit code is then 1.

    \b
    Examples:
      provenance ingest samples/
      provenance ingest corpus.jsonl --db news.db --jobs 2
    """
    import os

    from .ingest import ingest as run_ingest

    jobs = jobs or os.cpu_count() or 1
    stderr = _error_console()
    with _open_store(db, readonly=False) as store, _ProgressBar(stderr) as progress:
        summary = run_ingest(
            paths, store, jobs=jobs, on_progress=progress.update,
            stdin=sys.stdin.buffer,
        )
    for name, reason in summary.failed:
        click.echo(f"Error: {name}: {reason}", err=True)
    click.echo(
        f"{db}: {summary.ingested} ingested ({summary.updated} updated), {summary.unchanged} "
        f"unchanged, {len(summary.failed)} failed; {summary.claims} claims written.",
        err=True,
    )
    if not summary.is_ok:
        click.get_current_context().exit(int(ExitCode.FINDINGS))


def _error_console() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


class _ProgressBar:
    """A rich progress bar on a terminal; a quiet line every few thousand documents otherwise."""

    def __init__(self, console: Any) -> None:
        self.console = console
        self.bar: Any = None
        self.task: Any = None
        self.reported = 0

    def __enter__(self) -> _ProgressBar:
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
                TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[claims]} claims"), TextColumn("{task.fields[rate]} docs/s"),
                TimeElapsedColumn(), TimeRemainingColumn(), console=self.console,
            )
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=None, claims=0, rate="-")
        return self

    def update(self, progress: Any) -> None:
        if self.bar is not None:
            speed = self.bar.tasks[0].speed
            self.bar.update(self.task, completed=progress.done, total=progress.total,
                            claims=progress.claims, rate=f"{speed:,.0f}" if speed else "-")
        elif progress.done - self.reported >= 5000:
            self.reported = progress.done
            of = f"/{progress.total}" if progress.total else ""
            click.echo(f"ingest: {progress.done}{of} inputs, {progress.claims} claims", err=True)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@cli.command()
@click.argument("query")
@DB_OPTION
@click.option("-n", "--limit", type=click.IntRange(1, 1000), default=20, show_default=True,
              help="How many claims to show.")
@JSON_OPTION
def search(query: str, db: Path, limit: int, fmt: str) -> None:
    """Full-text search over stored claims, best match first, each with its chain.

    QUERY uses SQLite FTS5 syntax: words, "exact phrases", OR, NOT, prefix*.

    \b
    Example:
      provenance search 'convoy AND Kobani'
    """
    marks = ("\x02", "\x03")
    with _open_store(db) as store:
        hits = store.search(query, limit, marks=marks if fmt == "table" else ("[", "]"))
    if fmt == "json":
        _write_json(hits)
        return
    from .render.corpus import render_search

    _console().print(render_search(hits, query, marks))


@cli.command()
@click.argument("source")
@DB_OPTION
@click.option("-n", "--limit", type=click.IntRange(1, 100_000), default=100, show_default=True,
              help="How many of the newest claims to list.")
@JSON_OPTION
def trace(source: str, db: Path, limit: int, fmt: str) -> None:
    """Everything that rests on a source: claims and documents, through intermediate hops.

    SOURCE is a source id, name, alias or acronym.

    \b
    Example:
      provenance trace "Syrian Observatory for Human Rights"
    """
    with _open_store(db) as store:
        found = store.trace(source, limit)
    if fmt == "json":
        _write_json(found)
        return
    from .render.corpus import render_trace

    _console().print(render_trace(found))


@cli.group(invoke_without_command=True)
@DB_OPTION
@click.option("--anonymous", is_flag=True, help="Include anonymous sources (one per article).")
@JSON_OPTION
@click.pass_context
def sources(ctx: click.Context, db: Path, anonymous: bool, fmt: str) -> None:
    """The sources of a database: kind, claims, documents, outlets citing them, when seen.

    \b
    Examples:
      provenance sources
      provenance sources merge "Syrian Observatory for Human Rights" "Syrian Observatory"
      provenance sources split "Syrian Observatory"
    """
    ctx.obj = db
    if ctx.invoked_subcommand is not None:
        return
    with _open_store(db) as store:
        stats = store.sources(include_anonymous=anonymous)
    if fmt == "json":
        _write_json(stats)
        return
    from .render.corpus import render_sources

    _console().print(render_sources(stats))


SUB_DB_OPTION = click.option(
    "--db", "sub_db", type=click.Path(dir_okay=False, path_type=Path),
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
    with _open_store(sub_db or db, readonly=False) as store:
        store.merge_sources(keep, other)
    click.echo(f"Merged {other!r} into {keep!r}.", err=True)


@sources.command("split")
@click.argument("source")
@SUB_DB_OPTION
@click.pass_obj
def sources_split(db: Path, source: str, sub_db: Path | None) -> None:
    """Undo merges: a merged member stands alone again, or a group's members all do."""
    with _open_store(sub_db or db, readonly=False) as store:
        detached = store.split_source(source)
    click.echo(f"Split {', '.join(detached) or 'nothing'} from {source!r}.", err=True)


def main() -> None:
    """Entry point of the ``provenance`` console script."""
    cli(prog_name="provenance")
