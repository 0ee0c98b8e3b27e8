"""The signed network: triads, balance for a dyad, the frustration index, GEXF; and the world's network."""

from __future__ import annotations

import io
from datetime import date

import networkx as nx

from detente.relations import network, state
from detente.relations.network import Edge, SignedNetwork

ON = date(2021, 8, 19)


def edge(a: str, b: str, score: float) -> Edge:
    return Edge(a, b, state.state_from(ON, score, 20.0))


def test_the_enemy_of_my_enemy_balance_favours_friendship():
    found = SignedNetwork(ON, (edge("RUS", "USA", -0.5), edge("TALIBAN", "USA", -0.6), edge("CHN", "RUS", 0.95)))
    balance = network.balance(found, "RUS", "TALIBAN")
    assert balance.edge is None and [p.code for p in balance.parties] == ["USA"]
    assert balance.favours == 1
    assert balance.reasons() == ["RUS–USA hostile and USA–TALIBAN hostile: balance favours RUS–TALIBAN friendly"]


def test_third_parties_make_a_signed_dyad_balanced_or_frustrated():
    found = SignedNetwork(
        ON,
        (
            edge("A", "B", 0.95), edge("A", "C", 0.8), edge("B", "C", 0.8),  # balanced: + + +
            edge("A", "D", 0.8), edge("B", "D", 0.0),  # frustrated for A-B: + -
            edge("A", "E", 0.6), edge("B", "E", 0.95),  # neutral A-E: no sign, no say
        ),
    )
    balance = network.balance(found, "A", "B")
    assert [p.code for p in balance.balanced] == ["C"] and [p.code for p in balance.frustrated] == ["D"]
    assert balance.favours == 0


def test_triads_and_the_frustration_index():
    found = SignedNetwork(
        ON,
        (
            edge("A", "B", 0.95), edge("B", "C", 0.95), edge("A", "C", 0.95),  # + + + balanced
            edge("C", "D", 0.0), edge("A", "D", 0.95),  # A C D: + - + unbalanced
            edge("B", "D", 0.0),  # A B D: + - + unbalanced; B C D: + - - balanced
            edge("D", "E", 0.6),  # neutral: in no signed triad
        ),
    )
    closed = network.triads(found)
    assert sorted(t.nodes for t in closed) == [("A", "B", "C"), ("A", "B", "D"), ("A", "C", "D"), ("B", "C", "D")]
    frustration = network.frustration(found)
    assert (frustration.triads, frustration.unbalanced, frustration.index) == (4, 2, 0.5)
    assert network.frustration(SignedNetwork(ON, ())).index is None


def test_gexf_holds_the_signed_edges_with_names():
    found = SignedNetwork(ON, (edge("RUS", "USA", -0.5), edge("RUS", "CHN", 0.95)))
    text = network.gexf(found, {"RUS": ("Russia", "state")})
    graph = nx.read_gexf(io.BytesIO(text.encode()))
    assert graph.nodes["RUS"]["label"] == "Russia" and graph.nodes["USA"]["label"] == "USA"
    attributes = graph.edges["RUS", "USA"]
    assert attributes["sign"] == -1 and attributes["state"] == "hostile" and float(attributes["weight"]) == -0.5


def test_the_world_on_its_last_day(cells):
    found = network.signed_network(cells, date(2020, 12, 31))
    states = {(e.a, e.b): e.relation.state for e in found.edges}
    assert states[("CHN", "RUS")] == "ally"
    assert states[("RUS", "USA")] == "hostile"
    assert states[("UKR", "USA")] in ("ally", "friendly")
    assert states[("RUS", "UKR")] in ("tense", "hostile")
    balance = network.balance(found, "RUS", "UKR")
    assert [p.code for p in balance.parties] == ["USA"] and balance.favours == -1
    assert [p.code for p in balance.balanced] == ["USA"]


def test_edges_need_evidence(cells):
    early = network.signed_network(cells, date(2019, 1, 3))
    assert all(e.relation.evidence >= network.MIN_EVIDENCE for e in early.edges)
    assert ("RUS", "UKR") not in {(e.a, e.b) for e in early.edges}
