"""Reading a text for counts: sentence by sentence, one stage after another."""

from __future__ import annotations

from reckon.extract.numbers.cues import _STEMS, _trigger_at
from reckon.extract.numbers.mention import CountMention
from reckon.extract.numbers.state import _Sent
from reckon.extract.numbers.subjects import bare_plurals, subjects
from reckon.extract.numbers.tokens import _sentences
from reckon.extract.numbers.verbs import (
    bodies_of,
    negations,
    nominals,
    objects,
    tolls,
    verb_phrases,
)

_KIND_ORDER = {"killed": 0, "injured": 1, "abducted": 2, "arrested": 3}


def find_counts(text: str, start: int = 0, end: int | None = None) -> list[CountMention]:
    """Every casualty count in ``text[start:end]``, in text order, spans absolute."""
    if not isinstance(text, str):
        raise TypeError(f"find_counts expects a string, got {type(text).__name__}")
    n = len(text)
    end = n if end is None else max(0, min(end, n))
    start = max(0, min(start, end))
    out: list[CountMention] = []
    for s, e in _sentences(text, start, end):
        if not _STEMS.search(text, s, e):
            continue
        out.extend(_sentence_counts(text, s, e))
    if any(m.kind == "killed" and m.hedged != "implied" for m in out):
        # "no one was injured" says nobody died only where nothing else says who did
        out = [m for m in out if m.hedged != "implied"]
    out.sort(
        key=lambda m: (
            m.count.span.start if m.count.span else m.trigger.start,
            m.trigger.start,
            _KIND_ORDER[m.kind],
        )
    )
    return out


def _sentence_counts(text: str, s: int, e: int) -> list[CountMention]:
    st = _Sent(text, s, e)
    tk, used = st.tk, st.used
    negations(st)
    # locate triggers
    trigs: list[tuple[int, int, str, str]] = []
    k = 0
    while k < tk.n:
        t = _trigger_at(tk, k)
        if t is not None and not used[k]:
            trigs.append((k, t[0], t[1], t[2]))
            k = t[0]
        else:
            k += 1
    tolls(st, trigs)
    objects(st, trigs)
    verb_phrases(st)
    bodies_of(st, trigs)
    nominals(st)
    subjects(st)
    bare_plurals(st, trigs)
    out = st.out
    if any(m.kind == "killed" and id(m) not in st.of_wounded for m in out):
        # "three guards had died after one of the wounded succumbed": a step of that figure
        out = [m for m in out if id(m) not in st.of_wounded]
    return out
