"""An incident's place, checked against the report as a whole: a possessed place ("Borno's
Gwoza"), a place borrowed from a side country."""

from __future__ import annotations

import re

from reckon.geo.normalize import same_admin1
from reckon.geo.resolver import (
    Context,
    place_to_location,
)
from reckon.geo.store import Gazetteer
from reckon.geocode.common import _fill, _locations
from reckon.geocode.neighbours import _well_known
from reckon.model import Evidence, Extraction, Location, Mention


def _possessed_place(extraction: Extraction) -> None:
    """An incident placed at a province or country told as the owner of a place ("Manipur's
    Imphal East district", "Borno's Gwoza") is placed at that place when it lies inside."""
    text = extraction.report.text or ""
    places = [p for p in extraction.places if p.span is not None and p.resolved]
    for inc in extraction.incidents:
        loc = inc.location
        if loc is None or loc.span is None or loc.feature not in ("admin1", "country"):
            continue
        m = _POSSESSIVE_GAP.match(text, loc.span.end)
        if m is None:
            continue
        inner = next((p for p in places if p.span is not None and p.span.start == m.end()), None)
        if inner is None or inner.iso != loc.iso:
            continue
        if loc.feature == "admin1" and not same_admin1(inner.admin1 or "", loc.admin1 or ""):
            continue
        new = Location(name=inner.name, span=inner.span)
        _fill(new, inner)
        _move(inc, new)


def _move(inc: Mention, new: Location) -> None:
    """Place an incident at ``new``; its location evidence follows (the span it was read from)."""
    inc.location = new
    if new.span is None:
        return
    inc.evidence = [
        Evidence("location", new.span.text, new.span.start, new.span.end)
        if ev.field == "location"
        else ev
        for ev in inc.evidence
    ]


_POSSESSIVE_GAP = re.compile(r"['’]s\s+")


# how much less than the report's main country another must weigh for its places to be doubted
SIDE_COUNTRY_MAX = 0.7
MAIN_COUNTRY_AFTER = 600  # characters after an incident's clause where its place may be told


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|into|across|around|inside)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:of\s+)?$|\b(?:centre|center|outskirts|streets|suburbs?|heart|east|west|north|south)"
    r"\s+of\s+$",
    re.I,
)


def _clause_of(m: Mention) -> tuple[int, int] | None:
    for ev in m.evidence:
        if ev.field == "clause":
            return ev.start, ev.end
    return None


def _keep_in_main_country(gaz: Gazetteer, extraction: Extraction, ctx: Context) -> None:
    """An incident placed in a country the report names only beside its main one is moved to
    the report's place in the main country told closest to it (in its clause, else the first
    after it, else the last before it; else the main country itself).

    Taken only where the place was not told in the incident's own clause (a place borrowed from
    elsewhere in the report: "In Washington the Pentagon confirmed ..." for strikes in Syria), or
    where it is a country or a well-known city, which reports name for their governments
    ("Moscow has demanded ...", "France sought a resolution")."""
    countries = ctx.countries
    text = extraction.report.text or ""
    main = ctx.top_country()
    if not main or not countries:
        return
    home = sorted(
        (p.span.start, i, p)
        for i, p in enumerate(_locations(extraction))
        if p.span is not None
        and p.resolved
        and p.iso == main
        and p.admin1
        and p.feature in ("town", "other", "admin2", "admin1")
    )
    side_towns = any(
        p.resolved and p.iso != main and p.feature in ("town", "other", "admin2", "admin1")
        for p in _locations(extraction)
    )
    for inc in extraction.incidents:
        loc = inc.location
        if loc is None or not loc.iso or loc.iso == main:
            continue
        if countries.get(loc.iso, 0.0) > SIDE_COUNTRY_MAX:
            continue
        if not home and side_towns:
            # the "main" country has no town in the report, the other has: names and
            # demonyms ("Russian missiles", "Russia denies") outweighed the places
            continue
        clause = _clause_of(inc)
        if clause is None:
            continue
        a, b = clause
        inside = loc.span is not None and a <= loc.span.start < b
        if (
            inside
            and loc.feature != "country"
            and loc.span is not None
            and (
                not _well_known(gaz, loc.name, loc)
                or _LOCATIVE_BEFORE.search(text, max(0, loc.span.start - 40), loc.span.start)
            )
        ):
            continue  # "struck a building in the centre of Kharkiv": where it happened
        within = [p for o, _i, p in home if a <= o < b]
        after = [p for o, _i, p in home if b <= o < b + MAIN_COUNTRY_AFTER]
        before = [p for o, _i, p in home if o < a]
        pick = (within or after or before[-1:] or [None])[0]
        if pick is not None:
            new = Location(name=pick.name, span=pick.span)
            _fill(new, pick)
        else:
            unit = gaz.country_place(main)
            if unit is None:
                continue
            new = place_to_location(gaz, unit, Location(name=gaz.country_name(main) or main))
        _move(inc, new)
