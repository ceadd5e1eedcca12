"""Plain text and HTML readers.

- text: ``raw`` = the file's bytes, ``raw_text`` = their decoding;
- HTML: ``raw`` = the file's bytes, ``raw_text`` = the main text trafilatura extracted (the
  input to cleaning, which removal offsets point into); title, date, URL and site name come
  from the page's metadata. HTML nested deeper than ``MAX_HTML_DEPTH`` is refused before
  parsing. :func:`html_fragment_text` turns an HTML fragment (an RSS description) into lines.
"""

from __future__ import annotations

import logging
import re

from reckon.ingest.common import Item, _Defaults, _finish
from reckon.ingest.decode import DecodeError, decode
from reckon.ingest.report import IngestError, parse_published, report_from_text

# HTML extraction libraries log their doubts; without a handler Python would print warnings
# to stderr, where each rejected input must get exactly one line of ours.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

MAX_HTML_DEPTH = 2_000  # deeper HTML is refused before parsing


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
