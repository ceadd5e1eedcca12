"""Evidence: finding a gold evidence string in a report's text and measuring how much of it a
predicted item's evidence spans cover.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_WORD = re.compile(r"[^\W_]{3,}")


def _content_tokens(s: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(s)}


def locate(needle: str, text: str) -> tuple[int, int] | None:
    """Offsets of ``needle`` in ``text``: exact, then ignoring case and runs of whitespace."""
    if not needle or not text:
        return None
    i = text.find(needle)
    if i >= 0:
        return i, i + len(needle)
    parts = [re.escape(p) for p in needle.split()]
    if not parts:
        return None
    m = re.search(r"\s+".join(parts), text, flags=re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def _evidence_list(x: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    ev = x.get("evidence")
    if isinstance(ev, str):
        return [{"text": ev}]
    if isinstance(ev, list):
        return [e if isinstance(e, Mapping) else {"text": str(e)} for e in ev]
    return []


def evidence_overlap(gold_evidence: str | None, pred: Mapping[str, Any], text: str) -> float:
    """How much a gold evidence string and a predicted item's evidence overlap (0..1).

    When the gold string can be found in the predicted report's cleaned ``text``, this is the
    share of the gold span covered by the predicted evidence spans; otherwise it is the share of
    the gold string's content words found in the predicted evidence texts.
    """
    if not gold_evidence:
        return 0.0
    evs = _evidence_list(pred)
    if not evs:
        return 0.0
    where = locate(gold_evidence, text)
    if where is not None:
        gs, ge = where
        covered = 0
        spans = sorted(
            (int(e["start"]), int(e["end"]))
            for e in evs
            if isinstance(e.get("start"), int) and isinstance(e.get("end"), int)
        )
        cur = gs
        for s, e in spans:
            s, e = max(s, cur), min(e, ge)
            if e > s:
                covered += e - s
                cur = e
        if spans:
            return covered / max(1, ge - gs)
    gt = _content_tokens(gold_evidence)
    if not gt:
        return 0.0
    pt: set[str] = set()
    for e in evs:
        pt |= _content_tokens(str(e.get("text") or ""))
    return len(gt & pt) / len(gt)
