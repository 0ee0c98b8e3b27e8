"""Stored events out to CSV, Parquet, JSONL, or GEXF (the signed dyad network), for any filter.

CSV and Parquet hold one flat row per event with every column, provenance included; JSONL
one event a line in the output contract's shape (``detente.api.event_to_dict``); all three
are written by DuckDB's COPY. GEXF holds the network of plain facts between principals:
a node per principal, an edge per dyad (either direction) with its events counted by quad
class, its mean Goldstein score, and a sign from its net cooperation (cooperative minus
conflictual events): +1 friends, -1 foes, 0 even.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import networkx as nx

from detente.actors import kb
from detente.store.duck import EVENT_SOURCES, Store, StoreError, event_filter

EXPORT_FORMATS = ("csv", "parquet", "jsonl", "gexf")
QUAD_ATTRIBUTES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")

_FLAT = (
    "e.event_id, e.dataset, i.file || ':' || e.line AS origin, e.doc_id, e.sentence_index, s.text AS sentence, "
    "e.span_start, e.span_end, "
    "e.source_principal, sa.sector AS source_sector, sa.name AS source_name, e.source_text, "
    "e.target_principal, ta.sector AS target_sector, ta.name AS target_name, e.target_text, "
    "e.cameo, e.root, e.quad, e.goldstein, e.plover, e.date_start, e.date_end, e.date_precision, "
    "e.from_publication_date, e.trigger, e.negated, e.hypothetical, e.alleged, e.is_symmetric AS symmetric, "
    "e.dataset_quad, e.dataset_goldstein, e.reported, e.late, e.url"
)
_CONTRACT = (
    "e.doc_id, e.sentence_index, s.text AS sentence, "
    "CASE WHEN e.span_start IS NOT NULL THEN [e.span_start, e.span_end] END AS span, "
    "{'principal': coalesce(e.source_principal, ''), 'sector': sa.sector, 'name': sa.name, "
    " 'text': coalesce(e.source_text, '')} AS source, "
    "{'principal': coalesce(e.target_principal, ''), 'sector': ta.sector, 'name': ta.name, "
    " 'text': coalesce(e.target_text, '')} AS target, "
    "e.cameo, e.root, e.quad, e.goldstein, e.plover, "
    "{'start': strftime(e.date_start, '%Y-%m-%d'), 'end': strftime(e.date_end, '%Y-%m-%d'), "
    " 'precision': e.date_precision, 'from_publication_date': e.from_publication_date} AS date, "
    "e.trigger, e.negated, e.hypothetical, e.alleged, e.is_symmetric AS symmetric, e.dataset, "
    "i.file || ':' || e.line AS origin"
)
_ORDER = "ORDER BY e.date_start, e.doc_id, e.sentence_index, e.event_id"


def export_events(
    store: Store,
    path: Path,
    fmt: str | None = None,
    *,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    since: date | None = None,
    until: date | None = None,
    dataset: str | None = None,
) -> int:
    """Write the events matching the filter to ``path`` in ``fmt`` (default: from the suffix).

    Returns how many events (for GEXF: dyads) were written.
    """
    fmt = fmt or path.suffix.lower().lstrip(".")
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"{path}: cannot tell the format; end the name in .{', .'.join(EXPORT_FORMATS)} or pass --format")
    where, params = event_filter(actor=actor, dyad=dyad, since=since, until=until, dataset=dataset)
    condition = " AND ".join(where) or "true"
    con = store.connection
    try:
        if fmt == "gexf":
            return _write_gexf(con, path, condition, params)
        columns = _CONTRACT if fmt == "jsonl" else _FLAT
        options = {"csv": "FORMAT csv, HEADER true", "parquet": "FORMAT parquet", "jsonl": "FORMAT json"}[fmt]
        query = f"SELECT {columns} {EVENT_SOURCES} WHERE {condition} {_ORDER}"
        count = con.execute(f"SELECT count(*) {EVENT_SOURCES} WHERE {condition}", params).fetchall()[0][0]
        con.execute(f"COPY ({query}) TO '{_escaped(path)}' ({options})", params)
        return count
    except duckdb.Error as error:
        raise StoreError(f"{path}: could not write the export ({str(error).splitlines()[0]})") from None


def _write_gexf(con: duckdb.DuckDBPyConnection, path: Path, condition: str, params: list) -> int:
    graph = _network(con, condition, params)
    nx.write_gexf(graph, path)
    return graph.number_of_edges()


def _network(con: duckdb.DuckDBPyConnection, condition: str, params: list) -> nx.Graph:
    rows = con.execute(
        "SELECT least(e.source_principal, e.target_principal), greatest(e.source_principal, e.target_principal), "
        + ", ".join(f"count(*) FILTER (e.quad = {quad})" for quad in (1, 2, 3, 4))
        + ", avg(e.goldstein) FROM events e "
        f"WHERE {condition} AND e.source_principal IS NOT NULL AND e.target_principal IS NOT NULL "
        "AND e.source_principal <> e.target_principal AND NOT (e.negated OR e.hypothetical OR e.alleged) "
        "GROUP BY ALL ORDER BY 1, 2",
        params,
    ).fetchall()
    entities = kb.load().entities
    graph = nx.Graph()
    for a, b, *quads, goldstein in rows:
        for code in (a, b):
            if code not in graph:
                entity = entities.get(code)
                graph.add_node(code, label=entity.name if entity else code, kind=entity.kind if entity else "")
        net = quads[0] + quads[1] - quads[2] - quads[3]
        graph.add_edge(
            a,
            b,
            weight=sum(quads),
            **dict(zip(QUAD_ATTRIBUTES, quads)),
            goldstein_mean=round(goldstein, 3),
            net_cooperation=net,
            sign=(net > 0) - (net < 0),
        )
    return graph


def _escaped(path: Path) -> str:
    return str(path).replace("'", "''")
