"""The forecaster: score every entity as the answer of ``(s, r, ?, t)`` from what was known before ``t``.

Two stages, both fitted by learning to rank on facts the caller chooses (the validation split for
the benchmarks; never the test answers):

1. a linear model over all entities, with weights of its own for each kind of candidate: those that
   had the exact fact with the subject before, those that had only some fact with it, and strangers
   (scored on the context signals alone, since their pair signals are all zero).
2. a small neural network and gradient-boosted trees that re-rank the stage-1 shortlist (the top
   ``shortlist`` entities) by the sum of their scores, seeing the same signals, the stage-1 score and
   how active the subject is, so that they can learn interactions ("recurrence matters less for a
   subject that talks to everyone").

The forecaster reads a ``History``; the caller decides what the history holds and when it moves on
(single-step: reveal each day after scoring it; multi-step: stop at the end of the fitting split).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from detente.forecast.history import History, with_inverses
from detente.forecast.names import EntityKinds
from detente.forecast.progress import Tick, in_one_step, silent
from detente.forecast.protocol import other_answers
from detente.forecast.ranker import Blend, Linear, Lists, fit_linear, fit_mlp, fit_trees
from detente.forecast.rules import rule_confidence
from detente.forecast.signals import BLOCKS, Signals
from detente.forecast.tkg import OBJECT, TIME, day_spans

CELLS_PER_CHUNK = 2**22
EXACT, PARTNER, STRANGER = range(3)
COMPARED = ("recent", "log_count", "object_of_relation", "two_hop", "first_stage")


@dataclass(frozen=True)
class Settings:
    """What the forecaster uses and how much of the fitting split it reads.

    ``blocks``, ``rerank`` and ``trees`` (boosting rounds of the re-ranking trees, 0 for the network
    alone) exist for the ablation study; ``fit_queries`` caps the queries each stage is fitted on
    (sampled evenly over the fitting days) to bound time and memory; ``fit_days`` is how many days
    of train the benchmark adds to valid for fitting (single-step).
    """

    taus: tuple[float, ...] = (2.0, 15.0, 100.0)
    blocks: frozenset[str] = field(default_factory=lambda: frozenset(BLOCKS))
    rerank: bool = True
    trees: int = 300
    shortlist: int = 100
    samples: int = 256
    fit_queries: tuple[int, int] = (4000, 40000)
    fit_days: int = 120
    hidden: int = 64
    seed: int = 0

    def remembering(self, span: float) -> Settings:
        """The settings with one more, longer time constant when the history is long: a quarter of its
        ``span`` (in days) when that is longer than every other: the eight years of ICEWS05-15's train
        get 780 days, ICEWS14's and ICEWS18's months nothing more."""
        longest = span / 4
        return replace(self, taus=(*self.taus, longest)) if longest > max(self.taus) else self


class Forecaster:
    """Scores entities for queries ``(s, r, t)`` (``r`` in ``[0, 2R)``) against its history."""

    def __init__(self, history: History, kinds: EntityKinds, settings: Settings = Settings()) -> None:
        if history.taus != settings.taus:
            raise ValueError(f"the history keeps recency at taus {history.taus}, the settings ask for {settings.taus}")
        self.history = history
        self.settings = settings
        pairs = history.families["pair"]
        kinds = kinds.placed(pairs.keys // history.num_entities, pairs.keys % history.num_entities, pairs.count)
        self.signals = Signals(history, kinds, settings.blocks)
        self.first: Linear | None = None
        self.second: Blend | None = None
        names = self.signals.pair_names() + self.signals.context_names() + ["first_stage"]
        self._compared = [i for i, name in enumerate(names) if any(part in name for part in COMPARED)]

    @property
    def num_entities(self) -> int:
        return self.history.num_entities

    # -- scoring -----------------------------------------------------------------------------------------

    def scores(self, queries: np.ndarray) -> np.ndarray:
        """(len(queries), num_entities) scores, higher is likelier; queries must not precede the history."""
        if self.first is None:
            raise RuntimeError("the forecaster is not fitted; call fit(facts) first")
        out = np.empty((len(queries), self.num_entities), dtype=np.float64)
        for chunk in self._chunks(len(queries)):
            out[chunk] = self._score_chunk(queries[chunk])
        return out

    def _chunks(self, total: int) -> list[slice]:
        width = max(8, CELLS_PER_CHUNK // self.num_entities)
        return [slice(start, min(start + width, total)) for start in range(0, total, width)]

    def _score_chunk(self, queries: np.ndarray) -> np.ndarray:
        first, context, owner, entity, pairs = self._first_stage(queries)
        if self.second is None:
            return first
        rows, entities = self._shortlist(first)
        second = self.second.score(self._second_signals(queries, first, context, owner, entity, pairs, rows, entities))
        scores = first.astype(np.float64)
        lift = first.max(axis=1) - second.min() + 1.0
        scores[rows, entities] = second + lift[rows]
        return scores

    def _first_stage(self, queries: np.ndarray):
        context = self.signals.context(queries)
        owner, entity = self.signals.partners(queries)
        pairs = self.signals.pair_signals(queries, owner, entity)
        weights, constant = self.first.raw(STRANGER)
        first = context.weighted(weights[pairs.shape[1] :]) + np.float32(constant)
        if len(owner):
            kind = np.where(self._exact_seen(queries, owner, entity), EXACT, PARTNER)
            first[owner, entity] = self.first.score(np.concatenate([pairs, context.at(owner, entity)], axis=1), kind)
        return first, context, owner, entity, pairs

    def _exact_seen(self, queries: np.ndarray, owner: np.ndarray, entity: np.ndarray) -> np.ndarray:
        triple = self.history.families["triple"]
        ids = triple.ids(self.history.key("triple", np.stack([queries[owner, 0], queries[owner, 1], entity], axis=1)))
        return (ids >= 0) & (triple.count[np.maximum(ids, 0)] > 0)

    def _shortlist(self, first: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        size = min(self.settings.shortlist, first.shape[1])
        top = np.argpartition(-first, size - 1, axis=1)[:, :size]
        return np.repeat(np.arange(len(first)), size), top.ravel()

    def _second_signals(self, queries, first, context, owner, entity, pairs, rows, entities) -> np.ndarray:
        """Signals of each shortlisted candidate, and how far some of them fall below the best of its list.

        A network scoring one candidate at a time cannot see its rivals; the gap to the best value in
        the shortlist ("the most recent partner", "the most frequent one") tells it.
        """
        where = np.full(first.shape, -1, dtype=np.int64)
        where[owner, entity] = np.arange(len(owner))
        found = where[rows, entities]
        pair_rows = np.where(found[:, None] >= 0, pairs[np.maximum(found, 0)], np.float32(0)) if len(pairs) else np.zeros((len(rows), pairs.shape[1]), dtype=np.float32)
        signals = np.concatenate([pair_rows, context.at(rows, entities), first[rows, entities][:, None]], axis=1)
        compared = signals[:, self._compared]
        lists = compared.reshape(len(queries), -1, compared.shape[1])
        gaps = (lists - lists.max(axis=1, keepdims=True)).reshape(compared.shape)
        return np.concatenate([signals, gaps, self.signals.query_signals(queries)[rows]], axis=1)

    # -- fitting -----------------------------------------------------------------------------------------

    def fit(self, facts: np.ndarray, advance: bool = True, tick: Tick = silent) -> Forecaster:
        """Fit both stages on the queries of ``facts`` (s, r, o, t), walking their days in order.

        The history must not yet have revealed ``facts``; with ``advance`` it reveals each day after
        learning from it (single-step), without it the history stays where it is (multi-step). The
        history is left as it was found. ``tick`` hears of each day walked and each model fitted.
        """
        if len(facts) and self.history.now > facts[:, TIME].min():
            raise ValueError("the history already reveals the fitting facts; fit on facts later than the history")
        rng = np.random.default_rng(self.settings.seed)
        start = self.history.checkpoint()
        if {"rules", "foretold"} & self.settings.blocks:
            self.signals.rule_confidence = rule_confidence(self.history)
        asked = with_inverses(facts, self.history.num_relations)
        asked = asked[np.argsort(asked[:, TIME], kind="stable")]
        first_pick, second_pick = (rng.random(len(asked)) < cap / max(1, len(asked)) for cap in self.settings.fit_queries)
        walk = self._walk(asked, first_pick, advance, self._first_lists, rng, tick, "stage 1: reading the fitting days")
        self.first = self._fit_first(Lists.join(list(walk)), tick)
        self.history.restore(start)
        if self.settings.rerank:
            walk = self._walk(asked, second_pick, advance, self._second_lists, rng, tick, "stage 2: reading the shortlists")
            self.second = self._fit_second(Lists.join(list(walk)), tick)
            self.history.restore(start)
        return self

    def _fit_first(self, lists: Lists, tick: Tick) -> Linear:
        """The first stage, from lists the caller lets go of once it is fitted (they are large)."""
        return in_one_step(tick, "stage 1: fitting the linear model", lambda: fit_linear(lists, kinds=3))

    def _fit_second(self, lists: Lists, tick: Tick) -> Blend:
        settings = self.settings
        members = [in_one_step(tick, "stage 2: fitting the network", lambda: fit_mlp(lists, hidden=settings.hidden, seed=settings.seed))]
        if settings.trees:
            members.append(in_one_step(tick, "stage 2: fitting the trees", lambda: fit_trees(lists, settings.trees, settings.seed)))
        return Blend(tuple(members))

    def _walk(self, asked: np.ndarray, picked: np.ndarray, advance: bool, lists, rng, tick: Tick, stage: str):
        each_day = day_spans(asked)
        tick(stage, 0, len(each_day))
        for done, (begin, end) in enumerate(each_day, start=1):
            if advance:
                self.history.advance(asked[begin, TIME])
            day = asked[begin:end]
            batch = day[picked[begin:end]]
            for chunk in self._chunks(len(batch)):
                part = lists(batch[chunk], day, rng)
                if len(part.owner):
                    yield part
            tick(stage, done, len(each_day))

    def _first_lists(self, batch: np.ndarray, day: np.ndarray, rng) -> Lists:
        """Every partner of the subject, the answer, and ``samples`` uniform others standing for the rest."""
        queries = batch[:, [0, 1, TIME]]
        context = self.signals.context(queries)
        owner, entity = self.signals.partners(queries)
        pairs = self.signals.pair_signals(queries, owner, entity)
        entities, size = self.num_entities, len(batch)
        answers = batch[:, OBJECT]
        blocked = np.zeros((size, entities), dtype=bool)
        blocked[other_answers(batch, day, entities)] = True
        partner = np.zeros((size, entities), dtype=bool)
        partner[owner, entity] = True
        keep = ~blocked[owner, entity]
        owner, entity, pairs = owner[keep], entity[keep], pairs[keep]
        lone = np.flatnonzero(~partner[np.arange(size), answers])
        sampled = rng.integers(0, entities, size=(size, self.settings.samples))
        rest = entities - partner.sum(axis=1) - blocked.sum(axis=1)
        sample_owner = np.repeat(np.arange(size), self.settings.samples)
        sampled = sampled.ravel()
        fair = ~partner[sample_owner, sampled] & ~blocked[sample_owner, sampled] & (sampled != answers[sample_owner])
        sample_owner, sampled = sample_owner[fair], sampled[fair]
        row_owner = np.concatenate([owner, lone, sample_owner])
        row_entity = np.concatenate([entity, answers[lone], sampled])
        offset = np.concatenate([np.zeros(len(owner) + len(lone)), np.log(np.maximum(rest[sample_owner], 1) / self.settings.samples)])
        pair_rows = np.concatenate([pairs, np.zeros((len(lone) + len(sampled), pairs.shape[1]), dtype=np.float32)])
        kind = np.r_[np.where(self._exact_seen(queries, owner, entity), EXACT, PARTNER), np.full(len(lone) + len(sampled), STRANGER)]
        signals = np.concatenate([pair_rows, context.at(row_owner, row_entity)], axis=1)
        answer = np.r_[entity == answers[owner], np.ones(len(lone), dtype=bool), np.zeros(len(sampled), dtype=bool)]
        order = np.argsort(row_owner, kind="stable")
        return Lists(signals[order], row_owner[order], answer[order], offset[order], kind[order])

    def _second_lists(self, batch: np.ndarray, day: np.ndarray, rng) -> Lists:
        """The stage-1 shortlist of each query, other true answers of the day left out."""
        queries = batch[:, [0, 1, TIME]]
        first, context, owner, entity, pairs = self._first_stage(queries)
        rows, entities = self._shortlist(first)
        blocked = np.zeros(first.shape, dtype=bool)
        blocked[other_answers(batch, day, self.num_entities)] = True
        keep = ~blocked[rows, entities]
        signals = self._second_signals(queries, first, context, owner, entity, pairs, rows, entities)[keep]
        answer = entities[keep] == batch[rows[keep], OBJECT]
        return Lists(signals, rows[keep], answer, np.zeros(len(signals)), np.zeros(len(signals), dtype=np.int64))
