"""(De)serialisation of mentions, tolls, reactions and incidents with their spans (JSON)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from reckon.model import (
    Actor,
    Count,
    DateInterval,
    Evidence,
    Incident,
    Location,
    Mention,
    Reaction,
    Span,
    Toll,
)


def _span_d(s: Span | None) -> dict[str, Any] | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def _span_o(d: dict[str, Any] | None) -> Span | None:
    return None if not d else Span(int(d["start"]), int(d["end"]), str(d["text"]))


def count_to_json(c: Count | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "low": c.low,
        "best": c.best,
        "high": c.high,
        "qualifier": c.qualifier,
        "span": _span_d(c.span),
    }


def count_from_json(d: dict[str, Any] | None) -> Count | None:
    if not d:
        return None
    return Count(
        d.get("low"),
        d.get("best"),
        d.get("high"),
        d.get("qualifier", "exact"),
        _span_o(d.get("span")),
    )


def date_to_json(d: DateInterval | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {
        "start": d.start,
        "end": d.end,
        "span": _span_d(d.span),
        "resolved": d.resolved,
        "note": d.note,
    }


def date_from_json(d: dict[str, Any] | None) -> DateInterval | None:
    if not d:
        return None
    return DateInterval(
        d.get("start"), d.get("end"), _span_o(d.get("span")), d.get("resolved", True), d.get("note")
    )


def location_to_json(loc: Location | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    d = loc.as_dict()
    d["span"] = _span_d(loc.span)
    d["feature"] = loc.feature
    return d


def location_from_json(d: dict[str, Any] | None) -> Location | None:
    if not d:
        return None
    return Location(
        name=d.get("name") or "",
        span=_span_o(d.get("span")),
        country=d.get("country"),
        iso=d.get("iso"),
        admin1=d.get("admin1"),
        admin2=d.get("admin2"),
        lat=d.get("lat"),
        lon=d.get("lon"),
        precision=d.get("precision"),
        geonameid=d.get("geonameid"),
        resolved=bool(d.get("resolved", False)),
        feature=d.get("feature"),
    )


def mention_to_json(m: Mention) -> dict[str, Any]:
    return {
        "event_type": m.event_type,
        "sub_event_type": m.sub_event_type,
        "date": date_to_json(m.date),
        "location": location_to_json(m.location),
        "actors": [{**a.as_dict(), "span": _span_d(a.span)} for a in m.actors],
        "fatalities": count_to_json(m.fatalities),
        "injured": count_to_json(m.injured),
        "abducted": count_to_json(m.abducted),
        "arrested": count_to_json(m.arrested),
        "evidence": [asdict(e) for e in m.evidence],
        "confidence": m.confidence,
        "report_id": m.report_id,
    }


def mention_from_json(d: dict[str, Any]) -> Mention:
    return Mention(
        event_type=d["event_type"],
        sub_event_type=d["sub_event_type"],
        date=date_from_json(d.get("date")),
        location=location_from_json(d.get("location")),
        actors=[
            Actor(a["text"], a["role"], a.get("type"), _span_o(a.get("span")))
            for a in d.get("actors", [])
        ],
        fatalities=count_from_json(d.get("fatalities")),
        injured=count_from_json(d.get("injured")),
        abducted=count_from_json(d.get("abducted")),
        arrested=count_from_json(d.get("arrested")),
        evidence=[Evidence(**e) for e in d.get("evidence", [])],
        confidence=float(d.get("confidence", 0.5)),
        report_id=d.get("report_id"),
    )


def toll_to_json(t: Toll) -> dict[str, Any]:
    return {
        "kind": t.kind,
        "count": count_to_json(t.count),
        "scope": t.scope,
        "period": date_to_json(t.period),
        "area": t.area,
        "evidence": [asdict(e) for e in t.evidence],
        "confidence": t.confidence,
        "report_id": t.report_id,
    }


def toll_from_json(d: dict[str, Any]) -> Toll:
    return Toll(
        kind=d["kind"],
        count=count_from_json(d.get("count")) or Count(None, None, None, "none"),
        scope=d.get("scope", "cumulative"),
        period=date_from_json(d.get("period")),
        area=d.get("area"),
        evidence=[Evidence(**e) for e in d.get("evidence", [])],
        confidence=float(d.get("confidence", 0.5)),
        report_id=d.get("report_id"),
    )


def reaction_to_json(r: Reaction) -> dict[str, Any]:
    return {
        "kind": r.kind,
        "actor": r.actor,
        "evidence": [asdict(e) for e in r.evidence],
        "confidence": r.confidence,
        "report_id": r.report_id,
    }


def reaction_from_json(d: dict[str, Any]) -> Reaction:
    return Reaction(
        kind=d["kind"],
        actor=d.get("actor"),
        evidence=[Evidence(**e) for e in d.get("evidence", [])],
        confidence=float(d.get("confidence", 0.5)),
        report_id=d.get("report_id"),
    )


def incident_to_json(inc: Incident) -> dict[str, Any]:
    """An incident with its members, figures and full provenance (the JSONL export shape)."""
    return {
        "id": inc.id,
        "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type,
        "date": date_to_json(inc.date),
        "location": location_to_json(inc.location),
        "actors": [{**a.as_dict(), "span": _span_d(a.span)} for a in inc.actors],
        "fatalities": count_to_json(inc.fatalities),
        "injured": count_to_json(inc.injured),
        "abducted": count_to_json(inc.abducted),
        "arrested": count_to_json(inc.arrested),
        "sources": inc.sources,
        "independent_sources": inc.independent_sources,
        "mentions": [mention_to_json(m) for m in inc.mentions],
        "provenance": inc.provenance,
    }


def incident_from_json(d: dict[str, Any]) -> Incident:
    return Incident(
        id=d["id"],
        event_type=d["event_type"],
        sub_event_type=d["sub_event_type"],
        mentions=[mention_from_json(m) for m in d.get("mentions", [])],
        date=date_from_json(d.get("date")),
        location=location_from_json(d.get("location")),
        actors=[
            Actor(a["text"], a["role"], a.get("type"), _span_o(a.get("span")))
            for a in d.get("actors", [])
        ],
        fatalities=count_from_json(d.get("fatalities")),
        injured=count_from_json(d.get("injured")),
        abducted=count_from_json(d.get("abducted")),
        arrested=count_from_json(d.get("arrested")),
        sources=int(d.get("sources", 0)),
        independent_sources=int(d.get("independent_sources", 0)),
        provenance=d.get("provenance", {}),
    )


def report_ids(inc: Incident) -> list[str]:
    return [r["id"] for r in inc.provenance.get("reports", [])]


def member_keys(inc: Incident) -> list[str]:
    return [m["mention"] for m in inc.provenance.get("members", [])]
