"""How long work tells a front end how far it has gone, without knowing how it is drawn."""

from __future__ import annotations

from typing import Callable

Tick = Callable[[str, int, int], None]
"""Told ``(stage, done, total)`` as work moves on: a stage's first tick has ``done`` 0, its last ``total``."""


def silent(stage: str, done: int, total: int) -> None:
    """The tick of callers that draw no progress bar."""
