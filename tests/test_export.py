"""The report outputs -- static maps, GeoJSON, CSV, summary, embed snippet -- made in-process.

The sites are built by hand from ``tests/data/export/crowded_sites.csv``; the
boundaries and attribution are small fixtures, so these tests do not move when
the bundled data does.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import itertools
import json
import re
import xml.etree.ElementTree as ET
import zlib

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
from conftest import TEST_DATA
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgb
from PIL import Image

from geo.attribution import load_attribution
from geo.boundaries import load_boundaries
from geo.errors import InvalidValueError
from geo.export import (
    FOOTER_IN,
    REGION_FILL,
    MapInputs,
    draw_map,
    sites_csv,
    sites_geojson,
    static_map,
)
from geo.merge import sites_frame
from geo.model import Confirmation, Conflict, Document, Evidence, Mission, Place, Site, Status
from geo.report import summary_markdown
from geo.style import STATUS_STYLES

DATA = TEST_DATA / "export"
MISSION = Mission("testmission", "TM", ("ML",), "Test mission: its sites")
REPORT = Document(
    path="seeds/report.txt",
    text="",
    title="The mission leaves",
    date=dt.date(2023, 12, 11),
    source="Example Wire",
    url="https://example.org/story",
)
SEED_SITES = ("Bamako", "Gao", "Mopti", "Timbuktu")


def make_site(name: str, site_id: str, lat: float, lon: float, status: Status, **more) -> Site:
    precision = more.pop("precision_km", None)
    place = Place(site_id, name, lat, lon, "ML", "P", "PPL", precision_km=precision)
    document = more.pop("document", REPORT)
    quote = more.pop("quote", f"The {name} camp: {status.value}.")
    evidence = Evidence(place, status, document.date, quote, document.path, document=document)
    return Site(place, status, evidence, (evidence,))


def confirmed_as(site: Site, confirmation: Confirmation, confidence: float) -> Site:
    """``site`` with its statement's confirmation and confidence as given."""
    evidence = dataclasses.replace(site.evidence, confidence=confidence, confirmation=confirmation)
    return dataclasses.replace(site, evidence=evidence, history=(evidence,))


def unconfirmed(site: Site) -> Site:
    """``site`` read with a confidence of 0.41, below the threshold."""
    return confirmed_as(site, Confirmation.UNCONFIRMED, 0.41)


def fixture_sites(names: tuple[str, ...] | None = None) -> tuple[Site, ...]:
    with (DATA / "crowded_sites.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    return tuple(
        make_site(
            row["site"],
            row["id"],
            float(row["lat"]),
            float(row["lon"]),
            Status.parse(row["status"]),
            precision_km=float(row["precision_km"]) if row["precision_km"] else None,
        )
        for row in rows
        if names is None or row["site"] in names
    )


@pytest.fixture(scope="module")
def inputs() -> MapInputs:
    return MapInputs(
        mission=MISSION,
        as_of=dt.date(2023, 12, 11),
        documents=1,
        boundaries=load_boundaries(DATA / "boundaries"),
        attribution=load_attribution(DATA / "attribution.yaml"),
    )


@pytest.fixture(scope="module")
def seed_frame() -> gpd.GeoDataFrame:
    return sites_frame(fixture_sites(SEED_SITES))


# --- PNG ---------------------------------------------------------------------------------


def png(data: bytes) -> Image.Image:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(data)).convert("RGB")


def test_png_is_print_resolution_and_follows_dpi(seed_frame, inputs):
    default = png(static_map(seed_frame, inputs, "png"))
    sharper = png(static_map(seed_frame, inputs, "png", dpi=300))
    assert default.width == 1600
    assert sharper.width == 2400
    assert sharper.height == pytest.approx(default.height * 1.5, abs=1)


def colour_blobs(pixels: np.ndarray, colour: str, tolerance: int = 8) -> list[tuple[float, float]]:
    """Centres (x, y) of the patches of ``colour`` bigger than 40 pixels."""
    target = np.array(to_rgb(colour)) * 255
    ys, xs = np.nonzero((np.abs(pixels.astype(int) - target) <= tolerance).all(axis=2))
    blobs: list[list[tuple[int, int]]] = []
    for x, y in zip(xs, ys, strict=True):
        for blob in blobs:
            bx, by = blob[0]
            if abs(bx - x) < 40 and abs(by - y) < 40:
                blob.append((x, y))
                break
        else:
            blobs.append([(x, y)])
    return sorted(
        (float(np.mean([p[0] for p in b])), float(np.mean([p[1] for p in b])))
        for b in blobs
        if len(b) > 40
    )


def test_png_shows_each_status_colour_where_its_sites_are(seed_frame, inputs):
    image = png(static_map(seed_frame, inputs, "png"))
    pixels = np.asarray(image)
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 50  # not blank
    map_only = pixels[: image.height - int(FOOTER_IN * 200)]  # the legend is below the map
    closed = colour_blobs(map_only, STATUS_STYLES[Status.CLOSED].colour)
    handed_over = colour_blobs(map_only, STATUS_STYLES[Status.HANDED_OVER].colour)
    pending = colour_blobs(map_only, STATUS_STYLES[Status.PENDING].colour)
    assert (len(closed), len(handed_over), len(pending)) == (1, 1, 2)
    (bamako,), (mopti,), (timbuktu, gao) = closed, handed_over, pending
    # Bamako (12.61 N, 7.98 W) lies south-west of Mopti (14.48 N, 4.18 W), which lies
    # south-west of Timbuktu (16.77 N, 3.01 W); Gao (16.27 N, 0.04 W) is east of Timbuktu
    # and a little south. Image rows grow downwards.
    assert bamako[0] < mopti[0] < timbuktu[0] < gao[0]
    assert bamako[1] > mopti[1] > gao[1] > timbuktu[1]
    # Distances keep their proportions: on the ground (WGS 84 geodesics) Bamako-Gao is
    # 946 km and Bamako-Mopti 460 km.
    ratio = np.hypot(*np.subtract(gao, bamako)) / np.hypot(*np.subtract(mopti, bamako))
    assert ratio == pytest.approx(946 / 460, rel=0.02)


def test_an_unconfirmed_site_is_hollow_where_a_read_one_is_filled_even_in_greyscale(inputs):
    sites = [unconfirmed(s) if s.place.name == "Gao" else s for s in fixture_sites(SEED_SITES)]
    image = png(static_map(sites_frame(sites), inputs, "png"))
    map_only = np.asarray(image)[: image.height - int(FOOTER_IN * 200)]
    pending = STATUS_STYLES[Status.PENDING].colour
    timbuktu, gao = colour_blobs(map_only, pending)  # Timbuktu lies west of Gao
    gao_centre, timbuktu_centre = (tuple(round(v) for v in blob) for blob in (gao, timbuktu))

    def patch(pixels: np.ndarray, centre: tuple[int, int]) -> np.ndarray:
        x, y = centre
        return pixels[y - 2 : y + 3, x - 2 : x + 3].astype(int)

    # Gao's outline is in the status colour; inside it the map shows through.
    assert (np.abs(patch(map_only, gao_centre) - np.array(to_rgb(REGION_FILL)) * 255) <= 3).all()
    assert (np.abs(patch(map_only, timbuktu_centre) - np.array(to_rgb(pending)) * 255) <= 3).all()
    grey = np.asarray(image.convert("L"))
    assert patch(grey, gao_centre).min() > patch(grey, timbuktu_centre).max() + 80


def test_the_legend_has_a_row_for_each_kind_of_statement_present(inputs):
    sites = fixture_sites(SEED_SITES)
    svg = static_map(sites_frame(sites), inputs, "svg").decode("utf-8")
    assert "Read by machine (4)" in svg
    assert "Unconfirmed" not in svg and "stroke-dasharray" not in svg
    accepted = {"Gao": unconfirmed, "Mopti": lambda s: confirmed_as(s, Confirmation.CONFIRMED, 0.8)}
    marked = [accepted.get(s.place.name, lambda s: s)(s) for s in sites]
    root = ET.fromstring(static_map(sites_frame(marked), inputs, "svg"))
    [kinds] = [
        g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("id") == "legend-kinds"
    ]
    texts = ["".join(t.itertext()) for t in kinds.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == [
        "Confirmed by a person (1)",
        "Read by machine (2)",
        "Unconfirmed: not checked by a person (1)",
    ]
    assert "stroke-dasharray" in ET.tostring(kinds, encoding="unicode")  # its symbol is dashed


def label_boxes(figure) -> dict:
    """The drawn box of every site label, by gid, in display pixels."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    return {
        text.get_gid(): text.get_bbox_patch().get_window_extent(renderer)
        for text in figure.axes[0].texts
    }


def test_labels_overlap_no_marker_label_legend_or_scale_bar(inputs):
    crowded = sites_frame(fixture_sites())
    figure = draw_map(crowded, inputs)
    boxes = label_boxes(figure)
    assert set(boxes) == {f"label-{site_id}" for site_id in crowded["id"]}
    (ax,) = figure.axes
    renderer = figure.canvas.get_renderer()
    legend = figure.legends[0].get_window_extent(renderer)
    (scale_bar,) = [artist.info.window_extent for artist in ax.artists]
    area = ax.get_window_extent(renderer)
    markers = [
        point
        for collection in ax.collections
        if isinstance(collection, PathCollection)  # scatter: the site markers
        for point in ax.transData.transform(collection.get_offsets())
    ]
    assert len(markers) == len(crowded)
    for (a, box_a), (b, box_b) in itertools.combinations(boxes.items(), 2):
        assert not box_a.overlaps(box_b), (a, b)
    for gid, box in boxes.items():
        assert not box.overlaps(legend) and not box.overlaps(scale_bar), gid
        assert area.x0 <= box.x0 and box.x1 <= area.x1 and area.y0 <= box.y0 and box.y1 <= area.y1
        assert not any(box.contains(x, y) for x, y in markers), gid
    # an approximate position says so in its label
    labels = {text.get_gid(): text.get_text() for text in ax.texts}
    assert labels["label-ber"] == "Ber ±15 km"
    assert labels["label-2457163"] == "Gao"


def test_labels_that_find_no_room_are_left_out_and_the_map_says_so(inputs):
    # 36 sites 5 km apart: their labels cannot all fit
    packed = [
        make_site(
            f"Site {row}-{col}", f"p{row}{col}", 14 + row * 0.045, -4 + col * 0.045, Status.PENDING
        )
        for row in range(6)
        for col in range(6)
    ]
    figure = draw_map(sites_frame(packed), inputs)
    boxes = label_boxes(figure)
    assert 0 < len(boxes) < 36
    for (a, box_a), (b, box_b) in itertools.combinations(boxes.items(), 2):
        assert not box_a.overlaps(box_b), (a, b)
    notes = [text.get_text() for text in figure.texts]
    assert any(f"{36 - len(boxes)} sites not labelled for lack of room" in note for note in notes)


# --- SVG and PDF -----------------------------------------------------------------------------


def test_svg_has_the_site_names_title_and_date_as_text(seed_frame, inputs):
    root = ET.fromstring(static_map(seed_frame, inputs, "svg"))
    texts = {
        "".join(element.itertext()) for element in root.iter("{http://www.w3.org/2000/svg}text")
    }
    assert set(SEED_SITES) <= texts
    assert MISSION.title in texts
    assert any("as of 2023-12-11" in text for text in texts)
    assert any("GeoNames" in text for text in texts)


def pdf_streams(data: bytes) -> list[bytes]:
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL)
    return [zlib.decompress(s) if s.startswith(b"x") else s for s in streams]


def test_pdf_is_vector(seed_frame, inputs):
    data = static_map(seed_frame, inputs, "pdf")
    assert data.startswith(b"%PDF-")
    assert b"/Subtype /Image" not in data  # no raster anywhere
    drawing = b"\n".join(pdf_streams(data))
    assert drawing.count(b" l\n") > 30  # the outline and regions as line segments
    assert drawing.count(b" Tf") >= 5  # text set in a font, not painted


# --- determinism ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_same_inputs_same_bytes_static(seed_frame, inputs, fmt):
    assert static_map(seed_frame, inputs, fmt) == static_map(seed_frame.copy(), inputs, fmt)


def test_same_inputs_same_bytes_tables(seed_frame):
    sites = fixture_sites(SEED_SITES)
    again = sites_frame(fixture_sites(SEED_SITES))
    assert sites_geojson(seed_frame) == sites_geojson(again)
    assert sites_csv(seed_frame) == sites_csv(again)
    assert summary_markdown(sites, MISSION, None) == summary_markdown(sites, MISSION, None)


def test_dpi_out_of_range_is_refused(seed_frame, inputs):
    with pytest.raises(InvalidValueError, match=r"10.*72 to 600"):
        static_map(seed_frame, inputs, "png", dpi=10)


# --- GeoJSON and CSV --------------------------------------------------------------------------


def test_geojson_reads_back_to_the_same_sites(seed_frame, tmp_path):
    path = tmp_path / "sites.geojson"
    path.write_text(sites_geojson(seed_frame), encoding="utf-8")
    back = gpd.read_file(path)
    assert back.crs.to_epsg() == 4326
    assert pyogrio.read_info(path)["driver"] == "GeoJSON"
    by_name = {row.site: row for row in back.itertuples()}
    assert set(by_name) == set(SEED_SITES)
    assert by_name["Mopti"].status == "handed over"
    assert by_name["Gao"].status == "pending"
    assert by_name["Bamako"].date.date() == dt.date(2023, 12, 11)  # read as a date
    assert by_name["Timbuktu"].evidence == "The Timbuktu camp: pending."
    assert (by_name["Gao"].geometry.x, by_name["Gao"].geometry.y) == (-0.04472, 16.27167)


def test_geojson_is_rfc_7946(seed_frame):
    collection = json.loads(sites_geojson(seed_frame))
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection
    gao = next(f for f in collection["features"] if f["properties"]["site"] == "Gao")
    assert gao["geometry"] == {"type": "Point", "coordinates": [-0.04472, 16.27167]}  # lon, lat
    assert set(gao["properties"]) >= {"site", "id", "status", "date", "source", "evidence"}


def test_csv_reads_back_to_the_same_sites(seed_frame):
    rows = list(csv.DictReader(io.StringIO(sites_csv(seed_frame))))
    assert [row["site"] for row in rows] == list(SEED_SITES)
    mopti = rows[2]
    assert (mopti["status"], mopti["date"], mopti["source"]) == (
        "handed over",
        "2023-12-11",
        "seeds/report.txt",
    )
    assert (float(mopti["lat"]), float(mopti["lon"])) == (14.4843, -4.18296)


def test_geojson_and_csv_say_how_sure_each_status_is_and_what_contradicts_it():
    gao, mopti = fixture_sites(("Gao", "Mopti"))
    rival = dataclasses.replace(REPORT, path="seeds/rival.txt")
    other = Evidence(gao.place, Status.CLOSED, rival.date, "Gao closed.", rival.path, rival)
    gao = dataclasses.replace(
        unconfirmed(gao),
        conflicts=(Conflict(gao.place, gao.evidence, other, "reports of the same date disagree"),),
    )
    frame = sites_frame([gao, mopti])
    rows = {row["site"]: row for row in csv.DictReader(io.StringIO(sites_csv(frame)))}
    assert {k: rows["Gao"][k] for k in ("confirmation", "confidence", "conflict")} == {
        "confirmation": "unconfirmed",
        "confidence": "0.41",
        "conflict": "closed (seeds/rival.txt)",
    }
    assert {k: rows["Mopti"][k] for k in ("confirmation", "confidence", "conflict")} == {
        "confirmation": "read",
        "confidence": "1.0",
        "conflict": "",
    }
    features = json.loads(sites_geojson(frame))["features"]
    properties = {f["properties"]["site"]: f["properties"] for f in features}
    assert properties["Gao"]["confirmation"] == "unconfirmed"
    assert properties["Gao"]["confidence"] == 0.41
    assert properties["Gao"]["conflict"] == "closed (seeds/rival.txt)"
    assert properties["Mopti"]["conflict"] is None


def test_csv_cell_from_a_report_cannot_run_as_a_spreadsheet_formula():
    hostile = make_site("Gao", "1", 16.27, -0.04, Status.CLOSED, quote='=HYPERLINK("http://x")')
    (row,) = csv.DictReader(io.StringIO(sites_csv(sites_frame([hostile]))))
    assert row["evidence"] == '\'=HYPERLINK("http://x")'


# --- summary and embed -----------------------------------------------------------------------

HOSTILE = dataclasses.replace(
    REPORT,
    title='<script>window.__pwned=1</script> | "quoted" *bold*',
    source="<img src=x onerror=alert(1)>",
    url="javascript:alert(1)",
)


def test_a_map_without_sites_still_has_its_outline_legend_and_date(inputs):
    empty = sites_frame(())
    root = ET.fromstring(static_map(empty, inputs, "svg"))
    texts = {
        "".join(element.itertext()) for element in root.iter("{http://www.w3.org/2000/svg}text")
    }
    assert "Handed over (0)" in texts
    assert any("Status of 0 sites as of 2023-12-11" in text for text in texts)
    assert json.loads(sites_geojson(empty)) == {"type": "FeatureCollection", "features": []}
    assert sites_csv(empty).splitlines() == [
        "site,id,status,date,source,evidence,confirmation,confidence,conflict,lat,lon,precision_km"
    ]


def test_a_long_title_wraps_inside_the_figure_and_dollars_stay_dollars(seed_frame, inputs):
    title = "The withdrawal of the mission in 2023: its camps and bases, and what $2 bn bought"
    long_title = dataclasses.replace(inputs, mission=dataclasses.replace(MISSION, title=title))
    figure = draw_map(seed_frame, long_title)
    figure.canvas.draw()
    (heading,) = [text for text in figure.texts if "withdrawal" in text.get_text()]
    assert heading.get_text().replace("\n", " ") == title
    assert "\n" in heading.get_text()
    assert heading.get_window_extent().x1 <= figure.bbox.x1
    svg = static_map(seed_frame, long_title, "svg").decode("utf-8")
    assert "$2 bn bought" in svg  # as written, not typeset as mathematics
