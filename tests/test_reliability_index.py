"""Reliability, bad index and model: a broken, stale or foreign index never serves and never shows a traceback.

Each fault is injected into a freshly built fake-encoder index. Then `Engine.load` raises a subclass of
IndexError_ whose message says `run clincalc-search build`; `clincalc-search ask` exits 2 with that message and
no traceback; the Streamlit app shows an error banner and raises nothing.

The second half checks that nothing reaches the network at run time: `ask` and the real embedding model are
run in subprocesses whose outbound sockets and name lookups are blocked (and recorded) by a sitecustomize.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from clincalc_search.cli import main
from clincalc_search.embedding import FakeEncoder
from clincalc_search.engine import Engine
from clincalc_search.index_store import (
    MANIFEST,
    IndexCorrupt,
    IndexError_,
    IndexMissing,
    IndexStale,
    Manifest,
    build_index,
    read_manifest,
)
from clincalc_search.settings import Settings, load_settings

from .conftest import ROOT
from .index_checks import answers, flip, vectors_of

APP = str(ROOT / "app.py")
RUN_BUILD = "run clincalc-search build"


@pytest.fixture
def built(corpus_copy: Path) -> tuple[Settings, Manifest]:
    s = load_settings()
    return s, build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)


def _manifest_json(s: Settings) -> dict:
    return json.loads((s.index_dir / MANIFEST).read_text())


def _set_manifest(s: Settings, **changes: object) -> None:
    data = _manifest_json(s)
    data.update(changes)
    (s.index_dir / MANIFEST).write_text(json.dumps(data))


def _flip(path: Path, start: int, stop: int) -> None:
    """Corrupt bytes in place: the file keeps its size, so only its content is wrong."""
    data = bytearray(path.read_bytes())
    for i in range(start % len(data), stop % len(data) or len(data)):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))


# -- the faults: each damages the index (or the world around it) and names the error it must cause ---

Fault = Callable[[Settings, Manifest, pytest.MonkeyPatch], type[IndexError_]]


def index_folder_deleted(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    shutil.rmtree(s.index_dir)
    return IndexMissing


def index_path_is_a_file(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    shutil.rmtree(s.index_dir)
    s.index_dir.write_text("not a folder")
    return IndexMissing


def manifest_deleted(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    (s.index_dir / MANIFEST).unlink()
    return IndexMissing


def manifest_empty(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    (s.index_dir / MANIFEST).write_bytes(b"")
    return IndexCorrupt


def manifest_truncated(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    path = s.index_dir / MANIFEST
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return IndexCorrupt


def manifest_binary_garbage(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    (s.index_dir / MANIFEST).write_bytes(bytes(range(256)))
    return IndexCorrupt


def manifest_nested_deeply(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    """Issue 15 #12: JSON nested deeper than the parser's recursion limit gave a RecursionError traceback."""
    (s.index_dir / MANIFEST).write_text("[" * 100_000 + "]" * 100_000)
    return IndexCorrupt


def manifest_missing_field(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    data = _manifest_json(s)
    del data["model_name"]
    (s.index_dir / MANIFEST).write_text(json.dumps(data))
    return IndexCorrupt


def manifest_newer_schema(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    _set_manifest(s, schema_version=m.schema_version + 1)
    return IndexStale


def manifest_older_schema(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    _set_manifest(s, schema_version=m.schema_version - 1)
    return IndexStale


def manifest_points_outside_index(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    _set_manifest(s, files={**m.files, "faiss": "../../../../../../etc/passwd"})
    return IndexCorrupt


def manifest_chunk_count_wrong(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    _set_manifest(s, chunk_count=m.chunk_count + 1)
    return IndexCorrupt


def manifest_vector_count_wrong(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    _set_manifest(s, vector_count=m.vector_count - 1)
    return IndexCorrupt


def manifest_dimension_wrong(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    _set_manifest(s, model_dim=m.model_dim * 2)
    return IndexCorrupt


def faiss_deleted(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    (s.index_dir / m.files["faiss"]).unlink()
    return IndexCorrupt


def faiss_truncated(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    path = s.index_dir / m.files["faiss"]
    path.write_bytes(path.read_bytes()[:100])
    return IndexCorrupt


def faiss_empty(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    (s.index_dir / m.files["faiss"]).write_bytes(b"")
    return IndexCorrupt


def faiss_header_corrupted(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    _flip(s.index_dir / m.files["faiss"], 0, 16)
    return IndexCorrupt


def faiss_replaced_by_another_file(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    path = s.index_dir / m.files["faiss"]
    size = path.stat().st_size
    path.write_bytes((b"not a faiss index\n" * (size // 18 + 1))[:size])
    return IndexCorrupt


def chunk_table_deleted(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    (s.index_dir / m.files["chunks"]).unlink()
    return IndexCorrupt


def chunk_table_line_dropped(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    path = s.index_dir / m.files["chunks"]
    path.write_text("".join(path.read_text().splitlines(keepends=True)[:-1]))
    return IndexCorrupt


def chunk_table_line_added(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    path = s.index_dir / m.files["chunks"]
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(lines + lines[-1:]))
    return IndexCorrupt


def chunk_table_not_json(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    path = s.index_dir / m.files["chunks"]
    text = path.read_text()
    path.write_text("X" + text[1:])  # same size, first record no longer JSON
    return IndexCorrupt


def chunk_table_from_another_corpus(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    """The chunk file of a build over a smaller corpus, copied over this build's chunk file."""
    other = s.index_dir.parent / "other-corpus"
    shutil.copytree(s.corpus_dir, other)
    (other / "monographs" / "alendronic-acid.md").unlink()
    other_manifest = build_index(other, s.index_dir.parent / "other-index", FakeEncoder(), progress=False)
    shutil.copy(s.index_dir.parent / "other-index" / other_manifest.files["chunks"], s.index_dir / m.files["chunks"])
    return IndexCorrupt


def owners_deleted(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    (s.index_dir / m.files["owners"]).unlink()
    return IndexCorrupt


def model_changed(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    mp.setattr(FakeEncoder, "identity", lambda self: "fake-v2")
    return IndexStale


def model_swapped_for_another(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    """Index built with the fake encoder, app configured for the real one (no weights are loaded)."""
    mp.setenv("CLINCALC_ENCODER", "minilm")
    return IndexStale


def corpus_edited_after_build(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    path = s.monographs_dir / "lithium.md"
    path.write_text(path.read_text().replace("narrow therapeutic range", "narrow therapeutic index"))
    return IndexStale


def monograph_added_after_build(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    shutil.copy(s.monographs_dir / "lithium.md", s.monographs_dir / "zz-new.md")
    return IndexStale


def monograph_removed_after_build(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    (s.monographs_dir / "alendronic-acid.md").unlink()
    return IndexStale


def classes_edited_after_build(s: Settings, m: Manifest, mp: pytest.MonkeyPatch) -> type[IndexError_]:
    path = s.classes_file
    path.write_text(path.read_text() + "\n")
    return IndexStale


FAULTS: list[Fault] = [
    index_folder_deleted, index_path_is_a_file, manifest_deleted, manifest_empty, manifest_truncated,
    manifest_binary_garbage, manifest_nested_deeply, manifest_missing_field, manifest_newer_schema,
    manifest_older_schema,
    manifest_points_outside_index, manifest_chunk_count_wrong, manifest_vector_count_wrong,
    manifest_dimension_wrong, faiss_deleted, faiss_truncated, faiss_empty, faiss_header_corrupted,
    faiss_replaced_by_another_file, chunk_table_deleted, chunk_table_line_dropped, chunk_table_line_added,
    chunk_table_not_json, chunk_table_from_another_corpus, owners_deleted, model_changed,
    model_swapped_for_another,
]
# The corpus changed after the build: the index is stale but intact, so the shells keep serving it (the
# monographs as indexed) with a warning, while a strict Engine.load still refuses.
CORPUS_CHANGES: list[Fault] = [
    corpus_edited_after_build, monograph_added_after_build, monograph_removed_after_build,
    classes_edited_after_build,
]


def _assert_refuses_to_serve(expected: type[IndexError_], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(IndexError_) as err:
        Engine.load(load_settings())
    assert isinstance(err.value, expected), f"{type(err.value).__name__}: {err.value}"
    assert RUN_BUILD in str(err.value)
    capsys.readouterr()
    assert main(["ask", "what should I monitor on besponsa?", "--json"]) == 2
    out, errors = capsys.readouterr()
    assert out == "" and errors.startswith("clincalc-search: ") and RUN_BUILD in errors
    assert "Traceback" not in errors
    return str(err.value)


@pytest.mark.parametrize("fault", FAULTS, ids=[f.__name__ for f in FAULTS])
def test_bad_index_refuses_with_what_to_run(fault: Fault, built: tuple[Settings, Manifest],
                                            monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    s, manifest = built
    expected = fault(s, manifest, monkeypatch)
    message = _assert_refuses_to_serve(expected, capsys)
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception, at.exception
    assert at.error, "no error banner"
    banner = str(at.error[0].value)
    assert RUN_BUILD in banner and message in banner


@pytest.mark.parametrize("fault", CORPUS_CHANGES, ids=[f.__name__ for f in CORPUS_CHANGES])
def test_corpus_changed_after_build_keeps_serving_with_a_warning(
        fault: Fault, built: tuple[Settings, Manifest], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    s, manifest = built
    assert fault(s, manifest, monkeypatch) is IndexStale
    with pytest.raises(IndexStale, match=RUN_BUILD):
        Engine.load(load_settings())
    capsys.readouterr()
    assert main(["ask", "what should I monitor on besponsa?", "--json"]) == 0
    out, errors = capsys.readouterr()
    assert json.loads(out)["hits"][0]["section"] == "monitoring"
    assert "warning: index is stale" in errors and RUN_BUILD in errors and "Traceback" not in errors
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception, at.exception
    assert not at.error and any(RUN_BUILD in str(w.value) for w in at.warning)
    at.chat_input(key="chat").set_value("what should I monitor on besponsa?").run()
    assert any("Monitoring" in str(m.value) for m in at.markdown)


def test_every_index_file_deleted_or_truncated(built: tuple[Settings, Manifest],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Whatever files the manifest lists (they change as the index grows), losing any one is detected."""
    s, manifest = built
    snapshot = s.index_dir.parent / "snapshot"
    shutil.copytree(s.index_dir, snapshot)
    damaged = 0
    for role, name in manifest.files.items():
        for how in ("deleted", "truncated"):
            shutil.rmtree(s.index_dir)
            shutil.copytree(snapshot, s.index_dir)
            path = s.index_dir / name
            target = max(path.rglob("*"), key=lambda p: p.stat().st_size) if path.is_dir() else path
            if how == "deleted":
                shutil.rmtree(path) if path.is_dir() else path.unlink()
            else:
                target.write_bytes(target.read_bytes()[: target.stat().st_size // 2])
            try:
                _assert_refuses_to_serve(IndexCorrupt, capsys)
            except AssertionError as exc:
                raise AssertionError(f"{role} file {how}: {exc}") from exc
            damaged += 1
    assert damaged == 2 * len(manifest.files) >= 8


def test_cli_exit_code_is_2_in_a_real_process(built: tuple[Settings, Manifest]) -> None:
    """The exit status and stderr of the real command line, for a missing, a corrupt and a stale index."""
    s, manifest = built
    env = {**os.environ}
    good = s.index_dir.parent / "good"
    shutil.copytree(s.index_dir, good)
    missing = s.index_dir.parent / "missing"
    corrupt = s.index_dir.parent / "corrupt"
    shutil.copytree(good, corrupt)
    _flip(corrupt / manifest.files["faiss"], 0, 16)
    stale = s.index_dir.parent / "stale"
    shutil.copytree(good, stale)
    data = json.loads((stale / MANIFEST).read_text())
    data["schema_version"] += 1
    (stale / MANIFEST).write_text(json.dumps(data))
    procs = [subprocess.Popen([sys.executable, "-m", "clincalc_search", "ask", "warfarin", *flags],
                              env={**env, "CLINCALC_INDEX_DIR": str(d)}, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
             for d, flags in [(missing, ["--json"]), (corrupt, []), (stale, ["--jsonl"])]]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 2, err
        assert out == "" and "Traceback" not in err and RUN_BUILD in err


def test_index_that_fails_to_load_is_not_cached_by_the_app(built: tuple[Settings, Manifest]) -> None:
    """After `clincalc-search build` repairs the index, the app serves again without a restart."""
    s, manifest = built
    (s.index_dir / manifest.files["faiss"]).unlink()
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert RUN_BUILD in str(at.error[0].value)
    build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception and not at.error
    at.chat_input(key="chat").set_value("what should I monitor on Besponsa?").run()
    assert not at.exception and not at.error
    assert any("Liver function tests" in str(m.value) for m in at.markdown)


def test_faiss_body_corrupted_same_size(built: tuple[Settings, Manifest]) -> None:
    s, manifest = built
    _flip(s.index_dir / manifest.files["faiss"], -400, -8)
    with pytest.raises(IndexCorrupt, match=RUN_BUILD):
        Engine.load(s)


def test_chunk_text_tampered_same_size(built: tuple[Settings, Manifest]) -> None:
    s, manifest = built
    path = s.index_dir / manifest.files["chunks"]
    path.write_text(path.read_text().replace("INR is checked", "INR is ignored", 1))
    try:
        engine = Engine.load(s)
    except IndexCorrupt:
        return
    hit = engine.ask("warfarin monitoring").hits[0]
    assert hit.text == engine.monographs["warfarin"].section("monitoring").text, hit.text


def test_manifest_unreadable(built: tuple[Settings, Manifest], capsys: pytest.CaptureFixture[str]) -> None:
    s, _ = built
    (s.index_dir / MANIFEST).unlink()
    (s.index_dir / MANIFEST).mkdir()
    _assert_refuses_to_serve(IndexCorrupt, capsys)


# -- no network at run time ------------------------------------------------------------------------

SITECUSTOMIZE = r'''
"""Test harness: block and record every outbound connection and name lookup (loopback and unix allowed)."""
import errno
import os
import socket

_LOG = os.environ["NETBLOCK_LOG"]
_LOCAL = {"127.0.0.1", "::1", "localhost", "0.0.0.0", "::", "ip6-localhost"}


def _record(what):
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(f"{os.getpid()} {what}\n")


def _local(family, address):
    if family == getattr(socket, "AF_UNIX", object()):
        return True
    host = address[0] if isinstance(address, tuple) and address else address
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    return isinstance(host, str) and (host in _LOCAL or host.startswith(("127.", "::ffff:127.")))


def _guard(name, real):
    def guarded(self, *args):
        address = args[-1]
        if not _local(self.family, address):
            _record(f"{name} {address!r}")
            raise OSError(errno.ENETUNREACH, f"network blocked by test: {name} {address!r}")
        return real(self, *args)
    return guarded


socket.socket.connect = _guard("connect", socket.socket.connect)
socket.socket.connect_ex = _guard("connect_ex", socket.socket.connect_ex)
socket.socket.sendto = _guard("sendto", socket.socket.sendto)
_getaddrinfo = socket.getaddrinfo


def getaddrinfo(host, *args, **kwargs):
    if host is not None and not _local(socket.AF_INET, (host,)):
        _record(f"getaddrinfo {host!r}")
        raise socket.gaierror(socket.EAI_NONAME, f"name lookup blocked by test: {host!r}")
    return _getaddrinfo(host, *args, **kwargs)


socket.getaddrinfo = getaddrinfo
open(_LOG + ".armed", "a").write(f"{os.getpid()}\n")
'''


def netblock_env(folder: Path, env: dict[str, str]) -> tuple[dict[str, str], Path]:
    """An environment whose Python processes cannot reach the network, and the file their attempts go to."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE)
    log = folder / "attempts.log"
    path = os.pathsep.join(p for p in [str(folder), env.get("PYTHONPATH", "")] if p)
    return {**env, "PYTHONPATH": path, "NETBLOCK_LOG": str(log)}, log


def attempts(log: Path) -> list[str]:
    return log.read_text().splitlines() if log.exists() else []


def test_network_block_harness_catches_connections(tmp_path: Path) -> None:
    """Proves the harness below is armed: an outbound connect and a DNS lookup are refused and recorded,
    while a loopback connection still works."""
    env, log = netblock_env(tmp_path / "net", dict(os.environ))
    code = (
        "import socket, urllib.request\n"
        "server = socket.create_server(('127.0.0.1', 0)); port = server.getsockname()[1]\n"
        "socket.create_connection(('127.0.0.1', port), timeout=2).close()\n"
        "for call in (lambda: socket.create_connection(('198.51.100.7', 443), timeout=2),\n"
        "             lambda: urllib.request.urlopen('https://huggingface.co', timeout=2)):\n"
        "    try:\n"
        "        call()\n"
        "    except OSError as exc:\n"
        "        print('blocked', type(exc).__name__)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("blocked") == 2
    assert Path(str(log) + ".armed").exists()
    found = attempts(log)
    assert any("198.51.100.7" in a for a in found) and any("huggingface.co" in a for a in found)


def test_ask_makes_no_network_calls(built: tuple[Settings, Manifest], tmp_path: Path) -> None:
    env, log = netblock_env(tmp_path / "net", dict(os.environ))
    cmd = [sys.executable, "-m", "clincalc_search", "ask"]
    one = subprocess.run([*cmd, "what should I monitor on besponsa?", "--json"], env=env, capture_output=True,
                         text=True, timeout=120)
    many = subprocess.run([*cmd, "--jsonl"], env=env, capture_output=True, text=True, timeout=120,
                          input="how does warfarin work\nhow much warfarin\ncapital of France\n")
    assert one.returncode == 0 and many.returncode == 0, one.stderr + many.stderr
    assert json.loads(one.stdout)["hits"][0]["section"] == "monitoring"
    assert len(many.stdout.splitlines()) == 3
    assert Path(str(log) + ".armed").exists()
    assert attempts(log) == []


def test_real_model_loads_and_encodes_offline(tmp_path: Path) -> None:
    """The real all-MiniLM-L6-v2 comes from its wheel: it loads and encodes with the network cut off."""
    env, log = netblock_env(tmp_path / "net", {**os.environ, "HF_HUB_OFFLINE": "1"})
    code = ("import numpy as np\n"
            "from clincalc_search.embedding import MiniLMEncoder\n"
            "v = MiniLMEncoder().encode(['what should I monitor on warfarin?', 'x'])\n"
            "print(v.shape, bool(np.isfinite(v).all()), round(float(np.linalg.norm(v[0])), 3))\n")
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300,
                          cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.split("\n")[-2] == "(2, 384) True 1.0"
    assert Path(str(log) + ".armed").exists()
    assert attempts(log) == []



# -- a rebuild repairs damage instead of carrying it forward -----------------------------------------


def test_rebuild_after_corrupted_vectors_re_embeds_them(built: tuple[Settings, Manifest], tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 15 #1: a damaged vectors file was reused as the embedding cache and vouched for by the new
    manifest. `ask` must refuse, then `build` must re-embed, and answers and evaluation scores must equal
    those of a clean build."""
    s, manifest = built
    clean = answers(s)
    clean_vectors = vectors_of(s.index_dir)
    assert clean["hybrid:scores"]["out"]["abstain_ok"] == 1.0  # type: ignore[index]
    path = s.index_dir / manifest.files["vectors"]
    size = path.stat().st_size
    flip(path, size // 4, size // 4 + min(256 * 1024, size // 2))  # the middle of the file
    _assert_refuses_to_serve(IndexCorrupt, capsys)
    assert main(["build", "--quiet"]) == 0
    rebuilt = read_manifest(s.index_dir)
    assert rebuilt.embedded > 0
    rebuilt_vectors = vectors_of(s.index_dir)
    assert np.isfinite(rebuilt_vectors).all()
    assert np.array_equal(rebuilt_vectors, clean_vectors)
    assert answers(s) == clean
