from __future__ import annotations

import pytest

from clincalc_search.dose_guard import check, refusal_message


@pytest.mark.parametrize(("question", "rule"), [
    ("how much besponsa for cycle 1", "amount"),
    ("what dose of gentamicin in renal impairment", "dose_word"),
    ("warfarin dosing", "dose_word"),
    ("5 mg?", "unit"),
    ("mg/kg for vancomycin", "unit"),
    ("is amoxicillin tds", "frequency"),
    ("how often do I take ramipril", "frequency"),
    ("can I take it twice a day", "frequency"),
    ("how do I taper prednisolone", "titration"),
    ("max paracetamol in 24h", "maximum"),
    ("morphine to oxycodone conversion", "conversion"),
    ("vancomycin infusion rate", "infusion_rate"),
    ("I missed a dose of apixaban", "dose_word"),
    ("I forgot to take my warfarin yesterday", "missed_double"),
    ("quelle dose de paracétamol", "dose_word"),
    ("cuántas pastillas de ibuprofeno", "amount"),
    ("wie viel Ibuprofen darf ich nehmen", "amount"),
])
def test_dose_questions_refused_with_rule(question: str, rule: str) -> None:
    decision = check(question)
    assert decision.is_dose and decision.rule == rule


@pytest.mark.parametrize("question", [
    "how should alendronic acid be taken",
    "signs of lithium toxicity",
    "how often should LFTs be checked on methotrexate",
    "what should I monitor on besponsa",
    "does citalopram cause dose-dependent QT prolongation",
    "what is the dose-limiting toxicity of paclitaxel",
    "how does warfarin work",
    "can I drink alcohol with metronidazole",
    "once I start warfarin what should I monitor",
])
def test_near_misses_not_refused(question: str) -> None:
    assert not check(question)


def test_refusal_names_drug_brand_smpc_and_formulary_without_numbers() -> None:
    message = refusal_message("inotuzumab ozogamicin", ["Besponsa"])
    assert "inotuzumab ozogamicin (Besponsa)" in message
    assert "product SmPC" in message and "local formulary" in message
    assert not any(ch.isdigit() for ch in message)
    assert "any dose" in refusal_message(None, [])
