"""An incident the reader left without a place: the town the report opens with.

The reader takes an incident's place from the toponyms its parser found; a town at a sentence
start ("Tembisa residents blocked ...", "Maputo was gripped ...", "Leh is burning") or in a
hashtag is often missed by the NER, and the incident then has no place at all. Such an incident
is placed at the first town of the text that the gazetteer knows (under that very spelling, or
under another when it is a town of 20,000 or more: "Tembisa" for Thembisa), as a
whole capitalised name (not a word of a longer name: "Fazlul Huq Muslim Hall" is no town Huq),
preferring the report's own country when it names one. Only the name and its span are set
here; the geocoder resolves it with the report's other places like any other toponym.
"""

from __future__ import annotations

import re

from reckon.geo.context import Context, countries_in_text
from reckon.geo.normalize import light_key, name_key
from reckon.geo.resolver import resolve
from reckon.geo.store import Gazetteer
from reckon.geo.toponym import NOT_PLACES
from reckon.geocode.common import _fill
from reckon.geocode.incidents import _move
from reckon.geocode.scan import scan_toponyms
from reckon.model import Extraction, Location, Span

MIN_TOWN_POP = 1000
MIN_TOWN_POP_SPELLING = 20_000
# a word that joins a name to the capitalised word next to it ("Bamiyan city", "Fazlul Huq")
_CAP_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s$")
_CAP_AFTER = re.compile(r"\s[A-Z][\w'’-]*")


def _whole_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a capitalised name of its own, not a word of a longer one."""
    if _CAP_BEFORE.search(text, max(0, start - 30), start):
        return False
    return not _CAP_AFTER.match(text, end)


def _town(gaz: Gazetteer, name: str) -> str | None:
    """The country of the town (or province) the gazetteer knows under this very spelling; the
    most populous one's when several countries have one; None when it knows none."""
    ql = light_key(name)
    if ql in NOT_PLACES:
        return None
    best = None
    for h in gaz.lookup(name_key(name)):
        p = h.place
        if h.fuzzy < 1.0 or p.feature == "country" or not p.country:
            continue
        # under another spelling ("Tembisa" for Thembisa) only a town of some size
        floor = MIN_TOWN_POP if h.matched == ql else MIN_TOWN_POP_SPELLING
        if p.feature == "city" and p.population < floor:
            continue
        if best is None or p.population > best.population:
            best = p
    return best.country if best is not None else None


def opening_town(gaz: Gazetteer, extraction: Extraction) -> tuple[int, str] | None:
    """The first town the text names as a whole name (offset, name), in the countries the text
    names when it names any (see module doc)."""
    text = extraction.report.text or ""
    found: list[tuple[int, str, str]] = []  # (offset, name, country)
    for name, off in scan_toponyms(gaz, text, min_population=MIN_TOWN_POP):
        end = off + len(name)
        if text[off:end] != name or not _whole_name(text, off, end):
            continue
        iso = _town(gaz, name)
        if iso:
            found.append((off, name, iso))
    if not found:
        return
    head = f"{extraction.report.title}\n" if extraction.report.title else ""
    named = countries_in_text(gaz, head + text)
    if named:
        top = max(named.values())
        home = [f for f in found if named.get(f[2], 0.0) >= 0.5 * top]
        found = home or found
    off, name, _iso = found[0]
    return off, name


def place_unplaced(gaz: Gazetteer, extraction: Extraction) -> None:
    """Give each incident without a place the first town the text names (see module doc)."""
    todo = [inc for inc in extraction.incidents if inc.location is None]
    if not todo:
        return
    got = opening_town(gaz, extraction)
    if got is None:
        return
    off, name = got
    for inc in todo:
        _move(inc, Location(name=name, span=Span(off, off + len(name), name)))


def contain_countryless(gaz: Gazetteer, extraction: Extraction, ctx: Context) -> None:
    """An incident's place left with no country at all (a square, a street the gazetteer lacks:
    "at Aristotelous") is kept near the first town the text names, unresolved, precision 2."""
    todo = [
        inc.location
        for inc in extraction.incidents
        if inc.location is not None and not inc.location.iso and not inc.location.resolved
    ]
    if not todo:
        return
    got = opening_town(gaz, extraction)
    if got is None:
        return
    town = resolve(gaz, got[1], ctx)
    if not town.resolved or not town.iso or town.feature == "country":
        return
    for loc in todo:
        _fill(loc, town)
        loc.resolved, loc.feature, loc.geonameid = False, "unresolved", None
        loc.precision = max(2, town.precision or 1)
