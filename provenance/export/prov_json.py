"""W3C PROV-JSON (the W3C member submission read by the ``prov`` package and ProvStore)."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from ..model import Graph
from .options import ExportOptions
from .provrecords import NAMESPACES, QName, Text, Value, records

# PROV-JSON names each relation's two terms.
_TERMS = {
    "wasGeneratedBy": ("prov:entity",),
    "wasAttributedTo": ("prov:entity", "prov:agent"),
    "wasDerivedFrom": ("prov:generatedEntity", "prov:usedEntity"),
    "hadMember": ("prov:collection", "prov:entity"),
}


def write(graph: Graph, options: ExportOptions) -> bytes:
    """One PROV-JSON document with every record of `provrecords.records`."""
    document: dict[str, Any] = {"prefix": {k: v for k, v in NAMESPACES.items() if k != "prov"}}
    for record in records(graph):
        body = dict(zip(_TERMS.get(record.type, ()), record.args, strict=False))
        if record.time:
            body["prov:time"] = record.time.isoformat()
        for name, value in record.attributes:
            _add(body, name, _value(value))
        document.setdefault(record.type, {})[record.id] = body
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _add(body: dict[str, Any], name: str, value: object) -> None:
    if name not in body:
        body[name] = value
    elif isinstance(body[name], list):
        body[name].append(value)
    else:
        body[name] = [body[name], value]


def _value(value: Value) -> object:
    if isinstance(value, QName):
        return {"$": value.name, "type": "prov:QUALIFIED_NAME"}
    if isinstance(value, Text):
        if value.language:
            return {"$": value.value, "lang": value.language}
        return value.value
    if isinstance(value, datetime):
        return {"$": value.isoformat(), "type": "xsd:dateTime"}
    if isinstance(value, date):
        return {"$": value.isoformat(), "type": "xsd:date"}
    return value
