"""Which section a question is after: mechanism, uses, risks, monitoring, counselling or evidence."""

from __future__ import annotations

import re

# In priority order: when a question matches several, the more specific intent comes first.
_INTENTS: list[tuple[str, re.Pattern[str]]] = [(key, re.compile(rx)) for key, rx in [
    ("monitoring", r"\bmonitor\w*|\bbloods\b|\bblood (?:tests?|work|counts?|levels?)\b|\blfts?\b|\bu&es?\b|\bfbc\b|\binr\b|"
                   r"\btdm\b|\btrough\w*|\blevels?\b|\becgs?\b|\bcheck(?:s|ed|ing)?\b|\bfollow[- ]up\b|"
                   r"\bsurveillance\b|\bscreen(?:ing)?\b|\btests?\b|\bbaseline\b|\bwatch (?:for|out)\b"),
    ("how_it_works", r"\bmechanism\w*|\bmoa\b|\bhow (?:does|do) (?:it|they|\w+(?:[ -]\w+)?) work\b|\bworks? by\b|"
                     r"\bmode of action\b|\bpharmacolog\w*|\bpharmacodynamic\w*|\bhow it works\b|\bhow \w+ works\b|"
                     r"\bwhat does \w+ (?:target|bind|block|inhibit)\b"),
    ("counselling", r"\bcounsel\w*|\btell (?:the |a |my )?(?:patients?|them|him|her|parents?|carers?)\b|"
                    r"\bwhat (?:do|should) i tell\b|\badvi[cs]e\b|\bpatient (?:info\w*|leaflet|education)\b|"
                    r"\bwhat should (?:i|they|patients?|she|he) (?:know|report|avoid|look out)\b|"
                    r"\bhow (?:should|do|does|to|can|is|are|must)\b[^?]{0,40}?\b(?:take|taken|use|used|inject\w*|"
                    r"appl(?:y|ied)|stored?|inhale\w*|swallow\w*|give|given)\b|\bwhen to (?:take|seek)\b|"
                    r"\breport\b|\bwith food\b|\bempty stomach\b|\bcrush\w*|\bdriv(?:e|ing)\b|\bsick day\w*|"
                    r"\bwhat to expect\b|\bstor(?:e|age|ing)\b|\bfridge\b|\bsafety[- ]net\w*|\bstarting\b"),
    ("evidence", r"\bevidence\b|\btrials?\b|\bstud(?:y|ies)\b|\bnice\b|\bguidelines?\b|\bguidance\b|\bdata\b|"
                 r"\boutcomes?\b|\bapprov\w*|\blicen[cs]\w*|\bta\d+|\bng\d+|\bmeta-?analys\w*|"
                 r"\brct\b|\blandmark\b|\bfda\b|\bpublished\b|\bmortality\b|\bsurvival\b"),
    ("prescribing", r"\bside[- ]?effects?\b|\badverse\b|\brisks?\b|\binteract\w*|\bcontra-?indicat\w*|\bcaution\w*|"
                    r"\bpregnan\w*|\bbreast-?feed\w*|\blactation\b|\bboxed\b|\bblack box\b|\bsafe\w*|\btoxicit\w*|"
                    r"\bprescrib\w*|\brenal\b|\bkidneys?\b|\bhepatic\b|\bliver\b|\belderly\b|\bwarnings?\b|\bqt\b|"
                    r"\bbleed\w*|\bcyp\w*|\bcombin\w*|\btogether with\b|\balcohol\b|\bgrapefruit\b|"
                    r"\bavoid\w*|\bproblems?\b|\bdangers?\b|\bharm\w*|\bcomplication\w*|\bserotonin syndrome\b"),
    ("overview", r"\bwhat is\b|\bwhat are\b|\bwhat'?s\b|\bused for\b|\buses?\b|\bindication\w*|\btell me about\b|"
                 r"\boverview\b|\bwhat does \w+ (?:do|treat)\b|\btreat(?:s|ed|ment)?\b|\bwho (?:gets|needs|should get)\b|"
                 r"\bwhy (?:is|are|would) \w+ (?:given|prescribed|used)\b|\bsummary\b|\bexplain\b"),
    # Weak cues: only a person speaking about themselves, so counselling if nothing stronger matched.
    ("counselling", r"\bcan i\b|\bshould i\b|\bi'?m (?:on|taking)\b|\bmy (?:mum|dad|doctor)\b"),
]]


def section_intents(question: str, strong_only: bool = False) -> list[str]:
    """Sections the question asks for, strongest first; empty when it names none."""
    text = question.casefold()
    found: list[str] = []
    for key, rx in _INTENTS[:-1] if strong_only else _INTENTS:
        if key not in found and rx.search(text):
            found.append(key)
    return found
