"""The Python facade every front end uses: analyse articles, store them, query events."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Iterable, Iterator

from detente import nlp
from detente.events import extract_events
from detente.ingest import document_from_text, parse_date
from detente.model import Document, Event, Sentence
from detente.relations.summary import DyadSummary, summarize
from detente.store import Store

DEFAULT_DB = "detente.duckdb"

__all__ = [
    "Analysis",
    "DyadSummary",
    "analyze",
    "analyze_documents",
    "database_path",
    "event_to_dict",
    "open",
    "summarize",
]


@dataclass(frozen=True)
class Analysis:
    """What detente read in one document."""

    document: Document
    sentences: list[Sentence]
    events: list[Event]


def analyze(
    text: str,
    *,
    date: Date | str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> list[Event]:
    """The events in an article's text; `date` is its publication date (today when omitted)."""
    published = parse_date(date, "date") if isinstance(date, str) else date
    document = document_from_text(text, date=published or Date.today(), title=title, url=url)
    return next(analyze_documents([document])).events


def analyze_documents(documents: Iterable[Document], batch_size: int = 8) -> Iterator[Analysis]:
    """Parse documents in batches through the spaCy pipeline and code their events.

    A document without a publication date is dated today, so that relative
    expressions ("a year ago") still resolve.
    """
    dated = (d if d.date else dataclasses.replace(d, date=Date.today()) for d in documents)
    pairs = nlp.load().pipe(((d.text, d) for d in dated), as_tuples=True, batch_size=batch_size)
    for doc, document in pairs:
        yield Analysis(document, nlp.sentences(document, doc), extract_events(document, doc))


def database_path(path: str | Path | None = None) -> Path:
    """The database to use: the given path, else $DETENTE_DB, else detente.duckdb here."""
    return Path(path or os.environ.get("DETENTE_DB") or DEFAULT_DB)


def open(path: str | Path | None = None, *, read_only: bool = False) -> Store:  # noqa: A001 - detente.open
    """Open (creating when needed) a detente database."""
    return Store(database_path(path), read_only=read_only)


def event_to_dict(event: Event) -> dict:
    """An event as the JSON object of the output contract."""
    return {
        "doc_id": event.doc_id,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "span": list(event.span),
        "source": dataclasses.asdict(event.source),
        "target": dataclasses.asdict(event.target),
        "cameo": event.cameo,
        "root": event.root,
        "quad": event.quad,
        "goldstein": event.goldstein,
        "plover": event.plover,
        "date": {
            "start": event.date.start.isoformat(),
            "end": event.date.end.isoformat(),
            "precision": event.date.precision,
            "from_publication_date": event.date.from_publication_date,
        },
        "trigger": event.trigger,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "alleged": event.alleged,
        "symmetric": event.symmetric,
    }
