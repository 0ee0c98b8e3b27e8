"""`detente serve`: the web page and its HTTP API."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn

from detente import api
from detente.cli.common import DbOption, console
from detente.web import create_app


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 to let other machines in.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the page (analyse, dyad, network, ask) and the HTTP API over a database."""
    console.print(f"detente: serving {api.database_path(db)} at http://{host}:{port}/ (API docs at /docs); Ctrl-C stops")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
