"""`detente eval forecast`: our forecaster on a temporal-knowledge-graph benchmark, beside published figures."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import MofNCompleteColumn, TaskID
from rich.table import Table

from detente.cli.common import FormatOption, OutputFormat, console, elapsed_bars, fail
from detente.forecast import tkg
from detente.forecast.evaluation import SETTINGS, Report, run
from detente.forecast.progress import Tick
from detente.forecast.published import published


class Setting(str, Enum):
    single = "single"
    multi = "multi"
    both = "both"


def forecast(
    dataset: Annotated[Path, typer.Option("--dataset", help="Benchmark folder: train.txt, valid.txt, test.txt and the id maps.")],
    setting: Annotated[Setting, typer.Option(help="single-step (history up to each test day), multi-step (train+valid only), or both.")] = Setting.both,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Fit on valid (and the end of train), rank every test query both ways (time-aware filter, ties averaged): MRR, Hits@1/3/10, time, peak memory so far."""
    try:
        data = tkg.load(dataset)
    except tkg.DatasetError as error:
        fail(str(error))
    chosen = SETTINGS if setting is Setting.both else (setting.value,)
    reports = []
    with StageBars() as bars:
        for name in chosen:
            reports.append(run(data, name, tick=bars.ticker(f"{data.name}, {name}-step: ")))
    if output is OutputFormat.table:
        _print_table(data.name, reports)
        return
    figures = {
        "dataset": data.name,
        "entities": data.num_entities,
        "relations": data.num_relations,
        "results": [_figures(report) for report in reports],
        "published": [{"method": row.method, "venue": row.venue, "needs": row.needs, "mrr": row.mrr} for row in published(data.name)],
    }
    typer.echo(json.dumps(figures, indent=2 if output is OutputFormat.json else None))


class StageBars:
    """A bar on standard error for each stage of a run (reading days, fitting, ranking): a benchmark takes minutes."""

    def __init__(self) -> None:
        self._bars = elapsed_bars(MofNCompleteColumn())
        self._tasks: dict[str, TaskID] = {}

    def __enter__(self) -> StageBars:
        self._bars.start()
        return self

    def __exit__(self, *failure: object) -> None:
        self._bars.stop()

    def ticker(self, prefix: str) -> Tick:
        """A tick that draws each of its stages, named after ``prefix``, as a bar of its own."""

        def tick(stage: str, done: int, total: int) -> None:
            label = prefix + stage
            if label not in self._tasks:
                self._tasks[label] = self._bars.add_task(label, total=total)
            self._bars.update(self._tasks[label], completed=done, total=total)

        return tick


def _figures(report: Report) -> dict:
    return {
        "setting": report.setting,
        "queries": report.metrics.queries,
        "mrr": round(report.metrics.mrr, 2),
        **{f"hits@{k}": round(value, 2) for k, value in report.metrics.hits.items()},
        "fit_seconds": round(report.fit_seconds, 1),
        "seconds": round(report.seconds, 1),
        "peak_memory_mb": round(report.peak_memory_mb),
    }


def _print_table(name: str, reports: list[Report]) -> None:
    table = Table(title=f"Forecasting on {name}: time-aware filtered ranks, both directions, ties averaged (%)")
    for column in ("method", "setting", "MRR", "Hits@1", "Hits@3", "Hits@10", "time", "peak memory"):
        table.add_column(column, justify="left" if column in ("method", "setting") else "right")
    for report in reports:
        metrics = report.metrics
        table.add_row(
            "detente (this machine)",
            f"{report.setting}-step",
            f"{metrics.mrr:.2f}",
            *(f"{metrics.hits[k]:.2f}" for k in (1, 3, 10)),
            f"{report.seconds:.0f} s (fit {report.fit_seconds:.0f} s)",
            f"{report.peak_memory_mb:.0f} MB",
        )
    for row in published(name):
        table.add_row(f"{row.method} ({row.venue})", "single-step", f"{row.mrr:.2f}", "", "", "", row.needs, "")
    console.print(table)
    if not published(name):
        console.print(f"No published figures are listed for {name} (data/published.tsv covers ICEWS14, ICEWS18, ICEWS05-15).")
