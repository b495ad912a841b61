"""One spreadsheet row per hop of every claim's chain (RFC 4180, UTF-8 with a byte-order mark)."""

from __future__ import annotations

import csv
import io
import unicodedata

from ..model import Graph
from .options import ExportOptions

COLUMNS = (
    "claim_id",
    "claim_text",
    "claim_kind",
    "claim_date",
    "hop",
    "source_id",
    "source_name",
    "source_kind",
    "cue",
    "mention",
    "cited_document",
    "document",
    "outlet",
    "published",
)
"""The header row, in order."""

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What starts a formula in Excel, LibreOffice or Google Sheets (OWASP's list)."""
_BLANK = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf"})
"""Unicode categories of what a spreadsheet may skip before a formula: spaces (NBSP too), line
breaks, control and format characters (a zero-width space, a byte-order mark)."""


def write(graph: Graph, options: ExportOptions) -> bytes:
    """Every hop as a row; a claim with an empty chain still gets one row with no hop."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    lookup = graph.index
    for claim in graph.claims:
        document = lookup.document(claim.document)
        common = {
            "claim_id": claim.id,
            "claim_text": claim.text,
            "claim_kind": claim.kind.value,
            "claim_date": claim.date.isoformat() if claim.date else "",
            "document": claim.document,
            "outlet": lookup.name(document.outlet) if document and document.outlet else "",
            "published": document.published.isoformat() if document and document.published else "",
        }
        rows: list[dict[str, str]] = (
            [{}]
            if not claim.chain
            else [
                {
                    "hop": str(index),
                    "source_id": hop.source,
                    "source_name": lookup.name(hop.source),
                    "source_kind": lookup.source_or_stand_in(hop.source).kind.value,
                    "cue": hop.cue or "",
                    "mention": hop.mention or "",
                    "cited_document": hop.document or "",
                }
                for index, hop in enumerate(claim.chain)
            ]
        )
        for row in rows:
            cells = {**common, **row}
            writer.writerow([defuse(cells.get(column, "")) for column in COLUMNS])
    # The byte-order mark is what makes Excel read the file as UTF-8 rather than a legacy code page.
    return buffer.getvalue().encode("utf-8-sig")


def defuse(cell: str) -> str:
    """Prefix a cell that a spreadsheet would run as a formula with an apostrophe (OWASP CSV
    injection advice); `restore` undoes it exactly."""
    return "'" + cell if _is_risky(cell) else cell


def restore(cell: str) -> str:
    """The original text of a cell written by `defuse`."""
    return cell[1:] if cell.startswith("'") and _is_risky(cell[1:]) else cell


def _is_risky(cell: str) -> bool:
    # A text that already starts with apostrophes before a formula character gets one more, so
    # that `restore` can tell an added apostrophe from one the text had.
    text = cell.lstrip("'")
    if text.startswith(_FORMULA_STARTS):
        return True
    for char in text:  # past what a spreadsheet skips, a formula character, fullwidth "＝" too
        if unicodedata.category(char) not in _BLANK:
            return unicodedata.normalize("NFKC", char).startswith(_FORMULA_STARTS)
    return False
