"""Relinking holds little per mention: its peak memory barely grows with the store (issue 13).

Stores of 1,500 and 6,000 reports (one mention each, 40 a day, so the larger store is a longer
period at the same density) are written directly from mentions of our own (no spaCy), then
``reckon incidents relink`` runs on each in a child process whose peak RSS is read from
``wait4``. The growth per added mention must stay small: holding each mention's record,
explanation or incident in memory (what made 50,000 reports need over 600 MB) costs several
kilobytes a mention. No wall-clock time is asserted.
"""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
from datetime import date, timedelta

from reckon.model import Actor, Count, DateInterval, Extraction, Location, Mention, Report
from reckon.store import open_store
from reckon.store.batch import store_batch

# (iso, country, admin1s): names of our own for the towns, made up below
COUNTRIES = [("ML", "Mali", ("Gao", "Mopti")), ("BF", "Burkina Faso", ("Sahel", "Centre-Nord")),
             ("NE", "Niger", ("Diffa", "Tillaberi"))]  # fmt: skip
KINDS = [
    ("Battles", "Armed clash", "Soldiers and militants fought near {t}, {c}; {n} were killed."),
    ("Violence against civilians", "Attack", "Gunmen killed {n} villagers in {t} in {c}."),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED",
     "A roadside bomb near {t}, {c}, killed {n} people."),
]  # fmt: skip
PER_DAY = 40  # reports a day; an incident is told by one to three of them


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3))


def _items(n: int, seed: int = 7) -> list[tuple[Report, Extraction]]:
    rng = random.Random(seed)
    towns = [(_word(rng).title(), iso, country, rng.choice(admins), 10 + rng.random() * 8,
              rng.random() * 10 - 4) for iso, country, admins in COUNTRIES for _ in range(20)]  # fmt: skip
    out: list[tuple[Report, Extraction]] = []
    while len(out) < n:
        day = date(2024, 1, 1) + timedelta(days=len(out) // PER_DAY)
        town, iso, country, admin1, lat, lon = rng.choice(towns)
        et, st, tpl = rng.choice(KINDS)
        k = rng.randint(1, 9)
        for _ in range(rng.randint(1, 3)):  # the reports of one incident, in their own words
            rid = f"mem-{len(out):06d}"
            tail = " ".join(_word(rng) for _ in range(12))
            text = f"{tpl.format(t=town, c=country, n=k)} Officials in {admin1} said {tail}."
            report = Report(
                id=rid, raw=text.encode(), raw_text=text, text=text, title=f"{town}: {k} dead",
                published=(day + timedelta(days=rng.choice((0, 1)))).isoformat(),
                source=rng.choice(("Wire A", "Wire B", "Radio C", "Paper D")),
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
            )  # fmt: skip
            mention = Mention(
                event_type=et,
                sub_event_type=st,
                date=DateInterval(day.isoformat(), day.isoformat(), None, True),
                location=Location(name=town, country=country, iso=iso, admin1=admin1, lat=lat,
                                  lon=lon, precision=1, resolved=True),  # fmt: skip
                actors=[Actor("gunmen", "perpetrator", "Political militia")],
                fatalities=Count(k, k, k),
                report_id=rid,
            )
            out.append((report, Extraction(report=report, incidents=[mention])))
    return out[:n]


def _store(path: str, n: int) -> str:
    st = open_store(path)
    items = _items(n)
    for i in range(0, n, 500):
        outcomes = store_batch(st, items[i : i + 500])
        assert all(o.created for o in outcomes)
    st.close()
    return path


def _relink_peak(db: str) -> float:
    """Peak RSS (MiB) of ``reckon incidents relink`` on ``db``, from wait4."""
    env = dict(os.environ, RECKON_PROGRESS="0")
    p = subprocess.Popen(
        [sys.executable, "-m", "reckon", "incidents", "relink", "--db", db],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
    )  # fmt: skip
    out = p.stdout.read().decode() if p.stdout else ""
    _, status, usage = os.wait4(p.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, out
    assert "relinked:" in out
    return usage.ru_maxrss / 1024


def test_relink_peak_memory_barely_grows_with_the_store(tmp_path):
    small, large = 1500, 6000
    a = _relink_peak(_store(str(tmp_path / "small.db"), small))
    b = _relink_peak(_store(str(tmp_path / "large.db"), large))
    per_mention_kib = (b - a) * 1024 / (large - small)
    print(f"relink peak RSS: {small} mentions {a:.0f} MiB, {large} mentions {b:.0f} MiB "
          f"({per_mention_kib:.1f} KiB per added mention)")  # fmt: skip
    assert per_mention_kib < 6, (a, b)
