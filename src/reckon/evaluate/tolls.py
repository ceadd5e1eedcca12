"""Cumulative tolls: matching gold and predicted tolls (same kind and figure), and predicted
incidents that merely repeat a gold toll's figure (tolls counted as incidents).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reckon.evaluate.counts import COUNT_FIELDS
from reckon.evaluate.matching import _best, assign, describe_incident
from reckon.evaluate.results import EvalResult, Mismatch


def _toll_value(t: Mapping[str, Any]) -> int | None:
    v = t.get("best")
    return t.get("low") if v is None else v


def match_tolls(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int]]:
    """One-to-one: same kind and the same figure (``best``, or ``low`` where best is null)."""

    def score(i: int, j: int) -> float | None:
        g, p = gold[i], pred[j]
        gv, pv = _toll_value(g), _toll_value(p)
        if g.get("kind") != p.get("kind") or gv is None or gv != pv:
            return None
        s = 0.0
        if g.get("low") == p.get("low"):
            s += 0.3
        if g.get("high") == p.get("high"):
            s += 0.3
        if g.get("scope") and g.get("scope") == p.get("scope"):
            s += 0.3
        return s

    return assign(len(gold), len(pred), score)


def _score_tolls_as_incidents(
    res: EvalResult,
    rid: str,
    gold: Mapping[str, Any],
    pred_incs: Sequence[Mapping[str, Any]],
    matched: Mapping[int, int],
    errors: bool,
) -> None:
    """Predicted incidents whose figure equals a gold toll's (and not their own gold incident's)."""
    gold_incs = gold.get("incidents") or []
    toll_values: dict[str, set[int]] = {}
    for t in gold.get("tolls") or []:
        for v in (t.get("low"), t.get("best"), t.get("high")):
            if isinstance(v, int) and v > 0:
                toll_values.setdefault(str(t.get("kind")), set()).add(v)
    if not toll_values:
        return
    by_pred = {j: i for i, j in matched.items()}
    flagged = 0
    for j, p in enumerate(pred_incs):
        for key, kind in COUNT_FIELDS.items():
            pb = _best(p, key)
            if pb is None or pb not in toll_values.get(kind, ()):
                continue
            gi = by_pred.get(j)
            if gi is not None and _best(gold_incs[gi], key) == pb:
                continue
            flagged += 1
            if errors:
                res.errors.append(
                    Mismatch(rid, "toll_as_incident", f"toll {kind} {pb}", describe_incident(p))
                )
            break
    res.counts.tolls_as_incidents += flagged
    res.counts.reports_with_toll_as_incident += int(flagged > 0)


def _toll_summary(t: Mapping[str, Any]) -> str:
    ev = t.get("evidence")
    if isinstance(ev, list):
        ev = "; ".join(str(e.get("text") if isinstance(e, Mapping) else e) for e in ev)
    return (
        f"{t.get('kind')} low={t.get('low')} best={t.get('best')} high={t.get('high')}"
        f" scope={t.get('scope')}: {ev}"
    )
