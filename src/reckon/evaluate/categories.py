"""Categories of a paired incident: event type and sub-type accuracy, actor types by role
(perpetrator, target) and, for UCDP rows, whether the event type can express the gold type of
violence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reckon.evaluate.results import EvalResult, Mismatch

# UCDP type of violence -> ACLED event types that can express it.
UCDP_TYPE_TO_ACLED: dict[str, frozenset[str]] = {
    "state-based": frozenset({"Battles", "Explosions/Remote violence"}),
    "non-state": frozenset({"Battles", "Explosions/Remote violence", "Riots"}),
    "one-sided": frozenset({"Violence against civilians", "Explosions/Remote violence"}),
}


def _score_types(
    res: EvalResult,
    rid: str,
    g: Mapping[str, Any],
    p: Mapping[str, Any] | None,
    errors: bool,
) -> None:
    """Event type and sub-type of one gold incident against its prediction."""
    pd = p or {}
    if g.get("event_type"):
        ok = pd.get("event_type") == g["event_type"]
        res.ratio("event_type_accuracy").add(ok)
        if not ok and errors:
            res.errors.append(Mismatch(rid, "event_type", g["event_type"], pd.get("event_type")))
    if g.get("sub_event_type"):
        ok = pd.get("sub_event_type") == g["sub_event_type"] and (
            pd.get("event_type") == g.get("event_type") or not g.get("event_type")
        )
        res.ratio("sub_event_type_accuracy").add(ok)
        if not ok and errors:
            res.errors.append(
                Mismatch(
                    rid,
                    "sub_event_type",
                    f"{g.get('event_type')}/{g['sub_event_type']}",
                    p and f"{pd.get('event_type')}/{pd.get('sub_event_type')}",
                )
            )


def _types_by_role(inc: Mapping[str, Any] | None, role: str) -> set[str]:
    return {
        str(a.get("type"))
        for a in (inc or {}).get("actors") or []
        if a.get("role") == role and a.get("type")
    }


def _score_actor_types(
    res: EvalResult,
    rid: str,
    g: Mapping[str, Any],
    p: Mapping[str, Any] | None,
    errors: bool,
) -> None:
    """Actor types by role of one gold incident against its prediction.

    ``<role>_type_agreement``: the prediction has an actor in that role of a type that one of the
    gold's actors in that role has (a missing prediction, or one with no actor in that role,
    disagrees). ``<role>_type_set_exact`` is the strict twin: the same set of ACLED actor types.
    ``actor_types_all_right``: the sets agree for every role the gold names.
    """
    all_ok = True
    scored = False
    for role in ("perpetrator", "target"):
        gt = _types_by_role(g, role)
        if not gt:
            continue
        scored = True
        pt = _types_by_role(p, role)
        ok = gt == pt
        all_ok = all_ok and ok
        res.ratio(f"{role}_type_agreement").add(bool(gt & pt))
        res.ratio(f"{role}_type_set_exact").add(ok)
        if not ok and errors:
            res.errors.append(Mismatch(rid, f"{role}.type", sorted(gt), sorted(pt)))
    if scored:
        res.ratio("actor_types_all_right").add(all_ok)
