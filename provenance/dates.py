"""Dates said in a sentence ("on Thursday", "yesterday", "Jan. 2", "the Dec. 12 election"),
resolved against a publication date, and whether the sentence tells of the past or of what is to come.

A claim's date says when the thing it reports happened or will happen: "will meet on Thursday" is the
coming Thursday and "the Oscars on Feb. 9" in a November article the February after. Every date is
range-checked: a phrase whose date cannot be represented (a publication in year 9999 plus "tomorrow")
stays unresolved.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta

from .folding import ASCII_OF, lowercase_is_exact

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DIGIT = re.compile(r"\d")
_MAYBE = re.compile(
    r"Day\b|day\b|DAY|Tonight|tonight|Tomorrow|tomorrow"
    r"|Last (?:week|month|year)|last (?:week|month|year)|Next (?:week|month|year)|next (?:week|month|year)"
    r"|This (?:morning|afternoon|evening)|this (?:morning|afternoon|evening)"
)
"""With `_DIGIT`, what a sentence that names a date holds: a cheap look first. Each alternative starts
with a letter written out (not "[Dd]ay"), so that the search skips any other letter at C speed."""
_DATE_WORDS = (
    "today|tonight|this morning|this afternoon|this evening|yesterday|the day before yesterday|"
    "tomorrow|last week|last month|last year|next week|next month|next year"
)
_RELATIVE = "last|next|this|coming"
_DATE_BRANCHES = (
    r"(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2})\b"
    r"|(?P<md_month>" + _MONTH + r")\s+(?P<md_day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_year>\d{4}))?"
    r"|(?P<dm_day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>"
    + _MONTH
    + r")(?:,?\s+(?P<dm_year>\d{4}))?"
    r"|(?P<word>" + _DATE_WORDS + r")\b"
    r"|(?P<relative>(?:" + _RELATIVE + r")\s+)?"
    r"(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b"
)
_DATE_STARTS = "".join(
    sorted({word[0] for word in (*_MONTHS, *_DATE_WORDS.split("|"), *_RELATIVE.split("|"), *_WEEKDAYS)})
)
_DATE_LOWERCASE = re.compile(rf"\b(?=[\d{_DATE_STARTS}])(?:" + _DATE_BRANCHES + ")")
"""A date said in a text in lowercase (see `_dates_in`): matching case, it finds the spans that the
pattern ignoring case finds in the text, at twice the speed; a word start that no date starts with
(a digit, a month's, a weekday's or a date word's first letter) is passed over at once, not tried
against each branch."""
_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
    "last week": -7,
    "next week": 7,
}
_MONTH_SHIFTS = {"last month": -1, "next month": 1, "last year": -12, "next year": 12}

PAST_SLACK = timedelta(days=31)
"""How far after publication a month-day in a past-tense sentence may still fall in the publication
year ("was held on Jan. 20" in a Jan. 2 article is a date to question, not one from a year before)."""

FORWARD_SLACK = timedelta(days=7)
"""How far before publication a month-day in a forward-looking sentence may fall (a page dated by its
last update); earlier ones are the next year's ("will open on Oct. 1" in November)."""


class Tense(enum.Enum):
    """What a sentence says of the time it speaks of."""

    PAST = "past"
    """It happened: "was arrested", "said", "rose"."""
    FORWARD = "forward"
    """It will or is due to happen: "will", "is due", "is scheduled", "next", "until", "the Dec. 12
    election" (a dated event named by its date)."""
    UNKNOWN = "unknown"
    """Nothing tells: a present tense, a headline, a list."""


def _words(text: str) -> frozenset[str]:
    # Word lists are written as running text so that they are easy to read and extend.
    return frozenset(text.split())


def _alternatives(text: str) -> str:
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in text.split(","))


_CONTRACTED_WILL = r"\w+['’]ll"
_FORWARD_BRANCHES = (
    _alternatives(
        "will,won't,shall,going to,is due,are due,due on,due by,due in,due to be,is scheduled,"
        "are scheduled,scheduled for,scheduled to,is set to,are set to,is slated,are slated,slated for,"
        "slated to,is expected to,are expected to,is to be,are to be,upcoming,the coming,ahead of"
    ),
    r"due\s+(?:on\s+|by\s+|in\s+)?" + _MONTH,
    _CONTRACTED_WILL,
    r"next\s+(?:week|month|year|season|spring|summer|autumn|fall|winter|"
    + _MONTH.removesuffix(r"\.?")
    + r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
)


def _forward(branches: Iterable[str]) -> str:
    return r"(?<![\w'’])(?:" + "|".join(branches) + r")(?![\w'’])"


_FORWARD = re.compile(_forward(_FORWARD_BRANCHES), re.IGNORECASE)
"""Words that date what is to come: "will", "is due", "is scheduled", "next week"."""

_FORWARD_LOWERCASE = re.compile(_FORWARD.pattern)
"""`_FORWARD` for a text in lowercase, as `_DATE_LOWERCASE`."""

_FORWARD_UNCONTRACTED = re.compile(_forward(b for b in _FORWARD_BRANCHES if b != _CONTRACTED_WILL))
"""`_FORWARD_LOWERCASE` for a lowercase text with no "'ll": the contraction's branch, which runs
through every word and back looking for the "'ll" after it, left out (a third faster)."""


def _dates_in(sentence: str) -> Iterator[re.Match[str]]:
    """The dates said in ``sentence``, found in its lowercase form (the spans are the same, the
    groups lowercase, which `_resolve` reads in lowercase anyway); a letter that folds to an ASCII
    one ("ſ") is read as that letter first, letter for letter, so that the spans stay and "Tueſday"
    names a weekday `_resolve` knows."""
    if not lowercase_is_exact(sentence):
        sentence = sentence.translate(ASCII_OF)
    return _DATE_LOWERCASE.finditer(sentence.lower())


def _looks_forward(text: str) -> bool:
    if lowercase_is_exact(text):
        lowered = text.lower()
        if "'ll" in lowered or "’ll" in lowered:
            return _FORWARD_LOWERCASE.search(lowered) is not None
        return _FORWARD_UNCONTRACTED.search(lowered) is not None
    return _FORWARD.search(text) is not None


_HEDGES = re.compile(
    r"(?<![\w'’])(?:"
    + _alternatives(
        "would,could,may,might,should,must,can,wont,was due,were due,be due,was scheduled,"
        "were scheduled,was set to,were set to,was expected to,were expected to,was to be,were to be,"
        "plans to,plan to,planned,planning,intends to,intend to,until,till,in time for,deadline,"
        "starting,beginning,effective,take effect,takes effect,to take place,to be held,expected,"
        "scheduled,due,next,coming,set for,from now,later this,later in,election day,inauguration day,"
        "polling day"
    )
    + r")(?![\w'’])",
    re.IGNORECASE,
)
"""Words that leave open whether the dated thing has happened yet: a plan, a deadline, a condition,
a span ("closed until Jan. 5"). They do not move a date forward, but a date after publication is
then no contradiction."""

_ATTRIBUTIVE = re.compile(
    r"\b(?:the|a|an|this|that|its|their|his|her|next)\s+" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,?\s+\d{4},?)?\s+"
    r"(?!(?:and|or|to|at|in|on|by|for|from|when|as|the|a|an|is|was|were|will|would|has|had)\b)"
    r"[a-z][a-z-]+",
    re.IGNORECASE,
)
"""A date inside a noun phrase ("the Dec. 12 election", "a Feb. 9 ceremony"): it dates an event,
which may be to come, not the verb of the sentence."""

_PAST_WORDS = _words(
    """
    was were had did wasn't weren't hadn't didn't ago yesterday earlier previously
    said told went came took made gave met won lost left held began fell rose sent spent found saw
    brought thought paid ran struck shot kept led fled broke spoke wrote stood sold bought caught
    chose drew drove ate flew forgot froze got grew hid knew meant overtook rode rang sang sank sat
    slept slid stole stuck swore swam threw understood woke wore
    """
)
_NOT_PAST = _words(
    """
    need feed seed speed breed bleed weed reed deed heed creed greed indeed bed red shed wed fed sled
    hundred kindred proceed exceed succeed scheduled expected planned proposed intended related based
    limited united advanced detailed alleged so-called
    """
)
_PRESENT_BE = _words("am is are be being isn't aren't")
_DETERMINERS = _words("the a an this that these those his her its their our my your")
_SUBJECTS = _words("i he she it we they who which that had")
_WORD = re.compile(r"[a-z]+(?:['’-][a-z]+)*", re.IGNORECASE)


def resolve_date(sentence: str, published: datetime | date | None) -> date | None:
    """The first date ``sentence`` speaks of, resolved against ``published``; None when it names no
    date, the publication date is unknown, or the date cannot be represented.

    A weekday is the latest such day on or before publication ("on Thursday" in a Thursday article is
    that day), or the next one on or after it when the sentence looks forward ("will meet on Friday",
    "next Friday"). "last week" and "next week" are seven days either way, "last month"/"next month"
    and "last year"/"next year" the same day a month or a year away. A day and month without a year
    take the year that suits the sentence's tense: for the past, the latest such day at most
    `PAST_SLACK` after publication; for what is to come, the first at most `FORWARD_SLACK` before it;
    when nothing tells, or the date names an event ("the Dec. 12 election"), the nearest.
    """
    if published is None:
        return None
    if not (_DIGIT.search(sentence) or _MAYBE.search(sentence)):
        return None  # most sentences name no date: a cheap look first
    today = published.date() if isinstance(published, datetime) else published
    tense: Tense | None = None  # read only when a date needs it
    for match in _dates_in(sentence):
        # A date that names an event ("the Dec. 12 election") is the nearest such day, whatever the verb.
        is_event = _ATTRIBUTIVE.match(sentence, _determiner_start(sentence, match.start()))
        if not _needs_tense(match) or is_event:
            resolved = _resolve(match, today, Tense.UNKNOWN)
        else:
            tense = tense or tense_of(sentence)
            resolved = _resolve(match, today, tense)
        if resolved is not None:
            return resolved
    return None


def tense_of(text: str) -> Tense:
    """Whether ``text`` looks forward, tells of the past, or neither; looking forward wins, for
    "the vote, postponed last week, will be held on Dec. 12" dates what is to come."""
    if _looks_forward(text):
        return Tense.FORWARD
    return Tense.PAST if _past_marker(text, strict=False) else Tense.UNKNOWN


def tells_of_past(text: str) -> bool:
    """Whether ``text`` says that what it dates has happened: a past form that can only be a verb
    ("was", "said", "they arrested"; not "programs aimed at", "unspecified damages"), nothing
    looking forward or leaving it open ("would", "until", "the deadline"), no event named by its
    date ("the Dec. 12 election"). Only then is a date after publication a contradiction."""
    if _looks_forward(text) or _HEDGES.search(text) or _ATTRIBUTIVE.search(text):
        return False
    return _past_marker(text, strict=True)


def _past_marker(text: str, *, strict: bool) -> bool:
    """A word that puts ``text`` in the past. An "-ed" word may be an adjective or a participle
    ("programs aimed at", "unspecified damages", "is based"): loosely it counts unless a present
    "be" comes before it; strictly only after its subject: a pronoun, "had", a capitalised word
    ("Police arrested"), or a noun a determiner opens ("the convoy reached"), and never before "by"
    ("the man arrested by police")."""
    words = _WORD.findall(text)
    folded = list(map(str.casefold, words))
    if not _PAST_WORDS.isdisjoint(folded):
        return True  # any one of them does, wherever it stands: one look in C
    opens = _WORD.match(text) is not None  # the first word starts the text
    for place, word in enumerate(folded):
        # A capital mid-sentence is a name ("Accepted Scottish Rites"), not a verb.
        if (
            len(word) <= 3
            or not word.endswith("ed")
            or word in _NOT_PAST
            or ((place or not opens) and words[place][0].isupper())
        ):
            continue
        before = folded[place - 1] if place else ""
        if not strict:
            if before not in _PRESENT_BE:
                return True
            continue
        after = folded[place + 1] if place + 1 < len(words) else ""
        has_subject = place > 0 and (
            before in _SUBJECTS
            or words[place - 1][0].isupper()
            or (place > 1 and folded[place - 2] in _DETERMINERS)
        )
        if has_subject and after != "by":
            return True
    return False


def _determiner_start(sentence: str, start: int) -> int:
    # Where the word before the date starts, so that "the Dec. 12 election" is matched whole.
    before = sentence[:start].rstrip()
    space = max(before.rfind(" "), before.rfind("\n"), before.rfind("\t"))
    return space + 1


def _needs_tense(match: re.Match[str]) -> bool:
    # Explicit years and fixed offsets ("yesterday") are the same whatever the tense.
    if match["weekday"]:
        return not match["relative"]
    return bool((match["md_month"] and not match["md_year"]) or (match["dm_month"] and not match["dm_year"]))


def _resolve(match: re.Match[str], today: date, tense: Tense) -> date | None:
    groups = match.groupdict()
    if groups["word"]:
        word = " ".join(groups["word"].lower().split())
        if word in _MONTH_SHIFTS:
            return _shift_months(today, _MONTH_SHIFTS[word])
        return _add_days(today, _OFFSETS[word])
    if groups["weekday"]:
        return _weekday(today, groups["weekday"].lower(), groups["relative"], tense)
    if groups["iso_year"]:
        return _safe_date(int(groups["iso_year"]), int(groups["iso_month"]), int(groups["iso_day"]))
    prefix = "md" if groups["md_month"] else "dm"
    month = _MONTHS[groups[f"{prefix}_month"].lower()[:3]]
    day = int(groups[f"{prefix}_day"])
    if groups[f"{prefix}_year"]:
        return _safe_date(int(groups[f"{prefix}_year"]), month, day)
    return _year_for(today, month, day, tense)


def _weekday(today: date, name: str, relative: str | None, tense: Tense) -> date | None:
    target = _WEEKDAYS.index(name)
    word = relative.split()[0].lower() if relative else None
    if word in ("next", "coming") or (word is None and tense is Tense.FORWARD):
        ahead = (target - today.weekday()) % 7
        if word == "next" and ahead == 0:
            ahead = 7
        return _add_days(today, ahead)
    back = (today.weekday() - target) % 7
    if word == "last" and back == 0:
        back = 7
    return _add_days(today, -back)


def _year_for(today: date, month: int, day: int, tense: Tense) -> date | None:
    candidates = [
        found
        for year in (today.year - 1, today.year, today.year + 1)
        if (found := _safe_date(year, month, day)) is not None
    ]
    if not candidates:
        return None
    if tense is Tense.PAST:
        fitting = [found for found in candidates if found - today <= PAST_SLACK]
        return max(fitting) if fitting else None
    if tense is Tense.FORWARD:
        fitting = [found for found in candidates if today - found <= FORWARD_SLACK]
        return min(fitting) if fitting else None
    # Nothing tells: the nearest; on a tie (never more than a day apart) the earlier.
    return min(candidates, key=lambda found: (abs((found - today).days), found))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _add_days(today: date, days: int) -> date | None:
    try:
        return today + timedelta(days=days)
    except OverflowError:  # past year 1 or 9999: no such date to speak of
        return None


def _shift_months(today: date, months: int) -> date | None:
    year, month = divmod(today.year * 12 + today.month - 1 + months, 12)
    for day in (today.day, 30, 29, 28):
        shifted = _safe_date(year, month + 1, day)
        if shifted is not None:
            return shifted
    return None
