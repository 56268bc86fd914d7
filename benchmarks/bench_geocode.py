"""How long a cold ``missionmap geocode Gao`` takes, next to a cold ``import geopandas``.

Each run is a fresh Python process (nothing imported, nothing cached in the
interpreter), as when a user types the command. The two commands take turns so
that both see the same machine load. Prints the median wall time of each and
their ratio.

    .venv/bin/python benchmarks/bench_geocode.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COMMANDS = {
    "missionmap geocode Gao": [sys.executable, "-m", "geo", "geocode", "Gao"],
    'python -c "import geopandas"': [sys.executable, "-c", "import geopandas"],
    'python -c "pass" (interpreter start)': [sys.executable, "-c", "pass"],
}


def wall_time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=REPO, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command [15]")
    runs = parser.parse_args().runs
    for command in COMMANDS.values():  # one unmeasured run: load the files into the OS cache
        wall_time(command)
    times: dict[str, list[float]] = {label: [] for label in COMMANDS}
    for _ in range(runs):
        for label, command in COMMANDS.items():
            times[label].append(wall_time(command))
    medians = {label: statistics.median(values) for label, values in times.items()}
    for label, median in medians.items():
        print(f"{label:<40} median {median * 1000:7.1f} ms  (min {min(times[label]) * 1000:.1f})")
    geocode, geopandas = medians["missionmap geocode Gao"], medians['python -c "import geopandas"']
    print(f"ratio geocode / import geopandas: {geocode / geopandas:.2f}  ({runs} runs each)")


if __name__ == "__main__":
    main()
