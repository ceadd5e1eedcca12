"""Clauses, paragraphs and headline detection: the units incidents are read from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reckon.extract.nlp import Sent
from reckon.model import Report

_F = re.IGNORECASE

# Clause boundaries inside a sentence. The boundary text goes with the following clause.
_BOUNDARY = re.compile(
    r";\s+|,\s+(?=and\s)|,\s+(?=while\s)|\s+(?=while\s)|,\s+(?=but\s)|,\s+(?=as\s(?!well|many|much|part))|"
    r",\s+(?=(?:hours|days|minutes|weeks|a day|a week|two days|three days|moments|shortly)\s+"
    r"(?:after|before|later|earlier))|\s+(?=(?:hours|days|two days|three days|a day|a week|"
    r"weeks)\s+(?:after|before)\s)|,?\s+(?=in (?:response|retaliation|reprisal) (?:to|for)\s)|"
    r",\s+(?=(?:after|following)\s)|\s+(?=following (?:a|an|the|this)\s)|"
    r"\s+(?=hours after\s)|,\s+(?=then\s)|\.\s+(?=[A-Z])|,?\s+(?=who,\s)|"
    r"\s+(?=after an? (?:string|series|wave|spate)\b)|"
    r"\s+(?=after (?:a|an|the|his|her|their|its)\s)|,\s+(?=bringing\s)",
    _F,
)
_BACKGROUND = re.compile(
    r"^(?:,\s*)?(?:after|following|in (?:response|retaliation|reprisal)|apparently in)\b", _F
)
BACK_REFERENCE = re.compile(
    r"^(?:,\s*)?(?:in (?:response|retaliation|reprisal) (?:to|for)|apparently in retaliation)\b",
    _F,
)
DISTINCT_TIME = re.compile(
    r"^(?:,\s*)?(?:(?:hours|days|minutes|weeks|a day|a week|two days|three days|moments|shortly)\s+"
    r"(?:after|before|later|earlier))",
    _F,
)


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    sent: int  # sentence index
    para: int  # paragraph index
    distinct_time: bool = False
    background: bool = False  # "after ...", "in response to ...": told as cause or context


def paragraph_bounds(report: Report) -> list[tuple[int, int]]:
    """Paragraph spans: the report's own, else blank-line (or newline) separated blocks."""
    text = report.text
    if report.paragraphs:
        return [(p.start, p.end) for p in report.paragraphs]
    out: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"\n\s*\n|\n", text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out or [(0, len(text))]


def para_index(bounds: list[tuple[int, int]], pos: int) -> int:
    for i, (a, b) in enumerate(bounds):
        if a <= pos < b or (pos < a):
            return i
    return max(0, len(bounds) - 1)


_COUNT_BEFORE = re.compile(
    r"\b(?:\d+|a few|few|several|two|three|four|five|six|seven|eight|nine|ten|twelve)$", _F
)


def clauses_of(text: str, sent: Sent, sent_idx: int, para_idx: int) -> list[Clause]:
    cuts: list[tuple[int, int]] = []  # (end of a clause, start of the next)
    pos = sent.start
    for m in _BOUNDARY.finditer(text, sent.start, sent.end):
        if m.start() <= pos:
            continue
        # a clause of one word is no clause ("two | days after"): keep it with the next one
        if len(text[pos : m.start()].split()) < 2:
            continue
        if _COUNT_BEFORE.search(text, max(pos, m.start() - 12), m.start()):
            continue  # "blocked the road for three | hours before dispersing": one clause
        cuts.append((m.start(), m.end()))
        pos = m.end()
    out: list[Clause] = []
    pos = sent.start
    for a, b in cuts:
        out.append(_clause(text, pos, a, sent_idx, para_idx))
        pos = b
    if pos < sent.end:
        out.append(_clause(text, pos, sent.end, sent_idx, para_idx))
    return [c for c in out if c.end > c.start]


def _clause(text: str, a: int, b: int, s: int, p: int) -> Clause:
    seg = text[a:b]
    return Clause(a, b, s, p, bool(DISTINCT_TIME.match(seg)), bool(_BACKGROUND.match(seg)))


_TERMINAL = re.compile(r"[.!?\"'”’)]\s*$")


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def is_headline(report: Report, sent: Sent, index: int) -> bool:
    """A headline line: the report title, or an unpunctuated first line followed by a break."""
    text = report.text
    if report.title and _norm(sent.text) == _norm(report.title):
        return True
    line_end = text.find("\n", sent.start)
    whole_line = line_end == -1 or line_end >= sent.end
    line_start = text.rfind("\n", 0, sent.start) + 1
    if index <= 2 and whole_line and text[line_start : sent.start].strip() == "":
        if not _TERMINAL.search(sent.text) and len(sent.text) < 160 and line_end != -1:
            return True
    return False
