"""Markdown → plain text by deleting markup only, so offsets stay exact.

Articles saved as markdown carry heading marks, emphasis and link syntax that
would otherwise reach the parser. Every rewrite here is a deletion: the text
left over is a subsequence of the markdown, which keeps the OffsetMap honest.
"""

from __future__ import annotations

import re

from detente.model import OffsetMap
from detente.ingest.offsets import OffsetBuilder

# Each pattern's named groups "drop" (and "drop2") are deleted; the rest is kept.
_PATTERNS = (
    re.compile(r"^(?P<drop>[ \t]{0,3}(?:[-*_][ \t]*){3,})$", re.MULTILINE),  # horizontal rule
    re.compile(r"^(?P<drop>[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*)$", re.MULTILINE),  # link reference definition
    re.compile(r"^(?P<drop>[ \t]{0,3}(?:>[ \t]?)+)", re.MULTILINE),  # block quote marks
    re.compile(r"^(?P<drop>[ \t]{0,3}#{1,6}[ \t]+)[^\n]*?(?P<drop2>[ \t]+#+)?[ \t]*$", re.MULTILINE),  # heading
    re.compile(r"^(?P<drop>[ \t]{0,3}[-*+][ \t]+)(?=\S)", re.MULTILINE),  # list bullet
    re.compile(r"(?P<drop>!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\]))"),  # image
    re.compile(r"(?P<drop>\[)[^\]\n]+(?P<drop2>\](?:\([^)\n]*\)|\[[^\]\n]*\]))"),  # link
    re.compile(r"(?P<drop>\*\*|__|~~)(?=\S)[^\n]+?(?<=\S)(?P<drop2>(?P=drop))"),  # strong, strike
    re.compile(r"(?<![\w*])(?P<drop>\*)(?=[^\s*])[^\n*]+?(?<=[^\s*])(?P<drop2>\*)(?![\w*])"),  # *emphasis*
    re.compile(r"(?<![\w_])(?P<drop>_)(?=[^\s_])[^\n_]+?(?<=[^\s_])(?P<drop2>_)(?![\w_])"),  # _emphasis_
    re.compile(r"(?P<drop>`+)[^`\n]+(?P<drop2>(?P=drop))"),  # inline code
)


def strip_markdown(markdown: str) -> tuple[str, OffsetMap]:
    """The text of a markdown article and a map from its offsets into ``markdown``."""
    deletions = sorted(
        match.span(name)
        for pattern in _PATTERNS
        for match in pattern.finditer(markdown)
        for name in ("drop", "drop2")
        if name in pattern.groupindex and match.group(name)
    )
    builder = OffsetBuilder()
    done = 0
    for start, end in deletions:
        if start > done:
            builder.copy(markdown[done:start], done)
        done = max(done, end)
    builder.copy(markdown[done:], done)
    return builder.build()
