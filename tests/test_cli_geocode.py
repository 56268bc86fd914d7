"""``missionmap geocode``, run for real."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import TEST_DATA

MATCH_KEYS = {"id", "name", "lat", "lon", "country", "admin1", "feature"}


def geocode_json(run_cli, *args, **kwargs) -> tuple[int, dict]:
    result = run_cli("geocode", *args, "--json", **kwargs)
    assert "Traceback" not in result.stderr
    return result.returncode, json.loads(result.stdout)


def test_text_output_gives_the_best_match_then_the_others(run_cli, tmp_path):
    result = run_cli("geocode", "Tombouctou", cwd=tmp_path)  # a folder without data/
    assert result.returncode == 0, result.stderr
    first, *others = result.stdout.splitlines()
    assert first.startswith("Timbuktu  16.77348, -3.00742  (ML, Timbuktu, P.PPLA)")
    assert any("Timbuktu Region" in line and "A.ADM1" in line for line in others)


def test_json_has_the_match_and_the_candidates(run_cli):
    code, report = geocode_json(run_cli, "Kidal")
    assert code == 0
    assert report["query"] == "Kidal"
    assert set(report["match"]) == MATCH_KEYS
    assert report["match"] == {
        "id": "2455290",
        "name": "Kidal",
        "lat": 18.44345,
        "lon": 1.40921,
        "country": "ML",
        "admin1": "Kidal",
        "feature": "P.PPLA",
    }
    assert [c["name"] for c in report["candidates"]] == ["Kidal Region"]
    assert all(set(c) == MATCH_KEYS for c in report["candidates"])


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("Gao's", "Gao", "ML"),
        ("MENAKA", "Ménaka", "ML"),
        ("Aguel’hoc", "Aguelhok", "ML"),
        ("Mopti-Sévaré", "Sévaré", "ML"),
        ("Kidal region", "Kidal Region", "ML"),
        ("Niamey", "Niamey", "NE"),
    ],
)
def test_json_resolves_the_forms_reports_use(run_cli, query, name, country):
    code, report = geocode_json(run_cli, query)
    assert code == 0
    assert (report["match"]["name"], report["match"]["country"]) == (name, country)


def test_an_uncertain_position_shows_its_precision(run_cli):
    result = run_cli("geocode", "Ogossagou")
    assert result.returncode == 0
    assert "±25 km" in result.stdout


def test_an_unknown_name_exits_1_with_suggestions(run_cli):
    result = run_cli("geocode", "Tombuktou")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "unknown place: 'Tombuktou'" in result.stderr
    assert "did you mean Timbuktu" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_name_in_json_has_a_null_match_and_suggestions(run_cli):
    code, report = geocode_json(run_cli, "Kiddal")
    assert code == 1
    assert report["match"] is None
    assert report["query"] == "Kiddal"
    assert report["suggestions"][0] == "Kidal"
    assert 1 <= len(report["suggestions"]) <= 3


def test_a_project_gazetteer_overrides_the_bundled_one(run_cli, project):
    shutil.copytree(TEST_DATA / "gazetteer" / "small", project / "data" / "gazetteer")
    code, report = geocode_json(run_cli, "Lere", cwd=project)
    assert code == 0
    assert report["match"]["id"] == "sup-lere"
    assert [c["country"] for c in report["candidates"]] == ["TD"]


def test_a_broken_project_gazetteer_is_one_line_naming_file_and_line(run_cli, project):
    folder = project / "data" / "gazetteer"
    shutil.copytree(TEST_DATA / "gazetteer" / "small", folder)
    places = folder / "places.csv"
    lines = places.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace("18.44345", "18,44345")
    places.write_text("".join(lines), encoding="utf-8")
    result = run_cli("geocode", "Gao", cwd=project)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "places.csv:4" in result.stderr and "Fix:" in result.stderr


def test_a_missing_name_is_a_usage_error(run_cli):
    result = run_cli("geocode")
    assert result.returncode == 2
    assert "Missing argument 'NAME'" in result.stderr
