"""Evaluation of linking: pairwise precision / recall / F1 against gold clusters."""

from __future__ import annotations

from collections.abc import Sequence


def pairwise_f1(gold: dict[str, str], predicted: Sequence[Sequence[str]]) -> dict[str, float]:
    """Pairwise precision / recall / F1 of "shares an incident" against "same gold cluster".

    ``gold`` maps report id -> cluster id; ``predicted`` lists the report ids of each incident.
    Only reports present in ``gold`` are counted.
    """
    ids = sorted(gold)
    shared: set[tuple[str, str]] = set()
    for group in predicted:
        g = sorted({r for r in group if r in gold})
        for i, x in enumerate(g):
            for y in g[i + 1 :]:
                shared.add((x, y))
    tp = fp = fn = 0
    for i, x in enumerate(ids):
        for y in ids[i + 1 :]:
            same = gold[x] == gold[y]
            pred = (x, y) in shared
            tp += same and pred
            fp += pred and not same
            fn += same and not pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}
