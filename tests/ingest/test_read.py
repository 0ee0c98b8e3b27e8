"""Reading articles from strings, files, folders and JSON lines; every bad input is one clear error."""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.ingest import (
    MAX_DOCUMENT_BYTES,
    IngestError,
    document_from_text,
    parse_date,
    read_paths,
)
from detente.ingest.markdown import strip_markdown
from detente.ingest.normalize import fold_characters
from detente.ingest.read import document_from_markdown

ARTICLE = "The envoys met in Doha on Tuesday.\nAdvertisement\nThey agreed to meet again next week.\n"
PAGE = (
    "<html><head><title>Envoys meet | Daily</title>"
    '<meta property="article:published_time" content="2024-05-02T09:00:00Z"></head><body>'
    "<nav>Home World Sport</nav><article><h1>Envoys meet in Doha</h1>"
    "<p>Negotiators from both sides met in Doha on Tuesday and agreed to keep talking about a ceasefire.</p>"
    "<p>The mediators said a second round would follow next week, according to two officials.</p>"
    "</article><footer>All rights reserved</footer></body></html>"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def error_of(paths, **options) -> str:
    with pytest.raises(IngestError) as caught:
        read_paths(paths, **options)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_document_from_text():
    document = document_from_text(ARTICLE, date=date(2024, 5, 2), title="Talks", url="https://example.org/a")
    assert document.text == "The envoys met in Doha on Tuesday.\n\nThey agreed to meet again next week."
    assert document.doc_id == hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    assert document.original == ARTICLE
    assert (document.date, document.title, document.url, document.source) == (
        date(2024, 5, 2),
        "Talks",
        "https://example.org/a",
        "<text>",
    )
    start = document.text.index("They")
    begin, end = document.original_span(start, start + len("They agreed"))
    assert ARTICLE[begin:end] == "They agreed"


def test_the_same_article_read_twice_has_the_same_id():
    assert document_from_text(ARTICLE).doc_id == document_from_text(ARTICLE.replace("\n", "\r\n")).doc_id


def test_document_from_text_refuses_empty_and_boilerplate_only():
    with pytest.raises(IngestError, match=r"^memo: empty"):
        document_from_text(" \n\t", source="memo")
    with pytest.raises(IngestError, match=r"^<text>: no article text left"):
        document_from_text("Advertisement\nSponsored\n")


def test_parse_date():
    assert parse_date(" 2021-08-19 ", "--date") == date(2021, 8, 19)
    for bad in ("19/08/2021", "2021-02-30", "20210819", "yesterday", ""):
        with pytest.raises(IngestError, match=r"^--date: .* is not a date; use YYYY-MM-DD"):
            parse_date(bad, "--date")


def test_read_text_markdown_and_html_files(tmp_path):
    text = write(tmp_path / "a.txt", ARTICLE)
    markdown = write(
        tmp_path / "b.md",
        "# Envoys meet\n\nThe **envoys** met in [Doha](https://example.org/doha) on _Tuesday_.\n"
        "![A photo](photo.jpg)\n\n> They agreed to *meet again*.\n",
    )
    page = write(tmp_path / "c.HTML", PAGE)
    documents = read_paths([text, markdown, page], date=date(2024, 5, 3), title="Given")
    assert [document.source for document in documents] == [str(text), str(markdown), str(page)]
    assert all(document.date == date(2024, 5, 3) and document.title == "Given" for document in documents)
    md = documents[1]
    assert md.text == "Envoys meet\n\nThe envoys met in Doha on Tuesday.\n\nThey agreed to meet again."
    original = md.original
    for phrase in ("Envoys meet", "Doha", "Tuesday", "meet again"):
        start = md.text.index(phrase)
        begin, end = md.original_span(start, start + len(phrase))
        assert original[begin:end] == phrase
    start = md.text.index("envoys met in Doha")
    begin, end = md.original_span(start, start + len("envoys met in Doha"))
    assert original[begin:end] == "envoys** met in [Doha"


def test_markdown_syntax_is_deleted_and_plain_words_kept():
    document = document_from_markdown(
        "## Talks *resume* ##\n\n* The [envoys][1] met; see `the_memo` and snake_case_names.\n"
        "* ~~Old~~ **new** dates: 2 * 3 = 6.\n\n---\n\n[1]: https://example.org/envoys\n"
    )
    assert document.text == (
        "Talks resume\n\nThe envoys met; see the_memo and snake_case_names.\n\nOld new dates: 2 * 3 = 6."
    )


MARKDOWN_TOKENS = st.sampled_from(
    ["Talks", " ", "\n", "\n\n", "# ", "## ", "*", "**", "_", "`", "[", "]", "(", ")", "(x.org)", "> ", "- ", "!", "."]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKDOWN_TOKENS, max_size=30).map("".join))
def test_markdown_offsets_point_at_the_same_characters(markdown):
    plain, offsets = strip_markdown(markdown)
    for index, char in enumerate(plain):
        assert markdown[offsets.to_original(index)] == char


def test_a_folder_is_read_recursively_in_order(tmp_path):
    write(tmp_path / "b.txt", "Second article about the talks.")
    write(tmp_path / "a" / "z.md", "First article about the talks.")
    write(tmp_path / "notes.pdf", "not an article")
    write(tmp_path / ".hidden" / "c.txt", "A hidden file.")
    write(tmp_path / "c.jsonl", json.dumps({"text": "Third article about the talks."}) + "\n")
    documents = read_paths([tmp_path])
    assert [document.text for document in documents] == [
        "First article about the talks.",
        "Second article about the talks.",
        "Third article about the talks.",
    ]


def test_jsonl(tmp_path):
    lines = [
        {"text": "The envoys met in Doha.", "date": "2024-05-02", "title": "Talks", "url": "https://example.org/1"},
        {},
        {"html": PAGE, "title": None},
    ]
    path = write(tmp_path / "batch.jsonl", "\ufeff" + "\n".join("" if not line else json.dumps(line) for line in lines))
    first, second = read_paths([path])
    assert (first.text, first.date, first.title, first.url, first.source) == (
        "The envoys met in Doha.",
        date(2024, 5, 2),
        "Talks",
        "https://example.org/1",
        f"{path}:1",
    )
    assert second.source == f"{path}:3" and second.date == date(2024, 5, 2) and "Negotiators" in second.text
    overridden = read_paths([path], date=date(2025, 1, 1), title="Batch")
    assert all(document.date == date(2025, 1, 1) and document.title == "Batch" for document in overridden)


def test_missing_path_and_unknown_type(tmp_path):
    assert error_of([tmp_path / "nope.txt"]) == f"{tmp_path / 'nope.txt'}: no such file or directory; check the path"
    pdf = write(tmp_path / "x.pdf", "text")
    assert error_of([pdf]).startswith(f"{pdf}: unknown file type '.pdf'; give a .txt")
    bare = write(tmp_path / "README", "text")
    assert "(no extension)" in error_of([bare])


def test_empty_and_white_space_files(tmp_path):
    assert error_of([write(tmp_path / "e.txt", "")]).startswith(f"{tmp_path / 'e.txt'}: empty file")
    assert error_of([write(tmp_path / "w.txt", " \n\u00a0\n")]).startswith(f"{tmp_path / 'w.txt'}: empty")
    assert error_of([write(tmp_path / "e.jsonl", "")]).startswith(f"{tmp_path / 'e.jsonl'}: empty file")
    assert error_of([write(tmp_path / "b.jsonl", "\n  \n")]).startswith(f"{tmp_path / 'b.jsonl'}: no articles")


def test_binary_files(tmp_path):
    nul = write(tmp_path / "x.txt", b"Talks began \x00\x01 in Doha")
    assert error_of([nul]) == (
        f"{nul}: not text (binary data at byte 12); give a .txt, .md, .html, .htm or .jsonl article"
    )
    controls = write(tmp_path / "y.txt", b"ab" + bytes(range(1, 9)) * 4)
    assert "not text (binary data at byte 2)" in error_of([controls])
    utf16 = write(tmp_path / "z.txt", "Talks".encode("utf-16"))
    assert error_of([utf16]) == f"{utf16}: UTF-16 text; save the file as UTF-8"


def test_invalid_utf8_is_refused_not_guessed(tmp_path):
    latin1 = write(tmp_path / "l.txt", "Talks in Doha, caf\u00e9 owners said.".encode("latin-1"))
    assert error_of([latin1]) == f"{latin1}: not valid UTF-8 (byte 0xE9 at offset 18); save the file as UTF-8"
    bom = write(tmp_path / "bom.txt", b"\xef\xbb\xbfTalks \xff")
    assert "(byte 0xFF at offset 9)" in error_of([bom])
    [document] = read_paths([write(tmp_path / "ok.txt", b"\xef\xbb\xbfTalks in Doha.")])
    assert document.original == "Talks in Doha."


def test_too_large_is_refused_without_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        stream.truncate(MAX_DOCUMENT_BYTES + 1)  # sparse: stat says the size, nothing is written
    os.chmod(big, 0o200)  # not readable: the size check must come from stat alone
    message = error_of([big])
    assert message == (
        f"{big}: file is {MAX_DOCUMENT_BYTES + 1:,} bytes, over the limit of {MAX_DOCUMENT_BYTES:,} bytes "
        "(10 MB); split it into smaller articles"
    )


def test_jsonl_line_errors(tmp_path):
    cases = {
        '{"text": "a" "b"}': "bad JSON (Expecting ',' delimiter at column 14); write one JSON object per line",
        '["The envoys met."]': 'expected a JSON object with "text" or "html", got a list',
        '{"title": "Talks"}': 'no "text" or "html" field; give the article as "text" (plain) or "html" (a page)',
        '{"text": 42}': 'field "text" must be a string, got a number',
        '{"text": "Talks.", "title": ["a"]}': 'field "title" must be a string, got a list',
        '{"text": "Talks.", "date": "Aug 19"}': "date: 'Aug 19' is not a date; use YYYY-MM-DD, e.g. 2021-08-19",
        '{"text": "Talks.", "html": "<p>Talks.</p>"}': 'both "text" and "html" given; give only one',
        '{"text": "  "}': "empty (only white space); give an article with text",
        '{"html": "<html><body></body></html>"}': "no article text found in the HTML",
    }
    for number, (line, expected) in enumerate(cases.items()):
        path = write(tmp_path / f"case{number}.jsonl", json.dumps({"text": "The envoys met."}) + "\n" + line + "\n")
        message = error_of([path])
        assert message.startswith(f"{path}:2: {expected}"), message


def test_jsonl_bad_bytes_name_the_line(tmp_path):
    path = write(tmp_path / "bytes.jsonl", b'{"text": "The envoys met."}\n{"text": "caf\xe9"}\n')
    assert error_of([path]) == f"{path}:2: not valid UTF-8 (byte 0xE9 at offset 41); save the file as UTF-8"
    nul = write(tmp_path / "nul.jsonl", b'{"text": "The envoys met."}\n\x00\x00\n')
    assert error_of([nul]).startswith(f"{nul}:2: not text (binary data at byte 28)")


def test_a_folder_without_articles(tmp_path):
    write(tmp_path / "notes.pdf", "not an article")
    assert error_of([tmp_path]).startswith(f"{tmp_path}: no .txt, .md, .html, .htm or .jsonl files in this folder")


def test_one_bad_input_fails_the_whole_list(tmp_path):
    good = write(tmp_path / "good.txt", "The envoys met in Doha.")
    assert error_of([good, tmp_path / "missing.txt"]).startswith(f"{tmp_path / 'missing.txt'}: no such file")


def test_the_real_scraped_example(shared_example):
    article, _ = shared_example
    [document] = read_paths([article], date=date(2021, 8, 19))
    text = document.text
    lines = text.split("\n")
    assert "Advertisement" not in lines and "Getty Images" not in text
    assert lines[0] != "The World" and not text.startswith("The World")
    assert "reassured once again" in text and "\u0441" not in text
    assert "\u00a0" not in text and "  " not in text
    assert "Russian-U.S. relations" in text
    chunks = [match for match in re.finditer(r"[^\n]+?(?:[.?!](?=\s)|$)", text, re.MULTILINE) if match.group().strip()]
    assert len(chunks) > 40
    for chunk in chunks:
        start = chunk.start() + len(chunk.group()) - len(chunk.group().lstrip())
        begin, end = document.original_span(start, chunk.end())
        source = fold_characters(" ".join(unicodedata.normalize("NFKC", document.original[begin:end]).split()))
        assert source == chunk.group().strip(), (chunk.group(), document.original[begin:end])
