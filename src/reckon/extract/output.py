"""From frames to the record: mentions, tolls and reactions with their evidence spans."""

from __future__ import annotations

import re
from datetime import date

from reckon.extract import actors as actors_mod
from reckon.extract import events as ev
from reckon.extract import roles as sides
from reckon.extract.assembly import _final_count
from reckon.extract.cues import _F, _Ev, _to_date
from reckon.extract.dating import _sent_of
from reckon.extract.nlp import Analysis
from reckon.extract.places import PlaceMention, dateline_places
from reckon.extract.segment import (
    Clause,
    para_index,
)
from reckon.extract.tolls import RAISING
from reckon.model import (
    Actor,
    Count,
    DateInterval,
    Evidence,
    Location,
    Mention,
    Reaction,
    Report,
    Span,
    Toll,
)

_QUOTE = re.compile(r"“[^”]{3,}”|\"[^\"]{3,}\"")


def _quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text, start, end)]


def _count_has_trigger(c, triggers: list[ev.Trigger]) -> bool:
    codes = {"arrested": (ev.ARREST, ev.DISPERSE), "abducted": (ev.ABDUCT,)}.get(c.kind)
    if codes is None or c.trigger is None or c.negated:
        return True  # "no injuries or arrests were reported": a nil needs no arrest word
    return any(
        t.code in codes and t.start < c.trigger.end and c.trigger.start < t.end for t in triggers
    )


_ROLE_WORDS = re.compile(
    r"\b(?:spokes(?:man|woman|person)|officials?|sources?|statement|representatives?|the|a|an)\b",
    _F,
)


# what a spoken reaction is about, where two wordings can tell the same declaration
_TOPICS = {
    "end": re.compile(
        r"\b(?:declared an end|an end to|the end of|conclusion of|concluded|completed|"
        r"(?:objectives|goals|aims) (?:[\w\s]{0,80}?)(?:have|had) been (?:met|achieved)|is over)\b",
        _F,
    ),
    "ceasefire": re.compile(r"\b(?:ceasefire|cease-fire|truce)\b", _F),
    "curfew": re.compile(r"\bcurfew\b", _F),
    "mourning": re.compile(r"\bdays? of mourning\b", _F),
}


_INTERNATIONAL = re.compile(
    r"\b(?:international community|United Nations|UN|U\.N\.|EU|European Union|African Union|"
    r"Amnesty(?: International)?|Human Rights Watch|rights groups?|human rights (?:officials|"
    r"groups|organi[sz]ations|office|chief|council)|OHCHR|Red Cross|ICRC|UNICEF|"
    r"Security Council|Secretary-General|world powers|Western governments)\b"
)


_CHORUS = {"condemnation", "demand", "appeal", "statement"}


def _org_key(actor: str | None) -> str:
    """The body behind a spoken reaction: 'a defense ministry spokesperson' -> 'defense ministry'."""
    if not actor:
        return ""
    a = re.sub(r"^[\w-]+['’]s\s+", "", actor.strip())
    return " ".join(_ROLE_WORDS.sub(" ", a).lower().split())


def _topic(r: Reaction) -> set[str]:
    return {k for k, pat in _TOPICS.items() for e in r.evidence if pat.search(e.text)}


def _merge_reactions(
    text: str, reactions: list[Reaction], paras: list[tuple[int, int]], analysis: Analysis
) -> list[Reaction]:
    """One reaction per declaration, however many sentences tell it.

    Two spoken reactions of one body about the same thing ("the ministry declared an end to
    the campaign" ... '"the objectives have been met," a ministry spokesperson stated') are one;
    so are international bodies answering together in consecutive sentences of one paragraph
    ("The international community expressed alarm ... UN officials demanded action").
    """
    out: list[Reaction] = []
    for r in reactions:
        into = None
        for o in out:
            if (
                r.kind in ("announcement", "statement")
                and o.kind in ("announcement", "statement")
                and _org_key(r.actor)
                and _org_key(r.actor) == _org_key(o.actor)
                and _topic(r) & _topic(o)
            ):
                into = o
                break
            if (
                r.kind in _CHORUS
                and o.kind in _CHORUS
                and o.kind != "statement"
                and r.actor
                and o.actor
                and _INTERNATIONAL.search(r.actor)
                and _INTERNATIONAL.search(o.actor)
                and para_index(paras, r.evidence[0].start)
                == para_index(paras, o.evidence[-1].start)
                and 0
                <= _sent_of(analysis, r.evidence[0].start)
                - _sent_of(analysis, o.evidence[-1].start)
                <= 1
            ):
                into = o
                break
        if into is None:
            out.append(r)
            continue
        into.evidence.extend(r.evidence)
        if into.kind == "statement" and r.kind != "statement":
            into.kind = r.kind  # the more specific word names the pair
    return out


def _actor_key(actor: str | None) -> str:
    if not actor:
        return ""
    a = re.sub(r"^(?:the|a|an)\s+|^[\w-]+['’]s\s+", "", actor.strip(), flags=_F)
    return " ".join(a.lower().split()[-2:])


_BACKGROUND_DAYS = 30


def _drop_background(
    text: str, incidents: list[_Ev], pub_date: date | None, notes: list[str]
) -> list[_Ev]:
    """Events dated a month or more before publication are the story's background ("the M23
    seized Goma in January, in fighting that killed about 3,000 people"), not its news: where
    the report tells of anything newer they are left out, with a note."""
    if pub_date is None:
        return incidents

    def old(e: _Ev) -> bool:
        end = _to_date(e.date.end or e.date.start) if e.date is not None else None
        if end is None and e.date is not None and e.date.start and len(e.date.start) == 7:
            end = _to_date(e.date.start + "-28")
        return end is not None and (pub_date - end).days > _BACKGROUND_DAYS

    kept = [e for e in incidents if not old(e)]
    if not kept:
        return incidents
    for e in incidents:
        if old(e):
            d = e.date
            notes.append(
                f"background event left out: {e.et} / {e.st} dated {d.start if d else '?'} "
                f"({text[e.trigger.start : e.trigger.end]!r} at {e.trigger.start})"
            )
    return kept


def _location(p: PlaceMention | None) -> Location | None:
    if p is None:
        return None
    return Location(name=p.name, span=Span(p.start, p.end, p.name), precision=p.precision)


def _settled(e: _Ev, a: Actor, day: str | None) -> tuple[str, str]:
    """The final (role, type) of an actor of an incident (see ``reckon.extract.roles``)."""
    return sides.settle(e.et, e.st, actors_mod.taliban_type(a.text, a.type, day), a.role, a.text)


def _to_mention(text: str, e: _Ev, report: Report) -> Mention:
    evidence = [Evidence("event", e.trigger.text, e.trigger.start, e.trigger.end)]
    cl = e.clause
    evidence.append(Evidence("clause", text[cl.start : cl.end], cl.start, cl.end))
    if e.place is not None:
        evidence.append(Evidence("location", e.place.name, e.place.start, e.place.end))
    if e.date is not None and e.date.span is not None:
        s = e.date.span
        evidence.append(Evidence("date", s.text, s.start, s.end))
    for a in e.actors:
        if a.span is not None:
            evidence.append(Evidence("actor", a.span.text, a.span.start, a.span.end))
    seen = {(x.field, x.start, x.end) for x in evidence}
    for x in e.evidence:
        if (x.field, x.start, x.end) not in seen:
            evidence.append(x)
            seen.add((x.field, x.start, x.end))
    counts = {k: _final_count(v) for k, v in e.counts.items()}
    conf = e.strength * (
        0.55
        + (0.15 if e.place is not None and not e.place_inherited else 0.05)
        + (0.1 if e.date is not None else 0.0)
        + (0.2 if counts.get("killed") is not None else 0.05)
    )
    if e.reference:
        conf *= 0.8
    date_iv = None
    if e.date is not None:
        date_iv = DateInterval(e.date.start, e.date.end, e.date.span, e.date.resolved, e.date.note)
    day = (date_iv.start if date_iv is not None else None) or report.published
    killed = counts.get("killed")
    if e.st == "Looting/property destruction" and killed is not None and (killed.best or killed.low):
        # ACLED: looting or destruction with people killed is an attack ("settlers set cars on
        # fire; one Palestinian was killed")
        e.et, e.st = "Violence against civilians", "Attack"
    elif e.st == "Protest with intervention" and killed is not None and (killed.best or killed.low):
        # ACLED: a demonstration where the force's intervention kills is excessive force ("police
        # fired tear gas at teachers marching, and one teacher died")
        e.st = "Excessive force against protesters"
    return Mention(
        event_type=e.et,
        sub_event_type=e.st,
        date=date_iv,
        location=_location(e.place),
        actors=[Actor(a.text, *_settled(e, a, day), a.span) for a in e.actors],
        fatalities=counts.get("killed"),
        injured=counts.get("injured"),
        abducted=counts.get("abducted"),
        arrested=counts.get("arrested"),
        evidence=evidence,
        confidence=max(0.0, min(1.0, conf)),
        report_id=report.id,
    )


_REGION_OF = re.compile(
    r"['’]s\s+(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|"
    r"south-?west)(?:ern)?\s+)?(?:(?:coastal|border|mountain|desert|rural)\s+)?"
    r"(?:region|regions|coast|provinces|governorates|countryside|border areas|heartland)\b",
    _F,
)


_PAST_INTRO = re.compile(
    r",\s|\bsince\b|\banniversary\b|\bin which\b|\bwhen\b|\blike\b|\bas in\b|\brecalling\b", _F
)


_SINCE_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+){0,2}(?:killed|left|claimed|displaced|wounded|cost)\b[^.;]*"
    r"\bsince\s+$",
    _F,
)


_SUPERLATIVE = re.compile(r"\b(?:deadliest|worst|bloodiest|largest|biggest|first)\b", _F)


_COMPARISON = re.compile(r"\b(?:since|anniversary)\b|" + _SUPERLATIVE.pattern, _F)


def _past_cut(
    text: str, cl: Clause, hist: int | None, dates: list[DateInterval], pub_date: date | None
) -> int | None:
    """Where a clause that names a past year turns from today's news to the past, or None
    when the whole clause is about that year ("In 2019, gunmen killed 50 people")."""
    if hist is None:
        return None
    m = re.search(rf"\b{hist}\b", text[cl.start : cl.end])
    if m is None:
        return None
    ypos = cl.start + m.start()
    recent = False
    for d in dates:
        end = _to_date(d.end or d.start)
        if d.span is not None and d.span.start < ypos and end is not None and pub_date is not None:
            recent = recent or 0 <= (pub_date - end).days <= 60
    if not recent and not _COMPARISON.search(text, max(cl.start, ypos - 60), ypos):
        return None
    if _SINCE_PERFECT.search(text, cl.start, ypos) and not _SUPERLATIVE.search(
        text, cl.start, ypos
    ):
        return None  # "the insurgency has killed 40,000 people since 2009": all of it the past
    intros = list(_PAST_INTRO.finditer(text, cl.start, ypos))
    intro = intros[-1] if intros else None
    if intro is None or intro.start() - cl.start < 10:
        return None
    return intro.start()


def _dates_beside(text: str, cl: Clause, c, dates: list[DateInterval]) -> list[DateInterval]:
    """The dates on the count's side of a 'raising the number to' marker (all when none)."""
    m = RAISING.search(text, cl.start, cl.end)
    if m is None:
        return dates
    after = c.count.span.start >= m.start()
    return [d for d in dates if (d.span is not None and d.span.start >= m.start()) == after]


def _make_toll(
    text: str,
    c,
    cl: Clause,
    c_dates: list[DateInterval],
    c_places: list[PlaceMention],
    anchor: str | None,
    pub_date: date | None,
    hist: int | None,
    report: Report,
) -> Toll:
    period = None
    scope = "cumulative"
    if c_dates:
        d = c_dates[0]
        end = d.end
        ctext = text[cl.start : cl.end]
        if re.search(r"\bsince\b|\bwhich (?:began|broke out|erupted|started)\b", ctext, _F):
            end = anchor
        period = DateInterval(d.start, end, d.span, d.resolved, d.note)
        ds = _to_date(d.start) or (
            _to_date((d.start or "") + "-01") if d.start and len(d.start) == 7 else None
        )
        if ds is None and d.start and len(d.start) == 4 and pub_date is not None:
            if int(d.start) < pub_date.year:
                scope = "historical"
        elif ds is not None and pub_date is not None and (pub_date - ds).days > 300:
            scope = "historical"
    elif hist is not None:
        period = DateInterval(str(hist), None, None)
        scope = "historical"
    if hist is not None or re.search(
        r"\b(?:war|conflict|insurgency|civil war)\b[^.]{0,60}\b(?:began|broke out|erupted|started)\b",
        text[cl.start : cl.end],
        _F,
    ):
        scope = "historical"
    filed = dateline_places(text, c_places)
    c_places = [p for p in c_places if (p.start, p.end) not in filed]
    area = None
    area_span: tuple[int, int] | None = None
    if c_places:
        # the most specific area named ("in Colombia's Catatumbo region": Catatumbo), unless a
        # country is told with its part ("Syria's western coastal region")
        p0 = c_places[0]
        if p0.kind == "country" and not _REGION_OF.match(text, p0.end):
            p0 = next((p for p in c_places if p.kind != "country"), p0)
        area, area_span = p0.name, (p0.start, p0.end)
        # "Syria's western coastal region": the part of the country the toll covers
        m = _REGION_OF.match(text, p0.end)
        if m:
            area, area_span = text[p0.start : m.end()], (p0.start, m.end())
    sp = c.count.span
    evidence = [Evidence("toll", sp.text, sp.start, sp.end)]
    evidence.append(Evidence("clause", text[cl.start : cl.end], cl.start, cl.end))
    if period is not None and period.span is not None:
        evidence.append(Evidence("date", period.span.text, period.span.start, period.span.end))
    if area is not None and area_span is not None:
        evidence.append(Evidence("location", area, area_span[0], area_span[1]))
    return Toll(
        kind=c.kind,
        count=Count(c.count.low, c.count.best, c.count.high, c.count.qualifier, c.count.span),
        scope=scope,
        period=period,
        area=area,
        evidence=evidence,
        confidence=0.7,
        report_id=report.id,
    )


def _dedupe_tolls(tolls: list[Toll]) -> list[Toll]:
    out: list[Toll] = []
    seen: set[tuple] = set()
    for t in tolls:
        key = (t.kind, t.count.low, t.count.best, t.count.high)
        if key in seen:
            continue
        seen.add(key)
        out.append(t)
    return out


def _places(text: str, places: list[PlaceMention]) -> list[Location]:
    out: list[Location] = []
    seen: set[tuple[int, int]] = set()
    for p in sorted(places, key=lambda p: (p.start, p.end)):
        if (p.start, p.end) in seen:
            continue
        seen.add((p.start, p.end))
        loc = _location(p)
        if loc is not None:
            out.append(loc)
    return out
