"""Opening a database file: checks whose failure a person can act on, the settings every connection
needs, and SQLite's errors in words."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from ..errors import StoreError
from .locking import use_wal
from .schema import is_outdated, migrate

MEMORY = ":memory:"
"""The name of a private in-memory database."""

WRITER_CACHE_KIB = 65_536
"""Page cache of a connection that writes, in KiB (64 MiB): what batched ingest commits touch."""


def connect(path: str | Path, *, readonly: bool = False) -> Database:
    """The database at ``path``, created if need be and its schema brought up to date.

    Sets foreign keys, a busy timeout and (for files opened to write) WAL. Raises `StoreError` when
    the file cannot be read or written, is not a SQLite database, or holds someone else's tables.
    An older database opened to read is migrated once, in place, then read as asked.
    """
    name = str(path)
    with errors(name):
        db = Database(_connection(name, readonly), execute_plugins=False)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 10000")
        if not readonly or name == MEMORY:
            # A private in-memory database is new and empty however it is opened: it gets the schema
            # (asked to read, it would be outdated at each reopening, every one a new database)
            if name != MEMORY:
                use_wal(db)
                # With WAL, NORMAL keeps every commit atomic and the file valid after a crash; only
                # the last commits before a power loss may be lost, and re-ingesting restores them.
                db.execute("PRAGMA synchronous = NORMAL")
            # A writer's inserts touch the claims, hops and full-text indexes all over: SQLite's
            # default 2 MiB page cache rereads them from the file once a corpus outgrows it.
            db.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
            migrate(db)
        elif _is_closed_as_outdated(db):
            connect(path).close()
            return connect(path, readonly=True)
    return db


def _is_closed_as_outdated(db: Database) -> bool:
    """Whether a file opened to read must be migrated first; it is closed then, and when it is newer
    than this code can read (`StoreError`)."""
    try:
        outdated = is_outdated(db)
    except StoreError:
        db.close()
        raise
    if outdated:
        db.close()
    return outdated


def _connection(name: str, readonly: bool) -> sqlite3.Connection:
    if name == MEMORY:
        return sqlite3.connect(MEMORY)
    file = Path(name)
    if file.is_dir():
        raise StoreError("is a folder, not a database file")
    if readonly:
        if not file.exists():
            raise StoreError("no such database file (ingest some articles first)")
        uri = f"file:{quote(str(file.resolve()))}?mode=ro"
        if _is_frozen(file):
            uri += "&immutable=1"
        return sqlite3.connect(uri, uri=True)
    if not file.parent.is_dir():
        raise StoreError(f"folder {file.parent} does not exist")
    # Checked before SQLite opens it: SQLite would fall back to reading, and leave journal files
    # (read-only too) beside a database that was never written.
    if file.exists() and not os.access(file, os.W_OK):
        raise StoreError("the database file is read-only (check its permissions)")
    if not os.access(file.parent, os.W_OK | os.X_OK):
        raise StoreError(f"folder {file.parent} is read-only, and the database writes its journal beside it")
    return sqlite3.connect(file)


def _is_frozen(file: Path) -> bool:
    """Whether no one can be writing the database: its folder is read-only and holds no WAL.

    SQLite cannot read a WAL database there, for it cannot create the shared-memory file beside it,
    unless told the file will not change.
    """
    wal = file.with_name(file.name + "-wal")
    return not os.access(file.parent, os.W_OK) and not (wal.exists() and wal.stat().st_size)


@contextmanager
def errors(path: str) -> Iterator[None]:
    """SQLite's errors as `StoreError`s naming ``path``, in words a person can act on."""
    try:
        yield
    except StoreError as error:
        error.path = error.path or path
        raise
    except sqlite3.DatabaseError as error:
        raise StoreError(describe(error), path=path) from None


def problems(db: Database) -> list[str]:
    """Problems SQLite finds in the file and its foreign keys; empty when all is well."""
    found = [row[0] for row in db.execute("PRAGMA integrity_check") if row[0] != "ok"]
    return found + [f"foreign key: {row}" for row in db.execute("PRAGMA foreign_key_check")]


_REASONS = {
    sqlite3.SQLITE_NOTADB: "not a SQLite database, or a damaged one",
    sqlite3.SQLITE_CORRUPT: "not a SQLite database, or a damaged one",
    sqlite3.SQLITE_READONLY: "the database is read-only here (check file and folder permissions)",
    sqlite3.SQLITE_CANTOPEN: "cannot open the database file (missing folder, or no permission)",
    sqlite3.SQLITE_BUSY: "the database is busy: another process is writing it",
    sqlite3.SQLITE_LOCKED: "the database is busy: another process is writing it",
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_IOERR: "the disk could not be read or written (I/O error)",
}
"""What each SQLite primary result code means for the person running the command."""


def describe(error: sqlite3.DatabaseError) -> str:
    """A one-line reason a person can act on, from a SQLite error."""
    text = str(error)
    # By SQLite's primary result code where it has one: a message can quote user text.
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code in _REASONS:
        return _REASONS[code]
    if "file is not a database" in text or "malformed" in text:
        return "not a SQLite database, or a damaged one"
    if "readonly" in text or "read-only" in text:
        return "the database is read-only here (check file and folder permissions)"
    if "unable to open" in text:
        return "cannot open the database file (missing folder, or no permission)"
    if "locked" in text or "busy" in text:
        return "the database is busy: another process is writing it"
    if "disk" in text and "full" in text:
        return "the disk is full"
    return f"database error: {text}"
