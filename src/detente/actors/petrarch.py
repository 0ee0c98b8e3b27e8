"""PETRARCH and TABARI actor and agent dictionaries, read into the knowledge base's layout.

Teams that code events with the PETRARCH lineage keep their actors in its dictionaries: an
actors file of phrases with codes in brackets, synonyms on ``+`` lines and dated codes on
indented lines, and an agents file of role words (``PRESIDENT [~GOV]``). ``read`` turns them
into a ``Layer`` of our files — principals, names, sectors and role words — that ``kb.load``
merges over the package data, each row pointing back at the dictionary line it came from;
``Import.write`` puts it into a folder (the user's by default). How codes map to principals
and sectors is described in ``data/README.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from detente.actors import kb, userdata
from detente.actors.tables import Layer, Period, Row, Source, line_of

# Code prefixes that do not name a country: the whole code names an organisation or a group.
INTERNATIONAL = {"IGO": "igo", "NGO": "igo", "NGM": "igo", "INT": "igo", "MNC": "igo", "IMG": "group"}
# The code PETRARCH gives a phrase that names no actor.
NULL_CODE = "---"

# Short words a display form keeps in lower case inside a phrase ("Prince of Dol Amroth").
_LOWER_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "de", "del", "da", "la", "le", "van", "von", "der"})
_RESTRICTION = re.compile(
    r"(?P<code>[^\s<>]+)\s*(?:(?P<op>[<>])\s*(?P<day>\d{6}|\d{8})|(?P<first>\d{6}|\d{8})\s*-\s*(?P<last>\d{6}|\d{8}))?"
)
_CODE = re.compile(r"[A-Z0-9]+")
_MARKER = re.compile(r"!([^!\s]+)!")


@dataclass(frozen=True)
class Skipped:
    """A dictionary entry that was not imported, and why."""

    path: Path
    line: int
    phrase: str
    reason: str


@dataclass(frozen=True)
class Override:
    """A name that now means something other than in detente's own data."""

    phrase: str
    before: str
    after: str


@dataclass(frozen=True)
class Import:
    """One import: the rows in our layout, and what happened to each dictionary entry.

    ``read`` counts entries: the phrase lines of the actors file (primary phrases, synonyms and
    stray lines that belong to no actor) and the lines of the agents file other than
    substitution markers. Each is either ``written`` (at least one of its
    names or words became a row) or ``skipped`` with a reason; ``notes`` tell what an entry
    lost on the way (a dated code that names no actor, the agent letters after the sector).
    """

    layer: Layer
    read: int
    written: int
    skipped: tuple[Skipped, ...]
    notes: tuple[Skipped, ...]
    overrides: tuple[Override, ...]
    translated: Mapping[str, frozenset[str]]
    principals: frozenset[str]
    states: frozenset[str]
    sectors: frozenset[str]

    def principals_of(self, code: str) -> frozenset[str]:
        """The principals a dictionary code stands for here: "MORCOP" → MOR, "NZE" → NZL when the
        dictionary names New Zealand so, an organisation prefix before a state's code → that state
        ("NGOARN", an NGO of Arnor, → ARN), an organisation's code before an agent's → the
        organisation ("NGMOPP", activists of what the dictionary codes NGM); several when the
        dictionary gives one code to actors we tell apart (the ICC and Interpol); none for the null
        code or a code that is not one."""
        parsed = _parse_code(code)
        if isinstance(parsed, str):
            return frozenset()
        prefix, _ = parsed
        if prefix in self.translated:
            return self.translated[prefix]
        inside = prefix[3:6]
        if prefix[:3] in INTERNATIONAL and prefix not in self.principals:
            if inside in self.translated:
                return self.translated[inside]
            if inside in self.states:
                return frozenset({inside})
            if prefix[:3] in self.translated and inside in self.sectors:
                return self.translated[prefix[:3]]
        return frozenset({prefix})

    def write(self, folder: Path | None = None) -> dict[str, list[Source]]:
        """Add the rows to ``folder`` (the user's folder by default), leaving out rows it already
        holds; where each new row went. The folder's files are left as they were if the
        knowledge base would not load with them."""
        folder = kb.user_folder() if folder is None else folder
        lines = {file: [line_of(row.values, file) for row in rows] for file, rows in self.layer.rows.items() if rows}
        return userdata.append(folder, lines, f"imported from {self.layer.name} on {date.today()}")


def read(
    actors: Path,
    agents: Path | None = None,
    *,
    base: kb.KnowledgeBase | None = None,
    on: date | None = None,
) -> Import:
    """Read a PETRARCH actors dictionary and, optionally, an agents dictionary.

    ``base`` is what the import is measured against (the package data by default): a name that
    already means the same there is skipped, and a code for a state or organisation that
    ``base`` names the same way is translated to ours ("JAPAN [JAP]" → JPN). Undated entries
    are compared as of ``on`` (today by default). Load the result with
    ``kb.load(overlays=[imported.layer])``.
    """
    base = kb.load(overlays=[]) if base is None else base
    builder = _Import(base, on or date.today())
    builder.read_actors(Path(actors))
    if agents is not None:
        builder.read_agents(Path(agents))
    return builder.result(Path(actors), None if agents is None else Path(agents))


# --- reading the files ------------------------------------------------------------------------------


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """The lines of a dictionary without comments (XML comments, and '#' or ';' to the end of a
    line), keeping their leading white space; blank lines are dropped."""
    in_comment = False
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            line, in_comment = line[end + 3 :], False
        while "<!--" in line:
            start = line.index("<!--")
            end = line.find("-->", start)
            if end < 0:
                line, in_comment = line[:start], True
                break
            line = line[:start] + line[end + 3 :]
        if line.lstrip().startswith("<"):
            in_comment = "-->" not in line and "<!" in line
            continue
        line = re.split(r"[#;]", line, maxsplit=1)[0].rstrip()
        if line.strip():
            yield number, line


def _day(text: str) -> date:
    """A PETRARCH date, YYYYMMDD or YYMMDD (years 00 to 30 are 20YY, the others 19YY)."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _display(phrase: str) -> str:
    """A dictionary phrase as news writes it: words apart, capitals only at the start of words
    written in capitals, small words in lower case, no leading "the"."""
    words = [word for word in re.split(r"[\s_]+", phrase) if word]
    if words and words[0].casefold() == "the":
        words = words[1:]
    shown = []
    for index, word in enumerate(words):
        if index and word.casefold() in _LOWER_WORDS:
            shown.append(word.casefold())
        elif word.isupper():
            shown.append(re.sub(r"[^\W\d_]+", lambda match: match.group(0).capitalize(), word))
        else:
            shown.append(word)
    return " ".join(shown)


def _as_written(phrase: str) -> str:
    """A dictionary phrase with its words apart, in the dictionary's own capitals ("THE_AU" → "AU")."""
    words = [word for word in re.split(r"[\s_]+", phrase) if word]
    return " ".join(words[1:] if words and words[0].casefold() == "the" else words)


def _parse_code(code: str) -> tuple[str, tuple[str, ...]] | str:
    """A code's principal part and its agent blocks, or why it cannot be one.

    A code is blocks of three letters: a country (or another principal: "GON") and agents
    ("GOV", "MIL"). After an international prefix (IGO, NGO, IMG...) the whole code names an
    organisation or a group. Of several codes joined by '/', the first is kept.
    """
    code = code.strip().upper().split("/")[0]
    if code == NULL_CODE:
        return "the null code names no actor"
    if not _CODE.fullmatch(code):
        return f"code {code!r} is not letters and digits, which a principal needs"
    if code[:3] in INTERNATIONAL:
        if len(code) > 12:
            return f"code {code!r} is longer than the 12 characters of a principal code"
        return code, ()
    if len(code) % 3:
        return f"code {code!r} is not made of three-letter blocks"
    blocks = tuple(code[index : index + 3] for index in range(0, len(code), 3))
    return blocks[0], blocks[1:]


# --- building the import ----------------------------------------------------------------------------


@dataclass
class _Phrase:
    line: int
    text: str


@dataclass
class _Record:
    """One actor entry: its phrases (the primary first), its default code and its dated codes."""

    phrases: list[_Phrase]
    default: tuple[int, str] | None = None
    restrictions: list[tuple[int, str, Period]] = field(default_factory=list)


@dataclass
class _Segment:
    """A stretch of time in which a record's phrases mean one code."""

    line: int
    code: str
    period: Period


class _Import:
    def __init__(self, base: kb.KnowledgeBase, on: date) -> None:
        self.base = base
        self.on = on
        # The sectors of detente's own data, which an agent code is read against.
        self.sectors = kb.load(overlays=[]).sector_codes
        self.read = 0
        self.written = 0
        self.skipped: list[Skipped] = []
        self.notes: list[Skipped] = []
        self.overrides: list[Override] = []
        self.rows: dict[str, list[Row]] = {}
        self.translated: dict[str, set[str]] = {}
        self.new_principals: dict[str, Row] = {}
        self.new_sectors: dict[str, Row] = {}
        # Each (form, principal, name) written, with its periods, to list nothing twice.
        self.listed: dict[tuple[str, str, str], list[tuple[Period, int]]] = {}
        self.words: dict[str, int] = {}
        # The label of each code given alone to an actor: its first phrase.
        self.labels: dict[str, str] = {}

    # --- actors ---------------------------------------------------------------------------------

    def read_actors(self, path: Path) -> None:
        records = list(self._records(path))
        for record in records:
            parsed = _parse_code(record.default[1]) if record.default is not None else "no default"
            if not isinstance(parsed, str) and not parsed[1]:
                self.labels.setdefault(parsed[0], _display(record.phrases[0].text))
        for record in records:
            self._import_record(path, record)

    def _records(self, path: Path) -> Iterator[_Record]:
        record: _Record | None = None
        for number, line in _lines(path):
            if line.startswith("+"):
                if record is None:
                    self.read += 1
                    self._skip(path, number, line, "a synonym before any actor: put it under its actor's line")
                    continue
                phrase, _, code = line[1:].partition("[")
                if code:
                    self._note(path, number, phrase, "a synonym takes its actor's code: the code on its line was ignored")
                record.phrases.append(_Phrase(number, phrase.strip()))
            elif line[0].isspace():
                if record is None or "[" not in line:
                    self.read += 1
                    self._skip(path, number, line.strip(), "an indented line is a dated code: write it as [CODE <date]")
                    continue
                self._restriction(path, number, line, record)
            else:
                if record is not None:
                    yield record
                phrase, _, code = line.partition("[")
                record = _Record([_Phrase(number, phrase.strip())])
                if code:
                    record.default = (number, code.partition("]")[0].strip())
        if record is not None:
            yield record

    def _restriction(self, path: Path, number: int, line: str, record: _Record) -> None:
        """A dated code ``[CODE <date]``, ``[CODE >date]``, ``[CODE date-date]`` (limits included),
        or ``[CODE]``, which replaces the default."""
        text = line[line.index("[") + 1 :].partition("]")[0].strip()
        match = _RESTRICTION.fullmatch(text)
        if match is None:
            self._note(path, number, text, "a dated code detente cannot read was left out: write [CODE <YYYYMMDD]")
            return
        code = match["code"]
        try:
            if match["op"] == "<":
                period = Period(None, _day(match["day"]) + timedelta(days=1))
            elif match["op"] == ">":
                period = Period(_day(match["day"]), None)
            elif match["first"]:
                period = Period(_day(match["first"]), _day(match["last"]) + timedelta(days=1))
            else:
                record.default = (number, code)
                return
        except ValueError:
            self._note(path, number, text, "a dated code with an impossible date was left out")
            return
        if period.start is not None and period.end is not None and period.start >= period.end:
            self._note(path, number, text, "a dated code whose end comes before its start was left out")
            return
        record.restrictions.append((number, code, period))

    def _segments(self, record: _Record) -> list[_Segment]:
        """The record's codes over time: the first dated code that holds on a day wins, the
        default fills the days no dated code covers."""
        bounds = sorted({day for _, _, period in record.restrictions for day in (period.start, period.end) if day})
        pieces = [Period(None, bounds[0])] if bounds else [Period()]
        pieces += [Period(day, following) for day, following in zip(bounds, bounds[1:])]
        if bounds:
            pieces.append(Period(bounds[-1], None))
        segments: list[_Segment] = []
        for piece in pieces:
            day = _probe(piece, self.on)
            found = next(((number, code) for number, code, period in record.restrictions if period.contains(day)), record.default)
            if found is None:
                continue
            line, code = found
            if segments and segments[-1].code == code and segments[-1].period.end == piece.start:
                segments[-1].period = Period(segments[-1].period.start, piece.end)
            else:
                segments.append(_Segment(line, code, piece))
        return segments

    def _import_record(self, path: Path, record: _Record) -> None:
        self.read += len(record.phrases)
        primary = record.phrases[0]
        segments = self._segments(record)
        if not segments:
            for phrase in record.phrases:
                self._skip(path, phrase.line, phrase.text, "no code: give the actor a [CODE] or dated codes")
            return
        written: set[int] = set()
        reasons: dict[int, str] = {}
        for segment in segments:
            parsed = _parse_code(segment.code)
            if isinstance(parsed, str):
                for phrase in record.phrases:
                    reasons.setdefault(phrase.line, parsed)
                if len(segments) > 1:
                    self._note(path, segment.line, primary.text, f"{_span(segment.period)}: {parsed}")
                continue
            if "/" in segment.code:
                self._note(path, segment.line, primary.text, f"{segment.code} names several actors: kept {segment.code.split('/')[0]}")
            for phrase, reason in self._import_segment(path, record, segment, parsed):
                if reason is None:
                    written.add(phrase.line)
                else:
                    reasons.setdefault(phrase.line, reason)
        for phrase in record.phrases:
            if phrase.line in written:
                self.written += 1
            else:
                self._skip(path, phrase.line, phrase.text, reasons.get(phrase.line, "nothing to import"))

    def _import_segment(
        self, path: Path, record: _Record, segment: _Segment, parsed: tuple[str, tuple[str, ...]]
    ) -> Iterator[tuple[_Phrase, str | None]]:
        """The rows of one stretch of a record; each phrase with None when it was written, else why not."""
        prefix, agents = parsed
        probe = _probe(segment.period, self.on)
        principal = self._principal(prefix, record, probe)
        sector = self._sector_of(agents)
        expected = sector if sector is not None else self._own_sector(principal, probe)
        forms: list[tuple[_Phrase, str]] = []
        for phrase in record.phrases:
            shown = _display(phrase.text)
            if not shown:
                yield phrase, "nothing is left of the phrase once 'the' is dropped"
                continue
            before = self._meaning(phrase.text, shown, probe)
            if before is not None and (before.principal, before.sector) == (principal, expected):
                yield phrase, f"already in the knowledge base as {_describe(before.principal, before.sector)}"
                continue
            if any(shown == other for _, other in forms):
                yield phrase, "the same name as another phrase of this actor"
                continue
            if before is not None:
                self.overrides.append(Override(shown, _describe(before.principal, before.sector), _describe(principal, expected)))
            forms.append((phrase, shown))
        if not forms:
            return
        self._declare(principal, prefix, record, path)
        self._declare_sector(path, segment.line, segment.code, agents, sector)
        named = sector is not None and forms[0][0] is record.phrases[0]
        name = forms[0][1] if named else ""
        listed = []
        for phrase, shown in forms:
            earlier = self._listed_before(shown, principal, name, segment.period, phrase.line)
            if earlier is not None:
                yield phrase, f"already imported from line {earlier} with the same meaning"
            else:
                listed.append((phrase, shown))
        if not listed:
            return
        if named and listed[0][0] is not forms[0][0]:
            name = ""
        values = {
            "principal": principal,
            "sector": sector or "",
            "start": _iso(segment.period.start),
            "end": _iso(segment.period.end),
            "name": name,
            "forms": "|".join(shown for _, shown in listed if shown != name),
        }
        self._add("names.tsv", Row(path, listed[0][0].line, values))
        for phrase, _ in listed:
            yield phrase, None

    def _meaning(self, phrase: str, shown: str, on: date) -> kb.Reference | None:
        """What the base makes of a phrase, in the dictionary's capitals or as displayed."""
        return self.base.lookup(_as_written(phrase), on) or self.base.lookup(shown, on)

    def _principal(self, prefix: str, record: _Record, on: date) -> str:
        """Our principal for a code's principal part: ours when we have that code, else the one the
        record's own phrases name in the base (the dictionary's code for a state we know), else
        the code itself as a new principal."""
        if prefix in self.base.entities:
            return prefix
        for phrase in record.phrases:
            found = self._meaning(phrase.text, _display(phrase.text), on)
            if found is not None and found.kind != "person":
                self.translated.setdefault(prefix, set()).add(found.principal)
                return found.principal
        return prefix

    def _declare(self, principal: str, prefix: str, record: _Record, path: Path) -> None:
        """A principal the base does not have becomes a row of principals.tsv, labelled with the
        first phrase given that code alone (else with the code)."""
        if principal in self.base.entities or principal in self.new_principals:
            return
        kind = INTERNATIONAL.get(prefix[:3]) or ("state" if prefix.isalpha() else "igo")
        row = Row(path, record.phrases[0].line, {"code": principal, "kind": kind, "name": self.labels.get(principal, principal)})
        self.new_principals[principal] = row
        self._add("principals.tsv", row)

    def _own_sector(self, principal: str, on: date) -> str | None:
        return self.base.sector_on(principal, on) if principal in self.base.entities else None

    def _sector_of(self, agents: tuple[str, ...]) -> str | None:
        """The sector of a code's agent blocks: the first that is one of the package's sectors, else the first."""
        return next((agent for agent in agents if agent in self.sectors), agents[0]) if agents else None

    def _declare_sector(self, path: Path, line: int, code: str, agents: tuple[str, ...], sector: str | None) -> None:
        """A sector the base does not have becomes a row of sectors.tsv; the agent blocks that
        were not kept are noted."""
        if sector is None:
            return
        if len(agents) > 1:
            self._note(path, line, code, f"one sector per actor here: kept {sector} of {', '.join(agents)}")
        if sector not in self.base.sector_codes and sector not in self.new_sectors:
            row = Row(path, line, {"code": sector, "meaning": f"imported from {path.name}: agent code {sector}"})
            self.new_sectors[sector] = row
            self._add("sectors.tsv", row)

    def _listed_before(self, form: str, principal: str, name: str, period: Period, line: int) -> int | None:
        periods = self.listed.setdefault((form, principal, name), [])
        for other, other_line in periods:
            if other.overlaps(period):
                return other_line
        periods.append((period, line))
        return None

    # --- agents ---------------------------------------------------------------------------------

    def read_agents(self, path: Path) -> None:
        markers: dict[str, list[str]] = {}
        for number, line in _lines(path):
            if "=" in line and _MARKER.search(line.partition("=")[0]):
                name = _MARKER.search(line.partition("=")[0]).group(1)
                markers[name.upper()] = [item.strip() for item in line.partition("=")[2].split(",") if item.strip()]
                continue
            self.read += 1
            phrase, _, rest = line.partition("[")
            if not rest:
                self._skip(path, number, line.strip(), "no code: an agent needs [~CODE] or [CODE~]")
                continue
            code = rest.partition("]")[0].replace(" ", "")
            agents = self._agent_blocks(path, number, code)
            if agents is None:
                continue
            words = self._agent_words(path, number, phrase.strip(), markers)
            if words is None:
                continue
            sector = self._sector_of(agents)
            if self._import_words(path, number, phrase.strip(), words, sector):
                self._declare_sector(path, number, code, agents, sector)

    def _agent_words(self, path: Path, number: int, phrase: str, markers: Mapping[str, list[str]]) -> list[str] | None:
        """The words an agent line stands for: its phrase and plural (regular unless given in
        {...}, none for {}), or each expansion of a substitution marker (no plurals)."""
        stem, brace, plural = phrase.partition("{")
        stem = stem.strip()
        found = _MARKER.search(stem)
        if found is not None:
            if found.group(1).upper() not in markers:
                self._skip(path, number, phrase, f"the substitution marker !{found.group(1)}! is not defined above it")
                return None
            return [stem[: found.start()] + item + stem[found.end() :] for item in markers[found.group(1).upper()]]
        if brace:
            given = plural.partition("}")[0].strip()
            return [stem, given] if given else [stem]
        if stem.endswith(("Y", "y")):
            return [stem, stem[:-1] + "IES"]
        if stem.endswith(("S", "s")):
            return [stem, stem + "ES"]
        return [stem, stem + "S"]

    def _agent_blocks(self, path: Path, number: int, code: str) -> tuple[str, ...] | None:
        """The three-letter blocks of an agent code, "~" marking where the actor's code goes."""
        agent = code.strip("~").upper()
        if "~" not in code or not agent:
            self._skip(path, number, code, "an agent code is written [~CODE] or [CODE~]")
            return None
        if not re.fullmatch(r"[A-Z]+", agent) or len(agent) % 3:
            self._skip(path, number, code, f"agent code {agent!r} is not made of three-letter blocks")
            return None
        return tuple(agent[index : index + 3] for index in range(0, len(agent), 3))

    def _import_words(self, path: Path, number: int, phrase: str, words: list[str], sector: str | None) -> bool:
        """Role rows for an agent's words; whether any was written."""
        by_reference: dict[str, list[str]] = {}
        reason = None
        for word in words:
            shown = " ".join(re.split(r"[\s_]+", word.strip())).casefold()
            before = self.base.role(shown)
            if before is not None and before.sector == sector:
                reason = f"already a role word with sector {sector}"
                continue
            if shown in self.words:
                reason = f"already imported from line {self.words[shown]}"
                continue
            self.words[shown] = number
            if before is not None:
                self.overrides.append(Override(shown, f"role {before.sector or 'without sector'}", f"role {sector}"))
            named = self.base.lookup(_as_written(word), self.on)
            if named is not None:
                # A role word of a later layer hides the names of the same form (kb.load).
                self.overrides.append(Override(shown, _describe(named.principal, named.sector), f"role {sector}"))
            by_reference.setdefault(before.refers_to if before is not None else "any", []).append(shown)
        if not by_reference:
            self._skip(path, number, phrase, reason or "no words")
            return False
        self.written += 1
        for refers_to, shown in by_reference.items():
            self._add("roles.tsv", Row(path, number, {"sector": sector or "", "refers_to": refers_to, "words": "|".join(shown)}))
        return True

    # --- the result -----------------------------------------------------------------------------

    def _add(self, file: str, row: Row) -> None:
        self.rows.setdefault(file, []).append(row)

    def _skip(self, path: Path, line: int, phrase: str, reason: str) -> None:
        self.skipped.append(Skipped(path, line, phrase, reason))

    def _note(self, path: Path, line: int, phrase: str, message: str) -> None:
        self.notes.append(Skipped(path, line, phrase, message))

    def result(self, actors: Path, agents: Path | None) -> Import:
        name = str(actors) if agents is None else f"{actors} and {agents}"
        states = {code for code, entity in self.base.entities.items() if entity.kind == "state"}
        states |= {code for code, row in self.new_principals.items() if row["kind"] == "state"}
        return Import(
            Layer(name, {file: tuple(rows) for file, rows in self.rows.items()}),
            self.read,
            self.written,
            tuple(self.skipped),
            tuple(self.notes),
            tuple(self.overrides),
            {code: frozenset(found) for code, found in self.translated.items()},
            frozenset(self.new_principals),
            frozenset(states),
            frozenset(self.sectors) | frozenset(self.new_sectors),
        )


def _probe(period: Period, on: date) -> date:
    """The day a stretch of time is compared on: ``on`` when it falls inside, else its last day."""
    if period.contains(on):
        return on
    if period.end is not None and on >= period.end:
        return date.fromordinal(period.end.toordinal() - 1)
    return period.start or on


def _span(period: Period) -> str:
    return f"from {_iso(period.start) or 'the start'} to {_iso(period.end) or 'now'}"


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _describe(principal: str, sector: str | None) -> str:
    return f"{principal} {sector}" if sector else principal
