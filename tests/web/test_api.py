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
