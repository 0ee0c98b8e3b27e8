"""Scraped article text → clean paragraphs, with a map back to the text as scraped.

Scraped text carries boilerplate the parser must not see (ad slots, photo
captions and credits, a section label) and layout noise (odd spaces, look-alike
letters, lines broken mid-sentence). Removing it here keeps every later stage
simple; the OffsetMap keeps evidence traceable to what the user gave us.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from detente.model import OffsetMap
from detente.ingest.normalize import normalize
from detente.ingest.offsets import OffsetBuilder, chain

_AD = re.compile(
    r"(?:advertisement|advertising|ad|sponsored(?: content)?|paid (?:content|post)|"
    r"(?:story|article) continues below(?: this)? (?:advertisement|ad)|skip advertisement|"
    r"continue reading (?:below|the main story)|scroll to continue with content)[.:]?",
    re.IGNORECASE,
)
# Credits name an agency or photographer in fixed capitalisation; matching it exactly keeps prose safe.
_CREDIT_END = re.compile(
    r"(?:Getty Images|/(?:AFP|AP|Reuters|EPA|EPA-EFE|Xinhua|TASS|Sputnik|Bloomberg|Shutterstock|Alamy|Anadolu)"
    r"|\([Pp](?:hoto|icture)s? (?:by|credit|courtesy)[^()]*\)|\([Ii]mages? (?:by|credit|courtesy)[^()]*\))\s*\.?\)?$"
)
_CREDIT_LABEL = re.compile(r"(?:^|[.!?)] )\(?(?:Photo|Photograph|Image|Picture|Credit|Photo credit)s?:\s*\S")
# Credits are short: "(Photo by ...)" ends well within this many characters.
_CREDIT_TAIL = 120
_MAX_CREDIT_LINE = 300
_LABEL = re.compile(r"(?:[A-Z][\w'’.&-]*|&)(?: (?:[A-Z][\w'’.&-]*|&)){0,3}")
_LABEL_WORDS = 3
_MAX_LABEL = 40
_LABEL_END = ".!?:;,\"”…)"

_CLOSERS = "\"'”’)]"
_SENTENCE_PUNCTUATION = ".!?…"
# Abbreviations that precede a name or number and so never end a sentence.
_NAME_ABBREVIATION = re.compile(
    r"(?:^|[\s(\"“])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Cmdr|Sgt|Adm|Sen|Rep|Gov|Amb|Pres|Rev|Hon|"
    r"St|Ft|Mt|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Nos|Vol|vs|e\.g|i\.e|approx)\.$"
)
_SPACE_RUN = re.compile(r"  +")


def clean_text(raw: str) -> tuple[str, OffsetMap]:
    """The article's clean text and a map from clean offsets into ``raw``.

    Paragraphs are separated by one blank line; a line inside a paragraph is
    joined to the next with a space unless it ends a sentence.
    """
    normalized, to_raw = normalize(raw)
    lines = _lines(normalized)
    keep = _kept(lines)
    builder = OffsetBuilder()
    previous: tuple[int, str] | None = None
    blank_since = False
    for index, (start, content) in enumerate(lines):
        if not content:
            blank_since = True
            continue
        if not keep[index]:
            continue
        if previous is not None:
            newline = previous[0] + len(previous[1])
            if blank_since or _ends_paragraph(previous[1], content):
                builder.put("\n\n", newline)
            else:
                builder.put(" ", newline)
        _copy_collapsed(content, start, builder)
        previous = (start, content)
        blank_since = False
    clean, to_normalized = builder.build()
    return clean, chain(to_normalized, len(clean), to_raw)


def _lines(text: str) -> list[tuple[int, str]]:
    """Each line's content, stripped of spaces, with where that content starts in ``text``."""
    lines = []
    start = 0
    for line in text.split("\n"):
        content = line.strip(" ")
        lines.append((start + len(line) - len(line.lstrip(" ")), content))
        start += len(line) + 1
    return lines


def _kept(lines: list[tuple[int, str]]) -> list[bool]:
    """Which non-blank lines are article text rather than boilerplate."""
    contents = [content for _, content in lines]
    credit = [_is_credit(content) for content in contents]
    keep = []
    for index, content in enumerate(contents):
        following = contents[index + 1] if index + 1 < len(contents) else ""
        boilerplate = (
            credit[index]
            or _AD.fullmatch(content) is not None
            or (index + 1 < len(contents) and credit[index + 1] and _duplicates(content, following))
        )
        keep.append(bool(content) and not boilerplate)
    label = _section_label(contents)
    if label is not None:
        keep[label] = False
    return keep


def _is_credit(line: str) -> bool:
    if not 0 < len(line) <= _MAX_CREDIT_LINE:
        return False
    if _CREDIT_END.search(line[-_CREDIT_TAIL:]):
        return True
    return ":" in line and _CREDIT_LABEL.search(line) is not None


def _duplicates(caption: str, credited: str) -> bool:
    """Whether ``caption`` is a shorter copy of the credited caption that follows it."""
    core = caption.rstrip(" .")
    if not core or len(core) > _MAX_CREDIT_LINE:
        return False
    if credited.startswith(core):
        return True
    return SequenceMatcher(None, core, credited[: len(core)]).ratio() >= 0.8


def _section_label(contents: list[str]) -> int | None:
    """The index of a section label ("The World") heading the text, if there is one."""
    first = next((index for index, content in enumerate(contents) if content), None)
    if first is None or first + 1 >= len(contents) or contents[first + 1]:
        return None
    line = contents[first]
    words = [word for word in line.split(" ") if word != "&"]
    if (
        len(line) <= _MAX_LABEL
        and len(words) <= _LABEL_WORDS
        and line[-1] not in _LABEL_END
        and _LABEL.fullmatch(line)
        and any(contents[first + 2 :])
    ):
        return first
    return None


def _ends_paragraph(line: str, following: str) -> bool:
    """Whether a single line break after ``line`` ends the paragraph (scraped text often has one)."""
    unquoted = line.rstrip(_CLOSERS)
    ends_sentence = line[-1] in "\"”" or (unquoted and unquoted[-1] in _SENTENCE_PUNCTUATION)
    if not ends_sentence or _NAME_ABBREVIATION.search(line[-12:]):
        return False
    return not following[0].islower()


def _copy_collapsed(content: str, start: int, builder: OffsetBuilder) -> None:
    """Copy a line with every run of spaces made one space (mapped to the first of the run)."""
    if "  " not in content:
        builder.copy(content, start)
        return
    done = 0
    for run in _SPACE_RUN.finditer(content):
        builder.copy(content[done : run.start() + 1], start + done)
        done = run.end()
    builder.copy(content[done:], start + done)
