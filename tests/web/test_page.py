"""The page in a real browser: what a user does, and what the page then shows.

Each test saves a screenshot in its own output folder (pytest's tmp_path).
"""

from __future__ import annotations

from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kabul-embassy.txt"


def test_analyse_the_example_article_and_store_it(page, tmp_path):
    page.fill("textarea[name=text]", EXAMPLE.read_text(encoding="utf-8"))
    page.fill("input[name=date]", "2021-09-02")
    page.click("#analyse-form button[type=submit]")
    page.wait_for_selector("#event-table tbody tr")
    rows = page.locator("#event-table tbody tr")
    assert rows.count() >= 10
    assert "CHN" in page.inner_text("#event-table") and "TALIBAN" in page.inner_text("#event-table")
    assert "negated" in page.inner_text("#event-table"), "flags are shown plainly"
    assert page.locator("#article mark.evidence").count() >= 5
    underlined = page.locator("#article u.actor").first
    assert underlined.get_attribute("title"), "each actor shows its resolution on hover"
    page.click("#store-button")
    page.wait_for_selector("#stored-note:has-text('Stored')")
    page.screenshot(path=str(tmp_path / "analyse.png"), full_page=True)
    assert (tmp_path / "analyse.png").stat().st_size > 10_000


def test_an_error_is_shown_plainly(page, tmp_path):
    page.fill("textarea[name=text]", "Canada praised Mexico.")
    page.fill("input[name=title]", "x")
    page.evaluate("document.querySelector('input[name=date]').type = 'text'")
    page.fill("input[name=date]", "2023-02-30")
    page.click("#analyse-form button[type=submit]")
    page.wait_for_selector("#analyse-error:has-text('not a date')")
    page.screenshot(path=str(tmp_path / "error.png"))
