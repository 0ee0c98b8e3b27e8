from __future__ import annotations

from datetime import date

import duckdb
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


_VERSION_1 = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE documents (doc_id VARCHAR PRIMARY KEY, source VARCHAR NOT NULL, title VARCHAR, url VARCHAR,
    pub_date DATE NOT NULL, text VARCHAR NOT NULL, original VARCHAR NOT NULL, ingested_at TIMESTAMP NOT NULL);
CREATE TABLE sentences (doc_id VARCHAR NOT NULL, sentence_index INTEGER NOT NULL, start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL, text VARCHAR NOT NULL, PRIMARY KEY (doc_id, sentence_index));
CREATE TABLE actors (actor_id VARCHAR PRIMARY KEY, principal VARCHAR NOT NULL, sector VARCHAR, name VARCHAR);
CREATE TABLE events (event_id VARCHAR PRIMARY KEY, dataset VARCHAR NOT NULL, doc_id VARCHAR, sentence_index INTEGER,
    span_start INTEGER, span_end INTEGER, source_actor VARCHAR NOT NULL, source_principal VARCHAR NOT NULL,
    source_text VARCHAR, target_actor VARCHAR NOT NULL, target_principal VARCHAR NOT NULL, target_text VARCHAR,
    cameo VARCHAR NOT NULL, root VARCHAR NOT NULL, quad TINYINT NOT NULL, goldstein DOUBLE NOT NULL, plover VARCHAR,
    date_start DATE NOT NULL, date_end DATE NOT NULL, date_precision VARCHAR NOT NULL,
    from_publication_date BOOLEAN NOT NULL, trigger VARCHAR, negated BOOLEAN NOT NULL, hypothetical BOOLEAN NOT NULL,
    alleged BOOLEAN NOT NULL, is_symmetric BOOLEAN NOT NULL);
INSERT INTO meta VALUES ('schema_version', '1');
"""


def test_a_version_1_database_is_upgraded_in_place_keeping_its_events(tmp_path):
    path, document = tmp_path / "old.duckdb", _document()
    with Store(tmp_path / "new.duckdb") as fresh:
        fresh.add(document, _sentences(document), _events(document))
        tables = {t: fresh.connection.execute(f"SELECT * FROM {t}").fetchall() for t in ("documents", "sentences", "actors")}
        events = fresh.connection.execute(
            "SELECT event_id, dataset, doc_id, sentence_index, span_start, span_end, source_actor, source_principal, "
            "source_text, target_actor, target_principal, target_text, cameo, root, quad, goldstein, plover, date_start, "
            "date_end, date_precision, from_publication_date, trigger, negated, hypothetical, alleged, is_symmetric FROM events"
        ).fetchall()
    old = duckdb.connect(str(path))
    old.execute(_VERSION_1)
    for table, rows in {**tables, "events": events}.items():
        for row in rows:
            old.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * len(row))})", list(row))
    old.close()
    with pytest.raises(StoreError, match="schema version 1.*open it once for writing"):
        Store(path, read_only=True)
    with Store(path) as upgraded:
        assert upgraded.events() == sorted(_events(document), key=lambda e: e.date.start)
        assert upgraded.imports() == [] and upgraded.quarantine() == []


def test_imported_events_come_back_with_their_dataset_and_origin(tmp_path):
    from detente.importers import FORMATS, Source, import_sources

    rows = tmp_path / "day.tsv"
    fields = [""] * 58
    fields[0], fields[1], fields[5], fields[7], fields[12], fields[15], fields[26], fields[56] = (
        "7", "20240502", "RURGOV", "RUR", "GOV", "GOV", "0871", "20240503",
    )
    rows.write_text("\t".join(fields) + "\n")
    document = _document()
    with Store(tmp_path / "t.duckdb") as store:
        store.add(document, _sentences(document), _events(document))
        list(import_sources(store, FORMATS["gdelt"], [Source(rows)]))
        imported = store.events(dataset="gdelt1")
        assert len(store.events()) == 3 and len(store.events(dataset="coded")) == 2
        [event] = imported
        assert (event.dataset, event.origin, event.doc_id, event.span, event.sentence, event.trigger) == (
            "gdelt1", f"{rows}:1", None, None, None, None,
        )
        assert (event.cameo, event.root, event.quad, event.date.start) == ("0871", "08", 2, date(2024, 5, 2))
        assert event.source == Actor("", None, None, "RURGOV"), "RUR is no state: kept raw, without a principal"
        assert event.target == Actor("", None, None, "GOV")
        [run] = store.imports()
        assert (run["format"], run["dataset"], run["rows"], run["imported"], run["unmapped"]) == ("gdelt", "gdelt1", 1, 1, 2)


def test_an_actor_of_unknown_country_is_stored_without_a_principal_and_keeps_its_sector(tmp_path):
    document = _document()
    meet, shell = _events(document)
    unknown = Event(**{**shell.__dict__, "source": Actor("", "INS", None, "Insurgents")})
    with Store(tmp_path / "t.duckdb") as store:
        store.add(document, _sentences(document), [meet, unknown])
        [stored] = store.events(since=date(2023, 1, 1), until=date(2023, 12, 31))
        assert stored.source == Actor("", "INS", None, "Insurgents")
        assert store.connection.execute("SELECT count(*) FROM events WHERE source_principal IS NULL").fetchone() == (1,)
