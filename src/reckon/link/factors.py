"""Pair scoring: the type, place, time, actor and figure factors of two mentions and their total.

Type families (``TYPE_AFFINITY``): outlets tell one happening as different kinds of event
("militants attacked a police post" / "a gun battle"; "a drone strike on a wedding" / "an attack
on a wedding"; "police fired on protesters" / "riots"), so related types score part of a match,
and the other factors decide. Figures: two reports of one incident give close counts (the same,
one a lower bound of the other, or an update a few higher); two different incidents at one place
and day usually do not (25 killed in a raid, 3 in a clash)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from reckon.link.actors import actor_score, crowds_apart, crowds_shared
from reckon.link.places import NAMED_APART, grounded, place_keys, place_score
from reckon.link.records import (
    COPY_BONUS,
    FALLBACK_DAYS,
    LINK_THRESHOLD,
    VAGUE_DAYS,
    VIOLENT,
    WEIGHTS,
    Copy,
    MentionRecord,
    PairScore,
)
from reckon.model import Count, Mention

B, E, V, P, R = VIOLENT + ("Protests", "Riots")
TYPE_AFFINITY: dict[frozenset[str], float] = {
    frozenset({B, V}): 0.5,  # an attack on a post, told as a clash; a clash, told as an attack
    frozenset({B, E}): 0.5,  # an ambush with a roadside bomb, told as a clash or as a blast
    frozenset({E, V}): 0.35,  # a strike on civilians, told as an attack
    frozenset({P, R}): 0.6,  # a protest the police broke up, told as a riot
    frozenset({R, V}): 0.35,  # a mob killing, told as an attack
    frozenset({P, V}): 0.2,  # protesters killed by police, told as an attack
    frozenset({R, B}): 0.2,
    frozenset({P, B}): 0.1,
    frozenset({R, E}): 0.1,
}
OTHER_TYPES = 0.0  # a protest and a bombing: different happenings
# A pair told as two types of event links only where the place and the day agree and the counts
# do not contradict each other: a clash in the village and an attack in the district on the day
# before, or a raid that killed 25 and a clash that killed 3 in one town, are two happenings.
CROSS_TYPE_PLACE = 0.6
CROSS_TYPE_TIME = 0.7
FIGURES_APART = 0.2  # counts far apart; two types of event with such counts never link
# One killing told as two kinds of violence (a roadside bomb that killed eight, "militants
# attacked their vehicle, killing eight"; a clash, or an attack, that left five dead): when
# both reports count the same dead (two or more, agreeing), the types are two readings of one
# happening, and score as related types at least this much.
SHARED_KILLING = 0.6
SHARED_KILLING_FIGURES = 0.75  # figures this close or closer: the same dead


SD = "Strategic developments"
# Strategic developments that another outlet tells as the happening they were part of: police
# detaining marchers told as arrests, a crowd's looting told as a riot or a raid as looting.
SD_AFFINITY: dict[tuple[str, str], float] = {
    ("Arrests", P): 0.35,
    ("Looting/property destruction", R): 0.35,
    ("Looting/property destruction", V): 0.2,
}


OTHER_SUBTYPE = 0.75  # one type of event, another sub-type: a shelling told as a missile strike
# Sub-types that outlets (and readers) tell one happening as, beyond the default: whether the
# police stepped in at a protest; a clash and the ground it won; a bomb, a suicide bomber or a
# thrown grenade; a missile and an air strike (the weapon seldom seen); a riot and a mob.
SUBTYPE_AFFINITY: dict[frozenset[str], float] = {
    frozenset({"Peaceful protest", "Protest with intervention"}): 0.9,
    frozenset({"Protest with intervention", "Excessive force against protesters"}): 0.9,
    frozenset({"Peaceful protest", "Excessive force against protesters"}): 0.85,
    frozenset({"Armed clash", "Government regains territory"}): 0.9,
    frozenset({"Armed clash", "Non-state actor overtakes territory"}): 0.9,
    frozenset({"Remote explosive/landmine/IED", "Suicide bomb"}): 0.9,
    frozenset({"Remote explosive/landmine/IED", "Grenade"}): 0.85,
    frozenset({"Shelling/artillery/missile attack", "Air/drone strike"}): 0.85,
    frozenset({"Violent demonstration", "Mob violence"}): 0.85,
}


def type_score(a: Mention, b: Mention) -> tuple[float, str | None]:
    if a.event_type == b.event_type:
        if a.sub_event_type == b.sub_event_type:
            return 1.0, None
        pair = frozenset({a.sub_event_type, b.sub_event_type})
        return SUBTYPE_AFFINITY.get(pair, OTHER_SUBTYPE), None
    pair = frozenset({a.event_type, b.event_type})
    if SD in pair:
        sd, other = (a, b) if a.event_type == SD else (b, a)
        s = SD_AFFINITY.get((sd.sub_event_type, other.event_type))
        if s is None:  # an arrest after a bombing is its own event
            return 0.0, "strategic development vs other event type"
        return s, None
    return TYPE_AFFINITY.get(pair, OTHER_TYPES), None


def _value(c: Count | None) -> tuple[int, bool] | None:
    """A count's value and whether it is open above ("at least 5"), or None."""
    if c is None:
        return None
    v = c.best if c.best is not None else c.low if c.low is not None else c.high
    return None if v is None else (v, c.high is None and c.low is not None)


def _agree(x: tuple[int, bool], y: tuple[int, bool]) -> float:
    (a, open_a), (b, open_b) = sorted((x, y))
    if a == b:
        return 1.0
    if open_a:  # "at least 5" and 7
        return 0.8
    close = b - a <= max(1, round(0.25 * b))
    if open_b:  # "at least 7" and 4: the lower figure contradicts the lower bound
        return 0.4 if close else FIGURES_APART
    if close:
        return 0.75
    if a > 0 and b <= 2 * a:  # an update: 12, then 17
        return 0.4
    return FIGURES_APART  # far apart: two happenings, or a part and the whole (2 soldiers, 10 dead)


DEATHS_VS_WOUNDS = 0.3  # one report counts deaths, the other only the wounded
GROWN = 0.5  # a toll revised upward by a later report: neither agreement nor contradiction
GROWTH_MAX = 10  # a toll grows by revision up to ten times its first figure ("4", then "19")


def _crowd_events(a: Mention, b: Mention) -> bool:
    return {a.event_type, b.event_type} <= {"Protests", "Riots"}


def _shared_killing(a: Mention, b: Mention, fs: float) -> bool:
    """Two violent types of event (battle, explosion, violence against civilians) that count
    the same dead: two or more on each side, in agreement (equal, close, or a lower bound)."""
    if a.event_type not in VIOLENT or b.event_type not in VIOLENT:
        return False
    x, y = _value(a.fatalities), _value(b.fatalities)
    return x is not None and y is not None and min(x[0], y[0]) >= 2 and fs >= SHARED_KILLING_FIGURES


def _grown(a: MentionRecord, b: MentionRecord) -> bool:
    """Whether two far-apart death tolls read as one toll revised upward: the higher figure is
    worded as an update ("has risen to 19", "climbed to 11") or comes from a report published
    later than the lower figure's. Tolls grow as the wounded die and bodies are found; they
    seldom fall."""
    x, y = _value(a.mention.fatalities), _value(b.mention.fatalities)
    if x is None or y is None or x[0] == y[0] or min(x[0], y[0]) <= 0:
        return False
    lo, hi = (a, b) if x[0] < y[0] else (b, a)
    if max(x[0], y[0]) > GROWTH_MAX * min(x[0], y[0]):
        return False
    later = (hi.report.published or "") > (lo.report.published or "9999")
    return later or bool(hi.updates.get("fatalities"))


def figures_score(a: Mention, b: Mention) -> float:
    """How well the counts agree: the killed, else the abducted, else the injured, else the
    arrested; 0.5 when the two mentions do not both give one. One side's deaths against the
    other's count of only the wounded (a blast that killed seven, another that wounded three)
    agree poorly."""
    for x, y in ((a, b), (b, a)):
        deaths = _value(x.fatalities)
        if (
            deaths is not None
            and deaths[0] > 0
            and _value(x.injured) is None
            and _value(y.fatalities) is None
            and _value(y.abducted) is None
            and _value(y.injured) is not None
        ):
            return DEATHS_VS_WOUNDS
    for kind in ("fatalities", "abducted", "injured", "arrested"):
        x, y = _value(getattr(a, kind)), _value(getattr(b, kind))
        if x is not None and y is not None:
            return _agree(x, y)
    return 0.5


def _iso(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


_WEEKDAY = re.compile(
    r"^(?:on |last |this |early |late |overnight (?:into |on )?)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:'s)?(?: (?:night|morning|evening|afternoon))?$",
    re.IGNORECASE,
)
WEEKDAY_SHIFT = 7  # a weekday ("on Tuesday") read against the wrong week is off by seven days


def effective_interval(rec: MentionRecord) -> tuple[date, date, str] | None:
    """The mention's date interval, or the week before publication, or None.

    The third item says where it comes from: ``text`` (a date the text gives), ``weekday``
    (only a weekday: "on Tuesday night", which a reader may place in the wrong week) or
    ``published`` (the week before the report's publication)."""
    d = rec.mention.date
    if d is not None and d.resolved:
        s, e = _iso(d.start), _iso(d.end)
        if s or e:
            s = s or e
            e = e or s
            if e < s:  # type: ignore[operator]
                s, e = e, s
            said = d.span.text.strip() if d.span is not None else ""
            source = "weekday" if s == e and _WEEKDAY.match(said) else "text"
            return s, e, source  # type: ignore[return-value]
    pub = _iso(rec.report.published)
    if pub is not None:
        return pub - timedelta(days=FALLBACK_DAYS), pub, "published"
    return None


def is_vague(iv: tuple[date, date, str] | None) -> bool:
    """No usable time: unknown, or a text interval wider than ``VAGUE_DAYS`` (a month, a year)."""
    return iv is None or (iv[2] != "published" and (iv[1] - iv[0]).days > VAGUE_DAYS)


def _gap(ia: tuple[date, date, str], ib: tuple[date, date, str], shift: int = 0) -> int:
    d = timedelta(days=shift)
    return (max(ia[0] + d, ib[0]) - min(ia[1] + d, ib[1])).days


def time_score(
    ia: tuple[date, date, str] | None, ib: tuple[date, date, str] | None
) -> tuple[float, str | None]:
    if is_vague(ia) or is_vague(ib):
        return 0.0, "time unknown or too vague"
    assert ia is not None and ib is not None
    gap = _gap(ia, ib)
    fallback = ia[2] == "published" or ib[2] == "published"
    if gap <= 0:
        wide = max((ia[1] - ia[0]).days, (ib[1] - ib[0]).days) > 3
        s = 0.6 if (wide or fallback) else 1.0
        if fallback and _recent(ia, ib):
            return RECENT, None
    elif gap == 1:
        s = 0.7
    elif gap == 2:
        s = 0.45
    elif _weekday_slip(ia, ib):
        s = 0.4
    else:
        return 0.0, f"{gap} days apart"
    return (min(s, 0.6) if fallback else s), None


# A report tells the news on the day it is published or the day before, and a reader may date
# the happening by that telling: the day the bodies were found, the dead buried, the army spoke
# ("the bodies of five workers shot dead were found on Tuesday"). Such a mention, dated on its
# report's publication day or the day before, may lie up to AFTERMATH_DAYS after the happening
# another report dates; it scores TOLD_SLIP, and links only where the other factors agree
# (same type of event, agreeing counts): otherwise two happenings days apart.
AFTERMATH_DAYS = 3
TOLD_SLIP = 0.35


def told_day(rec: MentionRecord, iv: tuple[date, date, str] | None) -> bool:
    """Whether the mention gives one day from its text, on its report's publication day or the
    day before (a date that may be the telling's rather than the happening's)."""
    pub = _iso(rec.report.published)
    if iv is None or pub is None or iv[2] == "published" or iv[0] != iv[1]:
        return False
    return 0 <= (pub - iv[1]).days <= 1


def _told_slip(
    a: MentionRecord,
    b: MentionRecord,
    ia: tuple[date, date, str] | None,
    ib: tuple[date, date, str] | None,
) -> bool:
    """One mention dated by its telling (:func:`told_day`), the other's interval ending at most
    ``AFTERMATH_DAYS`` before it."""
    for x, ix, iy in ((a, ia, ib), (b, ib, ia)):
        if iy is None or not told_day(x, ix):
            continue
        assert ix is not None
        if iy[1] < ix[0] and (ix[0] - iy[1]).days <= AFTERMATH_DAYS:
            return True
    return False


RECENT_DAYS = 2  # an undated report (a headline, a post) tells what happened in the last days
RECENT = 0.8


def _recent(ia: tuple[date, date, str], ib: tuple[date, date, str]) -> bool:
    """One side is undated (the week before its publication) and the other's date falls in the
    last ``RECENT_DAYS`` days before that publication (an undated report tells recent news)."""
    if ia[2] == "published" and ib[2] == "published":
        return False
    und, dated = (ia, ib) if ia[2] == "published" else (ib, ia)
    return und[1] - timedelta(days=RECENT_DAYS) <= dated[0] and dated[1] <= und[1]


def _weekday_slip(ia: tuple[date, date, str], ib: tuple[date, date, str]) -> bool:
    """A week apart, give or take a day, where one side gives only a weekday."""
    shifts = []
    if ia[2] == "weekday":
        shifts += [WEEKDAY_SHIFT, -WEEKDAY_SHIFT]
    if ib[2] == "weekday":
        shifts += [-WEEKDAY_SHIFT, WEEKDAY_SHIFT]
    return any(_gap(ia, ib, k) <= 1 for k in shifts)


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
        ps, pv = place_score(la, lb, (ga, gb), (a.context, b.context))
    ds, dv = time_score(ia, ib)
    slip = False
    if dv is not None and dv.endswith("days apart") and _told_slip(a, b, ia, ib):
        ds, dv, slip = TOLD_SLIP, None, True
    acs, _ = actor_score(a.mention, b.mention)
    fs = figures_score(a.mention, b.mention)
    if fs < GROWN and dv is None and _gap(ia, ib) <= 0 and _grown(a, b):  # a revised toll
        fs = GROWN
    root_a = copies[a.report.id].copy_of if a.report.id in copies else a.report.id
    root_b = copies[b.report.id].copy_of if b.report.id in copies else b.report.id
    copy = root_a == root_b and a.report.id != b.report.id
    if copy and dv == "time unknown or too vague":  # copies tell the same time, however vague
        ds, dv = (1.0 if ia == ib else 0.5), None
    if ts < SHARED_KILLING and _shared_killing(a.mention, b.mention, fs):
        ts = SHARED_KILLING
    factors = {"type": ts, "place": ps, "time": ds, "actors": acs, "figures": fs}
    total = sum(WEIGHTS[k] * v for k, v in factors.items())
    if a.mention.event_type != b.mention.event_type and (
        ps < CROSS_TYPE_PLACE or ds < CROSS_TYPE_TIME or fs <= FIGURES_APART
    ):
        total = min(total, LINK_THRESHOLD - 0.01)  # joins a group only through other links
    elif crowds_apart(a.mention, b.mention) and (ds < 1.0 or ts < 1.0):
        total = min(total, LINK_THRESHOLD - 0.01)  # other crowds, on other days or otherwise told
    elif (
        ds < 1.0 and _crowd_events(a.mention, b.mention) and not crowds_shared(a.mention, b.mention)
    ):
        # a city sees protests day after day, each its own event: on two days, one crowd only
        # when the reports name it alike
        total = min(total, LINK_THRESHOLD - 0.01)
    elif ps == NAMED_APART and fs < SHARED_KILLING_FIGURES and acs <= 0.5:
        total = min(total, LINK_THRESHOLD - 0.01)  # far apart, and no count or actor shared
    elif slip and (a.mention.event_type != b.mention.event_type or fs < SHARED_KILLING_FIGURES):
        total = min(total, LINK_THRESHOLD - 0.01)  # days apart, and not clearly one happening
    elif fs <= DEATHS_VS_WOUNDS and (ts < 1.0 or ds < 1.0 or acs <= 0.5):
        # counts that contradict each other, and another disagreement besides (another kind
        # of event, another day) or no actor in common: two happenings, unless other links
        # join them
        total = min(total, LINK_THRESHOLD - 0.01)
    if copy:
        factors["copy"] = 1.0
        total += COPY_BONUS
    veto = tv or pv or dv
    if a.report.id == b.report.id:
        veto = "same report"
    return PairScore(a.key, b.key, factors, min(1.0, total), veto)
