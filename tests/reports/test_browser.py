"""The HTML report as a reader sees it, in headless Chromium (Playwright driving the system browser).

Marked ``browser``: it runs where Chromium is installed (``.ci/run`` installs Debian's
package) and skips elsewhere; Playwright never downloads a browser of its own here.
"""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ARTICLES, FIXTURES, RULES, run_cli

pytestmark = pytest.mark.browser

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _chromium() -> str | None:
    explicit = os.environ.get("COPYDESK_CHROMIUM")
    if explicit:
        return explicit
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("in")
    for source in (FIXTURES / "html" / "injection_en.txt", ARTICLES / "sahil_ar.txt"):
        shutil.copy(source, folder / source.name)
    out = tmp_path_factory.mktemp("report")
    run_cli("check", folder, "--rules", RULES, "--out", out)
    return out


def test_a_reader_reaches_each_file_page_and_sees_removed_lines_marked(browser: Any, report: Path) -> None:
    page = browser.new_page()
    page.goto((report / "index.html").as_uri())
    assert "2 files" in page.inner_text("#counts")
    page.click("text=injection_en.txt")
    page.wait_for_load_state()
    assert page.url.endswith("/files/injection_en.txt.html")
    removed = page.locator(".line.removed .text").first
    assert "line-through" in removed.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "boilerplate" in page.locator(".line.removed .why").first.inner_text()
    kept = page.locator('.line[data-label="body"] .text').first
    assert "line-through" not in kept.evaluate("e => getComputedStyle(e).textDecorationLine")
    page.close()


def test_injected_markup_shows_as_text_and_runs_nothing(browser: Any, report: Path, tmp_path: Path) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto((report / "files" / "injection_en.txt.html").as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__copydesk_pwned") == "undefined"
    assert page.locator("script").count() == 0 and page.locator("#lines img").count() == 0
    assert "<script>window.__copydesk_pwned = 1</script>" in page.inner_text("#lines")
    assert dialogs == []
    shot = tmp_path / "injection_en.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    keep = os.environ.get("COPYDESK_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / shot.name)
    page.close()


def test_arabic_reads_right_to_left(browser: Any, report: Path) -> None:
    page = browser.new_page()
    page.goto((report / "files" / "sahil_ar.txt.html").as_uri())
    assert page.locator("#lines").evaluate("e => getComputedStyle(e).direction") == "rtl"
    body_line = page.locator('.line[data-label="body"] .text').first
    assert body_line.evaluate("e => getComputedStyle(e).direction") == "rtl"
    english = browser.new_page()
    english.goto((report / "files" / "injection_en.txt.html").as_uri())
    assert english.locator("#lines").evaluate("e => getComputedStyle(e).direction") == "ltr"
    page.close()
    english.close()
