"""A real server on 127.0.0.1 over a temporary database, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Flags this machine's closed network needs, as the environment's notes say.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Short articles of our own, so that the dyad, network and ask views have history to show.
HISTORY = [
    ("2021-03-02", "China's foreign minister met Taliban representatives in Beijing on Monday."),
    ("2021-05-11", "China praised the Taliban for their pledge of security. Pakistan welcomed the talks."),
    ("2021-07-29", "The Taliban promised China that they would not harbour militants. China hosted a Taliban delegation."),
    ("2021-08-20", "The United States condemned the Taliban. The Taliban accused the United States of war crimes."),
    ("2021-09-01", "China criticized the United States over its withdrawal. Pakistan met Chinese envoys."),
    ("2021-09-15", "The United States imposed sanctions on the Taliban. China cooperated with Pakistan."),
    ("2021-09-20", "The Taliban threatened the United States. Pakistan praised China for its support."),
    ("2021-09-27", "The United States accused the Taliban of abuses. Chinese officials visited Pakistan."),
]


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> tuple[str, Path]:
    """`detente serve` in its own process over a database holding HISTORY; its base URL and database."""
    folder = tmp_path_factory.mktemp("served")
    db = folder / "page.duckdb"
    articles = folder / "history.jsonl"
    articles.write_text("".join(json.dumps({"text": text, "date": day}) + "\n" for day, text in HISTORY), encoding="utf-8")
    command = str(Path(sys.executable).parent / "detente")
    subprocess.run([command, "analyze", str(articles), "--db", str(db), "--format", "jsonl"], check=True, capture_output=True)
    port = _free_port()
    process = subprocess.Popen(
        [command, "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"detente serve did not start: {process.stderr.read().decode()}")
            time.sleep(0.2)
    yield base, db
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(server[0] + "/")
    yield page
    context.close()
