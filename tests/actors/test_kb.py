"""The actor knowledge base: its data, its lookups and the errors a bad data file gets."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from detente import nlp
from detente.actors import kb
from detente.actors.kb import KnowledgeBase, KnowledgeBaseError, Reference, Role

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
ATOP = SHARED / "data" / "relations" / "atop_alliance.csv"

DAY = date(2021, 8, 19)


@pytest.fixture(scope="module", autouse=True)
def empty_user_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """$DETENTE_HOME at an empty folder, so that ~/.detente is never read and the package data is what is tested."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(kb.HOME, str(tmp_path_factory.mktemp("home")))
        yield


@pytest.fixture(scope="module")
def base() -> KnowledgeBase:
    return kb.load()


def ref(base: KnowledgeBase, text: str, on: date = DAY) -> tuple | None:
    found = base.lookup(text, on)
    return None if found is None else (found.principal, found.sector, found.kind)


# --- lookups of each kind ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia", ("RUS", None, "name")),
        ("Russian Federation", ("RUS", None, "name")),
        ("the U.S.", ("USA", None, "name")),
        ("U.S.", ("USA", None, "name")),
        ("US", ("USA", None, "name")),
        ("USA", ("USA", None, "name")),
        ("America", ("USA", None, "name")),
        ("Britain", ("GBR", None, "name")),
        ("Great Britain", ("GBR", None, "name")),
        ("U.K.", ("GBR", None, "name")),
        ("Burma", ("MMR", None, "name")),
        ("Ivory Coast", ("CIV", None, "name")),
        ("Türkiye", ("TUR", None, "name")),
        ("Turkey", ("TUR", None, "name")),
        ("DPRK", ("PRK", None, "name")),
        ("North Korea", ("PRK", None, "name")),
        ("Holy See", ("VAT", None, "name")),
        ("Palestine", ("PSE", None, "name")),
        ("Kosovo", ("XKX", None, "name")),
        ("Taiwan", ("TWN", None, "name")),
        ("Afganistan", ("AFG", None, "name")),
        ("Phillipines", ("PHL", None, "name")),
        ("Isreal", ("ISR", None, "name")),
        ("Russian", ("RUS", None, "adjective")),
        ("Afghan", ("AFG", None, "adjective")),
        ("Emirati", ("ARE", None, "adjective")),
        ("Saudi", ("SAU", None, "adjective")),
        ("Israeli", ("ISR", None, "adjective")),
        ("Pakistani", ("PAK", None, "adjective")),
        ("Russians", ("RUS", None, "demonym")),
        ("Afghans", ("AFG", None, "demonym")),
        ("Americans", ("USA", None, "demonym")),
        ("Britons", ("GBR", None, "demonym")),
        ("Kabul", ("AFG", "GOV", "capital")),
        ("Kyiv", ("UKR", "GOV", "capital")),
        ("Kiev", ("UKR", "GOV", "capital")),
        ("Ankara", ("TUR", "GOV", "capital")),
        ("Washington", ("USA", "GOV", "capital")),
        ("the Kremlin", ("RUS", "GOV", "metonym")),
        ("White House", ("USA", "GOV", "metonym")),
        ("Pentagon", ("USA", "MIL", "metonym")),
        ("State Department", ("USA", "GOV", "metonym")),
        ("State Dept.", ("USA", "GOV", "metonym")),
        ("Foggy Bottom", ("USA", "GOV", "metonym")),
        ("Capitol Hill", ("USA", "LEG", "metonym")),
        ("Downing Street", ("GBR", "GOV", "metonym")),
        ("Number 10", ("GBR", "GOV", "metonym")),
        ("Whitehall", ("GBR", "GOV", "metonym")),
        ("Westminster", ("GBR", "LEG", "metonym")),
        ("Quai d'Orsay", ("FRA", "GOV", "metonym")),
        ("Élysée", ("FRA", "GOV", "metonym")),
        ("Elysee", ("FRA", "GOV", "metonym")),
        ("Zhongnanhai", ("CHN", "GOV", "metonym")),
        ("Knesset", ("ISR", "LEG", "metonym")),
        ("Bundestag", ("DEU", "LEG", "metonym")),
        ("Kantei", ("JPN", "GOV", "metonym")),
        ("Duma", ("RUS", "LEG", "metonym")),
        ("Majlis", ("IRN", "LEG", "metonym")),
        ("Lubyanka", ("RUS", "SPY", "metonym")),
        ("Langley", ("USA", "SPY", "metonym")),
        ("Scotland Yard", ("GBR", "COP", "metonym")),
        ("Mossad", ("ISR", "SPY", "name")),
        ("Tatmadaw", ("MMR", "MIL", "name")),
        ("IRGC", ("IRN", "MIL", "name")),
        ("Chechnya", ("RUS", None, "region")),
        ("Crimea", ("UKR", None, "region")),
        ("Donbass", ("UKR", None, "region")),
        ("Gaza Strip", ("PSE", None, "region")),
        ("West Bank", ("PSE", None, "region")),
        ("Iraqi Kurdistan", ("IRQ", None, "region")),
        ("Transnistria", ("MDA", None, "region")),
        ("Nagorno-Karabakh", ("AZE", None, "region")),
        ("Tigray", ("ETH", None, "region")),
        ("Balochistan", ("PAK", None, "region")),
        ("Helmand", ("AFG", None, "region")),
        ("Idlib", ("SYR", None, "region")),
        ("Kashmir", ("IND", None, "region")),
        ("Azad Kashmir", ("PAK", None, "region")),
        ("United Nations", ("UNO", None, "name")),
        ("U.N.", ("UNO", None, "name")),
        ("NATO", ("NATO", None, "name")),
        ("Nato", ("NATO", None, "name")),
        ("Arab League", ("ARL", None, "name")),
        ("World Bank", ("WBK", None, "name")),
        ("ICC", ("ICC", "JUD", "name")),
        ("Red Cross", ("ICRC", "NGO", "name")),
        ("Human Rights Watch", ("HRW", "HRI", "name")),
        ("Islamic State", ("ISIS", "INS", "name")),
        ("ISIL", ("ISIS", "INS", "name")),
        ("Daesh", ("ISIS", "INS", "name")),
        ("Islamic State of Iraq and the Levant", ("ISIS", "INS", "name")),
        ("ISIS-K", ("ISKP", "INS", "name")),
        ("al-Qaeda", ("AQ", "INS", "name")),
        ("Al Qaeda", ("AQ", "INS", "name")),
        ("al-Qaida", ("AQ", "INS", "name")),
        ("Taleban", ("TALIBAN", "GOV", "name")),
        ("Islamic Emirate of Afghanistan", ("TALIBAN", "GOV", "name")),
        ("Ansar Allah", ("HOUTHIS", "REB", "name")),
        ("Hezbollah", ("HEZBOLLAH", "INS", "name")),
        ("Tehrik-i-Taliban Pakistan", ("TTP", "INS", "name")),
        ("Pakistani Taliban", ("TTP", "INS", "name")),
        ("Sergey Lavrov", ("RUS", "GOV", "person")),
        ("Lavrov", ("RUS", "GOV", "person")),
        ("Vassily Nebenzia", ("RUS", "DIP", "person")),
        ("Zelensky", ("UKR", "GOV", "person")),
        ("Zelenskyy", ("UKR", "GOV", "person")),
        ("Guterres", ("UNO", None, "person")),
        ("Akhundzada", ("TALIBAN", "GOV", "person")),
    ],
)
def test_lookup_resolves_each_kind_of_name(base: KnowledgeBase, text: str, expected: tuple) -> None:
    assert ref(base, text) == expected


def test_lookup_gives_canonical_names_of_people_organs_bodies_and_regions(base: KnowledgeBase) -> None:
    assert base.lookup("Sergey Lavrov", DAY) == Reference("RUS", "GOV", "Sergei Lavrov", "person", "state")
    assert base.lookup("UN Security Council", DAY) == Reference("UNO", None, "Security Council", "name", "igo")
    assert base.lookup("European Parliament", DAY) == Reference("EU", "LEG", "European Parliament", "name", "igo")
    assert base.lookup("CIA", DAY) == Reference("USA", "SPY", "Central Intelligence Agency", "name", "state")
    assert base.lookup("Chechnya", DAY) == Reference("RUS", None, "Chechnya", "region", "state")
    assert base.lookup("Guterres", DAY) == Reference("UNO", None, "António Guterres", "person", "igo")


@pytest.mark.parametrize("text", ["us", "Us", "is", "Is", "Un", "eu", "uk", "turkey", "chad", "jordan", "georgia"])
def test_acronyms_need_capitals_and_capitalised_names_need_a_capital(base: KnowledgeBase, text: str) -> None:
    assert base.lookup(text, DAY) is None


def test_text_in_capitals_matches_a_capitalised_name(base: KnowledgeBase) -> None:
    assert ref(base, "TURKEY") == ("TUR", None, "name")
    assert ref(base, "IS") == ("ISIS", "INS", "name")


def test_a_capital_slipped_off_the_first_letter_still_names(base: KnowledgeBase) -> None:
    assert ref(base, "iSrael") == ("ISR", None, "name")
    assert ref(base, "tUrkey") == ("TUR", None, "name")
    assert base.lookup("let", DAY) is None, "a name with capitals inside it (LeT) keeps them"


def test_leading_the_spacing_and_typographic_apostrophes_are_ignored(base: KnowledgeBase) -> None:
    assert ref(base, "The  Kremlin") == ("RUS", "GOV", "metonym")
    assert ref(base, "the\nTaliban") == ("TALIBAN", "GOV", "name")
    assert ref(base, "Côte d’Ivoire") == ("CIV", None, "name")
    assert ref(base, "Quai d’Orsay") == ("FRA", "GOV", "metonym")


def test_real_places_are_not_taken_for_misspellings(base: KnowledgeBase) -> None:
    assert base.lookup("Columbia", DAY) is None
    assert ref(base, "Colombia") == ("COL", None, "name")


def test_ambiguous_names_take_their_documented_default(base: KnowledgeBase) -> None:
    assert ref(base, "Georgia") == ("GEO", None, "name")
    assert ref(base, "Congo") == ("COD", None, "name")
    assert ref(base, "Congo-Brazzaville") == ("COG", None, "name")
    assert ref(base, "Korea") == ("KOR", None, "name")
    assert ref(base, "Korean") == ("KOR", None, "adjective")
    assert ref(base, "West Germany", date(1985, 1, 1)) == ("DEU", None, "name")
    assert ref(base, "East German", date(1985, 1, 1)) == ("DDR", None, "adjective")


def test_unknown_text_resolves_to_nothing(base: KnowledgeBase) -> None:
    assert base.lookup("Atlantis", DAY) is None
    assert base.lookup("", DAY) is None


# --- dated resolution ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("Biden", date(2012, 6, 1), ("USA", "GOV", "person")),
        ("Biden", date(2005, 6, 1), ("USA", "LEG", "person")),
        ("Biden", date(2022, 6, 1), ("USA", "GOV", "person")),
        ("Biden", date(2018, 6, 1), ("USA", "ELI", "person")),
        ("Trump", date(2019, 6, 1), ("USA", "GOV", "person")),
        ("Trump", date(2022, 6, 1), ("USA", "OPP", "person")),
        ("Trump", date(2025, 6, 1), ("USA", "GOV", "person")),
        ("Trump", date(2016, 6, 1), ("USA", "OPP", "person")),
        ("Putin", date(2010, 6, 1), ("RUS", "GOV", "person")),
        ("Putin", date(1999, 1, 1), ("RUS", "SPY", "person")),
        ("Sergei Lavrov", date(2001, 6, 1), ("RUS", "DIP", "person")),
        ("Tillerson", date(2017, 6, 1), ("USA", "GOV", "person")),
        ("Mullah Omar", date(1999, 6, 1), ("TALIBAN", "GOV", "person")),
        ("Mullah Omar", date(2008, 6, 1), ("TALIBAN", "INS", "person")),
        ("Taliban", date(2020, 6, 1), ("TALIBAN", "INS", "name")),
        ("Taliban", date(2021, 8, 14), ("TALIBAN", "INS", "name")),
        ("Taliban", date(2021, 8, 15), ("TALIBAN", "GOV", "name")),
        ("Taliban", date(2022, 6, 1), ("TALIBAN", "GOV", "name")),
        ("Moscow", date(1985, 6, 1), ("SUN", "GOV", "capital")),
        ("Moscow", date(1991, 12, 25), ("SUN", "GOV", "capital")),
        ("Moscow", date(1991, 12, 26), ("RUS", "GOV", "capital")),
        ("Moscow", date(2021, 6, 1), ("RUS", "GOV", "capital")),
        ("Kremlin", date(1985, 6, 1), ("SUN", "GOV", "metonym")),
        ("Belgrade", date(1990, 6, 1), ("YUG", "GOV", "capital")),
        ("Belgrade", date(2004, 6, 1), ("SCG", "GOV", "capital")),
        ("Belgrade", date(2010, 6, 1), ("SRB", "GOV", "capital")),
        ("Prague", date(1985, 6, 1), ("CSK", "GOV", "capital")),
        ("Prague", date(2000, 6, 1), ("CZE", "GOV", "capital")),
        ("Berlin", date(1985, 6, 1), ("DDR", "GOV", "capital")),
        ("Berlin", date(2000, 6, 1), ("DEU", "GOV", "capital")),
        ("Bonn", date(1985, 6, 1), ("DEU", "GOV", "capital")),
        ("Hong Kong", date(1990, 6, 1), ("GBR", None, "region")),
        ("Hong Kong", date(2020, 6, 1), ("CHN", None, "region")),
        ("Blue House", date(2020, 6, 1), ("KOR", "GOV", "metonym")),
        ("Afghan mujahideen", date(1985, 6, 1), ("AFG", "REB", "name")),
        ("Chechen rebels", date(2000, 6, 1), ("RUS", "REB", "name")),
        ("GRU", date(1985, 6, 1), ("SUN", "SPY", "name")),
        ("GRU", date(2018, 6, 1), ("RUS", "SPY", "name")),
        ("Hayat Tahrir al-Sham", date(2020, 6, 1), ("HTS", "INS", "name")),
        ("Hayat Tahrir al-Sham", date(2025, 1, 1), ("HTS", "GOV", "name")),
        ("RSF", date(2020, 6, 1), ("RSF", "MIL", "name")),
        ("RSF", date(2024, 6, 1), ("RSF", "REB", "name")),
        ("USSR", date(1985, 6, 1), ("SUN", None, "name")),
        ("U.S.S.R", date(1985, 6, 1), ("SUN", None, "name")),
        ("U.S.S.R.", date(1985, 6, 1), ("SUN", None, "name")),
        ("Soviet", date(2021, 6, 1), ("SUN", None, "adjective")),
    ],
)
def test_lookup_resolves_what_holds_on_the_day(base: KnowledgeBase, text: str, on: date, expected: tuple) -> None:
    assert ref(base, text, on) == expected


def test_a_shared_surname_goes_to_whoever_holds_office_then(base: KnowledgeBase) -> None:
    assert base.lookup("Clinton", date(2000, 6, 1)).name == "Bill Clinton"
    assert base.lookup("Clinton", date(2010, 6, 1)).name == "Hillary Clinton"
    assert base.lookup("Kim", date(2005, 6, 1)).name == "Kim Jong Il"
    assert base.lookup("Kim", date(2020, 6, 1)).name == "Kim Jong Un"
    assert base.lookup("Sharif", date(2015, 6, 1)).name == "Nawaz Sharif"
    assert base.lookup("Sharif", date(2023, 1, 1)).name == "Shehbaz Sharif"


def test_the_same_person_moves_between_principals(base: KnowledgeBase) -> None:
    assert base.lookup("Stoltenberg", date(2010, 6, 1)) == Reference("NOR", "GOV", "Jens Stoltenberg", "person", "state")
    assert base.lookup("Stoltenberg", date(2020, 6, 1)) == Reference("NATO", None, "Jens Stoltenberg", "person", "igo")


# --- the whole vocabulary ------------------------------------------------------------------------


def test_every_surface_form_resolves(base: KnowledgeBase) -> None:
    forms = base.surface_forms()
    unresolved = [form for form in forms if base.lookup(form, DAY) is None]
    assert unresolved == []
    assert {"U.S.S.R", "Afganistan", "Kremlin", "Sergei Lavrov", "Islamic State", "Côte d’Ivoire"} <= forms


def test_counts(base: KnowledgeBase) -> None:
    states = [entity for entity in base.entities.values() if entity.kind == "state" and entity.end is None]
    un_members = [state for state in states if state.code not in {"VAT", "PSE", "XKX", "TWN"}]
    assert len(un_members) == 193
    assert {"VAT", "PSE", "XKX", "TWN"} <= {state.code for state in states}
    assert sum(entity.kind == "group" for entity in base.entities.values()) >= 150
    people = {
        found.name
        for form in base.surface_forms()
        if (found := base.lookup(form, DAY)) is not None and found.kind == "person"
    }
    assert len(people) >= 600


def test_every_state_has_a_cow_code_except_the_two_cow_leaves_out(base: KnowledgeBase) -> None:
    without = {entity.code for entity in base.entities.values() if entity.kind == "state" and entity.cow is None}
    assert without == {"VAT", "PSE"}
    assert base.state("USA").cow == 2
    assert base.state("RUS").cow == 365
    assert base.state("AFG").cow == 700
    assert base.state("CHN").cow == 710


def data_rows(file: str) -> list[dict[str, str]]:
    """The rows of one of the package's data files, as written."""
    with (kb.DATA / file).open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_iso_codes_are_three_capitals_and_unique_in_the_data_file() -> None:
    codes = [row["code"] for row in data_rows("states.tsv")]
    assert all(len(code) == 3 and code.isalpha() and code.isupper() for code in codes)
    assert len(codes) == len(set(codes))


def test_cow_codes_cover_the_state_system(base: KnowledgeBase) -> None:
    """Every state in ATOP's 2018 dyads has our COW code (read from ../shared, never copied)."""
    if not ATOP.exists():
        pytest.skip(f"ATOP alliance data not at {ATOP}: clone the project beside ../shared")
    with ATOP.open(encoding="utf-8") as handle:
        in_2018 = {int(float(row["ccode1"])) for row in csv.DictReader(handle) if row["year"] == "2018.0"}
    ours = {entity.cow for entity in base.entities.values() if entity.kind == "state" and entity.end is None}
    assert in_2018 - ours == set()


# --- entities, states and countries --------------------------------------------------------------


def test_entities_carry_their_facts(base: KnowledgeBase) -> None:
    soviet = base.state("SUN")
    assert (soviet.name, soviet.start, soviet.end, soviet.cow) == ("Soviet Union", date(1922, 12, 30), date(1991, 12, 26), 365)
    assert "RUS" in base.successors("SUN")
    assert base.successors("RUS") == ()
    taliban = base.entities["TALIBAN"]
    assert (taliban.kind, taliban.country, taliban.cow) == ("group", "AFG", None)
    assert base.entities["UNO"].kind == "igo"


def test_state_refuses_what_is_not_a_state(base: KnowledgeBase) -> None:
    with pytest.raises(KeyError, match="'XYZ'"):
        base.state("XYZ")
    with pytest.raises(KeyError, match="'NATO'"):
        base.state("NATO")


def test_country_of(base: KnowledgeBase) -> None:
    assert base.country_of("RUS", DAY) == "RUS"
    assert base.country_of("SUN", date(1985, 1, 1)) == "SUN"
    assert base.country_of("TALIBAN", DAY) == "AFG"
    assert base.country_of("HEZBOLLAH", DAY) == "LBN"
    assert base.country_of("AQ", DAY) is None
    assert base.country_of("UNO", DAY) is None
    with pytest.raises(KeyError, match="'XYZ'"):
        base.country_of("XYZ", DAY)


# --- role words ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("diplomats", Role("DIP", "people")),
        ("ambassador", Role("DIP", "person")),
        ("embassy", Role("DIP", "state")),
        ("state-run media", Role("MED", "any")),
        ("media", Role("MED", "any")),
        ("medium", Role("MED", "any")),
        ("foreign minister", Role("GOV", "person")),
        ("Foreign Ministry", Role("GOV", "state")),
        ("the government", Role("GOV", "state")),
        ("troops", Role("MIL", "people")),
        ("defense ministry", Role("MIL", "state")),
        ("police", Role("COP", "state")),
        ("court", Role("JUD", "state")),
        ("lawmakers", Role("LEG", "people")),
        ("protesters", Role("OPP", "people")),
        ("rebels", Role("REB", "people")),
        ("militants", Role("INS", "people")),
        ("civilians", Role("CVL", "people")),
        ("refugees", Role("REF", "people")),
        ("companies", Role("BUS", "any")),
        ("intelligence", Role("SPY", "state")),
        ("movement", Role(None, "group")),
        ("country", Role(None, "state")),
        ("organization", Role(None, "organisation")),
        ("bloc", Role(None, "igo")),
        ("juntas", Role("GOV", "state")),
        ("Prime  Ministers", Role("GOV", "people")),
    ],
)
def test_role(base: KnowledgeBase, word: str, expected: Role) -> None:
    assert base.role(word) == expected


def test_unknown_role_words(base: KnowledgeBase) -> None:
    assert base.role("banana") is None
    assert base.role("") is None


def test_a_word_may_end_a_role_phrase_only_when_one_ends_with_it(base: KnowledgeBase) -> None:
    """The resolver skips the phrases ending with a word no role phrase ends with; every role word
    and phrase must pass, in any case and number, and other words must not."""
    for words in base._roles:
        last = words.rpartition(" ")[2]
        assert base.may_end_role(last), words
    for word in ("spokesmen", "Ministers", "MEDIA", "militias", "Spokesman"):
        assert base.may_end_role(word), word
    for word in ("weather", "banana", "talks", "Tuesday"):
        assert not base.may_end_role(word), word


def test_role_words_resolve_from_their_spacy_lemma(base: KnowledgeBase) -> None:
    words = (word for row in data_rows("roles.tsv") for word in row["words"].split("|"))
    roles = sorted(word.lower() for word in words if " " not in word and "-" not in word)
    sentences = nlp.load().pipe(f"The {word} said on Monday that it would act." for word in roles)
    unresolved = [(word, doc[1].lemma_) for word, doc in zip(roles, sentences) if base.role(doc[1].lemma_) is None]
    assert unresolved == []


# --- loading -------------------------------------------------------------------------------------


def test_load_is_read_once_for_the_package_data() -> None:
    assert kb.load() is kb.load()


def test_load_reads_another_folder_with_the_same_files(tmp_path: Path, base: KnowledgeBase) -> None:
    shutil.copytree(kb.DATA, tmp_path, dirs_exist_ok=True)
    with (tmp_path / "regions.tsv").open("a", encoding="utf-8") as handle:
        handle.write("FRA\tCorsica\t\t\t\n")
    copy = kb.load(tmp_path)
    assert copy is not base
    assert ref(copy, "Corsica") == ("FRA", None, "region")
    assert base.lookup("Corsica", DAY) is None


def copy_with_row(folder: Path, file: str, row: str) -> int:
    """Copy the package data into ``folder`` with ``row`` appended to ``file``; the row's line number."""
    shutil.copytree(kb.DATA, folder, dirs_exist_ok=True)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + row + "\n", encoding="utf-8")
    return len((text + row).splitlines())


@pytest.mark.parametrize(
    ("file", "row", "field", "advice"),
    [
        ("states.tsv", "ZZZ\t1\tZedland\t\t\t\t\t\t\t", "capitals", "tab-separated fields"),
        ("states.tsv", "ZZZ\tone\tZedland\t\t\t\t\t\t\t\t", "cow", "whole number"),
        ("states.tsv", "ZZZ\t\tZedland\t2020-02-30\t\t\t\t\t\t\t", "start", "not a date"),
        ("states.tsv", "ZZZ\t\tZedland\t2020\t2019\t\t\t\t\t\t", "end", "not after the start"),
        ("states.tsv", "RUS\t\tZedland\t\t\t\t\t\t\t\t", "code", "already used"),
        ("states.tsv", "Zz\t\tZedland\t\t\t\t\t\t\t\t", "code", "three capital letters"),
        ("states.tsv", "ZZZ\t\tZedland\t\t\tQQQ\t\t\t\t\t", "successors", "not a state"),
        ("states.tsv", "ZZZ\t\tZedland\t\t\t\tthe Zedlands\t\t\t\t", "aliases", "starts with 'the'"),
        ("states.tsv", "ZZZ\t\tZedland\t\t\t\tZed||Zeds\t\t\t\t", "aliases", "empty value"),
        ("states.tsv", "ZZZ\t\tZedland\t\t\t\tZedland\t\t\t\t", "aliases", "listed twice"),
        ("states.tsv", "ZZZ\t\tZedland\t\t\t\t\t\t\t\tZed City@2020", "capitals", "VALUE@START..END"),
        ("groups.tsv", "ZEDS\tZeds\tAFG\t\t\tXYZ\t", "sector", "unknown sector"),
        ("groups.tsv", "ZEDS\tZeds\tQQQ\t\t\tINS\t", "country", "not a state"),
        ("groups.tsv", "ZEDS\tZeds\tAFG\t\t\tINS|GOV@2020..\t", "sector", "same time"),
        ("metonyms.tsv", "QQQ\tGOV\t\t\tZed Palace", "principal", "not defined"),
        ("metonyms.tsv", "RUS\tGOV\t\t\tKremlin", "forms", "already means RUS"),
        ("people.tsv", "Zed Zedson\t\tQQQ\tGOV\tPresident\t2001\t2005", "principal", "not defined"),
        ("people.tsv", "Zed Zedson\t\tRUS\tXYZ\tPresident\t2001\t2005", "sector", "unknown sector"),
        ("people.tsv", "Vladimir Putin\t\tRUS\tGOV\tKing\t2015\t2016", "start", "overlaps"),
        ("people.tsv", "Zed Zedson\t\tRUS\tGOV\tPresident\t2005\t2001", "end", "not after the start"),
        ("people.tsv", "Zed Zedson\tPutin|Putin\tRUS\tGOV\tPresident\t2001\t2005", "aliases", "list each name once"),
        ("roles.tsv", "GOV\tthing\tmonarchs", "refers_to", "use one of"),
        ("roles.tsv", "GOV\tperson\tminister", "words", "already a role word"),
        ("organisations.tsv", "ZEDS\tZed Union\t\t\tXYZ\t", "sector", "unknown sector"),
        ("organs.tsv", "RUS\tZed Council\t\t\t\t", "principal", "not defined"),
    ],
)
def test_a_malformed_row_is_refused_naming_file_line_and_field(
    tmp_path: Path, file: str, row: str, field: str, advice: str
) -> None:
    line = copy_with_row(tmp_path, file, row)
    with pytest.raises(KnowledgeBaseError) as refused:
        kb.load(tmp_path)
    message = str(refused.value)
    assert f"{tmp_path / file}, line {line}, field {field!r}" in message
    assert advice in message


def test_a_wrong_header_is_refused(tmp_path: Path) -> None:
    shutil.copytree(kb.DATA, tmp_path, dirs_exist_ok=True)
    (tmp_path / "sectors.tsv").write_text("# sectors\ncode\tdescription\nGOV\tgovernment\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"sectors.tsv, line 2, field 'header': .*code meaning"):
        kb.load(tmp_path)


def test_a_missing_file_is_refused_naming_it(tmp_path: Path) -> None:
    shutil.copytree(kb.DATA, tmp_path, dirs_exist_ok=True)
    (tmp_path / "people.tsv").unlink()
    with pytest.raises(KnowledgeBaseError, match="people.tsv: file not found"):
        kb.load(tmp_path)
