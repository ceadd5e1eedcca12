"""Pair scoring: the type, place, time and actor factors of two mentions and their total."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from rapidfuzz import fuzz

from reckon.link.places import _norm_text, grounded, place_keys, place_score
from reckon.link.records import (
    COPY_BONUS,
    FALLBACK_DAYS,
    VAGUE_DAYS,
    VIOLENT,
    WEIGHTS,
    Copy,
    MentionRecord,
    PairScore,
)
from reckon.model import Actor, Mention


def type_score(a: Mention, b: Mention) -> tuple[float, str | None]:
    if a.event_type == b.event_type:
        return (1.0 if a.sub_event_type == b.sub_event_type else 0.75), None
    pair = {a.event_type, b.event_type}
    if "Strategic developments" in pair:
        return 0.0, "strategic development vs other event type"
    if pair <= set(VIOLENT):
        return 0.2, None
    if pair == {"Protests", "Riots"}:
        return 0.6, None
    return 0.3, None


def _iso(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def effective_interval(rec: MentionRecord) -> tuple[date, date, str] | None:
    """The mention's date interval, or the week before publication, or None."""
    d = rec.mention.date
    if d is not None and d.resolved:
        s, e = _iso(d.start), _iso(d.end)
        if s or e:
            s = s or e
            e = e or s
            if e < s:  # type: ignore[operator]
                s, e = e, s
            return s, e, "text"  # type: ignore[return-value]
    pub = _iso(rec.report.published)
    if pub is not None:
        return pub - timedelta(days=FALLBACK_DAYS), pub, "published"
    return None


def is_vague(iv: tuple[date, date, str] | None) -> bool:
    """No usable time: unknown, or a text interval wider than ``VAGUE_DAYS`` (a month, a year)."""
    return iv is None or (iv[2] == "text" and (iv[1] - iv[0]).days > VAGUE_DAYS)


def time_score(
    ia: tuple[date, date, str] | None, ib: tuple[date, date, str] | None
) -> tuple[float, str | None]:
    if is_vague(ia) or is_vague(ib):
        return 0.0, "time unknown or too vague"
    assert ia is not None and ib is not None
    gap = (max(ia[0], ib[0]) - min(ia[1], ib[1])).days
    fallback = ia[2] != "text" or ib[2] != "text"
    if gap <= 0:
        wide = max((ia[1] - ia[0]).days, (ib[1] - ib[0]).days) > 3
        s = 0.6 if (wide or fallback) else 1.0
    elif gap == 1:
        s = 0.7
    elif gap == 2:
        s = 0.45
    else:
        return 0.0, f"{gap} days apart"
    return (min(s, 0.6) if fallback else s), None


def _actor_norm(a: Actor) -> str:
    return _norm_text(a.text)


def actor_score(a: Mention, b: Mention) -> tuple[float, str | None]:
    if not a.actors or not b.actors:
        return 0.5, None
    ta = {x.type for x in a.actors if x.type}
    tb = {x.type for x in b.actors if x.type}
    similar = any(  # some two actors are named alike (token set ratio >= 80)
        fuzz.token_set_ratio(_actor_norm(x), _actor_norm(y), score_cutoff=80)
        for x in a.actors
        for y in b.actors
    )
    pa = {x.type for x in a.actors if x.type and x.role == "perpetrator"}
    pb = {x.type for x in b.actors if x.type and x.role == "perpetrator"}
    if pa and pb and not (pa & pb) and not similar:
        return 0.1, None
    s = 0.3 + 0.7 * (len(ta & tb) / len(ta | tb)) if (ta or tb) else 0.5
    if similar:
        s += 0.2
    return min(1.0, s), None


def score_pair(
    a: MentionRecord,
    b: MentionRecord,
    copies: dict[str, Copy] | None = None,
    intervals: dict[str, Any] | None = None,
    grounds: dict[str, bool] | None = None,
) -> PairScore:
    """Score how likely two mentions tell the same incident, factor by factor.

    ``intervals`` and ``grounds`` may hold each record's effective interval and whether its
    report states its place's country (computed here when absent)."""
    copies = copies or {}
    ia = intervals[a.key] if intervals is not None else effective_interval(a)
    ib = intervals[b.key] if intervals is not None else effective_interval(b)
    ts, tv = type_score(a.mention, b.mention)
    la, lb = a.mention.location, b.mention.location
    if (la is None) != (lb is None):  # is the known place named in the other report's text?
        known, other = (lb, a) if la is None else (la, b)
        named = known is not None and bool(place_keys(known.name) & other.context)
        ps, pv = (0.75 if named else 0.2), None
    elif la is None or lb is None:
        ps, pv = place_score(la, lb)
    else:
        ga = grounds[a.key] if grounds is not None else grounded(la, a.context)
        gb = grounds[b.key] if grounds is not None else grounded(lb, b.context)
        ps, pv = place_score(la, lb, (ga, gb))
    ds, dv = time_score(ia, ib)
    acs, _ = actor_score(a.mention, b.mention)
    root_a = copies[a.report.id].copy_of if a.report.id in copies else a.report.id
    root_b = copies[b.report.id].copy_of if b.report.id in copies else b.report.id
    copy = root_a == root_b and a.report.id != b.report.id
    if copy and dv == "time unknown or too vague":  # copies tell the same time, however vague
        ds, dv = (1.0 if ia == ib else 0.5), None
    factors = {"type": ts, "place": ps, "time": ds, "actors": acs}
    total = sum(WEIGHTS[k] * v for k, v in factors.items())
    if copy:
        factors["copy"] = 1.0
        total += COPY_BONUS
    veto = tv or pv or dv
    if a.report.id == b.report.id:
        veto = "same report"
    return PairScore(a.key, b.key, factors, min(1.0, total), veto)
