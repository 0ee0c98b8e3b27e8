"""Everything detente can say about two actors, every number traceable to events.

``dyad_report`` puts together the series of the dyad, its relation now and at the end of each
period, the trend, the turns with the events that mark them, the balance argument from third
parties, the estimate of where it is heading, and the events that weigh most in today's score.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from detente.model import Event
from detente.relations import changes, network, outlook, series, state, votes
from detente.relations.changes import Turn
from detente.relations.network import Balance
from detente.relations.outlook import Estimator, Outlook, Trend
from detente.relations.question import Question
from detente.relations.series import DyadSeries
from detente.relations.state import Evidence, RelationState
from detente.store import relations as cells_store
from detente.store.relations import Cells

# How many events weigh most in the answer, and how many mark each turn.
WEIGHING_EVENTS = 8
MARKING_EVENTS = 3
DEFAULT_HORIZON_DAYS = 365


@dataclass(frozen=True)
class WeighingEvent:
    """An event of a unit of evidence that weighs in the score: ``influence`` is the unit's
    weight and recency, ``value`` its mean vote (below ``state.PRIOR_VALUE`` it pulls the score
    toward rivalry, above toward alliance)."""

    event: Event
    influence: float
    value: float

    @property
    def pull(self) -> float:
        """How far the unit moves the mean from even odds: positive toward alliance, negative toward rivalry."""
        return self.influence * (self.value - state.PRIOR_VALUE)


@dataclass(frozen=True)
class MarkedTurn:
    """A turn of the relation and the first weighty events after it in the direction it turned."""

    turn: Turn
    events: tuple[Event, ...]


@dataclass(frozen=True)
class DyadReport:
    """What detente knows about two actors on ``on``."""

    dyad: tuple[str, str]
    on: date
    dataset: str | None
    relation: RelationState
    trend: Trend
    outlook: Outlook
    horizon_days: int
    balance: Balance
    turns: tuple[MarkedTurn, ...]
    weighing: tuple[WeighingEvent, ...]
    series: DyadSeries
    states: tuple[RelationState, ...]

    @property
    def facts(self) -> int:
        """The plain facts of the series."""
        return self.series.total.total

    @property
    def flagged(self) -> int:
        """The negated, hypothetical or alleged events of the series' periods, counted apart."""
        return self.series.flagged


@dataclass(frozen=True)
class Answer:
    """A question and the report that answers it."""

    question: Question
    report: DyadReport

    @property
    def verdict(self) -> Verdict | None:
        """Yes or no to what was asked (friends, or foes), from the outlook; None when the
        question asks neither."""
        goal = self.question.goal
        if goal is None:
            return None
        wanted = ("tense", "hostile") if goal == "hostile" else ("ally", "friendly")
        outlook = self.report.outlook
        what = "tense or hostile" if goal == "hostile" else "friendly or allied"
        if outlook.probabilities:
            chance = sum(p for name, p in outlook.probabilities if name in wanted)
            likely = chance >= 0.5
            text = f"{'Likely' if likely else 'Unlikely'}: {chance:.0%} chance {what} by {outlook.on:%Y-%m-%d} (forecast; most likely {outlook.state})."
            return Verdict(likely, chance, text)
        likely = outlook.state in wanted
        text = f"{'Yes, on this trend' if likely else 'Not on this trend'}: {outlook.state} by {outlook.on:%Y-%m-%d} (trend-based estimate, not a forecast)."
        return Verdict(likely, None, text)


@dataclass(frozen=True)
class Verdict:
    """The answer to a question: ``likely`` what was asked, with the forecast's ``chance`` of it
    (None for a trend-based estimate), and the sentence that says so."""

    likely: bool
    chance: float | None
    text: str


def dyad_report(
    cells: Cells,
    a: str,
    b: str,
    *,
    on: date | None = None,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    by: str | None = "month",
    since: date | None = None,
    until: date | None = None,
    dataset: str | None = None,
    estimate: Estimator = outlook.trend_estimate,
) -> DyadReport:
    """The report on the dyad (a, b) as of ``on`` (default: ``until``, else the last day the
    store has facts for, so that a store of old events is read as of its own present).
    ``by=None`` chooses the period from the length of the history (``period_for``)."""
    on = on or until or cells_store.date_span(cells, dataset=dataset)[1] or date.today()
    low, high = sorted((a, b))
    evidence = Evidence(*cells_store.dyad_units(cells, low, high, until=on, dataset=dataset))
    by = by or period_for(evidence, since, on)
    dyad_series = series.dyad_series(cells, a, b, by=by, since=since, until=until or on, dataset=dataset)
    ends = [min(series.next_start(p.start, by) - timedelta(days=1), on) for p in dyad_series.periods]
    around = network.signed_network(cells, on, dataset=dataset, around=(a, b))
    return DyadReport(
        dyad=(a, b),
        on=on,
        dataset=dataset,
        relation=state.relation_at(evidence, on),
        trend=outlook.trend(evidence, on),
        outlook=estimate(evidence, on, horizon_days),
        horizon_days=horizon_days,
        balance=network.balance(around, a, b),
        turns=tuple(_marked(cells, low, high, evidence, turn, dataset) for turn in changes.turns(evidence)),
        weighing=_weighing(cells, low, high, evidence, on, dataset),
        series=dyad_series,
        states=tuple(state.relations_at(evidence, ends)),
    )


def period_for(evidence: Evidence, since: date | None, on: date) -> str:
    """Months for a history of up to three years, years for a longer one."""
    first = since or (date.fromordinal(int(evidence.days[0])) if len(evidence) else on)
    return "month" if (on - first).days <= 3 * 365 else "year"


def _weighing(cells: Cells, a: str, b: str, evidence: Evidence, on: date, dataset: str | None) -> tuple[WeighingEvent, ...]:
    """One event for each of the units that weigh most today (the most recent first among equals)."""
    influence = state.influence(evidence, on)
    order = np.lexsort((-evidence.days, -influence))
    chosen = [int(i) for i in order[:WEIGHING_EVENTS] if influence[i] > 0]
    found = _representatives(cells, a, b, evidence, chosen, dataset)
    return tuple(WeighingEvent(found[i], float(influence[i]), float(evidence.values[i])) for i in chosen if i in found)


def _marked(cells: Cells, a: str, b: str, evidence: Evidence, turn: Turn, dataset: str | None) -> MarkedTurn:
    """The turn with the first weighty units after it in the direction it turned."""
    direction = 1 if turn.warmed else -1
    units = [
        i
        for i in range(turn.start, turn.end)
        if direction * (evidence.values[i] - state.PRIOR_VALUE) > 0 and evidence.weights[i] > 0
    ][:MARKING_EVENTS]
    found = _representatives(cells, a, b, evidence, units, dataset)
    return MarkedTurn(turn, tuple(found[i] for i in units if i in found))


def _representatives(cells: Cells, a: str, b: str, evidence: Evidence, units: list[int], dataset: str | None) -> dict[int, Event]:
    """For each unit, the event that best stands for it: a plain fact of its day and sign, with an
    evidence sentence if one has it, whose vote goes furthest the way the unit's value does.
    One query for all."""
    if not units:
        return {}
    table = votes.load()
    days = [date.fromordinal(int(evidence.days[i])) for i in units]
    by_unit: dict[tuple[date, int], list[Event]] = {}
    for event in cells_store.events_on(cells, a, b, days, dataset=dataset):
        if event.is_fact:
            by_unit.setdefault((cells_store.middle_day(event), cells_store.sign_of_quad(event.quad)), []).append(event)
    found = {}
    for i, day in zip(units, days):
        candidates = by_unit.get((day, int(evidence.signs[i])))
        if candidates:
            direction = 1 if evidence.values[i] >= state.PRIOR_VALUE else -1
            found[i] = max(candidates, key=lambda e: (e.sentence is not None, direction * votes.vote_of(e.cameo, table)))
    return found
