"""People's decisions about incidents: corrections, proposals, acceptance and rejection.

Every reader of incidents goes through :func:`apply_decisions` (``list_incidents`` and
``get_incident`` in ``reckon.store.incidents`` call it), so a reviewer's correction wins in the
CLI's lists, tallies and exports and in the API and web app alike, while the machine value and
the claims stay in ``provenance``:

- ``provenance["review"]``: ``status`` (unreviewed | corrected | accepted | rejected), the
  applied ``corrections`` (field, value, machine value, reason, author, time), the ``machine``
  value of each corrected field as the latest relink computed it, the latest ``decision``,
  pending ``proposals`` and ``changed_since_review`` (mentions that joined after the decision);
- a corrected count keeps its claims in ``provenance["figures"][kind]`` with ``rule``
  ``"correction"`` and the reconciled figure under ``machine``.

Decisions are anchored to the mention keys the incident had when the person decided. After a
relink, a decision applies to the incident holding most of its anchor's mentions (ties: the one
holding the first key in sorted order); so relinking, re-analysing a report or a new report
joining never loses a correction, and after a split the decision follows the larger part.
For one field, the latest applied correction wins. Rejected incidents ("no event") are left out
of lists, tallies and exports, and still shown by id.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from reckon import audit
from reckon.link import member_keys
from reckon.model import Incident
from reckon.store.review_fields import (
    COUNT_FIELDS,
    FIELDS,
    ReviewError,
    field_value,
    set_value,
    validate,
)
from reckon.store.schema_review import corrections, reviews

__all__ = [
    "COUNT_FIELDS",
    "FIELDS",
    "ReviewError",
    "accept",
    "apply_decisions",
    "correct",
    "decide_proposal",
    "field_value",
    "merge",
    "need",
    "reject",
    "reopen",
    "split",
    "validate",
]


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# -- reading decisions ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Decision:
    seq: int
    anchor: list[str]
    row: Any


_HAVE_TABLES: set[int] = set()  # engines known to have the review tables (they stay)


def _has_tables(conn: sa.Connection) -> bool:
    key = id(conn.engine)
    if key in _HAVE_TABLES:
        return True
    if sa.inspect(conn).has_table("corrections"):
        _HAVE_TABLES.add(key)
        return True
    return False


def _members_of(conn: sa.Connection, keys: Iterable[str]) -> dict[str, str]:
    from reckon.store.incidents import incident_members

    keys = sorted(set(keys))
    out: dict[str, str] = {}
    for i in range(0, len(keys), 500):
        rows = conn.execute(
            sa.select(incident_members.c.mention_key, incident_members.c.incident_id).where(
                incident_members.c.mention_key.in_(keys[i : i + 500])
            )
        )
        out.update({r.mention_key: r.incident_id for r in rows})
    return out


def _assign(anchor: Sequence[str], where: dict[str, str]) -> str | None:
    """The incident holding most of the anchor's mentions (ties: the first key's)."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, k in enumerate(sorted(anchor)):
        inc = where.get(k)
        if inc is not None:
            counts[inc] = counts.get(inc, 0) + 1
            first.setdefault(inc, i)
    if not counts:
        return None
    return min(counts, key=lambda c: (-counts[c], first[c]))


def _decisions(
    conn: sa.Connection, incidents: Sequence[Incident]
) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    """Applied/proposed corrections and reviews per current incident id (for these incidents)."""
    keys = {k for inc in incidents for k in member_keys(inc)}
    ids = {inc.id for inc in incidents}
    rows: list[tuple[str, Any]] = [("c", r) for r in conn.execute(
        sa.select(corrections).where(corrections.c.status.in_(("applied", "proposed")))
        .order_by(corrections.c.seq))]  # fmt: skip
    rows += [("r", r) for r in conn.execute(sa.select(reviews).order_by(reviews.c.seq))]
    rows = [(kind, r) for kind, r in rows if keys.intersection(r.anchor)]
    if not rows:
        return {}, {}
    where = _members_of(conn, {k for _, r in rows for k in r.anchor})
    corr: dict[str, list[Any]] = {}
    revs: dict[str, list[Any]] = {}
    for kind, r in rows:
        target = _assign(r.anchor, where)
        if target in ids:
            (corr if kind == "c" else revs).setdefault(target, []).append(r)
    return corr, revs


def apply_decisions(
    conn: sa.Connection, incidents: list[Incident], *, include_rejected: bool = True
) -> list[Incident]:
    """The incidents with people's decisions applied (see the module doc); machine values kept."""
    if not incidents or not _has_tables(conn):
        return incidents
    corr, revs = _decisions(conn, incidents)
    out = []
    for inc in incidents:
        inc = _applied(inc, corr.get(inc.id, []), revs.get(inc.id, []))
        if include_rejected or inc.provenance["review"]["status"] != "rejected":
            out.append(inc)
    return out


def _applied(inc: Incident, corrs: list[Any], revs: list[Any]) -> Incident:
    applied = [c for c in corrs if c.status == "applied"]
    proposals = [c for c in corrs if c.status == "proposed"]
    prov = dict(inc.provenance)
    review: dict[str, Any] = {"status": "unreviewed", "corrections": [], "machine": {},
                              "decision": None, "proposals": [], "changed_since_review": []}  # fmt: skip
    if applied:
        prov["figures"] = copy.deepcopy(prov.get("figures", {}))
    latest: dict[str, Any] = {}
    for c in applied:
        latest[c.field] = c  # later seq wins
        review["corrections"].append(_corr_dict(c))
    for field, c in sorted(latest.items()):
        review["machine"][field] = field_value(inc, field)
        set_value(inc, field, c.value)
        kind = COUNT_FIELDS.get(field)
        fig = prov["figures"].get(kind) if kind else None
        if kind and fig is not None:
            v = c.value or {"low": None, "best": None, "high": None}
            prov["figures"][kind] = {
                **fig, **v, "rule": "correction",
                "machine": {k: fig.get(k) for k in ("low", "best", "high", "rule")},
                "correction": {"reason": c.reason, "author": c.author, "at": c.at},
            }  # fmt: skip
    review["proposals"] = [_corr_dict(c) for c in proposals]
    decided = [r for r in revs if r.decision in ("accepted", "rejected", "reopened")]
    status = "corrected" if applied else "unreviewed"
    if decided:
        last = decided[-1]
        review["decision"] = {"decision": last.decision, "reason": last.reason,
                              "author": last.author, "at": last.at, "seq": last.seq}  # fmt: skip
        if last.decision in ("accepted", "rejected"):
            status = last.decision
            review["changed_since_review"] = sorted(set(member_keys(inc)) - set(last.anchor))
    review["status"] = status
    prov["review"] = review
    inc.provenance = prov
    return inc


def _corr_dict(c: Any) -> dict[str, Any]:
    return {"seq": c.seq, "field": c.field, "value": c.value, "machine": c.machine,
            "reason": c.reason, "author": c.author, "at": c.at, "status": c.status,
            "decided_by": c.decided_by, "decided_at": c.decided_at}  # fmt: skip


# -- need for review -----------------------------------------------------------------------------


def need(inc: Incident) -> tuple[float, list[str]]:
    """How much an incident needs a person (higher first) and why, for the review queue."""
    review = inc.provenance.get("review") or {"status": "unreviewed"}
    score, why = 0.0, []
    status = review.get("status")
    changed = review.get("changed_since_review") or []
    if status in ("accepted", "rejected") and not changed and not review.get("proposals"):
        return 0.0, [status]
    if status == "unreviewed":
        score, why = 4.0, ["not reviewed"]
    elif changed:
        score += 3.0
        why.append(f"{len(changed)} mention(s) joined since it was {status}")
    conf = max((m.confidence for m in inc.mentions), default=0.0)
    if conf < 0.7:
        score += 2.0 * (1.0 - conf)
        why.append(f"low confidence {conf:.2f}")
    fig = (inc.provenance.get("figures") or {}).get("killed") or {}
    bests = sorted({c.get("best") for c in fig.get("claims", []) if c.get("best") is not None})
    if len(bests) > 1 and fig.get("rule") != "correction":
        score += 2.0
        why.append("conflicting fatality figures " + ", ".join(str(b) for b in bests))
    loc = inc.location
    if loc is None or not loc.resolved:
        score += 1.0
        why.append("place not resolved" if loc else "no place")
    if review.get("proposals"):
        score += 2.0
        why.append(f"{len(review['proposals'])} proposed correction(s)")
    return round(score, 3), why


# -- decisions -----------------------------------------------------------------------------------


def _current(conn: sa.Connection, incident_id: str) -> Incident:
    from reckon.store.incidents import ensure_linked, get_incident

    ensure_linked(conn)
    inc = get_incident(conn, incident_id)
    if inc is None:
        raise ReviewError(f"no incident {incident_id!r} in the store")
    return inc


def _reason(reason: str | None, required: bool, what: str) -> str:
    r = " ".join((reason or "").split())
    if required and not r:
        raise ReviewError(f"{what} needs a reason")
    if len(r) > 2000:
        raise ReviewError("reason is longer than 2000 characters")
    return r


def correct(
    conn: sa.Connection, incident_id: str, field: str, value: Any, reason: str, *,
    actor: str, propose: bool = False,
) -> Incident:  # fmt: skip
    """Correct one field (a reviewer) or propose a correction (``propose=True``, a coder)."""
    value = validate(field, value)
    reason = _reason(reason, True, "a correction")
    inc = _current(conn, incident_id)
    before = field_value(inc, field)
    status = "proposed" if propose else "applied"
    conn.execute(
        sa.insert(corrections).values(
            incident_id=inc.id, anchor=member_keys(inc), field=field, value=value,
            machine=(inc.provenance.get("review") or {}).get("machine", {}).get(field, before),
            reason=reason, status=status, author=actor, at=_now(),
        )
    )  # fmt: skip
    action = "propose" if propose else "correct"
    audit.append(conn, actor, action, inc.id,
                 {"field": field, "value": before},
                 {"field": field, "value": value, "reason": reason})  # fmt: skip
    return _current(conn, inc.id)


def decide_proposal(
    conn: sa.Connection, seq: int, apply: bool, *, actor: str, reason: str = ""
) -> None:
    """Apply or dismiss a coder's proposed correction (a reviewer)."""
    row = conn.execute(sa.select(corrections).where(corrections.c.seq == seq)).first()
    if row is None or row.status != "proposed":
        raise ReviewError(f"no pending proposal {seq}")
    status = "applied" if apply else "dismissed"
    conn.execute(
        sa.update(corrections).where(corrections.c.seq == seq)
        .values(status=status, decided_by=actor, decided_at=_now())
    )  # fmt: skip
    audit.append(conn, actor, "apply_proposal" if apply else "dismiss_proposal", row.incident_id,
                 {"proposal": seq, "field": row.field, "status": "proposed"},
                 {"status": status, "value": row.value, "reason": _reason(reason, False, "")})  # fmt: skip


def _review(
    conn: sa.Connection, incident_id: str, decision: str, reason: str, actor: str
) -> Incident:
    inc = _current(conn, incident_id)
    before = (inc.provenance.get("review") or {}).get("status")
    conn.execute(
        sa.insert(reviews).values(incident_id=inc.id, anchor=member_keys(inc), decision=decision,
                                  reason=reason, author=actor, at=_now())
    )  # fmt: skip
    action = {"accepted": "accept", "rejected": "reject", "reopened": "reopen"}[decision]
    audit.append(conn, actor, action, inc.id, {"status": before},
                 {"status": decision, "reason": reason})  # fmt: skip
    return _current(conn, inc.id)


def accept(conn: sa.Connection, incident_id: str, *, actor: str, reason: str = "") -> Incident:
    """A reviewer accepts the incident as it stands (with any corrections)."""
    return _review(conn, incident_id, "accepted", _reason(reason, False, ""), actor)


def reject(conn: sa.Connection, incident_id: str, reason: str, *, actor: str) -> Incident:
    """A reviewer rejects the incident as no event: left out of lists, tallies and exports."""
    return _review(conn, incident_id, "rejected", _reason(reason, True, "rejecting"), actor)


def reopen(conn: sa.Connection, incident_id: str, reason: str, *, actor: str) -> Incident:
    """Undo an acceptance or rejection: the incident is back in the queue."""
    return _review(conn, incident_id, "reopened", _reason(reason, True, "reopening"), actor)


def split(
    conn: sa.Connection, incident_id: str, mentions: Sequence[str], reason: str, *, actor: str
) -> list[Incident]:
    """Move mentions out of an incident (kept for every later relink); audited."""
    from reckon.store.incidents import LinkError, split_incident

    reason = _reason(reason, False, "")
    before = member_keys(_current(conn, incident_id))
    try:
        parts = split_incident(conn, incident_id, list(mentions))
    except LinkError as e:
        raise ReviewError(str(e)) from None
    audit.append(conn, actor, "split", incident_id, {"members": before},
                 {"incidents": {p.id: member_keys(p) for p in parts}, "reason": reason})  # fmt: skip
    from reckon.store.incidents import get_incident

    return [i for i in (get_incident(conn, p.id) for p in parts) if i is not None]


def merge(conn: sa.Connection, incident_ids: Sequence[str], reason: str, *, actor: str) -> Incident:
    """Merge incidents into one (kept for every later relink); audited."""
    from reckon.store.incidents import LinkError, get_incident, merge_incidents

    reason = _reason(reason, False, "")
    if len(set(incident_ids)) < 2:
        raise ReviewError("merge needs at least two different incident ids")
    before = {i: member_keys(_current(conn, i)) for i in dict.fromkeys(incident_ids)}
    try:
        inc = merge_incidents(conn, list(incident_ids))
    except LinkError as e:
        raise ReviewError(str(e)) from None
    audit.append(conn, actor, "merge", ",".join(before), {"incidents": before},
                 {"incident": inc.id, "members": member_keys(inc), "reason": reason})  # fmt: skip
    got = get_incident(conn, inc.id)
    assert got is not None
    return got
