"""The re-rankers learn what a list's answer looks like, including what a linear model cannot."""

from __future__ import annotations

import numpy as np

from detente.forecast.ranker import Blend, Lists, fit_linear, fit_trees


def banded(lists: int, size: int, seed: int) -> Lists:
    """Lists whose answer is the one row with its signal in the middle band (0.4, 0.6): no slope finds it."""
    rng = np.random.default_rng(seed)
    signal = rng.random((lists, size))
    signal[(signal > 0.4) & (signal < 0.6)] = 0.1
    answer = np.zeros((lists, size), dtype=bool)
    answer[np.arange(lists), rng.integers(size, size=lists)] = True
    signal[answer] = rng.uniform(0.4, 0.6, lists)
    noise = rng.random((lists, size))
    return Lists(
        np.stack([signal.ravel(), noise.ravel()], axis=1).astype(np.float32),
        np.repeat(np.arange(lists), size),
        answer.ravel(),
        np.zeros(lists * size),
        np.zeros(lists * size, dtype=np.int64),
    )


def first_place_share(scores: np.ndarray, lists: Lists) -> float:
    """The share of lists whose answer scores above every other row (a tie is no first place)."""
    size = int(np.sum(lists.owner == 0))
    by_list, answer = scores.reshape(-1, size), lists.answer.reshape(-1, size)
    best_other = np.where(answer, -np.inf, by_list).max(axis=1)
    return float(np.mean(by_list[answer] > best_other))


def test_trees_find_an_answer_no_slope_finds():
    train, test = banded(600, 20, seed=1), banded(200, 20, seed=2)
    trees = fit_trees(train, rounds=60)
    linear = fit_linear(train, kinds=1)
    assert first_place_share(trees.score(test.signals), test) > 0.9
    assert first_place_share(linear.score(test.signals, test.kind), test) < 0.3


def test_trees_are_the_same_for_the_same_seed():
    train, test = banded(200, 10, seed=3), banded(50, 10, seed=4)
    np.testing.assert_array_equal(fit_trees(train, rounds=20).score(test.signals), fit_trees(train, rounds=20).score(test.signals))


def test_a_blend_scores_the_sum_of_its_members():
    train, test = banded(200, 10, seed=5), banded(50, 10, seed=6)
    trees = fit_trees(train, rounds=20)
    np.testing.assert_allclose(Blend((trees, trees)).score(test.signals), 2 * trees.score(test.signals))
