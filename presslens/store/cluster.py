"""The batch on Dask distributed: `presslens analyze --all --dask tcp://scheduler:8786` (or `local`).

Batches of articles go to the workers as plain tuples; each worker process loads the pipeline once
(`batch.analyse_batch` keeps it in a module global) and returns compressed analyses, which the driver
writes through the Store, one transaction per batch, as they complete. As with local processes, at most
`2 × workers` batches are in flight, so the driver's memory stays flat. See docs/scale.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..article import Article
from ..errors import PresslensError
from .batch import IN_FLIGHT_PER_WORKER, analyse_batch, as_rows

NO_DASK = "--dask needs Dask distributed: pip install 'presslens[cluster]' (or: pip install distributed)"
NO_SCHEDULER = "cannot reach the Dask scheduler at {address} ({reason}); start one with: dask scheduler"
# Seconds to wait for a remote scheduler before giving up with one line.
CONNECT_TIMEOUT = 20


def client_for(address: str, *, workers: int, timeout: float = CONNECT_TIMEOUT):
    """A Client on a LocalCluster of `workers` single-threaded processes (`local`) or on a scheduler."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise PresslensError(NO_DASK) from None
    if address == "local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(address, timeout=timeout), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise PresslensError(NO_SCHEDULER.format(address=address, reason=exc)) from None


def run_on_dask(address: str, todo: Iterator[list[Article]], commit: Callable, *, model: str | None,
                workers: int, client=None) -> None:
    """Send batches to the cluster, committing results as they complete."""
    own = client is None
    cluster = None
    if own:
        client, cluster = client_for(address, workers=workers)
    try:
        from distributed import as_completed

        slots = max(1, len(client.scheduler_info().get("workers", {})) or workers) * IN_FLIGHT_PER_WORKER
        pending = as_completed()
        in_flight = 0
        for batch in todo:
            pending.add(client.submit(analyse_batch, as_rows(batch), model, pure=False))
            in_flight += 1
            if in_flight >= slots:
                commit(next(pending).result())
                in_flight -= 1
        for future in pending:
            commit(future.result())
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()
