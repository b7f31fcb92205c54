"""The app in a real headless Chromium: ask, open a monograph, open a class, and keep screenshots."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from clincalc_search.embedding import FakeEncoder
from clincalc_search.index_store import build_index

from .conftest import REAL_CORPUS, ROOT

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
if not (CHROMIUM and CHROMEDRIVER):
    pytest.skip("browser test skipped: Debian's chromium and chromium-driver are not installed "
                "(.ci/run installs them)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = os.environ.copy()
    if not env.get("CLINCALC_BROWSER_USE_ENV"):
        # The real corpus with the fake encoder: a real-looking app without a minute of embedding.
        index_dir = tmp_path_factory.mktemp("browser-index")
        build_index(REAL_CORPUS, index_dir, FakeEncoder(), progress=False)
        env.update(CLINCALC_CORPUS_DIR=str(REAL_CORPUS), CLINCALC_INDEX_DIR=str(index_dir), CLINCALC_ENCODER="fake")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("streamlit did not start within 60 s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--disable-quic", "--window-size=1280,1600"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = os.environ.get("CLINCALC_SCREENSHOT_DIR")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _wait_for_text(driver, text: str, timeout: float = 60) -> str:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    deadline = time.time() + timeout
    body = ""
    while time.time() < deadline:
        body = driver.find_element(By.TAG_NAME, "body").text
        if text in body:
            return body
        time.sleep(0.5)
    raise AssertionError(f"{text!r} not shown within {timeout} s; page shows: {body[:500]!r}")


def test_ask_a_question(server: str, browser, shots: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server)
    box = WebDriverWait(browser, 60).until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']")))
    time.sleep(0.5)  # the chat input re-renders once the engine has loaded
    box = browser.find_element(By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']")
    box.send_keys("what should I monitor on Besponsa?", Keys.ENTER)
    body = _wait_for_text(browser, "Inotuzumab ozogamicin (Besponsa) — Monitoring")
    assert "Liver function tests" in body and "Status: draft" in body
    assert "Confirm all doses against the product SmPC" in body
    time.sleep(1)
    # Streamlit scrolls its pane to the newest message: a taller window shows the question and first card.
    browser.set_window_size(1280, 1100)
    time.sleep(1)
    browser.execute_script("document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; });")
    time.sleep(0.5)
    browser.save_screenshot(str(shots / "answer.png"))
    browser.set_window_size(1280, 1600)


def test_dose_question_is_refused(server: str, browser, shots: Path) -> None:  # type: ignore[no-untyped-def]
    browser.get(f"{server}/?q=how+much+besponsa+for+cycle+1")
    body = _wait_for_text(browser, "Dose question — not answered")
    assert "inotuzumab ozogamicin (Besponsa)" in body and "local formulary" in body
    browser.save_screenshot(str(shots / "refusal.png"))


def test_monograph_page(server: str, browser, shots: Path) -> None:  # type: ignore[no-untyped-def]
    browser.get(f"{server}/?drug=Besponsa")
    body = _wait_for_text(browser, "Explore the class")  # the last element: the page has finished drawing
    for text in ("Anti-CD22 antibody-drug conjugate (Specialist drug)", "Brand names: Besponsa",
                 "Dosing is not published here", "Related", "gemtuzumab ozogamicin"):
        assert text in body, text
    time.sleep(1)
    browser.save_screenshot(str(shots / "monograph.png"))


def test_class_explorer(server: str, browser, shots: Path) -> None:  # type: ignore[no-untyped-def]
    browser.get(f"{server}/?class=Anticoagulants")
    body = _wait_for_text(browser, "Drug classes")
    assert "Apixaban" in body and "Warfarin" in body
    time.sleep(1)
    browser.save_screenshot(str(shots / "classes.png"))
    assert (shots / "classes.png").stat().st_size > 10_000


def test_phone_width(server: str, browser, shots: Path) -> None:  # type: ignore[no-untyped-def]
    browser.set_window_size(390, 844)
    try:
        browser.get(f"{server}/?drug=warfarin")
        body = _wait_for_text(browser, "Monitoring")
        assert "Warfarin" in body and "Dosing is not published here" in body
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 400  # no sideways scrolling on a phone
        browser.save_screenshot(str(shots / "phone.png"))
    finally:
        browser.set_window_size(1280, 1600)
