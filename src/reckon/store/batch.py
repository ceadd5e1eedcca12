"""Storing many analysed reports in one transaction (the writer of a distributed ingest).

:func:`store_batch` writes reports with what was read from them (an ``Extraction``) the way
``Store.add_report`` with the analyse hook writes one: idempotent by content hash, refusing an
id taken by other content. It checks what is already stored with one query, writes the new
reports and their mentions in one transaction, and, when a concurrent writer got there first
(an integrity error), falls back to one transaction per report. Every outcome is reported in
input order, so a caller can tell the user exactly what ``reckon ingest`` would have said.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from reckon.model import Extraction, Report
from reckon.store import _BATCH, Store, StoreConflict, StoreError, _reason, _report_row
from reckon.store.incidents import save_extraction
from reckon.store.schema import removed, reports

__all__ = ["Outcome", "existing_hashes", "store_batch"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one report: ``created``, or stored before as ``report_id``, or refused."""

    report_id: str | None
    created: bool
    error: str | None = None


def existing_hashes(conn: sa.Connection, digests: Sequence[str]) -> dict[str, str]:
    """content hash -> stored report id, for the given hashes that are stored."""
    out: dict[str, str] = {}
    ds = sorted(set(digests))
    for i in range(0, len(ds), _BATCH):
        rows = conn.execute(
            sa.select(reports.c.content_hash, reports.c.id).where(
                reports.c.content_hash.in_(ds[i : i + _BATCH])
            )
        )
        out.update({h: rid for h, rid in rows})
    return out


def _taken_ids(conn: sa.Connection, ids: Sequence[str]) -> set[str]:
    out: set[str] = set()
    ids = sorted(set(ids))
    for i in range(0, len(ids), _BATCH):
        rows = conn.execute(sa.select(reports.c.id).where(reports.c.id.in_(ids[i : i + _BATCH])))
        out.update(r for (r,) in rows)
    return out


def _insert(conn: sa.Connection, report: Report, extraction: Extraction | None) -> None:
    conn.execute(reports.insert().values(**_report_row(report)))
    if report.removed:
        conn.execute(
            removed.insert(),
            [
                {
                    "report_id": report.id,
                    "position": j,
                    "kind": r.kind,
                    "text": r.text,
                    "raw_start": r.raw_start,
                    "raw_end": r.raw_end,
                    "duplicate_of": r.duplicate_of,
                }
                for j, r in enumerate(report.removed)
            ],
        )
    if extraction is not None:
        save_extraction(conn, extraction)


def _plan(
    conn: sa.Connection, items: Sequence[tuple[Report, Extraction | None]]
) -> list[Outcome | None]:
    """Outcomes known before writing (None: to be written)."""
    known = existing_hashes(conn, [r.content_hash for r, _ in items])
    taken = _taken_ids(conn, [r.id for r, _ in items])
    out: list[Outcome | None] = []
    for r, _ in items:
        if r.content_hash in known:
            out.append(Outcome(known[r.content_hash], False))
        elif r.id in taken:
            out.append(Outcome(None, False, f"id {r.id} is already used by a different report"))
        else:
            out.append(None)
            known[r.content_hash] = r.id  # a repeat later in the batch is "already stored"
            taken.add(r.id)
    return out


def store_batch(store: Store, items: Sequence[tuple[Report, Extraction | None]]) -> list[Outcome]:
    """Store reports (with their extraction) in one transaction; one outcome per item."""
    if not items:
        return []
    try:
        with store.engine.begin() as conn:
            plan = _plan(conn, items)
            for (r, x), o in zip(items, plan, strict=True):
                if o is None:
                    _insert(conn, r, x)
            # the audit log's entries, last (the log's lock is held only from here to commit)
            for (r, _), o in zip(items, plan, strict=True):
                if o is None:
                    store.audit_ingest(conn, r)
        return [
            o if o is not None else Outcome(r.id, True)
            for (r, _), o in zip(items, plan, strict=True)
        ]
    except sa.exc.IntegrityError:
        pass  # a concurrent writer stored some of them first: one transaction per report
    except sa.exc.SQLAlchemyError as e:
        return [Outcome(None, False, f"could not store {r.id}: {_reason(e)}") for r, _ in items]
    out = []
    for r, x in items:

        def hook(_rep: Report, conn: sa.Connection, x: Extraction | None = x) -> None:
            if x is not None:
                save_extraction(conn, x)

        try:
            rid, created = store.add_report(r, analyse=hook)
            out.append(Outcome(rid, created))
        except (StoreConflict, StoreError) as e:
            out.append(Outcome(None, False, str(e)))
    return out
