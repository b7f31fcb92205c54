"""Decide whether a question asks for dosing: what it asks for decides, not which words it contains
(policy: docs/DOSE_POLICY.md)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from clincalc_search.intent import TIME_OF_DAY, section_intents
from clincalc_search.regex_gate import GatedPattern
from clincalc_search.skeleton import skeleton

# "How often" of a test or check (on either side of the words), in English, German, Spanish and French.
_TEST_FREQUENCY = (r"\bhow (?:of+t?e?n|frequently)\b[^?]*\b(?:ecgs?|dexa|dxa|scans?|tfts?|fbc|u&es?|lfts?|b12|calcium|eyes?|eye tests?|lvef|echo\w*|glucose|lipids?|kidney|liver|renal|bloods?|tests?|checks?|check\w*|levels?|rotate|sites?|inr|bp|blood pressure|weigh\w*|x-?rays?)\b|"
                    r"\b(?:ecgs?|dexa|dxa|scans?|tfts?|fbc|u&es?|lfts?|b12|eye tests?|lvef|echo|bloods?|blood tests?|tests?|checks?|levels?|inr|monitor\w*|bp|blood pressure|pulse|heart rate|weight|glucose|lipids?|creatinine|potassium|sodium|urate|qtc?|platelets?)\b[^?]{0,60}\bhow (?:of+t?e?n|frequently)\b"
                    r"(?! (?:should |do |can |must |shall |would )?(?:i|we|you|he|she|they) (?:take|give|have|use|inject|apply|dose|repeat))|"
                    r"\b(?:wie oft|wie h[aä]ufig|in welchen abst[aä]nden|cada cu[aá]nto|con qu[eé] frecuencia|tous les combien|[aà] quelle fr[eé]quence|com que frequ[eê]ncia|de quanto em quanto|a cada quant[oa]s?|ogni quant[oaie]|con quale frequenza)\b[^?]*\b(?:kontroll\w*|blutbild|blutwerte?|blutabnahme|labor\w*|spiegel\w*|an[aá]lisis|anal[ií]tica|niveles?|monitori\w*|vigil\w*|surveill\w*|bilan\w*|contr[oô]l\w*|prise de sang|"
                    r"medir|mesurer|misura\w*|messen|gemessen|verifica\w*|v[eé]rifier|pedir|doser|dosear|exames?|an[aá]lises|esami|glucemia|glicemia|glyc[eé]mie|potasio|pot[aá]ssio|potassio|kalium|litemia|lithi[eé]mie|creatinina|cr[eé]atinine|hemograma|emocromo|tsh|tiroides|tiroide|ecg|electrocardiograma|elettrocardiogramma)\b|"
                    r"\b(?:blutbild|kontroll\w*)\b[^?]*\bwie oft\b|"
                    r"\b(?:fbc|bloods?|blood tests?|tests?|monitoring|checks?)\b[^?]*\bhow many (?:weeks|months)\b|"
                    r"\bhow many (?:weeks|months) of (?:weekly |monthly )?(?:fbc|bloods?|blood tests?|tests?|monitoring|checks?)\b|"
                    r"\b(?:levels?|samples?|sampling|inr|peak|trough|blood tests?|bloods)\b[^?]*\bhow many (?:hours|days|weeks)\b|"
                    r"\bhow many (?:hours|days|weeks)\b[^?]*\b(?:levels?|samples?|sampling|inr|peak|trough|blood tests?|bloods)\b|"
                    r"\bcontr[oô]l\w*\b[^?]*\bcombien\b")


_EFFECT_SIZE = (r"\b(?:hazard|odds|risk|rate|incidence) ratios?\b(?: (?:of|was|is|=|for))? ?(?:\d+(?:[.,]\d+)?)?|\b(?:relative |absolute )?risk reductions?\b|\b(?:mortality|mace|mi|stroke|event|death|fracture|relapse|exacerbation) (?:rate )?reductions?\b|\b(?:lower|lowers|lowered|lowering|reduce[sd]?|reducing|raise[sd]?|raising|increase[sd]?|increasing|cuts?|push(?:es)? up|drops?|dropped|fell|falls|halve[sd]?|improve[sd]?) (?:the |his |her |my |your |their |a |an )?(?:[\w-]+ ){0,2}?(?:oestrogen|estrogen|testosterone|mortality|deaths?|risk|levels?|inr|bp|blood pressure|ldl|cholesterol|hba1c|a1c|weight|events?|mi|strokes?|fractures?|admissions?|hospitali[sz]ations?|relapses?|exacerbations?|progression|recurrence|psa|urate|uric acid|triglycerides|hdl|tsh|creatinine|egfr|sodium|pulse|glucose|sugars?|potassium|heart rate|qtc?|concentrations?|exposure|auc|survival)\b[^?]*?\bby\b(?: (?:about|around|roughly|approximately|up to|nearly|almost|over|more than|less than))? (?:how much|how many|a (?:third|half|quarter|fifth|tenth)|half|one[- ]third|\d+(?:[.,]\d+)? ?(?:%|percent|per ?cent|fold|times|mmhg|mmol\w*|points?))|\b(?:mortality|deaths?|risk|events?|mace)\b[^?]{0,20}\b(?:cut|reduced|lowered|fell|dropped|halved|increased|raised)\b(?: [\w-]+){0,3}? by\b[^?]*")

# Another language's "how much" of a change, a measured quantity, and a change verb in the third person (the
# infinitive, "de combien augmenter", is an instruction: a titration question).
_HOW_MUCH_FOREIGN = r"de combien|en cu[aá]nto|cu[aá]nto|di quanto|quanto|em quanto|um wie ?viel(?: prozent)?"
_CHANGES_FOREIGN = (r"augmente|augmentent|diminue|diminuent|r[eé]duit|r[eé]duisent|baisse|baissent|reduce|reducen|redujo|"
                    r"aumenta|aumentan|aumentano|aumentou|aument[oó]|disminuye|disminuy[oó]|baja|baj[oó]|sube|subi[oó]|"
                    r"riduce|riducono|ridotto|diminuisce|abbassa|alza|reduz|reduziu|diminui|diminuiu|baixa|sobe|"
                    r"erh[oö]ht|senkt|steigt|sinkt|reduziert|verringert|vermindert")
_MEASURE_FOREIGN = (r"concentra\w*|konzentration\w*|taux|niveaux?|nivel\w*|livell\w*|n[ií]ve(?:l|is)|\w*spiegel\w*|"
                    r"absor\w*|assorbimento|aufnahme|mortalit\w*|mortalidad\w*|sterblichkeit|risques?|riesgos?|rischio|riscos?|"
                    r"risiko\w*|inr|tension|pression|presi[oó]n|pressione|press[aã]o|blutdruck|glyc[eé]mie|gluc[eé]mia|"
                    r"glicemia|blutzucker|hba1c|cholest[eé]rol|colesterol\w*|ldl|exposition|exposici[oó]n|esposizione|"
                    r"exposi[cç][aã]o|auc|survie|supervivencia|sopravvivenza|sobreviv[eê]ncia|[uü]berleben|"
                    r"hospitali\w*|ricover\w*|interna[cç]\w*|ingresos?|krankenhaus\w*|fractures?|fracturas?|fratture|"
                    r"fraturas?|frakturen|chutes?|ca[ií]das|cadute|st[uü]rze|qtc?|kali[eé]mie|potasi?o|kalium|poids|"
                    r"peso|gewicht|fr[eé]quence cardiaque|frecuencia card[ií]aca|frequenza cardiaca|herzfrequenz|"
                    r"sangrados?|hemorragias?|saignements?|h[eé]morragies?|sanguinament\w*|emorragi\w*|"
                    r"sangramentos?|blutung\w*")
_DOSE_NOUNS_FOREIGN = (r"doses?|dosis|posologie|dosage|dosaggio|dosagem|dosierung|mg|comprim\w*|pastill\w*|"
                       r"tablett\w*|compress\w*|gotas|gouttes|gocce|tropfen|unit[eé]s|unidades|unit[aà]|einheiten")
_EFFECT_SIZE_FOREIGN = (
    rf"\b(?:{_HOW_MUCH_FOREIGN})\b(?: [\w'-]+){{0,5}}? (?:{_CHANGES_FOREIGN})\b"
    rf"(?:(?!\b(?:{_DOSE_NOUNS_FOREIGN})\b)[^?]){{0,40}}?\b(?:{_MEASURE_FOREIGN})\b"
    rf"|\b(?:{_MEASURE_FOREIGN})\b(?:(?!\b(?:{_DOSE_NOUNS_FOREIGN})\b)[^?]){{0,60}}?(?:,? (?:et|e|y|und) )?"
    r"\b(?:de combien|en cu[aá]nto|di quanto|em quanto|um wie ?viel)\s*\??\s*$")
# Another language's "how long" (or how many days) with "last" and a symptom, effect or reaction, either way round,
# and no treatment, course or cycle between them ("combien de temps dure le traitement" is a course-length question).
_HOW_LONG_FOREIGN = (r"combien de (?:temps|jours|semaines|mois)|cu[aá]nto(?: tiempo)?|cu[aá]ntos (?:d[ií]as|meses)|"
                     r"cu[aá]ntas semanas|quanto(?: tempo)?|quant[oi] (?:giorni|mesi)|quante settimane|quantos (?:dias|meses)|"
                     r"quantas semanas|wie lange|wie viele (?:tage|wochen|monate)")
_LASTS_FOREIGN = (r"dur(?:e|ent|er|era|eront|a|an|ano|am|ar|ara|ar[aá]n?|er[aà]|eranno|ou|aron)|dauer[nt]?|dauert|"
                  r"anhalten|h[aä]lt|halten|persist\w*")
_SYMPTOMS_FOREIGN = (r"naus[eé]es?|n[aá]useas?|nausea|[uü]belkeit|sympt[oô]mes?|s[ií]ntomas?|sintomi|symptome|"
                     r"effets?|efectos?|effetti|efeitos?|nebenwirkung\w*|r[eé]actions?|reacci[oó]n\w*|reazion[ei]|"
                     r"rea[cç](?:[aã]o|[oõ]es)|reaktion\w*|douleurs?|dolor(?:es)?|dolor[ei]|dor(?:es)?|schmerz\w*|"
                     r"diarrh[eé]es?|diarreas?|diarree?|diarreia|durchfall|fi[eè]vre|fiebre|febbre|febre|fieber|"
                     r"vertiges?|mareos?|vertigini|tonturas?|schwindel|[eé]ruptions?|erupci[oó]n|bouff[eé]es|vampate|"
                     r"sofocos|fogachos|hitzewallungen|toux|tos|tosse|husten|fatigue|cansancio|stanchezza|cansa[cç]o|"
                     r"m[uü]digkeit|insomnie|insomnio|insonnia|ins[oô]nia|sevrage|abstinencia|astinenza|"
                     r"abstin[eê]ncia|entzug\w*|fase acuta|phase aigu[eë]|fase aguda|akutphase")
_NOT_TREATMENT = (r"(?:(?!\b(?:trait\w*|tratamient\w*|trattament\w*|tratament\w*|behandlung\w*|th[eé]rap\w*|"
                  r"terap\w*|cures?|kur|ciclos?|cicli|zyklus|cycles?)\b)[^?])")
_EFFECT_DURATION_FOREIGN = (
    rf"\b(?:{_HOW_LONG_FOREIGN})\b{_NOT_TREATMENT}{{0,50}}?\b(?:{_LASTS_FOREIGN})\b{_NOT_TREATMENT}{{0,40}}?"
    rf"\b(?:{_SYMPTOMS_FOREIGN})\b"
    rf"|\b(?:{_SYMPTOMS_FOREIGN})\b{_NOT_TREATMENT}{{0,50}}?\b(?:{_HOW_LONG_FOREIGN})\b[^?]{{0,20}}?"
    rf"\b(?:{_LASTS_FOREIGN})\b")
_AT_ONCE = r"(?:at once|together|in one go|by mistake)"
# "By mistake" in the five other languages: an extra tablet taken without meaning to is a doubled dose (policy), and
# the same words before a symptom or a danger ask what the overdose does.
_BY_MISTAKE_ABROAD = (r"par erreur|sans (?:le )?faire expr[eè]s|par inadvertance|por error|por equivocaci[oó]n|sin querer|"
                      r"sin darme cuenta|versehentlich|aus versehen|unabsichtlich|per errore|per sbaglio|senza volerlo|"
                      r"senza volere|senza accorgermene|por engano|sem querer|sem perceber")
# "Enough", as a course length is offered for confirmation in the other languages ("6 jours, ça suffit ?").
_ENOUGH_FOREIGN = r"suffi\w*|assez|basta\w*|es suficiente|suficientes?|reicht|gen[uü]gt|chega|bastam"
_DOES_HARM = (r"(?:cause\w*|lead to|do to|harm\w*|damage\w*|danger\w*|toxic\w*|poison\w*|symptoms?|happen\w*|risks?|"
              r"kill|fatal)")

# A taper and a sudden stop, the two answers of "does it need tapering or can I just stop?" in the six languages.
_GRADUALLY = (r"gradually|slowly|taper\w*|wean\w*|cut down|in steps|poco a poco|gradualmente|progresivamente|ir bajando|"
              r"ir reduciendo|bajarl[ao]|retirarl[ao]|progressivement|graduellement|petit a petit|(?:une|la) decroissance|"
              r"ausschleichen|ausgeschlichen|schrittweise|langsam|scala\w*|a poco a poco|aos poucos|pouco a pouco|"
              r"desmam\w*|ir reduzindo|reduzindo")
_STOPPED = (r"(?:l'|s')?(?:stop\w*|quit|parar|pare|paro|deixar|deixo|suspend\w*|interromp\w*|dejar\w*|dejo|retirar\w*|arr[eê]t\w*|"
            r"stopper|absetzen|setze|aufh[oö]ren|smett\w*|sospend\w*|lasciar\w*)")
_AT_ONCE_STOPPED = (r"just stop\w*|cold turkey|(?:" + _STOPPED + r")\b(?: [\w'-]+){0,3}? (?:suddenly|abruptly|at once|all at once|"
                    r"straight away|de golpe|sin mas|de una vez|de repente|d'un coup|d'un seul coup|du jour au lendemain|"
                    r"brusquement|net|sofort|einfach|abrupt|plotzlich|schlagartig|auf einmal|von heute auf morgen|di colpo|di botto|"
                    r"di punto in bianco|bruscamente|en seco|de uma vez|de vez)|(?:de golpe|en seco|d'un coup|di colpo|di punto in bianco|de uma vez|sofort|einfach|abrupt|"
                    r"plotzlich|schlagartig|von heute auf morgen)(?: [\w'-]+){0,2}? "
                    r"(?:" + _STOPPED + r")")
# A question that asks how ("how", "wie", "cómo", "comment", Italian "come" but not "come down/off", "quel schéma"):
# the steps of a taper, not whether one is needed.
_UNLESS_HOW = r"^(?!.*\b(?:how|wie|c[oó]mo|comment|come (?!down\b|off\b)|qual|quel|quelle|cual)\b)"

# Corticosteroid replacement, its sick-day rules, an illness that triggers them and what is done with the tablets then.
_STEROID = (r"hydrocortisone?|hidrocortisona|idrocortisone|hydrocortison|prednisol\w*|predniso\w*|pred|dexameth\w*|dexametas\w*|"
            r"fludrocortisone?|plenadren|steroids?|esteroides?|steroid[ei]|corticoid\w*|corticost\w*|kortison\w*|"
            r"cortison[ae]?|addison\w*|adrenal insufficiency|nebenniereninsuffizienz|insuficiencia suprarrenal|"
            r"insufici[eê]ncia adrenal|insuffisance surrenal\w*|insufficienza surrenal\w*")
_SICK_DAY_RULES = (r"sick[- ]?days?(?: rules?| guidance| advice| dosing)?|reglas? (?:de|para) "
                   r"(?:los )?d[ií]as de enfermedad|r[eè]gles? (?:des|de) jours? de maladie|krankheitstag\w*|regole (?:dei|per i) "
                   r"giorni di malattia|regras? (?:dos|para) dias de doen[cç]a")
_ILLNESS = (r"fever|flu|temperature|temp|unwell|infection|vomit\w*|d&v|surgery|operation|theatre|fiebre|gripe|fi[eè]vre|"
            r"grippe|fieber|febbre|influenza|febre")
_STEROID_CHANGE = (r"what (?:do|should) (?:i|we|you) take|what (?:do|should) (?:i|we|you) do with (?:my |the |his |her )?(?:tablets?|pills?|dose|steroids?|"
                   r"hydrocortisone|pred\w*)|double(?! vision)|(?:increase|up|raise) (?:it|my|the|his|her) (?:dose|tablets?|"
                   r"steroids?|hydrocortisone|pred\w*)|(?:take|need|have|give) (?:more|extra)(?! (?:likely|risk)\b)|"
                   r"extra (?:tablets?|doses?|hydrocortisone|steroids?)|doblar|duplicar|doubler|verdoppeln|raddoppi\w*|dobrar")

# Stage 1, context: spans where dose-like words or numbers name something other than an amount, interval or
# schedule of the drug to give: the timing of a test or a reaction, an effect's relation to exposure, the
# consequences of an overdose, how many patients, a measured level, a code, a date or a length of time. They
# are set aside before anything else is read, and the decision record lists them.
_WHY_WORD = r"\b(?:why|pourquoi|por qu[eé]|warum|perch[eé]|por que)"
_STUDY = (r"trials?|stud(?:y|ies)|rct|vs\.?|versus|keynote|checkmate|ensayos?|estudios?|essais?|[eé]tudes?|studien?|"
          r"studio|ensaios?|estudos?")
_OUTCOME = (r"(?:ae|aes|adverse events?|toxicity|response|remission|relapse|event|quit|cessation|abstinence|"
            r"discontinuation|survival|mortality|death|bleeding|stroke|fracture) rates?|(?:continuous|sustained|prolonged) "
            r"abstinence|overall survival|progression[- ]free survival|os|pfs|dfs|(?:primary|secondary) (?:end ?points?|"
            r"outcomes?)|outcomes?|results?|findings|resultados|r[eé]sultats|ergebnisse|risultati|supervivencia|survie|"
            r"[uü]berleben|sopravvivenza|sobrevida")
# A French "régime" that is a diet, not a regimen ("suivre un régime sans sel", "régime pauvre en potassium").
_DIET = r" (?:sans|alimentaire|pauvre|riche|hyposod\w*|c[eé]tog[eè]ne|v[eé]g[eé]tarien\w*|sal[eé])\b"
_NO_DOSE_ASK = (r"(?:(?!\b(?:dose|doses|dosing|dosage|how much|how many|how often|which|regimen|schedule|max\w*|"
                r"what(?! (?:were|was|are|is|did|does)\b))\b)[^?])*?")
_TIME_ASKED_FOREIGN = (r"combien de (?:temps|jours|semaines|mois|minutes|heures)|combien d'heures|cu[aá]nt[oa]s? (?:tiempo|d[ií]as|"
                       r"semanas|meses|minutos|horas)|quant[oie]? (?:tempo|giorni|settimane|mesi|minuti|ore)|quant[oa]s? "
                       r"(?:dias|semanas|meses|minutos|horas)|quanto tempo|wie (?:lange|viele (?:tage|wochen|monate|minuten|"
                       r"stunden))")
_COLOURED = (r"\b\d+(?:[.,]\d+)? ?(?:mg|mcg|micrograms?)(?: tablets?| tabs?| ones?)?,? (?:is |are |= |- )?"
             r"(?:brown|blue|pink|white|yellow|orange|green|red|purple|lilac|peach|grey|gray|beige|cream)\b")
# Words that make "how much … can I drink" an amount of the medicine: a measure, a form, the drug itself.
_NOT_FOOD = (r"of\b|de (?:ce|cette|este|esta|esse|essa)\b|ml\b|mls\b|mil+ilit\w*|mg\b|mcg\b|g\b|spoon\w*|teaspoon\w*|"
             r"cuchar\w*|cuiller\w*|l[oö]ffel\w*|cucchia\w*|colher\w*|tablets?\b|pills?\b|caps\w*|doses?\b|sachets?\b|"
             r"syrup|jarabe|sirop|saft|sciroppo|xarope|liquid|solution|soluci[oó]n|medicine|medicina|m[eé]dicament\w*|"
             r"medikament\w*|farmac\w*|rem[eé]dio|it\b|them\b|lo\b|la\b|le\b|units?\b|drops?\b|gotas|gouttes|tropfen|gocce")
_CONTEXT: list[tuple[str, GatedPattern]] = [(name, GatedPattern(rx)) for name, rx in [
    # Too many taken at once, asked for what it does ("can taking too many metformin tablets at once cause lactic
    # acidosis?"): an overdose's consequence, in other words.
    ("too_many_consequence", rf"\btoo (?:many|much)\b(?: [\w'-]+){{0,4}}? {_AT_ONCE}\b[^?]{{0,30}}?\b{_DOES_HARM}\b"
     rf"|\b{_DOES_HARM}\b[^?]{{0,40}}?\btoo (?:many|much)\b(?: [\w'-]+){{0,4}}? {_AT_ONCE}[^?]*"),
    ("overdose_consequence", r"\bwh?at (?:happens|would happen|will happen|could happen|happend) if (?:u|you|i|he|she|someone|somebody|they|a (?:child|kid|person)) (?:take|takes|took|swallow\w*|ate|eat|eats)(?: (?:like|about|around))? (?:[5-9]|\d{2,})\b[^?]*|\b(?:what happens|happen|consequences?|symptoms?|signs?|effects?|treat\w*|manag\w*|antidotes?|reversal|reverse|risks?|dangers?|complications?|survive|die|dying|present\w*|features?|toxicity|after|following|from|in|suspected|accidental|deliberate|intentional|mixed|staggered|an?)\b(?: [\w'-]+){0,3} overdos\w*|\boverdos\w*(?: [\w'-]+){0,2} (?:symptoms?|signs?|treatment|management|antidotes?|effects?|consequences?|risks?|presentation|features|ecg|nomogram|line|protocol|guidance|advice|look like|do|cause\w*|lead|kill|harm|damage|happen\w*)\b|\boverdos\w* of\b(?=[^?]*\b(?:what|signs?|symptoms?|treat|manage|happen)\b)|\b(?:signs?|symptoms?|what happens|happen\w*)\b[^?]*\btoo (?:much|many)\b|\b(?:sympt[oô]mes?|s[ií]ntomas?|symptome|signes|signos|zeichen)\b[^?]*\b(?:surdosage|sobredosis|[uü]berdosis)\b|\b(?:by mistake|accidentally|by accident)\b[^?]*\b(?:symptoms?|signs?|what happens|effects?|harm)\b"
     # taken by mistake, then what it does: the English words and the five languages' (symptoms and signs in each)
     r"|\b(?:took|has taken|have taken|had|swallowed|taken) too (?:much|many)\b(?=[^?]*\b(?:drows\w*|sleep\w*|unconscious|unresponsive|confus\w*|vomit\w*|dizz\w*|breath\w*|dangerous|symptoms?|signs?|happen\w*|look out|watch|a&e|emergency|hospital|ambulance|poison\w*|harm\w*)\b)[^?]*|\b(?:by mistake|accidentally|by accident|in error|" + _BY_MISTAKE_ABROAD + r"|instead of|in place of|au lieu de|en lugar de|en vez de|statt)\b[^?]*\b(?:dangerous|look out for|watch (?:out )?for|worr(?:y|ied)|toxicit\w*|gef[aä]hrlich\w*|pericolos\w*|peligros\w*|dangereu\w*|perigos\w*|\w*zeichen|blutung\w*|sanguinament\w*|sangrado\w*|saignement\w*|sangramento\w*|schwindlig\w*|vertigin\w*|mareo\w*|mareado\w*|tontur\w*|vertiges?|drows\w*|sleepy|somnol\w*|sonnolen\w*|assonnat\w*|sonolen\w*|(?:com|dar|d[aá]|de) (?:muito |muita )?sono|sue[nñ]o|schl[aä]fr\w*|m[uü]dig\w*|sommeil|endormi\w*|what (?:could|will|would|might|can) happen|what happens|consequences?|symptoms?|signs?|harm|damage|poisoning|que (?:va-t-il|peut-il|risque-t-il) (?:se passer|arriver)|cons[eé]quences?|risques?|toxicit[eé]|qu[eé] (?:puede )?pas(?:a|ar)|consecuencias?|riesgos?|toxicidad|was (?:kann )?passier\w*|folgen|risiken|vergiftung|"
     r"s[ií]ntomas?|signos?|sympt[oô]mes?|signes?|symptome|anzeichen|sintomi|segni|sinais|cosa (?:pu[oò] )?succede\w*|o que (?:pode )?acontece\w*)\b[^?]*"
     r"|\b(?:qu[eé]|que|quels?|quelles?|welche)?\s*(?:efectos?|consecuencias?|s[ií]ntomas?|riesgos?|peligros?|tratamiento|manejo|effets?|cons[eé]quences?|sympt[oô]mes?|risques?|dangers?|traitement|prise en charge|folgen|wirkungen|symptome|risiken|gefahren|behandlung|was passiert|qu[eé] pasa|que se passe-t-il)\b[^?]{0,40}\b(?:sobredosis|surdosage|surdose|intoxicaci[oó]n|intoxication|[uü]berdosis|[uü]berdosierung|vergiftung|toxicidad|toxicit[eé]|toxizit[aä]t|toxicity)\b(?: (?:de|d'|du|des|con|por|mit|von|an) ?[\w-]+)?"
     r"|\b(?:what happens|what (?:could|will|would|might|can) happen|what to (?:watch|look) (?:out )?for|what to expect|symptoms?|signs?|risks?|que se passe-t-il|qu[eé] pasa|was passiert)\b[^?]*\b(?:by mistake|accidentally|by accident|in error|par erreur|por error|versehentlich|aus versehen)\b[^?]*"
     r"|\b(?:sobredosis|surdosage|surdose|[uü]berdosis|[uü]berdosierung)\b(?: (?:de|d'|du|des|con|por|mit|von|an) ?[\w-]+)?[^?]{0,20}\b(?:efectos?|consecuencias?|s[ií]ntomas?|tratamiento|effets?|cons[eé]quences?|sympt[oô]mes?|traitement|folgen|symptome|behandlung|gef[aä]hrlich|peligros[oa]|dangereu\w*)\b"),
    # A child or a pet that swallowed someone's tablets (policy: what to do after an overdose is not a dose question;
    # "my toddler swallowed 4 of my amlodipine", "mia figlia ha ingoiato 4 compresse", "meu filho engoliu 6
    # comprimidos"). An extra tablet of one's own medicine is a dose decision and is not read here; how much would be
    # dangerous, asked beside it, still decides.
    ("child_ingestion", r"\b(?:son|daughter|child|kid|toddler|baby|grandson|granddaughter|grandchild|infant|dog|cat|puppy|"
     r"fils|fille|enfant|bebe|hijo|hija|nino|nina|nieto|nieta|perro|gato|chien|chat|sohn|tochter|kind|enkel|enkelin|"
     r"kleinkind|hund|katze|figlio|figlia|bambino|bambina|nipote|cane|gatto|filho|filha|crianca|neto|neta|cachorro)\b"
     r"[^?.;]{0,30}?\b(?:swallowed|ate|eaten|has taken|took|got into|ingested|chewed|avale|a pris|a mange|a ingere|"
     r"(?:se )?(?:ha )?tom(?:o|ado)|trago|ingirio|comio|verschluckt|geschluckt|gegessen|genommen|erwischt|ingoiato|"
     r"mangiato|preso|ingerito|engoliu|tomou|comeu|ingeriu)\b"
     r"(?:(?!\b(?:how|what|which|when|should|can|is|does|do|combien|cuantos?|cuantas?|quant[oaie]s?|wie|was)\b)[^?.;,—–-]){0,50}"),
    # What a pack holds ("how many tablets come in a box of Xarelto 20", "does a box of Eliquis have 56 or 60 in it",
    # "cuántas pastillas trae la caja"): a pack size, not an amount to take.
    ("pack_contents", r"\bhow many (?:[\w-]+ )?(?:tablets|pills|capsules|caps|pens|patches|sachets|vials|syringes|injections|doses)? ?(?:come|are there|are|do you get|you get|is there)? ?in (?:a|the|each|one|every) (?:[\w-]+ )?(?:box|pack|packet|carton|bottle|blister|strip|prescription)\b[^?]*"
     r"|\b(?:box|pack|packet|carton|bottle|blister|strip)\b(?: of [\w-]+)?(?: \d+(?:[.,]\d+)? ?(?:mg|mcg|g)?)? (?:have|has|hold|holds|contain|contains|come with)\b[^?]*"
     r"|\b(?:cu[aá]nt[oa]s|combien de|quant[ei]|quantos|quantas|wie viele) (?:[\w-]+ )?(?:trae|tiene|viene[n]?|hay en|y a-t-il dans|dans|ci sono nella|contiene|v[eê]m|tem|sind in|enth[aä]lt)\b[^?]{0,20}\b(?:caja|envase|bo[iî]te|paquet|scatola|confezione|caixa|embalagem|packung|schachtel)\b[^?]*"
     r"|\b(?:caja|envase|bo[iî]te|scatola|confezione|caixa|embalagem|packung|schachtel)\b[^?]{0,40}\b(?:cu[aá]nt[oa]s|combien|quant[ei]|quantos|quantas|wie viele)\b[^?]*"),
    # A study's outcome asked for: the regimens or doses it compared are its arms ("ipi 3mg/kg + nivo 1mg/kg in
    # CheckMate 067 — grade 3-4 AE rate?"). Only the span between the study and its outcome is set aside, and never
    # across a word that asks for a dose.
    ("trial_outcome", rf"\b(?:{_STUDY})\b{_NO_DOSE_ASK}\b(?:{_OUTCOME})\b|\b(?:{_OUTCOME})\b{_NO_DOSE_ASK}\b(?:{_STUDY})\b"),
    # How long after a dose before driving: a safety interval, not a dose ("wie viele Stunden danach darf ich nicht
    # Auto fahren", "combien d'heures avant de conduire").
    ("driving_time", r"\b(?:how (?:long|many hours)|wie (?:lange|viele stunden)|combien (?:de temps|d'heures)|cu[aá]nt[oa]s? (?:tiempo|horas)|quant[oe] (?:tempo|ore)|quantas horas|quanto tempo)\b[^?]{0,60}\b(?:drive|driving|auto ?fahren|fahren|conducir|manejar|conduire|guidare|dirigir)\b"),
    # How long until it works, asked in the other languages ("combien de semaines avant que ça marche", "cuántos días
    # tarda en hacer efecto", "wie viele Tage bis es wirkt"): an onset.
    ("onset_foreign", rf"\b(?:{_TIME_ASKED_FOREIGN})\b[^?]{{0,40}}\b(?:marche|agi[rt]|agisse|fonctionne|fa(?:it|sse)? effet|funcion\w*|haga efecto|hace efecto|act[uú]e|funzion\w*|fa(?:re|ccia)? effetto|agisc\w*|fa(?:z|zer|ça) efeito|wirk\w*|hilft|helfen)\b"),
    # How far apart to take two medicines, or how long to wait before food or an operation ("how many hours apart from
    # my iron", "quante ore devo distanziarli", "combien de temps attendre avant le petit déj", "wie viele Tage vor der
    # OP absetzen"): how to take it, or stopping before surgery, not the dose.
    ("spacing_or_waiting", rf"\b(?:how (?:long|many (?:hours|minutes|days))|{_TIME_ASKED_FOREIGN})\b[^?]{{0,60}}\b(?:apart from|away from|distanzi\w*|distanci\w*|distanza|distancia|dist[aâ]ncia|d\'?[eé]cart|[eé]cart|espac\w*|abstand|attendre|esperar|aspettare|warten|aguardar|vorher|(?:vor|avant|antes d[eoa]s?|prima d[ei]l?l?'?) ?(?:der |dem |einer |einem |la |l'|el |a |o |the |an? |une? |una |uma |um |my |mi |ma |mon |meiner |la mia |il mio )?(?:op|operation|op[eé]ration|chirurgie|cirug[ií]a|cirurgia|intervento|intervenci[oó]n|surgery|eingriff|intervention|procedure|procedura|procedimiento|procedimento|coloscopie|colonoscop\w*|colonscopia|koloskopie|darmspiegelung|magenspiegelung|endoscop\w*|endoskopie|gastroscop\w*|gastroskopie|biops\w*|extraction dentaire|extracci[oó]n dental|estrazione dentaria|extra[cç][aã]o dent[aá]ria|zahnextraktion|dental extraction))\b"
     rf"|\b(?:attendre|esperar|aspettare|warten|aguardar|distanziare|espacer|separar)\b[^?]{{0,40}}\b(?:{_TIME_ASKED_FOREIGN})\b"),
    # "OD" after a medicine's name, in a question about poisoning, is an overdose, not "once daily" ("paracetamol OD -
    # what's the treatment line level at 4 hours", "amitriptyline OD, QRS 130"); a choice ("BD or OD") or a number
    # before it ("ramipril 10 OD") keeps it an interval.
    ("overdose_abbreviation", r"(?<=[a-z] )(?<!\bor )(?<!\bvs )\bod\b(?! or\b| vs\b)(?=[^?]*\b(?:levels?|nomogram|nac|"
     r"acetylcysteine|parvolex|qrs|ecg|treatment line|toxic\w*|poison\w*|features?|manage\w*|bicarb\w*|antidote|"
     r"charcoal|ingest\w*|tabs|hours? ago|h ago|alt|inr|glucagon|lactate|what happens|signs?|symptoms?)\b)"),
    # How much food or drink a diet allows beside the drug ("on warfarin, how much broccoli can I eat", "the warfarin
    # and green vegetables, how much I can eat?", "Marcumar: wie viel Spinat darf ich essen?", "quanta verdura posso
    # mangiare?"): a diet question, not an amount of the drug; not a measure or a form of the medicine drunk ("how much
    # milliliter of amoxicillin he must drink", "cuánto jarabe puedo beber").
    ("food_amount", rf"\b(?:how (?:much|many)|cu[aá]nt[oa]s?|combien(?: de)?|wie viele?|quant[oaie]s?)\b(?: (?!{_NOT_FOOD})[\w'-]+){{0,3}}? "
     r"(?:(?:i|we|you|he|she|they|one) )?(?:(?:can|could|should|may|must|am i allowed to|is it (?:ok|okay|safe) to) )?"
     r"(?:(?:i|we|you|he|she|they|one) )?(?:eat|drink|puedo (?:comer|beber)|puede (?:comer|beber)|posso (?:mangiare|bere|comer|beber)|"
     r"pode (?:comer|beber)|je (?:peux|peut) (?:manger|boire)|puis-je (?:manger|boire)|on peut (?:manger|boire)|"
     r"darf (?:ich|man|er|sie) (?:\w+ )?(?:essen|trinken))\b"),
    # When in the day to take it, chosen or moved ("simvastatin 40 mg abends oder morgens?", "could I move it to the
    # morning"): administration, which the policy does not count as dosing, even beside a strength or a clock time.
    ("time_of_day", TIME_OF_DAY),
    ("how_many_people", r"\b\d+(?:[.,]\d+)? ?(?:in|out of) ?\d+(?:[.,]\d+)?\b(?! ?(?:years?|yrs?|y/?o|year-old))|\b(?:cu[aá]nt[oa]s|quant[oa]s|quant[ie]|combien|wie viele)\b(?: [\w-]+){0,2}? (?:de cada|en cada|em cada|su|sur|von|auf) \d+\b(?! ?(?:mg|mcg|ml|g|kg|mmol\w*|unit\w*|ui|iu)\b)|(?<!\bby )\b\d+(?:[.,]\d+)? ?(?:%|percent|per ?cent)(?! (?:solution|cream|gel|w/v|w/w|strength|concentration))(?! ?(?:or|vs|to) \d)|\bhow (?:much|many) (?:people|patients|adults|children|women|men|of the|of them|trials|studies|does (?:it|\w+(?: \w+)?) cost|is (?:it|\w+) to buy|weight|money|time(?! (?:a|in|per|each|in one|in a|a|in the) (?:day|week))|longer|more effective|better|difference|risk|evidence)\b[^?]*|\bhow much (?:is|does|do|would|will)\b[^?]*\b(?:cost|price|privately|pay|buy|prescription charge|insurance|insured|copay|co-pay|out of pocket|afford|cheap|expensive|generic version)\w*|\bhow (?:much|many)\b(?: [\w-]+){0,3}? (?:does|do|did|will|would|can|could|is|are) (?!(?:i|we|you)\b)[\w-]+(?: [\w-]+){0,2}? (?:lower|reduce|cut|improve|increase|raise|shorten|prevent|drop|change|affect|help|lengthen|extend|bring down|push\w* up|put\w* up|bump\w* up|drive\w* up|boost|push\w* down|drive\w* down|knock\w* down)\w*|\bhow much (?:alcohol|water|fluids?|spinach|greens|vitamin k|food|coffee|caffeine|grapefruit|juice|milk|salt|sugar|weight|mortality|benefit|shorter|longer|better|difference|on average)\b|\bhow (?:much|many)\b[^?]*\b(?:litres?|liters?|glass(?:es)?|cups?|units of alcohol|drinks?)\b|\b(?:weight (?:gain|loss)|gain)\b[^?]{0,20}\bhow much\b|\bhow many (?:kilos?|kgs?|pounds|lbs|stone)\b[^?]*\b(?:put on|gain\w*|lose|los(?:t|ing)|pile on)\b|\bhow many (?:on|get|develop|have|will)\b|\bhow many of\b(?!(?: [\w-]+){0,3} (?:tablets?|pills?|capsules?|caps|puffs?|doses?|sachets?|patch(?:es)?|injections?|drops?|sprays?|aspirins?|paracetamols?|ibuprofens?|\d+(?:[.,]\d+)? ?(?:mg|mcg|micrograms?)\w*)\b)|\bhow much (?:is|does|are) (?:a |the |one )?(?:prescription|script|pack|box|it|[\w-]+ cost)\w*|\b(?:cuesta|co[uû]te|kostet|precio|prix|preis)\b|\bquanto (?:costa|costano|custa|custam)\b|\bprezzo\b|\bpre[cç]o\b|\bhow many (?:days|weeks|months|years) (?:of )?follow[- ]?up\b|\bcosts?\b|\bprices?\b|\bcu[aá]nto cuesta\b|\bcombien co[uû]te\b|\bwie viel kostet\b|\bhow often do (?:people|patients|men|women|children|kids|adults)\b|\b1 in how many\b|\bone in how many\b|\bhow many weeks pregnant\b|\bby how (?:much|many)\b|\bhow (?:much|many) (?:times )?(?:higher|lower|more|less|longer|shorter|greater|bigger|smaller|ms|cm|mm|kg|mmhg|breaths|hypos|episodes|deaths|people|kids|children|patients|cases|events|admissions|per (?:year|million|thousand))\b|\bhow (?:much|many)\b[^?]*\b(?:than|per year|each year|a year|per million|save[sd]?|saving|on average|typical|typically)\b|\bhow often does [\w-]+(?: [\w-]+)? (?:cause|lead to|trigger)\b|\bhow many (?:kids|children|people|patients) get\b"
     r"|\bhow (?:much|many) (?:pe?o?e?ple|peolpe|pepole|poeple|ppl|folks?|persons?|pts|pa?tie?n?ts|pateints|patiens|users|individuals)\b[^?]*|\b(?:what|which) (?:%|percent\w*|per ?cent\w*|proportion|fraction|share|number) of (?:the )?(?:people|patients|adults|children|women|men|users|pts|ppl|cases|those|them)\b[^?]*"
     r"|\bwie ?viele? (?:prozent|%)[^?]*|\bwie ?vielen? (?:der |von )?(?:patienten|patientinnen|menschen|leuten?|personen|frauen|m[aä]nnern?|kindern?)\b[^?]*|\b(?:1|un[oa]?|une|uma?|ein(?:e|er|em)?) (?:(?:paziente|patient|paciente|persona|personne|pessoa|patientin|mensch|malade|enfermo|doente|caso|cas|fall)s? )?(?:su|sur|de cada|em cada|en cada|von|auf|ogni) (?:\d+|dieci|cento|mille|dix|cent|mille|diez|cien|mil|dez|cem|zehn|hundert|tausend)\b(?! ?(?:mg|ml|mcg|g|h|horas|ore|heures|stunden|jours|d[ií]as|dias|giorni|tage))[^?]*|\bquant[ie] (?:pazienti|persone|malati)\b[^?]*|\bquant[oa]s (?:pacientes|pessoas|doentes)\b[^?]*|\b(?:welcher|wie hoch ist der) anteil\b[^?]*|\b(?:chez |sur )?combien de (?:patients|personnes|gens|malades|femmes|hommes|enfants)\b[^?]*|\bquel(?:le)? (?:pourcentage|proportion|part)\b[^?]*|\bcu[aá]nt[oa]s (?:pacientes|personas|gente|enfermos|mujeres|hombres|ni[nñ]os)\b[^?]*|\b(?:qu[eé]|cu[aá]l es el) (?:porcentaje|proporci[oó]n)\b[^?]*"
     r"|\bhow (?:much|many) (?:percent|per ?cent|%)[^?]*|\bhow much (?:of (?:it|the drug|the dose|[\w-]+) )?(?:crosses|cross|gets|passes|goes|enters|reaches|is absorbed|is excreted|is transferred|ends up|is found|leaks|transfers)\b[^?]*|\bcombien (?:de [\w-]+ )?(?:passe|traverse)\b[^?]*|\bcu[aá]nto (?:[\w-]+ )?(?:pasa|atraviesa|cruza)\b[^?]*|\bwie ?viel (?:[\w-]+ )?(?:geht|gelangt|tritt)\b[^?]*"
     r"|\bhow (?:much|many)\b(?: [\w-]+){0,4}? (?:did|does|do|will|would|could) (?!(?:i|we|you|he|she|they|it|dose|doses|dosage)\b)(?:the )?(?:(?!dose\b|doses\b)[\w-]+ ){1,3}(?:fall|drop|decline|decrease|go down|come down|improve|rise|go up|change|shrink|fell|dropped)\b[^?]*|(?<!dose )(?<!dosage )\b(?:hba1c|a1c|ldl|cholesterol|bp|blood pressure|weight|inr|mortality|risk|events?|urate|psa|potassium|glucose|heart rate) (?:reduction|drop|fall|decrease|lowering|improvement|change|increase|rise|gain|loss)\b[^?]*\bhow (?:much|many)\b[^?]*"
     r"|\bhow often does [\w-]+(?: [\w-]+)? (?:give|make)s? (?:you|people|patients|me|someone) (?:an? )?(?!(?:injection|jab|dose|shot|infusion|tablet)s?\b)\w+|\bhow (?:much|many)\b(?: [\w-]+){0,2}? (?:should|might|may|will|would|can|could|does|do) (?:my |the |his |her |your |their )?(?:hba1c|a1c|bp|blood pressure|ldl|cholesterol|weight|inr|sugars?|glucose|psa|potassium|sodium|levels?|tsh|egfr|creatinine|heart rate|pulse)\b[^?]*"),
    ("test_frequency", r"\bhow (?:of+t?e?n|many times|frequently)\b[^?]*?\b(?:check|checked|monitor\w*|test\w*|measure\w*|bloods?|levels?|lfts?|fbc|inr|ecgs?|scan\w*|review\w*|seen|screen\w*|eye exam\w*|x-?rays?|troughs?|weigh\w*|appointments?|clinic|visits?|follow[- ]?up)\b"),
    ("test_frequency_either_side", _TEST_FREQUENCY),
    # How often a test is done, asked first in another language ("ogni quanto va fatto il dosaggio della
    # ciclosporinemia", "com que frequência se faz a dosagem de lítio"), as English "how often … checked".
    ("test_frequency_foreign", r"\b(?:ogni quanto|con che frequenza|com que frequ[eê]ncia|de quanto em quanto(?: tempo)?|"
     r"cada cu[aá]nto(?: tiempo)?|con qu[eé] frecuencia|[aà] quelle fr[eé]quence|tous les combien|wie oft|in welchen abst[aä]nden)\b"
     # not when the drug's own taking is asked about too ("com que frequência tomo o comprimido … e faço o INR")
     r"(?:(?!\b(?:tom[aeo]\w*|prend\w*|pris\w*|assum\w*|nehm\w*|einnehm\w*|comprimid\w*|compress\w*|tablett\w*|pastill\w*|"
     r"c[aá]psul\w*|gocce|gotas|tropfen|spritz\w*|inyect\w*|inject\w*|applic\w*|aplic\w*)\b)[^?])*?\b(?:dosaggio|dosagem|dosages?|dosaje|dos[ae]r|doser|dosare|esami|exames?|an[aá]lisis|analisi|anal[ií]ticas?|controll\w*|controles?|"
     r"contr[oô]l\w*|kontroll\w*|livell\w*|n[ií]ve\w*|niveau\w*|\w+[eé]mi[ae]|hemograma|emocromo|bilan\w*|nfs|"
     r"prises? de sang|blutbild\w*|\w*spiegel\w*|inr|tsh|ecg|ekg|electrocardiograma|pruebas?|ttpa|aptt|plaquetas|"
     r"piastrine|plaquettes|thrombozyt\w*|creatinin\w*|kreatinin\w*|potasio|potassio|kalium|pot[aá]ssio|transaminas\w*)\b"),
    # A trial's or a drug's effect on an outcome, a level or a risk ("hazard ratio 0.66", "mortality cut by a
    # third", "lower oestrogen by 98%"): an effect size, not a change to the amount given.
    ("effect_size", _EFFECT_SIZE),
    # The same asked in another language: how much a measured quantity changes ("de combien le jus de pamplemousse
    # augmente-t-il les concentrations", "en cuánto redujo la mortalidad", "plus de risque de chute, et de combien ?").
    ("effect_size_foreign", _EFFECT_SIZE_FOREIGN),
    # How long a symptom, an effect or a reaction lasts, asked in another language ("combien de temps durent les
    # nausées", "quanti giorni dura la reazione"): English has effect_duration. Not the treatment's own length.
    ("effect_duration_foreign", _EFFECT_DURATION_FOREIGN),
    # How long a product keeps once opened, made up, in use or out of the fridge.
    ("storage_time", r"\b(?:how (?:long|many (?:hours|days|weeks|months))|combien de (?:temps|jours|semaines|mois)|cu[aá]nto tiempo|cu[aá]ntos (?:d[ií]as|meses)|quanto tempo|quant[io] giorni|quantos dias|wie lange|wie viele tage)\b[^?]*\b(?:keeps?\b(?! (?:taking|on|using|going|working|acting|lasting|(?:him|her|them|someone|somebody|patients?|people|my [\w-]+|[\w-]+) on)\b)|kept|stays? (?:good|in use|usable|ok|okay)|in use|made up|mixed|reconstitut\w*|opened|after opening|(?:be used|(?:keep )?using (?:it|them)|use (?:it|them)) after (?:the )?first (?:use|injection|puncture|opening)|shelf[- ]life|expir\w*|se conserve\w*|se conserva\w*|h[aä]lt (?:sich|es)|haltbar\w*|anbruch|angebrochen\w*|ge[oö]ffnet\w*|ouvert\w*|ouverture|entam\w*|abiert\w*|apertura|aguanta\w*|(?:una vez|une fois|una volta|uma vez) (?:preparad[ao]|reconstituid[ao]|abiert[ao]|pr[eé]par[eé]e?|reconstitu[eé]e?|preparat[ao]|ricostituit[ao]|apert[ao]|abert[ao])|zubereit\w*)\b"
     r"|\b(?:fridge|room temp\w*|unrefrigerated|k[uü]hlschrank|frigo|nevera|r[eé]frig[eé]rat\w*)\b[^?]*\bhow (?:long|many (?:hours|days|weeks|months))\b[^?]*"
     r"|\b(?:opened|unopened|in use|room temp\w*|out of (?:the )?fridge|kept|stored?)\b[^?]{0,30}\bfor \d+ ?(?:days?|weeks?|months?)\b"
     r"|\bhow (?:long|many (?:hours|days|weeks|months))\b[^?]{0,30}\b(?:at|out of|outside|in) (?:the )?(?:room temp\w*|fridge|a warm [\w-]+|unrefrigerated)\b[^?]*"
     r"|\b(?:se garde\w*|se conserve\w*|se conserva\w*|si conserva\w*|se mantiene\w*|dura (?:aperto|aperta|aberto|aberta|abierto|abierta)|haltbar|keeps?|stays? good)\b[^?]{0,20}\b(?:combien de (?:temps|jours|semaines|mois)|cu[aá]nto tiempo|cu[aá]ntos (?:d[ií]as|meses)|quanto tempo|quant[io] (?:giorni|mesi)|quantos (?:dias|meses)|wie lange|how long|how many (?:hours|days|weeks|months))\b"
     r"|\b(?:after (?:the )?(?:first |initial )?(?:use|opening|puncture)|once (?:opened|in use|started|punctured|made up|mixed)|in use|opened|apr[eè]s (?:la premi[eè]re utilisation|ouverture)|despu[eé]s de abrir\w*|nach (?:dem )?[oö]ffnen|nach anbruch)\b[^?]{0,20}\b(?:how long|how many (?:hours|days|weeks|months)|combien de temps|cu[aá]nto tiempo|wie lange)\b"),
    ("taper_needed", r"\b(?:need|needs|have|has) to be tapered\b|\b(?:muss|m[uü]ssen|sollte|soll) (?:[\w-]+ ){0,3}?ausgeschlichen werden\b|\bausschleichen (?:n[oö]tig|notwendig|erforderlich)\b|\b(?:reducing|tapering|weaning) (?:course|regimen|schedule|dose)s? (?:is |are )?(?:needed|required|necessary)\b|\bneed (?:a|any) (?:reducing|tapering|weaning) (?:course|regimen|schedule)\b|\bneeds? tapering\b|\bdoes \w+(?: \w+)? need (?:to be )?taper\w*|\b(?:need|needs|needed|have|has|require|required)(?: to)? (?:be )?(?:taper|wean)\w*|\b(?:taper|wean)\w* (?:needed|required|necessary)\b|\bno (?:taper|wean)\w*|\bwhy (?:no|not) (?:taper|wean)\w*|\b(?:need|needs|have|has|got) to (?:come|go|get) off (?:it |them |[\w-]+ )?(?:slowly|gradually)\b"
     # the same yes/no asked in the other languages ("é preciso fazer desmame?", "muss man ausschleichen?", "faut-il une
     # décroissance ?", "hay que hacer pauta descendente?", "bisogna scalarlo?"); "how" before it asks for the steps
     r"|^(?:(?!\b(?:wie|como|comment|come|cuando|quando|wann|quand|cuanto|quanto|combien|wieviel|wie viel)\b)[^?])*?\b(?:e |se )?(?:preciso|precisa|necessario|obrigatorio|tem que|tenho que|ha que|hay que|hace falta|fa falta|es necesario|se necesita|necesita|faut-il|faut il|il faut|doit-on|necessite-t-il|necessite-t-elle|necessite|est-ce qu'il faut|est-ce necessaire de|muss man|muss ich|musste man|ist (?:ein )?\w*ausschleichen|bisogna|e necessario|serve|occorre|va|devo|si deve)(?: [\w'-]+){0,8}?(?: (?:(?:bajarl[ao]|bajar|retirarl[ao]|retirar|ir bajando|ir retirando|ir diminuindo|diminuir|reduzir)(?: (?:la|el|lo|los|las|o|a|os|as) [\w-]+)? (?:poco a poco|gradualmente|aos poucos|pouco a pouco)|desmame|desmamar|pauta descendente|retirada (?:gradual|progressiva)|decroissance|diminution progressive|sevrage|ausschleichen|scalare|scalarlo|scalarla|scalato|scalata|scalaggio))\b(?:(?!\b(?:comment|como|come|wie|combien|quanto|cuanto|schema|paliers|passos|pasos|steps|stufen|quale|quel|quelle|cual|qual)\b)[^?])*(?:\?|$)"
     r"|\b(?:ausschleichen|desmame|pauta descendente|decroissance|scalaggio) (?:notig|notwendig|erforderlich|necessario|necessaria|necessaire|obligatoire|obrigatorio|necesari[ao])\b"
     # a taper offered against stopping at once, in any of the six languages ("faut-il diminuer progressivement ou
     # arrêter d'un coup ?", "gradually or all at once?", "ausschleichen oder einfach absetzen?"): whether one is needed,
     # unless the question asks how
     rf"|{_UNLESS_HOW}.*?\b(?:{_GRADUALLY})\b"
     rf"(?: [\w'-]+){{0,4}}?,? (?:or|o|ou|oder|o bien|ou bien)\b(?: [\w'-]+){{0,5}}? (?:{_AT_ONCE_STOPPED})\b"
     rf"|{_UNLESS_HOW}.*?\b(?:{_AT_ONCE_STOPPED})\b"
     rf"(?: [\w'-]+){{0,4}}?,? (?:or|o|ou|oder|o bien|ou bien)\b(?: [\w'-]+){{0,6}}? (?:{_GRADUALLY})\b"),
    # A titration or taper named as the period in which something is checked ("while allopurinol is being titrated").
    ("titration_period", r"\b(?:while|whilst|when) [\w-]+(?: [\w-]+)? (?:is|are) being (?:up-?)?(?:titrat|taper|wean|increas|reduc)\w*|\bduring (?:the )?(?:up-?)?(?:titration|taper\w*|weaning)\b(?=[^?]*\b(?:monitor\w*|check\w*|tests?|bloods?|levels?)\b)"),
    # A switch between drugs or products asked about as a reason ("why would they swap X to Y", "warum die
    # Umstellung") or as an event that has happened, beside another question ("pharmacy changed my X to Y, is it
    # the same", "switched over from X to Y - worried about fits"). How to switch, a dose or an equivalent
    # asked beside it still decides; a bare "X to Y switch?" asks nothing else and stays a conversion.
    ("switch_reason_or_event", r"\b(?:why|reasons?|rationale|purpose|point|benefits?|advantages?|pourquoi|por qu[eé]|warum|wieso|weshalb|raison|raz[oó]n|raz[aã]o|motivo|ragione|grund|perch[eé]|por que|pk|pq)\b(?: (?!and\b|or\b|but\b|how\b|what\b|which\b|when\b|dose\b)[\w'/.-]+){0,6}? (?:(?:switch|swap|chang|convert|mov|transition|umstell|wechsel|cambi|troc|mud)\w*|pass(?:e|es|ons|ent|a|am|amos|iamo|age)|pasa|pasan|pasamos)\b(?: (?!and\b|or\b|but\b|how\b|what\b|which\b|when\b|dose\b|doses\b)[\w'/.-]+){0,5}"
     r"|\b(?:switched|swapped|changed|converted|moved|transferred|transitioned)\b(?: (?:over|across|back|round))?(?: (?:me|him|her|them|us|my|his|her|their|our|the|from|to|onto|over)\b)(?: (?!and\b|or\b|but\b|how\b|what\b|which\b|when\b|dose\b|doses\b)[\w'/.-]+){1,6}(?=\s*(?:[,;:.!]|-|–|—|\band\b|\bbut\b|\bnow\b|\bsince\b)\s*[a-z])"),
    # Time until an effect or a change, or how long an effect lasts: an onset or a duration of action, not how long
    # to give the drug ("how many weeks does X take to lift mood", "how long does X take for nerve pain", "how
    # long until the INR comes down", "au bout de combien de temps agit X", "cuánto tiempo dura el efecto", "wie
    # lange dauert es, bis X wirkt"). The third person decides in English: "does X take (to/for)" times an
    # effect, "do I take X (for)" asks for a course. A course, taper, infusion or injection named in it stays.
    ("time_to_effect", r"\b(?:how (?:long|soon|quickly)|how many (?:minutes|hours|days|weeks|months|years)|after how (?:long|many (?:minutes|hours|days|weeks|months|years))) (?:does|do|did|will|would|might|may|should|can|could)(?: (?!i\b|we\b|you\b|(?:course|treatment|therapy|taper\w*|titrat\w*|wean\w*|infusions?|drip|bolus|injections?|cycles?|regimen)\b)[\w'/.-]+){1,5}? tak(?:e|es)\b(?: (?!it\b|them\b|this\b|that\b|one\b|ones\b|to\b|for\b|before\b|until\b|till\b|in\b|on\b|with\b)[\w-]+(?= to\b))?(?= (?:to|for|before|until|till|in|on|with)\b(?! (?:give|infuse|run|administer|inject|push|complete|finish|titrate|taper|wean|load|go in)\b)|\s*\??\s*$)(?: (?:to|for|before|until|till)\b)?"
     r"|\b(?:how (?:long|soon|quickly)|how many (?:minutes|hours|days|weeks|months|years)|after how (?:long|many (?:minutes|hours|days|weeks|months|years))) (?:until|till|before|after)\b(?! (?:i|we|you|he|she|they|to|\w+ing)\b)(?: (?!and\b|or\b|but\b|dose\b|doses\b)[\w'/.-]+){1,6}? (?:work\w*|kicks? in|help\w*|act(?:s|ing)?|show\w*|see|seeing|notice\w*|feel\w*|benefit\w*|take effect|effect\w*|improv\w*|chang\w*|lift\w*|drops?|dropping|falls?|falling|come down|comes down|coming down|go down|goes down|bring[\w ]{0,20} down|normali[sz]\w*|settl\w*|clear\w*|wear\w* off|resolv\w*|relie\w*|heal\w*|lower\w*|reduc\w*|stabili[sz]\w*|control\w*|respond\w*|recover\w*|return\w*|start\w*|begin\w*|appear\w*|develop\w*|occur\w*|show up|come on)\b"
     r"|\b(?:how (?:long|soon|quickly)|how many (?:minutes|hours|days|weeks|months|years)|after how (?:long|many (?:minutes|hours|days|weeks|months|years)))\b[^?]*\bto (?:work\w*|kick in|help|act|show|see|notice|feel|take effect|improve|lift|settle|clear|wear off|heal|relieve|normali[sz]e|come down|go down|drop|fall|bring[\w ]{0,20} down|resolve|respond)\b"
     r"|\b(?:how (?:long|soon|quickly)|how many (?:minutes|hours|days|weeks|months|years)|after how (?:long|many (?:minutes|hours|days|weeks|months|years)))\b(?: [\w'/.-]+){0,6}? (?:can|could|does|do|did|will|would|might|may|should) (?!i\b|we\b|you\b|he\b|she\b|they\b|the patient\b)(?:[\w'/.-]+ ){1,3}?(?:work\w*|kicks? in|help\w*|act(?:s|ing)?|show\w*|see|seeing|notice\w*|feel\w*|benefit\w*|take effect|effect\w*|improv\w*|chang\w*|lift\w*|drops?|dropping|falls?|falling|come down|comes down|coming down|go down|goes down|bring[\w ]{0,20} down|normali[sz]\w*|settl\w*|clear\w*|wear\w* off|resolv\w*|relie\w*|heal\w*|lower\w*|reduc\w*|stabili[sz]\w*|control\w*|respond\w*|recover\w*|return\w*|start\w*|begin\w*|appear\w*|develop\w*|occur\w*|show up|come on)\s*\??\s*$"
     r"|\b(?:how (?:long|soon|quickly)|how many (?:minutes|hours|days|weeks|months|years)|after how (?:long|many (?:minutes|hours|days|weeks|months|years))) (?:after|since|into) (?:starting|initiation|initiating|commencing|beginning|the start)\b(?: (?:of )?(?:it|them|treatment|therapy|[\w-]+))?"
     r"|\bcombien de (?:temps|jours|semaines) (?:met|mettent)\b(?:(?!\b(?:prendre|continuer|traitement|cure|doses?|garder)\b)[^?])*?\bpour\b[^?]*|\b(?:(?:au bout|en|dans|apr[eè]s) (?:de )?)?combien (?:de (?:temps|jours|semaines|mois|heures)|d'heures)\b(?:(?!\b(?:prendre|continuer|traitement|cure|doses?|puis|pendant|entre)\b)[^?])*?\b(?:agi\w*|effets?|mieux|soulag\w*|am[eé]lior\w*|baiss\w*|diminu\w*|normalis\w*|efficace\w*|fonctionn\w*|dispara\w*|appara\w*|survien\w*|commenc\w*|d[eé]but\w*|lithi?[eé]mie|pr[eé]l[eè]v\w*|prise de sang|bilan|taux|dosage sanguin|concentration)\b[^?]*"
     r"|\bcu[aá]nto(?: tiempo)? (?:tarda\w*|demora\w*|dura (?:el|su) efecto|hasta que)\b[^?]*|\bcu[aá]nt[oa]s? (?:tiempo|horas|d[ií]as|semanas|meses) (?:tarda\w*|despu[eé]s|hasta|para (?:que|notar|ver|hacer))\b(?:(?!\b(?:tomar|tratamiento|seguir|dosis|otra|siguiente|pr[oó]xima)\b)[^?])*?\b(?:efecto|funcion\w*|mejor\w*|notar|nota|act[uú]\w*|baj\w*|niveles?|an[aá]lisis|extracci[oó]n|muestra|litemia)\b[^?]*"
     r"|\b(?:wie lange (?:dauert es|braucht|brauchen|h[aä]lt die wirkung|wirkt|nach)|(?:nach|in) wie vielen? (?:stunden|tagen|wochen|monaten)|wie viele (?:stunden|tage|wochen|monate) (?:nach|bis))\b(?:(?!\b(?:nehmen|einnehmen|zweite|n[aä]chste|dosis|weiter)\b)[^?])*?\b(?:wirk\w*|besser\w*|spiegel\w*|blut\w*|abnahme|abnehmen|bestimm\w*|sinkt|sinken|f[aä]llt|normal\w*)\b[^?]*|\bwie schnell wirk\w*[^?]*"
     r"|\b(?:spiegel\w*|blut\w*|lithi?[eé]mie|pr[eé]l[eè]vement|taux|niveles?|an[aá]lisis|litemia)\b[^?]*\b(?:wie viele stunden nach|wie lange nach|combien d'heures apr[eè]s|cu[aá]ntas horas despu[eé]s)\b[^?]*"),
    # How long a test, a check or a measured value goes on ("FBC weekly, for how long", "masks the CRP for how many
    # weeks"), unless the drug's own course is asked beside it ("INR checks: how long do I stay on warfarin").
    ("monitoring_duration", r"\b(?:fbc|bloods?|blood (?:tests?|counts?)|tests?|testing|monitoring|checks?|levels?|pcr|scans?|screening|platelets|lfts?|u&es?|inr|ecgs?|crp|esr|eye (?:tests?|exams?|checks?)|kontroll\w*|contr[oô]les?|bilans?|an[aá]lisis|controles)\b[^?]{0,60}?\b(?:for how long|how long|for how many (?:days|weeks|months|years)|how many (?:days|weeks|months|years)|pendant combien de temps|combien de temps|durante cu[aá]nto tiempo|cu[aá]nto tiempo|wie lange)\b(?! (?:do|should|must|will|can|does)? ?(?:i|we|you|he|she|they) (?:take|continue|stay|give|keep|use|be on)\b)"),
    # How long a side effect or symptom lasts, asked after naming it ("injection site reaction how long",
    # "blue vision - how long will it last").
    ("effect_duration", r"\b(?:side[- ]effects?|symptoms?|reactions?|rash\w*|nausea|vomiting|diarrh\w*|zaps|dizz\w*|headaches?|vision|pain|aches?|swelling|bruis\w*|flu|cough\w*|insomnia|tired\w*|fatigue|itch\w*|hives|sweat\w*|tremors?|cramps?|flushing|palpitations|withdrawal|discontinuation|dreams?|constipation|drowsiness|sleepiness|hair loss|taste|numbness|tingling)\b[^?]{0,50}\bhow long\b(?: (?:will|does|do|would|should|can|might) (?:it|they|this|that|these|those|[\w-]+) (?:last|take|go on|persist|continue|stay)\b)?(?:\s*(?:for)?\s*\??\s*$)"),
    # When a test or level is repeated ("salicylate level, when to repeat it", "echo - after how many cycles do
    # you repeat it"), a test named with its interval ("platelets weekly", "LFTs every 3 months"), and the
    # target range of a measured value ("APTT ratio target 1.5-2.5", "urate target <300 or <360").
    ("test_timing", r"\b(?:levels?|tests?|bloods?|ecgs?|echo\w*|scans?|x-?rays?|inr|lfts?|u&es?|fbc|cultures?|swabs?|samples?|measurements?|screening|troughs?|peaks?|aptt\w*)\b[^?]{0,60}?\b(?:when|how soon|after how (?:long|many [\w-]+)|how often)\b(?: (?:do|does|should|shall|can|would) (?:i|we|you|they|one))?(?: to)? (?:repeat\w*|recheck\w*|re-?test\w*|redo\b|re-?measure\w*|re-?check\w*)(?: (?:it|them|this|that|the (?!doses?\b|tablets?\b|injections?\b|infusions?\b)[\w-]+))?"
     r"|\b(?:repeat\w*|recheck\w*|re-?test\w*|redo) (?:the |a )?(?:level|test|bloods?|ecg|echo|inr|lfts?|sample|measurement|scan)s?\b"
     r"|\b(?:platelets|fbc|bloods?|blood tests?|lfts?|u&es?|inr|levels?|ecgs?|tfts?|monitoring|checks?|scans?|cultures?|pcr|cbc|wbc|neutrophils|creatinine|potassium)\b (?:(?:checked|monitored|done|tested|taken|measured) )?(?:weekly|monthly|fortnightly|yearly|annually|3-monthly|6-monthly|every (?:\d+|one|two|three|four|six|other|few) ?(?:days?|weeks?|months?))\b(?: for (?:\d+|a|one|the first \d+) ?(?:days?|weeks?|months?|years?))?(?:,? (?:then|and then|after that|thereafter) (?:weekly|monthly|fortnightly|yearly|annually|3-monthly|6-monthly|every (?:\d+|one|two|three|four|six|other|few) ?(?:days?|weeks?|months?))(?: (?:for|after) (?:\d+|a|one) ?(?:days?|weeks?|months?|years?))?)*"
     r"|(?<!dose )(?<!dosing )\b(?:target|therapeutic range|goal|cible|objetivo|zielbereich|zielwert)\b(?! (?:dose|doses|dosing|dosage|regimen)\b)(?:(?!\b(?:doses?|dosing|dosage|mg|mcg|units?|give|take|what|how|which|and|plus|also)\b)[^?]){0,40}?[<>≤≥]?\d+(?:[.,]\d+)?(?: ?(?:-|–|to|or|and|a|à|bis|ou|o) ?[<>≤≥]?\d+(?:[.,]\d+)?)*"
     r"|[<>≤≥]?\d+(?:[.,]\d+)?(?: ?(?:-|–|to|or) ?[<>≤≥]?\d+(?:[.,]\d+)?)+[^?]{0,15}\b(?:which|what|the|a)? ?(?:target|therapeutic range)\b"),
    # How often or how long a test, scan or blood check is done, on either side of the question words, in four
    # languages ("thyroid function how often", "how often should we be doing CT chest", "welche Blutkontrollen und
    # wie oft", "Blutbild wöchentlich – wie lange", "bilan hépatique tous les combien"), and when a level is taken
    # relative to a dose or read on a nomogram ("level taken 10 hours after the start", "take it 6-14 hours after",
    # "valid time on the nomogram"): the timing of a test, not of the drug.
    # A patch or pump taken off for a scan or procedure ("MRI tomorrow with a 25 fentanyl patch on, does it need to
    # come off?"): handling the device, not stopping the drug.
    ("device_off", r"^(?=[^?]*\b(?:mri|scans?|x-?rays?|ct|surgery|operation|procedure|sauna|cardioversion|defibrillat\w*)\b)"
     r"(?=[^?]*\b(?:patch|patches|plaster|pflaster|pump|sensor)\b)[^?]*\b(?:come|comes|coming|take|taken|taking) (?:it |them )?off\b"),
    # Strengths listed by their colours ("1mg brown, 3mg blue, 5mg pink - is that right?"): which tablet is which, not
    # which to take ("the 3mg blue?").
    ("tablet_colour", rf"{_COLOURED}(?:[,;/]? (?:and )?{_COLOURED})+"),
    # The count of cycles or doses after which a test is done or an effect shows ("after how many cycles do they scan",
    # "how many cycles before the first echo"): a test or onset time; stopping or changing after them is a course.
    ("count_before_event", r"\bafter how many (?:cycles|doses|infusions|injections|courses|treatments)\b"
     r"(?![^?]*\b(?:stop\w*|switch\w*|go(?:ing)? (?:on)?to|drop\w*|reduc\w*|increas\w*|chang\w*|mov\w*|continu\w*|"
     r"omit\w*|hold\w*|restart\w*|maintenance|alone|mono\w*)\b)[^?]*"
     r"|\bhow many (?:cycles|doses|infusions) (?:before|until) (?:the |a |an |we |they |you |it )?(?:first |next )?"
     r"(?:scan\w*|ct|mri|pet|echo\w*|restag\w*|response|assessment|review|tests?|bloods?|ecg|level)\b"),
    ("test_schedule", r"\b(?:thyroid(?: function)?(?: tests?)?|tfts?|ct(?: chest| scans?)?|mri|imaging|chest x-?rays?|cxr|spirometry|pfts?|lung function|audiometry|hearing tests?|eye (?:tests?|exams?|checks?)|urine (?:tests?|dip\w*)|urinalysis|bone density|dexa|ecgs?|echo\w*|bloods?|blood (?:tests?|counts?|checks?)|fbc|lfts?|u&es?|levels?|\w*blutbild\w*|\w*blutkontroll\w*|\w*laborkontroll\w*|\w*kontrolluntersuchung\w*|bilans?(?: [\w-]+)?|nfs|hemograma|h[eé]mogramme|emocromo|ionogramme|prises? de sang|an[aá]lisis(?: de sangre)?|anal[ií]ticas?|controles? (?:de|del) [\w-]+|pruebas?(?: de [\w-]+)?|esami|exames?)\b[^?]{0,40}\b(?:how (?:often|frequently)|how long|for how long|wie oft|wie lange|in welchen abst[aä]nden|tous les combien|[aà] quelle fr[eé]quence|combien de temps|cada cu[aá]nto(?: tiempo)?|con qu[eé] frecuencia|cu[aá]nto tiempo|de quanto em quanto(?: tempo)?|a cada quant[oa]s?(?: tempo| dias| semanas| meses)?|com que frequ[eê]ncia|ogni quanto(?: tempo)?|con che frequenza)\b(?! (?:do|should|must|can|will|shall)? ?(?:i|we|you|he|she|they) (?:take|give|have|use|continue|stay|keep|be on)\b)(?![^?]*\b(?:nehmen|einnehmen|prendre|tomar|doses?|dosis)\b)[^?]*"
     r"|\b(?:how (?:often|frequently)|wie oft|tous les combien|[aà] quelle fr[eé]quence|cada cu[aá]nto|con qu[eé] frecuencia)\b(?: (?:should|do|must|shall|would|can|will|does) (?:we|i|you|they|one))?(?: be)?(?: (?:doing|do|done|getting|get|having|have|repeating|repeat|checking|check|ordering|order|requesting|request|faire|hacer))? (?:an? |the |his |her |my |their )?(?:thyroid(?: function)?(?: tests?)?|tfts?|ct(?: chest| scans?)?|mri|imaging|chest x-?rays?|cxr|spirometry|pfts?|lung function|audiometry|hearing tests?|eye (?:tests?|exams?)|bone density|dexa|bilans?|prises? de sang|an[aá]lisis|anal[ií]ticas?|blutbild\w*|blutkontroll\w*)\b[^?]*"
     r"|\b(?:levels?|samples?|troughs?|peaks?|concentrations?|bloods?|lithi?[eé]mie|spiegel\w*|niveles?)\b(?![^?]*\b(?:re-?dos\w*|q\d+h?|next (?:dose|one)|interval|how often|when (?:do|should|can|shall) (?:i|we|you) (?:give|dose|repeat)|what dose|give|omit|hold|withhold)\b)[^?]{0,60}\b(?:taken|take (?:it|them|the (?:level|sample|bloods?))|drawn|draw (?:it|them)|sampled|measured|checked|done)\b[^?]{0,30}?\b\d+(?:[.,]\d+)?(?: ?[-–] ?\d+(?:[.,]\d+)?)? ?(?:h|hrs?|hours?)\b(?: (?:after|post|from))?[^?]*"
     r"|\b(?:levels?|concentrations?|troughs?|samples?)\b(?![^?]*\b(?:re-?dos\w*|q\d+h?|next (?:dose|one)|interval|how often|when (?:do|should|can|shall) (?:i|we|you) (?:give|dose|repeat)|what dose|give|omit|hold|withhold)\b)(?:(?!\b(?:doses?|dosing|dosage|mg|give|interval)\b)[^?]){0,80}\bnomogram\b[^?]*|\bnomogram\b(?![^?]*\b(?:re-?dos\w*|q\d+h?|next (?:dose|one)|interval|how often|when (?:do|should|can|shall) (?:i|we|you) (?:give|dose|repeat)|what dose|give|omit|hold|withhold)\b)(?:(?!\b(?:doses?|dosing|dosage|mg|give|interval)\b)[^?]){0,40}\b(?:levels?|concentrations?|samples?)\b(?! (?:of|for) (?:the )?(?:dose|dosing))[^?]*"),
    ("onset_time", r"\bhow many (?:hours|days|weeks|months) (?:until|before|after|for \w+ to work|till)\b(?: (?:a|the|each|my|your|last|first|final|next) (?:[\w-]+ )?(?:dose|injection|infusion)s?\b)?|\bcombien de temps (?:pour|avant)\b[^?]*\beffet\b|\bcu[aá]nto tarda\b|\bcu[aá]nto tiempo tarda\b|\b(?:how (?:much|many|long)|combien de temps|cu[aá]nto tiempo|wie lange)\b(?: [\w-]+){0,2}? ?(?:hours?|days?|weeks?|months?|time|minutes?)?\b[^?]*\b(?:to (?:fix|lower|clear|settle|improve|help)|side effects?|effects? after|to work|start\w* (?:to )?work\w*|work|kick in|take effect|full effect|reach\w*|peak\w*|last(?! (?:(?!after |for |until |beyond )(?:[\w-]+ )?(?:dose|injection|tablet|infusion|course)s?|one)\b)|lasts|wear\w* off|effect last|to clear|clear|leave(?! (?:it|them|the [\w-]+|my [\w-]+|[\w-]+)(?: [\w-]+)? on\b)|out of (?:your|the) system|in (?:your|the) system|half-?life|observe|observation|fridge|room temperature|out of the fridge|after opening|once opened|opened|good for|shelf life|expire\w*|haltbar|frigo|nevera|k[uü]hlschrank|r[eé]frig[eé]rat\w*)\b|\b(?:how long|how many (?:hours|days|weeks|months|years))\b[^?]*\b(?:after (?:the |my |your |a )?(?:(?:last|final)(?: [\w-]+)?(?: (?:dose|injection|tablet|infusion|course)s?)?|(?:dose|injection|tablet|infusion)s?)(?: of [\w-]+)?|after stopping|before (?:trying|conceiving|getting pregnant|pregnan\w*|surgery)|avoid\w*|contracepti\w*|trying for a baby)\b|\b(?:trying|try) for a baby\b|\bafter (?:how (?:much|many)) (?:hours|days|weeks|months|years|time)\b|\b(?:how long|how many (?:days|weeks|months|years))\b[^?]*\b(?:after|since) (?:the |my |your |a |his |her )?(?:last|final) [\w-]+ (?:dose|injection|infusion|tablet)s?\b|\b(?:vaccin\w*|immuni[sz]\w*)\b[^?]*\b(?:how long|how many (?:days|weeks|months|years))\b[^?]*|\b(?:how long|how many (?:days|weeks|months|years))\b[^?]*\b(?:live )?vaccin\w*|\bwie lange dauert es\b|\bkicks? in\b"),
    # An effect that changes with the dose ("does the bleeding risk go up with dose", "aumenta con la dosis",
    # "dosisabhängig"): a relation, read before "with the dose" is taken as a point in time.
    ("dose_relation_effect", r"\b(?:go(?:es)? up|goes higher|rises?|increases?|gets? worse|worsens?|changes?|var(?:y|ies)|depends?|scales?|correlates?|is related|grows?|climbs?) (?:with|at) (?:the |higher |increasing |larger |bigger |the size of the )?(?:doses?|dosage|dose size)\b|\b(?:with|at) (?:higher|increasing|larger|bigger|lower|smaller) doses\b|\b(?:dosisabh[aä]ngig\w*|dose-?d[eé]pendant\w*|d[eé]pend\w* de la dose|augmente avec la dose|dosis-?dependiente\w*|depend\w* de la dosis|aumenta con la dosis|steigt mit der dosis)"),
    ("dose_as_time", r"\b(?:after|before|post|following|since|pre)[- ](?:the |a |his |her |my )?(?:load|loading|induction|bolus)(?: doses?)?\b(?! (?:of|for|is|should|would|to|and|how|what)\b)|\b(?:before|after|with|since|following|post|pre|between|at)[- ](?:(?:each|every|the|a|an|my|his|her|their|your|this|that|first|second|third|next|last|initial|1st|2nd|test|previous|subsequent|every other|any) ){0,3}(?:[\w-]+ )?(?:doses|dose|infusions?|injections?)\b(?<!between doses)(?<!between each dose)(?<!between dose)|\b(?:within|of|from) (?:\w+ ){0,3}(?:of )?(?:the|a|each|my|every|your) (?:first |next |last |previous )?doses?\b|\b(?:one|a|each|single) dose of [\w-]+ (?:last|work)\w*"
     r"|\b(?:on|during|by) (?:the|my|your|his|her|their) (?:first|second|third|initial|1st|2nd|3rd|last|final|next) (?:[\w-]+ )?(?:doses?|infusions?|injections?)\b"
     r"|\b(?:vor|nach|bei|seit|mit) (?:der|dem|jeder|einer|den) (?:ersten |n[aä]chsten |letzten )?(?:\w*dosis|einnahme|gabe|spritze|injektion|infusion)\b|\b(?:avant|apr[eè]s|pendant|lors de) (?:la|chaque|une|ma|sa) (?:premi[eè]re |prochaine |derni[eè]re )?(?:dose|prise|injection|perfusion)\b|\b(?:antes|despu[eé]s|tras) de (?:la|cada|una|mi|su) (?:primera |siguiente |pr[oó]xima |[uú]ltima )?(?:dosis|toma|inyecci[oó]n|infusi[oó]n)\b"),
    ("dose_relation", r"\bdose[- ](?:dependent|dependency|related|limiting|response|proportional)\w*|\bfirst[- ]dose (?:hypotension|effect|reaction|phenomenon)\w*|\bhow long does (?:the effect of )?(?:one|a|each|a single) dose\b[^?]*\blast\b"),
    # How often an adverse effect happens, asked after naming it as harm or as caused by the drug ("X hypothyroidism - how often", "lung toxicity
    # with long-term use, how often?") or as "how often does it happen / occur", in English, French, Spanish and
    # German: an incidence, not an interval ("nausea on X, how often should I take it" still asks one).
    ("effect_frequency", r"\b(?:(?:side[- ]effects?|adverse|toxicit\w*|\w+toxicity|reactions?|rash\w*|\w+penia|bleed\w*|haemorrhag\w*|hemorrhag\w*|fractures?|hair loss|alopecia|gynaecomastia|gynecomastia|problems?|damage|injury|failure|cancers?|dependence|addiction|withdrawal|[\w-]+-induced|[\w-]+ induced)\b[^?]{0,60}?|[\w-]+ (?:with|on|from|after|caused by|due to|associated with) (?:long[- ]term |prolonged |chronic )?(?:[\w-]+ )?(?:use|treatment|therapy|[\w-]+)\b[^?]{0,30}?)\bhow (?:of+t?e?n|common(?:ly)?|frequent(?:ly)?|likely|rare)\b(?=\s*(?:[?.!]|$|(?:is|does) (?:it|that|this) (?:happen|occur|seen)\w*|do (?:people|patients) get))"
     r"|\bhow (?:of+t?e?n|common(?:ly)?|frequently) (?:does|do|is|are|did|will) (?:it|this|that|these|they|[\w-]+(?: [\w-]+){0,3}) (?:happen|occur|seen|reported|develop|appear|arise|come on|show up)\w*\b"
     r"|\b(?:con qu[eé] frecuencia|cada cu[aá]nto) (?:aparece\w*|ocurre\w*|pasa\w*|sucede\w*|se (?:produce|presenta|da|ve)\w*)\b|\b(?:[aà] quelle fr[eé]quence|tous les combien) (?:survien\w*|appara[iî]\w*|se produi\w*|arrive\w*|observe\w*)\b|\bwie (?:oft|h[aä]ufig) (?:tritt|treten|kommt|kommen)\b[^?]*?\b(?:auf|vor)\b"),
    # A reason asked about a dose, its timing or its limit ("why do some drugs need a loading dose at all", "why
    # does the packet warn about the maximum daily dose", "pourquoi une dose de charge", "warum eine Ladedosis"):
    # the answer explains, it states no amount. An amount, interval or decision asked beside it still decides.
    ("dose_reason", r"\b(?:why|pourquoi|por qu[eé]|warum|wieso|weshalb|what is the (?:point|purpose|reason|rationale) (?:of|for|behind))\b(?: (?!and\b|or\b|but\b|how\b|what\b|which\b|when\b|should\b|can\b)[\w'/-]+){0,8}? (?:(?:loading|maintenance|test|first|initial|stat|single|bedtime|night-?time|split|divided|weekly|daily|maximum|max|starting|booster|priming|higher|lower|high|low|bigger|smaller) )?(?:doses?|dosing|dosage|dosis|dose de charge|dosis de carga|aufs[aä]ttigungsdosis|ladedosis|initialdosis)\b"),
    # A single dose named as the exposure in an interaction question ("single dose fluconazole with warfarin -
    # does it matter", "one-off dose of clarithromycin on a statin").
    ("single_dose_exposure", r"\b(?:a |one )?(?:single|one-off|one off|once-off|stat|one-time|dose unique|dosis [uú]nica|einzel)[- ]?(?:doses?|dosis)\b(?: (?:of|de|d'|von))? ?[\w-]+(?= (?:with|and|on|while on|plus|alongside|\+|avec|con|mit|sous)\b)"),
    ("dose_descriptor", r"\b(?:high|low|higher|lower|split|divided|mini|micro)[- ]dos(?:e|ed|ing)\b(?= (?!of\b|for\b|in\b|is\b|to\b|per\b|would\b|should\b|can\b|do\b|does\b|at\b|with\b)[a-z])"),
    # A measured value relative to a limit of normal ("ALT 3 times the upper limit", "CK 10x ULN", "trois fois la
    # normale"), not a maximum of the drug.
    ("relative_to_limit", r"\b(?:[a-z]{2,6} )?(?:\d+(?:[.,]\d+)?|two|three|four|five|ten|deux|trois|cinq|dix|dos|tres|cinco|diez|zwei|drei|f[uü]nf|zehn) ?(?:x|times|fold|-fold|fois|veces|mal|-fach|fach) (?:the |la |el |lo |die |der )?(?:upper limit|uln|lsn|normal|normale|limite sup[eé]rieure|l[ií]mite superior|obergrenze|oberen grenzwert|norm)\w*(?: (?:of|de la|du|de lo|des|der) normal\w*)?|\b(?:above|over|exceed\w*|beyond|au-dessus de|por encima del?|[uü]ber) (?:the |la |el |die )?(?:upper limit|uln|limite sup[eé]rieure|l[ií]mite superior|obergrenze)\w*(?: (?:of|de la|du|de lo|der) normal\w*)?"),
    # The risk of an effect once a cumulative or lifetime exposure is passed ("cardiomyopathy risk once cumulative
    # exposure passes 450 mg/m2", "at 400 mg/m2 cumulative, what's the risk"), not the limit itself.
    ("cumulative_risk", r"\b(?:risks?|incidence|rates?|chances?|likelihood|odds|toxicit\w*|cardiotoxicity|cardiomyopathy|heart failure|damage|what happens|risque|riesgo|risiko)\b[^?]{0,60}?\b(?:once|when|after|above|beyond|over|past|exceed\w*|pass\w*|at|reach\w*|au-del[aà] de|m[aá]s all[aá] de|por encima de|[uü]ber|ab)\b(?: (?:a|the|an|un|une|el|la|der|die|das))? ?(?:cumulative|lifetime|total|cumul\w*|acumulad\w*|kumulativ\w*)\b[^?]*|\b(?:at|above|beyond|over|past|after|once|au-del[aà] de|por encima de|[uü]ber) (?:an? |the )?(?:\d+(?:[.,]\d+)? ?(?:mg|g)(?:/m2|/m²)? )?(?:cumulative|lifetime|total|cumul\w*|acumulad\w*|kumulativ\w*)\b[^?]{0,60}?\b(?:risks?|incidence|rates?|chances?|%|percent|what happens|risque|riesgo|risiko)\b[^?]*"),
    # How large a measured change, an effect or a tolerance is ("how much QRS widening is too much", "how much of a
    # creatinine rise is acceptable", "how much reduction in deaths", "de combien baisse la tension", "cuánto baja
    # la HbA1c", "wie stark sinkt der Blutdruck"): the size of a change in the patient or an outcome, not an amount
    # to give. An amount, dose or tablet named inside it still decides.
    # A threshold of the patient, not of the drug: a kidney, heart-rate, level or age cut-off at which a drug is
    # stopped, avoided or worried about ("eGFR cut off 45 or 30", "at what heart rate should we worry", "maximum
    # age for starting", "à partir de quel DFG", "límite de edad", "Altersgrenze"). A dose or an adjustment asked
    # beside it still decides.
    ("patient_threshold", r"(?:\b(?:at|above|below|over|under|from|beyond) what (?:heart rate|pulse|bp|blood pressure|systolic|egfr|gfr|crcl|creatinine clearance|creatinine|potassium|sodium|inr|platelets?|platelet count|neutrophils?|neutrophil count|anc|qtc?|age|weight|bmi|temperature|level|value|number)\b"
     r"|\b(?:egfr|gfr|crcl|creatinine clearance|dfg|tfg|age|bmi|platelets?|anc|neutrophils?|potassium|qtc?|heart rate|pulse|inr)\b (?:cut[- ]?offs?|thresholds?|limits?|seuils?|umbral|grenzwert\w*)\b(?: (?:of|at|is|=|de|von))?(?: ?[<>≤≥]?\d+(?:[.,]\d+)?(?: ?(?:or|vs|to|-|–|ou|o|oder) ?\d+(?:[.,]\d+)?)?)?"
     r"|\b(?:cut[- ]?offs?|thresholds?|seuils?|umbral|grenzwert\w*) (?:for|of|de|del|f[uü]r) (?:the )?(?:egfr|gfr|crcl|creatinine clearance|dfg|tfg|age|bmi|platelets?|anc|neutrophils?|potassium|qtc?|heart rate|pulse)\b(?: ?[<>≤≥]?\d+(?:[.,]\d+)?(?: ?(?:or|vs|to|-|–) ?\d+(?:[.,]\d+)?)?)?"
     r"|\b(?:maximum|minimum|upper|lower|max|min) age\b|\bage (?:limit|cut[- ]?off|ceiling)s?\b|\b[aâ]ge (?:maximum|minimum|limite)\b|\b[aà] partir de quel (?:[aâ]ge|dfg|d[eé]bit)\b|\bedad (?:m[aá]xima|m[ií]nima|l[ií]mite)\b|\bl[ií]mite de edad\b|\b(?:alters(?:grenze|limit)|h[oö]chstalter|mindestalter)\b)"
     r"(?![^?]*\b(?:doses?|dosage|dosing|reduce|adjust\w*|halve|how much|how often|mg)\b)"),
    # How long a reaction or symptom goes on once it has happened ("fever after the infusion, how many days will this
    # continue", "how long will the flushing persist"), and what to wait for after a drug before alcohol ("wie lange
    # nach Metronidazol darf ich wieder Alkohol trinken", "combien de temps après ... boire de l'alcool").
    ("reaction_course", r"\bhow (?:long|many (?:hours|days|weeks))\b(?: (?:will|would|does|do|might|may|can|is|should))? (?:this|it|that|they|these|those|the (?!course\b|treatment\b|therapy\b|antibiotics?\b|tablets?\b|injections?\b|infusions?\b|drug\b|medicine\b|medication\b)[\w-]+(?: [\w-]+)?|my (?!course\b|treatment\b|tablets?\b)[\w-]+) (?:will |would |might |may )?(?:continue|last|persist|go on|carry on|stay)s?\b(?! (?:the|taking|on|with|giving|using|it|them)\b)"
     r"|\b(?:how long|how many (?:hours|days)|wie lange|wie viele (?:stunden|tage)|combien de (?:temps|jours|heures)|cu[aá]nto tiempo|cu[aá]ntos d[ií]as|cu[aá]ntas horas) (?:after|nach|apr[eè]s|despu[eé]s de(?:l)?)\b[^?]{0,50}\b(?:alcohol|alkohol|alcool|drinks?|drinking|trinken|boire|beber|bebidas?)\b[^?]*"),
    ("measured_magnitude", r"\b(?:how (?:much|many|big|large)|what size)(?: of)?(?: an?| the)?(?: (?!doses?\b|dosage\b|tablets?\b|mg\b|units?\b|to\b|do\b|does\b|should\b|can\b|must\b|shall\b|would\b|will\b|i\b|we\b|you\b)[\w-]+){0,3}? (?:reductions?|increases?|rise|fall|drop|decreases?|decline|widening|prolongation|lengthening|shortening|changes?|difference|improvements?|lowering|gain|loss|benefit|elevation|dip)\b(?![^?]*\b(?:doses?|dosage|dosing|mg|tablets?|units?)\b)[^?]*"
     r"|\b(?:how (?:much|many)|what)(?: of)?(?: an?| the)?(?: [\w-]+)?? (?:qtc?|qrs|pr|creatinine|(?:potassium|sodium)(?! (?:valproate|bicarbonate|chloride|citrate|docusate|picosulfate|fusidate|alginate|cromoglicate|phosphate|clodronate)\b)|egfr|weight|inr|alt|ast|ck|bleeding|bruising|hair loss|(?:[\w-]+ )?(?:widening|prolongation|lengthening|rise|increase|drop|fall|decrease|change|gain|loss|elevation))(?: [\w-]+){0,2}? (?:is|are|would be|counts? as) (?:too (?:much|many|high|low|long|wide)|acceptable|tolerable|expected|normal|significant|worrying|dangerous|ok|okay)\b"
     r"|\b(?:de combien|dans quelle mesure)\b(?: [\w'-]+){0,3}? (?:baisse|diminue|r[eé]duit|augmente|monte|chute)(?:nt)?\b[^?]*|\bcu[aá]nto (?:baja|reduce|disminuye|sube|aumenta|mejora|cae)n?\b[^?]*|\b(?:wie (?:stark|sehr|viel)|um wie ?viel)\b(?: [\w-]+){0,3}? (?:sinkt|senkt|steigt|f[aä]llt|verbessert|erh[oö]ht|reduziert)\b[^?]*"
     r"|\bhow (?:much|many)\b[^?]{0,30}\b(?:left|remaining)\b(?= in (?:the |my |his |her |a |an )?[\w-]+(?: [\w-]+)?\b)[^?]*"
     r"|\b(?:how much|quelle quantit[eé]|combien|cu[aá]nto|qu[eé] cantidad|wie ?viel)\b[^?]{0,40}\b(?:into|in|dans|en|in die) (?:the |le |la |l'|el |die )?(?:breast ?milk|milk|lait(?: maternel)?|leche(?: materna)?|muttermilch|placenta)\b"),
    # A measured value as the subject of a change ("what could make the INR drop", "how fast do the levels fall",
    # "risk of MI, % increase", "warum sinkt der Spiegel"): a change in the patient, not to the dose.
    ("measured_change", r"\b(?:what (?:could|would|might|can|will|may) (?:make|cause|have made|be making) (?:it|them|this|that|the [\w-]+|my [\w-]+|his [\w-]+|her [\w-]+)|(?:levels?|inr|concentrations?|potassium|sodium|creatinine|egfr|glucose|sugars?|bp|blood pressure|heart rate|pulse|platelets?|neutrophils?|hb|haemoglobin|hemoglobin|tsh|urate|uric acid|psa|ldl|cholesterol|hba1c|weight|qtc?|qrs)(?: (?!\d)(?!and\b|or\b|but\b|should\b|dose\b|doses\b)[\w-]+){0,2}?) (?:drops?|dropping|dropped|falls?|falling|fell|rises?|rising|rose|climbs?|climbing|dips?|go(?:es)? (?:up|down)|going (?:up|down)|come(?:s)? down|coming down|bounce\w*|fluctuat\w*|swing\w*|increases?|increasing|decreases?|decreasing)\b(?! (?:it|the|my|his|her|their|to|by)\b)"
     r"|\b(?:risk|rate|incidence|chance|odds|mortality)\b[^?]{0,30}%\s*(?:increase|rise|reduction|decrease|higher|lower)\b"
     r"|\b(?:lower|lowers|raise|raises|reduce|reduces|increase|increases)\b (?:the |my |his |her )?(?:uric acid|urate|potassium|sodium|creatinine|tsh|triglycerides|hdl|ldl|bp|blood pressure|heart rate|hba1c|glucose|psa)\b[^?]{0,10}\bby how (?:much|many)\b"),
    ("measured_value", r"\b(?:levels?|troughs?|peaks?|inr|concentrations?|plts|plt|wcc|neuts|potassium|sodium|creatinine|hba1c|tsh|ck|alt|ast|anc|neutrophils?|platelets?|qtc?|bp|blood pressure|heart rate|hr|pulse|glucose|sugars?|ldl|cholesterol|weight|bmi|ef|lvef|score|albumin|bilirubin|auc|troponin|bnp|nt-?probnp|bicarbonate|urea|ggt|alp|ft4|t4)\b(?: (?:of|is|was|at|=|above|below|over|under|<|>))? ?\d+(?:[.,/]\d+)?(?: ?[-–] ?\d+(?:[.,]\d+)?)?\w*(?: ?(?:mg|mmol|micromol|µmol|μmol|umol|nmol|mcg|micrograms?|ng|g|iu|units?|ml|mu)/(?:l|dl|ml|litre|liter|min|h|hr)\b)?|\d+(?:[.,]\d+)? (?:level|trough)\b|\b(?:trough|level) (?:\w+ )?\d+(?:[.,]\d+)?(?: ?[-–] ?\d+(?:[.,]\d+)?)?|\b(?:b12|folate|magnesium|calcium|phosphate|crp|esr|urate|uric acid|vitamin d|ferritin|iron|lactate|ammonia|salicylate|paracetamol concentration|concentration|aptt|apttr|anti-?xa|hb|wbc|plt|cd4|viral load|psa|fev1|ejection fraction)\b(?: (?:of|is|was|at|=|above|below|over|under|<|>|ratio|target|range))* ?\d+(?:[.,/-]\d+)?\w*|\b\d+(?:[.,]\d+)? ?(?:x|times) (?:the )?(?:upper limit|uln)\w*|\bupper limit of normal\b|\buln\b|\b(?:aptt|apttr|inr) ratio\b|\b(?:target|range|therapeutic range|above the line|below the line|treatment line)\b(?: (?:of|is))? ?\d*(?:[.,]\d+)?(?: ?[-–] ?\d+(?:[.,]\d+)?)?|\b\d+(?:[.,]\d+)? ?[-–] ?\d+(?:[.,]\d+)? ?(?:range|target)\b|\b\d+(?:[.,]\d+)? ?(?:mg|mmol|micromol|µmol|μmol|umol|nmol|mcg|micrograms?|ng|g|iu|units?)/(?:l|dl|ml|litre|liter)\b"),
    # A regimen named as the patient's state ("once stable on the same regimen", "she's on a FOLFOX regimen and
    # has diarrhoea"); staying on, continuing or changing it is still a decision about it.
    ("regimen_as_state", r"\b(?:(?:once |when |while |if )?(?:stable|established|settled|maintained) on|while on) (?:the |a |an |his |her |my |their |this |that )?(?:same |current |existing |stable |usual |new )?(?:[\w-]+ )?(?:regimen|regime)\b|\b(?:(?<!stay )(?<!remain )(?<!continue )(?<!keep )(?<!go )(?<!put )(?<!start )(?<!switch )(?<!change )on) (?:the |a |an |his |her |my |their |this |that )?(?:same |current |existing |stable |usual |new )?(?:[\w-]+ )?(?:regimen|regime)\b(?= *(?:,|and|but|-|–|since|for \d|how|what|when|which|any|is|are|does|do|has|have))"),
    ("stated_regimen", r"(?<!should )(?<!can )(?<!could )(?<!do )(?<!shall )(?<!may )(?<!must )(?<!would )(?<!will )\b(?:i'?m|i am|im|she'?s|he'?s|they'?re|currently|already|been|i|he|she|they|was|is) (?:on|taking|take|takes|prescribed|given) (?:(?:\w+ ){0,2})\d+(?:[.,]\d+)?\s*(?:mg|mcg|micrograms?|g|units?|ml|tablets?|tabs?|pills?|capsules?|puffs?)\b(?:(?: \w+){0,2} (?:once|twice|daily|a day|weekly|a week|bd|od|tds|at night|in the morning))?|\b(?:prendo|sto prendendo|assumo|estoy tomando|estou (?:a )?tomar|estou tomando|je prends|ich nehme)\b (?:(?:[\w-]+ ){0,2})\d+(?:[.,]\d+)?\s*(?:mg|mcg|microgramm[io]|microgramos|unit[aà]|unidades|ui|compresse|comprimidos|comprim[eé]s|tabletten)\b"),
    # "Put on 6 kilos on mirtazapine": a change in the patient's weight, not the weight a dose is worked out for.
    ("weight_change", r"\b(?:put on|putting on|puts on|gained|gaining|gain of|lost|losing|lose|dropped|weight (?:gain|loss) of)\s+(?:about |around |nearly |over |almost |like )?\d+(?:[.,]\d+)? ?(?:kg|kgs|kilos?|lbs?|pounds|stone)\b|\b\d+(?:[.,]\d+)? ?(?:kg|kgs|kilos?|lbs?|pounds|stone) (?:weight )?(?:gain|loss|heavier|lighter)\b|\b(?:pris|perdu|zugenommen|abgenommen|engordado|adelgazado|ingrassat[oa]|dimagrit[oa]|(?:ho|ha|hai) preso|messo su|ganhei|perdi|engordei)\b[^?]{0,15}\b\d+(?:[.,]\d+)? ?(?:kg|kilos?)\b|\b\d+(?:[.,]\d+)? ?(?:kg|kilos?) (?:zugenommen|abgenommen|de plus|de moins|en plus|in pi[uù])\b"),
    # French "dosage de la concentration", Italian "dosaggio plasmatico", Spanish "dosaje sérico": a laboratory assay.
    ("assay", r"\bdosages? (?:de la |du |des |d')?(?:concentration\w*|taux|niveau\w*|r[eé]siduel\w*|sanguin\w*|plasmatique\w*|s[eé]rique\w*|lithi[eé]mie|anticorps|marqueurs?|vitamine\w*|ferritine|tsh|hba1c)\b|\bdosaggio (?:dei livelli|del livello|plasmatico|sierico|ematico)\b|\bdosaje (?:s[eé]rico|plasm[aá]tico|de niveles?)\b"
     # the Romance word for a blood assay is the word for a dose: "dosage de la lithémie", "dosaggio della
     # ciclosporinemia", "dosagem de lítio sérico" measure a level in the blood
     r"|\b(?:dosages?|dosaggio|dosagem|dosaje)\b (?:de la |du |des |d'|della |dello |del |dei |do |da |dos |de )?(?:[\w-]+ )?(?:\w+[eé]mi[ae]|s[eé]ric[oa]s?|s[eé]rique|plasm[aá]tic[oa]s?|sierico|ematico|nivea?u\w*|nivel\w*|n[ií]ve(?:l|is)|livell[io])\b"
     # The same word, or its verb (French "doser", Portuguese and Spanish "dosar", Italian "dosare"), with a laboratory
     # analyte no one is given as a medicine as its object ("dosar CPK", "dosage de la troponine", "doser les
     # D-dimères"), or with the blood it is measured in ("dosagem de lítio no sangue", "dosaje de digoxina en sangre").
     # Analytes that are also given (vitamin D, potassium, iron, glucose) count only with the blood named.
     r"|\b(?:dosages?|dosaggio|dosagem|dosaje|dos[ae]r|doser|dosare|dos[eé]s?|dosad[oa]s?|dosat[oa])\b (?:(?:de la|du|des|de l'|d'|della|dello|del|dei|delle|di|do|da|dos|das|de|la|le|les|l'|il|lo|i|o|a|os|as|el|los) ?)?"
     r"(?:(?:taux|niveaux?|livell[io]|n[ií]ve(?:l|is)|niveles?) (?:de |d'|di |del |della |do |da |dos )?)?"
     r"(?:cpk|ck|cr[eé]atinin[ae]?|creatinkinase|troponin[ae]?|tsh|inr|psa|ferritin[ae]?|hba1c|h[eé]moglobine glyqu[eé]e|"
     r"emoglobina glicata|hemoglobina glicada|anticorps|anticorpi|anticorpos|anticuerpos|transaminas[ei]s?|bilirubin[ae]?|"
     r"bilirrubina|procalciton\w+|d-?dim[eè]r\w*|bnp|nt-?probnp|acide urique|[aá]cido [uú]rico|acido urico|prolactin[ae]?|"
     r"cortisol|amylase|amilasa|lipas[ei]|b?-?hcg|cd4|charge virale|carga viral|anti-?xa|tca|ttpa|aptt|plaquettes|piastrine|"
     r"plaquetas|nfs|hemograma|emocromo)\b"
     r"|\b(?:dosages?|dosaggio|dosagem|dosaje|dos[ae]r|doser|dosare)\b[^?.,;]{0,40}?\b(?:dans le sang|sanguin\w*|no sangue|"
     r"sangu[ií]ne[oa]s?|en (?:la )?sangre|nel sangue|ematic[oi]|no soro|en (?:el )?suero|nel siero)\b"
     # or with the level to aim for asked after it ("Dosage de la vancomycine : quel taux résiduel viser ?")
     r"|\b(?:dosages?|dosaggio|dosagem|dosaje)\b(?=[^?]{0,60}\b(?:quel(?:le)?|qu[eé]|qual|quale) (?:(?:est|es|e) )?(?:le |la |el |il |o |a )?"
     r"(?:taux|niveau|nivel|livello|n[ií]vel)\b[^?]{0,40}\b(?:viser|cible|objecti\w*|objetivo|buscar|se busca|alvo|obiettivo)\b)"),
    # The level aimed for, asked in another language ("quel taux résiduel viser", "qual o nível … que se busca"): its
    # "dosage" is the assay, as beside a measured value.
    ("target_level_foreign", r"\b(?:quel(?:le)?|qu[eé]|qual|quale|welche[nrs]?)\b (?:(?:est|es|e|ist) )?(?:le |la |el |il |o |a |der |die )?"
     r"(?:taux|niveau|nivel|livello|n[ií]vel|spiegel|concentration|concentraci[oó]n|concentrazione|concentra[cç][aã]o)\b[^?]{0,40}"
     r"\b(?:viser|vis[eé]e?|cible|objecti\w*|objetivo|buscar|se busca|alvo|obiettivo|mirare|ziel\w*|anstreben|angestrebt)\b"),
    # "Kept between 2 and 8 grados", "a 25 graus", "-2 °C": a temperature, in any of the languages.
    ("temperature", r"-?\d+(?:[.,]\d+)?(?: ?(?:-|–|to|and|y|e|et|und|a|à|bis) ?-?\d+(?:[.,]\d+)?)? ?(?:°\s?c?|ºc?|degrees?(?: c(?:elsius)?)?|deg c|grados?|graus?|gradi|degr[eé]s|grad)\b"),
    ("code_or_date", r"\b(?:type|stage|grade|phase|class|covid|factor|step|tier|cyp\w*|her|ta|ng|cg|nice|hba1c|il|cd|vitamin [a-z]|t-dm|5-ht|schedule|category|nyha|gold|child-pugh|ckd|g|level|lead|part|cycle|day|week|chapter|section|version|trial|study)[- ]?\d+\w*|\b(?:19|20)\d\d\b|\b[a-z]+-?[a-z]?\*\d+\w*|\b(?:under|over|aged?|older than|younger than) \d+s?\b(?! ?(?:mg|mcg|g|kg|units?|ml|tablets?))|\b(?:trial|study|results?)\b[^?]*?\d+(?:[.,]\d+)? ?(?:mg|mcg)? (?:vs\.?|versus|or) \d+(?:[.,]\d+)?|\b[a-z]{3,}-\d+\w*|\b\d+-(?:lead|hour|hr|h|day|week|month|year|minute|min|second)s?(?:-old)?\b"),
    ("time_span", r"(?!\d+ ?days?\s*\?)(?<!missed )(?<!missing )(?<!every )(?<!toutes les )(?<!ogni )(?<!cada )(?<!alle )(?<!\bor )(?<!\bfor )(?<!\bq)\b\d+(?:[.,]\d+)?(?: ?- ?\d+)? ?(?:min\w*|seconds?|secs?|hours?|hrs?|h(?= )|days?|weeks?|wks?|months?|years?|yrs?|y/?o|yo|year-old)\b(?! (?:course|supply|treatment|of (?:treatment|therapy|[a-z]+(?:cillin|mycin|floxacin|azole|cycline|prazole)))\b)"),
    # The same in French, Spanish and German: an age, years on a drug, hours after a dose ("après 80 ans", "llevo 5
    # años tomando", "12 Stunden nach der Einnahme"); not an interval or a course ("cada 8 horas", "alle 8
    # Stunden", "pendant 5 jours", "durante 7 días").
    ("time_span_foreign", r"(?<!cada )(?<!ogni )(?<!alle )(?<!toutes les )(?<!tous les )(?<!pendant )(?<!durante )(?<!f[uü]r )(?<!por )(?<!x )(?<!bis )(?<!sur )\b\d+(?:[.,]\d+)?(?: ?- ?\d+)? ?(?:ans|ann[eé]es?|a[nñ]os|anni|anos|jahren?|jahre|jahr|mois|meses|mesi|monate?n?|semaines?|semanas|settimane|wochen|jours|d[ií]as|dias|giorni|tage?n?|heures|horas|ore|stunden)\b(?! (?:de |d')?(?:tratamiento|traitement|cure|behandlung|therapie|antibi\w*))"
     rf"(?![^?]{{0,12}}?\b(?:{_ENOUGH_FOREIGN})\b)"),
    # How far into a pregnancy ("après 24 semaines de grossesse", "ab welcher Schwangerschaftswoche ..., 20?").
    ("pregnancy_week", r"\b\d+\.? ?(?:ssw|schwangerschaftswochen?)\b|\b(?:semana|semaine|woche|week) \d+ (?:de |of |der )?(?:embarazo|grossesse|gestaci[oó]n|pregnancy|gestation|schwangerschaft)\b|\b\d+(?:\+\d)?(?:\.|e|[eè]me|th|st|nd|rd)? ?(?:weeks?|wks?|semaines?|semanas?|wochen|ssw|sa)\b (?:(?:of |de |d'|der )?(?:pregnan\w*|gestation\w*|grossesse|am[eé]norrh[eé]e|embaraz\w*|gestaci[oó]n|schwangerschaft\w*))"
     r"|\b(?:embarazada|enceinte|schwanger|pregnant)\b (?:de |d'|in der |at |since )?\d+\.?(?:\+\d)? ?(?:semanas?|semaines?|mois|meses|wochen|woche|ssw|weeks?|wks?|months?)\b|\b\d+\.? ?(?:semanas?|semaines?|mois|meses|wochen|months?) (?:de )?(?:embarazada|enceinte|schwanger|pregnant)\b"
     r"|\b(?:schwangerschaftswoche|ssw|semaines? (?:de grossesse|d'am[eé]norrh[eé]e)|semanas? de (?:embarazo|gestaci[oó]n)|weeks? (?:of )?(?:pregnancy|gestation)|gestational age|weeks? pregnant|trimester)\b(?:(?!\b(?:how|wie|combien|cu[aá]nt\w*|doses?|dosis|much|viel\w*|quelle)\b)[^?\d]){0,40}?\b\d+\b(?! ?(?:mg|mcg|g|ml|units?|tablets?|%))"),
    # A number of other drugs taken with this one ("with 2 antidepressants").
    ("other_drugs", r"\b(?:with|plus|alongside|and|on|con|avec|mit|y|et|und) (?:\d+|two|three|four|five|several|multiple|many|other|dos|tres|deux|trois|zwei|drei) (?:other |different |more |otros |autres |anderen )?(?:[\w-]+ )?(?:antidepressants|drugs|medications|medicines|meds|painkillers|analgesics|antibiotics|ssris|snris|opioids|antihypertensives|antipsychotics|blood thinners|anticoagulants|nsaids|sedatives|benzos|benzodiazepines|supplements|m[eé]dicaments|medicamentos|medikamente|antidepresivos|antid[eé]presseurs|antidepressiva)\b"),
    # "Dose" as a device part or a term rather than an amount ("the dose counter", "what does dose banding mean").
    ("dose_term", r"\bdoses? (?:counter|indicator|window|meter|button|knob|selector|display|dial)s?\b|\b(?:doses?|dosing) (?:banding|capping|rounding|finding|ranging|dumping)\b|\bwhat (?:is|are) (?:a|an) (?:[\w-]+ )?(?:doses?|dosing)\b(?=\s*(?:in general|generally|[,?]|$|and why|mean))|\bwhat (?:does|do) (?:the )?(?:term |word |phrase )?[\"']?(?:[\w-]+ )?(?:doses?|dosing|dosage)(?: [\w-]+)?[\"']? mean\b"),
    # How many doses were already received, as a point in time ("I've had 6 doses of Keytruda and now ...").
    ("doses_received", r"\b(?:had|received|been given|completed|finished) (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|many|both|all) (?:doses|infusions|injections|cycles|jabs|shots)\b(?: of [\w-]+)?"
     r"|\b(?:took|taken|had|got|received|given|gave|tom[oóé]|tomado|recibi[oó]|recib[ií]|recibido|le dieron|pris|prise|re[çc]u|a eu|ai eu|genommen|bekommen|erhalten|gehabt|bekam) (?:the|my|his|her|their|a|la|su|mi|una|sa|ma|son|une|die|seine|ihre|meine|eine|der|den|ihren|seinen|meinen)(?: \w+)? (?:first|second|third|last|1st|2nd|3rd|latest|initial|primera|segunda|tercera|[uú]ltima|premi[eè]re|deuxi[eè]me|seconde|derni[eè]re|erste\w*|zweite\w*|dritte\w*|letzte\w*) (?:[\w-]+ )?(?:doses?|dosis|prise|injections?|infusions?|jabs?|shots?|inyecci[oó]n|infusi[oó]n|spritze|injektion|gabe|perfusion)\b(?: (?:of|de|d'|du|von) ?[\w-]+)?"),
    # A trial or study named with a number ("UKPDS 34 results", "RECOVERY 2 data"), not an amount.
    ("trial_number", r"\b(?!(?:for|over|with|every|each|about|around|and|than|from|into|the|take|took|taking|give|gave|given|use|per|then|plus|after|before|under|was|were|are|dose|doses|dosage|day|days|week|weeks|cycle|cycles|level|only|just|maybe|approx|roughly)\b)[a-z][a-z-]{2,} \d+\b(?! ?(?:mg|mcg|micrograms?|g|ml|units?|iu|%|x|times|tablets?|tabs?|pills?|puffs?|mmol|/))(?=[^?]*\b(?:trials?|stud(?:y|ies)|results?|outcomes?|data|showed|shows|found|published|paper|meta-?analys\w*|evidence|reduction in|essai|estudio|studie)\b)"),
    # Water or other fluid drunk ("drink 2-3 litres a day", "8 glasses of water"), not the drug.
    ("fluid_amount", r"\b(?:drink\w*|fluids?|water|intake|bebe\w*|beber|boire|bois|buvez|trinken|trink\w*)\b[^?]{0,20}?\d+(?:[.,]\d+)?(?: ?(?:-|–|to|or|a|à|bis|o|ou) ?\d+(?:[.,]\d+)?)? ?(?:litres?|liters?|l|ml|cups?|glass(?:es)?|pints?|litros?|vasos?|verres?|gl[aä]ser|tassen?)\b(?: (?:a|per|each|al|par|pro) (?:day|d[ií]a|jour|tag))?|\b\d+(?:[.,]\d+)?(?: ?(?:-|–|to|or) ?\d+(?:[.,]\d+)?)? ?(?:litres?|liters?|l|cups?|glass(?:es)?|litros?|vasos?|verres?|gl[aä]ser) (?:of |de |d')?(?:water|fluids?|liquids?|agua|eau|wasser|l[ií]quidos?)\b(?: (?:a|per|each|al|par|pro) (?:day|d[ií]a|jour|tag))?"),
    # The patient's own regimen named beside another question ("does ibuprofen stop my daily aspirin 75 working").
    ("own_regimen", r"\bmy (?:daily|usual|regular|normal|current|nightly|weekly|morning|evening|low[- ]dose|maintenance) [\w-]+(?: [\w-]+)? \d+(?:[.,]\d+)? ?(?:mg|mcg|micrograms?|g|units?)?\b(?! ?(?:or|vs|versus|to|-)\b)"),
    # A food, drink or habit taken every day beside a drug ("cranberry juice every day", "3 coffees a day").
    ("daily_habit", r"\b(?:juices?|coffees?|teas?|alcohol|wine|beers?|grapefruit|cranberr\w*|milk|water|caffeine|cigarettes?|smoking|smoke|exercise|sport|gym|running|sauna|green tea|energy drinks?|cola|spinach|greens|kale)\b[^?]{0,15}?\b(?:every (?:day|night|morning|evening)|daily|each day|a day|per day|nightly|tous les jours|todos los d[ií]as|jeden tag|t[aä]glich)\b"),
    # A missed dose named as the cause of a symptom ("brain zaps when I miss a dose of X, why?").
    ("missed_dose_as_cause", r"\b(?:when(?:ever)?|if|after|since) (?:i|you|we|he|she|they|people|patients) (?:miss|forget|skip|forgot|missed|skipped)\w* (?:a|my|the|one|an|his|her|their)? ?(?:[\w-]+ )?(?:doses?|tablets?|pills?|capsules?)\b(?: of [\w-]+)?(?=[^?]*\b(?:why|symptoms?|zaps?|dizz\w*|withdrawal|feel\w*|is (?:that|it|this) normal|how long will)\b)"),
    # Half-life notation ("t1/2", "t½") is a pharmacokinetic term, not an amount.
    ("half_life", r"\bt ?(?:1/2|½)(?![\d/])"),
    ("alcohol_amount", r"\b(?:\d+|one|a|two|three|a few|few|couple of|un|une|deux|trois|dos|tres|una|unas|unos|zwei|drei|ein|eine|einen|quelques)(?: ?(?:or|to|-|–|o|ou|oder|bis|à|a) ?(?:\d+|two|three|four|five|dos|tres|deux|trois|zwei|drei))? (?:pints?|glass(?:es)?|units? of alcohol|alcohol units?|drinks?|beers?|lagers?|glasses? of wine|shots?|cans?|bottles?|cervezas?|copas?|vasos?|chupitos?|bi[eè]res?|verres?|canettes?|biere?|gl[aä]ser|glas|flaschen?|bouteilles?|botellas?)\b"),
    # A why-question asks for a reason, and its answer is an explanation even when it names the dose ("why can the
    # first dose of X drop the BP", "why is Y dangerous with MTX 15 mg weekly"): the why-clause, up to the end of its
    # sentence or a new question after a dash or "and how/what/...", is context; a why-clause that ends the question
    # after a dash, comma, colon or semicolon ("K 6.1 on ramipril, why does this happen", "X 500 mg: why the
    # warning?") asks the reason for all of it. In the dose sets 247 of 251 why-questions are not dose questions;
    # the other four ask for a dose in a second clause.
    ("reason_question", r"^(?=[^?]*?(?:\s[-—]\s|[,:;])\s*" + _WHY_WORD + r"\b[^?,;:]*\??\s*$).*|"
                        + _WHY_WORD + r"\b[^?,;]*?(?=\s[-—]\s|\sand (?:how|what|which|can|could|should|shall|do|does|is|"
                        r"are|will|would)\b|[?,;]|$)"),
]]


_EFFECT_SIZE_RX = GatedPattern(_EFFECT_SIZE)
# The dose named as a noun, in the six languages.
_DOSE_NOUN = (r"(?:dose|doses|dosi|dosage|dosages|dosing|dosis|dosierung|posologie|posologia|posolog[ií]a|dosaggio|dosaggi|"
              r"dosagem|dosagens)")

# Read before stage 1: the threshold of an AMOUNT taken is a dose question (policy), although the same words
# ask about consequences elsewhere ("what happens after an overdose" is set aside as context).
# "How many" beside an overdose asks how much makes one, unless it counts time ("how many hours do we observe").
_HOW_MANY_ITEMS = r"how many\b(?! (?:minutes|hours|days|weeks)\b)"
_OVERDOSE_AMOUNT = GatedPattern(rf"\b(?:toxic|lethal|fatal|dangerous) (?:dose|amount|quantity|threshold|limit)\b|\boverdose (?:threshold|amount|limit|level)\b|\b{_HOW_MANY_ITEMS}[^?]*\boverdose\b|\b(?:be|become|becomes|is|count as|counts as) an overdose\b|\boverdose\b[^?]*\b(?:threshold|mg/kg|at what point|{_HOW_MANY_ITEMS}|how much)\b|\bat what (?:point|amount|number)\b[^?]*\boverdose\b|\b(?:is|are|would|will|could|does) (?:\d+|one|two|three|four|five|six|ten|twenty|a (?:whole )?(?:pack|box|bottle|strip))\b[^?]*\boverdose\b")

# Read first after stage 1: the dose itself is the thing asked for. The question opens on the
# word ("Dosis und Nebenwirkungen von Pregabalin?", "Dosaggio del litio negli anziani?"), asks "what/which dose", or
# asks how many milligrams or units. A measured level ("dosage du lithium à 1,2 mmol/L"), the dose a sample is timed
# by, a relation to the dose ("dose-dependent") or units of alcohol are not.
_DOSE_ASKED = GatedPattern(rf"^\W*{_DOSE_NOUN}\b(?![- ](?:related|dependent|limiting|response|proportional|reductions?)\b)(?! (?:du|de la|des|del|della|dello|do|da|dei|of) (?:[\w-]+ )?(?:taux|niveau\w*|"
     r"nivel\w*|livell\w*|sangue|sang|sangre|serum|s[eé]rique)\b)(?![^?]*\b\d+(?:[.,]\d+)? ?(?:mmol|micromol|umol|"
     r"nmol|mg/l|ng/ml|mcg/l|ug/l|g/l)\b)"
     rf"|\b(?:what|which|quelle|quel|welche|welcher|welches|qu[eé]|cu[aá]l|quale|qual)(?:'s| is| are| was| es| est| ist| e)?"
     rf"(?: (?:the|la|le|el|die|a|o|il|de|di|da))? (?:(?:usual|normal|right|correct|starting|initial|max(?:imum)?|"
     rf"daily|usuelle|habituelle|habitual|[uü]bliche|abituale|inicial|initiale) )?{_DOSE_NOUN}\b(?![- ](?:related|dependent|limiting|response|proportional|reductions?)\b)"
     r"(?![^?]*\b(?:samples?|levels?|troughs?|peaks?|blood tests?|bloods)\b)"
     r"|\b(?:how many|how much|quant[io]|quant[ea]|quantos|quantas|combien de|cu[aá]nt[oa]s|wie ?viele?) (?:mg|mcg|"
     r"micrograms?|milligrams?|units?|unites|unidades|unita|einheiten|ml)\b(?! (?:of alcohol|a week|per week|weekly)\b)"
     r"(?![^?]*\b(?:alcohol|alcool|alkohol)\b)")

# Also read after stage 1: "how do I increase the lamictal" changes the amount of a drug or dose, unlike "how do I
# reduce the swelling"; the word after the verb decides (a dose word, a pronoun, or a name that is not English).
_HOW_TO_CHANGE = GatedPattern(r"\bhow (?:do|should|can|shall|to|would|must) (?:i |we |you |he |she |they )?(?:increase|decrease|reduce|raise|lower|up|titrate|build up|go up|step up|cut down)(?: (?:the|my|his|her|their|your))? ([\w-]+)")
_DOSE_OBJECT = frozenset("it them dose doses dosage amount tablets pills units meds medication medicine insulin steroid steroids".split())
# What is raised or lowered when it is not the drug: a measure or a symptom, which the English word list may lack.
_NOT_DRUG = frozenset("cholesterol bp sugar sugars glucose potassium sodium inr weight risk risks levels level temperature fever "
                      "pulse hba1c a1c ldl hdl triglycerides swelling nausea dizziness appetite absorption".split())

# A measured level with a number ("lithium level 1.3", "TSH 9", "litemia 1,3", "Carbamazepin-Spiegel 4"): the
# measured_value context, or a level's name abroad (or INR, TSH, which a Romance or German sentence keeps) beside a
# number.
_LEVEL_ABROAD = GatedPattern(
    r"\b(?:\w+-?spiegel|spiegel|lit(?:h)?i?emia|lithi[eé]mie|digoxin[eé]mie|kali[eé]mie|kaliemia|potasemia|potassiemia|"
    r"glic[eé]mia|gluc[eé]mia|glyc[eé]mie|blutzucker|taux|niveaux?|nivel(?:es)?|livell[oi]|n[ií]ve(?:l|is)|tasa|inr|tsh)\b"
    r"[^?\d]{0,25}\d")
# Beside a measured level, a change to what is given asks how to dose from the level (DOSE_POLICY.md: "how to dose
# from a level" is the dose question a monitoring question is not): "lithium level 1.3, should we cut back",
# "Tac level 15, should I lower the Advagraf?", "litemia 1,3 con plenur, ¿bajamos?", "Spiegel 4, erhöhen?". The
# change is ours to make (a pronoun, "hay que", a bare verb asked), not an effect ("can ibuprofen raise it?"), and
# not a change of diet or of the level itself.
_NOT_GIVEN = (r"(?! (?:on |down on )?(?:the |his |her |my |their |your )?(?:salt|fluids?|alcohol|diet|intake|vitamin k|greens|"
              r"spinach|potassium|sodium|sugars?|carbs?|bp|blood pressure|levels?|inr|tsh|fat|caffeine|coffee|drinking|"
              r"exercise|weight)\b)")
_CHANGE_AFTER_LEVEL = GatedPattern(
    r"\b(?:should|shall|do|must|would|can) (?:i|we|you|they)(?: just)? (?:cut (?:it |them )?back|cut (?:it |them )?down|lower|"
    r"reduce|decrease|drop|increase|raise|up|go up|go down|bump (?:it |them )?up|titrate|halve|give (?:more|less)|"
    r"take (?:more|less))\b" + _NOT_GIVEN
    + r"|\b(?:cut back|cut down|go up|go down|reduce|lower|increase|halve)\s*\??\s*$|\bhow much (?:more|less)\b"
    # a phrasal verb asked on its own after the level ("trough 4 - bump it up?"), not what something else does to it
    # ("will spinach bring it down?")
    r"|(?:^|(?<=[-,:;\u2013\u2014])|(?<=[-,:;\u2013\u2014] ))(?:bump (?:it |them )?(?:up|down)|knock (?:it |them )?(?:back|down)|bring (?:it |them )?down|"
    r"up it)\s*\??\s*$"
    r"|(?<!puede )(?<!pueden )(?<!pu[oò] )(?<!possono )(?<!pode )(?<!podem )(?<!kann )(?<!k[oö]nnen )(?<!peut )"
    r"\b(?:bajamos|bajar(?:la|le|lo|las|los)?|subimos|subir(?:la|le|lo)?|reducimos|reducir(?:la|le|lo)?|aumentamos|"
    r"disminuimos|disminuir(?:la|le|lo)?|alziamo|alzare|alzarl[aoei]|abbassiamo|abbassare|abbassarl[aoei]|riduciamo|"
    r"ridurre|ridurl[aoei]|aumentiamo|aumentarl[aoei]|diminuiamo|diminuirl[aoei]|erh[oö]hen|reduzieren|senken|"
    r"verringern|steigern|(?:mehr|weniger) (?:nehmen|geben|spritzen)|augmente-t-on|on augmente|on diminue|on baisse|"
    r"on r[eé]duit|baixamos|baixar|baix[aá]-l[ao]|reduzimos|reduzi-l[ao]|aument[aá]-l[ao]|"
    # an adjustment asked impersonally: "come si modifica?", "¿se ajusta?", "faut-il l'adapter ?", "anpassen?"
    r"si modifica|va modificat[ao]|modificarl[aoei]|si adegua|se ajusta|hay que ajustar(?:la|lo)?|ajustamos|"
    r"precisa (?:de )?ajust\w*|[eé] preciso ajustar|faut-il (?:l')?(?:adapter|ajuster)|on (?:l')?adapte|anpassen)\b"
    r"|\b(?:hay que|bisogna|muss man|m[uü]ssen wir|faut-il|il faut|precisa|[eé] preciso|temos de|tem que|tenemos que|"
    r"dobbiamo|devo|debo|sollen wir|soll ich) (?:\w+ )?(?:aumentar|aumentare|augmenter|diminuer|baisser|r[eé]duire|"
    r"reducir|disminuir|diminuire|reduzir|ridurre|subir|bajar|alzare|abbassare|baixar)\w*\b")

# A loading dose as the other languages name the loading itself ("la carga de amiodarona, ¿cómo se hace?", "die
# Aufsättigung mit Phenytoin, wie geht die?", "la charge en digoxine", "digitalizzazione rapida", "colchicina de
# ataque"): how it is done states amounts and times. Not a load of something else ("prise en charge", "charge
# virale", "carga de trabajo", "a carico del SSN", "charge en sodium", an antibody "con carga de" its payload), and
# not why it is done, which explains (DOSE_POLICY.md: the reason for a loading dose is not a dose question).
_LOADING_ABROAD = GatedPattern(
    r"\baufs[aä]ttig\w*|\bimpregna(?:ci[oó]n|[cç][aã]o)\b|\bimpr[eé]gnation\b|"
    r"\bdigitali[sz]{1,2}a(?:ci[oó]n|zione|tion|[cç][aã]o)\b|"
    r"(?<!prise en )(?<!a la )(?<!à la )(?<!avec une )(?<!avec )\bcharge (?:en|de|d'|du) ?(?!travail|la preuve|sel\b|sodium|sucre|potassium|l'[eé]tat)[a-z]{3,}|"
    r"(?<!con )(?<!com )\bcarga (?:de|con|com|do|da) (?!trabajo|trabalho|la enfermedad|doen[cç]a|sal\b|sodio|s[oó]dio|az[uú]car|a[cç][uú]car|"
    r"potasio|pot[aá]ssio)[a-z]{3,}|(?<!a )(?<!con )(?<!col )\bcarico (?:di|del|della|con|col) (?!lavoro|sodio|sale\b|zuccher\w*|potassio|ssn\b)"
    r"[a-z]{3,}|\bde ataque\b")
_LOADING_REASON = GatedPattern(
    _WHY_WORD + r"\b|\b(?:wozu|para qu[eé]|pra qu[eê]|para que serve|[aà] quoi (?:[cç]a )?sert|a cosa serve|"
    r"(?:ha|tiene|faz|fait) (?:ancora |todav[ií]a |ainda |encore )?(?:senso|sentido|sens)|raz[oó]n|raison|motivo|grund)\b")

# Also read before stage 1: changing the amount by some measure ("reduce warfarin by how much", "increase by
# 30%"), although "by how much" or a percentage elsewhere is an effect size.
_CHANGE_BY = GatedPattern(r"\b(?:increase|reduce|lower|raise|cut|decrease|adjust|change|up|drop)\b[^?]{0,40}\bby (?:how much|how many|\d+(?:[.,]\d+)? ?%)")

# Stage 2, requests: the question asks for an amount, strength or form, interval, course, schedule, rate,
# conversion or a decision about one (missed, extra, adjusted). Any request left after stage 1 decides.
_REQUESTS: list[tuple[str, GatedPattern]] = [(name, GatedPattern(rx)) for name, rx in [
    ("dose_word", r"\bre-?dos(?:e|ed|es|ing)\b|\b(?:doses?|dosage\w*|dosing|dosed|posolog\w*|dosis\w*|\w+dosis\b(?<!acidosis)(?<!ketoacidosis)(?<!sarcoidosis)(?<!amyloidosis)(?<!osis dosis)|dosierung\w*|dosier(?:e|en|t|te|ten|st)|dosage|loading|maintenance|induction (?:dose|regimen))\b|\bload\b(?! of)"),
    ("misspelt_dose", r"\bd[o0]a?s+[aeiou]?[gj]\w*|\bdoze\b|\bdos(?:e|s)?ing\b|\bdose?age\b|\bdosses?\b|\bhow mu(?:tch|hc)\b"),
    # "How many days/hours/-fold/levels" asks for a count that is a course or an interval only sometimes ("how many
    # days of amoxicillin") and as often an onset, a shelf life or an observation period: the learned model weighs it.
    ("count_of_time", r"\bhow many(?: more| extra)?(?: |-)(?:minutes?|mins|hours?|hrs|days?|weeks?|months?|years?|"
                      r"fold|levels|samples|readings|blood tests|tests)\b|\bcu[aá]nt[oa]s (?:minutos|horas|d[ií]as|semanas|"
                      r"meses|años) (?:tarda|dura|antes|despu[eé]s|hasta)\b|\bwie viele (?:minuten|stunden|tage|wochen|monate|"
                      r"jahre)\b|(?<!\bles )\bcombien (?:de minutes|d'heures|de jours|de semaines|de mois)\b|(?<!\bogni )\bquant[ie] (?:minuti|ore|giorni|"
                      r"settimane|mesi|anni)\b|\bquant[oa]s (?:minutos|horas|dias|semanas|meses|anos)\b"),
    ("amount", r"\bhow (?:much|many|man+y|mny|meny|mnay|mamy)\b|\bamount\b|\bquantity\b|\bcombien\b(?! de (?:temps|minutes|jours|semaines|mois)| d'heures)|\bcu[aá]nt[oa]s?\b(?! tiempo)|\bwie ?viel\w*|\bquelle quantit[eé]\b|\bque(?:lle)? dose\b|\bquant[ei] ne\b|\bquant[oa]s? (?:devo|posso|pode|se pode|tenho (?:de|que)|deve) (?:tomar|dar|p[oô]r|usar|aplicar|pingar)\b|\bquant[oaie]s? (?:unidades|unit[aà]|compress[ae]|comprimidos?|capsul[ae]|c[aá]psulas?|gocce|gotas|mg|ml|puff|fiale|ampolas?|bustine|saquetas?|spruzzi|erogazioni|inalazioni|pastiglie|pillole|cerotti|dosi|jatos|inala[cç][oõ]es|pastilhas|comprimid[oa]s|c[aá]psulas)\b"),
    ("frequency", r"\bhow often\b|\bhow frequently\b|\bhow many times\b|\bwie oft\b|\btous les combien\b|\bcada cu[aá]nto\b|\bcada cu[aá]nt[oa]s (?:horas|d[ií]as|semanas)\b|\btoutes les combien\b|\bcon qu[eé] frecuencia\b|\bogni quant[oaie]\b|\bcon quale frequenza\b|\bde quanto em quanto\b|\ba cada quant[oa]s\b|\bcom que frequ[eê]ncia\b|\b(?:cada|ogni|a cada) [\w ]{1,25}? (?:o|ou|oppure) (?:cada|ogni|a cada)\b|\bhow long between\b|\bbetween doses\b|\bbetween (?:the |two |each )?(?:injections|infusions|jabs|shots)\b|\b(?:intervalles?|intervalos?|intervall[oi]|abst[aä]nde?|zeitabstand|d[eé]lai)\b (?:entre|tra|fra|zwischen) (?:les |las |los |as |os |le |i |gli |den |zwei |deux |dos |duas |due |cada |chaque |jeder )?(?:prises|doses|dosis|dosi|injections?|inyecciones|iniezioni|inje[cç](?:[oõ]es|[aã]o)|perfusions?|infusiones|infusioni|infus(?:[oõ]es|[aã]o)|tomas|tomadas|somministrazioni|assunzioni|comprim\w*|gaben|einnahmen|dosen|spritzen|injektionen|infusionen)\b|\b(?:intervalle posologique|intervalo posol[oó]gico|intervallo posologico|dosierungsintervall|dosisintervall)\b|\bdosing interval\b|\bhow far apart\b|\bhow of+t?en\b|(?<!monitoring )(?<!test )(?<!testing )(?<!check )\bfre?q(?:u|e)?n?c(?:y|ies)\b|\brepeat(?:ed)? (?:after|once|in|dose|it)\b"
     r"|\bwhen (?:can|should|do|shall|may|could|is|will) (?:i|we|you|he|she|they|it)(?: (?:take|give|have|use|inject|apply|be (?:given|due)|due))?(?: (?:my|the|his|her|their|your))? next\b(?! (?:test|blood|appointment|review|check|level|scan|visit|inr|prescription|script|refill|clinic)s?\b)|\bwhat time (?:should|can|do|does|is) (?:the |my |his |her )?next\b(?! (?:test|blood|appointment|review|check|level|scan|visit|inr)s?\b)"
     r"|\b(?:(?:can|could|should|may|do|must|shall) (?:i|we|you|he|she|they)|is it (?:ok|okay|safe|fine|alright|all right) to|(?:ok|okay|safe|fine|alright) to) (?:take|give|have|use|inject|apply|change|do|put)\b(?: [\w-]+){0,5}? (?:(?:more|less) than |up to |over )(?:\d+|once|twice|two|three|four|five|six) (?:times )?(?:a|per|each|in a|in one) (?:day|week|night|24 ?h\w*)\b"
     r"|(?<!\bwhere )\b(?:(?:can|could|should|may|do|must|shall) (?:i|we|you|he|she|they)|is it (?:ok|okay|safe|fine|alright|all right) to|(?:ok|okay|safe|fine|alright) to) (?:take|give|have|use|inject|apply|change|do|put)\b(?: [\w-]+){0,5}? (?:(?:in the )?mornings? (?:and|&) (?:at )?(?:nights?|evenings?|bedtime)|every (?:other|second|third|\d+|two|three|four|few) (?:days?|weeks?|hours?|months?)|(?:on )?alternat(?:e|ing) days|(?:once|twice|three times|four times|\d+ times) (?:a|per|each) (?:day|week|month)|(?:once|twice) (?:daily|weekly)|less often|more often|less frequently|more frequently)\b"),
    ("regimen", r"\b(?:what|which|usual|standard|starting|initial|normal|typical|recommended|best|the)\b(?: [\w-]+){0,2} (?:regimen|regime(?!" + _DIET + r")|posology)\b|\b(?:regimen|regime) (?:for|of|in|when)\b|(?<!same )(?<!current )(?<!existing )(?<!stable )(?<!treatment )\b(?<!\bon )(?<!\bon the )(?<!\bon a )(?<!\bon his )(?<!\bon her )(?<!\bon my )[\w-]+ (?:regimen|regime(?!" + _DIET + r"))\b|\b(?:dosing|fractionated|split|reducing|tapering|titration|loading|step-?down|weekly|daily|infusion|treatment|drug|medication|insulin|steroid) schedule\b|(?<!monitoring )(?<!test )(?<!testing )(?<!blood )(?<!bloods )(?<!blood test )(?<!fbc )(?<!anc )(?<!screening )(?<!vaccination )(?<!vaccine )(?<!immunisation )(?<!appointment )(?<!visit )(?<!review )(?<!follow-up )(?<!clinic )(?<!what )(?<!which )\bschedule\b(?! ?\d)(?! is [\w-]+ in\b)(?!\s*(?:controlled|cd)\b)(?! of (?:tests|bloods|blood tests|monitoring|visits|appointments|checks)\b)|(?<!is it )(?<!it's )(?<!is that )(?<!is this )(?<!that's )(?<!not )(?<!than )(?<!as )\b(?:usual|std)\s*\??\s*$|(?<!is it )(?<!it's )(?<!is that )(?<!is this )(?<!that's )(?<!not )\busual for\b(?![^?]*\bto (?:cause|have|get|feel|be|make|experience|develop|see|give you)\b)|\b(?:usual|standard|typical|normal)\b(?! (?:therapeutic|side|adverse|monitoring|bloods?|tests?|checks?|symptoms?|signs?|presentation|practice|care|advice|counsel\w*|interactions?|indications?|uses?|course of|treatment|therapy|management|approach|choice|range|levels?|values?|results?|reaction|effects?|cause|way|time|place|precautions?|contraindications?|risks?|duration of action|onset))(?= (?:[\w-]+ ){1,2}(?:for|in)\b)|\bsliding scale\b|\bcorrection (?:factor|dose|scale|ratio)\b|\b(?:insulin|carb\w*)[- ](?:to[- ])?carb\w* ratio\b|\bnomogram\b|(?<!monitoring )(?<!test )(?<!testing )(?<!screening )(?<!qt )(?<!qtc )(?<!pr )(?<!qrs )(?<!rr )(?<!ecg )\binterval\b|\b(?:reducing|weaning|tapering|loading|titration|step-?down) (?:regimen|regime|schedule|plan)\b|\b(?:regimen|regime) from\b|(?<!normal )(?<!target )(?<!therapeutic )(?<!reference )\bwhat range\b|\bwhat to start\b|\bwhat(?: (?:would|do|does|should|will|did|can))? (?:i|you|we|they|he|she) (?:normally |usually |typically |generally )?(?:be )?start(?:ed)? (?:on|with)\s*\??\s*$|\bwhat (?:do|does|should|would|shall|can) (?:you|i|we|they|he|she|one) (?:start|begin|initiate)(?: (?:him|her|them|it|people|patients))? (?:on|with|at)\b|\bwhat (?:do|should|would|shall|can) (?:you|we|i) (?:give|start|prescribe)\b(?! (?:for|to|in|if|when|with) (?!the (?:first|next|initial)))|\bwhat(?:'s| is|s)? (?:safe|ok|okay|reasonable|appropriate|sensible|right) to (?:give|start|use|take|prescribe)\s*\??\s*$|\bstart(?:ing)? (?:low|at|on what|with what)\b|(?<!before )(?<!after )(?<!since )(?<!the )(?<!screening )(?<!test )(?<!tests )(?<!testing )(?<!check )(?<!checks )(?<!monitoring )(?<!bloods )(?<!scans )\bstart(?:ing)?\s*\??\s*$|\bwhich day\b|\bsteps? month by month\b|\bhow (?:to|do i|should i|do we) (?:change|adjust|alter|split|spread)\b"
                r"|\b(?:was (?:gibt man|geb(?:e)? ich|geben wir)|qu[eé] (?:le |les )?(?:doy|damos|se (?:le )?da)|que (?:lui )?donner|qu'est-ce qu'on (?:lui )?donne|cosa (?:gli |le )?(?:do|diamo|si d[aà])|o que (?:lhe )?(?:dou|damos|se d[aá]))\b(?!\s+(?:bei|f[uü]r|gegen|para|pour|contre|per|contro|en caso|en cas|in caso|em caso|wenn|si|se)\b)"
                # "pauta", Spanish and Portuguese for a regimen ("¿qué pauta de inicio?", "pauta de escalada"), unless it
                # schedules tests, follow-up or vaccines
                r"|\bpautas?\b(?! (?:de |del |do |da )?(?:control\w*|seguimiento|seguimento|monitori\w*|vacuna\w*|vacina\w*|"
                r"anal[ií]tic\w*|an[aá]lisis|exames?|revisi[oó]n|revis[aã]o|acompanhamento|ejercicio|exerc[ií]cio)\b)"),
    ("course_length", r"\bhow long (?:the |this |my |his |her )?[\w-]+(?: [\w-]+)? (?:must|should|has to|needs to|need to) be (?:taken|given|used|continued)\b|\bhow long (?:should|shud|shd|shoud|sould|shld|do|must|will|can|to|does|am|are|shall|would|need|needs|is it (?:ok|okay|safe|fine|alright) to)\b[^?]*?\b(?:take|taking|be on|stay on|keep taking|keep (?:him|her|them|someone|somebody|patients?|people|my \w+|\w+) on|get|continu\w*|treat\w*|given|give|giving|prescrib\w*|used|use|course)\b(?![^?]*\b(?:to work|work|working|before (?:it|breakfast|food|eating|lying)|after (?:taking|stopping|finishing)|until it|out of the fridge|in the fridge|once opened|to kick in|effect)\b)|\bhow long (?:is|are) (?:the |a )?(?:course|treatment|therapy)\b|\bcourse (?:length|duration)\b|\blength of (?:the |a )?(?:course|treatment)\b|\bduration\b(?! of (?:action|effect))|\bhow many (?:days|weeks|months)\b|\bfor how long\b|\bcombien de (?:jours|temps)\b|\bcu[aá]ntos d[ií]as\b|\b(?:por |per )?(?:quanto tempo|cu[aá]nto tiempo) (?:devo|tenho (?:de|que)|tem (?:de|que)|se deve|deve|debo|tengo que|hay que|se debe|tiene que|bisogna|si deve) (?:tomar|usar|fazer|continuar|seguir|prendere|usare|continuare)\b|\bwie lange\b(?![^?]*\bwirk)|\bhow long for\s*\??\s*$|\bhow long\s*\??\s*$|\bhow long (?:i|we|you|he|she|they) (?:must|should|need|have)\b|\bhow long (?:can|must|should) (?:i|we|you) (?:keep )?(?:use|using|take|taking|continue|apply|applying)\b|\bhow long (?:do|should|can|must|shall) (?:i|we|you|he|she|they) (?:leave|keep|wear) (?:it|them|the [\w-]+|my [\w-]+|[\w-]+)(?: [\w-]+)? on\b|\bhow long (?:do|should|can|must) (?:i|we|you|he|she|they) wear\b"
     # how long the treatment lasts, in Italian or Portuguese ("quanto dura il trattamento", "quanto tempo dura o
     # tratamento")
     r"|\bquanto(?: tempo)? dura(?:re)? (?:il |la |o |a )?(?:trattamento|terapia|cura|ciclo|tratamento|antibi[oó]tico)\b"
     # a course length offered for confirmation, or a course carried on for longer
     r"|\b\d+ ?(?:days?|weeks?|jours|semaines|d[ií]as|semanas|giorni|settimane|tage?n?|wochen)\b(?:,? (?!and\b|but\b|or\b)[\w'-]+){0,3}?[ ,]*(?:\b(?:enough|"
     rf"sufficient|long enough|{_ENOUGH_FOREIGN})\b)"
     # ... but not a time asked for an effect to show ("is 6 weeks enough to see if it works")
     r"(?!\s+(?:time\s+)?(?:to|pour|para|per|um)\b(?! (?:treat|clear|cure|get rid|kill|traiter|tratar|curar|curare)\b))"
     r"(?!\s+(?:time\s+)?for (?:[\w-]+ ){0,2}?(?:to (?:work|kick|show|see|feel|take)|effects?|responses?|benefits?|improvement|"
     r"results?)\b)"
     r"|\b(?:keep going|carry on|continue|stay on|keep (?:taking|on|using|giving)|go on)\b(?: (?:with )?(?:it|them|the [\w-]+|"
     r"[\w-]+))?(?: for)? (?:another|a further|an extra|one more) (?:few |couple of )?(?:days?|weeks?|months?|course)\b"
     r"|\b(?:pendant )?combien de (?:temps|mois|ann[eé]es|ans|semaines) (?:faut-il|faut il|doit-on|dois-je|je dois|on doit) (?:garder|continuer|prendre|poursuivre|rester sous)\b"),
    # Raising or lowering the drug on one's own ("increase … myself") is asked in the other five languages too:
    # "subir … por mi cuenta", "augmenter … moi-même", "ich … selbst erhöhen". The bare French and Spanish "lower" is
    # a taper unless what is lowered is the drug's effect or a risk ("l'oméprazole peut-il diminuer l'effet du
    # clopidogrel ?": an interaction).
    ("titration", r"\b(?:re-?|up-?|down-?|auf)?titr\w*|\bescalon(?:ar|o|a|amos|ando|ado|ada|amento|amiento)\b|\btitula(?:ção|cao|ción|cion)\b|\btaper\w*|\bwean\w*|\bstep[- ](?:up|down)\b|\bcome off\b|\bcoming off\b|\bget off\b|\bhow (?:(?:fast|quickly|slowly|soon) )?(?:do|should|can|shall|to|would|must) (?:i |we |you |he |she |they )?(?:come|step|cut|go|get|wean|taper) (?:down|off)\b|\b(?:increase|increasing|raise|up|reduce|reducing|decrease|lower|cut down|go up|double|halve)\b[^?]*\b(?:slowly|gradually|quickly|myself|by myself|on my own)\b|\bhow (?:quickly|fast|soon) can (?:i|you|we) (?:increase|up|raise|reduce|go up)\b|\bcan i up my\b|\bwhen (?:do|should|can|shall|will|would) (?:i|we|you|they) (?:go|step|move) up\b|\b(?:go|step|move) up (?:to|by) (?:what|how much)\b|\bpaliers\b|\bramp up\b|\bescalat\w*|\bausschleich\w*|\beinschleich\w*|\baufdosier\w*|\b(?:dosierungs|dosis|aufdosierungs|ausschleich|einschleich|titrations|reduktions|therapie)?schema\b|\btitolazione\b|\bdesmam\w*|\bsevrage\b|\bscal(?:are|arlo|arla|arli|ando|iamo|o)\b|\b(?:si|lo|la) scala\b|\bdecroissance\b|\bpauta descendente\b|\b(?:n[aä]chste|h[oö]here) (?:dosis)?stufe\b|\b(?:subir|aumentar|bajar|aumentare|alzare|ridurre|diminuire|abbassare|augmenter|baisser|reduire|reduzir|baixar|diminuir)\b[^?]*\b(?:por mi cuenta|por mi mism[oa]|yo sol[oa]|da sol[oa]|per conto mio|di mia iniziativa|(?:de |par )?moi-?meme|moi meme|por conta propria|sozinh[oa]|por mim mesm[oa])\b|\b(?:ich|wir)\b[^?]*\b(?:selbst|selber|eigenmachtig|selbststandig|auf eigene faust)\b[^?]*\b(?:erhohen|steigern|reduzieren|verringern|senken)\b|\bdiminuer\b(?! (?:l'(?:effet|efficacite|absorption)|les effets|le risque))|\breducir\b(?! (?:la eficacia|el efecto|los efectos|el riesgo|la absorcion))|\bretirar\b|\b(?:double|halve|triple|increase|raise|up|reduce|lower) (?:the|my|his|her|their|your) (?:\w+ )?(?:doses?|steroids?|pred\w*|hydrocortisone|insulin|tablets?|meds|medication|medicine|units?)\b|\bsick day\w*\b[^?]*\b(?:double|increase|extra|more)\b|\b(?:reduce|lower|halve|decrease|increase|cut|(?<!eye )(?<!ear )(?<!nose )(?<!nasal )drop|raise|go up|titrate|hold or reduce)(?: it| them| this| that)?(?: (?:to|by) (?:what|how much|a |one |half|\d)[^?]*)?(?: to| by)?\s*(?:\?|$)|\b(?:reduce|lower|halve|decrease|increase|go up|drop|raise|reduc\w*) (?:to|by) (?:what|how much|a |one |half|\d)|\b(?:augmenter|diminuer|baisser|r[eé]duire|doubler|aumentar|subir|bajar|reducir|disminuir|duplicar|aumentare|ridurre|diminuire|raddoppiare|abbassare|erh[oö]hen|reduzieren|verdoppeln|reduzir|diminuir|dobrar|baixar) (?:mes|les|ses|vos|nos|mis|las|los|sus|tus|(?:le|i) (?:mie|miei|sue|suoi)|le|i|gli|meine|seine|ihre|die|os|as|meus|minhas|seus|suas) (?:comprim[eé]s|g[eé]lules|pastillas|comprimidos|c[aá]psulas|pastiglie|compresse|capsule|tabletten|kapseln|pillen|gotas|gouttes|gocce|tropfen|unidades|unit[eé]s|unit[aà]|einheiten)\b|\b(?:mehr|weniger) (?:tabletten|kapseln|tropfen|einheiten)(?: \w+)? (?:nehmen|einnehmen|geben|spritzen)\b|\bquando (?:si )?(?:sale|salgo|salire|passa|passo|passare) (?:al|allo|alla) (?:step|gradino|dosaggio|livello|dose)(?: successiv[oa]| superiore)?\b|\bcu[aá]ndo (?:se )?(?:sube|subo|subir|paso|pasa|pasar) (?:al|a la) (?:siguiente|pr[oó]xim[oa])\b|\bquand (?:est-ce qu'on |on |faut-il )?(?:monte|monter|passe|passer) (?:au|a la|à la) (?:palier|dose|[eé]tape) (?:suivant|sup[eé]rieur)e?\b|\bwann (?:wird|werde ich|darf ich|soll ich|kann ich|geht man)(?: \w+)? (?:gesteigert|erh[oö]ht|steigern|erh[oö]hen|hoch)\b|\bquando (?:se )?(?:sobe|subo|subir|passo|passa) (?:para|pra) (?:o|a) (?:pr[oó]xim[oa]|seguinte)\b|\bdose reductions?\b|\breductions? (?:levels?|steps?|for|after)\b|\bsame level or\b|\bone (?:level|step) (?:lower|down|higher|up)\b|\b(?:then|up to|restart at|start at|change to|go to|move to|step up to|increase to|reduce to) what\b|\brestart at\b|\bwhen next\b|\bhow quickly\b(?=[^?]*\bthen\b)"
                  r"|\b(?:lo|la|los|las) (?:voy |vamos |va )?(?:quitando|dejando|retirando|bajando)\b|\bc[oó]mo (?:se |lo |la |los |las )?(?:voy|vas|va|vamos|van|ir|sigo|seguir)(?: [\w-]+){0,2}? (?:quitando|retirando|bajando|reduciendo|disminuyendo)\b|\bwie (?:[\w-]+ ){0,4}?schleich\w* (?:[\w-]+ ){0,4}?aus\b|\b(?:quitar\w*|quito|dejar\w*|dejo|retirar\w*|retiro|bajar\w*|bajo|bajamos|arr[eê]ter|arr[eê]t\w*|sospender\w*|smettere|scalare|parar|tirar|absetzen)\b[^?]{0,30}\b(?:poco a poco|progressivement|petit [aà] petit|gradualmente|a poco a poco|aos poucos|pouco a pouco|schrittweise|langsam)\b"),
    ("maximum", r"\bmax(?:imum|imal)?\b|\bmaxi?m?[iu]?[mn]\b|\bhighest\b[^?]{0,30}\b(?:can|could|may|you can|allowed) go\b|\bhow high can (?:i|you|we|it|they|[\w-]+) go\b|\bupper limit\b|\bceiling\b|\btoo much\b|\bmost\b[^?]{0,30}\b(?:can|could|allowed|permitted|safe)\b|\bcumulative\b|\blimit per\b|\bmaximale?\b|\bm[aá]xim[ao]s?\b|\bh[oö]chst\w*"
                r"|\b(?:fino a quanto|fin dove|fino a dove|hasta cu[aá]nto|hasta d[oó]nde|jusqu'[aà] combien|jusqu'o[uù]|at[eé] quanto|at[eé] onde|bis wie ?viel|wie weit)\b[^?]*\b(?:arriv\w*|sal\w*|aument\w*|lleg\w*|sub\w*|mont\w*|aller|chegar|gehen|steiger\w*|erh[oö]h\w*|hochgehen|dosier\w*)|\b(?:arrivare|salire|aumentare|llegar|subir|aumentar|monter|augmenter|chegar) (?:fino a|hasta|jusqu'[aà]|at[eé]) (?:quanto|cu[aá]nto|combien|d[oó]nde|onde)\b"),
    ("conversion", r"\bconver(?:t|sion|sao|soes)\w*|\bequiv\w*|\bequianalgesic\b|\bswitch\w*\b[^?]*\b(?:to|from|over)\b|\b(?:iv|po|oral|sc|s/c|subcut\w*|sub-?q|im|sl|nasal|intranasal|transdermal|patch|buccal|inhaled|ir|mr|sr|xl|retard|liquid)\s*(?:to|->|-->|=>|>)\s*(?:iv|po|oral|sc|s/c|subcut\w*|sub-?q|im|sl|nasal|intranasal|transdermal|patch|buccal|inhaled|ir|mr|sr|xl|retard|liquid)\b|\b(?:to|->) [\w-]+ (?:switch|swap|changeover|change-over|transition)\w*|\bratio\b(?<!normalised ratio)(?<!normalized ratio)|\bwhat(?:'s| is| would be| does that come to) (?:that|it|this|the same|the equivalent) (?:orally|oral|po|by mouth|iv|intravenously|sc|subcut\w*|im|as (?:tablets?|an? (?:tablet|injection|infusion)))\b|\bswap\w* (?:from|to)\b|\bchange (?:from|over)\b|\bumstell\w*|\bumrechn\w*|\b(?:passaggio|passare|passo|cambio|cambiar|cambiamos|pasar|paso|troca|trocar|mudan[cç]a|mudar|passagem|passar|passer|passage|changement|changer|wechsel|wechseln)\b(?: (?:d[aeio]|dal|dall'|dalla|dallo|del|de la|du|des|do|da|von|vom|from)) (?!(?:humor|humeur|umore|stimmung|peso|poids|gewicht|color|couleur|colore|cor|farbe)\b)[\w'-]+(?: [\w-]+)? (?:a|al|alla|ad|allo|au|aux|a la|pra|para|pro|por|auf|zu|zum|zur|nach|vers|to)\b|\brelais\b[^?]*\b(?:vers|[aà]|par)\b"
     # the same asked with the verb conjugated ("¿cómo se pasa de un parche de fentanilo a morfina oral?"), not from a
     # number ("la tensión pasa de 12 a 16"), or by the ratio it needs ("rotation oxycodone vers hydromorphone, quel
     # coefficient ?")
     r"|\b(?:pasa|pasan|pasamos|passa|passam|passamos|passiamo|passe|passons|wechselt|wechselst)\b (?:d[aeio]|dal|dall'|dalla|"
     r"dallo|del|de la|du|des|do|da|von|vom) (?!\d)[\w'-]+(?: [\w-]+){0,3}? (?:a|al|alla|ad|allo|au|aux|a la|pra|para|pro|auf|zu|"
     r"zum|zur|nach|vers)\b"
     r"|\b(?:coefficient|coeficiente|coefficiente|fator|factor|fattore|umrechnungsfaktor)s? (?:de |di )?(?:conver\w+|"
     r"equival\w+|rotation|rotaci[oó]n|rotazione|rotacao)\b|\b(?:quel|qu[eé]|quale|qual(?: o)?) (?:coefficient|coeficiente|"
     r"coefficiente|fator)\b"),
    # A corticosteroid's sick-day rules: during fever, illness or surgery the replacement dose is raised, so what to do
    # with the tablets then is an adjustment for the situation ("hydrocortisone sick day rules", "on hydrocortisone for
    # Addison's, got flu with a fever, double it?"). Other medicines' sick-day rules pause the drug (metformin, an
    # SGLT2 inhibitor, an ACE inhibitor): stopping, not a dose. It is one branch of the adjustment rule, since the
    # learned dose model weighs each rule by name and has no weight for a new one until it is retrained.
    ("adjustment", rf"^(?!.*{_WHY_WORD}\b)(?=.*\b(?:{_STEROID})\b).*?\b(?:stress (?:dos\w*|cover)|(?:{_ILLNESS}|{_SICK_DAY_RULES})\b[^?]{{0,60}}?"
     rf"\b(?:{_STEROID_CHANGE})\b|(?:{_STEROID_CHANGE})\b[^?]{{0,60}}?\b(?:{_ILLNESS}|{_SICK_DAY_RULES}))\b"
     r"|\badjust\w*|(?<!potassium )(?<!sodium )(?<!bp )(?<!pressure )(?<!weight )(?<!cholesterol )(?<!salt )(?<!intake )(?<!fluid )\b(?:need|needs|needed|require|requires) (?:\w+ )?(?:reduc\w*|lower\w*|halv\w*|decreas\w*|increas\w*|cutting down)\b(?= (?:in|for|with|if|when|at|on)\b)|\bin (?:ckd|aki|renal impairment|renal failure|kidney failure|liver failure|hepatic impairment|dialysis|haemodialysis|hemodialysis|obes\w*)\b[^?]*\b(?:give|much|amount|reduce|lower)\b|\bweight[- ]based\b|\bper (?:kg|kilo)\b|\b(?:need|needs|needed|require|requires) (?:a (?:bit |little )?)?(?:more|less|extra|a higher|a lower|a bigger|a smaller)\b(?! (?:tests?|bloods?|checks?|monitoring|info\w*|time|sleep|water|fluids?|exercise|rest|help|support|fibre|fiber|salt|potassium|often|frequent\w*|of (?:a|an|the))\b)|\bwhat (?:do|should|shall) (?:i|we|you) do with (?:the|her|his|my) (?:rate|infusion|drip|pump|insulin|next dose|dose)\b|\bwhat change (?:do|should|shall) (?:we|i|you) make\b|\bfor (?:a|my|an?) (?:child(?:ren)?|bab(?:y|ies)|toddlers?|kids?|infants?|neonates?)\b|\bfor a \d+(?![\d.,]| ?-? ?(?:days?|weeks?|months?|packs?|supply|tablets?|pills?)\b)|\bbody weight\b|\bbsa\b|\bajust\w*|\banpass\w*|\badapt(?:er|ez|ons)\b|\b(?:on|l'on|faut-il|doit-on|faut il) (?:l'|le |la |les )?adapte\b|\b(?:adattare|aggiust(?:are|a|ano|ata|ato|amento)|adegu(?:are|a|ano|amento))\b|\b(?:clearance|clairance|aclaramiento|depura[cç][aã]o|dfg|tfg|egfr|filtrado(?: glomerular)?|filtra[cç][aã]o glomerular|filtrazione glomerulare|taxa de filtra[cç][aã]o|insuffisance renale|insuficiencia renal|insufficienza renale|insufici[eê]ncia renal|niereninsuffizienz|nierenfunktion|fonction renale|funcion renal|funzione renale|fun[cç][aã]o renal|insuffisance hepatique|insuficiencia hepatica|insufficienza epatica|leberinsuffizienz|cirrhose|cirrosis|cirrosi)\b[^?]*\b(?:reduire|diminuer|baisser|reducir|bajar|disminuir|ridurre|diminuire|ridotto|ridotta|abbassare|reduzir|diminuir|baixar|reduzieren|verringern|senken|halbieren|reduziert|bajarl[ao]s?|reducirl[ao]s?|disminuirl[ao]s?|ridurl[aeio]|abbassarl[aeio]|diminuirl[aeio]|reduzi-l[ao]s?|baixa-l[ao]s?|diminui-l[ao]s?)\b|\b(?:ideal|actual|adjusted|lean) (?:or (?:ideal|actual|adjusted) )?(?:body )?weight\b"
     # The amount a dose is changed to, asked as the result ("what does it get dropped to?", "go back to 5 on my own"),
     # and a lower dose asked for a kidney, liver, age or weight factor in learner's English ("kidney problem, the
     # gabapentin must be less?").
     r"|\bwhat (?:do|does|should|would|will|can|did|is) (?:(?!inr\b|bp\b|levels?\b|potassium\b|sodium\b|pressure\b|"
     r"sugars?\b|glucose\b)[\w-]+ ){0,4}?(?:drop(?:ped)?|reduc\w*|lower\w*|cut|decreas\w*|increas\w*|rais\w*|up(?:ped)?|"
     r"bump\w*|titrat\w*|go(?:es)? (?:down|up)|come down|brought down|taken down) to\s*\??\s*$"
     r"|\b(?:drop|reduce|lower|cut|decrease|increase|raise|up|bump|titrate|change) (?:it|the dose|them|him|her) to what\b"
     r"|(?<!inr )(?<!level )(?<!levels )(?<!bp )(?<!pressure )(?<!potassium )(?<!sodium )(?<!glucose )(?<!sugar )(?<!sugars )(?<!hba1c )(?<!weight )"
     r"(?<!platelets )\b(?:go|going|drop|dropping|come|step|get) (?:back )?(?:down |up )?to (?:the |just )?\d+(?:[.,]\d+)? ?"
     r"(?:mg|mcg|micrograms?|units?)?(?! ?-)(?! ?(?:years?|yrs?|months?|weeks?|days?|hours?|h|%|am|pm|o'clock|kg|stone|lbs?|mmol\w*|mmhg|bpm|beats?|pounds|cm)\b)"
     r"(?=[^?]{0,30}\b(?:own|myself|ok|okay|alright|safe|fine|can i|should i|could i|instead|again|\?)|\s*\??\s*$)"
     r"|\b(?:kidneys?|renal|liver|hepatic|elderly|old age|dialysis|weight)\b[^?]{0,60}\b(?:must|should|has to|have to|needs? to) be "
     r"(?:less|lower|reduced|smaller|decreased|cut|halved)\b"
     # a change of what is given asked as an obligation abroad ("¿hay que bajarle la metformina?", "faut-il
     # augmenter ?"), with or without a level beside it; not a change of a diet or an intake
     r"|\b(?:hay que|tengo que|debo|faut-il|il faut|dois-je|bisogna|devo|dobbiamo|muss (?:ich|man)|m[uü]ssen wir|sollen wir|soll ich|tem que|tenho que|[eé] preciso|precisa) (?:\w+ )?(?:aumentar(?:le|la|lo)?|subir(?:le|la|lo)?|bajar(?:le|la|lo)?|reducir(?:le|la|lo)?|disminuir(?:le|la|lo)?|augmenter|diminuer|baisser|r[eé]duire|aumentare|ridurre|diminuire|abbassare|alzare|erh[oö]hen|reduzieren|steigern|senken|reduzir|diminuir|baixar)\b(?! (?:(?:la|le|el|il|lo|les|los|las|o|a|os|as|die|den|das|l'|d[eu]s?|del|della|dello|di|do|da) ?)?(?:sal|sale|sel|salz|sodio|sodium|natrium|potasio|potassio|potassium|pot[aá]ssio|kalium|l[ií]quidos?|liquides?|liquidi|fl[uü]ssigkeit\w*|dieta|r[eé]gime|di[aä]t|ejercicio|exercice|esercizio|sport|actividad|activit[eé]|attivit[aà]|az[uú]car|sucre|zucchero|zucker|a[cç][uú]car|caf[eé]|kaffee|alcohol|alcool|alcol|alkohol|[aá]lcool|peso|poids|gewicht|dosis de ejercicio|ingesta|apport|apporto|consumo|consommation|konsum|hidrataci[oó]n|hydratation|idratazione)\b)"),
    ("infusion_rate", r"\binfusion (?:rate|time|duration|speed|length)\b|\b(?:be|is|it|infusion|drip|pump) running at\b|\brun (?:it |this )?at (?:what|how)\b|\brate of (?:\w+ )?(?:infusion|administration)\b|\bwhat rate\b|\brate should\b|\bhow (?:fast|slowly|slow|quickly) (?:should|can|do|to|may|is|must)\b[^?]*\b(?:give|given|run|infus\w*|push|inject\w*|administer\w*|bolus)\b|\b(?:wie (?:schnell|langsam)|[aà] quel(?:le)? (?:vitesse|rythme)|(?:a|con) qu[eé] (?:velocidad|ritmo)|(?:a|con) che (?:velocit[aà]|ritmo)|(?:com|em|a) que (?:velocidade|ritmo)|qu[aã]o r[aá]pido)\b[^?]*\b(?:infundiert|gegeben|gespritzt|laufen|verabreicht|injiziert|perfus\w*|inject\w*|administr\w*|passer|pass[ea]|pasar|pasa|infund\w*|somministr\w*|iniett\w*|correr|correre)\b|\bhow quickly (?:can|should|do|to) (?:i |you |we )?(?:give|run|infuse|push|inject)\b|\brun (?:it |this |the \w+ )?over\b|\bover how long\b|\b(?:[uü]ber welchen zeitraum|[uü]ber wie ?viele (?:minuten|stunden)|in welcher zeit|wie lange (?:l[aä]uft|dauert))\b[^?]{0,40}\b(?:infusion|tropf|kurzinfusion)\w*|\b(?:infusion|tropf)\w*\b[^?]{0,40}\b(?:[uü]ber welchen zeitraum|[uü]ber wie ?viele (?:minuten|stunden))|\b(?:en|sur) combien de (?:temps|minutes|heures)\b[^?]{0,40}\bperfus\w*|\bperfus\w*\b[^?]{0,40}\b(?:en|sur) combien de (?:temps|minutes|heures)|\bdur[eé]e de (?:la )?perfusion\b|\ben cu[aá]nto tiempo\b[^?]{0,40}\b(?:infusi[oó]n|infund\w*|perfusi[oó]n|pasa\w*)\b|\bduraci[oó]n de la (?:infusi[oó]n|perfusi[oó]n)\b|\bin quanto tempo\b[^?]{0,40}\b(?:infusione|infond\w*|infus[oaie]|flebo)\b|\bdurata dell\'?(?: )?(?:infusione|flebo)\b|\bem quanto tempo\b[^?]{0,40}\b(?:infus\w*|infund\w*|correr)\b|\bdura[cç][aã]o da infus[aã]o\b|\bhow long (?:should|does|do|will|can|to|must) (?:the |an? |it |this |my |her |his )?(?:[\w-]+ ){0,2}(?:run|go in|be (?:run|infused|given over))\b|\bdrip rate\b|\bbolus\b|\bvitesse de perfusion\b|\bvelocidad de (?:infusi[oó]n|perfusi[oó]n)\b|\binfusionsgeschwindigkeit\b|\blaufrate\b|\britmo de (?:infusi[oó]n|perfusi[oó]n|inicio)\b|\bvelocit[aà] (?:di |d')(?:infusione|perfusione|somministrazione)\b|\bd[eé]bit de (?:la )?perfusion\b|\b(?:taxa|velocidade) de (?:infus[aã]o|perfus[aã]o)\b"
     # the rate asked for in the five other languages ("débit de perfusion", "mit welcher Geschwindigkeit gespritzt")
     r"|\bd[eé]bit\b(?! de filtration)|\bvitesse d'(?:injection|administration)\b|\bvelocit[aà] di (?:infusione|somministrazione|iniezione)\b"
     r"|\bvelocidade de (?:infus[aã]o|administra[cç][aã]o|inje[cç][aã]o)\b|\bvelocidad de (?:administraci[oó]n|inyecci[oó]n)\b"
     r"|\bgeschwindigkeit\b[^?]*\b(?:gespritzt|gegeben|infundiert|injiziert|verabreicht|laufen|infundieren|injizieren|spritzen|geben|verabreichen)\b"
     # the speed asked in plain words ("the right speed for the drip"), and an infusion time offered abroad in words
     # ("si può infondere in mezz'ora?"; one in figures is set aside as a time span first)
     r"|\b(?:what|which|right|correct|max\w*|safe|usual) speed\b(?! of (?:onset|action|effect|response))|\bspeed (?:of|for) (?:the )?(?:infusion|drip|giving|give|administration|injection)\b"
     r"|\b(?:infond\w*|infund\w*|perfus\w*|pasar(?:la|lo)?|passer|correr|infundieren|laufen lassen)\b[^?]{0,20}?"
     r"\b(?:in|en|em|[uü]ber|sur) (?:mezz'ora|mezzora|media hora|meia hora|une demi-heure|(?:einer )?halben stunde)\b"
     # a push or infusion time offered for confirmation ("push 80 over 2 minutes or is that too fast")
     r"|\b(?:push|pushed|pushing|give|given|run|infuse\w*|inject\w*|bolus|infusion|drip|iv)\b[^?]{0,60}\b(?:over \d+(?:[.,]\d+)? ?(?:secs?|seconds?|mins?|minutes?|hours?|hrs?)\b[^?]{0,30}\b(?:ok|okay|fine|enough|too (?:fast|quick\w*)|right|safe)|(?:is (?:that|it|this) |or )too (?:fast|quick\w*))\b"),
    # A dose repeated when it came back up or did not work ("vomited 20 minutes after it, do I give it again?", "GTN,
    # pain still there after 5 mins, second puff?"); not taking it again some day (an allergy, a restart).
    ("missed_double", r"\b(?:vomit\w*|sick|threw up|thrown up|throw up|spat|spit\w*|still|not gone|no (?:response|relief|change)|"
     r"\d+ ?min\w*)\b[^?]*\b(?:take|give|use|have|spray|repeat) (?:it|them|the dose|a dose|one|the spray) again\b"
     r"|\b(?:second|another|third|one more|a further) (?:puff|spray|dose)s? (?:after|if|when)\b"
     r"|\bmiss(?:ed|ing|es)?\b[^?]*\b(?:dose|tablet|pill|injection|capsule|jab|patch|day|shot|one)s?\b|\bforg[oe]t(?!ful)\w*|\btook (?:two|double|an extra|too many|a second|another|both|it twice|my \w+ twice)\b|\bdouble (?:up|dose)\b|\b(?:take|have|give) (?:another|an extra|a second|one more|double)\b|\bextra (?:tablet|pill|dose|capsule|one|puff)s?\b|\btook (?:it|them|my \w+) (?:again|late|early)\b|\boubli\w*|\bolvid\w*|\bvergessen\b|\b(?:dimentica\w*|esqueci\w*)\b(?![^?]*\b(?:macchina|auto|carro|sole|sol|frigo\w*|geladeira|bolsa|borsa)\b)|\b(?:" + _BY_MISTAKE_ABROAD + r")\b|\bby (?:mistake|accident)\b|\baccidentally\b|\bmistakenly\b|\bzwei (?:tabletten|mal)\b|\bdos veces\b|\bdeux fois\b|\bmiss(?:ed|ing)\b[^?]*\b(?:now|wait|restart|reload|late|what (?:now|next)|do (?:i|we))\b|\b(?:late|delayed|overdue)\b[^?]*\b(?:what now|now what|reload|carry on|restart|give now|what next|wait)\b|\breload\w*|\bhow long before (?:a|the) (?:second|next|another|repeat)\b|\b(?:late|overdue|delayed|missed|skipped)\b[^?]*\b(?:still (?:take|have|give|use|inject|do)|(?:take|have|give|inject) it|when should (?:i|we|he|she|they) (?:have|take|give)|now)\b|\b(?:restart|reload|resume|re-?start|re-?titrat)\w*\b[^?]*\bmiss(?:ed|ing)\b"
     r"|\b(?:is|would|will|could) (?:(?:another|one more|a (?:second|third|fourth|fifth|further)|an(?:other)? extra|a further) (?:(?:one|dose|tablet|pill|capsule|puff|injection|spray|patch|sachet|jab|shot)s? )?|a (?:third|fourth|fifth|sixth) (?:[\w-]+ )?)(?:be )?(?:ok|okay|alright|safe|fine|allowed)\b|\b(?:take|have|had|give|taking|having|giving) (?:a|my) (?:second|third|fourth|fifth|further) (?:[\w-]+ )?(?:today|tonight|now|this (?:morning|evening|afternoon)|in (?:one|the same|a) day)\b"),
    ("consumer", r"\bis (?:one|two|three|four|half) (?:ok|okay|alright|safe|fine|enough|too)\b|\bhalf (?:a|an|of a|of (?:my|his|her|their|your|the|an adult'?s?) [\w-]+(?: tablets?| pills?)?)\b(?! (?:to|so|because|for) (?:make|swallow|help|easier)\b)|(?<!^i )(?<!^we )(?<!^he )(?<!^she )(?<!^they )\b(?:take|have|use|give|put|inject|apply|add) (?:two|three|four|five|\d+|more|extra|double|less)\b|\badd (?:another|an extra|a further|one more)\b|\bcan i (?:take|have|give) (?:another|more|two|three|four|half|a second|one more|a whole)\b|\bnoch (?:mal )?(?:eine?n?|eins)\b(?: [\w-]+){0,2} (?:nehmen|nachnehmen|einnehmen|geben|nachgeben|spritzen)\b|(?:\b(?:tomar(?:me|le)?|tomo|doy|dar(?:le)?) otr[ao]|\b(?:prendre|reprendre|donner) une? autre|\ben reprendre une?|\bj'en reprends une?|\breprendre une?(?= (?!fois\b)[\w'-]+\s+(?:\d|apr[eè]s|maintenant|tout de suite|ce soir|aujourd'hui))|\b(?:prendere?|prenderne|prendo|dar(?:gli|le|ne)?) un(?:'| )altr[ao]|\b(?:tomar|tomo|dar|dou) (?:outr[ao]|mais um[a]?))(?=\s*(?:[?.,!;:]|$| (?:m[aá]s|ahora|ya|hoy|maintenant|aujourd'hui|adesso|ora|oggi|subito|agora|j[aá]|hoje|si|se|cuando|quand|quando|porque|parce|perch[eé]|pois|de (?:\d|[\w-]+ \d))\b| (?:pastill\w*|dosis|c[aá]psulas?|comprimid[oa]s?|sobres?|inyecci[oó]n|pinchazo|toma|gotas?|puffs?|inhalaci[oó]n|comprim[eé]s?|g[eé]lules?|prises?|doses?|sachets?|compress[ae]|pastigli[ae]|capsul[ae]|bustin[ae]|pillol[ae]|gocce|injeç[aã]o|jatos?|dose|vez|fois|volta)\b"
     r"| (?!(?:rem[eé]dio|medicamentos?|m[eé]dicaments?|f[aá]rmacos?|farmac[oi]|medicinas?|medikament\w*|anti-?\w+|"
     r"analg[eé]sic\w*|antibi\w*|tipo|marca|gen[eé]ric\w*|cosa|coisa|chose|rimedio|prodotto|produto|producto|produit)\b)"
     r"[\w-]+ (?:si|se|quando|cuando|quand|wenn|porque|parce|perch[eé]|pois|ahora|agora|maintenant|adesso|ora|oggi|hoy|hoje|antes|avant|prima|bevor)\b))|\b(?:darf|kann|soll) ich (?:noch )?mehr (?:davon )?(?:nehmen|einnehmen|geben|spritzen)\b|\b(?:puedo|posso|puis-je|je peux|darf ich|kann ich|pode|puede)\b(?: [\w'-]+){0,2}? (?:tomar|pingar|prendre|prenderne|nehmen|dar|usar|mettre|mettere|poner|p[oô]r)\b(?: [\w'-]+)? (?:m[aá]s|mais|plus|davantage|di pi[uù]|mehr)(?=\s*(?:[?.,!;:]|$|\s(?:si|se|wenn|quand|quando|cuando|hoy|oggi|heute|aujourd'hui|hoje|ahora|agora|adesso|maintenant|jetzt|gotas|gocce|gouttes|tropfen|comprim\w*|pastill\w*|tabletten)\b))|\bat once\b|\bat a time\b|\b(?:half|quarter|whole) (?:a |of a )?(?:tablet|pill|one|dose|capsule)\b|\bwhat strength\b|\bone or two\b|\btoo (?:strong|weak)\b"),
    ("strength_form", r"\bstrengths?\b|\b(?:strongest|weakest) (?:[\w-]+ )?(?:tablets?|capsules?|caps|patch(?:es)?|pens?|inhalers?|injections?|creams?|versions?|forms?|ones?)\b|\bwhat (?:sizes|doses)\b|\bcome (?:in|as)\b|\bcomes (?:in|as)\b|\btablet sizes?\b|\bavailable (?:in|as)\b|\bpreparations? available\b|\bformulations?\b|\bwhat concentration\b|\bconcentration (?:is|of) (?!\w+ (?:levels?|in))|\bpack sizes?\b|\bis there (?:an? )?(?:oral |liquid |iv |im |topical )?(?:solution|liquid|syrup|suspension|version|form|formulation|injection|patch|tablet|capsule)s?\b|\bdosage form\b|\bdarreichungsform\w*|\bpr[eé]sentation\w*|\bstre?ng(?:h?th?|ht)h?s?\b|\bwhat (?:mgs?|mcgs?|micrograms?|milligrams?)\b|\bmgs? (?:are|is|does|do|available|come)\b|\bis there (?:a|an) (?:[\w-]+ )?\d+(?:[.,]\d+)?\b|\b\d+(?:[.,]\d+)?(?: ?(?:and|or|,) ?\d+(?:[.,]\d+)?)+\b[^?]*\b(?:available|exist|come|still)\b|\bmilligrams? (?:exist|are there|available)\b|\bwhich colour is\b|\bst[aä]rken?\b|\b(?:liquid|solution|suspension|syrup|patch|injection|cream|oral solution)s? (?:available|for (?:kids|children|a child))\b|\b\d+ ?% or \d+ ?%|\bwhich (?:strength|patch|pen|syringe)\b|\bwhich one (?:is|would be) (?:the )?(?:normal|right|correct|standard|usual)\b|\bis that a thing\b"
     # the strengths and forms a product comes in, asked in another language ("qué presentaciones hay", "quais as
     # concentrações disponíveis", "a che concentrazione", "Wirkstärken"); not a clinical presentation
     r"|\b(?:presentaci[oó]n(?:es)?|apresenta[cç](?:[aã]o|[oõ]es))\b(?! cl[ií]nica)"
     r"|\b(?:concentraci[oó]n(?:es)?|concentra[cç](?:[aã]o|[oõ]es)|concentrazion[ei]|concentrations?|dosages|dosagens|"
     r"dosaggi|formulazion[ei]|formulaci[oó]n(?:es)?|formula[cç](?:[aã]o|[oõ]es)|formes?(?: gal[eé]niques?)?)\b"
     r" (?:disponib\w*|dispon[ií]ve\w*|existen\w*|esistono|existent|exist\w*|en el mercado|in commercio|no mercado|"
     r"sur le march[eé]|hay|ci sono|il y a|h[aá])\b"
     r"|\ba (?:che|qu[eé]|quelle) concentra\w*|\bquali (?:formulazioni|concentrazioni|dosaggi)\b"
     r"|\b(?:wirk|dosis|tabletten|pflaster)st[aä]rken?\b"
     # whether a form exists, asked in another language as "does it come as a liquid" is in English ("existe en
     # sirop", "gibt es … als Saft", "esiste … in gocce", "¿hay … en jarabe?", "existe … em xarope")
     r"|\b(?:existe\w*|exist\w*|gibt es|esiste|esistono|c'e|hay|viene|vem|ha)\b(?:-t-(?:il|elle)|-(?:ils|elles))?"
     # a name between (not a risk, a problem, an effect, an interaction or a difference: "¿hay riesgo en gotas?")
     r"(?: (?!(?:riesgos?|risques?|risiko\w*|rischi\w*|riscos?|problem\w*|interac\w*|wechselwirk\w*|nebenwirk\w*|"
     r"efectos?|effets?|effetti|efeitos?|danger\w*|pericol\w*|perigo\w*|gefahr\w*|differen\w*|diferen\w*|"
     r"unterschied\w*)\b)[\w'-]+){0,4}"
     r" (?:en|als|in|em|come|como)(?: (?:forma|forme|une?|uma?|la|le|el|de))?"
     r" (?:sirop|gouttes|solutions?|suspensions?|suppositoires?|patch\w*|comprim\w*|injectables?|gelules?|"
     r"saft|sirup|tropfen|l[oö]sung|trinkl[oö]sung|z[aä]pfchen|pflaster|granulat|spritzen?|kapseln?|tabletten?|"
     r"sciroppo|gocce|soluzione|sospensione|supposte|cerott\w*|compresse|fiale|iniettabil\w*|capsule|"
     r"jarabe|gotas|soluci[oó]n|suspensi[oó]n|supositorios?|parches?|pastillas|inyectables?|c[aá]psulas|"
     r"xarope|solu[cç][aã]o|suspens[aã]o|adesivos?|injet[aá]ve\w*|liquid\w*|l[ií]quid\w*|fl[uü]ssig\w*|"
     r"sous-cutan\w*|subcut[aá]ne\w*|sottocut\w*|subkutan\w*|orodispersib\w*|bucodispersab\w*)\b"),
]]

# Stage 3, mentions: an amount, weight, count or regimen written into the question. A mention is the thing
# asked about only when the question asks for nothing else ("Stelara every 8 or 12 weeks?", "enox for
# 90kg", "5 mg?") or ties it to a patient factor that would change the dose; beside a question about
# something else ("I'm on 20 mg, what are the side effects", "why does the brand matter, once or twice
# daily") it is context.
_MENTIONS: list[tuple[str, GatedPattern]] = [(name, GatedPattern(rx)) for name, rx in [
    ("unit", r"\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|grams?|ml|mls|l|units?|iu|micrograms?|mmol|milligrams?|puffs?|tabs?|tablets?|pills?|caps(?:ules)?|drops?|sachets?|patch(?:es)?|sprays?|%)\b|\b(?:mgs?|mcg|micrograms?|milligrams?|mmol|units?|ml|mls|puffs?)(?:/kg|/m2|/m²|/h\w*)?\b(?! (?:of )?(?:levels?|concentration))|/kg\b|\bper kilo\w*"),
    ("frequency", r"\b(?:once|twice|thrice|three times|four times|\d+ times)(?: a| per| each| every)? ?(?:day|daily|week|weekly|night|nightly|month|hours?)\b|\btwice\b|\bthrice\b|\bevery (?:\d+|few|two|three|four|six|eight|twelve) ?(?:h|hrs?|hours?)\b|\b(?:od|bd|bid|tds|tid|qds|qid|qd|prn|nocte|mane|stat|q\d+(?:h|d|w|wk|m|mo)?\w*|d\d{1,2}(?:[ ,/+&-]+d\d{1,2})+|o\.d\.|b\.d\.|t\.d\.s\.|q\.d\.s\.)\b|\bfois par jour\b|\bpar jour\b|\bveces al d[ií]a\b|\bal d[ií]a\b|\bvolte al giorno\b|\bvolt[ae] a(?:lla)? settimana\b|\bvez(?:es)? (?:ao|por|al) dia\b|\bvez(?:es)? por semana\b|\bfois par semaine\b|\btodos os dias\b|\btodos los d[ií]as\b|\btous les jours\b|\bogni giorno\b|\bcada \d+ horas\b|\btoutes les \d+ ?h(?:eures?)?\b|\bogni \d+ ?(?:ore|h)\b|\bde \d+ (?:em|en) \d+ ?(?:horas|h)\b|\bmal (?:am|pro|t[aä]glich)\b|\bpro tag\b|\b(?:ab|aller|alle) \d+ stunden\b|\b(?:daily|weekly) or\b|\bor (?:daily|weekly|every day)\b|\bevery (?:other )?day\b|\bonce a\b|\bevery (?:\d+|one|two|three|four|six|eight|twelve)(?: (?:or|to|-) ?\d+)? ?(?:h|hrs?|hours?|days?|weeks?|months?)\b|\b(?:once|twice)[- ]?(?:weekly|monthly|nightly|daily)\b|\b(?:weekly|monthly|fortnightly|daily) (?:or|vs|versus) (?:weekly|monthly|fortnightly|daily)\b|\b(?:weekly|daily|nightly|monthly|fortnightly)\b"),
    ("weight", r"\b\d+(?:[.,]\d+)? ?(?:kg|kgs|kilos?|lbs?|pounds|stone)\b"),
    ("choice", r"\b\d+(?:[.,]\d+)? ?(?:mg|mcg|g|units?|ml|%)? (?:or|vs\.?|versus) \d+(?:[.,]\d+)? ?(?:mg|mcg|g|units?|ml|%)?\b(?! (?:trial|study|years?|months?|weeks?|days?|patients?|people))"),
    ("course", r"\bfor \d+ ?(?:days?|weeks?|months?)\b|\bx ?\d+\b|\b\d+ ?days?\s*\?"),
    ("renal_value", r"\b(?:egfr|crcl|gfr|creatinine clearance|clcr)\b(?: ?(?:of|is|was|at|=|<|>|below|under|over|above|less than))? ?\d*"
     # as the other languages name the filtration rate, with its value
     r"|\b(?:filtrado(?: glomerular)?|filtra[cç][aã]o glomerular|taxa de filtra[cç][aã]o(?: glomerular)?|filtrazione glomerulare|dfg|tfg|clairance(?: de la cr[eé]atinine)?|clearance(?: (?:della |de la |de )?creatinin[ae])?|aclaramiento(?: de creatinina)?|depura[cç][aã]o(?: de creatinina)?|kreatinin-?clearance|gfr)\b(?: ?(?:de|di|von|a|à|=|<|>|sotto|inferior a|unter|menor (?:de|que)|abaixo de|en dessous de|[aà] peine))? ?\d+"),
    ("number", r"\b\d+(?:[.,]\d+)?\b"),
]]
_RENAL_VALUE = dict(_MENTIONS)["renal_value"]
_FREQ_WORD = r"(?:od|bd|bid|tds|tid|qds|qid|qd|nocte|mane|daily|weekly|fortnightly|monthly|once(?: a day| daily| weekly)?|twice(?: a day| daily| weekly)?|three times(?: a day)?|alt(?:ernate)? days|every other day|ev?e?ry ?day|q\d+\w*)"
# "Due o tre volte al giorno?", "uma vez por semana ou todos os dias?": a choice between two intervals, it/es/pt/fr.
_FEW = r"(?:una|uma|une|un|due|tre|dos|tres|duas|tr[eê]s|deux|trois|\d)"
_FREQ_FOREIGN = (rf"(?:{_FEW} (?:vez|vezes|veces|volta|volte|fois)"
                 r"(?: (?:al|ao|por|par|a|alla) (?:giorno|d[ií]a|dia|jour|semana|settimana|semaine))?|todos os dias|"
                 r"todos los d[ií]as|tous les jours|ogni giorno)")
_COUNT = rf"(?:{_FEW}|quattro|cuatro|quatro|quatre)"
_CHOICE = GatedPattern(dict(_MENTIONS)["choice"].pattern + rf"|\b{_FREQ_WORD} (?:or|vs\.?|versus) {_FREQ_WORD}\b"
                       r"|\bevery \d+(?:[.,]\d+)? ?(?:h|hrs?|hours?)? (?:or|vs\.?|versus) (?:every )?\d+\b"
                       rf"|\b{_FREQ_FOREIGN} (?:o|ou|u) {_FREQ_FOREIGN}"
                       rf"|\b{_COUNT} (?:o|ou|u) {_COUNT} (?:vez|vezes|veces|volte|fois)\b")
# A choice between two intervals in any of the six languages ("once a week or every day?", "semestral ou anual?",
# "täglich oder einmal pro Woche?", "better twice a day than once?"): which interval is the dose question.
_INTERVAL = (r"(?:(?:once|twice|three times|\d+ times)(?: a| per| each| every)? (?:day|week|month|year|fortnight)|once|twice|"
             r"daily|weekly|fortnightly|monthly|yearly|annually|every (?:day|week|month|year|other day)|"
             r"every (?:\d+|two|three|four|six|eight|twelve) (?:days|weeks|months)|(?:3|6|three|six)[- ]monthly|"
             r"t[aä]glich|w[oö]chentlich|monatlich|j[aä]hrlich|halbj[aä]hrlich|(?:ein|zwei|drei)mal (?:pro |die |in der |im |am )?"
             r"(?:tag|t[aä]glich|woche|monat|jahr)|jede[nrs]? (?:tag|woche|monat|jahr)|alle (?:\d+|zwei|drei|vier|sechs) "
             r"(?:tage|wochen|monate)|diari[oa]|diariamente|semanal(?:mente)?|mensual(?:mente)?|mensal(?:mente)?|"
             r"anual(?:mente)?|semestral(?:mente)?|quincenal|(?:una|dos|tres|uma|duas|tr[eê]s) vez(?:es)? (?:al|por|a la|ao|a) "
             r"(?:d[ií]a|dia|semana|mes|m[eê]s|a[nñ]o|ano)|cada (?:d[ií]a|semana|mes|a[nñ]o|\d+ (?:d[ií]as|semanas|meses))|"
             r"todos los d[ií]as|todos os dias|a cada (?:\d+ )?(?:dias?|semanas?|m[eê]s|meses|ano)|quotidien\w*|hebdomadaire|"
             r"mensuel\w*|annuel\w*|semestriel\w*|(?:une|deux|trois) fois par (?:jour|semaine|mois|an)|tous les (?:jours|mois|ans|"
             r"\d+ (?:jours|semaines|mois))|chaque (?:jour|semaine|mois|ann[eé]e)|giornalier[oa]|quotidian[oa]|settimanal[ei]|"
             r"mensil[ei]|annual[ei]|semestral[ei]|(?:una|due|tre) volt[ae] (?:al|a|alla|ogni|per) (?:giorno|settimana|mese|anno)|"
             r"ogni (?:giorno|settimana|mese|anno|sei mesi|\d+ (?:giorni|settimane|mesi)))")
_INTERVAL_CHOICE = GatedPattern(
    rf"\b{_INTERVAL},? (?:or|ou|o|oder|u|vs\.?|versus|than|rather than|instead of|oppure|che|que|als|plut[oô]t que|"
    r"invece (?:che|di)|en (?:lugar|vez) de|em vez de|au lieu de|statt|anstatt) "
    rf"(?:only |just |nur |solo |s[oó] |seulement )?{_INTERVAL}\b")
# A choice between two course lengths, or one "or longer", that ends the question ("5 days or 10?", "5 ans ou 10 ans ?",
# "3 Tage oder eine Woche?", "7 days or longer if new lesions appear?"). Its spans are set aside as time spans first,
# so it is read from the whole question; a span followed by more ("… or 14 after mixing", "… or a week after
# starting", "… 90 day mortality") times something else.
_SPAN_UNIT = (r"(?:days?|weeks?|months?|years?|yrs?|ans?|ann[eé]es?|jours?|semaines?|mois|tage?n?|wochen?|monate?n?|"
              r"jahre?n?|d[ií]as?|semanas?|mes(?:es)?|a[nñ]os?|giorn[oi]|settiman[ae]|mes[ei]|ann[oi])")
# Numbers written as words too ("fünf oder zehn Jahre?", "¿cuatro semanas u ocho?").
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|eins|zwei|drei|vier|f[uü]nf|sechs|"
                r"sieben|acht|zehn|zw[oö]lf|uno|dos|tres|cuatro|cinco|seis|siete|ocho|diez|doce|catorce|deux|trois|quatre|"
                r"cinq|sept|huit|dix|douze|quatorze|due|tre|quattro|sei|sette|otto|dieci|dodici|quattordici|dois|duas|quatro|"
                r"oito|dez|doze|catorze)")
_OR = r"(?:or|ou|o|oder|u|vs\.?)"
_COURSE_CHOICE = GatedPattern(
    rf"\b(?:(?:\d+|{_NUMBER_WORD}) ?{_SPAN_UNIT}\b,? {_OR} (?:(?:\d+|{_NUMBER_WORD}|an?|une?|eine[rn]?|uma?|una?|uno) ?"
    rf"{_SPAN_UNIT}?|longer|more|plus|l[aä]nger|m[aá]s|mais|di pi[uù])"
    rf"|(?:\d+|{_NUMBER_WORD}),? {_OR} (?:\d+|{_NUMBER_WORD}) ?{_SPAN_UNIT})"
    rf"(?: ?{_SPAN_UNIT})?(?: (?:now|for me|course|de tratamiento|de traitement|di terapia|de tratamento|nehmen|einnehmen))?"
    r"\s*(?:\?|$|\s(?:if|si|se|wenn)\b)")
# ... unless the span times an effect, a wait, storage or a study rather than the course ("does the rash last 2 days or
# a week?", "results in 4 weeks or 8?", "stop it 3 days or a week before surgery?").
_NOT_A_COURSE = re.compile(
    r"\b(?:last\w*|wear\w* off|kick\w* in|work\w*|results?|feel\w*|notice\w*|improv\w*|better|effects?|side|"
    r"efect\w*|effet\w*|effett\w*|efeit\w*|wirk\w*|nebenwirkung\w*|tard\w*|demor\w*|mett\w*|fridge|stor\w*|keep|stable|"
    r"mortality|survival|trial|study|follow-?up|levels?|tests?|scans?|checks?|wait\w*|before|avant|antes|prima|vor|"
    r"half[- ]?life|demi-vie|vida media|emivita|meia-vida|halbwertszeit|"
    rf"attendre|esperar|aspettare|warten|aguardar|{_SYMPTOMS_FOREIGN})\b")
# A mention beside one of these asks how the dose changes for that patient ("gent 7 mg/kg in renal impairment").
_PATIENT_FACTOR = re.compile(r"\b(?:renal|kidneys?|crcl|egfr|ckd|aki|dialysis|haemodialysis|hemodialysis|hepatic|liver|cirrho\w*|child(?:ren)?|kids?|bab(?:y|ies)|infants?|neonates?|toddlers?|paediatric|pediatric|elderly|frail|obese|obesity|weighs?|weighing|(?:body )?weight(?! (?:loss|gain|change|reduction))|kg|bsa)\b")
_YES_NO = re.compile(r"\bcan (?:it|\w+) be (?:started|used|given|taken|continued)\b|\bis it (?:safe|ok|okay|contraindicated)\b|"
                     r"\b(?:safe|contraindicated|allowed) (?:in|at|with|when)\b")
_WHY = re.compile(r"\bwhy\b|\breasons?\b|\bpourquoi\b|\bpor qu[eé]\b|\bwarum\b")


# The rule name of a dose verdict reached by the learned model where no rule matched.
LEARNED = "learned"
# Rules whose match names the thing the answer would have to state: a dose, an amount, a maximum, a rate, a
# strength, a titration, a missed-dose decision. Their verdict stands. The others (a bare number, unit, weight or
# renal value, and "how often", "regimen" and "how long" wordings, which as often time a test, an effect or a
# storage period as a dose) are evidence the learned model weighs, and it may overrule them. Left out in turn, each
# of 12 dose sets lost no dose question this way, and the set the rules were never fixed against refused 12 of its
# 191 non-dose questions instead of 18 (docs/EVALUATION.md).
EXPLICIT = frozenset({"dose_asked", "overdose", "titration", "dose_word", "misspelt_dose", "amount", "maximum", "conversion",
                      "adjustment", "infusion_rate", "missed_double", "consumer", "strength_form",
                      "level_adjustment"})

# Explicit requests the learned model never overrules: the dose is the thing asked for. Over every labelled dose set
# (about 23,000 questions) "dose_asked" matched 741 dose questions and no other; the model had overruled 6 of them, all
# in sets written after its training data ("Dosis und Nebenwirkungen von Pregabalin?", "Dosaggio del litio negli
# anziani?").
STANDING = frozenset({"dose_asked"})
# Context the policy itself reads as a question that is not a dose question (DOSE_POLICY.md: whether a taper is needed
# at all; a time of day chosen or moved, which is administration): with no request left beside it, the learned model
# does not refuse. After nine labels that contradicted the
# policy were corrected, no labelled dose question was left that the model refused with this context.
SETTLED = frozenset({"taper_needed", "time_of_day"})


@dataclass(frozen=True)
class DoseDecision:
    is_dose: bool
    rule: str | None = None  # name of the request or mention that decided
    matched: str | None = None  # the words that made it a dose question
    context: tuple[str, ...] = ()  # dose-like phrases set aside as context, as "class: words"
    probability: float | None = None  # the learned model's P(dose), when it was asked (dose_model)
    overruled: bool = False  # a rule took it for a dose question and the learned model did not

    def __bool__(self) -> bool:
        return self.is_dose

    @property
    def why(self) -> str:
        """One line for people: the phrase that made it a dose question, or what was set aside."""
        if self.is_dose and self.rule == LEARNED:
            return f"dose question (learned model, p={self.probability:.2f}; words weighing most: {self.matched})"
        if self.is_dose:
            return f"dose question ({self.rule}): '{self.matched}'"
        if self.context:
            return "not a dose question: " + "; ".join(self.context)
        return "not a dose question"


def _has_context(context: Iterable[str], names: frozenset[str]) -> bool:
    """Whether any context set aside (each "class: words") is of one of these classes."""
    return any(c.split(":")[0] in names for c in context)


def settled(decision: DoseDecision) -> bool:
    """Whether the rules found no dose request and set aside a context the policy reads as not a dose question."""
    return not decision.is_dose and _has_context(decision.context, SETTLED)


def normalise(question: str) -> str:
    # The shared skeleton: invisible characters, look-alike letters and full-width forms cannot hide a
    # dose question. Quote marks first, since the skeleton reads a spacing accent as a space.
    return skeleton(re.sub(r"[\u2018\u2019`´]", "'", question))


def _set_aside(text: str) -> tuple[str, list[str]]:
    """Stage 1: the normalised question with its context spans blanked, and those spans for the record."""
    context: list[str] = []
    for name, rx in _CONTEXT:
        if not rx.may_match(text):  # most rules cannot match: their gate says so before any search
            continue
        found = [f"{name}: '{m.group(0).strip()}'" for m in rx.regex.finditer(text)]
        if not found:  # nor do most that may: skip the second pass
            continue
        # A time of day beside a count of doses is a schedule, not a time of day: its words are not another question
        # beside the amounts either, so they go, unrecorded.
        if not (name == "time_of_day" and _SPLIT_OR_COUNT.search(text)):
            context += found
        text = rx.regex.sub(" ", text)
    return text, context


# Context classes that are themselves the asked-for thing (a test interval, an onset, an effect size...): once
# one is found, an amount written in the question is only context.
_ASKING_CONTEXT = frozenset({
    "food_amount",
    "overdose_consequence", "too_many_consequence", "child_ingestion", "time_of_day", "target_level_foreign", "pack_contents", "how_many_people", "trial_outcome", "driving_time", "onset_foreign", "spacing_or_waiting", "effect_size_foreign", "effect_duration_foreign", "test_frequency", "test_frequency_either_side", "taper_needed",
    "onset_time", "storage_time", "count_before_event", "device_off", "tablet_colour", "effect_size", "measured_magnitude", "measured_change", "test_schedule", "patient_threshold", "reaction_course", "time_to_effect", "effect_duration", "monitoring_duration", "effect_frequency",
})
# A time of day moved or chosen is administration, unless the number of doses a day is in the question too: taking
# both at night instead of morning and evening, or "morning or evening, once a day?", changes or states a schedule.
_SPLIT_OR_COUNT = GatedPattern(
    r"\b(?:once|twice|thrice|\d+ times|both|les (?:deux|2)|tutt[ei] e (?:due|2)|entramb[ei]|ambos|ambas|as duas|os dois|"
    r"beide|todas|todos|einmal|zweimal)\b|\b(?:and|et|e|y|und) (?:the |la |le |il |el |a |o )?(?:nights?|evenings?|mornings?|soir|matin|"
    r"sera|mattina|noche|ma[nñ]ana|noite|manha|abends|morgens|mittags)\b|\b(?:od|bd|bid|tds|tid|qds|qid|daily|x ?\d)\b")
# Words that can stand beside an amount in a bare regimen question ("amox 500 tds for a chest infection, adult").
_FILLER = frozenset(
    "for in of at on to a an the and or with my his her their your our day days daily night nights morning mornings "
    "evening week weeks mg tablet tablets tab tabs capsule capsules cap caps dose doses take taking taken give giving "
    "given start starting started usual normal adult adults patient patients pt is it ok okay right correct fine "
    "enough please yo year years old man woman male female kg iv oral po im sc then once twice each per "
    # words that change or compare an amount: beside a number they are the dose question itself
    "split divided divide repeat repeated halve half quarter vial vials bag bags over range total same equals equal "
    "equivalent switch instead restart resume make go up down increase reduce lower higher more less extra max "
    "maximum minimum capped cap alternate every other vs versus times weekly monthly yearly fortnightly hourly hours "
    "hour minutes min mins now new load loading top via infusion bolus syringe drip pump".split()
)
# Asking what a stated value means ("QTc 480 on methadone 90 - significance?"): the answer interprets it.
_INTERPRETS = GatedPattern(r"\b(?:significance|significant|meaning|means?|mean by|interpret\w*|abnormal|concerning|"
                           r"worrying|worried|worry|alarming)\b")
# "Which one" picks among the strengths, forms or schedules a question names ("10 or 20, which one?", "the granules or
# the chewable, which one?"); among drugs, by what each is for or does ("antivirals: which one is for herpes?"), it
# asks something else.
_WHICH_ONE = GatedPattern(r"\bwhich one\b")
_FORM_WORD = GatedPattern(r"\b(?:tablets?|tabs?|capsules?|caps|patch(?:es)?|liquid|solution|suspension|syrup|granules|"
                          r"sprinkles|chewables?|melts|dispersible|soluble|ec|gastro-resistant|sr|mr|xl|cr|slow[- ]release|"
                          r"modified[- ]release|injections?|pens?|inhalers?|sprays?|drops|cream|gel|sachets?|vials?|"
                          r"strengths?|doses?)\b")
_INDICATION = re.compile(r"\bfor (?:a |an |the |my |his |her )?(?:[\w'-]+ ){0,3}[\w'-]+")


def _content(rest: str) -> list[str]:
    from clincalc_search.drugs import english_words

    english = english_words()
    words = re.findall(r"[a-z]+", _INDICATION.sub(" ", rest))
    return [w for w in words if w in english and w not in _FILLER and len(w) > 2]


def _asks_something_else(rest: str) -> bool:
    """Whether what is left beside an amount asks about something else: a reason, a section's cue, or ordinary
    words beyond drug names, regimen words and the indication ("and double vision", "weird dreams")."""
    asked = set(section_intents(_INDICATION.sub(" ", rest), strong_only=True)) - {"overview"}
    return bool(_WHY.search(rest) or _INTERPRETS.search(rest) or asked or len(_content(rest)) >= 2)


def _mention_spans(text: str) -> list[tuple[int, int]]:
    """Separate amounts, intervals and courses written in the question (overlapping matches merged)."""
    spans = sorted(m.span() for _, rx in _MENTIONS for m in rx.finditer(text))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _strong_other(rest: str) -> set[str]:
    return set(section_intents(_INDICATION.sub(" ", rest), strong_only=True)) - {"overview"}


def _patient_factor(rest: str) -> bool:
    """An amount beside a kidney, liver, age or weight factor asks how the dose changes for that patient, unless
    the question asks about something other than prescribing ("my child ate 3 tablets, what symptoms")."""
    other = set(section_intents(rest, strong_only=True)) - {"prescribing", "overview"}
    return bool(_PATIENT_FACTOR.search(rest)) and not other and not _WHY.search(rest) and not _YES_NO.search(rest)


# A switch between two medicines, products or routes stated as the setting of another question, in a clause of its
# own: "coming off paroxetine and onto fluoxetine. What side effects…", "Switching from enalapril to ramipril, what
# blood tests…", "passo da Xarelto a Eliquis, devo fare esami?" (DOSE_POLICY.md: the switch is a conversion only when
# it is what is asked); the other clauses must ask for a section by its cue (side effects, tests, a trial, storage)
# or ask what stage 1 set aside. A clause that asks ("how do I switch…", "when to switch to oral?", "X to Y switch?")
# stays a request, and so does a switch beside nothing else ("switching Lantus to Toujeo - same units?"); a dose asked
# in the other clauses still decides, since the requests read them after this.
_SWITCH = GatedPattern(
    dict(_REQUESTS)["conversion"].pattern
    + r"|\b(?:come|comes|coming|going|get|getting) off\b[^?]*?\b(?:onto|on to|and (?:then )?(?:start\w*|go(?:ing)? on(?:to)?|"
    r"switch\w*|mov\w*|chang\w*))\b")
# A clause runs to the next stop, comma, colon, semicolon, question or exclamation mark, bracket or dash.
_CLAUSE = re.compile(r"[^,;:.!?()\u2013\u2014\u00bf\u00a1]+?(?:[,;:.!?()\u2013\u2014\u00bf\u00a1]+| - |$)")
# The clause asks: it opens with a question word or an inverted verb, asks how, or ends with a question mark.
_ASKING_CLAUSE = re.compile(
    r"^\W*(?:(?:and|so|but|ok|okay|also|then|y|e|et|und|pero|mais|ma|aber) )?(?:how|what|what's|whats|when|which|whether|"
    r"can|could|should|shall|do|does|did|is|are|will|would|may|must|como|cuando|cual|que|puedo|debo|hay|comment|quand|"
    r"quel|quelle|faut|dois|puis|est-ce|come|quando|quale|posso|devo|bisogna|wie|wann|was|welche[rsnm]?|muss|soll|"
    r"sollte|kann|darf|quanto|cuanto|combien|qual|quais|preciso|tenho)\b"
    r"|\bhow (?:to|do|does|should|can|would|shall|is|are|quickly|fast)\b|\?\W*$")

# When, or at what level, the new medicine starts is the switch's own schedule ("…, ab welchem INR beginnen?", "at
# what INR can the first apixaban be given?"): the switch is then what is asked.
_WHEN_STARTED = GatedPattern(
    r"\b(?:when|at what|at which|after how|ab wann|ab welche[mnrs]?|wann|quand|a quel(?:le)?|a partir de|cuando|"
    r"con qu[eé]|quando|a partire da|com que|em que)\b[^?]*\b(?:start\w*|begin\w*|beginn\w*|commenc\w*|empez\w*|"
    r"comenz\w*|inici\w*|come[cç]\w*|inizi\w*|give|given|gebe|geben|gegeben|donner|dar|dare)\b")


def _stated_switch(text: str, context: list[str], question: str) -> str:
    """The question (`text`, its context set aside) with each clause that only states a switch blanked (and recorded
    in `context`), when what is left asks something else; `question` is the whole normalised question."""
    if not _SWITCH.may_match(text):
        return text
    clauses = [m for m in _CLAUSE.finditer(text) if m.group(0).strip()]
    stated = [m for m in clauses if _SWITCH.search(m.group(0)) and not _ASKING_CLAUSE.search(m.group(0).strip())]
    if not stated or len(stated) == len(clauses):
        return text
    rest = text
    for m in stated:
        rest = rest[:m.start()] + " " * (m.end() - m.start()) + rest[m.end():]
    # What is asked beside it: a section's cue, or a question set aside in stage 1 as itself the thing asked for (an
    # onset, a test's interval, a storage time).
    if not (_strong_other(rest) or _has_context(context, _ASKING_CONTEXT)) or _WHEN_STARTED.search(question):
        return text
    context += [f"switch_stated: '{m.group(0).strip(' ,;:.!-')}'" for m in stated]
    return rest


def check(question: str) -> DoseDecision:
    """Is this a dose question? Decided by what the question asks for, with the phrase that decided."""
    normal = normalise(question)
    for name, rx in (("overdose", _OVERDOSE_AMOUNT), ("titration", _CHANGE_BY)):
        if m := rx.search(_EFFECT_SIZE_RX.sub(" ", normal) if rx is _CHANGE_BY else normal):
            return DoseDecision(True, name, m.group(0).strip())
    text, context = _set_aside(normal)
    text = _stated_switch(text, context, normal)
    # Beside a measured value the word is the assay ("dosage du lithium à 1,2 mmol/L").
    if not _has_context(context, frozenset({"measured_value", "target_level_foreign"})) and (m := _DOSE_ASKED.search(text)):
        return DoseDecision(True, "dose_asked", m.group(0).strip(), tuple(context))
    for name, rx in _REQUESTS:
        m = rx.search(text)
        if m:
            return DoseDecision(True, name, m.group(0).strip(), tuple(context))
    if m := _HOW_TO_CHANGE.search(text):
        from clincalc_search.drugs import english_words

        word = m.group(1)
        if word in _DOSE_OBJECT or (word not in english_words() and word not in _NOT_DRUG):
            return DoseDecision(True, "titration", m.group(0).strip(), tuple(context))
    if (m := _LOADING_ABROAD.search(text)) and not _LOADING_REASON.search(normal):
        return DoseDecision(True, "dose_word", m.group(0).strip(), tuple(context))
    # A kidney function written with its value is measured as a level is ("clearance 30: come si modifica?").
    level = _has_context(context, frozenset({"measured_value"})) or _LEVEL_ABROAD.search(normal) \
        or _RENAL_VALUE.search(text)
    if level and (m := _CHANGE_AFTER_LEVEL.search(normal)):
        return DoseDecision(True, "level_adjustment", m.group(0).strip(), tuple(context))
    asked = _has_context(context, _ASKING_CONTEXT)
    # Two intervals beside a symptom or another question time the symptom, not the dose ("does the nausea come daily
    # or weekly?"): the older choice pattern below does not take them either.
    interval_aside = False
    if not asked and (m := _INTERVAL_CHOICE.search(text)):
        if not _asks_something_else(_INTERVAL_CHOICE.sub(" ", text)):
            return DoseDecision(True, "choice", m.group(0).strip(), tuple(context))
        interval_aside = True
    if not asked and (m := _COURSE_CHOICE.search(normal)) and not _NOT_A_COURSE.search(normal):
        return DoseDecision(True, "course_length", m.group(0).strip(), tuple(context))
    if not asked and (m := _WHICH_ONE.search(text)) and (
            _mention_spans(text) or _FORM_WORD.search(text) or not _asks_something_else(_WHICH_ONE.sub(" ", text))):
        return DoseDecision(True, "strength_form", m.group(0).strip(), tuple(context))
    for name, rx in _MENTIONS:
        m = rx.search(text)
        if m is None:
            continue
        if asked:
            context.append(f"stated {name}: '{m.group(0).strip()}'")
            break
        rest = text
        for _, other in _MENTIONS:
            rest = other.sub(" ", rest)
        # Two or more (an amount and an interval, two amounts, an amount and a course) spell out a regimen.
        regimen = len(_mention_spans(text)) >= 2 and not _strong_other(rest)
        # A choice between two amounts, strengths, intervals or courses asks which one, whatever indication or
        # patient is named beside it ("ondansetron 4 or 8 in pregnancy", "colchicine bd or tds acute gout").
        chosen = _CHOICE.search(text)
        if chosen and not interval_aside and not (_strong_other(rest) - {"prescribing"} or _WHY.search(rest)):
            return DoseDecision(True, "choice", chosen.group(0).strip(), tuple(context))
        if regimen or _patient_factor(rest) or not _asks_something_else(rest):
            return DoseDecision(True, name, m.group(0).strip(), tuple(context))
        context.append(f"stated {name}: '{m.group(0).strip()}'")
        break
    return DoseDecision(False, context=tuple(context))


def without_dose_phrases(question: str) -> str:
    """The question with every dose phrase removed: what is left of a mixed question."""
    text, _ = _set_aside(normalise(question))
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
