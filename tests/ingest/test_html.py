"""HTML pages: the article's prose, title and date; a page without prose is an error."""

from __future__ import annotations

from datetime import date

import pytest

from detente.ingest import IngestError, document_from_html
from detente.ingest.html import extract_html

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Envoys agree to meet again | The Daily Ledger</title>
<meta property="og:title" content="Envoys agree to meet again">
<meta name="date" content="2024-05-02">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
<main><article>
<h1>Envoys agree to meet again</h1>
<p>Negotiators from both sides met in Doha on Tuesday and agreed to keep talking about a ceasefire, officials said.</p>
<figure><img src="a.jpg"><figcaption>Envoys at the table. Jane Roe/AFP via Getty Images</figcaption></figure>
<p>The mediators said a second round would follow next week. Neither delegation commented.</p>
<h2>What comes next</h2>
<p>Both governments want a deal before the summer, but the gaps remain wide.</p>
<div class="ad">Advertisement</div>
<p>A spokesman for the foreign ministry said the country was \u201cready to listen\u201d.</p>
<div class="share"><a href="#">Share on Facebook</a></div>
</article>
<aside><h3>Related stories</h3><ul><li><a href="/x">Markets rally after the vote</a></li></ul></aside>
<section id="comments"><h3>Comments</h3><div class="comment"><p>Great article, thanks for sharing it.</p></div></section>
</main><footer><p>\u00a9 2024 The Daily Ledger. All rights reserved.</p></footer>
</body></html>"""


def test_extract_html_keeps_the_prose_one_paragraph_a_line():
    text, title, published = extract_html(PAGE)
    assert title == "Envoys agree to meet again"
    assert published == date(2024, 5, 2)
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Envoys agree to meet again"
    assert "What comes next" in paragraphs
    assert paragraphs[-1] == "A spokesman for the foreign ministry said the country was \u201cready to listen\u201d."
    for noise in ("Home", "Related stories", "Great article", "All rights reserved", "Share on", "Advertisement"):
        assert noise not in text


def test_a_heading_stays_its_own_paragraph():
    document = document_from_html(PAGE)
    assert "\n\nWhat comes next\n\nBoth governments" in document.text
    start = document.text.index("Both governments")
    begin, end = document.original_span(start, start + len("Both governments"))
    assert document.original[begin:end] == "Both governments"


def test_explicit_date_and_title_win():
    document = document_from_html(PAGE, date=date(2024, 6, 1), title="Mine", url="https://example.org/a", source="p")
    assert (document.date, document.title, document.url, document.source) == (
        date(2024, 6, 1),
        "Mine",
        "https://example.org/a",
        "p",
    )


def test_a_page_without_dates_has_none():
    text, _, published = extract_html(
        "<html><body><article><p>The envoys met in Doha and agreed to meet again next week.</p></article></body></html>"
    )
    assert text == "The envoys met in Doha and agreed to meet again next week."
    assert published is None


@pytest.mark.parametrize(
    "page",
    [
        "",
        "<html><body></body></html>",
        '<html><body><div class="menu"><a href="/">Home</a> <a href="/w">World</a></div></body></html>',
    ],
)
def test_a_page_without_prose_is_an_error(page):
    with pytest.raises(IngestError, match=r"^page\.html: no article text found in the HTML; give the page"):
        document_from_html(page, source="page.html")
