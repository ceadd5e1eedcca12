"""Actor noun phrases with ACLED actor types.

Actors are found from a lexicon of head nouns ("gunmen", "troops", "protesters", "villagers")
with their modifiers ("RSF fighters", "Syrian army units", "unknown men"), and from a list of
named armed groups. Each phrase gets one of ACLED's eight actor types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reckon.extract import heads
from reckon.lexicon import groups_in, load_words

_F = re.IGNORECASE

# Named groups and forces -> ACLED actor type.
_NAMED: list[tuple[str, str]] = [
    (r"Rapid Support Forces|RSF", "Rebel group"),
    (r"Syrian Democratic Forces(?: \(SDF\))?|SDF", "Rebel group"),
    (r"al-Shabaab|al-Shabab|Al-Shabaab|Shabaab", "Rebel group"),
    (r"JNIM|ISWAP|Boko Haram|Ansaru", "Rebel group"),
    (r"Islamic State(?: \(IS\))?|ISIS|ISIL|Daesh", "Rebel group"),
    (r"Houthis?|Ansar Allah", "Rebel group"),
    (r"Hezbollah|Hamas|Islamic Jihad|Hayat Tahrir al-Sham|HTS", "Rebel group"),
    (r"M23|AFC/M23|ADF|Allied Democratic Forces", "Rebel group"),
    (r"Pakistani Taliban(?: \(TTP\))?|TTP|Tehreek-e-Taliban Pakistan", "Rebel group"),
    # the Afghan Taliban: a rebel group until they took Kabul (see ``taliban_type``)
    (r"(?:Afghan )?Taliban", "Rebel group"),
    (
        r"ELN|FARC(?: dissidents)?|Estado Mayor Central|Clan del Golfo|Comuneros del Sur",
        "Rebel group",
    ),
    (r"Arakan Army|AA|People's Defen[cs]e Forces?|PDF|Kachin Independence Army|KIA", "Rebel group"),
    (
        r"[Aa]l-Qaeda|[Aa]l-Qaida|Jabhat al-Nusra|(?:al-)?Nusra Front|al-Nusra|Ahrar al-Sham|"
        r"Free Syrian Army|FSA|Jaish al-Islam|Jaish al-Fatah",
        "Rebel group",
    ),
    (r"Asayish|PKK|YPG|Joint Forces|SPLM-N|SPLA-IO|Polisario", "Rebel group"),
    (r"Tigray Defense Forces|TPLF|OLA|Oromo Liberation Army", "Rebel group"),
    # "the Balochistan Liberation Army", "the National Resistance Front": named insurgencies
    (
        r"(?:[A-Z][\w'’-]+ ){1,3}(?:Liberation|Revolutionary|Resistance|Salvation|Independence)"
        r" (?:Army|Front|Forces|Movement)|BLA",
        "Rebel group",
    ),
    (
        r"CJTF|Civilian Joint Task Force|Fano|CODECO|Wazalendo|Mai-Mai|Mai Mai|Imbonerakure|Amhara militias?",
        "Political militia",
    ),
    (
        r"SAF|Sudanese Armed Forces|SSPDF|FAMa|FARDC|SNA|Somali National Army|Tatmadaw",
        "State forces",
    ),
    (
        r"General Security|National Guard|Asayish police|Iraqi counter-terrorism forces",
        "State forces",
    ),
    (
        r"Wagner|Africa Corps|AMISOM|ATMIS|AUSSOM|MONUSCO|UNIFIL|KFOR|NATO|"
        r"(?:UN |African Union |AU )?peacekeepers",
        "External/Other forces",
    ),
    (r"US Africa Command|AFRICOM|CENTCOM|US-led coalition|the coalition", "External/Other forces"),
]
_NAMED_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<g{i}>{p})" for i, (p, _) in enumerate(_NAMED)) + r")(?![\w-])"
)


# Identity groups (communities) that make armed men an identity militia.
def is_group_name(name: str) -> bool:
    """Is ``name`` (or its start) a known armed group or force ("Comuneros del Sur", "RSF")?"""
    m = _NAMED_RE.match(name)
    return bool(m and m.end() >= len(name) - 1)


# Community words (data: ``communities.txt``) that make armed men an identity militia.
_IDENTITY = "|".join(
    re.escape(w) for w in sorted(load_words("communities.txt"), key=len, reverse=True)
)
_IDENTITY_RE = re.compile(r"\b(?:" + _IDENTITY + r")\b", re.IGNORECASE)


_TALIBAN = re.compile(r"(?<!Pakistani )\bTaliban\b(?! Pakistan)")
KABUL_FELL = "2021-08-15"


def taliban_type(text: str, atype: str, day: str | None) -> str:
    """The Afghan Taliban are a rebel group before 15 August 2021 and Afghanistan's state
    forces from then on, as ACLED codes them; other actors keep ``atype``."""
    if day is None or not _TALIBAN.search(text):
        return atype
    return "State forces" if day >= KABUL_FELL else "Rebel group"


def identity_group(phrase: str) -> bool:
    """Does the phrase name an ethnic, tribal, sectarian or herding community ("Fulani herders")?"""
    return bool(_IDENTITY_RE.search(phrase))


_FOREIGN = (
    r"Israeli|Israel's|Russian|Russia's|US|U\.S\.|American|Turkish|Turkey's|Iranian|Ugandan|"
    r"Rwandan|Burundian|Kenyan|French|British|Emirati|Saudi|Saudi-led|coalition|UN|"
    r"African Union|AU|international|foreign|Wagner|Chadian|Eritrean|Coalition"
)
_STATE_MOD = (
    r"government|govt|state|army|military|junta|regime|national|federal|Syrian|Iraqi|"
    r"Somali|Sudanese|Malian|Nigerian|Congolese|Ukrainian|Pakistani|Afghan|Lebanese|Yemeni|"
    r"Burkinabe|Ethiopian|Libyan|Colombian|Mexican|Myanmar|Egyptian|Cameroonian|Nigerien|"
    r"Mozambican|Indian|security|police|riot|interior ministry|counter-terrorism|"
    r"SAF|SSPDF|FAMa|FARDC"
)

# Head nouns -> default type: the data file ``actor_heads.tsv`` (see ``reckon.extract.heads``).
_HEAD_RE = heads.lexicon().pattern

# an instrument's owner among its modifiers ("Israeli warplanes", "army artillery", "rebel
# mortars"): the owner is the actor; a bare instrument ("a drone", "artillery") is none
_OWNER = re.compile(
    r"\b(?:" + _FOREIGN + "|" + _STATE_MOD + r"|rebels?|insurgents?|militants?|jihadists?|"
    r"militias?|separatists?|guerrillas?|enemy|hostile|pro-government|government-aligned|"
    r"[\w-]+-(?:led|backed|held|aligned|controlled))\b",
    _F,
)

_MOD_WORD = re.compile(
    r"(?:[A-Z][\w'’.-]*|unknown|unidentified|armed|masked|suspected|local|rival|allied|"
    r"government-aligned|pro-government|government|army|state|security|tribal|military|"
    r"jihadist|junta|riot|morality|interior|counter-terrorism|internal|special|federal|"
    r"national|plainclothes|displaced|angry|young|elderly|female|male|foreign|two|three|four|"
    r"five|six|seven|eight|nine|ten|dozens|hundreds|several|\d+|of|from|the|forces|"
    r"aligned|loyal|backed|led|opposition|resistance|anti-government|Islamist|rebel|"
    r"clan|armed\s+forces|civil|council|port|farm|contract|ruling|aid|humanitarian|health|"
    r"medical|relief|polio|construction|election|electoral|oil|mine|road|rescue)$"
)

# capitalised words that open a sentence or clause, not a name ("Then gunmen ...")
_CAPITAL_STOP = {
    "on",
    "in",
    "at",
    "by",
    "when",
    "as",
    "after",
    "but",
    "then",
    "later",
    "there",
    "meanwhile",
    "also",
    "earlier",
    "separately",
    "elsewhere",
    "however",
    "while",
    "where",
    "since",
    "before",
    "during",
    "overnight",
    "yesterday",
    "today",
    "and",
    "or",
    "some",
    "many",
    "if",
    "although",
}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "of", "from", "two", "three"}
_STOP_MOD = {"of", "from", "the", "said", "and"}
_TIME_WORD = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|\d{1,4}(?:st|nd|rd|th)?,?$|morning|evening|night|"
    r"afternoon|dawn|dusk|midnight|noon",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    text: str
    type: str
    head: str


def _type_of(phrase: str, head_type: str) -> str:
    low = phrase.lower()
    if head_type == "Civilians" and re.search(r"\b(?:leaders?|chiefs?|elders?)$", low):
        # "a rebel leader", "an al-Shabaab chief", "army chief": the group's, not a civilian
        named = _NAMED_RE.search(phrase)
        if named is not None:
            i = int(next(k for k, v in named.groupdict().items() if v is not None)[1:])
            return _NAMED[i][1]
        if re.search(
            r"\b(?:rebel|insurgent|militant|jihadist|separatist|maoist|guerrilla)s?\b", low
        ):
            return "Rebel group"
        if re.search(r"\b(?:militia|gang|cartel)\b", low):
            return "Political militia"
        if re.search(r"\b(?:army|military|police|security)\b", low):
            return "State forces"
    if head_type == "Civilians" and re.search(r"\b(?:armed|militant)\b", low):
        ident = re.search(r"\b(?:" + _IDENTITY + r")\b", phrase, _F)
        return "Identity militia" if ident else "Political militia"
    if re.search(r"\b(?:" + _FOREIGN + r")\b", phrase) and head_type in (
        "State forces",
        "Rebel group",
        "Political militia",
    ):
        if not re.search(r"\bUN (?:human rights|humanitarian)\b", phrase):
            return "External/Other forces"
    if head_type in ("Political militia", "Rebel group", "State forces") and re.search(
        r"\b(?:" + _IDENTITY + r")\b", phrase, _F
    ):
        if not re.search(r"\b(?:army|soldiers|troops|police|security)\b", low):
            return "Identity militia"
    if head_type == "Rebel group" and re.search(r"\b(?:" + _STATE_MOD + r")\b", phrase):
        if not re.search(r"rebel|insurgent|militant|jihad|opposition|resistance", low):
            return "State forces"
    if head_type == "State forces" and re.search(
        r"\b(?:rebel|insurgent|militant|jihadist|opposition|resistance|militia|separatist|"
        r"secessionist|guerrilla)\b",
        low,
    ):
        return "Rebel group"
    return head_type


def _extend_left(text: str, start: int, floor: int) -> int:
    """Extend an actor head to the left over modifiers ("suspected JNIM", "Syrian army")."""
    pos = start
    words = 0
    while words < 5:
        m = re.search(r"([\w'’.()-]+)\s+$", text[max(floor, pos - 40) : pos])
        if not m:
            break
        word = m.group(1)
        if word.lower() in {"and", "said", "on", "in", "at", "by", "with", "when", "as", "after"}:
            break
        if not _MOD_WORD.match(word) and not word[:1].isupper() and not _IDENTITY_RE.match(word):
            break
        if word.lower() in _STOP_MOD:
            break
        if word[:1].isupper() and word.lower() in _CAPITAL_STOP:
            break
        if _TIME_WORD.match(word):
            break  # "On Monday police fired ...", "On 6 March militants ...": a time, no modifier
        pos = pos - len(m.group(0))
        words += 1
    # do not start on a determiner-like lowercase word
    seg = text[pos:start]
    lead = re.match(r"(?:the|a|an|its|their)\s+", seg, _F)
    if lead and lead.end() <= len(seg):
        pass
    return pos


_RIDERS = re.compile(
    r"\s+(?:on|riding)\s+(?:a\s+|an\s+|two\s+|three\s+)?"
    r"(?:motorcycles?|motorbikes?|motor-bikes?|bikes?|scooters?|mopeds?|boda\s+bodas?)\b",
    _F,
)
_RIDER_HEADS = {"man", "men", "armed men", "gunmen", "gunman", "masked men", "unknown men"}
_BARE_THINGS = {"convoy", "patrol", "checkpoint", "crew members", "guard"}


@lru_cache(maxsize=4)
def _groups_of(text: str) -> list[tuple[int, int, Any]]:
    """The named groups of a whole text, found once per text (every clause reads its own)."""
    return groups_in(text)


def find_actors(text: str, start: int, end: int) -> list[ActorMention]:
    """Actor phrases inside ``text[start:end]`` (absolute offsets), sorted, non-overlapping."""
    seg = text[start:end]
    found: list[ActorMention] = []
    named: list[tuple[int, int, str]] = []
    for m in _NAMED_RE.finditer(seg):
        i = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
        named.append((start + m.start(), start + m.end(), _NAMED[i][1]))
    # the named groups of the lexicon (groups.tsv); the longest name at a place wins
    # (a state's forces named by their nationality are typed as any force so named: "Russian
    # forces" are foreign forces, as "Russian troops" are)
    named += [
        (a, b, _type_of(text[a:b], g.type) if g.type == "State forces" else g.type)
        for a, b, g in _groups_of(text)
        if start <= a and b <= end
    ]
    named.sort(key=lambda t: (t[0], -t[1]))
    for a, b, typ in named:
        if found and a < found[-1].end:
            continue
        # extend to a following head ("RSF fighters", "al-Shabaab militants")
        h = _HEAD_RE.match(text, b + 1, min(end, b + 40)) if b < end and text[b] == " " else None
        head = text[a:b]
        if h is not None:
            b = h.end()
            head = h.group(0).lower()
        found.append(ActorMention(a, b, text[a:b], typ, head))
    lex = heads.lexicon()
    compound: tuple[int, int] | None = None  # nouns read as modifiers of the next head
    for m in _HEAD_RE.finditer(seg):
        a, b = start + m.start(), start + m.end()
        if any(f.start <= a < f.end for f in found):
            continue
        head = " ".join(m.group(0).lower().split())
        # a noun compound names its last noun ("volunteer militiamen", "student protesters")
        nxt = _HEAD_RE.match(text, b + 1, end) if b < end and text[b] == " " else None
        if nxt is not None and not heads.is_instrument(nxt.group(0)):
            compound = compound if compound is not None and compound[1] + 1 == a else (a, b)
            compound = (compound[0], b)
            continue
        head_type = lex.types[head]
        a2 = _extend_left(text, a, start)
        if compound is not None and compound[1] + 1 == a:
            a2 = min(a2, _extend_left(text, compound[0], start))
        compound = None
        phrase = text[a2:b]
        if head in lex.needs_modifier and a2 == a:
            continue  # "the community": only "the Alawite community" is an actor
        if (
            a2 == a
            and head in _BARE_THINGS
            and re.search(r"\b(?:their|his|her|its|a|an)\s+$", text[max(start, a - 8) : a], _F)
        ):
            continue  # "an ambush on their convoy": the victims' vehicles, not a force
        if head in lex.instruments:
            if a2 == a or not _OWNER.search(text[a2:a]):
                continue  # "a drone", "S-300 missiles": a weapon, not an actor
            # typed by the owner: "militia rockets", "rebel mortars", "army drones"
            owner = next(
                (
                    h
                    for h in _HEAD_RE.finditer(text, a2, a)
                    if lex.types[" ".join(h.group(0).lower().split())]
                ),
                None,
            )
            head_type = (
                lex.types[" ".join(owner.group(0).lower().split())] if owner else "State forces"
            )
        typ = _type_of(phrase, head_type)
        riders = _RIDERS.match(text, b, end) if head in _RIDER_HEADS else None
        if riders is not None:
            # "two men on a motorcycle": the gunmen of a drive-by, not passers-by (ACLED:
            # unidentified armed men are a political militia)
            b = riders.end()
            phrase = text[a2:b]
            typ = "Political militia" if typ == "Civilians" else typ
        found.append(ActorMention(a2, b, phrase, typ, head))
    found.sort(key=lambda x: (x.start, -x.end))
    out: list[ActorMention] = []
    for f in found:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$", _F)
# the agent of a passive ("fired by the paramilitary RSF", "shot by two masked men")
BY_BEFORE = re.compile(
    # not "a checkpoint manned by troops", "a town held by rebels": who holds, not who strikes
    r"(?<!\bmanned )(?<!\bheld )(?<!\bcontrolled )(?<!\brun )(?<!\bowned )(?<!\bguarded )"
    r"(?<!\boccupied )(?<!\boperated )(?<!\bstaffed )(?<!\bused )(?<!\bprotected )"
    r"\bby\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:(?!(?:the|a|an|end|time|way|night|day)\b)[a-z][\w-]*\s+){0,2}$",
    _F,
)
