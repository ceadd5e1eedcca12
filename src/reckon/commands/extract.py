"""``reckon extract PATH...``: run ingest -> clean -> extract -> geocode without storing.

With ``--format jsonl`` it prints one JSON object per input report, in input order
(:meth:`reckon.model.Extraction.as_dict`); ``--format table`` prints a short readable summary.
Progress goes to stderr (:mod:`reckon.progress`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator

import click

from reckon.commands.options import format_option, published_option, quiet_option, source_option
from reckon.commands.tables import COUNT_KINDS, LEGEND, count_short
from reckon.model import Extraction, Report
from reckon.progress import progress

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


def _table(x: Extraction) -> str:
    lines = [f"# {x.report.id}  {x.report.title or ''}".rstrip()]
    for m in x.incidents:
        place = m.location.name if m.location else "?"
        when = ""
        if m.date and m.date.start:
            when = m.date.start if m.date.start == m.date.end else f"{m.date.start}..{m.date.end}"
        counts = "  ".join(
            f"{label}={count_short(getattr(m, attr))}"
            for attr, label in COUNT_KINDS
            if attr == "fatalities" or getattr(m, attr) is not None
        )
        lines.append(
            f"  incident  {m.event_type} / {m.sub_event_type} @ {place} {when}  "
            f"{counts}  conf={m.confidence:.2f}"
        )
    for t in x.tolls:
        lines.append(
            f"  toll      {t.kind} {count_short(t.count)} ({t.scope}) {t.area or ''}".rstrip()
        )
    for r in x.reactions:
        lines.append(f"  reaction  {r.kind}: {r.actor or '?'}")
    for n in x.notes:
        lines.append(f"  note      {n}")
    if x.incidents or x.tolls:
        lines.append(f"  (counts: best (low..high); {LEGEND})")
    return "\n".join(lines)


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@published_option
@source_option
@format_option(
    ["jsonl", "table"],
    "jsonl",
    "jsonl: one JSON object per report with every incident, toll, reaction and place and the "
    "text spans behind them (see README, Output formats); table: a readable summary.",
)
@quiet_option
def extract_cmd(
    paths: tuple[str, ...], published: str | None, source: str | None, fmt: str, quiet: bool
) -> None:
    """Read reports from PATH... (files, directories, JSONL, - for stdin) and print what they say.

    Runs clean -> extract -> geocode without storing anything. Progress goes to stderr.
    """
    from reckon.ingest import read_paths
    from reckon.ingest.report import IngestError

    failures = 0

    with progress(unit="reports", label="extract", enabled=False if quiet else None) as bar:

        def reports() -> Iterator[Report]:
            nonlocal failures
            for item in read_paths(list(paths), published=published, source=source):
                if isinstance(item, IngestError):
                    failures += 1
                    bar.echo(f"reckon: rejected {item.origin}: {item.reason}", err=True)
                    continue
                yield item

        for x in run(reports()):
            if fmt == "jsonl":
                line = json.dumps(x.as_dict(), ensure_ascii=False, sort_keys=False)
            else:
                line = _table(x)
            bar.echo(line)
            bar.advance()
    sys.stdout.flush()
    if failures:
        raise SystemExit(1)


COMMANDS = [extract_cmd]
