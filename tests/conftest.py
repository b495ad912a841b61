"""Shared pytest fixtures."""

from __future__ import annotations

import io

import pytest
from click.testing import CliRunner
from rich.console import Console


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
