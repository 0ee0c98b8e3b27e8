"""ICEWS coded event data from Dataverse: tab-separated ``.tab`` files, 20 columns under a header.

Known defects handled: an Event ID repeats across the yearly files and is unique only with
its date, so events are keyed by both; the 2017 file writes dates m/d/Y; a few rows carry
codes that are not CAMEO codes ("13y") and are quarantined; fully duplicated rows are
duplicates. ICEWS's Intensity is kept beside our Goldstein score. Actors are names with
their sectors and country ("Government (Russia)", "Taliban"), resolved by ``ActorMapper``.
"""

from __future__ import annotations

from pathlib import Path

from detente.importers.engine import Session
from detente.importers.sources import Source, expand
from detente.importers.tabular import field, header_positions, quoted, split_lines

COLUMNS = {
    "id": ("Event ID",),
    "date": ("Event Date",),
    "source": ("Source Name",),
    "source_sectors": ("Source Sectors",),
    "source_country": ("Source Country",),
    "code": ("CAMEO Code",),
    "intensity": ("Intensity",),
    "target": ("Target Name",),
    "target_sectors": ("Target Sectors",),
    "target_country": ("Target Country",),
}
# Dataverse writes a missing value as an empty field; files re-saved by R write NA.
_MISSING = ("NA",)


class IcewsFormat:
    name = "icews"
    suffixes = (".tab", ".tsv", ".txt", ".csv")

    def sources(self, paths: list[Path]) -> list[Source]:
        return expand(paths, self.suffixes)

    def stage(self, session: Session) -> str:
        at, width = header_positions(session, COLUMNS, "an ICEWS .tab file (Event ID, Event Date, Source Name, ...)")

        def f(key: str) -> str:
            return field(at[key], _MISSING)

        session.con.execute(
            f"""
CREATE OR REPLACE TEMP TABLE parsed AS
WITH p AS (
    SELECT line, len(f) AS nf, CASE WHEN len(f) <> {width} THEN text END AS raw,
           {f('id')} AS id, {f('date')} AS day_text, {f('code')} AS code,
           coalesce(try_strptime({f('date')}, '%Y-%m-%d'), try_strptime({f('date')}, '%m/%d/%Y'))::DATE AS day,
           {f('source')} AS source_text, {f('source_country')} AS source_country, {f('source_sectors')} AS source_sectors,
           {f('target')} AS target_text, {f('target_country')} AS target_country, {f('target_sectors')} AS target_sectors,
           try_cast({f('intensity')} AS DOUBLE) AS intensity
    FROM {split_lines(session)}
)
SELECT p.line,
       CASE WHEN p.nf <> {width} THEN 'line'
            WHEN NOT regexp_full_match(coalesce(p.id, ''), '[0-9]+') THEN 'Event ID'
            WHEN p.day IS NULL THEN 'Event Date'
            WHEN k.code IS NULL THEN 'CAMEO Code' END AS field,
       CASE WHEN p.nf <> {width} THEN p.nf || ' tab-separated fields where the header has {width}'
            WHEN NOT regexp_full_match(coalesce(p.id, ''), '[0-9]+') THEN 'Event ID ' || {quoted('p.id')} || ' is not a number'
            WHEN p.day IS NULL THEN 'Event Date ' || {quoted('p.day_text')} || ' is not a date YYYY-MM-DD or M/D/YYYY'
            WHEN k.code IS NULL THEN 'CAMEO Code ' || {quoted('p.code')} || ' is not a CAMEO event code (leading zeros kept)'
       END AS reason,
       p.raw, 'icews:' || p.id || ':' || strftime(p.day, '%Y-%m-%d') AS event_id,
       p.day AS date_start, p.day AS date_end, 'day' AS date_precision,
       p.source_text, p.source_country, p.source_sectors, NULL::VARCHAR AS source_fallback,
       p.target_text, p.target_country, p.target_sectors, NULL::VARCHAR AS target_fallback,
       p.code AS cameo, NULL::VARCHAR AS plover, NULL::TINYINT AS dataset_quad, p.intensity AS dataset_goldstein,
       NULL::DATE AS reported, false AS late, NULL::VARCHAR AS url, false AS is_symmetric
FROM p LEFT JOIN cameo_codes k ON k.code = p.code
"""
        )
        session.map_named_actors()
        return "icews"
