"""Load on `reckon serve`: a store of 10,000 incidents, 50 concurrent clients for 30 s on
/api/incidents (filtered, paged) and the incident page; prints requests/s, p50/p99 latency,
errors and the server's peak RSS.

    .venv/bin/python bench/serve_load.py                  # builds a store in a temporary folder
    .venv/bin/python bench/serve_load.py --db big.db      # reuses (or builds) big.db
    .venv/bin/python bench/serve_load.py --workers 2 --clients 50 --seconds 30

The store is filled through the library (reports stored with their mentions, then one relink):
synthetic reports of our own, one attack each, at 50 made-up places far apart on 200 days three
days apart, each with a different filler sentence, so that every mention is its own incident. Clients speak plain HTTP/1.1 with keep-alive
over asyncio (no client library, so the load generator costs little CPU), authenticate with an
API token, and pick at random: half the time a filtered page of /api/incidents (country, event
type, date range, actor or words; a third of them follow the `next` cursor of an earlier
page), half the time /incidents/ID. Targets on a 2-core machine: >= 150 requests/s, p99 < 500 ms,
0 errors, server RSS < 600 MB. Figures are noisy when other jobs share the machine (the load
average before the run is printed).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ["Syria", "Sudan", "Mali", "Nigeria", "Ukraine", "Yemen", "Somalia", "Myanmar",
             "DR Congo", "Burkina Faso"]  # fmt: skip
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Violence against civilians", "Attack"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack")]  # fmt: skip
ACTORS = ["gunmen", "soldiers", "militia fighters", "drone operators", "rebels"]
N_PLACES, N_DAYS = 50, 200
PLACES = [a + b for b in ("abad", "ville", "ton", "pur", "grad")
          for a in ("Kar", "Mol", "Tes", "Ubi", "Zan", "Fod", "Lir", "Pes", "Gor", "Nam")]  # fmt: skip
WORDS = ("river bridge convoy checkpoint harvest clinic school mosque church market bakery road "
         "village district border camp well orchard quarry depot station garage farm hill valley "
         "morning evening night dawn dusk rain dust smoke fire truck motorbike pickup lorry bus "
         "elders traders farmers herders students teachers nurses drivers fishermen miners").split()


def fill(db: Path, n_places: int = N_PLACES, n_days: int = N_DAYS) -> int:
    """Store one synthetic report per (place, day) and relink; return the incident count."""
    from datetime import date, timedelta

    from reckon.ingest import report_from_text
    from reckon.model import Actor, Count, DateInterval, Evidence, Extraction, Location, Mention
    from reckon.store import open_store
    from reckon.store.incidents import relink, save_extraction

    store = open_store(db)
    if store.count_reports() >= n_places * n_days:
        with store.engine.connect() as conn:
            n = conn.exec_driver_sql("SELECT count(*) FROM incidents").scalar_one()
        store.close()
        return int(n)
    start = date(2024, 1, 1)
    t0 = time.perf_counter()
    for d in range(n_days):
        day = (start + timedelta(days=3 * d)).isoformat()
        for p in range(n_places):
            country = COUNTRIES[p % len(COUNTRIES)]
            place = PLACES[p]
            rng = random.Random(p * 100_003 + d)
            filler = " ".join(rng.choice(WORDS) for _ in range(30))
            et, st = TYPES[(p + d) % len(TYPES)]
            actor = ACTORS[(p * 7 + d) % len(ACTORS)]
            killed = (p * 31 + d * 17) % 40
            title = f"{actor.capitalize()} kill {killed} in {place}"
            text = (f"{title}\n\n{actor.capitalize()} killed {killed} people in {place}, "
                    f"{country}, on {day}, local officials said. Residents described heavy "
                    f"fighting near the market and said families had fled toward the coast. "
                    f"Witnesses mentioned the {filler}.")  # fmt: skip
            rep = report_from_text(text, title=title, published=day, source=f"Wire {p % 7}",
                                   raw=f"bench {place} {day}".encode())  # fmt: skip

            def span(s: str, text: str = rep.text, skip: int = len(title)) -> tuple[int, int]:
                i = text.index(s, skip)
                return i, i + len(s)

            ks, ke = span(f"killed {killed} people")
            ps, pe = span(place)
            a_s, a_e = span(actor.capitalize())
            m = Mention(
                et, st,
                date=DateInterval(day, day),
                location=Location(place, country=country, admin1=f"Province {p % 5}",
                                  lat=-30 + 3.0 * (p // 10) * 4, lon=-60 + 3.0 * (p % 10) * 4,
                                  precision=1, resolved=True),
                actors=[Actor(actor, "perpetrator", "Political militia"),
                        Actor("people", "target", "Civilians")],
                fatalities=Count(killed, killed, killed),
                evidence=[Evidence("event", "killed", ks, ks + 6),
                          Evidence("fatalities", rep.text[ks:ke], ks, ke),
                          Evidence("location", place, ps, pe),
                          Evidence("actor", rep.text[a_s:a_e], a_s, a_e)],
                confidence=0.5 + ((p + d) % 5) / 10,
                report_id=rep.id,
            )  # fmt: skip
            x = Extraction(rep, incidents=[m])
            store.add_report(rep, analyse=lambda _r, conn, x=x: save_extraction(conn, x))
        if d % 20 == 19:
            print(f"  stored {(d + 1) * n_places} reports ({time.perf_counter() - t0:.0f} s)",
                  file=sys.stderr)  # fmt: skip
    with store.transaction() as conn:
        n = len(relink(conn))
    print(f"  relinked: {n} incidents ({time.perf_counter() - t0:.0f} s in all)", file=sys.stderr)
    store.close()
    return n


def token(db: Path) -> str:
    from reckon.store import open_store
    from reckon.users import add_user, create_token, get_user

    with open_store(db) as store, store.transaction() as conn:
        if get_user(conn, "bench") is None:
            add_user(conn, "bench", "viewer", "bench password", actor="bench")
        return create_token(conn, "bench", "serve_load", actor="bench")[0]


def rss_kb(pid: int) -> int:
    """Resident memory of a process and its children (kB), from /proc."""
    total = 0
    pids = [pid]
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(k) for k in kids]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


class Client:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self, host: str, port: int, auth: str) -> None:
        self.host, self.port, self.auth = host, port, auth
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAuthorization: Bearer "
                          f"{self.auth}\r\nConnection: keep-alive\r\n\r\n".encode())  # fmt: skip
        await self.writer.drain()
        status = int((await self.reader.readline()).split()[1])
        length, chunked, close = None, False, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            k, _, v = line.decode("latin-1").partition(":")
            k = k.strip().lower()
            if k == "content-length":
                length = int(v)
            elif k == "transfer-encoding" and "chunked" in v:
                chunked = True
            elif k == "connection" and "close" in v.lower():
                close = True
        if chunked:
            body = b""
            while True:
                size = int((await self.reader.readline()).strip(), 16)
                if size == 0:
                    await self.reader.readline()
                    break
                body += await self.reader.readexactly(size + 2)
        else:
            body = await self.reader.readexactly(length or 0)
        if close:
            await self.close()
        return status, body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


def next_path(rng: random.Random, ids: list[str], cursors: list[str]) -> tuple[str, str]:
    if rng.random() < 0.5:
        return "page", f"/incidents/{rng.choice(ids)}"
    if cursors and rng.random() < 1 / 3:
        return "list", cursors.pop(rng.randrange(len(cursors)))
    pick = rng.randrange(5)
    q: dict[str, str] = {"limit": "50"}
    if pick == 0:
        q["country"] = rng.choice(COUNTRIES)
    elif pick == 1:
        q["event_type"] = rng.choice(TYPES)[0]
        q["sort"] = "-fatalities"
    elif pick == 2:
        m = rng.randrange(1, 12)
        q["date_from"], q["date_to"] = f"2024-{m:02d}-01", f"2024-{m + 1:02d}-01"
    elif pick == 3:
        q["actor"] = rng.choice(ACTORS)
        q["country"] = rng.choice(COUNTRIES)
    else:
        q["q"] = rng.choice(PLACES).lower()
    return "list", "/api/incidents?" + urlencode(q)


async def run_load(port: int, auth: str, ids: list[str], clients: int, seconds: float,
                   pid: int) -> dict:  # fmt: skip
    lat: list[float] = []
    kinds = {"page": 0, "list": 0}
    by_kind: dict[str, list[float]] = {}
    errors: list[str] = []
    cursors: list[str] = []
    peak = [0]
    deadline = time.monotonic() + seconds
    nxt = re.compile(rb'"next":"([^"]+)"')

    async def one(i: int) -> None:
        rng = random.Random(i)
        c = Client("127.0.0.1", port, auth)
        while time.monotonic() < deadline:
            kind, path = next_path(rng, ids, cursors)
            t0 = time.perf_counter()
            try:
                status, body = await c.get(path)
            except (OSError, ValueError, asyncio.IncompleteReadError) as e:
                errors.append(f"{path}: {type(e).__name__}")
                await c.close()
                continue
            lat.append(time.perf_counter() - t0)
            by_kind.setdefault(kind, []).append(lat[-1])
            kinds[kind] += 1
            if status != 200:
                errors.append(f"{path}: HTTP {status}")
            elif kind == "list" and len(cursors) < 200:
                m = nxt.search(body)
                if m:
                    base = path.split("&cursor=")[0]
                    cursors.append(f"{base}&cursor={m.group(1).decode()}")
        await c.close()

    async def watch() -> None:
        while time.monotonic() < deadline:
            peak[0] = max(peak[0], rss_kb(pid))
            await asyncio.sleep(0.2)

    t0 = time.monotonic()
    await asyncio.gather(watch(), *(one(i) for i in range(clients)))
    took = time.monotonic() - t0
    return {"lat": lat, "kinds": kinds, "errors": errors, "took": took, "peak_kb": peak[0],
            "by_kind": by_kind}  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help="store to fill (or reuse); default: a temporary one")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--workers", type=int, default=2, help="server processes (reckon serve --workers)")
    args = ap.parse_args()
    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="reckon-serve-load-")
        db = Path(tmp.name) / "load.db"
    print(f"filling {db} ...", file=sys.stderr)
    n = fill(db)
    auth = token(db)
    port = free_port()
    env = {**os.environ, "RECKON_PROGRESS": "0"}
    server = subprocess.Popen([sys.executable, "-m", "reckon", "serve", "--db", str(db), "--port",
                               str(port), "--workers", str(args.workers)], env=env, cwd=ROOT,
                              stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        end = time.monotonic() + 120
        while True:
            try:
                req = urllib.request.Request(f"http://127.0.0.1:{port}/api/incidents?limit=500",
                                             headers={"Authorization": f"Bearer {auth}"})  # fmt: skip
                with urllib.request.urlopen(req, timeout=60) as r:
                    r.read()
                break
            except OSError:
                if time.monotonic() > end or server.poll() is not None:
                    raise SystemExit("reckon serve did not start") from None
                time.sleep(0.3)
        from reckon.store import open_store

        with open_store(db) as store, store.engine.connect() as conn:
            ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM incidents")]
        # warm every worker's index before measuring
        for _ in range(4 * args.workers):
            req = urllib.request.Request(f"http://127.0.0.1:{port}/api/incidents?limit=1",
                                         headers={"Authorization": f"Bearer {auth}"})  # fmt: skip
            urllib.request.urlopen(req, timeout=120).read()
        load = os.getloadavg()
        print(f"running {args.clients} clients for {args.seconds:.0f} s ...", file=sys.stderr)
        res = asyncio.run(run_load(port, auth, ids, args.clients, args.seconds, server.pid))
    finally:
        server.terminate()
        server.wait(timeout=30)
        if tmp is not None:
            tmp.cleanup()
    lat = sorted(res["lat"])
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [0.0] * 99
    print(f"store: {n} incidents; server: reckon serve --workers {args.workers}; "
          f"{args.clients} clients, {res['took']:.1f} s; {os.cpu_count()} cores, "
          f"load average before {load[0]:.2f}")  # fmt: skip
    print(f"requests: {len(lat)} ({res['kinds']['list']} /api/incidents, "
          f"{res['kinds']['page']} incident pages)")  # fmt: skip
    print(f"requests/s: {len(lat) / res['took']:.1f}")
    print(f"latency p50: {q[49] * 1000:.1f} ms, p99: {q[98] * 1000:.1f} ms, "
          f"max: {lat[-1] * 1000:.1f} ms")  # fmt: skip
    for kind, label in (("list", "/api/incidents"), ("page", "incident pages")):
        xs = sorted(res["by_kind"].get(kind, []))
        if len(xs) > 1:
            qq = statistics.quantiles(xs, n=100)
            print(f"  {label}: p50 {qq[49] * 1000:.1f} ms, p99 {qq[98] * 1000:.1f} ms")
    print(f"errors: {len(res['errors'])}" + (f" (first: {res['errors'][0]})" if res["errors"] else ""))
    print(f"server peak RSS: {res['peak_kb'] / 1024:.0f} MB (all worker processes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
