"""The frame of a whole report: is it told in a world where violent words are not violence?

Sport reports ("a massacre at the stadium", "they ambushed us on a slow pitch"), market reports
("stocks were slaughtered"), a legislature's debate ("MPs clashed over the bill"), a court's
verdict, a film review, a commemoration or a military drill are full of violent words that tell no
event. A report is read in such a frame when its lead (the title and first sentences) names the
frame and the whole text names it with several distinct words (``lexicon/data/frame_cues.tsv``).

In a frame a sentence still tells violence when it is *anchored* in the physical world: it gives a
figure of people killed, hurt, abducted or arrested, or (outside drills) it names armed men, a
named armed group, crowds in the street or weapons (``lexicon/data/physical_anchors.txt``): fans
fighting police after a match are a riot, whatever the frame. A lead that gives such a figure is
news of violence, and the report is read in no frame.

A tally (an annual report, a monitor's count of a period, a trend) and an obituary (a life of
commands and wars) are all figures and armed men: there a sentence tells a happening only when it
names a day ("on Monday", "on 4 May").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reckon.lexicon import groups_in, load_table, load_words

__all__ = ["DAY", "Frame", "anchored", "event_day", "names_force", "real_figure", "report_frame"]

# distinct cue words the whole text must name, and how many sentences make the lead
MIN_CUES = 3
LEAD_SENTENCES = 2
# frames where armed men are the subject itself (a drill, a general's life, a war film): only a figure
# anchors a sentence
_FIGURE_ONLY = {"exercise", "obituary", "fiction"}
_SCORELINE = re.compile(r"(?<![\w.,/-])\d{1,2}-\d{1,2}(?![\w/-])")
# frames whose texts are all figures and armed men: only a day anchors a sentence
_DAY_ONLY = {"tally", "obituary"}
# frames whose teams bear armed names (Rebels, Pirates, Gunners): only a lower-case anchor counts
_TEAM_NAMES = {"sport"}
# a day-level date: a clause that names one tells of a day, not of a period
DAY = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|overnight|last night|"
    r"this morning|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|"
    r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)",
    re.IGNORECASE,
)
# "..., the agency said on Monday": the day of a saying, not of a happening
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told\s+[\w-]+(?:\s+[\w-]+)?|reported|announced|stated|added|warned|"
    r"statement|report|update|briefing|conference)\s+(?:(?:late|early)\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Frame:
    """A report's non-violent frame and the distinct cues that placed it there."""

    kind: str
    cues: tuple[str, ...]


def _pattern(words: Sequence[str]) -> re.Pattern[str]:
    alts = []
    for w in sorted(set(words), key=len, reverse=True):
        if w.endswith("*"):
            alts.append(re.escape(w[:-1]) + r"[\w'’-]*")
        else:
            alts.append(re.escape(w))
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _frame_patterns() -> dict[str, tuple[re.Pattern[str], dict[str, str]]]:
    by_frame: dict[str, list[str]] = {}
    for row in load_table("frame_cues.tsv"):
        by_frame.setdefault(row["frame"], []).append(row["cue"].lower())
    out = {}
    for kind, words in by_frame.items():
        out[kind] = (_pattern(words), {w.rstrip("*"): w for w in words})
    return out


@lru_cache(maxsize=1)
def _anchor_pattern() -> re.Pattern[str]:
    return _pattern([w.lower() for w in load_words("physical_anchors.txt")])


def _cue_of(match: str, stems: dict[str, str]) -> str:
    """The cue entry a matched word came from (a starred stem counts once however inflected)."""
    low = match.lower()
    if low in stems:
        return stems[low]
    best = max((s for s in stems if low.startswith(s)), key=len, default=low)
    return stems.get(best, low)


def real_figure(c: Any) -> bool:
    """A count of people harmed (``numbers.CountMention``) told as a fact: not denied,
    threatened, claimed or zero."""
    return not c.negated and c.hedged is None and (c.count.best or 0) > 0


def report_frame(text: str, sents: Sequence[Any], figures: Sequence[int] = ()) -> Frame | None:
    """The non-violent frame a report is told in, or ``None`` (most reports).

    ``figures`` are the offsets of figures of people harmed told as facts: a lead that gives one
    tells violence ("fans fought police after the match; 12 were hurt"), whatever its words.
    """
    if not sents:
        return None
    lead_end = sents[min(len(sents), LEAD_SENTENCES + 1) - 1].end
    if any(pos < lead_end for pos in figures):
        return None
    best: Frame | None = None
    for kind, (pat, stems) in _frame_patterns().items():
        found: dict[str, int] = {}
        for m in pat.finditer(text):
            found.setdefault(_cue_of(m.group(0), stems), m.start())
        if kind == "sport":  # a scoreline ("won 3-1", "a 0-0 draw") is a word of sport too
            m = _SCORELINE.search(text)
            if m:
                found.setdefault("<scoreline>", m.start())
        if len(found) < MIN_CUES or not any(pos < lead_end for pos in found.values()):
            continue
        if best is None or len(found) > len(best.cues):
            best = Frame(kind, tuple(sorted(found)))
    return best


def anchored(text: str, start: int, end: int, frame: Frame, has_figure: bool) -> bool:
    """Does ``text[start:end]`` tell physical violence though the report is in ``frame``?"""
    if frame.kind in _DAY_ONLY:
        return event_day(text, start, end)
    if has_figure:
        return True
    if frame.kind in _FIGURE_ONLY:
        return False
    if frame.kind in _TEAM_NAMES:
        # "the Rebels ambushed the Warriors", "Pirates stunned Chiefs": a capitalised armed word
        # in a match report names a team
        return any(
            not m.group(0)[0].isupper() for m in _anchor_pattern().finditer(text, start, end)
        ) or bool(groups_in(text[start:end]))
    return bool(_anchor_pattern().search(text, start, end)) or bool(groups_in(text[start:end]))


def names_force(text: str, start: int = 0, end: int | None = None) -> bool:
    """Does ``text[start:end]`` name armed men, a named armed group, crowds in the street or
    weapons (``lexicon/data/physical_anchors.txt``)?"""
    stop = len(text) if end is None else end
    return bool(_anchor_pattern().search(text, start, stop)) or bool(groups_in(text[start:stop]))


def event_day(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` name a day other than the day something was said ("on Monday",
    "on 4 May", but not "the agency said on Monday")?"""
    for m in DAY.finditer(text, start, end):
        if not _SAID_BEFORE.search(text, max(start, m.start() - 40), m.start()):
            return True
    return False
