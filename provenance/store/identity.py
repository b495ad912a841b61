"""Placing a document's sources among the stored ones, one entity per party across documents; finding
a stored source by any of its names; merging and splitting them by hand."""

from __future__ import annotations

from sqlite_utils import Database

from .. import sources as naming
from ..errors import InputError
from ..model import Source, SourceKind
from . import rows
from .locking import immediate


def place(db: Database, source: Source, document: str | None) -> str:
    """The stored id for ``source`` as named in ``document``, creating or merging rows as needed.

    An existing id is reused; otherwise the source joins the one group its names, aliases or acronym
    unambiguously match, or starts a group of its own. Anonymous sources are scoped to the document.
    Runs inside the caller's transaction.
    """
    if document is not None and naming.is_document_scoped(source):
        row_id = f"{source.id}@{document}"
        db.execute(
            "insert or ignore into sources (id, name, kind, description, canonical, document) "
            "values (?, ?, ?, ?, ?, ?)",
            (row_id, source.name, source.kind.value, source.description, row_id, document),
        )
        return row_id
    existing = rows.named(db, "select kind from sources where id = ?", (source.id,)).fetchone()
    if existing:
        if existing["kind"] == SourceKind.UNKNOWN and source.kind is not SourceKind.UNKNOWN:
            db.execute("update sources set kind = ? where id = ?", (source.kind.value, source.id))
        if source.description:
            db.execute(
                "update sources set description = ? where id = ? and description is null",
                (source.description, source.id),
            )
    else:
        root = match(db, source)
        db.execute(
            "insert into sources (id, name, kind, description, merged_into, canonical) "
            "values (?, ?, ?, ?, ?, ?)",
            (source.id, source.name, source.kind.value, source.description, root, root or source.id),
        )
        if root is not None:
            head = rows.named(db, "select name, kind from sources where id = ?", (root,)).fetchone()
            if naming.prefers(source, Source(root, head["name"], SourceKind(head["kind"]))):
                _lead(db, source.id, root)
    db.conn.executemany(
        "insert or ignore into source_aliases (source, alias, key) values (?, ?, ?)",
        [(source.id, name, key) for key, name in naming.keys(source).items()],
    )
    return source.id


def match(db: Database, source: Source) -> str | None:
    """The canonical id of the one stored group this source is, or None when none or several fit.

    The source's own name is tried first; only if it finds nothing are its aliases and acronyms tried.
    """
    keys = naming.keys(source)
    own = naming.name_key(source.name)
    for stage in ([own], [key for key in keys if key != own]):
        roots: set[str] = set()
        for key in stage:
            for stored in naming.matches(key):
                for row in rows.named(
                    db,
                    "select s.canonical, root.kind from source_aliases a "
                    "join sources s on s.id = a.source join sources root on root.id = s.canonical "
                    "where a.key = ?",
                    (stored,),
                ):
                    if naming.is_compatible(SourceKind(row["kind"]), source.kind):
                        roots.add(row["canonical"])
        if len(roots) == 1:
            return roots.pop()
        if roots:
            return None
    return None


def _lead(db: Database, new_root: str, old_root: str) -> None:
    """Make ``new_root`` head the group ``old_root`` headed (a spelled-out name over an acronym)."""
    db.execute("update sources set merged_into = null, canonical = ? where id = ?", (new_root, new_root))
    db.execute("update sources set merged_into = ? where id = ?", (new_root, old_root))
    db.execute("update sources set canonical = ? where canonical = ?", (new_root, old_root))


def resolve(db: Database, name: str) -> str:
    """The canonical id of the source called ``name``: an id, a name, an alias or an acronym.

    Raises `InputError` naming the candidates when the name is unknown or ambiguous.
    """
    found = rows.named(db, "select canonical from sources where id = ?", (name,)).fetchone()
    if found:
        return str(found["canonical"])
    roots: dict[str, str] = {}
    key = naming.name_key(name)
    for stored in naming.matches(key):
        for row in rows.named(
            db,
            "select s.canonical, root.name from source_aliases a join sources s on s.id = a.source "
            "join sources root on root.id = s.canonical where a.key = ?",
            (stored,),
        ):
            roots[row["canonical"]] = row["name"]
    if len(roots) == 1:
        return next(iter(roots))
    if roots:
        listed = ", ".join(f"{root_name} ({canonical})" for canonical, root_name in sorted(roots.items()))
        raise InputError(f"'{name}' could be any of: {listed}; give an id")
    suggestions = suggest(db, name)
    hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
    raise InputError(f"no source called '{name}'{hint}")


def suggest(db: Database, name: str, limit: int = 3) -> list[str]:
    """Names of stored sources that share words with ``name``, for an error message."""
    words = naming.normalise(name).split()
    if not words:
        return []
    query = " OR ".join(f'"{word}"*' for word in words)
    try:
        found = rows.named(
            db,
            "select distinct root.name from sources_fts join sources s on s.rowid = sources_fts.rowid "
            "join sources root on root.id = s.canonical where sources_fts match ? "
            "order by sources_fts.rank limit ?",
            (query, limit),
        ).fetchall()
    except Exception:  # a suggestion is a courtesy; never let it hide the real error
        return []
    return [f"'{row['name']}'" for row in found]


def row(db: Database, name: str) -> str:
    """The stored row (not its group) called ``name``, preferring rows merged into another."""
    found = rows.named(db, "select id from sources where id = ?", (name,)).fetchone()
    if found:
        return str(found["id"])
    aliased = rows.named(
        db,
        "select s.id from source_aliases a join sources s on s.id = a.source where a.key = ? "
        "order by s.merged_into is null, s.rowid",
        (naming.name_key(name),),
    ).fetchone()
    return str(aliased["id"]) if aliased else resolve(db, name)


def merge(db: Database, keep: str, other: str) -> None:
    """Make ``other`` (and all merged into it) part of ``keep``; `split` undoes it.

    The names are resolved under the write lock, so a concurrent ingest cannot regroup them between
    the reading and the writing.
    """
    with immediate(db):
        kept = resolve(db, keep)
        merged = resolve(db, other)
        if kept == merged:
            raise InputError(f"'{keep}' and '{other}' are already one source ({kept})")
        with db.atomic():
            db.execute("update sources set merged_into = ? where id = ?", (kept, merged))
            db.execute("update sources set canonical = ? where canonical = ?", (kept, merged))


def split(db: Database, source: str) -> tuple[str, ...]:
    """Undo a merge: detach the named source from the group it was merged into, or, naming a group's
    head, detach everything merged into it. Returns the ids now standing alone."""
    with immediate(db):
        row_id = row(db, source)
        parent = rows.named(db, "select merged_into from sources where id = ?", (row_id,)).fetchone()
        if parent and parent["merged_into"]:
            detached = [row_id]
        else:
            detached = [
                child["id"]
                for child in rows.named(
                    db, "select id from sources where merged_into = ? order by rowid", (row_id,)
                )
            ]
        if not detached:
            raise InputError(f"'{source}' is not merged with any other source")
        with db.atomic():
            for child in detached:
                db.execute("update sources set merged_into = null where id = ?", (child,))
                _recanonicalise(db, child)
        return tuple(detached)


def _recanonicalise(db: Database, head: str) -> None:
    """Point every source under ``head`` (following merged_into) at ``head`` as its canonical id."""
    db.execute(
        "with recursive tree(id) as (select ? union select s.id from sources s join tree "
        "on s.merged_into = tree.id) update sources set canonical = ? where id in (select id from tree)",
        (head, head),
    )
