"""The CAMEO ontology against the public tables it was built from, and its checks on broken files."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from detente.events.ontology import (
    DATA_FILE,
    QUAD_NAMES,
    OntologyError,
    UnknownCode,
    cameo,
    codes,
    intent_code,
    is_code,
    quad_class,
    read_table,
    refusal_code,
    requested_code,
)

EVENTCODING = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "eventcoding"
ICEWS = EVENTCODING / "icews_cameo-codes.csv"
GDELT = EVENTCODING / "CAMEO.goldsteinscale.gdelt.txt"
PLOVER = EVENTCODING / "CAMEO2PLOVER-2021.txt"

ROOTS = [f"{number:02d}" for number in range(1, 21)]
_PLOVER_ROW = re.compile(r"(\d{2,4}):(.*)")


def _shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path.name} is not at {path.parent}: clone the project beside ../shared")
    return path


def _icews_scores() -> dict[str, float]:
    with _shared(ICEWS).open(encoding="utf-8", errors="replace", newline="") as handle:
        return {row["code"]: float(row["goldstein"]) for row in csv.DictReader(handle)}


def _gdelt_scores() -> dict[str, float]:
    lines = _shared(GDELT).read_text(encoding="utf-8").splitlines()[1:]
    return {code: float(score) for code, score in (line.split("\t") for line in lines if line)}


def _plover_rows() -> dict[str, list[tuple[str, str | None, str | None]]]:
    """Every (type, mode, context) the conversion table gives a code; 08 is listed twice."""
    rows: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for line in _shared(PLOVER).read_text(encoding="utf-8").splitlines():
        match = _PLOVER_ROW.fullmatch(line.split("#")[0].strip())
        if match is None:
            continue
        parts = [part.strip() for part in match.group(2).split(",")] + ["", ""]
        context = ";".join(word.strip() for word in parts[2].split(";") if word.strip())
        rows.setdefault(match.group(1), []).append((parts[0], parts[1] or None, context or None))
    return rows


def test_every_icews_code_has_a_row_with_its_score() -> None:
    icews = _icews_scores()
    ours = {entry.code: entry.goldstein for entry in codes()}
    assert sorted(set(icews) ^ set(ours)) == []
    assert {code: score for code, score in ours.items() if icews[code] != score} == {}


def test_gdelt_scores_are_recorded_where_they_differ() -> None:
    gdelt = _gdelt_scores()
    assert set(gdelt) <= {entry.code for entry in codes()}
    for entry in codes():
        assert entry.goldstein_gdelt == gdelt.get(entry.code, entry.goldstein), entry.code


def test_known_score_differences_between_icews_and_gdelt() -> None:
    differing = {
        entry.code: (entry.goldstein, entry.goldstein_gdelt)
        for entry in codes()
        if entry.goldstein != entry.goldstein_gdelt
    }
    assert differing == {"016": (-5.0, -2.0), "022": (3.4, 3.2), "164": (-6.5, -7.0), "165": (-7.0, -6.5)}


# Rows where we follow the PLOVER manual's text over its conversion table (see data/README.md).
MANUAL_OVER_TABLE = {"163": ("SANCTION", "discontinue", "diplomatic"), "192": ("ASSAULT", None, "military")}


def test_plover_types_follow_the_conversion_table() -> None:
    table = _plover_rows()
    compared = 0
    for entry in codes():
        given = table.get(entry.code)
        if given is None:
            continue
        if entry.code in MANUAL_OVER_TABLE:
            assert (entry.plover, entry.plover_mode, entry.plover_context) == MANUAL_OVER_TABLE[entry.code]
            compared += 1
            continue
        compared += 1
        assert entry.plover in {plover for plover, _, _ in given}, entry.code
        if len(given) == 1:
            assert (entry.plover, entry.plover_mode, entry.plover_context) == given[0], entry.code
    assert compared == len(set(table) & {entry.code for entry in codes()})
    assert compared > 250


def test_codes_missing_from_the_conversion_table_are_the_statements_and_appeals() -> None:
    table = _plover_rows()
    missing = {entry.code[:2] for entry in codes() if entry.code not in table}
    assert missing == {"01", "02"}


def test_statements_have_no_plover_type() -> None:
    statements = [entry for entry in codes() if entry.root == "01"]
    assert len(statements) == 11
    assert all(entry.plover is entry.plover_mode is entry.plover_context is None for entry in statements)


def test_appeals_are_requests_shaped_like_their_demands() -> None:
    for entry in codes():
        if entry.root != "02":
            continue
        demand = cameo("10" + entry.code[2:])
        assert entry.plover == "REQUEST"
        assert (entry.plover_mode, entry.plover_context) == (demand.plover_mode, demand.plover_context), entry.code


def test_codes_are_sorted_unique_and_cover_every_root() -> None:
    all_codes = [entry.code for entry in codes()]
    assert all_codes == sorted(set(all_codes))
    assert {entry.root for entry in codes()} == set(ROOTS)
    assert all(entry.code.startswith(entry.root) for entry in codes())


@pytest.mark.parametrize(
    ("root", "quad"),
    [(root, 1) for root in ROOTS[:5]]
    + [(root, 2) for root in ROOTS[5:8]]
    + [(root, 3) for root in ROOTS[8:13]]
    + [(root, 4) for root in ROOTS[13:]],
)
def test_quad_class_of_each_root(root: str, quad: int) -> None:
    assert quad_class(root) == quad
    assert {entry.quad for entry in codes() if entry.root == root} == {quad}


def test_quad_names() -> None:
    assert QUAD_NAMES == {
        1: "verbal cooperation",
        2: "material cooperation",
        3: "verbal conflict",
        4: "material conflict",
    }


@pytest.mark.parametrize("root", ["00", "21", "4", "042", "1a", "", " 04", "\u0660\u0664"])
def test_quad_class_rejects_what_is_not_a_root(root: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(root))):
        quad_class(root)


@pytest.mark.parametrize("code", ["01", "042", "0211", "1382", "2042", "20"])
def test_is_code_accepts_codes(code: str) -> None:
    assert is_code(code)


@pytest.mark.parametrize("code", ["13y", "42", "0420", "", "21", "099", "1214", " 042", "042 "])
def test_is_code_rejects_non_codes(code: str) -> None:
    assert not is_code(code)


def test_cameo_looks_codes_up() -> None:
    visit = cameo("042")
    assert (visit.code, visit.root, visit.quad, visit.goldstein) == ("042", "04", 1, 1.9)
    assert (visit.plover, visit.plover_mode) == ("CONSULT", "visit")


def test_unknown_code_says_how_to_list_valid_ones() -> None:
    with pytest.raises(UnknownCode, match=r"'42'.*codes\(\)") as raised:
        cameo("42")
    assert isinstance(raised.value, KeyError)


def test_every_intent_target_is_an_intent_or_threat_code() -> None:
    for entry in codes():
        target = intent_code(entry.code)
        if target is None:
            continue
        assert is_code(target), entry.code
        assert target[:2] == ("03" if entry.quad <= 2 else "13"), entry.code


def test_verbal_codes_have_no_intent_and_acts_do() -> None:
    for entry in codes():
        if entry.root in {"01", "02", "03", "09", "10", "11", "12", "13"}:
            assert intent_code(entry.code) is None, entry.code
        elif entry.root in {"06", "07", "08"} or entry.quad == 4:
            assert intent_code(entry.code) is not None, entry.code


@pytest.mark.parametrize(
    ("act", "intent"),
    [
        ("042", "036"), ("046", "036"), ("045", "039"), ("054", "032"), ("061", "0311"),
        ("071", "0331"), ("072", "0332"), ("073", "0333"), ("074", "0334"), ("0841", "0353"),
        ("085", "0354"), ("087", "0356"), ("163", "1312"), ("1723", "1323"), ("183", "1383"),
        ("190", "138"), ("192", "1382"), ("2042", "1385"), ("051", "032"), ("055", None), ("0311", None),
        ("112", None), ("138", None),
    ],
)
def test_intent_code_examples(act: str, intent: str | None) -> None:
    assert intent_code(act) == intent


def test_intent_code_of_an_unknown_code() -> None:
    with pytest.raises(UnknownCode):
        intent_code("42")


def test_packaged_file_reads_back_as_the_served_table() -> None:
    table = read_table(DATA_FILE)
    assert tuple(table.codes.values()) == codes()
    assert table.intents == {entry.code: intent_code(entry.code) for entry in codes() if intent_code(entry.code)}


def _broken_copy(tmp_path: Path, code: str, changes: dict[str, str]) -> tuple[Path, int]:
    """A copy of the packaged file with some fields of ``code``'s row changed, and that row's line number."""
    lines = DATA_FILE.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    index = next(i for i, line in enumerate(lines) if line.split("\t")[0] == code)
    fields = dict(zip(header, lines[index].split("\t")))
    fields.update(changes)
    lines[index] = "\t".join(fields[column] for column in header)
    path = tmp_path / "cameo.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, index + 1


@pytest.mark.parametrize(
    ("code", "changes", "field"),
    [
        ("042", {"code": "42"}, "code"),
        ("042", {"code": "2142"}, "code"),
        ("0212", {"code": "0210"}, "code"),
        ("0212", {"code": "0211"}, "code"),
        ("042", {"name": ""}, "name"),
        ("042", {"goldstein": "high"}, "goldstein"),
        ("042", {"goldstein": "12"}, "goldstein"),
        ("042", {"goldstein_gdelt": "1.9"}, "goldstein_gdelt"),
        ("042", {"goldstein_gdelt": "nan"}, "goldstein_gdelt"),
        ("042", {"plover": "MEET"}, "plover"),
        ("010", {"plover_mode": "visit"}, "plover_mode"),
        ("042", {"plover_context": "Diplomatic"}, "plover_context"),
        ("042", {"intent": "138"}, "intent"),
        ("042", {"intent": "0399"}, "intent"),
        ("112", {"intent": "130"}, "intent"),
    ],
)
def test_broken_rows_are_named_by_file_line_and_field(
    tmp_path: Path, code: str, changes: dict[str, str], field: str
) -> None:
    path, line = _broken_copy(tmp_path, code, changes)
    with pytest.raises(OntologyError, match=re.escape(f"{path}, line {line}, field {field}:")):
        read_table(path)


def test_a_row_without_its_parent_is_rejected(tmp_path: Path) -> None:
    path, line = _broken_copy(tmp_path, "0211", {"code": "0291"})
    with pytest.raises(OntologyError, match=re.escape(f"{path}, line {line}, field code:")):
        read_table(path)


def test_a_row_with_missing_fields_is_rejected(tmp_path: Path) -> None:
    lines = DATA_FILE.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].rsplit("\t", 1)[0]
    path = tmp_path / "cameo.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(OntologyError, match=re.escape(f"{path}, line 6: expected 8 tab-separated fields, found 7")):
        read_table(path)


def test_a_wrong_header_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "cameo.tsv"
    path.write_text("code\tlabel\n01\tMake a public statement\n", encoding="utf-8")
    with pytest.raises(OntologyError, match=re.escape(f"{path}, line 1: the header")):
        read_table(path)


def test_an_appeal_and_a_demand_name_the_act_they_ask_for():
    assert (requested_code("070", demanded=False), requested_code("0841", demanded=True)) == ("023", "1053")
    assert (requested_code("046", demanded=False), requested_code("045", demanded=True)) == ("026", "108")
    assert requested_code("190", demanded=False) is None
    # An intent asked for is its act asked for: agreeing to a ceasefire is de-escalating.
    assert (requested_code("0356", demanded=False), requested_code("036", demanded=True)) == ("0256", "106")
    for entry in codes():
        asked = requested_code(entry.code, demanded=False)
        if asked is not None:
            assert asked[:2] == "02" and requested_code(entry.code, demanded=True) == "10" + asked[2:], entry.code


def test_a_refusal_names_the_act_it_refuses():
    assert [refusal_code(c) for c in ("063", "064", "072", "0832", "0841", "087", "046", "051")] == [
        "1213", "121", "1222", "1232", "1243", "1246", "125", "120"
    ]
    for entry in codes():
        if entry.root in ("04", "06", "07", "08"):
            assert refusal_code(entry.code)[:3] in ("121", "122", "123", "124", "125"), entry.code
