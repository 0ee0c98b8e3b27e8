"""Suite readers and the scoring of coded events against expected ones, on small files of our own."""

from __future__ import annotations

from datetime import date

import pytest

from detente.actors import kb
from detente.events.evaluation import FLAGGED, INTENT, NOT_FOUND, OTHER_ACTORS, OTHER_CODE, Miss, score
from detente.events.suites import Expected, SuiteError, SuiteRecord, phoenix_principal, read_petrarch, read_plover_gsr
from detente.model import Actor, Event, EventDate

PETRARCH = """<Validation>
# free text the file format allows
<Sentences>
<Sentence category="DEMO" date="20080806" id="A-1" evaluate="true">
<!-- a comment -->
<EventCoding eventcode="040" sourcecode="USAGOV" targetcode="IGOUNO" />
<PLEvent {"event": "040"}>
<Text>
The US met the &amp; UN.
</Text>
</Sentence>
<Sentence category="DEMO" date="121108" id="A-2" evaluate="true">
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
</Sentence>
<Sentence category="DEMO" date="20080806" id="A-3" evaluate="false">
<EventCoding eventcode="190" sourcecode="---" targetcode="SYR" />
<Text>Skipped.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_petrarch_records(tmp_path):
    path = tmp_path / "suite.xml"
    path.write_text(PETRARCH, encoding="utf-8")
    first, second = read_petrarch(path)
    assert (first.id, first.text, first.date) == ("A-1", "The US met the & UN.", date(2008, 8, 6))
    assert first.expected == (Expected("USA", "UNO", "040"),)
    assert (second.expected, second.date) == ((), date(2012, 11, 8))


def test_a_code_that_stands_for_several_principals_matches_any_of_them(tmp_path):
    path = tmp_path / "suite.xml"
    path.write_text(PETRARCH, encoding="utf-8")
    readings = {"USAGOV": {"USA"}, "IGOUNO": {"UNO", "ICC"}}
    first, _ = read_petrarch(path, lambda code: readings.get(code, set()))
    assert first.expected == (Expected("USA", "ICC|UNO", "040"),)
    result = score([(first, [_event("USA", "ICC", "040")])], kb.load())
    assert result.roots.matched_expected == 1


def test_only_the_categories_the_file_includes_are_read(tmp_path):
    path = tmp_path / "suite.xml"
    included = PETRARCH.replace("<Sentences>", "<!-- <Include>NONE</Include> -->\n<Include>demo OTHER</Include>\n<Sentences>")
    path.write_text(included.replace('category="DEMO" date="121108"', 'category="ERROR" date="121108"'), encoding="utf-8")
    assert [record.id for record in read_petrarch(path)] == ["A-1"]


def test_a_bad_date_is_named(tmp_path):
    path = tmp_path / "suite.xml"
    path.write_text(PETRARCH.replace('date="121108"', 'date="2008-13"'), encoding="utf-8")
    with pytest.raises(SuiteError, match="record A-2: date"):
        read_petrarch(path)


@pytest.mark.parametrize(
    "code, principal",
    [("USAGOV", "USA"), ("PSEREBHMS", "PSE"), ("IGOUNO", "UNO"), ("IGOEUREEC", "EU"), ("IMGMUSISI", "ISIS"), ("---LEG", "---"), ("JAP", "JPN")],
)
def test_phoenix_codes(code, principal):
    assert phoenix_principal(code) == principal


def test_plover_gsr_maps_old_labels_and_names_organisations_by_text(tmp_path):
    path = tmp_path / "gsr.json"
    path.write_text(
        '[{"id": "D", "event": "DOCUMENT"},'
        ' {"id": "X-1", "date": "2000-01-01", "event": "DISAPPROVE", "text": "The UN criticized Japan.",'
        '  "source": [{"actorText": "United Nations", "code": "IGO"}], "target": [{"actorText": "Japan", "code": "JAP"}]}]',
        encoding="utf-8",
    )
    [record] = read_plover_gsr(path, kb.load())
    assert record.expected == (Expected("UNO", "JPN", "", "ACCUSE"),)


def _event(source: str, target: str, cameo: str, symmetric: bool = False, negated: bool = False) -> Event:
    day = date(2020, 1, 1)
    return Event(
        "d", 0, "s", (0, 1), Actor(source, None, None, source), Actor(target, None, None, target), cameo, cameo[:2],
        1, 1.0, "CONSULT", EventDate(day, day, "day", False), "met", symmetric=symmetric, negated=negated,
    )


def test_each_miss_says_what_was_output_instead():
    expected = (
        Expected("BRA", "USA", "042"),
        Expected("CHN", "JPN", "190"),
        Expected("FRA", "DEU", "040"),
        Expected("PER", "CHL", "111"),
        Expected("IND", "PAK", "057"),
    )
    events = [
        _event("BRA", "USA", "036"),
        _event("CHN", "JPN", "190", negated=True),
        _event("FRA", "DEU", "111"),
        _event("ITA", "ESP", "111"),
    ]
    result = score([(SuiteRecord("r", "t", date(2020, 1, 1), expected), events)], kb.load())
    assert [m.reason for m in result.results[0].missed] == [INTENT, FLAGGED, OTHER_CODE, OTHER_ACTORS, NOT_FOUND]
    assert result.roots.output == 3, "a negated event is no output"
    assert list(result.missed_by_reason().values()) == [1, 1, 1, 1, 1]


def test_a_symmetric_event_matches_once_each_way_and_a_group_matches_its_country():
    record = SuiteRecord(
        "r", "t", date(2020, 1, 1),
        (Expected("BRA", "USA", "040"), Expected("USA", "BRA", "041"), Expected("PSE", "ISR", "190"), Expected("CHN", "USA", "040")),
    )
    events = [_event("BRA", "USA", "040", symmetric=True), _event("HAMAS", "ISR", "190"), _event("RUS", "USA", "040")]
    result = score([(record, events)], kb.load())
    assert (result.roots.matched_expected, result.roots.matched_output) == (3, 2)
    assert (result.codes.matched_expected, result.codes.matched_output) == (2, 2)
    assert result.results[0].missed == (Miss(Expected("CHN", "USA", "040"), OTHER_ACTORS),)
    assert [e.source.principal for e in result.results[0].extra] == ["RUS"]
    assert round(result.roots.precision, 3) == 0.667 and round(result.roots.recall, 3) == 0.75


def test_an_actor_of_unknown_country_matches_the_suite_s_unidentified_one_only():
    record = SuiteRecord("r", "t", date(2020, 1, 1), (Expected("---", "SYR", "190"), Expected("RUS", "---", "190")))
    result = score([(record, [_event("", "SYR", "190"), _event("RUS", "UKR", "190")])], kb.load())
    assert (result.roots.matched_expected, result.roots.matched_output) == (1, 1)
    assert result.results[0].missed == (Miss(Expected("RUS", "---", "190"), OTHER_ACTORS),)
