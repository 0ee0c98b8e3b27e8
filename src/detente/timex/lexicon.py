"""The word lists of time expressions, read once from ``data/lexicon.toml``.

Words live in a data file so that adding "Sept" or "fortnight"-style entries never
touches the patterns; the loader checks every table so a typo fails loudly, naming
the file and the entry to fix.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

LEXICON_FILE = "data/lexicon.toml"

UNITS = ("day", "week", "weekend", "month", "year", "decade")
RELATIONS = ("before", "after", "current")
PREPOSITION_ROLES = ("since", "until", "before", "after", "at")
EDGES = ("start", "end")
_KINDS = {int: "a whole number", str: "a quoted word"}


class LexiconError(ValueError):
    """The lexicon data file is malformed."""


@dataclass(frozen=True)
class Lexicon:
    """Word classes of English time expressions; keys are lower case unless noted."""

    months: dict[str, int]  # capitalised full names -> 1..12
    month_abbreviations: dict[str, int]  # capitalised, without the full stop -> 1..12
    weekdays: dict[str, int]  # capitalised -> 0 (Monday)..6
    relations: dict[str, str]  # before a weekday or month -> "before" | "after" | "current"
    numbers: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, str]  # singular word -> unit
    parts_of_day: tuple[str, ...]
    deictic_days: dict[str, int]  # phrase -> days after the publication date
    deictic_shifts: dict[str, int]
    anaphoric_shifts: dict[str, int]
    directions: dict[str, int]
    edges: dict[str, str]  # -> "start" | "end"
    windows: tuple[str, ...]
    prepositions: dict[str, str]  # -> "since" | "until" | "before" | "after" | "at"
    year_prepositions: frozenset[str]
    ranges: dict[str, tuple[str, ...]]  # opener -> joining words
    modifiers: tuple[str, ...]
    hedges: tuple[str, ...]
    future_auxiliaries: frozenset[str]
    future_heads: frozenset[str]
    future_verbs: frozenset[str]

    def month_number(self, word: str) -> int | None:
        """The month a written name or abbreviation ("Aug.") stands for."""
        name = word.rstrip(".")
        return self.months.get(name) or self.month_abbreviations.get(name)

    def number_value(self, words: str) -> int:
        """The value of a count written in digits, as a number word, or hyphenated ("twenty-five")."""
        if words.isdigit():
            return int(words)
        return sum(self.numbers[part] for part in words.lower().split("-"))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The package's lexicon, parsed and checked once per process."""
    return read_lexicon(files("detente.timex").joinpath(LEXICON_FILE))


def read_lexicon(path: Traversable) -> Lexicon:
    """A lexicon file, checked table by table; errors name the file, line or entry to fix."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"{path}: {error}; fix the TOML syntax there") from None
    return _lexicon(data, str(path))


def _lexicon(data: dict[str, Any], where: str) -> Lexicon:
    table = _Reader(data, where)
    return Lexicon(
        months=table.mapping("months", int, valid=range(1, 13), lower=False),
        month_abbreviations=table.mapping("month_abbreviations", int, valid=range(1, 13), lower=False),
        weekdays=table.mapping("weekdays", int, valid=range(7), lower=False),
        relations=table.mapping("relations", str, valid=RELATIONS),
        numbers=table.mapping("numbers", int),
        ordinals=table.mapping("ordinals", int),
        units=table.mapping("units", str, valid=UNITS),
        parts_of_day=table.words("parts_of_day", "words"),
        deictic_days=table.mapping("deictic_days", int),
        deictic_shifts=table.mapping("deictic_shifts", int),
        anaphoric_shifts=table.mapping("anaphoric_shifts", int),
        directions=table.mapping("directions", int, valid=(-1, 1)),
        edges=table.mapping("edges", str, valid=EDGES),
        windows=table.words("windows", "words"),
        prepositions=table.mapping("prepositions", str, valid=PREPOSITION_ROLES),
        year_prepositions=frozenset(table.words("year_prepositions", "words")),
        ranges={opener.lower(): table.words("ranges", opener) for opener in table.keys("ranges")},
        modifiers=table.words("modifiers", "words"),
        hedges=table.words("hedges", "words"),
        future_auxiliaries=frozenset(table.words("future", "auxiliaries")),
        future_heads=frozenset(table.words("future", "heads")),
        future_verbs=frozenset(table.words("future", "verbs")),
    )


@dataclass(frozen=True)
class _Reader:
    """Typed access to the parsed TOML, with errors that name the table and key to fix."""

    data: dict[str, Any]
    where: str

    def _table(self, name: str) -> dict[str, Any]:
        table = self.data.get(name)
        if not isinstance(table, dict):
            raise LexiconError(f"{self.where}: table [{name}] is missing; restore it from version control")
        return table

    def mapping(
        self, name: str, kind: type, *, valid: range | tuple[Any, ...] | None = None, lower: bool = True
    ) -> dict[str, Any]:
        found = {}
        for key, value in self._table(name).items():
            if not isinstance(value, kind) or (valid is not None and value not in valid):
                allowed = f" (one of {list(valid)})" if valid is not None else ""
                raise LexiconError(
                    f"{self.where}: [{name}] {key!r} = {value!r} must be {_KINDS[kind]}{allowed}; correct that entry"
                )
            found[key.lower() if lower else key] = value
        return found

    def keys(self, name: str) -> tuple[str, ...]:
        return tuple(self._table(name))

    def words(self, name: str, key: str) -> tuple[str, ...]:
        value = self._table(name).get(key)
        if not isinstance(value, list) or not all(isinstance(word, str) and word for word in value):
            raise LexiconError(f"{self.where}: [{name}] {key} must be a list of words; correct that entry")
        return tuple(word.lower() for word in value)
