"""``reckon ingest --engine dask``: a cluster for the length of one ingest, with its progress."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reckon.ingest.batch import IngestSummary, OnEvent
from reckon.scale.engine import ClusterError, dashboard, ingest_dask, open_client
from reckon.scale.partitions import Options
from reckon.store import Store

__all__ = ["check_store", "run_dask_ingest"]


def check_store(store: Store, scheduler: str | None) -> None:
    """A cluster writes to PostgreSQL; SQLite only with a local cluster (this process writes)."""
    if scheduler and store.dialect == "sqlite":
        raise ClusterError(
            f"{store.display_url} is SQLite, which only this machine's processes can write: "
            "with --scheduler use a postgresql:// store (or --workers N for a local cluster)"
        )


def run_dask_ingest(
    store: Store,
    paths: Sequence[str],
    opts: Options,
    *,
    workers: int | None,
    scheduler: str | None,
    analyse: bool,
    on_event: OnEvent,
    bar: Any,
) -> IngestSummary:
    """Start (or join) a cluster, ingest ``paths`` on it, link, and shut what was started."""
    check_store(store, scheduler)
    bar.note("starting a local Dask cluster" if not scheduler else f"joining {scheduler}")
    client, cluster = open_client(workers, scheduler)
    try:
        n = len(client.scheduler_info().get("workers", {}))
        where = dashboard(client)
        bar.note(f"{n} worker(s); dashboard {where}" if where else f"{n} worker(s)")
        return ingest_dask(
            store,
            paths,
            client,
            opts=opts,
            analyse=analyse,
            on_event=on_event,
            on_total=bar.set_total,
            on_link=lambda: bar.note("linking incidents on the cluster"),
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
