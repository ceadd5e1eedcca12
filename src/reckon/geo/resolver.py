"""Resolve toponyms against the gazetteer, using what the report says around them.

Candidate lookup: the phonetic key of the name (see :mod:`reckon.geo.normalize`), then, when
nothing matches, a fuzzy pass (rapidfuzz ratio >= ``FUZZY_MIN`` on the keys) over the names that
share the query's consonant skeleton.

Scoring (highest wins): population (log scale), feature importance (country names, capitals),
the report's countries (named in the text, by demonym, or implied by its other toponyms;
candidates outside them are penalised), admin1 units named in context ("in Latakia province"),
nearness to the report's other places, spelling closeness and import priority (an imported or
local place beats a default one whose names tie: analysts import places to be found).

Precision (ACLED geo_precision): 1 = the town itself, 2 = near / outskirts / countryside of a
town (or an unresolved place placed at the town it is said to be near), 3 = admin1 or larger.
:func:`ucdp_where_prec` maps a location to UCDP's where_prec (1..7).
"""

from __future__ import annotations

import re
from collections import Counter

from reckon.geo import sources
from reckon.geo.candidates import (  # noqa: F401  (re-exported)
    FOREIGN_MIN_POP,
    FOREIGN_MIN_POP_WEAK,
    _best,
    _best_in_country,
    _big,
    _named_only,
    _neighbour_town,
    candidates,
    haversine_km,
    score,
)
from reckon.geo.context import (  # noqa: F401  (re-exported)
    Context,
    admin1_cues,
    build_context,
    countries_in_text,
)
from reckon.geo.index import ensure_index, get_gazetteer, set_gazetteer  # noqa: F401
from reckon.geo.normalize import fold, light_key, name_key
from reckon.geo.store import Gazetteer, Hit, Place
from reckon.geo.toponym import (  # noqa: F401  (re-exported)
    _DIRECTION_ADJ,
    _PARTICLES,
    _RANK,
    NOT_PLACES,
    Toponym,
    _words,
    parse_toponym,
    route_ends,
)
from reckon.model import Location

MIN_SCORE = 0.0  # below this, a candidate is too doubtful to take
NEAR_CHARS = 200  # an unresolved toponym is placed near a town named this close, same sentence

_resolver_cache: dict[tuple, Location] = {}


def resolve(
    gaz: Gazetteer,
    name: str,
    ctx: Context | None = None,
    *,
    precision_hint: int | None = None,
    offset: int | None = None,
    within_town: bool = False,
) -> Location:
    """Resolve one toponym in context. Unresolved names are kept (resolved=False) with the most
    specific containing area the context gives."""
    ctx = ctx or Context()
    top = parse_toponym(name)
    if top.core != name and any(h.matched == light_key(name) for h in gaz.lookup(name_key(name))):
        # the whole phrase is a name in its own right ("Damascus Countryside", "Western Equatoria")
        top = Toponym(name, None, None)
    if within_town and offset is not None:
        # a square, street or quarter: placed at the town the sentence names
        loc = Location(name=name)
        if _place_near_town(loc, ctx, offset, precision=max(1, precision_hint or 1)):
            return loc
    ck = (id(gaz), str(gaz.path), top, ctx.key(), precision_hint, within_town)
    cached = _resolver_cache.get(ck) if offset is None else None
    if cached is not None:
        return _copy(cached, name)
    best = _best(gaz, top, ctx) if light_key(top.core) not in NOT_PLACES else None
    if best is not None and not _acceptable(best[0], best[1], best[2], top, ctx):
        # a namesake abroad: the best reading inside the report's countries, if any
        best = _best_in_country(gaz, top, ctx)
    loc = Location(name=name)
    if best is not None and _acceptable(best[0], best[1], best[2], top, ctx):
        place_to_location(gaz, best[0], loc)
        loc.resolved = True
        prec = loc.precision or 1
        if top.precision == 2 or precision_hint == 2:
            prec = max(prec, 2)
        if precision_hint and precision_hint > prec:
            prec = precision_hint
        loc.precision = prec
    else:
        part = _resolve_words(gaz, top, ctx, precision_hint) if len(_words(top.core)) > 1 else None
        if part is not None:
            _fill_from(loc, part)
        else:
            _fallback_area(gaz, loc, ctx, offset)
    if offset is None:
        if len(_resolver_cache) > 20_000:
            _resolver_cache.clear()
        _resolver_cache[ck] = _copy(loc, name)
    return loc


def _resolve_words(
    gaz: Gazetteer, top: Toponym, ctx: Context, precision_hint: int | None
) -> Location | None:
    """A toponym that does not resolve as a whole ("Saraqeb Idlib", "Western Homs", "Aleppo
    Syrian"): the most specific run of its words that resolves under its exact spelling, with
    an admin1 among the other words as its container. A dropped compass adjective makes the
    precision 2."""
    words = _words(top.core)
    countries = ctx.countries
    found: list[tuple[int, int, int, Location]] = []
    for n in range(len(words) - 1, 0, -1):
        for i in range(0, len(words) - n + 1):
            sub = " ".join(words[i : i + n])
            if sub.lower() in _DIRECTION_ADJ or sub.lower() in _PARTICLES or len(sub) < 3:
                continue
            ql = light_key(sub)
            hits = gaz.lookup(name_key(sub))
            own = any(h.matched == ql for h in hits)
            if not own and (i > 0 or len(sub.split()) < 2 or not hits):
                # under another spelling only a name's opening words ("Deir el-Zour Syria"):
                # one word, or words inside, are too loose ("Car" is no Kar, "Gulf Arab")
                continue
            got = resolve(gaz, sub, ctx)
            # a part of a name is trusted only inside the report's countries (or, when the
            # report names none, a province, a country or a well-known city under its own name)
            ok = (
                countries.get(got.iso or "", 0.0) >= 0.5
                if countries
                else got.feature in ("admin1", "country")
                or (own and any(h.place.geonameid == got.geonameid and _big(h.place) for h in hits))
            )
            if got.resolved and ok:
                found.append((_RANK.get(got.feature or "", 4), -n, i, got))
    if not found:
        return None
    found.sort(key=lambda t: t[:3])
    best = found[0][3]
    containers = [f[3] for f in found[1:] if f[3].feature == "admin1" and f[3].iso == best.iso]
    if containers and best.feature == "town" and best.admin1 != containers[0].admin1:
        # the words name a province that the town is not in: trust the province
        best = containers[0]
    prec = best.precision or 1
    if (
        any(w.lower() in _DIRECTION_ADJ for w in words)
        or top.precision == 2
        or precision_hint == 2
        or len(route_ends(top.core)) > 1
    ):
        prec = max(prec, 2)  # a compass part, or one end of a road ("Abuja-Kaduna")
    if precision_hint and precision_hint > prec:
        prec = precision_hint
    out = _copy(best, top.core)
    out.precision = prec
    return out


def _fill_from(loc: Location, got: Location) -> None:
    for f in ("country", "iso", "admin1", "admin2", "lat", "lon", "precision", "geonameid"):
        setattr(loc, f, getattr(got, f))
    loc.resolved, loc.feature = got.resolved, got.feature


def _acceptable(place: Place, s: float, hit: Hit, top: Toponym, ctx: Context) -> bool:
    """Whether the best candidate is good enough to take.

    Outside the report's countries a place is taken only when matched by its own spelling and
    well known enough to outweigh the context (so a Syrian village is never put abroad because a
    foreign place has a similar name)."""
    if place.feature == "country":
        return True
    ql = light_key(top.core)
    countries = ctx.countries_for(ql, exclude_self=True)
    main = ctx.top_country(ql)
    if (
        main
        and _named_only(ctx, main, ql)
        and (place.country or "") not in countries
        and (place.country or "") in sources.neighbours().get(main, frozenset())
        and _neighbour_town(hit, ql)
    ):
        # a report that ties itself to its country by demonyms only ("Israeli forces raided
        # Jenin"): a town of that country's neighbour, which the report does not name
        return True
    if s < MIN_SCORE:
        return False
    if hit.fuzzy < 1.0:
        # a fuzzy match only in the report's main country (or when nothing is known)
        return not countries or countries.get(place.country or "", 0.0) >= 0.5
    if not countries or (place.country or "") in countries:
        w = countries.get(place.country or "", 1.0)
        if w < 1.0 and not _big(place) and not place.prio:
            # a country the report names beside its main one (the powers in a war, a
            # neighbour): a transliteration namesake there, or a hamlet, is no reading of a
            # place in the main country ("al-Quria" is no Kur'ya in Russia)
            if hit.matched != ql:
                return False
            if w < 0.5 and place.population < FOREIGN_MIN_POP_WEAK:
                return False
        return True
    # outside the report's countries a place needs strong evidence: its own spelling (never a
    # namesake found through a transliteration key) and some size. When the report says little
    # about where it is (a demonym, one other place), a town of some thousands will do.
    # a report filed from a town of another country says enough about where it is
    support = sum(w * (2.0 if src == "@dateline" else 1.0) for src, _i, w in ctx.votes if src != ql)
    if support < 3.0:
        if hit.matched != ql:  # another spelling: only a large place ("Hodeida" for Hodeidah)
            return s >= 0.5 and _big(place) and len(name_key(top.core)) >= 5
        return s >= 0.5 and (place.population >= FOREIGN_MIN_POP_WEAK or _big(place))
    if hit.matched != ql:
        return False
    # the report is clearly about other countries: only a well-known place under its main name
    # (Moscow, Washington) or a very large one, judged without the toponym's own votes
    s = score(hit, top, ctx, exclude_self=True)
    if hit.main and _big(place):
        return s >= 1.5
    return s >= 3.5 and place.population >= FOREIGN_MIN_POP


def _copy(loc: Location, name: str) -> Location:
    return Location(
        name=name,
        span=None,
        country=loc.country,
        iso=loc.iso,
        admin1=loc.admin1,
        admin2=loc.admin2,
        lat=loc.lat,
        lon=loc.lon,
        precision=loc.precision,
        geonameid=loc.geonameid,
        resolved=loc.resolved,
        feature=loc.feature,
    )


def place_to_location(gaz: Gazetteer, p: Place, loc: Location) -> Location:
    loc.iso = p.country
    loc.country = gaz.country_name(p.country)
    loc.lat = round(p.lat, 5) if p.lat is not None else None
    loc.lon = round(p.lon, 5) if p.lon is not None else None
    loc.geonameid = p.geonameid
    if p.feature == "country":
        loc.admin1 = loc.admin2 = None
        loc.precision, loc.feature = 3, "country"
    elif p.feature == "admin1":
        loc.admin1, loc.admin2 = p.admin1, None
        loc.precision, loc.feature = 3, "admin1"
    else:
        loc.admin1, loc.admin2 = p.admin1, p.admin2
        loc.precision = 1 if p.feature != "admin2" else 2
        loc.feature = p.feature if p.feature != "city" else "town"
        if p.lat is None and p.country and p.admin1:
            # a district with no known seat: its province's point, at a province's precision
            unit = gaz.admin1_place(p.country, p.admin1)
            if unit is not None and unit.lat is not None:
                loc.lat, loc.lon, loc.precision = round(unit.lat, 5), round(unit.lon, 5), 3
    return loc


_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"“]|\n\s*\n")


def _sentence_break(text: str, a: int, b: int) -> bool:
    """Whether a sentence ends between offsets a and b (False when the text is unknown)."""
    return bool(text) and bool(_SENTENCE_END.search(text, a, b))


def _place_near_town(loc: Location, ctx: Context, offset: int, *, precision: int) -> bool:
    """Put an unresolved toponym at the resolved town named closest to it in the same sentence."""
    countries = ctx.countries
    near = [
        (abs(o - offset), o, m)
        for o, m in ctx.mentions
        if m.resolved
        and m.feature == "town"
        and (not countries or countries.get(m.iso or "", 0.0) >= 0.5)
        and 0 < abs(o - offset) <= NEAR_CHARS
        and not _sentence_break(ctx.text, min(o, offset), max(o, offset))
    ]
    if not near:
        return False
    m = min(near, key=lambda t: (t[0], t[1]))[2]
    loc.country, loc.iso, loc.admin1, loc.admin2 = m.country, m.iso, m.admin1, m.admin2
    loc.lat, loc.lon, loc.precision = m.lat, m.lon, precision
    loc.resolved, loc.feature = False, "unresolved"
    return True


def _fallback_area(gaz: Gazetteer, loc: Location, ctx: Context, offset: int | None) -> None:
    """Keep an unresolved toponym inside the most specific area the context gives."""
    loc.resolved = False
    loc.feature = "unresolved"
    # a resolved town mentioned close by in the text: the toponym is placed near it
    if offset is not None and _place_near_town(loc, ctx, offset, precision=2):
        return
    if ctx.admin1s:
        if offset is not None:
            iso, a1, _ = min(ctx.admin1s, key=lambda t: (abs(t[2] - offset), t[2]))
        else:
            iso, a1, _ = ctx.admin1s[0]
        unit = gaz.admin1_place(iso, a1)
        if unit is not None:
            place_to_location(gaz, unit, loc)
            loc.feature, loc.geonameid = "unresolved", None
            return
    # the one admin1 that most of the report's resolved places are in (the toponym's own votes
    # for a namesake abroad do not count)
    iso = ctx.top_country(light_key(parse_toponym(loc.name or "").core)) or ctx.top_country()
    in_country = [m.admin1 for _o, m in ctx.mentions if m.resolved and m.iso == iso and m.admin1]
    if iso and in_country:
        a1, n = Counter(in_country).most_common(1)[0]
        unit = gaz.admin1_place(iso, a1)
        if unit is not None and n / len(in_country) >= 0.6:
            place_to_location(gaz, unit, loc)
            loc.feature, loc.geonameid = "unresolved", None
            return
    if iso:
        unit = gaz.country_place(iso)
        loc.iso, loc.country = iso, gaz.country_name(iso)
        if unit is not None:
            loc.lat, loc.lon = unit.lat, unit.lon
        loc.precision = 3


def ucdp_where_prec(location: Location) -> int:
    """UCDP GED where_prec for a location.

    1 exact location, 2 within ~25 km of a known point, 3 admin2, 4 admin1, 5 a region larger
    than admin1, 6 country, 7 international waters or airspace.
    """
    name = fold(location.name or "")
    if re.search(r"\b(sea|gulf|ocean|strait|airspace|international waters)\b", name):
        if not location.admin1:
            return 7
    if location.feature == "country" or (location.iso and not location.admin1 and not location.lat):
        return 6
    if location.feature == "country":
        return 6
    if location.feature in ("admin1",) or (location.precision == 3 and location.admin1):
        return 4
    if location.precision == 3 and not location.admin1:
        return 6 if location.iso else 5
    if location.feature == "admin2":
        return 3
    if location.precision == 2:
        return 2
    if location.precision == 1 and location.resolved:
        return 1
    if location.admin2:
        return 3
    if location.admin1:
        return 4
    return 6 if location.iso else 5
