"""GDELT: the real samples, every row accounted for, and the known defects on files of our own."""

from __future__ import annotations

import gzip
import zipfile
from datetime import date

import pytest
from builders import ORIGINS, gdelt2_row, gdelt_row, write

from detente.importers import ImportFailed


def accounted(summary) -> bool:
    return summary.rows == summary.imported + summary.duplicates + summary.quarantined


def test_daily_sample_imports_every_row(shared, run_import, store):
    sample = shared("formats", "gdelt1_events_daily_58col_sample100.tsv")
    [summary] = run_import("gdelt", sample)
    assert (summary.dataset, summary.rows, summary.imported, summary.quarantined) == ("gdelt1", 100, 100, 0)
    assert accounted(summary)
    codes = store.connection.execute("SELECT cameo FROM events WHERE cameo NOT LIKE '1%' AND cameo NOT LIKE '2%'").fetchall()
    assert codes and all(code.startswith("0") for (code,) in codes), "codes keep their leading zero"


def test_backfile_sample_imports_every_row_without_flagging_it_late(shared, run_import, store):
    sample = shared("formats", "gdelt1_events_historical_57col_sample.tsv")
    [summary] = run_import("gdelt", sample)
    assert (summary.rows, summary.imported, summary.quarantined) == (201, 201, 0)
    # The backfile's DATEADDED (2013) is when it was made, not when the 1982 events were reported.
    assert store.connection.execute("SELECT count(*) FROM events WHERE late").fetchall() == [(0,)]
    assert store.connection.execute("SELECT count(*) FROM events WHERE url IS NOT NULL").fetchall() == [(0,)]


def test_quad_class_is_ours_from_the_root_and_gdelts_own_is_kept(shared, run_import, store):
    run_import("gdelt", shared("formats", "gdelt1_events_daily_58col_sample100.tsv"))
    rows = store.connection.execute("SELECT root, quad, dataset_quad, goldstein, dataset_goldstein FROM events").fetchall()
    standard = {1: range(1, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)}
    assert all(int(root) in standard[quad] for root, quad, *_ in rows)
    assert any(quad != own for _, quad, own, *_ in rows), "GDELT puts roots 09 and 14 elsewhere"
    assert all(own is not None for *_, own in rows)


def test_actor_codes_map_onto_the_knowledge_base(tmp_path, run_import, store):
    lines = [
        gdelt_row(1, actor1=("RUSGOV", "RUS", "", "GOV"), actor2=("AFGINSTAL", "AFG", "TAL", "INS")),
        gdelt_row(2, actor1=("USAMIL", "USA", "", "MIL"), actor2=("IGOUNO", "", "UNO", "IGO")),
        gdelt_row(3, actor1=("ROMGOV", "ROM", "", "GOV"), actor2=("TWN", "", "", "")),
        gdelt_row(4, actor1=("GOV", "", "", "GOV"), actor2=("", "", "", "")),
    ]
    run_import("gdelt", write(tmp_path / "actors.tsv", lines))
    found = store.connection.execute(
        "SELECT e.event_id, e.source_principal, sa.sector, e.source_text, e.target_principal, ta.sector, e.target_text "
        "FROM events e LEFT JOIN actors sa ON sa.actor_id = e.source_actor "
        "LEFT JOIN actors ta ON ta.actor_id = e.target_actor ORDER BY e.event_id"
    ).fetchall()
    assert found == [
        ("gdelt1:1", "RUS", "GOV", "RUSGOV", "TALIBAN", "INS", "AFGINSTAL"),
        ("gdelt1:2", "USA", "MIL", "USAMIL", "UNO", "IGO", "IGOUNO"),
        ("gdelt1:3", "ROU", "GOV", "ROMGOV", "TWN", None, "TWN"),
        ("gdelt1:4", None, None, "GOV", None, None, None),
    ]


def test_unmapped_actors_are_kept_raw_and_counted(tmp_path, run_import):
    lines = [gdelt_row(1, actor1=("EURGOV", "EUR", "", "GOV")), gdelt_row(2, actor1=("GOV", "", "", "GOV"))]
    [summary] = run_import("gdelt", write(tmp_path / "unmapped.tsv", lines))
    assert summary.unmapped == 2
    assert dict(summary.unmapped_top) == {"EURGOV": 1, "GOV": 1}


def test_bad_rows_are_quarantined_with_line_and_reason_and_never_stop_the_import(tmp_path, run_import, store):
    lines = [
        gdelt_row(1),
        gdelt_row(2, code="13y"),
        gdelt_row(3, day="2016x727"),
        "4\t20160727\ttoo few fields",
        "",
        gdelt_row(0).replace("0\t", "zero\t", 1),
        gdelt_row(6),
    ]
    [summary] = run_import("gdelt", write(tmp_path / "bad.tsv", lines))
    assert (summary.rows, summary.imported, summary.quarantined) == (6, 2, 4)
    assert summary.reasons == {"EventCode": 1, "SQLDATE": 1, "line": 1, "GLOBALEVENTID": 1}
    quarantined = {(row["line"], row["field"]): row for row in store.quarantine()}
    assert set(quarantined) == {(2, "EventCode"), (3, "SQLDATE"), (4, "line"), (6, "GLOBALEVENTID")}
    assert quarantined[(2, "EventCode")]["reason"] == "EventCode '13y' is not a CAMEO event code"
    assert quarantined[(4, "line")]["raw"] == "4\t20160727\ttoo few fields"
    assert all(row["file"] == str(tmp_path / "bad.tsv") for row in quarantined.values())
    origins = sorted(origin for _, origin in store.connection.execute(ORIGINS).fetchall())
    assert origins == [f"{tmp_path / 'bad.tsv'}:1", f"{tmp_path / 'bad.tsv'}:7"]


def test_events_dated_years_before_the_file_keep_their_date_and_are_flagged(tmp_path, run_import, store):
    lines = [gdelt_row(1, day="20160727"), gdelt_row(2, day="20060731"), gdelt_row(3, day="20150801")]
    run_import("gdelt", write(tmp_path / "late.tsv", lines))
    found = store.connection.execute("SELECT event_id, date_start, reported, late FROM events ORDER BY event_id").fetchall()
    assert found == [
        ("gdelt1:1", date(2016, 7, 27), date(2016, 7, 28), False),
        ("gdelt1:2", date(2006, 7, 31), date(2016, 7, 28), True),
        ("gdelt1:3", date(2015, 8, 1), date(2016, 7, 28), False),
    ]


def test_re_emissions_are_merged_as_duplicates_within_and_across_files(tmp_path, run_import, store):
    first = write(tmp_path / "20160728.export.CSV", [gdelt_row(1), gdelt_row(2), gdelt_row(1, goldstein="3.4")])
    second = write(tmp_path / "20160729.export.CSV", [gdelt_row(2, added="20160729"), gdelt_row(3, added="20160729")])
    one, two = run_import("gdelt", first, second)
    assert (one.imported, one.duplicates, two.imported, two.duplicates) == (2, 1, 1, 1)
    kept = store.connection.execute(
        f"SELECT o.event_id, e.dataset_goldstein, o.origin FROM ({ORIGINS}) o JOIN events e USING (event_id) ORDER BY 1"
    ).fetchall()
    assert kept == [
        ("gdelt1:1", 1.9, f"{first}:1"),
        ("gdelt1:2", 1.9, f"{first}:2"),
        ("gdelt1:3", 1.9, f"{second}:2"),
    ]


def test_re_importing_the_same_file_changes_nothing(tmp_path, run_import, store):
    path = write(tmp_path / "a.tsv", [gdelt_row(1), gdelt_row(2, code="13y")])
    run_import("gdelt", path)
    before = _snapshot(store)
    [again] = run_import("gdelt", path)
    assert again.skipped and again.dataset == "gdelt1"
    assert _snapshot(store) == before


def test_the_same_rows_in_another_file_are_all_duplicates(tmp_path, run_import, store):
    run_import("gdelt", write(tmp_path / "a.tsv", [gdelt_row(1), gdelt_row(2)]))
    before = store.counts()["events"]
    [copy] = run_import("gdelt", write(tmp_path / "b.tsv", [gdelt_row(2), gdelt_row(1)]))
    assert (copy.imported, copy.duplicates) == (0, 2)
    assert store.counts()["events"] == before


def test_zipped_gzipped_and_gdelt2_files(tmp_path, run_import, store):
    archive = tmp_path / "20160728.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("20160728.export.CSV", gdelt_row(1) + "\n")
    packed = tmp_path / "more.tsv.gz"
    packed.write_bytes(gzip.compress((gdelt_row(2) + "\n").encode()))
    two = gdelt2_row(3)
    summaries = run_import("gdelt", archive, packed, write(tmp_path / "20160728150000.export.CSV", [two]))
    assert [(s.file, s.dataset, s.imported) for s in summaries] == [
        (f"{archive}!20160728.export.CSV", "gdelt1", 1),
        (str(packed), "gdelt1", 1),
        (str(tmp_path / "20160728150000.export.CSV"), "gdelt2", 1),
    ]
    gdelt2 = store.connection.execute("SELECT event_id, reported, url FROM events WHERE dataset = 'gdelt2'").fetchall()
    assert gdelt2 == [("gdelt2:3", date(2016, 7, 28), "http://example.org/3")]


def test_a_file_that_is_not_gdelt_fails_naming_it(tmp_path, run_import, store):
    path = write(tmp_path / "mentions.csv", ["a,b,c", "1,2,3"])
    with pytest.raises(ImportFailed, match="mentions.csv: lines of 1 tab-separated fields"):
        run_import("gdelt", path)
    assert store.imports() == []


def _snapshot(store) -> tuple:
    con = store.connection
    return tuple(
        con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() for table in ("events", "actors", "quarantine", "imports")
    )
