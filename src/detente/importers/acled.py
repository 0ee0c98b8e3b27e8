"""ACLED exports: comma-separated with a header (31 columns in the classic export), quoted fields
that may span lines (notes).

Columns are found by name. Actor 1 and actor 2 are not source and target: ACLED lists the
parties to an event without direction, so every ACLED event is stored as symmetric. Event
types and sub-event types map to CAMEO codes through ``data/acled_events.tsv``; an actor name
that gives no sector takes the one its interaction code (inter1, inter2) gives. An event is
keyed by event_id_cnty. A record's line is the line it starts on.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from detente.importers import tables
from detente.importers.engine import ImportFailed, Session, literal
from detente.importers.sources import Source, expand, first_lines
from detente.importers.tabular import quoted

REQUIRED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "inter1", "inter2")
OPTIONAL = ("time_precision",)
# ACLED's API writes 2021-08-15; its export tool 15 August 2021, older exports 15-August-2021.
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y")


class AcledFormat:
    name = "acled"
    suffixes = (".csv",)

    def sources(self, paths: list[Path]) -> list[Source]:
        return expand(paths, self.suffixes)

    def stage(self, session: Session) -> str:
        header = _header(session)
        wanted = {name.casefold(): name for name in header}
        missing = [name for name in REQUIRED if name not in wanted]
        if missing:
            raise ImportFailed(
                f"{session.source.label}, line 1: no {', '.join(missing)} column in the header; "
                "is this an ACLED export (event_id_cnty, event_date, event_type, ...)?"
            )

        def f(name: str) -> str:
            return f"nullif(trim(r.\"{wanted[name]}\"), '')" if name in wanted else "NULL"

        columns = "{" + ", ".join(f"{literal(name)}: 'VARCHAR'" for name in header) + "}"
        every_field = ", ".join(f'coalesce(r."{name}", \'\')' for name in header)
        day = ", ".join(f"try_strptime({f('event_date')}, '{fmt}')" for fmt in _DATE_FORMATS)
        session.register("acled_events", _events_table())
        session.register("acled_inter", _inter_table())
        session.con.execute(
            f"""
CREATE OR REPLACE TEMP TABLE parsed AS
WITH r AS (
    SELECT ordinality AS record, * FROM read_csv(
        {literal(session.path)}, columns = {columns}, header = true, auto_detect = false, delim = ',',
        quote = '"', escape = '"', store_rejects = true, rejects_table = 'import_rejects',
        rejects_scan = 'import_reject_scans') WITH ORDINALITY
), p AS (
    SELECT 1 + record + coalesce(sum(length(concat({every_field})) - length(replace(concat({every_field}), chr(10), '')))
               OVER (ORDER BY record ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS line,
           {f('event_id_cnty')} AS id, {f('event_date')} AS day_text, coalesce({day})::DATE AS day,
           lower({f('event_type')}) AS event_type, lower(coalesce({f('sub_event_type')}, '')) AS sub_event_type,
           coalesce({f('time_precision')}, '1') AS precision,
           {f('actor1')} AS source_text, lower({f('inter1')}) AS inter1,
           {f('actor2')} AS target_text, lower({f('inter2')}) AS inter2
    FROM r
)
SELECT p.line,
       CASE WHEN p.id IS NULL THEN 'event_id_cnty'
            WHEN p.day IS NULL THEN 'event_date'
            WHEN t.cameo IS NULL THEN 'event_type' END AS field,
       CASE WHEN p.id IS NULL THEN 'event_id_cnty is missing'
            WHEN p.day IS NULL THEN 'event_date ' || {quoted('p.day_text')} || ' is not a date (2021-08-15 or 15 August 2021)'
            WHEN t.cameo IS NULL THEN 'event_type ' || {quoted('p.event_type')} || ' is not in importers/data/acled_events.tsv'
       END AS reason,
       NULL::VARCHAR AS raw, 'acled:' || p.id AS event_id,
       CASE WHEN p.precision = '3' THEN date_trunc('month', p.day)::DATE ELSE p.day END AS date_start,
       CASE WHEN p.precision = '3' THEN last_day(p.day) ELSE p.day END AS date_end,
       CASE WHEN p.precision = '3' THEN 'month' ELSE 'day' END AS date_precision,
       p.source_text, NULL::VARCHAR AS source_country, NULL::VARCHAR AS source_sectors, i1.sector AS source_fallback,
       p.target_text, NULL::VARCHAR AS target_country, NULL::VARCHAR AS target_sectors, i2.sector AS target_fallback,
       coalesce(s.cameo, t.cameo) AS cameo, NULL::VARCHAR AS plover, NULL::TINYINT AS dataset_quad,
       NULL::DOUBLE AS dataset_goldstein, NULL::DATE AS reported, false AS late, NULL::VARCHAR AS url,
       true AS is_symmetric
FROM p
LEFT JOIN acled_events t ON t.event_type = p.event_type AND t.sub_event_type = ''
LEFT JOIN acled_events s ON s.event_type = p.event_type AND s.sub_event_type = p.sub_event_type
LEFT JOIN acled_inter i1 ON i1.inter = p.inter1
LEFT JOIN acled_inter i2 ON i2.inter = p.inter2
"""
        )
        session.map_named_actors()
        return "acled"


def _header(session: Session) -> list[str]:
    lines = first_lines(session.path, 1)
    return next(csv.reader(lines)) if lines else []


@lru_cache(maxsize=1)
def _events_table() -> pa.Table:
    mapping = tables.acled_events()
    return pa.table(
        {
            "event_type": [event_type for event_type, _ in mapping],
            "sub_event_type": [sub_event_type for _, sub_event_type in mapping],
            "cameo": list(mapping.values()),
        }
    )


@lru_cache(maxsize=1)
def _inter_table() -> pa.Table:
    mapping = tables.acled_inter()
    return pa.table({"inter": list(mapping), "sector": pa.array(list(mapping.values()), pa.string())})
