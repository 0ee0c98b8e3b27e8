"""Learning to rank: scoring functions fitted so that each query's true answer wins the softmax.

The training data is a set of lists, one per query: rows of signals for candidate answers, the row
of the true answer marked, and an offset per row (the log of how many entities a sampled row stands
for, so that a sample of the unlikely candidates weighs what all of them weigh). The loss is the
listwise cross-entropy, minimised with L-BFGS under an L2 penalty on standardised signals. Beside the
network, gradient-boosted trees learn the same lists by LambdaRank (LightGBM).
"""

from __future__ import annotations

from dataclasses import dataclass

import lightgbm
import numpy as np
from scipy.optimize import minimize

from detente.forecast.signals import spans


@dataclass(frozen=True)
class Lists:
    """Rows grouped by query: ``owner`` (sorted) is the list of each row, ``answer`` marks true answers.

    ``kind`` sorts rows into classes that get weights of their own (see ``fit_linear``).
    """

    signals: np.ndarray
    owner: np.ndarray
    answer: np.ndarray
    offset: np.ndarray
    kind: np.ndarray

    @classmethod
    def join(cls, parts: list[Lists]) -> Lists:
        shift, owners = 0, []
        for part in parts:
            owners.append(part.owner + shift)
            shift += int(part.owner.max()) + 1 if len(part.owner) else 0
        return cls(
            np.concatenate([part.signals for part in parts]),
            np.concatenate(owners),
            np.concatenate([part.answer for part in parts]),
            np.concatenate([part.offset for part in parts]),
            np.concatenate([part.kind for part in parts]),
        )


@dataclass(frozen=True)
class Standardise:
    mean: np.ndarray
    scale: np.ndarray

    @classmethod
    def of(cls, signals: np.ndarray) -> Standardise:
        return cls(signals.mean(axis=0, dtype=np.float64), signals.std(axis=0, dtype=np.float64) + 1e-9)

    def __call__(self, signals: np.ndarray) -> np.ndarray:
        return ((signals - self.mean.astype(np.float32)) / self.scale.astype(np.float32)).astype(np.float32)


@dataclass(frozen=True)
class Linear:
    """score = w[kind] · standardised signals + b[kind]: one linear model per kind of row."""

    standardise: Standardise
    weights: np.ndarray
    bias: np.ndarray

    def score(self, signals: np.ndarray, kind: np.ndarray) -> np.ndarray:
        x = self.standardise(signals)
        return np.einsum("ij,ij->i", x, self.weights[kind].astype(np.float32)) + self.bias[kind].astype(np.float32)

    def raw(self, kind: int) -> tuple[np.ndarray, float]:
        """The weights of one kind on unstandardised signals and their constant, to score dense arrays."""
        weights = self.weights[kind] / self.standardise.scale
        return weights.astype(np.float32), float(self.bias[kind] - (self.standardise.mean * weights).sum())


@dataclass(frozen=True)
class Mlp:
    """score = v · tanh(W x + b) + u · x on standardised signals x: a linear model plus interactions."""

    standardise: Standardise
    hidden: np.ndarray
    bias: np.ndarray
    out: np.ndarray
    skip: np.ndarray

    def score(self, signals: np.ndarray) -> np.ndarray:
        x = self.standardise(signals)
        return np.tanh(x @ self.hidden + self.bias) @ self.out + x @ self.skip


@dataclass(frozen=True)
class Trees:
    """Gradient-boosted regression trees: they cut the signals where a network's smooth units only bend."""

    booster: lightgbm.Booster

    def score(self, signals: np.ndarray) -> np.ndarray:
        return self.booster.predict(signals)


@dataclass(frozen=True)
class Blend:
    """The sum of its members' scores: models of different kinds err on different candidates."""

    members: tuple[Mlp | Trees, ...]

    def score(self, signals: np.ndarray) -> np.ndarray:
        return sum(member.score(signals) for member in self.members)


def _listwise(lists: Lists):
    """Per-row softmax pieces shared by both fits: list starts, answer rows, lists that have an answer."""
    starts = np.flatnonzero(np.r_[True, lists.owner[1:] != lists.owner[:-1]])
    has_answer = np.add.reduceat(lists.answer.astype(np.int64), starts) > 0
    list_of_row = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(lists.owner)]))
    answers = np.flatnonzero(lists.answer & has_answer[list_of_row])
    return starts, list_of_row, has_answer, answers


def _loss_and_gradient(z: np.ndarray, starts: np.ndarray, list_of_row: np.ndarray, has_answer: np.ndarray, answers: np.ndarray):
    """Mean cross-entropy of the answer rows and its gradient with respect to the row scores ``z``."""
    top = np.maximum.reduceat(z, starts)
    exp = np.exp(z - top[list_of_row])
    total = np.add.reduceat(exp, starts)
    lists = max(int(has_answer.sum()), 1)
    loss = float((top + np.log(total))[has_answer].sum() - z[answers].sum()) / lists
    grad = exp / total[list_of_row] * has_answer[list_of_row]
    grad[answers] -= 1
    return loss, grad / lists


def fit_linear(lists: Lists, kinds: int, l2: float = 1e-4) -> Linear:
    """Weights per kind of row (the last kind's bias is held at 0: only differences matter)."""
    standardise = Standardise.of(lists.signals)
    x = standardise(lists.signals)
    rows = [np.flatnonzero(lists.kind == kind) for kind in range(kinds)]
    parts = [x[index] for index in rows]
    pieces = _listwise(lists)
    width = x.shape[1]

    def objective(params: np.ndarray):
        weights, bias = params[: kinds * width].reshape(kinds, width), np.r_[params[kinds * width :], 0.0]
        z = lists.offset.copy()
        for kind, (index, part) in enumerate(zip(rows, parts)):
            z[index] += part @ weights[kind].astype(np.float32) + bias[kind]
        loss, grad = _loss_and_gradient(z, *pieces)
        grad32 = grad.astype(np.float32)
        gradient = np.concatenate(
            [np.concatenate([part.T @ grad32[index] for index, part in zip(rows, parts)]), [grad[index].sum() for index in rows[:-1]]]
        )
        return loss + l2 * params @ params, gradient.astype(np.float64) + 2 * l2 * params

    result = minimize(objective, np.zeros(kinds * width + kinds - 1), jac=True, method="L-BFGS-B", options={"maxiter": 300})
    return Linear(standardise, result.x[: kinds * width].reshape(kinds, width), np.r_[result.x[kinds * width :], 0.0])


def fit_mlp(lists: Lists, hidden: int = 32, l2: float = 1e-4, epochs: int = 8, batch: int = 256, rate: float = 3e-3, seed: int = 0) -> Mlp:
    """Adam on mini-batches of ``batch`` lists: the network is cheap per row but the rows are many."""
    standardise = Standardise.of(lists.signals)
    x = standardise(lists.signals)
    width = x.shape[1]
    shapes = ((width, hidden), (hidden,), (hidden,), (width,))
    sizes = [int(np.prod(shape)) for shape in shapes]
    rng = np.random.default_rng(seed)

    def unpack(params: np.ndarray) -> list[np.ndarray]:
        parts = np.split(params.astype(np.float32), np.cumsum(sizes)[:-1])
        return [part.reshape(shape) for part, shape in zip(parts, shapes)]

    def gradient(params: np.ndarray, rows: np.ndarray, owner: np.ndarray) -> np.ndarray:
        hidden_w, bias, out, skip = unpack(params)
        xb = x[rows]
        active = np.tanh(xb @ hidden_w + bias)
        part = Lists(xb, owner, lists.answer[rows], lists.offset[rows], lists.kind[rows])
        _, grad = _loss_and_gradient((active @ out + xb @ skip).astype(np.float64) + part.offset, *_listwise(part))
        grad = grad.astype(np.float32)
        back = np.outer(grad, out) * (1 - active * active)
        return np.concatenate([(xb.T @ back).ravel(), back.sum(axis=0), active.T @ grad, xb.T @ grad]).astype(np.float64) + 2 * l2 * params

    starts = np.flatnonzero(np.r_[True, lists.owner[1:] != lists.owner[:-1]])
    ends = np.r_[starts[1:], len(lists.owner)]
    params = rng.normal(0.0, 0.1, sum(sizes))
    first, second = np.zeros_like(params), np.zeros_like(params)
    step = 0
    for epoch in range(epochs):
        order = rng.permutation(len(starts))
        for begin in range(0, len(order), batch):
            chosen = order[begin : begin + batch]
            owner, rows = spans(starts[chosen], ends[chosen])
            step += 1
            grad = gradient(params, rows, owner)
            first = 0.9 * first + 0.1 * grad
            second = 0.999 * second + 0.001 * grad * grad
            decay = 0.5 * (1 + np.cos(np.pi * epoch / epochs))
            params -= rate * decay * (first / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
    return Mlp(standardise, *unpack(params))


def fit_trees(lists: Lists, rounds: int = 300, seed: int = 0) -> Trees:
    """LambdaRank over the lists that hold their answer (the others teach it nothing), deterministic for a seed."""
    starts, list_of_row, has_answer, _ = _listwise(lists)
    rows = has_answer[list_of_row]
    sizes = np.diff(np.r_[starts, len(lists.owner)])
    data = lightgbm.Dataset(lists.signals[rows], label=lists.answer[rows].astype(np.int64), group=sizes[has_answer])
    params = {
        "objective": "lambdarank",
        "lambdarank_truncation_level": 20,
        "learning_rate": 0.05,
        "num_leaves": 63,
        "min_data_in_leaf": 100,
        "max_bin": 63,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "deterministic": True,
        "force_row_wise": True,
        "seed": seed,
        "verbose": -1,
    }
    return Trees(lightgbm.train(params, data, num_boost_round=rounds))
