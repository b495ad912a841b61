"""The one cattrs converter: graphs to and from plain data, JSON and YAML, checked by the schema."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from cattrs import transform_error
from cattrs.preconf.json import make_converter

from .errors import InputError
from .model import ClaimKind, Graph, Severity, SourceKind, Span

MAX_NESTING = 64
"""How deep lists and mappings may nest in JSON or YAML input: a provenance file nests 6 deep, a
ClaimReview about a dozen. Deeper input is refused before a parser walks it, so that no parser's
recursion (the C one of `json` above all, which a raised recursion limit lets overflow the stack)
can take the process down, and no deep YAML node is composed for seconds."""

converter = make_converter(omit_if_default=False, forbid_extra_keys=True)
"""Structures and unstructures every model class; JSON field names equal attrs field names."""

for _enum in (SourceKind, ClaimKind, Severity):
    converter.register_unstructure_hook(_enum, lambda value: value.value)
converter.register_unstructure_hook(datetime, lambda value: value.isoformat())
converter.register_structure_hook(datetime, lambda value, _: _parse_datetime(value))
converter.register_unstructure_hook(date, lambda value: value.isoformat())
converter.register_structure_hook(date, lambda value, _: date.fromisoformat(value))
converter.register_structure_hook_func(lambda kind: kind == Span, lambda value, _: _span(value))
converter.register_unstructure_hook_func(
    lambda kind: kind in (Span, Span | None), lambda value: None if value is None else list(value)
)


def _parse_datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return datetime.fromisoformat(str(value))


def _span(value: object) -> Span:
    if not isinstance(value, list | tuple) or len(value) != 2:
        raise ValueError("a span is a list of two offsets [start, end]")
    start, end = value
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start | end, bool):
        raise ValueError("span offsets are integers")
    if not 0 <= start <= end:
        raise ValueError(f"span [{start}, {end}] is not 0 <= start <= end")
    return (start, end)


def to_data(graph: Graph) -> dict[str, Any]:
    """The canonical document as plain JSON-ready data."""
    data: dict[str, Any] = converter.unstructure(graph)
    return data


def from_data(data: object, *, path: str = "<data>") -> Graph:
    """A graph from plain data, validated against the schema first; `InputError` names the path."""
    validate(data, path=path)
    try:
        return converter.structure(data, Graph)
    except Exception as error:  # cattrs raises ExceptionGroups of many kinds
        messages = transform_error(error, path="$") if isinstance(error, ExceptionGroup) else []
        raise InputError(messages[0] if messages else str(error), path=path) from None


def dumps_json(graph: Graph, *, indent: int | None = 2) -> str:
    """The canonical document as JSON text, the same as ``json.dumps(to_data(graph))`` gives.

    Made one record at a time: the plain data of a whole graph is many times the size of its text
    (a 10 MB article's held over a gigabyte at its peak), a record's is small."""
    fields = [
        (
            field,
            [json.dumps(converter.unstructure(item), ensure_ascii=False, indent=indent) for item in items],
        )
        for field, items in (
            ("documents", graph.documents),
            ("sources", graph.sources),
            ("claims", graph.claims),
            ("findings", graph.findings),
        )
    ]
    if indent is None:
        return "{" + ", ".join(f'"{field}": [' + ", ".join(items) + "]" for field, items in fields) + "}\n"
    one, two = " " * indent, " " * indent * 2

    def listing(items: list[str]) -> str:
        if not items:
            return "[]"
        return "[\n" + ",\n".join(two + item.replace("\n", "\n" + two) for item in items) + f"\n{one}]"

    return "{\n" + ",\n".join(f'{one}"{field}": {listing(items)}' for field, items in fields) + "\n}\n"


def dumps_yaml(graph: Graph) -> str:
    """The canonical document as YAML text, for hand curation."""
    import yaml  # lazily: only curation needs it

    text: str = yaml.dump(
        to_data(graph), Dumper=_yaml_dumper(), sort_keys=False, allow_unicode=True, width=100
    )
    return text


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def refuse_lone_surrogates(text: str, data: object, *, path: str) -> None:
    """Raise `InputError` when a ``\\u`` escape in JSON or YAML ``text`` left half a UTF-16
    surrogate pair in the parsed ``data``: that is not a character, and no file, terminal or
    database can be given it. A pair (an escaped emoji) is one character and passes."""
    if not _SURROGATE_ESCAPE.search(text):  # decoded bytes never hold surrogates; only escapes do
        return
    try:
        json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")
    except UnicodeEncodeError as error:
        half = ord(error.object[error.start])
        raise InputError(
            f"the escape \\u{half:04x} is half of a UTF-16 surrogate pair, not a character", path=path
        ) from None


def unparsable(error: Exception) -> str:
    """Why a parser failed, without Python's advice to programmers ("; use sys.set_int_...")."""
    return str(error).split("; use ")[0]


def loads(text: str, *, path: str = "<data>", fmt: str = "json") -> Graph:
    """A graph from JSON or YAML text (safe loading only)."""
    if fmt == "yaml":
        import yaml

        try:
            data = yaml.load(text, Loader=_yaml_loader())  # a SafeLoader: no Python tags
        except yaml.YAMLError as error:
            raise InputError(f"not valid YAML: {_first_line(error)}", path=path) from None
        except (_TooDeepError, RecursionError):
            raise InputError(f"YAML nested too deeply (more than {MAX_NESTING} levels)", path=path) from None
        except (ValueError, OverflowError) as error:  # a date like 2024-13-45, a 5,000-digit number
            raise InputError(f"not valid YAML: {unparsable(error)}", path=path) from None
        refuse_lone_surrogates(text, data, path=path)
    else:
        data = parse_json(text, path=path)
    return from_data(data, path=path)


def parse_json(text: str, *, path: str, invalid: str = "not valid JSON") -> object:
    """Plain data from JSON text, for every reader of JSON input (curated files, corpus records,
    ClaimReviews). `InputError` ("<invalid>: <why>") when it is not JSON, nests deeper than
    `MAX_NESTING` or holds half a surrogate pair."""
    if _is_too_deep(text):
        raise InputError(f"JSON nested too deeply (more than {MAX_NESTING} levels)", path=path)
    try:
        data = json.loads(text)
    except ValueError as error:  # JSONDecodeError, or a number over Python's 4,300 digits
        raise InputError(f"{invalid}: {unparsable(error)}", path=path) from None
    except RecursionError:  # not reached within MAX_NESTING; kept for a lowered recursion limit
        raise InputError("JSON nested too deeply", path=path) from None
    refuse_lone_surrogates(text, data, path=path)
    return data


_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKETS = bytes.maketrans(b"[{]}", b"(())")
_NOT_BRACKETS = bytes(byte for byte in range(256) if byte not in b"[]{}")


def _is_too_deep(text: str) -> bool:
    """Whether JSON ``text`` nests deeper than `MAX_NESTING`, found without parsing or recursing.

    Strings dropped, the brackets left are reduced by removing innermost pairs, one level a pass:
    a pair still standing after `MAX_NESTING` passes nests deeper. Linear in the text for each of
    at most `MAX_NESTING` passes over its brackets; a file of ordinary depth takes a few."""
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return False
    brackets = _JSON_STRING.sub("", text).encode("utf-8", "surrogatepass").translate(_BRACKETS, _NOT_BRACKETS)
    if b"(" * (MAX_NESTING + 1) in brackets:
        return True
    for _ in range(MAX_NESTING):
        shorter = brackets.replace(b"()", b"")
        if len(shorter) == len(brackets):
            break
        brackets = shorter
    first = brackets.find(b"(")
    # What stands is ")))(((" plus pairs deeper than the passes; unclosed brackets count as open.
    return first != -1 and (brackets.find(b")", first) != -1 or brackets.count(b"(") > MAX_NESTING)


def load(path: Path) -> Graph:
    """A graph from a ``.json``, ``.yaml`` or ``.yml`` provenance file."""
    fmt = "yaml" if path.suffix.lower() in {".yaml", ".yml"} else "json"
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", path=str(path)) from None
    except OSError as error:
        raise InputError(error.strerror or str(error), path=str(path)) from None
    return loads(text, path=str(path), fmt=fmt)


def dump(graph: Graph, path: Path) -> None:
    """Write a provenance file, YAML or JSON by the path's extension."""
    is_yaml = path.suffix.lower() in {".yaml", ".yml"}
    path.write_text(dumps_yaml(graph) if is_yaml else dumps_json(graph), encoding="utf-8")


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the canonical document (``schemas/provenance.schema.json``)."""
    return json.loads(_schema_path("provenance.schema.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _schema_path(name: str) -> Path:
    checkout = Path(__file__).resolve().parent.parent / "schemas" / name
    if checkout.is_file():
        return checkout
    return Path(str(resources.files("provenance") / "_schemas" / name))


def validate(data: object, *, path: str = "<data>") -> None:
    """Raise `InputError` naming the JSON path of the first schema violation.

    jsonschema-rs (compiled, a millisecond for a 1 MB file) decides; only a document it refuses is
    walked again by jsonschema, whose `best_match` explains the violation best, and then only the
    one record that holds it."""
    try:
        if _validator().is_valid(data):
            return
    except ValueError:  # a value JSON has no type for: a YAML timestamp, set or binary
        pass
    raise InputError(_violation(data), path=path)


@cache
def _validator() -> Any:
    import jsonschema_rs

    return jsonschema_rs.Draft202012Validator(schema(), validate_formats=False)


_RECORDS = {"documents": "document", "sources": "source", "claims": "claim", "findings": "finding"}


def _violation(data: object) -> str:
    """The schema violation in ``data`` that jsonschema finds the most relevant, with its JSON path,
    looked for in the record jsonschema-rs found a violation in, else in the whole document."""
    import jsonschema

    prefix, instance, checked = "$", data, schema()
    try:
        first = next(iter(_validator().iter_errors(data)), None)
    except ValueError:  # a YAML value JSON has no type for: jsonschema finds it
        first = None
    if first is not None and len(first.instance_path) >= 2 and first.instance_path[0] in _RECORDS:
        key, index = first.instance_path[0], first.instance_path[1]
        prefix, instance = f"$.{key}[{index}]", data[key][index]  # type: ignore[index]
        checked = {"$defs": schema()["$defs"], "$ref": f"#/$defs/{_RECORDS[key]}"}
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(checked).iter_errors(instance))
    if error is None:  # the two validators disagree: say where the fast one stopped
        return "does not match the schema"
    return f"{_message(error)} @ {prefix}{error.json_path[1:]}"


def _message(error: Any) -> str:
    """jsonschema's message with a long value shortened, so that the reason is never cut off."""
    shown = repr(error.instance)
    message = str(error.message)
    if len(shown) > 60 and message.startswith(shown):
        size = f" ({len(error.instance)} characters)" if isinstance(error.instance, str) else ""
        message = f"{shown[:40]}…{shown[-1]}{size}{message[len(shown) :]}"
    return _first_line(message)


def _first_line(error: object) -> str:
    text = str(error).strip().splitlines()
    message = text[0] if text else "invalid"
    return message if len(message) <= 200 else message[:197] + "..."


class _TooDeepError(Exception):
    """YAML nested deeper than `MAX_NESTING`, found while scanning or composing it."""


@cache
def _yaml_loader() -> type:
    import yaml

    class Loader(yaml.SafeLoader):
        """Safe loading without aliases, and no deeper than `MAX_NESTING`.

        Aliases: nine nested ``*a`` of nine items each are 9**9 strings to validate, a hang from a
        few hundred bytes; a provenance file has no use for them. Depth: the scanner's cost grows
        with the nesting of ``[``/``{`` for every token after them, and composing recurses once a
        level, so either is stopped at the first level too deep."""

        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"aliases (*{event.anchor}) are not allowed in a provenance file",
                    event.start_mark,
                )
            if self.depth >= MAX_NESTING:
                raise _TooDeepError
            self.depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

        def fetch_flow_collection_start(self, token_class: Any) -> None:
            if self.flow_level >= MAX_NESTING:
                raise _TooDeepError
            super().fetch_flow_collection_start(token_class)

    return Loader


@cache
def _yaml_dumper() -> type:
    import yaml

    # The C emitter is many times faster on corpora; the representers below work with both.
    base = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class Dumper(base):  # type: ignore[valid-type,misc]
        """Block style, with long article text as a literal block."""

    def represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        # YAML folds these into plain line breaks, so they must be escaped to survive.
        is_fragile = any(char in value for char in "\r\x85\u2028\u2029")
        style = '"' if is_fragile else "|" if "\n" in value and len(value) > 80 else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    def represent_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
        is_span = len(value) == 2 and all(isinstance(item, int) for item in value)
        return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=is_span)

    Dumper.add_representer(str, represent_str)
    Dumper.add_representer(list, represent_list)
    # A value used twice is written twice: the loader refuses aliases, and our own files must load.
    Dumper.ignore_aliases = lambda dumper, data: True
    return Dumper
