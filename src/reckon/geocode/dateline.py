"""The dateline: the town a report was filed from ("LAHORE, Pakistan, March 15 -", "BIJAPUR:",
"UKHIYA, Cox's Bazar:"). It is a clue to the report's country, and the town that places named
in the report without a town of their own lie in: a quarter, a park or a camp the gazetteer
lacks ("his Zaman Park home"), or "the capital" a report filed from the capital speaks of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reckon.geo.normalize import light_key, name_key
from reckon.geo.resolver import Context, resolve
from reckon.geo.store import Gazetteer
from reckon.geocode.common import _fill, _locations
from reckon.geocode.hierarchy import resolve_chain
from reckon.geocode.hints import _LOCAL_AFTER
from reckon.geocode.incidents import _move
from reckon.model import Extraction, Location, Span

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# the town in capitals at the very start, then an optional unit or country, then a date, an
# outlet in brackets, a colon or a dash
_DATELINE = re.compile(
    r"\A\W{0,3}(?P<town>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2})(?:/[A-Z][A-Z'’. -]+)?"
    r"(?:,\s*(?P<unit>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}))?"
    rf"(?=\s*(?:,\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})|\(|:|\s[-–—]\s))"
)
_NOT_TOWNS = frozenset(
    "urgent breaking update updated exclusive watch live analysis opinion editorial note "
    "correction alert flash news video photos report".split()
)
# a report filed from the capital that speaks of "the capital" / "the city"
_THE_CAPITAL = re.compile(r"\b(?:the|its|the country's|the [A-Z][a-z]+ )\s*capital\b")
_THE_CITY = re.compile(r"\bthe city(?:'s)?\b")

DATELINE_VOTE = 2.5  # where the reporter was: more than one namesake of a toponym, less than a
# country named as where things happen


@dataclass(slots=True)
class Dateline:
    name: str  # as written, in capitals
    start: int
    end: int
    place: Location  # resolved town
    capital: bool  # the country's capital


def read_dateline(gaz: Gazetteer, text: str, ctx: Context) -> Dateline | None:
    """The town the report was filed from, resolved in the report's context (with the unit or
    country written after it), or None when there is no dateline or its town is unknown."""
    m = _DATELINE.match(text)
    if m is None:
        return None
    raw = m.group("town")
    if raw.lower() in _NOT_TOWNS or len(raw.replace(" ", "")) < 3:
        return None
    name = raw.title()
    unit = m.group("unit")
    got: Location | None = None
    if unit and not _is_country(gaz, unit):  # "UKHIYA, Cox's Bazar:": the town in its unit
        got = resolve_chain(gaz, name, [(unit, m.start("unit"))], ctx, None)
    if got is None or not got.resolved:
        got = resolve(gaz, name, ctx)  # the country written after it is in the context
    if not got.resolved or got.feature != "town" or not got.iso:
        return None
    # its own spelling: a dateline town read under another spelling is a guess
    if not any(h.matched == light_key(name) for h in gaz.lookup(name_key(name))):
        return None
    got.name = name
    return Dateline(raw, m.start("town"), m.end("town"), got, _capital_of(gaz, got))


def _is_country(gaz: Gazetteer, name: str) -> bool:
    return any(
        h.place.feature == "country" and h.matched == light_key(name)
        for h in gaz.lookup(name_key(name))
    )


def _capital_of(gaz: Gazetteer, loc: Location) -> bool:
    unit = gaz.country_place(loc.iso or "")
    return bool(
        unit is not None
        and unit.lat is not None
        and loc.lat is not None
        and abs(unit.lat - loc.lat) < 0.1
        and abs((unit.lon or 0.0) - (loc.lon or 0.0)) < 0.1
    )


def _at_town(loc: Location, town: Location, precision: int) -> None:
    keep_name, keep_span = loc.name, loc.span
    _fill(loc, town)
    loc.name, loc.span = keep_name, keep_span
    loc.precision = precision
    loc.resolved, loc.feature = False, "unresolved"


def place_at_dateline(gaz: Gazetteer, extraction: Extraction, dl: Dateline) -> None:
    """Places the report leaves without a town of their own, inside the dateline's town:

    - an unresolved toponym kept only at the town's country, or at the town's province, is
      placed near the town (precision 2; a quarter, park or camp of a town the gazetteer lacks);
      from a capital, only a square, street, market or quarter (a capital's wire tells of the
      whole country);
    - an incident placed at the town's country only, where the body names the town again or
      speaks of "the capital" / "the city" (filed from there), is placed at the town itself."""
    text = extraction.report.text or ""
    town = dl.place
    body = text[dl.end :]
    # a report filed from the capital tells of the whole country: only a square, a street or a
    # quarter is taken to lie in the capital itself
    capital = dl.capital
    for loc in _locations(extraction):
        if loc.resolved or loc.feature != "unresolved" or not loc.name:
            continue
        if capital and not (
            loc.span is not None and _LOCAL_AFTER.match(text[loc.span.end : loc.span.end + 30])
        ):
            continue
        if loc.iso and loc.iso != town.iso:
            continue
        if loc.admin1 and loc.admin1 != town.admin1:
            continue  # the report put it in another province
        if loc.precision not in (None, 3):
            continue  # already placed near a town of its sentence
        _at_town(loc, town, 2)
    again = re.search(rf"(?<![\w-]){re.escape(dl.name.title())}(?![\w-])", body)
    spoken = bool(_THE_CITY.search(body)) or (
        _capital_of(gaz, town) and bool(_THE_CAPITAL.search(body))
    )
    if again is None and not spoken:
        return
    if again is not None:
        span = Span.of(text, dl.end + again.start(), dl.end + again.end())
    else:
        span = Span.of(text, dl.start, dl.end)
    for inc in extraction.incidents:
        loc = inc.location
        if loc is None or loc.feature != "country" or loc.iso != town.iso:
            continue
        new = Location(name=span.text, span=span)
        _fill(new, town)
        new.precision = 1 if again is not None else 2
        _move(inc, new)
