"""Ingest: read reports from text, HTML, JSONL/JSON, RSS/Atom, directories and stdin.

Library first::

    from reckon.ingest import read_paths, report_from_text, IngestError

    for item in read_paths(["news/", "feed.xml"], published="2025-03-10"):
        if isinstance(item, IngestError):
            print("rejected", item.origin, item.reason)
        else:
            print(item.id, item.title)

``report_from_text`` cleans already-decoded text into a ``Report``; ``read_paths`` decodes
(byte-order marks, UTF-8, else a cp1252/latin-1 fallback recorded in ``Report.encoding``),
dispatches on the format and yields ``Report`` or ``IngestError(origin, reason)``, never
raising for bad input. Ids: an id given in JSONL is kept, otherwise ``"r-"`` + the first 12
hex of the sha256 of the raw bytes (``Report.content_hash`` is the full hex digest).
"""

from reckon.ingest.decode import DecodeError, decode
from reckon.ingest.readers import (
    DEFAULT_MAX_BYTES,
    MAX_HTML_DEPTH,
    html_depth,
    html_fragment_text,
    read_bytes,
    read_path,
    read_paths,
    sniff,
)
from reckon.ingest.report import (
    IngestError,
    content_hash,
    parse_published,
    report_from_text,
    report_id,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_HTML_DEPTH",
    "DecodeError",
    "IngestError",
    "content_hash",
    "decode",
    "html_depth",
    "html_fragment_text",
    "parse_published",
    "read_bytes",
    "read_path",
    "read_paths",
    "report_from_text",
    "report_id",
    "sniff",
]
