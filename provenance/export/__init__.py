"""Export a provenance graph to the formats other tools read: one module per format, one registry."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from pathlib import Path

from ..errors import InputError, ProvenanceError
from ..model import Graph
from . import (
    claimreview,
    csv,
    dot,
    graphml,
    html,
    json,
    jsonl,
    markdown,
    mermaid,
    prov_json,
    prov_n,
    prov_o,
    yaml,
)
from .options import Exporter, ExportOptions

__all__ = [
    "DEFAULT_OPTIONS",
    "FORMATS",
    "ExportOptions",
    "Exporter",
    "default_filename",
    "export",
    "write_export",
]

FORMATS: dict[str, Exporter] = {
    exporter.name: exporter
    for exporter in (
        Exporter(
            "json",
            ".json",
            "application/json",
            "the canonical provenance document (schemas/provenance.schema.json)",
            json.write,
        ),
        Exporter(
            "jsonl",
            ".jsonl",
            "application/jsonl",
            "one canonical document per article, one per line",
            jsonl.write,
        ),
        Exporter(
            "yaml",
            ".yaml",
            "application/yaml",
            "the canonical provenance document as YAML, for curation",
            yaml.write,
        ),
        Exporter("csv", ".csv", "text/csv", "one spreadsheet row per hop of every claim's chain", csv.write),
        Exporter(
            "dot",
            ".dot",
            "text/vnd.graphviz",
            "GraphViz graph of documents, sources, claims and hops",
            dot.write,
        ),
        Exporter(
            "graphml",
            ".graphml",
            "application/graphml+xml",
            "GraphML for Gephi, yEd and networkx",
            graphml.write,
        ),
        Exporter(
            "mermaid",
            ".mmd",
            "text/vnd.mermaid",
            "Mermaid flowchart that GitHub Markdown renders",
            mermaid.write,
        ),
        Exporter("prov-json", ".prov.json", "application/json", "W3C PROV as PROV-JSON", prov_json.write),
        Exporter("prov-n", ".provn", "text/provenance-notation", "W3C PROV as PROV-N", prov_n.write),
        Exporter("prov-o", ".ttl", "text/turtle", "W3C PROV-O as RDF Turtle", prov_o.write),
        Exporter(
            "claimreview",
            ".jsonld",
            "application/ld+json",
            "schema.org ClaimReview JSON-LD for one claim (needs --claim)",
            claimreview.write,
        ),
        Exporter(
            "markdown",
            ".md",
            "text/markdown",
            "sourcing tree and findings for a wiki or pull request",
            markdown.write,
            per_document=True,
        ),
        Exporter(
            "html",
            ".html",
            "text/html",
            "self-contained report page: article, tree, findings, chains",
            html.write,
            per_document=True,
        ),
    )
}
"""Every format by the name ``--to`` takes, in the order ``--help`` lists them."""

DEFAULT_OPTIONS = ExportOptions()
"""No claim, no verdict: what every format but ``claimreview`` needs."""


def export(graph: Graph, fmt: str, options: ExportOptions = DEFAULT_OPTIONS) -> bytes:
    """The graph in format ``fmt``; `InputError` for an unknown format or missing option."""
    exporter = FORMATS.get(fmt)
    if exporter is None:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return exporter.write(graph, options)


def default_filename(graph: Graph, fmt: str, options: ExportOptions = DEFAULT_OPTIONS) -> str:
    """A safe file name for an export: the claim or first document id, and the format's
    extension; never a path, whatever the ids contain."""
    exporter = FORMATS.get(fmt)
    if exporter is None:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    stem = (
        options.claim
        if fmt == "claimreview" and options.claim
        else (graph.documents[0].id if len(graph.documents) == 1 else "provenance")
    )
    return safe_name(stem) + exporter.extension


def safe_name(stem: str) -> str:
    """``stem`` as one path component: separators, dots in front and odd characters replaced."""
    name = re.sub(r"[^\w.-]+", "_", stem, flags=re.ASCII).lstrip(".-")[:150]
    return name or "provenance"


def write_export(data: bytes, out: Path, *, force: bool, name: str | None = None) -> Path:
    """Write ``data`` to the file ``out``, or to ``out/name`` when ``out`` is a directory, and
    return the path written. Never overwrites without ``force``, never follows a symlink at the
    target, and refuses a name that would leave the directory."""
    target = out
    if out.is_dir():
        if not name:
            raise InputError("is a directory; give a file name", path=str(out))
        target = out / safe_name(name)
        if target.resolve().parent != out.resolve():
            raise InputError(f"{name!r} would be written outside the directory", path=str(out))
    if target.is_dir():
        raise InputError("is a directory", path=str(target))
    if not target.parent.is_dir():
        raise InputError("no such directory", path=str(target.parent))
    exists = target.exists() or target.is_symlink()
    if exists and not force:
        raise InputError("already exists; use --force to overwrite", path=str(target))
    try:
        if exists:
            _replace(data, target)
        else:
            # "x" fails if anything appeared meanwhile, even a dangling symlink: never clobbers.
            with target.open("xb") as file:
                file.write(data)
    except FileExistsError:
        raise InputError("already exists; use --force to overwrite", path=str(target)) from None
    except OSError as error:
        raise ProvenanceError(error.strerror or str(error), path=str(target)) from None
    return target


def _replace(data: bytes, target: Path) -> None:
    # A temporary file renamed over the target: readers never see half a file, and a symlink
    # at the target is replaced, not written through.
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        # mkstemp makes the file private (0600); the file replaced keeps its mode, a link gets 0644.
        old = target.lstat()
        os.chmod(temporary, stat.S_IMODE(old.st_mode) if stat.S_ISREG(old.st_mode) else 0o644)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
