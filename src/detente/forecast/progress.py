"""How long work tells a front end how far it has gone, without knowing how it is drawn."""

from __future__ import annotations

from typing import Callable, TypeVar

Done = TypeVar("Done")

Tick = Callable[[str, int, int], None]
"""Told ``(stage, done, total)`` as work moves on: a stage's first tick has ``done`` 0, its last ``total``."""


def silent(stage: str, done: int, total: int) -> None:
    """The tick of callers that draw no progress bar."""


def in_one_step(tick: Tick, stage: str, work: Callable[[], Done]) -> Done:
    """Run ``work`` as a stage of one step, ticked before and after: for work that cannot say how far it is."""
    tick(stage, 0, 1)
    done = work()
    tick(stage, 1, 1)
    return done
