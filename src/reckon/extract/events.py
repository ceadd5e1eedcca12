"""Event triggers; their ACLED event type and sub-type is decided in :mod:`reckon.extract.classify`.

A *trigger* is a word or phrase that signals a kind of happening ("airstrike", "ambushed",
"abducted", "tear gas"). Triggers are found with precompiled regular expressions; a clause's
triggers, together with the types of its actors, decide its ACLED event type and sub-type by
the codebook's precedence rules (e.g. a strike from the air stays Explosions/Remote violence even
when civilians die; an armed attack on state forces is a Battle; armed violence against civilians
is Violence against civilians).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reckon.extract.codes import (  # noqa: F401  (the codes are part of this module's names)
    _F,
    ABDUCT,
    AGREE,
    AIR,
    ARREST,
    ATTACK,
    CAPTURE,
    CHANGE,
    CHEM,
    CLASH,
    DISPERSE,
    DISRUPT,
    FIRE_ON,
    GRENADE,
    HQ,
    IED,
    KILL,
    LOOT,
    MASSACRE,
    MOB,
    OTHER,
    PROTEST,
    REGAIN,
    RIOT,
    SEXUAL,
    SHELL,
    SUICIDE,
    TRANSFER,
    WOUND,
)
from reckon.lexicon import load_table


def _load() -> tuple[dict[str, str], dict[str, str]]:
    """The trigger alternatives and cancelling contexts of each code, from ``triggers.tsv``."""
    trig: dict[str, list[str]] = {}
    cancel: dict[str, list[str]] = {}
    for r in load_table("triggers.tsv"):
        (trig if r["kind"] == "trigger" else cancel).setdefault(r["code"], []).append(r["pattern"])
    return (
        {c: "|".join(alts) for c, alts in trig.items()},
        {c: "|".join(alts) for c, alts in cancel.items()},
    )


_PATTERNS, _CANCEL_PATTERNS = _load()

PATTERNS: dict[str, re.Pattern[str]] = {
    code: re.compile(r"(?<![\w-])(?:" + pat + r")", _F) for code, pat in _PATTERNS.items()
}

# Codes that by themselves can open an incident.
STRONG = {
    AIR,
    SHELL,
    IED,
    SUICIDE,
    GRENADE,
    CHEM,
    CLASH,
    REGAIN,
    CAPTURE,
    MASSACRE,
    ABDUCT,
    SEXUAL,
    PROTEST,
    RIOT,
    MOB,
    ARREST,
    LOOT,
    AGREE,
    CHANGE,
    DISRUPT,
    HQ,
    TRANSFER,
    OTHER,
    KILL,
    ATTACK,
}

# Contexts that cancel a trigger (figurative, non-violent or supporting uses).
_CANCEL = {code: re.compile(pat, _F) for code, pat in _CANCEL_PATTERNS.items()}

# Territory objects for CAPTURE / REGAIN.
TERRITORY = re.compile(
    r"\b(?:town|village|villages|city|base|outpost|post|camp|positions?|area|district|"
    r"neighbou?rhood|hill|airport|airbase|crossing|checkpoint|barracks|territory|"
    r"region|province|county|settlement|locality|dam|bridge|port|oilfield|junction|capital|"
    r"prefecture|stronghold|headquarters|garrison|detachment)\b|"
    r"(?:the town|control) of [A-Z]|\b(?:it|them)\b",
)
_CAPS_OBJECT = re.compile(r"^\s*(?:the )?(?:town |village |city )?(?:of )?[A-Z][\w'-]+")


_GENERIC = re.compile(
    r"\b(?:string|series|wave|spate|number|campaign|history|threat|risk|fear|fears) of "
    r"(?:[\w-]+ ){0,2}$|"
    r"\b(?:preparing|planning|plotting|planned|plotted|threatening|threatened|intending|"
    r"vowed|vowing|ready|warned of|warning of|fears? of|risk of|to prevent|to avert|"
    r"aimed at ending|to end|ending|to halt|halting|to stop|stopping|an end to|a halt to)"
    r"(?: to)? (?:an? |the |new |more |further )?(?:[\w-]+ )?$|"
    r"\b(?:will|would|could|might|shall|plans? to|planning to|aims? to|threatened to|"
    r"threatening to|vowed to|vows to|promised to|intends? to|set to|about to|not tolerate|"
    r"(?:years|decades|months) after|anniversary of|commemorat\w+|in memory of|remember)"
    r"(?: (?:not|the|an?|its|their|our|any|more|further|new))?(?: [\w-]+){0,2} $|"
    r"\b(?:offensive|campaign|plans?|bid|effort|attempts?|push|orders?|ready|preparations?) "
    r"to $|\b(?:fled|fleeing|flee|escaped|escaping|displaced by|caught in|uprooted by) "
    r"(?:the |recent |heavy |renewed )?$|"
    # a long fight behind the news: "signed a peace accord after years of deadly clashes", "a
    # dispute that had repeatedly erupted into fighting"
    r"\b(?:after|following|ended|ending|end|ends) (?:[\w-]+ ){0,3}(?:years?|months?|weeks?|decades?) "
    r"of (?:[\w-]+ ){0,2}$|"
    r"\b(?:had|has|have) (?:[\w-]+ )?(?:erupted|escalated|spilled over|flared up|descended|"
    r"turned) into (?:[\w-]+ ){0,2}$",
    _F,
)


@dataclass(frozen=True, slots=True)
class Trigger:
    code: str
    start: int
    end: int
    text: str


def find_triggers(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """Every trigger in ``text[start:end]`` (absolute offsets), sorted by position."""
    if end is None:
        end = len(text)
    seg = text[start:end]
    out: list[Trigger] = []
    for code, pat in PATTERNS.items():
        found = list(pat.finditer(seg))
        if not found:
            continue
        cancel = _CANCEL.get(code)
        cancelled: list[tuple[int, int]] = []
        if cancel is not None:
            cancelled = [(m.start(), m.end()) for m in cancel.finditer(seg)]
        for m in found:
            a, b = m.start(), m.end()
            if a == b:
                continue
            if _GENERIC.search(seg[max(0, a - 40) : a]):
                continue
            if any(ca <= a < ce for ca, ce in cancelled):
                continue
            if code in (CAPTURE, REGAIN):
                after = seg[b : b + 60]
                if not (TERRITORY.search(after[:40]) or _CAPS_OBJECT.match(after)):
                    continue
            out.append(Trigger(code, start + a, start + b, m.group(0)))
    from reckon.extract.removals import removals as _removals  # needs Trigger, defined here

    removals = _removals(text, start, end)
    if removals:  # "marched 20 students into the forest" is no march of protest
        out = [
            t for t in out
            if not (t.code == PROTEST and any(r.start <= t.start < r.end for r in removals))
        ]
        out.extend(removals)
    out.sort(key=lambda t: (t.start, t.end, t.code))
    return out


# classification lives in reckon.extract.classify; its names stay reachable from here
from reckon.extract.classify import ARMED, NONSTATE, STATEISH, WEAK, Decision, classify  # noqa: E402, F401, I001
