"""`detente import`, `detente export` and `detente fetch gdelt`: event data in and out of the store."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import TaskProgressColumn

from detente import api
from detente.actors.kb import KnowledgeBaseError
from detente.cli.common import DbOption, console, date_option, elapsed_bars, fail
from detente.importers import ImportFailed, ImportSummary, MappingError, Source, SourceError
from detente.importers.fetch import FetchError, RemoteFile
from detente.store import StoreError

fetch_app = typer.Typer(help="Download event data from its publishers.", no_args_is_help=True)


class ImportFormat(str, Enum):
    gdelt = "gdelt"
    icews = "icews"
    polecat = "polecat"
    acled = "acled"
    tkg = "tkg"


class ExportFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"
    gexf = "gexf"


def import_(
    fmt: Annotated[ImportFormat, typer.Argument(metavar="FORMAT", help="gdelt, icews, polecat, acled or tkg.")],
    paths: Annotated[
        list[Path], typer.Argument(help="Files, folders, globs or zip archives (tkg: benchmark folders).", show_default=False)
    ],
    db: DbOption = None,
) -> None:
    """Import event data: every row is imported, merged as a duplicate, or quarantined with its file, line and reason."""
    try:
        files = api.files_to_import(fmt.value, paths)
    except SourceError as error:
        fail(str(error))
    summaries: list[ImportSummary] = []
    try:
        with elapsed_bars(TaskProgressColumn()) as bar:
            overall = bar.add_task("files", total=len(files))

            def on_file(source: Source):
                task = bar.add_task(_short(source.label), total=1.0)
                return lambda fraction: bar.update(task, completed=fraction)

            for summary in api.import_events(fmt.value, paths, db=db, on_file=on_file):
                summaries.append(summary)
                bar.advance(overall)
                console.print(_summary_line(summary))
    except (ImportFailed, StoreError, MappingError, KnowledgeBaseError) as error:
        done = sum(not s.skipped for s in summaries)
        fail(f"{error}" + (f" ({done} file(s) before it were imported and stay)" if done else ""))
    _print_totals(summaries)


def export(
    path: Annotated[Path, typer.Argument(help="The file to write: .csv, .parquet, .jsonl or .gexf.", show_default=False)],
    output: Annotated[
        Optional[ExportFormat], typer.Option("--format", help="Format (default: from the file's suffix).")
    ] = None,
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
) -> None:
    """Export stored events to CSV, Parquet or JSONL, or the signed dyad network to GEXF."""
    since_date, until_date = date_option(since, "--since"), date_option(until, "--until")
    try:
        written = api.export_events(
            path,
            format=output.value if output else None,
            db=db,
            actor=actor.upper() if actor else None,
            dyad=(dyad[0].upper(), dyad[1].upper()) if dyad else None,
            since=since_date,
            until=until_date,
            dataset=dataset,
        )
    except StoreError as error:
        fail(str(error))
    kind = "dyad(s)" if (output and output.value == "gexf") or path.suffix.lower() == ".gexf" else "event(s)"
    console.print(f"{written} {kind} written to {path}")


@fetch_app.command("gdelt")
def fetch_gdelt(
    from_: Annotated[str, typer.Option("--from", help="First day, YYYY-MM-DD.", show_default=False)],
    to: Annotated[str, typer.Option("--to", help="Last day, YYYY-MM-DD.", show_default=False)],
    version: Annotated[int, typer.Option(help="GDELT 1.0 (daily files) or 2.0 (15-minute files).", min=1, max=2)] = 1,
    base_url: Annotated[
        Optional[str], typer.Option(help="A server with GDELT's layout (default: data.gdeltproject.org).")
    ] = None,
    dest: Annotated[Path, typer.Option(help="Folder to download into.")] = Path("gdelt"),
) -> None:
    """Download GDELT event files for a range of days; import them with `detente import gdelt FOLDER`."""
    start, end = date_option(from_, "--from"), date_option(to, "--to")
    try:
        with elapsed_bars(TaskProgressColumn()) as bar:

            def on_file(remote: RemoteFile):
                task = bar.add_task(remote.name, total=1.0)
                return lambda fraction: bar.update(task, completed=fraction)

            fetched = api.fetch_gdelt(start, end, dest, version=version, base_url=base_url, on_file=on_file)
    except FetchError as error:
        fail(str(error))
    if not fetched:
        fail(
            f"GDELT {version}.0 lists no event file for {start} to {end}; "
            "check the dates (1.0 starts in 1979, 2.0 on 2015-02-18)"
        )
    for path in fetched:
        console.print(str(path))
    console.print(f"{len(fetched)} file(s) in {dest}; next: detente import gdelt {dest}")


def _short(label: str) -> str:
    return label if len(label) <= 40 else "…" + label[-39:]


def _summary_line(summary: ImportSummary) -> str:
    if summary.skipped:
        return f"{summary.file}: imported before ({summary.dataset}), unchanged"
    parts = [f"{summary.imported} imported", f"{summary.duplicates} duplicate(s)", f"{summary.quarantined} quarantined"]
    line = f"{summary.file} ({summary.dataset}): {summary.rows} row(s): " + ", ".join(parts)
    if summary.reasons:
        line += " (" + ", ".join(f"{field} {count}" for field, count in summary.reasons.items()) + ")"
    if summary.unmapped:
        top = ", ".join(f"{text} {count}" for text, count in summary.unmapped_top)
        line += f"; {summary.unmapped} actor mention(s) kept unmapped ({top})"
    for number, reason in summary.quarantine_examples:
        line += f"\n  line {number}: {reason}"
    return line


def _print_totals(summaries: list[ImportSummary]) -> None:
    done = [s for s in summaries if not s.skipped]
    if len(summaries) < 2:
        return
    console.print(
        f"{len(summaries)} file(s), {len(summaries) - len(done)} imported before: "
        f"{sum(s.rows for s in done)} row(s), {sum(s.imported for s in done)} imported, "
        f"{sum(s.duplicates for s in done)} duplicate(s), {sum(s.quarantined for s in done)} quarantined, "
        f"{sum(s.unmapped for s in done)} unmapped actor mention(s)"
    )

