"""The gazetteer: names as reports spell them, and the bundled data for the mission."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import pytest
from conftest import REPO, TEST_DATA

from geo.errors import DataError, UnknownPlaceError
from geo.gazetteer import GAZETTEER_COLUMNS, load_gazetteer, normalise, read_places
from geo.project import load_mission, open_project

FIXTURES = TEST_DATA / "gazetteer"
BUNDLED = REPO / "data"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of the Earth's mean radius."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def reference_sites() -> list[dict[str, str]]:
    with (FIXTURES / "reference_sites.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def small():
    return load_gazetteer(FIXTURES / "small", "ML")


@pytest.fixture(scope="module")
def bundled():
    return load_gazetteer(BUNDLED / "gazetteer", "ML")


# --- names as reports write them ------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Tombouctou", "Timbuktu"),
        ("TIMBUKTU", "Timbuktu"),
        ("Menaka", "Ménaka"),
        ("MÉNAKA", "Ménaka"),
        ("Gao's", "Gao"),
        ("Gao’s", "Gao"),
        ("Aguel'hoc", "Aguelhok"),
        ("Aguel’hoc", "Aguelhok"),
        ("Adjelhoc", "Aguelhok"),
        ("Mopti-Sévaré", "Sévaré"),
        ("Mopti Sevare", "Sévaré"),
        ("mopti–sévaré", "Sévaré"),
    ],
)
def test_case_accents_apostrophes_hyphens_and_exonyms_do_not_matter(small, written, expected):
    assert small.lookup(written).name == expected


def test_normalise_keeps_the_letters_of_a_name():
    assert normalise("  Région de  Ségou ") == "region de segou"
    assert normalise("N'Débougou") == "ndebougou"
    assert normalise("Kidal’s") == "kidal"


def test_a_bare_name_means_the_town_and_region_asks_for_the_region(small):
    assert [p.name for p in small.candidates("Kidal")] == ["Kidal", "Kidal Region"]
    assert small.candidates("Kidal region")[0].feature_code == "ADM1"
    assert small.candidates("Région de Kidal")[0].name == "Kidal Region"
    assert small.region("Kidal").name == "Kidal Region"
    assert small.region("the Kidal region") is None  # articles are the extractor's business
    assert small.region("Timbuktu") is None  # the small fixture has no Timbuktu region


def test_a_namesake_abroad_loses_even_when_larger(small):
    found = small.candidates("Léré")
    assert [(p.country, p.population) for p in found] == [("ML", 0), ("TD", 32721)]


def test_the_mission_country_comes_from_data_not_code():
    chad = load_gazetteer(FIXTURES / "small", "TD")
    assert chad.lookup("Lere").country == "TD"


def test_a_neighbours_capital_is_abroad(small):
    niamey = small.lookup("Niamey")
    assert niamey.country == "NE"
    assert not niamey.is_region


def test_an_unknown_name_raises_with_suggestions(small):
    with pytest.raises(UnknownPlaceError) as raised:
        small.lookup("Tombuktou")
    assert raised.value.suggestions[0] == "Timbuktu"
    assert "did you mean Timbuktu" in str(raised.value)


def test_suggestions_are_at_most_three_and_none_for_nonsense(bundled):
    assert len(bundled.suggest("Kiddal")) <= 3
    assert bundled.suggest("Kiddal")[0] == "Kidal"
    assert bundled.suggest("Qwxzvb") == ()


def test_get_finds_a_place_by_id(small):
    assert small.get("2457163").name == "Gao"
    with pytest.raises(KeyError):
        small.get("no-such-id")


def test_longest_name_counts_words(small):
    assert small.longest_name == 3  # "Région de Gao"


# --- bad gazetteer files -----------------------------------------------------------


def write_gazetteer(folder: Path, *rows: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "places.csv"
    path.write_text(",".join(GAZETTEER_COLUMNS) + "\n" + "".join(r + "\n" for r in rows))
    return path


GOOD_ROW = "1,Gao,Gao,,16.27,-0.04,P,PPLA,ML,Gao,100,test,"


def test_a_row_with_text_for_a_coordinate_names_file_line_and_value(tmp_path):
    write_gazetteer(tmp_path, GOOD_ROW, "2,Kidal,Kidal,,north,1.4,P,PPLA,ML,Kidal,0,test,")
    with pytest.raises(DataError) as raised:
        load_gazetteer(tmp_path, "ML")
    message = str(raised.value)
    assert "places.csv:3" in message and "'north'" in message and "Fix:" in message


def test_swapped_or_impossible_coordinates_are_refused(tmp_path):
    write_gazetteer(tmp_path, "1,Gao,Gao,,-0.04,216.27,P,PPLA,ML,Gao,0,test,")
    with pytest.raises(DataError, match="out of range"):
        load_gazetteer(tmp_path, "ML")


def test_a_bad_population_or_precision_is_refused(tmp_path):
    write_gazetteer(tmp_path, "1,Gao,Gao,,16.27,-0.04,P,PPLA,ML,Gao,many,test,")
    with pytest.raises(DataError, match="population is not a number"):
        load_gazetteer(tmp_path, "ML")
    write_gazetteer(tmp_path, "1,Gao,Gao,,16.27,-0.04,P,PPLA,ML,Gao,1,test,-2")
    with pytest.raises(DataError, match="precision_km"):
        load_gazetteer(tmp_path, "ML")


def test_an_id_used_twice_is_refused_with_both_lines(tmp_path):
    write_gazetteer(tmp_path, GOOD_ROW, GOOD_ROW.replace("Gao", "Gao bis"))
    with pytest.raises(DataError) as raised:
        load_gazetteer(tmp_path, "ML")
    assert "places.csv:3" in str(raised.value) and "places.csv:2" in str(raised.value)


def test_missing_columns_and_empty_folders_are_refused(tmp_path):
    (tmp_path / "places.csv").write_text("id,name\n1,Gao\n")
    with pytest.raises(DataError, match="lacks columns"):
        list(read_places(tmp_path / "places.csv"))
    with pytest.raises(DataError, match="no gazetteer files"):
        load_gazetteer(tmp_path / "empty", "ML")


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = write_gazetteer(tmp_path, GOOD_ROW)
    path.write_bytes(path.read_bytes().replace(b"Gao,Gao", "Ségou,Segou".encode("latin-1")))
    with pytest.raises(DataError, match="not UTF-8"):
        load_gazetteer(tmp_path, "ML")


# --- the bundled data ---------------------------------------------------------------


def test_the_bundled_gazetteer_is_for_the_mission_in_mission_yaml(bundled, tmp_path):
    mission = load_mission(open_project(tmp_path, tmp_path / "data"))
    assert bundled.countries == mission.countries == ("ML",)


@pytest.mark.parametrize("site", reference_sites(), ids=lambda row: row["name"])
def test_every_mission_site_resolves_near_its_reference_position(bundled, site):
    place = bundled.lookup(site["name"])
    assert place.country == "ML" and not place.is_region
    off = distance_km(place.lat, place.lon, float(site["lat"]), float(site["lon"]))
    assert off <= 5, f"{site['name']} is {off:.1f} km from {site['source']}"


def supplement() -> list[dict[str, str]]:
    rows = []
    for path in sorted((BUNDLED / "sources" / "supplements").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows += csv.DictReader(handle)
    return rows


@pytest.mark.parametrize("row", supplement(), ids=lambda row: row["name"])
def test_every_supplement_row_is_in_the_gazetteer_with_its_source_and_precision(row):
    gazetteer = load_gazetteer(BUNDLED / "gazetteer", row["country_code"])
    place = gazetteer.get(row["id"])
    assert gazetteer.lookup(row["name"]) == place
    assert (place.lat, place.lon) == (float(row["latitude"]), float(row["longitude"]))
    assert place.precision_km == float(row["precision_km"]) > 0
    assert place.source == row["source"] and place.source
    assert place.admin1  # placed in a region by point in polygon


def test_sites_without_a_published_position_say_how_far_off_they_may_be(bundled):
    ogossagou, bankass = bundled.lookup("Ogossagou"), bundled.lookup("Bankass")
    assert distance_km(ogossagou.lat, ogossagou.lon, bankass.lat, bankass.lon) < 1
    assert ogossagou.precision_km >= 10
    assert bundled.lookup("Ber").precision_km >= 10
    assert bundled.lookup("Gao").precision_km is None  # GeoNames' own point


def test_regions_are_places_with_english_and_french_names(bundled):
    regions = [p for p in bundled.places if p.feature_code == "ADM1"]
    assert {p.country for p in regions} == {"ML"}
    assert {p.name for p in regions} >= {"Kidal Region", "Gao Region", "Timbuktu Region"}
    for name in ("Tombouctou Region", "Timbuktu region", "Région de Tombouctou"):
        assert bundled.candidates(name)[0].name == "Timbuktu Region"
    assert bundled.lookup("Timbuktu").feature_class == "P"
    assert bundled.region("Tombouctou").name == "Timbuktu Region"
    assert bundled.region("Segou").name == "Ségou Region"


@pytest.mark.parametrize(
    ("name", "country", "feature_code"),
    [
        ("Mali", "ML", "PCLI"),
        ("France", "FR", "PCLI"),
        ("Russia", "RU", "PCLI"),
        ("Russie", "RU", "PCLI"),
        ("Niger", "NE", "PCLI"),
        ("Côte d'Ivoire", "CI", "PCLI"),
        ("Niamey", "NE", "PPLC"),
        ("Ouagadougou", "BF", "PPLC"),
        ("Dakar", "SN", "PPLC"),
        ("Nouakchott", "MR", "PPLC"),
        ("Algiers", "DZ", "PPLC"),
        ("Alger", "DZ", "PPLC"),
        ("Conakry", "GN", "PPLC"),
        ("Moscow", "RU", "PPLC"),
        ("Moscou", "RU", "PPLC"),
        ("Paris", "FR", "PPLC"),
        ("New York", "US", "PPL"),
        ("Bamako", "ML", "PPLC"),
    ],
)
def test_countries_and_towns_a_report_names_in_passing(bundled, name, country, feature_code):
    place = bundled.lookup(name)
    assert (place.country, place.feature_code) == (country, feature_code)


def test_alternate_names_are_in_a_latin_script_and_not_codes(bundled):
    gao = bundled.lookup("Gao")
    assert "GAQ" not in gao.alternate_names  # the airport code
    assert all(n[0].isupper() for p in bundled.places for n in p.alternate_names)


# --- one gazetteer, many missions -------------------------------------------------


def layered_gazetteer(folder: Path) -> Path:
    """The three layers: a 'Gao' in each of Mali, Niger (its neighbour) and Chad (a city of
    the world layer), a short alternate name abroad, and a Malian village in Mali's detail."""
    layers = {
        "places.csv": "9,Gao,Gao,,11.0,14.0,P,PPL,TD,,1900000,test,",
        "towns/NE.csv": "8,Gao,Gao,Ayo,14.0,1.0,P,PPL,NE,,60000,test,",
        "towns/ML.csv": "2457163,Gao,Gao,,16.27167,-0.04472,P,PPLA,ML,,86633,test,",
        "detail/ML.csv": "sup-ber,Ber,Ber,,16.773,-2.51,P,PPL,ML,,0,test,15",
    }
    for relative, row in layers.items():
        write_gazetteer((folder / relative).parent, row).rename(folder / relative)
    (folder / "neighbours.json").write_text('{"ML": ["NE"], "NE": ["ML"]}', encoding="utf-8")
    return folder


def test_a_mission_reads_its_countries_detail_and_its_neighbours_towns(tmp_path):
    gazetteer = load_gazetteer(layered_gazetteer(tmp_path), "ML")
    assert [p.country for p in gazetteer.candidates("Gao")] == ["ML", "NE", "TD"]
    assert gazetteer.neighbours == {"NE"}
    assert gazetteer.lookup("Ber").precision_km == 15
    assert load_gazetteer(tmp_path, "NE").candidates("Ber") == ()  # Mali's detail is Mali's


def test_the_mission_country_wins_then_its_neighbours_then_the_world(tmp_path):
    gazetteer = load_gazetteer(layered_gazetteer(tmp_path), "NE")
    assert [p.country for p in gazetteer.candidates("Gao")] == ["NE", "ML", "TD"]
    both = load_gazetteer(tmp_path, "NE", "ML")
    assert [p.country for p in both.candidates("Gao")] == ["ML", "NE", "TD"]  # then size


def test_short_other_names_count_only_in_the_missions_countries(tmp_path):
    layered_gazetteer(tmp_path)
    assert load_gazetteer(tmp_path, "NE").lookup("Ayo").country == "NE"
    assert load_gazetteer(tmp_path, "ML").candidates("Ayo") == ()


@pytest.mark.parametrize(
    ("mission", "name", "country"),
    [("ML", "Gao", "ML"), ("SO", "Baidoa", "SO"), ("SD", "Zalingei", "SD"), ("NE", "Gao", "ML")],
)
def test_the_bundled_gazetteer_serves_every_mission_country(mission, name, country):
    assert load_gazetteer(BUNDLED / "gazetteer", mission).lookup(name).country == country


def bundled_regions() -> dict[str, set[tuple[str, str]]]:
    """The (id, name) of each mission country's regions in the bundled admin1.geojson."""
    text = (BUNDLED / "boundaries" / "admin1.geojson").read_text(encoding="utf-8")
    regions: dict[str, set[tuple[str, str]]] = {}
    ids = []
    for feature in json.loads(text)["features"]:
        properties = feature["properties"]
        ids.append(properties["id"])
        regions.setdefault(properties["country"], set()).add(
            (properties["id"], f"{properties['name']} Region")
        )
    assert len(ids) == len(set(ids)), "admin1.geojson gives two regions one id"
    return regions


def test_every_bundled_country_loads_with_each_of_its_regions_once():
    """Each country of detail/ loads on its own, with one place per region of admin1.geojson."""
    regions = bundled_regions()
    countries = sorted(path.stem for path in (BUNDLED / "gazetteer" / "detail").glob("*.csv"))
    assert len(countries) >= 30 and set(countries) == set(regions)
    for country in countries:
        gazetteer = load_gazetteer(BUNDLED / "gazetteer", country)
        places = [
            (p.id, p.name)
            for p in gazetteer.places
            if p.feature_code == "ADM1" and p.country == country
        ]
        assert len(places) == len(set(places)), country
        assert set(places) == regions[country], country


def test_every_mission_country_is_listed_with_its_operations_and_source():
    with (BUNDLED / "sources" / "mission_countries.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 30
    for row in rows:
        assert row["operations"] and row["source"].startswith("https://"), row
        assert (BUNDLED / "gazetteer" / "detail" / f"{row['code']}.csv").is_file(), row
