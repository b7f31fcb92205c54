"""`clincalc-search`: a thin shell that adapts the engine to a terminal or a pipe."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from clincalc_search.settings import MAX_TOP_K, SettingsError, load_settings

if TYPE_CHECKING:
    from clincalc_search.engine import Engine
    from clincalc_search.models import Answer

from clincalc_search.display import DOSING_NOTICE


def _top_k(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not 1 <= value <= MAX_TOP_K:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_TOP_K}, not {value}")
    return value


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="clincalc-search", description=(
        "Search clinical drug monographs; answers are verbatim monograph sections. Dose questions are "
        "refused: confirm doses against the product SmPC and your local formulary."))
    sub = p.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer a question (or one per stdin line with --jsonl)")
    ask.add_argument("question", nargs="?", help="the question, in quotes")
    ask.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    ask.add_argument("--jsonl", action="store_true", help="read questions from stdin, one JSON answer per line")
    ask.add_argument("--top-k", type=_top_k, default=None, metavar="N",
                     help=f"sections to return, 1 to {MAX_TOP_K} (default 3)")
    ask.add_argument("--drug", default=None, metavar="NAME", help="drug the conversation is about (follow-ups)")
    build = sub.add_parser("build", help="validate the corpus and (re)build the search index")
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    sub.add_parser("validate", help="check every monograph; non-zero exit on problems")
    sub.add_parser("export-model", help="(re)export the embedding model to ONNX (a build does it when missing)")
    ev = sub.add_parser("eval", help="evaluate retrieval (or the dose guard with --dose) on labelled sets")
    ev.add_argument("--dose", action="store_true", help="evaluate the dose guard on eval/dose_queries.jsonl")
    ev.add_argument("--highlights", action="store_true",
                    help="evaluate highlights (first highlight vs labelled line) on eval/highlights_dev.jsonl")
    ev.add_argument("--rules-only", action="store_true",
                    help="with --dose: the rules alone, without the learned model (needs no index)")
    ev.add_argument("--file", default=None, help="labelled set (JSONL); defaults to the one in eval/")
    ev.add_argument("--show-misses", action="store_true", help="list every question answered wrongly")
    rep = sub.add_parser("reports", help="list the problem reports readers have sent (oldest first)")
    rep.add_argument("--csv", action="store_true", help="print CSV (with a header row) instead of text")
    rh = sub.add_parser("review-hash", help="print the sha256 a review record must carry for a monograph")
    rh.add_argument("files", nargs="+", metavar="FILE", help="monograph file(s)")
    return p


# Characters that some line splitters (str.splitlines) treat as line ends: escaped so one answer is one line.
_LINE_BREAKS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _answer_json(answer: Answer) -> str:
    text = answer.model_dump_json()
    for char, escaped in _LINE_BREAKS.items():
        text = text.replace(char, escaped)
    return text


def _print_answer(engine: Engine, answer: Answer) -> None:
    if answer.refused:
        print(f"REFUSED: {answer.message}")
    elif answer.message:
        print(answer.message)
    for hit in answer.hits:
        m = engine.monographs[hit.drug]
        brands = f" ({m.brand_text})" if m.brands else ""
        print(f"\n{m.kicker}\n== {m.title}{brands} — {hit.title} ==")
        print(hit.text)
        print(f"References: {'; '.join(hit.references)}")
        print(f"Status: {m.status_text}")
    if answer.hits:
        print(f"\n{DOSING_NOTICE}")


def _load_engine() -> Engine:
    """The engine, serving the last good index even when the corpus has changed since (with a warning):
    a broken edit must not take answers away; only a changed model or a damaged index stops it."""
    from clincalc_search.embedding import make_encoder

    settings = load_settings()
    # The ONNX session loads in a background thread while the engine's modules are imported.
    getattr(make_encoder(settings.encoder, settings.model_dir), "preload", lambda: None)()
    from clincalc_search.engine import Engine
    from clincalc_search.index_store import stale_message

    engine = Engine.load(settings, allow_stale_corpus=True)
    if engine.stale:
        print(f"clincalc-search: warning: {stale_message(engine.stale)}; answering from the index built "
              f"{engine.manifest.built_at}", file=sys.stderr)
    return engine


def cmd_ask(args: argparse.Namespace) -> int:
    if not args.jsonl and args.question is None:
        print("clincalc-search ask: give a QUESTION in quotes, or --jsonl to read stdin", file=sys.stderr)
        return 2
    engine = _load_engine()
    if args.jsonl:
        from clincalc_search.regex_gate import compile_all

        compile_all()  # once, before the stream: no question in it waits for a pattern's first compile
        # Bytes, decoded line by line: an undecodable byte becomes U+FFFD in its own question, whatever the
        # locale's encoding and error handler would have made of the whole stream (en_GB.UTF-8: a crash).
        for line in sys.stdin.buffer:
            question = line.decode("utf-8", "replace").rstrip("\n")
            answer = engine.ask(question, top_k=args.top_k, context_drug=args.drug)
            sys.stdout.write(_answer_json(answer) + "\n")
            sys.stdout.flush()
        return 0
    answer = engine.ask(args.question, top_k=args.top_k, context_drug=args.drug)
    if args.json:
        print(_answer_json(answer))
    else:
        _print_answer(engine, answer)
    return 0


def cmd_validate(_: argparse.Namespace) -> int:
    from clincalc_search.validation import validate_corpus

    settings = load_settings()
    monographs, problems = validate_corpus(settings.corpus_dir)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {settings.monographs_dir}", file=sys.stderr)
        return 1
    print(f"ok: {len(monographs)} monographs valid")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from clincalc_search.embedding import make_encoder
    from clincalc_search.index_store import BuildRefused, build_index

    settings = load_settings()
    try:
        encoder = make_encoder(settings.encoder, settings.model_dir)
        manifest = build_index(settings.corpus_dir, settings.index_dir, encoder, progress=not args.quiet)
    except BuildRefused as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"build refused: {exc}; the previous index (if any) is unchanged", file=sys.stderr)
        return 1
    print(f"built index: {manifest.chunk_count} sections, {manifest.vector_count} vectors, "
          f"{len(manifest.monographs)} monographs in {manifest.build_seconds:.1f}s → {settings.index_dir}")
    return 0


def cmd_export_model(_: argparse.Namespace) -> int:
    from clincalc_search.onnx_encoder import export_onnx

    path = export_onnx(load_settings().model_dir)
    print(f"exported the embedding model to {path}; run clincalc-search build to record it in the index")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from clincalc_search import evaluation

    if args.dose:
        return evaluation.run_dose(args.file, args.show_misses, None if args.rules_only else _load_engine())
    if args.highlights:
        return evaluation.run_highlights(_load_engine(), args.file, args.show_misses)
    return evaluation.run_retrieval(_load_engine(), args.file, args.show_misses)


def cmd_reports(args: argparse.Namespace) -> int:
    from clincalc_search.reports import ReportStore, reports_csv, reports_text

    reports = ReportStore(load_settings().data_dir).all()
    sys.stdout.write(reports_csv(reports) if args.csv else reports_text(reports) + "\n")
    return 0


def cmd_review_hash(args: argparse.Namespace) -> int:
    """One file: the hash alone, to paste into `reviewed:`; several: `hash  file` lines, like sha256sum."""
    from pathlib import Path

    from clincalc_search.corpus import review_hash

    status = 0
    for name in args.files:
        try:
            digest = review_hash(Path(name))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            print(f"clincalc-search review-hash: {name}: {why}", file=sys.stderr)
            status = 1
            continue
        print(digest if len(args.files) == 1 else f"{digest}  {name}")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from clincalc_search.index_store import IndexError_

    try:
        command = {"ask": cmd_ask, "build": cmd_build, "validate": cmd_validate, "eval": cmd_eval,
                   "reports": cmd_reports, "review-hash": cmd_review_hash, "export-model": cmd_export_model}
        return command[args.command](args)
    except IndexError_ as exc:
        print(f"clincalc-search: {exc}", file=sys.stderr)
        return 2
    except SettingsError as exc:
        print(f"clincalc-search: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - a person at a terminal gets one line, never a traceback
        detail = " ".join(str(exc).split()) or "no details"
        print(f"clincalc-search: error: {exc.__class__.__name__}: {detail}", file=sys.stderr)
        return 2


