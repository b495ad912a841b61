"""Every command has --help text and appears in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from provenance.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    names = []
    for name, command in sorted(group.commands.items()):
        names.append(f"{prefix}{name}")
        if isinstance(command, click.Group):
            names.extend(_commands(command, f"{prefix}{name} "))
    return names


@pytest.mark.parametrize("command", _commands(cli))
def test_every_command_has_help_and_is_in_the_readme(command: str) -> None:
    result = CliRunner().invoke(cli, [*command.split(), "--help"], catch_exceptions=False)
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) > 3
    assert f"provenance {command}" in README


def test_readme_opens_with_the_two_commands() -> None:
    head = README[:1500]
    assert "provenance audit samples/" in head
    assert "pytest" in head


def test_ci_runs_exactly_the_readme_test_command() -> None:
    block = README.split("```bash\n", 1)[1].split("```", 1)[0]
    test_command = next(line for line in block.splitlines() if "pytest" in line)
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_readme_lists_every_rule_with_its_severity() -> None:
    from provenance.resolve import RULES

    for name, (severity, _) in RULES.items():
        assert f"| `{name}` | {severity.value} |" in README
