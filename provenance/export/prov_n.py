"""W3C PROV-N, the human-readable PROV notation (read by the ``prov`` package and ProvToolbox)."""

from __future__ import annotations

from datetime import date, datetime

from ..model import Graph
from .options import ExportOptions
from .provrecords import NAMESPACES, QName, Record, Text, Value, quote, records

# Optional positions PROV-N requires before the attribute list, as "-" markers.
_PLACEHOLDERS = {"wasDerivedFrom": 3, "wasAttributedTo": 0, "hadMember": 0}


def write(graph: Graph, options: ExportOptions) -> bytes:
    """One ``document ... endDocument`` block with every record of `provrecords.records`."""
    lines = ["document"]
    lines += [
        f"  prefix {prefix} <{iri}>" for prefix, iri in NAMESPACES.items() if prefix not in {"prov", "xsd"}
    ]
    lines += [""]
    lines += [f"  {statement(record)}" for record in records(graph)]
    lines.append("endDocument")
    return ("\n".join(lines) + "\n").encode("utf-8")


def statement(record: Record) -> str:
    """One PROV-N statement; relation ids are left out, as PROV-N allows."""
    if record.type in {"entity", "agent"}:
        terms = [record.id]
    elif record.type == "wasGeneratedBy":
        terms = [record.args[0], "-", record.time.isoformat() if record.time else "-"]
    else:
        terms = [*record.args, *["-"] * _PLACEHOLDERS.get(record.type, 0)]
    if record.attributes:
        listed = ", ".join(f"{name}={literal(value)}" for name, value in record.attributes)
        terms.append(f"[{listed}]")
    return f"{record.type}({', '.join(terms)})"


def literal(value: Value) -> str:
    """A PROV-N literal: quoted string (with language), qualified name, number or date."""
    if isinstance(value, QName):
        return f"'{value.name}'"
    if isinstance(value, Text):
        language = f"@{value.language}" if value.language else ""
        return f"{quote(value.value)}{language}"
    if isinstance(value, datetime):
        return f'"{value.isoformat()}" %% xsd:dateTime'
    if isinstance(value, date):
        return f'"{value.isoformat()}" %% xsd:date'
    return str(value)
