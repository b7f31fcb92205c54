"""Which section a question is after: mechanism, uses, risks, monitoring, counselling or evidence."""

from __future__ import annotations

import re
from functools import lru_cache

from clincalc_search.regex_gate import GatedPattern

# Side effects and risks people name directly ("ramipril cough", "T-DXd ILD"): they ask for the risks section.
_HARMS = (
    r"side[- ]?effects?|adverse|risks?|dangers?|harm\w*|complication\w*|toxicit\w*|cause[sd]?|causing|"
    r"cough\w*|swell\w*|oedema|edema|addict\w*|dependen\w*|abuse|misuse|withdrawal|weight gain|weight loss|"
    r"drows\w*|sleep\w*|somnolence|sedat\w*|rash\w*|itch\w*|headaches?|nausea|vomit\w*|constipat\w*|diarrh\w*|"
    r"hair loss|alopecia|photosensitiv\w*|allerg\w*|hypersensitiv\w*|anaphyla\w*|reactions?|ild|pneumonitis|"
    r"colitis|hepatitis|agranulocytosis|neutropeni\w*|thrombocytopeni\w*|myelosuppress\w*|cytopeni\w*|hypo|"
    r"hypos|hypoglyc\w*|hyperkal\w*|hyponatr\w*|falls?|dizz\w*|breathless\w*|tendon\w*|myopath\w*|muscle\w*|"
    r"rhabdo\w*|qt|arrhythm\w*|bleed\w*|bruis\w*|dka|ketoacidosis|lactic acidosis|gangrene|amputation\w*|"
    r"pancreatitis|osteonecrosis|onj|qtc|fractures?|infections?|c\.? ?diff\w*|thrush|gout|impotence|dementia risk|"
    r"suicid\w*|serotonin syndrome|nms|tardive|extrapyramidal|eps|parkinsonism|interstitial|cardiotox\w*|"
    r"nephrotox\w*|ototox\w*|hearing|tinnitus|neuropath\w*|ulcers?|stroke|sjs|stevens|pml|hbv reactivation|"
    r"reactivation|tumour lysis|tls|crs|cytokine release|neurotoxicity|icans|vod|veno-occlusive|ppp|teratogen\w*|"
    r"mood|depress\w*|anxiety|psychiatric|ache\w*|aching|pains?|sore\w*|cramp\w*|"
    # Lay words for an effect: "will it make me put on weight", "does it weaken your bones", "is it bad for…"
    r"make[s]? (?:me|you|him|her|them|my|your|his|people) \w+|weaken\w*|put on weight|hungry|appetite|"
    r"is it bad|bad for|harmful|swollen|nightmares?|vivid dreams|gambl\w*|yellow vision|looks? (?:a bit )?yellow|"
    r"sex drive|libido|erections?|erectile|lightheaded|light-headed|faint\w*|"
    # "does it cause", put lay: "could the tablets cause that" (a question about having it: _EXPERIENCED)
    r"could (?:the (?:tablets?|medicine|drug|pills?)) cause"
)

# Someone describing an effect they have had since starting it and asking whether it is the medicine, whether it is
# normal or will settle, or when to worry ("could it be the tablets?", "is that normal?", "will it settle down?"):
# what the patient should know and report, so Counselling, with Prescribing's risks second. Labelled Counselling or
# both in 95 of 137 such development questions, Prescribing alone in 39, almost all in the sets written before the
# writers' brief stated the convention; those were relabelled Counselling first in the seventeenth session.
# Not when the question asks why it happens (How it works) or about tests (Monitoring): checked in _section_cues.
_WHY_OR_TESTS = re.compile(r"\b(?:why|por qu[eé]|pourquoi|warum|wieso|perch[eé]|por que|tests?|bloods?|levels?|an[aá]lisis|"
                           r"anal[ií]ticas?|analisi|esami|exames?|kontroll\w*|bilan\w*|ecg|ekg|electro\w*)\b")
_EXPERIENCED = (
    r"(?:\bsince (?:starting|taking|being on|going on|the doctor (?:gave|started)|i started|he started|she started)\b|"
    r"\bis it the (?:medicine|tablets?|drug|pills?|injections?|medication)\b|"
    r"\bcould (?:it|this|that|the (?:tablets?|medicine|drug|pills?|medication)) (?:be|be causing|be doing)\b|"
    r"\bis (?:that|this|it) (?:normal|common|usual|expected|a side effect|the medicine)\b|\bwhen to worry\b|"
    # the medicine said to be doing it to the person ("flomax makes me dizzy", "keppra making my son angry", "makes my
    # hands shake"); not "does it make me…" (a risk asked about) nor "making my pill less effective" (an interaction)
    r"\b(?:makes|making|leaves|leaving) (?:me|my (?!(?:pills?|combined|contracepti\w*|medicines?|medications?|tablets?|"
    r"other)\b)\w+)\b(?! (?:feel )?(?:better|well)\b)|"
    # the same asked as learners and texters do: "it is normal?", "is normal?", or the word alone at the end
    r"\b(?:it|this|that) is normal\b|\bis normal(?=\s*\?)|\bnormal(?=\s*\?+\s*$)|"
    # "will it (ever, eventually) settle?", "does it wear off?"; passing or stopping only as the end of the effect,
    # not "will it pass into breast milk" or "does it stop working" (a caution, an interaction: Prescribing)
    r"\b(?:will|does|do) (?:it|this|that|they|these) (?:(?:ever|eventually|soon|gradually|just) )?(?:settle|go away|"
    r"get better|wear off|(?:pass|stop)(?=\s*(?:$|[?.!,;:]|(?:after|by|on|with|over|in time|eventually|once|when|or|"
    r"if|within)\b)))\b|\bsettle down\b)"
)
_EXPERIENCED_FOREIGN = (
    r"\b(?:c'est normal|est-ce normal|es normal|[eè] normale|é normal|ist (?:das|es) normal|ist das eine nebenwirkung|"
    r"c normal|normale?(?=\s*\?+\s*$)|"
    r"est-ce (?:que c'est )?(?:le|un) (?:m[eé]dicament|effet (?:secondaire|ind[eé]sirable))|"
    r"(?:es|será|ser[aá]) (?:por )?(?:el|la) (?:medicamento|pastilla)|[eè] (?:colpa )?(?:del|della) (?:farmaco|medicina|pastiglia)|"
    # "is that a (known) side effect", "will it pass", as the English cues
    r"ist das (?:eine? )?(?:\w+ )?nebenwirkung|(?:[eè]|es|é) (?:un|uno|um) (?:\w+ )?(?:effetto collaterale|"
    r"efecto secundario|efeito colateral|efeito secund[aá]rio)|passer(?:[aà]|anno)|(?:[cç]a|cela) (?:va )?passe[r]?|"
    r"se (?:me |le )?(?:pasa|pasar[aá]|quita|quitar[aá])|(?:vai|v[aã]o) passar|geht (?:das|es|der|die) (?:wieder )?weg|"
    r"vergeht (?:das|es|der|die)|h[öo]rt (?:das|es|der|die) (?:wieder |von selbst |irgendwann )?auf\b(?! zu)|"
    r"l[äa]sst (?:das|es|der|die) (?:wieder |irgendwann )?nach|"
    # the present tense, as "se (me) pasa" already is: "passa (dopo le prime settimane)?", "isso passa com o tempo?"
    r"passa(?:no|m)?(?=\s*(?:$|[?.!,;:]|dopo|da s[eé]|col tempo|con il tempo|com o tempo|depois|sozinh))|"
    r"(?:seitdem|seit ich|depuis que|desde que (?:empec[eé]|tomo|empez[oó])|da quando (?:prendo|ho iniziato)|desde que (?:comecei|tomo)))\b"
)

# Which side effects are common, usual or to be expected, asked of the drug in general ("what are the common side
# effects of semaglutide", "which side effects are normal in the first weeks"): what the patient should know, so
# Counselling, with Prescribing's risks second, by the convention the labelled sets are written to (a common effect is
# Counselling). Plural only: "is breathlessness a common side effect of ticagrelor?" names one effect, which the
# section that discusses it answers.
_COMMON_EFFECTS = (
    r"\b(?<!less )(?<!not )(?:common|commonest|usual|normal|typical|frequent|expected|mild|minor)(?: [\w-]+)? "
    r"(?:side[- ]?effects|adverse effects)\b"
    r"|\b(?:side[- ]?effects|adverse effects)\b(?: [\w-]+){0,3}? (?:are|is) (?:most |more )?(?:common|usual|normal|"
    r"typical|frequent|expected)\b"
)

# The same in the other languages: "quels effets secondaires sont fréquents", "efectos secundarios más comunes",
# "häufige Nebenwirkungen", "qué efectos suele dar la fluoxetina".
_COMMON_EFFECTS_ABROAD = [
    r"efectos (?:secundarios|adversos) (?:(?:son|suelen ser) )?(?:m[aá]s )?(?:frecuentes|comunes|habituales|normales|"
    r"t[ií]picos|esperables)", r"efectos (?:secundarios |adversos )?suelen? (?:dar|causar|provocar|producir)",
    r"effets (?:secondaires|ind[eé]sirables) (?:sont )?(?:les plus )?(?:fr[eé]quents|courants|habituels|normaux|attendus)",
    r"(?:h[aä]ufig|typisch|[uü]blich|normal|g[aä]ngig)(?:e|en|er|ste|sten)? nebenwirkung\w*",
    r"nebenwirkung\w* (?:sind )?(?:h[aä]ufig|normal|[uü]blich|typisch)",
    r"effetti (?:collaterali|indesiderati) (?:sono )?(?:pi[uù] )?(?:comuni|frequenti|normali|usuali|tipici|abituali)",
    r"efeitos (?:colaterais|secund[aá]rios|adversos) (?:s[aã]o )?(?:mais )?(?:comuns|frequentes|normais|habituais|"
    r"t[ií]picos|esperados)",
]

# "Why does X cause / make / take / fail …" asks how an effect comes about: How it works explains it, so this
# comes before the effect's own cue (a harm, a blood test). Not when the why is about a caution or a check
# ("why must X never be…", "why is X avoided", "why the bloods"), or about what the patient has to do.
_CAUTION_OR_CHECK = r"not|never|avoid\w*|contra-?indicat\w*|monitor\w*|tests?|bloods?"


def _unless(words: str) -> str:
    """A start-of-question guard: none of these words anywhere in it (nor a "n't")."""
    return rf"^(?!.*(?:\b(?:{words})\b|n't\b))"


_GIVEN_BY_A_PERSON = "".join(rf"(?<!{who} )" for who in ("doctor", "gp", "nurse", "pharmacist", "they", "he", "she"))
_WHY_MECHANISM = (
    _unless(_CAUTION_OR_CHECK + r"|dangerous|risky|risks?|testing|levels?|interact\w*")
    + r".*?\bwhy (?:(?:does|do|did|can|could|is|are|would|might) |"
    # without the auxiliary, as English learners often ask: "why the haloperidol make the muscles stiff"
    r"(?=(?:the|this|that|it|my) ))"
    r"(?!(?:i|we|you|he|she|they|patients?|people|my \w+|his \w+|her \w+) (?:have|need|has|must|should|keep)\b)"
    r"(?:[\w'-]+ ){0,6}?(?:caus\w*|makes?|" + _GIVEN_BY_A_PERSON + r"gives? (?:me|you|him|her|them|people|patients)|"
    r"develop\w*|takes? (?:so long|days|weeks|months)|fails?|impair\w*|precipitat\w*|combined|"
    r"given (?:alongside|with)|lead\w*|wash\w* out)\b"
    "|" + _unless(_CAUTION_OR_CHECK) + r".*\bwhy (?:this|that|it) (?:happen\w*|is happening)\b"
)


def _as_typed(word: str) -> str:
    """A cue phrase as people type it: its apostrophes typed curly or left as a space ("cos e", "qu est-ce que"), its
    hyphens as a space or left out ("contre indications", "demi vie"), and the chat spellings of "para" and "que"
    ("pra que serve", "para q sirve")."""
    word = re.sub(r"'\??|-\??", lambda m: "['’ ]?" if m.group(0) == "'?" else "['’ ]" if m.group(0) == "'" else "[- ]?",
                  word)
    word = re.sub(r"(?<![\w\[])para(?= )", "(?:para|pra)", word)
    return re.sub(r"(?<![\w\[])qu(?:e|\[eé\])(?=[ )]|$)", "(?:qu[eé]|q)", word)


# Section cues in the other languages people ask in (Spanish, French, German, Italian, Portuguese): the
# concepts of the English cues below, with and without accents, since many type without them.
_FOREIGN = {key: r"\b(?:" + "|".join(map(_as_typed, words)) + r")\b" for key, words in {
    "how_it_works": [
        r"c[oó]mo (?:funcionan?|act[uú]an?)", r"mecanismos?(?: de acci[oó]n)?", r"vida media", r"farmacocin[eé]tica",
        r"comment (?:agi(?:t|ssent)|fonctionne(?:nt)?|marche(?:nt)?)", r"m[eé]canismes?(?: d'action)?", r"demi-vie", r"pharmacocin[eé]tique",
        r"wie wirk(?:t|en)", r"wirkmechanism(?:us|en)", r"wirkungsweise", r"wirkweise", r"halbwertszeit",
        r"come (?:funziona(?:no)?|agisc(?:e|ono))", r"meccanism[oi](?: d'azione)?", r"emivita",
        r"como (?:funcionam?|agem?|atuam?)", r"meia-vida",
        r"(?:il|elle) agit comment", r"(?:ils|elles) agissent comment",
        # how soon it acts and how long its effect lasts (the English "onset", "how long does it last")
        # (asked with its "how long": "si no me hace efecto" is not about its onset). The cue is the time phrase alone:
        # a drug named before "hacer efecto" stays a drug, not a cue word.
        r"cu[aá]nto (?:tiempo )?tarda(?=(?: \S+){0,3}? en (?:hacer efecto|actuar|funcionar))",
        r"(?:inicio|duraci[oó]n) (?:de )?(?:la )?(?:acci[oó]n|efecto)", r"cu[aá]nto dura (?:el|su) efecto",
        r"(?:d[eé]lai|dur[eé]e) d'action", r"combien de temps(?=(?: \S+){0,4}? (?:fai(?:t|re) effet|agir|agisse))",
        r"au bout de combien de temps", r"dur[eé]e de l'effet", r"dure l'effet",
        r"wie schnell wirkt", r"wirkdauer", r"wirkungseintritt", r"wirkungsdauer",
        r"wie lange (?:wirkt|h[aä]lt (?:die|der|eine?) wirkung)",
        r"(?:quanto tempo|dopo quanto)(?=(?: \S+){0,4}? (?:fa|fare) effetto)", r"durata d(?:ell'|i )(?:azione|effetto)",
        r"dura l'effetto", r"inizio d'azione",
        r"(?:quanto tempo|quant[oa]s (?:minutos|horas|dias|semanas))(?=(?: \S+){0,6}? fa(?:z|zer) efeito)",
        r"dura[cç][aã]o (?:do|de) (?:efeito|a[cç][aã]o)", r"dura o efeito", r"in[ií]cio de a[cç][aã]o",
        # metabolism and elimination, the mode of action, receptors (as the English "pharmacokinetic", "mode of action")
        r"metaboliza\w*", r"metabolismo", r"m[eé]tabolis[eé]e?s?", r"m[eé]tabolisme", r"verstoffwechsel\w*",
        r"stoffwechsel\w*", r"metabolizz\w*",
        r"eliminaci[oó]n", r"elimin(?:a|e|ar|arse|ada|ado)", r"[eé]limination", r"ausscheidung", r"eliminazione",
        r"elimina[cç][aã]o", r"mode d'action", r"modo de acci[oó]n", r"modo d'azione", r"modo de a[cç][aã]o",
        r"wie funktionier(?:t|en)", r"funktionsweise", r"receptor(?:es)?", r"r[eé]cepteurs?", r"rezeptor\w*", r"recettor[ei]",
        # the time course: half-life, onset and duration of action, pharmacokinetics (as "half-life", "wear off")
        r"semivida", r"demi vie", r"meia vida", r"hwz", r"pharmakokinetik",
        r"duraci[oó]n (?:del efecto|de (?:la )?acci[oó]n)", r"inicio de (?:la )?acci[oó]n", r"dur[eé]e d'action",
        r"d[eé]lai d'action", r"wirk(?:ungs)?dauer", r"wirk(?:ungs)?eintritt", r"durata d'azione", r"inizio d'azione",
        r"dura[cç][aã]o (?:do efeito|de a[cç][aã]o)", r"in[ií]cio de a[cç][aã]o",
        # a prodrug and how much is absorbed (as English "prodrug", "bioavailability")
        r"prof[aá]rmacos?", r"prodrogues?", r"prom[eé]dicaments?", r"profarmac[oi]", r"pr[oó]-?f[aá]rmacos?", r"prodrugs?",
        r"biodisponib\w*", r"bioverf[uü]gbarkeit",
    ],
    "monitoring": [
        r"controles?", r"vigilar", r"vigilancia", r"monitori[sz]aci[oó]n", r"an[aá]lisis de sangre", r"anal[ií]ticas?",
        r"an[aá]lises",  # Portuguese tests, as Spanish "análisis"
        r"surveill\w*", r"bilans? (?:sanguins?|biologiques?)", r"prises? de sang", r"analyses? de sang", r"contr[oô]les?",
        r"kontroll\w*", r"[uü]berwach\w*", r"blutwerte", r"\w*untersuchung\w*", r"blutbild", r"laborwerte",
        r"monitoraggio", r"controll[io]", r"esami del sangue", r"analisi del sangue",
        r"monitori[sz]a[cç][aã]o", r"monitorar", r"exames? de sangue", r"controlo",
        # a drug's level in the blood ("niveles de litio", "Talspiegel", "livelli di digossina")
        r"nivel(?:es)?", r"niveaux?", r"(?:tal|blut|serum|plasma)?spiegels?", r"livell[io]", r"n[ií]ve(?:l|is)", r"prelievo",
        # named tests: blood counts, liver and kidney tests, ECG, echo, trough levels, a work-up
        r"hemograma", r"emocromo", r"num[eé]ration", r"leberwerte", r"nierenwerte", r"bilan\w*",
        r"pruebas? (?:hep[aá]ticas?|de funci[oó]n \w+)", r"exames?", r"esami", r"examen(?:es)?", r"analisi",
        r"electrocardiograma", r"[eé]lectrocardiogramme", r"elettrocardiogramma", r"eletrocardiograma", r"ekg",
        r"ecocardiogra\w*", r"[eé]chocardiogra\w*", r"echokardiogra\w*", r"taux", r"r[eé]siduel\w*", r"valle",
        # named blood values and follow-up (as "potassium", "creatinine", "CK", "follow-up", "screening")
        r"potasio", r"potassio", r"pot[aá]ssio", r"kalium", r"kali[eé]mie", r"creatinina", r"kreatinin",
        r"cr[eé]atinin[eé]mie", r"cpk", r"tgo", r"tgp", r"laborkontroll\w*", r"liti?emia", r"lith[eé]mie", r"suivi",
        r"seguimiento", r"cribado", r"d[eé]pistage",
        # checking as a verb, and bone density (as English "check", "bone density", "DEXA")
        r"controllar\w*", r"contr[oô]ler", r"checar", r"\w*densitom[eé]tr\w*", r"densidad [oó]sea", r"densit[eé] osseuse",
        r"knochendichte\w*", r"densit[aà] ossea", r"densidade [oó]ssea",
        # a test by that word (as English "test"): "teste de tuberculose", "test HLA", "pruebas de tiroides", "examens"
        r"tests?", r"teste", r"testes d[eo]", r"pruebas? de", r"examens",
        # imaging and a blood count by their local names, and checking as the other verbs (as English "echo", "FBC",
        # "chest x-ray", "check")
        r"[eé]chographies?", r"ecograf[ií]as?", r"ecografi[ae]", r"ultraschall\w*", r"nfs", r"radiograf[ií]as?",
        r"radiographies?", r"r[oö]ntgen\w*", r"verificar", r"v[eé]rifier", r"verificare", r"[uü]berpr[uü]f\w*",
    ],
    "counselling": [
        r"qu[eé] (?:debe|tiene que|necesita) saber", r"consejos?", r"c[oó]mo (?:se )?(?:toman?|tomar|usan?|aplican?|inyectan?|guardan?|conservan?)",
        r"conseils?", r"que doit savoir", r"comment (?:le |la |les )?prendre", r"comment (?:se )?(?:prend(?:re|nent)?|conserve(?:nt)?|utilise(?:nt)?)",
        r"was (?:muss|soll|sollte) (?:der patient|die patientin|ich) wissen", r"hinweise", r"ratschl[aä]ge",
        r"wie (?:nehme|nimmt) man", r"aufbewahr\w*",
        r"consigli", r"cosa deve sapere", r"come (?:si )?(?:prend(?:e|ono)|assum(?:e|ono)|conserva(?:no)?)", r"come (?:prender|assumer)\w+",
        r"conselhos?", r"orienta[cç][oõ]es", r"o que (?:o paciente )?deve saber", r"como (?:se )?(?:tomam?|tomar|usam?|usar|guardar|conservar)",
        # what to tell or advise the patient (as English "what should patients be told"): "qué recomendar al paciente",
        # "que dire au patient", "cosa dire al paziente", "was sage ich dem Patienten", "o que dizer ao paciente"
        r"(?:decir|digo|decirle|recomendar|recomiendo|explicar|aconsejar|informar)(?:le|les)? (?:al|a la|a los|a las) pacientes?",
        r"(?:dire|dis|expliquer|conseiller|recommander)(?: au| aux| [aà] la) patient(?:e|s|es)?",
        r"(?:dire|dico|spiegare|consigliare|raccomandare)(?: al| alla| ai| alle) pazient[ei]",
        r"(?:sage|sagen|erkl[aä]re|erkl[aä]ren|rate|raten|empfehle|empfehlen) (?:ich |man )?(?:dem|der|den) patient(?:en|in|innen)?",
        r"(?:dizer|digo|explicar|aconselhar|recomendar|orientar)(?: ao| [aà]| aos| [aà]s) pacientes?",
        # with or without food, driving, storage, how to use a device, when to call the doctor
        r"con (?:los )?alimentos", r"en ayunas", r"avec (?:les |des |le )?(?:repas|aliments)",
        r"[aà] jeun", r"pendant (?:les|le) repas", r"(?:vor|nach|zu|mit) dem essen", r"n[uü]chtern(?:e[mnrs]?)?", r"mahlzeit\w*",
        # an empty or a full stomach, however it is put ("stomaco pieno", "estômago vazio", "leerer Magen")
        r"(?:stomaco|est[oó]mago|estomac|barriga) (?:vuoto|pieno|vac[ií]o|lleno|vazio|cheio|vide|plein)",
        r"(?:leere[mnr]?|volle[mnr]?) magen",
        r"(?:prima|dopo|durante) (?:i|il|dei) pasti?", r"a stomaco vuoto", r"em jejum",
        r"(?:com|antes d[ao]s?|depois d[ao]s?) (?:a )?(?:comida|refei[cç][aã]o|refei[cç][oõ]es)",
        # with milk, water or a meal ("con la comida", "con il cibo", "mit dem Essen" too), and getting rid of used
        # patches or pens (as English "with food", "dispose")
        r"(?:com|con|avec|mit|zum|beim|col) (?:o |a |el |la |le |du |de l'|il |l'|dem |der |viel |muita |mucha |"
        r"molta |beaucoup d')?(?:leite|leche|latte|lait|milch|[aá]gua|acqua|eau|wasser|comida|cibo|nourriture|essen)",
        r"bere (?:molta )?acqua", r"beber (?:muita |mucha )?[aá]gua", r"boire (?:beaucoup d')?eau",
        r"entsorg\w*", r"jeter", r"descart\w*", r"smaltir\w*", r"deitar fora", r"tirar a la basura",
        # the sun (as English "sun"): "tomar sol", "al sole", "soleil", "Sonne", sun cream
        r"soleil", r"sonne\w*", r"(?:tomar|pegar|apanhar) (?:o |el )?sol", r"(?:al|ao|au) sole?",
        r"(?:protector|protetor|crema|cr[eè]me) sola(?:r|re|ire)",
        r"conducir", r"manejar", r"conduire", r"autofahren", r"auto fahren", r"fahrt[uü]chtig\w*", r"guidare",
        r"dirigir", r"conservar", r"conserver", r"conservare", r"lagern", r"lagere", r"lagerung", r"frigo\w*",
        r"nevera", r"k[uü]hlschrank", r"geladeira", r"guard[aá]-?l[oa]", r"come (?:si )?usa\w*",
        r"wie (?:wende|wendet|verwende)\w*", r"anwend(?!ungsgebiet)\w*", r"mode d'emploi", r"comment utiliser", r"c[oó]mo (?:se )?usa\w*",
        r"(?:avisar|consultar|llamar) al m[eé]dico", r"(?:consulter|appeler|pr[eé]venir) (?:le |un |son )?m[eé]decin",
        r"zum arzt", r"segnala\w*", r"avvisa\w* il medico", r"(?:procurar|avisar|chamar) o m[eé]dico",
        r"s[ií]ntomas de alarma", r"signes d'alerte", r"warnzeichen", r"sinais de alerta",
        # sick-day rules (as English "sick day")
        r"d[ií]as? de enfermedad", r"jours? de maladie", r"krankheitstag\w*", r"giorni di malattia", r"dias? de doen[cç]a",
        # what the person taking it should do (as English "what should I do"); first person, since "qué hay que
        # hacer" is as often the clinician's checks
        r"que faire", r"qu'est-ce que je (?:dois|peux) faire", r"que dois-je faire",
        r"qu[eé] (?:hago|debo hacer|tengo que hacer|puedo hacer|hacemos)", r"(?:cosa|che) (?:faccio|devo fare|posso fare|facciamo)",
        r"was (?:soll|muss|kann) ich (?:tun|machen)", r"o que (?:eu )?(?:fa[cç]o|devo fazer|tenho (?:de|que) fazer|posso fazer)",
        # ... and what to do, what helps or what to advise, put impersonally as the question's last words (so that "qué
        # hacer con el INR" stays the clinician's), as French "que faire" already was ("sindrome mano-piede, cosa
        # fare", "Übelkeit, was tun?", "Mundtrockenheit, was hilft?")
        r"(?:qu[eé]|cosa|che|o que) (?:hacer|fare|fazer)(?=\W*$)", r"was (?:tun|hilft|hilft dagegen)(?=\W*$)",
        r"(?:qu'est-ce qui|qu[eé]|cosa|che cosa|o que) (?:aide|ayuda|aiuta|ajuda)(?=\W*$)",
        r"(?:que|qu[eé]|cosa|o que) (?:conseiller|aconsejar|recomendar|consigliare|aconselhar)(?=\W*$)",
        *_COMMON_EFFECTS_ABROAD,
    ],
    "evidence": [
        r"ensayos?(?: cl[ií]nicos?)?", r"estudios?", r"evidencia", r"gu[ií]as? cl[ií]nicas?",
        r"essais?(?: cliniques?)?", r"[eé]tudes?", r"preuves", r"recommandations",
        r"studien?", r"evidenz", r"leitlinien?",
        r"studi", r"studio", r"sperimentazion[ei]", r"linee guida",
        r"estudos?", r"ensaios?", r"evid[eê]ncias?", r"diretrizes",
        # how well it works, alone or compared, and its approval
        r"eficacia", r"eficaz", r"efficacit[eé]", r"efficace", r"wirksam\w*", r"efficacia", r"efic[aá]cia",
        r"studienlage", r"zulassung\w*", r"aprobaci[oó]n", r"autorizzazione", r"aprova[cç][aã]o",
        r"comparad[oa]s?", r"compar(?:é|ée|és|ées)", r"im vergleich", r"rispetto a", r"confronto", r"meglio di",
        r"besser als", r"mejor que", r"mieux que", r"melhor que",
        # what guidelines say or recommend (as English "guidelines", "recommend"): the guidelines named without
        # "clinical" ("las guías ESC") and the verb in the third person; not the noun, which is as often advice to
        # give ("¿qué recomendaciones le doy?"), nor the infinitive at the end ("¿qué recomendar?"), Counselling cues
        r"(?:las|nuevas|[uú]ltimas|seg[uú]n(?: las)?) gu[ií]as", r"directrices", r"lignes directrices", r"consensos?",
        r"konsensus\w*", r"recommande(?:nt)?", r"recomienda(?:n)?", r"empfiehlt",
        # (before an article: "raccomandazioni", split as a compound, is the noun)
        r"raccomanda(?:no)?(?= (?:la|il|le|i|gli|lo)\b)", r"recomenda(?:m)?(?= (?:a|o|as|os)\b)",
    ],
    "prescribing": [
        # a contraindication named as a noun or as its participle ("kontraindiziert", "controindicato", "contraindicado")
        r"efectos? (?:secundarios?|adversos?|indeseables?)", r"contraindica\w*", r"interacci[oó]n\w*",
        r"embaraz\w*", r"lactancia", r"riesgos?", r"toxicidad",
        r"effets? (?:secondaires?|ind[eé]sirables?)", r"contre-indication\w*", r"grossesse", r"enceinte", r"allaitement",
        r"risques?", r"toxicit[eé]",
        r"nebenwirkung\w*", r"gegenanzeige\w*", r"kontraindi\w*", r"wechselwirkung\w*", r"schwanger\w*",
        r"stillzeit", r"risiken",
        r"effetti (?:collaterali|indesiderati)", r"controindica\w*", r"interazion[ei]", r"gravidanza", r"incinta",
        r"allattamento", r"rischi",
        r"efeitos? (?:colaterais|adversos|secund[aá]rios)", r"contra-?indica\w*", r"intera[cç][oõ]es", r"gravidez",
        r"gr[aá]vida", r"amamenta[cç][aã]o", r"riscos?",
        # the kidney or liver as a caution ("insuficiencia renal", "Niereninsuffizienz", "fegato")
        r"insufici[eê]ncia \w+", r"insuffisance \w+", r"insufficienza \w+", r"\w*insuffizienz", r"ri[ñn][oó]n(?:es)?",
        r"h[ií]gado", r"f[ií]gado", r"foie", r"nieren?\w*", r"leber\w*", r"fegato",
        # interacting, danger, the elderly, alcohol (as the English cues)
        r"interag\w*", r"peligros\w*", r"dangereu\w*", r"gef[aä]hrlich\w*", r"pericolos\w*", r"perigos\w*",
        r"ancianos", r"personnes [aâ]g[eé]es", r"(?:ä|ae)ltere\w*", r"anziani", r"idosos", r"alcool", r"alkohol",
        r"[aá]lcool", r"contre-indiqu[eé]e?s?",
        # what to avoid (as English "avoid")
        r"[eé]vit(?:er|ar|are|ez|e|a|ado|ada|ati|ato)", r"vermeid\w*",
    ],
    "overview": [
        r"para qu[eé] (?:se usan?|sirven?|se utilizan?|es|son|se toman?|se recetan?)", r"qu[eé] es (?:el|la)", r"qu[eé] son (?:los|las)", r"indicaciones",
        r"[aà] quoi (?:[cç]a |cela |il |elle |ils |elles )?sert(?:ent)?", r"qu'est-ce que", r"c'est quoi", r"indications?",
        r"wof[uü]r", r"wozu", r"was (?:ist|sind)", r"indikation\w*",
        r"a (?:cosa|che) serv(?:e|ono)", r"che cos'?[eè]", r"indicazion[ei]",
        r"para que (?:servem?|[eé] usad[oa]|s[aã]o usad[oa]s|se usam?)", r"o que [eé]", r"o que s[aã]o", r"indica[cç][oõ]es",
        # what it is used for and what kind of medicine it is (as "used for", "what type of")
        r"per (?:cosa|che cosa) si usa(?:no)?", r"cos'[eè]", r"cosa sono", r"wofuer", r"pour quel(?:le)?s? (?:maladie|probl[eè]me)s?",
        r"qu[eé] tipo de (?:medicamento|f[aá]rmaco)", r"quel type de m[eé]dicament", r"was f[uü]r ein",
        r"che tipo di (?:farmaco|medicinale)", r"que tipo de (?:medicamento|rem[eé]dio)",
        r"(?:est|est[aá]|[eè]|ist|[eé]) indicad[oa]", r"(?<!contre.)indiqu[eé]e?", r"indicato", r"indiziert",
        r"(?:se usan?|sirven?|utilizad[oa]s?|usad[oa]s?) para", r"utilis[eé]e?s? pour", r"usat[oaie] per", r"eingesetzt",
        # "Anwendungsgebiete" (areas of use) are the indications, not how to use it
        r"anwendungsgebiet\w*",
        # "what it is" in other word orders: "ce qu'est l'Opdivo", "X cosa è", "c'est pour quoi", "à propos du X"
        r"ce qu'est", r"cosa [eè]", r"c'est pour quoi", r"^[aà] propos d[eu]s?",
        # the verb first, as people type it: "serve pra que?", "sirve para qué", "ça sert à quoi", "serve a cosa"
        r"(?:sirve|serve|sert) (?:para|pra|[aà]|a) (?:qu[eé]|q|quoi|cosa|che)",
        # which illnesses it treats or is used for (as English "what does X treat", "for which … is it used")
        r"(?:welche|was f[uü]r) (?:\w+ )?(?:krankheit|erkrankung|infektion|beschwerde)\w* (?:\w+ ){0,2}?(?:behandelt|therapiert)",
        r"was behandelt man (?:damit|mit)", r"wogegen",
        r"per (?:quali|quale|che) (?:malattie|malattia|patologie|disturbi|problemi|infezioni) (?:si )?"
        r"(?:usa|utilizza|prescrive|impiega)", r"cosa cura",
        r"para (?:qu[eé]|que) (?:enfermedades|infecciones|problemas|doen[cç]as|infec[cç][oõ]es) (?:se )?"
        r"(?:usa|utiliza|receta|[eé] usad[oa])",
        r"en qu[eé] (?:casos|enfermedades) se (?:usa|utiliza|receta|indica)", r"qu[eé] (?:enfermedades|infecciones) trata",
        r"(?:em )?que (?:doen[cç]as|infec[cç][oõ]es) (?:trata|cura|se usa|[eé] usad[oa])",
        r"dans quels? (?:cas|maladies) (?:on )?(?:l'|le |la )?(?:utilise|prescri\w*)", r"que soigne",
    ],
}.items()}
# The drug named inside the phrase, as in English "how does X work": "como o tamoxifeno atua", "was Donepezil ist".
# Apart from the others, since the words between are not cue words (foreign_cue_words): they may be the drug's name.
_FOREIGN_AROUND_NAME = {key: r"\b(?:" + "|".join(words) + r")\b" for key, words in {
    "how_it_works": [r"c[oó]mo (?:\S+ ){1,3}?(?:funciona[mn]?|act[uú]an?|agem?|atuam?)",
                     r"come (?:\S+ ){1,3}?(?:funziona(?:no)?|agisc(?:e|ono))",
                     r"comment (?:\S+ ){1,3}?(?:agi(?:t|ssent)|fonctionne(?:nt)?|marche(?:nt)?)"],
    "overview": [r"was (?:\S+ ){1,3}?ist"],
}.items()}
# Asking why, in the five languages, as English "why does X cause …" (_WHY_MECHANISM): How it works explains how an
# effect comes about. The weakest of their cues, so a caution, a check or advice named beside it wins. As in English,
# not when the why is about a caution, a check or what the patient must do ("warum darf ich es nicht absetzen",
# "pourquoi faut-il le prendre à jeun", "perché devo fare gli esami"). Not Spanish "porque": that is "because".
_WHY_NOT_MECHANISM = (
    r"nicht|kein\w*|nie|pas|jamais|non|no|n[aã]o|nunca|mai|evit\w*|[eé]vit\w*|vermeid\w*|interdit\w*|verboten|"
    r"contr[ae]-?indi\w*|kontraindi\w*|controindic\w*|muss\w*|soll\w*|darf|d[uü]rfen|brauch\w*|dev[eoi]|dois|doit|"
    r"faut|hay que|tengo que|tiene que|tenho que|preciso|bisogna|kontroll\w*|control\w*|esami|an[aá]lisis|exames?|"
    r"spiegel\w*|niveaux?|livell\w*|nivel\w*|tests?|teste|pruebas?|examens?")
_FOREIGN_WHY = r"\b(?:pourquoi|warum|wieso|weshalb|perch[eé]|por qu[eé]|porque [eé] que)\b"
# Anywhere in the question, before the why as well as after it ("quels antidépresseurs faut-il éviter et pourquoi"):
# _set_aside checks it, since the cue's match must stay the why word alone (its words are not read as a drug).
_WHY_NOT_MECHANISM_RX = GatedPattern(rf"\b(?:{_WHY_NOT_MECHANISM})\b")
# Which class or kind of medicine it is, as English "what class", "what kind of".
_FOREIGN_KIND = (r"\b(?:clase|classe|klasse|wirkstoffgruppe|wirkstoffklasse|medikamentengruppe|gruppo di farmaci|"
                 r"grupo de (?:f[aá]rmacos|medicamentos)|famille de m[eé]dicaments|ist (?:\S+ ){1,2}?eine?|"
                 # "is it a Y or a Z?" in the Romance languages ("¿es un antidepresivo o un antipsicótico?"). Only with
                 # its "or": "è un effetto normale?" asks about an effect, and "é uma gota por dia ou duas?" for a dose.
                 r"(?:es|est|c'est|[eè]|é) (?:un|una|une|um|uma) [\w-]+ (?:o|ou|oppure) (?:un|una|une|um|uma|es|est|[eè]|é) [\w-]+)\b")
# The person taking it asking what they should watch for or report ("¿qué síntomas debo vigilar?", "worauf muss ich
# achten", "quali sintomi devo segnalare"), as English "what should I watch out for". Counselling, though the watching
# verb alone ("vigilar", "surveiller") is also the clinician's word for monitoring: the first person makes it the
# patient's own watching.
_FOREIGN_WATCHING = (
    r"\b(?:debo|tengo que|necesito|devo|dovrei|dois|preciso|tenho (?:de|que)|je dois|dois-je|dois je|muss ich|ich muss|"
    r"sollte ich|soll ich)\b(?: [\w'-]+){0,2}? (?:vigilar|vigiar|surveiller|tenere d'occhio|fare attenzione|"
    r"faire attention|achten|aufpassen|prestar atenci[oó]n|prestar aten[cç][aã]o|ficar atent[oa]|estar atent[oa]|"
    r"segnalare|signaler|avisar|melden|reportar|comunicar)\b")
_FOREIGN_PATTERNS = frozenset([*_FOREIGN.values(), *_FOREIGN_AROUND_NAME.values(), _FOREIGN_WHY, _FOREIGN_KIND,
                               _FOREIGN_WATCHING, _EXPERIENCED_FOREIGN])


# When in the day to take it, asked as a choice or a move between two times ("at night instead of the morning",
# "morgens oder abends", "tomar à noite ou de manhã", "what time of day"): administration, answered in Counselling
# (how the labelled questions of this kind are labelled), and not a dose question (DOSE_POLICY.md). A time named
# alone ("20 mg at night?") may confirm a regimen and is not read here.
_PART_OF_DAY = (r"(?:(?:in |at |during )?the )?(?:mornings?|evenings?|night-?time|nights?|bedtime|daytime|lunchtime|"
                r"breakfast|ma[nñ]ana|noche|d[ií]a|matin|soir|coucher|mattin[ao]|sera|manh[aã]|noite|morgens|abends|"
                r"fr[uü]h|nachts|mittags)")
TIME_OF_DAY = (rf"\b(?:at |in |by |de |por |la |le |di |alla |pela |à |a |au )?(?:la |le |l' ?|the )?{_PART_OF_DAY} "
               rf"(?:or|vs\.?|versus|instead of|rather than|o|ou|oder|statt|anstatt|plut[oô]t que|en vez de|en lugar de|"
               rf"invece (?:che|di)|em vez de|au lieu de)(?: (?:at|in|by|de|por|la|le|di|alla|pela|à|a|au|el|à la))?"
               rf"(?: (?:la|le|l'|the))? ?{_PART_OF_DAY}\b"
               r"|\b(?:move|moved|moving|switch|switched|switching|change|changed|changing|swap|swapped|shift|shifted)"
               r"(?: (?:it|them|(?:my|his|her|the|their)(?: [\w-]+){1,3}?))?(?: (?:dose|injection|tablets?|pills?))? (?:over )?"
               r"(?:to|into) (?:the )?(?:mornings?|evenings?|nights?|bedtime|night-?time|daytime|lunchtime)\b"
               r"|\b(?:what|which|best|right|ideal|recommended) time of (?:the )?day\b|\btime of day\b"
               r"|\bbest time (?:of (?:the )?day )?to (?:take|give|have|use|inject)\b"
               r"|\b(?:zu welcher tageszeit|um wie ?viel uhr|[aà] quelle heure|a qu[eé] hora|a che ora|a que horas?|"
               r"em que hor[aá]rio|qual (?:o )?melhor hor[aá]rio|in che momento della giornata|[aà] quel moment de la journ[eé]e|"
               r"en qu[eé] momento del d[ií]a)\b")

# Another medicine raising or lowering the drug's level or INR, in the other languages (the English is in the first
# Prescribing cues below): "faire monter l'INR", "sube los niveles", "alza i livelli", "erhöht den Spiegel", "aumenta o
# INR".
_RAISES_ABROAD = (
    r"\b(?:faire|fait|font) (?:monter|baisser|augmenter|diminuer) (?:l['’ ]?inr|les? taux|les? niveaux?|la concentration)\b"
    r"|\b(?:sube|suben|subir|aumenta|aumentan|aumentar|baja|bajan|bajar) (?:el inr|el nivel|los niveles|la concentraci[oó]n)\b"
    r"|\b(?:alza|alzano|alzare|aumenta|aumentano|aumentare|abbassa|abbassano) (?:l['’ ]?inr|il livello|i livelli|la concentrazione)\b"
    r"|\b(?:erh[oö]ht|erh[oö]hen|steigert|steigern|senkt|senken) (?:den|die) (?:inr|\w*spiegel|konzentration)\b"
    r"|\b(?:aumenta|aumentam|sobe|sobem|baixa|baixam) (?:o inr|o n[ií]vel|os n[ií]veis|a concentra[cç][aã]o)\b"
)

# Another medicine lowering how well the drug works is an interaction too, as its level is: not a question of how well
# it works in trials, which "efficacy" alone asks ("does paroxetine reduce the efficacy of tamoxifen?", "l'oméprazole
# diminue-t-il l'efficacité du clopidogrel ?", "el Adiro pierde efecto si lo tomo con Nolotil").
_GAP = r"(?:-[\w-]+)?(?: [\w'’-]+){0,3}?"  # an inverted subject between verb and object ("diminue-t-il", "vermindert Omeprazol die")
_LOWERS_EFFICACY = (
    r"\b(?:reduce|reduces|reducing|lower|lowers|lowering|decrease|decreases|decreasing|diminish\w*|weaken\w*|impair\w*|"
    r"cancel\w*(?: out)?|counteract\w*|interfere with|interferes with) (?:(?:its|the|their|his|her|my|your|[\w-]+) ){0,3}?"
    r"(?:efficacy|effectiveness)\b"
    r"|\b(?:diminue|diminuent|diminuer|r[eé]duit|r[eé]duisent|r[eé]duire|baisse|baissent|baisser|affaiblit|annule|annulent|"
    r"annuler|coupe|coupent|couper)" + _GAP + r" (?:l['’ ]?|les? |la |son |sa |ses )?(?:efficacit[eé]|effets?)\b"
    r"|\b(?:reduce|reducen|reducir|disminuye|disminuyen|disminuir|corta|cortan|cortar|quita|quitan|anula|anulan|anular|"
    r"pierde|pierden|perder)" + _GAP + r" (?:la |el |su |sus |los )?(?:eficacia|efectos?)\b"
    r"|\b(?:vermindert|vermindern|verringert|verringern|reduziert|reduzieren|schw[aä]cht|schw[aä]chen|hebt|heben|"
    r"beeintr[aä]chtigt|beeintr[aä]chtigen|mindert|mindern)" + _GAP + r" (?:die |deren |dessen |seine |ihre )?(?:wirksamkeit|wirkung)\b"
    r"|\b(?:riduce|riducono|ridurre|diminuisce|diminuiscono|diminuire|annulla|annullano|annullare|toglie|tolgono|perde|"
    r"perdono|perdere)" + _GAP + r" (?:l['’ ]?|la |il |gli |i )?(?:efficacia|effett[oi])\b"
    r"|\b(?:reduz|reduzem|reduzir|diminui|diminuem|diminuir|corta|cortam|cortar|anula|anulam|anular|perde|perdem|"
    r"perder)" + _GAP + r" (?:a |o |os |sua |seu )?(?:efic[aá]cia|efeitos?)\b"
)

# In priority order: when a question matches several, the more specific intent comes first.
_INTENTS: list[tuple[str, GatedPattern]] = [(key, GatedPattern(rx)) for key, rx in [
    ("how_it_works", _WHY_MECHANISM),
    # Reversing a drug's effect, or its antidote, is in Prescribing ("what to do about toxicity or reversal"), though
    # "how do you reverse X" reads like a mechanism question; a drug that itself reverses another ("how does naloxone
    # reverse opioids") is asked about its mechanism.
    ("prescribing", r"\brevers(?:al|el)\b|\bantidot\w*|\breversed\b|\b(?:you|we|i|to) reverse\b"),
    # Asking for the mechanism by name outranks the topic it is asked about ("by what mechanism does X raise potassium").
    ("how_it_works", r"\bmechanis(?:ms?|tic|tically)\b|\bmech\b|\bmoa\b|\bmode of action\b"),
    # Another medicine raising or lowering the drug's level or INR, or lowering its efficacy, is an interaction, whatever
    # the level's checks ("will the nsaid push the lithium level up?", "le paracétamol peut faire monter l'INR ?").
    ("prescribing", r"\b(?:push|pushes|pushing|raise|raises|raising|increase|increases|boost|boosts|reduce|reduces|lower|lowers) (?:(?:its|the|their|his|her|[\w-]+) ){1,3}?(?:levels?|concentrations?|inr|antiplatelet effect|effect of)\b|" + _RAISES_ABROAD + "|" + _LOWERS_EFFICACY + r"|\binteract\w*|\bcontra-?indicat\w*|\bc/?is?\b|\badrs?\b|\bddis?\b"),
    ("overview", r"^(?!(?:\s*[\w-]+)?\s*(?:and |&amp; )?(?:monitoring|evidence|advice|counsel\w*|interactions?|side|risks?|contra\w*|mechanism|trials?|guidance|guidelines?|bloods?|tests?|data|nice|warnings?|cautions?|dose|doses|dosing)\b)\s*[\w-]+(?: [\w-]+)? for (?!how\b|what\b|a \d|\d)[\w' -]+\??\s*$|\b(?:used|prescribed|given|taken|indicated|licensed) for\b|\bwhat (?:is|are) (?:the )?(?!(?:the )?(?:evidence|data|trials?|guidance|mechanism|risks?|rationale|reason|advice))[\w-]+(?: [\w-]+)? (?:used )?for\b|\bwhat'?s [\w-]+ for\b|\bwhat is the \w+ (?:i'?ve|i have) been given for\b|\bwhat (?:does|do) [\w-]+(?: [\w-]+)? treat\b|\bwhen (?:is|are|would|should|do) (?:[\w-]+ ){1,3}?(?:used|given|prescribed|indicated|started|needed)\b|\bmeant for\b|\b(?:what|which|in which|for which|in what|for what) (?:[\w-]+ ){0,2}(?:is|are) (?:[\w/-]+ ){1,3}?(?:used|given|licensed|prescribed|indicated|approved)\b|\bwhat (?:exactly|actually) is\b|\bhow (?:is|are) (?:it|they|[\w-]+(?: [\w-]+)?) (?:given|administered)\b|\broute of administration\b|\bwhat (?:it'?s|is it) for\b|\bfor what (?:(?:reason|illness|illnesses|disease|diseases|problem|problems|condition|conditions|purpose)\b|(?:it|is it|this|they|the \w+) (?:is |are )?(?:used|for|given|give|giving)\b)|\bwhat means\b|\bindications?\b|\binds?\b"),
    ("monitoring", r"\bmonitor\w*|\bbloods\b|\bblood (?:tests?|work|counts?|levels?)\b|\blfts?\b|\bu&es?\b|\bfbc\b|\binr\b|\btdm\b|\btrough\w*|\blevels?\b|\becgs?\b|\bcheck(?:s|ed|ing)?\b|\bfollow[- ]up\b|\bsurveillance\b|\bscreen(?:ing)?\b|\btest(?:s|ed|ing)?\b|\bbaseline\b|\bk\+|\bpotassium\b|\bcreatinine\b|\belectrolytes\b|\btfts?\b|\bcxr\b|\bchest x-?ray\b|\bck\b|\becho\w*|\banti-?xa\b|\baptt\b|\bdpd\b|\bhla\b|\bbone density\b|\bdexa\b|\bdxa\b|\bbmd\b|\beye exam\w*|\bophthalm\w*|\bretinal\b|\bhba1c\b|\blipids?\b|\bweigh(?:t|ing)? (?:and|checks)\b|\btpmt\b|\bg6pd\b|\bhla-?b?\b|\bgenotyp\w*|\bpharmacogen\w*|\bpre-?treatment\b|\bblood pressure checks?\b|\bspirometry\b|\bpulse\b"),
    ("how_it_works", r"\bstays? in (?:your|the|my|his|her) (?:system|body)\b|\b(?:effects?|action) of\b[^?]*\b(?:persist|stay|last|remain)s?\b[^?]*\bafter\b|\bwear\w* off\b|\bhow long does (?:it|[\w-]+) last\b|\bwhy (?:does|do|can|is|are|would)\b[^?]*\b(?:develop\w*|tolerance|toxic|happen\w*|relief|falsely|mask\w*|resistan\w*|take (?:days|weeks|months))\b|\bpk\b|\bpd\b|\bpharmacokinetic\w*|\bt1/2\b|\bt½|\bmechanism\w*|\bmech\b|\bmoa\b|\bmode of action\b|\bpharmacolog\w*|\bpharmacodynamic\w*|\bhow (?:it|they|[\w-]+) works?\b|\bhow (?:(?:it|they|[\w-]+(?: [\w-]+)?) )?(?:is|are) (?:working|acting|lowering|reducing|killing|helping|blocking|treating|protecting|raising|increasing)\b|\bwork(?:s|ing)? (?:the same way|in the same way|differently|alike)\b|\bsame mechanism\b|\bhow (?:the|this|that) [\w-]+(?: [\w-]+)? (?:work|works|working|act|acts|acting)\b|\bis how (?:it )?(?:work|act)\w*|\bworks? by\b|\bhow (?:does|do|did|can|could) (?:[\w'-]+ ){1,6}?(?:work|kill|prevent|lower|reduce|raise|increase|help|reverse|treat|stop|block|act|improve|protect|slow|control|target|fight|shrink|relieve|ease|dissolve|thin|lead|open|damage|relax|widen|dilate|bind|break|enter|cross|clear)\w*|\bwhat does [\w-]+ (?:target|bind|block|inhibit)\b|\bwhy does [\w-]+(?: [\w-]+)? (?:cause|lead|lower|raise|increase|reduce)\b|\bhow (?:is|are) [\w-]+ different from\b|\breceptor\w*|\btargets?\b|\bhalf[- ]?life\b|\bpro-?drugs?\b|\bbioavailab\w*"),
    ("counselling", _EXPERIENCED),
    ("counselling", TIME_OF_DAY),
    ("counselling", _EXPERIENCED_FOREIGN),
    ("counselling", _COMMON_EFFECTS),
    ("counselling", r"\bcounsel\w*|\b(?:be|being) told\b|\bwhat (?:should|do|can|must) (?:[\w-]+ ){1,5}?do\b|\btell (?:the |a |my )?(?:patients?|them|him|her|parents?|carers?|people|someone)\b|\bpatients? (?:be )?told\b|\bwhat (?:do|should) i tell\b|\badvi[cs]e\b|\bpatient (?:info\w*|leaflet|education)\b|\bwhat should (?:i|they|patients?|she|he|you) (?:know|report|avoid|look out|watch)\b|\bwhat (?:(?:the|a|my|our|your|his|her) )?(?:patients?|carers?|parents?|people|they|i|we|you|he|she) (?:should|must|need to|needs to|has to|have to|ought to) (?:know|report|avoid|look out|watch|be aware)\b|\bwatch out\b|\blook out for\b|\bhow (?:should|do|does|to|can|is|are|am|must)\b[^?]{0,40}?\b(?:take|taken|use|used|inject\w*|appl(?:y|ied)|stored?|inhale\w*|swallow\w*)\b|\bwhen to (?:take|seek)\b|\breport\b|\bwith food\b|\bempty stomach\b|\bcrush\w*|\bdriv(?:e|ing)\b|\bsick day\w*|\bwhat to expect\b|\bstor(?:e|age|ing)\b|\bfridge\b|\bsafety[- ]net\w*|\bstarting\b|\bsun\w*\b|\bwarning signs?\b|\bsigns (?:of|to)\b|\bsymptoms (?:of|to)\b|\bhow long (?:does|do|will|until|before|till)\b[^?]*\b(?:work\w*|effect|kick)\b|\bstart working\b|\bkick in\b|\bheat\b|\bsauna\b|\bhot bath\b|\binhaler technique\b|\brinse\b|\bmeals?\b|\bfoods?\b|\bdiet\w*|\beat(?:ing)?\b|\bprotein\b|\bis (?:that|this|it) normal\b"),
    ("evidence", r"\bevidence\b|\btrials?\b|\bstud(?:y|ies)\b|\bnice\b|\bguidelines?\b|\bguidance\b|\bdata\b|\boutcomes?\b|\bapprov\w*|\blicen[cs]\w*|\bta\d+|\bng\d+|\bmeta-?analys\w*|\brct\b|\blandmark\b|\bfda\b|\bpublished\b|\bmortality\b|\bsurvival\b|\bbenefit\w*|\befficacy\b|\bfirst[- ]line\b|\brecommend\w*|\bnnt\b|\bshowed\b|\bproven\b|\bkeynote\b|\bcheckmate\b"),
    ("prescribing", r"\b(?:" + _HARMS + r")\b|\binteract\w*|\binterfere\w*|\bcontra-?indicat\w*|\bci\b|\bcaution\w*|\bpregnan\w*|\bbreast-?feed\w*|\blactation\b|\bboxed\b|\bblack box\b|\bsafe\w*|\bprescrib\w*|\brenal\b|\bkidneys?\b|\bhepatic\b|\bliver\b|\belderly\b|\bolder (?:people|patients|adults)\b|\bwarnings?\b|\bcyp\w*|\bcombin\w*|\btogether\b|\balcohol\b|\bgrapefruit\b|\bavoid\w*|\bproblems?\b|\begfr\b|\bcrcl\b|\bcut-?off\b|\bthreshold\b|\bsurgery\b|\boperation\b|\bprocedure\b|\b(?:stop(?:ped|ping|s)?|hold|held|holding|withh[oe]ld\w*|omit\w*|paus\w*|interrupt\w*) (?:[\w-]+ ){0,3}?before (?:a |an |the |my |his |her |their )?(?:[\w-]+ ){0,2}?(?:replacement|extraction|scan|op|anaesthetic|anesthetic|colonoscopy|endoscopy|biopsy|contrast|angiogram|cataract|implant|delivery|labou?r|c-?section|caesarean|cesarean)s?\b|\bdental\b|\bthe pill\b|\bcontracepti\w*|\bif (?:i|you|he|she|they) (?:have|has|had|am|are|is)\b|\bin (?:people|patients|someone|those|men|women|children) with\b|\bshould(?:n'?t| not)\b|\bcan(?:'?t|not) (?:be )?(?:used|given|taken)\b|\bhow likely\b|\bchance of\b|\bincidence\b|\bwho (?:is|are) at risk\b|\bnever\b|\bintrathecal\w*|\bin (?:[\w-]+ ){0,2}(?:disease|dz|failure|impairment|insufficiency|syndrome|asthma|copd|epilepsy|glaucoma|ckd|aki)\b|\baffect(?:s)? (?:your|my|the|his|her)\b"),
    ("overview", r"\bwhat is\b|\bwhat are\b|\bwhat'?s\b|\buses?\b|\btell me about\b|\boverview\b|\btreat(?:s|ed|ment)?\b|\bwho (?:gets|needs|should get)\b|\bwhy (?:is|are|would) [\w-]+ (?:given|prescribed|used)\b|\bsummary\b|\bexplain\b|\bwhat (?:does|do) [\w-]+(?: \w+)? do\b|\bwhat kind of\b|\bwhat type of\b|\bwhat class\b"),
    # The same cues in Spanish, French, German, Italian and Portuguese, as people ask in their own language.
    ("how_it_works", _FOREIGN["how_it_works"]),
    ("counselling", _FOREIGN_WATCHING),
    ("monitoring", _FOREIGN["monitoring"]),
    ("counselling", _FOREIGN["counselling"]),
    ("evidence", _FOREIGN["evidence"]),
    ("prescribing", _FOREIGN["prescribing"]),
    ("overview", _FOREIGN["overview"]),
    ("how_it_works", _FOREIGN_AROUND_NAME["how_it_works"]),
    ("overview", _FOREIGN_AROUND_NAME["overview"]),
    ("overview", _FOREIGN_KIND),
    ("how_it_works", _FOREIGN_WHY),
    # Weak cues, used only when nothing stronger matched.
    ("evidence", r"\bvs\.?\b|\bversus\b|\bcompared?\b|\bcomparison\b|\bbetter\b|\bsuperior\b"),
    # A person speaking about themselves: counselling if nothing stronger matched.
    ("counselling", r"\bcan i\b|\bshould i\b|\bi'?m (?:on|taking)\b|\bi'?ve been\b|\bmy (?:mum|dad|mother|father|doctor|gp|husband|wife|son|daughter)\b"),
]]

_EXPERIENCED_PATTERNS = frozenset([_EXPERIENCED, _EXPERIENCED_FOREIGN])
_COMMON_EFFECTS_RX = GatedPattern(rf"{_COMMON_EFFECTS}|\b(?:{'|'.join(map(_as_typed, _COMMON_EFFECTS_ABROAD))})\b")
_EXPERIENCED_GATED = [rx for _, rx in _INTENTS if rx.pattern in _EXPERIENCED_PATTERNS]
_FOREIGN_GATED_KEYS = [(key, rx) for key, rx in _INTENTS if rx.pattern in _FOREIGN.values()]
_FOREIGN_GATED = [rx for _, rx in _FOREIGN_GATED_KEYS]

# The words people most often misspell when naming what they want ("side efects", "withdrawl", "interactons"):
# a typed word within one or two edits of one of these reads as it. Ordinary English words are never changed.
CUE_WORDS = (
    "effects", "adverse", "withdrawal", "interactions", "interaction", "interact", "monitoring", "monitor",
    "contraindications", "contraindicated", "pregnancy", "pregnant", "breastfeeding", "mechanism", "evidence",
    "guidelines", "guideline", "counselling", "indications", "indication", "toxicity", "warnings", "trials",
    "pharmacology", "interacts", "cautions", "overdose", "storage",
)
_ABBREVIATIONS = {"ix": "interactions", "ddi": "interactions", "s/e": "side effects", "ses": "side effects",
                  "tox": "toxicity",
                  "moa": "mechanism", "ci": "contraindications", "cis": "contraindications"}


def _spelled(question: str) -> str:
    from rapidfuzz import process
    from rapidfuzz.distance import DamerauLevenshtein

    from clincalc_search.drugs import english_words

    english = english_words()
    words = question.casefold().split()
    out = []
    for word in words:
        bare = word.strip("?,.!:;")
        if bare in _ABBREVIATIONS:
            word = _ABBREVIATIONS[bare]
        elif len(bare) >= 5 and bare not in english:
            best = process.extractOne(bare, CUE_WORDS, scorer=DamerauLevenshtein.normalized_similarity,
                                      score_cutoff=0.8)
            word = best[0] if best else word
        out.append(word)
    return " ".join(out)


def section_cues(question: str, strong_only: bool = False) -> dict[str, str]:
    """Sections the question asks for, strongest first, each with the words that asked for it."""
    return {key: words for key, words, strong, _ in _section_cues(question) if strong or not strong_only}


def cued_in_another_language(question: str) -> frozenset[str]:
    """Sections the question asks for in Spanish, French, German, Italian or Portuguese ("Spiegel", "à quoi sert")."""
    return frozenset(key for key, _, _, foreign in _section_cues(question) if foreign)


@lru_cache(maxsize=4096)
def _section_cues(question: str) -> tuple[tuple[str, str, bool, bool], ...]:
    # The dose guard and the engine ask about the same question and its parts several times, for all cues and
    # for strong ones: read it once. The weak cues come last, so a section a strong cue found is never weak.
    # The other languages' cues read the question as typed: spelling correction would make "effets" "effects".
    spelled, typed = _spelled(question), question.casefold()
    found: dict[str, tuple[str, bool, bool]] = {}
    strong_count = len(_INTENTS) - 2
    skipped = _set_aside(typed)
    experienced = ""
    for n, (key, rx) in enumerate(_INTENTS):
        foreign = rx.pattern in _FOREIGN_PATTERNS
        if key in found or rx.pattern in skipped:
            continue
        if m := rx.search(typed if foreign else spelled):
            found[key] = (m.group(0).strip(), n < strong_count, foreign)
            experienced = experienced or (m.group(0).strip() if rx.pattern in _EXPERIENCED_PATTERNS else "")
    found = _compound_heads(found) if found else _compound_cue(typed)
    # An English cue word inside a longer cue of another language ("indications" in "contre indications"), or inside
    # an effect the person has had ("wear off" in "does it wear off?"), is part of that phrase, not a request of its own.
    phrases = [words for words, _, foreign in found.values() if foreign] + ([experienced] if experienced else [])
    found = {key: cue for key, cue in found.items() if cue[2] or not any(
        cue[0] != words and re.search(rf"\b{re.escape(cue[0])}\b", words) for words in phrases)}
    return tuple((key, words, strong, foreign) for key, (words, strong, foreign) in found.items())


def _compound_cue(typed: str) -> dict[str, tuple[str, bool, bool]]:
    """A cue word inside a compound, as German writes them ("Digoxinspiegel", "Blutdruckkontrolle",
    "Leitlinienempfehlung"): for a question no cue matched, each long word that is not English is tried split in two."""
    from clincalc_search.drugs import english_words

    english = english_words()
    # Letters only, and no longer than a real compound: each split is a new text for the gates to read, so a
    # 2,000-character run of digits or letters split at every place took seconds.
    for word in re.findall(r"\b[^\W\d_]{10,50}\b", typed):
        if word in english:
            continue
        for i in range(5, len(word) - 4):  # both parts five letters or more: "hypo|kaliémie" is no compound
            split = f"{word[:i]} {word[i:]}"
            for key, rx in _FOREIGN_GATED_KEYS:
                if m := rx.search(split):
                    return {key: (m.group(0).strip(), False, True)}  # weak: a guess at where the word splits
    return {}


def _compound_heads(found: dict[str, tuple[str, bool, bool]]) -> dict[str, tuple[str, bool, bool]]:
    """A cue that matched a whole compound by its first part ("Stoffwechselkontrollen", metabolic checks, read as
    "Stoffwechsel"): a German compound is the kind of thing its last part names, so when that part is another
    section's cue word, the compound asks for that section, in the same place among the cues. Only when the first
    part is a cue word by itself: "Kontra|indikationen" is not a kind of indication."""
    out: dict[str, tuple[str, bool, bool]] = {}
    for key, (words, strong, foreign) in found.items():
        head = _head_cue(key, words) if foreign and len(words) >= 10 and words.isalpha() else None
        if head is not None:
            key, words = head
        # A section another cue asked for first keeps its place; the compound no longer asks for its first part.
        out.setdefault(key, (words, strong, foreign))
    return out


def _head_cue(key: str, word: str) -> tuple[str, str] | None:
    """Another section whose cue is the word's longest last part of five letters or more, with that part, when
    the rest of the word is a cue of `key` by itself."""
    def whole(rx: GatedPattern, part: str) -> bool:
        return bool((m := rx.search(part)) and m.start() == 0 and m.end() == len(part))

    for i in range(5, len(word) - 4):
        head = [(other, word[i:]) for other, rx in _FOREIGN_GATED_KEYS if whole(rx, word[i:])]
        if head:
            first = any(whole(rx, word[:i]) for k, rx in _FOREIGN_GATED_KEYS if k == key)
            return head[0] if first and head[0][0] != key else None
    return None


def _set_aside(typed: str) -> frozenset[str]:
    """The patterns the rest of the question sets aside: an effect the person has had, when the question asks why or
    about tests (How it works or Monitoring answers it); another language's why, when a caution, a check or an
    obligation stands anywhere in the question."""
    skipped = set(_EXPERIENCED_PATTERNS) if _WHY_OR_TESTS.search(typed) else set()
    if _WHY_NOT_MECHANISM_RX.search(typed):
        skipped.add(_FOREIGN_WHY)
    return frozenset(skipped)


def describes_experience(question: str) -> bool:
    """Whether the question tells of an effect the person has had and asks if it is normal, the medicine, or will
    settle, in any of the six languages: the cue _section_cues reads as Counselling (the same patterns, set aside
    the same way). The section model reads it apart from the other Counselling cues (driving, storage, food)."""
    typed = question.casefold()
    skipped = _set_aside(typed)
    return any(rx.search(typed) for rx in _EXPERIENCED_GATED if rx.pattern not in skipped)


def asks_common_effects(question: str) -> bool:
    """Whether the question asks which side effects are common or to be expected, in any of the six languages (the
    Counselling cue _COMMON_EFFECTS and its translations)."""
    return _COMMON_EFFECTS_RX.search(question.casefold()) is not None


def intent_words(question: str) -> list[str]:
    """Every phrase in the question that any intent pattern reads as asking for a section."""
    text = question.casefold()
    return [m.group(0) for _, rx in _INTENTS for m in rx.finditer(text)]


def foreign_cue_words(question: str) -> frozenset[str]:
    """The words of the other languages' section cues in the question ("à quoi sert", "come funziona"): they ask for a
    section, so none of them is shorthand for a drug ("sert" is not sertraline)."""
    text = question.casefold()
    return frozenset(w for rx in _FOREIGN_GATED for m in rx.finditer(text) for w in re.findall(r"[\w'-]+", m.group(0)))


def section_intents(question: str, strong_only: bool = False) -> list[str]:
    """Sections the question asks for, strongest first; empty when it names none."""
    return list(section_cues(question, strong_only))
