"""Reading a question about two actors: "Will Russia and the Taliban become friends in the next year?"

Actors are found through the knowledge base (names, demonyms, capitals, people, codes such as
RUS or TALIBAN), the longest span first; the horizon from phrases such as "in the next year",
"within 6 months", "over the coming decade", "next month" or "by 2030"; what the asker wants to
know ("friends" or "enemies") from a few words. A question we cannot read fails saying what we
understood, so the asker can rephrase it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from detente.actors.kb import KnowledgeBase

# The longest actor name we try, in words ("the Democratic Republic of the Congo").
_LONGEST_NAME = 7
_WORD = re.compile(r"[\w’'.-]+")
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}
_AMOUNT = r"(\d+|" + "|".join(_NUMBERS) + r")"
_UNIT = r"(day|week|month|year|decade)s?"
_HORIZONS = (
    re.compile(rf"\b(?:in|within|over|during)\s+(?:the\s+)?(?:next|coming)\s+(?:{_AMOUNT}\s+)?{_UNIT}\b", re.I),
    re.compile(rf"\b(?:in|within)\s+{_AMOUNT}\s+{_UNIT}\b", re.I),
    re.compile(rf"\bnext\s+()?{_UNIT}\b", re.I),
)
_BY_DATE = re.compile(r"\bby\s+(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?\b", re.I)
_GOALS = (
    ("friendly", re.compile(r"\b(friends?|friendly|allies|ally|allied|closer|reconcile|cooperate|peace|warm(er)?|better)\b", re.I)),
    ("hostile", re.compile(r"\b(enem(y|ies)|hostile|war|fight|rivals?|clash|conflict|worse|cool(er)?|break)\b", re.I)),
)


class QuestionError(ValueError):
    """A question we cannot answer as asked; the message says what was understood."""


@dataclass(frozen=True)
class Mention:
    """An actor named in the question: the words and the principal they stand for."""

    text: str
    principal: str


@dataclass(frozen=True)
class Question:
    """Two actors, an optional horizon (days ahead, and the words that gave it) and what the asker hopes or fears."""

    text: str
    actors: tuple[Mention, Mention]
    horizon_days: int | None
    horizon_text: str | None
    goal: str | None


def parse(text: str, kb: KnowledgeBase, today: date) -> Question:
    """Read a question; ``today`` resolves names that depend on the date and horizons given as a date."""
    horizon_days, horizon_text, spans = _horizon(text, today)
    mentions = _actors(text, kb, today, spans)
    distinct = list({m.principal: m for m in mentions}.values())
    understood = _understood(mentions, horizon_text)
    if len(distinct) < 2:
        raise QuestionError(
            f"could not find two actors in {text!r} ({understood}); name both by a name, demonym or code "
            "(e.g. \"Will Russia and the Taliban become friends?\" or RUS TALIBAN)"
        )
    if len(distinct) > 2:
        raise QuestionError(f"{text!r} names more than two actors ({understood}); ask about two at a time")
    goal = next((name for name, pattern in _GOALS if pattern.search(text)), None)
    return Question(text, (distinct[0], distinct[1]), horizon_days, horizon_text, goal)


def _understood(mentions: list[Mention], horizon_text: str | None) -> str:
    found = ", ".join(f"{m.text!r} → {m.principal}" for m in mentions) or "no actor"
    return f"understood: {found}" + (f"; horizon {horizon_text!r}" if horizon_text else "")


def _horizon(text: str, today: date) -> tuple[int | None, str | None, list[tuple[int, int]]]:
    """Days ahead, the words that say so, and their spans (kept out of the actor search)."""
    for pattern in _HORIZONS:
        match = pattern.search(text)
        if match:
            amount, unit = match.groups()
            count = int(amount) if amount and amount.isdigit() else _NUMBERS.get((amount or "one").lower(), 1)
            return count * _UNIT_DAYS[unit.lower()], match.group(0), [match.span()]
    match = _BY_DATE.search(text)
    if match:
        year, month, day = match.groups()
        try:
            target = date(int(year), int(month or 12), int(day or (31 if not month else 1)))
        except ValueError:
            raise QuestionError(f"{match.group(0)!r} in {text!r} is not a date; write by YYYY or by YYYY-MM-DD") from None
        if target <= today:
            raise QuestionError(f"{match.group(0)!r} in {text!r} is not in the future; ask about a later date")
        return (target - today).days, match.group(0), [match.span()]
    return None, None, []


def _actors(text: str, kb: KnowledgeBase, today: date, taken: list[tuple[int, int]]) -> list[Mention]:
    """The actors named in ``text``, in order, the longest name first where names overlap."""
    words = [m for m in _WORD.finditer(text) if not any(s <= m.start() < e for s, e in taken)]
    found: list[tuple[int, Mention]] = []
    used: set[int] = set()
    for size in range(min(_LONGEST_NAME, len(words)), 0, -1):
        for first in range(len(words) - size + 1):
            indexes = set(range(first, first + size))
            if indexes & used:
                continue
            start, end = words[first].start(), words[first + size - 1].end()
            span = text[start:end].rstrip(".")
            principal = _principal(span, kb, today)
            if principal is not None:
                found.append((start, Mention(span, principal)))
                used |= indexes
    return [mention for _, mention in sorted(found, key=lambda item: item[0])]


def _principal(span: str, kb: KnowledgeBase, today: date) -> str | None:
    if span.isupper() and span in kb.entities:
        return span
    reference = kb.lookup(span, today)
    return reference.principal if reference else None
