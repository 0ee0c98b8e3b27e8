"""Where time expressions are in a text: regular expressions built from the lexicon.

Two levels. A *mention* is what one rule matches: a date, a weekday, "last week",
"two days later". A *candidate* joins mentions into what a reader takes as one
expression: a range ("from 1979 to 1989"), the preposition that changes it
("since 2017"), a modifier ("early 2020"). Matching is on the clean text, so the
rules see "Aug. 16" and "1979–1989" whatever spaCy made of their tokens; the
checks that need the parse (is "May" a month? is "2020" a year?) are in find.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from detente.timex.lexicon import Lexicon, load_lexicon

# A mention starts and ends on word edges; money, percentages and decimals are not dates.
_START = r"(?<![\w$€£¥#.,])"
_END = r"(?![\w%]|[.,]\d|-[^\W\d])"
_SPACE = r"\s+"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1\d{3}|20\d{2})"
# The end of a range written short: "1979-89", "July 9-11, 2021".
_TAIL = re.compile(r"(?P<tail>\d{1,2})" + _END + r"(?:,?\s+" + _YEAR + _END + ")?")
# A dash joins a range; without an opener ("from", "between") only one with no spaces
# around it, since " - " and " — " in running text are punctuation.
_DASH = r"\s*[-–—]\s*"
_TIGHT_DASH = r"[-–—]"
# "the last week of July" is a week of July, not the week before publication.
_NOT_OF = r"(?!\s+(?i:of)\b)"
# How far back a preposition and modifier may reach before a mention.
_PREFIX_WINDOW = 40


@dataclass(frozen=True)
class Mention:
    """What one rule matched: ``rule`` names the resolver, ``fields`` the words its groups caught."""

    start: int
    end: int
    rule: str
    fields: Mapping[str, str]


@dataclass(frozen=True)
class Candidate:
    """One expression as a reader takes it: a mention, or a range ending in ``last``, and the words before it.

    ``role`` is what its preposition does to the days: "since", "until", "before",
    "after", or "at" (nothing); ``preposition`` is the word, or the range's opener.
    """

    start: int
    end: int
    first: Mention
    last: Mention | None
    role: str
    preposition: str | None


def _alternatives(words: Iterable[str], *, any_case: bool = True) -> str:
    """One regex alternation, longest first so "the day before yesterday" beats "yesterday"."""
    ordered = sorted({re.escape(word).replace(r"\ ", _SPACE) for word in words}, key=len, reverse=True)
    body = "|".join(ordered)
    return f"(?i:{body})" if any_case else f"(?:{body})"


@dataclass(frozen=True)
class Grammar:
    """The compiled rules of one lexicon."""

    lexicon: Lexicon
    rules: tuple[tuple[str, re.Pattern[str]], ...]
    prefix: re.Pattern[str]
    hedge: re.Pattern[str]
    openers: re.Pattern[str]
    joiners: dict[str, re.Pattern[str]]

    def mentions(self, text: str) -> Iterator[Mention]:
        """Every match of every rule, overlapping ones included."""
        for rule, pattern in self.rules:
            for match in pattern.finditer(text):
                fields = {name: value for name, value in match.groupdict().items() if value is not None}
                yield Mention(match.start(), match.end(), rule, fields)

    def candidates(self, text: str, mentions: list[Mention]) -> Iterator[Candidate]:
        """Non-overlapping mentions, in order, joined into ranges and given their prepositions."""
        index = 0
        previous_end = 0
        while index < len(mentions):
            first = mentions[index]
            opener = self.openers.search(text, max(previous_end, first.start - _PREFIX_WINDOW), first.start)
            opener_word = None if opener is None else opener.group("opener").lower()
            last, end = self._range_end(text, first, opener_word, mentions[index + 1 :])
            index += 1
            while index < len(mentions) and mentions[index].start < end:
                index += 1
            if first.rule == "ago" and self._hedged(text, first.start, previous_end):
                continue
            if last is not None and opener is not None:
                start, preposition, role = opener.start(), opener_word, "at"
            else:
                start, preposition = self._prefixed(text, first, previous_end)
                role = self.lexicon.prepositions[preposition] if preposition else "at"
            yield Candidate(start, end, first, last, role, preposition)
            previous_end = end

    def _range_end(
        self, text: str, first: Mention, opener: str | None, following: list[Mention]
    ) -> tuple[Mention | None, int]:
        """What ends a range that starts with ``first``, and where the range ends."""
        joiner = self.joiners[opener or ""].match(text, first.end)
        if joiner is None:
            return None, first.end
        if following and following[0].start == joiner.end():
            return following[0], following[0].end
        tail = _TAIL.match(text, joiner.end())
        short = None if tail is None else _short_end(first, tail)
        if short is None:
            return None, first.end
        return short, short.end

    def _hedged(self, text: str, start: int, floor: int) -> bool:
        """Whether "about", "more than", ... comes just before: the count is then not exact."""
        return self.hedge.search(text, max(floor, start - _PREFIX_WINDOW), start) is not None

    def _prefixed(self, text: str, mention: Mention, floor: int) -> tuple[int, str | None]:
        """Where the mention starts once the preposition and modifier just before it are added."""
        match = self.prefix.search(text, max(floor, mention.start - _PREFIX_WINDOW), mention.start)
        if match is None:
            return mention.start, None
        preposition = match.group("preposition")
        return match.start(), preposition.lower() if preposition else None


def _short_end(first: Mention, tail: re.Match[str]) -> Mention | None:
    """The end of "1979-89" or "July 9-11, 2021" as a full mention, or None if ``first`` takes no tail."""
    digits = tail.group("tail")
    if first.rule != "calendar":
        return None
    if set(first.fields) == {"year"} and len(digits) == 2 and tail.group("year") is None:
        century, ending = divmod(int(first.fields["year"]), 100)
        if int(digits) <= ending:
            return None
        return Mention(tail.start(), tail.end(), "calendar", {"year": str(century * 100 + int(digits))})
    if "day" in first.fields and "month" in first.fields and "year" not in first.fields:
        fields = {"month": first.fields["month"], "day": digits}
        if tail.group("year"):
            fields["year"] = tail.group("year")
        return Mention(tail.start(), tail.end(), "calendar", fields)
    return None


def _rules(lexicon: Lexicon) -> tuple[tuple[str, re.Pattern[str]], ...]:
    months = _alternatives(lexicon.months, any_case=False)
    abbreviations = _alternatives(lexicon.month_abbreviations, any_case=False) + r"\.?"
    month = f"(?P<month>{months}|{abbreviations})"
    number_word = _alternatives(lexicon.numbers)
    number = rf"(?P<number>{number_word}(?:-{number_word})?|\d{{1,3}})"
    parts = _alternatives(lexicon.parts_of_day)
    part = rf"(?:{_SPACE}{parts})?"

    def units(*names: str, extra: Iterable[str] = ()) -> str:
        words = [word for word, unit in lexicon.units.items() if unit in names]
        return f"(?P<unit>{_alternatives([*words, *extra])})(?P<plural>s)?"

    offset_units = units("day", "week", "month", "year", "decade")
    period_units = units("week", "weekend", "month", "year")
    anaphoric_units = units("day", "week", "weekend", "month", "year", extra=lexicon.parts_of_day)
    ordinal = rf"(?P<ordinal>\d{{1,2}}(?:st|nd|rd|th)|{_alternatives(lexicon.ordinals)})"
    single_modifiers = _alternatives(word for word in lexicon.modifiers if " " not in word)
    edge = rf"(?:(?P<edge>{_alternatives(lexicon.edges)}){_SPACE})?"
    the = rf"(?i:the){_SPACE}"
    relation = rf"(?P<relation>{_alternatives(lexicon.relations)})"

    rules = {
        "calendar": [
            r"(?P<year>1\d{3}|20\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)",
            rf"{month}{_SPACE}{_DAY}(?:,?{_SPACE}{_YEAR})?",
            rf"(?:{the})?{_DAY}{_SPACE}(?:(?i:of){_SPACE})?{month}(?:,?{_SPACE}{_YEAR})?",
            rf"{month},?{_SPACE}(?:(?i:of){_SPACE})?{_YEAR}",
            rf"(?:{relation}{_SPACE})?(?P<month>{months})",
            _YEAR,
        ],
        "decade": [rf"(?:{the})?(?:{single_modifiers}(?:-|{_SPACE}))?(?P<decade>1\d{{2}}0|20\d0)'?s"],
        "century": [rf"{the}{ordinal}{_SPACE}(?i:century)"],
        "weekday": [
            rf"(?:{relation}{_SPACE})?(?P<weekday>{_alternatives(lexicon.weekdays, any_case=False)}){part}"
        ],
        "deictic_day": [rf"(?P<deictic>{_alternatives(lexicon.deictic_days)}){part}"],
        "deictic_period": [rf"{edge}(?P<shift>{_alternatives(lexicon.deictic_shifts)}){_SPACE}{period_units}{_NOT_OF}"],
        "anaphoric_period": [rf"{edge}(?P<shift>{_alternatives(lexicon.anaphoric_shifts)}){_SPACE}{anaphoric_units}"],
        "anaphoric_offset": [
            rf"{number}{_SPACE}{offset_units}{_SPACE}(?P<direction>{_alternatives(lexicon.directions)})",
            rf"{the}{units('day', extra=lexicon.parts_of_day)}{_SPACE}(?P<direction>(?i:before|after))",
        ],
        "ago": [rf"{number}{_SPACE}{offset_units}{_SPACE}(?i:ago)"],
        "window": [
            rf"{the}{_alternatives(lexicon.windows)}{_SPACE}(?:{number}{_SPACE})?{offset_units}{_NOT_OF}"
        ],
    }
    return tuple(
        (rule, re.compile(_START + f"(?:{pattern})" + _END)) for rule, patterns in rules.items() for pattern in patterns
    )


@lru_cache(maxsize=1)
def load_grammar() -> Grammar:
    """The rules compiled from the package lexicon, once per process."""
    lexicon = load_lexicon()
    prepositions = _alternatives(lexicon.prepositions)
    modifiers = _alternatives(lexicon.modifiers)
    prefix = re.compile(
        rf"(?<![\w])(?:(?P<preposition>{prepositions}){_SPACE})?(?:{modifiers}(?:-|{_SPACE}))?\Z"
    )
    hedge = re.compile(rf"(?<![\w])(?:{_alternatives(lexicon.hedges)}){_SPACE}\Z")
    openers = re.compile(rf"(?<![\w])(?P<opener>{_alternatives(lexicon.ranges)}){_SPACE}\Z")
    joiners = {"": re.compile(_TIGHT_DASH)}
    for opener, words in lexicon.ranges.items():
        joiners[opener] = re.compile(rf"{_DASH}|{_SPACE}{_alternatives(words)}{_SPACE}")
    return Grammar(lexicon, _rules(lexicon), prefix, hedge, openers, joiners)


def select(mentions: Iterable[Mention]) -> list[Mention]:
    """Mentions that do not overlap, earliest first and, at one start, the longest."""
    chosen: list[Mention] = []
    for mention in sorted(mentions, key=lambda found: (found.start, -found.end)):
        if not chosen or mention.start >= chosen[-1].end:
            chosen.append(mention)
    return chosen

