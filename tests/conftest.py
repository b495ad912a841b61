"""Shared pytest fixtures."""

from __future__ import annotations

import io

import pytest
from rich.console import Console


@pytest.fixture
def console() -> Console:
    """A plain 80-column console that records what is printed, for exact-string render tests."""
    return Console(width=80, color_system=None, record=True, file=io.StringIO(), legacy_windows=False)
