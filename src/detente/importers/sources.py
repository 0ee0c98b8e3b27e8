"""The files an import reads: paths, globs and folders expanded, zip members unpacked one at a time."""

from __future__ import annotations

import glob
import gzip
import hashlib
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

_GLOB = frozenset("*?[")
_CHUNK = 1 << 20


class SourceError(ValueError):
    """A path that names nothing to import; the message says what to pass instead."""


@dataclass(frozen=True)
class Source:
    """One file to import: a file on disk, or a member of a zip archive (``member`` set)."""

    path: Path
    member: str | None = None

    @property
    def label(self) -> str:
        """How quarantine rows and event origins name the file."""
        return f"{self.path}!{self.member}" if self.member else str(self.path)

    @contextmanager
    def opened(self) -> Iterator[Path]:
        """A plain or gzip file DuckDB can read: the file itself, or the zip member unpacked
        into a temporary folder that is removed afterwards."""
        if self.member is None:
            yield self.path
            return
        with tempfile.TemporaryDirectory(prefix="detente-import-") as folder:
            target = Path(folder) / Path(self.member).name
            with zipfile.ZipFile(self.path) as archive, archive.open(self.member) as member, target.open("wb") as out:
                shutil.copyfileobj(member, out, _CHUNK)
            yield target


def expand(paths: list[Path], suffixes: tuple[str, ...]) -> list[Source]:
    """The files named by ``paths`` (files, folders searched recursively, globs), zip archives
    opened to their members with one of ``suffixes``; in the order given, sorted within a folder."""
    found: list[Source] = []
    for given in paths:
        if given.is_dir():
            files = sorted(p for p in given.rglob("*") if p.is_file() and _wanted(p.name, suffixes))
            if not files:
                raise SourceError(f"{given}: no {', '.join(suffixes)} or .zip files in this folder")
        elif given.is_file():
            files = [given]
        elif _GLOB & set(str(given)):
            files = sorted(Path(p) for p in glob.glob(str(given), recursive=True) if Path(p).is_file())
            if not files:
                raise SourceError(f"{given}: the pattern matches no file")
        else:
            raise SourceError(f"{given}: no such file or folder")
        for path in files:
            found += _members(path, suffixes) if zipfile.is_zipfile(path) else [Source(path)]
    return found


def digest(path: Path) -> str:
    """The SHA-256 of a file's content: an import is known by what it read, not by its name."""
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def first_lines(path: Path, count: int) -> list[str]:
    """Up to ``count`` non-blank lines from the top of a plain or gzip file, undecodable bytes replaced."""
    opener = gzip.open if path.name.endswith(".gz") else open
    lines: list[str] = []
    with opener(path, "rt", encoding="utf-8", errors="replace", newline="") as handle:
        for line in handle:
            if line.strip():
                lines.append(line.rstrip("\r\n"))
            if len(lines) == count:
                break
    return lines


def _members(path: Path, suffixes: tuple[str, ...]) -> list[Source]:
    with zipfile.ZipFile(path) as archive:
        names = sorted(
            info.filename
            for info in archive.infolist()
            if not info.is_dir() and _wanted(info.filename, suffixes, zips=False)
        )
    if not names:
        raise SourceError(f"{path}: the archive holds no {', '.join(suffixes)} file")
    return [Source(path, name) for name in names]


def _wanted(name: str, suffixes: tuple[str, ...], *, zips: bool = True) -> bool:
    lowered = name.lower()
    return lowered.removesuffix(".gz").endswith(suffixes) or (zips and lowered.endswith(".zip"))
