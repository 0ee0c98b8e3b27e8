"""The sector weights: the package's file loads, and a bad row names its file, line and field."""

from __future__ import annotations

import pytest

from detente.relations import weights


def test_the_package_weights_speak_for_the_state():
    loaded = weights.load()
    assert loaded.of(None) == loaded.of("GOV") == loaded.of("DIP") == loaded.of("MIL") == 1.0
    assert loaded.of("CVL") == loaded.other < loaded.of("LEG") < 1.0


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("sector\tweight\nGOV\t1\n", "no '*' row"),
        ("sector\tweight\nGOV\t1\nXYZ\t0.5\n*\t0\n", ":3: sector 'XYZ'"),
        ("sector\tweight\nGOV\t2\n*\t0\n", ":2: weight '2'"),
        ("sector\tweight\nGOV\tmuch\n*\t0\n", ":2: weight 'much'"),
        ("sector\tweight\nGOV\t1\nGOV\t1\n*\t0\n", ":3: sector 'GOV' has a row already"),
        ("sector\tweight\nGOV\t1\t\n*\t0\n", ":2: 3 tab-separated fields"),
        ("code\tweight\nGOV\t1\n", ":1: the header"),
    ],
)
def test_a_bad_file_names_the_line_and_field(tmp_path, rows, message):
    path = tmp_path / "sectors.tsv"
    path.write_text(rows, encoding="utf-8")
    with pytest.raises(weights.WeightsError) as raised:
        weights.load(path)
    assert str(raised.value).startswith(str(path)) and message in str(raised.value)
