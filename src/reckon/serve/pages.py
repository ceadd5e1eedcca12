"""The web app: server-rendered pages (Jinja2, autoescaped) over the same functions as the API.

Pages: login, overview (map, timeline, filters, sortable list, tolls apart), incident (fields,
claims, rule, highlighted evidence in each source's text, review actions), report, review queue,
audit log (reviewers), users (admins). Review actions are plain HTML forms (POST, CSRF token);
the only script is the map's, loaded from /static (the CSP allows no inline script).
"""

from __future__ import annotations

import hmac
import json
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from reckon import audit
from reckon.model import ACLED_TAXONOMY, ACTOR_TYPES, ROLES
from reckon.serve import queries
from reckon.serve.auth import (
    FAILS_PER_USER,
    LOGIN_CSRF_COOKIE,
    SESSION_AGE,
    SESSION_COOKIE,
    Principal,
    client_address,
    recent_user_failures,
)
from reckon.serve.deps import (
    Admin,
    AdminReading,
    Anyone,
    Coder,
    Reader,
    Reviewer,
    ReviewerReading,
    Viewer,
    settings,
    who,
)
from reckon.serve.index import SORTS, Filters
from reckon.serve.render import safe_url, timeline_svg
from reckon.serve.views import form_value, incident_view, report_view
from reckon.store import review

router = APIRouter(include_in_schema=False)
_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=True,
)
_env.filters["json"] = lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True)
_env.globals.update(ROLES=ROLES, ACLED_TAXONOMY=ACLED_TAXONOMY, ACTOR_TYPES=list(ACTOR_TYPES),
                    safe_url=safe_url, urlencode=urlencode)  # fmt: skip


def page(request: Request, name: str, code: int = 200, **ctx: Any) -> HTMLResponse:
    p = who(request)
    s = settings(request)
    csrf = s.sessions.csrf(p.session_id) if p.session_id else ""
    html = _env.get_template(name).render(request=request, me=p, csrf=csrf, public=s.public, **ctx)
    return HTMLResponse(html, status_code=code)


def error_page(request: Request, status: int, message: str) -> Response:
    try:
        return page(request, "error.html", status, status_code=status, message=message)
    except HTTPException:  # e.g. a bad token while rendering the error itself
        return HTMLResponse(f"<h1>{status}</h1>", status_code=status)


def _local(path: str | None) -> str:
    """A redirect target inside this site (never another host)."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    return path


# -- login ---------------------------------------------------------------------------------------


@router.get("/login")
def login_form(request: Request, next: str = "/", _: Principal = Anyone) -> Response:
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(16)
    resp = page(request, "login.html", login_csrf=token, next=_local(next), message=None)
    resp.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict",
                    secure=_https(request), max_age=3600)  # fmt: skip
    return resp


def _https(request: Request) -> bool:
    return request.url.scheme == "https"


@router.post("/login")
async def login(request: Request, _: Principal = Anyone) -> Response:
    from starlette.concurrency import run_in_threadpool

    form = await request.form()
    name = str(form.get("username") or "")[:100]
    password = str(form.get("password") or "")[:1000]
    nxt = _local(str(form.get("next") or "/"))
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE) or ""
    sent = str(form.get("login_csrf") or "")
    s = settings(request)

    def again(status: int, message: str) -> Response:
        return page(request, "login.html", status, login_csrf=cookie or secrets.token_urlsafe(16),
                    next=nxt, message=message)  # fmt: skip

    if not cookie or not hmac.compare_digest(cookie, sent):
        return again(403, "The form expired; please try again.")
    addr = client_address(request)
    wait = s.limiter.blocked(addr)
    if wait:
        return again(429, f"Too many failed logins from here; try again in {int(wait // 60) + 1} min.")

    def check() -> Any:
        from reckon.users import authenticate

        with s.store.transaction() as conn:
            if recent_user_failures(conn, name) >= FAILS_PER_USER:
                return "locked"
            user = authenticate(conn, name, password)
            if user is None:
                audit.append(conn, f"anonymous@{addr}", "login_failed", name, None,
                             {"address": addr})  # fmt: skip
            return user

    user = await run_in_threadpool(check)
    if user == "locked":
        return again(429, "Too many failed logins for this user; try again later.")
    if user is None:
        s.limiter.failed(addr)
        return again(401, "Wrong name or password.")
    value, _sid = s.sessions.cookie(user)
    resp = RedirectResponse(nxt, status_code=303)
    resp.set_cookie(SESSION_COOKIE, value, httponly=True, samesite="strict",
                    secure=_https(request), max_age=SESSION_AGE)  # fmt: skip
    resp.delete_cookie(LOGIN_CSRF_COOKIE)
    return resp


@router.post("/logout")
def logout(request: Request, p: Principal = Viewer) -> Response:
    from reckon.users import end_sessions

    if p.via == "session" and p.user is not None:
        with settings(request).store.transaction() as conn:
            end_sessions(conn, p.user.id)
    resp = RedirectResponse("/login", status_code=303)
    resp.delete_cookie(SESSION_COOKIE)
    return resp


# -- reading -------------------------------------------------------------------------------------


@router.get("/")
def overview(request: Request, sort: str = "-date", cursor: str | None = None,
             _: Principal = Reader) -> Response:  # fmt: skip
    s = settings(request)
    snap = s.index.current()
    f = Filters.of(request.query_params)
    rows, nxt = snap.page(f, sort, 50, cursor)
    matching = snap.matching(f)
    tl = queries.timeline(matching)
    tolls = [t for t in queries.tolls_list(s.store) if _toll_in(t, f)]
    totals = {
        "incidents": len(matching),
        "low": sum(r.low or 0 for r in matching if r.best is not None),
        "best": sum(r.best for r in matching if r.best is not None),
        "high": None if any(r.best is not None and r.high is None for r in matching)
        else sum(r.high or 0 for r in matching if r.best is not None),
        "no_figure": sum(1 for r in matching if r.best is None),
    }  # fmt: skip
    params = f.params()
    return page(request, "overview.html", rows=rows, next=nxt, sort=sort, sorts=SORTS,
                filters=f, params=params, query=urlencode(params), facets=snap.facets(),
                timeline=timeline_svg(tl), tl=tl, tolls=tolls, totals=totals)  # fmt: skip


def _toll_in(t: dict[str, Any], f: Filters) -> bool:
    period = t.get("period") or {}
    start, end = period.get("start"), period.get("end") or period.get("start")
    if f.date_from and end and end < f.date_from:
        return False
    if f.date_to and start and start > f.date_to:
        return False
    area = (t.get("area") or "").lower()
    for want in (f.country, f.admin1):
        if want and area and want.lower() not in area:
            return False
    return True


@router.get("/incidents/{incident_id}")
async def incident_page(request: Request, incident_id: str, _: Principal = Reader) -> Response:
    s = settings(request)
    inc = queries.incident(s.store, incident_id)
    if inc is None:
        now = queries.successor(s.store, incident_id)
        if now:
            return RedirectResponse(f"/incidents/{now}", status_code=303)
        raise HTTPException(404, f"no incident {incident_id}")
    return page(request, "incident.html", **incident_view(s.store, inc))


@router.get("/reports/{report_id}")
def report_page(request: Request, report_id: str, _: Principal = Reader) -> Response:
    s = settings(request)
    got = queries.report_detail(s.store, report_id, s.index.current())
    if got is None:
        raise HTTPException(404, f"no report {report_id}")
    return page(request, "report.html", **report_view(got))


@router.get("/review")
def review_page(request: Request, status: str | None = None, cursor: str | None = None,
                _: Principal = Reader) -> Response:  # fmt: skip
    snap = settings(request).index.current()
    f = Filters.of({"status": status} if status else {})
    rows, nxt = snap.page(f, "-need", 50, cursor)
    return page(request, "review.html", rows=rows, next=nxt, status=status or "")


@router.get("/audit")
def audit_page(request: Request, before: int | None = None, action: str | None = None,
               target: str | None = None, verify: bool = False,
               _: Principal = ReviewerReading) -> Response:  # fmt: skip
    with settings(request).store.engine.connect() as conn:
        rows = audit.entries(conn, before_seq=before, limit=100, action=action or None,
                             target=target or None, newest_first=True)  # fmt: skip
        check = audit.verify(conn) if verify else None
    nxt = rows[-1].seq if len(rows) == 100 else None
    return page(request, "audit.html", rows=rows, next=nxt, action=action or "",
                target=target or "", check=check)  # fmt: skip


@router.get("/admin/users")
def users_page(request: Request, _: Principal = AdminReading) -> Response:
    from reckon.users import list_tokens, list_users

    with settings(request).store.engine.connect() as conn:
        return page(request, "users.html", users=list_users(conn), tokens=list_tokens(conn),
                    new_token=None)  # fmt: skip


# -- review actions (HTML forms) -----------------------------------------------------------------


def _go(incident_id: str) -> Response:
    return RedirectResponse(f"/incidents/{incident_id}", status_code=303)


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


def _tx(request: Request, fn: Any) -> Any:
    with settings(request).store.transaction() as conn:
        return fn(conn)


@router.post("/incidents/{incident_id}/correct")
async def correct_form(request: Request, incident_id: str,
                       p: Principal = Coder) -> Response:  # fmt: skip
    """Reviewers correct; coders propose (the same form)."""
    from starlette.concurrency import run_in_threadpool

    form = await _form(request)
    field = form.get("field", "")
    value = form_value(field, form)
    propose = not p.can("reviewer")
    await run_in_threadpool(_tx, request, lambda c: review.correct(
        c, incident_id, field, value, form.get("reason", ""), actor=p.name, propose=propose))  # fmt: skip
    return _go(incident_id)


@router.post("/incidents/{incident_id}/decide")
async def decide_form(request: Request, incident_id: str,
                      p: Principal = Reviewer) -> Response:  # fmt: skip
    """accept, reject (no event) or reopen."""
    from starlette.concurrency import run_in_threadpool

    form = await _form(request)
    action = form.get("action")
    reason = form.get("reason", "")
    fns = {"accept": lambda c: review.accept(c, incident_id, actor=p.name, reason=reason),
           "reject": lambda c: review.reject(c, incident_id, reason, actor=p.name),
           "reopen": lambda c: review.reopen(c, incident_id, reason, actor=p.name)}  # fmt: skip
    if action not in fns:
        raise HTTPException(400, "action must be accept, reject or reopen")
    await run_in_threadpool(_tx, request, fns[action])
    return _go(incident_id)


@router.post("/incidents/{incident_id}/split")
async def split_form(request: Request, incident_id: str,
                     p: Principal = Reviewer) -> Response:  # fmt: skip
    from starlette.concurrency import run_in_threadpool

    form = await request.form()
    keys = [str(v) for v in form.getlist("mention")]
    parts = await run_in_threadpool(_tx, request, lambda c: review.split(
        c, incident_id, keys, str(form.get("reason") or ""), actor=p.name))  # fmt: skip
    return _go(parts[0].id)


@router.post("/incidents/{incident_id}/merge")
async def merge_form(request: Request, incident_id: str,
                     p: Principal = Reviewer) -> Response:  # fmt: skip
    from starlette.concurrency import run_in_threadpool

    form = await _form(request)
    others = [x for x in form.get("with", "").replace(",", " ").split() if x]
    inc = await run_in_threadpool(_tx, request, lambda c: review.merge(
        c, [incident_id, *others], form.get("reason", ""), actor=p.name))  # fmt: skip
    return _go(inc.id)


@router.post("/proposals/{seq}/{decision}")
async def proposal_form(request: Request, seq: int, decision: str,
                        p: Principal = Reviewer) -> Response:  # fmt: skip
    from starlette.concurrency import run_in_threadpool

    if decision not in ("apply", "dismiss"):
        raise HTTPException(404, "apply or dismiss")
    form = await _form(request)
    await run_in_threadpool(_tx, request, lambda c: review.decide_proposal(
        c, seq, decision == "apply", actor=p.name, reason=form.get("reason", "")))  # fmt: skip
    return _go(form.get("incident", "") or "")


@router.post("/admin/users")
async def users_form(request: Request, p: Principal = Admin) -> Response:
    """add a user, change a role, make or revoke a token."""
    from starlette.concurrency import run_in_threadpool

    from reckon import users as u

    form = await _form(request)
    action = form.get("action")
    name = form.get("name", "")
    new_token = None
    if action == "add":
        await run_in_threadpool(_tx, request, lambda c: u.add_user(
            c, name, form.get("role", ""), form.get("password", ""), actor=p.name))  # fmt: skip
    elif action == "role":
        await run_in_threadpool(_tx, request,
                                lambda c: u.set_role(c, name, form.get("role", ""), actor=p.name))
    elif action == "token":
        new_token, _ = await run_in_threadpool(_tx, request, lambda c: u.create_token(
            c, name, form.get("label") or None, actor=p.name))  # fmt: skip
    elif action == "revoke":
        await run_in_threadpool(_tx, request, lambda c: u.revoke_token(
            c, int(form.get("token", "0") or 0), actor=p.name))  # fmt: skip
    else:
        raise HTTPException(400, "unknown action")
    if new_token is None:
        return RedirectResponse("/admin/users", status_code=303)
    with settings(request).store.engine.connect() as conn:  # the token is shown this once
        return page(request, "users.html", users=u.list_users(conn), tokens=u.list_tokens(conn),
                    new_token=new_token)  # fmt: skip
