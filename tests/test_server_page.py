"""The proofreading page in a real browser: headless Chromium (Debian's ``chromium``) driven by
Playwright. Paste the seed, see its six findings underlined at the right words, apply the "yeae"
suggestion, read the corrected text back."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from server_support import SEED, SEED_FLAGS, ServerThread

from copylint.app.server.settings import ServerSettings

CHROMIUM = os.environ.get("COPYLINT_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: set to a folder to keep screenshots of the page (for looking at it while changing it)
SCREENSHOTS = os.environ.get("COPYLINT_SCREENSHOTS")

if not os.path.exists(CHROMIUM):
    pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install -y chromium (.ci/run does)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs playwright (the test extra)")


@pytest.fixture(scope="module")
def server() -> Iterator[ServerThread]:
    with ServerThread() as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:  # launch() starts it on a fresh temporary profile
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture()
def page(browser: object, server: ServerThread) -> Iterator[object]:
    """A fresh browser context (no storage from another test) with the page loaded."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"],  # type: ignore[attr-defined]
                                  viewport={"width": 1400, "height": 1000})
    try:
        tab = context.new_page()
        tab.set_default_timeout(30_000)
        tab.goto(server.url + "/")
        tab.wait_for_selector("#house-style option[value='bbc']", state="attached")
        yield tab
    finally:
        context.close()


def screenshot(page: object, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / name))  # type: ignore[attr-defined]


def paste(page: object, text: str) -> None:
    page.evaluate("text => navigator.clipboard.writeText(text)", text)  # type: ignore[attr-defined]
    page.focus("#copy")  # type: ignore[attr-defined]
    page.keyboard.press("Control+V")  # type: ignore[attr-defined]


def marks(page: object) -> list[dict]:
    return page.eval_on_selector_all(  # type: ignore[attr-defined]
        "#backdrop mark.finding", "els => els.map(e => ({index: Number(e.dataset.index), text: e.textContent}))")


def click_mark(page: object, mark: object) -> None:
    """Click the middle of a mark's first line (the textarea above it takes the click)."""
    mark.scroll_into_view_if_needed()  # type: ignore[attr-defined]
    rect = mark.evaluate("m => { const r = m.getClientRects()[0]; return [r.left, r.top, r.width, r.height]; }")  # type: ignore[attr-defined]
    page.mouse.click(rect[0] + min(rect[2] / 2, 20), rect[1] + rect[3] / 2)  # type: ignore[attr-defined]


def wait_for_marks(page: object, count: int, seconds: float = 30) -> None:
    """Wait until the page has checked its copy and underlines ``count`` findings. (Polled from here:
    Playwright's wait_for_function evaluates strings, which the page's content security policy
    forbids, and the tests keep that policy on.)"""
    deadline = time.monotonic() + seconds
    while True:
        state = page.evaluate("""() => [
            new Set([...document.querySelectorAll('#backdrop mark.finding')].map(m => m.dataset.index)).size,
            document.querySelector('#status').textContent]""")  # type: ignore[attr-defined]
        if state[0] == count and not state[1].startswith("Checking"):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"the page shows {state[0]} findings, not {count} ({state[1]!r})")
        time.sleep(0.05)


def test_pasted_seed_is_underlined_at_the_right_words_and_a_suggestion_fixes_it(page: object,
                                                                                 server: ServerThread) -> None:
    paste(page, SEED)
    wait_for_marks(page, 6)
    screenshot(page, "page-seed.png")
    found = marks(page)
    assert [m["text"] for m in found] == list(SEED_FLAGS)
    assert page.input_value("#copy") == SEED  # type: ignore[attr-defined]
    counts = page.eval_on_selector_all(  # type: ignore[attr-defined]
        "#counts .count", "els => els.map(e => [e.dataset.family, e.querySelector('b').textContent])")
    assert dict(counts) == {"spelling": "2", "names": "1", "boilerplate": "3"}  # no grammar on this server

    # each underline lies under its word: a click at the middle of the mark puts the textarea's own
    # caret inside the finding's span
    findings = requests.post(server.url + "/api/v1/check", json={"text": SEED}, timeout=30).json()["findings"]
    for mark in page.query_selector_all("#backdrop mark.finding"):  # type: ignore[attr-defined]
        finding = findings[int(mark.get_attribute("data-index"))]
        click_mark(page, mark)
        caret = page.evaluate("document.querySelector('#copy').selectionStart")  # type: ignore[attr-defined]
        assert finding["start_utf16"] <= caret <= finding["end_utf16"], finding["text"]
        page.keyboard.press("Escape")  # type: ignore[attr-defined]

    # click "yeae": the popover shows the message and the suggestions; one click applies "year"
    click_mark(page, page.query_selector('#backdrop mark.finding:text-is("yeae")'))  # type: ignore[attr-defined]
    popover = page.wait_for_selector("#popover:not([hidden])")  # type: ignore[attr-defined]
    assert "“yeae” looks misspelt" in popover.inner_text()
    screenshot(page, "page-popover.png")
    page.click("#popover button.suggestion[data-value='year']")  # type: ignore[attr-defined]
    corrected = page.input_value("#copy")  # type: ignore[attr-defined]
    assert corrected == SEED.replace("end of last yeae under", "end of last year under")
    wait_for_marks(page, 5)
    assert "yeae" not in [m["text"] for m in marks(page)]

    # the edit was the editor's own: Ctrl+Z brings the text back
    page.focus("#copy")  # type: ignore[attr-defined]
    page.keyboard.press("Control+Z")  # type: ignore[attr-defined]
    assert page.input_value("#copy") == SEED  # type: ignore[attr-defined]


def test_apply_all_safe_fixes_and_the_house_style_switch(page: object) -> None:
    paste(page, SEED)
    wait_for_marks(page, 6)
    assert page.inner_text("#fix-all") == "Apply all safe fixes (3)"  # type: ignore[attr-defined]
    page.click("#fix-all")  # type: ignore[attr-defined]
    wait_for_marks(page, 3)
    text = page.input_value("#copy")  # type: ignore[attr-defined]
    assert "Share." not in text and "Exit mobile version" not in text and "we’ll be bringing" not in text
    assert [m["text"] for m in marks(page)] == ["Kim Jong-un", "yeae", "Ukranian"]
    assert page.is_disabled("#fix-all")  # type: ignore[attr-defined]

    page.fill("#copy", "Troops left Kiev on Monday.")  # type: ignore[attr-defined]
    wait_for_marks(page, 0)
    page.select_option("#house-style", "bbc")  # type: ignore[attr-defined]
    wait_for_marks(page, 1)
    assert [m["text"] for m in marks(page)] == ["Kiev"]
    # hovering (no click) shows the message and the suggestion too
    rect = page.eval_on_selector("#backdrop mark.finding", "m => { const r = m.getBoundingClientRect();"  # type: ignore[attr-defined]
                                 " return [r.left + r.width / 2, r.top + r.height / 2]; }")
    page.mouse.move(rect[0], rect[1])  # type: ignore[attr-defined]
    popover = page.wait_for_selector("#popover:not([hidden])")  # type: ignore[attr-defined]
    assert "house style (bbc) writes “Kyiv”" in popover.inner_text()
    screenshot(page, "page-house-style.png")
    page.click("#popover button.suggestion[data-value='Kyiv']")  # type: ignore[attr-defined]
    assert page.input_value("#copy") == "Troops left Kyiv on Monday."  # type: ignore[attr-defined]
    wait_for_marks(page, 0)


def test_a_file_opens_with_its_format(page: object, tmp_path: Path) -> None:
    source = Path(__file__).resolve().parent.parent / "seeds" / "kursk-north-korea.md"
    page.set_input_files("#file", str(source))  # type: ignore[attr-defined]
    wait_for_marks(page, 6)
    assert page.input_value("#format") == "markdown"  # type: ignore[attr-defined]
    assert page.input_value("#copy") == source.read_text(encoding="utf-8")  # type: ignore[attr-defined]


def test_the_page_asks_for_the_key_when_the_server_needs_one(browser: object, tmp_path: Path) -> None:
    keys = tmp_path / "keys.txt"
    keys.write_text("desk-key\n", encoding="utf-8")
    with ServerThread(ServerSettings(isolated=True, api_key_file=str(keys))) as keyed:
        context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])  # type: ignore[attr-defined]
        try:
            tab = context.new_page()
            tab.goto(keyed.url + "/")
            tab.wait_for_selector("#key-bar:not([hidden])")
            assert "API key" in tab.inner_text("#status")
            tab.fill("#key", "desk-key")
            tab.click("#key-bar button")
            tab.wait_for_selector("#house-style option[value='bbc']", state="attached")
            assert tab.is_hidden("#key-bar")
            paste(tab, "At the end of last yeae.")
            wait_for_marks(tab, 1)
            assert [m["text"] for m in marks(tab)] == ["yeae"]
        finally:
            context.close()
