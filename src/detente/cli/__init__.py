"""The `detente` command: a thin Typer + Rich layer over `detente.api`, one module per group of commands."""

from __future__ import annotations

import typer

from detente.cli import actors, articles, dyad_forecasting, evaluate, forecasting, imports, relations, web

app = typer.Typer(
    help="Read the news and code who did what to whom, when — then ask how two actors get along.",
    no_args_is_help=True,
    add_completion=False,
)
app.command()(articles.analyze)
app.command()(articles.events)
app.command("import")(imports.import_)
app.command()(imports.export)
app.add_typer(imports.fetch_app, name="fetch")
app.add_typer(evaluate.app, name="eval")
app.add_typer(actors.app, name="actors")
app.command()(web.serve)
app.command()(relations.dyad)
app.command()(relations.ask)
app.command()(relations.network)
evaluate.app.command("relations")(relations.evaluate_relations)
evaluate.app.command("forecast")(forecasting.forecast)
app.command("forecast")(dyad_forecasting.forecast)
evaluate.app.command("relation-forecast")(dyad_forecasting.evaluate_relation_forecast)

__all__ = ["app"]
