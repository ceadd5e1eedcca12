"""Who is asking: browser sessions, API tokens, roles, CSRF and the login rate limit.

- A **session** is a cookie (``reckon_session``: HttpOnly, SameSite=Strict, Secure over HTTPS)
  holding the user id, the user's session epoch and a random session id, signed with a secret
  kept in the store (every server on one store shares it) and valid 12 hours. Logging out,
  changing a password or disabling a user bumps the epoch and ends every session of that user.
- An **API token** (``Authorization: Bearer rk_...``) acts with its user's role, no more.
- **CSRF**: a write by a session must carry ``csrf_token`` (form field) or ``X-CSRF-Token``
  (header) equal to an HMAC of its session id; token requests need none (browsers do not send
  them by themselves). The login form uses a double-submit cookie.
- **Rate limit**: failed logins are counted per client address (in this process) and per user
  name (from the audit log, so across every server on the store).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from fastapi import HTTPException, Request

from reckon.users import User, get_user, has_role, user_for_token

SESSION_COOKIE = "reckon_session"
LOGIN_CSRF_COOKIE = "reckon_login_csrf"
SESSION_AGE = 12 * 3600
FAILS_PER_ADDRESS = 10  # failed logins per client address per window
FAILS_PER_USER = 10  # failed logins per user name per window (all servers)
FAIL_WINDOW = 15 * 60


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller: a user (by session or token), or nobody (``user`` None)."""

    user: User | None
    via: str  # session | token | anonymous
    session_id: str | None = None

    @property
    def name(self) -> str:
        return self.user.name if self.user else "anonymous"

    def can(self, role: str) -> bool:
        return self.user is not None and has_role(self.user.role, role)


class Sessions:
    """Signing and reading session cookies and CSRF tokens with the store's secret."""

    def __init__(self, secret: str) -> None:
        from itsdangerous import URLSafeTimedSerializer

        self._key = secret.encode()
        self._signer = URLSafeTimedSerializer(secret, salt="reckon-session")

    def cookie(self, user: User) -> tuple[str, str]:
        """A new session cookie value for ``user`` and its session id."""
        sid = secrets.token_urlsafe(16)
        return self._signer.dumps({"u": user.id, "e": user.session_epoch, "s": sid}), sid

    def read(self, value: str) -> dict[str, Any] | None:
        from itsdangerous import BadSignature

        try:
            data = self._signer.loads(value, max_age=SESSION_AGE)
        except BadSignature:  # also expired
            return None
        return data if isinstance(data, dict) else None

    def csrf(self, session_id: str) -> str:
        return hmac.new(self._key, b"csrf:" + session_id.encode(), hashlib.sha256).hexdigest()

    def check_csrf(self, session_id: str, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(self.csrf(session_id), token or "")


def principal(request: Request, conn: sa.Connection, sessions: Sessions) -> Principal:
    """Resolve the caller from a bearer token or a session cookie (a bad token is a 401)."""
    auth = request.headers.get("authorization")
    if auth:
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise HTTPException(401, "use 'Authorization: Bearer TOKEN'")
        user = user_for_token(conn, token.strip())
        if user is None:
            raise HTTPException(401, "invalid or revoked token")
        return Principal(user, "token")
    raw = request.cookies.get(SESSION_COOKIE)
    if raw:
        data = sessions.read(raw)
        if data:
            user = get_user(conn, int(data.get("u", 0)))
            if user is not None and user.active and user.session_epoch == data.get("e"):
                return Principal(user, "session", str(data.get("s")))
    return Principal(None, "anonymous")


class LoginLimiter:
    """Failed-login counting per client address, in this process (a sliding window)."""

    def __init__(self, limit: int = FAILS_PER_ADDRESS, window: float = FAIL_WINDOW) -> None:
        self.limit, self.window = limit, window
        self._fails: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._fails.setdefault(key, deque())
        while q and q[0] < now - self.window:
            q.popleft()
        return q

    def blocked(self, key: str) -> float:
        """Seconds until ``key`` may try again (0: now)."""
        now = time.monotonic()
        with self._lock:
            q = self._recent(key, now)
            if len(q) < self.limit:
                return 0.0
            return max(1.0, q[0] + self.window - now)

    def failed(self, key: str) -> None:
        with self._lock:
            self._recent(key, time.monotonic()).append(time.monotonic())
            if len(self._fails) > 10_000:  # forget the stalest addresses
                for k in list(self._fails)[:5_000]:
                    del self._fails[k]


def recent_user_failures(conn: sa.Connection, name: str) -> int:
    """Failed logins for ``name`` in the last window, from the audit log (all servers)."""
    from reckon.store.schema_review import audit_log

    since = (datetime.now(UTC) - timedelta(seconds=FAIL_WINDOW)).strftime(
        "%Y-%m-%dT%H:%M:%S.%fZ"
    )
    q = (
        sa.select(sa.func.count())
        .select_from(audit_log)
        .where(
            audit_log.c.action == "login_failed",
            audit_log.c.target == name,
            audit_log.c.at >= since,
        )
    )
    return int(conn.execute(q).scalar_one())


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"
