"""A project's settings from a TOML file: the rules it applies, its rating scale and the name it
publishes reviews under."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from attrs import field, frozen

from .errors import InputError
from .factcheck.model import DEFAULT_SCALE, Rating, RatingScale, rating_name
from .model import Severity
from .read.inputs import DEFAULT_LIMITS, Limits, parse_size
from .resolve import ALL_RULES, RuleSelection, rule_names

FILENAME = "provenance.toml"
"""The config file the CLI looks for in the working directory when ``--config`` is not given."""

EXAMPLE = """\
[rules]
ignore = ["single-source"]             # or select = [...]: only those
anonymous-source = "error"             # a rule's severity: info, warning, error or off

[limits]
article = "10 MiB"                     # larger articles are refused (records of a .jsonl: record)

[review]
author = "Example Fact Check"          # the organisation ClaimReview names as author

[[review.ratings]]                     # best first; replaces the default scale
name = "correct"
label = "Correct"
value = 3
"""
"""What a config file looks like, for help texts and the README."""


AUTHOR_KEY = "review.author"
"""Where the config names the organisation ClaimReview gives as ``author``, for warnings."""

_RULE_SEVERITIES = {"off": None, **{severity.value: severity for severity in Severity}}


@frozen
class Config:
    """A project's settings; the defaults when there is no config file."""

    scale: RatingScale = DEFAULT_SCALE
    """The ratings reviewers choose from."""
    author: str | None = None
    """The fact-checking organisation, ClaimReview ``author``."""
    rules: RuleSelection = field(default=ALL_RULES, kw_only=True)
    """The rules every command that resolves applies, before ``--select``/``--ignore``."""
    limits: Limits = field(default=DEFAULT_LIMITS, kw_only=True)
    """How large an input may be, before ``--max-size``."""


def read_config(path: Path) -> Config:
    """The settings in a TOML file; `InputError` naming the file for anything malformed."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(error.strerror or str(error), path=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"not valid TOML: {error}", path=str(path)) from None
    try:
        return parse_config(data)
    except InputError as error:
        error.path = str(path)
        raise


def parse_config(data: dict[str, Any]) -> Config:
    """Settings from parsed TOML: ``[rules]`` (``select``, ``ignore``, a severity per rule),
    ``[limits]`` (``article``, ``record``) and ``[review]`` (``author``, ``[[review.ratings]]``)."""
    rules = parse_rules(data.get("rules", {}))
    scale, author = _review(data.get("review", {}))
    return Config(scale, author, rules=rules, limits=parse_limits(data.get("limits", {})))


def parse_limits(table: object) -> Limits:
    """The ``[limits]`` table: ``article`` and ``record``, each a size ("10 MiB") or bytes."""
    if not isinstance(table, dict):
        raise InputError("[limits] must be a table")
    sizes: dict[str, int] = {}
    for key, value in table.items():
        if key not in ("article", "record"):
            raise InputError(f"limits.{key} is not a limit; the limits are: article, record")
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise InputError(f'limits.{key} must be a size such as "10 MiB" or a number of bytes')
        try:
            sizes[key] = parse_size(str(value))
        except InputError as error:
            raise InputError(f"limits.{key}: {error.message}") from None
    return Limits(
        sizes.get("article", DEFAULT_LIMITS.article_bytes), sizes.get("record", DEFAULT_LIMITS.record_bytes)
    )


def parse_rules(table: object) -> RuleSelection:
    """The ``[rules]`` table: ``select``/``ignore`` lists and ``rule-name = "off"|"info"|...``."""
    if not isinstance(table, dict):
        raise InputError("[rules] must be a table")
    chosen: dict[str, frozenset[str]] = {}
    for key in ("select", "ignore"):
        names = table.get(key, [])
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            raise InputError(f"rules.{key} must be a list of rule names")
        chosen[key] = _checked(f"rules.{key}", names)
    severities: dict[str, Severity | None] = {}
    for key, value in table.items():
        if key in chosen:
            continue
        _checked("[rules]", [key])
        if not isinstance(value, str) or value.lower() not in _RULE_SEVERITIES:
            raise InputError(f"rules.{key} must be one of: {', '.join(_RULE_SEVERITIES)}")
        severities[key] = _RULE_SEVERITIES[value.lower()]
    select = chosen["select"] if "select" in table else None
    return RuleSelection(select, chosen["ignore"], severities)


def _checked(where: str, names: list[str]) -> frozenset[str]:
    try:
        return rule_names(names)
    except InputError as error:
        raise InputError(f"{where}: {error.message}") from None


def _review(review: object) -> tuple[RatingScale, str | None]:
    if not isinstance(review, dict):
        raise InputError("[review] must be a table")
    author = review.get("author")
    if author is not None and not isinstance(author, str):
        raise InputError("review.author must be a string")
    entries = review.get("ratings")
    if entries is None:
        return DEFAULT_SCALE, author
    if not isinstance(entries, list) or not entries:
        raise InputError("review.ratings must be a non-empty list of [[review.ratings]] tables")
    ratings = []
    for number, entry in enumerate(entries, start=1):
        where = f"review.ratings[{number}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise InputError(f"{where} needs a name")
        value = entry.get("value")
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise InputError(f"{where}.value must be a whole number")
        label = entry.get("label", entry["name"])
        if not isinstance(label, str):
            raise InputError(f"{where}.label must be a string")
        name = rating_name(entry["name"])
        if not name:
            raise InputError(f"{where} has an empty name")
        ratings.append(Rating(name, label, value))
    names = [rating.name for rating in ratings]
    if len(set(names)) != len(names):
        raise InputError("review.ratings repeats a name")
    values = [rating.value for rating in ratings if rating.value is not None]
    best = review.get("best", max(values, default=1))
    worst = review.get("worst", min(values, default=1))
    if not isinstance(best, int) or not isinstance(worst, int):
        raise InputError("review.best and review.worst must be whole numbers")
    return RatingScale(tuple(ratings), best=best, worst=worst), author
