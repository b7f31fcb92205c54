"""The corpus's coined terms, as a question names them."""

from __future__ import annotations

from clincalc_search.rare_terms import RareTerms


def test_terms_are_found_in_one_order_whatever_the_hash_seed() -> None:
    # The order found is the order of the drugs in the answer: it must not follow a set's hash order, which
    # changes from process to process (6 equal-length codes: a random order is sorted once in 720).
    codes = ["b2", "c3", "d1", "h2", "k4", "m2"]
    terms = RareTerms({code: [f"drug {code}"] for code in codes}, set())
    found = terms.find("m2 k4 h2 d1 c3 b2 with the longer code-9x")
    assert list(found) == codes


def test_a_longer_term_found_first_hides_the_terms_inside_it() -> None:
    terms = RareTerms({"empa-reg": ["empagliflozin"], "empa": ["other"]}, set())
    assert terms.find("what did EMPA-REG show") == {"empa-reg": ["empagliflozin"]}


def test_a_study_is_asked_about_in_other_languages_too() -> None:
    # "PARADIGM" is an English word: without a study cue a question must write it in capitals to name the trial.
    terms = RareTerms({"paradigm": ["sacubitril/valsartan"]}, {"paradigm"})
    for question in ["qué mostró el ensayo paradigm", "paradigm : quels résultats ?",
                     "welche Ergebnisse hatte paradigm", "cosa ha mostrato lo studio paradigm",
                     "o que mostrou o estudo paradigm"]:
        assert RareTerms.study_asked(question), question
        assert terms.find(question) == {"paradigm": ["sacubitril/valsartan"]}, question
    assert not RareTerms.study_asked("le sacubitril est-il contre-indiqué avec un IEC ?")
    assert terms.find("a paradigm shift in heart failure") == {}
