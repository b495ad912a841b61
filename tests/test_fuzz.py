"""The fuzz suite: every input format, broken the ways real files break and built to hurt, through
every entry point the CLI uses. Each returns a result or raises the project's own `ProvenanceError`
(`InputError`, `StoreError`); any other exception, a crash or a hang is a failure.

Budgets: `fuzz_strategies.examples` gives each test its number of inputs in CI
(`HYPOTHESIS_PROFILE=ci`, derandomised: the same inputs every run) and twenty times as many under
`HYPOTHESIS_PROFILE=long`. The reproducers of what an outside fuzzer found (issue 14) are kept at the
end as plain regression cases.
"""

from __future__ import annotations

import contextlib
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import fuzz_strategies as fs
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from provenance import serialize
from provenance.cli import cli
from provenance.errors import ProvenanceError
from provenance.export import FORMATS, ExportOptions, export
from provenance.factcheck.matching import check_claim
from provenance.ingest import ingest
from provenance.model import Graph
from provenance.pipeline import analyse, resolve_all
from provenance.read import read_bytes
from provenance.read.corpus import record_article
from provenance.render import render_audit, render_markdown
from provenance.store import Store


def _read(suffix: str, data: bytes) -> list[Graph]:
    """The graphs of one input as `audit` reads it, and for a corpus each line as `ingest` does."""
    graphs: list[Graph] = []
    with contextlib.suppress(ProvenanceError):
        graphs = list(read_bytes(data, name="input" + suffix, suffix=suffix))
    if suffix in {".jsonl", ".ndjson"}:
        graphs = []
        for number, line in enumerate(data.splitlines(), start=1):
            with contextlib.suppress(ProvenanceError):
                graphs.append(record_article(line, f"input{suffix}:{number}"))
    return graphs


def _views(graph: Graph) -> None:
    """Every view of an analysed graph: the terminal, Markdown and every export format, and the
    canonical document read back as it was written."""
    Console(width=80, file=io.StringIO(), color_system=None).print(render_audit(graph))
    render_markdown(graph)
    for fmt in FORMATS:
        claim = graph.claims[0].id if fmt == "claimreview" and graph.claims else None
        try:
            assert export(graph, fmt, ExportOptions(claim=claim))
        except ProvenanceError:
            assert fmt == "claimreview"  # a graph without claims has no claim to review
    assert serialize.loads(serialize.dumps_json(graph)) == graph


def _survives(suffix: str, data: bytes) -> list[Graph]:
    """Read, analyse and view one input; the analysed graphs."""
    analysed = []
    for graph in _read(suffix, data):
        result = analyse(graph)
        _views(result)
        analysed.append(result)
    return analysed


@fs.examples(40)
@given(fs.plain_files())
def test_text_and_markdown_articles(article: tuple[str, bytes]) -> None:
    for graph in _survives(*article):
        for claim in graph.claims:  # an extracted claim quotes its article exactly
            [document] = [d for d in graph.documents if d.id == claim.document]
            assert claim.span is not None
            assert document.text[claim.span[0] : claim.span[1]] == claim.text


@fs.examples(15)
@given(fs.html_files())
def test_saved_pages_with_lying_charsets(page: tuple[str, bytes]) -> None:
    _survives(*page)


@fs.examples(25)
@given(fs.corpus_files())
def test_corpora_with_bad_lines(corpus: tuple[str, bytes]) -> None:
    _survives(*corpus)


@fs.examples(30)
@given(fs.provenance_files())
def test_hostile_provenance_files(curated: tuple[str, bytes]) -> None:
    graphs = _read(*curated)
    if graphs:
        _views(resolve_all(graphs))  # check, tree and export of a curated file: nothing extracted
    for graph in graphs:
        _views(analyse(graph))


@fs.examples(15)
@given(fs.any_input, st.sampled_from(["said", "the bridge", "Officials", '"', "x*", "NEAR(a b)", "مرصد"]))
def test_the_store_and_its_queries(item: tuple[str, bytes], words: str) -> None:
    with Store.open(":memory:") as store:
        for graph in _survives(*item):
            try:
                store.add(graph)
            except ProvenanceError:
                continue
        stored = store.graph()
        _views(stored)
        for ask in (
            lambda: store.search(words),
            lambda: check_claim(store, words),
            lambda: store.sources(include_anonymous=True),
            *(lambda name=name: store.trace(name) for s in stored.sources[:3] for name in (s.id, s.name)),
            *(lambda claim=claim: store.claim(claim.id) for claim in stored.claims[:3]),
        ):
            with contextlib.suppress(ProvenanceError):
                ask()
        assert store.check() == []


@fs.examples(4)
@given(st.lists(fs.any_input, min_size=1, max_size=6))
def test_ingest_names_and_skips_each_bad_input(tmp_path_factory: pytest.TempPathFactory, items: list) -> None:  # type: ignore[type-arg]
    folder = tmp_path_factory.mktemp("inputs")
    for number, (suffix, data) in enumerate(items):
        (folder / f"input-{number}{suffix}").write_bytes(data)
    with Store.open(tmp_path_factory.mktemp("db") / "p.db") as store:
        summary = ingest([folder], store, jobs=1)
        named = {name.split(":")[0] for name, _ in summary.failed}
        assert named <= {str(folder / f"input-{number}{suffix}") for number, (suffix, _) in enumerate(items)}
        assert store.check() == []


@fs.examples(20)
@given(fs.any_input, st.sampled_from(["audit", "check", "extract"]))
def test_the_command_line_answers_or_says_why_in_one_line(
    tmp_path_factory: pytest.TempPathFactory, item: tuple[str, bytes], command: str
) -> None:
    suffix, data = item
    path = tmp_path_factory.mktemp("cli") / ("input" + suffix)
    path.write_bytes(data)
    result = CliRunner().invoke(cli, [command, str(path), "--format", "json"])
    assert result.exit_code in (0, 1, 2), result.exception
    if result.exit_code == 2:
        assert result.stderr.startswith(f"Error: {path}"), result.stderr
        assert result.stderr.count("\n") == 1, result.stderr
    else:
        assert result.exception is None or isinstance(result.exception, SystemExit)
        json.loads(result.stdout)


# -- what the outside fuzzer found (issue 14), kept as regression cases -----------------------------


def _curated(claims: list[dict[str, object]], published: str | None = "2025-01-02T10:00:00+00:00") -> bytes:
    document = {
        "id": "d",
        "outlet": "outlet",
        "title": "T",
        "url": None,
        "published": published,
        "language": "en_US",
        "text": "The mayor said on Monday that the bridge would reopen in May.",
    }
    sources = [
        {"id": name, "name": name.title(), "kind": "person", "aliases": [], "description": None}
        for name in ("outlet", "a", "b", "c")
    ]
    return json.dumps(
        {"documents": [document], "sources": sources, "claims": claims, "findings": []}
    ).encode()


def _claim(chain: list[str], **fields: object) -> dict[str, object]:
    hops = [
        {"source": name, "cue": "said", "cue_span": None, "mention": None, "mention_span": None}
        for name in chain
    ]
    return {
        "id": "c1",
        "document": "d",
        "text": "x",
        "span": None,
        "kind": "direct",
        "date": None,
        "chain": hops,
    } | fields


REPRODUCERS = {
    "a chain hundreds of hops deep": (
        "deep.json",
        _curated([_claim(["outlet"] + [f"s{n}" for n in range(300)])]),
    ),
    "a long cycle": ("cycle.json", _curated([_claim(["outlet"] + ["a", "b", "c"] * 300)])),
    "a claim dated in year 1 and 9999": (
        "dates.json",
        _curated(
            [_claim(["outlet", "a"], date="0001-01-01"), _claim(["outlet", "b"], id="c2", date="9999-12-31")]
        ),
    ),
    "published at the ends of time with an offset": (
        "published.json",
        _curated([_claim(["outlet", "a"])], published="0001-01-01T00:30:00+01:00"),
    ),
    "spans past the text and at the schema's limit": (
        "spans.json",
        _curated(
            [_claim(["outlet", "a"], span=[2**31 - 2, 2**31 - 1]), _claim(["outlet"], id="c2", span=[70, 70])]
        ),
    ),
    "duplicate ids everywhere": (
        "dupes.json",
        _curated([_claim(["outlet", "a"]), _claim(["outlet", "ghost"])]),
    ),
    "year 9999 and next week": (
        "late.txt",
        b"Headline\n9999-12-31T23:59:59-14:00\n\nThe mayor said next week the bridge would reopen.\n",
    ),
    "year 1 and yesterday": (
        "early.txt",
        b"Headline\n0001-01-01T00:00:00+14:00\n\nThe mayor said yesterday the bridge had reopened.\n",
    ),
    "a corpus record of year 1": (
        "early.jsonl",
        b'{"text": "The mayor said yesterday it reopened.", "published": "0001-01-01T00:00:00+01:00"}\n',
    ),
    "JSON nested past any stack": ("nested.json", b'{"documents": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"),
    "YAML nested past any stack": ("nested.yaml", b"documents: " + b"[" * 200_000 + b"]" * 200_000),
    "ids as long as the schema allows, and claims still to extract": (
        "long-ids.json",
        json.dumps(
            {
                "documents": [
                    {
                        "id": "x" * 500,
                        "outlet": "y" * 500,
                        "title": None,
                        "url": None,
                        "published": None,
                        "language": None,
                        "text": "Officials said the bridge would reopen. The mayor said so too.",
                    }
                ],
                "sources": [
                    {"id": "y" * 500, "name": "Y", "kind": "outlet", "aliases": [], "description": None}
                ],
                "claims": [],
                "findings": [],
            }
        ).encode(),
    ),
    "a page that claims to be UTF-16": (
        "liar.html",
        b'<html><head><meta charset="utf-16"></head><body><article><p>The mayor said on Monday that '
        b"the bridge would reopen in May, officials said.</p></article></body></html>",
    ),
}


@pytest.mark.parametrize("name", REPRODUCERS)
def test_what_the_outside_fuzzer_found(name: str, tmp_path: Path) -> None:
    suffix_name, data = REPRODUCERS[name]
    suffix = Path(suffix_name).suffix
    for graph in _read(suffix, data):
        _views(resolve_all([graph]))
        _views(analyse(graph))
    path = tmp_path / suffix_name
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(tmp_path / "p.db")])
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.stderr
    with Store.open(tmp_path / "p.db") as store:
        assert store.check() == []
        _views(store.graph())


def test_a_tz_aware_moment_at_the_end_of_time_is_stored() -> None:
    published = datetime(9999, 12, 31, 23, 59, tzinfo=UTC)
    [graph] = _read(
        ".txt", f"Headline\n{published.isoformat()}\n\nThe mayor said tomorrow it reopens.\n".encode()
    )
    with Store.open(":memory:") as store:
        store.add(analyse(graph))
        assert store.graph().documents[0].published == published
