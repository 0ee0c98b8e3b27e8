"""Reading questions: two actors through the knowledge base, a horizon, and what the asker wants."""

from __future__ import annotations

from datetime import date

import pytest

from detente.actors import kb
from detente.relations.question import QuestionError, parse

TODAY = date(2026, 1, 15)


@pytest.fixture(scope="module")
def knowledge():
    return kb.load()


def test_the_seed_question(knowledge):
    asked = parse("Will Russia and the Taliban become friends?", knowledge, TODAY)
    assert [(m.text, m.principal) for m in asked.actors] == [("Russia", "RUS"), ("the Taliban", "TALIBAN")]
    assert asked.horizon_days is None and asked.goal == "friendly"


@pytest.mark.parametrize(
    ("text", "actors", "days"),
    [
        ("Will Russia and the Taliban become friends in the next year?", ("RUS", "TALIBAN"), 365),
        ("Will RUS and TALIBAN be allies within 6 months?", ("RUS", "TALIBAN"), 180),
        ("Are the Americans and the Iranians going to war over the coming decade?", ("USA", "IRN"), 3652),
        ("How will China and Japan get along next month?", ("CHN", "JPN"), 30),
        ("Will Putin and Washington reconcile in two years?", ("RUS", "USA"), 730),
        ("Will India and Pakistan fight by 2027?", ("IND", "PAK"), (date(2027, 12, 31) - TODAY).days),
    ],
)
def test_actors_and_horizons(knowledge, text, actors, days):
    asked = parse(text, knowledge, TODAY)
    assert tuple(m.principal for m in asked.actors) == actors
    assert asked.horizon_days == days


def test_what_the_asker_wants(knowledge):
    assert parse("Will Iran and Israel go to war?", knowledge, TODAY).goal == "hostile"
    assert parse("How are France and Germany doing?", knowledge, TODAY).goal is None


def test_one_actor_is_not_enough_and_the_error_says_what_was_understood(knowledge):
    with pytest.raises(QuestionError) as raised:
        parse("Will Ruritania and the Taliban become friends in the next year?", knowledge, TODAY)
    message = str(raised.value)
    assert "two actors" in message and "'the Taliban' → TALIBAN" in message and "'in the next year'" in message


def test_the_same_actor_twice_or_three_actors_are_refused(knowledge):
    with pytest.raises(QuestionError, match="two actors"):
        parse("Will Russia and the Kremlin agree?", knowledge, TODAY)
    with pytest.raises(QuestionError, match="more than two actors"):
        parse("Will Russia, China and Iran become allies?", knowledge, TODAY)


def test_a_horizon_in_the_past_is_refused(knowledge):
    with pytest.raises(QuestionError, match="not in the future"):
        parse("Will Russia and China be friends by 2020?", knowledge, TODAY)
