"""Dates said in a sentence ("on Thursday", "yesterday", "Jan. 2"), resolved against a publication date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

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
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_PATTERNS = (
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")),
    (
        "month_day",
        re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?", re.IGNORECASE),
    ),
    (
        "day_month",
        re.compile(
            r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>\d{4}))?",
            re.IGNORECASE,
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?P<word>today|tonight|this morning|this afternoon|this evening|yesterday|"
            r"the day before yesterday|tomorrow|last week|last month|last year)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?P<last>last\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|"
            r"saturday|sunday)\b",
            re.IGNORECASE,
        ),
    ),
)
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
}


def resolve_date(sentence: str, published: datetime | date | None) -> date | None:
    """The first date ``sentence`` speaks of, resolved against ``published``; None when it names no
    date or the publication date is unknown.

    A weekday is the latest such day on or before publication ("on Thursday" in a Thursday article is
    that day); "last week" is seven days back, "last month" and "last year" the same day a month or year
    back; a day and month without a year take the publication year, or the year before when that would
    fall more than a month after publication.
    """
    if published is None:
        return None
    today = published.date() if isinstance(published, datetime) else published
    found: list[tuple[int, date]] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            resolved = _resolve(name, match, today)
            if resolved is not None:
                found.append((match.start(), resolved))
                break
    return min(found)[1] if found else None


def _resolve(name: str, match: re.Match[str], today: date) -> date | None:
    groups = match.groupdict()
    if name == "relative":
        word = " ".join(groups["word"].lower().split())
        if word == "last month":
            return _shift_months(today, -1)
        if word == "last year":
            return _safe_date(today.year - 1, today.month, today.day)
        return today + timedelta(days=_OFFSETS[word])
    if name == "weekday":
        back = (today.weekday() - _WEEKDAYS.index(groups["weekday"].lower())) % 7
        if groups["last"] and back == 0:
            back = 7
        return today - timedelta(days=back)
    month = int(groups["month"]) if groups["month"].isdigit() else _MONTHS[groups["month"].lower()[:3]]
    day = int(groups["day"])
    if groups.get("year"):
        return _safe_date(int(groups["year"]), month, day)
    guess = _safe_date(today.year, month, day)
    if guess is not None and guess > today + timedelta(days=31):
        return _safe_date(today.year - 1, month, day)
    return guess


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _shift_months(today: date, months: int) -> date:
    year, month = divmod(today.year * 12 + today.month - 1 + months, 12)
    for day in (today.day, 30, 29, 28):
        shifted = _safe_date(year, month + 1, day)
        if shifted is not None:
            return shifted
    return today
