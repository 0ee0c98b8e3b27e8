"""What every `detente` command shares: the console, options, errors and the progress bars."""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from detente import api
from detente.actors.kb import KnowledgeBaseError
from detente.ingest import IngestError, parse_date

console = Console()


class OutputFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


DbOption = Annotated[
    Optional[Path],
    typer.Option("--db", help="DuckDB file (default: $DETENTE_DB, else detente.duckdb here).", show_default=False),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", help="How to print the results.")]


def fail(message: str) -> None:
    """Print a one-line error and exit non-zero."""
    typer.echo(f"detente: error: {message}", err=True)
    raise typer.Exit(1)


def date_option(value: Optional[str], option: str) -> Optional[date]:
    """A YYYY-MM-DD option's value, or a one-line error naming the option."""
    if value is None:
        return None
    try:
        return parse_date(value, option)
    except IngestError as error:
        fail(str(error))


def principal_argument(text: str, which: str) -> str:
    """The principal an actor argument names (a code, name or demonym), or a one-line error saying so."""
    try:
        principal = api.principal_of(text)
    except KnowledgeBaseError as error:
        fail(str(error))
    if principal is None:
        fail(f"{which}: {text!r} is no actor the knowledge base knows; give a code (RUS), a name or a demonym")
    return principal


def progress(total: int) -> Progress:
    """A progress bar on standard error, shown only for work of more than one item."""
    return _bars(MofNCompleteColumn(), TimeRemainingColumn(), disable=total < 2)


def elapsed_bars(done: ProgressColumn) -> Progress:
    """Bars on standard error with the time spent, for stages whose remaining time cannot be estimated;
    ``done`` draws how much of each is done."""
    return _bars(done, TimeElapsedColumn())


def _bars(*columns: ProgressColumn, disable: bool = False) -> Progress:
    """Each task's description and bar on standard error, then ``columns``; gone once the work is done."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        *columns,
        console=Console(stderr=True),
        disable=disable,
        transient=True,
    )
