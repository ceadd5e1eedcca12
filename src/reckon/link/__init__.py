"""Link mentions into incidents, detect copies and reconcile figures (pure functions, no I/O).

Modules: ``records`` (constants and records), ``places`` (the place factor), ``factors`` (pair
scores), ``copies`` (MinHash copies, independent voices), ``blocking`` (which pairs are scored),
``actors`` (the actors factor), ``cluster`` (best-first merging), ``stream`` (linking block by block and component by component;
``link_extractions``, ``link_records``), ``reconcile`` (figures), ``incidents`` (incidents from
groups), ``serial`` (JSON), ``metrics`` (pairwise F1). Every public name is importable from
``reckon.link``.

A *mention* is an incident as one report tells it; an *incident* is the happening, linked from
every mention that tells it. This module turns a set of extractions into incidents:

1. **Order.** Every input is first put in a canonical order (report published date, then report
   id, then the mention's index in its report), so the result depends on the set of reports, never
   on the order they arrived in. Incident ids are ``"inc-"`` + a hash of the sorted member keys
   (``report_id#index``): the same members always give the same id, and an incident that gains
   or loses a member gets a new id. User split / merge decisions are kept as mention keys, so
   they survive relinking.

2. **Copies.** Each report's cleaned text is reduced to character 5-gram shingles of its
   lower-cased words and summarised with MinHash (datasketch, fixed seed). A report whose
   estimated Jaccard similarity with an earlier report (published date, then id) is at least
   ``COPY_THRESHOLD`` is a *copy* of the earliest such report's root. ``sources`` counts the
   distinct reports of an incident; ``independent_sources`` counts them after collapsing copies
   *and* reports from the same outlet (an outlet updating its own story, or two outlets running the
   same syndicated text, are one voice, not two).

3. **Linking** (``LINK_VERSION = "link-4"``). Pairs of mentions that could share an incident
   come from blocking (``blocking``: same country, at most two days apart; see there) and are
   scored on five factors, each in [0, 1]:

   - ``type``: same ACLED event and sub-event type 1.0; same type, other sub-type 0.75 (a
     shelling told as a missile strike), 0.85-0.9 for sub-types one happening is often told as
     (``factors.SUBTYPE_AFFINITY``: a protest with or without the police stepping in, a bomb or
     a suicide bomber, a clash and the ground it won); related types by family (``factors.TYPE_AFFINITY``: an
     attack told as a clash 0.5, an ambush with a roadside bomb told as a clash or as a blast
     0.5, a strike on civilians told as an attack 0.35, a protest the
     police broke up told as a riot 0.6, ...), unrelated types 0; Strategic developments only
     with Strategic developments (otherwise a veto: an arrest after a bombing is its own event),
     but for arrests told as a protest broken up (0.35) and looting told as a riot (0.35) or an
     attack (0.2) (``factors.SD_AFFINITY``). Two violent types that count the same dead (two
     or more, in agreement: a roadside bomb that killed eight, "militants attacked their van,
     killing eight") score at least 0.6 (``factors.SHARED_KILLING``).
     Two types of event link only where the place (>= 0.6) and the day (>= 0.7) agree and the
     counts do not contradict each other (otherwise the pair scores below the threshold and
     joins an incident only through other links).
   - ``place``, by place hierarchy (``places.place_score``): same gazetteer id 1.0; same name
     (spelling variants such as Jableh / Jablah / Jebleh collapse to one key) 0.95, or 0.75 for a
     town and the area named after it that contains it ("Kunduz" read as the city and as the
     province; 0.6 when the gazetteer does not put the town in it); a town and its province, or
     two areas of one admin1, 0.6 (0.75 for a place and the district it lies in; 0.15 for two
     places of one admin1 in other districts, by their admin2, a district being known by the
     name a report gives it and by the gazetteer's: "DI Khan", "Dera Ismail Khan", and no
     district counting apart for a town within 10 km of the district's point, its seat); a
     place and an area bearing the name of the district it lies in ("Dansadau" and "Maru local
     government area", read as the town of Maru at precision 2) 0.75; an unresolved place and
     the province its text gives 0.6 (the district 0.75); a place given only as a country whose
     report names the other's province 0.6; a place one
     report gives and the other names in its text (the
     district of "Dansadau (Maru, Zamfara)", "the Cite Soleil neighbourhood of Port-au-Prince")
     0.75; two towns by distance (two differently named towns more than 10 km apart: veto,
     unless one report's text names the other's place other than as its own province or
     district, "Angwan Rogo, a village near Jos" read as a namesake far away: 0.45, which links
     only with a count or an actor in common); a
     district or "near X" (precision 2) reaches further (up to 150 km in one admin1, at 0.05);
     coordinates of unresolved names are ignored. Different countries: veto, unless one report
     does not state its country (a geocoder's guess) and the two places have one name (0.8) or
     that report names the other's place (0.75) or the other's country (0.3). When
     only one mention has a place, 0.75 if that place is named in the other report's text.
   - ``time``: overlapping intervals 1.0 (0.6 when wider than 3 days); 1 day apart 0.7; 2 days
     0.45; a week apart (give or take a day) where one side gives only a weekday ("on Tuesday
     night", which a reader can place in the wrong week) 0.4; further: veto. A mention without a
     resolved date falls back to the week before its report's publication (scored at most 0.6;
     0.8 against a date in the last two days before that publication: undated news is recent).
     A mention dated on its report's publication day or the day before may be dated by the
     telling (bodies found, a funeral, a statement): up to three days after the other's date it
     scores 0.35, and links only with the same type of event and agreeing counts.
     A mention with no usable time (no date and no publication date, or only an interval wider
     than a week: "in 2011", "last month") links only with mentions of a copy of its own report.
   - ``actors``: overlap of actor types (0.3 + 0.7 x Jaccard) with a bonus for similar actor names;
     0.5 when either side names no actor; 0.1 when both name perpetrators of disjoint families
     (``actors.ACTOR_FAMILY``: rebels, political and identity militias are one family) and
     neither's perpetrators appear among the other's actors in another role (police breaking up
     a protest / rioters: one fight told from either side); 0.1
     for two crowds named by heads that tell who they are and share none ("students" /
     "drivers"; ``actors.crowds_apart``), which on another day or told as another sub-type
     keeps the pair below the threshold. Two protests or riots on two days (a city sees
     protests day after day, and ACLED codes each day) stay below the threshold unless their
     crowds are named alike.
   - ``figures``: agreement of the killed (else abducted, else injured) counts: equal 1.0, a
     lower bound below the other 0.8, close 0.75, an update (up to twice) 0.4, far apart (or a
     lower bound above the other figure) 0.2; deaths against only a count of wounded 0.3; 0.5
     when the two do not both give one; 0.5 for a toll revised upward (the higher figure worded as
     an update or published later, on the same day of the happening, up to ten times). Counts that contradict (<= 0.3) together with another
     disagreement (sub-type, day) or no actor in common keep the pair below the threshold.

   ``total = 0.25 type + 0.30 place + 0.20 time + 0.10 actors + 0.15 figures`` (+ 0.15 when the
   two reports are copies, capped at 1). Candidate pairs at or above ``LINK_THRESHOLD`` are
   merged best first (ties broken by the mention keys) when no pair across the two groups is
   vetoed or missing, the two groups share no report (two mentions of one report are never
   linked: extraction already decided they are distinct), no user override forbids it, the mean
   score over all cross pairs stays at or above ``LINK_THRESHOLD - 0.05`` and no cross pair
   scores below ``LINK_THRESHOLD - 0.15`` (no chaining of far-apart mentions through a middle
   one). Each member keeps the scores of its best link as its explanation; a mention that
   starts an incident keeps its best rejected candidate and the reason. Merging runs per
   component of linked mentions (``stream``), which gives the same groups as merging all at once.

4. **Reconciliation** (``RULE_VERSION = "ucdp-1"``), for each count kind (killed, injured,
   abducted, arrested):

   a. *Claims.* Every member mention's count is a claim (report, outlet, published date, span,
      low/best/high, qualifier, and whether its wording marks an update: "rose to", "has risen",
      "climbed to", "succumbed", ...).
   b. *Latest per source.* For each outlet (or the report itself when the outlet is unknown) only
      its latest claim counts: later published first, then update wording, then the higher best.
      An outlet's update supersedes its earlier figure.
   c. *Overtaken lower bounds.* An open-ended claim ("at least 7", "multiple deaths": high
      unbounded) is set aside when another source's latest claim has a higher best: a lower bound
      below a higher figure agrees with it rather than contradicting it. An update-worded claim
      ("the toll rose to 11", "one of the wounded succumbed") likewise supersedes claims with a
      lower best published no later than it, from any outlet.
   d. *Best* = the value backed by the most independent voices among the retained claims; on a
      tie, the lower value (UCDP: when reliability cannot be told apart, take the lower figure).
      *Low* = the lowest retained low (the best when no retained claim has a low). *High* = the
      highest retained high; unbounded (None) when some retained claim is open-ended above every
      stated high, or when no retained claim states one. Always low <= best <= high.

   Every figure lists all claims, which were retained, and why the others were set aside.
"""

from __future__ import annotations

from reckon.link.blocking import (
    Block,
    BlockResult,
    Entry,
    components,
    entry_of,
    merge_results,
    plan_blocks,
    score_block,
)
from reckon.link.cluster import (
    cluster_mentions,
)
from reckon.link.copies import (
    detect_copies,
    independent_groups,
    shingles,
    signature,
    similarity,
)
from reckon.link.factors import (
    actor_score,
    effective_interval,
    is_vague,
    score_pair,
    time_score,
    type_score,
)
from reckon.link.incidents import (
    build_incident,
    incident_id,
    incident_sort_key,
)
from reckon.link.metrics import (
    pairwise_f1,
)
from reckon.link.places import (
    haversine_km,
    place_keys,
    place_score,
    text_place_keys,
    toponym_key,
)
from reckon.link.reconcile import (
    Claim,
    claims_of,
    reconcile,
)
from reckon.link.records import (
    COPY_BONUS,
    COPY_THRESHOLD,
    COUNT_FIELDS,
    FALLBACK_DAYS,
    LINK_THRESHOLD,
    LINK_VERSION,
    NUM_PERM,
    RULE_VERSION,
    SHINGLE,
    UPDATE_RE,
    VAGUE_DAYS,
    VIOLENT,
    WEIGHTS,
    Copy,
    MentionRecord,
    Override,
    PairScore,
    ReportMeta,
    is_update,
    mention_key,
    records_from_extraction,
    sort_key,
)
from reckon.link.serial import (
    count_from_json,
    count_to_json,
    date_from_json,
    date_to_json,
    incident_from_json,
    incident_to_json,
    location_from_json,
    location_to_json,
    member_keys,
    mention_from_json,
    mention_to_json,
    reaction_from_json,
    reaction_to_json,
    report_ids,
    toll_from_json,
    toll_to_json,
)
from reckon.link.stream import (
    LinkStats,
    MemorySource,
    RecordSource,
    link_component,
    link_extractions,
    link_records,
    link_stream,
)

__all__ = [
    "Block",
    "BlockResult",
    "Entry",
    "LinkStats",
    "MemorySource",
    "RecordSource",
    "components",
    "entry_of",
    "link_component",
    "link_stream",
    "merge_results",
    "plan_blocks",
    "score_block",
    "COPY_BONUS",
    "COPY_THRESHOLD",
    "COUNT_FIELDS",
    "Claim",
    "Copy",
    "FALLBACK_DAYS",
    "LINK_THRESHOLD",
    "LINK_VERSION",
    "MentionRecord",
    "NUM_PERM",
    "Override",
    "PairScore",
    "RULE_VERSION",
    "ReportMeta",
    "SHINGLE",
    "UPDATE_RE",
    "VAGUE_DAYS",
    "VIOLENT",
    "WEIGHTS",
    "actor_score",
    "build_incident",
    "claims_of",
    "cluster_mentions",
    "count_from_json",
    "count_to_json",
    "date_from_json",
    "date_to_json",
    "detect_copies",
    "effective_interval",
    "haversine_km",
    "incident_from_json",
    "incident_id",
    "incident_sort_key",
    "incident_to_json",
    "independent_groups",
    "is_update",
    "is_vague",
    "link_extractions",
    "link_records",
    "location_from_json",
    "location_to_json",
    "member_keys",
    "mention_from_json",
    "mention_key",
    "mention_to_json",
    "pairwise_f1",
    "place_keys",
    "place_score",
    "reaction_from_json",
    "reaction_to_json",
    "reconcile",
    "records_from_extraction",
    "report_ids",
    "score_pair",
    "shingles",
    "signature",
    "similarity",
    "sort_key",
    "text_place_keys",
    "time_score",
    "toll_from_json",
    "toll_to_json",
    "toponym_key",
    "type_score",
]
