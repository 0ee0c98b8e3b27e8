"""Run the benchmark: fit on the validation split, rank every test query, and time it.

Single-step: the history holds every split and reveals each test day once it has been scored, so a
query at ``t`` sees all true facts before ``t``. Multi-step: the history holds train and valid only.
In both, the forecaster is fitted in the same setting: single-step on the validation split and the
last ``fit_days`` of train, walking the days with a growing history; multi-step on the validation
split with the history stopped at the end of train. Test answers are never read before ranking.
"""

from __future__ import annotations

import resource
import sys
import time
from dataclasses import dataclass
from typing import Callable, Protocol

import numpy as np

from detente.forecast.forecaster import Forecaster, Settings
from detente.forecast.history import History, with_inverses
from detente.forecast.names import EntityKinds
from detente.forecast.progress import Tick, silent
from detente.forecast.protocol import Metrics, filtered_ranks, other_answers, queries
from detente.forecast.tkg import TIME, Dataset, day_spans

SETTINGS = ("single", "multi")
RANKED_CELLS = 2**24
RANKING = "ranking the test queries"


class Model(Protocol):
    """What the harness needs of a forecaster: its history, fitting, and scores over all entities."""

    history: History

    def fit(self, facts: np.ndarray, advance: bool = True, tick: Tick = silent) -> Model: ...

    def scores(self, queries: np.ndarray) -> np.ndarray: ...


def forecaster(settings: Settings = Settings()) -> Callable[[History, Dataset], Model]:
    """Builds our forecaster for a dataset's history."""
    return lambda history, dataset: Forecaster(history, EntityKinds.of(dataset.entities), settings)


@dataclass(frozen=True)
class Report:
    """One dataset in one setting: the metrics, the wall-clock seconds, and the peak memory."""

    dataset: str
    setting: str
    metrics: Metrics
    fit_seconds: float
    seconds: float
    peak_memory_mb: float


def run(
    dataset: Dataset,
    setting: str = "single",
    settings: Settings = Settings(),
    build: Callable[[History, Dataset], Model] | None = None,
    tick: Tick = silent,
) -> Report:
    """Fit and evaluate on test in ``setting`` ("single" or "multi"); ``build`` makes the model (ours by
    default); ``tick`` hears how far fitting and ranking have gone."""
    if setting not in SETTINGS:
        raise ValueError(f"setting {setting!r}: choose single or multi")
    began = time.perf_counter()
    table = [dataset.train, dataset.valid] + ([dataset.test] if setting == "single" else [])
    fitting = fitting_facts(dataset, settings.fit_days if setting == "single" else 0)
    settings = settings.remembering(fitting[:, TIME].min() - dataset.train[:, TIME].min())
    history = History(np.concatenate(table), dataset.num_entities, dataset.num_relations, settings.taus)
    history.advance(fitting[:, TIME].min())
    model = (build or forecaster(settings))(history, dataset)
    model.fit(fitting, advance=setting == "single", tick=tick)
    fitted = time.perf_counter()
    _, ranks = rank_test(model, dataset, tick)
    return Report(
        dataset=dataset.name,
        setting=setting,
        metrics=Metrics.of(ranks),
        fit_seconds=fitted - began,
        seconds=time.perf_counter() - began,
        peak_memory_mb=peak_memory_mb(),
    )


def fitting_facts(dataset: Dataset, days: int) -> np.ndarray:
    """The validation split, preceded by the last ``days`` steps of train (learning from more days helps;
    multi-step fits on valid alone, whose distance from train is the test's distance from valid)."""
    train_days = np.unique(dataset.train[:, TIME])
    start = train_days[-days] if 0 < days <= len(train_days) else (train_days[0] if days else dataset.valid[:, TIME].min())
    return np.concatenate([dataset.train[dataset.train[:, TIME] >= start], dataset.valid])


def rank_test(model: Model, dataset: Dataset, tick: Tick = silent) -> tuple[np.ndarray, np.ndarray]:
    """Every test query ``(s, r, answer, t)`` and its filtered rank, day by day, the history moving to each day first.

    A day's queries are scored together, in batches of at most ``RANKED_CELLS`` scores: the signals'
    tables are built once for the queries of a batch, so fewer, fuller batches cost less."""
    known = with_inverses(np.concatenate([dataset.train, dataset.valid, dataset.test]), dataset.num_relations)
    asked = queries(dataset.test, dataset.num_relations)
    asked = asked[np.argsort(asked[:, TIME], kind="stable")]
    ranks = np.empty(len(asked))
    width = max(1, RANKED_CELLS // dataset.num_entities)
    tick(RANKING, 0, len(asked))
    for begin, end in day_spans(asked):
        model.history.advance(asked[begin, TIME])
        for start in range(begin, end, width):
            batch = asked[start : min(start + width, end)]
            scores = model.scores(batch[:, [0, 1, TIME]])
            ranks[start : start + len(batch)] = filtered_ranks(scores, batch[:, 2], other_answers(batch, known, dataset.num_entities))
            tick(RANKING, start + len(batch), len(asked))
    return asked, ranks


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10
