"""The least any `ask --jsonl` can do, as a reference for the warm ratio: read a question a line, encode it once
with the product's ONNX encoder, write a JSON line. Timed by the same harness as the CLI (bench --startup), its
ratio to the floor is what the pipe and a process waking after the pause add beyond the floor's own wake-up (the
floor's encode pays that too), so the rest of the CLI's ratio is the engine's own work."""

from __future__ import annotations

import json
import sys

from clincalc_search.onnx_encoder import OnnxEncoder
from clincalc_search.settings import load_settings


def main() -> None:
    encoder = OnnxEncoder(load_settings().model_dir)
    for line in sys.stdin.buffer:
        question = line.decode("utf-8", "replace").rstrip("\n")
        encoder.encode([question])
        sys.stdout.write(json.dumps({"question": question, "refused": False}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
