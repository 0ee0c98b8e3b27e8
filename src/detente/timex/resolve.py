"""What days an expression means, against the publication date or an earlier expression.

Everything relative is decided here by our own rules; nothing is guessed from the
clock of the machine that runs it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from detente.model import EventDate, Precision
from detente.timex import intervals
from detente.timex.grammar import Candidate, Mention
from detente.timex.lexicon import Lexicon

# How many years around the reference a month-day without a year may land in
# (enough to reach a February 29).
_YEAR_SEARCH = range(-4, 5)
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Context:
    """What an expression is resolved against.

    ``future`` says whether the verb it hangs from is in the future tense;
    ``earlier`` holds what the expressions before it in the document resolved to.
    """

    published: date
    future: bool
    earlier: Sequence[EventDate]

    def anchor(self, precision: Precision) -> EventDate | None:
        """The latest earlier expression inside one day (month, year), if there is one."""
        return next((found for found in reversed(self.earlier) if intervals.single(found, precision)), None)


@dataclass(frozen=True)
class _Toward:
    """Where a year-less date or a bare weekday is looked for: the nearest on or before ``day``,
    or on or after it when ``forward``."""

    day: date
    forward: bool


def resolve(candidate: Candidate, context: Context, lexicon: Lexicon) -> EventDate | None:
    """The days ``candidate`` means, or None if it names no real date (February 30, a range
    that ends before it starts, a count that leaves the calendar)."""
    try:
        if candidate.last is None:
            found = _point(candidate.first, context, lexicon)
        else:
            found = _range(candidate.first, candidate.last, context, lexicon)
        if found is None:
            return None
        return _apply_role(candidate.role, found, context)
    except (ValueError, OverflowError):
        return None


def _range(first: Mention, last: Mention, context: Context, lexicon: Lexicon) -> EventDate | None:
    """From the start of ``first`` to the end of ``last``; a side without a year of its own
    is placed next to the other ("July 9-11, 2021", "from Friday to Monday")."""
    if _floating(first) and not _floating(last):
        end = _point(last, context, lexicon)
        if end is None:
            return None
        start = _point(first, context, lexicon, _Toward(end.end, forward=False))
    else:
        start = _point(first, context, lexicon)
        if start is None:
            return None
        end = _point(last, context, lexicon, _Toward(start.start, forward=True) if _floating(last) else None)
    if start is None or end is None or end.end < start.start:
        return None
    return intervals.interval(start.start, end.end, intervals.coarser(start.precision, end.precision))


def _floating(mention: Mention) -> bool:
    """Whether the mention names a date only up to its year ("Aug. 16", "July") or week ("Monday")."""
    return mention.rule in ("calendar", "weekday") and not {"year", "relation"} & set(mention.fields)


def _apply_role(role: str, found: EventDate, context: Context) -> EventDate:
    """What the preposition does: "since 2017" runs to the publication date, "before 1999"
    has no known start (``intervals.OPEN_START``) unless it is still to come, as a deadline
    wholly after the publication date is ("could invade by 2027")."""
    published, precision = context.published, found.precision
    if role == "since":
        end = published if found.start <= published else found.end
        return intervals.interval(found.start, end, precision)
    if role == "until":
        ahead = context.future or found.start > published
        start = published if ahead and published <= found.end else intervals.OPEN_START
        return intervals.interval(start, found.end, precision)
    if role == "before":
        end = found.start - _ONE_DAY
        start = published if context.future and published <= end else intervals.OPEN_START
        return intervals.interval(start, end, precision)
    if role == "after":
        start = found.end + _ONE_DAY
        end = published if not context.future and start <= published else intervals.OPEN_END
        return intervals.interval(start, end, precision)
    return found


def _point(mention: Mention, context: Context, lexicon: Lexicon, toward: _Toward | None = None) -> EventDate | None:
    fields = mention.fields
    toward = toward or _Toward(context.published, context.future)
    if mention.rule == "calendar":
        return _calendar(fields, toward, lexicon)
    if mention.rule == "decade":
        first = int(fields["decade"])
        return intervals.years(first, first + 9)
    if mention.rule == "century":
        return _century(fields["ordinal"], lexicon)
    if mention.rule == "weekday":
        return _weekday(fields, toward, lexicon)
    if mention.rule == "deictic_day":
        return intervals.day(context.published + timedelta(days=lexicon.deictic_days[_key(fields["deictic"])]))
    if mention.rule == "deictic_period":
        unit = _unit(fields["unit"], lexicon)
        whole = intervals.calendar_unit(context.published, unit, lexicon.deictic_shifts[_key(fields["shift"])])
        return _edged(whole, fields, intervals.day(context.published), lexicon)
    if mention.rule == "anaphoric_period":
        unit = _unit(fields["unit"], lexicon)
        shift = lexicon.anaphoric_shifts[_key(fields["shift"])]
        anchor = context.anchor(intervals.UNIT_PRECISION[unit])
        if anchor is None and shift > 0 and not context.future:
            # A past act "the following year" after nothing dated: not dated after the publication.
            return None
        anchor = anchor or intervals.day(context.published)
        whole = intervals.calendar_unit(anchor.start, unit, shift)
        return _edged(whole, fields, anchor, lexicon)
    if mention.rule == "anaphoric_offset":
        return _anaphoric_offset(fields, context, lexicon)
    if mention.rule == "ago":
        return _ago(fields, context.published, lexicon)
    return _window(fields, context.published, lexicon)


def _calendar(fields: Mapping[str, str], toward: _Toward, lexicon: Lexicon) -> EventDate | None:
    """An explicit date; without a year, the one nearest ``toward`` in its direction
    or the one its relation picks ("last August")."""
    if "month" not in fields:
        return intervals.year(int(fields["year"]))
    month_text = fields["month"]
    month = int(month_text) if month_text.isdigit() else lexicon.month_number(month_text)
    if month is None or not 1 <= month <= 12:
        return None

    def on(year: int) -> EventDate:
        if "day" in fields:
            return intervals.day(date(year, month, int(fields["day"])))
        return intervals.month(year, month)

    if "year" in fields:
        return on(int(fields["year"]))
    options = []
    for years in _YEAR_SEARCH:
        try:
            options.append(on(toward.day.year + years))
        except ValueError:
            continue
    relation = lexicon.relations[_key(fields["relation"])] if "relation" in fields else None
    if relation == "current":
        return on(toward.day.year)
    if relation == "before":
        return next((found for found in reversed(options) if found.end < toward.day), None)
    if relation == "after":
        return next((found for found in options if found.start > toward.day), None)
    if toward.forward:
        return next((found for found in options if found.end >= toward.day), None)
    return next((found for found in reversed(options) if found.start <= toward.day), None)


def _century(ordinal: str, lexicon: Lexicon) -> EventDate | None:
    digits = ordinal.rstrip("stndrh")
    number = int(digits) if digits.isdigit() else lexicon.ordinals[_key(ordinal)]
    if number < 1:
        return None
    return intervals.years((number - 1) * 100 + 1, number * 100)


def _weekday(fields: Mapping[str, str], toward: _Toward, lexicon: Lexicon) -> EventDate:
    weekday = lexicon.weekdays[fields["weekday"]]
    if "relation" in fields:
        relation = lexicon.relations[_key(fields["relation"])]
    else:
        relation = "on_or_after" if toward.forward else "on_or_before"
    return intervals.day(intervals.weekday_near(toward.day, weekday, relation))


def _edged(whole: EventDate, fields: Mapping[str, str], reference: EventDate, lexicon: Lexicon) -> EventDate:
    if "edge" not in fields:
        return whole
    return intervals.part_of(whole, reference, lexicon.edges[fields["edge"].lower()])


def _anaphoric_offset(fields: Mapping[str, str], context: Context, lexicon: Lexicon) -> EventDate | None:
    """"two days later", "the day before": counted from the latest earlier expression fine enough,
    else from the publication day. A past act "a day later" than nothing dated before it follows an
    event the text does not date: it is not dated after the publication, it is not dated at all."""
    unit = _unit(fields["unit"], lexicon)
    count = lexicon.number_value(fields["number"]) if "number" in fields else 1
    precision = intervals.UNIT_PRECISION[unit]
    step = lexicon.directions[fields["direction"].lower()] * count
    anchor = context.anchor(precision)
    if anchor is None and step > 0 and not context.future:
        return None
    anchor = anchor or intervals.day(context.published)
    moved = intervals.shifted(anchor.start, step, unit)
    return intervals.containing(moved, intervals.coarser(precision, anchor.precision))


def _ago(fields: Mapping[str, str], published: date, lexicon: Lexicon) -> EventDate:
    """"three days ago" is a day; "a month ago" and "a year ago" a month; "two years ago" a year."""
    unit = _unit(fields["unit"], lexicon)
    count = lexicon.number_value(fields["number"])
    precision = intervals.UNIT_PRECISION[unit]
    if unit == "year" and count == 1:
        precision = "month"
    return intervals.containing(intervals.shifted(published, -count, unit), precision)


def _window(fields: Mapping[str, str], published: date, lexicon: Lexicon) -> EventDate | None:
    """"the last seven years": from the start of the first unit counted back to the publication date."""
    if "number" not in fields and "plural" in fields:
        return None
    unit = _unit(fields["unit"], lexicon)
    count = lexicon.number_value(fields["number"]) if "number" in fields else 1
    precision = intervals.UNIT_PRECISION[unit]
    first = intervals.containing(intervals.shifted(published, -count, unit), precision)
    return intervals.interval(first.start, published, precision)


def _unit(word: str, lexicon: Lexicon) -> str:
    """The unit a word counts in; a part of the day ("that night") is a day."""
    return lexicon.units.get(word.lower(), "day")


def _key(words: str) -> str:
    """A phrase as the lexicon spells it: lower case, single spaces."""
    return " ".join(words.lower().split())
