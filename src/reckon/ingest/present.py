"""How stored reports are shown: one-line summaries, JSON records and the ``show`` view.

Pure functions from ``Report`` to text or dicts, shared by the CLI and the demo.
"""

from __future__ import annotations

from typing import Any

from reckon.clean import count_removed
from reckon.model import Report

__all__ = ["describe_removed", "format_report", "report_record", "report_summary"]

_LABELS = {
    "repeated_headline": ("repeated headline", "repeated headlines"),
    "repeated_paragraph": ("repeated paragraph", "repeated paragraphs"),
    "boilerplate": ("boilerplate line", "boilerplate lines"),
}


def describe_removed(report: Report) -> str:
    """E.g. ``"1 repeated headline, 5 repeated paragraphs, 0 boilerplate lines"``."""
    parts = []
    for kind, n in count_removed(report.removed).items():
        one, many = _LABELS[kind]
        parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts)


def report_record(report: Report) -> dict[str, Any]:
    """The ``reckon reports --format jsonl`` record of a report (no ingestion time: deterministic)."""
    return {
        "id": report.id,
        "title": report.title,
        "published": report.published,
        "source": report.source,
        "url": report.url,
        "origin": report.origin,
        "content_hash": report.content_hash,
        "paragraphs": len(report.paragraphs),
        "removed": count_removed(report.removed),
        "text": report.text,
    }


def report_summary(report: Report) -> str:
    """Two lines: id and title, then date, paragraphs kept and what was removed."""
    n = len(report.paragraphs)
    return (
        f"{report.id}  {report.title or '(no title)'}\n"
        f"  published {report.published or 'unknown'} · {n} paragraph{'' if n == 1 else 's'} kept"
        f" · removed {describe_removed(report)}"
    )


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_report(report: Report) -> str:
    """The ``reckon show`` view: metadata, cleaned text, and what cleaning removed and where."""
    enc = f" ({report.encoding})" if report.encoding else ""
    lines = [
        f"id:           {report.id}",
        f"title:        {report.title or '-'}",
        f"published:    {report.published or '-'}",
        f"source:       {report.source or '-'}",
        f"url:          {report.url or '-'}",
        f"origin:       {report.origin or '-'}",
        f"media type:   {report.media_type}{enc}",
        f"content hash: {report.content_hash}",
        f"raw:          {len(report.raw):,} bytes" if report.raw else "raw:          -",
        f"paragraphs:   {len(report.paragraphs)} kept",
        f"removed:      {describe_removed(report)}",
        "",
        "--- cleaned text ---",
        report.text,
        "",
        f"--- removed by cleaning ({len(report.removed)}) ---",
    ]
    if not report.removed:
        lines.append("(nothing)")
    for r in report.removed:
        where = f"raw {r.raw_start}-{r.raw_end}"
        if r.kind == "headline":
            where += ", moved to the top"
        elif r.duplicate_of is not None:
            where += f", repeat of raw {r.duplicate_of}"
        lines.append(f"[{r.kind}] {where}: {_short(r.text)}")
    return "\n".join(lines)
