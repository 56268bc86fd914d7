"""How missionmap's map page scales, next to ``GeoDataFrame.explore()``.

For 100, 10 000 and 100 000 synthetic sites (deterministic random points in the
bounding box of the bundled country), each with three dated statements (pending,
closed, handed over, on increasing days of a six-month season) merged by the real
merge, it builds the page both ways -- ``explore()`` gets the GeoDataFrame
``geo.merge.sites_frame`` makes of the sites as merged -- and prints build
seconds, HTML megabytes and the ratios (the page should stay within a third of
explore()'s size). Then it opens the pages of 10 000 and more sites of this
project in headless Chromium with no network and prints the load time, the time
of a few pan and zoom steps, and the time of steps of the date slider (the next
event, a jump back), each measured until the browser has painted the result.

Run: .venv/bin/python benchmarks/bench_map.py [SITE COUNTS...]
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from geo.attribution import load_attribution
from geo.boundaries import load_boundaries
from geo.merge import merge, sites_frame
from geo.model import Document, Evidence, Mission, Place, Site, Status
from geo.project import bundled_data_dir, load_mission, open_project
from geo.render import render_map

COUNTS = (100, 10_000, 100_000)
PHRASES = {
    Status.HANDED_OVER: "MINUSMA handed over its camp in {} to the Malian authorities",
    Status.CLOSED: "The peacekeepers vacated the base in {} and lowered the UN flag",
    Status.PENDING: "The mission still needs to close its position in {} before the deadline",
}
SITES_PER_DOCUMENT = 50
SEASON_DAYS = 180
STORY = (Status.PENDING, Status.CLOSED, Status.HANDED_OVER)
BROWSED_FROM = 10_000  # pages of this many sites or more are opened in Chromium
SLIDER_STEPS = 9  # presses of "next event", then as many jumps back and forth
PAN_ZOOM_STEPS = (
    ("zoom in", "map.zoomIn(1, {animate: false})"),
    ("pan east", "map.panBy([300, 0], {animate: false})"),
    ("pan south", "map.panBy([0, 200], {animate: false})"),
    ("zoom out", "map.zoomOut(1, {animate: false})"),
    ("zoom out", "map.zoomOut(1, {animate: false})"),
    ("pan west", "map.panBy([-300, 0], {animate: false})"),
)


def synthetic_sites(count: int, bounds: tuple[float, float, float, float]) -> tuple[Site, ...]:
    """``count`` sites at seeded random points in ``bounds`` (west, south, east, north).

    Each has three statements, pending, closed, then handed over, from three
    reports of increasing dates; the sites are what :func:`geo.merge.merge` makes of them.
    """
    rng = random.Random(count)
    west, south, east, north = bounds
    start = dt.date(2023, 7, 1)
    documents = [
        Document(
            f"seeds/report-{number:05d}.txt",
            "",
            title=f"Situation report {number}",
            date=start + dt.timedelta(days=number % SEASON_DAYS),
            source="Example Wire",
            url=f"https://example.org/reports/{number}",
        )
        for number in range(max(3, count // SITES_PER_DOCUMENT))
    ]
    by_date = sorted(documents, key=lambda document: document.date)
    statements = []
    for number in range(count):
        name = f"Site {number:06d}"
        place = Place(
            str(3_000_000 + number),
            name,
            round(rng.uniform(south, north), 5),
            round(rng.uniform(west, east), 5),
            "ML",
            "P",
            "PPL",
        )
        reports = sorted(rng.sample(range(len(by_date)), 3))
        for status, report in zip(STORY, reports, strict=True):
            document = by_date[report]
            quote = PHRASES[status].format(name) + f" on {document.date:%d %B}."
            statements.append(
                Evidence(place, status, document.date, quote, document.path, document)
            )
    return merge(statements).sites


def timed(build) -> tuple[float, str]:
    start = time.perf_counter()
    page = build()
    return time.perf_counter() - start, page


def megabytes(page: str) -> float:
    return len(page.encode("utf-8")) / 1e6


def compare(count: int, mission: Mission, boundaries, attribution) -> str:
    """Print one row of figures; return this project's page."""
    sites = synthetic_sites(count, tuple(boundaries.country.total_bounds))
    frame = sites_frame(sites)
    ours_s, ours = timed(lambda: render_map(sites, mission, None, boundaries, attribution))
    theirs_s, theirs = timed(lambda: frame.explore().get_root().render())
    print(
        f"{count:>7} sites | missionmap {ours_s:7.2f} s {megabytes(ours):7.2f} MB"
        f" | explore() {theirs_s:7.2f} s {megabytes(theirs):7.2f} MB"
        f" | {theirs_s / ours_s:5.1f}x faster, {megabytes(ours) / megabytes(theirs):.2f} of the size",
        flush=True,
    )
    return ours


def browse(page_file: Path, count: int) -> None:
    """Load the page offline in headless Chromium; print load and pan/zoom times."""
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("MISSIONMAP_CHROMIUM") or shutil.which("chromium")
    if executable is None:
        print("no Chromium found: skipping the browser figures (apt-get install chromium)")
        return
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(viewport={"width": 1200, "height": 800}, offline=True)
        page = context.new_page()
        start = time.perf_counter()
        page.goto(page_file.as_uri(), timeout=300_000)
        page.wait_for_selector("body.mm-ready", timeout=300_000)
        page.evaluate(
            "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
        )
        load_s = time.perf_counter() - start
        print(f"{count:>7} sites | Chromium: page loaded and drawn in {load_s:.2f} s", flush=True)
        times = page.evaluate(
            """async steps => {
                const map = missionmap.map;
                const painted = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                const times = [];
                for (const step of steps) {
                    const start = performance.now();
                    new Function("map", step)(map);
                    await painted();
                    times.push(performance.now() - start);
                }
                return times;
            }""",
            [code for _, code in PAN_ZOOM_STEPS],
        )
        steps = ", ".join(
            f"{name} {ms:.0f}" for (name, _), ms in zip(PAN_ZOOM_STEPS, times, strict=True)
        )
        print(
            f"{count:>7} sites | pan/zoom until painted, ms: {steps}"
            f" (median {statistics.median(times):.0f}, max {max(times):.0f})",
            flush=True,
        )
        print(f"{count:>7} sites | {slider_steps(page)}", flush=True)
        print(f"{count:>7} sites | dragging the map: {drag_frames(page)}", flush=True)
        browser.close()


def slider_steps(page) -> str:
    """Step the date slider as a reader does, across the season; report the times until painted.

    From each of ``SLIDER_STEPS`` days spread over the season: one day on (an arrow
    key), then to the next event (the button); then jumps from end to end.
    """
    times = page.evaluate(
        """async count => {
            const painted = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
            const slider = document.getElementById("mm-date");
            const next = document.getElementById("mm-next");
            const timed = async action => {
                const start = performance.now();
                action();
                await painted();
                return performance.now() - start;
            };
            const setDay = value => () => {
                slider.value = String(value);
                slider.dispatchEvent(new Event("input"));
            };
            const steps = [], jumps = [];
            for (let k = 0; k < count; k++) {
                const from = Math.floor((k * Number(slider.max)) / count);
                await timed(setDay(from));
                steps.push(await timed(setDay(from + 1)));
                steps.push(await timed(() => next.click()));
            }
            for (let k = 0; k < count; k++) jumps.push(await timed(setDay(k % 2 ? 0 : slider.max)));
            return [steps, jumps];
        }""",
        SLIDER_STEPS,
    )
    steps, jumps = times
    return (
        f"date slider, a day or an event on, until painted: median {statistics.median(steps):.0f} ms,"
        f" max {max(steps):.0f} ms ({len(steps)} steps across the season);"
        f" from end to end: median {statistics.median(jumps):.0f} ms"
    )


def drag_frames(page) -> str:
    """Drag the map with the mouse and report the intervals between painted frames."""
    page.evaluate(
        """() => {
            window.frameTimes = [];
            const tick = now => { frameTimes.push(now); if (frameTimes.length < 1000) requestAnimationFrame(tick); };
            requestAnimationFrame(tick);
        }"""
    )
    page.mouse.move(400, 400)
    page.mouse.down()
    for step in range(1, 31):
        page.mouse.move(400 + 10 * step, 400 + 5 * step)
        page.wait_for_timeout(16)
    page.mouse.up()
    page.wait_for_timeout(1000)  # the redraw that follows the drag
    times = page.evaluate("frameTimes")
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    return (
        f"{len(gaps)} frames, median {statistics.median(gaps):.0f} ms apart,"
        f" longest gap {max(gaps):.0f} ms (drag and the redraw after it)"
    )


def main(counts: tuple[int, ...]) -> None:
    project = open_project(bundled_data_dir(), bundled_data_dir())
    mission = load_mission(project)
    boundaries = load_boundaries(project.boundaries_dir, mission.countries)
    attribution = load_attribution(project.data_file("attribution.yaml"))
    # Warm up both (imports, files read once) so that the first row measures building only.
    warm_up = synthetic_sites(10, tuple(boundaries.country.total_bounds))
    render_map(warm_up, mission, None, boundaries, attribution)
    sites_frame(warm_up).explore().get_root().render()
    print("Building maps of synthetic sites (explore() gets the same sites as a GeoDataFrame)")
    pages = {count: compare(count, mission, boundaries, attribution) for count in counts}
    browsed = [count for count in counts if count >= BROWSED_FROM] or [max(counts)]
    with tempfile.TemporaryDirectory() as folder:
        for count in browsed:
            page_file = Path(folder) / f"map-{count}.html"
            page_file.write_text(pages.pop(count), encoding="utf-8")
            browse(page_file, count)


if __name__ == "__main__":
    main(tuple(int(arg) for arg in sys.argv[1:]) or COUNTS)
