"""Word lists the resolver relies on: data a journalist can extend, kept apart from the rules."""

from __future__ import annotations

from functools import cache

from .. import claimtext
from ..model import SourceKind


def _words(text: str) -> frozenset[str]:
    # Word lists are written as running text so that they are easy to read and extend.
    return frozenset(text.split())


UNRESOLVED_FIRST_WORDS = _words(
    """
    he she they it we i you him her them his hers their its this that these those
    the a an such said mr. mrs. ms. miss dr. mr mrs ms dr
    """
)
"""First words of a mention that stand for someone else: a pronoun ("He"), a description ("The Iraqi
politician") or an honorific ("Mr. King" where two Kings are named). An unknown source named by such
a mention was never linked to anyone."""

# The words too common to tell claims apart live with claim identity, which the store shares;
# the figure rules use them too, to skip words that cannot name what a figure counts.
STOPWORDS = claimtext.STOPWORDS

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12,
}  # fmt: skip
"""Spelled-out figures, so that "fifty trucks" and "50 trucks" agree. Vague plurals ("dozens",
"thousands") are left out on purpose: they are not figures that can conflict."""

MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
"""Words that scale the figure before them: "two hundred", "1.5 million"."""

PERCENT_UNITS = frozenset({"%", "percent", "pct"})
"""Ways of writing a percentage after a figure, all counted as the unit "percent"."""

NOT_UNITS = _words(
    """
    am pm gmt utc est edt bst cet
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    """
)
"""Words after a number that do not say what it counts: times of day, months ("2 January"), days."""

UNLINKED_KINDS = frozenset({SourceKind.ANONYMOUS, SourceKind.UNKNOWN})
"""Kinds of source that name no one in particular: two hops to "sources" need not be one party."""

POSITION_GROUPS = frozenset({"belief", "stance"})
"""Groups of the extractor's cue vocabulary (`extract/data/cues.txt`) whose cues report where a party
stands ("the US wants ...", "X criticized ...") rather than what was heard from it: that party is what
the claim is about, so two outlets saying so share a subject, not an origin."""


@cache
def position_cues() -> frozenset[str]:
    """Every cue of a `POSITION_GROUPS` group, lower case, read from the extractor's cue list."""
    from importlib.resources import files

    # Read from the package root, so that the resolver does not import the extractor's code.
    text = files("provenance").joinpath("extract", "data", "cues.txt").read_text(encoding="utf-8")
    found: set[str] = set()
    for line in text.splitlines():
        group, colon, forms = line.partition(":")
        if colon and not line.startswith("#") and group.strip() in POSITION_GROUPS:
            found.update(" ".join(form.lower().split()) for form in forms.split(",") if form.strip())
    return frozenset(found)


def is_position_cue(cue: str | None) -> bool:
    """Whether a hop's cue reports a party's position (belief, wish, stance), not its word."""
    return cue is not None and " ".join(cue.lower().split()) in position_cues()
