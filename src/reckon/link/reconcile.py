"""Reconciliation of figures (rule ``ucdp-1``): claims, latest per source, best / low / high."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from reckon.link.places import _norm_text
from reckon.link.records import COUNT_FIELDS, RULE_VERSION, Copy, MentionRecord
from reckon.model import Count


@dataclass(slots=True)
class Claim:
    kind: str
    mention: str
    report_id: str
    source: str | None
    published: str | None
    low: int | None
    best: int | None
    high: int | None
    qualifier: str
    span: dict[str, Any] | None
    update: bool = False

    def voice(self) -> str:
        return _norm_text(self.source) if self.source else f"report:{self.report_id}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def claims_of(records: Sequence[MentionRecord], kind: str) -> list[Claim]:
    attr = COUNT_FIELDS[kind]
    out = []
    for r in records:
        c: Count | None = getattr(r.mention, attr)
        if c is None or (c.low is None and c.best is None and c.high is None):
            continue
        span = {"start": c.span.start, "end": c.span.end, "text": c.span.text} if c.span else None
        out.append(
            Claim(
                kind,
                r.key,
                r.report.id,
                r.report.source,
                r.report.published,
                c.low,
                c.best,
                c.high,
                c.qualifier,
                span,
                bool(r.updates.get(kind)),
            )
        )
    out.sort(key=lambda c: (c.published or "", c.report_id, c.mention))
    return out


def _best_of(c: Claim) -> int:
    for v in (c.best, c.low, c.high):
        if v is not None:
            return v
    return 0


def _voices(claims: Sequence[Claim], copies: dict[str, Copy]) -> dict[str, str]:
    """Claim -> independent voice: claims of one outlet, or of a report and its copies, are one."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for c in claims:
        root = copies[c.report_id].copy_of if c.report_id in copies else c.report_id
        union("m:" + c.mention, "r:" + root)
        union("m:" + c.mention, "v:" + c.voice())
    return {c.mention: find("m:" + c.mention) for c in claims}


def reconcile(
    claims: Sequence[Claim], copies: dict[str, Copy] | None = None
) -> dict[str, Any] | None:
    """Low / best / high of one count kind from its claims, by rule ``ucdp-1`` (module doc)."""
    if not claims:
        return None
    copies = copies or {}
    notes: dict[str, str] = {}
    # b. latest claim per voice
    latest: dict[str, Claim] = {}
    for c in claims:
        v = c.voice()
        prev = latest.get(v)
        rank = (c.published or "", c.update, _best_of(c), c.report_id, c.mention)
        if prev is None:
            latest[v] = c
            continue
        prank = (prev.published or "", prev.update, _best_of(prev), prev.report_id, prev.mention)
        if rank > prank:
            notes[prev.mention] = f"superseded by a later claim from the same source ({c.mention})"
            latest[v] = c
        else:
            notes[c.mention] = f"superseded by a later claim from the same source ({prev.mention})"
    kept = sorted(latest.values(), key=lambda c: (c.published or "", c.report_id, c.mention))
    # c. overtaken lower bounds and updates from other sources
    retained = []
    for c in kept:
        overtaken = None
        for o in kept:
            if o is c or _best_of(o) <= _best_of(c):
                continue
            if c.high is None and c.low is not None:
                overtaken = (
                    f"open-ended figure consistent with the higher {o.mention} ({_best_of(o)})"
                )
                break
            if o.update and (o.published or "") >= (c.published or ""):
                overtaken = f"earlier figure updated by {o.mention} ({_best_of(o)})"
                break
        if overtaken:
            notes[c.mention] = overtaken
        else:
            retained.append(c)
    if not retained:
        retained = kept
    # d. best = most voices, ties -> lower; voices count copies once
    voice_of = _voices(retained, copies)
    support: dict[int, set[str]] = defaultdict(set)
    for c in retained:
        support[_best_of(c)].add(voice_of[c.mention])
    best = min(support, key=lambda v: (-len(support[v]), v))
    lows = [c.low for c in retained if c.low is not None]
    low = min(lows) if lows else best
    low = min(low, best)
    highs = [c.high for c in retained if c.high is not None]
    high: int | None = max(highs) if highs else None
    if high is not None:
        open_above = [_best_of(c) for c in retained if c.high is None]
        if any(v > high for v in open_above) or high < best:
            high = None
    chosen = [c.mention for c in retained if _best_of(c) == best]
    return {
        "low": low,
        "best": best,
        "high": high,
        "rule": RULE_VERSION,
        "explanation": (
            f"best {best}: backed by {len(support[best])} independent source(s) among the "
            f"latest claims ({', '.join(chosen)}); low = lowest retained low, high = highest "
            "retained high (unbounded when a retained claim is open-ended above it)"
        ),
        "retained": [c.mention for c in retained],
        "set_aside": dict(sorted(notes.items())),
        "claims": [c.as_dict() for c in claims],
    }
