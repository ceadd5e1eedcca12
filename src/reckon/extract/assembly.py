"""Figures of one incident: counts attached to a frame, added and reconciled."""

from __future__ import annotations

import re

from reckon.extract import actors as actors_mod
from reckon.extract import events as ev
from reckon.extract.cues import _ADDITIVE, _F, _SUPERSEDED, _Ev
from reckon.extract.segment import (
    Clause,
)
from reckon.model import (
    Actor,
    Count,
    Evidence,
    Span,
)

_SUBSET = re.compile(r"^\s*(?:of (?:them|whom)|were (?:women|children|civilians|soldiers))", _F)


_SUBSET_BEFORE = re.compile(r"(?:including|among them|among whom|of whom)\s*$", _F)


_UP_FROM = re.compile(r"(?:up from|from an earlier|earlier figure of|previous toll of)\s*$", _F)


_UNKNOWN_AFTER = re.compile(
    r"\s*(?:were |was |is |are |remain(?:s|ed)? )?(?:unknown|not known|unclear|not (?:yet )?"
    r"(?:known|clear|available))\b",
    _F,
)


# "several (wounded) people died in hospital", "three of the critically injured succumbed"
_WOUNDED_DIED = re.compile(
    r"\s+(?:(?:of\s+the\s+)?(?:seriously\s+|critically\s+)?(?:wounded|injured)(?:\s+\w+)?\s+)?"
    r"(?:later\s+|had\s+|have\s+)?(?:died|succumbed)\b",
    _F,
)


_CONDITION = re.compile(r"in (?:a )?(?:critical|serious|stable)|hospitali[sz]ed|treated", _F)


_SIDE = {
    "State forces": "state",
    "External/Other forces": "state",
    "Rebel group": "nonstate",
    "Political militia": "nonstate",
    "Identity militia": "nonstate",
    "Civilians": "civ",
}


_ATTACKER_HEAD = re.compile(r"assailants|attackers|raiders|gunmen|assaulters", _F)


def _add_counts(a: Count, b: Count) -> Count:
    def s(x: int | None, y: int | None) -> int | None:
        return None if x is None or y is None else x + y

    low = s(a.low if a.low is not None else a.best, b.low if b.low is not None else b.best)
    return Count(low, s(a.best, b.best), s(a.high, b.high), "sum", a.span)


def _alt_counts(a: Count, b: Count) -> Count:
    # a vague word ("several", "dozens") never overrides an explicit figure
    if a.qualifier == "vague" and b.qualifier != "vague" and b.best is not None:
        return b
    if b.qualifier == "vague" and a.qualifier != "vague" and a.best is not None:
        return a
    lows = [x for x in (a.low, b.low) if x is not None]
    bests = [x for x in (a.best, b.best) if x is not None]
    highs = [a.high, b.high]
    low = min(lows) if lows else None
    best = min(bests) if bests else None
    if None in highs:
        high = None
        # a bounded and an unbounded claim: the larger bound still counts as high
        bounded = [x for x in highs if x is not None]
        if bounded and a.high is not None and b.high is not None:
            high = max(bounded)
        elif bounded:
            high = None
    else:
        high = max(x for x in highs if x is not None)
    if high is None:
        # keep the highest explicit figure as high when sources disagree
        vals = [x for x in (a.best, b.best, a.high, b.high) if x is not None]
        if len({a.best, b.best}) > 1 and vals and a.high is not None and b.high is not None:
            high = max(vals)
    if best is not None and best != max(bests or [0]) and high is None:
        # disagreement: lowest figure as best, the highest as high
        if a.high is not None or b.high is not None:
            high = max(bests)
    return Count(low, best, high, "range", a.span or b.span)


def _final_count(items: list[tuple[Count, bool, int, int, str]]) -> Count | None:
    """Combine the figures of one kind: victim groups sum, updates replace, sources disagree."""
    if not items:
        return None
    # group by trigger position (same trigger = victim groups of one figure)
    groups: dict[int, Count] = {}
    order: list[int] = []
    additive: dict[int, bool] = {}
    sides: dict[int, str] = {}
    for c, add, trig, _sk, vic in items:
        side = vic.split("|")[1] if "|" in vic else ""
        if trig in groups:
            groups[trig] = _add_counts(groups[trig], c)
        else:
            groups[trig] = c
            order.append(trig)
            additive[trig] = add
            sides[trig] = side
    result: Count | None = None
    parts: list[int | None] = []  # the figures a sum was made of
    seen_sides: set[str] = set()
    for k in order:
        c = groups[k]
        other_side = sides[k] not in seen_sides and (
            (sides[k] in ("state", "nonstate") and bool(seen_sides & {"state", "nonstate"}))
            # the attackers' dead and their victims are different people
            or (sides[k] == "attackers" and bool(seen_sides - {""}))
            or (sides[k] != "" and "attackers" in seen_sides)
        )
        seen_sides.add(sides[k])
        if result is None:
            result = c
            parts = [c.best]
        elif additive[k] or other_side:
            result = _add_counts(result, c)
            parts.append(c.best)
        elif len(parts) > 1 and c.best in parts:
            continue  # a part restated ("the two who were killed"), not another source
        else:
            result = _alt_counts(result, c)
            parts = [result.best]
    return result


_VAC = "Violence against civilians"


_AGAINST_GROUP = re.compile(
    r"\b(?:attacks?|killings?|violence|reprisals?|revenge|vengeance|massacres?|atrocities|"
    r"abuses)\s+(?:[\w-]+\s+){0,2}?(?:against|on|targeting)\s+(?:the\s+|an?\s+)?"
    r"(?:(?:minority|local|whole|entire)\s+)?",
    _F,
)


def _victims_in_paragraph(text: str, e: _Ev, paras: list[tuple[int, int]]) -> None:
    """Violence against civilians with no victims named in its clause: the paragraph may say
    whom such violence was against ("revenge attacks against the minority Alawite sect")."""
    if e.et != _VAC or any(a.role == "target" for a in e.actors):
        return
    pi = e.clause.para
    if not 0 <= pi < len(paras):
        return
    pa, pb = paras[pi]
    for m in _AGAINST_GROUP.finditer(text, pa, pb):
        found = actors_mod.find_actors(text, m.end(), min(pb, m.end() + 60))
        a = found[0] if found else None
        if a is None or a.start != m.end() or a.type != "Civilians":
            continue
        e.actors.append(Actor(a.text, "target", a.type, Span(a.start, a.end, a.text)))
        return


_COORD_CODES = (ev.LOOT, ev.ABDUCT, ev.MASSACRE, ev.SEXUAL)


_COORD = re.compile(r"^\s*(?:and|or|,|as well as)\s*(?:\w+\s+)?$", _F)


def _coordinated(
    text: str, cl: Clause, triggers: list[ev.Trigger], decision: ev.Decision, main: _Ev
) -> list[_Ev]:
    """Events named side by side with the clause's main one ("killings and looting")."""
    out: list[_Ev] = []
    seen = {(decision.event_type, decision.sub_event_type)}
    for t in triggers:
        if t.code not in _COORD_CODES or t is decision.key:
            continue
        joined = any(
            o is not t
            and o.code in _COORD_CODES + (decision.key.code if decision.key else "",)
            and (
                _COORD.match(text[o.end : t.start]) is not None
                or _COORD.match(text[t.end : o.start]) is not None
            )
            for o in triggers
        )
        if not joined:
            continue
        d = ev.classify([t], set(), {"Civilians"})
        if d is None or (d.event_type, d.sub_event_type) in seen:
            continue
        seen.add((d.event_type, d.sub_event_type))
        x = _Ev(d.event_type, d.sub_event_type, d.strength * 0.9, t, cl)
        x.places = list(main.places)
        x.date, x.date_in_clause = main.date, main.date_in_clause
        x.reference, x.headline = main.reference, main.headline
        # "kidnapping and summary executions": the same hands, and among civilians the same victims
        keep = ("perpetrator", "target") if d.event_type == main.et == _VAC else ("perpetrator",)
        x.actors = [a for a in main.actors if a.role in keep]
        out.append(x)
    return out


def _attach_counts(text: str, e: _Ev, counts: list) -> None:
    additive = bool(_ADDITIVE.search(text[e.clause.start : e.clause.end]))
    for c in counts:
        _add_count(text, e, c, additive=additive)


_TOTAL_BEFORE = re.compile(
    r"(?:\b(?:bringing|raising|pushing|taking|lifting|increasing)\s+the\s+(?:overall\s+|total\s+)?"
    r"(?:death\s+)?(?:toll|total|number|tally)\b[^.;]{0,100}?\bto|"
    # "The toll from Saturday's bombing rose to 11, as two of the wounded died"
    r"\b(?:death\s+)?(?:toll|tally)\b[^.;]{0,100}?\b(?:rose|risen|climbed|jumped|increased)\s+to)"
    r"\s+(?:at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|about\s+|around\s+|some\s+)?$",
    _F,
)


def _add_count(text: str, e: _Ev, c, additive: bool | None = None) -> None:
    if c.hedged in ("denied", "threat"):
        return
    sp = c.count.span
    if (
        _SUBSET.match(text[sp.end : sp.end + 30])
        or _SUBSET_BEFORE.search(text[max(0, sp.start - 25) : sp.start])
    ) and (
        e.counts.get(c.kind)
        # "Eleven remained in hospital, three of them in a serious condition": the state of
        # some of the wounded, not a figure of its own
        or (c.trigger is not None and _CONDITION.match(c.trigger.text))
    ):
        return
    if _UP_FROM.search(text[max(0, sp.start - 30) : sp.start]):
        return
    if _UNKNOWN_AFTER.match(text, sp.end):
        return  # "Fatalities unknown."
    if c.kind == "injured" and _WOUNDED_DIED.match(text, sp.end):
        return  # "after several wounded people died in hospital": no longer wounded
    if (
        c.sentence is not None
        and _SUPERSEDED.search(c.sentence.text)
        and any(x[0].best is not None for x in e.counts.get(c.kind, []))
    ):
        return  # "Initial reports had put the toll at 24": replaced by the figure already told
    if additive is None:
        additive = False
    sent_start = c.sentence.start if c.sentence is not None else -1
    if _TOTAL_BEFORE.search(text, max(0, sp.start - 140), sp.start):
        # "two more bodies were found, bringing the death toll from the strike to 52": the
        # total replaces the figures that led to it
        e.counts[c.kind] = []
        e.totals[c.kind] = sent_start
        additive = False
    elif e.totals.get(c.kind, -2) == sent_start:
        return  # a step of that total, told in the same sentence
    trig_key = c.trigger.start if c.trigger is not None else sp.start
    sent_key = c.sentence.start if c.sentence is not None else -1
    victims = ""
    if c.victims is not None and c.victims.text.split():
        side = ""
        va = actors_mod.find_actors(text, c.victims.start, c.victims.end)
        if va:
            side = _SIDE.get(va[-1].type, "")
        head = c.victims.text.lower().split()[-1]
        if _ATTACKER_HEAD.fullmatch(head):
            side = "attackers"  # "the army said it killed 50 assailants": the other side's dead
        victims = head + "|" + side
    for _cnt, _add, tk, sk, vic in e.counts.get(c.kind, []):
        if tk == trig_key or not vic or not victims:
            continue
        head_a, side_a = vic.split("|")
        head_b, side_b = victims.split("|")
        if sk == sent_key >= 0 and head_a != head_b:
            additive = True  # victim groups of one sentence: "three policemen ... two attackers"
    e.counts.setdefault(c.kind, []).append((c.count, additive, trig_key, sent_key, victims))
    field_name = {"killed": "fatalities"}.get(c.kind, c.kind)
    e.evidence.append(Evidence(field_name, sp.text, sp.start, sp.end))
