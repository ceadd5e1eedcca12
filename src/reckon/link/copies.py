"""Copies: MinHash signatures of cleaned texts, near-duplicate detection, independent voices."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from reckon.link.places import _norm_text
from reckon.link.records import (
    COPY_THRESHOLD,
    NUM_PERM,
    SHINGLE,
    Copy,
    ReportMeta,
    sort_key,
)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower())


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    s = " ".join(_words(text))
    if len(s) <= k:
        return {s} if s else set()
    return {s[i : i + k] for i in range(len(s) - k + 1)}


def signature(text: str) -> list[int]:
    """A deterministic MinHash signature of a text (character 5-gram shingles of its words)."""
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")
    mh.update_batch([sh.encode("utf-8") for sh in sorted(shingles(text))])
    return [int(x) for x in mh.hashvalues]


def similarity(sig_a: Sequence[int], sig_b: Sequence[int]) -> float:
    if not sig_a or not sig_b or len(sig_a) != len(sig_b):
        return 0.0
    return sum(1 for x, y in zip(sig_a, sig_b, strict=True) if x == y) / len(sig_a)


def detect_copies(
    reports: Iterable[tuple[ReportMeta, Sequence[int]]], threshold: float = COPY_THRESHOLD
) -> dict[str, Copy]:
    """Mark each report that nearly repeats an earlier one as a copy of that one's root."""
    items = sorted(reports, key=lambda x: sort_key(x[0]))
    roots: dict[str, str] = {}
    copies: dict[str, Copy] = {}
    import numpy as np

    candidates = _lsh_candidates(items, threshold) if len(items) > 200 else None
    arrs = [np.asarray(sig, dtype=np.uint64) for _, sig in items]
    for i, (meta, _sig) in enumerate(items):
        best: tuple[float, int] | None = None
        earlier = range(i) if candidates is None else sorted(j for j in candidates[i] if j < i)
        for j in earlier:
            a, b = arrs[j], arrs[i]
            if len(a) != len(b) or not len(a):
                continue
            sim = float(np.count_nonzero(a == b)) / len(a)
            if sim >= threshold and (best is None or sim > best[0]):
                best = (sim, j)
        if best is None:
            roots[meta.id] = meta.id
        else:
            root = roots[items[best[1]][0].id]
            roots[meta.id] = root
            copies[meta.id] = Copy(meta.id, root, round(best[0], 4))
    return copies


def _lsh_candidates(
    items: Sequence[tuple[ReportMeta, Sequence[int]]], threshold: float
) -> list[set[int]]:
    """Near-duplicate candidates by MinHash LSH (large stores), verified by the caller."""
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=max(0.1, threshold - 0.1), num_perm=NUM_PERM)
    hashes = []
    for i, (_, sig) in enumerate(items):
        if len(sig) != NUM_PERM:
            hashes.append(None)
            continue
        mh = MinHash(
            num_perm=NUM_PERM, seed=1, hashvalues=np.array(sig, dtype=np.uint64), scheme="affine32"
        )
        hashes.append(mh)
        lsh.insert(str(i), mh)
    return [set() if mh is None else {int(k) for k in lsh.query(mh)} for mh in hashes]


def independent_groups(metas: Iterable[ReportMeta], copies: dict[str, Copy]) -> int:
    """How many independent voices a set of reports holds: copies and same-outlet reports collapse."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    metas = list(metas)
    for m in metas:
        find("r:" + m.id)
        if m.id in copies:
            union("r:" + m.id, "r:" + copies[m.id].copy_of)
        if m.source:
            union("r:" + m.id, "s:" + _norm_text(m.source))
    return len({find("r:" + m.id) for m in metas})
