"""Extraction: one report in, its incidents, tolls, reactions and places out.

Reading order (the way a coder reads a report):

1. sentences and entities (spaCy), paragraphs, clauses;
2. per clause: triggers, actors, places, counts, dates -> an ACLED-classified *event mention*,
   a *reaction*, or a *toll*; clauses that only continue an event lend it their counts/places;
3. event mentions that tell the same happening (repeated paragraphs, a lead sentence and its
   detail paragraph, a later anaphoric "the attack") merge by event type + compatible place and
   date;
4. every value keeps its evidence span.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from reckon.extract import actors as actors_mod
from reckon.extract import attribution, heads, victims
from reckon.extract import dates as dates_mod
from reckon.extract import events as ev
from reckon.extract import frames as frames_mod
from reckon.extract import mood as mood_mod
from reckon.extract import numbers as numbers_mod
from reckon.extract import roles as sides
from reckon.extract.nlp import Analysis, entities_many, split_sentences
from reckon.extract.places import PlaceMention, choose_location, dateline_places, find_places
from reckon.extract.reactions import find_reactions
from reckon.extract.segment import (
    BACK_REFERENCE,
    Clause,
    clauses_of,
    is_headline,
    para_index,
    paragraph_bounds,
)
from reckon.extract.tolls import RAISING, historical_year, is_toll_clause
from reckon.model import (
    Actor,
    Count,
    DateInterval,
    Evidence,
    Extraction,
    Location,
    Mention,
    Reaction,
    Report,
    Span,
    Toll,
)

_F = re.IGNORECASE
_SPEECH_DATE = re.compile(
    r"\b(?:said|says|announced|reported|told|added|stated|confirmed|statement|reports?)\s+"
    r"(?:late\s+|early\s+|later\s+)?(?:on\s+)?$|"
    # "accused the army on Wednesday of ...": the day of the accusation, not of the deed
    r"\b(?:accused|accuses|alleged|claimed|denied|condemned|blamed|warned)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:late\s+|early\s+)?(?:on\s+)?$",
    _F,
)
# a weekday naming a recurring gathering, not a day: "after Friday prayers", "Sunday mass"
_GATHERING_AFTER = re.compile(r"\s+(?:prayers?|sermons?|services?|mass|markets?)\b", _F)
_WEEKDAY_ONLY = re.compile(
    r"^(?:on\s+|last\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    _F,
)
_SUBSET = re.compile(r"^\s*(?:of (?:them|whom)|were (?:women|children|civilians|soldiers))", _F)
_SUBSET_BEFORE = re.compile(r"(?:including|among them|among whom|of whom)\s*$", _F)
_UP_FROM = re.compile(r"(?:up from|from an earlier|earlier figure of|previous toll of)\s*$", _F)
_UNKNOWN_AFTER = re.compile(
    r"\s*(?:were |was |is |are |remain(?:s|ed)? )?(?:unknown|not known|unclear|not (?:yet )?"
    r"(?:known|clear|available))\b",
    _F,
)
_ADDITIVE = re.compile(
    r"\b(?:also|as well|in addition|another|further|more|of the (?:wounded|injured))\b", _F
)
_UPDATE = re.compile(r"\b(?:risen|rose|climbed|increased|reached|jumped)\s+to\b", _F)
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
# "several (wounded) people died in hospital", "three of the critically injured succumbed"
_WOUNDED_DIED = re.compile(
    r"\s+(?:(?:of\s+the\s+)?(?:seriously\s+|critically\s+)?(?:wounded|injured)(?:\s+\w+)?\s+)?"
    r"(?:later\s+|had\s+|have\s+)?(?:died|succumbed)\b",
    _F,
)
_CONDITION = re.compile(r"in (?:a )?(?:critical|serious|stable)|hospitali[sz]ed|treated", _F)
_ALSO = re.compile(r"\b(?:also|as well|then)\b", _F)
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
_DET_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|first|second|latest|last|its|their)\s+(?:[\w-]+\s+)?$", _F
)
_EVENT_NOUN = re.compile(
    r"strike|attack|assault|raid|shelling|bombing|clash|fighting|battle|killing|explosion|blast|"
    r"ambush|massacre|abduction|kidnapping|shooting|offensive|onslaught|bombardment|incursion|"
    r"operation|violence|unrest|uprising",
    _F,
)
_SUBJECT_OF_VERB = re.compile(
    r"\s+(?:(?!(?:was|were|been|being|is|are|had|have|has)\b)[\w-]+\s+){0,2}?"
    r"(?:attacked|killed|shot|opened fire|stormed|raided|abducted|"
    r"kidnapped|fired|shelled|struck|ambushed|bombed|torched|looted|seized|captured|clashed|"
    r"overran|burned|set fire|launched)\b",
    _F,
)
# verbs whose subject undergoes the event: "three villagers died", "a guard perished"
_UNACCUSATIVE = re.compile(r"died|dies|die|dead|perished|succumbed", _F)
_SUBORDINATE_SUBJECT = re.compile(r"\b(?:when|as|after)\s+(?:the\s+)?$", _F)
_SIDE = {
    "State forces": "state",
    "External/Other forces": "state",
    "Rebel group": "nonstate",
    "Political militia": "nonstate",
    "Identity militia": "nonstate",
    "Civilians": "civ",
}
_ATTACKER_HEAD = re.compile(r"assailants|attackers|raiders|gunmen|assaulters", _F)
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
_WEAPON_SUBJECT = re.compile(
    r"^\s*(?:(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}\s+said\s+(?:that\s+)?)?"
    r"(?:(?:the|both|all|most of the)\s+(?:[\w-]+\s+)?(?:missiles?|rockets?|drones?|shells?|"
    r"bombs?|devices?|projectiles?|explosives?)\b|"
    # "...; both were intercepted by a US destroyer"
    r"(?:both|all|each|they|it|all of them|both of them|most|one)\s+(?:were|was)\s+(?:\w+\s+)?"
    r"(?:intercepted|shot down|downed|destroyed|jammed)\b)",
    _F,
)
_GENERIC_CODES = {ev.KILL, ev.ATTACK, ev.WOUND, ev.FIRE_ON, ev.DISPERSE, ev.MASSACRE}
_SOURCE_AFTER = re.compile(
    # "..., police said", "local officials and a security source said"
    r"\s*(?:,\s*)?(?:(?:(?:and|or)\s+(?:an?\s+|the\s+|other\s+)?(?:[\w-]+\s+){0,3}?)?(?:sources?|"
    r"officials?|residents|witnesses|medics|activists|officers|"
    r"spokes(?:man|woman|person)(?:\s+[A-Z][\w'’.-]+){0,3})\s+)?"
    # "officials in Damascus said"
    r"(?:(?:in|from)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+)?"
    r"(?:said|says|told|reported|added|confirmed|claimed|quoted)\b",
    _F,
)
_PASSIVE_VICTIM = re.compile(
    r"\b(?:was|were|been)\s+(?:\w+\s+)?(?:killed|wounded|injured|hurt|abducted|kidnapped|"
    r"shot|arrested|detained|beaten|stabbed|hacked|lynched|burned|burnt|raped|tortured|"
    r"executed|beheaded|assaulted|attacked|seized|taken)\b|"
    r"\b(?:died|perished|succumbed|lost their lives)\b|"
    # "a patrol came under attack", "the convoy was targeted"
    r"\b(?:came|come|comes|coming)\s+under\b|\b(?:was|were)\s+targeted\b",
    _F,
)
_SELF_REPORTED = {ev.CHANGE, ev.AGREE, ev.HQ, ev.TRANSFER, ev.REGAIN, ev.CAPTURE}
_WEAPONS = {
    "jet",
    "jets",
    "warplane",
    "warplanes",
    "aircraft",
    "drone",
    "drones",
    "artillery",
    "missile",
    "missiles",
}
_REPORTING = re.compile(
    r"\b(?:said|says|reported|report|told|described|describe|accused|alleged|claimed)\b", _F
)
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
_CIVILIAN_OBJECT = re.compile(
    r"\b(?:village|villages|market|funeral|mourners|church|mosque|school|hospital|camp for "
    r"displaced|displacement (?:site|camp)|homes?|houses?|minibus|bus|farmers|villagers|"
    r"civilians|worshippers|residents|family|families|wedding)\b",
    _F,
)
_ARMED_OBJECT = re.compile(
    r"\b(?:army|military|police|security|checkpoint|base|post|position|convoy|patrol|barracks|"
    r"outpost|soldiers|troops|forces|station|camp|peacekeepers|garrison)\b",
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


# ----------------------------------------------------------------------------------------------
# counts


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


# ----------------------------------------------------------------------------------------------
# main


def extract_many(reports: list[Report]) -> list[Extraction]:
    """Extract every report; spaCy runs over all texts in one batch."""
    sents = [split_sentences(r.text) for r in reports]
    triggers = [
        [ev.find_triggers(r.text, s.start, s.end) for s in ss]
        for r, ss in zip(reports, sents, strict=True)
    ]
    counts = [numbers_mod.find_counts(r.text) if r.text.strip() else [] for r in reports]
    # named entities only where they can matter: sentences with a trigger or a figure
    spans: list[list[tuple[int, int]]] = []
    for ss, ts, cs in zip(sents, triggers, counts, strict=True):
        starts = sorted(c.count.span.start for c in cs if c.count.span is not None)
        sel = []
        for s, t in zip(ss, ts, strict=True):
            if t or any(s.start <= x < s.end for x in starts):
                sel.append((s.start, s.end))
        spans.append(sel)
    ents = entities_many([r.text for r in reports], spans)
    return [
        _extract(r, Analysis(ss, es), ts, cs)
        for r, ss, es, ts, cs in zip(reports, sents, ents, triggers, counts, strict=True)
    ]


def extract(report: Report) -> Extraction:
    """Incidents, tolls, reactions and places of one report."""
    return extract_many([report])[0]


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


def _extract(
    report: Report,
    analysis: Analysis,
    sent_triggers: list[list[ev.Trigger]],
    all_counts: list,
) -> Extraction:
    text = report.text
    notes: list[str] = []
    out = Extraction(report=report, notes=notes)
    if not text.strip():
        return out
    anchor = _anchor(report, notes)
    pub_year = _year(anchor)
    pub_date = _to_date(anchor)
    paras = paragraph_bounds(report)

    all_dates = [
        d
        for d in dates_mod.find_dates(text, published=anchor)
        if d.span is not None and _DATE_WORD.search(d.span.text)
    ]
    all_places: list[PlaceMention] = []
    all_counts = sorted(
        (c for c in all_counts if c.count.span is not None), key=lambda c: c.count.span.start
    )
    count_starts = [c.count.span.start for c in all_counts]
    all_dates.sort(key=lambda d: d.span.start)
    date_starts = [d.span.start for d in all_dates]
    ents = analysis.ents
    # sport, markets, a debate...: a frame where violent words are figures of speech (or None)
    frame = frames_mod.report_frame(text, analysis.sents, mood_mod.lead_figures(all_counts, pub_year))

    events: list[_Ev] = []
    loose_counts: list[tuple] = []  # (sent, para, clause, counts, places, dates)
    reactions: list[Reaction] = []
    tolls: list[Toll] = []
    seen_reaction_keys: dict[tuple[str, str], Reaction] = {}
    headline_sents: set[int] = set()

    for si, sent in enumerate(analysis.sents):
        pi = para_index(paras, sent.start)
        headline = is_headline(report, sent, si)
        if headline:
            headline_sents.add(si)
        s_places = find_places(text, sent.start, sent.end, ents)
        # a repeated headline adds no new toponym mentions
        all_places.extend(s_places)
        s_counts = all_counts[
            bisect_left(count_starts, sent.start) : bisect_left(count_starts, sent.end)
        ]
        s_dates = all_dates[
            bisect_left(date_starts, sent.start) : bisect_left(date_starts, sent.end)
        ]
        # an arrest or abduction figure needs an arrest or abduction word that is one here
        # ("the release of 12 detained activists" tells of no arrest)
        s_counts = [c for c in s_counts if _count_has_trigger(c, sent_triggers[si])]
        non_event_sentence = bool(_NON_EVENT.search(sent.text))
        # "committed war crimes, including attacks on civilians and sexual violence": kinds of
        # crime named by a finding, not happenings
        categories = [
            (m.start(), m.end()) for m in _CATEGORY_LIST.finditer(text, sent.start, sent.end)
        ]
        sent_events: list[_Ev] = []
        for cl in clauses_of(text, sent, si, pi):
            ctext = text[cl.start : cl.end]
            c_counts = [c for c in s_counts if cl.start <= c.count.span.start < cl.end]
            c_places = [p for p in s_places if cl.start <= p.start < cl.end]
            c_dates = [d for d in s_dates if cl.start <= d.span.start < cl.end]
            # reactions
            rx = (
                []
                if headline
                else find_reactions(text, cl.start, cl.end, sentence_start=sent.start)
            )
            ref_from = None
            clause_triggers = [
                t
                for t in sent_triggers[si]
                if cl.start <= t.start
                and t.end <= cl.end
                and not any(a <= t.start < b for a, b in categories)
            ]
            self_report = {t.code for t in clause_triggers} & _SELF_REPORTED
            for r in rx:
                if self_report and r.kind in ("announcement", "statement"):
                    continue  # "the group announced it had merged": the event itself
                # a quoted statement ('"...," stated a spokesperson') is a reaction throughout
                ref_from = (
                    cl.start if r.start <= cl.start and r.verb_start > cl.start else r.verb_start
                )
                key = (r.kind, _actor_key(r.actor) or str(r.start))
                ev_text = text[r.start : r.end]
                if key in seen_reaction_keys:
                    # told again in other words: one reaction with one more piece of evidence
                    seen_reaction_keys[key].evidence.append(
                        Evidence("reaction", ev_text, r.start, r.end)
                    )
                    continue
                reaction = Reaction(
                    r.kind,
                    r.actor,
                    [Evidence("reaction", ev_text, r.start, r.end)],
                    0.7 if r.actor else 0.5,
                    report.id,
                )
                seen_reaction_keys[key] = reaction
                reactions.append(reaction)
            # tolls and historical figures
            hist = historical_year(ctext, pub_year)
            if hist is not None and any(
                d.span is not None and d.start is not None and d.start == (d.end or d.start)
                and str(hist) in d.span.text
                for d in c_dates
            ):
                # "On 4 April 2022, gunmen killed three": a day written in full tells an event
                # (whether it is the report's news or its background is _drop_background's call),
                # where "the 2013 bombing" or "in 2019, 50 were killed" tell of history
                hist = None
            if non_event_sentence:
                c_counts = []  # deaths from disease, accidents or weather: neither toll nor incident
            # "..., the deadliest attack since 2021", "to mark the anniversary of the 2019
            # massacre": the clause tells of now up to ``cut`` and of the past after it
            cut = _past_cut(text, cl, hist, c_dates, pub_date)
            toll_counts = []
            for c in c_counts:
                if c.hedged in ("denied", "threat"):
                    continue
                rel = c.count.span.start - cl.start
                if cut is not None and c.count.span.start < cut:
                    if is_toll_clause(text[cl.start : cut], rel):
                        toll_counts.append(c)
                elif hist is not None or is_toll_clause(ctext, rel):
                    toll_counts.append(c)
            toll_places = c_places or [p for p in s_places if p.start < cl.start][-1:]
            if not toll_places:
                pa, _pb = paras[pi] if pi < len(paras) else (0, len(text))
                toll_places = [p for p in all_places if pa <= p.start < cl.start][-1:]
            for c in toll_counts:
                tolls.append(
                    _make_toll(
                        text,
                        c,
                        cl,
                        _dates_beside(text, cl, c, c_dates)
                        if cut is None
                        else [
                            d
                            for d in c_dates
                            if d.span is not None
                            and (d.span.start >= cut) == (c.count.span.start >= cut)
                        ],
                        toll_places,
                        anchor,
                        pub_date,
                        hist if cut is None or c.count.span.start >= cut else None,
                        report,
                    )
                )
            if toll_counts:
                # "killed 18 people, raising the number killed this month to 120": the 18
                # still tells the attack
                c_counts = [c for c in c_counts if c not in toll_counts]
                if cut is None:
                    if not c_counts or not RAISING.search(ctext):
                        continue
                    c_dates = _dates_beside(text, cl, c_counts[0], c_dates)
            if cut is not None:
                clause_triggers = [t for t in clause_triggers if t.start < cut]
                c_counts = [c for c in c_counts if c.count.span.start < cut]
                c_dates = [d for d in c_dates if d.span is not None and d.span.start < cut]
            elif hist is not None and clause_triggers:
                continue
            triggers = clause_triggers
            reference = False
            quoted = _quoted_spans(text, sent.start, sent.end)
            if quoted and not c_counts:
                # words inside a quotation ("We will not tolerate attacks") tell no happening
                triggers = [t for t in triggers if not any(a <= t.start < b for a, b in quoted)]
            for m in _THREAT.finditer(text, cl.start, cl.end):
                # "threatened to kill dozens of hostages unless ...": nothing happened yet
                stop = _THREAT_END.search(text, m.end(), cl.end)
                lim = stop.start() if stop else cl.end
                triggers = [t for t in triggers if not m.end() <= t.start < lim]
            if non_event_sentence:
                triggers = [t for t in triggers if t.code not in (ev.KILL, ev.ATTACK, ev.WOUND)]
            if _DURATIVE.search(ctext if cut is None else text[cl.start : cut]):
                # "which has fought the army around Sake for months": background, not a happening
                triggers = [
                    t for t in triggers if t.code not in (ev.CLASH, ev.ATTACK, ev.KILL, ev.WOUND)
                ]
            # negated, modal, generic, figurative... triggers tell no happening
            triggers = mood_mod.realis(text, sent, cl, triggers, frame, s_counts)
            decision, acts = _decide(text, cl, triggers, c_counts, (sent.start, sent.end))
            if decision is None and any(t.code == ev.KILL for t in triggers):
                # "two brothers were killed when masked attackers burst into their home": the
                # killers are told in the clause that says how, where nothing else names them
                decision, acts = _decide(
                    text, cl, triggers, c_counts, (sent.start, sent.end), subordinate=True
                )
            if cut is not None:
                acts = [a for a in acts if a.span is None or a.span.start < cut]
            told = [x for x in (*events, *sent_events) if not x.headline]
            if (
                decision is not None
                and decision.strength <= _WEAK
                and told
                and not _another_day(told[-1], c_dates, ctext)
            ):
                decision = None  # after an event: a figure for it, not an event of its own
            elif decision is not None and decision.strength <= _WEAK and told:
                # "Three more died on Sunday" after Saturday's shelling: another day of the
                # same kind of violence
                decision = ev.Decision(told[-1].et, told[-1].st, _WEAK, decision.key)
            if decision is None or decision.key is None:
                usable = [c for c in c_counts if c.hedged not in ("denied", "threat")]
                if rx:
                    usable = []
                if usable or c_places or c_dates:
                    loose_counts.append((si, pi, cl, usable, c_places, c_dates))
                continue
            trig = decision.key
            if BACK_REFERENCE.match(ctext) or _ANAPHORIC_SUBJECT.match(ctext):
                reference = True
            subject_ref = bool(_EVENT_SUBJECT.match(ctext))
            if ref_from is not None and trig.start >= ref_from:
                # a trigger after a reaction verb refers to an event told elsewhere
                reference = True
            ref_kind = "other" if reference else ""
            if (
                not reference
                and _DEFINITE.search(text[max(cl.start, trig.start - 30) : trig.start])
                and _EVENT_NOUN.match(trig.text)
            ):
                reference, ref_kind = True, "definite"
            e = _Ev(decision.event_type, decision.sub_event_type, decision.strength, trig, cl)
            e.reference = reference
            e.ref_kind = "subject" if subject_ref else ref_kind
            e.clause_text = ctext
            e.headline = headline
            e.force_new = bool(_NEW_INCIDENT.search(ctext))
            e.places = c_places
            e.actors = acts
            _attach_counts(text, e, c_counts)
            d = _pick_date(text, c_dates, trig, announced=_announced(decision.sub_event_type))
            if d is not None:
                e.date, e.date_in_clause = d, True
            sent_events.append(e)
            for extra in _coordinated(text, cl, triggers, decision, e):
                sent_events.append(extra)
        # clauses with no event of their own lend their places/dates/counts within the sentence
        _settle_sentence(text, sent_events, loose_counts, si, s_dates)
        events.extend(sent_events)

    # counts in later sentences that continue an event (no trigger of their own)
    _attach_loose(text, events, loose_counts)
    # places and dates from context
    _fill_context(text, events, all_places, all_dates, paras, pub_date, analysis)
    _filed_day(text, events, all_dates)
    incidents = _merge([e for e in events if not e.headline])
    if not incidents:
        incidents = _merge([e for e in events if e.headline])
    for e in incidents:
        _victims_in_paragraph(text, e, paras)
    attribution.add_responsible(text, incidents, paras, whole=len(incidents) == 1)
    incidents = _drop_background(text, incidents, pub_date, notes)
    out.incidents = [_to_mention(text, e, report) for e in incidents]
    if not report.published:
        # no publication date: the date the page prints at its top is the day the report was
        # put out, the event's date when nothing else dates it (like a dateline's)
        head = dates_mod.header_date(text)
        if head is not None:
            for m in out.incidents:
                if m.date is None:
                    m.date = DateInterval(head.start, head.end, head.span, True, head.note)
    elif (
        pub_date is not None
        and len(analysis.sents) == 1
        and len(text) <= _HEADLINE_CHARS
        and not text.rstrip().endswith((".", "!", "?"))
    ):
        # a headline alone ("Gunmen abduct 30 villagers in Zamfara") tells news of the day it
        # was put out or the day before
        for m in out.incidents:
            if m.date is None:
                m.date = DateInterval(
                    (pub_date - timedelta(days=1)).isoformat(),
                    pub_date.isoformat(),
                    None,
                    True,
                    "a headline alone: the day of publication or the day before",
                )
    # the report's lead incident is usually its main one: an edge for earlier incidents, and
    # for incidents placed more precisely than a whole country
    for rank, (m, e) in enumerate(zip(out.incidents, incidents, strict=True)):
        factor = _RANK_DECAY ** min(rank, 10)
        if e.place is None or e.place.kind == "country":
            factor *= _VAGUE_PLACE
        m.confidence = max(0.0, min(1.0, m.confidence * factor))
    out.tolls = _dedupe_tolls(tolls)
    out.reactions = _merge_reactions(text, reactions, paras, analysis)
    out.places = _places(text, all_places)
    return out


_RANK_DECAY = 0.85
_HEADLINE_CHARS = 200
_VAGUE_PLACE = 0.8
_QUOTE = re.compile(r"“[^”]{3,}”|\"[^\"]{3,}\"")


def _quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text, start, end)]


def _count_has_trigger(c, triggers: list[ev.Trigger]) -> bool:
    codes = {"arrested": (ev.ARREST, ev.DISPERSE), "abducted": (ev.ABDUCT,)}.get(c.kind)
    if codes is None or c.trigger is None:
        return True
    return any(
        t.code in codes and t.start < c.trigger.end and c.trigger.start < t.end for t in triggers
    )


_ROLE_WORDS = re.compile(
    r"\b(?:spokes(?:man|woman|person)|officials?|sources?|statement|representatives?|the|a|an)\b",
    _F,
)
# what a spoken reaction is about, where two wordings can tell the same declaration
_TOPICS = {
    "end": re.compile(
        r"\b(?:declared an end|an end to|the end of|conclusion of|concluded|completed|"
        r"(?:objectives|goals|aims) (?:[\w\s]{0,80}?)(?:have|had) been (?:met|achieved)|is over)\b",
        _F,
    ),
    "ceasefire": re.compile(r"\b(?:ceasefire|cease-fire|truce)\b", _F),
    "curfew": re.compile(r"\bcurfew\b", _F),
    "mourning": re.compile(r"\bdays? of mourning\b", _F),
}
_INTERNATIONAL = re.compile(
    r"\b(?:international community|United Nations|UN|U\.N\.|EU|European Union|African Union|"
    r"Amnesty(?: International)?|Human Rights Watch|rights groups?|human rights (?:officials|"
    r"groups|organi[sz]ations|office|chief|council)|OHCHR|Red Cross|ICRC|UNICEF|"
    r"Security Council|Secretary-General|world powers|Western governments)\b"
)
_CHORUS = {"condemnation", "demand", "appeal", "statement"}


def _org_key(actor: str | None) -> str:
    """The body behind a spoken reaction: 'a defense ministry spokesperson' -> 'defense ministry'."""
    if not actor:
        return ""
    a = re.sub(r"^[\w-]+['’]s\s+", "", actor.strip())
    return " ".join(_ROLE_WORDS.sub(" ", a).lower().split())


def _topic(r: Reaction) -> set[str]:
    return {k for k, pat in _TOPICS.items() for e in r.evidence if pat.search(e.text)}


def _merge_reactions(
    text: str, reactions: list[Reaction], paras: list[tuple[int, int]], analysis: Analysis
) -> list[Reaction]:
    """One reaction per declaration, however many sentences tell it.

    Two spoken reactions of one body about the same thing ("the ministry declared an end to
    the campaign" ... '"the objectives have been met," a ministry spokesperson stated') are one;
    so are international bodies answering together in consecutive sentences of one paragraph
    ("The international community expressed alarm ... UN officials demanded action").
    """
    out: list[Reaction] = []
    for r in reactions:
        into = None
        for o in out:
            if (
                r.kind in ("announcement", "statement")
                and o.kind in ("announcement", "statement")
                and _org_key(r.actor)
                and _org_key(r.actor) == _org_key(o.actor)
                and _topic(r) & _topic(o)
            ):
                into = o
                break
            if (
                r.kind in _CHORUS
                and o.kind in _CHORUS
                and o.kind != "statement"
                and r.actor
                and o.actor
                and _INTERNATIONAL.search(r.actor)
                and _INTERNATIONAL.search(o.actor)
                and para_index(paras, r.evidence[0].start)
                == para_index(paras, o.evidence[-1].start)
                and 0
                <= _sent_of(analysis, r.evidence[0].start)
                - _sent_of(analysis, o.evidence[-1].start)
                <= 1
            ):
                into = o
                break
        if into is None:
            out.append(r)
            continue
        into.evidence.extend(r.evidence)
        if into.kind == "statement" and r.kind != "statement":
            into.kind = r.kind  # the more specific word names the pair
    return out


def _actor_key(actor: str | None) -> str:
    if not actor:
        return ""
    a = re.sub(r"^(?:the|a|an)\s+|^[\w-]+['’]s\s+", "", actor.strip(), flags=_F)
    return " ".join(a.lower().split()[-2:])


# ----------------------------------------------------------------------------------------------
# per-clause decisions


_NON_VIOLENT_CODES = (ev.OTHER, ev.HQ, ev.TRANSFER, ev.AGREE, ev.CHANGE)
_DEPLOYED_AFTER = re.compile(
    r"\s+(?:presence\s+)?(?:was|were|had been|has been|have been|is being|are being)\s+"
    r"(?:\w+\s+)?(?:deployed|sent|dispatched|stationed|positioned|redeployed)\b",
    _F,
)
_VIOLENT_CODES = (ev.KILL, ev.ATTACK, ev.ABDUCT, ev.MASSACRE)
# deeds that take a weapon or a captive: their doer is armed
_ARMED_DEED = re.compile(
    r"\b(?:shot|shoot|shooting|gunned|opened fire|fired|abduct\w*|kidnap\w*|beheaded|detonated|"
    r"blew (?:himself|herself|themselves) up|explosives? (?:belt|vest)s?)\b",
    _F,
)
# an actor right after a violent verb is its object, whatever verb comes later in the clause
_OBJECT_OF_VIOLENCE = re.compile(
    r"\b(?:killed|killing|murdered|shot(?:\s+dead)?|gunned\s+down|hacked\s+to\s+death|attacked|attacking|abducted|abducting|kidnapped|"
    r"kidnapping|wounded|wounding|injured|injuring|beheaded|executed)\s+"
    r"(?:(?:a|an|the|two|three|four|five|several|some|his|her|their|local|\d+)\s+){0,2}$",
    re.IGNORECASE,
)


def _role_actors(
    text: str,
    cl: Clause,
    trig: ev.Trigger,
    acts: list[actors_mod.ActorMention],
    subordinate: bool = False,
) -> tuple[list[tuple[actors_mod.ActorMention, str]], set[str], set[str]]:
    """Each actor's role in the clause. With ``subordinate``, the armed subject of a
    'when'/'as' clause after the event is its perpetrator (tried only where the clause would
    otherwise tell no event)."""
    roles: list[tuple[actors_mod.ActorMention, str]] = []
    perp: set[str] = set()
    targ: set[str] = set()
    passive = bool(
        re.search(
            r"\b(?:was|were|been|being)\s+(?:\w+\s+)?$",
            text[max(cl.start, trig.start - 25) : trig.start],
        )
    )
    for a in acts:
        # "Alawite families reported instances of kidnapping": a community telling of what was
        # done to it is the victim, where "residents said gunmen killed five" is only a source
        community_victim = (
            trig.code in (ev.ABDUCT, ev.MASSACRE, ev.KILL, ev.SEXUAL)
            and a.type == "Civilians"
            and a.end <= trig.start
            and actors_mod.identity_group(a.text)
        )
        if (
            _SOURCE_AFTER.match(text, a.end)
            or sides.is_source(text, a.start, a.end, cl.start, cl.end)
        ) and not community_victim:
            continue  # "..., police said", "according to the police": the source of the report
        if re.search(r"\s[-–—:]\s+$", text[max(cl.start, a.start - 4) : a.start]) and not text[
            a.end : cl.end
        ].strip(" .'\""):
            continue  # "Taliban killed in Afghan north - police": a headline's source
        if a.start < trig.end and trig.start < a.end:
            # the weapon or force named by the trigger itself ("Russian artillery shelled")
            if trig.code in _NON_VIOLENT_CODES:
                role = "party"  # "a heavy military presence was deployed": no one is struck
            elif (
                a.head in _WEAPONS
                or heads.is_instrument(a.head)
                or a.end <= trig.end
                and a.type in ("Rioters", "Protesters")
            ):
                role = "perpetrator"
            else:
                role = "target"
        elif a.end <= trig.start and _REPORTING.search(text[a.end : trig.start]):
            if not community_victim:
                continue  # "residents said gunmen killed five": a source, not a side
            role = "target"
        elif a.end <= trig.start:
            between = text[a.end : trig.start]
            if (
                passive or _PASSIVE_VICTIM.search(between) or _UNACCUSATIVE.fullmatch(trig.text)
            ) and not actors_mod.BY_BEFORE.search(
                text[max(cl.start, a.start - 22) : a.start]
            ):
                role = "target"
            elif re.search(
                r"\b(?:on|against|at|targeting|into)\s+(?!(?:monday|tuesday|wednesday|thursday|"
                r"friday|saturday|sunday|the night|the morning|the evening|\d)\b)(?:\w+\s+){0,3}$",
                text[max(cl.start, a.start - 25) : a.start],
                _F,
            ):
                role = "target"
            elif len(between) > 120:
                role = "party"
            elif _OBJECT_OF_VIOLENCE.search(text, max(cl.start, a.start - 40), a.start):
                role = "target"  # "herders killed a farmer and abducted his sons": the farmer
            elif roles and sides.object_of_verb(text, roles[-1][0].end, a.start):
                role = "target"  # "fighters stopped a group of families and opened fire"
            else:
                role = "perpetrator"
        else:
            before = text[max(cl.start, a.start - 22) : a.start]
            if _SUBJECT_OF_VERB.match(text, a.end):
                role = "perpetrator"  # "... were killed when gunmen attacked the village"
            elif subordinate and _SUBORDINATE_SUBJECT.search(before) and a.type != "Civilians":
                # "... were killed when masked attackers burst into their home": the armed
                # subject of the clause that tells how the victims died
                role = "perpetrator"
            elif re.search(r"\bfrom\s+$", before) and trig.code in (ev.REGAIN, ev.CAPTURE):
                role = "target"  # "retook the village from Kurdish fighters"
            elif actors_mod.BY_BEFORE.search(before) or re.search(r"\bfrom\s+$", before):
                role = "perpetrator"
            elif re.search(
                r"\b(?:backed|supported|aided|joined)\s+by\s+$",
                text[max(cl.start, a.start - 20) : a.start],
            ):
                role = "perpetrator"
            elif re.search(r"\bwith\s+$", before) and trig.code == ev.CLASH:
                role = "party"
            else:
                role = "target"
        if (
            role == "perpetrator"
            and a.type == "Civilians"
            and trig.code in _VIOLENT_CODES
            and actors_mod.identity_group(a.text)
        ):
            # herders or tribesmen who kill, attack or abduct act as an identity militia (ACLED)
            a = actors_mod.ActorMention(a.start, a.end, a.text, "Identity militia", a.head)
        elif role == "perpetrator" and a.type == "Civilians" and _ARMED_DEED.search(trig.text):
            # people who shoot, open fire or abduct are an unidentified armed group (ACLED
            # codes them as a political militia): "two men shot dead a bus driver"
            a = actors_mod.ActorMention(a.start, a.end, a.text, "Political militia", a.head)
        roles.append((a, role))
        if role == "perpetrator":
            perp.add(a.type)
        elif role == "target":
            targ.add(a.type)
    return roles, perp, targ


_WEAK = ev.WEAK
_ARMED_CONTEXT = re.compile(
    r"\b(?:shot|gunned|gunmen|gunman|gunfire|stabbed|hacked|executed|beheaded|murdered|"
    r"assassinated|militants|fighters|attackers|assailants|bodies|insurgents|rebels|jihadists|"
    r"bandits|machetes?|gunshot wounds?|bullet wounds?|stab wounds?|wounds of (?:machete|bullets?|"
    r"knife)|by (?:[\w-]+ )?(?:fire|gunfire|bullets?|snipers?))\b",
    _F,
)
_VIOLENT_REPORT = re.compile(
    r"\b(?:gunmen|gunman|militants?|insurgents?|rebels?|jihadists?|militias?|militiamen|bandits|"
    r"terrorists?|attack(?:ed|s|ers)?|assailants|bomb(?:ing|ed|s)?|blast|shell(?:ing|ed)|"
    r"air ?strikes?|drone strikes?|clash(?:es|ed)|fighting|gunfire|ambush(?:ed)?|insurgency|"
    r"raid(?:ed|s)?|massacre|killings|violence|gun(?:s|ned|ning)? down|shells|rockets|"
    r"missiles?|mortars?|artillery|explosives?)\b",
    _F,
)


@lru_cache(maxsize=4)
def _violent_report(text: str) -> bool:
    """Does the report tell of armed violence anywhere (not of accidents or disease)?"""
    return bool(_VIOLENT_REPORT.search(text))


def _decide(
    text: str,
    cl: Clause,
    triggers: list[ev.Trigger],
    counts: list,
    sentence: tuple[int, int] | None = None,
    subordinate: bool = False,
) -> tuple[ev.Decision | None, list[Actor]]:
    if not triggers:
        return None, []
    acts = actors_mod.find_actors(text, cl.start, cl.end)
    raising = RAISING.search(text, cl.start, cl.end)
    if raising is not None:  # "..., raising the number of civilians killed to 120"
        acts = [a for a in acts if a.start < raising.start()]

    # the first "strong" trigger anchors roles
    def nominal(t: ev.Trigger) -> bool:
        return bool(_DET_BEFORE.search(text, max(cl.start, t.start - 20), t.start))

    strong = [t for t in triggers if t.code in ev.STRONG and t.code != ev.WOUND]
    main = next(
        (t for t in strong if t.code not in _GENERIC_CODES),
        next((t for t in strong if not nominal(t)), strong[0] if strong else triggers[0]),
    )
    roles, perp, targ = _role_actors(text, cl, main, acts, subordinate)
    # forces sent somewhere ("a heavy army presence was deployed") are a party, not a side hit
    calm = [t for t in triggers if t.code in _NON_VIOLENT_CODES]
    for i, (a, r) in enumerate(roles):
        if r != "party" and (
            any(t.start < a.end and a.start < t.end for t in calm)
            or _DEPLOYED_AFTER.match(text, a.end, cl.end)
        ):
            roles[i] = (a, "party")
    perp = {a.type for a, r in roles if r == "perpetrator"}
    targ = {a.type for a, r in roles if r == "target"}
    has_deaths = any(
        c.kind == "killed" and not c.negated and (c.count.best or 0) > 0 for c in counts
    )
    has_victims = any(c.victims is not None for c in counts)
    for c in counts:
        if c.victims is not None:
            va = actors_mod.find_actors(text, c.victims.start, c.victims.end)
            for a in va:
                targ.add(a.type)
    ctext = text[cl.start : cl.end]
    codes = {t.code for t in triggers}
    if (ev.ATTACK in codes or ev.KILL in codes) and not targ:
        tail = text[main.end : cl.end][:80]
        if _ARMED_OBJECT.search(tail) and not _CIVILIAN_OBJECT.search(tail[:30]):
            targ.add("State forces")
        elif _CIVILIAN_OBJECT.search(tail):
            targ.add("Civilians")
    protest_ctx = ev.PROTEST in codes or any(a.type == "Protesters" for a in acts)
    if protest_ctx and ev.RIOT in codes or ev.MOB in codes:
        for i, (a, r) in enumerate(roles):
            if a.type in ("Civilians", "Protesters") and r == "perpetrator":
                roles[i] = (actors_mod.ActorMention(a.start, a.end, a.text, "Rioters", a.head), r)
    decision = ev.classify(
        triggers,
        perp,
        targ,
        protest_context=protest_ctx,
        has_deaths=has_deaths,
        has_victims=has_victims,
        stateish_present=any(a.type in ev.STATEISH for a in acts),
        violent_report=_violent_report(text),
    )
    if decision is None:
        return None, []
    # KILL/ATTACK without any armed actor or weapon: not a conflict event (accidents etc.)
    tail = text[main.end : cl.end][:80]
    armed_object = bool(_ARMED_OBJECT.search(tail)) and not _CIVILIAN_OBJECT.search(tail[:30])
    civ_object = bool(_CIVILIAN_OBJECT.search(tail))
    if (
        decision.key is not None
        and decision.key.code in (ev.KILL, ev.ATTACK, ev.WOUND)
        and decision.event_type != "Riots"
    ):
        if decision.event_type == "Battles" and ev.ATTACK in codes and armed_object:
            pass
        elif (
            decision.event_type == "Violence against civilians"
            and (civ_object or (ev.ATTACK in codes and "Civilians" in targ))
            and (has_deaths or any(c.kind == "injured" and (c.count.best or 0) > 0 for c in counts))
        ):
            pass
        elif decision.strength <= _WEAK:
            pass  # a reading from deaths alone, made only with context or a killing verb
        elif not (perp & ev.ARMED) and (targ & ev.ARMED) and not _ARMED_CONTEXT.search(ctext):
            # "At least 30 Taliban killed": armed men's deaths are the conflict's, though
            # the clause names no attacker; a weak reading, a figure where an event was told
            decision = ev.Decision(
                decision.event_type, decision.sub_event_type, _WEAK, decision.key
            )
        elif not (perp & ev.ARMED) and not _ARMED_CONTEXT.search(
            # the armed side may be told in another clause of the sentence ("were killed
            # when gunmen burst into their house")
            text, *(sentence or (cl.start, cl.end))
        ):
            return None, []
    et = decision.event_type
    out: list[Actor] = []
    for a, role in roles:
        if et in ("Strategic developments",) and decision.sub_event_type not in (
            "Arrests",
            "Looting/property destruction",
            "Disrupted weapons use",
        ):
            role = "party"
        elif et == "Battles" and decision.sub_event_type == "Armed clash" and main.code == ev.CLASH:
            if re.search(r"\bbetween\b", text[cl.start : main.start + 60]) or role == "party":
                role = "party"
        out.append(Actor(a.text, role, a.type, Span(a.start, a.end, a.text)))
    if et != "Strategic developments" or decision.sub_event_type == "Arrests":
        # "shot a money changer": a victim whose noun no lexicon lists
        for v in victims.object_victims(text, cl.start, cl.end, [(a.start, a.end) for a in acts]):
            out.append(Actor(v.text, "target", v.type, Span(v.start, v.end, v.text)))
    return decision, out


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


_DATELINE_BEFORE = re.compile(r"(?:^|\n)\s*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?,\s*$")
_DATELINE_AFTER = re.compile(r"\s*(?:\d{4}\s*)?(?:\([^)]{1,30}\)\s*)?[-–—:]")


def _is_dateline(text: str, d: DateInterval) -> bool:
    """'NIAMEY, Sept 22 (Reuters) -': the day the story was filed, not the day of the event."""
    sp = d.span
    if sp is None:
        return False
    return bool(
        _DATELINE_BEFORE.search(text, max(0, sp.start - 60), sp.start)
        and _DATELINE_AFTER.match(text, sp.end)
    )


def _pick_date(
    text: str, dates: list[DateInterval], trig: ev.Trigger, *, announced: bool = False
) -> DateInterval | None:
    """The clause's date nearest the trigger: not the day something was said (unless the
    event is what was said: ``announced``, "announced on Sunday that they were merging"),
    nor a dateline's (see ``_filed_day``)."""
    cands = []
    filed = []
    said = []
    for d in dates:
        if d.span is None or d.start is None:
            continue
        if _SPEECH_DATE.search(text[max(0, d.span.start - 30) : d.span.start]):
            said.append(d)
            continue
        (filed if _is_dateline(text, d) else cands).append(d)
    cands = cands or (said if announced else [])
    cands = [d for d in cands if not _GATHERING_AFTER.match(text, d.span.end)]
    absolute = [d for d in cands if any(ch.isdigit() for ch in d.span.text)]
    if absolute:
        # "after Friday prayers in Zahedan on 30 September": the day written in full wins over
        # a weekday read against the publication date
        cands = [d for d in cands if d in absolute or not _WEEKDAY_ONLY.match(d.span.text.strip())]
    named = [
        d
        for d in cands
        if not _VAGUE_DAY.search(d.span.text) and (d.end is None or d.end == d.start)
    ]
    if named and len(named) < len(cands):
        cands = named  # "an overnight raid ... on Saturday": the day named
    if not cands:
        return None  # a dateline's day comes last, after the report's other days (_filed_day)
    return min(cands, key=lambda d: abs(d.span.start - trig.start))


_VAGUE_DAY = re.compile(
    r"\b(?:overnight|last night|tonight|this morning|earlier today|today)\b", _F
)


def _filed_day(text: str, events: list[_Ev], dates: list[DateInterval]) -> None:
    """Events nothing else dates take the dateline's day ("KABUL, Dec 25 (Reuters) -")."""
    filed = next(
        (d for d in dates if d.span is not None and d.start is not None and _is_dateline(text, d)),
        None,
    )
    if filed is None:
        return
    for e in events:
        if e.date is None and not e.clause.distinct_time and not e.clause.background:
            e.date = filed


_SAME_DAY = re.compile(
    r"^(?:,\s*)?(?:hours|minutes|moments|shortly|just|an hour|two hours)\s+(?:after|before)\b", _F
)


def _announced(sub_event_type: str) -> bool:
    """Sub-types that happen by being declared: the day it was said is the event's day."""
    return sub_event_type in (
        "Agreement",
        "Change to group/activity",
        "Headquarters or base established",
        "Non-violent transfer of territory",
    )


def _toll_period(text: str, d: DateInterval) -> bool:
    """Is the date told after a 'bringing the total to' marker (the period of a toll)?"""
    return d.span is not None and bool(
        RAISING.search(text, max(0, d.span.start - 120), d.span.start)
    )


def _settle_sentence(
    text: str, sent_events: list[_Ev], loose: list, si: int, s_dates: list
) -> None:
    """Give each event of a sentence the sentence's places/dates/counts it lacks."""
    if not sent_events:
        return
    # "..., bringing the number killed since January to 85": that period is the toll's
    s_dates = [d for d in s_dates if not _toll_period(text, d)]
    # loose clauses of this sentence
    mine = [x for x in loose if x[0] == si]
    for x in mine:
        loose.remove(x)
        _si, _pi, cl, counts, c_places, c_dates = x
        if cl.background:
            counts = []  # a death told as the cause ("after an activist died") is not this one's
        # nearest event in the sentence: the one before, else the one after
        before = [e for e in sent_events if e.clause.start <= cl.start]
        target = before[-1] if before else sent_events[0]
        for c in counts:
            _add_count(text, target, c, additive=bool(_ADDITIVE.search(text[cl.start : cl.end])))
        if c_places and not target.places:
            target.places = list(c_places)
        if target.date is None:
            d = _pick_date(text, [d for d in c_dates if not _toll_period(text, d)], target.trigger)
            if d is not None:
                target.date, target.date_in_clause = d, True
    # events without a date take the sentence's (non-speech) date
    for e in sent_events:
        if e.date is None and not e.clause.distinct_time:
            d = _pick_date(text, s_dates, e.trigger, announced=_announced(e.st))
            if d is not None:
                e.date, e.date_in_clause = d, True
    for e in sent_events:
        if e.date is None and _SAME_DAY.match(e.clause_text):
            # "... on Friday, hours after Fano militiamen attacked an army post": that day too
            dated = [x for x in sent_events if x is not e and x.date is not None]
            if dated:
                e.date = dated[0].date


def _attach_loose(text: str, events: list[_Ev], loose: list) -> None:
    for si, pi, cl, counts, _places, _dates in loose:
        if not counts and _dates and not cl.background and not cl.distinct_time:
            # "A man was shot dead at a house. Officers were called to the property on
            # Tuesday": the next sentence's day dates the event that had none
            just = [e for e in events if e.clause.para == pi and e.clause.sent == si - 1]
            own = [
                d
                for d in _dates
                if d.start is not None
                and not _SPEECH_DATE.search(text[max(0, d.span.start - 30) : d.span.start])
            ]
            if just and own and all(e.date is None for e in just):
                just[-1].date = own[0]
            continue
        if not counts or cl.background:
            continue
        prev = [
            e
            for e in events
            if e.clause.para == pi
            and e.clause.sent < si
            and not e.headline
            and (not e.reference or e.ref_kind == "definite")
        ]
        if not prev:
            prev = [
                e
                for e in events
                if e.clause.para == pi - 1 and e.clause.sent < si and not e.headline
            ]
        if not prev:
            continue
        target = prev[-1]
        ctext = text[cl.start : cl.end]
        own = [
            d
            for d in _dates
            if not _SPEECH_DATE.search(text[max(0, d.span.start - 30) : d.span.start])
        ]
        if own and target.date is not None and not _dates_ok(target.date, own[0]):
            continue  # a figure for another day is not this incident's
        if target.date is None and _other_weekday(target.clause_text, ctext):
            continue  # ... nor when no publication date resolves the days ("on Sunday")
        for c in counts:
            if _SUPERSEDED.search(ctext) and any(x.counts.get(c.kind) for x in prev):
                continue  # "Initial reports had put the toll at 24"
            if _UPDATE.search(ctext):
                target.counts.pop(c.kind, None)
            _add_count(text, target, c, additive=bool(_ADDITIVE.search(ctext)))


def _another_day(e: _Ev, dates: list[DateInterval], clause: str) -> bool:
    """Does a clause dated ``dates`` tell of another day than event ``e``? ("four were killed
    on Saturday ... Three more died on Sunday")"""
    if e.date is not None and e.date.start is not None:
        return any(d.start is not None and not _dates_ok(e.date, d) for d in dates)
    return _other_weekday(e.clause_text, clause)


def _other_weekday(a: str, b: str) -> bool:
    """Do two clauses name weekdays, and different ones?"""
    wa = {w.lower() for w in _WEEKDAY.findall(a)}
    wb = {w.lower() for w in _WEEKDAY.findall(b)}
    return bool(wa and wb and wa.isdisjoint(wb))


def _sent_of(analysis: Analysis, pos: int) -> int:
    starts = [s.start for s in analysis.sents]
    return max(0, bisect_left(starts, pos + 1) - 1)


def _fill_context(
    text: str,
    events: list[_Ev],
    places: list[PlaceMention],
    dates: list[DateInterval],
    paras: list[tuple[int, int]],
    pub_date: date | None,
    analysis: Analysis,
) -> None:
    # a dateline names where the report was filed: a last resort only
    filed = dateline_places(text, places)
    if filed:
        places = [p for p in places if (p.start, p.end) not in filed] or places
        for e in events:
            e.places = [p for p in e.places if (p.start, p.end) not in filed]
    # report-level default place: the place the report names most often (not a country), the
    # earliest on ties; else the first place of the first event
    default = None
    named = [p for p in places if p.kind != "country"]
    if named:
        freq: dict[str, int] = {}
        for p in named:
            freq[p.name] = freq.get(p.name, 0) + 1
        top = max(freq.values())
        if top > 1:
            default = next(p for p in named if freq[p.name] == top)
    if default is None:
        for e in events:
            if e.places:
                default = choose_location(e.places, text)
                break
    if default is None and places:
        default = named[0] if named else places[0]
    for e in events:
        # the clause's own place; a bare country yields to a specific place told nearby
        bare = None
        if e.places:
            e.place = choose_location(e.places, text)
            if e.place is None or e.place.kind != "country":
                continue
            bare, e.place = e.place, None
        sent = analysis.sents[e.clause.sent]
        pa, pb = paras[e.clause.para] if e.clause.para < len(paras) else (0, len(text))
        same = [p for p in places if sent.start <= p.start < sent.end]
        prev = [p for p in places if pa <= p.start < e.clause.start]
        specific_same = [p for p in same if p.kind != "country"]
        specific_prev = [p for p in prev if p.kind != "country"]
        e.place_inherited = True
        if specific_same:
            e.place = choose_location(specific_same, text)
            continue
        if specific_prev:
            e.place = specific_prev[-1]
            continue
        # "in northern Syria ... The strikes hit the town of X": the detail names the place
        nxt = [
            p
            for p in places
            if e.clause.end <= p.start < pb
            and p.kind != "country"
            and e.clause.sent < _sent_of(analysis, p.start) <= e.clause.sent + 2
        ]
        if nxt:
            e.place = choose_location(nxt, text)
            continue
        if default is not None and default.kind != "country":
            e.place = default
            continue
        country = (
            bare or (choose_location(same, text) if same else None) or (prev[-1:] or [None])[0]
        )
        if country is not None:
            e.place, e.place_inherited = country, country is not bare
            continue
        if default is not None:
            e.place = default
            continue
        e.place_inherited = False
    for e in events:
        if e.date is not None or e.clause.distinct_time:
            continue
        told = [
            x
            for x in events
            if x.clause.para == e.clause.para
            and x.clause.start < e.clause.start
            and x.date is not None
            and x.date_in_clause
        ]
        if told:
            # "Students rallied on Tuesday over a death last month. The protesters blocked a
            # road": the event just told dates what follows, not any date in its sentence
            e.date = told[-1].date
            continue
        pa, pb = paras[e.clause.para] if e.clause.para < len(paras) else (0, len(text))
        prev = [
            d
            for d in dates
            if pa <= d.span.start < e.clause.start
            and d.start is not None
            and not _SPEECH_DATE.search(text[max(0, d.span.start - 30) : d.span.start])
        ]
        if prev:
            d = prev[-1]
            dd = _to_date(d.start)
            if pub_date is None or dd is None or 0 <= (pub_date - dd).days <= 60:
                e.date = d
    lead = next((x for x in events if x.date is not None and x.date_in_clause), None)
    if lead is not None and lead.date is not None and lead.date.start is not None:
        for e in events:
            if e.date is None and not e.clause.distinct_time and not e.clause.background:
                # "In the southern port city of Odesa, drones struck the port": told as part
                # of the night the report is about
                e.date = lead.date


# ----------------------------------------------------------------------------------------------
# merging


def _norm_place(p: PlaceMention | None) -> str:
    if p is None:
        return ""
    return re.sub(r"^(?:al|el|ad|as|ar|an)[- ]", "", p.name.lower()).replace("-", " ").strip()


_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", _F)


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


def _merge(events: list[_Ev]) -> list[_Ev]:
    incidents: list[_Ev] = []
    pending_refs: list[_Ev] = []
    for e in events:
        host = _casualties_of_last(incidents, e)
        if host is not None:
            _absorb_keeping_type(host, e)
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


# ----------------------------------------------------------------------------------------------
# output


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
_LATER = re.compile(
    r"\b(?:since|later|subsequently|afterwards|after|following|the next day|(?:has|have) been)\b",
    _F,
)
_BACKGROUND_DAYS = 30


def _drop_background(
    text: str, incidents: list[_Ev], pub_date: date | None, notes: list[str]
) -> list[_Ev]:
    """Events dated a month or more before publication are the story's background ("the M23
    seized Goma in January, in fighting that killed about 3,000 people"), not its news: where
    the report tells of anything newer they are left out, with a note."""
    if pub_date is None:
        return incidents

    def old(e: _Ev) -> bool:
        end = _to_date(e.date.end or e.date.start) if e.date is not None else None
        if end is None and e.date is not None and e.date.start and len(e.date.start) == 7:
            end = _to_date(e.date.start + "-28")
        return end is not None and (pub_date - end).days > _BACKGROUND_DAYS

    kept = [e for e in incidents if not old(e)]
    if not kept:
        return incidents
    for e in incidents:
        if old(e):
            d = e.date
            notes.append(
                f"background event left out: {e.et} / {e.st} dated {d.start if d else '?'} "
                f"({text[e.trigger.start : e.trigger.end]!r} at {e.trigger.start})"
            )
    return kept


def _location(p: PlaceMention | None) -> Location | None:
    if p is None:
        return None
    return Location(name=p.name, span=Span(p.start, p.end, p.name), precision=p.precision)


def _settled(e: _Ev, a: Actor, day: str | None) -> tuple[str, str]:
    """The final (role, type) of an actor of an incident (see ``reckon.extract.roles``)."""
    return sides.settle(e.et, e.st, actors_mod.taliban_type(a.text, a.type, day), a.role, a.text)


def _to_mention(text: str, e: _Ev, report: Report) -> Mention:
    evidence = [Evidence("event", e.trigger.text, e.trigger.start, e.trigger.end)]
    cl = e.clause
    evidence.append(Evidence("clause", text[cl.start : cl.end], cl.start, cl.end))
    if e.place is not None:
        evidence.append(Evidence("location", e.place.name, e.place.start, e.place.end))
    if e.date is not None and e.date.span is not None:
        s = e.date.span
        evidence.append(Evidence("date", s.text, s.start, s.end))
    for a in e.actors:
        if a.span is not None:
            evidence.append(Evidence("actor", a.span.text, a.span.start, a.span.end))
    seen = {(x.field, x.start, x.end) for x in evidence}
    for x in e.evidence:
        if (x.field, x.start, x.end) not in seen:
            evidence.append(x)
            seen.add((x.field, x.start, x.end))
    counts = {k: _final_count(v) for k, v in e.counts.items()}
    conf = e.strength * (
        0.55
        + (0.15 if e.place is not None and not e.place_inherited else 0.05)
        + (0.1 if e.date is not None else 0.0)
        + (0.2 if counts.get("killed") is not None else 0.05)
    )
    if e.reference:
        conf *= 0.8
    date_iv = None
    if e.date is not None:
        date_iv = DateInterval(e.date.start, e.date.end, e.date.span, e.date.resolved, e.date.note)
    day = (date_iv.start if date_iv is not None else None) or report.published
    killed = counts.get("killed")
    if e.st == "Looting/property destruction" and killed is not None and (killed.best or killed.low):
        # ACLED: looting or destruction with people killed is an attack ("settlers set cars on
        # fire; one Palestinian was killed")
        e.et, e.st = "Violence against civilians", "Attack"
    elif e.st == "Protest with intervention" and killed is not None and (killed.best or killed.low):
        # ACLED: a demonstration where the force's intervention kills is excessive force ("police
        # fired tear gas at teachers marching, and one teacher died")
        e.st = "Excessive force against protesters"
    return Mention(
        event_type=e.et,
        sub_event_type=e.st,
        date=date_iv,
        location=_location(e.place),
        actors=[Actor(a.text, *_settled(e, a, day), a.span) for a in e.actors],
        fatalities=counts.get("killed"),
        injured=counts.get("injured"),
        abducted=counts.get("abducted"),
        arrested=counts.get("arrested"),
        evidence=evidence,
        confidence=max(0.0, min(1.0, conf)),
        report_id=report.id,
    )


_REGION_OF = re.compile(
    r"['’]s\s+(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|"
    r"south-?west)(?:ern)?\s+)?(?:(?:coastal|border|mountain|desert|rural)\s+)?"
    r"(?:region|regions|coast|provinces|governorates|countryside|border areas|heartland)\b",
    _F,
)


_PAST_INTRO = re.compile(
    r",\s|\bsince\b|\banniversary\b|\bin which\b|\bwhen\b|\blike\b|\bas in\b|\brecalling\b", _F
)
_CATEGORY_LIST = re.compile(
    r"\b(?:war crimes|crimes against humanity|genocide|(?:human rights |grave )?(?:abuses|"
    r"violations)|atrocities)\b,?\s+(?:including|such as|like|notably)\s[^.;:]{0,200}",
    _F,
)
_SINCE_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+){0,2}(?:killed|left|claimed|displaced|wounded|cost)\b[^.;]*"
    r"\bsince\s+$",
    _F,
)
_SUPERLATIVE = re.compile(r"\b(?:deadliest|worst|bloodiest|largest|biggest|first)\b", _F)
_COMPARISON = re.compile(r"\b(?:since|anniversary)\b|" + _SUPERLATIVE.pattern, _F)


def _past_cut(
    text: str, cl: Clause, hist: int | None, dates: list[DateInterval], pub_date: date | None
) -> int | None:
    """Where a clause that names a past year turns from today's news to the past, or None
    when the whole clause is about that year ("In 2019, gunmen killed 50 people")."""
    if hist is None:
        return None
    m = re.search(rf"\b{hist}\b", text[cl.start : cl.end])
    if m is None:
        return None
    ypos = cl.start + m.start()
    recent = False
    for d in dates:
        end = _to_date(d.end or d.start)
        if d.span is not None and d.span.start < ypos and end is not None and pub_date is not None:
            recent = recent or 0 <= (pub_date - end).days <= 60
    if not recent and not _COMPARISON.search(text, max(cl.start, ypos - 60), ypos):
        return None
    if _SINCE_PERFECT.search(text, cl.start, ypos) and not _SUPERLATIVE.search(
        text, cl.start, ypos
    ):
        return None  # "the insurgency has killed 40,000 people since 2009": all of it the past
    intros = list(_PAST_INTRO.finditer(text, cl.start, ypos))
    intro = intros[-1] if intros else None
    if intro is None or intro.start() - cl.start < 10:
        return None
    return intro.start()


def _dates_beside(text: str, cl: Clause, c, dates: list[DateInterval]) -> list[DateInterval]:
    """The dates on the count's side of a 'raising the number to' marker (all when none)."""
    m = RAISING.search(text, cl.start, cl.end)
    if m is None:
        return dates
    after = c.count.span.start >= m.start()
    return [d for d in dates if (d.span is not None and d.span.start >= m.start()) == after]


def _make_toll(
    text: str,
    c,
    cl: Clause,
    c_dates: list[DateInterval],
    c_places: list[PlaceMention],
    anchor: str | None,
    pub_date: date | None,
    hist: int | None,
    report: Report,
) -> Toll:
    period = None
    scope = "cumulative"
    if c_dates:
        d = c_dates[0]
        end = d.end
        ctext = text[cl.start : cl.end]
        if re.search(r"\bsince\b|\bwhich (?:began|broke out|erupted|started)\b", ctext, _F):
            end = anchor
        period = DateInterval(d.start, end, d.span, d.resolved, d.note)
        ds = _to_date(d.start) or (
            _to_date((d.start or "") + "-01") if d.start and len(d.start) == 7 else None
        )
        if ds is None and d.start and len(d.start) == 4 and pub_date is not None:
            if int(d.start) < pub_date.year:
                scope = "historical"
        elif ds is not None and pub_date is not None and (pub_date - ds).days > 300:
            scope = "historical"
    elif hist is not None:
        period = DateInterval(str(hist), None, None)
        scope = "historical"
    if hist is not None or re.search(
        r"\b(?:war|conflict|insurgency|civil war)\b[^.]{0,60}\b(?:began|broke out|erupted|started)\b",
        text[cl.start : cl.end],
        _F,
    ):
        scope = "historical"
    filed = dateline_places(text, c_places)
    c_places = [p for p in c_places if (p.start, p.end) not in filed]
    area = None
    area_span: tuple[int, int] | None = None
    if c_places:
        # the most specific area named ("in Colombia's Catatumbo region": Catatumbo), unless a
        # country is told with its part ("Syria's western coastal region")
        p0 = c_places[0]
        if p0.kind == "country" and not _REGION_OF.match(text, p0.end):
            p0 = next((p for p in c_places if p.kind != "country"), p0)
        area, area_span = p0.name, (p0.start, p0.end)
        # "Syria's western coastal region": the part of the country the toll covers
        m = _REGION_OF.match(text, p0.end)
        if m:
            area, area_span = text[p0.start : m.end()], (p0.start, m.end())
    sp = c.count.span
    evidence = [Evidence("toll", sp.text, sp.start, sp.end)]
    evidence.append(Evidence("clause", text[cl.start : cl.end], cl.start, cl.end))
    if period is not None and period.span is not None:
        evidence.append(Evidence("date", period.span.text, period.span.start, period.span.end))
    if area is not None and area_span is not None:
        evidence.append(Evidence("location", area, area_span[0], area_span[1]))
    return Toll(
        kind=c.kind,
        count=Count(c.count.low, c.count.best, c.count.high, c.count.qualifier, c.count.span),
        scope=scope,
        period=period,
        area=area,
        evidence=evidence,
        confidence=0.7,
        report_id=report.id,
    )


def _dedupe_tolls(tolls: list[Toll]) -> list[Toll]:
    out: list[Toll] = []
    seen: set[tuple] = set()
    for t in tolls:
        key = (t.kind, t.count.low, t.count.best, t.count.high)
        if key in seen:
            continue
        seen.add(key)
        out.append(t)
    return out


def _places(text: str, places: list[PlaceMention]) -> list[Location]:
    out: list[Location] = []
    seen: set[tuple[int, int]] = set()
    for p in sorted(places, key=lambda p: (p.start, p.end)):
        if (p.start, p.end) in seen:
            continue
        seen.add((p.start, p.end))
        loc = _location(p)
        if loc is not None:
            out.append(loc)
    return out
