"""Time expressions: the vocabulary, the one compiled pattern and the calendar helpers."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

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
