"""Counted noun phrases: a quantity, its victims, partitives and victim groups joined by "and"."""

from __future__ import annotations

from dataclasses import dataclass

from reckon.extract.numbers.cues import (
    _trigger_at,
)
from reckon.extract.numbers.quantity import (
    _quantity_at,
    add_counts,
)
from reckon.extract.numbers.tokens import (
    _is_person,
    _Toks,
)
from reckon.extract.numbers.words import (
    _AUX,
    _COLLECTIVE,
    _PARTITIVE_PRON,
    _STOP,
    _THINGS,
    _UNITS,
)
from reckon.model import Count, Span


@dataclass(slots=True)
class _NP:
    count: Count
    i: int  # first token of the count
    j: int  # one past the last token of the phrase
    head: tuple[int, int] | None  # victim words (token range)
    partitive_kind: str | None = None  # "many of the wounded" -> "injured"


_SING_DET = {"a", "an", "the", "his", "her", "its", "their", "another", "one", "this", "that"}
_ORD_PRON = {"third", "fourth", "fifth", "second", "sixth"}


def _age_at(tk: _Toks, k: int) -> int:
    """Length of an age phrase at k ("63-year-old", "12 - year - old"), else 0."""
    w = tk.word(k)
    if (w[:1].isdigit() or w in _UNITS) and tk.word(k + 1) == "-" and tk.word(k + 2) == "year":
        n = 3
        if tk.word(k + 3) == "-" and tk.word(k + 4) == "old":
            n = 5
        return n
    return 0


def _scan_head(tk: _Toks, j: int, end: int, singular: bool) -> tuple[str, int, int | None]:
    """After a count at j: ("person"|"thing"|"unknown"|"none", end index, head index)."""
    k = j
    mods = 0
    last_mod = None
    aged = False  # an age ("a 19-year-old") is only said of people
    while k < end and k < j + 8:
        w = tk.w[k]
        a = _age_at(tk, k)
        if a:
            k += a
            mods += 1
            aged = True
            continue
        if w == "-" or (w == "#" and tk.glued(k + 1)):
            k += 1
            continue
        if w in _STOP or _trigger_at(tk, k) is not None or not (w[0].isalnum()):
            break
        if w[0].isdigit() and (
            (tk.glued(k + 1) and tk.word(k + 1)[:1].isalpha())
            or (k > j and tk.glued(k) and tk.w[k - 1][:1].isalpha())
        ):
            # a name with a digit ("3R fighters", "M23 rebels") modifies the head
            last_mod = k
            mods += 1
            k += 1
            continue
        if w[0].isdigit() or w in _UNITS:
            break
        if w.endswith("ly") and w not in {"elderly", "family", "lonely", "unruly", "burly"}:
            break  # an adverb ends the phrase: "12 initially killed"
        if w in _THINGS and not (k + 1 < end and _is_person(tk.w[k + 1], singular)):
            return "thing", k + 1, k  # ("two village elders", "bus passengers": people)
        if _is_person(w, singular):
            h = k
            # compound heads: "crew members", "police officers", "passers-by"
            while (
                h + 1 < end
                and _is_person(tk.w[h + 1], singular)
                and tk.w[h + 1] not in _STOP
                and _trigger_at(tk, h + 1) is None
            ):
                h += 1
            e = h + 1
            if tk.word(e) == "-" and tk.word(e + 1) == "by":
                e += 2
                h = e - 1
            return "person", e, h
        last_mod = k
        mods += 1
        k += 1
    if aged:
        h = last_mod if last_mod is not None else k - 1
        return "person", h + 1, h
    if mods and last_mod is not None:
        return "unknown", last_mod + 1, last_mod
    return "none", j, None


def _skip_age(tk: _Toks, k: int) -> int:
    """Skip "in his 40s", "in their early twenties", "in her mid-30s", "aged 34" at k."""
    if tk.word(k) == "aged" and tk.word(k + 1)[:1].isdigit():
        return k + 2
    if tk.word(k) != "in" or tk.word(k + 1) not in {"his", "her", "their"}:
        return k
    m = k + 2
    while tk.word(m) in {"early", "mid", "late", "-"}:
        m += 1
    w = tk.word(m)
    if w[:1].isdigit() and tk.word(m + 1) == "s" and tk.glued(m + 1):
        return m + 2
    if w in {"teens", "twenties", "thirties", "forties", "fifties", "sixties", "seventies",
             "eighties"}:  # fmt: skip
        return m + 1
    return k


def _skip_pp(tk: _Toks, k: int, end: int) -> int:
    """Skip an "of ..." / "from ..." phrase after a head noun ("members of one family",
    "two women from the Zahra district of Homs") and an age ("a man in his 40s", "aged 34")."""
    k = _skip_age(tk, k)
    if tk.word(k) not in {"of", "from"}:
        return k
    m = k + 1
    while m < end and m < k + 10:
        w = tk.w[m]
        if w in {",", ";", "and", "were", "was", "had", "have", "has", "who", "in", "on", "at",
                 "near", "when", "after", "from", "by", "with", "during", "including", "(",
                 ".", "is", "are", "been"} or _trigger_at(tk, m) is not None:  # fmt: skip
            break
        if w[0].isdigit() and tk.word(k) == "from":
            return k  # "from 40 to 52"
        m += 1
    return m


_SAY = {"say", "says", "said", "according", "reportedly", "apparently", "officials", "police",
        "witnesses", "residents", "sources", "believed", "told"}  # fmt: skip


def _skip_said(tk: _Toks, x: int, end: int) -> int:
    """Skip a short parenthetical ", they say," / ", police said," at x (a comma)."""
    for y in range(x + 2, min(end, x + 7)):
        if tk.w[y] == ",":
            if any(tk.w[z] in _SAY for z in range(x + 1, y)):
                return y + 1
            return x
        if not tk.w[y][0].isalnum():
            return x
    return x


def _np_at(
    tk: _Toks, i: int, end: int, *, strict: bool, bare: bool, after_trigger: bool
) -> _NP | None:
    """A counted noun phrase starting at token i.

    strict: the head must be a person noun (ambiguous verbs like "seized").
    bare: accept a plural person noun with no number ("killed civilians") as 2/2/None.
    """
    q = _quantity_at(tk, i, after_trigger)
    w = tk.word(i)
    if q is None and after_trigger and w in {"himself", "herself"}:
        # "killing himself and wounding two officers": the attacker is one of the dead
        return _NP(Count(1, 1, 1, "exact", tk.span(i, i + 1)), i, i + 1, (i, i + 1))
    if q is None:
        # "a third", "the other", "another"
        if w in {"a", "the"} and tk.word(i + 1) in _ORD_PRON | {"other"}:
            nxt = tk.word(i + 2)
            if nxt in _STOP or not nxt[:1].isalnum() or _trigger_at(tk, i + 2):
                c = Count(1, 1, 1, "exact", tk.span(i, i + 2))
                return _NP(c, i, i + 2, None)
        nxt = tk.word(i + 1)
        if w == "another" and (
            _trigger_at(tk, i + 1) or nxt in _AUX or nxt in _STOP or not nxt[:1].isalnum()
        ):
            return _NP(Count(1, 1, 1, "exact", tk.span(i, i + 1)), i, i + 1, None)
        if (
            w in {"a", "an", "the", "one"}
            and tk.word(i + 1) in {"family", "household"}
            and tk.word(i + 2) == "of"
        ):
            # "killed a family of seven": the family's members are the count
            fq = _quantity_at(tk, i + 3, True)
            if fq is not None and fq.numeric and fq.best is not None and fq.best < 100:
                c = Count(fq.low, fq.best, fq.high, fq.qualifier, tk.span(fq.i, fq.j))
                return _NP(c, i, fq.j, (i + 1, i + 2))
        if w in _SING_DET:
            if _quantity_at(tk, i + 1, after_trigger) is not None:
                if w in {"his", "her", "its", "their", "the", "these", "those"}:
                    # "his two sons", "the three men"
                    inner = _np_at(tk, i + 1, end, strict=strict, bare=False,
                                   after_trigger=after_trigger)  # fmt: skip
                    if inner is not None and inner.partitive_kind is None:
                        return inner
                return None
            kind, j, h = _scan_head(tk, i + 1, end, singular=True)
            if kind == "person" and h is not None and not tk.w[h].endswith("s"):
                if tk.w[h] in _COLLECTIVE:
                    return None
                c = Count(1, 1, 1, "exact", tk.span(i, i + 1))
                return _NP(c, i, _skip_pp(tk, j, end), (i + 1, h + 1))
            return None
        if bare and w[:1].isalpha() and w not in _STOP:
            kind, j, h = _scan_head(tk, i, end, singular=True)
            if (
                kind == "person"
                and h is not None
                and h - i <= 3
                and not tk.w[h].endswith("s")
                and tk.w[h] not in _COLLECTIVE
                and tk.w[h] not in {"people", "police", "personnel", "men", "women", "children"}
            ):
                # headline style "gun down tribal elder", "kill Papuan separatist": one
                c = Count(1, 1, 1, "exact", tk.span(i, h + 1))
                return _NP(c, i, _skip_pp(tk, h + 1, end), (i, h + 1))
            kind, j, h = _scan_head(tk, i, end, singular=False)
            if (
                kind == "person"
                and h is not None
                and h - i <= 3
                and (tk.w[h].endswith(("s", "men", "people")) or tk.w[h] in {"police", "personnel"})
            ):
                c = Count(2, 2, None, "vague", tk.span(i, h + 1))
                return _NP(c, i, _skip_pp(tk, j, end), (i, h + 1))
        return None
    j = q.j
    count = Count(q.low, q.best, q.high, q.qualifier, tk.span(q.i, q.j))
    nxt = tk.word(j)
    if nxt in {"of", "from", "among"}:
        # partitive: "five of them", "two of the assailants", "many of the wounded"
        k = j + 1
        if tk.word(k) in _PARTITIVE_PRON:
            return _NP(count, i, k + 1, None)
        while tk.word(k) in {"the", "its", "their", "his", "her", "those", "these"}:
            k += 1
        if _quantity_at(tk, k, after_trigger) is not None:
            return None  # "one of the three men killed": the inner count is the figure
        t = _trigger_at(tk, k)
        if t is not None and tk.word(k) in {"wounded", "injured", "dead", "killed"}:
            return _NP(count, i, k + 1, (k, k + 1), partitive_kind=t[1])
        kind, m, h = _scan_head(tk, k, end, singular=False)
        if kind == "thing" or (strict and kind == "none"):
            return None
        if kind == "none" and nxt == "of":
            return None
        return _NP(count, i, m, (k, h + 1) if h is not None else None)
    if nxt in _THINGS and not _is_person(tk.word(j + 1), q.best == 1):
        return None
    kind, m, h = _scan_head(tk, j, end, singular=q.best == 1)
    if kind == "thing":
        return None
    if strict and kind != "person":
        return None
    if kind == "none":
        if not q.numeric and q.qualifier == "vague" and tk.word(q.j - 1) == "of":
            return None  # "dozens of" followed by nothing usable
        return _NP(count, i, j, None)
    return _NP(count, i, _skip_pp(tk, m, end), (j, h + 1) if h is not None else None)


def _skip_paren(tk: _Toks, k: int, end: int) -> int:
    """Skip ", including two women," / "(...)" after a noun phrase."""
    w = tk.word(k)
    if w == "(":
        m = k + 1
        while m < end and tk.w[m] != ")":
            m += 1
        return m + 1 if m < end else k
    if w in {"including", "includes"} or (w == "among" and tk.word(k + 1) in {"them", "whom"}):
        m = k + 1 if w != "among" else k + 2
        inner = _chain(tk, m, end, strict=False, bare=True, after_trigger=False)
        if inner is not None:
            m = inner[2]
            if tk.word(m) == ",":
                m += 1
            return m
        return k
    if w == "," and tk.word(k + 1) in {"including", "among", "mostly", "most", "many", "some",
                                        "all", "mainly", "half", "both", "several"}:  # fmt: skip
        m = k + 1
        while m < end and tk.w[m] not in {",", ";", "."}:
            m += 1
        return m + 1 if m < end and tk.w[m] == "," else k
    return k


_DASHES = {"-", "–", "—"}


def _skip_appositive(tk: _Toks, k: int, end: int) -> int:
    """Skip ", a father and his two sons," or " - three women and two men -" after a counted
    phrase (restates it, no new count)."""
    if tk.word(k) in _DASHES and not tk.glued(k):
        # an aside between dashes, with no count word of its own ("died", "killed") inside
        for m in range(k + 1, min(end, k + 13)):
            if tk.w[m] in _DASHES and not tk.glued(m):
                return m + 1 if m > k + 1 else k
            if _trigger_at(tk, m) is not None or tk.w[m] in {";", ":", "(", ")"}:
                return k
        return k
    if tk.word(k) != ",":
        return k
    m = k + 1
    n = _np_at(tk, m, end, strict=True, bare=False, after_trigger=False)
    if n is None:
        return k
    m = n.j
    while tk.word(m) == "and":
        n2 = _np_at(tk, m + 1, end, strict=True, bare=False, after_trigger=False)
        if n2 is None:
            break
        m = n2.j
    if tk.word(m) == "," and tk.word(m + 1) != "and":  # ", and ..." goes on: a list
        return m + 1
    return k


_UNKNOWN_WORDS = {"unknown", "unspecified", "undetermined", "undisclosed", "unconfirmed"}


def _chain(tk: _Toks, i: int, end: int, *, strict: bool, bare: bool, after_trigger: bool):
    """Victim groups joined by "and": returns (Count, first, end, head range, partitive_kind)."""
    first = _np_at(tk, i, end, strict=strict, bare=bare, after_trigger=after_trigger)
    if first is None:
        return None
    total = first.count
    k = first.j
    head = first.head
    if first.partitive_kind:
        return total, i, k, head, first.partitive_kind
    k = _skip_paren(tk, k, end)
    k2 = _skip_appositive(tk, k, end)
    if k2 != k:
        return total, i, k2, head, None
    while k < end:
        w = tk.word(k)
        nk = None
        if w in {"and", "&"} or (w == "," and tk.word(k + 1) == "and"):
            nk = k + 1 if w != "," else k + 2
        elif w in {"along", "together"} and tk.word(k + 1) == "with":
            nk = k + 2
        elif w == "," and tk.word(k + 1) in {"along", "together"} and tk.word(k + 2) == "with":
            nk = k + 3
        elif w == "as" and tk.word(k + 1) == "well" and tk.word(k + 2) == "as":
            nk = k + 3
        if nk is None and w == ",":
            # a list: "a man, his wife and their son"; only when it goes on with "and"
            nxt = _np_at(tk, k + 1, end, strict=True, bare=False, after_trigger=after_trigger)
            if (
                nxt is not None
                and not nxt.partitive_kind
                and (tk.word(nxt.j) in {"and", ","})
                and _np_at(tk, nxt.j + 1 + (tk.word(nxt.j + 1) == "and"), end, strict=True,
                           bare=False, after_trigger=after_trigger) is not None
            ):  # fmt: skip
                nk = k + 1
        if nk is None:
            break
        if (
            tk.word(nk) in {"an", "a"}
            and tk.word(nk + 1) in _UNKNOWN_WORDS
            and tk.word(nk + 2) == "number"
            and tk.word(nk + 3) == "of"
        ):
            # "seven soldiers and an unknown number of militants": at least seven, no top
            kind, m, h = _scan_head(tk, nk + 4, end, singular=False)
            if kind == "person" and h is not None:
                total = Count(total.low, total.best, None, total.qualifier, total.span)
                head = (head[0] if head else nk + 4, h + 1)
                k = m
                continue
        nxt = _np_at(tk, nk, end, strict=True, bare=False, after_trigger=after_trigger)
        if nxt is not None and not nxt.partitive_kind:
            total = _sum(tk, total, nxt.count)
            if nxt.head is not None:
                head = (head[0] if head else nxt.head[0], nxt.head[1])
            k = _skip_paren(tk, nxt.j, end)
            total.span = tk.span(i, nxt.head[1] if nxt.head else nxt.j)
            continue
        # "several soldiers and rebels died": same group, no new number
        kind, m, h = _scan_head(tk, nk, end, singular=False)
        if (
            kind == "person"
            and h is not None
            and _quantity_at(tk, nk) is None
            and tk.word(nk) not in _SING_DET
        ):
            head = (head[0] if head else nk, h + 1)
            k = m
            continue
        break
    return total, i, k, head, None


def _sum(tk: _Toks, a: Count, b: Count) -> Count:
    c = add_counts(a, b)
    if a.span is not None and b.span is not None:
        c.span = Span.of(tk.text, min(a.span.start, b.span.start), max(a.span.end, b.span.end))
    return c
