"""Reports as received and cleaned, and what cleaning removed.

Revision ID: 0001
Revises: (none)
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(200), nullable=False, unique=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("raw_text", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("origin", sa.Text),
        sa.Column("media_type", sa.String(100)),
        sa.Column("encoding", sa.String(40)),
        sa.Column("paragraphs", sa.JSON, nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "removed",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "report_id",
            sa.String(200),
            sa.ForeignKey("reports.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("raw_start", sa.Integer, nullable=False),
        sa.Column("raw_end", sa.Integer, nullable=False),
        sa.Column("duplicate_of", sa.Integer),
    )
    op.create_index("ix_removed_report_id", "removed", ["report_id"])


def downgrade() -> None:
    op.drop_index("ix_removed_report_id", table_name="removed")
    op.drop_table("removed")
    op.drop_table("reports")
