"""Dyads month by month, side by side: plain facts by quad class, units of evidence, and the relation at each month's end.

The forecaster reads the store through this panel only, for every dyad at once (to fit and to
evaluate) or for one (to forecast it). Units of evidence and scores are those of
``detente.relations.state``: a dyad's day and sign, valued at the mean vote of its acts and
weighing as its weightiest act times the size of that value, fading with a half-life of
``state.HALF_LIFE_DAYS``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

import numpy as np

from detente.relations import state
from detente.store.relations import Cells

QUADS = 4


@dataclass(frozen=True)
class Panel:
    """Dyads (rows) by months (columns). Month ``k`` runs from the day after ``ends[k-1]`` to ``ends[k]``."""

    dyads: tuple[tuple[str, str], ...]
    ends: tuple[date, ...]
    facts: np.ndarray  # (dyads, months, 4): plain facts of quad classes 1 to 4, both directions
    units: np.ndarray  # (dyads, months, 2): weight of the month's units of evidence, cooperative and conflictual
    valued: np.ndarray  # (dyads, months): the month's units' weight times value, summed
    amount: np.ndarray  # (dyads, months): recency-weighted evidence at the month's end
    signed: np.ndarray  # (dyads, months): recency-weighted sum of weight times value at the month's end

    @property
    def net(self) -> np.ndarray:
        """Net cooperation per month: quad classes 1 + 2 minus 3 + 4."""
        return self.facts[..., 0] + self.facts[..., 1] - self.facts[..., 2] - self.facts[..., 3]

    @property
    def total(self) -> np.ndarray:
        """Plain facts per month."""
        return self.facts.sum(axis=2)

    @property
    def score(self) -> np.ndarray:
        """The relation score at each month's end."""
        return state.score_of(self.signed, self.amount)

    @property
    def first(self) -> np.ndarray:
        """Each dyad's first month with a plain fact (the number of months if none)."""
        active = self.total > 0
        return np.where(active.any(axis=1), active.argmax(axis=1), len(self.ends))


def calendar_ends(first: date, last: date) -> list[date]:
    """The last day of every calendar month from ``first``'s to the last one that ends by ``last``."""
    ends = []
    year, month = first.year, first.month
    while True:
        end = date(year, month, calendar.monthrange(year, month)[1])
        if end > last:
            return ends
        ends.append(end)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def anchored_ends(on: date, first: date) -> list[date]:
    """Month ends counted back from ``on`` (the same day of each earlier month, or its last day)
    until the month that holds ``first``, oldest first: the months of a forecast made on ``on``."""
    ends = [on]
    back = 1
    while ends[-1] >= first:
        year, month = divmod(on.year * 12 + on.month - 1 - back, 12)
        ends.append(date(year, month + 1, min(on.day, calendar.monthrange(year, month + 1)[1])))
        back += 1
    return ends[-2::-1] if len(ends) > 1 else ends


def read(
    cells: Cells,
    ends: list[date],
    *,
    dataset: str | None = None,
    dyad: tuple[str, str] | None = None,
) -> Panel:
    """The panel of every dyad with plain facts up to ``ends[-1]`` (or of ``dyad`` alone), over the months ending on ``ends``."""
    conditions, params = ["facts > 0", "on_day <= ?"], [ends[-1]]
    if dataset is not None:
        conditions.append("dataset = ?")
        params.append(dataset)
    if dyad is not None:
        conditions.append("a = ? AND b = ?")
        params.extend(sorted(dyad))
    where = " AND ".join(conditions)
    columns = cells.con.execute(
        "SELECT dense_rank() OVER (ORDER BY a, b) - 1 AS dyad, (on_day - DATE '0001-01-01')::BIGINT + 1 AS day, "
        "quad, sum(facts)::BIGINT AS facts, max(weight) AS weight, sum(weighed) AS weighed, sum(voted) AS voted "
        f"FROM {cells.cells} WHERE {where} GROUP BY a, b, on_day, quad",
        params,
    ).fetchnumpy()
    dyads = cells.con.execute(f"SELECT DISTINCT a, b FROM {cells.cells} WHERE {where} ORDER BY a, b", params).fetchall()
    return build(
        tuple((a, b) for a, b in dyads),
        ends,
        np.asarray(columns["dyad"], dtype=np.int64),
        np.asarray(columns["day"], dtype=np.int64),
        np.asarray(columns["quad"], dtype=np.int64),
        np.asarray(columns["facts"], dtype=np.float64),
        np.asarray(columns["weight"], dtype=np.float64),
        np.asarray(columns["weighed"], dtype=np.float64),
        np.asarray(columns["voted"], dtype=np.float64),
    )


def first_day(cells: Cells, dyad: tuple[str, str], *, until: date, dataset: str | None = None) -> date | None:
    """The first day the dyad ``a < b`` has a plain fact, up to ``until``."""
    extra, params = (" AND dataset = ?", [dataset]) if dataset is not None else ("", [])
    return cells.con.execute(
        f"SELECT min(on_day) FROM {cells.cells} WHERE a = ? AND b = ? AND facts > 0 AND on_day <= ?{extra}",
        [*dyad, until, *params],
    ).fetchall()[0][0]


def build(
    dyads: tuple[tuple[str, str], ...],
    ends: list[date],
    dyad: np.ndarray,
    day: np.ndarray,
    quad: np.ndarray,
    facts: np.ndarray,
    weight: np.ndarray,
    weighed: np.ndarray,
    voted: np.ndarray,
) -> Panel:
    """The panel from cells given as columns: dyad index, day ordinal, quad class, plain facts,
    highest weight, and the sums of weights and of weights times votes of their acts. Days after
    the last end are left out; days before the first fall in the first month."""
    end_days = np.array([end.toordinal() for end in ends], dtype=np.int64)
    shape = (len(dyads), len(ends))
    month = np.searchsorted(end_days, day, side="left")
    kept = month < len(ends)
    dyad, day, quad, facts, weight, weighed, voted, month = (
        column[kept] for column in (dyad, day, quad, facts, weight, weighed, voted, month)
    )
    counts = np.zeros((*shape, QUADS))
    np.add.at(counts, (dyad, month, quad - 1), facts)
    # A unit is a dyad's day and sign: valued at its acts' mean vote, weighing as its weightiest
    # cell times the size of that value (as ``detente.store.relations`` forms them).
    conflict = (quad > 2).astype(np.int64)
    key = (dyad * (1 << 22) + day) * 2 + conflict
    unique, inverse = np.unique(key, return_inverse=True)
    heaviest = np.zeros(len(unique))
    np.maximum.at(heaviest, inverse, weight)
    unit_weighed = np.bincount(inverse, weighed, minlength=len(unique))
    unit_voted = np.bincount(inverse, voted, minlength=len(unique))
    value = np.divide(unit_voted, unit_weighed, out=np.zeros(len(unique)), where=unit_weighed > 0)
    unit_weight = heaviest * np.abs(value)
    unit_conflict = unique % 2
    unit_day = (unique // 2) % (1 << 22)
    unit_dyad = unique // 2 // (1 << 22)
    unit_month = np.searchsorted(end_days, unit_day, side="left")
    units = np.zeros((*shape, 2))
    np.add.at(units, (unit_dyad, unit_month, unit_conflict), unit_weight)
    valued = np.zeros(shape)
    np.add.at(valued, (unit_dyad, unit_month), unit_weight * value)
    # Recency weights relative to the last end, summed per month, accumulated, then faded to each end.
    growth = unit_weight * np.power(0.5, (end_days[-1] - unit_day) / state.HALF_LIFE_DAYS)
    amount = np.zeros(shape)
    signed = np.zeros(shape)
    np.add.at(amount, (unit_dyad, unit_month), growth)
    np.add.at(signed, (unit_dyad, unit_month), growth * value)
    fade = np.power(0.5, (end_days - end_days[-1]) / state.HALF_LIFE_DAYS)
    return Panel(dyads, tuple(ends), counts, units, valued, np.cumsum(amount, axis=1) * fade, np.cumsum(signed, axis=1) * fade)
