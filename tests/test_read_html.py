"""Saved web pages: the article's text, time, outlet, title and authors, and none of the furniture.

The pages in tests/pages/ are written for these tests, each reproducing what real saved pages do.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from provenance import read
from provenance.extract import extract
from provenance.model import Graph
from provenance.read import html as read_html_module
from provenance.read.metadata import strip_site_suffix

PAGES = Path(__file__).parent / "pages"
REAL_PAGES = Path(__file__).parent.parent.parent / "shared" / "eval" / "pages"


def page(name: str) -> Graph:
    [graph] = list(read.read_path(PAGES / name))
    return graph


def analysed(name: str) -> Graph:
    graph = page(name)
    return extract(graph.documents[0], graph.sources[0] if graph.sources else None)


def test_wire_copy_on_a_syndication_host_is_the_datelines_agency() -> None:
    graph = page("wire-on-syndication-host.html")
    [document] = graph.documents
    assert graph.sources[0].name == "AP"  # not "Hosted", which only the host name and title give
    assert document.authors == ("Jane Roe", "Omar Field")
    assert document.title == "Storm shuts container port"
    assert document.published == datetime(2024, 3, 5, 14, 32, tzinfo=UTC)
    assert "contributed" not in document.text
    assert "By JANE ROE" not in document.text


def test_a_body_much_shorter_than_the_json_ld_article_body_gives_way_to_it() -> None:
    graph = page("caption-only-body.html")
    [document] = graph.documents
    assert document.text.startswith("Ferries between the island and the mainland sailed again")
    assert document.text.count("\n") == 4  # its five paragraphs, one to a line
    assert "Passengers queue" not in document.text
    assert document.authors == ("Amira Haddad",)
    assert document.published == datetime(2024, 6, 12, 7, 45, tzinfo=timezone(timedelta(hours=1)))
    claims = analysed("caption-only-body.html").claims
    assert any(claim.text.startswith('"We are glad to be back at sea,"') for claim in claims)


def test_the_article_body_of_another_story_on_the_page_is_never_taken() -> None:
    [document] = page("related-stories-json-ld.html").documents
    assert "The council approved its budget on Monday" in document.text
    assert "coast road" not in document.text


def test_sentences_glued_by_markup_are_two_sentences() -> None:
    graph = analysed("glued-sentences.html")
    text = graph.documents[0].text
    assert "physician.Police" not in text
    assert "physician.\nPolice" in text
    texts = [claim.text for claim in graph.claims]
    assert "A cyclist was treated at the scene by an off-duty physician." in texts
    [police] = [claim for claim in graph.claims if "careless driving" in claim.text]
    assert police.text.startswith("the driver had been charged")
    assert [hop.mention for hop in police.chain[1:]] == ["Police"]


def test_page_furniture_becomes_no_claim_and_no_source() -> None:
    graph = analysed("furniture.html")
    [document] = graph.documents
    for furniture in (
        "By Maria Stone",
        "Jane Roe/Valley Post",
        "Read more",
        "Story continues",
        "READ MORE",
        "newsletter",
        "Share it",
        "Follow us",
        "Editing by",
        "ADVERTISEMENT",
    ):
        assert furniture not in document.text, furniture
    assert "Mayor Linda Cho said the bridge would cost $48 million" in document.text
    assert "of the cost. Work would start in the spring, the council said." in document.text
    assert {source.name for source in graph.sources} >= {"Linda Cho", "Dev Patel"}
    assert not {source.name for source in graph.sources} & {"Story", "Maria Stone", "Jane Roe"}
    assert document.authors == ("Maria Stone",)  # from <meta name="author">, its e-mail address left out
    assert document.published == datetime(2024, 9, 17, 18, 20, tzinfo=timezone(timedelta(hours=-4)))


def test_when_sources_disagree_the_json_ld_article_wins() -> None:
    graph = page("metadata-sources-disagree.html")
    [document] = graph.documents
    # JSON-LD datePublished over article:published_time, never the date modified
    assert document.published == datetime(2024, 11, 3, 18, 5, tzinfo=timezone(timedelta(hours=-5)))
    assert graph.sources[0].name == "Al Example Media"  # the article's publisher over og:site_name
    assert document.title == "Power cut hits old town"
    # people only, in their usual case; the organisation among the authors and "Staff" left out
    assert document.authors == ("Samir Nader", "Lucy O'Neill")


def test_a_publication_time_late_in_the_evening_keeps_its_day() -> None:
    [document] = page("published-late-evening.html").documents
    assert document.published == datetime(2014, 12, 19, 4, 38, 49, tzinfo=UTC)


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("Power cut hits old town | Al Example", ["Al Example"], "Power cut hits old town"),
        ("Power cut hits old town - The Example Times", ["The Example Times"], "Power cut hits old town"),
        ("Power cut hits old town - Example", ["example.com"], "Power cut hits old town"),
        ("Storm nears the coast | Watch News Videos Online", ["Global Example"], "Storm nears the coast"),
        (
            "Minister resigns - and nobody is surprised",
            ["The Example"],
            "Minister resigns - and nobody is surprised",
        ),
        ("Election | Live", ["The Example"], "Election | Live"),
    ],
)
def test_site_suffixes_leave_the_title(title: str, sites: list[str], expected: str) -> None:
    assert strip_site_suffix(title, sites) == expected


def test_authors_come_from_a_plain_text_byline_too() -> None:
    text = "Bridge to reopen\n\nBy Jane Roe and John Doe, Reuters\n\nLONDON (Reuters) - The mayor said so.\n"
    [graph] = read.read_bytes(text.encode(), name="wire.txt", suffix=".txt")
    assert graph.documents[0].authors == ("Jane Roe", "John Doe")
    assert graph.sources[0].name == "Reuters"


def _meta_time(html: str) -> datetime | None:
    match = re.search(r'property="article:published_time" content="([^"]+T[^"]+)"', html)
    return datetime.fromisoformat(match.group(1).replace("Z", "+00:00")) if match else None


@pytest.mark.skipif(not REAL_PAGES.is_dir(), reason="the saved pages live in ../shared/eval/pages")
def test_real_pages_keep_the_publication_time_their_metadata_gives() -> None:
    checked = 0
    for path in sorted(REAL_PAGES.glob("*.html")):
        stamp = _meta_time(path.read_text(encoding="utf-8", errors="replace"))
        if stamp is None or (stamp.hour, stamp.minute) == (0, 0):
            continue
        [graph] = list(read.read_path(path))
        published = graph.documents[0].published
        assert published is not None, path.name
        assert abs((published - stamp).total_seconds()) < 60, path.name
        checked += 1
    assert checked >= 5


def _speakers_of_i(name: str) -> list[str]:
    graph = analysed(name)
    return [
        source.name
        for claim in graph.claims
        if len(claim.chain) > 1 and claim.chain[1].mention == "I"
        if (source := graph.source(claim.chain[1].source)) is not None
    ]


def test_the_byline_under_the_headline_wins_over_the_meta_author() -> None:
    # A column filed by a journalist: the reader sees "By Rosa Marquez", and her "I"
    [document] = page("column-byline-and-meta-differ.html").documents
    assert document.authors == ("Rosa Marquez",)  # not the meta "Tom Filer", not a related column's
    assert set(_speakers_of_i("column-byline-and-meta-differ.html")) == {"Rosa Marquez"}


def test_a_related_storys_byline_is_never_the_authors() -> None:
    [document] = page("related-bylines-only.html").documents
    assert document.authors == ()  # neither a "Most popular" teaser's byline nor a "More from" one
    assert set(_speakers_of_i("related-bylines-only.html")) == {"I (unresolved)"}


_BODY = "".join(
    f"<p>{sentence}</p>\n"
    for sentence in (
        "The river rose two metres overnight and closed the lower town's only bridge.",
        "I drove to the crossing at dawn and found it under brown water.",
        "The county engineer, Ruth Alvarez, said the bridge would stay shut for a week.",
        "Shops along the quay moved their stock upstairs before the second tide.",
        "Residents said the last flood of this size came in 1998.",
    )
)


def _page_authors(head: str, top: str, *, meta: str = "") -> tuple[str, ...]:
    html = (
        f"<!doctype html><html><head><title>River closes the lower bridge | The Valley Post</title>"
        f'<meta property="og:title" content="River closes the lower bridge">{meta}</head><body>'
        f"{head}<article>{top}{_BODY}</article></body></html>"
    )
    [graph] = list(read.read_bytes(html.encode(), name="page.html", suffix=".html"))
    return graph.documents[0].authors


@pytest.mark.parametrize(
    ("top", "meta", "expected"),
    [
        # every writer the byline names, where the meta tag gives only the first
        (
            "<h1>River closes the lower bridge</h1>"
            '<div class="byline">By <a class="author">Ana Ruiz</a> &amp; <a class="author">Ben Cole</a>'
            " / Published 3rd May 2024</div>",
            '<meta name="author" content="Ana Ruiz">',
            ("Ana Ruiz", "Ben Cole"),
        ),
        # the byline's own line before its links, each a name: both writers
        (
            '<h1>River closes the lower bridge</h1><span class="item">By\n <a rel="author">Ana Ruiz</a>\n'
            ' and\n <a rel="author">Ben Cole</a></span><time>May 3, 2024</time>',
            "",
            ("Ana Ruiz", "Ben Cole"),
        ),
        # two author links side by side, no "By" line around them
        (
            '<h1>River closes the lower bridge</h1><div class="meta"><a class="author">Ana Ruiz</a>'
            '<a class="author">Ben Cole</a></div>',
            "",
            ("Ana Ruiz", "Ben Cole"),
        ),
        # the author's box of a columnist: a name, a job title, links
        (
            '<h1>River closes the lower bridge</h1><div class="author-box"><div class="name">Ana Ruiz</div>'
            '<div class="authortitle">Political Commentator</div><ul class="author"><li>See All Articles'
            "</li><li>Subscribe to RSS</li></ul></div>",
            "",
            ("Ana Ruiz",),
        ),
        # "by" set apart by style alone, and a date after the job
        (
            '<h1>River closes the lower bridge</h1><div class="by_line_date">by Ana Ruiz, Staff Writer |'
            " May 03, 2024 07:38am ET</div>",
            "",
            ("Ana Ruiz",),
        ),
        (
            '<h1>River closes the lower bridge</h1><section class="byline"><span class="byline-tag">By'
            '</span><span class="byline-content">Ana Ruiz</span> | May 3, 2024</section>',
            "",
            ("Ana Ruiz",),
        ),
        # the byline in the headline's box, above it
        (
            '<header><div class="byline vcard"><a rel="author"><span class="name">Ben Walsh</span></a>'
            " <a>Become a fan</a></div><h1>River closes the lower bridge</h1></header>",
            "",
            ("Ben Walsh",),
        ),
        # a photographer's credit in the author's field is no author; the byline after it is
        (
            '<h1>River closes the lower bridge</h1><div class="field-authors"><h3>Photo by:</h3>'
            '<div>The Associated Press</div></div><div class="node_author-inline"><h3>By:</h3>'
            "<a>April P. Bernard</a></div>",
            "",
            ("April P. Bernard",),
        ),
        # no byline shown: the meta author
        ("<h1>River closes the lower bridge</h1>", '<meta name="author" content="Ana Ruiz">', ("Ana Ruiz",)),
    ],
)
def test_the_byline_shown_with_the_headline(top: str, meta: str, expected: tuple[str, ...]) -> None:
    assert _page_authors("", top, meta=meta) == expected


def test_a_byline_far_from_the_headline_or_under_another_headline_is_not_taken() -> None:
    teaser = '<div class="teaser"><h2>Ferry fares rise</h2><div class="byline">By Karen Oduya</div></div>'
    assert _page_authors(teaser, "<h1>River closes the lower bridge</h1>") == ()
    # a page whose headline is not its declared title shows no byline the reader can tie to it
    assert _page_authors("", '<h1>Flood</h1><div class="byline">By Ana Ruiz</div>') == ()


def test_an_embedded_post_is_its_signers_claim() -> None:
    html = (
        "<!doctype html><html><head><title>Pier to close</title></head><body><article>"
        "<h1>Pier to close for the winter</h1>"
        "<p>The council closed the old pier on Friday after a storm damaged its deck.</p>"
        "<p>Residents were quick to react online.</p>"
        '<blockquote class="twitter-tweet"><p>The pier must be rebuilt before summer, not after. '
        '<a href="https://t.co/x">pic.twitter.com/x</a></p>\n'
        '<p>&mdash; Ana Ruiz (@anaruiz) <a href="https://twitter.com/anaruiz/status/1">June 28, 2024</a></p>'
        "</blockquote>"
        "<blockquote><p>Storms like this one used to come once a decade.</p><p>Now they come every year.</p>"
        "</blockquote>"
        "<p>The council said repairs would begin in March and cost about $2 million.</p>"
        "</article></body></html>"
    )
    [graph] = list(read.read_bytes(html.encode(), name="page.html", suffix=".html"))
    text = graph.documents[0].text
    assert "not after. pic.twitter.com/x — Ana Ruiz (@anaruiz) June 28, 2024\n" in text
    assert "once a decade.\nNow they come" in text  # a quotation without a signature keeps its lines
    result = extract(graph.documents[0], graph.sources[0] if graph.sources else None)
    [post] = [claim for claim in result.claims if "rebuilt" in claim.text]
    source = result.source(post.chain[1].source)
    assert source is not None
    assert source.name == "Ana Ruiz"
    assert not [claim for claim in result.claims if claim.text.startswith("—")]


def test_a_precise_reading_that_finds_hardly_any_text_is_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # trafilatura's precise setting sometimes takes a box beside the story (a comment policy) for
    # the article, on pages whose story paragraphs stand outside any container, where its other
    # setting finds the story; the reader must read the page again without the precise setting
    story = "".join(
        f'<p class="story">{sentence}</p>'
        for sentence in (
            "After a fire gutted the old mill on Sunday, investigators at first suspected faulty wiring.",
            "Their attention soon turned to the owner, who had insured the building for twice its value.",
            "The owner was arrested at his office on Tuesday and has pleaded not guilty to arson.",
            "Fire Chief Dana Holt said the blaze started in three places at once, which faults rarely do.",
            "The mill, built in 1887, had stood empty for a decade and was due to become flats.",
        )
    )
    html = (
        "<html><head><title>Mill owner charged with arson</title></head><body>"
        "<h1>Mill owner charged with arson</h1>"
        f'{story}<div class="policy"><p>Keep it civil and stay on topic. People who harass others will be'
        " blocked.</p></div></body></html>"
    )
    real = read_html_module._extract

    def precise_misses_the_story(tree: Any, name: str, *, precise: bool = True) -> Any:
        # as on such a page: the precise setting keeps the policy, the other the story alone
        for paragraph in tree.xpath('//p[@class="story"]' if precise else '//div[@class="policy"]'):
            paragraph.getparent().remove(paragraph)
        return real(tree, name, precise=precise)

    monkeypatch.setattr(read_html_module, "_extract", precise_misses_the_story)
    [graph] = list(read.read_bytes(html.encode(), name="page.html", suffix=".html"))
    text = graph.documents[0].text
    assert "Fire Chief Dana Holt said the blaze started" in text
    assert "Keep it civil" not in text
    assert text.startswith("After a fire")  # the headline is the title, not the story's first line


def test_a_photos_credit_and_caption_inside_a_paragraph_are_no_text() -> None:
    html = (
        "<html><head><title>Jets to patrol the islands</title></head><body>"
        '<article class="story has-caption"><h1>Jets to patrol the islands</h1>'
        '<p><span class="image-container"><span class="image"><img src="jet.jpg">'
        '<span class="source"><span>Jane Roe/REUTERS</span></span>'
        '<span class="image-caption">A jet drops flares during a drill.</span></span></span>'
        "The air force may send four more jets to the islands, officials said on Monday.</p>"
        "<p>The ministry said the decision would be made in the spring, after a review of the base.</p>"
        "<p>The base has had no fighters of its own since the last squadron left eleven years ago.</p>"
        "<p>Islanders have asked for better air cover since a patrol boat was withdrawn last winter.</p>"
        '<p>The figures come from the <span class="source">Office for Budget Review</span>, which'
        " publishes them every year.</p></article></body></html>"
    )
    [graph] = list(read.read_bytes(html.encode(), name="page.html", suffix=".html"))
    text = graph.documents[0].text
    assert "\nThe air force may send four more jets" in text
    assert "REUTERS" not in text
    assert "drops flares" not in text
    assert "from the Office for Budget Review, which" in text  # a source that is no photo's stays
    assert "after a review of the base" in text  # the story, whose class mentions its captions, stays


def test_the_sites_name_in_an_h1_is_not_the_headline() -> None:
    # no og:site_name to strip from the <title>: the logo's "The Valley Post" shares every word
    # with the title's tail, but not half of the title
    html = (
        "<!doctype html><html><head><title>River closes the lower bridge - The Valley Post</title></head>"
        '<body><h1 class="logo">The Valley Post</h1><div class="teaser"><a>Ferry fares rise</a>'
        '<div class="byline">By Karen Oduya</div></div>'
        f"<article><h1>River closes the lower bridge</h1>{_BODY}</article></body></html>"
    )
    [graph] = list(read.read_bytes(html.encode(), name="page.html", suffix=".html"))
    assert graph.documents[0].authors == ()
