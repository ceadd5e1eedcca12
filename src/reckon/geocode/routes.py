"""Routes between two places ("the Abuja-Kaduna highway")."""

from __future__ import annotations

import re

from reckon.geo.normalize import same_admin1
from reckon.geo.resolver import (
    Context,
    resolve,
    route_ends,
)
from reckon.geo.store import Gazetteer
from reckon.geocode.common import _fill, _known_phrase
from reckon.model import Location

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
