"""Hypothesis strategies for graphs as odd as hand-curated files get, shared by resolve and render tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import strategies as st

from provenance.model import Claim, ClaimKind, Document, Graph, Hop, Source, SourceKind

PUBLISHED = datetime(2025, 1, 2, 21, 13, 57, tzinfo=UTC)

IDS = st.sampled_from(["shafaq-news", "reuters", "sohr", "pentagon", "local-sources", "he", "ghost"])
WORDS = st.sampled_from(
    [
        "the",
        "convoy",
        "of",
        "50",
        "40",
        "trucks",
        "was",
        "spotted",
        "near",
        "Kobani",
        "fifty",
        "on",
        "Thursday",
        "militias",
        "3:40",
        "p.m.",
        "“quoted”",
        "|",
        "*",
        "<b>",
        "[x]",
        "Al-Hasakah–Raqqa",
        "ﬁve",
        "مرصد",
        "\u200b",
    ]
)
TEXTS = st.lists(WORDS, min_size=1, max_size=30).map(" ".join)


@st.composite
def graphs(draw: st.DrawFn) -> Graph:
    """Small graphs with loops, dangling ids, odd dates and repeated texts across documents."""
    kinds = st.sampled_from(list(SourceKind))
    sources = tuple(Source(s, s.title(), draw(kinds)) for s in draw(st.sets(IDS, max_size=6)))
    documents = tuple(
        Document(
            f"d{n}",
            draw(st.none() | IDS),
            draw(st.none() | TEXTS),
            published=draw(st.none() | st.just(PUBLISHED)),
        )
        for n in range(draw(st.integers(0, 3)))
    )
    claims = []
    for n in range(draw(st.integers(0, 8))):
        document = draw(st.sampled_from([d.id for d in documents] or ["d9"]))
        hops = tuple(
            Hop(
                s,
                draw(st.none() | st.just("said")),
                mention=draw(st.none() | st.just("He")),
                document=draw(st.none() | st.sampled_from(["d0", "d1", "d2"])),
            )
            for s in draw(st.lists(IDS, max_size=4))
        )
        text = draw(TEXTS)
        when = draw(st.none() | st.dates(date(2024, 12, 30), date(2025, 1, 4)))
        claims.append(Claim(f"{document}-c{n}", document, text, None, ClaimKind.DIRECT, when, hops))
    return Graph(documents, sources, tuple(claims))
