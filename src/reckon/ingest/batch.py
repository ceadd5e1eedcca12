"""Storing what the readers yield, report by report, and the demo over the bundled examples."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reckon.ingest.readers import read_paths
from reckon.ingest.report import IngestError
from reckon.model import Report
from reckon.store import Analyse, Store, StoreError

__all__ = [
    "IngestSummary",
    "examples_dir",
    "ingest_examples",
    "ingest_items",
]


@dataclass(slots=True)
class IngestSummary:
    stored: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    rejected: list[IngestError] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{len(self.stored)} stored, {len(self.already)} already stored, "
            f"{len(self.rejected)} rejected"
        )


# event kinds passed to ``on_event``: "stored", "already", "rejected"
OnEvent = Callable[[str, Report | IngestError, str | None], None]


def ingest_items(
    store: Store,
    items: Iterable[Report | IngestError],
    *,
    analyse: Analyse | None = None,
    on_event: OnEvent | None = None,
) -> IngestSummary:
    """Store each report in its own transaction; ``on_event(kind, item, id)`` after each one.

    ``on_event`` is called only after the report's transaction committed, so whatever it
    reports as stored survives a crash right after.
    """
    summary = IngestSummary()
    for item in items:
        if isinstance(item, IngestError):
            summary.rejected.append(item)
            if on_event:
                on_event("rejected", item, None)
            continue
        try:
            rid, created = store.add_report(item, analyse=analyse)
        except StoreError as e:
            err = IngestError(item.origin or item.id, str(e))
            summary.rejected.append(err)
            if on_event:
                on_event("rejected", err, None)
            continue
        (summary.stored if created else summary.already).append(rid)
        if on_event:
            on_event("stored" if created else "already", item, rid)
    return summary


def examples_dir() -> Path:
    """The bundled examples: ``$RECKON_EXAMPLES``, the checkout's ``examples/`` or ``./examples``."""
    env = os.environ.get("RECKON_EXAMPLES")
    candidates = [Path(env)] if env else []
    candidates += [Path(__file__).resolve().parents[3] / "examples", Path.cwd() / "examples"]
    for c in candidates:
        if c.is_dir():
            return c
    raise FileNotFoundError("no examples directory found (set RECKON_EXAMPLES)")


def ingest_examples(
    store: Store,
    directory: Path | None = None,
    *,
    analyse: Analyse | None = None,
    on_event: OnEvent | None = None,
) -> tuple[list[Report], IngestSummary]:
    """Ingest the bundled examples into ``store``; returns the stored reports in file order.

    Exactly what ``reckon ingest examples/`` does: the files carry their own metadata (a
    dateline, an HTML date, a feed's or a JSONL line's ``published``), nothing is added here.
    """
    directory = directory or examples_dir()
    ids: list[str] = []

    def collect(kind: str, item: Report | IngestError, rid: str | None) -> None:
        if rid is not None and rid not in ids:
            ids.append(rid)
        if on_event is not None:
            on_event(kind, item, rid)

    summary = ingest_items(store, read_paths([directory]), analyse=analyse, on_event=collect)
    reports = [r for r in (store.get_report(rid) for rid in ids) if r is not None]
    return reports, summary
