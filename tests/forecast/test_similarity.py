"""The similarity signals on a hand-made history whose values are worked out by hand.

Six entities, one relation, three facts on day 0: (0, r, 2), (1, r, 2), (1, r, 3). With their
inverses, the pair matrix (recency-weighted at tau = 100, read on day 1) has one value
d = exp(-1/100) at (0,2), (2,0), (1,2), (2,1), (1,3), (3,1). Its SVD is taken at full rank here, so
an entity's vector is its row of log(1 + d) values, and two entities are as alike as their rows'
cosine: 0 = {2} and 1 = {2, 3} share 2, cos 1/sqrt(2); 0 shares nothing with 2 = {0, 1}, 3 = {1}.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.sparse as sp

from detente.forecast.history import History
from detente.forecast.names import EntityKinds
from detente.forecast.signals import Signals
from detente.forecast.similarity import Similarity

D = math.exp(-1 / 100)
FACTS = np.array([(0, 0, 2, 0), (1, 0, 2, 0), (1, 0, 3, 0)])


@pytest.fixture()
def signals() -> Signals:
    history = History(FACTS, 6, 1, taus=(2.0, 15.0, 100.0))
    history.advance(1)
    return Signals(history, EntityKinds.of([f"Entity {i}" for i in range(6)]), frozenset({"similar"}))


def test_signals_of_a_hand_made_query(signals):
    """Query (0, r, ?) on day 1."""
    context = signals.context(np.array([[0, 0, 1]]))
    values = context.at(np.zeros(6, dtype=np.int64), np.arange(6))
    like_by_relation, like, objects_alike, affinity = values.T
    # 0's only neighbour with a positive cosine is 1 (weight 1 once normalised), which did r to 2 and 3.
    np.testing.assert_allclose(like_by_relation, [0, 0, math.log1p(D), math.log1p(D), 0, 0], atol=1e-6)
    # 1 dealt with 2 and 3 (the pair matrix, any relation).
    np.testing.assert_allclose(like, [0, 0, math.log1p(D), math.log1p(D), 0, 0], atol=1e-6)
    # 0 did r to 2 only: each entity's cosine with 2 = {0, 1}; 3 = {1} has cos 1/sqrt(2), 0 and 1 have none.
    np.testing.assert_allclose(objects_alike, [0, 0, 1, 1 / math.sqrt(2), 0, 0], atol=1e-6)
    # At full rank the low-rank pair matrix is the matrix itself: row 0 holds log(1 + d) at 2.
    np.testing.assert_allclose(affinity, [0, 0, math.log1p(D), 0, 0, 0], atol=1e-6)
    weights = np.array([1.0, 2.0, 3.0, 4.0], dtype=np.float32)
    np.testing.assert_allclose(context.weighted(weights)[0], values @ weights, atol=1e-5)


def test_vectors_are_kept_for_a_week_and_redone_when_time_goes_back():
    similarity = Similarity(3)
    one = sp.csr_matrix(np.array([[0, 1.0, 0], [1.0, 0, 0], [0, 0, 0]]))
    two = sp.csr_matrix(np.array([[0, 0, 1.0], [0, 0, 0], [1.0, 0, 0]]))
    similarity.update(one, now=10)
    kept = similarity.vectors.copy()
    similarity.update(two, now=16)
    np.testing.assert_array_equal(similarity.vectors, kept)
    similarity.update(two, now=9)
    assert not np.array_equal(similarity.vectors, kept)
    assert np.abs(similarity.vectors[1]).sum() == 0  # entity 1 has no fact in the second matrix
