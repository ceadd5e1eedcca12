"""What the API and the pages read, once: reports, incidents, tallies, timelines, exports.

Thin functions over the library (``reckon.store``, ``reckon.tally``, ``reckon.export``); the API
returns their results as JSON and the pages render them.
"""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from reckon.ingest.present import report_record
from reckon.link import incident_to_json
from reckon.model import Incident
from reckon.serve.index import Row, Snapshot, iter_incidents
from reckon.store import Store, reports
from reckon.store.review import need

EXPORT_TYPES = {
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "ucdp-csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "jsonl": ("application/x-ndjson", "jsonl"),
}


def report_page(store: Store, after_seq: int, limit: int) -> tuple[list[dict[str, Any]], int | None]:
    """Reports in stored order after ``after_seq``: records without text, and the next cursor."""
    with store.engine.connect() as conn:
        rows = list(
            conn.execute(
                sa.select(reports.c.seq, reports.c.id).where(reports.c.seq > after_seq)
                .order_by(reports.c.seq).limit(limit + 1)
            )
        )  # fmt: skip
    more = len(rows) > limit
    rows = rows[:limit]
    out = []
    for r in rows:
        rep = store.get_report(r.id)
        if rep is not None:
            rec = report_record(rep)
            rec.pop("text", None)
            out.append(rec)
    return out, (rows[-1].seq if more and rows else None)


def report_detail(store: Store, report_id: str, snap: Snapshot) -> dict[str, Any] | None:
    """A report's record and text, what cleaning removed, what was read from it, its incidents."""
    from reckon.store.incidents import mentions, reactions, tolls

    rep = store.get_report(report_id)
    if rep is None:
        return None
    rec = report_record(rep)
    rec["removed_items"] = [
        {"kind": r.kind, "text": r.text, "raw_start": r.raw_start, "raw_end": r.raw_end,
         "duplicate_of": r.duplicate_of}
        for r in rep.removed
    ]  # fmt: skip
    rec["media_type"] = rep.media_type
    rec["encoding"] = rep.encoding
    with store.engine.connect() as conn:
        read: dict[str, list[Any]] = {}
        for name, t in (("mentions", mentions), ("tolls", tolls), ("reactions", reactions)):
            read[name] = [
                {"key": r.key, **r.data}
                for r in conn.execute(
                    sa.select(t.c.key, t.c.data).where(t.c.report_id == report_id).order_by(t.c.idx)
                )
            ]
    rec["read"] = read
    rec["incidents"] = [r.id for r in snap.rows if report_id in r.reports]
    return rec


def successor(store: Store, old_id: str) -> str | None:
    """The incident that now holds the mentions of an incident id that no longer exists (one
    a decision, a split or a merge was recorded against)."""
    from reckon.store.incidents import incident_members, link_overrides
    from reckon.store.schema_review import corrections, reviews

    with store.engine.connect() as conn:
        anchor: list[str] = []
        for t in (reviews, corrections):
            row = conn.execute(
                sa.select(t.c.anchor).where(t.c.incident_id == old_id).order_by(t.c.seq.desc())
            ).first()
            if row is not None:
                anchor = list(row.anchor)
                break
        if not anchor:
            for row in conn.execute(
                sa.select(link_overrides).order_by(link_overrides.c.seq.desc())
            ):
                ids = (row.incident_id or "").split(",")
                if old_id in ids:
                    groups = [list(g) for g in row.groups]
                    anchor = groups[ids.index(old_id)] if row.kind == "merge" and \
                        len(groups) == len(ids) else [k for g in groups for k in g]
                    break
        if not anchor:
            return None
        rows = conn.execute(
            sa.select(incident_members.c.incident_id).where(
                incident_members.c.mention_key.in_(anchor)
            )
        ).all()
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.incident_id] = counts.get(r.incident_id, 0) + 1
    return max(sorted(counts), key=lambda k: counts[k]) if counts else None


def incident(store: Store, incident_id: str) -> Incident | None:
    from reckon.store.incidents import get_incident

    with store.engine.connect() as conn:
        return get_incident(conn, incident_id)


def incident_json(inc: Incident) -> dict[str, Any]:
    score, why = need(inc)
    return {**incident_to_json(inc), "need": score, "need_reasons": why}


def tally_dict(store: Store, by: str, date_from: str | None, date_to: str | None) -> dict[str, Any]:
    from reckon.store.incidents import list_incidents, list_tolls
    from reckon.tally import tally

    with store.engine.connect() as conn:
        incs = list_incidents(conn)
        tolls = list_tolls(conn)
    return {"by": by, **tally(incs, tolls, by=by, date_from=date_from, date_to=date_to).as_dict()}


def tolls_list(store: Store) -> list[dict[str, Any]]:
    from reckon.link import toll_to_json
    from reckon.store.incidents import list_tolls

    with store.engine.connect() as conn:
        return [{**toll_to_json(t), "report_id": t.report_id} for t in list_tolls(conn)]


def reactions_list(store: Store) -> list[dict[str, Any]]:
    from reckon.link import reaction_to_json
    from reckon.store.incidents import list_reactions

    with store.engine.connect() as conn:
        return [{**reaction_to_json(r), "report_id": r.report_id} for r in list_reactions(conn)]


def timeline(rows: list[Row], bin_: str = "auto") -> dict[str, Any]:
    """Incidents and deaths (low / best / high) per day or ISO week, over the rows' dates."""
    days = [date.fromisoformat(r.date_start) for r in rows if r.date_start]
    if not days:
        return {"bin": "day", "bins": [], "undated": len(rows)}
    lo, hi = min(days), max(days)
    if bin_ == "auto":
        bin_ = "day" if (hi - lo).days <= 120 else "week"

    def start(d: date) -> date:
        return d if bin_ == "day" else d - timedelta(days=d.weekday())

    step = timedelta(days=1 if bin_ == "day" else 7)
    bins: dict[date, dict[str, Any]] = {}
    d = start(lo)
    while d <= hi:
        bins[d] = {"start": d.isoformat(), "incidents": 0, "low": 0, "best": 0, "high": 0,
                   "unbounded": 0}  # fmt: skip
        d += step
    for r in rows:
        if not r.date_start:
            continue
        b = bins[start(date.fromisoformat(r.date_start))]
        b["incidents"] += 1
        if r.best is not None:
            b["low"] += r.low or 0
            b["best"] += r.best
            if r.high is None:
                b["unbounded"] += 1
                b["high"] += r.best
            else:
                b["high"] += r.high
    return {"bin": bin_, "bins": list(bins.values()), "undated": len(rows) - len(days)}


class _QueueWriter(io.TextIOBase):
    """A text stream that hands what is written to a queue in chunks (for streaming exports)."""

    def __init__(self, q: queue.Queue[bytes | None], stop: threading.Event) -> None:
        self.q, self.stop, self.buf, self.size = q, stop, [], 0

    def write(self, s: str) -> int:  # type: ignore[override]
        if self.stop.is_set():
            raise BrokenPipeError("client went away")
        self.buf.append(s)
        self.size += len(s)
        if self.size >= 64 * 1024:
            self.flush()
        return len(s)

    def flush(self) -> None:
        if self.buf:
            data = "".join(self.buf).encode("utf-8")
            self.buf, self.size = [], 0
            while not self.stop.is_set():
                try:
                    self.q.put(data, timeout=0.5)
                    return
                except queue.Full:
                    continue


def stream_export(store: Store, fmt: str, snap: Snapshot) -> Iterator[bytes]:
    """The export of format ``fmt``, byte for byte what ``reckon export`` writes, in chunks.

    Incidents are read in batches in the CLI's order (corrected date, id; rejected left out)
    by a producer thread, so memory stays bounded however large the store.
    """
    from reckon.export import export
    from reckon.store.incidents import list_reactions, list_tolls

    ids = [r.id for r in snap.rows if r.status != "rejected"]
    q: queue.Queue[bytes | None] = queue.Queue(maxsize=8)
    stop = threading.Event()
    failure: list[BaseException] = []

    def produce() -> None:
        out = _QueueWriter(q, stop)
        try:
            with store.engine.connect() as conn:
                tolls = list_tolls(conn) if fmt == "jsonl" else []
                reactions = list_reactions(conn) if fmt == "jsonl" else []
                export(fmt, iter_incidents(conn, ids), out, tolls, reactions)  # type: ignore[arg-type]
            out.flush()
        except BrokenPipeError:
            pass
        except BaseException as e:  # noqa: BLE001 - handed to the consumer
            failure.append(e)
        finally:
            while not stop.is_set():
                try:
                    q.put(None, timeout=0.5)
                    break
                except queue.Full:
                    continue

    t = threading.Thread(target=produce, name=f"export-{fmt}", daemon=True)
    t.start()
    try:
        while True:
            chunk = q.get()
            if chunk is None:
                break
            yield chunk
        if failure:
            raise failure[0]
    finally:
        stop.set()
