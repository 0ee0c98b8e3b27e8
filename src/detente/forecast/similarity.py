"""Which entities behave alike: a truncated SVD of who dealt with whom, recency-weighted.

Counts of past facts between ``s`` and ``e`` say nothing of a pair that never met, and a sixth of the
queries ask for such a stranger. Entities that deal with the same others behave alike, so each entity
gets a vector (its row of the log recency-weighted pair matrix, projected on the matrix's leading
singular vectors) and two entities are as alike as their vectors' cosine. The vectors are recomputed
once a week of history has passed, and whenever the history goes back in time (fitting walks the same
days twice), so that they never hold a fact revealed after the query.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import svds

RANK = 32
NEIGHBOURS = 32
EVERY = 7.0


class Similarity:
    """Per entity, from the last refresh: its row of the pair matrix projected on the leading singular
    vectors (``projected``, and as a unit vector, ``vectors``) and its coordinates as a column (``columns``);
    zero for an entity with no revealed fact."""

    def __init__(self, entities: int) -> None:
        self.projected = np.zeros((entities, RANK), dtype=np.float32)
        self.vectors = np.zeros((entities, RANK), dtype=np.float32)
        self.columns = np.zeros((entities, RANK), dtype=np.float32)
        self._at = -np.inf

    def update(self, pairs: sp.csr_matrix, now: float) -> None:
        """Recompute from the pair matrix (recency-weighted counts) if a week passed or time went back."""
        if 0 <= now - self._at < EVERY:
            return
        self._at = now
        matrix = pairs.copy()
        matrix.data = np.log1p(matrix.data)
        rank = min(RANK, min(matrix.shape) - 1)
        for table in (self.projected, self.vectors, self.columns):
            table[:] = 0
        if matrix.count_nonzero() == 0 or rank < 1:
            return
        if min(matrix.shape) <= 4 * RANK:
            left, sigma, right = np.linalg.svd(matrix.toarray())
            left, sigma, right = left[:, :rank], sigma[:rank], right[:rank]
        else:
            left, sigma, right = svds(matrix, k=rank, v0=np.full(min(matrix.shape), min(matrix.shape) ** -0.5))
        projected = left * sigma
        norms = np.linalg.norm(projected, axis=1, keepdims=True)
        self.projected[:, :rank] = projected
        self.vectors[:, :rank] = projected / np.maximum(norms, 1e-12)
        self.columns[:, :rank] = right.T

    def affinity(self, subjects: np.ndarray) -> np.ndarray:
        """(len(subjects), entities): the low-rank pair matrix, how much each subject would deal with each entity."""
        return self.projected[subjects] @ self.columns.T

    def neighbours(self, subjects: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The ``NEIGHBOURS`` entities most like each subject (itself excluded) and their similarities,
        as weights that sum to 1 (or all 0 for a subject like no other)."""
        alike = self.vectors[subjects] @ self.vectors.T
        alike[np.arange(len(subjects)), subjects] = -np.inf
        count = min(NEIGHBOURS, alike.shape[1] - 1)
        top = np.argpartition(-alike, count - 1, axis=1)[:, :count]
        weights = np.maximum(np.take_along_axis(alike, top, axis=1), 0.0)
        return top, weights / np.maximum(weights.sum(axis=1, keepdims=True), 1e-12)
