"""Decide whether a question asks for dosing, and say which rule decided (see docs/DOSE_POLICY.md)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Phrases that contain dose words but ask about pharmacology or safety, not an amount (policy: hard cases).
_NEAR_MISSES = re.compile(
    r"\bdose[- ](?:dependent|dependency|related|limiting|response|proportional)\w*"
    r"|\b(?:signs?|symptoms?|features?|treatment|management|manage|treat|antidote|reversal)\s+(?:of|for)\s+"
    r"(?:an?\s+)?(?:\w+\s+)?(?:overdose|toxicity)"
    r"|\bhow often (?:should|do|does|must|will|would|are|is|to)\b[^?]*?\b(?:check|checked|monitor\w*|test\w*|"
    r"measure\w*|bloods?|levels?|lfts?|fbc|inr|ecg|scan\w*|review\w*|seen|screen\w*|eye|x-?ray)\b"
)

# Each rule is (name, pattern). Order is only for the decision record: the first match is reported.
_RULES: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(rx)) for name, rx in [
    ("dose_word", r"\b(?:doses?|dosage\w*|dosing|doseage|dossage|dosge|dosed|posolog\w*|dosis|dosierung\w*|"
                  r"dosierungen|einnahmemenge|loading|maintenance dose|overdos\w* (?:amount|threshold|limit))\b"),
    ("amount", r"\bhow (?:much|many)\b|\bwhat amount\b|\bquantity\b|\bcombien\b|\bcu[aá]nt[oa]s?\b|"
               r"\bwie ?viel\w*\b|\bwieviel\w*\b|\bquelle quantit[eé]\b|\bwie viele\b"),
    ("unit", r"\d\s*(?:mg|mcg|µg|ug|g|gram\w*|ml|l|units?|iu|micrograms?|mmol|milligrams?|puffs?|tabs?|"
             r"tablets?|pills?|caps(?:ules)?|drops?|sachets?|patch(?:es)?|%)\b|"
             r"(?:^|\s)(?:mg|mcg|mg/kg|mcg/kg|mg/m2|mg/m²|micrograms?|milligrams?|ml/h\w*|units/kg)(?:\s|$|\?)|"
             r"\bmg/kg\b|\bper kilo\w*\b|/kg\b|\bmg\b"),
    ("frequency", r"\bhow often\b|\bhow frequently\b|\bhow many times\b|\b(?:once|twice|thrice|three times|"
                  r"four times|\d+ times)(?: a| per| each| every)? ?(?:day|daily|week|weekly|night|nightly|"
                  r"month|hours?)\b|\btwice\b|\bthrice\b|"
                  r"\bevery \d+ ?(?:h|hrs?|hours?)\b|\bevery (?:few|two|three|four|six|eight|twelve) hours\b|"
                  r"\b(?:bd|bid|b\.d\.|tds|tid|t\.d\.s\.|qds|qid|q\.d\.s\.|od|o\.d\.|prn|nocte|mane|stat|q\d+h|"
                  r"q\d+hrs?)\b|\bfois par jour\b|\bveces al d[ií]a\b|\bcada \d+ horas\b|\bmal (?:am|pro|t[aä]glich)\b|"
                  r"\bwie oft\b|\btous les combien\b|\bcada cu[aá]nto\b|\bcon qu[eé] frecuencia\b|"
                  r"\b(?:ab|aller) \d+ stunden\b|\bdaily or\b|\bor daily\b|\bweekly or\b"),
    ("course_length", r"\bhow long (?:is|should|do|does|must|to|will|for|can|are)\b[^?]*\b(?:course|take|taking|"
                      r"treat\w*|give|given|continue|use|using|stay on|be on|on it|for)\b(?! (?:to work|work|"
                      r"before it works|until))|\bcourse (?:length|duration)\b|\blength of (?:the )?course\b|"
                      r"\bduration of (?:treatment|therapy|the course)\b|\bhow many days\b|\bhow many weeks\b"),
    ("titration", r"\btitrat\w*|\bup-?titrat\w*|\btaper\w*|\bwean\w*|\bstep (?:up|down)\b|"
                  r"\bincrease the dose\b|\breduce the dose\b|\bramp up\b|\bescalat\w*"),
    ("maximum", r"\bmax(?:imum|imal)?\b|\bupper limit\b|\bmost (?:i|you|we|they|he|she) can (?:take|have|give)\b|"
                r"\bceiling\b|\btoo much\b|\bmaximale?\b|\bm[aá]xim[ao]\b|\bh[oö]chst\w*"),
    ("conversion", r"\bconver(?:t|sion)\w*|\bequivalen\w*|\bequianalgesic\b|\bswitch\w* (?:from|to)\b[^?]*\b(?:to|"
                   r"from)\b|\biv to (?:oral|po)\b|\b(?:oral|po) to iv\b|\b(?:conversion|switch\w*|dose) ratio\b|\bswap (?:from|to)\b"),
    ("adjustment", r"\badjust\w*|\bin (?:ckd|aki|renal impairment|kidney failure|liver failure|hepatic impairment|"
                   r"dialysis|haemodialysis|hemodialysis)\b[^?]*\b(?:give|much|amount|reduce|lower)\b|"
                   r"\bweight[- ]based\b|\bper (?:kg|kilo)\b|\bfor (?:a|my) (?:child|baby|toddler|kid|\d+ ?(?:year|yr|kg))|"
                   r"\bcrcl\b|\begfr of \d+\b|\bfor a \d+"),
    ("infusion_rate", r"\binfusion rate\b|\brate of (?:infusion|administration)\b|\bhow fast\b|\bhow quickly "
                      r"(?:can|should|do|to) (?:i |you |we )?(?:give|run|infuse|push|inject)\b|\brun (?:it |this )?over\b|"
                      r"\bover how long\b|\bml/h\w*|\bdrip rate\b|\bbolus\b"),
    ("missed_double", r"\bmiss(?:ed|ing)? (?:a |my |one |the |an? |two )?(?:dose|tablet|pill|injection|capsule|jab|day)\w*|"
                      r"\bforg(?:o|e)t(?:ten)? (?:to take|my|a|to have|to give)\b|\btook (?:two|double|an extra|too many|"
                      r"a second|another|\d+)\b|\bdouble (?:up|dose)\b|\b(?:take|have) (?:another|an extra|a second|"
                      r"two|double)\b|\bextra (?:tablet|pill|dose|capsule)\b|\boubli\w*|\bolvid\w*|\bvergessen\b"),
    ("overdose", r"\b(?:toxic|lethal|fatal|dangerous) (?:dose|amount|quantity)\b|\boverdose\b|\bsurdosage\b|"
                 r"\bsobredosis\b|\b[uü]berdosis\b"),
    ("consumer", r"\bis (?:\d+|one|two|three|four|half) (?:ok|okay|alright|safe|fine|enough|too)\b|"
                 r"\bcan i (?:take|have|give) (?:another|more|\d+|two|three|four|half|a second|one more)\b|"
                 r"\bhow many (?:pills|tablets|tabs|capsules|puffs|sprays|patches|injections)\b|"
                 r"\b(?:half|quarter) (?:a )?(?:tablet|pill)\b|\bwhat strength\b"),
    ("strength_form", r"\bstrengths?\b|\bwhat (?:sizes|doses)\b|\bcomes? in \d|\btablet sizes?\b|\bavailable (?:in|as) "
                      r"\d|\bpreparations? available\b"),
]]


@dataclass(frozen=True)
class DoseDecision:
    is_dose: bool
    rule: str | None = None  # name of the rule that fired
    matched: str | None = None  # the words that made it fire

    def __bool__(self) -> bool:
        return self.is_dose


def normalise(question: str) -> str:
    text = unicodedata.normalize("NFKC", question).casefold()
    text = re.sub(r"[\u2018\u2019`]", "'", text)
    return re.sub(r"\s+", " ", text).strip()


def check(question: str) -> DoseDecision:
    """Is this a dose question? Returns the decision and the rule that made it."""
    text = _NEAR_MISSES.sub(" ", normalise(question))
    for name, rx in _RULES:
        m = rx.search(text)
        if m:
            return DoseDecision(True, name, m.group(0).strip())
    return DoseDecision(False)


def refusal_message(drug: str | None, brands: list[str]) -> str:
    """The refusal names the drug (and brands) and never contains a number."""
    if drug:
        brand = f" ({', '.join(brands)})" if brands else ""
        subject = f"the dose of {drug}{brand}"
    else:
        subject = "any dose"
    return (
        f"Dosing is not published by ClinCalc search. Confirm {subject} against the product SmPC "
        "and your local formulary before prescribing or taking it."
    )


def without_dose_phrases(question: str) -> str:
    """The question with every dose phrase removed: what is left of a mixed question."""
    text = normalise(question)
    for _, rx in _RULES:
        text = rx.sub(" ", text)
    return text
