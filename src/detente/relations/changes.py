"""When did a relation turn? Change points in the mean of a dyad's evidence.

The evidence is the dyad's units (``state``: a day's cooperation or conflict, valued by the
mean vote of its acts and weighed by how much that says), in time order. A turn is a day before
which and after which the weighted mean value differs: found by binary segmentation, the
standard search for shifts in a mean. A segment is split at the day that lowers its weighted
squared error the most, if the gain beats a penalty of ``PENALTY * variance * log(evidence)``
(the Bayesian information criterion's price for the two numbers a turn adds, its day and its
new mean), both sides hold at least ``MIN_UNITS`` units of evidence (as much as the prior of the
score) and their means differ by at least ``MIN_SHIFT``; then each side is searched again.
A turn must matter, not only be detectable: of the splits found, those across which the score
moves less than ``MIN_SCORE_CHANGE`` are dropped, the smallest first (a dyad in a war that
grows a little less violent has not turned).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import numpy as np

from detente.relations.state import CALIBRATION, Evidence

PENALTY = 2.0
MIN_UNITS = 3.0
# In mean votes: the width of the neutral band is about 0.1.
MIN_SHIFT = 0.1
MIN_SCORE_CHANGE = 0.25


@dataclass(frozen=True)
class Turn:
    """The relation turned on ``on``: the score of its evidence went from ``before`` to ``after``."""

    on: date
    before: float
    after: float
    start: int
    end: int

    @property
    def warmed(self) -> bool:
        return self.after > self.before


def turns(evidence: Evidence) -> list[Turn]:
    """The turns of a dyad's relation, oldest first. ``start:end`` are the units of the segment after the turn."""
    if len(evidence) < 2 * MIN_UNITS:
        return []
    weights = evidence.weights
    values = evidence.values
    sums = (np.r_[0.0, np.cumsum(weights)], np.r_[0.0, np.cumsum(weights * values)], np.r_[0.0, np.cumsum(weights * values**2)])
    total = sums[0][-1]
    if total <= 0:
        return []
    variance = max(_cost(sums, 0, len(evidence)) / total, 1e-6)
    penalty = PENALTY * variance * math.log(max(total, 2.0))
    # A split may only fall between two days: the first unit of each day is a candidate.
    day_starts = np.flatnonzero(np.r_[True, evidence.days[1:] != evidence.days[:-1]])
    found: list[int] = []
    segments = [(0, len(evidence))]
    while segments:
        start, end = segments.pop()
        split = _best_split(sums, day_starts, start, end, penalty)
        if split is not None:
            found.append(split)
            segments += [(start, split), (split, end)]
    found.sort()
    while True:
        bounds = [0, *found, len(evidence)]
        scores = [float(CALIBRATION.probability(_mean(sums, bounds[i], bounds[i + 1]))) for i in range(len(bounds) - 1)]
        changes = [abs(after - before) for before, after in zip(scores, scores[1:])]
        if not changes or min(changes) >= MIN_SCORE_CHANGE:
            break
        del found[changes.index(min(changes))]
    return [
        Turn(date.fromordinal(int(evidence.days[split])), scores[i], scores[i + 1], split, bounds[i + 2])
        for i, split in enumerate(found)
    ]


def _best_split(sums, day_starts: np.ndarray, start: int, end: int, penalty: float) -> int | None:
    weight, _, _ = sums
    candidates = day_starts[(day_starts > start) & (day_starts < end)]
    candidates = candidates[
        (weight[candidates] - weight[start] >= MIN_UNITS) & (weight[end] - weight[candidates] >= MIN_UNITS)
    ]
    if not len(candidates):
        return None
    weight_left, first_left, second_left = (s[candidates] - s[start] for s in sums)
    weight_right, first_right, second_right = (s[end] - s[candidates] for s in sums)
    mean_left, mean_right = first_left / weight_left, first_right / weight_right
    gains = _cost(sums, start, end) - (second_left - first_left * mean_left) - (second_right - first_right * mean_right)
    gains[np.abs(mean_left - mean_right) < MIN_SHIFT] = -np.inf
    best = int(np.argmax(gains))
    return int(candidates[best]) if gains[best] > penalty else None


def _cost(sums, start: int, end: int) -> float:
    """The weighted squared error of units ``start:end`` around their weighted mean."""
    weight, first, second = (s[end] - s[start] for s in sums)
    return float(second - first * first / weight) if weight > 0 else 0.0


def _mean(sums, start: int, end: int) -> float:
    weight, first, _ = (s[end] - s[start] for s in sums)
    return float(first / weight) if weight > 0 else 0.0
