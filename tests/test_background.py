"""Reading in a forked process beside the main one: same results, in order, only when needed.

The mapper is run in a fresh interpreter (a subprocess), as the command line runs it: a
test process has threads of its own, and :func:`geo.background.can_fork` rightly refuses
to fork beside them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

SCRIPT = """
import json, os, sys
from geo.background import background_mapper

def read(batch):
    return [(item, os.getpid()) for item in batch]

batches = [[1, 2], [3], [4, 5], [6], [7]]
# batches that open with an odd number "need parsing": [1, 2], [3] and [7]
with background_mapper(lambda batch: batch[0] % 2 == 1, ("json",)) as mapper:
    results = list(mapper(read, batches))
    print(json.dumps({"results": results, "forked": mapper.forked, "me": os.getpid()}))
with background_mapper(lambda batch: False) as mapper:
    list(mapper(read, batches))
    print(json.dumps({"forked": mapper.forked}))

me = os.getpid()

def dies_on_three(batch):
    if batch == [3] and os.getpid() != me:
        os._exit(1)  # the process is killed while it reads
    return read(batch)

with background_mapper(lambda batch: batch[0] % 2 == 1) as mapper:
    results = list(mapper(dies_on_three, batches))
    print(json.dumps({"results": results, "me": me}))
"""


@pytest.fixture(scope="module")
def runs() -> list[dict]:
    """What the script prints of its three runs, each a line of JSON."""
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_batches_that_need_parsing_are_read_in_one_other_process_in_order(runs):
    mixed, cached, _ = runs
    assert mixed["forked"] is True
    results = mixed["results"]
    assert [[item for item, _ in batch] for batch in results] == [[1, 2], [3], [4, 5], [6], [7]]
    readers = {batch[0][0]: {pid for _, pid in batch} for batch in results}
    assert readers[4] == {mixed["me"]} and readers[6] == {mixed["me"]}
    others = readers[1] | readers[3] | readers[7]
    assert len(others) == 1 and mixed["me"] not in others  # one process read them all
    # ... and when every batch is in the cache, nothing is forked
    assert cached["forked"] is False


def test_a_cold_build_reads_the_same_beside_the_main_process(run_cli, seeded_project: Path):
    # The command line forks where it can (two cores, a fork start method); on a machine
    # where it cannot, this compares the in-process build with itself, and still must hold.
    first = run_cli("build", "--no-cache", "--out", "maps/a.html", cwd=seeded_project)
    assert first.returncode == 0, first.stderr
    second = run_cli("build", "--out", "maps/b.html", cwd=seeded_project)  # cold cache
    third = run_cli("build", "--out", "maps/c.html", cwd=seeded_project)  # warm
    assert second.returncode == third.returncode == 0
    maps = seeded_project / "maps"
    page = (maps / "a.html").read_bytes()
    assert (maps / "b.html").read_bytes() == page == (maps / "c.html").read_bytes()
    assert "Bamako" in first.stdout and "Mopti" in first.stdout


def test_batches_of_a_process_that_died_are_read_here(runs):
    *_, died = runs
    results = died["results"]
    assert [[item for item, _ in batch] for batch in results] == [[1, 2], [3], [4, 5], [6], [7]]
    readers = {batch[0][0]: {pid for _, pid in batch} for batch in results}
    # [3], which killed the process, and [7], sent after, are read here
    assert readers[3] == readers[7] == {died["me"]}
