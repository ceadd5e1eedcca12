"""Copies: MinHash signatures of cleaned texts, near-duplicate detection, independent voices."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

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
    sigs, valid = signature_matrix([sig for _, sig in items])
    return copies_in_order([m.id for m, _ in items], sigs, valid, threshold)


def signature_matrix(sigs: Sequence[Sequence[int]]) -> tuple[Any, Any]:
    """Signatures as one ``uint32`` matrix (a row per report; 512 bytes each) and a mask of the
    rows that hold a full signature."""
    import numpy as np

    mat = np.zeros((len(sigs), NUM_PERM), dtype=np.uint32)
    valid = np.zeros(len(sigs), dtype=bool)
    for i, sig in enumerate(sigs):
        if len(sig) == NUM_PERM:
            mat[i] = sig
            valid[i] = True
    return mat, valid


def copies_in_order(
    ids: Sequence[str], sigs: Any, valid: Any, threshold: float = COPY_THRESHOLD
) -> dict[str, Copy]:
    """Copies among reports given in canonical order (``sort_key``) with their signatures.

    Each report is compared with every earlier one (up to 200 reports) or with the earlier ones
    MinHash LSH puts in one of its buckets (more), and is a copy of the root of the most similar
    earlier report at or above ``threshold`` (the first on a tie)."""
    import numpy as np

    n = len(ids)
    candidates = _band_candidates(sigs, valid, threshold) if n > 200 else None
    roots: dict[int, str] = {}
    copies: dict[str, Copy] = {}
    for i in range(n):
        if not valid[i]:
            continue
        if candidates is None:
            js = np.flatnonzero(valid[:i])
        else:
            js = np.asarray(sorted(candidates.get(i, ())), dtype=np.int64)
        if not len(js):
            continue
        sims = np.count_nonzero(sigs[js] == sigs[i], axis=1) / NUM_PERM
        k = int(np.argmax(sims))
        if sims[k] >= threshold:
            j = int(js[k])
            roots[i] = roots.get(j, ids[j])
            copies[ids[i]] = Copy(ids[i], roots[i], round(float(sims[k]), 4))
    return copies


# datasketch's MinHashLSH(threshold=0.6, num_perm=128) uses 18 bands of 7 rows (found by
# integrating its false positive and negative rates, with scipy): kept here so that copy
# detection neither imports scipy nor builds an index object.
_KNOWN_BANDS = {(0.6, 128): (18, 7)}


def _hashranges(lsh_threshold: float) -> list[tuple[int, int]]:
    b, r = _KNOWN_BANDS.get((round(lsh_threshold, 6), NUM_PERM), (0, 0))
    if not b:
        from datasketch import MinHashLSH

        return list(MinHashLSH(threshold=lsh_threshold, num_perm=NUM_PERM).hashranges)
    return [(i * r, (i + 1) * r) for i in range(b)]


def _band_candidates(sigs: Any, valid: Any, threshold: float) -> dict[int, set[int]]:
    """Earlier reports sharing a MinHash LSH band with each report (the bands datasketch's
    ``MinHashLSH`` would use at ``threshold - 0.1``), verified by the caller."""
    import numpy as np

    rows = np.flatnonzero(valid)
    out: dict[int, set[int]] = {}
    mult = np.uint64(0x9E3779B97F4A7C15)
    for lo, hi in _hashranges(max(0.1, threshold - 0.1)):
        h = np.zeros(len(rows), dtype=np.uint64)
        for c in range(lo, hi):  # a 64-bit hash of the band; equal bands hash equal
            h = h * mult + sigs[rows, c].astype(np.uint64) + np.uint64(1)
        order = np.argsort(h, kind="stable")
        hs = h[order]
        cuts = np.flatnonzero(hs[1:] != hs[:-1]) + 1
        for run in np.split(order, cuts):
            if len(run) < 2:
                continue
            members = sorted(int(rows[x]) for x in run)
            for a, i in enumerate(members[1:], start=1):
                out.setdefault(i, set()).update(members[:a])
    return out


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
