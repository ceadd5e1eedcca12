"""Relinking the whole store in bounded memory (see :mod:`reckon.link.stream`).

:func:`relink_all` recomputes copies and incidents over every stored mention. It reads the
mentions in pages of ``PAGE`` (by key), scores blocks and clusters components as the link
stream asks, and writes incidents in batches, all in the caller's transaction: memory holds one
small entry per mention, one signature row per report (512 bytes) and the block or batch at hand,
never every mention at once. The result is the same, byte for byte, as linking every mention in
memory with :func:`reckon.link.link_records`.

Scoring blocks and linking components can run elsewhere (a Dask cluster): pass
``score_blocks`` / ``link_components`` (see :mod:`reckon.scale`); the defaults run here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from reckon.link import (
    Copy,
    MentionRecord,
    ReportMeta,
    incident_to_json,
    link_stream,
    mention_from_json,
)
from reckon.link.copies import copies_in_order
from reckon.link.records import NUM_PERM, sort_key
from reckon.link.serial import date_from_json, location_from_json
from reckon.model import Incident, Mention
from reckon.store.link_tables import (
    copies,
    incident_members,
    incidents,
    load_overrides,
    mentions,
    report_signatures,
)

__all__ = ["PAGE", "RelinkSummary", "StoreSource", "load_copies", "relink", "relink_all"]

PAGE = 500  # mentions per query, incidents per insert

_META = (
    report_signatures.c.published,
    report_signatures.c.source,
    report_signatures.c.title,
    report_signatures.c.url,
    report_signatures.c.content_hash,
)


def _record(row: Any, light: bool) -> MentionRecord:
    meta = ReportMeta(
        row.report_id, row.published, row.source, row.title, row.url, row.content_hash or ""
    )
    data = row.data
    if light:  # only what blocking reads: type, date, place, context
        m = Mention(
            event_type=row.event_type,
            sub_event_type=row.sub_event_type,
            date=date_from_json(data.get("date")),
            location=location_from_json(data.get("location")),
        )
    else:
        m = mention_from_json(data)
    # place keys recur across reports: one string each, not one per record
    context = frozenset(map(sys.intern, data.get("context", [])))
    return MentionRecord(row.key, meta, row.idx, m, dict(row.updates or {}), context)


class StoreSource:
    """The stored mentions as a :class:`reckon.link.RecordSource`, read page by page."""

    def __init__(self, conn: sa.Connection, page: int = PAGE) -> None:
        self.conn = conn
        self.page = page

    def _select(self) -> sa.Select[Any]:
        return sa.select(mentions, *_META).select_from(
            mentions.outerjoin(
                report_signatures, report_signatures.c.report_id == mentions.c.report_id
            )
        )

    def iter_records(self, light: bool = False) -> Iterator[MentionRecord]:
        last: str | None = None
        while True:
            q = self._select().order_by(mentions.c.key).limit(self.page)
            if last is not None:
                q = q.where(mentions.c.key > last)
            rows = self.conn.execute(q).all()
            if not rows:
                return
            for row in rows:
                yield _record(row, light)
            last = rows[-1].key

    def load(self, keys: Sequence[str]) -> list[MentionRecord]:
        out: list[MentionRecord] = []
        keys = sorted(set(keys))
        for i in range(0, len(keys), self.page):
            chunk = keys[i : i + self.page]
            rows = self.conn.execute(self._select().where(mentions.c.key.in_(chunk))).all()
            out.extend(_record(row, False) for row in rows)
        out.sort(key=lambda r: r.key)
        return out


class _LightSource(StoreSource):
    """Blocking's pass reads only what it needs; every other read is complete."""

    def __init__(self, conn: sa.Connection, page: int = PAGE) -> None:
        super().__init__(conn, page)
        self.passes = 0

    def iter_records(self, light: bool = False) -> Iterator[MentionRecord]:
        self.passes += 1
        return super().iter_records(light=light or self.passes == 1)


def load_copies(conn: sa.Connection) -> dict[str, Copy]:
    """Copies among all stored reports, from their stored signatures (512 bytes a report)."""
    import numpy as np

    n = int(conn.execute(sa.select(sa.func.count()).select_from(report_signatures)).scalar() or 0)
    mat = np.zeros((n, NUM_PERM), dtype=np.uint32)
    valid = np.zeros(n, dtype=bool)
    keys: list[tuple[tuple[str, str], int]] = []
    ids: list[str] = []
    q = sa.select(
        report_signatures.c.report_id, report_signatures.c.published, report_signatures.c.signature
    ).order_by(report_signatures.c.report_id)
    last: str | None = None
    while len(ids) < n:  # paged: the JSON of every signature is never held at once
        page = conn.execute(
            (q if last is None else q.where(report_signatures.c.report_id > last)).limit(2000)
        ).all()
        if not page:
            break
        for r in page:
            i = len(ids)
            if i >= n:
                break
            ids.append(r.report_id)
            keys.append((sort_key(ReportMeta(r.report_id, r.published)), i))
            sig = r.signature or []
            if len(sig) == NUM_PERM:
                mat[i] = sig
                valid[i] = True
        last = page[-1].report_id
    order = [i for _, i in sorted(keys)]
    return copies_in_order([ids[i] for i in order], mat[order], valid[order])


@dataclass(slots=True)
class RelinkSummary:
    reports: int = 0
    mentions: int = 0
    copies: int = 0
    blocks: int = 0
    pairs: int = 0
    components: int = 0
    incidents: int = 0


class _Writer:
    """Incident and member rows inserted in batches."""

    def __init__(self, conn: sa.Connection, page: int = PAGE) -> None:
        self.conn, self.page = conn, page
        self.inc_rows: list[dict[str, Any]] = []
        self.mem_rows: list[dict[str, Any]] = []

    def add(self, inc: Incident) -> None:
        self.inc_rows.append(incident_row(inc))
        for pos, m in enumerate(inc.provenance.get("members", [])):
            self.mem_rows.append(
                {
                    "mention_key": m["mention"],
                    "incident_id": inc.id,
                    "report_id": m["report_id"],
                    "position": pos,
                    "explanation": m.get("explanation", {}),
                }
            )
        if len(self.inc_rows) >= self.page:
            self.flush()

    def flush(self) -> None:
        if self.inc_rows:
            self.conn.execute(sa.insert(incidents), self.inc_rows)
        if self.mem_rows:
            self.conn.execute(sa.insert(incident_members), self.mem_rows)
        self.inc_rows, self.mem_rows = [], []


def incident_row(inc: Incident) -> dict[str, Any]:
    """The ``incidents`` row of an incident."""
    loc = inc.location
    fat = inc.fatalities
    return {
        "id": inc.id,
        "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type,
        "date_start": inc.date.start if inc.date else None,
        "date_end": inc.date.end if inc.date else None,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "location": loc.name if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "fatalities_low": fat.low if fat else None,
        "fatalities_best": fat.best if fat else None,
        "fatalities_high": fat.high if fat else None,
        "sources": inc.sources,
        "independent_sources": inc.independent_sources,
        "rule": inc.provenance.get("rule", ""),
        "data": incident_to_json(inc),
    }


def relink_all(
    conn: sa.Connection,
    *,
    score_blocks: Callable[..., Any] | None = None,
    link_components: Callable[..., Any] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> RelinkSummary:
    """Recompute copies and incidents over every stored mention, in bounded memory."""
    found = load_copies(conn)
    conn.execute(sa.delete(copies))
    rows = [
        {"report_id": c.report_id, "copy_of": c.copy_of, "similarity": c.similarity}
        for c in sorted(found.values(), key=lambda c: c.report_id)
    ]
    for i in range(0, len(rows), PAGE):
        conn.execute(sa.insert(copies), rows[i : i + PAGE])
    conn.execute(sa.delete(incident_members))
    conn.execute(sa.delete(incidents))
    writer = _Writer(conn)
    stats = link_stream(
        _LightSource(conn),
        found,
        load_overrides(conn),
        emit=writer.add,
        score_blocks=score_blocks,
        link_components=link_components,
        progress=progress,
    )
    writer.flush()
    n_reports = conn.execute(sa.select(sa.func.count()).select_from(report_signatures)).scalar()
    return RelinkSummary(
        reports=int(n_reports or 0),
        mentions=stats.mentions,
        copies=len(found),
        blocks=stats.blocks,
        pairs=stats.pairs,
        components=stats.components,
        incidents=stats.incidents,
    )


def relink(conn: sa.Connection) -> list[Incident]:
    """Recompute copies and incidents over all stored mentions; return the incidents (read back
    from the store: prefer :func:`relink_all` for large stores)."""
    from reckon.store.incidents import list_incidents

    relink_all(conn)
    return list_incidents(conn)
