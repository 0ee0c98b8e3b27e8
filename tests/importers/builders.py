"""Rows and files of our own in the importers' layouts, for the tests of known defects."""

from __future__ import annotations

from pathlib import Path


def gdelt_row(
    gid: int,
    day: str = "20160727",
    code: str = "042",
    actor1: tuple[str, str, str, str] = ("RUSGOV", "RUS", "", "GOV"),
    actor2: tuple[str, str, str, str] = ("AFGINSTAL", "AFG", "TAL", "INS"),
    quad: str = "1",
    goldstein: str = "1.9",
    added: str = "20160728",
    fields: int = 58,
) -> str:
    """A GDELT 1.0 daily row of our own: (code, country, known group, type 1) for each actor."""
    row = [""] * fields
    row[0], row[1], row[26], row[29], row[30] = str(gid), day, code, quad, goldstein
    for offset, (actor_code, country, group, type1) in ((5, actor1), (15, actor2)):
        row[offset], row[offset + 2], row[offset + 3], row[offset + 7] = actor_code, country, group, type1
    if fields >= 57:
        row[56] = added
    if fields >= 58:
        row[57] = f"http://example.org/{gid}"
    return "\t".join(row)


def gdelt2_row(gid: int, **fields: str) -> str:
    """A GDELT 2.0 row of our own: the 1.0 row with an ADM2 code after each ADM1, DATEADDED to the second."""
    row = gdelt_row(gid, **fields).split("\t")
    for adm1 in (52, 45, 38):  # 0-based ADM1 positions of the action, actor 2 and actor 1 geographies
        row.insert(adm1 + 1, "")
    row[59] += "150000"
    return "\t".join(row)


# Each imported event's key and origin (file:line), as the store composes it.
ORIGINS = "SELECT e.event_id, i.file || ':' || e.line AS origin FROM events e JOIN imports i USING (import_id)"


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


ICEWS_HEADER = (
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\t"
    "Target Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
    "Province\tCountry\tLatitude\tLongitude"
)


def icews_row(
    event_id: str,
    day: str,
    code: str = "040",
    source: tuple[str, str, str] = ("Government (Russia)", "Government", "Russian Federation"),
    target: tuple[str, str, str] = ("Taliban", "Insurgents", "Afghanistan"),
    intensity: str = "1",
) -> str:
    """An ICEWS .tab row of our own: (name, sectors, country) for each side."""
    return "\t".join(
        [event_id, day, *source, "Consult", code, intensity, *target, "1", "1", "Our Wire", "", "", "", "", "", ""]
    )


POLECAT_COLUMNS = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW",
    "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw",
    "Wikipedia Recipient ID", "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People",
    "Story Organizations", "Story Locations", "Language", "Version",
)


def polecat_row(**values: str) -> str:
    """A POLECAT row of our own: the columns given by name (spaces as underscores), "None" elsewhere."""
    given = {name.replace("_", " "): value for name, value in values.items()}
    return "\t".join(given.get(column, "None") for column in POLECAT_COLUMNS)


ACLED_COLUMNS = (
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year", "time_precision", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "timestamp", "iso3",
)


def acled_row(**values: str) -> list[str]:
    """An ACLED export row of our own (the classic 31 columns): the columns given, empty elsewhere."""
    return [values.get(column, "") for column in ACLED_COLUMNS]
