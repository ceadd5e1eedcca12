"""The place factor: toponym keys tolerant of spelling variants, distances, admin1 agreement."""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from reckon.model import Location

_ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "az", "ez", "ed", "es", "at", "an", "ul", "the"}
_SUFFIXES = ("city", "town", "village", "district", "province", "governorate", "oblast", "region")


@lru_cache(maxsize=100_000)
def _norm_text(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", s)).strip()


@lru_cache(maxsize=100_000)
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
    ka, kb = toponym_key(a.name), toponym_key(b.name)
    if ka and ka == kb:
        return True
    try:
        from reckon.geo.normalize import name_key

        if name_key(a.name) and name_key(a.name) == name_key(b.name):
            return True
    except ImportError:  # the geocoder's normaliser is optional here
        pass
    na, nb = _geo_key(a.name), _geo_key(b.name)
    return fuzz.ratio(na, nb) >= 85 or (len(ka) >= 4 and fuzz.ratio(ka, kb) >= 85)


def _name_key(name: str) -> str:
    try:
        from reckon.geo.normalize import name_key

        return name_key(name)
    except ImportError:  # the geocoder's normaliser is optional here
        return _norm_text(name).replace(" ", "")


@lru_cache(maxsize=100_000)
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


def grounded(loc: Location, context: frozenset[str]) -> bool:
    """Whether the report states the place's country itself: the country or the admin1 is
    named in its text (``context``), rather than guessed by the geocoder from the place name."""
    return any(name and place_keys(name) & context for name in (loc.country, loc.admin1))


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


def place_score(
    a: Location | None, b: Location | None, grounds: tuple[bool, bool] = (True, True)
) -> tuple[float, str | None]:
    """The place factor of two mentions and its veto. ``grounds``: whether each report states
    its place's country itself (see :func:`grounded`); two places of one name in different
    countries are the same place when one of the countries is only the geocoder's guess."""
    if a is None and b is None:
        return 0.15, None
    if a is None or b is None:
        return 0.2, None
    if a.iso and b.iso:
        if a.iso.lower() != b.iso.lower():
            if all(grounds) or not (location_keys(a) & location_keys(b)):
                return 0.0, "different countries"
            return 0.8, None
    elif a.country and b.country and _norm_text(a.country) != _norm_text(b.country):
        return 0.0, "different countries"
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 1.0, None
    if _names_match(a, b):
        return 0.95, None
    pa, pb = a.precision or 3, b.precision or 3
    if None not in (a.lat, a.lon, b.lat, b.lon):
        d = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        if max(pa, pb) >= 3:
            same_adm = _same_admin1(a.admin1, b.admin1)
            return (0.6 if same_adm else (0.3 if d <= 100 else 0.05)), None
        if d <= 2:
            return 0.9, None
        if pa == 1 and pb == 1 and d > 10:  # two distinct towns, named differently
            return 0.0, f"different towns {d:.0f} km apart"
        if d <= 25:
            s = 0.75 * (1 - d / 50)
            if pa == 1 and pb == 1:
                s = 0.1 if d > 5 else s * 0.8
            return s, None
        if d <= 60:
            return 0.05, None
        return 0.0, f"{d:.0f} km apart"
    if a.admin1 and b.admin1:
        if _same_admin1(a.admin1, b.admin1):
            return (0.6 if max(pa, pb) >= 3 else 0.35), None
        return 0.05, None
    return 0.15, None
