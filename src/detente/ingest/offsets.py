"""Building OffsetMaps while text is rewritten piece by piece, and chaining two rewrites.

Every stage of ingest rewrites text (markdown stripping, normalisation, line
cleaning); each records where its output came from so that evidence spans can
always be shown in the text the user gave us.
"""

from __future__ import annotations

from bisect import bisect_right

from detente.model import OffsetMap

IDENTITY = OffsetMap((0,), (0,))


class OffsetBuilder:
    """Accumulates output text and, run by run, the input offsets it came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._clean: list[int] = []
        self._original: list[int] = []
        self._length = 0

    def copy(self, text: str, origin: int) -> None:
        """Append ``text`` copied from the input at ``origin`` (both advance together)."""
        if not text:
            return
        _add_run(self._clean, self._original, self._length, origin)
        self._parts.append(text)
        self._length += len(text)

    def put(self, text: str, origin: int) -> None:
        """Append ``text`` that as a whole stands for the one input character at ``origin``."""
        for char in text:
            self.copy(char, origin)

    def build(self) -> tuple[str, OffsetMap]:
        if not self._clean:
            return "", IDENTITY
        return "".join(self._parts), OffsetMap(tuple(self._clean), tuple(self._original))


def _add_run(clean: list[int], original: list[int], at: int, origin: int) -> None:
    """Start a run at clean offset ``at`` unless it just continues the previous run."""
    if clean and original[-1] + (at - clean[-1]) == origin:
        return
    clean.append(at)
    original.append(origin)


def chain(outer: OffsetMap, length: int, inner: OffsetMap) -> OffsetMap:
    """Map C→A from ``outer`` (C→B, C has ``length`` characters) and ``inner`` (B→A)."""
    clean: list[int] = []
    original: list[int] = []
    starts = outer.clean_starts
    for k, begin in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else length
        if end <= begin:
            continue
        middle = outer.original_starts[k]
        stop = middle + (end - begin)
        j = max(bisect_right(inner.clean_starts, middle) - 1, 0)
        position = middle
        while position < stop:
            origin = inner.original_starts[j] + position - inner.clean_starts[j]
            _add_run(clean, original, begin + position - middle, origin)
            j += 1
            if j >= len(inner.clean_starts):
                break
            position = inner.clean_starts[j]
    if not clean:
        return IDENTITY
    return OffsetMap(tuple(clean), tuple(original))
