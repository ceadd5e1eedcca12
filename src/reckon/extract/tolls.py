"""Cumulative and historical tolls: figures that sum many incidents over a period or region.

"over 1,400 killed since last Thursday", "the war has killed 150,000", "at least 10 people were
killed across Ukraine in 24 hours". A toll is never an incident and its figure is never added to
an incident's count.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE

# Markers that make a casualty figure in the same clause a toll.
CUMULATIVE = re.compile(
    r"\bsince\b(?!\s+(?:been|then|fled|returned|left|died|risen|rose|climbed|increased|jumped))|\bso far\b|(?<!earlier )(?<!later )\bthis (?:year|month)\b|\bin total\b|\boverall\b|"
    r"\bacross (?:the |its |their )?(?:(?-i:[A-Z])[\w-]*|country|region|territory|province|state|"
    r"city|enclave|strip|north|south|east|west)|\bin (?:the )?(?:previous|past|last) "
    r"(?:\d+|twenty-four|24|several|few|two|three) (?:hours|days|weeks|months|years)\b|"
    r"\bin 24 hours\b|\bover the (?:weekend|past (?:\w+ )?(?:days|weeks|months))\b|"
    r"\btally\b|\bcumulative\b|\bbringing the (?:total|number|overall|cumulative)\b|\b(?:\w+ )?(?:days|weeks|months|years) of "
    r"(?:clashes|fighting|violence|war|conflict|unrest)|\bwhich (?:began|broke out|erupted)\b|"
    r"\b(?:has|have) (?:killed|claimed|left)\b|\b(?:has|have) (?:seen|recorded|documented)\b|"
    r"(?<!may )(?<!might )(?<!could )\bhave (?:been )?(?:died|killed)\b|"
    r"(?<!may )(?<!might )(?<!could )\b(?:has|have) been killed\b",
    _F,
)
# A conflict-as-subject ("the war killed", "Syria's civil war, which began in 2011, killed").
CONFLICT_SUBJECT = re.compile(
    r"\b(?:war|conflict|insurgency|unrest|uprising|rebellion|ordnance)\b",
    _F,
)
# Words that tie a figure to one event even with a marker around ("the death toll from
# Sunday's attack has risen to 52").
EVENT_UPDATE = re.compile(
    r"\b(?:death toll|toll|number of (?:people )?(?:killed|dead)|number of deaths) "
    r"(?:from|of|in) (?:the |this |last |\w+'s |\w+ night's |\w+ (?:morning|evening)'s )",
    _F,
)
# "killed in the attack on Thiou": the figure belongs to one named event
ONE_EVENT = re.compile(
    r"\b(?:killed|died|dead|wounded|injured)\s+(?:in|during)\s+(?:the|an?|\w+['’]s)\s+"
    r"(?:\w+\s+)?(?:attack|strike|air ?strike|bombing|raid|ambush|clash|explosion|blast|"
    r"assault|shelling|massacre)\s+(?:on|in|at|near)\b",
    _F,
)
_COMPARISON = re.compile(
    r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|most (?:deadly|intense|serious))\b"
    r"[^,.;]{0,120}",
    _F,
)
_ONE_ASSAULT = re.compile(
    r"\b(?:stormed|attacked|raided|bombed|struck|shelled|ambushed|overran|besieged|hit)\s+"
    r"(?:the|a|an)\s|\b(?:in|during) (?:an|a|the) (?:[\w-]+ )?(?:attack|raid|assault|ambush)"
    r" on\b",
    _F,
)
_WHEN = re.compile(r"\b(?:had been|were|was) (?:killed|wounded|injured)\b.{0,40}\bwhen\b", _F)
HISTORICAL_YEAR = re.compile(r"\b(?:in |the |a )?(19[5-9]\d|20[0-4]\d)\b")
_SUB_PERIOD = re.compile(r"\b(?:in|during|over) (?:the )?(?:past|previous|last) (\d+|24) hours\b")


RAISING = re.compile(
    r"[,;]?\s*\b(?:raising|bringing|pushing|taking|lifting|increasing)\s+the\s+(?:total|number|"
    r"overall|cumulative|death toll|toll|tally|count)\b",
    _F,
)


def is_toll_clause(clause: str, count_pos: int) -> bool:
    """Does a casualty figure at ``count_pos`` (relative to ``clause``) read as a toll?"""
    raising = RAISING.search(clause)
    if raising and count_pos < raising.start():
        # "the attack killed 18 people, raising the number killed this month to 120": the 18
        # is the attack's own figure; only what comes after the marker sums many incidents
        return is_toll_clause(clause[: raising.start()], count_pos)
    if re.search(r"\bbringing the (?:total|number|overall|cumulative)\b", clause, _F):
        return True
    if EVENT_UPDATE.search(clause) or ONE_EVENT.search(clause):
        return False
    if _WHEN.search(clause) and not re.search(r"\bsince\b(?!\s+been)", clause, _F):
        return False
    before = clause[: max(0, count_pos)]
    # "in the deadliest such attack since Washington stepped up its campaign", "one of the
    # deadliest attacks on the capital this year": a comparison, not a sum
    compared = [(m.start(), m.end()) for m in _COMPARISON.finditer(clause)]
    markers = [
        m.group(0).lower()
        for m in CUMULATIVE.finditer(clause)
        if not any(a <= m.start() < b for a, b in compared)
    ]
    if (
        markers
        and all(m.startswith("over the weekend") for m in markers)
        and _ONE_ASSAULT.search(clause)
    ):
        # "stormed the camp over the weekend, killing at least 47": one assault, two days long
        return False
    if markers:
        return True
    m = CONFLICT_SUBJECT.search(before)
    return bool(m and re.search(r"\b(?:killed|claimed)\b", clause[m.end() :]))


def historical_year(clause: str, published_year: int | None) -> int | None:
    """A year in the clause that lies before the publication year (the 2013 bombing)."""
    if published_year is None:
        return None
    for m in HISTORICAL_YEAR.finditer(clause):
        y = int(m.group(1))
        if y < published_year:
            return y
    return None
