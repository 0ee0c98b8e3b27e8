"""What was known before a given time: per-key counts, last times and recency-weighted counts of facts.

A ``History`` holds a fixed table of facts and reveals them in time order (``advance``), so that the
same object serves the single-step setting (reveal each test day after it is scored), the multi-step
one (stop revealing at the end of validation) and fitting (walk the training days). Every statistic
is read from revealed facts only; the keys of unrevealed facts exist in the index but stay at zero.

Facts are read with their inverses (``(o, r + R, s, t)`` for each ``(s, r, o, t)``), so predicting a
subject is predicting the object of the inverse relation, and every family of keys below counts both
directions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from detente.forecast.tkg import OBJECT, RELATION, SUBJECT, TIME

FAMILIES = ("triple", "pair", "relation_object", "entity", "subject_relation")


def with_inverses(facts: np.ndarray, num_relations: int) -> np.ndarray:
    """The facts followed by their inverses: ``(o, r + num_relations, s, t)`` for each ``(s, r, o, t)``."""
    inverse = facts[:, [OBJECT, RELATION, SUBJECT, TIME]].copy()
    inverse[:, RELATION] += num_relations
    return np.concatenate([facts[:, :4], inverse])


def inverse_relation(relations: np.ndarray, num_relations: int) -> np.ndarray:
    """``r + R`` for a relation, ``r - R`` for an inverse one."""
    return np.where(relations < num_relations, relations + num_relations, relations - num_relations)


@dataclass
class Family:
    """One kind of key (a triple, a pair, ...): its sorted keys and the running statistics of each."""

    keys: np.ndarray
    count: np.ndarray = field(init=False)
    first: np.ndarray = field(init=False)
    last: np.ndarray = field(init=False)
    decayed: np.ndarray = field(init=False)
    taus: tuple[float, ...] = ()

    def __post_init__(self) -> None:
        self.count = np.zeros(len(self.keys))
        self.first = np.full(len(self.keys), np.inf)
        self.last = np.full(len(self.keys), -np.inf)
        self.decayed = np.zeros((len(self.taus), len(self.keys)))

    def ids(self, keys: np.ndarray) -> np.ndarray:
        """The index of each key, or -1 for a key that no fact of the table has."""
        position = np.searchsorted(self.keys, keys)
        position[position == len(self.keys)] = 0
        return np.where(self.keys[position] == keys, position, -1)


class History:
    """A table of facts revealed in time order, with statistics per key family over the revealed part.

    ``taus`` are the time constants (in steps) of the recency-weighted counts: a fact ``d`` steps old
    weighs ``exp(-d / tau)``. The weighted counts are kept at time ``now``; the counts for a later
    query time are one factor away (``decay``).
    """

    def __init__(self, facts: np.ndarray, num_entities: int, num_relations: int, taus: tuple[float, ...]) -> None:
        self.num_entities = num_entities
        self.num_relations = num_relations
        self.taus = taus
        doubled = with_inverses(facts, num_relations)
        self.facts = doubled[np.argsort(doubled[:, TIME], kind="stable")]
        self.keys = {name: self.key(name, self.facts) for name in FAMILIES}
        self.families = {name: Family(np.unique(keys), taus=taus) for name, keys in self.keys.items()}
        self.fact_ids = {name: self.families[name].ids(keys) for name, keys in self.keys.items()}
        self.now = float(self.facts[0, TIME]) if len(self.facts) else 0.0
        self.revealed = 0

    def key(self, family: str, rows: np.ndarray) -> np.ndarray:
        """The int64 key of each row ``(subject, relation, object, ...)`` in a family."""
        entities, relations = self.num_entities, 2 * self.num_relations
        s, r, o = rows[:, SUBJECT], rows[:, RELATION], rows[:, OBJECT]
        if family == "triple":
            return (s * relations + r) * entities + o
        if family == "pair":
            return s * entities + o
        if family == "relation_object":
            return r * entities + o
        if family == "entity":
            return o.copy()
        if family == "subject_relation":
            return s * relations + r
        raise KeyError(f"no key family {family!r}; the families are {', '.join(FAMILIES)}")

    def advance(self, until: float) -> np.ndarray:
        """Reveal every fact with time before ``until``; returns the rows just revealed."""
        end = int(np.searchsorted(self.facts[:, TIME], until, side="left"))
        new = slice(self.revealed, end)
        taus = np.array(self.taus)[:, None]
        if until > self.now:
            fading = np.exp(-(until - self.now) / taus)
            for family in self.families.values():
                family.decayed *= fading
        times = self.facts[new, TIME].astype(float)
        weights = np.exp(-(until - times) / taus) if len(times) else np.zeros((len(self.taus), 0))
        for name, family in self.families.items():
            ids = self.fact_ids[name][new]
            np.add.at(family.count, ids, 1.0)
            np.minimum.at(family.first, ids, times)
            np.maximum.at(family.last, ids, times)
            for k in range(len(self.taus)):
                np.add.at(family.decayed[k], ids, weights[k])
        self.revealed = end
        self.now = max(self.now, until)
        return self.facts[new]

    def decay(self, at: np.ndarray) -> np.ndarray:
        """Factor (taus x len(at)) that carries the weighted counts from ``now`` to later query times."""
        return np.exp(-(np.asarray(at, dtype=float)[None, :] - self.now) / np.array(self.taus)[:, None])

    def checkpoint(self) -> tuple:
        """The state to come back to with ``restore``: fitting walks the same days more than once."""
        states = {name: (f.count.copy(), f.first.copy(), f.last.copy(), f.decayed.copy()) for name, f in self.families.items()}
        return states, self.now, self.revealed

    def restore(self, checkpoint: tuple) -> None:
        states, self.now, self.revealed = checkpoint
        for name, (count, first, last, decayed) in states.items():
            family = self.families[name]
            family.count, family.first, family.last, family.decayed = count.copy(), first.copy(), last.copy(), decayed.copy()
