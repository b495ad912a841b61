"""CLI wiring of the database commands: ingest, search, trace, sources, tree --db, audit --db."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.cli import cli

SAMPLES = Path(__file__).parent.parent / "samples"


@pytest.fixture
def db(runner: CliRunner, tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    result = runner.invoke(
        cli, ["ingest", str(SAMPLES), "--db", str(path), "--jobs", "1"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    return path


def test_ingest_reports_and_is_idempotent(runner: CliRunner, db: Path) -> None:
    again = runner.invoke(
        cli, ["ingest", str(SAMPLES), "--db", str(db), "--jobs", "2"], catch_exceptions=False
    )
    assert again.exit_code == 0
    assert " 0 ingested" in again.stderr
    assert "0 failed, 0 skipped; 0 claims written" in again.stderr


def test_ingest_skips_a_bad_file_and_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "shafaq-2025-01-02-alusi.txt", folder)
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00\xd8 broken")
    path = tmp_path / "x.db"
    result = runner.invoke(cli, ["ingest", str(folder), "--db", str(path), "--jobs", "1"])
    assert result.exit_code == 1
    assert "broken.txt" in result.stderr
    assert "1 ingested" in result.stderr
    assert "1 failed" in result.stderr


def test_search_json_gives_ranked_claims_with_chains(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(
        cli, ["search", "convoy", "--db", str(db), "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert hits
    assert all("convoy" in hit["claim"]["text"].lower() for hit in hits)
    observed = [hit for hit in hits if len(hit["chain"]) > 1]
    assert observed[0]["chain"][1]["name"] == "Syrian Observatory for Human Rights"


def test_search_table_and_bad_query(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(cli, ["search", "Kobani", "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Syrian Observatory for Human Rights" in result.stdout
    bad = runner.invoke(cli, ["search", "AND OR", "--db", str(db)])
    assert bad.exit_code == 2
    assert bad.stderr.startswith("Error: cannot search for 'AND OR' (no word in it)")
    assert "Traceback" not in bad.stderr


@pytest.mark.parametrize("query", ['"unbalanced Kobani', "Al-Hasakah", "Kobani's", "U.S.", "road."])
def test_search_takes_what_people_type(runner: CliRunner, db: Path, query: str) -> None:
    result = runner.invoke(
        cli, ["search", query, "--db", str(db), "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0
    assert isinstance(json.loads(result.stdout), list)


def test_search_says_how_many_match_when_it_shows_fewer(runner: CliRunner, db: Path) -> None:
    every = json.loads(
        runner.invoke(cli, ["search", "the", "--db", str(db), "--format", "json", "-n", "1000"]).stdout
    )
    assert len(every) > 2
    shown = runner.invoke(cli, ["search", "the", "--db", str(db), "-n", "2"], catch_exceptions=False)
    assert shown.stdout.startswith(f"{len(every)} claim(s) matching 'the', the best 2 shown")


def test_trace_by_alias(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(
        cli, ["trace", "the Observatory", "--db", str(db), "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    assert found["source"]["name"] == "Syrian Observatory for Human Rights"
    assert found["total_claims"] == 3
    table = runner.invoke(cli, ["trace", "Mithal al-Alusi", "--db", str(db)], catch_exceptions=False)
    assert "Shafaq News" in table.stdout


def test_trace_unknown_source_is_exit_2(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(cli, ["trace", "Nobody At All", "--db", str(db)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")


def test_sources_table_json_and_merge_split(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(cli, ["sources", "--db", str(db), "--format", "json"], catch_exceptions=False)
    names = {line["source"]["name"]: line for line in json.loads(result.stdout)}
    assert names["Mithal al-Alusi"]["claims"] == 11
    merged = runner.invoke(
        cli,
        ["sources", "merge", "Hilltop Herald", "Riverside Gazette", "--db", str(db)],
        catch_exceptions=False,
    )
    assert merged.exit_code == 0
    after = json.loads(runner.invoke(cli, ["sources", "--db", str(db), "--format", "json"]).stdout)
    assert "Riverside Gazette" not in {line["source"]["name"] for line in after}
    split = runner.invoke(
        cli, ["sources", "split", "Riverside Gazette", "--db", str(db)], catch_exceptions=False
    )
    assert split.exit_code == 0
    table = runner.invoke(cli, ["sources", "--db", str(db)], catch_exceptions=False)
    assert "Riverside Gazette" in table.stdout


def test_tree_of_a_stored_document(runner: CliRunner, db: Path) -> None:
    search = json.loads(runner.invoke(cli, ["search", "Kobani", "--db", str(db), "--format", "json"]).stdout)
    document = search[0]["document"]["id"]
    result = runner.invoke(cli, ["tree", "--db", str(db), "--document", document], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Mithal al-Alusi" in result.stdout


def test_audit_db_finds_the_circular_pair(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(cli, ["audit", "--db", str(db), "--format", "json"])
    assert result.exit_code == 1  # circular-citation is an error
    rules = {finding["rule"] for finding in json.loads(result.stdout)["findings"]}
    assert "circular-citation" in rules


def test_missing_database_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no such database" in result.stderr
