"""The rules command: what each rule finds, at what severity here, and an example."""

from __future__ import annotations

from pathlib import Path

import click

from .base import CONFIG_OPTION, JSON_OPTION, cli, complete_rules, console, load_config, write_json


@cli.command()
@click.argument("names", nargs=-1, metavar="[RULE]...", shell_complete=complete_rules)
@JSON_OPTION
@CONFIG_OPTION
def rules(names: tuple[str, ...], fmt: str, config_path: Path | None) -> None:
    """The rules: each one's severity in this project, what it finds, and an example.

    Without RULE, a table of every rule; with RULE, what it finds, an example article and the
    finding it gives on it (computed as you watch), and how to leave it out. The severities are
    those of ./provenance.toml (or --config), where [rules] chooses the rules every command applies:

    \b
      [rules]
      ignore = ["single-source"]      # or select = [...]: only those
      anonymous-source = "error"      # a rule's severity: info, warning, error or off

    --select and --ignore on audit, check, tree, ingest and export choose for one run.

    \b
    Examples:
      provenance rules
      provenance rules anonymous-source
      provenance rules --format json
    """
    from ..rulebook import describe

    selection = load_config(config_path).rules
    docs = describe(selection, names or None, examples=fmt == "json" or bool(names))
    if fmt == "json":
        write_json(list(docs))
        return
    from rich.console import Group

    from ..render.rules import render_rule, render_rules

    if not names:
        console().print(render_rules(docs))
        return
    console().print(Group(*(render_rule(doc) for doc in docs)))
