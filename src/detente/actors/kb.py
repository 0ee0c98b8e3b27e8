"""The actor knowledge base: what a name in the news stands for on a given day.

The facts live in tab-separated files in ``data/`` (``data/README.md`` says what each
column holds). ``load`` reads and checks them once per process. A row that cannot be right
stops loading with a ``KnowledgeBaseError`` naming the file, line and field, so a bad edit
is caught at once instead of silently mis-coding events.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

DATA = Path(__file__).parent / "data"

# What a bare definite role word ("the movement", "the minister") can refer back to.
REFERS_TO = frozenset({"person", "people", "state", "group", "igo", "organisation", "any"})

# A capital stands for the government that sits in it ("Moscow said").
CAPITAL_SECTOR = "GOV"

# A person between or after their roles: a public figure without office.
OUT_OF_OFFICE_SECTOR = "ELI"

COLUMNS = {
    "sectors.tsv": ("code", "meaning"),
    "states.tsv": (
        "code", "cow", "name", "start", "end", "successors",
        "aliases", "misspellings", "adjectives", "demonyms", "capitals",
    ),
    "organisations.tsv": ("code", "name", "start", "end", "sector", "aliases"),
    "groups.tsv": ("code", "name", "country", "start", "end", "sector", "aliases"),
    "organs.tsv": ("principal", "name", "sector", "start", "end", "forms"),
    "metonyms.tsv": ("principal", "sector", "start", "end", "forms"),
    "bodies.tsv": ("principal", "sector", "start", "end", "name", "forms"),
    "regions.tsv": ("principal", "name", "start", "end", "forms"),
    "people.tsv": ("name", "aliases", "principal", "sector", "role", "start", "end"),
    "roles.tsv": ("sector", "refers_to", "words"),
}

_STATE_CODE = re.compile(r"[A-Z]{3}")
_OTHER_CODE = re.compile(r"[A-Z][A-Z0-9]{1,11}")
# The columns of states.tsv that hold undated surface forms, and the kind of name each gives.
_STATE_FORMS = (("aliases", "name"), ("misspellings", "name"), ("adjectives", "adjective"), ("demonyms", "demonym"))
_DAY = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# Typographic apostrophes and hyphens news text uses where the data has plain ones.
_PLAIN = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-"})


class KnowledgeBaseError(ValueError):
    """A data file the knowledge base cannot be built from; the message names file, line and field."""


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
class _Period:
    """The days from ``start`` (included) to ``end`` (excluded); ``None`` leaves that side open."""

    start: date | None = None
    end: date | None = None

    def contains(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def distance(self, day: date) -> int:
        """Days between ``day`` and the nearest day of the period (0 inside it)."""
        if self.start is not None and day < self.start:
            return (self.start - day).days
        if self.end is not None and day >= self.end:
            return (day - self.end).days + 1
        return 0

    def overlaps(self, other: _Period) -> bool:
        starts_before_other_ends = self.start is None or other.end is None or self.start < other.end
        ends_after_other_starts = self.end is None or other.start is None or other.start < self.end
        return starts_before_other_ends and ends_after_other_starts


_Dated = tuple[tuple[str, _Period], ...]


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
    period: _Period
    # True when the form names its principal as a whole, whose own (dated) sector applies.
    own_sector: bool

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
    period: _Period


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
    ) -> None:
        self.entities: Mapping[str, Entity] = MappingProxyType(dict(entities))
        self._sectors = sectors
        self._homes = homes
        self._successors = successors
        self._names = names
        self._roles = roles

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
        the one holding on ``on`` wins, then the earliest in the data; when none holds, the one
        nearest in time.
        """
        written = _clean(text)
        meanings = [
            meaning
            for meaning in self._names.get(written.casefold(), ())
            if _capitals_kept(meaning.form, written)
        ]
        if not meanings:
            return None
        holding = [meaning for meaning in meanings if meaning.holds(on)]
        chosen = holding[0] if holding else min(meanings, key=lambda meaning: meaning.distance(on))
        if isinstance(chosen, _Person):
            return self._person_reference(chosen, on)
        sector = self.sector_on(chosen.principal, on) if chosen.own_sector else chosen.sector
        entity_kind = self.entities[chosen.principal].kind
        return Reference(chosen.principal, sector, chosen.name, chosen.kind, entity_kind)

    def role(self, word: str) -> Role | None:
        """The role a word or phrase gives ("diplomats", "Foreign Ministry"), trying it as written
        (lower-cased) and then its singular."""
        text = _clean(word).casefold()
        for candidate in _singulars(text):
            if candidate in self._roles:
                return self._roles[candidate]
        return None

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

    def _person_reference(self, person: _Person, on: date) -> Reference:
        office, in_office = person.office_on(on)
        if not in_office:
            sector: str | None = OUT_OF_OFFICE_SECTOR
        elif office.sector is not None:
            sector = office.sector
        else:
            sector = self.sector_on(office.principal, on)
        return Reference(office.principal, sector, person.name, "person", self.entities[office.principal].kind)


def load(folder: Path | None = None) -> KnowledgeBase:
    """The knowledge base in ``folder`` (the package's own data by default, read once per process)."""
    if folder is None:
        return _load_packaged()
    return _Builder(Path(folder)).build()


@lru_cache(maxsize=1)
def _load_packaged() -> KnowledgeBase:
    return _Builder(DATA).build()


def _clean(text: str) -> str:
    """``text`` as lookup compares it: NFC, plain apostrophes, single spaces, no leading "the"."""
    text = " ".join(unicodedata.normalize("NFC", text).translate(_PLAIN).split())
    if text[:4].casefold() == "the ":
        return text[4:]
    return text


def _written(row: _Row, column: str, form: str) -> str:
    """A surface form from the data as lookup stores it, refusing one that lookup could never match."""
    if " ".join(form.split())[:4].casefold() == "the ":
        raise row.error(column, f"{form!r} starts with 'the', which lookup ignores: write it without")
    return _clean(form)


def _capitals_kept(form: str, written: str) -> bool:
    """Whether ``written`` keeps the capitals ``form`` requires: an all-capital word (two letters
    or more) must stay all capitals, a capitalised word must stay capitalised."""
    for required, word in zip(form.split(" "), written.split(" ")):
        letters = [c for c in required if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            if any(c.islower() for c in word):
                return False
        elif letters and letters[0].isupper():
            first = next((c for c in word if c.isalpha()), "")
            if not first.isupper():
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


@dataclass(frozen=True)
class _Row:
    """One data row, with where it came from for error messages."""

    path: Path
    line: int
    values: Mapping[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]

    def error(self, column: str, problem: str) -> KnowledgeBaseError:
        return KnowledgeBaseError(f"{self.path}, line {self.line}, field {column!r}: {problem}")

    def where(self) -> str:
        return f"{self.path.name} line {self.line}"


def _rows(path: Path) -> Iterator[_Row]:
    """The rows of a data file; lines starting with '#' and blank lines are comments."""
    columns = COLUMNS[path.name]
    if not path.is_file():
        raise KnowledgeBaseError(
            f"{path}: file not found; a knowledge base folder needs {', '.join(COLUMNS)} (see actors/data/README.md)"
        )
    header_seen = False
    with path.open(encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            text = line.rstrip("\r\n")
            if not text.strip() or text.startswith("#"):
                continue
            cells = next(csv.reader([text], delimiter="\t", quoting=csv.QUOTE_NONE))
            if not header_seen:
                header_seen = True
                if tuple(cells) != columns:
                    raise KnowledgeBaseError(
                        f"{path}, line {number}, field 'header': the columns are {' '.join(cells)!r}; "
                        f"write the header as {' '.join(columns)!r}, tab-separated"
                    )
                continue
            if len(cells) != len(columns):
                # Name the first missing field, or the last one when there are too many.
                field = columns[len(cells)] if len(cells) < len(columns) else columns[-1]
                raise KnowledgeBaseError(
                    f"{path}, line {number}, field {field!r}: {len(cells)} tab-separated fields where "
                    f"there should be {len(columns)} ({', '.join(columns)}); leave an empty field "
                    "between tabs rather than dropping it"
                )
            yield _Row(path, number, dict(zip(columns, (cell.strip() for cell in cells))))


def _day(row: _Row, column: str, text: str) -> date | None:
    """A date written YYYY-MM-DD, YYYY-MM or YYYY (a partial date stands for its first day)."""
    if not text:
        return None
    match = _DAY.fullmatch(text)
    if match is not None:
        year, month, day = match.groups()
        try:
            return date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            pass
    raise row.error(column, f"{text!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")


def _period(row: _Row, start: str, end: str, start_column: str, end_column: str) -> _Period:
    period = _Period(_day(row, start_column, start), _day(row, end_column, end))
    if period.start is not None and period.end is not None and period.start >= period.end:
        raise row.error(
            end_column,
            f"the end {end} is not after the start {start}: fix the dates "
            "(the end is the first day it no longer holds)",
        )
    return period


def _row_period(row: _Row) -> _Period:
    return _period(row, row["start"], row["end"], "start", "end")


def _items(row: _Row, column: str) -> list[str]:
    """The '|'-separated values of a field."""
    text = row[column]
    if not text:
        return []
    items = [item.strip() for item in text.split("|")]
    if any(not item for item in items):
        raise row.error(column, f"{text!r} has an empty value between '|' separators: remove the extra '|'")
    return items


def _dated_items(row: _Row, column: str) -> list[tuple[str, _Period | None]]:
    """Values with an optional validity, written ``VALUE@START..END`` (either side may be empty)."""
    dated = []
    for item in _items(row, column):
        value, at, span = item.partition("@")
        if not at:
            dated.append((value.strip(), None))
            continue
        start, dots, end = span.partition("..")
        if not dots:
            raise row.error(column, f"{item!r}: write a dated value as VALUE@START..END (either date may be empty)")
        dated.append((value.strip(), _period(row, start.strip(), end.strip(), column, column)))
    return dated


class _Builder:
    """Reads a data folder into a KnowledgeBase, checking every row as it goes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sector_codes: set[str] = set()
        self.entities: dict[str, Entity] = {}
        self.entity_rows: dict[str, _Row] = {}
        self.periods: dict[str, _Period] = {}
        self.sectors: dict[str, _Dated] = {}
        self.homes: dict[str, _Dated] = {}
        self.successors: dict[str, tuple[str, ...]] = {}
        self.names: dict[str, list[_Meaning]] = {}
        # Where each form was listed for each meaning, to refuse listing it twice.
        self.listed: dict[tuple[str, str, str | None], list[tuple[_Period, _Row]]] = {}
        self.roles: dict[str, Role] = {}

    def build(self) -> KnowledgeBase:
        self._read_sectors()
        self._read_states()
        self._read_organisations()
        self._read_groups()
        self._read_organs()
        self._read_state_names("metonyms.tsv", "metonym")
        self._read_state_names("bodies.tsv", "name")
        self._read_regions()
        self._read_people()
        self._read_roles()
        names = {key: tuple(meanings) for key, meanings in self.names.items()}
        return KnowledgeBase(self.entities, self.sectors, self.homes, self.successors, names, self.roles)

    def _path(self, name: str) -> Path:
        return self.folder / name

    # --- vocabulary -----------------------------------------------------------------------------

    def _read_sectors(self) -> None:
        for row in _rows(self._path("sectors.tsv")):
            code = row["code"]
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise row.error("code", f"{code!r}: a sector code is three capital letters")
            if code in self.sector_codes:
                raise row.error("code", f"sector {code} is listed twice: keep one row")
            self.sector_codes.add(code)

    def _sector(self, row: _Row, column: str, code: str) -> str | None:
        if not code:
            return None
        if code not in self.sector_codes:
            known = ", ".join(sorted(self.sector_codes))
            raise row.error(column, f"unknown sector {code!r}: use one of {known} or add it to sectors.tsv")
        return code

    # --- entities -------------------------------------------------------------------------------

    def _add_entity(self, row: _Row, entity: Entity, pattern: re.Pattern[str], shape: str) -> None:
        if not pattern.fullmatch(entity.code):
            raise row.error("code", f"{entity.code!r}: {shape}")
        if entity.code in self.entities:
            earlier = self.entity_rows[entity.code]
            raise row.error(
                "code", f"code {entity.code} is already used ({earlier.where()}): give each entity its own code"
            )
        if not entity.name:
            raise row.error("name", "the canonical name is empty: write the entity's English name")
        self.entities[entity.code] = entity
        self.entity_rows[entity.code] = row
        self.periods[entity.code] = _Period(entity.start, entity.end)

    def _read_states(self) -> None:
        path = self._path("states.tsv")
        successor_rows = []
        for row in _rows(path):
            period = _row_period(row)
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
            self._add_form(row, "name", row["name"], seen, principal=entity.code, kind="name")
            for column, kind in _STATE_FORMS:
                for form in _items(row, column):
                    self._add_form(row, column, form, seen, principal=entity.code, kind=kind)
            for form, when in _dated_items(row, "capitals"):
                self._add_form(
                    row, "capitals", form, seen, principal=entity.code, kind="capital", sector=CAPITAL_SECTOR, when=when
                )
        for row in successor_rows:
            successors = tuple(_items(row, "successors"))
            for code in successors:
                if code not in self.entities or self.entities[code].kind != "state":
                    raise row.error(
                        "successors", f"{code!r} is not a state in states.tsv: fix the code or add the state"
                    )
            if successors:
                self.successors[row["code"]] = successors

    def _dated_sectors(self, row: _Row) -> _Dated:
        values = []
        for code, when in _dated_items(row, "sector"):
            if not code:
                raise row.error("sector", "a dated sector without its code: write it as CODE@START..END")
            self._sector(row, "sector", code)
            values.append((code, when or _Period()))
        self._refuse_overlaps(row, "sector", values)
        return tuple(values)

    def _refuse_overlaps(self, row: _Row, column: str, values: list[tuple[str, _Period]]) -> None:
        for index, (value, period) in enumerate(values):
            for other, other_period in values[:index]:
                if period.overlaps(other_period):
                    raise row.error(
                        column, f"{other} and {value} hold at the same time: give them dates that do not overlap"
                    )

    def _read_organisations(self) -> None:
        for row in _rows(self._path("organisations.tsv")):
            period = _row_period(row)
            entity = Entity(row["code"], "igo", row["name"], None, None, period.start, period.end)
            self._add_entity(row, entity, _OTHER_CODE, "an organisation code is 2 to 12 capital letters or digits")
            self.sectors[entity.code] = self._dated_sectors(row)
            self._add_names_of_whole(row, entity.code)

    def _read_groups(self) -> None:
        for row in _rows(self._path("groups.tsv")):
            period = _row_period(row)
            homes = []
            for code, when in _dated_items(row, "country"):
                if code not in self.entities or self.entities[code].kind != "state":
                    raise row.error(
                        "country", f"{code!r} is not a state in states.tsv: write the home state's ISO3 code"
                    )
                homes.append((code, when or _Period()))
            self._refuse_overlaps(row, "country", homes)
            current = max(homes, key=lambda home: home[1].start or date.min)[0] if homes else None
            entity = Entity(row["code"], "group", row["name"], None, current, period.start, period.end)
            self._add_entity(row, entity, _OTHER_CODE, "a group code is 2 to 12 capital letters or digits")
            self.sectors[entity.code] = self._dated_sectors(row)
            self.homes[entity.code] = tuple(homes)
            self._add_names_of_whole(row, entity.code)

    def _add_names_of_whole(self, row: _Row, code: str) -> None:
        seen: set[str] = set()
        self._add_form(row, "name", row["name"], seen, principal=code, kind="name", own_sector=True)
        for form in _items(row, "aliases"):
            self._add_form(row, "aliases", form, seen, principal=code, kind="name", own_sector=True)

    # --- names of parts of entities ---------------------------------------------------------------

    def _principal(self, row: _Row, kinds: tuple[str, ...] = ("state", "igo", "group")) -> str:
        code = row["principal"]
        entity = self.entities.get(code)
        if entity is None or entity.kind not in kinds:
            files = {"state": "states.tsv", "igo": "organisations.tsv", "group": "groups.tsv"}
            where = " or ".join(files[kind] for kind in kinds)
            raise row.error("principal", f"{code!r} is not defined: use a code from {where} or add it there")
        return code

    def _read_organs(self) -> None:
        for row in _rows(self._path("organs.tsv")):
            principal = self._principal(row, ("igo",))
            sector = self._sector(row, "sector", row["sector"])
            when = _row_period(row)
            meaning = {"principal": principal, "kind": "name", "sector": sector, "name": row["name"], "when": when}
            seen: set[str] = set()
            self._add_form(row, "name", row["name"], seen, **meaning)
            for form in _items(row, "forms"):
                self._add_form(row, "forms", form, seen, **meaning)

    def _read_state_names(self, file: str, kind: str) -> None:
        """Metonyms ("Kremlin") and named bodies ("CIA"): a state's organ, with its sector."""
        for row in _rows(self._path(file)):
            principal = self._principal(row, ("state",))
            if not row["sector"]:
                raise row.error("sector", "empty: write the sector this name stands for (GOV, MIL, SPY, ...)")
            sector = self._sector(row, "sector", row["sector"])
            when = _row_period(row)
            name = row.values.get("name") or None
            meaning = {"principal": principal, "kind": kind, "sector": sector, "name": name, "when": when}
            seen: set[str] = set()
            if name is not None:
                self._add_form(row, "name", name, seen, **meaning)
            for form in _items(row, "forms"):
                self._add_form(row, "forms", form, seen, **meaning)
            if name is None and not seen:
                raise row.error("forms", "empty: list the names this row stands for")

    def _read_regions(self) -> None:
        for row in _rows(self._path("regions.tsv")):
            principal = self._principal(row, ("state",))
            when = _row_period(row)
            meaning = {"principal": principal, "kind": "region", "name": row["name"], "when": when}
            seen: set[str] = set()
            self._add_form(row, "name", row["name"], seen, **meaning)
            for form in _items(row, "forms"):
                self._add_form(row, "forms", form, seen, **meaning)

    def _add_form(
        self,
        row: _Row,
        column: str,
        form: str,
        seen: set[str],
        *,
        principal: str,
        kind: str,
        sector: str | None = None,
        name: str | None = None,
        when: _Period | None = None,
        own_sector: bool = False,
    ) -> None:
        """Register one surface form; ``when`` None or open-ended means as long as its principal exists."""
        written = _written(row, column, form)
        if written in seen:
            raise row.error(column, f"{form!r} is listed twice in this row: keep one")
        seen.add(written)
        period = self.periods[principal] if when is None or when == _Period() else when
        meaning = _Name(written, principal, sector, name, kind, period, own_sector)
        self._refuse_relisting(row, column, meaning)
        self.names.setdefault(written.casefold(), []).append(meaning)

    def _refuse_relisting(self, row: _Row, column: str, meaning: _Name) -> None:
        """A form may mean several things, but one thing only once at a time."""
        listings = self.listed.setdefault((meaning.form, meaning.principal, meaning.name), [])
        for other_period, other_row in listings:
            if other_period.overlaps(meaning.period):
                raise row.error(
                    column, f"{meaning.form!r} already means {meaning.principal} ({other_row.where()}): remove one of the two"
                )
        listings.append((meaning.period, row))

    # --- people ---------------------------------------------------------------------------------

    def _read_people(self) -> None:
        offices: dict[str, list[tuple[_Office, _Row]]] = {}
        aliases: dict[str, list[tuple[str, _Row]]] = {}
        for row in _rows(self._path("people.tsv")):
            person = row["name"]
            if not person:
                raise row.error("name", "empty: write the person's canonical full name")
            if not row["role"]:
                raise row.error("role", "empty: write the title of the office (President, Foreign Minister, ...)")
            principal = self._principal(row)
            sector = self._sector(row, "sector", row["sector"])
            office = _Office(principal, sector, row["role"], _row_period(row))
            for earlier, earlier_row in offices.get(person, []):
                if office.period.overlaps(earlier.period):
                    raise row.error(
                        "start",
                        f"{person}'s role {office.title!r} overlaps their role {earlier.title!r} "
                        f"({earlier_row.where()}): a person holds one role at a time here; "
                        "end one before the next starts",
                    )
            offices.setdefault(person, []).append((office, row))
            aliases.setdefault(person, []).extend((alias, row) for alias in _items(row, "aliases"))
        for person, held in offices.items():
            ordered = tuple(sorted((office for office, _ in held), key=lambda office: office.period.start or date.min))
            names = [(person, held[0][1], "name")] + [(alias, row, "aliases") for alias, row in aliases[person]]
            seen: set[str] = set()
            for form, row, column in names:
                written = _written(row, column, form)
                if written in seen:
                    raise row.error(column, f"{form!r} is already a name of {person}: list each name once")
                seen.add(written)
                self.names.setdefault(written.casefold(), []).append(_Person(written, person, ordered))

    # --- role words -----------------------------------------------------------------------------

    def _read_roles(self) -> None:
        rows_of: dict[str, _Row] = {}
        for row in _rows(self._path("roles.tsv")):
            sector = self._sector(row, "sector", row["sector"])
            if row["refers_to"] not in REFERS_TO:
                raise row.error("refers_to", f"{row['refers_to']!r}: use one of {', '.join(sorted(REFERS_TO))}")
            words = _items(row, "words")
            if not words:
                raise row.error("words", "empty: list the role words of this row")
            for word in words:
                key = _clean(word).casefold()
                if key in rows_of:
                    raise row.error("words", f"{word!r} is already a role word ({rows_of[key].where()}): keep one")
                rows_of[key] = row
                self.roles[key] = Role(sector, row["refers_to"])
