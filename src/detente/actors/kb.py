"""The actor knowledge base: what a name in the news stands for on a given day, and why.

The facts live in tab-separated files (``data/README.md`` says what each column holds). The
package's own files are the base; a user's folder (``user_folder()``) and imports of other
dictionaries are layers merged over it, so that every part of detente sees the same actors.
``load`` reads and checks them once per process, and again only when a user file changes. A
row that cannot be right stops loading with a ``KnowledgeBaseError`` naming the file, line and
field, so a bad edit is caught at once instead of silently mis-coding events.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType

from detente.actors.tables import (
    CORE,
    KnowledgeBaseError,
    Layer,
    Period,
    Row,
    Source,
    dated_items,
    items,
    read_folder,
    row_period,
)

__all__ = [
    "Candidate", "Entity", "Explanation", "KnowledgeBase", "KnowledgeBaseError", "Reference", "Role",
    "DATA", "HOME", "load", "user_folder",
]

DATA = Path(__file__).parent / "data"

# The environment variable naming detente's own folder; the user's actors live in its "actors".
HOME = "DETENTE_HOME"

# What a bare definite role word ("the movement", "the minister") can refer back to.
REFERS_TO = frozenset({"person", "people", "state", "group", "igo", "organisation", "any"})

# The kinds a principal declared in principals.tsv can have.
KINDS = ("state", "igo", "group")

# A capital stands for the government that sits in it ("Moscow said").
CAPITAL_SECTOR = "GOV"

# A person between or after their roles: a public figure without office.
OUT_OF_OFFICE_SECTOR = "ELI"

_STATE_CODE = re.compile(r"[A-Z]{3}")
_OTHER_CODE = re.compile(r"[A-Z][A-Z0-9]{1,11}")
_SECTOR_CODE = re.compile(r"[A-Z]{3}")
# The files that define principals, in the order they are read; one code means one principal.
_ENTITY_FILES = ("states.tsv", "organisations.tsv", "groups.tsv", "principals.tsv")
# The columns of states.tsv that hold undated surface forms, and the kind of name each gives.
_STATE_FORMS = (("aliases", "name"), ("misspellings", "name"), ("adjectives", "adjective"), ("demonyms", "demonym"))
# Typographic apostrophes and hyphens news text uses where the data has plain ones.
_PLAIN = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-"})
# How many differently configured knowledge bases one process keeps.
_CACHED = 4


@dataclass(frozen=True)
class Entity:
    """A state, historical state, organisation or group: something that can be a principal."""

    code: str
    kind: str
    name: str
    cow: int | None
    country: str | None
    start: date | None
    end: date | None


@dataclass(frozen=True)
class Reference:
    """What a piece of text means on a date."""

    principal: str
    sector: str | None
    name: str | None
    kind: str
    entity_kind: str


@dataclass(frozen=True)
class Role:
    """A role word: the sector it gives its owner, and what a bare definite use refers back to."""

    sector: str | None
    refers_to: str


@dataclass(frozen=True)
class Candidate:
    """One thing a name can mean: what it would resolve to, when that holds, where the data says so
    and why it won or lost on the day asked about."""

    reference: Reference
    start: date | None
    end: date | None
    role: str | None
    holds: bool
    source: Source
    note: str


@dataclass(frozen=True)
class Explanation:
    """How a name resolves on a day: the candidate that wins (None: unresolved) and the others."""

    text: str
    on: date
    chosen: Candidate | None
    alternatives: tuple[Candidate, ...]


_Dated = tuple[tuple[str, Period], ...]


def _value_on(values: _Dated, day: date) -> str | None:
    """The value holding on ``day``, else the one nearest to it in time; None when there are none."""
    if not values:
        return None
    for value, period in values:
        if period.contains(day):
            return value
    return min(values, key=lambda item: item[1].distance(day))[0]


@dataclass(frozen=True)
class _Name:
    """One meaning of a surface form: a state, organisation, group, organ, body, place or metonym."""

    form: str
    principal: str
    sector: str | None
    name: str | None
    kind: str
    period: Period
    # True when the form names its principal as a whole, whose own (dated) sector applies.
    own_sector: bool
    source: Source = field(compare=False)

    def holds(self, day: date) -> bool:
        return self.period.contains(day)

    def distance(self, day: date) -> int:
        return self.period.distance(day)


@dataclass(frozen=True)
class _Office:
    """A role a person held; a ``None`` sector means their principal's own sector that day."""

    principal: str
    sector: str | None
    title: str
    period: Period
    source: Source = field(compare=False)


@dataclass(frozen=True)
class _Person:
    form: str
    name: str
    offices: tuple[_Office, ...]

    def holds(self, day: date) -> bool:
        return any(office.period.contains(day) for office in self.offices)

    def distance(self, day: date) -> int:
        return min(office.period.distance(day) for office in self.offices)

    def office_on(self, day: date) -> tuple[_Office, bool]:
        """The office held on ``day`` (and True), else the nearest one in time (and False)."""
        for office in self.offices:
            if office.period.contains(day):
                return office, True
        return min(self.offices, key=lambda office: office.period.distance(day)), False


_Meaning = _Name | _Person


def _choose(meanings: Sequence[_Meaning], on: date) -> _Meaning:
    """The meaning holding on ``on`` that comes first, else the one nearest in time."""
    for meaning in meanings:
        if meaning.holds(on):
            return meaning
    return min(meanings, key=lambda meaning: meaning.distance(on))


class KnowledgeBase:
    """States, organisations, groups, places and people, and the words that name them."""

    def __init__(
        self,
        entities: Mapping[str, Entity],
        sectors: Mapping[str, _Dated],
        homes: Mapping[str, _Dated],
        successors: Mapping[str, tuple[str, ...]],
        names: Mapping[str, tuple[_Meaning, ...]],
        roles: Mapping[str, Role],
        sector_codes: frozenset[str],
    ) -> None:
        self.entities: Mapping[str, Entity] = MappingProxyType(dict(entities))
        self.sector_codes = sector_codes
        self._sectors = sectors
        self._homes = homes
        self._successors = successors
        self._names = names
        self._roles = roles
        # The last word of every role phrase: a word no phrase ends with needs no lookup.
        self._role_endings = frozenset(words.rpartition(" ")[2] for words in roles)

    def surface_forms(self) -> frozenset[str]:
        """Every string ``lookup`` resolves, as written in the data, plus its typographic-apostrophe
        spelling, so a phrase matcher on LOWER finds "Côte d’Ivoire" as well as "Côte d'Ivoire"."""
        forms = {meaning.form for meanings in self._names.values() for meaning in meanings}
        return frozenset(forms | {form.replace("'", "’") for form in forms if "'" in form})

    def lookup(self, text: str, on: date) -> Reference | None:
        """What ``text`` (a span of news text as written) names on the day ``on``, or None.

        A leading "the" is ignored and white space collapsed. Case is ignored except that an
        acronym in the data ("US", "IS") must be written in capitals, and a capitalised word in
        the data ("Turkey", "Chad") must be capitalised in the text. When several meanings fit,
        the one holding on ``on`` wins, then the one from a user's data, then the earliest in
        the data; when none holds, the one nearest in time.
        """
        written = _clean(text)
        meanings = [
            meaning
            for meaning in self._names.get(written.casefold(), ())
            if _capitals_kept(meaning.form, written)
        ]
        if not meanings:
            return None
        return self._reference(_choose(meanings, on), on)

    def explain(self, text: str, on: date) -> Explanation:
        """How ``text`` resolves on ``on`` and why: the winning candidate (as ``lookup`` gives it),
        with the file and line it comes from, and every candidate that did not win."""
        written = _clean(text)
        meanings = self._names.get(written.casefold(), ())
        fitting = [meaning for meaning in meanings if _capitals_kept(meaning.form, written)]
        fits = {id(meaning) for meaning in fitting}
        winner = _choose(fitting, on) if fitting else None
        holding = sum(meaning.holds(on) for meaning in fitting)
        chosen = None
        alternatives: list[Candidate] = []
        for meaning in meanings:
            readings = self._readings(meaning, on)
            if meaning is winner:
                first, *others = readings
                chosen = Candidate(
                    self._reference(meaning, on), first.start, first.end, first.role, first.holds, first.source,
                    _why_chosen(first, holding, on),
                )
                alternatives += others
            elif id(meaning) not in fits:
                alternatives += [_noted(reading, f"needs the capitals of {meaning.form!r}") for reading in readings[:1]]
            else:
                first = readings[0]
                if first.holds:
                    alternatives.append(_noted(first, "also holds that day, but comes after the chosen meaning"))
                else:
                    alternatives += [_noted(reading, "does not hold that day") for reading in readings]
        return Explanation(text, on, chosen, tuple(alternatives))

    def role(self, word: str) -> Role | None:
        """The role a word or phrase gives ("diplomats", "Foreign Ministry"), trying it as written
        (lower-cased) and then its singular."""
        text = _clean(word).casefold()
        for candidate in _singulars(text):
            if candidate in self._roles:
                return self._roles[candidate]
        return None

    def may_end_role(self, word: str) -> bool:
        """Whether some role phrase can end with ``word`` ("spokesmen" can: "foreign ministry
        spokesman"), so that a resolver tries the phrases ending with a word only when one may match."""
        last = _clean(word).casefold().rpartition(" ")[2]
        return any(candidate in self._role_endings for candidate in _singulars(last))

    def state(self, code: str) -> Entity:
        """The state (current or historical) with ISO 3166 alpha-3 ``code``."""
        entity = self.entities.get(code)
        if entity is None or entity.kind != "state":
            raise KeyError(f"no state with code {code!r} in the knowledge base (see actors/data/states.tsv)")
        return entity

    def country_of(self, code: str, on: date) -> str | None:
        """The state a principal belongs to on ``on``: a state itself, a group its home state,
        an organisation None."""
        entity = self.entities.get(code)
        if entity is None:
            raise KeyError(f"no principal with code {code!r} in the knowledge base (see actors/data/)")
        if entity.kind == "state":
            return code
        return _value_on(self._homes.get(code, ()), on)

    def successors(self, code: str) -> tuple[str, ...]:
        """The states that succeeded a historical state (empty for a state that still exists)."""
        self.state(code)
        return self._successors.get(code, ())

    def sector_on(self, code: str, day: date) -> str | None:
        """A principal's own sector on ``day`` (a group's dated sector: TALIBAN INS, then GOV)."""
        return _value_on(self._sectors.get(code, ()), day)

    def _reference(self, meaning: _Meaning, on: date) -> Reference:
        if isinstance(meaning, _Person):
            office, in_office = meaning.office_on(on)
            return self._office_reference(meaning, office, on, in_office)
        sector = self.sector_on(meaning.principal, on) if meaning.own_sector else meaning.sector
        return Reference(meaning.principal, sector, meaning.name, meaning.kind, self.entities[meaning.principal].kind)

    def _office_reference(self, person: _Person, office: _Office, on: date, in_office: bool) -> Reference:
        if not in_office:
            sector: str | None = OUT_OF_OFFICE_SECTOR
        elif office.sector is not None:
            sector = office.sector
        else:
            sector = self.sector_on(office.principal, on)
        return Reference(office.principal, sector, person.name, "person", self.entities[office.principal].kind)

    def _readings(self, meaning: _Meaning, on: date) -> list[Candidate]:
        """The ways one meaning reads over time, the one for ``on`` first: each role of a person,
        each dated sector of a group named as a whole, else the meaning itself."""
        if isinstance(meaning, _Person):
            office, in_office = meaning.office_on(on)
            first = _candidate(
                self._office_reference(meaning, office, _inside(office.period, on), True),
                office.period, office.title, in_office, office.source, "",
            )
            others = [
                _candidate(
                    self._office_reference(meaning, other, _inside(other.period, on), True),
                    other.period, other.title, False, other.source, f"another role of {meaning.name}",
                )
                for other in meaning.offices
                if other is not office
            ]
            return [first, *others]
        reference = self._reference(meaning, on)
        sectors = self._sectors.get(meaning.principal, ()) if meaning.own_sector else ()
        spans = [(sector, span) for sector, period in sectors if (span := _intersection(period, meaning.period))]
        if len(spans) < 2:
            return [_candidate(reference, meaning.period, None, meaning.holds(on), meaning.source, "")]
        readings = [
            _candidate(
                Reference(reference.principal, sector, reference.name, reference.kind, reference.entity_kind),
                span, None, span.contains(on), meaning.source, "its sector at other times",
            )
            for sector, span in spans
        ]
        nearest = min(range(len(spans)), key=lambda index: spans[index][1].distance(on))
        return [readings[nearest], *readings[:nearest], *readings[nearest + 1 :]]


def _candidate(reference: Reference, period: Period, role: str | None, holds: bool, source: Source, note: str) -> Candidate:
    return Candidate(reference, period.start, period.end, role, holds, source, note)


def _noted(candidate: Candidate, note: str) -> Candidate:
    return Candidate(candidate.reference, candidate.start, candidate.end, candidate.role, candidate.holds, candidate.source, note)


def _why_chosen(candidate: Candidate, holding: int, on: date) -> str:
    if candidate.holds and holding > 1:
        return f"holds on {on}; {holding - 1} other meaning(s) hold too and come after it (user data first, then the order of the data)"
    if candidate.holds:
        return f"holds on {on}"
    if candidate.reference.kind == "person":
        return f"no role on {on}: a public figure ({OUT_OF_OFFICE_SECTOR}) of the principal of their nearest role"
    return f"nothing holds on {on}: the meaning nearest in time"


def _inside(period: Period, day: date) -> date:
    """A day inside ``period``: ``day`` itself if it is, else the nearest end of the period."""
    if period.start is not None and day < period.start:
        return period.start
    if period.end is not None and day >= period.end:
        return date.fromordinal(period.end.toordinal() - 1)
    return day


def _intersection(first: Period, second: Period) -> Period | None:
    starts = [day for day in (first.start, second.start) if day is not None]
    ends = [day for day in (first.end, second.end) if day is not None]
    period = Period(max(starts) if starts else None, min(ends) if ends else None)
    if period.start is not None and period.end is not None and period.start >= period.end:
        return None
    return period


def user_folder() -> Path:
    """Where the user's own actor data lives: ``$DETENTE_HOME/actors``, else ``~/.detente/actors``."""
    home = os.environ.get(HOME)
    return (Path(home) if home else Path.home() / ".detente") / "actors"


_LOADED: dict[tuple, KnowledgeBase] = {}


def load(folder: Path | None = None, overlays: Sequence[Path | Layer] | None = None) -> KnowledgeBase:
    """The knowledge base in ``folder`` (the package's own data by default) with ``overlays`` merged
    over it in order, each later one winning: folders of the same files, or layers such as a
    PETRARCH import (``detente.actors.petrarch``). Without ``overlays``, the user's folder is the
    one overlay when it exists.

    Read once per process, and again when a file of one of the folders changes.
    """
    base = DATA if folder is None else Path(folder)
    if overlays is None:
        user = user_folder()
        overlays = [user] if user.is_dir() else []
    for overlay in overlays:
        if not isinstance(overlay, Layer) and not Path(overlay).is_dir():
            raise KnowledgeBaseError(f"{overlay}: no such folder of actor data; create it or leave it out")
    if any(isinstance(overlay, Layer) for overlay in overlays):
        return _build(base, overlays)
    key = (_signature(base), *(_signature(Path(overlay)) for overlay in overlays))
    if key not in _LOADED:
        if len(_LOADED) >= _CACHED:
            del _LOADED[next(iter(_LOADED))]
        _LOADED[key] = _build(base, overlays)
    return _LOADED[key]


def _signature(folder: Path) -> tuple:
    """A folder as the cache knows it: its path and the size and time of change of each data file."""
    stats = []
    for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
        if entry.name.endswith((".tsv", ".csv")):
            stat = entry.stat()
            stats.append((entry.name, stat.st_size, stat.st_mtime_ns))
    return (str(folder.resolve()), tuple(stats))


def _build(base: Path, overlays: Sequence[Path | Layer]) -> KnowledgeBase:
    layers = [read_folder(base, CORE)]
    layers += [overlay if isinstance(overlay, Layer) else read_folder(Path(overlay)) for overlay in overlays]
    return _Builder(layers).build()


def _clean(text: str) -> str:
    """``text`` as lookup compares it: NFC, plain apostrophes, single spaces, no leading "the"."""
    text = " ".join(unicodedata.normalize("NFC", text).translate(_PLAIN).split())
    if text[:4].casefold() == "the ":
        return text[4:]
    return text


def _written(row: Row, column: str, form: str) -> str:
    """A surface form from the data as lookup stores it, refusing one that lookup could never match."""
    if " ".join(form.split())[:4].casefold() == "the ":
        raise row.error(column, f"{form!r} starts with 'the', which lookup ignores: write it without")
    return _clean(form)


def _capitals_kept(form: str, written: str) -> bool:
    """Whether ``written`` keeps the capitals ``form`` requires: an all-capital word (two letters
    or more) must stay all capitals, and a word that starts with a capital keeps each of its
    capitals, so that "LeT" is not found in "Let us" nor "Turkey" in "turkey"; text in capitals
    keeps them all. A word capitalised only at its start is found in any word with a capital: a
    slip of the shift key ("iSrael") still names a country, a lower-case "turkey" does not."""
    if written == form:
        return True
    for required, word in zip(form.split(" "), written.split(" ")):
        letters = [c for c in required if c.isalpha()]
        found = [c for c in word if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            if any(c.islower() for c in found):
                return False
        elif letters and letters[0].isupper() and not any(c.isupper() for c in letters[1:]):
            if not any(c.isupper() for c in found):
                return False
        elif letters and letters[0].isupper():
            # A capital after a hyphen may be written small: a dictionary in capitals cannot tell
            # "Barad-dur" from "Barad-Dur".
            firm = [c.isupper() and required[i - 1 : i] != "-" for i, c in enumerate(required) if c.isalpha()]
            if any(wanted and not got.isupper() for wanted, got in zip(firm, found)):
                return False
    return True


def _singulars(text: str) -> Iterator[str]:
    """``text``, then the candidate singulars of its last word."""
    yield text
    head, _, last = text.rpartition(" ")
    prefix = f"{head} " if head else ""
    if last.endswith("ies"):
        yield f"{prefix}{last[:-3]}y"
    if last.endswith("es"):
        yield f"{prefix}{last[:-2]}"
    if last.endswith("s"):
        yield f"{prefix}{last[:-1]}"


@dataclass
class _Listing:
    """Where one form was listed for one meaning, so that listing it twice is caught."""

    period: Period
    row: Row
    layer: int
    meaning: _Name


class _Builder:
    """Reads layers of data into a KnowledgeBase, checking every row as it goes.

    A later layer overrides an earlier one: an entity with the same code replaces it, a person's
    role replaces the earlier roles of that person it overlaps, a role word or a sector code
    replaces its earlier definition (and a role word the earlier layers' names of the same form: a
    dictionary that makes "MSF" an agent of its country means no organisation by it), and a form
    listed again for the same principal replaces the earlier listing. Within one layer, each of
    these is an error.
    """

    def __init__(self, layers: Sequence[Layer]) -> None:
        self.layers = layers
        self.sector_codes: set[str] = set()
        self.entities: dict[str, Entity] = {}
        self.entity_rows: dict[str, Row] = {}
        self.periods: dict[str, Period] = {}
        self.sectors: dict[str, _Dated] = {}
        self.homes: dict[str, _Dated] = {}
        self.successors: dict[str, tuple[str, ...]] = {}
        # Each form's meanings, with the layer they come from.
        self.names: dict[str, list[tuple[int, _Meaning]]] = {}
        self.listed: dict[tuple[str, str, str | None], list[_Listing]] = {}
        self.roles: dict[str, Role] = {}

    def build(self) -> KnowledgeBase:
        self._read_sectors()
        kept = self._kept_entities()
        self._read_states(kept)
        self._read_organisations(kept)
        self._read_groups(kept)
        self._read_principals(kept)
        self._read_organs()
        self._read_state_names("metonyms.tsv", "metonym")
        self._read_state_names("bodies.tsv", "name")
        self._read_regions()
        self._read_names()
        self._read_people()
        self._read_roles()
        # A later layer's meaning of a form comes first; within a layer, the order of the data.
        names = {
            key: tuple(meaning for _, meaning in sorted(meanings, key=lambda item: -item[0]))
            for key, meanings in self.names.items()
        }
        return KnowledgeBase(
            self.entities, self.sectors, self.homes, self.successors, names, self.roles, frozenset(self.sector_codes)
        )

    def _rows(self, file: str) -> Iterator[tuple[int, Row]]:
        for index, layer in enumerate(self.layers):
            for row in layer[file]:
                yield index, row

    # --- vocabulary -----------------------------------------------------------------------------

    def _read_sectors(self) -> None:
        seen: dict[tuple[int, str], Row] = {}
        for layer, row in self._rows("sectors.tsv"):
            code = row["code"]
            if not _SECTOR_CODE.fullmatch(code):
                raise row.error("code", f"{code!r}: a sector code is three capital letters")
            if (layer, code) in seen:
                raise row.error("code", f"sector {code} is listed twice ({seen[layer, code].where()}): keep one row")
            seen[layer, code] = row
            self.sector_codes.add(code)

    def _sector(self, row: Row, column: str, code: str) -> str | None:
        if not code:
            return None
        if code not in self.sector_codes:
            known = ", ".join(sorted(self.sector_codes))
            raise row.error(column, f"unknown sector {code!r}: use one of {known} or add it to sectors.tsv")
        return code

    # --- entities -------------------------------------------------------------------------------

    def _kept_entities(self) -> set[Row]:
        """The rows defining each principal: the latest layer's, refusing a code used twice in one layer."""
        latest: dict[str, tuple[int, Row]] = {}
        for file in _ENTITY_FILES:
            for layer, row in self._rows(file):
                code = row["code"]
                earlier = latest.get(code)
                if earlier is not None and earlier[0] == layer:
                    raise row.error(
                        "code", f"code {code} is already used ({earlier[1].where()}): give each entity its own code"
                    )
                latest[code] = (layer, row)
        return {row for _, row in latest.values()}

    def _entity_rows(self, file: str, kept: set[Row]) -> Iterator[tuple[int, Row]]:
        return ((layer, row) for layer, row in self._rows(file) if row in kept)

    def _add_entity(self, row: Row, entity: Entity, pattern: re.Pattern[str], shape: str) -> None:
        if not pattern.fullmatch(entity.code):
            raise row.error("code", f"{entity.code!r}: {shape}")
        if not entity.name:
            raise row.error("name", "the canonical name is empty: write the entity's English name")
        self.entities[entity.code] = entity
        self.entity_rows[entity.code] = row
        self.periods[entity.code] = Period(entity.start, entity.end)

    def _read_states(self, kept: set[Row]) -> None:
        successor_rows = []
        for layer, row in self._entity_rows("states.tsv", kept):
            period = row_period(row)
            cow = row["cow"]
            if cow and not cow.isdigit():
                raise row.error(
                    "cow", f"{cow!r} is not a Correlates of War code: write a whole number or leave it empty"
                )
            cow_code = int(cow) if cow else None
            entity = Entity(row["code"], "state", row["name"], cow_code, None, period.start, period.end)
            self._add_entity(row, entity, _STATE_CODE, "a state code is ISO 3166 alpha-3: three capital letters")
            successor_rows.append(row)
            seen: set[str] = set()
            self._add_form(row, layer, "name", row["name"], seen, principal=entity.code, kind="name")
            for column, kind in _STATE_FORMS:
                for form in items(row, column):
                    self._add_form(row, layer, column, form, seen, principal=entity.code, kind=kind)
            for form, when in dated_items(row, "capitals"):
                self._add_form(
                    row, layer, "capitals", form, seen,
                    principal=entity.code, kind="capital", sector=CAPITAL_SECTOR, when=when,
                )
        for row in successor_rows:
            successors = tuple(items(row, "successors"))
            for code in successors:
                if code not in self.entities or self.entities[code].kind != "state":
                    raise row.error(
                        "successors", f"{code!r} is not a state in states.tsv: fix the code or add the state"
                    )
            if successors:
                self.successors[row["code"]] = successors

    def _dated_sectors(self, row: Row) -> _Dated:
        values = []
        for code, when in dated_items(row, "sector"):
            if not code:
                raise row.error("sector", "a dated sector without its code: write it as CODE@START..END")
            self._sector(row, "sector", code)
            values.append((code, when or Period()))
        self._refuse_overlaps(row, "sector", values)
        return tuple(values)

    def _refuse_overlaps(self, row: Row, column: str, values: list[tuple[str, Period]]) -> None:
        for index, (value, period) in enumerate(values):
            for other, other_period in values[:index]:
                if period.overlaps(other_period):
                    raise row.error(
                        column, f"{other} and {value} hold at the same time: give them dates that do not overlap"
                    )

    def _read_organisations(self, kept: set[Row]) -> None:
        for layer, row in self._entity_rows("organisations.tsv", kept):
            period = row_period(row)
            entity = Entity(row["code"], "igo", row["name"], None, None, period.start, period.end)
            self._add_entity(row, entity, _OTHER_CODE, "an organisation code is 2 to 12 capital letters or digits")
            self.sectors[entity.code] = self._dated_sectors(row)
            self._add_names_of_whole(row, layer, entity.code)

    def _read_groups(self, kept: set[Row]) -> None:
        for layer, row in self._entity_rows("groups.tsv", kept):
            period = row_period(row)
            homes = []
            for code, when in dated_items(row, "country"):
                if code not in self.entities or self.entities[code].kind != "state":
                    raise row.error(
                        "country", f"{code!r} is not a state in states.tsv: write the home state's ISO3 code"
                    )
                homes.append((code, when or Period()))
            self._refuse_overlaps(row, "country", homes)
            current = max(homes, key=lambda home: home[1].start or date.min)[0] if homes else None
            entity = Entity(row["code"], "group", row["name"], None, current, period.start, period.end)
            self._add_entity(row, entity, _OTHER_CODE, "a group code is 2 to 12 capital letters or digits")
            self.sectors[entity.code] = self._dated_sectors(row)
            self.homes[entity.code] = tuple(homes)
            self._add_names_of_whole(row, layer, entity.code)

    def _read_principals(self, kept: set[Row]) -> None:
        """Principals that only other files name (an import's codes): a code, a kind and a label."""
        for _, row in self._entity_rows("principals.tsv", kept):
            kind = row["kind"]
            if kind not in KINDS:
                raise row.error("kind", f"{kind!r}: use one of {', '.join(KINDS)}")
            pattern, shape = (
                (_STATE_CODE, "a state code is three capital letters")
                if kind == "state"
                else (_OTHER_CODE, "a code is 2 to 12 capital letters or digits")
            )
            self._add_entity(row, Entity(row["code"], kind, row["name"], None, None, None, None), pattern, shape)

    def _add_names_of_whole(self, row: Row, layer: int, code: str) -> None:
        seen: set[str] = set()
        self._add_form(row, layer, "name", row["name"], seen, principal=code, kind="name", own_sector=True)
        for form in items(row, "aliases"):
            self._add_form(row, layer, "aliases", form, seen, principal=code, kind="name", own_sector=True)

    # --- names of parts of entities ---------------------------------------------------------------

    def _principal(self, row: Row, kinds: tuple[str, ...] = KINDS) -> str:
        code = row["principal"]
        entity = self.entities.get(code)
        if entity is None or entity.kind not in kinds:
            files = {"state": "states.tsv", "igo": "organisations.tsv", "group": "groups.tsv"}
            where = " or ".join(files[kind] for kind in kinds)
            raise row.error("principal", f"{code!r} is not defined: use a code from {where} or add it there")
        return code

    def _read_organs(self) -> None:
        for layer, row in self._rows("organs.tsv"):
            principal = self._principal(row, ("igo",))
            sector = self._sector(row, "sector", row["sector"])
            meaning = {"principal": principal, "kind": "name", "sector": sector, "name": row["name"], "when": row_period(row)}
            seen: set[str] = set()
            self._add_form(row, layer, "name", row["name"], seen, **meaning)
            for form in items(row, "forms"):
                self._add_form(row, layer, "forms", form, seen, **meaning)

    def _read_state_names(self, file: str, kind: str) -> None:
        """Metonyms ("Kremlin") and named bodies ("CIA"): a state's organ, with its sector."""
        for layer, row in self._rows(file):
            principal = self._principal(row, ("state",))
            if not row["sector"]:
                raise row.error("sector", "empty: write the sector this name stands for (GOV, MIL, SPY, ...)")
            sector = self._sector(row, "sector", row["sector"])
            self._add_named_forms(row, layer, principal=principal, kind=kind, sector=sector)

    def _read_names(self) -> None:
        """Other names of any principal; an empty sector means the principal's own sector that day."""
        for layer, row in self._rows("names.tsv"):
            principal = self._principal(row)
            sector = self._sector(row, "sector", row["sector"])
            self._add_named_forms(row, layer, principal=principal, kind="name", sector=sector, own_sector=sector is None)

    def _add_named_forms(self, row: Row, layer: int, **meaning) -> None:
        """The forms of a row with an optional canonical ``name`` and its ``forms``."""
        name = row.values.get("name") or None
        meaning = {**meaning, "name": name, "when": row_period(row)}
        seen: set[str] = set()
        if name is not None:
            self._add_form(row, layer, "name", name, seen, **meaning)
        for form in items(row, "forms"):
            self._add_form(row, layer, "forms", form, seen, **meaning)
        if name is None and not seen:
            raise row.error("forms", "empty: list the names this row stands for")

    def _read_regions(self) -> None:
        for layer, row in self._rows("regions.tsv"):
            principal = self._principal(row, ("state",))
            meaning = {"principal": principal, "kind": "region", "name": row["name"], "when": row_period(row)}
            seen: set[str] = set()
            self._add_form(row, layer, "name", row["name"], seen, **meaning)
            for form in items(row, "forms"):
                self._add_form(row, layer, "forms", form, seen, **meaning)

    def _add_form(
        self,
        row: Row,
        layer: int,
        column: str,
        form: str,
        seen: set[str],
        *,
        principal: str,
        kind: str,
        sector: str | None = None,
        name: str | None = None,
        when: Period | None = None,
        own_sector: bool = False,
    ) -> None:
        """Register one surface form; ``when`` None or open-ended means as long as its principal exists."""
        written = _written(row, column, form)
        if written in seen:
            raise row.error(column, f"{form!r} is listed twice in this row: keep one")
        seen.add(written)
        period = self.periods[principal] if when is None or when.open else when
        meaning = _Name(written, principal, sector, name, kind, period, own_sector, row.source)
        self._refuse_relisting(row, layer, column, meaning)
        self.names.setdefault(written.casefold(), []).append((layer, meaning))

    def _refuse_relisting(self, row: Row, layer: int, column: str, meaning: _Name) -> None:
        """A form may mean several things, but one thing only once at a time; a later layer's
        listing replaces an earlier layer's."""
        listings = self.listed.setdefault((meaning.form, meaning.principal, meaning.name), [])
        for listing in list(listings):
            if not listing.period.overlaps(meaning.period):
                continue
            if listing.layer == layer:
                raise row.error(
                    column, f"{meaning.form!r} already means {meaning.principal} ({listing.row.where()}): remove one of the two"
                )
            listings.remove(listing)
            key = meaning.form.casefold()
            self.names[key] = [entry for entry in self.names[key] if entry[1] is not listing.meaning]
        listings.append(_Listing(meaning.period, row, layer, meaning))

    # --- people ---------------------------------------------------------------------------------

    def _read_people(self) -> None:
        offices: dict[str, list[tuple[int, _Office, Row]]] = {}
        aliases: dict[str, list[tuple[int, str, Row]]] = {}
        for layer, row in self._rows("people.tsv"):
            person = row["name"]
            if not person:
                raise row.error("name", "empty: write the person's canonical full name")
            if not row["role"]:
                raise row.error("role", "empty: write the title of the office (President, Foreign Minister, ...)")
            principal = self._principal(row)
            sector = self._sector(row, "sector", row["sector"])
            office = _Office(principal, sector, row["role"], row_period(row), row.source)
            held = offices.setdefault(person, [])
            for earlier_layer, earlier, earlier_row in list(held):
                if not office.period.overlaps(earlier.period):
                    continue
                if earlier_layer == layer:
                    raise row.error(
                        "start",
                        f"{person}'s role {office.title!r} overlaps their role {earlier.title!r} "
                        f"({earlier_row.where()}): a person holds one role at a time here; "
                        "end one before the next starts",
                    )
                held.remove((earlier_layer, earlier, earlier_row))
            held.append((layer, office, row))
            aliases.setdefault(person, []).extend((layer, alias, row) for alias in items(row, "aliases"))
        for person, held in offices.items():
            ordered = tuple(sorted((office for _, office, _ in held), key=lambda office: office.period.start or date.min))
            layer = max(layer for layer, _, _ in held)
            first_layer, _, first_row = held[0]
            names = [(first_layer, person, first_row, "name")]
            names += [(alias_layer, alias, row, "aliases") for alias_layer, alias, row in aliases[person]]
            seen: dict[str, int] = {}
            for name_layer, form, row, column in names:
                written = _written(row, column, form)
                if written in seen:
                    if seen[written] == name_layer:
                        raise row.error(column, f"{form!r} is already a name of {person}: list each name once")
                    continue
                seen[written] = name_layer
                self.names.setdefault(written.casefold(), []).append((layer, _Person(written, person, ordered)))

    # --- role words -----------------------------------------------------------------------------

    def _read_roles(self) -> None:
        rows_of: dict[str, tuple[int, Row]] = {}
        for layer, row in self._rows("roles.tsv"):
            sector = self._sector(row, "sector", row["sector"])
            if row["refers_to"] not in REFERS_TO:
                raise row.error("refers_to", f"{row['refers_to']!r}: use one of {', '.join(sorted(REFERS_TO))}")
            words = items(row, "words")
            if not words:
                raise row.error("words", "empty: list the role words of this row")
            for word in words:
                key = _clean(word).casefold()
                earlier = rows_of.get(key)
                if earlier is not None and earlier[0] == layer:
                    raise row.error("words", f"{word!r} is already a role word ({earlier[1].where()}): keep one")
                rows_of[key] = (layer, row)
                self.roles[key] = Role(sector, row["refers_to"])
                if key in self.names:
                    self.names[key] = [entry for entry in self.names[key] if entry[0] >= layer]
