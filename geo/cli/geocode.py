"""``missionmap geocode``: where the bundled gazetteer puts a name."""

from __future__ import annotations

import json

import click

from geo.cli.options import data_option, json_option
from geo.errors import UnknownPlaceError
from geo.gazetteer import load_gazetteer
from geo.model import Place
from geo.project import Project, load_mission


def place_json(place: Place) -> dict:
    return {
        "id": place.id,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "admin1": place.admin1,
        "feature": f"{place.feature_class}.{place.feature_code}",
    }


@click.command()
@click.argument("name")
@data_option
@json_option
def geocode(name: str, data: str, as_json: bool) -> None:
    """Look NAME up in the gazetteer: the best match and the other candidates.

    \b
    Example:
        missionmap geocode Tombouctou --json
    """
    project = Project(seeds=None, data=__import__("pathlib").Path(data))
    gazetteer = load_gazetteer(project.gazetteer_dir, load_mission(project).country)
    found = gazetteer.candidates(name)
    if not found:
        error = UnknownPlaceError(name, gazetteer.suggest(name))
        if as_json:
            click.echo(
                json.dumps(
                    {"query": name, "match": None, "suggestions": list(error.suggestions)},
                    ensure_ascii=False,
                    indent=2,
                )
            )
            raise SystemExit(1)
        raise error
    if as_json:
        click.echo(
            json.dumps(
                {
                    "query": name,
                    "match": place_json(found[0]),
                    "candidates": [place_json(p) for p in found[1:]],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    best = found[0]
    click.echo(
        f"{best.name}  {best.lat:.5f}, {best.lon:.5f}  ({best.country}, {best.admin1 or '-'})  id {best.id}"
    )
    for other in found[1:]:
        click.echo(
            f"  also: {other.name}  {other.lat:.5f}, {other.lon:.5f}  ({other.country})  id {other.id}"
        )
