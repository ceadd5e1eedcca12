"""Scoring extraction output against gold data: pure functions over plain dicts.

Gold rows follow the schema of ``../shared/eval/README.md``; predictions are the
``reckon extract --format jsonl`` shape (:meth:`reckon.model.Extraction.as_dict`).

How incidents are compared
--------------------------
* **Matching** (full rows): gold and predicted incidents of one report are paired one-to-one by a
  maximum-cardinality assignment over *compatible* pairs. A pair is compatible when the event
  types are equal, the places are compatible (same normalised name, or same admin1 within the
  same country, or within ``match_km`` when both have coordinates) and the dates are compatible
  (the intervals overlap or lie within ``date_slack_days``, or either is null). Among assignments
  of equal size, the one that agrees most on sub-type, date and place is chosen; figures
  (fatalities) never influence the pairing. Incident precision / recall / F1 count these pairs.
* **Event type and sub-type accuracy** are measured on a *type-blind* matching (compatible place
  and date, any event type): on the matching above they would be 1 by construction.
* **Field accuracies** (fatalities, other counts, dates) are measured on matched pairs.
  Place accuracies (country, admin1, within 25 km, precision) are measured on a separate
  *place alignment* that does not require the places to agree (otherwise a wrong place could never
  be scored as wrong): gold and predicted incidents paired by date compatibility, preferring the
  same event type and the nearest place.
* **Report-level fatalities**: a report whose gold gives a death toll (some incident has a
  non-null ``fatalities.best``) is exact when every such gold incident is paired with a predicted
  incident with the same ``best``; pairing here first uses the matching above, then pairs the
  remaining gold incidents with remaining predicted incidents at a compatible place and date
  whatever their event type (a mis-typed incident with the right count still has the right count).
  A report whose gold gives no death toll (every incident's ``fatalities`` is null, including
  reports with no incident at all) is clean when no predicted incident carries any fatality
  figure (a predicted 0 is a figure too).
* **Main-incident rows** (``main_incident_only`` and weakly labelled rows such as the UCDP
  headlines): the predicted incident with the highest confidence (the first one on ties) is scored
  against the one gold incident; a report with no predicted incident counts as wrong in every
  metric the gold row can score. ``admin1_any_incident`` (whether any predicted incident lies in
  the gold admin1) is a diagnostic that separates choosing the main incident from placing it.

Every metric is a :class:`Ratio` (numerator, denominator) so that pooled figures stay exact and
empty denominators show as "n/a" rather than as a perfect score.

Layout
------
One module per concern, re-exported here so ``from reckon.evaluate import X`` names them all:

* :mod:`~reckon.evaluate.results`: :class:`Ratio`, :class:`Mismatch`, :class:`Counts`,
  :class:`EvalResult`;
* :mod:`~reckon.evaluate.split`: :func:`split_part`, the learn / measure split of gold rows;
* :mod:`~reckon.evaluate.dates`: date bounds, gaps, compatibility, equality;
* :mod:`~reckon.evaluate.places`: place names, countries, admin1, distances, place metrics;
* :mod:`~reckon.evaluate.matching`: incident compatibility, the assignment, the place
  alignment, the main incident, incident summaries;
* :mod:`~reckon.evaluate.categories`: event type, sub-type and actor-type metrics;
* :mod:`~reckon.evaluate.counts`: fatalities and other counts, dates, report-level death tolls;
* :mod:`~reckon.evaluate.tolls`: toll matching and tolls counted as incidents;
* :mod:`~reckon.evaluate.evidence` and :mod:`~reckon.evaluate.reactions`: evidence overlap and
  reaction matching;
* :mod:`~reckon.evaluate.report`: :func:`score_report` and :func:`score`;
* :mod:`~reckon.evaluate.linking`: :func:`pairwise_link_scores`;
* :mod:`~reckon.evaluate.wikievents`: :func:`score_wikievents`;
* :mod:`~reckon.evaluate.render`: the plain-text report of ``reckon eval`` (not re-exported).
"""

from reckon.evaluate.categories import UCDP_TYPE_TO_ACLED
from reckon.evaluate.counts import COUNT_FIELDS, has_figure, interval_covers
from reckon.evaluate.dates import (
    DATE_SLACK_DAYS,
    date_bounds,
    date_gap_days,
    dates_compatible,
    dates_equal,
)
from reckon.evaluate.evidence import evidence_overlap, locate
from reckon.evaluate.linking import LinkScore, pairwise_link_scores
from reckon.evaluate.matching import (
    align_places,
    assign,
    describe_incident,
    incidents_compatible,
    main_incident,
    match_incidents,
)
from reckon.evaluate.places import (
    MATCH_KM,
    NEAR_KM,
    country_code,
    distance_km,
    haversine_km,
    local_same_admin1,
    norm_name,
    place_key,
    places_compatible,
    same_admin1,
    same_country,
    same_place_name,
)
from reckon.evaluate.reactions import match_reactions, reaction_kinds_compatible
from reckon.evaluate.report import row_mode, score, score_report
from reckon.evaluate.results import Counts, EvalResult, Mismatch, Ratio, f1
from reckon.evaluate.split import split_part
from reckon.evaluate.tolls import match_tolls
from reckon.evaluate.wikievents import WIKIEVENTS_RELATED, WIKIEVENTS_VIOLENT, score_wikievents

__all__ = [
    "COUNT_FIELDS",
    "DATE_SLACK_DAYS",
    "MATCH_KM",
    "NEAR_KM",
    "UCDP_TYPE_TO_ACLED",
    "WIKIEVENTS_RELATED",
    "WIKIEVENTS_VIOLENT",
    "Counts",
    "EvalResult",
    "LinkScore",
    "Mismatch",
    "Ratio",
    "align_places",
    "assign",
    "country_code",
    "date_bounds",
    "date_gap_days",
    "dates_compatible",
    "dates_equal",
    "describe_incident",
    "distance_km",
    "evidence_overlap",
    "f1",
    "has_figure",
    "haversine_km",
    "incidents_compatible",
    "interval_covers",
    "local_same_admin1",
    "locate",
    "main_incident",
    "match_incidents",
    "match_reactions",
    "match_tolls",
    "norm_name",
    "pairwise_link_scores",
    "place_key",
    "places_compatible",
    "reaction_kinds_compatible",
    "row_mode",
    "same_admin1",
    "same_country",
    "same_place_name",
    "score",
    "score_report",
    "score_wikievents",
    "split_part",
]
