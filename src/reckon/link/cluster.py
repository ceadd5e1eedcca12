"""Clustering: candidate pairs, user constraints and best-first merging into incidents."""

from __future__ import annotations

import sys
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
    """Group mentions into incidents; return the groups and each mention's explanation.

    Each candidate pair is kept as its total alone (a float; ``(total, veto)`` when vetoed), not
    as a :class:`PairScore` with its factors: a component of a thousand look-alike reports holds
    half a million pairs. The factors of the few pairs an explanation shows are scored again."""
    copies = copies or {}
    recs = sorted(records, key=lambda r: (*sort_key(r.report), r.index))
    by_key = {r.key: r for r in recs}
    intervals = {r.key: effective_interval(r) for r in recs}
    scores: dict[tuple[str, str], float | tuple[float, str]] = {}
    edges: list[tuple[float, str, str]] = []
    best_cand: dict[str, tuple[float, str]] = {}  # each mention's best candidate (total, other)
    for a, b in candidate_pairs(recs, copies):  # each pair once
        p = score_pair(by_key[a], by_key[b], copies, intervals)
        if p.veto is None:
            scores[(a, b)] = p.total
            if p.total >= threshold:
                edges.append((-round(p.total, 9), p.a, p.b))
        else:
            scores[(a, b)] = (p.total, sys.intern(p.veto))
        for k, other in ((a, b), (b, a)):
            cur = best_cand.get(k)
            if cur is None or (p.total, other) > cur:
                best_cand[k] = (p.total, other)
    constraints = {
        k: v for k, v in _constraints(overrides).items() if k[0] in by_key and k[1] in by_key
    }

    group_of = {r.key: r.key for r in recs}
    members: dict[str, list[str]] = {r.key: [r.key] for r in recs}
    joined_by: dict[str, dict[str, Any]] = {}

    def rescore(x: str, y: str) -> PairScore:
        a, b = min(x, y), max(x, y)
        return score_pair(by_key[a], by_key[b], copies, intervals)

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
                p = scores.get((min(x, y), max(x, y)))
                if p is None:
                    return False, f"{x} and {y} are no candidates (other country or days apart)"
                if isinstance(p, tuple):
                    return False, p[1]
                if p < threshold - 0.15:
                    return False, f"{x} and {y} score only {p:.2f}"
                total += p
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

    edges.sort()
    rejected: dict[str, tuple[float, str]] = {}
    for _neg, a, b in edges:
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        ok, why = can_merge(ga, gb, forced=False)
        if ok:
            merge(ga, gb)
        else:
            total = scores[(a, b)]
            assert isinstance(total, float)
            for k in (a, b):
                if k not in rejected or rejected[k][0] < total:
                    rejected[k] = (total, why)
    del edges

    explanations: dict[str, dict[str, Any]] = {}
    for r in recs:
        group = members[group_of[r.key]]
        best: tuple[float, str] | None = None
        for other in group:
            if other == r.key:
                continue
            p = scores.get((min(r.key, other), max(r.key, other)))
            if p is None:
                continue
            t = p if isinstance(p, float) else p[0]
            if best is None or t > best[0]:
                best = (t, other)
        if len(group) > 1:
            if best is not None:
                d = rescore(r.key, best[1]).as_dict()
                d["with"] = best[1]
                explanations[r.key] = {"decision": "linked", **d}
            else:
                explanations[r.key] = joined_by.get(
                    r.key, {"decision": "linked", "reason": "merged by user"}
                )
            continue
        # singleton: best candidate and why it was not taken
        cand = best_cand.get(r.key)
        if cand is None:
            explanations[r.key] = {
                "decision": "new incident",
                "reason": "no other mention in its country within two days",
            }
            continue
        ps = rescore(r.key, cand[1])
        d = ps.as_dict()
        d["with"] = cand[1]
        reason = ps.veto or (
            rejected[r.key][1] if r.key in rejected else f"score below threshold {threshold}"
        )
        explanations[r.key] = {"decision": "new incident", "reason": reason, "best_candidate": d}
    groups = [[by_key[k] for k in members[g]] for g in sorted(members)]
    return groups, explanations
