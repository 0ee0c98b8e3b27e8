"""GDELT event files: 1.0 daily exports (58 tab-separated columns, no header), the 1979-2013
backfile (57: no SOURCEURL) and 2.0 exports (61: ADM2 codes added), plain, gzipped or zipped.

Each file is read in one DuckDB statement: lines split into fields, actors mapped by joining
GDELT's code tables, codes checked against our CAMEO table. An event is keyed by its
GLOBALEVENTID, so a re-emission of the same event in a later file is a duplicate. GDELT's
own QuadClass and GoldsteinScale are kept beside ours; an event dated more than a year before
GDELT added it keeps its own date and is flagged ``late`` (the backfile's DATEADDED is the day
the backfile was made, so its events are never flagged).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from detente.importers.actors import gdelt_tables
from detente.importers.engine import ImportFailed, Session
from detente.importers.sources import Source, expand, first_lines

LATE_DAYS = 365
_SNIFF_LINES = 50


@dataclass(frozen=True)
class Layout:
    """Where a GDELT layout keeps the fields we read (1-based positions)."""

    fields: int
    dataset: str
    description: str
    date_added: int
    url: int | None
    flags_late: bool


LAYOUTS = {
    57: Layout(57, "gdelt1", "GDELT 1.0 backfile", 57, None, False),
    58: Layout(58, "gdelt1", "GDELT 1.0 daily", 57, 58, True),
    61: Layout(61, "gdelt2", "GDELT 2.0", 60, 61, True),
}

# Actor fields: code, country, known group, three types; the second actor's are 10 further on.
_ACTOR = {"code": 6, "country": 8, "group": 9, "type1": 13, "type2": 14, "type3": 15}
_ACTOR_STRIDE = 10


class GdeltFormat:
    name = "gdelt"
    suffixes = (".csv", ".tsv", ".txt")

    def sources(self, paths: list[Path]) -> list[Source]:
        return expand(paths, self.suffixes)

    def stage(self, session: Session) -> str:
        layout = _layout(session)
        for name, table in _tables().items():
            session.register(name, table)
        session.con.execute(_staging_sql(session.lines(), layout))
        return layout.dataset


def _layout(session: Session) -> Layout:
    """The layout of most of the file's first lines (a few broken ones do not decide it)."""
    counts = Counter(line.count("\t") + 1 for line in first_lines(session.path, _SNIFF_LINES))
    if not counts:
        return LAYOUTS[58]
    fields = counts.most_common(1)[0][0]
    if fields not in LAYOUTS:
        raise ImportFailed(
            f"{session.source.label}: lines of {fields} tab-separated fields; a GDELT event file has 57 "
            "(1.0 backfile), 58 (1.0 daily export) or 61 (2.0 export) — is this a GDELT events file?"
        )
    return LAYOUTS[fields]


@lru_cache(maxsize=1)
def _tables() -> dict[str, pa.Table]:
    return gdelt_tables()


def _staging_sql(lines: str, layout: Layout) -> str:
    n = layout.fields
    url = f"nullif(f[{layout.url}], '')" if layout.url else "NULL"
    actor_fields = ", ".join(
        f"nullif(f[{position + side * _ACTOR_STRIDE}], '') AS a{side + 1}{name}"
        for side in (0, 1)
        for name, position in _ACTOR.items()
    )
    joins = " ".join(
        f"LEFT JOIN gdelt_groups g{s} ON g{s}.code = q.a{s}group "
        f"LEFT JOIN gdelt_countries c{s} ON c{s}.code = coalesce(q.a{s}country, left(q.a{s}code, 3)) "
        f"LEFT JOIN gdelt_types t{s}1 ON t{s}1.code = q.a{s}type1 "
        f"LEFT JOIN gdelt_types t{s}2 ON t{s}2.code = q.a{s}type2 "
        f"LEFT JOIN gdelt_types t{s}3 ON t{s}3.code = q.a{s}type3"
        for s in (1, 2)
    )

    def actor(s: int, side: str) -> str:
        return (
            f"q.a{s}code AS {side}_text, "
            f"CASE WHEN q.a{s}code IS NOT NULL THEN coalesce(g{s}.principal, c{s}.principal, "
            f"t{s}1.principal, t{s}2.principal, t{s}3.principal) END AS {side}_principal, "
            f"CASE WHEN q.a{s}code IS NOT NULL THEN coalesce(t{s}1.sector, t{s}2.sector, t{s}3.sector, g{s}.sector) "
            f"END AS {side}_sector, NULL AS {side}_name"
        )

    late = f"q.day < q.reported - {LATE_DAYS}" if layout.flags_late else "false"
    return f"""
CREATE OR REPLACE TEMP TABLE staged AS
WITH p AS (
    SELECT line, len(f) AS nf, CASE WHEN len(f) <> {n} THEN text END AS raw,
           f[1] AS id, f[2] AS sqldate, f[27] AS code, f[30] AS quad, f[31] AS goldstein,
           f[{layout.date_added}] AS added, {url} AS url, {actor_fields}
    FROM (SELECT line, text, string_split(text, chr(9)) AS f FROM {lines} WHERE text IS NOT NULL)
), q AS (
    SELECT *, try_cast(id AS BIGINT) AS gid, try_strptime(sqldate, '%Y%m%d')::DATE AS day,
           try_strptime(left(added, 8), '%Y%m%d')::DATE AS reported
    FROM p
)
SELECT q.line,
       CASE WHEN q.nf <> {n} THEN 'line'
            WHEN q.gid IS NULL THEN 'GLOBALEVENTID'
            WHEN q.day IS NULL THEN 'SQLDATE'
            WHEN k.code IS NULL THEN 'EventCode' END AS field,
       CASE WHEN q.nf <> {n} THEN q.nf || ' tab-separated fields where a {layout.description} file has {n}'
            WHEN q.gid IS NULL THEN 'GLOBALEVENTID ''' || q.id || ''' is not a number'
            WHEN q.day IS NULL THEN 'SQLDATE ''' || q.sqldate || ''' is not a date YYYYMMDD'
            WHEN k.code IS NULL THEN 'EventCode ''' || q.code || ''' is not a CAMEO event code' END AS reason,
       q.raw,
       '{layout.dataset}:' || q.gid AS event_id, q.day AS date_start, q.day AS date_end, 'day' AS date_precision,
       {actor(1, 'source')}, {actor(2, 'target')},
       q.code AS cameo, NULL AS plover, try_cast(q.quad AS TINYINT) AS dataset_quad,
       try_cast(q.goldstein AS DOUBLE) AS dataset_goldstein, q.reported, {late} AS late, q.url,
       false AS is_symmetric
FROM q {joins}
LEFT JOIN cameo_codes k ON k.code = q.code
"""
