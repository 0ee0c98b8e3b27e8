"""How much each kind of act says about two states being allies or rivals, and how a relation's
acts add up to the chance that it is an alliance.

Rivals talk: most acts between any two states are statements, meetings and negotiations, which
allies and rivals share. Some acts are typical of one or the other: allies praise, share
intelligence, consult and visit more; rivals accuse, threaten, deny, reject and fight. The
**vote** of an act of CAMEO code c is

    vote(c) = (P(c | allied) - P(c | rival)) / (P(c | allied) + P(c | rival))

from -1 (seen only between rivals) to +1 (seen only between allies), 0 when as common between
both; it is 2 P(allied | c) - 1 for a dyad as likely to be allied as in rivalry. P(c | label)
is the share of c (with its sub-codes) among the acts of the dyad-years with that label, each
dyad-year weighing the same, smoothed toward the share of its parent code (4-digit, 3-digit,
root, quad class) with ``SMOOTHING`` dyad-years of prior: a code seen rarely votes as its parent.

The **calibration** turns the mean vote of a relation's evidence into a probability:
``P = 1 / (1 + exp(-steepness * (mean - even)))``, fitted by logistic regression on the same
dyad-years, allied against in rivalry, the two weighing the same. ``even`` is the mean vote at
even odds; it is also the prior value of the score (``state``), so that a relation without
evidence is at even odds.

Both live in ``data/`` (``votes.tsv``, ``calibration.tsv``; ``data/README.md`` says where the
shipped numbers come from), written by ``detente eval relations --write-votes``.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit

from detente.events import ontology
from detente.relations.weights import WeightsError, table_rows

DATA = Path(__file__).parent / "data"
VOTES_FILE = "votes.tsv"
CALIBRATION_FILE = "calibration.tsv"
LABELS = ("allied", "rival")

# Dyad-years of prior pulling a code's share toward its parent's (chosen by leave-dyads-out
# cross-validation on ICEWS05-15 2005-2009; docs/relations.md).
SMOOTHING = 10.0
_ROUNDS = 50


class VotesError(WeightsError):
    """A votes or calibration file is malformed, or votes cannot be learned; the message says
    where and what to do. A kind of ``WeightsError``: both are relation data gone wrong."""


@dataclass(frozen=True)
class Vote:
    """A code's vote, and the dyad-years' worth of its acts among allied and rival dyad-years."""

    vote: float
    allied: float
    rival: float


@dataclass(frozen=True)
class Calibration:
    """The mean vote at even odds, and how fast the odds change around it."""

    even: float
    steepness: float

    def probability(self, mean):
        """P(allied rather than in rivalry) for a mean vote (a number or an array)."""
        return expit(self.steepness * (np.asarray(mean, dtype=np.float64) - self.even))


@lru_cache(maxsize=4)
def load(folder: Path = DATA) -> dict[str, float]:
    """Every CAMEO code's vote, from ``folder/votes.tsv``."""
    path = folder / VOTES_FILE
    votes: dict[str, float] = {}
    for number, fields in _rows(path, ("code", "vote", "allied", "rival")):
        code = fields[0]
        if not ontology.is_code(code):
            raise VotesError(f"{path}:{number}: code {code!r} is not a CAMEO code of events/data/cameo.tsv")
        if code in votes:
            raise VotesError(f"{path}:{number}: code {code!r} has a row already; keep one")
        vote = _number(path, number, "vote", fields[1])
        if not -1.0 <= vote <= 1.0:
            raise VotesError(f"{path}:{number}: vote {fields[1]!r} is not from -1 to 1")
        for name, text in zip(LABELS, fields[2:]):
            if _number(path, number, name, text) < 0:
                raise VotesError(f"{path}:{number}: {name} {text!r} is negative")
        votes[code] = vote
    missing = [code.code for code in ontology.codes() if code.code not in votes]
    if missing:
        raise VotesError(f"{path}: no vote for {', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''}; every CAMEO code needs a row")
    return votes


@lru_cache(maxsize=4)
def load_calibration(folder: Path = DATA) -> Calibration:
    """The calibration of ``folder/calibration.tsv``."""
    path = folder / CALIBRATION_FILE
    found = {}
    for number, (name, value) in _rows(path, ("name", "value")):
        if name not in ("even", "steepness"):
            raise VotesError(f"{path}:{number}: name {name!r} is not 'even' or 'steepness'")
        found[name] = _number(path, number, name, value)
    if set(found) != {"even", "steepness"}:
        raise VotesError(f"{path}: needs a row for 'even' and one for 'steepness'")
    if found["steepness"] <= 0:
        raise VotesError(f"{path}: steepness must be positive (more allied acts, higher odds)")
    return Calibration(found["even"], found["steepness"])


def vote_of(code: str, votes: Mapping[str, float]) -> float:
    """The vote of a code, or of its nearest parent the table has (0 for none)."""
    for prefix in (code, code[:3], code[:2]):
        if prefix in votes:
            return votes[prefix]
    return 0.0


def learn(masses: Iterable[tuple[str, str, float]], smoothing: float = SMOOTHING) -> dict[str, Vote]:
    """Every CAMEO code's vote from ``(label, code, mass)`` rows: ``label`` 'allied' or 'rival',
    ``mass`` the share of a dyad-year's weighed acts of that code (each dyad-year's sum to 1)."""
    counts = {label: Counter() for label in LABELS}
    for label, code, mass in masses:
        if not ontology.is_code(code):
            continue
        for node in _lineage(code):
            counts[label][node] += mass
    totals = {label: sum(mass for node, mass in counts[label].items() if node.startswith("q")) for label in LABELS}
    if not all(totals.values()):
        raise VotesError("votes need acts of both allied and rival dyad-years; choose years and a store that have both")
    found = {}
    for entry in ontology.codes():
        share = {label: _share(counts[label], totals[label], entry.code, smoothing) for label in LABELS}
        vote = (share["allied"] - share["rival"]) / (share["allied"] + share["rival"])
        found[entry.code] = Vote(vote, counts["allied"][entry.code], counts["rival"][entry.code])
    return found


def agreeing_with_quads(learned: Mapping[str, Vote], even: float) -> dict[str, Vote]:
    """The votes bounded by the even point so that they agree with CAMEO's quad classes: a
    cooperative act (quad class 1 or 2) never counts as evidence of rivalry, nor a conflictual one
    (3 or 4) as evidence of alliance. Aid, concessions and ceasefires are as common between rivals
    as between allies in the record, but an analyst reading "China sent aid to Pakistan" should
    never see the relation cool for it; such an act says nothing rather than the opposite."""
    bounded = {}
    for code, vote in learned.items():
        cooperative = ontology.quad_class(code[:2]) <= 2
        value = max(vote.vote, even) if cooperative else min(vote.vote, even)
        bounded[code] = Vote(value, vote.allied, vote.rival)
    return bounded


def calibrate(amount: np.ndarray, signed: np.ndarray, allied: np.ndarray, prior_days: float) -> Calibration:
    """The calibration of dyad-years with these recency-weighted sums (``allied`` True for allied,
    False for in rivalry) under ``prior_days`` of prior. The prior sits at the even point, which
    moves the scores, so fit and prior are iterated until the even point settles."""
    weights = np.where(allied, 0.5 / allied.mean(), 0.5 / (1 - allied.mean()))
    sign = np.where(allied, 1.0, -1.0)
    even, steepness = 0.0, 1.0
    for _ in range(_ROUNDS):
        mean = (signed + prior_days * even) / (amount + prior_days)

        def loss(theta, mean=mean):
            return float(np.sum(weights * np.logaddexp(0.0, -sign * theta[1] * (mean - theta[0]))))

        found = minimize(loss, [even, steepness], method="Nelder-Mead", options={"xatol": 1e-6, "fatol": 1e-9})
        moved = abs(found.x[0] - even)
        even, steepness = float(found.x[0]), float(found.x[1])
        if moved < 1e-5:
            break
    return Calibration(even, steepness)


def write(folder: Path, votes: Mapping[str, Vote], calibration: Calibration, provenance: str) -> None:
    """Write ``votes.tsv`` and ``calibration.tsv`` into ``folder``, each headed by ``provenance``."""
    head = f"# {provenance}\n"
    rows = "".join(f"{code}\t{v.vote:.4f}\t{v.allied:.3f}\t{v.rival:.3f}\n" for code, v in votes.items())
    (folder / VOTES_FILE).write_text(f"{head}code\tvote\tallied\trival\n{rows}", encoding="utf-8")
    (folder / CALIBRATION_FILE).write_text(
        f"{head}name\tvalue\neven\t{calibration.even:.4f}\nsteepness\t{calibration.steepness:.3f}\n", encoding="utf-8"
    )


def _lineage(code: str) -> list[str]:
    """The code, its parents up to its root, and its quad class (``q1`` to ``q4``)."""
    return [code[:length] for length in range(len(code), 1, -1)] + [f"q{ontology.quad_class(code[:2])}"]


def _share(counts: Counter, total: float, node: str, smoothing: float) -> float:
    """P(node) smoothed toward P(parent), from the quad class down."""
    lineage = _lineage(node)
    share = (counts[lineage[-1]] + smoothing / 4) / (total + smoothing)
    for ancestor in reversed(lineage[:-1]):
        share = (counts[ancestor] + smoothing * share) / (total + smoothing)
    return share


def _rows(path: Path, header: tuple[str, ...]) -> Iterable[tuple[int, list[str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise VotesError(f"{path}: cannot read ({error.strerror or error}); write it with `detente eval relations --write-votes`") from None
    return table_rows(text, path, header, VotesError)


def _number(path: Path, number: int, name: str, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise VotesError(f"{path}:{number}: {name} {text!r} is not a number")
    return value
