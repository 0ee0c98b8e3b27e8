"""The Python facade every front end uses: analyse articles, store them, query events."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Iterable, Iterator

from detente import nlp
from detente.actors import kb as knowledge
from detente.events import extract_events
from detente.events import evaluation, gold, suites
from detente.ingest import document_from_text, parse_date, read_paths
from detente.model import Document, Event, Sentence
from detente.relations.summary import DyadSummary, summarize
from detente.store import Store

DEFAULT_DB = "detente.duckdb"

SUITES = ("petr-gsr", "petr-validate", "plover-gsr")

__all__ = [
    "SUITES",
    "Analysis",
    "DyadSummary",
    "analyze",
    "analyze_documents",
    "database_path",
    "evaluate_suite",
    "event_to_dict",
    "open",
    "score_example",
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


def evaluate_suite(suite: str, path: str | Path) -> evaluation.CoderScore:
    """Code a test suite's sentences and score them against its expected events.

    ``suite``: "petr-gsr" or "petr-validate" (PETRARCH validation XML) or "plover-gsr"
    (the PLOVER GSR JSON).
    """
    path = Path(path)
    kb = knowledge.load()
    if suite in ("petr-gsr", "petr-validate"):
        records = suites.read_petrarch(path)
    elif suite == "plover-gsr":
        records = suites.read_plover_gsr(path, kb)
    else:
        raise suites.SuiteError(f"unknown suite {suite!r}; choose one of {', '.join(SUITES)} or seed")
    return evaluation.score(evaluation.code_records(records, kb), kb)


def score_example(article: str | Path, gold_file: str | Path, published: Date) -> gold.GoldScore:
    """Code an article and score it against its hand-coded gold events (``*.gold.jsonl``)."""
    [document] = read_paths([Path(article)], date=published)
    [analysis] = analyze_documents([document])
    return gold.score(analysis.events, gold.load_gold(Path(gold_file)))
