"""Files and strings → Documents, refusing anything that is not an article we can read.

Every problem is raised as one IngestError naming the input (``path`` or
``path:LINE``), what is wrong and what to do, before any document is returned,
so callers never store half a batch.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from datetime import date as Date
from pathlib import Path

from detente.model import Document, OffsetMap
from detente.ingest.clean import clean_text
from detente.ingest.errors import IngestError
from detente.ingest.html import extract_html
from detente.ingest.markdown import strip_markdown
from detente.ingest.offsets import chain

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
_GIVE = "give a .txt, .md, .html, .htm or .jsonl article"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_CONTROL = re.compile(b"[" + re.escape(_CONTROL_BYTES) + b"]")
# More control bytes than this share of the file and it is not text.
_MAX_CONTROL_SHARE = 0.3
_JSON_TYPES = {dict: "an object", list: "a list", bool: "true/false", int: "a number", float: "a number"}


def parse_date(value: str, what: str) -> Date:
    """A YYYY-MM-DD date; ``what`` names where it came from in the error."""
    text = value.strip()
    if _ISO_DATE.fullmatch(text):
        try:
            return Date.fromisoformat(text)
        except ValueError:
            pass
    raise IngestError(f"{what}: {value!r} is not a date; use YYYY-MM-DD, e.g. 2021-08-19")


def document_from_text(
    text: str,
    *,
    date: Date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str = "<text>",
) -> Document:
    """A Document from an article's plain text (scraped boilerplate is cleaned away)."""
    clean, offsets = clean_text(text)
    return _document(source, text, clean, offsets, date, title, url)


def document_from_html(
    html: str,
    *,
    date: Date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str = "<html>",
) -> Document:
    """A Document from an article's HTML page; explicit ``date``/``title`` win over the page's."""
    try:
        text, found_title, found_date = extract_html(html)
    except IngestError as error:
        raise IngestError(f"{source}: {error}") from None
    clean, offsets = clean_text(text)
    return _document(source, text, clean, offsets, date or found_date, title or found_title, url)


def document_from_markdown(
    markdown: str,
    *,
    date: Date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str = "<markdown>",
) -> Document:
    """A Document from a markdown article: markup is deleted, offsets point into the markdown."""
    plain, to_markdown = strip_markdown(markdown)
    clean, to_plain = clean_text(plain)
    return _document(source, markdown, clean, chain(to_plain, len(clean), to_markdown), date, title, url)


def _document(
    source: str,
    original: str,
    clean: str,
    offsets: OffsetMap,
    date: Date | None,
    title: str | None,
    url: str | None,
) -> Document:
    if not clean:
        if original.strip():
            raise IngestError(
                f"{source}: no article text left after removing ads, captions and labels; give the article's text"
            )
        raise IngestError(f"{source}: empty (only white space); give an article with text")
    doc_id = hashlib.sha256(clean.encode("utf-8")).hexdigest()
    return Document(doc_id, clean, original, offsets, date, title, url, source)


def read_paths(paths: Sequence[Path], *, date: Date | None = None, title: str | None = None) -> list[Document]:
    """Every article in ``paths`` (files or folders); ``date``/``title`` apply to each one.

    Raises IngestError on the first bad input, before returning anything.
    """
    documents: list[Document] = []
    for path in paths:
        for file in _article_files(Path(path)):
            documents.extend(_read_file(file, date, title))
    return documents


def _article_files(path: Path) -> list[Path]:
    """The file itself, or a folder's article files (recursively, sorted, hidden ones skipped)."""
    if not path.exists():
        raise IngestError(f"{path}: no such file or directory; check the path")
    if not path.is_dir():
        return [path]
    files = sorted(
        file
        for file in path.rglob("*")
        if file.is_file()
        and file.suffix.lower() in _SUFFIXES
        and not any(part.startswith(".") for part in file.relative_to(path).parts)
    )
    if not files:
        raise IngestError(
            f"{path}: no .txt, .md, .html, .htm or .jsonl files in this folder; {_GIVE} or a folder of them"
        )
    return files


def _read_file(path: Path, date: Date | None, title: str | None) -> list[Document]:
    suffix = path.suffix.lower()
    if suffix not in _SUFFIXES:
        raise IngestError(f"{path}: unknown file type {suffix or '(no extension)'!r}; {_GIVE}")
    if suffix == ".jsonl":
        return _read_jsonl(path, date, title)
    size = _size(path)
    if size > MAX_DOCUMENT_BYTES:
        raise IngestError(
            f"{path}: file is {size:,} bytes, over the limit of {MAX_DOCUMENT_BYTES:,} bytes (10 MB); "
            "split it into smaller articles"
        )
    text = _decode(_read_bytes(path), str(path), 0)
    read = {".md": document_from_markdown, ".html": document_from_html, ".htm": document_from_html}
    return [read.get(suffix, document_from_text)(text, date=date, title=title, source=str(path))]


def _read_jsonl(path: Path, date: Date | None, title: str | None) -> list[Document]:
    """One article a line; blank lines are skipped."""
    if _size(path) == 0:
        raise IngestError(f"{path}: empty file; put one JSON object per line, with \"text\" or \"html\"")
    documents = []
    for number, offset, line in _lines(path):
        where = f"{path}:{number}"
        if len(line) > MAX_DOCUMENT_BYTES:
            raise IngestError(
                f"{where}: article is {len(line):,} bytes, over the limit of {MAX_DOCUMENT_BYTES:,} bytes (10 MB); "
                "split it into smaller articles"
            )
        text = _decode(line, where, offset, bom=number == 1)
        if text.strip():
            documents.append(_jsonl_document(text, where, date, title))
    if not documents:
        raise IngestError(f"{path}: no articles (every line is blank); put one JSON object per line")
    return documents


def _lines(path: Path) -> Iterator[tuple[int, int, bytes]]:
    """Each line of a file with its number and byte offset, read one at a time."""
    offset = 0
    try:
        with path.open("rb") as stream:
            for number, line in enumerate(stream, start=1):
                yield number, offset, line
                offset += len(line)
    except OSError as error:
        raise IngestError(f"{path}: cannot be read ({error.strerror}); check its permissions") from None


def _jsonl_document(line: str, where: str, date: Date | None, title: str | None) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise IngestError(
            f"{where}: bad JSON ({error.msg} at column {error.colno}); write one JSON object per line"
        ) from None
    if not isinstance(record, dict):
        raise IngestError(f'{where}: expected a JSON object with "text" or "html", got {_json_type(record)}')
    for field in ("text", "html", "date", "title", "url"):
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            raise IngestError(f'{where}: field "{field}" must be a string, got {_json_type(value)}')
    text, html = record.get("text"), record.get("html")
    if text is None and html is None:
        raise IngestError(f'{where}: no "text" or "html" field; give the article as "text" (plain) or "html" (a page)')
    if text is not None and html is not None:
        raise IngestError(f'{where}: both "text" and "html" given; give only one')
    found_date = parse_date(record["date"], f"{where}: date") if record.get("date") is not None else None
    read = document_from_html if html is not None else document_from_text
    return read(
        html if html is not None else text,
        date=date or found_date,
        title=title or record.get("title"),
        url=record.get("url"),
        source=where,
    )


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as error:
        raise IngestError(f"{path}: cannot be read ({error.strerror}); check the path and its permissions") from None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise IngestError(f"{path}: cannot be read ({error.strerror}); check the path and its permissions") from None


def _decode(data: bytes, where: str, offset: int, *, bom: bool = True) -> str:
    """UTF-8 text (a leading BOM allowed), or an error saying where the bytes go wrong.

    Other encodings are refused rather than guessed: a wrong guess silently
    garbles names, and names are what the event coder matches.
    """
    if not data:
        raise IngestError(f"{where}: empty file; give an article with text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(f"{where}: UTF-16 text; save the file as UTF-8")
    nul = data.find(b"\x00")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if nul >= 0 or controls > _MAX_CONTROL_SHARE * len(data):
        first = nul if nul >= 0 else _CONTROL.search(data).start()
        raise IngestError(f"{where}: not text (binary data at byte {offset + first}); {_GIVE}")
    skip = len(codecs.BOM_UTF8) if bom and data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as error:
        at = skip + error.start
        raise IngestError(
            f"{where}: not valid UTF-8 (byte 0x{data[at]:02X} at offset {offset + at}); save the file as UTF-8"
        ) from None
