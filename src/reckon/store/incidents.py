"""Mentions, tolls, reactions, copies and incidents in the store (SQLAlchemy Core).

Tables live on the store's shared ``metadata``; alembic revision ``0002`` creates them. Every
function takes an open SQLAlchemy ``Connection`` and leaves transaction control to the caller
(``engine.begin()`` or the store's own session helper).

- :func:`save_extraction` stores what extraction and geocoding read from one report (replacing
  whatever was stored for that report before: saving twice changes nothing).
- :func:`relink` / :func:`relink_all` recompute copies and incidents over every stored mention,
  deterministically (same stored mentions and overrides -> same incidents, same ids, same
  figures), honouring the user's split / merge decisions kept in ``link_overrides``, in bounded
  memory (:mod:`reckon.store.relink`).
- :func:`list_incidents`, :func:`get_incident`, :func:`list_tolls`, :func:`split_incident`,
  :func:`merge_incidents` read and edit the result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import sqlalchemy as sa

from reckon.link import (
    ReportMeta,
    incident_from_json,
    mention_to_json,
    reaction_from_json,
    reaction_to_json,
    records_from_extraction,
    signature,
    toll_from_json,
    toll_to_json,
)
from reckon.model import Extraction, Incident, Reaction, Report, Toll
from reckon.store.link_tables import (
    TABLES,
    copies,
    create_tables,
    incident_members,
    incidents,
    link_overrides,
    load_overrides,
    mentions,
    reactions,
    report_signatures,
    tolls,
)

__all__ = [
    "TABLES",
    "LinkError",
    "analyse",
    "analyse_and_store",
    "copies",
    "create_tables",
    "ensure_linked",
    "get_incident",
    "incident_members",
    "incidents",
    "link_overrides",
    "list_incidents",
    "list_reactions",
    "list_tolls",
    "load_overrides",
    "mentions",
    "merge_incidents",
    "reactions",
    "relink",
    "relink_all",
    "RelinkSummary",
    "report_signatures",
    "save_extraction",
    "split_incident",
    "tolls",
]


log = logging.getLogger(__name__)

# Longer reports are stored without extraction (spaCy's own default limit is 1,000,000).
MAX_ANALYSE_CHARS = 1_000_000


class LinkError(ValueError):
    """A user request about incidents that cannot be carried out (unknown id, bad split...)."""


def _delete_report(conn: sa.Connection, report_id: str) -> None:
    for t in (mentions, tolls, reactions):
        conn.execute(sa.delete(t).where(t.c.report_id == report_id))
    conn.execute(sa.delete(report_signatures).where(report_signatures.c.report_id == report_id))


def save_extraction(conn: sa.Connection, extraction: Extraction) -> None:
    """Store one report's mentions, tolls and reactions (replacing any earlier ones)."""
    r = extraction.report
    _delete_report(conn, r.id)
    meta = ReportMeta.of(r)
    conn.execute(
        sa.insert(report_signatures).values(
            report_id=r.id,
            published=meta.published,
            source=meta.source,
            title=meta.title,
            url=meta.url,
            content_hash=meta.content_hash,
            signature=signature(r.text or ""),
        )
    )
    recs = records_from_extraction(extraction)
    if recs:
        conn.execute(
            sa.insert(mentions),
            [
                {
                    "key": rec.key,
                    "report_id": r.id,
                    "idx": rec.index,
                    "event_type": rec.mention.event_type,
                    "sub_event_type": rec.mention.sub_event_type,
                    "data": {**mention_to_json(rec.mention), "context": sorted(rec.context)},
                    "updates": rec.updates,
                }
                for rec in recs
            ],
        )
    rows = [
        {"key": f"{r.id}#{i}", "report_id": r.id, "idx": i, "data": toll_to_json(t)}
        for i, t in enumerate(extraction.tolls)
    ]
    for row in rows:
        row["data"]["report_id"] = r.id
    if rows:
        conn.execute(sa.insert(tolls), rows)
    rows = [
        {"key": f"{r.id}#{i}", "report_id": r.id, "idx": i, "data": reaction_to_json(x)}
        for i, x in enumerate(extraction.reactions)
    ]
    for row in rows:
        row["data"]["report_id"] = r.id
    if rows:
        conn.execute(sa.insert(reactions), rows)


def needs_relink(conn: sa.Connection) -> bool:
    """Whether some stored mention belongs to no incident (saved without relinking since)."""
    q = (
        sa.select(mentions.c.key)
        .select_from(
            mentions.outerjoin(incident_members, mentions.c.key == incident_members.c.mention_key)
        )
        .where(incident_members.c.mention_key.is_(None))
        .limit(1)
    )
    if conn.execute(q).first() is not None:
        return True
    q = (
        sa.select(incident_members.c.mention_key)
        .select_from(
            incident_members.outerjoin(mentions, mentions.c.key == incident_members.c.mention_key)
        )
        .where(mentions.c.key.is_(None))
        .limit(1)
    )
    return conn.execute(q).first() is not None


def ensure_linked(conn: sa.Connection) -> bool:
    """Relink when stored mentions and incidents disagree (e.g. a batch saved with
    ``relink_now=False``, or interrupted before its final relink). Returns whether it relinked."""
    if needs_relink(conn):
        relink_all(conn)
        return True
    return False


def list_incidents(
    conn: sa.Connection,
    date_from: str | None = None,
    date_to: str | None = None,
    *,
    include_rejected: bool = False,
) -> list[Incident]:
    """Stored incidents with people's corrections applied (``reckon.store.review``), ordered by
    date then id, optionally those overlapping [from, to]; incidents rejected as no event are
    left out unless ``include_rejected``."""
    from reckon.store.review import apply_decisions

    q = sa.select(incidents.c.data).order_by(
        sa.func.coalesce(incidents.c.date_start, ""), incidents.c.id
    )
    found = [incident_from_json(row.data) for row in conn.execute(q)]
    found = apply_decisions(conn, found, include_rejected=include_rejected)
    if date_from or date_to:  # on the corrected dates
        found = [
            i
            for i in found
            if (not date_from or i.date is None or i.date.end is None or i.date.end >= date_from)
            and (not date_to or i.date is None or i.date.start is None or i.date.start <= date_to)
        ]
    return sorted(found, key=lambda i: ((i.date.start or "") if i.date else "", i.id))


def get_incident(conn: sa.Connection, incident_id: str) -> Incident | None:
    """One incident with people's corrections applied (also when rejected as no event)."""
    from reckon.store.review import apply_decisions

    row = conn.execute(sa.select(incidents.c.data).where(incidents.c.id == incident_id)).first()
    return apply_decisions(conn, [incident_from_json(row.data)])[0] if row else None


def list_tolls(conn: sa.Connection) -> list[Toll]:
    return [
        toll_from_json(row.data)
        for row in conn.execute(sa.select(tolls.c.data).order_by(tolls.c.key))
    ]


def list_reactions(conn: sa.Connection) -> list[Reaction]:
    return [
        reaction_from_json(row.data)
        for row in conn.execute(sa.select(reactions.c.data).order_by(reactions.c.key))
    ]


def _members(conn: sa.Connection, incident_id: str) -> list[str]:
    rows = conn.execute(
        sa.select(incident_members.c.mention_key)
        .where(incident_members.c.incident_id == incident_id)
        .order_by(incident_members.c.position)
    )
    keys = [r.mention_key for r in rows]
    if not keys:
        raise LinkError(f"no incident {incident_id!r} in the store")
    return keys


def split_incident(
    conn: sa.Connection, incident_id: str, mention_keys: Sequence[str]
) -> list[Incident]:
    """Move the given mentions (keys ``report_id#index``, or report ids) out of an incident.

    The decision is stored and honoured by every later relink. Returns the new incidents.
    """
    ensure_linked(conn)
    keys = _members(conn, incident_id)
    moved: list[str] = []
    for m in mention_keys:
        hit = [k for k in keys if k == m or k.rsplit("#", 1)[0] == m]
        if not hit:
            raise LinkError(f"{m!r} is not a mention of {incident_id} (members: {', '.join(keys)})")
        moved.extend(h for h in hit if h not in moved)
    rest = [k for k in keys if k not in moved]
    if not rest:
        raise LinkError(f"splitting every mention out of {incident_id} would leave it empty")
    conn.execute(
        sa.insert(link_overrides).values(
            kind="split", incident_id=incident_id, groups=[sorted(moved), sorted(rest)]
        )
    )
    relink_all(conn)
    return [i for i in (incident_of(conn, moved[0]), incident_of(conn, rest[0])) if i is not None]


def merge_incidents(conn: sa.Connection, incident_ids: Sequence[str]) -> Incident:
    """Merge incidents into one (a decision honoured by every later relink)."""
    if len(set(incident_ids)) < 2:
        raise LinkError("merge needs at least two different incident ids")
    ensure_linked(conn)
    groups = [_members(conn, i) for i in dict.fromkeys(incident_ids)]
    conn.execute(
        sa.insert(link_overrides).values(
            kind="merge", incident_id=",".join(dict.fromkeys(incident_ids)), groups=groups
        )
    )
    relink_all(conn)
    inc = incident_of(conn, groups[0][0])
    assert inc is not None
    return inc


def incident_of(conn: sa.Connection, key: str) -> Incident | None:
    row = conn.execute(
        sa.select(incident_members.c.incident_id).where(incident_members.c.mention_key == key)
    ).first()
    return get_incident(conn, row.incident_id) if row else None


def analyse(
    report: Report,
    *,
    extract: Callable[[Report], Extraction] | None = None,
    geocode: Callable[[Extraction], Extraction] | None = None,
) -> Extraction:
    """extract -> geocode for one report, never raising: a report longer than
    ``MAX_ANALYSE_CHARS``, or one the analysis fails on, gets an empty extraction (and a logged
    warning) so that it is kept rather than lost."""
    if extract is None:
        from reckon.extract import extract as extract_fn

        extract = extract_fn
    if geocode is None:
        from reckon.geocode import geocode as geocode_fn

        geocode = geocode_fn
    if len(report.text or "") > MAX_ANALYSE_CHARS:
        extraction = Extraction(
            report,
            notes=[f"not analysed: {len(report.text)} characters (limit {MAX_ANALYSE_CHARS})"],
        )
        log.warning("report %s not analysed: %s", report.id, extraction.notes[0])
        return extraction
    try:
        return geocode(extract(report))
    except Exception as e:  # a report must never be lost because analysis failed on it
        log.warning("report %s not analysed: %s: %s", report.id, type(e).__name__, e)
        return Extraction(report, notes=[f"not analysed: {type(e).__name__}: {e}"])


def analyse_and_store(
    report: Report,
    conn: sa.Connection,
    *,
    extract: Callable[[Report], Extraction] | None = None,
    geocode: Callable[[Extraction], Extraction] | None = None,
    relink_now: bool = True,
) -> Extraction:
    """The ingest hook: extract -> geocode -> save_extraction -> relink, for one stored report.

    ``extract`` and ``geocode`` default to the pipeline's own stages (see :func:`analyse`). For
    large batches pass ``relink_now=False`` (e.g. via ``functools.partial``) and call
    :func:`relink_all` once at the end: the read commands also relink lazily
    (:func:`ensure_linked`) when mentions and incidents disagree, so an interrupted batch heals
    on the next read.
    """
    extraction = analyse(report, extract=extract, geocode=geocode)
    save_extraction(conn, extraction)
    if relink_now:
        relink_all(conn)
    return extraction


# relinking lives in its own module, which reads this one's tables
from reckon.store.relink import RelinkSummary, relink, relink_all  # noqa: E402
