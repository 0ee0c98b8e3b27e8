"""How fast does a dyad answer over tens of millions of stored events?

Generates a store of N events (default 50 million) in a temporary folder, DuckDB-native
(one INSERT ... SELECT over range(N), no Python loop): principals drawn from the knowledge
base's states and groups with a heavy-tailed popularity (a few dyads hold most events, as in
GDELT), days in import order from 1979 to 2025 with volume growing over time, CAMEO codes of
every quad class, actors of several sectors, a few flagged events. Then it builds the relation
aggregates (timed once), and times the dyad query the `detente dyad` command runs (series by
month, state at each month's end, trend, turns, balance, estimate and the weighing events) on
a busy, a middling and a rare dyad, now and on a past day, printing DuckDB's plan of the
series query.

    .venv/bin/python bench/relations.py [--events N] [--runs R]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from detente import api
from detente.actors import kb
from detente.relations import report
from detente.store import Store
from detente.store import relations as cells_store

FIRST_DAY = "1979-01-01"
DAYS = 16_800  # to 2025-01-01
# (CAMEO code, root, quad class, Goldstein score), with how often each occurs (per 100).
CODES = (
    ("010", "01", 1, 0.0, 30), ("040", "04", 1, 1.0, 25), ("036", "03", 1, 4.0, 10), ("070", "07", 2, 7.0, 10),
    ("111", "11", 3, -2.0, 10), ("130", "13", 3, -4.4, 5), ("173", "17", 4, -5.0, 5), ("190", "19", 4, -10.0, 5),
)
SECTORS = ("", "GOV", "MIL", "DIP", "CVL", "MED")
# A past day to ask about: the relation then is read from the monthly sums and that month's cells.
PAST = date(2010, 6, 15)


def generate(store: Store, events: int) -> None:
    """Fill the store's events and actors tables with ``events`` generated events."""
    entities = kb.load().entities
    codes = sorted(code for code, e in entities.items() if e.kind == "state" and e.end is None)
    # The usual suspects first: the popularity of the i-th principal falls off as a power of i.
    front = ["USA", "RUS", "CHN", "GBR", "FRA", "IRN", "ISR", "IND", "PAK", "AFG", "TALIBAN", "UKR", "TUR", "SYR"]
    principals = front + [code for code in codes if code not in front]
    con = store.connection
    con.execute("CREATE TEMP TABLE bench_principals AS SELECT unnest(?::VARCHAR[]) AS code, generate_subscripts(?::VARCHAR[], 1) AS i", [principals, principals])
    con.execute(
        "INSERT INTO actors SELECT p.code || ':' || s.sector, p.code, nullif(s.sector, ''), NULL "
        "FROM bench_principals p, (SELECT unnest(?::VARCHAR[]) AS sector) s",
        [list(SECTORS)],
    )
    weights = [weight for *_, weight in CODES]
    bounds = [sum(weights[: i + 1]) for i in range(len(weights))]

    def pick(field: int) -> str:
        """The CASE that draws a code's ``field`` with the codes' frequencies."""
        cases = " ".join(f"WHEN r.h3 % 100 < {bound} THEN {code[field]!r}" for bound, code in zip(bounds, CODES))
        return f"CASE {cases} END"

    count = len(principals)
    sectors = "[" + ", ".join(f"'{sector}'" for sector in SECTORS) + "]"
    con.execute(
        f"""
INSERT INTO events (event_id, dataset, line, source_actor, source_principal, source_text, target_actor,
    target_principal, target_text, cameo, root, quad, goldstein, date_start, date_end, date_precision,
    from_publication_date, negated, hypothetical, alleged, is_symmetric)
WITH r AS (
    SELECT i, hash(i) AS h1, hash(i + {events}) AS h2, hash(i + 2 * {events}) AS h3, hash(i + 3 * {events}) AS h4
    FROM range({events}) t(i)
), picked AS (
    SELECT i, h3, h4,
        1 + least({count - 1}, floor(pow((h1 % 1000000) / 1000000.0, 4) * {count}))::INTEGER AS s,
        1 + least({count - 1}, floor(pow((h2 % 1000000) / 1000000.0, 4) * {count}))::INTEGER AS t
    FROM r
)
SELECT 'bench:' || r.i, 'gdelt1', r.i + 1,
       sp.code || ':' || {sectors}[1 + (r.h4 % {len(SECTORS)})::INTEGER], sp.code, sp.code,
       tp.code || ':' || {sectors}[1 + ((r.h4 // 7) % {len(SECTORS)})::INTEGER], tp.code, tp.code,
       {pick(0)}, {pick(1)}, {pick(2)}, {pick(3)},
       DATE '{FIRST_DAY}' + (sqrt(r.i / {events}.0) * {DAYS})::INTEGER,
       DATE '{FIRST_DAY}' + (sqrt(r.i / {events}.0) * {DAYS})::INTEGER,
       'day', false, (r.h4 // 100) % 50 = 0, false, false, false
FROM picked r
JOIN bench_principals sp ON sp.i = r.s
JOIN bench_principals tp ON tp.i = r.t
ORDER BY r.i
"""
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000_000, help="how many events to generate")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per dyad")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as folder:
        path = Path(folder) / "bench.duckdb"
        with Store(path) as store:
            store.connection.execute("SET threads = 2")
            started = time.perf_counter()
            generate(store, args.events)
            print(f"generated {args.events:,} events in {time.perf_counter() - started:.1f} s")
            started = time.perf_counter()
            cells = api.relation_cells(store)
            built = time.perf_counter() - started
            rows = store.connection.execute(f"SELECT count(*) FROM {cells_store.CELLS}").fetchall()[0][0]
            print(f"built the relation aggregates ({rows:,} cells) in {built:.1f} s, once after an import")
            for a, b in (("CHN", "USA"), ("RUS", "TALIBAN"), ("FRA", "PAK")):
                facts = store.connection.execute(
                    f"SELECT coalesce(sum(facts), 0) FROM {cells_store.CELLS} WHERE a = ? AND b = ?", sorted((a, b))
                ).fetchall()[0][0]
                for until, when in ((None, "now"), (PAST, f"on {PAST}")):
                    timings = []
                    for _ in range(args.runs):
                        started = time.perf_counter()
                        found = report.dyad_report(api.relation_cells(store), a, b, by="month", until=until)
                        timings.append(time.perf_counter() - started)
                    print(
                        f"dyad {a}–{b} {when}: {facts:,} plain facts in all, {len(found.series.periods)} months, "
                        f"{found.relation.state}, {len(found.balance.parties)} third parties: "
                        f"median {1000 * statistics.median(timings):.0f} ms, best {1000 * min(timings):.0f} ms over {args.runs} runs"
                    )
            print(cells_store.explain(cells, "RUS", "TALIBAN", "month"))


if __name__ == "__main__":
    main()
