"""Errors the user can act on, each carrying the exit code the CLI ends with."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """The process exit codes, stable for pipelines."""

    OK = 0
    FINDINGS = 1
    """Findings at or above ``--fail-on``."""
    BAD_INPUT = 2
    """Bad input or usage."""


class ProvenanceError(Exception):
    """Base of every error meant for the user: one line, no traceback."""

    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(ProvenanceError):
    """An input file that cannot be read, decoded, parsed or validated."""


class StoreError(ProvenanceError):
    """A database that cannot be opened, read or written."""
