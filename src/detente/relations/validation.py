"""Do our relation states tell allies from rivals? A check against the political-science record.

The truth is read where it lies (``../shared/data/relations``, never copied): ATOP's alliance
dyad-years (allied = a defence or offence pact), two lists of strategic rivalries (Thompson &
Dreyer to 2010, Thompson–Sakuwa–Suhas to 2020; a dyad-year is in rivalry when either list
says so within the years it covers), and the dyad-years of militarised interstate disputes
(Gibler–Miller–Little). All are keyed by Correlates of War country codes; our principals map
to them through the knowledge base (``Entity.cow``).

Each state dyad-year with at least ``min_events`` plain facts is scored by its relation on the
year's last day. The ROC AUC says how well the score ranks allied dyad-years above rival ones
(dyad-years that are both, or neither, are left out of it and shown in the confusion table).

The same dyad-years are what the votes and the calibration of the score are learned from
(``learn``; ``votes`` says how), on years chosen apart from those they are judged on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

import duckdb
import numpy as np
from scipy.stats import rankdata

from detente.actors.kb import KnowledgeBase
from detente.relations import state, votes
from detente.store import relations as cells_store
from detente.store.relations import Cells

FILES = {
    "alliances": ("atop_alliance.csv", ("ccode1", "ccode2", "year", "atop_defense", "atop_offense")),
    "rivalries (Thompson & Dreyer)": ("td_rivalries.csv", ("ccode1", "ccode2", "styear", "endyear")),
    "rivalries (Thompson, Sakuwa & Suhas)": ("tss_rivalries.csv", ("ccode1", "ccode2", "start", "end")),
    "disputes": ("gml_mid_ddydisps.csv", ("ccode1", "ccode2", "year")),
}
LABELS = ("allied", "rivalry", "both", "neither")
MIN_EVENTS = 20

CowYear = tuple[int, int, int]


class TruthError(ValueError):
    """The reference data is missing or malformed; the message names the file and what to do."""


@dataclass(frozen=True)
class Truth:
    """Dyad-years (lower COW code first) that are allied, in rivalry or in a dispute, and the last
    year each source covers."""

    allied: frozenset[CowYear]
    rivalry: frozenset[CowYear]
    disputes: frozenset[CowYear]
    alliances_until: int
    rivalries_until: int
    disputes_until: int


@dataclass(frozen=True)
class DyadYear:
    """One state dyad-year: our relation on its last day, and what the record says."""

    dyad: tuple[str, str]
    cow: tuple[int, int]
    year: int
    events: int
    score: float
    state: str
    allied: bool
    rivalry: bool
    dispute: bool | None

    @property
    def label(self) -> str:
        if self.allied and self.rivalry:
            return "both"
        return "allied" if self.allied else "rivalry" if self.rivalry else "neither"


@dataclass(frozen=True)
class Validation:
    """How our states line up with the record."""

    dyad_years: tuple[DyadYear, ...]
    min_events: int
    auc: float | None
    confusion: dict[str, dict[str, int]]

    @property
    def allied(self) -> int:
        return sum(d.label == "allied" for d in self.dyad_years)

    @property
    def rivals(self) -> int:
        return sum(d.label == "rivalry" for d in self.dyad_years)

    def disputes(self, states: tuple[str, ...]) -> tuple[int, int]:
        """Of the dyad-years in ``states`` that the dispute data covers: how many, and how many had a dispute."""
        covered = [d for d in self.dyad_years if d.state in states and d.dispute is not None]
        return len(covered), sum(bool(d.dispute) for d in covered)


def read_truth(folder: Path) -> Truth:
    """Read the alliance, rivalry and dispute files of ``folder``."""
    paths = {}
    for what, (name, columns) in FILES.items():
        path = folder / name
        if not path.is_file():
            raise TruthError(f"{path}: no such file ({what}); pass --truth with the folder of the relation data")
        _check_columns(path, columns)
        paths[what] = _sql_path(path)
    con = duckdb.connect()
    alliances, td, tss, disputes = paths.values()
    allied = _dyad_years(
        con,
        f"SELECT ccode1, ccode2, year FROM read_csv({alliances}) WHERE atop_defense = 1 OR atop_offense = 1",
    )
    rivalry = _dyad_years(
        con,
        f"SELECT ccode1, ccode2, unnest(range(styear::INTEGER, endyear::INTEGER + 1)) FROM read_csv({td}) "
        f"UNION ALL SELECT ccode1, ccode2, unnest(range(start::INTEGER, \"end\"::INTEGER + 1)) FROM read_csv({tss})",
    )
    dispute_years = _dyad_years(con, f"SELECT ccode1, ccode2, year FROM read_csv({disputes})")
    [(alliances_until, rivalries_until, disputes_until)] = con.execute(
        f"SELECT (SELECT max(year) FROM read_csv({alliances}))::INTEGER, "
        f"greatest((SELECT max(endyear) FROM read_csv({td})), (SELECT max(\"end\") FROM read_csv({tss})))::INTEGER, "
        f"(SELECT max(year) FROM read_csv({disputes}))::INTEGER"
    ).fetchall()
    return Truth(allied, rivalry, dispute_years, alliances_until, rivalries_until, disputes_until)


def _check_columns(path: Path, columns: tuple[str, ...]) -> None:
    found = {row[0] for row in duckdb.sql(f"DESCRIBE SELECT * FROM read_csv({_sql_path(path)})").fetchall()}
    missing = [column for column in columns if column not in found]
    if missing:
        raise TruthError(f"{path}: no column {', '.join(missing)}; is this the right file?")


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _dyad_years(con: duckdb.DuckDBPyConnection, query: str) -> frozenset[CowYear]:
    rows = con.execute(f"SELECT DISTINCT least(c1, c2)::INTEGER, greatest(c1, c2)::INTEGER, y::INTEGER FROM ({query}) t(c1, c2, y)").fetchall()
    return frozenset(rows)


def validate(
    cells: Cells,
    truth: Truth,
    kb: KnowledgeBase,
    *,
    min_events: int = MIN_EVENTS,
    dataset: str | None = None,
    since: int | None = None,
    until: int | None = None,
) -> Validation:
    """Score every state dyad-year with at least ``min_events`` plain facts, within the years the
    alliance and rivalry data cover (and from ``since`` to ``until``), and compare the scores with the record."""
    dyad_years = _scored(cells, truth, kb, min_events=min_events, dataset=dataset, since=since, until=until)
    confusion = {name: dict.fromkeys(LABELS, 0) for name in reversed(state.STATES)}
    for (name, label), count in Counter((d.state, d.label) for d in dyad_years).items():
        confusion[name][label] = count
    return Validation(dyad_years, min_events, _auc(dyad_years), confusion)


@dataclass(frozen=True)
class Learned:
    """Votes and calibration learned from ``allied`` and ``rivals`` dyad-years."""

    votes: dict[str, votes.Vote]
    calibration: votes.Calibration
    allied: int
    rivals: int


# Rounds of bounding the votes by the even point and recalibrating (it settles in two or three).
_AGREEMENT_ROUNDS = 6


def learn(
    cells: Cells,
    truth: Truth,
    kb: KnowledgeBase,
    rescore: Callable[[dict[str, float]], Cells],
    *,
    min_events: int = MIN_EVENTS,
    dataset: str | None = None,
    since: int | None = None,
    until: int | None = None,
) -> Learned:
    """The votes of every CAMEO code, from the acts of the dyad-years ``validate`` would judge
    that are allied or in rivalry (not both), and the calibration of the scores those votes
    give them. An allied dyad-year with a militarised dispute (Russia and Georgia, 2008) is
    left out: what pact partners do while they fight is not what allies do. The votes are then
    made to agree with the quad classes around the even point (``votes.agreeing_with_quads``) and
    the calibration refitted until the even point settles. ``rescore`` gives the aggregates of
    the same store under other votes."""
    chosen = {
        (*d.dyad, d.year): d.label
        for d in _scored(cells, truth, kb, min_events=min_events, dataset=dataset, since=since, until=until)
        if d.label == "rivalry" or (d.label == "allied" and not d.dispute)
    }
    masses: dict[tuple[str, str, int], list[tuple[str, float]]] = {}
    for a, b, year, code, mass in cells_store.code_masses(cells, dataset=dataset):
        if (a, b, year) in chosen:
            masses.setdefault((a, b, year), []).append((code, mass))
    rows = [
        ("allied" if chosen[key] == "allied" else "rival", code, mass / sum(m for _, m in acts))
        for key, acts in masses.items()
        for code, mass in acts
    ]
    raw = votes.learn(rows)

    def calibrated(learned: dict[str, votes.Vote]) -> tuple[votes.Calibration, np.ndarray]:
        return _calibration(rescore({code: vote.vote for code, vote in learned.items()}), chosen, dataset)

    calibration, found = calibrated(raw)
    for _ in range(_AGREEMENT_ROUNDS):
        learned = votes.agreeing_with_quads(raw, calibration.even)
        again, found = calibrated(learned)
        settled = abs(again.even - calibration.even) < 1e-4
        calibration = again
        if settled:
            break
    return Learned(learned, calibration, int(found.sum()), int((~found).sum()))


def _calibration(rescored: Cells, chosen: dict[tuple[str, str, int], str], dataset: str | None) -> tuple[votes.Calibration, np.ndarray]:
    """The calibration of the chosen dyad-years' scores under the rescored aggregates, and which of them are allied."""
    amount, signed, allied = [], [], []
    for year in sorted({year for _, _, year in chosen}):
        sums = cells_store.sums_at(rescored, date(year, 12, 31), dataset=dataset, among={a for a, _, _ in chosen} | {b for _, b, _ in chosen})
        for dyad, dyad_amount, dyad_signed in zip(sums.dyads, sums.amount, sums.signed):
            label = chosen.get((*dyad, year))
            if label is not None:
                amount.append(dyad_amount)
                signed.append(dyad_signed)
                allied.append(label == "allied")
    found = np.array(allied)
    return votes.calibrate(np.array(amount), np.array(signed), found, state.PRIOR_DAYS), found


def _scored(
    cells: Cells,
    truth: Truth,
    kb: KnowledgeBase,
    *,
    min_events: int,
    dataset: str | None,
    since: int | None,
    until: int | None,
) -> tuple[DyadYear, ...]:
    """The state dyad-years to judge, each with its relation on the year's last day; of two
    principals with the same COW codes (a state and its predecessor), the busier dyad."""
    cow = {code: entity.cow for code, entity in kb.entities.items() if entity.kind == "state" and entity.cow}
    last = min(truth.alliances_until, truth.rivalries_until, until if until is not None else truth.alliances_until)
    first = since if since is not None else 0
    counted = {
        (a, b, year): events
        for a, b, year, events in cells_store.yearly_facts(cells, dataset=dataset)
        if a in cow and b in cow and cow[a] != cow[b] and events >= min_events and first <= year <= last
    }
    best: dict[tuple[int, int, int], DyadYear] = {}
    for year in sorted({year for _, _, year in counted}):
        sums = cells_store.sums_at(cells, date(year, 12, 31), dataset=dataset, among=cow)
        for dyad, score in zip(sums.dyads, state.score_of(sums.signed, sums.amount)):
            events = counted.get((*dyad, year))
            if events is None:
                continue
            first_cow, second_cow = sorted((cow[dyad[0]], cow[dyad[1]]))
            key = (first_cow, second_cow, year)
            found = DyadYear(
                dyad=dyad,
                cow=(first_cow, second_cow),
                year=year,
                events=events,
                score=float(score),
                state=state.state_of(float(score)),
                allied=key in truth.allied,
                rivalry=key in truth.rivalry,
                dispute=key in truth.disputes if year <= truth.disputes_until else None,
            )
            if key not in best or best[key].events < events:
                best[key] = found
    return tuple(sorted(best.values(), key=lambda d: (d.year, d.dyad)))


def _auc(dyad_years: tuple[DyadYear, ...]) -> float | None:
    """ROC AUC of the score for allied (positive) against rival dyad-years, ties counted half."""
    ranked = [(d.score, d.label == "allied") for d in dyad_years if d.label in ("allied", "rivalry")]
    positives = sum(label for _, label in ranked)
    negatives = len(ranked) - positives
    if not positives or not negatives:
        return None
    ranks = rankdata([score for score, _ in ranked])
    positive_ranks = float(np.sum(ranks[[label for _, label in ranked]]))
    return (positive_ranks - positives * (positives + 1) / 2) / (positives * negatives)
