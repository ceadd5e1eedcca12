"""A light toponym tagger over raw text, for callers with no extractor."""

from __future__ import annotations

import re

from reckon.geo.names import DEMONYMS
from reckon.geo.normalize import name_key
from reckon.geo.resolver import (
    parse_toponym,
    route_ends,
)
from reckon.geo.store import Gazetteer

_CAP_SEQ = re.compile(
    r"\b(?:(?:[Aa]l|[Ee]l)[-\s]|(?:[Aa][dsnrtz]|[Ee][dsnz]|[Aa]sh)-)?[A-Z][\w'’‘ʿ-]+"
    r"(?:\s+(?:(?:al|el|ad|as|ar|az|ash|an|ez|es|ed|de|del|la|du)[-\s]+)?[A-Z][\w'’‘ʿ-]+){0,2}"
)
_ORG_WORD = re.compile(
    r"\b(Forces|Force|Army|Front|Party|Council|Ministry|Movement|Brigades?|Units?|Group|Agency|"
    r"Committee|Organi[sz]ation|Union|Coalition|Authority|News|Times|Post|Network|Observatory|"
    r"Crescent|Cross|Command|Guard|Police|Office|Commission|Company|Corps|Division|Battalion)\b"
)
_POSSESSIVE = re.compile(r"['’]s$")
_STOP = frozenset(
    """the a an in on at of and or but as he she it they we his her their its this that these those
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december police army security government president
    minister ministry forces force state islamic news reuters afp ap un united nations red
    cross crescent council office human rights watch amnesty health several many some after
    before during since while when where who what local officials official sources source
    witnesses residents medical said says according one two three four five six seven eight nine
    ten dozens hundreds at least air north south east west central eastern western northern
    southern abu bin ibn um umm beit bayt kafr kfar tal tel tell ras wadi bir deir dayr khan jabal
    jebel jisr ain ayn hay harat qasr sheikh shaykh sidi new old upper lower great little saint
    san santa port mount lake river city camp capital congress parliament hamas hezbollah
    hizbollah houthi houthis taliban isis isil daesh wagner shabaab al-shabaab boko haram
    god allah prophet late early later earlier each every mortar mortars rocket rockets shelling
    gunmen fighters troops rebels militants civilians children women men people residents
    yesterday today tonight morning evening night""".split()
)


def scan_toponyms(
    gaz: Gazetteer, text: str, *, min_population: int = 1000
) -> list[tuple[str, int]]:
    """Capitalised name sequences of a text that the gazetteer knows (a light tagger used when
    no extractor has listed the report's places)."""

    out: list[tuple[str, int]] = []
    lower_words = set(re.findall(r"\b[a-z]+\b", text))
    found_seqs: list[tuple[str, int]] = []
    for m in _CAP_SEQ.finditer(text):
        ends = route_ends(m.group(0))  # "Abuja-Kaduna highway": both ends are places
        if not ends:
            found_seqs.append((m.group(0), m.start()))
            continue
        for end in ends:
            found_seqs.append((end, m.start() + m.group(0).find(end)))
    for phrase, start in found_seqs:
        if _ORG_WORD.search(phrase):
            continue  # "Rapid Support Forces", "Syrian Observatory": an organisation, not a place
        words = [_POSSESSIVE.sub("", w) for w in phrase.split()]
        while words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        if len(words) == 1 and (words[0].lower() in lower_words or words[0].lower() in _STOP):
            continue  # "Car bomb ...", "Falling debris ...": ordinary words at a sentence start
        # try the longest sub-sequence first
        found = False
        for n in range(len(words), 0, -1):
            for i in range(0, len(words) - n + 1):
                cand = " ".join(words[i : i + n])
                if cand not in phrase:
                    continue
                if cand.lower() in _STOP or len(cand) < 3 or cand in DEMONYMS or cand.isupper():
                    continue
                hits = gaz.lookup(name_key(parse_toponym(cand).core))
                if any(
                    h.place.feature in ("country", "admin1")
                    or h.place.population >= min_population
                    or h.place.prio > 0
                    for h in hits
                ):
                    out.append((cand, start + phrase.find(cand)))
                    found = True
                    break
            if found:
                break
    return out
