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

from bisect import bisect_left
from datetime import timedelta

from reckon.extract import attribution, syntax
from reckon.extract import dates as dates_mod
from reckon.extract import events as ev
from reckon.extract import frames as frames_mod
from reckon.extract import mood as mood_mod
from reckon.extract import numbers as numbers_mod
from reckon.extract.assembly import _attach_counts, _coordinated, _victims_in_paragraph
from reckon.extract.cues import (
    _ANAPHORIC_SUBJECT,
    _CATEGORY_LIST,
    _DATE_WORD,
    _DEFINITE,
    _DURATIVE,
    _EVENT_NOUN,
    _EVENT_SUBJECT,
    _HEADLINE_CHARS,
    _NEW_INCIDENT,
    _NON_EVENT,
    _RANK_DECAY,
    _SELF_REPORTED,
    _THREAT,
    _THREAT_END,
    _VAGUE_PLACE,
    _WEAK,
    _anchor,
    _Ev,
    _to_date,
    _year,
)
from reckon.extract.dating import (
    _announced,
    _another_day,
    _attach_loose,
    _filed_day,
    _fill_context,
    _pick_date,
    _settle_sentence,
)
from reckon.extract.decide import _decide
from reckon.extract.merging import _merge
from reckon.extract.nlp import Analysis, entities_many, split_sentences
from reckon.extract.output import (
    _actor_key,
    _count_has_trigger,
    _dates_beside,
    _dedupe_tolls,
    _drop_background,
    _make_toll,
    _merge_reactions,
    _past_cut,
    _places,
    _quoted_spans,
    _to_mention,
)
from reckon.extract.places import PlaceMention, find_places
from reckon.extract.reactions import find_reactions
from reckon.extract.segment import (
    BACK_REFERENCE,
    clauses_of,
    is_headline,
    para_index,
    paragraph_bounds,
)
from reckon.extract.tolls import RAISING, historical_year, is_toll_clause
from reckon.model import (
    DateInterval,
    Evidence,
    Extraction,
    Reaction,
    Report,
    Toll,
)


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
    syntax.forget()  # the parses of the last report are not needed again

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
    frame = frames_mod.report_frame(text, analysis.sents, mood_mod.lead_figures(all_counts, pub_year, text))

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
