"""Linking (issue 5): pairwise precision / recall / F1 of "these two reports tell one incident"
against the gold clusters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from reckon.evaluate.results import _div, f1


@dataclass(slots=True)
class LinkScore:
    tp: int
    fp: int
    fn: int
    pairs: int

    @property
    def precision(self) -> float | None:
        return _div(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _div(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return f1(self.precision, self.recall)

    def as_dict(self) -> dict[str, Any]:
        r = lambda v: None if v is None else round(v, 4)  # noqa: E731
        return {
            "pairs": self.pairs,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": r(self.precision),
            "recall": r(self.recall),
            "f1": r(self.f1),
        }


def pairwise_link_scores(
    gold_clusters: Mapping[str, str], predicted_groups: Iterable[Iterable[str]]
) -> LinkScore:
    """Pairwise agreement of "shares an incident" with "same gold cluster".

    ``gold_clusters`` maps each scored report id to its cluster id; ``predicted_groups`` gives, for
    every predicted incident, the ids of the reports that mention it. Over all pairs of the
    scored reports, a pair is predicted positive when some incident holds both, and gold positive
    when both are in one cluster. Reports outside ``gold_clusters`` are ignored.
    """
    ids = sorted(gold_clusters)
    linked: set[tuple[str, str]] = set()
    for group in predicted_groups:
        members = sorted({r for r in group if r in gold_clusters})
        linked.update(combinations(members, 2))
    tp = fp = fn = 0
    for a, b in combinations(ids, 2):
        g = gold_clusters[a] == gold_clusters[b]
        p = (a, b) in linked
        tp += g and p
        fp += p and not g
        fn += g and not p
    n = len(ids)
    return LinkScore(tp=tp, fp=fp, fn=fn, pairs=n * (n - 1) // 2)
