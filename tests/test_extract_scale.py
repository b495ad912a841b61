"""Extraction stays linear in the length of the text (issue 14): inputs built to be large enough that
a quadratic step (a run of abbreviations scanned from the sentence start each time, a quote lookup
per token over every quote) would stall the suite for minutes, while the linear code takes well under
a second. Timings themselves live in bench/audit_curve.py."""

from __future__ import annotations

from provenance.extract import extract
from provenance.extract.quotes import is_inside, quote_spans
from provenance.extract.segment import layout
from provenance.read import article_from_text

SIZE = 150_000


def _repeat(unit: str) -> str:
    return "Headline of the day\n\n" + unit * (SIZE // len(unit)) + "The end."


def test_a_paragraph_of_abbreviations_is_one_sentence_found_in_one_pass() -> None:
    text = _repeat("J. K. Sen. U.S. Dept. ")
    parts = layout(text)
    body = [s for s in parts.sentences if not s.is_header]
    # no full stop here ends a sentence (each closes an abbreviation or an initial)
    assert len(body) == 1
    assert text[body[0].start : body[0].end].endswith("The end.")


def test_a_sentence_thick_with_quotes_is_attributed_in_linear_time() -> None:
    text = _repeat("''The dam,'' Ortiz said, ''is old.'' ")
    graph = extract(article_from_text(text).documents[0])
    assert len(graph.claims) > SIZE // 100  # every quote gets its claim
    assert all(claim.span is not None for claim in graph.claims)


def test_is_inside_answers_for_quotes_in_text_order() -> None:
    text = 'a "b" c "d e" f'
    spans = quote_spans(text, 0, len(text))
    assert spans == [(2, 5), (8, 13)]
    inside = [i for i in range(len(text)) if is_inside(i, spans)]
    assert inside == [3, 4, 9, 10, 11, 12]
