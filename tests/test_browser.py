"""The app in a real headless Chromium: ask, open a monograph, open a class, keep screenshots, run axe-core
on every view, walk the keyboard-only path, and check that nothing a user types or a corpus file holds
becomes a live link, heading, icon or remote image."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def _streamlit(env: dict[str, str]) -> Iterator[str]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "serve.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):  # a loaded machine can take a minute or two
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("streamlit did not start within 120 s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = os.environ.copy()
    if not env.get("CLINCALC_BROWSER_USE_ENV"):
        # The real corpus with the fake encoder: a real-looking app without a minute of embedding.
        index_dir = tmp_path_factory.mktemp("browser-index")
        build_index(REAL_CORPUS, index_dir, FakeEncoder(), progress=False)
        env.update(CLINCALC_CORPUS_DIR=str(REAL_CORPUS), CLINCALC_INDEX_DIR=str(index_dir), CLINCALC_ENCODER="fake")
    with _streamlit(env) as url:
        yield url


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


def _wait_for_text(driver, text: str, timeout: float = 90) -> str:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    deadline = time.time() + timeout
    body = ""
    while time.time() < deadline:
        body = driver.find_element(By.TAG_NAME, "body").text
        if text in body:
            return body
        time.sleep(0.5)
    raise AssertionError(f"{text!r} not shown within {timeout} s; page shows: {body[:500]!r}")


def _top_screenshot(browser, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Streamlit scrolls its pane to the newest message: a taller window, scrolled to the top, shows the
    question and the first card."""
    browser.set_window_size(1280, 1100)
    time.sleep(1)
    browser.execute_script("document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; });")
    time.sleep(0.5)
    browser.save_screenshot(str(path))
    browser.set_window_size(1280, 1600)


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
    _top_screenshot(browser, shots / "answer.png")


def test_answer_lines_are_highlighted(server: str, browser, shots: Path) -> None:  # type: ignore[no-untyped-def]
    """The line that answers is marked in the real page, and the marked text is the monograph's own words."""
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/?q=warning+signs+of+VOD+on+Besponsa")
    _settle(browser, "Inotuzumab ozogamicin (Besponsa)")
    marked = [e for e in browser.find_elements(By.CSS_SELECTOR, "[data-testid='stMarkdownContainer'] span")
              if "255, 229, 143" in (e.value_of_css_property("background-color") or "")]
    assert marked, "no highlighted line on the answer"
    assert any("yellowing of the skin or eyes" in e.text for e in marked), [e.text for e in marked]
    _top_screenshot(browser, shots / "highlighted.png")


def test_dose_question_is_refused(server: str, browser, shots: Path) -> None:  # type: ignore[no-untyped-def]
    browser.get(f"{server}/?q=how+much+besponsa+for+cycle+1")
    body = _settle(browser, "Confirm the dose of inotuzumab ozogamicin (Besponsa)")
    assert "Dose question — not answered" in body and "local formulary" in body
    assert body.count("Confirm the dose of inotuzumab ozogamicin") == 1  # once, not a box and a copy
    # The copy control is the code block's own button: the text lives in the page once.
    from selenium.webdriver.common.by import By

    panel = browser.find_element(By.CSS_SELECTOR, "[class*='st-key-refusal-']")
    assert panel.find_elements(By.CSS_SELECTOR, "[data-testid='stCode']")
    browser.save_screenshot(str(shots / "refusal.png"))


def test_monograph_page(server: str, browser, shots: Path) -> None:  # type: ignore[no-untyped-def]
    browser.get(f"{server}/?drug=Besponsa")
    body = _settle(browser, "Explore the class")
    for text in ("Anti-CD22 antibody-drug conjugate (Specialist drug)", "Brand names: Besponsa",
                 "Dosing is not published here", "Related", "gemtuzumab ozogamicin"):
        assert text in body, text
    time.sleep(1)
    browser.save_screenshot(str(shots / "monograph.png"))


def test_class_explorer(server: str, browser, shots: Path) -> None:  # type: ignore[no-untyped-def]
    browser.get(f"{server}/?class=Anticoagulants")
    # The heading, then the members one by one, reach the page on a loaded machine: wait for the last member listed
    # (waiting for the first, Apixaban, once left Warfarin not yet shown).
    body = _wait_for_text(browser, "Warfarin")
    assert "Drug classes" in body and "Apixaban" in body
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


# -- accessibility: axe-core on every view (issue 14) -----------------------------------------------

AXE_JS = ROOT / ".ci" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
_RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations', 'incomplete']}).then(r => done({
  version: axe.version,
  violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: String(n.target), summary: n.failureSummary}))})),
  incomplete: r.incomplete.map(v => ({id: v.id, impact: v.impact, count: v.nodes.length,
    nodes: v.nodes.slice(0, 3).map(n => [n.target.join(' '), (n.any[0] || {}).message])})),
  passes: r.passes.map(v => v.id),
}), e => done({error: String(e)}));
"""


def _overlapped(result: dict) -> bool:
    undecided = [i for i in result["incomplete"] if i["id"] == "color-contrast"]
    return bool(undecided) and all("overlapped" in (message or "") for i in undecided for _, message in i["nodes"])


def _axe(driver, shots: Path, view: str) -> dict:  # type: ignore[no-untyped-def]
    """Run axe-core on the page as shown; keep the result next to the screenshots; fail on serious or
    critical violations."""
    if not AXE_JS.is_file():
        reason = f"axe-core is not installed at {AXE_JS}: run `npm ci --prefix .ci` (.ci/run does)"
        if os.environ.get("CLINCALC_REQUIRE_AXE"):
            pytest.fail(reason)
        pytest.skip(reason)
    driver.set_script_timeout(120)
    driver.execute_script(AXE_JS.read_text(encoding="utf-8"))
    result = driver.execute_async_script(_RUN_AXE)
    assert "error" not in result, result
    if _overlapped(result):
        # Text that a control still covered while the page settled (seen once in CI, on a busy machine, beside the
        # chat input fixed at the foot of the page): read the page once more from the top before judging it.
        driver.execute_script("window.scrollTo(0, 0)")
        time.sleep(2)
        result = driver.execute_async_script(_RUN_AXE)
        assert "error" not in result, result
    (shots / f"axe-{view}.json").write_text(json.dumps(result, indent=1))
    blocking = [v for v in result["violations"] if v["impact"] in BLOCKING]
    assert blocking == [], f"{view}: axe {result['version']} found\n" + json.dumps(blocking, indent=1)
    # Colour contrast must really have been checked, not skipped for want of text on the page, and axe
    # must have been able to decide every text on it (text under an overlapping control is "incomplete").
    assert "color-contrast" in result["passes"], result["passes"]
    undecided = [i for i in result["incomplete"] if i["id"] == "color-contrast"]
    assert undecided == [], f"{view}: contrast axe could not decide: {undecided}"
    return result


def _settle(driver, text: str) -> str:  # type: ignore[no-untyped-def]
    body = _wait_for_text(driver, text)
    time.sleep(2)  # Streamlit renders in steps: let the last element arrive before checking the page
    return body


AXE_VIEWS = {
    "answer": ("/?q=what+should+I+monitor+on+besponsa", "Inotuzumab ozogamicin (Besponsa) — Monitoring"),
    "refusal": ("/?q=how+much+besponsa+for+cycle+1", "Dose question — not answered"),
    "drug": ("/?drug=Besponsa", "Evidence & guidelines"),
    "classes": ("/?class=Anticoagulants", "Apixaban"),
}


@pytest.mark.parametrize("view", list(AXE_VIEWS))
def test_axe_finds_no_serious_violations(server: str, browser, shots: Path, view: str) -> None:  # type: ignore[no-untyped-def]
    path, marker = AXE_VIEWS[view]
    browser.get(server + path)
    _settle(browser, marker)
    _axe(browser, shots, view)


def _click(driver, element) -> None:  # type: ignore[no-untyped-def]
    driver.execute_script("arguments[0].click()", element)


def test_axe_educator_mode(server: str, browser, shots: Path) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    browser.get(server)
    _settle(browser, "Educator mode")
    _click(browser, browser.find_element(By.CSS_SELECTOR, "input[aria-label='Educator mode']"))
    _settle(browser, "Example questions")
    example = browser.find_element(By.XPATH, "//button[contains(., 'Section answer')]")
    _click(browser, example)
    _settle(browser, "How this answer was found")
    for summary in browser.find_elements(By.TAG_NAME, "summary"):  # open every expander: check what it shows
        _click(browser, summary)
    time.sleep(1)
    # Educator mode's larger type really applies (a room projector is the point of the mode).
    size = browser.execute_script(
        "return parseFloat(getComputedStyle(document.querySelector('.stMarkdown li')).fontSize)")
    assert size >= 19.5, size
    browser.save_screenshot(str(shots / "educator.png"))
    _axe(browser, shots, "educator")


def test_keyboard_only_path(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    """Tab to the chat input, type and ask, Tab to "Open full monograph", press Enter: the Drug page."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    def press(*keys: str) -> None:
        ActionChains(browser).send_keys(*keys).perform()

    def focused() -> tuple[str, str, str]:
        el = browser.switch_to.active_element
        return el.tag_name, el.get_attribute("data-testid") or "", el.text

    browser.get(server)
    _settle(browser, "Ask about a drug")
    for _ in range(40):
        press(Keys.TAB)
        if focused()[1] == "stChatInputTextArea":
            break
    else:
        pytest.fail("Tab never reached the chat input")
    press("what should I monitor on Besponsa?", Keys.ENTER)
    _settle(browser, "Inotuzumab ozogamicin (Besponsa) — Monitoring")
    trail = []
    for _ in range(60):
        press(Keys.TAB)
        tag, _testid, text = focused()
        trail.append(f"{tag}:{text[:30]}")
        if tag == "button" and text == "Open full monograph":
            break
    else:
        pytest.fail("Tab never reached 'Open full monograph': " + " > ".join(trail))
    ring = browser.execute_script("const s = getComputedStyle(document.activeElement);"
                                  "return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]")
    assert ring[0] == "solid" and ring[1] >= 2 and ring[2] == "rgb(31, 78, 156)", ring  # focus is visible
    press(Keys.ENTER)
    body = _settle(browser, "Evidence & guidelines")
    assert "Brand names: Besponsa" in body
    assert "drug=" in browser.current_url


def test_refusal_copy_control_is_reachable_by_keyboard(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    """The refusal's only copy control is its code block's button: Streamlit hides it until hovered, which
    would leave keyboard users without it."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(f"{server}/?q=how+much+besponsa+for+cycle+1")
    _settle(browser, "Confirm the dose of inotuzumab ozogamicin")
    for _ in range(30):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        el = browser.switch_to.active_element
        if el.get_attribute("aria-label") == "Copy to clipboard":
            break
    else:
        pytest.fail("Tab never reached the refusal's copy button")
    inside = browser.execute_script("return !!arguments[0].closest(\"[class*='st-key-refusal-']\")", el)
    assert inside and el.is_displayed()


# -- nothing typed or written in the corpus becomes live content (issue 15 item 7) ----------------

LIVE_URL = "http://2130706433:8999/login"


def _assert_inert(driver, typed: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    # The page's own anchors (skip link, heading links) carry the page URL, query included: only a link
    # to another host, or one whose text is the user's, would be planted.
    here = urllib.parse.urlsplit(driver.current_url).netloc
    links = [(a.get_attribute("href") or "", a.text) for a in driver.find_elements(By.TAG_NAME, "a")]
    planted = [(h, t) for h, t in links
               if urllib.parse.urlsplit(h).netloc not in ("", here) or "2130706433" in t or "example.org" in t]
    assert planted == [], planted
    headings = [h.text.strip() for h in driver.find_elements(By.CSS_SELECTOR, "h1, h2, h3, h4, h5, h6")]
    assert "warfarin" not in headings, headings  # `warfarin\n===` would be a setext heading
    icons = [i.text for i in driver.find_elements(By.CSS_SELECTOR, "[data-testid='stIconMaterial']")]
    assert "warning" not in icons, icons  # `:material/warning:` would be an icon (avatars are ours)
    shown = [t.text for t in driver.find_elements(By.CSS_SELECTOR, "[data-testid='stText']")]
    last_word = typed.split()[-1]
    assert any(last_word in t for t in shown), (typed, shown)  # shown, as the characters typed


INERT_URLS = [
    {"q": f"warfarin monitoring, guidance at {LIVE_URL}"},
    {"q": "warfarin\n==="},
    {"q": "warfarin :material/warning: www.example.org"},
    {"drug": f"guidance at {LIVE_URL}"},
    {"class": f"guidance at {LIVE_URL}"},
]


@pytest.mark.parametrize("params", INERT_URLS, ids=lambda p: next(iter(p)) + ":" + next(iter(p.values()))[:24])
def test_url_text_is_inert(server: str, browser, params: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    typed = next(iter(params.values()))
    browser.get(server + "/?" + urllib.parse.urlencode(params))
    _settle(browser, typed.split()[-1])
    _assert_inert(browser, typed)


def test_chat_and_find_a_drug_text_is_inert(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    typed = f"warfarin monitoring, guidance at {LIVE_URL}"
    browser.get(server)
    _settle(browser, "Ask about a drug")
    browser.find_element(By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']").send_keys(typed, Keys.ENTER)
    _settle(browser, "guidance at")
    _assert_inert(browser, typed)

    name = f"zz guidance at {LIVE_URL}"
    box = browser.find_element(By.CSS_SELECTOR, "input[aria-label^='Find a drug']")
    _click(browser, box)
    box.send_keys(name)
    time.sleep(1)
    box.send_keys(Keys.ENTER)
    _settle(browser, "is not a drug in the corpus")
    _assert_inert(browser, name)


# -- a Markdown image in the corpus is never fetched (issue 15 items 6 and 7) ----------------------

class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the http.server hook name)
        type(self).hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def leaky_corpus_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, list[str]]]:
    """The real corpus with `![x](…)` in warfarin's monograph and the Anticoagulants description, pointing at
    a loopback server that records every request. Validation now rejects images, so it is bypassed for
    this build: the display must be safe on its own."""
    import clincalc_search.index_store as index_store

    _Recorder.hits = []
    trap = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=trap.serve_forever, daemon=True).start()
    trap_url = f"http://127.0.0.1:{trap.server_address[1]}"
    corpus = tmp_path_factory.mktemp("leaky") / "corpus"
    shutil.copytree(REAL_CORPUS, corpus)
    warfarin = corpus / "monographs" / "warfarin.md"
    text = warfarin.read_text(encoding="utf-8")
    heading = "\n## Counselling the patient"
    text = text.replace(heading, f"\n![x]({trap_url}/leak-monograph.png)\n{heading}")
    warfarin.write_text(text, encoding="utf-8")
    classes = corpus / "classes.yaml"
    yaml_text = classes.read_text(encoding="utf-8")
    marker = "description: Anticoagulants reduce clot formation"
    assert marker in yaml_text
    classes.write_text(yaml_text.replace(marker, f"description: Anticoagulants ![x]({trap_url}/leak-class.png) reduce "
                                                 "clot formation"), encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("leaky-index")
    with pytest.MonkeyPatch.context() as mp:
        validate = index_store.validate_corpus
        mp.setattr(index_store, "validate_corpus", lambda folder: (validate(folder)[0], []))
        build_index(corpus, index_dir, FakeEncoder(), progress=False)
    env = os.environ.copy()
    env.update(CLINCALC_CORPUS_DIR=str(corpus), CLINCALC_INDEX_DIR=str(index_dir), CLINCALC_ENCODER="fake")
    try:
        with _streamlit(env) as url:
            yield url, trap_url, _Recorder.hits
    finally:
        trap.shutdown()


def test_corpus_images_are_not_fetched(leaky_corpus_server, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    url, trap_url, hits = leaky_corpus_server
    urllib.request.urlopen(f"{trap_url}/self-check", timeout=5)  # the trap does record what it is sent
    assert hits == ["/self-check"]
    hits.clear()
    for path, marker in (("/?drug=warfarin", "Evidence & guidelines"), ("/?class=Anticoagulants", "Apixaban"),
                         ("/?q=which+drugs+are+anticoagulants", "Apixaban"), ("/?q=warfarin+monitoring", "INR")):
        browser.get(url + path)
        _settle(browser, marker)
        sources = [i.get_attribute("src") or "" for i in browser.find_elements(By.TAG_NAME, "img")]
        assert not [s for s in sources if s.startswith("http") and not s.startswith(url)], (path, sources)
        assert "leak-" in browser.find_element(By.TAG_NAME, "body").text, path  # shown as characters
    time.sleep(1)
    assert hits == [], f"the page fetched corpus image URLs: {hits}"
