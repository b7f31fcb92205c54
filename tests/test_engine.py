from __future__ import annotations

import pytest

from clincalc_search import dose_guard
from clincalc_search.dose_model import EXPLICIT_OVERRULED_BELOW
from clincalc_search.engine import Engine, clean_question


def sections(answer) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(h.drug, h.section) for h in answer.hits]


def test_monitoring_question_returns_verbatim_monitoring_section(engine: Engine) -> None:
    answer = engine.ask("what should I monitor on Besponsa?")
    assert not answer.refused and answer.drug == "inotuzumab ozogamicin"
    first = answer.hits[0]
    assert (first.drug, first.section) == ("inotuzumab ozogamicin", "monitoring")
    assert first.text == engine.monographs["inotuzumab ozogamicin"].section("monitoring").text
    assert first.references == ["NICE TA541", "INO-VATE ALL trial"]


@pytest.mark.parametrize(("question", "drug", "section"), [
    ("besponza LFTs?", "inotuzumab ozogamicin", "monitoring"),
    ("how does COUMADIN work", "warfarin", "how_it_works"),
    ("signs of lithium toxicity", "lithium", "counselling"),
    ("how should alendronic acid be taken", "alendronic acid", "counselling"),
    ("what do I tell a patient starting warfarin", "warfarin", "counselling"),
    ("alendronate evidence", "alendronic acid", "evidence"),
    ("warfarin", "warfarin", "overview"),
])
def test_drug_and_intent(engine: Engine, question: str, drug: str, section: str) -> None:
    answer = engine.ask(question)
    assert sections(answer)[0] == (drug, section)


def test_two_drugs_get_the_section_of_each(engine: Engine) -> None:
    answer = engine.ask("warfarin vs lithium monitoring")
    assert sections(answer)[:2] == [("warfarin", "monitoring"), ("lithium", "monitoring")]


def test_dose_question_refused_naming_drug_and_brand(engine: Engine) -> None:
    answer = engine.ask("how much besponsa for cycle 1")
    assert answer.refused and answer.hits == []
    assert answer.message and "inotuzumab ozogamicin (Besponsa)" in answer.message
    assert "SmPC" in answer.message and "local formulary" in answer.message
    assert not any(ch.isdigit() for ch in answer.message)


def test_mixed_question_refuses_dose_but_shows_monitoring(engine: Engine) -> None:
    answer = engine.ask("dose and monitoring for warfarin")
    assert answer.refused and "warfarin" in (answer.message or "")
    assert sections(answer) == [("warfarin", "monitoring")]


@pytest.mark.parametrize("question", ["what is the capital of France", "tell me about teplizumab",
                                      "how do I reset my password"])
def test_abstains_when_corpus_has_nothing(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.hits == [] and not answer.refused
    assert answer.message and "covers" in answer.message


def test_class_question_lists_members(engine: Engine) -> None:
    answer = engine.ask("tell me about blood thinners")
    assert sections(answer) == [("warfarin", "overview")]
    assert answer.message and answer.message.startswith("Anticoagulants:")


@pytest.mark.parametrize(("question", "members", "section"), [
    ("¿Los anticoagulantes causan hemorragias? ¿Qué hay que vigilar?", ["warfarin"], "monitoring"),
    ("Gerinnungshemmer: Wirkmechanismus?", ["warfarin"], "how_it_works"),
    ("AVK et saignement : que faut-il surveiller ?", ["warfarin"], "monitoring"),  # a subgroup, by its kicker
])
def test_a_class_named_in_another_language_is_answered(engine: Engine, question: str, members: list[str],
                                                       section: str) -> None:
    answer = engine.ask(question)
    assert [h.drug for h in answer.hits] == members and answer.hits[0].section == section


def test_a_short_class_name_abroad_counts_only_in_its_language(engine: Engine) -> None:
    # "TAO" is oral anticoagulant therapy in Italy: in an English question it names nothing the corpus has.
    assert engine.lexicon.recognise("TAO and bleeding risk").group == []
    assert [h.drug for h in engine.ask("TAO e rischio di sanguinamento: cosa controllare?").hits] == ["warfarin"]


def test_follow_up_uses_context_drug(engine: Engine) -> None:
    answer = engine.ask("and what should I monitor?", context_drug="Priadel")
    assert sections(answer)[0] == ("lithium", "monitoring")
    # A named drug wins over the conversation's drug.
    assert engine.ask("warfarin monitoring", context_drug="lithium").hits[0].drug == "warfarin"


def test_top_k_limits_hits(engine: Engine) -> None:
    assert len(engine.ask("warfarin", top_k=5).hits) == 5


@pytest.mark.parametrize("question", ["", "   ", "\x00\x01"])
def test_empty_questions_get_a_prompt(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.hits == [] and answer.message and "Type a question" in answer.message


def test_over_long_question_states_the_limit(engine: Engine) -> None:
    answer = engine.ask("warfarin " * 1000)
    assert answer.hits == [] and "limited to 2,000 characters" in (answer.message or "")


def test_clean_question_removes_control_characters() -> None:
    assert clean_question("war\x00farin\n\tLFTs") == "war farin LFTs"


def test_monograph_lookup_by_any_name(engine: Engine) -> None:
    assert engine.monograph("FOSAMAX").name == "alendronic acid"  # type: ignore[union-attr]
    assert engine.monograph("alendronate").name == "alendronic acid"  # type: ignore[union-attr]
    assert engine.monograph("nonexistent") is None


def test_find_resolves_misspelt_and_brand_names(engine: Engine) -> None:
    assert engine.find("warfrin").name == "warfarin"  # type: ignore[union-attr]
    assert engine.find("BESPONZA").name == "inotuzumab ozogamicin"  # type: ignore[union-attr]
    assert engine.find("nothing like a drug") is None


@pytest.mark.parametrize("typed", ["war farin monitoring", "what are the risks of war farin", "warf arin and alcohol"])
def test_a_name_split_by_a_stray_space_is_still_the_drug(engine: Engine, typed: str) -> None:
    # The word and the next are tried together, unless both are ordinary English words ("what are").
    assert engine.find(typed).name == "warfarin"  # type: ignore[union-attr]


# -- issue 11: question understanding classes ---------------------------------------------------------------

def test_a_coined_corpus_term_ties_the_question_to_its_monograph(engine: Engine) -> None:
    answer = engine.ask("what did INO-VATE find")
    assert sections(answer)[0] == ("inotuzumab ozogamicin", "evidence")
    assert answer.why and "'ino-vate' is named only in the inotuzumab ozogamicin monograph" in answer.why
    # The term written without its hyphen is the same term: the why line says so once.
    assert "'inovate' is named" not in answer.why


def test_a_pronoun_keeps_the_conversation_drug_even_beside_a_class(engine: Engine) -> None:
    answer = engine.ask("which anticoagulants interact with it?", context_drug="lithium")
    assert sections(answer)[0] == ("lithium", "prescribing")


def test_a_follow_up_naming_its_drugs_class_keeps_the_drug(engine: Engine) -> None:
    answer = engine.ask("do mood stabilisers need blood tests", context_drug="lithium")
    assert sections(answer)[0] == ("lithium", "monitoring")


def test_a_strong_intent_is_not_overridden_by_a_rare_word(engine: Engine) -> None:
    answer = engine.ask("warfarin INR monitoring")
    assert sections(answer)[0] == ("warfarin", "monitoring")
    assert answer.why and "asked for by" in answer.why


def test_why_is_in_the_json_answer_and_refusals_say_the_phrase(engine: Engine) -> None:
    answer = engine.ask("how much lithium")
    assert answer.refused and answer.why == "dose question (amount): 'how much'"
    assert '"why":' in answer.model_dump_json()


def test_a_refused_mixed_question_still_gets_the_section_it_names(engine: Engine) -> None:
    answer = engine.ask("how much lithium and which blood tests")
    assert answer.refused and sections(answer)[0] == ("lithium", "monitoring")


def test_with_another_encoder_the_rules_decide_alone(engine: Engine) -> None:
    """The learned dose model's weights read the product model's embedding; the fake encoder's would be noise."""
    assert engine.dose_model is None
    decision, vector = engine.dose_decision("how much warfarin")
    assert decision and decision.rule != "learned" and decision.probability is None and vector is None


@pytest.mark.parametrize(("question", "first"), [
    ("why does prednisolone cause insomnia", "how_it_works"),  # an effect's mechanism
    ("why can gabapentin make people unsteady", "how_it_works"),
    ("why does it take weeks before sertraline helps", "how_it_works"),
    ("why shouldn't warfarin be combined with aspirin", "prescribing"),  # a caution, not a mechanism
    ("why is metformin never given before contrast scans", "prescribing"),
    ("why does my mum need potassium tests on ramipril", "monitoring"),  # a check
])
def test_why_an_effect_happens_is_how_it_works(question: str, first: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question)[0] == first


@pytest.mark.parametrize(("question", "first"), [
    ("why the metformin give me diarrhoea", "how_it_works"),       # a learner's why, without "does"
    ("ramipril make me cough all the time, why this happen", "how_it_works"),
    ("how the omeprazole work in my stomach", "how_it_works"),
    ("for what illness the doctor give allopurinol", "overview"),
    ("what means levetiracetam", "overview"),
])
def test_learner_questions_without_auxiliaries(question: str, first: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question)[0] == first


@pytest.mark.parametrize(("question", "first"), [
    ("tacrolimus how it is acting?", "how_it_works"),                 # subject before verb, as learners ask
    ("do statins and ezetimibe work differently", "how_it_works"),    # how two drugs work, compared
    ("what carers must know about clozapine", "counselling"),         # subject-first "what should X know"
    ("what a patient needs to know before nitrofurantoin", "counselling"),
])
def test_learner_and_subject_first_forms_of_the_cues(question: str, first: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question)[0] == first


@pytest.mark.parametrize(("question", "first"), [
    # which side effects are common or to be expected, asked in general: what the patient should know
    ("what side effects are usual with lisinopril?", "counselling"),
    ("most common side effects of ramipril", "counselling"),
    ("Quels effets indésirables sont fréquents sous ramipril ?", "counselling"),
    ("¿Qué efectos adversos son más frecuentes con el ramipril?", "counselling"),
    ("Ramipril: häufige Nebenwirkungen?", "counselling"),
    ("Ramipril, quali sono gli effetti collaterali più comuni?", "counselling"),
    ("Quais são os efeitos colaterais mais frequentes do ramipril?", "counselling"),
    ("¿qué efectos suele dar el ramipril?", "counselling"),
    # one effect named, or the effects that are not common: the risks
    ("is a dry cough a common side effect of ramipril?", "prescribing"),
    ("what are the less common side effects of ramipril?", "prescribing"),
    ("¿Cuáles son los efectos adversos del ramipril?", "prescribing"),
    # "how am I supposed to", as "how should I"
    ("how am I meant to use my tiotropium inhaler", "counselling"),
])
def test_the_common_effects_asked_for_are_counselling(question: str, first: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question)[0] == first


@pytest.mark.parametrize(("question", "first"), [
    # another medicine raising the drug's level or INR is an interaction, whatever the level's checks
    ("could naproxen push my lithium blood level up?", "prescribing"),
    ("le fluconazole peut-il faire monter l'INR ?", "prescribing"),
    ("¿la claritromicina sube los niveles de tacrolimus?", "prescribing"),
    ("when should lithium levels be checked?", "monitoring"),  # its own level: the checks
])
def test_another_medicine_raising_a_level_is_an_interaction(question: str, first: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question)[0] == first


@pytest.mark.parametrize(("question", "first"), [
    # another medicine lowering how well the drug works is an interaction, not a question of its trials
    ("will carbamazepine lower the effectiveness of my apixaban?", "prescribing"),
    ("le fluconazole diminue-t-il l'efficacité de la méthadone ?", "prescribing"),
    ("Schwächt Johanniskraut die Wirkung von Ciclosporin?", "prescribing"),
    ("la rifampicina le quita eficacia al tacrolimus?", "prescribing"),
    ("o lansoprazol diminui a eficácia do clopidogrel?", "prescribing"),
    ("what is the efficacy of apixaban against warfarin in AF?", "evidence"),  # how well it works: its trials
])
def test_another_medicine_lowering_efficacy_is_an_interaction(question: str, first: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question)[0] == first


def test_lowering_an_effect_is_no_taper() -> None:
    from clincalc_search.dose_guard import check

    assert not check("le pantoprazole peut-il diminuer l'effet du clopidogrel ? mon médecin hésite").is_dose
    assert not check("¿el omeprazol puede reducir la eficacia del clopidogrel? lo dudo").is_dose
    assert check("comment diminuer la prednisolone après deux mois ?").is_dose


def test_an_abbreviations_stop_ends_no_sentence() -> None:
    from clincalc_search.drugs import _asking_sentences

    sentences, asking = _asking_sentences("Levetiracetam vs. fosphenytoin e.g. in status: what did ESETT show?")
    assert len(sentences) == 1 and asking == sentences
    assert _asking_sentences("I take warfarin. Is aspirin ok?")[1] == ["Is aspirin ok?"]
    # German and English shortenings too: "bzw." (or rather), "ggf." (if need be), "approx."
    for question in ("Hat Ramipril bzw. Enalapril mehr Husten als Losartan?",
                     "Muss ggf. der Kaliumwert unter Spironolacton kontrolliert werden?",
                     "onset approx. how long for sertraline to work?"):
        assert len(_asking_sentences(question)[0]) == 1, question


@pytest.mark.parametrize(("question", "first"), [
    ("¿Cuáles son los efectos adversos del ibuprofeno?", "prescribing"),
    ("Comment agit le méthotrexate ?", "how_it_works"),
    ("Wofür nimmt man Metformin?", "overview"),
    ("Welche Kontrollen braucht man unter Lithium?", "monitoring"),
    ("O que dizem os estudos sobre a empagliflozina?", "evidence"),
    ("Come si conserva l'insulina?", "counselling"),
    ("Les effets indesirables du tramadol", "prescribing"),           # typed without accents
    ("Gentamicinspiegel", "monitoring"),  # a cue word inside a German compound
    # a why whose caution comes before it asks about the caution, as one after it does; a why alone, the mechanism
    ("Clozapine: quels médicaments faut-il éviter et pourquoi ?", "prescribing"),
    ("con el litio qué hay que evitar y por qué", "prescribing"),
    ("pourquoi le méthotrexate donne des aphtes", "how_it_works"),
    # a test by that word, and bone density within a longer word
    ("Humira: perché il test della tubercolosi prima di iniziare?", "monitoring"),
    ("alendronate : pourquoi refaire une ostéodensitométrie ?", "monitoring"),
    # an effect the person has had, asked whether it will pass or is a known side effect
    ("Metformin, seit zwei Wochen Durchfall, geht das wieder weg?", "counselling"),
    ("con la sertralina tengo náuseas, se me pasará?", "counselling"),
    ("Mia madre con il Tavor è molto confusa, è un effetto collaterale?", "counselling"),
    # a German compound is the kind of thing its last part names: checks of the kidneys, of the side effects
    ("Lithium: welche Nierenfunktionskontrollen braucht man?", "monitoring"),
    ("Clozapin Nebenwirkungskontrolle im ersten Jahr", "monitoring"),
    ("Stoffwechselkontrolle unter Quetiapin", "monitoring"),
    ("Metformin Kontraindikationen", "prescribing"),  # unless the first part is no cue word alone ("kontra")
    # which illnesses it treats or is used for, and Portuguese tests (as English "what does X treat", "tests")
    ("Wogegen hilft Ibuprofen?", "overview"),
    ("Doxiciclina: que doenças trata?", "overview"),
    ("Le méthotrexate, dans quels cas on l'utilise ?", "overview"),
    ("Penicilina: en qué casos se receta?", "overview"),
    ("Amoxicillina per quali infezioni si prescrive?", "overview"),
    ("Lítio: que análises tenho de fazer?", "monitoring"),
    # imaging and a blood count by their local names, and checking as the other verbs (as "echo", "FBC", "check")
    ("Anthracyclines : une échographie avant la première cure, c'est obligatoire ?", "monitoring"),
    ("clozapina, ecografía o radiografía antes de empezar?", "monitoring"),
    ("Clozapine et NFS : à quel rythme ?", "monitoring"),
    ("Litio: bisogna verificare la tiroide?", "monitoring"),
    ("Muss man unter Amiodaron die Schilddrüse überprüfen lassen?", "monitoring"),
])
def test_section_cues_in_other_languages(question: str, first: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question)[0] == first


def test_se_is_a_spanish_and_french_word_not_side_effects() -> None:
    from clincalc_search.intent import section_intents

    assert "prescribing" not in section_intents("¿Se puede tomar la levotiroxina con café?")
    assert section_intents("metformin s/e")[0] == "prescribing"


def test_an_english_word_is_not_a_foreign_cue() -> None:
    # "metabolisers" is not Spanish "metaboliza…". (End to end this question was Prescribing; the section model
    # retrained in the thirty-fourth session answers it from How it works, docs/EVALUATION.md.)
    from clincalc_search.intent import cued_in_another_language, section_intents

    assert section_intents("codeine in ultra-rapid metabolisers") == []
    assert cued_in_another_language("codeine in ultra-rapid metabolisers") == frozenset()


@pytest.mark.parametrize("question", [
    # what to tell or advise the patient, in the five other languages (English "what should patients be told")
    "opioides: estreñimiento, qué recomendar al paciente",
    "antidépresseurs : syndrome de sevrage, que dire au patient ?",
    "antidepressivi triciclici: bocca secca, cosa dire al paziente",
    "Metformin – was sage ich dem Patienten?",
    "varfarina: o que dizer ao paciente sobre o álcool",
    # what to do, what helps or what to advise, put impersonally as the question's last words
    "fluoropirimidine: sindrome mano-piede, cosa fare",
    "Übelkeit und lebhafte Träume, was tun?",
    "Mundtrockenheit und Verstopfung, was hilft?",
    "bouffées de chaleur, que conseiller ?",
    "antibióticos e diarreia: o que fazer?",
])
def test_counselling_cues_in_the_other_languages(question: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question, strong_only=True)[0] == "counselling"


@pytest.mark.parametrize(("question", "first"), [
    ("how do DPP-4 inhibitors like sitagliptin and linagliptin lower sugar", "how_it_works"),   # a long subject
    ("how does tamsulosin relax the prostate", "how_it_works"),                                # more mechanism verbs
    ("how does nitrofurantoin damage the lungs", "how_it_works"),
    ("what is the mechanism by which lithium causes a tremor", "how_it_works"),  # the mechanism asked for by name
    ("amiodarone thyroid problems mechanism", "how_it_works"),
])
def test_mechanism_questions_with_long_subjects_or_named_mechanism(question: str, first: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question)[0] == first


@pytest.mark.parametrize(("question", "first"), [
    ("what is the antidote for dabigatran", "prescribing"),         # reversal is managed in Prescribing
    ("how do we reverse apixaban in a bleed", "prescribing"),
    ("can warfarin be reversed before surgery", "prescribing"),
    ("how does idarucizumab reverse dabigatran", "how_it_works"),   # a drug that reverses another: its mechanism
    ("how is zoledronic acid given", "overview"),                   # how and where it is given
    ("sotalol mech", "how_it_works"),                               # shorthand for mechanism
])
def test_reversal_route_and_mechanism_shorthand(question: str, first: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question)[0] == first


@pytest.mark.parametrize(("question", "first"), [
    ("Please explain how ramipril is lowering the pressure", "how_it_works"),     # learner progressive forms
    ("how long does the effect of apixaban last after the last dose", "how_it_works"),
    ("Why do statins like atorvastatin and simvastatin cause muscle aches", "how_it_works"),  # a longer subject
    ("sitagliptin SEs", "prescribing"),                                          # shorthand
    ("lithium tox mx", "prescribing"),
    ("denosumab ONJ", "prescribing"),
    ("what conditions is methotrexate licensed to treat", "overview"),           # uses, asked in reverse
    ("in which cancers is capecitabine given", "overview"),
    ("what exactly is Mounjaro", "overview"),
])
def test_more_forms_of_the_section_cues(question: str, first: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question)[0] == first


class _StubModel:
    """A learned dose model that gives every question the same probability."""

    encoder = "fake"
    threshold = 0.5

    def __init__(self, p: float) -> None:
        self.p = p

    def probability(self, question: str, vector: object, decision: object, text_score: float | None = None) -> float:
        return self.p

    def reasons(self, question: str, vector: object, decision: object, probability: float) -> list[str]:
        return ["tablets"]


def test_the_model_does_not_refuse_what_the_policy_reads_as_not_a_dose(engine: Engine) -> None:
    question = "Nach 5 Tagen Prednisolon, muss man ausschleichen?"
    assert dose_guard.settled(dose_guard.check(question))
    engine.dose_model = _StubModel(0.99)  # type: ignore[assignment]
    decision, _ = engine.dose_decision(question)
    assert not decision and "the policy reads this question as not a dose question" in decision.why


@pytest.mark.parametrize("question", ["Dosierung und Nebenwirkungen von Warfarin?", "what dose of warfarin for AF"])
def test_the_model_never_overrules_the_dose_asked_for(engine: Engine, question: str) -> None:
    assert dose_guard.check(question).rule in dose_guard.STANDING
    engine.dose_model = _StubModel(0.0)  # type: ignore[assignment]
    assert engine.dose_decision(question)[0]


@pytest.mark.parametrize(("question", "refused"), [
    ("warfarin dose and bleeding signs", True),          # an explicit request: the verdict stands
    ("how much warfarin for AF", True),
    ("is warfarin 5 mg used for anything other than AF?", False),  # a bare mention: the model may set it aside
    ("she is 31 and on warfarin, what is the risk to the baby in percent", False),
    ("warfarin once daily regimen - what INR is aimed for?", False),  # "regimen" as often times a test
])
def test_the_model_may_overrule_a_mention_but_not_an_explicit_request(engine: Engine, question: str,
                                                                      refused: bool) -> None:
    # At the lowest probability that lets an explicit request stand; below it, the model overrules that too.
    p = EXPLICIT_OVERRULED_BELOW
    engine.dose_model = _StubModel(p)  # type: ignore[assignment]
    rules = dose_guard.check(question)
    decision, _ = engine.dose_decision(question)
    assert rules.is_dose, "no rule matches this question any more: pick one a rule takes for a dose"
    assert bool(decision) is refused
    if not refused:
        assert decision.probability == p and f"overruled by the learned model, p={p:.2f}" in decision.why
        answer = engine.ask(question)
        assert not answer.refused and f"overruled by the learned model, p={p:.2f}" in (answer.why or "")
    engine.dose_model = _StubModel(p - 0.01)  # type: ignore[assignment]
    assert not engine.dose_decision(question)[0]
    engine.dose_model = _StubModel(0.95)  # type: ignore[assignment]
    assert engine.dose_decision(question)[0]  # the model agreeing with a rule, or alone, refuses


@pytest.mark.parametrize("question", [
    "compare warfarin and apixaban",       # English "compare" stays a weak cue; French "comparé" is a strong one
    "altered taste on metformin",          # not German "ältere"
    "how is codeine affected by ultra-rapid metabolisers",  # not Spanish "metaboliza"
])
def test_english_words_do_not_read_as_another_languages_strong_cue(question: str) -> None:
    from clincalc_search.intent import foreign_cue_words

    assert not foreign_cue_words(question)


def test_a_brand_sold_abroad_names_its_drug(engine: Engine) -> None:
    answer = engine.ask("il Alendros si prende a digiuno?")
    assert not answer.refused and answer.drug == "alendronic acid"


def test_names_are_found_as_one_alternation_of_all_of_them_would() -> None:
    import re

    from clincalc_search.drugs import _NameFinder

    names = ["gtn", "co-amoxiclav", "amox", "insulin glargine", "insulin", "5-fu", "lithium", "lithium carbonate",
             "sacubitril/valsartan", "a", "ab"]
    rx = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
    finder = _NameFinder(names)
    for text in ["gtn spray and co-amoxiclav", "amoxicillin or amox", "insulin glargine vs insulin",
                 "5-fu and lithium carbonate, lithium", "sacubitril/valsartan-like", "a ab abc b ab", "gtnx xgtn",
                 "lithium-carbonate", "", "insulin glargine glargine insulin"]:
        assert finder.spans(text) == [m.span() for m in rx.finditer(text)], text
        assert finder.sub(text, " ") == rx.sub(" ", text), text


@pytest.mark.parametrize(("question", "first"), [
    # a contraindication asked as the participle, not the noun
    ("Ist Metformin bei Niereninsuffizienz Stadium 4 kontraindiziert?", "prescribing"),
    ("il sildenafil è controindicato con i nitrati?", "prescribing"),
    ("¿está contraindicada la amiodarona en el bloqueo AV?", "prescribing"),
    ("losartana é contraindicado na gravidez?", "prescribing"),
    # the patient's own watching, in the first person
    ("tomo carbimazol, ¿qué tengo que vigilar en casa?", "counselling"),
    ("Ich nehme Rivaroxaban: worauf muss ich achten?", "counselling"),
    ("prendo il litio, cosa devo segnalare al medico?", "counselling"),
    ("sous méthotrexate, qu'est-ce que je dois surveiller moi-même ?", "counselling"),
    ("uso varfarina, o que devo vigiar?", "counselling"),
    # a class asked about in the plural: "how do they work", "what are they for", "how are they taken"
    ("gliflozinas: ¿cómo funcionan?", "how_it_works"),
    ("les statines : comment agissent-elles ?", "how_it_works"),
    ("Betablocker – wie wirken sie?", "how_it_works"),
    ("sartani: come agiscono?", "how_it_works"),
    ("os IBP: como funcionam?", "how_it_works"),
    ("diuretici: a cosa servono", "overview"),
    ("antihistamínicos: ¿para qué sirven?", "overview"),
    ("Was sind Biologika?", "overview"),
    ("anticoagulantes: para que servem?", "overview"),
    ("bifosfonatos: ¿cómo se toman?", "counselling"),
    # the mechanism asked for in the plural, and the English adverb
    ("inibitori di pompa: meccanismi e differenze", "how_it_works"),
    ("betabloqueantes: mecanismos de acción", "how_it_works"),
    ("fibrates : mécanismes d'action ?", "how_it_works"),
    ("SGLT2-Hemmer: Wirkmechanismen", "how_it_works"),
    ("how do ARBs and ACE inhibitors differ mechanistically", "how_it_works"),
])
def test_the_section_asked_for_in_another_language(question: str, first: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question)[0] == first


@pytest.mark.parametrize("question", [
    "¿qué controles hay que hacer con el litio?",           # the clinician's checks stay Monitoring
    "Welche Laborwerte muss man unter Methotrexat kontrollieren?",
    "quali esami bisogna fare con l'amiodarone?",
])
def test_but_the_clinicians_checks_stay_monitoring(question: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question)[0] == "monitoring"


@pytest.mark.parametrize(("question", "first"), [
    ("o clopidogrel é um pró-fármaco?", "how_it_works"),                   # a prodrug, its bioavailability
    ("Bioverfügbarkeit von Levothyroxin?", "how_it_works"),
    ("is codeine a prodrug", "how_it_works"),
    ("alendronato: bisogna controllare la vitamina D?", "monitoring"),      # checking as a verb, bone density
    ("denosumab, densitometría ósea cada cuánto?", "monitoring"),
    ("sous lithium, que faire si je vomis ?", "counselling"),       # what the person taking it should do
    ("tomo warfarina y me sangran las encías, qué hago?", "counselling"),
    ("Ich habe mein Ramipril doppelt genommen, was soll ich tun?", "counselling"),
    ("o Lasix serve pra que?", "overview"),                                 # the verb first
    ("le Kardégic, ça sert à quoi ?", "overview"),
    ("la metformine, à quoi ça sert ?", "overview"),                        # the usual order, with "ça"
])
def test_prodrugs_checking_verbs_what_to_do_and_what_it_is_for_in_other_languages(question: str, first: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question)[0] == first


def test_a_clinicians_what_to_do_stays_with_its_topic() -> None:
    from clincalc_search.intent import section_intents

    assert "counselling" not in section_intents("Clopidogrel: was tun bei Verdacht auf eine TTP?")


@pytest.mark.parametrize("question", [
    "my dad started bisoprolol and his hands are cold all the time, could it be the tablets?",
    "gabapentin making me dizzy, is that normal? will it settle?",
    "since starting sertraline I can't sleep",
    "le Seroplex me donne des nausées, c'est normal ?",
    "Seit ich Metformin nehme, habe ich Durchfall. Ist das normal?",
    "el enalapril me da tos seca, es por la pastilla?",
    # as learners and texters ask it: the word order turned, "is" alone, or "normal?" at the end
    "ramipril make me cough all night, it is normal?",
    "after the injection my arm is red and hot, is normal?",
    "gliclazide and shaky before lunch, normal?",
    "lansoprazole ballonnements tous les jours c normal",
    "con l'atenololo ho sempre le mani fredde, normale?",
    "the mouth ulcers on nicorandil, will they eventually settle",  # an adverb before the verb
    # asked in the present tense
    "lamotrigine giving me headaches every day, does it wear off?",
    "metformin diarrhoea, do they settle after a while?",
    "con la metformina ho la diarrea, passa dopo qualche settimana?",
    "Amlodipin: geschwollene Knöchel, hört das wieder auf?",
])
def test_an_effect_someone_has_had_asks_counselling(question: str) -> None:
    from clincalc_search.intent import describes_experience, section_intents

    assert section_intents(question)[0] == "counselling"
    assert describes_experience(question)


@pytest.mark.parametrize(("question", "first"), [
    ("does bisoprolol cause cold hands", "prescribing"),                      # whether it causes it, in general
    ("why does amlodipine make my ankles swell since I started it?", "how_it_works"),  # why it happens
    ("since starting lithium, how often are levels checked?", "monitoring"),   # the tests
])
def test_but_whether_it_causes_why_or_the_tests_do_not(question: str, first: str) -> None:
    from clincalc_search.intent import describes_experience, section_intents

    assert section_intents(question)[0] == first
    assert not describes_experience(question)


@pytest.mark.parametrize("question", [
    "ramipril - will it stop working if I take ibuprofen?",
    "will metoprolol pass into breast milk?",
    "does sertraline pass into breast milk",
    "does it stop you getting pregnant",
])
def test_passing_into_milk_or_stopping_working_is_not_an_effect_wearing_off(question: str) -> None:
    from clincalc_search.intent import describes_experience

    assert not describes_experience(question)


@pytest.mark.parametrize(("question", "cue"), [
    ("olanzapine and my weight going up, is that common?", "is that common"),  # an effect the person has
    ("Amlodipin Knöchelödem, geht der wieder weg?", "geht der wieder weg"),   # German names the effect by its gender
    ("Doxiciclina: posso tomar sol?", "tomar sol"),                          # the sun, as English "sun"
    ("Isotretinoin und Sonne?", "sonne"),
])
def test_is_that_common_an_effect_by_its_gender_and_the_sun_abroad_are_counselling(question: str, cue: str) -> None:
    from clincalc_search.intent import section_cues

    assert section_cues(question) == {"counselling": cue}


@pytest.mark.parametrize("question", [
    "quetiapine is making me so groggy in the mornings",                      # the medicine doing it to the person
    "the lansoprazole makes my stomach bloated",
    "amitriptyline leaves me so drowsy the next day",
])
def test_the_medicine_doing_it_to_the_person_is_counselling(question: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question)[0] == "counselling"


@pytest.mark.parametrize("question", [
    "will olanzapine make me put on weight?",                                 # a risk asked about
    "Tegretol is making my pill less effective",                              # an interaction
])
def test_but_a_risk_asked_about_or_an_interaction_is_not_an_effect_the_person_has(question: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question)[:1] != ["counselling"]


@pytest.mark.parametrize(("question", "drug"), [
    # A drug named only as a condition's cause, and a sentence ending in "?" that asks about another drug and leaves
    # the condition to a sentence of its own: that drug leads, in any of the languages (a cause phrase before or after
    # the drug's name) ...
    ("Lithium-induced hypothyroidism. Is warfarin safe to start?", "warfarin"),
    ("nefropatía inducida por litio: ¿se puede empezar warfarina?", "warfarin"),
    ("néphropathie induite par le lithium - la warfarine est-elle possible ?", "warfarin"),
    ("Lithium-bedingte Nierenschäden: ist Warfarin möglich? Danke.", "warfarin"),
    ("Eine durch Lithium bedingte Nephropathie: ist Warfarin möglich？", "warfarin"),
    ("Lithium-induced tremor: is warfarin vs. alendronic acid the riskier?", "warfarin"),
    # ... and a question sentence that names no drug asks about the drug named last before it
    ("Lithium-induced tremor last year, now started on warfarin. What should he know?", "warfarin"),
    # The order of mention stands when the question sentence names the condition too, or its cause is the drug named
    # last before it, or nothing marks the question ...
    ("is lithium-induced tremor worse with warfarin?", "lithium"),
    ("lithium-induced tremor, will it settle? he takes warfarin as well", "lithium"),
    ("Lithium-induced tremor. How long will it last? (also on warfarin)", "lithium"),
    ("lithium-induced tremor: what should he watch for, also on warfarin", "lithium"),
    # ... and when no drug is named as a cause: a stop between a drug and "induced", "-related" ("concerning"), the
    # Romance "associé à" ("given with")
    ("He takes lithium. Induced vomiting is planned - is warfarin a problem?", "lithium"),
    ("a lithium-related query: is warfarin ok?", "lithium"),
    ("Le lithium associé à la warfarine : est-ce possible ?", "lithium"),
])
def test_the_drug_a_question_asks_about_leads_a_drug_named_as_a_conditions_cause(
        engine: Engine, question: str, drug: str) -> None:
    assert engine.lexicon.recognise(question).drugs[0] == drug


@pytest.mark.parametrize(("question", "first"), [
    # what guidelines say or recommend, in the other languages, as English "guidelines", "recommend" (thirty-ninth
    # session)
    ("estatinas: ¿qué dicen las guías europeas?", "evidence"),
    ("anticoagulants dans la FA : que recommande la HAS ?", "evidence"),
    ("Metformin: was empfiehlt die DDG?", "evidence"),
    ("betabloccanti nello scompenso: cosa raccomandano le società?", "evidence"),
    ("inibidores da bomba de protões: o que recomenda a DGS?", "evidence"),
    # sick-day rules in the other languages, as English "sick day"
    ("dapagliflozina y días de enfermedad", "counselling"),
    ("Metformin an Krankheitstagen", "counselling"),
])
def test_guidelines_and_sick_days_in_other_languages(question: str, first: str) -> None:
    from clincalc_search.intent import section_intents

    assert section_intents(question)[0] == first


def test_recommendations_to_give_stay_advice() -> None:
    from clincalc_search.intent import section_intents

    assert section_intents("antipsicóticos y peso: ¿qué recomendaciones le doy a mi hijo?")[:1] != ["evidence"]
