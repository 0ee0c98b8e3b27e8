"""POLECAT (PLOVER-coded) event data: tab-separated, 40 columns under a header, "None" for a
missing value, ';' between the items of a list; weekly ``.txt`` files or yearly zip archives.

Columns are found by name, so the releases that call Intensity "Event Intensity" or add a
Headline read the same. An event is keyed by its Event ID. POLECAT codes PLOVER, not CAMEO:
each event type and mode is stored with the CAMEO code ``data/plover_events.tsv`` gives, and
keeps its own PLOVER type, quad class (Quad Code) and Intensity beside ours.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from detente.importers import tables
from detente.importers.engine import Session
from detente.importers.sources import Source, expand
from detente.importers.tabular import field, header_positions, quoted, split_lines

COLUMNS = {
    "id": ("Event ID",),
    "date": ("Event Date",),
    "type": ("Event Type",),
    "mode": ("Event Mode",),
    "intensity": ("Intensity", "Event Intensity"),
    "quad": ("Quad Code",),
    "actor": ("Actor Name",),
    "actor_raw": ("Actor Name Raw",),
    "actor_country": ("Actor Country",),
    "actor_primary": ("Primary Actor Sector",),
    "actor_sectors": ("Actor Sectors",),
    "recipient": ("Recipient Name",),
    "recipient_raw": ("Recipient Name Raw",),
    "recipient_country": ("Recipient Country",),
    "recipient_primary": ("Primary Recipient Sector",),
    "recipient_sectors": ("Recipient Sectors",),
    "published": ("Publication Date",),
}
_MISSING = ("None",)
_QUADS = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3, "MATERIAL CONFLICT": 4}


class PolecatFormat:
    name = "polecat"
    suffixes = (".txt", ".tsv", ".tab")

    def sources(self, paths: list[Path]) -> list[Source]:
        return expand(paths, self.suffixes)

    def stage(self, session: Session) -> str:
        at, width = header_positions(session, COLUMNS, "a POLECAT file (Event ID, Event Date, Event Type, ...)")

        def f(key: str) -> str:
            return field(at[key], _MISSING)

        def side(key: str, alias: str) -> str:
            return (
                f"coalesce({f(key)}, {f(key + '_raw')}, {f(key + '_country')}) AS {alias}_text, "
                f"{f(key + '_country')} AS {alias}_country, "
                f"concat_ws(';', {f(key + '_primary')}, {f(key + '_sectors')}) AS {alias}_sectors, "
                f"NULL::VARCHAR AS {alias}_fallback"
            )

        quads = " ".join(f"WHEN '{name}' THEN {quad}" for name, quad in _QUADS.items())
        session.register("plover_events", _plover_table())
        session.con.execute(
            f"""
CREATE OR REPLACE TEMP TABLE parsed AS
WITH p AS (
    SELECT line, len(f) AS nf, CASE WHEN len(f) <> {width} THEN text END AS raw,
           {f('id')} AS id, {f('date')} AS day_text, try_strptime({f('date')}, '%Y-%m-%d')::DATE AS day,
           upper({f('type')}) AS plover, lower(coalesce({f('mode')}, '')) AS mode,
           try_cast({f('intensity')} AS DOUBLE) AS intensity,
           CASE upper({f('quad')}) {quads} END AS quad,
           try_strptime(left({f('published')}, 10), '%Y-%m-%d')::DATE AS published,
           {side('actor', 'source')}, {side('recipient', 'target')}
    FROM {split_lines(session)}
)
SELECT p.line,
       CASE WHEN p.nf <> {width} THEN 'line'
            WHEN p.id IS NULL THEN 'Event ID'
            WHEN p.day IS NULL THEN 'Event Date'
            WHEN t.cameo IS NULL THEN 'Event Type' END AS field,
       CASE WHEN p.nf <> {width} THEN p.nf || ' tab-separated fields where the header has {width}'
            WHEN p.id IS NULL THEN 'Event ID is missing'
            WHEN p.day IS NULL THEN 'Event Date ' || {quoted('p.day_text')} || ' is not a date YYYY-MM-DD'
            WHEN t.cameo IS NULL THEN 'Event Type ' || {quoted('p.plover')} || ' is not a PLOVER event type' END AS reason,
       p.raw, 'polecat:' || p.id AS event_id, p.day AS date_start, p.day AS date_end, 'day' AS date_precision,
       p.source_text, p.source_country, nullif(p.source_sectors, '') AS source_sectors, p.source_fallback,
       p.target_text, p.target_country, nullif(p.target_sectors, '') AS target_sectors, p.target_fallback,
       coalesce(m.cameo, t.cameo) AS cameo, p.plover, p.quad AS dataset_quad, p.intensity AS dataset_goldstein,
       p.published AS reported, false AS late, NULL::VARCHAR AS url, false AS is_symmetric
FROM p
LEFT JOIN plover_events t ON t.type = p.plover AND t.mode = ''
LEFT JOIN plover_events m ON m.type = p.plover AND m.mode = p.mode
"""
        )
        session.map_named_actors()
        return "polecat"


@lru_cache(maxsize=1)
def _plover_table() -> pa.Table:
    mapping = tables.plover_events()
    return pa.table(
        {
            "type": [plover for plover, _ in mapping],
            "mode": [mode for _, mode in mapping],
            "cameo": list(mapping.values()),
        }
    )
