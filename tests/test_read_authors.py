"""Authors' names from bylines and author fields: people only."""

from __future__ import annotations

import pytest

from provenance.read.authors import person_names


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["Ben Walsh"], ("Ben Walsh",)),  # a capitalised particle first is a first name
        (["Al Doe and April Ross"], ("Al Doe", "April Ross")),  # a month's name is a first name too
        (["ByMalcolm Harris | January 14, 2015"], ("Malcolm Harris",)),
        (["Byron Smith"], ("Byron Smith",)),
        (["BYRON SMITH"], ("Byron Smith",)),
        (["de Souza", "May 3 2015", "Political Commentator", "See All Articles"], ()),
        # credits are not authors: the wire, the photographer, "additional reporting"
        (["Jane Roe; Additional reporting by John Doe"], ("Jane Roe",)),
        (["Jane Roe and John Doe with additional reporting by Ann Poe"], ("Jane Roe", "John Doe")),
        (["Reporting by Jane Roe", "Photo by Jane Roe/Reuters", "Photographer: Jane Roe", "By Reuters"], ()),
    ],
)
def test_authors_are_people_only(values: list[str], expected: tuple[str, ...]) -> None:
    assert person_names(values) == expected
