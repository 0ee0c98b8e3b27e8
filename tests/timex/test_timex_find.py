"""Time expressions found in short texts parsed by the real pipeline, and the days they resolve to."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from detente import nlp
from detente.model import EventDate, TimeExpression
from detente.timex import find_time_expressions
from detente.timex.intervals import OPEN_END, OPEN_START

PUBLISHED = date(2021, 8, 19)  # a Thursday


@pytest.fixture(scope="module")
def pipeline() -> Language:
    return nlp.load()


def found(pipeline: Language, text: str, published: date = PUBLISHED) -> list[TimeExpression]:
    return find_time_expressions(pipeline(text), published)


def days(start: str, end: str, precision: str) -> EventDate:
    return EventDate(date.fromisoformat(start), date.fromisoformat(end), precision, from_publication_date=False)


def only(pipeline: Language, text: str, published: date = PUBLISHED) -> TimeExpression:
    expressions = found(pipeline, text, published)
    assert len(expressions) == 1, [expression.text for expression in expressions]
    return expressions[0]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The talks opened on July 9, 2021 in Doha.", "July 9, 2021", days("2021-07-09", "2021-07-09", "day")),
        ("The talks opened on 9 July 2021 in Doha.", "9 July 2021", days("2021-07-09", "2021-07-09", "day")),
        ("The envoy arrived on July 28 with aides.", "July 28", days("2021-07-28", "2021-07-28", "day")),
        ("The envoy spoke to reporters on Aug. 16.", "Aug. 16", days("2021-08-16", "2021-08-16", "day")),
        ("Hijacked planes struck on Sept. 11, 2001.", "Sept. 11, 2001", days("2001-09-11", "2001-09-11", "day")),
        ("The memo is dated 2021-07-09 and signed.", "2021-07-09", days("2021-07-09", "2021-07-09", "day")),
        ("The offensive began in July 2021.", "July 2021", days("2021-07-01", "2021-07-31", "month")),
        ("The movement held Kabul in 1999.", "1999", days("1999-01-01", "1999-12-31", "year")),
        ("Envoys first met in 2016.", "2016", days("2016-01-01", "2016-12-31", "year")),
        ("The delegation visited Moscow in July.", "July", days("2021-07-01", "2021-07-31", "month")),
        ("The delegation visited Moscow in September.", "September", days("2020-09-01", "2020-09-30", "month")),
        ("In March they march on the capital.", "March", days("2021-03-01", "2021-03-31", "month")),
        ("The ministers met on Aug. 23.", "Aug. 23", days("2020-08-23", "2020-08-23", "day")),
        ("The troops stayed July 9-11, 2021.", "July 9-11, 2021", days("2021-07-09", "2021-07-11", "day")),
    ],
)
def test_explicit_dates(pipeline: Language, text: str, phrase: str, expected: EventDate) -> None:
    expression = only(pipeline, text)
    assert phrase in expression.text
    assert expression.date == expected


def test_a_year_less_date_goes_back_to_the_previous_year(pipeline: Language) -> None:
    expression = only(pipeline, "The rebels took the town on Dec. 30.", date(2021, 1, 3))
    assert expression.date == days("2020-12-30", "2020-12-30", "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers will meet on Aug. 23.", days("2021-08-23", "2021-08-23", "day")),
        ("The summit will be held in July.", days("2022-07-01", "2022-07-31", "month")),
        ("The president will visit Kabul on Monday.", days("2021-08-23", "2021-08-23", "day")),
        ("The president is to visit Kabul on Monday.", days("2021-08-23", "2021-08-23", "day")),
        ("The president is due to visit Kabul on Monday.", days("2021-08-23", "2021-08-23", "day")),
        ("They'll sign the deal on Friday.", days("2021-08-20", "2021-08-20", "day")),
        ("The envoys will try to meet on Saturday.", days("2021-08-21", "2021-08-21", "day")),
        ("The president is expected to visit Kabul on Monday.", days("2021-08-23", "2021-08-23", "day")),
        ("The president plans to visit Kabul on Monday.", days("2021-08-23", "2021-08-23", "day")),
        ("The president's visit to Kabul is planned for Monday.", days("2021-08-23", "2021-08-23", "day")),
    ],
)
def test_a_future_verb_looks_ahead(pipeline: Language, text: str, expected: EventDate) -> None:
    assert only(pipeline, text).date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The group published a statement on Thursday.", "2021-08-19"),
        ("The president spoke on Monday.", "2021-08-16"),
        ("The president fled the country on Sunday.", "2021-08-15"),
        ("The ministers talked last Friday.", "2021-08-13"),
        ("The ministers talked last Thursday.", "2021-08-12"),
        ("The ministers talked on Monday night.", "2021-08-16"),
        ("On Thursday he said they will meet.", "2021-08-19"),
    ],
)
def test_weekdays_before_publication(pipeline: Language, text: str, expected: str) -> None:
    assert only(pipeline, text).date == days(expected, expected, "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The embassy reopened today.", days("2021-08-19", "2021-08-19", "day")),
        ("The minister will speak tonight.", days("2021-08-19", "2021-08-19", "day")),
        ("The minister spoke this morning.", days("2021-08-19", "2021-08-19", "day")),
        ("The minister spoke yesterday.", days("2021-08-18", "2021-08-18", "day")),
        ("The minister will speak tomorrow.", days("2021-08-20", "2021-08-20", "day")),
        ("Kabul now seems calm.", days("2021-08-19", "2021-08-19", "day")),
        ("The talks resumed this week.", days("2021-08-16", "2021-08-22", "day")),
        ("The talks resumed last week.", days("2021-08-09", "2021-08-15", "day")),
        ("The talks resumed this month.", days("2021-08-01", "2021-08-31", "month")),
        ("The talks resumed last month.", days("2021-07-01", "2021-07-31", "month")),
        ("The talks resumed this year.", days("2021-01-01", "2021-12-31", "year")),
        ("The talks resumed last year.", days("2020-01-01", "2020-12-31", "year")),
        ("The talks resumed earlier this year.", days("2021-01-01", "2021-08-19", "year")),
        ("The talks will resume next year.", days("2022-01-01", "2022-12-31", "year")),
        ("The talks will resume next month.", days("2021-09-01", "2021-09-30", "month")),
    ],
)
def test_deictic_expressions(pipeline: Language, text: str, expected: EventDate) -> None:
    assert only(pipeline, text).date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The last visit happened a month ago.", days("2021-07-01", "2021-07-31", "month")),
        ("A year ago, the ministry released a report.", days("2020-08-01", "2020-08-31", "month")),
        ("The embassy closed two years ago.", days("2019-01-01", "2019-12-31", "year")),
        ("The embassy closed three days ago.", days("2021-08-16", "2021-08-16", "day")),
        ("The embassy closed a week ago.", days("2021-08-12", "2021-08-12", "day")),
        ("The embassy closed a decade ago.", days("2011-01-01", "2011-12-31", "year")),
    ],
)
def test_ago_counts_back_from_publication(pipeline: Language, text: str, expected: EventDate) -> None:
    assert only(pipeline, text).date == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Since 2017, delegations have visited.", "Since 2017", days("2017-01-01", "2021-08-19", "year")),
        ("Troops fought there from 1979-1989.", "from 1979-1989", days("1979-01-01", "1989-12-31", "year")),
        ("Troops fought there from 1979 to 1989.", "from 1979 to 1989", days("1979-01-01", "1989-12-31", "year")),
        ("Troops fought between 1979 and 1989.", "between 1979 and 1989", days("1979-01-01", "1989-12-31", "year")),
        ("Troops fought there in 1979–1989.", "1979–1989", days("1979-01-01", "1989-12-31", "year")),
        ("Troops fought there from 1979-89.", "from 1979-89", days("1979-01-01", "1989-12-31", "year")),
        ("Envoys met from Friday to Monday.", "from Friday to Monday", days("2021-08-13", "2021-08-16", "day")),
        ("Envoys met from July to September.", "from July to September", days("2021-07-01", "2021-09-30", "month")),
        ("We talked for the last seven years.", "for the last seven years", days("2014-01-01", "2021-08-19", "year")),
        ("We talked over the past seven years.", "over the past seven years", days("2014-01-01", "2021-08-19", "year")),
        ("Attacks grew in the past decade.", "the past decade", days("2011-01-01", "2021-08-19", "year")),
        ("Attacks fell over the past two months.", "the past two months", days("2021-06-01", "2021-08-19", "month")),
        ("The movement emerged in the 1990s.", "the 1990s", days("1990-01-01", "1999-12-31", "year")),
        ("The 1990s were hard for Kabul.", "The 1990s", days("1990-01-01", "1999-12-31", "year")),
        ("Empires fell in the 20th century.", "the 20th century", days("1901-01-01", "2000-12-31", "year")),
    ],
)
def test_spans(pipeline: Language, text: str, phrase: str, expected: EventDate) -> None:
    expression = only(pipeline, text)
    assert phrase in expression.text
    assert expression.date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops left before 1999.", EventDate(OPEN_START, date(1998, 12, 31), "year", False)),
        ("Troops stayed until 1989.", EventDate(OPEN_START, date(1989, 12, 31), "year", False)),
        ("Troops will leave before Aug. 31.", days("2021-08-19", "2021-08-30", "day")),
        ("Troops will stay until Monday.", days("2021-08-19", "2021-08-23", "day")),
        ("China could invade Taiwan by 2027.", days("2021-08-19", "2027-12-31", "year")),
        ("Fighting resumed after 2001.", days("2002-01-01", "2021-08-19", "year")),
        ("Talks will resume after Monday.", EventDate(date(2021, 8, 24), OPEN_END, "day", False)),
        ("He has led the talks since Monday.", days("2021-08-16", "2021-08-19", "day")),
    ],
)
def test_prepositions_change_the_days(pipeline: Language, text: str, expected: EventDate) -> None:
    assert only(pipeline, text).date == expected


def test_anaphora_count_from_the_last_day_named(pipeline: Language) -> None:
    text = (
        "The envoy spoke on Aug. 16. Speaking the same day, the minister agreed. "
        "The next day the delegations met. Two days later they parted, and a week later they returned."
    )
    assert [(expression.text, expression.date.start) for expression in found(pipeline, text)] == [
        ("on Aug. 16", date(2021, 8, 16)),
        ("the same day", date(2021, 8, 16)),
        ("The next day", date(2021, 8, 17)),
        ("Two days later", date(2021, 8, 19)),
        ("a week later", date(2021, 8, 26)),
    ]


def test_a_past_act_later_than_nothing_dated_is_not_dated_after_the_publication(pipeline: Language) -> None:
    assert found(pipeline, "Two days later the delegations parted.") == []
    [before] = found(pipeline, "The day before, the delegations had argued.")
    assert before.date.start == date(2021, 8, 18)


def test_more_day_anaphora(pipeline: Language) -> None:
    text = (
        "The treaty was signed on March 3, 2015. That day the guns fell silent. "
        "The following day prisoners were freed. The day before, the talks had nearly failed. "
        "On the previous day the envoys had argued."
    )
    starts = [expression.date.start for expression in found(pipeline, text)]
    assert starts == [date(2015, 3, 3), date(2015, 3, 3), date(2015, 3, 4), date(2015, 3, 3), date(2015, 3, 2)]


def test_year_anaphora_count_from_the_last_year_named(pipeline: Language) -> None:
    text = (
        "The accord was signed in 2017. That year the embassy reopened. "
        "The same year trade grew. On March 3, 2015 the envoys met, and later that year they signed."
    )
    dates = [expression.date for expression in found(pipeline, text)]
    assert dates == [
        days("2017-01-01", "2017-12-31", "year"),
        days("2017-01-01", "2017-12-31", "year"),
        days("2017-01-01", "2017-12-31", "year"),
        days("2015-03-03", "2015-03-03", "day"),
        days("2015-03-03", "2015-12-31", "year"),
    ]


def test_an_anaphor_with_nothing_before_counts_from_publication_but_not_past_it(pipeline: Language) -> None:
    assert only(pipeline, "The envoys will leave the next day.").date == days("2021-08-20", "2021-08-20", "day")
    assert only(pipeline, "The envoys had left the previous year.").date == days("2020-01-01", "2020-12-31", "year")
    assert found(pipeline, "The next day the envoys left.") == [], "a past act is not dated after its report"
    assert found(pipeline, "Erdogan apologised the following year.") == []


def test_the_first_time_since_a_date_is_not_the_date(pipeline: Language) -> None:
    assert found(pipeline, "Iran and Saudi Arabia exchanged ambassadors for the first time since 2016.") == []
    assert only(pipeline, "Russia has attacked Ukraine since 2014.").date == days("2014-01-01", "2021-08-19", "year")


def test_a_day_counted_from_an_event_is_not_dated(pipeline: Language) -> None:
    assert found(pipeline, "The day after the vote the minister resigned.") == []
    assert found(pipeline, "Ties resumed almost five years after crowds burned the embassy.") == []


def test_a_preposition_of_a_noun_is_not_the_dates(pipeline: Language) -> None:
    expression = only(pipeline, "The minister was shocked by Monday's attack.")
    assert expression.text == "Monday"
    assert expression.date == days("2021-08-16", "2021-08-16", "day")


@pytest.mark.parametrize(
    "text",
    [
        "They fought for seven years.",
        "Over the course of 102 years the dynasty grew.",
        "The occupation lasted almost a decade.",
        "The envoys met several times.",
        "A 45-year-old man was arrested.",
        "The idea seemed unthinkable decades ago.",
        "The idea seemed unthinkable years ago.",
        "The embassy closed about two years ago.",
        "The envoys met at 10 a.m. sharp.",
        "The envoys met once.",
        "Peace will always matter.",
        "The future is uncertain.",
        "They may talk in the future.",
        "Russia spends $2.5 million per day.",
        "The daily patrols and the annual report continued.",
        "The envoy is currently in Kabul.",
        "May I ask a question?",
        "Theresa May spoke to reporters.",
        "He read the Sunday Times.",
        "They sent 2020 troops.",
        "The deal cost $2017.",
        "The envoys met in the past few years.",
        "The envoys met on Feb. 30, 2021.",
        "They meet on Mondays.",
        "The now-defunct group met.",
    ],
)
def test_not_time_points(pipeline: Language, text: str) -> None:
    assert found(pipeline, text) == []


def test_a_count_spacy_calls_a_date_is_rejected(pipeline: Language) -> None:
    doc = pipeline("Fifteen thousand Soviet soldiers were wounded.")
    assert [entity.label_ for entity in doc.ents if entity.text == "Fifteen thousand"] == ["DATE"]
    assert find_time_expressions(doc, PUBLISHED) == []


def test_the_last_week_of_a_month_is_not_last_week(pipeline: Language) -> None:
    expression = only(pipeline, "The envoys met in the last week of July.")
    assert expression.text == "July"
