"""The CAMEO event codes: their names, quad classes, Goldstein scores and PLOVER types.

The facts live in ``data/cameo.tsv`` (described in ``data/README.md``) so that a
correction is a one-line data change; this module only reads, checks and serves
them. The quad class is derived from the root rather than stored, so the two can
never disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "cameo.tsv"

QUAD_NAMES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

# The last root of each quad class: 01-05, 06-08, 09-13, 14-20.
_QUAD_LAST_ROOT = ((5, 1), (8, 2), (13, 3), (20, 4))

# PLOVER event types and the quad class the PLOVER manual puts each in.
PLOVER_QUADS: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
PLOVER_TYPES = frozenset(PLOVER_QUADS)

# Roots whose codes are already words (statements, appeals, intents and all verbal conflict):
# they have no "express intent" counterpart.
_SPOKEN_ROOTS = frozenset({"01", "02", "03", "09", "10", "11", "12", "13"})

COLUMNS = (
    "code", "name", "goldstein", "goldstein_gdelt", "plover", "plover_mode", "plover_context", "intent",
)

_CODE = re.compile(r"[0-9]{2,4}")
_ROOT = re.compile(r"[0-9]{2}")
# A PLOVER mode or context: lower-case words; several contexts are joined by ";".
_PLOVER_WORDS = re.compile(r"[a-z_-]+(;[a-z_-]+)*")


class OntologyError(ValueError):
    """The CAMEO data file is malformed; the message names the file, line and field."""


class UnknownCode(KeyError):
    """A string that is not a CAMEO event code was looked up."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code (a two-digit root or a 3- or 4-digit code).

    ``goldstein`` is ICEWS's score; ``goldstein_gdelt`` is GDELT's, equal to
    ``goldstein`` wherever the two tables agree. ``plover`` is None for the
    statements of root 01, which PLOVER does not code.
    """

    code: str
    root: str
    name: str
    quad: int
    goldstein: float
    goldstein_gdelt: float
    plover: str | None
    plover_mode: str | None
    plover_context: str | None


@dataclass(frozen=True)
class CameoTable:
    """What the data file holds: every code, and the intent counterpart of each act that has one."""

    codes: dict[str, CameoCode]
    intents: dict[str, str]


def quad_class(root: str) -> int:
    """The quad class (1-4, see ``QUAD_NAMES``) of a two-digit CAMEO root such as ``"04"``."""
    if not isinstance(root, str) or not _ROOT.fullmatch(root) or not 1 <= int(root) <= 20:
        raise ValueError(
            f"{root!r} is not a CAMEO root: expected two digits from '01' to '20' "
            "(for a full code use cameo(code).quad)"
        )
    number = int(root)
    return next(quad for last, quad in _QUAD_LAST_ROOT if number <= last)


def cameo(code: str) -> CameoCode:
    """The CAMEO code ``code`` (leading zero kept: ``"042"``, not ``"42"``)."""
    try:
        return _table().codes[code]
    except (KeyError, TypeError):
        raise UnknownCode(
            f"{code!r} is not a CAMEO event code: codes keep their leading zero ('042', not '42'); "
            "list the valid ones with detente.events.ontology.codes()"
        ) from None


def is_code(code: str) -> bool:
    """Whether ``code`` is a CAMEO event code of the table (two-digit roots included)."""
    return isinstance(code, str) and code in _table().codes


def codes() -> tuple[CameoCode, ...]:
    """Every CAMEO code, roots included, sorted by code."""
    return tuple(_table().codes.values())


def intent_code(code: str) -> str | None:
    """The code for announcing ``code`` without doing it yet, or None.

    A planned meeting is "express intent to meet" (036), a threatened attack is
    "threaten with military force" (138). Codes that are themselves words
    (statements, appeals, intents, demands, accusations, threats...) and the
    verbal acts of root 05 that cannot be promised (apologise, forgive) have none.
    Raises UnknownCode.
    """
    cameo(code)
    return _table().intents.get(code)


# What an appeal (02x) or a demand (10x) asks for: the third digit of both branches names the same
# kind of act (6 a meeting, 8 mediation, 2 diplomatic cooperation, 1 material cooperation, 3 aid,
# 5 yielding), and the fourth the same detail of it (0231 and 1031 economic aid, as 071 gives it).
_ASKED_FOR = {"04": "6", "045": "8", "05": "2", "06": "1", "07": "3", "08": "5"}
_ASKED_FOR_DETAIL = {
    "061": "1", "062": "2", "063": "3", "064": "4", "071": "1", "072": "2", "073": "3", "074": "4",
    "081": "1", "082": "2", "084": "3", "085": "4", "086": "5", "087": "6",
}


# The intents (031 material cooperation ... 036 meeting) whose third digit is their appeal's and demand's.
_INTENDED_KINDS = frozenset("123456")


def requested_code(act: str, *, demanded: bool) -> str | None:
    """The appeal for ``act`` (with ``demanded``, the demand of it), or None when neither branch
    names such an act: asking someone to help is 023, demanding a release 1053, and asking
    someone to attack stays a plain appeal. Raises UnknownCode."""
    cameo(act)
    prefix = "10" if demanded else "02"
    if act[:2] == "03" and act[2:3] in _INTENDED_KINDS:
        # An intent asked for asks for its act: agreeing to a ceasefire (0356) is de-escalating (0256).
        code, detailed = prefix + act[2], prefix + act[2:]
        return detailed if is_code(detailed) else code if is_code(code) else None
    kind = _ASKED_FOR.get(act[:3]) or _ASKED_FOR.get(act[:2])
    if kind is None:
        return None
    code = prefix + kind
    detailed = code + _ASKED_FOR_DETAIL.get(act[:3], "")
    return detailed if is_code(detailed) else code


# What refusing an act is, by the act's root or code: to meet (125), to cooperate (121), to give aid
# (122), to reform (123), to yield (124). The fourth digit is the same detail as an appeal's
# (1213 refuses judicial cooperation as 063 gives it, 1243 a release as 084 makes it).
_REFUSED = {"04": "125", "06": "121", "07": "122", "08": "124", "083": "123"}


def refusal_code(act: str) -> str:
    """The code for refusing ``act``, a cooperative act: refusing to extradite is 1213, to free
    prisoners 1243, to withdraw troops 1246; a refusal no branch of root 12 names is 120.
    Raises UnknownCode."""
    cameo(act)
    kind = _REFUSED.get(act[:3]) or _REFUSED.get(act[:2])
    if kind is None:
        return "120"
    detailed = kind + (act[3:] if act.startswith("083") else _ASKED_FOR_DETAIL.get(act[:3], ""))
    return detailed if is_code(detailed) else kind


@lru_cache(maxsize=1)
def _table() -> CameoTable:
    """The packaged table, read and checked on first use."""
    return read_table(DATA_FILE)


def read_table(path: Path) -> CameoTable:
    """Read and check a CAMEO table in the layout of ``data/cameo.tsv``.

    Raises OntologyError naming the file, line and field of the first problem.
    """
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != COLUMNS:
        raise OntologyError(
            f"{path}, line 1: the header must be the tab-separated columns {', '.join(COLUMNS)}"
        )
    found: dict[str, CameoCode] = {}
    intents: dict[str, tuple[str, int]] = {}
    previous = ""
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(COLUMNS):
            raise OntologyError(
                f"{path}, line {number}: expected {len(COLUMNS)} tab-separated fields, found {len(fields)}"
            )
        row = dict(zip(COLUMNS, fields))
        entry = _read_row(row, path, number)
        if entry.code <= previous:
            raise OntologyError(
                f"{path}, line {number}, field code: {entry.code!r} is not after {previous!r}; "
                "keep the rows sorted by code, one row a code"
            )
        parent = entry.code[:-1] if len(entry.code) == 4 else entry.root
        if parent not in found and entry.code != entry.root:
            raise OntologyError(
                f"{path}, line {number}, field code: {entry.code!r} has no row for its parent {parent!r} above it"
            )
        found[entry.code] = entry
        previous = entry.code
        if row["intent"]:
            intents[entry.code] = (row["intent"], number)
    for code, (target, number) in intents.items():
        _check_intent(found[code], target, found, path, number)
    return CameoTable(found, {code: target for code, (target, _) in intents.items()})


def _read_row(row: dict[str, str], path: Path, number: int) -> CameoCode:
    def fail(field: str, problem: str) -> OntologyError:
        return OntologyError(f"{path}, line {number}, field {field}: {problem}")

    code = row["code"]
    if not _CODE.fullmatch(code) or not 1 <= int(code[:2]) <= 20:
        raise fail("code", f"{code!r} is not a CAMEO code: 2, 3 or 4 digits starting with a root from 01 to 20")
    name = row["name"]
    if not name or name != name.strip():
        raise fail("name", f"{name!r} must be a label without surrounding spaces")
    goldstein = _score(row["goldstein"])
    if goldstein is None:
        raise fail("goldstein", f"{row['goldstein']!r} is not a number from -10 to 10")
    goldstein_gdelt = goldstein
    if row["goldstein_gdelt"]:
        goldstein_gdelt = _score(row["goldstein_gdelt"])
        if goldstein_gdelt is None:
            raise fail("goldstein_gdelt", f"{row['goldstein_gdelt']!r} is not a number from -10 to 10")
        if goldstein_gdelt == goldstein:
            raise fail("goldstein_gdelt", "equals goldstein; leave it empty where GDELT agrees with ICEWS")
    plover, mode, context = (row[field] or None for field in ("plover", "plover_mode", "plover_context"))
    if plover is not None and plover not in PLOVER_TYPES:
        raise fail("plover", f"{plover!r} is not a PLOVER type ({', '.join(sorted(PLOVER_TYPES))})")
    for field, value in (("plover_mode", mode), ("plover_context", context)):
        if value is not None and (plover is None or not _PLOVER_WORDS.fullmatch(value)):
            raise fail(field, f"{value!r} needs a plover type and must be lower-case words joined by ';'")
    root = code[:2]
    return CameoCode(code, root, name, quad_class(root), goldstein, goldstein_gdelt, plover, mode, context)


def _score(text: str) -> float | None:
    """The Goldstein score written as ``text``, or None if it is not one."""
    try:
        value = float(text)
    except ValueError:
        return None
    return value if -10 <= value <= 10 else None


def _check_intent(entry: CameoCode, target: str, found: dict[str, CameoCode], path: Path, number: int) -> None:
    where = f"{path}, line {number}, field intent"
    if entry.root in _SPOKEN_ROOTS:
        raise OntologyError(
            f"{where}: {entry.code!r} is already a verbal act, so it has no intent counterpart; leave it empty"
        )
    expected_root = "03" if entry.quad <= 2 else "13"
    if target not in found or target[:2] != expected_root:
        raise OntologyError(f"{where}: {target!r} must be a code of the table under root {expected_root}")
