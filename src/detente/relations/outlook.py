"""Where a relation is heading: its trend, and an estimate of its state after a horizon.

The trend is the change of the score over the past ``LOOKBACK_DAYS``. The estimate here is the
trend carried forward, not a forecast: if the two keep doing to each other what they did over
the past ``BEHAVIOUR_DAYS`` (as much evidence a day, of the same mean value), the score model of
``state`` says where the score will be after the horizon. Anything with the signature of
``Estimator`` can be passed in its place (``detente.relations.report.dyad_report(estimate=...)``);
``detente.api.dyad`` and ``ask`` pass the dyad forecaster (``detente.forecast.dyads``), which
falls back on this estimate, saying why, for a dyad with too little history.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

import numpy as np

from detente.relations import state
from detente.relations.state import Evidence, RelationState

LOOKBACK_DAYS = 365
# The recent behaviour the estimate carries forward: half a year, long enough for sparse dyads
# to show some, short enough for a turn to show.
BEHAVIOUR_DAYS = 182
# A change of score smaller than this over the lookback is no trend.
STEADY = 0.1

TREND_NOTE = "trend-based estimate: the past half-year's behaviour carried forward, not a forecast"


@dataclass(frozen=True)
class Trend:
    """The relation now and ``LOOKBACK_DAYS`` before."""

    before: RelationState
    now: RelationState

    @property
    def change(self) -> float:
        return self.now.score - self.before.score

    @property
    def direction(self) -> str:
        if self.change > STEADY:
            return "warming"
        if self.change < -STEADY:
            return "cooling"
        return "steady"


@dataclass(frozen=True)
class Outlook:
    """An estimate of the relation on ``on`` and how it was made; a forecast also gives the
    chance of each state (best first), an estimate none."""

    on: date
    score: float
    state: str
    method: str
    note: str
    probabilities: tuple[tuple[str, float], ...] = ()


Estimator = Callable[[Evidence, date, int], Outlook]


def trend(evidence: Evidence, on: date) -> Trend:
    """The relation on ``on`` and a year before."""
    return Trend(state.relation_at(evidence, on - timedelta(days=LOOKBACK_DAYS)), state.relation_at(evidence, on))


def trend_estimate(evidence: Evidence, on: date, horizon_days: int) -> Outlook:
    """The score after ``horizon_days`` if the past half-year's behaviour goes on.

    The evidence known on ``on`` fades by the recency weight of the horizon; new evidence
    arrives at the past half-year's rate (weighted units a day) with its mean value, each new
    day fading from its own date to the horizon.
    """
    known = evidence.until(on)
    recent = known.days > on.toordinal() - BEHAVIOUR_DAYS
    rate = float(known.weights[recent].sum()) / BEHAVIOUR_DAYS
    mean = float(np.average(known.values[recent], weights=known.weights[recent])) if rate > 0 else 0.0
    half_life = state.HALF_LIFE_DAYS
    fade = 0.5 ** (horizon_days / half_life)
    influence = state.influence(known, on)
    amount = float(influence.sum()) * fade
    signed = float((influence * known.values).sum()) * fade
    arriving = rate * half_life / math.log(2) * (1 - fade)
    score = float(state.score_of(signed + arriving * mean, amount + arriving))
    return Outlook(on + timedelta(days=horizon_days), score, state.state_of(score), "trend", TREND_NOTE)
