"""A regularised logistic model: fitted with SciPy, read and written as plain JSON.

Features are standardised on the training set and the coefficients carry an L2 penalty of
``PENALTY`` (as much as that many pseudo-observations pulling each one to zero), which keeps
them finite when a small training set is separable and costs nothing on a large one.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import optimize, special

PENALTY = 1.0


@dataclass(frozen=True)
class Logistic:
    """P(y = 1 | x) = sigmoid(intercept + coefficients · (x - mean) / scale)."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coefficients: np.ndarray
    intercept: float

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """Each feature's part of the log-odds, relative to the training set's average dyad-month."""
        return (x - self.mean) / self.scale * self.coefficients

    def log_odds(self, x: np.ndarray) -> np.ndarray:
        return self.contributions(x).sum(axis=-1) + self.intercept

    def probability(self, x: np.ndarray) -> np.ndarray:
        return special.expit(self.log_odds(x))

    def to_dict(self) -> dict:
        """The numbers, to 6 significant digits (the feature names are kept apart, once for all models)."""
        return {
            "intercept": _rounded(self.intercept),
            "mean": [_rounded(v) for v in self.mean],
            "scale": [_rounded(v) for v in self.scale],
            "coefficients": [_rounded(v) for v in self.coefficients],
        }

    @classmethod
    def from_dict(cls, data: dict, names: tuple[str, ...]) -> Logistic:
        columns = [np.array(data[key], dtype=np.float64) for key in ("mean", "scale", "coefficients")]
        if any(len(column) != len(names) for column in columns):
            raise ValueError(f"{len(names)} features expected, found {', '.join(str(len(c)) for c in columns)}")
        return cls(names, *columns, float(data["intercept"]))


def fit(x: np.ndarray, y: np.ndarray, names: tuple[str, ...], start: Logistic | None = None) -> Logistic:
    """The model that minimises the log loss of ``y`` (0 or 1) given ``x`` plus the L2 penalty.
    ``start`` (a model of the same features) warm-starts the search."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    sign = 2 * y - 1

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        margin = sign * (z @ w[1:] + w[0])
        value = -special.log_expit(margin).sum() + PENALTY / 2 * w[1:] @ w[1:]
        pull = -sign * special.expit(-margin)
        gradient = np.concatenate([[pull.sum()], z.T @ pull + PENALTY * w[1:]])
        return value, gradient

    if start is not None:
        initial = np.concatenate([[start.intercept + start.coefficients @ ((mean - start.mean) / start.scale)], start.coefficients * scale / start.scale])
    else:
        rate = np.clip(y.mean(), 1e-6, 1 - 1e-6)
        initial = np.concatenate([[np.log(rate / (1 - rate))], np.zeros(x.shape[1])])
    found = optimize.minimize(loss, initial, jac=True, method="L-BFGS-B")
    return Logistic(names, mean, scale, found.x[1:], float(found.x[0]))


def _rounded(value: float) -> float:
    return float(f"{float(value):.6g}")
