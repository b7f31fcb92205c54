"""The encode-only child that `bench --startup` times beside `ask --jsonl`: it must speak the CLI's line protocol
(one JSON line per question, the question echoed as sent), or the harness would time something else."""

from __future__ import annotations

import json

import pytest


class _Counting:
    """Stands in for the ONNX encoder: counts what it is asked to encode."""

    def __init__(self, *_: object) -> None:
        self.seen: list[str] = []

    def encode(self, texts: list[str]) -> None:
        self.seen += texts


def test_the_child_echoes_each_question_in_order_after_encoding_it(monkeypatch: pytest.MonkeyPatch,
                                                                  capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    from bench import encode_child

    encoder = _Counting()
    monkeypatch.setattr(encode_child, "OnnxEncoder", lambda _: encoder)
    lines = ["what is warfarin", "  café  ", "zweite\rFrage"]
    stdin = type("In", (), {"buffer": [f"{q}\n".encode() for q in lines] + [b"\xff\n"]})()
    monkeypatch.setattr(encode_child.sys, "stdin", stdin)
    encode_child.main()
    out = [json.loads(line) for line in capsysbinary.readouterr().out.decode().splitlines()]
    assert [o["question"] for o in out] == [*lines, "\ufffd"]
    assert encoder.seen == [*lines, "\ufffd"]
    assert not any(o["refused"] for o in out)

