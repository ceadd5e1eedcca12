"""Toponym mentions: named places with spans and a precision hint.

Sources: spaCy entities (GPE, LOC, FAC) and patterns that catch what NER misses or mislabels
(transliterated names such as ``al-Mukhtareyah`` after "in", "near", "including", or before
"province", "district", "countryside"). Nothing is resolved to coordinates here; that is the
geocoder's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reckon.extract.nlp import Ent

_NAME_WORD = r"(?:[A-Z][\w'’.-]*[\w]|[A-Z])"
_CONNECT = r"(?:al|el|ez|ad|as|ash|at|az|an|ar|du|de|del|des|la|le|bin|ibn|bani|abu|um|umm|wadi|tal|tel|ras|deir|bir)"
_NAME = rf"(?:(?:{_CONNECT}-)?{_NAME_WORD}(?:(?:\s|-)(?:{_CONNECT}(?:\s|-))?{_NAME_WORD}){{0,3}})"
_PREP = (
    r"(?:in|near|outside|at|into|toward|towards|from|around|across|including|of|to|over|"
    r"between|and|on|hit|struck|shelled|raided|captured|seized|recaptured|retook|stormed|overran|"
    r"attacked|bombed|entered|besieged)"
)
_PLACE_AFTER_PREP = re.compile(
    rf"(?<![\w-]){_PREP}\s+(?:the\s+)?(?:(?:rural|northern|southern|eastern|western|central|"
    rf"north-eastern|north-western|south-eastern|south-western|greater|downtown|old|"
    rf"(?:state |provincial |regional |district )?capital,?)\s+)?({_NAME})"
)
_ADMIN_SUFFIX = re.compile(
    r"\s+(province|governorate|state|State|region|district|territory|county|department|"
    r"oblast|cercle|locality|countryside|local government area|LGA|municipality|prefecture|"
    r"township|tehsil|commune|sub-district|subdistrict|woreda|upazila|"
    r"division|zone|valley|neighbou?rhood|area|city|town|camp|port|dam|square|market)\b"
)
_ADMIN_BEFORE = re.compile(
    rf"(?<![\w-])(?:the\s+)?(?:town|village|city|district|province|region|governorate|"
    rf"neighbou?rhood|port|camp|county|state|department|area)\s+of\s+({_NAME})"
)
_POSSESSIVE = re.compile(
    rf"({_NAME})['’]s\s+(?:[\w-]+\s+){{0,3}}?(?:district|neighbou?rhood|"
    rf"area|square|quarter|port|outskirts|suburb|countryside|province)"
)
_INCLUDING = re.compile(rf"(?:including|such as)\s+({_NAME})(?:\s+and\s+({_NAME}))?")

_NEAR = re.compile(
    r"(?:near|outside|outskirts of|on the edge of|edge of|close to|around|countryside of|"
    r"(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|"
    r"northwest|southeast|southwest)(?:ern)? (?:of|outskirts of)|hills (?:\w+ ){0,3}of|"
    r"a village (?:\w+ ){0,2}(?:of|near)|villages (?:\w+ ){0,2}(?:of|near)|"
    r"(?:edge|edges|fringes|entrance) of)\s+(?:the\s+)?(?:town of |city of |village of )?$",
    re.IGNORECASE,
)

_STOP = {
    "The",
    "A",
    "An",
    "On",
    "In",
    "At",
    "By",
    "It",
    "He",
    "She",
    "They",
    "We",
    "His",
    "Her",
    "Their",
    "Its",
    "This",
    "That",
    "These",
    "Those",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Mr",
    "Ms",
    "President",
    "Prime",
    "Minister",
    "UN",
    "United Nations",
    "Reuters",
    "AFP",
    "AP",
    "But",
    "And",
    "Or",
    "When",
    "After",
    "Before",
    "As",
    "Hours",
    "Late",
    "Earlier",
    "Overnight",
    "Security",
    "Government",
    "Police",
    "Army",
    "State",
    "Residents",
    "Officials",
    "Local",
    "Islamic State",
    "Gunmen",
    "Separately",
    "Meanwhile",
    "According",
    "Several",
    "Two",
    "Three",
    "Four",
    "Five",
    "Many",
    "Some",
    "Most",
    "Both",
    "Each",
    "No",
    "Authorities",
    "Sunni",
    "Shia",
    "Alawite",
    "Druze",
    "Christians",
    "Muslims",
    "Kurdish",
    "Arab",
    "Bedouin",
    "Israeli",
    "Russian",
    "Syrian",
    "Ukrainian",
    "Sudanese",
    "Somali",
    "Iraqi",
    "Lebanese",
    "Interior",
    "Defence",
    "Defense",
    "Ministry",
    "Health",
    "Civil",
    "Defence Forces",
    "General Security",
    "National Guard",
    "Rapid Support Forces",
    "Joint Forces",
    "Syrian Democratic Forces",
    "Allied Democratic Forces",
    "Israel Defense Forces",
    "Hezbollah",
    "Hamas",
    "Houthis",
    "Houthi",
    "RSF",
    "SDF",
    "JNIM",
    "ADF",
    "CODECO",
    "ELN",
    "FARC",
    "M23",
    "SAF",
    "SSPDF",
    "FAMa",
    "Asayish",
    "Fano",
    "TTP",
    "Taliban",
    "Wazalendo",
    "Boko Haram",
    "Islamic",
    "Jihadist",
    "Terrorist",
    "Terrorists",
    "Takfiri",
    "Western",
    "United",
    "Al-Qaeda",
    "al-Qaeda",
    "Al-Qaida",
    "Qaeda",
    "Sunday Mass",
    "Christmas",
    "Ramadan",
    "Eid",
    "God",
    "Allah",
    # platforms and outlets named where something was posted or said
    "Facebook",
    "Twitter",
    "X",
    "Telegram",
    "WhatsApp",
    "YouTube",
    "Instagram",
    "TikTok",
    "Google",
    "Xinhua",
    "Anadolu",
    "Al Jazeera",
    "BBC",
    "CNN",
    # demonyms used alone ("the American was killed")
    "American",
    "Americans",
    "British",
    "French",
    "German",
    "Chinese",
    "Turkish",
    "Iranian",
    "Afghan",
    "Pakistani",
    "Nigerian",
    "Malian",
    "Congolese",
    "Ethiopian",
    "Yemeni",
    "Palestinian",
    "Palestinians",
    "Israelis",
    "European",
    "African",
}
_STOP_LOWER = {s.lower() for s in _STOP}
_ORG_WORDS = re.compile(
    r"\b(?:Forces|Army|Ministry|Council|Committee|Office|Agency|Front|Movement|Party|Group|"
    r"Brigade|Battalion|Corps|Command|Mission|Directorate|Network|Observatory|Union|"
    r"Government|Authority|Court|Police|Guard|Commission|Organi[sz]ation|Cross|Crescent|"
    r"Radio|News|Times|Post|Monitor|Daily|Report|Service|Services|Bank|Company|Festival|"
    r"University|School|Hospital|Church|Mosque|TV|Television|Air|Airways|Airlines|Helmets|"
    r"Inquiry|Investigation|Strikes?|Attacks?|Members|Weapons|Rights|Conference|Summit|Talks|Club|"
    r"Center|Centre|International|Watch|Foundation|Institute|Association|Federation|Alliance|"
    r"Coalition|Assembly|Parliament|Senate|Congress|Initiative|Project|Fund|Programme|Program)\b"
)
# "Britain-based Syrian Observatory", "US-led coalition": a place used as a modifier
_MODIFIER_AFTER = re.compile(
    r"-(?:based|led|backed|held|controlled|run|allied|aligned|funded|sponsored|brokered|"
    r"born|made|style|registered|headquartered|linked|affiliated)\b"
)
# "IS-held Syria", "rebel-held Idlib": the control prefix is no part of the name
_CONTROL_PREFIX = re.compile(
    r"^[\w]+-(?:held|controlled|run|besieged|dominated|occupied|backed)\s+|^pro-|"
    r"^(?:IS|ISIS|ISIL|US|UN|EU|SOHR)\s+(?=[A-Z])"
)
# report furniture that runs on after a name in run-together headlines ("Syria AFP Thursday")
_TRAILING_JUNK = re.compile(
    r"\s+(?:AFP|AP|Reuters|Monitor|Observatory|Thursday|Friday|Saturday|Sunday|Monday|"
    r"Tuesday|Wednesday|Tags|Updated|Posted|Published|Photo|Video|New|Live|Source|Kills?|"
    r"Killed|After|As|Show|Shows|Says|Amid)\b.*$|\s+[A-Z]{3,}\b.*$"
)
_DEMONYM_START = re.compile(r"^[A-Z][a-z]+(?:ian|ese|ish|ean)\s+[A-Z]")
# ... and one that ends a run-on name ("in the Salah al-Din district of Aleppo Syrian state
# television reported"): the name stops before it
_DEMONYM_END = re.compile(
    r"\s+(?:[A-Z][a-z]+(?:ian|ians|ese|ish)|Iraqi|Yemeni|Israeli|Pakistani|Somali|Afghan|"
    r"Saudi|Emirati|Qatari|Kuwaiti)$"
)


_LOC_BEFORE = re.compile(
    r"\b(?:in|near|outside|into|at|town of|city of|village of|outskirts of|edge of|"
    r"rural|district of|province of)\s+$"
)
_CONNECTED = re.compile(rf"^{_CONNECT}-[A-Z]")
_IDENTITY_ADJ = re.compile(
    r"-(?:dominant|majority|minority|led|backed|held|controlled|run|aligned|based|populated|"
    r"speaking)$|"
    r"^(?:Military|Government|Operation|Claims|End)\b|"
    # peoples and communities: "leaders from Dogon and Fulani villages"
    r"^(?:Dogon|Fulani|Peul|Hausa|Bambara|Tuareg|Songhai|Hema|Lendu|Nuer|Dinka|Murle|Shilluk|"
    r"Misseriya|Masalit|Zaghawa|Fur|Oromo|Tigrayan|Kurdish|Yazidi|Druze|Alawite|"
    r"Rohingya|Baloch|Pashtun|Hazara|Uyghur|Igbo|Yoruba|Tiv|Berom|Kikuyu|"
    r"Kalenjin|Luo|Bedouin|Kuki|Meitei)$"
)


def _group_name(name: str) -> bool:
    from reckon.extract.actors import is_group_name

    return is_group_name(name)


_NOT_PLACE_AFTER = re.compile(
    r"\s+(?:movement|party|group|front|forces|militia|militias|coalition|brigade|army|"
    r"border|government|authorities|military|troops|police|side|fighters|"
    r"rebels|people|community|communities|leaders?|officials?|media|rockets?|missiles?|"
    r"launchers?|rifles?)\b(?! of\b)"
)
# the name of an institution or a group, not a place: "the Ministry of Information said",
# "Islamic State West Africa Province"
_INSTITUTION_BEFORE = re.compile(
    r"(?:\b(?:Ministry|Ministers?|Department|Office|Bureau|Institute|Council|Court|Secretary|"
    r"Commission|Agency|Directorate|Chamber|Academy|Museum|Party|Movement|Union|League)\s+"
    r"(?:of|for)\s+(?:the\s+)?|\b(?:Islamic State|IS|ISIS|ISIL)\s+(?:in\s+(?:the\s+)?)?)$"
)
# where a source sits is not where the event happened: "the defence ministry in Moscow said"
_SOURCE_SEAT_BEFORE = re.compile(
    r"\b(?:ministry|officials?|spokesm[ae]n|spokeswoman|spokesperson|office|headquarters|"
    r"agency|embassy|correspondents?|reporters?|journalists?|diplomats?|envoys?|monitor)\s+"
    r"(?:in|based in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SPEECH_AFTER = re.compile(
    r"(?:,?\s+(?:on\s+)?\w+)?,?\s+(?:said|says|reported|told|announced|stated|added|claimed)\b"
)
# a capital standing for its government when it is the subject: "Washington said", "Moscow is
# leading" (not "villages near Monywa said")
_METONYM_AFTER = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:said|says|reported|announced|accused|denied|claimed|"
    r"insisted|warned|urged|blamed|condemned|wants|demanded|is leading|leads|vowed|pledged|"
    r"rejected|welcomed)\b"
)
# ... or when the text names it as a government: "the regime in Damascus", "US blames
# Damascus", "anti-Damascus propaganda", "accused Moscow of"; "a group banned in Russia" tells
# of a law, not a place
_METONYM_BEFORE = re.compile(
    r"(?:\b(?:regime|government|authorities|leadership|rulers)\s+in\s+|\b(?:anti|pro)-|"
    r"\b(?:banned|outlawed|prohibited|illegal)\s+in\s+|"
    r"\b(?:blames?|blamed|accus(?:es|ed|e)|urge[sd]?|warn(?:s|ed)?|pressed|presses|condemn(?:s|ed)?|"
    r"sanction(?:s|ed)?|punish(?:es|ed|ing)?)\s+|"
    # "31 of 40 drones launched by Russia": the state that acted
    r"\b(?:launched|fired|sent|supplied|backed|supported|operated|deployed|carried out|"
    r"claimed|ordered)\s+by\s+)$",
    re.IGNORECASE,
)
# "Syrian", "Lebanese", "Iraqi", "Afghan" (not "Ituri", "Balochistan", "Isfahan": places
# that end the same way)
_DEMONYM = re.compile(
    r"^(?:[A-Z][a-z]+(?:ish|ian|ean|ese)|Iraqi|Yemeni|Israeli|Pakistani|Somali|Afghani|Saudi|"
    r"Emirati|Qatari|Kuwaiti|Omani|Bahraini|Bangladeshi|Nepali|Azerbaijani|Burundi|Malawi|Thai|"
    r"Afghan|American|Mexican|African|Moroccan|Cuban|Dominican|Kenyan|Ugandan|Rwandan|Libyan|"
    r"Angolan|Venezuelan|Tibetan|Mozambican|Sri Lankan|Nigerien)$"
)
_DEMONYM_AFTER = re.compile(r"\s+(?:city|town|village|capital|port|province|region)\b")


_TITLED = re.compile(
    r"(?:President|Prime Minister|Minister|minister|leader|commander|General|Gen\.|Colonel|"
    r"Sheikh|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|spokesman|spokeswoman|envoy|Governor|King|Emir|Imam|"
    r"Bishop|Father|Pope|Secretary-General)\s+([A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|"
    r"(?:al|el|ad|as|ash|bin|ibn|abu|bint)-[\w'’-]+)){0,3})"
)


@lru_cache(maxsize=16)
def _titled_names(text: str) -> frozenset[str]:
    """Full names and surnames that follow a title anywhere in the text."""
    out: set[str] = set()
    for m in _TITLED.finditer(text):
        name = m.group(1)
        out.add(name)
        last = name.split()[-1]
        out.add(last)
        if "-" in last:
            out.add(last.split("-", 1)[1])
    return frozenset(out)


def _person_like(name: str, text: str) -> bool:
    """A name the report uses for a person: a titled full name (former President Bashar
    al-Assad) or a part of one (Assad)."""
    return name in _titled_names(text)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    name: str
    kind: str  # "place" | "district" | "region" | "country"
    precision: int  # 1 town, 2 near / district, 3 region or larger
    source: str  # "ner" | "pattern"


_COUNTRIES = {
    "Syria",
    "Sudan",
    "South Sudan",
    "Somalia",
    "Mali",
    "Nigeria",
    "Niger",
    "Burkina Faso",
    "Ukraine",
    "Russia",
    "Yemen",
    "Iraq",
    "Iran",
    "Israel",
    "Lebanon",
    "Gaza",
    "West Bank",
    "Afghanistan",
    "Pakistan",
    "India",
    "Myanmar",
    "Ethiopia",
    "Kenya",
    "Uganda",
    "Congo",
    "DR Congo",
    "Democratic Republic of Congo",
    "Libya",
    "Egypt",
    "Mexico",
    "Colombia",
    "Cameroon",
    "Chad",
    "Mozambique",
    "Turkey",
    "Jordan",
    "Palestine",
    "the United States",
    "United States",
    "US",
    "Europe",
    "Africa",
    "Middle East",
    "Sahel",
    "Darfur",
    "Kurdistan",
}

_REGION_WORDS = re.compile(
    r"^(?:province|governorate|state|State|region|department|oblast|countryside|valley|zone|"
    r"prefecture|division)$"
)
_DISTRICT_WORDS = re.compile(
    r"^(?:district|territory|county|cercle|locality|local government area|LGA|municipality|"
    r"township|tehsil|commune|sub-district|subdistrict|woreda|upazila)$"
)


def _clean_name(text: str, a: int, b: int) -> tuple[int, int] | None:
    name = text[a:b]
    # strip trailing possessive/punctuation
    while b > a and text[b - 1] in ".,;:'’-":
        b -= 1
    name = text[a:b]
    if not name or name in _STOP or name.lower() in _STOP_LOWER:
        return None
    first = name.split()[0]
    if first in _STOP and len(name.split()) == 1:
        return None
    if _ORG_WORDS.search(name):
        return None
    if name.isupper() and len(name) <= 5:  # acronyms are mostly groups (RSF, SDF, IS)
        return None
    return a, b


def _kind_after(text: str, b: int) -> tuple[str, int]:
    m = _ADMIN_SUFFIX.match(text, b)
    if not m:
        return "place", 1
    word = m.group(1)
    if _REGION_WORDS.match(word):
        return "region", 3
    if _DISTRICT_WORDS.match(word):
        return "district", 2
    return "place", 1


# (not "district": "Kherson's Dniprovskyi district" is a part of the city, which stays the place)
_ADMIN_WORD_AFTER = re.compile(
    r"\s+(?:province|state|county|region|governorate|township|department|territory|"
    r"prefecture|oblast)\b"
)
_CONTAINER_AFTER = re.compile(
    r"['’]s\s+(?:[a-z]+\s+){0,2}(?:[A-Z][\w'’-]+\s+){1,3}(?:district|province|state|county|"
    r"region|governorate|township|department|territory|prefecture|oblast|zone|division)\b"
)


def _bare_possessive(text: str, name: str, a: int, b: int) -> tuple[str, int, int]:
    """Possessives whose apostrophe was stripped ("Syrias Idlib province", "Aleppos Old City",
    "Homss"): a name word ending in "s" whose stem is a known country, or a name the text
    also uses on its own, is that name's possessive."""
    words = list(re.finditer(r"\S+", name))
    for i, w in enumerate(words):
        tok = w.group(0)
        if len(tok) < 4 or not tok.endswith("s"):
            continue
        stem = tok[:-1]
        if stem not in _COUNTRIES and not _standalone(text, stem):
            continue
        if i + 1 < len(words):
            # "Syrias Idlib": the possessor is context, the rest is the place
            if stem in _COUNTRIES:
                na = a + words[i + 1].start()
                return text[na:b], na, b
            nb = a + w.end() - 1
            return text[a:nb], a, nb
        nb = a + w.end() - 1
        return text[a:nb], a, nb
    return name, a, b


@lru_cache(maxsize=16)
def _standalone_names(text: str) -> frozenset[str]:
    return frozenset(
        m.group(0) for m in re.finditer(r"(?<![\w'’-])[A-Z][\w-]{2,}(?![\w'’-])", text)
    )


def _standalone(text: str, stem: str) -> bool:
    """Does ``stem`` occur as a word of its own (not followed by "s") in the text?"""
    return stem in _standalone_names(text)


@lru_cache(maxsize=16)
def _lower_words(text: str) -> frozenset[str]:
    """Words the text writes in lower case ("clashes", "ambush", "hours")."""
    return frozenset(re.findall(r"(?<![\w'’-])[a-z]+(?![\w'’-])", text))


_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands dozen dozens""".split()
)
# words that end many place names and that texts also write in lower case: kept
_GEO_TAIL = frozenset(
    """city strip bank sea heights valley mountains mountain hills hill river lake coast island
    islands desert plain plains gulf bay falls springs park dam airport airbase base bridge
    crossing camp square road highway street port harbour harbor border checkpoint prison
    market mosque hospital quarter district neighbourhood neighborhood province governorate
    region state county territory department oblast countryside area zone village town township
    settlement""".split()
)


def _plain(word: str, lower: frozenset[str]) -> bool:
    w = word.lower()
    return w.isalpha() and (w in lower or w in _NUMBER_WORDS)


def _trim_plain_words(text: str, name: str, a: int, b: int) -> tuple[str, int, int]:
    """Drop the words at the end of a name that the text also writes in lower case ("Daraya
    hours", "Adra Ambush", "Damascus Suburb"); a name made of such words only is no name
    ("Clashes", "Car Bomb Blast", "Fierce Fighting"). A place's own last word (City, Strip,
    Bank, Valley) stays."""
    lower = _lower_words(text)
    words = list(re.finditer(r"\S+", name))
    if not words:
        return name, a, b
    n = len(words)
    while n > 0 and _plain(words[n - 1].group(), lower):
        if n > 1 and words[n - 1].group().lower() in _GEO_TAIL:
            break
        n -= 1
    if n == len(words):
        return name, a, b
    if n == 0:
        return "", a, a
    nb = a + words[n - 1].end()
    return text[a:nb], a, nb


def find_places(
    text: str, start: int, end: int, ents: list[Ent] | None = None
) -> list[PlaceMention]:
    """Toponym mentions in ``text[start:end]`` (absolute offsets), sorted, non-overlapping."""
    cands: dict[tuple[int, int], str] = {}
    for e in ents or []:
        if e.start >= start and e.end <= end and e.label in ("GPE", "LOC", "FAC"):
            a, b = e.start, e.end
            if text[a : a + 4].lower() == "the ":
                a += 4
            cands[(a, b)] = "ner"
    seg_pats = (_PLACE_AFTER_PREP, _ADMIN_BEFORE, _POSSESSIVE, _INCLUDING)
    for pat in seg_pats:
        for m in pat.finditer(text, start, end):
            for g in range(1, (m.lastindex or 0) + 1):
                if m.group(g):
                    cands.setdefault((m.start(g), m.end(g)), "pattern")
    # names before an admin word: "Djugu territory", "Bannu district"
    for m in re.finditer(
        rf"({_NAME})(?=\s+(?:province|governorate|district|territory|county|"
        rf"region|department|oblast|countryside|local government area|"
        rf"neighbou?rhood|cercle|locality|township|tehsil|commune|woreda|upazila)\b)",
        text[start:end],
    ):
        cands.setdefault((start + m.start(1), start + m.end(1)), "pattern")
    out: list[PlaceMention] = []
    for (a, b), src in sorted(cands.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        ab = _clean_name(text, a, b)
        if ab is None:
            continue
        a, b = ab
        name = text[a:b]
        if _MODIFIER_AFTER.match(text, b):
            continue
        cm = _CONTROL_PREFIX.match(name)
        if cm:
            a += cm.end()
            name = text[a:b]
        jm = _TRAILING_JUNK.search(name) if not name.isupper() else None  # "PORT SUDAN"
        if jm:
            b = a + jm.start()
            name = text[a:b]
        if not name or _DEMONYM_START.match(name):
            continue  # "Syrian Strikes": a headline's title case, not a place
        dm = _DEMONYM_END.search(name)
        if dm:
            b = a + dm.start()
            name = text[a:b]
        name, a, b = _bare_possessive(text, name, a, b)
        if not name:
            continue
        # "Kherson's Dniprovskyi district": the city is the place
        pos_m = re.search(r"['’]s\b", name)
        possessor = False
        if pos_m and pos_m.start() > 0:
            rest = name[pos_m.end() :].strip()
            if rest and (name[: pos_m.start()] in _COUNTRIES or _ADMIN_WORD_AFTER.match(text, b)):
                # "Burkina Faso's Soum province", "Myanmar's Rakhine state": the possessed
                a = b - len(rest)
                name = rest
            else:
                b = a + pos_m.start()
                name = name[: pos_m.start()]
                possessor = True
        # strip leading "Syria's" style possessive country prefixes
        pm = re.match(r"((?:[\w-]+ ){0,2}[\w-]+)['’]s\s+", name)
        if pm and pm.group(1) in _COUNTRIES:
            a += pm.end()
            name = text[a:b]
            if not name:
                continue
        # headline words in title case run on after a name or stand alone for one ("Adra
        # Ambush", "Daraya hours", "Car Bomb Blast", "Clashes")
        name, a, b = _trim_plain_words(text, name, a, b)
        if not name:
            continue
        # trailing admin word inside the entity ("Sweida province")
        tm = re.search(
            r"\s+(province|governorate|state|State|region|district|territory|"
            r"county|department|oblast|city|town)$",
            name,
        )
        kind, prec = _kind_after(text, b)
        if tm:
            word = tm.group(1)
            b = a + tm.start()
            name = text[a:b]
            if _REGION_WORDS.match(word):
                kind, prec = "region", 3
            elif _DISTRICT_WORDS.match(word):
                kind, prec = "district", 2
        if not name or name in _STOP:
            continue
        if kind == "place" and not possessor and _CONTAINER_AFTER.match(text, b):
            # "Kashmir's Kupwara district", "Manipur's Bishnupur district": the possessor is the
            # area the named place lies in
            kind, prec = "region", 3
        if name in _COUNTRIES:
            kind, prec = "country", 3
        before = text[max(start, a - 60) : a]
        if prec == 1 and _NEAR.search(before):
            prec = 2
        if src == "pattern" and not (name[:1].isupper() or _CONNECTED.match(name)):
            continue
        if (
            _group_name(name)
            or _IDENTITY_ADJ.search(name)
            or _person_like(name, text)
            or _NOT_PLACE_AFTER.match(text, b)
            or _INSTITUTION_BEFORE.search(text, max(0, a - 40), a)
            or re.match(r"(?:Islamic State|ISIS|ISIL)\b", name)
            or (
                _SOURCE_SEAT_BEFORE.search(text[max(0, a - 40) : a])
                and _SPEECH_AFTER.match(text, b)
            )
            or _METONYM_BEFORE.search(text, max(0, a - 30), a)
            or (
                _METONYM_AFTER.match(text, b)
                and not re.search(r"\b[a-z]+\s*$", text[max(0, a - 20) : a])
            )
            or (_DEMONYM.match(name) and _DEMONYM_AFTER.match(text, b))
        ):
            continue
        out.append(PlaceMention(a, b, name, kind, prec, src))
    out.sort(key=lambda p: (p.start, -p.end))
    dedup: list[PlaceMention] = []
    for p in out:
        if dedup and p.start < dedup[-1].end:
            continue
        dedup.append(p)
    return dedup


_DATELINE_AFTER = re.compile(
    r"\s*(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\b|"
    r"\s*\((?:Reuters|AFP|AP|Xinhua|dpa|ANI|IANS|PTI|UNI|SANA|Anadolu)\)|\s+[-–—]\s)"
)
_DATELINE_BEFORE = re.compile(
    r"(?:^|\n)\W{0,3}(?:[A-Za-z]+\s+){0,4}(?:\d{1,2}-\d{1,2}-\d{4}|[A-Z][a-z]{2,8}\s+\d{1,2}"
    r"\s*,?\s*\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})\s+$"
)


def dateline_places(text: str, places: list[PlaceMention]) -> set[tuple[int, int]]:
    """Places that only say where a report was filed: "KHARTOUM, June 20 (Reuters) -" at the
    start of a paragraph, or a city right after a page's date ("Jan 20 2015 Beirut ...")."""
    out: set[tuple[int, int]] = set()
    for p in places:
        line_start = text.rfind("\n", 0, p.start) + 1
        head = text[line_start : p.start]
        if not head.strip() and _DATELINE_AFTER.match(text, p.end):
            out.add((p.start, p.end))
        elif p.start - line_start < 120 and _DATELINE_BEFORE.search(text[line_start : p.start]):
            out.add((p.start, p.end))
    return out


def choose_location(places: list[PlaceMention], text: str) -> PlaceMention | None:
    """The place an incident happened at, from the places of its clause(s).

    Prefers a town or village over a district, a district over a province, and a province over
    a country; a named neighbourhood of a named city yields the city.
    """
    if not places:
        return None
    rank = {"place": 0, "district": 1, "region": 2, "country": 3}
    best: PlaceMention | None = None
    for p in places:
        if best is None or rank[p.kind] < rank[best.kind]:
            best = p
    assert best is not None
    # "the X neighbourhood of Y" / "X district, Y": prefer the city Y that follows closely
    after = text[best.end : best.end + 40]
    if re.match(r"\s+(?:neighbou?rhood|district|area|quarter)\s+of\s+", after) or re.match(
        r"\s+district,\s+", after
    ):
        for p in places:
            if p.start > best.end and p.start - best.end < 40 and p.kind == "place":
                return p
    return best
