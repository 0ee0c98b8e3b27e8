"""The mapping tables load, and a malformed row is refused with its file, line and field."""

from __future__ import annotations

import pytest

from detente.importers import MappingError, tables


def test_the_packaged_tables_load():
    words, precedence = tables.sector_words()
    assert words["foreign ministry"] == "DIP" and precedence.index("DIP") < precedence.index("GOV") < precedence.index("LEG")
    assert tables.gdelt_codes()["group"]["TAL"].principal == "TALIBAN"
    assert tables.countries()["occupied palestinian territory"] == "PSE"
    assert tables.icews_events()[tables.normalize("Threaten_non-force")] == "131"
    assert tables.plover_events()[("CONSULT", "")] == "040"
    assert tables.acled_events()[("battles", "armed clash")] == "190"
    assert tables.acled_inter()["state forces"] == "MIL"
    assert tables.tkg_benchmarks()["icews18"].steps_per_day == 24


def test_every_icews_event_text_of_the_benchmarks_has_a_code(shared):
    codes = tables.icews_events()
    for name in ("ICEWS14", "ICEWS18", "ICEWS05-15", "ICEWS14_xerte", "ICEWS05-15_xerte"):
        for line in shared("tkg", name, "relation2id.txt").read_text(encoding="utf-8").splitlines():
            text = line.split("\t")[0]
            assert tables.normalize(text) in codes, f"{name}: {text!r}"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("field\tcode\n", r"x.tsv, line 1, field 'header': write the header as 'text cameo'"),
        ("text\tcameo\nMake statement\n", r"x.tsv, line 2, field 'cameo': 1 tab-separated fields where there should be 2"),
    ],
)
def test_malformed_rows_name_file_line_and_field(tmp_path, content, message):
    path = tmp_path / "x.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MappingError, match=message):
        list(tables.rows(path, ("text", "cameo")))
