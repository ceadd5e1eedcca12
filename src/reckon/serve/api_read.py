"""The JSON API's reading routes: reports, incidents, the map, the timeline, tallies, tolls,
reactions, exports, the review queue and the audit log."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse

from reckon.serve import queries
from reckon.serve.auth import Principal
from reckon.serve.deps import Reader, ReviewerReading, settings
from reckon.serve.index import Filters, Snapshot
from reckon.tally import GROUPINGS

router = APIRouter(prefix="/api")

Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page.")]
FILTER_DOC = (
    "Filters (query parameters, all optional): date_from, date_to (YYYY-MM-DD; incidents whose "
    "dates overlap), country, admin1, event_type, sub_event_type (exact, any case), actor "
    "(words of an actor's name, or an actor type), q (words anywhere in places, actors, "
    "evidence, report titles and ids), min_confidence, max_confidence, status (unreviewed, "
    "corrected, accepted, rejected, any; default: all but rejected), report (a report id)."
)


def _snap(request: Request) -> Snapshot:
    return settings(request).index.current()


@router.get("/me", tags=["session"], summary="Who you are and what you may do")
async def me(p: Principal = Reader) -> dict[str, Any]:
    if p.user is None:
        return {"user": None, "role": None, "public": True}
    return {"user": p.user.name, "role": p.user.role, "via": p.via}


@router.get("/reports", tags=["reports"], summary="Stored reports in the order stored")
def list_reports(
    request: Request, limit: Limit = 100, cursor: int = Query(0, ge=0), _: Principal = Reader
) -> dict[str, Any]:
    """`reckon reports --format jsonl` without the text, paged: pass `next` as `cursor`."""
    rows, nxt = queries.report_page(settings(request).store, cursor, limit)
    return {"reports": rows, "next": nxt}


@router.get("/reports/{report_id}", tags=["reports"], summary="One report: text, removed, read")
def get_report(request: Request, report_id: str, _: Principal = Reader) -> dict[str, Any]:
    """`reckon show REPORT_ID`: metadata, cleaned text, what cleaning removed (with raw
    offsets), the mentions, tolls and reactions read from it, and the incidents it tells."""
    got = queries.report_detail(settings(request).store, report_id, _snap(request))
    if got is None:
        raise HTTPException(404, f"no report {report_id}")
    return got


@router.get(
    "/reports/{report_id}/raw",
    tags=["reports"],
    summary="The raw bytes as received",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
def get_raw(request: Request, report_id: str, _: Principal = Reader) -> Response:
    """`reckon raw REPORT_ID`: served as a download, never rendered."""
    raw = settings(request).store.get_raw(report_id)
    if raw is None:
        raise HTTPException(404, f"no report {report_id}")
    return Response(
        raw,
        media_type="application/octet-stream",
        headers={
            "Content-Disposition": f'attachment; filename="{_safe(report_id)}.raw"',
            "Content-Security-Policy": "sandbox; default-src 'none'",
        },
    )


def _safe(s: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in s)[:100]


@router.get(
    "/incidents",
    tags=["incidents"],
    summary="Incidents: filtered, sorted, paged",
    description="One row per incident with corrections applied (`reckon incidents --format "
    "jsonl` plus coordinates, confidence, review status and need). " + FILTER_DOC,
)
async def list_incidents(
    request: Request,
    sort: str = Query("-date", description="date, fatalities, country, admin1, event_type, "
                      "confidence, need, sources or id; prefix - for descending"),
    limit: Limit = 50,
    cursor: str | None = Query(None, description="`next` of the previous page"),
    with_total: bool = Query(False, description="Also count every matching incident."),
    date_from: str | None = None, date_to: str | None = None, country: str | None = None,
    admin1: str | None = None, event_type: str | None = None, sub_event_type: str | None = None,
    actor: str | None = None, q: str | None = None, min_confidence: float | None = None,
    max_confidence: float | None = None, status: str | None = None, report: str | None = None,
    _: Principal = Reader,
) -> Any:  # fmt: skip
    snap = await settings(request).index.current_async()
    f = Filters.of(request.query_params)
    rows, nxt = snap.page(f, sort, limit, cursor)
    # each row's JSON is made once per snapshot; the page is joined from them
    body = '{"incidents":[' + ",".join(r.json() for r in rows) + '],"next":'
    body += json.dumps(nxt)
    if with_total:
        body += ',"total":' + str(len(snap.matching(f)))
    return Response(body + "}", media_type="application/json")


@router.get("/incidents/{incident_id}", tags=["incidents"], summary="One incident, in full")
async def get_incident(request: Request, incident_id: str, _: Principal = Reader) -> Any:
    """`reckon show INCIDENT_ID`: every field, its claims, spans and reconciliation rule, the
    members with their link scores, reports, copies, corrections and review status. An id that
    no longer exists (the incident gained or lost a mention) answers 404 with `current_id`."""
    s = settings(request)
    inc = queries.incident(s.store, incident_id)
    if inc is None:
        now = queries.successor(s.store, incident_id)
        raise HTTPException(
            404, f"no incident {incident_id}" + (f"; its mentions are now in {now}" if now else ""),
            headers={"x-reckon-current_id": now} if now else None,
        )  # fmt: skip
    return JSONResponse(queries.incident_json(inc))


@router.get(
    "/map",
    tags=["incidents"],
    summary="Points of the matching incidents",
    description="[id, latitude, longitude, fatalities best, label] for every matching incident "
    "with coordinates, and how many have none. " + FILTER_DOC,
)
async def map_points(request: Request, _: Principal = Reader) -> dict[str, Any]:
    rows = (await settings(request).index.current_async()).matching(
        Filters.of(request.query_params)
    )
    pts = [
        [r.id, r.lat, r.lon, r.best, f"{r.event_type}: {r.location or ''} {r.date_start or ''}"]
        for r in rows if r.lat is not None and r.lon is not None
    ]  # fmt: skip
    return {"points": pts, "count": len(rows), "without_place": len(rows) - len(pts)}


@router.get(
    "/timeline",
    tags=["incidents"],
    summary="Incidents and deaths per day or week",
    description="Per bin: incidents, and the sums of fatalities low / best / high (an unbounded "
    "high counts its best and is counted in `unbounded`). Cumulative tolls are never added. "
    + FILTER_DOC,
)
async def get_timeline(
    request: Request, bin: str = Query("auto", pattern="^(auto|day|week)$"), _: Principal = Reader
) -> dict[str, Any]:
    return queries.timeline(
        (await settings(request).index.current_async()).matching(Filters.of(request.query_params)),
        bin,
    )


@router.get("/tally", tags=["tallies"], summary="Sums per group, cumulative tolls apart")
def get_tally(
    request: Request,
    by: str = Query("admin1", description=", ".join(GROUPINGS)),
    date_from: str | None = Query(None, alias="from"),
    date_to: str | None = Query(None, alias="to"),
    _: Principal = Reader,
) -> dict[str, Any]:
    """`reckon tally --format jsonl` as one object: groups, total, and the tolls that overlap
    them with the gap between toll and incident sums (tolls are never added to the sums)."""
    if by not in GROUPINGS:
        raise HTTPException(400, f"by must be one of {', '.join(GROUPINGS)}")
    s = settings(request)
    try:
        return s.cached(("tally", by, date_from, date_to),
                        lambda: queries.tally_dict(s.store, by, date_from, date_to))  # fmt: skip
    except ValueError as e:
        raise HTTPException(400, str(e)) from None


@router.get("/tolls", tags=["tallies"], summary="Cumulative tolls as reported")
def get_tolls(request: Request, _: Principal = Reader) -> dict[str, Any]:
    return {"tolls": queries.tolls_list(settings(request).store)}


@router.get("/reactions", tags=["tallies"], summary="Statements, condemnations, investigations")
def get_reactions(request: Request, _: Principal = Reader) -> dict[str, Any]:
    return {"reactions": queries.reactions_list(settings(request).store)}


@router.get(
    "/export/{fmt}",
    tags=["exports"],
    summary="acled-csv, ucdp-csv, geojson or jsonl, streamed",
    response_class=StreamingResponse,
    responses={200: {"content": {t: {} for t, _ in queries.EXPORT_TYPES.values()}}},
)
def export(request: Request, fmt: str, _: Principal = Reader) -> StreamingResponse:
    """Byte for byte what `reckon export --format FMT` writes, corrections applied."""
    if fmt not in queries.EXPORT_TYPES:
        raise HTTPException(404, f"no export format {fmt}: use {', '.join(queries.EXPORT_TYPES)}")
    media, ext = queries.EXPORT_TYPES[fmt]
    s = settings(request)
    return StreamingResponse(
        queries.stream_export(s.store, fmt, s.index.current()),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="reckon-{fmt}.{ext}"'},
    )


@router.get("/gazetteer/lookup", tags=["places"], summary="Resolve a place name")
def gazetteer_lookup(
    name: str = Query(min_length=1, max_length=200),
    country: str | None = Query(None, max_length=100, description="Country name or ISO code"),
    context: Annotated[list[str] | None, Query(description="Other places or report text")] = None,
    _: Principal = Reader,
) -> dict[str, Any]:
    """`reckon gazetteer lookup NAME`: the location the offline gazetteer gives a name."""
    from reckon.geocode import geocode_name

    loc = geocode_name(name, country_hint=country, context=[c[:2000] for c in (context or [])[:20]])
    return {**loc.as_dict(), "feature": loc.feature}


@router.get("/review/queue", tags=["review"], summary="Incidents ordered by need of review")
def review_queue(
    request: Request, limit: Limit = 50, cursor: str | None = None,
    status: str | None = Query(None, description="a review status; default all but rejected"),
    _: Principal = Reader,
) -> dict[str, Any]:  # fmt: skip
    """Not yet reviewed, low confidence, conflicting figures, unresolved places, pending
    proposals and incidents changed since their review come first."""
    f = Filters.of({"status": status} if status else {})
    rows, nxt = _snap(request).page(f, "-need", limit, cursor)
    return {"incidents": [r.summary() for r in rows], "next": nxt}


@router.get("/audit", tags=["audit"], summary="The audit log, newest first (reviewers, admins)")
def audit_log(
    request: Request,
    limit: Limit = 100,
    before: int | None = Query(None, description="Entries before this sequence number."),
    action: str | None = None,
    target: str | None = None,
    actor: str | None = None,
    _: Principal = ReviewerReading,
) -> dict[str, Any]:
    from reckon.audit import entries

    with settings(request).store.engine.connect() as conn:
        rows = entries(conn, before_seq=before, limit=limit, action=action, target=target,
                       actor=actor, newest_first=True)  # fmt: skip
    nxt = rows[-1].seq if len(rows) == limit and rows[-1].seq > 1 else None
    return {"entries": [e.as_dict() for e in rows], "next": nxt}


@router.get("/audit/verify", tags=["audit"], summary="Check the audit log's hash chain")
def audit_verify(request: Request, _: Principal = ReviewerReading) -> dict[str, Any]:
    """`reckon audit verify`: `ok`, the number of entries, the head hash, and the first broken
    entry with the reason."""
    from reckon.audit import verify

    with settings(request).store.engine.connect() as conn:
        v = verify(conn)
    return {"ok": v.ok, "entries": v.entries, "head": v.head, "broken": v.broken,
            "reason": v.reason}  # fmt: skip
