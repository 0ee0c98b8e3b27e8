"""The relation forecaster: panels, features that never read the future, models, rolling evaluation, one dyad's forecast."""

from __future__ import annotations

import json
from datetime import date, timedelta

import numpy as np
import pytest

from detente.forecast.dyads import evaluation, features, forecaster, model, models, panel
from detente.forecast.dyads.features import FRIENDLY, RISE, Target
from detente.relations import state

ENDS = panel.calendar_ends(date(2010, 1, 1), date(2012, 12, 31))  # 36 month ends
# A vote for the acts of each quad class, as relations.votes gives them: cooperation above the even point, conflict below.
VOTE = {1: 0.1, 2: 0.3, 3: -0.5, 4: -0.8}


def world(seed: int = 3, dyads: int = 30, ends: list[date] = ENDS) -> panel.Panel:
    """Dyads that are friendly or hostile in spells, over the months ending on ``ends``."""
    rng = np.random.default_rng(seed)
    first, last = ENDS[0].toordinal() - 30, ENDS[-1].toordinal()
    rows = []
    for dyad in range(dyads):
        friendly = rng.random() < 0.5
        for day in range(first + int(rng.integers(0, 200)), last + 1, int(rng.integers(2, 9))):
            if rng.random() < 0.01:
                friendly = not friendly
            cooperative = rng.random() < (0.9 if friendly else 0.3)
            quad = int(rng.choice([1, 2])) if cooperative else int(rng.choice([3, 4]))
            facts = int(rng.integers(1, 4))
            rows.append((dyad, day, quad, facts, 1.0, float(facts), facts * VOTE[quad]))
    dyad, day, quad, facts, weight, weighed, voted = (np.array(column) for column in zip(*rows))
    names = tuple((f"A{i:02d}", f"B{i:02d}") for i in range(dyads))
    return panel.build(names, ends, dyad, day, quad, facts.astype(float), weight, weighed, voted)


def test_a_panel_counts_facts_and_units_per_month():
    days = [date(2010, 1, 5), date(2010, 1, 5), date(2010, 1, 5), date(2010, 2, 1)]
    # (quad, facts, highest weight, sum of weights, sum of weight times vote) of each cell.
    cells = [(1, 3.0, 1.0, 3.0, 0.3), (4, 1.0, 0.5, 0.5, -0.4), (4, 2.0, 1.0, 2.0, -1.6), (2, 5.0, 1.0, 5.0, 1.5)]
    quad, facts, weight, weighed, voted = (np.array(column) for column in zip(*cells))
    found = panel.build((("RUS", "UKR"),), ENDS[:2], np.zeros(4, dtype=np.int64), np.array([d.toordinal() for d in days]), quad, facts, weight, weighed, voted)
    assert found.facts[0, 0].tolist() == [3, 0, 0, 3] and found.facts[0, 1].tolist() == [0, 5, 0, 0]
    assert found.net[0].tolist() == [0, 5] and found.total[0].tolist() == [6, 5]
    # On 5 January a cooperative unit of value 0.1 and a conflictual one of value -2/2.5 = -0.8,
    # weighing as their weightiest cell times the size of their value; on 1 February one of 0.3.
    assert found.units[0, 0] == pytest.approx([0.1, 0.8]) and found.units[0, 1] == pytest.approx([0.3, 0.0])
    assert found.valued[0] == pytest.approx([0.1 * 0.1 - 0.8 * 0.8, 0.3 * 0.3])

    def fade(day: date) -> float:
        return 0.5 ** ((ENDS[1] - day).days / state.HALF_LIFE_DAYS)

    assert found.amount[0, 1] == pytest.approx(0.9 * fade(days[0]) + 0.3 * fade(days[3]))
    assert found.signed[0, 1] == pytest.approx((0.01 - 0.64) * fade(days[0]) + 0.09 * fade(days[3]))
    assert found.score[0, 1] == pytest.approx(state.score_of(found.signed[0, 1], found.amount[0, 1]))
    assert found.first.tolist() == [0]


def test_month_ends_for_a_forecast_count_back_from_its_day():
    assert panel.anchored_ends(date(2021, 3, 31), date(2020, 12, 15)) == [
        date(2020, 12, 31), date(2021, 1, 31), date(2021, 2, 28), date(2021, 3, 31),
    ]


def test_features_and_baselines_never_read_later_months():
    whole = world()
    cut = 20
    early = world(ends=ENDS[:cut])  # the same world, read as of an earlier month
    for target in (RISE, Target("state", 3, FRIENDLY)):
        np.testing.assert_allclose(features.features(early, target), features.features(whole, target)[:, :cut], atol=1e-9)
        for baseline in (features.persistence, features.long_run):
            np.testing.assert_allclose(baseline(early, target), baseline(whole, target)[:, :cut], atol=1e-12)
    assert (features.has_history(early) == features.has_history(whole)[:, :cut]).all()


def test_outcomes_are_known_only_within_the_panel():
    months = world()
    rise = features.outcome(months, RISE)
    assert np.isnan(rise[:, -1]).all() and not np.isnan(rise[:, :-1]).any()
    assert (rise[:, :-1] == (months.net[:, 1:] > months.net[:, :-1])).all()
    later = features.outcome(months, Target("state", 12, FRIENDLY))
    assert np.isnan(later[:, -12:]).all() and (later[:, :-12] == (months.score[:, 12:] >= FRIENDLY)).all()


def test_a_logistic_model_learns_and_survives_json():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(4000, 2)) * [1.0, 5.0] + [0.0, 10.0]
    y = (rng.random(4000) < 1 / (1 + np.exp(-(2 * x[:, 0] - 0.2 * (x[:, 1] - 10))))).astype(float)
    fitted = model.fit(x, y, ("a", "b"))
    assert fitted.coefficients[0] == pytest.approx(2.0, abs=0.25) and fitted.coefficients[1] == pytest.approx(-1.0, abs=0.2)
    again = model.Logistic.from_dict(json.loads(json.dumps(fitted.to_dict())), ("a", "b"))
    np.testing.assert_allclose(again.probability(x[:50]), fitted.probability(x[:50]), rtol=1e-4)


def test_rolling_forecasts_use_only_outcomes_known_at_their_month():
    months = world(dyads=60)
    target = Target("state", 3, FRIENDLY)
    origins, dyads, probability = evaluation.rolling(months, target)
    assert len(origins) and origins.min() >= target.horizon
    t = int(np.median(origins))
    changed = panel.Panel(
        months.dyads, months.ends, months.facts.copy(), months.units, months.valued, months.amount, months.signed.copy()
    )
    changed.signed[:, t + 1 :] *= -1  # every later month's relation turned upside down
    changed.facts[:, t + 1 :] = changed.facts[:, t + 1 :, ::-1]
    again_origins, again_dyads, again = evaluation.rolling(changed, target)
    early, again_early = origins <= t, again_origins <= t
    assert (dyads[early] == again_dyads[again_early]).all()
    np.testing.assert_allclose(probability[early], again[again_early])


def test_the_model_beats_both_baselines_on_a_world_with_spells():
    result = evaluation.evaluate(world(dyads=80), Target("state", 3, FRIENDLY))
    assert result.forecasts > 1000 and 0 < result.positives < result.forecasts
    assert result.model.brier < min(result.persistence.brier, result.long_run.brier)


def test_the_shipped_models_read_and_a_dyad_forecast_is_coherent():
    shipped = models.shipped()
    assert shipped.source.startswith("tkg:ICEWS05-15") and len(shipped.states) == len(models.FLOORS) * models.MAX_HORIZON
    months = world()
    one = panel.Panel(
        months.dyads[:1], months.ends, months.facts[:1], months.units[:1], months.valued[:1], months.amount[:1], months.signed[:1]
    )
    found = forecaster.forecast(one, 12)
    floors = [chance.probability for chance in found.floors]
    assert floors == sorted(floors) and all(0 <= p <= 1 for p in floors)  # friendlier floors are no likelier
    assert sum(found.states.values()) == pytest.approx(1) and found.median_state in state.STATES
    assert 0 <= found.rise.probability <= 1 and found.rise.drivers[0].feature in features.RISE_FEATURES
    with pytest.raises(ValueError, match="1 to 24"):
        forecaster.forecast(one, 25)


def test_a_dyad_without_a_month_of_history_is_not_forecast():
    day = ENDS[-1] - timedelta(days=3)
    lone = panel.build(
        (("RUS", "UKR"),), ENDS, np.zeros(1, dtype=np.int64), np.array([day.toordinal()]), np.array([1]),
        np.array([1.0]), np.array([1.0]), np.array([1.0]), np.array([0.2]),
    )
    with pytest.raises(forecaster.TooLittleHistory, match="last month"):
        forecaster.forecast(lone, 3)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "line 1: not JSON"),
        ('{"features": {"rise": ["x"], "state": []}}', "other features than the code computes"),
        ("[]", "missing or malformed field"),
    ],
)
def test_a_bad_models_file_is_refused_naming_it(text, message):
    with pytest.raises(models.ModelsError, match=message) as refused:
        models.read(text, "mine.json")
    assert str(refused.value).startswith("mine.json")


def test_a_models_file_missing_a_horizon_is_refused(tmp_path):
    shipped = models.shipped()
    partial = models.Models(shipped.source, shipped.rise, {key: m for key, m in shipped.states.items() if key[1] != 7})
    models.write(partial, tmp_path / "models.json")
    with pytest.raises(models.ModelsError, match="no model for .*7m"):
        models.read((tmp_path / "models.json").read_text(), "models.json")


def test_a_dyad_of_one_month_alone_says_so():
    day = ENDS[0] - timedelta(days=3)
    lone = panel.build(
        (("RUS", "UKR"),), ENDS[:1], np.zeros(1, dtype=np.int64), np.array([day.toordinal()]), np.array([1]),
        np.array([1.0]), np.array([1.0]), np.array([1.0]), np.array([0.2]),
    )
    with pytest.raises(forecaster.TooLittleHistory, match="fall in the last month; "):
        forecaster.forecast(lone, 3)
