"""PETRARCH/TABARI actor and agent dictionaries read into the knowledge base: on small
dictionaries of our own, and on the PETRARCH validation suite's own dictionaries in ../shared."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from detente.actors import kb, petrarch
from detente.actors.kb import Reference, Role
from detente.actors.tables import read_folder

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SUITE = SHARED / "data" / "eventcoding"
SUITE_ACTORS = SUITE / "PETR_Validate_actors_2_02.txt"
SUITE_AGENTS = SUITE / "PETR_Validate_agents_2_02.txt"
ON = date(2024, 1, 1)


@pytest.fixture(scope="module", autouse=True)
def empty_user_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """$DETENTE_HOME at an empty folder, so that ~/.detente is never read and the package data is what is tested."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(kb.HOME, str(tmp_path_factory.mktemp("home")))
        yield


ACTORS = """\
<!-- A small actors dictionary of our own -->
+ORPHAN_SYNONYM
GONDOR [GON] # a state of our own
+GONDORIAN
+MINAS_TIRITH
DENETHOR
\t[GONGOV 19500101 - 20191231]
\t[GONELI > 20200101]
JAPAN [JAP]
RUSSIA [RUS]
BOROMIR [---]
SHELOB [X-Y]
THE_WHITE_COUNCIL [IGOWHC]
ORCS [MORREBORC]
"""

AGENTS = """\
<!-- A small agents dictionary of our own -->
!MINST! = MINISTER, MINISTRY
STEWARD [~GOV]
RANGER {} [~REB]
ORC_CAPTAIN {ORC_CAPTAINS} [~MIL]
WAR_!MINST! [~MIL]
HIGH_!UNKNOWN! [~GOV]
TOWER_GUARD [GOV]
ELF_LORD [~ELFX]
AMBASSADOR [~DIP]
"""


@pytest.fixture
def dictionaries(tmp_path: Path) -> tuple[Path, Path]:
    actors, agents = tmp_path / "actors.txt", tmp_path / "agents.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    return actors, agents


@pytest.fixture
def imported(dictionaries: tuple[Path, Path]) -> petrarch.Import:
    return petrarch.read(*dictionaries, on=ON)


def skipped(imported: petrarch.Import) -> dict[tuple[str, int], str]:
    return {(entry.path.name, entry.line): entry.reason for entry in imported.skipped}


def test_every_entry_read_is_written_or_skipped(imported: petrarch.Import) -> None:
    assert imported.read == 19
    assert imported.written == 10
    assert imported.read == imported.written + len(imported.skipped)


def test_skipped_entries_name_their_file_line_and_reason(imported: petrarch.Import) -> None:
    reasons = skipped(imported)
    assert "synonym before any actor" in reasons["actors.txt", 2]
    assert reasons["actors.txt", 9] == "already in the knowledge base as JPN"
    assert reasons["actors.txt", 10] == "already in the knowledge base as RUS"
    assert "null code" in reasons["actors.txt", 11]
    assert "not letters and digits" in reasons["actors.txt", 12]
    assert "!UNKNOWN! is not defined" in reasons["agents.txt", 7]
    assert "[~CODE] or [CODE~]" in reasons["agents.txt", 8]
    assert "three-letter blocks" in reasons["agents.txt", 9]
    assert reasons["agents.txt", 10] == "already a role word with sector DIP"


def test_a_code_with_several_agents_keeps_one_sector_and_says_so(imported: petrarch.Import) -> None:
    notes = [(note.line, note.reason) for note in imported.notes]
    assert (14, "one sector per actor here: kept REB of REB, ORC") in notes


def test_new_codes_become_principals_and_known_ones_are_translated(imported: petrarch.Import) -> None:
    assert imported.principals == {"GON", "MOR", "IGOWHC"}
    assert imported.principals_of("JAP") == {"JPN"}
    assert imported.principals_of("GONGOV") == {"GON"}
    assert imported.principals_of("RUSMIL") == {"RUS"}
    assert imported.principals_of("IGOWHC") == {"IGOWHC"}
    assert imported.principals_of("---") == set()
    labels = {row["code"]: (row["kind"], row["name"]) for row in imported.layer["principals.tsv"]}
    assert labels == {"GON": ("state", "Gondor"), "MOR": ("state", "MOR"), "IGOWHC": ("igo", "White Council")}


def test_an_import_loads_over_the_package_data(imported: petrarch.Import) -> None:
    base = kb.load(overlays=[imported.layer])
    assert base.lookup("Gondor", ON) == Reference("GON", None, None, "name", "state")
    assert base.lookup("Minas Tirith", ON).principal == "GON"
    assert base.lookup("Gondorian", ON).principal == "GON"
    assert base.lookup("White Council", ON) == Reference("IGOWHC", None, None, "name", "igo")
    assert base.lookup("Orcs", ON) == Reference("MOR", "REB", "Orcs", "name", "state")
    assert base.lookup("Japan", ON).principal == "JPN"
    assert base.lookup("Gondor", ON) is not None and kb.load().lookup("Gondor", ON) is None


def test_dated_codes_give_dated_sectors(imported: petrarch.Import) -> None:
    base = kb.load(overlays=[imported.layer])
    assert base.lookup("Denethor", date(2000, 1, 1)) == Reference("GON", "GOV", "Denethor", "name", "state")
    assert base.lookup("Denethor", date(2019, 12, 31)).sector == "GOV"
    assert base.lookup("Denethor", date(2020, 1, 1)).sector == "ELI"


def test_agents_become_role_words_with_their_plurals(imported: petrarch.Import) -> None:
    base = kb.load(overlays=[imported.layer])
    assert base.role("steward") == Role("GOV", "any")
    assert base.role("stewards") == Role("GOV", "any")
    assert base.role("ranger") == Role("REB", "any")
    assert kb.load().role("rangers") is None and base.role("rangers") == Role("REB", "any")
    assert base.role("orc captains") == Role("MIL", "any")
    assert base.role("war minister") == Role("MIL", "any")
    assert base.role("war ministry") == Role("MIL", "any")
    assert base.role("ambassador") == Role("DIP", "person")


def test_a_dictionary_that_redefines_a_word_overrides_the_package_and_says_so(tmp_path: Path) -> None:
    agents = tmp_path / "agents.txt"
    agents.write_text("AMBASSADOR [~GOV]\n", encoding="utf-8")
    actors = tmp_path / "actors.txt"
    actors.write_text("ATHENS [GRC]\n", encoding="utf-8")
    imported = petrarch.read(actors, agents, on=ON)
    changes = {(change.phrase, change.before, change.after) for change in imported.overrides}
    assert ("ambassador", "role DIP", "role GOV") in changes
    assert ("Athens", "GRC GOV", "GRC") in changes
    base = kb.load(overlays=[imported.layer])
    assert base.role("ambassador") == Role("GOV", "person")
    assert base.lookup("Athens", ON) == Reference("GRC", None, None, "name", "state")


def test_an_organisation_prefix_before_a_state_code_is_that_state(imported: petrarch.Import) -> None:
    """PETRARCH writes an agent such as [NGO~] before its actor's code: "NGOGON" is an NGO of Gondor."""
    assert imported.principals_of("NGOGON") == {"GON"}
    assert imported.principals_of("NGOJAPGOV") == {"JPN"}
    assert imported.principals_of("IGOXYZ") == {"IGOXYZ"}


def test_a_code_given_to_two_actors_we_tell_apart_stands_for_both(tmp_path: Path) -> None:
    actors = tmp_path / "actors.txt"
    actors.write_text("INTERNATIONAL_CRIMINAL_COURT [IGOCOPITP]\nINTERPOL [IGOCOPITP]\n", encoding="utf-8")
    imported = petrarch.read(actors, on=ON)
    assert imported.principals_of("IGOCOPITP") == {"ICC", "INTERPOL"}
    base = kb.load(overlays=[imported.layer])
    assert base.lookup("International Criminal Court", ON).principal == "ICC"
    assert base.lookup("Interpol", ON).principal == "INTERPOL"


def test_an_agent_word_hides_the_organisation_of_that_name_and_says_so(tmp_path: Path) -> None:
    actors, agents = tmp_path / "actors.txt", tmp_path / "agents.txt"
    actors.write_text("GONDOR [GON]\n", encoding="utf-8")
    agents.write_text("MSF {} [NGO~]\n", encoding="utf-8")
    imported = petrarch.read(actors, agents, on=ON)
    assert ("msf", "MSF NGO", "role NGO") in {(c.phrase, c.before, c.after) for c in imported.overrides}
    assert kb.load().lookup("MSF", ON).principal == "MSF"
    base = kb.load(overlays=[imported.layer])
    assert base.lookup("MSF", ON) is None and base.role("MSF") == Role("NGO", "any")


def test_write_adds_the_rows_to_a_folder_once(imported: petrarch.Import, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    written = imported.write(folder)
    assert {file: len(sources) for file, sources in written.items()} == {
        "principals.tsv": 3, "names.tsv": 5, "roles.tsv": 4,
    }
    layer = read_folder(folder)
    assert len(layer["names.tsv"]) == 5
    assert kb.load(overlays=[folder]).lookup("Gondor", ON).principal == "GON"
    again = imported.write(folder)
    assert all(not sources for sources in again.values())
    assert len(read_folder(folder)["names.tsv"]) == 5


def test_write_goes_to_the_user_folder_by_default(imported: petrarch.Import, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(kb.HOME, str(tmp_path / "home"))
    imported.write()
    assert (tmp_path / "home" / "actors" / "names.tsv").is_file()
    assert kb.load().lookup("Minas Tirith", ON).principal == "GON"


# --- the PETRARCH validation suite's own dictionaries ------------------------------------------


@pytest.fixture(scope="module")
def suite() -> petrarch.Import:
    if not SUITE_ACTORS.exists() or not SUITE_AGENTS.exists():
        pytest.skip(f"the PETRARCH validation dictionaries are not at {SUITE}: clone the project beside ../shared")
    return petrarch.read(SUITE_ACTORS, SUITE_AGENTS, on=ON)


def test_the_suite_dictionaries_are_read_whole(suite: petrarch.Import) -> None:
    assert suite.read == suite.written + len(suite.skipped)
    assert suite.written > 100
    assert all(entry.line > 0 and entry.reason for entry in suite.skipped)
    assert {"GON", "MOR", "HOB", "ELF", "WIZ"} <= suite.principals


def test_the_suite_fictional_actors_are_principals_the_kb_finds_by_name(suite: petrarch.Import) -> None:
    base = kb.load(overlays=[suite.layer])
    for name, code in [("Gondor", "GON"), ("Minas Tirith", "GON"), ("Mordor", "MOR"), ("Frodo", "HOB"), ("Gandalf", "WIZ")]:
        found = base.lookup(name, ON)
        assert found is not None and found.principal == code, name
    assert base.lookup("Gollum", date(1997, 1, 1)).sector == "GOV"
    assert base.lookup("Gollum", date(2000, 1, 1)).sector == "REB"


def test_the_suite_codes_translate_to_ours(suite: petrarch.Import) -> None:
    assert suite.principals_of("JAP") == {"JPN"}
    assert suite.principals_of("USR") == {"SUN"}
    assert suite.principals_of("GONGOV") == {"GON"}
    assert suite.principals_of("NGOARNGOV") == {"ARN"}


def test_the_suite_agents_are_role_words_with_sectors(suite: petrarch.Import) -> None:
    base = kb.load(overlays=[suite.layer])
    assert base.role("ministers of silly walks").sector == "GOV"
    assert base.role("congressmen").sector == "LEG"
    assert base.role("golden geese").sector == "GGS"
    assert "GGS" in base.sector_codes


def test_an_organisation_code_before_an_agent_code_is_that_organisation(tmp_path: Path) -> None:
    """A dictionary that codes a known organisation by a bare prefix ("[NGM]") writes its activists "NGMOPP"."""
    actors = tmp_path / "actors.txt"
    actors.write_text("HUMAN_RIGHTS_WATCH [NGM]\nGONDOR [GON]\n", encoding="utf-8")
    imported = petrarch.read(actors, on=ON)
    assert imported.principals_of("NGM") == imported.principals_of("NGMOPP") != {"NGMOPP"}
    assert imported.principals_of("NGMXYZ") == {"NGMXYZ"}, "XYZ is no agent"
    assert imported.principals_of("NGOGON") == {"GON"}
