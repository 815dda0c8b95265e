"""The review page in headless Chromium (Debian's chromium + chromedriver, driven by Selenium):
a paraf given by clicking, seen by ``lkjip verify`` and stock ``git verify-commit``; a return
with a note closes the round. Screenshots go to /tmp/lkjip/review-*.png for a human to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from review_helpers import RETURN_NOTE, ReportOffice, two_rounds
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait
from server_helpers import review_server

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SHOTS = Path("/tmp/lkjip")

pytestmark = pytest.mark.slow


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--no-proxy-server", "--window-size=1280,1800",
                 f"--user-data-dir={tmp_path / 'chromium'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _shot(driver: WebDriver, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"review-{name}.png"))


def _decide(driver: WebDriver, button: str, note_field: str, note: str) -> str:
    driver.find_element(By.ID, note_field).send_keys(note)
    driver.find_element(By.ID, button).click()
    flash = WebDriverWait(driver, 60).until(ec.presence_of_element_located((By.ID, "hasil")))
    return flash.text


def test_paraf_by_click_then_return_with_note_closes_the_round(
        report_office: ReportOffice, browser: WebDriver) -> None:
    office = report_office.office
    a = office.actors
    two_rounds(report_office)  # 2025/1 returned; 2025/2 with a changed realisasi and paragraph
    before = office.head()

    with review_server(report_office.path, a["kasubbag"].key) as server:
        browser.get(server.url)
        assert "Putaran 2025/2: sedang dikoreksi" in browser.find_element(By.ID, "status").text
        _shot(browser, "1-halaman")
        redline = browser.find_element(By.ID, "redline")
        assert "Perubahan terhadap review/2025/1" in redline.text
        frame = redline.find_element(By.TAG_NAME, "iframe")  # sandboxed: the draft's own page
        browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", frame)
        browser.switch_to.frame(frame)
        cell = browser.find_element(By.CSS_SELECTOR, "td.rl-cell")
        assert cell.text.replace("\n", " ") == "3,18 Level → 3,05 Level"
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", cell)
        browser.switch_to.default_content()
        _shot(browser, "2-redline")
        browser.execute_script("window.scrollTo(0, 0)")
        flash = _decide(browser, "paraf", "catatan-paraf", "Sudah sesuai.")
        _shot(browser, "3-paraf")
    assert "Paraf Kepala Sub Bagian Perencanaan tercatat" in flash, flash

    head = office.head()
    assert str(office.repo.get(head).parent_ids[0]) == before  # one new commit on the round
    git = office.git_verify(head)
    assert git.returncode == 0 and 'Good "git" signature' in git.stderr, git.stderr
    verify = office.lkjip("verify")
    assert a["kasubbag"].nip in verify.out
    assert a["kasubbag"].public_key.fingerprint in verify.out

    with review_server(report_office.path, a["sekretaris"].key) as server:
        browser.get(server.url)
        flash = _decide(browser, "kembalikan", "catatan-kembalikan", RETURN_NOTE)
        _shot(browser, "4-kembalikan")
        assert "dikembalikan" in browser.find_element(By.ID, "status").text
        assert not browser.find_elements(By.ID, "paraf")
    assert "Putaran 2025/2 dikembalikan" in flash, flash
    returned = office.lkjip("verify")
    assert returned.rc == 1 and "dikembalikan" in returned.out
    message = office.repo.get(office.head()).message
    assert RETURN_NOTE in message and "Lkjip-Action: return" in message
    assert office.git_verify(office.head()).returncode == 0


HOSTILE_DRAFT = (
    "\n\n<style>#paraf::after { content: 'Kembalikan' } #paraf { font-size: 0 }\n"
    ".rv-actions { flex-direction: row-reverse } #pemeriksaan, #rantai { display: none }"
    "</style>\n\n"
    "<script>document.title = 'PWNED'; parent.document.title = 'PWNED'</script>\n\n"
    "<img src=x onerror=\"document.title='PWNED'\">\n\n"
    "Kalimat sisipan yang sah.\n"
)


def test_a_hostile_draft_cannot_restyle_or_relabel_the_decision(
        report_office: ReportOffice, browser: WebDriver) -> None:
    office = report_office.office
    a = office.actors
    office.ok("submit", as_="staf")
    office.ok("return", "--note", RETURN_NOTE, as_="kasubbag")
    office.git("switch", "-q", "draft/lkjip")
    with (report_office.path / "content" / "bab-1-pendahuluan.md").open("a") as out:
        out.write(HOSTILE_DRAFT)
    office.git("commit", "-qam", "perbaikan")
    office.ok("submit", as_="staf")
    with review_server(report_office.path, a["kasubbag"].key) as server:
        browser.get(server.url)
        paraf = browser.find_element(By.ID, "paraf")
        back = browser.find_element(By.ID, "kembalikan")
        assert paraf.text == "Paraf" and back.text == "Kembalikan"
        assert paraf.is_displayed() and back.is_displayed()
        assert paraf.location["x"] < back.location["x"]  # Paraf first, as always
        assert browser.find_element(By.ID, "pemeriksaan").is_displayed()
        assert browser.find_element(By.ID, "rantai").is_displayed()
        browser.find_element(By.CSS_SELECTOR, "#draf summary").click()
        frame = browser.find_element(By.CSS_SELECTOR, "#draf iframe")
        assert frame.get_attribute("sandbox") == ""  # no scripts, no same-origin
        browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", frame)
        _shot(browser, "5-draf-jahat")
        assert browser.title != "PWNED"
        browser.switch_to.frame(frame)
        assert "Kalimat sisipan yang sah." in browser.execute_script(
            "return document.body.textContent")
        assert not browser.find_elements(By.TAG_NAME, "script")
        assert not browser.find_elements(By.TAG_NAME, "style")[1:]  # only the page's own
        browser.switch_to.default_content()


def test_no_script_from_content_runs_on_any_page_of_the_built_site(
        tmp_path: Path, browser: WebDriver) -> None:
    import shutil
    import subprocess
    import sys

    from review_helpers import PROJECT, REPORT_FILES

    root = tmp_path / "proyek"
    root.mkdir()
    for name in REPORT_FILES:
        source = PROJECT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    for page in (root / "content").glob("*.md"):
        with page.open("a", encoding="utf-8") as out:
            out.write(HOSTILE_DRAFT)
    built = subprocess.run([sys.executable, "-m", "pipeline", "build", "--no-pdf"], cwd=root,
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    pages = sorted((root / "site").rglob("*.html"))
    assert len(pages) >= 9
    for page in pages:
        browser.get(page.as_uri())
        assert browser.title != "PWNED", page
        assert browser.execute_script("return document.querySelectorAll('#paraf').length") == 0
    browser.get((root / "site" / "bab-1-pendahuluan.html").as_uri())
    _shot(browser, "6-situs-jahat")
    assert "Kalimat sisipan yang sah." in browser.find_element(By.TAG_NAME, "article").text
