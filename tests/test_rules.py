"""Choosing rules: `RuleSelection` in `resolve`, the `[rules]` table, and the rulebook's examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.config import parse_config, read_config
from provenance.errors import InputError
from provenance.model import Graph, Severity
from provenance.pipeline import analyse, analyse_all
from provenance.read import read_bytes, read_path
from provenance.resolve import ALL_RULES, RULES, RuleSelection, resolve, rule_examples, rule_names
from provenance.rulebook import describe

SEED = Path(__file__).parent.parent / "samples" / "shafaq-2025-01-02-alusi.txt"


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    [graph] = read_path(SEED)
    return analyse(graph)


def test_every_rule_applies_by_default_at_its_own_severity() -> None:
    assert all(ALL_RULES.applies(rule) for rule in RULES)
    assert all(ALL_RULES.severity(rule) is severity for rule, (severity, _) in RULES.items())


def test_select_and_ignore_choose_the_rules_resolve_runs(seed_graph: Graph) -> None:
    everything = {f.rule for f in resolve(seed_graph)}
    assert everything == {"unattributed", "single-source"}
    only = resolve(seed_graph, RuleSelection(select=frozenset({"single-source"})))
    assert {f.rule for f in only} == {"single-source"}
    rest = resolve(seed_graph, RuleSelection(ignore=frozenset({"single-source"})))
    assert {f.rule for f in rest} == {"unattributed"}
    assert resolve(seed_graph, RuleSelection(frozenset({"unattributed"}), frozenset({"unattributed"}))) == ()


def test_a_severity_override_changes_the_findings_and_their_order(seed_graph: Graph) -> None:
    raised = resolve(seed_graph, RuleSelection(severities={"single-source": Severity.ERROR}))
    assert [f.severity for f in raised if f.rule == "single-source"] == [Severity.ERROR] * 2
    assert raised[0].rule == "single-source"  # errors come first
    off = resolve(seed_graph, RuleSelection(severities={"single-source": None}))
    assert "single-source" not in {f.rule for f in off}
    assert off == resolve(seed_graph, RuleSelection(ignore=frozenset({"single-source"})))


def test_the_command_line_is_laid_over_the_config() -> None:
    config = RuleSelection(
        select=frozenset({"unattributed", "single-source"}),
        ignore=frozenset({"anonymous-source"}),
        severities={"single-source": None, "unattributed": Severity.ERROR},
    )
    assert not config.applies("single-source")
    assert not config.applies("anonymous-source")
    # --select replaces the config's select and brings back what it switched off or ignored.
    chosen = config.then(RuleSelection(select=frozenset({"single-source", "anonymous-source"})))
    assert chosen.applies("single-source")
    assert chosen.applies("anonymous-source")
    assert not chosen.applies("unattributed")
    assert chosen.severity("single-source") is Severity.INFO
    # --ignore adds to the config's; the config's severities stand.
    ignored = config.then(RuleSelection(ignore=frozenset({"single-source"})))
    assert ignored.select == config.select
    assert ignored.ignore == {"anonymous-source", "single-source"}
    assert ignored.severity("unattributed") is Severity.ERROR
    assert config.then(ALL_RULES) == config


def test_unknown_rule_names_are_refused_with_the_known_ones() -> None:
    assert rule_names(["unattributed", " single-source", ""]) == {"unattributed", "single-source"}
    with pytest.raises(InputError) as raised:
        rule_names(["unattributed", "single-sourced"])
    assert "'single-sourced'" in raised.value.message
    assert all(rule in raised.value.message for rule in RULES)


def test_the_rules_table_of_a_config() -> None:
    config = parse_config(
        {"rules": {"ignore": ["unresolved-mention"], "single-source": "off", "anonymous-source": "Error"}}
    )
    rules = config.rules
    assert rules.select is None
    assert not rules.applies("unresolved-mention")
    assert not rules.applies("single-source")
    assert rules.severity("anonymous-source") is Severity.ERROR
    assert parse_config({"rules": {"select": ["unattributed"]}}).rules.select == {"unattributed"}
    assert parse_config({"rules": {"select": []}}).rules.select == frozenset()
    assert parse_config({}).rules == ALL_RULES


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules = 3", "[rules] must be a table"),
        ("[rules]\nselect = 'unattributed'", "rules.select must be a list of rule names"),
        ("[rules]\nignore = ['nope']", "rules.ignore: no rule named 'nope'; the rules are: unattributed"),
        ("[rules]\nnope = 'off'", "[rules]: no rule named 'nope'"),
        ("[rules]\nsingle-source = 'loud'", "rules.single-source must be one of: off, info, warning, error"),
    ],
)
def test_a_malformed_rules_table_names_the_file_and_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "provenance.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_config(path)
    assert raised.value.path == str(path)
    assert message in raised.value.message


def test_every_rule_has_an_example_and_fires_on_it() -> None:
    assert set(rule_examples()) == set(RULES)
    for doc in describe(ALL_RULES, examples=True):
        assert doc.example, doc.name
        assert doc.findings, f"{doc.name} finds nothing in its example"
        assert {f.rule for f in doc.findings} == {doc.name}
        assert all(f.severity.rank <= doc.default.rank for f in doc.findings)
        # The finding shown is the one audit gives on the same files.
        graphs = [g for file in doc.example for g in read_bytes(file.text.encode(), name=file.name)]
        audited = analyse_all(graphs).findings
        assert [f for f in audited if f.rule == doc.name] == list(doc.findings)


def test_the_rulebook_shows_the_project_severities() -> None:
    rules = RuleSelection(
        ignore=frozenset({"single-source"}), severities={"anonymous-source": Severity.ERROR}
    )
    docs = {doc.name: doc for doc in describe(rules, ["single-source", "anonymous-source"], examples=True)}
    assert list(docs) == ["anonymous-source", "single-source"]
    assert docs["single-source"].severity is None
    assert docs["anonymous-source"].severity is Severity.ERROR
    assert docs["anonymous-source"].default is Severity.WARNING
    assert [f.severity for f in docs["anonymous-source"].findings] == [Severity.ERROR]
    assert describe(rules)[0].example == ()
