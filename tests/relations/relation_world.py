"""A small world of our own for the relation tests: ICEWS rows (imported) and coded events (with sentences).

Russia and China cooperate throughout; Russia and Ukraine cooperate until June 2020, then
fight; the United States quarrels with Russia and cooperates militarily with Ukraine; citizens' events
(which weigh nothing for a state's relation) and flagged coded events are sprinkled in.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from detente import api
from detente.ingest import document_from_text
from detente.model import Actor, Event, EventDate, Sentence
from detente.store import Store

GOVERNMENT = {
    "RUS": ("Government (Russia)", "Government", "Russian Federation"),
    "UKR": ("Government (Ukraine)", "Government", "Ukraine"),
    "CHN": ("Government (China)", "Government", "China"),
    "USA": ("Government (United States)", "Government", "United States"),
}
CITIZENS = {
    "RUS": ("Citizen (Russia)", "Civilian", "Russian Federation"),
    "UKR": ("Citizen (Ukraine)", "Civilian", "Ukraine"),
}
# CAMEO code of each kind of act: quad classes 1, 2, 3, 4.
CONSULT, MILITARY, CRITICIZE, FIGHT = "040", "062", "111", "190"
TURN = date(2020, 6, 1)
FIRST, LAST = date(2019, 1, 1), date(2020, 12, 31)


def days(start: date, end: date, step: int) -> list[date]:
    return [start + timedelta(days=offset) for offset in range(0, (end - start).days + 1, step)]


def icews_rows() -> list[str]:
    rows: list[tuple[date, tuple, str, tuple]] = []
    for day in days(FIRST, LAST, 7):
        rows.append((day, GOVERNMENT["RUS"], CONSULT, GOVERNMENT["CHN"]))
        rows.append((day + timedelta(days=2), GOVERNMENT["USA"], CRITICIZE, GOVERNMENT["RUS"]))
        rows.append((day + timedelta(days=3), GOVERNMENT["USA"], MILITARY, GOVERNMENT["UKR"]))
        if day < TURN:
            rows.append((day + timedelta(days=1), GOVERNMENT["RUS"], CONSULT, GOVERNMENT["UKR"]))
        else:
            rows.append((day + timedelta(days=1), GOVERNMENT["RUS"], FIGHT, GOVERNMENT["UKR"]))
            rows.append((day + timedelta(days=1), CITIZENS["UKR"], CONSULT, CITIZENS["RUS"]))
    return [
        "\t".join([f"{i}", f"{day:%Y-%m-%d}", *source, "Our act", code, "1", *target, "1", "1", "Our Wire", *[""] * 6])
        for i, (day, source, code, target) in enumerate(rows, start=1)
    ]


HEADER = (
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\t"
    "Target Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
    "Province\tCountry\tLatitude\tLongitude"
)

TEXT = "Russian envoys met Ukrainian officials in Kyiv. Moscow did not send troops to Kharkiv."
PUBLISHED = date(2020, 12, 30)


def coded() -> tuple:
    """One article of our own with a plain meeting and a negated attack between Russia and Ukraine."""
    document = document_from_text(TEXT, date=PUBLISHED, title="Ours", source="ours.txt")
    first = TEXT.index(".") + 1
    sentences = [
        Sentence(document.doc_id, 0, 0, first, TEXT[:first]),
        Sentence(document.doc_id, 1, first + 1, len(TEXT), TEXT[first + 1 :]),
    ]
    when = EventDate(PUBLISHED, PUBLISHED, "day", True)
    meet = Event(
        doc_id=document.doc_id, sentence_index=0, sentence=sentences[0].text, span=(0, first),
        source=Actor("RUS", "DIP", None, "Russian envoys"), target=Actor("UKR", "GOV", None, "Ukrainian officials"),
        cameo="040", root="04", quad=1, goldstein=1.0, plover="CONSULT", date=when, trigger="met",
    )
    attack = Event(
        doc_id=document.doc_id, sentence_index=1, sentence=sentences[1].text, span=(first + 1, len(TEXT)),
        source=Actor("RUS", "GOV", None, "Moscow"), target=Actor("UKR", None, None, "Kharkiv"),
        cameo="190", root="19", quad=4, goldstein=-10.0, plover="ASSAULT", date=when, trigger="send troops",
        negated=True,
    )
    return document, sentences, [meet, attack]


def build(folder: Path) -> Path:
    """A store holding the world: the ICEWS rows imported, the article stored. Returns its path."""
    db = folder / "world.duckdb"
    rows = folder / "events.world.tab"
    rows.write_text("\n".join([HEADER, *icews_rows()]) + "\n", encoding="utf-8")
    for summary in api.import_events("icews", [rows], db=db):
        assert summary.quarantined == 0, summary
    document, sentences, events = coded()
    with Store(db) as store:
        store.add(document, sentences, events)
    return db
