"""The coder's word knowledge: verb patterns, noun patterns and modality cues, read from data files.

Keeping them in data (``data/verbs.tsv``, ``data/nouns.tsv``, ``data/cues.tsv``,
described in ``data/README.md``) lets an analyst correct or extend the coder
without touching its logic; this module only reads and checks them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from detente.events.ontology import is_code

DATA = Path(__file__).parent / "data"

VERB_FLAGS = frozenset(
    {"symmetric", "reverse", "response", "armed", "guest", "organisation", "foreign", "people", "complement", "clause", "purpose", "avenging"}
)
NOUN_FLAGS = frozenset({"symmetric", "clause"})
# Prepositions a pattern may name; anything else in that column is a slip (a flag one column early).
PREPOSITIONS = frozenset(
    {"about", "against", "along", "among", "around", "at", "between", "by", "for", "from", "in", "into", "near", "of", "off",
     "on", "outside", "over", "regarding", "to", "toward", "towards", "upon", "with"}
)
# Universal parts of speech a cue may be limited to ("report" is a claim as a noun, not as a verb).
PARTS_OF_SPEECH = frozenset({"NOUN", "VERB", "ADJ", "ADV", "AUX", "ADP", "SCONJ", "DET", "PRON"})
CUES = frozenset(
    {"hypothetical", "conditional", "future", "intent", "commitment", "request", "negative", "refusal", "claim",
     "belief", "admission", "denial", "speech", "temporal", "response", "veiling", "light", "mishap", "aerial"}
)


class LexiconError(ValueError):
    """A pattern or cue file is malformed; the message names the file, line and field."""


@dataclass(frozen=True)
class VerbPattern:
    """A verb (with its particle) that codes an event, and where to find the target.

    ``objects``: nouns one of which must be the verb's object (or complement, with
    the ``complement`` flag); ``preps``: prepositions that introduce the target
    (else the target is the direct or indirect object).
    """

    code: str
    verb: str
    particle: str | None
    objects: frozenset[str]
    preps: frozenset[str]
    flags: frozenset[str]
    line: int

    @property
    def specificity(self) -> tuple[int, int, int]:
        return (bool(self.objects), bool(self.preps), bool(self.flags & {"armed", "guest"}))


@dataclass(frozen=True)
class NounPattern:
    """A noun that names an event, with the prepositions introducing its source and target."""

    code: str
    noun: str
    source_preps: frozenset[str]
    target_preps: frozenset[str]
    flags: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[VerbPattern, ...]]
    nouns: dict[str, NounPattern]
    cues: dict[str, tuple[tuple[str, str | None], ...]]
    response_roots: dict[str, frozenset[str]]
    # Lemmas with a cue as a verb and its particle ("rule" of "rule out").
    phrasal: frozenset[str]

    def verb_patterns(self, lemma: str) -> tuple[VerbPattern, ...]:
        """The patterns of a verb lemma, most specific first."""
        return self.verbs.get(lemma, ())

    def cues_for(self, lemma: str, form: str, pos: str) -> frozenset[str]:
        """The cues a word carries, by its lemma or its form, for its part of speech."""
        found = self.cues.get(lemma, ()) + (self.cues.get(form, ()) if form != lemma else ())
        return frozenset(cue for cue, only in found if only is None or only == pos)

    def has_cue(self, word: str, cue: str) -> bool:
        return any(found == cue for found, _ in self.cues.get(word, ()))


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The lexicon shipped with detente, read once."""
    return read(DATA)


def read(folder: Path) -> Lexicon:
    """Read and check ``verbs.tsv``, ``nouns.tsv`` and ``cues.tsv`` in ``folder``."""
    verbs: dict[str, list[VerbPattern]] = defaultdict(list)
    for line, row in _rows(folder / "verbs.tsv", ("code", "verb", "object", "prep", "flags")):
        where = f"{folder / 'verbs.tsv'}:{line}"
        code = _code(row["code"], where)
        flags = _flags(row["flags"], VERB_FLAGS, where)
        _prepositions(row["prep"], where, "prep")
        for verb in _alternatives(row["verb"], where, "verb"):
            lemma, _, particle = verb.partition(" ")
            verbs[lemma].append(
                VerbPattern(
                    code, lemma, particle or None, _set(row["object"]), _set(row["prep"]), flags, line
                )
            )
    nouns: dict[str, NounPattern] = {}
    for line, row in _rows(folder / "nouns.tsv", ("code", "noun", "source", "target", "flags")):
        where = f"{folder / 'nouns.tsv'}:{line}"
        code = _code(row["code"], where)
        flags = _flags(row["flags"], NOUN_FLAGS, where)
        _prepositions(row["source"], where, "source")
        _prepositions(row["target"], where, "target")
        for noun in _alternatives(row["noun"], where, "noun"):
            if noun in nouns:
                raise LexiconError(f"{where}: field noun: {noun!r} is already a pattern; keep one row per noun")
            nouns[noun] = NounPattern(code, noun, _set(row["source"]), _set(row["target"]), flags)
    cues: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    response_roots: dict[str, frozenset[str]] = {}
    for line, row in _rows(folder / "cues.tsv", ("word", "cue", "roots", "pos")):
        where = f"{folder / 'cues.tsv'}:{line}"
        if row["cue"] not in CUES:
            raise LexiconError(f"{where}: field cue: {row['cue']!r} is not one of {', '.join(sorted(CUES))}")
        if row["pos"] and row["pos"] not in PARTS_OF_SPEECH:
            raise LexiconError(f"{where}: field pos: {row['pos']!r} is not one of {', '.join(sorted(PARTS_OF_SPEECH))}")
        cues[row["word"]].append((row["cue"], row["pos"] or None))
        if row["cue"] == "response":
            roots = _set(row["roots"])
            if not roots or not all(len(r) == 2 and is_code(r) for r in roots):
                raise LexiconError(f"{where}: field roots: give the CAMEO roots answered, e.g. 03|04")
            response_roots[row["word"]] = roots
    return Lexicon(
        {lemma: tuple(sorted(found, key=lambda p: p.specificity, reverse=True)) for lemma, found in verbs.items()},
        nouns,
        {word: tuple(found) for word, found in cues.items()},
        response_roots,
        frozenset(word.split(" ")[0] for word in cues if " " in word),
    )


def _rows(path: Path, columns: tuple[str, ...]):
    """Data rows of a tab-separated file with a header, comments (#) skipped, with line numbers."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise LexiconError(f"{path}: cannot be read ({error.strerror})") from None
    content = [(number, line) for number, line in enumerate(lines, start=1) if line and not line.startswith("#")]
    if not content or tuple(content[0][1].split("\t")) != columns:
        raise LexiconError(f"{path}: the header must be {' '.join(columns)} (tab-separated)")
    for number, line in content[1:]:
        values = line.split("\t")
        if len(values) > len(columns):
            raise LexiconError(f"{path}:{number}: {len(values)} fields, expected at most {len(columns)}")
        values += [""] * (len(columns) - len(values))
        yield number, dict(zip(columns, (v.strip() for v in values)))


def _code(value: str, where: str) -> str:
    if not is_code(value) or len(value) < 3:
        raise LexiconError(f"{where}: field code: {value!r} is not a CAMEO event code (3 or 4 digits)")
    return value


def _flags(value: str, allowed: frozenset[str], where: str) -> frozenset[str]:
    flags = _set(value)
    unknown = flags - allowed
    if unknown:
        raise LexiconError(f"{where}: field flags: unknown {', '.join(sorted(unknown))}; use {', '.join(sorted(allowed))}")
    return flags


def _prepositions(value: str, where: str, field: str) -> None:
    unknown = _set(value) - PREPOSITIONS
    if unknown:
        raise LexiconError(
            f"{where}: field {field}: {', '.join(sorted(unknown))} is not a preposition; put flags in the flags column"
        )


def _alternatives(value: str, where: str, field: str) -> list[str]:
    found = [v.strip() for v in value.split("|") if v.strip()]
    if not found:
        raise LexiconError(f"{where}: field {field}: empty; give at least one word")
    return found


def _set(value: str) -> frozenset[str]:
    return frozenset(v.strip() for v in value.split("|") if v.strip())
