"""Blocking: which pairs of mentions are scored, so that the work grows with the mentions.

Two mentions can only link when no factor vetoes the pair (``factors.score_pair``): their
intervals are at most ``GAP_DAYS`` apart, and their countries agree (unless one side's
country is a guess the report does not state and both name the same place). Blocks hold
exactly the pairs that pass those tests, so that scoring block by block gives the same
incidents as scoring every pair:

- ``country`` blocks: one country (ISO code) x one week (days since 0001-01-01, // 7). A mention
  is a *member* of the block of its first week (its *home*) and a *visitor* of every later week
  its interval, widened by ``GAP_DAYS``, reaches: a pair is scored in the block of the later home
  week of the two, so each pair is scored once, whichever week boundary lies between them.
  Mentions whose country is unknown join every country block of their weeks.
- ``any`` blocks: the mentions of unknown country of one week, among themselves.
- ``name`` blocks: the mentions that name one place (a spelling key) in one week, scored only
  across countries when one side's country is not stated in its report (a geocoder's guess:
  "Ariha" put in the West Bank by one report and in Syria by another). A mention whose country
  is a guess also visits the name blocks of the places its report names (its own place may be
  "the Bekaa valley" where the other report says "Baalbek"), and a country's mentions join the
  block of the country's name when such a mention's report names that country ("near Boni, in
  central Mali", put in Algeria by the geocoder).
- ``copy`` blocks: a report and its copies, for mentions with no usable time (copies tell the
  same time however vague).

Inside a block, pairs come from a sweep over interval starts. Blocks are independent: they can
be scored in any order, in parallel, on other machines (``score_block``); the results merge by
a commutative rule (``merge_results``). Order and partitioning never change the outcome.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from reckon.link.factors import (
    AFTERMATH_DAYS,
    WEEKDAY_SHIFT,
    effective_interval,
    is_vague,
    score_pair,
    told_day,
)
from reckon.link.places import country_keys, grounded, location_keys
from reckon.link.records import LINK_THRESHOLD, Copy, MentionRecord, PairScore

__all__ = [
    "GAP_DAYS",
    "Block",
    "BlockResult",
    "Entry",
    "block_pairs",
    "candidate_pairs",
    "components",
    "entry_of",
    "merge_results",
    "plan_blocks",
    "pair_keys",
    "score_block",
    "score_pairs",
]

GAP_DAYS = 2  # time_score vetoes intervals further apart
WEEK = 7


@dataclass(frozen=True, slots=True)
class Entry:
    """What blocking needs to know about one mention (small: one per stored mention)."""

    key: str
    report_id: str
    root: str  # the report's copy root (itself when it is no copy)
    country: str  # ISO code in lower case; "*" when unknown
    grounded: bool  # the report names the country (or its admin1) itself
    names: tuple[str, ...]  # spelling keys of the mention's place
    start: int | None  # interval as day ordinals; None: no usable time
    end: int | None
    seen: tuple[str, ...] = ()  # place keys of its report's text, when its country is a guess
    nation: tuple[str, ...] = ()  # whole-name keys of its country ("n:mali")

    @property
    def home(self) -> int:
        assert self.start is not None
        return self.start // WEEK

    @property
    def last(self) -> int:
        assert self.end is not None
        return (self.end + GAP_DAYS) // WEEK


def entry_of(rec: MentionRecord, copies: dict[str, Copy]) -> Entry:
    """The blocking entry of one mention record."""
    iv = effective_interval(rec)
    start = end = None
    if not is_vague(iv):
        assert iv is not None
        start, end = iv[0].toordinal(), iv[1].toordinal()
        if iv[2] == "weekday":  # may be a week off: reach the weeks on either side
            start, end = start - WEEKDAY_SHIFT, end + WEEKDAY_SHIFT
        if told_day(rec, iv):  # may date the telling: reach the days before
            start = min(start, iv[0].toordinal() - AFTERMATH_DAYS)
    loc = rec.mention.location
    country = "*"
    ground = True
    names: tuple[str, ...] = ()
    if loc is not None:
        if loc.iso:
            country = loc.iso.lower()
            ground = grounded(loc, rec.context)
        names = tuple(sorted(location_keys(loc)))
    rid = rec.report.id
    root = copies[rid].copy_of if rid in copies else rid
    seen = tuple(sorted(rec.context - set(names))) if country != "*" and not ground else ()
    nation = tuple(sorted(country_keys(loc))) if loc is not None and country != "*" else ()
    return Entry(rec.key, rid, root, country, ground, names, start, end, seen, nation)


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of scoring: the keys of its mentions and the rule that picks its pairs."""

    kind: str  # "country" | "any" | "name" | "copy"
    label: str  # the country, the place key or the copy root
    week: int
    keys: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.label}:{self.week}"


def candidate_pairs(
    records: Iterable[MentionRecord], copies: dict[str, Copy]
) -> Iterator[tuple[str, str]]:
    """Every pair of keys some block scores (each once): the pairs that may link."""
    entries = {r.key: entry_of(r, copies) for r in records}
    for block in plan_blocks(entries.values()):
        yield from block_pairs(block, entries)


def plan_blocks(entries: Iterable[Entry]) -> list[Block]:
    """Every block with at least one pair to score, in time order (week, then kind and label):
    consecutive blocks share most of their mentions, so a bounded cache of records serves them
    and a run of blocks is one stretch of time wherever it is scored."""
    by_country: dict[tuple[str, int], list[str]] = defaultdict(list)
    unknown: dict[int, list[str]] = defaultdict(list)
    by_name: dict[tuple[str, int], list[Entry]] = defaultdict(list)
    by_root: dict[str, list[Entry]] = defaultdict(list)
    by_nation: dict[tuple[str, int], list[Entry]] = defaultdict(list)
    for e in entries:
        by_root[e.root].append(e)
        if e.start is None:
            continue
        for w in range(e.home, e.last + 1):
            if e.country == "*":
                unknown[w].append(e.key)
            else:
                by_country[(e.country, w)].append(e.key)
            for k in e.names + e.seen:
                by_name[(k, w)].append(e)
            for k in e.nation:
                by_nation[(k, w)].append(e)
    for kw, es in by_nation.items():  # a country's mentions, where a guessed one names it
        if kw in by_name and any(kw[0] in e.seen for e in by_name[kw]):
            have = {e.key for e in by_name[kw]}
            by_name[kw].extend(e for e in es if e.key not in have)
    blocks = []
    for (c, w), keys in by_country.items():
        keys = keys + unknown.get(w, [])
        if len(keys) > 1:
            blocks.append(Block("country", c, w, tuple(sorted(keys))))
    for w, keys in unknown.items():
        if len(keys) > 1:
            blocks.append(Block("any", "*", w, tuple(sorted(keys))))
    for (k, w), es in by_name.items():
        countries = {e.country for e in es if e.country != "*"}
        if len(countries) > 1 and any(not e.grounded for e in es):
            blocks.append(Block("name", k, w, tuple(sorted(e.key for e in es))))
    for root, es in by_root.items():
        if len({e.report_id for e in es}) > 1 and any(e.start is None for e in es):
            blocks.append(Block("copy", root, 0, tuple(sorted(e.key for e in es))))
    return sorted(blocks, key=lambda b: (b.week, b.kind, b.label))


def block_pairs(block: Block, entries: dict[str, Entry]) -> Iterator[tuple[str, str]]:
    """The pairs (key, key) this block scores: each pair of the store in exactly one block."""
    es = [entries[k] for k in block.keys]
    if block.kind == "copy":
        for i, x in enumerate(es):
            for y in es[i + 1 :]:
                if x.report_id != y.report_id and (x.start is None or y.start is None):
                    yield (x.key, y.key) if x.key < y.key else (y.key, x.key)
        return
    es.sort(key=lambda e: (e.start, e.key))
    if block.kind == "name":
        yield from _name_pairs(block, es)
        return
    for i, x in enumerate(es):
        assert x.end is not None
        reach = x.end + GAP_DAYS
        for y in es[i + 1 :]:
            assert y.start is not None
            if y.start > reach:
                break
            if max(x.home, y.home) != block.week:
                continue
            if block.kind == "country" and x.country == "*" and y.country == "*":
                continue
            yield (x.key, y.key) if x.key < y.key else (y.key, x.key)


def _name_pairs(block: Block, es: list[Entry]) -> Iterator[tuple[str, str]]:
    """The pairs of a name block (``es`` sorted by start): two countries, one of them a guess,
    each pair in the block of its :func:`_name_label`. Only pairs with a guessed side are
    looked at, so a country's mentions joining the block cost no sweep of their own."""
    starts = [e.start for e in es]
    span = max(e.end - e.start for e in es)  # type: ignore[operator]
    for x in es:
        if x.grounded:
            continue
        assert x.start is not None and x.end is not None
        lo = bisect_left(starts, x.start - span - GAP_DAYS)
        hi = bisect_right(starts, x.end + GAP_DAYS)
        for y in es[lo:hi]:
            if y.key == x.key or (not y.grounded and y.key < x.key):
                continue  # two guesses: the pair is taken once, from its first key
            e1, e2 = sorted((x, y), key=lambda e: (e.start, e.key))
            if e2.start > e1.end + GAP_DAYS:  # type: ignore[operator]
                continue
            if max(x.home, y.home) != block.week:
                continue
            if "*" in (x.country, y.country) or x.country == y.country:
                continue
            if block.label != _name_label(x, y):
                continue  # scored in the block of the first key that joins them
            yield (x.key, y.key) if x.key < y.key else (y.key, x.key)


def _name_label(x: Entry, y: Entry) -> str | None:
    """The name block that scores a pair of two countries: the first place key the two share,
    else the first place key of one that the other's report (its country a guess) names, else
    the first key of one's country that the other's report names."""
    shared = set(x.names) & set(y.names)
    if shared:
        return min(shared)
    named = (set(x.seen) & set(y.names)) | (set(y.seen) & set(x.names))
    if named:
        return min(named)
    nations = (set(x.seen) & set(y.nation)) | (set(y.seen) & set(x.nation))
    return min(nations) if nations else None


@dataclass(slots=True)
class BlockResult:
    """What scoring blocks found: links worth clustering and each mention's best candidate."""

    edges: list[tuple[str, str, float]] = field(default_factory=list)
    best: dict[str, tuple[float, str, dict[str, Any]]] = field(default_factory=dict)
    pairs: int = 0


def _offer(best: dict[str, tuple[float, str, dict[str, Any]]], key: str, p: PairScore) -> None:
    other = p.b if p.a == key else p.a
    cur = best.get(key)
    if cur is None or (p.total, other) > (cur[0], cur[1]):
        d = p.as_dict()
        d["with"] = other
        best[key] = (p.total, other, d)


def score_block(
    block: Block,
    records: Sequence[MentionRecord],
    copies: dict[str, Copy],
    threshold: float = LINK_THRESHOLD,
) -> BlockResult:
    """Score the pairs of one block (``records``: at least the block's mentions)."""
    recs = {r.key: r for r in records}
    entries = {k: entry_of(recs[k], copies) for k in block.keys}
    return score_pairs(list(block_pairs(block, entries)), recs, entries, copies, threshold)


def pair_keys(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """The keys some pair names, sorted: the records scoring those pairs needs."""
    return sorted({k for p in pairs for k in p})


def score_pairs(
    pairs: Sequence[tuple[str, str]],
    recs: dict[str, MentionRecord],
    entries: dict[str, Entry],
    copies: dict[str, Copy],
    threshold: float = LINK_THRESHOLD,
) -> BlockResult:
    """Score the given pairs (of one block): ``recs`` and ``entries`` hold at least their keys."""
    keys = pair_keys(pairs)
    intervals = {k: effective_interval(recs[k]) for k in keys}
    grounds = {k: entries[k].grounded for k in keys}
    out = BlockResult()
    for a, b in pairs:
        p = score_pair(recs[a], recs[b], copies, intervals, grounds)
        out.pairs += 1
        if p.veto is None and p.total >= threshold:
            out.edges.append((p.a, p.b, p.total))
        _offer(out.best, a, p)
        _offer(out.best, b, p)
    return out


def merge_results(results: Iterable[BlockResult]) -> BlockResult:
    """One result from many (commutative: any order of blocks gives the same)."""
    out = BlockResult()
    for r in results:
        out.edges.extend(r.edges)
        out.pairs += r.pairs
        for k, v in r.best.items():
            cur = out.best.get(k)
            if cur is None or (v[0], v[1]) > (cur[0], cur[1]):
                out.best[k] = v
    out.edges.sort(key=lambda e: (e[0], e[1]))
    return out


def components(
    edges: Iterable[tuple[str, str, Any]], musts: Iterable[Sequence[str]] = ()
) -> list[list[str]]:
    """Connected groups of keys (two or more) joined by edges or a user's merge, sorted."""
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

    for a, b, *_ in edges:
        union(a, b)
    for group in musts:
        group = list(group)
        for k in group[1:]:
            union(group[0], k)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in parent:
        groups[find(k)].append(k)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)
