"""Properties every result must have, whatever the text and publication date."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from detente import nlp
from detente.timex import find_time_expressions

PIECES = [
    "The envoys met on Aug. 16.",
    "Speaking the same day, the minister agreed.",
    "The next day they left",
    "two days later",
    "from 1979-1989",
    "between 2001 and 1999",
    "since 2017",
    "until Monday",
    "before Feb. 29",
    "after next month",
    "for the last seven years",
    "a year ago",
    "decades ago",
    "in the 1990s",
    "the 20th century",
    "later that year",
    "Fifteen thousand soldiers",
    "102 years",
    "on Thursday night",
    "last Friday",
    "will visit on Sunday",
    "July 9-11, 2021",
    "from Friday to Monday",
    "May",
    "earlier this year",
    "the day before yesterday",
    "now",
    "—",
    "-",
    "and",
    ",",
]
WORDS = st.one_of(st.sampled_from(PIECES), st.integers(0, 3000).map(str))


@settings(max_examples=60, deadline=None)
@given(
    pieces=st.lists(WORDS, min_size=1, max_size=8),
    published=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
)
def test_spans_dates_and_order(pieces: list[str], published: date) -> None:
    doc = nlp.load()(" ".join(pieces))
    expressions = find_time_expressions(doc, published)
    for expression in expressions:
        assert doc.text[expression.start : expression.end] == expression.text
        assert expression.date.start <= expression.date.end
        assert expression.date.precision in ("day", "month", "year")
        assert not expression.date.from_publication_date
    for before, after in zip(expressions, expressions[1:]):
        assert before.end <= after.start
