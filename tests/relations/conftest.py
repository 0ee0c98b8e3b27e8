"""Fixtures for the relation tests: the small world of ``relation_world``, built once."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from relation_world import build

from detente import api
from detente.store import Store
from detente.store.relations import Cells


@pytest.fixture(scope="session")
def world_db(tmp_path_factory) -> Path:
    """The world's store, with its relation aggregates built (tests must not change it)."""
    db = build(tmp_path_factory.mktemp("world"))
    with Store(db) as store:
        api.relation_cells(store)
    return db


@pytest.fixture
def world_copy(world_db, tmp_path) -> Path:
    """A copy of the world's store that a test may change."""
    return Path(shutil.copy(world_db, tmp_path / "world.duckdb"))


@pytest.fixture
def cells(world_db) -> Iterator[Cells]:
    with Store(world_db) as store:
        yield api.relation_cells(store)
