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
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from reckon.ingest.decode import DecodeError, decode
from reckon.ingest.report import IngestError, parse_published, report_from_text
from reckon.model import Report

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_HTML_DEPTH",
    "html_depth",
    "html_fragment_text",
    "read_bytes",
    "read_path",
    "read_paths",
]

# HTML extraction libraries log their doubts; without a handler Python would print warnings
# to stderr, where each rejected input must get exactly one line of ours.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

DEFAULT_MAX_BYTES = 10_000_000  # largest accepted report: a whole file, or one JSONL line
MAX_HTML_DEPTH = 2_000  # deeper HTML is refused before parsing

Item = Report | IngestError

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


def _finish(report: Report, origin: str) -> Item:
    if "\x00" in report.raw_text:  # not text; and PostgreSQL text columns refuse it
        return IngestError(origin, "text contains NUL characters (U+0000)")
    if not report.text.strip():
        return IngestError(origin, "no text left after cleaning (only boilerplate)")
    return report


# -- plain text -------------------------------------------------------------------------------


def _read_text(data: bytes, origin: str, defaults: _Defaults) -> Item:
    try:
        text, encoding = decode(data)
    except DecodeError as e:
        return IngestError(origin, str(e))
    if not text.strip():
        return IngestError(origin, "empty file (only whitespace)")
    report = report_from_text(
        text,
        published=defaults.published,
        source=defaults.source,
        url=defaults.url,
        origin=origin,
        raw=data,
        encoding=encoding,
    )
    return _finish(report, origin)


# -- JSONL / JSON -----------------------------------------------------------------------------

_JSON_FIELDS = ("id", "title", "published", "source", "url")


def _from_record(
    rec: Any, raw: bytes, encoding: str, origin: str, defaults: _Defaults, media_type: str
) -> Item:
    if not isinstance(rec, dict):
        return IngestError(origin, f"expected a JSON object, got {type(rec).__name__}")
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return IngestError(origin, "no 'text' field (a non-empty string is required)")
    fields: dict[str, str | None] = {}
    for name in _JSON_FIELDS:
        value = rec.get(name)
        if value is None or value == "":
            fields[name] = None
        elif isinstance(value, str | int) and not isinstance(value, bool):
            fields[name] = str(value)
        else:
            return IngestError(
                origin, f"field '{name}' must be a string, got {type(value).__name__}"
            )
    try:
        published = parse_published(fields["published"]) or defaults.published
    except ValueError as e:
        return IngestError(origin, f"bad 'published': {e}")
    report = report_from_text(
        text,
        id=fields["id"],
        title=fields["title"],
        published=published,
        source=fields["source"] or defaults.source,
        url=fields["url"] or defaults.url,
        origin=origin,
        raw=raw,
        encoding=encoding,
        media_type=media_type,
    )
    return _finish(report, origin)


def _read_jsonl(f: IO[bytes], origin: str, defaults: _Defaults, max_bytes: int) -> Iterator[Item]:
    lineno = 0
    any_line = False
    while True:
        line = f.readline(max_bytes + 1)
        if not line:
            break
        lineno += 1
        where = f"{origin}:{lineno}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            n = len(line)
            while True:  # skip the rest of the over-long line
                chunk = f.readline(1 << 20)
                n += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield IngestError(where, _too_large(n, max_bytes))
            any_line = True
            continue
        raw = line.rstrip(b"\r\n")
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        any_line = True
        try:
            text, encoding = decode(raw)
        except DecodeError as e:
            yield IngestError(where, str(e))
            continue
        try:
            rec = json.loads(text)
        except json.JSONDecodeError as e:
            at = "" if e.msg.endswith(" at") else " at"  # "Unterminated string starting at"
            yield IngestError(where, f"malformed JSON ({e.msg}{at} column {e.colno})")
            continue
        except RecursionError:
            yield IngestError(where, "malformed JSON (nested too deeply)")
            continue
        yield _from_record(rec, raw, encoding, where, defaults, "application/jsonl")
    if not any_line:
        yield IngestError(origin, "empty file (no JSON lines)")


def _read_json(data: bytes, origin: str, defaults: _Defaults) -> Iterator[Item]:
    try:
        text, encoding = decode(data)
        doc = json.loads(text)
    except DecodeError as e:
        yield IngestError(origin, str(e))
        return
    except json.JSONDecodeError as e:
        yield IngestError(origin, f"malformed JSON ({e.msg} at line {e.lineno} column {e.colno})")
        return
    except RecursionError:
        yield IngestError(origin, "malformed JSON (nested too deeply)")
        return
    records = doc if isinstance(doc, list) else [doc]
    if not records:
        yield IngestError(origin, "empty JSON list")
    for i, rec in enumerate(records, 1):
        where = f"{origin}[{i}]" if isinstance(doc, list) else origin
        raw = json.dumps(rec, ensure_ascii=False, sort_keys=True).encode("utf-8")
        yield _from_record(rec, raw, encoding, where, defaults, "application/json")


# -- HTML -------------------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
_SELF_CLOSING = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    # commonly left unclosed: the parser closes them implicitly
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rp".split()
)


def html_depth(html: str, limit: int | None = None) -> int:
    """Approximate element nesting depth of an HTML text, without building a tree.

    Stops counting once ``limit`` is exceeded (returns a value above it).
    """
    depth = deepest = 0
    for m in _TAG.finditer(html):
        if m[2].lower() in _SELF_CLOSING:
            continue
        if m[1]:
            depth = max(0, depth - 1)
        elif not m[3]:
            depth += 1
            if depth > deepest:
                deepest = depth
                if limit is not None and deepest > limit:
                    break
    return deepest


def _read_html(data: bytes, origin: str, defaults: _Defaults) -> Item:
    try:
        html, encoding = decode(data)
    except DecodeError as e:
        return IngestError(origin, str(e))
    if not html.strip():
        return IngestError(origin, "empty file (only whitespace)")
    depth = html_depth(html, MAX_HTML_DEPTH)
    if depth > MAX_HTML_DEPTH:
        return IngestError(origin, f"HTML nested too deeply (over {MAX_HTML_DEPTH:,} levels)")
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            date_extraction_params={"original_date": True, "extensive_search": True},
        )
    except RecursionError:
        return IngestError(origin, "HTML nested too deeply to parse")
    except Exception as e:  # trafilatura/lxml failures on hostile markup
        return IngestError(origin, f"could not parse HTML ({type(e).__name__}: {e})")
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        return IngestError(origin, "no main text found in HTML")
    try:
        published = parse_published(getattr(doc, "date", None)) or defaults.published
    except ValueError:
        published = defaults.published
    report = report_from_text(
        text,
        title=getattr(doc, "title", None) or None,
        published=published,
        source=getattr(doc, "sitename", None) or defaults.source,
        url=getattr(doc, "url", None) or defaults.url,
        origin=origin,
        raw=data,
        encoding=encoding,
        media_type="text/html",
        meta={"raw_text": "main text extracted from HTML by trafilatura"},
    )
    return _finish(report, origin)


_BLOCK = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote section article header footer tr table "
    "figure figcaption pre hr dl dt dd".split()
)


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (as in RSS descriptions): one line per block element."""
    if not re.search(r"<[A-Za-z/!]", fragment):
        return fragment
    from lxml import etree
    from lxml import html as lhtml

    try:
        root = lhtml.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment)
    parts: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else None  # comments and PIs have no str tag
        if event == "start":
            if tag in _BLOCK:
                parts.append("\n")
            if el.text and tag is not None and tag not in ("script", "style"):
                parts.append(el.text)
        else:
            if tag in _BLOCK:
                parts.append("\n")
            if el.tail and el is not root:
                parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


# -- RSS / Atom -------------------------------------------------------------------------------

_NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "rss1": "http://purl.org/rss/1.0/",
}


def _first_text(item: Any, paths: tuple[str, ...]) -> str | None:
    for path in paths:
        found = item.find(path, _NS)
        if found is not None:
            value = "".join(found.itertext()).strip()
            if value:
                return value
    return None


def _read_feed(data: bytes, origin: str, defaults: _Defaults) -> Iterator[Item]:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as e:
        yield IngestError(origin, f"malformed XML ({e})")
        return
    except (ValueError, RecursionError) as e:
        yield IngestError(origin, f"malformed XML ({e})")
        return
    tag = etree.QName(root).localname.lower()
    if tag == "feed":
        items = root.findall("atom:entry", _NS)
        feed_title = _first_text(root, ("atom:title",))
        atom = True
    elif tag in ("rss", "rdf"):
        items = (
            root.findall("channel/item") or root.findall("rss1:item", _NS) or root.findall("item")
        )
        feed_title = _first_text(root, ("channel/title", "rss1:channel/rss1:title"))
        atom = False
    else:
        yield IngestError(origin, f"not an RSS or Atom feed (root element <{tag}>)")
        return
    if not items:
        yield IngestError(origin, "feed has no items")
        return
    for n, item in enumerate(items, 1):
        where = f"{origin}#{n}"
        if atom:
            title = _first_text(item, ("atom:title",))
            body = _first_text(item, ("atom:content", "atom:summary"))
            date = _first_text(item, ("atom:published", "atom:updated"))
            link_el = item.find("atom:link[@rel='alternate']", _NS)
            if link_el is None:
                link_el = item.find("atom:link", _NS)
            link = link_el.get("href") if link_el is not None else None
        else:
            title = _first_text(item, ("title", "rss1:title"))
            body = _first_text(item, ("content:encoded", "description", "rss1:description"))
            date = _first_text(item, ("pubDate", "dc:date"))
            link = _first_text(item, ("link", "rss1:link"))
        if not body:
            yield IngestError(where, "feed item has no text (no content or description)")
            continue
        text = html_fragment_text(body)
        if not text.strip():
            yield IngestError(where, "feed item has no text")
            continue
        try:
            published = parse_published(date) or defaults.published
        except ValueError:
            published = defaults.published
        raw = etree.tostring(item, encoding="utf-8")
        report = report_from_text(
            text,
            title=title,
            published=published,
            source=defaults.source or feed_title,
            url=link or defaults.url,
            origin=where,
            raw=raw,
            encoding="utf-8",
            media_type="application/atom+xml" if atom else "application/rss+xml",
            meta={"raw_text": "feed item content as plain text"},
        )
        yield _finish(report, where)
