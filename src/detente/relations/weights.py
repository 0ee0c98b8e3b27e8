"""How much an event speaks for the relation of two principals, by the sectors that acted.

A meeting of foreign ministers says more about two states than a quarrel between their
fishermen. The weights live in ``data/sectors.tsv`` (described in ``data/README.md``) so that
they can be corrected without touching code; this module reads and checks them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from detente.actors import kb

DATA_FILE = Path(__file__).parent / "data" / "sectors.tsv"

# The row for an actor without a sector, and the row for every sector not listed.
NO_SECTOR = "-"
OTHER_SECTORS = "*"


class WeightsError(ValueError):
    """The sector weights file is malformed; the message names the file, line and field."""


@dataclass(frozen=True)
class SectorWeights:
    """The weight of each sector acting for a state, and of the sectors not listed."""

    weights: dict[str, float]
    other: float

    def of(self, sector: str | None) -> float:
        return self.weights.get(sector or NO_SECTOR, self.other)


@lru_cache(maxsize=4)
def load(path: Path = DATA_FILE) -> SectorWeights:
    """Read and check a sector weights file (``data/sectors.tsv`` unless another is given)."""
    known = kb.load().sector_codes | {NO_SECTOR, OTHER_SECTORS}
    weights: dict[str, float] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if fields != ["sector", "weight"]:
                raise WeightsError(f"{path}:{number}: the header must be 'sector<TAB>weight'")
            header_seen = True
            continue
        if len(fields) != 2:
            raise WeightsError(f"{path}:{number}: {len(fields)} tab-separated fields where a row has 2 (sector, weight)")
        sector, value = fields
        if sector not in known:
            raise WeightsError(
                f"{path}:{number}: sector {sector!r} is not in actors/data/sectors.tsv; use one of its codes, '-' or '*'"
            )
        if sector in weights:
            raise WeightsError(f"{path}:{number}: sector {sector!r} has a row already; keep one")
        try:
            weight = float(value)
        except ValueError:
            weight = -1.0
        if not 0.0 <= weight <= 1.0:
            raise WeightsError(f"{path}:{number}: weight {value!r} is not a number from 0 to 1")
        weights[sector] = weight
    if OTHER_SECTORS not in weights:
        raise WeightsError(f"{path}: no '*' row; add one giving the weight of the sectors not listed")
    other = weights.pop(OTHER_SECTORS)
    return SectorWeights(weights, other)
