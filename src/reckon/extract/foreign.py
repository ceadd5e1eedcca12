"""State forces at home or abroad: a state's forces are *State forces* in their own country and
*External/Other forces* elsewhere (ACLED), unless the two states are at war with each other.

The country of an incident is known once it is geocoded; ``retype(extraction, names)`` then
settles the type of every state force whose nationality its words tell ("Kenyan police",
"Iran's Revolutionary Guards", "Russian aircraft", "the Israel Defense Forces").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from reckon.lexicon import demonyms, groups_in, load_table
from reckon.model import Extraction

_STATEISH = ("State forces", "External/Other forces")
_WORD = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
# "Turkish-backed factions", "Iran-aligned militias": the sponsor is not the actor
_SPONSOR = re.compile(r"[\w-]+-(?:backed|aligned|affiliated|allied|funded|trained|supported)\b")


@lru_cache(maxsize=1)
def _wars() -> tuple[tuple[frozenset[str], str | None, str | None], ...]:
    return tuple(
        (frozenset((r["a"], r["b"])), r["from"] or None, r["to"] or None)
        for r in load_table("interstate_wars.tsv")
    )


def at_war(a: str, b: str, day: str | None) -> bool:
    """Are the states ``a`` and ``b`` (ISO codes) at war with each other on ``day``?"""
    pair = frozenset((a, b))
    for p, start, end in _wars():
        if p == pair and (day is None or ((not start or day >= start) and (not end or day <= end))):
            return True
    return False


def nationality(phrase: str, names: Mapping[str, str] | None = None) -> str | None:
    """The state (ISO code) whose forces ``phrase`` names, if its words tell one."""
    phrase = _SPONSOR.sub(" ", phrase)
    for a, b, g in groups_in(phrase):
        if g.type == "State forces" and len(g.countries) == 1 and b - a > 2:
            return g.countries[0]
    dem = demonyms()
    names = names or {}
    # the longest run of capitalised words first: "South Sudan's army" is South Sudan's
    for m in re.finditer(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:['’]s)?", phrase):
        words = re.sub(r"['’]s$", "", m.group(0)).split()
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                w = " ".join(words[i : i + n])
                iso = dem.get(w) or names.get(w)
                if iso:
                    return iso
    return None


def settle_type(
    atype: str,
    phrase: str,
    country: str | None,
    day: str | None,
    names: Mapping[str, str] | None = None,
) -> str:
    """The type of a state force named by ``phrase`` in an incident in ``country``."""
    if atype not in _STATEISH or not country:
        return atype
    nat = nationality(phrase, names)
    if nat is None:
        return atype
    if nat == country or at_war(nat, country, day):
        return "State forces"
    return "External/Other forces"


def retype(extraction: Extraction, names: Mapping[str, str] | None = None) -> None:
    """Settle, in place, home or foreign for the state forces of every geocoded incident."""
    for m in extraction.incidents:
        loc = m.location
        country = loc.iso if loc is not None else None
        if not country:
            continue
        day = m.date.start if m.date is not None else extraction.report.published
        for a in m.actors:
            a.type = settle_type(a.type, a.text, country, day, names)
