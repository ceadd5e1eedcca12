"""WikiEvents (token-level KAIROS annotation): event detection only, since the documents carry
no figures, places or dates (documents with a violent event found, violent sentences covered
by evidence, predicted incidents supported by an annotated sentence).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reckon.evaluate.evidence import _evidence_list, locate
from reckon.evaluate.matching import describe_incident
from reckon.evaluate.results import EvalResult, Mismatch

WIKIEVENTS_VIOLENT = ("Conflict.Attack", "Life.Die", "Life.Injure")
WIKIEVENTS_RELATED = WIKIEVENTS_VIOLENT + (
    "Justice.ArrestJailDetain",
    "Conflict.Demonstrate",
    "ArtifactExistence.DamageDestroyDisableDismantle",
    "Contact.ThreatenCoerce",
)


def _sentence_spans(sentences: Sequence[Any], text: str) -> list[tuple[int, int] | None]:
    """Offsets of each annotated sentence in ``text``, found in order (``None`` when absent)."""
    out: list[tuple[int, int] | None] = []
    pos = 0
    for s in sentences:
        st = s[1] if isinstance(s, list | tuple) and len(s) > 1 else str(s)
        where = locate(st, text[pos:])
        if where is None:
            out.append(None)
            continue
        out.append((where[0] + pos, where[1] + pos))
        pos += where[1]
    return out


def score_wikievents(doc: Mapping[str, Any], pred: Mapping[str, Any] | None) -> EvalResult:
    """Event detection against one WikiEvents document (no figures, places or dates there).

    * ``wikievents_doc_detection``: documents with a gold attack, death or injury event in which
      at least one incident was predicted;
    * ``wikievents_violent_sentence_recall``: sentences holding a gold attack / death / injury
      trigger that some predicted incident's evidence touches (one incident told over several
      sentences may rightly cite only some of them, so this is a lower bound);
    * ``wikievents_incident_precision``: predicted incidents whose evidence touches a sentence
      with a gold attack, death, injury, arrest, protest, damage or threat event.
    """
    res = EvalResult(reports=1)
    rid = str(doc.get("doc_id") or doc.get("id"))
    pred = pred or {}
    text = ((pred.get("report") or {}).get("text")) or doc.get("text") or ""
    spans = _sentence_spans(doc.get("sentences") or [], text)
    violent: set[int] = set()
    related: set[int] = set()
    for e in doc.get("event_mentions") or []:
        et = str(e.get("event_type") or "")
        si = (e.get("trigger") or {}).get("sent_idx")
        if not isinstance(si, int) or si >= len(spans):
            continue
        if et.startswith(WIKIEVENTS_VIOLENT):
            violent.add(si)
        if et.startswith(WIKIEVENTS_RELATED):
            related.add(si)
    incs = list(pred.get("incidents") or [])

    def touched(inc: Mapping[str, Any]) -> set[int]:
        hit: set[int] = set()
        for ev in _evidence_list(inc):
            s, e = ev.get("start"), ev.get("end")
            if not isinstance(s, int) or not isinstance(e, int):
                continue
            for k, sp in enumerate(spans):
                if sp is not None and s < sp[1] and sp[0] < e:
                    hit.add(k)
        return hit

    covered: set[int] = set()
    for inc in incs:
        t = touched(inc)
        covered |= t
        ok = bool(t & related)
        res.ratio("wikievents_incident_precision").add(ok)
        if not ok:
            res.errors.append(Mismatch(rid, "incident.unsupported", None, describe_incident(inc)))
    if violent:
        res.ratio("wikievents_doc_detection").add(bool(incs))
        for si in sorted(violent):
            ok = si in covered
            res.ratio("wikievents_violent_sentence_recall").add(ok)
            if not ok:
                sp = spans[si]
                res.errors.append(
                    Mismatch(
                        rid,
                        "violent_sentence.missed",
                        None if sp is None else text[sp[0] : sp[1]],
                        None,
                    )
                )
    return res
