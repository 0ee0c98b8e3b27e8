"""What the tab-separated formats with a header row share: finding columns by name, reading fields."""

from __future__ import annotations

from detente.importers.engine import ImportFailed, Session
from detente.importers.sources import first_lines


def header_positions(session: Session, wanted: dict[str, tuple[str, ...]], layout: str) -> tuple[dict[str, int], int]:
    """The 1-based position of each wanted column (any of its names may head it), and how many
    columns the header has. A missing column fails the file: it is not the layout we read."""
    lines = first_lines(session.path, 1)
    header = [name.strip().strip('"') for name in lines[0].split("\t")] if lines else []
    positions: dict[str, int] = {}
    for key, names in wanted.items():
        found = next((header.index(name) + 1 for name in names if name in header), None)
        if found is None:
            raise ImportFailed(
                f"{session.source.label}, line 1: no {names[0]!r} column in the header; "
                f"is this {layout}? Its header names {', '.join(repr(n) for n in header[:6]) or 'nothing'}"
                + (", ..." if len(header) > 6 else "")
            )
        positions[key] = found
    return positions, len(header)


def split_lines(session: Session) -> str:
    """SQL for the data lines (after the header) as ``line``, ``text`` and ``f``, the list of fields."""
    return (
        f"(SELECT line, text, string_split(text, chr(9)) AS f FROM {session.lines()} "
        "WHERE line > 1 AND text IS NOT NULL)"
    )


def field(position: int, missing: tuple[str, ...]) -> str:
    """SQL for field ``position`` of ``f``, trimmed, NULL when empty or a missing-value marker."""
    value = f"trim(f[{position}])"
    markers = ", ".join(f"'{marker}'" for marker in ("", *missing))
    return f"CASE WHEN {value} IN ({markers}) THEN NULL ELSE {value} END"


def quoted(expression: str) -> str:
    """SQL quoting a value inside a reason: 'value'."""
    return f"'''' || coalesce({expression}, '') || ''''"
