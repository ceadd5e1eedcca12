"""Link mentions into incidents, detect copies and reconcile figures (pure functions, no I/O).

A *mention* is an incident as one report tells it; an *incident* is the happening, linked from
every mention that tells it. This module turns a set of extractions into incidents:

1. **Order.** Every input is first put in a canonical order (report published date, then report
   id, then the mention's index in its report), so the result depends on the set of reports, never
   on the order they arrived in. Incident ids are ``"inc-"`` + a hash of the sorted member keys
   (``report_id#index``): the same members always give the same id, and an incident that gains
   or loses a member gets a new id. User split / merge decisions are kept as mention keys, so
   they survive relinking.

2. **Copies.** Each report's cleaned text is reduced to character 5-gram shingles of its
   lower-cased words and summarised with MinHash (datasketch, fixed seed). A report whose
   estimated Jaccard similarity with an earlier report (published date, then id) is at least
   ``COPY_THRESHOLD`` is a *copy* of the earliest such report's root. ``sources`` counts the
   distinct reports of an incident; ``independent_sources`` counts them after collapsing copies
   *and* reports from the same outlet (an outlet updating its own story, or two outlets running the
   same syndicated text, are one voice, not two).

3. **Linking.** Every pair of mentions that could share an incident (blocked by time) is scored on
   four factors, each in [0, 1]:

   - ``type``: same ACLED event and sub-event type 1.0; same type, other sub-type 0.75; Battles,
     Explosions/Remote violence and Violence against civilians are weakly compatible with one
     another (0.2: one attack is sometimes told as a clash by one outlet and as an attack or a
     bombing by another, but different kinds of events in one city on one day are common, so
     such a link needs agreeing actors too); Protests and Riots 0.6; a violent type with
     Protests/Riots 0.3; Strategic
     developments only with Strategic developments (otherwise a veto: an arrest after a bombing is
     its own event).
   - ``place``: same gazetteer id 1.0; same normalised toponym (spelling variants such as
     Jableh / Jablah / Jebleh collapse to one key, fuzzy ratio >= 85 via rapidfuzz) 0.95; both
     geocoded: decreasing with distance up to 25 km; two precise towns with different names more
     than 10 km apart: veto (low when 5-10 km apart); same admin1 when one side is imprecise 0.6;
     different countries: veto; precise places more than 60 km apart: veto. When only one mention has a place, 0.75 if that
     place is named (same spelling key) in the other report's text, else 0.2.
   - ``time``: overlapping intervals 1.0 (0.6 when wider than 3 days); 1 day apart 0.7; 2 days
     0.45; further: veto. A mention without a resolved date falls back to the week before its
     report's publication (scored at most 0.6). A mention with no usable time (no date and no
     publication date, or only an interval wider than a week: "in 2011", "last month") links only
     with mentions of a copy of its own report: two vague mentions of the same kind of event at
     the same place are not evidence of one happening.
   - ``actors``: overlap of actor types (0.3 + 0.7 x Jaccard) with a bonus for similar actor names;
     0.5 when either side names no actor; 0.1 when both name perpetrators of disjoint types.

   ``total = 0.30 type + 0.30 place + 0.25 time + 0.15 actors`` (+ 0.15 when the two reports are
   copies, capped at 1). Candidate pairs at or above ``LINK_THRESHOLD`` are merged best first
   (ties broken by the mention keys) when no pair across the two groups is vetoed, the two groups
   share no report (two mentions of one report are never linked: extraction already decided they
   are distinct), no user override forbids it, the mean score over all cross pairs stays at or
   above ``LINK_THRESHOLD - 0.05`` and no cross pair scores below ``LINK_THRESHOLD - 0.15`` (no
   chaining of far-apart mentions through a middle one).
   Each member keeps the scores of its best link as its explanation; a mention that starts an
   incident keeps its best rejected candidate and the reason.

4. **Reconciliation** (``RULE_VERSION = "ucdp-1"``), for each count kind (killed, injured,
   abducted, arrested):

   a. *Claims.* Every member mention's count is a claim (report, outlet, published date, span,
      low/best/high, qualifier, and whether its wording marks an update: "rose to", "has risen",
      "climbed to", "succumbed", ...).
   b. *Latest per source.* For each outlet (or the report itself when the outlet is unknown) only
      its latest claim counts: later published first, then update wording, then the higher best.
      An outlet's update supersedes its earlier figure.
   c. *Overtaken lower bounds.* An open-ended claim ("at least 7", "multiple deaths": high
      unbounded) is set aside when another source's latest claim has a higher best: a lower bound
      below a higher figure agrees with it rather than contradicting it. An update-worded claim
      ("the toll rose to 11", "one of the wounded succumbed") likewise supersedes claims with a
      lower best published no later than it, from any outlet.
   d. *Best* = the value backed by the most independent voices among the retained claims; on a
      tie, the lower value (UCDP: when reliability cannot be told apart, take the lower figure).
      *Low* = the lowest retained low (the best when no retained claim has a low). *High* = the
      highest retained high; unbounded (None) when some retained claim is open-ended above every
      stated high, or when no retained claim states one. Always low <= best <= high.

   Every figure lists all claims, which were retained, and why the others were set aside.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from reckon.model import (
    Actor,
    Count,
    DateInterval,
    Evidence,
    Extraction,
    Incident,
    Location,
    Mention,
    Reaction,
    Report,
    Span,
    Toll,
)

RULE_VERSION = "ucdp-1"
LINK_VERSION = "link-1"
LINK_THRESHOLD = 0.70
COPY_THRESHOLD = 0.7  # a short report with two or three words changed is still a copy
NUM_PERM = 128
SHINGLE = 5
WEIGHTS = {"type": 0.30, "place": 0.30, "time": 0.25, "actors": 0.15}
COPY_BONUS = 0.15
FALLBACK_DAYS = 7
VAGUE_DAYS = 7
COUNT_FIELDS = {
    "killed": "fatalities",
    "injured": "injured",
    "abducted": "abducted",
    "arrested": "arrested",
}

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
UPDATE_RE = re.compile(
    r"\b(rose|risen|rises|rising|climbed|climbs|increased|jumped|revised|updated|succumbed|"
    r"has now|now stands|later died|died of (?:their|his|her) (?:wounds|injuries))\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------------------------
# records


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """What linking needs to know about a report (no text beyond its copy signature)."""

    id: str
    published: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    content_hash: str = ""

    @classmethod
    def of(cls, report: Report) -> ReportMeta:
        return cls(
            report.id,
            report.published,
            report.source,
            report.title,
            report.url,
            report.content_hash,
        )


@dataclass(slots=True)
class MentionRecord:
    """One mention with its report's metadata and its stable key ``report_id#index``."""

    key: str
    report: ReportMeta
    index: int
    mention: Mention
    updates: dict[str, bool] = field(default_factory=dict)  # count kind -> update wording
    context: frozenset[str] = frozenset()  # place keys of capitalised phrases in the report


@dataclass(frozen=True, slots=True)
class Copy:
    report_id: str
    copy_of: str  # the root original
    similarity: float


@dataclass(frozen=True, slots=True)
class Override:
    """A user's decision that survives relinking: ``merge`` (must link) or ``split``."""

    kind: str  # "merge" | "split"
    groups: tuple[tuple[str, ...], ...]  # merge: one group; split: (moved, rest)


@dataclass(slots=True)
class PairScore:
    a: str
    b: str
    factors: dict[str, float]
    total: float
    veto: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "with": self.b,
            "factors": {k: round(v, 3) for k, v in self.factors.items()},
            "total": round(self.total, 3),
            "veto": self.veto,
        }


def mention_key(report_id: str, index: int) -> str:
    return f"{report_id}#{index}"


def sort_key(meta: ReportMeta) -> tuple[str, str]:
    return (meta.published or "9999-99-99", meta.id)


def records_from_extraction(extraction: Extraction) -> list[MentionRecord]:
    """The mentions of one extraction as records, with update wording read around each count."""
    meta = ReportMeta.of(extraction.report)
    text = extraction.report.text or ""
    context = frozenset(text_place_keys(text))
    out = []
    for i, m in enumerate(extraction.incidents):
        updates = {}
        for kind, count in m.counts().items():
            if count is not None:
                updates[kind] = is_update(text, count.span)
        out.append(MentionRecord(mention_key(meta.id, i), meta, i, m, updates, context))
    return out


def is_update(text: str, span: Span | None) -> bool:
    """Whether the wording just before (or at) a count says the figure is an update."""
    if span is None or not text:
        return False
    lo = max(0, span.start - 80)
    sentence_start = max(text.rfind(".", lo, span.start), text.rfind("\n", lo, span.start))
    window = text[max(lo, sentence_start + 1) : min(len(text), span.end + 20)]
    return bool(UPDATE_RE.search(window))


# --------------------------------------------------------------------------------------------
# copies


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


# --------------------------------------------------------------------------------------------
# factors

_ARTICLES = {"al", "el", "ad", "ar", "as", "ash", "az", "ez", "ed", "es", "at", "an", "ul", "the"}
_SUFFIXES = ("city", "town", "village", "district", "province", "governorate", "oblast", "region")


@lru_cache(maxsize=100_000)
def _norm_text(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", s)).strip()


@lru_cache(maxsize=100_000)
def toponym_key(name: str) -> str:
    """A spelling-variant-tolerant key: Jableh, Jablah, Jebleh -> 'jbl'; Deir ez-Zor, Dayr al-Zawr,
    Deir Ezzor -> 'drzr'; El Fasher, Al-Fashir -> 'fshr'."""
    words = [w for w in _norm_text(name).split() if w not in _ARTICLES and w not in _SUFFIXES]
    s = "".join(words) or _norm_text(name).replace(" ", "")
    s = re.sub(r"(?<=[aeiouy])h$", "", s)  # Jableh / Jablah -> jable / jabla
    s = s.replace("ph", "f").replace("q", "k").replace("dh", "z").replace("th", "t")
    s = re.sub(r"[aeiouyw]", "", s)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s


def _geo_key(name: str) -> str:
    try:  # the geocoder's own normaliser, when it provides one
        from reckon import geo  # type: ignore[attr-defined]

        fn = getattr(geo, "normalize_toponym", None)
        if callable(fn):
            out = fn(name)
            if isinstance(out, str):
                return out
    except Exception:  # the optional helper must never break linking
        pass
    return _norm_text(name)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _names_match(a: Location, b: Location) -> bool:
    if not a.name or not b.name:
        return False
    ka, kb = toponym_key(a.name), toponym_key(b.name)
    if ka and ka == kb:
        return True
    try:
        from reckon.geo.normalize import name_key

        if name_key(a.name) and name_key(a.name) == name_key(b.name):
            return True
    except ImportError:  # the geocoder's normaliser is optional here
        pass
    na, nb = _geo_key(a.name), _geo_key(b.name)
    return fuzz.ratio(na, nb) >= 85 or (len(ka) >= 4 and fuzz.ratio(ka, kb) >= 85)


def _name_key(name: str) -> str:
    try:
        from reckon.geo.normalize import name_key

        return name_key(name)
    except ImportError:  # the geocoder's normaliser is optional here
        return _norm_text(name).replace(" ", "")


@lru_cache(maxsize=100_000)
def place_keys(name: str) -> frozenset[str]:
    """Keys under which a place name is recognised in another report's text."""
    keys = set()
    nk = _name_key(name)
    if len(nk) >= 3:
        keys.add("n:" + nk)
    tk = toponym_key(name)
    if len(tk) >= 3:
        keys.add("t:" + tk)
    return frozenset(keys)


_TOKEN = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")


def text_place_keys(text: str) -> set[str]:
    """Place keys of every capitalised phrase of one to three words in a text.

    Lets a mention whose place extraction missed still agree with another mention whose place
    is named in its report ("Al-Fashir" in the text, "El Fasher" resolved elsewhere)."""
    toks = _TOKEN.findall(text)
    keys: set[str] = set()
    for i, t in enumerate(toks):
        if not t.split("-")[-1][:1].isupper():
            continue
        for n in (1, 2, 3):
            if i + n <= len(toks):
                keys |= place_keys(" ".join(toks[i : i + n]))
    return keys


def _same_admin1(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    try:
        from reckon.geo.normalize import same_admin1

        if same_admin1(a, b):
            return True
    except ImportError:
        pass
    return _norm_text(a) == _norm_text(b)


def place_score(a: Location | None, b: Location | None) -> tuple[float, str | None]:
    if a is None and b is None:
        return 0.15, None
    if a is None or b is None:
        return 0.2, None
    if a.iso and b.iso:
        if a.iso.lower() != b.iso.lower():
            return 0.0, "different countries"
    elif a.country and b.country and _norm_text(a.country) != _norm_text(b.country):
        return 0.0, "different countries"
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 1.0, None
    if _names_match(a, b):
        return 0.95, None
    pa, pb = a.precision or 3, b.precision or 3
    if None not in (a.lat, a.lon, b.lat, b.lon):
        d = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        if max(pa, pb) >= 3:
            same_adm = _same_admin1(a.admin1, b.admin1)
            return (0.6 if same_adm else (0.3 if d <= 100 else 0.05)), None
        if d <= 2:
            return 0.9, None
        if pa == 1 and pb == 1 and d > 10:  # two distinct towns, named differently
            return 0.0, f"different towns {d:.0f} km apart"
        if d <= 25:
            s = 0.75 * (1 - d / 50)
            if pa == 1 and pb == 1:
                s = 0.1 if d > 5 else s * 0.8
            return s, None
        if d <= 60:
            return 0.05, None
        return 0.0, f"{d:.0f} km apart"
    if a.admin1 and b.admin1:
        if _same_admin1(a.admin1, b.admin1):
            return (0.6 if max(pa, pb) >= 3 else 0.35), None
        return 0.05, None
    return 0.15, None


def type_score(a: Mention, b: Mention) -> tuple[float, str | None]:
    if a.event_type == b.event_type:
        return (1.0 if a.sub_event_type == b.sub_event_type else 0.75), None
    pair = {a.event_type, b.event_type}
    if "Strategic developments" in pair:
        return 0.0, "strategic development vs other event type"
    if pair <= set(VIOLENT):
        return 0.2, None
    if pair == {"Protests", "Riots"}:
        return 0.6, None
    return 0.3, None


def _iso(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def effective_interval(rec: MentionRecord) -> tuple[date, date, str] | None:
    """The mention's date interval, or the week before publication, or None."""
    d = rec.mention.date
    if d is not None and d.resolved:
        s, e = _iso(d.start), _iso(d.end)
        if s or e:
            s = s or e
            e = e or s
            if e < s:  # type: ignore[operator]
                s, e = e, s
            return s, e, "text"  # type: ignore[return-value]
    pub = _iso(rec.report.published)
    if pub is not None:
        return pub - timedelta(days=FALLBACK_DAYS), pub, "published"
    return None


def is_vague(iv: tuple[date, date, str] | None) -> bool:
    """No usable time: unknown, or a text interval wider than ``VAGUE_DAYS`` (a month, a year)."""
    return iv is None or (iv[2] == "text" and (iv[1] - iv[0]).days > VAGUE_DAYS)


def time_score(
    ia: tuple[date, date, str] | None, ib: tuple[date, date, str] | None
) -> tuple[float, str | None]:
    if is_vague(ia) or is_vague(ib):
        return 0.0, "time unknown or too vague"
    assert ia is not None and ib is not None
    gap = (max(ia[0], ib[0]) - min(ia[1], ib[1])).days
    fallback = ia[2] != "text" or ib[2] != "text"
    if gap <= 0:
        wide = max((ia[1] - ia[0]).days, (ib[1] - ib[0]).days) > 3
        s = 0.6 if (wide or fallback) else 1.0
    elif gap == 1:
        s = 0.7
    elif gap == 2:
        s = 0.45
    else:
        return 0.0, f"{gap} days apart"
    return (min(s, 0.6) if fallback else s), None


def _actor_norm(a: Actor) -> str:
    return _norm_text(a.text)


def actor_score(a: Mention, b: Mention) -> tuple[float, str | None]:
    if not a.actors or not b.actors:
        return 0.5, None
    ta = {x.type for x in a.actors if x.type}
    tb = {x.type for x in b.actors if x.type}
    sim = max(
        (fuzz.token_set_ratio(_actor_norm(x), _actor_norm(y)) for x in a.actors for y in b.actors),
        default=0.0,
    )
    pa = {x.type for x in a.actors if x.type and x.role == "perpetrator"}
    pb = {x.type for x in b.actors if x.type and x.role == "perpetrator"}
    if pa and pb and not (pa & pb) and sim < 80:
        return 0.1, None
    s = 0.3 + 0.7 * (len(ta & tb) / len(ta | tb)) if (ta or tb) else 0.5
    if sim >= 80:
        s += 0.2
    return min(1.0, s), None


def score_pair(
    a: MentionRecord,
    b: MentionRecord,
    copies: dict[str, Copy] | None = None,
    intervals: dict[str, Any] | None = None,
) -> PairScore:
    """Score how likely two mentions tell the same incident, factor by factor."""
    copies = copies or {}
    ia = intervals[a.key] if intervals is not None else effective_interval(a)
    ib = intervals[b.key] if intervals is not None else effective_interval(b)
    ts, tv = type_score(a.mention, b.mention)
    la, lb = a.mention.location, b.mention.location
    if (la is None) != (lb is None):  # is the known place named in the other report's text?
        known, other = (lb, a) if la is None else (la, b)
        named = known is not None and bool(place_keys(known.name) & other.context)
        ps, pv = (0.75 if named else 0.2), None
    else:
        ps, pv = place_score(la, lb)
    ds, dv = time_score(ia, ib)
    acs, _ = actor_score(a.mention, b.mention)
    root_a = copies[a.report.id].copy_of if a.report.id in copies else a.report.id
    root_b = copies[b.report.id].copy_of if b.report.id in copies else b.report.id
    copy = root_a == root_b and a.report.id != b.report.id
    if copy and dv == "time unknown or too vague":  # copies tell the same time, however vague
        ds, dv = (1.0 if ia == ib else 0.5), None
    factors = {"type": ts, "place": ps, "time": ds, "actors": acs}
    total = sum(WEIGHTS[k] * v for k, v in factors.items())
    if copy:
        factors["copy"] = 1.0
        total += COPY_BONUS
    veto = tv or pv or dv
    if a.report.id == b.report.id:
        veto = "same report"
    return PairScore(a.key, b.key, factors, min(1.0, total), veto)


# --------------------------------------------------------------------------------------------
# clustering


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


def _candidate_pairs(
    recs: list[MentionRecord], intervals: dict[str, Any], copies: dict[str, Copy]
) -> Iterable[tuple[MentionRecord, MentionRecord]]:
    """Pairs that could link: intervals within the veto window (a sweep over interval starts),
    and any two mentions of a report and its copies (whose dates may be unknown)."""
    dated = sorted(
        (r for r in recs if not is_vague(intervals[r.key])),
        key=lambda r: (intervals[r.key][0], r.key),
    )
    for i, r in enumerate(dated):
        end = intervals[r.key][1] + timedelta(days=2)
        for s in dated[i + 1 :]:
            if intervals[s.key][0] > end:
                break
            yield (r, s) if r.key < s.key else (s, r)
    groups: dict[str, list[MentionRecord]] = defaultdict(list)
    for r in recs:
        groups[copies[r.report.id].copy_of if r.report.id in copies else r.report.id].append(r)
    for members in groups.values():
        if len({m.report.id for m in members}) < 2:
            continue
        for i, r in enumerate(members):
            for s in members[i + 1 :]:
                if r.report.id != s.report.id and (
                    is_vague(intervals[r.key]) or is_vague(intervals[s.key])
                ):
                    yield (r, s) if r.key < s.key else (s, r)


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
    for a, b in _candidate_pairs(recs, intervals, copies):
        if (a.key, b.key) not in scores:
            scores[(a.key, b.key)] = score_pair(a, b, copies, intervals)
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
                    return False, "outside the time window"
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
                "reason": "no candidate in the time window",
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


# --------------------------------------------------------------------------------------------
# reconciliation


@dataclass(slots=True)
class Claim:
    kind: str
    mention: str
    report_id: str
    source: str | None
    published: str | None
    low: int | None
    best: int | None
    high: int | None
    qualifier: str
    span: dict[str, Any] | None
    update: bool = False

    def voice(self) -> str:
        return _norm_text(self.source) if self.source else f"report:{self.report_id}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def claims_of(records: Sequence[MentionRecord], kind: str) -> list[Claim]:
    attr = COUNT_FIELDS[kind]
    out = []
    for r in records:
        c: Count | None = getattr(r.mention, attr)
        if c is None or (c.low is None and c.best is None and c.high is None):
            continue
        span = {"start": c.span.start, "end": c.span.end, "text": c.span.text} if c.span else None
        out.append(
            Claim(
                kind,
                r.key,
                r.report.id,
                r.report.source,
                r.report.published,
                c.low,
                c.best,
                c.high,
                c.qualifier,
                span,
                bool(r.updates.get(kind)),
            )
        )
    out.sort(key=lambda c: (c.published or "", c.report_id, c.mention))
    return out


def _best_of(c: Claim) -> int:
    for v in (c.best, c.low, c.high):
        if v is not None:
            return v
    return 0


def _voices(claims: Sequence[Claim], copies: dict[str, Copy]) -> dict[str, str]:
    """Claim -> independent voice: claims of one outlet, or of a report and its copies, are one."""
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

    for c in claims:
        root = copies[c.report_id].copy_of if c.report_id in copies else c.report_id
        union("m:" + c.mention, "r:" + root)
        union("m:" + c.mention, "v:" + c.voice())
    return {c.mention: find("m:" + c.mention) for c in claims}


def reconcile(
    claims: Sequence[Claim], copies: dict[str, Copy] | None = None
) -> dict[str, Any] | None:
    """Low / best / high of one count kind from its claims, by rule ``ucdp-1`` (module doc)."""
    if not claims:
        return None
    copies = copies or {}
    notes: dict[str, str] = {}
    # b. latest claim per voice
    latest: dict[str, Claim] = {}
    for c in claims:
        v = c.voice()
        prev = latest.get(v)
        rank = (c.published or "", c.update, _best_of(c), c.report_id, c.mention)
        if prev is None:
            latest[v] = c
            continue
        prank = (prev.published or "", prev.update, _best_of(prev), prev.report_id, prev.mention)
        if rank > prank:
            notes[prev.mention] = f"superseded by a later claim from the same source ({c.mention})"
            latest[v] = c
        else:
            notes[c.mention] = f"superseded by a later claim from the same source ({prev.mention})"
    kept = sorted(latest.values(), key=lambda c: (c.published or "", c.report_id, c.mention))
    # c. overtaken lower bounds and updates from other sources
    retained = []
    for c in kept:
        overtaken = None
        for o in kept:
            if o is c or _best_of(o) <= _best_of(c):
                continue
            if c.high is None and c.low is not None:
                overtaken = (
                    f"open-ended figure consistent with the higher {o.mention} ({_best_of(o)})"
                )
                break
            if o.update and (o.published or "") >= (c.published or ""):
                overtaken = f"earlier figure updated by {o.mention} ({_best_of(o)})"
                break
        if overtaken:
            notes[c.mention] = overtaken
        else:
            retained.append(c)
    if not retained:
        retained = kept
    # d. best = most voices, ties -> lower; voices count copies once
    voice_of = _voices(retained, copies)
    support: dict[int, set[str]] = defaultdict(set)
    for c in retained:
        support[_best_of(c)].add(voice_of[c.mention])
    best = min(support, key=lambda v: (-len(support[v]), v))
    lows = [c.low for c in retained if c.low is not None]
    low = min(lows) if lows else best
    low = min(low, best)
    highs = [c.high for c in retained if c.high is not None]
    high: int | None = max(highs) if highs else None
    if high is not None:
        open_above = [_best_of(c) for c in retained if c.high is None]
        if any(v > high for v in open_above) or high < best:
            high = None
    chosen = [c.mention for c in retained if _best_of(c) == best]
    return {
        "low": low,
        "best": best,
        "high": high,
        "rule": RULE_VERSION,
        "explanation": (
            f"best {best}: backed by {len(support[best])} independent source(s) among the "
            f"latest claims ({', '.join(chosen)}); low = lowest retained low, high = highest "
            "retained high (unbounded when a retained claim is open-ended above it)"
        ),
        "retained": [c.mention for c in retained],
        "set_aside": dict(sorted(notes.items())),
        "claims": [c.as_dict() for c in claims],
    }


# --------------------------------------------------------------------------------------------
# incidents


def incident_id(keys: Iterable[str]) -> str:
    h = hashlib.sha256("\n".join(sorted(keys)).encode("utf-8")).hexdigest()
    return "inc-" + h[:16]


def _pick_type(recs: Sequence[MentionRecord]) -> tuple[str, str]:
    votes: Counter[tuple[str, str]] = Counter()
    weight: dict[tuple[str, str], float] = defaultdict(float)
    for r in recs:
        t = (r.mention.event_type, r.mention.sub_event_type)
        votes[t] += 1
        weight[t] += r.mention.confidence
    return min(votes, key=lambda t: (-votes[t], -round(weight[t], 6), t))


def _pick_date(recs: Sequence[MentionRecord]) -> DateInterval | None:
    cands: Counter[tuple[str, str]] = Counter()
    for r in recs:
        d = r.mention.date
        if d is not None and d.resolved and (d.start or d.end):
            cands[(d.start or d.end, d.end or d.start)] += 1  # type: ignore[index]
    if not cands:
        return None

    def width(t: tuple[str, str]) -> int:
        s, e = _iso(t[0]), _iso(t[1])
        return (e - s).days if s and e else 9999

    s, e = min(cands, key=lambda t: (-cands[t], width(t), t))
    # prefer the narrowest interval that all others contain, when there is one
    narrow = sorted(cands, key=lambda t: (width(t), -cands[t], t))[0]
    if width(narrow) < width((s, e)) and all(
        t[0] <= narrow[0] and narrow[1] <= t[1] for t in cands
    ):
        s, e = narrow
    return DateInterval(s, e, None, True, "reconciled from member mentions")


def _pick_location(recs: Sequence[MentionRecord]) -> Location | None:
    locs = [r.mention.location for r in recs if r.mention.location is not None]
    if not locs:
        return None
    names = Counter(toponym_key(loc.name) for loc in locs)

    def rank(loc: Location) -> tuple[Any, ...]:
        return (
            0 if loc.resolved or loc.lat is not None else 1,
            loc.precision or 9,
            -names[toponym_key(loc.name)],
            loc.name,
        )

    return min(locs, key=rank)


def _merge_actors(recs: Sequence[MentionRecord]) -> list[Actor]:
    seen: dict[tuple[str, str | None], Actor] = {}
    for r in recs:
        for a in r.mention.actors:
            k = (a.role, a.type)
            if k not in seen or len(a.text) > len(seen[k].text):
                seen[k] = a
    order = {"perpetrator": 0, "party": 1, "target": 2}
    return sorted(seen.values(), key=lambda a: (order.get(a.role, 3), a.type or "", a.text))


def build_incident(
    recs: Sequence[MentionRecord],
    copies: dict[str, Copy],
    explanations: dict[str, dict[str, Any]] | None = None,
) -> Incident:
    recs = sorted(recs, key=lambda r: (*sort_key(r.report), r.index))
    explanations = explanations or {}
    keys = [r.key for r in recs]
    et, st = _pick_type(recs)
    metas = {r.report.id: r.report for r in recs}
    figures: dict[str, Any] = {}
    counts: dict[str, Count | None] = {}
    for kind in COUNT_FIELDS:
        fig = reconcile(claims_of(recs, kind), copies)
        figures[kind] = fig
        counts[kind] = (
            Count(fig["low"], fig["best"], fig["high"], "reconciled") if fig is not None else None
        )
    inc = Incident(
        id=incident_id(keys),
        event_type=et,
        sub_event_type=st,
        mentions=[r.mention for r in recs],
        date=_pick_date(recs),
        location=_pick_location(recs),
        actors=_merge_actors(recs),
        fatalities=counts["killed"],
        injured=counts["injured"],
        abducted=counts["abducted"],
        arrested=counts["arrested"],
        sources=len(metas),
        independent_sources=independent_groups(metas.values(), copies),
    )
    inc.provenance = {
        "rule": RULE_VERSION,
        "link_version": LINK_VERSION,
        "members": [
            {
                "mention": r.key,
                "report_id": r.report.id,
                "published": r.report.published,
                "source": r.report.source,
                "explanation": explanations.get(r.key, {}),
            }
            for r in recs
        ],
        "reports": [asdict(m) for m in sorted(metas.values(), key=sort_key)],
        "copies": {rid: asdict(copies[rid]) for rid in sorted(metas) if rid in copies},
        "figures": figures,
    }
    return inc


def link_records(
    records: Sequence[MentionRecord],
    copies: dict[str, Copy] | None = None,
    overrides: Sequence[Override] = (),
) -> list[Incident]:
    """Link mention records into incidents (deterministic, order-independent)."""
    copies = copies or {}
    groups, explanations = cluster_mentions(records, copies, overrides)
    incidents = [build_incident(g, copies, explanations) for g in groups]
    return sorted(incidents, key=incident_sort_key)


def incident_sort_key(inc: Incident) -> tuple[str, str]:
    return ((inc.date.start or "") if inc.date else "", inc.id)


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


# --------------------------------------------------------------------------------------------
# (de)serialisation of mentions, tolls and reactions with their spans


def _span_d(s: Span | None) -> dict[str, Any] | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def _span_o(d: dict[str, Any] | None) -> Span | None:
    return None if not d else Span(int(d["start"]), int(d["end"]), str(d["text"]))


def count_to_json(c: Count | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "low": c.low,
        "best": c.best,
        "high": c.high,
        "qualifier": c.qualifier,
        "span": _span_d(c.span),
    }


def count_from_json(d: dict[str, Any] | None) -> Count | None:
    if not d:
        return None
    return Count(
        d.get("low"),
        d.get("best"),
        d.get("high"),
        d.get("qualifier", "exact"),
        _span_o(d.get("span")),
    )


def date_to_json(d: DateInterval | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {
        "start": d.start,
        "end": d.end,
        "span": _span_d(d.span),
        "resolved": d.resolved,
        "note": d.note,
    }


def date_from_json(d: dict[str, Any] | None) -> DateInterval | None:
    if not d:
        return None
    return DateInterval(
        d.get("start"), d.get("end"), _span_o(d.get("span")), d.get("resolved", True), d.get("note")
    )


def location_to_json(loc: Location | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    d = loc.as_dict()
    d["span"] = _span_d(loc.span)
    d["feature"] = loc.feature
    return d


def location_from_json(d: dict[str, Any] | None) -> Location | None:
    if not d:
        return None
    return Location(
        name=d.get("name") or "",
        span=_span_o(d.get("span")),
        country=d.get("country"),
        iso=d.get("iso"),
        admin1=d.get("admin1"),
        admin2=d.get("admin2"),
        lat=d.get("lat"),
        lon=d.get("lon"),
        precision=d.get("precision"),
        geonameid=d.get("geonameid"),
        resolved=bool(d.get("resolved", False)),
        feature=d.get("feature"),
    )


def mention_to_json(m: Mention) -> dict[str, Any]:
    return {
        "event_type": m.event_type,
        "sub_event_type": m.sub_event_type,
        "date": date_to_json(m.date),
        "location": location_to_json(m.location),
        "actors": [{**a.as_dict(), "span": _span_d(a.span)} for a in m.actors],
        "fatalities": count_to_json(m.fatalities),
        "injured": count_to_json(m.injured),
        "abducted": count_to_json(m.abducted),
        "arrested": count_to_json(m.arrested),
        "evidence": [asdict(e) for e in m.evidence],
        "confidence": m.confidence,
        "report_id": m.report_id,
    }


def mention_from_json(d: dict[str, Any]) -> Mention:
    return Mention(
        event_type=d["event_type"],
        sub_event_type=d["sub_event_type"],
        date=date_from_json(d.get("date")),
        location=location_from_json(d.get("location")),
        actors=[
            Actor(a["text"], a["role"], a.get("type"), _span_o(a.get("span")))
            for a in d.get("actors", [])
        ],
        fatalities=count_from_json(d.get("fatalities")),
        injured=count_from_json(d.get("injured")),
        abducted=count_from_json(d.get("abducted")),
        arrested=count_from_json(d.get("arrested")),
        evidence=[Evidence(**e) for e in d.get("evidence", [])],
        confidence=float(d.get("confidence", 0.5)),
        report_id=d.get("report_id"),
    )


def toll_to_json(t: Toll) -> dict[str, Any]:
    return {
        "kind": t.kind,
        "count": count_to_json(t.count),
        "scope": t.scope,
        "period": date_to_json(t.period),
        "area": t.area,
        "evidence": [asdict(e) for e in t.evidence],
        "confidence": t.confidence,
        "report_id": t.report_id,
    }


def toll_from_json(d: dict[str, Any]) -> Toll:
    return Toll(
        kind=d["kind"],
        count=count_from_json(d.get("count")) or Count(None, None, None, "none"),
        scope=d.get("scope", "cumulative"),
        period=date_from_json(d.get("period")),
        area=d.get("area"),
        evidence=[Evidence(**e) for e in d.get("evidence", [])],
        confidence=float(d.get("confidence", 0.5)),
        report_id=d.get("report_id"),
    )


def reaction_to_json(r: Reaction) -> dict[str, Any]:
    return {
        "kind": r.kind,
        "actor": r.actor,
        "evidence": [asdict(e) for e in r.evidence],
        "confidence": r.confidence,
        "report_id": r.report_id,
    }


def reaction_from_json(d: dict[str, Any]) -> Reaction:
    return Reaction(
        kind=d["kind"],
        actor=d.get("actor"),
        evidence=[Evidence(**e) for e in d.get("evidence", [])],
        confidence=float(d.get("confidence", 0.5)),
        report_id=d.get("report_id"),
    )


def incident_to_json(inc: Incident) -> dict[str, Any]:
    """An incident with its members, figures and full provenance (the JSONL export shape)."""
    return {
        "id": inc.id,
        "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type,
        "date": date_to_json(inc.date),
        "location": location_to_json(inc.location),
        "actors": [{**a.as_dict(), "span": _span_d(a.span)} for a in inc.actors],
        "fatalities": count_to_json(inc.fatalities),
        "injured": count_to_json(inc.injured),
        "abducted": count_to_json(inc.abducted),
        "arrested": count_to_json(inc.arrested),
        "sources": inc.sources,
        "independent_sources": inc.independent_sources,
        "mentions": [mention_to_json(m) for m in inc.mentions],
        "provenance": inc.provenance,
    }


def incident_from_json(d: dict[str, Any]) -> Incident:
    return Incident(
        id=d["id"],
        event_type=d["event_type"],
        sub_event_type=d["sub_event_type"],
        mentions=[mention_from_json(m) for m in d.get("mentions", [])],
        date=date_from_json(d.get("date")),
        location=location_from_json(d.get("location")),
        actors=[
            Actor(a["text"], a["role"], a.get("type"), _span_o(a.get("span")))
            for a in d.get("actors", [])
        ],
        fatalities=count_from_json(d.get("fatalities")),
        injured=count_from_json(d.get("injured")),
        abducted=count_from_json(d.get("abducted")),
        arrested=count_from_json(d.get("arrested")),
        sources=int(d.get("sources", 0)),
        independent_sources=int(d.get("independent_sources", 0)),
        provenance=d.get("provenance", {}),
    )


def report_ids(inc: Incident) -> list[str]:
    return [r["id"] for r in inc.provenance.get("reports", [])]


def member_keys(inc: Incident) -> list[str]:
    return [m["mention"] for m in inc.provenance.get("members", [])]


# --------------------------------------------------------------------------------------------
# evaluation


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
