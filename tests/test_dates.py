"""Dates said in a sentence, resolved against the publication date."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from provenance import dates
from provenance.dates import Tense, resolve_date, tells_of_past, tense_of

SEED_PUBLISHED = datetime(2025, 1, 2, 21, 13, 57, tzinfo=UTC)  # a Thursday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mithal al-Alusi warned on Thursday of the potential for a conflict.", date(2025, 1, 2)),
        ("On Wednesday, the US-led Coalition also sent a logistical convoy.", date(2025, 1, 1)),
        ("Earlier on Thursday, US forces brought in a new convoy.", date(2025, 1, 2)),
        ("The ministry said yesterday that it had recorded new cases.", date(2025, 1, 1)),
        ("Waiting times doubled last week.", date(2024, 12, 26)),
        ("The talks resumed last Thursday.", date(2024, 12, 26)),
        ("The convoy left on Sunday.", date(2024, 12, 29)),
        ("The vote was held on December 30.", date(2024, 12, 30)),
        ("The vote was held on Dec. 30, 2023.", date(2023, 12, 30)),
        ("The decree of 2 January 2025 stands.", date(2025, 1, 2)),
        ("The report is dated 2024-11-05.", date(2024, 11, 5)),
        ("Officials met this morning.", date(2025, 1, 2)),
        ("The bridge will reopen tomorrow.", date(2025, 1, 3)),
    ],
)
def test_phrases_resolve_against_publication(sentence: str, expected: date) -> None:
    assert resolve_date(sentence, SEED_PUBLISHED) == expected


def test_first_date_in_the_sentence_wins() -> None:
    assert resolve_date("On Monday he said the vote of Jan. 1 was void.", SEED_PUBLISHED) == date(
        2024, 12, 30
    )


def test_nothing_said_or_nothing_known_gives_none() -> None:
    assert resolve_date("The convoy was spotted on the road.", SEED_PUBLISHED) is None
    assert resolve_date("On Wednesday the convoy left.", None) is None


def test_a_plain_date_works_as_publication() -> None:
    assert resolve_date("on Wednesday", date(2025, 1, 2)) == date(2025, 1, 1)


def test_impossible_dates_are_ignored() -> None:
    assert resolve_date("The deadline is February 30.", SEED_PUBLISHED) is None


NOVEMBER = datetime(2019, 11, 20, 9, 0, tzinfo=UTC)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # What is to come is dated forward: the next such day, in the next year if need be.
        ("The Oscars on Feb. 9 will be hosted by a comedian.", date(2020, 2, 9)),
        ("The law will take effect Oct. 1.", date(2020, 10, 1)),
        ("Tariffs due Dec. 15 would hit phones.", date(2019, 12, 15)),
        ("The committee will meet on Friday.", date(2019, 11, 22)),
        ("The vote is scheduled for next Tuesday.", date(2019, 11, 26)),
        ("The board meets next Wednesday.", date(2019, 11, 27)),
        ("Prices rise next month.", date(2019, 12, 20)),
        ("Talks resume next week.", date(2019, 11, 27)),
        # A date that names an event is the nearest such day, whatever the verb.
        ("Johnson called the Dec. 12 election to break the deadlock.", date(2019, 12, 12)),
        ("Britain goes to the polls in the Dec. 12 election.", date(2019, 12, 12)),
        # The past stays in the past.
        ("Police arrested him on Feb. 9.", date(2019, 2, 9)),
        ("The plant closed on Oct. 1.", date(2019, 10, 1)),
        ("The committee met on Friday.", date(2019, 11, 15)),
        # Nothing tells: the nearest.
        ("The Oscars on Feb. 9 are hosted by a comedian.", date(2020, 2, 9)),
        ("Election Day is Nov. 3.", date(2019, 11, 3)),
    ],
)
def test_tense_decides_the_year_and_the_weekday(sentence: str, expected: date) -> None:
    assert resolve_date(sentence, NOVEMBER) == expected


@pytest.mark.parametrize(
    ("text", "tense", "past"),
    [
        ("The bridge will reopen.", Tense.FORWARD, False),
        ("The ministry's report is due on Dec. 15.", Tense.FORWARD, False),
        ("Officials were arrested.", Tense.PAST, True),
        ("The mayor said the shop closed.", Tense.PAST, True),
        ("The mayor said the shop would close.", Tense.PAST, False),
        ("The shop stayed closed until Jan. 5.", Tense.PAST, False),
        ("Johnson called the Dec. 12 election.", Tense.PAST, False),
        ("The company is based in Ohio.", Tense.UNKNOWN, False),
        ("Prices rise.", Tense.UNKNOWN, False),
        ("The house next to the church burned down.", Tense.PAST, False),
        # Adjectives and participles in "-ed" tell nothing of when: no contradiction to report.
        ("Grants support programs aimed at teaching adults to read.", Tense.PAST, False),
        ("The suit seeks unspecified damages for his injuries.", Tense.PAST, False),
        ("Jan. 14-19: Winter Meeting of the Accepted Lodges, Grand Hotel.", Tense.UNKNOWN, False),
        ("They arrested him at the border.", Tense.PAST, True),
        ("They’ll vote on it, she said.", Tense.FORWARD, False),
        ("We'll see what the court said.", Tense.FORWARD, False),
    ],
)
def test_tense_of_a_claim(text: str, tense: Tense, past: bool) -> None:
    assert tense_of(text) is tense
    assert tells_of_past(text) is past


@pytest.mark.parametrize(
    "text",
    [
        "They’ll vote on it.",
        "WE'LL SEE, he said.",
        "The O'llie report came out.",
        "The bill passed.",
        "It is due to be signed, and next week's vote is set.",
        "Officials were arrested in Dec.",
    ],
)
def test_a_text_without_a_contraction_looks_forward_as_the_full_pattern_says(text: str) -> None:
    # a lowercase text with no "'ll" is searched without the contraction's branch: the same answer
    assert dates._looks_forward(text) is (dates._FORWARD.search(text) is not None)


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        ("He left yesterday.", date(1, 1, 1)),
        ("He left on Friday.", date(1, 1, 1)),
        ("It was last week.", date(1, 1, 3)),
        ("It was last month.", date(1, 1, 30)),
        ("It was last year.", date(1, 6, 1)),
        ("He arrives tomorrow.", date(9999, 12, 31)),
        ("Talks resume next week.", date(9999, 12, 28)),
        ("Prices rise next month.", date(9999, 12, 2)),
        ("The fair opens next year.", date(9999, 3, 1)),
        ("The fair will open on Jan. 2.", date(9999, 12, 31)),
        ("The fair opened on Dec. 31.", date(1, 1, 1)),
        ("The committee will meet on Saturday.", date(9999, 12, 31)),
    ],
)
def test_dates_that_cannot_be_represented_stay_unresolved(sentence: str, published: date) -> None:
    assert resolve_date(sentence, published) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("“We met on Monday,” she said.", date(2024, 12, 30)),  # curly quotes: read in lowercase
        ("“The vote is on TUESDAY,” she said.", date(2024, 12, 31)),
        ("The ſession closed on Tuesday.", date(2024, 12, 31)),  # "ſ" is an "s" ignoring case
        ("The vote was on Tueſday.", date(2024, 12, 31)),  # and the weekday is read as one
        ("The vote was on ſept. 3, 2024.", date(2024, 9, 3)),
        ("The \u212aurdish delegation met on FRİDAY.", date(2024, 12, 27)),
        ("The İstanbul talks were held on Monday.", date(2024, 12, 30)),  # "İ" lowercases to two letters
    ],
)
def test_text_beyond_ascii_reads_as_ignoring_case(sentence: str, expected: date) -> None:
    assert resolve_date(sentence, SEED_PUBLISHED) == expected
