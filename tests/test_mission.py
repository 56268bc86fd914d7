"""The Python API (geo.mission), used as an analyst uses it: in a real notebook, run by a kernel."""

from __future__ import annotations

import shutil

import nbclient
import nbformat
import pytest
from conftest import TEST_DATA

from geo.errors import GeoError, InvalidValueError
from geo.mission import MapPage, open_mission

NOTEBOOK = TEST_DATA / "notebook" / "season.ipynb"


@pytest.fixture
def season(tmp_path):
    """A project folder with the five review reports (Ber, Tessalit, Kidal, two on Ménaka)."""
    shutil.copytree(TEST_DATA / "review" / "seeds", tmp_path / "seeds")
    return tmp_path


@pytest.fixture
def executed(season):
    """The notebook, executed by a real IPython kernel in the project folder."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": season}}
    )
    client.execute()
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def result_of(cell, mime: str) -> str:
    (output,) = [o for o in cell.outputs if o.output_type == "execute_result"]
    return output.data[mime]


def test_a_notebook_gets_the_sites_of_a_day_and_two_maps_that_both_draw(
    executed, offline_page, tmp_path
):
    sites, autumn_map, full_map, png = executed
    assert result_of(sites, "text/plain") == "['Ber', 'Tessalit']"
    assert result_of(png, "text/plain") == "True"
    # The notebook's front end puts each cell's HTML into the page: two maps, one page.
    page = tmp_path / "notebook.html"
    frames = result_of(autumn_map, "text/html") + result_of(full_map, "text/html")
    page.write_text(f"<!DOCTYPE html><html><body>{frames}</body></html>", encoding="utf-8")
    offline_page.goto(page.as_uri())
    inner = [frame for frame in offline_page.frames if frame != offline_page.main_frame]
    assert len(inner) == 2
    listed = []
    for frame in inner:
        frame.wait_for_selector("body.mm-ready")
        listed.append(frame.locator("#mm-site-list li").all_inner_texts())
    assert [[text.split("\n")[0] for text in names] for names in listed] == [
        ["Ber", "Tessalit"],
        ["Ber", "Kidal", "Ménaka", "Tessalit"],
    ]


def test_sites_as_of_a_day_are_a_geodataframe(season):
    frame = open_mission(season).sites(as_of="2023-10-30")
    assert list(frame["site"]) == ["Ber", "Tessalit"]
    assert frame.crs.to_epsg() == 4326
    assert list(frame["status"]) == ["handed over", "closed"]


def test_a_saved_map_is_the_page_the_command_line_builds(season, monkeypatch):
    from click.testing import CliRunner

    from geo.cli import main

    saved = open_mission(season).map().save(season / "maps" / "api.html")
    monkeypatch.chdir(season)
    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    assert saved.read_bytes() == (season / "maps" / "minusma.html").read_bytes()


def test_exports_come_as_bytes_or_text(season):
    mission = open_mission(season)
    assert mission.export("svg").startswith(b"<?xml")
    assert mission.export("csv").splitlines()[0].startswith("site,id,status")
    with pytest.raises(InvalidValueError, match="not a static map format"):
        mission.export("gif")


def test_a_bad_day_or_a_missing_folder_is_a_clear_error(season, tmp_path):
    with pytest.raises(InvalidValueError, match="as_of is not a calendar date: '30/10/2023'"):
        open_mission(season).sites(as_of="30/10/2023")
    with pytest.raises(GeoError, match="seeds folder not found"):
        open_mission(tmp_path / "nowhere")


def test_the_frame_escapes_the_page_so_it_cannot_break_out():
    hostile = MapPage('<p>"></iframe><script>alert(1)</script></p>', title='"><b>x</b>')
    frame = hostile._repr_html_()
    assert frame.count("<iframe") == 1 and frame.count("</iframe>") == 1
    assert "<script>" not in frame and "<b>" not in frame
