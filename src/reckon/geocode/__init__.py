"""The geocoding stage: place every toponym of an extraction, offline.

``geocode(extraction)`` fills, in place, each incident's ``Location`` and each entry of
``Extraction.places`` (country, iso, admin1, admin2, lat, lon, precision, geonameid, resolved,
feature) from the default gazetteer (:mod:`reckon.geo`). ``geocode_name(name, ...)`` places one
name. Toponyms that cannot be resolved are kept with ``resolved=False`` and the most specific
area the report gives (a town named next to them, an admin1 named as a province, the report's
country).

Precision follows ACLED: 1 the town itself; 2 "near / outskirts of / countryside of X" (or a
precision hint of 2 from extraction); 3 only a province, region or country is known.
"""

from __future__ import annotations

from reckon.extract import foreign
from reckon.geo.normalize import light_key
from reckon.geo.resolver import admin1_cues, build_context, get_gazetteer, resolve
from reckon.geo.store import Gazetteer
from reckon.geocode.common import _fill, _locations
from reckon.geocode.dateline import (
    DATELINE_VOTE,
    country_to_only_town,
    place_at_dateline,
    read_dateline,
)
from reckon.geocode.hierarchy import containers_after, containers_later, resolve_chain
from reckon.geocode.hints import _LOCAL_AFTER, _phrase_hints
from reckon.geocode.incidents import _keep_in_main_country, _possessed_place
from reckon.geocode.neighbours import _pull_into_neighbours
from reckon.geocode.phrase import geocode_name, phrase_segments
from reckon.geocode.routes import _resolve_route, _route
from reckon.geocode.scan import scan_toponyms
from reckon.geocode.unplaced import contain_countryless, place_unplaced
from reckon.model import Extraction, Location

__all__ = ["geocode", "geocode_name", "phrase_segments", "scan_toponyms"]


def geocode(extraction: Extraction, *, gazetteer: Gazetteer | None = None) -> Extraction:
    """Fill every Location of the extraction in place; returns the same extraction."""
    gaz = gazetteer or get_gazetteer()
    report = extraction.report
    text = report.text or ""
    head = f"{report.title}\n" if report.title else ""
    # an incident the reader found no place for: the town the text opens with
    place_unplaced(gaz, extraction)
    locs = _locations(extraction)
    if not locs:
        return extraction
    cues = admin1_cues(head + text)
    admin_offsets = {off - len(head) for _n, off in cues}
    # a name the report has called a province is that province wherever it recurs
    admin_keys = {light_key(n) for n, _off in cues}
    pending: list[tuple[Location, str, int | None, int | None, bool]] = []
    # the units told right after a place ("Djibasso (Kossi)", "Gwoza, Borno")
    within: dict[int, list[tuple[str, int]]] = {}
    for loc in locs:
        if loc.name and loc.span is not None:
            found = containers_after(text, loc.span.end) or containers_later(
                text, loc.span.end, gaz
            )
            if found:
                within[id(loc)] = found
    for loc in locs:
        if not loc.name:
            continue
        start = loc.span.start if loc.span else None
        suffix, prec, local = "", None, False
        if loc.span is not None:
            suffix, prec = _phrase_hints(text, loc.span.start, loc.span.end, admin_offsets)
            local = bool(_LOCAL_AFTER.match(text[loc.span.end : loc.span.end + 30]))
        hint = loc.precision if loc.precision in (1, 2, 3) else None
        if not suffix and (hint == 3 or light_key(loc.name) in admin_keys):
            suffix = " province"
        if prec == 2 and (hint is None or hint < 2):
            hint = 2
        pending.append((loc, loc.name + suffix, hint, start, local))
    # a square, street or quarter says nothing about the report's country (al-Karama square in
    # Sweida is no vote for Dubai's al-Karama); the ends of a route vote as places
    names = [
        (part, s + len(head) if s is not None else -1)
        for _l, q, _h, s, lc in pending
        if not lc
        for part in (_route(gaz, q) or [q])
    ]
    # one mention, one vote (an incident's place is also among the report's places)
    names = sorted(set(names), key=lambda t: (t[1], t[0]))
    names += sorted({(n, o + len(head)) for found in within.values() for n, o in found})
    ctx = build_context(
        gaz, text=head + text, names=names, source=report.source, day=report.published
    )
    # offsets in the context are relative to head + text; the locations' spans to text
    ctx.admin1s = [(c, a, off - len(head) if off >= 0 else off) for c, a, off in ctx.admin1s]
    ctx.text = text
    # the town the report was filed from: a clue to its country, and a town of its sentence
    dl = read_dateline(gaz, text, ctx)
    if dl is not None and dl.place.iso:
        ctx.add_vote("@dateline", dl.place.iso, DATELINE_VOTE)
        ctx.mentions.append((dl.start, dl.place))
    later: list[tuple[Location, str, int | None, int | None, bool]] = []
    routes: list[tuple[Location, str, int | None, int | None, bool]] = []
    done: list[tuple[tuple[Location, str, int | None, int | None, bool], Location]] = []
    for item in pending:
        loc, query, hint, start, local = item
        if _route(gaz, loc.name):
            routes.append(item)  # "the Abuja-Kaduna highway": placed once its ends are known
            continue
        if local and start is not None:
            later.append(item)  # a square or quarter: placed at its town once towns are known
            continue
        chain = within.get(id(loc))
        got = resolve_chain(gaz, query, chain, ctx, hint) if chain else None
        if got is not None:
            # one reading of the place and the units it is said to lie in
            _fill(loc, got)
            if start is not None:
                ctx.mentions.append((start, got))
            continue
        got = resolve(gaz, query, ctx, precision_hint=hint)
        if got.resolved:
            _fill(loc, got)
            if start is not None:
                ctx.mentions.append((start, got))
                done.append((item, got))
        else:
            later.append(item)
    _pull_into_neighbours(gaz, text, ctx, done)
    for item in routes:
        loc, _query, hint, start, _local = item
        got = _resolve_route(gaz, text, loc, ctx, hint)
        if got is None:
            later.append(item)
            continue
        _fill(loc, got)
        if start is not None:
            ctx.mentions.append((start, got))
    for loc, query, hint, start, local in later:
        offset = start if start is not None else 0
        got = resolve(gaz, query, ctx, precision_hint=hint, offset=offset, within_town=local)
        _fill(loc, got)
    _possessed_place(extraction)
    _keep_in_main_country(gaz, extraction, ctx)
    if dl is not None:
        place_at_dateline(gaz, extraction, dl)
    country_to_only_town(extraction, dl)
    contain_countryless(gaz, extraction, ctx)
    # a state's forces at home are State forces, abroad foreign forces
    foreign.retype(extraction, {name: iso for iso, name in gaz.countries()})
    return extraction
