"""Temporal-knowledge-graph forecasting benchmarks (ICEWS14, ICEWS18, ICEWS05-15 and their
variants): a folder of ``train.txt``, ``valid.txt`` and ``test.txt`` quadruples of ids
(subject, relation, object, time, and sometimes a fifth column), with ``entity2id.txt`` and
``relation2id.txt`` naming the ids.

Entities are ICEWS actor names ("Government (Russia)", "Taliban", with "_" for spaces in some
versions) resolved by ``ActorMapper``; relations are ICEWS event texts ("Make statement")
mapped to CAMEO codes through ``data/icews_events.tsv``. Time counts days or hours from the
benchmark's first day (``data/tkg_benchmarks.tsv``, found by the folder's name). Each split
file is imported on its own; the dataset is "tkg:" and the benchmark's name.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from detente.importers import tables
from detente.importers.engine import Session, literal
from detente.importers.sources import Source, SourceError
from detente.importers.tabular import quoted

SPLITS = ("train.txt", "valid.txt", "test.txt")
MAPS = ("entity2id.txt", "relation2id.txt")


class TkgFormat:
    name = "tkg"
    suffixes = (".txt",)

    def sources(self, paths: list[Path]) -> list[Source]:
        found: list[Source] = []
        for given in paths:
            if given.is_dir():
                splits = [given / name for name in SPLITS if (given / name).is_file()]
                if not splits:
                    raise SourceError(f"{given}: no {', '.join(SPLITS)} in this folder; pass a benchmark folder")
            elif given.is_file():
                splits = [given]
            else:
                raise SourceError(f"{given}: no such file or folder")
            for split in splits:
                benchmark(split)
                missing = [name for name in MAPS if not (split.parent / name).is_file()]
                if missing:
                    raise SourceError(f"{split.parent}: no {' or '.join(missing)} beside {split.name}")
                found.append(Source(split))
        return found

    def stage(self, session: Session) -> str:
        folder = session.source.path.parent
        bench = benchmark(session.source.path)
        relations = _relations(session, folder / "relation2id.txt")
        session.register("tkg_relations", relations)
        steps = bench.steps_per_day
        key = f"'tkg:{bench.name}:' || q.s || ':' || q.r || ':' || q.o || ':' || q.t"
        session.con.execute(
            f"""
CREATE OR REPLACE TEMP TABLE tkg_entities AS
SELECT try_cast(trim(id) AS BIGINT) AS id, name FROM {_map_sql(folder / 'entity2id.txt')}
"""
        )
        session.con.execute(
            f"""
CREATE OR REPLACE TEMP TABLE parsed AS
WITH q AS (
    SELECT line, len(f) AS nf, CASE WHEN len(f) NOT IN (4, 5) THEN text END AS raw,
           try_cast(trim(f[1]) AS BIGINT) AS s, try_cast(trim(f[2]) AS BIGINT) AS r,
           try_cast(trim(f[3]) AS BIGINT) AS o, try_cast(trim(f[4]) AS BIGINT) AS t, trim(f[4]) AS t_text
    FROM (SELECT line, text, string_split(text, chr(9)) AS f FROM {session.lines()} WHERE text IS NOT NULL)
)
SELECT q.line,
       CASE WHEN q.nf NOT IN (4, 5) THEN 'line'
            WHEN se.name IS NULL THEN 'subject'
            WHEN rel.name IS NULL THEN 'relation'
            WHEN rel.cameo IS NULL THEN 'relation'
            WHEN oe.name IS NULL THEN 'object'
            WHEN q.t IS NULL OR q.t < 0 OR q.t % {steps} <> 0 THEN 'time' END AS field,
       CASE WHEN q.nf NOT IN (4, 5) THEN q.nf || ' tab-separated fields where a quadruple has 4 or 5'
            WHEN se.name IS NULL THEN 'subject id is not in entity2id.txt'
            WHEN rel.name IS NULL THEN 'relation id is not in relation2id.txt'
            WHEN rel.cameo IS NULL THEN
                'relation ' || {quoted('rel.name')} || ' has no CAMEO code in importers/data/icews_events.tsv'
            WHEN oe.name IS NULL THEN 'object id is not in entity2id.txt'
            WHEN q.t IS NULL OR q.t < 0 OR q.t % {steps} <> 0 THEN
                'time ' || {quoted('q.t_text')} || ' is not a whole number of days ({steps} a day) from {bench.start}'
       END AS reason,
       q.raw, {key} AS event_id,
       DATE '{bench.start}' + (q.t // {steps})::INTEGER AS date_start,
       DATE '{bench.start}' + (q.t // {steps})::INTEGER AS date_end, 'day' AS date_precision,
       se.name AS source_text, NULL::VARCHAR AS source_country, NULL::VARCHAR AS source_sectors,
       NULL::VARCHAR AS source_fallback,
       oe.name AS target_text, NULL::VARCHAR AS target_country, NULL::VARCHAR AS target_sectors,
       NULL::VARCHAR AS target_fallback,
       rel.cameo, NULL::VARCHAR AS plover, NULL::TINYINT AS dataset_quad, NULL::DOUBLE AS dataset_goldstein,
       NULL::DATE AS reported, false AS late, NULL::VARCHAR AS url, false AS is_symmetric
FROM q
LEFT JOIN tkg_entities se ON se.id = q.s
LEFT JOIN tkg_relations rel ON rel.id = q.r
LEFT JOIN tkg_entities oe ON oe.id = q.o
"""
        )
        session.con.execute("DROP TABLE tkg_entities")
        session.map_named_actors()
        return f"tkg:{bench.name}"


def benchmark(split: Path) -> tables.Benchmark:
    """The benchmark a split file belongs to, known by its folder's name."""
    known = tables.tkg_benchmarks()
    found = known.get(split.resolve().parent.name.casefold())
    if found is None:
        names = ", ".join(b.name for b in known.values())
        raise SourceError(
            f"{split.parent}: not a benchmark folder detente knows ({names}); name the folder after its "
            "benchmark, or add its first day and time unit to importers/data/tkg_benchmarks.tsv"
        )
    return found


def _map_sql(path: Path) -> str:
    return (
        f"read_csv({literal(path)}, columns = {{'name': 'VARCHAR', 'id': 'VARCHAR'}}, header = false, "
        "auto_detect = false, delim = '\t', quote = '', escape = '')"
    )


def _relations(session: Session, path: Path) -> pa.Table:
    """Each relation id with its name and CAMEO code (None when the table has no code for it)."""
    rows = session.con.execute(f"SELECT try_cast(trim(id) AS BIGINT), name FROM {_map_sql(path)}").fetchall()
    codes = tables.icews_events()
    return pa.table(
        {
            "id": pa.array([row[0] for row in rows], pa.int64()),
            "name": [row[1] for row in rows],
            "cameo": pa.array([codes.get(tables.normalize(row[1] or "")) for row in rows], pa.string()),
        }
    )
