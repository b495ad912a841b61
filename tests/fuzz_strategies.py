"""Hypothesis strategies for the fuzz suite: every input format, as real input gets broken, and
provenance files that the schema accepts but that are built to hurt (extreme dates, deep and cyclic
chains, spans past the text, duplicate ids, huge texts).

`examples(n)` is the budget of a fuzz test: ``n`` examples under the "ci" and "dev" profiles, twenty
times as many under "long" (`HYPOTHESIS_PROFILE=long`), because it scales with the profile's own
``max_examples`` (100, or 2,000 under "long") instead of overriding it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

PROFILE_EXAMPLES = 100
"""Hypothesis's default ``max_examples``: the profile a fuzz test's budget is stated for."""


def examples(n: int) -> settings:
    """Settings for a fuzz test that tries ``n`` inputs in CI, more under a longer profile."""
    scaled = max(1, n * settings.default.max_examples // PROFILE_EXAMPLES)
    return settings(
        max_examples=scaled,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


# -- text -----------------------------------------------------------------------------------------

FRAGMENTS = [
    "The mayor said on Monday that the bridge would reopen in May.",
    '"We will not back down," said Jane Roe, the council\'s spokeswoman.',
    "According to the Syrian Observatory for Human Rights, 50 trucks crossed on Thursday.",
    "Officials, who spoke on condition of anonymity, said the talks had stalled.",
    'He told reporters: "It\'s over."',
    "“This isn’t what we agreed,” she added, according to two people familiar with the matter.",
    "The ministry reported 1,200 cases last week, up from 900 the week before.",
    "Sources said the convoy arrived yesterday, a day earlier than planned.",
    "On Jan. 3, 2025, Dr. J. K. Sen of the U.S. Dept. of State warned of delays.",
    "It rained all week in the valley.",
    "'Single quotes,' he said, 'are quotes too.'",
    "The company's CEO's assistant didn't say.",
    "Reuters reported that the deal, worth $3.5 billion, would close next week.",
    "By Jane Roe",
    "(Reporting by A. Writer; Editing by B. Editor)",
    "Read more: How the bridge was built",
    "WASHINGTON (Reuters) - Lawmakers said on Tuesday",
    "Shafaq News/ Prominent Iraqi politician Mithal al-Alusi warned of conflict.",
    "# A heading",
    "> a quoted line, he said",
    "* a list item, officials said",
    "2025-01-02T21:13:57+00:00",
    "Published 31 December 9999, next week",
    "On 1 January 0001 and yesterday, the archive said.",
]
ODD = [
    '"',
    "“",
    "”",
    "'",
    "’",
    "«",
    "»",
    "\x00",
    "\r",
    "\r\n",
    "\n\n",
    "\t",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\u200b",
    "\u200e",
    "\u202e",
    "\u2028",
    "\u2029",
    "\x85",
    "\ufeff",
    "\xa0",
    "＝",
    "=1+1",
    "@SUM(A1)",
    "<script>alert(1)</script>",
    "]]>",
    "&amp;",
    "&#0;",
    "{{",
    "}",
    "[",
    "\\",
    "\\u0000",
    "é",
    "ﬁ",
    "𝔸",
    "😀",
    "مرصد",
    "中文",
    "e\u0301",
    "%s%n",
    "${x}",
    "`",
    "|",
    "*",
    "_",
    "--",
    "...",
]

fragments = st.sampled_from(FRAGMENTS)
odd = st.sampled_from(ODD)
words = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


@st.composite
def article_texts(draw: st.DrawFn, max_pieces: int = 30) -> str:
    """Real-looking sentences with odd characters, words and long lines among them."""
    pieces = draw(
        st.lists(st.one_of(fragments, fragments, fragments, odd, words), min_size=2, max_size=max_pieces)
    )
    separators = st.sampled_from([" ", " ", "\n", "\n\n", "\r\n", "\r", "\r\n\r\n", ""])
    text = "".join(piece + draw(separators) for piece in pieces)
    if draw(st.integers(0, 9)) == 0:  # now and then one long unbroken line or a run of one character
        text += draw(st.sampled_from(["x", "'", '"', ". ", "a.", "\u200b", "(", "[["])) * draw(
            st.integers(1_000, 20_000)
        )
    return text


def mutate(data: bytes, ops: list[tuple[int, int, bytes]]) -> bytes:
    """``data`` with each (kind, place, bytes) applied: 0 flips a byte, 1 cuts the rest off, 2
    inserts the bytes, 3 deletes a few bytes."""
    for kind, place, insert in ops:
        at = place % (len(data) + 1)
        if kind == 0 and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ (1 << (place % 8))]) + data[at + 1 :]
        elif kind == 1:
            data = data[:at]
        elif kind == 2:
            data = data[:at] + insert + data[at:]
        else:
            data = data[:at] + data[at + 1 + place % 7 :]
    return data


inserts = st.sampled_from(
    [odd_char.encode("utf-8") for odd_char in ODD] + [b"\xff", b"\xc3", b"\xed\xa0\x80"]
)
mutations = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2**20), inserts), max_size=4)


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` as files come broken: a few flipped, cut, inserted or deleted bytes, or none."""
    return mutate(data, draw(mutations))


# -- article files ----------------------------------------------------------------------------------

ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252", "shift_jis"]


def _encode(text: str, encoding: str) -> bytes:
    return (
        text.encode(encoding, errors="replace")
        if encoding != "utf-8"
        else text.encode("utf-8", "surrogatepass")
    )


@st.composite
def plain_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A ``.txt`` or ``.md`` article: a headline, perhaps a timestamp, a byline and a dateline."""
    lines = []
    if draw(st.booleans()):
        lines.append(draw(fragments | words))
    if draw(st.booleans()):
        lines.append(draw(timestamps))
    lines.append(draw(article_texts()))
    text = "\n\n".join(lines)
    data = _encode(text, draw(st.sampled_from(ENCODINGS)))
    return draw(st.sampled_from([".txt", ".md", ".text", ".markdown"])), draw(mutated(data))


timestamps = st.one_of(
    st.sampled_from(
        [
            "2025-01-02T21:13:57+00:00",
            "0001-01-01T00:00:00+14:00",
            "0001-01-01T00:00:00-23:59",
            "9999-12-31T23:59:59-14:00",
            "9999-12-31T23:59:59+23:59",
            "9999-12-31",
            "0001-01-01",
            "2024-02-30T10:00:00Z",
            "2024-13-45",
            "99999-01-01",
            "2025-01-02T25:61:61",
            "1969-12-31T23:59:59.999999+00:00",
            "Thu, 02 Jan 2025 21:13:57 GMT",
            "2 janvier 2025",
            "",
            "null",
            "1e309",
        ]
    ),
    st.datetimes().map(lambda moment: moment.isoformat()),
)

CHARSETS = ["utf-8", "iso-8859-1", "windows-1252", "utf-16", "shift_jis", "koi8-r", "x-unknown", "utf-7", ""]


@st.composite
def html_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A saved page whose declared charset may lie about its bytes, with JSON-LD and meta tags
    holding odd dates and values, and markup nested or left open."""
    declared = draw(st.sampled_from(CHARSETS))
    actual = draw(st.sampled_from(ENCODINGS))
    paragraphs = draw(st.lists(article_texts(max_pieces=8), min_size=1, max_size=6))
    ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": draw(st.sampled_from(["NewsArticle", "Article", ["NewsArticle", "WebPage"], 5, None])),
        "headline": draw(st.none() | fragments | words | st.integers()),
        "datePublished": draw(st.none() | timestamps | st.integers() | st.lists(timestamps, max_size=2)),
        "author": draw(
            st.none()
            | words
            | st.lists(
                st.fixed_dictionaries({"@type": st.just("Person"), "name": words | st.integers()}), max_size=3
            )
        ),
        "publisher": draw(st.none() | st.fixed_dictionaries({"name": words | st.none()}) | words),
    }
    json_ld = (
        json.dumps(ld)
        if draw(st.booleans())
        else draw(mutated(json.dumps(ld).encode())).decode("utf-8", "replace")
    )
    nesting = draw(st.integers(0, 3)) * draw(st.sampled_from([1, 50, 3000]))
    body = "".join(f"<p>{paragraph}</p>" if draw(st.booleans()) else paragraph for paragraph in paragraphs)
    page = (
        "<!DOCTYPE html><html><head>"
        + (f'<meta charset="{declared}">' if draw(st.booleans()) else "")
        + f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">'
        + f"<title>{draw(fragments | words)}</title>"
        + f'<meta property="article:published_time" content="{draw(timestamps)}">'
        + f'<meta property="og:site_name" content="{draw(words)}">'
        + f'<script type="application/ld+json">{json_ld}</script>'
        + "</head><body>"
        + "<div>" * nesting
        + f"<article><h1>{draw(fragments)}</h1>{body}</article>"
        + ("</div>" * nesting if draw(st.booleans()) else "")
        + "</body></html>"
    )
    return draw(st.sampled_from([".html", ".htm", ".xhtml"])), draw(mutated(_encode(page, actual)))


# -- corpora ------------------------------------------------------------------------------------------

scalars = st.none() | st.booleans() | st.integers() | st.floats() | words | timestamps
records = st.fixed_dictionaries(
    {},
    optional={
        "id": st.none() | words | st.integers() | st.floats() | st.lists(words, max_size=2),
        "text": article_texts(max_pieces=12) | article_texts(max_pieces=12) | scalars,
        "title": scalars,
        "outlet": scalars,
        "publisher": scalars,
        "published": scalars | timestamps,
        "publication_date": timestamps,
        "url": scalars,
        "authors": scalars | st.lists(scalars, max_size=3),
        "author": scalars,
    },
)
"""Corpus records: mostly as documented, often with the wrong type in a field."""

bad_lines = st.sampled_from(
    [
        b"not json",
        b"[1, 2]",
        b"42",
        b'"text"',
        b"{",
        b'{"text": "\\ud800 lone surrogate, said the mayor."}',
        b'{"text": "a", "id": ' + b"9" * 5000 + b"}",
        b'{"text": ' + b"[" * 70 + b"]" * 70 + b"}",
        b'{"text": ' + b"[" * 200_000,
        b'{"text": "caf\xe9 latin-1"}',
        b'{"text": "NUL \\u0000 in the text, he said."}',
        b'{"text": 1e999}',
        b'{"text": "x", "text": "duplicate keys, officials said."}',
        b'\xef\xbb\xbf{"text": "a BOM before the record, he said."}',
        b'{"text": "' + b"a" * 300_000 + b'"}',
    ]
)


@st.composite
def corpus_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A ``.jsonl`` corpus: good records, records with wrong types, and lines that are no record."""
    lines = draw(
        st.lists(
            st.one_of(
                records.map(lambda record: json.dumps(record).encode()),
                records.map(
                    lambda record: json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass")
                ),
                bad_lines,
            ),
            min_size=1,
            max_size=6,
        )
    )
    ending = draw(st.sampled_from([b"\n", b"\r\n", b"\n\n"]))
    return draw(st.sampled_from([".jsonl", ".ndjson"])), draw(mutated(ending.join(lines) + ending))


# -- provenance files ---------------------------------------------------------------------------------

IDS = [
    "a",
    "b",
    "c",
    "outlet",
    "ghost",
    "x" * 500,
    "../../etc/passwd",
    "C:\\evil",
    "~root",
    "é",
    " ",
    "-",
    "0",
]
ids = st.sampled_from(IDS) | words.filter(lambda word: 0 < len(word) <= 500)
KINDS = [
    "outlet",
    "person",
    "organization",
    "government",
    "monitor",
    "agency",
    "document",
    "anonymous",
    "unknown",
]
CLAIM_KINDS = ["direct", "indirect", "mixed", "according-to", "unattributed"]
DATES = ["0001-01-01", "0001-01-02", "9999-12-31", "9999-12-30", "2025-01-02", "2024-02-29", "1970-01-01"]
DATETIMES = [
    "0001-01-01T00:00:00",
    "0001-01-01T00:00:00+00:00",
    "0001-01-01T00:30:00+01:00",
    "0001-01-01T23:59:59+23:59",
    "9999-12-31T23:59:59.999999",
    "9999-12-31T23:59:59-23:59",
    "9999-12-31T00:00:00-01:00",
    "2025-01-02T21:13:57+00:00",
    "2025-01-02",
    "2025-01-02T21:13:57Z",
    "2025-01-02T21:13:57.123456789+05:45",
]
text_sizes = st.sampled_from([0] * 8 + [2_000, 20_000])
"""0: a generated article; else that many characters of one sentence over and over."""


@st.composite
def spans(draw: st.DrawFn, length: int) -> list[int] | None:
    """A span inside the text, past its end, empty, at the limit of the schema, or none."""
    limit = 2**31 - 1
    start = draw(st.sampled_from([0, 1, length, length + 1, limit]) | st.integers(0, max(length, 1)))
    end = draw(st.sampled_from([start, start + 1, length, limit]) | st.integers(start, start + 50))
    return draw(st.none() | st.just([start, min(end, limit)] if start <= end else [end, start]))


@st.composite
def chains(draw: st.DrawFn, pool: list[str], length: int) -> list[dict[str, Any]]:
    """A chain of hops: short, hundreds of hops deep, a cycle walked round and round, or naming
    sources and documents that do not exist."""
    shape = draw(st.sampled_from(["short", "short", "deep", "cycle", "self"]))
    if shape == "short":
        names = draw(st.lists(st.sampled_from(pool) | ids, min_size=1, max_size=5))
    elif shape == "deep":
        names = [f"s{n}" for n in range(draw(st.sampled_from([50, 300, 1000])))]
    elif shape == "cycle":
        loop = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=4))
        names = loop * draw(st.integers(2, 200))
    else:
        names = [draw(st.sampled_from(pool))] * draw(st.integers(2, 50))
    # Hops are drawn a few at a time and repeated: a chain of 1,000 hops is the depth that hurts,
    # not 1,000 different cues, and drawing each would cost the test its time.
    hops = draw(st.lists(hop_fields(length), min_size=1, max_size=3))
    return [{"source": name, **hops[number % len(hops)]} for number, name in enumerate(names)]


cues = st.none() | st.sampled_from(["said", "publishes", "according to", ""]) | words
mentions = st.none() | words | st.sampled_from(["He", "she", "the Observatory"])


@st.composite
def hop_fields(draw: st.DrawFn, length: int) -> dict[str, Any]:
    """What a hop says besides its source: cue and mention with their spans, the cited document."""
    return {
        "cue": draw(cues),
        "cue_span": draw(spans(length)),
        "mention": draw(mentions),
        "mention_span": draw(spans(length)),
        "document": draw(st.none() | ids),
    }


@st.composite
def hostile_documents(draw: st.DrawFn) -> dict[str, Any]:
    """The canonical document as plain data, valid by the schema and hostile in every other way."""
    source_ids = draw(st.lists(ids, min_size=1, max_size=6))
    sources = [
        {
            "id": source_id,
            "name": draw(
                words.filter(bool) | st.sampled_from(["Officials", "officials", "=cmd|' /C calc'!A0"])
            ),
            "kind": draw(st.sampled_from(KINDS)),
            "aliases": draw(st.lists(words, max_size=3)),
            "description": draw(st.none() | words),
        }
        for source_id in source_ids + draw(st.lists(st.sampled_from(source_ids), max_size=2))  # duplicates
    ]
    documents = []
    for _ in range(draw(st.integers(0, 3))):
        size = draw(text_sizes)
        text = draw(article_texts(max_pieces=10)) if not size else (draw(fragments) + " ") * (size // 60)
        documents.append(
            {
                "id": draw(ids),
                "outlet": draw(st.none() | st.sampled_from(source_ids) | ids),
                "title": draw(st.none() | words | fragments),
                "authors": draw(st.lists(words.filter(bool), max_size=3)),
                "url": draw(st.none() | words | st.just("javascript:alert(1)")),
                "published": draw(st.none() | st.sampled_from(DATETIMES)),
                "language": draw(st.none() | st.sampled_from(["en", "en_US", "en-", "x" * 100, "", "\x00"])),
                "text": text,
            }
        )
    document_ids = [document["id"] for document in documents] or ["d"]
    length = max((len(document["text"]) for document in documents), default=0)
    claims = [
        {
            "id": draw(ids),
            "document": draw(st.sampled_from(document_ids) | ids),
            "text": draw(words | fragments),
            "span": draw(spans(length)),
            "kind": draw(st.sampled_from(CLAIM_KINDS)),
            "date": draw(st.none() | st.sampled_from(DATES)),
            "chain": draw(chains(source_ids, length)),
        }
        for _ in range(draw(st.integers(0, 6)))
    ]
    findings = [
        {
            "rule": draw(st.sampled_from(["unattributed", "x", "made-up-rule"])),
            "severity": draw(st.sampled_from(["error", "warning", "info"])),
            "message": draw(words),
            "claim": draw(st.none() | ids),
            "source": draw(st.none() | ids),
            "span": draw(spans(length)),
        }
        for _ in range(draw(st.integers(0, 2)))
    ]
    return {"documents": documents, "sources": sources, "claims": claims, "findings": findings}


def _yaml(data: object) -> bytes:
    import yaml

    return yaml.safe_dump(data, allow_unicode=True).encode("utf-8")


@st.composite
def provenance_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A curated ``.json`` or ``.yaml`` file: hostile but valid, or broken on the way."""
    data = draw(hostile_documents())
    suffix = draw(st.sampled_from([".json", ".yaml", ".yml"]))
    text = json.dumps(data, ensure_ascii=draw(st.booleans())).encode() if suffix == ".json" else _yaml(data)
    return suffix, draw(mutated(text))


INPUT_FILES: dict[str, Callable[[], st.SearchStrategy[tuple[str, bytes]]]] = {
    "text": plain_files,
    "html": html_files,
    "corpus": corpus_files,
    "provenance": provenance_files,
}
"""A strategy of (suffix, bytes) for each kind of input."""

any_input = st.one_of(*(strategy() for strategy in INPUT_FILES.values()))
