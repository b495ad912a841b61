"""Dates said in a sentence, resolved against the publication date."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from provenance.dates import resolve_date

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
