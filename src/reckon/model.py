"""reckon's data model: plain dataclasses, no I/O.

Offsets: every ``Span`` is a pair of character offsets into the *cleaned* text of a report
(``Report.text``), which is the one owner of offsets for extraction. ``Removed`` records point
into the decoded raw text (``Report.raw_text``) so that what cleaning dropped can be shown where
it stood. The raw bytes are kept untouched in ``Report.raw``.

Pipeline: ingest -> clean -> extract -> geocode -> link -> store -> serve/export.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# ACLED taxonomy: 6 event types, 25 sub-event types.
ACLED_TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

# ACLED actor types with their inter codes.
ACTOR_TYPES: dict[str, int] = {
    "State forces": 1,
    "Rebel group": 2,
    "Political militia": 3,
    "Identity militia": 4,
    "Rioters": 5,
    "Protesters": 6,
    "Civilians": 7,
    "External/Other forces": 8,
}

ROLES = ("perpetrator", "target", "party")
COUNT_KINDS = ("killed", "injured", "abducted", "arrested")
REACTION_KINDS = ("statement", "condemnation", "investigation", "announcement", "demand")


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets ``[start, end)`` into a report's cleaned text, with the text itself."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def valid_in(self, text: str) -> bool:
        return 0 <= self.start <= self.end <= len(text) and text[self.start : self.end] == self.text


@dataclass(slots=True)
class Evidence:
    """One piece of evidence for one field of an extracted record."""

    field: str
    text: str
    start: int
    end: int

    @classmethod
    def from_span(cls, field_name: str, span: Span) -> Evidence:
        return cls(field_name, span.text, span.start, span.end)


@dataclass(slots=True)
class Removed:
    """Something cleaning removed from the raw text, and why."""

    kind: str  # "repeated_headline" | "repeated_paragraph" | "boilerplate" | "headline"
    text: str
    raw_start: int  # offsets into Report.raw_text (the decoded raw report)
    raw_end: int
    duplicate_of: int | None = None  # raw_start of the first copy, for repeats


@dataclass(slots=True)
class Report:
    """One report as received and as cleaned."""

    id: str
    raw: bytes  # byte-for-byte as received
    raw_text: str  # raw decoded (no other change)
    text: str  # cleaned text: the one owner of extraction offsets
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD, or None when unknown
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # path or stream the report was read from
    media_type: str = "text/plain"
    content_hash: str = ""
    encoding: str | None = None
    paragraphs: list[Span] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Count:
    """A count (killed, injured, abducted, arrested) as low / best / high, with its wording."""

    low: int | None
    best: int | None
    high: int | None
    qualifier: str = "exact"  # exact | at_least | about | at_most | range | vague | none
    span: Span | None = None

    def as_dict(self) -> dict[str, int | None]:
        return {"low": self.low, "best": self.best, "high": self.high}


@dataclass(slots=True)
class DateInterval:
    start: str | None  # ISO date
    end: str | None
    span: Span | None = None
    resolved: bool = True  # False when a relative expression had no anchor
    note: str | None = None  # e.g. "relative to publication date", "no publication date"

    def as_dict(self) -> dict[str, str | None]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Location:
    name: str
    span: Span | None = None
    country: str | None = None
    iso: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None  # 1 town, 2 near town / district, 3 province or larger
    geonameid: int | None = None
    resolved: bool = False
    feature: str | None = None  # e.g. "city", "admin1", "country"

    def as_dict(self) -> dict[str, Any]:
        d = {
            "name": self.name,
            "country": self.country,
            "iso": self.iso,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "geonameid": self.geonameid,
            "resolved": self.resolved,
        }
        return d


@dataclass(slots=True)
class Actor:
    text: str
    role: str  # perpetrator | target | party
    type: str | None  # one of ACTOR_TYPES
    span: Span | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "role": self.role, "type": self.type}


@dataclass(slots=True)
class Mention:
    """An incident as one report tells it (the unit extraction produces)."""

    event_type: str
    sub_event_type: str
    date: DateInterval | None = None
    location: Location | None = None
    actors: list[Actor] = field(default_factory=list)
    fatalities: Count | None = None
    injured: Count | None = None
    abducted: Count | None = None
    arrested: Count | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    report_id: str | None = None

    def counts(self) -> dict[str, Count | None]:
        return {
            "killed": self.fatalities,
            "injured": self.injured,
            "abducted": self.abducted,
            "arrested": self.arrested,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "date": self.date.as_dict() if self.date else None,
            "location": self.location.as_dict() if self.location else None,
            "actors": [a.as_dict() for a in self.actors],
            "fatalities": self.fatalities.as_dict() if self.fatalities else None,
            "injured": self.injured.as_dict() if self.injured else None,
            "abducted": self.abducted.as_dict() if self.abducted else None,
            "arrested": self.arrested.as_dict() if self.arrested else None,
            "confidence": round(self.confidence, 3),
            "evidence": [asdict(e) for e in self.evidence],
        }


@dataclass(slots=True)
class Toll:
    """A figure that sums many incidents over a period or region: never an incident."""

    kind: str  # killed | injured | abducted | arrested | displaced
    count: Count
    scope: str = "cumulative"
    period: DateInterval | None = None
    area: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    report_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "low": self.count.low,
            "best": self.count.best,
            "high": self.count.high,
            "scope": self.scope,
            "period": self.period.as_dict() if self.period else None,
            "area": self.area,
            "confidence": round(self.confidence, 3),
            "evidence": [asdict(e) for e in self.evidence],
        }


@dataclass(slots=True)
class Reaction:
    """A statement, condemnation, investigation or announcement: not a violent event."""

    kind: str  # one of REACTION_KINDS
    actor: str | None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    report_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "actor": self.actor,
            "confidence": round(self.confidence, 3),
            "evidence": [asdict(e) for e in self.evidence],
        }


@dataclass(slots=True)
class Extraction:
    """What extraction (and geocoding) read from one report."""

    report: Report
    incidents: list[Mention] = field(default_factory=list)
    tolls: list[Toll] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    places: list[Location] = field(default_factory=list)  # every toponym mention in the report
    notes: list[str] = field(
        default_factory=list
    )  # e.g. "no publication date: relative dates unresolved"

    def as_dict(self) -> dict[str, Any]:
        r = self.report
        return {
            "id": r.id,
            "report": {
                "title": r.title,
                "published": r.published,
                "source": r.source,
                "text": r.text,
                "removed": [asdict(x) for x in r.removed],
            },
            "incidents": [m.as_dict() for m in self.incidents],
            "tolls": [t.as_dict() for t in self.tolls],
            "reactions": [x.as_dict() for x in self.reactions],
            "places": [
                {
                    **p.as_dict(),
                    "start": p.span.start if p.span else None,
                    "end": p.span.end if p.span else None,
                }
                for p in self.places
            ],
            "notes": list(self.notes),
        }


@dataclass(slots=True)
class Incident:
    """The happening, linked from all the mentions that tell it (filled by the link stage)."""

    id: str
    event_type: str
    sub_event_type: str
    mentions: list[Mention] = field(default_factory=list)
    date: DateInterval | None = None
    location: Location | None = None
    actors: list[Actor] = field(default_factory=list)
    fatalities: Count | None = None
    injured: Count | None = None
    abducted: Count | None = None
    arrested: Count | None = None
    sources: int = 0
    independent_sources: int = 0
    provenance: dict[str, Any] = field(default_factory=dict)  # which claims each figure came from
