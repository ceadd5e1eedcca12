"""Mood of a violent word: does its clause tell a happening (realis) or not?

A trigger word ("attacked", "clashes", "strike") tells a happening only in a realis clause. It
does not when the clause

- negates it ("no arrests were made", "did not attack", "no one was hurt");
- makes it only possible, planned, threatened, feared or conditional ("would give police powers
  to detain", "before they strike", "fears of renewed fighting", "if they attack");
- states a habit or a kind of act rather than one act ("the group frequently targets troops
  with roadside bombs", "a cell responsible for kidnappings");
- sums a period ("so far this year", "per cent", "year-on-year");
- describes a drill ("troops simulated an assault on a hijacked ship");
- quotes words ("'declaring war on the right to protest'") and gives no figure;
- uses the word as a figure of speech: what it acts on cannot bleed ("an assault on the press",
  "killed the bill", "stocks were slaughtered", "a barrage of criticism").

Reports read in a non-violent frame (sport, markets, a debate, a trial; :mod:`frames`) keep a
trigger only where its sentence is anchored in physical violence.

The cue lists are data (``lexicon/data/mood_cues.tsv``, ``abstract_heads.txt``); this module only
applies them within a clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reckon.extract import events as ev
from reckon.extract.events import Trigger
from reckon.extract.frames import Frame, anchored, event_day, real_figure
from reckon.extract.tolls import historical_year
from reckon.lexicon import load_table, load_words

__all__ = ["lead_figures", "mood_of", "quoted_spans", "realis"]

_F = re.IGNORECASE
# a clause boundary inside a clause span: what a cue governs stops there
_BOUNDARY = re.compile(
    r"[,;:()]|\s[-–—]\s|\b(?:but|while|whereas|although|though|after|when)\b", _F
)
_PAST_BOUNDARY = re.compile(r"[;:()]|\s[-–—]\s|\b(?:but|while|whereas|although|though)\b", _F)
_LIST_BOUNDARY = re.compile(r"[;:()]|\s[-–—]\s|\b(?:but|while|whereas|although|though|when)\b", _F)
# quotations: double quotes of any kind, and single quotes that open before a word and close after
_DQUOTE = re.compile(r"“[^”]{3,}”|\"[^\"]{3,}\"")
_SQUOTE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[:,—–-]))[‘'](?=[A-Za-z0-9])"  # opening quote before a word
    r"(?:[^'‘’\n]|[’'](?=[a-z]))+?"  # the quoted words (apostrophes inside words allowed)
    r"(?<=[\w.,!?…])[’'](?=[\s.,;:!?)\]—–-]|$)"  # closing quote after a word or its punctuation
)
_WORD = re.compile(r"[\w'’-]+")
# a determiner, possessive or figure before a word: it names one act, not a kind of act
_TOKEN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|this|that|these|those|its|their|his|her|our|last|latest|\d[\d,]*)|['’]s)"
    r"\s+(?:[\w-]+\s+){0,2}$",
    _F,
)
_MORE = re.compile(r"\s+(?:more|others|other\s+\w+)\b", _F)
_SKIP = {
    "on",
    "against",
    "at",
    "of",
    "upon",
    "to",
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "this",
    "that",
    "these",
    "those",
}
_STOP = {
    "in",
    "with",
    "by",
    "for",
    "from",
    "and",
    "or",
    "as",
    "after",
    "before",
    "over",
    "into",
    "which",
    "who",
    "that",
    "than",
    "off",
}
_WORDS_ONLY = re.compile(r"[\w\s'’-]*")
_AUX = {"has", "have", "had", "will", "would", "could", "might", "may", "did", "also", "then"}
# crowds in the street protest and riot over abstract things: "riots over fuel prices"
_STREET = {ev.PROTEST, ev.RIOT, ev.MOB, ev.DISPERSE}
_CALM = {ev.OTHER, ev.HQ, ev.TRANSFER, ev.AGREE, ev.CHANGE}
_PRONOUNS = {"i", "we", "you", "they", "he", "she", "it", "this", "there", "our", "my"}
_ABOUT = re.compile(
    r"\s+(?:over|about)\s+(?:the\s+|an?\s+|its\s+|their\s+|his\s+|her\s+)?"
    r"(?:[\w-]+\s+){0,2}?([\w-]+)\b(?=\s*(?:[.,;:]|$|\b(?:in|at|on|with|and|after|before|"
    r"as|that|which|by|from|for)\b))",
    _F,
)
_BY_AGENT = re.compile(
    r"\s+by\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?([\w-]+)\b(?=\s+(?:that|which|who)\b|[\s.,;]*$|[.,;])",
    _F,
)
_PASSIVE_BEFORE = re.compile(
    r"([\w-]+)\s+(?:was|were|is|are|been|being|got|get)\s+(?:[\w-]+ly\s+)?$", _F
)


@lru_cache(maxsize=1)
def _cues() -> dict[str, list[re.Pattern[str]]]:
    out: dict[str, list[re.Pattern[str]]] = {}
    for row in load_table("mood_cues.tsv"):
        kind = row["kind"]
        flags = 0 if kind.endswith("-cased") else _F
        out.setdefault(kind.removesuffix("-cased"), []).append(re.compile(row["cue"], flags))
    return out


@lru_cache(maxsize=1)
def _abstract() -> frozenset[str]:
    return frozenset(w.lower() for w in load_words("abstract_heads.txt"))


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted utterances in ``text[start:end]`` (double or single quotes): six words or more, or
    opening with a pronoun ("'We will ...'"); a short quoted phrase inside the narrator's own
    sentence ("fired 'a volley of rockets' at") is a wording, still the narrator's claim."""
    seg = text[start:end]
    out = []
    for pat in (_DQUOTE, _SQUOTE):
        for m in pat.finditer(seg):
            words = _WORD.findall(m.group(0))
            if len(words) >= 6 or (len(words) >= 2 and words[0].lower() in _PRONOUNS):
                out.append((start + m.start(), start + m.end()))
    return sorted(out)


def _scare_quoted(text: str, t: Trigger) -> bool:
    """Is the violent word alone in quotes ("video of 'massacre' is old")? The writer keeps
    the word at a distance: someone else's name for what happened, not a happening told."""
    left = text[max(0, t.start - 12) : t.start]
    right = text[t.end : t.end + 2]
    m = re.search(r"(?:^|[\s(])[‘'\"“]((?:[\w-]+\s+)?)$", left)
    return bool(m) and bool(re.match(r"[’'\"”](?![\w])", right))


def _bounded_start(text: str, start: int, pos: int, boundary: re.Pattern[str] | None = None) -> int:
    """Where the stretch of clause that ends at ``pos`` begins (after the last boundary)."""
    last = start
    for m in (boundary or _BOUNDARY).finditer(text, start, pos):
        last = m.end()
    return last


def _figurative(text: str, t: Trigger, cl_start: int, cl_end: int) -> bool:
    """Does the trigger act on an abstract thing ("assault on the press", "stocks were hit")?"""
    abstract = _abstract()
    # the object: after prepositions and determiners, the last word of up to three before the
    # next function word or punctuation ("an assault on the press", "killed the bill in ...")
    head: str | None = None
    pos, n = t.end, 0
    for m in _WORD.finditer(text, t.end, min(cl_end, t.end + 60)):
        w = m.group(0).lower()
        if text[pos : m.start()].strip() or w in _STOP or (head is not None and w in _SKIP):
            break
        pos = m.end()
        if head is None and w in _SKIP:
            continue
        head, n = w, n + 1
        if n >= 4:
            break
    if head is not None and head in abstract:
        return True
    # "clashed over the budget", "a battle over the reform": what the quarrel is about
    m = _ABOUT.match(text, t.end, cl_end)
    if m and m.group(1).lower() in abstract and t.code not in _STREET:
        return True
    m = _PASSIVE_BEFORE.search(text, max(cl_start, t.start - 40), t.start)
    if m and m.group(1).lower() in abstract:
        return True
    # "held hostage by a board": the agent of a passive
    m = _BY_AGENT.match(text, t.end, cl_end)
    if m and m.group(1).lower() in abstract:
        return True
    return _verbal_subject(text, t, cl_start)


_WEAPON_VERBS = frozenset(
    "fire fires fired firing use uses used using lob lobs lobbed throw throws threw hurl hurls "
    "hurled shoot shoots shot launch launches launched drop drops dropped".split()
)


def _verbal_subject(text: str, t: Trigger, cl_start: int) -> bool:
    """Is the trigger's subject one who fights with words ("opposition MPs clashed")? The head
    is the word right before the verb (adverbs skipped); a head inside a prepositional phrase
    ("supporters of the ministers clashed") is not the subject."""
    words = [
        (m.group(0).lower(), m.start(), m.end())
        for m in _WORD.finditer(text, max(cl_start, t.start - 80), t.start)
    ]
    while words and (words[-1][0].endswith("ly") or words[-1][0] in _AUX):
        words.pop()
    agents = _verbal() | _abstract()
    if words and words[-1][0] in _WEAPON_VERBS:
        return False  # "police fire tear gas": a verb of using a weapon, not a subject
    gap = text[words[-1][2] : t.start] if words else ""
    if not words or words[-1][0] not in agents or not _WORDS_ONLY.fullmatch(gap):
        return False
    i = len(words) - 1
    while i > 0 and len(words) - i <= 4:
        w = words[i - 1][0]
        if w in ("and", "or"):  # "ministers and opposition MPs clashed"
            i -= 1
            continue
        if w in _STOP or w in ("of", "to", "on", "against", "at"):
            return False
        if text[words[i - 1][2] : words[i][1]].strip():  # punctuation: the phrase starts here
            return True
        i -= 1
    return True


@lru_cache(maxsize=1)
def _verbal() -> frozenset[str]:
    return frozenset(w.lower() for w in load_words("verbal_agents.txt"))


def mood_of(
    text: str,
    t: Trigger,
    cl_start: int,
    cl_end: int,
    *,
    has_figure: bool = False,
    quotes: Sequence[tuple[int, int]] = (),
    sentence: tuple[int, int] | None = None,
) -> str:
    """'realis', or why the trigger tells no happening: 'negation', 'modal', 'generic', 'past',
    'fiction', 'court', 'recall', 'aggregate', 'drill', 'quoted' or 'figurative'."""
    cues = _cues()
    bstart = _bounded_start(text, cl_start, t.start)
    before = text[bstart : t.start]
    for kind in ("negation", "modal", "generic"):
        if any(p.search(before) for p in cues.get(kind, ())):
            return kind
    # "when their leaders are killed": a habit ("two men are killed in ...", with a figure, is a
    # headline's present; "they are fighting" is going on now)
    first = t.text.split()[0].lower()
    if (
        not has_figure
        and not first.endswith("ing")
        and any(p.search(before) for p in cues.get("generic-passive", ()))
    ):
        return "generic"
    after = text[t.end : min(cl_end, t.end + 40)]
    if any(p.search(after) for p in cues.get("modal-after", ())):
        return "modal"
    # "attacks on aid workers have risen", "drone strikes accounted for most deaths": the word
    # names a kind of act (no determiner, no day) whose trend or share is told, not an act
    nxt = _BOUNDARY.search(text, t.end, cl_end)
    stop = nxt.start() if nxt else cl_end
    if (
        not _TOKEN_BEFORE.search(text, bstart, t.start)
        and not event_day(text, bstart, stop)
        and any(p.match(text, t.end, stop) for p in cues.get("trend-after", ()))
    ):
        return "aggregate"
    if t.code in _CALM and any(p.match(after) for p in cues.get("relief-after", ())):
        return "figurative"  # "soldiers were deployed to help evacuate residents"
    if any(p.search(after) for p in cues.get("figurative-after", ())):
        return "figurative"
    if any(p.search(before) for p in cues.get("figurative-before", ())):
        return "figurative"
    for kind in ("generic-scope", "modal-scope"):
        if any(p.search(before) for p in cues.get(kind, ())):
            return kind.removesuffix("-scope")
    if any(p.search(before) for p in cues.get("habitual-scope", ())) and not event_day(
        text, cl_start, cl_end
    ):
        return "generic"  # "armed groups continued to attack villages" (no day: a habit)
    # "responsible for kidnappings, extortion and killings": a list's commas do not end the scope
    lstart = _bounded_start(text, cl_start, t.start, _LIST_BOUNDARY)
    if any(p.search(text, lstart, t.start) for p in cues.get("generic-list", ())):
        return "generic"
    # "prosecutors told the court that fighters shot residents and burned homes": a trial's
    # account of what it judges; "recalled how his men stormed the building": a memory
    if sentence is not None:
        sstart = _bounded_start(text, sentence[0], t.start, _LIST_BOUNDARY)
        for kind in ("court-list", "recall-list"):
            if any(p.search(text, sstart, t.start) for p in cues.get(kind, ())):
                return kind.removesuffix("-list")
        # "at last season's match, when fans fought police": a time clause tells of the past
        # its head names
        pstart = _bounded_start(text, sentence[0], t.start, _PAST_BOUNDARY)
        if any(p.search(text, pstart, t.start) for p in cues.get("past-list", ())):
            return "past"
    # "the worshippers killed in the attacks five years ago": the stretch around the word
    if any(p.search(text, bstart, nxt.start() if nxt else cl_end) for p in cues.get("past", ())):
        return "past"
    if sentence is not None and any(p.search(text, *sentence) for p in cues.get("fiction", ())):
        return "fiction"
    clause = text[cl_start:cl_end]
    if not event_day(text, cl_start, cl_end) and any(
        p.search(clause) for p in cues.get("aggregate", ())
    ):
        return "aggregate"
    if not has_figure and any(p.search(clause) for p in cues.get("drill", ())):
        return "drill"
    if not has_figure and any(a <= t.start < b for a, b in quotes):
        return "quoted"
    if _scare_quoted(text, t):
        return "quoted"
    if _figurative(text, t, cl_start, cl_end):
        return "figurative"
    return "realis"


def realis(
    text: str,
    sent: Any,
    cl: Any,
    triggers: Sequence[Trigger],
    frame: Frame | None,
    counts: Sequence[Any] = (),
) -> list[Trigger]:
    """The triggers of one clause that tell a happening (see the module docstring).

    ``sent`` and ``cl`` have ``start``/``end``; ``counts`` are the figures found in the sentence.
    """
    if not triggers:
        return []
    real = [c for c in counts if real_figure(c)]
    has_figure = any(cl.start <= c.count.span.start < cl.end for c in real)
    if frame is not None:
        if not anchored(text, sent.start, sent.end, frame, bool(real)):
            return []
        # in a frame, forces sent to guard a ceremony or a match are no development of a war
        triggers = [t for t in triggers if t.code not in _CALM]
    quotes = quoted_spans(text, sent.start, sent.end)
    return [
        t
        for t in triggers
        if mood_of(
            text,
            t,
            cl.start,
            cl.end,
            has_figure=has_figure,
            quotes=quotes,
            sentence=(sent.start, sent.end),
        )
        == "realis"
    ]


def lead_figures(
    counts: Sequence[Any], published_year: int | None, text: str | None = None
) -> list[int]:
    """Offsets of the figures of people harmed told as facts of now: not denied or threatened,
    not of a past year ("the 2016 massacre") nor set years ago ("ten years since the bombing"), nor
    sums over a period told with no day ("killed last year", "in the first six months")."""
    past = _cues().get("past", ())
    aggregate = _cues().get("aggregate", ())
    past_list = _cues().get("past-list", ())
    out = []
    summed = False  # was the figure before this one a sum over a period?
    for c in counts:
        if c.count.span is None or not real_figure(c):
            continue
        sentence = c.sentence.text if c.sentence else ""
        if historical_year(sentence, published_year) is not None:
            continue
        if any(p.search(sentence) for p in past):
            continue
        if c.sentence is not None and text is not None:
            sstart = _bounded_start(text, c.sentence.start, c.count.span.start, _PAST_BOUNDARY)
            if any(p.search(text, sstart, c.count.span.start) for p in past_list):
                continue  # "the anniversary of the siege in which gunmen killed eleven"
            # "more than 4,000 civilians were killed in the first half of the year, a monitor
            # said on Tuesday": the stretch of clause that holds the figure sums a period
            a = _bounded_start(text, c.sentence.start, c.count.span.start)
            nxt = _BOUNDARY.search(text, c.count.span.end, c.sentence.end)
            b = nxt.start() if nxt else c.sentence.end
            if not event_day(text, a, b) and any(p.search(text, a, b) for p in aggregate):
                summed = True
                continue
            # "dozens more were abducted": a figure that adds to a sum is one too
            if summed and _MORE.match(text, c.count.span.end) and not event_day(text, a, b):
                continue
        summed = False
        out.append(c.count.span.start)
    return out
