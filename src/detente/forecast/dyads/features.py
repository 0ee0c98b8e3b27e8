"""What the forecaster knows of a dyad at the end of a month, and what came of it.

Every feature at month ``t`` is computed from months up to ``t`` only. Two kinds of target:

- **rise**: next month's net cooperation is higher than this month's (the same, or lower, is no rise);
- **state**: the relation state at the end of month ``t + h`` is at or above a floor
  (``FRIENDLY``: friendly or ally), for a horizon of ``h`` months.

A dyad counts at month ``t`` (it *has history*) when it had plain facts in some month before
``t`` and in at least one of the ``ACTIVE_MONTHS`` months up to ``t``: a dyad that has gone
silent for a year has nothing to forecast from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from detente.forecast.dyads.panel import Panel
from detente.relations import state

ACTIVE_MONTHS = 12
RECENT_MONTHS = 3
YEAR = 12
# The trend-carried estimate's window: the half-year the relation module's estimate carries forward.
BEHAVIOUR_MONTHS = 6
DAYS_PER_MONTH = 365.25 / 12
FRIENDLY = dict(state.STATE_FLOORS)["friendly"]


@dataclass(frozen=True)
class Target:
    """A question asked of every dyad at every month's end: ``kind`` "rise", or "state" at or
    above ``floor`` after ``horizon`` months."""

    kind: str
    horizon: int
    floor: float | None = None

    @property
    def name(self) -> str:
        if self.kind == "rise":
            return "rise"
        return f"{state.state_of(self.floor)}+{self.horizon}m"


RISE = Target("rise", 1)

RISE_FEATURES = (
    "below the past year's mean",
    "below the long-run mean",
    "this month's change",
    "facts this month",
    "facts a month, past year",
    "long-run share of rises",
    "relation score",
    "net share this month",
    "no facts this month",
)
STATE_FEATURES = (
    "score above the floor",
    "trend-carried score above the floor",
    "evidence",
    "at or above the floor now",
    "long-run share at or above",
    "net share, past 3 months",
    "net units, past 3 months",
    "score change, past year",
    "score change, past 3 months",
    "facts a month, past year",
    "units of evidence to cross the floor",
)


def names(target: Target) -> tuple[str, ...]:
    """The features of a target's model, in column order."""
    return RISE_FEATURES if target.kind == "rise" else STATE_FEATURES


def has_history(panel: Panel) -> np.ndarray:
    """(dyads, months): whether the dyad counts at that month (see the module's docstring)."""
    months = np.arange(len(panel.ends))
    active = trailing(panel.total, ACTIVE_MONTHS) > 0
    return (panel.first[:, None] < months[None, :]) & active


def outcome(panel: Panel, target: Target) -> np.ndarray:
    """(dyads, months): 1.0 where the target came true ``horizon`` months later, 0.0 where not, NaN where not yet known."""
    result = np.full(panel.amount.shape, np.nan)
    h = target.horizon
    if h >= len(panel.ends):
        return result
    if target.kind == "rise":
        net = panel.net
        result[:, :-h] = net[:, h:] > net[:, :-h]
    else:
        result[:, :-h] = panel.score[:, h:] >= target.floor
    return result


def features(panel: Panel, target: Target) -> np.ndarray:
    """(dyads, months, features) for ``target``, in the order of ``names(target)``."""
    return _rise(panel) if target.kind == "rise" else _state(panel, target)


def persistence(panel: Panel, target: Target) -> np.ndarray:
    """The forecast that things stay as they are: this month's change continues (a rise if this
    month rose), or the state keeps its side of the floor."""
    if target.kind == "rise":
        net = panel.net
        return np.concatenate([np.zeros((len(net), 1)), net[:, 1:] > net[:, :-1]], axis=1).astype(float)
    return (panel.score >= target.floor).astype(float)


def long_run(panel: Panel, target: Target) -> np.ndarray:
    """The share of the dyad's months, from its first with facts, in which the target held (as far as known)."""
    months = np.arange(len(panel.ends))[None, :]
    first = panel.first[:, None]
    if target.kind == "rise":
        net = panel.net
        rose = np.zeros(net.shape)
        rose[:, :-1] = (net[:, 1:] > net[:, :-1]) & (months[:, :-1] >= first)
        # Rises known at t are those of months up to t - 1.
        known = np.concatenate([np.zeros((len(net), 1)), np.cumsum(rose, axis=1)[:, :-1]], axis=1)
        return known / np.maximum(months - first, 1)
    held = np.cumsum((panel.score >= target.floor) & (months >= first), axis=1)
    return held / np.maximum(months - first + 1, 1)


def trailing(values: np.ndarray, months: int) -> np.ndarray:
    """The sum over the last ``months`` months up to each month (fewer at the panel's start)."""
    running = np.cumsum(values, axis=1)
    shifted = np.zeros_like(running)
    shifted[:, months:] = running[:, :-months]
    return running - shifted


def _window(values: np.ndarray, months: int) -> np.ndarray:
    """The mean over the last ``months`` months, or over those there are."""
    count = np.minimum(np.arange(values.shape[1]) + 1, months)
    return trailing(values, months) / count


def _lagged(values: np.ndarray, months: int) -> np.ndarray:
    """The value ``months`` months before (the panel's first month's, before it)."""
    index = np.maximum(np.arange(values.shape[1]) - months, 0)
    return values[:, index]


def _rise(panel: Panel) -> np.ndarray:
    net, total = panel.net, panel.total
    months = np.arange(len(panel.ends))[None, :]
    since_first = np.maximum(months - panel.first[:, None] + 1, 1)
    spread = np.sqrt(_window(total, YEAR) + 1)
    columns = (
        (_window(net, YEAR) - net) / spread,
        (np.cumsum(net, axis=1) / since_first - net) / spread,
        (net - _lagged(net, 1)) / spread,
        np.log1p(total),
        np.log1p(_window(total, YEAR)),
        long_run(panel, RISE),
        panel.score,
        net / (total + 1),
        (total == 0).astype(float),
    )
    return np.stack(columns, axis=2)


def _state(panel: Panel, target: Target) -> np.ndarray:
    score, amount, floor = panel.score, panel.amount, target.floor
    recent = trailing(panel.units, RECENT_MONTHS)  # (dyads, months, 2)
    columns = (
        score - floor,
        trend_carried(panel, target.horizon) - floor,
        np.log1p(amount),
        (score >= floor).astype(float),
        long_run(panel, target),
        trailing(panel.net, RECENT_MONTHS) / (trailing(panel.total, RECENT_MONTHS) + 1),
        (recent[..., 0] - recent[..., 1]) / (recent.sum(axis=2) + 1),
        score - _lagged(score, YEAR),
        score - _lagged(score, RECENT_MONTHS),
        np.log1p(_window(panel.total, YEAR)),
        _signed_log((score - floor) * (amount + state.PRIOR_DAYS)),
    )
    return np.stack(columns, axis=2)


def trend_carried(panel: Panel, horizon: int) -> np.ndarray:
    """The score after ``horizon`` months if the past half-year's units go on arriving at the
    same rate and mean value: ``outlook.trend_estimate``, over whole months."""
    window = np.minimum(np.arange(len(panel.ends)) + 1, BEHAVIOUR_MONTHS) * DAYS_PER_MONTH
    weight = trailing(panel.units.sum(axis=2), BEHAVIOUR_MONTHS)
    rate = weight / window
    mean = np.divide(trailing(panel.valued, BEHAVIOUR_MONTHS), weight, out=np.zeros_like(weight), where=weight > 0)
    half_life = state.HALF_LIFE_DAYS
    fade = 0.5 ** (horizon * DAYS_PER_MONTH / half_life)
    arriving = rate * half_life / math.log(2) * (1 - fade)
    return state.score_of(panel.signed * fade + arriving * mean, panel.amount * fade + arriving)


def _signed_log(values: np.ndarray) -> np.ndarray:
    return np.sign(values) * np.log1p(np.abs(values))
