"""Ingest and linking at scale: serial, Dask with 1 and 2 workers, linking alone at growing N.

Makes ``--n`` synthetic reports (``reckon.scale.synthetic``: templates of our own, real towns,
``--per-day`` reports a day, so a larger N is a longer period at the same density), then:

1. ``serial``: ``reckon ingest FILE`` in a child process (wall time, reports/s, peak RSS);
2. ``dask1`` / ``dask2``: the same ingest on a local Dask cluster of 1 and 2 worker processes
   (cluster start-up timed apart; ingest time from the first partition to the last incident
   written, linking on the cluster included; peak RSS of each worker);
3. ``link``: ``reckon incidents relink`` in a child process on the serial store cut to the first
   quarter, half and all of the period (N/4, N/2, N reports at the same density).

Prints reports/s, the speed-up of 2 workers over 1, linking time per N and its growth, and
peak memory per process, with the machine's load average before and after (timings are
wall-clock: other work on the machine slows them down).

    .venv/bin/python bench/scale.py [--n 20000] [--per-day 200] [--steps serial,dask1,dask2,link]
                                    [--dir DIR]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STEPS = ("serial", "dask1", "dask2", "link")
CPU: list[float] = []  # CPU seconds of each child run (other sessions' load does not inflate it)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def run_child(args: list[str]) -> tuple[float, float, str]:
    """Run a command; its wall time (s), peak RSS (MiB, from wait4) and last output line.
    Its CPU time (user + system, s) is kept in ``CPU[-1]``."""
    t = time.monotonic()
    with tempfile.TemporaryFile() as out:
        p = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=_env())
        _, status, usage = os.wait4(p.pid, 0)
        took = time.monotonic() - t
        out.seek(0)
        lines = out.read().decode("utf-8", "replace").strip().splitlines()
    CPU.append(usage.ru_utime + usage.ru_stime)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(args)}\n" + "\n".join(lines[-20:]))
    return took, usage.ru_maxrss / 1024, lines[-1] if lines else ""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["RECKON_PROGRESS"] = "0"
    return env


def reckon(*args: str) -> list[str]:
    return [sys.executable, "-m", "reckon", *args]


def make_reports(path: Path, n: int, per_day: int) -> None:
    from reckon.scale.synthetic import write_jsonl

    write_jsonl(path, n, per_day=per_day)


def dask_run(src: Path, db: Path, workers: int) -> dict[str, Any]:
    from reckon.scale.engine import ingest_dask, open_client
    from reckon.store import open_store

    t0 = time.monotonic()
    client, cluster = open_client(workers=workers)
    client.run(lambda: None)  # every worker up (the plugin has loaded spaCy and the gazetteer)
    start = time.monotonic() - t0
    store = open_store(db)
    t1 = time.monotonic()
    summary = ingest_dask(store, [str(src)], client)
    took = time.monotonic() - t1
    store.close()
    rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    client.close()
    cluster.close()
    return {
        "start": start,
        "time": took,
        "stored": len(summary.stored),
        "worker_rss": sorted(rss.values()),
        "client_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def cut(src_db: Path, dst_db: Path, last_day: str) -> int:
    """A copy of the store holding only reports published up to ``last_day``."""
    shutil.copyfile(src_db, dst_db)
    con = sqlite3.connect(dst_db)
    keep = "(select id from reports where published <= ?)"
    for table, col in (("mentions", "report_id"), ("report_signatures", "report_id"),
                       ("tolls", "report_id"), ("reactions", "report_id"),
                       ("removed", "report_id")):  # fmt: skip
        con.execute(f"delete from {table} where {col} not in {keep}", (last_day,))
    con.execute("delete from reports where published > ?", (last_day,))
    n = con.execute("select count(*) from reports").fetchone()[0]
    con.commit()
    con.close()
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=20_000, help="synthetic reports (default 20,000)")
    ap.add_argument("--per-day", type=int, default=200, help="reports a day (default 200)")
    ap.add_argument(
        "--steps", default=",".join(STEPS), help="comma-separated, of " + ",".join(STEPS)
    )
    ap.add_argument("--dir", type=Path, default=None, help="keep inputs and stores here")
    args = ap.parse_args(argv)
    steps = [s for s in args.steps.split(",") if s]
    work = args.dir or Path(tempfile.mkdtemp(prefix="reckon-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    src = work / f"synthetic-{args.n}.jsonl"
    if not src.exists():
        make_reports(src, args.n, args.per_day)
    print(f"reckon bench/scale.py: {args.n:,} synthetic reports ({args.per_day}/day) in {work}")
    print(f"cores: {os.cpu_count()}; load average at start: {load()}")
    res: dict[str, Any] = {}
    serial_db = work / "serial.db"
    if "serial" in steps:
        serial_db.unlink(missing_ok=True)
        took, rss, last = run_child(reckon("ingest", str(src), "--db", str(serial_db)))
        res["serial"] = (took, rss)
        print(f"serial ingest : {took:8.1f} s  {args.n / took:7.1f} reports/s  (CPU {CPU[-1]:.0f} s)"
              f"  peak RSS {rss:6.0f} MiB  ({last})")  # fmt: skip
    for w in (1, 2):
        if f"dask{w}" not in steps:
            continue
        db = work / f"dask{w}.db"
        db.unlink(missing_ok=True)
        r = dask_run(src, db, w)
        res[f"dask{w}"] = r
        rss = ", ".join(f"{x:.0f}" for x in r["worker_rss"])
        print(f"dask {w} worker{'s' if w > 1 else ' '}: {r['time']:8.1f} s  "
              f"{args.n / r['time']:7.1f} reports/s  (cluster start {r['start']:.1f} s; "
              f"peak RSS per worker {rss} MiB; client {r['client_rss']:.0f} MiB)")  # fmt: skip
    if "dask1" in res and "dask2" in res:
        a, b = res["dask1"], res["dask2"]
        print(f"speed-up 2 workers / 1 worker: {a['time'] / b['time']:.2f}x "
              f"(with cluster start: {(a['time'] + a['start']) / (b['time'] + b['start']):.2f}x)")  # fmt: skip
    if "serial" in res and "dask2" in res:
        print(f"speed-up 2 workers / serial: {res['serial'][0] / res['dask2']['time']:.2f}x")
    if "link" in steps:
        if not serial_db.exists():
            sys.exit("linking alone needs the serial store: run the serial step first")
        con = sqlite3.connect(serial_db)
        days = [r[0] for r in con.execute("select distinct published from reports order by 1")]
        con.close()
        times, cpus = {}, {}
        for frac in (0.25, 0.5, 1.0):
            last_day = days[max(0, int(len(days) * frac) - 1)]
            db = work / f"link-{frac}.db"
            n = cut(serial_db, db, last_day)
            took, rss, line = run_child(reckon("incidents", "relink", "--db", str(db)))
            times[frac], cpus[frac] = took, CPU[-1]
            print(f"linking alone at {n:6,} reports: {took:6.1f} s (CPU {CPU[-1]:6.1f} s)  "
                  f"peak RSS {rss:5.0f} MiB  ({line})")  # fmt: skip
        print(f"linking time, all / first quarter: {times[1.0] / times[0.25]:.2f}x wall, "
              f"{cpus[1.0] / cpus[0.25]:.2f}x CPU, for {1 / 0.25:.0f}x the reports")  # fmt: skip
    print(f"load average at end: {load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
