"""Reading reports from a Parquet file whose columns are the JSONL fields.

Columns ``text`` (required), ``id``, ``title``, ``published``, ``source``, ``url``; other columns
are ignored, as in JSONL. Each row is one report; its ``raw`` bytes are the row's fields as a JSON
object (sorted keys, UTF-8, no null fields), as the JSON reader keeps one object of a list, so
the same report read from JSONL, JSON or Parquet has the same text and the same id (when the id
is given). Errors name the row as ``path#ROW`` (1-based). Files are read one row group at a time:
:func:`row_groups` tells how many there are, so that a cluster can read them apart.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reckon.ingest.report import IngestError
from reckon.model import Report

__all__ = ["FIELDS", "read_parquet", "row_groups"]

FIELDS = ("id", "text", "title", "published", "source", "url")


def _open(path: str | Path) -> Any:
    import pyarrow.parquet as pq

    return pq.ParquetFile(str(path))


def row_groups(path: str | Path) -> list[int]:
    """The number of rows of each row group of a Parquet file (raises OSError/ValueError)."""
    meta = _open(path).metadata
    return [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]


def _value(v: Any) -> Any:
    if isinstance(v, datetime):
        return v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    return v


def read_parquet(
    path: str | Path,
    *,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    max_bytes: int | None = None,
    groups: list[int] | None = None,
) -> Iterator[Report | IngestError]:
    """Reports from the rows of a Parquet file (only row groups ``groups`` when given)."""
    from reckon.ingest.readers import DEFAULT_MAX_BYTES, _Defaults, _from_record

    origin = str(path)
    limit = max_bytes or DEFAULT_MAX_BYTES
    try:
        pf = _open(path)
        cols = [c for c in FIELDS if c in pf.schema_arrow.names]
    except Exception as e:  # pyarrow raises several kinds for a file that is not Parquet
        yield IngestError(origin, f"cannot read as Parquet ({type(e).__name__}: {e})")
        return
    if "text" not in cols:
        yield IngestError(origin, "no 'text' column (a Parquet file of reports needs one)")
        return
    try:
        defaults = _Defaults(published, source, url)
    except ValueError as e:
        yield IngestError(origin, str(e))
        return
    sizes = [pf.metadata.row_group(i).num_rows for i in range(pf.metadata.num_row_groups)]
    for g in groups if groups is not None else range(len(sizes)):
        first = sum(sizes[:g])
        try:
            rows = pf.read_row_group(g, columns=cols).to_pylist()
        except Exception as e:
            yield IngestError(f"{origin}@group{g}", f"cannot read ({type(e).__name__}: {e})")
            continue
        for i, row in enumerate(rows, first + 1):
            where = f"{origin}#{i}"
            rec = {k: _value(v) for k, v in row.items() if v is not None}
            raw = json.dumps(rec, ensure_ascii=False, sort_keys=True).encode("utf-8")
            if len(raw) > limit:
                yield IngestError(where, f"too large ({len(raw):,} bytes; limit {limit:,} bytes)")
                continue
            yield _from_record(rec, raw, "utf-8", where, defaults, "application/vnd.apache.parquet")
