"""GDELT import speed and memory beside DuckDB's own read_csv → Parquet, on the same file in one run.

The file: the real GDELT 1.0 daily sample rows in ../shared, repeated with unique GLOBALEVENTIDs
until there are --rows lines, written to a temporary folder (removed afterwards). Each pass runs
in its own process, so that its peak resident memory is its own:

  duckdb    COPY (SELECT * FROM read_csv(file, 58 typed columns)) TO 'file.parquet'
  detente   detente.importers: a fresh store, the file imported in one transaction
            (hash, read, map actors and codes, quarantine, dedupe, insert, commit)

    .venv/bin/python bench/import.py [--rows 2000000] [--repeat 1]

Prints rows per second of both, their ratio and the peak RSS of each, and writes them to
bench/out/import.json. The machine's cores are shared with other work: run it when it is quiet.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "formats"
SAMPLE = SHARED / "gdelt1_events_daily_58col_sample100.tsv"
HEADER = SHARED / "GDELT_1.0_event_Column_Labels_Header_Row_Sep2016.tsv"
OUT = Path(__file__).resolve().parent / "out" / "import.json"

# GDELT 1.0's numeric columns; the others are read as text, as CAMEO codes must be.
_INTEGERS = {
    "GLOBALEVENTID": "BIGINT", "SQLDATE": "INTEGER", "MonthYear": "INTEGER", "Year": "INTEGER",
    "IsRootEvent": "INTEGER", "QuadClass": "INTEGER", "NumMentions": "INTEGER", "NumSources": "INTEGER",
    "NumArticles": "INTEGER", "Actor1Geo_Type": "INTEGER", "Actor2Geo_Type": "INTEGER",
    "ActionGeo_Type": "INTEGER", "DATEADDED": "INTEGER",
}
_DOUBLES = (
    "FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat",
    "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long",
)


def build(path: Path, rows: int) -> None:
    """``rows`` lines of the sample, GLOBALEVENTID made unique by numbering them."""
    sample = [line.split("\t", 1)[1] for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for number in range(1, rows + 1):
            out.write(f"{number}\t{sample[number % len(sample)]}\n")


def duckdb_pass(path: Path, work: Path) -> float:
    import duckdb

    started = time.perf_counter()
    names = HEADER.read_text(encoding="utf-8").split()[1:]
    types = {name: _INTEGERS.get(name, "DOUBLE" if name in _DOUBLES else "VARCHAR") for name in names}
    columns = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in types.items()) + "}"
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.execute(
        f"COPY (SELECT * FROM read_csv('{path}', delim = '\t', header = false, quote = '', escape = '', "
        f"auto_detect = false, columns = {columns})) TO '{work / 'baseline.parquet'}' (FORMAT parquet)"
    )
    return time.perf_counter() - started


def detente_pass(path: Path, work: Path) -> float:
    from detente.importers import FORMATS, import_sources
    from detente.store import Store

    started = time.perf_counter()
    with Store(work / "bench.duckdb") as store:
        importer = FORMATS["gdelt"]
        [summary] = import_sources(store, importer, importer.sources([path]))
    if summary.imported != summary.rows:
        raise SystemExit(f"expected every row imported, got {summary}")
    return time.perf_counter() - started


def measure(phase: str, path: Path, work: Path) -> tuple[float, int]:
    """Seconds and peak RSS (bytes) of one pass, run in a child process; the seconds are the
    work's own, from opening the database to the data written, without starting Python."""
    child = subprocess.Popen(
        [sys.executable, __file__, "--phase", phase, "--file", str(path), "--work", str(work)], stdout=subprocess.PIPE
    )
    seconds = float(child.stdout.read())
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the {phase} pass failed")
    return seconds, usage.ru_maxrss * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--repeat", type=int, default=1, help="passes of each; the fastest counts")
    parser.add_argument("--phase", choices=("duckdb", "detente"), help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print({"duckdb": duckdb_pass, "detente": detente_pass}[args.phase](args.file, args.work))
        return
    if not SAMPLE.exists():
        raise SystemExit(f"{SAMPLE} is absent: clone the project beside ../shared")
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as folder:
        path = Path(folder) / "events.export.CSV"
        build(path, args.rows)
        results = {}
        for phase in ("duckdb", "detente"):
            runs = []
            for attempt in range(args.repeat):
                work = Path(folder) / f"{phase}-{attempt}"
                work.mkdir()
                runs.append(measure(phase, path, work))
            seconds, rss = min(runs)
            results[phase] = {
                "seconds": round(seconds, 2),
                "rows_per_second": round(args.rows / seconds),
                "peak_rss_mb": rss >> 20,
            }
        size = path.stat().st_size
    ratio = results["duckdb"]["seconds"] / results["detente"]["seconds"]
    report = {"rows": args.rows, "file_mb": size >> 20, "cores": os.cpu_count(), **results, "ratio": round(ratio, 3)}
    for phase in ("duckdb", "detente"):
        r = results[phase]
        print(f"{phase:8} {r['seconds']:8.2f} s  {r['rows_per_second']:>10,} rows/s  peak RSS {r['peak_rss_mb']:,} MB")
    print(f"detente imports at {ratio:.0%} of DuckDB's read_csv → Parquet rate ({args.rows:,} rows, {size >> 20:,} MB)")
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
