"""How much an event speaks for the relation of two principals, by the sectors that acted.

A meeting of foreign ministers says more about two states than a quarrel between their
fishermen. The weights live in ``data/sectors.tsv`` (described in ``data/README.md``) so that
they can be corrected without touching code; this module reads and checks them.
"""

from __future__ import annotations

from collections.abc import Iterator
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
    for number, (sector, value) in table_rows(path.read_text(encoding="utf-8"), path, ("sector", "weight")):
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


def table_rows(
    text: str, path: Path, header: tuple[str, ...], error: type[WeightsError] = WeightsError
) -> Iterator[tuple[int, list[str]]]:
    """The numbered rows of a relation data file's text after its header, skipping blank lines and
    ``#`` comments; a wrong header or count of fields raises ``error`` naming the file and line."""
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(fields) != header:
                raise error(f"{path}:{number}: the header must be {'<TAB>'.join(header)!r}")
            header_seen = True
            continue
        if len(fields) != len(header):
            raise error(f"{path}:{number}: {len(fields)} tab-separated fields where a row has {len(header)} ({', '.join(header)})")
        yield number, fields
