"""`detente actors search|add|import`, run as a user would, with the user folder under a
temporary $DETENTE_HOME."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.actors import kb
from detente.cli import app
from detente.cli.common import console


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh $DETENTE_HOME, and a console wide enough that table cells are not wrapped."""
    monkeypatch.setenv(kb.HOME, str(tmp_path / "home"))
    monkeypatch.setattr(console, "width", 250)
    return tmp_path / "home"


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(app, ["actors", *args])
    assert result.exit_code == code, result.output
    return result.output


def search_json(*args: str) -> dict:
    return json.loads(run("search", *args, "--format", "json"))


# --- search --------------------------------------------------------------------------------------


def test_search_gives_a_persons_role_on_the_day_its_source_and_the_other_roles(home: Path) -> None:
    found = search_json("Biden", "--on", "2012-06-01")
    resolved = found["resolved"]
    assert (resolved["principal"], resolved["sector"], resolved["name"]) == ("USA", "GOV", "Joe Biden")
    assert (resolved["role"], resolved["start"], resolved["end"]) == ("Vice President", "2009-01-20", "2017-01-20")
    assert resolved["holds"] and resolved["why"] == "holds on 2012-06-01"
    source = resolved["source"]
    lines = Path(source["file"]).read_text(encoding="utf-8").splitlines()
    assert lines[source["line"] - 1].startswith("Joe Biden\t\tUSA\tGOV\tVice President")
    others = {(other["role"], other["sector"]) for other in found["alternatives"]}
    assert {("Senator", "LEG"), ("President", "GOV"), ("Presidential candidate and president-elect", "OPP")} <= others


def test_search_shows_meanings_that_hold_on_other_days(home: Path) -> None:
    found = search_json("Taliban", "--on", "2010-06-01")
    assert (found["resolved"]["principal"], found["resolved"]["sector"]) == ("TALIBAN", "INS")
    assert {(other["sector"], other["start"]) for other in found["alternatives"]} >= {
        ("GOV", "1996-09-27"), ("GOV", "2021-08-15"),
    }


def test_search_shows_ambiguous_names_that_lost(home: Path) -> None:
    run("add", "Georgia", "--code", "USA", "--kind", "name", "--sector", "GOV")
    found = search_json("Georgia", "--on", "2021-06-01")
    assert found["resolved"]["principal"] == "USA"
    assert [(other["principal"], other["holds"]) for other in found["alternatives"]] == [("GEO", True)]
    assert "comes after the chosen meaning" in found["alternatives"][0]["why"]


def test_search_names_the_capitals_a_form_needs(home: Path) -> None:
    found = search_json("turkey", "--on", "2021-06-01")
    assert found["resolved"] is None
    assert "needs the capitals of 'Turkey'" in found["alternatives"][0]["why"]


def test_search_says_unresolved_when_nothing_matches(home: Path) -> None:
    assert search_json("Atlantis")["resolved"] is None
    output = run("search", "Atlantis", "--on", "2021-06-01")
    assert "Atlantis on 2021-06-01: unresolved" in output


def test_search_as_a_table_says_what_why_and_where(home: Path) -> None:
    output = run("search", "Kremlin", "--on", "1985-06-01")
    assert "Kremlin on 1985-06-01 → SUN GOV (metonym, a state)" in output
    assert "why: holds on 1985-06-01" in output
    line = (kb.DATA / "metonyms.tsv").read_text(encoding="utf-8").splitlines().index("SUN\tGOV\t\t\tKremlin") + 1
    assert f"from: actors/data/metonyms.tsv, line {line}" in output
    assert "RUS GOV" in output and "other meanings" in output


def test_search_refuses_a_bad_date(home: Path) -> None:
    assert "--on" in run("search", "Biden", "--on", "June 2012", code=1)


# --- add -----------------------------------------------------------------------------------------


def test_add_writes_a_row_that_search_then_finds(home: Path) -> None:
    output = run(
        "add", "Zed Front", "--code", "ZEDFRONT", "--kind", "group", "--country", "AFG", "--sector", "INS",
        "--start", "2020", "--alias", "Zedists", "--alias", "Zed Army",
    )
    assert f"added to {home / 'actors' / 'groups.tsv'}, line 3" in output
    assert "Zed Front on 2020-01-01 → ZEDFRONT INS" in output
    found = search_json("Zedists", "--on", "2024-01-01")["resolved"]
    assert (found["principal"], found["sector"], found["entity_kind"]) == ("ZEDFRONT", "INS", "group")


def test_add_a_persons_role(home: Path) -> None:
    run("add", "Ivan Zed", "--code", "RUS", "--kind", "person", "--sector", "DIP", "--role", "Ambassador to Zedland",
        "--start", "2023-02-01", "--alias", "Zed")
    found = search_json("Zed", "--on", "2024-01-01")["resolved"]
    assert (found["principal"], found["sector"], found["role"], found["start"]) == ("RUS", "DIP", "Ambassador to Zedland", "2023-02-01")


def test_add_into_another_folder(home: Path, tmp_path: Path) -> None:
    run("add", "Zed Front", "--code", "ZEDFRONT", "--kind", "group", "--into", str(tmp_path / "team"))
    assert (tmp_path / "team" / "groups.tsv").is_file()
    assert not (home / "actors").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--code", "ZEDS", "--kind", "group", "--sector", "XYZ"], "field 'sector': unknown sector 'XYZ'"),
        (["--code", "ZEDS", "--kind", "group", "--country", "Zedland"], "field 'country': 'Zedland' is not a state"),
        (["--code", "zeds", "--kind", "group"], "field 'code': 'zeds': write 2 to 12 capital letters or digits"),
        (["--code", "ZEDS", "--kind", "planet"], "field 'kind': 'planet'"),
        (["--code", "RUS", "--kind", "person"], "field 'role'"),
        (["--code", "ZEDS", "--kind", "group", "--start", "2020-02-30"], "field 'start': '2020-02-30' is not a date"),
    ],
)
def test_add_refuses_bad_values_naming_the_field(home: Path, args: list[str], message: str) -> None:
    output = run("add", "Zed Front", *args, code=1)
    assert output.startswith("detente: error: ")
    assert message in output
    assert not (home / "actors").exists() or not any((home / "actors").iterdir())


# --- import --------------------------------------------------------------------------------------


@pytest.fixture
def dictionaries(tmp_path: Path) -> tuple[Path, Path]:
    actors, agents = tmp_path / "actors.txt", tmp_path / "agents.txt"
    actors.write_text("GONDOR [GON]\n+MINAS_TIRITH\nJAPAN [JAP]\nBOROMIR [---]\n", encoding="utf-8")
    agents.write_text("STEWARD [~GOV]\nTOWER_GUARD [GOV]\n", encoding="utf-8")
    return actors, agents


def test_import_reports_what_it_read_wrote_and_skipped(home: Path, dictionaries: tuple[Path, Path]) -> None:
    actors, agents = dictionaries
    output = run("import", str(actors), "--agents", str(agents))
    assert "read 6 entries: 3 written, 3 skipped" in output
    assert f"row(s) added to {home / 'actors' / 'names.tsv'}" in output
    assert "│ actors.txt │ 3    │ JAPAN" in output and "already in the knowledge base as JPN" in output
    assert "│ actors.txt │ 4    │ BOROMIR" in output and "the null code names no actor" in output
    assert "│ agents.txt │ 2    │ GOV" in output and "an agent code is written [~CODE] or [CODE~]" in output
    assert search_json("Minas Tirith", "--on", "2024-01-01")["resolved"]["principal"] == "GON"


def test_import_twice_adds_nothing_the_second_time(home: Path, dictionaries: tuple[Path, Path]) -> None:
    actors, agents = dictionaries
    run("import", str(actors), "--agents", str(agents))
    names = (home / "actors" / "names.tsv").read_text(encoding="utf-8")
    output = run("import", str(actors), "--agents", str(agents))
    assert "read 6 entries: 0 written, 6 skipped" in output
    assert "already in the knowledge base as GON" in output
    assert (home / "actors" / "names.tsv").read_text(encoding="utf-8") == names


def test_import_into_another_folder(home: Path, dictionaries: tuple[Path, Path], tmp_path: Path) -> None:
    run("import", str(dictionaries[0]), "--into", str(tmp_path / "suite"))
    assert (tmp_path / "suite" / "principals.tsv").is_file()
    assert not (home / "actors").exists()


def test_import_refuses_a_missing_dictionary(home: Path, tmp_path: Path) -> None:
    output = run("import", str(tmp_path / "nothing.txt"), code=1)
    assert "nothing.txt: no such file" in output
