"""`detente eval ...`: measure detente against test suites and benchmarks."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from detente import api
from detente.cli.common import FormatOption, OutputFormat, console, date_option, fail
from detente.events.evaluation import CoderScore
from detente.events.gold import GoldScore
from detente.events.suites import SuiteError
from detente.ingest import IngestError

app = typer.Typer(help="Measure detente against test suites and benchmarks.", no_args_is_help=True)


class Suite(str, Enum):
    petr_gsr = "petr-gsr"
    petr_validate = "petr-validate"
    plover_gsr = "plover-gsr"
    seed = "seed"


class Show(str, Enum):
    none = "none"
    missed = "missed"
    extra = "extra"
    both = "both"


@app.command()
def coder(
    path: Annotated[Path, typer.Argument(help="The suite file (for seed: the article; its gold file sits beside it).")],
    suite: Annotated[Suite, typer.Option(help="Which suite the file is.")],
    date_: Annotated[Optional[str], typer.Option("--date", help="Publication date of the seed article, YYYY-MM-DD.")] = None,
    show: Annotated[Show, typer.Option(help="List the expected events missed, the extra events output, or both.")] = Show.none,
    actors: Annotated[Optional[Path], typer.Option(help="petr-validate: its actors dictionary (default: beside the records).")] = None,
    agents: Annotated[Optional[Path], typer.Option(help="petr-validate: its agents dictionary (default: beside the records).")] = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Precision, recall and F1 of the coder on a suite, by (source, target, root) and by full code."""
    if not path.exists():
        fail(f"{path}: no such file; give the suite file")
    try:
        if suite is Suite.seed:
            published = date_option(date_, "--date")
            if published is None:
                fail("--date: the seed suite needs the article's publication date, e.g. --date 2021-08-19")
            gold_file = path.with_suffix(".gold.jsonl")
            result = api.score_example(path, gold_file, published)
        else:
            result = api.evaluate_suite(suite.value, path, actors=actors, agents=agents)
    except (SuiteError, IngestError, ValueError) as error:
        fail(str(error))
    if isinstance(result, GoldScore):
        _print_gold(result, output)
    else:
        _print_score(suite.value, result, output, show)


def _print_gold(result: GoldScore, output: OutputFormat) -> None:
    if output is OutputFormat.table:
        typer.echo(result.report())
        return
    typer.echo(
        json.dumps(
            {
                "clear_recall": result.clear_recall,
                "clear_found": result.clear_found,
                "clear_missed": result.clear_missed,
                "must_not_as_fact": result.must_not_plain,
                "plain_precision": result.plain_precision,
                "plain_matched": result.plain_matched,
                "plain_total": result.plain_total,
            }
        )
    )


def _print_score(suite: str, result: CoderScore, output: OutputFormat, show: Show) -> None:
    missed = [(r.record, m) for r in result.results for m in r.missed]
    extra = [(r.record, e) for r in result.results for e in r.extra]
    figures = {
        "suite": suite,
        "records": len(result.results),
        **{
            f"{level}_{name}": round(getattr(agreement, name), 3)
            for level, agreement in (("root", result.roots), ("code", result.codes))
            for name in ("precision", "recall", "f1")
        },
        "expected": result.roots.expected,
        "output": result.roots.output,
        "missed": len(missed),
        "missed_by_reason": result.missed_by_reason(),
        "extra": len(extra),
    }
    if result.plover_compared:
        figures |= {
            "plover_compared": result.plover_compared,
            "plover_type_accuracy": round(result.plover_type_accuracy, 3),
            "plover_quad_accuracy": round(result.plover_quad_accuracy, 3),
        }
    if output is not OutputFormat.table:
        figures["missed_events"] = [
            {
                "record": r.id,
                "source": m.expected.source,
                "target": m.expected.target,
                "code": m.expected.code or m.expected.plover,
                "reason": m.reason,
            }
            for r, m in missed
        ] if show in (Show.missed, Show.both) else []
        figures["extra_events"] = [
            {"record": r.id, "source": e.source.principal, "target": e.target.principal, "code": e.cameo, "trigger": e.trigger}
            for r, e in extra
        ] if show in (Show.extra, Show.both) else []
        typer.echo(json.dumps(figures, indent=2 if output is OutputFormat.json else None))
        return
    table = Table(title=f"Coder on {suite}: {figures['records']} records, {figures['expected']} expected events")
    for column in ("level", "precision", "recall", "F1"):
        table.add_column(column, justify="right" if column != "level" else "left")
    for level in ("root", "code"):
        label = "source, target, root" if level == "root" else "source, target, full code"
        table.add_row(label, *(f"{figures[f'{level}_{name}']:.3f}" for name in ("precision", "recall", "f1")))
    console.print(table)
    console.print(f"{figures['output']} events output; {len(missed)} expected events missed, {len(extra)} extra events")
    if missed:
        reasons = ", ".join(f"{count} {reason}" for reason, count in figures["missed_by_reason"].items() if count)
        console.print(f"missed, by what was output instead: {reasons}")
    if result.plover_compared:
        console.print(
            f"PLOVER type accuracy {result.plover_type_accuracy:.3f}, quad-class accuracy {result.plover_quad_accuracy:.3f}"
            f" on the {result.plover_compared} expected events whose source and target we output"
        )
    if show in (Show.missed, Show.both):
        for record, miss in missed:
            wanted = miss.expected
            typer.echo(
                f"missed {record.id}: {wanted.source} {wanted.code or wanted.plover} {wanted.target} ({miss.reason}) | {record.text}"
            )
    if show in (Show.extra, Show.both):
        for record, event in extra:
            typer.echo(
                f"extra  {record.id}: {event.source.principal} {event.cameo} {event.target.principal} [{event.trigger}] | {record.text}"
            )
