"""Calendar arithmetic: the edges of months, weeks and leap years."""

from __future__ import annotations

from datetime import date

import pytest

from detente.model import EventDate
from detente.timex import intervals


def test_months_keep_their_last_day() -> None:
    assert intervals.shift_months(date(2021, 1, 31), 1) == date(2021, 2, 28)
    assert intervals.shift_months(date(2020, 3, 31), -1) == date(2020, 2, 29)
    assert intervals.shift_months(date(2021, 1, 15), -13) == date(2019, 12, 15)


@pytest.mark.parametrize(
    ("relation", "expected"),
    [
        ("on_or_before", date(2021, 8, 19)),
        ("before", date(2021, 8, 12)),
        ("on_or_after", date(2021, 8, 19)),
        ("after", date(2021, 8, 26)),
        ("current", date(2021, 8, 19)),
    ],
)
def test_a_thursday_seen_from_a_thursday(relation: str, expected: date) -> None:
    assert intervals.weekday_near(date(2021, 8, 19), 3, relation) == expected


def test_weeks_run_monday_to_sunday() -> None:
    sunday = date(2021, 8, 22)
    assert intervals.calendar_unit(sunday, "week", 0) == EventDate(date(2021, 8, 16), sunday, "day", False)
    assert intervals.calendar_unit(sunday, "weekend", -1) == EventDate(
        date(2021, 8, 14), date(2021, 8, 15), "day", False
    )


def test_part_of_a_unit_stops_at_the_reference() -> None:
    year = intervals.year(2021)
    today = intervals.day(date(2021, 8, 19))
    assert intervals.part_of(year, today, "start") == EventDate(date(2021, 1, 1), date(2021, 8, 19), "year", False)
    assert intervals.part_of(year, today, "end") == EventDate(date(2021, 8, 19), date(2021, 12, 31), "year", False)
    assert intervals.part_of(intervals.year(2019), today, "start") == intervals.year(2019)


def test_only_single_units_can_be_counted_from() -> None:
    assert intervals.single(intervals.day(date(2021, 8, 19)), "day")
    assert not intervals.single(intervals.month(2021, 8), "day")
    assert intervals.single(intervals.day(date(2021, 8, 19)), "month")
    assert not intervals.single(intervals.years(1979, 1989), "year")
