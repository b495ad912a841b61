"""Shared pytest fixtures."""

from __future__ import annotations

import io

import pytest
from rich.console import Console


@pytest.fixture
def console() -> Console:
    """A plain 80-column console that records what is printed, for exact-string render tests."""
    return Console(width=80, color_system=None, record=True, file=io.StringIO(), legacy_windows=False)


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden`` rewrites the golden files under tests/golden/ from the current output."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current extractor output (review the diff)",
    )
