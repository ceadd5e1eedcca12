"""The learned incident screen: a logistic model that keeps or drops each incident the rules read.

The rules read every clause with a violent trigger as a possible incident; many are not events
(a threat, a statistic, a metaphor, a scene already told). The screen scores each incident read
from features that carry across genres (no surface words): the rules' event type and sub-type,
the ACLED types of its actors by role, which counts it carries, its rank and the number of incidents in the report, whether its clause is quoted and the cue classes of its clause (negation, modality, future, generic, memory,
justice, statistics, sport, speech; ``extract/data/screen_cues.tsv``). An incident whose
probability of being a real incident falls under the model's threshold is dropped (never a
report's first incident: a title alone or a one-line note has too little to go by), and a note
names it with its clause, so a reader can see what was screened out and why.

The weights live in ``extract/data/screen.json``, trained by ``tools/train_screen.py`` on the
learning part of the shared gold files (see its docstring; the rebuild is byte-identical).

The screen is ON unless ``RECKON_SCREEN=0`` is set. Since the rules and the screen were last
retrained together it wins on data it was not trained on: on the measuring part of wide.dev
incident F1 0.754 -> 0.767 (recall unchanged), on the written set 0.728 -> 0.732, and on real
news (WikiEvents) incident precision 0.944 -> 0.970 with violent-sentence recall unchanged
(0.596); FA-KES main incident found (0.995) and clusters linking are unchanged. (An earlier
screen, with weaker rules, lost on WikiEvents and was opt-in.)
"""

from __future__ import annotations

import json
import math
import os
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from reckon.extract.events import find_triggers
from reckon.extract.mood import quoted_spans
from reckon.model import Extraction, Mention

_DATA = "reckon.extract"


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    by_class: dict[str, list[str]] = {}
    text = resources.files(_DATA).joinpath("data", "screen_cues.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cls, cue = line.split("\t", 1)
        by_class.setdefault(cls, []).append(re.escape(cue.strip()).replace(r"\ ", r"\s+"))
    return {
        cls: re.compile(r"(?<![\w-])(?:" + "|".join(sorted(cues, key=len, reverse=True)) + r")(?![\w-])", re.I)
        for cls, cues in sorted(by_class.items())
    }


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any] | None:
    """The packaged screen (weights, bias, threshold), or ``None`` when there is none."""
    try:
        raw = resources.files(_DATA).joinpath("data", "screen.json").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return json.loads(raw)


def _clause(m: Mention) -> tuple[str, int] | None:
    for e in m.evidence:
        if e.field == "clause":
            return e.text, e.start
    for e in m.evidence:
        if e.field == "event":
            return e.text, e.start
    return None


def _in_quote(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quoted utterance of its paragraph (the mood stage's reading)?"""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    spans = quoted_spans(text, start, len(text) if end < 0 else end)
    return any(a <= pos < b for a, b in spans)


def features(text: str, incidents: list[Mention], i: int) -> dict[str, float]:
    """The screen's features of incident ``i`` of a report (name -> value)."""
    m = incidents[i]
    f: dict[str, float] = {
        "type=" + m.event_type: 1.0,
        "sub=" + m.sub_event_type: 1.0,
        "confidence": m.confidence,
        "first": 1.0 if i == 0 else 0.0,
        "incidents>=3": 1.0 if len(incidents) >= 3 else 0.0,
    }
    roles = set()
    for a in m.actors:
        roles.add(f"{a.role}={a.type}")
    for r in sorted(roles):
        f[r] = 1.0
    if not m.actors:
        f["no_actor"] = 1.0
    for kind, c in m.counts().items():
        if c is not None and (c.best or c.low or c.high):
            f["count=" + kind] = 1.0
    same = sum(1 for j, o in enumerate(incidents) if j != i and o.sub_event_type == m.sub_event_type)
    if same:
        f["same_sub_elsewhere"] = 1.0
    cl = _clause(m)
    if cl is not None:
        ctext, start = cl

        if _in_quote(text, start + len(ctext) // 2):
            f["quoted"] = 1.0
        for t in find_triggers(text, start, start + len(ctext)):
            f["clause_trigger=" + t.code] = 1.0
        for cls, pat in _cues().items():
            if pat.search(ctext):
                f["cue=" + cls] = 1.0
    else:
        f["no_clause"] = 1.0
    return f


def probability(model: dict[str, Any], feats: dict[str, float]) -> float:
    """The model's probability that the incident is a real one."""
    w = model["weights"]
    z = float(model["bias"]) + sum(v * float(w.get(k, 0.0)) for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


def _told_deaths(m: Mention) -> bool:
    """An incident with a figure of people killed, injured or abducted of its own is never
    screened out: a told harm is concrete, and a screen trained on a few hundred reports must
    not lose the record's first figures."""
    return any(c is not None and bool(c.best or c.low) for c in (m.fatalities, m.injured, m.abducted))


def apply(ex: Extraction) -> Extraction:
    """Drop the incidents the screen judges not real (in place; returns the extraction)."""
    if os.environ.get("RECKON_SCREEN", "1") == "0":
        return ex
    model = load_model()
    if model is None or not ex.incidents:
        return ex
    text = ex.report.text or ""
    keep: list[Mention] = []
    threshold = float(model["threshold"])
    for i, m in enumerate(ex.incidents):
        p = probability(model, features(text, ex.incidents, i))
        if p >= threshold or (i == 0 and model.get("keep_first", True)) or _told_deaths(m):
            keep.append(m)
            continue
        cl = _clause(m)
        said = f": {cl[0][:120]!r}" if cl else ""
        ex.notes.append(
            f"screened out {m.event_type}/{m.sub_event_type} (p={p:.2f} < {threshold:.2f}){said}"
        )
    ex.incidents = keep
    return ex
