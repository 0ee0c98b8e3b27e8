"""Forecasting benchmarks: the real ICEWS14 and ICEWS18 folders, and defects in a folder of our own."""

from __future__ import annotations

from datetime import date

import pytest
from builders import write

from detente.importers import FORMATS, SourceError


def test_icews14_imports_every_quadruple_of_every_split(shared, run_import, store):
    summaries = run_import("tkg", shared("tkg", "ICEWS14"))
    assert [(s.file.rsplit("/", 1)[-1], s.rows, s.imported, s.quarantined) for s in summaries] == [
        ("train.txt", 74845, 74845, 0),
        ("valid.txt", 8514, 8514, 0),
        ("test.txt", 7371, 7371, 0),
    ]
    assert {s.dataset for s in summaries} == {"tkg:ICEWS14"}
    span = store.connection.execute("SELECT min(date_start), max(date_start) FROM events").fetchall()
    assert span == [(date(2014, 1, 1), date(2014, 12, 31))], "hours from 2014-01-01, in steps of 24"


def test_entity_names_and_relations_map(shared, run_import, store):
    run_import("tkg", shared("tkg", "ICEWS14", "test.txt"))
    actors = dict(
        store.connection.execute(
            "SELECT DISTINCT e.source_text, e.source_principal || ' ' || coalesce(a.sector, '-') FROM events e "
            "LEFT JOIN actors a ON a.actor_id = e.source_actor WHERE e.source_principal IS NOT NULL"
        ).fetchall()
    )
    assert actors["Military_(Russia)"] == "RUS MIL"
    assert actors["Foreign_Affairs_(Russia)"] == "RUS DIP"
    assert actors["Militant_(Taliban)"] == "TALIBAN INS"
    statements = store.connection.execute(
        "SELECT DISTINCT cameo FROM events WHERE split_part(event_id, ':', 4) = '0'"
    ).fetchall()
    assert statements == [("010",)], "relation 0 is 'Make_statement'"


def test_icews18_counts_hours_from_2018_and_knows_russia_and_the_taliban(shared, run_import, store):
    [summary] = run_import("tkg", shared("tkg", "ICEWS18", "valid.txt"))
    assert (summary.dataset, summary.rows, summary.imported) == ("tkg:ICEWS18", 45995, 45995)
    found = store.connection.execute(
        "SELECT source_text, cameo, target_text, date_start FROM events "
        "WHERE source_principal = 'RUS' AND target_principal = 'TALIBAN' ORDER BY ALL"
    ).fetchall()
    assert found == [
        ("Foreign Affairs (Russia)", "010", "Taliban", date(2018, 9, 19)),
        ("Russia", "036", "Taliban", date(2018, 9, 19)),
    ], "time 6264 is hour 6264 after 2018-01-01: day 261"


def benchmark(tmp_path, name="ICEWS14", train=None):
    folder = tmp_path / name
    folder.mkdir()
    write(folder / "entity2id.txt", ["Government_(Russia)\t0", "Taliban\t1", "Somebody_Unknown\t2"])
    write(folder / "relation2id.txt", ["Make_statement\t0", "Threaten_non-force\t1", "Dance_wildly\t2"])
    write(folder / "train.txt", train or [
        "0\t0\t1\t0\t-1",
        "1\t1\t0\t24",
        "0\t0\t1\t0\t-1",
        "0\t2\t1\t48\t-1",
        "0\t9\t1\t48\t-1",
        "7\t0\t1\t48\t-1",
        "0\t0\t1\t30\t-1",
        "0\t0\t2\t72\t-1",
        "0\t0",
    ])
    return folder


def test_defects_are_quarantined_and_duplicates_merged(tmp_path, run_import, store):
    [summary] = run_import("tkg", benchmark(tmp_path))
    assert (summary.rows, summary.imported, summary.duplicates, summary.quarantined) == (9, 3, 1, 5)
    assert summary.reasons == {"relation": 2, "subject": 1, "time": 1, "line": 1}
    reasons = {row["line"]: row["reason"] for row in store.quarantine()}
    assert reasons[4] == "relation 'Dance_wildly' has no CAMEO code in importers/data/icews_events.tsv"
    assert reasons[7] == "time '30' is not a whole number of days (24 a day) from 2014-01-01"
    found = store.connection.execute(
        "SELECT source_principal, cameo, target_principal, target_text, date_start FROM events ORDER BY date_start"
    ).fetchall()
    assert found == [
        ("RUS", "010", "TALIBAN", "Taliban", date(2014, 1, 1)),
        ("TALIBAN", "131", "RUS", "Government_(Russia)", date(2014, 1, 2)),
        ("RUS", "010", None, "Somebody_Unknown", date(2014, 1, 4)),
    ]


def test_days_are_days_in_benchmarks_counted_in_days(tmp_path, run_import, store):
    run_import("tkg", benchmark(tmp_path, "ICEWS05-15", train=["0\t0\t1\t0", "0\t0\t1\t4016"]))
    dates = store.connection.execute("SELECT date_start FROM events ORDER BY 1").fetchall()
    assert dates == [(date(2005, 1, 1),), (date(2015, 12, 31),)]


def test_an_unknown_benchmark_folder_says_what_to_do(tmp_path):
    folder = benchmark(tmp_path, "MyGraph")
    with pytest.raises(SourceError, match="MyGraph: not a benchmark folder detente knows .*tkg_benchmarks.tsv"):
        FORMATS["tkg"].sources([folder])


def test_a_person_takes_the_role_held_on_each_day(tmp_path, run_import, store):
    """Obama became president on 20 January 2009: out of office before, government after, in one year's file."""
    folder = benchmark(tmp_path, "ICEWS05-15", train=["0\t0\t1\t1465", "0\t0\t1\t1660", "0\t0\t2\t1660"])
    write(folder / "entity2id.txt", ["Barack_Obama\t0", "Government_(Russia)\t1", "Angela_Merkel\t2"])
    run_import("tkg", folder)
    found = store.connection.execute(
        "SELECT e.date_start, e.target_text, e.source_principal, a.sector FROM events e "
        "JOIN actors a ON a.actor_id = e.source_actor ORDER BY ALL"
    ).fetchall()
    assert found == [
        (date(2009, 1, 5), "Government_(Russia)", "USA", "ELI"),
        (date(2009, 7, 19), "Angela_Merkel", "USA", "GOV"),
        (date(2009, 7, 19), "Government_(Russia)", "USA", "GOV"),
    ]
