"""The one engine both shells use: question → dose guard → drug recognition → retrieval → Answer."""

from __future__ import annotations

import math
import pickle
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from typing import Literal

import numpy as np

from clincalc_search import dose_guard
from clincalc_search.asked_model import DRUG, OTHER, TOPIC_SURE, AskedModel
from clincalc_search.asked_model import WEIGHTS as ASKED_WEIGHTS
from clincalc_search.corpus_tables import SPECIFIC_SHARE, make_lexicon
from clincalc_search.dense import DenseIndex
from clincalc_search.dose_model import EXPLICIT_OVERRULED_BELOW, DoseModel
from clincalc_search.drugs import GENERAL_TERM_MONOGRAPHS, DrugLexicon, Recognised, normalise
from clincalc_search.embedding import Encoder, make_encoder
from clincalc_search.everyday_words import read_everyday
from clincalc_search.evidence import SectionEvidence
from clincalc_search.fusion import convex, top
from clincalc_search.highlight import Highlighter
from clincalc_search.index_store import IndexCorrupt, LoadedIndex, load_index
from clincalc_search.intent import (
    asks_common_effects,
    cued_in_another_language,
    describes_experience,
    foreign_cue_words,
    intent_words,
    section_cues,
    section_intents,
)
from clincalc_search.models import SECTION_KEYS, SECTION_TITLES, Answer, Chunk, Hit, Monograph
from clincalc_search.other_medicines import OtherMedicines, read_medicines
from clincalc_search.rare_terms import MAX_MONOGRAPHS as RARE_TERM_MONOGRAPHS
from clincalc_search.rare_terms import RareTerms, term_keys
from clincalc_search.section_model import WEIGHTS as SECTION_WEIGHTS
from clincalc_search.section_model import SectionInputs, SectionModel
from clincalc_search.settings import Settings, load_settings
from clincalc_search.sparse import stem_text

Mode = Literal["hybrid", "bm25", "dense"]
# Below this cosine, a question that names no drug, class or corpus term is treated as outside the corpus. On the
# ten labelled sets (about 2,800 answerable and 300 out-of-corpus questions) such questions were answered from the
# embedding alone eight times at 0.40: right twice, once at 0.55; the six wrong ones scored 0.41-0.48.
ABSTAIN_COSINE = {"minilm": 0.50, "fake": 0.45}
# A follow-up that points back at the conversation's drug keeps it, even when it also names a class or a
# second drug ("which antibiotics interact with it?").
_POINTS_BACK = re.compile(r"\b(?:it|its|it'?s|this|them|they|these)\b", re.IGNORECASE)
# "Why" or "how" beside a name alone asks something (in the six languages questions come in): not a bare name.
_HOW_OR_WHY = re.compile(r"\b(?:why|how|pourquoi|comment|warum|wie|perch[eé]|come|por ?qu[eé]|porque|c[oó]mo)\b",
                         re.IGNORECASE)
_TIE_ORDER = ("prescribing", "monitoring", "counselling", "evidence", "how_it_works", "overview")
_COMPARES = re.compile(r"\b(?:vs\.?|versus|compared?|comparison|better|superior|difference|or)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
# A word used by at most this many monographs is mentioned there in passing (another drug in an interaction list).
PASSING_MENTION = 1
# A medicine the corpus lacks (other_medicines) that at most this many monographs name is mentioned there in passing;
# one many discuss ("rifampicin", 33, among interactions) is a topic the corpus covers beside a class.
MEDICINE_MENTIONS = 3
EMPTY_MESSAGE = "Type a question about a drug, for example: what should I monitor on warfarin?"


@dataclass
class Plan:
    """What the engine understood, kept for the app's "how this answer was found" panel."""

    recognised: Recognised
    drugs: list[str]
    intents: list[str]
    dose: dose_guard.DoseDecision
    cues: dict[str, str] = field(default_factory=dict)  # intent → the words that asked for it
    stems: list[str] = field(default_factory=list)  # the question's BM25 stems, computed once
    notes: list[str] = field(default_factory=list)
    why: list[str] = field(default_factory=list)  # how the sections were chosen, for people
    text: str = ""  # the question text the stems came from
    strong: list[str] = field(default_factory=list)  # intents from strong cues
    rare: list[str] = field(default_factory=list)  # coined corpus terms that chose the drugs
    rare_drugs: list[str] = field(default_factory=list)  # the drugs they chose, first in drugs
    named_owners: list[str] = field(default_factory=list)  # those of rare_drugs named outright, in the question's order
    chosen_sections: list[str] = field(default_factory=list)  # sections put first, by intent or by evidence
    lacking: list[str] = field(default_factory=list)  # classes the corpus lacks, as the question names them
    vector: np.ndarray | None = None  # the question's embedding, from the dose decision (retrieval, highlights)
    chunk_scores: tuple[np.ndarray, np.ndarray] | None = None  # (BM25, dense cosine) per chunk, from _scores
    section_inputs: SectionInputs | None = None  # what the section model read, when it was asked


def _group_name_stems(rec: Recognised) -> set[str]:
    """The stems of the names the question gave its class or group: none of them asks about anything else."""
    return set(stem_text(f"{rec.group_label or ''} {rec.group_words or ''}"))


def _once_each(terms: Iterable[str]) -> list[str]:
    """Coined terms in order, each once: "paradigmhf" (which the rare-term index also holds) is "paradigm-hf"."""
    seen: set[str] = set()
    once = []
    for term in terms:
        if term.replace("-", "") not in seen:
            seen.add(term.replace("-", ""))
            once.append(term)
    return once


def _explain_learned(plan: Plan, learned: tuple[str, float], intents: list[str]) -> None:
    """The why line for a section the learned model chose. It weighed the intent's cue and the evidence with the
    question's words: the lines that said they chose the section no longer hold."""
    section, p = learned
    plan.why[:] = [w for w in plan.why if not w.startswith("section '")]
    plan.why.append(f"section '{section}': the learned section model (p={p:.2f}) weighing the question's words"
                    + (f" against '{plan.cues[intents[0]]}'" if intents and intents[0] in plan.cues else ""))


def clean_question(question: str) -> str:
    """Control characters (NUL included) become spaces; invisible format characters go, so they cannot split
    a word the reader sees whole ("how mu<U+200B>ch"); everything else is kept as typed."""
    if question.isascii() and question.isprintable():  # the usual question: nothing to replace or drop
        return " ".join(question.split())
    chars = (" " if unicodedata.category(c) == "Cc" else "" if unicodedata.category(c) == "Cf" and c != "\u200d"
             else c for c in question)
    return re.sub(r"\s+", " ", "".join(chars)).strip()


def _lexicon(index: LoadedIndex, everyday: Callable[[], dict[str, frozenset[str]]],
             medicines: Callable[[], OtherMedicines]) -> DrugLexicon:
    """The drug lexicon the build stored, restored; made anew when the index holds none for this code, or one that
    does not read back (the index's hash check passed, so that is no damage on disk)."""
    if index.lexicon_state is not None:
        try:
            return DrugLexicon.restore(index.lexicon_state, index.monographs, everyday, medicines)
        except (pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
            pass
    return make_lexicon(index.monographs, index.classes, index.tables, everyday, medicines)


# A trial is discussed by the monograph of the drug it tested and at most one other (its comparator).
STUDY_MONOGRAPHS = 2


class Engine:
    def __init__(self, settings: Settings, index: LoadedIndex, encoder: Encoder) -> None:
        self.settings = settings
        self.encoder = encoder
        monographs, classes = index.monographs, index.classes
        self.stale: list[str] = index.stale  # non-empty: the corpus changed since the build
        self.monographs = {m.name: m for m in monographs}
        self.classes = {c.name: c for c in classes if not c.lacking}  # the lacking ones only name what to abstain on
        self.chunks: list[Chunk] = index.chunks
        self.manifest = index.manifest
        self.dense = DenseIndex(index.faiss_index, index.owners, index.vectors, len(self.chunks))
        self.sparse = index.sparse
        tables = index.tables  # computed at build: reading them is what keeps a cold start short
        self.lexicon = _lexicon(index, partial(read_everyday, index.everyday), partial(read_medicines, index.medicines))
        self.evidence = SectionEvidence(tables)
        self.rare = RareTerms(tables.rare_terms, set(tables.rare_needs_cue))
        # A word at most this many monographs use is specific enough to tell a group's members apart: the share of
        # sections a stem may appear in and still point at one (corpus_tables.SPECIFIC_SHARE), as monographs.
        self._rare_word_monographs = max(RARE_TERM_MONOGRAPHS, int(SPECIFIC_SHARE * len(self.monographs)))
        # (drug, Evidence or not) → the terms its Evidence section (with references) or its other sections use
        self._section_terms_cache: dict[tuple[str, bool], set[str]] = {}
        self.by_drug: dict[str, dict[str, int]] = {}
        for c in self.chunks:
            self.by_drug.setdefault(c.drug, {})[c.section] = c.id
            m = self.monographs.get(c.drug)
            # Hits are shown as verbatim monograph text: a chunk that differs from its monograph is never served.
            if m is None or m.section(c.section).text != c.text:
                raise IndexCorrupt(f"index section {c.drug}/{c.section} differs from its monograph: "
                                   "run clincalc-search build")
        self._encode_lock = threading.Lock()
        # The learned second opinion on dose questions reads the product model's embedding; with another
        # encoder (the tests' fake one) its weights mean nothing, and the rules decide alone.
        model = DoseModel.load()
        self.dose_model: DoseModel | None = model if model.encoder == settings.encoder else None
        sections = SectionModel.load() if SECTION_WEIGHTS.exists() else None
        self.section_model: SectionModel | None = (sections if sections is not None
                                                   and sections.encoder == settings.encoder else None)
        own_stems = {drug: set(names) for drug, names in tables.name_stems.items()}
        self.highlighter = Highlighter(index.unit_spans, index.unit_vectors, index.unit_stems,
                                       {c.id: own_stems[c.drug] for c in self.chunks}, self.sparse.vocabulary)

    @classmethod
    def load(cls, settings: Settings | None = None, allow_stale_corpus: bool = False) -> Engine:
        """The engine over the built index. With allow_stale_corpus it keeps serving the index as built when
        the corpus has changed since (the shells then warn); otherwise a stale index raises IndexStale."""
        settings = settings or load_settings()
        encoder = make_encoder(settings.encoder, settings.model_dir)
        getattr(encoder, "preload", lambda: None)()  # the ONNX session loads while the index does
        index = load_index(settings.index_dir, settings.corpus_dir, encoder, allow_stale_corpus)
        return cls(settings, index, encoder)

    # -- public API -------------------------------------------------------------------------------

    def ask(self, question: str, top_k: int | None = None, context_drug: str | None = None,
            mode: Mode = "hybrid") -> Answer:
        group_limit = top_k or None  # an explicit limit also shortens a class's list of members
        top_k = top_k or self.settings.top_k
        # Undecodable bytes arrive as lone surrogates; make them U+FFFD so the answer can always be serialised.
        question = re.sub("[\ud800-\udfff]", "\ufffd", question)
        text = clean_question(question)
        if not text:
            return Answer(question=question, message=EMPTY_MESSAGE)
        limit = self.settings.max_question_chars
        if len(text) > limit:
            return Answer(question=question, message=(
                f"Questions are limited to {limit:,} characters; this one has {len(text):,}. "
                "Please shorten it."))
        # Encoded first, while the process is still waking: after an idle pause every first touch of code and data
        # is slow, and the encode (which every question needs) pays that once; the reading below then runs at
        # after-the-encode speed instead of after-the-pause speed (docs/PERFORMANCE.md, twenty-eighth session).
        vector = self._encode(text) if self.dose_model is not None else None
        plan = self._plan(text, context_drug, vector)
        trace: dict[str, object] = {
            "drugs": plan.drugs, "intents": plan.intents, "dose_rule": plan.dose.rule,
            "dose_matched": plan.dose.matched, "fuzzy": plan.recognised.fuzzy,
            "dose_probability": None if plan.dose.probability is None else round(plan.dose.probability, 3),
            "group": plan.recognised.group_label, "mode": mode, "notes": plan.notes,
        }
        drug = plan.drugs[0] if plan.drugs else None
        if plan.dose:
            trace["why"] = plan.dose.why
            brands = self.monographs[drug].brands if drug else []
            answer = Answer(question=question, refused=True, drug=drug, why=plan.dose.why,
                            message=dose_guard.refusal_message(drug, brands), trace=trace)
            # A mixed question still gets the non-dose sections its other words ask for or name; a pure dose
            # question gets none.
            rest_text = dose_guard.without_dose_phrases(text)
            asked = section_intents(rest_text, strong_only=True)
            if plan.drugs or plan.recognised.group:
                rest_plan = Plan(plan.recognised, plan.drugs, asked, plan.dose, section_cues(rest_text, True),
                                 list(stem_text(rest_text)), text=rest_text, strong=asked, vector=plan.vector)
                rest = self._answer(text, rest_plan, asked, top_k, mode, group_limit)
                shown = set(asked) | set(rest_plan.chosen_sections)
                answer.hits = [h for h in rest.hits if h.section in shown]
            return answer
        answer = self._answer(text, plan, plan.intents, top_k, mode, group_limit)
        answer.question = question
        # A rule the model overruled is said, so a reader can see why a question with a number was answered.
        answer.why = "; ".join([*plan.why, *([plan.dose.why] if plan.dose.overruled else [])]) or None
        trace["dose_why"] = plan.dose.why
        answer.trace = {**trace, "why": answer.why, **answer.trace}
        return answer

    def search(self, question: str, top_k: int = 10, mode: Mode = "hybrid") -> list[Hit]:
        """The retriever alone, over every section: no dose guard, drug focus, intent or abstention.
        Used by the evaluation to compare BM25, dense and fused ranking on their own."""
        text = clean_question(question)
        candidates = np.arange(len(self.chunks))
        scores, _ = self._scores(text, list(stem_text(text)), candidates, mode)
        return [self._hit(self.chunks[i], float(scores[i])) for i in top(scores, candidates, top_k)]

    def monograph(self, name: str) -> Monograph | None:
        """Look a drug up by any of its names (generic, other, brand), case-insensitively."""
        drug = self.lexicon.surfaces.get(normalise(name))
        return self.monographs.get(drug) if drug else None

    def find(self, text: str) -> Monograph | None:
        """The first drug recognised in free text, misspellings and shorthand included."""
        drugs = self.lexicon.recognise(text).drugs
        return self.monographs[drugs[0]] if drugs else None

    def members(self, class_name: str) -> list[Monograph]:
        return [self.monographs[d] for d in self.lexicon.members.get(class_name, [])]

    # -- stages -----------------------------------------------------------------------------------

    def _plan(self, text: str, context_drug: str | None, vector: np.ndarray | None = None) -> Plan:
        recognised = self.lexicon.recognise(text, foreign_cue_words(normalise(text)))
        drugs = list(recognised.drugs)
        notes: list[str] = []
        why: list[str] = []
        context = self.monograph(context_drug) if context_drug else None
        same_class = context is not None and not drugs and context.name in recognised.group
        if context is not None and (not drugs and not recognised.group or same_class or _POINTS_BACK.search(text)):
            drugs = list(dict.fromkeys([context.name, *drugs]))
            recognised.group, recognised.drug_class, recognised.group_label = [], None, None
            recognised.group_parts = []
            notes.append(f"follow-up: using {context.name} from the conversation")
        rare = self._rare_terms(text) if not recognised.group else {}
        lacking = [named for term, users in rare.items()
                   if not drugs and (named := self._class_lacking(text, term, users))]
        if lacking:
            rare = {}
        study = bool(rare) and self.rare.study_asked(text)
        strong = section_intents(text, strong_only=True)
        if rare and drugs and not study and not set(strong) - {"prescribing", "evidence"}:
            # A named drug's own study, named beside it with no other question ("HYVET indapamide in the very
            # elderly"): the study is what is asked about, as if "trial" had been written.
            own = self._own_studies(rare, drugs)
            if own:
                rare, study = own, True
        if rare and drugs and study:
            # "Did PLATO show a benefit over clopidogrel?": the trial is what is asked about, so its monograph comes
            # first and the drugs named beside it follow; a shorthand guess that is the trial's own name goes.
            guessed = {drug for typed, drug in recognised.fuzzy.items() if typed in rare}
            drugs = [d for d in drugs if d not in guessed]
        elif drugs and not (rare and set(recognised.fuzzy) <= set(rare) and len(recognised.fuzzy) == len(drugs)):
            rare = {}  # a drug named outright wins; a shorthand guess ("ATAC" for Atacand) yields to a coined term
        elif rare:
            drugs = []
        # "dalteparin anti-Xa": a drug-like word the corpus lacks (or barely uses) keeps the question out, even
        # beside a term a monograph uses; ordinary medical words the corpus uses widely ("metastatic") do not.
        # A trial or guideline the corpus names is what the question is about, as a drug name would be: the
        # comparator or an ordinary word beside it ("PARADIGM-HF vs enalapril", "… in a nutshell") does not count.
        vocabulary = self.lexicon.vocabulary
        if rare and not self._names_study(rare) and any(
                not any(word in key for key in rare) and vocabulary.get(word, 0) < GENERAL_TERM_MONOGRAPHS
                for word in self.lexicon.unknown_terms(text)):
            rare = {}
        owners = dict.fromkeys(d for named in rare.values() for d in named)
        # A study several monographs name ("UKPDS": metformin and atenolol; "MERINO": both of its arms), asked beside
        # one of them named outright ("UKPDS … metformina"): that drug's monograph is the one asked about, and among
        # the named arms the one named first. The others follow as the study's other owners.
        named_owners = [d for d in drugs if d in owners]
        named_first = named_owners + [d for d in owners if d not in drugs]
        drugs = list(dict.fromkeys([*named_first, *drugs]))
        for term in _once_each(rare):
            named = rare[term]
            why.append(f"'{term}' is named only in the {' and '.join(named)} monograph" +
                       ("s" if len(named) > 1 else ""))
        cues = section_cues(text)
        if rare and study:
            # "What did PLATO show about ticagrelor in ACS": the trial is what is asked about, whatever else is named.
            cues = {"evidence": next(iter(rare)), **{k: v for k, v in cues.items() if k != "evidence"}}
            strong = ["evidence", *[s for s in strong if s != "evidence"]]
        dose, vector = self.dose_decision(text, vector)
        return Plan(recognised, drugs, list(cues), dose, cues, list(stem_text(text)), notes, why,
                    text, strong, list(rare), named_first, named_owners, vector=vector, lacking=lacking)

    def _rare_terms(self, text: str) -> dict[str, list[str]]:
        """The corpus's coined terms the question names → the monographs that use them. A term that is an everyday
        word of the question's own language names nothing there ("prima", "tempo", "cure" in Italian or French); in
        capitals it is still the study."""
        return {term: users for term, users in self.rare.find(text).items()
                if not self.lexicon.everyday_here(term, text)}

    def _class_lacking(self, text: str, term: str, users: list[str]) -> str | None:
        """A class the corpus lacks, named by a coined term the monographs that use it mention only in passing: the
        term names a class ("H2 receptor antagonists") and no user's How it works section uses it (dasatinib names H2
        antagonists among its interactions; tocilizumab's mechanism is IL-6's receptor). Returns the class as typed."""
        named = self.lexicon.class_named_by(text, term, users)
        if named is None or any(term in term_keys(self.chunks[self.by_drug[d]["how_it_works"]].text) for d in users):
            return None
        return named

    def _own_studies(self, rare: dict[str, list[str]], drugs: list[str]) -> dict[str, list[str]]:
        """The coined terms that are a named drug's own study → those drugs: the monograph uses the term, and its head
        before a hyphen, in the Evidence section (or references) and in no other section, unlike a target or a
        mutation the mechanism discusses too ("T790M", "T790M-positive")."""
        own: dict[str, list[str]] = {}
        for key, named in rare.items():
            # "t790mpositive" is "t790m-positive" written without its hyphen: the same head
            head = next((k for k in rare if k.replace("-", "") == key), key).split("-")[0]
            for drug in named:
                if drug not in drugs or key not in self._section_terms(drug, evidence=True):
                    continue
                others = self._section_terms(drug, evidence=False)
                if key not in others and (len(head) < 3 or head not in others):
                    own.setdefault(key, []).append(drug)
        return own

    def _section_terms(self, drug: str, evidence: bool) -> set[str]:
        """The terms (rare_terms.term_keys) of a drug's Evidence section and references, or of its other sections;
        computed when first asked for."""
        terms = self._section_terms_cache.get((drug, evidence))
        if terms is None:
            sections = self.by_drug[drug]
            if evidence:
                chunk = self.chunks[sections["evidence"]]
                texts = [chunk.text, *chunk.references]
            else:
                texts = [self.chunks[i].text for s, i in sections.items() if s != "evidence"]
            terms = self._section_terms_cache[(drug, evidence)] = term_keys("\n".join(texts))
        return terms

    def _names_study(self, rare: dict[str, list[str]]) -> bool:
        """Whether a coined term found in the question is a study's name: one or two monographs use it, and the
        Evidence section (or references) of one of them names it. An acronym more monographs share ("GLP-1") is
        a topic, which a drug the corpus lacks may be asked about."""
        for key, named in rare.items():
            for drug in named if len(named) <= STUDY_MONOGRAPHS else ():
                if key in self._section_terms(drug, evidence=True):
                    return True
        return False

    def dose_decision(self, text: str, vector: np.ndarray | None = None
                      ) -> tuple[dose_guard.DoseDecision, np.ndarray | None]:
        """The rules' decision, then the learned model's on the question's embedding (`vector`, or encoded here: once,
        retrieval and highlights reuse it). An explicit request (dose_guard.EXPLICIT) is refused unless the model
        is all but sure it is not a dose question (dose_model.EXPLICIT_OVERRULED_BELOW: "how much cheese is too much
        on linezolid"); otherwise the model, which reads the rules' verdict among its features, decides: it refuses
        questions no rule caught and may overrule a number or a "how often" the rules took for a dose."""
        rules = dose_guard.check(text)
        if self.dose_model is None:
            return rules, None
        vector = self._encode(text) if vector is None else vector
        p = self.dose_model.probability(text, vector, rules)
        learned_says = p >= self.dose_model.threshold
        if learned_says and not rules.is_dose:
            why_not = ("it cannot read a section asked for in another language" if self._unreadable(text)
                       else "the policy reads this question as not a dose question" if dose_guard.settled(rules)
                       else None)
            if why_not:
                aside = f"learned model set aside (p={p:.2f}): {why_not}"
                return dose_guard.DoseDecision(False, context=(*rules.context, aside), probability=p), vector
        # The dose named as the thing asked for (dose_guard.STANDING) stands whatever the model says.
        standing = rules.rule in dose_guard.STANDING
        explicit = rules.rule in dose_guard.EXPLICIT and (p >= EXPLICIT_OVERRULED_BELOW or standing)
        rules_stand = rules.is_dose and (learned_says or explicit)
        if rules_stand or not (rules.is_dose or learned_says):
            return replace(rules, probability=p), vector
        if rules.is_dose:
            overruled = f"{rules.rule}: '{rules.matched}' (overruled by the learned model, p={p:.2f})"
            return dose_guard.DoseDecision(False, context=(*rules.context, overruled), probability=p,
                                           overruled=True), vector
        words = ", ".join(f"'{w}'" for w in self.dose_model.reasons(text, vector, rules, probability=p))
        words = words or "the whole question"
        return dose_guard.DoseDecision(True, dose_guard.LEARNED, words, rules.context, p), vector

    @staticmethod
    def _unreadable(text: str) -> bool:
        """Whether the learned dose model cannot read the question: its words are English, and this one asks in another
        language for a section with no number in it ("demi vie du diazépam", "Adalimumab Studien Psoriasis"). A number,
        or a Prescribing cue (the kidneys, the liver, pregnancy: where doses are adjusted), leaves the model its say."""
        return bool(cued_in_another_language(text) - {"prescribing"}) and not _DIGIT.search(text)

    def _scores(self, text: str, question_stems: list[str], candidates: np.ndarray, mode: Mode,
                plan: Plan | None = None) -> tuple[np.ndarray, float]:
        """Ranking scores for all chunks (only candidates meaningful) and the best dense cosine."""
        sparse = self.sparse.scores(question_stems)
        if mode == "bm25":
            return sparse.astype(np.float64), 1.0
        vector = plan.vector if plan is not None else None
        if vector is None:
            vector = self._encode(text)
            if plan is not None:
                plan.vector = vector  # kept for highlighting: the question is encoded once
        dense = self.dense.scores(vector, candidates)
        if plan is not None:
            plan.chunk_scores = sparse, dense
        best = float(dense[candidates].max()) if len(candidates) else -1.0
        if mode == "dense":
            return dense.astype(np.float64), best
        return convex(sparse, dense, candidates), best

    def _encode(self, text: str) -> np.ndarray:
        with self._encode_lock:  # torch modules are not re-entrant across threads
            return self.encoder.encode([text])[0]

    def _answer(self, text: str, plan: Plan, intents: list[str], top_k: int, mode: Mode,
                group_limit: int | None = None) -> Answer:
        rec = plan.recognised
        if rec.lacking and not rec.drugs:
            # A subgroup or class the corpus has none of ("hepatitis C direct-acting antivirals", "triptans"): neither
            # a class's other members (aciclovir) nor a monograph that mentions a term beside it answers it.
            return self._abstain(f"The corpus has no {rec.lacking}.")
        asked = None if plan.rare or not plan.drugs else (
            self.lexicon.other_medicine_asked(text, rec, MEDICINE_MENTIONS) or self._learned_asked(text, plan))
        if asked and asked[1] == plan.drugs[0]:
            # "Is esomeprazole, a PPI like omeprazole, safe long term?" and "GP wants to switch me from citalopram to
            # vortioxetine. what side effects does vortioxetine have" ask about the medicine the corpus lacks: the
            # covered drug's sections would answer a question nobody asked. Not a follow-up, whose drug leads ("is it
            # a dopamine blocker like metoclopramide?" asks about the conversation's drug).
            other, drug = asked
            return self._abstain(f"'{other}' is not covered by the corpus ({drug}, named beside it, is).")
        if plan.drugs:
            candidates = np.array(sorted(i for d in plan.drugs for i in self.by_drug[d].values()))
            scores, _ = self._scores(text, plan.stems, candidates, mode, plan)
            # "HORIZON trial": the monograph that discusses it most, then the others; one the question names leads.
            if len(plan.rare_drugs) > 1:
                others = [d for d in plan.rare_drugs if d not in plan.named_owners]
                others.sort(key=lambda d: -max(scores[i] for i in self.by_drug[d].values()))
                lead = plan.named_owners + others
                plan.drugs[:] = lead + [d for d in plan.drugs if d not in lead]
            order = self._drug_order(text, plan, intents, scores, candidates)
            return self._hits(order[:top_k], scores, drug=plan.drugs[0], plan=plan)
        unknown = self.lexicon.unknown_terms(text)
        if rec.group:
            # "how does ketamine work as an antidepressant": a drug the corpus lacks, asked about beside a class it
            # covers, is not about the class's members. That is another medicine at most MEDICINE_MENTIONS monographs
            # name ("bupropion", which three name among interactions; "potasio" counts as potassium, which many do),
            # or, in English, a word at most one monograph uses that is another medicine's name or a word of it,
            # perhaps misspelt ("salmetrol", "glulisine"), but not a word of a group's name ("chemo") nor one the
            # group's own monographs use (a member's trial, "conjugates"); a lay word or a trial's name is not. In
            # another language most words are absent from the corpus ("¿Los IBP a largo plazo causan…?"): there only
            # another medicine counts.
            named = _group_name_stems(rec)
            abroad = self.lexicon.written_abroad(text, rec)
            outside = [w for w in unknown if not set(stem_text(w)) <= named
                       and self._beside_group(w, set(rec.group), abroad)]
            if outside:
                return self._abstain(self._not_covered(text, outside))
            return self._group_answer(text, plan, intents, mode, group_limit)
        if plan.lacking:
            return self._abstain(f"'{plan.lacking[0]}' is not covered by the corpus.")
        if unknown:
            return self._abstain(self._not_covered(text, unknown))
        candidates = np.arange(len(self.chunks))
        scores, best = self._scores(text, plan.stems, candidates, mode, plan)
        threshold = ABSTAIN_COSINE.get(self.settings.encoder, 0.4)
        if mode != "bm25" and best < threshold or mode == "bm25" and scores.max() <= 0:
            return self._abstain("Nothing in the corpus matches this question closely enough.")
        hits = self._hits(list(top(scores, candidates, top_k)), scores, drug=None, plan=plan)
        hits.trace["best_cosine"] = round(best, 4)
        return hits

    def _drug_order(self, text: str, plan: Plan, intents: list[str], scores: np.ndarray,
                    candidates: np.ndarray) -> list[int]:
        drugs = plan.drugs
        ranked = list(candidates[np.argsort(-scores[candidates], kind="stable")])
        bare = False
        if len(drugs) > 1 and _COMPARES.search(text) and not set(plan.strong) - {"prescribing", "evidence"}:
            intents = ["evidence", *intents]  # "X vs Y for Z", "X or Y, which is better": comparative evidence
        elif len(drugs) > 1 and not plan.strong:
            intents = ["prescribing", *intents]  # two drugs together: interactions
        elif not intents and not self.lexicon.residual(text, plan.recognised) and not _HOW_OR_WHY.search(text):
            # A bare drug name, in any language ("el omeprazol"): start with what it is. The section model has no
            # words to weigh here, and it had learned to answer a name alone with its risks.
            intents, bare = ["overview"], True
        elif not intents:
            # Words beyond the name ask for something specific; the overview is the least specific answer.
            overview = {self.by_drug[d]["overview"] for d in drugs}
            ranked = [i for i in ranked if i not in overview] + [i for i in ranked if i in overview]
        first = [self.by_drug[d][s] for s in intents for d in drugs if s in self.by_drug[d]]
        first = self._evidence_first(plan, intents) + first
        learned = None if bare else self._learned_section(plan)
        if learned is not None and self.chunks[(first or ranked)[0]].section != learned[0]:
            section = learned[0]
            _explain_learned(plan, learned, intents)
            plan.chosen_sections.append(section)
            first = [self.by_drug[d][section] for d in drugs if section in self.by_drug[d]] + first
        elif intents and first and first[0] == self.by_drug[drugs[0]].get(intents[0]):
            cue = plan.cues.get(intents[0])
            plan.chosen_sections.append(intents[0])
            plan.why.append(f"section '{intents[0]}': asked for by '{cue}'" if cue else
                            f"section '{intents[0]}': the usual section for this kind of question")
        if not first and len(drugs) > 1:
            # No intent: alternate drugs so each named drug's best section is near the top.
            per_drug = [[i for i in ranked if self.chunks[i].drug == d] for d in drugs]
            first = [i for group in zip(*per_drug, strict=False) for i in group]
        seen = list(dict.fromkeys(first + ranked))
        return seen

    def _learned_section(self, plan: Plan, group: list[str] | None = None) -> tuple[str, float] | None:
        """The section model's choice and its probability, for a question that is answered (a refused one shows only
        the sections its other words ask for) once its embedding and chunk scores are at hand. The model's inputs
        are kept in the plan: tools/train_section_model.py trains on exactly what the engine passes here. A class
        (`group`) is read as one drug: its members' scores, section by section, averaged."""
        if plan.vector is None or plan.chunk_scores is None or plan.dose or not (plan.drugs or group):
            return None
        sparse, dense = plan.chunk_scores
        members = group or plan.drugs[:1]

        def by_section(scores: np.ndarray) -> np.ndarray:
            values = []
            for s in SECTION_KEYS:
                picked = [scores[self.by_drug[d][s]] for d in members if s in self.by_drug[d]]
                # One member's score is its own mean: np.mean on a list costs more than the rest of this reading.
                values.append(picked[0] if len(picked) == 1 else np.mean(picked or [0.0]))
            return np.array(values)

        plan.section_inputs = SectionInputs(
            plan.text, plan.vector, plan.intents, plan.strong, 1 if group else len(plan.drugs),
            dense=by_section(dense), sparse=by_section(sparse), experienced=describes_experience(plan.text))
        if self.section_model is None:
            return None
        if plan.intents[:1] == ["counselling"] and (plan.section_inputs.experienced
                                                     or asks_common_effects(plan.cues.get("counselling", ""))):
            # An effect the person has had ("… is that normal?"), or the common effects asked for ("what are the
            # common side effects of semaglutide?"), is Counselling by the writers' convention, which every labelled
            # set now follows; the model, whose n-grams weigh the effects as risks, overruled it on new questions
            # (docs/EVALUATION.md, round V and the forty-third session). Its inputs are still kept, for training.
            return None
        probabilities = self.section_model.probabilities(plan.section_inputs)
        section = max(probabilities, key=probabilities.__getitem__)
        return section, probabilities[section]

    def _evidence_first(self, plan: Plan, intents: list[str]) -> list[int]:
        """Sections that discuss a specific thing the question names, for each drug whose intended section
        does not: the intent is the prior, and this evidence overrides it."""
        if set(intents) & set(plan.strong):
            # A strong cue ("monitoring", "interacts", "trial") is right far more often than the words alone
            # (docs/EVALUATION.md): evidence decides only for weak or missing intents.
            return []
        # Words that ask for a section ("how does it work", "monitoring") are the intent's evidence already, and
        # shorthand for the drug ("dapa") says whose section, not which.
        asked = {t for phrase in [*intent_words(plan.text), *plan.recognised.fuzzy]
                 for t in stem_text(phrase)}
        terms = [t for t in self.evidence.specific(plan.stems) if t not in asked]
        # A coined name that chose the drug ("SUSTAIN-6") is itself the evidence for where it is discussed.
        terms += [t for key in plan.rare for t in stem_text(key.replace("-", " ")) if t not in terms]
        if not terms:
            return []
        lead: list[int] = []
        for d in plan.drugs:
            sections = self.by_drug[d]
            weights = {i: self.evidence.weight(terms, i) for i in sections.values()}
            # Ties go to the section the format puts risks in first ("gynaecomastia" is explained in How it
            # works and listed as a risk in Prescribing).
            best = max(weights, key=lambda i: (weights[i], -_TIE_ORDER.index(self.chunks[i].section)))
            intended = sections.get(intents[0]) if intents else None
            if weights[best] == 0 or (intended is not None and weights[intended] > 0):
                continue
            lead.append(best)
            plan.chosen_sections.append(self.chunks[best].section)
            named = "', '".join(self.evidence.terms_in(terms, best))
            plan.why.append(f"section '{self.chunks[best].section}' of {d}: it discusses '{named}'")
        return lead

    def _hits(self, order: list[int], scores: np.ndarray, drug: str | None, plan: Plan | None = None) -> Answer:
        hits = [self._hit(self.chunks[i], float(scores[i]), plan) for i in order]
        return Answer(question="", drug=drug or (hits[0].drug if hits else None), hits=hits)

    def _hit(self, chunk: Chunk, score: float, plan: Plan | None = None) -> Hit:
        marked = self.highlighter.highlights(plan.vector, plan.stems, chunk.id) if plan is not None else []
        return Hit(drug=chunk.drug, section=chunk.section, title=chunk.title, text=chunk.text,
                   references=chunk.references, score=round(score, 4), status=chunk.status, highlights=marked)

    def _beside_group(self, word: str, members: set[str], abroad: bool) -> bool:
        """Whether a word the corpus does not know names something other than the group the question asks about."""
        spread = self.lexicon.vocabulary
        medicine = self.lexicon.other_medicine(word)
        if medicine is not None and max(spread.get(word, 0), spread.get(medicine, 0)) <= MEDICINE_MENTIONS \
                and not self.lexicon.spells_a_common_word(word, MEDICINE_MENTIONS):
            return True
        if abroad or spread.get(word, 0) > PASSING_MENTION or self.lexicon.names_a_group(word):
            return False
        # Counted by stem, so that an inflection of a corpus word ("pharmacologically") is that word. And only another
        # medicine's name, perhaps misspelt: a rare word that is none ("euglycaemic", "hayfever", a trial's name) asks
        # about the group.
        users = {self.chunks[i].drug for i in self.sparse.documents_with(stem_text(word))}
        return (len(users) <= PASSING_MENTION and not users & members
                and self.lexicon.misspelt_medicine(word) is not None)

    def _group_answer(self, text: str, plan: Plan, intents: list[str], mode: Mode, limit: int | None = None) -> Answer:
        rec = plan.recognised
        section = intents[0] if intents else "overview"
        # A class is asked about as a drug is ("¿Los IBP a largo plazo causan osteoporosis?", "wie wirken Statine?"):
        # the section model weighs the words beyond the class's name with the intent's cue, as it does a drug
        # question's, and reads what the intent table cannot. On the development class set it chose better than the
        # cue alone (docs/EVALUATION.md). A class's name alone asks what it is.
        fit: np.ndarray | None = None
        named = _group_name_stems(rec)
        beyond = [w for w in self.lexicon.residual(text, rec) if not set(stem_text(w)) <= named]  # the class's name
        if intents or beyond:
            candidates = np.array(sorted(i for d in rec.group for i in self.by_drug[d].values()))
            fit, _ = self._scores(text, plan.stems, candidates, mode, plan)
            learned = self._learned_section(plan, group=rec.group)
            if learned is not None and learned[0] != section:
                section = learned[0]
                _explain_learned(plan, learned, intents)
        # A study some members' monographs own, named beside the class with no other question ("MRA bei
        # Herzinsuffizienz: RALES und EMPHASIS-HF"): Evidence is asked for, as it is beside a drug's name.
        found = self._rare_terms(text)
        studies = {term: users for term, users in found.items()
                   if not set(stem_text(term.replace("-", " "))) <= named}  # not the class's own name ("LAMA")
        # the sections the question's cues ask for, but not a cue the class's own name gave ("Rezeptor-Antagonisten")
        asked = {cue for cue, word in plan.cues.items() if not (stems := set(stem_text(word))) or not stems <= named}
        if section != "evidence" and not asked - {"prescribing", "evidence"} \
                and (own := self._own_studies(studies, rec.group)):
            section = "evidence"
            plan.why[:] = [w for w in plan.why if not w.startswith("section '")]
            plan.why.append("section 'evidence': it names studies of the group's monographs: "
                            + ", ".join(f"'{term}' ({', '.join(own[term])})" for term in _once_each(own)))
        members = self._members_by_evidence(plan, found, beyond, section, fit)
        hits = [self._hit(self.chunks[self.by_drug[d][section]], 1.0) for d in members[:limit]]
        if rec.drug_class and rec.drug_class in self.classes:
            message = f"{rec.drug_class}: {self.classes[rec.drug_class].description}"
        else:
            message = f"Drugs in the corpus matching '{rec.group_label}': {', '.join(rec.group)}."
        return Answer(question="", message=message, hits=hits, trace={"group_section": section})

    def _members_by_evidence(self, plan: Plan, found: dict[str, list[str]], beyond: list[str], section: str,
                             fit: np.ndarray | None) -> list[str]:
        """A group's members, those whose monographs use the specific things the question names beside the group
        first: a term only some of them use sets those apart ("calicheamicin ADCs", "beta-blockers in HFrEF:
        CIBIS-II, MERIT-HF": `found`, the coined terms the question names, and the rare ones among `beyond`, its
        words beyond the class's name), weighed as its rarity among them (log of members over users); among members
        those terms do not set apart, the one whose `section` best fits the question (`fit`, the fused scores) comes
        first. Each subgroup the question names keeps its place (the first named is asked about)."""
        rec = plan.recognised
        named = _group_name_stems(rec)
        # What the question names beside the group: the corpus's coined terms (a trial, a code), and words few
        # monographs use (a payload, a complication); not a word many use ("breast", "INR", "were"), which a
        # member's monograph may use in passing or to say it does not apply.
        users: dict[str, set[str]] = {}
        for term in _once_each(found):
            users[term] = set(found[term])
        for word in beyond:
            for stem in stem_text(word):
                if stem not in named and not any(stem in term for term in users):
                    by = {self.chunks[i].drug for i in self.sparse.documents_with([stem])}
                    if len(by) <= self._rare_word_monographs:
                        users[word] = by
        # Then, among members the terms do not set apart, the one whose section best fits the whole question (its
        # fused score): "betabloccanti nello scompenso cardiaco" names no rare term, yet carvedilol's Evidence
        # answers it and atenolol's does not. A class's bare name has no scores: the group's order stands.
        fits = {} if fit is None else {d: float(fit[self.by_drug[d][section]]) for d in rec.group
                                       if section in self.by_drug[d]}
        ordered: list[str] = []
        for part in rec.parts():
            weight = {d: 0.0 for d in part}
            telling: dict[str, list[str]] = {}
            for term, by in users.items():
                among = [d for d in part if d in by]
                if 0 < len(among) < len(part):
                    for d in among:
                        weight[d] += math.log(len(part) / len(among))
                        telling.setdefault(d, []).append(term)
            order = sorted(part, key=lambda d: (-weight[d], -fits.get(d, 0.0)))
            if not ordered and order[0] != part[0]:
                plan.why.append(f"{order[0]} first among the group: " + (
                    "its monograph uses " + ", ".join(f"'{w}'" for w in telling[order[0]]) if order[0] in telling
                    else f"its {SECTION_TITLES[section]} section fits the question best"))
            ordered += order
        return ordered

    def _not_covered(self, text: str, unknown: list[str]) -> str:
        """The abstention's reason, naming what was asked about: another medicine's name where the question has one
        ("levosulpiride", not "controindicazioni"; "isosorbide dinitrate", not "isosorbide")."""
        named = self.lexicon.other_medicines_named(text)
        return f"'{(named or unknown)[0]}' is not covered by the corpus."

    @cached_property
    def _asked_model(self) -> AskedModel | None:
        """Loaded when first needed: most questions name no medicine the corpus lacks, and a cold start reads none."""
        return AskedModel.load() if ASKED_WEIGHTS.exists() else None

    def _learned_asked(self, text: str, plan: Plan) -> tuple[str, str] | None:
        """Where no rule reads which medicine a question naming two asks about, the learned reading (asked_model), when
        it is sure the question asks about one the corpus lacks: (that medicine as typed, the covered drug). Not a topic
        of the corpus (DrugLexicon.corpus_topic: "IV furosemide — does diuresis start within 5 min?"), which only words
        that place it outright make a medicine asked about, unless the reading is all but sure (TOPIC_SURE: "switched
        from sertraline to paroxetine - is paroxetine safe while breastfeeding?"; paroxetine is named by several
        monographs' interactions). Unlike the rules' weaker readings it speaks even of a medicine the covered drug's
        monograph names (the rules' whole guard, that test and the topic test, tried at p >= 0.8, kept 1 answerable
        question in 540 of the held-out sets and lost 9 of 540 out of corpus): the question's shape decides."""
        read = None if self._asked_model is None else self._asked_model.asked(text, plan.recognised, self.lexicon)
        if read is None:
            return None
        p, phrase, others = read
        other = next((o for o in others if not self.lexicon.corpus_topic(o, MEDICINE_MENTIONS)), None)
        if other is None and p >= TOPIC_SURE:
            other = others[0]
        if other is None:
            return None
        drug = plan.drugs[0]
        said = phrase.replace(OTHER, other).replace(DRUG, drug)
        plan.why.append(f"abstained: the question asks about '{other}', not {drug} (the learned reading of which "
                        f"medicine is asked about, p={p:.2f}, most of all for '{said}')")
        return other, drug

    def _abstain(self, reason: str) -> Answer:
        covered = ", ".join(sorted(self.classes)[:6])
        return Answer(question="", message=(
            f"{reason} ClinCalc search covers {len(self.monographs)} drug monographs in "
            f"{len(self.classes)} classes (for example {covered}); ask about one of those drugs or classes."
        ))
