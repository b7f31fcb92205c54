"""The ONNX encoder gives sentence-transformers' vectors, and the query path never imports torch."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from clincalc_search.embedding import MiniLMEncoder
from clincalc_search.engine import Engine
from clincalc_search.index_store import IndexStale, load_index
from clincalc_search.onnx_encoder import OnnxEncoder
from tests.conftest import REAL_CORPUS, ROOT

pytestmark = pytest.mark.e2e


def _windows(n: int) -> list[str]:
    """Real build windows, spread over the whole corpus (long and short sections alike)."""
    from clincalc_search.chunking import chunk_monographs, windows
    from clincalc_search.corpus import load_corpus

    monographs, _ = load_corpus(REAL_CORPUS / "monographs")
    brands = {m.name: m.brands for m in monographs}
    texts = [t for c in chunk_monographs(monographs) for t in windows(c, brands[c.drug])]
    return texts[:: max(1, len(texts) // n)][:n]


def _questions(n: int) -> list[str]:
    rows = [json.loads(line) for line in (ROOT / "eval" / "queries.jsonl").read_text().splitlines() if line.strip()]
    return [str(r["question"]) for r in rows][:n]


def test_onnx_vectors_match_sentence_transformers(real_engine: Engine) -> None:
    onnx = real_engine.encoder
    assert isinstance(onnx, OnnxEncoder)
    texts = _windows(220) + _questions(200)
    texts += ["", "  warfarin  ", "x " * 600]  # empty, padded, and longer than max_seq_length (truncated)
    assert len(texts) >= 420
    reference = MiniLMEncoder().encode(texts)
    batched = onnx.encode(texts)
    cosines = (reference * batched).sum(axis=1)
    assert cosines.min() >= 0.9999, texts[int(np.argmin(cosines))]
    # One at a time (the query path) gives the same as in a padded batch (the build path).
    alone = np.stack([onnx.encode([t])[0] for t in texts[::20]])
    assert ((alone * batched[::20]).sum(axis=1)).min() >= 0.9999
    assert onnx.identity() == MiniLMEncoder().identity()  # one index serves both


def test_changed_or_missing_onnx_file_makes_the_index_stale(real_index: Path, tmp_path: Path) -> None:
    built_with = OnnxEncoder(ROOT / "models") if (ROOT / "models" / "model.onnx").exists() else None
    if built_with is None:  # pragma: no cover - the session index exports into the default model dir
        pytest.skip("no export in the default model dir")
    copy = tmp_path / "model"
    shutil.copytree(ROOT / "models", copy)
    shutil.copystat(ROOT / "models" / "model.onnx", copy / "model.onnx")
    load_index(real_index, REAL_CORPUS, OnnxEncoder(copy))  # an identical copy serves
    with open(copy / "model.onnx", "r+b") as fh:  # same size, one byte different
        fh.seek(-1, os.SEEK_END)
        last = fh.read(1)
        fh.seek(-1, os.SEEK_END)
        fh.write(bytes([last[0] ^ 1]))
    with pytest.raises(IndexStale, match="changed since the index was built"):
        load_index(real_index, REAL_CORPUS, OnnxEncoder(copy), allow_stale_corpus=True)
    (copy / "model.onnx").unlink()
    with pytest.raises(IndexStale, match="ONNX model missing"):
        load_index(real_index, REAL_CORPUS, OnnxEncoder(copy), allow_stale_corpus=True)


_HEAVY = 'sorted(m for m in sys.modules if m.split(".")[0] in ("torch", "sentence_transformers", "transformers"))'
_ASK = f"""
import io, json, sys
from contextlib import redirect_stdout
from clincalc_search.cli import main
out = io.StringIO()
with redirect_stdout(out):
    code = main(["ask", "what should I monitor on besponsa?", "--json"])
answer = json.loads(out.getvalue())
ok = code == 0 and answer["drug"] == "inotuzumab ozogamicin" and answer["hits"][0]["section"] == "monitoring"
# Nor, on an exact index, bm25s (and through it scipy) or FAISS: the cold start is what they cost.
slow = sorted(m for m in sys.modules if m.split(".")[0] in ("bm25s", "scipy", "faiss"))
print(json.dumps({{"ok": ok, "heavy": {_HEAVY} + slow}}))
"""
_APP = f"""
import json, sys
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({str(ROOT / "app.py")!r}, default_timeout=240)
at.run()
at.chat_input(key="chat").set_value("what should I monitor on besponsa?").run()
ok = not at.exception and any("Besponsa) — Monitoring" in str(m.value) for m in at.markdown)
print(json.dumps({{"ok": ok, "heavy": {_HEAVY}}}))
"""


@pytest.mark.parametrize("script", [_ASK, _APP], ids=["cli-ask", "app"])
def test_answering_imports_neither_torch_nor_sentence_transformers(real_env: Path, script: str) -> None:
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=os.environ.copy(),
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result == {"ok": True, "heavy": []}


def test_an_exit_waits_for_the_session_still_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    """The background load is joined at exit: finalising while ONNX Runtime builds its thread pool aborts."""
    import atexit
    import threading

    from clincalc_search import onnx_encoder
    from clincalc_search.settings import load_settings

    registered: list[tuple[object, tuple[object, ...]]] = []
    monkeypatch.setattr(atexit, "register", lambda fn, *args: registered.append((fn, args)))
    monkeypatch.setattr(onnx_encoder, "_LOADED", {})  # as in a fresh process: nothing loaded yet
    encoder = OnnxEncoder(load_settings().model_dir)
    encoder.preload()
    [(join, args)] = registered
    thread = getattr(join, "__self__", None)
    assert isinstance(thread, threading.Thread) and thread.name == "onnx-preload" and args
    join(*args)


@pytest.mark.parametrize("question", ["   ", "\u200b"])
def test_a_question_answered_without_encoding_exits_cleanly(real_env: Path, question: str) -> None:
    # Several runs: the abort this guards against came in about 2 runs of 5.
    for _ in range(4):
        proc = subprocess.run([sys.executable, "-m", "clincalc_search", "ask", question, "--json"],
                              capture_output=True, text=True, env=os.environ.copy(), timeout=120)
        assert proc.returncode == 0 and "terminate" not in proc.stderr, (proc.returncode, proc.stderr[-500:])
        assert json.loads(proc.stdout)["message"]
