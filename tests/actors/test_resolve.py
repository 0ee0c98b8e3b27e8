"""Mentions resolved to actors in texts of our own, through the real parser and knowledge base."""

from __future__ import annotations

from datetime import date

import pytest

from detente import nlp
from detente.actors import kb
from detente.actors.resolve import resolve

PUBLISHED = date(2023, 5, 18)


@pytest.fixture(scope="module")
def knowledge():
    return kb.load()


def actors(text: str, knowledge, published: date = PUBLISHED) -> dict[str, tuple]:
    """Each mention's text (as written at its head token) → (principal, sector, name)."""
    doc = nlp.load()(text)
    mentions = resolve(doc, published, knowledge)
    return {doc[i].text: (m.actor.principal, m.actor.sector, m.actor.name) for i, m in mentions.by_token.items()}


def test_names_metonyms_capitals_and_misspellings(knowledge):
    found = actors("The Kremlin and the Pentagon argued while Afganistan waited and Beijing watched.", knowledge)
    assert found["Kremlin"][:2] == ("RUS", "GOV")
    assert found["Pentagon"][:2] == ("USA", "MIL")
    assert found["Afganistan"][:2] == ("AFG", None)
    assert found["Beijing"][:2] == ("CHN", "GOV")


def test_epithets_of_states(knowledge):
    found = actors("The Hermit Kingdom fired shells at the Jewish state.", knowledge)
    assert (found["Kingdom"][0], found["state"][0]) == ("PRK", "ISR")


def test_a_role_takes_its_country_from_an_adjective_a_name_a_possessor_or_of(knowledge):
    found = actors("Russian diplomats met Taliban officials. Iran's ambassador welcomed delegations of Turkish lawmakers.", knowledge)
    assert found["diplomats"][:2] == ("RUS", "DIP")
    assert found["officials"][0] == "TALIBAN"
    assert found["ambassador"][:2] == ("IRN", "DIP")
    assert found["delegations"][0] == "TUR"


def test_a_role_of_a_list_of_countries_belongs_to_each(knowledge):
    doc = nlp.load()("The ambassadors of France, Germany and Italy met the president.")
    mentions = resolve(doc, PUBLISHED, knowledge)
    ambassadors = mentions.actors(doc[1])
    assert [(a.principal, a.sector) for a in ambassadors] == [("FRA", "DIP"), ("DEU", "DIP"), ("ITA", "DIP")]


def test_a_local_role_takes_the_place_it_is_in(knowledge):
    found = actors("Iran supported rebels in Yemen. The government in Kabul protested.", knowledge)
    assert found["rebels"][:2] == ("YEM", "REB")
    assert found["government"][:2] == ("AFG", "GOV")


def test_a_person_is_known_by_an_apposition_and_later_by_surname(knowledge):
    found = actors(
        "Dmitri Orlov, the Russian ambassador to Kenya, spoke first. Then Orlov left.", knowledge
    )
    assert found["Orlov"] == ("RUS", "DIP", "Dmitri Orlov")


def test_office_holders_resolve_by_date(knowledge):
    assert actors("Biden spoke.", knowledge, date(2012, 3, 1))["Biden"][:2] == ("USA", "GOV")
    assert actors("Trump spoke.", knowledge, date(2022, 3, 1))["Trump"][:2] == ("USA", "OPP")


def test_pronouns_and_definite_descriptions_refer_back(knowledge):
    found = actors(
        "The Taliban met Qatari envoys. The movement said it wanted more talks, and they agreed.", knowledge
    )
    assert found["movement"][0] == "TALIBAN"
    assert found["it"][0] == "TALIBAN"


def test_a_relative_pronoun_is_its_antecedent(knowledge):
    found = actors("The Chinese government, which criticized Japan, spoke.", knowledge)
    assert found["which"][:2] == ("CHN", "GOV")


def test_we_inside_a_quotation_is_the_speaker(knowledge):
    found = actors("“We will not back down,” said Ali Rahimi, Iran’s deputy foreign minister.", knowledge)
    assert found["We"][0] == "IRN"


def test_unknown_words_and_bare_roles_resolve_to_nothing(knowledge):
    found = actors("Officials said the committee met experts in the building.", knowledge)
    assert found == {}


def test_people_nothing_identifies_are_reported_unresolved(knowledge):
    doc = nlp.load()("Maria Lopez, a local teacher, met the Russian ambassador. Later Lopez left Moscow.")
    mentions = resolve(doc, PUBLISHED, knowledge)
    assert mentions.unresolved == ["Maria Lopez"]


@pytest.mark.parametrize(
    "text, dateline",
    [
        ("NEW DELHI — India and China have reached an agreement.", "DELHI"),
        ("MOSCOW, March 15 (Reuters) - Russia condemned Poland.", "MOSCOW"),
        ("GAZA CITY (AP) — Israel struck Hamas.", "CITY"),
        ("WASHINGTON: The United States imposed sanctions on Iran.", "WASHINGTON"),
    ],
)
def test_a_dateline_is_where_a_report_was_filed_not_an_actor(knowledge, text, dateline):
    assert dateline not in actors(text, knowledge)


def test_a_name_in_capitals_that_is_no_place_is_no_dateline(knowledge):
    assert actors("NATO - the alliance - warned Russia.", knowledge)["NATO"][0] == "NATO"


def test_a_role_of_both_sides_belongs_to_each(knowledge):
    doc = nlp.load()("India and China met. Troops from both sides clashed.")
    mentions = resolve(doc, PUBLISHED, knowledge)
    troops = next(t for t in doc if t.text == "Troops")
    assert {(a.principal, a.sector) for a in mentions.actors(troops)} == {("IND", "MIL"), ("CHN", "MIL")}
