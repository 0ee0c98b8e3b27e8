"""The expressions of the real example article in ../shared, located by their short text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente import nlp
from detente.ingest import read_paths
from detente.model import EventDate, TimeExpression
from detente.timex import find_time_expressions

EXAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "examples" / "russia-taliban-2021.txt"
PUBLISHED = date(2021, 8, 19)


@pytest.fixture(scope="module")
def article() -> tuple[str, list[TimeExpression]]:
    if not EXAMPLE.exists():
        pytest.skip(f"the example article is not at {EXAMPLE}: clone the project beside ../shared")
    [document] = read_paths([EXAMPLE], date=PUBLISHED)
    doc = nlp.parse(document)
    return doc.text, find_time_expressions(doc, PUBLISHED)


def at(article: tuple[str, list[TimeExpression]], phrase: str, occurrence: int = 0) -> list[TimeExpression]:
    """The expressions overlapping the ``occurrence``-th place ``phrase`` is written in the article."""
    text, expressions = article
    start = -1
    for _ in range(occurrence + 1):
        start = text.find(phrase, start + 1)
        assert start >= 0, f"{phrase!r} is not in the article"
    end = start + len(phrase)
    return [expression for expression in expressions if expression.start < end and start < expression.end]


def days(start: str, end: str, precision: str) -> EventDate:
    return EventDate(date.fromisoformat(start), date.fromisoformat(end), precision, from_publication_date=False)


@pytest.mark.parametrize(
    ("phrase", "occurrence", "expected"),
    [
        ("Aug. 16", 0, days("2021-08-16", "2021-08-16", "day")),
        ("the same day", 0, days("2021-08-16", "2021-08-16", "day")),
        ("The next day", 0, days("2021-08-17", "2021-08-17", "day")),
        ("on Sunday", 0, days("2021-08-15", "2021-08-15", "day")),
        ("for the last seven years", 0, days("2014-01-01", "2021-08-19", "year")),
        ("Since 2017", 0, days("2017-01-01", "2021-08-19", "year")),
        ("a month ago", 0, days("2021-07-01", "2021-07-31", "month")),
        ("from 1979-1989", 0, days("1979-01-01", "1989-12-31", "year")),
        ("on Thursday", 0, days("2021-08-19", "2021-08-19", "day")),
        ("In 1999", 0, days("1999-01-01", "1999-12-31", "year")),
        ("In 2017", 0, days("2017-01-01", "2017-12-31", "year")),
        ("in 2020", 0, days("2020-01-01", "2020-12-31", "year")),
        ("A year ago", 0, days("2020-08-01", "2020-08-31", "month")),
        ("on Monday", 0, days("2021-08-16", "2021-08-16", "day")),
    ],
)
def test_expressions_the_article_must_give(
    article: tuple[str, list[TimeExpression]], phrase: str, occurrence: int, expected: EventDate
) -> None:
    [expression] = at(article, phrase, occurrence)
    assert expression.date == expected


@pytest.mark.parametrize("phrase", ["Fifteen thousand", "102 years", "almost a decade", "Decades ago", "per day"])
def test_what_the_article_must_not_date(article: tuple[str, list[TimeExpression]], phrase: str) -> None:
    assert at(article, phrase) == []


def test_the_article_expressions_point_into_its_text(article: tuple[str, list[TimeExpression]]) -> None:
    text, expressions = article
    assert expressions, "the article has time expressions"
    assert all(text[expression.start : expression.end] == expression.text for expression in expressions)
    assert [expression.start for expression in expressions] == sorted(expression.start for expression in expressions)
