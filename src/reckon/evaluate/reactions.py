"""Reactions (statements, condemnations, denials, claims, ...): compatible kinds and the
one-to-one matching of gold and predicted reactions by kind and overlapping evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reckon.evaluate.evidence import evidence_overlap
from reckon.evaluate.matching import assign

# Reaction kinds: exact kinds plus the families whose members describe the same act.
# "statement" is the generic spoken reaction: it is compatible with every spoken kind.
_SPOKEN = frozenset(
    {"statement", "condemnation", "denial", "claim", "appeal", "demand", "announcement"}
)
_REACTION_ALIASES: dict[str, str] = {"demand": "appeal", "appeal": "appeal"}


def reaction_kinds_compatible(gold_kind: str | None, pred_kind: str | None) -> bool:
    """Same kind, appeal = demand, or "statement" against any spoken kind."""
    if not gold_kind or not pred_kind:
        return False
    g, p = gold_kind.lower(), pred_kind.lower()
    if g == p:
        return True
    if _REACTION_ALIASES.get(g, g) == _REACTION_ALIASES.get(p, p):
        return True
    return (g == "statement" and p in _SPOKEN) or (p == "statement" and g in _SPOKEN)


def match_reactions(
    gold: Sequence[Mapping[str, Any]],
    pred: Sequence[Mapping[str, Any]],
    text: str,
    *,
    min_overlap: float = 0.0,
) -> list[tuple[int, int]]:
    """One-to-one: compatible kinds and overlapping evidence (more than ``min_overlap``)."""

    def score(i: int, j: int) -> float | None:
        g, p = gold[i], pred[j]
        if not reaction_kinds_compatible(g.get("kind"), p.get("kind")):
            return None
        gev = g.get("evidence")
        if isinstance(gev, list):
            gev = " ".join(str(x) for x in gev)
        ov = evidence_overlap(gev, p, text)
        if ov <= min_overlap:
            return None
        return 0.5 * ov + (0.4 if g.get("kind") == p.get("kind") else 0.0)

    return assign(len(gold), len(pred), score)
