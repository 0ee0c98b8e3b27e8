"""Shared fixtures: where the data that is not ours lives, and how to skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.actors.kb import HOME

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLE = SHARED / "examples" / "russia-taliban-2021.txt"
EXAMPLE_GOLD = SHARED / "examples" / "russia-taliban-2021.gold.jsonl"


@pytest.fixture
def shared() -> Path:
    """The folder of data that is not ours, beside this checkout (tests skip when what they need is absent)."""
    return SHARED


@pytest.fixture
def shared_example() -> tuple[Path, Path]:
    """The real scraped article and its gold events, read from ../shared (never copied here)."""
    if not EXAMPLE.exists() or not EXAMPLE_GOLD.exists():
        pytest.skip(f"the example article is not at {EXAMPLE.parent}: clone the project beside ../shared")
    return EXAMPLE, EXAMPLE_GOLD


@pytest.fixture(autouse=True, scope="session")
def no_user_actor_data(tmp_path_factory):
    """Point the user's actor data at an empty folder, so that no developer's own actors leak into tests."""
    patch = pytest.MonkeyPatch()
    patch.setenv(HOME, str(tmp_path_factory.mktemp("detente-home")))
    yield
    patch.undo()
