"""GeoJSON (RFC 7946) FeatureCollection: one Point feature per geocoded incident.

Coordinates are [longitude, latitude] in WGS 84, rounded to 6 decimals; properties are flat
scalars (lists joined with "; ") so that GIS tools read them as plain columns. An incident whose
place was not resolved to coordinates is not a feature: :func:`write_geojson` names it to
``skip`` (``why_not_geojson`` says why).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from reckon.export.common import Skip, event_dates, sources
from reckon.link import report_ids
from reckon.model import Incident


def why_not_geojson(inc: Incident) -> str | None:
    """Why ``inc`` cannot be a Point feature, or None when it can."""
    loc = inc.location
    if loc is None:
        return "no place: a GeoJSON feature needs coordinates"
    if loc.lat is None or loc.lon is None:
        return f"place {loc.name!r} has no coordinates (not found in the gazetteer)"
    if not (-90 <= loc.lat <= 90 and -180 <= loc.lon <= 180):
        return f"coordinates out of range ({loc.lat}, {loc.lon})"
    return None


def feature(inc: Incident) -> dict[str, Any] | None:
    """One incident as a Point feature, or None (see ``why_not_geojson``)."""
    loc = inc.location
    if loc is None or loc.lat is None or loc.lon is None or why_not_geojson(inc) is not None:
        return None
    ev = event_dates(inc)
    f = inc.fatalities
    return {
        "type": "Feature",
        "id": inc.id,
        "geometry": {"type": "Point", "coordinates": [round(loc.lon, 6), round(loc.lat, 6)]},
        "properties": {
            "id": inc.id,
            "event_type": inc.event_type,
            "sub_event_type": inc.sub_event_type,
            "date_start": ev[0].isoformat() if ev and ev[2] else None,
            "date_end": ev[1].isoformat() if ev and ev[2] else None,
            "location": loc.name,
            "admin1": loc.admin1,
            "admin2": loc.admin2,
            "country": loc.country,
            "geo_precision": loc.precision,
            "fatalities_low": f.low if f else None,
            "fatalities_best": f.best if f else None,
            "fatalities_high": f.high if f else None,
            "sources": inc.sources,
            "independent_sources": inc.independent_sources,
            "reports": "; ".join(report_ids(inc)),
            "outlets": "; ".join(sources(inc)),
            "rule": inc.provenance.get("rule"),
        },
    }


def feature_collection(
    incidents: Iterable[Incident], skip: Skip | None = None
) -> dict[str, Any]:
    feats = []
    for inc in incidents:
        f = feature(inc)
        if f is None:
            if skip is not None:
                skip(inc, why_not_geojson(inc) or "not a feature")
            continue
        feats.append(f)
    return {"type": "FeatureCollection", "features": feats}


def write_geojson(incidents: Iterable[Incident], out: TextIO, skip: Skip | None = None) -> int:
    """Write the FeatureCollection; return the features written."""
    fc = feature_collection(incidents, skip)
    out.write(json.dumps(fc, ensure_ascii=False, indent=1))
    out.write("\n")
    return len(fc["features"])
