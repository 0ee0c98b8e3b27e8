"""Fixtures for the importers: a fresh store, the shared sample files, and builders of our own rows."""

from __future__ import annotations

import functools
import hashlib
import threading
import zipfile
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from builders import gdelt2_row, gdelt_row

from detente.importers import FORMATS, ImportSummary, import_sources
from detente.store import Store

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store(tmp_path / "store.duckdb") as opened:
        yield opened


@pytest.fixture
def shared() -> Callable[..., Path]:
    """A path under ../shared/data, or a skip saying where it was looked for."""

    def find(*parts: str) -> Path:
        path = SHARED.joinpath("data", *parts)
        if not path.exists():
            pytest.skip(f"{path} is absent: clone the project beside ../shared to run this test")
        return path

    return find


@pytest.fixture
def run_import(store) -> Callable[..., list[ImportSummary]]:
    """Import paths in a format into the test store; the summaries, one per file."""

    def run(fmt: str, *paths: Path) -> list[ImportSummary]:
        importer = FORMATS[fmt]
        return list(import_sources(store, importer, importer.sources(list(paths))))

    return run


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves a folder without logging, and notes each path asked for."""

    served: list[str] = []

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        QuietHandler.served.append(self.path)
        super().do_GET()


def zipped(path: Path, member: str, lines: list[str]) -> bytes:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(member, "".join(line + "\n" for line in lines))
    return path.read_bytes()


@pytest.fixture
def mirror(tmp_path):
    """A folder laid out like data.gdeltproject.org, served on 127.0.0.1; its base URL."""
    root = tmp_path / "mirror"
    (root / "events").mkdir(parents=True)
    (root / "gdeltv2").mkdir()
    links = []
    for day, gid in (("20160727", 1), ("20160728", 2), ("20160729", 3)):
        data = zipped(root / "events" / f"{day}.export.CSV.zip", f"{day}.export.CSV", [gdelt_row(gid, day=day)])
        md5 = hashlib.md5(data).hexdigest()
        links.append(f'<LI><A HREF="{day}.export.CSV.zip">{day}.export.CSV.zip</A> {len(data)}B (MD5: {md5})')
    zipped(root / "events" / "2005.zip", "2005.csv", [gdelt_row(9, day="20050101", fields=57)])
    links.append('<LI><A HREF="2005.zip">2005.zip</A>')
    (root / "events" / "index.html").write_text("<HTML><UL>\n" + "\n".join(links) + "\n</UL></HTML>\n")
    name = "20160728150000.export.CSV"
    two = zipped(root / "gdeltv2" / f"{name}.zip", name, [gdelt2_row(7, day="20160728")])
    listing = [
        f"{len(two)} {hashlib.md5(two).hexdigest()} http://data.gdeltproject.org/gdeltv2/20160728150000.export.CSV.zip",
        "123 0123456789abcdef0123456789abcdef http://data.gdeltproject.org/gdeltv2/20160728150000.mentions.CSV.zip",
        "456 0123456789abcdef0123456789abcdef http://data.gdeltproject.org/gdeltv2/20160801000000.export.CSV.zip",
    ]
    (root / "gdeltv2" / "masterfilelist.txt").write_text("\n".join(listing) + "\n")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    QuietHandler.served = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def served(mirror) -> list[str]:
    """The paths the mirror has served so far."""
    return QuietHandler.served
