"""Exporters: ACLED-style CSV, UCDP GED-style CSV, GeoJSON and JSONL (pure writers over text
streams; the command line hands them incidents read from the store)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from reckon.model import Incident, Reaction, Toll

FORMATS = ("acled-csv", "ucdp-csv", "geojson", "jsonl")


def export(
    fmt: str,
    incidents: Sequence[Incident],
    out: TextIO,
    tolls: Sequence[Toll] = (),
    reactions: Sequence[Reaction] = (),
) -> int:
    """Write incidents in format ``fmt`` to ``out``; return the number of records written."""
    if fmt == "acled-csv":
        from reckon.export.acled import write_acled

        return write_acled(incidents, out)
    if fmt == "ucdp-csv":
        from reckon.export.ucdp import write_ucdp

        return write_ucdp(incidents, out)
    if fmt == "geojson":
        from reckon.export.geojson import write_geojson

        return write_geojson(incidents, out)
    if fmt == "jsonl":
        from reckon.export.jsonl import write_jsonl

        return write_jsonl(incidents, out, tolls, reactions)
    raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
