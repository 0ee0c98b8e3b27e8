"""ICEWS: the real sample, every row accounted for, and the known defects on files of our own."""

from __future__ import annotations

from datetime import date

import pytest
from builders import ICEWS_HEADER, icews_row, write

from detente.importers import ImportFailed


def test_sample_imports_every_row(shared, run_import, store):
    [summary] = run_import("icews", shared("formats", "icews_events_2018_sample200.tab"))
    assert (summary.dataset, summary.rows, summary.imported, summary.duplicates, summary.quarantined) == (
        "icews", 200, 200, 0, 0,
    )
    assert dict(summary.unmapped_top)["Unspecified Actor"] == 4
    kept_raw = store.connection.execute(
        "SELECT count(*) FILTER (source_principal IS NULL AND source_text IS NOT NULL) "
        "+ count(*) FILTER (target_principal IS NULL AND target_text IS NOT NULL) FROM events"
    ).fetchall()
    assert kept_raw == [(summary.unmapped,)]
    intensity = store.connection.execute(
        "SELECT dataset_goldstein FROM events WHERE event_id = 'icews:32889836:2018-06-01'"
    ).fetchall()
    assert intensity == [(1.0,)]


def test_names_with_sectors_and_countries_map_onto_the_knowledge_base(shared, run_import, store):
    run_import("icews", shared("formats", "icews_events_2018_sample200.tab"))
    actors = dict(
        store.connection.execute(
            "SELECT DISTINCT e.source_text, e.source_principal || ' ' || coalesce(a.sector, '-') "
            "FROM events e LEFT JOIN actors a ON a.actor_id = e.source_actor WHERE e.source_principal IS NOT NULL"
        ).fetchall()
    )
    assert actors["Foreign Affairs (Bangladesh)"] == "BGD DIP"
    assert actors["Foreign Affairs (Palestinian Territory, Occupied)"] == "PSE DIP"
    assert actors["Government (China)"] == "CHN GOV"
    assert actors["Police (India)"] == "IND COP"
    assert actors["Taliban"].startswith("TALIBAN")
    assert actors["Japan"] == "JPN -"


def test_ids_repeat_across_yearly_files_and_are_unique_with_their_date(tmp_path, run_import, store):
    header = [ICEWS_HEADER]
    older = write(tmp_path / "events.2017.tab", header + [icews_row("100", "1/5/2017"), icews_row("101", "12/31/2017")])
    newer = write(tmp_path / "events.2018.tab", header + [icews_row("100", "2018-03-02"), icews_row("101", "2017-12-31")])
    one, two = run_import("icews", older, newer)
    assert (one.imported, two.imported, two.duplicates) == (2, 1, 1)
    keys = store.connection.execute("SELECT event_id, date_start FROM events ORDER BY date_start").fetchall()
    assert keys == [
        ("icews:100:2017-01-05", date(2017, 1, 5)),
        ("icews:101:2017-12-31", date(2017, 12, 31)),
        ("icews:100:2018-03-02", date(2018, 3, 2)),
    ]


def test_invalid_codes_and_fully_duplicated_rows(tmp_path, run_import, store):
    rows = [
        icews_row("1", "2018-06-01"),
        icews_row("1", "2018-06-01"),
        icews_row("2", "2018-06-01", code="13y"),
        icews_row("3", "2018-06-01", code="40"),
        icews_row("x4", "2018-06-01"),
        icews_row("5", "2018-13-01"),
        "6\t2018-06-01\ttruncated",
    ]
    [summary] = run_import("icews", write(tmp_path / "defects.tab", [ICEWS_HEADER, *rows]))
    assert (summary.rows, summary.imported, summary.duplicates, summary.quarantined) == (7, 1, 1, 5)
    reasons = {row["line"]: row["reason"] for row in store.quarantine()}
    assert reasons == {
        4: "CAMEO Code '13y' is not a CAMEO event code (leading zeros kept)",
        5: "CAMEO Code '40' is not a CAMEO event code (leading zeros kept)",
        6: "Event ID 'x4' is not a number",
        7: "Event Date '2018-13-01' is not a date YYYY-MM-DD or M/D/YYYY",
        8: "3 tab-separated fields where the header has 20",
    }


def test_missing_values_written_na_are_missing(tmp_path, run_import, store):
    row = icews_row("1", "2018-06-01", source=("Ruritanian Shepherds", "NA", "NA"), intensity="NA")
    [summary] = run_import("icews", write(tmp_path / "na.tab", [ICEWS_HEADER, row]))
    assert summary.unmapped == 1
    found = store.connection.execute("SELECT source_principal, source_text, dataset_goldstein FROM events").fetchall()
    assert found == [(None, "Ruritanian Shepherds", None)]


def test_a_file_without_the_icews_header_fails_naming_the_column(tmp_path, run_import):
    path = write(tmp_path / "other.tab", ["id\tdate", "1\t2018-01-01"])
    with pytest.raises(ImportFailed, match="other.tab, line 1: no 'Event ID' column"):
        run_import("icews", path)
