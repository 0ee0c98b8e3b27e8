"""The forecaster on a synthetic graph: it learns recurrence, and it never reads the future."""

from __future__ import annotations

import numpy as np
import pytest

from detente.forecast import tkg
from detente.forecast.evaluation import run
from detente.forecast.forecaster import Forecaster, Settings
from detente.forecast.history import History
from detente.forecast.names import EntityKinds, split_name
from detente.forecast.signals import BLOCKS

ENTITIES, RELATIONS, DAYS = 40, 3, 60
HABITS = 10  # entities 0-9 each do relation 0 to their favourite almost every day
SMALL = Settings(fit_queries=(400, 400), samples=32, shortlist=20, hidden=8, trees=30, fit_days=10)


def synthetic() -> tkg.Dataset:
    rng = np.random.default_rng(7)
    favourite = rng.permutation(np.arange(HABITS, ENTITIES))[:HABITS]
    facts = []
    for day in range(DAYS):
        facts += [(s, 0, int(favourite[s]), day) for s in range(HABITS) if rng.random() < 0.8]
        facts += [(int(rng.integers(ENTITIES)), int(rng.integers(1, RELATIONS)), int(rng.integers(ENTITIES)), day) for _ in range(12)]
    facts = np.array([f for f in facts if f[0] != f[2]], dtype=np.int64)
    names = tuple(f"Police ({chr(65 + i % 5)})" if i % 2 else f"Person {i}" for i in range(ENTITIES))
    split = {name: facts[(facts[:, 3] >= lo) & (facts[:, 3] < hi)] for name, (lo, hi) in {"train": (0, 40), "valid": (40, 50), "test": (50, 60)}.items()}
    return tkg.Dataset("synthetic", names, ("habit", "talk", "fight"), split["train"], split["valid"], split["test"], step=1)


@pytest.fixture(scope="module")
def dataset() -> tkg.Dataset:
    return synthetic()


def fitted(dataset: tkg.Dataset, table: np.ndarray, settings: Settings = SMALL) -> Forecaster:
    history = History(table, dataset.num_entities, dataset.num_relations, settings.taus)
    history.advance(dataset.valid[:, tkg.TIME].min())
    return Forecaster(history, EntityKinds.of(dataset.entities), settings).fit(dataset.valid)


def test_habits_rank_first(dataset):
    model = fitted(dataset, np.concatenate([dataset.train, dataset.valid, dataset.test]))
    model.history.advance(50)
    habits = dataset.test[(dataset.test[:, 1] == 0) & (dataset.test[:, 3] == 50)]
    scores = model.scores(habits[:, [0, 1, 3]])
    assert scores.shape == (len(habits), ENTITIES) and np.isfinite(scores).all()
    assert (scores.argmax(axis=1) == habits[:, 2]).mean() >= 0.9


def test_future_facts_in_the_table_change_nothing(dataset):
    """Fitted with and without the test facts in its table, the forecaster scores day 50 the same."""
    everything = fitted(dataset, np.concatenate([dataset.train, dataset.valid, dataset.test]))
    known = fitted(dataset, np.concatenate([dataset.train, dataset.valid]))
    asked = dataset.test[dataset.test[:, 3] == 50][:, [0, 1, 3]]
    everything.history.advance(50)
    known.history.advance(50)
    np.testing.assert_allclose(everything.scores(asked), known.scores(asked), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("left_out", [*BLOCKS, "rerank", "trees"])
def test_every_block_can_be_left_out(dataset, left_out):
    parts = {"blocks": frozenset(BLOCKS) - {left_out}, "rerank": left_out != "rerank", "trees": 0 if left_out == "trees" else SMALL.trees}
    settings = Settings(**{**SMALL.__dict__, **parts})
    report = run(dataset, "single", settings)
    assert 0 < report.metrics.mrr <= 100 and report.metrics.queries == 2 * len(dataset.test)


def test_a_run_tells_how_far_each_stage_has_gone(dataset):
    """Every stage is heard of in order, from nothing done to all of it, never going back."""
    heard: dict[str, list[tuple[int, int]]] = {}
    run(dataset, "single", SMALL, tick=lambda stage, done, total: heard.setdefault(stage, []).append((done, total)))
    assert list(heard) == [
        "stage 1: reading the fitting days",
        "stage 1: fitting the linear model",
        "stage 2: reading the shortlists",
        "stage 2: fitting the network",
        "stage 2: fitting the trees",
        "ranking the test queries",
    ]
    for stage, ticks in heard.items():
        done = [d for d, _ in ticks]
        total = {t for _, t in ticks}
        assert len(total) == 1 and done[0] == 0 and done[-1] == total.pop() and done == sorted(done), stage
    fitting_days = SMALL.fit_days + len(np.unique(dataset.valid[:, 3]))
    assert heard["stage 1: reading the fitting days"][-1] == heard["stage 2: reading the shortlists"][-1] == (fitting_days, fitting_days)
    assert heard["ranking the test queries"][-1] == (2 * len(dataset.test), 2 * len(dataset.test))


def test_scoring_before_fitting_says_what_to_do(dataset):
    history = History(dataset.train, dataset.num_entities, dataset.num_relations, SMALL.taus)
    with pytest.raises(RuntimeError, match="fit"):
        Forecaster(history, EntityKinds.of(dataset.entities), SMALL).scores(np.array([[0, 0, 40]]))


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Police (Nigeria)", ("Police", "Nigeria")),
        ("Head_of_Government_(Egypt)", ("Head of Government", "Egypt")),
        ("Armed Gang (Palestinian Territory, Occupied)", ("Armed Gang", "Palestinian Territory, Occupied")),
        ("Barack Obama", ("", "Barack Obama")),
        ("China", ("", "China")),
    ],
)
def test_names_split_into_role_and_country(name, expected):
    assert split_name(name) == expected


def test_entities_of_one_country_share_a_group():
    kinds = EntityKinds.of(["Nigeria", "Police_(Nigeria)", "Police (Ghana)", "Barack Obama"])
    assert kinds.group[0] == kinds.group[1] != kinds.group[2]
    assert kinds.role[1] == kinds.role[2] != kinds.role[0] == kinds.role[3] == 0


def test_an_entity_without_a_country_is_placed_where_it_deals_most():
    kinds = EntityKinds.of(["Canada", "Police (Canada)", "Justin Trudeau", "Police (Ghana)", "Ghana", "Nobody"])
    first, second = np.array([2, 2, 2, 5]), np.array([1, 0, 3, 2])
    placed = kinds.placed(first, second, np.array([2.0, 1.0, 2.0, 5.0]))
    assert placed.group[2] == kinds.group[0] != kinds.group[2]
    assert placed.group[5] == kinds.group[5] and (placed.group[:2] == kinds.group[:2]).all()


def test_entities_with_no_shared_country_to_turn_to_stay_where_they_are():
    kinds = EntityKinds.of(["Justin Trudeau", "Nobody", "Canada"])
    placed = kinds.placed(np.array([0, 1]), np.array([1, 2]), np.array([1.0, 1.0]))
    assert (placed.group == kinds.group).all()
