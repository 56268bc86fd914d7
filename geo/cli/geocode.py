"""``missionmap geocode``: where the bundled gazetteer puts a name."""

from __future__ import annotations

import click

from geo.cli.options import data_option, json_option
from geo.cli.output import say, say_json
from geo.errors import UnknownPlaceError
from geo.gazetteer import load_gazetteer
from geo.model import Place
from geo.project import load_mission, open_data


def place_json(place: Place) -> dict:
    """The JSON form of a place, as ``geocode --json`` prints it."""
    return {
        "id": place.id,
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "admin1": place.admin1,
        "feature": f"{place.feature_class}.{place.feature_code}",
    }


def place_line(place: Place) -> str:
    """One readable line: name, position (with its uncertainty), country, region, id."""
    within = f" ±{place.precision_km:g} km" if place.precision_km else ""
    return (
        f"{place.name}  {place.lat:.5f}, {place.lon:.5f}{within}  "
        f"({place.country}, {place.admin1 or '-'}, {place.feature_class}.{place.feature_code})  "
        f"id {place.id}"
    )


@click.command()
@click.argument("name")
@data_option
@json_option
def geocode(name: str, data: str, as_json: bool) -> None:
    """Look NAME up in the gazetteer: the best match and the other candidates.

    Case, accents, apostrophes and hyphens do not matter, and English and
    French forms are both known (Timbuktu, Tombouctou). A place in the
    mission's countries wins over a namesake abroad; a town over the region
    named after it. An unknown name exits with status 1 and suggestions.

    \b
    Example:
        missionmap geocode Tombouctou --json
    """
    project = open_data(data)
    gazetteer = load_gazetteer(project.gazetteer_dir, *load_mission(project).countries)
    found = gazetteer.candidates(name)
    if not found:
        error = UnknownPlaceError(name, gazetteer.suggest(name))
        if as_json:
            report = {"query": name, "match": None, "suggestions": list(error.suggestions)}
            say_json(report)
        raise error
    if as_json:
        report = {
            "query": name,
            "match": place_json(found[0]),
            "candidates": [place_json(p) for p in found[1:]],
        }
        say_json(report)
        return
    say(place_line(found[0]))
    for other in found[1:]:
        say(f"  also: {place_line(other)}")
