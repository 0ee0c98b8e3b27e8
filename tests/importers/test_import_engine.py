"""What every import shares: transactions, line numbers, progress, settings, and actor ids."""

from __future__ import annotations

import duckdb
import pytest
from builders import ORIGINS, gdelt_row, write

from detente.importers import FORMATS, ImportFailed, import_sources
from detente.importers import engine
from detente.model import Actor
from detente.store.duck import _actor_id


def test_lines_that_are_not_utf8_are_quarantined_and_later_lines_keep_their_numbers(tmp_path, run_import, store):
    path = tmp_path / "mixed.tsv"
    lines = [gdelt_row(1).encode(), gdelt_row(2).encode().replace(b"RUSGOV", b"RUS\xff\xfeGOV"), b"", gdelt_row(4).encode()]
    path.write_bytes(b"\n".join(lines) + b"\n")
    [summary] = run_import("gdelt", path)
    assert (summary.rows, summary.imported, summary.quarantined) == (3, 2, 1)
    [row] = store.quarantine()
    assert (row["line"], row["field"], row["reason"]) == (2, "line", "not valid UTF-8: save the file as UTF-8")
    origins = sorted(origin for _, origin in store.connection.execute(ORIGINS).fetchall())
    assert origins == [f"{path}:1", f"{path}:4"]


def test_a_failure_after_the_rows_were_written_leaves_the_store_as_it_was(tmp_path, run_import, store, monkeypatch):
    run_import("gdelt", write(tmp_path / "first.tsv", [gdelt_row(1)]))
    before = [store.connection.execute(f"SELECT count(*) FROM {t}").fetchall() for t in ("events", "quarantine", "imports", "actors")]
    written = engine._store_staged

    def then_the_disk_fills(*args):
        written(*args)
        raise duckdb.IOException("No space left on device")

    monkeypatch.setattr(engine, "_store_staged", then_the_disk_fills)
    with pytest.raises(ImportFailed, match="second.tsv: the import failed .*No space left on device.*nothing was stored"):
        run_import("gdelt", write(tmp_path / "second.tsv", [gdelt_row(2), gdelt_row(3, code="13y")]))
    after = [store.connection.execute(f"SELECT count(*) FROM {t}").fetchall() for t in ("events", "quarantine", "imports", "actors")]
    assert after == before


def test_progress_rises_to_one_for_each_file(tmp_path, store):
    paths = [write(tmp_path / f"{n}.tsv", [gdelt_row(n * 10 + i) for i in range(3)]) for n in (1, 2)]
    seen: dict[str, list[float]] = {}

    def on_file(source):
        seen[source.label] = []
        return seen[source.label].append

    importer = FORMATS["gdelt"]
    list(import_sources(store, importer, importer.sources(paths), on_file=on_file))
    assert set(seen) == {str(p) for p in paths}
    for fractions in seen.values():
        assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_an_import_leaves_the_connection_settings_as_they_were(tmp_path, run_import, store):
    settings = "SELECT current_setting('memory_limit'), current_setting('disabled_optimizers')"
    before = store.connection.execute(settings).fetchall()
    run_import("gdelt", write(tmp_path / "a.tsv", [gdelt_row(1)]))
    assert store.connection.execute(settings).fetchall() == before


def test_imported_actors_share_the_ids_of_coded_ones(tmp_path, run_import, store):
    run_import("gdelt", write(tmp_path / "a.tsv", [gdelt_row(1)]))
    source, target = store.connection.execute("SELECT source_actor, target_actor FROM events").fetchall()[0]
    assert source == _actor_id(Actor("RUS", "GOV", None, "Russian officials"))
    assert target == _actor_id(Actor("TALIBAN", "INS", None, "the Taliban"))
