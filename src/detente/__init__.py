"""detente: reads the news and answers whether two actors become friends or enemies.

`detente.analyze(text, date=...)` codes an article's events; `detente.open(path)`
opens a database of stored events. Both load lazily so that importing a single
stage does not load the whole pipeline.
"""

from __future__ import annotations

from typing import Any

__all__ = ["analyze", "open"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from detente import api

        return getattr(api, name)
    raise AttributeError(f"module 'detente' has no attribute {name!r}")
