"""Country outline and admin-1 regions: loading them, and which region a point is in."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import REPO, TEST_DATA

from geo.boundaries import load_boundaries, read_features
from geo.errors import DataError
from geo.gazetteer import load_gazetteer

SQUARE = TEST_DATA / "boundaries" / "square"
BUNDLED = REPO / "data"


@pytest.fixture(scope="module")
def mali():
    return load_boundaries(BUNDLED / "boundaries", ("ML",))


@pytest.fixture(scope="module")
def square():
    return load_boundaries(SQUARE)


def test_a_point_is_in_the_region_whose_polygon_holds_it(square):
    assert square.region_of(0.5, 1.0) == "West"
    assert square.region_of(1.5, 1.0) == "East"
    assert square.region_of(3.0, 1.0) is None


def test_points_on_the_border_count_as_inside(square):
    assert square.contains(2.0, 1.0)
    assert square.region_of(1.0, 1.0) in {"West", "East"}
    assert not square.contains(2.001, 1.0)


def test_frames_carry_id_name_and_wgs84(square):
    assert list(square.regions["id"]) == ["SQ-W", "SQ-E"]
    assert list(square.country["name"]) == ["Squareland"]
    assert square.regions.crs.to_epsg() == square.country.crs.to_epsg() == 4326


def test_the_bundled_files_are_mali_and_its_regions(mali):
    assert list(mali.country["name"]) == ["Mali"]
    assert set(mali.regions["name"]) == {
        "Bamako",
        "Gao",
        "Kayes",
        "Kidal",
        "Koulikoro",
        "Mopti",
        "Ségou",
        "Sikasso",
        "Timbuktu",
    }
    assert mali.regions["id"].is_unique


@pytest.mark.parametrize(
    ("lon", "lat", "region"),
    [
        (-0.04472, 16.27167, "Gao"),  # Gao town
        (1.40921, 18.44345, "Kidal"),
        (-3.00742, 16.77348, "Timbuktu"),
        (-7.97522, 12.60915, "Bamako"),
        (-4.18296, 14.4843, "Mopti"),
    ],
)
def test_mission_towns_lie_in_their_regions(mali, lon, lat, region):
    assert mali.contains(lon, lat)
    assert mali.region_of(lon, lat) == region


def test_neighbours_capitals_lie_outside(mali):
    niamey, ouagadougou, dakar = (2.1098, 13.51366), (-1.53388, 12.36566), (-17.44406, 14.6937)
    for lon, lat in (niamey, ouagadougou, dakar):
        assert not mali.contains(lon, lat)
        assert mali.region_of(lon, lat) is None


def test_every_gazetteer_place_of_the_country_is_inside_its_outline_and_region(mali):
    gazetteer = load_gazetteer(BUNDLED / "gazetteer", "ML")
    places = [p for p in gazetteer.places if p.country == "ML" and p.feature_code != "PCLI"]
    assert len(places) > 100
    for place in places:
        assert mali.contains(place.lon, place.lat), place
        assert place.admin1 == mali.region_of(place.lon, place.lat), place


def test_every_region_lies_within_the_country(mali):
    outline = mali.country.geometry.iloc[0].buffer(1e-6)
    assert all(region.within(outline) for region in mali.regions.geometry)


def test_the_bundled_files_are_small_enough_to_commit():
    countries = read_features(BUNDLED / "boundaries" / "country.geojson")
    sizes = [path.stat().st_size for path in (BUNDLED / "boundaries").glob("*.geojson")]
    # Mali's outline and regions took 90 KB: about that much a country, no more.
    assert len(sizes) == 2 and sum(sizes) < 120_000 * len(countries)


# --- broken files ---------------------------------------------------------------------


def copy_square(tmp_path: Path) -> Path:
    folder = tmp_path / "boundaries"
    shutil.copytree(SQUARE, folder)
    return folder


def test_a_missing_file_is_named(tmp_path):
    folder = copy_square(tmp_path)
    (folder / "admin1.geojson").unlink()
    with pytest.raises(DataError) as raised:
        load_boundaries(folder)
    assert "admin1.geojson" in str(raised.value) and "Fix:" in str(raised.value)


def test_broken_json_is_reported_with_its_line(tmp_path):
    folder = copy_square(tmp_path)
    (folder / "country.geojson").write_text('{"type": "FeatureCollection",\n "features": [}\n')
    with pytest.raises(DataError) as raised:
        load_boundaries(folder)
    assert "country.geojson:2" in str(raised.value)


def test_a_feature_without_a_name_is_refused(tmp_path):
    folder = copy_square(tmp_path)
    collection = json.loads((folder / "admin1.geojson").read_text())
    del collection["features"][1]["properties"]["name"]
    (folder / "admin1.geojson").write_text(json.dumps(collection))
    with pytest.raises(DataError, match="feature 2 lacks properties: 'name'"):
        load_boundaries(folder)


def test_a_point_is_not_an_area(tmp_path):
    folder = copy_square(tmp_path)
    collection = json.loads((folder / "country.geojson").read_text())
    collection["features"][0]["geometry"] = {"type": "Point", "coordinates": [1, 1]}
    (folder / "country.geojson").write_text(json.dumps(collection))
    with pytest.raises(DataError, match="not an area"):
        load_boundaries(folder)
