"""Time expressions as intervals, resolved against the publication date.

Pure functions, hand rules, one compiled regular expression; no call to the machine clock ever:
a relative expression ("on Tuesday", "last week", "two days earlier") is resolved against the
``published`` date given by the caller, or against the previous date in the same text ("the
previous day", "hours later"), and otherwise comes back unresolved (``start = end = None``,
``resolved = False``, ``note = "no publication date"``).

Conventions (checked against the gold data):

* a bare weekday ("on Tuesday", "Tuesday's strike", "on Tuesday evening") is the most recent
  such day on or before the publication day: a report published on a Tuesday that says
  "on Tuesday" means that day; "last Tuesday" is strictly before it;
* "overnight" is the night before publication (published - 1 .. published), "overnight on
  Sunday" / "Sunday night into Monday" is Sunday .. Monday;
* "over the weekend" is the Saturday .. Sunday before, "last week" the previous Monday ..
  Sunday, "this week" Monday .. published, "earlier this month" the 1st .. published - 1;
* "in December" (no year) is the most recent December not after publication;
* "since X" is X's start .. publication;
* durations ("for three days", "a week-long feud", "over a decade") and ages are not dates.
"""

from __future__ import annotations

from datetime import date

from reckon.extract.dates.patterns import _FIRST, _PATTERN, _WORD, _iso, _parse_iso
from reckon.extract.dates.resolve import _NOPUB, _resolve_match
from reckon.model import DateInterval, Span

__all__ = ["find_dateline", "find_dates", "header_date", "resolve"]


def find_dates(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    published: str | None = None,
    anchor: str | None = None,
) -> list[DateInterval]:
    """Every time expression in ``text[start:end]`` as an interval, in text order.

    ``published`` (ISO date) anchors relative expressions; without it they stay unresolved.
    ``anchor`` (ISO date) is the date that "the previous day" / "hours later" refer to when no
    earlier date occurs in the searched range. Spans are absolute offsets into ``text``.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates expects a string, got {type(text).__name__}")
    pub = _parse_iso(published, "published")
    n = len(text)
    end = n if end is None else max(0, min(end, n))
    start = max(0, min(start, end))
    a = _parse_iso(anchor, "anchor")
    prev: tuple[date, date] | None = (a, a) if a else None
    out: list[DateInterval] = []
    pos = start
    for w in _WORD.finditer(text, start, end):
        if w.start() < pos:
            continue
        lw = w.group().lower()
        if not (lw[0].isdigit() or lw in _FIRST):
            continue
        m = _PATTERN.match(text, w.start(), end)
        if m is None:
            continue
        r = _resolve_match(m, pub, prev)
        if r is None:
            continue
        s, e, note, _ = r
        ms = m.start()
        pre = (m.group("yr_pre") or m.group("mo_pre") or "").lower()
        since = (bool(m.group("since")) and pre != "the") or pre == "since"
        if m.group("since") and not since:
            ms = m.end("since")  # "37 years since the 1988 attack": the year, not an interval
        if since:
            if s is not None:
                e = pub if pub is not None else None
                note = "since: up to publication date" if pub else "since: open-ended"
            resolved = s is not None
        else:
            resolved = s is not None and e is not None
        if not resolved and s is None:
            note = note or _NOPUB
        out.append(DateInterval(_iso(s), _iso(e), Span.of(text, ms, m.end()), resolved, note))
        if s is not None and e is not None and not since and (e - s).days <= 1:
            prev = (s, e)
        pos = m.end()
    return out


def resolve(
    expr: str, published: str | None, *, anchor: str | None = None
) -> tuple[str | None, str | None]:
    """One time expression to (start, end) ISO dates; (None, None) when it cannot be resolved."""
    if not isinstance(expr, str):
        raise TypeError(f"resolve expects a string, got {type(expr).__name__}")
    found = find_dates(expr, published=published, anchor=anchor)
    if not found:
        return None, None
    return found[0].start, found[0].end


# the page's own dates need find_dates: imported once it is defined
from reckon.extract.dates.headers import find_dateline, header_date  # noqa: E402
