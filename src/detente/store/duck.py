"""The embedded DuckDB store: one file holding documents, sentences, actors, events and imports."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Sequence

import duckdb
import pyarrow as pa

from detente.model import Actor, Document, Event, EventDate, Sentence

SCHEMA_VERSION = "2"

_EVENT_COLUMNS = (
    "e.doc_id, e.sentence_index, s.text, e.span_start, e.span_end, "
    "e.source_principal, sa.sector, sa.name, e.source_text, "
    "e.target_principal, ta.sector, ta.name, e.target_text, "
    "e.cameo, e.root, e.quad, e.goldstein, e.plover, "
    "e.date_start, e.date_end, e.date_precision, e.from_publication_date, e.trigger, "
    "e.negated, e.hypothetical, e.alleged, e.is_symmetric, e.dataset, i.file || ':' || e.line"
)

# Events with everything an Event holds: actors' sectors and names, the evidence sentence, the imported file.
EVENT_SOURCES = (
    "FROM events e "
    "LEFT JOIN actors sa ON sa.actor_id = e.source_actor "
    "LEFT JOIN actors ta ON ta.actor_id = e.target_actor "
    "LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index "
    "LEFT JOIN imports i ON i.import_id = e.import_id"
)

# The columns a coded event fills (an imported one fills its own: importers/engine.py).
_CODED_COLUMNS = (
    "event_id, dataset, doc_id, sentence_index, span_start, span_end, "
    "source_actor, source_principal, source_text, target_actor, target_principal, target_text, "
    "cameo, root, quad, goldstein, plover, date_start, date_end, date_precision, from_publication_date, "
    "trigger, negated, hypothetical, alleged, is_symmetric"
)


@dataclass(frozen=True)
class StoredDocument:
    """A document as the store keeps it: the text as read (event spans point into it) and where it came from."""

    doc_id: str
    source: str
    title: str | None
    url: str | None
    date: date
    original: str


class StoreError(RuntimeError):
    """The store cannot be opened or written."""


def _actor_id(actor: Actor) -> str:
    key = "\x1f".join((actor.principal, actor.sector or "", actor.name or ""))
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def _event_id(event: Event) -> str:
    key = "\x1f".join(
        str(part)
        for part in (
            event.doc_id,
            event.sentence_index,
            _actor_id(event.source),
            event.source.text,
            _actor_id(event.target),
            event.target.text,
            event.cameo,
            event.trigger,
            event.negated,
            event.hypothetical,
            event.alleged,
        )
    )
    return hashlib.sha1(key.encode()).hexdigest()


class Store:
    """A detente database file. Each document is written in one transaction, at most once."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database; run `detente analyze` first or pass --db")
        try:
            self._db = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: cannot open the database ({_reason(error)}); choose another --db") from None
        if not read_only:
            self._create_schema()
        self._check_version()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for the importers and exports that run their SQL on this schema."""
        return self._db

    def _create_schema(self) -> None:
        ddl = resources.files("detente.store").joinpath("schema.sql").read_text(encoding="utf-8")
        try:
            if self._version() == "1":
                self._migrate_from_1(ddl)
            self._db.execute(ddl)
            self._db.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [SCHEMA_VERSION]
            )
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: cannot write the database ({_reason(error)})") from None

    def _migrate_from_1(self, ddl: str) -> None:
        """Version 1 had no provenance columns and an indexed event_id: rebuild its events in one transaction."""
        self._db.begin()
        try:
            self._db.execute("ALTER TABLE events RENAME TO events_1")
            self._db.execute(ddl)
            self._db.execute(f"INSERT INTO events ({_CODED_COLUMNS}) SELECT {_CODED_COLUMNS} FROM events_1")
            self._db.execute("DROP TABLE events_1")
            self._db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [SCHEMA_VERSION])
            self._db.commit()
        except duckdb.Error:
            self._db.rollback()
            raise

    def _version(self) -> str | None:
        try:
            rows = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        except duckdb.CatalogException:
            return None
        return rows[0][0] if rows else None

    def _check_version(self) -> None:
        version = self._version()
        if version == "1":
            raise StoreError(
                f"{self.path}: written by an earlier detente (schema version 1); "
                "open it once for writing (detente analyze or detente import) to upgrade it"
            )
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: not a detente database of schema version {SCHEMA_VERSION}; choose another --db"
            )

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has_document(self, doc_id: str) -> bool:
        return bool(self._db.execute("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]).fetchall())

    def add(self, document: Document, sentences: Sequence[Sentence], events: Sequence[Event]) -> bool:
        """Store a document with its sentences and events; False when it was stored before."""
        if document.date is None:
            raise StoreError(f"{document.source}: no publication date; pass --date YYYY-MM-DD")
        cursor = self._db.cursor()
        try:
            cursor.begin()
            inserted = cursor.execute(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING doc_id",
                [
                    document.doc_id,
                    document.source,
                    document.title,
                    document.url,
                    document.date,
                    document.text,
                    document.original,
                    datetime.now(timezone.utc).replace(tzinfo=None),
                ],
            ).fetchall()
            if not inserted:
                cursor.rollback()
                return False
            _insert(
                cursor,
                "sentences",
                [(s.doc_id, s.index, *document.original_span(s.start, s.end), s.text) for s in sentences],
            )
            actors = {_actor_id(a): a for e in events for a in (e.source, e.target)}
            _insert(cursor, "actors", [(key, a.principal, a.sector, a.name) for key, a in actors.items()], keep_existing=True)
            # An event coded twice in one sentence is stored once; the document is new, so its events are.
            rows: dict[str, tuple] = {}
            for row in map(_event_row, events):
                rows.setdefault(row[0], row)
            _insert(cursor, f"events ({_CODED_COLUMNS})", list(rows.values()))
            cursor.commit()
        except duckdb.Error as error:
            cursor.rollback()
            raise StoreError(f"{self.path}: could not store {document.source} ({_reason(error)}); nothing was written") from None
        finally:
            cursor.close()
        return True

    def events(
        self,
        *,
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        since: date | None = None,
        until: date | None = None,
        doc_id: str | None = None,
        dataset: str | None = None,
        starting: Sequence[date] | None = None,
    ) -> list[Event]:
        """Coded and imported events, oldest first; `actor` and `dyad` take principals (either
        direction for a dyad), `dataset` one dataset ("coded", "gdelt1", "tkg:ICEWS14", ...),
        `starting` the days the events' dates start on.

        An imported actor that maps to no principal has principal "" and its raw text.
        """
        where, params = event_filter(actor=actor, dyad=dyad, since=since, until=until, dataset=dataset)
        if doc_id is not None:
            where.append("e.doc_id = ?")
            params.append(doc_id)
        if starting is not None:
            where.append(f"e.date_start IN ({', '.join('?' * len(starting)) or 'NULL'})")
            params += list(starting)
        rows = self._db.execute(
            f"SELECT {_EVENT_COLUMNS} {EVENT_SOURCES} "
            f"WHERE {' AND '.join(where) or 'true'} "
            "ORDER BY e.date_start, e.doc_id, e.sentence_index, e.event_id",
            params,
        ).fetchall()
        return [_event_from_row(row) for row in rows]

    def document(self, doc_id: str) -> tuple[StoredDocument, list[Event]] | None:
        """A stored document with its events, oldest first; None if there is no such document."""
        rows = self._db.execute(
            "SELECT doc_id, source, title, url, pub_date, original FROM documents WHERE doc_id = ?", [doc_id]
        ).fetchall()
        if not rows:
            return None
        return StoredDocument(*rows[0]), self.events(doc_id=doc_id)

    def counts(self) -> dict[str, int]:
        """How many rows each table of coded articles holds."""
        return {
            table: self._db.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
            for table in ("documents", "sentences", "actors", "events")
        }

    def imports(self) -> list[dict]:
        """Every file imported so far, oldest first, with where its rows went."""
        cursor = self._db.execute(
            "SELECT import_id, format, dataset, file, sha256, imported_at, rows, imported, duplicates, "
            "quarantined, unmapped FROM imports ORDER BY import_id"
        )
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def quarantine(self, import_id: int | None = None) -> list[dict]:
        """The rows imports set aside, with file, line, field and reason."""
        where, params = ("WHERE import_id = ?", [import_id]) if import_id is not None else ("", [])
        cursor = self._db.execute(
            f"SELECT import_id, dataset, file, line, field, reason, raw FROM quarantine {where} "
            "ORDER BY import_id, line",
            params,
        )
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


def event_filter(
    *,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    since: date | None = None,
    until: date | None = None,
    dataset: str | None = None,
) -> tuple[list[str], list]:
    """SQL conditions on the events table (aliased ``e``) and their parameters."""
    where: list[str] = []
    params: list = []
    if actor is not None:
        where.append("(e.source_principal = ? OR e.target_principal = ?)")
        params += [actor, actor]
    if dyad is not None:
        a, b = dyad
        where.append(
            "((e.source_principal = ? AND e.target_principal = ?) OR (e.source_principal = ? AND e.target_principal = ?))"
        )
        params += [a, b, b, a]
    if since is not None:
        where.append("e.date_end >= ?")
        params.append(since)
    if until is not None:
        where.append("e.date_start <= ?")
        params.append(until)
    if dataset is not None:
        where.append("e.dataset = ?")
        params.append(dataset)
    return where, params


def _insert(cursor: duckdb.DuckDBPyConnection, table: str, rows: list[tuple], *, keep_existing: bool = False) -> None:
    """Insert many rows in one statement through Arrow (DuckDB's executemany goes row by row).

    With ``keep_existing`` a row whose key is already there (an actor another document
    named) is skipped instead of failing.
    """
    if not rows:
        return
    incoming = pa.table({f"c{i}": list(column) for i, column in enumerate(zip(*rows))})
    cursor.register("incoming", incoming)
    try:
        cursor.execute(f"INSERT INTO {table} SELECT * FROM incoming" + (" ON CONFLICT DO NOTHING" if keep_existing else ""))
    finally:
        cursor.unregister("incoming")


def _event_row(event: Event) -> tuple:
    return (
        _event_id(event),
        "coded",
        event.doc_id,
        event.sentence_index,
        *event.span,
        _actor_id(event.source),
        event.source.principal or None,
        event.source.text,
        _actor_id(event.target),
        event.target.principal or None,
        event.target.text,
        event.cameo,
        event.root,
        event.quad,
        event.goldstein,
        event.plover,
        event.date.start,
        event.date.end,
        event.date.precision,
        event.date.from_publication_date,
        event.trigger,
        event.negated,
        event.hypothetical,
        event.alleged,
        event.symmetric,
    )


def _event_from_row(row: tuple) -> Event:
    (doc_id, sentence_index, sentence, span_start, span_end,
     s_principal, s_sector, s_name, s_text, t_principal, t_sector, t_name, t_text,
     cameo, root, quad, goldstein, plover, d_start, d_end, precision, from_pub, trigger,
     negated, hypothetical, alleged, symmetric, dataset, origin) = row  # fmt: skip
    return Event(
        doc_id=doc_id,
        sentence_index=sentence_index,
        sentence=sentence,
        span=None if span_start is None else (span_start, span_end),
        source=Actor(s_principal or "", s_sector, s_name, s_text or ""),
        target=Actor(t_principal or "", t_sector, t_name, t_text or ""),
        cameo=cameo,
        root=root,
        quad=quad,
        goldstein=goldstein,
        plover=plover,
        date=EventDate(d_start, d_end, precision, from_pub),
        trigger=trigger,
        negated=negated,
        hypothetical=hypothetical,
        alleged=alleged,
        symmetric=symmetric,
        dataset=dataset,
        origin=origin,
    )


def _reason(error: duckdb.Error) -> str:
    return str(error).splitlines()[0].removeprefix("IO Error: ")
