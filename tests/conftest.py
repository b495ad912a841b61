"""Shared pytest fixtures."""

from __future__ import annotations

import io
import os

import pytest
from click.testing import CliRunner
from hypothesis import settings
from rich.console import Console

# Hypothesis profiles. "ci" is reproducible: the same examples on every run (derandomised from each
# test's source), so a red CI run is red again when rerun, and a failure prints its reproduction blob.
# "dev", the default on a developer's machine, draws new examples every run and remembers failures in
# .hypothesis/, so exploring goes on. "long" (`HYPOTHESIS_PROFILE=long pytest`) raises the budget of
# tests that set none of their own.
# A test's own @settings(max_examples=...) still sets its budget under every profile; the fuzz tests
# state theirs with fuzz_strategies.examples(n) instead, which scales with the profile: n under "ci"
# and "dev", 20 n under "long".
settings.register_profile("ci", derandomize=True, print_blob=True, deadline=None)
settings.register_profile("dev", deadline=None)
settings.register_profile("long", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def console() -> Console:
    """A plain 80-column console that records what is printed, for exact-string render tests."""
    return Console(width=80, color_system=None, record=True, file=io.StringIO(), legacy_windows=False)


@pytest.fixture
def runner() -> CliRunner:
    """A click test runner; stdout and stderr are kept apart (``result.stdout``, ``result.stderr``)."""
    return CliRunner()


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden`` rewrites the golden files under tests/golden/ from the current output."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current extractor output (review the diff)",
    )
