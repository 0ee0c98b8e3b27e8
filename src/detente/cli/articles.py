"""`detente analyze` and `detente events`: code articles into the store, and query what it holds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from detente import api
from detente.cli.common import DbOption, FormatOption, OutputFormat, console, date_option, fail, progress
from detente.ingest import IngestError, read_paths
from detente.model import Event
from detente.nlp import PipelineMissing
from detente.relations.summary import QUAD_NAMES, DyadSummary
from detente.store import StoreError


def analyze(
    paths: Annotated[list[Path], typer.Argument(help=".txt, .html, .md, .jsonl files or folders.", show_default=False)],
    date_: Annotated[Optional[str], typer.Option("--date", help="Publication date, YYYY-MM-DD.")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="Title of the article.")] = None,
    db: DbOption = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Code the events in news articles, store them, and print them with a per-dyad summary."""
    published = date_option(date_, "--date")
    try:
        documents = read_paths(paths, date=published, title=title)
        store = api.open(db)
    except (IngestError, StoreError) as error:
        fail(str(error))
    events: list[Event] = []
    unresolved: list[str] = []
    stored = 0
    try:
        with store, progress(len(documents)) as bar:
            task = bar.add_task("analysing", total=len(documents))
            for analysis in api.analyze_documents(documents):
                stored += store.add(analysis.document, analysis.sentences, analysis.events)
                events += analysis.events
                unresolved += analysis.unresolved
                bar.advance(task)
    except (StoreError, PipelineMissing) as error:
        fail(str(error))
    _print_events(events, output)
    if output is OutputFormat.table:
        _print_summaries(api.summarize(events))
        skipped = len(documents) - stored
        if unresolved:
            console.print(f"Unresolved names: {', '.join(dict.fromkeys(unresolved))}", markup=False)
        console.print(
            f"{len(documents)} document(s), {len(events)} event(s); stored in {store.path}"
            + (f" ({skipped} already there, unchanged)" if skipped else "")
        )


def events(
    actor: Annotated[Optional[str], typer.Option(help="Only events of this principal (e.g. RUS, TALIBAN).")] = None,
    dyad: Annotated[
        Optional[tuple[str, str]], typer.Option(help="Only events between two principals, either way.")
    ] = None,
    since: Annotated[Optional[str], typer.Option(help="Events ending on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Events starting on or before YYYY-MM-DD.")] = None,
    dataset: Annotated[
        Optional[str], typer.Option(help="Only events of one dataset: coded, gdelt1, gdelt2, icews, tkg:ICEWS14, ...")
    ] = None,
    db: DbOption = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Query the stored events, coded and imported."""
    since_date, until_date = date_option(since, "--since"), date_option(until, "--until")
    try:
        with api.open(db, read_only=True) as store:
            found = store.events(
                actor=actor.upper() if actor else None,
                dyad=(dyad[0].upper(), dyad[1].upper()) if dyad else None,
                since=since_date,
                until=until_date,
                dataset=dataset,
            )
    except StoreError as error:
        fail(str(error))
    _print_events(found, output)
    if output is OutputFormat.table:
        _print_summaries(api.summarize(found))


def _print_events(events: list[Event], output: OutputFormat) -> None:
    if output is OutputFormat.jsonl:
        for event in events:
            typer.echo(json.dumps(api.event_to_dict(event), ensure_ascii=False))
    elif output is OutputFormat.json:
        typer.echo(json.dumps([api.event_to_dict(e) for e in events], ensure_ascii=False, indent=2))
    else:
        console.print(_events_table(events))


# Below this width the evidence sentences would be squeezed into a column a few letters wide.
EVIDENCE_MIN_WIDTH = 120


def _events_table(events: list[Event]) -> Table:
    with_evidence = console.width >= EVIDENCE_MIN_WIDTH
    caption = None if with_evidence else (
        f"Evidence sentences need a terminal {EVIDENCE_MIN_WIDTH} columns wide; or use --format jsonl."
    )
    table = Table(title="Events", show_lines=False, expand=True, caption=caption)
    table.add_column("when", no_wrap=True)
    table.add_column("source")
    table.add_column("event")
    table.add_column("target")
    table.add_column("flags", no_wrap=True)
    table.add_column("dataset", no_wrap=True)
    if with_evidence:
        table.add_column("evidence", ratio=1)
    for event in events:
        row = [
            _when(event),
            _actor(event.source),
            f"{event.cameo} {event.plover}" + (" ⇄" if event.symmetric else ""),
            _actor(event.target),
            _flags(event),
            event.dataset,
        ]
        if with_evidence:
            row.append(event.sentence or event.origin)
        table.add_row(*row, style=None if event.is_fact else "dim")
    return table


def _when(event: Event) -> str:
    start, end = event.date.start, event.date.end
    fmt = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[event.date.precision]
    text = start.strftime(fmt) if start.strftime(fmt) == end.strftime(fmt) else f"{start:{fmt}}–{end:{fmt}}"
    return f"{text}*" if event.date.from_publication_date else text


def _actor(actor) -> str:
    label = " ".join(part for part in (actor.principal, actor.sector) if part)
    if not actor.principal:
        return f"?{actor.text}" if actor.text else ""
    return f"{label} ({actor.name})" if actor.name else label


def _flags(event: Event) -> str:
    return ", ".join(flag for flag in ("negated", "hypothetical", "alleged") if getattr(event, flag))


def _print_summaries(summaries: list[DyadSummary]) -> None:
    if not summaries:
        return
    table = Table(title="Dyads (plain facts only; flagged events counted apart)")
    table.add_column("dyad")
    for name in QUAD_NAMES.values():
        table.add_column(name, justify="right")
    table.add_column("Goldstein sum", justify="right")
    table.add_column("mean", justify="right")
    table.add_column("flagged", justify="right")
    for summary in summaries:
        mean = summary.goldstein_mean
        table.add_row(
            " – ".join(summary.dyad),
            *(str(summary.quad_counts[q]) for q in QUAD_NAMES),
            f"{summary.goldstein_sum:+.1f}",
            "" if mean is None else f"{mean:+.2f}",
            str(len(summary.flagged)),
        )
    console.print(table)
    console.print("[dim]* no date in the text: the publication date[/dim]")
