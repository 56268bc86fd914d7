"""How long a cold ``missionmap geocode Gao`` takes, next to a cold ``import geopandas``.

Each run is a fresh Python process (nothing imported, nothing cached in the
interpreter), as when a user types the command. The commands take turns so
that all see the same machine load. Prints the median wall time of each and
their ratios. With ``--baseline REV``, the geocode of that git revision (its
``geo/`` and ``data/``, unpacked in a temporary folder) runs in the same turns,
and the ratio to it is printed: how much slower or faster the working tree is.

    .venv/bin/python benchmarks/bench_geocode.py [--runs 15] [--baseline main]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COMMANDS = {
    "missionmap geocode Gao": [sys.executable, "-m", "geo", "geocode", "Gao"],
    'python -c "import geopandas"': [sys.executable, "-c", "import geopandas"],
    'python -c "pass" (interpreter start)': [sys.executable, "-c", "pass"],
}


def wall_time(command: list[str], folder: Path = REPO) -> float:
    start = time.perf_counter()
    environment = {**os.environ, "PYTHONPATH": str(folder)}
    subprocess.run(command, cwd=folder, check=True, capture_output=True, env=environment)
    return time.perf_counter() - start


def unpack(revision: str, folder: Path) -> Path:
    """The ``geo/`` and ``data/`` of a git revision, unpacked into ``folder``."""
    archive = subprocess.run(
        ["git", "archive", revision, "geo", "data"], cwd=REPO, check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command [15]")
    parser.add_argument("--baseline", metavar="REV", help="also time the geocode of this revision")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-geocode-") as scratch:
        folders = {label: REPO for label in COMMANDS}
        commands = dict(COMMANDS)
        baseline = f"missionmap geocode Gao at {args.baseline}"
        if args.baseline:
            folders[baseline] = unpack(args.baseline, Path(scratch))
            commands[baseline] = COMMANDS["missionmap geocode Gao"]
        for label, command in commands.items():  # one unmeasured run: fill the OS cache
            wall_time(command, folders[label])
        times: dict[str, list[float]] = {label: [] for label in commands}
        for _ in range(args.runs):
            for label, command in commands.items():
                times[label].append(wall_time(command, folders[label]))
    medians = {label: statistics.median(values) for label, values in times.items()}
    for label, median in medians.items():
        print(f"{label:<40} median {median * 1000:7.1f} ms  (min {min(times[label]) * 1000:.1f})")
    geocode, geopandas = medians["missionmap geocode Gao"], medians['python -c "import geopandas"']
    print(f"ratio geocode / import geopandas: {geocode / geopandas:.2f}  ({args.runs} runs each)")
    if args.baseline:
        print(f"ratio geocode / geocode at {args.baseline}: {geocode / medians[baseline]:.2f}")


if __name__ == "__main__":
    main()
