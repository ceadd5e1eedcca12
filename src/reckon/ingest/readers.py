"""Readers for the formats reports arrive in: text, HTML, JSONL/JSON, RSS/Atom, directories, stdin.

Every reader yields ``Report`` or ``IngestError`` and never raises for bad input: the error
names the input (``path``, ``path:LINE`` for JSONL, ``path#N`` for the N-th feed item) and
says why. What ``Report.raw`` and ``Report.raw_text`` hold per format:

- text: ``raw`` = the file's bytes, ``raw_text`` = their decoding;
- HTML: ``raw`` = the file's bytes, ``raw_text`` = the main text trafilatura extracted (the
  input to cleaning, which removal offsets point into); title, date, URL and site name come
  from the page's metadata;
- JSONL: ``raw`` = the line's bytes (without the line break), ``raw_text`` = its ``text``;
- JSON (one object or a list of them): ``raw`` = each object re-serialised (sorted keys, UTF-8);
- RSS/Atom: ``raw`` = the item element serialised as UTF-8 XML, ``raw_text`` = its content
  (``content:encoded``, ``description``, Atom ``content`` or ``summary``) as plain text.

Metadata given by the caller (``published``, ``source``, ``url``) fills gaps: values the input
carries itself win.

This module walks files and directories, guesses the format (by file name, else by
:func:`sniff`) and dispatches to the reader of each format: :mod:`reckon.ingest.text_html`
(plain text, HTML), :mod:`reckon.ingest.jsonl` (JSONL, JSON), :mod:`reckon.ingest.parquet`
(Parquet), :mod:`reckon.ingest.feeds` (RSS, Atom); :mod:`reckon.ingest.common` holds what they
share. The public names of those modules are importable from here as before.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from reckon.ingest.common import DEFAULT_MAX_BYTES, Item, _Defaults, _size, _too_large
from reckon.ingest.feeds import _read_feed
from reckon.ingest.jsonl import _from_record as _from_record  # re-exported for ingest.parquet
from reckon.ingest.jsonl import _read_json, _read_jsonl
from reckon.ingest.report import IngestError
from reckon.ingest.text_html import (
    MAX_HTML_DEPTH,
    _read_html,
    _read_text,
    html_depth,
    html_fragment_text,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_HTML_DEPTH",
    "html_depth",
    "html_fragment_text",
    "read_bytes",
    "read_path",
    "read_paths",
]

_EXT_KIND = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".parquet": "parquet",  # rows with the JSONL fields (reckon.ingest.parquet)
}


def sniff(data: bytes) -> str:
    """Guess the format of bytes with no telling file name: feed, html, jsonl, json or text."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
            return "feed"
        if b"<html" in head:
            return "html"
    if head.startswith(b"<!doctype html") or b"<html" in head[:512]:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    return "text"


def read_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: IO[bytes] | None = None,
) -> Iterator[Item]:
    """Read reports from files, directories (recursive, sorted, hidden names skipped) and ``-``.

    Yields a ``Report`` per report read and an ``IngestError`` per input that could not be
    read. ``published`` (``ValueError`` if unreadable), ``source`` and ``url`` fill in what an
    input does not say itself. ``stdin`` defaults to ``sys.stdin.buffer``.
    """
    defaults = _Defaults(published, source, url)
    for p in paths:
        if str(p) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield IngestError(
                    "<stdin>", f"too large (over {_size(max_bytes)}, see --max-bytes)"
                )
                continue
            yield from _read_data(data, "<stdin>", sniff(data), defaults, max_bytes)
            continue
        yield from _walk(Path(p), defaults, max_bytes)


def read_path(
    path: str | os.PathLike[str],
    *,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item]:
    """Read one file or directory (see ``read_paths``)."""
    yield from read_paths([path], published=published, source=source, url=url, max_bytes=max_bytes)


def read_bytes(
    data: bytes,
    origin: str,
    *,
    kind: str | None = None,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item]:
    """Read reports from bytes in memory; ``kind`` is text, html, jsonl, json or feed (else sniffed)."""
    if len(data) > max_bytes and kind != "jsonl":
        yield IngestError(origin, _too_large(len(data), max_bytes))
        return
    yield from _read_data(
        data, origin, kind or sniff(data), _Defaults(published, source, url), max_bytes
    )


def _walk(path: Path, defaults: _Defaults, max_bytes: int) -> Iterator[Item]:
    origin = str(path)
    try:
        if path.is_dir():
            entries = sorted(os.scandir(path), key=lambda e: e.name)
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    yield from _walk(Path(entry.path), defaults, max_bytes)
                elif entry.is_file():
                    yield from _read_file(Path(entry.path), defaults, max_bytes)
                else:
                    yield IngestError(entry.path, "not a regular file")
            return
        if not path.exists():
            yield IngestError(origin, "no such file or directory")
            return
        if not path.is_file():
            yield IngestError(origin, "not a regular file")
            return
    except OSError as e:
        yield IngestError(origin, f"cannot read ({e.strerror or e})")
        return
    yield from _read_file(path, defaults, max_bytes)


def _read_file(path: Path, defaults: _Defaults, max_bytes: int) -> Iterator[Item]:
    origin = str(path)
    kind = _EXT_KIND.get(path.suffix.lower())
    try:
        size = path.stat().st_size
        if size == 0:
            yield IngestError(origin, "empty file")
            return
        if kind == "jsonl":
            with path.open("rb") as f:
                yield from _read_jsonl(f, origin, defaults, max_bytes)
            return
        if kind == "parquet":
            from reckon.ingest.parquet import read_parquet

            yield from read_parquet(
                path,
                published=defaults.published,
                source=defaults.source,
                url=defaults.url,
                max_bytes=max_bytes,
            )
            return
        if size > max_bytes:
            yield IngestError(origin, _too_large(size, max_bytes))
            return
        with path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        yield IngestError(origin, f"cannot read ({e.strerror or e})")
        return
    if len(data) > max_bytes:  # grew while we looked
        yield IngestError(origin, _too_large(len(data), max_bytes))
        return
    yield from _read_data(data, origin, kind or sniff(data), defaults, max_bytes)


def _read_data(
    data: bytes, origin: str, kind: str, defaults: _Defaults, max_bytes: int
) -> Iterator[Item]:
    if not data:
        yield IngestError(origin, "empty input")
        return
    if kind == "jsonl":
        yield from _read_jsonl(io.BytesIO(data), origin, defaults, max_bytes)
    elif kind == "json":
        yield from _read_json(data, origin, defaults)
    elif kind == "html":
        yield _read_html(data, origin, defaults)
    elif kind == "feed":
        yield from _read_feed(data, origin, defaults)
    else:
        yield _read_text(data, origin, defaults)
