"""The per-file steps on a Dask cluster (extra ``copydesk[dask]``).

The client maps :func:`copydesk.run.executor.check_one` (and the corpus survey) over the
cluster, one task per file; each worker loads the rules once, reads its file (a local
path the workers share, or an fsspec URL; after the corpus survey, the page as the survey
decoded it comes with the task instead), writes that file's outputs itself and returns
only the summary row. The batch steps then run here on the gathered rows, exactly as in
a local run, so the reports are the same.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

INSTALL_HINT = "the dask engine needs dask.distributed: pip install 'copydesk[dask]'"


class MissingDask(Exception):
    pass


def client_for(scheduler: str | None, workers: int) -> Any:
    """A client of the scheduler at ``scheduler``, or of a new local cluster of ``workers`` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise MissingDask(INSTALL_HINT) from exc
    if scheduler:
        return Client(scheduler)  # type: ignore[no-untyped-call]
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)  # type: ignore[no-untyped-call]
    return Client(cluster)  # type: ignore[no-untyped-call]


def mapper(client: Any, batch: int = 1000) -> Callable[..., Iterator[Any]]:
    """``map`` on the cluster, results in input order, at most ``batch`` tasks in flight.

    The calls are read a batch at a time, so a crawl's arguments are never all held here.
    """

    def mapped(function: Callable[..., Any], calls: Iterable[tuple[Any, ...]], count: int = 0) -> Iterator[Any]:
        pending = iter(calls)
        while chunk := list(itertools.islice(pending, batch)):
            futures = client.map(function, *zip(*chunk, strict=True), pure=False)
            for future in futures:
                yield future.result()
                future.release()

    return mapped


def close(client: Any) -> None:
    cluster = getattr(client, "cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()
