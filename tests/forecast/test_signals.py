"""Signals on hand-made histories of a few facts, their values worked out by hand in each test."""

from __future__ import annotations

import math

import numpy as np

from detente.forecast.forecaster import Settings
from detente.forecast.history import History
from detente.forecast.names import EntityKinds
from detente.forecast.signals import Signals

TAUS = (2.0, 15.0, 100.0)


def signals_of(facts: list[tuple[int, int, int, int]], names: list[str], relations: int, block: str, now: int) -> Signals:
    history = History(np.array(facts), len(names), relations, TAUS)
    history.advance(now)
    return Signals(history, EntityKinds.of(names), frozenset({block}))


def test_rhythm_of_a_fact_that_recurs_every_five_days():
    """(0, r, 1) on days 0, 4 and 10: three facts over ten days, a gap of 5 on average; asked on day 12,
    the last one is 2 days old. The reciprocal (1, r, 0) never happened; the pair's facts are the same three."""
    signals = signals_of([(0, 0, 1, 0), (0, 0, 1, 4), (0, 0, 1, 10)], ["A", "B"], 1, "rhythm", now=12)
    values = signals.pair_signals(np.array([[0, 0, 12]]), np.array([0]), np.array([1]))[0]
    gap, overdue = math.log1p(5), math.log1p(2) - math.log1p(5)
    np.testing.assert_allclose(values, [gap, overdue, 0, 0, gap, overdue], atol=1e-6)


def test_an_object_foretold_by_the_rules():
    """Entity 0 did r to 1 on day 0: 1 was the object of r, and 0 of the inverse relation r' = r + R
    ((1, r', 0)). Only the rule r' => r has a confidence, 0.5. Asked (2, r, ?) on day 1: 0 is
    foretold with 0.5 * exp(-1 / tau), 1 not at all."""
    signals = signals_of([(0, 0, 1, 0)], ["A", "B", "C"], 1, "foretold", now=1)
    signals.rule_confidence = np.array([[0.0, 0.5], [0.0, 0.0]])
    values = signals.context(np.array([[2, 0, 1]])).at(np.zeros(3, dtype=np.int64), np.arange(3))
    expected = [[math.log1p(0.5 * math.exp(-1 / tau)) for tau in TAUS], [0.0] * 3, [0.0] * 3]
    np.testing.assert_allclose(values, expected, atol=1e-6)


def test_what_the_subjects_countrymen_did():
    """The army of A did r to the police of B on day 0; asked (police of A, r, ?) on day 1."""
    names = ["Police (A)", "Army (A)", "Police (B)", "Citizen (B)"]
    signals = signals_of([(1, 0, 2, 0)], names, 1, "siblings", now=1)
    values = signals.context(np.array([[0, 0, 1]])).at(np.zeros(4, dtype=np.int64), np.arange(4))
    long = math.log1p(math.exp(-1 / 100))
    # per tau, by r, to that entity; by any relation, to that entity; by r, to that entity's country
    expected = [[0.0] * 5, [0.0] * 5, [*(math.log1p(math.exp(-1 / tau)) for tau in TAUS), long, long], [0.0] * 4 + [long]]
    np.testing.assert_allclose(values, expected, atol=1e-6)


def test_profiles_of_the_subject_and_the_relation():
    """(0, r, 1) on days 0 and 1, (0, r, 2) on day 2; asked (0, r, ?) on day 3."""
    signals = signals_of([(0, 0, 1, 0), (0, 0, 1, 1), (0, 0, 2, 2)], ["A", "B", "C"], 1, "profiles", now=3)
    values = signals.query_signals(np.array([[0, 0, 3]]))[0]
    # r-facts of 0, facts naming 0, distinct objects of (0, r), distinct partners of 0, share of 0's
    # r-facts that repeated, share of r's facts that repeated, r's facts, days since 0 last did r
    expected = [math.log1p(3), math.log1p(3), math.log1p(2), math.log1p(2), 1 / 3, 1 / 3, math.log1p(3), math.log1p(1)]
    np.testing.assert_allclose(values, expected, atol=1e-6)


def test_a_long_history_gets_a_longer_time_constant():
    assert Settings().remembering(400).taus == (2.0, 15.0, 100.0)
    assert Settings().remembering(2000).taus == (2.0, 15.0, 100.0, 500.0)
