"""Find the time expressions of a parsed article and resolve each to the days it means.

The grammar proposes; the parse disposes. A rule's match is kept only if spaCy
agrees it can be a time: "May" must be a proper noun, "Sunday" must not be part of
a newspaper's name, a bare "2020" or "July" must follow "in"/"since"/... or be tagged DATE,
and "the day after" must not be followed by its own object or clause ("the day after
the vote", "five years after crowds burned the embassy" count from an event, not a
date). Expressions are resolved in document order so "the next day" counts from the
last day named before it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span

from detente.model import TimeExpression
from detente.timex.grammar import Candidate, Mention, load_grammar, select
from detente.timex.lexicon import Lexicon
from detente.timex.resolve import Context, resolve
from detente.timex.tense import is_future

# A month or weekday inside one of these names something else ("Sunday Times", "Theresa May").
NON_TEMPORAL_ENTITIES = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
# What a preposition governs, when "before"/"after" has one: "the day after the vote".
_OBJECTS = ("pobj", "pcomp")
_PLURAL_NOUNS = ("NNS", "NNPS")
# How an expression modifies a noun after it: "Monday's attack", "the 2020 election".
_NOUN_MODIFIERS = ("poss", "compound", "nummod", "amod")


def find_time_expressions(doc: Doc, published: date) -> list[TimeExpression]:
    """Every expression in ``doc`` that names a time, in document order, resolved against ``published``.

    ``doc`` is the whole article parsed by ``detente.nlp.load()``; offsets are into ``doc.text``.
    Durations ("for seven years"), ages, counts and vague times ("decades ago") give nothing.
    """
    grammar = load_grammar()
    lexicon = grammar.lexicon
    mentions = select(mention for mention in grammar.mentions(doc.text) if _plausible(mention, doc, lexicon))
    found: list[TimeExpression] = []
    for proposed in grammar.candidates(doc.text, mentions):
        candidate = _governed(proposed, doc)
        span = doc.char_span(candidate.start, candidate.end)
        if span is None or not _one_sentence(span) or not _dated(candidate, doc, lexicon) or _first_since(span):
            continue
        context = Context(published, is_future(span, lexicon), tuple(expression.date for expression in found))
        when = resolve(candidate, context, lexicon)
        if when is not None:
            found.append(TimeExpression(candidate.start, candidate.end, span.text, when))
    return found


def _tokens(doc: Doc, start: int, end: int) -> Span:
    return doc.char_span(start, end, alignment_mode="expand")


def _plausible(mention: Mention, doc: Doc, lexicon: Lexicon) -> bool:
    """Whether the parse agrees this match can be a time."""
    tokens = _tokens(doc, mention.start, mention.end)
    if any(token.ent_type_ in NON_TEMPORAL_ENTITIES for token in tokens):
        return False
    if mention.rule == "calendar" and not {"day", "year"} & set(mention.fields):
        return all(token.pos_ == "PROPN" for token in tokens if lexicon.month_number(token.text))
    if mention.rule == "anaphoric_period" and mention.fields["shift"].lower().startswith("that"):
        return all(token.dep_ == "det" for token in tokens if token.lower_ == "that")
    if mention.rule == "anaphoric_offset" and mention.fields["direction"].lower() in ("before", "after"):
        last = tokens[-1]
        return last.dep_ != "mark" and not any(child.dep_ in _OBJECTS for child in last.children)
    return True


def _governed(candidate: Candidate, doc: Doc) -> Candidate:
    """The candidate without its preposition when that governs a noun the expression only
    modifies: in "by Monday's attack", "by" belongs to "attack" and Monday is no deadline."""
    if candidate.preposition is None or candidate.last is not None:
        return candidate
    root = _tokens(doc, candidate.first.start, candidate.first.end).root
    if root.dep_ in _NOUN_MODIFIERS and not candidate.start <= root.head.idx < candidate.end:
        return replace(candidate, start=candidate.first.start, preposition=None, role="at")
    return candidate


def _first_since(span: Span) -> bool:
    """Whether the expression says how long an act was not done, not when it was: "exchanged
    ambassadors for the first time since 2016", "the first visit since 1999"."""
    since = span[0]
    return since.lower_ == "since" and any(t.lower_ == "first" for t in since.head.subtree if t.i < since.i)


def _one_sentence(span: Span) -> bool:
    return span[0].sent.start == span[-1].sent.start


def _dated(candidate: Candidate, doc: Doc, lexicon: Lexicon) -> bool:
    """A bare year or month name is a date after a temporal preposition ("in", "since") or a range
    opener; otherwise only if spaCy tags it DATE and it does not count a plural noun: not
    "over 2000 people", "2020 troops", "Theresa May"."""
    mentions = [candidate.first] if candidate.last is None else [candidate.first, candidate.last]
    if not all(mention.rule == "calendar" and set(mention.fields) in ({"year"}, {"month"}) for mention in mentions):
        return True
    if candidate.preposition in lexicon.year_prepositions or candidate.preposition in lexicon.ranges:
        return True
    tokens = _tokens(doc, candidate.first.start, mentions[-1].end)
    counts = any(token.dep_ == "nummod" and token.head.tag_ in _PLURAL_NOUNS for token in tokens)
    return not counts and any(token.ent_type_ == "DATE" for token in tokens)
