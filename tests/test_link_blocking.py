"""Blocking: linking block by block gives exactly what scoring every pair gives, in any order."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import pytest

import reckon.link.cluster as cluster_mod
from reckon.link import (
    Copy,
    MentionRecord,
    Override,
    ReportMeta,
    components,
    entry_of,
    incident_to_json,
    link_records,
    link_stream,
    merge_results,
    plan_blocks,
    score_block,
)
from reckon.link.blocking import block_pairs
from reckon.link.places import text_place_keys
from reckon.link.stream import MemorySource
from reckon.model import Actor, Count, DateInterval, Location, Mention, Span

# (name, iso, country, admin1, lat, lon); two places share a name across countries
TOWNS = [
    ("Ariha", "SY", "Syria", "Idlib", 35.81, 36.61),
    ("Saraqib", "SY", "Syria", "Idlib", 35.86, 36.80),
    ("Hama", "SY", "Syria", "Hama", 35.13, 36.75),
    ("Ariha", "PS", "Palestinian Territory", "West Bank", 31.86, 35.46),
    ("Gao", "ML", "Mali", "Gao", 16.27, -0.04),
    ("Ansongo", "ML", "Mali", "Gao", 15.66, 0.50),
    ("Mopti", "ML", "Mali", "Mopti", 14.48, -4.18),
    ("Dori", "BF", "Burkina Faso", "Sahel", 14.03, -0.03),
]
TYPES = [
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Protests", "Peaceful protest"),
]
ACTORS = [("soldiers", "State forces"), ("gunmen", "Political militia"), ("rebels", "Rebel group")]


def _records(seed: int, n: int = 160) -> tuple[list[MentionRecord], dict[str, Copy]]:
    """Random mentions over a month and four countries: some without a place, a country, a date
    or a country named in their text; some reports copies of others."""
    rng = random.Random(seed)
    recs = []
    copies: dict[str, Copy] = {}
    for i in range(n):
        rid = f"r{seed}-{i:03d}"
        day = date(2024, 3, 1) + timedelta(days=rng.randrange(30))
        published = (day + timedelta(days=rng.choice((0, 1, 2)))).isoformat()
        name, iso, country, admin1, lat, lon = rng.choice(TOWNS)
        named_country = rng.random() < 0.6
        text = f"Fighting in {name}" + (f", {country}" if named_country else "") + "."
        if rng.random() < 0.2:  # another town named in passing (the geocoder may have erred)
            other = rng.choice(TOWNS)
            text += f" Residents fled towards {other[0]}" + (
                f" in {other[2]}." if rng.random() < 0.5 else "."
            )
        r = rng.random()
        if r < 0.08:
            loc = None
        elif r < 0.15:
            loc = Location(name=name, resolved=False, precision=3)  # no country known
        else:
            loc = Location(
                name=name, country=country, iso=iso, admin1=admin1, lat=lat, lon=lon,
                precision=rng.choice((1, 1, 2, 3)), resolved=True,
            )  # fmt: skip
        d = rng.random()
        if d < 0.1:
            when = None
        elif d < 0.15:
            when = DateInterval("2024-03-01", "2024-03-31", None, True)  # vague
        else:
            end = day + timedelta(days=rng.choice((0, 0, 0, 1)))
            said = Span(0, 10, "on Tuesday") if end == day and rng.random() < 0.2 else None
            when = DateInterval(day.isoformat(), end.isoformat(), said, True)
        et, st = rng.choice(TYPES)
        who, wtype = rng.choice(ACTORS)
        k = rng.choice((None, 2, 3, 5))
        m = Mention(
            event_type=et,
            sub_event_type=st,
            date=when,
            location=loc,
            actors=[Actor(who, "perpetrator", wtype)] if rng.random() < 0.8 else [],
            fatalities=Count(k, k, k) if k else None,
            report_id=rid,
        )
        meta = ReportMeta(rid, published if rng.random() < 0.95 else None, rng.choice("ABCD"))
        recs.append(MentionRecord(f"{rid}#0", meta, 0, m, {}, frozenset(text_place_keys(text))))
        if i and rng.random() < 0.1:
            orig = recs[rng.randrange(i)].report.id
            root = copies[orig].copy_of if orig in copies else orig
            copies[rid] = Copy(rid, root, 0.9)
    return recs, copies


def _all_pairs(records, copies):
    keys = sorted(r.key for r in records)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            yield a, b


def _groups(incs):
    return sorted(sorted(m["mention"] for m in i.provenance["members"]) for i in incs)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_blocked_linking_equals_scoring_every_pair(seed, monkeypatch):
    recs, copies = _records(seed)
    blocked = link_records(recs, copies)
    groups, _ = cluster_mod.cluster_mentions(recs, copies)
    monkeypatch.setattr(cluster_mod, "candidate_pairs", _all_pairs)
    everything, _ = cluster_mod.cluster_mentions(recs, copies)
    want = sorted(sorted(r.key for r in g) for g in everything)
    assert _groups(blocked) == want
    assert sorted(sorted(r.key for r in g) for g in groups) == want
    assert any(len(g) > 1 for g in want)  # the scenario links something


def test_every_possible_pair_is_in_exactly_one_block():
    recs, copies = _records(7, 300)
    entries = {r.key: entry_of(r, copies) for r in recs}
    seen: dict[tuple[str, str], int] = {}
    for b in plan_blocks(entries.values()):
        for p in block_pairs(b, entries):
            seen[p] = seen.get(p, 0) + 1
    assert set(seen.values()) == {1}
    from reckon.link.factors import score_pair

    by = {r.key: r for r in recs}
    missed = [
        (a, b)
        for a, b in _all_pairs(recs, copies)
        if (a, b) not in seen and score_pair(by[a], by[b], copies).veto is None
    ]
    assert missed == []  # every pair blocking leaves out is vetoed anyway


def test_name_blocks_link_a_place_whose_country_only_the_geocoder_guessed():
    recs, copies = _records(3)
    entries = {r.key: entry_of(r, copies) for r in recs}
    kinds = {b.kind for b in plan_blocks(entries.values())}
    assert {"country", "any", "name", "copy"} <= kinds
    assert any(e.seen for e in entries.values())  # some reports name a town in passing
    passing = [
        (x, y)
        for b in plan_blocks(entries.values())
        if b.kind == "name"
        for x, y in block_pairs(b, entries)
        if not set(entries[x].names) & set(entries[y].names)
    ]
    assert passing  # pairs of two names, one named in the other's text (its country a guess)
    nations = [
        (x, y)
        for b in plan_blocks(entries.values())
        if b.kind == "name" and b.label in {k for e in entries.values() for k in e.nation}
        for x, y in block_pairs(b, entries)
    ]
    assert nations  # pairs joined by a guessed country's report naming the other's country


@pytest.mark.parametrize("seed", [11, 12])
def test_order_and_partitioning_do_not_matter(seed):
    recs, copies = _records(seed)
    ref = [json.dumps(incident_to_json(i), sort_keys=True) for i in link_records(recs, copies)]
    rng = random.Random(seed)
    shuffled = recs[:]
    rng.shuffle(shuffled)

    def scattered(blocks, cps, _entries):  # blocks scored in another order, in two "workers"
        blocks = list(blocks)
        rng.shuffle(blocks)
        src = MemorySource(shuffled)
        halves = [blocks[::2], blocks[1::2]]
        return [merge_results(score_block(b, src.load(b.keys), cps) for b in h) for h in halves]

    out = []
    link_stream(MemorySource(shuffled), copies, emit=out.append, score_blocks=scattered)
    got = sorted(json.dumps(incident_to_json(i), sort_keys=True) for i in out)
    assert got == sorted(ref)


def test_user_decisions_hold_across_components():
    recs, copies = _records(5)
    base = link_records(recs, copies)
    linked = next(i for i in base if len(i.provenance["members"]) > 1)
    keys = [m["mention"] for m in linked.provenance["members"]]
    alone = next(i for i in base if len(i.provenance["members"]) == 1)
    other = alone.provenance["members"][0]["mention"]
    ovs = [
        Override("split", ((keys[0],), tuple(keys[1:]))),
        Override("merge", ((keys[1], other),)),
    ]
    groups = _groups(link_records(recs, copies, ovs))
    assert not any(keys[0] in g and keys[1] in g for g in groups)
    assert any(keys[1] in g and other in g for g in groups)


def test_components_join_edges_and_merges():
    comps = components([("a", "b", 0.9), ("c", "d", 0.8)], [["d", "e"], ["x"]])
    assert comps == [["a", "b"], ["c", "d", "e"]]


def test_record_cache_reads_each_missing_record_once_and_stays_bounded():
    from reckon.link.stream import RecordCache

    recs, _ = _records(21, 40)
    source = MemorySource(recs)
    reads: list[str] = []
    load = source.load
    source.load = lambda keys: (reads.extend(keys), load(keys))[1]  # type: ignore[method-assign]
    cache = RecordCache(source, size=10)
    keys = sorted(r.key for r in recs)
    first = cache.load(keys[:8])
    again = cache.load(keys[4:12])  # four cached, four read
    assert [first[k] for k in keys[4:8]] == [again[k] for k in keys[4:8]]
    assert reads == keys[:8] + keys[8:12]
    assert len(cache.records) == 10  # the oldest two went
    big = cache.load(keys[:30])  # a block larger than the cache is still served whole
    assert sorted(big) == keys[:30] and len(cache.records) == 30
    cache.load(keys[30:32])
    assert len(cache.records) == 10
