"""Shared fixtures: where the data that is not ours lives, and how to skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLE = SHARED / "examples" / "russia-taliban-2021.txt"
EXAMPLE_GOLD = SHARED / "examples" / "russia-taliban-2021.gold.jsonl"


@pytest.fixture
def shared_example() -> tuple[Path, Path]:
    """The real scraped article and its gold events, read from ../shared (never copied here)."""
    if not EXAMPLE.exists() or not EXAMPLE_GOLD.exists():
        pytest.skip(f"the example article is not at {EXAMPLE.parent}: clone the project beside ../shared")
    return EXAMPLE, EXAMPLE_GOLD
