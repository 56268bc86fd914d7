"""geo.cluster: the local Dask cluster's workers.

Reading a whole archive on a real cluster, and getting the single-process map, is
tested end to end in tests/test_archives.py.
"""

from __future__ import annotations

import os

import pytest

pytest.importorskip("distributed")

from geo.cluster import QUIET_WORKERS, dask_mapper


def _worker_environment() -> dict[str, str | None]:
    import dask

    return {
        **{key: os.environ.get(key) for key in ("MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS")},
        **{key: dask.config.get(key) for key in QUIET_WORKERS},
    }


def test_local_workers_keep_glibcs_own_memory_trimming_one_thread_each_and_no_profiler():
    from distributed import get_client

    with dask_mapper(2):
        environments = get_client().run(_worker_environment)
    assert len(environments) == 2
    # Dask's low trim threshold cost the reader ten times the page faults; its one
    # BLAS thread per worker stays; its profiler's and health checks' wake-ups cost a
    # tenth of the workers' CPU
    assert all(
        env
        == {
            "MALLOC_TRIM_THRESHOLD_": None,
            "OMP_NUM_THREADS": "1",
            "distributed.worker.profile.enabled": False,
            "distributed.admin.tick.interval": "500ms",
        }
        for env in environments.values()
    )
