"""Shared fixtures: the seed article, the bundled examples, and a PostgreSQL URL when reachable.

Other test files keep their own fixtures; add here only what several files need.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_53e2a45ead0ef75f.txt"
EXAMPLES = ROOT / "examples"

PG_HOST = os.environ.get("RECKON_TEST_PGHOST", "127.0.0.1")
PG_PORT = int(os.environ.get("RECKON_TEST_PGPORT", "5432"))
PG_DB = os.environ.get("RECKON_TEST_PGDATABASE", "test")


@pytest.fixture(scope="session", autouse=True)
def _no_progress_lines() -> Iterator[None]:
    """Progress on stderr depends on real time: off for tests (and the commands they run),
    except those about progress, which turn it back on with ``monkeypatch.delenv``."""
    old = os.environ.get("RECKON_PROGRESS")
    os.environ["RECKON_PROGRESS"] = "0"
    yield
    if old is None:
        os.environ.pop("RECKON_PROGRESS", None)
    else:
        os.environ["RECKON_PROGRESS"] = old


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The founding article (read-only shared data); skips when the checkout lacks it."""
    if not SEED.is_file():
        pytest.skip(f"seed article not present at {SEED}")
    return SEED


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


def _pg_user() -> tuple[str | None, str]:
    """The first user that can connect to the test PostgreSQL, or None and why not."""
    try:
        import psycopg
    except ImportError as e:  # pragma: no cover - psycopg is a dependency
        return None, f"psycopg not importable ({e})"
    errors = []
    for user in (os.environ.get("RECKON_TEST_PGUSER"), "postgres", "root"):
        if not user:
            continue
        try:
            with psycopg.connect(
                host=PG_HOST, port=PG_PORT, user=user, dbname=PG_DB, connect_timeout=3
            ):
                return user, ""
        except Exception as e:  # any failure means: not reachable for us
            errors.append(f"{user}: {' '.join(str(e).split())[:120]}")
    return None, "; ".join(errors)


@pytest.fixture(scope="session")
def pg_user() -> str:
    user, why = _pg_user()
    if user is None:
        pytest.skip(
            f"PostgreSQL not reachable on {PG_HOST}:{PG_PORT} database {PG_DB!r} "
            f"(store tests ran against SQLite only): {why}"
        )
    return user


@pytest.fixture
def pg_url(pg_user: str) -> Iterator[str]:
    """A ``postgresql://`` URL whose search_path is a fresh schema, dropped afterwards."""
    import psycopg

    schema = "reckon_test_" + uuid.uuid4().hex[:12]
    conninfo = dict(host=PG_HOST, port=PG_PORT, user=pg_user, dbname=PG_DB)
    with psycopg.connect(**conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield (
            f"postgresql://{pg_user}@{PG_HOST}:{PG_PORT}/{PG_DB}?options=-csearch_path%3D{schema}"
        )
    finally:
        with psycopg.connect(**conninfo, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
