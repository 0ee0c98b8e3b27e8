"""`detente dyad`, `detente ask`, `detente network` and `detente eval relations`: how actors get along."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich import box
from rich.table import Table

from detente import api
from detente.actors import kb as knowledge
from detente.actors.kb import KnowledgeBaseError
from detente.cli.common import DbOption, console, date_option, fail, principal_argument
from detente.relations.network import NetworkView
from detente.relations.question import QuestionError
from detente.relations.report import Answer, DyadReport
from detente.relations.series import QUADS
from detente.relations.state import LOW_CONFIDENCE, RelationState
from detente.relations.validation import LABELS, MIN_EVENTS, TruthError, Validation
from detente.relations.weights import WeightsError
from detente.store import StoreError

TRUTH = Path("../shared/data/relations")
# The network table lists the edges with the most evidence; JSON and GEXF hold them all.
NETWORK_ROWS = 40


class ReportFormat(str, Enum):
    table = "table"
    json = "json"


class NetworkFormat(str, Enum):
    table = "table"
    json = "json"
    gexf = "gexf"


class Period(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    year = "year"


DatasetOption = Annotated[
    Optional[str], typer.Option(help="Only events of one dataset: coded, gdelt1, icews, tkg:ICEWS05-15, ...")
]
PlotOption = Annotated[Optional[Path], typer.Option("--plot", help="Also write a PNG chart of the series here.")]
ReportFormatOption = Annotated[ReportFormat, typer.Option("--format", help="How to print the answer.")]


def dyad(
    first: Annotated[str, typer.Argument(metavar="A", help="An actor: a code (RUS), name or demonym (Russia, Russians).")],
    second: Annotated[str, typer.Argument(metavar="B", help="The other actor (TALIBAN, \"the Taliban\").")],
    since: Annotated[Optional[str], typer.Option(help="Series from YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Series to, and the relation as of, YYYY-MM-DD (default: the store's last day).")] = None,
    by: Annotated[Period, typer.Option(help="The series' period.")] = Period.month,
    dataset: DatasetOption = None,
    plot: PlotOption = None,
    db: DbOption = None,
    output: ReportFormatOption = ReportFormat.table,
) -> None:
    """Two actors' relation: series, state, trend, turns, balance, where it is heading, and the events that weigh most."""
    since_date, until_date = date_option(since, "--since"), date_option(until, "--until")
    a, b = principal_argument(first, "A"), principal_argument(second, "B")
    if a == b:
        fail(f"{first!r} and {second!r} are both {a}; name two different actors")
    try:
        found = api.dyad(a, b, db=db, by=by.value, since=since_date, until=until_date, dataset=dataset)
    except (StoreError, WeightsError, KnowledgeBaseError) as error:
        fail(str(error))
    _finish(found, None, plot, output)


def ask(
    question: Annotated[str, typer.Argument(help='A question about two actors: "Will Russia and the Taliban become friends?"')],
    dataset: DatasetOption = None,
    plot: PlotOption = None,
    db: DbOption = None,
    output: ReportFormatOption = ReportFormat.table,
) -> None:
    """Answer a question about two actors from everything stored: their state, trend, balance and where it is heading."""
    try:
        answer = api.ask(question, db=db, dataset=dataset)
    except (QuestionError, StoreError, WeightsError, KnowledgeBaseError) as error:
        fail(str(error))
    _finish(answer.report, answer, plot, output)


def network(
    on: Annotated[Optional[str], typer.Option(help="The day, YYYY-MM-DD (default: the store's last day).")] = None,
    since: Annotated[Optional[str], typer.Option(help="The frustration index from this year on (default: the store's first).")] = None,
    dataset: DatasetOption = None,
    db: DbOption = None,
    output: Annotated[NetworkFormat, typer.Option("--format", help="Table, JSON, or GEXF (for Gephi) on standard output.")] = NetworkFormat.table,
) -> None:
    """The signed network of relations on a day: its edges, triads, and how frustrated it is over time."""
    on_date, since_date = date_option(on, "--on"), date_option(since, "--since")
    try:
        view = api.network(db=db, on=on_date, since=since_date, dataset=dataset)
    except (StoreError, WeightsError, KnowledgeBaseError) as error:
        fail(str(error))
    if output is NetworkFormat.gexf:
        typer.echo(api.network_gexf(view.network))
    elif output is NetworkFormat.json:
        typer.echo(json.dumps(api.network_to_dict(view), ensure_ascii=False, indent=2))
    else:
        _print_network(view)


def evaluate_relations(
    truth: Annotated[Path, typer.Option(help="The folder of ATOP alliances, rivalry lists and MID dyad-years.")] = TRUTH,
    min_events: Annotated[int, typer.Option(help="Only dyad-years with at least this many plain facts.")] = MIN_EVENTS,
    since: Annotated[Optional[int], typer.Option(help="Only dyad-years from this year on.")] = None,
    until: Annotated[Optional[int], typer.Option(help="Only dyad-years up to this year.")] = None,
    write_votes: Annotated[
        Optional[Path],
        typer.Option(
            help="Instead, learn the votes of the CAMEO codes and the score's calibration from these dyad-years "
            "and write votes.tsv and calibration.tsv into this folder (how the shipped ones are made)."
        ),
    ] = None,
    dataset: DatasetOption = None,
    db: DbOption = None,
    output: ReportFormatOption = ReportFormat.table,
) -> None:
    """Do our relation states tell allies from rivals? ROC AUC, confusion table and disputes, per state dyad-year."""
    if since is not None and until is not None and since > until:
        fail(f"--since {since} is after --until {until}; give a first year no later than the last")
    try:
        if write_votes is not None:
            if not write_votes.is_dir():
                fail(f"{write_votes}: no such folder; give the folder to write votes.tsv and calibration.tsv into")
            learned = api.learn_relation_votes(
                truth, write_votes, db=db, min_events=min_events, dataset=dataset, since=since, until=until
            )
            console.print(
                f"votes of {len(learned.votes)} CAMEO codes learned from {learned.allied} allied and {learned.rivals} rival dyad-years; "
                f"even odds at a mean vote of {learned.calibration.even:+.4f}, steepness {learned.calibration.steepness:.2f}; "
                f"written to {write_votes}"
            )
            return
        result = api.evaluate_relations(truth, db=db, min_events=min_events, dataset=dataset, since=since, until=until)
    except (TruthError, StoreError, WeightsError, KnowledgeBaseError) as error:
        fail(str(error))
    except OSError as error:
        fail(f"{write_votes}: cannot write the votes ({error.strerror or error})")
    if output is ReportFormat.json:
        typer.echo(json.dumps(_validation_dict(result), indent=2))
    else:
        _print_validation(result)


def _finish(found: DyadReport, answer: Answer | None, plot: Path | None, output: ReportFormat) -> None:
    if plot is not None:
        try:
            api.plot_dyad(found, plot)
        except OSError as error:
            fail(f"{plot}: cannot write the chart ({error.strerror or error})")
    if output is ReportFormat.json:
        typer.echo(json.dumps(api.report_to_dict(found, answer), ensure_ascii=False, indent=2))
    else:
        _print_report(found, answer)
        if plot is not None:
            console.print(f"chart written to {plot}")


def _names() -> dict[str, str]:
    return {code: entity.name for code, entity in knowledge.load().entities.items()}


def _label(code: str, names: dict[str, str]) -> str:
    return f"{names[code]} ({code})" if code in names and names[code] != code else code


def _relation_text(relation: RelationState) -> str:
    sure = " — little evidence" if relation.confidence < LOW_CONFIDENCE else ""
    return f"{relation.state} (score {relation.score:.2f}, confidence {relation.confidence:.2f}{sure})"


def _horizon_text(days: int) -> str:
    if days % 365 == 0:
        years = days // 365
        return f"{years} year" + ("s" if years > 1 else "")
    if days % 30 == 0:
        months = days // 30
        return f"{months} month" + ("s" if months > 1 else "")
    return f"{days} days"


def _print_report(found: DyadReport, answer: Answer | None) -> None:
    names = _names()
    a, b = found.dyad
    if answer is not None:
        asked = answer.question
        understood = ", ".join(f"{m.text!r} → {m.principal}" for m in asked.actors)
        horizon = f"; horizon {asked.horizon_text!r}" if asked.horizon_text else "; no horizon given: one year"
        console.print(f"[bold]{asked.text}[/bold]  [dim]({understood}{horizon})[/dim]")
    scope = f" in {found.dataset}" if found.dataset else ""
    console.print(
        f"[bold]{_label(a, names)} – {_label(b, names)}[/bold] as of {found.on:%Y-%m-%d}: "
        f"{found.facts} plain facts{scope} in the series, {found.flagged} flagged (negated, hypothetical or alleged; not counted)"
    )
    console.print(f"Now: {_relation_text(found.relation)}")
    trend = found.trend
    console.print(f"Trend: {trend.direction} ({trend.change:+.2f} since {trend.before.on:%Y-%m-%d}, when {trend.before.state})")
    heading = found.outlook
    console.print(
        f"Heading, in {_horizon_text(found.horizon_days)} ({heading.on:%Y-%m-%d}): {heading.state} "
        f"(score {heading.score:.2f}) — {heading.note}"
    )
    verdict = answer.verdict if answer is not None else None
    if verdict is not None:
        console.print(f"[bold]Answer: {verdict.text}[/bold]")
    _print_balance(found, names)
    for marked in found.turns:
        turn = marked.turn
        verb = "warmed" if turn.warmed else "cooled"
        console.print(f"Turn on {turn.on:%Y-%m-%d}: {verb} from {turn.before:.2f} to {turn.after:.2f}")
        for event in marked.events:
            console.print(f"    {_event_line(event)}")
    console.print(_series_table(found))
    console.print(weighing_table(found))


def _print_balance(found: DyadReport, names: dict[str, str]) -> None:
    balance = found.balance
    if not balance.parties:
        console.print("Balance: no third party has signed relations with both on that day")
        return
    favours = {1: "friendship", -1: "enmity", 0: "neither (the third parties cancel out)"}[balance.favours]
    count = len(balance.parties)
    summary = f"{count} third part{'y' if count == 1 else 'ies'}; balance favours {favours}"
    if balance.edge is not None and balance.edge.sign:
        summary += f"; {len(balance.balanced)} make the relation balanced, {len(balance.frustrated)} frustrated"
    console.print(f"Balance: {summary}")
    for reason in balance.reasons(names):
        console.print(f"    {reason}")


def _series_table(found: DyadReport) -> Table:
    a, b = found.dyad
    table = Table(
        title=f"{a}–{b} per {found.series.by}: plain facts, and the state at the period's end",
        caption=f"q1 verbal cooperation, q2 material cooperation, q3 verbal conflict, q4 material conflict; "
        f"Goldstein: mean score; net = q1 + q2 - q3 - q4; by side: net of {a}'s acts / of {b}'s; "
        "per 1,000: net per 1,000 events of the two actors",
        box=box.SIMPLE_HEAD,
    )
    for column in ("period", "q1", "q2", "q3", "q4", "Goldstein", "net", "by side", "per 1,000", "state"):
        table.add_column(column, justify="left" if column in ("period", "state") else "right", no_wrap=True)
    fmt = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[found.series.by]
    for period, relation in zip(found.series.periods, found.states):
        counts = period.both
        mean = counts.goldstein_mean
        normalised = period.normalised_net
        table.add_row(
            period.start.strftime(fmt),
            *(str(counts.quads[q]) for q in QUADS),
            "" if mean is None else f"{mean:+.1f}",
            f"{counts.net_cooperation:+d}",
            f"{period.forward.net_cooperation:+d}/{period.backward.net_cooperation:+d}",
            "" if normalised is None else f"{normalised:+.1f}",
            relation.state,
        )
    return table


def weighing_table(found: DyadReport) -> Table:
    """The events that weigh most in the relation's score, with their pull and evidence."""
    table = Table(title="The events that weigh most in today's score", expand=True)
    for column in ("when", "dataset", "event", "weighs", "evidence"):
        table.add_column(column, ratio=1 if column == "evidence" else None, no_wrap=column != "evidence")
    for weighing in found.weighing:
        event = weighing.event
        table.add_row(
            f"{event.date.start:%Y-%m-%d}",
            event.dataset,
            f"{event.source.principal} {event.cameo} {event.target.principal}",
            f"{weighing.pull:+.2f}",
            event.sentence or event.origin or "",
        )
    return table


def _event_line(event) -> str:
    evidence = event.sentence or event.origin or ""
    return f"{event.date.start:%Y-%m-%d} {event.dataset} {event.source.principal} {event.cameo} {event.target.principal}: {evidence}"


def _print_network(view: NetworkView) -> None:
    edges = view.network.edges
    states: dict[str, int] = {}
    for edge in edges:
        states[edge.relation.state] = states.get(edge.relation.state, 0) + 1
    nodes = {code for edge in edges for code in (edge.a, edge.b)}
    current = view.frustration
    index = "—" if current.index is None else f"{current.index:.3f}"
    console.print(
        f"Signed network on {view.network.on:%Y-%m-%d}: {len(nodes)} principals, {len(edges)} relations "
        f"({', '.join(f'{n} {s}' for s, n in sorted(states.items()))}); {current.triads} closed signed triads, "
        f"{current.unbalanced} unbalanced: frustration index {index}"
    )
    history = Table(title="Frustration index (unbalanced share of closed signed triads)")
    for column in ("on", "triads", "unbalanced", "index"):
        history.add_column(column, justify="left" if column == "on" else "right")
    for point in view.history:
        history.add_row(f"{point.on:%Y-%m-%d}", str(point.triads), str(point.unbalanced), "—" if point.index is None else f"{point.index:.3f}")
    console.print(history)
    table = Table(title=f"Relations with the most evidence ({min(NETWORK_ROWS, len(edges))} of {len(edges)}; --format json or gexf for all)")
    for column in ("dyad", "state", "score", "confidence", "evidence"):
        table.add_column(column, justify="left" if column in ("dyad", "state") else "right")
    for edge in sorted(edges, key=lambda e: -e.relation.evidence)[:NETWORK_ROWS]:
        relation = edge.relation
        table.add_row(f"{edge.a}–{edge.b}", relation.state, f"{relation.score:.2f}", f"{relation.confidence:.2f}", f"{relation.evidence:.1f}")
    console.print(table)


def _validation_dict(result: Validation) -> dict:
    hostile, hostile_disputes = result.disputes(("hostile",))
    tense, tense_disputes = result.disputes(("tense",))
    covered, all_disputes = result.disputes(tuple(result.confusion))
    return {
        "min_events": result.min_events,
        "dyad_years": len(result.dyad_years),
        "allied": result.allied,
        "rivalry": result.rivals,
        "auc": None if result.auc is None else round(result.auc, 4),
        "confusion": result.confusion,
        "disputes": {
            "hostile": {"dyad_years": hostile, "with_dispute": hostile_disputes},
            "tense": {"dyad_years": tense, "with_dispute": tense_disputes},
            "all": {"dyad_years": covered, "with_dispute": all_disputes},
        },
    }


def _print_validation(result: Validation) -> None:
    figures = _validation_dict(result)
    auc = "—" if result.auc is None else f"{result.auc:.3f}"
    console.print(
        f"{figures['dyad_years']} state dyad-years with at least {result.min_events} plain facts; "
        f"{result.allied} allied (ATOP defence or offence pact), {result.rivals} in rivalry"
    )
    console.print(f"[bold]ROC AUC, allied vs in rivalry, by relation score: {auc}[/bold]")
    table = Table(title="Our state on the year's last day (rows) against the record (columns)")
    table.add_column("state")
    for label in LABELS:
        table.add_column(label, justify="right")
    for name, row in result.confusion.items():
        table.add_row(name, *(str(row[label]) for label in LABELS))
    console.print(table)
    disputes = figures["disputes"]
    for name in ("hostile", "tense", "all"):
        counted, with_dispute = disputes[name]["dyad_years"], disputes[name]["with_dispute"]
        share = f"{with_dispute / counted:.0%}" if counted else "—"
        console.print(
            f"{name} dyad-years within the dispute data's years: {counted}, with a militarised dispute: {with_dispute} ({share})"
        )
