"""How long each report export takes, and how big it is, as the number of sites grows.

For 17, 100 and 1 000 synthetic sites (the seeded random points of
``bench_map.py``, in the bounding box of the bundled country) it makes every
export in-process from the same sites frame and prints seconds (median of a few
runs), kilobytes, and for the static maps how many labels found room.

Run: .venv/bin/python benchmarks/bench_export.py [SITE COUNTS...]
"""

from __future__ import annotations

import statistics
import sys
import time

from bench_map import synthetic_sites

from geo.attribution import load_attribution
from geo.boundaries import load_boundaries
from geo.export import (
    STATIC_FORMATS,
    MapInputs,
    draw_map,
    sites_csv,
    sites_geojson,
    static_map,
)
from geo.merge import sites_frame
from geo.model import Mission
from geo.project import bundled_data_dir

RUNS = 3


def timed(make, *args) -> tuple[float, int]:
    """Median seconds of ``RUNS`` calls of ``make(*args)``, and the size of what it returns."""
    seconds, size = [], 0
    for _ in range(RUNS):
        start = time.perf_counter()
        size = len(make(*args))
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), size


def main(counts: list[int]) -> None:
    data = bundled_data_dir()
    boundaries = load_boundaries(data / "boundaries", ("ML",))
    inputs = MapInputs(
        mission=Mission("bench", "BENCH", ("ML",), "Benchmark: synthetic sites"),
        as_of=None,
        documents=1,
        boundaries=boundaries,
        attribution=load_attribution(data / "attribution.yaml"),
    )
    print(f"{'sites':>6} {'format':>8} {'seconds':>8} {'kB':>8}  labels")
    for count in counts:
        frame = sites_frame(synthetic_sites(count, tuple(boundaries.country.total_bounds)))
        figure = draw_map(frame, inputs)
        labelled = len(figure.axes[0].texts)
        for fmt in STATIC_FORMATS:
            seconds, size = timed(static_map, frame, inputs, fmt)
            print(f"{count:>6} {fmt:>8} {seconds:>8.2f} {size / 1000:>8.0f}  {labelled}/{count}")
        for fmt, write in (("geojson", sites_geojson), ("csv", sites_csv)):
            seconds, size = timed(write, frame)
            print(f"{count:>6} {fmt:>8} {seconds:>8.2f} {size / 1000:>8.0f}")
        sys.stdout.flush()


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [17, 100, 1000])
