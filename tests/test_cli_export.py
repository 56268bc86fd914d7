"""``missionmap export``, run for real on the bundled seed report."""

from __future__ import annotations

import csv
import io
import json

import geopandas as gpd
import pytest
from PIL import Image

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
