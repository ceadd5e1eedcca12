"""The gazetteer index: one SQLite file, its location, and read access.

Tables:

- ``place``: one row per place (city or village, admin1 unit, country, imported feature) with
  country ISO code, admin1 / admin2 names, coordinates, population, feature kind and ``prio``
  (0 = default data, 1 = imported GeoNames dump, 2 = local additions CSV).
- ``name``: every Latin-script name of a place under its phonetic key (:func:`name_key`), its
  spelling key (:func:`light_key`) and a consonant skeleton for fuzzy candidates.
- ``admin1`` (country, code -> name), ``admin2`` (country, admin1 code, code -> name),
  ``country`` (iso -> name), ``meta``.

Where the file lives: ``$RECKON_GAZETTEER`` when set, else
``<cache>/gazetteer-<datahash>.sqlite`` with ``<cache>`` = ``$RECKON_CACHE_DIR``, else
``$XDG_CACHE_HOME/reckon``, else ``~/.cache/reckon``; when that directory is not writable, a
``reckon-cache`` directory in the system temp dir. ``<datahash>`` changes whenever the packaged
source data or the index format changes, so a stale index is never read.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FORMAT_VERSION = "3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS place (
    pid INTEGER PRIMARY KEY,
    geonameid INTEGER,
    name TEXT NOT NULL,
    country TEXT,
    admin1_code TEXT,
    admin1 TEXT,
    admin2_code TEXT,
    admin2 TEXT,
    lat REAL,
    lon REAL,
    population INTEGER NOT NULL DEFAULT 0,
    feature TEXT NOT NULL,
    fcode TEXT,
    source TEXT NOT NULL,
    prio INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS name (
    key TEXT NOT NULL,
    light TEXT NOT NULL,
    skel TEXT NOT NULL,
    pid INTEGER NOT NULL,
    main INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS admin1 (
    country TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    pid INTEGER,
    curated INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (country, code)
);
CREATE TABLE IF NOT EXISTS admin2 (
    country TEXT NOT NULL,
    admin1_code TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (country, admin1_code, code)
);
CREATE TABLE IF NOT EXISTS country (
    iso TEXT PRIMARY KEY,
    iso3 TEXT,
    name TEXT NOT NULL,
    pid INTEGER
);
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
"""

INDEXES = """
CREATE INDEX IF NOT EXISTS name_key ON name(key);
CREATE INDEX IF NOT EXISTS name_skel ON name(skel);
CREATE INDEX IF NOT EXISTS name_pid ON name(pid);
CREATE INDEX IF NOT EXISTS place_gid ON place(geonameid);
CREATE INDEX IF NOT EXISTS place_country ON place(country, feature);
"""

PLACE_COLS = (
    "pid, geonameid, name, country, admin1_code, admin1, admin2_code, admin2, lat, lon, "
    "population, feature, fcode, source, prio"
)


class GazetteerError(Exception):
    """A gazetteer file or import input that cannot be used (the message names it)."""


@dataclass(frozen=True, slots=True)
class Place:
    pid: int
    geonameid: int | None
    name: str
    country: str | None
    admin1_code: str | None
    admin1: str | None
    admin2_code: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    feature: str  # city | admin1 | admin2 | country | other
    fcode: str | None
    source: str
    prio: int


@dataclass(frozen=True, slots=True)
class Hit:
    """A place found under a name: how it matched and the name it matched."""

    place: Place
    matched: str  # the light key of the matching name
    main: bool  # matched the place's main name
    fuzzy: float = 1.0  # 1.0 for a key match, else the fuzzy score in [0, 1]


def _writable(d: Path) -> bool:
    try:
        d.mkdir(parents=True, exist_ok=True)
        probe = d / f".probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
        return True
    except OSError:
        return False


def cache_dir() -> Path:
    """Directory for the built index (see the module docstring for the order of choices)."""
    env = os.environ.get("RECKON_CACHE_DIR")
    if env:
        d = Path(env).expanduser()
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        d = (Path(xdg) if xdg else Path.home() / ".cache") / "reckon"
    if _writable(d):
        return d
    tmp = Path(tempfile.gettempdir()) / "reckon-cache"
    tmp.mkdir(parents=True, exist_ok=True)
    return tmp


@lru_cache(maxsize=1)
def data_hash() -> str:
    """Hash of the index format and the packaged source files (names, sizes, mtimes)."""
    from reckon.geo import sources

    h = hashlib.sha256(FORMAT_VERSION.encode())
    from reckon.geo import build, normalize
    from reckon.geo import names as curated

    # the code that makes keys and rows is part of the index: change it, and the index is rebuilt
    for mod in (curated, normalize, build):
        h.update(Path(mod.__file__).read_bytes())
    for p in sources.source_files():
        st = p.stat()
        h.update(f"{p.name}:{st.st_size}".encode())
    return h.hexdigest()[:12]


def default_path() -> Path:
    env = os.environ.get("RECKON_GAZETTEER")
    if env:
        return Path(env).expanduser()
    return cache_dir() / f"gazetteer-{data_hash()}.sqlite"


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA temp_store=MEMORY")
    return conn


class Gazetteer:
    """Read access to one index file; one connection, cached lookups. Thread-safe for reads."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise GazetteerError(f"gazetteer index not found: {self.path}")
        try:
            self.conn = connect(self.path)
            self.conn.execute("SELECT 1 FROM place LIMIT 1").fetchall()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"not a reckon gazetteer index: {self.path} ({exc})") from exc
        self._lock = threading.RLock()
        self._skel_cache: dict[str, list[tuple[str, str, int, int]]] = {}
        self._admin1_cache: dict[str, list[Place]] | None = None
        self.lookup = lru_cache(maxsize=50_000)(self._lookup)
        self.place = lru_cache(maxsize=50_000)(self._place)

    def close(self) -> None:
        self.conn.close()

    def reset_caches(self) -> None:
        """Forget cached lookups (after the index file was changed by an import)."""
        from reckon.geo import resolver

        resolver._resolver_cache.clear()
        self.lookup.cache_clear()
        self.place.cache_clear()
        self._skel_cache.clear()
        self._admin1_cache = None

    # -- low level -----------------------------------------------------------------------
    def _rows(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            return self.conn.execute(sql, args).fetchall()

    def meta(self) -> dict[str, str]:
        return dict(self._rows("SELECT k, v FROM meta"))

    def _place(self, pid: int) -> Place | None:
        rows = self._rows(f"SELECT {PLACE_COLS} FROM place WHERE pid = ?", (pid,))
        return Place(*rows[0]) if rows else None

    def _lookup(self, key: str) -> tuple[Hit, ...]:
        """Places with a name under this phonetic key (best name per place)."""
        if not key:
            return ()
        rows = self._rows(
            f"SELECT n.light, n.main, {', '.join('p.' + c.strip() for c in PLACE_COLS.split(','))} "
            "FROM name n JOIN place p ON p.pid = n.pid WHERE n.key = ?",
            (key,),
        )
        best: dict[int, Hit] = {}
        for light, main, *cols in rows:
            place = Place(*cols)
            old = best.get(place.pid)
            if old is None or (main and not old.main):
                best[place.pid] = Hit(place, light, bool(main))
        return tuple(best.values())

    def skeleton_names(self, skel: str) -> list[tuple[str, str, int, int]]:
        """(key, light, pid, main) of all names in a skeleton bucket (for fuzzy matching)."""
        got = self._skel_cache.get(skel)
        if got is None:
            got = self._rows("SELECT key, light, pid, main FROM name WHERE skel = ?", (skel,))
            if len(self._skel_cache) > 5000:
                self._skel_cache.clear()
            self._skel_cache[skel] = got
        return got

    def admin1_units(self) -> dict[str, list[Place]]:
        """All admin1 places by country."""
        if self._admin1_cache is None:
            out: dict[str, list[Place]] = {}
            for cols in self._rows(f"SELECT {PLACE_COLS} FROM place WHERE feature = 'admin1'"):
                p = Place(*cols)
                out.setdefault(p.country or "", []).append(p)
            self._admin1_cache = out
        return self._admin1_cache

    def admin1_place(self, country: str, admin1: str) -> Place | None:
        from reckon.geo.normalize import same_admin1

        for p in self.admin1_units().get(country, []):
            if p.admin1 == admin1 or same_admin1(p.admin1, admin1):
                return p
        return None

    def country_place(self, iso: str) -> Place | None:
        rows = self._rows("SELECT pid FROM country WHERE iso = ?", (iso,))
        if not rows or rows[0][0] is None:
            return None
        return self.place(rows[0][0])

    def countries(self) -> list[tuple[str, str]]:
        """(iso, name) of every country."""
        return self._rows("SELECT iso, name FROM country ORDER BY iso")

    def country_name(self, iso: str | None) -> str | None:
        if not iso:
            return None
        return _country_names(self).get(iso)

    def stats(self) -> dict[str, int]:
        out = {}
        for feature, n in self._rows("SELECT feature, count(*) FROM place GROUP BY feature"):
            out[f"places.{feature}"] = n
        for source, n in self._rows("SELECT source, count(*) FROM place GROUP BY source"):
            out[f"source.{source}"] = n
        out["names"] = self._rows("SELECT count(*) FROM name")[0][0]
        return out


def _country_names(gaz: Gazetteer) -> dict[str, str]:
    cached = getattr(gaz, "_country_names", None)
    if cached is None:
        cached = dict(gaz.countries())
        gaz._country_names = cached  # type: ignore[attr-defined]
    return cached
