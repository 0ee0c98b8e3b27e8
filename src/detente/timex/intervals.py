"""Calendar arithmetic on closed intervals of days: the units expressions name, and moves between them.

Every function returns an ``EventDate`` with ``from_publication_date=False``: these
dates were stated in the text, whatever they were resolved against.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

from detente.model import EventDate, Precision

# Coarser precisions come later; an interval built from two keeps the coarser.
PRECISION_ORDER: tuple[Precision, ...] = ("day", "month", "year")

# The precision a unit is stated in; a week is a run of days.
UNIT_PRECISION: dict[str, Precision] = {
    "day": "day",
    "week": "day",
    "weekend": "day",
    "month": "month",
    "year": "year",
    "decade": "year",
}

# Open ends of "before 1999" or "after Monday" (future): the earliest and latest dates there are.
OPEN_START = date.min
OPEN_END = date.max


def interval(start: date, end: date, precision: Precision) -> EventDate:
    return EventDate(start, end, precision, from_publication_date=False)


def day(when: date) -> EventDate:
    return interval(when, when, "day")


def month(year: int, number: int) -> EventDate:
    return interval(date(year, number, 1), date(year, number, monthrange(year, number)[1]), "month")


def year(number: int) -> EventDate:
    return interval(date(number, 1, 1), date(number, 12, 31), "year")


def years(first: int, last: int) -> EventDate:
    return interval(date(first, 1, 1), date(last, 12, 31), "year")


def containing(when: date, precision: Precision) -> EventDate:
    """The day, month or year that ``when`` falls in."""
    if precision == "day":
        return day(when)
    if precision == "month":
        return month(when.year, when.month)
    return year(when.year)


def coarser(first: Precision, second: Precision) -> Precision:
    return max(first, second, key=PRECISION_ORDER.index)


def shift_months(when: date, months: int) -> date:
    """``when`` moved by whole months, kept inside the target month (Jan 31 + 1 month = Feb 28)."""
    index = when.year * 12 + when.month - 1 + months
    target_year, target_month = divmod(index, 12)
    last_day = monthrange(target_year, target_month + 1)[1]
    return date(target_year, target_month + 1, min(when.day, last_day))


def shifted(when: date, amount: int, unit: str) -> date:
    """``when`` moved by ``amount`` units (negative: back in time)."""
    if unit == "day":
        return when + timedelta(days=amount)
    if unit in ("week", "weekend"):
        return when + timedelta(weeks=amount)
    if unit == "month":
        return shift_months(when, amount)
    if unit == "year":
        return shift_months(when, 12 * amount)
    return shift_months(when, 120 * amount)


def calendar_unit(when: date, unit: str, shift: int) -> EventDate:
    """The whole unit containing ``when``, moved by ``shift`` units: "last week" is Monday to Sunday."""
    moved = shifted(when, shift, unit)
    if unit == "week":
        monday = moved - timedelta(days=moved.weekday())
        return interval(monday, monday + timedelta(days=6), "day")
    if unit == "weekend":
        saturday = moved + timedelta(days=5 - moved.weekday())
        return interval(saturday, saturday + timedelta(days=1), "day")
    return containing(moved, UNIT_PRECISION[unit])


def weekday_near(when: date, weekday: int, relation: str) -> date:
    """The weekday nearest ``when`` in the direction ``relation`` names.

    "on_or_before"/"on_or_after" may return ``when`` itself; "before"/"after" never do;
    "current" is the one in ``when``'s Monday-to-Sunday week.
    """
    back = (when.weekday() - weekday) % 7
    ahead = (weekday - when.weekday()) % 7
    if relation == "on_or_before":
        return when - timedelta(days=back)
    if relation == "before":
        return when - timedelta(days=back or 7)
    if relation == "on_or_after":
        return when + timedelta(days=ahead)
    if relation == "after":
        return when + timedelta(days=ahead or 7)
    return when + timedelta(days=weekday - when.weekday())


def part_of(whole: EventDate, reference: EventDate, edge: str) -> EventDate:
    """The part of ``whole`` up to ("start") or from ("end") ``reference``, when the two overlap.

    "earlier this year" is January 1 to the publication date; "later that year"
    runs from the day counted from to December 31.
    """
    if reference.end < whole.start or whole.end < reference.start:
        return whole
    if edge == "start":
        return interval(whole.start, min(reference.end, whole.end), whole.precision)
    return interval(max(reference.start, whole.start), whole.end, whole.precision)


def single(found: EventDate, precision: Precision) -> bool:
    """Whether ``found`` lies inside one day, month or year, so later expressions can count from it."""
    if precision == "day":
        return found.start == found.end
    if precision == "month":
        return (found.start.year, found.start.month) == (found.end.year, found.end.month)
    return found.start.year == found.end.year
