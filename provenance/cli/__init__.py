"""The command line: parse arguments, call the library, render, and map errors to exit codes.

This package is the only one that imports click. `base` holds the group and what commands share;
each other module holds the commands on one kind of thing.
"""

from . import articles, database, factcheck, rules  # noqa: F401 - importing them registers their commands
from .base import EXPORT_FORMATS, cli, main

__all__ = ["EXPORT_FORMATS", "cli", "main"]
