"""Cue patterns of the reader's stages, its frame record (``_Ev``) and small date helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from reckon.extract import dates as dates_mod
from reckon.extract import events as ev
from reckon.extract.places import PlaceMention
from reckon.extract.segment import (
    Clause,
)
from reckon.model import (
    Actor,
    Count,
    DateInterval,
    Evidence,
    Report,
)

_F = re.IGNORECASE


_ADDITIVE = re.compile(
    r"\b(?:also|as well|in addition|another|further|more|of the (?:wounded|injured))\b", _F
)


_NEW_INCIDENT = re.compile(r"\b(?:a second|another|separately|in a separate|elsewhere)\b", _F)


_DEFINITE = re.compile(
    r"\b(?:the|both|these|those|this|that|the latest|the same|the recent)\s+"
    r"(?:[\w-]+\s+){0,1}$",
    _F,
)


_BLAME = re.compile(
    r"\b(?:blam(?:ed|ing)|suspect(?:ed)?|accus(?:ed|ing)|attributed (?:it )?to|"
    r"claimed by)\s+((?:the\s+)?[\w'’ -]{2,60}?)(?=[,.;]|\s+(?:for|of|militants|who|which)\b|$)",
    _F,
)


# a date mention must name a day, month, year or a relative unit ("shortly after" does not)
_DATE_WORD = re.compile(
    r"\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec)[a-z]*\b|\b(?:yesterday|today|tonight|overnight|weekend|week|month|year|"
    r"day|days|night|morning|afternoon|evening|dawn|ago|earlier|later|previous|last|recent)",
    _F,
)


_ANAPHORIC_SUBJECT = re.compile(
    r"^\s*(?:the (?:attackers|assailants|gunmen|militants|fighters|raiders|perpetrators)|"
    r"they)\b",
    _F,
)


_SUPERSEDED = re.compile(
    r"\b(?:initial(?:ly)?|earlier|first|previous(?:ly)?|preliminary)\s+(?:\w+\s+)?"
    r"(?:reports?|figures?|tolls?|counts?|estimates?|tallies)\b",
    _F,
)


_EVENT_SUBJECT = re.compile(
    r"^\s*(?:the|this|that)\s+(?:[\w-]+\s+)?(?:blast|explosion|bombing|attack|strike|raid|"
    r"ambush|assault|shelling|bomb)\b(?!\s+(?:on|in|at|near|against)\b)",
    _F,
)


_EVENT_NOUN = re.compile(
    r"strike|attack|assault|raid|shelling|bombing|clash|fighting|battle|killing|explosion|blast|"
    r"ambush|massacre|abduction|kidnapping|shooting|offensive|onslaught|bombardment|incursion|"
    r"operation|violence|unrest|uprising",
    _F,
)


_DURATIVE = re.compile(
    r"\b(?:has|have|had) (?:long |repeatedly |been )?(?:fought|fighting|battled|clashed|"
    r"attacked|targeted)\b|\bfor (?:months|years|weeks|decades)\b|\bsince (?:19|20)\d\d\b|"
    # "which has stepped up attacks on security forces": a trend, not a happening
    r"\b(?:has|have|had) (?:\w+ )?(?:stepped up|intensified|escalated|ramped up)\b|"
    # "a coalition fighting IS", "is leading the fight against": a standing description
    r"\b(?:coalition|alliance|forces|groups?|rebels|militias?|factions?)\s+(?:that (?:is|are)\s+)?"
    r"(?:fighting|battling)\b",
    _F,
)


_SELF_REPORTED = {ev.CHANGE, ev.AGREE, ev.HQ, ev.TRANSFER, ev.REGAIN, ev.CAPTURE}


_NON_EVENT = re.compile(
    r"\b(?:documentary|film|festival|football|match|derby|striker|hat-trick|award|flood(?:s|ing)?|"
    r"earthquake|collided|crash(?:ed)?|traffic accident|road accident|(?:an|the|a) accident|"
    r"collapsed?|collapsing|electrocuted|avalanche|mudslide|storms?|cyclone|hurricane|typhoon|"
    r"tornado|heavy rains?|fell in|caved in|"
    r"drowned|landslide|"
    r"outbreak of (?:cholera|measles)|heatwave|cholera|malaria|measles|ebola|covid(?:-19)?|"
    r"disease|illness|lightning|capsized|overturned|stampede|fire at a|blaze at a)\b",
    _F,
)


@dataclass(slots=True)
class _Ev:
    """One event mention (a clause) before merging."""

    et: str
    st: str
    strength: float
    trigger: ev.Trigger
    clause: Clause
    places: list[PlaceMention] = field(default_factory=list)
    place: PlaceMention | None = None
    place_inherited: bool = False
    date: DateInterval | None = None
    date_in_clause: bool = False
    counts: dict[str, list[tuple[Count, bool, int, int, str]]] = field(default_factory=dict)
    actors: list[Actor] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    reference: bool = False
    force_new: bool = False
    headline: bool = False
    clause_text: str = ""
    ref_kind: str = ""  # "definite" ("the fighting"), "other" (reaction object, back-reference)
    totals: dict[str, int] = field(default_factory=dict)  # kind -> sentence of a stated total


def _anchor(report: Report, notes: list[str]) -> str | None:
    if report.published:
        return report.published
    dl = dates_mod.find_dateline(report.text)
    if dl:
        notes.append(f"no publication date: relative dates resolved against the dateline {dl}")
        return dl
    notes.append("no publication date: relative dates left unresolved")
    return None


def _year(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return int(iso[:4])
    except ValueError:
        return None


def _to_date(iso: str | None) -> date | None:
    if not iso or len(iso) < 10:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


_RANK_DECAY = 0.85


_HEADLINE_CHARS = 200


_VAGUE_PLACE = 0.8


_WEAK = ev.WEAK


_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", _F)


_THREAT = re.compile(
    r"\b(?:threaten(?:ed|s|ing)?|vow(?:ed|s|ing)|warn(?:ed|s|ing)|pledg(?:ed|es|ing)|"
    r"promis(?:ed|es|ing))\s+(?:(?:in|on|during|at)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){1,5}?)?"
    r"(?:that\s+(?:it|they|he|she|the group)\s+(?:would|will)\s+|to\s+)|"
    # "the army denied on Wednesday that its aircraft had bombed a market": no event told
    r"\b(?:denied|denies|deny|denying)\s+(?:on\s+\w+\s+|in\s+a\s+statement\s+)?"
    r"(?:that|any\s+(?:role|involvement)\s+in|(?:responsibility|involvement)\s+(?:for|in))\s+|"
    r"\b(?:denied|denies|deny|denying)\s+(?:on\s+\w+\s+)?(?=[a-z]+ing\b)",  # "denies bombing"
    _F,
)


_THREAT_END = re.compile(r"[,;]|\b(?:but|before|after|then|when)\b", _F)


_CATEGORY_LIST = re.compile(
    r"\b(?:war crimes|crimes against humanity|genocide|(?:human rights |grave )?(?:abuses|"
    r"violations)|atrocities)\b,?\s+(?:including|such as|like|notably)\s[^.;:]{0,200}",
    _F,
)
