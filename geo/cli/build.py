"""``missionmap build``: seeds in, map out."""

from __future__ import annotations

from pathlib import Path

import click

from geo.attribution import load_attribution
from geo.changes import changes, read_state, state_json, state_of, state_path
from geo.cli.options import (
    ReadingOptions,
    as_of_option,
    cache_option,
    check_suffix,
    data_option,
    default_out,
    out_option,
    reading_options,
    seeds_option,
)
from geo.cli.output import complain, conflict_lines, say
from geo.cli.reading import run_pipeline
from geo.errors import DataError
from geo.files import write_output
from geo.pipeline import Result
from geo.project import Project, open_project
from geo.report import plural
from geo.review import review_queue

MAP_SUFFIXES = (".html", ".htm")
# What writing the map imports (see write_map): loaded while the reports are parsed.
MAP_MODULES = ("geo.render", "geo.boundaries")


@click.command()
@seeds_option
@data_option
@out_option(
    "Map file to write.  [default: maps/<mission>.html, maps/<mission>-<day>.html with --as-of]"
)
@cache_option
@as_of_option
@reading_options
def build(
    seeds: str,
    data: str,
    out: Path | None,
    cache: bool,
    as_of: str | None,
    reading: ReadingOptions,
) -> None:
    """Read the reports and write the interactive map.

    \b
    Example:
        missionmap build --seeds seeds --out maps/minusma.html
        missionmap build --as-of 2023-11-15 --out maps/minusma-2023-11-15.html
        missionmap build --seeds seeds/wire.jsonl --field text=body --workers 2
    """
    check_suffix(out, MAP_SUFFIXES, "the map page is HTML")
    project = open_project(seeds, data)
    write_map(project, run_pipeline(project, cache, as_of, reading, preload=MAP_MODULES), out)


def write_map(project: Project, result: Result, out: Path | None) -> None:
    """Write the map of ``result`` and its state, and say what was mapped and what changed."""
    if not result.reports:
        complain(
            "note",
            f"no readable reports in {project.seeds}/; the map has no reported sites."
            " Fix: save reports there as UTF-8 .txt or .md files.",
        )
    as_of = result.until.isoformat() if result.until else None
    target = out or default_out(result.mission.slug, as_of, "html")
    try:
        previous = read_state(state_path(target))
    except DataError as problem:
        complain("warning", f"{problem} Every site is reported as new.")
        previous = ()
    # Imported here, not at the top: while a cold build parses, they load beside it.
    from geo.boundaries import load_boundaries
    from geo.render import render_map

    current = state_of(result.merged.sites)
    page = render_map(
        result.merged.sites,
        result.mission,
        result.as_of,
        load_boundaries(project.boundaries_dir, result.mission.countries),
        load_attribution(project.data_file("attribution.yaml")),
    )
    write_output(target, page)
    # At once: a map written beside an older state would report its changes twice.
    write_output(state_path(target), state_json(current))
    sites, documents = (
        plural(len(result.merged.sites), "site"),
        plural(result.reports, "document"),
    )
    say(f"Mapped {sites} from {documents}:")
    for site in result.merged.sites:
        date = site.evidence.date.isoformat() if site.evidence.date else "undated"
        say(
            f"  {site.place.name:<20} {site.status.value:<12} {date:<10}  {site.confirmation.value}"
        )
    for line in conflict_lines(result.merged.conflicts):
        say(f"  conflict: {line}", err=True)
    for noted in result.merged.without_status:
        complain(
            "not mapped",
            f"{noted.place.name} is in the register without a status."
            f" Fix: missionmap status set {noted.place.id} STATUS --date YYYY-MM-DD.",
        )
    say(f"Wrote {target}")
    for change in changes(previous, current):
        say(change.describe())
    waiting = review_queue(result.confirmed.readings, result.merged)
    if waiting:
        say(f"To review: {plural(len(waiting), 'reading')}, with 'missionmap review'.")
