"""A chart of a dyad's relation over time, as a PNG: what they did each period, and the score.

The top panel stacks each period's plain facts by quad class (cooperation up, conflict down);
the bottom one draws the relation score at the end of each period over the bands of the states.
matplotlib is imported here only, with the Agg backend, so that nothing else pays for it.
"""

from __future__ import annotations

from pathlib import Path

from detente.relations import state
from detente.relations.report import DyadReport

_QUAD_COLOURS = {1: "#8fbf8f", 2: "#2e7d32", 3: "#e59a8c", 4: "#b71c1c"}
_QUAD_LABELS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
_STATE_COLOURS = {"ally": "#c8e6c9", "friendly": "#e8f5e9", "neutral": "#f5f5f5", "tense": "#fdecea", "hostile": "#f8c9c4"}


def write_png(report: DyadReport, path: Path, names: tuple[str, str] | None = None) -> None:
    """Draw the report's series and scores into ``path``."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    a, b = names or report.dyad
    periods = report.series.periods
    starts = [p.start for p in periods]
    figure, (counts, scores) = pyplot.subplots(2, 1, sharex=True, figsize=(10, 6), height_ratios=(3, 2))
    try:
        width = _bar_width(report.series.by)
        up = [0] * len(periods)
        down = [0] * len(periods)
        for quad in (1, 2, 3, 4):
            heights = [p.both.quads[quad] for p in periods]
            if quad <= 2:
                counts.bar(starts, heights, width, bottom=up, align="edge", color=_QUAD_COLOURS[quad], label=_QUAD_LABELS[quad])
                up = [u + h for u, h in zip(up, heights)]
            else:
                counts.bar(starts, [-h for h in heights], width, bottom=down, align="edge", color=_QUAD_COLOURS[quad], label=_QUAD_LABELS[quad])
                down = [d - h for d, h in zip(down, heights)]
        counts.axhline(0, color="black", linewidth=0.5)
        counts.set_ylabel(f"events per {report.series.by}")
        counts.legend(loc="upper left", fontsize="small", ncols=2)
        counts.set_title(f"{a} – {b}: {report.relation.state} on {report.on:%Y-%m-%d} (score {report.relation.score:.2f})")
        floors = [floor for _, floor in state.STATE_FLOORS]
        lowest, highest = state.SCORE_RANGE
        bands = zip(("ally", "friendly", "neutral", "tense", "hostile"), [highest, *floors], [*floors, lowest])
        for name, top, bottom in bands:
            scores.axhspan(bottom, top, color=_STATE_COLOURS[name], zorder=0)
            scores.text(0.005, (top + bottom) / 2, name, transform=scores.get_yaxis_transform(), fontsize="x-small", va="center")
        scores.plot([s.on for s in report.states], [s.score for s in report.states], color="black", linewidth=1.2)
        for marked in report.turns:
            scores.axvline(marked.turn.on, color="#555555", linestyle="--", linewidth=0.8)
        scores.set_ylim(lowest, highest)
        scores.set_ylabel("relation score (chance of alliance)")
        figure.tight_layout()
        figure.savefig(path, format="png", dpi=100)
    finally:
        pyplot.close(figure)


def _bar_width(by: str) -> float:
    return {"day": 0.8, "week": 5.6, "month": 24.0, "year": 300.0}[by]
