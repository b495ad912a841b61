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
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MAYBE = re.compile(
    r"\d|[Dd]ay\b|DAY|[Tt]onight|[Tt]omorrow|[Ll]ast (?:week|month|year)"
    r"|[Tt]his (?:morning|afternoon|evening)"
)
_DATE = re.compile(
    r"\b(?P<iso_year>\d{4})-(?P<iso_month>\d{2})-(?P<iso_day>\d{2})\b"
    r"|\b(?P<md_month>" + _MONTH + r")\s+(?P<md_day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<md_year>\d{4}))?"
    r"|\b(?P<dm_day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>"
    + _MONTH
    + r")(?:,?\s+(?P<dm_year>\d{4}))?"
    r"|\b(?P<word>today|tonight|this morning|this afternoon|this evening|yesterday|the day before yesterday|"
    r"tomorrow|last week|last month|last year)\b"
    r"|\b(?P<last>last\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
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
    if not _MAYBE.search(sentence):
        return None  # most sentences name no date: a cheap look first
    today = published.date() if isinstance(published, datetime) else published
    for match in _DATE.finditer(sentence):
        resolved = _resolve(match, today)
        if resolved is not None:
            return resolved
    return None


def _resolve(match: re.Match[str], today: date) -> date | None:
    groups = match.groupdict()
    if groups["word"]:
        word = " ".join(groups["word"].lower().split())
        if word == "last month":
            return _shift_months(today, -1)
        if word == "last year":
            return _safe_date(today.year - 1, today.month, today.day)
        return today + timedelta(days=_OFFSETS[word])
    if groups["weekday"]:
        back = (today.weekday() - _WEEKDAYS.index(groups["weekday"].lower())) % 7
        if groups["last"] and back == 0:
            back = 7
        return today - timedelta(days=back)
    if groups["iso_year"]:
        return _safe_date(int(groups["iso_year"]), int(groups["iso_month"]), int(groups["iso_day"]))
    prefix = "md" if groups["md_month"] else "dm"
    month = _MONTHS[groups[f"{prefix}_month"].lower()[:3]]
    day = int(groups[f"{prefix}_day"])
    if groups[f"{prefix}_year"]:
        return _safe_date(int(groups[f"{prefix}_year"]), month, day)
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
