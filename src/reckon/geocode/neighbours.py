"""Places named together pull towards one admin1; a district or village the gazetteer lacks
is kept at the town or province the text puts it in."""

from __future__ import annotations

import re

from reckon.geo.normalize import light_key, name_key, same_admin1
from reckon.geo.resolver import (
    Context,
    _big,
    haversine_km,
    parse_toponym,
    place_to_location,
    resolve,
)
from reckon.geo.store import Gazetteer
from reckon.geocode.common import _fill
from reckon.model import Location

_PARAGRAPH_END = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"“]|\n")
_SUBUNIT_AFTER = re.compile(
    r"['’]?s?\s+(?:district|raion|neighbou?rhood|quarter|borough|suburb|municipality|"
    r"micro-?district)\b",
    re.IGNORECASE,
)
LOCAL_PULL = {"sentence": 2.0, "paragraph": 1.0}
# what stands between a place and its container: "X near Jos", "X, Kano State", "X in Burkina
# Faso's Centre-Nord region", "X in the province of Y", "X north of Aleppo"
_CONTAINER = re.compile(
    r"(?:['’]s)?(?:\s+(?:district|village|town|area|community))?"
    r"(?:\s*,\s*|\s+(?:near|in|outside|close\s+to|(?:(?:north|south)(?:-?(?:east|west))?|east|"
    r"west)\s+of)\s+)(?:the\s+)?"
    r"(?:(?:town|city|district|province|region|state|governorate|oblast)\s+of\s+)?"
    r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+)?"
)


def _same_span(text: str, pattern: re.Pattern[str], a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return not pattern.search(text, lo, hi)


def _well_known(gaz: Gazetteer, query: str, got: Location) -> bool:
    """Whether the reading is a capital, a first-order seat or a large city under its own
    name ("the city of Idlib near Aleppo" is Idlib, not a namesake near Aleppo). An old or
    foreign name a large city also bears ("Adra" among Daraa's) is not its own."""

    core = parse_toponym(query).core
    return any(
        h.place.geonameid == got.geonameid
        and h.matched == light_key(core)
        and h.main
        and _big(h.place)
        for h in gaz.lookup(name_key(core))
    )


def _common_name(gaz: Gazetteer, query: str, got: Location) -> bool:
    """Whether several towns of the place's country bear this name (so that the one meant may
    be a namesake the gazetteer lacks)."""

    core = parse_toponym(query).core
    ql = light_key(core)
    same = {
        h.place.admin1
        for h in gaz.lookup(name_key(core))
        if h.place.country == got.iso and h.place.feature == "city" and h.matched == ql
    }
    return len(same) >= 3


def _pull_into_neighbours(
    gaz: Gazetteer,
    text: str,
    ctx: Context,
    done: list[tuple[tuple[Location, str, int | None, int | None, bool], Location]],
) -> None:
    """A place named in the same sentence or paragraph as others pulls towards their admin1:
    "Russian artillery struck Kherson ... in the Dniprovskyi district" is Kherson's district,
    not Kyiv's. Each resolved toponym whose admin1 no neighbour shares is resolved again with
    the neighbours' admin1s favoured; a district or quarter whose only readings lie elsewhere
    is placed at the town it is named with."""
    if len(ctx.mentions) < 2 or not text:
        return
    for item, got in done:
        loc, query, hint, start, _local = item
        if start is None or got.feature not in ("town", "other", "admin2") or not got.admin1:
            continue
        pulls: dict[tuple[str, str], float] = {}
        towns: list[tuple[int, int, Location]] = []
        container: tuple[str, str, Location | None] | None = None
        end = loc.span.end if loc.span is not None else start
        neighbours = [(o, m.iso or "", m.admin1 or "", m) for o, m in ctx.mentions if o != start]
        neighbours += [(o, c, a, None) for c, a, o in ctx.admin1s if o >= 0 and o != start]
        for o, iso, a1, m in neighbours:
            if not a1 or iso != got.iso or not _same_span(text, _PARAGRAPH_END, o, start):
                continue
            same_sentence = _same_span(text, _SENTENCE_END, o, start)
            w = LOCAL_PULL["sentence" if same_sentence else "paragraph"]
            pulls[(iso, a1)] = max(pulls.get((iso, a1), 0.0), w)
            if same_sentence and m is not None and m.feature == "town":
                towns.append((abs(o - start), o, m))
            if container is None and 0 <= o - end <= 60 and _CONTAINER.fullmatch(text, end, o):
                container = (iso, a1, m)  # "Tudun Wada near Jos", "X in Kherson region"
        if not pulls and loc.span is not None and _SUBUNIT_AFTER.match(text, loc.span.end):
            # "a bus stop in the Dniprovskyi district" in a report on Kherson, the paragraph
            # naming no town: a district far from every town of the report is the report
            # town's district, which the gazetteer lacks
            town = _far_subunit_town(ctx, start, got)
            if town is not None:
                new = Location(name=loc.name)
                _fill(new, town)
                new.precision, new.resolved, new.feature = 2, False, "unresolved"
                new.geonameid = None
                _fill(loc, new)
                ctx.mentions = [
                    (o, new if (o == start and m is got) else m) for o, m in ctx.mentions
                ]
            continue
        if not pulls or any(iso == got.iso and same_admin1(a1, got.admin1) for iso, a1 in pulls):
            continue  # no neighbours, or one of them agrees
        ctx.local = sorted((iso, a1, w) for (iso, a1), w in pulls.items())
        try:
            again = resolve(gaz, query, ctx, precision_hint=hint)
        finally:
            ctx.local = []
        if again.resolved and any(
            iso == again.iso and same_admin1(a1, again.admin1) for iso, a1 in pulls
        ):
            new = again
        elif container is not None and not _well_known(gaz, query, got):
            # the text puts the place in or near a town or province where the gazetteer has no
            # such place: kept there, unresolved
            iso, a1, m = container
            new = Location(name=loc.name)
            if m is not None and m.feature == "town":
                _fill(new, m)
                new.precision = 2
            else:
                unit = gaz.admin1_place(iso, a1)
                if unit is None:
                    continue
                place_to_location(gaz, unit, new)
            new.resolved, new.feature, new.geonameid = False, "unresolved", None
        elif towns and (
            (loc.span is not None and _SUBUNIT_AFTER.match(text, loc.span.end))
            or _common_name(gaz, query, got)
        ):
            # a district of the town named with it, or a common village name ("Novoselivka")
            # whose namesake there the gazetteer lacks: placed at that town
            town = min(towns, key=lambda t: (t[0], t[1]))[2]
            new = Location(name=loc.name)
            _fill(new, town)
            new.precision, new.resolved, new.feature, new.geonameid = 2, False, "unresolved", None
        elif _common_name(gaz, query, got) and not _well_known(gaz, query, got):
            # ... or inside the province named with it
            iso, a1 = max(sorted(pulls), key=lambda k: pulls[k])
            unit = gaz.admin1_place(iso, a1)
            if unit is None:
                continue
            new = Location(name=loc.name)
            place_to_location(gaz, unit, new)
            new.resolved, new.feature, new.geonameid = False, "unresolved", None
        else:
            continue
        _fill(loc, new)
        ctx.mentions = [(o, new if (o == start and m is got) else m) for o, m in ctx.mentions]


SUBUNIT_FAR_KM = 150  # a district this far from every town of the report is not theirs


def _far_subunit_town(ctx: Context, start: int, got: Location) -> Location | None:
    """The report's main town (the one it names most), when ``got`` lies more than
    ``SUBUNIT_FAR_KM`` from every town of the report in its country."""

    if got.lat is None or got.lon is None:
        return None
    towns = sorted(
        (o, m)
        for o, m in ctx.mentions
        if o != start
        and m.iso == got.iso
        and m.feature == "town"
        and m.resolved
        and m.lat is not None
        and m.lon is not None
    )
    if not towns or any(
        haversine_km(got.lat, got.lon, m.lat, m.lon) <= SUBUNIT_FAR_KM for _o, m in towns
    ):
        return None
    # the town the report names most (the earliest on ties)
    freq: dict[int | None, int] = {}
    for _o, m in towns:
        freq[m.geonameid] = freq.get(m.geonameid, 0) + 1
    return max(towns, key=lambda t: (freq[t[1].geonameid], -t[0]))[1]


# what follows a route's name up to the place it is said to be near: "... highway near Katari",
