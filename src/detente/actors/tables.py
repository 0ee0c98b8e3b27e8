"""The tab-separated files a knowledge base is read from, as rows that remember where they came from.

A folder holds some of these files: the package's own data holds the core ones, a user's folder
or an import any of them. A user's folder may also hold ``actors.csv``, one row per actor, role
or name in the columns of ``detente actors add``, read into rows of the same files. What one
folder (or one import of another format) says is a ``Layer``; the knowledge base merges layers
over the package's. Every row keeps its file and line, so that an error — or an explanation of
how a name resolves — can point at it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# Every file a folder may hold, and its columns in order.
COLUMNS = {
    "sectors.tsv": ("code", "meaning"),
    "states.tsv": (
        "code", "cow", "name", "start", "end", "successors",
        "aliases", "misspellings", "adjectives", "demonyms", "capitals",
    ),
    "organisations.tsv": ("code", "name", "start", "end", "sector", "aliases"),
    "groups.tsv": ("code", "name", "country", "start", "end", "sector", "aliases"),
    "principals.tsv": ("code", "kind", "name"),
    "organs.tsv": ("principal", "name", "sector", "start", "end", "forms"),
    "metonyms.tsv": ("principal", "sector", "start", "end", "forms"),
    "bodies.tsv": ("principal", "sector", "start", "end", "name", "forms"),
    "regions.tsv": ("principal", "name", "start", "end", "forms"),
    "names.tsv": ("principal", "sector", "start", "end", "name", "forms"),
    "people.tsv": ("name", "aliases", "principal", "sector", "role", "start", "end"),
    "roles.tsv": ("sector", "refers_to", "words"),
}

# The files the package's own data must hold; principals.tsv and names.tsv are for the
# principals and names that users and imports add.
CORE = tuple(name for name in COLUMNS if name not in ("principals.tsv", "names.tsv"))

# A user's one-file alternative to the tab-separated files: each row an actor, a person's role or
# another name of a principal, with the columns (and meanings) of `detente actors add`.
CSV_FILE = "actors.csv"
CSV_COLUMNS = ("kind", "name", "code", "sector", "country", "role", "start", "end", "aliases")

# Each kind of row, the file it stands for, and the columns of that file its fields fill
# (aliases are a name's "forms"; a person's and a name's code is their principal).
KIND_FILES = {
    "state": "states.tsv",
    "igo": "organisations.tsv",
    "group": "groups.tsv",
    "person": "people.tsv",
    "name": "names.tsv",
}
_KIND_FIELDS = {
    "state": {"code": "code", "name": "name", "start": "start", "end": "end", "aliases": "aliases"},
    "igo": {"code": "code", "name": "name", "sector": "sector", "start": "start", "end": "end", "aliases": "aliases"},
    "group": {
        "code": "code", "name": "name", "country": "country", "sector": "sector",
        "start": "start", "end": "end", "aliases": "aliases",
    },
    "person": {
        "name": "name", "aliases": "aliases", "code": "principal", "sector": "sector",
        "role": "role", "start": "start", "end": "end",
    },
    "name": {"code": "principal", "sector": "sector", "start": "start", "end": "end", "name": "name", "aliases": "forms"},
}


class KnowledgeBaseError(ValueError):
    """A data file the knowledge base cannot be built from; the message names file, line and field."""


@dataclass(frozen=True)
class Source:
    """Where a fact was read: a file and a line in it."""

    path: Path
    line: int

    def __str__(self) -> str:
        return f"{self.path}, line {self.line}"


@dataclass(frozen=True)
class Row:
    """One data row in the layout of ``COLUMNS``, with where it came from for messages; ``fields``
    names a column as the file it came from calls it, when that differs (``actors.csv``)."""

    path: Path
    line: int
    values: Mapping[str, str] = field(compare=False)
    fields: Mapping[str, str] = field(default_factory=dict, compare=False)

    def __getitem__(self, column: str) -> str:
        return self.values[column]

    @property
    def source(self) -> Source:
        return Source(self.path, self.line)

    def error(self, column: str, problem: str) -> KnowledgeBaseError:
        return KnowledgeBaseError(f"{self.path}, line {self.line}, field {self.fields.get(column, column)!r}: {problem}")

    def where(self) -> str:
        return f"{self.path.name} line {self.line}"


@dataclass(frozen=True)
class Layer:
    """What one folder or one import says: its rows, file by file, in the order written."""

    name: str
    rows: Mapping[str, tuple[Row, ...]]

    def __getitem__(self, file: str) -> tuple[Row, ...]:
        return self.rows.get(file, ())


def read_folder(folder: Path, required: Sequence[str] = ()) -> Layer:
    """The rows of every known file in ``folder``, and of its ``actors.csv``; a file in
    ``required`` that is missing is an error."""
    rows: dict[str, tuple[Row, ...]] = {}
    for name in COLUMNS:
        path = folder / name
        if path.is_file():
            rows[name] = tuple(read_rows(path))
        elif name in required:
            raise KnowledgeBaseError(
                f"{path}: file not found; a knowledge base folder needs {', '.join(required)} "
                "(see actors/data/README.md)"
            )
    if (folder / CSV_FILE).is_file():
        for file, row in read_csv(folder / CSV_FILE):
            rows[file] = (*rows.get(file, ()), row)
    return Layer(str(folder), rows)


def read_csv(path: Path) -> Iterator[tuple[str, Row]]:
    """The rows of a user's ``actors.csv``, each as a row of the file its kind stands for."""
    for number, values in _records(path, CSV_COLUMNS, _COMMAS):
        kind = values["kind"]
        if kind not in KIND_FILES:
            raise KnowledgeBaseError(f"{path}, line {number}, field 'kind': {kind!r}: use one of {', '.join(KIND_FILES)}")
        fields = _KIND_FIELDS[kind]
        for column, value in values.items():
            if value and column != "kind" and column not in fields:
                raise KnowledgeBaseError(
                    f"{path}, line {number}, field {column!r}: a {kind} has no {column}; leave it empty"
                )
        yield KIND_FILES[kind], Row(path, number, kind_values(kind, values), {target: column for column, target in fields.items()})


def kind_values(kind: str, values: Mapping[str, str]) -> dict[str, str]:
    """A row of the file a kind stands for, from the fields of ``detente actors add`` that it has."""
    fields = _KIND_FIELDS[kind]
    return dict.fromkeys(COLUMNS[KIND_FILES[kind]], "") | {target: values.get(column, "") for column, target in fields.items()}


def read_rows(path: Path) -> Iterator[Row]:
    """The rows of a data file; lines starting with '#' and blank lines are comments."""
    for number, values in _records(path, COLUMNS[path.name], _TABS):
        yield Row(path, number, values)


@dataclass(frozen=True)
class _Dialect:
    """How a delimited file separates its fields, and how its messages say so."""

    separator: str
    reader: Mapping[str, object]
    shown: str
    advice: str


_TABS = _Dialect(
    "tab", {"delimiter": "\t", "quoting": csv.QUOTE_NONE}, " ", "leave an empty field between tabs rather than dropping it"
)
_COMMAS = _Dialect(
    "comma", {}, ",", "leave a field empty rather than dropping it, and quote a value that holds a comma"
)


def _records(path: Path, columns: Sequence[str], dialect: _Dialect) -> Iterator[tuple[int, dict[str, str]]]:
    """The numbered records of a delimited file with a header row of ``columns``; lines starting
    with '#' and blank lines are comments."""
    header_seen = False
    for number, line in _lines(path):
        text = line.rstrip("\r\n")
        if not text.strip() or text.startswith("#"):
            continue
        cells = [cell.strip() for cell in next(csv.reader([text], **dialect.reader))]
        if not header_seen:
            header_seen = True
            if tuple(cells) != tuple(columns):
                raise KnowledgeBaseError(
                    f"{path}, line {number}, field 'header': the columns are {dialect.shown.join(cells)!r}; "
                    f"write the header as {dialect.shown.join(columns)!r}, {dialect.separator}-separated"
                )
            continue
        if len(cells) != len(columns):
            # Name the first missing field, or the last one when there are too many.
            missing = columns[len(cells)] if len(cells) < len(columns) else columns[-1]
            raise KnowledgeBaseError(
                f"{path}, line {number}, field {missing!r}: {len(cells)} {dialect.separator}-separated fields "
                f"where there should be {len(columns)} ({', '.join(columns)}); {dialect.advice}"
            )
        yield number, dict(zip(columns, cells))


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """The numbered lines of a UTF-8 file, refusing one in another encoding at the line that is not."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                raise KnowledgeBaseError(
                    f"{path}, line {number}: not UTF-8 text ({error.reason}); save the file as UTF-8"
                ) from error
            yield number, line


def line_of(values: Mapping[str, str], file: str) -> str:
    """``values`` as one line of ``file``, refusing what a tab-separated field cannot hold."""
    cells = []
    for column in COLUMNS[file]:
        value = values.get(column, "")
        if any(character in value for character in "\t\r\n"):
            raise KnowledgeBaseError(f"{file}, field {column!r}: {value!r} holds a tab or a line break; remove it")
        cells.append(value)
    return "\t".join(cells)


def header_of(file: str) -> str:
    return "\t".join(COLUMNS[file])


@dataclass(frozen=True)
class Period:
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

    def overlaps(self, other: Period) -> bool:
        starts_before_other_ends = self.start is None or other.end is None or self.start < other.end
        ends_after_other_starts = self.end is None or other.start is None or other.start < self.end
        return starts_before_other_ends and ends_after_other_starts

    @property
    def open(self) -> bool:
        return self.start is None and self.end is None


def parse_day(row: Row, column: str, text: str) -> date | None:
    """A date written YYYY-MM-DD, YYYY-MM or YYYY (a partial date stands for its first day)."""
    if not text:
        return None
    parts = text.split("-")
    if 1 <= len(parts) <= 3 and all(part.isdigit() for part in parts) and len(parts[0]) == 4:
        if all(len(part) == 2 for part in parts[1:]):
            try:
                return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
            except ValueError:
                pass
    raise row.error(column, f"{text!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")


def parse_period(row: Row, start: str, end: str, start_column: str, end_column: str) -> Period:
    period = Period(parse_day(row, start_column, start), parse_day(row, end_column, end))
    if period.start is not None and period.end is not None and period.start >= period.end:
        raise row.error(
            end_column,
            f"the end {end} is not after the start {start}: fix the dates "
            "(the end is the first day it no longer holds)",
        )
    return period


def row_period(row: Row) -> Period:
    return parse_period(row, row["start"], row["end"], "start", "end")


def items(row: Row, column: str) -> list[str]:
    """The '|'-separated values of a field."""
    text = row[column]
    if not text:
        return []
    values = [value.strip() for value in text.split("|")]
    if any(not value for value in values):
        raise row.error(column, f"{text!r} has an empty value between '|' separators: remove the extra '|'")
    return values


def dated_items(row: Row, column: str) -> list[tuple[str, Period | None]]:
    """Values with an optional validity, written ``VALUE@START..END`` (either side may be empty)."""
    dated = []
    for item in items(row, column):
        value, at, span = item.partition("@")
        if not at:
            dated.append((value.strip(), None))
            continue
        start, dots, end = span.partition("..")
        if not dots:
            raise row.error(column, f"{item!r}: write a dated value as VALUE@START..END (either date may be empty)")
        dated.append((value.strip(), parse_period(row, start.strip(), end.strip(), column, column)))
    return dated
