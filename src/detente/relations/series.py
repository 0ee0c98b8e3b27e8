"""A dyad's events over time: per day, week, month or year, both directions and each apart.

Counts are of plain facts only (negated, hypothetical and alleged events are counted apart, as
``flagged``), coded and imported events together unless a dataset is chosen. Each period also
carries both actors' volume (their plain facts with anyone), because a dyad's raw counts grow
with the coverage of its actors: GDELT's volume grows every year, and raw counts lie.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from detente.store import relations as cells_store
from detente.store.relations import PERIODS, Cells

QUADS = (1, 2, 3, 4)


@dataclass(frozen=True)
class Counts:
    """Plain facts by quad class, and the sum of their Goldstein scores."""

    quads: dict[int, int]
    goldstein_sum: float

    @property
    def total(self) -> int:
        return sum(self.quads.values())

    @property
    def goldstein_mean(self) -> float | None:
        return self.goldstein_sum / self.total if self.total else None

    @property
    def net_cooperation(self) -> int:
        """(verbal + material cooperation) - (verbal + material conflict)."""
        return self.quads[1] + self.quads[2] - self.quads[3] - self.quads[4]


@dataclass(frozen=True)
class Period:
    """One period of a dyad's series. ``forward`` is what the dyad's first actor did to the second."""

    start: date
    both: Counts
    forward: Counts
    backward: Counts
    flagged: int
    volumes: tuple[int, int]

    @property
    def normalised_net(self) -> float | None:
        """Net cooperation per 1,000 plain facts of the two actors (geometric mean of their volumes)."""
        first, second = self.volumes
        if not first or not second:
            return None
        return 1000 * self.both.net_cooperation / math.sqrt(first * second)


@dataclass(frozen=True)
class DyadSeries:
    """A dyad's periods, from the first with events (or ``since``) to the last (or ``until``), gaps filled."""

    dyad: tuple[str, str]
    by: str
    periods: tuple[Period, ...]

    @property
    def total(self) -> Counts:
        quads = {quad: sum(p.both.quads[quad] for p in self.periods) for quad in QUADS}
        return Counts(quads, sum(p.both.goldstein_sum for p in self.periods))

    @property
    def flagged(self) -> int:
        return sum(period.flagged for period in self.periods)


def dyad_series(
    cells: Cells,
    a: str,
    b: str,
    *,
    by: str = "month",
    since: date | None = None,
    until: date | None = None,
    dataset: str | None = None,
) -> DyadSeries:
    """The series of the dyad (a, b); ``forward`` counts are a's acts toward b."""
    if by not in PERIODS:
        raise ValueError(f"{by!r} is not a period; use one of {', '.join(PERIODS)}")
    low, high = sorted((a, b))
    rows = cells_store.dyad_series(cells, low, high, by, since=since, until=until, dataset=dataset)
    volume_rows = cells_store.volumes(cells, (a, b), by, since=since, until=until, dataset=dataset)
    starts = [row[0] for row in rows]
    first = truncate(since, by) if since else min(starts, default=None)
    last = truncate(until, by) if until else max(starts, default=None)
    if first is None or last is None:
        return DyadSeries((a, b), by, ())
    # (period start, whether a acted) -> facts of quad classes 1 to 4 and their Goldstein sum
    tallies: dict[tuple[date, bool], list] = {}
    flagged: dict[date, int] = {}
    for start, low_acted, quad, facts, goldstein, flags, *_ in rows:
        tally = tallies.setdefault((start, low_acted == (a == low)), [0, 0, 0, 0, 0.0])
        tally[quad - 1] += facts
        tally[4] += goldstein
        flagged[start] = flagged.get(start, 0) + flags
    volume = {(principal, start): facts for principal, start, facts in volume_rows}
    nothing = [0, 0, 0, 0, 0.0]
    periods = []
    for start in period_starts(first, last, by):
        forward = tallies.get((start, True), nothing)
        backward = tallies.get((start, False), nothing)
        periods.append(
            Period(
                start,
                _counts([f + g for f, g in zip(forward, backward)]),
                _counts(forward),
                _counts(backward),
                flagged.get(start, 0),
                (volume.get((a, start), 0), volume.get((b, start), 0)),
            )
        )
    return DyadSeries((a, b), by, tuple(periods))


def _counts(tally: list) -> Counts:
    return Counts(dict(zip(QUADS, tally[:4])), tally[4])


def truncate(day: date, by: str) -> date:
    """The first day of the period ``day`` falls in (weeks start on Monday)."""
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def next_start(start: date, by: str) -> date:
    """The first day of the period after the one starting on ``start``."""
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    if by == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def period_starts(first: date, last: date, by: str) -> list[date]:
    """Every period start from ``first`` to ``last`` (both period starts)."""
    starts = []
    start = first
    while start <= last:
        starts.append(start)
        start = next_start(start, by)
    return starts
