"""Extraction stage: a report in, its incidents, tolls, reactions and places out.

``extract(report)`` reads one report; ``extract_many(reports)`` batches spaCy over many. The rules
(:mod:`reckon.extract.pipeline`) read the incidents; the learned screen
(:mod:`reckon.extract.screen`) then drops those it judges not real.
The pipeline is imported on first use so that ``reckon.extract.numbers`` and
``reckon.extract.dates`` stay importable on their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reckon.model import Extraction, Report

__all__ = ["extract", "extract_many"]


def extract(report: Report) -> Extraction:
    """Incidents, tolls, reactions and places of one report."""
    return extract_many([report])[0]


def extract_many(reports: list[Report]) -> list[Extraction]:
    """Extract many reports, running spaCy over them in one batch."""
    from reckon.extract import screen
    from reckon.extract.pipeline import extract_many as _extract_many

    return [screen.apply(ex) for ex in _extract_many(reports)]
