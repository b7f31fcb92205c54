from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clincalc_search.cli import main


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "clincalc_search", *args], input=stdin, capture_output=True,
                          text=True, env=os.environ.copy(), timeout=120)


def test_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    assert "ok: 4 monographs valid" in capsys.readouterr().out


def test_validate_broken_monograph_exits_non_zero(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = corpus_copy / "monographs" / "lithium.md"
    path.write_text(path.read_text().replace("kicker: Mood stabiliser", "kicker: Mood stabiliser\nfoo: bar"))
    assert main(["validate"]) == 1
    assert "lithium.md:7: foo: unknown key" in capsys.readouterr().out


def test_build_refuses_broken_corpus_and_old_index_keeps_serving(corpus_copy: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--quiet"]) == 0
    path = corpus_copy / "monographs" / "lithium.md"
    original = path.read_text()
    path.write_text(original.replace("## Monitoring", "## Monitorin"))
    assert main(["build", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "lithium.md:" in err and "previous index (if any) is unchanged" in err
    path.write_text(original)  # the old index matches the restored corpus and still answers
    assert main(["ask", "lithium monitoring", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["hits"][0]["section"] == "monitoring"


def test_stale_index_keeps_answering_with_a_warning(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--quiet"]) == 0
    capsys.readouterr()
    path = corpus_copy / "monographs" / "lithium.md"
    path.write_text(path.read_text() + "\n")
    assert main(["ask", "lithium monitoring", "--json"]) == 0
    out, err = capsys.readouterr()
    assert "index is stale: run clincalc-search build (monographs changed: lithium.md)" in err
    assert json.loads(out)["hits"][0]["section"] == "monitoring"


def test_broken_monograph_old_index_keeps_serving(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The foundation's promise: validate names file, line and field; build refuses; answers continue."""
    assert main(["build", "--quiet"]) == 0
    path = corpus_copy / "monographs" / "warfarin.md"
    path.write_text(path.read_text().replace("kicker: Vitamin K", "strength: 5 mg\nkicker: Vitamin K"))
    capsys.readouterr()
    assert main(["validate"]) == 1
    assert "warfarin.md:6: strength: unknown key" in capsys.readouterr().out
    assert main(["build", "--quiet"]) == 1
    capsys.readouterr()
    assert main(["ask", "what should I monitor on warfarin?", "--json"]) == 0
    out, err = capsys.readouterr()
    answer = json.loads(out)
    assert answer["hits"][0]["drug"] == "warfarin" and answer["hits"][0]["section"] == "monitoring"
    assert "index is stale" in err


def test_model_change_stops_answers(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from clincalc_search.embedding import FakeEncoder

    assert main(["build", "--quiet"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(FakeEncoder, "identity", lambda self: "fake-v2")
    assert main(["ask", "lithium"]) == 2
    assert "index is stale: run clincalc-search build (model changed" in capsys.readouterr().err


def test_ask_jsonl_contract_in_order() -> None:
    assert run_cli("build", "--quiet").returncode == 0
    questions = ["what should I monitor on besponsa?", "how much warfarin", "capital of France",
                 "", "lithium vs warfarin monitoring"]
    proc = run_cli("ask", "--jsonl", stdin="\n".join(questions) + "\n")
    assert proc.returncode == 0, proc.stderr
    answers = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [a["question"] for a in answers] == questions
    for a in answers:
        assert set(a) == {"question", "refused", "message", "drug", "hits", "why"}
        for h in a["hits"]:
            assert set(h) == {"drug", "section", "title", "text", "references", "score", "status", "highlights"}
    assert answers[0]["drug"] == "inotuzumab ozogamicin" and answers[0]["hits"][0]["section"] == "monitoring"
    assert answers[1]["refused"] and answers[1]["hits"] == [] and "SmPC" in answers[1]["message"]
    assert answers[2]["hits"] == [] and not answers[2]["refused"]
    assert [h["drug"] for h in answers[4]["hits"][:2]] == ["lithium", "warfarin"]


def test_ask_human_output_and_top_k(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--quiet"]) == 0
    assert main(["ask", "warfarin monitoring", "--top-k", "1"]) == 0
    out = capsys.readouterr().out
    assert "Warfarin (Coumadin, Jantoven) — Monitoring" in out
    assert "Status: draft\n" in out and "SmPC" in out
    assert out.count("==") == 2  # one section only


def test_follow_up_drug_flag(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["ask", "and the monitoring?", "--drug", "lithium", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["hits"][0]["drug"] == "lithium"


def test_help_does_not_import_torch() -> None:
    code = ("import sys\nfrom clincalc_search.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n"
            "    pass\nprint('torch' in sys.modules, 'faiss' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.strip().endswith("False False")


def test_validate_does_not_import_torch() -> None:
    code = ("import sys\nfrom clincalc_search.cli import main\nmain(['validate'])\n"
            "print('torch' in sys.modules, 'faiss' in sys.modules, 'sentence_transformers' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env=os.environ.copy()).stdout
    assert out.strip().endswith("False False False")


# -- loose numbers and unexpected errors (issue 15 #11 and "no traceback") ---------------------------------


@pytest.mark.parametrize(("value", "why"), [
    ("-1", "must be from 1 to 50, not -1"), ("0", "must be from 1 to 50, not 0"),
    ("51", "must be from 1 to 50, not 51"), ("abc", "'abc' is not a whole number"),
])
def test_top_k_out_of_range_is_a_usage_error(value: str, why: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["ask", "warfarin monitoring", "--top-k", value])
    assert exit_.value.code == 2
    assert f"argument --top-k: {why}" in capsys.readouterr().err


def test_top_k_limits_class_answers(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A class question lists every member by default, and no more than --top-k when it is given."""
    from .conftest import REAL_CORPUS

    monkeypatch.setenv("CLINCALC_CORPUS_DIR", str(REAL_CORPUS))
    assert main(["build", "--quiet"]) == 0
    capsys.readouterr()
    counts = {}
    for flags in ([], ["--top-k", "2"], ["--top-k", "50"]):
        assert main(["ask", "monitoring for statins", "--json", *flags]) == 0
        hits = json.loads(capsys.readouterr().out)["hits"]
        assert {h["section"] for h in hits} == {"monitoring"}
        counts[" ".join(flags)] = len(hits)
    assert counts == {"": 5, "--top-k 2": 2, "--top-k 50": 5}


@pytest.mark.parametrize(("variable", "value", "why"), [
    ("CLINCALC_TOP_K", "abc", "unable to parse string as an integer"),
    ("CLINCALC_TOP_K", "-1", "greater than or equal to 1"),
    ("CLINCALC_MAX_QUESTION_CHARS", "-1", "greater than or equal to 1"),
    ("CLINCALC_ENCODER", "gpt", "'minilm' or 'fake'"),
])
@pytest.mark.parametrize("command", [["ask", "warfarin"], ["validate"], ["build", "--quiet"]])
def test_bad_setting_is_one_clear_line(variable: str, value: str, why: str, command: list[str]) -> None:
    proc = subprocess.run([sys.executable, "-m", "clincalc_search", *command], capture_output=True, text=True,
                          env={**os.environ, variable: value}, timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"clincalc-search: error: {variable}='{value}' is not valid: ")
    assert why in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr


@pytest.mark.parametrize(("command", "target"), [
    (["ask", "warfarin", "--json"], "clincalc_search.engine.Engine.ask"),
    (["ask", "--jsonl"], "clincalc_search.engine.Engine.ask"),
    (["validate"], "clincalc_search.validation.validate_corpus"),
    (["build", "--quiet"], "clincalc_search.index_store.build_index"),
    (["eval"], "clincalc_search.evaluation.run_retrieval"),
])
def test_unexpected_error_is_one_line_without_traceback(command: list[str], target: str,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--quiet"]) == 0
    capsys.readouterr()

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something broke\n  at line two")

    monkeypatch.setattr(target, boom)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"warfarin\n")))
    assert main(command) == 2
    err = capsys.readouterr().err
    assert err == "clincalc-search: error: RuntimeError: something broke at line two\n"


def test_keyboard_interrupt_exits_quietly(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("clincalc_search.validation.validate_corpus", interrupted)
    try:
        code = main(["validate"])
    except KeyboardInterrupt:  # escaping here would stop the whole test session
        pytest.fail("KeyboardInterrupt escaped cli.main")
    assert code == 130
    assert capsys.readouterr().err == ""


def test_eval_dose_rules_only_needs_no_index(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rows = [{"id": "a", "question": "how much warfarin", "dose": True, "category": "amount"},
            {"id": "b", "question": "warfarin monitoring", "dose": False, "category": "monitoring"}]
    path = tmp_path / "set.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["eval", "--dose", "--rules-only", "--file", str(path)]) == 0
    out = capsys.readouterr().out
    assert "(rules alone)" in out and "recall 1.000 (1/1)" in out and "false-refusal rate 0.000 (0/1)" in out
