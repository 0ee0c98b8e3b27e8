"""The relation aggregates: series by period and direction, flagged events apart, datasets, volumes,
and aggregates that follow the events (appended, rebuilt, or computed on the fly when read-only)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from relation_world import CONSULT, FIGHT, GOVERNMENT, TURN, icews_rows

from detente import api
from detente.ingest import document_from_text
from detente.model import Actor, Event, EventDate, Sentence
from detente.relations import state, votes
from detente.relations.series import dyad_series
from detente.relations.state import Evidence
from detente.store import Store
from detente.store import relations as cells_store


def expected_months(source: str, target: str) -> Counter:
    """Months of the world's ICEWS rows from one government's name to another's, counted here from the rows."""
    months: Counter = Counter()
    for row in icews_rows():
        fields = row.split("\t")
        if fields[2] == GOVERNMENT[source][0] and fields[8] == GOVERNMENT[target][0]:
            months[(fields[1][:7], fields[6])] += 1
    return months


def test_monthly_series_counts_quads_both_ways_and_each_side(cells):
    found = dyad_series(cells, "UKR", "RUS", by="month")
    periods = {p.start.strftime("%Y-%m"): p for p in found.periods}
    assert len(periods) == 24 and found.dyad == ("UKR", "RUS")
    wanted = expected_months("RUS", "UKR")
    january = periods["2019-01"]
    assert january.both.quads == {1: wanted[("2019-01", CONSULT)], 2: 0, 3: 0, 4: 0}
    assert january.backward.quads[1] == wanted[("2019-01", CONSULT)] and january.forward.total == 0
    july = periods["2020-07"]
    fights = wanted[("2020-07", FIGHT)]
    assert july.both.quads[4] == fights and july.backward.quads[4] == fights
    assert july.forward.quads[1] == fights  # Ukrainian citizens' meetings, one a week beside each fight
    assert july.both.goldstein_sum == fights * (-10.0 + 1.0)
    assert july.both.net_cooperation == 0 and july.both.goldstein_mean == -4.5


def test_flagged_events_are_counted_apart_and_datasets_filter(cells):
    december = dyad_series(cells, "RUS", "UKR", by="month", since=date(2020, 12, 1)).periods[0]
    coded_only = dyad_series(cells, "RUS", "UKR", by="year", dataset="coded").periods
    assert december.flagged == 1
    assert [(p.start, p.both.quads, p.flagged) for p in coded_only] == [(date(2020, 1, 1), {1: 1, 2: 0, 3: 0, 4: 0}, 1)]
    icews = dyad_series(cells, "RUS", "UKR", by="year", dataset="icews").periods
    assert sum(p.both.total for p in icews) + 1 == sum(p.both.total for p in dyad_series(cells, "RUS", "UKR", by="year").periods)


def test_volumes_and_the_normalised_net(cells):
    [year] = dyad_series(cells, "RUS", "CHN", by="year", since=date(2019, 1, 1), until=date(2019, 12, 31)).periods
    rows = icews_rows()
    russia = sum(1 for r in rows if r.split("\t")[1].startswith("2019") and "(Russia)" in r)
    china = sum(1 for r in rows if r.split("\t")[1].startswith("2019") and "(China)" in r)
    assert year.volumes == (russia, china)
    assert year.normalised_net == 1000 * year.both.net_cooperation / (russia * china) ** 0.5


def test_periods_without_events_are_filled_and_weeks_start_on_monday(cells):
    found = dyad_series(cells, "RUS", "CHN", by="day", since=date(2019, 1, 1), until=date(2019, 1, 14))
    assert [p.start.day for p in found.periods] == list(range(1, 15))
    assert [p.both.total for p in found.periods] == [1 if day in (1, 8) else 0 for day in range(1, 15)]
    weeks = dyad_series(cells, "RUS", "CHN", by="week", since=date(2019, 1, 1), until=date(2019, 1, 31))
    assert all(p.start.weekday() == 0 for p in weeks.periods)


def test_a_dyad_without_events_has_an_empty_series(cells):
    assert dyad_series(cells, "CHN", "UKR").periods == ()


def later_article():
    text = "Russian and Chinese ministers signed a pact."
    document = document_from_text(text, date=date(2021, 3, 3), title="Later", source="later.txt")
    events = [
        Event(
            doc_id=document.doc_id, sentence_index=0, sentence=text, span=(0, len(text)),
            source=Actor("RUS", "GOV", None, "Russian ministers"), target=Actor("CHN", "GOV", None, "Chinese ministers"),
            cameo=cameo, root=cameo[:2], quad=1, goldstein=goldstein, plover=plover,
            date=EventDate(day, day, "day", False), trigger="signed",
        )
        for cameo, goldstein, plover, day in (("057", 8.0, "AGREE", date(2021, 3, 3)), ("051", 3.4, "SUPPORT", date(2020, 12, 14)))
    ]
    return document, [Sentence(document.doc_id, 0, 0, len(text), text)], events


def test_appended_events_reach_the_aggregates(world_copy):
    with Store(world_copy) as store:
        before = dyad_series(api.relation_cells(store), "RUS", "CHN", by="year").periods
        store.add(*later_article())
        after = dyad_series(api.relation_cells(store), "RUS", "CHN", by="year").periods
        built = store.connection.execute("SELECT events FROM relation_cells_state").fetchall()[0][0]
        assert built == store.connection.execute("SELECT count(*) FROM events").fetchall()[0][0]
        cells = api.relation_cells(store)
        on = date(2021, 3, 31)
        sums = cells_store.sums_at(cells, on, dataset=None, around=["CHN"])
        units = Evidence(*cells_store.dyad_units(cells, "CHN", "RUS", until=on, dataset=None))
        assert sums.dyads == [("CHN", "RUS")] and sums.amount[0] == pytest.approx(state.relation_at(units, on).evidence)
        # On a past day, the appended event's month is read from the cells, here as Russia's second principal's.
        past = date(2020, 12, 20)
        around = cells_store.sums_at(cells, past, dataset=None, around=["RUS"])
        for (a, b), amount in zip(around.dyads, around.amount):
            assert amount == pytest.approx(state.relation_at(Evidence(*cells_store.dyad_units(cells, a, b, until=past, dataset=None)), past).evidence)
        assert ("CHN", "RUS") in around.dyads
    assert len(after) == len(before) + 1 and after[-1].start == date(2021, 1, 1) and after[-1].both.quads[1] == 1


def test_a_read_only_store_reads_the_same_from_the_events(world_copy):
    with Store(world_copy) as store:
        store.add(*later_article())  # the stored aggregates do not know this event yet
    with Store(world_copy, read_only=True) as store:
        cells = api.relation_cells(store)
        assert cells.cells != cells_store.CELLS
        on_the_fly = dyad_series(cells, "RUS", "CHN", by="year")
    with Store(world_copy) as store:
        assert dyad_series(api.relation_cells(store), "RUS", "CHN", by="year") == on_the_fly
    assert on_the_fly.periods[-1].start == date(2021, 1, 1)


def test_other_weights_or_votes_rebuild_the_aggregates(world_copy):
    states = ["RUS", "UKR", "CHN", "USA"]
    shipped = votes.load()
    with Store(world_copy) as store:
        after = TURN.toordinal()  # from then on, Ukrainian and Russian citizens meet each week
        heavy = cells_store.prepare(store, {"GOV": 1.0}, 1.0, shipped, states, state.HALF_LIFE_DAYS)
        days, signs, values, weights = cells_store.dyad_units(heavy, "RUS", "UKR", until=None, dataset="icews")
        meetings = (days >= after) & (signs > 0)
        assert set(values[meetings]) == {shipped[CONSULT]} and set(weights[meetings]) == {abs(shipped[CONSULT])}
        light = cells_store.prepare(store, {"GOV": 1.0}, 0.0, shipped, states, state.HALF_LIFE_DAYS)
        days, signs, values, weights = cells_store.dyad_units(light, "RUS", "UKR", until=None, dataset="icews")
        assert set(weights[(days >= after) & (signs > 0)]) == {0.0}
        # A table without the code votes as its root; without the root, 0 (and weighs nothing).
        rooted = cells_store.prepare(store, {"GOV": 1.0}, 1.0, {"04": 0.5, "19": -0.75}, states, state.HALF_LIFE_DAYS)
        days, signs, values, weights = cells_store.dyad_units(rooted, "RUS", "UKR", until=None, dataset="icews")
        assert set(zip(signs, values, weights)) == {(1, 0.5, 0.5), (-1, -0.75, 0.75)}
        silent = cells_store.prepare(store, {"GOV": 1.0}, 1.0, {}, states, state.HALF_LIFE_DAYS)
        days, signs, values, weights = cells_store.dyad_units(silent, "RUS", "UKR", until=None, dataset="icews")
        assert set(values) == set(weights) == {0.0}


def test_units_are_days_and_signs_valued_by_their_votes_and_weighing_as_their_weightiest_fact(cells):
    days, signs, values, weights = cells_store.dyad_units(cells, "RUS", "UKR", until=date(2020, 7, 31), dataset=None)
    july = days >= date(2020, 7, 1).toordinal()
    fight = votes.load()[FIGHT]
    # Each July day has a fight by the governments (weight 1) and a meeting of citizens (weight 0,
    # which says nothing: no vote).
    assert sorted(set(zip(signs[july], values[july], weights[july]))) == [(-1, fight, abs(fight)), (1, 0.0, 0.0)]
    assert len(days[july]) == 2 * len(set(days[july]))
    assert list(days) == sorted(days)


@pytest.mark.parametrize("on", [date(2019, 1, 31), date(2020, 6, 17), date(2020, 12, 31), date(2021, 1, 1)])
def test_the_stored_monthly_sums_agree_with_the_units_of_each_dyad(cells, on):
    sums = cells_store.sums_at(cells, on, dataset=None)
    for (a, b), amount, signed in zip(sums.dyads, sums.amount, sums.signed):
        relation = state.relation_at(Evidence(*cells_store.dyad_units(cells, a, b, until=on, dataset=None)), on)
        assert amount == pytest.approx(relation.evidence) and state.score_of(signed, amount) == pytest.approx(relation.score)
    icews = cells_store.sums_at(cells, on, dataset="icews", around=["UKR"])
    assert all("UKR" in dyad for dyad in icews.dyads)
    for (a, b), amount in zip(icews.dyads, icews.amount):
        units = cells_store.dyad_units(cells, a, b, until=on, dataset="icews")
        assert amount == pytest.approx(state.relation_at(Evidence(*units), on).evidence)


def test_events_are_found_by_the_day_they_are_filed_under(world_copy):
    text = "In May 2020 Russian and Ukrainian envoys talked."
    document = document_from_text(text, date=date(2020, 12, 30), title="May", source="may.txt")
    event = Event(
        doc_id=document.doc_id, sentence_index=0, sentence=text, span=(0, len(text)),
        source=Actor("RUS", "DIP", None, "Russian envoys"), target=Actor("UKR", "DIP", None, "Ukrainian envoys"),
        cameo="040", root="04", quad=1, goldstein=1.0, plover="CONSULT",
        date=EventDate(date(2020, 5, 1), date(2020, 5, 31), "month", False), trigger="talked",
    )
    with Store(world_copy) as store:
        store.add(document, [Sentence(document.doc_id, 0, 0, len(text), text)], [event])
        cells = api.relation_cells(store)
        # Known to the month: filed under its middle day, and found there, beside the day's ICEWS rows.
        found = cells_store.events_on(cells, "RUS", "UKR", [date(2020, 5, 16)], dataset=None)
        assert [e.sentence for e in found if e.dataset == "coded"] == [text]
        assert all(cells_store.middle_day(e) == date(2020, 5, 16) for e in found)
        assert cells_store.events_on(cells, "RUS", "UKR", [date(2020, 5, 1)], dataset="coded") == []
