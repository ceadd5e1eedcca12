"""UCDP GED-style CSV: one row per dated, lethal incident of organised violence.

UCDP GED's scope decides what can be a row (:func:`why_not_ucdp`): political violence only
(Battles, Explosions/Remote violence, Violence against civilians; UCDP does not record protests,
riots or strategic developments), lethal events only (at least one death reported: an abduction
or a clash with no death told is not a GED event, and never a row with ``best`` 0), and a date
(the text's, else the earliest report's publication date, ``date_prec`` 5). Each incident left
out is named to ``skip`` with the reason. ``type_of_violence``:
3 (one-sided) when the target is civilians or the event is violence against civilians, 1
(state-based) when state forces are a party, else 2 (non-state). ``best`` / ``low`` / ``high``
are the reconciled figures made whole: an unknown low is the best, an unbounded high is the
best (UCDP records numbers only), and always low <= best <= high. Deaths are put in
``deaths_civilians`` for one-sided violence and in ``deaths_unknown`` otherwise (reports rarely
say which side died). ``country_id`` is the Gleditsch-Ward code for the countries in
``GW_CODES`` (empty otherwise); ``active_year`` is left empty (it needs the whole year's data).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from typing import Any, TextIO

from reckon.export.common import (
    GW_CODES,
    Skip,
    actor_name,
    country_info,
    event_dates,
    no_date_reason,
    sides,
    ucdp_region,
)
from reckon.link import VIOLENT
from reckon.model import Incident

UCDP_COLUMNS = (
    "id", "relid", "year", "active_year", "type_of_violence", "conflict_name", "dyad_name",
    "side_a", "side_b", "source_article", "source_office", "source_date", "source_headline",
    "source_original", "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2",
    "latitude", "longitude", "geom_wkt", "country", "country_id", "region", "event_clarity",
    "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
    "deaths_unknown", "best", "high", "low", "number_of_sources",
)  # fmt: skip


def type_of_violence(inc: Incident) -> int:
    if inc.event_type == "Violence against civilians" or any(
        a.type == "Civilians" and a.role == "target" for a in inc.actors
    ):
        return 3
    if any(a.type == "State forces" for a in inc.actors):
        return 1
    return 2


def _date_prec(days: int, from_text: bool) -> int:
    if not from_text:
        return 5
    if days == 0:
        return 1
    if days <= 5:
        return 2
    if days <= 7:
        return 3
    return 4 if days <= 31 else 5


def _side(actors: list[Any], country: str, etype: str, gov: bool) -> str:
    if not actors:
        return "" if not gov else f"Government of {country}"
    a = actors[0]
    if a.type == "State forces" and gov and country:
        return f"Government of {country}"
    return actor_name(a, country, etype)


NOT_VIOLENCE = (
    "{etype}: UCDP GED holds organised violence only (battles, explosions/remote violence, "
    "violence against civilians)"
)
NO_DEATH = "no death reported: UCDP GED holds lethal events only"
NO_ONE_KILLED = "no one killed: UCDP GED holds lethal events only"
NO_DATE = no_date_reason("UCDP needs date_start")


def why_not_ucdp(inc: Incident) -> str | None:
    """Why ``inc`` cannot be a UCDP GED row, or None when it can."""
    if inc.event_type not in VIOLENT:
        return NOT_VIOLENCE.format(etype=inc.event_type)
    f = inc.fatalities
    if f is None or (f.best is None and f.low is None):
        return NO_DEATH
    if max(f.best or 0, f.low or 0) < 1:
        return NO_ONE_KILLED
    if event_dates(inc) is None:
        return NO_DATE
    return None


def ucdp_row(inc: Incident) -> dict[str, Any] | None:
    """One incident as a UCDP GED row, or None when GED cannot hold it (see ``why_not_ucdp``)."""
    ev = event_dates(inc)
    if ev is None or why_not_ucdp(inc) is not None:
        return None
    start, end, from_text = ev
    loc = inc.location
    c = country_info(loc.country if loc else None, loc.iso if loc else None)
    country = c["name"] or ""
    tov = type_of_violence(inc)
    s1, s2 = sides(inc)
    side_a = (
        _side(s1, country, inc.event_type, gov=False) or f"Unidentified Armed Group ({country})"
    )
    side_b = _side(s2, country, inc.event_type, gov=False) or (
        "Civilians" if tov == 3 else "Unknown"
    )
    state = [a for a in inc.actors if a.type == "State forces"]
    if tov == 1 and state:  # the government is side A in state-based conflict
        others = [a for a in inc.actors if a.type != "State forces" and a.type != "Civilians"]
        side_a = f"Government of {country}" if country else actor_name(state[0], country, "")
        side_b = actor_name(others[0], country, inc.event_type) if others else "Unknown"
    f = inc.fatalities
    if f is None:  # never: why_not_ucdp keeps lethal incidents only
        return None
    best = f.best if f.best is not None else f.low or 0
    low = f.low if f.low is not None else best
    high = f.high if f.high is not None else best
    low, high = min(low, best), max(high, best)
    lat = loc.lat if loc else None
    lon = loc.lon if loc else None
    prec = loc.precision if loc else None
    where_prec = {1: 1, 2: 2, 3: 4}.get(prec or 0, 6 if loc is None or lat is None else 4)
    reports = inc.provenance.get("reports", [])
    digest = int(hashlib.sha256(inc.id.encode()).hexdigest()[:8], 16)
    return {
        "id": digest,
        "relid": inc.id,
        "year": start.year,
        "active_year": "",
        "type_of_violence": tov,
        "conflict_name": f"{country}: {side_b}" if tov == 1 else f"{side_a} - {side_b}",
        "dyad_name": f"{side_a} - {side_b}",
        "side_a": side_a,
        "side_b": side_b,
        "source_article": "; ".join(
            f"{r.get('source') or 'unknown outlet'} {r.get('published') or 'undated'} "
            f'"{r.get("title") or r["id"]}"'
            for r in reports
        ),
        "source_office": "; ".join(sorted({r.get("source") or "" for r in reports} - {""})),
        "source_date": "; ".join(r.get("published") or "" for r in reports),
        "source_headline": "; ".join(r.get("title") or "" for r in reports if r.get("title")),
        "source_original": "; ".join(r["id"] for r in reports),
        "where_prec": where_prec,
        "where_coordinates": f"{loc.name} town" if loc and prec == 1 else (loc.name if loc else ""),
        "where_description": loc.name if loc else "",
        "adm_1": (loc.admin1 if loc else None) or "",
        "adm_2": (loc.admin2 if loc else None) or "",
        "latitude": f"{lat:.4f}" if lat is not None else "",
        "longitude": f"{lon:.4f}" if lon is not None else "",
        "geom_wkt": f"POINT ({lon:.4f} {lat:.4f})" if lat is not None and lon is not None else "",
        "country": country,
        "country_id": GW_CODES.get(c["iso2"] or "", ""),
        "region": ucdp_region(c["iso2"], c["continent"]),
        "event_clarity": 1 if inc.independent_sources >= 1 and from_text else 2,
        "date_prec": _date_prec((end - start).days, from_text),
        "date_start": start.isoformat(),
        "date_end": end.isoformat(),
        "deaths_a": 0,
        "deaths_b": 0,
        "deaths_civilians": best if tov == 3 else 0,
        "deaths_unknown": 0 if tov == 3 else best,
        "best": best,
        "high": high,
        "low": low,
        "number_of_sources": inc.sources,
    }


def write_ucdp(incidents: Iterable[Incident], out: TextIO, skip: Skip | None = None) -> int:
    """Write the UCDP CSV; return the rows written. ``skip(incident, reason)`` is told of each
    incident GED cannot hold."""
    w = csv.DictWriter(out, fieldnames=UCDP_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for inc in incidents:
        why = why_not_ucdp(inc)
        row = ucdp_row(inc) if why is None else None
        if row is None:
            if skip is not None:
                skip(inc, why or NO_DATE)
            continue
        w.writerow(row)
        n += 1
    return n
