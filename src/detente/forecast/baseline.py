"""The simplest forecaster worth beating: how often the same fact happened before.

Scores ``(s, r, e)`` by the number of revealed facts ``(s, r, e)``. It is the frequency part of the
recurrency baseline (Gastinger et al. 2024) without its recency weighting, and its scores are easy
to work out by hand, which is what the protocol tests need.
"""

from __future__ import annotations

import numpy as np

from detente.forecast.history import History
from detente.forecast.progress import Tick, silent
from detente.forecast.signals import spans


class Frequency:
    """Scores entities by the count of the same fact in the revealed history."""

    def __init__(self, history: History) -> None:
        self.history = history

    def fit(self, facts: np.ndarray, advance: bool = True, tick: Tick = silent) -> Frequency:
        """Nothing to learn; here to be used where a fitted forecaster is."""
        return self

    def scores(self, queries: np.ndarray) -> np.ndarray:
        history = self.history
        triple, entities = history.families["triple"], history.num_entities
        prefix = (queries[:, 0] * 2 * history.num_relations + queries[:, 1]) * entities
        owner, index = spans(np.searchsorted(triple.keys, prefix), np.searchsorted(triple.keys, prefix + entities))
        out = np.zeros((len(queries), entities))
        out[owner, triple.keys[index] % entities] = triple.count[index]
        return out
