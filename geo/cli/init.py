"""``missionmap init``: start a project for another mission, in one or more countries."""

from __future__ import annotations

from pathlib import Path

import click

from geo.cli.output import say
from geo.project import bundled_countries, mission_profile, start_project


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--mission", "name", required=True, help="The mission's name, e.g. UNAMID.")
@click.option(
    "--country",
    "countries",
    required=True,
    multiple=True,
    help="A host country's ISO 3166-1 code, e.g. SD; repeat it for a mission in several.",
)
@click.option(
    "--alias",
    "aliases",
    multiple=True,
    help="Another name reports give the mission; repeat it for each.",
)
def init(folder: Path, name: str, countries: tuple[str, ...], aliases: tuple[str, ...]) -> None:
    """Start a project in FOLDER: FOLDER/seeds/ and FOLDER/data/mission.yaml.

    The gazetteer, outlines and regions come with missionmap; put the mission's
    reports in FOLDER/seeds/ and run 'missionmap build' in FOLDER. An unknown
    country code or an existing project writes nothing and exits with status 1.

    \b
    Example:
        missionmap init atmis --mission ATMIS --country SO \\
            --alias "AU Transition Mission in Somalia"
    """
    known, mapped = bundled_countries()
    profile = mission_profile(name, countries, aliases, known, mapped)
    project = start_project(folder, profile)
    say(f"Started {name.strip()} in {folder}: wrote {project.data / 'mission.yaml'}.")
    say(f"Put its reports in {project.seeds}/, then run 'missionmap build' in {folder}.")
