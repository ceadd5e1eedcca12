"""Building a ``Report`` from decoded text: cleaning, hashing, ids, publication dates."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from reckon.clean import clean
from reckon.model import Report

__all__ = ["IngestError", "content_hash", "parse_published", "report_from_text", "report_id"]


@dataclass(frozen=True, slots=True)
class IngestError:
    """One input that could not be read, and why (``origin`` names it: path, path:line, ...)."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def content_hash(raw: bytes) -> str:
    """sha256 hex digest of the raw bytes: the identity used for idempotent storage."""
    return hashlib.sha256(raw).hexdigest()


def report_id(raw: bytes) -> str:
    """A report id derived from the raw bytes: ``"r-"`` + the first 12 hex of their sha256."""
    return "r-" + content_hash(raw)[:12]


_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%A, %d %B %Y",
    "%A %d %B %Y",
    "%A, %B %d, %Y",
)
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)")


def parse_published(value: str | date | None) -> str | None:
    """A publication date as ISO ``YYYY-MM-DD``; None for None/empty.

    Accepts ISO dates and datetimes (the date part is kept as written, no time-zone shift),
    RFC 822 dates as in RSS (``Mon, 10 Mar 2025 08:00:00 GMT``) and a few written forms
    (``10 March 2025``, ``March 10, 2025``). Relative words ("yesterday") are refused: the
    result must not depend on the day the program runs. Raises ``ValueError`` otherwise.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    s = " ".join(str(value).split())
    if not s:
        return None
    m = _ISO_PREFIX.match(s)
    if m:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    for fmt in _FORMATS:
        try:
            return datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    raise ValueError(f"unrecognised date {value!r} (use YYYY-MM-DD)")


def report_from_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: str | date | None = None,
    source: str | None = None,
    url: str | None = None,
    origin: str | None = None,
    raw: bytes | None = None,
    encoding: str | None = "utf-8",
    media_type: str = "text/plain",
    meta: dict[str, Any] | None = None,
) -> Report:
    """Clean already-decoded text into a ``Report`` (decodes nothing).

    ``raw`` is the bytes as received (defaults to ``text`` encoded as UTF-8); the content
    hash is their sha256 and, unless ``id`` is given, the id is ``"r-"`` + its first 12 hex.
    ``title`` (e.g. from HTML or JSONL metadata) wins over the detected headline.
    ``published`` is normalised to ``YYYY-MM-DD`` (``ValueError`` if unreadable).
    """
    if raw is None:
        raw = text.encode("utf-8")
    digest = content_hash(raw)
    cleaned = clean(text, title=title)
    return Report(
        id=str(id) if id is not None and str(id).strip() else "r-" + digest[:12],
        raw=raw,
        raw_text=text,
        text=cleaned.text,
        title=cleaned.title,
        published=parse_published(published),
        source=source or None,
        url=url or None,
        origin=origin,
        media_type=media_type,
        content_hash=digest,
        encoding=encoding,
        paragraphs=cleaned.paragraphs,
        removed=cleaned.removed,
        meta=dict(meta or {}),
    )
