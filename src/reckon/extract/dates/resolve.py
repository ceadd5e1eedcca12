"""Time expressions: one match of the pattern resolved to an interval."""

from __future__ import annotations

import re
from datetime import date, timedelta

from reckon.extract.dates.patterns import (
    _WEEKDAYS,
    _month_end,
    _month_num,
    _month_ok,
    _n,
    _parse_iso,
    _part_range,
    _valid_day,
    _weekday_on_or_before,
)

_PUB = "relative to publication date"
_PREV = "relative to previous date"
_NOPUB = "no publication date"


def _resolve_match(
    m: re.Match, pub: date | None, prev: tuple[date, date] | None
) -> tuple[date | None, date | None, str | None, bool] | None:
    """(start, end, note, is_relative) for one match, or None when the match is not a date."""
    g = m.group
    if g("iso"):
        d = _parse_iso(g("iso"), "date")
        return d, d, None, False
    if g("dmy") or g("mdy"):
        k = "dmy" if g("dmy") else "mdy"
        if not _month_ok(m, f"{k}_m"):
            return None
        mo, day = _month_num(g(f"{k}_m")), int(g(f"{k}_d"))
        if g(f"{k}_y"):
            d = _valid_day(int(g(f"{k}_y")), mo, day)
            return (d, d, None, False) if d else None
        if pub is None:
            if _valid_day(2000, mo, day) is None:
                return None
            return None, None, _NOPUB, True
        d = _valid_day(pub.year, mo, day)
        if d is None:
            return None
        if d > pub + timedelta(days=1):
            d = _valid_day(pub.year - 1, mo, day)
        return d, d, _PUB, True
    if g("my"):
        if not _month_ok(m, "my_m"):
            return None
        s, e = _part_range(int(g("my_y")), _month_num(g("my_m")), g("my_part"))
        return s, e, None, False
    if g("wdx"):
        return _weekday(m, pub)
    if g("mo") or g("mo2"):
        k = "mo" if g("mo") else "mo2"
        if not _month_ok(m, f"{k}_m"):
            return None
        mo = _month_num(g(f"{k}_m"))
        pre = (g("mo_pre") or "").lower() if k == "mo" else ""
        if pub is None:
            return None, None, _NOPUB, True
        y = pub.year if mo <= pub.month else pub.year - 1
        if pre == "next":
            y = pub.year if mo > pub.month else pub.year + 1
        elif pre == "last" and mo == pub.month:
            y = pub.year - 1
        s, e = _part_range(y, mo, g(f"{k}_part"))
        return s, e, _PUB, True
    if g("yr"):
        y = int(g("yr_y"))
        pre = g("yr_pre").lower()
        if pre in {"early", "late", "mid"}:
            s = {"early": date(y, 1, 1), "mid": date(y, 5, 1), "late": date(y, 9, 1)}[pre]
            e = {"early": date(y, 4, 30), "mid": date(y, 8, 31), "late": date(y, 12, 31)}[pre]
            return s, e, None, False
        return date(y, 1, 1), date(y, 12, 31), None, False
    # everything below is relative to the publication date (or the previous date)
    if g("today"):
        return (pub, pub, _PUB, True) if pub else (None, None, _NOPUB, True)
    if g("yday"):
        if pub is None:
            return None, None, _NOPUB, True
        back = 2 if g("yday").lower().startswith("the day before") else 1
        d = pub - timedelta(days=back)
        return d, d, _PUB, True
    if g("lastnight"):
        if pub is None:
            return None, None, _NOPUB, True
        return pub - timedelta(days=1), pub, _PUB, True
    if g("wk"):
        return _week_month_year(g("wk_pre"), g("wk_rel"), g("wk_unit"), pub)
    if g("wkend"):
        return _week_month_year(None, "last", "weekend", pub)
    if g("start"):
        if pub is None:
            return None, None, _NOPUB, True
        unit = g("start_unit").lower()
        if unit == "week":
            d = pub - timedelta(days=pub.weekday())
        elif unit == "month":
            d = pub.replace(day=1)
        else:
            d = date(pub.year, 1, 1)
        return d, d, _PUB, True
    if g("hrs"):
        if pub is None:
            return None, None, _NOPUB, True
        n = {"24": 1, "twenty-four": 1, "48": 2, "forty-eight": 2, "72": 3}[g("hrs_n").lower()]
        return pub - timedelta(days=n), pub, _PUB, True
    if g("pastdays"):
        if pub is None:
            return None, None, _NOPUB, True
        n = _n(g("pd_n")) * (7 if g("pd_unit").lower().startswith("week") else 1)
        return pub - timedelta(days=n), pub, _PUB, True
    if g("ago"):
        if pub is None:
            return None, None, _NOPUB, True
        n = _n(g("ago_n"))
        unit = g("ago_unit").lower()
        if unit.startswith("month"):
            y, mth = pub.year, pub.month - n
            while mth <= 0:
                mth += 12
                y -= 1
            return date(y, mth, 1), _month_end(y, mth), _PUB, True
        d = pub - timedelta(days=n * (7 if unit.startswith("week") else 1))
        return d, d, _PUB, True
    if g("rel") or g("same") or g("prevday") or g("nextday"):
        anchor, note = (
            (prev, _PREV) if prev is not None else ((pub, pub), _PUB) if pub else (None, None)
        )
        if anchor is None:
            return None, None, _NOPUB if pub is None else "relative to previous", True
        a_start, a_end = anchor
        if g("same"):
            return a_start, a_end, note, True
        if g("prevday"):
            night = "night" in g("prevday").lower()
            d = a_start - timedelta(days=1)
            return d, (a_start if night else d), note, True
        if g("nextday"):
            d = a_end + timedelta(days=1)
            return d, d, note, True
        n = _n(g("rel_n"))
        unit = g("rel_unit").lower()
        days = n * (7 if unit.startswith("week") else 1)
        direction = g("rel_dir").lower()
        # "A, two days after B": B is dated two days before A; "two days later": after A
        d = a_end + timedelta(days=days) if direction == "later" else a_start - timedelta(days=days)
        if direction == "before":
            d = a_end + timedelta(days=days)
        return d, d, note, True
    return None


def _weekday(m: re.Match, pub: date | None):
    g = m.group
    pre = " ".join((g("wd_pre") or "").lower().split())
    if pub is None:
        return None, None, _NOPUB, True
    wd = _WEEKDAYS.index(g("wd").lower())
    if pre == "next":
        d = pub + timedelta(days=((wd - pub.weekday()) % 7) or 7)
    elif pre in {"last", "past"}:
        d = pub - timedelta(days=((pub.weekday() - wd) % 7) or 7)
    else:
        d = _weekday_on_or_before(pub, wd)
    end = d
    part = (g("wd_part") or "").lower()
    if g("wd2"):
        wd2 = _WEEKDAYS.index(g("wd2").lower())
        end = d + timedelta(days=(wd2 - wd) % 7)
        if end > pub and pre not in {"next"}:
            # "on Monday and Tuesday" said on a Monday: both days lie in the past week
            shift = timedelta(days=7)
            d, end = d - shift, end - shift
    elif pre.startswith("overnight") or part == "overnight":
        end = d + timedelta(days=1)
    return d, end, _PUB, True


def _week_month_year(pre: str | None, rel: str, unit: str, pub: date | None):
    if pub is None:
        return None, None, _NOPUB, True
    pre = (pre or "").lower()
    rel = " ".join(rel.lower().split())
    unit = unit.lower()
    if rel == "the past" and unit != "weekend":
        back = {"week": 7, "month": 30, "year": 365}[unit]
        return pub - timedelta(days=back), pub, _PUB, True
    if rel == "the previous":
        rel = "last"
    if unit == "weekend":
        if rel == "next":
            sat = pub + timedelta(days=((5 - pub.weekday()) % 7) or 7)
            return sat, sat + timedelta(days=1), _PUB, True
        if pub.weekday() == 6 and rel == "this":
            return pub - timedelta(days=1), pub, _PUB, True
        if pub.weekday() == 6:
            return pub - timedelta(days=1), pub, _PUB, True
        sat = pub - timedelta(days=((pub.weekday() - 5) % 7) or 7)
        return sat, sat + timedelta(days=1), _PUB, True
    if unit == "week":
        mon = pub - timedelta(days=pub.weekday())
        if rel == "last":
            return mon - timedelta(days=7), mon - timedelta(days=1), _PUB, True
        if rel == "next":
            return mon + timedelta(days=7), mon + timedelta(days=13), _PUB, True
        if pre == "earlier":
            return mon, max(mon, pub - timedelta(days=1)), _PUB, True
        if pre == "later":
            return pub, mon + timedelta(days=6), _PUB, True
        return mon, pub, _PUB, True
    if unit == "month":
        first = pub.replace(day=1)
        if rel == "last":
            p = first - timedelta(days=1)
            return p.replace(day=1), p, _PUB, True
        if rel == "next":
            n = _month_end(pub.year, pub.month) + timedelta(days=1)
            return n, _month_end(n.year, n.month), _PUB, True
        if pre == "earlier":
            return first, max(first, pub - timedelta(days=1)), _PUB, True
        if pre == "later":
            return pub, _month_end(pub.year, pub.month), _PUB, True
        return first, pub, _PUB, True
    # year
    if rel == "last":
        return date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31), _PUB, True
    if rel == "next":
        return date(pub.year + 1, 1, 1), date(pub.year + 1, 12, 31), _PUB, True
    if pre == "earlier":
        return date(pub.year, 1, 1), max(date(pub.year, 1, 1), pub - timedelta(days=1)), _PUB, True
    if pre == "later":
        return pub, date(pub.year, 12, 31), _PUB, True
    return date(pub.year, 1, 1), pub, _PUB, True
