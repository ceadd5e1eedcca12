"""Mentions, tolls, reactions, copies, incidents, their members and the user's link overrides.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_signatures",
        sa.Column("report_id", sa.String(200), primary_key=True),
        sa.Column("published", sa.String(10)),
        sa.Column("source", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("content_hash", sa.String(64)),
        sa.Column("signature", sa.JSON, nullable=False),
    )
    op.create_table(
        "mentions",
        sa.Column("key", sa.String(220), primary_key=True),
        sa.Column("report_id", sa.String(200), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("event_type", sa.String(60), nullable=False),
        sa.Column("sub_event_type", sa.String(60), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("updates", sa.JSON, nullable=False),
    )
    op.create_index("ix_mentions_report_id", "mentions", ["report_id"])
    for name in ("tolls", "reactions"):
        op.create_table(
            name,
            sa.Column("key", sa.String(220), primary_key=True),
            sa.Column("report_id", sa.String(200), nullable=False),
            sa.Column("idx", sa.Integer, nullable=False),
            sa.Column("data", sa.JSON, nullable=False),
        )
        op.create_index(f"ix_{name}_report_id", name, ["report_id"])
    op.create_table(
        "copies",
        sa.Column("report_id", sa.String(200), primary_key=True),
        sa.Column("copy_of", sa.String(200), nullable=False),
        sa.Column("similarity", sa.Float, nullable=False),
    )
    op.create_index("ix_copies_copy_of", "copies", ["copy_of"])
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("event_type", sa.String(60), nullable=False),
        sa.Column("sub_event_type", sa.String(60), nullable=False),
        sa.Column("date_start", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("country", sa.Text),
        sa.Column("admin1", sa.Text),
        sa.Column("location", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("fatalities_low", sa.Integer),
        sa.Column("fatalities_best", sa.Integer),
        sa.Column("fatalities_high", sa.Integer),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Column("independent_sources", sa.Integer, nullable=False),
        sa.Column("rule", sa.String(40), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
    )
    op.create_table(
        "incident_members",
        sa.Column("mention_key", sa.String(220), primary_key=True),
        sa.Column("incident_id", sa.String(40), nullable=False),
        sa.Column("report_id", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("explanation", sa.JSON, nullable=False),
    )
    op.create_index("ix_incident_members_incident_id", "incident_members", ["incident_id"])
    op.create_index("ix_incident_members_report_id", "incident_members", ["report_id"])
    op.create_table(
        "link_overrides",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("incident_id", sa.Text),
        sa.Column("groups", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("link_overrides")
    op.drop_index("ix_incident_members_report_id", table_name="incident_members")
    op.drop_index("ix_incident_members_incident_id", table_name="incident_members")
    op.drop_table("incident_members")
    op.drop_table("incidents")
    op.drop_index("ix_copies_copy_of", table_name="copies")
    op.drop_table("copies")
    for name in ("reactions", "tolls"):
        op.drop_index(f"ix_{name}_report_id", table_name=name)
        op.drop_table(name)
    op.drop_index("ix_mentions_report_id", table_name="mentions")
    op.drop_table("mentions")
    op.drop_table("report_signatures")
