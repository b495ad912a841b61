"""A newsroom's rating scale and review author from a TOML file."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.config import EXAMPLE, Config, parse_config, read_config
from provenance.errors import InputError
from provenance.factcheck.model import DEFAULT_SCALE


def test_a_custom_scale_replaces_the_default(tmp_path: Path) -> None:
    path = tmp_path / "provenance.toml"
    path.write_text(
        '[review]\nauthor = "Example Fact Check"\n'
        '[[review.ratings]]\nname = "Correct"\nvalue = 3\n'
        '[[review.ratings]]\nname = "needs context"\nlabel = "Needs context"\nvalue = 2\n'
        '[[review.ratings]]\nname = "wrong"\nlabel = "Wrong"\nvalue = 1\n',
        encoding="utf-8",
    )
    config = read_config(path)
    assert config.author == "Example Fact Check"
    assert [r.name for r in config.scale.ratings] == ["correct", "needs-context", "wrong"]
    assert (config.scale.best, config.scale.worst) == (3, 1)
    assert config.scale.rating("Needs context").label == "Needs context"
    with pytest.raises(InputError, match="unknown rating 'false'; the scale has: correct"):
        config.scale.rating("false")


def test_the_example_in_the_help_parses() -> None:
    import tomllib

    assert parse_config(tomllib.loads(EXAMPLE)).scale.rating("correct").value == 3


def test_no_ratings_keeps_the_default_scale() -> None:
    assert parse_config({"review": {"author": "Desk"}}) == Config(DEFAULT_SCALE, "Desk")
    assert parse_config({}) == Config()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[review\n", "not valid TOML"),
        ("review = 3\n", r"\[review\] must be a table"),
        ("[review]\nratings = []\n", "non-empty list"),
        ('[[review.ratings]]\nlabel = "x"\n', r"review.ratings\[1\] needs a name"),
        ('[[review.ratings]]\nname = "a"\nvalue = "high"\n', "whole number"),
        ('[[review.ratings]]\nname = "a"\n[[review.ratings]]\nname = "A"\n', "repeats a name"),
    ],
)
def test_a_malformed_config_names_the_file_and_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message) as error:
        read_config(path)
    assert str(error.value).startswith(str(path))


def test_limits_come_from_the_config_in_the_sizes_people_write() -> None:
    limits = parse_config({"limits": {"article": "2 MiB", "record": 500_000}}).limits
    assert (limits.article_bytes, limits.record_bytes) == (2 * 2**20, 500_000)
    assert parse_config({}).limits == Config().limits


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"limits": {"article": "huge"}}, "limits.article: not a size"),
        ({"limits": {"pages": "1 MiB"}}, "limits.pages is not a limit"),
        ({"limits": {"article": True}}, "limits.article must be a size"),
        ({"limits": 5}, r"\[limits\] must be a table"),
    ],
)
def test_a_bad_limit_is_named(table: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_config(table)
