"""Reliability, bad corpus: every broken monograph is named by file, line and field, and nothing is lost.

Each fault is injected into a writable copy of the fixture corpus after a good index has been built. Then:
`validate` (in-process and through `cli.main`) names the file, line and field; `build` refuses (BuildRefused,
exit 1); the previous index is untouched on disk and the engine that was serving answers exactly as before;
once the fault is undone, the old index loads again with the same build id and the same answers.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from clincalc_search.cli import main
from clincalc_search.embedding import FakeEncoder
from clincalc_search.engine import Engine
from clincalc_search.index_store import MANIFEST, BuildRefused, build_index
from clincalc_search.settings import load_settings
from clincalc_search.validation import validate_corpus

from .conftest import ROOT

PROBES = ["what should I monitor on besponsa?", "how does warfarin work", "lithium counselling",
          "how much warfarin", "tell me about blood thinners", "capital of France"]


@dataclass(frozen=True)
class Expect:
    file: str
    line: int | None  # None: anywhere in the file (YAML syntax errors are reported where the parser noticed)
    field: str
    message: str = ""  # a phrase the problem's message must contain


def _edit(corpus: Path, name: str, old: str, new: str) -> Path:
    path = corpus / "monographs" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str, nth: int = 1) -> int:
    hits = [n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line]
    return hits[nth - 1]


def _valid_monograph(name: str) -> str:
    text = (Path(__file__).parent / "fixtures" / "corpus" / "monographs" / "lithium.md").read_text()
    for old, new in [("name: lithium", f"name: {name}"), ("other_names: [lithium carbonate]", "other_names: []"),
                     ("brands: [Priadel]", "brands: []"), ("related: [warfarin]", "related: []")]:
        text = text.replace(old, new)
    return text


# -- the faults: each breaks the corpus and says which problem must be reported ----------------------


def invalid_yaml(c: Path, _: Path) -> Expect:
    _edit(c, "lithium.md", "brands: [Priadel]", "brands: [Priadel")
    return Expect("lithium.md", None, "front_matter", "invalid YAML")


def front_matter_not_a_mapping(c: Path, _: Path) -> Expect:
    (c / "monographs" / "listy.md").write_text("---\n- just\n- a list\n---\nBody.\n")
    return Expect("listy.md", 2, "front_matter", "mapping")


def unclosed_front_matter(c: Path, _: Path) -> Expect:
    (c / "monographs" / "open.md").write_text("---\nname: open\nkicker: x\n\nNo closing line.\n")
    return Expect("open.md", 1, "front_matter", "not closed")


def python_object_tag(c: Path, outside: Path) -> Expect:
    tag = f"!!python/object/apply:os.system ['touch {outside}/pwned']"
    _edit(c, "lithium.md", "kicker: Mood stabiliser", f"kicker: {tag}")
    return Expect("lithium.md", 6, "kicker", "invalid YAML")


def deeply_nested_yaml(c: Path, _: Path) -> Expect:
    _edit(c, "lithium.md", "related: [warfarin]", "related: " + "[" * 600 + "]" * 600)
    return Expect("lithium.md", 2, "front_matter", "nested too deeply")


def non_utf8_bytes(c: Path, _: Path) -> Expect:
    path = c / "monographs" / "warfarin.md"
    line = _line_of(path, "INR is checked")
    path.write_bytes(path.read_bytes().replace(b"INR is checked", b"INR \xff\xfe is checked"))
    return Expect("warfarin.md", line, "encoding", "not valid UTF-8")


def latin1_file(c: Path, _: Path) -> Expect:
    path = c / "monographs" / "warfarin.md"
    text = path.read_text().replace("Warfarin SmPC (eMC)", "Warfarin SmPC (Hôpital édition)")
    path.write_bytes(text.encode("latin-1"))
    return Expect("warfarin.md", 9, "encoding", "not valid UTF-8")


def byte_order_mark(c: Path, _: Path) -> Expect:
    path = c / "monographs" / "warfarin.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return Expect("warfarin.md", 1, "front_matter")


def nul_in_text(c: Path, _: Path) -> Expect:
    path = _edit(c, "warfarin.md", "INR is checked", "INR\x00is checked")
    return Expect("warfarin.md", _line_of(path, "INR\x00is"), "encoding", "U+0000")


def escape_sequence_in_text(c: Path, _: Path) -> Expect:
    path = _edit(c, "lithium.md", "Fixture overview:", "\x1b[2JFixture overview:")
    return Expect("lithium.md", _line_of(path, "\x1b[2J"), "encoding", "U+001B")


def missing_section(c: Path, _: Path) -> Expect:
    path = c / "monographs" / "warfarin.md"
    text = path.read_text()
    start = text.index("## Monitoring")
    path.write_text(text[:start] + text[text.index("## Counselling"):])
    return Expect("warfarin.md", 14, "monitoring", "missing section")


def duplicate_section(c: Path, _: Path) -> Expect:
    path = c / "monographs" / "warfarin.md"
    path.write_text(path.read_text() + "\n## Monitoring\n- Checked again.\n")
    return Expect("warfarin.md", _line_of(path, "## Monitoring", nth=2), "monitoring", "duplicate section")


def empty_section(c: Path, _: Path) -> Expect:
    path = _edit(c, "warfarin.md", "Blocks vitamin K epoxide reductase so the liver makes fewer functional clotting "
                 "factors.\n", "\n")
    return Expect("warfarin.md", _line_of(path, "## How it works") + 1, "how_it_works", "empty")


def unknown_section_heading(c: Path, _: Path) -> Expect:
    path = _edit(c, "warfarin.md", "## Evidence & guidelines", "## Dosing\n- None here.\n\n## Evidence & guidelines")
    return Expect("warfarin.md", _line_of(path, "## Dosing"), "section", "unknown section heading")


def unknown_field(c: Path, _: Path) -> Expect:
    _edit(c, "lithium.md", "kicker: Mood stabiliser", "kicker: Mood stabiliser\ncolour: blue")
    return Expect("lithium.md", 7, "colour", "unknown key")


def missing_required_field(c: Path, _: Path) -> Expect:
    _edit(c, "lithium.md", "kicker: Mood stabiliser\n", "")
    return Expect("lithium.md", 2, "kicker", "required")


def wrong_field_type(c: Path, _: Path) -> Expect:
    _edit(c, "lithium.md", "specialist: false", "specialist: sometimes")
    return Expect("lithium.md", 7, "specialist")


def impossible_date(c: Path, _: Path) -> Expect:
    _edit(c, "warfarin.md", "reviewed: null", "reviewed: 2024-02-30")
    return Expect("warfarin.md", 12, "reviewed", "2024-02-30")


def duplicate_key(c: Path, _: Path) -> Expect:
    _edit(c, "lithium.md", "name: lithium\n", "name: lithium\nname: priadel\n")
    return Expect("lithium.md", 3, "name", "duplicate key (first at line 2)")


def dose_in_text(c: Path, _: Path) -> Expect:
    path = _edit(c, "warfarin.md", "- INR is checked", "- Give 5 mg daily; INR is checked")
    return Expect("warfarin.md", _line_of(path, "5 mg"), "dose", "5 mg")


def dose_after_unicode_line_separator(c: Path, _: Path) -> Expect:
    """U+2028 is not a line break in the file; the dose must still be reported on its real line."""
    _edit(c, "warfarin.md", "Blocks vitamin K", "Blocks\u2028vitamin K")
    path = _edit(c, "warfarin.md", "- INR is checked", "- Give 5 mg; INR is checked")
    return Expect("warfarin.md", _line_of(path, "5 mg"), "dose", "5 mg")


def _dose_line(c: Path, wording: str, phrase: str) -> Expect:
    path = _edit(c, "warfarin.md", "- Teratogenic: avoid in pregnancy.", f"- {wording}; avoid in pregnancy.")
    return Expect("warfarin.md", _line_of(path, wording), "dose", phrase)


def dose_spelled_out(c: Path, _: Path) -> Expect:
    return _dose_line(c, "Give five milligrams each morning", "five milligrams each morning")


def dose_in_tablets_and_hours(c: Path, _: Path) -> Expect:
    return _dose_line(c, "one tablet every 12 h", "one tablet")


def dose_full_width(c: Path, _: Path) -> Expect:
    return _dose_line(c, "５００ ｍｇ", "500 mg")


def dose_cyrillic_unit(c: Path, _: Path) -> Expect:
    return _dose_line(c, "500 мг", "500 mg")


def dose_split_by_zero_width_spaces(c: Path, _: Path) -> Expect:
    return _dose_line(c, "500\u200bmg twice\u200b daily", "twice daily")


def image_in_section(c: Path, _: Path) -> Expect:
    path = _edit(c, "warfarin.md", "## Monitoring\n", "## Monitoring\n![INR chart](http://host.example/inr.png)\n")
    return Expect("warfarin.md", _line_of(path, "![INR chart]"), "monitoring", "images are not allowed")


def raw_html_in_section(c: Path, _: Path) -> Expect:
    path = _edit(c, "lithium.md", "## How it works\n", "## How it works\n<b>Bold</b> claims.\n")
    return Expect("lithium.md", _line_of(path, "<b>Bold</b>"), "how_it_works", "raw HTML")


def outside_link_in_section(c: Path, _: Path) -> Expect:
    path = _edit(c, "warfarin.md", "- Report black", "- See [the card](https://host.example/card). Report black")
    return Expect("warfarin.md", _line_of(path, "[the card]"), "counselling", "links other than")


def image_in_class_description(c: Path, _: Path) -> Expect:
    path = c / "classes.yaml"
    old = "bleeding is the shared risk."
    path.write_text(path.read_text().replace(old, old + " ![x](http://host.example/x.png)"))
    return Expect("classes.yaml", _line_of(path, "![x]"), "description", "images are not allowed")


def drug_name_shadowed_by_punctuation(c: Path, _: Path) -> Expect:
    """Issue 15, defect 8: "warfarin." passed as unique, then answered questions about warfarin."""
    text = (c / "monographs" / "warfarin.md").read_text().replace("name: warfarin", 'name: "warfarin."')
    (c / "monographs" / "warfarin2.md").write_text(text.replace("brands: [Coumadin, Jantoven]", "brands: []"))
    return Expect("warfarin2.md", 2, "name", "in warfarin.md")


def not_a_monograph(c: Path, _: Path) -> Expect:
    (c / "monographs" / "README.md").write_text("# Notes\nThis folder holds the monographs.\n")
    return Expect("README.md", 1, "front_matter", "must start with '---'")


def empty_file(c: Path, _: Path) -> Expect:
    (c / "monographs" / "empty.md").write_bytes(b"")
    return Expect("empty.md", 1, "front_matter")


def binary_file(c: Path, _: Path) -> Expect:
    (c / "monographs" / "image.md").write_bytes(bytes(range(256)) * 4)
    return Expect("image.md", None, "encoding", "not valid UTF-8")


def folder_named_like_a_monograph(c: Path, _: Path) -> Expect:
    (c / "monographs" / "drafts.md").mkdir()
    return Expect("drafts.md", 1, "file", "not a regular file")


def duplicate_drug_name(c: Path, _: Path) -> Expect:
    shutil.copy(c / "monographs" / "warfarin.md", c / "monographs" / "warfarin-copy.md")
    return Expect("warfarin.md", 2, "name", "warfarin-copy.md")


def name_reused_as_other_name(c: Path, _: Path) -> Expect:
    _edit(c, "lithium.md", "other_names: [lithium carbonate]", "other_names: [lithium carbonate, Warfarin]")
    return Expect("warfarin.md", 2, "name", "already used by the monograph for lithium")


def symlink_outside_corpus(c: Path, outside: Path) -> Expect:
    target = outside / "rogue.md"
    target.write_text(_valid_monograph("rogue drug"))
    os.symlink(target, c / "monographs" / "rogue.md")
    return Expect("rogue.md", 1, "file", "outside the corpus folder")


def symlink_to_system_file(c: Path, _: Path) -> Expect:
    os.symlink("/etc/passwd", c / "monographs" / "passwd.md")
    return Expect("passwd.md", 1, "file", "outside the corpus folder")


def symlinked_folder_escape(c: Path, outside: Path) -> Expect:
    (outside / "sub").mkdir()
    (outside / "sub" / "rogue.md").write_text(_valid_monograph("rogue drug"))
    os.symlink(outside / "sub", c / "monographs" / "linked")
    os.symlink(Path("linked") / "rogue.md", c / "monographs" / "via-folder.md")
    return Expect("via-folder.md", 1, "file", "outside the corpus folder")


def dangling_symlink(c: Path, _: Path) -> Expect:
    os.symlink(c / "monographs" / "nothing-here.md", c / "monographs" / "gone.md")
    return Expect("gone.md", 1, "file", "not a regular file")


def symlink_loop(c: Path, _: Path) -> Expect:
    os.symlink("loop-b.md", c / "monographs" / "loop-a.md")
    os.symlink("loop-a.md", c / "monographs" / "loop-b.md")
    return Expect("loop-a.md", 1, "file", "not a regular file")


def classes_invalid_yaml(c: Path, _: Path) -> Expect:
    (c / "classes.yaml").write_text("- name: [Anticoagulants\n  description: x\n")
    return Expect("classes.yaml", None, "classes", "invalid YAML")


def classes_duplicate(c: Path, _: Path) -> Expect:
    path = c / "classes.yaml"
    path.write_text(path.read_text() + "- name: anticoagulants\n  description: Again.\n")
    return Expect("classes.yaml", _line_of(path, "name: anticoagulants"), "name", "duplicate class")


def classes_unknown_field(c: Path, _: Path) -> Expect:
    path = c / "classes.yaml"
    aliases = "  aliases: [blood thinners]"
    path.write_text(path.read_text().replace(aliases, aliases + "\n  colour: red"))
    return Expect("classes.yaml", _line_of(path, "colour: red"), "colour", "unknown key")


def classes_missing(c: Path, _: Path) -> Expect:
    (c / "classes.yaml").unlink()
    return Expect("classes.yaml", 1, "classes", "missing")


FAULTS: list[Callable[[Path, Path], Expect]] = [
    invalid_yaml, front_matter_not_a_mapping, unclosed_front_matter, python_object_tag, deeply_nested_yaml,
    non_utf8_bytes, latin1_file, byte_order_mark, nul_in_text, escape_sequence_in_text,
    missing_section, duplicate_section, empty_section, unknown_section_heading,
    unknown_field, missing_required_field, wrong_field_type, impossible_date, duplicate_key,
    dose_in_text, dose_after_unicode_line_separator, dose_spelled_out, dose_in_tablets_and_hours, dose_full_width,
    dose_cyrillic_unit, dose_split_by_zero_width_spaces, image_in_section, raw_html_in_section,
    outside_link_in_section, image_in_class_description, drug_name_shadowed_by_punctuation,
    not_a_monograph, empty_file, binary_file, folder_named_like_a_monograph,
    duplicate_drug_name, name_reused_as_other_name,
    symlink_outside_corpus, symlink_to_system_file, symlinked_folder_escape, dangling_symlink, symlink_loop,
    classes_invalid_yaml, classes_duplicate, classes_unknown_field, classes_missing,
]


def _index_state(index_dir: Path) -> dict[str, bytes | int]:
    """The manifest's bytes and the size of every other file: what a refused build must leave alone."""
    state: dict[str, bytes | int] = {}
    for path in sorted(index_dir.rglob("*")):
        if path.is_file() and not path.name.startswith(".build.lock"):
            rel = str(path.relative_to(index_dir))
            state[rel] = path.read_bytes() if path.name == MANIFEST else path.stat().st_size
    return state


@pytest.mark.parametrize("fault", FAULTS, ids=[f.__name__ for f in FAULTS])
def test_bad_corpus_is_named_refused_and_old_index_keeps_serving(
        fault: Callable[[Path, Path], Expect], corpus_copy: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    s = load_settings()
    first = build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    serving = Engine.load(s)
    baseline = [serving.ask(q).model_dump() for q in PROBES]
    before = _index_state(s.index_dir)
    pristine = tmp_path / "pristine"
    shutil.copytree(corpus_copy, pristine, symlinks=True)
    outside = tmp_path / "outside"
    outside.mkdir()

    expect = fault(corpus_copy, outside)

    # validate names the file, the line and the field
    _, problems = validate_corpus(corpus_copy)
    assert problems, "the fault was not noticed"
    assert all(p.file and p.field and p.line >= 1 for p in problems)
    found = [p for p in problems if p.file == expect.file and p.field == expect.field
             and (expect.line is None or p.line == expect.line) and expect.message in p.message]
    assert found, f"expected {expect}, got:\n" + "\n".join(map(str, problems))
    assert main(["validate"]) == 1
    assert f"{found[0].file}:{found[0].line}: {found[0].field}: " in capsys.readouterr().out

    # build refuses, in-process and through the CLI, and touches nothing
    with pytest.raises(BuildRefused) as refused:
        build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    assert any(p.file == expect.file for p in refused.value.problems)
    assert main(["build", "--quiet"]) == 1
    assert "previous index (if any) is unchanged" in capsys.readouterr().err
    assert _index_state(s.index_dir) == before

    # the engine that was serving goes on answering exactly as before
    assert [serving.ask(q).model_dump() for q in PROBES] == baseline
    assert not (outside / "pwned").exists()  # no YAML tag ever ran code

    # once the corpus is fixed, the old index loads again: same build, same answers
    shutil.rmtree(corpus_copy)
    shutil.copytree(pristine, corpus_copy, symlinks=True)
    reloaded = Engine.load(s)
    assert reloaded.manifest.build_id == first.build_id
    assert [reloaded.ask(q).model_dump() for q in PROBES] == baseline


def test_several_faults_at_once_are_all_reported(corpus_copy: Path, tmp_path: Path) -> None:
    """One validate run lists every problem in every file, in file order, not just the first."""
    outside = tmp_path / "outside"
    outside.mkdir()
    expected = [f(corpus_copy, outside) for f in (unknown_field, non_utf8_bytes, not_a_monograph,
                                                  symlink_outside_corpus, classes_duplicate)]
    _, problems = validate_corpus(corpus_copy)
    for e in expected:
        assert any(p.file == e.file and p.field == e.field and (e.line is None or p.line == e.line)
                   for p in problems), e
    assert problems == sorted(problems, key=lambda p: (p.file, p.line))


def test_symlink_inside_the_corpus_is_allowed(corpus_copy: Path) -> None:
    """Links are not banned as such: one that stays inside the corpus folder is read like any file."""
    shared = corpus_copy / "shared"
    shared.mkdir()
    (shared / "extra.md").write_text(_valid_monograph("extra drug"))
    os.symlink(Path("..") / "shared" / "extra.md", corpus_copy / "monographs" / "extra.md")
    monographs, problems = validate_corpus(corpus_copy)
    assert problems == [] and "extra drug" in {m.name for m in monographs}


def test_ask_survives_a_folder_named_like_a_monograph(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = load_settings()
    build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    (corpus_copy / "monographs" / "drafts.md").mkdir()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30).run()
    assert not at.exception, at.exception
    code = main(["ask", "warfarin", "--json"])
    assert code in (0, 2)
    if code == 2:
        assert "run clincalc-search build" in capsys.readouterr().err
