"""Claim identity: normalised words, distinctive words, and the two ways texts are one claim."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.claimtext import (
    distinctive_words,
    is_same_claim,
    is_same_report,
    mask_figures,
    normalise,
    search_words,
    similarity,
    sorted_tokens,
)

CLAIM = "US forces sent 50 trucks of cement blocks to the Kobani area."


def test_normalise() -> None:
    assert normalise("  Al-Alusi  WARNED: “Défense”… ") == "al alusi warned defense"


def test_search_words_drop_stopwords_and_particles_but_keep_figures() -> None:
    assert search_words("He said the US sent 50 trucks, 50 trucks, to Kobani") == [
        "sent",
        "50",
        "trucks",
        "kobani",
    ]
    assert search_words("it is") == []
    assert distinctive_words(["#", "of", "us", "trucks", "7"]) == ["trucks", "7"]


def test_a_verdict_holds_for_other_wordings_but_not_other_figures() -> None:
    assert is_same_claim(CLAIM, "us forces sent 50 trucks of cement blocks to the Kobani area")
    assert is_same_claim(CLAIM, "US forces sent 50 trucks of cement blocks to Kobani")
    assert not is_same_claim(CLAIM, "US forces sent 40 trucks of cement blocks to the Kobani area")
    assert not is_same_claim(CLAIM, "Hundreds of residents left their homes after a fire")


def test_a_report_is_one_event_across_figures_and_trimmed_copies() -> None:
    def forms(text: str) -> tuple[str, set[str]]:
        masked = mask_figures(normalise(text))
        return sorted_tokens(masked), set(distinctive_words(masked.split()))

    (full, full_words), (other, other_words) = forms(CLAIM), forms(CLAIM.replace("50", "40"))
    assert is_same_report(full, other, full_words, other_words)  # the figures conflict, the event is one
    (cut, cut_words) = forms("Cement blocks: US forces sent 50 trucks to Kobani")  # reordered, cut short
    assert is_same_report(full, cut, full_words, cut_words)
    (short, short_words) = forms("US forces sent trucks to Kobani")  # too few words to count as trimmed
    assert not is_same_report(full, short, full_words, short_words)
    (fire, fire_words) = forms("Hundreds of residents left their homes after a fire")
    assert not is_same_report(full, fire, full_words, fire_words)


def test_similarity_rewards_a_shortened_wording_not_the_same_topic() -> None:
    stored = (
        "Earlier on Thursday, US forces brought in a new convoy to areas controlled by the Syrian "
        "Democratic Forces (SDF) in northern and eastern Syria"
    )
    assert similarity("US forces brought a new convoy to SDF areas in northern Syria", stored) >= 85
    assert similarity("US forces sent 50 trucks to Kobani", stored) < 40


_WORDS = st.lists(st.sampled_from(["us", "forces", "sent", "50", "40", "trucks", "to", "Kobani", "area"]))


@given(_WORDS, _WORDS)
@settings(max_examples=200)
def test_near_equality_is_token_sort_similarity(first: list[str], second: list[str]) -> None:
    from rapidfuzz.fuzz import token_sort_ratio

    a, b = normalise(" ".join(first)), normalise(" ".join(second))
    words_a, words_b = set(distinctive_words(a.split())), set(distinctive_words(b.split()))
    trimmed = min(len(words_a), len(words_b)) >= 6 and (words_a <= words_b or words_b <= words_a)
    expected = a == b or (
        sorted(w for w in a.split() if w.isdigit()) == sorted(w for w in b.split() if w.isdigit())
        and (token_sort_ratio(a, b) >= 88 or trimmed)
    )
    assert is_same_claim(" ".join(first), " ".join(second)) == expected
