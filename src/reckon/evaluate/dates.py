"""Dates of incidents as gold and predictions give them (``{"start", "end"}`` ISO prefixes):
their bounds, the gap between two of them, and when they are compatible or equal.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

DATE_SLACK_DAYS = 1


def _parse_day(value: str | None, *, end: bool) -> date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a prefix of ISO 8601) -> its first or last day."""
    if not value or not isinstance(value, str):
        return None
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*", value)
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            return date(y, int(m.group(2)), int(m.group(3)))
        if m.group(2):
            mo = int(m.group(2))
            if not end:
                return date(y, mo, 1)
            nxt = date(y + (mo == 12), mo % 12 + 1, 1)
            return nxt - timedelta(days=1)
        return date(y, 12, 31) if end else date(y, 1, 1)
    except ValueError:
        return None


def date_bounds(d: Mapping[str, Any] | None) -> tuple[date, date] | None:
    """A ``{"start", "end"}`` interval as inclusive first and last days; ``None`` when unknown.

    A missing end means the start's own extent (a single day, month or year), a missing start
    the end's.
    """
    if not d:
        return None
    s, e = d.get("start"), d.get("end")
    lo = _parse_day(s, end=False) or _parse_day(e, end=False)
    hi = _parse_day(e, end=True) or _parse_day(s, end=True)
    if lo is None or hi is None:
        return None
    if hi < lo:
        lo, hi = hi, lo
    return lo, hi


def date_gap_days(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> int | None:
    """Days between two intervals (0 when they overlap); ``None`` when either is unknown."""
    ba, bb = date_bounds(a), date_bounds(b)
    if ba is None or bb is None:
        return None
    if ba[1] < bb[0]:
        return (bb[0] - ba[1]).days
    if bb[1] < ba[0]:
        return (ba[0] - bb[1]).days
    return 0


def dates_compatible(
    a: Mapping[str, Any] | None, b: Mapping[str, Any] | None, slack_days: int = DATE_SLACK_DAYS
) -> bool:
    """Intervals overlap or lie within ``slack_days``; a null date is compatible with any."""
    gap = date_gap_days(a, b)
    return gap is None or gap <= slack_days


def _norm_date(d: Mapping[str, Any] | None) -> tuple[str, str] | None:
    if not d:
        return None
    s, e = d.get("start"), d.get("end")
    if not s and not e:
        return None
    return (s or e, e or s)


def dates_equal(gold: Mapping[str, Any] | None, pred: Mapping[str, Any] | None) -> bool:
    """Same start and end (a missing end equals the start); null equals only null."""
    return _norm_date(gold) == _norm_date(pred)
