"""Actors of the datasets onto principals of the knowledge base.

GDELT writes CAMEO actor codes, which map through ``data/gdelt_actors.tsv`` inside DuckDB.
ICEWS, POLECAT, ACLED and the forecasting benchmarks write names ("Government (Russia)",
"Taliban", "Military Forces of Russia (2000-)"), which ``ActorMapper`` resolves once per
distinct name; the results are joined back to the rows in DuckDB. What resolves to no
principal keeps its raw text and is counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pyarrow as pa

from detente.actors import kb
from detente.importers import tables

# "Government (Russia)", "Militant (Taliban)", "Protesters (Afghanistan)"
_OWNED = re.compile(r"(?P<agent>.+?) \((?P<owner>[^()]+)\)")
# ACLED: "Military Forces of Russia (2000-)", "Police Forces of India (1947-) Border Security Force"
_OF = re.compile(r"(?P<agent>.+?) of (?P<owner>[^()]+?)(?: \(\d{4}-\d{0,4}\)(?: .*)?)?")
_ISO = re.compile(r"[A-Z]{3}")
_LIST = re.compile(r"[,;]")


@dataclass(frozen=True)
class Mapped:
    """What a dataset's actor is in our terms; ``principal`` is None when it maps to none."""

    principal: str | None
    sector: str | None
    name: str | None


class ActorMapper:
    """Resolves a dataset's actor name, with the country and sectors it gives, to a principal."""

    def __init__(self, knowledge: kb.KnowledgeBase | None = None) -> None:
        self._kb = knowledge or kb.load()
        self._words, precedence = tables.sector_words()
        self._rank = {sector: rank for rank, sector in enumerate(precedence)}
        self._countries = tables.countries()

    def map(
        self,
        text: str,
        *,
        country: str | None = None,
        sectors: str | None = None,
        fallback_sector: str | None = None,
        on: date,
    ) -> Mapped:
        """``text`` as the dataset wrote it; ``sectors`` a ',' or ';' list of sector names,
        ``fallback_sector`` the sector to use when neither the name nor the list gives one."""
        text = " ".join(text.replace("_", " ").split())
        listed = self.sector(sectors)
        reference = self._kb.lookup(text, on)
        if reference is not None:
            return Mapped(reference.principal, listed or reference.sector or fallback_sector, reference.name)
        if (state := self.state(text)) is not None:
            return Mapped(state, listed or fallback_sector, None)
        for pattern in (_OWNED, _OF):
            match = pattern.fullmatch(text)
            if match is None:
                continue
            agent = self._kb.lookup(match["agent"], on)
            if agent is not None and agent.entity_kind != "state":
                return Mapped(agent.principal, listed or agent.sector or fallback_sector, agent.name)
            owner = self._kb.lookup(match["owner"], on)
            principal = owner.principal if owner is not None else self.state(match["owner"])
            if principal is not None:
                return Mapped(principal, self._word(match["agent"]) or listed or fallback_sector, None)
        return Mapped(self.state(country) if country else None, listed or fallback_sector, None)

    def state(self, text: str) -> str | None:
        """The state a country field names: an ISO alpha-3 code, or a name ("Russian Federation")."""
        text = text.strip()
        if _ISO.fullmatch(text) and text in self._kb.entities and self._kb.entities[text].kind == "state":
            return text
        if text.casefold() in self._countries:
            return self._countries[text.casefold()]
        reference = self._kb.lookup(text, date.today())
        if reference is not None and reference.kind == "name" and reference.entity_kind == "state":
            return reference.principal
        return None

    def sector(self, listed: str | None) -> str | None:
        """The sector of highest precedence among a list of sector names or codes."""
        if not listed:
            return None
        found = [sector for word in _LIST.split(listed) if (sector := self._word(word))]
        return min(found, key=self._rank.__getitem__) if found else None

    def _word(self, word: str) -> str | None:
        word = word.strip()
        if word in self._rank:
            return word
        return self._words.get(word.casefold())


def gdelt_tables() -> dict[str, pa.Table]:
    """GDELT's code tables for DuckDB: known groups, countries (every state of the knowledge
    base under its own code, plus CAMEO's own codes) and types, each code → principal, sector."""
    codes = tables.gdelt_codes()
    states = {code: code for code, entity in kb.load().entities.items() if entity.kind == "state"}
    countries = states | {code: mapped.principal for code, mapped in codes["country"].items()}
    return {
        "gdelt_groups": _table({code: (m.principal, m.sector) for code, m in codes["group"].items()}),
        "gdelt_countries": _table({code: (principal, None) for code, principal in countries.items()}),
        "gdelt_types": _table({code: (m.principal, m.sector) for code, m in codes["type"].items()}),
    }


def _table(mapping: dict[str, tuple[str | None, str | None]]) -> pa.Table:
    return pa.table(
        {
            "code": list(mapping),
            "principal": [principal for principal, _ in mapping.values()],
            "sector": [sector for _, sector in mapping.values()],
        },
        schema=pa.schema([("code", pa.string()), ("principal", pa.string()), ("sector", pa.string())]),
    )
