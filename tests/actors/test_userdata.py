"""The user's own actors: rows added to their folder, merged over the package data by kb.load,
with the user's rows winning, and bad values refused naming the field (and file and line)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.actors import kb, userdata
from detente.actors.kb import KnowledgeBaseError, Reference, Role

ON = date(2024, 1, 1)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user folder, $DETENTE_HOME/actors, under a fresh temporary home."""
    monkeypatch.setenv(kb.HOME, str(tmp_path / "home"))
    return tmp_path / "home" / "actors"


def write(folder: Path, file: str, *lines: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / file).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_user_folder_is_under_detente_home_else_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(kb.HOME, str(tmp_path / "elsewhere"))
    assert kb.user_folder() == tmp_path / "elsewhere" / "actors"
    monkeypatch.delenv(kb.HOME)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert kb.user_folder() == tmp_path / ".detente" / "actors"


def test_without_a_user_folder_load_gives_the_package_data(folder: Path) -> None:
    assert not folder.exists()
    assert kb.load() is kb.load(overlays=[])


def test_added_actors_of_every_kind_resolve(folder: Path) -> None:
    userdata.add("Zed Front", "ZEDFRONT", "group", sector="INS", country="AFG", start="2020", aliases=["Zedists"])
    userdata.add("Zedland", "ZZZ", "state", aliases=["Zeds"])
    userdata.add("Ivan Zed", "ZEDFRONT", "person", role="Leader of the Zed Front", start="2020-03-01", aliases=["Zed"])
    userdata.add("Zed Palace", "RUS", "name", sector="GOV")
    userdata.add("Union of Zeds", "ZEDUNION", "igo", sector="IGO", aliases=["UoZ"])
    base = kb.load()
    assert base.lookup("Zedists", ON) == Reference("ZEDFRONT", "INS", None, "name", "group")
    assert base.country_of("ZEDFRONT", ON) == "AFG"
    assert base.lookup("Zeds", ON) == Reference("ZZZ", None, None, "name", "state")
    assert base.lookup("Zed", ON) == Reference("ZEDFRONT", "INS", "Ivan Zed", "person", "group")
    assert base.lookup("Zed", date(2019, 1, 1)).sector == "ELI"
    assert base.lookup("Zed Palace", ON) == Reference("RUS", "GOV", "Zed Palace", "name", "state")
    assert base.lookup("UoZ", ON) == Reference("ZEDUNION", "IGO", None, "name", "igo")
    assert kb.load(overlays=[]).lookup("Zedists", ON) is None


def test_add_says_where_the_row_went_and_load_sees_each_change(folder: Path) -> None:
    before = kb.load()
    source = userdata.add("Zed Front", "ZEDFRONT", "group", sector="INS")
    assert (source.path, source.line) == (folder / "groups.tsv", 3)
    assert kb.load() is not before
    assert userdata.add("Zed Army", "ZEDARMY", "group").line == 4
    assert kb.load().lookup("Zed Army", ON).principal == "ZEDARMY"


def test_add_writes_into_another_folder_when_asked(tmp_path: Path, folder: Path) -> None:
    other = tmp_path / "team"
    userdata.add("Zed Front", "ZEDFRONT", "group", folder=other)
    assert (other / "groups.tsv").is_file() and not folder.exists()
    assert kb.load(overlays=[other]).lookup("Zed Front", ON).principal == "ZEDFRONT"


@pytest.mark.parametrize(
    ("name", "code", "kind", "options", "field", "advice"),
    [
        ("Zed", "ZZZ", "planet", {}, "kind", "use one of state, igo, group, person, name"),
        ("a|b", "ZEDS", "igo", {}, "name", "without '|'"),
        ("Zedland", "zz", "state", {}, "code", "three capital letters"),
        ("Zeds", "Z", "group", {}, "code", "2 to 12 capital letters or digits"),
        ("Zeds", "ZEDS", "group", {"sector": "XYZ"}, "sector", "unknown sector 'XYZ'"),
        ("Zeds", "ZEDS", "group", {"country": "QQQ"}, "country", "is not a state"),
        ("Zeds", "ZEDS", "igo", {"country": "AFG"}, "country", "only a group has a home country"),
        ("Ivan Zed", "QQQ", "person", {"role": "King"}, "code", "is no principal"),
        ("Ivan Zed", "RUS", "person", {}, "role", "needs the title of their role"),
        ("Zeds", "ZEDS", "igo", {"role": "Boss"}, "role", "only a person has a role"),
        ("Zeds", "ZEDS", "group", {"start": "2020-13"}, "start", "is not a date"),
        ("Zeds", "ZEDS", "group", {"start": "2021", "end": "2020"}, "end", "not after the start"),
        ("Zeds", "ZEDS", "group", {"aliases": ["a|b"]}, "aliases", "without '|'"),
    ],
)
def test_add_refuses_a_bad_value_naming_the_field(
    folder: Path, name: str, code: str, kind: str, options: dict, field: str, advice: str
) -> None:
    with pytest.raises(KnowledgeBaseError) as refused:
        userdata.add(name, code, kind, **options)
    assert str(refused.value).startswith(f"field {field!r}: ")
    assert advice in str(refused.value)
    assert not folder.exists() or not any(folder.iterdir())


def test_a_row_the_kb_refuses_leaves_the_folder_as_it_was(folder: Path) -> None:
    userdata.add("Zed Front", "ZEDFRONT", "group", sector="INS")
    text = (folder / "groups.tsv").read_text(encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"groups.tsv, line 4, field 'sector': the end 2020 is not after the start 2021"):
        userdata.add("Zed Army", "ZEDARMY", "group", sector="INS@2021..2020")
    assert (folder / "groups.tsv").read_text(encoding="utf-8") == text
    with pytest.raises(KnowledgeBaseError, match="code ZEDFRONT is already used"):
        userdata.add("Zed Front", "ZEDFRONT", "group", sector="REB")
    with pytest.raises(KnowledgeBaseError, match="'Ivan Zed' is already a name of Ivan Zed"):
        userdata.add("Ivan Zed", "ZEDFRONT", "person", role="Leader", aliases=["Ivan Zed"])
    assert not (folder / "people.tsv").exists()
    assert (folder / "groups.tsv").read_text(encoding="utf-8") == text


def test_a_bad_row_in_a_user_file_is_refused_naming_file_line_and_field(folder: Path) -> None:
    write(folder, "people.tsv", "# my people", "name\taliases\tprincipal\tsector\trole\tstart\tend", "Ivan Zed\t\tQQQ\tGOV\tKing\t2020\t")
    with pytest.raises(KnowledgeBaseError) as refused:
        kb.load()
    assert str(refused.value).startswith(f"{folder / 'people.tsv'}, line 3, field 'principal': 'QQQ' is not defined")


def test_a_user_folder_that_is_missing_is_refused_when_named(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="no such folder of actor data"):
        kb.load(overlays=[tmp_path / "nowhere"])


# --- precedence: the user's rows win ---------------------------------------------------------------


def test_a_user_entity_replaces_the_package_entity_with_its_code(folder: Path) -> None:
    userdata.add("Taliban movement", "TALIBAN", "group", sector="REB", country="AFG", aliases=["Taliban"])
    base = kb.load()
    assert base.entities["TALIBAN"].name == "Taliban movement"
    assert base.lookup("Taliban", date(2010, 6, 1)) == Reference("TALIBAN", "REB", None, "name", "group")
    assert base.lookup("Taleban", date(2010, 6, 1)) is None


def test_a_user_meaning_comes_before_a_package_meaning_of_the_same_name(folder: Path) -> None:
    userdata.add("Georgia", "USA", "name", sector="GOV")
    base = kb.load()
    assert base.lookup("Georgia", ON) == Reference("USA", "GOV", "Georgia", "name", "state")
    explained = base.explain("Georgia", ON)
    assert [candidate.reference.principal for candidate in explained.alternatives] == ["GEO"]
    assert "comes after" in explained.alternatives[0].note


def test_a_user_listing_of_a_name_for_the_same_principal_replaces_the_package_listing(folder: Path) -> None:
    write(folder, "names.tsv", "principal\tsector\tstart\tend\tname\tforms", "RUS\tMIL\t\t\t\tKremlin")
    base = kb.load()
    assert base.lookup("Kremlin", ON) == Reference("RUS", "MIL", None, "name", "state")
    assert base.lookup("Kremlin", date(1985, 1, 1)).principal == "SUN"
    assert len(base.explain("Kremlin", ON).alternatives) == 1


def test_a_user_role_replaces_the_package_roles_it_overlaps(folder: Path) -> None:
    userdata.add("Sergei Lavrov", "RUS", "person", sector="DIP", role="Special Envoy", start="2024")
    base = kb.load()
    assert base.lookup("Lavrov", ON) == Reference("RUS", "DIP", "Sergei Lavrov", "person", "state")
    assert base.explain("Lavrov", ON).chosen.role == "Special Envoy"
    assert base.lookup("Lavrov", date(2003, 1, 1)).sector == "DIP"


def test_a_user_role_word_replaces_the_package_one(folder: Path) -> None:
    write(folder, "roles.tsv", "sector\trefers_to\twords", "GOV\tperson\tambassador|ambassadors")
    assert kb.load().role("ambassadors") == Role("GOV", "person")
    assert kb.load(overlays=[]).role("ambassadors") == Role("DIP", "people")


def test_a_user_file_not_in_utf8_is_refused_naming_its_line(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / "names.tsv").write_bytes(
        "principal\tsector\tstart\tend\tname\tforms\nRUS\tGOV\t\t\t\tKreml\n".encode() + "RUS\tGOV\t\t\t\tKr\xe9mlin\n".encode("latin-1")
    )
    with pytest.raises(KnowledgeBaseError, match=r"names.tsv, line 3: not UTF-8 text .*save the file as UTF-8"):
        kb.load()


# --- actors.csv: one file of actors, roles and names -----------------------------------------------

CSV_HEADER = "kind,name,code,sector,country,role,start,end,aliases"


def test_actors_csv_rows_of_every_kind_resolve(folder: Path) -> None:
    write(
        folder, "actors.csv",
        "# our own actors",
        CSV_HEADER,
        "group,Zed Front,ZEDFRONT,INS,AFG,,2020,,Zedists|Zed Fighters",
        "state,Zedland,ZZZ,,,,,,Zeds",
        'person,Ivan Zed,ZEDFRONT,,,"Leader of the Zed Front, then its envoy",2020-03-01,,Zed',
        "name,Zed Palace,RUS,GOV,,,,,",
        "igo,Union of Zeds,ZEDUNION,IGO,,,,,UoZ",
    )
    base = kb.load()
    assert base.lookup("Zed Fighters", ON) == Reference("ZEDFRONT", "INS", None, "name", "group")
    assert base.country_of("ZEDFRONT", ON) == "AFG"
    assert base.lookup("Zeds", ON) == Reference("ZZZ", None, None, "name", "state")
    assert base.lookup("Zed", ON) == Reference("ZEDFRONT", "INS", "Ivan Zed", "person", "group")
    assert base.explain("Zed", ON).chosen.role == "Leader of the Zed Front, then its envoy"
    assert base.explain("Zed", ON).chosen.source == kb.Source(folder / "actors.csv", 5)
    assert base.lookup("Zed Palace", ON) == Reference("RUS", "GOV", "Zed Palace", "name", "state")
    assert base.lookup("UoZ", ON) == Reference("ZEDUNION", "IGO", None, "name", "igo")


def test_actors_csv_is_read_again_when_it_changes(folder: Path) -> None:
    write(folder, "actors.csv", CSV_HEADER, "group,Zed Front,ZEDFRONT,INS,,,,,")
    assert kb.load().lookup("Zed Army", ON) is None
    write(folder, "actors.csv", CSV_HEADER, "group,Zed Front,ZEDFRONT,INS,,,,,", "group,Zed Army,ZEDARMY,REB,,,,,")
    assert kb.load().lookup("Zed Army", ON).principal == "ZEDARMY"


@pytest.mark.parametrize(
    ("lines", "where", "advice"),
    [
        (["kind,name,code", "group,Zed Front,ZEDFRONT"], "line 1, field 'header'", "write the header as"),
        ([CSV_HEADER, "group,Zed Front,ZEDFRONT,INS"], "line 2, field 'country'", "4 comma-separated fields"),
        ([CSV_HEADER, "planet,Zed,ZZZ,,,,,,"], "line 2, field 'kind'", "use one of state, igo, group, person, name"),
        ([CSV_HEADER, "person,Ivan Zed,RUS,GOV,AFG,Envoy,,,"], "line 2, field 'country'", "a person has no country"),
        ([CSV_HEADER, "state,Zedland,ZZZ,,,Envoy,,,"], "line 2, field 'role'", "a state has no role"),
        ([CSV_HEADER, "", "person,Ivan Zed,QQQ,GOV,,Envoy,,,"], "line 3, field 'code'", "'QQQ' is not defined"),
        ([CSV_HEADER, "person,Ivan Zed,RUS,GOV,,,,,"], "line 2, field 'role'", "write the title"),
        ([CSV_HEADER, "name,Zed Palace,RUS,XYZ,,,,,"], "line 2, field 'sector'", "unknown sector 'XYZ'"),
        ([CSV_HEADER, "group,Zed Front,ZEDFRONT,,,,2021,2020,"], "line 2, field 'end'", "not after the start"),
        ([CSV_HEADER, "name,Zed Palace,RUS,GOV,,,1st May,,"], "line 2, field 'start'", "is not a date"),
        ([CSV_HEADER, "name,,RUS,GOV,,,,,a||b"], "line 2, field 'aliases'", "empty value between '|'"),
    ],
)
def test_a_bad_actors_csv_row_is_refused_naming_file_line_and_field(folder: Path, lines: list[str], where: str, advice: str) -> None:
    write(folder, "actors.csv", *lines)
    with pytest.raises(KnowledgeBaseError) as refused:
        kb.load()
    assert str(refused.value).startswith(f"{folder / 'actors.csv'}, {where}")
    assert advice in str(refused.value)


def test_an_actor_both_in_actors_csv_and_a_tsv_file_of_the_folder_is_refused(folder: Path) -> None:
    userdata.add("Zed Front", "ZEDFRONT", "group", sector="INS")
    write(folder, "actors.csv", CSV_HEADER, "group,Zed Front,ZEDFRONT,REB,,,,,")
    with pytest.raises(KnowledgeBaseError, match=r"actors.csv, line 2, field 'code': code ZEDFRONT is already used \(groups.tsv line 3\)"):
        kb.load()
