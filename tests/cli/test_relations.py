"""`detente dyad`, `detente ask`, `detente network` and `detente eval relations`, end to end through
the command line: a store imported from ICEWS rows of our own, and the seed article coded alone."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.store import Store

HEADER = (
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\t"
    "Target Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
    "Province\tCountry\tLatitude\tLongitude"
)
SIDES = {
    "RUS": ("Government (Russia)", "Government", "Russian Federation"),
    "UKR": ("Government (Ukraine)", "Government", "Ukraine"),
    "USA": ("Government (United States)", "Government", "United States"),
}
# (source, CAMEO code, target, first day): one event a week for a year. Russia and Ukraine meet
# in 2019 and fight in 2020; the United States criticises Russia and cooperates militarily with
# Ukraine throughout.
ACTS = [
    ("RUS", "040", "UKR", date(2019, 1, 2)),
    ("RUS", "190", "UKR", date(2020, 1, 2)),
    ("USA", "111", "RUS", date(2019, 1, 3)),
    ("USA", "111", "RUS", date(2020, 1, 3)),
    ("USA", "062", "UKR", date(2019, 1, 4)),
    ("USA", "062", "UKR", date(2020, 1, 4)),
]


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def as_json(*args: str) -> dict:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("relations")
    rows = [HEADER]
    for source, code, target, first in ACTS:
        for week in range(52):
            day = first + timedelta(weeks=week)
            rows.append(
                "\t".join([str(len(rows)), f"{day:%Y-%m-%d}", *SIDES[source], "Our act", code, "1", *SIDES[target],
                           "1", "1", "Our Wire", *[""] * 6])
            )
    path = folder / "events.ours.tab"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    db = folder / "store.duckdb"
    result = run("import", "icews", str(path), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def test_dyad_in_json_by_names_and_codes(db):
    found = as_json("dyad", "Russia", "UKR", "--db", str(db), "--by", "year")
    assert found["dyad"] == ["RUS", "UKR"] and found["on"] == "2020-12-26"  # the last event stored
    assert found["relation"]["state"] == "hostile" and found["trend"]["direction"] == "cooling"
    first, second = found["series"]["periods"]
    assert first["quads"] == {"1": 52, "2": 0, "3": 0, "4": 0} and first["forward"]["net_cooperation"] == 52
    assert second["quads"]["4"] == 52 and second["goldstein_sum"] == -520.0
    assert second["relation"]["state"] == "hostile" and first["relation"]["state"] == "ally"
    [turn] = found["turns"]
    assert turn["on"].startswith("2020-01") and all(e["cameo"] == "190" for e in turn["events"])
    assert found["balance"]["favours"] == -1 and found["balance"]["reasons"] == [
        "RUS–USA hostile and USA–UKR ally: balance favours RUS–UKR hostile"
    ]
    assert found["outlook"]["method"] == "forecast" and len(found["weighing"]) >= 5
    assert abs(sum(found["outlook"]["probabilities"].values()) - 1) < 1e-3


def test_dyad_as_a_table_and_as_of_a_date(db):
    result = run("dyad", "Russians", "Ukraine", "--db", str(db), "--until", "2019-12-31", "--by", "month")
    assert result.exit_code == 0, result.output
    assert "Now: ally" in result.stdout and "2019-12" in result.stdout and "2020-01" not in result.stdout


def test_dyad_errors_are_one_line(db, tmp_path):
    for args, message in [
        (("Ruritania", "UKR", "--db", str(db)), "A: 'Ruritania' is no actor"),
        (("RUS", "Russia", "--db", str(db)), "both RUS"),
        (("RUS", "UKR", "--db", str(tmp_path / "absent.duckdb")), "no such database"),
        (("RUS", "UKR", "--db", str(db), "--since", "2020-02-30"), "--since"),
    ]:
        result = run("dyad", *args)
        assert result.exit_code != 0 and message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_ask(db):
    found = as_json("ask", "Will Russia and Ukraine become friends within 6 months?", "--db", str(db))
    assert found["question"]["actors"] == [{"text": "Russia", "principal": "RUS"}, {"text": "Ukraine", "principal": "UKR"}]
    assert found["question"]["horizon_days"] == 180 and found["question"]["goal"] == "friendly"
    assert found["outlook"]["horizon_days"] == 180 and found["series"]["by"] == "month"
    # At war for a year: a forecast, and friendship unlikely.
    verdict = found["verdict"]
    assert not verdict["likely"] and verdict["chance"] < 0.5 and verdict["text"].startswith("Unlikely: ")
    assert found["outlook"]["probabilities"]["friendly"] + found["outlook"]["probabilities"]["ally"] == pytest.approx(verdict["chance"], abs=1e-3)
    foes = as_json("ask", "Will Russia and Ukraine stay enemies?", "--db", str(db))
    assert foes["question"]["goal"] == "hostile" and foes["verdict"]["likely"] and "tense or hostile" in foes["verdict"]["text"]
    result = run("ask", "Will Russia and Ukraine become friends?", "--db", str(db))
    assert result.exit_code == 0 and "Answer: Unlikely: " in result.stdout


def test_a_question_we_cannot_read_says_what_we_understood(db):
    result = run("ask", "Will Ruritania and Ukraine become friends?", "--db", str(db))
    assert result.exit_code != 0 and "'Ukraine' → UKR" in result.stderr and "two actors" in result.stderr


def test_network_in_every_format(db):
    found = as_json("network", "--db", str(db))
    signs = {(e["a"], e["b"]): e["sign"] for e in found["edges"]}
    assert signs == {("RUS", "UKR"): -1, ("RUS", "USA"): -1, ("UKR", "USA"): 1}
    assert found["triads"] == [{"nodes": ["RUS", "UKR", "USA"], "signs": [-1, 1, -1], "balanced": True}]
    # At the end of 2019 Russia and Ukraine were friends while the United States sided with Ukraine
    # against Russia: unbalanced. Once Russia fought Ukraine, balanced.
    assert [(f["on"], f["index"]) for f in found["frustration"]] == [("2019-12-31", 1.0), ("2020-12-26", 0.0)]
    gexf = run("network", "--db", str(db), "--on", "2020-12-31", "--format", "gexf")
    graph = nx.read_gexf(io.BytesIO(gexf.stdout.encode()))
    assert graph.nodes["RUS"]["label"] == "Russia" and graph.edges["RUS", "USA"]["state"] == "hostile"
    table = run("network", "--db", str(db))
    assert table.exit_code == 0 and "frustration index 0.000" in table.stdout and "RUS–UKR" in table.stdout


def test_eval_relations_on_a_record_of_our_own(db, tmp_path):
    (tmp_path / "atop_alliance.csv").write_text("ccode1,ccode2,year,atop_defense,atop_offense\n2,369,2019,1,0\n2,369,2020,1,0\n")
    (tmp_path / "td_rivalries.csv").write_text("ccode1,ccode2,styear,endyear\n2,365,2007,2010\n")
    (tmp_path / "tss_rivalries.csv").write_text("ccode1,ccode2,start,end\n2,365,2007,2020\n365,369,2014,2020\n")
    (tmp_path / "gml_mid_ddydisps.csv").write_text("ccode1,ccode2,year\n365,369,2020\n")
    found = as_json("eval", "relations", "--truth", str(tmp_path), "--db", str(db))
    assert (found["allied"], found["rivalry"]) == (2, 4)
    # Russia and Ukraine only met in 2019, in the midst of a rivalry: they score as friends would.
    assert found["auc"] < 1.0 and found["confusion"]["ally"]["rivalry"] == 1
    assert found["disputes"]["hostile"] == {"dyad_years": 3, "with_dispute": 1}
    table = run("eval", "relations", "--truth", str(tmp_path), "--db", str(db), "--since", "2020")
    assert "2 in rivalry" in table.stdout and "ROC AUC, allied vs in rivalry, by relation score: 1.000" in table.stdout
    missing = run("eval", "relations", "--truth", str(tmp_path / "absent"), "--db", str(db))
    assert missing.exit_code != 0 and "atop_alliance.csv: no such file" in missing.stderr
    backwards = run("eval", "relations", "--truth", str(tmp_path), "--db", str(db), "--since", "2020", "--until", "2019")
    assert backwards.exit_code != 0 and "--since 2020 is after --until 2019" in backwards.stderr


def test_eval_relations_writes_the_votes_it_learns(db, tmp_path):
    (tmp_path / "atop_alliance.csv").write_text("ccode1,ccode2,year,atop_defense,atop_offense\n2,369,2019,1,0\n")
    (tmp_path / "td_rivalries.csv").write_text("ccode1,ccode2,styear,endyear\n2,365,2007,2010\n")
    (tmp_path / "tss_rivalries.csv").write_text("ccode1,ccode2,start,end\n2,365,2007,2020\n")
    (tmp_path / "gml_mid_ddydisps.csv").write_text("ccode1,ccode2,year\n365,369,2020\n")
    folder = tmp_path / "votes"
    folder.mkdir()
    args = ("eval", "relations", "--truth", str(tmp_path), "--db", str(db), "--until", "2019")
    learned = run(*args, "--write-votes", str(folder))
    assert learned.exit_code == 0, learned.output
    assert "learned from 1 allied and 1 rival dyad-years" in learned.stdout
    assert (folder / "votes.tsv").is_file() and (folder / "calibration.tsv").is_file()
    nowhere = run(*args, "--write-votes", str(tmp_path / "absent"))
    assert nowhere.exit_code != 0 and "absent: no such folder" in nowhere.stderr


def test_plot_writes_a_png(db, tmp_path):
    pytest.importorskip("matplotlib", reason="matplotlib draws the --plot chart; install the pinned dependencies")
    chart = tmp_path / "chart.png"
    result = run("dyad", "RUS", "UKR", "--db", str(db), "--plot", str(chart))
    assert result.exit_code == 0, result.output
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and chart.stat().st_size > 10_000


def test_ask_after_coding_the_seed_article_alone(shared_example, tmp_path):
    article, _ = shared_example
    db = tmp_path / "seed.duckdb"
    coded = run("analyze", str(article), "--date", "2021-08-19", "--db", str(db), "--format", "json")
    assert coded.exit_code == 0, coded.output
    found = as_json("ask", "Will Russia and the Taliban become friends?", "--db", str(db))
    assert [a["principal"] for a in found["question"]["actors"]] == ["RUS", "TALIBAN"]
    assert found["on"] == "2021-08-19" and found["facts"] >= 10 and found["flagged"] >= 1
    # Talks, statements and praise, which allies and rivals share, and a refusal: little evidence
    # either way, the refusal weighing most.
    assert found["relation"]["state"] in ("tense", "neutral") and found["relation"]["confidence"] < 0.6
    strongest = max(found["weighing"], key=lambda w: abs(w["pull"]))
    assert strongest["pull"] < 0 and strongest["event"]["cameo"].startswith("12")
    with Store(db, read_only=True) as store:
        stored = {row[0] for row in store.connection.execute("SELECT text FROM sentences").fetchall()}
    sentences = [w["event"]["sentence"] for w in found["weighing"]]
    assert len(sentences) >= 5 and set(sentences) <= stored
    # The article's dated history ("in 1999", "since 2017") is enough for the forecaster.
    assert found["outlook"]["method"] == "forecast" and "chance friendly or allied" in found["outlook"]["note"]


COUNTRIES = {"FRA": "France", "DEU": "Germany", "IND": "India", "PAK": "Pakistan", "CHN": "China", "JPN": "Japan"}


@pytest.fixture(scope="module")
def spells_db(tmp_path_factory) -> Path:
    """Four years of the fifteen dyads of six governments, each friendly or hostile in spells of months."""
    folder = tmp_path_factory.mktemp("spells")
    rows, codes = [HEADER], sorted(COUNTRIES)
    seed = 0
    for i, a in enumerate(codes):
        for b in codes[i + 1 :]:
            seed += 1
            friendly = seed % 2 == 0
            for day in (date(2016, 1, 1) + timedelta(days=d) for d in range(0, 4 * 365, 3)):
                if (day.toordinal() * seed) % 97 == 0:
                    friendly = not friendly
                odd_one_out = (day.toordinal() + seed) % (12 if friendly else 3) == 0
                code = "040" if friendly != odd_one_out else "111"
                sides = [(f"Government ({COUNTRIES[c]})", "Government", COUNTRIES[c]) for c in (a, b)]
                rows.append("\t".join([str(len(rows)), f"{day:%Y-%m-%d}", *sides[0], "Our act", code, "1", *sides[1], "1", "1", "Our Wire", *[""] * 6]))
    path = folder / "events.spells.tab"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    db = folder / "spells.duckdb"
    assert run("import", "icews", str(path), "--db", str(db)).exit_code == 0
    return db


def test_forecast_a_dyad(spells_db):
    found = as_json("forecast", "India", "PAK", "--db", str(spells_db), "--horizon", "3m")
    assert found["dyad"] == ["IND", "PAK"] and found["on"] == "2019-12-29" and found["lacking"] is None
    predicted = found["forecast"]
    assert predicted["horizon_months"] == 3 and abs(sum(predicted["states"].values()) - 1) < 1e-3
    assert 0 <= predicted["rise"]["probability"] <= 1 and len(predicted["rise"]["drivers"]) == 9
    assert found["outlook"]["method"] == "forecast" and found["weighing"]
    table = run("forecast", "FRA", "Germany", "--db", str(spells_db))
    assert table.exit_code == 0 and "Friendly or allied in 12 months" in table.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [(("FRA", "DEU", "--horizon", "30m"), "1m to 24m"), (("FRA", "Narnia"), "'Narnia' is no actor"), (("FRA", "France"), "both FRA")],
)
def test_forecast_refuses_bad_requests(spells_db, args, message):
    result = run("forecast", *args, "--db", str(spells_db))
    assert result.exit_code != 0 and message in result.output


def test_eval_relation_forecast_scores_the_model_and_both_baselines(spells_db):
    found = as_json("eval", "relation-forecast", "--db", str(spells_db))
    assert found["dyads"] == 15 and found["months"] == ["2016-01-31", "2019-11-30"]
    rise, soon, later = found["targets"]
    assert [t["target"] for t in found["targets"]] == ["rise", "friendly+3m", "friendly+12m"]
    for result in (rise, soon, later):
        assert result["forecasts"] > 100 and 0 < result["positives"] < result["forecasts"]
        assert all(0 <= result[who]["brier"] <= 1 for who in ("model", "persistence", "long_run"))
    assert soon["model"]["brier"] < soon["long_run"]["brier"]
