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
@click.argument("inputs", nargs=-1, metavar="FILE...")
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
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
              help="ClaimReview of stored claims instead, rated by their newest verdict.")
@click.option("--all", "all_claims", is_flag=True,
              help="With --db: one ClaimReview per reviewed claim, into the folder -o.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Config file naming the review author  [default: ./provenance.toml if present]")
def export_command(
    inputs: tuple[str, ...], fmt: str, output: Path | None, force: bool, claim_id: str | None,
    db: Path | None, all_claims: bool, config_path: Path | None,
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
      provenance export --to claimreview --db provenance.db --claim doc-1a2b-c3
      provenance export --to claimreview --db provenance.db --all -o reviews/
    """
    from .export import ExportOptions, default_filename, export, write_export
    from .pipeline import analyse_all

    if db is not None:
        if inputs:
            raise click.UsageError("give FILEs or --db, not both")
        _export_reviews(db, fmt, claim_id, all_claims, output, force, config_path)
        return
    if all_claims:
        raise click.UsageError("--all exports the reviewed claims of a database: give --db")
    if not inputs:
        raise click.UsageError("name at least one FILE, or --db with --to claimreview")
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


def _export_reviews(db: Path, fmt: str, claim_id: str | None, all_claims: bool, output: Path | None,
                    force: bool, config_path: Path | None) -> None:
    """ClaimReview of one stored claim (to -o or standard output), or of every reviewed one."""
    from .export import safe_name, write_export
    from .factcheck import claimreview

    if fmt != "claimreview":
        raise click.UsageError("--db exports ClaimReview only: use --to claimreview")
    if all_claims == (claim_id is not None):
        raise click.UsageError("name one claim with --claim ID, or give --all")
    config = _config(config_path)
    with _open_store(db) as store:
        if claim_id is not None:
            data = claimreview(store, claim_id, config)
            if output is None:
                sys.stdout.buffer.write(data)
                sys.stdout.flush()
                return
            written = write_export(data, output, force=force, name=safe_name(claim_id) + ".jsonld")
            click.echo(f"Wrote {written} (claimreview, {len(data):,} bytes).", err=True)
            return
        if output is None or not output.is_dir():
            raise click.UsageError("--all writes one file per claim: give an existing folder as -o")
        claims = store.reviewed_claims()
        for reviewed in claims:
            data = claimreview(store, reviewed, config)
            write_export(data, output, force=force, name=safe_name(reviewed) + ".jsonld")
    click.echo(f"Wrote {len(claims)} ClaimReview file(s) into {output}.", err=True)


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


# The fact-check workflow.

CONFIG_OPTION = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
    help="TOML file with the rating scale and review author  [default: ./provenance.toml if present]",
)


def _config(path: Path | None) -> Any:
    """The settings of ``--config``, else of ./provenance.toml when there is one, else defaults."""
    from .config import FILENAME, Config, read_config

    if path is None:
        local = Path(FILENAME)
        return read_config(local) if local.is_file() else Config()
    return read_config(path)


def _ratings(value: str | None) -> frozenset[str]:
    from .review import rating_name

    return frozenset(rating_name(name) for name in (value or "").split(",") if name.strip())


@cli.command("check-claim")
@click.argument("text")
@DB_OPTION
@click.option("--threshold", type=click.FloatRange(0, 100), default=70.0, show_default=True,
              help="Least similarity (0-100) for a stored claim or review to count as a match.")
@click.option("-n", "--limit", type=click.IntRange(1, 1000), default=10, show_default=True,
              help="How many matches to show.")
@click.option("--fail-if-rated", metavar="RATINGS",
              help="Comma-separated ratings (e.g. false,misleading): exit 1 when a match's "
              "standing verdict is one of them.")
@JSON_OPTION
@click.pass_context
def check_claim(ctx: click.Context, text: str, db: Path, threshold: float, limit: int,
                fail_if_rated: str | None, fmt: str) -> None:
    """Has this claim been seen, where, on whose word, and what was decided about it?

    Stored claims sharing words with TEXT are ranked by similarity; copies of one claim in
    several articles make one match, with its chain, root sources, number of independent
    origins, first appearance and verdicts (the newest stands). Reviews imported with
    'provenance import-claimreview' match too.

    \b
    Examples:
      provenance check-claim "US forces sent 50 trucks to areas held by the SDF"
      provenance check-claim "..." --format json --fail-if-rated false,misleading
    """
    failing = _ratings(fail_if_rated)
    with _open_store(db) as store:
        matches = store.check_claim(text, threshold=threshold, limit=limit)
    if fmt == "json":
        from .serialize import converter

        _write_json([{**converter.unstructure(match), "origins": match.origins,
                      "first_appearance": converter.unstructure(match.first_appearance),
                      "verdict": converter.unstructure(match.verdict)} for match in matches])
    else:
        from .render.review import render_matches

        _console().print(render_matches(matches, text))
    rated = any(match.verdict is not None and match.verdict.rating in failing for match in matches)
    ctx.exit(int(ExitCode.FINDINGS if rated else ExitCode.OK))


@cli.command()
@click.argument("claim_id", metavar="CLAIM_ID")
@click.option("--rating", required=True, help="The verdict, a name on the scale (default scale: "
              "true, mostly-true, half-true, misleading, false, unproven).")
@click.option("--reviewer", required=True, metavar="NAME", help="Who reviewed the claim.")
@click.option("--note", metavar="TEXT", help="Why, in a sentence or two (ClaimReview reviewBody).")
@click.option("--evidence", "evidence", multiple=True, metavar="URL",
              help="A source the verdict rests on; repeat for several.")
@DB_OPTION
@CONFIG_OPTION
def review(claim_id: str, rating: str, reviewer: str, note: str | None, evidence: tuple[str, ...],
           db: Path, config_path: Path | None) -> None:
    """Record a verdict on a stored claim; earlier verdicts are kept and the newest stands.

    The verdict holds for every copy of the claim in other articles. A newsroom's own scale
    and the organisation it publishes under come from provenance.toml (or --config):

    \b
      [review]
      author = "Example Fact Check"
      [[review.ratings]]          # best first
      name = "correct"
      label = "Correct"
      value = 3

    \b
    Example:
      provenance review doc-1a2b3c4d5e6f7a8b-c12 --rating mostly-true --reviewer "A. Checker" \\
        --note "About 50 trucks, per SOHR" --evidence https://example.org/sohr
    """
    from datetime import UTC, datetime

    from .factcheck import record_review

    config = _config(config_path)
    if not db.exists():
        raise InputError("no such database; fill one with 'provenance ingest'", path=str(db))
    with _open_store(db, readonly=False) as store:
        recorded = record_review(store, claim_id, rating, config, reviewer=reviewer, note=note,
                                 evidence=evidence, reviewed=datetime.now(UTC))
    click.echo(f"Recorded {recorded.label!r} on {claim_id} by {reviewer}; it now stands.", err=True)


@cli.command()
@click.argument("claim_id", metavar="CLAIM_ID")
@DB_OPTION
@JSON_OPTION
def reviews(claim_id: str, db: Path, fmt: str) -> None:
    """The verdicts on a claim and its copies in other articles, newest (standing) first.

    \b
    Example:
      provenance reviews doc-1a2b3c4d5e6f7a8b-c12
    """
    with _open_store(db) as store:
        history = store.reviews(claim_id)
    if fmt == "json":
        from .serialize import converter

        _write_json([{**converter.unstructure(item), "standing": number == 0}
                     for number, item in enumerate(history)])
        return
    from .render.review import render_reviews

    _console().print(render_reviews(history, claim_id))


@cli.command("import-claimreview")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@DB_OPTION
def import_claimreview(files: tuple[str, ...], db: Path) -> None:
    """Import fact-checks published by others, so that 'provenance check-claim' finds them.

    FILE is ClaimReview JSON-LD (.json, .jsonld: one review, a list, or an @graph) or a saved web
    page whose embedded JSON-LD or microdata holds ClaimReview. Importing a file twice adds
    nothing.

    \b
    Examples:
      provenance import-claimreview factcheck.jsonld
      provenance import-claimreview saved-page.html --db news.db
    """
    from datetime import UTC, datetime

    from .factcheck import import_claimreviews

    with _open_store(db, readonly=False) as store:
        for name in files:
            result = import_claimreviews(store, Path(name), received=datetime.now(UTC))
            click.echo(f"{name}: {result.found} review(s) found, {result.added} new.", err=True)


def main() -> None:
    """Entry point of the ``provenance`` console script."""
    cli(prog_name="provenance")
