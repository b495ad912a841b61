"""Placing a document's sources among the stored ones, one entity per party across documents; finding
a stored source by any of its names; merging and splitting them by hand."""

from __future__ import annotations

from sqlite_utils import Database

from .. import sources as naming
from ..errors import InputError
from ..model import Source, SourceKind, bounded_id
from . import rows
from .locking import immediate


def place(db: Database, source: Source, document: str | None) -> str:
    """The stored id for ``source`` as named in ``document``, creating or merging rows as needed.

    Only named parties join across documents (`sources.is_named`): anonymous sources, pronouns and
    descriptions get a row of their own in each document. A named source reuses its id, or joins the
    one group its names, aliases or acronym unambiguously match, or starts a group of its own. A bare
    surname ("Trump") joins the one person of that surname the corpus names in full; when two or
    more are named ("Ivanka Trump", "Donald Trump") it stays a row of its own in its document, for a
    person to merge (`ambiguous` lists them); with none it joins the other bare mentions of that
    name. Runs inside the caller's transaction.
    """
    if document is not None and naming.is_document_scoped(source):
        return _scoped(db, source, document)
    bare = _bare(source)
    if bare is not None and document is not None and len(_full_names(db, bare)) >= 2:
        row_id = _scoped(db, source, document)
        # Kept findable by its surname, so that `ambiguous` can list it for a person to settle.
        db.execute(
            "insert or ignore into source_aliases (source, alias, key) values (?, ?, ?)",
            (row_id, source.name, "b:" + bare),
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
        if root is None and bare is not None:
            root = _bare_group(db, bare)
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
        [(source.id, name, key) for key, name in _keys(source).items()],
    )
    for family in naming.surnames(source.name) if source.kind is SourceKind.PERSON else ():
        _settle_bare(db, family)
    return source.id


def is_stable(source: Source) -> bool:
    """Whether a source is placed the same way whatever else the corpus holds, so that a writer may
    remember its row: not a document's own party, nor a bare surname (which joins a full name only
    while the corpus names one person of that surname)."""
    return not naming.is_document_scoped(source) and _bare(source) is None


def scoped_id(source: Source, document: str) -> str:
    """The row id of a document's own party ("officials@doc-…"), within the ids the schema allows."""
    return bounded_id(f"{source.id}@{document}")


def _scoped(db: Database, source: Source, document: str) -> str:
    row_id = scoped_id(source, document)
    db.execute(
        "insert or ignore into sources (id, name, kind, description, canonical, document) "
        "values (?, ?, ?, ?, ?, ?)",
        (row_id, source.name, source.kind.value, source.description, row_id, document),
    )
    return row_id


def _bare(source: Source) -> str | None:
    """The surname a person's (or unknown party's) one-word name is, else None."""
    if source.kind not in (SourceKind.PERSON, SourceKind.UNKNOWN):
        return None
    return naming.bare_surname(source.name)


def _keys(source: Source) -> dict[str, str]:
    """The keys a source is stored under: `sources.keys`, plus ``s:<surname>`` for a person named in
    full and ``b:<surname>`` for a bare surname, which only `place` reads."""
    found = naming.keys(source)
    for family in naming.surnames(source.name) if source.kind is SourceKind.PERSON else ():
        found.setdefault("s:" + family, source.name)
    bare = _bare(source)
    if bare is not None:
        found.setdefault("b:" + bare, source.name)
    return found


def _full_names(db: Database, family: str) -> set[str]:
    """The groups of the people named in full with this surname."""
    return {
        row["canonical"]
        for row in rows.named(
            db,
            "select s.canonical from source_aliases a join sources s on s.id = a.source where a.key = ?",
            ("s:" + family,),
        )
    }


def _bare_group(db: Database, family: str) -> str | None:
    """The group a new bare surname joins: the one person named in full, else the group of the
    other bare mentions of that name (rows shared across documents only)."""
    full = _full_names(db, family)
    if len(full) == 1:
        return full.pop()
    found = rows.named(
        db,
        "select s.canonical from source_aliases a join sources s on s.id = a.source "
        "where a.key = ? and s.document is null order by s.rowid limit 1",
        ("b:" + family,),
    ).fetchone()
    return str(found["canonical"]) if found else None


def _settle_bare(db: Database, family: str) -> None:
    """Join the bare mentions of a surname to the one person named in full with it ("Trudeau" is
    Justin Trudeau while he is the only Trudeau named in full); once a second person of that surname
    is named in full, part them again, so that the order of ingest decides nothing. Only the rows
    bare mentions share are joined and parted: one article's row that a person merged stays so."""
    full = _full_names(db, family)
    bare = rows.named(
        db,
        "select s.id, s.merged_into, s.canonical from source_aliases a join sources s on s.id = a.source "
        "where a.key = ? and s.document is null",
        ("b:" + family,),
    ).fetchall()
    if len(full) == 1:
        (group,) = full
        for head in {row["canonical"] for row in bare} - {group}:
            db.execute("update sources set merged_into = ? where id = ?", (group, head))
            db.execute("update sources set canonical = ? where canonical = ?", (group, head))
        return
    for row in bare:
        if row["merged_into"] in full:
            db.execute("update sources set merged_into = null where id = ?", (row["id"],))
            _recanonicalise(db, row["id"])


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
    found = _one_group(db, name)
    if found is not None:
        return found
    scoped = _scoped_rows(db, name)
    if len(scoped) == 1:
        return scoped[0][0]
    if scoped:
        example = ", ".join(row for row, _ in scoped[:3])
        raise InputError(
            f"'{name}' is a different party in each of {len(scoped)} articles; give one's id ({example})"
        )
    raise InputError(_unknown(db, name))


def trace_roots(db: Database, name: str) -> tuple[list[str], Source]:
    """What `trace` follows for ``name``: the one group it names (an id, a name, an alias or an
    acronym), or else every article's own party shown under that name ("I", "the company",
    "officials"), with the source to show for them. `InputError` when nothing is called so."""
    found = _one_group(db, name)
    if found is not None:
        return [found], rows.sources(db, [found])[found]
    scoped = _scoped_rows(db, name)
    if not scoped:
        raise InputError(_unknown(db, name))
    first, (shown, _) = scoped[0]
    kinds = {SourceKind(kind) for _, (_, kind) in scoped}
    kind = kinds.pop() if len(kinds) == 1 else SourceKind.UNKNOWN
    if len(scoped) > 1:
        shown = f"{shown} (a different party in each of {len(scoped)} articles)"
    return [row for row, _ in scoped], Source(first, shown, kind)


def _one_group(db: Database, name: str) -> str | None:
    """The canonical id ``name`` names: an id, or a name, alias or acronym of one group shared
    across documents (or, failing keys, its exact name). `InputError` when several groups fit."""
    found = rows.named(db, "select canonical from sources where id = ?", (name,)).fetchone()
    if found:
        return str(found["canonical"])
    roots: dict[str, str] = {}
    key = naming.name_key(name)
    for stored in naming.matches(key):
        for row in rows.named(
            db,
            "select s.canonical, root.name from source_aliases a join sources s on s.id = a.source "
            "join sources root on root.id = s.canonical where a.key = ? and root.document is null",
            (stored,),
        ):
            roots[row["canonical"]] = row["name"]
    if not roots:
        # Names with no key (a script the keys drop, a pronoun-like name of a real party): as written.
        for row in rows.named(
            db,
            "select s.canonical, root.name from sources s join sources root on root.id = s.canonical "
            "where s.name = ? collate nocase and root.document is null",
            (name.strip(),),
        ):
            roots[row["canonical"]] = row["name"]
    if len(roots) == 1:
        return next(iter(roots))
    if roots:
        listed = ", ".join(f"{root_name} ({canonical})" for canonical, root_name in sorted(roots.items()))
        raise InputError(f"'{name}' could be any of: {listed}; give an id")
    return None


def _scoped_rows(db: Database, name: str) -> list[tuple[str, tuple[str, str]]]:
    """Rows of one article each ("I", "the company") called ``name``: (row id, (name, kind))."""
    return [
        (row["id"], (row["name"], row["kind"]))
        for row in rows.named(
            db,
            "select id, name, kind from sources where document is not null and canonical = id "
            "and (name = ? collate nocase or name = ? collate nocase) order by rowid",
            (name, " ".join(name.split())),
        )
    ]


def _unknown(db: Database, name: str) -> str:
    suggestions = [s for s in suggest(db, name) if s.strip("'").casefold() != name.strip().casefold()]
    hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
    return f"no source called '{name}'{hint}"


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
    if aliased:
        return str(aliased["id"])
    # One article's party merged into a group has no key: found by its name, as `sources` showed it.
    merged = rows.named(
        db,
        "select id from sources where merged_into is not null and (name = ? collate nocase "
        "or name = ? collate nocase) order by rowid",
        (name, " ".join(name.split())),
    ).fetchall()
    return str(merged[0]["id"]) if len(merged) == 1 else resolve(db, name)


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
