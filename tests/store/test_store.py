from __future__ import annotations

from datetime import date

import pytest

from detente.ingest import document_from_text
from detente.model import Actor, Event, EventDate, Sentence
from detente.store import Store, StoreError

TEXT = "Ruritania and Freedonia held talks in Geneva. Freedonia later shelled the border."


def _document():
    return document_from_text(TEXT, date=date(2024, 5, 2), title="Talks", source="memo.txt")


def _events(document) -> list[Event]:
    when = EventDate(date(2024, 5, 2), date(2024, 5, 2), "day", True)
    meet = Event(
        doc_id=document.doc_id, sentence_index=0, sentence="Ruritania and Freedonia held talks in Geneva.",
        span=(0, 45), source=Actor("RUR", "GOV", None, "Ruritania"), target=Actor("FRE", None, None, "Freedonia"),
        cameo="043", root="04", quad=1, goldstein=2.8, plover="CONSULT", date=when, trigger="held talks",
        symmetric=True,
    )
    shell = Event(
        doc_id=document.doc_id, sentence_index=1, sentence="Freedonia later shelled the border.",
        span=(46, 81), source=Actor("FRE", "MIL", "Rufus T. Firefly", "Freedonia"),
        target=Actor("RUR", None, None, "the border"), cameo="195", root="19", quad=4, goldstein=-10.0,
        plover="ASSAULT", date=EventDate(date(2023, 1, 1), date(2023, 12, 31), "year", False),
        trigger="shelled", alleged=True,
    )
    return [meet, shell]


def _sentences(document) -> list[Sentence]:
    first = TEXT.index(".") + 1
    return [
        Sentence(document.doc_id, 0, 0, first, TEXT[:first]),
        Sentence(document.doc_id, 1, first + 1, len(TEXT), TEXT[first + 1 :]),
    ]


def test_round_trip_keeps_every_field(tmp_path):
    document = _document()
    with Store(tmp_path / "t.duckdb") as store:
        assert store.add(document, _sentences(document), _events(document))
        assert store.events() == sorted(_events(document), key=lambda e: e.date.start)


def test_same_document_twice_changes_nothing(tmp_path):
    document = _document()
    with Store(tmp_path / "t.duckdb") as store:
        assert store.add(document, _sentences(document), _events(document))
        before = store.counts()
        assert not store.add(document, _sentences(document), _events(document))
        assert store.counts() == before == {"documents": 1, "sentences": 2, "actors": 4, "events": 2}


def test_queries_filter_by_actor_dyad_and_dates(tmp_path):
    document = _document()
    with Store(tmp_path / "t.duckdb") as store:
        store.add(document, _sentences(document), _events(document))
        assert len(store.events(actor="RUR")) == 2
        assert len(store.events(dyad=("FRE", "RUR"))) == 2
        assert len(store.events(dyad=("FRE", "XXX"))) == 0
        assert [e.cameo for e in store.events(since=date(2024, 1, 1))] == ["043"]
        assert [e.cameo for e in store.events(until=date(2023, 6, 30))] == ["195"]


def test_data_survives_reopening(tmp_path):
    path, document = tmp_path / "t.duckdb", _document()
    with Store(path) as store:
        store.add(document, _sentences(document), _events(document))
    with Store(path, read_only=True) as store:
        assert store.counts()["events"] == 2


def test_a_failed_write_leaves_the_store_as_it_was(tmp_path):
    document = _document()
    broken = _events(document)
    duplicate_sentences = _sentences(document) * 2  # violates the sentences primary key mid-transaction
    with Store(tmp_path / "t.duckdb") as store:
        with pytest.raises(StoreError, match="nothing was written"):
            store.add(document, duplicate_sentences, broken)
        assert store.counts() == {"documents": 0, "sentences": 0, "actors": 0, "events": 0}


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("my notes")
    with pytest.raises(StoreError, match="notes.duckdb: cannot open"):
        Store(path)
    assert path.read_text() == "my notes"


def test_unwritable_location_is_a_clear_error(tmp_path):
    blocker = tmp_path / "report.txt"
    blocker.write_text("a file, not a folder")
    with pytest.raises(StoreError, match="report.txt/t.duckdb: cannot open"):
        Store(blocker / "t.duckdb")


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no/such/dir/t.duckdb: cannot open"):
        Store(tmp_path / "no" / "such" / "dir" / "t.duckdb")


def test_read_only_of_a_missing_file_says_what_to_do(tmp_path):
    with pytest.raises(StoreError, match="run `detente analyze` first"):
        Store(tmp_path / "absent.duckdb", read_only=True)
