"""ACLED: a file of our own in the classic 31-column export layout (ACLED's terms forbid redistributing rows)."""

from __future__ import annotations

import csv
from datetime import date

from builders import ACLED_COLUMNS, ORIGINS, acled_row


def export(tmp_path):
    records = [
        acled_row(event_id_cnty="AFG1", event_date="2021-08-15", time_precision="1", event_type="Battles",
                  sub_event_type="Armed clash", actor1="Taliban", inter1="2",
                  actor2="Military Forces of Afghanistan (2004-2021)", inter2="1",
                  notes='On 15 August 2021, the "Taliban" clashed with the army, near Kabul.'),
        acled_row(event_id_cnty="AFG2", event_date="16 August 2021", time_precision="1", event_type="Protests",
                  sub_event_type="Peaceful protest", actor1="Protesters (Afghanistan)", inter1="6",
                  notes="Women protested in Kabul.\nA second line of notes."),
        acled_row(event_id_cnty="SYR3", event_date="2021-08-20", time_precision="3",
                  event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                  actor1="Military Forces of Russia (2000-) Air Force", inter1="8",
                  actor2="Civilians (Syria)", inter2="7"),
        acled_row(event_id_cnty="AFG4", event_date="2021-08-21", event_type="Parade", actor1="Taliban", inter1="2"),
        acled_row(event_id_cnty="AFG1", event_date="2021-08-15", event_type="Battles", actor1="Taliban", inter1="2"),
        acled_row(event_date="2021-08-22", event_type="Riots", actor1="Rioters (Afghanistan)", inter1="5"),
        acled_row(event_id_cnty="AFG7", event_date="2021/08/23", event_type="Riots", actor1="Rioters (Afghanistan)"),
        acled_row(event_id_cnty="AFG8", event_date="2021-08-24", event_type="Violence against civilians",
                  sub_event_type="A sub-event type of the future", actor1="Unknown Militia (Afghanistan)", inter1="3",
                  actor2="Civilians (Afghanistan)", inter2="7"),
    ]
    path = tmp_path / "acled.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(ACLED_COLUMNS)
        writer.writerows(records)
    return path


def test_every_record_is_accounted_for_with_the_line_it_starts_on(tmp_path, run_import, store):
    path = export(tmp_path)
    [summary] = run_import("acled", path)
    assert (summary.dataset, summary.rows, summary.imported, summary.duplicates, summary.quarantined) == (
        "acled", 8, 4, 1, 3,
    )
    assert {(row["line"], row["field"]) for row in store.quarantine()} == {
        (6, "event_type"), (8, "event_id_cnty"), (9, "event_date"),
    }
    origins = dict(store.connection.execute(ORIGINS).fetchall())
    assert origins["acled:AFG2"] == f"{path}:3" and origins["acled:SYR3"] == f"{path}:5"


def test_types_map_to_cameo_and_actors_are_symmetric(tmp_path, run_import, store):
    run_import("acled", export(tmp_path))
    found = store.connection.execute(
        "SELECT e.event_id, e.cameo, e.is_symmetric, e.source_principal, sa.sector, e.target_principal, ta.sector, "
        "e.date_start, e.date_end, e.date_precision FROM events e "
        "LEFT JOIN actors sa ON sa.actor_id = e.source_actor LEFT JOIN actors ta ON ta.actor_id = e.target_actor "
        "ORDER BY e.event_id"
    ).fetchall()
    day = date(2021, 8, 15)
    assert found == [
        ("acled:AFG1", "190", True, "TALIBAN", "GOV", "AFG", "MIL", day, day, "day"),
        ("acled:AFG2", "141", True, "AFG", "OPP", None, None, date(2021, 8, 16), date(2021, 8, 16), "day"),
        ("acled:AFG8", "180", True, "AFG", "UAF", "AFG", "CVL", date(2021, 8, 24), date(2021, 8, 24), "day"),
        ("acled:SYR3", "195", True, "RUS", "MIL", "SYR", "CVL", date(2021, 8, 1), date(2021, 8, 31), "month"),
    ]
