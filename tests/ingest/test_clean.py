"""clean_text: boilerplate out, layout noise normalised, every character traceable."""

from __future__ import annotations

import sys
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.ingest import clean_text
from detente.ingest.normalize import ATTENTION, LOOKALIKES

SCRAPED = (
    "Asia Pacific\n"
    "\n"
    "Envoys Meet Again in Doha\n"
    "\n"
    "Advertisement\n"
    "Envoys at the table .\n"
    "Envoys at the table in Doha on May 2, 2024. Jane Roe/AFP via Getty Images\n"
    "\n"
    "Negotiators from both sides met on Tuesday and agreed to keep talking.\n"
    "The mediators said a second round would follow.\n"
    "\n"
    "ADVERTISEMENT\n"
    "Story continues below advertisement\n"
    "Sponsored\n"
    "\n"
    "No date was set, said Gen.\n"
    "Omar Haddad, who leads the delegation.\n"
)


def visible(text: str) -> str:
    return "".join(char for char in text if unicodedata.category(char) not in ("Cc", "Cf"))


def folded(text: str) -> str:
    """The NFKC of ``text``, as it is and with look-alikes folded."""
    normal = unicodedata.normalize("NFKC", text)
    return normal + normal.translate(LOOKALIKES)


def assert_traceable(raw: str, clean: str, offsets) -> None:
    """Every clean character is (part of) the NFKC/fold of its source, or a space for white space."""
    for index, char in enumerate(clean):
        origin = offsets.to_original(index)
        source = raw[origin]
        if char in " \n":
            assert source.isspace() or unicodedata.category(source) in ("Zs", "Cc", "Zl", "Zp") or char in folded(
                source
            ), (index, char, source)
            continue
        # A base letter with the marks or jamo NFKC composes into it, invisible characters between.
        following = visible(raw[origin : origin + 16])
        assert any(char in folded(following[:size]) for size in (1, 2, 3)), (index, char, source)


def test_boilerplate_is_removed_and_paragraphs_kept():
    clean, offsets = clean_text(SCRAPED)
    assert clean == (
        "Envoys Meet Again in Doha\n\n"
        "Negotiators from both sides met on Tuesday and agreed to keep talking.\n\n"
        "The mediators said a second round would follow.\n\n"
        "No date was set, said Gen. Omar Haddad, who leads the delegation."
    )
    assert_traceable(SCRAPED, clean, offsets)


@pytest.mark.parametrize(
    "credit",
    [
        "Troops near the border. Ivan Petrov/Reuters",
        "A convoy leaves the capital. Photo: Lena Berg",
        "The summit venue (Photo by Sam Reed/Getty Images)",
        "Image: Foreign Ministry press office",
        "Credit: Ministry of Defence",
        "Ships in the harbour. Lee Chan/AP",
    ],
)
def test_credit_lines_are_removed(credit):
    clean, _ = clean_text(f"The navy held drills on Monday.\n{credit}\nThe drills ended on Friday.")
    assert clean == "The navy held drills on Monday.\n\nThe drills ended on Friday."


@pytest.mark.parametrize(
    "prose",
    [
        "Officials described the image: a country in crisis.",
        "The minister gave an interview to AP",
        "In the photo: the convoy that left the capital at dawn.",
    ],
)
def test_prose_that_mentions_credits_is_kept(prose):
    assert clean_text(f"The navy held drills on Monday.\n\n{prose}")[0].endswith(prose)


def test_a_caption_without_a_credit_after_it_is_kept():
    text = "Envoys at the table .\nEnvoys at the table in Doha on Tuesday.\n\nTalks went on."
    assert clean_text(text)[0].startswith("Envoys at the table .\n\nEnvoys at the table in Doha")


def test_section_label_needs_a_blank_line_and_more_text():
    assert clean_text("The World\n\nTalks resumed.")[0] == "Talks resumed."
    assert clean_text("The World\nmet in Doha.")[0] == "The World met in Doha."
    assert clean_text("Diplomacy\n\n")[0] == "Diplomacy"
    assert clean_text("Talks resumed.\n\nThe end.")[0] == "Talks resumed.\n\nThe end."
    assert clean_text("Four Words Too Many\n\nTalks resumed.")[0].startswith("Four Words")


def test_spaces_are_normalised():
    raw = "The\u00a0talks\u2009went\t\ton \u200b\u200bfor  h\u200bours \u3000 in\u00adside.\u202f"
    clean, offsets = clean_text(raw)
    assert clean == "The talks went on for hours inside."
    assert_traceable(raw, clean, offsets)


def test_nfkc_and_lookalikes():
    raw = "The ﬁrst meeting in Ｄｏｈａ was onсe again… brief. Москва and Αθήνα stay; Αthens and Κyiv fold."
    clean, offsets = clean_text(raw)
    assert clean == "The first meeting in Doha was once again... brief. Москва and Αθήνα stay; Athens and Kyiv fold."
    assert_traceable(raw, clean, offsets)


def test_a_backtick_inside_a_word_is_an_apostrophe():
    raw = "Moscow doesn`t admit it; `quoted` and 1`2 stay."
    clean, offsets = clean_text(raw)
    assert clean == "Moscow doesn't admit it; `quoted` and 1`2 stay."
    assert offsets.to_original(clean.index("'")) == raw.index("`")


def test_a_mixed_word_with_a_real_cyrillic_letter_is_left_alone():
    assert clean_text("Мoсква")[0] == "Мoсква"


def test_line_breaks():
    raw = (
        "Now, with Chinese-U.S.\nrelations at a low point, the envoys met.\n"
        "They agreed\nto meet again.\r\n“We are ready,” she said.\rThe talks ended\n\n\n\nlate."
    )
    clean, offsets = clean_text(raw)
    assert clean == (
        "Now, with Chinese-U.S. relations at a low point, the envoys met.\n\n"
        "They agreed to meet again.\n\n“We are ready,” she said.\n\nThe talks ended\n\nlate."
    )
    assert_traceable(raw, clean, offsets)


def test_inserted_spaces_map_to_the_white_space_they_replace():
    raw = "One line\nand the next.\n\nSecond paragraph."
    clean, offsets = clean_text(raw)
    assert raw[offsets.to_original(clean.index(" and"))] == "\n"
    assert raw[offsets.to_original(clean.index("\n\n"))] == "\n"
    assert raw[offsets.to_original(clean.index("Second"))] == "S"


def test_empty_and_boilerplate_only():
    assert clean_text("")[0] == ""
    assert clean_text(" \n\u00a0\n\t")[0] == ""
    assert clean_text("Advertisement\n\nAdvertisement")[0] == ""


def test_attention_covers_every_control_format_and_odd_space_character():
    wanted = {
        chr(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Cc", "Cf", "Zs", "Zl", "Zp") and chr(code) not in " \n"
    }
    missing = sorted(f"U+{ord(char):04X}" for char in wanted if not ATTENTION.match(char))
    assert missing == []


ALPHABET = st.sampled_from(
    list("ab ..!\n\n\r\t") + ["Talks", "U.S.", "Gen.", "said", "“", "”", "\u00a0", "\u200b", "\u00ad"]
    + ["с", "о", "Α", "ж", "ﬁ", "…", "Ｄ", "é", "e\u0301", "\u0301", "\u2028", "\x00", "\x85", "\ufeff"]
    + ["Advertisement\n", "\nThe World\n\n", "Jane Roe/AFP via Getty Images\n", "한", "\u1100\u1161"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_every_clean_character_traces_back(raw):
    clean, offsets = clean_text(raw)
    assert_traceable(raw, clean, offsets)
    assert clean == clean.strip()
    assert "  " not in clean and "\n\n\n" not in clean and " \n" not in clean and "\n " not in clean
    assert not clean or all(part for part in clean.split("\n\n"))
    assert "\n" not in clean.replace("\n\n", "")
    assert not ATTENTION.search(clean.replace("\n", ""))
    assert unicodedata.is_normalized("NFKC", clean)


def test_ten_megabytes_in_linear_time():
    paragraph = (
        "The\u00a0envoys met in Doha on Tuesday and agreed to keep talking about a ceasefire. The "
        "mediators said a second round would follow onсe the delegations had consulted.\nAdvertisement\n\n"
    )
    raw = paragraph * (10 * 1024 * 1024 // len(paragraph))
    began = time.perf_counter()
    clean, offsets = clean_text(raw)
    assert time.perf_counter() - began < 10
    assert "Advertisement" not in clean and "\u00a0" not in clean and "once" in clean
    last = clean.rindex("mediators")
    assert raw[offsets.to_original(last) :].startswith("mediators")
