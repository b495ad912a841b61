"""Rating scale, the order of verdicts, and reading others' ClaimReview JSON-LD."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.errors import InputError
from provenance.factcheck.claimreview import read_claimreviews
from provenance.factcheck.model import DEFAULT_SCALE, Review, newest

RECEIVED = datetime(2025, 2, 1, tzinfo=UTC)


def test_the_default_scale_names_six_verdicts_best_first() -> None:
    assert [r.name for r in DEFAULT_SCALE.ratings] == [
        "true",
        "mostly-true",
        "half-true",
        "misleading",
        "false",
        "unproven",
    ]
    assert (DEFAULT_SCALE.best, DEFAULT_SCALE.worst) == (5, 1)
    assert DEFAULT_SCALE.rating("Mostly True").value == 4
    assert DEFAULT_SCALE.rating("unproven").value is None


def test_an_unknown_rating_names_the_choices() -> None:
    with pytest.raises(InputError, match="unknown rating 'pants-on-fire'; the scale has: true, mostly-true"):
        DEFAULT_SCALE.rating("pants-on-fire")


def test_newest_orders_by_time_then_by_recording() -> None:
    first = Review("a claim", "true", "True", RECEIVED)
    second = Review("a claim", "false", "False", RECEIVED)
    older = Review("a claim", "half-true", "Half true", RECEIVED.replace(day=1, month=1))
    assert newest([older, first, second]) == [second, first, older]


def test_read_claimreviews_takes_graphs_strings_lists_and_missing_dates() -> None:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": ["CreativeWork", "ClaimReview"],
                "claimReviewed": "  The  dam   burst. ",
                "author": [{"name": "Checkers"}],
                "datePublished": "2025-01-03",
                "reviewRating": {"ratingValue": "3", "bestRating": 5},
                "citation": ["https://a.example"],
            },
            {
                "@type": "schema:ClaimReview",
                "itemReviewed": {"text": "The river rose"},
                "author": "Desk",
                "reviewRating": [{"alternateName": "Pants on Fire"}],
            },
            {"@type": "ClaimReview", "reviewRating": {"alternateName": "False"}},  # no claim
            {
                "@type": "NewsArticle",
                "about": {
                    "@type": "ClaimReview",
                    "claimReviewed": "Nested",
                    "reviewRating": {"name": "True"},
                },
            },
        ],
    }
    reviews = read_claimreviews(data, origin="x.json", received=RECEIVED)
    assert [(r.claim_text, r.rating, r.label, r.organisation) for r in reviews] == [
        ("The dam burst.", "3-5", "3/5", "Checkers"),
        ("The river rose", "pants-on-fire", "Pants on Fire", "Desk"),
        ("Nested", "true", "True", None),
    ]
    assert reviews[0].reviewed == datetime(2025, 1, 3, tzinfo=UTC)
    assert reviews[0].evidence == ("https://a.example",)
    assert reviews[1].reviewed == RECEIVED


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["ClaimReview", "schema:ClaimReview", "2025-01-0x", "3"]),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "@type",
                    "@graph",
                    "claimReviewed",
                    "reviewRating",
                    "alternateName",
                    "name",
                    "ratingValue",
                    "bestRating",
                    "author",
                    "datePublished",
                    "citation",
                    "url",
                    "itemReviewed",
                    "text",
                    "@value",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=30,
)


@given(_JSON)
@settings(max_examples=300, deadline=None)
def test_read_claimreviews_takes_any_json_without_failing(data: object) -> None:
    for review in read_claimreviews(data, origin="x", received=RECEIVED):
        assert review.claim_text
        assert review.label
        assert review.reviewed.tzinfo is not None
