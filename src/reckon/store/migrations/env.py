"""Alembic environment for the reckon store: kept deliberately simple.

``reckon.store.open_store`` runs ``alembic upgrade head`` programmatically on every open,
passing its open SQLAlchemy connection in ``config.attributes["connection"]``; the upgrade
runs inside that connection's transaction. Run by hand (``alembic -x url=sqlite:///reckon.db
upgrade head`` with ``script_location`` pointing here), it makes its own engine from
``-x url=...`` or the ``sqlalchemy.url`` option.

Adding a revision: create ``versions/NNNN_what.py`` with ``revision = "NNNN"`` and
``down_revision`` = the previous revision id (``"0001"`` for the first addition), using
``op.create_table`` etc. Offline (SQL script) mode is not supported.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

config = context.config


def _run(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=None,
        render_as_batch=connection.dialect.name == "sqlite",
        version_table="alembic_version",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("reckon store migrations: give -x url=DATABASE_URL")
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
