"""Reading a whole archive: reports/s and peak memory, one process, two Dask workers, warm.

Generates a JSON Lines archive of synthetic wire reports (varied wording, sites and
dates; nothing copied from real text) and reads it with the real pipeline, each
measurement in a fresh process so that its peak memory is its own:

- cold, one process, then cold on a local Dask cluster of ``--workers`` processes
  (an empty reading cache each time), on ``--cold`` reports;
- warm (every reading in the cache), one process, on each of the ``--warm`` sizes:
  these archives repeat the cold archive's reports, so that their readings are kept,
  and show whether peak memory grows with the number of reports.

    python benchmarks/bench_corpus.py --cold 200 --warm 10000 100000

Prints the figures and the ratios against the goals: two workers >= 1.7x one process,
warm >= 20x cold, peak memory at the largest warm size <= 1.2x that at the smallest.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
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
from geo.pipeline import run
from geo.project import open_project
seeds, data, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
project = open_project(seeds, data)
started = time.perf_counter()
if workers:
    from geo.cluster import dask_mapper
    with dask_mapper(workers) as mapper:
        ready = time.perf_counter()
        result = run(project, mapper=mapper)
else:
    ready = started
    result = run(project)
done = time.perf_counter()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"reports": result.reports, "seconds": done - ready,
                  "startup": ready - started, "peak_mib": peak,
                  "sites": len(result.merged.sites)}))
"""


def measure(project: Path, seeds: Path, workers: int = 0) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(seeds), str(project / "data"), str(workers)],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["per_second"] = figures["reports"] / figures["seconds"]
    return figures


def show(label: str, figures: dict) -> None:
    print(
        f"{label:<34} {figures['reports']:>7} reports  {figures['seconds']:8.1f} s"
        f"  {figures['per_second']:8.1f} reports/s  peak {figures['peak_mib']:6.0f} MiB"
        + (f"  (cluster start {figures['startup']:.1f} s)" if figures["startup"] else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", type=int, default=200, help="reports read cold")
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
        warm_runs = []
        for size in args.warm:
            archive = project / "seeds" / f"warm-{size}.jsonl"
            write_archive(archive, reports, size)
            warm_runs.append(measure(project, archive))
            show(f"warm, one process, {size}", warm_runs[-1])
            archive.unlink()
    print()
    speedup = dask["per_second"] / one["per_second"]
    warm = warm_runs[0]["per_second"] / one["per_second"]
    memory = warm_runs[-1]["peak_mib"] / warm_runs[0]["peak_mib"]
    print(f"{args.workers} workers vs one process: {speedup:.2f}x  (goal >= 1.7x)")
    print(f"warm vs cold, one process:  {warm:.1f}x  (goal >= 20x)")
    print(f"peak memory, {args.warm[-1]} vs {args.warm[0]} reports: {memory:.2f}x  (goal <= 1.2x)")


if __name__ == "__main__":
    main()
