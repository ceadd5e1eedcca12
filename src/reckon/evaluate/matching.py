"""Pairing gold and predicted incidents one-to-one: compatibility (type, place, date), the
assignment that maximises the pairs and then their agreement, the type-blind place alignment,
the main incident of a weakly labelled row, and one-line incident summaries for error listings.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from reckon.evaluate.dates import (
    DATE_SLACK_DAYS,
    _norm_date,
    date_gap_days,
    dates_compatible,
    dates_equal,
)
from reckon.evaluate.places import MATCH_KM, distance_km, places_compatible, same_place_name


def _count(inc: Mapping[str, Any] | None, key: str = "fatalities") -> Mapping[str, Any] | None:
    if not inc:
        return None
    c = inc.get(key)
    return c if isinstance(c, Mapping) else None


def _best(inc: Mapping[str, Any] | None, key: str = "fatalities") -> int | None:
    c = _count(inc, key)
    return None if c is None else c.get("best")


def incidents_compatible(
    gold: Mapping[str, Any],
    pred: Mapping[str, Any],
    *,
    match_km: float = MATCH_KM,
    slack_days: int = DATE_SLACK_DAYS,
    require_type: bool = True,
) -> bool:
    """Same event type (when gold has one), compatible place and compatible date."""
    if require_type and gold.get("event_type") and gold.get("event_type") != pred.get("event_type"):
        return False
    return places_compatible(
        gold.get("location"), pred.get("location"), match_km
    ) and dates_compatible(gold.get("date"), pred.get("date"), slack_days)


def _tiebreak(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> float:
    """Preference among compatible pairs (< 1): sub-type, date closeness, place closeness."""
    s = 0.0
    if gold.get("sub_event_type") and gold.get("sub_event_type") == pred.get("sub_event_type"):
        s += 0.4
    gap = date_gap_days(gold.get("date"), pred.get("date"))
    if gap is not None:
        s += 0.2 / (1 + gap)
    if dates_equal(gold.get("date"), pred.get("date")):
        s += 0.1
    gl, pl = gold.get("location"), pred.get("location")
    d = distance_km(gl, pl)
    if d is not None:
        s += 0.2 / (1 + d / 10)
    elif gl and pl and same_place_name(gl.get("name"), pl.get("name")):
        s += 0.2
    return s


def assign(
    n_gold: int, n_pred: int, score: Callable[[int, int], float | None]
) -> list[tuple[int, int]]:
    """One-to-one pairing maximising the number of pairs, then the summed score.

    ``score(i, j)`` returns ``None`` for an incompatible pair and a number in [0, 1) otherwise.
    Pairs come back sorted by gold index.
    """
    if not n_gold or not n_pred:
        return []
    w = np.zeros((n_gold, n_pred))
    ok = np.zeros((n_gold, n_pred), dtype=bool)
    for i in range(n_gold):
        for j in range(n_pred):
            s = score(i, j)
            if s is not None:
                ok[i, j] = True
                w[i, j] = 1000.0 + s
    if not ok.any():
        return []
    from scipy.optimize import linear_sum_assignment  # only `reckon eval` pays for scipy

    rows, cols = linear_sum_assignment(w, maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols, strict=True) if ok[i, j])


def match_incidents(
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    *,
    match_km: float = MATCH_KM,
    slack_days: int = DATE_SLACK_DAYS,
    require_type: bool = True,
) -> list[tuple[int, int]]:
    """One-to-one matching of gold to predicted incidents (see :mod:`reckon.evaluate`)."""

    def score(i: int, j: int) -> float | None:
        if not incidents_compatible(
            gold[i], pred[j], match_km=match_km, slack_days=slack_days, require_type=require_type
        ):
            return None
        return _tiebreak(gold[i], pred[j])

    return assign(len(gold), len(pred), score)


def align_places(
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    *,
    slack_days: int = DATE_SLACK_DAYS,
) -> list[tuple[int, int]]:
    """Pairing for place metrics: date-compatible pairs, preferring same type, nearest place."""

    def score(i: int, j: int) -> float | None:
        g, p = gold[i], pred[j]
        if not dates_compatible(g.get("date"), p.get("date"), slack_days):
            return None
        s = 0.0
        if g.get("event_type") and g.get("event_type") == p.get("event_type"):
            s += 0.5
        if places_compatible(g.get("location"), p.get("location")):
            s += 0.3
        d = distance_km(g.get("location"), p.get("location"))
        if d is not None:
            s += 0.19 / (1 + d / 10)
        return s

    return assign(len(gold), len(pred), score)


def main_incident(pred_incidents: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The highest-confidence predicted incident (the first on ties), or ``None``."""
    best: Mapping[str, Any] | None = None
    best_c = -math.inf
    for inc in pred_incidents:
        c = inc.get("confidence")
        c = float(c) if isinstance(c, int | float) else 0.0
        if c > best_c:
            best, best_c = inc, c
    return best


def describe_incident(inc: Mapping[str, Any] | None) -> str | None:
    """A one-line summary for error listings."""
    if inc is None:
        return None
    parts = [f"{inc.get('event_type')}/{inc.get('sub_event_type')}"]
    loc = inc.get("location") or {}
    if loc:
        where = loc.get("name") or "?"
        if loc.get("admin1"):
            where += f" ({loc.get('admin1')})"
        parts.append(f"@ {where}")
    d = _norm_date(inc.get("date"))
    if d:
        parts.append(d[0] if d[0] == d[1] else f"{d[0]}..{d[1]}")
    b = _best(inc)
    if b is not None:
        parts.append(f"killed={b}")
    return " ".join(parts)
