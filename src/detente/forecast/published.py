"""Published figures to compare with, read from ``data/published.tsv``."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

FILE = "published.tsv"
COLUMNS = ("method", "venue", "needs", "dataset", "mrr")


@dataclass(frozen=True)
class Published:
    """One published time-aware filtered MRR (%) on one dataset."""

    method: str
    venue: str
    needs: str
    dataset: str
    mrr: float


def published(dataset: str | None = None) -> list[Published]:
    """Every published figure, or those for one dataset folder name, best first."""
    path = files("detente.forecast").joinpath("data", FILE)
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != COLUMNS:
        raise ValueError(f"{FILE}:1: the header must be {' '.join(COLUMNS)} separated by tabs")
    rows = []
    for number, line in enumerate(lines[1:], 2):
        fields = line.split("\t")
        if len(fields) != len(COLUMNS):
            raise ValueError(f"{FILE}:{number}: expected {len(COLUMNS)} tab-separated fields, found {len(fields)}")
        try:
            mrr = float(fields[4])
        except ValueError:
            raise ValueError(f"{FILE}:{number}: mrr {fields[4]!r} is not a number") from None
        rows.append(Published(*fields[:4], mrr))
    chosen = [row for row in rows if dataset is None or row.dataset == dataset]
    return sorted(chosen, key=lambda row: -row.mrr)
