"""Runs of capitalised words and the names cut from them (`provenance.extract.names`)."""

from __future__ import annotations

import pytest

from provenance.extract import names
from provenance.extract.names import names_in


def test_a_run_may_open_with_a_lowercase_particle() -> None:
    found = names_in("Supporters of al-Sadr marched, said Ali bin-Talal. Abu Bakr met el-Sisi.")
    assert [name.text for name in found] == ["al-Sadr", "Ali bin-Talal", "Abu Bakr", "el-Sisi"]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Holtz-Eakin and Jo O’Neill-Smith said the Department of Veterans Affairs would pay.",
        "Anti-Trump protesters met Sen. Ted Cruz (R-Texas) in non-Western dress at the U.N.",
        "It was a bin-end sale at Al Jazeera, said al Qaeda’s critic Abu Omar and the AP's John Doe.",
        'Joko “Jokowi” Widodo met Marcia "Cia" Price.',
    ],
)
def test_the_capitals_only_pattern_finds_the_same_runs(text: str) -> None:
    # a text where no run opens with "al-", "bin-" ... is read with the faster pattern: same spans
    assert names._PARTICLE_OPENING.search(text) is None
    spans = [match.span() for match in names._CAPITAL_RUN.finditer(text)]
    assert spans == [match.span() for match in names._RUN.finditer(text)]
    assert spans
