"""Quantities: numbers in digits or words, qualifiers, ranges and vague amounts -> low/best/high."""

from __future__ import annotations

from dataclasses import dataclass

from text_to_num import text2num

from reckon.extract.numbers.tokens import (
    _INT_RE,
    _is_person,
    _Toks,
)
from reckon.extract.numbers.words import (
    _CORE_START,
    _MONTHS,
    _NUMWORDS,
    _PREFIX_INDEX,
    _SCALES,
    _TENS,
    _UNITS,
    _VAGUE_PLURALS,
    _VAGUE_SEVERAL,
)
from reckon.model import Count


@dataclass(frozen=True, slots=True)
class _Q:
    low: int | None
    best: int | None
    high: int | None
    qualifier: str
    i: int  # first token
    j: int  # one past the last token
    numeric: bool  # an explicit number (digits or words), not a vague word


def _int_token(tk: _Toks, i: int) -> int | None:
    """Value of a digit token that can be a count of people, else None."""
    t = tk.w[i]
    if not t[0].isdigit() or not _INT_RE.fullmatch(t):
        return None
    nxt, prv = tk.word(i + 1), tk.word(i - 1)
    # glued to letters: 50C, 36th, M5, 1990s
    if i + 1 < tk.n and tk.glued(i + 1) and (nxt[:1].isalpha() or nxt in {"%", ":"}):
        return None
    if i > 0 and tk.glued(i) and (prv[:1].isalpha() or prv in {"$", "£", "€", "#", "/", "."}):
        return None
    if prv in {"$", "£", "€", "us$", "no", "no.", "number", "#"}:
        return None
    if nxt in {"%", "percent", "pm", "am", "a.m", "p.m", "gmt", "utc", "o'clock", "bc", "ad"}:
        return None
    if nxt == "per" and tk.word(i + 2) in {"cent", "day"}:
        return None
    if nxt == "-" and tk.word(i + 2) in {"year", "years", "month", "day", "hour", "week"}:
        return None
    if nxt == "/" or (nxt == "." and tk.word(i + 2)[:1].isdigit()):
        return None
    if nxt in _MONTHS or prv in _MONTHS:
        return None
    if prv in {"aged", "age", "ages", "resolution", "highway", "route", "road", "article",
               "chapter", "section", "brigade", "division", "battalion", "regiment", "unit",
               "flight", "room", "km", "kilometre", "page", "line", "level", "grade", "phase",
               "zone", "sector", "gate", "block", "apartment", "building", "camp", "hill",
               "corps", "covid", "f", "su", "t", "mig", "iskander", "m"}:  # fmt: skip
        return None
    if i > 0 and tk.raw[i - 1][:1].isupper() and prv in {"resolution", "highway", "route"}:
        return None
    v = int(t.replace(",", ""))
    if "," not in t and len(t) == 4 and 1800 <= v <= 2100 and not _is_person(nxt):
        return None  # a year
    return v


def _spelled(tk: _Toks, i: int) -> tuple[int, int] | None:
    """A spelled-out number starting at token i: (value, end index)."""
    if tk.word(i) not in _UNITS:
        return None
    j = i
    parts: list[str] = []
    while j < tk.n:
        w = tk.w[j]
        if w in _NUMWORDS:
            parts.append(w)
            j += 1
        elif w == "-" and parts and parts[-1] in _TENS and tk.word(j + 1) in _UNITS:
            j += 1
        elif (
            w == "and"
            and parts
            and parts[-1] in {"hundred", "thousand"}
            and (tk.word(j + 1) in _UNITS)
        ):
            parts.append(w)
            j += 1
        else:
            break
    if len(parts) == 1:
        return _UNITS[parts[0]], j
    try:
        return int(text2num(" ".join(parts), "en")), j
    except (ValueError, TypeError):
        return _UNITS[parts[0]], i + 1


def _core(tk: _Toks, i: int, after_trigger: bool = False) -> _Q | None:
    """A number or vague quantity at token i, without qualifier."""
    w = tk.word(i)
    if not w:
        return None
    if w[0].isdigit():
        v = _int_token(tk, i)
        if v is None:
            return None
        j = i + 1
        if tk.word(j) in {"million", "thousand", "hundred"}:
            v *= _SCALES[tk.word(j)]
            j += 1
        elif tk.word(j) == "dozen" and v < 20:
            v, j = v * 12, j + 1  # "2 dozen"
        return _Q(v, v, v, "exact", i, j, True)
    sp = _spelled(tk, i)
    if sp is not None:
        v, j = sp
        nxt = tk.word(j)
        if nxt == "-" and tk.word(j + 1) in {"year", "month", "day", "week", "hour", "storey"}:
            return None  # "twelve-year-old", "three-day"
        if w == "one" and nxt in {"another", "way", "side", "sided"}:
            return None
        if nxt == "dozen" and v < 20:
            v, j = v * 12, j + 1  # "two dozen", "nearly three dozen"
        return _Q(v, v, v, "exact", i, j, True)
    if w == "a" or w == "half":
        # a dozen, half a dozen, a few, a number of, a couple of, a handful of
        n1, n2 = tk.word(i + 1), tk.word(i + 2)
        if w == "half" and n1 == "a" and n2 == "dozen":
            return _Q(6, 6, 6, "about", i, i + 3, False)
        if n1 == "dozen":
            return _Q(12, 12, 12, "about", i, i + 2, False)
        if n1 == "number" and n2 == "of":
            return _Q(2, 2, None, "vague", i, i + 3, False)
        if n1 == "couple" and n2 == "of":
            return _Q(2, 2, 2, "about", i, i + 3, False)
        if n1 == "couple" and n2 in {"were", "was", "had", "have", "died", "killed"}:
            return _Q(2, 2, 2, "about", i, i + 2, False)  # "a couple were killed"
        if n1 == "few":
            return _Q(2, 2, None, "vague", i, i + 2, False)
        if n1 == "handful" and n2 == "of":
            return _Q(2, 2, None, "vague", i, i + 3, False)
        if n1 in _SCALES and n1 != "million" and n1 != "billion":
            v = _SCALES[n1]
            return _Q(v, v, v, "exact", i, i + 2, True)
        return None
    if w == "dozen":
        return _Q(12, 12, 12, "about", i, i + 1, False)
    if w == "tens" and tk.word(i + 1) == "of" and tk.word(i + 2) == "thousands":
        return _Q(20000, 20000, None, "vague", i, i + 3, False)
    if w == "tens" and tk.word(i + 1) == "of":
        return _Q(20, 20, None, "vague", i, i + 2, False)  # "tens of people": two tens at least
    if w == "hundreds" and tk.word(i + 1) == "of" and tk.word(i + 2) == "thousands":
        return _Q(200000, 200000, None, "vague", i, i + 3, False)
    if w in _VAGUE_PLURALS:
        hurt = {"injured", "wounded", "hurt", "killed", "dead"}
        if (
            w == "scores"
            and tk.word(i + 1) != "of"
            and not after_trigger
            # "... and scores injured", "scores were wounded": people, not results
            and tk.word(i + 1) not in hurt
            and not (tk.word(i + 1) in {"were", "more"} and tk.word(i + 2) in hurt)
        ):
            return None
        lo, be, hi = _VAGUE_PLURALS[w]
        return _Q(lo, be, hi, "vague", i, i + 1, False)
    if w in _VAGUE_SEVERAL:
        nxt = tk.word(i + 1)
        if nxt in {"hundred", "thousand"}:
            v = 2 * _SCALES[nxt]
            return _Q(v, v, None, "vague", i, i + 2, False)
        if nxt == "dozen":
            return _Q(24, 24, None, "vague", i, i + 2, False)
        if w == "many" and nxt not in {"of", "people", "civilians"} and not _is_person(nxt):
            return None
        return _Q(2, 2, None, "vague", i, i + 1, False)
    if w == "both":
        return _Q(2, 2, 2, "exact", i, i + 1, False)
    return None


def _quantity_at(tk: _Toks, i: int, after_trigger: bool = False) -> _Q | None:
    """A full quantity phrase (qualifier, number, range) starting at token i."""
    w = tk.word(i)
    if w == "between" or w == "from":
        a = _core(tk, i + 1)
        if a is not None and a.numeric and tk.word(a.j) in {"and", "to", "-", "–"}:
            b = _core(tk, a.j + 1)
            if b is not None and b.numeric and b.best >= a.best:
                return _Q(a.best, a.best, b.best, "range", i, b.j, True)
        return None
    qual = None
    k = i
    for p, q in _PREFIX_INDEX.get(w, ()):
        if all(tk.word(i + n) == p[n] for n in range(1, len(p))):
            qual, k = q, i + len(p)
            break
    if qual is None and not (w[:1].isdigit() or w in _CORE_START):
        return None
    core = _core(tk, k, after_trigger)
    if core is None:
        return None
    if core.numeric and tk.word(core.j) in {"to", "-", "–", "or"}:
        b = _core(tk, core.j + 1)
        if b is not None and b.numeric and b.best > core.best:
            if tk.word(core.j) == "-" and not (tk.glued(core.j) and tk.glued(core.j + 1)):
                pass
            else:
                lo = core.best if qual != "at_most" else None
                return _Q(lo, core.best, b.best, "range", i, b.j, True)
    if qual is None:
        return core if k == i else None
    v = core.best
    if qual == "at_least":
        return _Q(v, v, None, "at_least", i, core.j, core.numeric)
    if qual == "about":
        hi = core.high if not core.numeric else v
        return _Q(v, v, hi, "about", i, core.j, core.numeric)
    return _Q(None, v, v, "at_most", i, core.j, core.numeric)


def parse_quantity(phrase: str) -> Count | None:
    """Parse a number phrase ("at least 27", "dozens", "between 5 and 8") into a Count.

    The span of the returned Count covers the words read, as offsets into ``phrase``.
    Returns None when the phrase holds no count of people (a year, an age, a time, money).
    """
    if not isinstance(phrase, str):
        raise TypeError(f"parse_quantity expects a string, got {type(phrase).__name__}: {phrase!r}")
    tk = _Toks(phrase, 0, len(phrase))
    for i in range(tk.n):
        q = _quantity_at(tk, i, after_trigger=True)
        if q is not None:
            return Count(q.low, q.best, q.high, q.qualifier, tk.span(q.i, q.j))
        w = tk.word(i)
        if w in {"no", "none", "nobody", "zero"} or (w == "no" and tk.word(i + 1) == "one"):
            return Count(0, 0, 0, "none", tk.span(i, i + 1))
        if w in {"a", "an"} and tk.n == 1:
            return Count(1, 1, 1, "exact", tk.span(i, i + 1))
    return None


def add_counts(a: Count, b: Count) -> Count:
    """Sum of two victim groups: unknown bounds stay unknown."""
    low = a.low + b.low if a.low is not None and b.low is not None else None
    best = (a.best or 0) + (b.best or 0)
    high = a.high + b.high if a.high is not None and b.high is not None else None
    if a.qualifier == b.qualifier:
        qual = a.qualifier
    elif "vague" in (a.qualifier, b.qualifier):
        qual = "vague"
    elif high is None:
        qual = "at_least"
    elif low is None:
        qual = "at_most"
    else:
        qual = "range" if low != high else "about"
    # the summed phrase has no single span without the text; find_counts sets it
    return Count(
        low, best, high, qual, a.span if b.span is None else b.span if a.span is None else None
    )
