"""The check against alliances, rivalries and disputes: on a record of our own, worked out by hand,
and reading the real files in ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente import api
from detente.actors import kb
from detente.relations import validation, votes

# COW codes: United States 2, Russia 365, Ukraine 369, China 710.
OUR_RECORD = {
    "atop_alliance.csv": "ccode1,ccode2,year,atop_defense,atop_offense\n365,710,2019,1,0\n710,365,2020,0,1\n2,369,2020,0,0\n",
    "td_rivalries.csv": "rivalryno,ccode1,ccode2,styear,endyear\n1,2,365,2007,2010\n",
    "tss_rivalries.csv": "tssr_id,ccode1,ccode2,start,end\n1,2,365,2007,2020\n2,365,369,2020,2020\n",
    "gml_mid_ddydisps.csv": "dispnum,ccode1,ccode2,year\n9,365,369,2020\n",
}


@pytest.fixture
def record(tmp_path) -> Path:
    for name, text in OUR_RECORD.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_record_is_read_as_unordered_dyad_years(record):
    truth = validation.read_truth(record)
    assert truth.allied == {(365, 710, 2019), (365, 710, 2020)}
    assert truth.rivalry == {(2, 365, year) for year in range(2007, 2021)} | {(365, 369, 2020)}
    assert truth.disputes == {(365, 369, 2020)}
    assert (truth.alliances_until, truth.rivalries_until, truth.disputes_until) == (2020, 2020, 2020)


def test_allies_score_above_rivals(cells, record):
    result = validation.validate(cells, validation.read_truth(record), kb.load(), min_events=20)
    found = {(d.dyad, d.year): d for d in result.dyad_years}
    assert set(found) == {(dyad, year) for dyad in (("CHN", "RUS"), ("RUS", "USA"), ("UKR", "USA")) for year in (2019, 2020)} | {
        (("RUS", "UKR"), 2019), (("RUS", "UKR"), 2020)
    }
    assert found[("CHN", "RUS"), 2019].label == "allied" and found[("RUS", "USA"), 2019].label == "rivalry"
    assert found[("RUS", "UKR"), 2020].label == "rivalry" and found[("RUS", "UKR"), 2020].dispute is True
    assert found[("UKR", "USA"), 2020].label == "neither"
    assert (result.allied, result.rivals) == (2, 3)
    assert result.auc == 1.0
    assert sum(sum(row.values()) for row in result.confusion.values()) == len(result.dyad_years) == 8
    # The United States criticises Russia every week of both years: hostile, as the rivalry lists say.
    assert result.confusion["ally"]["allied"] == 2 and result.confusion["hostile"]["rivalry"] == 3
    hostile, with_dispute = result.disputes(("hostile", "tense"))
    assert (hostile, with_dispute) == (3, 1)


def test_too_few_events_leave_nothing_to_judge(cells, record):
    result = validation.validate(cells, validation.read_truth(record), kb.load(), min_events=10_000)
    assert result.dyad_years == () and result.auc is None


def test_a_missing_file_or_column_says_which(record):
    (record / "gml_mid_ddydisps.csv").unlink()
    with pytest.raises(validation.TruthError, match="gml_mid_ddydisps.csv: no such file"):
        validation.read_truth(record)
    (record / "gml_mid_ddydisps.csv").write_text("dispnum,ccode1,ccode2\n9,365,369\n", encoding="utf-8")
    with pytest.raises(validation.TruthError, match="gml_mid_ddydisps.csv: no column year"):
        validation.read_truth(record)


def test_the_real_record(shared):
    folder = shared / "data" / "relations"
    if not folder.exists():
        pytest.skip(f"the relation data is not at {folder}: clone the project beside ../shared")
    truth = validation.read_truth(folder)
    assert (2, 200, 2000) in truth.allied  # the United States and Britain, NATO
    assert (2, 365, 2015) in truth.rivalry and (710, 740, 2012) in truth.rivalry  # US-Russia, China-Japan
    assert (750, 770, 2001) in truth.disputes  # India-Pakistan
    assert (truth.alliances_until, truth.rivalries_until, truth.disputes_until) == (2018, 2020, 2010)


def test_votes_are_learned_from_the_record_and_written(world_copy, record, tmp_path):
    folder = tmp_path / "learned"
    folder.mkdir()
    learned = api.learn_relation_votes(record, folder, db=world_copy, min_events=20, until=2019)
    # 2019: China-Russia allied (they consult), Russia-United States in rivalry (the US criticises).
    assert (learned.allied, learned.rivals) == (1, 1)
    found, calibration = votes.load(folder), votes.load_calibration(folder)
    assert found["040"] > 0 > calibration.even > found["111"]
    assert calibration.probability(found["040"]) > 0.5 > calibration.probability(found["111"])
    assert "world.duckdb, dyad-years up to 2019" in (folder / votes.VOTES_FILE).read_text().splitlines()[0]
    # A year without both kinds of dyad-years teaches nothing.
    with pytest.raises(votes.VotesError, match="both allied and rival"):
        api.learn_relation_votes(record, folder, db=world_copy, min_events=20, since=2021)
