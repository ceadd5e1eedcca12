"""Tokens of one sentence with absolute offsets, sentence bounds, person nouns."""

from __future__ import annotations

import re

from reckon.extract.numbers.words import (
    _NOT_AGENT,
    _PERSON,
    _PERSON_SING_SUFFIXES,
    _PERSON_SUFFIXES,
    _THINGS,
)
from reckon.model import Span

_TOKEN_RE = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*|\S")
_SENT_RE = re.compile(r"[^.!?\n]*(?:[.!?]+[\"'”’)\]]*(?=\s|$)|\n|$)")
_INT_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


_MAY_MONTH = "may/month"


def _month_may(raw: list[str], k: int) -> bool:
    """Is "May" at k the month: next to a day number, or capitalised inside a sentence?"""
    nxt = raw[k + 1] if k + 1 < len(raw) else ""
    prv = raw[k - 1] if k > 0 else ""
    if nxt[:1].isdigit() or prv[:1].isdigit():
        return True
    return raw[k] == "May" and k > 0 and prv not in {".", ":", '"', "“", "‘", "'", "("}


class _Toks:
    """Tokens of one sentence: lower-cased words with absolute offsets."""

    __slots__ = ("w", "s", "e", "raw", "n", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        w: list[str] = []
        s: list[int] = []
        e: list[int] = []
        raw: list[str] = []
        for m in _TOKEN_RE.finditer(text, start, end):
            t = m.group()
            raw.append(t)
            w.append(t.lower().replace("’", "'"))
            s.append(m.start())
            e.append(m.end())
        for k, t in enumerate(w):
            if t == "may" and _month_may(raw, k):
                w[k] = _MAY_MONTH  # the month, never the modal ("On 18 May, a boy was shot")
        self.w, self.s, self.e, self.raw, self.n = w, s, e, raw, len(w)

    def word(self, i: int) -> str:
        return self.w[i] if 0 <= i < self.n else ""

    def glued(self, i: int) -> bool:
        """Token i touches token i-1 (no space between)."""
        return 0 < i < self.n and self.s[i] == self.e[i - 1]

    def span(self, i: int, j: int) -> Span:
        return Span.of(self.text, self.s[i], self.e[j - 1])


def _is_person(w: str, singular: bool = False) -> bool:
    if w in _THINGS:
        return False
    if w in _PERSON:
        return True
    if len(w) < 5 or not w.isalpha():
        return False
    suf = _PERSON_SING_SUFFIXES if singular else _PERSON_SUFFIXES
    if singular:
        return w.endswith(suf) or (w.endswith(("er", "or")) and w not in _NOT_AGENT)
    return w.endswith(suf)


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in _SENT_RE.finditer(text, start, end):
        s, e = m.start(), m.end()
        if e > s and text[s:e].strip():
            # trim spaces
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            out.append((s, e))
        if m.end() >= end:
            break
    return out
