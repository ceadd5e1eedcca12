"""``reckon extract PATH...``: run ingest -> clean -> extract -> geocode without storing.

With ``--format jsonl`` it prints one JSON object per input report, in input order
(:meth:`reckon.model.Extraction.as_dict`); ``--format table`` prints a short readable summary.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator

import click

from reckon.model import Count, Extraction, Report

_BATCH = 32


def _geocoder() -> Callable[[Extraction], Extraction] | None:
    """The geocoding stage, when the package ships it (it may land after extraction)."""
    try:
        from reckon.geocode import geocode
    except ImportError:
        return None
    return geocode


def run(reports: Iterable[Report]) -> Iterator[Extraction]:
    """Extract (and geocode) reports in input order, batching spaCy."""
    from reckon.extract import extract_many

    geocode = _geocoder()
    batch: list[Report] = []

    def flush() -> Iterator[Extraction]:
        for x in extract_many(batch):
            yield geocode(x) if geocode is not None else x
        batch.clear()

    for r in reports:
        batch.append(r)
        if len(batch) >= _BATCH:
            yield from flush()
    if batch:
        yield from flush()


def _fmt_count(c: Count | None) -> str:
    if c is None:
        return "-"
    if c.low == c.best == c.high:
        return str(c.best)
    lo = "" if c.low is None else str(c.low)
    hi = "" if c.high is None else str(c.high)
    return f"{c.best} [{lo}..{hi}]"


def _table(x: Extraction) -> str:
    lines = [f"# {x.report.id}  {x.report.title or ''}".rstrip()]
    for m in x.incidents:
        place = m.location.name if m.location else "?"
        when = ""
        if m.date and m.date.start:
            when = m.date.start if m.date.start == m.date.end else f"{m.date.start}..{m.date.end}"
        lines.append(
            f"  incident  {m.event_type} / {m.sub_event_type} @ {place} {when}  "
            f"killed={_fmt_count(m.fatalities)} injured={_fmt_count(m.injured)} "
            f"conf={m.confidence:.2f}"
        )
    for t in x.tolls:
        lines.append(
            f"  toll      {t.kind} {_fmt_count(t.count)} ({t.scope}) {t.area or ''}".rstrip()
        )
    for r in x.reactions:
        lines.append(f"  reaction  {r.kind}: {r.actor or '?'}")
    for n in x.notes:
        lines.append(f"  note      {n}")
    return "\n".join(lines)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--published", default=None, help="Publication date (YYYY-MM-DD) for inputs without one."
)
@click.option("--source", default=None, help="Source name for inputs without one.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one Extraction.as_dict() per report; table: a readable summary.",
)
def extract_cmd(
    paths: tuple[str, ...], published: str | None, source: str | None, fmt: str
) -> None:
    """Read reports from PATHS (files, directories, JSONL, '-' for stdin) and print what they say."""
    from reckon.ingest import read_paths
    from reckon.ingest.report import IngestError, parse_published

    try:
        published = parse_published(published)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from exc

    failures = 0

    def reports() -> Iterator[Report]:
        nonlocal failures
        for item in read_paths(list(paths), published=published, source=source):
            if isinstance(item, IngestError):
                failures += 1
                click.echo(f"reckon extract: {item}", err=True)
                continue
            yield item

    out = sys.stdout
    for x in run(reports()):
        if fmt == "jsonl":
            out.write(json.dumps(x.as_dict(), ensure_ascii=False, sort_keys=False) + "\n")
        else:
            out.write(_table(x) + "\n")
    out.flush()
    if failures:
        raise SystemExit(1)


COMMANDS = [extract_cmd]
