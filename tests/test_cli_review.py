"""CLI wiring of the fact-check workflow: check-claim, review, reviews, export --db, import-claimreview."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from provenance.cli import cli

SAMPLE = Path(__file__).parent.parent / "samples" / "shafaq-2025-01-02-alusi.txt"
CONVOY = "US forces sent 50 trucks to areas controlled by the SDF"


@pytest.fixture
def db(runner: CliRunner, tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    result = runner.invoke(
        cli, ["ingest", str(SAMPLE), "--db", str(path), "--jobs", "1"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stderr
    return path


def _check(runner: CliRunner, db: Path, *extra: str) -> tuple[int, list[dict[str, object]]]:
    result = runner.invoke(
        cli, ["check-claim", CONVOY, "--db", str(db), "--format", "json", *extra], catch_exceptions=False
    )
    assert result.stderr == ""
    return result.exit_code, json.loads(result.stdout)


def _convoy(runner: CliRunner, db: Path) -> str:
    _, matches = _check(runner, db)
    claim = matches[0]["claim"]
    assert isinstance(claim, dict)
    return str(claim["id"])


def _review(runner: CliRunner, db: Path, claim: str, rating: str, *extra: str) -> Result:
    return runner.invoke(
        cli, ["review", claim, "--rating", rating, "--reviewer", "Ann", "--db", str(db), *extra]
    )


def test_check_claim_json_then_review_then_fail_if_rated(runner: CliRunner, db: Path) -> None:
    code, matches = _check(runner, db, "--fail-if-rated", "false")
    assert code == 0
    first = matches[0]
    assert str(first["text"]).startswith("Earlier on Thursday, US forces brought in a new convoy")
    assert first["origins"] == 1
    assert first["verdict"] is None
    claim = _convoy(runner, db)
    result = _review(runner, db, claim, "false", "--note", "It was 40.", "--evidence", "https://e.example")
    assert result.exit_code == 0
    assert "Recorded 'False'" in result.stderr
    assert result.stdout == ""
    code, matches = _check(runner, db, "--fail-if-rated", "misleading,False")
    assert code == 1
    assert matches[0]["verdict"]["rating"] == "false"  # type: ignore[index]
    assert _check(runner, db, "--fail-if-rated", "misleading")[0] == 0


def test_check_claim_table_says_when_nothing_matches(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(
        cli,
        ["check-claim", "The mayor resigned over the water contract", "--db", str(db)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    assert "No stored claim or review matches" in result.stdout


def test_an_unknown_rating_exits_2_with_the_scale(runner: CliRunner, db: Path) -> None:
    result = _review(runner, db, _convoy(runner, db), "bogus")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip() == (
        "Error: unknown rating 'bogus'; the scale has: true, mostly-true, half-true, misleading, "
        "false, unproven"
    )


def test_reviews_lists_history_newest_standing(runner: CliRunner, db: Path) -> None:
    claim = _convoy(runner, db)
    _review(runner, db, claim, "true")
    _review(runner, db, claim, "half-true")
    result = runner.invoke(cli, ["reviews", claim, "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"2 verdict(s) on {claim}, newest first"
    assert lines[1].startswith("* Half true 3/5")
    assert lines[1].endswith("(standing)")
    assert lines[2].startswith("  True 5/5")
    data = json.loads(runner.invoke(cli, ["reviews", claim, "--db", str(db), "--format", "json"]).stdout)
    assert [(r["rating"], r["standing"]) for r in data] == [("half-true", True), ("true", False)]


def test_a_custom_scale_from_config(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    config = tmp_path / "newsroom.toml"
    config.write_text(
        '[review]\nauthor = "Desk Check"\n[[review.ratings]]\nname = "correct"\nvalue = 2\n'
        '[[review.ratings]]\nname = "wrong"\nvalue = 1\n',
        encoding="utf-8",
    )
    claim = _convoy(runner, db)
    assert _review(runner, db, claim, "false", "--config", str(config)).exit_code == 2
    assert _review(runner, db, claim, "correct", "--config", str(config)).exit_code == 0
    result = runner.invoke(
        cli,
        ["export", "--to", "claimreview", "--db", str(db), "--claim", claim, "--config", str(config)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    review = json.loads(result.stdout)
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "correct",
        "ratingValue": 2,
        "bestRating": 2,
        "worstRating": 1,
    }
    assert review["author"]["name"] == "Desk Check"


def test_export_all_writes_one_file_per_reviewed_claim(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    claim = _convoy(runner, db)
    _review(runner, db, claim, "mostly-true")
    out = tmp_path / "reviews"
    out.mkdir()
    result = runner.invoke(
        cli,
        ["export", "--to", "claimreview", "--db", str(db), "--all", "-o", str(out)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0
    assert "Wrote 1 ClaimReview file(s)" in result.stderr
    [written] = out.iterdir()
    assert written.name == f"{claim}.jsonld"
    assert json.loads(written.read_text(encoding="utf-8"))["reviewRating"]["alternateName"] == "Mostly true"
    # Any other format exports the database's documents, as one graph: a file in the folder.
    hops = runner.invoke(cli, ["export", "--to", "csv", "--db", str(db), "--all", "-o", str(out)])
    assert hops.exit_code == 0
    [table] = out.glob("*.csv")
    assert table.read_text(encoding="utf-8-sig").startswith("claim_id,")


def test_import_claimreview_then_check_claim_finds_it(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    path = tmp_path / "checks.json"
    path.write_text(
        json.dumps(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": "The mayor resigned over the water contract",
                "reviewRating": {"@type": "Rating", "alternateName": "False"},
            }
        ),
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["import-claimreview", str(path), "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stderr.strip() == f"{path}: 1 review(s) found, 1 new."
    code = runner.invoke(
        cli,
        [
            "check-claim",
            "the mayor resigned over the water contract",
            "--db",
            str(db),
            "--fail-if-rated",
            "false",
        ],
    ).exit_code
    assert code == 1


def test_a_claimreview_without_an_author_warns_naming_the_config_key(
    runner: CliRunner, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no provenance.toml here
    claim = _convoy(runner, db)
    _review(runner, db, claim, "mostly-true")
    stored = runner.invoke(cli, ["export", "--to", "claimreview", "--db", str(db), "--claim", claim])
    assert stored.exit_code == 0
    assert "author" not in json.loads(stored.stdout)
    assert stored.stderr.startswith("Warning: the ClaimReview names no author")
    assert "set review.author in provenance.toml" in stored.stderr
    from_file = runner.invoke(cli, ["export", str(SAMPLE), "--to", "claimreview", "--claim", claim])
    assert from_file.exit_code == 0
    assert "review.author" in from_file.stderr
    Path("provenance.toml").write_text('[review]\nauthor = "Desk Check"\n', encoding="utf-8")
    for args in (["--db", str(db)], [str(SAMPLE)]):
        result = runner.invoke(cli, ["export", *args, "--to", "claimreview", "--claim", claim])
        assert result.exit_code == 0
        assert result.stderr == ""
        assert json.loads(result.stdout)["author"] == {"@type": "Organization", "name": "Desk Check"}
