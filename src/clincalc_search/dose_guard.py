"""Decide whether a question asks for dosing: what it asks for decides, not which words it contains
(policy: docs/DOSE_POLICY.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from clincalc_search.skeleton import skeleton

# Stage 1, context: spans where dose-like words or numbers name something other than an amount, interval or
# schedule of the drug to give: the timing of a test or a reaction, an effect's relation to exposure, the
# consequences of an overdose, how many patients, a measured level, a code, a date or a length of time. They
# are set aside before anything else is read, and the decision record lists them.
_CONTEXT: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(rx)) for name, rx in [
    ("dose_as_time", r"\b(?:before|after|with|since|following|post|pre|between|at)[- ](?:(?:each|every|the|a|an|my|his|her|their|your|this|that|first|second|third|next|last|initial|1st|2nd|test|previous|subsequent|every other|any) ){0,3}(?:[\w-]+ )?(?:doses|dose|infusions?|injections?)\b(?<!between doses)(?<!between each dose)(?<!between dose)"),
    ("dose_relation", r"\bdose[- ](?:dependent|dependency|related|limiting|response|proportional)\w*|\bfirst[- ]dose (?:hypotension|effect|reaction|phenomenon)\w*|\bhow long does (?:the effect of )?(?:one|a|each|a single) dose\b[^?]*\blast\b"),
    ("overdose_consequence", r"\b(?:what happens|happen|consequences?|symptoms?|signs?|effects?|treat\w*|manag\w*|antidotes?|reversal|reverse|risks?|dangers?|complications?|survive|die|dying|present\w*|features?|toxicity|after|following|from|in|suspected|accidental|deliberate|intentional|mixed|staggered|an?)\b(?: [\w'-]+){0,3} overdos\w*|\boverdos\w*(?: [\w'-]+){0,2} (?:symptoms?|signs?|treatment|management|antidotes?|effects?|consequences?|risks?|presentation|features|ecg|nomogram|line|protocol|guidance|advice|look like|do|cause\w*|lead|kill|harm|damage|happen\w*)\b|\boverdos\w* of\b(?=[^?]*\b(?:what|signs?|symptoms?|treat|manage|happen)\b)"),
    ("how_many_people", r"\b\d+(?:[.,]\d+)? ?(?:in|out of) ?\d+(?:[.,]\d+)?\b|\b\d+(?:[.,]\d+)? ?(?:%|percent|per ?cent)(?! (?:solution|cream|gel|w/v|w/w|strength|concentration))|\bhow (?:much|many) (?:people|patients|adults|children|women|men|of the|of them|trials|studies|does (?:it|\w+(?: \w+)?) cost|is (?:it|\w+) to buy|weight|money|time|longer|more effective|better|difference|risk|evidence)\b[^?]*|\bhow much (?:is|does|do|would|will)\b[^?]*\b(?:cost|price|privately|pay|buy|prescription charge)\w*"),
    ("test_frequency", r"\bhow (?:often|many times|frequently)\b[^?]*?\b(?:check|checked|monitor\w*|test\w*|measure\w*|bloods?|levels?|lfts?|fbc|inr|ecgs?|scan\w*|review\w*|seen|screen\w*|eye exam\w*|x-?rays?|troughs?|weigh\w*|appointments?|clinic|visits?|follow[- ]?up)\b"),
    ("taper_needed", r"\b(?:need|needs|have|has) to be tapered\b|\bneeds? tapering\b|\bdoes \w+(?: \w+)? need (?:to be )?taper\w*"),
    ("onset_time", r"\bhow many (?:hours|days|weeks|months) (?:until|before|after|for \w+ to work|till)\b|\bcombien de temps (?:pour|avant)\b[^?]*\beffet\b|\bcu[aá]nto tarda\b|\bcu[aá]nto tiempo tarda\b"),
    ("measured_value", r"\b(?:levels?|troughs?|peaks?|inr|concentrations?|egfr|crcl|potassium|sodium|creatinine|hba1c|tsh|ck|alt|ast|anc|neutrophils?|platelets?|qtc?|bp|blood pressure|heart rate|pulse|glucose|sugars?|ldl|cholesterol|weight|bmi|ef|lvef|score)\b(?: (?:of|is|was|at|=|above|below|over|under|<|>))? ?\d+(?:[.,/]\d+)?\w*|\d+(?:[.,]\d+)? (?:level|trough)\b|\b(?:trough|level) (?:\w+ )?\d+(?:[.,]\d+)?"),
    ("stated_regimen", r"\b(?:i'?m|i am|im|she'?s|he'?s|they'?re|currently|already|been|i|he|she|they|was|is) (?:on|taking|take|takes|prescribed|given) (?:(?:\w+ ){0,2})\d+(?:[.,]\d+)?\s*(?:mg|mcg|micrograms?|g|units?|ml|tablets?|tabs?|pills?|capsules?|puffs?)\b(?:(?: \w+){0,2} (?:once|twice|daily|a day|weekly|a week|bd|od|tds|at night|in the morning))?"),
    ("code_or_date", r"\b(?:type|stage|grade|phase|class|covid|factor|step|tier|cyp\w*|her|ta|ng|cg|nice|hba1c|il|cd|vitamin [a-z]|t-dm|5-ht|schedule|category|nyha|gold|child-pugh|ckd|g|level|lead|part|cycle|day|week|chapter|section|version|trial|study)[- ]?\d+\w*|\b(?:19|20)\d\d\b|\b[a-z]{3,}-\d+\w*|\b\d+-(?:lead|hour|hr|h|day|week|month|year|minute|min|second)s?(?:-old)?\b"),
    ("time_span", r"(?<!every )(?<!\bor )(?<!\bq)\b\d+(?:[.,]\d+)?(?: ?- ?\d+)? ?(?:min\w*|hours? (?:before|after|later|post|apart)|hrs? (?:before|after)|days? (?:ago|before|after|later|post)|weeks? (?:ago|pregnant|postpartum|post|after|before|later)|months?(?! course)|years?|yrs?|y/?o|yo|year-old|weeks? gestation)\b"),
    ("alcohol_amount", r"\b(?:\d+|one|a|two|three|a few|few|couple of) (?:pints?|glass(?:es)?|units? of alcohol|alcohol units?|drinks?|beers?|lagers?|glasses? of wine|shots?|cans?|bottles?)\b"),
]]


# Read before stage 1: the threshold of an AMOUNT taken is a dose question (policy), although the same words
# ask about consequences elsewhere ("what happens after an overdose" is set aside as context).
_OVERDOSE_AMOUNT = re.compile(r"\b(?:toxic|lethal|fatal|dangerous) (?:dose|amount|quantity)\b|\boverdose (?:threshold|amount|limit|level)\b|\bhow many\b[^?]*\boverdose\b|\b(?:be|become|becomes|is|count as|counts as) an overdose\b|\bsurdosage\b|\bsobredosis\b|\b[uü]berdosis\b|\boverdose\b[^?]*\b(?:threshold|mg/kg|at what point|how many|how much)\b|\bat what (?:point|amount|number)\b[^?]*\boverdose\b")

# Stage 2, requests: the question asks for an amount, strength or form, interval, course, schedule, rate,
# conversion or a decision about one (missed, extra, adjusted). Any request left after stage 1 decides.
_REQUESTS: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(rx)) for name, rx in [
    ("dose_word", r"\b(?:doses?|dosage\w*|dosing|dosed|posolog\w*|dosis|dosierung\w*|dosage|loading|maintenance|induction (?:dose|regimen))\b"),
    ("misspelt_dose", r"\bd[o0]a?s+[aeiou]?[gj]\w*|\bdoze\b|\bdos(?:e|s)?ing\b|\bdose?age\b|\bdosses?\b|\bhow mu(?:tch|hc)\b"),
    ("amount", r"\bhow (?:much|many)\b|\bamount\b|\bquantity\b|\bcombien\b|\bcu[aá]nt[oa]s?\b|\bwie ?viel\w*|\bquelle quantit[eé]\b|\bque(?:lle)? dose\b"),
    ("frequency", r"\bhow often\b|\bhow frequently\b|\bhow many times\b|\bwie oft\b|\btous les combien\b|\bcada cu[aá]nto\b|\bcon qu[eé] frecuencia\b|\bhow long between\b|\bbetween doses\b|\bdosing interval\b|\bhow far apart\b"),
    ("regimen", r"\b(?:what|which|usual|standard|starting|initial|normal|typical|recommended|best|the)\b(?: [\w-]+){0,2} (?:regimen|regime|posology)\b|\b(?:regimen|regime) (?:for|of|in|when)\b|\b(?:usual|standard|typical|normal)\b(?! (?:therapeutic|side|adverse|monitoring|bloods?|tests?|checks?|symptoms?|signs?|presentation|practice|care|advice|counsel\w*|interactions?|indications?|uses?|course of|treatment|therapy|management|approach|choice|range|levels?|values?|results?|reaction|effects?|cause|way|time|place|precautions?|contraindications?|risks?|duration of action|onset))(?= (?:[\w-]+ ){1,2}(?:for|in)\b)"),
    ("course_length", r"\bhow long (?:should|do|must|will|can|to|does)\b[^?]*?\b(?:take|taking|be on|stay on|keep taking|continu\w*|treat\w*|given|used|use|course)\b(?![^?]*\b(?:to work|work|working|before (?:it|breakfast|food|eating|lying)|after (?:taking|stopping|finishing)|until it|out of the fridge|in the fridge|once opened|to kick in|effect)\b)|\bhow long (?:is|are) (?:the |a )?(?:course|treatment|therapy)\b|\bcourse (?:length|duration)\b|\blength of (?:the |a )?(?:course|treatment)\b|\bduration\b(?! of (?:action|effect))|\bhow many (?:days|weeks|months)\b|\bfor how long\b|\bcombien de (?:jours|temps)\b|\bcu[aá]ntos d[ií]as\b|\bwie lange\b(?![^?]*\bwirk)"),
    ("titration", r"\btitrat\w*|\btaper\w*|\bwean\w*|\bstep (?:up|down)\b|\bcome off\b|\bcoming off\b|\bget off\b|\b(?:increase|increasing|raise|up|reduce|reducing|decrease|lower|cut down|go up|double|halve)\b[^?]*\b(?:slowly|gradually|quickly|myself|by myself|on my own)\b|\bhow (?:quickly|fast|soon) can (?:i|you|we) (?:increase|up|raise|reduce|go up)\b|\bcan i up my\b|\bramp up\b|\bescalat\w*|\bausschleich\w*|\beinschleich\w*|\bschema\b|\bsevrage\b|\bdiminuer\b|\breducir\b|\bretirar\b|\b(?:double|halve|triple|increase|raise|up|reduce|lower) (?:the|my|his|her|their|your) (?:\w+ )?(?:doses?|steroids?|pred\w*|hydrocortisone|insulin|tablets?|meds|medication|medicine|units?)\b|\bsick day\w*\b[^?]*\b(?:double|increase|extra|more)\b"),
    ("maximum", r"\bmax(?:imum|imal)?\b|\bupper limit\b|\bceiling\b|\btoo much\b|\bmost\b[^?]{0,30}\b(?:can|could|allowed|permitted|safe)\b|\bcumulative\b|\blimit per\b|\bmaximale?\b|\bm[aá]xim[ao]s?\b|\bh[oö]chst\w*"),
    ("conversion", r"\bconver(?:t|sion)\w*|\bequivalen\w*|\bequianalgesic\b|\bswitch\w*\b[^?]*\b(?:to|from|over)\b|\biv to (?:oral|po)\b|\b(?:oral|po) to iv\b|\bratio\b(?<!normalised ratio)(?<!normalized ratio)|\bswap\w* (?:from|to)\b|\bchange (?:from|over)\b|\bumstell\w*|\bumrechn\w*"),
    ("adjustment", r"\badjust\w*|\bin (?:ckd|aki|renal impairment|renal failure|kidney failure|liver failure|hepatic impairment|dialysis|haemodialysis|hemodialysis|obes\w*)\b[^?]*\b(?:give|much|amount|reduce|lower)\b|\bweight[- ]based\b|\bper (?:kg|kilo)\b|\bfor (?:a|my|an?) (?:child|baby|toddler|kid|infant|neonate)|\bcrcl\b|\begfr (?:of|below|under|less)\b|\bfor a \d+|\bbody weight\b|\bbsa\b|\bajust\w*|\banpass\w*"),
    ("infusion_rate", r"\binfusion (?:rate|time|duration|speed|length)\b|\brate of (?:\w+ )?(?:infusion|administration)\b|\bwhat rate\b|\brate should\b|\bhow fast (?:should|can|do|to|may|is)\b[^?]*\b(?:give|given|run|infus\w*|push|inject\w*|administer\w*|bolus)\b|\bhow quickly (?:can|should|do|to) (?:i |you |we )?(?:give|run|infuse|push|inject)\b|\brun (?:it |this |the \w+ )?over\b|\bover how long\b|\bdrip rate\b|\bbolus\b|\bvitesse de perfusion\b|\bvelocidad de (?:infusi[oó]n|perfusi[oó]n)\b|\binfusionsgeschwindigkeit\b|\blaufrate\b"),
    ("missed_double", r"\bmiss(?:ed|ing|es)?\b[^?]*\b(?:dose|tablet|pill|injection|capsule|jab|patch|day|shot|one)s?\b|\bforg[oe]t\w*|\btook (?:two|double|an extra|too many|a second|another|both|it twice|my \w+ twice)\b|\bdouble (?:up|dose)\b|\b(?:take|have|give) (?:another|an extra|a second|one more|double)\b|\bextra (?:tablet|pill|dose|capsule|one|puff)s?\b|\btook (?:it|them|my \w+) (?:again|late|early)\b|\boubli\w*|\bolvid\w*|\bvergessen\b|\bpor error\b|\bpar erreur\b|\bby (?:mistake|accident)\b|\baccidentally\b|\bmistakenly\b|\bversehentlich\b|\bzwei (?:tabletten|mal)\b|\bdos veces\b|\bdeux fois\b"),
    ("consumer", r"\bis (?:one|two|three|four|half) (?:ok|okay|alright|safe|fine|enough|too)\b|\bhalf (?:a|an|of a)\b|\b(?:take|have|use|give) (?:two|three|four|five|\d+|more|extra|double)\b|\bcan i (?:take|have|give) (?:another|more|two|three|four|half|a second|one more|a whole)\b|\bat once\b|\bat a time\b|\b(?:half|quarter|whole) (?:a |of a )?(?:tablet|pill|one|dose|capsule)\b|\bwhat strength\b|\bone or two\b"),
    ("strength_form", r"\bstrengths?\b|\bwhat (?:sizes|doses)\b|\bcome (?:in|as)\b|\bcomes (?:in|as)\b|\btablet sizes?\b|\bavailable (?:in|as)\b|\bpreparations? available\b|\bformulations?\b|\bwhat concentration\b|\bconcentration (?:is|of) (?!\w+ (?:levels?|in))|\bpack sizes?\b|\bis there (?:an? )?(?:oral |liquid |iv |im |topical )?(?:solution|liquid|syrup|suspension|version|form|formulation|injection|patch|tablet|capsule)s?\b|\bdosage form\b|\bdarreichungsform\w*|\bpr[eé]sentation\w*|\bstre?ng(?:h?th?|ht)h?s?\b|\bwhat mgs?\b|\bmgs? (?:are|is|does|do|available|come)\b"),
]]

# Stage 3, mentions: an amount, weight, count or regimen written into the question. A mention is the thing
# asked about only when the question asks for nothing else ("Stelara every 8 or 12 weeks?", "enox for
# 90kg", "5 mg?") or ties it to a patient factor that would change the dose; beside a question about
# something else ("I'm on 20 mg, what are the side effects", "why does the brand matter, once or twice
# daily") it is context.
_MENTIONS: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(rx)) for name, rx in [
    ("unit", r"\d\s*(?:mg|mcg|µg|ug|g|grams?|ml|mls|l|units?|iu|micrograms?|mmol|milligrams?|puffs?|tabs?|tablets?|pills?|caps(?:ules)?|drops?|sachets?|patch(?:es)?|sprays?|%)\b|\b(?:mgs?|mcg|micrograms?|milligrams?|mmol|units?|ml|mls|puffs?)(?:/kg|/m2|/m²|/h\w*)?\b(?! (?:of )?(?:levels?|concentration))|/kg\b|\bper kilo\w*"),
    ("frequency", r"\b(?:once|twice|thrice|three times|four times|\d+ times)(?: a| per| each| every)? ?(?:day|daily|week|weekly|night|nightly|month|hours?)\b|\btwice\b|\bthrice\b|\bevery (?:\d+|few|two|three|four|six|eight|twelve) ?(?:h|hrs?|hours?)\b|\b(?:od|bd|bid|tds|tid|qds|qid|qd|prn|nocte|mane|stat|q\d+h\w*|o\.d\.|b\.d\.|t\.d\.s\.|q\.d\.s\.)\b|\bfois par jour\b|\bpar jour\b|\bveces al d[ií]a\b|\bal d[ií]a\b|\bcada \d+ horas\b|\bmal (?:am|pro|t[aä]glich)\b|\bpro tag\b|\b(?:ab|aller|alle) \d+ stunden\b|\b(?:daily|weekly) or\b|\bor (?:daily|weekly|every day)\b|\bevery (?:other )?day\b|\bonce a\b|\bevery (?:\d+|one|two|three|four|six|eight|twelve)(?: (?:or|to|-) ?\d+)? ?(?:h|hrs?|hours?|days?|weeks?|months?)\b|\b(?:once|twice)[- ]?(?:weekly|monthly|nightly|daily)\b|\b(?:weekly|monthly|fortnightly|daily) (?:or|vs|versus) (?:weekly|monthly|fortnightly|daily)\b"),
    ("weight", r"\b\d+(?:[.,]\d+)? ?(?:kg|kgs|kilos?|lbs?|pounds|stone)\b"),
    ("number", r"\b\d+(?:[.,]\d+)?\b"),
]]
# A mention beside one of these asks how the dose changes for that patient ("gent 7 mg/kg in renal impairment").
_PATIENT_FACTOR = re.compile(r"\b(?:renal|kidneys?|crcl|egfr|ckd|aki|dialysis|haemodialysis|hemodialysis|hepatic|liver|cirrho\w*|child(?:ren)?|kids?|bab(?:y|ies)|infants?|neonates?|toddlers?|paediatric|pediatric|elderly|frail|obese|obesity|weigh\w*|kg|bsa)\b")
_WHY = re.compile(r"\bwhy\b|\breasons?\b|\bpourquoi\b|\bpor qu[eé]\b|\bwarum\b")


@dataclass(frozen=True)
class DoseDecision:
    is_dose: bool
    rule: str | None = None  # name of the request or mention that decided
    matched: str | None = None  # the words that made it a dose question
    context: tuple[str, ...] = ()  # dose-like phrases set aside as context, as "class: words"

    def __bool__(self) -> bool:
        return self.is_dose

    @property
    def why(self) -> str:
        """One line for people: the phrase that made it a dose question, or what was set aside."""
        if self.is_dose:
            return f"dose question ({self.rule}): '{self.matched}'"
        if self.context:
            return "not a dose question: " + "; ".join(self.context)
        return "not a dose question"


def normalise(question: str) -> str:
    # The shared skeleton: invisible characters, look-alike letters and full-width forms cannot hide a
    # dose question. Quote marks first, since the skeleton reads a spacing accent as a space.
    return skeleton(re.sub(r"[\u2018\u2019`´]", "'", question))


def _set_aside(question: str) -> tuple[str, list[str]]:
    """Stage 1: the question with its context spans blanked, and those spans for the decision record."""
    text = normalise(question)
    context: list[str] = []
    for name, rx in _CONTEXT:
        context += [f"{name}: '{m.group(0).strip()}'" for m in rx.finditer(text)]
        text = rx.sub(" ", text)
    return text, context


def _asks_something_else(text: str) -> bool:
    from clincalc_search.intent import section_intents

    return bool(_WHY.search(text) or section_intents(text, strong_only=True))


def check(question: str) -> DoseDecision:
    """Is this a dose question? Decided by what the question asks for, with the phrase that decided."""
    amount = _OVERDOSE_AMOUNT.search(normalise(question))
    if amount:
        return DoseDecision(True, "overdose", amount.group(0).strip())
    text, context = _set_aside(question)
    for name, rx in _REQUESTS:
        m = rx.search(text)
        if m:
            return DoseDecision(True, name, m.group(0).strip(), tuple(context))
    for name, rx in _MENTIONS:
        m = rx.search(text)
        if m is None:
            continue
        rest = rx.sub(" ", text)
        for _, other in _MENTIONS:
            rest = other.sub(" ", rest)
        if _PATIENT_FACTOR.search(rest) or not _asks_something_else(rest):
            return DoseDecision(True, name, m.group(0).strip(), tuple(context))
        context.append(f"stated {name}: '{m.group(0).strip()}'")
        break
    return DoseDecision(False, context=tuple(context))


def without_dose_phrases(question: str) -> str:
    """The question with every dose phrase removed: what is left of a mixed question."""
    text, _ = _set_aside(question)
    for _, rx in (*_REQUESTS, *_MENTIONS):
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
