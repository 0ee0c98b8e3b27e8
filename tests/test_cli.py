"""The command line, end to end on the real pipeline: good runs, and every kind of bad input."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.cli.common import console

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLE = EXAMPLES / "kabul-embassy.txt"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def stored_db(tmp_path_factory) -> Path:
    """A database holding the bundled example, made once through the CLI."""
    db = tmp_path_factory.mktemp("db") / "base.duckdb"
    result = run("analyze", str(ARTICLE), "--date", "2021-09-02", "--db", str(db), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def db(stored_db, tmp_path) -> Path:
    copy = tmp_path / "store.duckdb"
    shutil.copy(stored_db, copy)
    return copy


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_analyze_prints_events_as_the_output_contract(tmp_path):
    result = run("analyze", str(ARTICLE), "--date", "2021-09-02", "--db", str(tmp_path / "x.duckdb"), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.output.splitlines()]
    assert events, "the example article has events"
    for event in events:
        assert set(event) >= {
            "doc_id", "sentence_index", "sentence", "span", "source", "target", "cameo", "root", "quad",
            "goldstein", "plover", "date", "negated", "hypothetical", "alleged", "symmetric",
        }
        assert event["root"] == event["cameo"][:2]
        assert set(event["source"]) == {"principal", "sector", "name", "text"}
        original = ARTICLE.read_text(encoding="utf-8")
        start, end = event["span"]
        assert " ".join(original[start:end].split())[:20] == " ".join(event["sentence"].split())[:20]
    assert any(e["source"]["principal"] == "CHN" or e["target"]["principal"] == "CHN" for e in events)


def test_analyze_table_shows_events_and_dyad_summary(tmp_path):
    result = run("analyze", str(ARTICLE), "--date", "2021-09-02", "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code == 0, result.output
    assert "Events" in result.output and "Dyads" in result.output
    assert "stored in" in result.output


@pytest.mark.parametrize("width, shown", [(160, True), (80, False)])
def test_evidence_sentences_are_shown_only_where_they_fit(tmp_path, monkeypatch, width, shown):
    monkeypatch.setattr(console, "width", width)
    result = run("analyze", str(ARTICLE), "--date", "2021-09-02", "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code == 0, result.output
    assert ("┃ evidence" in result.output) is shown
    assert ("need a terminal 120 columns wide" in result.output) is not shown


def test_analyzing_twice_changes_nothing(db):
    before = run("events", "--db", str(db), "--format", "jsonl").output
    result = run("analyze", str(ARTICLE), "--date", "2021-09-02", "--db", str(db))
    assert result.exit_code == 0
    assert "already there, unchanged" in result.output
    assert run("events", "--db", str(db), "--format", "jsonl").output == before


def test_events_query_filters(db):
    everything = [json.loads(x) for x in run("events", "--db", str(db), "--format", "jsonl").output.splitlines()]
    china = [json.loads(x) for x in run("events", "--db", str(db), "--actor", "chn", "--format", "jsonl").output.splitlines()]
    assert china and len(china) <= len(everything)
    assert all("CHN" in (e["source"]["principal"], e["target"]["principal"]) for e in china)
    since = run("events", "--db", str(db), "--since", "2021-09-01", "--format", "json")
    assert all(e["date"]["end"] >= "2021-09-01" for e in json.loads(since.output))


def test_progress_and_many_documents(tmp_path):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Freedonia's president met the Sylvanian ambassador on Monday.", encoding="utf-8")
    (folder / "sub" / "b.md").write_text("# Talks\n\nFrance criticized Germany over the budget.", encoding="utf-8")
    (folder / "c.jsonl").write_text(
        json.dumps({"text": "Japan condemned North Korea's missile test.", "date": "2023-04-13"}) + "\n", encoding="utf-8"
    )
    result = run("analyze", str(folder), "--db", str(tmp_path / "x.duckdb"))
    assert result.exit_code == 0, result.output
    assert "3 document(s)" in result.output


BAD_INPUTS = {
    "empty": (lambda p: p.write_text(""), "empty"),
    "binary": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20), "binary"),
    "invalid-utf8": (lambda p: p.write_bytes("Russia and Türkiye met.".encode("latin-1")), "UTF-8"),
    "huge": (lambda p: p.open("wb").truncate(50 * 1024 * 1024), "MB"),
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_is_one_line_naming_the_file_and_leaves_the_store(db, tmp_path, kind):
    make, words = BAD_INPUTS[kind]
    bad = tmp_path / f"{kind}.txt"
    make(bad)
    before = digest(db)
    result = CliRunner().invoke(app, ["analyze", str(bad), "--date", "2021-09-02", "--db", str(db)])
    assert result.exit_code != 0
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert str(bad) in message and words.lower() in message.lower()
    assert digest(db) == before


def test_unknown_extension(db, tmp_path):
    bad = tmp_path / "article.docx"
    bad.write_text("Russia met China.")
    before = digest(db)
    result = run("analyze", str(bad), "--db", str(db))
    assert result.exit_code != 0 and str(bad) in result.stderr and "extension" in result.stderr
    assert digest(db) == before


@pytest.mark.parametrize("value", ["2021-13-45", "yesterday", "19/08/2021"])
def test_unparsable_date(db, value):
    before = digest(db)
    result = run("analyze", str(ARTICLE), "--date", value, "--db", str(db))
    assert result.exit_code != 0
    assert "--date" in result.stderr and value in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert digest(db) == before


def test_unwritable_db(tmp_path):
    blocker = tmp_path / "plain-file"
    blocker.write_text("not a folder")
    result = run("analyze", str(ARTICLE), "--date", "2021-09-02", "--db", str(blocker / "x.duckdb"))
    assert result.exit_code != 0
    assert str(blocker / "x.duckdb") in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert blocker.read_text() == "not a folder"


def test_db_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_DB", str(tmp_path / "env.duckdb"))
    assert run("analyze", str(ARTICLE), "--date", "2021-09-02").exit_code == 0
    assert (tmp_path / "env.duckdb").exists()


def test_installed_command_runs(tmp_path):
    """The console script a user types, in a separate process."""
    script = Path(sys.executable).parent / "detente"
    result = subprocess.run(
        [str(script), "analyze", str(ARTICLE), "--date", "2021-09-02", "--db", str(tmp_path / "x.duckdb"), "--format", "json"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)
