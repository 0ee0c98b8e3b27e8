"""The user's own actors: rows in a folder of the knowledge base's files, merged over the package's.

``kb.load()`` reads the user's folder (``kb.user_folder()``) over the package data, so an actor,
name or role added here is seen by every part of detente. Writing goes through ``append``,
which checks that the knowledge base still loads and puts the files back as they were when it
does not: a command of ours never leaves the folder unreadable.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from detente.actors import kb
from detente.actors.tables import KIND_FILES, KnowledgeBaseError, Source, header_of, kind_values, line_of

_STATE_CODE = re.compile(r"[A-Z]{3}")
_OTHER_CODE = re.compile(r"[A-Z][A-Z0-9]{1,11}")
_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def add(
    name: str,
    code: str,
    kind: str,
    *,
    sector: str | None = None,
    country: str | None = None,
    start: str | None = None,
    end: str | None = None,
    aliases: Sequence[str] = (),
    role: str | None = None,
    folder: Path | None = None,
) -> Source:
    """Write one actor row into ``folder`` (the user's folder by default) and say where it went.

    ``kind`` is ``state``, ``igo`` or ``group`` (a new principal, or one replacing the package's
    with the same ``code``), ``person`` (a role of a person held for the principal ``code``;
    it replaces the roles of that person in the package that it overlaps) or ``name`` (another
    name of the principal ``code``, with ``aliases`` as further names). A value that cannot be
    right is refused with a ``KnowledgeBaseError`` naming the field.
    """
    folder = kb.user_folder() if folder is None else folder
    values = _values(name, code, kind, sector, country, start, end, aliases, role, folder)
    file = KIND_FILES[kind]
    return append(folder, {file: [line_of(values, file)]}, None)[file][0]


def _values(
    name: str,
    code: str,
    kind: str,
    sector: str | None,
    country: str | None,
    start: str | None,
    end: str | None,
    aliases: Sequence[str],
    role: str | None,
    folder: Path,
) -> dict[str, str]:
    """The row ``add`` writes, after the checks that name the field at fault."""
    if kind not in KIND_FILES:
        raise _refused("kind", f"{kind!r}: use one of {', '.join(KIND_FILES)}")
    name = " ".join(name.split())
    if not name or "|" in name:
        raise _refused("name", f"{name!r}: write the actor's name, without '|'")
    pattern = _STATE_CODE if kind == "state" else _OTHER_CODE
    if not pattern.fullmatch(code):
        shape = "three capital letters (ISO 3166 alpha-3)" if kind == "state" else "2 to 12 capital letters or digits"
        raise _refused("code", f"{code!r}: write {shape}")
    for alias in aliases:
        if not alias.strip() or "|" in alias:
            raise _refused("aliases", f"{alias!r}: give each alias on its own, non-empty and without '|'")
    first, last = parse_day("start", start), parse_day("end", end)
    if first is not None and last is not None and last <= first:
        raise _refused("end", f"the end {end} is not after the start {start} (the end is the first day it no longer holds)")
    if country and kind != "group":
        raise _refused("country", "only a group has a home country: leave it out")
    if role and kind != "person":
        raise _refused("role", "only a person has a role: leave it out")
    if kind == "person" and not role:
        raise _refused("role", "a person needs the title of their role (President, Foreign Minister, ...)")
    base = kb.load(overlays=[folder] if folder.is_dir() else [])
    if kind in ("person", "name") and code not in base.entities:
        raise _refused(
            "code", f"{code!r} is no principal: give a state's ISO3 code or an organisation's or group's code "
            "('detente actors search NAME' shows the code a name resolves to)"
        )
    if sector and "@" not in sector and sector not in base.sector_codes:
        raise _refused("sector", f"unknown sector {sector!r}: use one of {', '.join(sorted(base.sector_codes))}")
    if country and country not in base.entities:
        raise _refused("country", f"{country!r} is not a state: give the home state's ISO3 code")
    fields = {"name": name, "code": code, "sector": sector, "country": country, "role": role, "start": start, "end": end}
    fields["aliases"] = "|".join(alias.strip() for alias in aliases)
    return kind_values(kind, {column: value or "" for column, value in fields.items()})


def append(folder: Path, lines: Mapping[str, Sequence[str]], comment: str | None) -> dict[str, list[Source]]:
    """Append data lines to the files of ``folder`` (creating it and them as needed), leaving out
    lines a file already holds, and say where each new line went. If the knowledge base no
    longer loads with the folder, the files are put back and the error is raised."""
    folder.mkdir(parents=True, exist_ok=True)
    before = {file: _text(folder / file) for file in lines}
    written: dict[str, list[Source]] = {}
    try:
        for file, new in lines.items():
            path = folder / file
            text = before[file]
            if text is None:
                text = f"# {file} of detente's actor data, in the layout of detente/actors/data/README.md.\n{header_of(file)}\n"
            present = set(text.splitlines())
            added = [line for line in dict.fromkeys(new) if line not in present]
            if added:
                if not text.endswith("\n"):
                    text += "\n"
                if comment:
                    text += f"# {comment}\n"
                first = len(text.splitlines()) + 1
                text += "".join(f"{line}\n" for line in added)
                path.write_text(text, encoding="utf-8")
            else:
                first = 0
            written[file] = [Source(path, first + index) for index in range(len(added))]
        kb.load(overlays=[folder])
    except (KnowledgeBaseError, OSError):
        for file, text in before.items():
            path = folder / file
            if text is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(text, encoding="utf-8")
        raise
    return written


def _text(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def parse_day(field: str, text: str | None) -> date | None:
    """A date written YYYY-MM-DD, YYYY-MM or YYYY, as the data files take it (the first day of a
    month or year)."""
    if not text:
        return None
    if _DAY.fullmatch(text):
        parts = [int(part) for part in text.split("-")]
        try:
            return date(*parts, *[1] * (3 - len(parts)))
        except ValueError:
            pass
    raise _refused(field, f"{text!r} is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")


def _refused(field: str, problem: str) -> KnowledgeBaseError:
    return KnowledgeBaseError(f"field {field!r}: {problem}")
