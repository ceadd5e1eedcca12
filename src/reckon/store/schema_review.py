"""Tables of people and their decisions: users, API tokens, settings, the audit log, reviewers'
corrections and review decisions, and the store's generation counter. Alembic revision ``0003``
creates them.

- ``corrections`` and ``reviews`` are anchored to the *mention keys* the incident had when the
  person decided (``anchor``), not only to its id: incident ids are hashes of their members and
  change when a report joins, so a decision follows the mentions it was made on
  (``reckon.store.review``).
- ``audit_log`` is append-only and hash-chained; ``audit_head`` holds the last sequence number
  and hash, and its single row is the lock every appender takes first (``reckon.audit``).
- ``store_state.generation`` is bumped by database triggers on every change to ``incidents``,
  ``corrections`` and ``reviews`` (created by the migration, SQLite and PostgreSQL alike), so a
  server can cache what it derived from them and know, with one cheap read, when to rebuild.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from reckon.store.schema import metadata

__all__ = [
    "GENERATION_TABLES",
    "api_tokens",
    "audit_head",
    "audit_log",
    "corrections",
    "reviews",
    "settings",
    "store_state",
    "users",
]


def _table(name: str, *cols: Any) -> sa.Table:
    if name in metadata.tables:  # module re-import (tests) must not redefine tables
        return metadata.tables[name]
    return sa.Table(name, metadata, *cols)


users = _table(
    "users",
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(100), nullable=False, unique=True),
    sa.Column("role", sa.String(20), nullable=False),  # viewer | coder | reviewer | admin
    sa.Column("password_hash", sa.Text, nullable=False),  # argon2id
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("session_epoch", sa.Integer, nullable=False),  # bumped to end every session
    sa.Column("created_at", sa.String(32), nullable=False),
)

api_tokens = _table(
    "api_tokens",
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False, index=True),
    sa.Column("label", sa.Text),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),  # sha256 of the token
    sa.Column("prefix", sa.String(16), nullable=False),  # shown in lists, never the token
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("revoked_at", sa.String(32)),
)

settings = _table(
    "settings",
    sa.Column("key", sa.String(100), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

audit_log = _table(
    "audit_log",
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("at", sa.String(32), nullable=False),  # UTC ISO time
    sa.Column("actor", sa.Text, nullable=False),  # user name, "cli:<os user>", "anonymous@<ip>"
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("target", sa.Text, nullable=False),
    sa.Column("before", sa.Text, nullable=False),  # canonical JSON
    sa.Column("after", sa.Text, nullable=False),  # canonical JSON
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Index("ix_audit_log_action_target", "action", "target"),
)

audit_head = _table(
    "audit_head",
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),  # always 1
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

corrections = _table(
    "corrections",
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("incident_id", sa.String(40), nullable=False),  # as it was when decided
    sa.Column("anchor", sa.JSON, nullable=False),  # the incident's mention keys then
    sa.Column("field", sa.String(40), nullable=False),
    sa.Column("value", sa.JSON),  # the person's value (None: "not reported")
    sa.Column("machine", sa.JSON),  # the value it replaced, for the record
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("status", sa.String(12), nullable=False),  # applied | proposed | dismissed
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("decided_by", sa.Text),  # the reviewer who applied or dismissed a proposal
    sa.Column("decided_at", sa.String(32)),
)

reviews = _table(
    "reviews",
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("incident_id", sa.String(40), nullable=False),
    sa.Column("anchor", sa.JSON, nullable=False),
    sa.Column("decision", sa.String(12), nullable=False),  # accepted | rejected | reopened
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("at", sa.String(32), nullable=False),
)

store_state = _table(
    "store_state",
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),  # always 1
    sa.Column("generation", sa.Integer, nullable=False),
)

# tables whose every change bumps store_state.generation (triggers made by revision 0003)
GENERATION_TABLES = ("incidents", "corrections", "reviews")
