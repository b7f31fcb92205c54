"""Decide whether a question asks for dosing, and say which rule decided (policy: docs/DOSE_POLICY.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from clincalc_search.skeleton import skeleton

# Removed before the rules run: phrases that contain dose-like words but ask about pharmacology, safety,
# monitoring, cost or onset. Each is a decided hard case in the policy.
_NEAR_MISSES = re.compile("|".join([
    r"\bdose[- ](?:dependent|dependency|related|limiting|response|proportional)\w*",
    r"\bfirst[- ]dose (?:hypotension|effect|reaction|phenomenon)\w*",
    r"\bhow long does (?:the effect of )?(?:one|a|each|a single) dose\b[^?]*\blast\b",
    r"\bhow (?:often|many times|frequently)\b[^?]*?\b(?:check|checked|monitor\w*|test\w*|measure\w*|bloods?|levels?|lfts?|fbc|inr|ecg|scan\w*|review\w*|seen|screen\w*|eye exam\w*|x-?rays?|troughs?|weigh\w*)\b",
    r"\b(?:need|needs|have|has) to be tapered\b|\bneeds? tapering\b|\bdoes \w+(?: \w+)? need (?:to be )?taper\w*",
    r"\bhow (?:much|many) (?:people|patients|adults|children|women|men|of the|of them|trials|studies|does (?:it|\w+(?: \w+)?) cost|is (?:it|\w+) to buy|weight|money|time|longer|more effective|better|difference|risk|evidence)\b[^?]*",
    r"\bhow many (?:hours|days|weeks|months) (?:until|before|after|for \w+ to work|till)\b",
    r"\bhow much (?:is|does|do|would|will)\b[^?]*\b(?:cost|price|privately|pay|buy|prescription charge)\w*",
    r"\bcombien de temps (?:pour|avant)\b[^?]*\beffet\b",
    r"\b(?:after|before|post|pre)[- ](?:a |the |my |last |each )?(?:\w+ )?dose\b(?=[^?]*\b(?:levels?|troughs?|samples?|blood tests?|bloods)\b)",
    r"\b(?:levels?|troughs?|peaks?|inr|concentrations?|egfr|crcl|potassium|sodium|creatinine|hba1c|tsh|ck|alt)\b(?: (?:of|is|was|at|=))? ?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)? (?:level|trough)\b|\b(?:trough|level) (?:\w+ )?\d+(?:[.,]\d+)?",
    r"\bcu[aá]nto tarda\b|\bcu[aá]nto tiempo tarda\b",
    r"\b(?:i'?m|i am|im|she'?s|he'?s|they'?re|currently|already) (?:on|taking) \d+(?:[.,]\d+)?\s*(?:mg|mcg|micrograms?|g|units?|ml)\b(?=[^?]*\b(?:side effects?|interact\w*|pregnan\w*|breast\w*|monitor\w*|alcohol|safe|risk\w*|work|cause))",
    r"\b(?:type|stage|grade|phase|class|covid|factor|step|tier|cyp\w*|her|ta|ng|cg|nice|hba1c|il|cd|vitamin [a-z]|t-dm|5-ht)[- ]?\d+\w*",
    r"\b(?:19|20)\d\d\b",
    r"\b[a-z]{3,}-\d+\w*",  # trial and product codes: KEYNOTE-189, RE-LY, CheckMate-067
    r"\b\d+(?:[.,]\d+)? ?(?:min\w*|hours? (?:before|after)|days? (?:ago|before|after)|weeks? (?:ago|pregnant)|months?|years?|yrs?|y/?o|year-old)\b",
]))

# Each rule is (name, pattern); the first that matches is reported in the decision record.
_RULES: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(rx)) for name, rx in [
    ("dose_word", r"\b(?:doses?|dosage\w*|dosing|dosed|posolog\w*|\w*dosis|dosierung\w*|dosage|loading|maintenance|induction (?:dose|regimen))\b"),
    ("misspelt_dose", r"\bd[o0]a?s+[aeiou]?[gj]\w*|\bdoze\b|\bdos(?:e|s)?ing\b|\bdose?age\b|\bdosses?\b|\bhow mu(?:tch|hc)\b"),
    ("amount", r"\bhow (?:much|many)\b|\bamount\b|\bquantity\b|\bcombien\b|\bcu[aá]nt[oa]s?\b|\bwie ?viel\w*|\bquelle quantit[eé]\b|\bque(?:lle)? dose\b"),
    ("unit", r"\d\s*(?:mg|mcg|µg|ug|g|grams?|ml|mls|l|units?|iu|micrograms?|mmol|milligrams?|puffs?|tabs?|tablets?|pills?|caps(?:ules)?|drops?|sachets?|patch(?:es)?|sprays?|%)\b|\b(?:mg|mcg|micrograms?|milligrams?|mmol|units?|ml|mls|puffs?)(?:/kg|/m2|/m²|/h\w*)?\b(?! (?:of )?(?:levels?|concentration))|/kg\b|\bper kilo\w*"),
    ("number", r"\b\d+(?:[.,]\d+)?\b"),
    ("frequency", r"\bhow often\b|\bhow frequently\b|\bhow many times\b|\b(?:once|twice|thrice|three times|four times|\d+ times)(?: a| per| each| every)? ?(?:day|daily|week|weekly|night|nightly|month|hours?)\b|\btwice\b|\bthrice\b|\bevery (?:\d+|few|two|three|four|six|eight|twelve) ?(?:h|hrs?|hours?)\b|\b(?:od|bd|bid|tds|tid|qds|qid|qd|prn|nocte|mane|stat|q\d+h\w*|o\.d\.|b\.d\.|t\.d\.s\.|q\.d\.s\.)\b|\bfois par jour\b|\bpar jour\b|\bveces al d[ií]a\b|\bal d[ií]a\b|\bcada \d+ horas\b|\bmal (?:am|pro|t[aä]glich)\b|\bpro tag\b|\bwie oft\b|\btous les combien\b|\bcada cu[aá]nto\b|\bcon qu[eé] frecuencia\b|\b(?:ab|aller|alle) \d+ stunden\b|\b(?:daily|weekly) or\b|\bor (?:daily|weekly|every day)\b|\bevery (?:other )?day\b|\bonce a\b"),
    ("course_length", r"\bhow long (?:should|do|must|will|can|to|does)\b[^?]*?\b(?:take|taking|be on|stay on|keep taking|continu\w*|treat\w*|given|used|use|course)\b(?![^?]*\b(?:to work|work|working|before (?:it|breakfast|food|eating|lying)|after (?:taking|stopping|finishing)|until it|out of the fridge|in the fridge|once opened|to kick in|effect)\b)|\bhow long (?:is|are) (?:the |a )?(?:course|treatment|therapy)\b|\bcourse (?:length|duration)\b|\blength of (?:the |a )?(?:course|treatment)\b|\bduration\b(?! of (?:action|effect))|\bhow many (?:days|weeks|months)\b|\bfor how long\b|\bcombien de (?:jours|temps)\b|\bcu[aá]ntos d[ií]as\b|\bwie lange\b(?![^?]*\bwirk)"),
    ("titration", r"\btitrat\w*|\btaper\w*|\bwean\w*|\bstep (?:up|down)\b|\bcome off\b|\bcoming off\b|\bget off\b|\b(?:increase|increasing|raise|up|reduce|reducing|decrease|lower|cut down|go up|double|halve)\b[^?]*\b(?:slowly|gradually|quickly|myself|by myself|on my own)\b|\bhow (?:quickly|fast|soon) can (?:i|you|we) (?:increase|up|raise|reduce|go up)\b|\bcan i up my\b|\bramp up\b|\bescalat\w*|\bausschleich\w*|\beinschleich\w*|\bschema\b|\bsevrage\b|\bdiminuer\b|\breducir\b|\bretirar\b"),
    ("maximum", r"\bmax(?:imum|imal)?\b|\bupper limit\b|\bceiling\b|\btoo much\b|\bmost\b[^?]{0,30}\b(?:can|could|allowed|permitted|safe)\b|\bcumulative\b|\blimit per\b|\bmaximale?\b|\bm[aá]xim[ao]s?\b|\bh[oö]chst\w*"),
    ("conversion", r"\bconver(?:t|sion)\w*|\bequivalen\w*|\bequianalgesic\b|\bswitch\w*\b[^?]*\b(?:to|from|over)\b|\biv to (?:oral|po)\b|\b(?:oral|po) to iv\b|\bratio\b(?<!normalised ratio)(?<!normalized ratio)|\bswap\w* (?:from|to)\b|\bchange (?:from|over)\b|\bumstell\w*|\bumrechn\w*"),
    ("adjustment", r"\badjust\w*|\bin (?:ckd|aki|renal impairment|renal failure|kidney failure|liver failure|hepatic impairment|dialysis|haemodialysis|hemodialysis|obes\w*)\b[^?]*\b(?:give|much|amount|reduce|lower)\b|\bweight[- ]based\b|\bper (?:kg|kilo)\b|\bfor (?:a|my|an?) (?:child|baby|toddler|kid|infant|neonate)|\bcrcl\b|\begfr (?:of|below|under|less)\b|\bfor a \d+|\bbody weight\b|\bbsa\b|\bajust\w*|\banpass\w*"),
    ("infusion_rate", r"\binfusion (?:rate|time|duration|speed|length)\b|\brate of (?:\w+ )?(?:infusion|administration)\b|\bwhat rate\b|\brate should\b|\bhow fast (?:should|can|do|to|may|is)\b[^?]*\b(?:give|given|run|infus\w*|push|inject\w*|administer\w*|bolus)\b|\bhow quickly (?:can|should|do|to) (?:i |you |we )?(?:give|run|infuse|push|inject)\b|\brun (?:it |this |the \w+ )?over\b|\bover how long\b|\bdrip rate\b|\bbolus\b|\bvitesse de perfusion\b|\bvelocidad de (?:infusi[oó]n|perfusi[oó]n)\b|\binfusionsgeschwindigkeit\b|\blaufrate\b"),
    ("missed_double", r"\bmiss(?:ed|ing|es)?\b[^?]*\b(?:dose|tablet|pill|injection|capsule|jab|patch|day|shot|one)s?\b|\bforg[oe]t\w*|\btook (?:two|double|an extra|too many|a second|another|both|it twice|my \w+ twice)\b|\bdouble (?:up|dose)\b|\b(?:take|have|give) (?:another|an extra|a second|one more|double)\b|\bextra (?:tablet|pill|dose|capsule|one|puff)s?\b|\btook (?:it|them|my \w+) (?:again|late|early)\b|\boubli\w*|\bolvid\w*|\bvergessen\b|\bpor error\b|\bpar erreur\b|\bby (?:mistake|accident)\b|\baccidentally\b|\bmistakenly\b|\bversehentlich\b|\bzwei (?:tabletten|mal)\b|\bdos veces\b|\bdeux fois\b"),
    ("overdose", r"\b(?:toxic|lethal|fatal|dangerous) (?:dose|amount|quantity)\b|\boverdose (?:threshold|amount|limit|level)\b|\bhow many\b[^?]*\boverdose\b|\b(?:be|become|becomes|is|count as|counts as) an overdose\b|\bsurdosage\b|\bsobredosis\b|\b[uü]berdosis\b"),
    ("consumer", r"\bis (?:one|two|three|four|half) (?:ok|okay|alright|safe|fine|enough|too)\b|\bhalf (?:a|an|of a)\b|\b(?:take|have|use|give) (?:two|three|four|five|\d+|more|extra|double)\b|\bcan i (?:take|have|give) (?:another|more|two|three|four|half|a second|one more|a whole)\b|\bat once\b|\bat a time\b|\b(?:half|quarter|whole) (?:a |of a )?(?:tablet|pill|one|dose|capsule)\b|\bwhat strength\b|\bone or two\b"),
    ("strength_form", r"\bstrengths?\b|\bwhat (?:sizes|doses)\b|\bcome (?:in|as)\b|\bcomes (?:in|as)\b|\btablet sizes?\b|\bavailable (?:in|as)\b|\bpreparations? available\b|\bformulations?\b|\bwhat concentration\b|\bconcentration (?:is|of) (?!\w+ (?:levels?|in))|\bpack sizes?\b|\bis there (?:an? )?(?:oral |liquid |iv |im |topical )?(?:solution|liquid|syrup|suspension|version|form|formulation|injection|patch|tablet|capsule)s?\b|\bdosage form\b|\bdarreichungsform\w*|\bpr[eé]sentation\w*"),
]]


@dataclass(frozen=True)
class DoseDecision:
    is_dose: bool
    rule: str | None = None  # name of the rule that fired
    matched: str | None = None  # the words that made it fire

    def __bool__(self) -> bool:
        return self.is_dose


def normalise(question: str) -> str:
    # The shared skeleton: invisible characters, look-alike letters and full-width forms cannot hide a
    # dose question. Quote marks first, since the skeleton reads a spacing accent as a space.
    return skeleton(re.sub(r"[\u2018\u2019`´]", "'", question))


def check(question: str) -> DoseDecision:
    """Is this a dose question? Returns the decision and the rule that made it."""
    text = _NEAR_MISSES.sub(" ", normalise(question))
    for name, rx in _RULES:
        m = rx.search(text)
        if m:
            return DoseDecision(True, name, m.group(0).strip())
    return DoseDecision(False)


def without_dose_phrases(question: str) -> str:
    """The question with every dose phrase removed: what is left of a mixed question."""
    text = _NEAR_MISSES.sub(" ", normalise(question))
    for _, rx in _RULES:
        text = rx.sub(" ", text)
    return text


def refusal_message(drug: str | None, brands: list[str]) -> str:
    """The refusal names the drug (and brands), points to the SmPC and formulary, and has no number."""
    if drug:
        brand = f" ({', '.join(brands)})" if brands else ""
        subject = f"the dose of {drug}{brand}"
    else:
        subject = "any dose"
    return (
        f"Dosing is not published by ClinCalc search. Confirm {subject} against the product SmPC "
        "and your local formulary before prescribing or taking it."
    )
