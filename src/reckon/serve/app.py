"""The ASGI app: one FastAPI application, the JSON API under ``/api`` and the web pages, over a
``reckon.store.Store``.

Security wiring lives here: the Content-Security-Policy and other headers on every response,
the request body limit, and errors as JSON (API) or pages (web). Authorisation is a dependency
on every route (``reckon.serve.deps``); a test walks the route table to prove it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reckon import __version__
from reckon.ingest import DEFAULT_MAX_BYTES
from reckon.serve.auth import LoginLimiter, Sessions
from reckon.serve.index import BadRequest, IncidentIndex
from reckon.store import Store
from reckon.store.review import ReviewError
from reckon.users import UserError, secret

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)
SMALL_BODY = 256 * 1024  # every request but an ingest


class Settings:
    """What the routes share: the store, the index, sessions, the login limiter."""

    def __init__(self, store: Store, public: bool, max_bytes: int) -> None:
        self.store = store
        self.public = public
        self.max_bytes = max_bytes
        self.index = IncidentIndex(store.engine)
        with store.transaction() as conn:
            self.sessions = Sessions(secret(conn))
        self.limiter = LoginLimiter()
        self.cache: dict[tuple[Any, ...], Any] = {}
        self.cache_lock = threading.Lock()

    def cached(self, key: tuple[Any, ...], make: Any) -> Any:
        """A value derived from the store, kept for the current generation."""
        gen = self.index.current().generation
        with self.cache_lock:
            hit = self.cache.get((gen, *key))
        if hit is not None:
            return hit
        value = make()
        with self.cache_lock:
            self.cache = {k: v for k, v in self.cache.items() if k[0] == gen}
            self.cache[(gen, *key)] = value
        return value


class BodyLimit:
    """Refuse request bodies over the limit (413), by Content-Length and as they stream in; add
    the security headers to every response (pure ASGI: no per-request task or stream)."""

    def __init__(self, app: ASGIApp, small: int, ingest: int) -> None:
        self.app, self.small, self.ingest = app, small, ingest

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        limit = self.ingest if path in ("/api/reports", "/api/extract") else self.small
        for k, v in scope.get("headers", []):
            if k == b"content-length":
                try:
                    n = int(v)
                except ValueError:
                    n = limit + 1
                if n > limit:
                    await _too_large(scope, send, limit)
                    return
        seen = 0
        started = False

        async def limited() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > limit:
                    raise _TooLarge
            return msg

        static = path.startswith("/static/")

        async def tracking_send(msg: Message) -> None:
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
                have = {k.lower() for k, _ in msg.get("headers", [])}
                extra = [
                    (k.lower().encode(), v.encode()) for k, v in _security_headers(static).items()
                    if k.lower().encode() not in have
                ]  # fmt: skip
                msg = {**msg, "headers": [*msg.get("headers", []), *extra]}
            await send(msg)

        try:
            await self.app(scope, limited, tracking_send)
        except _TooLarge:
            if not started:
                await _too_large(scope, send, limit)


class _TooLarge(Exception):
    pass


async def _too_large(scope: Scope, send: Send, limit: int) -> None:
    resp = JSONResponse(
        {"error": {"status": 413, "message": f"request body too large (limit {limit:,} bytes)"}},
        status_code=413,
        headers=_security_headers(),
    )
    await resp(scope, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


def _security_headers(static: bool = False) -> dict[str, str]:
    return {
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "same-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cache-Control": "public, max-age=3600" if static else "no-store",
    }


def create_app(store: Store, *, public: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Any:
    """The ASGI app over ``store``; ``public`` opens read-only viewing without a login."""
    import python_multipart  # noqa: F401 - request.form() needs it: fail at start, not at login

    from reckon.serve import api_read, api_write, pages

    @asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        from starlette.concurrency import run_in_threadpool

        await run_in_threadpool(settings.index.current)  # warm: build the index before serving
        yield

    settings = Settings(store, public, max_bytes)
    app = FastAPI(
        lifespan=lifespan,
        title="reckon",
        version=__version__,
        description=(
            "An auditable record of armed-violence incidents: reports, incidents with their "
            "claims and evidence, tallies, exports, review and the audit log. Authenticate "
            "with 'Authorization: Bearer TOKEN' (reckon tokens create NAME) or a session."
        ),
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.reckon = settings
    app.include_router(api_read.router)
    app.include_router(api_write.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def _error(request: Request, status: int, message: str, **extra: Any) -> Response:
        if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
            body: dict[str, Any] = {"status": status, "message": message, **extra}
            headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
            return JSONResponse({"error": body}, status_code=status, headers=headers)
        if status == 401 and request.method in ("GET", "HEAD"):  # a page: go and log in
            nxt = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            from urllib.parse import quote

            return RedirectResponse(f"/login?next={quote(nxt, safe='')}", status_code=303)
        return pages.error_page(request, status, message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        extra = exc.headers or {}
        return _error(request, exc.status_code, str(exc.detail), **{
            k.removeprefix("x-reckon-"): v for k, v in extra.items() if k.startswith("x-reckon-")
        })  # fmt: skip

    from starlette.exceptions import HTTPException as StarletteHTTPException

    @app.exception_handler(StarletteHTTPException)
    async def starlette_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [
            {"where": ".".join(str(x) for x in e.get("loc", ())), "message": e.get("msg", "")}
            for e in exc.errors()
        ]
        if request.url.path.startswith("/api"):
            return JSONResponse(
                {"error": {"status": 422, "message": "invalid request", "details": details}},
                status_code=422,
            )
        return pages.error_page(request, 422, "; ".join(d["message"] for d in details))

    @app.exception_handler(BadRequest)
    async def bad(request: Request, exc: BadRequest) -> Response:
        return _error(request, 400, str(exc))

    @app.exception_handler(ReviewError)
    async def review_error(request: Request, exc: ReviewError) -> Response:
        return _error(request, 404 if str(exc).startswith("no incident") else 400, str(exc))

    @app.exception_handler(UserError)
    async def user_error(request: Request, exc: UserError) -> Response:
        status = 404 if str(exc).startswith("no ") else 409 if "exists" in str(exc) else 400
        return _error(request, status, str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("error on %s %s", request.method, request.url.path)
        return _error(request, 500, "internal error (logged on the server)")

    return BodyLimit(app, SMALL_BODY, max_bytes + 64 * 1024)
