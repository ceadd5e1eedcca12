"""An in-process index of incident summaries (corrections applied) for fast filtered, sorted,
cursor-paged lists, rebuilt only when the store changes.

The store's ``store_state.generation`` is bumped by triggers on every change to incidents,
corrections and reviews, by any process; each request reads that one number and the index
rebuilds when it moved. Summaries come from ``reckon.store.review.apply_decisions``, the same
function every CLI reader goes through, so the API and the CLI never disagree.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import gc
import json
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import sqlalchemy as sa

from reckon.link import incident_from_json, member_keys, report_ids
from reckon.model import Incident
from reckon.store.review import apply_decisions, need
from reckon.store.schema_review import store_state

STATUSES = ("unreviewed", "corrected", "accepted", "rejected")
SORTS = ("date", "fatalities", "country", "admin1", "event_type", "confidence", "need",
         "sources", "id")  # fmt: skip
_BATCH = 1000


class BadRequest(ValueError):
    """A bad filter, sort or cursor (a 400)."""


@dataclass(slots=True)
class Row:
    id: str
    event_type: str
    sub_event_type: str
    date_start: str | None
    date_end: str | None
    country: str | None
    admin1: str | None
    location: str | None
    lat: float | None
    lon: float | None
    low: int | None
    best: int | None
    high: int | None
    sources: int
    independent_sources: int
    confidence: float
    status: str
    need: float
    why: list[str]
    actors: list[dict[str, Any]]
    reports: list[str]
    mentions: int
    resolved: bool
    corrected: list[str]
    text: str = ""  # lower-cased words searched by q (places, actors, evidence, types)
    actor_text: str = ""
    actor_types: frozenset[str] = frozenset()  # lower-cased
    keys: tuple[str, str, str, str] = ("", "", "", "")  # country, admin1, types: lower-cased
    _json: str | None = None

    def json(self) -> str:
        """``summary()`` as JSON text, made once per snapshot."""
        got = self._json
        if got is None:
            got = self._json = json.dumps(self.summary(), ensure_ascii=False)
        return got

    def summary(self) -> dict[str, Any]:
        """The JSON record of one incident in lists (``reckon incidents --format jsonl`` plus
        coordinates, confidence and review status)."""
        return {
            "id": self.id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "location": self.location,
            "admin1": self.admin1,
            "country": self.country,
            "latitude": self.lat,
            "longitude": self.lon,
            "fatalities_low": self.low,
            "fatalities_best": self.best,
            "fatalities_high": self.high,
            "reports": self.reports,
            "mentions": self.mentions,
            "sources": self.sources,
            "independent_sources": self.independent_sources,
            "confidence": round(self.confidence, 3),
            "actors": self.actors,
            "review_status": self.status,
            "corrected_fields": self.corrected,
            "need": self.need,
            "need_reasons": self.why,
        }


def row_of(inc: Incident) -> Row:
    loc = inc.location
    f = inc.fatalities
    review = inc.provenance.get("review") or {}
    score, why = need(inc)
    actors = [a.as_dict() for a in inc.actors]
    words = [inc.id, inc.event_type, inc.sub_event_type, *report_ids(inc)]
    if loc is not None:
        words += [x for x in (loc.name, loc.admin1, loc.admin2, loc.country) if x]
    words += [a.text for a in inc.actors]
    words += [r.get("title") or "" for r in inc.provenance.get("reports", [])]
    for m in inc.mentions:
        words += [e.text for e in m.evidence]
    return Row(
        id=inc.id,
        event_type=inc.event_type,
        sub_event_type=inc.sub_event_type,
        date_start=inc.date.start if inc.date else None,
        date_end=(inc.date.end or inc.date.start) if inc.date else None,
        country=loc.country if loc else None,
        admin1=loc.admin1 if loc else None,
        location=loc.name if loc else None,
        lat=loc.lat if loc else None,
        lon=loc.lon if loc else None,
        low=f.low if f else None,
        best=f.best if f else None,
        high=f.high if f else None,
        sources=inc.sources,
        independent_sources=inc.independent_sources,
        confidence=max((m.confidence for m in inc.mentions), default=0.0),
        status=review.get("status", "unreviewed"),
        need=score,
        why=why,
        actors=actors,
        reports=report_ids(inc),
        mentions=len(member_keys(inc)),
        resolved=bool(loc and loc.resolved),
        corrected=sorted({c["field"] for c in review.get("corrections", [])}),
        text=" ".join(" ".join(words).lower().split()),
        actor_text=" | ".join(a.text.lower() for a in inc.actors),
        actor_types=frozenset(a.type.lower() for a in inc.actors if a.type),
        keys=tuple(  # type: ignore[arg-type]
            (x or "").lower()
            for x in (
                loc.country if loc else None,
                loc.admin1 if loc else None,
                inc.event_type,
                inc.sub_event_type,
            )
        ),  # fmt: skip
    )


@dataclass(slots=True)
class Filters:
    """What a list, the map and the timeline show; the same query parameters everywhere."""

    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None  # words in an actor's name, or an actor type
    q: str | None = None  # words anywhere in places, actors, evidence, titles, ids
    min_confidence: float | None = None
    max_confidence: float | None = None
    status: str | None = None  # a review status, "any"; default: all but rejected
    report: str | None = None  # incidents told by this report

    @classmethod
    def of(cls, params: Any) -> Filters:
        """From query parameters (a mapping); empty values are ignored."""
        kw: dict[str, Any] = {}
        for f in fields(cls):
            v = params.get(f.name)
            if v is None or str(v).strip() == "":
                continue
            v = str(v).strip()
            if len(v) > 200:
                raise BadRequest(f"{f.name} is too long")
            if f.name in ("min_confidence", "max_confidence"):
                try:
                    kw[f.name] = float(v)
                except ValueError:
                    raise BadRequest(f"{f.name} must be a number") from None
            elif f.name in ("date_from", "date_to") and not _is_day(v):
                raise BadRequest(f"{f.name} must be a date YYYY-MM-DD")
            elif f.name == "status" and v not in (*STATUSES, "any"):
                raise BadRequest(f"status must be one of {', '.join((*STATUSES, 'any'))}")
            else:
                kw[f.name] = v
        return cls(**kw)

    def params(self) -> dict[str, str]:
        return {f.name: str(getattr(self, f.name)) for f in fields(self)
                if getattr(self, f.name) is not None}  # fmt: skip

    def predicate(self) -> Callable[[Row], bool]:
        tests: list[Callable[[Row], bool]] = []
        if self.status != "any":
            if self.status:
                tests.append(lambda r, s=self.status: r.status == s)
            else:
                tests.append(lambda r: r.status != "rejected")
        if self.date_from:
            tests.append(lambda r, d=self.date_from: r.date_end is not None and r.date_end >= d)
        if self.date_to:
            tests.append(lambda r, d=self.date_to: r.date_start is not None and r.date_start <= d)
        for i, name in enumerate(("country", "admin1", "event_type", "sub_event_type")):
            want = getattr(self, name)
            if want:
                low = want.lower()
                tests.append(lambda r, i=i, w=low: r.keys[i] == w)
        if self.actor:
            a = self.actor.lower()
            tests.append(lambda r: a in r.actor_text or a in r.actor_types)
        if self.q:
            words = self.q.lower().split()
            if len(words) == 1:
                tests.append(lambda r, w=words[0]: w in r.text)
            else:
                tests.append(lambda r: all(w in r.text for w in words))
        if self.min_confidence is not None:
            tests.append(lambda r, c=self.min_confidence: r.confidence >= c)
        if self.max_confidence is not None:
            tests.append(lambda r, c=self.max_confidence: r.confidence <= c)
        if self.report:
            tests.append(lambda r, rid=self.report: rid in r.reports)
        if len(tests) == 1:
            return tests[0]

        def every(r: Row) -> bool:
            for t in tests:
                if not t(r):
                    return False
            return True

        return every


def _is_day(s: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(s)
    except ValueError:
        return False
    return len(s) == 10


def _key(row: Row, sort: str) -> tuple[Any, ...]:
    v: Any = row.need if sort == "need" else (
        row.date_start if sort == "date" else row.best if sort == "fatalities" else
        row.id if sort == "id" else getattr(row, sort)
    )  # fmt: skip
    if v is None:
        return (0, 0 if sort in ("fatalities", "confidence", "need", "sources") else "", row.id)
    return (1, v, row.id)


def encode_cursor(key: tuple[Any, ...]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, ...]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw)
    except (ValueError, binascii.Error):
        raise BadRequest("bad cursor") from None
    numeric = sort in ("fatalities", "confidence", "need", "sources")
    ok = (
        isinstance(key, list) and len(key) == 3 and key[0] in (0, 1) and isinstance(key[2], str)
        and (isinstance(key[1], int | float) if numeric else isinstance(key[1], str))
        and not isinstance(key[1], bool)
    )  # fmt: skip
    if not ok:
        raise BadRequest("bad cursor")
    return tuple(key)


@dataclass(slots=True)
class Snapshot:
    """The incident summaries of one store generation, in the CLI's order (date, id)."""

    generation: int
    rows: list[Row]
    by_id: dict[str, Row] = field(default_factory=dict)
    widest: int = 0  # the longest date interval, in days (bounds date-range scans)
    _orders: dict[str, tuple[list[Row], list[tuple[Any, ...]]]] = field(default_factory=dict)
    _subsets: dict[tuple[Any, ...], tuple[list[Row], list[tuple[Any, ...]]]] = field(
        default_factory=dict
    )
    counts: dict[tuple[int, str], int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def order(self, sort: str) -> tuple[list[Row], list[tuple[Any, ...]]]:
        got = self._orders.get(sort)
        if got is None:
            with self._lock:
                keyed = sorted(((_key(r, sort), r) for r in self.rows), key=lambda kr: kr[0])
                got = ([r for _, r in keyed], [k for k, _ in keyed])
                self._orders[sort] = got
        return got

    def narrowed(self, sort: str, filters: Filters) -> tuple[list[Row], list[tuple[Any, ...]]]:
        """The rows (and keys) in ``sort`` order, only those with the filters' most selective
        exact value (country, admin1, event type or sub-type) when there is one."""
        rows, keys = self.order(sort)
        best: tuple[int, str] | None = None
        for i, name in enumerate(("country", "admin1", "event_type", "sub_event_type")):
            want = getattr(filters, name)
            if want:
                n = self.counts.get((i, want.lower()), 0)
                if best is None or n < self.counts.get(best, 0):
                    best = (i, want.lower())
        if best is None:
            return rows, keys
        k = (sort, *best)
        got = self._subsets.get(k)
        if got is None:
            i, w = best
            pairs = [(r, key) for r, key in zip(rows, keys, strict=True) if r.keys[i] == w]
            got = ([r for r, _ in pairs], [key for _, key in pairs])
            with self._lock:
                if len(self._subsets) > 2000:
                    self._subsets.clear()
                self._subsets[k] = got
        return got

    def matching(self, filters: Filters) -> list[Row]:
        pred = filters.predicate()
        return [r for r in self.rows if pred(r)]

    def page(
        self, filters: Filters, sort: str = "-date", limit: int = 50, cursor: str | None = None
    ) -> tuple[list[Row], str | None]:
        """One page of matching rows and the cursor of the next page (None at the end)."""
        desc = sort.startswith("-")
        name = sort.lstrip("-")
        if name not in SORTS:
            raise BadRequest(f"sort must be one of {', '.join(SORTS)} (prefix - for descending)")
        rows, keys = self.narrowed(name, filters)
        pred = filters.predicate()
        lo, hi = 0, len(rows)  # the slice that can hold matches
        if name == "date" and filters.date_to:
            hi = bisect.bisect_right(keys, (1, filters.date_to, "\uffff"))
        if name == "date" and filters.date_from:
            from datetime import date, timedelta

            earliest = date.fromisoformat(filters.date_from) - timedelta(days=self.widest)
            lo = bisect.bisect_left(keys, (1, earliest.isoformat(), ""))
        if desc:
            start = bisect.bisect_left(keys, decode_cursor(cursor, name)) - 1 if cursor else hi - 1
            idx: Iterator[int] = iter(range(min(start, hi - 1), lo - 1, -1))
        else:
            start = bisect.bisect_right(keys, decode_cursor(cursor, name)) if cursor else lo
            idx = iter(range(max(start, lo), hi))
        out: list[Row] = []
        last = None
        for i in idx:
            r = rows[i]
            if pred(r):
                if len(out) == limit:
                    return out, encode_cursor(last) if last is not None else None
                out.append(r)
                last = keys[i]
        return out, None

    def facets(self) -> dict[str, list[str]]:
        """Distinct values for the filter form."""
        return {
            "country": sorted({r.country for r in self.rows if r.country}),
            "admin1": sorted({r.admin1 for r in self.rows if r.admin1}),
            "event_type": sorted({r.event_type for r in self.rows}),
            "sub_event_type": sorted({r.sub_event_type for r in self.rows}),
        }


def _widest(rows: list[Row]) -> int:
    from datetime import date

    widest = 0
    for r in rows:
        if r.date_start and r.date_end and r.date_end != r.date_start:
            try:
                d = (date.fromisoformat(r.date_end) - date.fromisoformat(r.date_start)).days
            except ValueError:
                continue
            widest = max(widest, d)
    return widest


def generation(conn: sa.Connection) -> int:
    return int(conn.execute(sa.select(store_state.c.generation)).scalar() or 0)


def iter_incidents(conn: sa.Connection, ids: Sequence[str] | None = None) -> Iterator[Incident]:
    """Incidents with decisions applied, in batches: all (store order) or these ids in order."""
    from reckon.store.incidents import incidents

    if ids is None:
        batch: list[Incident] = []
        for r in conn.execute(sa.select(incidents.c.data).order_by(incidents.c.id)):
            batch.append(incident_from_json(r.data))
            if len(batch) == _BATCH:
                yield from apply_decisions(conn, batch)
                batch = []
        yield from apply_decisions(conn, batch)
        return
    for i in range(0, len(ids), _BATCH // 2):
        chunk = list(ids[i : i + _BATCH // 2])
        got = {
            r.id: incident_from_json(r.data)
            for r in conn.execute(
                sa.select(incidents.c.id, incidents.c.data).where(incidents.c.id.in_(chunk))
            )
        }
        yield from apply_decisions(conn, [got[x] for x in chunk if x in got])


class IncidentIndex:
    """The current ``Snapshot`` for a store, rebuilt when the store's generation moves."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self._snap: Snapshot | None = None
        self._lock = threading.Lock()

    def peek(self) -> Snapshot | None:
        """The snapshot if it is current (one small read), else None."""
        with self.engine.connect() as conn:
            gen = generation(conn)
        snap = self._snap
        return snap if snap is not None and snap.generation == gen else None

    async def current_async(self) -> Snapshot:
        """``current()`` for async code: a rebuild runs in a worker thread."""
        snap = self.peek()
        if snap is not None:
            return snap
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(self.current)

    def current(self) -> Snapshot:
        with self.engine.connect() as conn:
            gen = generation(conn)
            snap = self._snap
            if snap is not None and snap.generation == gen:
                return snap
        with self._lock:  # one rebuild at a time; the others wait for it
            snap = self._snap
            if snap is not None and snap.generation == gen:
                return snap
            with self.engine.connect() as conn:
                gen = generation(conn)
                rows = [row_of(i) for i in iter_incidents(conn)]
            rows.sort(key=lambda r: (r.date_start or "", r.id))
            counts: dict[tuple[int, str], int] = {}
            for r in rows:
                for i, k in enumerate(r.keys):
                    counts[(i, k)] = counts.get((i, k), 0) + 1
            snap = Snapshot(gen, rows, {r.id: r for r in rows}, _widest(rows), counts=counts)
            self._snap = snap
        # keep the garbage collector from walking the (long-lived) index on every collection
        gc.collect()
        gc.freeze()
        return snap
