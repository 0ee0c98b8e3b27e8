"""What every import shares: one transaction per file, rows staged in DuckDB, then sorted into
imported, duplicate and quarantined, with a summary of where they went.

A format module stages a file as the temporary table ``staged`` with ``STAGED_COLUMNS``: one row
per line that holds a record, its line number, and either ``field``/``reason`` saying why it
cannot be stored (quarantine) or the event in our terms. Everything after that is the same for
every format and runs as SQL: quarantined rows are written with their file, line and reason;
the first row of each event key that the store does not hold yet becomes an event; the others
are duplicates. Nothing goes through Python row by row.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Protocol

import duckdb
import pyarrow as pa

from detente.events import ontology
from detente.importers.actors import ActorMapper, Mapped
from detente.importers.sources import Source, digest
from detente.store import Store

# The columns a format stages, in this order.
STAGED_COLUMNS = (
    "line", "field", "reason", "raw", "event_id", "date_start", "date_end", "date_precision",
    "source_text", "source_principal", "source_sector", "source_name",
    "target_text", "target_principal", "target_sector", "target_name",
    "cameo", "plover", "dataset_quad", "dataset_goldstein", "reported", "late", "url", "is_symmetric",
)

# Bounds DuckDB's memory during an import: beyond it, staged rows spill to disk beside the database.
MEMORY_LIMIT = "1GB"
# A delimiter no line holds, so that read_csv returns each line whole, with its number.
_WHOLE_LINE = "\x01"
_POLL_SECONDS = 0.2
# Staging reads and parses the file; sorting the rows into the store is the rest of the work.
_STAGING_SHARE = 0.7

Progress = Callable[[float], None]


class ImportFailed(RuntimeError):
    """An import that could not run; the store is as it was before it."""


class Format(Protocol):
    """One dataset layout: which files it reads, and how it stages one of them."""

    name: str
    suffixes: tuple[str, ...]

    def sources(self, paths: list[Path]) -> list[Source]: ...

    def stage(self, session: Session) -> str:
        """Create the temporary table ``staged``; return the dataset label its events get."""
        ...


@dataclass(frozen=True)
class ImportSummary:
    """Where the rows of one file went. ``skipped`` when the same content was imported before."""

    file: str
    format: str
    dataset: str
    rows: int = 0
    imported: int = 0
    duplicates: int = 0
    quarantined: int = 0
    unmapped: int = 0
    skipped: bool = False
    reasons: dict[str, int] = field(default_factory=dict)
    unmapped_top: list[tuple[str, int]] = field(default_factory=list)
    quarantine_examples: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Session:
    """What a format needs to stage one file: the connection, the file, and shared helpers."""

    con: duckdb.DuckDBPyConnection
    source: Source
    path: Path
    mapper: ActorMapper
    registered: list[str] = field(default_factory=list)

    def lines(self) -> str:
        """SQL for the file's lines: ``line`` (1-based, blank lines counted) and ``text`` (NULL when blank).

        Lines that are not valid UTF-8 are set aside by DuckDB; ``fix_line_numbers`` restores
        the numbers of the lines after them, and ``quarantine_unreadable`` records them.
        """
        return (
            "(SELECT ordinality AS line, text FROM read_csv("
            f"{literal(self.path)}, columns = {{'text': 'VARCHAR'}}, header = false, auto_detect = false, "
            f"delim = '{_WHOLE_LINE}', quote = '', escape = '', strict_mode = false, "
            "store_rejects = true, rejects_table = 'import_rejects', rejects_scan = 'import_reject_scans'"
            ") WITH ORDINALITY)"
        )

    def register(self, name: str, table: pa.Table) -> None:
        """Make an Arrow table of mappings joinable in SQL while this file is imported."""
        self.con.register(name, table)
        self.registered.append(name)

    def map_named_actors(self) -> None:
        """Turn ``parsed`` into ``staged`` by resolving its named actors.

        ``parsed`` has STAGED_COLUMNS except the principal, sector and name of each side, and
        instead ``source_country``, ``source_sectors``, ``source_fallback`` (and ``target_*``):
        the country, sector list and fallback sector the dataset gives beside each name. A
        person's role changes with time (Obama was a senator, then president from 20 January
        2009), so each distinct actor is resolved on the first and the last day it appears in
        each year; when the two differ, on every day it appears that year. Resolving it once a
        year is enough for almost every name and keeps the knowledge base's lookups few.
        """
        named = (
            "SELECT source_text AS text, source_country AS country, source_sectors AS sectors,"
            "       source_fallback AS fallback, date_start AS day FROM parsed"
            "  WHERE field IS NULL AND source_text IS NOT NULL"
            "  UNION ALL"
            "  SELECT target_text, target_country, target_sectors, target_fallback, date_start FROM parsed"
            "  WHERE field IS NULL AND target_text IS NOT NULL"
        )
        keys = self.con.execute(
            f"SELECT text, country, sectors, fallback, year(day), min(day), max(day) FROM ({named}) GROUP BY ALL"
        ).fetchall()
        rows: list[tuple] = []
        changing: list[tuple] = []
        for text, country, sectors, fallback, year, first, last in keys:
            mapped = self._map(text, country, sectors, fallback, first)
            if first == last or self._map(text, country, sectors, fallback, last) == mapped:
                rows.append((text, country, sectors, fallback, year, None, mapped))
            else:
                changing.append((text, country, sectors, fallback, year))
        if changing:
            names = ("text", "country", "sectors", "fallback")
            table = pa.table({name: pa.array([key[i] for key in changing], pa.string()) for i, name in enumerate(names)})
            self.register("changing_actors", table.append_column("year", pa.array([key[4] for key in changing], pa.int64())))
            days = self.con.execute(
                f"SELECT DISTINCT n.text, n.country, n.sectors, n.fallback, n.day FROM ({named}) n JOIN changing_actors c "
                "ON c.text = n.text AND c.year = year(n.day) AND c.country IS NOT DISTINCT FROM n.country "
                "AND c.sectors IS NOT DISTINCT FROM n.sectors AND c.fallback IS NOT DISTINCT FROM n.fallback"
            ).fetchall()
            rows += [(*key, day.year, day, self._map(*key, day)) for *key, day in days]
        columns = {
            "text": [row[0] for row in rows],
            "country": [row[1] for row in rows],
            "sectors": [row[2] for row in rows],
            "fallback": [row[3] for row in rows],
            "principal": [row[6].principal for row in rows],
            "sector": [row[6].sector for row in rows],
            "name": [row[6].name for row in rows],
        }
        table = pa.table({k: pa.array(v, pa.string()) for k, v in columns.items()})
        table = table.append_column("year", pa.array([row[4] for row in rows], pa.int64()))
        self.register("actor_map", table.append_column("day", pa.array([row[5] for row in rows], pa.date32())))
        side = (
            "LEFT JOIN actor_map {a} ON {a}.text = p.{s}_text AND {a}.year = year(p.date_start) "
            "AND ({a}.day IS NULL OR {a}.day = p.date_start) "
            "AND {a}.country IS NOT DISTINCT FROM p.{s}_country "
            "AND {a}.sectors IS NOT DISTINCT FROM p.{s}_sectors "
            "AND {a}.fallback IS NOT DISTINCT FROM p.{s}_fallback"
        )
        self.con.execute(
            "CREATE OR REPLACE TEMP TABLE staged AS SELECT "
            "p.line, p.field, p.reason, p.raw, p.event_id, p.date_start, p.date_end, p.date_precision, "
            "p.source_text, sa.principal AS source_principal, sa.sector AS source_sector, sa.name AS source_name, "
            "p.target_text, ta.principal AS target_principal, ta.sector AS target_sector, ta.name AS target_name, "
            "p.cameo, p.plover, p.dataset_quad, p.dataset_goldstein, p.reported, p.late, p.url, p.is_symmetric "
            f"FROM parsed p {side.format(a='sa', s='source')} {side.format(a='ta', s='target')}"
        )

    def _map(self, text: str, country: str | None, sectors: str | None, fallback: str | None, day: date) -> Mapped:
        return self.mapper.map(text, country=country, sectors=sectors, fallback_sector=fallback, on=day)


def literal(value: object) -> str:
    """A SQL string literal (for the file names table functions take as constants)."""
    return "'" + str(value).replace("'", "''") + "'"


def import_sources(
    store: Store,
    fmt: Format,
    sources: list[Source],
    *,
    on_file: Callable[[Source], Progress] | None = None,
) -> Iterator[ImportSummary]:
    """Import each source in its own transaction, yielding its summary as soon as it is done.

    ``on_file`` is told when a file starts and returns the function its progress (0 to 1) goes to.
    """
    con = store.connection
    _register_cameo(con)
    mapper = ActorMapper()
    # Progress is tracked from the first moment (for query_progress), never printed by DuckDB itself.
    settings = {
        "memory_limit": f"'{MEMORY_LIMIT}'",
        "enable_progress_bar": "true",
        "enable_progress_bar_print": "false",
        "progress_bar_time": "0",
    }
    for setting, value in settings.items():
        con.execute(f"SET {setting} = {value}")
    try:
        for source in sources:
            progress = on_file(source) if on_file else None
            yield _import_one(con, fmt, source, mapper, progress)
    finally:
        for setting in settings:
            con.execute(f"RESET {setting}")
        con.unregister("cameo_codes")


def _import_one(
    con: duckdb.DuckDBPyConnection, fmt: Format, source: Source, mapper: ActorMapper, progress: Progress | None
) -> ImportSummary:
    with source.opened() as path:
        sha256 = digest(path)
        earlier = con.execute(
            "SELECT dataset FROM imports WHERE format = ? AND sha256 = ?", [fmt.name, sha256]
        ).fetchall()
        if earlier:
            if progress:
                progress(1.0)
            return ImportSummary(source.label, fmt.name, earlier[0][0], skipped=True)
        session = Session(con, source, path, mapper)
        con.begin()
        try:
            import_id = con.execute("SELECT nextval('import_ids')").fetchall()[0][0]
            with _polled(con, progress, 0.0, _STAGING_SHARE, reading=path), _joins_as_written(con):
                dataset = fmt.stage(session)
                _check_staged(con, fmt)
                _fix_line_numbers(con)
            with _polled(con, progress, _STAGING_SHARE, 1.0):
                summary = _store_staged(con, import_id, fmt.name, dataset, source.label)
            con.execute(
                "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    import_id, fmt.name, dataset, source.label, sha256,
                    datetime.now(timezone.utc).replace(tzinfo=None),
                    summary.rows, summary.imported, summary.duplicates, summary.quarantined, summary.unmapped,
                ],
            )
            con.commit()
        except (duckdb.Error, ValueError, OSError) as error:
            con.rollback()
            raise ImportFailed(f"{source.label}: the import failed ({_first_line(error)}); nothing was stored") from error
        except BaseException:
            con.rollback()
            raise
        finally:
            for table in ("staged", "parsed", "repeated", "actor_ids", "import_rejects", "import_reject_scans"):
                con.execute(f"DROP TABLE IF EXISTS {table}")
            for name in session.registered:
                con.unregister(name)
    if progress:
        progress(1.0)
    return summary


def _register_cameo(con: duckdb.DuckDBPyConnection) -> None:
    """Our CAMEO table, for formats to check codes against and for the stored root, quad, score and PLOVER type."""
    codes = ontology.codes()
    con.register(
        "cameo_codes",
        pa.table(
            {
                "code": [c.code for c in codes],
                "root": [c.root for c in codes],
                "quad": pa.array([c.quad for c in codes], pa.int8()),
                "goldstein": [c.goldstein for c in codes],
                "plover": pa.array([c.plover for c in codes], pa.string()),
            }
        ),
    )


def _check_staged(con: duckdb.DuckDBPyConnection, fmt: Format) -> None:
    """A format must stage exactly STAGED_COLUMNS: say which it got wrong rather than fail in SQL later."""
    staged = tuple(
        name
        for (name,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'staged' ORDER BY column_index"
        ).fetchall()
    )
    if staged != STAGED_COLUMNS:
        raise ImportFailed(
            f"the {fmt.name} importer staged the columns {', '.join(staged)}; "
            f"staging must give {', '.join(STAGED_COLUMNS)} (see detente/importers/engine.py)"
        )


def _fix_line_numbers(con: duckdb.DuckDBPyConnection) -> None:
    """Lines DuckDB could not decode are missing from the numbering of the lines after them:
    the k-th line read is line k plus the unreadable lines before it."""
    if not _table_exists(con, "import_rejects") or not con.execute("SELECT count(*) FROM import_rejects").fetchall()[0][0]:
        return
    con.execute(
        "CREATE OR REPLACE TEMP TABLE reject_gaps AS "
        "SELECT line - row_number() OVER (ORDER BY line) AS read_before FROM import_rejects"
    )
    con.execute("UPDATE staged SET line = line + (SELECT count(*) FROM reject_gaps g WHERE g.read_before < staged.line)")
    con.execute(
        "INSERT INTO staged (line, field, reason, raw) "
        "SELECT line, 'line', CASE error_type WHEN 'INVALID ENCODING' THEN 'not valid UTF-8: save the file as UTF-8' "
        "ELSE error_message END, csv_line FROM import_rejects"
    )
    con.execute("DROP TABLE reject_gaps")


def _store_staged(con: duckdb.DuckDBPyConnection, import_id: int, fmt: str, dataset: str, file: str) -> ImportSummary:
    rows, quarantined, unmapped = con.execute(
        "SELECT count(*), count(*) FILTER (field IS NOT NULL), "
        "count(*) FILTER (field IS NULL AND source_text IS NOT NULL AND source_principal IS NULL) "
        "+ count(*) FILTER (field IS NULL AND target_text IS NOT NULL AND target_principal IS NULL) FROM staged"
    ).fetchall()[0]
    con.execute(
        "INSERT INTO quarantine SELECT ?, ?, ?, line, field, reason, raw FROM staged WHERE field IS NOT NULL",
        [import_id, dataset, file],
    )
    # Each distinct actor's id is computed once and joined back, rather than hashed on every row.
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE actor_ids AS SELECT {_ACTOR_ID} AS actor_id, principal, sector, name FROM ("
        "  SELECT DISTINCT source_principal AS principal, source_sector AS sector, source_name AS name FROM staged"
        "  WHERE field IS NULL AND source_principal IS NOT NULL UNION"
        "  SELECT DISTINCT target_principal, target_sector, target_name FROM staged"
        "  WHERE field IS NULL AND target_principal IS NOT NULL)"
    )
    con.execute("INSERT INTO actors SELECT * FROM actor_ids ON CONFLICT DO NOTHING")
    # Keys a file holds more than once (fully duplicated rows, re-emissions): the first line wins.
    # An aggregate finds the few of them faster than a window over every row would.
    con.execute(
        "CREATE OR REPLACE TEMP TABLE repeated AS SELECT event_id, min(line) AS first FROM staged "
        "WHERE field IS NULL GROUP BY event_id HAVING count(*) > 1"
    )
    imported = con.execute(
        f"INSERT INTO events ({_IMPORTED_COLUMNS}) SELECT s.event_id, ?, ?, s.line, "
        "sa.actor_id, s.source_principal, s.source_text, ta.actor_id, s.target_principal, s.target_text, "
        "s.cameo, c.root, c.quad, c.goldstein, coalesce(s.plover, c.plover), "
        "s.date_start, s.date_end, s.date_precision, false, false, false, false, s.is_symmetric, "
        "s.dataset_quad, s.dataset_goldstein, s.reported, coalesce(s.late, false), s.url "
        "FROM staged s JOIN cameo_codes c ON c.code = s.cameo "
        f"{_side_ids('sa', 'source')} {_side_ids('ta', 'target')} "
        "WHERE s.field IS NULL AND NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = s.event_id) "
        "AND NOT EXISTS (SELECT 1 FROM repeated r WHERE r.event_id = s.event_id AND r.first <> s.line)",
        [dataset, import_id],
    ).fetchall()[0][0]
    reasons = dict(
        con.execute("SELECT field, count(*) FROM staged WHERE field IS NOT NULL GROUP BY field ORDER BY 2 DESC").fetchall()
    )
    examples = con.execute("SELECT line, reason FROM staged WHERE field IS NOT NULL ORDER BY line LIMIT 3").fetchall()
    unmapped_top = con.execute(
        "SELECT text, count(*) FROM ("
        "  SELECT source_text AS text FROM staged WHERE field IS NULL AND source_principal IS NULL"
        "  UNION ALL SELECT target_text FROM staged WHERE field IS NULL AND target_principal IS NULL"
        ") WHERE text IS NOT NULL GROUP BY text ORDER BY 2 DESC, 1 LIMIT 5"
    ).fetchall()
    return ImportSummary(
        file=file,
        format=fmt,
        dataset=dataset,
        rows=rows,
        imported=imported,
        duplicates=rows - quarantined - imported,
        quarantined=quarantined,
        unmapped=unmapped,
        reasons=reasons,
        unmapped_top=unmapped_top,
        quarantine_examples=examples,
    )


# The SQL twin of the store's actor id: the first 16 hex digits of the SHA-1 of principal,
# sector and name joined by the unit separator.
_ACTOR_ID = "left(sha1(principal || chr(31) || coalesce(sector, '') || chr(31) || coalesce(name, '')), 16)"

# The columns an imported event fills; the rest (document, sentence, span, trigger) stay NULL.
_IMPORTED_COLUMNS = (
    "event_id, dataset, import_id, line, source_actor, source_principal, source_text, "
    "target_actor, target_principal, target_text, cameo, root, quad, goldstein, plover, "
    "date_start, date_end, date_precision, from_publication_date, negated, hypothetical, alleged, is_symmetric, "
    "dataset_quad, dataset_goldstein, reported, late, url"
)


def _side_ids(alias: str, side: str) -> str:
    return (
        f"LEFT JOIN actor_ids {alias} ON {alias}.principal = s.{side}_principal "
        f"AND {alias}.sector IS NOT DISTINCT FROM s.{side}_sector AND {alias}.name IS NOT DISTINCT FROM s.{side}_name"
    )


@contextmanager
def _polled(
    con: duckdb.DuckDBPyConnection, progress: Progress | None, start: float, end: float, reading: Path | None = None
) -> Iterator[None]:
    """Report the running statements' progress, scaled into [start, end], from a background thread.

    DuckDB reports no progress for a scan joined to mapping tables; while ``reading`` a file,
    the share of its bytes this process has read (Linux's /proc/self/io) serves instead.
    """
    if progress is None:
        yield
        return
    done = threading.Event()
    size = reading.stat().st_size if reading is not None else 0
    read_before = _bytes_read()

    def poll() -> None:
        reached = start
        while not done.wait(_POLL_SECONDS):
            fraction = con.query_progress() / 100.0
            if size and read_before is not None:
                fraction = max(fraction, ((_bytes_read() or 0) - read_before) / size)
            if fraction > 0:
                reached = max(reached, start + (end - start) * min(fraction, 1.0))
                progress(reached)

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        progress(end)


def _bytes_read() -> int | None:
    """The bytes this process has read so far, where the system says (Linux); else None."""
    try:
        with open("/proc/self/io", encoding="ascii") as io:
            return next(int(line.split()[1]) for line in io if line.startswith("rchar:"))
    except (OSError, StopIteration, ValueError):
        return None


@contextmanager
def _joins_as_written(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Keep the joins of staging as written: file first, mapping tables as the hash tables.

    DuckDB cannot estimate how many lines a file read whole-line holds, guesses a few dozen,
    and would otherwise build its hash tables on the file: gigabytes instead of kilobytes.
    """
    con.execute("SET disabled_optimizers = 'join_order,build_side_probe_side'")
    try:
        yield
    finally:
        con.execute("RESET disabled_optimizers")


def _table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name]).fetchall()[0][0] > 0


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
