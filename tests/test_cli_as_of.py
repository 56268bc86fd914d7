"""``--as-of DAY`` on build, sites and export: the sites as they stood that evening.

The five review reports (tests/data/review/seeds): Ber handed over on 13 August,
Tessalit closed on 21 October, Kidal left on 31 October, and the Ménaka wires of
20 November.
"""

from __future__ import annotations

import csv
import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import TEST_DATA

from geo.cli import main


@pytest.fixture
def season(tmp_path, monkeypatch):
    shutil.copytree(TEST_DATA / "review" / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def site_statuses(*args) -> dict[str, str]:
    result = invoke("sites", "--json", *args)
    assert result.exit_code == 0, result.output
    return {row["site"]: row["status"] for row in json.loads(result.output)["sites"]}


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2023-08-12", {}),
        ("2023-08-13", {"Ber": "handed over"}),
        ("2023-10-30", {"Ber": "handed over", "Tessalit": "closed"}),
        (
            "2023-11-20",
            {
                "Ber": "handed over",
                "Tessalit": "closed",
                "Kidal": "closed",
                "Ménaka": "handed over",
            },
        ),
    ],
)
def test_sites_as_of_a_day_leave_out_what_happened_after(season, day, expected):
    assert site_statuses("--as-of", day) == expected


def test_without_as_of_every_statement_counts(season):
    assert site_statuses() == site_statuses("--as-of", "2023-11-20")


def test_build_as_of_writes_a_dated_map_beside_the_current_one(season):
    assert invoke("build").exit_code == 0
    current = (season / "maps" / "minusma.html").read_bytes()
    result = invoke("build", "--as-of", "2023-10-30")
    assert result.exit_code == 0
    assert "Mapped 2 sites from 5 documents" in result.output
    assert "Wrote maps/minusma-2023-10-30.html" in result.output
    assert (season / "maps" / "minusma.html").read_bytes() == current
    page = (season / "maps" / "minusma-2023-10-30.html").read_text(encoding="utf-8")
    assert '<time datetime="2023-10-30">' in page  # the header says "as of" the day asked for


def test_export_as_of_names_its_file_by_the_day(season):
    assert invoke("export", "--format", "csv", "--as-of", "2023-10-30").exit_code == 0
    with (season / "maps" / "minusma-2023-10-30.csv").open(encoding="utf-8") as handle:
        assert sorted(row["site"] for row in csv.DictReader(handle)) == ["Ber", "Tessalit"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023-02-30", "--as-of is not a calendar date: '2023-02-30'"),
        ("last week", "--as-of is not a calendar date: 'last week'"),
        ("2999-01-01", "--as-of is in the future: '2999-01-01'"),
    ],
)
@pytest.mark.parametrize("command", [["sites"], ["build"], ["export", "--format", "png"]])
def test_a_bad_day_gets_one_line_and_writes_nothing(season, command, value, message):
    result = CliRunner().invoke(main, [*command, "--as-of", value])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [result.output.strip()]
    assert message in result.output
    assert not (season / "maps").exists()
