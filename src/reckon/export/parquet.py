"""Parquet: incidents and their mentions as a dataset partitioned by year and country.

``reckon export --format parquet -o DIR`` writes two Hive-partitioned datasets, for pandas,
DuckDB, Dask or Spark::

    DIR/incidents/year=2024/country=Syria/part-0.parquet
    DIR/mentions/year=2024/country=Syria/part-0.parquet

``incidents`` has one row per incident, every incident the JSONL export holds (nothing is
left out: an undated incident goes to ``year=unknown``, one with no country to
``country=unknown``): the main fields as
typed columns (dates, place, coordinates, low / best / high of each count, sources), its member
mentions and reports as lists, and the whole JSONL record (claims, spans, link scores) as the
JSON text column ``record``. ``mentions`` has one row per member mention with its incident id,
report, type, date, place and counts, under its incident's year and country. Rows are written
in the store's order (date, then id) in batches, so the same store gives the same files.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from reckon.export.common import ExportSummary
from reckon.link import incident_to_json
from reckon.model import Count, Incident, Mention

__all__ = ["BATCH", "incident_row", "mention_rows", "write_parquet"]

BATCH = 5_000  # incidents per record batch
KINDS = ("fatalities", "injured", "abducted", "arrested")


UNKNOWN = "unknown"  # the partition of incidents with no date, or no country


def _year(d: str | None) -> str:
    return d[:4] if d and d[:4].isdigit() else UNKNOWN


def _counts(prefix: str, c: Count | None) -> dict[str, int | None]:
    return {
        f"{prefix}_low": c.low if c else None,
        f"{prefix}_best": c.best if c else None,
        f"{prefix}_high": c.high if c else None,
    }


def incident_row(inc: Incident) -> dict[str, Any]:
    """One incident as a flat row (see module doc)."""
    loc = inc.location
    start = inc.date.start if inc.date else None
    row: dict[str, Any] = {
        "id": inc.id,
        "event_type": inc.event_type,
        "sub_event_type": inc.sub_event_type,
        "date_start": start,
        "date_end": inc.date.end if inc.date else None,
        "location": loc.name if loc else None,
        "iso": loc.iso if loc else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "geo_precision": loc.precision if loc else None,
    }
    for kind in KINDS:
        row.update(_counts(kind, getattr(inc, kind)))
    prov = inc.provenance
    row.update(
        {
            "sources": inc.sources,
            "independent_sources": inc.independent_sources,
            "actors": json.dumps([a.as_dict() for a in inc.actors], ensure_ascii=False),
            "mentions": [m["mention"] for m in prov.get("members", [])],
            "reports": [r["id"] for r in prov.get("reports", [])],
            "rule": prov.get("rule"),
            "record": json.dumps(incident_to_json(inc), ensure_ascii=False, sort_keys=True),
            "year": _year(start),
            "country": loc.country if loc and loc.country else UNKNOWN,
        }
    )
    return row


def _mention_row(inc: Incident, key: str, m: Mention, member: dict[str, Any]) -> dict[str, Any]:
    loc = m.location
    row: dict[str, Any] = {
        "incident_id": inc.id,
        "mention": key,
        "report_id": member.get("report_id"),
        "published": member.get("published"),
        "source": member.get("source"),
        "event_type": m.event_type,
        "sub_event_type": m.sub_event_type,
        "date_start": m.date.start if m.date else None,
        "date_end": m.date.end if m.date else None,
        "location": loc.name if loc else None,
        "mention_country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "confidence": m.confidence,
    }
    for kind in KINDS:
        row.update(_counts(kind, getattr(m, kind)))
    return row


def mention_rows(inc: Incident, year: str, country: str) -> list[dict[str, Any]]:
    """The member mentions of an incident as rows, under the incident's partition."""
    members = inc.provenance.get("members", [])
    rows = []
    for m, member in zip(inc.mentions, members, strict=False):
        row = _mention_row(inc, member["mention"], m, member)
        row["year"], row["country"] = year, country
        rows.append(row)
    return rows


def _schemas() -> tuple[Any, Any]:
    import pyarrow as pa

    s, i, f = pa.string(), pa.int64(), pa.float64()
    counts = [(f"{k}_{b}", i) for k in KINDS for b in ("low", "best", "high")]
    inc = pa.schema(
        [("id", s), ("event_type", s), ("sub_event_type", s), ("date_start", s), ("date_end", s),
         ("location", s), ("iso", s), ("admin1", s), ("admin2", s), ("latitude", f),
         ("longitude", f), ("geo_precision", i), *counts, ("sources", i),
         ("independent_sources", i), ("actors", s), ("mentions", pa.list_(s)),
         ("reports", pa.list_(s)), ("rule", s), ("record", s), ("year", s), ("country", s)]
    )  # fmt: skip
    men = pa.schema(
        [("incident_id", s), ("mention", s), ("report_id", s), ("published", s), ("source", s),
         ("event_type", s), ("sub_event_type", s), ("date_start", s), ("date_end", s),
         ("location", s), ("mention_country", s), ("admin1", s), ("latitude", f),
         ("longitude", f), ("confidence", f), *counts, ("year", s), ("country", s)]
    )  # fmt: skip
    return inc, men


def write_parquet(
    incidents: Iterable[Incident], directory: str | Path, *, mentions: bool = True
) -> ExportSummary:
    """Write the incidents (and their mentions) under ``directory`` (see module doc)."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    out = Path(directory)
    inc_schema, men_schema = _schemas()
    summary = ExportSummary("parquet")
    for sub in ("incidents", "mentions"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
    out.mkdir(parents=True, exist_ok=True)
    men_batches: list[Any] = []

    def batches() -> Iterator[Any]:
        buf: list[dict[str, Any]] = []
        mbuf: list[dict[str, Any]] = []
        for inc in incidents:
            row = incident_row(inc)
            buf.append(row)
            summary.incidents += 1
            summary.written += 1
            if mentions:
                mbuf.extend(mention_rows(inc, row["year"], row["country"]))
            if len(buf) >= BATCH:
                yield pa.RecordBatch.from_pylist(buf, schema=inc_schema)
                men_batches.append(pa.RecordBatch.from_pylist(mbuf, schema=men_schema))
                buf, mbuf = [], []
        if buf or not summary.incidents:
            yield pa.RecordBatch.from_pylist(buf, schema=inc_schema)
            men_batches.append(pa.RecordBatch.from_pylist(mbuf, schema=men_schema))

    part = ds.partitioning(
        pa.schema([("year", pa.int64()), ("country", pa.string())]), flavor="hive"
    )
    options = {"basename_template": "part-{i}.parquet", "existing_data_behavior": "overwrite_or_ignore", "use_threads": False}  # fmt: skip
    ds.write_dataset(batches(), out / "incidents", schema=inc_schema, format="parquet", partitioning=part, **options)  # fmt: skip
    if mentions:
        ds.write_dataset(men_batches, out / "mentions", schema=men_schema, format="parquet", partitioning=part, **options)  # fmt: skip
    return summary
