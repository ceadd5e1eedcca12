"""Clustering: candidate pairs, user constraints and best-first merging into incidents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from reckon.link.blocking import candidate_pairs
from reckon.link.factors import effective_interval, score_pair
from reckon.link.records import (
    LINK_THRESHOLD,
    Copy,
    MentionRecord,
    Override,
    PairScore,
    sort_key,
)


def _constraints(overrides: Sequence[Override]) -> dict[tuple[str, str], str]:
    """Pairwise must/cannot links from user decisions, later decisions overriding earlier ones."""
    out: dict[tuple[str, str], str] = {}

    def put(x: str, y: str, v: str) -> None:
        if x != y:
            out[(min(x, y), max(x, y))] = v

    for ov in overrides:
        if ov.kind == "merge":
            keys = sorted({k for g in ov.groups for k in g})
            for i, x in enumerate(keys):
                for y in keys[i + 1 :]:
                    put(x, y, "must")
        elif ov.kind == "split":
            groups = [sorted(set(g)) for g in ov.groups]
            for g in groups:
                for i, x in enumerate(g):
                    for y in g[i + 1 :]:
                        put(x, y, "must")
            for i, g in enumerate(groups):
                for h in groups[i + 1 :]:
                    for x in g:
                        for y in h:
                            put(x, y, "cannot")
    return out


def cluster_mentions(
    records: Sequence[MentionRecord],
    copies: dict[str, Copy] | None = None,
    overrides: Sequence[Override] = (),
    threshold: float = LINK_THRESHOLD,
) -> tuple[list[list[MentionRecord]], dict[str, dict[str, Any]]]:
    """Group mentions into incidents; return the groups and each mention's explanation."""
    copies = copies or {}
    recs = sorted(records, key=lambda r: (*sort_key(r.report), r.index))
    by_key = {r.key: r for r in recs}
    intervals = {r.key: effective_interval(r) for r in recs}
    scores: dict[tuple[str, str], PairScore] = {}
    for a, b in candidate_pairs(recs, copies):  # each pair once
        scores[(a, b)] = score_pair(by_key[a], by_key[b], copies, intervals)
    constraints = {
        k: v for k, v in _constraints(overrides).items() if k[0] in by_key and k[1] in by_key
    }

    group_of = {r.key: r.key for r in recs}
    members: dict[str, list[str]] = {r.key: [r.key] for r in recs}
    joined_by: dict[str, dict[str, Any]] = {}

    def pair(x: str, y: str) -> PairScore | None:
        return scores.get((min(x, y), max(x, y)))

    def can_merge(ga: str, gb: str, forced: bool) -> tuple[bool, str]:
        total, n = 0.0, 0
        for x in members[ga]:
            for y in members[gb]:
                c = constraints.get((min(x, y), max(x, y)))
                if c == "cannot":
                    return False, "split by user"
                if forced:
                    continue
                if c == "must":
                    total += 1.0
                    n += 1
                    continue
                if by_key[x].report.id == by_key[y].report.id:
                    return False, "same report"
                p = pair(x, y)
                if p is None:
                    return False, f"{x} and {y} are no candidates (other country or days apart)"
                if p.veto:
                    return False, p.veto
                if p.total < threshold - 0.15:
                    return False, f"{x} and {y} score only {p.total:.2f}"
                total += p.total
                n += 1
        if not forced and n and total / n < threshold - 0.05:
            return False, f"mean link score {total / n:.2f} across the groups is too low"
        return True, ""

    def merge(ga: str, gb: str) -> None:
        keep, gone = min(ga, gb), max(ga, gb)
        for k in members[gone]:
            group_of[k] = keep
        members[keep] = sorted(members[keep] + members.pop(gone))

    # user merges first
    for (x, y), c in sorted(constraints.items()):
        if c == "must" and group_of[x] != group_of[y]:
            ok, _ = can_merge(group_of[x], group_of[y], forced=True)
            if ok:
                joined_by.setdefault(
                    y, {"decision": "linked", "reason": "merged by user", "with": x}
                )
                merge(group_of[x], group_of[y])

    edges = sorted(
        (p for p in scores.values() if p.veto is None and p.total >= threshold),
        key=lambda p: (-round(p.total, 9), p.a, p.b),
    )
    rejected: dict[str, tuple[PairScore, str]] = {}
    for p in edges:
        ga, gb = group_of[p.a], group_of[p.b]
        if ga == gb:
            continue
        ok, why = can_merge(ga, gb, forced=False)
        if ok:
            merge(ga, gb)
        else:
            for k in (p.a, p.b):
                if k not in rejected or rejected[k][0].total < p.total:
                    rejected[k] = (p, why)

    adjacency: dict[str, list[PairScore]] = defaultdict(list)
    for p in scores.values():
        adjacency[p.a].append(p)
        adjacency[p.b].append(p)
    explanations: dict[str, dict[str, Any]] = {}
    for r in recs:
        group = members[group_of[r.key]]
        best: PairScore | None = None
        for other in group:
            if other == r.key:
                continue
            p = pair(r.key, other)
            if p is not None and (best is None or p.total > best.total):
                best = p
        if len(group) > 1:
            if best is not None:
                d = best.as_dict()
                d["with"] = best.b if best.a == r.key else best.a
                explanations[r.key] = {"decision": "linked", **d}
            else:
                explanations[r.key] = joined_by.get(
                    r.key, {"decision": "linked", "reason": "merged by user"}
                )
            continue
        # singleton: best candidate and why it was not taken
        cand: PairScore | None = None
        for p in adjacency.get(r.key, ()):
            if cand is None or (p.total, p.b if p.a == r.key else p.a) > (
                cand.total,
                cand.b if cand.a == r.key else cand.a,
            ):
                cand = p
        if cand is None:
            explanations[r.key] = {
                "decision": "new incident",
                "reason": "no other mention in its country within two days",
            }
            continue
        d = cand.as_dict()
        d["with"] = cand.b if cand.a == r.key else cand.a
        reason = cand.veto or (
            rejected[r.key][1] if r.key in rejected else f"score below threshold {threshold}"
        )
        explanations[r.key] = {"decision": "new incident", "reason": reason, "best_candidate": d}
    groups = [[by_key[k] for k in members[g]] for g in sorted(members)]
    return groups, explanations
