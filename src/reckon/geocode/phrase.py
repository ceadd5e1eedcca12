"""Placing one name or a descriptive place phrase ("Gobara, 15km northwest of Gwoza, Gwoza LGA")."""

from __future__ import annotations

import re

from reckon.geo.resolver import (
    Context,
    admin1_cues,
    build_context,
    get_gazetteer,
    resolve,
)
from reckon.geo.store import Gazetteer
from reckon.geocode.common import _known_phrase
from reckon.geocode.hints import _phrase_hints
from reckon.geocode.scan import scan_toponyms
from reckon.model import Location

_SEGMENT_SPLIT = re.compile(
    r"\s*(?:[,;:/()\[\]\n\t|]|\s[-–—]\s|\b(?:in|of|near|and|between|around|at|outside|"
    r"from|to|on|inside|within)\b)\s*",
    re.IGNORECASE,
)
_GENERIC_ONLY = re.compile(
    r"^(?:the\s+)?(?:\d+\s*km|several|many|some|various|its|their|area|areas|village|villages|"
    r"town|towns|city|district|province|region|countryside|vicinity|outskirts|suburbs|"
    r"neighbou?rhood|camp|sector|municipality|department|commune|state|governorate|county|"
    r"territory|road|highway|north|south|east|west|northwest|northeast|southwest|southeast|"
    r"northern|southern|eastern|western|central|\s)+$",
    re.IGNORECASE,
)
_NEAR_WORDS = re.compile(
    r"\b(?:near|vicinity|outskirts|outside|countryside|around|suburbs?|\d+\s*km)\b", re.I
)


_LIST_PHRASE = re.compile(r",[^,]+(,|\band\b)", re.IGNORECASE)


def phrase_segments(phrase: str) -> list[str]:
    """Candidate toponyms of a descriptive place phrase ("Gobara, 15km northwest of Gwoza, Gwoza
    LGA" -> Gobara, Gwoza, Gwoza LGA), most specific first as written."""
    out = []
    for part in _SEGMENT_SPLIT.split(phrase):
        part = part.strip(" .'\"‘’“”")
        if len(part) < 3 or _GENERIC_ONLY.match(part) or not re.search(r"[A-Za-z]", part):
            continue
        out.append(part)
    return out


def _resolve_phrase(
    gaz: Gazetteer,
    name: str,
    parts: list[str],
    text: str,
    names: list[tuple[str, int]],
    country_hint: str | None,
    precision_hint: int | None,
) -> Location | None:
    """Resolve a descriptive phrase by its parts: the most specific part that resolves, with the
    others as context (a province named in the phrase favours towns inside it)."""
    ctx = build_context(
        gaz, text=text, names=names + [(p, -1) for p in parts], country_hint=country_hint
    )
    ctx.text = text
    if _NEAR_WORDS.search(name) and (precision_hint is None or precision_hint < 2):
        precision_hint = 2
    # later parts contain earlier ones ("X village in Y district, Z province"): resolve from the
    # last, and let each resolved container vote for its country and admin1
    resolved: list[Location] = [Location(name=p) for p in parts]
    for i in range(len(parts) - 1, -1, -1):
        got = resolve(gaz, parts[i], ctx, precision_hint=precision_hint)
        resolved[i] = got
        if got.resolved and got.iso:
            ctx.add_vote("", got.iso, 3.0)
            if got.admin1:
                ctx.admin1s.append((got.iso, got.admin1, -1))
    rank = {"town": 0, "other": 0, "admin2": 1, "admin1": 2, "country": 3}

    def clash(i: int, r: Location) -> int:
        """1 when a later (containing) part puts the place in another admin1 or country."""
        for c in resolved[i + 1 :]:
            if not c.resolved:
                continue
            if c.iso != r.iso or (c.admin1 and r.admin1 and c.admin1 != r.admin1):
                return 1
        return 0

    good = [
        (clash(i, r), rank.get(r.feature or "", 4), i, r)
        for i, r in enumerate(resolved)
        if r.resolved
    ]
    if not good:
        return None
    if len(parts) >= 3 and _LIST_PHRASE.search(name):
        # a list of places ("Nangarhar, Logar and Ghazni provinces"): the first one named
        best = min(good, key=lambda t: (t[0], t[2]))[3]
    else:
        best = min(good, key=lambda t: t[:3])[3]
    if best.feature in ("admin1", "country") and len(good) < len(parts):
        # a part named a place we do not know: keep it unresolved inside that area
        best.resolved = False
        best.feature = "unresolved"
        best.geonameid = None
    best.name = name
    return best


def geocode_name(
    name: str,
    *,
    country_hint: str | None = None,
    context: list[str] | None = None,
    precision_hint: int | None = None,
    gazetteer: Gazetteer | None = None,
) -> Location:
    """Place one name. ``context`` holds other toponyms of the report and/or its text (strings
    of more than a few words are read as text: countries, provinces and places named in it)."""
    gaz = gazetteer or get_gazetteer()
    context = context or []
    texts = [c for c in context if len(c) > 60 or c.count(" ") >= 6]
    short = [c for c in context if c not in texts]
    text = "\n".join(texts)
    names: list[tuple[str, int]] = [(n, -1) for n in short]
    if text:
        names += scan_toponyms(gaz, text)
    ctx: Context = build_context(gaz, text=text, names=names, country_hint=country_hint)
    ctx.text = text
    offset = None
    if text:
        pos = text.find(name)
        if pos >= 0:
            offset = pos
            suffix, prec = _phrase_hints(
                text, pos, pos + len(name), {o for _n, o in admin1_cues(text)}
            )
            if prec == 2 and (precision_hint is None or precision_hint < 2):
                precision_hint = 2
            if suffix and not re.search(r"(province|governorate|region)s?$", name, re.I):
                name_q = name + suffix
            else:
                name_q = name
        else:
            name_q = name
    else:
        name_q = name
    parts = phrase_segments(name)
    if len(parts) > 1 and not _known_phrase(gaz, name):
        # "X village in Y district, Z province": resolved part by part, containers first
        got = _resolve_phrase(gaz, name, parts, text, names, country_hint, precision_hint)
        if got is not None:
            return got
    loc = resolve(gaz, name_q, ctx, precision_hint=precision_hint)
    if not loc.resolved and text:
        for n, off in names:
            if off >= 0:
                got = resolve(gaz, n, ctx)
                if got.resolved:
                    ctx.mentions.append((off, got))
        # of the name's occurrences, the one closest to a resolved town
        towns = [o for o, m in ctx.mentions if m.feature == "town"]
        occurrences = [m.start() for m in re.finditer(re.escape(name), text)] or [offset or 0]
        if towns:
            offset = min(occurrences, key=lambda o: (min(abs(o - t) for t in towns), o))
        loc = resolve(gaz, name_q, ctx, precision_hint=precision_hint, offset=offset or 0)
    loc.name = name
    return loc
