"""Users, API tokens, settings, the hash-chained audit log, corrections, review decisions and the
store's generation counter (bumped by triggers on incidents, corrections and reviews).

A later revision that rebuilds one of those tables (SQLite batch mode copies a table to change
it) must re-create its generation triggers: ``create_generation_triggers(op, table)`` below.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

GENESIS = "0" * 64
GENERATION_TABLES = ("incidents", "corrections", "reviews")


def create_generation_triggers(operations, table: str) -> None:  # type: ignore[no-untyped-def]
    """Triggers that bump ``store_state.generation`` on every change to ``table``."""
    bump = "UPDATE store_state SET generation = generation + 1 WHERE id = 1"
    if operations.get_bind().dialect.name == "postgresql":
        operations.execute(
            f"CREATE TRIGGER {table}_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION reckon_bump_generation()"
        )
        return
    for ev in ("INSERT", "UPDATE", "DELETE"):
        operations.execute(
            f"CREATE TRIGGER {table}_generation_{ev.lower()} AFTER {ev} ON {table} "
            f"BEGIN {bump}; END"
        )


def drop_generation_triggers(operations, table: str) -> None:  # type: ignore[no-untyped-def]
    if operations.get_bind().dialect.name == "postgresql":
        operations.execute(f"DROP TRIGGER IF EXISTS {table}_generation ON {table}")
        return
    for ev in ("insert", "update", "delete"):
        operations.execute(f"DROP TRIGGER IF EXISTS {table}_generation_{ev}")


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("session_epoch", sa.Integer, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("label", sa.Text),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("revoked_at", sa.String(32)),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])
    op.create_table(
        "settings",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("before", sa.Text, nullable=False),
        sa.Column("after", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_log_action_target", "audit_log", ["action", "target"])
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.execute(f"INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '{GENESIS}')")
    op.create_table(
        "corrections",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_id", sa.String(40), nullable=False),
        sa.Column("anchor", sa.JSON, nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("value", sa.JSON),
        sa.Column("machine", sa.JSON),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("decided_by", sa.Text),
        sa.Column("decided_at", sa.String(32)),
    )
    op.create_table(
        "reviews",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_id", sa.String(40), nullable=False),
        sa.Column("anchor", sa.JSON, nullable=False),
        sa.Column("decision", sa.String(12), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_table(
        "store_state",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("generation", sa.Integer, nullable=False),
    )
    op.execute("INSERT INTO store_state (id, generation) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION reckon_bump_generation() RETURNS trigger AS $$ BEGIN "
            "UPDATE store_state SET generation = generation + 1 WHERE id = 1; RETURN NULL; "
            "END $$ LANGUAGE plpgsql"
        )
    for t in GENERATION_TABLES:
        create_generation_triggers(op, t)


def downgrade() -> None:
    for t in GENERATION_TABLES:
        drop_generation_triggers(op, t)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS reckon_bump_generation()")
    op.drop_table("store_state")
    op.drop_table("reviews")
    op.drop_table("corrections")
    op.drop_table("audit_head")
    op.drop_index("ix_audit_log_action_target", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("settings")
    op.drop_index("ix_api_tokens_user_id", table_name="api_tokens")
    op.drop_table("api_tokens")
    op.drop_table("users")
