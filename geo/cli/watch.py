"""``missionmap watch``: rebuild the map whenever a report or a register file changes."""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import click
import watchfiles

from geo.changes import STATE_SUFFIX
from geo.cli import report_warnings
from geo.cli.build import MAP_SUFFIXES, write_map
from geo.cli.options import cache_option, check_suffix, data_option, out_option, seeds_option
from geo.cli.output import complain, say
from geo.errors import GeoError
from geo.files import display_path
from geo.pipeline import run
from geo.project import open_project

# Editors' swap and backup files, our own lock and temporary files, and maps with their
# state (should a map be written inside a watched folder) are no news.
_IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".lock", ".html", STATE_SUFFIX)


@click.command()
@seeds_option
@data_option
@out_option("Map file to write.  [default: maps/<mission>.html]")
@click.option(
    "--debounce",
    type=click.IntRange(50, 60_000),
    default=1_600,
    show_default=True,
    help="Milliseconds to gather a burst of changes into one rebuild.",
)
@click.option("--max-builds", type=click.IntRange(min=1), hidden=True)
@cache_option
def watch(
    seeds: str,
    data: str,
    out: Path | None,
    debounce: int,
    max_builds: int | None,
    cache: bool,
) -> None:
    """Rebuild the map whenever a report or a register file changes.

    Builds once, then again each time something in the seeds or data folder
    changes, printing what changed. A broken file is reported and the last
    good map stays in place; watching goes on until Ctrl-C.

    \b
    Example:
        missionmap watch --seeds seeds --out maps/minusma.html
    """
    check_suffix(out, MAP_SUFFIXES, "the map page is HTML")
    project = open_project(seeds, data)
    if not project.data.exists():
        project.data.mkdir(parents=True)
        say(f"Created {project.data}/ for manual entries.")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    watched = (project.seeds.resolve(), project.data.resolve())

    def relevant(_change: watchfiles.Change, path: str) -> bool:
        name = Path(path).name
        return not name.startswith(".") and not name.endswith(_IGNORED_SUFFIXES)

    try:
        changes = watchfiles.watch(
            *watched,
            watch_filter=relevant,
            debounce=debounce,
            stop_event=stop,
            raise_interrupt=False,
            yield_on_timeout=True,
            rust_timeout=500,
        )
        next(changes)  # starts the watcher: a file saved during the first build is not missed
        rebuild(seeds, data, out, cache)
        builds = 1
        say(f"Watching {project.seeds}/ and {project.data}/ (Ctrl-C to stop)")
        while max_builds is None or builds < max_builds:
            batch = next(changes, None)
            if batch is None:
                break
            if not batch:
                continue
            say("Changed: " + ", ".join(sorted({display_path(Path(p)) for _, p in batch})))
            rebuild(seeds, data, out, cache)
            builds += 1
    except KeyboardInterrupt:
        pass
    say("Stopped watching.")


def rebuild(seeds: str, data: str, out: Path | None, cache: bool) -> None:
    """One build; a problem is reported, the last good map stays, and watching goes on.

    Unlike ``build``, which maps what it can read and skips a broken report,
    a watched build writes nothing while any report is broken: the file is
    most likely being saved or edited, and the map should not flicker.
    """
    try:
        project = open_project(seeds, data)
        result = run(project, cache=cache)
        for problem in result.problems:
            complain("error", problem)
        report_warnings(result.register.warnings)
        if not result.problems:
            write_map(project, result, out)
            return
    except (GeoError, OSError) as error:
        complain("error", error)
    except Exception as error:  # a fault of one build must not end the watch
        complain(
            "error",
            f"the build failed unexpectedly: {type(error).__name__}: {error}."
            " Fix: please report it, with the file you last changed; watching goes on",
        )
    say("Kept the last map; fix the file and save it to rebuild.", err=True)
