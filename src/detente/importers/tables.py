"""The importers' mapping tables: what the datasets' codes and words mean in our terms.

The facts live in tab-separated files in ``data/`` (``data/README.md`` says what each column
holds), read and checked once per process. A row that cannot be right stops loading with a
``MappingError`` naming the file, line and field, so a bad edit is caught before any import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from detente.actors import kb
from detente.events import ontology

DATA = Path(__file__).parent / "data"

_SECTOR = re.compile(r"[A-Z]{3}")
_TEXT = re.compile(r"[^a-z0-9]+")
_ARTICLES = frozenset({"a", "an", "the"})
GDELT_FIELDS = ("group", "country", "type")
TKG_UNITS = {"day": 1, "hour": 24}


class MappingError(ValueError):
    """A mapping table is malformed; the message names the file, line and field."""


@dataclass(frozen=True)
class Row:
    """One data row, with where it came from for error messages."""

    path: Path
    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]

    def error(self, column: str, problem: str) -> MappingError:
        return MappingError(f"{self.path}, line {self.line}, field {column!r}: {problem}")


@dataclass(frozen=True)
class GdeltCode:
    """What one GDELT actor code gives: a principal, a sector, or both."""

    principal: str | None
    sector: str | None


@dataclass(frozen=True)
class Benchmark:
    """A temporal-knowledge-graph benchmark: the day its time 0 stands for, and how many time
    steps make a day (1 for days, 24 for hours)."""

    name: str
    start: date
    steps_per_day: int


def rows(path: Path, columns: tuple[str, ...]) -> Iterator[Row]:
    """The rows of a mapping table; lines starting with '#' and blank lines are comments."""
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            if tuple(cells) != columns:
                raise MappingError(
                    f"{path}, line {number}, field 'header': write the header as {' '.join(columns)!r}, tab-separated"
                )
            continue
        if len(cells) != len(columns):
            field = columns[min(len(cells), len(columns) - 1)]
            raise MappingError(
                f"{path}, line {number}, field {field!r}: {len(cells)} tab-separated fields where there should be "
                f"{len(columns)} ({', '.join(columns)}); leave a field empty rather than dropping it"
            )
        yield Row(path, number, dict(zip(columns, (cell.strip() for cell in cells))))


def normalize(text: str) -> str:
    """``text`` as the tables compare names: lower case, words only, no articles, "_" as a space."""
    words = _TEXT.split(text.replace("_", " ").casefold())
    return " ".join(word for word in words if word and word not in _ARTICLES)


@lru_cache(maxsize=1)
def sector_words() -> tuple[dict[str, str], tuple[str, ...]]:
    """Each word's sector (keys case-folded), and the sectors in order of precedence."""
    words: dict[str, str] = {}
    order: list[str] = []
    for row in rows(DATA / "sector_words.tsv", ("sector", "words")):
        sector = _sector(row, "sector")
        if sector not in order:
            order.append(sector)
        for word in row["words"].split("|"):
            key = word.strip().casefold()
            if not key:
                raise row.error("words", "an empty word: remove the doubled or trailing '|'")
            if key in words:
                raise row.error("words", f"{word!r} is listed twice: keep one")
            words[key] = sector
    return words, tuple(order)


@lru_cache(maxsize=1)
def gdelt_codes() -> dict[str, dict[str, GdeltCode]]:
    """GDELT's known-group, country and type codes, by field, with what each maps to."""
    knowledge = kb.load()
    found: dict[str, dict[str, GdeltCode]] = {field: {} for field in GDELT_FIELDS}
    for row in rows(DATA / "gdelt_actors.tsv", ("field", "code", "principal", "sector")):
        field, code = row["field"], row["code"]
        if field not in GDELT_FIELDS:
            raise row.error("field", f"{field!r}: use one of {', '.join(GDELT_FIELDS)}")
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise row.error("code", f"{code!r} is not a three-letter CAMEO actor code")
        if code in found[field]:
            raise row.error("code", f"{code!r} is already a {field} code: keep one row")
        principal = row["principal"] or None
        if principal is not None and principal not in knowledge.entities:
            raise row.error("principal", f"{principal!r} is not a principal of the knowledge base (actors/data/)")
        sector = _sector(row, "sector") if row["sector"] else None
        if principal is None and sector is None:
            raise row.error("principal", "give a principal, a sector or both")
        found[field][code] = GdeltCode(principal, sector)
    return found


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Country names the knowledge base does not know (case-folded), and the state each means."""
    knowledge = kb.load()
    found: dict[str, str] = {}
    for row in rows(DATA / "countries.tsv", ("name", "principal")):
        principal = row["principal"]
        if principal not in knowledge.entities or knowledge.entities[principal].kind != "state":
            raise row.error("principal", f"{principal!r} is not a state of the knowledge base (actors/data/states.tsv)")
        key = row["name"].casefold()
        if key in found:
            raise row.error("name", f"{row['name']!r} is listed twice: keep one")
        found[key] = principal
    return found


@lru_cache(maxsize=1)
def icews_events() -> dict[str, str]:
    """ICEWS event texts (normalized) and the CAMEO code each stands for."""
    found: dict[str, str] = {}
    for row in rows(DATA / "icews_events.tsv", ("text", "cameo")):
        key = normalize(row["text"])
        if key in found:
            raise row.error("text", f"{row['text']!r} is listed twice (ignoring case and punctuation): keep one")
        found[key] = _cameo(row, "cameo")
    return found


@lru_cache(maxsize=1)
def acled_events() -> dict[tuple[str, str], str]:
    """ACLED (event type, sub-event type) pairs, case-folded, and their CAMEO codes; the
    sub-event type "" stands for a row whose sub-event type is not listed."""
    found: dict[tuple[str, str], str] = {}
    for row in rows(DATA / "acled_events.tsv", ("event_type", "sub_event_type", "cameo")):
        if not row["event_type"]:
            raise row.error("event_type", "empty: write ACLED's event type")
        key = (row["event_type"].casefold(), row["sub_event_type"].casefold())
        if key in found:
            raise row.error("sub_event_type", "this pair is listed twice: keep one")
        found[key] = _cameo(row, "cameo")
    return found


@lru_cache(maxsize=1)
def plover_events() -> dict[tuple[str, str], str]:
    """PLOVER (event type, mode), the type in capitals and the mode case-folded, and their CAMEO
    codes; the mode "" stands for a mode that is not listed."""
    found: dict[tuple[str, str], str] = {}
    for row in rows(DATA / "plover_events.tsv", ("type", "mode", "cameo")):
        if row["type"] not in ontology.PLOVER_TYPES:
            types = ", ".join(sorted(ontology.PLOVER_TYPES))
            raise row.error("type", f"{row['type']!r} is not a PLOVER event type ({types})")
        key = (row["type"], row["mode"].casefold())
        if key in found:
            raise row.error("mode", "this type and mode are listed twice: keep one")
        found[key] = _cameo(row, "cameo")
    for plover in ontology.PLOVER_TYPES:
        if (plover, "") not in found:
            raise MappingError(f"{DATA / 'plover_events.tsv'}: no row for {plover} with an empty mode; add one")
    return found


@lru_cache(maxsize=1)
def acled_inter() -> dict[str, str | None]:
    """ACLED's interaction codes and names (case-folded) and the sector each gives."""
    found: dict[str, str | None] = {}
    for row in rows(DATA / "acled_inter.tsv", ("inter", "sector")):
        sector = _sector(row, "sector") if row["sector"] else None
        for key in row["inter"].split("|"):
            found[key.strip().casefold()] = sector
    return found


@lru_cache(maxsize=1)
def tkg_benchmarks() -> dict[str, Benchmark]:
    """The benchmarks by folder name (case-folded)."""
    found: dict[str, Benchmark] = {}
    for row in rows(DATA / "tkg_benchmarks.tsv", ("name", "start", "unit")):
        try:
            start = date.fromisoformat(row["start"])
        except ValueError:
            raise row.error("start", f"{row['start']!r} is not a date YYYY-MM-DD") from None
        if row["unit"] not in TKG_UNITS:
            raise row.error("unit", f"{row['unit']!r}: use one of {', '.join(TKG_UNITS)}")
        found[row["name"].casefold()] = Benchmark(row["name"], start, TKG_UNITS[row["unit"]])
    return found


def _sector(row: Row, column: str) -> str:
    value = row[column]
    if not _SECTOR.fullmatch(value):
        raise row.error(column, f"{value!r} is not a sector: three capitals, as in actors/data/sectors.tsv")
    return value


def _cameo(row: Row, column: str) -> str:
    code = row[column]
    if not ontology.is_code(code):
        raise row.error(column, f"{code!r} is not a CAMEO code of events/data/cameo.tsv (leading zeros kept)")
    return code
