"""Toponym mentions: named places with spans and a precision hint.

Sources: spaCy entities (GPE, LOC, FAC) and patterns that catch what NER misses or mislabels
(transliterated names such as ``al-Mukhtareyah`` after "in", "near", "including", or before
"province", "district", "countryside"). Nothing is resolved to coordinates here; that is the
geocoder's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reckon.extract.nlp import Ent
from reckon.extract.places.patterns import (  # noqa: F401  (_trim_plain_words: re-exported)
    _ADMIN_BEFORE,
    _ADMIN_WORD_AFTER,
    _CONNECTED,
    _CONTAINER_AFTER,
    _CONTROL_PREFIX,
    _COUNTRIES,
    _DATELINE_OUTLET,
    _DATELINE_OUTLET_AFTER,
    _DEMONYM,
    _DEMONYM_AFTER,
    _DEMONYM_END,
    _DEMONYM_START,
    _DISTRICT_WORDS,
    _IDENTITY_ADJ,
    _INCLUDING,
    _INSTITUTION_BEFORE,
    _METONYM_AFTER,
    _METONYM_BEFORE,
    _MODIFIER_AFTER,
    _NAME,
    _NEAR,
    _NOT_PLACE_AFTER,
    _ORIGIN_BEFORE,
    _PLACE_AFTER_PREP,
    _POSSESSIVE,
    _REGION_WORDS,
    _SEAT_FIRST_BEFORE,
    _SOURCE_SEAT_BEFORE,
    _SPEAKERS_AFTER,
    _SPEECH_AFTER,
    _STOP,
    _TAKEN_FROM,
    _TITLE_START,
    _TRAILING_JUNK,
    _bare_possessive,
    _clean_name,
    _group_name,
    _kind_after,
    _person_like,
    _trim_plain_words,
    in_group_name,
)
from reckon.lexicon import demonyms

# an event log's line: "22 July 2019 - Maarat al-Numan (Idlib): ...", "11 November 2021. Jasim,
# Daraa: ...": the date, then the place and its units, then a colon
_LOG_DATE = (
    r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{4}-\d{2}-\d{2})"
)
_LOG_HEAD = re.compile(
    rf"(?:^|\n)\W{{0,3}}{_LOG_DATE}\s*[-–—.:,]\s*({_NAME})"
    rf"(?=\s*(?:\([^()\n]{{2,80}}\)|(?:,\s*{_NAME}){{1,2}})?\s*:)"
)


_AND_BEFORE = re.compile(r"\band\s+$")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    name: str
    kind: str  # "place" | "district" | "region" | "country"
    precision: int  # 1 town, 2 near / district, 3 region or larger
    source: str  # "ner" | "pattern"


def find_places(
    text: str, start: int, end: int, ents: list[Ent] | None = None
) -> list[PlaceMention]:
    """Toponym mentions in ``text[start:end]`` (absolute offsets), sorted, non-overlapping."""
    cands: dict[tuple[int, int], str] = {}
    # names the NER reads as persons: a pattern's capitalised words after "and" or "of" are
    # no place when they are someone's name ("Sadyr Japarov and Emomali Rahmon signed")
    persons = {(e.start, e.end) for e in ents or [] if e.label == "PERSON"}
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
    # an event log's line may be split into sentences after its date ("11 May 2021. Jasim,
    # Daraa: ..."): read it from the start of its line
    line_start = text.rfind("\n", 0, start) + 1
    for m in _LOG_HEAD.finditer(text[: min(len(text), end + 200)], max(0, line_start - 1)):
        if m.start() > end:
            break
        if start <= m.start(1) and m.end(1) <= end:
            cands.setdefault((m.start(1), m.end(1)), "pattern")
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
        cut = re.search(r"\s*[(\[]", name)
        if cut and cut.start() > 0:  # "Bor (Bor South": the units in brackets are no part
            b = a + cut.start()
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
        if src == "pattern" and (a, b) in persons and _AND_BEFORE.search(text, max(0, a - 5), a):
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
                _SEAT_FIRST_BEFORE.search(text, max(0, a - 5), a)
                and _SPEAKERS_AFTER.match(text, b)
            )
            or (
                _ORIGIN_BEFORE.search(text, max(0, a - 60), a)
                and not _TAKEN_FROM.search(text, max(0, a - 80), a)
            )
            or (
                _METONYM_AFTER.match(text, b)
                and not re.search(r"\b[a-z]+\s*$", text[max(0, a - 20) : a])
            )
            or (_DEMONYM.match(name) and _DEMONYM_AFTER.match(text, b))
            or name in demonyms()  # "the Colombian department of Bolivar": a people, no place
            or (name.endswith("s") and name[:-1] in demonyms())  # "thousands of Algerians"
            or _TITLE_START.match(name)  # "President Dina Boluarte"
            or in_group_name(text, a, b)  # "the Sinjar Resistance Units", "the Chone Killers"
            or (  # the outlet of a dateline: "BEIRUT, Nov 12 (Cedar Newswire) -"
                _DATELINE_OUTLET.search(text, max(0, a - 20), a)
                and _DATELINE_OUTLET_AFTER.match(text, b)
            )
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
