"""``reckon incidents``, ``reckon incidents split|merge``, ``reckon tally``, ``reckon export``,
and :func:`render_incident` for ``reckon show inc-...``."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
import sqlalchemy as sa

from reckon.commands.options import (
    date_option,
    db_option,
    format_option,
    open_db,
    output_option,
)
from reckon.commands.tables import LEGEND, count_cell, other_counts
from reckon.export import ALL_FORMATS
from reckon.link import member_keys, report_ids
from reckon.model import Count, Incident
from reckon.tally import GROUPINGS, render_tally, tally

SUMMARY_COLUMNS = (
    "id", "event_type", "sub_event_type", "date", "location", "admin1", "country",
    "fatalities_low", "fatalities_best", "fatalities_high", "reports", "mentions", "sources",
    "independent_sources",
    "injured_low", "injured_best", "injured_high", "abducted_low", "abducted_best",
    "abducted_high", "arrested_low", "arrested_best", "arrested_high",
)  # fmt: skip


@contextmanager
def _conn(db: str | None) -> Iterator[sa.Connection]:
    store = open_db(db, create=False)
    try:
        with store.transaction() as conn:
            yield conn
    finally:
        store.close()


def _date(inc: Incident) -> str:
    if inc.date is None or not (inc.date.start or inc.date.end):
        return ""
    s, e = inc.date.start or "", inc.date.end or ""
    return s if s == e or not e else f"{s}..{e}"


def summary(inc: Incident) -> dict[str, Any]:
    """The ``reckon incidents`` row of one incident."""
    f = inc.fatalities
    loc = inc.location
    return {
        "id": inc.id,
        "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type,
        "date": _date(inc),
        "location": loc.name if loc else "",
        "admin1": (loc.admin1 if loc else None) or "",
        "country": (loc.country if loc else None) or "",
        "fatalities_low": f.low if f else None,
        "fatalities_best": f.best if f else None,
        "fatalities_high": f.high if f else None,
        "reports": report_ids(inc),
        "mentions": len(member_keys(inc)),
        "sources": inc.sources,
        "independent_sources": inc.independent_sources,
        **{
            f"{kind}_{end}": getattr(c, end) if c is not None else None
            for kind, c in (("injured", inc.injured), ("abducted", inc.abducted),
                            ("arrested", inc.arrested))
            for end in ("low", "best", "high")
        },  # fmt: skip
    }


def _cell(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, list):
        return ",".join(v)
    return str(v)


def render_incidents(incidents: list[Incident], fmt: str) -> str:
    rows = [summary(i) for i in incidents]
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=SUMMARY_COLUMNS, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in r.items()})
        return buf.getvalue()
    cols = ("id", "event_type", "date", "location", "fatalities", "other counts", "reports",
            "mentions", "src", "indep")  # fmt: skip
    table = [
        (
            r["id"],
            f"{inc.event_type} / {inc.sub_event_type}",
            r["date"] or "-",
            ", ".join(x for x in (r["location"], r["admin1"], r["country"]) if x) or "-",
            count_cell(inc.fatalities),
            other_counts(inc),
            _cell(r["reports"]),
            str(r["mentions"]),
            str(r["sources"]),
            str(r["independent_sources"]),
        )
        for r, inc in zip(rows, incidents, strict=True)
    ]
    widths = [max([len(c)] + [len(t[i]) for t in table]) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(t, widths, strict=True)).rstrip() for t in table]
    lines.append(f"{len(rows)} incident(s); fatalities shown as low/best/high ({LEGEND})")
    return "\n".join(lines) + "\n"


def _fmt_count(c: Count | None) -> str:
    if c is None:
        return "not reported"
    hi = "unbounded" if c.high is None else c.high
    lo = "unknown" if c.low is None else c.low
    return f"low {lo}, best {c.best}, high {hi}"


def _span(d: dict[str, Any] | None) -> str:
    if not d:
        return "(no span)"
    return f'"{d["text"]}" [{d["start"]}:{d["end"]}]'


def render_incident(conn: sa.Connection, incident_id: str) -> str:
    """Every field of one incident with the claims, sources, dates and spans behind it."""
    from reckon.store.incidents import LinkError, get_incident

    inc = get_incident(conn, incident_id)
    if inc is None:
        raise LinkError(f"no incident {incident_id!r} in the store")
    return render_incident_obj(inc)


def render_incident_obj(inc: Incident) -> str:
    p = inc.provenance
    reports = {r["id"]: r for r in p.get("reports", [])}
    members = p.get("members", [])
    out = [f"Incident {inc.id}"]
    out.append(f"event type: {inc.event_type} / {inc.sub_event_type}")
    for m, mem in zip(inc.mentions, members, strict=False):
        out.append(f"  - {mem['mention']}: {m.event_type} / {m.sub_event_type}")
    out.append(f"date: {_date(inc) or 'unknown'}")
    for m, mem in zip(inc.mentions, members, strict=False):
        d = m.date
        if d is not None:
            sp = (
                _span({"text": d.span.text, "start": d.span.start, "end": d.span.end})
                if d.span
                else ""
            )
            out.append(f"  - {mem['mention']}: {d.start}..{d.end} {sp}".rstrip())
        else:
            out.append(f"  - {mem['mention']}: no date (published {mem.get('published') or '?'})")
    loc = inc.location
    if loc is not None:
        coords = (
            f"{loc.lat:.4f}, {loc.lon:.4f}"
            if loc.lat is not None and loc.lon is not None
            else "not geocoded"
        )
        where = ", ".join(x for x in (loc.name, loc.admin2, loc.admin1, loc.country) if x)
        out.append(f"location: {where} ({coords}; precision {loc.precision or '?'})")
    else:
        out.append("location: unknown")
    for m, mem in zip(inc.mentions, members, strict=False):
        if m.location is not None:
            sp = m.location.span
            spd = {"text": sp.text, "start": sp.start, "end": sp.end} if sp else None
            out.append(f"  - {mem['mention']}: {m.location.name} {_span(spd)}")
    out.append("actors:")
    for a in inc.actors:
        out.append(f"  - {a.role}: {a.text} ({a.type or 'type unknown'})")
    if not inc.actors:
        out.append("  (none named)")
    copies = p.get("copies", {})
    out.append(f"sources: {inc.sources} report(s), {inc.independent_sources} independent")
    for rid, r in reports.items():
        cp = copies.get(rid)
        extra = f"; copy of {cp['copy_of']} (similarity {cp['similarity']})" if cp else ""
        out.append(
            f"  - {rid}: {r.get('source') or 'unknown outlet'}, published "
            f"{r.get('published') or 'unknown'}{extra}"
            + (f', "{r["title"]}"' if r.get("title") else "")
        )
    labels = {
        "killed": "fatalities",
        "injured": "injured",
        "abducted": "abducted",
        "arrested": "arrested",
    }
    for kind, label in labels.items():
        fig = p.get("figures", {}).get(kind)
        count = getattr(inc, label)
        if fig is None:
            if kind == "killed":
                out.append(f"{label}: not reported")
            continue
        out.append(f"{label}: {_fmt_count(count)} (rule {fig['rule']})")
        out.append(f"  rule: {fig['explanation']}")
        for c in fig["claims"]:
            status = (
                "retained"
                if c["mention"] in fig["retained"]
                else f"set aside: {fig['set_aside'].get(c['mention'], '')}"
            )
            hi = "unbounded" if c["high"] is None else c["high"]
            out.append(
                f"  - claim {c['mention']} ({c['source'] or 'unknown outlet'}, published "
                f"{c['published'] or 'unknown'}): {c['qualifier']} low {c['low']} best "
                f"{c['best']} high {hi}{' [update]' if c['update'] else ''} {_span(c['span'])}; "
                f"{status}"
            )
    out.append("link decisions:")
    for mem in members:
        e = mem.get("explanation") or {}
        if "factors" in e:
            fac = ", ".join(f"{k} {v}" for k, v in e["factors"].items())
            out.append(
                f"  - {mem['mention']}: {e.get('decision')} with {e.get('with')} "
                f"(score {e.get('total')}: {fac})"
            )
        else:
            bc = e.get("best_candidate")
            extra = f"; best candidate {bc['with']} scored {bc['total']}" if bc else ""
            out.append(
                f"  - {mem['mention']}: {e.get('decision', '?')} ({e.get('reason', '')}{extra})"
            )
    out.append("evidence:")
    for m, mem in zip(inc.mentions, members, strict=False):
        for ev in m.evidence:
            out.append(f'  - {mem["mention"]} {ev.field}: "{ev.text}" [{ev.start}:{ev.end}]')
    return "\n".join(out) + "\n"


@click.group("incidents", invoke_without_command=True)
@db_option
@format_option(
    ["table", "jsonl", "csv"],
    "table",
    "table: aligned columns for reading; jsonl: one JSON object per incident; csv: one row per "
    "incident with every count's low/best/high.",
)
@click.pass_context
def incidents_cmd(ctx: click.Context, db: str | None, fmt: str) -> None:
    """List incidents (one per happening, linked from every report that tells it)."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"db": db}
        return
    from reckon.store.incidents import ensure_linked, list_incidents

    with _conn(db) as conn:
        ensure_linked(conn)
        incs = list_incidents(conn)
    click.echo(render_incidents(incs, fmt), nl=False)


def _sub_db(ctx: click.Context, db: str | None) -> str | None:
    return db if db is not None else (ctx.obj or {}).get("db")


@incidents_cmd.command("split")
@click.argument("incident_id", metavar="INCIDENT_ID")
@click.argument("mentions", nargs=-1, required=True, metavar="MENTION...")
@db_option
@click.pass_context
def split_cmd(
    ctx: click.Context, incident_id: str, mentions: tuple[str, ...], db: str | None
) -> None:
    """Move each MENTION (a key REPORT_ID#INDEX, or a report id) out of INCIDENT_ID.

    The decision is kept and honoured whenever incidents are relinked."""
    from reckon.audit import cli_actor
    from reckon.store.review import ReviewError, split

    try:
        with _conn(_sub_db(ctx, db)) as conn:
            result = split(conn, incident_id, list(mentions), "", actor=cli_actor())
    except ReviewError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"split {incident_id} into:")
    click.echo(render_incidents(result, "table"), nl=False)


@incidents_cmd.command("merge")
@click.argument("incident_ids", nargs=-1, required=True, metavar="INCIDENT_ID...")
@db_option
@click.pass_context
def merge_cmd(ctx: click.Context, incident_ids: tuple[str, ...], db: str | None) -> None:
    """Merge the INCIDENT_IDs into one incident (kept and honoured whenever incidents are relinked)."""
    from reckon.audit import cli_actor
    from reckon.store.review import ReviewError, merge

    try:
        with _conn(_sub_db(ctx, db)) as conn:
            inc = merge(conn, list(incident_ids), "", actor=cli_actor())
    except ReviewError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"merged {', '.join(incident_ids)} into:")
    click.echo(render_incidents([inc], "table"), nl=False)


@incidents_cmd.command("relink")
@db_option
@click.pass_context
def relink_cmd(ctx: click.Context, db: str | None) -> None:
    """Recompute copies and incidents over every stored mention (keeps split/merge decisions)."""
    from reckon.store.incidents import relink_all

    with _conn(_sub_db(ctx, db)) as conn:
        done = relink_all(conn)
    click.echo(f"relinked: {done.incidents} incident(s)")


@click.command("tally")
@db_option
@click.option(
    "--by",
    type=click.Choice(GROUPINGS),
    default="admin1",
    show_default=True,
    help="Group incidents by province, country, day, ISO week, event type or actor type.",
)
@date_option("--from", "date_from", "First day counted (YYYY-MM-DD): incidents ending before it are left out.")
@date_option("--to", "date_to", "Last day counted (YYYY-MM-DD): incidents starting after it are left out.")
@format_option(
    ["table", "jsonl"],
    "table",
    "table: for reading; jsonl: one JSON object per group, then the total, then each toll.",
)
def tally_cmd(
    db: str | None, by: str, date_from: str | None, date_to: str | None, fmt: str
) -> None:
    """Sum incident fatalities (low / best / high) per group; cumulative tolls apart."""
    from reckon.store.incidents import ensure_linked, list_incidents, list_tolls

    with _conn(db) as conn:
        ensure_linked(conn)
        incs = list_incidents(conn)
        tolls = list_tolls(conn)
    try:
        t = tally(incs, tolls, by=by, date_from=date_from, date_to=date_to)
    except ValueError as e:
        raise click.ClickException(str(e)) from None
    if fmt == "jsonl":
        d = t.as_dict()
        for g in d["groups"]:
            click.echo(json.dumps({"record": "group", "by": by, **g}, ensure_ascii=False))
        click.echo(json.dumps({"record": "total", "by": by, **d["total"]}, ensure_ascii=False))
        for r in d["tolls"]:
            click.echo(json.dumps({"record": "toll", **r}, ensure_ascii=False))
    else:
        click.echo(render_tally(t), nl=False)


@click.command("export")
@db_option
@format_option(
    list(ALL_FORMATS),
    None,
    "acled-csv: ACLED's columns and codes; ucdp-csv: UCDP GED's columns, lethal organised "
    "violence only; geojson: one Point per located incident; jsonl: every incident with its "
    "claims and spans, then tolls and reactions; parquet: incidents and mentions as a dataset "
    "partitioned by year and country, in the directory -o DIR.",
)
@output_option
def export_cmd(db: str | None, fmt: str, output: str | None) -> None:
    """Export incidents as ACLED-style CSV, UCDP GED-style CSV, GeoJSON or JSONL.

    An incident the format cannot hold (ACLED: no date at all; UCDP GED: not lethal organised
    violence, or no date; GeoJSON: no coordinates) is not written: it is named on stderr with
    the reason, and the closing line says "wrote N of M incident(s)".
    """
    from reckon.export import NotWritten, run_export
    from reckon.store.incidents import (
        ensure_linked,
        list_incidents,
        list_reactions,
        list_tolls,
    )

    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet writes a directory: give it with -o DIR")
    with _conn(db) as conn:
        ensure_linked(conn)
        incs = list_incidents(conn)
        tolls = list_tolls(conn) if fmt == "jsonl" else []
        reactions = list_reactions(conn) if fmt == "jsonl" else []
    if fmt == "parquet":
        assert output is not None
        from reckon.export.parquet import write_parquet

        try:
            summary = write_parquet(incs, output)
        except OSError as e:
            raise click.ClickException(f"cannot write {output}: {e.strerror or e}") from None
        click.echo(summary.line(output), err=True)
        return

    def on_skip(nw: NotWritten) -> None:
        click.echo(f"reckon: not written to {fmt}: {nw.incident}: {nw.reason}", err=True)

    if output is None:
        summary = run_export(fmt, incs, sys.stdout, tolls, reactions, on_skip=on_skip)
        sys.stdout.flush()
    else:
        path = Path(output)
        try:
            with path.open("w", encoding="utf-8", newline="") as fh:
                summary = run_export(fmt, incs, fh, tolls, reactions, on_skip=on_skip)
        except OSError as e:
            raise click.ClickException(f"cannot write {output}: {e.strerror}") from None
    click.echo(summary.line(output), err=True)


def show_incident(store: Any, incident_id: str) -> str | None:
    """``reckon show inc-...``: the incident with its claims, or None when there is none."""
    from reckon.store.incidents import ensure_linked, get_incident

    with store.transaction() as conn:
        ensure_linked(conn)
        inc = get_incident(conn, incident_id)
    return render_incident_obj(inc).rstrip("\n") if inc is not None else None


try:  # the foundation's `reckon show` dispatches on id prefixes
    from reckon.commands.ingest import register_show
except ImportError:  # pragma: no cover - show not available in this build
    pass
else:
    register_show("inc-", show_incident)

COMMANDS = [incidents_cmd, tally_cmd, export_cmd]
