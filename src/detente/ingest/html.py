"""HTML page → the article's text, title and publication date, via trafilatura."""

from __future__ import annotations

from datetime import date

import trafilatura

from detente.ingest.errors import IngestError


def extract_html(html: str) -> tuple[str, str | None, date | None]:
    """The main text of a page (one paragraph a line, blank lines between), its title and date.

    Comments, tables, navigation and ad slots are left out (favouring precision):
    they are not the article's prose, and the event coder reads prose.
    """
    result = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, favor_precision=True, with_metadata=True
    )
    text = result.text if result is not None else None
    if not text or not text.strip():
        raise IngestError("no article text found in the HTML; give the page of a single article")
    paragraphs = [line for line in text.split("\n") if line.strip()]
    return "\n\n".join(paragraphs), result.title or None, _date(result.date)


def _date(value: str | None) -> date | None:
    """trafilatura's date (ISO, possibly with a time); None when absent or unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
