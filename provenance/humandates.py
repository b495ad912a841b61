"""Dates and times as people read them: "20 Nov 2019, 14:05 UTC", and "20 Nov 2019" alone when the
time of day is unknown. The terminal, the Markdown and the HTML report all write dates through here.

How "time unknown" is told: the model holds a publication time as a `datetime`, and the readers
store a bare date (a page or a record that gives only "2019-11-20") as midnight UTC. So a time of
exactly midnight, in UTC or with no zone, is read as a date alone. A page really published at
00:00:00 UTC shows its date alone too, which loses nothing a reader needs.
"""

from __future__ import annotations

from datetime import date, datetime, time

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""English month abbreviations, whatever the machine's locale."""


def human_date(value: date) -> str:
    """ "20 Nov 2019"."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def has_time(value: datetime) -> bool:
    """False when ``value`` stands for a date alone: midnight exactly, in UTC or with no zone."""
    return value.timetz().replace(tzinfo=None) != time() or bool(value.utcoffset())


def human_time(value: datetime) -> str:
    """ "20 Nov 2019, 14:05 UTC" (the zone as the value gives it: "UTC+05:30", none when naive), or
    "20 Nov 2019" when the time is unknown."""
    day = human_date(value)
    if not has_time(value):
        return day
    return f"{day}, {value:%H:%M}{_zone(value)}"


def machine_time(value: datetime) -> str:
    """ISO 8601 for a program (an HTML ``<time datetime>``): the date alone when the time is unknown."""
    return value.isoformat() if has_time(value) else value.date().isoformat()


def _zone(value: datetime) -> str:
    offset = value.utcoffset()
    if offset is None:
        return ""
    if not offset:
        return " UTC"
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes > 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f" UTC{sign}{hours:02d}:{minutes:02d}"
