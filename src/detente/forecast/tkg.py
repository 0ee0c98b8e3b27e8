"""Read a temporal-knowledge-graph benchmark folder: quadruples in integer ids, and the names behind them.

The ICEWS benchmark folders differ in small ways (CRLF line endings, a fifth column, ids padded with
spaces, timestamps counted in hours with a step of 24 or in days); all of them load into the same
layout here, with timestamps renumbered in steps (days), so that recency means the same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from math import gcd
from pathlib import Path

import numpy as np

SPLITS = ("train", "valid", "test")
SUBJECT, RELATION, OBJECT, TIME = range(4)


class DatasetError(ValueError):
    """A benchmark folder that cannot be read; the message names the file, line and field."""


@dataclass(frozen=True)
class Dataset:
    """A benchmark: facts as int64 rows ``(subject, relation, object, time)``, times in steps from 0.

    ``step`` is how many raw time units one step is (24 for files counted in hours).
    """

    name: str
    entities: tuple[str, ...]
    relations: tuple[str, ...]
    train: np.ndarray
    valid: np.ndarray
    test: np.ndarray
    step: int

    @property
    def num_entities(self) -> int:
        return len(self.entities)

    @property
    def num_relations(self) -> int:
        return len(self.relations)


def day_spans(rows: np.ndarray) -> list[tuple[int, int]]:
    """``(begin, end)`` of each day's rows in rows sorted by time."""
    starts = np.flatnonzero(np.r_[True, rows[1:, TIME] != rows[:-1, TIME]]) if len(rows) else np.zeros(0, dtype=np.int64)
    return list(zip(starts.tolist(), np.r_[starts[1:], len(rows)].tolist()))


def load(folder: Path | str) -> Dataset:
    """Read ``train.txt``, ``valid.txt``, ``test.txt``, ``entity2id.txt`` and ``relation2id.txt``."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DatasetError(f"{folder}: no such folder; give a benchmark folder holding train.txt, valid.txt and test.txt")
    entities = _read_names(folder / "entity2id.txt")
    relations = _read_names(folder / "relation2id.txt")
    splits = {split: _read_facts(folder / f"{split}.txt", len(entities), len(relations)) for split in SPLITS}
    times = np.concatenate([facts[:, TIME] for facts in splits.values()])
    step = reduce(gcd, np.unique(times).tolist(), 0) or 1
    for facts in splits.values():
        facts[:, TIME] //= step
    return Dataset(folder.name, entities, relations, splits["train"], splits["valid"], splits["test"], step)


def _read_names(path: Path) -> tuple[str, ...]:
    if not path.exists():
        raise DatasetError(f"{path}: missing; every benchmark folder needs its id map (name<TAB>id per line)")
    names: dict[int, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        name, _, field = line.rpartition("\t")
        try:
            names[int(field)] = name.strip()
        except ValueError:
            raise DatasetError(f"{path}:{number}: the id {field!r} is not an integer; expected name<TAB>id") from None
    missing = sorted(set(range(len(names))) - names.keys())
    if missing:
        raise DatasetError(f"{path}: ids must run from 0 to {len(names) - 1}, but {missing[0]} is missing")
    return tuple(names[i] for i in range(len(names)))


def _read_facts(path: Path, num_entities: int, num_relations: int) -> np.ndarray:
    if not path.exists():
        raise DatasetError(f"{path}: missing; a benchmark folder holds train.txt, valid.txt and test.txt")
    rows = []
    limits = (("subject", num_entities), ("relation", num_relations), ("object", num_entities))
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) < 4:
            raise DatasetError(f"{path}:{number}: expected subject, relation, object and time separated by tabs")
        try:
            row = [int(field) for field in fields[:4]]
        except ValueError:
            field = next(name for name, value in zip(("subject", "relation", "object", "time"), fields) if not value.strip().lstrip("-").isdigit())
            raise DatasetError(f"{path}:{number}: the {field} is not an integer id") from None
        for (field, limit), value in zip(limits, row):
            if not 0 <= value < limit:
                raise DatasetError(f"{path}:{number}: {field} id {value} is outside the id map (0 to {limit - 1})")
        if row[TIME] < 0:
            raise DatasetError(f"{path}:{number}: the time {row[TIME]} is negative")
        rows.append(row)
    if not rows:
        raise DatasetError(f"{path}: no facts; expected lines of subject, relation, object and time")
    return np.array(rows, dtype=np.int64)
