"""``missionmap build``: seeds in, map out."""

from __future__ import annotations

from pathlib import Path

import click

from geo.cli.options import data_option, seeds_option
from geo.files import write_atomically
from geo.pipeline import run
from geo.project import open_project
from geo.render import render_map


@click.command()
@seeds_option
@data_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Map file to write.  [default: maps/<mission>.html]",
)
def build(seeds: str, data: str, out: Path | None) -> None:
    """Read the reports and write the interactive map.

    \b
    Example:
        missionmap build --seeds seeds --out maps/minusma.html
    """
    result = run(open_project(seeds, data))
    for problem in result.problems:
        click.echo(f"missionmap: skipped: {problem}", err=True)
    target = out or Path("maps") / f"{result.mission.slug}.html"
    write_atomically(target, render_map(result.merged.sites, result.mission, result.as_of))
    click.echo(f"Mapped {len(result.merged.sites)} sites from {len(result.documents)} documents:")
    for site in result.merged.sites:
        date = site.evidence.date.isoformat() if site.evidence.date else "undated"
        click.echo(f"  {site.place.name:<20} {site.status.value:<12} {date}")
    for conflict in result.merged.conflicts:
        click.echo(f"  conflict: {conflict.place.name}: {conflict.reason}", err=True)
    click.echo(f"Wrote {target}")
