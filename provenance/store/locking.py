"""Sharing one database file between processes: WAL mode, and write transactions that wait their turn."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

WAL_ATTEMPTS = 100
"""How often to try switching a fresh file to WAL (0.1 s apart) while another process holds it."""


def use_wal(db: Database) -> None:
    """Put the database in WAL mode, waiting for other processes that are opening it too.

    Switching needs the file to itself, and SQLite answers "locked" at once rather than waiting out
    the busy timeout, so two ``ingest`` runs starting on a new database would otherwise race.
    """
    if db.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        return  # WAL is a property of the file; nothing to switch
    for attempt in range(WAL_ATTEMPTS):
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == WAL_ATTEMPTS - 1:
                raise
            time.sleep(0.1)


@contextmanager
def immediate(db: Database) -> Iterator[None]:
    """One write transaction that takes the write lock before it reads.

    A deferred transaction that reads and then writes fails at once ("locked") when another process
    committed in between, and lets two processes both find a row missing and both insert it; taking
    the lock first makes them wait the busy timeout and see each other's work. Nested use becomes a
    savepoint, as sqlite-utils' ``atomic`` does.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.conn.rollback()
        raise
    try:
        db.execute("COMMIT")
    except BaseException:
        db.conn.rollback()
        raise
