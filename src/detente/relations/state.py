"""The relation of two principals at a date: a score, the state it falls in, and how sure we are.

The model (``docs/relations.md`` says why each constant has its value):

- The unit of evidence is a **day and a sign**: the acts by which the two cooperated on a day
  (quad classes 1 and 2, either direction, any dataset) are one unit, however many reports
  they have; the acts by which they clashed (3 and 4) another. Forty articles about one summit
  are one day of evidence, not forty. The store forms the units (``detente.store.relations``).
- A unit's **value** is the mean vote of its acts (``votes``: from -1, acts seen only between
  rivals, to +1, acts seen only between allies), each act weighing by who acted (``weights``:
  what governments, diplomats and armed forces do to each other weighs 1). A unit **weighs**
  as its weightiest act times the size of its value: a meeting, which allies and rivals hold
  alike, weighs little; an accusation or a threat much.
- Units are weighed by recency: a unit ``HALF_LIFE_DAYS`` old counts half, one twice as old a
  quarter.
- The **mean** is the posterior mean of the values after ``PRIOR_DAYS`` units of prior of value
  ``PRIOR_VALUE``: ``mean = (sum(r*w*v) + PRIOR_DAYS*PRIOR_VALUE) / (sum(r*w) + PRIOR_DAYS)``.
- The **score** is the chance, judged from that mean, that the two are allies rather than
  rivals, from 0 to 1 (``votes.Calibration``, fitted on dyad-years of known alliances and
  rivalries). The prior value is the mean at even odds, so that a relation without evidence
  scores 0.5.
- The **confidence** is the share of the mean that comes from evidence rather than from the
  prior: ``sum(r*w) / (sum(r*w) + PRIOR_DAYS)``.
- The state is the band the score falls in (``STATE_FLOORS``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Sequence

import numpy as np

from detente.relations import votes

HALF_LIFE_DAYS = 730.0
PRIOR_DAYS = 1.0
CALIBRATION = votes.load_calibration()
PRIOR_VALUE = CALIBRATION.even

# The lowest score of each state, best first; below the last floor a relation is hostile. Odds
# of 9:1 for an alliance make allies, 3:1 friends; odds of 9:1 for a rivalry make foes.
STATE_FLOORS = (("ally", 0.9), ("friendly", 0.75), ("neutral", 0.45), ("tense", 0.1))
STATES = ("hostile", "tense", "neutral", "friendly", "ally")
# The scores a relation can have: the chance of an alliance rather than a rivalry.
SCORE_RANGE = (0.0, 1.0)

# Below this confidence a state is reported as resting on little evidence.
LOW_CONFIDENCE = 0.5


def state_of(score: float) -> str:
    """The state a score falls in: ally, friendly, neutral, tense or hostile."""
    for state, floor in STATE_FLOORS:
        if score >= floor:
            return state
    return "hostile"


def sign_of(state: str) -> int:
    """+1 for friends (ally, friendly), -1 for foes (tense, hostile), 0 for neutral."""
    return {"ally": 1, "friendly": 1, "neutral": 0, "tense": -1, "hostile": -1}[state]


@dataclass(frozen=True)
class Evidence:
    """A dyad's units of evidence, oldest first: day ordinals, signs (+1 cooperation, -1
    conflict), values (mean votes) and weights, as ``detente.store.relations.dyad_units`` gives them."""

    days: np.ndarray
    signs: np.ndarray
    values: np.ndarray
    weights: np.ndarray

    def __len__(self) -> int:
        return len(self.days)

    def until(self, on: date) -> Evidence:
        """The evidence known on ``on`` (its days up to and including it)."""
        end = int(np.searchsorted(self.days, on.toordinal(), side="right"))
        return Evidence(self.days[:end], self.signs[:end], self.values[:end], self.weights[:end])


@dataclass(frozen=True)
class RelationState:
    """Where a relation stands on a day."""

    on: date
    score: float
    state: str
    confidence: float
    evidence: float

    @property
    def sign(self) -> int:
        return sign_of(self.state)


def relation_at(evidence: Evidence, on: date) -> RelationState:
    """The relation on ``on`` from the evidence (days after ``on`` are not looked at)."""
    return relations_at(evidence, [on])[0]


def relations_at(evidence: Evidence, dates: Sequence[date]) -> list[RelationState]:
    """The relation on each of ``dates``, from prefix sums of the units' weights relative to the
    first unit (exact in floating point for spans of up to a thousand half-lives)."""
    on = np.array([day.toordinal() for day in dates], dtype=np.int64)
    if not len(evidence):
        return [state_from(day, float(score_of(0.0, 0.0)), 0.0) for day in dates]
    first = evidence.days[0]
    growth = np.power(0.5, (first - evidence.days) / HALF_LIFE_DAYS) * evidence.weights
    weighed = np.r_[0.0, np.cumsum(growth)]
    signed = np.r_[0.0, np.cumsum(growth * evidence.values)]
    last = np.searchsorted(evidence.days, on, side="right")
    decay = np.power(0.5, (on - first) / HALF_LIFE_DAYS)
    amounts = weighed[last] * decay
    scores = score_of(signed[last] * decay, amounts)
    return [state_from(day, float(score), float(amount)) for day, score, amount in zip(dates, scores, amounts)]


def score_of(signed, amount):
    """The score from the recency-weighted signed sum and amount of evidence (numbers or arrays)."""
    return CALIBRATION.probability((signed + PRIOR_DAYS * PRIOR_VALUE) / (amount + PRIOR_DAYS))


def state_from(on: date, score: float, amount: float) -> RelationState:
    """A relation state from a score and the amount of evidence behind it."""
    return RelationState(on, score, state_of(score), amount / (amount + PRIOR_DAYS), amount)


def influence(evidence: Evidence, on: date) -> np.ndarray:
    """How much each unit of evidence weighs in the score on ``on`` (0 for units after it)."""
    age = on.toordinal() - evidence.days
    return np.where(age >= 0, np.power(0.5, np.clip(age, 0, None) / HALF_LIFE_DAYS) * evidence.weights, 0.0)


def states_from_sums(on: date, amounts: np.ndarray, signed: np.ndarray) -> list[RelationState]:
    """Relation states from the store's recency-weighted sums of many dyads (``sums_at``)."""
    return [state_from(on, float(score), float(amount)) for score, amount in zip(score_of(signed, amounts), amounts)]
