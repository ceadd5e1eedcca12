"""`reckon serve` and two `reckon ingest` runs started together on a new store all succeed, and
every report is stored once (the migration race and writers that wait, not fail)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECKON = [sys.executable, "-m", "reckon"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, seconds: float = 60) -> int:
    end = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.status
        except OSError:
            if time.monotonic() > end:
                raise
            time.sleep(0.2)


def test_serve_and_two_ingests_on_a_new_store(tmp_path):
    pytest.importorskip("uvicorn")
    db = tmp_path / "new.db"
    env = {**os.environ, "RECKON_PROGRESS": "0"}
    port = free_port()
    serve = subprocess.Popen([*RECKON, "serve", "--db", str(db), "--port", str(port)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)  # fmt: skip
    ingests = [
        subprocess.Popen([*RECKON, "ingest", "examples", "--db", str(db)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)  # fmt: skip
        for _ in range(2)
    ]
    try:
        outs = [p.communicate(timeout=300) for p in ingests]
        for p, (_out, err) in zip(ingests, outs, strict=True):
            assert p.returncode == 0, err
            assert "Traceback" not in err
        assert wait_http(f"http://127.0.0.1:{port}/login") == 200
        assert serve.poll() is None, serve.stderr.read() if serve.stderr else ""
    finally:
        serve.terminate()
        serve.wait(timeout=30)
    stored = [[ln.split()[1] for ln in out.splitlines() if ln.startswith("stored ")]
              for out, _ in outs]  # fmt: skip
    already = [[ln.split()[2] for ln in out.splitlines() if ln.startswith("already stored ")]
               for out, _ in outs]  # fmt: skip
    both = stored[0] + stored[1]
    assert len(both) == len(set(both)) > 0  # each report stored by exactly one of the two
    assert set(already[0]) | set(already[1]) <= set(both)
    assert len(stored[0]) + len(already[0]) == len(stored[1]) + len(already[1]) == len(both)
    from reckon.audit import verify
    from reckon.store import open_store

    with open_store(db) as store:
        assert sorted(store.report_ids()) == sorted(both)
        with store.engine.connect() as conn:
            v = verify(conn)
    assert v.ok and v.entries == len(both)
