"""How fast does the page's dyad view answer with millions of events stored, server-side?

Generates a store of N events (default 10 million) with bench/relations.py's generator in a
temporary folder, builds the relation aggregates once (timed apart: they are rebuilt only
after an import), then times GET /api/dyad through the web application in process — the
whole server-side path: parameter checks, actor resolution, the relation query, the JSON —
for a busy, a middling and a rare dyad. The target is under 500 ms.

    .venv/bin/python bench/web.py [--events N] [--runs R]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from detente import api
from detente.store import Store
from detente.web import create_app
from relations import generate

DYADS = (("China", "the United States"), ("Russia", "the Taliban"), ("France", "Pakistan"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "web.duckdb"
        started = time.perf_counter()
        with Store(db) as store:
            generate(store, args.events)
        generated = time.perf_counter() - started
        started = time.perf_counter()
        with Store(db) as store:
            api.relation_cells(store)
        aggregated = time.perf_counter() - started
        print(f"{args.events:,} events generated in {generated:.1f} s, relation aggregates built in {aggregated:.1f} s")
        client = TestClient(create_app(db))
        for a, b in DYADS:
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                response = client.get("/api/dyad", params={"a": a, "b": b})
                times.append(time.perf_counter() - started)
                assert response.status_code == 200, response.text
            facts = response.json()["facts"]
            print(f"GET /api/dyad {a} – {b}: {facts:,} facts, median {1000 * statistics.median(times):.0f} ms, "
                  f"best {1000 * min(times):.0f} ms over {args.runs} runs")


if __name__ == "__main__":
    main()
