"""The events table summed up for relation queries, so that a dyad answers in milliseconds.

The events table is kept in import order without an index. Relation queries read three derived
tables instead, each sorted so that DuckDB's zone maps skip all but a few row groups:

- ``relation_cells``: one row per dyad, day, dataset, direction and quad class, with the plain
  facts, their Goldstein sum, their highest weight, the sum of their weights and of their
  weighted votes, and the flagged events counted apart. A cell's day is the middle day of its
  events' dates (an event known only to its month or year lands in the middle of it rather
  than on its first day).
- ``relation_cells_by_b``: the columns of the cells that units need, sorted by the dyad's second
  principal and day, so that a principal's units on a few days are read from a few row groups
  whether it comes first or second in its dyads (a relation on a past day needs them).
- ``relation_volumes``: each principal's plain facts per day, for series normalised by volume.
- ``relation_months``: for each dyad and month with evidence, the recency-weighted sums of its
  units of evidence up to the month's end (``detente.relations.state`` states the model), for
  every dataset and for all together; a relation on any day is its last month's sums, decayed,
  plus the units since. They are stored relative to ``BASE`` (weight ``2^((day - BASE)/h)``),
  which makes them plain cumulative sums; exact in floating point for half-lives of a year or
  more over centuries.
- ``relation_totals``: the same sums over all of each dyad's evidence, filed under each of its
  two principals, so that a principal's relations on any day after the store's last fact (the
  question asked most: how do they stand now?) are read from a few rows.

A unit of evidence is a dyad's day and sign: the days on which the two cooperated (quad classes
1 and 2), and apart the days on which they clashed (3 and 4). Its value is the weighted mean
vote of its facts (``detente.relations.votes``), its weight that of its weightiest fact times
the size of its value: a day of acts that allies and rivals share alike weighs little.

All five are built on first use, extended when events are appended, and rebuilt when the events
change otherwise or the weights, votes, states or half-life do. A store opened read-only whose
tables are missing or behind its events computes the same on the fly (correct, but slower).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping

import duckdb
import numpy as np
import pyarrow as pa

from detente.model import Event
from detente.store.duck import Store, StoreError

CELLS = "relation_cells"
CELLS_BY_B = "relation_cells_by_b"
VOLUMES = "relation_volumes"
MONTHS = "relation_months"
TOTALS = "relation_totals"
BASE = date(1900, 1, 1)
PERIODS = ("day", "week", "month", "year")

_STATE = "relation_cells_state"
_WEIGHTS = "relation_sector_weights"
_VOTES = "relation_votes"
_STATES = "relation_state_codes"
_AMONG = "relation_among_codes"
_TOUCHED = "relation_touched_dyads"

# Appending more than this share of the cells' events at once rebuilds them, sorted, instead:
# appended rows are not sorted by dyad, and every query reads them.
_APPEND_SHARE = 0.25

_PLAIN = "NOT (e.negated OR e.hypothetical OR e.alleged)"
_FLAGGED = "(e.negated OR e.hypothetical OR e.alleged)"
_MIDDLE = "(e.date_start + ((e.date_end - e.date_start) // 2)::INTEGER)"
# A day's ordinal, as date.toordinal() counts it.
_ORDINAL = "(on_day - DATE '0001-01-01')::BIGINT + 1"


def sign_of_quad(quad: int) -> int:
    """The sign of a unit of evidence of this quad class: +1 cooperation, -1 conflict."""
    return 1 if quad <= 2 else -1


def _weight(other_weight: float) -> str:
    """An event's weight: an actor weighs by its sector when it acts for a state, else 1 (an armed
    group or organisation is its own principal); an event weighs the lesser of its two actors'."""
    side = "CASE WHEN {s}s.code IS NULL THEN 1.0 ELSE coalesce({s}w.weight, {other}) END"
    source, target = (side.format(s=s, other=float(other_weight)) for s in ("s", "t"))
    return f"least({source}, {target})"


# What an event's weight needs, joined to the events table ``e``.
_WEIGHT_JOINS = f"""
LEFT JOIN actors sa ON sa.actor_id = e.source_actor
LEFT JOIN actors ta ON ta.actor_id = e.target_actor
LEFT JOIN {_STATES} ss ON ss.code = e.source_principal
LEFT JOIN {_STATES} ts ON ts.code = e.target_principal
LEFT JOIN {_WEIGHTS} sw ON sw.sector = coalesce(sa.sector, '-')
LEFT JOIN {_WEIGHTS} tw ON tw.sector = coalesce(ta.sector, '-')"""
_DYAD_EVENTS = (
    "coalesce(e.source_principal, '') <> '' AND coalesce(e.target_principal, '') <> '' AND e.source_principal <> e.target_principal"
)


def _cells_select(other_weight: float, condition: str = "true") -> str:
    """The cells of the events matching ``condition``. An event's vote is its code's, else its root's."""
    weight = _weight(other_weight)
    vote = "coalesce(vc.vote, vr.vote, 0.0)"
    return f"""
SELECT least(e.source_principal, e.target_principal) AS a,
       greatest(e.source_principal, e.target_principal) AS b,
       e.source_principal < e.target_principal AS forward,
       {_MIDDLE} AS on_day,
       e.dataset,
       e.quad,
       (count(*) FILTER ({_PLAIN}))::INTEGER AS facts,
       coalesce(sum(e.goldstein) FILTER ({_PLAIN}), 0) AS goldstein,
       max({weight}) FILTER ({_PLAIN}) AS weight,
       coalesce(sum({weight}) FILTER ({_PLAIN}), 0) AS weighed,
       coalesce(sum({weight} * {vote}) FILTER ({_PLAIN}), 0) AS voted,
       (count(*) FILTER ({_FLAGGED}))::INTEGER AS flagged,
       (count(*) FILTER (e.negated))::INTEGER AS negated,
       (count(*) FILTER (e.hypothetical))::INTEGER AS hypothetical,
       (count(*) FILTER (e.alleged))::INTEGER AS alleged
FROM events e{_WEIGHT_JOINS}
LEFT JOIN {_VOTES} vc ON vc.code = e.cameo
LEFT JOIN {_VOTES} vr ON vr.code = e.root
WHERE {_DYAD_EVENTS} AND {condition}
GROUP BY ALL"""


def _by_b_select(cells: str) -> str:
    return f"SELECT a, b, dataset, on_day, quad, facts, weight, weighed, voted FROM {cells}"


def _volumes_select(cells: str) -> str:
    return f"""
SELECT principal, on_day, dataset, sum(facts)::BIGINT AS facts FROM (
    SELECT a AS principal, on_day, dataset, facts FROM {cells}
    UNION ALL
    SELECT b AS principal, on_day, dataset, facts FROM {cells}
) WHERE facts > 0 GROUP BY ALL"""


def _growth(half_life: float) -> str:
    """A unit's recency weight relative to BASE: 2^((on_day - BASE) / half-life)."""
    return f"pow(2.0, (on_day - DATE '{BASE}') / {float(half_life)})"


def _units(cells: str, condition: str = "true", per_dataset: bool = True) -> str:
    """Units of evidence (a, b, dataset, on_day, sign, value, weight) of all datasets together, with a
    NULL dataset (a day two datasets report is one unit), and with ``per_dataset`` of each dataset too.
    A unit's value is the weighted mean vote of its facts; it weighs as its weightiest fact times
    the size of its value."""
    sums = "max(weight) AS weight, sum(weighed) AS weighed, sum(voted) AS voted"
    apart = (
        f"SELECT a, b, dataset, on_day, quad <= 2 AS cooperative, {sums} FROM {cells} "
        f"WHERE facts > 0 AND {condition} GROUP BY ALL UNION ALL "
        if per_dataset
        else ""
    )
    return (
        "SELECT a, b, dataset, on_day, CASE WHEN cooperative THEN 1 ELSE -1 END AS sign, value, weight * abs(value) AS weight "
        "FROM (SELECT *, CASE WHEN weighed > 0 THEN voted / weighed ELSE 0.0 END AS value FROM ("
        f"{apart}SELECT a, b, NULL::VARCHAR AS dataset, on_day, quad <= 2 AS cooperative, {sums} "
        f"FROM {cells} WHERE facts > 0 AND {condition} GROUP BY a, b, on_day, cooperative))"
    )


def _months_select(cells: str, half_life: float, condition: str = "true") -> str:
    """Each dyad's cumulative sums at the end of each month with evidence, once under each principal."""
    growth = _growth(half_life)
    running = f"""
SELECT a, b, dataset, month_end,
       sum(amount) OVER running AS amount,
       sum(signed) OVER running AS signed
FROM (
    SELECT a, b, dataset, last_day(on_day) AS month_end,
           sum(weight * {growth}) AS amount, sum(weight * value * {growth}) AS signed
    FROM ({_units(cells, condition)}) GROUP BY ALL
)
WINDOW running AS (PARTITION BY a, b, dataset ORDER BY month_end)"""
    return (
        f"SELECT a AS principal, b AS other, dataset, month_end, amount, signed FROM ({running}) "
        f"UNION ALL SELECT b, a, dataset, month_end, amount, signed FROM ({running})"
    )


def _totals_select(months: str, condition: str = "true") -> str:
    """Each dyad's sums over all its evidence (its last month's), under each principal."""
    return (
        f"SELECT principal, other, dataset, arg_max(amount, month_end) AS amount, arg_max(signed, month_end) AS signed "
        f"FROM {months} WHERE {condition} GROUP BY ALL"
    )


@dataclass(frozen=True)
class Cells:
    """Where relation queries read: the stored aggregates, or (read-only store) the same computed on the fly."""

    store: Store
    cells: str
    by_b: str
    volumes: str
    months: str
    totals: str
    half_life: float
    other_weight: float

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        return self.store.connection


def prepare(
    store: Store,
    sector_weights: Mapping[str, float],
    other_weight: float,
    votes: Mapping[str, float],
    states: Iterable[str],
    half_life: float,
) -> Cells:
    """The relation aggregates of ``store``, brought up to date with its events first when it is writable.

    ``sector_weights`` maps a sector ('-' for none) to the weight of an event a state's actor of
    that sector takes part in; ``other_weight`` is the weight of any other sector; ``votes``
    maps CAMEO codes to their votes (an event's code not listed votes as its root); ``states``
    are the principals that are states (only their actors are weighed by sector); ``half_life``
    is the age in days at which a unit of evidence weighs half.
    """
    con = store.connection
    codes = sorted(states)
    weights = dict(sector_weights)
    voted = dict(sorted(votes.items()))
    # What the tables were built from and how: other weights, votes, states, half-life or SQL rebuild them.
    tables = (
        _cells_select(other_weight), _by_b_select(CELLS), _volumes_select(CELLS), _months_select(CELLS, half_life), _totals_select(MONTHS)
    )
    recipe = repr((sorted(weights.items()), list(voted.items()), codes, tables))
    fingerprint = hashlib.sha1(recipe.encode()).hexdigest()[:16]
    con.register(_WEIGHTS, pa.table({"sector": list(weights), "weight": pa.array(list(weights.values()), pa.float64())}))
    con.register(_VOTES, pa.table({"code": pa.array(list(voted), pa.string()), "vote": pa.array(list(voted.values()), pa.float64())}))
    con.register(_STATES, pa.table({"code": pa.array(codes, pa.string())}))
    try:
        _refresh(con, fingerprint, other_weight, half_life)
    except duckdb.Error as error:
        if "read-only" not in str(error):
            raise StoreError(f"{store.path}: could not update the relation aggregates ({str(error).splitlines()[0]})") from None
        cells = f"({_cells_select(other_weight)})"
        months = f"({_months_select(cells, half_life)})"
        return Cells(store, cells, cells, f"({_volumes_select(cells)})", months, f"({_totals_select(months)})", half_life, other_weight)
    return Cells(store, CELLS, CELLS_BY_B, VOLUMES, MONTHS, TOTALS, half_life, other_weight)


def _refresh(con: duckdb.DuckDBPyConnection, fingerprint: str, other_weight: float, half_life: float) -> None:
    exists = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [_STATE]).fetchall()[0][0]
    stored = con.execute(f"SELECT events, last_rowid, fingerprint FROM {_STATE}").fetchall()[0] if exists else None
    count = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    if stored is not None and stored[0] == count and stored[2] == fingerprint:
        return
    last = con.execute("SELECT coalesce(max(rowid), -1) FROM events").fetchall()[0][0]
    con.begin()
    try:
        if stored is not None and _appendable(con, stored, count, last, fingerprint):
            _append(con, stored[1], other_weight, half_life)
        else:
            con.execute(f"CREATE OR REPLACE TABLE {CELLS} AS {_cells_select(other_weight)} ORDER BY a, b, on_day")
            con.execute(f"CREATE OR REPLACE TABLE {CELLS_BY_B} AS {_by_b_select(CELLS)} ORDER BY b, on_day")
            con.execute(f"CREATE OR REPLACE TABLE {VOLUMES} AS {_volumes_select(CELLS)} ORDER BY principal, on_day")
            con.execute(
                f"CREATE OR REPLACE TABLE {MONTHS} AS {_months_select(CELLS, half_life)} "
                "ORDER BY principal, dataset, month_end"
            )
            con.execute(f"CREATE OR REPLACE TABLE {TOTALS} AS {_totals_select(MONTHS)} ORDER BY principal, other")
        con.execute(f"CREATE OR REPLACE TABLE {_STATE} (events BIGINT, last_rowid BIGINT, fingerprint VARCHAR)")
        con.execute(f"INSERT INTO {_STATE} VALUES (?, ?, ?)", [count, last, fingerprint])
        con.commit()
    except duckdb.Error:
        con.rollback()
        raise


def _appendable(con: duckdb.DuckDBPyConnection, stored: tuple, count: int, last: int, fingerprint: str) -> bool:
    """Whether the events added since the tables were built are exactly the rows after the last one read."""
    events, last_rowid, built_with = stored
    added = count - events
    if built_with != fingerprint or added <= 0 or last <= last_rowid or added > _APPEND_SHARE * max(events, 1):
        return False
    return con.execute("SELECT count(*) FROM events WHERE rowid > ?", [last_rowid]).fetchall()[0][0] == added


def _append(con: duckdb.DuckDBPyConnection, last_rowid: int, other_weight: float, half_life: float) -> None:
    """Add the events after ``last_rowid``: their cells and volumes, and the months of the dyads they touch, anew."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE appended AS {_cells_select(other_weight, 'e.rowid > ?')}", [last_rowid])
    con.execute(f"INSERT INTO {CELLS} SELECT * FROM appended")
    con.execute(f"INSERT INTO {CELLS_BY_B} {_by_b_select('appended')}")
    con.execute(f"INSERT INTO {VOLUMES} {_volumes_select('appended')}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE {_TOUCHED} AS SELECT DISTINCT a, b FROM appended")
    for table in (MONTHS, TOTALS):
        con.execute(
            f"DELETE FROM {table} USING {_TOUCHED} t WHERE ({table}.principal, {table}.other) IN ((t.a, t.b), (t.b, t.a))"
        )
    touched = f"(a, b) IN (SELECT (a, b) FROM {_TOUCHED})"  # row values: only the dyads touched
    con.execute(f"INSERT INTO {MONTHS} {_months_select(CELLS, half_life, touched)}")
    ego = f"(least(principal, other), greatest(principal, other)) IN (SELECT (a, b) FROM {_TOUCHED})"
    con.execute(f"INSERT INTO {TOTALS} {_totals_select(MONTHS, ego)}")
    con.execute(f"DROP TABLE {_TOUCHED}")
    con.execute("DROP TABLE appended")


def _where(dataset: str | None, since: date | None = None, until: date | None = None) -> tuple[str, list]:
    conditions, params = [], []
    if dataset is not None:
        conditions.append("dataset = ?")
        params.append(dataset)
    if since is not None:
        conditions.append("on_day >= ?")
        params.append(since)
    if until is not None:
        conditions.append("on_day <= ?")
        params.append(until)
    return "".join(f" AND {c}" for c in conditions), params


def dyad_series(
    cells: Cells, a: str, b: str, period: str, *, since: date | None, until: date | None, dataset: str | None
) -> list[tuple]:
    """Rows (period start, a acted, quad, facts, Goldstein sum, flagged, negated, hypothetical, alleged)
    for the dyad ``a < b``, one per period, direction and quad class that has events."""
    extra, params = _where(dataset, since, until)
    return cells.con.execute(
        f"SELECT date_trunc('{_period(period)}', on_day)::DATE AS period, forward, quad, sum(facts)::BIGINT, "
        "sum(goldstein), sum(flagged)::BIGINT, sum(negated)::BIGINT, sum(hypothetical)::BIGINT, sum(alleged)::BIGINT "
        f"FROM {cells.cells} WHERE a = ? AND b = ?{extra} GROUP BY ALL ORDER BY ALL",
        [a, b, *params],
    ).fetchall()


def volumes(
    cells: Cells, principals: Iterable[str], period: str, *, since: date | None, until: date | None, dataset: str | None
) -> list[tuple]:
    """Rows (principal, period start, plain facts with any other principal)."""
    wanted = sorted(set(principals))
    extra, params = _where(dataset, since, until)
    return cells.con.execute(
        f"SELECT principal, date_trunc('{_period(period)}', on_day)::DATE AS period, sum(facts)::BIGINT "
        f"FROM {cells.volumes} WHERE principal IN ({', '.join('?' * len(wanted))}){extra} GROUP BY ALL ORDER BY ALL",
        [*wanted, *params],
    ).fetchall()


def dyad_units(
    cells: Cells, a: str, b: str, *, until: date | None, dataset: str | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The units of evidence of the dyad ``a < b`` up to ``until``, oldest first, as columns:
    day ordinals (``date.toordinal``), signs (+1 cooperation, -1 conflict), values and weights."""
    extra, params = _where(dataset, None, until)
    columns = cells.con.execute(
        f"SELECT {_ORDINAL} AS day, sign, value, weight "
        f"FROM ({_units(cells.cells, 'a = ? AND b = ?' + extra, per_dataset=False)}) ORDER BY day, sign",
        [a, b, *params],
    ).fetchnumpy()
    return (
        np.asarray(columns["day"], dtype=np.int64),
        np.asarray(columns["sign"], dtype=np.int64),
        np.asarray(columns["value"], dtype=np.float64),
        np.asarray(columns["weight"], dtype=np.float64),
    )


@dataclass(frozen=True)
class Sums:
    """Per dyad, the recency-weighted amount of evidence and signed sum of its values on a day."""

    dyads: list[tuple[str, str]]
    amount: np.ndarray
    signed: np.ndarray


def sums_at(
    cells: Cells,
    on: date,
    *,
    dataset: str | None,
    around: Iterable[str] | None = None,
    among: Iterable[str] | None = None,
) -> Sums:
    """Every dyad's sums on ``on``; with ``around``, only the dyads that include one of those
    principals; with ``among``, only the dyads of two of them.

    On or after the store's last fact the sums are the totals; before it, the last month's
    sums before ``on``'s month, plus the units of its days up to ``on`` from the cells. The
    totals and months are read from the rows filed under the principals ``around`` names.
    """
    ego, ego_params = _ego(cells, around, among)
    decay = f"pow(2.0, -(?::DATE - DATE '{BASE}') / {float(cells.half_life)})"
    last = date_span(cells, dataset=None)[1]
    if last is None or on >= last:
        past = f"SELECT principal, other, amount, signed FROM {cells.totals} WHERE dataset IS NOT DISTINCT FROM ? AND {ego}"
        past_params = [dataset, *ego_params]
        recent, recent_params = "", []
    else:
        month_start = on.replace(day=1)
        past = (
            f"SELECT principal, other, arg_max(amount, month_end) AS amount, arg_max(signed, month_end) AS signed "
            f"FROM {cells.months} "
            f"WHERE dataset IS NOT DISTINCT FROM ? AND month_end < ? AND {ego} GROUP BY ALL"
        )
        past_params = [dataset, month_start, *ego_params]
        growth = _growth(cells.half_life)
        days = "on_day >= ? AND on_day <= ?" + (" AND dataset = ?" if dataset else "")
        days_params = [month_start, on, *([dataset] if dataset else [])]
        parts, recent_params = [], []
        for table, condition, params in _dyad_conditions(cells, around, among):
            parts.append(f"SELECT a, b, value, weight, on_day FROM ({_units(table, f'{days} AND {condition}', per_dataset=False)})")
            recent_params += [*days_params, *params]
        recent = (
            f" UNION ALL SELECT a, b, sum(weight * {growth}), sum(weight * value * {growth}) "
            f"FROM ({' UNION ALL '.join(parts)}) GROUP BY a, b"
        )
    rows = cells.con.execute(
        f"SELECT a, b, sum(amount) * {decay}, sum(signed) * {decay} FROM ("
        f"SELECT least(principal, other) AS a, greatest(principal, other) AS b, amount, signed FROM ({past}){recent}"
        ") GROUP BY a, b ORDER BY a, b",
        [on, on, *past_params, *recent_params],
    ).fetchall()
    return Sums(
        [(a, b) for a, b, _, _ in rows],
        np.array([row[2] for row in rows], dtype=np.float64),
        np.array([row[3] for row in rows], dtype=np.float64),
    )


def _ego(cells: Cells, around: Iterable[str] | None, among: Iterable[str] | None) -> tuple[str, list]:
    """The condition that picks each wanted dyad once from a table filed under both principals."""
    if around is not None:
        wanted = sorted(set(around))
        marks = ", ".join("?" * len(wanted))
        return f"principal IN ({marks}) AND (other NOT IN ({marks}) OR principal < other)", wanted * 2
    if among is not None:
        cells.con.register(_AMONG, pa.table({"code": pa.array(sorted(set(among)), pa.string())}))
        return f"principal < other AND principal IN (SELECT code FROM {_AMONG}) AND other IN (SELECT code FROM {_AMONG})", []
    return "principal < other", []


def _dyad_conditions(cells: Cells, around: Iterable[str] | None, among: Iterable[str] | None) -> list[tuple[str, str, list]]:
    """Tables and conditions on them that together pick the wanted dyads' cells once. Dyads whose
    first principal is wanted are read from the cells, sorted by it; those whose second is, from
    the cells sorted by the second: either way DuckDB skips all but a few row groups."""
    if around is not None:
        wanted = sorted(set(around))
        marks = ", ".join("?" * len(wanted))
        return [(cells.cells, f"a IN ({marks})", wanted), (cells.by_b, f"b IN ({marks}) AND a NOT IN ({marks})", wanted * 2)]
    if among is not None:
        cells.con.register(_AMONG, pa.table({"code": pa.array(sorted(set(among)), pa.string())}))
        return [(cells.cells, f"a IN (SELECT code FROM {_AMONG}) AND b IN (SELECT code FROM {_AMONG})", [])]
    return [(cells.cells, "true", [])]


def yearly_facts(cells: Cells, *, dataset: str | None) -> list[tuple]:
    """Rows (a, b, year, plain facts) of every dyad-year that has facts."""
    extra, params = _where(dataset)
    return cells.con.execute(
        f"SELECT a, b, year(on_day) AS y, sum(facts)::BIGINT FROM {cells.cells} WHERE facts > 0{extra} "
        "GROUP BY ALL ORDER BY ALL",
        params,
    ).fetchall()


def code_masses(cells: Cells, *, dataset: str | None) -> list[tuple]:
    """Rows (a, b, year, CAMEO code, summed weight) of the plain facts of every dyad-year, filed
    as the cells file them: what the votes are learned from (``detente.relations.votes``)."""
    extra, params = ("AND e.dataset = ?", [dataset]) if dataset is not None else ("", [])
    return cells.con.execute(
        f"SELECT least(e.source_principal, e.target_principal) AS a, greatest(e.source_principal, e.target_principal) AS b, "
        f"year({_MIDDLE}) AS y, e.cameo, sum({_weight(cells.other_weight)}) AS mass "
        f"FROM events e{_WEIGHT_JOINS} WHERE {_DYAD_EVENTS} AND {_PLAIN} {extra} GROUP BY ALL HAVING mass > 0 ORDER BY ALL",
        params,
    ).fetchall()


def date_span(cells: Cells, *, dataset: str | None) -> tuple[date | None, date | None]:
    """The first and the last day any dyad has a plain fact (the last is the store's present)."""
    extra, params = _where(dataset)
    first, last = cells.con.execute(f"SELECT min(on_day), max(on_day) FROM {cells.volumes} WHERE true{extra}", params).fetchall()[0]
    return first, last


def events_on(cells: Cells, a: str, b: str, days: Iterable[date], *, dataset: str | None) -> list[Event]:
    """The events of the dyad filed under one of ``days`` (the middle day of their dates), with
    their evidence sentences.

    Most events are known to the day, and those are read by the days they start on, which the
    events' rough date order lets DuckDB find in a few row groups. A day whose plain facts are
    all known only to a range of days (a month, a year) is read apart, by the days its events
    may span.
    """
    wanted = sorted(set(days))
    found = [e for e in cells.store.events(dyad=(a, b), starting=wanted, dataset=dataset) if middle_day(e) in wanted]
    covered = {middle_day(e) for e in found if e.is_fact}
    for day in wanted:
        if day not in covered:
            found += [e for e in cells.store.events(dyad=(a, b), since=day, until=day, dataset=dataset) if middle_day(e) == day]
    return list(dict.fromkeys(found))


def middle_day(event: Event) -> date:
    """The day a cell files an event under: the middle of its dates."""
    return date.fromordinal(event.date.start.toordinal() + (event.date.end - event.date.start).days // 2)


def explain(cells: Cells, a: str, b: str, period: str) -> str:
    """DuckDB's plan of the series query of a dyad (for the benchmark)."""
    rows = cells.con.execute(
        f"EXPLAIN ANALYZE SELECT date_trunc('{_period(period)}', on_day)::DATE, forward, quad, sum(facts), sum(goldstein) "
        f"FROM {cells.cells} WHERE a = ? AND b = ? GROUP BY ALL",
        [a, b],
    ).fetchall()
    return rows[0][1]


def _period(period: str) -> str:
    if period not in PERIODS:
        raise ValueError(f"{period!r} is not a period; use one of {', '.join(PERIODS)}")
    return period
