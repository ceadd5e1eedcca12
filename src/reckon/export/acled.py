"""ACLED-style CSV: ACLED's column names, order and codes, one row per dated incident.

Codes: ``inter1`` / ``inter2`` are ACLED actor-type codes 1-8 (``reckon.model.ACTOR_TYPES``);
``inter2`` is left empty when there is no second actor, except for violence against civilians,
whose actor 2 is always civilians (the victims named, else "Civilians (Country)", inter code 7).
``interaction`` is ACLED's two-digit code (smaller inter code first: 17 = State forces vs Civilians; 10 x inter1 when there is one actor).
An unnamed perpetrator is "Unidentified Armed Group (Country)" with inter code 3, as ACLED codes
it. ``fatalities`` is the reconciled best estimate (0 when not reported); the low / high range is
kept in ``tags``. ``timestamp`` is midnight UTC of the latest report's publication date, so the
same store always exports the same bytes.

Dates the ACLED way: ``time_precision`` 1 for a day the text gives, 2 for a span of up to a
week, 3 otherwise; an incident the text does not date takes its earliest report's publication
date with ``time_precision`` 3 (only the month is certain). An incident with neither (an undated
text with no publication date) cannot be an ACLED row: :func:`write_acled` names it to ``skip``.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from typing import Any, TextIO

from reckon.export.common import (
    Skip,
    acled_region,
    actor_name,
    country_info,
    event_dates,
    no_date_reason,
    notes,
    sides,
    sources,
    timestamp,
)
from reckon.model import ACTOR_TYPES, Incident

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip


def disorder_type(event_type: str, sub_event_type: str) -> str:
    if event_type == "Strategic developments":
        return "Strategic developments"
    if event_type == "Protests":
        if sub_event_type == "Excessive force against protesters":
            return "Political violence; Demonstrations"
        return "Demonstrations"
    if event_type == "Riots":
        return "Political violence" if sub_event_type == "Mob violence" else "Demonstrations"
    return "Political violence"


def _inter(actor_type: str | None, default: int) -> int:
    return ACTOR_TYPES.get(actor_type or "", default)


def acled_row(inc: Incident) -> dict[str, Any] | None:
    """One incident as an ACLED row, or None when it has no date at all."""
    ev = event_dates(inc)
    if ev is None:
        return None
    start, end, from_text = ev
    width = (end - start).days
    time_precision = 1 if from_text and width == 0 else (2 if from_text and width <= 7 else 3)
    loc = inc.location
    c = country_info(loc.country if loc else None, loc.iso if loc else None)
    country = c["name"] or ""
    side1, side2 = sides(inc)
    a1 = side1[0] if side1 else None
    vac = inc.event_type == "Violence against civilians"
    if vac:
        # ACLED codes the victims of violence against civilians as actor 2, always civilians
        side2 = sorted(side2, key=lambda a: a.type != "Civilians")
    a2 = side2[0] if side2 else None
    default1 = {"Protests": 6, "Riots": 5}.get(inc.event_type, 3)
    inter1 = _inter(a1.type if a1 else None, default1)
    inter2 = _inter(a2.type, 3) if a2 is not None else None
    actor2 = actor_name(a2, country, inc.event_type) if a2 is not None else ""
    assoc2 = side2[1:]
    if vac and (a2 is None or a2.type != "Civilians"):
        # no civilian victim named: ACLED's generic "Civilians (Country)"; the others associated
        actor2, inter2, assoc2 = f"Civilians ({country})" if country else "Civilians", 7, side2
    interaction = 10 * min(inter1, inter2) + max(inter1, inter2) if inter2 else 10 * inter1
    civ = vac or any(a.type == "Civilians" and a.role == "target" for a in inc.actors)
    f = inc.fatalities
    best = f.best if f is not None and f.best is not None else 0
    low = f.low if f is not None else None
    high = f.high if f is not None else None
    digest = int(hashlib.sha256(inc.id.encode()).hexdigest()[:8], 16) % 10**7
    lat = loc.lat if loc else None
    lon = loc.lon if loc else None
    return {
        "event_id_cnty": f"{c['iso3'] or 'XXX'}{digest}",
        "event_date": start.isoformat(),
        "year": start.year,
        "time_precision": time_precision,
        "disorder_type": disorder_type(inc.event_type, inc.sub_event_type),
        "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type,
        "actor1": actor_name(a1, country, inc.event_type),
        "assoc_actor_1": "; ".join(actor_name(a, country, inc.event_type) for a in side1[1:]),
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": "; ".join(actor_name(a, country, inc.event_type) for a in assoc2),
        "inter2": inter2 if inter2 is not None else "",
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if civ else "",
        "iso": c["isonumeric"] if c["isonumeric"] is not None else "",
        "region": acled_region(c["iso2"], c["continent"]),
        "country": country,
        "admin1": (loc.admin1 if loc else None) or "",
        "admin2": (loc.admin2 if loc else None) or "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": f"{lat:.4f}" if lat is not None else "",
        "longitude": f"{lon:.4f}" if lon is not None else "",
        "geo_precision": loc.precision if loc and loc.precision in (1, 2, 3) else 3,
        "source": "; ".join(sources(inc)),
        "source_scale": "Other",
        "notes": notes(inc),
        "fatalities": best,
        "tags": (
            (
                f"fatalities low={'unknown' if low is None else low}; "
                f"high={'unbounded' if high is None else high}; "
                if f is not None and f.best is not None
                else "fatalities not reported; "
            )
            + f"sources={inc.sources}; independent_sources={inc.independent_sources}; "
            f"reckon_id={inc.id}"
        ),
        "timestamp": timestamp(inc),
    }


NO_DATE = no_date_reason("ACLED needs an event_date")


def write_acled(incidents: Iterable[Incident], out: TextIO, skip: Skip | None = None) -> int:
    """Write the ACLED CSV; return the rows written. ``skip(incident, reason)`` is told of each
    incident left out."""
    w = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for inc in incidents:
        row = acled_row(inc)
        if row is None:
            if skip is not None:
                skip(inc, NO_DATE)
            continue
        w.writerow(row)
        n += 1
    return n
