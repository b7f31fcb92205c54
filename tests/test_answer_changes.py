"""compare_answers: which changed answers a label judges gained or lost (tools/answer_changes.py prints them)."""

from __future__ import annotations

from clincalc_search.evaluation import FirstAnswer, compare_answers

ROWS: dict[str, dict[str, object]] = {
    "r.jsonl|a": {"question": "amio TFTs", "kind": "english", "drugs": ["amiodarone"], "sections": ["monitoring"]},
    "r.jsonl|b": {"question": "bupropion for smoking", "kind": "out_of_corpus", "drugs": [], "sections": []},
    "r.jsonl|c": {"question": "warfarin and cranberry", "kind": "english", "drugs": ["warfarin"],
                  "sections": ["prescribing", "counselling"]},
    "d.jsonl|d": {"question": "usual cefalexin for cellulitis?", "dose": True},
    "d.jsonl|e": {"question": "does 1 in 5 get nausea on metformin", "dose": False},
}


def answer(first: tuple[str, str] | None = None, refused: bool = False) -> FirstAnswer:
    return FirstAnswer(refused=refused, first=first)


def test_gains_losses_and_changes_the_labels_do_not_judge() -> None:
    before = {
        "r.jsonl|a": answer(("amiodarone", "prescribing")),
        "r.jsonl|b": answer(("bisoprolol", "overview")),
        "r.jsonl|c": answer(("warfarin", "prescribing")),
        "d.jsonl|d": answer(refused=True),
        "d.jsonl|e": answer(("metformin", "prescribing")),
    }
    after = {
        "r.jsonl|a": answer(("amiodarone", "monitoring")),   # gained
        "r.jsonl|b": answer(None),                            # gained: out of corpus, now no answer
        "r.jsonl|c": answer(("warfarin", "counselling")),    # both labelled sections: right before and after
        "d.jsonl|d": answer(("cefalexin", "overview")),       # lost: a dose question no longer refused
        "d.jsonl|e": answer(("metformin", "counselling")),    # not refused either way: the label does not judge it
    }
    lines, counts = compare_answers(before, after, ROWS)
    assert counts == {"questions": 5, "changed": 5, "refusals changed": 1, "gained": 2, "lost": 1, "unjudged": 2}
    marks = {line.split(": ")[1].split()[0]: line.split(":")[0] for line in lines}
    assert marks == {"r.jsonl|a": "gained", "r.jsonl|b": "gained", "r.jsonl|c": "unjudged",
                     "d.jsonl|d": "lost", "d.jsonl|e": "unjudged"}


def test_unchanged_answers_are_not_listed() -> None:
    same = {"r.jsonl|a": answer(("amiodarone", "monitoring"))}
    lines, counts = compare_answers(same, dict(same), ROWS)
    assert lines == []
    assert counts["changed"] == 0
