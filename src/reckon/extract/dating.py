"""Dates, places and loose figures of a frame from its sentence, paragraph and report."""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from reckon.extract import events as ev
from reckon.extract.assembly import _add_count
from reckon.extract.cues import _ADDITIVE, _F, _SUPERSEDED, _WEEKDAY, _Ev, _to_date
from reckon.extract.merging import _dates_ok
from reckon.extract.nlp import Analysis
from reckon.extract.places import PlaceMention, choose_location, dateline_places
from reckon.extract.tolls import RAISING
from reckon.model import (
    DateInterval,
)

_SPEECH_DATE = re.compile(
    r"\b(?:said|says|announced|reported|told|added|stated|confirmed|statement|reports?)\s+"
    r"(?:late\s+|early\s+|later\s+)?(?:on\s+)?$|"
    # "accused the army on Wednesday of ...": the day of the accusation, not of the deed
    r"\b(?:accused|accuses|alleged|claimed|denied|condemned|blamed|warned)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:late\s+|early\s+)?(?:on\s+)?$",
    _F,
)


# a weekday naming a recurring gathering, not a day: "after Friday prayers", "Sunday mass"
_GATHERING_AFTER = re.compile(r"\s+(?:prayers?|sermons?|services?|mass|markets?)\b", _F)


_WEEKDAY_ONLY = re.compile(
    r"^(?:on\s+|last\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    _F,
)


_UPDATE = re.compile(r"\b(?:risen|rose|climbed|increased|reached|jumped)\s+to\b", _F)


_DATELINE_BEFORE = re.compile(r"(?:^|\n)\s*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?,\s*$")


_DATELINE_AFTER = re.compile(r"\s*(?:\d{4}\s*)?(?:\([^)]{1,30}\)\s*)?[-–—:]")



# a happening set across unnamed areas ("in Alawite-dominant regions", "across several
# districts", "in neighbouring villages"): not at the town the sentence before named
_WIDER_AREA = re.compile(
    r"\b(?:in|across|throughout|to)\s+(?:the\s+|several\s+|many\s+|other\s+|various\s+|"
    r"some\s+|neighbouring\s+|neighboring\s+|nearby\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:regions|areas|provinces|districts|villages|towns|parts of the country)\b",
    re.IGNORECASE,
)

def _is_dateline(text: str, d: DateInterval) -> bool:
    """'NIAMEY, Sept 22 (Reuters) -': the day the story was filed, not the day of the event."""
    sp = d.span
    if sp is None:
        return False
    return bool(
        _DATELINE_BEFORE.search(text, max(0, sp.start - 60), sp.start)
        and _DATELINE_AFTER.match(text, sp.end)
    )


def _pick_date(
    text: str, dates: list[DateInterval], trig: ev.Trigger, *, announced: bool = False
) -> DateInterval | None:
    """The clause's date nearest the trigger: not the day something was said (unless the
    event is what was said: ``announced``, "announced on Sunday that they were merging"),
    nor a dateline's (see ``_filed_day``)."""
    cands = []
    filed = []
    said = []
    for d in dates:
        if d.span is None or d.start is None:
            continue
        if _SPEECH_DATE.search(text[max(0, d.span.start - 30) : d.span.start]):
            said.append(d)
            continue
        (filed if _is_dateline(text, d) else cands).append(d)
    cands = cands or (said if announced else [])
    cands = [d for d in cands if not _GATHERING_AFTER.match(text, d.span.end)]
    absolute = [d for d in cands if any(ch.isdigit() for ch in d.span.text)]
    if absolute:
        # "after Friday prayers in Zahedan on 30 September": the day written in full wins over
        # a weekday read against the publication date
        cands = [d for d in cands if d in absolute or not _WEEKDAY_ONLY.match(d.span.text.strip())]
    named = [
        d
        for d in cands
        if not _VAGUE_DAY.search(d.span.text) and (d.end is None or d.end == d.start)
    ]
    if named and len(named) < len(cands):
        cands = named  # "an overnight raid ... on Saturday": the day named
    if not cands:
        return None  # a dateline's day comes last, after the report's other days (_filed_day)
    return min(cands, key=lambda d: abs(d.span.start - trig.start))


_VAGUE_DAY = re.compile(
    r"\b(?:overnight|last night|tonight|this morning|earlier today|today)\b", _F
)


def _filed_day(text: str, events: list[_Ev], dates: list[DateInterval]) -> None:
    """Events nothing else dates take the dateline's day ("KABUL, Dec 25 (Reuters) -")."""
    filed = next(
        (d for d in dates if d.span is not None and d.start is not None and _is_dateline(text, d)),
        None,
    )
    if filed is None:
        return
    for e in events:
        if e.date is None and not e.clause.distinct_time and not e.clause.background:
            e.date = filed


_SAME_DAY = re.compile(
    r"^(?:,\s*)?(?:hours|minutes|moments|shortly|just|an hour|two hours)\s+(?:after|before)\b", _F
)


def _announced(sub_event_type: str) -> bool:
    """Sub-types that happen by being declared: the day it was said is the event's day."""
    return sub_event_type in (
        "Agreement",
        "Change to group/activity",
        "Headquarters or base established",
        "Non-violent transfer of territory",
    )


def _toll_period(text: str, d: DateInterval) -> bool:
    """Is the date told after a 'bringing the total to' marker (the period of a toll)?"""
    return d.span is not None and bool(
        RAISING.search(text, max(0, d.span.start - 120), d.span.start)
    )


def _settle_sentence(
    text: str, sent_events: list[_Ev], loose: list, si: int, s_dates: list
) -> None:
    """Give each event of a sentence the sentence's places/dates/counts it lacks."""
    if not sent_events:
        return
    # "..., bringing the number killed since January to 85": that period is the toll's
    s_dates = [d for d in s_dates if not _toll_period(text, d)]
    # loose clauses of this sentence
    mine = [x for x in loose if x[0] == si]
    for x in mine:
        loose.remove(x)
        _si, _pi, cl, counts, c_places, c_dates = x
        if cl.background:
            counts = []  # a death told as the cause ("after an activist died") is not this one's
        # nearest event in the sentence: the one before, else the one after
        before = [e for e in sent_events if e.clause.start <= cl.start]
        target = before[-1] if before else sent_events[0]
        for c in counts:
            _add_count(text, target, c, additive=bool(_ADDITIVE.search(text[cl.start : cl.end])))
        if c_places and not target.places:
            target.places = list(c_places)
        if target.date is None:
            d = _pick_date(text, [d for d in c_dates if not _toll_period(text, d)], target.trigger)
            if d is not None:
                target.date, target.date_in_clause = d, True
    # events without a date take the sentence's (non-speech) date
    for e in sent_events:
        if e.date is None and not e.clause.distinct_time:
            d = _pick_date(text, s_dates, e.trigger, announced=_announced(e.st))
            if d is not None:
                e.date, e.date_in_clause = d, True
    for e in sent_events:
        if e.date is None and _SAME_DAY.match(e.clause_text):
            # "... on Friday, hours after Fano militiamen attacked an army post": that day too
            dated = [x for x in sent_events if x is not e and x.date is not None]
            if dated:
                e.date = dated[0].date


def _attach_loose(text: str, events: list[_Ev], loose: list) -> None:
    for si, pi, cl, counts, _places, _dates in loose:
        if not counts and _dates and not cl.background and not cl.distinct_time:
            # "A man was shot dead at a house. Officers were called to the property on
            # Tuesday": the next sentence's day dates the event that had none
            just = [e for e in events if e.clause.para == pi and e.clause.sent == si - 1]
            own = [
                d
                for d in _dates
                if d.start is not None
                and not _SPEECH_DATE.search(text[max(0, d.span.start - 30) : d.span.start])
            ]
            if just and own and all(e.date is None for e in just):
                just[-1].date = own[0]
            continue
        if not counts or cl.background:
            continue
        prev = [
            e
            for e in events
            if e.clause.para == pi
            and e.clause.sent < si
            and not e.headline
            and (not e.reference or e.ref_kind == "definite")
        ]
        if not prev:
            prev = [
                e
                for e in events
                if e.clause.para == pi - 1 and e.clause.sent < si and not e.headline
            ]
        if not prev:
            continue
        target = prev[-1]
        ctext = text[cl.start : cl.end]
        own = [
            d
            for d in _dates
            if not _SPEECH_DATE.search(text[max(0, d.span.start - 30) : d.span.start])
        ]
        update = _UPDATE.search(ctext) is not None  # "by Saturday the toll had risen to 33"
        if own and target.date is not None and not _dates_ok(target.date, own[0]) and not update:
            continue  # a figure for another day is not this incident's
        if target.date is None and _other_weekday(target.clause_text, ctext) and not update:
            continue  # ... nor when no publication date resolves the days ("on Sunday")
        for c in counts:
            if _SUPERSEDED.search(ctext) and any(x.counts.get(c.kind) for x in prev):
                continue  # "Initial reports had put the toll at 24"
            if _UPDATE.search(ctext):
                target.counts.pop(c.kind, None)
            _add_count(text, target, c, additive=bool(_ADDITIVE.search(ctext)))


def _another_day(e: _Ev, dates: list[DateInterval], clause: str) -> bool:
    """Does a clause dated ``dates`` tell of another day than event ``e``? ("four were killed
    on Saturday ... Three more died on Sunday")"""
    if e.date is not None and e.date.start is not None:
        return any(d.start is not None and not _dates_ok(e.date, d) for d in dates)
    return _other_weekday(e.clause_text, clause)


def _other_weekday(a: str, b: str) -> bool:
    """Do two clauses name weekdays, and different ones?"""
    wa = {w.lower() for w in _WEEKDAY.findall(a)}
    wb = {w.lower() for w in _WEEKDAY.findall(b)}
    return bool(wa and wb and wa.isdisjoint(wb))


def _sent_of(analysis: Analysis, pos: int) -> int:
    starts = [s.start for s in analysis.sents]
    return max(0, bisect_left(starts, pos + 1) - 1)


def _fill_context(
    text: str,
    events: list[_Ev],
    places: list[PlaceMention],
    dates: list[DateInterval],
    paras: list[tuple[int, int]],
    pub_date: date | None,
    analysis: Analysis,
) -> None:
    # a dateline names where the report was filed: a last resort only
    filed = dateline_places(text, places)
    if filed:
        places = [p for p in places if (p.start, p.end) not in filed] or places
        for e in events:
            e.places = [p for p in e.places if (p.start, p.end) not in filed]
    # report-level default place: the place the report names most often (not a country), the
    # earliest on ties; else the first place of the first event
    default = None
    named = [p for p in places if p.kind != "country"]
    if named:
        freq: dict[str, int] = {}
        for p in named:
            freq[p.name] = freq.get(p.name, 0) + 1
        top = max(freq.values())
        if top > 1:
            default = next(p for p in named if freq[p.name] == top)
    if default is None:
        for e in events:
            if e.places:
                default = choose_location(e.places, text)
                break
    if default is None and places:
        default = named[0] if named else places[0]
    for e in events:
        # the clause's own place; a bare country yields to a specific place told nearby
        bare = None
        if e.places:
            e.place = choose_location(e.places, text)
            if e.place is None or e.place.kind != "country":
                continue
            bare, e.place = e.place, None
        sent = analysis.sents[e.clause.sent]
        pa, pb = paras[e.clause.para] if e.clause.para < len(paras) else (0, len(text))
        same = [p for p in places if sent.start <= p.start < sent.end]
        prev = [p for p in places if pa <= p.start < e.clause.start]
        specific_same = [p for p in same if p.kind != "country"]
        specific_prev = [p for p in prev if p.kind != "country"]
        e.place_inherited = True
        if specific_same:
            e.place = choose_location(specific_same, text)
            continue
        if specific_prev and not _WIDER_AREA.search(text, sent.start, sent.end):
            # (not where the sentence sets its happening across unnamed areas: "a heavy
            # military presence was deployed in Alawite-dominant regions, with looting ...")
            e.place = specific_prev[-1]
            continue
        # "in northern Syria ... The strikes hit the town of X": the detail names the place
        nxt = [
            p
            for p in places
            if e.clause.end <= p.start < pb
            and p.kind != "country"
            and e.clause.sent < _sent_of(analysis, p.start) <= e.clause.sent + 2
        ]
        if nxt:
            e.place = choose_location(nxt, text)
            continue
        if default is not None and default.kind != "country":
            e.place = default
            continue
        country = (
            bare or (choose_location(same, text) if same else None) or (prev[-1:] or [None])[0]
        )
        if country is not None:
            e.place, e.place_inherited = country, country is not bare
            continue
        if default is not None:
            e.place = default
            continue
        e.place_inherited = False
    for e in events:
        if e.date is not None or e.clause.distinct_time:
            continue
        told = [
            x
            for x in events
            if x.clause.para == e.clause.para
            and x.clause.start < e.clause.start
            and x.date is not None
            and x.date_in_clause
        ]
        if told:
            # "Students rallied on Tuesday over a death last month. The protesters blocked a
            # road": the event just told dates what follows, not any date in its sentence
            e.date = told[-1].date
            continue
        pa, pb = paras[e.clause.para] if e.clause.para < len(paras) else (0, len(text))
        prev = [
            d
            for d in dates
            if pa <= d.span.start < e.clause.start
            and d.start is not None
            and not _SPEECH_DATE.search(text[max(0, d.span.start - 30) : d.span.start])
        ]
        if prev:
            d = prev[-1]
            dd = _to_date(d.start)
            if pub_date is None or dd is None or 0 <= (pub_date - dd).days <= 60:
                e.date = d
    lead = next((x for x in events if x.date is not None and x.date_in_clause), None)
    if lead is not None and lead.date is not None and lead.date.start is not None:
        for e in events:
            if e.date is None and not e.clause.distinct_time and not e.clause.background:
                # "In the southern port city of Odesa, drones struck the port": told as part
                # of the night the report is about
                e.date = lead.date
