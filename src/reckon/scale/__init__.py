"""Running reckon at scale: ingest on a Dask cluster, synthetic reports for benchmarks.

- :mod:`reckon.scale.partitions`: inputs cut into partitions workers read on their own;
- :mod:`reckon.scale.engine`: the cluster, the per-partition task, batched writes and linking
  on the cluster (:func:`ingest_dask`);
- :mod:`reckon.scale.command`: ``reckon ingest --engine dask`` (:func:`run_dask_ingest`);
- :mod:`reckon.scale.synthetic`: reports written from templates of our own, for ``bench/``
  and the tests.
"""

from reckon.scale.command import check_store, run_dask_ingest
from reckon.scale.engine import ClusterError, ingest_dask, ingest_partition, open_client
from reckon.scale.partitions import Options, Partition, plan, read

__all__ = [
    "ClusterError",
    "Options",
    "Partition",
    "check_store",
    "ingest_dask",
    "ingest_partition",
    "open_client",
    "plan",
    "read",
    "run_dask_ingest",
]
