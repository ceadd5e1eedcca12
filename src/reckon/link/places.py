"""The place factor: toponym keys tolerant of spelling variants, distances, admin1 agreement."""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from reckon.model import Location

# Names seen in reports' texts are cached (a report's every capitalised phrase is keyed): at
# most this many each, so that a long ingest's memory stops growing once the cache is full.
CACHE_SIZE = 20_000
_ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "az", "ez", "ed", "es", "at", "an", "ul", "the"}
_SUFFIXES = ("city", "town", "village", "district", "province", "governorate", "oblast", "region")


@lru_cache(maxsize=CACHE_SIZE)
def _norm_text(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", s)).strip()


@lru_cache(maxsize=CACHE_SIZE)
def toponym_key(name: str) -> str:
    """A spelling-variant-tolerant key: Jableh, Jablah, Jebleh -> 'jbl'; Deir ez-Zor, Dayr al-Zawr,
    Deir Ezzor -> 'drzr'; El Fasher, Al-Fashir -> 'fshr'."""
    words = [w for w in _norm_text(name).split() if w not in _ARTICLES and w not in _SUFFIXES]
    s = "".join(words) or _norm_text(name).replace(" ", "")
    s = re.sub(r"(?<=[aeiouy])h$", "", s)  # Jableh / Jablah -> jable / jabla
    s = s.replace("ph", "f").replace("q", "k").replace("dh", "z").replace("th", "t")
    s = re.sub(r"[aeiouyw]", "", s)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s


@lru_cache(maxsize=CACHE_SIZE)
def _geo_key(name: str) -> str:
    try:  # the geocoder's own normaliser, when it provides one
        from reckon import geo  # type: ignore[attr-defined]

        fn = getattr(geo, "normalize_toponym", None)
        if callable(fn):
            out = fn(name)
            if isinstance(out, str):
                return out
    except Exception:  # the optional helper must never break linking
        pass
    return _norm_text(name)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _names_match(a: Location, b: Location) -> bool:
    if not a.name or not b.name:
        return False
    x, y = sorted((a.name, b.name))
    return _same_name(x, y)


@lru_cache(maxsize=CACHE_SIZE)
def _same_name(a: str, b: str) -> bool:
    """Whether two place names are one name spelt two ways (symmetric; callers sort them)."""
    ka, kb = toponym_key(a), toponym_key(b)
    if ka and ka == kb:
        return True
    na, nb = _name_key(a), _name_key(b)
    if na and na == nb:
        return True
    na, nb = _geo_key(a), _geo_key(b)
    return fuzz.ratio(na, nb) >= 85 or (min(len(ka), len(kb)) >= 4 and fuzz.ratio(ka, kb) >= 85)


@lru_cache(maxsize=CACHE_SIZE)
def _name_key(name: str) -> str:
    try:
        from reckon.geo.normalize import name_key

        return name_key(name)
    except ImportError:  # the geocoder's normaliser is optional here
        return _norm_text(name).replace(" ", "")


@lru_cache(maxsize=CACHE_SIZE)
def place_keys(name: str) -> frozenset[str]:
    """Keys under which a place name is recognised in another report's text."""
    keys = set()
    nk = _name_key(name)
    if len(nk) >= 3:
        keys.add("n:" + nk)
    tk = toponym_key(name)
    if len(tk) >= 3:
        keys.add("t:" + tk)
    return frozenset(keys)


def location_keys(loc: Location) -> frozenset[str]:
    """The spelling keys of a location's name (empty when it has none)."""
    return place_keys(loc.name) if loc.name else frozenset()


GUESSED_COUNTRY = 0.3  # a country the geocoder guessed, against the one the report names


def country_keys(loc: Location) -> frozenset[str]:
    """Whole-name keys of a location's country ("n:mali"), as a report's text would hold them."""
    if not loc.country:
        return frozenset()
    return frozenset(k for k in place_keys(loc.country) if k.startswith("n:"))


def grounded(loc: Location, context: frozenset[str]) -> bool:
    """Whether the report states the place's country itself: the country or the admin1 is
    named in its text (``context``), rather than guessed by the geocoder from the place name."""
    return bool(country_keys(loc) & context) or bool(  # whole names: "Israeli" is not Israel
        loc.admin1 and {k for k in place_keys(loc.admin1) if k.startswith("n:")} & context
    )


_TOKEN = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")


def text_place_keys(text: str) -> set[str]:
    """Place keys of every capitalised phrase of one to three words in a text.

    Lets a mention whose place extraction missed still agree with another mention whose place
    is named in its report ("Al-Fashir" in the text, "El Fasher" resolved elsewhere)."""
    toks = _TOKEN.findall(text)
    keys: set[str] = set()
    for i, t in enumerate(toks):
        if not t.split("-")[-1][:1].isupper():
            continue
        for n in (1, 2, 3):
            if i + n <= len(toks):
                keys |= place_keys(" ".join(toks[i : i + n]))
    return keys


def _same_admin1(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    try:
        from reckon.geo.normalize import same_admin1

        if same_admin1(a, b):
            return True
    except ImportError:
        pass
    return _norm_text(a) == _norm_text(b)


def level(loc: Location) -> int:
    """1: a town or a place near one; 2: an area (district, province, region); 3: only a
    country, or a name the gazetteer did not resolve."""
    if not loc.resolved and loc.geonameid is None:
        return 3
    if (loc.precision or 3) <= 2 and loc.feature not in ("admin1", "admin2", "country"):
        return 1
    return 2


def _precise(loc: Location) -> bool:
    return level(loc) == 1 and loc.lat is not None and loc.lon is not None


def place_score(
    a: Location | None,
    b: Location | None,
    grounds: tuple[bool, bool] = (True, True),
    contexts: tuple[frozenset[str], frozenset[str]] | None = None,
) -> tuple[float, str | None]:
    """The place factor of two mentions and its veto.

    ``grounds``: whether each report states its place's country itself (see :func:`grounded`);
    two places of one name in different countries are the same place when one of the countries
    is only the geocoder's guess. ``contexts``: the place keys of each report's text; a place
    one report gives and the other names in passing ("Dansadau (Maru, Zamfara)", "the Cite
    Soleil neighbourhood of Port-au-Prince") is evidence they tell one place at two levels.
    Places at two levels (a town and its province, a village and its district) agree as far as
    the larger contains the smaller; coordinates count only for places resolved to a town."""
    if a is None and b is None:
        return 0.15, None
    if a is None or b is None:
        return 0.2, None
    ka, kb = location_keys(a), location_keys(b)
    named = contexts is not None and bool((ka & contexts[1]) or (kb & contexts[0]))
    if a.iso and b.iso:
        if a.iso.lower() != b.iso.lower():
            if all(grounds):
                return 0.0, "different countries"
            if ka & kb:  # one name, one country only guessed
                return 0.8, None
            if contexts is not None and (
                (not grounds[0] and kb & contexts[0]) or (not grounds[1] and ka & contexts[1])
            ):  # the report whose country is a guess names the other's place
                return 0.75, None
            if contexts is not None and (
                (not grounds[0] and country_keys(b) & contexts[0])
                or (not grounds[1] and country_keys(a) & contexts[1])
            ):  # ... or the other's country: the guess was wrong; two names of one country
                return GUESSED_COUNTRY, None
            return 0.0, "different countries"
    elif a.country and b.country and _norm_text(a.country) != _norm_text(b.country):
        return 0.0, "different countries"
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 1.0, None
    la, lb = level(a), level(b)
    if _names_match(a, b):  # one name: the same place, or a town and the area named after it
        if {la, lb} != {1, 2}:
            return 0.95, None
        town, area = (a, b) if la == 1 else (b, a)
        return (NAMESAKE_AREA if _contains(area, town) else 0.6), None
    if _named_district(a, b) or _named_district(b, a):  # Dansadau, and "Maru" its district
        return WITHIN_DISTRICT, None
    if _precise(a) and _precise(b):
        return _distance_score(a, b, named, named and _named_itself(a, b, contexts))
    districts = _districts(a, b)
    if districts == "apart" and _at_seat(a, b):  # a town at the seat of the other district
        districts = ""
    if max(la, lb) == 3:  # an unresolved name: only the country (and the texts) can agree
        country = bool(a.iso and b.iso) or bool(a.country and b.country)
        if districts == "apart" and not named:
            return OTHER_DISTRICTS, None
        if named or (districts == "within" and min(la, lb) == 2):
            return WITHIN_DISTRICT, None
        if min(la, lb) == 2 and _province_holds(a, b):  # a village and its province
            return 0.6, None
        return (0.3 if country else 0.15), None
    if contexts is not None and _country_names_province(a, b, contexts):
        return 0.6, None
    if a.admin1 and b.admin1:
        if _same_admin1(a.admin1, b.admin1):  # a town and its province, or two areas of one
            if districts == "apart":
                return (0.5 if named else OTHER_DISTRICTS), None
            return (0.75 if named or districts == "within" else 0.6), None
        return (0.5 if named else 0.05), None
    return (0.75 if named else 0.15), None


OTHER_DISTRICTS = 0.15  # two places of one province in different districts
WITHIN_DISTRICT = 0.75  # a place and the district it lies in
SEAT_KM = 10  # a town this close to a district's point is at its seat, whatever the labels say


def _named_district(town: Location, area: Location) -> bool:
    """Whether ``area``, a place given as an area ("Maru local government area", read by the
    geocoder as the town of Maru at precision 2), bears the name of the district ``town`` lies
    in (Dansadau, in the Maru district), in one province."""
    if (area.precision or 1) < 2 or area.feature in ("admin1", "country") or not town.admin2:
        return False
    k = _district_key(area.name)
    return bool(k) and k == _district_key(town.admin2) and _same_admin1(town.admin1, area.admin1)


def _at_seat(a: Location, b: Location) -> bool:
    """Two resolved places, one a district, whose points lie within ``SEAT_KM`` of each other:
    a town at the district's seat, though the gazetteer files it under another district."""
    if "admin2" not in (a.feature, b.feature) or not (a.resolved and b.resolved):
        return False
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= SEAT_KM  # type: ignore[arg-type]


def _province_holds(a: Location, b: Location) -> bool:
    """An unresolved place whose province the text gives ("the Abu Shouk camp, North Darfur")
    and a province-level place that is that province."""
    unres, area = (a, b) if level(a) == 3 else (b, a)
    return area.feature == "admin1" and _same_admin1(unres.admin1, area.admin1 or area.name)


def _country_names_province(
    a: Location, b: Location, contexts: tuple[frozenset[str], frozenset[str]]
) -> bool:
    """One mention placed only in a country whose report names the other place's province
    ("gang members stormed a station in Haiti's Centre department")."""
    for x, y, ctx in ((a, b, contexts[0]), (b, a, contexts[1])):
        if x.feature == "country" and y.admin1:
            if {k for k in place_keys(y.admin1) if k.startswith("n:")} & ctx:
                return True
    return False


# "Kunduz" the city in one report, "Kunduz" the province in another: one word, which the
# geocoder read at two levels; the province contains the city, as a district does its villages
NAMESAKE_AREA = 0.75


def _contains(area: Location, town: Location) -> bool:
    """Whether the gazetteer puts ``town`` inside ``area`` (its admin1, or its admin2)."""
    if area.feature == "admin2":
        return _districts(area, town) == "within"
    return _same_admin1(area.admin1 or area.name, town.admin1)


def _district_key(name: str | None) -> str:
    if not name:
        return ""
    words = [w for w in _norm_text(name).split() if w not in _DISTRICT_WORDS]
    return toponym_key(" ".join(words)) if words else ""


_DISTRICT_WORDS = {
    "district", "territory", "raion", "rayon", "county", "division", "province", "provincia",
    "arrondissement", "cercle", "de", "du", "des", "la", "le", "lga", "local", "government",
    "area", "municipality", "municipio", "shi", "gun", "tehsil", "sub", "subdistrict", "zone",
}  # fmt: skip


def _districts(a: Location, b: Location) -> str:
    """How two places of one province stand by their second-level units: ``within`` (one is the
    district the other lies in), ``apart`` (each lies in, or is, another district), or ``""``
    (unknown: a place is a province or a country, or a district is not known)."""

    def unit(loc: Location) -> set[str]:
        # a district is known by the name a report gives it ("DI Khan") and by the gazetteer's
        # name of its unit ("Dera Ismail Khan"): either may be the one the other place carries
        keys = {_district_key(loc.admin2)}
        if loc.feature == "admin2":
            keys.add(_district_key(loc.name))
        return keys - {""}

    if "admin1" in (a.feature, b.feature) or "country" in (a.feature, b.feature):
        return ""
    ua, ub = unit(a), unit(b)
    if not ua or not ub:
        return ""
    if any(x == y or x in y or y in x for x in ua for y in ub):
        return "within" if "admin2" in (a.feature, b.feature) else ""
    return "apart"


NAMED_NEAR_KM = 10  # a village told beside a town one report names: "a village near Oicha"
# Two places far apart, one of them named in the other report's text: one report's place was
# read as a namesake far away ("in northern Antioquia" read as the town of Antioquia, "Tarazá,
# Antioquia" in the other), or the reports chose two places of one happening (the village, the
# town the wounded were taken to). No veto, a middling agreement the other factors must carry:
# the linker takes it only with counts or actors in common (``factors.score_pair``), for a
# report may name another happening's place ("hours after a car bombing in nearby Jableh").
NAMED_APART = 0.45


def _named_itself(
    a: Location, b: Location, contexts: tuple[frozenset[str], frozenset[str]] | None
) -> bool:
    """Whether one place's name is in the other report's text other than as the name of that
    report's own province or district ("Beryslav, in the Kherson region" names the region,
    not the city of Kherson)."""
    if contexts is None:
        return False
    for x, y, ctx in ((a, b, contexts[1]), (b, a, contexts[0])):
        areas = set().union(*(place_keys(n) for n in (y.admin1, y.admin2) if n))
        if (location_keys(x) - areas) & ctx:
            return True
    return False


def _distance_score(
    a: Location, b: Location, named: bool, named_itself: bool = False
) -> tuple[float, str | None]:
    """Two places resolved to towns or to the area around a town (precision 2: "near X", "X
    district"), by their distance; a district named in the other report contains its town."""
    d = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
    pa, pb = a.precision or 1, b.precision or 1
    if d <= 2:
        return 0.9, None
    if pa == 1 and pb == 1:  # two towns
        if d <= NAMED_NEAR_KM and named:  # a village, and the town it is named beside
            return 0.75, None
        if d > 10:
            if named_itself:  # the other report names this town: the gazetteer read a namesake
                return NAMED_APART, None
            return 0.0, f"different towns {d:.0f} km apart"
        return (0.1 if d > 5 else 0.6 * (1 - d / 50)), None
    near = d <= 60 or (d <= 150 and _same_admin1(a.admin1, b.admin1))
    if named and near:  # "Dansadau (Maru, Zamfara)" and "in Maru local government area"
        return 0.75, None
    if d <= 25:
        return 0.75 * (1 - d / 50), None
    if near:  # too far for "near X", not for a district: only with other evidence
        return 0.05, None
    if named_itself:
        return NAMED_APART, None
    return 0.0, f"{d:.0f} km apart"
