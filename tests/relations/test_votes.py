"""The votes of the CAMEO codes and the calibration of the score: the shipped files, the smoothing
worked out by hand, the fit, and bad files that name their line and field."""

from __future__ import annotations

import numpy as np
import pytest

from detente.events import ontology
from detente.relations import votes


def test_the_shipped_votes_tell_enmity_from_talk():
    shipped = votes.load()
    calibration = votes.load_calibration()
    assert set(shipped) == {code.code for code in ontology.codes()}
    assert all(-1.0 <= vote <= 1.0 for vote in shipped.values())
    # Accusations, threats and fighting are what rivals do; meetings and praise lean to allies.
    assert max(shipped["112"], shipped["130"], shipped["190"]) < -0.5
    assert min(shipped["040"], shipped["042"], shipped["051"]) > calibration.even
    assert -1.0 < calibration.even < 0.0 < calibration.steepness
    # No act counts against its own quad class: aid never cools a relation, a threat never warms it.
    for code, vote in shipped.items():
        cooperative = ontology.quad_class(code[:2]) <= 2
        assert (vote >= calibration.even - 1e-3) if cooperative else (vote <= calibration.even + 1e-3), code


def test_votes_are_bounded_by_the_even_point_to_agree_with_their_quad_class():
    raw = {"070": votes.Vote(-0.6, 0.0, 1.0), "042": votes.Vote(0.4, 1.0, 0.0), "1211": votes.Vote(0.5, 1.0, 0.0), "190": votes.Vote(-0.9, 0.0, 1.0)}
    bounded = votes.agreeing_with_quads(raw, -0.2)
    assert {code: vote.vote for code, vote in bounded.items()} == {"070": -0.2, "042": 0.4, "1211": -0.2, "190": -0.9}
    assert bounded["070"].rival == 1.0


def test_votes_are_smoothed_toward_their_parents_by_hand():
    # One allied dyad-year of consultations; one rival dyad-year, half consultations, half criticism.
    masses = [("allied", "040", 1.0), ("rival", "040", 0.5), ("rival", "111", 0.5)]
    learned = votes.learn(masses, smoothing=1.0)
    # Allied: P(q1) = (1 + 1/4) / 2, P(04) = (1 + P(q1)) / 2, P(040) = (1 + P(04)) / 2 = 0.90625;
    # rival: (0.5 + 1/4) / 2 = 0.375, then 0.4375, then 0.46875.
    assert learned["040"].vote == pytest.approx((0.90625 - 0.46875) / (0.90625 + 0.46875))
    # Allied: P(q3) = 0.25 / 2, P(11) = P(q3) / 2, P(111) = P(11) / 2 = 0.03125; rival 0.46875.
    assert learned["111"].vote == pytest.approx((0.03125 - 0.46875) / 0.5)
    assert learned["111"].rival == 0.5 and learned["111"].allied == 0.0
    # Codes never seen vote as their parents: no material conflict in either, so no vote.
    assert learned["190"].vote == pytest.approx(0.0) and learned["1123"].vote == pytest.approx(learned["112"].vote)


def test_learning_needs_both_kinds_of_dyad_years():
    with pytest.raises(votes.VotesError, match="both allied and rival"):
        votes.learn([("allied", "040", 1.0)])


def test_a_code_the_table_lacks_votes_as_its_parent():
    table = {"04": 0.25, "042": 0.5}
    assert votes.vote_of("042", table) == 0.5 and votes.vote_of("043", table) == 0.25 and votes.vote_of("190", table) == 0.0


def test_the_calibration_puts_even_odds_between_allies_and_rivals():
    rng = np.random.default_rng(11)
    amount = np.full(400, 1000.0)  # so much evidence that the prior does not matter
    allied = np.arange(400) < 200
    means = np.where(allied, 0.1, -0.3) + rng.normal(0, 0.1, 400)
    found = votes.calibrate(amount, means * amount, allied, prior_days=3.0)
    assert found.even == pytest.approx(-0.1, abs=0.02) and found.steepness > 5
    assert found.probability(found.even) == pytest.approx(0.5) and found.probability(0.1) > 0.8 > 0.2 > found.probability(-0.3)


def write_votes(folder, rows: list[str], drop: str | None = None) -> None:
    lines = ["code\tvote\tallied\trival", *(f"{c.code}\t0.1\t1\t1" for c in ontology.codes() if c.code != drop), *rows]
    (folder / votes.VOTES_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("rows", "drop", "message"),
    [
        (["999\t0.1\t1\t1"], None, "code '999' is not a CAMEO code"),
        (["040\t0.1\t1\t1"], "040", ""),
        (["040\t0.1\t1\t1"], None, "code '040' has a row already"),
        (["040\t1.5\t1\t1"], "040", "vote '1.5' is not from -1 to 1"),
        (["040\tmuch\t1\t1"], "040", "vote 'much' is not a number"),
        (["040\t0.1\t-1\t1"], "040", "allied '-1' is negative"),
        (["040\t0.1\t1"], "040", "3 tab-separated fields where a row has 4"),
        ([], "040", "no vote for 040"),
    ],
)
def test_a_bad_votes_file_names_the_line_and_field(tmp_path, rows, drop, message):
    write_votes(tmp_path, rows, drop)
    if not message:
        assert votes.load(tmp_path)["040"] == 0.1
        return
    with pytest.raises(votes.VotesError) as raised:
        votes.load(tmp_path)
    assert str(raised.value).startswith(str(tmp_path / votes.VOTES_FILE)) and message in str(raised.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name\tvalue\neven\t-0.2\n", "needs a row for 'even' and one for 'steepness'"),
        ("name\tvalue\neven\t-0.2\nsteepness\t0\n", "steepness must be positive"),
        ("name\tvalue\neven\t-0.2\nslope\t3\n", ":3: name 'slope'"),
        ("name\tnumber\n", ":1: the header must be"),
    ],
)
def test_a_bad_calibration_file_says_what_is_wrong(tmp_path, text, message):
    (tmp_path / votes.CALIBRATION_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(votes.VotesError, match=message):
        votes.load_calibration(tmp_path)


def test_a_missing_file_says_how_to_make_it(tmp_path):
    with pytest.raises(votes.VotesError, match="cannot read.*--write-votes"):
        votes.load(tmp_path)
