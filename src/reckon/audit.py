"""The audit log: every write appended with who, when, what, before and after, in a hash chain.

Library first::

    from reckon import audit

    with store.transaction() as conn:
        ...  # the write itself
        audit.append(conn, "alice", "correct", "inc-1234", before={...}, after={...})

    result = audit.verify(conn)        # .ok, .entries, .broken (the first broken entry), .reason

Each entry carries ``prev_hash`` (the hash of the entry before it; 64 zeros for the first) and
``hash`` = sha256 of the canonical JSON of its sequence number, time, actor, action, target,
before, after and prev_hash. ``before`` and ``after`` are stored as the canonical JSON text that
was hashed, so any change to a stored byte breaks the chain at that entry. ``audit_head`` keeps
the last sequence number and hash: appenders lock its row first (so concurrent writers chain one
after another, never fork), and ``verify`` compares the chain's end with it, so cutting entries
off the end is noticed too. Nothing in reckon updates or deletes an entry.

Append inside the transaction of the write it records: both commit or neither does.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from reckon.store.schema_review import audit_head, audit_log

__all__ = [
    "GENESIS",
    "Entry",
    "Verification",
    "append",
    "canonical",
    "cli_actor",
    "entries",
    "entry_hash",
    "verify",
]

GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class Entry:
    seq: int
    at: str
    actor: str
    action: str
    target: str
    before: Any
    after: Any
    prev_hash: str
    hash: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at,
            "actor": self.actor,
            "action": self.action,
            "target": self.target,
            "before": self.before,
            "after": self.after,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


@dataclass(frozen=True, slots=True)
class Verification:
    ok: bool
    entries: int
    head: str  # the hash of the last entry (GENESIS for an empty log)
    broken: int | None = None  # sequence number of the first broken entry
    reason: str = ""

    def line(self) -> str:
        if self.ok:
            return f"audit log intact: {self.entries} entries, head {self.head}"
        return f"audit log broken at entry {self.broken}: {self.reason}"


def canonical(value: Any) -> str:
    """The one JSON text of a value that is hashed and stored."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(
    seq: int, at: str, actor: str, action: str, target: str, before: str, after: str, prev: str
) -> str:
    """sha256 of an entry's fields (``before``/``after`` as their stored canonical JSON)."""
    body = canonical(
        {
            "seq": seq,
            "at": at,
            "actor": actor,
            "action": action,
            "target": target,
            "before": before,
            "after": after,
            "prev_hash": prev,
        }
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def cli_actor() -> str:
    """Who a command-line write is recorded as: ``cli:<os user>``."""
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no user name in this environment
        return "cli:unknown"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def append(
    conn: sa.Connection,
    actor: str,
    action: str,
    target: str,
    before: Any = None,
    after: Any = None,
) -> Entry:
    """Append one entry (inside the caller's transaction) and return it."""
    # lock the head row first: concurrent appenders queue here and chain in order
    conn.execute(sa.update(audit_head).where(audit_head.c.id == 1).values(seq=audit_head.c.seq + 1))
    head = conn.execute(sa.select(audit_head.c.seq, audit_head.c.hash)).one()
    seq, prev = int(head.seq), head.hash
    at = _now()
    b, a = canonical(before), canonical(after)
    h = entry_hash(seq, at, actor, action, target, b, a, prev)
    conn.execute(
        sa.insert(audit_log).values(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            target=target,
            before=b,
            after=a,
            prev_hash=prev,
            hash=h,
        )
    )
    conn.execute(sa.update(audit_head).where(audit_head.c.id == 1).values(hash=h))
    return Entry(seq, at, actor, action, target, before, after, prev, h)


def _entry(row: Any) -> Entry:
    def load(s: str) -> Any:
        try:
            return json.loads(s)
        except ValueError:
            return s

    return Entry(
        row.seq,
        row.at,
        row.actor,
        row.action,
        row.target,
        load(row.before),
        load(row.after),
        row.prev_hash,
        row.hash,
    )


def entries(
    conn: sa.Connection,
    *,
    after_seq: int | None = None,
    before_seq: int | None = None,
    limit: int | None = None,
    action: str | None = None,
    actor: str | None = None,
    target: str | None = None,
    newest_first: bool = False,
) -> list[Entry]:
    """Entries in sequence order (or newest first), optionally filtered."""
    q = sa.select(audit_log)
    if after_seq is not None:
        q = q.where(audit_log.c.seq > after_seq)
    if before_seq is not None:
        q = q.where(audit_log.c.seq < before_seq)
    if action:
        q = q.where(audit_log.c.action == action)
    if actor:
        q = q.where(audit_log.c.actor == actor)
    if target:
        q = q.where(audit_log.c.target == target)
    q = q.order_by(audit_log.c.seq.desc() if newest_first else audit_log.c.seq)
    if limit is not None:
        q = q.limit(limit)
    return [_entry(r) for r in conn.execute(q)]


def _rows(conn: sa.Connection, batch: int = 2000) -> Iterator[Any]:
    last = 0
    while True:
        rows = list(
            conn.execute(
                sa.select(audit_log)
                .where(audit_log.c.seq > last)
                .order_by(audit_log.c.seq)
                .limit(batch)
            )
        )
        if not rows:
            return
        yield from rows
        last = rows[-1].seq


def verify(conn: sa.Connection) -> Verification:
    """Walk the chain from the first entry; report the first entry that does not hold."""
    prev, expect, n = GENESIS, 1, 0
    for row in _rows(conn):
        if row.seq != expect:
            return Verification(
                False, n, prev, expect, f"entry {expect} is missing (next stored is {row.seq})"
            )
        if row.prev_hash != prev:
            return Verification(
                False, n, prev, row.seq,
                "its prev_hash does not match the hash of the entry before it",
            )  # fmt: skip
        h = entry_hash(
            row.seq, row.at, row.actor, row.action, row.target, row.before, row.after, prev
        )
        if h != row.hash:
            what = f"{row.action} of {row.target} by {row.actor} at {row.at}"
            return Verification(
                False, n, prev, row.seq, f"its contents do not match its hash ({what})"
            )
        prev, expect, n = row.hash, expect + 1, n + 1
    head = conn.execute(sa.select(audit_head.c.seq, audit_head.c.hash)).first()
    if head is not None and (head.seq != n or head.hash != prev):
        if head.seq > n:
            where, why = n + 1, f"entries {n + 1} to {head.seq} are missing from the end"
        elif head.seq < n:
            where, why = head.seq + 1, f"entries after {head.seq} were added outside reckon"
        else:
            where, why = n, "the head's hash does not match the last entry"
        return Verification(False, n, prev, where, why)
    return Verification(True, n, prev)
