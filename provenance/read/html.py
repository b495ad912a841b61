"""Saved web pages: the article's text through trafilatura, without the page's furniture.

The page's own metadata is read first (`metadata`), and the byline shown with its headline
(`byline`); block elements are then kept apart by a line break, so that markup that glues
"physician." to "Police" no longer makes them one sentence; trafilatura finds the article body;
paragraphs and lines that are furniture (bylines, credits, captions, "Read more", prompts) are
dropped. When the body found is much shorter than the page's JSON-LD ``articleBody`` (a photo
caption instead of the story), the ``articleBody`` is used; when it is hardly any text, the page is
read again without trafilatura's precise setting.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from ..errors import InputError
from ..extract import furniture
from ..model import Graph
from . import byline, metadata
from .text import article_from_text, dateline_outlet

BLOCK_TAGS = (
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
)
"""Elements a browser shows on a line of their own."""

_POST_SIGNATURE = re.compile(r"[―—–][ \u00a0]*[^\n(]{1,60}\(@\w{1,20}\)")
"""The signature an embedded post ends with: "— Jane Roe (@janeroe)", its date after it."""
_SPACE = re.compile(r"\s+")

FEW_CHARS = 500
"""A body shorter than this, from trafilatura's precise setting, is read again without it ..."""

FULLER = 4
"""... and that reading is taken when it is this many times longer: the story, where the precise
setting took a box beside it (a comment policy) for the article."""

_CLASS_WORD = re.compile(r"[a-z]+")
_CREDIT_CLASSES = frozenset({"caption", "credit", "credits", "creditline"})
"""Words of an element's class that mark a photo's caption or credit."""
_PICTURE_BOX_CHARS = 400

SHORT_BODY = 0.5
"""A body shorter than this share of the JSON-LD ``articleBody`` is taken for a fragment of it."""

_PARAGRAPHS = ("p", "head", "quote", "item", "code")
"""trafilatura's block elements, each judged whole as furniture or article text."""


def read_html(text: str, name: str) -> Graph:
    """One article from a saved page: its text, publication time, outlet, title and authors."""
    tree = _parse(text, name)
    page = metadata.declared(tree)
    titles = metadata.titles(page, _title_elements(tree))
    shown = byline.shown_byline(tree, titles, BLOCK_TAGS)
    _one_line_posts(tree)
    _drop_credits(tree)
    _unglue(tree)
    result = _extract(tree, name)
    body, bylines = _article_text(result.body if result is not None else None)
    json_body = metadata.article_body(page)
    if json_body and len(body) < SHORT_BODY * len(json_body):
        body, more = _without_furniture_lines(json_body)
        bylines = [*bylines, *more]
    elif len(body) < FEW_CHARS:
        body, bylines = _read_again(text, name, body, bylines, titles)
    if not body.strip():
        raise InputError("no article text found in the HTML", path=name)
    chosen = metadata.choose(
        page, _fields(result), dateline=dateline_outlet(body), shown=shown, bylines=bylines
    )
    return article_from_text(
        body,
        name=name,
        title=chosen.title,
        outlet=chosen.outlet,
        published=chosen.published,
        url=chosen.url,
        authors=chosen.authors,
    )


def _read_again(
    text: str, name: str, body: str, bylines: list[str], titles: list[str]
) -> tuple[str, list[str]]:
    """The page read again without trafilatura's precise setting, when that found hardly any text:
    its reading, when it is much longer and holds not what the precise one took for the story (a
    comment policy beside a story whose paragraphs stand outside any container); else as before.
    That reading keeps the headline, which is the title, not a sentence of the story: it goes."""
    again = _parse(text, name)
    for script in list(again.iter("script")):  # its JSON-LD: other articles' bodies, read already
        if script.getparent() is not None:
            _remove(script)
    _one_line_posts(again)
    _drop_credits(again)
    _unglue(again)
    fuller = _extract(again, name, precise=False)
    more, more_bylines = _article_text(fuller.body if fuller is not None else None)
    first, _, rest = more.partition("\n")
    if " ".join(first.split()) in titles:
        more = rest.lstrip("\n")
    lines = [line for line in body.splitlines() if line.strip()]
    elsewhere = sum(line not in more for line in lines) > len(lines) / 2
    if len(more) >= FULLER * len(body) and elsewhere:
        return more, more_bylines
    return body, bylines


def _parse(text: str, name: str) -> Any:
    from trafilatura.utils import load_html  # lazily: heavy, and only pages need it

    try:
        tree = load_html(text)
    except (RecursionError, ValueError, TypeError) as error:
        raise InputError(f"could not parse the HTML ({type(error).__name__})", path=name) from None
    if tree is None:
        raise InputError("no article text found in the HTML", path=name)
    return tree


def _title_elements(tree: Any) -> list[str]:
    return [element.text_content() for element in tree.iterfind(".//head/title")]


def _one_line_posts(tree: Any) -> None:
    """An embedded post (a blockquote signed "— Jane Roe (@janeroe) May 3, 2024") is one line, its
    text then its signature, as a reader takes it in: the signature says whose the text is, and the
    two on separate lines would leave the text unattributed and the signature a claim of its own."""
    for quote in tree.iter("blockquote"):
        if not _POST_SIGNATURE.search(" ".join(quote.itertext())):
            continue
        for inner in quote.iterdescendants():
            inner.text = _SPACE.sub(" ", inner.text) if inner.text else inner.text
            inner.tail = _SPACE.sub(" ", inner.tail) if inner.tail else inner.tail
            if inner.tag in BLOCK_TAGS:
                inner.tag = "span"
                if inner.getnext() is not None or (inner.tail or "").strip():
                    inner.tail = " " + (inner.tail or "")


def _drop_credits(tree: Any) -> None:
    """Out go the elements a page marks as a photo's caption or credit ("caption", "credit" in
    their class), and an image's "source": set inside a paragraph beside its picture, they glue
    "Jane Roe/REUTERS" to the story's first sentence. Only short ones: a caption's worth of text,
    never a block of the page whose class merely mentions captions ("story has-caption")."""
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        classes = set(_CLASS_WORD.findall((element.get("class") or "").lower()))
        credit = classes & _CREDIT_CLASSES or ("source" in classes and _beside_picture(element))
        if credit and len(element.text_content()) <= _PICTURE_BOX_CHARS:
            _remove(element)


def _beside_picture(element: Any) -> bool:
    """True when ``element``'s parent is a picture's box: it holds an image and little text (a
    caption's worth, not a story's)."""
    box = element.getparent()
    return len(box.text_content()) <= _PICTURE_BOX_CHARS and next(box.iter("img"), None) is not None


def _unglue(tree: Any) -> None:
    """A line break around every block element, which the page's layout puts on a line of its own."""
    for element in tree.iter(*BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + "\n"
        elif (parent := element.getparent()) is not None:
            parent.text = (parent.text or "") + "\n"


def _extract(tree: Any, name: str, *, precise: bool = True) -> Any:
    import trafilatura
    from trafilatura.settings import set_date_params

    # Without htmldate's extensive search: it runs dateparser in every language over the page's free
    # text (28 s on one 1.3 KB page the fuzz suite built) and its guesses are a copyright year as often
    # as a publication date. The page's own metadata (JSON-LD, OpenGraph, <meta>) is still read.
    dates = set_date_params(extensive=False)
    with warnings.catch_warnings():  # dateutil warns about zones it cannot name; the library never prints
        warnings.simplefilter("ignore")
        try:
            return trafilatura.bare_extraction(
                tree,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                favor_precision=precise,
                date_extraction_params=dates,
            )
        except (RecursionError, ValueError, TypeError, AttributeError) as error:
            raise InputError(f"could not parse the HTML ({type(error).__name__})", path=name) from None


def _article_text(body: Any) -> tuple[str, list[str]]:
    """The text of trafilatura's body without furniture paragraphs and lines, and the bylines."""
    from trafilatura.xml import xmltotxt

    if body is None:
        return "", []
    bylines: list[str] = []
    for element in list(body.iter(*_PARAGRAPHS)):
        words = " ".join("".join(element.itertext()).split())
        kind = furniture.kind_of(words)
        if kind is not None and element.getparent() is not None:
            if kind == "byline":
                bylines.append(words)
            _remove(element)
    text, more = _without_furniture_lines(xmltotxt(body, include_formatting=False))
    return text, [*bylines, *more]


def _without_furniture_lines(text: str) -> tuple[str, list[str]]:
    kept: list[str] = []
    bylines: list[str] = []
    for raw in text.splitlines():
        line = furniture.cut_inline(raw)
        kind = furniture.kind_of(line)
        if kind == "byline":
            bylines.append(line.strip())
        elif line.strip() and kind is None:
            kept.append(line)
        elif not raw.strip() and kept and kept[-1]:  # one blank line between paragraphs; a line that
            kept.append("")  # was only a marker goes
    return "\n".join(kept).strip("\n"), bylines


def _remove(element: Any) -> None:
    """Take ``element`` out of its tree, keeping the text that follows it."""
    parent = element.getparent()
    tail = element.tail or ""
    previous = element.getprevious()
    if tail.strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _fields(result: Any) -> dict[str, Any]:
    """trafilatura's guesses: title, date, sitename, hostname, author, url."""
    if result is None:
        return {}
    keys = ("title", "date", "sitename", "hostname", "author", "url")
    if isinstance(result, dict):
        return {key: result.get(key) for key in keys}
    return {key: getattr(result, key, None) for key in keys}
