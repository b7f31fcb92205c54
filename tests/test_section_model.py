"""The learned section choice: its weights, its features and how the engine uses it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from clincalc_search import section_model
from clincalc_search.dose_model import CHAR_FEATURES, WORD_FEATURES
from clincalc_search.engine import Engine
from clincalc_search.models import SECTION_KEYS
from clincalc_search.section_model import PLAN_FEATURES, SectionInputs, SectionModel

ROOT = Path(__file__).resolve().parents[1]
RETRAIN = "retrain: python tools/train_section_model.py"


@pytest.fixture(scope="module")
def shipped() -> SectionModel:
    return SectionModel.load()


def _inputs(text: str = "dasatinib pleural effusion", dim: int = 384, **kw: object) -> SectionInputs:
    values: dict = {"intents": [], "strong": [], "n_drugs": 1, "dense": np.full(6, 0.3), "sparse": np.zeros(6)}
    values.update(kw)
    return SectionInputs(text, np.linspace(-1, 1, dim), **values)


def test_shipped_weights_describe_themselves(shipped: SectionModel) -> None:
    assert shipped.encoder == "minilm"
    assert shipped.embedding.shape == (len(SECTION_KEYS), 384)
    assert shipped.ngrams.shape == (WORD_FEATURES + CHAR_FEATURES, len(SECTION_KEYS))
    assert shipped.plan.shape == (len(SECTION_KEYS), PLAN_FEATURES)


def test_weights_match_their_training_data(shipped: SectionModel) -> None:
    assert shipped.training_sets, RETRAIN
    for name, recorded in shipped.training_sets.items():
        current = hashlib.sha256((ROOT / name).read_bytes()).hexdigest()
        assert current == recorded, f"{name} changed since the section model was trained: {RETRAIN}"


def test_probabilities_are_a_distribution_over_the_sections(shipped: SectionModel) -> None:
    p = shipped.probabilities(_inputs())
    assert list(p) == list(SECTION_KEYS)
    assert all(0.0 <= v <= 1.0 for v in p.values()) and sum(p.values()) == pytest.approx(1.0)


def test_wrong_embedding_size_is_an_error(shipped: SectionModel) -> None:
    with pytest.raises(ValueError, match="384"):
        shipped.probabilities(_inputs(dim=64))


def test_weights_for_other_features_are_refused(tmp_path: Path) -> None:
    with np.load(section_model.WEIGHTS, allow_pickle=False) as z:
        arrays = dict(z)
    np.savez(tmp_path / "other.npz", **{**arrays, "word_features": np.int64(WORD_FEATURES // 2)})
    with pytest.raises(ValueError, match="train_section_model"):
        SectionModel.load(tmp_path / "other.npz")
    # weights trained before the plan block grew (one feature fewer) would read the features shifted
    np.savez(tmp_path / "older.npz", **{**arrays, "w_plan": arrays["w_plan"][:, :-1]})
    with pytest.raises(ValueError, match="train_section_model"):
        SectionModel.load(tmp_path / "older.npz")


def test_plan_features_read_intents_in_order_and_evidence_relative_to_the_best() -> None:
    f = _inputs(intents=["monitoring", "prescribing", "monitoring"], strong=["prescribing"], n_drugs=2,
                dense=np.array([0.1, 0.2, 0.5, 0.4, 0.0, 0.3]),
                sparse=np.array([0.0, 0.0, 4.0, 2.0, 0.0, 0.0])).plan_features()
    n = len(SECTION_KEYS)
    assert f[SECTION_KEYS.index("monitoring")] == 1.0 and f[SECTION_KEYS.index("prescribing")] == 0.5
    assert f[n + SECTION_KEYS.index("prescribing")] == 1.0 and f[n:2 * n].sum() == 1.0
    assert (f[2 * n], f[2 * n + 1]) == (0.0, 1.0)  # intents present; two drugs
    assert f[2 * n + 2 + SECTION_KEYS.index("prescribing")] == 0.0 and f[2 * n + 2:3 * n + 2].max() == 0.0
    assert f[3 * n + 2 + SECTION_KEYS.index("monitoring")] == 0.5
    assert _inputs(sparse=np.zeros(6)).plan_features()[3 * n + 2:4 * n + 2].tolist() == [0.0] * n  # no BM25 match
    assert f[4 * n + 2] == 0.0 and _inputs(experienced=True).plan_features()[4 * n + 2] == 1.0


class _Prefers:
    """A section model that always prefers one section."""

    def __init__(self, section: str) -> None:
        self.section = section
        self.asked = 0

    def probabilities(self, inputs: SectionInputs) -> dict[str, float]:
        self.asked += 1
        return {s: 0.9 if s == self.section else 0.02 for s in SECTION_KEYS}


def test_the_engine_puts_the_models_section_first_and_says_so(engine: Engine) -> None:
    engine.section_model = _Prefers("evidence")  # type: ignore[assignment]
    answer = engine.ask("what should I monitor on besponsa?")
    assert answer.hits[0].section == "evidence"
    assert answer.why and "the learned section model (p=0.90)" in answer.why
    assert "asked for by" not in answer.why  # the cue that lost no longer claims the choice


def test_the_engine_keeps_its_choice_when_the_model_agrees(engine: Engine) -> None:
    engine.section_model = _Prefers("monitoring")  # type: ignore[assignment]
    answer = engine.ask("what should I monitor on besponsa?")
    assert answer.hits[0].section == "monitoring" and "learned section model" not in (answer.why or "")


def test_a_refused_question_is_not_given_to_the_section_model(engine: Engine) -> None:
    model = _Prefers("evidence")
    engine.section_model = model  # type: ignore[assignment]
    answer = engine.ask("how much besponsa for cycle 1 and what should I monitor")
    assert answer.refused and model.asked == 0
    assert all(h.section != "evidence" for h in answer.hits)
