"""Small helpers shared by the geocoding stage's parts."""

from __future__ import annotations

from reckon.geo.normalize import light_key, name_key
from reckon.geo.store import Gazetteer
from reckon.model import Extraction, Location


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


def _known_phrase(gaz: Gazetteer, name: str, *, exact: bool = False) -> bool:
    """Whether the whole phrase is itself a gazetteer name ("Bosnia and Herzegovina"; with
    ``exact``, under this very spelling: "Guinea-Bissau")."""

    hits = gaz.lookup(name_key(name))
    if exact:
        return any(h.matched == light_key(name) for h in hits)
    return bool(hits)
