"""``missionmap export``, run for real on the bundled seed report."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET

import geopandas as gpd
import pytest
from click.testing import CliRunner
from conftest import TEST_DATA
from PIL import Image

from geo.cli import main

# What the bundled seed report says (read by hand): the flag was lowered in Bamako,
# the Mopti camp was handed over, Gao and Timbuktu still need to close.
SEED_STATUSES = {
    "Bamako": "closed",
    "Gao": "pending",
    "Mopti": "handed over",
    "Timbuktu": "pending",
}


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf", "geojson", "csv"])
def test_each_format_is_written_to_maps_by_default(run_cli, seeded_project, fmt):
    result = run_cli("export", "--format", fmt, cwd=seeded_project)
    assert result.returncode == 0, result.stderr
    target = seeded_project / "maps" / f"minusma.{fmt}"
    assert result.stdout.strip() == f"Exported 4 sites as {fmt.upper()} to maps/minusma.{fmt}"
    assert target.stat().st_size > 0
    # Another process with another hash seed: set and dict order must not leak into the file.
    again = run_cli(
        "export",
        "--format",
        fmt,
        "--out",
        f"again.{fmt}",
        cwd=seeded_project,
        env={"PYTHONHASHSEED": "7"},
    )
    assert again.returncode == 0, again.stderr
    assert (seeded_project / f"again.{fmt}").read_bytes() == target.read_bytes()


def test_png_size_at_default_and_given_dpi(run_cli, seeded_project):
    assert run_cli("export", "--format", "png", cwd=seeded_project).returncode == 0
    assert (
        run_cli(
            "export", "--format", "png", "--dpi", "150", "--out", "small.png", cwd=seeded_project
        ).returncode
        == 0
    )
    default = Image.open(seeded_project / "maps" / "minusma.png")
    small = Image.open(seeded_project / "small.png")
    assert default.width == 1600
    assert small.width == 1200


def test_svg_names_the_seed_sites_in_text(run_cli, seeded_project):
    assert run_cli("export", "--format", "svg", cwd=seeded_project).returncode == 0
    svg = (seeded_project / "maps" / "minusma.svg").read_text(encoding="utf-8")
    for name in SEED_STATUSES:
        assert f">{name}</text>" in svg


def test_geojson_reads_back_with_geopandas(run_cli, seeded_project):
    assert run_cli("export", "--format", "geojson", cwd=seeded_project).returncode == 0
    path = seeded_project / "maps" / "minusma.geojson"
    back = gpd.read_file(path)
    assert dict(zip(back["site"], back["status"], strict=True)) == SEED_STATUSES
    assert back.crs.to_epsg() == 4326
    gao = back[back["site"] == "Gao"].geometry.iloc[0]
    assert (gao.x, gao.y) == pytest.approx((-0.045, 16.272), abs=0.01)  # GeoNames' Gao
    assert "crs" not in json.loads(path.read_text(encoding="utf-8"))


def test_csv_reads_back(run_cli, seeded_project):
    assert run_cli("export", "--format", "csv", cwd=seeded_project).returncode == 0
    text = (seeded_project / "maps" / "minusma.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {row["site"]: row["status"] for row in rows} == SEED_STATUSES
    assert all(row["source"] == "seeds/000_eb9acd02704b1636.txt" for row in rows)
    bamako = next(row for row in rows if row["site"] == "Bamako")
    assert "flag was lowered" in bamako["evidence"]
    assert (float(bamako["lat"]), float(bamako["lon"])) == pytest.approx((12.61, -7.98), abs=0.05)


def test_unknown_format_is_a_usage_error(run_cli, seeded_project):
    result = run_cli("export", "--format", "jpeg", cwd=seeded_project)
    assert result.returncode == 2
    assert "'jpeg' is not one of" in result.stderr and "geojson" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("dpi", ["0", "20", "5000", "lots"])
def test_bad_dpi_names_the_value_and_the_range(run_cli, seeded_project, dpi):
    result = run_cli("export", "--format", "png", "--dpi", dpi, cwd=seeded_project)
    assert result.returncode == 2
    assert "--dpi" in result.stderr and dpi in result.stderr
    if dpi != "lots":
        assert "72<=x<=600" in result.stderr
    assert not (seeded_project / "maps").exists()


def test_dpi_with_a_vector_format_is_refused(run_cli, seeded_project):
    result = run_cli("export", "--format", "svg", "--dpi", "300", cwd=seeded_project)
    assert result.returncode == 2
    assert "--dpi applies to --format png only" in result.stderr


def test_out_with_another_extension_is_refused(run_cli, seeded_project):
    result = run_cli("export", "--format", "png", "--out", "map.pdf", cwd=seeded_project)
    assert result.returncode == 2
    assert "map.pdf does not end in .png" in result.stderr
    assert not (seeded_project / "map.pdf").exists()


@pytest.mark.parametrize(
    ("broken_file", "content"),
    [
        ("boundaries/country.geojson", "{ not json"),
        ("attribution.yaml", "name: [unclosed"),
        ("mission.yaml", "- just a list\n"),
    ],
)
def test_a_failed_export_leaves_the_previous_file_untouched(
    run_cli, seeded_project, broken_file, content
):
    assert run_cli("export", "--format", "png", cwd=seeded_project).returncode == 0
    previous = (seeded_project / "maps" / "minusma.png").read_bytes()
    broken = seeded_project / "data" / broken_file
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text(content, encoding="utf-8")
    result = run_cli("export", "--format", "png", cwd=seeded_project)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and broken_file.split("/")[-1] in result.stderr
    assert "Traceback" not in result.stderr
    assert (seeded_project / "maps" / "minusma.png").read_bytes() == previous
    assert sorted(p.name for p in (seeded_project / "maps").iterdir()) == ["minusma.png"]


def test_an_out_path_that_cannot_be_written_is_one_line(run_cli, seeded_project):
    (seeded_project / "taken").write_text("a file, not a folder", encoding="utf-8")
    result = run_cli("export", "--format", "csv", "--out", "taken/sites.csv", cwd=seeded_project)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "cannot write the file" in result.stderr and "taken/sites.csv" in result.stderr
    assert "Traceback" not in result.stderr


# --- over time: small multiples and the timeline, on the season of tests/data/season ---------


@pytest.fixture(scope="module")
def season_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("season")
    shutil.copytree(TEST_DATA / "season", folder, dirs_exist_ok=True)
    return folder


@pytest.fixture
def season(season_folder, monkeypatch):
    """The season's project as the working folder, with no maps/ yet (its cache is kept)."""
    shutil.rmtree(season_folder / "maps", ignore_errors=True)
    monkeypatch.chdir(season_folder)
    return season_folder


def export(*args: str):
    return CliRunner().invoke(main, ["export", *args], catch_exceptions=False)


def svg_ids(path, prefix: str) -> list[str]:
    root = ET.parse(path).getroot()
    return [
        g.get("id")
        for g in root.iter("{http://www.w3.org/2000/svg}g")
        if g.get("id", "").startswith(prefix)
    ]


def test_every_month_writes_one_figure_of_month_end_panels(season):
    result = export("--format", "svg", "--every", "month")
    assert result.exit_code == 0, result.output
    assert result.output == "Exported 6 maps as one SVG to maps/minusma-by-month.svg\n"
    assert svg_ids(season / "maps" / "minusma-by-month.svg", "panel-") == [
        f"panel-2023-{month}" for month in ("07-31", "08-31", "09-30", "10-31", "11-30", "12-31")
    ]


def test_dates_write_a_panel_for_each_day_listed(season):
    result = export("--format", "png", "--dates", "2023-08-31, 2023-12-31", "--dpi", "100")
    assert result.exit_code == 0, result.output
    assert Image.open(season / "maps" / "minusma-by-date.png").width == 800


def test_the_timeline_is_png_by_default_and_svg_or_pdf_by_the_suffix(season):
    result = export("--format", "timeline", "--dpi", "72")
    assert result.exit_code == 0, result.output
    assert (
        result.output == "Exported the timeline of 13 sites as PNG to maps/minusma-timeline.png\n"
    )
    assert Image.open(season / "maps" / "minusma-timeline.png").width == 8 * 72
    assert export("--format", "timeline", "--out", "report/t.svg").exit_code == 0
    steps = svg_ids(season / "report" / "t.svg", "step-")
    # One row of steps per site; a step where its status (or its confirmation) changes.
    assert len({step.rsplit("-", 3)[0] for step in steps}) == 13
    assert [s for s in steps if s.startswith("step-2460596-")] == ["step-2460596-2023-12-11"]
    assert "step-2449067-2023-12-28" in steps  # Timbuktu handed over
    assert export("--format", "timeline", "--out", "report/t.pdf").exit_code == 0
    assert (season / "report" / "t.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "csv", "--every", "month"], "--every draws small multiples, as png, svg or pdf: 'csv'"),
        (["--format", "geojson", "--dates", "2023-08-31"], "--dates draws small multiples"),
        (["--format", "timeline", "--every", "month"], "--every draws small multiples"),
        (["--format", "png", "--every", "month", "--dates", "2023-08-31"], "--every and --dates: both given"),
        (["--format", "png", "--every", "month", "--as-of", "2023-10-01"], "--every and --as-of both given"),
        (["--format", "png", "--every", "fortnight"], "--every takes month or week: 'fortnight'"),
        (["--format", "png", "--every", "week"], "too many panels for one figure (26 days; at most 12)"),
        (["--format", "png", "--dates", "2023-10-31,2023-08-31"], "--dates is out of order: '2023-08-31'"),
        (["--format", "png", "--dates", "2023-10-31,2023-10-31"], "--dates lists a day twice"),
        (["--format", "png", "--dates", "2023-10-31,31/12/2023"], "--dates is not a calendar date: '31/12/2023'"),
    ],
)  # fmt: skip
def test_what_cannot_be_drawn_gets_one_line_and_writes_nothing(season, args, message):
    result = CliRunner().invoke(main, ["export", *args])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "Fix: " in result.output
    assert message in result.output
    assert not (season / "maps").exists()


def test_a_timeline_out_of_another_kind_is_refused(season):
    result = CliRunner().invoke(main, ["export", "--format", "timeline", "--out", "t.jpg"])
    assert result.exit_code == 2
    assert "t.jpg does not end in .png, .svg or .pdf" in result.output
    assert not (season / "t.jpg").exists()
