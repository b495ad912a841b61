"""A newsroom's settings from a TOML file: its rating scale and the name it publishes reviews under."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from attrs import frozen

from ..errors import InputError
from .model import DEFAULT_SCALE, Rating, RatingScale, rating_name

FILENAME = "provenance.toml"
"""The config file the CLI looks for in the working directory when ``--config`` is not given."""

EXAMPLE = """\
[review]
author = "Example Fact Check"          # the organisation ClaimReview names as author

[[review.ratings]]                     # best first; replaces the default scale
name = "correct"
label = "Correct"
value = 3
"""
"""What a config file looks like, for help texts and the README."""


@frozen
class Config:
    """Settings the review workflow needs; the defaults when there is no config file."""

    scale: RatingScale = DEFAULT_SCALE
    """The ratings reviewers choose from."""
    author: str | None = None
    """The fact-checking organisation, ClaimReview ``author``."""


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
    """Settings from parsed TOML (``[review]`` with ``author`` and ``[[review.ratings]]``)."""
    review = data.get("review", {})
    if not isinstance(review, dict):
        raise InputError("[review] must be a table")
    author = review.get("author")
    if author is not None and not isinstance(author, str):
        raise InputError("review.author must be a string")
    entries = review.get("ratings")
    if entries is None:
        return Config(DEFAULT_SCALE, author)
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
    return Config(RatingScale(tuple(ratings), best=best, worst=worst), author)
