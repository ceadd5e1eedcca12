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

import calendar
import re
from datetime import date, timedelta

from reckon.model import DateInterval, Span

__all__ = ["find_dateline", "find_dates", "header_date", "resolve"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_NUM = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3,
    "a few": 3, "few": 3, "a couple of": 2,
}  # fmt: skip

_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MON = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)"
)
_NUMW = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few|a\s+couple\s+of)"
_PART = r"(?:early|mid|late|the\s+(?:start|beginning|end|middle)\s+of|the\s+(?:first|second|last)\s+half\s+of)"

_PATTERN = re.compile(
    r"\b(?=[0-9A-Za-z])(?P<since>since\s+)?(?:"
    # 2025-03-10
    r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
    # 18 June 2025, 18th of June
    r"|(?P<dmy>\b(?:on\s+)?(?P<dmy_d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_m>" + _MON + r")"
    r"(?:,?\s+(?P<dmy_y>\d{4}))?\b)"
    # June 18, 2025
    r"|(?P<mdy>\b(?:on\s+)?(?P<mdy_m>"
    + _MON
    + r")\s+(?P<mdy_d>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*[:.]\d)"
    r"(?:,?\s+(?P<mdy_y>\d{4})\b)?)"
    # (late) March 2025
    r"|(?P<my>\b(?:(?:in|during|by|until|of)\s+)?(?:(?P<my_part>" + _PART + r")[\s-]+)?"
    r"(?P<my_m>" + _MON + r")\s+(?P<my_y>\d{4})\b)"
    # weekdays: on Tuesday (evening), last Thursday, overnight on Sunday, Sunday's, Monday and Tuesday
    r"|(?P<wdx>\b(?:(?P<wd_pre>last|this|next|past|late\s+on|early\s+on|late|early|on|by|until"
    r"|overnight\s+on|overnight|on\s+the\s+night\s+of|(?:in\s+)?the\s+early\s+hours\s+of"
    r"|(?:in\s+)?the\s+small\s+hours\s+of|the\s+night\s+of)\s+)?"
    r"(?P<wd>" + _WD + r")(?P<wd_poss>['’]s)?"
    r"(?:\s+(?P<wd_part>morning|afternoon|evening|night|nights|overnight)(?:['’]s)?)?"
    r"(?:\s+(?P<wd_join>and|to|through|into|or|-)\s+(?:on\s+)?(?P<wd2>" + _WD + r")"
    r"(?:\s+(?:morning|afternoon|evening|night))?)?)"
    # in (early) December
    r"|(?P<mo>\b(?P<mo_pre>in|during|by|until|of|last|this|next|since|from)\s+"
    r"(?:(?P<mo_part>" + _PART + r")[\s-]+)?(?P<mo_m>" + _MON + r")\b(?![\s-]+\d))"
    r"|(?P<mo2>\b(?P<mo2_part>early|mid|late)[\s-]+(?P<mo2_m>" + _MON + r")\b(?!\s+\d))"
    # in 2013, the 2013 bombing
    r"|(?P<yr>\b(?P<yr_pre>in|during|by|until|of|the|early|late|mid|since|from)[\s-]+"
    r"(?P<yr_y>(?:19|20)\d{2})\b(?![-/]\d|\s*%))"
    # today, yesterday, overnight, last night
    r"|(?P<today>\b(?:earlier\s+|later\s+)?today\b|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b)"
    r"|(?P<yday>\b(?:the\s+day\s+before\s+)?yesterday(?:\s+(?:morning|afternoon|evening))?\b)"
    r"|(?P<lastnight>\blast\s+night\b|\bovernight\b)"
    # weeks, months, years, weekends
    r"|(?P<wk>\b(?:(?P<wk_pre>earlier|later)\s+)?(?P<wk_rel>last|this|next|the\s+previous|the\s+past)\s+"
    r"(?P<wk_unit>week|month|year|weekend)\b(?![-\s]+(?:long|old)))"
    r"|(?P<wkend>\b(?:over|at|during|on)\s+the\s+weekend\b)"
    r"|(?P<start>\b(?:the\s+)?(?:start|beginning)\s+of\s+(?:the|this)\s+(?P<start_unit>week|month|year)\b)"
    # in the past 24 hours, in 24 hours
    r"|(?P<hrs>\b(?:in|over|during|within)\s+(?:the\s+)?(?:(?:past|previous|last)\s+)?"
    r"(?P<hrs_n>24|48|72|twenty-four|forty-eight)\s+hours\b)"
    r"|(?P<pastdays>\b(?:in|over|during)\s+the\s+(?:past|previous|last)\s+(?P<pd_n>"
    + _NUMW
    + r")\s+"
    r"(?P<pd_unit>days|weeks)\b)"
    # three days ago
    r"|(?P<ago>\b(?P<ago_n>" + _NUMW + r")\s+(?P<ago_unit>days?|weeks?|months?)\s+ago\b)"
    # chained: two days earlier / later / after / before; hours later; the previous day
    r"|(?P<rel>\b(?P<rel_n>" + _NUMW + r")[\s-]+(?P<rel_unit>days?|weeks?|nights?)\s+"
    r"(?P<rel_dir>earlier|later|after|before)\b)"
    r"|(?P<same>\b(?:hours|minutes|moments|shortly|soon|just|an\s+hour|a\s+few\s+hours)\s+"
    r"(?:later|after|afterwards|earlier|before)\b|\blater\s+(?:that|the\s+same)\s+day\b"
    r"|\bthe\s+same\s+(?:day|morning|afternoon|evening|night)\b|\bthat\s+(?:same\s+)?"
    r"(?:day|morning|afternoon|evening)\b)"
    r"|(?P<prevday>\bthe\s+(?:previous|preceding)\s+(?:day|night|evening)\b|\bthe\s+day\s+before\b"
    r"|\bthe\s+night\s+before\b|\ba\s+day\s+(?:earlier|before)\b)"
    r"|(?P<nextday>\bthe\s+(?:next|following)\s+(?:day|morning|evening|night)\b|\ba\s+day\s+later\b"
    r"|\bthe\s+day\s+after\b)"
    r")",
    re.IGNORECASE,
)


# the words a time expression can start with: the pattern is only tried at these words
_WORD = re.compile(r"[0-9A-Za-z]+")
_FIRST = (
    set(_WEEKDAYS)
    | {w + "s" for w in _WEEKDAYS}  # "Tuesdays attack" where the apostrophe was lost
    | set(_MONTHS)
    | set(_NUM)
    | {
        "since", "on", "in", "during", "by", "until", "of", "the", "early", "mid", "late",
        "last", "this", "next", "past", "overnight", "earlier", "later", "today", "tonight",
        "yesterday", "over", "at", "within", "hours", "minutes", "moments", "shortly", "soon",
        "just", "that", "start", "beginning", "from", "couple",
    }
)  # fmt: skip

# --------------------------------------------------------------------------------------------
# helpers


def _parse_iso(d: str | None, what: str = "published") -> date | None:
    if d is None:
        return None
    if not isinstance(d, str):
        raise ValueError(f"{what} must be an ISO date string (YYYY-MM-DD), got {d!r}")
    s = d.strip()[:10]
    try:
        return date.fromisoformat(s)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}", s):
            return date.fromisoformat(s + "-01")
        if re.fullmatch(r"\d{4}", s):
            return date(int(s), 1, 1)
        raise ValueError(f"{what} is not an ISO date (YYYY-MM-DD): {d!r}") from None


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _month_num(s: str) -> int:
    return _MONTHS[s.lower().rstrip(".")]


def _n(s: str) -> int:
    s = " ".join(s.lower().split())
    if s.isdigit():
        return int(s)
    return _NUM.get(s, 1)


def _weekday_on_or_before(pub: date, wd: int) -> date:
    return pub - timedelta(days=(pub.weekday() - wd) % 7)


def _part_range(y: int, m: int, part: str | None) -> tuple[date, date]:
    start, end = date(y, m, 1), _month_end(y, m)
    if not part:
        return start, end
    p = " ".join(part.lower().split())
    if p == "early" or p.startswith("the start") or p.startswith("the beginning"):
        return start, date(y, m, 10)
    if p == "mid" or p.startswith("the middle"):
        return date(y, m, 11), date(y, m, 20)
    if p == "late" or p.startswith("the end"):
        return date(y, m, 21), end
    if "first half" in p:
        return start, date(y, m, 15)
    if "second half" in p or "last half" in p:
        return date(y, m, 16), end
    return start, end


def _valid_day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_ok(m: re.Match, group: str) -> bool:
    """Month names must be capitalised ("May", not the modal "may"; "March", not "march")."""
    s = m.group(group)
    return bool(s) and s[0].isupper()


# --------------------------------------------------------------------------------------------
# one match -> interval

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


# --------------------------------------------------------------------------------------------
# public API


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
        got = find_dates(f"{m.group('mon')} {m.group('d2')}, {m.group('y2')}")
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
    for d in find_dates(text, start, min(len(text), start + 80)):
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
        got = find_dates(m.group())
        if not got or got[0].start is None or got[0].start != got[0].end:
            continue
        d = date.fromisoformat(got[0].start)
        if m.start() < 300:
            return d.isoformat()
        if best is None or d > best:
            best = d
    return _iso(best)
