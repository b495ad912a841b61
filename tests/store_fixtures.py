"""Hand-built analysed graphs for store and ingest tests: articles citing shared sources."""

from __future__ import annotations

from datetime import UTC, datetime

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
    claim_id,
    slugify,
)


def source(name: str, kind: SourceKind, *aliases: str) -> Source:
    """A source with the id the extractor would give it."""
    return Source(slugify(name), name, kind, tuple(aliases))


def article(
    text: str,
    outlet: str,
    cited: list[tuple[str, Source | list[Source] | None]],
    *,
    day: int = 1,
    cites_document: str | None = None,
) -> Graph:
    """One analysed article: each ``(claim text, source or chain)`` becomes a claim under ``outlet``."""
    publisher = source(outlet, SourceKind.OUTLET)
    body = text + " " + " ".join(claim for claim, _ in cited)
    document = Document.from_text(
        body, outlet=publisher.id, title=text, published=datetime(2024, 5, day, 12, tzinfo=UTC)
    )
    sources = {publisher.id: publisher}
    claims = []
    findings = []
    for ordinal, (claim_text, by) in enumerate(cited, start=1):
        start = body.index(claim_text)
        chain = [Hop(publisher.id, cue="publishes")]
        for hop_source in [] if by is None else by if isinstance(by, list) else [by]:
            sources[hop_source.id] = hop_source
            chain.append(Hop(hop_source.id, cue="said", mention=hop_source.name, document=cites_document))
        kind = ClaimKind.INDIRECT if by else ClaimKind.UNATTRIBUTED
        identifier = claim_id(document.id, ordinal)
        claims.append(
            Claim(
                identifier,
                document.id,
                claim_text,
                (start, start + len(claim_text)),
                kind,
                chain=tuple(chain),
            )
        )
        if by is None:
            findings.append(Finding("unattributed", Severity.WARNING, "No source.", claim=identifier))
    return Graph((document,), tuple(sources.values()), tuple(claims), tuple(findings))


SOHR = source("Syrian Observatory for Human Rights", SourceKind.MONITOR, "SOHR", "the Observatory")
SOHR_SHORT = source("SOHR", SourceKind.MONITOR)
ALUSI = source("Mithal al-Alusi", SourceKind.PERSON, "al-Alusi", "He")
OFFICIAL = source("an official", SourceKind.ANONYMOUS)


def seed() -> Graph:
    """The seed article, in miniature."""
    return article(
        "Coalition convoy enters Syria.",
        "Shafaq News",
        [
            ("a devastating regional sectarian conflict could claim millions of lives", ALUSI),
            ("the convoy was spotted on the Al-Hasakah-Raqqa road", SOHR),
            ("the US-led Coalition also sent a logistical convoy", None),
        ],
    )


def relay(outlet: str, day: int, by: Source = SOHR_SHORT) -> Graph:
    """Another outlet repeating the convoy sighting on the Observatory's word."""
    return article(
        f"{outlet} on the convoy, day {day}.",
        outlet,
        [
            (f"fifty trucks crossed into Syria, {outlet} heard", by),
            ("officials declined to comment", OFFICIAL),
        ],
        day=day,
    )


def fake_analyse(graph: Graph) -> Graph:
    """A stand-in for `provenance.pipeline.analyse` that workers can import: one claim per sentence,
    attributed by the source names it contains. "BOOM" in the text is an analysis failure."""
    from provenance.errors import InputError

    if graph.claims:
        return graph
    document = graph.documents[0]
    if "BOOM" in document.text:
        raise InputError("the extractor refused this text", path=document.id)
    sources = {s.id: s for s in graph.sources}
    claims = []
    position = 0
    for ordinal, sentence in enumerate(document.text.split(". "), start=1):
        start = document.text.index(sentence, position)
        position = start + len(sentence)
        chain = [Hop(document.outlet, cue="publishes")] if document.outlet else []
        for name, named in (
            ("SOHR", SOHR_SHORT),
            ("Observatory", SOHR),
            ("an official", OFFICIAL),
            ("al-Alusi", ALUSI),
        ):
            if name in sentence:
                sources[named.id] = named
                chain.append(Hop(named.id, cue="said", mention=name))
                break
        kind = ClaimKind.INDIRECT if len(chain) > 1 else ClaimKind.UNATTRIBUTED
        claims.append(
            Claim(
                claim_id(document.id, ordinal),
                document.id,
                sentence,
                (start, start + len(sentence)),
                kind,
                chain=tuple(chain),
            )
        )
    return Graph(graph.documents, tuple(sources.values()), tuple(claims))
