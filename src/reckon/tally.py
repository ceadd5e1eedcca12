"""Tallies: sums of incident figures per group, with cumulative tolls kept apart (pure).

``tally(incidents, tolls, by="admin1")`` sums each group's incident fatalities as low / best /
high. Sums are None-aware: an incident without a fatality figure adds nothing and is counted in
``no_figure``; an incident whose low is unknown adds 0 to the low sum; an incident whose high is
unbounded makes the group's high unbounded (None).

Cumulative tolls ("over 1,400 killed since Thursday") are **never** added to incident sums. Each
toll is listed apart with the groups and incidents it overlaps (its period overlaps the
incident's date, or the week before its first report when the incident is undated; and its area
names the incident's admin1, country or place; a toll without an area overlaps every incident of
its period) and the gap between the toll and the sum of those
incidents' figures: how much of the toll the incident record does not (yet) account for.
Identical tolls told by several reports are listed once, with every report id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from reckon.model import Incident, Toll

GROUPINGS = ("admin1", "country", "date", "week", "event_type", "actor_type")
UNKNOWN = "(unknown)"


@dataclass(slots=True)
class GroupSum:
    key: str
    incidents: int = 0
    no_figure: int = 0
    low: int = 0
    best: int = 0
    high: int | None = 0
    ids: list[str] = field(default_factory=list)

    def add(self, inc: Incident) -> None:
        self.incidents += 1
        self.ids.append(inc.id)
        f = inc.fatalities
        if f is None or f.best is None:
            self.no_figure += 1
            return
        self.low += f.low or 0
        self.best += f.best
        if f.high is None or self.high is None:
            self.high = None
        else:
            self.high += f.high


@dataclass(slots=True)
class TollRow:
    kind: str
    low: int | None
    best: int | None
    high: int | None
    area: str | None
    period: tuple[str | None, str | None] | None
    evidence: list[str]
    report_ids: list[str]
    groups: list[str]  # groups of the overlapping incidents
    incidents: GroupSum  # the overlapping incidents, summed (never added to the groups)
    gap: int | None  # toll best minus the overlapping incidents' best sum


@dataclass(slots=True)
class Tally:
    by: str
    date_from: str | None
    date_to: str | None
    groups: list[GroupSum]
    total: GroupSum
    tolls: list[TollRow]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _iso(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def _norm(s: str) -> str:
    s = re.sub(r"['’`]s\b", "", s)  # "Syria's western coast": the possessive names Syria
    try:
        from reckon.geo.normalize import fold

        s = fold(s)
    except ImportError:
        s = s.lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", s.lower())).strip()


def group_key(inc: Incident, by: str) -> str:
    """The group an incident falls in for ``by`` (one of ``GROUPINGS``)."""
    loc = inc.location
    if by == "admin1":
        return (loc.admin1 if loc and loc.admin1 else None) or UNKNOWN
    if by == "country":
        return (loc.country if loc and loc.country else None) or UNKNOWN
    start = _iso(inc.date.start) if inc.date else None
    if by == "date":
        return start.isoformat() if start else UNKNOWN
    if by == "week":
        if start is None:
            return UNKNOWN
        y, w, _ = start.isocalendar()
        return f"{y}-W{w:02d}"
    if by == "event_type":
        return inc.event_type
    if by == "actor_type":
        perps = [a.type for a in inc.actors if a.role == "perpetrator" and a.type]
        parties = [a.type for a in inc.actors if a.type and a.role != "target"]
        return (perps or parties or [UNKNOWN])[0]
    raise ValueError(f"unknown grouping {by!r}: use one of {', '.join(GROUPINGS)}")


def _overlaps(
    a: tuple[date | None, date | None] | None, b: tuple[date | None, date | None] | None
) -> bool | None:
    """Whether two intervals overlap; None when either is unknown."""
    if a is None or b is None or a[0] is None or b[0] is None:
        return None
    return a[0] <= (b[1] or b[0]) and b[0] <= (a[1] or a[0])


def _interval(start: str | None, end: str | None) -> tuple[date | None, date | None] | None:
    s, e = _iso(start), _iso(end)
    if s is None and e is None:
        return None
    return (s or e, e or s)


def _in_range(iv: tuple[date | None, date | None] | None, lo: date | None, hi: date | None) -> bool:
    if lo is None and hi is None:
        return True
    if iv is None:
        return False
    s, e = iv
    return (hi is None or (s is not None and s <= hi)) and (
        lo is None or (e is not None and e >= lo)
    )


def _area_parts(area: str) -> list[str]:
    return [p for p in (_norm(x) for x in re.split(r",|;|&|\band\b|/", area)) if p]


def _names_in_area(area: str, name: str | None) -> bool:
    if not name:
        return False
    n = _norm(name)
    if not n:
        return False
    text = _norm(area)
    if re.search(rf"\b{re.escape(n)}\b", text):
        return True
    try:
        from reckon.geo.normalize import admin1_key

        k = admin1_key(name)
        return bool(k) and any(admin1_key(p) == k for p in _area_parts(area))
    except ImportError:
        return False


def toll_overlaps(toll: Toll, inc: Incident) -> bool:
    """Whether an incident falls in a toll's period and area."""
    tp = _interval(toll.period.start, toll.period.end) if toll.period else None
    ip = _interval(inc.date.start, inc.date.end) if inc.date else None
    if ip is None:  # undated: the week before its earliest report's publication
        pubs = sorted(
            r["published"] for r in inc.provenance.get("reports", []) if r.get("published")
        )
        pub = _iso(pubs[0]) if pubs else None
        ip = (pub - timedelta(days=7), pub) if pub else None
    if tp is not None and not _overlaps(tp, ip):
        return False
    if not toll.area:
        return True
    loc = inc.location
    if loc is None:
        return False
    return any(_names_in_area(toll.area, n) for n in (loc.admin1, loc.country, loc.name))


def tally(
    incidents: Iterable[Incident],
    tolls: Iterable[Toll] = (),
    by: str = "admin1",
    date_from: str | None = None,
    date_to: str | None = None,
) -> Tally:
    """Sum incident low / best / high per group; list tolls apart with their gap."""
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}: use one of {', '.join(GROUPINGS)}")
    lo, hi = _iso(date_from), _iso(date_to)
    if date_from and lo is None:
        raise ValueError(f"--from {date_from!r} is not a date (YYYY-MM-DD)")
    if date_to and hi is None:
        raise ValueError(f"--to {date_to!r} is not a date (YYYY-MM-DD)")
    incs = sorted(
        (
            i
            for i in incidents
            if _in_range(_interval(i.date.start, i.date.end) if i.date else None, lo, hi)
        ),
        key=lambda i: i.id,
    )
    groups: dict[str, GroupSum] = {}
    total = GroupSum("total")
    for inc in incs:
        k = group_key(inc, by)
        groups.setdefault(k, GroupSum(k)).add(inc)
        total.add(inc)
    rows = _toll_rows(incs, tolls, by, lo, hi)
    ordered = sorted(groups.values(), key=lambda g: (g.key == UNKNOWN, g.key))
    return Tally(by, date_from, date_to, ordered, total, rows)


def _toll_rows(
    incs: Sequence[Incident], tolls: Iterable[Toll], by: str, lo: date | None, hi: date | None
) -> list[TollRow]:
    merged: dict[tuple[Any, ...], tuple[Toll, list[str]]] = {}
    for t in tolls:
        iv = _interval(t.period.start, t.period.end) if t.period else None
        if (lo or hi) and not _in_range(iv, lo, hi):
            continue
        k = (
            t.kind,
            t.count.low,
            t.count.best,
            t.count.high,
            _norm(t.area or ""),
            t.period.start if t.period else None,
            t.period.end if t.period else None,
        )
        if k in merged:
            merged[k][1].append(t.report_id or "")
        else:
            merged[k] = (t, [t.report_id or ""])
    rows = []
    for k in sorted(merged, key=lambda k: tuple("" if v is None else str(v) for v in k)):
        t, rids = merged[k]
        over = GroupSum("overlapping incidents")
        keys: set[str] = set()
        if t.kind == "killed":
            for inc in incs:
                if toll_overlaps(t, inc):
                    over.add(inc)
                    keys.add(group_key(inc, by))
        gap = None
        if t.count.best is not None and t.kind == "killed":
            gap = t.count.best - over.best
        rows.append(
            TollRow(
                kind=t.kind,
                low=t.count.low,
                best=t.count.best,
                high=t.count.high,
                area=t.area,
                period=(t.period.start, t.period.end) if t.period else None,
                evidence=[e.text for e in t.evidence],
                report_ids=sorted(set(rids)),
                groups=sorted(keys),
                incidents=over,
                gap=gap,
            )
        )
    return rows


def _fmt(v: int | None) -> str:
    return "unbounded" if v is None else str(v)


def render_tally(t: Tally) -> str:
    """A plain-text table of a tally, tolls apart."""
    head = f"Incident fatalities by {t.by}"
    if t.date_from or t.date_to:
        head += f" ({t.date_from or '...'} to {t.date_to or '...'})"
    lines = [head, ""]
    w = max([len(g.key) for g in t.groups] + [len(t.by), 5])
    lines.append(f"{t.by:<{w}}  {'incidents':>9}  {'low':>7}  {'best':>7}  {'high':>9}  no figure")
    for g in [*t.groups, t.total]:
        lines.append(
            f"{g.key:<{w}}  {g.incidents:>9}  {g.low:>7}  {g.best:>7}  {_fmt(g.high):>9}  "
            f"{g.no_figure:>9}"
        )
    lines.append("")
    if not t.tolls:
        lines.append("Cumulative tolls (never added to the sums above): none reported")
        return "\n".join(lines) + "\n"
    lines.append("Cumulative tolls (never added to the sums above):")
    for r in t.tolls:
        period = f"{r.period[0] or '?'} to {r.period[1] or '?'}" if r.period else "period unknown"
        lines.append(
            f"- {r.kind}: low {_fmt(r.low)}, best {_fmt(r.best)}, high {_fmt(r.high)}; "
            f"area {r.area or 'unknown'}; {period}; reports {', '.join(r.report_ids)}"
        )
        if r.evidence:
            lines.append(f"  evidence: {' | '.join(repr(e) for e in r.evidence)}")
        lines.append(
            f"  overlapping incidents: {r.incidents.incidents} in "
            f"{', '.join(r.groups) or 'no group'}; their best sum {r.incidents.best} "
            f"(low {r.incidents.low}, high {_fmt(r.incidents.high)}); "
            f"gap toll - incidents: {_fmt(r.gap)}"
        )
    return "\n".join(lines) + "\n"
