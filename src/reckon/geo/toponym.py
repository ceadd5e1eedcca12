"""Toponym phrases: the name itself and the hints written around it ("Latakia province",
"outskirts of Jableh", "the Abuja-Kaduna highway")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reckon.geo.normalize import light_key
from reckon.lexicon import admin_unit_levels

# Words that name no place however a gazetteer spells its villages (months, days, their
# abbreviations): kept as unresolved toponyms if an extractor passes them.
NOT_PLACES = frozenset(
    light_key(w)
    for w in (
        "January February March April May June July August September October November December "
        "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday "
        "Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Today Yesterday "
        "Tomorrow AFP Reuters"
    ).split()
)


def _unit_words(level: int) -> str:
    words = sorted(
        (w for w, lv in admin_unit_levels().items() if lv == level), key=len, reverse=True
    )
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


# administrative words from the lexicon ("Oudalan province", "Monguno LGA", "the district of X")
_SUFFIX_ADMIN = re.compile(rf"\s+({_unit_words(1)})$", re.IGNORECASE)
_PREFIX_ADMIN = re.compile(rf"^(the\s+)?({_unit_words(1)})\s+of\s+", re.IGNORECASE)
_SUFFIX_ADMIN2 = re.compile(rf"\s+({_unit_words(2)})$", re.IGNORECASE)
_PREFIX_ADMIN2 = re.compile(rf"^(the\s+)?({_unit_words(2)})\s+of\s+", re.IGNORECASE)
_SUFFIX_ADMIN3 = re.compile(rf"\s+({_unit_words(3)})$", re.IGNORECASE)
_SUFFIX_NEAR = re.compile(
    r"\s+(countryside|outskirts|suburbs|area|countryside area|environs|vicinity)$",
    re.IGNORECASE,
)
_SUFFIX_TOWN = re.compile(
    r"\s+(city|town|village|camp|refugee camp|neighbourhood|neighborhood|municipality)$",
    re.IGNORECASE,
)
_PREFIX_TOWN = re.compile(r"^(the\s+)?(city|town|village)\s+of\s+", re.IGNORECASE)
_PREFIX_NEAR = re.compile(
    r"^(near|outside|outskirts of|the outskirts of|countryside of|the countryside of|"
    r"vicinity of|the vicinity of|(north|south|east|west|north-?east|north-?west|south-?east|"
    r"south-?west)\s+of\s+)\s*",
    re.IGNORECASE,
)
_PREFIX_THE = re.compile(r"^the\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Toponym:
    core: str  # the place name itself
    # "admin1" when the phrase names a province, "admin2" a district, "city" a town
    feature: str | None
    precision: int | None  # 2 when the phrase says near / outskirts / countryside


def parse_toponym(text: str) -> Toponym:
    """Split "Latakia province", "outskirts of Jableh", "the town of Safita" into name + hints."""
    s = " ".join(text.split()).strip(" ,.;:")
    feature: str | None = None
    precision: int | None = None
    m = _PREFIX_NEAR.match(s)
    if m and len(s) > m.end():
        s, precision = s[m.end() :], 2
    for pat in (_SUFFIX_ADMIN, _SUFFIX_ADMIN, _PREFIX_ADMIN):
        new = pat.sub("", s)
        if new != s and new:
            s, feature = new, "admin1"
    for pat in (_SUFFIX_ADMIN2, _PREFIX_ADMIN2):
        new = pat.sub("", s)
        if new != s and new and feature is None:
            s, feature, precision = new, "admin2", 2
    for pat in (_SUFFIX_NEAR, _SUFFIX_ADMIN3):
        new = pat.sub("", s)
        if new != s and new:
            s, precision = new, 2
    for pat in (_SUFFIX_TOWN, _PREFIX_TOWN):
        new = pat.sub("", s)
        if new != s and new:
            s, feature = new, feature or "city"
    s = _PREFIX_THE.sub("", s)
    return Toponym(s, feature, precision)


# ---------------------------------------------------------------------------------------
# context


_DIRECTION_ADJ = frozenset(
    "northern southern eastern western central north south east west northeastern "
    "northwestern southeastern southwestern rural greater".split()
)
_PARTICLES = frozenset(
    "abu bin ibn um umm beit bayt kafr kfar tal tel tell ras wadi bir deir dayr khan jabal jebel "
    "jisr ain ayn hay qasr sheikh shaykh sidi new old upper lower saint san santa port mount "
    "lake river city town village camp dam".split()
)
_RANK = {"town": 0, "other": 0, "admin2": 1, "admin1": 2, "country": 3}


# "Abuja-Kaduna", "Kaduna–Zaria": two capitalised names joined by a hyphen or dash name a road
# or a border between them, not one place ("al-Bab", "Deir ez-Zor", "Ras al-Ain" keep theirs)
_ROUTE = re.compile(r"(?<![\w'’-])([A-Z][\w'’]*[a-z])\s?[-–—]\s?(?=[A-Z][a-z])")


def route_ends(name: str) -> list[str]:
    """The places a route name joins ("Abuja-Kaduna" -> Abuja, Kaduna); [] for other names."""

    def cut(m: re.Match[str]) -> str:
        left = m.group(1)
        if len(left) < 3 or left.lower() in _PARTICLES or left.lower() in _ARTICLES:
            return m.group(0)  # "Deir Al-Zour", "Abu-Kamal": one name
        return left + "\x00"

    parts = [p.strip() for p in _ROUTE.sub(cut, name).split("\x00")]
    return parts if len(parts) > 1 and all(len(p) >= 3 for p in parts) else []


_ARTICLES = frozenset("al el ad as ash at ar az an ed es ez en der den van von ben".split())


def _words(core: str) -> list[str]:
    """The words of a name; the two ends of a route count as separate words."""
    return [w for part in (route_ends(core) or [core]) for w in part.split()]
