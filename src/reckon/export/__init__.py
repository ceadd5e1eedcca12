"""Exporters: ACLED-style CSV, UCDP GED-style CSV, GeoJSON and JSONL (pure writers over text
streams; the command line hands them incidents read from the store).

Nothing is dropped silently: :func:`run_export` returns an :class:`ExportSummary` in which every
incident is either written or named in ``not_written`` with the reason the format cannot hold
it (ACLED: no date at all; UCDP GED: not organised violence, no death, no date; GeoJSON: no
coordinates). JSONL holds every incident. :func:`export` is the same, returning only the number
of records written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

from reckon.export.common import ExportSummary, NotWritten
from reckon.model import Incident, Reaction, Toll

__all__ = ["ALL_FORMATS", "DIRECTORY_FORMATS", "FORMATS", "ExportSummary", "NotWritten", "export", "run_export"]

FORMATS = ("acled-csv", "ucdp-csv", "geojson", "jsonl")  # written to a text stream
DIRECTORY_FORMATS = ("parquet",)  # written to a directory (reckon.export.parquet.write_parquet)
ALL_FORMATS = FORMATS + DIRECTORY_FORMATS

T = TypeVar("T")


def _counted(items: Iterable[T], bump: Callable[[], None]) -> Iterator[T]:
    for x in items:
        bump()
        yield x


def run_export(
    fmt: str,
    incidents: Iterable[Incident],
    out: TextIO,
    tolls: Iterable[Toll] = (),
    reactions: Iterable[Reaction] = (),
    *,
    on_skip: Callable[[NotWritten], None] | None = None,
) -> ExportSummary:
    """Write incidents in format ``fmt`` to ``out`` and account for every one of them.

    ``on_skip`` is called as soon as an incident is found that the format cannot hold (the
    command line prints it on stderr); the summary lists them all too. ``incidents`` may be
    any iterable (a stream from the store): it is read once.
    """
    if fmt in DIRECTORY_FORMATS:
        raise ValueError(f"{fmt} writes a directory: use reckon.export.parquet.write_parquet")
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    summary = ExportSummary(fmt)

    def one() -> None:
        summary.incidents += 1

    def skip(inc: Incident, reason: str) -> None:
        nw = NotWritten(inc.id, reason)
        summary.not_written.append(nw)
        if on_skip is not None:
            on_skip(nw)

    incs = _counted(incidents, one)
    if fmt == "acled-csv":
        from reckon.export.acled import write_acled

        summary.written = write_acled(incs, out, skip)
    elif fmt == "ucdp-csv":
        from reckon.export.ucdp import write_ucdp

        summary.written = write_ucdp(incs, out, skip)
    elif fmt == "geojson":
        from reckon.export.geojson import write_geojson

        summary.written = write_geojson(incs, out, skip)
    else:
        from reckon.export.jsonl import write_jsonl

        def toll() -> None:
            summary.tolls += 1

        def reaction() -> None:
            summary.reactions += 1

        write_jsonl(incs, out, _counted(tolls, toll), _counted(reactions, reaction))
        summary.written = summary.incidents
    return summary


def export(
    fmt: str,
    incidents: Iterable[Incident],
    out: TextIO,
    tolls: Iterable[Toll] = (),
    reactions: Iterable[Reaction] = (),
) -> int:
    """Write incidents in format ``fmt`` to ``out``; return the number of records written.

    :func:`run_export` says which incidents the format could not hold."""
    return run_export(fmt, incidents, out, tolls, reactions).records
