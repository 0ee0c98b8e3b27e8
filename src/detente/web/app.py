"""The HTTP API and the page: FastAPI over the same Python facade the command line uses.

Every request opens the database, does one thing and closes it, so the page and the
command line can share a file. A rejected request (too large, wrong types, unknown
actors) answers 4xx with {"error": "..."} before anything is written.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from detente import api
from detente.api import REGIONS
from detente.forecast.dyads.models import MAX_HORIZON
from detente.ingest import MAX_DOCUMENT_BYTES, IngestError, document_from_html, document_from_text, parse_date
from detente.model import Document
from detente.relations.question import QuestionError
from detente.store import StoreError

STATIC = resources.files("detente.web") / "static"


class ApiError(Exception):
    """A request detente refuses, with the HTTP status and a message saying what to change."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_DOCUMENT_BYTES, description="The article as plain text.")
    date: str | None = Field(default=None, description="Publication date, YYYY-MM-DD (default: today).")
    title: str | None = Field(default=None, max_length=1000)
    store: bool = Field(default=False, description="Store the document and its events in the database.")


def create_app(db: str | Path | None = None) -> FastAPI:
    """The web application over the database ``db`` (default: $DETENTE_DB, else detente.duckdb)."""
    path = api.database_path(db)
    app = FastAPI(
        title="detente",
        description="Code news articles into events and ask how two actors get along.",
        version="0.1.0",
    )

    @app.exception_handler(ApiError)
    async def refused(_: Request, error: ApiError) -> JSONResponse:
        return JSONResponse({"error": str(error)}, status_code=error.status)

    @app.exception_handler(RequestValidationError)
    async def malformed(_: Request, error: RequestValidationError) -> JSONResponse:
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"] if part != "body")
        return JSONResponse({"error": f"{where}: {problem['msg']}"}, status_code=422)

    @app.post("/api/analyze", summary="Code an article's events, optionally storing them")
    def analyze(article: ArticleIn) -> dict[str, Any]:
        published = _date(article.date, "date") or date.today()
        document = _read(lambda: document_from_text(article.text, date=published, title=article.title))
        return _analysis(document, article.store, path)

    @app.post("/api/upload", summary="Code an uploaded .txt, .md or .html article, optionally storing it")
    async def upload(
        file: Annotated[UploadFile, File(description="A .txt, .md, .html or .htm article, at most 10 MB.")],
        published: Annotated[str | None, Form(alias="date")] = None,
        store: Annotated[bool, Form()] = False,
    ) -> dict[str, Any]:
        content = await file.read(MAX_DOCUMENT_BYTES + 1)
        name = file.filename or "upload"
        if len(content) > MAX_DOCUMENT_BYTES:
            raise ApiError(413, f"{name}: over the limit of {MAX_DOCUMENT_BYTES:,} bytes (10 MB); split the article")
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ApiError(415, f"{name}: not valid UTF-8 (byte {error.start}); save the file as UTF-8") from None
        day = _date(published, "date") or date.today()
        reader = document_from_html if name.lower().endswith((".html", ".htm")) else document_from_text
        document = _read(lambda: reader(text, date=day, source=name))
        return _analysis(document, store, path)

    @app.get("/api/events", summary="Stored events, filtered; JSON or CSV")
    def events(
        actor: str | None = None,
        a: Annotated[str | None, Query(description="One side of a dyad (with b).")] = None,
        b: str | None = None,
        since: str | None = None,
        until: str | None = None,
        format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",
    ) -> Response:
        if (a is None) != (b is None):
            raise ApiError(400, "a dyad needs both a and b")
        found = _store_query(
            path,
            lambda store: store.events(
                actor=_principal(actor) if actor else None,
                dyad=(_principal(a), _principal(b)) if a and b else None,
                since=_date(since, "since"),
                until=_date(until, "until"),
            ),
        )
        rows = [api.event_to_dict(event) for event in found]
        return _csv(rows, "events.csv") if format == "csv" else JSONResponse({"events": rows})

    @app.get("/api/documents/{doc_id}", summary="A stored document with its events")
    def document(doc_id: str) -> dict[str, Any]:
        found = _store_query(path, lambda store: store.document(doc_id))
        if found is None:
            raise ApiError(404, f"no document {doc_id!r} in {path}; analyse and store it first")
        stored, events = found
        document = {
            "doc_id": stored.doc_id,
            "title": stored.title,
            "date": stored.date.isoformat(),
            "source": stored.source,
            "text": stored.original,
        }
        return {"document": document, "events": [api.event_to_dict(e) for e in events]}

    @app.get("/api/dyad", summary="A dyad's series, state, trend, turns, balance and weightiest events; JSON or CSV")
    def dyad(
        a: str,
        b: str,
        by: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month",
        since: str | None = None,
        until: str | None = None,
        format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",
    ) -> Response:
        first, second = _principal(a), _principal(b)
        if first == second:
            raise ApiError(400, f"{a!r} and {b!r} are the same actor ({first}); give two")
        found = _relations(lambda: api.dyad(first, second, db=path, by=by, since=_date(since, "since"), until=_date(until, "until")))
        result = api.report_to_dict(found) | {"names": _names(found.dyad)}
        if format == "csv":
            return _csv([_period_row(period) for period in result["series"]["periods"]], "dyad.csv")
        return JSONResponse(result)

    @app.get("/api/ask", summary="Answer \"Will X and Y become friends?\" as `detente ask` does; JSON, or CSV for the series")
    def ask(
        q: Annotated[str, Query(min_length=3, max_length=500)],
        format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",
    ) -> Response:
        answer = _relations(lambda: api.ask(q, db=path))
        result = api.report_to_dict(answer.report, answer) | {"names": _names(answer.report.dyad)}
        if format == "csv":
            return _csv([_period_row(period) for period in result["series"]["periods"]], "answer.csv")
        return JSONResponse(result)

    @app.get("/api/forecast", summary="Will net cooperation rise next month, and each state's chance after the horizon, as `detente forecast` does")
    def forecast(a: str, b: str, horizon: Annotated[int, Query(ge=1, le=MAX_HORIZON, description="months")] = 12) -> dict[str, Any]:
        first, second = _principal(a), _principal(b)
        if first == second:
            raise ApiError(400, f"{a!r} and {b!r} are the same actor ({first}); give two")
        found = _relations(lambda: api.forecast_dyad(first, second, db=path, horizon_months=horizon))
        return api.forecast_to_dict(found) | {"names": _names(found.report.dyad)}

    @app.get("/api/network", summary="The signed network on a day, filtered; JSON, CSV or GEXF")
    def network(
        on: str | None = None,
        kind: Annotated[str | None, Query(pattern="^(state|group|igo)$")] = None,
        region: Annotated[str | None, Query(pattern=f"^({'|'.join(REGIONS)})$")] = None,
        actor: str | None = None,
        format: Annotated[str, Query(pattern="^(json|csv|gexf)$")] = "json",
    ) -> Response:
        around = _principal(actor) if actor else None
        view = _relations(lambda: api.network(db=path, on=_date(on, "on")))
        kept = api.filter_network(view.network, kind=kind, region=region, around=around)
        if format == "gexf":
            return Response(api.network_gexf(kept), media_type="application/xml",
                            headers={"Content-Disposition": 'attachment; filename="network.gexf"'})
        result = api.network_to_dict(replace(view, network=kept))
        if format == "csv":
            return _csv(result["edges"], "network.csv")
        return JSONResponse(result | {"names": _names({c for e in kept.edges for c in (e.a, e.b)})})

    app.mount("/", StaticFiles(directory=str(STATIC), html=True), name="page")
    return app


def _relations(query):
    """Run a relation query, turning what the user can fix into 4xx answers."""
    try:
        return query()
    except StoreError as error:
        raise ApiError(404, str(error)) from None
    except QuestionError as error:
        raise ApiError(422, str(error)) from None


def _names(codes) -> dict[str, str]:
    return {code: api.actor_name(code) for code in codes}


def _period_row(period: dict[str, Any]) -> dict[str, Any]:
    return {
        "start": period["start"],
        **{f"quad_{quad}": count for quad, count in period["quads"].items()},
        "goldstein_sum": period["goldstein_sum"],
        "net_cooperation": period["net_cooperation"],
        "state": period["relation"]["state"],
        "score": period["relation"]["score"],
    }


def _analysis(document: Document, store: bool, path: Path) -> dict[str, Any]:
    [analysis] = api.analyze_documents([document])
    stored = False
    if store:
        try:
            with api.open(path) as database:
                stored = database.add(analysis.document, analysis.sentences, analysis.events)
        except StoreError as error:
            raise ApiError(503, str(error)) from None
    return {
        "document": _document(document),
        "events": [api.event_to_dict(event) for event in analysis.events],
        "mentions": [
            {"span": list(document.original_span(start, end)), **api.actor_to_dict(actor)}
            for start, end, actor in analysis.mentions
        ],
        "unresolved": analysis.unresolved,
        "stored": stored,
    }


def _document(document: Document) -> dict[str, Any]:
    return {
        "doc_id": document.doc_id,
        "title": document.title,
        "date": document.date.isoformat() if document.date else None,
        "source": document.source,
        "text": document.original,
    }


def _read(read) -> Document:
    try:
        return read()
    except IngestError as error:
        raise ApiError(422, str(error)) from None


def _date(value: str | None, field: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        return parse_date(value, field)
    except IngestError as error:
        raise ApiError(422, str(error)) from None


def _principal(text: str) -> str:
    """A principal from a code, name or demonym; an unknown actor is a 404 saying so."""
    found = api.principal_of(text)
    if found is None:
        raise ApiError(404, f"{text!r} names no actor detente knows; try a code (RUS), a name or a demonym")
    return found


def _store_query(path: Path, query):
    if not path.exists():
        raise ApiError(404, f"{path}: no database yet; analyse and store an article first")
    try:
        with api.open(path, read_only=True) as store:
            return query(store)
    except StoreError as error:
        raise ApiError(503, str(error)) from None


def _csv(rows: list[dict[str, Any]], name: str) -> Response:
    flat = [_flatten(row) for row in rows]
    buffer = io.StringIO()
    columns = list(flat[0]) if flat else []
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows(flat)
    return Response(
        buffer.getvalue(), media_type="text/csv", headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


def _flatten(row: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, dict):
            flat |= _flatten(value, f"{prefix}{key}_")
        elif isinstance(value, list):
            flat[f"{prefix}{key}"] = " ".join(str(v) for v in value)
        else:
            flat[f"{prefix}{key}"] = value
    return flat
