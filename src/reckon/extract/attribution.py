"""Who is said to be responsible: an event told without its perpetrator often has one named
elsewhere in the report ("Al Shabaab claimed responsibility", "police blamed the attack on
separatist militants", "residents said, blaming the army").

The perpetrator so named is an actor of the event, with the span of its own words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reckon.extract.actors import ActorMention, find_actors
from reckon.model import Actor, Span

_F = re.IGNORECASE

# "blaming the army", "blamed the attack on X", "attributed the bombing to X", "accused X of"
_BLAME = re.compile(
    r"\b(?:blam(?:ed|es|ing|e)|attribut(?:ed|es|ing|e)|accus(?:ed|es|ing|e)|"
    r"pinned|pinning|suspect(?:ed|s)?)\s+"
    r"(?:(?:it|this|them|the\s+(?:[\w-]+\s+){0,2}?(?:attacks?|bombings?|blasts?|killings?|"
    r"ambush|assault|raid|explosion|strike|violence|shelling))\s+(?:on|to)\s+)?"
    r"(?:(?:members|fighters|elements|militants|a\s+faction)\s+of\s+)?",
    _F,
)
# "... was claimed by X", "carried out by X"
_BY = re.compile(
    r"\b(?:claimed|carried\s+out|perpetrated|committed|planted|placed|laid|detonated|"
    r"orchestrated|masterminded|fired|launched)\s+by\s+",
    _F,
)
# "X claimed responsibility", "X said it had carried out the attack"
_CLAIM = re.compile(
    # the group's acronym may follow its name: "Al-Qaeda in the Arabian Peninsula (AQAP) later ..."
    r"(?:\s*\([A-Z][\w-]{1,11}\))?"
    r"[\s,]*(?:(?:later|quickly|swiftly|has|have|had|also|reportedly|subsequently)\s+)*"
    r"(?:claimed|claims|claiming)\s+(?:responsibility|the\s+(?:attack|bombing|killing|ambush|"
    r"assault|raid|strike))|"
    r"[\s,]*(?:said|says)\b[^.;]{0,80}?\b(?:it|they)\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:carried\s+out|launched|conducted|was\s+behind|were\s+behind|fired|detonated|"
    r"struck|targeted|attacked|shelled|ambushed|bombed|downed|shot\s+down)\b",
    _F,
)
# between the verb and the actor: determiners and the actor's unlisted modifiers ("Somalia-based")
_LEAD = r"(?:(?:the|an?|suspected|alleged|(?-i:[A-Z])[\w'’-]*)\s+){0,3}$"
_BLAME_END = re.compile("(?:" + _BLAME.pattern + ")" + _LEAD, _F)
_BY_END = re.compile("(?:" + _BY.pattern + ")" + _LEAD, _F)
_ARMED = {
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "External/Other forces",
}
_DENIED = re.compile(r"[\s,]*(?:(?:has|have|had|also)\s+)?(?:denied|denies|rejected)\b", _F)


_SENTENCE_BREAK = re.compile(r"[.!?;\n]\s")


@lru_cache(maxsize=4)
def _cue_sentences(text: str) -> list[tuple[int, int, int, int]]:
    """(sentence start, sentence end, cue start, cue end) of every claim or blame in ``text``,
    found once per text."""
    breaks = [b.end() for b in _SENTENCE_BREAK.finditer(text)]
    out = []
    for pat in (_BLAME, _BY, _CLAIM):
        for m in pat.finditer(text):
            if not m.group(0).strip(" ,"):
                continue
            i = bisect_right(breaks, m.start())
            a = breaks[i - 1] if i else 0
            j = bisect_left(breaks, m.end() + 2)
            b = breaks[j] - 1 if j < len(breaks) else len(text)
            out.append((a, b, m.start(), m.end()))
    return out


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` that hold a claim or a blame (only there can an
    actor be named responsible: reading the others for actors is wasted time)."""
    out = [
        (max(a, start), min(b, end))
        for a, b, cs, ce in _cue_sentences(text)
        if start <= cs and ce <= end
    ]
    merged: list[tuple[int, int]] = []
    for a, b in sorted(out):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def responsible(text: str, start: int, end: int) -> list[ActorMention]:
    """Armed actors that ``text[start:end]`` names as responsible for an attack."""
    acts = [
        a
        for lo, hi in _windows(text, start, end)
        for a in find_actors(text, lo, hi)
        if a.type in _ARMED
    ]
    out: list[ActorMention] = []
    for a in acts:
        before = text[max(start, a.start - 60) : a.start]
        named = _BLAME_END.search(before) or _BY_END.search(before)
        claims = _CLAIM.match(text, a.end, end) and not _DENIED.match(text, a.end, end)
        if named or claims:
            out.append(a)
    return out


def add_responsible(
    text: str, incidents: Sequence[Any], paras: list[tuple[int, int]], *, whole: bool
) -> None:
    """Give an attack told without its perpetrator the one the report holds responsible: in the
    rest of its paragraph or the next (before another incident is told), or (``whole``: the
    report tells one incident) anywhere after it."""
    starts = sorted(e.clause.start for e in incidents)
    for e in incidents:
        if e.et not in ("Explosions/Remote violence", "Violence against civilians", "Battles"):
            continue
        # (civilians read as the subject are no attackers: see ``roles.settle``)
        if any(a.role == "perpetrator" and a.type != "Civilians" for a in e.actors):
            continue
        pi = e.clause.para
        if not 0 <= pi < len(paras):
            continue
        pa, pb = paras[pi]
        lo = max(pa, e.clause.start)
        # up to the next incident told, at most the next paragraph
        nxt = next((s for s in starts if s > e.clause.start), len(text))
        reach = paras[pi + 1][1] if pi + 1 < len(paras) else pb
        hi = len(text) if whole else max(pb, min(nxt, reach))
        found = responsible(text, lo, hi)
        if not found:
            continue
        a = found[0]
        e.actors.append(Actor(a.text, "perpetrator", a.type, Span(a.start, a.end, a.text)))
