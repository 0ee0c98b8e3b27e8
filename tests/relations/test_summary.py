from __future__ import annotations

from datetime import date

from detente.model import Actor, Event, EventDate
from detente.relations.summary import summarize

WHEN = EventDate(date(2022, 3, 1), date(2022, 3, 1), "day", False)


def event(source: str, target: str, cameo: str, quad: int, goldstein: float, **flags) -> Event:
    return Event(
        doc_id="d", sentence_index=0, sentence="s", span=(0, 1),
        source=Actor(source, None, None, source), target=Actor(target, None, None, target),
        cameo=cameo, root=cameo[:2], quad=quad, goldstein=goldstein, plover="X", date=WHEN, trigger="t", **flags,
    )


def test_dyads_are_unordered_and_flagged_events_are_not_counted():
    events = [
        event("RUS", "UKR", "190", 4, -10.0),
        event("UKR", "RUS", "111", 3, -2.0),
        event("RUS", "UKR", "036", 1, 4.0, hypothetical=True),
        event("USA", "UKR", "070", 2, 7.0),
    ]
    first, second = summarize(events)
    assert first.dyad == ("RUS", "UKR")
    assert first.quad_counts == {1: 0, 2: 0, 3: 1, 4: 1}
    assert first.goldstein_sum == -12.0 and first.goldstein_mean == -6.0
    assert first.net_cooperation == -2
    assert len(first.flagged) == 1
    assert second.dyad == ("UKR", "USA") and second.net_cooperation == 1


def test_a_dyad_with_only_flagged_events_has_no_mean():
    [only] = summarize([event("RUS", "AFG", "190", 4, -10.0, negated=True)])
    assert only.events == () and only.goldstein_mean is None and len(only.flagged) == 1


def test_an_event_with_a_side_of_unknown_country_belongs_to_no_dyad():
    [only] = summarize([event("", "SYR", "190", 4, -10.0), event("RUS", "SYR", "042", 1, 1.9)])
    assert only.dyad == ("RUS", "SYR")
