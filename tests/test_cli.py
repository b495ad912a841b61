"""CLI wiring: exit codes, stdout and stderr apart, one happy path per command."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from provenance import serialize
from provenance.cli import cli

SAMPLES = Path(__file__).parent.parent / "samples"
SEED = SAMPLES / "shafaq-2025-01-02-alusi.txt"
CURATED = SAMPLES / "shafaq-2025-01-02-alusi.provenance.yaml"


def test_audit_shows_the_sourcing_tree_of_the_seed(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["audit", str(SEED)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    for expected in (
        "Shafaq News",
        "Mithal al-Alusi",
        "Syrian Observatory for Human Rights",
        "warned",
        "According to",
        "unattributed",
    ):
        assert expected in result.stdout


def test_audit_json_is_the_canonical_document(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["audit", str(SEED), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    jsonschema.validate(data, serialize.schema())
    [document] = data["documents"]
    assert all(claim["chain"][0]["source"] == document["outlet"] for claim in data["claims"])
    for claim in data["claims"]:
        start, end = claim["span"]
        assert document["text"][start:end] == claim["text"]


def test_fail_on_warning_turns_findings_into_exit_1(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["audit", str(SEED), "--fail-on", "warning"])
    assert result.exit_code == 1
    assert "unattributed" in result.stdout


def test_stdin_is_read_with_a_dash(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["audit", "-", "--format", "json"], input=SEED.read_bytes())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["documents"][0]["outlet"] == "shafaq-news"


def test_markdown_format(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["audit", str(SEED), "--format", "markdown"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Mithal al-Alusi" in result.stdout
    assert "|" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"caf\xe9", "not UTF-8 text"),
        (b"", "empty article"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    runner: CliRunner, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(cli, ["audit", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {path}: ")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_missing_file_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["audit", "no/such/story.txt"])
    assert result.exit_code == 2
    assert result.stderr == "Error: no/such/story.txt: No such file or directory\n"


def test_usage_error_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["audit", str(SEED), "--fail-on", "sometimes"])
    assert result.exit_code == 2


def test_extract_then_check_round_trip(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "seed.provenance.yaml"
    result = runner.invoke(cli, ["extract", str(SEED), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Wrote" in result.stderr
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, serialize.schema())
    checked = runner.invoke(cli, ["check", str(out)], catch_exceptions=False)
    assert checked.exit_code == 0
    again = runner.invoke(cli, ["extract", str(SEED), "-o", str(out)])
    assert again.exit_code == 2
    assert "--force" in again.stderr
    forced = runner.invoke(cli, ["extract", str(SEED), "-o", str(out), "--force"])
    assert forced.exit_code == 0


def test_extract_jsonl_keeps_record_ids(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {"id": "r1", "text": "The mayor said on Monday that the bridge would reopen in May."},
        {"id": "r2", "text": 'Flooding closed the road. "It is a disaster," said Ana Ruiz, a farmer.'},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(corpus), "--format", "jsonl"], catch_exceptions=False)
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["documents"][0]["id"] for line in lines] == ["r1", "r2"]
    assert any(len(claim["chain"]) > 1 for claim in lines[1]["claims"])


def test_check_names_the_json_path_of_a_schema_violation(runner: CliRunner, tmp_path: Path) -> None:
    data = yaml.safe_load(CURATED.read_text(encoding="utf-8"))
    data["claims"][2]["chain"][1]["source"] = 42
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(cli, ["check", str(broken)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {broken}: ")
    assert "$.claims[2].chain[1].source" in result.stderr


def test_check_flags_a_dangling_source_as_an_error(runner: CliRunner, tmp_path: Path) -> None:
    data = yaml.safe_load(CURATED.read_text(encoding="utf-8"))
    data["claims"][2]["chain"][1]["source"] = "nobody-we-know"
    curated = tmp_path / "dangling.yaml"
    curated.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = runner.invoke(cli, ["check", str(curated), "--format", "json"])
    assert result.exit_code == 1
    rules = {finding["rule"] for finding in json.loads(result.stdout)}
    assert "dangling-source" in rules
    # The one JSON writer every command shares: non-ASCII is written as itself, not escaped.
    assert "“nobody-we-know”" in result.stdout
    assert "\\u201c" not in result.stdout


def test_check_refuses_an_article(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["check", str(SEED)])
    assert result.exit_code == 2
    assert "not a provenance file" in result.stderr


def test_tree_of_the_curated_sample(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["tree", str(CURATED)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Mithal al-Alusi" in result.stdout


def test_export_format_names_match_the_registry() -> None:
    from provenance.cli import EXPORT_FORMATS
    from provenance.export import FORMATS

    assert list(FORMATS) == EXPORT_FORMATS


def test_export_writes_a_file_and_never_overwrites(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "seed.csv"
    result = runner.invoke(cli, ["export", str(SEED), "--to", "csv", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Mithal al-Alusi" in out.read_text(encoding="utf-8-sig")
    again = runner.invoke(cli, ["export", str(SEED), "--to", "csv", "-o", str(out)])
    assert again.exit_code == 2
    assert again.stderr.startswith("Error: ")


def test_export_claimreview_needs_a_claim(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["export", str(CURATED), "--to", "claimreview"])
    assert result.exit_code == 2
    assert "--claim" in result.stderr


def test_audit_format_accepts_every_export_format(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["audit", str(SEED), "--format", "prov-n"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout.startswith("document")


def test_max_size_refuses_a_larger_article_in_one_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["audit", str(SEED), "--max-size", "1KiB"])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {SEED}: larger than the 1 KiB limit for one article (--max-size)\n"
    assert runner.invoke(cli, ["audit", str(SEED), "--max-size", "1MiB"]).exit_code == 0


def test_the_config_sets_the_size_limit_and_the_command_line_wins(runner: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "provenance.toml"
    config.write_text('[limits]\narticle = "1 KiB"\n', encoding="utf-8")
    refused = runner.invoke(cli, ["audit", str(SEED), "--config", str(config)])
    assert refused.exit_code == 2
    assert "limit for one article" in refused.stderr
    allowed = runner.invoke(cli, ["audit", str(SEED), "--config", str(config), "--max-size", "1MiB"])
    assert allowed.exit_code == 0


def test_a_max_size_that_is_no_size_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["audit", str(SEED), "--max-size", "big"])
    assert result.exit_code == 2
    assert "not a size: 'big'" in result.stderr
