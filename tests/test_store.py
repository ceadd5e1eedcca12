"""The store, against SQLite always and PostgreSQL when one is reachable (see conftest)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from reckon.ingest import read_paths, report_from_text
from reckon.store import (
    Store,
    StoreConflict,
    StoreError,
    database_url,
    head_revision,
    open_store,
    removed,
    reports,
)

TEXT = (
    "Clashes Erupt in Kidal as Rebels Return\n"
    "Fighting broke out in Kidal on Tuesday, killing six people, residents said.\n"
    "Fighting broke out in Kidal on Tuesday, killing six people, residents said.\n"
    "By Awa Traore\n"
)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path):
    if request.param == "sqlite":
        url = str(tmp_path / "t.db")
    else:
        url = request.getfixturevalue("pg_url")
    s = open_store(url)
    yield s
    s.close()


def test_roundtrip(store: Store) -> None:
    r = report_from_text(TEXT, published="2025-01-07", source="Desk", origin="mem")
    assert store.add_report(r) == (r.id, True)
    got = store.get_report(r.id)
    assert got is not None
    assert got.raw == r.raw and got.raw_text == r.raw_text and got.text == r.text
    assert got.paragraphs == r.paragraphs and got.removed == r.removed
    assert [x.kind for x in got.removed] == ["headline", "repeated_paragraph", "boilerplate"]
    assert (got.title, got.published, got.source, got.origin) == (
        "Clashes Erupt in Kidal as Rebels Return",
        "2025-01-07",
        "Desk",
        "mem",
    )
    assert got.content_hash == r.content_hash and got.encoding == "utf-8"
    assert got.meta == r.meta  # no ingestion time leaks into the report
    stamp = store.ingested_at(r.id)
    assert stamp is not None and stamp.endswith("Z") and stamp[:2] == "20"
    assert store.get_raw(r.id) == r.raw
    assert store.get_report("r-nothing") is None and store.get_raw("r-nothing") is None


def test_idempotent_by_content_hash(store: Store) -> None:
    r = report_from_text(TEXT)
    assert store.add_report(r)[1] is True
    assert store.add_report(r) == (r.id, False)
    same_bytes_other_id = report_from_text(TEXT, id="given-7")
    assert store.add_report(same_bytes_other_id) == (r.id, False)
    assert store.count_reports() == 1
    assert store.find_by_hash(r.content_hash) == r.id


def test_id_conflict(store: Store) -> None:
    store.add_report(report_from_text("Report one about Gao.", id="x-1"))
    with pytest.raises(StoreConflict, match="x-1"):
        store.add_report(report_from_text("A different report about Gao.", id="x-1"))
    assert store.count_reports() == 1


def test_iter_reports_in_stored_order(store: Store, examples_dir: Path) -> None:
    items = [r for r in read_paths([examples_dir]) if hasattr(r, "raw")]
    for r in reversed(items):
        store.add_report(r)
    assert [r.id for r in store.iter_reports(batch=2)] == [r.id for r in reversed(items)]
    light = list(store.iter_reports(raw=False))
    assert all(r.raw == b"" for r in light) and light[0].text == items[-1].text
    assert store.report_ids() == [r.id for r in reversed(items)]


def test_analyse_hook_shares_the_transaction(store: Store) -> None:
    seen = {}

    def analyse(report, conn: sa.Connection) -> None:
        seen["in_tx"] = conn.in_transaction()
        seen["rows"] = conn.execute(
            sa.select(sa.func.count()).select_from(removed).where(removed.c.report_id == report.id)
        ).scalar_one()

    r = report_from_text(TEXT)
    store.add_report(r, analyse=analyse)
    assert seen == {"in_tx": True, "rows": 3}

    def boom(report, conn) -> None:
        raise RuntimeError("analysis failed")

    other = report_from_text("Another report, about Mopti, with its own words.")
    with pytest.raises(RuntimeError):
        store.add_report(other, analyse=boom)
    assert not store.has_report(other.id)  # rolled back with the analysis
    assert store.count_reports() == 1


def test_schema_revision_and_reopen(store: Store) -> None:
    head = head_revision()
    assert head is not None and store.schema_revision() == head
    store.add_report(report_from_text(TEXT))
    again = Store(store.url)
    try:
        assert again.count_reports() == 1 and again.schema_revision() == head
    finally:
        again.close()


def test_sqlite_file_settings(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    with open_store(path) as s:
        s.add_report(report_from_text(TEXT))
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    con.close()


def test_database_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("RECKON_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    assert database_url(None) == f"sqlite:///{tmp_path / 'reckon.db'}"
    monkeypatch.setenv("RECKON_DB", str(tmp_path / "env.db"))
    assert database_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_open_errors_are_clear(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no directory"):
        open_store(tmp_path / "missing" / "x.db")
    with pytest.raises(StoreError, match="cannot open database"):
        open_store("nosuchdialect://x")
    bad = tmp_path / "notadb.db"
    bad.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(StoreError, match="cannot open database"):
        open_store(bad)


def test_first_revision_is_0001() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from reckon.store import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(cfg).get_base() == "0001"


def test_tables_exist_in_metadata() -> None:
    assert {c.name for c in reports.c} >= {"id", "content_hash", "raw", "text", "ingested_at"}
