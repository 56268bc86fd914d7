"""The example missions of ``examples/``: each map built end to end, every site checked.

Each example folder is a project as ``missionmap init`` starts one; its
``reference_sites.csv`` says where each site is (with a precision) and what
became of it, from cited sources.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO
from test_gazetteer import distance_km
from test_render import Page

from geo.boundaries import load_boundaries
from geo.cli import main
from geo.gazetteer import load_gazetteer
from geo.project import bundled_data_dir, load_mission, open_data

EXAMPLES = REPO / "examples"


def reference(example: str) -> list[dict[str, str]]:
    with (EXAMPLES / example / "reference_sites.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module", params=["unamid", "atmis"])
def built(request, tmp_path_factory) -> tuple[str, Path, dict]:
    """The example copied to a fresh folder and built there, with its sites as JSON."""
    folder = tmp_path_factory.mktemp(request.param) / request.param
    shutil.copytree(EXAMPLES / request.param, folder)
    runner = CliRunner()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        build = runner.invoke(main, ["build"], catch_exceptions=False)
        assert build.exit_code == 0, build.output
        listed = runner.invoke(main, ["sites", "--json"], catch_exceptions=False)
    return request.param, folder, json.loads(listed.stdout)


def test_the_map_opens_on_the_missions_country(built):
    _, folder, _ = built
    mission = load_mission(open_data(folder / "data"))
    page = Page((folder / "maps" / f"{mission.slug}.html").read_text(encoding="utf-8"))
    (south, west), (north, east) = page.data["view"]["bounds"]
    outline = load_boundaries(bundled_data_dir() / "boundaries", mission.countries).country
    assert list(outline["country"]) == list(mission.countries)
    assert [west, south, east, north] == pytest.approx(list(outline.total_bounds), abs=1e-4)


def test_every_site_is_mapped_where_and_as_its_sources_say(built):
    example, folder, listed = built
    mission = load_mission(open_data(folder / "data"))
    gazetteer = load_gazetteer(bundled_data_dir() / "gazetteer", *mission.countries)
    sites = {site["id"]: site for site in listed["sites"]}
    expected = reference(example)
    assert len(sites) == len(expected)
    for row in expected:
        place = gazetteer.lookup(row["site"])  # the name as the sources spell it
        off = distance_km(place.lat, place.lon, float(row["lat"]), float(row["lon"]))
        assert off <= float(row["precision_km"]), f"{row['site']} is {off:.1f} km off"
        site = sites[place.id]
        assert site["status"] == row["status"], row["site"]
        if row["date"]:
            assert site["date"] == row["date"], row["site"]
        assert site["precision_km"] == (place.precision_km or None)


def test_the_examples_name_no_site_of_another_country(built):
    _, folder, listed = built
    mission = load_mission(open_data(folder / "data"))
    gazetteer = load_gazetteer(bundled_data_dir() / "gazetteer", *mission.countries)
    assert {gazetteer.get(site["id"]).country for site in listed["sites"]} == set(mission.countries)
