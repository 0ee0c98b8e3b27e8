"""The fitted models the forecaster ships with, and how they are made.

``data/models.json`` holds one model for the rise of net cooperation and one for each state
floor (``FLOORS``) at each horizon from 1 to ``MAX_HORIZON`` months, all fitted on every month
of the ICEWS05-15 benchmark (eleven years, the only benchmark long enough for 24-month outcomes)
by ``detente eval relation-forecast --db FILE --write-models src/detente/forecast/dyads/data/models.json``.
They are shipped rather than fitted on the store asked, because a store of a few coded
articles has no history to learn from, and a forecast should not change with what else was imported.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from detente.forecast.dyads import features, model
from detente.forecast.dyads.features import RISE, Target
from detente.forecast.dyads.model import Logistic
from detente.forecast.dyads.panel import Panel
from detente.relations import state

MAX_HORIZON = 24
FLOORS = tuple(floor for _, floor in state.STATE_FLOORS)
SHIPPED = "models.json"


class ModelsError(ValueError):
    """A models file that cannot be read; the message names the file and the field."""


@dataclass(frozen=True)
class Models:
    """The rise model, and the state models by (floor, horizon in months)."""

    source: str
    rise: Logistic
    states: dict[tuple[float, int], Logistic]

    def state(self, floor: float, horizon: int) -> Logistic:
        return self.states[(floor, horizon)]


def targets() -> list[Target]:
    """Every target a models file holds a model for."""
    return [RISE] + [Target("state", horizon, floor) for floor in FLOORS for horizon in range(1, MAX_HORIZON + 1)]


def fit_models(panel: Panel, source: str) -> Models:
    """Every model fitted on all of the panel's dyad-months with history and a known outcome."""
    counted = features.has_history(panel)
    fitted: dict[Target, Logistic] = {}
    previous = None
    for target in targets():
        y = features.outcome(panel, target)
        train = counted & ~np.isnan(y)
        if not train.any() or y[train].min() == y[train].max():
            raise ModelsError(f"{source}: too little history to fit {target.name}; fit on a store of at least {target.horizon + 2} months")
        start = previous if previous is not None and previous.names == features.names(target) else None
        previous = fitted[target] = model.fit(features.features(panel, target)[train], y[train], features.names(target), start=start)
    return Models(source, fitted[RISE], {(t.floor, t.horizon): m for t, m in fitted.items() if t.kind == "state"})


def write(models: Models, path: Path) -> None:
    """Write the models as JSON: the feature names once, then the numbers of each model."""
    data = {
        "source": models.source,
        "penalty": model.PENALTY,
        "features": {"rise": list(features.RISE_FEATURES), "state": list(features.STATE_FEATURES)},
        "rise": models.rise.to_dict(),
        "states": [
            {"floor": floor, "horizon": horizon, **fitted.to_dict()} for (floor, horizon), fitted in sorted(models.states.items())
        ],
    }
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def read(text: str, name: str) -> Models:
    """The models of a JSON file's text (``name`` is how errors refer to the file)."""
    try:
        data = json.loads(text)
        for kind, expected in (("rise", features.RISE_FEATURES), ("state", features.STATE_FEATURES)):
            if tuple(data["features"][kind]) != expected:
                raise ModelsError(
                    f"{name}: field features.{kind} lists other features than the code computes; "
                    "refit with `detente eval relation-forecast --write-models`"
                )
        rise = Logistic.from_dict(data["rise"], features.RISE_FEATURES)
        states = {(float(row["floor"]), int(row["horizon"])): Logistic.from_dict(row, features.STATE_FEATURES) for row in data["states"]}
    except json.JSONDecodeError as error:
        raise ModelsError(f"{name}, line {error.lineno}: not JSON ({error.msg})") from None
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, ModelsError):
            raise
        raise ModelsError(f"{name}: missing or malformed field ({error})") from None
    missing = [t.name for t in targets() if t.kind == "state" and (t.floor, t.horizon) not in states]
    if missing:
        raise ModelsError(f"{name}: no model for {', '.join(missing[:3])}{' ...' if len(missing) > 3 else ''}; refit with --write-models")
    return Models(str(data.get("source", name)), rise, states)


@lru_cache(maxsize=1)
def shipped() -> Models:
    """The models shipped in the package."""
    path = resources.files("detente.forecast.dyads") / "data" / SHIPPED
    return read(path.read_text(encoding="utf-8"), f"detente/forecast/dyads/data/{SHIPPED}")
