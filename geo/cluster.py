"""Reading reports on a Dask cluster: a local one of N processes, or one already running.

Imported only when ``--workers`` or ``--scheduler`` is given, so a run in one
process never pays for importing Dask. Batches of reports are sent to the workers
a few at a time (never the whole archive at once) and their readings come back in
the batches' order, so the result is the same as in one process. Each worker loads
the reader's language pipeline as it joins (see :func:`geo.pipeline.warm_up`) and
the mission and gazetteer on its first batch, keeps them for the others, and shares
the project's reading cache: workers on other machines must see the project folder
at the same path.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from geo.errors import GeoError
from geo.pipeline import Mapper, batched, warm_up

# Tasks waiting or being read per worker: enough to keep every worker busy, few
# enough that the reports in flight stay a small, fixed number.
IN_FLIGHT_PER_WORKER = 3
# Batches read by one task: a task costs the scheduler and the worker a few messages, so
# a worker is sent several batches at once.
BATCHES_PER_TASK = 4
_SPAWN_ENVIRON = "distributed.nanny.pre-spawn-environ"
# A local worker's own housekeeping, turned down: Dask's statistical profiler samples the
# reading thread every 10 ms and every event loop checks its health every 20 ms, and each
# wake-up takes the GIL from the reader. Off and at 500 ms, two workers read 1,000 reports
# in 3.9 s instead of 4.2 s (a tenth less CPU in all); the dashboard, which these feed, is
# off anyway.
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
}


@contextmanager
def dask_mapper(workers: int | None = None, scheduler: str | None = None) -> Iterator[Mapper]:
    """A :data:`~geo.pipeline.Mapper` on a local cluster of ``workers`` processes, or on the
    cluster whose scheduler is at ``scheduler``; the cluster is shut down (if local) after."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise GeoError(
            "reading on a Dask cluster needs Dask",
            fix="install it with: pip install 'missionmap[dask]'",
        ) from None
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise GeoError(
                "cannot reach the Dask scheduler",
                value=scheduler,
                fix=f"start it (dask scheduler) and check the address ({exc})",
            ) from None
        with client:
            _warm_workers(client)
            yield _ordered_mapper(client, _worker_count(client))
        return
    environ = _without_malloc_trim(dask.config.get(_SPAWN_ENVIRON, default={}) or {})
    with dask.config.set({_SPAWN_ENVIRON: environ, **QUIET_WORKERS}):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    with cluster, Client(cluster) as client:
        _warm_workers(client)
        yield _ordered_mapper(client, workers or 1)


def _without_malloc_trim(environ: dict) -> dict:
    """The environment Dask gives a local worker, less its setting of glibc's memory trimming.

    Dask sets ``MALLOC_TRIM_THRESHOLD_`` low so that idle workers give memory back. This
    reader frees and allocates its parse arrays every batch, so the setting gave each
    worker ten times the page faults (0.7-0.8 million against 70,000-85,000 on 3,000
    reports) and cost it 11-15 % of its speed in paired runs. A worker's memory stays
    bounded by the batches in flight.
    """
    return {key: value for key, value in environ.items() if key != "MALLOC_TRIM_THRESHOLD_"}


def _warm_workers(client) -> None:
    """Have every worker, and any that joins later, load the reader before its first batch."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class WarmUp(WorkerPlugin):
        def setup(self, worker) -> None:
            warm_up()

    client.register_plugin(WarmUp(), name="missionmap-warm-up")


def _worker_count(client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def _ordered_mapper(client, workers: int) -> Mapper:
    def mapped(function: Callable, batches: Iterable) -> Iterator:
        pending: deque = deque()
        for task in batched(batches, BATCHES_PER_TASK):
            sizes = [len(batch) for batch in task]
            joined = [item for batch in task for item in batch]
            pending.append((sizes, client.submit(function, joined, pure=False)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from _split(*pending.popleft())
        while pending:
            yield from _split(*pending.popleft())

    return mapped


def _split(sizes: list[int], future) -> Iterator[list]:
    """A task's results, cut back into the batches it was given."""
    results, start = future.result(), 0
    for size in sizes:
        yield results[start : start + size]
        start += size
