"""`detente forecast A B` and `detente eval relation-forecast`: will a relation warm or cool?"""

from __future__ import annotations

import json
import re
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
from detente.cli.relations import weighing_table
from detente.forecast.dyads.evaluation import Evaluation, Scores, TargetResult
from detente.forecast.dyads.forecaster import Chance, ForecastReport
from detente.forecast.dyads.models import MAX_HORIZON, ModelsError
from detente.relations.state import LOW_CONFIDENCE
from detente.relations.weights import WeightsError
from detente.store import StoreError

_HORIZON = re.compile(r"(\d+)\s*(m|y)", re.I)
# How many features the table shows for each probability (JSON has them all).
DRIVERS_SHOWN = 5


class Format(str, Enum):
    table = "table"
    json = "json"


FormatChoice = Annotated[Format, typer.Option("--format", help="How to print the result.")]
DatasetOption = Annotated[
    Optional[str], typer.Option(help="Only events of one dataset: coded, icews, tkg:ICEWS05-15, tkg:ICEWS18, ...")
]


def forecast(
    first: Annotated[str, typer.Argument(metavar="A", help="An actor: a code (RUS), name or demonym (Russia, Russians).")],
    second: Annotated[str, typer.Argument(metavar="B", help="The other actor (TALIBAN, \"the Taliban\").")],
    horizon: Annotated[str, typer.Option(help=f"How far ahead the state is forecast: 3m, 12m, 2y (1 to {MAX_HORIZON} months).")] = "12m",
    on: Annotated[Optional[str], typer.Option(help="Forecast as of YYYY-MM-DD (default: the store's last day with facts).")] = None,
    dataset: DatasetOption = None,
    db: DbOption = None,
    output: FormatChoice = Format.table,
) -> None:
    """The chance that two actors' net cooperation rises next month, and of each relation state after the horizon, with what drives them."""
    months = _months(horizon)
    on_date = date_option(on, "--on")
    a, b = principal_argument(first, "A"), principal_argument(second, "B")
    if a == b:
        fail(f"{first!r} and {second!r} are both {a}; name two different actors")
    try:
        found = api.forecast_dyad(a, b, db=db, on=on_date, horizon_months=months, dataset=dataset)
    except (StoreError, WeightsError, KnowledgeBaseError, ModelsError) as error:
        fail(str(error))
    if output is Format.json:
        typer.echo(json.dumps(api.forecast_to_dict(found), ensure_ascii=False, indent=2))
    else:
        _print_forecast(found)


def evaluate_relation_forecast(
    dataset: DatasetOption = None,
    write_models: Annotated[
        Optional[Path],
        typer.Option(help="Instead, fit the models on every month of the store and write them here (how the shipped models are made)."),
    ] = None,
    db: DbOption = None,
    output: FormatChoice = Format.table,
) -> None:
    """Does the relation forecaster beat persistence and each dyad's long-run rate? Brier score and ROC AUC, rolling origin."""
    try:
        if write_models is not None:
            fitted = api.fit_relation_forecast(write_models, db=db, dataset=dataset)
            console.print(f"{1 + len(fitted.states)} models fitted on {fitted.source}, written to {write_models}")
            return
        result = api.evaluate_relation_forecast(db=db, dataset=dataset)
    except (StoreError, WeightsError, KnowledgeBaseError, ModelsError) as error:
        fail(str(error))
    except OSError as error:
        fail(f"{write_models}: cannot write the models ({error.strerror or error})")
    if output is Format.json:
        typer.echo(json.dumps(_evaluation_dict(result), indent=2))
    else:
        _print_evaluation(result)


def _months(text: str) -> int:
    match = _HORIZON.fullmatch(text.strip())
    months = int(match[1]) * (12 if match[2].lower() == "y" else 1) if match else 0
    if not 1 <= months <= MAX_HORIZON:
        fail(f"--horizon: {text!r} is no horizon the forecaster has; give months or years from 1m to {MAX_HORIZON}m (3m, 12m, 2y)")
    return months


def _label(code: str) -> str:
    entity = knowledge.load().entities.get(code)
    return f"{entity.name} ({code})" if entity is not None and entity.name != code else code


def _print_forecast(found: ForecastReport) -> None:
    related = found.report
    a, b = related.dyad
    relation = related.relation
    sure = " — little evidence" if relation.confidence < LOW_CONFIDENCE else ""
    console.print(f"[bold]{_label(a)} – {_label(b)}[/bold] as of {related.on:%Y-%m-%d}")
    console.print(f"Now: {relation.state} (score {relation.score:+.2f}, confidence {relation.confidence:.2f}{sure})")
    predicted = found.forecast
    if predicted is None:
        heading = related.outlook
        console.print(f"[bold]No forecast[/bold]: {found.lacking}.")
        console.print(f"In {related.horizon_days} days ({heading.on:%Y-%m-%d}): {heading.state} (score {heading.score:+.2f}) — {heading.note}")
    else:
        console.print(
            f"This month ({predicted.month_start:%Y-%m-%d} to {predicted.on:%Y-%m-%d}): net cooperation {predicted.net:+d} "
            f"(the month before: {predicted.previous_net:+d})"
        )
        rise = predicted.rise
        console.print(
            f"[bold]Next month's net cooperation higher than this month's: {rise.probability:.0%}[/bold]  "
            f"[dim](persistence: {'yes' if rise.persistence else 'no'}; long-run rate of rises {rise.long_run:.0%})[/dim]"
        )
        console.print(_drivers_table(rise, "What drives the chance of a rise"))
        friendly = predicted.friendly
        chances = ", ".join(f"{name} {chance:.0%}" for name, chance in predicted.states.items())
        console.print(
            f"[bold]Friendly or allied in {predicted.horizon} months ({related.outlook.on:%Y-%m-%d}): {friendly.probability:.0%}[/bold]  "
            f"[dim](persistence: {'yes' if friendly.persistence else 'no'}; long-run share of friendly months {friendly.long_run:.0%})[/dim]"
        )
        console.print(f"Each state then: {chances}; median {predicted.median_state} (score {predicted.median_score:+.2f})")
        console.print(_drivers_table(friendly, "What drives the chance of friendship"))
    balance = related.balance
    if balance.parties:
        favours = {1: "friendship", -1: "enmity", 0: "neither"}[balance.favours]
        console.print(f"Balance of third parties (not a feature of the model): {len(balance.parties)} third parties favour {favours}")
        for reason in balance.reasons({code: _label(code) for code in {p.code for p in balance.parties} | {a, b}}):
            console.print(f"    {reason}")
    console.print(weighing_table(found.report))


def _drivers_table(chance: Chance, title: str) -> Table:
    table = Table(title=title, caption="pushes: the feature's part of the log-odds against the average dyad-month", box=box.SIMPLE_HEAD)
    for column in ("feature", "value", "pushes"):
        table.add_column(column, justify="left" if column == "feature" else "right")
    for driver in chance.drivers[:DRIVERS_SHOWN]:
        table.add_row(driver.feature, f"{driver.value:+.2f}", f"{driver.contribution:+.2f}")
    return table


def _scores_dict(scores: Scores) -> dict:
    return {
        name: None if value is None else round(value, 4)
        for name, value in (("brier", scores.brier), ("auc", scores.auc), ("calibration_error", scores.calibration))
    }


def _evaluation_dict(result: Evaluation) -> dict:
    return {
        "dataset": result.dataset,
        "dyads": result.dyads,
        "months": [result.months[0].isoformat(), result.months[1].isoformat()],
        "targets": [
            {
                "target": r.target.name,
                "horizon_months": r.target.horizon,
                "forecasts": r.forecasts,
                "positives": r.positives,
                "origins": [r.origins[0].isoformat(), r.origins[-1].isoformat()] if r.origins else None,
                "model": _scores_dict(r.model),
                "persistence": _scores_dict(r.persistence),
                "long_run": _scores_dict(r.long_run),
                "beats_both": _beats_both(r),
            }
            for r in result.results
        ],
        "seconds": round(result.seconds, 1),
        "peak_memory_mb": round(result.peak_memory_mb),
    }


def _beats_both(result: TargetResult) -> bool | None:
    """Whether the model has the lower Brier score and the higher AUC than each baseline; None if not measurable."""
    figures = (result.model, result.persistence, result.long_run)
    if any(s.brier is None or s.auc is None for s in figures):
        return None
    return all(result.model.brier < s.brier and result.model.auc > s.auc for s in figures[1:])


TARGET_TEXT = {
    "rise": "net cooperation up next month",
    "friendly+3m": "friendly or allied in 3 months",
    "friendly+12m": "friendly or allied in 12 months",
}


def _print_evaluation(result: Evaluation) -> None:
    scope = f" ({result.dataset})" if result.dataset else ""
    console.print(
        f"Relation forecasts{scope}: {result.dyads:,} dyads, months {result.months[0]:%Y-%m} to {result.months[1]:%Y-%m}; "
        "rolling origin (each month forecast by a model fitted on the outcomes known by then)"
    )
    table = Table(title="Brier score and calibration error (lower is better), ROC AUC (higher is better)")
    for column in ("target", "forecaster", "Brier", "AUC", "calibration"):
        table.add_column(column, justify="left" if column in ("target", "forecaster") else "right")
    for r in result.results:
        label = TARGET_TEXT.get(r.target.name, r.target.name)
        if not r.forecasts:
            table.add_row(label, "none: too few months", "", "", "", end_section=True)
            continue
        about = (label, f"{r.forecasts:,} forecasts, {r.positives / r.forecasts:.0%} true", f"{r.origins[0]:%Y-%m} to {r.origins[-1]:%Y-%m}")
        beats = _beats_both(r)
        rows = (("model" + (", beats both" if beats else ""), r.model), ("persistence", r.persistence), ("long-run rate", r.long_run))
        for i, (who, scores) in enumerate(rows):
            table.add_row(about[i], who, _figure(scores.brier), _figure(scores.auc), _figure(scores.calibration), end_section=i == len(rows) - 1)
    console.print(table)
    console.print(f"{result.seconds:.1f} s, peak memory {result.peak_memory_mb:.0f} MB")


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"
