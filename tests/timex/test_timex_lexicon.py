"""The word lists load, and a broken lexicon file says where to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.timex.lexicon import LexiconError, load_lexicon, read_lexicon

PACKAGE_LEXICON = Path(__file__).resolve().parents[2] / "src" / "detente" / "timex" / "data" / "lexicon.toml"


def test_the_package_lexicon_loads() -> None:
    lexicon = load_lexicon()
    assert lexicon.month_number("Aug.") == 8
    assert lexicon.month_number("Sept") == 9
    assert lexicon.month_number("Augustus") is None
    assert lexicon.weekdays["Thursday"] == 3
    assert lexicon.number_value("seven") == 7
    assert lexicon.number_value("Twenty-five") == 25
    assert lexicon.number_value("102") == 102
    assert lexicon.prepositions["since"] == "since"
    assert lexicon.ranges["between"] == ("and",)


def broken(tmp_path: Path, old: str, new: str) -> Path:
    text = PACKAGE_LEXICON.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "lexicon.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_bad_value_names_the_table_and_entry(tmp_path: Path) -> None:
    path = broken(tmp_path, "July = 7", "July = 13")
    with pytest.raises(LexiconError, match=r"lexicon\.toml: \[months\] 'July' = 13 must be a whole number \(one of"):
        read_lexicon(path)


def test_a_bad_role_names_the_choices(tmp_path: Path) -> None:
    path = broken(tmp_path, 'since = "since"', 'since = "from"')
    with pytest.raises(LexiconError, match=r"\[prepositions\] 'since' = 'from'.*'until'"):
        read_lexicon(path)


def test_a_missing_table_says_so(tmp_path: Path) -> None:
    path = broken(tmp_path, "[weekdays]", "[weekday_names]")
    with pytest.raises(LexiconError, match=r"table \[weekdays\] is missing"):
        read_lexicon(path)


def test_bad_syntax_names_the_line(tmp_path: Path) -> None:
    path = broken(tmp_path, "July = 7", "July = = 7")
    with pytest.raises(LexiconError, match=r"lexicon\.toml: .*line \d+.*fix the TOML syntax"):
        read_lexicon(path)
