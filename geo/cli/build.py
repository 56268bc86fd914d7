"""``missionmap build``: seeds in, map out."""

from __future__ import annotations

from pathlib import Path

import click

from geo.attribution import load_attribution
from geo.boundaries import load_boundaries
from geo.changes import changes, read_state, state_json, state_of, state_path
from geo.cli.options import cache_option, check_suffix, data_option, out_option, seeds_option
from geo.cli.output import complain, say
from geo.cli.reading import run_pipeline
from geo.errors import DataError
from geo.files import write_output
from geo.pipeline import Result
from geo.project import Project, open_project
from geo.render import render_map
from geo.report import plural

MAP_SUFFIXES = (".html", ".htm")


@click.command()
@seeds_option
@data_option
@out_option("Map file to write.  [default: maps/<mission>.html]")
@cache_option
def build(seeds: str, data: str, out: Path | None, cache: bool) -> None:
    """Read the reports and write the interactive map.

    \b
    Example:
        missionmap build --seeds seeds --out maps/minusma.html
    """
    check_suffix(out, MAP_SUFFIXES, "the map page is HTML")
    project = open_project(seeds, data)
    write_map(project, run_pipeline(project, cache), out)


def write_map(project: Project, result: Result, out: Path | None) -> None:
    """Write the map of ``result`` and its state, and say what was mapped and what changed."""
    if not result.documents:
        complain(
            "note",
            f"no readable reports in {project.seeds}/; the map has no reported sites."
            " Fix: save reports there as UTF-8 .txt or .md files.",
        )
    target = out or Path("maps") / f"{result.mission.slug}.html"
    try:
        previous = read_state(state_path(target))
    except DataError as problem:
        complain("warning", f"{problem} Every site is reported as new.")
        previous = ()
    current = state_of(result.merged.sites)
    page = render_map(
        result.merged.sites,
        result.mission,
        result.as_of,
        load_boundaries(project.boundaries_dir),
        load_attribution(project.data_file("attribution.yaml")),
    )
    write_output(target, page)
    sites, documents = (
        plural(len(result.merged.sites), "site"),
        plural(len(result.documents), "document"),
    )
    say(f"Mapped {sites} from {documents}:")
    for site in result.merged.sites:
        date = site.evidence.date.isoformat() if site.evidence.date else "undated"
        say(f"  {site.place.name:<20} {site.status.value:<12} {date}")
    for conflict in result.merged.conflicts:
        say(f"  conflict: {conflict.place.name}: {conflict.reason}", err=True)
    for noted in result.merged.without_status:
        complain(
            "not mapped",
            f"{noted.place.name} is in the register without a status."
            f" Fix: missionmap status set {noted.place.id} STATUS --date YYYY-MM-DD.",
        )
    write_output(state_path(target), state_json(current))
    say(f"Wrote {target}")
    for change in changes(previous, current):
        say(change.describe())
