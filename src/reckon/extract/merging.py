"""Frames of one incident merged into one; side events folded into the incident they belong to."""

from __future__ import annotations

import re

from reckon.extract.cues import _ANAPHORIC_SUBJECT, _F, _WEEKDAY, _Ev
from reckon.extract.places import PlaceMention
from reckon.extract.segment import (
    BACK_REFERENCE,
)
from reckon.model import (
    DateInterval,
)

_ALSO = re.compile(r"\b(?:also|as well|then)\b", _F)


_WEAPON_SUBJECT = re.compile(
    r"^\s*(?:(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}\s+said\s+(?:that\s+)?)?"
    r"(?:(?:the|both|all|most of the)\s+(?:[\w-]+\s+)?(?:missiles?|rockets?|drones?|shells?|"
    r"bombs?|devices?|projectiles?|explosives?)\b|"
    # "...; both were intercepted by a US destroyer"
    r"(?:both|all|each|they|it|all of them|both of them|most|one)\s+(?:were|was)\s+(?:\w+\s+)?"
    r"(?:intercepted|shot down|downed|destroyed|jammed)\b)",
    _F,
)


def _norm_place(p: PlaceMention | None) -> str:
    if p is None:
        return ""
    return re.sub(r"^(?:al|el|ad|as|ar|an)[- ]", "", p.name.lower()).replace("-", " ").strip()


def _dates_ok(a: DateInterval | None, b: DateInterval | None) -> bool:
    if a is None or b is None:
        return True
    if a.start is None or b.start is None:
        # unresolved (no publication date): different weekdays are different days
        wa = _WEEKDAY.findall(a.span.text) if a.span else []
        wb = _WEEKDAY.findall(b.span.text) if b.span else []
        return not (wa and wb and {w.lower() for w in wa}.isdisjoint(w.lower() for w in wb))
    ae, be = a.end or a.start, b.end or b.start
    return not (ae < b.start or be < a.start)


def _places_ok(a: _Ev, b: _Ev) -> bool:
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return True
    if _norm_place(pa) == _norm_place(pb):
        return True
    if a.place_inherited or b.place_inherited:
        return True
    return pa.kind in ("region", "country") or pb.kind in ("region", "country")


def _types_ok(a: _Ev, b: _Ev) -> bool:
    if a.et != b.et:
        return False
    if a.st == b.st:
        return True
    return a.et in ("Battles", "Protests", "Riots")


_SUB_RANK = {
    "Armed clash": 0,
    "Government regains territory": 1,
    "Non-state actor overtakes territory": 1,
    "Peaceful protest": 0,
    "Protest with intervention": 1,
    "Excessive force against protesters": 2,
    "Mob violence": 0,
    "Violent demonstration": 0,
}


def _compatible(inc: _Ev, e: _Ev) -> bool:
    if not _types_ok(inc, e):
        return False
    if not _dates_ok(inc.date, e.date):
        return False
    if e.clause.distinct_time and inc.clause.sent == e.clause.sent:
        return False
    if inc.clause.distinct_time and inc.clause.sent == e.clause.sent:
        return False
    if e.force_new and not (
        e.place
        and inc.place
        and _norm_place(e.place) == _norm_place(inc.place)
        and not e.place_inherited
    ):
        return False
    return _places_ok(inc, e)


def _absorb(inc: _Ev, e: _Ev) -> None:
    if _SUB_RANK.get(e.st, 0) > _SUB_RANK.get(inc.st, 0):
        inc.st = e.st
        inc.trigger = e.trigger
    inc.strength = max(inc.strength, e.strength)
    if (inc.place is None or inc.place_inherited) and e.place is not None and not e.place_inherited:
        inc.place, inc.place_inherited = e.place, False
    elif (
        inc.place is not None
        and e.place is not None
        and inc.place.kind in ("region", "country")
        and e.place.kind in ("place", "district")
        and not e.place_inherited
    ):
        inc.place = e.place
    if inc.date is None and e.date is not None:
        inc.date = e.date
    elif not inc.date_in_clause and e.date_in_clause:
        inc.date, inc.date_in_clause = e.date, True
    same_text = (
        inc.trigger.text == e.trigger.text
        and inc.clause.end - inc.clause.start == e.clause.end - e.clause.start
    )
    for kind, items in e.counts.items():
        mine = inc.counts.setdefault(kind, [])
        if same_text:
            # a repeated paragraph: the figures are the same figures
            continue
        if kind in e.totals and items:
            # "The death toll rose to 12": a stated total replaces the figures told before it
            inc.counts[kind] = list(items)
            inc.totals[kind] = e.totals[kind]
            continue
        mine.extend(items)
    have = {(a.text.lower(), a.role) for a in inc.actors}
    for a in e.actors:
        if (a.text.lower(), a.role) not in have:
            inc.actors.append(a)
            have.add((a.text.lower(), a.role))
    inc.evidence.extend(e.evidence)
    inc.reference = inc.reference and e.reference


def _absorb_keeping_type(inc: _Ev, e: _Ev, *, keep_actors: bool = True) -> None:
    """Fold a side event's figures and evidence into ``inc`` without taking its type (nor,
    with ``keep_actors``, its sides)."""
    actors = list(inc.actors)
    keep = (inc.et, inc.st, inc.trigger)
    _absorb(inc, e)
    inc.et, inc.st, inc.trigger = keep
    if keep_actors:
        inc.actors = actors


def _ctext(e: _Ev) -> str:
    return e.clause_text


_ARMED_NONSTATE = {"Rebel group", "Political militia", "Identity militia"}


def _intervention(e: _Ev) -> bool:
    """Is ``e`` a security force's handling of a crowd: arrests, a dispersal, crowd-control
    munitions, or a fight with police in which no armed group takes part?"""
    types = {a.type for a in e.actors}
    if types & _ARMED_NONSTATE:
        return False
    if e.st in ("Arrests", "Protest with intervention"):
        return True
    if e.st in ("Grenade", "Armed clash") and "State forces" in types:
        return True
    return False


def _just_told(incidents: list[_Ev], e: _Ev, *, own_place: bool = False) -> _Ev | None:
    """The incident told just before ``e`` (in its paragraph or the one before), when ``e``
    names no place of its own (unless ``own_place``): what a side event may belong to."""
    if not incidents:
        return None
    last = incidents[-1]
    if not 0 <= e.clause.para - last.clause.para <= 1:
        return None
    if not own_place and not (e.place is None or e.place_inherited):
        return None
    return last


_COUNT_FIELDS = ("fatalities", "injured", "abducted", "arrested")


_CASUALTY_HOSTS = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")


def _casualties_of_last(incidents: list[_Ev], e: _Ev) -> _Ev | None:
    """ "A roadside bomb hit a police vehicle. Two officers were killed, three injured": a
    clause whose only event word is the casualty figure's own verb, with no attacker of its
    own, tells the toll of the incident just told, not an incident of its own."""
    if not incidents or e.force_new or e.clause.distinct_time or e.reference:
        return None
    # the dead and the wounded only: arrests and abductions after an attack are events of
    # their own
    trig_keys = {x[2] for k in ("killed", "injured") for x in e.counts.get(k, [])}
    if e.trigger.start not in trig_keys or e.et == "Strategic developments":
        return None
    figures = [(x.start, x.end) for x in e.evidence if x.field in _COUNT_FIELDS]
    for a in e.actors:
        # the victims read as a side ("2 officers dead") are no attacker
        if a.role == "perpetrator" and not (
            a.span is not None and any(a.span.start <= f0 < a.span.end for f0, _f1 in figures)
        ):
            return None
    last = incidents[-1]
    if last.et not in _CASUALTY_HOSTS or not 0 <= e.clause.para - last.clause.para <= 1:
        return None
    if not _dates_ok(last.date, e.date) or not _places_ok(last, e):
        return None
    return last


_CROWD = ("Riots", "Protests")


def _place_told_after(e: _Ev) -> bool:
    """Is the clause's own place a detail told after its verb ("was shot dead in the Hamdallaye
    neighbourhood", "fired tear gas near the market") rather than fronted as a new scene ("In
    Kumasi, police arrested 20")?"""
    own = [p for p in e.places if p.start >= e.clause.start]
    return all(p.start > e.trigger.start for p in own)


def _crowd_figures(incidents: list[_Ev], e: _Ev) -> _Ev | None:
    """ "Youths burned tyres in the capital. A 19-year-old was shot dead in one suburb, 11
    officers were injured and 20 people arrested": the figures of a demonstration told just
    before, in a clause whose only happening is what befell the crowd (deaths, injuries,
    arrests, its dispersal), with no armed group of its own and no day or scene of its own."""
    if not incidents or not e.counts or e.force_new or e.clause.distinct_time or e.reference:
        return None
    last = incidents[-1]
    if last.et not in _CROWD or not 0 <= e.clause.para - last.clause.para <= 1:
        return None
    if not (
        e.et == last.et  # a demonstration of the other kind is another crowd's
        or e.st == "Arrests"
        or (e.et == "Violence against civilians" and e.st == "Attack")
    ):
        return None
    if any(a.type in _ARMED_NONSTATE and a.role != "target" for a in e.actors):
        return None
    if _LATER.search(e.clause_text) or not _dates_ok(last.date, e.date):
        return None
    if e.date_in_clause and last.date is not None and e.date is not None and (
        e.date.start != last.date.start
    ):
        return None
    if not (_places_ok(last, e) or _place_told_after(e)):
        return None
    return last


def _merge(events: list[_Ev]) -> list[_Ev]:
    incidents: list[_Ev] = []
    pending_refs: list[_Ev] = []
    for e in events:
        host = _casualties_of_last(incidents, e)
        if host is not None:
            _absorb_keeping_type(host, e)
            continue
        crowd = _crowd_figures(incidents, e)
        if crowd is not None:
            if crowd.st == "Peaceful protest" and _intervention(e):
                crowd.st = "Protest with intervention"
            _absorb_keeping_type(crowd, e, keep_actors=False)
            continue
        if (
            e.st == "Disrupted weapons use"
            and incidents
            and incidents[-1].et == "Explosions/Remote violence"
            and abs(incidents[-1].clause.para - e.clause.para) <= 1
            and _WEAPON_SUBJECT.match(e.clause_text)
        ):
            # "X fired a missile at Y. The missile was intercepted": a disrupted attack
            inc = incidents[-1]
            inc.et, inc.st, inc.trigger = e.et, e.st, e.trigger
            _absorb(inc, e)
            continue
        last = _just_told(incidents, e)
        if (
            last is not None
            and last.et in ("Violence against civilians", "Battles")
            and (
                # "The assailants opened fire on the market. Several shops were looted", "20
                # others were wounded and shelters set on fire": part of the attack just told
                (e.st == "Looting/property destruction" and not e.actors and not e.date_in_clause)
                # "Soldiers also set fire to shops and took away a dozen people": more of the raid
                or (
                    e.st in ("Looting/property destruction", "Abduction/forced disappearance")
                    and _ALSO.search(e.clause_text) is not None
                    and _dates_ok(last.date, e.date)
                )
                # "Gunmen stormed the village ... 30 people were abducted": the raid's captives
                or (
                    e.st == "Abduction/forced disappearance"
                    and last.st == "Attack"
                    and last.et == e.et
                    and _dates_ok(last.date, e.date)
                )
            )
        ):
            _absorb_keeping_type(last, e)
            continue
        if (
            last is not None
            and e.st == "Other"
            and not e.counts
            and last.et not in ("Strategic developments", "Protests")
        ):
            # "... killing 17. Officers have been deployed to the area": the response to the
            # attack just told is part of its story, not an event of its own
            last.evidence.extend(e.evidence)
            continue
        scene = _just_told(incidents, e, own_place=True)
        if (
            scene is not None
            and scene.et in ("Riots", "Protests")
            and _intervention(e)
            and _dates_ok(scene.date, e.date)
            and _places_ok(scene, e)
            and not _LATER.search(e.clause_text)
        ):
            # "Students marched in Dhaka. Police used stun grenades and detained 12": the
            # force's response is part of the demonstration, which it turns into a protest
            # with intervention
            if scene.et == "Protests" and scene.st == "Peaceful protest":
                scene.st = "Protest with intervention"
            _absorb_keeping_type(scene, e, keep_actors=False)
            continue
        if (
            last is not None
            and e.st == "Arrests"
            and not e.date_in_clause
            and last.et in ("Riots", "Protests")
            and not _LATER.search(e.clause_text)
        ):
            # "... clashed with police. Police said 25 officers were injured and 60 people
            # arrested": the arrests and injuries belong to the riot just told
            _absorb_keeping_type(last, e)
            continue
        told = _just_told(incidents, e, own_place=True)
        if (
            told is not None
            and e.ref_kind == "subject"
            and _dates_ok(told.date, e.date)
            and _places_ok(told, e)
        ):
            # "The blast, claimed by the BLA, also wounded 60 people": the event just told,
            # and who it names are its sides
            _absorb_keeping_type(told, e, keep_actors=False)
            continue
        target = None
        for inc in reversed(incidents):
            if _compatible(inc, e):
                target = inc
                break
        if target is not None:
            _absorb(target, e)
            continue
        if e.reference:
            if not (BACK_REFERENCE.match(_ctext(e)) or _ANAPHORIC_SUBJECT.match(_ctext(e))):
                pending_refs.append(e)
            elif not incidents and e is events[0]:
                # "The militants stormed a police station ...": the report's first telling
                # has nothing before it to refer to
                incidents.append(e)
            continue
        incidents.append(e)
    for e in pending_refs:
        target = next((inc for inc in reversed(incidents) if _compatible(inc, e)), None)
        if target is None and e.counts and e.ref_kind == "definite" and not e.date_in_clause:
            # "Four militants were killed in the clash": the figure of the clash just told,
            # whatever day a later sentence lent it
            target = next(
                (
                    inc
                    for inc in reversed(incidents)
                    if _types_ok(inc, e) and 0 <= e.clause.para - inc.clause.para <= 1
                ),
                None,
            )
        if target is not None:
            _absorb(target, e)
        elif (
            e.counts or (e.ref_kind == "definite" and e.place is not None and not e.place_inherited)
        ) and not any(inc.et == e.et for inc in incidents):
            incidents.append(e)
    incidents.sort(key=lambda x: x.trigger.start)
    return incidents


_LATER = re.compile(
    r"\b(?:since|later|subsequently|afterwards|after|following|the next day|(?:has|have) been)\b",
    _F,
)
