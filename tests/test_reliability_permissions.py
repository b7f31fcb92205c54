"""Issue 15 #3: a monograph the server's user cannot read never takes answers down.

The tests run as root, which reads any file. So the CLI runs in a subprocess whose capabilities to bypass
file permissions are dropped (`setpriv`), against a corpus where one monograph has mode 000, or mode 600 and
another owner. A control first proves that the dropped process really cannot read the file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURE_CORPUS

DROP = ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
        "--inh-caps=-dac_override,-dac_read_search"]
TARGET = "warfarin.md"


def run(env: dict[str, str], *args: str, drop: bool = True) -> subprocess.CompletedProcess[str]:
    cmd = [*(DROP if drop else []), sys.executable, "-m", "clincalc_search", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, stdin=subprocess.DEVNULL)


def _lock(path: Path, how: str) -> None:
    if how == "mode-000":
        path.chmod(0)
    else:
        os.chown(path, 65534, 65534)  # nobody's file, readable by nobody else
        path.chmod(0o600)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus and its index, built once for the module (a build takes seconds; each test copies it)."""
    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is not installed: cannot drop root's file-access capabilities")
    root = tmp_path_factory.mktemp("permissions")
    shutil.copytree(FIXTURE_CORPUS, root / "corpus")
    proc = run(_env(root), "build", "--quiet", drop=False)
    assert proc.returncode == 0, proc.stderr
    return root


def _env(root: Path) -> dict[str, str]:
    return {**os.environ, "CLINCALC_CORPUS_DIR": str(root / "corpus"), "CLINCALC_INDEX_DIR": str(root / "index"),
            "CLINCALC_ENCODER": "fake"}


@pytest.fixture(params=["mode-000", "other-owner-600"])
def locked(request: pytest.FixtureRequest, built: Path, tmp_path: Path) -> dict[str, str]:
    """A built index over a corpus whose warfarin monograph has since become unreadable to the CLI."""
    for part in ("corpus", "index"):
        shutil.copytree(built / part, tmp_path / part)
    corpus, env = tmp_path / "corpus", _env(tmp_path)
    target = corpus / "monographs" / TARGET
    _lock(target, request.param)
    control = subprocess.run([*DROP, sys.executable, "-c", f"open({str(target)!r}, 'rb')"],
                             capture_output=True, text=True, timeout=60)
    if os.geteuid() != 0 or control.returncode == 0 or "PermissionError" not in control.stderr:
        pytest.skip(f"cannot make a file unreadable to the test's process here: {control.stderr[-200:]!r}")
    return env


def test_validate_names_the_unreadable_file(locked: dict[str, str]) -> None:
    proc = run(locked, "validate")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    problems = proc.stdout.splitlines()
    assert f"{TARGET}:1: file: cannot be read (Permission denied)" in problems
    assert len(problems) == 1, problems  # reported once, not again as a dangling link elsewhere


def test_build_is_refused_naming_the_file(locked: dict[str, str]) -> None:
    proc = run(locked, "build", "--quiet")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert f"{TARGET}:1: file: cannot be read" in proc.stderr
    assert "previous index (if any) is unchanged" in proc.stderr


def test_answers_continue_from_the_last_good_index(locked: dict[str, str]) -> None:
    proc = run(locked, "ask", "what should I monitor on warfarin?", "--json")
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    assert '"section":"monitoring"' in proc.stdout and '"drug":"warfarin"' in proc.stdout
    assert "warning: index is stale" in proc.stderr and f"cannot read {TARGET}" in proc.stderr


def test_freshness_check_reports_stale(locked: dict[str, str]) -> None:
    proc = subprocess.run([*DROP, sys.executable, "-m", "clincalc_search.freshness"], capture_output=True,
                          text=True, env=locked, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert f"cannot read {TARGET}" in proc.stderr


APP_SCRIPT = """
import sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=60).run()
assert not at.exception, at.exception
assert any("cannot read warfarin.md" in str(w.value) for w in at.warning), [str(w.value) for w in at.warning]
at.chat_input(key="chat").set_value("what should I monitor on warfarin?").run()
assert not at.exception, at.exception
assert any("INR" in str(m.value) for m in at.markdown)
print("app ok")
"""


def test_app_keeps_answering(locked: dict[str, str]) -> None:
    from .conftest import ROOT

    proc = subprocess.run([*DROP, sys.executable, "-c", APP_SCRIPT, str(ROOT / "app.py")], capture_output=True,
                          text=True, env=locked, timeout=300)
    assert proc.returncode == 0 and "app ok" in proc.stdout, proc.stderr[-3000:]
