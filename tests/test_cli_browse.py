"""Browsing a database: the documents listing, and exports of a stored document, a source's trace
or the whole database in any format."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from store_fixtures import SOHR, article

from provenance import serialize
from provenance.cli import cli
from provenance.model import Document
from provenance.store import Store

SAMPLES = Path(__file__).parent.parent / "samples"
SHAFAQ = "doc-b542138e2746b8c4"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browse") / "news.db"
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLES), "--db", str(path), "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    return path


def _listing(runner: CliRunner, db: Path, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(cli, ["documents", "--db", str(db), "--format", "json", *args])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, list)
    return data


def test_documents_lists_every_stored_document_newest_first(runner: CliRunner, db: Path) -> None:
    listed = _listing(runner, db)
    with Store.open(db, readonly=True) as store:
        graph = store.graph()
    assert {d["id"] for d in listed} == {d.id for d in graph.documents}
    published = [str(d["published"]) for d in listed]
    assert published == sorted(published, reverse=True)
    shafaq = next(d for d in listed if d["id"] == SHAFAQ)
    assert shafaq["outlet"] == "Shafaq News"
    assert shafaq["claims"] == sum(claim.document == SHAFAQ for claim in graph.claims)
    assert shafaq["findings"] == 4
    assert str(shafaq["title"]).startswith("Al-Alusi: A sectarian")


def test_documents_filters(runner: CliRunner, db: Path) -> None:
    courier = _listing(runner, db, "--outlet", "the valley courier")
    assert {d["outlet"] for d in courier} == {"The Valley Courier"}
    assert len(courier) == 2
    january = _listing(runner, db, "--since", "2025-01-02", "--until", "2025-01-02")
    assert [d["id"] for d in january] == [SHAFAQ]  # both days included
    assert _listing(runner, db, "--since", "2025-01-03", "--until", "2025-04-09") != []
    assert all(str(d["published"]) >= "2025-01-03" for d in _listing(runner, db, "--since", "2025-01-03"))
    by_claim = _listing(runner, db, "--search", "convoy NOT Kobani")
    assert [d["id"] for d in by_claim] == [SHAFAQ]
    by_title = _listing(runner, db, "--search", "Dam holds")  # in the title, not in a claim
    assert [d["title"] for d in by_title] == ["Dam holds after storm"]
    assert _listing(runner, db, "--search", "Dam_holds") == []  # _ matches itself, not any character
    assert len(_listing(runner, db, "-n", "2")) == 2


def test_documents_table_and_csv(runner: CliRunner, db: Path) -> None:
    table = runner.invoke(cli, ["documents", "--db", str(db), "-n", "2"]).stdout
    lines = table.splitlines()
    assert lines[0] == "The newest 2 of 6 documents"
    assert lines[1].startswith("doc-")
    assert " · 10 Apr 2025 · 2 claims, 1 finding" in lines[1]
    everything = runner.invoke(cli, ["documents", "--db", str(db)]).stdout
    assert everything.startswith("6 document(s), newest first\n")
    assert f"{SHAFAQ} · Shafaq News · 2 Jan 2025 · 16 claims, 4 findings" in everything
    data = runner.invoke(cli, ["documents", "--db", str(db), "--format", "csv"]).stdout_bytes
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0]) == ["id", "outlet", "outlet_id", "published", "title", "url", "claims", "findings"]
    assert {row["id"] for row in rows} == {str(d["id"]) for d in _listing(runner, db)}
    none = runner.invoke(cli, ["documents", "--db", str(db), "--search", "zebra"])
    assert none.stdout == "No stored document matches.\n"


def test_documents_bad_input_is_exit_2(runner: CliRunner, db: Path) -> None:
    for args, message in (
        (["--outlet", "Nobody Daily"], "no source called 'Nobody Daily'"),
        (["--search", '"'], "cannot search for"),
        (["--since", "2 Jan 2025"], "Invalid value for '--since'"),
    ):
        result = runner.invoke(cli, ["documents", "--db", str(db), *args])
        assert result.exit_code == 2
        assert message in result.stderr


def test_the_documents_query_leaves_undated_documents_out_of_date_filters(tmp_path: Path) -> None:
    dated = article("Convoy reaches Kobani", "Shafaq News", [("50 trucks came", SOHR)], day=6)
    undated_document = Document.from_text("An undated note", outlet=None, title="Undated")
    with Store.open(tmp_path / "news.db") as store:
        store.add(dated)
        store.add(dated.__class__(documents=(undated_document,)))
        assert [d.title for d in store.documents().documents] == ["Convoy reaches Kobani", "Undated"]
        since = store.documents(since=datetime(2024, 5, 6, tzinfo=UTC).date())
        assert [d.title for d in since.documents] == ["Convoy reaches Kobani"]
        assert store.documents(until=datetime(2024, 5, 5, tzinfo=UTC).date()).total == 0
        assert store.documents(limit=1).total == 2


def test_export_a_stored_document_in_any_format(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    data = json.loads(
        runner.invoke(cli, ["export", "--db", str(db), "--document", SHAFAQ, "--to", "json"]).stdout
    )
    jsonschema.validate(data, serialize.schema())
    assert [d["id"] for d in data["documents"]] == [SHAFAQ]
    assert data["documents"][0]["text"]  # the report needs the text
    assert {f["rule"] for f in data["findings"]} == {"unattributed", "single-source"}
    ignored = runner.invoke(
        cli, ["export", "--db", str(db), "--document", SHAFAQ, "--to", "json", "--ignore", "single-source"]
    )
    assert {f["rule"] for f in json.loads(ignored.stdout)["findings"]} == {"unattributed"}
    result = runner.invoke(
        cli, ["export", "--db", str(db), "--document", SHAFAQ, "--to", "html", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / f"{SHAFAQ}.html").read_text(encoding="utf-8")
    assert "Mithal al-Alusi" in page
    assert "2 Jan 2025, 21:13 UTC" in page


def test_export_a_source_trace(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    data = json.loads(
        runner.invoke(cli, ["export", "--db", str(db), "--source", "SOHR", "--to", "json"]).stdout
    )
    sohr = "syrian-observatory-for-human-rights"
    assert data["claims"]
    assert all(sohr in [hop["source"] for hop in claim["chain"]] for claim in data["claims"])
    assert [d["id"] for d in data["documents"]] == [SHAFAQ]
    result = runner.invoke(
        cli, ["export", "--db", str(db), "--source", "SOHR", "--to", "graphml", "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "trace-SOHR.graphml").read_text(encoding="utf-8").startswith("<?xml")


def test_export_the_whole_database(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    with Store.open(db, readonly=True) as store:
        ids = {d.id for d in store.graph(with_text=False).documents}
    reports = tmp_path / "reports"
    reports.mkdir()
    result = runner.invoke(cli, ["export", "--db", str(db), "--all", "--to", "html", "-o", str(reports)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Wrote {len(ids)} html file(s) into {reports}.\n"
    assert {path.stem for path in reports.iterdir()} == ids
    combined = json.loads(runner.invoke(cli, ["export", "--db", str(db), "--all", "--to", "json"]).stdout)
    assert {d["id"] for d in combined["documents"]} == ids
    assert "circular-citation" in {f["rule"] for f in combined["findings"]}  # across documents
    jsonl = runner.invoke(cli, ["export", "--db", str(db), "--all", "--to", "jsonl"]).stdout.splitlines()
    assert len(jsonl) == len(ids)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "html"], "name one of --document ID, --source NAME or --all"),
        (["--to", "html", "--document", SHAFAQ, "--all"], "name one of --document ID"),
        (["--to", "html", "--all"], "give an existing folder as -o"),
        (["--to", "claimreview", "--document", SHAFAQ], "give --claim ID or --all"),
        (["--to", "json", "--document", "doc-nope"], "no document doc-nope in the database"),
        (["--to", "json", "--source", "Nobody Daily"], "no source called 'Nobody Daily'"),
    ],
)
def test_export_db_usage_errors(runner: CliRunner, db: Path, args: list[str], message: str) -> None:
    result = runner.invoke(cli, ["export", "--db", str(db), *args])
    assert result.exit_code == 2
    assert message in result.stderr


def test_database_options_need_db(runner: CliRunner) -> None:
    for option in (["--document", SHAFAQ], ["--source", "SOHR"], ["--all"]):
        result = runner.invoke(cli, ["export", str(SAMPLES / "circular-a.txt"), "--to", "json", *option])
        assert result.exit_code == 2
        assert "give --db" in result.stderr


def test_tree_of_a_stored_document_takes_any_format(runner: CliRunner, db: Path) -> None:
    args = ["tree", "--db", str(db), "--document", SHAFAQ]
    markdown = runner.invoke(cli, [*args, "--format", "markdown"])
    assert markdown.exit_code == 0
    assert markdown.stdout.startswith("# Shafaq News: Al-Alusi")
    data = json.loads(runner.invoke(cli, [*args, "--format", "json", "--select", "unattributed"]).stdout)
    assert [d["id"] for d in data["documents"]] == [SHAFAQ]
    assert {f["rule"] for f in data["findings"]} == {"unattributed"}
