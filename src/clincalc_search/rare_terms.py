"""The corpus's own rare names (trial acronyms, product codes, rare clinical terms), each tied to the one or
two monographs that use it, so a question naming one finds them the way a drug name does."""

from __future__ import annotations

import re

from clincalc_search.models import Monograph

# A term used by more monographs than this names a topic, not a monograph.
MAX_MONOGRAPHS = 4
_TOKEN = re.compile(r"[a-z0-9]+")
_COMPOUND = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")
_CAPS = re.compile(r"\b[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*\b")
# An acronym that is also an English word ("RECOVERY", "PARADIGM") counts only when the question writes it in
# capitals or asks about a study.
_STUDY_CUE = re.compile(r"\b(?:trials?|stud(?:y|ies)|results?|show(?:ed|n|s)?|data|evidence|f(?:i|ou)nd(?:ings?|s)?|"
                        r"outcomes?|report(?:ed|s)?|publish\w*|landmark|"
                        # the same asked in Spanish, French, German, Italian or Portuguese ("que montre CHARM",
                        # "welche Ergebnisse hatte EMPHASIS-HF", "o que mostrou o estudo")
                        r"ensayos?|estudios?|resultados?|mostr[oó]|demostr[oó]|datos|evidencias?|essais?|[ée]tudes?|"
                        r"r[ée]sultats?|montr[ée]e?s?|montre(?:nt)?|donn[ée]es|preuves?|studien?|ergebnis(?:se)?|"
                        r"zeig(?:t|te|ten)|daten|evidenz|studi|sperimentazion[ei]|risultat[oi]|mostrat[oa]|mostra|"
                        r"dati|evidenz[ae]|ensaios?|estudos?|mostrou|demonstrou|evid[eê]ncias?)\b")


def term_keys(text: str) -> set[str]:
    low = text.casefold()
    # Words of four or more letters, and codes that mix letters and digits ("4s"); split in one linear pass.
    keys = {t for t in _TOKEN.findall(low) if (t[0].isalpha() and len(t) >= 4)
            or (not t.isdigit() and not t.isalpha())}
    for compound in _COMPOUND.findall(low):
        keys |= {compound, compound.replace("-", "")}
    return keys


def find_coined(monographs: list[Monograph], english: frozenset[str], names: set[str]
                ) -> tuple[dict[str, list[str]], set[str]]:
    """The corpus's coined terms → the monographs that use them, and those of them that are also English words
    (computed at build: it reads every section)."""
    users: dict[str, set[str]] = {}
    acronyms: set[str] = set()
    for m in monographs:
        text = "\n".join([*(s.text for s in m.sections), *m.references])
        for key in term_keys(text):
            users.setdefault(key, set()).add(m.name)
        for caps in _CAPS.findall(text):
            acronyms |= {caps.casefold(), caps.casefold().replace("-", "")}
    coined: dict[str, list[str]] = {}
    needs_cue: set[str] = set()
    for key, drugs in users.items():
        if len(drugs) > MAX_MONOGRAPHS or key in names:
            continue
        english_word = key in english or all(part in english for part in key.split("-"))
        if not (key in acronyms or any(ch.isdigit() for ch in key) or ("-" in key and not english_word)):
            # A rare lower-case word is an ordinary word ("effusion": evidence for a section, not a name) or
            # another drug that a monograph mentions ("isotretinoin" in doxycycline's interactions): a
            # question about that drug must still abstain.
            continue
        coined[key] = sorted(drugs)
        if english_word:
            needs_cue.add(key)
    return dict(sorted(coined.items())), needs_cue


class RareTerms:
    def __init__(self, coined: dict[str, list[str]], needs_cue: set[str]) -> None:
        self._drugs = coined
        self._needs_cue = needs_cue

    @staticmethod
    def study_asked(question: str) -> bool:
        """Whether the question asks about a study ("trial", "results", "show"...)."""
        return bool(_STUDY_CUE.search(question.casefold()))

    def find(self, question: str) -> dict[str, list[str]]:
        """Rare terms named in the question → the monographs that use them."""
        written_caps = {c.casefold() for c in _CAPS.findall(question)}
        cue = self.study_asked(question)
        found: dict[str, list[str]] = {}
        # Longest first, then alphabetical: a set's order changes with each process's string hashing, and the order
        # found here is the order of the drugs in the answer.
        for key in sorted(term_keys(question), key=lambda k: (-len(k), k)):
            drugs = self._drugs.get(key)
            if drugs is None or (key in self._needs_cue and not cue and key not in written_caps):
                continue
            if any(key in longer for longer in found):
                continue  # "empa" inside "empa-reg": the compound already says it
            found[key] = drugs
        return found
