"""Figures and dates of a paired incident (fatalities best exact and interval coverage, a null
toll kept null, injured / abducted / arrested, date exact and within one day) and the
report-level death toll (reports with a toll: best exact; reports without: none invented).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reckon.evaluate.categories import UCDP_TYPE_TO_ACLED
from reckon.evaluate.dates import date_gap_days, dates_equal
from reckon.evaluate.matching import _best, _count
from reckon.evaluate.results import EvalResult, Mismatch

COUNT_FIELDS: dict[str, str] = {
    "fatalities": "killed",
    "injured": "injured",
    "abducted": "abducted",
    "arrested": "arrested",
}


def has_figure(c: Mapping[str, Any] | None) -> bool:
    return bool(c) and any(c.get(k) is not None for k in ("low", "best", "high"))


def interval_covers(pred: Mapping[str, Any] | None, value: int) -> bool:
    """Is ``value`` within the predicted ``[low, high]`` (a null low is 0, a null high open)?

    A prediction with no figure at all covers nothing.
    """
    if not has_figure(pred):
        return False
    assert pred is not None
    lo = pred.get("low")
    hi = pred.get("high")
    if lo is None:
        lo = 0 if pred.get("best") is not None or hi is not None else None
    if lo is None:
        return False
    return lo <= value and (hi is None or value <= hi)


def _score_pair_fields(
    res: EvalResult,
    rid: str,
    g: Mapping[str, Any],
    p: Mapping[str, Any] | None,
    errors: bool,
) -> None:
    """Date and figures of one gold incident against its prediction."""
    pd = p or {}
    tov = g.get("ucdp_type_of_violence")
    if tov in UCDP_TYPE_TO_ACLED:
        res.ratio("ucdp_type_compatible").add(pd.get("event_type") in UCDP_TYPE_TO_ACLED[tov])
    if "date" in g:
        ok = p is not None and dates_equal(g.get("date"), pd.get("date"))
        res.ratio("date_exact").add(ok)
        if g.get("date"):
            gap = date_gap_days(g.get("date"), pd.get("date"))
            res.ratio("date_within_1d").add(p is not None and gap is not None and gap <= 1)
        if not ok and errors:
            res.errors.append(Mismatch(rid, "date", g.get("date"), pd.get("date")))
    if "fatalities" in g:
        gb = _best(g)
        if gb is not None:
            pc = _count(pd)
            ok = p is not None and _best(pd) == gb
            res.ratio("fatalities_best_exact").add(ok)
            res.ratio("fatalities_interval_coverage").add(interval_covers(pc, gb))
            if not ok and errors:
                res.errors.append(Mismatch(rid, "fatalities", g.get("fatalities"), pc))
        elif p is not None and has_figure(_count(pd)):
            res.ratio("fatalities_null_kept").add(False)
            if errors:
                res.errors.append(Mismatch(rid, "fatalities", None, _count(pd)))
        elif p is not None:
            res.ratio("fatalities_null_kept").add(True)
    for key in ("injured", "abducted", "arrested"):
        if key in g and _best(g, key) is not None:
            ok = p is not None and _best(pd, key) == _best(g, key)
            res.ratio(f"{key}_best_exact").add(ok)
            if not ok and errors:
                res.errors.append(Mismatch(rid, key, g.get(key), _count(pd, key)))


def _labels_fatalities(gold_incidents: Sequence[Mapping[str, Any]]) -> bool:
    """Does gold say anything about deaths (the key is present in its incidents)?"""
    return all("fatalities" in g for g in gold_incidents)


def _score_report_fatalities(
    res: EvalResult,
    rid: str,
    gold_incs: Sequence[Mapping[str, Any]],
    pred_incs: Sequence[Mapping[str, Any]],
    pairs: Mapping[int, int],
    errors: bool,
) -> None:
    if not _labels_fatalities(gold_incs):
        return
    with_toll = [i for i, g in enumerate(gold_incs) if _best(g) is not None]
    if with_toll:
        ok = all(
            i in pairs and _best(pred_incs[pairs[i]]) == _best(gold_incs[i]) for i in with_toll
        )
        res.ratio("reports_with_death_toll_best_exact").add(ok)
        if not ok and errors:
            res.errors.append(
                Mismatch(
                    rid,
                    "report.death_toll",
                    [_best(gold_incs[i]) for i in with_toll],
                    [_best(p) for p in pred_incs],
                )
            )
    elif all(_count(g) is None for g in gold_incs):
        invented = [p for p in pred_incs if has_figure(_count(p))]
        res.ratio("reports_without_death_toll_none_invented").add(not invented)
        if invented and errors:
            res.errors.append(
                Mismatch(rid, "report.invented_fatalities", None, [_count(p) for p in invented])
            )
