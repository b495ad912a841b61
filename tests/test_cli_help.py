"""Help texts say what the commands do: usage lines, examples, format lists, search syntax."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from provenance.cli import EXPORT_FORMATS, cli
from provenance.export import FORMATS

SAMPLES = Path(__file__).parent.parent / "samples"


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in sorted(group.commands.items()):
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found.extend(_commands(command, (*prefix, name)))
    return found


def _command(path: tuple[str, ...]) -> click.Command:
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return command


def _help(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(cli, [*path, "--help"], terminal_width=200)
    assert result.exit_code == 0
    return result.stdout


def _examples(path: tuple[str, ...]) -> list[list[str]]:
    """The command lines of a help text's Examples, as arguments after 'provenance'."""
    text = _help(path).replace("\\\n", " ")
    lines = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("provenance "):
            words = shlex.split(line)[1:]
            cut = next((n for n, word in enumerate(words) if word in {">", "|", "#"}), len(words))
            lines.append(words[:cut])
    return lines


COMMANDS = _commands(cli)


def test_every_command_has_examples() -> None:
    without = [" ".join(path) for path in COMMANDS if not _examples(path)]
    # merge and split are shown in their group's examples.
    assert without == ["sources merge", "sources split"]


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_example_parses_with_the_options_it_names(path: tuple[str, ...]) -> None:
    """Each example names options the command has, with values its choices and checks accept."""
    for words in _examples(path):
        names = words[: len(path)]
        assert names == list(path), f"an example of {' '.join(path)} runs {' '.join(words)}"
        command = _command(path)
        with command.make_context(" ".join(path), words[len(path) :]) as ctx:
            assert ctx.params is not None


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_usage_brackets_optional_arguments_only(path: tuple[str, ...]) -> None:
    command = _command(path)
    usage = _help(path).splitlines()[0]
    for argument in command.params:
        if not isinstance(argument, click.Argument):
            continue
        metavar = (
            argument.make_metavar(click.Context(command)) if argument.metavar is None else argument.metavar
        )
        assert metavar in usage
        assert metavar.startswith("[") is (not argument.required), f"{usage}: {argument.name}"


def test_export_lists_every_format_where_it_says() -> None:
    text = _help(("export",))
    assert "below" not in text
    assert "see Formats above" in text
    listed = re.findall(r"^\s+(\S+)\s{2,}\S", text.split("Formats:")[1].split("Examples:")[0], re.M)
    assert listed == EXPORT_FORMATS
    assert set(EXPORT_FORMATS) == set(FORMATS)


def test_every_command_that_prints_a_graph_takes_the_same_formats() -> None:
    for name in ("audit", "tree"):
        [option] = [p for p in _command((name,)).params if p.name == "fmt"]
        assert isinstance(option.type, click.Choice)
        assert list(option.type.choices) == ["tree", *EXPORT_FORMATS]


def test_the_search_syntax_in_the_help_is_the_syntax_search_takes(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    assert runner.invoke(cli, ["ingest", str(SAMPLES), "--db", str(db), "--jobs", "1"]).exit_code == 0
    text = _help(("search",))
    examples = _examples(("search",))
    for syntax in ('"', " OR ", " NOT ", "*"):
        assert syntax in text
        assert any(syntax in words[1] for words in examples), f"no example of {syntax!r}"
    for words in examples:
        result = runner.invoke(cli, [*words, "--db", str(db), "--format", "json"])
        assert result.exit_code == 0, (words, result.stderr)
        texts = [hit["claim"]["text"].lower() for hit in json.loads(result.stdout)]
        assert texts, f"{words[1]} finds nothing in the samples"
        query = words[1]
        if query == "convoy Kobani":  # every word must be there
            assert all("convoy" in t and "kobani" in t for t in texts)
        if query == "convoy NOT Kobani":
            assert all("convoy" in t and "kobani" not in t for t in texts)
        if query.endswith("*"):
            assert all(query[:-1] in t for t in texts)


def test_shell_completion_as_the_readme_says(runner: CliRunner) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert "_PROVENANCE_COMPLETE=bash_source provenance" in readme
    script = runner.invoke(cli, [], prog_name="provenance", env={"_PROVENANCE_COMPLETE": "bash_source"})
    assert "_PROVENANCE_COMPLETE=bash_complete" in script.stdout
    words = {"COMP_WORDS": "provenance audit x --ignore single-source,un", "COMP_CWORD": "4"}
    completed = runner.invoke(
        cli, [], prog_name="provenance", env={**words, "_PROVENANCE_COMPLETE": "bash_complete"}
    )
    assert completed.stdout.split() == [
        "plain,single-source,unattributed",
        "plain,single-source,unresolved-mention",
    ]
