"""Clues to a report's country besides its toponyms: named groups and state forces and the
countries they fight in, administrative words that only some countries use ("LGA", "oblast",
"woreda", "barangay"), and the outlet's home. Country names and demonyms are read by
:func:`reckon.geo.context.countries_in_text`.

Each clue is a vote (country, weight); a clue that points to several countries spreads its
weight over them (JNIM: Mali, Burkina Faso, Niger, Benin, Togo). They are weaker than a country
named as where things happen, and only decide between the readings of a report's toponyms.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from reckon.lexicon import admin_unit_countries, groups_in, outlets

GROUP_WEIGHT = 2.0  # one named group, spread over its countries
GROUP_MAX = 3.0  # all groups together, per country
HOME_EXTRA = 0.5  # the group's home country (listed first) weighs this much more
ADMIN_WORD_WEIGHT = 1.0  # one administrative word, spread over its countries
ADMIN_WORD_MAX = 1.5
OUTLET_WEIGHT = 1.0


@lru_cache(maxsize=1)
def _admin_word_pattern() -> re.Pattern[str]:
    words = sorted((w for w, cs in admin_unit_countries().items() if cs), key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    # "LGA" in capitals, the others in any case after a capitalised name ("Monguno LGA",
    # "Kharkiv oblast") or before one ("the woreda of")
    return re.compile(rf"(?<![\w-])({alt})(?![\w-])", re.IGNORECASE)


def group_votes(text: str, day: str | None = None) -> Counter:
    """Countries of the named groups and forces of a text ("JNIM fighters", "FACA")."""
    out: Counter = Counter()
    seen: set[str] = set()
    for _a, _b, g in groups_in(text, day):
        if g.name in seen or not g.countries:
            continue
        seen.add(g.name)
        # the first country listed is the group's home: it weighs half as much again as each
        # other (al-Shabaab: Somalia before Kenya)
        share = GROUP_WEIGHT / (len(g.countries) + HOME_EXTRA)
        for i, c in enumerate(g.countries):
            w = share * (1.0 + HOME_EXTRA) if i == 0 else share
            out[c] = min(GROUP_MAX, out[c] + w)
    return out


def admin_word_votes(text: str) -> Counter:
    """Countries that use the administrative words of a text for their units."""
    table = admin_unit_countries()
    out: Counter = Counter()
    seen: set[str] = set()
    for m in _admin_word_pattern().finditer(text):
        word = " ".join(m.group(1).lower().split())
        if word in seen:
            continue
        if word == "lga" and m.group(1) != "LGA":
            continue
        seen.add(word)
        cs = table.get(word, ())
        for c in cs:
            out[c] = min(ADMIN_WORD_MAX, out[c] + ADMIN_WORD_WEIGHT / len(cs))
    return out


def outlet_country(source: str | None) -> str | None:
    """The home country of a report's outlet, when it is one of a single country."""
    if not source:
        return None
    return outlets().get(" ".join(source.lower().split()))


def clue_votes(text: str, *, source: str | None = None, day: str | None = None) -> Counter:
    """All non-toponym clues of a report except country names and demonyms."""
    out = group_votes(text, day) + admin_word_votes(text)
    home = outlet_country(source)
    if home:
        out[home] += OUTLET_WEIGHT
    return out
