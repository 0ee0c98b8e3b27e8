"""The core records every stage passes along: small, frozen, and free of behaviour beyond lookups."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import Literal

Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class OffsetMap:
    """Maps character offsets of the clean text back to the original text.

    The clean text is made of runs copied from the original; run k starts at
    ``clean_starts[k]`` in the clean text and at ``original_starts[k]`` in the
    original, and inside a run the two advance together.
    """

    clean_starts: tuple[int, ...]
    original_starts: tuple[int, ...]

    def to_original(self, offset: int) -> int:
        run = max(bisect_right(self.clean_starts, offset) - 1, 0)
        return self.original_starts[run] + offset - self.clean_starts[run]


@dataclass(frozen=True)
class Document:
    """One article: its clean text, what it was cleaned from, and where it came from.

    ``original`` is the text as read (for HTML, the text trafilatura extracted);
    ``offsets`` maps clean-text offsets into it. ``doc_id`` is the SHA-256 of the
    clean text, so the same article read twice has the same id.
    """

    doc_id: str
    text: str
    original: str
    offsets: OffsetMap
    date: date | None
    title: str | None
    url: str | None
    source: str

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in ``original`` of the clean-text span ``[start, end)``."""
        if end <= start:
            begin = self.offsets.to_original(start)
            return begin, begin
        return self.offsets.to_original(start), self.offsets.to_original(end - 1) + 1


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document's clean text: ``text == document.text[start:end]``."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """Who acts or is acted upon.

    ``principal`` is ISO 3166 alpha-3 for a state and everyone acting for it,
    ``SUN`` for the Soviet Union, or a canonical id for a non-state group
    (``TALIBAN``, ``ISIS``) or organisation (``UNO``, ``NATO``). ``sector`` is a
    CAMEO-style sector (GOV, MIL, DIP, MED, REB, INS, CVL, BUS, IGO, ...).
    ``text`` is the mention as written.
    """

    principal: str
    sector: str | None
    name: str | None
    text: str


@dataclass(frozen=True)
class EventDate:
    """When an event happened: a closed interval of days with the precision it was stated in."""

    start: date
    end: date
    precision: Precision
    from_publication_date: bool


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression in a document's clean text, ``text == document.text[start:end]``,
    and the days it means once resolved against the publication date or an earlier expression."""

    start: int
    end: int
    text: str
    date: EventDate


@dataclass(frozen=True)
class Event:
    """Who did what to whom, when, with the evidence sentence.

    ``span`` is the evidence sentence's span in the document's original text.
    A flagged event (negated, hypothetical or alleged) is never a plain fact.
    ``plover`` is None for the statements of CAMEO root 01, which PLOVER does not code.
    ``dataset`` is "coded" for an event read from text, else the dataset it was imported
    from ("gdelt1", "icews", "tkg:ICEWS14", ...); an imported event has no document,
    sentence, span or trigger, and ``origin`` says where it was read ("file:line").
    """

    doc_id: str | None
    sentence_index: int | None
    sentence: str | None
    span: tuple[int, int] | None
    source: Actor
    target: Actor
    cameo: str
    root: str
    quad: int
    goldstein: float
    plover: str | None
    date: EventDate
    trigger: str | None
    negated: bool = False
    hypothetical: bool = False
    alleged: bool = False
    symmetric: bool = False
    dataset: str = "coded"
    origin: str | None = None

    @property
    def is_fact(self) -> bool:
        return not (self.negated or self.hypothetical or self.alleged)
