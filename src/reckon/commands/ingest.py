"""Commands over reports: ``ingest``, ``reports``, ``show``, ``raw`` and ``demo``.

``show`` dispatches on the id: ``register_show(prefix, handler)`` lets a later stage show its
own records (e.g. ``"inc-"`` for incidents); anything else is looked up as a report.
"""

from __future__ import annotations

import functools
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import click

from reckon.commands.options import (
    db_option,
    format_option,
    open_db,
    published_option,
    quiet_option,
    source_option,
    url_option,
)
from reckon.ingest import DEFAULT_MAX_BYTES, IngestError, read_paths
from reckon.ingest.batch import ingest_examples, ingest_items
from reckon.ingest.present import format_report, report_record, report_summary
from reckon.model import Report
from reckon.progress import progress
from reckon.store import Analyse, Store

__all__ = ["COMMANDS", "SHOW_HANDLERS", "db_option", "open_db", "register_show", "show_text"]

def _analyse_hook() -> Analyse:
    """extract -> geocode -> save mentions, in the report's own transaction; relink later."""
    from reckon.store.incidents import analyse_and_store

    return functools.partial(analyse_and_store, relink_now=False)


def _relink(store: Store) -> None:
    from reckon.store.incidents import relink_all

    with store.transaction() as conn:
        relink_all(conn)


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@published_option
@source_option
@url_option
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    metavar="N",
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Largest accepted report: a whole text/HTML/feed file, or one JSONL line.",
)
@click.option(
    "--analyse/--no-analyse",
    default=True,
    show_default=True,
    help="Run extract -> geocode -> link on each stored report (off: store reports only).",
)
@click.option(
    "--engine",
    type=click.Choice(["serial", "dask"]),
    default="serial",
    show_default=True,
    help="serial: this process, report by report; dask: a Dask cluster reads and analyses the "
    "inputs in partitions (--workers N starts one here, --scheduler joins a running one).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    metavar="N",
    default=None,
    help="With --engine dask: start a local cluster of N worker processes (default: one a core).",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    default=None,
    help="With --engine dask: join the Dask scheduler at this address; the store must then be "
    "PostgreSQL, which every worker writes to.",
)
@quiet_option
def ingest_cmd(
    paths: tuple[str, ...],
    db: str | None,
    published: str | None,
    source: str | None,
    url: str | None,
    max_bytes: int,
    analyse: bool,
    engine: str,
    workers: int | None,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Read, clean and store reports from files, directories or - (stdin).

    Text, HTML, JSONL (id, text, title, published, source, url), JSON and RSS/Atom files;
    directories are read recursively in sorted order. Each report is extracted, geocoded and
    stored with its mentions, tolls and reactions in one transaction; incidents are relinked
    once at the end of the batch. Prints one line per report, one line on stderr per rejected
    input, and a summary; exits 1 when anything was rejected. Progress goes to stderr.
    """
    if engine != "dask" and (workers or scheduler):
        raise click.UsageError("--workers and --scheduler go with --engine dask")
    if workers and scheduler:
        raise click.UsageError("--workers starts a cluster, --scheduler joins one: give one")
    store = open_db(db)
    hook = _analyse_hook() if analyse else None

    with progress(unit="reports", label="ingest", enabled=False if quiet else None) as bar:

        def on_event(kind: str, item: Report | IngestError, rid: str | None) -> None:
            if isinstance(item, IngestError):
                bar.echo(f"reckon: rejected {item.origin}: {item.reason}", err=True)
            elif kind == "stored":
                bar.echo(f"stored {rid} {item.title or '(no title)'}")
            else:
                same = "" if rid == item.id else f" (same content as {rid})"
                bar.echo(f"already stored {rid} {item.origin or item.id}: nothing added{same}")
            bar.advance()

        try:
            if engine == "dask":
                summary = _dask(store, paths, published, source, url, max_bytes, analyse,
                                workers, scheduler, on_event, bar)  # fmt: skip
            else:
                items = read_paths(
                    paths, published=published, source=source, url=url, max_bytes=max_bytes
                )
                summary = ingest_items(store, items, analyse=hook, on_event=on_event)
                if hook is not None and summary.stored:
                    bar.note("linking incidents")
                    _relink(store)
        finally:
            store.close()
    click.echo(summary.line())
    if summary.rejected:
        raise SystemExit(1)


def _dask(store: Store, paths: tuple[str, ...], published: str | None, source: str | None,
          url: str | None, max_bytes: int, analyse: bool, workers: int | None,
          scheduler: str | None, on_event: Callable[..., None], bar: object):  # fmt: skip
    """``--engine dask``: see :mod:`reckon.scale`."""
    from reckon.scale import ClusterError, Options, run_dask_ingest

    opts = Options(published, source, url, max_bytes)
    try:
        return run_dask_ingest(store, paths, opts, workers=workers, scheduler=scheduler,
                               analyse=analyse, on_event=on_event, bar=bar)  # fmt: skip
    except ClusterError as e:
        raise click.ClickException(str(e)) from None


@click.command("reports")
@db_option
@format_option(
    ["table", "jsonl"],
    "table",
    "table: id, publication date, paragraphs kept, lines removed, title; jsonl: one JSON object "
    "per report with its metadata, cleaned text and what cleaning removed.",
)
def reports_cmd(db: str | None, fmt: str) -> None:
    """List stored reports in the order they were stored."""
    store = open_db(db, create=False)
    try:
        if fmt == "table":
            click.echo(f"{'id':<20} {'published':<10} {'paras':>5} {'rm':>3}  title")
        for r in store.iter_reports(raw=False):
            rec = report_record(r)
            if fmt == "jsonl":
                click.echo(json.dumps(rec, ensure_ascii=False))
            else:
                rm = sum(rec["removed"].values())
                click.echo(
                    f"{r.id:<20} {r.published or '-':<10} {rec['paragraphs']:>5} {rm:>3}  "
                    f"{r.title or '(no title)'}"
                )
    finally:
        store.close()


ShowHandler = Callable[[Store, str], "str | None"]
SHOW_HANDLERS: list[tuple[str, ShowHandler]] = []


def register_show(prefix: str, handler: ShowHandler) -> None:
    """Let ``reckon show ID`` show ids starting with ``prefix`` via ``handler(store, id)``.

    The handler returns the text to print, or None when nothing has that id. The longest
    matching prefix wins; for the same prefix, the latest registration.
    """
    SHOW_HANDLERS.append((prefix, handler))


def _show_report(store: Store, report_id: str) -> str | None:
    report = store.get_report(report_id)
    return format_report(report) if report is not None else None


def show_text(store: Store, item_id: str) -> str | None:
    """What ``reckon show`` prints for ``item_id``, or None when nothing has that id."""
    # longest prefix first; among equal prefixes the latest registration wins
    for prefix, handler in sorted(reversed(SHOW_HANDLERS), key=lambda ph: -len(ph[0])):
        if item_id.startswith(prefix):
            return handler(store, item_id)
    return _show_report(store, item_id)


@click.command("show")
@click.argument("item_id", metavar="ID")
@db_option
def show_cmd(item_id: str, db: str | None) -> None:
    """Show a stored report or incident by its id.

    A report: metadata, cleaned text and what cleaning removed. An incident (inc-...): its
    fields, each figure with the claims, sources, dates and spans behind it.
    """
    store = open_db(db, create=False)
    try:
        text = show_text(store, item_id)
    finally:
        store.close()
    if text is None:
        raise click.ClickException(f"nothing with id {item_id} in {store.display_url}")
    click.echo(text)


@click.command("raw")
@click.argument("report_id", metavar="REPORT_ID")
@db_option
def raw_cmd(report_id: str, db: str | None) -> None:
    """Write a report's raw bytes, exactly as received, to stdout."""
    store = open_db(db, create=False)
    try:
        raw = store.get_raw(report_id)
    finally:
        store.close()
    if raw is None:
        raise click.ClickException(f"no report {report_id} in {store.display_url}")
    sys.stdout.flush()
    sys.stdout.buffer.write(raw)
    sys.stdout.buffer.flush()


def demo_summary(reports: list[Report]) -> str:
    """The demo's printout: one block per report (title, date, paragraphs kept, repeats removed)."""
    n = len(reports)
    head = f"reckon demo: {n} example report{'' if n == 1 else 's'}"
    return "\n\n".join([head, *(report_summary(r) for r in reports)])


@click.command("demo")
@db_option
def demo_cmd(db: str | None) -> None:
    """Run the whole pipeline on the bundled example reports and print what it found.

    Ingests examples/ (into a temporary database unless --db), extracting, geocoding and
    linking each report, then prints per report what cleaning did, the incidents, and the
    tally by admin1 with cumulative tolls kept apart.
    """
    try:
        if db is not None:
            with open_db(db) as store:
                text = _demo(store)
        else:
            with tempfile.TemporaryDirectory(prefix="reckon-demo-") as tmp:
                with open_db(str(Path(tmp) / "demo.db")) as store:
                    text = _demo(store)
    except FileNotFoundError as e:
        raise click.ClickException(str(e)) from None
    click.echo(text, nl=False)


def _demo(store: Store) -> str:
    from reckon.commands.link import render_incidents
    from reckon.store.incidents import list_incidents, list_tolls, relink
    from reckon.tally import render_tally, tally

    reports, summary = ingest_examples(store, analyse=_analyse_hook())
    for err in summary.rejected:
        click.echo(f"reckon: rejected {err.origin}: {err.reason}", err=True)
    with store.transaction() as conn:
        relink(conn)
        incidents = list_incidents(conn)
        tolls = list_tolls(conn)
    parts = [
        demo_summary(reports),
        "",
        "Incidents (linked across reports):",
        render_incidents(incidents, "table"),
        render_tally(tally(incidents, tolls, by="admin1")),
    ]
    return "\n".join(parts)


COMMANDS = [ingest_cmd, reports_cmd, show_cmd, raw_cmd, demo_cmd]
