"""How well the dyad forecaster does on a store's own history, against persistence and each dyad's long-run rate.

Rolling origin: at the end of each month ``t`` the model forecasts the dyads with history at
``t`` as fitted on dyad-months ``s`` whose outcome was known by then (``s + horizon <= t``);
nothing after ``t`` is read. It is refitted whenever the dyad-months known have grown by
``REFIT_GROWTH`` since the last fit (every month while they are few, every year or two later:
a month more changes little of a model fitted on a decade). A month is forecast once at least
``MIN_TRAINING`` dyad-months of both outcomes are behind it. Brier score (lower is better) and
ROC AUC (higher is better, ties counted half) are over all dyad-months forecast; the calibration
error is how far the forecasts of each tenth of the probability scale are from the share that came
true, averaged over forecasts (0 for a perfectly calibrated forecaster).
"""

from __future__ import annotations

import resource
import sys
import time
from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy import stats

from detente.forecast.dyads import features, model, panel
from detente.forecast.dyads.features import FRIENDLY, RISE, Target
from detente.forecast.dyads.panel import Panel
from detente.store import StoreError
from detente.store import relations as cells_store
from detente.store.relations import Cells

TARGETS = (RISE, Target("state", 3, FRIENDLY), Target("state", 12, FRIENDLY))
MIN_TRAINING = 200
MIN_MONTHS = 3
REFIT_GROWTH = 1.25
CALIBRATION_BINS = 10


@dataclass(frozen=True)
class Scores:
    """None where nothing was forecast (Brier, calibration) or the outcomes were all alike (AUC)."""

    brier: float | None
    auc: float | None
    calibration: float | None


@dataclass(frozen=True)
class TargetResult:
    """One target's forecasts: how many, over which months, and the scores of the model and the baselines."""

    target: Target
    forecasts: int
    positives: int
    origins: tuple[date, ...]
    model: Scores
    persistence: Scores
    long_run: Scores


@dataclass(frozen=True)
class Evaluation:
    """Every target's results on a store's dyads over its months, and the wall-clock time and
    peak memory of reading and evaluating them."""

    dataset: str | None
    dyads: int
    months: tuple[date, date]
    results: tuple[TargetResult, ...]
    seconds: float
    peak_memory_mb: float


def brier(probability: np.ndarray, outcome: np.ndarray) -> float | None:
    """The mean squared difference between the forecast probability and the outcome (0 or 1)."""
    return float(np.mean((probability - outcome) ** 2)) if len(outcome) else None


def auc(score: np.ndarray, outcome: np.ndarray) -> float | None:
    """The chance that a random positive scores above a random negative (ties count half); None
    without both."""
    positives = int(outcome.sum())
    negatives = len(outcome) - positives
    if not positives or not negatives:
        return None
    ranks = stats.rankdata(score)
    return float((ranks[outcome == 1].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def calibration_error(probability: np.ndarray, outcome: np.ndarray) -> float | None:
    """The forecast-weighted mean gap between the mean forecast and the share true in each tenth of [0, 1]."""
    if not len(outcome):
        return None
    bins = np.minimum((probability * CALIBRATION_BINS).astype(int), CALIBRATION_BINS - 1)
    count = np.bincount(bins, minlength=CALIBRATION_BINS)
    gap = np.bincount(bins, probability - outcome, minlength=CALIBRATION_BINS)
    return float(np.abs(gap).sum() / count.sum())


def scores(probability: np.ndarray, outcome: np.ndarray) -> Scores:
    return Scores(brier(probability, outcome), auc(probability, outcome), calibration_error(probability, outcome))


def rolling(months: Panel, target: Target) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The forecasts of ``target`` month by month: (month index, dyad index, probability) of each."""
    x = features.features(months, target)
    y = features.outcome(months, target)
    counted = features.has_history(months) & ~np.isnan(y)
    names = features.names(target)
    origins, dyads, forecasts = [], [], []
    fitted, fitted_on = None, 0
    for t in range(target.horizon, len(months.ends)):
        known = t - target.horizon + 1
        train = counted[:, :known]
        size = int(train.sum())
        if size >= max(MIN_TRAINING, REFIT_GROWTH * fitted_on):
            labels = y[:, :known][train]
            if labels.min() < labels.max():
                fitted, fitted_on = model.fit(x[:, :known][train], labels, names, start=fitted), size
        test = np.flatnonzero(counted[:, t])
        if fitted is None or not len(test):
            continue
        origins.append(np.full(len(test), t))
        dyads.append(test)
        forecasts.append(fitted.probability(x[test, t]))
    if not origins:
        return np.zeros(0, int), np.zeros(0, int), np.zeros(0)
    return np.concatenate(origins), np.concatenate(dyads), np.concatenate(forecasts)


def store_panel(cells: Cells, *, dataset: str | None = None) -> Panel:
    """Every dyad of the store by calendar month, from its first month with facts to its last complete one."""
    first, last = cells_store.date_span(cells, dataset=dataset)
    ends = panel.calendar_ends(first, last) if first is not None else []
    if len(ends) < MIN_MONTHS:
        scope = f" of dataset {dataset}" if dataset else ""
        raise StoreError(
            f"{cells.store.path}: the facts{scope} span {len(ends)} complete months; the forecaster needs at least {MIN_MONTHS}"
        )
    return panel.read(cells, ends, dataset=dataset)


def evaluate_store(cells: Cells, *, dataset: str | None = None) -> Evaluation:
    """The evaluation of every target on the store's months."""
    began = time.perf_counter()
    months = store_panel(cells, dataset=dataset)
    results = tuple(evaluate(months, target) for target in TARGETS)
    return Evaluation(dataset, len(months.dyads), (months.ends[0], months.ends[-1]), results, time.perf_counter() - began, peak_memory_mb())


def evaluate(months: Panel, target: Target) -> TargetResult:
    """A target forecast month by month, scored with both baselines on the same dyad-months."""
    origins, dyads, probability = rolling(months, target)
    outcome = features.outcome(months, target)[dyads, origins]
    return TargetResult(
        target,
        len(origins),
        int(outcome.sum()),
        tuple(months.ends[t] for t in np.unique(origins)),
        scores(probability, outcome),
        scores(features.persistence(months, target)[dyads, origins], outcome),
        scores(features.long_run(months, target)[dyads, origins], outcome),
    )


def peak_memory_mb() -> float:
    """This process's peak resident memory so far."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024
