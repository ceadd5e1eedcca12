"""Linking's records: constants, report metadata, mention records, copies, overrides, pair scores."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reckon.link.places import location_keys, text_place_keys
from reckon.model import Extraction, Mention, Report, Span

RULE_VERSION = "ucdp-1"
LINK_VERSION = "link-4"
LINK_THRESHOLD = 0.70
COPY_THRESHOLD = 0.7  # a short report with two or three words changed is still a copy
NUM_PERM = 128
SHINGLE = 5
WEIGHTS = {"type": 0.25, "place": 0.30, "time": 0.20, "actors": 0.10, "figures": 0.15}
COPY_BONUS = 0.15
FALLBACK_DAYS = 7
VAGUE_DAYS = 7
COUNT_FIELDS = {
    "killed": "fatalities",
    "injured": "injured",
    "abducted": "abducted",
    "arrested": "arrested",
}

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
UPDATE_RE = re.compile(
    r"\b(rose|risen|rises|rising|climbed|climbs|increased|jumped|revised|updated|succumbed|"
    r"has now|now stands|later died|died of (?:their|his|her) (?:wounds|injuries))\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------------------------
# records


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """What linking needs to know about a report (no text beyond its copy signature)."""

    id: str
    published: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    content_hash: str = ""

    @classmethod
    def of(cls, report: Report) -> ReportMeta:
        return cls(
            report.id,
            report.published,
            report.source,
            report.title,
            report.url,
            report.content_hash,
        )


@dataclass(slots=True)
class MentionRecord:
    """One mention with its report's metadata and its stable key ``report_id#index``."""

    key: str
    report: ReportMeta
    index: int
    mention: Mention
    updates: dict[str, bool] = field(default_factory=dict)  # count kind -> update wording
    context: frozenset[str] = frozenset()  # place keys of capitalised phrases in the report


@dataclass(frozen=True, slots=True)
class Copy:
    report_id: str
    copy_of: str  # the root original
    similarity: float


@dataclass(frozen=True, slots=True)
class Override:
    """A user's decision that survives relinking: ``merge`` (must link) or ``split``."""

    kind: str  # "merge" | "split"
    groups: tuple[tuple[str, ...], ...]  # merge: one group; split: (moved, rest)


@dataclass(slots=True)
class PairScore:
    a: str
    b: str
    factors: dict[str, float]
    total: float
    veto: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "with": self.b,
            "factors": {k: round(v, 3) for k, v in self.factors.items()},
            "total": round(self.total, 3),
            "veto": self.veto,
        }


def mention_key(report_id: str, index: int) -> str:
    return f"{report_id}#{index}"


def sort_key(meta: ReportMeta) -> tuple[str, str]:
    return (meta.published or "9999-99-99", meta.id)


def records_from_extraction(extraction: Extraction) -> list[MentionRecord]:
    """The mentions of one extraction as records, with update wording read around each count.

    Each record's context holds the place names of the report's text, less the places of the
    report's other mentions (a report of a blast in Jableh and another in Banias names Jableh,
    but not as the place of its Banias blast)."""
    meta = ReportMeta.of(extraction.report)
    text = extraction.report.text or ""
    context = frozenset(text_place_keys(text))
    own = [location_keys(m.location) if m.location else frozenset() for m in extraction.incidents]
    out = []
    for i, m in enumerate(extraction.incidents):
        updates = {}
        for kind, count in m.counts().items():
            if count is not None:
                updates[kind] = is_update(text, count.span)
        others = frozenset().union(*(k for j, k in enumerate(own) if j != i)) - own[i]
        out.append(MentionRecord(mention_key(meta.id, i), meta, i, m, updates, context - others))
    return out


def is_update(text: str, span: Span | None) -> bool:
    """Whether the wording just before (or at) a count says the figure is an update."""
    if span is None or not text:
        return False
    lo = max(0, span.start - 80)
    sentence_start = max(text.rfind(".", lo, span.start), text.rfind("\n", lo, span.start))
    window = text[max(lo, sentence_start + 1) : min(len(text), span.end + 20)]
    return bool(UPDATE_RE.search(window))
