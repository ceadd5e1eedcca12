"""What every reader shares: the caller's defaults for metadata, the size limit and its
message, and the last checks on a report before it is handed out.
"""

from __future__ import annotations

from reckon.ingest.report import IngestError, parse_published
from reckon.model import Report

DEFAULT_MAX_BYTES = 10_000_000  # largest accepted report: a whole file, or one JSONL line

Item = Report | IngestError


class _Defaults:
    __slots__ = ("published", "source", "url")

    def __init__(self, published: str | None, source: str | None, url: str | None) -> None:
        self.published = parse_published(published)
        self.source = source or None
        self.url = url or None


def _size(n: int) -> str:
    return f"{n:,} bytes"


def _too_large(n: int, max_bytes: int) -> str:
    return f"too large ({_size(n)}; limit {_size(max_bytes)}, see --max-bytes)"


def _finish(report: Report, origin: str) -> Item:
    if "\x00" in report.raw_text:  # not text; and PostgreSQL text columns refuse it
        return IngestError(origin, "text contains NUL characters (U+0000)")
    if not report.text.strip():
        return IngestError(origin, "no text left after cleaning (only boilerplate)")
    return report
