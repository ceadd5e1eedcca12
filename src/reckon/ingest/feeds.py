"""RSS and Atom reader: one report per item; an error names ``path#N`` for the N-th item.

``raw`` = the item element serialised as UTF-8 XML, ``raw_text`` = its content
(``content:encoded``, ``description``, Atom ``content`` or ``summary``) as plain text. The
XML parser resolves no entities and fetches nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reckon.ingest.common import Item, _Defaults, _finish
from reckon.ingest.report import IngestError, parse_published, report_from_text
from reckon.ingest.text_html import html_fragment_text

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
