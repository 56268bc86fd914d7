"""``missionmap init``: a project for another mission, from the bundled data alone."""

from __future__ import annotations

from click.testing import CliRunner
from conftest import files_in

from geo.boundaries import load_boundaries
from geo.cli import main
from geo.gazetteer import load_gazetteer
from geo.project import bundled_data_dir, load_mission, open_data


def init(*args: str):
    return CliRunner().invoke(main, ["init", *args])


def test_writes_only_the_seeds_folder_and_the_mission_profile(tmp_path):
    folder = tmp_path / "unmiss"
    result = init(
        str(folder),
        "--mission",
        "UNMISS",
        "--country",
        "ss",
        "--alias",
        "UN Mission in South Sudan",
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == [
        "data",
        "data/mission.yaml",
        "seeds",
    ]
    mission = load_mission(open_data(folder / "data"))
    assert (mission.slug, mission.name, mission.countries) == ("unmiss", "UNMISS", ("SS",))
    assert mission.aliases == ("UN Mission in South Sudan",)
    assert mission.title == "UNMISS: the mission's sites in South Sudan"
    assert "missionmap build" in result.output


def test_a_mission_in_several_countries_maps_each_outline_and_its_places(tmp_path):
    folder = tmp_path / "unisfa"
    assert (
        init(str(folder), "--mission", "UNISFA", "--country", "SD", "--country", "SS").exit_code
        == 0
    )
    mission = load_mission(open_data(folder / "data"))
    assert mission.countries == ("SD", "SS")
    assert mission.title == "UNISFA: the mission's sites in Sudan and South Sudan"
    boundaries = load_boundaries(bundled_data_dir() / "boundaries", mission.countries)
    assert sorted(boundaries.country["country"]) == ["SD", "SS"]
    assert set(boundaries.regions["country"]) == {"SD", "SS"}
    gazetteer = load_gazetteer(bundled_data_dir() / "gazetteer", *mission.countries)
    assert gazetteer.lookup("Abyei").country == "SD"
    assert gazetteer.lookup("Malakal").country == "SS"


def test_an_unknown_country_code_writes_nothing(tmp_path):
    result = init(str(tmp_path / "new"), "--mission", "X", "--country", "SD", "--country", "QQ")
    assert result.exit_code == 1
    assert result.output == (
        "missionmap: error: unknown country code: 'QQ'. Fix: give the two-letter ISO 3166-1 "
        "code of a country, e.g. --country SD.\n"
    )
    assert not (tmp_path / "new").exists()


def test_a_country_the_bundled_data_does_not_map_in_detail_says_how_to_add_it(tmp_path):
    result = init(str(tmp_path / "new"), "--mission", "Sentinelle", "--country", "FR")
    assert result.exit_code == 1
    assert "does not map France in detail" in result.output
    assert "mission_countries.csv" in result.output and result.output.count("\n") == 1
    assert not (tmp_path / "new").exists()


def test_an_existing_project_is_left_as_it_was(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "report.txt").write_text("MINUSMA left Gao.", encoding="utf-8")
    before = files_in(tmp_path)
    result = init(str(tmp_path), "--mission", "MINUSMA", "--country", "ML")
    assert result.exit_code == 1
    assert result.output.startswith("missionmap: error: a project already exists here")
    assert result.output.count("\n") == 1
    assert files_in(tmp_path) == before
    assert not (tmp_path / "data").exists()


def test_a_name_without_letters_is_refused(tmp_path):
    result = init(str(tmp_path / "new"), "--mission", "  –  ", "--country", "SO")
    assert result.exit_code == 1 and "has no letters or digits" in result.output
    assert not (tmp_path / "new").exists()


def test_a_country_is_required(tmp_path):
    result = init(str(tmp_path / "new"), "--mission", "ATMIS")
    assert result.exit_code == 2 and "--country" in result.output
