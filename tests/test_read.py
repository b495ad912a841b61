"""Reading articles: metadata from the text's own conventions, exact offsets, and refusals."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from provenance import read
from provenance.errors import InputError
from provenance.model import Graph, SourceKind

SEED = Path(__file__).parent.parent.parent / "shared" / "seed" / "000_32617bb624d03a01.txt"
SAMPLE = Path(__file__).parent.parent / "samples" / "shafaq-2025-01-02-alusi.txt"


def only(graphs: object) -> Graph:
    [graph] = list(graphs)  # type: ignore[call-overload]
    return graph


def test_seed_metadata_comes_from_its_header_and_dateline() -> None:
    graph = only(read.read_path(SAMPLE))
    [document] = graph.documents
    assert document.title is not None
    assert document.title.startswith("Al-Alusi: A sectarian regional conflict")
    assert document.published == datetime(2025, 1, 2, 21, 13, 57, tzinfo=UTC)
    assert document.published.strftime("%A") == "Thursday"
    assert document.outlet == "shafaq-news"
    [outlet] = graph.sources
    assert (outlet.name, outlet.kind) == ("Shafaq News", SourceKind.OUTLET)
    assert document.text == SAMPLE.read_text(encoding="utf-8")


def test_the_same_text_always_gets_the_same_id() -> None:
    first = only(read.read_path(SAMPLE)).documents[0]
    again = only(read.read_bytes(SAMPLE.read_bytes(), name="copy.txt", suffix=".txt")).documents[0]
    assert first.id == again.id
    changed = only(read.read_bytes(SAMPLE.read_bytes() + b"\n", name="x.txt")).documents[0]
    assert changed.id != first.id


def test_crlf_text_is_kept_as_given_so_offsets_hold() -> None:
    data = b"Title\r\n\r\nReuters/ The minister said taxes would rise.\r\n"
    document = only(read.read_bytes(data, name="crlf.txt", suffix=".txt")).documents[0]
    assert document.text == data.decode()
    start = document.text.index("The minister")
    assert document.text[start : start + 12] == "The minister"
    assert document.outlet == "reuters"


def test_parenthesised_dateline_names_the_outlet() -> None:
    text = "Senate vote\n\nWASHINGTON (Reuters) - The senator said on Monday that taxes would rise.\n"
    graph = only(read.read_bytes(text.encode(), name="a.txt", suffix=".txt"))
    assert [source.name for source in graph.sources] == ["Reuters"]


def test_utf16_with_bom_is_decoded() -> None:
    text = "Headline\n\nThe mayor said the bridge would reopen.\n"
    graph = only(read.read_bytes(text.encode("utf-16"), name="u16.txt", suffix=".txt"))
    assert graph.documents[0].text == text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty article"),
        (b"  \n\n \t", "empty article"),
        (b"caf\xe9 au lait", "not UTF-8 text (byte 0xe9 at offset 3)"),
        (b"abc\x00def", "NUL bytes"),
        (b"\xff\xfe\x00\xd8", "broken UTF-16"),
    ],
)
def test_unreadable_text_is_one_line_naming_the_file(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        list(read.read_bytes(data, name="bad.txt", suffix=".txt"))
    assert str(caught.value).startswith("bad.txt: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_file_and_folder_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No such file"):
        list(read.read_path(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a folder"):
        list(read.read_path(tmp_path))


PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
DOCX = b"PK\x03\x04" + bytes(26) + b"[Content_Types].xml" + bytes(40) + b"PK\x01\x02word/document.xml"
SAVE = "save the article as HTML or text"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("report.pdf", PDF, f"a PDF file; {SAVE}"),
        ("report.txt", PDF, f"a PDF file; {SAVE}"),  # the bytes decide, not the name
        ("letter.docx", DOCX, f"a Word document; {SAVE}"),
        ("letter.html", DOCX, f"a Word document; {SAVE}"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), f"a Word document; {SAVE}"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(40), f"an image (JPEG); {SAVE}"),
        ("shot.md", b"\x89PNG\r\n\x1a\n" + bytes(40), f"an image (PNG); {SAVE}"),
        (
            "pages.zip",
            b"PK\x03\x04" + bytes(26) + b"story.html",
            "a ZIP archive; unpack it and name the articles in it",
        ),
        ("pages.txt", b"\x1f\x8b\x08\x00" + bytes(40), "a gzip-compressed file; unpack it"),
        ("empty.pdf", b"", f"a PDF file; {SAVE}"),
        (
            "news.db",
            b"SQLite format 3\x00" + bytes(100),
            "an SQLite database; a provenance database is read with --db",
        ),
    ],
)
def test_files_that_are_no_article_say_what_they_are_and_what_to_do(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        list(read.read_path(path))
    assert str(caught.value).startswith(f"{path}: {message}")
    if data:  # piped in, the bytes alone tell
        with pytest.raises(InputError) as piped:
            list(read.read_path("-", stdin=io.BytesIO(data)))
        assert str(piped.value).startswith(f"<stdin>: {message}")


@pytest.mark.parametrize(
    "address", ["https://example.com/news/story", "http://x.org/a?b=1", "www.example.com/story"]
)
def test_a_web_address_is_no_file_and_the_message_says_to_save_the_page(address: str) -> None:
    with pytest.raises(InputError) as caught:
        list(read.read_path(address))
    assert str(caught.value).startswith(f"{address}: a web address, and provenance reads no network")
    assert "Save Page As" in str(caught.value)


def test_oversized_input_is_refused_not_truncated(tmp_path: Path) -> None:
    limits = read.Limits(article_bytes=100, record_bytes=50)
    with pytest.raises(InputError, match=r"larger than the 100 bytes limit for one article \(--max-size\)"):
        list(read.read_path("-", stdin=io.BytesIO(b"x" * 101), limits=limits))
    article = tmp_path / "a.txt"
    article.write_text("The mayor said the bridge would reopen. " * 3)  # 120 bytes
    with pytest.raises(InputError, match=r"a\.txt: larger than the 100 bytes limit"):
        list(read.read_path(article, limits=limits))
    assert len(list(read.read_path(article, limits=read.Limits(article_bytes=120)))) == 1
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"text": "The mayor said the bridge would reopen soon."}) + "\n")
    with pytest.raises(InputError, match=r"c.jsonl:1: record larger than the 50 bytes limit"):
        list(read.read_path(corpus, limits=limits))


@pytest.mark.parametrize(
    ("written", "size"),
    [
        ("10MiB", 10 * 2**20),
        ("500 KB", 500_000),
        ("2000000", 2_000_000),
        ("1.5 MiB", 3 * 2**19),
        ("64k", 65536),
    ],
)
def test_sizes_read_as_people_write_them(written: str, size: int) -> None:
    assert read.inputs.parse_size(written) == size


@pytest.mark.parametrize("written", ["ten megs", "10 parsecs", "-5MB", "0", ""])
def test_a_size_that_is_no_size_is_an_input_error(written: str) -> None:
    with pytest.raises(InputError, match="not a size"):
        read.inputs.parse_size(written)


def test_jsonl_record_id_becomes_the_document_id(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    records = [
        {
            "id": "a/1",
            "text": "Officials said the dam held.",
            "title": "Dam",
            "outlet": "The Courier",
            "published": "2024-05-06",
        },
        {"text": "No id here, the mayor said."},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    first, second = read.read_path(corpus)
    assert first.documents[0].id == "a/1"
    assert first.documents[0].published == datetime(2024, 5, 6, tzinfo=UTC)
    assert first.sources[0].id == "the-courier"
    assert second.documents[0].id.startswith("doc-")
    assert second.documents[0].text == records[1]["text"]


def test_bad_jsonl_record_names_the_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"text": "fine."}\n{"title": "no text"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"corpus\.jsonl:2: record has no \"text\""):
        list(read.read_path(corpus))


def test_html_body_and_metadata_via_trafilatura() -> None:
    html = """<!doctype html><html><head><title>Dam holds | The Courier</title>
    <meta property="og:site_name" content="The Courier">
    <meta property="article:published_time" content="2024-05-06T09:00:00Z"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Dam holds after storm</h1>
    <p>The regional water authority said on Monday that the dam had held through the night,
    according to a statement published on its website after the storm had passed.</p>
    <p>"We were lucky this time," said Maria Lopez, the authority's chief engineer, who added
    that repairs would take several weeks to complete across the whole valley.</p>
    <p>Residents of the valley were allowed to return to their homes on Tuesday morning.</p>
    </article><footer>Copyright 2024</footer></body></html>"""
    graph = only(read.read_bytes(html.encode(), name="story.html", suffix=".html"))
    [document] = graph.documents
    assert "Maria Lopez" in document.text
    assert "Copyright" not in document.text
    assert document.published is not None
    assert document.published.date().isoformat() == "2024-05-06"
    assert graph.sources[0].name == "The Courier"


def test_a_page_without_date_metadata_gets_no_date_guessed_from_its_text() -> None:
    # A date in the footer ("Updated 4 mars 2014") is no publication time: trafilatura's extensive
    # date search would have guessed it (and runs dateparser in every language to do so).
    html = """<html><head><title>Bridge to reopen</title></head><body><article><h1>Bridge to reopen</h1>
    <p>The mayor said on Tuesday that the old river bridge will reopen by spring, after two years of
    repairs that closed the main road through the town.</p>
    <p>Crews have replaced the deck and most of the steel, the city's engineer said.</p></article>
    <footer><p>Copyright 2015 The Valley Courier.</p><p>Updated 4 mars 2014</p></footer></body></html>"""
    graph = only(read.read_bytes(html.encode(), name="bridge.html", suffix=".html"))
    assert graph.documents[0].published is None


def test_html_without_an_article_is_refused() -> None:
    with pytest.raises(InputError, match="no article text"):
        list(read.read_bytes(b"<html><body><div></div></body></html>", name="e.html", suffix=".html"))


def test_stdin_is_sniffed() -> None:
    text = only(read.read_path("-", stdin=io.BytesIO(b"Plain words, the mayor said.")))
    assert text.documents[0].text == "Plain words, the mayor said."
    lines = b'{"id": "x", "text": "One."}\n{"id": "y", "text": "Two."}\n'
    assert [g.documents[0].id for g in read.read_path("-", stdin=io.BytesIO(lines))] == ["x", "y"]
    record = only(read.read_path("-", stdin=io.BytesIO(b'{"id": "z", "text": "Three."}')))
    assert record.documents[0].id == "z"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".json", ".yaml", ".jsonl", None]))
def test_any_bytes_give_a_graph_or_an_input_error(data: bytes, suffix: str | None) -> None:
    message = None
    try:
        graphs = list(read.read_bytes(data, name="fuzz", suffix=suffix))
    except InputError as error:
        message = str(error)
    if message is None:
        assert all(isinstance(graph, Graph) for graph in graphs)
    else:
        assert message.startswith("fuzz")
        assert "\n" not in message
