"""Character-level normalisation that remembers where every character came from.

NFKC, plain spaces for odd white space, "\\n" for every line break, no invisible
characters, Cyrillic/Greek look-alikes folded inside Latin words, and a backtick typed
for an apostrophe inside a word ("doesn`t") made one. Line
structure is left alone; ``clean.py`` decides what the lines mean.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from detente.model import OffsetMap
from detente.ingest.offsets import IDENTITY, OffsetBuilder

# Characters that NFKC keeps but we must still rewrite: control (Cc), format (Cf),
# odd space (Zs) and line/paragraph separators. Checked against unicodedata in the tests.
ATTENTION = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\xa0\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u2066-\u206f\u3000\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f]"
)
_NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]+")
_LINE_BREAKS = frozenset("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")

# Letters that look Latin; folded only inside words that are otherwise Latin.
LOOKALIKES = str.maketrans(
    "аеорсухіјѕԁԛԝһӏАВЕКМНОРСТХУІЈЅԚԜҮ" "αονικρυχϲΑΒΕΖΗΙΚΜΝΟΡΤΧΥϹ",
    "aeopcyxijsdqwhlABEKMHOPCTXYIJSQWY" "aovikpuxcABEZHIKMNOPTXYC",
)
_LOOKALIKE_CHARS = frozenset(chr(code) for code in LOOKALIKES)
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_GREEK_CYRILLIC = "\u0370-\u03ff\u0400-\u052f"
# A Latin letter touching a Greek or Cyrillic one: where every mixed word shows itself.
_JUNCTION = re.compile(f"[{_LATIN}](?=[{_GREEK_CYRILLIC}])|[{_GREEK_CYRILLIC}](?=[{_LATIN}])")
_LETTERS = re.compile(r"[^\W\d_]+")
_LATIN_LETTER = re.compile(f"[{_LATIN}]")
# A backtick between letters is an apostrophe: the tokenizer then splits "doesn't" into "does" + "n't".
_BACKTICK_APOSTROPHE = re.compile(r"(?<=[^\W\d_])`(?=[^\W\d_])")


def normalize(text: str) -> tuple[str, OffsetMap]:
    """The normalised text and a map from its offsets back into ``text``."""
    if unicodedata.is_normalized("NFKC", text) and not ATTENTION.search(text):
        return fold_characters(text), IDENTITY
    builder = OffsetBuilder()
    start = 0
    for line in text.split("\n"):
        if start:
            builder.copy("\n", start - 1)
        if unicodedata.is_normalized("NFKC", line) and not ATTENTION.search(line):
            builder.copy(line, start)
        else:
            _normalize_line(text, line, start, builder)
        start += len(line) + 1
    normalized, offsets = builder.build()
    return fold_characters(normalized), offsets


def fold_characters(text: str) -> str:
    """Look-alike letters and backtick apostrophes repaired character for character, keeping every offset."""
    return _BACKTICK_APOSTROPHE.sub("'", fold_lookalikes(text))


def _normalize_line(text: str, line: str, start: int, builder: OffsetBuilder) -> None:
    """Normalise one line whose non-ASCII runs need work; ASCII stretches are copied."""
    done = 0
    for match in _NOT_PRINTABLE_ASCII.finditer(line):
        # The ASCII character before a run may carry the run's combining marks.
        begin = match.start() - 1 if match.start() > done else match.start()
        builder.copy(line[done:begin], start + done)
        segment = line[begin : match.end()]
        if unicodedata.is_normalized("NFKC", segment) and not ATTENTION.search(segment):
            builder.copy(segment, start + begin)
        else:
            _normalize_segment(text, segment, start + begin, builder)
        done = match.end()
    builder.copy(line[done:], start + done)


def _normalize_segment(text: str, segment: str, origin: int, builder: OffsetBuilder) -> None:
    """Rewrite white space, drop invisible characters, then NFKC unit by unit.

    Dropping before NFKC lets a mark split off by an invisible character compose
    with its letter; working unit by unit maps each output character to its source.
    """
    kept: list[tuple[str, int]] = []
    for offset, char in enumerate(segment):
        position = origin + offset
        kind = _kind(char)
        if kind == "keep":
            kept.append((char, position))
        elif kind == "space":
            kept.append((" ", position))
        elif kind == "break" and not (char == "\r" and text.startswith("\n", position + 1)):
            kept.append(("\n", position))
    units = _units(kept)
    whole = "".join(unit for unit, _ in units)
    if units and "".join(_nfkc(unit) for unit, _ in units) != _nfkc(whole):
        units = [(whole, units[0][1])]
    for unit, position in units:
        builder.put(_nfkc(unit), position)


def _units(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Group characters into pieces NFKC never joins: a character with what combines into it."""
    units: list[tuple[str, int]] = []
    for char, position in chars:
        if units and (unicodedata.combining(char) or _nfkc(units[-1][0] + char) != _nfkc(units[-1][0]) + _nfkc(char)):
            units[-1] = (units[-1][0] + char, units[-1][1])
        else:
            units.append((char, position))
    return units


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=4096)
def _kind(char: str) -> str:
    if char in _LINE_BREAKS:
        return "break"
    if char.isspace() or unicodedata.category(char) == "Zs":
        return "space"
    if unicodedata.category(char) in ("Cc", "Cf"):
        return "drop"
    return "keep"


def fold_lookalikes(text: str) -> str:
    """Fold Cyrillic/Greek look-alike letters to Latin inside otherwise Latin words."""
    parts = []
    done = 0
    for junction in _JUNCTION.finditer(text):
        if junction.start() < done:
            continue
        begin = junction.start()
        while begin > done and text[begin - 1].isalpha():
            begin -= 1
        end = _LETTERS.match(text, junction.start()).end()
        word = text[begin:end]
        # A folded letter could compose with a following mark; such words keep their letters.
        followed_by_mark = end < len(text) and unicodedata.combining(text[end])
        parts += [text[done:begin], word if followed_by_mark else _fold_word(word)]
        done = end
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def _fold_word(word: str) -> str:
    foreign = [char for char in word if not _LATIN_LETTER.match(char)]
    if not _LOOKALIKE_CHARS.issuperset(foreign):
        return word
    return word.translate(LOOKALIKES)
