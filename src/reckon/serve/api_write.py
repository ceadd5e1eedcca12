"""The JSON API's writing routes: ingest, review decisions, relink, users and tokens.

Each is a thin call into the library inside one transaction, appended to the audit log there.
"""

from __future__ import annotations

import copy
import functools
from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from reckon.serve import queries
from reckon.serve.auth import Principal
from reckon.serve.deps import Admin, Coder, Reviewer, settings
from reckon.store import review

router = APIRouter(prefix="/api")

KINDS = {
    "text/plain": "text",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/json": "json",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
}


class IngestResult(BaseModel):
    stored: list[str]
    already: list[str]
    rejected: list[dict[str, str]]


@router.post(
    "/reports",
    tags=["reports"],
    summary="Ingest reports (coders)",
    response_model=IngestResult,
    openapi_extra={"requestBody": {"required": True, "content": {
        t: {"schema": {"type": "string"}} for t in KINDS
    }}},
)  # fmt: skip
async def ingest(
    request: Request,
    published: str | None = Query(None, description="YYYY-MM-DD, for reports that carry none"),
    source: str | None = Query(None, description="Outlet, for reports that carry none"),
    url: str | None = Query(None, description="URL, for reports that carry none"),
    kind: Literal["text", "html", "jsonl", "json", "feed"] | None = Query(
        None, description="Format of the body (default: from Content-Type, else sniffed)"
    ),
    p: Principal = Coder,
) -> Any:
    """`reckon ingest -`: the body is one text, HTML page, JSON/JSONL batch or feed, read with
    the CLI's readers and limits; each report is stored with what was read from it and the
    incidents are relinked. Bad input is listed under `rejected` (422 when nothing was kept)."""
    from starlette.concurrency import run_in_threadpool

    data = await request.body()
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return await run_in_threadpool(
        _ingest, settings(request), data, kind or KINDS.get(ctype), published, source, url, p
    )


def _ingest(s: Any, data: bytes, kind: str | None, published: str | None, source: str | None,
            url: str | None, p: Principal) -> Any:  # fmt: skip
    from reckon.ingest import parse_published, read_bytes
    from reckon.ingest.batch import ingest_items
    from reckon.store.incidents import analyse_and_store, relink

    try:
        parse_published(published)
    except ValueError as e:
        raise HTTPException(400, f"published: {e}") from None
    store = copy.copy(s.store)  # same engine, this user's name in the audit log
    store.actor = p.name
    items = read_bytes(data, f"api:{p.name}", kind=kind, published=published, source=source,
                       url=url, max_bytes=s.max_bytes)  # fmt: skip
    summary = ingest_items(
        store, items, analyse=functools.partial(analyse_and_store, relink_now=False)
    )
    if summary.stored:
        with s.store.transaction() as conn:
            relink(conn)
    body = {
        "stored": summary.stored,
        "already": summary.already,
        "rejected": [{"origin": e.origin, "reason": e.reason} for e in summary.rejected],
    }
    if summary.rejected and not summary.stored and not summary.already:
        return JSONResponse(
            {"error": {"status": 422, "message": "; ".join(
                f"{e.origin}: {e.reason}" for e in summary.rejected)}, **body},
            status_code=422,
        )  # fmt: skip
    return JSONResponse(body, status_code=201 if summary.stored else 200)


@router.post("/extract", tags=["reports"], summary="Read a report without storing it (coders)")
async def extract(
    request: Request, published: str | None = None, _: Principal = Coder
) -> Any:
    """`reckon extract - --format jsonl`: clean, extract and geocode the body; nothing stored."""
    from starlette.concurrency import run_in_threadpool

    data = await request.body()

    def run() -> list[dict[str, Any]]:
        from reckon.extract import extract as extract_fn
        from reckon.geocode import geocode
        from reckon.ingest import IngestError, read_bytes

        out = []
        for item in read_bytes(data, "api", published=published, max_bytes=settings(request).max_bytes):
            if isinstance(item, IngestError):
                raise HTTPException(422, f"{item.origin}: {item.reason}")
            out.append(geocode(extract_fn(item)).as_dict())
        return out

    return {"extractions": await run_in_threadpool(run)}


class CorrectionIn(BaseModel):
    field: Literal["event_type", "date", "location", "actors", "fatalities", "injured",
                   "abducted", "arrested"]  # fmt: skip
    value: Any = Field(description="event_type: {event_type, sub_event_type}; date: {start, "
                       "end}; location: {name, country, admin1, admin2, lat, lon, precision}; "
                       "actors: [{text, role, type}]; counts: {low, best, high} or null")
    reason: str = Field(min_length=1, max_length=2000)


class ReasonIn(BaseModel):
    reason: str = Field("", max_length=2000)


class SplitIn(BaseModel):
    mentions: list[str] = Field(min_length=1, description="mention keys REPORT#INDEX, or report ids")
    reason: str = Field("", max_length=2000)


class MergeIn(BaseModel):
    incidents: list[str] = Field(min_length=2)
    reason: str = Field("", max_length=2000)


def _write(request: Request, fn: Any) -> Any:
    with settings(request).store.transaction() as conn:
        return fn(conn)


@router.post("/incidents/{incident_id}/corrections", tags=["review"],
             summary="Correct a field (reviewers)")  # fmt: skip
def correct(request: Request, incident_id: str, body: CorrectionIn,
            p: Principal = Reviewer) -> dict[str, Any]:  # fmt: skip
    """The value wins in lists, tallies and exports; the machine value and claims stay."""
    inc = _write(request, lambda c: review.correct(c, incident_id, body.field, body.value,
                                                    body.reason, actor=p.name))  # fmt: skip
    return queries.incident_json(inc)


@router.post("/incidents/{incident_id}/proposals", tags=["review"],
             summary="Propose a correction (coders)")  # fmt: skip
def propose(request: Request, incident_id: str, body: CorrectionIn,
            p: Principal = Coder) -> dict[str, Any]:  # fmt: skip
    """Kept as pending until a reviewer applies or dismisses it."""
    inc = _write(request, lambda c: review.correct(c, incident_id, body.field, body.value,
                                                    body.reason, actor=p.name, propose=True))  # fmt: skip
    return queries.incident_json(inc)


@router.post("/proposals/{seq}/{decision}", tags=["review"],
             summary="Apply or dismiss a proposal (reviewers)")  # fmt: skip
def decide(request: Request, seq: int, decision: Literal["apply", "dismiss"], body: ReasonIn,
           p: Principal = Reviewer) -> dict[str, Any]:  # fmt: skip
    _write(request, lambda c: review.decide_proposal(c, seq, decision == "apply", actor=p.name,
                                                      reason=body.reason))  # fmt: skip
    return {"proposal": seq, "status": "applied" if decision == "apply" else "dismissed"}


@router.post("/incidents/{incident_id}/accept", tags=["review"], summary="Accept (reviewers)")
def accept(request: Request, incident_id: str, body: ReasonIn,
           p: Principal = Reviewer) -> dict[str, Any]:  # fmt: skip
    inc = _write(request, lambda c: review.accept(c, incident_id, actor=p.name,
                                                   reason=body.reason))  # fmt: skip
    return queries.incident_json(inc)


@router.post("/incidents/{incident_id}/reject", tags=["review"],
             summary="Reject as no event (reviewers)")  # fmt: skip
def reject(request: Request, incident_id: str, body: ReasonIn,
           p: Principal = Reviewer) -> dict[str, Any]:  # fmt: skip
    """Left out of lists, tallies and exports from now on (a reason is required)."""
    inc = _write(request, lambda c: review.reject(c, incident_id, body.reason, actor=p.name))
    return queries.incident_json(inc)


@router.post("/incidents/{incident_id}/reopen", tags=["review"],
             summary="Undo an acceptance or rejection (reviewers)")  # fmt: skip
def reopen(request: Request, incident_id: str, body: ReasonIn,
           p: Principal = Reviewer) -> dict[str, Any]:  # fmt: skip
    inc = _write(request, lambda c: review.reopen(c, incident_id, body.reason, actor=p.name))
    return queries.incident_json(inc)


@router.post("/incidents/{incident_id}/split", tags=["review"], summary="Split (reviewers)")
def split(request: Request, incident_id: str, body: SplitIn,
          p: Principal = Reviewer) -> dict[str, Any]:  # fmt: skip
    """`reckon incidents split`: kept and honoured by every later relink."""
    parts = _write(request, lambda c: review.split(c, incident_id, body.mentions, body.reason,
                                                    actor=p.name))  # fmt: skip
    return {"incidents": [queries.incident_json(i) for i in parts]}


@router.post("/incidents/merge", tags=["review"], summary="Merge incidents (reviewers)")
def merge(request: Request, body: MergeIn,
          p: Principal = Reviewer) -> dict[str, Any]:  # fmt: skip
    """`reckon incidents merge`: kept and honoured by every later relink."""
    inc = _write(request, lambda c: review.merge(c, body.incidents, body.reason, actor=p.name))
    return queries.incident_json(inc)


@router.post("/relink", tags=["review"], summary="Recompute incidents (reviewers)")
def relink(request: Request, p: Principal = Reviewer) -> dict[str, Any]:
    """`reckon incidents relink`: decisions (split, merge, corrections) are kept."""
    from reckon import audit
    from reckon.store.incidents import relink as relink_fn

    def run(conn: Any) -> int:
        n = len(relink_fn(conn))
        audit.append(conn, p.name, "relink", "incidents", None, {"incidents": n})
        return n

    return {"incidents": _write(request, run)}


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    role: Literal["viewer", "coder", "reviewer", "admin"]
    password: str = Field(min_length=8, max_length=1000)


class RoleIn(BaseModel):
    role: Literal["viewer", "coder", "reviewer", "admin"]


class ActiveIn(BaseModel):
    active: bool


class TokenIn(BaseModel):
    label: str | None = Field(None, max_length=200)


@router.get("/users", tags=["users"], summary="Users and roles (admins)")
def users(request: Request, _: Principal = Admin) -> dict[str, Any]:
    from reckon.users import list_tokens, list_users

    with settings(request).store.engine.connect() as conn:
        return {"users": [u.as_dict() for u in list_users(conn)],
                "tokens": [t.as_dict() for t in list_tokens(conn)]}  # fmt: skip


@router.post("/users", tags=["users"], summary="Add a user (admins)", status_code=201)
def add_user(request: Request, body: UserIn, p: Principal = Admin) -> dict[str, Any]:
    from reckon.users import add_user as add

    return _write(request, lambda c: add(c, body.name, body.role, body.password,
                                         actor=p.name)).as_dict()  # fmt: skip


@router.post("/users/{name}/role", tags=["users"], summary="Change a role (admins)")
def set_role(request: Request, name: str, body: RoleIn,
             p: Principal = Admin) -> dict[str, Any]:  # fmt: skip
    from reckon.users import set_role as set_

    return _write(request, lambda c: set_(c, name, body.role, actor=p.name)).as_dict()


@router.post("/users/{name}/active", tags=["users"], summary="Disable or enable (admins)")
def set_active(request: Request, name: str, body: ActiveIn,
               p: Principal = Admin) -> dict[str, Any]:  # fmt: skip
    from reckon.users import set_active as set_

    return _write(request, lambda c: set_(c, name, body.active, actor=p.name)).as_dict()


@router.post("/users/{name}/tokens", tags=["users"], summary="Create a token (admins)",
             status_code=201)  # fmt: skip
def create_token(request: Request, name: str, body: TokenIn,
                 p: Principal = Admin) -> dict[str, Any]:  # fmt: skip
    """The token is in the answer this once; only its hash is kept."""
    from reckon.users import create_token as create

    token, rec = _write(request, lambda c: create(c, name, body.label, actor=p.name))
    return {"token": token, **rec.as_dict()}


@router.post("/tokens/{token_id}/revoke", tags=["users"], summary="Revoke a token (admins)")
def revoke_token(request: Request, token_id: int,
                 p: Principal = Admin) -> dict[str, Any]:  # fmt: skip
    from reckon.users import revoke_token as revoke

    return _write(request, lambda c: revoke(c, token_id, actor=p.name)).as_dict()
