"""The tables of linking: report signatures, mentions, tolls, reactions, copies, incidents,
their members and the user's link decisions (alembic revision ``0002`` creates them)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from reckon.link import Override
from reckon.store.schema import metadata

__all__ = [
    "TABLES",
    "copies",
    "create_tables",
    "incident_members",
    "incidents",
    "link_overrides",
    "load_overrides",
    "mentions",
    "reactions",
    "report_signatures",
    "tolls",
]


def _table(name: str, *cols: sa.Column[Any] | sa.Index) -> sa.Table:
    if name in metadata.tables:  # module re-import (tests) must not redefine tables
        return metadata.tables[name]
    return sa.Table(name, metadata, *cols)


report_signatures = _table(
    "report_signatures",
    sa.Column("report_id", sa.String(200), primary_key=True),
    sa.Column("published", sa.String(10)),
    sa.Column("source", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("content_hash", sa.String(64)),
    sa.Column("signature", sa.JSON, nullable=False),  # MinHash values of the cleaned text
)

mentions = _table(
    "mentions",
    sa.Column("key", sa.String(220), primary_key=True),  # report_id#index
    sa.Column("report_id", sa.String(200), nullable=False, index=True),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("event_type", sa.String(60), nullable=False),
    sa.Column("sub_event_type", sa.String(60), nullable=False),
    sa.Column("data", sa.JSON, nullable=False),  # the mention with spans and evidence
    sa.Column("updates", sa.JSON, nullable=False),  # count kind -> update wording seen
)

tolls = _table(
    "tolls",
    sa.Column("key", sa.String(220), primary_key=True),
    sa.Column("report_id", sa.String(200), nullable=False, index=True),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
)

reactions = _table(
    "reactions",
    sa.Column("key", sa.String(220), primary_key=True),
    sa.Column("report_id", sa.String(200), nullable=False, index=True),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
)

copies = _table(
    "copies",
    sa.Column("report_id", sa.String(200), primary_key=True),
    sa.Column("copy_of", sa.String(200), nullable=False, index=True),
    sa.Column("similarity", sa.Float, nullable=False),
)

incidents = _table(
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
    sa.Column("data", sa.JSON, nullable=False),  # full incident with provenance
)

incident_members = _table(
    "incident_members",
    sa.Column("mention_key", sa.String(220), primary_key=True),
    sa.Column("incident_id", sa.String(40), nullable=False, index=True),
    sa.Column("report_id", sa.String(200), nullable=False, index=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("explanation", sa.JSON, nullable=False),  # link scores and decision
)

link_overrides = _table(
    "link_overrides",
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(10), nullable=False),  # split | merge
    sa.Column("incident_id", sa.Text),  # as it was when the user decided
    sa.Column("groups", sa.JSON, nullable=False),  # lists of mention keys
)

TABLES = (
    report_signatures,
    mentions,
    tolls,
    reactions,
    copies,
    incidents,
    incident_members,
    link_overrides,
)


def create_tables(conn: sa.Connection) -> None:
    """Create this module's tables directly (tests, or a store opened without migrations)."""
    metadata.create_all(conn, tables=list(TABLES))


def load_overrides(conn: sa.Connection) -> list[Override]:
    out = []
    for row in conn.execute(sa.select(link_overrides).order_by(link_overrides.c.seq)):
        out.append(Override(row.kind, tuple(tuple(g) for g in row.groups)))
    return out
