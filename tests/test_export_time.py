"""Small multiples and the timeline chart of a season of reports, read as a reader sees them.

The season (tests/data/season/seeds, see its README) is read once for the
module with the real pipeline. What each panel and row must show is typed in
by hand from that README's table, not taken from the code under test.
"""

from __future__ import annotations

import datetime as dt
import doctest
import io
import math
import shutil
import xml.etree.ElementTree as ET

import geopandas as gpd
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
import pytest
from conftest import TEST_DATA
from matplotlib.colors import to_rgb
from PIL import Image

import geo.export_time
from geo.errors import DataError, InvalidValueError
from geo.export import MARKER_AREA_PT2, REGION_FILL, map_crs
from geo.export_time import (
    MAX_PANELS,
    UNCONFIRMED_TINT,
    draw_small_multiples,
    draw_timeline,
    panels_of,
    small_multiples,
    timeline_chart,
    timeline_rows,
    tint,
)
from geo.mission import open_mission
from geo.model import Status
from geo.pipeline import weighed_statements
from geo.style import STATUS_STYLES

DPI = 120
SVG = "{http://www.w3.org/2000/svg}"
H, C, P = "handed over", "closed", "pending"

# The month ends of the season, July to December 2023, and each site's status that evening.
MONTH_ENDS = {
    dt.date(2023, 7, 31): {
        "Ber": P, "Goundam": P, "Ménaka": P, "Ogossagou": P,
        "Tessalit": P, "Aguelhok": P, "Kidal": P,
    },
    dt.date(2023, 8, 31): {
        "Ber": C, "Goundam": H, "Ménaka": H, "Ogossagou": H,
        "Tessalit": P, "Aguelhok": P, "Kidal": P,
    },
    dt.date(2023, 9, 30): {
        "Ber": C, "Goundam": H, "Ménaka": H, "Ogossagou": H,
        "Tessalit": P, "Aguelhok": P, "Kidal": P, "Douentza": P, "Ansongo": P, "Mopti": P,
    },
    dt.date(2023, 10, 31): {
        "Ber": C, "Goundam": H, "Ménaka": H, "Ogossagou": H,
        "Tessalit": C, "Aguelhok": C, "Kidal": C, "Douentza": H, "Ansongo": P, "Mopti": P,
        "Gao": P,
    },
    dt.date(2023, 11, 30): {
        "Ber": C, "Goundam": H, "Ménaka": H, "Ogossagou": H,
        "Tessalit": C, "Aguelhok": C, "Kidal": C, "Douentza": H, "Ansongo": H, "Mopti": P,
        "Gao": P, "Timbuktu": P,
    },
    dt.date(2023, 12, 31): {
        "Ber": C, "Goundam": H, "Ménaka": H, "Ogossagou": H,
        "Tessalit": C, "Aguelhok": C, "Kidal": C, "Douentza": H, "Ansongo": H, "Mopti": H,
        "Gao": P, "Timbuktu": H, "Bamako": C,
    },
}  # fmt: skip

# Timeline rows, by first statement (then name), and each site's steps: (day, status).
ROWS = {
    "Ber": [("2023-07-03", P), ("2023-08-13", C)],
    "Goundam": [("2023-07-03", P), ("2023-08-16", H)],
    "Ménaka": [("2023-07-03", P), ("2023-08-25", H)],
    "Ogossagou": [("2023-07-03", P), ("2023-08-03", H)],
    "Aguelhok": [("2023-07-24", P), ("2023-10-23", C)],
    "Kidal": [("2023-07-24", P), ("2023-10-31", C)],
    "Tessalit": [("2023-07-24", P), ("2023-10-21", C)],
    "Ansongo": [("2023-09-20", P), ("2023-11-18", H)],
    "Douentza": [("2023-09-20", P), ("2023-10-21", H)],
    "Mopti": [("2023-09-20", P), ("2023-12-08", H)],
    # "expected to be among the last sites to close": read with low confidence, unconfirmed;
    # the Bamako report of 12 December says it again, clearly.
    "Gao": [("2023-10-05", P), ("2023-12-12", P)],
    "Timbuktu": [("2023-11-10", P), ("2023-12-28", H)],
    "Bamako": [("2023-12-11", C)],
}


@pytest.fixture(scope="module")
def season(tmp_path_factory):
    folder = tmp_path_factory.mktemp("season")
    shutil.copytree(TEST_DATA / "season", folder, dirs_exist_ok=True)
    return open_mission(folder)


@pytest.fixture(scope="module")
def result(season):
    return season.result()


@pytest.fixture(scope="module")
def inputs(season, result):
    return season._inputs(result)


def png_pixels(data: bytes) -> np.ndarray:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB")).astype(int)


def close_to(pixel: np.ndarray, colour: str, tolerance: int = 6) -> bool:
    return bool((np.abs(pixel - np.array(to_rgb(colour)) * 255) <= tolerance).all())


def test_the_docstring_examples_run():
    assert doctest.testmod(geo.export_time).failed == 0


# --- which days ----------------------------------------------------------------------------


def test_every_month_is_each_month_end_from_the_first_to_the_last_dated_statement(season):
    svg = season.export("svg", every="month", dpi=72)
    panels = [
        g.get("id")
        for g in ET.fromstring(svg).iter(f"{SVG}g")
        if g.get("id", "").startswith("panel-")
    ]
    assert panels == [f"panel-{day.isoformat()}" for day in MONTH_ENDS]


def test_each_panel_is_the_sites_as_of_its_day(result):
    for panel in panels_of(result, MONTH_ENDS):
        assert (
            dict(zip(panel.sites["site"], panel.sites["status"], strict=True))
            == (MONTH_ENDS[panel.day])
        )


def test_a_panel_is_what_the_pipeline_gives_as_of_its_day(season, result):
    columns = ["site", "status", "date", "source", "confirmation", "lat", "lon"]
    for day in (dt.date(2023, 8, 31), dt.date(2023, 10, 31)):
        [panel] = panels_of(result, [day])
        alone = season.sites(as_of=day)  # run(project, as_of=day), as 'sites --as-of' does
        pd.testing.assert_frame_equal(panel.sites[columns], alone[columns])


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"every": "year"}, "every takes month or week: 'year'"),
        ({"every": "week"}, f"too many panels for one figure (26 days; at most {MAX_PANELS})"),
        ({"dates": ["2023-10-31", "2023-08-31"]}, "dates is out of order: '2023-08-31'"),
        ({"dates": ["2023-10-31", "2023-10-31"]}, "dates lists a day twice: '2023-10-31'"),
        ({"dates": ["2023-02-30"]}, "dates is not a calendar date: '2023-02-30'"),
        ({"dates": ["2999-01-01"]}, "dates is in the future: '2999-01-01'"),
        ({"every": "month", "dates": ["2023-10-31"]}, "every and dates: both given"),
        ({"every": "month", "as_of": "2023-10-31"}, "every and as-of both given"),
    ],
)
def test_days_that_cannot_be_drawn_are_refused_with_a_fix(season, arguments, message):
    with pytest.raises(InvalidValueError, match="Fix: ") as raised:
        season.export("png", **arguments)
    assert message in str(raised.value)


def test_panels_in_a_table_format_are_refused(season):
    with pytest.raises(InvalidValueError, match="small multiples, as png, svg or pdf: 'csv'"):
        season.export("csv", every="month")


# --- what a reader sees on the small multiples -------------------------------------------


def test_each_panel_colours_its_sites_by_their_status_that_day(season, result, inputs):
    panels = panels_of(result, MONTH_ENDS)
    pixels = png_pixels(small_multiples(panels, inputs, "png", DPI))
    figure = draw_small_multiples(panels, inputs, DPI)  # the same layout, to find the panels
    assert pixels.shape[1] == 8 * DPI
    assert pixels.shape[0] == pytest.approx(figure.get_figheight() * DPI, abs=1)
    everything = gpd.GeoDataFrame(
        pd.concat([p.sites for p in panels], ignore_index=True), geometry="geometry", crs=4326
    )
    crs = map_crs(everything, inputs.boundaries.country)
    axes = {ax.get_gid(): ax for ax in figure.axes}
    radius = math.sqrt(MARKER_AREA_PT2) / 2 * DPI / 72
    every_site = everything.drop_duplicates("site").to_crs(crs)
    for day, expected in MONTH_ENDS.items():
        ax = axes[f"panel-{day.isoformat()}"]
        xy = ax.transData.transform(np.column_stack([every_site.geometry.x, every_site.geometry.y]))
        where = {
            name: (x, pixels.shape[0] - y)
            for name, (x, y) in zip(every_site["site"], xy, strict=True)
        }
        for name, (x, y) in where.items():
            others = [
                np.hypot(x - ox, y - oy) for other, (ox, oy) in where.items() if other != name
            ]
            if min(others) < 2.2 * radius:
                continue  # markers that touch: which one is on top says nothing
            pixel = pixels[round(y), round(x)]
            if name not in expected:
                assert not any(close_to(pixel, s.colour) for s in STATUS_STYLES.values()), (
                    day,
                    name,
                )
            elif name == "Gao" and day < dt.date(2023, 12, 12):  # unconfirmed: hollow
                assert close_to(pixel, REGION_FILL), (day, name)
            else:
                assert close_to(pixel, STATUS_STYLES[Status(expected[name])].colour), (day, name)


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_small_multiples_same_inputs_same_bytes(season, fmt):
    dates = ["2023-08-31", "2023-12-31"]
    assert season.export(fmt, dates=dates, dpi=72) == season.export(fmt, dates=dates, dpi=72)


def test_small_multiples_share_one_legend_and_name_each_day(season):
    root = ET.fromstring(season.export("svg", dates=["2023-08-31", "2023-10-31"]))
    legends = [g for g in root.iter(f"{SVG}g") if g.get("id") in ("legend", "legend-kinds")]
    assert [g.get("id") for g in legends] == ["legend", "legend-kinds"]
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert [t for t in texts if t in ("Handed over", "Closed", "Pending")] == [
        "Handed over",
        "Closed",
        "Pending",
    ]
    assert "Unconfirmed: not checked by a person" in texts
    assert "31 August 2023" in texts and "31 October 2023" in texts
    assert "Read by machine" in texts  # every site but Gao, whose October reading is unsure
    assert "3 handed over · 1 closed · 3 pending" in texts  # 31 August, by hand above


# --- the timeline chart ------------------------------------------------------------------


def test_timeline_rows_are_by_first_statement_with_the_merge_s_steps(result):
    rows = timeline_rows(weighed_statements(result.confirmed, result.register), result.as_of)
    assert [row.site for row in rows] == list(ROWS)
    for row in rows:
        steps = [(step.start.isoformat(), step.status.value) for step in row.steps]
        assert steps == ROWS[row.site], row.site
    [gao] = [row for row in rows if row.site == "Gao"]
    assert [step.confirmation.value for step in gao.steps] == ["unconfirmed", "read"]


def test_timeline_colours_change_at_the_right_dates(result, inputs):
    pixels = png_pixels(timeline_chart(result, inputs, "png", DPI))
    figure = draw_timeline(result, inputs, DPI)
    [ax] = figure.axes
    names = [label.get_text() for label in ax.get_yticklabels()]
    assert names == list(ROWS)

    def pixel_at(site: str, day: str) -> np.ndarray:
        x = mdates.date2num(dt.date.fromisoformat(day)) + 0.5
        x, y = ax.transData.transform((x, names.index(site)))
        return pixels[round(pixels.shape[0] - y), round(x)]

    colour = {status: STATUS_STYLES[Status(status)].colour for status in (H, C, P)}
    for site, before, after, status_before, status_after in [
        ("Ber", "2023-08-06", "2023-08-20", P, C),
        ("Ogossagou", "2023-07-27", "2023-08-10", P, H),
        ("Kidal", "2023-10-24", "2023-11-07", P, C),
        ("Mopti", "2023-12-01", "2023-12-15", P, H),
        ("Douentza", "2023-10-10", "2023-10-28", P, H),
    ]:
        assert close_to(pixel_at(site, before), colour[status_before]), (site, before)
        assert close_to(pixel_at(site, after), colour[status_after]), (site, after)
    # Nothing before a site's first statement: Bamako's row is empty in November.
    assert close_to(pixel_at("Bamako", "2023-11-15"), "#ffffff")
    # Gao is unconfirmed until 12 December: a lighter strip, hatched in its colour; then solid.
    x0, y0 = ax.transData.transform((mdates.date2num(dt.date(2023, 11, 1)), names.index("Gao")))
    x1, _ = ax.transData.transform((mdates.date2num(dt.date(2023, 11, 20)), 0))
    stretch = pixels[round(pixels.shape[0] - y0), round(x0) : round(x1)]
    assert (
        sum(close_to(p, tint(colour[P], UNCONFIRMED_TINT), 10) for p in stretch) > len(stretch) / 3
    )
    assert sum(close_to(p, colour[P], 40) for p in stretch) > 2  # the hatching
    assert close_to(pixel_at("Gao", "2023-12-20"), colour[P])


def test_timeline_as_of_a_day_ends_there(season):
    svg = season.timeline("svg", as_of="2023-09-30").decode("utf-8")
    root = ET.fromstring(svg)
    steps = sorted(g.get("id") for g in root.iter(f"{SVG}g") if g.get("id", "").startswith("step-"))
    assert len(steps) == 10 + 4  # ten sites pending; four of them closed or handed over since
    assert "to 2023-09-30" in svg
    assert "Douentza" in svg and "Kidal" in svg and "Timbuktu" not in svg


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_timeline_same_inputs_same_bytes(season, fmt):
    assert season.timeline(fmt, dpi=72) == season.timeline(fmt, dpi=72)


def test_a_timeline_without_dated_statements_says_what_to_do(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "undated.md").write_text(
        "MINUSMA handed over its camp in Goundam to the authorities.\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"no site has a dated statement.*Fix: give the reports"):
        open_mission(tmp_path).timeline()
