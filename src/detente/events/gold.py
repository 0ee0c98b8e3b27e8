"""Scoring coded events against a gold file of hand-coded events (one JSON object a line).

A gold record names the evidence (a substring of its sentence), the source and
target principals (with acceptable alternatives), the acceptable CAMEO roots, the
date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``FROM/TO``), whether either
direction is right, and a status: ``clear`` (must be found), ``debatable``
(neither rewarded nor punished much) or ``must_not`` (a trap that must not be
reported as a plain fact).
"""

from __future__ import annotations

import calendar
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from detente.model import Event

_NOT_AFTER = re.compile(r"any date not after (\d{4}) is accepted")


@dataclass(frozen=True)
class GoldEvent:
    id: str
    status: str
    sentence: str
    sources: frozenset[str]
    targets: frozenset[str]
    roots: frozenset[str]
    start: date | None
    end: date | None
    symmetric: bool


@dataclass(frozen=True)
class GoldScore:
    clear_found: list[str]
    clear_missed: list[str]
    must_not_plain: list[str]
    plain_matched: int
    plain_total: int
    unmatched_plain: list[Event] = field(default_factory=list)

    @property
    def clear_recall(self) -> float:
        total = len(self.clear_found) + len(self.clear_missed)
        return len(self.clear_found) / total if total else 1.0

    @property
    def plain_precision(self) -> float:
        return self.plain_matched / self.plain_total if self.plain_total else 1.0

    def report(self) -> str:
        lines = [
            f"clear events found: {len(self.clear_found)}/{len(self.clear_found) + len(self.clear_missed)}"
            f" = {self.clear_recall:.2f} (missed: {', '.join(self.clear_missed) or 'none'})",
            f"must_not events output as plain fact: {len(self.must_not_plain)}"
            f" ({', '.join(self.must_not_plain) or 'none'})",
            f"plain events matching gold: {self.plain_matched}/{self.plain_total} = {self.plain_precision:.2f}",
        ]
        for event in self.unmatched_plain:
            lines.append(
                f"  unmatched: {event.source.principal} {event.cameo} {event.target.principal}"
                f" [{event.trigger}] {event.sentence[:90]}"
            )
        return "\n".join(lines)


def normalize(text: str) -> str:
    """NFKC with every run of white space as one space, as the gold file is matched."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _bound(value: str, *, end: bool) -> date:
    parts = [int(p) for p in value.split("-")]
    year, month, day = (parts + [0, 0])[:3]
    if not month:
        return date(year, 12, 31) if end else date(year, 1, 1)
    if not day:
        return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    return date(year, month, day)


def _gold_dates(record: dict) -> tuple[date | None, date | None]:
    not_after = _NOT_AFTER.search(record.get("note", ""))
    if not_after:
        return date.min, _bound(not_after.group(1), end=True)
    if "date" not in record:
        return None, None
    first, _, last = record["date"].partition("/")
    return _bound(first, end=False), _bound(last or first, end=True)


def load_gold(path: Path) -> list[GoldEvent]:
    """Read a gold file, naming the line of any record that is not well formed."""
    gold = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            start, end = _gold_dates(record)
            gold.append(
                GoldEvent(
                    id=record["id"],
                    status=record["status"],
                    sentence=normalize(record["sentence"]),
                    sources=frozenset([record["source"], *record.get("source_alt", [])]),
                    targets=frozenset([record["target"], *record.get("target_alt", [])]),
                    roots=frozenset(record.get("root_alt") or [record["cameo"][:2]]),
                    start=start,
                    end=end,
                    symmetric=bool(record.get("symmetric", False)),
                )
            )
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{path}:{number}: not a gold event ({error})") from None
    return gold


def matches(event: Event, gold: GoldEvent, *, check_date: bool = True) -> bool:
    """Whether an output event is the gold event: actors, root, evidence and date."""
    pair = (event.source.principal, event.target.principal)
    directed = pair[0] in gold.sources and pair[1] in gold.targets
    reverse = gold.symmetric and pair[1] in gold.sources and pair[0] in gold.targets
    if not (directed or reverse) or event.root not in gold.roots:
        return False
    if gold.sentence not in normalize(event.sentence):
        return False
    if check_date and gold.start is not None:
        return event.date.start <= gold.end and event.date.end >= gold.start
    return True


def score(events: list[Event], gold: list[GoldEvent]) -> GoldScore:
    """Clear recall (plain events only), must_not events output as fact, and plain precision."""
    plain = [e for e in events if e.is_fact]
    clear = [g for g in gold if g.status == "clear"]
    found = [g.id for g in clear if any(matches(e, g) for e in plain)]
    must_not = [g.id for g in gold if g.status == "must_not" and any(matches(e, g, check_date=False) for e in plain)]
    wanted = [g for g in gold if g.status != "must_not"]
    unmatched = [e for e in plain if not any(matches(e, g) for g in wanted)]
    return GoldScore(
        clear_found=found,
        clear_missed=[g.id for g in clear if g.id not in found],
        must_not_plain=must_not,
        plain_matched=len(plain) - len(unmatched),
        plain_total=len(plain),
        unmatched_plain=unmatched,
    )
