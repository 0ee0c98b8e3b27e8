"""The whole harness on a hand-made benchmark whose ranks are worked out by hand.

Entities A B C D E (ids 0-4), relations talk (0) and fight (1); times in hours, one day = 24.
The scorer is ``Frequency``: an entity scores the number of times the same fact happened before, so
every rank below can be checked with a pencil. ``~talk`` is the inverse of talk (a subject query).

    train  day 0: A talk B, A talk C                valid  day 3: A talk C
           day 1: A talk B, D fight E, E talk B     test   day 4: A talk B, A talk C, D fight B, E talk B
           day 2: A talk D, E talk B                       day 5: D fight B
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.forecast import tkg
from detente.forecast.baseline import Frequency
from detente.forecast.evaluation import rank_test, run
from detente.forecast.forecaster import Settings
from detente.forecast.history import History
from detente.forecast.protocol import Metrics, filtered_ranks, other_answers, queries

A, B, C, D, E = range(5)
TALK, FIGHT = 0, 1
NOT_TALK, NOT_FIGHT = 2, 3  # the inverse relations: r + number of relations

SPLITS = {
    "train": [(A, TALK, B, 0), (A, TALK, C, 0), (A, TALK, B, 1), (D, FIGHT, E, 1), (E, TALK, B, 1), (A, TALK, D, 2), (E, TALK, B, 2)],
    "valid": [(A, TALK, C, 3)],
    "test": [(A, TALK, B, 4), (A, TALK, C, 4), (D, FIGHT, B, 4), (E, TALK, B, 4), (D, FIGHT, B, 5)],
}

# Single-step: a query on day t sees every fact before t, test days included.
SINGLE = {
    # day 4, history = train + valid: (A talk ?) counts B 2, C 2, D 1, A 0, E 0.
    # The time-aware filter removes C (also an answer of (A, talk) on day 4): B is alone on top -> 1.
    # Without the filter B and C would tie: 0 higher + (2 tied + 1) / 2 = 1.5.
    (A, TALK, B, 4): 1.0,
    (A, TALK, C, 4): 1.0,  # the same, B removed this time
    # (D fight ?) counts E 1, all else 0: B ties with A, C, D -> 1 higher + (4 + 1) / 2 = 3.5.
    (D, FIGHT, B, 4): 3.5,
    # (E talk ?) counts B 2 -> 1.
    (E, TALK, B, 4): 1.0,
    # inverse queries: (B ~talk ?) counts A 2 (days 0, 1) and E 2 (days 1, 2); both talk to B on day 4,
    # so each is filtered from the other's ranking -> 1 (without the filter they would tie: 1.5).
    (B, NOT_TALK, A, 4): 1.0,
    (B, NOT_TALK, E, 4): 1.0,
    # (C ~talk ?) counts A 2 (days 0, 3) -> 1.
    (C, NOT_TALK, A, 4): 1.0,
    # (B ~fight ?): B was never fought before day 4, all five tie -> 0 + (5 + 1) / 2 = 3.
    (B, NOT_FIGHT, D, 4): 3.0,
    # day 5 sees day 4: (D fight ?) counts B 1, E 1. E answered the same query on day 1, an earlier
    # time, so the filter keeps it: B ties with E -> 0 + (2 + 1) / 2 = 1.5 (1 had E been removed).
    (D, FIGHT, B, 5): 1.5,
    # (B ~fight ?) counts D 1 (day 4) -> 1.
    (B, NOT_FIGHT, D, 5): 1.0,
}

# Multi-step: only train + valid are history, so day 5 does not see day 4.
MULTI = SINGLE | {
    (D, FIGHT, B, 5): 3.5,  # counts E 1, all else 0: as on day 4
    (B, NOT_FIGHT, D, 5): 3.0,  # nothing known about B being fought: all five tie
}


def write_benchmark(folder: Path) -> Path:
    """The benchmark in the layout of the ICEWS folders, times in hours (step 24), CRLF line endings."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "entity2id.txt").write_text("".join(f"{name}\t{i}\n" for i, name in enumerate("ABCDE")))
    (folder / "relation2id.txt").write_text("talk\t0\nfight\t1\n")
    for split, facts in SPLITS.items():
        lines = "".join(f"{s}\t{r}\t{o}\t{24 * t}\t-1\r\n" for s, r, o, t in facts)
        (folder / f"{split}.txt").write_text(lines, newline="")
    return folder


@pytest.fixture
def benchmark(tmp_path: Path) -> tkg.Dataset:
    return tkg.load(write_benchmark(tmp_path / "tiny"))


def ranks_by_query(benchmark: tkg.Dataset, setting: str) -> dict[tuple[int, ...], float]:
    table = [benchmark.train, benchmark.valid] + ([benchmark.test] if setting == "single" else [])
    history = History(np.concatenate(table), benchmark.num_entities, benchmark.num_relations, taus=(1.0,))
    history.advance(benchmark.valid[:, tkg.TIME].min())
    asked, ranks = rank_test(Frequency(history), benchmark)
    return {tuple(int(x) for x in query): float(rank) for query, rank in zip(asked, ranks)}


def test_loads_hours_as_days(benchmark):
    assert benchmark.step == 24
    assert benchmark.test[:, tkg.TIME].tolist() == [4, 4, 4, 4, 5]


def test_days_are_the_runs_of_one_time():
    rows = np.array([[0, 0, 1, 3], [1, 0, 2, 3], [2, 0, 0, 5], [0, 1, 2, 9], [1, 1, 0, 9]])
    assert tkg.day_spans(rows) == [(0, 2), (2, 3), (3, 5)]
    assert tkg.day_spans(rows[:0]) == []


@pytest.mark.parametrize("setting, expected", [("single", SINGLE), ("multi", MULTI)])
def test_ranks_worked_out_by_hand(benchmark, setting, expected):
    assert ranks_by_query(benchmark, setting) == expected


def test_run_reports_the_mean_of_the_hand_ranks(benchmark):
    report = run(benchmark, "single", Settings(taus=(1.0,)), lambda history, dataset: Frequency(history))
    ranks = np.array(list(SINGLE.values()))
    assert report.metrics.queries == 10
    assert report.metrics.mrr == pytest.approx(100 * np.mean(1 / ranks))
    assert report.metrics.hits[1] == pytest.approx(100 * 7 / 10)  # seven ranks of exactly 1; 1.5 is not a hit at 1
    assert report.metrics.hits[3] == pytest.approx(100 * 9 / 10)  # 3.5 is the only rank above 3
    assert report.seconds >= report.fit_seconds >= 0 and report.peak_memory_mb > 0


def test_each_fact_asks_both_directions():
    facts = np.array([[A, TALK, B, 4]])
    assert queries(facts, num_relations=2).tolist() == [[A, TALK, B, 4], [B, NOT_TALK, A, 4]]


def test_filter_removes_same_time_answers_only():
    known = queries(np.array(SPLITS["train"] + SPLITS["valid"] + SPLITS["test"]), num_relations=2)
    batch = np.array([[A, TALK, B, 4], [D, FIGHT, B, 5], [B, NOT_TALK, A, 4]])
    rows, entities = other_answers(batch, known, num_entities=5)
    # (A talk ?) on day 4 also has C; (D fight ?) on day 5 has no other answer (E is from day 1);
    # the inverse query (B ~talk ?) on day 4 also has E (E talk B that day).
    assert sorted(zip(rows.tolist(), entities.tolist())) == [(0, C), (2, E)]


def test_ties_are_ranked_without_favour():
    scores = np.array([[5.0, 3.0, 3.0, 3.0, 1.0]])
    # one higher, three tied including the answer: 1 + (3 + 1) / 2 = 3, the mean of ranks 2, 3 and 4.
    assert filtered_ranks(scores, np.array([2]), (np.array([], dtype=int), np.array([], dtype=int))).tolist() == [3.0]
    # removing a tied entity by the filter leaves two tied: 1 + (2 + 1) / 2 = 2.5
    assert filtered_ranks(scores, np.array([2]), (np.array([0]), np.array([1]))).tolist() == [2.5]


def test_a_score_of_nan_is_an_error():
    with pytest.raises(ValueError, match="NaN"):
        filtered_ranks(np.array([[np.nan, 1.0]]), np.array([1]), (np.array([], dtype=int), np.array([], dtype=int)))


def test_metrics_in_percent():
    metrics = Metrics.of(np.array([1.0, 2.0, 4.0, 20.0]))
    assert metrics.mrr == pytest.approx(100 * (1 + 0.5 + 0.25 + 0.05) / 4)
    assert metrics.hits == {1: 25.0, 3: 50.0, 10: 75.0}


def test_eval_forecast_prints_both_settings(tmp_path):
    folder = write_benchmark(tmp_path / "tiny")
    result = CliRunner().invoke(app, ["eval", "forecast", "--dataset", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert [row["setting"] for row in figures["results"]] == ["single", "multi"]
    for row in figures["results"]:
        assert row["queries"] == 10 and 0 < row["mrr"] <= 100 and row["peak_memory_mb"] > 0 and row["seconds"] >= row["fit_seconds"]
    assert figures["published"] == []  # no published figure for a hand-made benchmark


def test_eval_forecast_names_a_missing_file(tmp_path):
    folder = write_benchmark(tmp_path / "tiny")
    (folder / "valid.txt").unlink()
    result = CliRunner().invoke(app, ["eval", "forecast", "--dataset", str(folder)])
    assert result.exit_code == 1
    assert "valid.txt: missing" in result.output
