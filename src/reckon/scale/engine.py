"""Ingest on a Dask cluster: the same record as one process, from many.

:func:`ingest_dask` cuts the inputs into partitions (:mod:`reckon.scale.partitions`), and each
worker reads, cleans, extracts and geocodes a partition (the spaCy model and the gazetteer load
once per worker process, see :class:`Warmup`). Reports already stored are skipped before any
analysis, so a re-run resumes where a run stopped. Then the store is written in batches
(:func:`reckon.store.batch.store_batch`, one transaction per partition):

- with PostgreSQL, by the workers themselves;
- with SQLite, by this process alone (one writer), in input order.

Finally the incidents are relinked with the blocks scored and the components linked on the
workers (:func:`cluster_score_blocks`, :func:`cluster_link_components`).

Faults: a task whose worker dies is run again elsewhere by the scheduler. A partition is stored
in one transaction, so a killed writer stores nothing of it and the retry stores it all; a retry
after a commit finds every report stored and adds nothing. Nothing is lost or stored twice.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from reckon.ingest import IngestError
from reckon.ingest.batch import IngestSummary, OnEvent
from reckon.link import Block, BlockResult, Copy, Entry, Override, merge_results
from reckon.model import Extraction, Incident, Report
from reckon.scale.partitions import Options, Partition, plan, read
from reckon.store import Store, open_store

__all__ = [
    "ClusterError",
    "PartResult",
    "Warmup",
    "cluster_link_components",
    "cluster_score_blocks",
    "dashboard",
    "ingest_dask",
    "ingest_partition",
    "open_client",
]

log = logging.getLogger(__name__)


class ClusterError(RuntimeError):
    """The cluster could not be started or reached, or cannot write to this store."""


class Warmup:
    """A Dask worker plugin: load the spaCy model and the gazetteer once, when a worker starts."""

    name = "reckon-warmup"

    def setup(self, worker: Any = None) -> None:
        from reckon.extract.nlp import get_nlp
        from reckon.geo import get_gazetteer

        get_nlp()
        get_gazetteer()

    def teardown(self, worker: Any = None) -> None:
        pass


ALLOWED_FAILURES = 3  # deaths of a worker running the same task before the run gives up
DASHBOARD_PACKAGE = "bokeh"  # distributed serves its dashboard only when bokeh is installed


def dashboard(client: Any) -> str | None:
    """The address of the cluster's dashboard, or None when it is not served."""
    import importlib.util

    if importlib.util.find_spec(DASHBOARD_PACKAGE) is None:
        return None
    try:
        return str(client.dashboard_link) or None
    except Exception:  # no scheduler info yet, or no dashboard configured
        return None


def open_client(
    workers: int | None = None, scheduler: str | None = None, *, timeout: float = 20
) -> tuple[Any, Any]:
    """A Dask client, and the local cluster it started (None when joining ``scheduler``).

    A task whose worker dies is run again on another one, up to ``ALLOWED_FAILURES`` times."""
    import dask
    from distributed import Client, LocalCluster

    dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES})
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=timeout)
        else:
            cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address="127.0.0.1:0",
                silence_logs=logging.ERROR,
            )
            client = Client(cluster, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as e:
        if cluster is not None:
            cluster.close()
        where = scheduler or "a local cluster"
        raise ClusterError(f"cannot start or reach {where}: {e}") from None
    try:
        from distributed.diagnostics.plugin import WorkerPlugin

        plugin: Any = type("ReckonWarmup", (Warmup, WorkerPlugin), {})()
        client.register_plugin(plugin, name=Warmup.name)
    except Exception as e:  # warming is an optimisation: the first task loads the model instead
        log.warning("could not register the warm-up plugin: %s", e)
    return client, cluster


# -- per worker ------------------------------------------------------------------------------

_STORES: dict[str, Store] = {}


def _store(url: str) -> Store:
    """One store (connection pool) per worker process and database."""
    st = _STORES.get(url)
    if st is None:
        st = _STORES[url] = open_store(url, migrate=False)
    return st


@dataclass(slots=True)
class PartResult:
    """What a worker did with a partition: events in input order, and what is left to write."""

    index: int
    events: list[tuple[str, Any, str | None]] = field(default_factory=list)
    todo: list[tuple[Report, Extraction | None]] = field(default_factory=list)
    analysed: int = 0


def _light(report: Report) -> Report:
    """The report as an event needs it (no raw bytes or text to send back)."""
    return Report(id=report.id, raw=b"", raw_text="", text="", title=report.title,
                  origin=report.origin, content_hash=report.content_hash)  # fmt: skip


def ingest_partition(
    part: Partition, opts: Options, url: str, *, analyse: bool = True, write: bool = True
) -> PartResult:
    """Read, analyse and (with ``write``) store one partition; the Dask task of an ingest."""
    from reckon.store.batch import existing_hashes, store_batch
    from reckon.store.incidents import analyse as analyse_report

    items = list(read(part, opts))
    store = _store(url)
    digests = [r.content_hash for r in items if isinstance(r, Report)]
    with store.engine.connect() as conn:
        known = existing_hashes(conn, digests)
    out = PartResult(part.index)
    todo: list[tuple[Report, Extraction | None]] = []
    slots: list[int] = []  # event index of each todo item
    for item in items:
        if isinstance(item, IngestError):
            out.events.append(("rejected", item, None))
        elif item.content_hash in known:
            out.events.append(("already", _light(item), known[item.content_hash]))
        else:
            x = analyse_report(item) if analyse else None
            out.analysed += analyse
            slots.append(len(out.events))
            out.events.append(("todo", _light(item), None))
            todo.append((item, x))
    if not write:
        out.todo = todo
        return out
    for slot, outcome in zip(slots, store_batch(store, todo), strict=True):
        out.events[slot] = _event(out.events[slot][1], outcome)
    return out


def _event(item: Report, outcome: Any) -> tuple[str, Any, str | None]:
    if outcome.error:
        return ("rejected", IngestError(item.origin or item.id, outcome.error), None)
    return ("stored" if outcome.created else "already", item, outcome.report_id)


# -- the client ------------------------------------------------------------------------------


def ingest_dask(
    store: Store,
    paths: Iterable[str],
    client: Any,
    *,
    opts: Options | None = None,
    analyse: bool = True,
    per: int = 200,
    on_event: OnEvent | None = None,
    on_total: Callable[[int], None] | None = None,
    on_link: Callable[[], None] | None = None,
    relink: bool = True,
) -> IngestSummary:
    """Ingest ``paths`` into ``store`` on the cluster of ``client`` (see module doc)."""
    from distributed import as_completed

    opts = opts or Options()
    sqlite = store.dialect == "sqlite"
    local = all(
        str(addr).startswith(("tcp://127.", "inproc://", "tcp://localhost"))
        for addr in client.scheduler_info().get("workers", {})
    )
    if sqlite and not local:
        raise ClusterError(
            f"{store.display_url} is SQLite: a cluster writes to PostgreSQL "
            "(use --db postgresql://... or --workers N for a local cluster)"
        )
    parts: list[Partition | IngestError] = list(plan(paths, per))
    if on_total:
        on_total(sum(p.size for p in parts if isinstance(p, Partition)))
    summary = IngestSummary()
    nworkers = max(1, len(client.scheduler_info().get("workers", {})))
    window = 2 * nworkers + 2
    pending: dict[int, Any] = {}
    done: dict[int, PartResult | IngestError] = {}
    queue = iter(enumerate(parts))
    next_out = 0

    def submit_more(ac: Any) -> None:
        while len(pending) < window:
            try:
                i, p = next(queue)
            except StopIteration:
                return
            if isinstance(p, IngestError):
                done[i] = p
                continue
            fut = client.submit(
                ingest_partition, p, opts, store.url, analyse=analyse, write=not sqlite,
                key=f"reckon-ingest-{id(summary)}-{p.index}", retries=2,
            )  # fmt: skip
            pending[i] = fut
            ac.add(fut)

    def flush() -> None:
        nonlocal next_out
        while next_out in done:
            res = done.pop(next_out)
            next_out += 1
            if isinstance(res, IngestError):
                _emit(summary, on_event, "rejected", res, None)
                continue
            if res.todo:  # SQLite: this process is the one writer, in input order
                from reckon.store.batch import store_batch

                outcomes = iter(store_batch(store, res.todo))
                res.events = [
                    _event(item, next(outcomes)) if kind == "todo" else (kind, item, rid)
                    for kind, item, rid in res.events
                ]
            for kind, item, rid in res.events:
                _emit(summary, on_event, kind, item, rid)

    ac = as_completed([])
    submit_more(ac)
    flush()
    for fut in ac:
        i = next(k for k, f in pending.items() if f is fut)
        del pending[i]
        done[i] = fut.result()
        fut.release()
        submit_more(ac)
        flush()
    flush()
    if relink and analyse and summary.stored:
        from reckon.store.relink import relink_all

        if on_link:
            on_link()
        with store.transaction() as conn:
            relink_all(
                conn,
                score_blocks=cluster_score_blocks(client, store.url),
                link_components=cluster_link_components(client, store.url),
            )
    return summary


def _emit(
    summary: IngestSummary, on_event: OnEvent | None, kind: str, item: Any, rid: str | None
) -> None:
    if kind == "rejected":
        summary.rejected.append(item)
    elif kind == "stored":
        summary.stored.append(rid or "")
    else:
        summary.already.append(rid or "")
    if on_event:
        on_event(kind, item, rid)


# -- linking on the cluster --------------------------------------------------------------------


def _score_task(
    url: str, blocks: Sequence[Block], entries: dict[str, Entry], copies: dict[str, Copy]
) -> BlockResult:
    """Score a run of consecutive blocks (one stretch of time), reading through one bounded
    cache only the records some pair needs, as one process does."""
    from reckon.link.stream import RecordCache, score_entries
    from reckon.store.relink import StoreSource

    with _store(url).engine.connect() as conn:
        cache = RecordCache(StoreSource(conn))
        return merge_results(score_entries(b, entries, cache, copies) for b in blocks)


def _components_task(
    url: str, comps: Sequence[Sequence[str]], copies: dict[str, Copy], overrides: list[Override]
) -> list[list[Incident]]:
    from reckon.link.stream import link_component, relevant_overrides
    from reckon.store.relink import StoreSource

    with _store(url).engine.connect() as conn:
        src = StoreSource(conn)
        return [
            link_component(src.load(c), copies, relevant_overrides(overrides, c)) for c in comps
        ]


def _batches(items: Sequence[Any], size: Callable[[Any], int], n: int) -> list[list[Any]]:
    """About ``n`` batches of similar total size, in order."""
    total = sum(size(x) for x in items) or 1
    goal = max(1, total // max(1, n))
    out: list[list[Any]] = [[]]
    acc = 0
    for x in items:
        if acc >= goal and out[-1]:
            out.append([])
            acc = 0
        out[-1].append(x)
        acc += size(x)
    return [b for b in out if b]


def _entries_of(blocks: Sequence[Block], entries: dict[str, Entry]) -> dict[str, Entry]:
    """The entries a run of blocks reads (its blocks' mentions)."""
    return {k: entries[k] for b in blocks for k in b.keys}


def _workers(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def cluster_score_blocks(client: Any, url: str) -> Callable[..., Iterator[BlockResult]]:
    """A ``score_blocks`` for :func:`reckon.store.relink.relink_all` that scores on the cluster."""

    def run(
        blocks: Sequence[Block], copies: dict[str, Copy], entries: dict[str, Entry]
    ) -> Iterator[BlockResult]:
        from distributed import as_completed

        if not blocks:
            return
        cps = client.scatter([copies], broadcast=True, hash=False)[0]
        batches = _batches(blocks, lambda b: len(b.keys) ** 2, 4 * _workers(client))
        futs = [
            client.submit(_score_task, url, b, _entries_of(b, entries), cps, pure=False)
            for b in batches
        ]
        for fut in as_completed(futs):
            res = fut.result()
            fut.release()
            yield res

    return run


def cluster_link_components(client: Any, url: str) -> Callable[..., Iterator[list[Incident]]]:
    """A ``link_components`` for :func:`reckon.store.relink.relink_all` on the cluster."""

    def run(
        comps: Sequence[Sequence[str]], copies: dict[str, Copy], overrides: Sequence[Override]
    ) -> Iterator[list[Incident]]:
        from distributed import as_completed

        if not comps:
            return
        cps = client.scatter([copies], broadcast=True, hash=False)[0]
        batches = _batches(comps, lambda c: len(c) ** 2, 4 * _workers(client))
        futs = [
            client.submit(_components_task, url, b, cps, list(overrides), pure=False)
            for b in batches
        ]
        for fut in as_completed(futs):
            yield from fut.result()
            fut.release()

    return run
