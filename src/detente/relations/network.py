"""The signed network of relations at a date, its triads and structural balance.

An edge joins two principals whose relation rests on at least ``MIN_EVIDENCE`` units of
evidence (as much as the prior: a confidence of one half). Its sign is the sign of its state
(ally and friendly +1, tense and hostile -1, neutral 0) and its weight the score. A triad of
three signed edges is balanced when the product of its signs is positive (the friend of my
friend is my friend, the enemy of my enemy too; Cartwright and Harary). For a dyad, each third
party with signed edges to both implies a sign for it; where the dyad has a sign, each third
party makes it balanced or frustrated. The network's frustration index is the share of its
closed signed triads that are unbalanced.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from collections.abc import Callable

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Iterable, Mapping

import networkx as nx

from detente.relations import state
from detente.relations.state import RelationState
from detente.store import relations as cells_store
from detente.store.relations import Cells

MIN_EVIDENCE = state.PRIOR_DAYS


@dataclass(frozen=True)
class Edge:
    """A relation with enough evidence to stand in the network."""

    a: str
    b: str
    relation: RelationState

    @property
    def sign(self) -> int:
        return self.relation.sign

    def other(self, code: str) -> str:
        return self.b if code == self.a else self.a


@dataclass(frozen=True)
class Triad:
    """Three principals joined by three signed edges."""

    nodes: tuple[str, str, str]
    signs: tuple[int, int, int]

    @property
    def balanced(self) -> bool:
        return self.signs[0] * self.signs[1] * self.signs[2] > 0


@dataclass(frozen=True)
class Frustration:
    """How unbalanced the network is on a day: its unbalanced share of closed signed triads."""

    on: date
    triads: int
    unbalanced: int

    @property
    def index(self) -> float | None:
        return self.unbalanced / self.triads if self.triads else None


@dataclass(frozen=True)
class ThirdParty:
    """A principal with signed relations to both sides of a dyad, and the sign they imply for it."""

    code: str
    with_a: Edge
    with_b: Edge

    @property
    def implies(self) -> int:
        return self.with_a.sign * self.with_b.sign

    @property
    def strength(self) -> float:
        return min(self.with_a.relation.confidence, self.with_b.relation.confidence)


@dataclass(frozen=True)
class Balance:
    """What the third parties of a dyad say about it."""

    dyad: tuple[str, str]
    edge: Edge | None
    parties: tuple[ThirdParty, ...]

    @property
    def favours(self) -> int:
        """+1 when balance favours friendship, -1 enmity, 0 when the third parties cancel out or there are none."""
        pull = sum(party.implies * party.strength for party in self.parties)
        return (pull > 0) - (pull < 0)

    @property
    def balanced(self) -> tuple[ThirdParty, ...]:
        """The third parties whose triad with the dyad is balanced (the dyad must have a sign)."""
        sign = self.edge.sign if self.edge else 0
        return tuple(p for p in self.parties if sign and p.implies == sign)

    @property
    def frustrated(self) -> tuple[ThirdParty, ...]:
        sign = self.edge.sign if self.edge else 0
        return tuple(p for p in self.parties if sign and p.implies == -sign)

    def reasons(self, names: Mapping[str, str] | None = None, limit: int = 3) -> list[str]:
        """The strongest third parties as sentences: "RUS–USA hostile and USA–TALIBAN hostile: balance
        favours RUS–TALIBAN friendly"."""
        a, b = self.dyad
        label = (lambda code: code) if names is None else (lambda code: names.get(code, code))
        lines = []
        for party in sorted(self.parties, key=lambda p: (-p.strength, p.code))[:limit]:
            k = party.code
            verdict = "friendly" if party.implies > 0 else "hostile"
            lines.append(
                f"{label(a)}–{label(k)} {party.with_a.relation.state} and {label(k)}–{label(b)} "
                f"{party.with_b.relation.state}: balance favours {label(a)}–{label(b)} {verdict}"
            )
        return lines


@dataclass(frozen=True)
class SignedNetwork:
    """The relations that stand on ``on``."""

    on: date
    edges: tuple[Edge, ...]

    def edge(self, a: str, b: str) -> Edge | None:
        return self._index.get(frozenset((a, b)))

    def neighbours(self, code: str) -> dict[str, Edge]:
        return {edge.other(code): edge for edge in self.edges if code in (edge.a, edge.b)}

    @cached_property
    def _index(self) -> dict[frozenset[str], Edge]:
        return {frozenset((edge.a, edge.b)): edge for edge in self.edges}

    def graph(self, names: Mapping[str, tuple[str, str]] | None = None) -> nx.Graph:
        """A networkx graph: nodes labelled with (name, kind) from ``names``, edges with weight
        (the score), sign, state, confidence and evidence."""
        graph = nx.Graph()
        for edge in self.edges:
            for code in (edge.a, edge.b):
                if code not in graph:
                    name, kind = (names or {}).get(code, (code, ""))
                    graph.add_node(code, label=name, kind=kind)
            relation = edge.relation
            graph.add_edge(
                edge.a,
                edge.b,
                weight=round(relation.score, 3),
                sign=relation.sign,
                state=relation.state,
                confidence=round(relation.confidence, 3),
                evidence=round(relation.evidence, 2),
            )
        return graph


@lru_cache(maxsize=1)
def regions() -> dict[str, tuple[int, int]]:
    """World regions by COW country code range (``data/regions.tsv``)."""
    path = Path(__file__).parent / "data" / "regions.tsv"
    with path.open(encoding="utf-8") as rows:
        return {
            row["region"]: (int(row["first"]), int(row["last"]))
            for row in csv.DictReader((line for line in rows if not line.startswith("#")), delimiter="\t")
        }


def keep(network: SignedNetwork, wanted: Callable[[str], bool], around: str | None = None) -> SignedNetwork:
    """The relations between principals ``wanted`` accepts, only those of ``around`` if given."""
    edges = tuple(
        edge
        for edge in network.edges
        if wanted(edge.a) and wanted(edge.b) and (around is None or around in (edge.a, edge.b))
    )
    return SignedNetwork(network.on, edges)


def signed_network(
    cells: Cells, on: date, *, dataset: str | None = None, around: Iterable[str] | None = None
) -> SignedNetwork:
    """The network on ``on``; with ``around``, only the edges of those principals."""
    sums = cells_store.sums_at(cells, on, dataset=dataset, around=around)
    relations = state.states_from_sums(on, sums.amount, sums.signed)
    edges = tuple(
        Edge(a, b, relation) for (a, b), relation in zip(sums.dyads, relations) if relation.evidence >= MIN_EVIDENCE
    )
    return SignedNetwork(on, edges)


def triads(network: SignedNetwork) -> list[Triad]:
    """Every closed triad of signed (non-neutral) edges, each once."""
    signed = {frozenset((e.a, e.b)): e.sign for e in network.edges if e.sign}
    neighbours: dict[str, set[str]] = {}
    for pair in signed:
        a, b = sorted(pair)
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    found = []
    for a in sorted(neighbours):
        later = sorted(n for n in neighbours[a] if n > a)
        for i, b in enumerate(later):
            for c in later[i + 1 :]:
                if c in neighbours[b]:
                    signs = (signed[frozenset((a, b))], signed[frozenset((b, c))], signed[frozenset((a, c))])
                    found.append(Triad((a, b, c), signs))
    return found


def frustration(network: SignedNetwork) -> Frustration:
    """The network's closed signed triads and how many are unbalanced."""
    closed = triads(network)
    return Frustration(network.on, len(closed), sum(not t.balanced for t in closed))


def balance(network: SignedNetwork, a: str, b: str) -> Balance:
    """The third parties with signed relations to both ``a`` and ``b``."""
    with_a = {k: e for k, e in network.neighbours(a).items() if e.sign}
    with_b = {k: e for k, e in network.neighbours(b).items() if e.sign}
    parties = tuple(ThirdParty(k, with_a[k], with_b[k]) for k in sorted(with_a.keys() & with_b.keys() - {a, b}))
    return Balance((a, b), network.edge(a, b), parties)


def gexf(network: SignedNetwork, names: Mapping[str, tuple[str, str]] | None = None) -> str:
    """The network as a GEXF document (Gephi's format)."""
    return "\n".join(nx.generate_gexf(network.graph(names)))


@dataclass(frozen=True)
class NetworkView:
    """The network on a day, its frustration, and the frustration at the end of each earlier year."""

    network: SignedNetwork
    frustration: Frustration
    history: tuple[Frustration, ...]


def network_view(cells: Cells, on: date | None = None, *, since: date | None = None, dataset: str | None = None) -> NetworkView:
    """The network on ``on`` (default: the store's last day with facts) and the frustration index
    at the end of each year from ``since`` (default: the store's first year)."""
    first, last = cells_store.date_span(cells, dataset=dataset)
    on = on or last or date.today()
    start = (since or first or on).year
    ends = [date(year, 12, 31) for year in range(start, on.year)]
    history = tuple(frustration(signed_network(cells, end, dataset=dataset)) for end in ends)
    current = signed_network(cells, on, dataset=dataset)
    return NetworkView(current, frustration(current), (*history, frustration(current)))
