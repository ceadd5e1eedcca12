"""Linking that scales: blocks scored apart, linked groups clustered apart, incidents streamed.

``link_stream`` links every mention a *source* holds in four passes, none of which needs all the
mentions in memory at once:

1. one pass over the source builds a small :class:`~reckon.link.blocking.Entry` per mention and
   plans the blocks (:mod:`reckon.link.blocking`);
2. each block is scored on its own (``score_blocks``: in this process, or on a cluster), giving
   the links at or above the threshold and each mention's best candidate;
3. the links (and the user's merges) join mentions into *components*; each component is
   clustered on its own by :func:`~reckon.link.cluster.cluster_mentions` (best-first merging
   only ever joins mentions of one component, so this gives the same groups as clustering every
   mention at once) and its incidents built;
4. a last pass builds the incident of every mention that no link reached.

Incidents go to ``emit`` as they are built, in no particular order; their ids and contents depend
only on the set of mentions, the copies and the user's decisions.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from reckon.link.blocking import (
    Block,
    BlockResult,
    Entry,
    block_pairs,
    components,
    entry_of,
    merge_results,
    pair_keys,
    plan_blocks,
    score_pairs,
)
from reckon.link.cluster import cluster_mentions
from reckon.link.copies import detect_copies, signature
from reckon.link.incidents import build_incident, incident_sort_key
from reckon.link.records import (
    LINK_THRESHOLD,
    Copy,
    MentionRecord,
    Override,
    ReportMeta,
    records_from_extraction,
    sort_key,
)
from reckon.model import Extraction, Incident

__all__ = [
    "LinkStats",
    "MemorySource",
    "RecordCache",
    "RecordSource",
    "link_component",
    "link_extractions",
    "link_records",
    "link_stream",
    "score_entries",
    "singleton_explanation",
]


class RecordSource(Protocol):
    """Where mention records come from: a store, or a list in memory."""

    def iter_records(self) -> Iterator[MentionRecord]:
        """Every record, in key order."""
        ...

    def load(self, keys: Sequence[str]) -> list[MentionRecord]:
        """The records with these keys."""
        ...


class MemorySource:
    """Records held in memory (what ``link_records`` links)."""

    def __init__(self, records: Iterable[MentionRecord]) -> None:
        self.records = {r.key: r for r in records}

    def iter_records(self) -> Iterator[MentionRecord]:
        for k in sorted(self.records):
            yield self.records[k]

    def load(self, keys: Sequence[str]) -> list[MentionRecord]:
        return [self.records[k] for k in keys]


def score_entries(
    block: Block,
    entries: dict[str, Entry],
    cache: RecordCache,
    copies: dict[str, Copy],
    threshold: float = LINK_THRESHOLD,
) -> BlockResult:
    """Score one block from its mentions' entries, reading (through ``cache``) only the records
    some pair of the block needs."""
    pairs = list(block_pairs(block, entries))
    return score_pairs(pairs, cache.load(pair_keys(pairs)), entries, copies, threshold)


class RecordCache:
    """The records of the last blocks read, kept for the next blocks (a country's blocks come
    week after week, and a week's block shares the mentions reaching into it with the last one).
    Holds at most ``size`` records: memory does not grow with the store."""

    def __init__(self, source: RecordSource, size: int = 4000) -> None:
        self.source, self.size = source, size
        self.records: OrderedDict[str, MentionRecord] = OrderedDict()

    def load(self, keys: Sequence[str]) -> dict[str, MentionRecord]:
        missing = [k for k in keys if k not in self.records]
        got = {r.key: r for r in self.source.load(missing)} if missing else {}
        out = {}
        for k in keys:
            r = got.get(k) or self.records[k]
            self.records[k] = r
            self.records.move_to_end(k)
            out[k] = r
        while len(self.records) > max(self.size, len(keys)):
            self.records.popitem(last=False)
        return out


@dataclass(slots=True)
class LinkStats:
    mentions: int = 0
    blocks: int = 0
    pairs: int = 0
    components: int = 0
    incidents: int = 0


# scores blocks given the copies and the blocking entries of (at least) the blocks' mentions
ScoreBlocks = Callable[[Sequence[Block], dict[str, Copy], dict[str, Entry]], Iterable[BlockResult]]
LinkComponents = Callable[
    [Sequence[Sequence[str]], dict[str, Copy], Sequence[Override]], Iterable[list[Incident]]
]


def relevant_overrides(overrides: Sequence[Override], keys: Iterable[str]) -> list[Override]:
    """The user's decisions that name at least one of ``keys`` (in their order)."""
    ks = set(keys)
    return [o for o in overrides if any(k in ks for g in o.groups for k in g)]


def link_component(
    records: Sequence[MentionRecord],
    copies: dict[str, Copy],
    overrides: Sequence[Override] = (),
    threshold: float = LINK_THRESHOLD,
) -> list[Incident]:
    """The incidents of one component (mentions joined by links or a user's merge)."""
    groups, explanations = cluster_mentions(records, copies, overrides, threshold)
    return [build_incident(g, copies, explanations) for g in groups]


def singleton_explanation(
    best: tuple[float, str, dict[str, Any]] | None, threshold: float = LINK_THRESHOLD
) -> dict[str, Any]:
    """Why a mention that no link reached starts an incident of its own."""
    if best is None:
        return {
            "decision": "new incident",
            "reason": "no other mention in its country within two days",
        }
    cand = best[2]
    reason = cand.get("veto") or f"score below threshold {threshold}"
    return {"decision": "new incident", "reason": reason, "best_candidate": cand}


def link_stream(
    source: RecordSource,
    copies: dict[str, Copy],
    overrides: Sequence[Override] = (),
    *,
    emit: Callable[[Incident], None],
    score_blocks: ScoreBlocks | None = None,
    link_components: LinkComponents | None = None,
    threshold: float = LINK_THRESHOLD,
    progress: Callable[[str, int, int], None] | None = None,
) -> LinkStats:
    """Link every record of ``source`` into incidents passed to ``emit`` (see module doc)."""
    stats = LinkStats()
    entries = {}
    for rec in source.iter_records():
        entries[rec.key] = entry_of(rec, copies)
    stats.mentions = len(entries)
    blocks = plan_blocks(entries.values())
    stats.blocks = n_blocks = len(blocks)
    cache = RecordCache(source)
    if score_blocks is None:

        def score_blocks(
            bs: Sequence[Block], cps: dict[str, Copy], es: dict[str, Entry]
        ) -> Iterator[BlockResult]:
            for b in bs:
                yield score_entries(b, es, cache, cps, threshold)

    def counted(results: Iterable[BlockResult]) -> Iterator[BlockResult]:
        for i, r in enumerate(results, 1):
            if progress:
                progress("blocks", i, n_blocks)
            yield r

    merged = merge_results(counted(score_blocks(blocks, copies, entries)))
    stats.pairs = merged.pairs
    musts = [
        [k for g in o.groups for k in g if k in entries] for o in overrides if o.kind == "merge"
    ]
    del blocks  # blocking is done: free its state before components are read
    entries.clear()
    cache.records.clear()
    comps = components(merged.edges, musts)
    stats.components = len(comps)
    del merged.edges[:]
    if link_components is None:

        def link_components(
            cs: Sequence[Sequence[str]], cps: dict[str, Copy], ovs: Sequence[Override]
        ) -> Iterator[list[Incident]]:
            for c in cs:
                yield link_component(source.load(c), cps, relevant_overrides(ovs, c), threshold)

    in_component = {k for c in comps for k in c}
    for k in in_component:  # only singletons' best candidates are shown
        merged.best.pop(k, None)
    for i, incs in enumerate(link_components(comps, copies, overrides), 1):
        for inc in incs:
            emit(inc)
            stats.incidents += 1
        if progress:
            progress("components", i, len(comps))
    for rec in source.iter_records():
        if rec.key in in_component:
            continue
        expl = singleton_explanation(merged.best.get(rec.key), threshold)
        emit(build_incident([rec], copies, {rec.key: expl}))
        stats.incidents += 1
    return stats


def link_records(
    records: Sequence[MentionRecord],
    copies: dict[str, Copy] | None = None,
    overrides: Sequence[Override] = (),
) -> list[Incident]:
    """Link mention records into incidents (deterministic, order-independent)."""
    out: list[Incident] = []
    link_stream(MemorySource(records), copies or {}, overrides, emit=out.append)
    return sorted(out, key=incident_sort_key)


def link_extractions(
    extractions: Sequence[Extraction], overrides: Sequence[Override] = ()
) -> list[Incident]:
    """Link the mentions of many extractions into incidents.

    The result depends only on the set of extractions (not their order): same incidents, ids and
    figures for any permutation.
    """
    exs = sorted(extractions, key=lambda x: sort_key(ReportMeta.of(x.report)))
    records = [rec for x in exs for rec in records_from_extraction(x)]
    copies = detect_copies((ReportMeta.of(x.report), signature(x.report.text)) for x in exs)
    return link_records(records, copies, overrides)
