"""The page's own dates: a header date near the top, a lead date, a dateline."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from reckon.extract.dates.patterns import _MON, _iso
from reckon.model import DateInterval, Span

_FULL_DATE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r",?\s+\d{4}\b"
    r"|\b" + _MON + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b",
    re.IGNORECASE,
)


# dates a page prints before its text in compact forms: "29-07-2016" or "29.07.2016" (day
# first, a site's furniture may follow without a space: "18.10.2014Get short URL"), and
# "Last updated at Apr 152017" (day and year run together)
_LEAD_DATE = re.compile(
    r"^\W{0,3}(?:(?:last\s+)?(?:updated|published|posted|date of publication)(?:\s+(?:at|on))?:?\s+)?(?:(?P<d>\d{1,2})(?P<sep>[-.])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)|"
    r"(?P<mon>" + _MON + r")\s+(?P<d2>\d{1,2})(?P<y2>(?:19|20)\d\d))(?!\d)",
    re.IGNORECASE | re.MULTILINE,
)


def _lead_date(m: re.Match[str]) -> date | None:
    try:
        if m.group("d"):
            return date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        got = _find_dates(f"{m.group('mon')} {m.group('d2')}, {m.group('y2')}")
        if got and got[0].start:
            return date.fromisoformat(got[0].start)
    except ValueError:
        return None
    return None


# what a page prints before its date: "Published", "Posted on", "Date of publication", a weekday
_HEADER_WORDS = re.compile(
    r"^\W{0,3}(?:(?:last\s+)?(?:updated|published|posted|date\s+of\s+publication)"
    r"(?:\s+(?:at|on))?:?\s+)?(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"(?:day|nesday|sday|urday)?\.?,?\s+)?$",
    re.IGNORECASE,
)


def header_date(text: str) -> DateInterval | None:
    """The date a page prints at the very top of its text ("Wed 05 Apr 2017 ...", "Published
    July 20 2015 ...", "24.08.2013 ...", "Date of publication 5 July 2016 ..."): the day the
    report was put out, or None when the text does not open with a full date."""
    if not isinstance(text, str):
        raise TypeError(f"header_date expects a string, got {type(text).__name__}")
    # the text's first line, or the first line after a headline set above it
    starts = [m.start() for m in re.finditer(r"^(?=\S)", text[:HEADER_CHARS], re.MULTILINE)][:3]
    for start in starts:
        got = _header_date_at(text, start)
        if got is not None:
            return got
    return None


HEADER_CHARS = 400  # how far into a text the page's own date may stand (after a headline)


def _header_date_at(text: str, start: int) -> DateInterval | None:
    lead = _LEAD_DATE.match(text, start)
    if lead:
        got = _lead_date(lead)
        if got is not None:
            a = lead.start("d") if lead.group("d") else lead.start("mon")
            return DateInterval(
                got.isoformat(), got.isoformat(), Span.of(text, a, lead.end()), True, _HEADER_NOTE
            )
    for d in _find_dates(text, start, min(len(text), start + 80)):
        sp = d.span
        if sp is None or not _HEADER_WORDS.match(text[start : sp.start]):
            break  # words before it: a date told in the text, not the page's
        if d.start is None or d.start != d.end or len(d.start) != 10:
            continue  # a weekday alone, a month
        return DateInterval(d.start, d.end, sp, True, _HEADER_NOTE)
    return None


_HEADER_NOTE = "the page's header date (no other date for the event)"


def find_dateline(text: str) -> str | None:
    """An absolute date usable as an anchor when no publication date is given.

    A full date (day, month and year) in the dateline (the first 300 characters) wins;
    otherwise the latest full date anywhere in the text; otherwise None (never today).
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dateline expects a string, got {type(text).__name__}")
    lead = _LEAD_DATE.search(text, 0, 400)
    if lead:
        got = _lead_date(lead)
        if got is not None:
            return got.isoformat()
    best: date | None = None
    for m in _FULL_DATE.finditer(text):
        got = _find_dates(m.group())
        if not got or got[0].start is None or got[0].start != got[0].end:
            continue
        d = date.fromisoformat(got[0].start)
        if m.start() < 300:
            return d.isoformat()
        if best is None or d > best:
            best = d
    return _iso(best)


def _find_dates(*args: Any, **kwargs: Any) -> list[DateInterval]:
    from reckon.extract.dates import find_dates

    return find_dates(*args, **kwargs)
