"""Ingest on a Dask cluster gives exactly the record one process gives (issue 13).

These tests start local clusters of worker processes (each loads the spaCy model once), so
they take a minute. The PostgreSQL ones skip, saying so, when no server is reachable.
"""

from __future__ import annotations

import json
import os
import signal
import threading

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from reckon.cli import main
from reckon.scale.synthetic import synthetic_reports
from reckon.store import open_store

N = 240


@pytest.fixture(scope="module")
def reports_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "reports.jsonl"
    rows = synthetic_reports(N, seed=21, per_day=60)
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({k: v for k, v in r.items() if k != "cluster"}) + "\n")
    return path


@pytest.fixture(scope="module")
def serial_store(reports_file, tmp_path_factory):
    db = tmp_path_factory.mktemp("serial") / "serial.db"
    r = CliRunner().invoke(main, ["ingest", str(reports_file), "--db", str(db)])
    assert r.exit_code == 0, r.output
    return db


@pytest.fixture(scope="module")
def cluster():
    from reckon.scale.engine import open_client

    client, local = open_client(workers=2)
    yield client
    client.close()
    local.close()


def _cell(v):
    """JSON columns come back as text from SQLite and as objects from PostgreSQL."""
    if isinstance(v, str) and v[:1] in "{[":
        try:
            return json.loads(v)
        except ValueError:
            return v
    return v


def dump(url) -> dict[str, list]:
    """What a store holds that must not depend on how it was filled."""
    st = open_store(url)
    q = {
        "reports": "select id, content_hash, text, title, published, source, url from reports",
        "mentions": "select key, report_id, event_type, sub_event_type, data from mentions",
        "incidents": "select id, data from incidents",
        "members": "select mention_key, incident_id, report_id, position, explanation "
        "from incident_members",
        "copies": "select report_id, copy_of, similarity from copies",
    }
    out = {}
    with st.engine.connect() as c:
        for name, sql in q.items():
            rows = c.execute(sa.text(sql)).all()
            out[name] = sorted(
                json.dumps([_cell(v) for v in r], sort_keys=True, default=str) for r in rows
            )
    st.close()
    return out


def figures(d: dict[str, list]) -> list:
    out = []
    for row in d["incidents"]:
        inc_id, data = json.loads(row)
        out.append((inc_id, data["fatalities"], data["injured"], data["sources"]))
    return sorted(out, key=str)


def test_cli_dask_with_two_workers_stores_what_serial_stores(reports_file, serial_store, tmp_path):
    db = tmp_path / "dask.db"
    r = CliRunner().invoke(
        main, ["ingest", str(reports_file), "--db", str(db), "--engine", "dask", "--workers", "2"]
    )
    assert r.exit_code == 0, r.output
    assert r.output.strip().splitlines()[-1] == f"{N} stored, 0 already stored, 0 rejected"
    want, got = dump(serial_store), dump(db)
    assert len(want["reports"]) == N and len(want["incidents"]) > 50
    for table in want:
        assert got[table] == want[table], table
    assert figures(got) == figures(want)


def test_dask_into_postgresql_workers_write(reports_file, serial_store, cluster, pg_url):
    from reckon.scale.engine import ingest_dask

    st = open_store(pg_url)
    summary = ingest_dask(st, [str(reports_file)], cluster, per=40)
    st.close()
    assert (len(summary.stored), len(summary.rejected)) == (N, 0)
    want, got = dump(serial_store), dump(pg_url)
    for table in want:
        assert got[table] == want[table], table


def test_a_rerun_skips_stored_reports_without_reading_them_again(reports_file, cluster, tmp_path):
    from reckon.scale.engine import ingest_dask

    half = tmp_path / "half.jsonl"
    lines = reports_file.read_text(encoding="utf-8").splitlines(keepends=True)
    half.write_text("".join(lines[: N // 2]), encoding="utf-8")
    st = open_store(tmp_path / "resume.db")
    first = ingest_dask(st, [str(half)], cluster, per=40)
    again = ingest_dask(st, [str(reports_file)], cluster, per=40)
    assert len(first.stored) == N // 2
    assert (len(again.stored), len(again.already)) == (N - N // 2, N // 2)
    assert st.count_reports() == N
    st.close()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_killing_a_worker_mid_run_loses_nothing_and_stores_nothing_twice(
    backend, reports_file, serial_store, tmp_path, request
):
    from reckon.scale.engine import ingest_dask, open_client

    url = str(tmp_path / "killed.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    client, local = open_client(workers=2)
    try:
        pids = client.run(os.getpid)  # worker address -> process id
        victim = sorted(pids.values())[0]
        seen = []
        killed = threading.Event()

        def on_event(kind, item, rid):
            seen.append(kind)
            if len(seen) == 40 and not killed.is_set():
                os.kill(victim, signal.SIGKILL)  # mid-run: other partitions are in flight
                killed.set()

        st = open_store(url)
        summary = ingest_dask(st, [str(reports_file)], client, per=20, on_event=on_event)
        st.close()
    finally:
        client.close()
        local.close()
    assert killed.is_set()
    assert len(summary.rejected) == 0
    assert len(summary.stored) + len(summary.already) == N
    got, want = dump(url), dump(serial_store)
    assert len(got["reports"]) == N  # every report once (ids and content hashes are unique)
    for table in want:
        assert got[table] == want[table], table


def test_sqlite_is_refused_for_a_remote_cluster(tmp_path):
    r = CliRunner().invoke(
        main,
        ["ingest", "x.jsonl", "--db", str(tmp_path / "a.db"), "--engine", "dask",
         "--scheduler", "tcp://10.0.0.1:8786"],
    )  # fmt: skip
    assert r.exit_code != 0
    assert "SQLite" in r.output and "postgresql://" in r.output


def test_workers_need_the_dask_engine(tmp_path):
    r = CliRunner().invoke(main, ["ingest", "x", "--db", str(tmp_path / "a.db"), "--workers", "2"])
    assert r.exit_code == 2 and "--engine dask" in r.output
