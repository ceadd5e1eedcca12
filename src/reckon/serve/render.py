"""HTML pieces built in Python: report text with evidence spans highlighted, and the timeline as
SVG. Every piece of text goes through ``markupsafe.escape``: report text is hostile input."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

_CLASS = re.compile(r"[^a-z0-9_-]+")


def css_name(s: str) -> str:
    """A string safe as part of a CSS class or an element id."""
    return _CLASS.sub("-", s.lower()).strip("-")[:40] or "x"


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    field: str
    label: str  # e.g. "fatalities (r-1#0)"
    anchor: str  # element id of the span's first piece


def highlight(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, with each mark's span wrapped in ``<mark>`` (overlaps split into
    pieces carrying every covering field); a span's first piece carries its ``id``."""
    good = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in good), *(m.end for m in good)})
    out: list[str] = []
    anchored: set[str] = set()
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[a:b])
        cover = [m for m in good if m.start <= a and m.end >= b]
        if not cover:
            out.append(str(piece))
            continue
        fields = sorted({css_name(m.field) for m in cover})
        classes = " ".join(["ev", *(f"ev-{f}" for f in fields)])
        title = escape("; ".join(dict.fromkeys(m.label for m in cover)))
        ids = [m.anchor for m in cover if m.start == a and m.anchor not in anchored]
        id_attr = ""
        if ids:
            anchored.add(ids[0])
            id_attr = f' id="{escape(ids[0])}"'
            # other spans starting here get an empty anchor of their own
            for extra in ids[1:]:
                anchored.add(extra)
                out.append(f'<a class="anchor" id="{escape(extra)}"></a>')
        out.append(f'<mark class="{classes}"{id_attr} title="{title}">{piece}</mark>')
    return Markup("".join(out))


def timeline_svg(tl: dict[str, Any], width: int = 960, height: int = 220) -> Markup:
    """Incidents per bin as bars, deaths best as a line inside the low–high band."""
    bins = tl.get("bins") or []
    if not bins:
        return Markup('<p class="muted">No dated incidents match.</p>')
    left, right, top, bottom = 48, 48, 12, 28
    w, h = width - left - right, height - top - bottom
    n = len(bins)
    bw = w / n
    max_inc = max(b["incidents"] for b in bins) or 1
    max_d = max(max(b["high"], b["best"]) for b in bins) or 1

    def x(i: int) -> float:
        return left + bw * i + bw / 2

    def yd(v: float) -> float:
        return top + h - h * v / max_d

    parts = [
        f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="incidents and deaths per {escape(tl.get("bin", "day"))}">'
    ]
    for i, b in enumerate(bins):
        bh = h * b["incidents"] / max_inc
        tip = escape(
            f'{b["start"]}: {b["incidents"]} incident(s); deaths low {b["low"]}, best {b["best"]}, '
            f'high {b["high"]}{"+" if b["unbounded"] else ""}'
        )
        parts.append(
            f'<rect class="bar" x="{left + bw * i + bw * 0.1:.1f}" y="{top + h - bh:.1f}" '
            f'width="{max(bw * 0.8, 0.5):.1f}" height="{bh:.1f}"><title>{tip}</title></rect>'
        )
    upper = " ".join(f"{x(i):.1f},{yd(b['high']):.1f}" for i, b in enumerate(bins))
    lower = " ".join(f"{x(i):.1f},{yd(b['low']):.1f}" for i, b in reversed(list(enumerate(bins))))
    parts.append(f'<polygon class="band" points="{upper} {lower}"/>')
    line = " ".join(f"{x(i):.1f},{yd(b['best']):.1f}" for i, b in enumerate(bins))
    parts.append(f'<polyline class="best" points="{line}"/>')
    base = top + h
    parts.append(f'<line class="axis" x1="{left}" y1="{base}" x2="{left + w}" y2="{base}"/>')
    parts.append(f'<text class="lbl" x="{left}" y="{height - 8}">{escape(bins[0]["start"])}</text>')
    parts.append(
        f'<text class="lbl end" x="{left + w}" y="{height - 8}">{escape(bins[-1]["start"])}</text>'
    )
    parts.append(f'<text class="lbl inc" x="4" y="{top + 10}">{max_inc}</text>')
    parts.append(f'<text class="lbl inc" x="4" y="{base}">0</text>')
    parts.append(f'<text class="lbl death" x="{width - 4}" y="{top + 10}">{max_d}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None (never a ``javascript:`` link)."""
    if url and re.match(r"(?i)^https?://[^\s<>\"']+$", url.strip()):
        return url.strip()
    return None
