"""Choosing rules on the command line and in provenance.toml, and the rules command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.cli import cli
from provenance.resolve import RULES

SAMPLES = Path(__file__).parent.parent / "samples"
SEED = SAMPLES / "shafaq-2025-01-02-alusi.txt"
CURATED = SAMPLES / "shafaq-2025-01-02-alusi.provenance.yaml"


def _rules(result_stdout: str) -> set[str]:
    return {finding["rule"] for finding in json.loads(result_stdout)["findings"]}


def test_select_and_ignore_on_audit(runner: CliRunner) -> None:
    plain = runner.invoke(cli, ["audit", str(SEED), "--format", "json"])
    assert _rules(plain.stdout) == {"unattributed", "single-source"}
    ignored = runner.invoke(cli, ["audit", str(SEED), "--format", "json", "--ignore", "single-source"])
    assert _rules(ignored.stdout) == {"unattributed"}
    selected = runner.invoke(cli, ["audit", str(SEED), "--select", "single-source", "--fail-on", "info"])
    assert selected.exit_code == 1
    assert "single-source" in selected.stdout
    assert "unattributed" not in selected.stdout.split("Findings")[1]


def test_an_unknown_rule_is_a_usage_error_naming_the_rules(runner: CliRunner) -> None:
    for command in (["audit", str(SEED)], ["check", str(CURATED)], ["tree", str(CURATED)]):
        result = runner.invoke(cli, [*command, "--select", "unatributed"])
        assert result.exit_code == 2
        assert "--select" in result.stderr
        assert "no rule named 'unatributed'" in result.stderr
        assert all(rule in result.stderr for rule in RULES)
    result = runner.invoke(cli, ["ingest", str(SEED), "--ignore", "single,unattributed"])
    assert result.exit_code == 2
    assert "'single'" in result.stderr


def test_check_tree_and_export_take_the_selection(runner: CliRunner) -> None:
    check = runner.invoke(cli, ["check", str(CURATED), "--format", "json", "--select", "unattributed"])
    assert {finding["rule"] for finding in json.loads(check.stdout)} == {"unattributed"}
    tree = runner.invoke(cli, ["tree", str(CURATED), "--ignore", "single-source,unattributed"])
    assert tree.exit_code == 0
    assert "No findings" in tree.stdout
    export = runner.invoke(cli, ["export", str(SEED), "--to", "json", "--ignore", "unattributed"])
    assert _rules(export.stdout) == {"single-source"}


def test_the_project_config_chooses_and_the_command_line_wins(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("provenance.toml").write_text(
        '[rules]\nsingle-source = "off"\nunattributed = "error"\n', encoding="utf-8"
    )
    result = runner.invoke(cli, ["audit", str(SEED), "--format", "json"])
    assert result.exit_code == 1  # unattributed is an error in this project
    findings = json.loads(result.stdout)["findings"]
    assert {(f["rule"], f["severity"]) for f in findings} == {("unattributed", "error")}
    back = runner.invoke(cli, ["audit", str(SEED), "--format", "json", "--select", "single-source"])
    assert back.exit_code == 0
    assert _rules(back.stdout) == {"single-source"}
    other = tmp_path / "other.toml"
    other.write_text('[rules]\nignore = ["unattributed"]\n', encoding="utf-8")
    chosen = runner.invoke(cli, ["audit", str(SEED), "--format", "json", "--config", str(other)])
    assert _rules(chosen.stdout) == {"single-source"}


def test_a_bad_rules_table_is_exit_2_naming_the_file(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("provenance.toml").write_text('[rules]\nignore = ["single"]\n', encoding="utf-8")
    result = runner.invoke(cli, ["audit", str(SEED)])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: provenance.toml: rules.ignore: no rule named 'single'")


def test_ingest_stores_the_findings_of_the_rules_chosen(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    result = runner.invoke(
        cli, ["ingest", str(SEED), "--db", str(db), "--jobs", "2", "--ignore", "single-source"]
    )
    assert result.exit_code == 0, result.stderr
    stored = runner.invoke(cli, ["audit", "--db", str(db), "--format", "json", "--select", "unattributed"])
    assert _rules(stored.stdout) == {"unattributed"}
    from provenance.store import Store

    with Store.open(db, readonly=True) as store:
        assert {finding.rule for finding in store.graph().findings} == {"unattributed"}


def test_rules_lists_every_rule_with_its_severity(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["rules"])
    assert result.exit_code == 0
    for name, (severity, _) in RULES.items():
        [line] = [line for line in result.stdout.splitlines() if line.startswith(name + " ")]
        assert line.split()[1] == severity.value


def test_rules_shows_one_rule_with_its_example_and_finding(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["rules", "anonymous-source"])
    assert result.exit_code == 0
    assert result.stdout.startswith("anonymous-source (warning)")
    assert "Kobani on Thursday, security" in result.stdout
    assert "warning  Attributed to an anonymous source: “security sources”." in result.stdout
    assert "--ignore anonymous-source" in result.stdout
    unknown = runner.invoke(cli, ["rules", "anonymous"])
    assert unknown.exit_code == 2
    assert "no rule named 'anonymous'" in unknown.stderr


def test_rules_json_and_the_project_severities(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("provenance.toml").write_text('[rules]\nsingle-source = "off"\n', encoding="utf-8")
    data = json.loads(runner.invoke(cli, ["rules", "--format", "json"]).stdout)
    assert [rule["name"] for rule in data] == list(RULES)
    single = next(rule for rule in data if rule["name"] == "single-source")
    assert single["severity"] is None
    assert single["default"] == "info"
    assert single["findings"][0]["rule"] == "single-source"
    table = runner.invoke(cli, ["rules"]).stdout
    assert "off (default info)" in table
