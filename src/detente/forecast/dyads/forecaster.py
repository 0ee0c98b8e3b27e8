"""One dyad's forecast: the chance that its net cooperation rises next month, and the chance of
each relation state after a horizon, with the features that drive them.

A forecast made on a day ``on`` reads the dyad's months counted back from ``on`` (so "this
month" is the month up to ``on``), computes the features of ``features`` at its last month,
and applies the shipped models (``models``). The state after the horizon comes as a chance of
being at or above each floor of ``state.STATE_FLOORS``, one model per floor, made monotone
(a relation cannot be more likely friendly-or-better than neutral-or-better); its median is
what ``detente ask`` reports.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from detente.forecast.dyads import features, models, panel
from detente.forecast.dyads.features import FRIENDLY, RISE, Target
from detente.forecast.dyads.model import Logistic
from detente.forecast.dyads.models import FLOORS, MAX_HORIZON, Models
from detente.forecast.dyads.panel import Panel
from detente.relations import outlook, report, state
from detente.relations.outlook import Estimator, Outlook
from detente.relations.report import DyadReport
from detente.relations.state import Evidence
from detente.store import relations as cells_store
from detente.store.relations import Cells

NEUTRAL = dict(state.STATE_FLOORS)["neutral"]


class TooLittleHistory(ValueError):
    """The dyad has no month of history before ``on``, or no plain fact in the past year."""


@dataclass(frozen=True)
class Driver:
    """A feature's value for the dyad and its part of the log-odds, relative to the average
    dyad-month the model was fitted on."""

    feature: str
    value: float
    contribution: float


@dataclass(frozen=True)
class Chance:
    """A probability, what the two baselines would have said, and the features behind it, weightiest first."""

    target: Target
    probability: float
    persistence: float
    long_run: float
    drivers: tuple[Driver, ...]


@dataclass(frozen=True)
class DyadForecast:
    """A dyad's forecast on ``on``: "this month" runs from ``month_start`` to ``on``."""

    dyad: tuple[str, str]
    on: date
    horizon: int
    month_start: date
    net: int
    previous_net: int
    rise: Chance
    floors: tuple[Chance, ...]

    @property
    def friendly(self) -> Chance:
        """The chance of being friendly or allied after the horizon."""
        return next(chance for chance in self.floors if chance.target.floor == FRIENDLY)

    @property
    def states(self) -> dict[str, float]:
        """The chance of each state after the horizon, best first."""
        above = [chance.probability for chance in self.floors] + [1.0]
        chances = [above[0]] + [low - high for high, low in zip(above, above[1:])]
        return dict(zip(reversed(state.STATES), chances))

    @property
    def median_state(self) -> str:
        return next((state.state_of(c.target.floor) for c in self.floors if c.probability >= 0.5), "hostile")

    @property
    def median_score(self) -> float:
        """The score the relation is as likely to end above as below, interpolated between the floors."""
        floors = [c.target.floor for c in self.floors]
        above = [c.probability for c in self.floors]
        low, high = state.SCORE_RANGE
        return float(np.interp(0.5, [0.0, *above, 1.0], [high, *floors, low]))


def history(cells: Cells, a: str, b: str, on: date, *, dataset: str | None = None) -> Panel:
    """The dyad's months counted back from ``on`` to its first plain fact."""
    low, high = sorted((a, b))
    first = panel.first_day(cells, (low, high), until=on, dataset=dataset) or on
    return panel.read(cells, panel.anchored_ends(on, first), dataset=dataset, dyad=(low, high))


def forecast(months: Panel, horizon: int, fitted: Models | None = None) -> DyadForecast:
    """The forecast at the last month of a one-dyad panel, ``horizon`` months ahead (1 to ``MAX_HORIZON``)."""
    if not 1 <= horizon <= MAX_HORIZON:
        raise ValueError(f"the horizon is {horizon} months; the forecaster's models reach from 1 to {MAX_HORIZON}")
    fitted = fitted or models.shipped()
    ends = months.ends
    dyad = months.dyads[0] if months.dyads else None
    if dyad is None or not features.has_history(months)[0, -1]:
        raise TooLittleHistory(_lacking(months))
    floors = [_chance(months, Target("state", horizon, floor), fitted.state(floor, horizon)) for floor in FLOORS]
    monotone = np.maximum.accumulate([chance.probability for chance in floors])
    net = months.net[0]
    return DyadForecast(
        dyad,
        ends[-1],
        horizon,
        ends[-2] + timedelta(days=1),
        int(net[-1]),
        int(net[-2]),
        _chance(months, RISE, fitted.rise),
        tuple(dataclasses.replace(chance, probability=float(p)) for chance, p in zip(floors, monotone)),
    )


@dataclass(frozen=True)
class ForecastReport:
    """A dyad's forecast (None, with the reason, when it has too little history) and its relation
    report: the state now, the events that weigh most in it, the balance of third parties, and
    the outlook (the forecast's, or the trend-based estimate's)."""

    forecast: DyadForecast | None
    lacking: str | None
    report: DyadReport


def forecast_report(
    cells: Cells, a: str, b: str, *, on: date | None = None, horizon: int = 12, dataset: str | None = None
) -> ForecastReport:
    """The forecast of the dyad (a, b) on ``on`` (default: the store's last day with facts)."""
    if not 1 <= horizon <= MAX_HORIZON:
        raise ValueError(f"the horizon is {horizon} months; the forecaster's models reach from 1 to {MAX_HORIZON}")
    on = on or cells_store.date_span(cells, dataset=dataset)[1] or date.today()
    try:
        found, lacking = forecast(history(cells, a, b, on, dataset=dataset), horizon), None
    except TooLittleHistory as reason:
        found, lacking = None, str(reason)
    related = report.dyad_report(
        cells, a, b, on=on, horizon_days=round(horizon * features.DAYS_PER_MONTH), by=None, dataset=dataset,
        estimate=estimator(cells, a, b, dataset=dataset),
    )
    return ForecastReport(found, lacking, related)


def _chance(months: Panel, target: Target, fitted: Logistic) -> Chance:
    x = features.features(months, target)[0, -1]
    contributions = fitted.contributions(x)
    order = np.argsort(-np.abs(contributions), kind="stable")
    return Chance(
        target,
        float(fitted.probability(x)),
        float(features.persistence(months, target)[0, -1]),
        float(features.long_run(months, target)[0, -1]),
        tuple(Driver(fitted.names[i], float(x[i]), float(contributions[i])) for i in order),
    )


def _lacking(months: Panel) -> str:
    if not months.dyads or months.first[0] >= len(months.ends):
        return "no plain fact between the two up to that day"
    if months.first[0] == len(months.ends) - 1:
        since = f" (since {months.ends[-2] + timedelta(days=1):%Y-%m-%d})" if len(months.ends) > 1 else ""
        return f"all their plain facts fall in the last month{since}; the forecaster needs a month of history before it"
    return f"no plain fact between the two in the {features.ACTIVE_MONTHS} months up to that day"


def outlook_of(found: DyadForecast, horizon_days: int) -> Outlook:
    """The forecast as the relation module's outlook: the median state and score, and the chances in the note."""
    chances = found.states
    friendly = chances["ally"] + chances["friendly"]
    foe = chances["tense"] + chances["hostile"]
    note = (
        f"forecast: {friendly:.0%} chance friendly or allied, {foe:.0%} tense or hostile "
        f"(logistic models of the dyad's history, fitted on {models.shipped().source})"
    )
    return Outlook(
        found.on + timedelta(days=horizon_days), found.median_score, found.median_state, "forecast", note, tuple(chances.items())
    )


def estimator(cells: Cells, a: str, b: str, *, dataset: str | None = None) -> Estimator:
    """The estimator ``detente.api.dyad`` and ``ask`` use by default: the forecast when the dyad
    has history and the horizon is within the models' reach, else the trend-based estimate,
    saying why."""

    def estimate(evidence: Evidence, on: date, horizon_days: int) -> Outlook:
        horizon = round(horizon_days / features.DAYS_PER_MONTH)
        if not 1 <= horizon <= MAX_HORIZON:
            return _fallback(evidence, on, horizon_days, f"the horizon is beyond the forecaster's {MAX_HORIZON} months")
        try:
            found = forecast(history(cells, a, b, on, dataset=dataset), horizon)
        except TooLittleHistory as reason:
            return _fallback(evidence, on, horizon_days, f"too little history for a forecast: {reason}")
        return outlook_of(found, horizon_days)

    return estimate


def _fallback(evidence: Evidence, on: date, horizon_days: int, reason: str) -> Outlook:
    trend = outlook.trend_estimate(evidence, on, horizon_days)
    return dataclasses.replace(trend, note=f"{trend.note}; {reason}")
