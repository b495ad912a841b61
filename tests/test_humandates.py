"""Dates as people read them, in the terminal, the Markdown and the HTML report alike."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from attrs import evolve
from click.testing import CliRunner
from export_fixtures import sample_graph

from provenance.cli import cli
from provenance.export import export
from provenance.humandates import has_time, human_date, human_time, machine_time
from provenance.read import read_bytes
from provenance.render import render_markdown


@pytest.mark.parametrize(
    ("value", "shown", "iso"),
    [
        (datetime(2019, 11, 20, 14, 5, tzinfo=UTC), "20 Nov 2019, 14:05 UTC", "2019-11-20T14:05:00+00:00"),
        (datetime(2019, 11, 20, tzinfo=UTC), "20 Nov 2019", "2019-11-20"),
        (datetime(2019, 11, 20), "20 Nov 2019", "2019-11-20"),
        (datetime(2019, 11, 20, 14, 5), "20 Nov 2019, 14:05", "2019-11-20T14:05:00"),
        (
            datetime(2019, 11, 20, 9, 0, tzinfo=timezone(timedelta(hours=5, minutes=30))),
            "20 Nov 2019, 09:00 UTC+05:30",
            "2019-11-20T09:00:00+05:30",
        ),
        (
            datetime(2019, 11, 20, tzinfo=timezone(timedelta(hours=-5))),
            "20 Nov 2019, 00:00 UTC-05:00",
            "2019-11-20T00:00:00-05:00",
        ),
    ],
)
def test_times_read_as_people_read_them(value: datetime, shown: str, iso: str) -> None:
    assert human_time(value) == shown
    assert machine_time(value) == iso
    assert has_time(value) is ("," in shown)


def test_dates_use_english_month_abbreviations() -> None:
    assert [human_date(date(2025, month, 1)) for month in (1, 5, 9, 12)] == [
        "1 Jan 2025",
        "1 May 2025",
        "1 Sep 2025",
        "1 Dec 2025",
    ]


def test_a_page_with_only_a_date_shows_the_date_alone() -> None:
    """The readers store a bare date as midnight UTC: the report must not claim 00:00."""
    text = b"Fire at the factory\n2019-11-20\n\nRiverside Gazette/ The fire burned for six hours.\n"
    [graph] = read_bytes(text, name="story.txt", suffix=".txt")
    assert graph.documents[0].published == datetime(2019, 11, 20, tzinfo=UTC)
    page = export(graph, "html").decode()
    assert '<time datetime="2019-11-20">20 Nov 2019</time>' in page
    [meta] = re.findall(r'<p class="meta">(.*?)</p>', page)
    assert "00:00" not in meta
    assert "Published 20 Nov 2019 ·" in render_markdown(graph)


def test_the_report_header_and_the_terminal_show_the_minute(runner: CliRunner) -> None:
    graph = sample_graph()
    page = export(graph, "html").decode()
    assert '<time datetime="2025-01-02T21:13:57+00:00">2 Jan 2025, 21:13 UTC</time>' in page
    dated = evolve(graph.documents[0], published=datetime(2025, 1, 2, tzinfo=UTC))
    assert "2 Jan 2025 ·" in render_markdown(evolve(graph, documents=(dated, *graph.documents[1:])))
    seed = Path(__file__).parent.parent / "samples" / "shafaq-2025-01-02-alusi.txt"
    result = runner.invoke(cli, ["audit", str(seed)])
    assert result.stdout.startswith("Shafaq News · 2 Jan 2025, 21:13 UTC\n")
    assert "c2 · warned · mixed · 2 Jan 2025" in result.stdout
