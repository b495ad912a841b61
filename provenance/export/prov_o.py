"""W3C PROV-O as RDF Turtle: the PROV records as triples, with qualified forms for cues and hops.

As PROV-O advises, each qualified relation is also stated in its plain form (``wasDerivedFrom``,
``wasAttributedTo``, ``generatedAtTime``), so that queries need no reasoner.
"""

from __future__ import annotations

from datetime import date, datetime

from ..model import Graph
from .options import ExportOptions
from .provrecords import NAMESPACES, QName, Record, Text, Value, quote, records

# PROV-O names the qualified pattern of each derivation type, and a shortcut property for it.
_DERIVATIONS = {
    "prov:Quotation": ("prov:qualifiedQuotation", "prov:wasQuotedFrom"),
    "prov:PrimarySource": ("prov:qualifiedPrimarySource", "prov:hadPrimarySource"),
}
_ELEMENT_CLASSES = {"entity": "prov:Entity", "agent": "prov:Agent"}
_RENAMED = {"prov:label": "rdfs:label"}


def write(graph: Graph, options: ExportOptions) -> bytes:
    """Turtle with every record of `provrecords.records`, one subject block per statement."""
    prefixes = {**NAMESPACES, "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}
    lines = [f"@prefix {prefix}: <{iri}> ." for prefix, iri in prefixes.items()]
    lines.append("")
    for record in records(graph):
        lines.append(_turtle(record))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _turtle(record: Record) -> str:
    if record.type in _ELEMENT_CLASSES:
        types = [_ELEMENT_CLASSES[record.type]]
        types += [v.name for n, v in record.attributes if n == "prov:type" and isinstance(v, QName)]
        pairs = [("a", ", ".join(types)), *_properties(record, skip_types=True)]
        return _block(record.id, pairs)
    if record.type == "wasGeneratedBy":
        time = record.time.isoformat() if record.time else ""
        stamp = f'"{time}"^^xsd:dateTime'
        qualified = _blank("prov:Generation", [("prov:atTime", stamp)])
        return _block(
            record.args[0], [("prov:generatedAtTime", stamp), ("prov:qualifiedGeneration", qualified)]
        )
    if record.type == "hadMember":
        return _block(record.args[0], [("prov:hadMember", record.args[1])])
    subject, used = record.args
    if record.type == "wasAttributedTo":
        qualified = _blank("prov:Attribution", [("prov:agent", used), *_properties(record)])
        return _block(subject, [("prov:wasAttributedTo", used), ("prov:qualifiedAttribution", qualified)])
    # wasDerivedFrom: the shortcut and qualified forms of its most specific type.
    types = [v.name for n, v in record.attributes if n == "prov:type" and isinstance(v, QName)]
    qualify, shortcut = next(
        (_DERIVATIONS[t] for t in types if t in _DERIVATIONS),
        ("prov:qualifiedDerivation", "prov:wasDerivedFrom"),
    )
    classes = ", ".join(["prov:Derivation", *types])
    qualified = _blank(classes, [("prov:entity", used), *_properties(record, skip_types=True)])
    pairs = [("prov:wasDerivedFrom", used), (qualify, qualified)]
    if shortcut != "prov:wasDerivedFrom":
        pairs.insert(1, (shortcut, used))
    return _block(subject, pairs)


def _properties(record: Record, *, skip_types: bool = False) -> list[tuple[str, str]]:
    return [
        (_RENAMED.get(name, name), literal(value))
        for name, value in record.attributes
        if not (skip_types and name == "prov:type")
    ]


def _block(subject: str, pairs: list[tuple[str, str]]) -> str:
    body = " ;\n    ".join(f"{predicate} {value}" for predicate, value in pairs)
    return f"{subject} {body} .\n"


def _blank(classes: str, pairs: list[tuple[str, str]]) -> str:
    inner = " ;\n        ".join(f"{predicate} {value}" for predicate, value in pairs)
    return f"[\n        a {classes} ;\n        {inner}\n    ]"


def literal(value: Value) -> str:
    """A Turtle term: prefixed name, string with language, integer or typed date."""
    if isinstance(value, QName):
        return value.name
    if isinstance(value, Text):
        language = f"@{value.language}" if value.language else ""
        return f"{quote(value.value)}{language}"
    if isinstance(value, datetime):
        return f'"{value.isoformat()}"^^xsd:dateTime'
    if isinstance(value, date):
        return f'"{value.isoformat()}"^^xsd:date'
    return str(value)
