"""The canonical document: schema validation, JSON/YAML round-trips and readable errors."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance import serialize
from provenance.errors import InputError
from provenance.model import (
    Claim,
    ClaimKind,
    Document,
    Finding,
    Graph,
    Hop,
    Severity,
    Source,
    SourceKind,
)

SAMPLES = Path(__file__).parent.parent / "samples"

ids = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=12)
texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)
optional_texts = st.none() | texts
spans = st.tuples(st.integers(0, 500), st.integers(0, 500)).map(lambda s: (min(s), max(s)))
optional_spans = st.none() | spans
aware = st.datetimes(
    min_value=datetime(1900, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=3)), timezone(timedelta(hours=-5))]),
)
hops = st.builds(
    Hop,
    source=ids,
    cue=optional_texts,
    cue_span=optional_spans,
    mention=optional_texts,
    mention_span=optional_spans,
    document=st.none() | ids,
)
claims = st.builds(
    Claim,
    id=ids,
    document=ids,
    text=texts,
    span=optional_spans,
    kind=st.sampled_from(ClaimKind),
    date=st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    chain=st.lists(hops, min_size=1, max_size=4).map(tuple),
)
sources = st.builds(
    Source,
    id=ids,
    name=texts.filter(bool),
    kind=st.sampled_from(SourceKind),
    aliases=st.lists(texts, max_size=3).map(tuple),
    description=optional_texts,
)
documents = st.builds(
    Document,
    id=ids,
    outlet=st.none() | ids,
    title=optional_texts,
    url=optional_texts,
    published=st.none() | aware,
    language=optional_texts,
    text=texts,
)
findings = st.builds(
    Finding,
    rule=st.from_regex(r"[a-z][a-z-]{0,20}", fullmatch=True),
    severity=st.sampled_from(Severity),
    message=texts,
    claim=st.none() | ids,
    source=st.none() | ids,
    span=optional_spans,
)
graphs = st.builds(
    Graph,
    documents=st.lists(documents, max_size=3).map(tuple),
    sources=st.lists(sources, max_size=4).map(tuple),
    claims=st.lists(claims, max_size=4).map(tuple),
    findings=st.lists(findings, max_size=3).map(tuple),
)


@settings(max_examples=150, deadline=None)
@given(graphs)
def test_any_valid_graph_survives_json_and_yaml(graph: Graph) -> None:
    serialize.validate(serialize.to_data(graph))
    for indent in (2, None):  # written a record at a time, the text is json.dumps' of the whole
        expected = json.dumps(serialize.to_data(graph), ensure_ascii=False, indent=indent) + "\n"
        assert serialize.dumps_json(graph, indent=indent) == expected
    assert serialize.loads(serialize.dumps_json(graph)) == graph
    assert serialize.loads(serialize.dumps_yaml(graph), fmt="yaml") == graph


def test_json_field_names_are_the_contract() -> None:
    graph = Graph(
        documents=(Document.from_text("Text.", outlet="o"),),
        sources=(Source("o", "Outlet", SourceKind.OUTLET),),
        claims=(Claim("c1", "d", "Text", (0, 4), ClaimKind.UNATTRIBUTED, None, (Hop("o"),)),),
        findings=(Finding("unattributed", Severity.WARNING, "m", claim="c1"),),
    )
    data = serialize.to_data(graph)
    assert set(data) == {"documents", "sources", "claims", "findings"}
    assert set(data["documents"][0]) == {
        "id",
        "outlet",
        "title",
        "authors",
        "url",
        "published",
        "language",
        "text",
    }
    assert set(data["sources"][0]) == {"id", "name", "kind", "aliases", "description"}
    assert set(data["claims"][0]) == {"id", "document", "text", "span", "kind", "date", "chain"}
    assert {"source", "cue", "cue_span", "mention", "mention_span"} <= set(data["claims"][0]["chain"][0])
    assert set(data["findings"][0]) == {"rule", "severity", "message", "claim", "source", "span"}
    assert data["claims"][0]["span"] == [0, 4]
    assert json.loads(serialize.dumps_json(graph))["claims"][0]["kind"] == "unattributed"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"documents": [], "sources": [], "claims": [{"id": "c"}], "findings": []}', "$.claims[0]"),
        (
            '{"documents": [], "sources": [{"id": "s", "name": "S", "kind": "alien", "aliases": [],'
            ' "description": null}], "claims": [], "findings": []}',
            "$.sources[0].kind",
        ),
        ('{"documents": [], "sources": [], "claims": [], "findings": [], "extra": 1}', "$"),
        ("[1, 2]", "$"),
    ],
)
def test_schema_violations_name_the_json_path(text: str, where: str) -> None:
    with pytest.raises(InputError) as caught:
        serialize.loads(text, path="curated.json")
    message = str(caught.value)
    assert message.startswith("curated.json: ")
    assert message.endswith(f"@ {where}")
    assert "\n" not in message


def test_reversed_span_is_refused_with_its_path() -> None:
    text = (
        '{"documents": [], "sources": [], "claims": [], "findings": [{"rule": "x", "severity": '
        '"info", "message": "m", "claim": null, "source": null, "span": [5, 2]}]}'
    )
    with pytest.raises(InputError, match=r"\$\.findings\[0\]\.span"):
        serialize.loads(text, path="f.json")


def test_yaml_is_loaded_safely() -> None:
    with pytest.raises(InputError, match="not valid YAML"):
        serialize.loads("!!python/object/apply:os.system ['echo owned']", path="x.yaml", fmt="yaml")


def test_deep_nesting_is_an_input_error() -> None:
    with pytest.raises(InputError):
        serialize.loads("[" * 100_000 + "]" * 100_000, path="deep.json")


def test_every_sample_provenance_file_validates() -> None:
    files = sorted(SAMPLES.glob("*.provenance.yaml")) + sorted(SAMPLES.glob("*.provenance.json"))
    assert files, "samples/ ships at least the seed's curated provenance file"
    for path in files:
        graph = serialize.load(path)
        assert graph.documents, path
        assert graph.claims, path


def _nested(depth: int) -> str:
    return (
        '{"sources": [], "claims": [], "findings": [], "documents": '
        + "[" * (depth - 1)
        + "]" * (depth - 1)
        + "}"
    )


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_nesting_is_refused_past_the_limit_and_only_there(fmt: str) -> None:
    # At the limit the document reaches the schema, which refuses it; one level more never parses.
    with pytest.raises(InputError, match=r"is not of type 'object' @ \$\.documents\[0\]"):
        serialize.loads(_nested(serialize.MAX_NESTING), fmt=fmt)
    with pytest.raises(InputError, match=f"nested too deeply \\(more than {serialize.MAX_NESTING} levels\\)"):
        serialize.loads(_nested(serialize.MAX_NESTING + 1), fmt=fmt)


@pytest.mark.parametrize(
    ("text", "is_deep"),
    [
        ('["[[[[[[' + "[" * 100 + '", {"a": "]]]\\"[[["}]', False),  # brackets in strings are text
        ("[1, " * 65 + "]" * 65, True),
        ("[[], " * 65 + "]" * 65, True),  # siblings between the levels
        ("[" * 65, True),  # never closed
        ("[]" * 10_000, False),  # wide, not deep
        ("[" + "[[]]," * 10_000 + "[]]", False),
    ],
)
def test_json_depth_is_found_without_parsing(text: str, is_deep: bool) -> None:
    assert serialize._is_too_deep(text) is is_deep


def test_deep_json_no_longer_overflows_the_stack_under_a_raised_recursion_limit() -> None:
    # The outside fuzzer's crash: harnesses raise the recursion limit, and json's C parser then
    # recursed until the process died with SIGSEGV (exit -11), no message at all.
    code = (
        "import sys; sys.setrecursionlimit(1_000_000)\n"
        "from provenance import serialize\n"
        "from provenance.errors import InputError\n"
        "for fmt in ('json', 'yaml'):\n"
        "    try: serialize.loads('{\"documents\": ' + '[' * 300_000 + ']' * 300_000 + '}', fmt=fmt)\n"
        "    except InputError as error: print(error)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"<data>: JSON nested too deeply (more than {serialize.MAX_NESTING} levels)",
        f"<data>: YAML nested too deeply (more than {serialize.MAX_NESTING} levels)",
    ]


def test_a_long_value_is_shortened_so_the_reason_shows() -> None:
    data = serialize.to_data(
        Graph(claims=(Claim("c" * 600, "d", "T", None, ClaimKind.DIRECT, None, (Hop("o"),)),))
    )
    with pytest.raises(InputError) as caught:
        serialize.from_data(data, path="x.json")
    assert (
        str(caught.value)
        == "x.json: 'ccccccccccccccccccccccccccccccccccccccc…' (600 characters) is too long @ $.claims[0].id"
    )


def test_values_json_has_no_type_for_are_schema_errors() -> None:
    text = (
        "documents: []\nsources: []\nclaims: []\nfindings: [{rule: x, severity: info,"
        " message: !!binary aGk=, claim: null, source: null, span: null}]\n"
    )
    with pytest.raises(InputError, match=r"b'hi' is not of type 'string' @ \$\.findings\[0\]\.message"):
        serialize.loads(text, fmt="yaml")


def test_a_violation_deep_in_a_large_file_is_found_and_named() -> None:
    claim = Claim("c", "d", "T", (0, 1), ClaimKind.DIRECT, None, (Hop("o"),))
    data = serialize.to_data(Graph(claims=tuple(attrs.evolve(claim, id=f"c{n}") for n in range(5000))))
    data["claims"][4321]["chain"][0]["mention_span"] = [1, 2, 3]
    with pytest.raises(InputError, match=r"@ \$\.claims\[4321\]\.chain\[0\]\.mention_span$"):
        serialize.from_data(data)
