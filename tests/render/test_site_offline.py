"""The built site opened from disk (``file://``, as from a release's site.zip) in headless
Chromium: the search box is there, typing an Indonesian word lists pages, and nothing is
fetched from the network (the Web Worker shim is shipped, not loaded from unpkg.com)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from pipeline.build import build

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
SHOTS = Path("/tmp/lkjip")


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--no-proxy-server", "--window-size=1280,1000",
                 f"--user-data-dir={tmp_path / 'chromium'}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def test_search_works_from_file_url_in_indonesian(tmp_path: Path, browser: WebDriver) -> None:
    root = tmp_path / "lkjip"
    for name in ("content", "data"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    build(root, pdf=False, environ={}, public=True)
    site = root / "site"
    index = json.loads((site / "search/search_index.json").read_text())
    # lunr has no Indonesian: Material indexes words as written, no English stemmer/stopwords.
    assert [p for p in index["config"]["pipeline"] if p.strip()] == []
    assert (site / "search/search_index.js").is_file()  # the offline plugin's inlined index
    html = (site / "index.html").read_text()
    assert "unpkg.com" not in html and "iframe-worker-shim.js" in html

    browser.get((site / "index.html").as_uri())
    box = WebDriverWait(browser, 20).until(  # hidden when search cannot start
        ec.element_to_be_clickable((By.CSS_SELECTOR, "input[data-md-component='search-query']")))
    box.click()
    box.send_keys("capaian")
    results = WebDriverWait(browser, 30).until(
        ec.presence_of_all_elements_located((By.CSS_SELECTOR, "li.md-search-result__item")))
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / "site-search-file.png"))
    assert len(results) >= 2
    meta = browser.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text
    assert "capaian" in meta.lower() or "dokumen" in meta.lower(), meta
    assert any("Akuntabilitas" in r.text for r in results), [r.text[:80] for r in results]
    errors = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not [e for e in errors if "search_index" in e or "Worker" in e], errors
