"""The score model: recency, the prior, states and confidence, worked out by hand."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from detente.relations import state
from detente.relations.state import Evidence

ON = date(2020, 12, 31)


def evidence(*units: tuple[int, float, float]) -> Evidence:
    """Units (days before ON, value, weight), as the store gives them (a positive value on a day of cooperation)."""
    rows = sorted((ON.toordinal() - ago, 1 if value > 0 else -1, value, weight) for ago, value, weight in units)
    if not rows:
        return Evidence(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0))
    days, signs, values, weights = (np.array(column) for column in zip(*rows))
    return Evidence(days, signs, values, weights)


def test_no_evidence_is_even_odds_neutral_with_no_confidence():
    relation = state.relation_at(evidence(), ON)
    assert relation.score == pytest.approx(0.5)
    assert relation.state == "neutral" and relation.confidence == 0.0 and relation.evidence == 0.0


def test_the_score_is_the_calibrated_chance_of_alliance_at_even_odds_for_the_prior():
    calibration = state.CALIBRATION
    assert calibration.probability(state.PRIOR_VALUE) == pytest.approx(0.5)
    assert calibration.probability(state.PRIOR_VALUE + 1 / calibration.steepness) == pytest.approx(1 / (1 + np.exp(-1)))
    assert calibration.probability(1.0) > 0.99 and calibration.probability(-1.0) < 0.01


def test_score_is_the_posterior_mean_with_recency_weights():
    # One unit of value +1 today (weight 1), one of value -1 a half-life ago (weight 1 -> 1/2),
    # one of weight 0 that says nothing.
    found = evidence((0, 1.0, 1.0), (int(state.HALF_LIFE_DAYS), -1.0, 1.0), (3, -1.0, 0.0))
    relation = state.relation_at(found, ON)
    amount = 1.0 + 0.5
    mean = (1.0 - 0.5 + state.PRIOR_DAYS * state.PRIOR_VALUE) / (amount + state.PRIOR_DAYS)
    assert relation.score == pytest.approx(state.CALIBRATION.probability(mean))
    assert relation.evidence == pytest.approx(amount)
    assert relation.confidence == pytest.approx(amount / (amount + state.PRIOR_DAYS))


def test_units_after_the_date_are_not_looked_at():
    found = evidence((-5, -1.0, 1.0), (10, 1.0, 1.0))
    assert state.relation_at(found, ON).evidence == pytest.approx(0.5 ** (10 / state.HALF_LIFE_DAYS))
    assert state.relation_at(found, ON - timedelta(days=11)).evidence == 0.0
    assert state.relation_at(found, ON + timedelta(days=5)).score < state.relation_at(found, ON).score


def test_many_dates_at_once_agree_with_one_at_a_time():
    found = evidence((0, 1.0, 1.0), (40, -1.0, 0.5), (400, 1.0, 1.0), (4000, -1.0, 1.0))
    dates = [ON - timedelta(days=ago) for ago in (5000, 3999, 399, 39, 0)]
    together = state.relations_at(found, dates)
    for day, relation in zip(dates, together):
        known = found.until(day)
        amount = sum(w * 0.5 ** ((day.toordinal() - d) / state.HALF_LIFE_DAYS) for d, w in zip(known.days, known.weights))
        signed = sum(
            w * v * 0.5 ** ((day.toordinal() - d) / state.HALF_LIFE_DAYS)
            for d, v, w in zip(known.days, known.values, known.weights)
        )
        assert relation.evidence == pytest.approx(amount) and relation.score == pytest.approx(state.score_of(signed, amount))


@pytest.mark.parametrize(
    ("score", "expected"),
    [(1.0, "ally"), (0.9, "ally"), (0.8, "friendly"), (0.6, "neutral"), (0.45, "neutral"), (0.3, "tense"),
     (0.1, "tense"), (0.0, "hostile"), (-1.0, "hostile")],
)
def test_states_are_bands_of_the_score(score, expected):
    assert state.state_of(score) == expected


def test_much_cooperation_makes_an_ally_and_much_conflict_an_enemy():
    friends = state.relation_at(evidence(*((ago, 1.0, 1.0) for ago in range(0, 60, 2))), ON)
    foes = state.relation_at(evidence(*((ago, -1.0, 1.0) for ago in range(0, 60, 2))), ON)
    assert (friends.state, friends.sign) == ("ally", 1) and (foes.state, foes.sign) == ("hostile", -1)


def test_sums_of_many_dyads_make_the_same_states():
    [relation] = state.states_from_sums(ON, np.array([1.5]), np.array([0.5]))
    assert relation.score == pytest.approx(state.score_of(0.5, 1.5)) and relation.evidence == 1.5


def test_influence_is_the_recency_weight_of_each_unit():
    found = evidence((0, 1.0, 1.0), (int(state.HALF_LIFE_DAYS), -1.0, 0.5), (-1, 1.0, 1.0))
    assert list(state.influence(found, ON)) == pytest.approx([0.25, 1.0, 0.0])
