"""The report on a dyad: state, trend, turn with its events, balance, estimate, weighing events with evidence."""

from __future__ import annotations

import re
from datetime import date, timedelta

import numpy as np
import pytest
from relation_world import FIGHT, TEXT, TURN

from detente import api
from detente.relations import outlook, report, state
from detente.relations.state import Evidence

LAST = date(2021, 1, 1)  # the world's last event


@pytest.fixture(scope="module")
def russia_ukraine(world_db):
    return api.dyad("RUS", "UKR", db=world_db, by="month")


def test_the_relation_turned_hostile_when_the_fighting_began(russia_ukraine):
    found = russia_ukraine
    assert found.on == LAST and found.relation.state in ("tense", "hostile") and found.relation.confidence > 0.9
    assert found.trend.direction == "cooling" and found.trend.before.state in ("ally", "friendly")
    [marked] = found.turns
    assert abs((marked.turn.on - TURN).days) <= 7 and not marked.turn.warmed
    assert marked.events and all(e.cameo == FIGHT and e.date.start >= TURN for e in marked.events)
    assert [s.state for s in found.states][4:17] == ["ally"] * 13
    assert found.states[-1] == found.relation


def test_the_weighing_events_carry_their_evidence(russia_ukraine, world_db):
    found = russia_ukraine
    assert 5 <= len(found.weighing) <= report.WEIGHING_EVENTS
    influences = [w.influence for w in found.weighing]
    assert influences == sorted(influences, reverse=True)
    assert all(w.event.is_fact for w in found.weighing)
    # The fights weigh most today: an act of war says more than a meeting, and they are recent.
    assert all(w.event.cameo == FIGHT and w.pull < 0 for w in found.weighing)
    assert all(re.fullmatch(r".*events\.world\.tab:\d+", w.event.origin) for w in found.weighing)
    [coded] = api.dyad("RUS", "UKR", db=world_db, dataset="coded", estimate=outlook.trend_estimate).weighing
    assert coded.event.sentence == TEXT.split(". ")[0] + "." and coded.pull > 0


def test_flagged_balance_and_forecast(russia_ukraine):
    found = russia_ukraine
    assert found.flagged == 1
    assert [p.code for p in found.balance.parties] == ["USA"] and found.balance.favours == -1
    assert found.outlook.method == "forecast" and "chance friendly or allied" in found.outlook.note
    assert found.outlook.on == LAST + timedelta(days=report.DEFAULT_HORIZON_DAYS)
    chances = dict(found.outlook.probabilities)
    assert set(chances) == set(state.STATES) and abs(sum(chances.values()) - 1) < 1e-9


def test_the_trend_based_estimate_says_it_is_no_forecast(world_db):
    found = api.dyad("RUS", "UKR", db=world_db, estimate=outlook.trend_estimate)
    assert found.outlook.method == "trend" and "not a forecast" in found.outlook.note and not found.outlook.probabilities


def test_the_as_of_date_reads_the_past_only(world_db):
    before = api.dyad("RUS", "UKR", db=world_db, until=date(2020, 5, 31))
    assert before.on == date(2020, 5, 31) and before.relation.state == "ally" and before.turns == ()


def unit_days(values: list[float], end: date) -> Evidence:
    days = np.array([(end - timedelta(days=len(values) - 1 - i)).toordinal() for i in range(len(values))])
    return Evidence(days, np.where(np.array(values) > 0, 1, -1), np.array(values), np.ones(len(values)))


def test_the_trend_estimate_carries_the_recent_behaviour_forward_and_silence_fades():
    end = date(2021, 1, 1)
    steady = unit_days([1.0] * 400, end)
    souring = unit_days([1.0] * 300 + [-1.0] * 100, end)
    assert outlook.trend_estimate(steady, end, 365).state == "ally"
    now = state.relation_at(souring, end).score
    ahead = outlook.trend_estimate(souring, end, 365).score
    assert ahead < now
    silent = unit_days([-1.0] * 10, end - timedelta(days=400))
    quiet = outlook.trend_estimate(silent, end, 3650).score
    assert state.relation_at(silent, end).score < quiet < state.score_of(0.0, 0.0) == pytest.approx(0.5)


def test_a_forecaster_takes_the_estimate_over(world_db):
    def forecaster(evidence: Evidence, on: date, horizon_days: int) -> outlook.Outlook:
        return outlook.Outlook(on + timedelta(days=horizon_days), 0.95, "ally", "ours", f"{len(evidence)} units")

    found = api.dyad("RUS", "UKR", db=world_db, estimate=forecaster)
    assert found.outlook.method == "ours" and found.outlook.note.endswith("units")


def test_a_question_chooses_years_for_a_long_history(world_db):
    answer = api.ask("Will Russia and Ukraine make peace in the next 6 months?", db=world_db)
    assert answer.report.horizon_days == 180 and answer.report.dyad == ("RUS", "UKR")
    assert answer.report.series.by == "month"
    assert report.period_for(unit_days([1.0] * 1200, LAST), None, LAST) == "year"


def test_the_verdict_answers_what_was_asked_from_the_forecast_or_the_trend(world_db):
    from detente.relations.question import Mention, Question

    found = api.dyad("RUS", "UKR", db=world_db)
    actors = (Mention("Russia", "RUS"), Mention("Ukraine", "UKR"))
    friends = report.Answer(Question("friends?", actors, None, None, "friendly"), found).verdict
    chances = dict(found.outlook.probabilities)
    assert friends.chance == pytest.approx(chances["ally"] + chances["friendly"]) and friends.likely == (friends.chance >= 0.5)
    assert friends.text.startswith("Likely: " if friends.likely else "Unlikely: ") and "(forecast; most likely" in friends.text
    trend = api.dyad("RUS", "UKR", db=world_db, estimate=outlook.trend_estimate)
    foes = report.Answer(Question("war?", actors, None, None, "hostile"), trend).verdict
    assert foes.chance is None and foes.likely == (trend.outlook.state in ("tense", "hostile"))
    assert foes.text.endswith("(trend-based estimate, not a forecast).")
    assert report.Answer(Question("how?", actors, None, None, None), found).verdict is None
