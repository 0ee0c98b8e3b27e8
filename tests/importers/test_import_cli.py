"""`detente import`, `export`, `fetch gdelt` and `events` over imported data, end to end."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import networkx as nx
import pytest
from builders import ICEWS_HEADER, gdelt_row, icews_row, write
from typer.testing import CliRunner

from detente.cli import app

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "russia-taliban-2021.txt"


def run(*args: str):
    return CliRunner().invoke(app, [str(arg) for arg in args])


def said(result) -> str:
    """The output with Rich's line wrapping undone."""
    return " ".join(result.output.split())


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "cli.duckdb"


def test_import_prints_where_every_row_went_and_the_quarantined_lines(tmp_path, db):
    path = write(tmp_path / "day.tsv", [gdelt_row(1), gdelt_row(2, code="13y"), gdelt_row(1)])
    result = run("import", "gdelt", path, "--db", db)
    assert result.exit_code == 0, result.output
    assert "3 row(s): 1 imported, 1 duplicate(s), 1 quarantined (EventCode 1)" in said(result)
    assert "line 2: EventCode '13y' is not a CAMEO event code" in said(result)
    again = run("import", "gdelt", path, "--db", db)
    assert "imported before (gdelt1), unchanged" in said(again)


def test_import_of_nothing_or_of_the_wrong_file_fails_in_one_line(tmp_path, db):
    missing = run("import", "icews", tmp_path / "absent.tab", "--db", db)
    assert missing.exit_code == 1 and "absent.tab: no such file or folder" in said(missing)
    wrong = run("import", "icews", write(tmp_path / "x.tab", ["a\tb", "1\t2"]), "--db", db)
    assert wrong.exit_code == 1 and "x.tab, line 1: no 'Event ID' column" in said(wrong)


@pytest.fixture
def icews_db(tmp_path, db) -> Path:
    rows = [
        icews_row("1", "2018-06-01", code="040"),
        icews_row("2", "2018-06-02", code="111", source=("Taliban", "Insurgents", "Afghanistan"),
                  target=("Government (Russia)", "Government", "Russian Federation")),
        icews_row("3", "2018-06-03", code="190", source=("Military (Russia)", "Military", "Russian Federation"),
                  target=("Citizen (Syria)", "Social", "Syria")),
        icews_row("4", "2018-06-04", code="010", source=("Unspecified Actor", "NA", "NA")),
    ]
    result = run("import", "icews", write(tmp_path / "e.tab", [ICEWS_HEADER, *rows]), "--db", db)
    assert result.exit_code == 0, result.output
    return db


def test_export_writes_each_format_for_a_filter(tmp_path, icews_db):
    for suffix in ("csv", "parquet", "jsonl", "gexf"):
        result = run("export", tmp_path / f"out.{suffix}", "--actor", "rus", "--db", icews_db)
        assert result.exit_code == 0, result.output
    with (tmp_path / "out.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["event_id"], r["cameo"], r["dataset"]) for r in rows] == [
        ("icews:1:2018-06-01", "040", "icews"), ("icews:2:2018-06-02", "111", "icews"), ("icews:3:2018-06-03", "190", "icews"),
    ]
    parquet = duckdb.sql(f"SELECT cameo, dataset_goldstein FROM '{tmp_path / 'out.parquet'}' ORDER BY cameo").fetchall()
    assert parquet == [("040", 1.0), ("111", 1.0), ("190", 1.0)]
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert lines[0]["source"] == {"principal": "RUS", "sector": "GOV", "name": None, "text": "Government (Russia)"}
    assert lines[0]["date"] == {"start": "2018-06-01", "end": "2018-06-01", "precision": "day", "from_publication_date": False}
    assert {"dataset", "origin", "span", "sentence"} <= set(lines[0])
    graph = nx.read_gexf(tmp_path / "out.gexf")
    assert sorted(graph.nodes) == ["RUS", "SYR", "TALIBAN"]
    edge = graph.edges["RUS", "TALIBAN"]
    assert (edge["verbal_cooperation"], edge["verbal_conflict"], edge["net_cooperation"], edge["sign"]) == (1, 1, 0, 0)
    assert graph.edges["RUS", "SYR"]["sign"] == -1 and graph.nodes["TALIBAN"]["label"] == "Taliban"


def test_export_by_dataset_dyad_and_dates(tmp_path, icews_db):
    result = run("export", tmp_path / "d.jsonl", "--dyad", "TALIBAN", "RUS", "--since", "2018-06-02", "--dataset", "icews",
                 "--db", icews_db)
    assert result.exit_code == 0 and "1 event(s) written" in said(result)
    none = run("export", tmp_path / "n.csv", "--dataset", "gdelt1", "--db", icews_db)
    assert "0 event(s) written" in said(none)
    unknown = run("export", tmp_path / "x.xlsx", "--db", icews_db)
    assert unknown.exit_code == 1 and "cannot tell the format" in said(unknown)


def test_events_filter_by_dataset_and_show_unmapped_actors_raw(icews_db):
    result = run("events", "--dataset", "icews", "--format", "jsonl", "--db", icews_db)
    events = [json.loads(line) for line in result.output.splitlines()]
    assert len(events) == 4 and {e["dataset"] for e in events} == {"icews"}
    unmapped = [e for e in events if e["source"]["text"] == "Unspecified Actor"]
    assert unmapped[0]["source"]["principal"] == "" and unmapped[0]["origin"].endswith("e.tab:5")
    assert run("events", "--dataset", "coded", "--format", "jsonl", "--db", icews_db).output == ""


def test_fetch_gdelt_downloads_from_the_base_url_and_the_files_import(mirror, tmp_path, db):
    dest = tmp_path / "gdelt"
    result = run("fetch", "gdelt", "--from", "2016-07-28", "--to", "2016-07-28", "--base-url", f"{mirror}/events", "--dest", dest)
    assert result.exit_code == 0, result.output
    assert "1 file(s)" in said(result) and (dest / "20160728.export.CSV.zip").is_file()
    imported = run("import", "gdelt", dest, "--db", db)
    assert imported.exit_code == 0 and "1 imported" in said(imported)
    nothing = run("fetch", "gdelt", "--from", "2030-01-01", "--to", "2030-01-02", "--base-url", f"{mirror}/events")
    assert nothing.exit_code == 1 and "lists no event file" in said(nothing)


@pytest.fixture(scope="module")
def benchmark_and_article(tmp_path_factory) -> Path:
    """ICEWS14 and ICEWS18's validation split imported, then the seed article coded, through the CLI."""
    tkg = SEED.parents[1] / "data" / "tkg"
    if not SEED.exists() or not tkg.exists():
        pytest.skip(f"the seed article and the benchmarks are not under {SEED.parents[1]}: clone beside ../shared")
    db = tmp_path_factory.mktemp("dyad") / "dyad.duckdb"
    for path in (tkg / "ICEWS14", tkg / "ICEWS18" / "valid.txt"):
        result = run("import", "tkg", path, "--db", db)
        assert result.exit_code == 0, result.output
    coded = run("analyze", SEED, "--date", "2021-08-19", "--db", db, "--format", "jsonl")
    assert coded.exit_code == 0, coded.output
    return db


def test_imported_and_coded_events_share_one_dyad_view(benchmark_and_article):
    """ICEWS14 holds no edge between a Russian and a Taliban node (checked over all its splits), so
    the imported rows of this dyad come from ICEWS18, which has "Russia" and "Taliban" nodes."""
    result = run("events", "--dyad", "RUS", "TALIBAN", "--format", "jsonl", "--db", benchmark_and_article)
    events = [json.loads(line) for line in result.output.splitlines()]
    assert {e["dataset"] for e in events} == {"coded", "tkg:ICEWS18"}
    assert all({e["source"]["principal"], e["target"]["principal"]} == {"RUS", "TALIBAN"} for e in events)
    table = run("events", "--dyad", "RUS", "TALIBAN", "--db", benchmark_and_article)
    assert "dataset" in said(table) and "tkg:ICEWS18" in said(table) and "coded" in said(table)
    icews14 = run("events", "--dataset", "tkg:ICEWS14", "--actor", "TALIBAN", "--format", "jsonl", "--db", benchmark_and_article)
    assert len(icews14.output.splitlines()) > 100, "ICEWS14's Taliban events are stored and labelled"
