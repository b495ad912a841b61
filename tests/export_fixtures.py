"""A small, realistic provenance graph for the export tests, with every awkward character in it."""

from __future__ import annotations

from datetime import UTC, date, datetime

from provenance.model import (
    Claim,
    ClaimKind,
    Document,
    Finding,
    Graph,
    Hop,
    Severity,
    Source,
    SourceKind,
)
from provenance.pipeline import analyse

ARTICLE = (
    "Shafaq News/ Prominent Iraqi politician Mithal al-Alusi warned on Thursday of the potential "
    'for a "devastating regional sectarian conflict that could claim the lives of millions of '
    'innocent people."\n\n'
    "According to the Syrian Observatory for Human Rights, the convoy was spotted on the "
    "Al-Hasakah-Raqqa road, heading towards the Kobani area in eastern Aleppo. The Observatory "
    "reported, citing sources on the ground, that the convoy was part of efforts to fortify US "
    "bases.\n\n"
    "On Wednesday, the US-led Coalition also sent a logistical convoy that included prefabricated "
    "rooms, surveillance cameras, and fuel tankers to Kobani.\n\n"
    'A local official told Shafaq News: "They wrote <script>alert(1)</script> on the wall, '
    'then fled,\nleaving 3 trucks & a "sign" behind]."\n\n'
    "=1+1 trucks, at least, were counted at the crossing, the ministry said.\n"
)
"""The seed article, cut down, with a script tag, an ampersand, a newline inside a quote and a
text that a spreadsheet would read as a formula."""

REPORT = "The convoy was spotted on the Al-Hasakah-Raqqa road, heading towards Kobani."
"""The Syrian Observatory's own report, which the article cites."""

AUTHORS = ("Sara <b>Omar</b>", "Ali Hussein")
"""The article's byline, with markup in a name."""

ARTICLE_ID = "000_32617bb624d03a01"
REPORT_ID = "../sohr/2025-01-02-convoy"
"""A document id with a ``../`` in it: writing files named after it must not escape."""

SHAFAQ = Source("shafaq-news", "Shafaq News", SourceKind.OUTLET, ("Shafaq",), "Iraqi news agency")
ALUSI = Source(
    "mithal-al-alusi",
    "Mithal al-Alusi",
    SourceKind.PERSON,
    ("al-Alusi", "The Iraqi politician", "He"),
    "Prominent Iraqi politician",
)
SOHR = Source(
    "syrian-observatory-for-human-rights",
    "Syrian Observatory for Human Rights",
    SourceKind.MONITOR,
    ("SOHR", "The Observatory"),
    "UK-based war monitor",
)
GROUND = Source("sources-on-the-ground", "sources on the ground", SourceKind.ANONYMOUS)
OFFICIAL = Source("a-local-official", "a local official", SourceKind.ANONYMOUS)
MINISTRY = Source("ministry", 'Ministry of "Defence" [Iraq]', SourceKind.GOVERNMENT, ("the ministry",))


def span_of(text: str, part: str) -> tuple[int, int]:
    """The span of ``part`` in ``text``, which must occur in it."""
    start = text.index(part)
    return (start, start + len(part))


def _hop(source: Source, cue: str, mention: str, document: str | None = None) -> Hop:
    return Hop(
        source.id,
        cue,
        span_of(ARTICLE, cue) if cue in ARTICLE else None,
        mention,
        span_of(ARTICLE, mention) if mention in ARTICLE else None,
        document,
    )


def _claim(ordinal: int, text: str, kind: ClaimKind, *chain: Hop, when: date | None = None) -> Claim:
    return Claim(
        f"{ARTICLE_ID}-c{ordinal}",
        ARTICLE_ID,
        text,
        span_of(ARTICLE, text),
        kind,
        when,
        (Hop(SHAFAQ.id, "publishes"), *chain),
    )


QUOTE = 'They wrote <script>alert(1)</script> on the wall, then fled,\nleaving 3 trucks & a "sign" behind].'

CLAIMS = (
    _claim(
        1,
        "devastating regional sectarian conflict that could claim the lives of millions of innocent people.",
        ClaimKind.DIRECT,
        _hop(ALUSI, "warned", "Prominent Iraqi politician Mithal al-Alusi"),
        when=date(2025, 1, 2),
    ),
    _claim(
        2,
        "the convoy was spotted on the Al-Hasakah-Raqqa road, heading towards the Kobani "
        "area in eastern Aleppo.",
        ClaimKind.ACCORDING_TO,
        _hop(SOHR, "According to", "the Syrian Observatory for Human Rights", REPORT_ID),
    ),
    _claim(
        3,
        "the convoy was part of efforts to fortify US bases.",
        ClaimKind.INDIRECT,
        _hop(SOHR, "reported", "The Observatory"),
        _hop(GROUND, "citing", "sources on the ground"),
    ),
    _claim(
        4,
        "On Wednesday, the US-led Coalition also sent a logistical convoy that included "
        "prefabricated rooms, surveillance cameras, and fuel tankers to Kobani.",
        ClaimKind.UNATTRIBUTED,
        when=date(2025, 1, 1),
    ),
    _claim(5, QUOTE, ClaimKind.DIRECT, _hop(OFFICIAL, "told", "A local official")),
    _claim(
        6,
        "=1+1 trucks, at least, were counted at the crossing",
        ClaimKind.INDIRECT,
        _hop(MINISTRY, "said", "the ministry"),
    ),
)

REPORT_CLAIM = Claim(
    f"{REPORT_ID}-c1",
    REPORT_ID,
    REPORT,
    (0, len(REPORT)),
    ClaimKind.UNATTRIBUTED,
    None,
    (Hop(SOHR.id, "publishes"),),
)


def sample_graph() -> Graph:
    """The article, the Observatory report it cites, six sources, seven claims, four findings."""
    article = Document(
        ARTICLE_ID,
        SHAFAQ.id,
        'Al-Alusi: "sectarian" conflict could claim millions <b>lives</b>',
        "https://shafaq.com/en/Iraq/al-Alusi",
        datetime(2025, 1, 2, 21, 13, 57, tzinfo=UTC),
        "en",
        ARTICLE,
        authors=AUTHORS,
    )
    report = Document(
        REPORT_ID,
        SOHR.id,
        "US forces bring new convoy",
        None,
        datetime(2025, 1, 2, 9, 0, tzinfo=UTC),
        "en",
        REPORT,
    )
    findings = (
        Finding(
            "unattributed",
            Severity.WARNING,
            "The claim rests on nothing but the outlet.",
            CLAIMS[3].id,
            None,
            CLAIMS[3].span,
        ),
        Finding(
            "anonymous-source",
            Severity.WARNING,
            'The claim rests on "sources on the ground".',
            CLAIMS[2].id,
            GROUND.id,
        ),
        Finding(
            "anonymous-source",
            Severity.WARNING,
            "The claim rests on <a local official>.",
            CLAIMS[4].id,
            OFFICIAL.id,
            CLAIMS[4].span,
        ),
        Finding(
            "single-source", Severity.INFO, "The claim rests on one root source.", CLAIMS[0].id, ALUSI.id
        ),
    )
    return Graph(
        (article, report),
        (SHAFAQ, ALUSI, SOHR, GROUND, OFFICIAL, MINISTRY),
        (*CLAIMS, REPORT_CLAIM),
        findings,
    )


DEEP = 1500
"""More hops than Python's default recursion limit, so a view that recursed per hop would fail."""


def deep_graph() -> Graph:
    """One claim through 1,500 distinct parties, one through a loop of two written out 1,500 times."""
    outlet = Source("shafaq-news", "Shafaq News", SourceKind.OUTLET)
    parties = tuple(Source(f"p{n}", f"Party {n}", SourceKind.PERSON) for n in range(DEEP))
    publishes = Hop("shafaq-news", "publishes")
    chains = (
        (publishes, *(Hop(party.id, "citing") for party in parties)),
        (publishes, *(Hop(f"p{n % 2}", "citing") for n in range(DEEP))),
        (publishes, Hop("p0", "said")),
    )
    claims = tuple(
        Claim(f"d1-c{n}", "d1", f"claim {n}", None, ClaimKind.INDIRECT, None, chain)
        for n, chain in enumerate(chains, start=1)
    )
    graph = Graph((Document("d1", "shafaq-news", "Deep"),), (outlet, *parties), claims)
    return analyse(graph)
