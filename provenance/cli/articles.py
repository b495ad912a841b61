"""Commands on articles and curated files: audit, extract, check, tree, export."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from ..errors import ExitCode, InputError
from ..model import Finding, Graph
from .base import (
    EXPORT_FORMATS,
    JSON_OPTION,
    chosen_limits,
    chosen_rules,
    cli,
    console,
    exit_for,
    fail_on_option,
    graph_format_option,
    load_config,
    max_size_option,
    open_store,
    read_inputs,
    rule_options,
    write_json,
    write_text,
)
from .factcheck import export_reviews, warn_without_author

if TYPE_CHECKING:
    from ..export import ExportOptions
    from ..read import Limits
    from ..resolve import RuleSelection


@cli.command()
@click.argument("articles", nargs=-1, metavar="[ARTICLE]...")
@graph_format_option
@fail_on_option
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Audit a whole database instead: every rule over every stored document together; shows "
    "the findings by rule and, in full, those across articles (not-independent, conflicting-figures, "
    "circular citations). Each article's tree: 'provenance tree --db DB --document ID'.",
)
@rule_options
@max_size_option
@click.pass_context
def audit(
    ctx: click.Context,
    articles: tuple[str, ...],
    fmt: str,
    fail_on: str,
    db: Path | None,
    select: frozenset[str] | None,
    ignore: frozenset[str] | None,
    config_path: Path | None,
    max_size: int | None,
) -> None:
    """Audit articles: every claim, on whose word, and what is wrong with the sourcing.

    ARTICLE is a .txt, .md or .html article, a .json/.yaml provenance file, a .jsonl corpus
    (one {"id", "text", "title", "outlet", "published", "url"} per line), or - for standard input.
    With --db, no ARTICLE: the stored documents are audited together.

    \b
    Examples:
      provenance audit samples/shafaq-2025-01-02-alusi.txt
      provenance audit story.txt --ignore single-source --fail-on warning
      provenance audit --db provenance.db --format json
    """
    from ..pipeline import analyse, analyse_all, resolved_stored

    rules = chosen_rules(config_path, select, ignore)
    if db is not None:
        if articles:
            raise click.UsageError("give articles or --db, not both")
        with open_store(db) as store:
            # The findings are resolved anew: the stored ones would only take memory.
            graph = store.graph(with_text=fmt not in {"tree", "markdown"}, with_findings=False)
        graph = resolved_stored(graph, rules)
        if fmt == "tree":
            from ..render.overview import render_overview

            console().print(render_overview(graph, str(db)))
        else:
            _show(graph, "json" if fmt == "jsonl" else fmt)
        exit_for(ctx, graph.findings, fail_on)
    if not articles:
        raise click.UsageError("name at least one ARTICLE (or - for standard input), or --db")

    limits = chosen_limits(config_path, max_size)
    if fmt == "jsonl":
        findings: list[Finding] = []
        for graph in read_inputs(articles, limits):
            analysed = analyse(graph, rules)
            findings.extend(analysed.findings)
            _write_jsonl(analysed)
        exit_for(ctx, findings, fail_on)
    graph = analyse_all(read_inputs(articles, limits), rules)
    _show(graph, fmt)
    exit_for(ctx, graph.findings, fail_on)


def _show(graph: Graph, fmt: str, options: ExportOptions | None = None) -> None:
    if fmt == "tree":
        from ..render import render_audit

        console().print(render_audit(graph))
        return
    from ..export import DEFAULT_OPTIONS, export

    stdout = sys.stdout.buffer
    stdout.write(export(graph, fmt, options or DEFAULT_OPTIONS))
    stdout.flush()


def _write_jsonl(graph: Graph) -> None:
    from .. import serialize

    write_text(serialize.dumps_json(graph, indent=None))


@cli.command()
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write the provenance file here (.yaml or .json, by extension); with --engine dask, the "
    "folder of the Parquet dataset.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json", "jsonl"]),
    help="Output format [default: by the extension of --output, else yaml]. "
    "jsonl: one canonical document per input record, to standard output.",
)
@click.option(
    "--force", is_flag=True, help="Overwrite --output if it exists; with --engine dask, redo every shard."
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: in this process. dask: one task per shard (a .jsonl or .jsonl.gz corpus, or a "
    "group of article files) on a Dask cluster, into a Parquet dataset in -o; a re-run skips the "
    "shards already written. Needs pip install 'news-provenance[dask]'.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="With --engine dask: the cluster's scheduler (tcp://host:8786)  [default: a local cluster]",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="With --engine dask and no --scheduler: local worker processes  [default: the number of cores]",
)
@max_size_option
def extract(
    articles: tuple[str, ...],
    output: Path | None,
    fmt: str | None,
    force: bool,
    engine: str,
    scheduler: str | None,
    jobs: int | None,
    max_size: int | None,
) -> None:
    """Extract a provenance file from articles, for hand curation; or, with --engine dask, a
    Parquet dataset from a corpus too large for one machine.

    The file holds documents, sources, claims with their chains of attribution, and findings;
    correct it by hand, then run 'provenance check' on it. The dataset holds the same as tables
    (docs/dataset.md); load it into a database with 'provenance ingest OUTDIR'.

    \b
    Examples:
      provenance extract story.txt -o story.provenance.yaml
      provenance extract corpus.jsonl --format jsonl > extracted.jsonl
      provenance extract shards/ --engine dask -o dataset/
      provenance extract shards/*.jsonl.gz --engine dask --scheduler tcp://head:8786 -o /shared/ds
    """
    from .. import serialize
    from ..pipeline import analyse, analyse_all

    if engine == "dask":
        if fmt is not None or output is None:
            raise click.UsageError("--engine dask writes a Parquet dataset: give -o OUTDIR, and no --format")
        if scheduler is not None and jobs is not None:
            raise click.UsageError(
                "--jobs sizes a local cluster; a --scheduler's cluster has its own workers"
            )
        _extract_on_cluster(articles, output, scheduler=scheduler, jobs=jobs, redo=force)
    if scheduler is not None or jobs is not None:
        raise click.UsageError("--scheduler and --jobs go with --engine dask")
    if output is not None and output.is_dir():
        raise InputError("is a folder; the provenance file goes in a file", path=str(output))
    limits = chosen_limits(None, max_size)
    if fmt == "jsonl":
        if output is not None:
            raise click.UsageError("--format jsonl writes to standard output; drop --output")
        for graph in read_inputs(articles, limits):
            _write_jsonl(analyse(graph))
        return
    graph = analyse_all(read_inputs(articles, limits))
    if output is None:
        write_text(serialize.dumps_json(graph) if fmt == "json" else serialize.dumps_yaml(graph))
        return
    if fmt is not None:
        wanted = {"yaml": (".yaml", ".yml"), "json": (".json",)}[fmt]
        if output.suffix.lower() not in wanted:
            raise click.UsageError(f"--format {fmt} needs an output file ending in {wanted[0]}")
    elif output.suffix.lower() not in {".yaml", ".yml", ".json"}:
        raise click.UsageError("--output must end in .yaml, .yml or .json")
    from ..export import write_export  # never overwrites without --force, never through a link

    is_yaml = output.suffix.lower() in {".yaml", ".yml"}
    text = serialize.dumps_yaml(graph) if is_yaml else serialize.dumps_json(graph)
    write_export(text.encode("utf-8"), output, force=force)
    click.echo(
        f"Wrote {output}: {len(graph.documents)} document(s), {len(graph.sources)} sources, "
        f"{len(graph.claims)} claims, {len(graph.findings)} findings.",
        err=True,
    )


def _extract_on_cluster(
    articles: Sequence[str], output: Path, *, scheduler: str | None, jobs: int | None, redo: bool
) -> NoReturn:
    from .. import scale
    from .database import ProgressBar, error_console

    with ProgressBar(error_console(), label="extract", unit="shards", every=100) as progress:
        summary = scale.extract(
            articles, output, scheduler=scheduler, workers=jobs, redo=redo, on_progress=progress.update
        )
    for name, reason in (*summary.failed_shards, *summary.failed_inputs):
        click.echo(f"Error: {name}: {reason}", err=True)
    click.echo(
        f"{output}: {summary.shards} shard(s) ({summary.skipped} done before), {summary.documents} "
        f"documents, {summary.claims} claims; {len(summary.failed_shards)} shard(s) and "
        f"{len(summary.failed_inputs)} input(s) failed.",
        err=True,
    )
    click.get_current_context().exit(int(ExitCode.OK if summary.is_ok else ExitCode.FINDINGS))


@cli.command("export")
@click.argument("inputs", nargs=-1, metavar="[FILE]...")
@click.option(
    "--to",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="The format to write (see Formats above).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="A file, or a folder to write a file named after the document, source or claim into "
    "[default: standard output].",
)
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.option("--claim", "claim_id", metavar="ID", help="The claim to review (claimreview).")
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Export from a database instead: --document, --source or --all (ClaimReview: --claim or --all).",
)
@click.option(
    "--document", "document_id", metavar="ID", help="With --db: one stored document ('provenance documents')."
)
@click.option(
    "--source",
    metavar="NAME",
    help="With --db: the trace of a source (id, name, alias or acronym): every claim resting on it and "
    "the documents carrying them.",
)
@click.option(
    "--all",
    "export_all",
    is_flag=True,
    help="With --db: every document; html and markdown as one file per document into the folder -o, "
    "the other formats as one graph. With claimreview: one file per reviewed claim into -o.",
)
@rule_options
@max_size_option
def export_command(
    inputs: tuple[str, ...],
    fmt: str,
    output: Path | None,
    force: bool,
    claim_id: str | None,
    db: Path | None,
    document_id: str | None,
    source: str | None,
    export_all: bool,
    select: frozenset[str] | None,
    ignore: frozenset[str] | None,
    config_path: Path | None,
    max_size: int | None,
) -> None:
    """Export citation chains to the formats other tools read.

    FILE is an article (extracted first) or a curated provenance file. With --db, no FILE: a stored
    document, a source's trace or the whole database, its findings resolved anew.

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
      provenance export --db provenance.db --document doc-1a2b3c4d5e6f7a8b --to html -o report.html
      provenance export --db provenance.db --source SOHR --to graphml -o sohr.graphml
      provenance export --db provenance.db --all --to html -o reports/
      provenance export --db provenance.db --all --to prov-n -o corpus.provn
      provenance export --to claimreview --db provenance.db --claim doc-1a2b-c3
      provenance export --to claimreview --db provenance.db --all -o reviews/
    """
    from ..export import ExportOptions, default_filename, export
    from ..pipeline import analyse_all

    rules = chosen_rules(config_path, select, ignore)
    if db is not None:
        if inputs:
            raise click.UsageError("give FILEs or --db, not both")
        if fmt == "claimreview":
            if document_id is not None or source is not None:
                raise click.UsageError("a ClaimReview is about a claim: give --claim ID or --all")
            export_reviews(db, fmt, claim_id, export_all, output, force, config_path)
        else:
            _export_stored(db, fmt, document_id, source, export_all, output, force, rules)
        return
    if export_all or document_id is not None or source is not None:
        raise click.UsageError("--document, --source and --all export from a database: give --db")
    if not inputs:
        raise click.UsageError("name at least one FILE, or --db")
    config = load_config(config_path)
    graph = analyse_all(read_inputs(inputs, chosen_limits(config_path, max_size)), rules)
    options = ExportOptions(claim=claim_id, author=config.author)
    data = export(graph, fmt, options)
    if fmt == "claimreview":
        warn_without_author([data])
    _write(data, fmt, output, force, default_filename(graph, fmt, options))


def _export_stored(
    db: Path,
    fmt: str,
    document_id: str | None,
    source: str | None,
    export_all: bool,
    output: Path | None,
    force: bool,
    rules: RuleSelection,
) -> None:
    """A stored document, a source's trace or every document in ``fmt``, its findings resolved anew."""
    from ..export import FORMATS, default_filename, export, safe_name, write_export
    from ..export.jsonl import split
    from ..pipeline import resolved_stored

    if [document_id is not None, source is not None, export_all].count(True) != 1:
        raise click.UsageError("with --db, name one of --document ID, --source NAME or --all")
    per_document = export_all and FORMATS[fmt].per_document
    if per_document and (output is None or not output.is_dir()):
        raise click.UsageError(f"--all writes one {fmt} file per document: give an existing folder as -o")
    with open_store(db) as store:
        if source is not None:
            graph = store.trace_graph(source)
            name = safe_name(f"trace-{source}") + FORMATS[fmt].extension
        else:
            graph = store.graph(document_id)
            name = default_filename(graph, fmt)
    graph = resolved_stored(graph, rules)
    if output is None or not per_document:
        _write(export(graph, fmt), fmt, output, force, name)
        return
    parts = split(graph)
    for part in parts:
        write_export(export(part, fmt), output, force=force, name=default_filename(part, fmt))
    click.echo(f"Wrote {len(parts)} {fmt} file(s) into {output}.", err=True)


def _write(data: bytes, fmt: str, output: Path | None, force: bool, name: str) -> None:
    """``data`` to standard output, or to the file or folder ``output`` (``name`` in a folder)."""
    from ..export import write_export

    if output is None:
        stdout = sys.stdout.buffer
        stdout.write(data)
        stdout.flush()
        return
    written = write_export(data, output, force=force, name=name)
    click.echo(f"Wrote {written} ({fmt}, {len(data):,} bytes).", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@JSON_OPTION
@fail_on_option
@rule_options
@max_size_option
@click.pass_context
def check(
    ctx: click.Context,
    files: tuple[str, ...],
    fmt: str,
    fail_on: str,
    select: frozenset[str] | None,
    ignore: frozenset[str] | None,
    config_path: Path | None,
    max_size: int | None,
) -> None:
    """Validate curated provenance files and resolve their findings anew.

    FILE is a .json or .yaml provenance file (as written by 'provenance extract'). Schema
    violations are reported with the JSON path of what is wrong, and exit 2.

    \b
    Example:
      provenance check story.provenance.yaml --select dangling-source,circular-citation
    """
    graph = _curated(files, chosen_rules(config_path, select, ignore), chosen_limits(config_path, max_size))
    if fmt == "json":
        write_json(list(graph.findings))
    else:
        from ..render import render_findings

        terminal = console()
        if graph.findings:
            terminal.print(render_findings(graph.findings, graph))
        terminal.print(
            f"{len(graph.documents)} document(s), {len(graph.sources)} sources, "
            f"{len(graph.claims)} claims, {len(graph.findings)} findings."
        )
    exit_for(ctx, graph.findings, fail_on)


@cli.command()
@click.argument("files", nargs=-1, metavar="[FILE]...")
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Show a stored document instead (with --document).",
)
@click.option(
    "--document", "document_id", metavar="ID", help="The stored document to show ('provenance documents')."
)
@graph_format_option
@fail_on_option
@rule_options
@max_size_option
@click.pass_context
def tree(
    ctx: click.Context,
    files: tuple[str, ...],
    db: Path | None,
    document_id: str | None,
    fmt: str,
    fail_on: str,
    select: frozenset[str] | None,
    ignore: frozenset[str] | None,
    config_path: Path | None,
    max_size: int | None,
) -> None:
    """Show the sourcing tree and findings of curated provenance files, or of a stored document.

    FILE is a .json or .yaml provenance file; with --db and --document, no FILE.

    \b
    Examples:
      provenance tree story.provenance.yaml
      provenance tree --db provenance.db --document doc-1a2b3c4d5e6f7a8b --format html > report.html
    """
    from ..pipeline import resolved_stored

    rules = chosen_rules(config_path, select, ignore)
    if db is not None or document_id is not None:
        if files or db is None or document_id is None:
            raise click.UsageError("a stored document needs --db and --document, and no FILE")
        with open_store(db) as store:
            graph = resolved_stored(store.graph(document_id, with_findings=False), rules)
    elif files:
        graph = _curated(files, rules, chosen_limits(config_path, max_size))
    else:
        raise click.UsageError("name a provenance FILE, or --db and --document")
    _show(graph, fmt)
    exit_for(ctx, graph.findings, fail_on)


def _curated(files: Sequence[str], rules: RuleSelection, limits: Limits) -> Graph:
    """Curated provenance files, merged and resolved anew; articles are refused."""
    from ..pipeline import resolve_all
    from ..read import PROVENANCE_SUFFIXES, read_path

    graphs: list[Graph] = []
    for name in files:
        if name != "-" and Path(name).suffix.lower() not in PROVENANCE_SUFFIXES:
            raise InputError(
                "not a provenance file (.json, .yaml); use 'provenance audit' for articles", path=name
            )
        graphs.extend(read_path(name, stdin=sys.stdin.buffer, limits=limits))
    return resolve_all(graphs, rules)
