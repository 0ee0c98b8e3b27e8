"""The HTTP API over a temporary database: each endpoint, and bad requests that answer 4xx and change nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from detente.ingest import MAX_DOCUMENT_BYTES
from detente.web import create_app

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kabul-embassy.txt"


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> tuple[TestClient, Path, str]:
    """A client over a database holding the bundled example, stored through the API."""
    db = tmp_path_factory.mktemp("web") / "web.duckdb"
    client = TestClient(create_app(db))
    response = client.post("/api/analyze", json={"text": EXAMPLE.read_text(encoding="utf-8"), "date": "2021-09-02", "store": True})
    assert response.status_code == 200, response.text
    return client, db, response.json()["document"]["doc_id"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_analyze_returns_events_mentions_and_the_text_they_point_into():
    client = TestClient(create_app(Path("/nonexistent/never-written.duckdb")))
    response = client.post("/api/analyze", json={"text": "Canada praised Mexico on Monday.", "date": "2023-05-18"})
    body = response.json()
    assert response.status_code == 200 and body["stored"] is False
    [event] = body["events"]
    assert (event["source"]["principal"], event["cameo"], event["target"]["principal"]) == ("CAN", "051", "MEX")
    assert event["date"]["start"] == "2023-05-15"
    text = body["document"]["text"]
    assert [text[m["span"][0] : m["span"][1]] for m in body["mentions"]] == ["Canada", "Mexico"]
    assert text[event["span"][0] : event["span"][1]] == "Canada praised Mexico on Monday."


def test_stored_events_documents_and_csv(stored):
    client, _, doc_id = stored
    events = client.get("/api/events", params={"a": "China", "b": "the Taliban"}).json()["events"]
    assert events and all({e["source"]["principal"], e["target"]["principal"]} == {"CHN", "TALIBAN"} for e in events)
    document = client.get(f"/api/documents/{doc_id}").json()
    assert document["document"]["date"] == "2021-09-02" and len(document["events"]) >= len(events)
    csv = client.get("/api/events", params={"actor": "PAK", "format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    header, *rows = csv.text.strip().splitlines()
    assert "source_principal" in header and rows


def test_upload_a_file(stored, tmp_path):
    client, _, _ = stored
    response = client.post(
        "/api/upload",
        files={"file": ("note.html", b"<html><body><article><p>Peru condemned Chile on Monday.</p></article></body></html>")},
        data={"date": "2023-05-18"},
    )
    assert response.status_code == 200, response.text
    assert [(e["source"]["principal"], e["target"]["principal"]) for e in response.json()["events"]] == [("PER", "CHL")]


@pytest.mark.parametrize(
    "method, url, kwargs, status, words",
    [
        ("post", "/api/analyze", {"json": {"text": ""}}, 422, "text"),
        ("post", "/api/analyze", {"json": {"text": 42}}, 422, "text"),
        ("post", "/api/analyze", {"json": {"text": "Canada praised Mexico.", "date": "2023-02-30"}}, 422, "date"),
        ("post", "/api/analyze", {"json": {"text": "Advertisement", "store": True}}, 422, "no article text"),
        ("post", "/api/upload", {"files": {"file": ("big.txt", b"x" * (MAX_DOCUMENT_BYTES + 1))}, "data": {"store": "true"}}, 413, "10 MB"),
        ("post", "/api/upload", {"files": {"file": ("latin.txt", "Türkiye".encode("latin-1"))}, "data": {"store": "true"}}, 415, "UTF-8"),
        ("get", "/api/events", {"params": {"a": "Narnia", "b": "China"}}, 404, "Narnia"),
        ("get", "/api/events", {"params": {"a": "China"}}, 400, "both a and b"),
        ("get", "/api/events", {"params": {"since": "yesterday"}}, 422, "since"),
        ("get", "/api/events", {"params": {"format": "xml"}}, 422, "format"),
        ("get", "/api/documents/nope", {}, 404, "nope"),
    ],
)
def test_bad_requests_are_4xx_json_and_change_nothing(stored, method, url, kwargs, status, words):
    client, db, _ = stored
    before = digest(db)
    response = getattr(client, method)(url, **kwargs)
    assert response.status_code == status, response.text
    assert words.lower() in response.json()["error"].lower()
    assert digest(db) == before


def test_the_page_and_its_bundled_library_are_served_and_the_schema_documents_the_api(stored):
    client, _, _ = stored
    page = client.get("/")
    assert page.status_code == 200 and "detente" in page.text and "cdn" not in page.text.lower()
    assert client.get("/vendor/echarts.min.js").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/analyze", "/api/upload", "/api/events", "/api/documents/{doc_id}"} <= set(paths)


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> tuple[TestClient, Path]:
    """A client over a database holding a few months of events between China, the Taliban and Pakistan."""
    db = tmp_path_factory.mktemp("history") / "history.duckdb"
    client = TestClient(create_app(db))
    for month in range(1, 9):
        day = f"2021-{month:02d}-15"
        text = "China praised the Taliban. Pakistan welcomed China's support. China met Pakistani envoys."
        assert client.post("/api/analyze", json={"text": f"{text} ({month})", "date": day, "store": True}).status_code == 200
    for day, text in (
        ("2021-03-02", "China's foreign minister met Taliban representatives in Beijing on Monday."),
        ("2021-07-29", "The Taliban promised China security. China hosted a Taliban delegation. Pakistan praised the Taliban."),
    ):
        assert client.post("/api/analyze", json={"text": text, "date": day, "store": True}).status_code == 200
    return client, db


def test_dyad_json_and_csv(history):
    client, _ = history
    body = client.get("/api/dyad", params={"a": "China", "b": "TALIBAN", "by": "month"}).json()
    assert body["dyad"] == ["CHN", "TALIBAN"] and body["names"]["CHN"] == "China"
    assert body["facts"] >= 4 and body["relation"]["state"] in ("ally", "friendly", "neutral", "tense", "hostile")
    assert [p["start"] for p in body["series"]["periods"]][:2] == ["2021-01-01", "2021-02-01"]
    assert body["weighing"] and body["weighing"][0]["event"]["sentence"]
    csv = client.get("/api/dyad", params={"a": "CHN", "b": "TALIBAN", "format": "csv"}).text.splitlines()
    assert csv[0].startswith("start,quad_1,quad_2,quad_3,quad_4") and len(csv) == len(body["series"]["periods"]) + 1


def test_ask(history):
    client, _ = history
    body = client.get("/api/ask", params={"q": "Will China and the Taliban become friends in the next three months?"}).json()
    assert [a["principal"] for a in body["question"]["actors"]] == ["CHN", "TALIBAN"]
    assert body["question"]["horizon_days"] == 90 and body["outlook"]["state"]
    csv = client.get("/api/ask", params={"q": "Will China and the Taliban fight?", "format": "csv"}).text.splitlines()
    assert csv[0].startswith("start,quad_1") and len(csv) >= 2


def test_forecast(history):
    client, _ = history
    body = client.get("/api/forecast", params={"a": "China", "b": "the Taliban", "horizon": 3}).json()
    assert body["dyad"] == ["CHN", "TALIBAN"] and body["names"]["TALIBAN"] == "Taliban"
    assert body["forecast"]["horizon_months"] == 3 and abs(sum(body["forecast"]["states"].values()) - 1) < 1e-3
    assert 0 <= body["forecast"]["rise"]["probability"] <= 1 and body["forecast"]["rise"]["drivers"]


def test_network_json_csv_gexf_and_filters(history):
    client, _ = history
    body = client.get("/api/network").json()
    assert {"CHN", "TALIBAN"} <= set(body["names"]) and body["edges"]
    states = client.get("/api/network", params={"kind": "state"}).json()
    assert all("TALIBAN" not in (e["a"], e["b"]) for e in states["edges"])
    around = client.get("/api/network", params={"actor": "Pakistan"}).json()
    assert around["edges"] and all("PAK" in (e["a"], e["b"]) for e in around["edges"])
    assert client.get("/api/network", params={"region": "europe"}).json()["edges"] == []
    assert client.get("/api/network", params={"format": "csv"}).text.startswith("a,b,sign")
    assert "<gexf" in client.get("/api/network", params={"format": "gexf"}).text


@pytest.mark.parametrize(
    "url, params, status, words",
    [
        ("/api/dyad", {"a": "Narnia", "b": "China"}, 404, "Narnia"),
        ("/api/dyad", {"a": "China", "b": "CHN"}, 400, "same actor"),
        ("/api/dyad", {"a": "China"}, 422, "b"),
        ("/api/dyad", {"a": "China", "b": "Pakistan", "by": "decade"}, 422, "by"),
        ("/api/ask", {"q": "Will it rain tomorrow?"}, 422, "two actors"),
        ("/api/network", {"region": "atlantis"}, 422, "region"),
        ("/api/network", {"on": "tomorrow"}, 422, "on"),
        ("/api/forecast", {"a": "China", "b": "Narnia"}, 404, "Narnia"),
        ("/api/forecast", {"a": "China", "b": "Pakistan", "horizon": 30}, 422, "horizon"),
        ("/api/forecast", {"a": "China", "b": "Pakistan", "horizon": "soon"}, 422, "horizon"),
    ],
)
def test_bad_relation_requests_are_4xx_and_change_nothing(history, url, params, status, words):
    client, db = history
    client.get("/api/dyad", params={"a": "China", "b": "Pakistan"})
    before = digest(db)
    response = client.get(url, params=params)
    assert response.status_code == status, response.text
    assert words.lower() in response.json()["error"].lower()
    assert digest(db) == before
