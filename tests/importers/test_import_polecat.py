"""POLECAT: a file of our own in the documented 40-column layout (no real rows are public)."""

from __future__ import annotations

from datetime import date

from builders import POLECAT_COLUMNS, polecat_row, write

HEADER = "\t".join(POLECAT_COLUMNS)


def rows() -> list[str]:
    return [
        polecat_row(
            Event_ID="20210817-001", Event_Date="2021-08-17", Event_Type="consult", Event_Mode="visit",
            Intensity="1.0", Quad_Code="VERBAL COOPERATION", Contexts="diplomatic;political",
            Actor_Name="Russia", Actor_Country="RUS", Primary_Actor_Sector="Government", Actor_Sectors="Government;Foreign Ministry",
            Recipient_Name="Taliban", Recipient_Country="AFG", Publication_Date="2021-08-18",
        ),
        polecat_row(
            Event_ID="20210818-002", Event_Date="2021-08-18", Event_Type="assault", Event_Mode="firearms",
            Intensity="-8.0", Quad_Code="MATERIAL CONFLICT", Actor_Name_Raw="the Afghan army", Actor_Country="AFG",
            Primary_Actor_Sector="Military", Recipient_Name="Islamic State Khorasan Province", Publication_Date="2021-08-18",
        ),
        polecat_row(Event_ID="20210818-003", Event_Date="2021-08-18", Event_Type="hug", Actor_Name="Russia"),
        polecat_row(Event_ID="20210817-001", Event_Date="2021-08-17", Event_Type="consult", Actor_Name="Russia"),
        polecat_row(Event_ID="20210818-004", Event_Date="18.08.2021", Event_Type="accuse", Actor_Name="Russia"),
        polecat_row(
            Event_ID="20210818-005", Event_Date="2021-08-18", Event_Type="REJECT", Event_Mode="an unknown mode",
            Actor_Name="Zamir Kabulov", Actor_Country="RUS", Recipient_Name="None",
        ),
    ]


def test_every_row_is_accounted_for(tmp_path, run_import, store):
    [summary] = run_import("polecat", write(tmp_path / "ngecEvents.20210820.txt", [HEADER, *rows()]))
    assert (summary.dataset, summary.rows, summary.imported, summary.duplicates, summary.quarantined) == (
        "polecat", 6, 3, 1, 2,
    )
    assert {(row["line"], row["field"]) for row in store.quarantine()} == {(4, "Event Type"), (6, "Event Date")}


def test_plover_types_and_modes_become_cameo_codes_and_polecats_own_values_are_kept(tmp_path, run_import, store):
    run_import("polecat", write(tmp_path / "p.txt", [HEADER, *rows()]))
    found = store.connection.execute(
        "SELECT event_id, cameo, plover, quad, dataset_quad, dataset_goldstein, reported FROM events ORDER BY event_id"
    ).fetchall()
    assert found == [
        ("polecat:20210817-001", "042", "CONSULT", 1, 1, 1.0, date(2021, 8, 18)),
        ("polecat:20210818-002", "193", "ASSAULT", 4, 4, -8.0, date(2021, 8, 18)),
        ("polecat:20210818-005", "120", "REJECT", 3, None, None, None),
    ]


def test_actors_map_by_name_country_and_sectors(tmp_path, run_import, store):
    run_import("polecat", write(tmp_path / "p.txt", [HEADER, *rows()]))
    found = store.connection.execute(
        "SELECT e.event_id, e.source_principal, sa.sector, e.source_text, e.target_principal, e.target_text "
        "FROM events e LEFT JOIN actors sa ON sa.actor_id = e.source_actor ORDER BY e.event_id"
    ).fetchall()
    assert found == [
        ("polecat:20210817-001", "RUS", "DIP", "Russia", "TALIBAN", "Taliban"),
        ("polecat:20210818-002", "AFG", "MIL", "the Afghan army", "ISKP", "Islamic State Khorasan Province"),
        ("polecat:20210818-005", "RUS", None, "Zamir Kabulov", None, None),
    ]


def test_releases_naming_intensity_event_intensity_read_the_same(tmp_path, run_import, store):
    header = HEADER.replace("\tIntensity\t", "\tEvent Intensity\t")
    [summary] = run_import("polecat", write(tmp_path / "p.txt", [header, rows()[0]]))
    assert summary.imported == 1
    assert store.connection.execute("SELECT dataset_goldstein FROM events").fetchall() == [(1.0,)]
