"""Route dependencies: the shared settings, the caller, and the role every route requires.

Every route declares one of :func:`reader` (anyone logged in, or anybody with ``--public``),
:func:`role` (``role("coder")`` etc.: 401 for nobody, 403 for too low a role; a session write
must carry its CSRF token) or :func:`anyone` (the login page, the OpenAPI description).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Depends, HTTPException, Request

from reckon.serve.auth import Principal, principal

ROUTE_GUARD = "_reckon_guard"  # set on each dependency so the route-table test can check it


def settings(request: Request) -> Any:
    return request.app.state.reckon


def who(request: Request) -> Principal:
    """The caller (cached on the request)."""
    got = getattr(request.state, "principal", None)
    if got is None:
        s = settings(request)
        with s.store.engine.connect() as conn:
            got = principal(request, conn, s.sessions)
        request.state.principal = got
    return got


def _mark(fn: Callable[..., Any], kind: str) -> Callable[..., Any]:
    setattr(fn, ROUTE_GUARD, kind)
    return fn


async def anyone(request: Request) -> Principal:
    return who(request)


_mark(anyone, "anyone")


async def reader(request: Request) -> Principal:
    # async on purpose: a quick indexed read, done on the event loop, no threadpool hop
    p = who(request)
    if p.user is None and not settings(request).public:
        raise HTTPException(401, "log in to read the record")
    return p


_mark(reader, "reader")


async def _csrf_ok(request: Request, p: Principal) -> bool:
    if p.via != "session":
        return True  # tokens: a browser never sends one by itself
    token = request.headers.get("x-csrf-token")
    if token is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get("csrf_token")
        token = value if isinstance(value, str) else None
    return settings(request).sessions.check_csrf(p.session_id or "", token)


def role(needed: str) -> Callable[[Request], Coroutine[Any, Any, Principal]]:
    """A dependency that lets through users with at least role ``needed``."""

    async def guard(request: Request) -> Principal:
        p = who(request)
        if p.user is None:
            raise HTTPException(401, "log in first")
        if not p.can(needed):
            raise HTTPException(403, f"this needs the {needed} role (you are {p.user.role})")
        if request.method not in ("GET", "HEAD", "OPTIONS") and not await _csrf_ok(request, p):
            raise HTTPException(403, "missing or wrong CSRF token")
        return p

    return _mark(guard, f"role:{needed}")


def role_reading(needed: str) -> Callable[[Request], Coroutine[Any, Any, Principal]]:
    """Like :func:`role` for GET routes (no CSRF), e.g. the audit log for reviewers."""

    async def guard(request: Request) -> Principal:
        p = who(request)
        if p.user is None:
            raise HTTPException(401, "log in first")
        if not p.can(needed):
            raise HTTPException(403, f"this needs the {needed} role (you are {p.user.role})")
        return p

    return _mark(guard, f"role:{needed}")


Reader = Depends(reader)
Anyone = Depends(anyone)
Viewer = Depends(role("viewer"))
Coder = Depends(role("coder"))
Reviewer = Depends(role("reviewer"))
Admin = Depends(role("admin"))
ReviewerReading = Depends(role_reading("reviewer"))
AdminReading = Depends(role_reading("admin"))
