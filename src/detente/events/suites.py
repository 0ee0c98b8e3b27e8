"""Readers for the event-coding test suites we measure the coder against.

Each suite becomes a list of records: a text, its date and the events expected in
it as (source, target, code). The suites name actors in their own codes — PETRARCH's
Phoenix codes ("USAGOV", "IGOUNO", "PSEREBHMS"), PLOVER's ISO codes — so each reader
also says which principal a code means, and ``comparable`` brings our principals to
the same footing (an armed group is its home country where the suite codes it so).
"""

from __future__ import annotations

import csv
import html
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from detente.actors.kb import KnowledgeBase

DATA = Path(__file__).parent / "data"
# Phoenix prefixes that are not countries: the letters after them name the organisation or group.
_PHOENIX_ORGANISATIONS = ("IGO", "IMG", "NGO", "NGM", "MNC", "INT")
UNKNOWN = "---"


class SuiteError(ValueError):
    """A suite file cannot be read; the message names the file, the record and what is wrong."""


@dataclass(frozen=True)
class Expected:
    """An event a suite expects: principals, the CAMEO code (or only a root), and a PLOVER type if given.

    A side is one principal, ``UNKNOWN`` for an actor the suite leaves unidentified, or several
    principals joined by ``|`` when the suite's code stands for any of them ("ICC|INTERPOL")."""

    source: str
    target: str
    code: str
    plover: str | None = None


@dataclass(frozen=True)
class SuiteRecord:
    id: str
    text: str
    date: date
    expected: tuple[Expected, ...]


def read_petrarch(path: Path, principals: Callable[[str], Iterable[str]] | None = None) -> list[SuiteRecord]:
    """PETRARCH validation records (``PETR2_GSR_validation.xml``, ``PETR_Validate_records_2_02.xml``).

    A record marked ``noevents`` expects nothing; records with ``evaluate="false"`` or an empty
    text are skipped, and so are records of a category the file's ``<Include>`` list leaves out
    (the suite's own runner evaluates only those categories). ``principals`` reads an actor code
    into the principals it may stand for (Phoenix codes by default; a suite with its own
    dictionaries passes their import's reading, see ``detente.actors.petrarch``).
    The files mix XML with free text and non-XML tags, so records are read by pattern, not parsed.
    """
    text = _read(path)
    included = _included_categories(text)
    records = []
    for match in re.finditer(r"<Sentence\b([^>]*)>(.*?)</Sentence>", text, flags=re.S):
        attributes, body = match.group(1), _strip_comments(match.group(2))
        record_id = _attribute(attributes, "id") or "?"
        if _attribute(attributes, "evaluate") == "false":
            continue
        if included is not None and (_attribute(attributes, "category") or "").casefold() not in included:
            continue
        content = re.search(r"<Text>(.*?)</Text>", body, flags=re.S)
        if content is None:
            raise SuiteError(f"{path}: record {record_id}: no <Text>")
        if not content.group(1).strip():
            continue
        read_code = principals or _phoenix_principals
        expected = tuple(
            Expected(
                _side(read_code(_attribute(coding, "sourcecode") or "")),
                _side(read_code(_attribute(coding, "targetcode") or "")),
                _attribute(coding, "eventcode") or "",
            )
            for coding in re.findall(r"<EventCoding\b([^>]*)>", body)
            if _attribute(coding, "eventcode")
        )
        day = _yyyymmdd(attributes, path, record_id)
        records.append(SuiteRecord(record_id, " ".join(html.unescape(content.group(1)).split()), day, expected))
    if not records:
        raise SuiteError(f"{path}: no <Sentence> records; give a PETRARCH validation file")
    return records


def read_plover_gsr(path: Path, kb: KnowledgeBase) -> list[SuiteRecord]:
    """The PLOVER GSR: CAMEO-manual examples with source, target and a PLOVER 0.5 event label.

    Labels are mapped to today's PLOVER types (``data/plover-0.5.tsv``); a record with
    several sources or targets expects every pair; documentation records are skipped. An
    actor coded only as "IGO", "NGO" or "IMG" is the organisation its text names in ``kb``.
    """
    try:
        items = json.loads(_read(path))
    except json.JSONDecodeError as error:
        raise SuiteError(f"{path}: not JSON ({error.msg} at line {error.lineno})") from None
    labels = plover_labels()
    records = []
    for item in items:
        label = item.get("event")
        if label == "DOCUMENT" or not item.get("text"):
            continue
        if label not in labels:
            raise SuiteError(f"{path}: record {item.get('id')}: unknown PLOVER 0.5 label {label!r}")
        day = date.fromisoformat(item.get("date") or "2000-01-01")
        sources = [_plover_principal(a, kb, day) for a in item.get("source") or []]
        targets = [_plover_principal(a, kb, day) for a in item.get("target") or [] if isinstance(a, dict)]
        expected = tuple(Expected(s, t, "", labels[label]) for s in sources for t in targets if s != t)
        records.append(SuiteRecord(item["id"], item["text"], day, expected))
    return records


@lru_cache(maxsize=1)
def plover_labels() -> dict[str, str]:
    """PLOVER 0.5 labels → PLOVER types of the current manual (``data/plover-0.5.tsv``)."""
    return _table("plover-0.5.tsv", "label", "type")


@lru_cache(maxsize=1)
def suite_codes() -> dict[str, str]:
    """Suite actor codes that are not our principals → the principal (``data/suite-codes.tsv``)."""
    return _table("suite-codes.tsv", "code", "principal")


def phoenix_principal(code: str) -> str:
    """The principal a Phoenix actor code names: its country, or the organisation or group after a
    non-country prefix ("IGOUNO" → UNO, "IGOEUREEC" → EU, "IMGMUSISI" → ISIS); "---" if unknown."""
    code = code.strip().upper()
    if not code or code.startswith(UNKNOWN):
        return UNKNOWN
    known = suite_codes()
    if code[:3] in _PHOENIX_ORGANISATIONS:
        rest = code[3:]
        return known.get(rest) or known.get(rest[:6]) or known.get(rest[:3]) or rest[:3]
    return known.get(code[:3], code[:3])


def _phoenix_principals(code: str) -> tuple[str]:
    return (phoenix_principal(code),)


def _side(principals: Iterable[str]) -> str:
    """An expected side: the principals a code stands for, ``UNKNOWN`` if none."""
    return "|".join(sorted(principals)) or UNKNOWN


def _plover_principal(actor: dict, kb: KnowledgeBase, day: date) -> str:
    """A PLOVER GSR actor's principal: its code, or for a bare IGO/NGO/IMG code, what its text names."""
    code = (actor.get("code") or "").upper()
    if code in _PHOENIX_ORGANISATIONS:
        return _named_in(actor.get("actorText", ""), kb, day)
    return suite_codes().get(code, code or UNKNOWN)


def _named_in(text: str, kb: KnowledgeBase, day: date) -> str:
    """The principal of the longest knowledge-base name inside ``text`` ("U.N. Secretary-General Kofi Annan" → UNO)."""
    words = text.replace("'s", "").split()
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            reference = kb.lookup(" ".join(words[start : start + size]), day)
            if reference is not None:
                return reference.principal
    return UNKNOWN


def _table(name: str, key: str, value: str) -> dict[str, str]:
    path = DATA / name
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {row[key]: row[value] for row in rows}


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise SuiteError(f"{path}: cannot be read ({error.strerror})") from None


def _attribute(attributes: str, name: str) -> str | None:
    found = re.search(rf'\b{name}="([^"]*)"', attributes)
    return found.group(1) if found else None


def _included_categories(text: str) -> frozenset[str] | None:
    """The record categories a PETRARCH file says to evaluate (``<Include>DEMO ACTOR ...</Include>``), if it says."""
    found = re.search(r"<Include>(.*?)</Include>", _strip_comments(text), flags=re.S)
    return frozenset(word.casefold() for word in found.group(1).split()) if found else None


def _strip_comments(body: str) -> str:
    return re.sub(r"<!--.*?-->", "", body, flags=re.S)


def _yyyymmdd(attributes: str, path: Path, record_id: str) -> date:
    """A record's date, YYYYMMDD; a few records carry a six-digit YYMMDD, read as 20YY."""
    value = _attribute(attributes, "date") or ""
    if len(value) == 6:
        value = "20" + value
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise SuiteError(f"{path}: record {record_id}: date {value!r} is not YYYYMMDD") from None
