"""Dataset actor names onto the knowledge base: ICEWS, the benchmarks, ACLED and POLECAT."""

from __future__ import annotations

from datetime import date

import pytest

from detente.importers.actors import ActorMapper, Mapped

DAY = date(2018, 6, 1)


@pytest.fixture(scope="module")
def mapper() -> ActorMapper:
    return ActorMapper()


@pytest.mark.parametrize(
    ("text", "country", "sectors", "expected"),
    [
        ("Government (Russia)", None, None, ("RUS", "GOV")),
        ("Military_(Russia)", None, None, ("RUS", "MIL")),
        ("Foreign Affairs (Bangladesh)", "Bangladesh", "Executive,Foreign Ministry,Government", ("BGD", "DIP")),
        ("Taliban", None, None, ("TALIBAN", "INS")),
        ("Insurgent (Taliban)", None, None, ("TALIBAN", "INS")),
        ("Citizen (Palestinian Territory, Occupied)", None, None, ("PSE", "CVL")),
        ("Russia", None, None, ("RUS", None)),
        ("Palestinian Territory, Occupied", None, None, ("PSE", None)),
        ("Ruritanian Shepherd", "Russian Federation", "Military,Government", ("RUS", "MIL")),
        ("Military Forces of Russia (2000-) Air Force", None, None, ("RUS", "MIL")),
        ("Police Forces of South Sudan (2011-)", None, None, ("SSD", "COP")),
        ("Islamic State (Afghanistan)", None, None, ("ISIS", "INS")),
        ("Unspecified Actor", None, None, (None, None)),
        ("Unspecified Actor", None, "Government", (None, "GOV")),
    ],
)
def test_names(mapper, text, country, sectors, expected):
    found = mapper.map(text, country=country, sectors=sectors, on=DAY)
    assert (found.principal, found.sector) == expected


def test_a_groups_sector_is_its_own_on_the_day_unless_the_dataset_gives_one(mapper):
    assert mapper.map("Taliban", on=date(2021, 9, 1)) == Mapped("TALIBAN", "GOV", None)
    assert mapper.map("Taliban", sectors="Insurgents", on=date(2021, 9, 1)).sector == "INS"


def test_the_fallback_sector_serves_only_when_nothing_else_gives_one(mapper):
    assert mapper.map("Rioters (Afghanistan)", fallback_sector="OPP", on=DAY).sector == "OPP"
    assert mapper.map("Militia of Nowhere (Afghanistan)", fallback_sector="UAF", on=DAY) == Mapped("AFG", "UAF", None)
    assert mapper.map("Military Forces of Afghanistan (2004-2021)", fallback_sector="REB", on=DAY).sector == "MIL"


@pytest.mark.parametrize(
    ("listed", "sector"),
    [
        ("Executive,Executive Office,Government", "GOV"),
        ("Military,Government", "MIL"),
        ("Legislative / Parliamentary,Executive,Government", "GOV"),
        ("Government;MIL", "MIL"),
        ("Far Left,Ideological", None),
    ],
)
def test_sector_lists_take_the_sector_of_highest_precedence(mapper, listed, sector):
    assert mapper.sector(listed) == sector
