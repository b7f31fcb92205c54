from __future__ import annotations

import json
import os
import pickle
import re
from pathlib import Path

import numpy as np
import pytest

from clincalc_search import drugs
from clincalc_search.chunking import WINDOW_WORDS, chunk_monographs, windows
from clincalc_search.corpus import load_corpus
from clincalc_search.corpus_tables import make_lexicon
from clincalc_search.drugs import _NOT_STATE, DrugLexicon, _NameFinder
from clincalc_search.embedding import FakeEncoder, make_encoder
from clincalc_search.engine import Engine
from clincalc_search.everyday_words import read_everyday
from clincalc_search.index_store import (
    SCHEMA_VERSION,
    BuildRefused,
    IndexCorrupt,
    IndexMissing,
    IndexStale,
    build_index,
    load_index,
)
from clincalc_search.models import Chunk
from clincalc_search.other_medicines import read_medicines
from clincalc_search.settings import load_settings

from .conftest import FIXTURE_CORPUS


def test_one_chunk_per_section() -> None:
    monographs, _ = load_corpus(FIXTURE_CORPUS / "monographs")
    chunks = chunk_monographs(monographs)
    assert len(chunks) == 6 * len(monographs)
    assert [c.id for c in chunks] == list(range(len(chunks)))


def test_long_section_is_windowed_but_chunk_keeps_whole_text() -> None:
    text = " ".join(f"word{i}" for i in range(400))
    chunk = Chunk(id=0, drug="x", section="monitoring", title="Monitoring", text=text, references=[], status="d")
    parts = windows(chunk, ["Brand"])
    assert len(parts) > 1
    assert all(len(p.split()) <= WINDOW_WORDS + 6 for p in parts)
    assert all(p.startswith("x (Brand) — Monitoring:") for p in parts)
    # Every word is embedded somewhere, and consecutive windows overlap.
    assert set(text.split()) <= {w for p in parts for w in p.split()}
    assert set(parts[0].split()) & set(parts[1].split()) - {"x", "(Brand)", "—", "Monitoring:"}


def test_build_writes_manifest_and_files(tmp_path: Path) -> None:
    s = load_settings()
    manifest = build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    data = json.loads((s.index_dir / "manifest.json").read_text())
    assert data["schema_version"] == SCHEMA_VERSION and data["model_name"] == "fake-hashing-encoder"
    assert data["chunk_count"] == 24 and set(data["monographs"]) == {
        "inotuzumab-ozogamicin.md", "warfarin.md", "lithium.md", "alendronic-acid.md"}
    assert all((s.index_dir / name).exists() for name in manifest.files.values())
    loaded = load_index(s.index_dir, s.corpus_dir, FakeEncoder())
    assert loaded.faiss_index is None and len(loaded.vectors) == manifest.vector_count  # exact: no FAISS


def test_missing_index_says_what_to_run() -> None:
    s = load_settings()
    with pytest.raises(IndexMissing, match="run clincalc-search build"):
        load_index(s.index_dir, s.corpus_dir, FakeEncoder())


def test_corpus_change_makes_index_stale(corpus_copy: Path) -> None:
    s = load_settings()
    build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    path = corpus_copy / "monographs" / "lithium.md"
    path.write_text(path.read_text().replace("narrow therapeutic range", "narrow therapeutic index"))
    with pytest.raises(IndexStale, match=r"index is stale: run clincalc-search build \(monographs changed: lithium"):
        load_index(s.index_dir, s.corpus_dir, FakeEncoder())


def test_a_changed_list_of_brands_abroad_makes_index_stale(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from clincalc_search import other_medicines

    s = load_settings()
    build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    load_index(s.index_dir, s.corpus_dir, FakeEncoder())  # current
    brands = tmp_path / "brands_abroad.csv"
    brands.write_text(other_medicines.BRANDS_ABROAD.read_text(encoding="utf-8") + "Nuevobrand,nuevo,es\n",
                      encoding="utf-8")
    monkeypatch.setattr(other_medicines, "BRANDS_ABROAD", brands)
    with pytest.raises(IndexStale, match=r"the brands of other medicines changed"):
        load_index(s.index_dir, s.corpus_dir, FakeEncoder())


def test_model_change_makes_index_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    s = load_settings()
    build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    monkeypatch.setattr(FakeEncoder, "identity", lambda self: "fake-v2")
    with pytest.raises(IndexStale, match="model changed"):
        load_index(s.index_dir, s.corpus_dir, FakeEncoder())


def test_failed_build_keeps_previous_index(monkeypatch: pytest.MonkeyPatch, corpus_copy: Path) -> None:
    s = load_settings()
    first = build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    path = corpus_copy / "monographs" / "lithium.md"
    original = path.read_text()
    path.write_text(original.replace("narrow therapeutic range", "narrow therapeutic index"))

    def explode(self: FakeEncoder, texts: list[str], show_progress: bool = False) -> np.ndarray:
        raise KeyboardInterrupt  # as if the build were interrupted mid-embedding

    monkeypatch.setattr(FakeEncoder, "encode", explode)
    with pytest.raises(KeyboardInterrupt):
        build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    monkeypatch.undo()
    path.write_text(original)  # the old index matches the old corpus and still loads
    assert load_index(s.index_dir, s.corpus_dir, FakeEncoder()).manifest.build_id == first.build_id


def test_refused_build_keeps_previous_index_serving(corpus_copy: Path) -> None:
    s = load_settings()
    first = build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    broken = corpus_copy / "monographs" / "warfarin.md"
    broken.write_text(broken.read_text().replace("## Monitoring", "## Monitorin"))
    with pytest.raises(BuildRefused) as err:
        build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    assert any(p.file == "warfarin.md" and p.field == "monitoring" for p in err.value.problems)
    manifest = json.loads((s.index_dir / "manifest.json").read_text())
    assert manifest["build_id"] == first.build_id
    assert all((s.index_dir / n).exists() for n in first.files.values())


def test_truncated_faiss_file_is_detected() -> None:
    s = load_settings()
    manifest = build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    path = s.index_dir / manifest.files["faiss"]
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(IndexCorrupt, match="run clincalc-search build"):
        Engine.load(s)


def test_rebuild_keeps_one_previous_build_and_removes_older() -> None:
    s = load_settings()
    first = build_index(s.corpus_dir, s.index_dir, make_encoder("fake"), progress=False)
    second = build_index(s.corpus_dir, s.index_dir, make_encoder("fake"), progress=False)
    assert first.build_id != second.build_id
    assert all((s.index_dir / n).exists() for n in first.files.values())  # a reader may still be on it
    build_index(s.corpus_dir, s.index_dir, make_encoder("fake"), progress=False)
    assert not any((s.index_dir / n).exists() for n in first.files.values())
    assert all((s.index_dir / n).exists() for n in second.files.values())


def test_an_engine_still_reads_its_files_after_later_builds_remove_them() -> None:
    # The medicines and everyday-words files are read when a question first needs them; two rebuilds later they are
    # gone from disk, and a long-running app must still answer from the build it loaded.
    s = load_settings()
    first = build_index(s.corpus_dir, s.index_dir, make_encoder("fake"), progress=False)
    engine = Engine.load(s)
    loaded = load_index(s.index_dir, s.corpus_dir, FakeEncoder())
    for _ in range(2):
        build_index(s.corpus_dir, s.index_dir, make_encoder("fake"), progress=False)
    assert not (s.index_dir / first.files["medicines"]).exists()
    assert not (s.index_dir / first.files["everyday"]).exists()
    answer = engine.ask("is coumarin safe with vitamin K")
    assert not answer.hits and "'coumarin' is not covered" in (answer.message or "")
    assert "tenho" in read_everyday(loaded.everyday)["pt"] and read_medicines(loaded.medicines).names


def test_one_file_change_re_embeds_only_its_sections(corpus_copy: Path) -> None:
    s = load_settings()
    first = build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    assert first.embedded == first.vector_count
    path = corpus_copy / "monographs" / "lithium.md"
    path.write_text(path.read_text().replace("narrow therapeutic range", "narrow therapeutic index"))
    second = build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    assert second.embedded == 1  # only lithium's overview changed
    loaded = load_index(s.index_dir, s.corpus_dir, FakeEncoder())
    monographs, _ = load_corpus(corpus_copy / "monographs")
    fresh = FakeEncoder().encode([w for c in chunk_monographs(monographs)
                                  for w in windows(c, next(m.brands for m in monographs if m.name == c.drug))])
    assert np.allclose(np.asarray(loaded.vectors), fresh)


def test_large_index_switches_to_ivf(monkeypatch: pytest.MonkeyPatch) -> None:
    import clincalc_search.index_store as store

    monkeypatch.setattr(store, "ANN_THRESHOLD", 10)
    s = load_settings()
    manifest = build_index(s.corpus_dir, s.index_dir, FakeEncoder(), progress=False)
    assert manifest.faiss_type == "IndexIVFFlat"
    engine = Engine.load(s)
    assert engine.ask("what should I monitor on besponsa").hits[0].section == "monitoring"
    assert engine.ask("capital of France").hits == []


def test_query_stemming_and_bm25_scores_equal_bm25s_own(tmp_path: Path) -> None:
    """The query path restates bm25s's tokenizer and scoring to avoid importing it; they must not drift."""
    import bm25s
    from bm25s.stopwords import STOPWORDS_EN

    from clincalc_search import sparse

    assert set(STOPWORDS_EN) == sparse._BM25S_STOPWORDS_EN
    monographs, _ = load_corpus(FIXTURE_CORPUS / "monographs")
    texts = [s.text for m in monographs for s in m.sections] + [
        "", "a", "Naïve ÉCG?", "5-FU and T-DM1", "effusions monitored x_y", "what's the INO-VATE trial"]
    theirs = bm25s.tokenize(texts, stopwords=sorted(sparse.STOPWORDS), stemmer=sparse._stemmer().stemWords,
                            return_ids=False, show_progress=False)
    assert sparse.stems(texts) == theirs
    built = sparse.SparseIndex.build(texts[:-6])
    built.save(tmp_path / "bm25")
    loaded = sparse.SparseIndex.load(tmp_path / "bm25", len(texts) - 6)
    reference = bm25s.BM25.load(str(tmp_path / "bm25"))
    for question in ["warfarin INR monitoring monitoring", "lithium levels and kidneys", "liver tests besponsa"]:
        words = [w for w in sparse.stems([question])[0] if w in loaded.vocabulary]
        assert words and np.array_equal(loaded.scores(words), np.asarray(reference.get_scores(words), np.float32))


def test_documents_with_a_stem_are_those_whose_words_stem_to_it() -> None:
    from clincalc_search.sparse import SparseIndex, stem_text

    built = SparseIndex.build(["warfarin bleeding", "lithium levels", "bleeds on aspirin", "monitoring"])
    assert built.documents_with(stem_text("bleeding")).tolist() == [0, 2]
    assert built.documents_with(stem_text("lithium aspirin")).tolist() == [1, 2]
    assert built.documents_with(stem_text("teplizumab")).tolist() == []


def test_the_other_languages_stopwords_are_bm25s_own() -> None:
    """data/stopwords.json restates bm25s's lists so the query path need not import bm25s: tools/make_stopwords.py."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_stopwords", Path(__file__).resolve().parents[1] / "tools" / "make_stopwords.py")
    assert spec is not None and spec.loader is not None
    make_stopwords = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_stopwords)
    assert json.loads(make_stopwords.OUT.read_text(encoding="utf-8")) == make_stopwords.lists()


def test_another_languages_function_words_leave_a_bare_name() -> None:
    from clincalc_search.drugs import foreign_stopwords

    stop = foreign_stopwords()
    assert {"el", "la", "uber", "zum", "sulla", "do"} <= stop  # as normalise() spells them: "über" is "uber"
    assert not {"interaccion", "nebenwirkungen", "sert"} & stop


def _lexicon_state(lexicon: DrugLexicon) -> dict[str, object]:
    # _NameFinder has no __eq__: compared by its attributes
    return {k: vars(v) if isinstance(v, _NameFinder) else v for k, v in vars(lexicon).items() if k not in _NOT_STATE}


def test_the_lexicon_the_build_stores_is_the_one_the_engine_would_make(engine: Engine) -> None:
    # stored at build so that a cold start restores it instead of making it (a tenth of the time)
    loaded = load_index(engine.settings.index_dir, engine.settings.corpus_dir, make_encoder("fake"))
    assert loaded.lexicon_state is not None
    made = make_lexicon(loaded.monographs, loaded.classes, loaded.tables)
    assert _lexicon_state(engine.lexicon) == _lexicon_state(made)
    assert engine.lexicon._load_medicines is not None and engine.lexicon.monographs.keys() == made.monographs.keys()


def test_a_lexicon_stored_by_other_code_is_made_anew(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drugs, "code_fingerprint", lambda: "0" * 64)
    loaded = load_index(engine.settings.index_dir, engine.settings.corpus_dir, make_encoder("fake"))
    assert loaded.lexicon_state is None
    again = Engine.load(engine.settings)
    assert _lexicon_state(again.lexicon) == _lexicon_state(engine.lexicon)
    assert again.ask("what should I monitor on besponsa?").drug == engine.ask("what should I monitor on besponsa?").drug


def test_a_stored_lexicon_runs_nothing_but_its_own_types() -> None:
    # the state reader takes the package's types, sets and patterns only: a foreign global never runs
    with pytest.raises(pickle.UnpicklingError):
        DrugLexicon.restore(pickle.dumps({"x": os.getcwd}), [])
    assert DrugLexicon.restore(pickle.dumps({"_x": {frozenset({"a"}), re.compile("b")}}), [])._x  # type: ignore[attr-defined]
