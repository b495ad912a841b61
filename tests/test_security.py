"""Security: SQL only with parameters, full-text queries that cannot crash, exports that stay inside
``-o`` and escape user text, and no network access by any command."""

from __future__ import annotations

import ast
import hashlib
import json
import re
import shutil
import socket
import subprocess
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from store_fixtures import ALUSI, SOHR, article, seed

from provenance import serialize
from provenance.cli import EXPORT_FORMATS, cli
from provenance.export import csv as csv_format
from provenance.export import export
from provenance.model import Claim, ClaimKind, Document, Graph, Hop, Source, SourceKind
from provenance.store import Store

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "shafaq-2025-01-02-alusi.txt"
CURATED = SAMPLES / "shafaq-2025-01-02-alusi.provenance.yaml"

HOSTILE = [
    "x'); drop table claims; --",
    'a "quoted" \\ back\\slash',
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "]] --> n1; click n1 call alert() %%",
    '=HYPERLINK("http://evil")',
    "line\nbreak\r\nand\ttab",
    "../../etc/passwd",
    "}\n digraph { evil }",
    "&amp; &lt; &#0; ]]> <!-- -->",
    "NUL \x00 and CR \r alone",
    " =1+1",
    "\xa0\u200b\ufeff=SUM(A1)",
    "\n@cmd",
    "＝1+1",
    "x" * 3000,
]
"""Text that means something in SQL, HTML, DOT, Mermaid, CSV, XML or a path; what a spreadsheet
skips before a formula (a space, NBSP, zero-width space, byte-order mark, line feed, fullwidth
"＝"), a NUL for C strings, a lone CR for XML, and a token too long for any line."""
_BLANK = {"Zs", "Zl", "Zp", "Cc", "Cf"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "news.db"
    result = CliRunner().invoke(
        cli, ["ingest", str(SAMPLES), "--db", str(path), "--jobs", "1"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    return path


# --- SQL ------------------------------------------------------------------------------------

_FRAGMENTS = {"where", "columns", "hop_where", "step"}
"""Parameters that carry SQL fragments (built from placeholders, checked where they are written)
or the schema step number; never a value from the user."""
_SQL = re.compile(r"\s*(select|where|insert|update|delete|create|with|pragma|and|or)\b", re.I)


def _is_safe(expression: ast.expr, literal_loops: set[str]) -> bool:
    """Whether an interpolated expression can only give SQL syntax: placeholder lists (``marks``),
    constants (UPPER_CASE), fragments, and variables looping over literal words."""
    if isinstance(expression, ast.Call) and ast.unparse(expression.func) in {"marks", "rows.marks"}:
        return True
    bound = {
        t.id
        for c in ast.walk(expression)
        if isinstance(c, ast.comprehension)
        for t in ast.walk(c.target)
        if isinstance(t, ast.Name)
    }
    return all(
        name.id in bound | literal_loops | _FRAGMENTS or name.id.lstrip("_").isupper()
        for name in ast.walk(expression)
        if isinstance(name, ast.Name)
    )


def _sql_strings(tree: ast.AST, in_store: bool) -> Iterator[ast.JoinedStr]:
    """f-strings given to execute, and in the store any f-string that begins like SQL."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"execute", "executemany", "executescript"}
            and node.args
        ):
            yield from (n for n in ast.walk(node.args[0]) if isinstance(n, ast.JoinedStr))
        elif in_store and isinstance(node, ast.JoinedStr):
            text = "".join(str(v.value) for v in node.values if isinstance(v, ast.Constant))
            if _SQL.match(text):
                yield node


def test_sql_takes_values_only_as_parameters() -> None:
    unsafe = []
    for module in sorted((ROOT / "provenance").rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        literal_loops = {
            node.target.id
            for node in ast.walk(tree)
            if isinstance(node, ast.For)
            and isinstance(node.target, ast.Name)
            and isinstance(node.iter, ast.Tuple)
            and all(isinstance(e, ast.Constant) for e in node.iter.elts)
        }
        for string in _sql_strings(tree, in_store=module.parent.name == "store"):
            unsafe += [
                f"{module.relative_to(ROOT)}:{string.lineno}: {ast.unparse(v.value)}"
                for v in string.values
                if isinstance(v, ast.FormattedValue) and not _is_safe(v.value, literal_loops)
            ]
    assert unsafe == []


def test_the_sql_check_catches_a_value_in_an_f_string() -> None:
    tree = ast.parse("db.execute(f\"select * from sources where name = '{name}'\")")
    strings = {id(s): s for s in _sql_strings(tree, in_store=True)}.values()
    assert {
        _is_safe(v.value, set()) for s in strings for v in s.values if isinstance(v, ast.FormattedValue)
    } == {False}


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_names_and_ids_are_stored_and_found_as_text(hostile: str) -> None:
    named = Source(f"hostile-{HOSTILE.index(hostile)}", hostile, SourceKind.PERSON, (hostile,))
    with Store.open(":memory:") as store:
        store.add(seed())
        store.add(
            article(
                f"Report {hostile}",
                "Reuters",
                [(f"trucks {hostile} crossed", named), ("a convoy moved", SOHR)],
            )
        )
        assert store.trace(hostile).source.name == hostile
        # Lower-case strings name no one: the article's own party, listed with the per-article ones.
        assert hostile in {stats.source.name for stats in store.sources(include_anonymous=True)}
        store.merge_sources(ALUSI.name, hostile)
        assert store.split_source(hostile)
        tables = set(store.db.table_names())
        assert {"claims", "documents", "sources", "hops"} <= tables
        assert store.db["claims"].count == 5
        assert store.check() == []


# --- full-text queries -----------------------------------------------------------------------

BAD_QUERIES = ['"', "AND OR", "*", "-", "NOT", "(", ")", "^", ":", "'", "+", "\\", "%", ";"]
"""Queries with no word in them: nothing to search for."""


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_a_query_sqlite_cannot_parse_gets_a_clear_message(query: str, db: Path) -> None:
    result = CliRunner().invoke(cli, ["search", query, "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: cannot search for {query!r} (")
    assert result.stderr.count("\n") == 1
    assert 'use OR, NOT, "quoted phrases" and prefix*' in result.stderr


@pytest.mark.parametrize(
    "query",
    [
        '"convoy"',
        "convoy*",
        "text:convoy",
        "NEAR(convoy road, 9)",
        "convoy OR nothing",
        "convoy NOT Kobani",
        "x\x00y",
        "_",
        # What people type is taken literally, never as FTS5 syntax errors.
        "NEAR(",
        "convoy -road",
        "c'est",
        "busy:x",
        "disk:x",
        "I/O",
        "convoy AND",
        "*convoy",
        "rank:x",
        "claims_fts:x",
        "{a b}:c",
        "(convoy OR road",
    ],
)
def test_odd_but_valid_queries_answer(query: str, db: Path) -> None:
    result = CliRunner().invoke(
        cli, ["search", query, "--db", str(db), "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0
    assert isinstance(json.loads(result.stdout), list)


# --- exports stay inside -o ------------------------------------------------------------------


def _graph(document_id: str, text: str = "Reuters/ The convoy crossed, SOHR said.") -> Graph:
    outlet = Source("reuters", "Reuters", SourceKind.OUTLET)
    party = Source("sohr", "SOHR", SourceKind.MONITOR)
    claim = Claim(
        document_id + "-c1",
        document_id,
        text,
        (0, len(text)),
        ClaimKind.INDIRECT,
        None,
        (Hop("reuters", "publishes"), Hop("sohr", "said")),
    )
    return Graph(
        (Document(document_id, "reuters", "Title", None, None, "en", text),), (outlet, party), (claim,), ()
    )


@pytest.mark.parametrize(
    "document_id",
    ["../../escaped", "/tmp/provenance-escaped", "..", "a/../../b", "~/x", "C:\\evil", "sub/dir/name"],
)
@pytest.mark.parametrize("fmt", ["csv", "claimreview"])
def test_export_into_a_folder_never_leaves_it(tmp_path: Path, document_id: str, fmt: str) -> None:
    source = tmp_path / "curated.json"
    serialize.dump(_graph(document_id), source)
    out = tmp_path / "deep" / "out"
    out.mkdir(parents=True)
    before = set(tmp_path.rglob("*"))
    arguments = ["export", str(source), "--to", fmt, "-o", str(out)]
    if fmt == "claimreview":
        arguments += ["--claim", document_id + "-c1"]
    result = CliRunner().invoke(cli, arguments, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    written = set(tmp_path.rglob("*")) - before
    assert len(written) == 1
    assert next(iter(written)).parent == out
    assert not Path("/tmp/provenance-escaped.csv").exists()


def test_export_does_not_follow_a_symlink_planted_in_the_folder(tmp_path: Path) -> None:
    source = tmp_path / "curated.json"
    serialize.dump(_graph("story"), source)
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    (out / "story.csv").symlink_to(victim)
    for force in ([], ["--force"]):
        refused = CliRunner().invoke(cli, ["export", str(source), "--to", "csv", "-o", str(out), *force])
        assert refused.exit_code == 2
        assert refused.stderr.startswith(f"Error: {out}: 'story.csv' would be written outside")
        assert victim.read_text() == "keep"
        assert (out / "story.csv").readlink() == victim


@pytest.mark.parametrize("dangling", [False, True])
def test_extract_never_writes_through_a_symlink(tmp_path: Path, dangling: bool) -> None:
    # extract -o wrote through a link to wherever it pointed, creating the file a dangling one names.
    victim = tmp_path / ("nowhere.yaml" if dangling else "victim.yaml")
    if not dangling:
        victim.write_text("keep")
    link = tmp_path / "story.yaml"
    link.symlink_to(victim)
    refused = CliRunner().invoke(cli, ["extract", str(SEED), "-o", str(link)])
    assert refused.exit_code == 2
    assert refused.stderr == f"Error: {link}: already exists; use --force to overwrite\n"
    forced = CliRunner().invoke(cli, ["extract", str(SEED), "-o", str(link), "--force"])
    assert forced.exit_code == 0, forced.stderr
    assert not link.is_symlink()
    assert serialize.load(link).claims
    assert victim.read_text() == "keep" if not dangling else not victim.exists()


# --- escaping --------------------------------------------------------------------------------


def _everywhere(text: str) -> Graph:
    """``text`` as a document id, title, URL, outlet and source name, cue, mention and claim."""
    outlet_id = "outlet-" + hashlib.sha256(text.encode()).hexdigest()[:12]
    outlet = Source(outlet_id, text, SourceKind.OUTLET, (text,), text)
    party = Source("party", text, SourceKind.PERSON, (), text)
    body = f"{text} said {text}."
    claim = Claim(
        text + "-c1",
        text,
        body,
        (0, len(body)),
        ClaimKind.DIRECT,
        None,
        (
            Hop(outlet.id, text),
            Hop("party", cue=text, cue_span=(0, 1), mention=text, mention_span=(0, 1), document=text),
        ),
    )
    document = Document(text, outlet.id, text, "https://x.org/?" + text, None, "en", body)
    return Graph((document,), (outlet, party), (claim,), ())


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, tuple[str, ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))


def _tags(page: bytes) -> list[tuple[str, tuple[str, ...]]]:
    parser = _Tags()
    parser.feed(page.decode())
    return parser.tags


@pytest.mark.parametrize("hostile", HOSTILE)
def test_html_gets_no_tag_or_attribute_from_user_text(hostile: str) -> None:
    assert _tags(export(_everywhere(hostile), "html")) == _tags(export(_everywhere("plain"), "html"))


@pytest.mark.skipif(shutil.which("dot") is None, reason="GraphViz dot is not installed")
def test_dot_labels_hold_any_text(tmp_path: Path) -> None:
    graph = Graph.merge(_everywhere(text) for text in HOSTILE)
    source = tmp_path / "all.dot"
    source.write_bytes(export(graph, "dot"))
    drawing = json.loads(
        subprocess.run(["dot", "-Tjson", str(source)], capture_output=True, check=True).stdout
    )
    # Labels fold whitespace for the drawing; tooltips carry the text exactly.
    tooltips = {_dot_unescape(o["tooltip"]) for o in drawing["objects"] if o.get("tooltip")}
    expected = {text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd") for text in HOSTILE}
    assert expected <= tooltips
    # Nothing broke out into nodes of its own.
    assert len(drawing["objects"]) == len(graph.documents) + len(graph.sources) + len(graph.claims)


def _dot_unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_csv_cells_never_start_a_formula(hostile: str) -> None:
    import csv
    import io

    for prefix in ("=", "+", "-", "@", "\t", "\r", " =", "\u200b+", "\ufeff@", "\n-", "\xa0=", "＝"):
        data = export(_everywhere(prefix + hostile), "csv").decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(data, newline="")))
        assert not [cell for row in rows for cell in row if _starts_a_formula(cell)]
        assert prefix + hostile in {csv_format.restore(cell) for row in rows for cell in row}


def _starts_a_formula(cell: str) -> bool:
    """Whether a spreadsheet could run ``cell``: a formula character first, or after what it skips."""
    if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
        return True
    shown = "".join(char for char in cell if unicodedata.category(char) not in _BLANK)
    return unicodedata.normalize("NFKC", shown[:1]).startswith(("=", "+", "-", "@"))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_graphml_prov_n_and_mermaid_keep_hostile_text_inside_their_strings(hostile: str) -> None:
    import io

    import networkx as nx

    prov = pytest.importorskip("prov")
    graph = _everywhere(hostile)
    network = nx.read_graphml(io.BytesIO(export(graph, "graphml")), force_multigraph=True)
    assert network.number_of_nodes() == 4
    xml_reads = hostile.replace("\x00", "\ufffd")  # the one character XML cannot carry at all
    assert {d.get("label") for _, d in network.nodes(data=True)} >= {xml_reads}
    records = prov.read(io.BytesIO(export(graph, "prov-n")), format="provn").get_records()
    assert {v.value for r in records for v in r.get_attribute("prov:value")} == {graph.claims[0].text}
    mermaid = export(graph, "mermaid").decode()
    assert all(line.startswith(("  n", "  class", "flowchart")) for line in mermaid.splitlines())
    assert hostile not in mermaid or not set(hostile) & set('"[](){}<>|`\n\r')


# --- no network ------------------------------------------------------------------------------


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Sockets that refuse to connect or resolve, and a list of every attempt."""
    attempts: list[object] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("network access in a test")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    return attempts


def test_no_command_touches_the_network(offline: list[object], tmp_path: Path) -> None:
    runner = CliRunner()
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Convoy</title><link rel=stylesheet href=http://x.org/a.css>"
        "<script src=https://x.org/a.js></script></head><body><article><p>The convoy "
        "crossed at dawn, the Syrian Observatory for Human Rights said. It was seen near "
        "Kobani, the monitor added.</p></article></body></html>"
    )
    db = tmp_path / "p.db"
    extracted = tmp_path / "seed.provenance.yaml"
    claim = serialize.load(CURATED).claims[0].id
    commands = [
        ["audit", str(SEED)],
        ["audit", str(page), "--format", "json"],
        ["audit", str(CURATED)],
        ["extract", str(SEED), "-o", str(extracted)],
        ["check", str(extracted)],
        ["tree", str(CURATED)],
        *[
            ["export", str(CURATED), "--to", fmt, *(["--claim", claim] if fmt == "claimreview" else [])]
            for fmt in EXPORT_FORMATS
        ],
        ["ingest", str(SAMPLES), str(page), "--db", str(db), "--jobs", "1"],
        ["search", "convoy", "--db", str(db)],
        ["trace", "the Observatory", "--db", str(db)],
        ["sources", "--db", str(db)],
        ["audit", "--db", str(db)],
        ["sources", "merge", "Hilltop Herald", "Riverside Gazette", "--db", str(db)],
        ["sources", "split", "Riverside Gazette", "--db", str(db)],
    ]
    for arguments in commands:
        result = runner.invoke(cli, arguments, catch_exceptions=False)
        assert result.exit_code in {0, 1}, (arguments, result.stderr)
    document = json.loads(
        runner.invoke(cli, ["search", "convoy", "--db", str(db), "--format", "json"]).stdout
    )[0]["document"]["id"]
    assert runner.invoke(cli, ["tree", "--db", str(db), "--document", document]).exit_code in {0, 1}
    assert offline == []
    assert len(commands) == 6 + len(EXPORT_FORMATS) + 7  # and tree --db: every command


def test_the_offline_fixture_does_block(offline: list[object]) -> None:
    with pytest.raises(OSError, match="network access"):
        socket.create_connection(("example.org", 80), timeout=1)
    assert len(offline) == 1
