"""What the history ledger costs as it grows, and what a manual entry costs a user.

The ledger is appended by writing the whole new file to a temporary name and
renaming it over the old one (a killed writer never leaves half a row), after
validating every existing row. That makes an append linear in the ledger's
size; this prints how long it takes at a few sizes, with the time to read and
validate the same ledger, and the wall time of a cold ``missionmap status set``
(a fresh process, as when a user types it) against a cold ``import geopandas``.

    .venv/bin/python benchmarks/bench_ledger.py [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from geo.gazetteer import load_gazetteer
from geo.project import bundled_data_dir
from geo.register import append_event, event_line, manual_statement, read_events

SIZES = (100, 1_000, 10_000, 100_000)
TODAY = dt.date(2024, 12, 31)
RECORDED = dt.datetime(2024, 12, 31, 8, 0, tzinfo=dt.UTC)


def median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each measurement [5]")
    runs = parser.parse_args().runs
    gazetteer = load_gazetteer(bundled_data_dir() / "gazetteer", "ML")
    entry = manual_statement(gazetteer, "Gao", "closed", "2023-12-20", "ops", "camp empty", TODAY)
    header = ",".join(("site_id", "site", "status", "date", "source", "evidence", "recorded"))
    print(f"{'rows':>8}  {'file MB':>8}  {'read+validate ms':>17}  {'append ms':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            ledger = Path(folder) / f"events-{size}.csv"
            ledger.write_text(header + "\n" + event_line(entry, RECORDED) * size, encoding="utf-8")
            read = median_seconds(lambda: read_events(ledger, gazetteer, TODAY), runs)  # noqa: B023
            append = median_seconds(
                lambda: append_event(ledger, entry, RECORDED, gazetteer, TODAY),  # noqa: B023
                runs,
            )
            megabytes = ledger.stat().st_size / 1e6
            print(f"{size:>8}  {megabytes:>8.2f}  {read * 1000:>17.1f}  {append * 1000:>10.1f}")
        project = Path(folder) / "project"
        (project / "seeds").mkdir(parents=True)
        entry_args = ("status", "set", "Gao", "closed", "--date", "2023-12-20")
        command = [sys.executable, "-m", "geo", *entry_args]
        status_set = median_seconds(
            lambda: subprocess.run(command, cwd=project, check=True, capture_output=True), runs
        )
        geopandas = median_seconds(
            lambda: subprocess.run([sys.executable, "-c", "import geopandas"], check=True), runs
        )
    print(f"cold 'missionmap status set': {status_set:.2f} s (median of {runs})")
    print(f"cold 'import geopandas':      {geopandas:.2f} s (median of {runs})")


if __name__ == "__main__":
    main()
