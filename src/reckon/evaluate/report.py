"""Scoring one report, and a gold file: full rows (incident precision / recall and every
field, place, toll and reaction metric) and main-incident rows (the highest-confidence
prediction against the one gold incident).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from reckon.evaluate.categories import _score_actor_types, _score_types
from reckon.evaluate.counts import _score_pair_fields, _score_report_fatalities
from reckon.evaluate.evidence import _evidence_list
from reckon.evaluate.matching import align_places, describe_incident, main_incident, match_incidents
from reckon.evaluate.places import MATCH_KM, _countries_conflict, _score_place, same_admin1
from reckon.evaluate.reactions import match_reactions
from reckon.evaluate.results import EvalResult, Mismatch
from reckon.evaluate.tolls import _score_tolls_as_incidents, _toll_summary, match_tolls


def row_mode(gold: Mapping[str, Any]) -> str:
    """``"main"`` for rows scored on their main incident only, ``"full"`` otherwise."""
    if gold.get("main_incident_only") or gold.get("weak_labels"):
        return "main"
    return "full"


def score_report(
    gold: Mapping[str, Any],
    pred: Mapping[str, Any] | None,
    *,
    errors: bool = True,
    match_km: float = MATCH_KM,
) -> EvalResult:
    """Score one predicted extraction (``Extraction.as_dict()``) against one gold row.

    ``pred`` may be ``None`` (the report produced nothing), which scores as an empty extraction.
    """
    res = EvalResult(reports=1)
    rid = str(gold.get("id"))
    pred = pred or {}
    gold_incs: list[Mapping[str, Any]] = list(gold.get("incidents") or [])
    pred_incs: list[Mapping[str, Any]] = list(pred.get("incidents") or [])
    text = ((pred.get("report") or {}).get("text")) or gold.get("text") or ""

    if row_mode(gold) == "main":
        res.counts.main_rows = 1
        p = main_incident(pred_incs)
        for g in gold_incs[:1]:
            res.ratio("main_incident_found").add(p is not None)
            if p is None and errors:
                res.errors.append(Mismatch(rid, "incident", describe_incident(g), None))
            _score_types(res, rid, g, p, errors)
            _score_actor_types(res, rid, g, p, errors)
            _score_pair_fields(res, rid, g, p, errors)
            _score_place(res, rid, g, p, errors)
            gl = g.get("location") or {}
            if gl.get("admin1"):  # diagnostic: is the gold area anywhere among the predictions?
                res.ratio("admin1_any_incident").add(
                    any(
                        same_admin1(gl, q.get("location") or {})
                        and not _countries_conflict(gl, q.get("location") or {})
                        for q in pred_incs
                    )
                )
        _score_report_fatalities(
            res, rid, gold_incs[:1], pred_incs, {0: pred_incs.index(p)} if p else {}, errors
        )
        return res

    res.counts.full_rows = 1
    matched = dict(match_incidents(gold_incs, pred_incs, match_km=match_km))
    res.counts.gold_incidents = len(gold_incs)
    res.counts.pred_incidents = len(pred_incs)
    res.counts.matched_incidents = len(matched)
    if errors:
        used = set(matched.values())
        for i, g in enumerate(gold_incs):
            if i not in matched:
                res.errors.append(Mismatch(rid, "incident.missed", describe_incident(g), None))
        for j, p in enumerate(pred_incs):
            if j not in used:
                res.errors.append(Mismatch(rid, "incident.spurious", None, describe_incident(p)))
    for i, j in matched.items():
        _score_pair_fields(res, rid, gold_incs[i], pred_incs[j], errors)
        _score_actor_types(res, rid, gold_incs[i], pred_incs[j], errors)
    if not gold_incs:
        res.ratio("no_event_reports_empty").add(not pred_incs)

    # event types: on pairs at a compatible place and date whatever their type (on the matching
    # itself, which requires equal types, event type accuracy would be 1 by construction)
    for i, j in match_incidents(gold_incs, pred_incs, match_km=match_km, require_type=False):
        _score_types(res, rid, gold_incs[i], pred_incs[j], errors)

    for i, j in align_places(gold_incs, pred_incs):
        _score_place(res, rid, gold_incs[i], pred_incs[j], errors)

    # report-level fatalities: the matching, then same place and date whatever the type
    pairs = dict(matched)
    rest_g = [i for i in range(len(gold_incs)) if i not in pairs]
    rest_p = [j for j in range(len(pred_incs)) if j not in set(pairs.values())]
    for a, b in match_incidents(
        [gold_incs[i] for i in rest_g],
        [pred_incs[j] for j in rest_p],
        match_km=match_km,
        require_type=False,
    ):
        pairs[rest_g[a]] = rest_p[b]
    _score_report_fatalities(res, rid, gold_incs, pred_incs, pairs, errors)

    # tolls
    gold_tolls = list(gold.get("tolls") or [])
    pred_tolls = list(pred.get("tolls") or [])
    tm = match_tolls(gold_tolls, pred_tolls)
    res.counts.gold_tolls = len(gold_tolls)
    res.counts.pred_tolls = len(pred_tolls)
    res.counts.matched_tolls = len(tm)
    if errors:
        gi_used = {i for i, _ in tm}
        pj_used = {j for _, j in tm}
        for i, t in enumerate(gold_tolls):
            if i not in gi_used:
                res.errors.append(Mismatch(rid, "toll.missed", _toll_summary(t), None))
        for j, t in enumerate(pred_tolls):
            if j not in pj_used:
                res.errors.append(Mismatch(rid, "toll.spurious", None, _toll_summary(t)))
    _score_tolls_as_incidents(res, rid, gold, pred_incs, matched, errors)

    # reactions
    gold_re = list(gold.get("reactions") or [])
    pred_re = list(pred.get("reactions") or [])
    rm = match_reactions(gold_re, pred_re, text)
    res.counts.gold_reactions = len(gold_re)
    res.counts.pred_reactions = len(pred_re)
    res.counts.matched_reactions = len(rm)
    for i, j in rm:
        res.ratio("reaction_kind_exact").add(gold_re[i].get("kind") == pred_re[j].get("kind"))
    if errors:
        gi_used = {i for i, _ in rm}
        pj_used = {j for _, j in rm}
        for i, r in enumerate(gold_re):
            if i not in gi_used:
                res.errors.append(
                    Mismatch(rid, "reaction.missed", f"{r.get('kind')}: {r.get('evidence')}", None)
                )
        for j, r in enumerate(pred_re):
            if j not in pj_used:
                ev = "; ".join(str(e.get("text")) for e in _evidence_list(r))
                res.errors.append(
                    Mismatch(rid, "reaction.spurious", None, f"{r.get('kind')}: {ev}")
                )
    return res


def score(
    gold_rows: Iterable[Mapping[str, Any]],
    predictions: Mapping[str, Mapping[str, Any]] | Sequence[Mapping[str, Any] | None],
    *,
    errors: bool = True,
    match_km: float = MATCH_KM,
) -> EvalResult:
    """Score predictions against gold rows; a missing prediction scores as empty.

    ``predictions`` is either a mapping from report id to prediction, or a sequence aligned with
    ``gold_rows`` (needed when a gold file repeats an id, as FA-KES does for articles coded with
    several events).
    """
    total = EvalResult()
    for k, g in enumerate(gold_rows):
        if isinstance(predictions, Mapping):
            p = predictions.get(str(g.get("id")))
        else:
            p = predictions[k] if k < len(predictions) else None
        total.merge(score_report(g, p, errors=errors, match_km=match_km))
    return total
