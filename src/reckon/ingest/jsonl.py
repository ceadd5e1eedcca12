"""JSONL and JSON readers: one report per line, or a JSON object or list of objects.

- JSONL: ``raw`` = the line's bytes (without the line break), ``raw_text`` = its ``text``;
  an error names ``path:LINE``, and a line over the size limit is skipped, not the file;
- JSON: ``raw`` = each object re-serialised (sorted keys, UTF-8); an error in a list names
  ``path[N]``.

:func:`_from_record` (the fields ``id``, ``text``, ``title``, ``published``, ``source``,
``url``; other keys ignored) is shared with :mod:`reckon.ingest.parquet`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from reckon.ingest.common import Item, _Defaults, _finish, _too_large
from reckon.ingest.decode import DecodeError, decode
from reckon.ingest.report import IngestError, parse_published, report_from_text

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
