"""The fields a person may correct, their JSON values, and how a value is checked and applied.

``field_value(incident, field)`` is a field's value as JSON; ``validate(field, value)`` checks
and normalises a person's value (raising ``ReviewError`` with the reason); ``set_value`` puts a
validated value on an ``Incident``. Used by ``reckon.store.review``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from reckon.link import count_to_json, date_to_json, location_to_json
from reckon.model import ACLED_TAXONOMY, ACTOR_TYPES, ROLES, Actor, Count, DateInterval, Incident
from reckon.model import Location as Loc

__all__ = ["COUNT_FIELDS", "FIELDS", "ReviewError", "field_value", "set_value", "validate"]

COUNT_FIELDS = {"fatalities": "killed", "injured": "injured", "abducted": "abducted",
                "arrested": "arrested"}  # fmt: skip
FIELDS = ("event_type", "date", "location", "actors", *COUNT_FIELDS)


class ReviewError(ValueError):
    """A review request that cannot be carried out (bad value, unknown incident, ...)."""


def field_value(inc: Incident, field: str) -> Any:
    """The JSON value of one correctable field of an incident."""
    if field == "event_type":
        return {"event_type": inc.event_type, "sub_event_type": inc.sub_event_type}
    if field == "date":
        d = date_to_json(inc.date)
        return {"start": d["start"], "end": d["end"]} if d else None
    if field == "location":
        loc = location_to_json(inc.location)
        if loc is None:
            return None
        keys = ("name", "country", "iso", "admin1", "admin2", "lat", "lon", "precision")
        return {k: loc.get(k) for k in keys}
    if field == "actors":
        return [a.as_dict() for a in inc.actors]
    if field in COUNT_FIELDS:
        c = count_to_json(getattr(inc, field))
        return {k: c[k] for k in ("low", "best", "high")} if c else None
    raise ReviewError(f"unknown field {field!r}: use one of {', '.join(FIELDS)}")


def _int(v: Any, what: str) -> int | None:
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        raise ReviewError(f"{what} must be a whole number")
    try:
        n = int(v)
    except (TypeError, ValueError):
        raise ReviewError(f"{what} must be a whole number, not {v!r}") from None
    if n < 0 or n > 10_000_000:
        raise ReviewError(f"{what} out of range: {n}")
    return n


def _day(v: Any, what: str) -> str:
    try:
        return date.fromisoformat(str(v)).isoformat()
    except ValueError:
        raise ReviewError(f"{what} must be a date YYYY-MM-DD, not {v!r}") from None


def _text(v: Any, what: str, limit: int = 300) -> str | None:
    if v is None:
        return None
    if not isinstance(v, str):
        raise ReviewError(f"{what} must be text")
    v = " ".join(v.split())
    if len(v) > limit:
        raise ReviewError(f"{what} is longer than {limit} characters")
    return v or None


def _float(v: Any, what: str, lo: float, hi: float) -> float | None:
    if v is None or v == "":
        return None
    try:
        x = float(v)
    except (TypeError, ValueError):
        raise ReviewError(f"{what} must be a number, not {v!r}") from None
    if not lo <= x <= hi:
        raise ReviewError(f"{what} must be between {lo} and {hi}")
    return x


def validate(field: str, value: Any) -> Any:
    """Check and normalise a person's value for ``field``; raise ``ReviewError`` if invalid."""
    if field == "event_type":
        if not isinstance(value, dict):
            raise ReviewError("event_type takes {event_type, sub_event_type}")
        et, st = value.get("event_type"), value.get("sub_event_type")
        if et not in ACLED_TAXONOMY:
            raise ReviewError(f"unknown event type {et!r}")
        if st not in ACLED_TAXONOMY[et]:
            raise ReviewError(f"{st!r} is not a sub-event type of {et}")
        return {"event_type": et, "sub_event_type": st}
    if field == "date":
        if value is None:
            return None
        if not isinstance(value, dict) or not value.get("start"):
            raise ReviewError("date takes {start, end} (YYYY-MM-DD)")
        s = _day(value["start"], "date start")
        e = _day(value.get("end") or s, "date end")
        if e < s:
            raise ReviewError("date end is before its start")
        return {"start": s, "end": e}
    if field == "location":
        if value is None:
            return None
        if not isinstance(value, dict) or not _text(value.get("name"), "place name"):
            raise ReviewError("location takes {name, country, admin1, admin2, lat, lon, precision}")
        out = {k: _text(value.get(k), k) for k in ("name", "country", "iso", "admin1", "admin2")}
        out["lat"] = _float(value.get("lat"), "latitude", -90, 90)
        out["lon"] = _float(value.get("lon"), "longitude", -180, 180)
        if (out["lat"] is None) != (out["lon"] is None):
            raise ReviewError("give both latitude and longitude, or neither")
        p = _int(value.get("precision"), "precision")
        if p is not None and p not in (1, 2, 3):
            raise ReviewError("precision is 1 (town), 2 (near a town, district) or 3 (region)")
        out["precision"] = p
        return out
    if field == "actors":
        if not isinstance(value, list):
            raise ReviewError("actors takes a list of {text, role, type}")
        actors = []
        for a in value:
            if not isinstance(a, dict) or not _text(a.get("text"), "actor"):
                raise ReviewError("each actor needs a text")
            if a.get("role") not in ROLES:
                raise ReviewError(f"actor role must be one of {', '.join(ROLES)}")
            t = a.get("type") or None
            if t is not None and t not in ACTOR_TYPES:
                raise ReviewError(f"unknown actor type {t!r}")
            actors.append({"text": _text(a["text"], "actor"), "role": a["role"], "type": t})
        return actors
    if field in COUNT_FIELDS:
        if value is None:
            return None
        if not isinstance(value, dict):
            raise ReviewError(f"{field} takes {{low, best, high}} or null (not reported)")
        lo, best, hi = (_int(value.get(k), f"{field} {k}") for k in ("low", "best", "high"))
        if best is None:
            raise ReviewError(f"{field} needs a best figure")
        if (lo is not None and lo > best) or (hi is not None and hi < best):
            raise ReviewError(f"{field}: low <= best <= high does not hold")
        return {"low": lo, "best": best, "high": hi}
    raise ReviewError(f"unknown field {field!r}: use one of {', '.join(FIELDS)}")


def set_value(inc: Incident, field: str, value: Any) -> None:
    """Put a validated value on an incident."""
    if field == "event_type":
        inc.event_type, inc.sub_event_type = value["event_type"], value["sub_event_type"]
    elif field == "date":
        inc.date = DateInterval(value["start"], value["end"], note="corrected") if value else None
    elif field == "location":
        inc.location = (
            Loc(
                name=value["name"], country=value.get("country"), iso=value.get("iso"),
                admin1=value.get("admin1"), admin2=value.get("admin2"), lat=value.get("lat"),
                lon=value.get("lon"), precision=value.get("precision"), resolved=True,
            )
            if value else None
        )  # fmt: skip
    elif field == "actors":
        inc.actors = [Actor(a["text"], a["role"], a.get("type")) for a in value]
    else:
        c = Count(value["low"], value["best"], value["high"], "corrected") if value else None
        setattr(inc, field, c)
