"""The evaluation protocol of Gastinger et al. (2023), "Comparing apples and oranges?", exactly.

Each test fact ``(s, r, o, t)`` asks two queries: ``(s, r, ?, t)`` with answer ``o`` and
``(o, r⁻¹, ?, t)`` with answer ``s``. The time-aware filter removes from a query's ranking the other
true answers of the same query at the same time ``t`` only (earlier answers stay: a forecaster must
rank them). Ties are ranked without favour: the rank is the mean of the best and the worst rank the
answer could take among the entities tied with it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from detente.forecast.history import with_inverses
from detente.forecast.tkg import OBJECT, RELATION, SUBJECT, TIME

HITS = (1, 3, 10)


def queries(facts: np.ndarray, num_relations: int) -> np.ndarray:
    """Rows ``(s, r, answer, t)``: every fact as an object query, then as a query on its inverse relation."""
    return with_inverses(facts, num_relations)


def other_answers(batch: np.ndarray, known: np.ndarray, num_entities: int) -> tuple[np.ndarray, np.ndarray]:
    """The (query row, entity) pairs the time-aware filter removes.

    ``batch`` holds query rows ``(s, r, answer, t)``; ``known`` every true fact (with inverses) that
    could answer them. An entity is removed from a row's ranking when it answers the same ``(s, r)``
    at the same ``t`` and is not the row's own answer.
    """
    width = np.int64(num_entities)
    span = np.int64(2 * known[:, RELATION].max() + 2) if len(known) else np.int64(1)
    times = np.unique(batch[:, TIME])
    known = known[np.isin(known[:, TIME], times)]

    def code(rows: np.ndarray) -> np.ndarray:
        return (rows[:, TIME] * width + rows[:, SUBJECT]) * span + rows[:, RELATION]

    known_codes = code(known)
    order = np.argsort(known_codes, kind="stable")
    known_codes, known_answers = known_codes[order], known[order, OBJECT]
    batch_codes = code(batch)
    start = np.searchsorted(known_codes, batch_codes, side="left")
    end = np.searchsorted(known_codes, batch_codes, side="right")
    rows = np.repeat(np.arange(len(batch)), end - start)
    positions = np.arange(len(rows)) - np.repeat(np.cumsum(end - start) - (end - start), end - start) + np.repeat(start, end - start)
    entities = known_answers[positions]
    keep = entities != batch[rows, OBJECT]
    return rows[keep], entities[keep]


def filtered_ranks(scores: np.ndarray, answers: np.ndarray, removed: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """The rank of each answer among all entities once the filtered ones are removed, ties averaged.

    rank = (number scoring strictly higher) + (number tied with the answer, itself included, + 1) / 2.
    """
    scores = np.array(scores, dtype=np.float64)
    if np.isnan(scores).any():
        raise ValueError("scores contain NaN; a forecaster must score every entity with a number")
    rows, entities = removed
    scores[rows, entities] = -np.inf
    target = scores[np.arange(len(answers)), answers]
    if np.isneginf(target).any():
        raise ValueError("an answer scored -inf; every answer must score above -inf to be ranked")
    higher = (scores > target[:, None]).sum(axis=1)
    tied = (scores == target[:, None]).sum(axis=1)
    return higher + (tied + 1) / 2


@dataclass(frozen=True)
class Metrics:
    """MRR and Hits@1/3/10 in %, over ``queries`` ranks."""

    mrr: float
    hits: dict[int, float]
    queries: int

    @classmethod
    def of(cls, ranks: np.ndarray) -> Metrics:
        ranks = np.asarray(ranks, dtype=np.float64)
        if not len(ranks):
            raise ValueError("no ranks to summarise; the split has no queries")
        return cls(
            mrr=float(100 * np.mean(1 / ranks)),
            hits={k: float(100 * np.mean(ranks <= k)) for k in HITS},
            queries=len(ranks),
        )
