"""Incidents from groups of mentions: type, date, place, actors, figures and provenance."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from reckon.link.copies import independent_groups
from reckon.link.factors import _iso
from reckon.link.places import toponym_key
from reckon.link.reconcile import claims_of, reconcile
from reckon.link.records import (
    COUNT_FIELDS,
    LINK_VERSION,
    RULE_VERSION,
    Copy,
    MentionRecord,
    sort_key,
)
from reckon.model import Actor, Count, DateInterval, Incident, Location


def incident_id(keys: Iterable[str]) -> str:
    h = hashlib.sha256("\n".join(sorted(keys)).encode("utf-8")).hexdigest()
    return "inc-" + h[:16]


def _pick_type(recs: Sequence[MentionRecord]) -> tuple[str, str]:
    votes: Counter[tuple[str, str]] = Counter()
    weight: dict[tuple[str, str], float] = defaultdict(float)
    for r in recs:
        t = (r.mention.event_type, r.mention.sub_event_type)
        votes[t] += 1
        weight[t] += r.mention.confidence
    return min(votes, key=lambda t: (-votes[t], -round(weight[t], 6), t))


def _pick_date(recs: Sequence[MentionRecord]) -> DateInterval | None:
    cands: Counter[tuple[str, str]] = Counter()
    for r in recs:
        d = r.mention.date
        if d is not None and d.resolved and (d.start or d.end):
            cands[(d.start or d.end, d.end or d.start)] += 1  # type: ignore[index]
    if not cands:
        return None

    def width(t: tuple[str, str]) -> int:
        s, e = _iso(t[0]), _iso(t[1])
        return (e - s).days if s and e else 9999

    s, e = min(cands, key=lambda t: (-cands[t], width(t), t))
    # prefer the narrowest interval that all others contain, when there is one
    narrow = sorted(cands, key=lambda t: (width(t), -cands[t], t))[0]
    if width(narrow) < width((s, e)) and all(
        t[0] <= narrow[0] and narrow[1] <= t[1] for t in cands
    ):
        s, e = narrow
    return DateInterval(s, e, None, True, "reconciled from member mentions")


def _pick_location(recs: Sequence[MentionRecord]) -> Location | None:
    locs = [r.mention.location for r in recs if r.mention.location is not None]
    if not locs:
        return None
    names = Counter(toponym_key(loc.name) for loc in locs)

    def rank(loc: Location) -> tuple[Any, ...]:
        return (
            0 if loc.resolved or loc.lat is not None else 1,
            loc.precision or 9,
            -names[toponym_key(loc.name)],
            loc.name,
        )

    return min(locs, key=rank)


def _merge_actors(recs: Sequence[MentionRecord]) -> list[Actor]:
    seen: dict[tuple[str, str | None], Actor] = {}
    for r in recs:
        for a in r.mention.actors:
            k = (a.role, a.type)
            if k not in seen or len(a.text) > len(seen[k].text):
                seen[k] = a
    order = {"perpetrator": 0, "party": 1, "target": 2}
    return sorted(seen.values(), key=lambda a: (order.get(a.role, 3), a.type or "", a.text))


def build_incident(
    recs: Sequence[MentionRecord],
    copies: dict[str, Copy],
    explanations: dict[str, dict[str, Any]] | None = None,
) -> Incident:
    recs = sorted(recs, key=lambda r: (*sort_key(r.report), r.index))
    explanations = explanations or {}
    keys = [r.key for r in recs]
    et, st = _pick_type(recs)
    metas = {r.report.id: r.report for r in recs}
    figures: dict[str, Any] = {}
    counts: dict[str, Count | None] = {}
    for kind in COUNT_FIELDS:
        fig = reconcile(claims_of(recs, kind), copies)
        figures[kind] = fig
        counts[kind] = (
            Count(fig["low"], fig["best"], fig["high"], "reconciled") if fig is not None else None
        )
    inc = Incident(
        id=incident_id(keys),
        event_type=et,
        sub_event_type=st,
        mentions=[r.mention for r in recs],
        date=_pick_date(recs),
        location=_pick_location(recs),
        actors=_merge_actors(recs),
        fatalities=counts["killed"],
        injured=counts["injured"],
        abducted=counts["abducted"],
        arrested=counts["arrested"],
        sources=len(metas),
        independent_sources=independent_groups(metas.values(), copies),
    )
    inc.provenance = {
        "rule": RULE_VERSION,
        "link_version": LINK_VERSION,
        "members": [
            {
                "mention": r.key,
                "report_id": r.report.id,
                "published": r.report.published,
                "source": r.report.source,
                "explanation": explanations.get(r.key, {}),
            }
            for r in recs
        ],
        "reports": [asdict(m) for m in sorted(metas.values(), key=sort_key)],
        "copies": {rid: asdict(copies[rid]) for rid in sorted(metas) if rid in copies},
        "figures": figures,
    }
    return inc


def incident_sort_key(inc: Incident) -> tuple[str, str]:
    return ((inc.date.start or "") if inc.date else "", inc.id)
