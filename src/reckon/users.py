"""Users, roles and API tokens (the people who read, code, review and administer the record).

Roles, each with every right of the ones before it:

- ``viewer``: read everything but the audit log;
- ``coder``: ingest reports, propose corrections;
- ``reviewer``: accept, correct, split, merge, reject incidents, apply proposals, read the
  audit log;
- ``admin``: add users, change roles, make and revoke tokens.

Passwords are hashed with argon2id (argon2-cffi's defaults). API tokens are 32 random bytes,
shown once; the store keeps only their sha256. Every change here is appended to the audit log in
the same transaction. All functions take an open connection inside a transaction.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from reckon import audit
from reckon.store.schema_review import api_tokens, settings, users

__all__ = [
    "ROLES",
    "Token",
    "User",
    "UserError",
    "add_user",
    "authenticate",
    "create_token",
    "end_sessions",
    "get_user",
    "has_role",
    "list_tokens",
    "list_users",
    "revoke_token",
    "secret",
    "set_active",
    "set_password",
    "set_role",
    "user_for_token",
]

ROLES = ("viewer", "coder", "reviewer", "admin")
TOKEN_PREFIX = "rk_"
MIN_PASSWORD = 8
_NAME_OK = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@")


class UserError(ValueError):
    """A request about users or tokens that cannot be carried out; the message says why."""


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: str
    active: bool
    session_epoch: int

    def can(self, role: str) -> bool:
        return has_role(self.role, role)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "role": self.role, "active": self.active}


@dataclass(frozen=True, slots=True)
class Token:
    id: int
    user: str
    label: str | None
    prefix: str
    created_at: str
    revoked_at: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "user": self.user,
            "label": self.label,
            "prefix": self.prefix,
            "created_at": self.created_at,
            "revoked_at": self.revoked_at,
        }


def has_role(role: str, needed: str) -> bool:
    """Whether ``role`` carries the rights of ``needed`` (roles are ordered)."""
    return role in ROLES and ROLES.index(role) >= ROLES.index(needed)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


_hasher: Any = None


def _ph() -> Any:
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher

        _hasher = PasswordHasher()
    return _hasher


def _user(row: Any) -> User:
    return User(row.id, row.name, row.role, bool(row.active), int(row.session_epoch))


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"password too short (at least {MIN_PASSWORD} characters)")


def get_user(conn: sa.Connection, name_or_id: str | int) -> User | None:
    col = users.c.id if isinstance(name_or_id, int) else users.c.name
    row = conn.execute(sa.select(users).where(col == name_or_id)).first()
    return _user(row) if row else None


def list_users(conn: sa.Connection) -> list[User]:
    return [_user(r) for r in conn.execute(sa.select(users).order_by(users.c.name))]


def add_user(conn: sa.Connection, name: str, role: str, password: str, *, actor: str) -> User:
    """Add a user; raises ``UserError`` for a taken name, bad role or short password."""
    if not name or len(name) > 100 or not set(name) <= _NAME_OK:
        raise UserError(f"bad user name {name!r}: use letters, digits and . _ - @ (1-100)")
    _check_role(role)
    _check_password(password)
    if get_user(conn, name) is not None:
        raise UserError(f"user {name!r} already exists")
    conn.execute(
        sa.insert(users).values(
            name=name,
            role=role,
            password_hash=_ph().hash(password),
            active=True,
            session_epoch=0,
            created_at=_now(),
        )
    )
    audit.append(conn, actor, "user_add", name, None, {"role": role})
    user = get_user(conn, name)
    assert user is not None
    return user


def _require(conn: sa.Connection, name: str) -> User:
    user = get_user(conn, name)
    if user is None:
        raise UserError(f"no user {name!r}")
    return user


def set_role(conn: sa.Connection, name: str, role: str, *, actor: str) -> User:
    _check_role(role)
    user = _require(conn, name)
    if user.role == role:
        return user
    conn.execute(sa.update(users).where(users.c.id == user.id).values(role=role))
    audit.append(conn, actor, "user_role", name, {"role": user.role}, {"role": role})
    return _require(conn, name)


def set_password(conn: sa.Connection, name: str, password: str, *, actor: str) -> None:
    """Change a password; ends the user's open sessions."""
    _check_password(password)
    user = _require(conn, name)
    conn.execute(
        sa.update(users)
        .where(users.c.id == user.id)
        .values(password_hash=_ph().hash(password), session_epoch=users.c.session_epoch + 1)
    )
    audit.append(conn, actor, "user_password", name, None, None)


def set_active(conn: sa.Connection, name: str, active: bool, *, actor: str) -> User:
    user = _require(conn, name)
    conn.execute(
        sa.update(users)
        .where(users.c.id == user.id)
        .values(active=active, session_epoch=users.c.session_epoch + 1)
    )
    audit.append(conn, actor, "user_active", name, {"active": user.active}, {"active": active})
    return _require(conn, name)


def end_sessions(conn: sa.Connection, user_id: int) -> None:
    """Invalidate every browser session of a user (log out everywhere)."""
    conn.execute(
        sa.update(users)
        .where(users.c.id == user_id)
        .values(session_epoch=users.c.session_epoch + 1)
    )


# a hash to verify against when the user does not exist, so timing does not tell names apart
_DUMMY_HASH: str | None = None


def authenticate(conn: sa.Connection, name: str, password: str) -> User | None:
    """The active user with this name and password, else None (no audit entry: callers log)."""
    global _DUMMY_HASH
    from argon2.exceptions import InvalidHashError, VerificationError

    row = conn.execute(sa.select(users).where(users.c.name == name)).first()
    if row is None:
        if _DUMMY_HASH is None:
            _DUMMY_HASH = _ph().hash("not a password of anyone")
        try:
            _ph().verify(_DUMMY_HASH, password)
        except VerificationError:
            pass
        return None
    try:
        _ph().verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return _user(row) if row.active else None


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(
    conn: sa.Connection, name: str, label: str | None = None, *, actor: str
) -> tuple[str, Token]:
    """A new API token for user ``name``: returns the token (shown once) and its record."""
    user = _require(conn, name)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    prefix = token[: len(TOKEN_PREFIX) + 6]
    conn.execute(
        sa.insert(api_tokens).values(
            user_id=user.id,
            label=label,
            token_hash=_token_hash(token),
            prefix=prefix,
            created_at=_now(),
        )
    )
    row = conn.execute(
        sa.select(api_tokens).where(api_tokens.c.token_hash == _token_hash(token))
    ).one()
    audit.append(conn, actor, "token_create", name, None, {"token": row.id, "label": label})
    return token, Token(row.id, name, label, prefix, row.created_at, None)


def list_tokens(conn: sa.Connection, name: str | None = None) -> list[Token]:
    q = sa.select(api_tokens, users.c.name).join(users, users.c.id == api_tokens.c.user_id)
    if name:
        q = q.where(users.c.name == name)
    return [
        Token(r.id, r.name, r.label, r.prefix, r.created_at, r.revoked_at)
        for r in conn.execute(q.order_by(api_tokens.c.id))
    ]


def revoke_token(conn: sa.Connection, token_id: int, *, actor: str) -> Token:
    rows = [t for t in list_tokens(conn) if t.id == token_id]
    if not rows:
        raise UserError(f"no token {token_id}")
    t = rows[0]
    if t.revoked_at is None:
        conn.execute(
            sa.update(api_tokens).where(api_tokens.c.id == token_id).values(revoked_at=_now())
        )
        audit.append(conn, actor, "token_revoke", t.user, {"token": token_id}, None)
    return [x for x in list_tokens(conn) if x.id == token_id][0]


def user_for_token(conn: sa.Connection, token: str) -> User | None:
    """The active user a (not revoked) token belongs to, else None."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    row = conn.execute(
        sa.select(users)
        .join(api_tokens, api_tokens.c.user_id == users.c.id)
        .where(api_tokens.c.token_hash == _token_hash(token), api_tokens.c.revoked_at.is_(None))
    ).first()
    if row is None or not row.active:
        return None
    return _user(row)


def secret(conn: sa.Connection, key: str = "session_secret") -> str:
    """A random secret kept in the store (made on first use), shared by every server on it."""
    row = conn.execute(sa.select(settings.c.value).where(settings.c.key == key)).scalar()
    if row is not None:
        return str(row)
    value = secrets.token_hex(32)
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    # another server may make it at the same moment: the first one wins, both read it back
    conn.execute(insert(settings).values(key=key, value=value).on_conflict_do_nothing())
    return str(conn.execute(sa.select(settings.c.value).where(settings.c.key == key)).scalar())
