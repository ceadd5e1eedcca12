"""Hierarchies as written: a place followed by the units it lies in.

"Youga (Zabre, Boulgou)", "Bulo Marer (Kurtunwarey, Lower Shabelle)", "Gwoza, Borno",
"Kutkai town (Kutkai township, Muse district, Shan state)", "Tinzaouaten of Abeibara cercle,
Kidal", "Ayorou [coded to Tillaberi]". :func:`containers_after` reads the containers told right
after a toponym; :func:`resolve_chain` resolves the toponym and its containers together: of all
readings, the one where each place lies inside the next wins (population only breaks ties), and a
village the gazetteer lacks takes the most specific container the text and the gazetteer agree
on (precision 2 for a district or a town, 3 for a province), never a namesake elsewhere.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from reckon.geo.candidates import candidates, haversine_km, score
from reckon.geo.context import Context
from reckon.geo.normalize import light_key, name_key, same_admin1
from reckon.geo.resolver import place_to_location
from reckon.geo.store import Gazetteer, Place
from reckon.geo.toponym import parse_toponym
from reckon.lexicon import admin_unit_levels, load_words
from reckon.model import Location

__all__ = ["containers_after", "containers_later", "resolve_chain"]

_NAME = r"[A-Z][\w'’.-]*(?:[ -](?:(?:al|el|ad|as|de|del|la|du)[ -])?[A-Z][\w'’.-]*){0,3}"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    units = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in sorted(admin_unit_levels(), key=len, reverse=True)
    )
    unit = rf"{_NAME}(?:\s+(?:{units}))?"
    paren = re.compile(
        rf"(?:\s+(?:{units}))?\s*[(\[](?:coded\s+to\s+|in\s+)?(?P<inner>[^()\[\]\n]{{2,120}})[)\]]",
        re.IGNORECASE,
    )
    # "X of Y district, Z" / "X in Y district": the district word makes it a container
    of = re.compile(
        rf"\s+(?:of|in)\s+(?:the\s+)?(?P<a>{_NAME}\s+(?:{units}))\b(?:,\s*(?P<b>{unit}))?"
    )
    # "Gwoza, Borno" / "Jos, Plateau State": not a list ("Kano, Kaduna and Zaria")
    comma = re.compile(
        rf",\s*(?P<a>{unit})(?:,\s*(?P<b>{unit}))?(?=\s*(?:[.;:)]|,\s*(?:on|in|at|where|when|"
        rf"killing|leaving|wounding|after)\b|$|\s+(?:on|at|where|when|after|killing|leaving)\b))"
    )
    part = re.compile(rf"^(?:the\s+)?({unit})$")
    return paren, of, comma, part


def containers_after(text: str, end: int) -> list[tuple[str, int]]:
    """The units told right after a toponym ending at ``end``, most specific first, as
    (name, offset)."""
    paren, of, comma, part = _patterns()
    m = paren.match(text, end)
    if m:
        out: list[tuple[str, int]] = []
        base = m.start("inner")
        for raw in re.finditer(r"[^,;]+", m.group("inner")):
            name = raw.group(0).strip()
            if not part.match(name) or name in _not_places():
                return []  # "(AFP)", "(an estimated 300 people)": no hierarchy
            out.append((name, base + raw.start() + raw.group(0).find(name)))
        return out
    for pat in (of, comma):
        m = pat.match(text, end)
        if m:
            got = [(m.group(g).rstrip("."), m.start(g)) for g in ("a", "b") if m.group(g)]
            return [(n, o) for n, o in got if n not in _not_places()]
    return []


# what may lie between a place and the units told a little later in its clause: "Ambeli village
# on the Kutru-Bedre road (Bijapur district, Chhattisgarh)", "Langza village on the
# Bishnupur-Churachandpur border (Manipur state)"
_LATER_GAP = re.compile(r"[^.;:!?()\[\]\n]{1,80}?(?=[(\[])")
LATER_MIN_PARTS = 2


def containers_later(
    text: str, end: int, gaz: Gazetteer | None = None
) -> list[tuple[str, int]]:
    """The units told in brackets a little later in the clause of a toponym ending at ``end``,
    when none are told right after it: only a hierarchy that says so (two units or more, or a
    unit word: "(Bijapur district, Chhattisgarh)", "(Manipur state)"), not an acronym. With
    ``gaz``, one name alone is a unit too when it is the name of a province ("(Manipur)",
    "(Kunar)" for Konar), written in lower case after its capital (no "(FDS)", "(ARSA)")."""
    m = _LATER_GAP.match(text, end)
    if m is None:
        return []
    found = containers_after(text, m.end())
    if len(found) >= LATER_MIN_PARTS:
        return found
    units = admin_unit_levels()
    if found and any(w.lower() in units for w in found[0][0].split()[1:]):
        return found
    if gaz is not None and len(found) == 1 and _province(gaz, found[0][0]):
        return found
    return []


def _province(gaz: Gazetteer, name: str) -> bool:
    """The name of a first-level unit (any spelling), written as a name, not an acronym."""
    if not re.fullmatch(r"[A-Z][a-z][\w'’-]*(?:[ -][A-Z][a-z][\w'’-]*){0,2}", name):
        return False
    return any(h.place.feature == "admin1" for h in gaz.lookup(name_key(name)))


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    return frozenset(load_words("not_places.txt"))


CHAIN_LINK = 4.0  # what a place lying inside the next one adds to a reading
SKIP_UNIT = -1.0  # what leaving out a unit of the written chain costs
CANDIDATES_PER_NAME = 8


def _cands(gaz: Gazetteer, query: str, ctx: Context) -> list[tuple[float, Place]]:
    top = parse_toponym(query)
    if len(top.core) < 3:
        return []
    scored = sorted(
        ((score(h, top, ctx), h.place.pid, h.place) for h in candidates(gaz, top.core)),
        key=lambda t: (-t[0], t[1]),
    )
    return [(s, p) for s, _pid, p in scored[:CANDIDATES_PER_NAME] if p.feature != "country"]


def _inside(p: Place, c: Place) -> bool:
    """Does place ``p`` lie inside (or at) the container ``c``? The packaged admin2 membership
    is incomplete, so a place of the same province within reach of a district counts."""
    if p.pid == c.pid:
        return True
    if p.country != c.country:
        return False
    same_a1 = bool(p.admin1 and c.admin1 and same_admin1(p.admin1, c.admin1))
    if c.feature == "admin1":
        return same_a1
    dist = (
        haversine_km(p.lat, p.lon, c.lat, c.lon)
        if p.lat is not None and c.lat is not None
        else None
    )
    if c.feature == "admin2":
        if p.admin2 and c.admin2 and light_key(p.admin2) == light_key(c.admin2):
            return True
        return same_a1 and (dist is None or dist <= ADMIN2_REACH_KM)
    return dist is not None and dist <= TOWN_REACH_KM  # "X, near Y" or a quarter of a town


ADMIN2_REACH_KM = 120
TOWN_REACH_KM = 40


def resolve_chain(
    gaz: Gazetteer,
    name: str,
    containers: list[tuple[str, int]],
    ctx: Context,
    precision_hint: int | None = None,
) -> Location | None:
    """Resolve ``name`` told with its ``containers`` (most specific first) as one reading;
    None when no container is known to the gazetteer."""
    levels = [_cands(gaz, c, ctx) for c, _off in containers]
    levels = [lv for lv in levels if lv]
    if not levels:
        return None
    # the place itself is one more level: a reading where it lies inside its district, and the
    # district inside its province, beats the most populous namesake of each
    own_level = _cands(gaz, name, ctx)
    # a unit the gazetteer lacks may be skipped ("Bor South county" is no "Bursa")
    options = [[*lv, (SKIP_UNIT, None)] for lv in levels]
    best: tuple[float, Place | None, tuple[Place, ...]] | None = None
    for combo in product(*options):
        places = tuple(p for _s, p in combo if p is not None)
        if not places:
            continue
        total = sum(s for s, _p in combo)
        for inner, outer in zip(places, places[1:], strict=False):
            total += CHAIN_LINK if _inside(inner, outer) else -CHAIN_LINK
        inside = [(s, p) for s, p in own_level if p.pid != places[0].pid and _inside(p, places[0])]
        own: Place | None = None
        if inside:
            s_own, own = max(inside, key=lambda t: (t[0], -t[1].pid))
            total += CHAIN_LINK + max(0.0, s_own)
        if best is None or total > best[0]:
            best = (total, own, places)
    assert best is not None
    _total, found, chain = best
    inner = chain[0]
    loc = Location(name=name)
    if found is not None:
        place_to_location(gaz, found, loc)
        loc.resolved = True
        prec = loc.precision or 1
        if precision_hint and precision_hint > prec:
            prec = precision_hint
        if parse_toponym(name).precision == 2:
            prec = max(prec, 2)
        loc.precision = prec
        return loc
    # the village is not in the gazetteer: the most specific container, flagged unresolved
    place_to_location(gaz, inner, loc)
    if inner.feature in ("city", "other", "admin2"):
        loc.precision = max(2, loc.precision or 2)
    else:
        loc.precision = 3
    loc.resolved, loc.feature, loc.geonameid = False, "unresolved", None
    return loc
