"""The store's tables (SQLAlchemy Core). Migrations in ``migrations/versions`` create them.

Later stages add their tables to the same ``metadata`` (in their own module, imported by
their migration) and a new alembic revision whose ``down_revision`` is the latest one here.
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = ["metadata", "removed", "reports"]

metadata = sa.MetaData()

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),  # insertion order
    sa.Column("id", sa.String(200), nullable=False, unique=True),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("raw", sa.LargeBinary, nullable=False),  # the bytes as received
    sa.Column("raw_text", sa.Text, nullable=False),  # decoded raw (offsets of `removed`)
    sa.Column("text", sa.Text, nullable=False),  # cleaned text (offsets of every span)
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(10)),  # YYYY-MM-DD
    sa.Column("source", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("origin", sa.Text),
    sa.Column("media_type", sa.String(100)),
    sa.Column("encoding", sa.String(40)),
    sa.Column("paragraphs", sa.JSON, nullable=False),  # [[start, end], ...] into `text`
    sa.Column("meta", sa.JSON, nullable=False),
    sa.Column(
        "ingested_at", sa.String(32), nullable=False
    ),  # UTC ISO time; never printed by default
)

removed = sa.Table(
    "removed",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "report_id",
        sa.String(200),
        sa.ForeignKey("reports.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("position", sa.Integer, nullable=False),  # order within the report
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("raw_start", sa.Integer, nullable=False),  # offsets into reports.raw_text
    sa.Column("raw_end", sa.Integer, nullable=False),
    sa.Column("duplicate_of", sa.Integer),  # raw_start of the first copy, for repeats
)
