"""Containers every metric is recorded in: :class:`Ratio` (numerator / denominator), the
:class:`Mismatch` listed by ``reckon eval --errors``, the raw :class:`Counts` and the
:class:`EvalResult` that pools them over reports and derives the headline metrics (incident,
toll and reaction precision / recall / F1) from the counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Ratio:
    """A metric as numerator / denominator; ``value`` is ``None`` when nothing was scored."""

    num: float = 0
    den: float = 0

    def add(self, ok: bool, weight: float = 1.0) -> None:
        self.den += weight
        if ok:
            self.num += weight

    @property
    def value(self) -> float | None:
        return self.num / self.den if self.den else None

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.num + other.num, self.den + other.den)

    def as_dict(self) -> dict[str, Any]:
        v = self.value
        return {"value": None if v is None else round(v, 4), "num": self.num, "den": self.den}


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision == 0 or recall == 0:
        return 0.0
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


@dataclass(slots=True)
class Mismatch:
    """One disagreement between gold and prediction, for ``reckon eval --errors``."""

    report: str
    field: str
    gold: Any
    predicted: Any

    def as_dict(self) -> dict[str, Any]:
        return {
            "report": self.report,
            "field": self.field,
            "gold": self.gold,
            "predicted": self.predicted,
        }


@dataclass(slots=True)
class Counts:
    """Raw tallies that several metrics derive from (summed over reports)."""

    gold_incidents: int = 0
    pred_incidents: int = 0
    matched_incidents: int = 0
    gold_tolls: int = 0
    pred_tolls: int = 0
    matched_tolls: int = 0
    gold_reactions: int = 0
    pred_reactions: int = 0
    matched_reactions: int = 0
    tolls_as_incidents: int = 0
    reports_with_toll_as_incident: int = 0
    main_rows: int = 0
    full_rows: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__slots__:  # type: ignore[attr-defined]
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(slots=True)
class EvalResult:
    """Metrics for a set of reports (or for one report)."""

    counts: Counts = field(default_factory=Counts)
    ratios: dict[str, Ratio] = field(default_factory=dict)
    errors: list[Mismatch] = field(default_factory=list)
    reports: int = 0

    def ratio(self, name: str) -> Ratio:
        r = self.ratios.get(name)
        if r is None:
            r = self.ratios[name] = Ratio()
        return r

    def merge(self, other: EvalResult) -> None:
        self.counts.add(other.counts)
        for name, r in other.ratios.items():
            self.ratios[name] = self.ratio(name) + r
        self.errors.extend(other.errors)
        self.reports += other.reports

    def metrics(self) -> dict[str, float | None]:
        """All headline metrics as plain numbers (``None`` where nothing was scored)."""
        c = self.counts
        out: dict[str, float | None] = {}
        if c.full_rows:
            p = _div(c.matched_incidents, c.pred_incidents)
            r = _div(c.matched_incidents, c.gold_incidents)
            out.update(incident_precision=p, incident_recall=r, incident_f1=f1(p, r))
        if c.full_rows and (c.gold_tolls or c.pred_tolls):
            out.update(
                toll_precision=_div(c.matched_tolls, c.pred_tolls),
                toll_recall=_div(c.matched_tolls, c.gold_tolls),
            )
        if c.full_rows:
            out["tolls_counted_as_incidents"] = float(c.tolls_as_incidents)
        if c.full_rows and (c.gold_reactions or c.pred_reactions):
            out.update(
                reaction_precision=_div(c.matched_reactions, c.pred_reactions),
                reaction_recall=_div(c.matched_reactions, c.gold_reactions),
            )
        for name in sorted(self.ratios):
            if self.ratios[name].den:
                out[name] = self.ratios[name].value
        return out

    def as_dict(self) -> dict[str, Any]:
        c = self.counts
        return {
            "reports": self.reports,
            "metrics": {k: (None if v is None else round(v, 4)) for k, v in self.metrics().items()},
            "ratios": {k: v.as_dict() for k, v in sorted(self.ratios.items()) if v.den},
            "counts": {name: getattr(c, name) for name in c.__slots__},  # type: ignore[attr-defined]
        }


def _div(a: float, b: float) -> float | None:
    return a / b if b else None
