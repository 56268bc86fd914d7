"""What an append to the history ledger costs as it grows, and whether concurrent writers lose rows.

An append writes only the new row (lock, append, fsync). Checking the rows
already there is linear in the ledger's size, so it is done once: the file's
identity after each append is kept beside it (``.events.csv.checked``), and the
next append checks again only what changed -- everything, after an edit by
hand. This prints, at 100 to 100,000 rows: the time to read and validate the
whole ledger (what a build does, and the first append after an edit), the
first append (a full check), the next appends (median), and the ratio of an
append at 100,000 rows to one at 100. Then 8 writer processes append 1,000
rows each at once: rows expected against rows found. Then the wall time of a
cold ``missionmap status set`` against a cold ``import geopandas``. It prints
figures; it asserts nothing about time.

    .venv/bin/python benchmarks/bench_ledger.py [--runs 20] [--writers 8] [--each 1000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from geo.gazetteer import load_gazetteer
from geo.project import bundled_data_dir
from geo.register import EVENT_COLUMNS, append_event, event_line, manual_statement, read_events

SIZES = (100, 1_000, 10_000, 100_000)
TODAY = dt.date(2024, 12, 31)
RECORDED = dt.datetime(2024, 12, 31, 8, 0, tzinfo=dt.UTC)


def seconds(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_seconds(action, runs: int) -> float:
    return statistics.median(seconds(action) for _ in range(runs))


def append_rows(ledger: Path, start, writer: int, count: int) -> None:
    gazetteer = load_gazetteer(bundled_data_dir() / "gazetteer", "ML")
    start.wait()
    for n in range(count):
        note = f"writer {writer} row {n}"
        entry = manual_statement(gazetteer, "Gao", "closed", "2023-12-20", None, note, TODAY)
        append_event(ledger, entry, RECORDED, gazetteer, TODAY)


def concurrent_writers(folder: Path, writers: int, each: int) -> tuple[int, int, float]:
    """Rows expected, rows found, and seconds taken, for ``writers`` processes at once."""
    ledger = folder / "concurrent.csv"
    context = multiprocessing.get_context("fork")
    start = context.Barrier(writers + 1)
    processes = [
        context.Process(target=append_rows, args=(ledger, start, w, each)) for w in range(writers)
    ]
    for process in processes:
        process.start()
    start.wait()
    began = time.perf_counter()
    for process in processes:
        process.join()
    took = time.perf_counter() - began
    gazetteer = load_gazetteer(bundled_data_dir() / "gazetteer", "ML")
    found = {s.quote for s in read_events(ledger, gazetteer, TODAY)}
    expected = {f"writer {w} row {n}" for w in range(writers) for n in range(each)}
    return len(expected), len(found & expected), took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="appends timed at each size [20]")
    parser.add_argument("--writers", type=int, default=8, help="concurrent writers [8]")
    parser.add_argument("--each", type=int, default=1000, help="rows per writer [1000]")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold command runs [3]")
    args = parser.parse_args()
    gazetteer = load_gazetteer(bundled_data_dir() / "gazetteer", "ML")
    entry = manual_statement(gazetteer, "Gao", "closed", "2023-12-20", "ops", "camp empty", TODAY)
    header = ",".join(EVENT_COLUMNS) + "\n"
    print(
        f"{'rows':>8}  {'file MB':>8}  {'read+validate ms':>17}"
        f"  {'first append ms':>16}  {'next appends ms':>16}"
    )
    with tempfile.TemporaryDirectory() as folder:
        ledgers = {size: Path(folder) / f"events-{size}.csv" for size in SIZES}
        reads, firsts = {}, {}
        for size, ledger in ledgers.items():
            ledger.write_text(header + event_line(entry, RECORDED) * size, encoding="utf-8")
            reads[size] = seconds(lambda: read_events(ledger, gazetteer, TODAY))  # noqa: B023
            firsts[size] = seconds(
                lambda: append_event(ledger, entry, RECORDED, gazetteer, TODAY)  # noqa: B023
            )
        # The sizes take turns, so that a busy moment of the machine falls on all alike.
        times: dict[int, list[float]] = {size: [] for size in SIZES}
        for _ in range(args.runs):
            for size, ledger in ledgers.items():
                times[size].append(
                    seconds(lambda: append_event(ledger, entry, RECORDED, gazetteer, TODAY))  # noqa: B023
                )
        appends = {size: statistics.median(taken) for size, taken in times.items()}
        for size, ledger in ledgers.items():
            print(
                f"{size:>8}  {ledger.stat().st_size / 1e6:>8.2f}  {reads[size] * 1000:>17.1f}"
                f"  {firsts[size] * 1000:>16.1f}  {appends[size] * 1000:>16.2f}"
            )
        ratio = appends[SIZES[-1]] / appends[SIZES[0]]
        print(
            f"append at {SIZES[-1]:,} rows / append at {SIZES[0]:,} rows: {ratio:.2f}"
            f" (medians of {args.runs} appends each, after the first, sizes taking turns)"
        )
        expected, found, took = concurrent_writers(Path(folder), args.writers, args.each)
        print(
            f"{args.writers} writers x {args.each:,} rows at once: {expected:,} expected,"
            f" {found:,} found, {expected - found:,} lost ({took:.1f} s,"
            f" {expected / took:,.0f} appends/s)"
        )
        project = Path(folder) / "project"
        (project / "seeds").mkdir(parents=True)
        entry_args = ("status", "set", "Gao", "closed", "--date", "2023-12-20")
        command = [sys.executable, "-m", "geo", *entry_args]
        runs = args.cold_runs
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
