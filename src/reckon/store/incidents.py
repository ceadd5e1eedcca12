"""Mentions, tolls, reactions, copies and incidents in the store (SQLAlchemy Core).

Tables live on the store's shared ``metadata``; alembic revision ``0002`` creates them. Every
function takes an open SQLAlchemy ``Connection`` and leaves transaction control to the caller
(``engine.begin()`` or the store's own session helper).

- :func:`save_extraction` stores what extraction and geocoding read from one report (replacing
  whatever was stored for that report before: saving twice changes nothing).
- :func:`relink` recomputes copies and incidents over every stored mention, deterministically
  (same stored mentions and overrides -> same incidents, same ids, same figures), honouring the
  user's split / merge decisions kept in ``link_overrides``.
- :func:`list_incidents`, :func:`get_incident`, :func:`list_tolls`, :func:`split_incident`,
  :func:`merge_incidents` read and edit the result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa

from reckon.link import (
    Copy,
    MentionRecord,
    Override,
    ReportMeta,
    detect_copies,
    incident_from_json,
    incident_to_json,
    link_records,
    mention_from_json,
    mention_to_json,
    reaction_from_json,
    reaction_to_json,
    records_from_extraction,
    signature,
    toll_from_json,
    toll_to_json,
)
from reckon.model import Extraction, Incident, Reaction, Report, Toll
from reckon.store.schema import metadata

__all__ = [
    "LinkError",
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
    "mentions",
    "merge_incidents",
    "reactions",
    "relink",
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


def _table(name: str, *cols: sa.Column[Any] | sa.Index) -> sa.Table:
    if name in metadata.tables:  # module re-import (tests) must not redefine tables
        return metadata.tables[name]
    return sa.Table(name, metadata, *cols)


report_signatures = _table(
    "report_signatures",
    sa.Column("report_id", sa.String(200), primary_key=True),
    sa.Column("published", sa.String(10)),
    sa.Column("source", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("content_hash", sa.String(64)),
    sa.Column("signature", sa.JSON, nullable=False),  # MinHash values of the cleaned text
)

mentions = _table(
    "mentions",
    sa.Column("key", sa.String(220), primary_key=True),  # report_id#index
    sa.Column("report_id", sa.String(200), nullable=False, index=True),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("event_type", sa.String(60), nullable=False),
    sa.Column("sub_event_type", sa.String(60), nullable=False),
    sa.Column("data", sa.JSON, nullable=False),  # the mention with spans and evidence
    sa.Column("updates", sa.JSON, nullable=False),  # count kind -> update wording seen
)

tolls = _table(
    "tolls",
    sa.Column("key", sa.String(220), primary_key=True),
    sa.Column("report_id", sa.String(200), nullable=False, index=True),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
)

reactions = _table(
    "reactions",
    sa.Column("key", sa.String(220), primary_key=True),
    sa.Column("report_id", sa.String(200), nullable=False, index=True),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
)

copies = _table(
    "copies",
    sa.Column("report_id", sa.String(200), primary_key=True),
    sa.Column("copy_of", sa.String(200), nullable=False, index=True),
    sa.Column("similarity", sa.Float, nullable=False),
)

incidents = _table(
    "incidents",
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("event_type", sa.String(60), nullable=False),
    sa.Column("sub_event_type", sa.String(60), nullable=False),
    sa.Column("date_start", sa.String(10)),
    sa.Column("date_end", sa.String(10)),
    sa.Column("country", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("location", sa.Text),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("fatalities_low", sa.Integer),
    sa.Column("fatalities_best", sa.Integer),
    sa.Column("fatalities_high", sa.Integer),
    sa.Column("sources", sa.Integer, nullable=False),
    sa.Column("independent_sources", sa.Integer, nullable=False),
    sa.Column("rule", sa.String(40), nullable=False),
    sa.Column("data", sa.JSON, nullable=False),  # full incident with provenance
)

incident_members = _table(
    "incident_members",
    sa.Column("mention_key", sa.String(220), primary_key=True),
    sa.Column("incident_id", sa.String(40), nullable=False, index=True),
    sa.Column("report_id", sa.String(200), nullable=False, index=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("explanation", sa.JSON, nullable=False),  # link scores and decision
)

link_overrides = _table(
    "link_overrides",
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(10), nullable=False),  # split | merge
    sa.Column("incident_id", sa.Text),  # as it was when the user decided
    sa.Column("groups", sa.JSON, nullable=False),  # lists of mention keys
)

TABLES = (
    report_signatures,
    mentions,
    tolls,
    reactions,
    copies,
    incidents,
    incident_members,
    link_overrides,
)


def create_tables(conn: sa.Connection) -> None:
    """Create this module's tables directly (tests, or a store opened without migrations)."""
    metadata.create_all(conn, tables=list(TABLES))


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


def _load_reports(conn: sa.Connection) -> dict[str, tuple[ReportMeta, list[int]]]:
    out = {}
    for row in conn.execute(sa.select(report_signatures).order_by(report_signatures.c.report_id)):
        meta = ReportMeta(
            row.report_id, row.published, row.source, row.title, row.url, row.content_hash or ""
        )
        out[row.report_id] = (meta, list(row.signature))
    return out


def _load_records(
    conn: sa.Connection, reports: dict[str, tuple[ReportMeta, list[int]]]
) -> list[MentionRecord]:
    recs = []
    for row in conn.execute(sa.select(mentions).order_by(mentions.c.key)):
        meta = reports.get(row.report_id, (ReportMeta(row.report_id), []))[0]
        recs.append(
            MentionRecord(
                row.key,
                meta,
                row.idx,
                mention_from_json(row.data),
                dict(row.updates),
                frozenset(row.data.get("context", [])),
            )
        )
    return recs


def load_overrides(conn: sa.Connection) -> list[Override]:
    out = []
    for row in conn.execute(sa.select(link_overrides).order_by(link_overrides.c.seq)):
        out.append(Override(row.kind, tuple(tuple(g) for g in row.groups)))
    return out


def relink(conn: sa.Connection) -> list[Incident]:
    """Recompute copies and incidents over all stored mentions; return the incidents."""
    reports = _load_reports(conn)
    found: dict[str, Copy] = detect_copies(reports.values())
    recs = _load_records(conn, reports)
    result = link_records(recs, found, load_overrides(conn))
    conn.execute(sa.delete(copies))
    if found:
        conn.execute(
            sa.insert(copies),
            [
                {"report_id": c.report_id, "copy_of": c.copy_of, "similarity": c.similarity}
                for c in sorted(found.values(), key=lambda c: c.report_id)
            ],
        )
    conn.execute(sa.delete(incident_members))
    conn.execute(sa.delete(incidents))
    inc_rows, mem_rows = [], []
    for inc in result:
        loc = inc.location
        fat = inc.fatalities
        inc_rows.append(
            {
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
        )
        for pos, m in enumerate(inc.provenance.get("members", [])):
            mem_rows.append(
                {
                    "mention_key": m["mention"],
                    "incident_id": inc.id,
                    "report_id": m["report_id"],
                    "position": pos,
                    "explanation": m.get("explanation", {}),
                }
            )
    if inc_rows:
        conn.execute(sa.insert(incidents), inc_rows)
    if mem_rows:
        conn.execute(sa.insert(incident_members), mem_rows)
    return result


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
        relink(conn)
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
    relink(conn)
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
    relink(conn)
    inc = incident_of(conn, groups[0][0])
    assert inc is not None
    return inc


def incident_of(conn: sa.Connection, key: str) -> Incident | None:
    row = conn.execute(
        sa.select(incident_members.c.incident_id).where(incident_members.c.mention_key == key)
    ).first()
    return get_incident(conn, row.incident_id) if row else None


def analyse_and_store(
    report: Report,
    conn: sa.Connection,
    *,
    extract: Callable[[Report], Extraction] | None = None,
    geocode: Callable[[Extraction], Extraction] | None = None,
    relink_now: bool = True,
) -> Extraction:
    """The ingest hook: extract -> geocode -> save_extraction -> relink, for one stored report.

    ``extract`` and ``geocode`` default to the pipeline's own stages. A report longer than
    ``MAX_ANALYSE_CHARS``, or one the analysis fails on, is kept with an empty extraction (and a
    logged warning) rather than lost. For large batches pass
    ``relink_now=False`` (e.g. via ``functools.partial``) and call :func:`relink` once at the end:
    the read commands also relink lazily (:func:`ensure_linked`) when mentions and incidents
    disagree, so an interrupted batch heals on the next read.
    """
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
    else:
        try:
            extraction = geocode(extract(report))
        except Exception as e:  # a report must never be lost because analysis failed on it
            extraction = Extraction(report, notes=[f"not analysed: {type(e).__name__}: {e}"])
            log.warning("report %s not analysed: %s: %s", report.id, type(e).__name__, e)
    save_extraction(conn, extraction)
    if relink_now:
        relink(conn)
    return extraction
