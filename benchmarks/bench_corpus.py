"""Reading a whole archive: reports/s and peak memory, one process, two Dask workers, warm.

Generates a JSON Lines archive of synthetic wire reports (varied wording, sites and
dates; nothing copied from real text) and reads it with the real pipeline, each
measurement in a fresh process so that its peak memory is its own:

- cold, one process, then cold on a local Dask cluster of ``--workers`` processes
  (an empty reading cache each time), on ``--cold`` reports;
- cold, two one-process runs side by side, each on half of those reports: the most two
  cores give this reader with no Dask at all, against which the workers are judged;
- warm (every reading in the cache), one process, on each of the ``--warm`` sizes:
  these archives repeat the cold archive's reports, so that their readings are kept,
  and show whether peak memory grows with the number of reports.

    python benchmarks/bench_corpus.py --cold 1000 --warm 10000 30000 100000

Start-up is timed apart from reading, alike cold in one process and on the cluster:
loading the reader's language pipeline (:func:`geo.pipeline.warm_up`), and on the
cluster starting it (a warm run never loads the pipeline). Each measurement also
shows the CPU seconds of its process and of its Dask workers (start-up included),
and how many of the machine's cores other processes kept busy just before it: two
workers cannot be twice as fast on cores that something else is using.

Prints the figures and the ratios against the goals: two workers >= 1.7x one process,
warm >= 20x cold, peak memory at the largest warm size <= 1.2x that at the smallest.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SITES = ["Gao", "Timbuktu", "Mopti", "Kidal", "Tessalit", "Ménaka", "Aguelhok", "Ber", "Ogossagou"]
OPENINGS = [
    "The United Nations mission in Mali",
    "MINUSMA",
    "The UN stabilisation mission",
    "Peacekeepers of MINUSMA",
]
ACTIONS = [
    ("handed over its camp in {site} to the Malian authorities", "done"),
    ("vacated its base in {site}", "done"),
    ("will leave its camp in {site} next month", "plan"),
    ("still needs to close its camp in {site}", "plan"),
    ("withdrew from {site} on Saturday", "done"),
    ("lowered the UN flag over its camp in {site}", "done"),
]
FILLERS = [
    "Officials said the move followed the timetable agreed with the transitional government.",
    "Residents described a tense calm in the town.",
    "Convoys have faced attacks on the roads of the north.",
    "The withdrawal is to be completed by the end of the year.",
    "A spokesperson declined to give further details.",
]


def synthetic_report(rng: random.Random, number: int) -> dict:
    site, other = rng.sample(SITES, 2)
    action, _ = rng.choice(ACTIONS)
    second, _ = rng.choice(ACTIONS)
    sentences = [
        f"{rng.choice(OPENINGS)} {action.format(site=site)}.",
        *rng.sample(FILLERS, 2),
        f"It {second.format(site=other)}, according to report {number}.",
    ]
    day = 1 + number % 28
    return {
        "title": f"Wire report {number}: {site}",
        "date": f"2023-{8 + number % 4:02d}-{day:02d}",
        "source": "Synthetic Wire",
        "text": " ".join(sentences) + "\n",
    }


def write_archive(path: Path, reports: list[dict], size: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for index in range(size):
            out.write(json.dumps(reports[index % len(reports)], ensure_ascii=False) + "\n")


MEASURE = """
import json, resource, sys, time
from pathlib import Path
from geo.pipeline import run, warm_up
from geo.project import open_project
seeds, data, workers, cold = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "cold"
project = open_project(seeds, data)
started = time.perf_counter()
if workers:
    from geo.cluster import dask_mapper
    with dask_mapper(workers) as mapper:
        ready = time.perf_counter()
        result = run(project, mapper=mapper)
        done = time.perf_counter()
else:
    if cold:
        warm_up()
    ready = time.perf_counter()
    result = run(project)
    done = time.perf_counter()
own = resource.getrusage(resource.RUSAGE_SELF)
workers_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"reports": result.reports, "seconds": done - ready,
                  "startup": ready - started, "peak_mib": own.ru_maxrss / 1024,
                  "cpu_main": own.ru_utime + own.ru_stime,
                  "cpu_workers": workers_cpu.ru_utime + workers_cpu.ru_stime,
                  "sites": len(result.merged.sites)}))
"""


def busy_cores(seconds: float = 2.0) -> float | None:
    """How many cores other processes keep busy, over ``seconds``; None without /proc/stat."""
    try:
        before = cpu_ticks()
        time.sleep(seconds)
        after = cpu_ticks()
    except OSError:
        return None
    total, idle = (a - b for a, b in zip(after, before, strict=True))
    return (os.cpu_count() or 1) * (1 - idle / max(1, total))


def cpu_ticks() -> tuple[int, int]:
    """All the machine's CPU ticks so far, and its idle ones."""
    ticks = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    return sum(ticks), ticks[3] + ticks[4]  # idle, iowait


def measure(project: Path, seeds: Path, workers: int = 0, cold: bool = True) -> dict:
    busy = busy_cores()
    (figures,) = run_side_by_side([(project, seeds)], workers, cold)
    figures["busy"] = busy
    return figures


def run_side_by_side(runs: list[tuple[Path, Path]], workers: int = 0, cold: bool = True):
    """The figures of one measuring process per (project, seeds), all started at once."""
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                MEASURE,
                str(seeds),
                str(project / "data"),
                str(workers),
                "cold" if cold else "warm",
            ],
            cwd=project,
            stdout=subprocess.PIPE,
            text=True,
        )
        for project, seeds in runs
    ]
    found = []
    for process in processes:
        out, _ = process.communicate()
        if process.returncode:
            raise SystemExit(f"a measuring process failed (exit {process.returncode})")
        figures = json.loads(out.strip().splitlines()[-1])
        figures["per_second"] = figures["reports"] / figures["seconds"]
        found.append(figures)
    return found


def ceiling(project: Path, reports: list[dict]) -> float:
    """Reports/s of two one-process runs side by side, each on half the cold archive with a
    cache of its own: what two cores give with no Dask at all, the most two workers can give."""
    halves = []
    for number, part in enumerate((reports[: len(reports) // 2], reports[len(reports) // 2 :])):
        folder = project / f"half-{number}"
        (folder / "seeds").mkdir(parents=True)
        seeds = folder / "seeds" / "half.jsonl"
        write_archive(seeds, part, len(part))
        halves.append((folder, seeds))
    busy = busy_cores()
    both = run_side_by_side(halves)
    total = sum(f["reports"] for f in both) / max(f["seconds"] for f in both)
    print(
        f"{'cold, two processes side by side':<34} {sum(f['reports'] for f in both):>7} reports"
        f"  {max(f['seconds'] for f in both):8.1f} s  {total:8.1f} reports/s"
        + (f"; cores busy elsewhere before: {busy:.1f}" if busy is not None else "")
    )
    return total


def show(label: str, figures: dict) -> None:
    busy = figures["busy"]
    print(
        f"{label:<34} {figures['reports']:>7} reports  {figures['seconds']:8.1f} s"
        f"  {figures['per_second']:8.1f} reports/s  peak {figures['peak_mib']:6.0f} MiB"
        f"\n{'':<34} start-up {figures['startup']:.1f} s;"
        f" CPU of this process {figures['cpu_main']:.1f} s"
        + (f", of its workers {figures['cpu_workers']:.1f} s" if figures["cpu_workers"] else "")
        + (f"; cores busy elsewhere before: {busy:.1f}" if busy is not None else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", type=int, default=1000, help="reports read cold")
    parser.add_argument("--warm", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    rng = random.Random(14)
    reports = [synthetic_report(rng, number) for number in range(args.cold)]
    with tempfile.TemporaryDirectory(prefix="bench_corpus_") as folder:
        project = Path(folder)
        (project / "seeds").mkdir()
        cold = project / "seeds" / "cold.jsonl"
        write_archive(cold, reports, args.cold)
        one = measure(project, cold)
        show("cold, one process", one)
        shutil.rmtree(project / ".missionmap-cache")
        dask = measure(project, cold, args.workers)
        show(f"cold, {args.workers} Dask workers", dask)
        side_by_side = ceiling(project, reports)
        warm_runs = []
        for size in args.warm:
            archive = project / "seeds" / f"warm-{size}.jsonl"
            write_archive(archive, reports, size)
            warm_runs.append(measure(project, archive, cold=False))
            show(f"warm, one process, {size}", warm_runs[-1])
            archive.unlink()
    print()
    speedup = dask["per_second"] / one["per_second"]
    warm = warm_runs[0]["per_second"] / one["per_second"]
    memory = warm_runs[-1]["peak_mib"] / warm_runs[0]["peak_mib"]
    print(f"{args.workers} workers vs one process: {speedup:.2f}x  (goal >= 1.7x)")
    print(
        f"two one-process runs side by side vs one process: "
        f"{side_by_side / one['per_second']:.2f}x  (what this machine's two cores allow)"
    )
    print(f"warm vs cold, one process:  {warm:.1f}x  (goal >= 20x)")
    print(f"peak memory, {args.warm[-1]} vs {args.warm[0]} reports: {memory:.2f}x  (goal <= 1.2x)")


if __name__ == "__main__":
    main()
