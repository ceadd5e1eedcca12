"""The store: reports (and, later, what was read from them) in SQLite or PostgreSQL.

Library first, in the style of sqlite-utils::

    from reckon.store import open_store

    store = open_store("reckon.db")          # a path, a URL, or None for $RECKON_DB / reckon.db
    report_id, created = store.add_report(report)
    report = store.get_report(report_id)
    for r in store.iter_reports(): ...

``open_store`` accepts a file path (SQLite), ``sqlite:///...`` or ``postgresql://...``
(driven by psycopg 3). Opening runs the alembic migrations shipped in
``reckon/store/migrations`` up to head.

Durability: every ``add_report`` is one transaction, committed before it returns. SQLite
runs in WAL mode with ``synchronous=FULL``, so a process killed at any point leaves every
report whose ``add_report`` returned stored and the database valid.

Later stages write their rows in the same transaction as the report::

    def analyse(report, conn):  # conn: an open SQLAlchemy Connection, inside the transaction
        conn.execute(mentions.insert(), [...])

    store.add_report(report, analyse=analyse)

If ``analyse`` raises, nothing of that report is stored and the exception propagates.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

from reckon.model import Removed, Report, Span
from reckon.store.schema import metadata, removed, reports

__all__ = [
    "DEFAULT_DB",
    "Store",
    "StoreConflict",
    "StoreError",
    "database_url",
    "head_revision",
    "metadata",
    "open_store",
    "removed",
    "reports",
]

DEFAULT_DB = "reckon.db"
MIGRATIONS = Path(__file__).with_name("migrations")
_BATCH = 1000  # rows per executemany
_MIGRATION_LOCK = 7_275_301  # PostgreSQL advisory lock key held while migrating
BUSY_TIMEOUT_MS = 60_000  # SQLite writers wait this long for the write lock, not fail

Analyse = Callable[[Report, sa.Connection], Any]


class StoreError(RuntimeError):
    """The store could not be opened or could not store something; the message says why."""


class StoreConflict(StoreError):
    """A report id is already used by a report with different content."""


def database_url(db: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL for ``db``: a path, a URL, or None (``$RECKON_DB`` or ``reckon.db``)."""
    if db is None or str(db) == "":
        db = os.environ.get("RECKON_DB") or DEFAULT_DB
    s = str(db)
    for prefix in ("postgresql://", "postgres://"):
        if s.startswith(prefix):
            return "postgresql+psycopg://" + s[len(prefix) :]
    if "://" in s:
        return s
    return "sqlite:///" + str(Path(s).expanduser().absolute())


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def open_store(db: str | os.PathLike[str] | None = None, *, migrate: bool = True) -> Store:
    """Open (creating and migrating as needed) the store at ``db``; see ``database_url``."""
    return Store(database_url(db), migrate=migrate)


def head_revision() -> str | None:
    """The newest schema revision shipped with this reckon (what ``open_store`` migrates to)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Store:
    """A reckon database. Use ``open_store``; close with ``close()`` or a ``with`` block."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        self.actor = _default_actor()  # who writes are recorded as in the audit log
        self._audited: bool | None = None
        u = sa.make_url(url)
        if u.get_backend_name() == "sqlite" and u.database not in (None, "", ":memory:"):
            parent = Path(u.database).parent
            if not parent.is_dir():
                raise StoreError(f"cannot open database {u.database}: no directory {parent}")
        try:
            self.engine = sa.create_engine(u)
        except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError, ImportError) as e:
            raise StoreError(f"cannot open database {self.display_url}: {e}") from None
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if migrate:
            try:
                self.migrate()
            except sa.exc.SQLAlchemyError as e:
                self.engine.dispose()
                raise StoreError(f"cannot open database {self.display_url}: {_reason(e)}") from None

    # -- plumbing -----------------------------------------------------------------------------

    @property
    def display_url(self) -> str:
        """The URL with any password hidden, or the file path for SQLite."""
        u = sa.make_url(self.url)
        if u.get_backend_name() == "sqlite":
            return u.database or ":memory:"
        return u.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema up to the newest alembic revision shipped with reckon.

        Safe to race: several processes opening one new store at once (a server, two ingests)
        all succeed. The upgrade runs under a write lock (SQLite: ``BEGIN IMMEDIATE``, waiting
        up to the busy timeout; PostgreSQL: a transaction-scoped advisory lock) and re-reads the
        revision once it holds the lock, so only the first process creates tables.
        """
        from alembic.config import Config
        from alembic.script import ScriptDirectory

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        script = ScriptDirectory.from_config(cfg)
        head = script.get_current_head()
        if self._revision(self.engine) == head:
            return
        if self.dialect == "sqlite":
            engine = sa.create_engine(self.url, connect_args={"isolation_level": None})
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
            try:
                self._upgrade(engine, cfg, script, head)
            finally:
                engine.dispose()
        else:
            self._upgrade(self.engine, cfg, script, head)

    @staticmethod
    def _revision(engine: sa.Engine) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def _upgrade(self, engine: sa.Engine, cfg: Any, script: Any, head: str | None) -> None:
        from alembic import command
        from alembic.runtime.migration import MigrationContext

        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            current = MigrationContext.configure(conn).get_current_revision()
            if current == head:  # another process migrated while we waited for the lock
                return
            if current is not None and current not in {s.revision for s in script.walk_revisions()}:
                raise StoreError(
                    f"database {self.display_url} is at schema revision {current}, "
                    "which this version of reckon does not know (newer reckon?)"
                )
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def schema_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    @contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """A connection inside one transaction, committed on success, rolled back on error."""
        with self.engine.begin() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reports ------------------------------------------------------------------------------

    def add_report(
        self, report: Report, analyse: Analyse | None = None, *, actor: str | None = None
    ) -> tuple[str, bool]:
        """Store ``report`` in its own transaction; returns ``(report_id, created)``.

        The ingest is appended to the audit log in the same transaction, as ``actor`` (default:
        ``self.actor``, ``cli:<os user>`` unless set).

        Idempotent by content hash: a report whose raw bytes are already stored is not added
        again and ``(existing_id, False)`` is returned (``analyse`` is not called). Raises
        ``StoreConflict`` when the id is taken by different content, ``StoreError`` when the
        database refuses the report.
        """
        digest = report.content_hash
        if not digest:
            raise ValueError("report has no content_hash")
        try:
            with self.engine.begin() as conn:
                existing = conn.execute(
                    sa.select(reports.c.id).where(reports.c.content_hash == digest)
                ).scalar()
                if existing is not None:
                    return existing, False
                taken = conn.execute(
                    sa.select(reports.c.content_hash).where(reports.c.id == report.id)
                ).scalar()
                if taken is not None:
                    raise StoreConflict(f"id {report.id} is already used by a different report")
                conn.execute(reports.insert().values(**_report_row(report)))
                for i in range(0, len(report.removed), _BATCH):
                    conn.execute(
                        removed.insert(),
                        [
                            {
                                "report_id": report.id,
                                "position": i + j,
                                "kind": r.kind,
                                "text": r.text,
                                "raw_start": r.raw_start,
                                "raw_end": r.raw_end,
                                "duplicate_of": r.duplicate_of,
                            }
                            for j, r in enumerate(report.removed[i : i + _BATCH])
                        ],
                    )
                if analyse is not None:
                    analyse(report, conn)
                self.audit_ingest(conn, report, actor)
        except sa.exc.IntegrityError as e:
            # a concurrent writer stored the same content (or id) first
            with self.engine.connect() as conn:
                existing = conn.execute(
                    sa.select(reports.c.id).where(reports.c.content_hash == digest)
                ).scalar()
            if existing is not None:
                return existing, False
            raise StoreError(f"could not store {report.id}: {_reason(e)}") from None
        except sa.exc.SQLAlchemyError as e:
            raise StoreError(f"could not store {report.id}: {_reason(e)}") from None
        return report.id, True

    def audit_ingest(self, conn: sa.Connection, report: Report, actor: str | None = None) -> None:
        """Append the 'ingest' audit entry of a report being stored in ``conn``'s transaction
        (every path that stores reports calls this; nothing when the store predates the log)."""
        if not self._has_audit(conn):
            return
        from reckon import audit

        audit.append(conn, actor or self.actor, "ingest", report.id, None, {
            "content_hash": report.content_hash, "title": report.title,
            "published": report.published, "source": report.source, "origin": report.origin,
        })  # fmt: skip

    def _has_audit(self, conn: sa.Connection) -> bool:
        if self._audited is None:
            self._audited = sa.inspect(conn).has_table("audit_log")
        return self._audited

    def has_report(self, report_id: str) -> bool:
        with self.engine.connect() as conn:
            return (
                conn.execute(sa.select(reports.c.seq).where(reports.c.id == report_id)).first()
                is not None
            )

    def find_by_hash(self, digest: str) -> str | None:
        """The id of the report whose raw bytes have this sha256 hex digest, if stored."""
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(reports.c.id).where(reports.c.content_hash == digest)
            ).scalar()

    def get_report(self, report_id: str) -> Report | None:
        """The stored report with this id, or None."""
        with self.engine.connect() as conn:
            row = (
                conn.execute(sa.select(reports).where(reports.c.id == report_id)).mappings().first()
            )
            if row is None:
                return None
            return _report(row, self._removed(conn, [report_id]).get(report_id, []))

    def get_raw(self, report_id: str) -> bytes | None:
        """Only the raw bytes of a report, as received."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(reports.c.raw).where(reports.c.id == report_id)).scalar()

    def ingested_at(self, report_id: str) -> str | None:
        """When the report was stored (UTC ISO time). Kept out of ``Report`` so outputs
        built from reports stay deterministic."""
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(reports.c.ingested_at).where(reports.c.id == report_id)
            ).scalar()

    def count_reports(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(reports)).scalar_one()

    def report_ids(self) -> list[str]:
        """All report ids in the order they were stored."""
        with self.engine.connect() as conn:
            return list(conn.execute(sa.select(reports.c.id).order_by(reports.c.seq)).scalars())

    def iter_reports(self, *, raw: bool = True, batch: int = 200) -> Iterator[Report]:
        """Every stored report in the order stored; ``raw=False`` skips loading raw bytes."""
        ids = self.report_ids()
        cols = [c for c in reports.c if raw or c.name != "raw"]
        for i in range(0, len(ids), batch):
            chunk = ids[i : i + batch]
            with self.engine.connect() as conn:
                rows = conn.execute(
                    sa.select(*cols).where(reports.c.id.in_(chunk)).order_by(reports.c.seq)
                ).mappings()
                rows = list(rows)
                rem = self._removed(conn, chunk)
            for row in rows:
                yield _report(row, rem.get(row["id"], []))

    @staticmethod
    def _removed(conn: sa.Connection, ids: list[str]) -> dict[str, list[Removed]]:
        out: dict[str, list[Removed]] = {}
        rows = conn.execute(
            sa.select(removed)
            .where(removed.c.report_id.in_(ids))
            .order_by(removed.c.report_id, removed.c.position)
        ).mappings()
        for r in rows:
            out.setdefault(r["report_id"], []).append(
                Removed(r["kind"], r["text"], r["raw_start"], r["raw_end"], r["duplicate_of"])
            )
        return out


def _default_actor() -> str:
    from reckon.audit import cli_actor

    return cli_actor()


def _reason(e: Exception) -> str:
    orig = getattr(e, "orig", None)
    return " ".join(str(orig if orig is not None else e).split())


def _report_row(report: Report) -> dict[str, Any]:
    return {
        "id": report.id,
        "content_hash": report.content_hash,
        "raw": report.raw,
        "raw_text": report.raw_text,
        "text": report.text,
        "title": report.title,
        "published": report.published,
        "source": report.source,
        "url": report.url,
        "origin": report.origin,
        "media_type": report.media_type,
        "encoding": report.encoding,
        "paragraphs": [[s.start, s.end] for s in report.paragraphs],
        "meta": report.meta or {},
        "ingested_at": _now(),
    }


def _report(row: Any, rem: list[Removed]) -> Report:
    text = row["text"]
    meta = dict(row["meta"] or {})
    return Report(
        id=row["id"],
        raw=row["raw"] if "raw" in row else b"",
        raw_text=row["raw_text"],
        text=text,
        title=row["title"],
        published=row["published"],
        source=row["source"],
        url=row["url"],
        origin=row["origin"],
        media_type=row["media_type"] or "text/plain",
        content_hash=row["content_hash"],
        encoding=row["encoding"],
        paragraphs=[Span.of(text, s, e) for s, e in row["paragraphs"]],
        removed=rem,
        meta=meta,
    )
