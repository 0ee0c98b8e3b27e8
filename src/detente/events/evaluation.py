"""How well the coder does on a test suite: precision, recall and F1 against expected events.

An output event matches an expected one in the same record when the principals agree
(an armed group also matches its home country, which is how PETRARCH's codes name
it; an actor we could not identify matches the suite's unidentified one, ``---``) and the root
(or the full code) agrees. A symmetric output event ("X and Y met")
may match the expected event in each direction. Only plain facts count as output:
a negated, hypothetical or alleged event is not an assertion that it happened.

Each missed event says why, so that a reader can tell a misreading from a convention
the suite does not share: an act announced, not done, is coded as an intent (03x, or a
threat, 13x, for a hostile act), and a negated or hypothetical act is not a fact.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from detente import nlp
from detente.actors.kb import KnowledgeBase
from detente.events.coder import extract_events
from detente.events.ontology import PLOVER_QUADS
from detente.events.suites import UNKNOWN, Expected, SuiteRecord
from detente.ingest import document_from_text
from detente.model import Event


@dataclass(frozen=True)
class Agreement:
    """Matched, expected and output counts at one level (roots or full codes)."""

    matched_expected: int
    matched_output: int
    expected: int
    output: int

    @property
    def precision(self) -> float:
        return self.matched_output / self.output if self.output else 1.0

    @property
    def recall(self) -> float:
        return self.matched_expected / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# Why an expected event was missed, in the order they are looked for.
INTENT = "coded as an intent of the act"
FLAGGED = "coded as negated, hypothetical or alleged"
OTHER_CODE = "the actors with another root"
OTHER_ACTORS = "the root with other actors"
NOT_FOUND = "nothing like it"
MISS_REASONS = (INTENT, FLAGGED, OTHER_CODE, OTHER_ACTORS, NOT_FOUND)
_INTENT_ROOTS = ("03", "13")


@dataclass(frozen=True)
class Miss:
    """An expected event the coder did not output as a plain fact, and what it output instead."""

    expected: Expected
    reason: str


@dataclass(frozen=True)
class RecordResult:
    record: SuiteRecord
    events: tuple[Event, ...]
    missed: tuple[Miss, ...]
    extra: tuple[Event, ...]


@dataclass
class CoderScore:
    """A suite's score: agreement on (source, target, root) and on full codes, record by record."""

    roots: Agreement
    codes: Agreement
    results: list[RecordResult] = field(default_factory=list)
    plover_compared: int = 0
    plover_type_right: int = 0
    plover_quad_right: int = 0

    def missed_by_reason(self) -> dict[str, int]:
        """How many expected events were missed for each reason, in ``MISS_REASONS`` order."""
        counts = dict.fromkeys(MISS_REASONS, 0)
        for result in self.results:
            for miss in result.missed:
                counts[miss.reason] += 1
        return counts

    @property
    def plover_type_accuracy(self) -> float:
        return self.plover_type_right / self.plover_compared if self.plover_compared else 0.0

    @property
    def plover_quad_accuracy(self) -> float:
        return self.plover_quad_right / self.plover_compared if self.plover_compared else 0.0


def code_records(records: Iterable[SuiteRecord], kb: KnowledgeBase) -> Iterator[tuple[SuiteRecord, list[Event]]]:
    """Each record's events, plain and flagged, coded by the real pipeline as an article of one sentence."""
    records = list(records)
    documents = [document_from_text(r.text, date=r.date, source=r.id) for r in records]
    parsed = nlp.load().pipe((d.text for d in documents), batch_size=32)
    for record, document, doc in zip(records, documents, parsed):
        yield record, list(extract_events(document, doc, kb=kb))


def score(coded: Iterable[tuple[SuiteRecord, list[Event]]], kb: KnowledgeBase) -> CoderScore:
    """Compare coded events (their plain facts) with each record's expected events."""
    root_counts = [0, 0, 0, 0]
    code_counts = [0, 0, 0, 0]
    result = CoderScore(Agreement(0, 0, 0, 0), Agreement(0, 0, 0, 0))
    for record, coded_events in coded:
        events = [e for e in coded_events if e.is_fact]
        flagged = [e for e in coded_events if not e.is_fact]
        for counts, full in ((root_counts, False), (code_counts, True)):
            expected_hit, output_hit = _match(record.expected, events, kb, full=full)
            counts[0] += sum(expected_hit)
            counts[1] += sum(output_hit)
            counts[2] += len(record.expected)
            counts[3] += len(events)
            if not full:
                missed = tuple(
                    Miss(e, _why_missed(e, events, flagged, kb)) for e, hit in zip(record.expected, expected_hit) if not hit
                )
                extra = tuple(e for e, hit in zip(events, output_hit) if not hit)
        result.results.append(RecordResult(record, tuple(events), missed, extra))
        for expected in record.expected:
            if expected.plover is None:
                continue
            ours = next((e for e in events if _same_actors(expected, e, kb)), None)
            if ours is not None:
                result.plover_compared += 1
                result.plover_type_right += ours.plover == expected.plover
                result.plover_quad_right += ours.quad == PLOVER_QUADS[expected.plover]
    result.roots = Agreement(*root_counts)
    result.codes = Agreement(*code_counts)
    return result


def _match(expected: tuple[Expected, ...], events: list[Event], kb: KnowledgeBase, *, full: bool) -> tuple[list[bool], list[bool]]:
    """Greedy one-to-one matching; a symmetric event may take one expected event in each direction."""
    expected_hit = [False] * len(expected)
    used: list[set[str]] = [set() for _ in events]
    for i, wanted in enumerate(expected):
        for j, event in enumerate(events):
            free = _directions(wanted, event, kb) - used[j] if _same_code(wanted, event, full=full) else set()
            if free:
                used[j].add(min(free))
                expected_hit[i] = True
                break
    return expected_hit, [bool(directions) for directions in used]


def _why_missed(wanted: Expected, facts: list[Event], flagged: list[Event], kb: KnowledgeBase) -> str:
    """What the coder output instead of an expected event, the first of ``MISS_REASONS`` that holds."""
    with_actors = [e for e in facts if _same_actors(wanted, e, kb)]
    if wanted.code and wanted.code[:2] not in _INTENT_ROOTS and any(e.root in _INTENT_ROOTS for e in with_actors):
        return INTENT
    if any(_same_actors(wanted, e, kb) for e in flagged):
        return FLAGGED
    if with_actors:
        return OTHER_CODE
    if any(_same_code(wanted, e, full=False) for e in facts):
        return OTHER_ACTORS
    return NOT_FOUND


def _same_code(wanted: Expected, event: Event, *, full: bool) -> bool:
    if wanted.code:
        return event.cameo == wanted.code if full else event.root == wanted.code[:2]
    return event.plover == wanted.plover


def _same_actors(wanted: Expected, event: Event, kb: KnowledgeBase) -> bool:
    return bool(_directions(wanted, event, kb))


def _directions(wanted: Expected, event: Event, kb: KnowledgeBase) -> set[str]:
    """In which directions an event has the expected source and target (backward only if symmetric)."""
    source, target = event.source.principal, event.target.principal
    found = set()
    if _is(source, wanted.source, event, kb) and _is(target, wanted.target, event, kb):
        found.add("forward")
    if event.symmetric and _is(target, wanted.source, event, kb) and _is(source, wanted.target, event, kb):
        found.add("backward")
    return found


def _is(ours: str, theirs: str, event: Event, kb: KnowledgeBase) -> bool:
    """Whether our principal is the suite's (or one of the suite's: "ICC|INTERPOL"): the same, an
    armed group and its home country, or an actor we could not identify and one the suite leaves
    unidentified (``---``)."""
    if not ours:
        return theirs == UNKNOWN
    wanted = theirs.split("|")
    return ours in wanted or kb.country_of(ours, event.date.start) in wanted
