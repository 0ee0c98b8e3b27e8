"""Download GDELT event files from GDELT's public file lists.

GDELT 1.0 lists its files on ``events/index.html``: yearly backfiles (``1979.zip`` to
``2005.zip``), monthly ones (``200601.zip`` to ``201303.zip``) and daily exports
(``YYYYMMDD.export.CSV.zip`` from 2013-04-01). GDELT 2.0 lists every 15-minute export in
``gdeltv2/masterfilelist.txt`` as "size md5 url". A file is fetched when the days it covers
meet the range asked for, checked against the size and MD5 the list gives, and kept: a file
already in the folder with the right checksum is not fetched again. ``base_url`` points at
another server holding the same layout (a mirror, or a local folder served over HTTP).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import urllib.error
import urllib.request
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

GDELT1_BASE = "http://data.gdeltproject.org/events"
GDELT2_BASE = "http://data.gdeltproject.org/gdeltv2"
_TIMEOUT_SECONDS = 60
_CHUNK = 1 << 16

# GDELT 1.0's index: <A HREF="20130401.export.CSV.zip">...</A> ... (MD5: ...)
_LINK = re.compile(r'href="(?P<name>[^"/]+\.zip)"(?P<after>[^\n]*)', re.IGNORECASE)
_MD5 = re.compile(r"MD5:\s*(?P<md5>[0-9a-f]{32})", re.IGNORECASE)
_DAILY1 = re.compile(r"(\d{4})(\d{2})(\d{2})\.export\.CSV\.zip", re.IGNORECASE)
_MONTHLY1 = re.compile(r"(\d{4})(\d{2})\.zip")
_YEARLY1 = re.compile(r"(\d{4})\.zip")
_EXPORT2 = re.compile(r"(\d{4})(\d{2})(\d{2})\d{6}\.export\.CSV\.zip", re.IGNORECASE)


class FetchError(RuntimeError):
    """A file list or file that could not be fetched or failed its check; the message names the URL."""


@dataclass(frozen=True)
class RemoteFile:
    """A file on GDELT's server: its name, URL, and the size and MD5 the file list gives, if any."""

    name: str
    url: str
    size: int | None
    md5: str | None


def gdelt_files(start: date, end: date, *, version: int = 1, base_url: str | None = None) -> list[RemoteFile]:
    """The event files of GDELT ``version`` (1 or 2) that hold events of the days from ``start`` to ``end``."""
    if end < start:
        raise FetchError(f"--to {end} is before --from {start}: give the first day, then the last")
    if version == 1:
        return _gdelt1(start, end, (base_url or GDELT1_BASE).rstrip("/"))
    if version == 2:
        return _gdelt2(start, end, (base_url or GDELT2_BASE).rstrip("/"))
    raise FetchError(f"GDELT version {version}: use 1 or 2")


def download(remote: RemoteFile, folder: Path, *, on_progress: Callable[[float], None] | None = None) -> Path:
    """Fetch ``remote`` into ``folder`` (kept if already there and intact) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / remote.name
    if target.is_file() and _intact(target, remote):
        return target
    partial = target.with_name(target.name + ".part")
    digest = hashlib.md5(usedforsecurity=False)
    try:
        with urllib.request.urlopen(remote.url, timeout=_TIMEOUT_SECONDS) as response, partial.open("wb") as out:
            total = remote.size or int(response.headers.get("Content-Length") or 0)
            done = 0
            while chunk := response.read(_CHUNK):
                out.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                if on_progress and total:
                    on_progress(min(done / total, 1.0))
    except (urllib.error.URLError, OSError) as error:
        partial.unlink(missing_ok=True)
        raise FetchError(f"{remote.url}: could not download it ({_reason(error)}); try again later") from None
    if remote.size is not None and done != remote.size:
        partial.unlink()
        raise FetchError(f"{remote.url}: {done} bytes arrived where the file list says {remote.size}; try again")
    if remote.md5 is not None and digest.hexdigest() != remote.md5:
        partial.unlink()
        raise FetchError(f"{remote.url}: the MD5 does not match the file list's ({remote.md5}); try again")
    shutil.move(partial, target)
    return target


def _gdelt1(start: date, end: date, base: str) -> list[RemoteFile]:
    found = []
    for match in _LINK.finditer(_read_text(f"{base}/index.html")):
        name = match["name"]
        first_last = _covers1(name)
        if first_last is None or first_last[1] < start or first_last[0] > end:
            continue
        md5 = _MD5.search(match["after"])
        found.append(RemoteFile(name, f"{base}/{name}", None, md5["md5"].lower() if md5 else None))
    return sorted(set(found), key=lambda remote: remote.name)


def _covers1(name: str) -> tuple[date, date] | None:
    """The first and last day a GDELT 1.0 file holds events of, from its name."""
    if match := _DAILY1.fullmatch(name):
        day = _date(*match.groups())
        return (day, day) if day else None
    if match := _MONTHLY1.fullmatch(name):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            return None
        return date(year, month, 1), date(year, month, monthrange(year, month)[1])
    if match := _YEARLY1.fullmatch(name):
        year = int(match[1])
        return date(year, 1, 1), date(year, 12, 31)
    return None


def _gdelt2(start: date, end: date, base: str) -> list[RemoteFile]:
    found = []
    for line in _read_text(f"{base}/masterfilelist.txt").splitlines():
        parts = line.split()
        if len(parts) != 3:
            continue
        size, md5, url = parts
        name = url.rsplit("/", 1)[-1]
        match = _EXPORT2.fullmatch(name)
        day = _date(*match.groups()) if match else None
        if day is None or not start <= day <= end:
            continue
        found.append(RemoteFile(name, f"{base}/{name}", int(size) if size.isdigit() else None, md5.lower()))
    return found


def _read_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=_TIMEOUT_SECONDS) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError) as error:
        raise FetchError(
            f"{url}: could not read the file list ({_reason(error)}); check --base-url and the network"
        ) from None


def _intact(path: Path, remote: RemoteFile) -> bool:
    if remote.size is not None and path.stat().st_size != remote.size:
        return False
    if remote.md5 is None:
        return remote.size is not None
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "md5").hexdigest() == remote.md5


def _date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _reason(error: BaseException) -> str:
    return str(getattr(error, "reason", None) or error)
