"""Per-dyad summaries: what two actors did to each other, by quad class and Goldstein score."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from detente.model import Event

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class DyadSummary:
    """The plain-fact events between two principals (either direction), and the flagged ones apart."""

    dyad: tuple[str, str]
    quad_counts: dict[int, int]
    goldstein_sum: float
    events: tuple[Event, ...]
    flagged: tuple[Event, ...]

    @property
    def goldstein_mean(self) -> float | None:
        return self.goldstein_sum / len(self.events) if self.events else None

    @property
    def net_cooperation(self) -> int:
        """Cooperative minus conflictual events."""
        counts = self.quad_counts
        return counts[1] + counts[2] - counts[3] - counts[4]


def summarize(events: Iterable[Event]) -> list[DyadSummary]:
    """One summary per unordered pair of principals, the most active dyads first.

    Flagged events (negated, hypothetical, alleged) are listed but never counted:
    they did not happen as stated. An event with a side of no known principal (an imported actor
    that maps to none, a coded "?insurgents") belongs to no dyad.
    """
    plain: dict[tuple[str, str], list[Event]] = defaultdict(list)
    flagged: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in events:
        if not event.source.principal or not event.target.principal:
            continue
        dyad = tuple(sorted((event.source.principal, event.target.principal)))
        (plain if event.is_fact else flagged)[dyad].append(event)
    summaries = []
    for dyad in plain.keys() | flagged.keys():
        facts = plain.get(dyad, [])
        counts = {quad: 0 for quad in QUAD_NAMES}
        for event in facts:
            counts[event.quad] += 1
        summaries.append(
            DyadSummary(
                dyad=dyad,
                quad_counts=counts,
                goldstein_sum=round(sum(e.goldstein for e in facts), 2),
                events=tuple(facts),
                flagged=tuple(flagged.get(dyad, [])),
            )
        )
    return sorted(summaries, key=lambda s: (-len(s.events), -len(s.flagged), s.dyad))
