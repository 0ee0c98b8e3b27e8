"""`detente actors search|add|import`: how a name resolves and why, and the user's own actors."""

from __future__ import annotations

import json
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from detente.actors import kb, petrarch, userdata
from detente.actors.kb import Candidate, Explanation
from detente.actors.tables import KnowledgeBaseError, Source
from detente.cli.common import console, date_option, fail

app = typer.Typer(help="Look up how names resolve, and add your own actors.", no_args_is_help=True)


class SearchFormat(str, Enum):
    table = "table"
    json = "json"


class DictionaryFormat(str, Enum):
    petrarch = "petrarch"


IntoOption = Annotated[
    Optional[Path],
    typer.Option("--into", help="Folder of actor data to write to (default: $DETENTE_HOME/actors, else ~/.detente/actors).", show_default=False),
]


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="A name as news writes it: 'Biden', 'the Kremlin', 'Taleban'.", show_default=False)],
    on: Annotated[Optional[str], typer.Option("--on", help="The day, YYYY-MM-DD (default: today).", show_default=False)] = None,
    output: Annotated[SearchFormat, typer.Option("--format", help="How to print the answer.")] = SearchFormat.table,
) -> None:
    """Show what a name means on a day, where the data says so, and what else it could mean."""
    day = date_option(on, "--on") or date.today()
    try:
        explanation = kb.load().explain(text, day)
    except KnowledgeBaseError as error:
        fail(str(error))
    if output is SearchFormat.json:
        typer.echo(json.dumps(_explanation_json(explanation), ensure_ascii=False, indent=2))
    else:
        _print_explanation(explanation)


@app.command()
def add(
    name: Annotated[str, typer.Argument(help="The actor's name as news writes it.", show_default=False)],
    code: Annotated[str, typer.Option("--code", help="Its code: ISO3 for a state, 2-12 capitals for an organisation or group; for a person or a name, the principal's code.", show_default=False)],
    kind: Annotated[str, typer.Option("--kind", help="state, igo, group, person, or name (another name of the principal --code).", show_default=False)],
    sector: Annotated[Optional[str], typer.Option("--sector", help="GOV, MIL, REB, INS, ... (a group may date them: 'INS@..2021-08-15|GOV@2021-08-15..').", show_default=False)] = None,
    country: Annotated[Optional[str], typer.Option("--country", help="A group's home state, ISO3.", show_default=False)] = None,
    start: Annotated[Optional[str], typer.Option("--start", help="First day it holds: YYYY-MM-DD, YYYY-MM or YYYY.", show_default=False)] = None,
    end: Annotated[Optional[str], typer.Option("--end", help="First day it no longer holds.", show_default=False)] = None,
    alias: Annotated[Optional[list[str]], typer.Option("--alias", help="Another name; repeat for several.", show_default=False)] = None,
    role: Annotated[Optional[str], typer.Option("--role", help="A person's title: 'Foreign Minister'.", show_default=False)] = None,
    into: IntoOption = None,
) -> None:
    """Add an actor, a person's role or another name to your own actor data."""
    folder = into or kb.user_folder()
    try:
        day = userdata.parse_day("start", start) or date.today()
        source = userdata.add(
            name, code, kind, sector=sector, country=country, start=start, end=end,
            aliases=alias or (), role=role, folder=folder,
        )
        explanation = kb.load(overlays=[folder]).explain(name, day)
    except KnowledgeBaseError as error:
        fail(str(error))
    console.print(f"added to {source}")
    _print_explanation(explanation)


@app.command("import")
def import_dictionary(
    actors: Annotated[Path, typer.Argument(help="The actors dictionary.", show_default=False)],
    format_: Annotated[DictionaryFormat, typer.Option("--format", help="The dictionary's format.")] = DictionaryFormat.petrarch,
    agents: Annotated[Optional[Path], typer.Option("--agents", help="The agents dictionary that goes with it.", show_default=False)] = None,
    into: IntoOption = None,
) -> None:
    """Import a PETRARCH/TABARI actor (and agent) dictionary into your actor data."""
    folder = into or kb.user_folder()
    for path in (actors, agents):
        if path is not None and not path.is_file():
            fail(f"{path}: no such file; give the {format_.value} dictionary's path")
    try:
        base = kb.load(overlays=[folder] if folder.is_dir() else [])
        imported = petrarch.read(actors, agents, base=base)
        written = imported.write(folder)
    except KnowledgeBaseError as error:
        fail(str(error))
    _print_import(imported, written)


# --- printing ------------------------------------------------------------------------------------


def _where(source: Source) -> str:
    """A source as the user can find it: package files from the package, others as given."""
    try:
        return f"{source.path.relative_to(kb.DATA.parents[1])}, line {source.line}"
    except ValueError:
        return str(source)


def _actor(candidate: Candidate) -> str:
    reference = candidate.reference
    return " ".join(part for part in (reference.principal, reference.sector) if part)


def _span(candidate: Candidate) -> str:
    if candidate.start is None and candidate.end is None:
        return "always"
    return f"{candidate.start or '…'} – {candidate.end or 'now'}"


def _print_explanation(explanation: Explanation) -> None:
    chosen = explanation.chosen
    if chosen is None:
        console.print(f"[bold]{explanation.text}[/] on {explanation.on}: [red]unresolved[/] (no name in the knowledge base fits)")
    else:
        reference = chosen.reference
        named = f" {reference.name}" if reference.name else ""
        console.print(f"[bold]{explanation.text}[/] on {explanation.on} → [bold green]{_actor(chosen)}[/]{named} ({reference.kind}, a {reference.entity_kind})")
        if chosen.role:
            console.print(f"  role: {chosen.role}, {_span(chosen)}")
        console.print(f"  why: {chosen.note}")
        console.print(f"  from: {_where(chosen.source)}")
    if explanation.alternatives:
        table = Table("actor", "name", "role", "when", "why not", "from", title="other meanings")
        for candidate in explanation.alternatives:
            table.add_row(
                _actor(candidate), candidate.reference.name or "", candidate.role or "", _span(candidate),
                candidate.note, _where(candidate.source),
            )
        console.print(table)


def _candidate_json(candidate: Candidate) -> dict:
    reference = candidate.reference
    return {
        "principal": reference.principal,
        "sector": reference.sector,
        "name": reference.name,
        "kind": reference.kind,
        "entity_kind": reference.entity_kind,
        "role": candidate.role,
        "start": candidate.start.isoformat() if candidate.start else None,
        "end": candidate.end.isoformat() if candidate.end else None,
        "holds": candidate.holds,
        "source": {"file": str(candidate.source.path), "line": candidate.source.line},
        "why": candidate.note,
    }


def _explanation_json(explanation: Explanation) -> dict:
    return {
        "text": explanation.text,
        "on": explanation.on.isoformat(),
        "resolved": None if explanation.chosen is None else _candidate_json(explanation.chosen),
        "alternatives": [_candidate_json(candidate) for candidate in explanation.alternatives],
    }


def _print_import(imported: petrarch.Import, written: dict[str, list[Source]]) -> None:
    console.print(
        f"read {imported.read} entries: {imported.written} written, {len(imported.skipped)} skipped "
        f"({imported.layer.name})"
    )
    for file, sources in written.items():
        if sources:
            console.print(f"  {len(sources)} row(s) added to {sources[0].path}")
    already = sum(len(rows) for rows in imported.layer.rows.values()) - sum(len(sources) for sources in written.values())
    if already:
        console.print(f"  {already} row(s) were already there")
    for title, entries in (("skipped", imported.skipped), ("notes", imported.notes)):
        if entries:
            table = Table("file", "line", "entry", "reason", title=title)
            for entry in entries:
                table.add_row(entry.path.name, str(entry.line), entry.phrase, entry.reason)
            console.print(table)
    if imported.overrides:
        table = Table("name", "in detente's data", "now", title="names that now mean something else")
        for override in imported.overrides:
            table.add_row(override.phrase, override.before, override.after)
        console.print(table)
