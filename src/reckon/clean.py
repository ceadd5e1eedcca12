"""Cleaning: undo what scrapers do to articles.

``clean(raw_text, title=None)`` is a pure, deterministic function. It

1. splits the decoded raw text into paragraphs, keeping each paragraph's offsets into
   ``raw_text`` (one line is one paragraph; hard-wrapped documents, where paragraphs are
   separated by blank lines and lines break at a roughly fixed width, are re-joined);
2. normalises each paragraph: Unicode NFC, invisible characters dropped, runs of whitespace
   (including no-break spaces and tabs) collapsed to one space;
3. detects the headline: a given ``title`` (from HTML or JSONL metadata) wins; otherwise a
   short line without final punctuation that is repeated in the text, or else the first line;
4. removes repeated headlines, exact and near-exact repeated paragraphs (same text once
   normalised for case, quotes and dashes, or a rapidfuzz ratio >= 97 between long
   paragraphs; merely similar sentences are kept) and obvious boilerplate lines (bylines,
   "Read more", share and follow prompts, newsletter sign-ups, copyright lines,
   "Advertisement").

The cleaned text is the headline (once), a blank line, then the kept paragraphs separated
by blank lines. ``Cleaned.paragraphs`` are spans of the kept paragraphs in the cleaned text
(the headline is not one of them). Every removal is recorded as a ``Removed`` with offsets
into ``raw_text``; repeats carry ``duplicate_of``, the raw offset of the first copy. The
headline line itself, moved to the top of the cleaned text, is recorded with kind
``"headline"`` so that its original place is known.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz.fuzz import ratio

from reckon.model import Removed, Span

__all__ = [
    "REMOVED_KINDS",
    "Cleaned",
    "clean",
    "count_removed",
    "is_boilerplate",
    "looks_like_headline",
    "normalise",
]

# Fuzzy (near-exact) comparison only between paragraphs at least this long, and at most
# against this many kept paragraphs (beyond that, exact comparison only: keeps very large
# inputs linear).
NEAR_EXACT_MIN_CHARS = 80
NEAR_EXACT_RATIO = 97.0
NEAR_EXACT_MAX_PARAGRAPHS = 2000

HEADLINE_MAX_CHARS = 160
HEADLINE_MAX_WORDS = 25
HEADLINE_MIN_WORDS = 3

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WS = re.compile(r"\s+")
_FINAL_PUNCT = ".!?;:,…"
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
    }
)

_NAME = r"[A-Z][\w.'\u2019-]*"
_BOILERPLATE = [
    # bylines: "By Jane Doe", "By Jane Doe and John Roe, Reuters", "By JANE DOE in Kyiv"
    re.compile(
        rf"^[Bb][Yy]\s+{_NAME}(?:\s+{_NAME}){{0,3}}"
        rf"(?:\s*(?:,|and|&)\s*{_NAME}(?:\s+{_NAME}){{0,3}})*"
        rf"(?:\s+in\s+{_NAME}(?:\s+{_NAME})?)?"
        rf"(?:\s*[|,\u2013\u2014-]\s*{_NAME}(?:\s+{_NAME}){{0,4}})?$"
    ),
    re.compile(r"^(?:read more|read also|also read|see also|more on this)\b", re.I),
    re.compile(r"^related(?::| (?:articles?|stories|story|coverage|content|news|reading)\b)", re.I),
    re.compile(
        r"^(?:share|tweet|email|print)(?: this)?(?: (?:article|story|page|post))?[.!:]?$", re.I
    ),
    re.compile(r"^share (?:on|via) \w+", re.I),
    re.compile(r"^follow us\b", re.I),
    re.compile(r"^(?:sign up|subscribe)\b.*\b(?:newsletter|updates|alerts|email)\b", re.I),
    re.compile(r"^subscribe(?: now| today)?[.!]?$", re.I),
    re.compile(r"^(?:\u00a9|\(c\)|copyright\b)", re.I),
    re.compile(r"^advertisement$", re.I),
    re.compile(r"^(?:story continues below|continue reading)\b", re.I),
    re.compile(r"^click here\b", re.I),
]
# every pattern above is anchored at the start: one combined ``match`` tests them all
_BOILERPLATE_ANY = re.compile(
    "|".join(
        f"(?{'i' if rx.flags & re.IGNORECASE else ''}:{rx.pattern.removeprefix('^')})"
        for rx in _BOILERPLATE
    )
)
# Boilerplate lines are short: a long paragraph that happens to start with "By ..." or
# "Related ..." is content.
BOILERPLATE_MAX_CHARS = 120


@dataclass(slots=True)
class Cleaned:
    """The result of cleaning: text (headline + kept paragraphs), headline, spans, removals."""

    text: str
    title: str | None
    paragraphs: list[Span] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)


@dataclass(slots=True)
class _Para:
    start: int  # offsets into raw_text
    end: int
    text: str  # normalised
    key: str  # comparison key


def normalise(text: str) -> str:
    """NFC, drop invisible characters, collapse whitespace runs to one space, strip."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    return _WS.sub(" ", text).strip()


def _key(text: str) -> str:
    """Comparison key for repeats: normalised text, case-folded, quotes and dashes unified."""
    return text.translate(_QUOTES).casefold()


def is_boilerplate(paragraph: str) -> bool:
    """True for an obvious boilerplate line (byline, share prompt, copyright, ...)."""
    return _boilerplate_normalised(normalise(paragraph))


def _boilerplate_normalised(p: str) -> bool:
    if not p or len(p) > BOILERPLATE_MAX_CHARS:
        return False
    if p.casefold().rstrip(".").endswith("all rights reserved"):
        return True
    return _BOILERPLATE_ANY.match(p) is not None


def looks_like_headline(line: str) -> bool:
    """A short line with at least a few words and no final punctuation."""
    s = normalise(line)
    if not s or len(s) > HEADLINE_MAX_CHARS or s[-1] in _FINAL_PUNCT:
        return False
    words = s.split()
    if not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS:
        return False
    return sum(ch.isalpha() for ch in s) >= len(s) // 2


def _is_hard_wrapped(blocks: list[list[tuple[int, int]]]) -> bool:
    """Blank-line separated blocks whose lines break at a roughly fixed width."""
    if len(blocks) < 2:
        return False
    inner = [e - s for block in blocks for (s, e) in block[:-1]]
    if len(inner) < 3:
        return False
    all_lines = [e - s for block in blocks for (s, e) in block]
    longest = max(all_lines)
    if longest > 120:
        return False
    near_width = sum(1 for n in inner if n >= 0.6 * longest)
    return near_width >= 0.8 * len(inner)


def _split(raw: str) -> list[tuple[int, int]]:
    """Paragraph offsets in ``raw``: one per non-blank line, or per block when hard-wrapped."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", raw):
        line = m.group()
        if m.start() == len(raw) and not line:
            break
        content = line.rstrip("\r\n")
        if content.strip() and _INVISIBLE.sub("", content).strip():
            lead = len(content) - len(content.lstrip())
            trail = len(content.rstrip())
            current.append((m.start() + lead, m.start() + trail))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    if _is_hard_wrapped(blocks):
        out = []
        for block in blocks:
            first = block[0]
            # a headline-like first line of a first block stays on its own
            if block is blocks[0] and len(block) > 1 and looks_like_headline(raw[slice(*first)]):
                out.append(first)
                block = block[1:]
            out.append((block[0][0], block[-1][1]))
        return out
    return [span for block in blocks for span in block]


class _Seen:
    """Kept paragraphs, for exact (dict) and near-exact (length-bounded fuzzy) lookups."""

    def __init__(self) -> None:
        self.exact: dict[str, int] = {}
        self.by_len: list[tuple[int, int, str]] = []  # (len, raw_start, key), sorted

    def find(self, key: str) -> int | None:
        if key in self.exact:
            return self.exact[key]
        n = len(key)
        if n < NEAR_EXACT_MIN_CHARS or len(self.by_len) > NEAR_EXACT_MAX_PARAGRAPHS:
            return None
        # ratio >= 97 needs lengths within about 6% of each other
        lo = bisect.bisect_left(self.by_len, (int(n * 0.94), -1, ""))
        hi = bisect.bisect_right(self.by_len, (int(n / 0.94) + 1, 1 << 62, ""))
        best: tuple[float, int] | None = None
        for _, start, other in self.by_len[lo:hi]:
            score = ratio(key, other, score_cutoff=NEAR_EXACT_RATIO)
            if score and (
                best is None or score > best[0] or (score == best[0] and start < best[1])
            ):
                best = (score, start)
        return best[1] if best else None

    def add(self, key: str, start: int) -> None:
        self.exact.setdefault(key, start)
        if len(key) >= NEAR_EXACT_MIN_CHARS:
            bisect.insort(self.by_len, (len(key), start, key))


def _choose_headline(paras: list[_Para]) -> _Para | None:
    counts: dict[str, int] = {}
    for p in paras:
        counts[p.key] = counts.get(p.key, 0) + 1
    tried: set[str] = set()
    for p in paras:
        if counts[p.key] > 1 and p.key not in tried:
            tried.add(p.key)
            if looks_like_headline(p.text) and not _boilerplate_normalised(p.text):
                return p
    if paras and len(paras) > 1 and looks_like_headline(paras[0].text):
        if not is_boilerplate(paras[0].text):
            return paras[0]
    return None


def clean(raw_text: str, title: str | None = None) -> Cleaned:
    """Clean one decoded report (see the module docstring). Pure and deterministic."""
    paras = []
    for start, end in _split(raw_text):
        text = normalise(raw_text[start:end])
        paras.append(_Para(start, end, text, _key(text)))

    removed: list[Removed] = []
    headline = normalise(title) if title and normalise(title) else None
    head_key: str | None = _key(headline) if headline else None
    head_start: int | None = None
    if headline is None:
        chosen = _choose_headline(paras)
        if chosen is not None:
            headline, head_key = chosen.text, chosen.key

    kept: list[_Para] = []
    seen = _Seen()
    for p in paras:
        if head_key is not None and p.key == head_key:
            if head_start is None:
                head_start = p.start
                removed.append(Removed("headline", raw_text[p.start : p.end], p.start, p.end))
            else:
                removed.append(
                    Removed(
                        "repeated_headline", raw_text[p.start : p.end], p.start, p.end, head_start
                    )
                )
            continue
        if _boilerplate_normalised(p.text):
            removed.append(Removed("boilerplate", raw_text[p.start : p.end], p.start, p.end))
            continue
        first = seen.find(p.key)
        if first is not None:
            removed.append(
                Removed("repeated_paragraph", raw_text[p.start : p.end], p.start, p.end, first)
            )
            continue
        seen.add(p.key, p.start)
        kept.append(p)

    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    if headline:
        parts.append(headline)
        pos = len(headline) + 2
    for p in kept:
        spans.append(Span(pos, pos + len(p.text), p.text))
        parts.append(p.text)
        pos += len(p.text) + 2
    return Cleaned("\n\n".join(parts), headline, spans, removed)


REMOVED_KINDS = ("repeated_headline", "repeated_paragraph", "boilerplate")


def count_removed(removed: list[Removed]) -> dict[str, int]:
    """How many repeated headlines, repeated paragraphs and boilerplate lines were removed.

    (The ``"headline"`` record, the headline moved to the top of the text, is not a removal.)
    """
    counts = dict.fromkeys(REMOVED_KINDS, 0)
    for r in removed:
        if r.kind in counts:
            counts[r.kind] += 1
    return counts
