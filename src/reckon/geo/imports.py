"""Import GeoNames dumps and local additions into a gazetteer index.

Accepted inputs (detected by file name, then by column count):

- GeoNames main dumps: ``XX.txt`` (one country), ``allCountries.txt``, ``cities*.txt`` and their
  ``.zip`` archives (19 tab-separated columns). Places of feature classes P (populated places),
  A (admin units) and S (spots: dams, camps, airports...) are imported by default.
- ``admin1CodesASCII.txt`` (``CC.code  name  asciiname  geonameid``): names admin1 codes. Curated
  English names (e.g. Damascus for SY.13) are kept; codes without a name get one.
- ``admin2Codes.txt`` (``CC.a1.a2  name  asciiname  geonameid``): names admin2 codes.
- ``alternateNamesV2.txt`` / ``alternateNames.txt`` (or their zip): extra names for places
  already in the index (links, codes and non-Latin scripts are skipped).
- Local additions CSV (header row required), columns: ``name, alternate_names`` (``|``-separated),
  ``lat, lon, country`` (ISO alpha-2 code or English name), ``admin1`` (name or GeoNames code),
  ``admin2, feature_type`` (``village``, ``town``, ``city``, ``camp``, ``neighbourhood``, ...).

Precedence: an imported place replaces a default place with the same geonameid; otherwise it is
added beside it. When a name matches both, the resolver prefers the imported place (``prio`` 1
for GeoNames dumps, 2 for local additions) unless the context clearly points elsewhere.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reckon.geo.build import admin1_variants, good_alternate, name_rows, usable_names
from reckon.geo.normalize import name_key, same_admin1
from reckon.geo.store import INDEXES, SCHEMA, GazetteerError

DEFAULT_CLASSES = frozenset("PAS")
_ADMIN_FCODES = {"ADM1": "admin1", "ADM1H": "admin1", "ADM2": "admin2", "ADM2H": "admin2"}
_SKIP_LANGS = frozenset({"link", "post", "iata", "icao", "faac", "fr_1793", "abbr", "wkdt", "unlc"})
CSV_COLUMNS = (
    "name",
    "alternate_names",
    "lat",
    "lon",
    "country",
    "admin1",
    "admin2",
    "feature_type",
)


@dataclass(slots=True)
class ImportResult:
    path: str
    kind: str
    added: int = 0
    updated: int = 0
    skipped: int = 0


@contextmanager
def _open_text(path: Path) -> Iterator[io.TextIOBase]:
    if not path.exists():
        raise GazetteerError(f"no such file: {path}")
    if path.suffix.lower() == ".zip":
        try:
            zf = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            raise GazetteerError(f"not a zip archive: {path}") from exc
        with zf:
            members = [m for m in zf.namelist() if m.endswith(".txt") and "readme" not in m.lower()]
            want = path.stem + ".txt"
            member = want if want in members else (members[0] if members else None)
            if member is None:
                raise GazetteerError(f"no .txt file inside {path}")
            with zf.open(member) as raw:
                yield io.TextIOWrapper(raw, encoding="utf-8", newline="")
    else:
        with path.open(encoding="utf-8", newline="") as fh:
            yield fh


def detect_kind(path: Path) -> str:
    """geonames | admin1 | admin2 | altnames | csv (by file name, else by content)."""
    n = path.name.lower()
    if n.endswith(".csv"):
        return "csv"
    if n.startswith("admin1codes"):
        return "admin1"
    if n.startswith("admin2codes"):
        return "admin2"
    if n.startswith("alternatenames"):
        return "altnames"
    with _open_text(path) as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) >= 19:
                return "geonames"
            if len(cols) == 4 and cols[0].count(".") == 1:
                return "admin1"
            if len(cols) == 4 and cols[0].count(".") == 2:
                return "admin2"
            if len(cols) >= 4 and cols[0].isdigit() and cols[1].isdigit():
                return "altnames"
            break
    raise GazetteerError(
        f"unrecognised gazetteer file: {path} (expected a GeoNames dump, admin1CodesASCII.txt, "
        f"admin2Codes.txt, alternateNamesV2.txt or a CSV with columns {', '.join(CSV_COLUMNS)})"
    )


@lru_cache(maxsize=1)
def _packaged_country_keys() -> dict[str, str]:
    """Country name keys from the packaged countries file and the curated aliases."""
    import json

    from reckon.geo import sources
    from reckon.geo.names import COUNTRY_ALIASES, COUNTRY_DISPLAY

    out: dict[str, str] = {}
    try:
        data = json.loads(sources.countries_file().read_text(encoding="utf-8"))
    except (OSError, ValueError, GazetteerError):
        data = {}
    for iso, c in data.items():
        out[name_key(c.get("name", ""))] = iso
    for table in (COUNTRY_ALIASES, {k: (v,) for k, v in COUNTRY_DISPLAY.items()}):
        for iso, names in table.items():
            for n in names:
                out[name_key(n)] = iso
    out.pop("", None)
    return out


class Importer:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.executescript(SCHEMA + INDEXES)
        self._next = (conn.execute("SELECT max(pid) FROM place").fetchone()[0] or 0) + 1
        self._admin1 = {
            (c, k): n for c, k, n in conn.execute("SELECT country, code, name FROM admin1")
        }
        self._admin2 = {
            (c, a, k): n
            for c, a, k, n in conn.execute("SELECT country, admin1_code, code, name FROM admin2")
        }

    # -- helpers ---------------------------------------------------------------------------
    def _pid(self) -> int:
        pid = self._next
        self._next += 1
        return pid

    def _delete_gid(self, gid: int) -> int:
        rows = self.conn.execute("SELECT pid FROM place WHERE geonameid = ?", (gid,)).fetchall()
        for (pid,) in rows:
            self.conn.execute("DELETE FROM name WHERE pid = ?", (pid,))
            self.conn.execute("DELETE FROM place WHERE pid = ?", (pid,))
        return len(rows)

    def _insert(self, row: tuple, names: list[str]) -> None:
        self.conn.execute(f"INSERT INTO place VALUES ({','.join('?' * 15)})", row)
        self.conn.executemany("INSERT INTO name VALUES (?,?,?,?,?)", name_rows(row[0], names))

    def _country_iso(self, value: str) -> str | None:
        v = value.strip()
        if len(v) == 2 and v.isalpha():
            return v.upper()
        key = name_key(v)
        for (pid,) in self.conn.execute("SELECT pid FROM name WHERE key = ?", (key,)):
            row = self.conn.execute(
                "SELECT country FROM place WHERE pid = ? AND feature = 'country'", (pid,)
            ).fetchone()
            if row:
                return row[0]
        return _packaged_country_keys().get(key)

    # -- GeoNames main dump ---------------------------------------------------------------
    def geonames(self, path: Path, classes: frozenset[str] = DEFAULT_CLASSES) -> ImportResult:
        res = ImportResult(str(path), "geonames")
        with _open_text(path) as fh:
            for lineno, line in enumerate(fh, 1):
                cols = line.rstrip("\r\n").split("\t")
                if len(cols) < 19:
                    if line.strip():
                        res.skipped += 1
                    continue
                fclass, fcode = cols[6], cols[7]
                if classes and fclass not in classes:
                    res.skipped += 1
                    continue
                try:
                    gid = int(cols[0])
                    lat, lon = float(cols[4]), float(cols[5])
                    pop = int(cols[14] or 0)
                except ValueError as exc:
                    raise GazetteerError(f"{path}:{lineno}: bad number ({exc})") from exc
                name, cc, a1c, a2c = cols[1], cols[8], cols[10], cols[11]
                feature = _ADMIN_FCODES.get(fcode) or ("city" if fclass == "P" else "other")
                if fclass == "A" and feature not in ("admin1", "admin2"):
                    res.skipped += 1
                    continue
                a1 = self._admin1.get((cc, a1c))
                a2 = self._admin2.get((cc, a1c, a2c))
                if feature == "admin1":
                    a1 = a1 or name
                    if (cc, a1c) not in self._admin1:
                        self._set_admin1(cc, a1c, name)
                        a1 = name
                if feature == "admin2":
                    a2 = a2 or name
                if self._delete_gid(gid):
                    res.updated += 1
                else:
                    res.added += 1
                alts = [cols[2], *cols[3].split(",")] if cols[3] else [cols[2]]
                names = usable_names(name, alts)
                if feature == "admin1":
                    names += [v for n in names for v in admin1_variants(n)[1:]]
                    # an imported admin1 feature supersedes the default one for the same code
                    self.conn.execute(
                        "DELETE FROM name WHERE pid IN (SELECT pid FROM place WHERE country = ? "
                        "AND admin1_code = ? AND feature = 'admin1' AND source = 'default')",
                        (cc, a1c),
                    )
                    self.conn.execute(
                        "DELETE FROM place WHERE country = ? AND admin1_code = ? "
                        "AND feature = 'admin1' AND source = 'default'",
                        (cc, a1c),
                    )
                self._insert(
                    (self._pid(), gid, name, cc, a1c, a1, a2c, a2, lat, lon, pop, feature,
                     fcode, "geonames", 1),
                    names,
                )  # fmt: skip
        return res

    def _set_admin1(self, cc: str, code: str, name: str, gid: int | None = None) -> bool:
        curated = self.conn.execute(
            "SELECT curated FROM admin1 WHERE country = ? AND code = ?", (cc, code)
        ).fetchone()
        if curated and curated[0]:
            return False
        self.conn.execute(
            "INSERT OR REPLACE INTO admin1 (country, code, name, pid, curated) VALUES (?,?,?,?,0)",
            (cc, code, name, None),
        )
        self._admin1[(cc, code)] = name
        self.conn.execute(
            "UPDATE place SET admin1 = ? WHERE country = ? AND admin1_code = ?", (name, cc, code)
        )
        return True

    # -- admin codes ---------------------------------------------------------------------
    def admin1_codes(self, path: Path) -> ImportResult:
        res = ImportResult(str(path), "admin1")
        with _open_text(path) as fh:
            for line in fh:
                cols = line.rstrip("\r\n").split("\t")
                if len(cols) < 2 or "." not in cols[0]:
                    res.skipped += int(bool(line.strip()))
                    continue
                cc, code = cols[0].split(".", 1)
                if self._set_admin1(cc, code, cols[1]):
                    res.updated += 1
                else:
                    res.skipped += 1
        return res

    def admin2_codes(self, path: Path) -> ImportResult:
        res = ImportResult(str(path), "admin2")
        with _open_text(path) as fh:
            for line in fh:
                cols = line.rstrip("\r\n").split("\t")
                parts = cols[0].split(".")
                if len(cols) < 2 or len(parts) != 3:
                    res.skipped += int(bool(line.strip()))
                    continue
                cc, a1, a2 = parts
                self.conn.execute(
                    "INSERT OR REPLACE INTO admin2 VALUES (?,?,?,?)", (cc, a1, a2, cols[1])
                )
                self._admin2[(cc, a1, a2)] = cols[1]
                self.conn.execute(
                    "UPDATE place SET admin2 = ? WHERE country = ? AND admin1_code = ? "
                    "AND admin2_code = ?",
                    (cols[1], cc, a1, a2),
                )
                res.added += 1
        return res

    # -- alternate names -------------------------------------------------------------------
    def altnames(self, path: Path) -> ImportResult:
        res = ImportResult(str(path), "altnames")
        with _open_text(path) as fh:
            for line in fh:
                cols = line.rstrip("\r\n").split("\t")
                if len(cols) < 4 or not cols[1].isdigit():
                    res.skipped += int(bool(line.strip()))
                    continue
                if cols[2] in _SKIP_LANGS or not good_alternate(cols[3].strip()):
                    res.skipped += 1
                    continue
                pids = self.conn.execute(
                    "SELECT pid FROM place WHERE geonameid = ?", (int(cols[1]),)
                ).fetchall()
                if not pids:
                    res.skipped += 1
                    continue
                for (pid,) in pids:
                    for row in name_rows(pid, [cols[3].strip()]):
                        known = self.conn.execute(
                            "SELECT 1 FROM name WHERE pid = ? AND key = ? AND light = ?",
                            (pid, row[0], row[1]),
                        ).fetchone()
                        if not known:
                            self.conn.execute("INSERT INTO name VALUES (?,?,?,?,0)", (*row[:4],))
                            res.added += 1
        return res

    # -- local additions CSV ---------------------------------------------------------------
    def local_csv(self, path: Path) -> ImportResult:
        res = ImportResult(str(path), "csv")
        with _open_text(path) as fh:
            reader = csv.DictReader(fh)
            header = [h.strip().lower() for h in (reader.fieldnames or [])]
            missing = [c for c in ("name", "lat", "lon", "country") if c not in header]
            if missing:
                raise GazetteerError(
                    f"{path}: missing column(s) {', '.join(missing)}; expected "
                    f"{', '.join(CSV_COLUMNS)}"
                )
            for lineno, raw in enumerate(reader, 2):
                row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
                if not row.get("name"):
                    res.skipped += 1
                    continue
                try:
                    lat, lon = float(row["lat"]), float(row["lon"])
                except ValueError as exc:
                    raise GazetteerError(f"{path}:{lineno}: bad lat/lon ({exc})") from exc
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise GazetteerError(f"{path}:{lineno}: lat/lon out of range")
                iso = self._country_iso(row["country"])
                if iso is None:
                    raise GazetteerError(f"{path}:{lineno}: unknown country {row['country']!r}")
                a1_code, a1 = self._admin1_of(iso, row.get("admin1", ""))
                ftype = (row.get("feature_type") or "village").lower()
                feature = {"admin1": "admin1", "admin2": "admin2", "country": "country"}.get(
                    ftype, "city" if ftype in ("village", "town", "city", "hamlet") else "other"
                )
                alts = [a for a in (row.get("alternate_names") or "").split("|") if a.strip()]
                self._insert(
                    (self._pid(), None, row["name"], iso, a1_code, a1, None,
                     row.get("admin2") or None, lat, lon, 0, feature, ftype, "local", 2),
                    usable_names(row["name"], alts),
                )  # fmt: skip
                res.added += 1
        return res

    def _admin1_of(self, iso: str, value: str) -> tuple[str | None, str | None]:
        if not value:
            return None, None
        if (iso, value) in self._admin1:
            return value, self._admin1[(iso, value)]
        for (c, code), name in self._admin1.items():
            if c == iso and same_admin1(name, value):
                return code, name
        return None, value


def import_files(
    index: Path, paths: list[Path], *, classes: frozenset[str] = DEFAULT_CLASSES
) -> list[ImportResult]:
    """Import files into the index at ``index`` (created when missing). Admin code files are
    applied first, then dumps, then alternate names, then local CSVs."""
    order = {"admin1": 0, "admin2": 1, "geonames": 2, "altnames": 3, "csv": 4}
    kinds = [(order[k], str(p), p, k) for p in paths for k in [detect_kind(p)]]
    conn = sqlite3.connect(str(index))
    try:
        imp = Importer(conn)
        out = []
        for _o, _s, p, kind in sorted(kinds):
            if kind == "geonames":
                out.append(imp.geonames(p, classes))
            elif kind == "admin1":
                out.append(imp.admin1_codes(p))
            elif kind == "admin2":
                out.append(imp.admin2_codes(p))
            elif kind == "altnames":
                out.append(imp.altnames(p))
            else:
                out.append(imp.local_csv(p))
        conn.execute(
            "INSERT OR REPLACE INTO meta VALUES ('imports', coalesce((SELECT v FROM meta WHERE "
            "k = 'imports') || '\n', '') || ?)",
            ("\n".join(r.path for r in out),),
        )
        conn.commit()
        return out
    except sqlite3.DatabaseError as exc:
        conn.rollback()
        raise GazetteerError(f"cannot write the gazetteer index {index}: {exc}") from exc
    finally:
        conn.close()
