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

import re

from reckon.geo.names import DEMONYMS
from reckon.geo.normalize import light_key, same_admin1
from reckon.geo.resolver import (
    Context,
    admin1_cues,
    build_context,
    get_gazetteer,
    parse_toponym,
    place_to_location,
    resolve,
    route_ends,
)
from reckon.geo.store import Gazetteer
from reckon.model import Evidence, Extraction, Location, Mention

__all__ = ["geocode", "geocode_name", "phrase_segments", "scan_toponyms"]

_NEAR_BEFORE = re.compile(
    r"(?:\bnear|\boutside|\boutskirts\s+of|\bedge\s+of|\bcountryside\s+of|\bvicinity\s+of|"
    r"\bsuburbs?\s+of|\bclose\s+to|\brural|\bvillages\s+(?:in|near|of|around)|\bvillage\s+(?:in|near|around)|\bkm\s+(?:from|of)|\bkilometres?\s+(?:from|of)|"
    r"\bkilometers?\s+(?:from|of)|\bmiles?\s+(?:from|of)|"
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
    r"\s+(?:of|outskirts\s+of|countryside\s+of))"
    r"\s+(?:the\s+)?(?:(?:town|city|village|district)\s+of\s+)?$",
    re.IGNORECASE,
)
_NEAR_AFTER = re.compile(
    r"^['’]?s?\s+(?:countryside|outskirts|suburbs|environs|district|territory|"
    r"local\s+government\s+area|LGA|county|sub-?district|cercle|commune|municipality|area)\b",
    re.IGNORECASE,
)
_LOCAL_AFTER = re.compile(
    r"^\s+(?:square|street|road|neighbou?rhood|quarter|market|hospital|mosque|church|"
    r"roundabout|bridge|camp|prison)\b",
    re.IGNORECASE,
)
_ADMIN_AFTER = re.compile(
    r"^\s+(?:province|governorate|region|state|oblast|department)s?\b", re.IGNORECASE
)
_ADMIN_BEFORE = re.compile(
    r"\b(?:province|governorate|region|state|oblast|department)s?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _phrase_hints(
    text: str, start: int, end: int, admin_offsets: set[int]
) -> tuple[str, int | None]:
    """Suffix to add to the name ("province") and precision hint from the words around it."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 30]
    suffix = ""
    prec = None
    if start in admin_offsets or _ADMIN_AFTER.match(after) or _ADMIN_BEFORE.search(before):
        suffix = " province"
    if _NEAR_BEFORE.search(before) or _NEAR_AFTER.match(after):
        prec = 2
    return suffix, prec


def _locations(extraction: Extraction) -> list[Location]:
    locs: list[Location] = []
    seen: set[int] = set()
    for m in extraction.incidents:
        if m.location is not None and id(m.location) not in seen:
            seen.add(id(m.location))
            locs.append(m.location)
    for p in extraction.places:
        if id(p) not in seen:
            seen.add(id(p))
            locs.append(p)
    return locs


def _fill(target: Location, got: Location) -> None:
    for f in ("country", "iso", "admin1", "admin2", "lat", "lon", "precision", "geonameid"):
        setattr(target, f, getattr(got, f))
    target.resolved = got.resolved
    target.feature = got.feature


def geocode(extraction: Extraction, *, gazetteer: Gazetteer | None = None) -> Extraction:
    """Fill every Location of the extraction in place; returns the same extraction."""
    gaz = gazetteer or get_gazetteer()
    report = extraction.report
    text = report.text or ""
    head = f"{report.title}\n" if report.title else ""
    locs = _locations(extraction)
    if not locs:
        return extraction
    cues = admin1_cues(head + text)
    admin_offsets = {off - len(head) for _n, off in cues}
    # a name the report has called a province is that province wherever it recurs
    admin_keys = {light_key(n) for n, _off in cues}
    pending: list[tuple[Location, str, int | None, int | None, bool]] = []
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
    ctx = build_context(gaz, text=head + text, names=names)
    # offsets in the context are relative to head + text; the locations' spans to text
    ctx.admin1s = [(c, a, off - len(head) if off >= 0 else off) for c, a, off in ctx.admin1s]
    ctx.text = text
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
    return extraction


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


_CAP_SEQ = re.compile(
    r"\b(?:(?:[Aa]l|[Ee]l)[-\s]|(?:[Aa][dsnrtz]|[Ee][dsnz]|[Aa]sh)-)?[A-Z][\w'’‘ʿ-]+"
    r"(?:\s+(?:(?:al|el|ad|as|ar|az|ash|an|ez|es|ed|de|del|la|du)[-\s]+)?[A-Z][\w'’‘ʿ-]+){0,2}"
)
_ORG_WORD = re.compile(
    r"\b(Forces|Force|Army|Front|Party|Council|Ministry|Movement|Brigades?|Units?|Group|Agency|"
    r"Committee|Organi[sz]ation|Union|Coalition|Authority|News|Times|Post|Network|Observatory|"
    r"Crescent|Cross|Command|Guard|Police|Office|Commission|Company|Corps|Division|Battalion)\b"
)
_POSSESSIVE = re.compile(r"['’]s$")
_STOP = frozenset(
    """the a an in on at of and or but as he she it they we his her their its this that these those
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december police army security government president
    minister ministry forces force state islamic news reuters afp ap un united nations red
    cross crescent council office human rights watch amnesty health several many some after
    before during since while when where who what local officials official sources source
    witnesses residents medical said says according one two three four five six seven eight nine
    ten dozens hundreds at least air north south east west central eastern western northern
    southern abu bin ibn um umm beit bayt kafr kfar tal tel tell ras wadi bir deir dayr khan jabal
    jebel jisr ain ayn hay harat qasr sheikh shaykh sidi new old upper lower great little saint
    san santa port mount lake river city camp capital congress parliament hamas hezbollah
    hizbollah houthi houthis taliban isis isil daesh wagner shabaab al-shabaab boko haram
    god allah prophet late early later earlier each every mortar mortars rocket rockets shelling
    gunmen fighters troops rebels militants civilians children women men people residents
    yesterday today tonight morning evening night""".split()
)


def scan_toponyms(
    gaz: Gazetteer, text: str, *, min_population: int = 1000
) -> list[tuple[str, int]]:
    """Capitalised name sequences of a text that the gazetteer knows (a light tagger used when
    no extractor has listed the report's places)."""
    from reckon.geo.normalize import name_key

    out: list[tuple[str, int]] = []
    lower_words = set(re.findall(r"\b[a-z]+\b", text))
    found_seqs: list[tuple[str, int]] = []
    for m in _CAP_SEQ.finditer(text):
        ends = route_ends(m.group(0))  # "Abuja-Kaduna highway": both ends are places
        if not ends:
            found_seqs.append((m.group(0), m.start()))
            continue
        for end in ends:
            found_seqs.append((end, m.start() + m.group(0).find(end)))
    for phrase, start in found_seqs:
        if _ORG_WORD.search(phrase):
            continue  # "Rapid Support Forces", "Syrian Observatory": an organisation, not a place
        words = [_POSSESSIVE.sub("", w) for w in phrase.split()]
        while words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        if len(words) == 1 and (words[0].lower() in lower_words or words[0].lower() in _STOP):
            continue  # "Car bomb ...", "Falling debris ...": ordinary words at a sentence start
        # try the longest sub-sequence first
        found = False
        for n in range(len(words), 0, -1):
            for i in range(0, len(words) - n + 1):
                cand = " ".join(words[i : i + n])
                if cand not in phrase:
                    continue
                if cand.lower() in _STOP or len(cand) < 3 or cand in DEMONYMS or cand.isupper():
                    continue
                hits = gaz.lookup(name_key(parse_toponym(cand).core))
                if any(
                    h.place.feature in ("country", "admin1")
                    or h.place.population >= min_population
                    or h.place.prio > 0
                    for h in hits
                ):
                    out.append((cand, start + phrase.find(cand)))
                    found = True
                    break
            if found:
                break
    return out


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


def _known_phrase(gaz: Gazetteer, name: str, *, exact: bool = False) -> bool:
    """Whether the whole phrase is itself a gazetteer name ("Bosnia and Herzegovina"; with
    ``exact``, under this very spelling: "Guinea-Bissau")."""
    from reckon.geo.normalize import name_key

    hits = gaz.lookup(name_key(name))
    if exact:
        return any(h.matched == light_key(name) for h in hits)
    return bool(hits)


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
    from reckon.geo.normalize import name_key
    from reckon.geo.resolver import _big

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
    from reckon.geo.normalize import name_key

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
    from reckon.geo.resolver import haversine_km

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
# "... road, close to the village of Jaji"
_ROUTE_NEAR = re.compile(
    r"\s*(?:highway|road|expressway|motorway|route|corridor|axis|border|railway)?[^.;:!?]{0,40}?"
    r"\b(?:near|close\s+to|outside|around|at)\s+(?:the\s+)?"
    r"(?:(?:town|village|community|city|junction)\s+of\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)


def _route(gaz: Gazetteer, name: str) -> list[str]:
    """The ends of a route name ("Abuja-Kaduna"): two names the gazetteer knows under these
    very spellings, joined where the whole is no name ("Putin-Erdogan" is no route)."""
    ends = route_ends(name)
    if not ends or _known_phrase(gaz, name):
        return []
    return ends if all(_known_phrase(gaz, e, exact=True) for e in ends) else []


def _resolve_route(
    gaz: Gazetteer, text: str, loc: Location, ctx: Context, hint: int | None
) -> Location | None:
    """Place a route between two places ("the Abuja-Kaduna highway"): at the place the text says
    it is near ("... near Katari"), else at the end the report's other places support most (the
    first named on a tie); precision 2 (on a road near a town)."""
    countries = ctx.countries

    def fits(r: Location) -> bool:
        return (
            r.resolved
            and r.feature in ("town", "other", "admin2")
            and (not countries or countries.get(r.iso or "", 0.0) >= 0.5)
        )

    got: Location | None = None
    if loc.span is not None:
        m = _ROUTE_NEAR.match(text, loc.span.end)
        if m:
            off = m.start("name")
            known = [r for o, r in ctx.mentions if o == off and fits(r)]
            near = known[0] if known else resolve(gaz, m.group("name"), ctx)
            if fits(near):
                got = near
    if got is None:
        ends = [r for r in (resolve(gaz, e, ctx) for e in route_ends(loc.name or "")) if fits(r)]
        if not ends:
            return None

        def support(r: Location) -> int:
            n = sum(1 for _o, m in ctx.mentions if m.iso == r.iso and m.admin1 == r.admin1)
            return n + sum(1 for c, a, _o in ctx.admin1s if c == r.iso and same_admin1(a, r.admin1))

        got = max(ends, key=support)  # max keeps the first of equals
    out = Location(name=loc.name)
    _fill(out, got)
    out.precision = max(2, hint or 2, got.precision or 1)
    return out


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
