"""Candidate places for a name and their scores in a report's context."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from reckon.geo import sources
from reckon.geo.normalize import light_key, name_key, same_admin1, skeleton
from reckon.geo.store import Gazetteer, Hit, Place
from reckon.geo.toponym import NOT_PLACES, Toponym
from reckon.model import Location

if TYPE_CHECKING:
    from reckon.geo.context import Context

FUZZY_MIN = 84.0
# (what the text calls the place, what the candidate is) -> bonus: "Oudalan province" is a
# province, or (in Burkina Faso) a second-level unit; "Monguno LGA" a district
ADMIN_HINT: dict[tuple[str | None, str], float] = {
    ("admin1", "admin1"): 6.0,
    ("admin2", "admin1"): 2.5,
    ("city", "admin1"): -3.0,
    ("admin2", "admin2"): 5.0,
    ("admin1", "admin2"): 3.0,
    ("city", "admin2"): -2.0,
}


def _drop_borrowed(hits: list[Hit]) -> list[Hit]:
    """Drop a town found only under an alternate name when another town of the same country
    and at least half its size bears the name as its own (GeoNames lists some towns' names
    among a neighbour's alternates: "Slov'yansk" under Nikopol)."""
    owners = [h.place for h in hits if h.main and h.place.feature == "city"]
    if not owners:
        return hits
    return [
        h
        for h in hits
        if h.main
        or h.place.feature != "city"
        or not any(
            o.country == h.place.country and o.population >= 0.5 * h.place.population
            for o in owners
        )
    ]


def candidates(gaz: Gazetteer, name: str, *, always_fuzzy: bool = False) -> list[Hit]:
    """Places whose names match this name (by key, else fuzzily; with ``always_fuzzy`` the
    fuzzy matches are added to the key matches)."""
    key = name_key(name)
    if not key:
        return []
    hits = _drop_borrowed(list(gaz.lookup(key)))
    words = name.split()
    if len(words[-1]) > 4 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        # a possessive without its apostrophe ("Idlibs countryside", "Syrias")
        bare = " ".join([*words[:-1], words[-1][:-1]])
        seen = {h.place.pid for h in hits}
        ql = light_key(bare)
        hits += [
            Hit(h.place, h.matched, h.main, 0.97)
            for h in gaz.lookup(name_key(bare))
            if h.place.pid not in seen and h.matched == ql
        ]
    if (hits and not always_fuzzy) or len(key) < 4:
        return hits
    bucket = gaz.skeleton_names(skeleton(key))
    if not bucket:
        return hits
    keys = sorted({k for k, _l, _p, _m in bucket} - {key})
    matches = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=5)
    out: dict[int, Hit] = {h.place.pid: h for h in hits}
    for mkey, score, _i in matches:
        for h in gaz.lookup(mkey):
            if h.place.pid not in out:
                out[h.place.pid] = Hit(h.place, h.matched, h.main, score / 100.0)
    return list(out.values())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def score(hit: Hit, top: Toponym, ctx: Context, *, exclude_self: bool = False) -> float:
    p = hit.place
    if p.feature == "admin1":
        s = 2.0 + ADMIN_HINT.get((top.feature, "admin1"), 0.0)
    elif p.feature == "admin2":
        # a district: read for a bare name only when no town bears it (its seat usually does)
        s = 0.6 * math.log10(max(p.population, 500)) - 1.0
        s += ADMIN_HINT.get((top.feature, "admin2"), 0.0)
    elif p.feature == "country":
        s = 7.0
    else:
        s = 0.6 * math.log10(max(p.population, 500))
        if top.feature == "admin1":
            s -= 1.5
        if p.fcode == "PPLC":
            s += 0.5
    ql = light_key(top.core)
    countries = ctx.countries_for(ql, exclude_self=exclude_self)
    if countries:
        w = countries.get(p.country or "")
        s += 3.0 * w if w else -3.0
        if w and p.fcode == "PPLC":
            s += 1.5  # the capital of a country the report names (Damascus in a report on Syria)
    if ctx.admin1s and p.admin1 and p.feature != "country":
        if any(c == p.country and same_admin1(a, p.admin1) for c, a, _ in ctx.admin1s):
            s += 2.0
    if ctx.local and p.admin1 and p.feature != "country":
        s += max(
            (w for c, a, w in ctx.local if c == p.country and same_admin1(a, p.admin1)),
            default=0.0,
        )
    if ctx.points and p.lat is not None and p.feature in ("city", "other"):
        d = min(haversine_km(p.lat, p.lon, a, b) for a, b in ctx.points)
        if d < 1.0:
            s += 0.5  # the same place mentioned again
        elif d < 60:
            s += 1.0
        elif d < 200:
            s += 0.5
    if hit.matched == ql:
        s += 0.5
    else:
        s -= 1.5 * (1.0 - fuzz.ratio(ql, hit.matched) / 100.0)
    if hit.main:
        s += 0.6
    s -= (1.0 - hit.fuzzy) * 25.0
    s += 0.8 * p.prio
    return s


def _best(
    gaz: Gazetteer, top: Toponym, ctx: Context, *, fuzzy: bool = True, min_sim: float = 0.0
) -> tuple[Place, float, Hit] | None:
    hits = (
        candidates(gaz, top.core) if fuzzy else _drop_borrowed(list(gaz.lookup(name_key(top.core))))
    )
    if min_sim:
        ql = light_key(top.core)
        hits = [h for h in hits if fuzz.ratio(ql, h.matched) >= 100 * min_sim]
    if not hits:
        return None
    scored = sorted(
        ((score(h, top, ctx), h.place.pid, h) for h in hits), key=lambda t: (-t[0], t[1])
    )
    s, _pid, h = scored[0]
    return h.place, s, h


def _best_in_country(gaz: Gazetteer, top: Toponym, ctx: Context) -> tuple[Place, float, Hit] | None:
    """The best candidate (key or fuzzy match) inside the report's main countries."""
    if light_key(top.core) in NOT_PLACES:
        return None
    countries = ctx.countries_for(light_key(top.core), exclude_self=True)
    if not countries:
        return None
    ql = light_key(top.core)
    main = ctx.top_country(ql)
    near = (
        sources.neighbours().get(main, frozenset())
        if main and _named_only(ctx, main, ql)
        else frozenset()
    )
    hits = [
        h
        for h in candidates(gaz, top.core, always_fuzzy=True)
        if h.place.feature != "country"
        and (
            countries.get(h.place.country or "", 0.0) >= 0.75
            # a sizeable town of a neighbour under its own name ("Jenin" in a report of
            # Israeli raids)
            or ((h.place.country or "") in near and _neighbour_town(h, ql))
        )
    ]
    if not hits:
        return None

    def supported(h: Hit) -> bool:
        """A reading under another spelling (a key or fuzzy match) needs the report's other
        places around it, when the report names any."""
        p = h.place
        if h.fuzzy >= 1.0 and (h.matched == ql or not (ctx.points or ctx.admin1s)):
            return True
        if (p.country or "") in near and _neighbour_town(h, ql):
            return True
        if any(c == p.country and same_admin1(a, p.admin1) for c, a, _ in ctx.admin1s):
            return True
        return p.lat is not None and any(
            haversine_km(p.lat, p.lon, a, b) < 100 for a, b in ctx.points
        )

    hits = [h for h in hits if supported(h)]
    if not hits:
        return None
    s, _pid, h = min(
        ((score(h, top, ctx), h.place.pid, h) for h in hits), key=lambda t: (-t[0], t[1])
    )
    return h.place, s, h


_resolver_cache: dict[tuple, Location] = {}


def _neighbour_town(hit: Hit, ql: str) -> bool:
    """A neighbour's town good enough to be read for a name: under its own spelling and of
    some thousands, or under another spelling ("Jenin" for Janin) and a real town."""
    p = hit.place
    if hit.fuzzy < 1.0:
        return False
    if hit.matched == ql:
        return p.population >= FOREIGN_MIN_POP_WEAK or _big(p)
    return p.population >= NEIGHBOUR_MIN_POP_SPELLING or _big(p)


NEIGHBOUR_MIN_POP_SPELLING = 20_000


def _named_only(ctx: Context, iso: str, ql: str) -> bool:
    """Whether the report ties itself to country ``iso`` only by naming it or its people
    ("Israeli forces"), with none of its places among the report's other toponyms."""
    return not any(src and src != ql and c == iso for src, c, _w in ctx.votes)


FOREIGN_MIN_POP = 100_000  # a place this large may be named in a report on another country
FOREIGN_MIN_POP_WEAK = 5_000  # ... or this large when the report barely says where it is


def _big(place: Place) -> bool:
    """A capital, a first-order seat or a large city: places reports name from afar."""
    return place.population >= FOREIGN_MIN_POP or (place.fcode or "") in (
        "PPLC",
        "PPLA",
        "PPLG",
    )
