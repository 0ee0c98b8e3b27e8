"""Turns: a shift in the mean of a dyad's evidence is found where it happened, and noise is not a turn."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from detente.relations.changes import turns
from detente.relations.state import Evidence

START = date(2020, 1, 1)


def daily(values: list[float], weights: list[float] | None = None) -> Evidence:
    days = np.array([(START + timedelta(days=i)).toordinal() for i in range(len(values))], dtype=np.int64)
    signs = np.where(np.array(values) > 0, 1, -1)
    return Evidence(days, signs, np.array(values, dtype=float), np.array(weights or [1.0] * len(values)))


def test_a_friendship_that_turns_to_conflict_turns_on_its_day():
    rng = np.random.default_rng(7)
    values = [1.0] * 60 + [-1.0] * 40
    noisy = [-v if rng.random() < 0.1 else v for v in values]
    [turn] = turns(daily(noisy))
    assert abs((turn.on - (START + timedelta(days=60))).days) <= 3
    assert turn.before > 0.9 and turn.after < 0.1 and not turn.warmed


def test_two_turns_back_and_forth():
    found = turns(daily([1.0] * 30 + [-1.0] * 30 + [1.0] * 30))
    assert [t.on for t in found] == [START + timedelta(days=30), START + timedelta(days=60)]
    assert [t.warmed for t in found] == [False, True]
    assert (found[0].start, found[0].end) == (30, 60)


def test_steady_noise_is_no_turn():
    rng = np.random.default_rng(3)
    assert turns(daily([-1.0 if rng.random() < 0.25 else 1.0 for _ in range(200)])) == []


def test_too_little_evidence_or_too_small_a_shift_is_no_turn():
    assert turns(daily([1.0] * 2 + [-1.0] * 2)) == []
    assert len(turns(daily([1.0] * 5 + [-1.0] * 5))) == 1
    assert turns(daily([1.0] * 50 + [-1.0] * 50, [0.05] * 100)) == []
    small = [1.0] * 100 + [1.0 if i % 10 else -1.0 for i in range(100)]
    assert turns(daily(small)) == []


def test_a_war_that_grows_a_little_less_violent_has_not_turned():
    rng = np.random.default_rng(5)
    values = [-0.9 + rng.normal(0, 0.05) for _ in range(60)] + [-0.6 + rng.normal(0, 0.05) for _ in range(60)]
    assert turns(daily(values)) == []
    assert len(turns(daily(values[:60] + [0.2 + rng.normal(0, 0.05) for _ in range(60)]))) == 1
