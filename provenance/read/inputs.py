"""Inputs before they are articles: paths, folders and stdin, their size limits, and what a file is.

Every command that takes files goes through here, so that a PDF, an image or a web address gets the
same one-line advice everywhere, and the same limits hold for `audit`, `ingest` and the imports.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from attrs import frozen

from ..errors import InputError

MAX_BYTES = 10 * 1024 * 1024
"""Default largest single article or provenance file read whole; larger inputs are refused, not
truncated. Analysis costs about 4.5 s of CPU and 110 MB of memory per MB of text, so the default
keeps one article under a minute; `Limits` (``--max-size``, ``[limits]`` in the config) changes it."""

MAX_LINE_BYTES = 10 * 1024 * 1024
"""Default largest single record in a ``.jsonl`` corpus (corpora themselves are streamed)."""


@frozen
class Limits:
    """How large an input may be before it is refused with a message instead of read."""

    article_bytes: int = MAX_BYTES
    """One article, page or provenance file, read whole (stdin too)."""
    record_bytes: int = MAX_LINE_BYTES
    """One line of a ``.jsonl`` corpus."""

    def too_large(self) -> str:
        """Why an article is refused, naming the limit and how to change it."""
        return f"larger than the {size_text(self.article_bytes)} limit for one article (--max-size)"

    def record_too_large(self) -> str:
        """Why a corpus record is refused."""
        return f"record larger than the {size_text(self.record_bytes)} limit (--max-size)"


DEFAULT_LIMITS = Limits()
"""The limits when neither the command line nor the config sets any."""

_UNITS = {
    "": 1,
    "b": 1,
    "kb": 1000,
    "kib": 1024,
    "mb": 1000**2,
    "mib": 1024**2,
    "gb": 1000**3,
    "gib": 1024**3,
    "k": 1024,
    "m": 1024**2,
    "g": 1024**3,
}
"""Size units: SI (KB = 1000) and binary (KiB = 1024); a bare K, M, G is binary, as in ``du -h``."""
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", re.IGNORECASE)


def parse_size(text: str) -> int:
    """Bytes from a size people write: ``"10 MiB"``, ``"500KB"``, ``"2000000"``; `InputError` else."""
    match = _SIZE.fullmatch(text)
    unit = match.group(2).lower() if match else ""
    if match is None or unit not in _UNITS:
        raise InputError(f"not a size: {text!r} (write e.g. 10MiB, 500KB or a number of bytes)")
    size = int(float(match.group(1)) * _UNITS[unit])
    if size < 1:
        raise InputError(f"not a size: {text!r} (it must be at least one byte)")
    return size


def size_text(size: int) -> str:
    """A byte count as people read it: "10 MiB", "500 KiB", "300 bytes"."""
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"


TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PROVENANCE_SUFFIXES = frozenset({".json", ".yaml", ".yml"})
CORPUS_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PROVENANCE_SUFFIXES | CORPUS_SUFFIXES
"""Every extension an article or provenance file may have; folders are walked for these."""

_SAVE = "save the article as HTML or text"
_UNPACK = "unpack it and name the articles in it"
_KINDS_BY_SUFFIX = {
    ".pdf": ("a PDF file", _SAVE),
    ".doc": ("a Word document", _SAVE),
    ".docx": ("a Word document", _SAVE),
    ".odt": ("an OpenDocument text", _SAVE),
    ".rtf": ("an RTF document", _SAVE),
    ".pages": ("a Pages document", _SAVE),
    ".epub": ("an e-book (EPUB)", _SAVE),
    ".xls": ("a spreadsheet", _SAVE),
    ".xlsx": ("a spreadsheet", _SAVE),
    ".ods": ("a spreadsheet", _SAVE),
    ".ppt": ("a presentation", _SAVE),
    ".pptx": ("a presentation", _SAVE),
    ".mht": ("a web archive (MHTML)", "save the page as 'Web Page, HTML only'"),
    ".mhtml": ("a web archive (MHTML)", "save the page as 'Web Page, HTML only'"),
    ".webarchive": ("a Safari web archive", "save the page as 'Page Source' (HTML)"),
    ".png": ("an image (PNG)", _SAVE),
    ".jpg": ("an image (JPEG)", _SAVE),
    ".jpeg": ("an image (JPEG)", _SAVE),
    ".gif": ("an image (GIF)", _SAVE),
    ".webp": ("an image (WebP)", _SAVE),
    ".tif": ("an image (TIFF)", _SAVE),
    ".tiff": ("an image (TIFF)", _SAVE),
    ".bmp": ("an image (BMP)", _SAVE),
    ".heic": ("an image (HEIC)", _SAVE),
    ".svg": ("an image (SVG)", _SAVE),
    ".zip": ("a ZIP archive", _UNPACK),
    ".gz": ("a gzip-compressed file", _UNPACK),
    ".tgz": ("a gzip-compressed archive", _UNPACK),
    ".tar": ("a tar archive", _UNPACK),
    ".bz2": ("a bzip2-compressed file", _UNPACK),
    ".xz": ("an xz-compressed file", _UNPACK),
    ".zst": ("a zstd-compressed file", _UNPACK),
    ".7z": ("a 7-Zip archive", _UNPACK),
    ".rar": ("a RAR archive", _UNPACK),
    ".db": ("an SQLite database", "a provenance database is read with --db"),
    ".sqlite": ("an SQLite database", "a provenance database is read with --db"),
    ".mp3": ("an audio file", _SAVE),
    ".mp4": ("a video", _SAVE),
    ".mov": ("a video", _SAVE),
}
_URL = re.compile(r"(?:[a-z][a-z0-9+.-]+:/{1,2}|www\.)\S+", re.IGNORECASE)  # Path() makes // one /
_HEAD = 4096
"""Bytes read from the start of a file to tell what it is."""


@frozen
class Input:
    """The bytes of one input: a whole file, or one line of a corpus (``suffix`` None)."""

    name: str
    """The file's name as given, "<stdin>", or "corpus.jsonl:12" for a corpus line."""
    data: bytes
    suffix: str | None
    """The file's extension in lowercase; "" when the format is to be sniffed (stdin)."""


@frozen
class Failure:
    """An input that could not be read, and why; the user named it, so the run is not ok."""

    name: str
    reason: str


@frozen
class Skipped:
    """A file found in a folder that is no article (a PDF, an image), and what it is."""

    name: str
    reason: str


def kind_of(data: bytes, suffix: str = "") -> str | None:
    """What a file that no reader understands is, with advice, from its first bytes and then its
    extension ("a PDF file; save the article as HTML or text"); None for anything that may be text."""
    found = _sniff_binary(data, suffix.lower())
    if found is None and not data.strip():
        found = _KINDS_BY_SUFFIX.get(suffix.lower())  # an empty "story.pdf" is still no article
    return f"{found[0]}; {found[1]}" if found else None


def _sniff_binary(data: bytes, suffix: str) -> tuple[str, str] | None:
    head = data[:_HEAD]
    if head.lstrip().startswith(b"%PDF-"):
        return _KINDS_BY_SUFFIX[".pdf"]
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: the Office formats before 2007
        return _KINDS_BY_SUFFIX.get(suffix, _KINDS_BY_SUFFIX[".doc"])
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data, suffix)
    if head.startswith(b"{\\rtf"):
        return _KINDS_BY_SUFFIX[".rtf"]
    if head.startswith(b"SQLite format 3\x00"):
        return _KINDS_BY_SUFFIX[".db"]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return _KINDS_BY_SUFFIX[kind]
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _KINDS_BY_SUFFIX[".webp"]
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return (
            _KINDS_BY_SUFFIX[".heic"]
            if brand in {b"heic", b"heix", b"mif1", b"avif"}
            else _KINDS_BY_SUFFIX[".mp4"]
        )
    if head[257:262] == b"ustar":
        return _KINDS_BY_SUFFIX[".tar"]
    if head.startswith(b"BZh") and head[4:10] == b"1AY&SY":
        return _KINDS_BY_SUFFIX[".bz2"]
    if head.startswith(b"MIME-Version:") and suffix in {".mht", ".mhtml", ""}:
        return _KINDS_BY_SUFFIX[".mht"]
    if head.startswith(b"bplist00") and suffix == ".webarchive":
        return _KINDS_BY_SUFFIX[".webarchive"]
    return None


_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
    (b"II*\x00", ".tif"),
    (b"MM\x00*", ".tif"),
    (b"\x1f\x8b", ".gz"),
    (b"\xfd7zXZ\x00", ".xz"),
    (b"\x28\xb5\x2f\xfd", ".zst"),
    (b"7z\xbc\xaf\x27\x1c", ".7z"),
    (b"Rar!\x1a\x07", ".rar"),
    (b"ID3", ".mp3"),
)


def _zip_kind(data: bytes, suffix: str) -> tuple[str, str]:
    """Which of the formats that are ZIP files inside this one is."""
    if b"mimetypeapplication/epub+zip" in data[:_HEAD]:
        return _KINDS_BY_SUFFIX[".epub"]
    if b"mimetypeapplication/vnd.oasis.opendocument.text" in data[:_HEAD]:
        return _KINDS_BY_SUFFIX[".odt"]
    if b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet" in data[:_HEAD]:
        return _KINDS_BY_SUFFIX[".ods"]
    for marker, kind in ((b"word/", ".docx"), (b"xl/", ".xlsx"), (b"ppt/", ".pptx")):
        if marker in data:  # the entry names stand in the central directory at the end
            return _KINDS_BY_SUFFIX[kind]
    return _KINDS_BY_SUFFIX.get(suffix, _KINDS_BY_SUFFIX[".zip"])


def refuse_unreadable(data: bytes, name: str, suffix: str = "") -> None:
    """Raise `InputError` with advice when ``data`` is a PDF, an image, an archive or the like."""
    kind = kind_of(data, suffix)
    if kind:
        raise InputError(kind, path=name)


def is_url(name: str) -> bool:
    """True for a web address ("https://...", "www...."), which is no file to read."""
    return bool(_URL.fullmatch(name))


def refuse_url(name: str) -> None:
    """Raise `InputError` with advice when ``name`` is a web address rather than an existing file."""
    if is_url(name) and not Path(name).exists():
        raise InputError(
            "a web address, and provenance reads no network: save the page in your browser "
            "(Save Page As, HTML) and name the saved file",
            path=name,
        )


def read_limited(handle: BinaryIO, name: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """At most ``limits.article_bytes`` from ``handle``; `InputError` when there is more."""
    data = handle.read(limits.article_bytes + 1)
    if len(data) > limits.article_bytes:
        raise InputError(limits.too_large(), path=name)
    return data


def read_file(path: Path, name: str | None = None, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of one file read whole, within the limit and of a kind that may be text.

    `InputError` names the file: missing, unreadable, too large, or a PDF, image, archive, ...
    """
    name = name or str(path)
    refuse_url(name)
    data = _read_whole(path, name, limits)
    refuse_unreadable(data, name, path.suffix)
    return data


def _read_whole(path: Path, name: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    if path.is_dir():
        raise InputError("is a folder; name the files, or use 'provenance ingest' for folders", path=name)
    try:
        with path.open("rb") as handle:
            return read_limited(handle, name, limits)
    except OSError as error:
        raise InputError(error.strerror or str(error), path=name) from None


def open_corpus(path: Path) -> BinaryIO:
    """A ``.jsonl`` corpus opened for streaming, after a look at its first bytes."""
    name = str(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
    except OSError as error:
        raise InputError(error.strerror or str(error), path=name) from None
    refuse_unreadable(head, name, path.suffix)
    try:
        return path.open("rb")
    except OSError as error:
        raise InputError(error.strerror or str(error), path=name) from None


def walk(folder: Path, suffixes: Collection[str] | None = None) -> Iterator[Path]:
    """Visible files under ``folder`` (those ending in ``suffixes`` when given), in a stable order;
    hidden files and folders skipped."""
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for file in sorted(files):
            if not file.startswith(".") and (suffixes is None or Path(file).suffix.lower() in suffixes):
                yield Path(root, file)


def gather(
    paths: Sequence[Path | str], stdin: BinaryIO | None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Input | Failure | Skipped]:
    """Every input under ``paths`` ("-" is ``stdin``), one at a time and never raising.

    Named files are read whatever their extension; files found in folders are read when their
    extension is an article's, and reported as `Skipped` otherwise. Corpora come one line at a time,
    unparsed, so that the caller may hash them and parse them elsewhere.
    """
    for path in paths:
        name = str(path)
        if name == "-":
            yield from _stdin(stdin, limits)
            continue
        file = Path(path)
        if file.is_dir():
            for found in walk(file):
                yield from file_inputs(found, named=False, limits=limits)
        elif file.exists():
            yield from file_inputs(file, limits=limits)
        elif is_url(name):
            try:
                refuse_url(name)
            except InputError as error:
                yield Failure(name, error.message)
        else:
            yield Failure(name, "no such file or folder")


def count(paths: Sequence[Path | str]) -> int | None:
    """How many inputs `gather` gives: files, and the non-blank lines of corpora; None with stdin."""
    total = 0
    for path in paths:
        if str(path) == "-":
            return None
        file = Path(path)
        for found in walk(file) if file.is_dir() else [file]:
            total += _lines(found) if found.suffix.lower() in CORPUS_SUFFIXES else 1
    return total


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1


def file_inputs(
    path: Path, *, named: bool = True, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Input | Failure | Skipped]:
    """The inputs of one file: the file whole, or each line of a corpus; or why it cannot be read.

    A file found in a folder (``named`` False) that is no article is `Skipped`; one the user
    named is a `Failure`.
    """
    name = str(path)
    suffix = path.suffix.lower()
    if not named and suffix not in SUFFIXES:
        yield Skipped(name, _not_an_article(path, suffix))
        return
    try:
        if suffix in CORPUS_SUFFIXES:
            with path.open("rb") as handle:
                kind = kind_of(handle.read(_HEAD), suffix)
                if kind is None:
                    handle.seek(0)
                    yield from corpus_lines(handle, name, limits)
                    return
        else:
            data = _read_whole(path, name, limits)
            kind = kind_of(data, suffix)
    except OSError as error:
        yield Failure(name, error.strerror or str(error))
        return
    except InputError as error:
        yield Failure(name, error.message)
        return
    if kind:  # a PDF saved as .txt: as good as any other PDF found in a folder
        yield Failure(name, kind) if named else Skipped(name, kind)
    else:
        yield Input(name, data, suffix)


def _not_an_article(path: Path, suffix: str) -> str:
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
    except OSError as error:
        return error.strerror or str(error)
    kind = kind_of(head, suffix) or kind_of(b"", suffix)
    if kind:
        return kind
    known = ", ".join(sorted(SUFFIXES))
    what = f"a {suffix} file" if suffix else "a file without an extension"
    return f"{what}, not an article; articles end in {known}"


def corpus_lines(
    lines: Iterable[bytes], name: str, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Input | Failure]:
    """Each non-blank line of a corpus, unparsed: workers parse, the parent only hashes."""
    for number, raw in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if len(raw) > limits.record_bytes:
            yield Failure(where, limits.record_too_large())
        elif raw.strip():
            yield Input(where, raw, None)


def _stdin(stdin: BinaryIO | None, limits: Limits) -> Iterator[Input | Failure]:
    if stdin is None:
        yield Failure("-", "no standard input to read")
        return
    first = stdin.readline(limits.record_bytes + 1)
    second = stdin.readline(limits.record_bytes + 1) if _is_record(first) else b""
    if second.strip():  # two JSON lines: a corpus, streamed whatever its length
        yield from corpus_lines(itertools.chain([first, second], stdin), "<stdin>", limits)
        return
    data = first + second + stdin.read(limits.article_bytes + 1)
    kind = kind_of(data)
    if len(data) > limits.article_bytes:
        yield Failure("<stdin>", limits.too_large())
    elif kind:
        yield Failure("<stdin>", kind)
    else:
        yield Input("<stdin>", data, "")  # no suffix: the reader sniffs the format


def _is_record(line: bytes) -> bool:
    stripped = line.strip()
    return stripped.startswith(b"{") and stripped.endswith(b"}")
