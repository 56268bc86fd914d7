"""The map page in a real headless Chromium with every network request blocked.

The page is the hand-made Testland map of ``test_render.sample_sites`` (three sites,
one per status) or a map built by the real command line. The tests drive it as a
reader does (mouse clicks, the legend, the list of sites) and look at the pixels
the reader sees; they use the page object ``window.missionmap`` only to ask where
things are.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from matplotlib import image
from test_render import BOUNDARIES, HOSTILE, MISSION, sample_page

from geo.boundaries import load_boundaries
from geo.render import render_map
from geo.style import STATUS_STYLES

pytestmark = pytest.mark.browser

TILE_HOST = "https://tile.openstreetmap.org/"
# Where test_render.sample_sites puts its sites: Alpha, Bravo and Charlie.
ALPHA, BRAVO, CHARLIE = (14.0, -8.0), (17.0, 0.0), (20.0, -3.0)
COLOURS = {status.slug: style.colour for status, style in STATUS_STYLES.items()}
SHAPES = {status.slug: style.shape for status, style in STATUS_STYLES.items()}


def open_map(page, path: Path):
    page.goto(path.as_uri())
    page.wait_for_selector("body.mm-ready")
    return page


def page_errors(page) -> list[str]:
    """Console errors, less the failed basemap tiles.

    ``offline_page`` aborts every request, so Chromium logs "Failed to load
    resource" for each tile it tries; tiles are an online enhancement and
    their absence is expected here. Every other error counts.
    """
    tile_failures = page.errors.count("Failed to load resource: net::ERR_FAILED")
    assert tile_failures <= len([url for url in page.blocked if url.startswith(TILE_HOST)])
    return [error for error in page.errors if error != "Failed to load resource: net::ERR_FAILED"]


@pytest.fixture
def sample_map(offline_page, tmp_path):
    path = tmp_path / "map.html"
    path.write_text(sample_page(), encoding="utf-8")
    return open_map(offline_page, path)


def screen_point(page, lat: float, lon: float) -> tuple[float, float]:
    """Where a position is on the screen, in CSS pixels."""
    return page.evaluate(
        """([lat, lon]) => {
            const map = missionmap.map;
            const point = map.latLngToContainerPoint([lat, lon]);
            const box = map.getContainer().getBoundingClientRect();
            return [box.left + point.x, box.top + point.y];
        }""",
        [lat, lon],
    )


def click_marker(page, lat: float, lon: float) -> None:
    """Click the marker at a position once the last popup is closed (it may cover the marker)
    and the map has stopped moving (opening a popup pans the map, and every marker with it)."""
    page.evaluate("missionmap.map.closePopup()")
    point = screen_point(page, lat, lon)
    for _ in range(40):  # a pan lasts a quarter of a second
        page.wait_for_timeout(50)
        point, previous = screen_point(page, lat, lon), point
        if point == previous:
            break
    page.mouse.click(*point)


def pixels(page, x: float, y: float, half: int) -> np.ndarray:
    """The RGB pixels of the square of side ``2 * half`` centred on (x, y), as 0-255 integers."""
    png = page.screenshot(
        clip={"x": x - half, "y": y - half, "width": 2 * half, "height": 2 * half}
    )
    return (image.imread(io.BytesIO(png), format="png")[:, :, :3] * 255).round().astype(int)


def rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])


def share_of(colour: str, area: np.ndarray) -> float:
    """The share of the area's pixels that are of ``colour``."""
    return float((np.abs(area - rgb(colour)).max(axis=2) <= 12).mean())


def test_leaflet_loads_offline_and_only_tiles_were_wanted_from_the_network(sample_map):
    assert sample_map.evaluate("L.version") == "1.9.3"
    assert sample_map.blocked, "the page should ask for tiles when the browser thinks it is online"
    assert all(url.startswith(TILE_HOST) for url in sample_map.blocked)
    assert page_errors(sample_map) == []


def test_a_browser_that_knows_it_is_offline_asks_for_nothing(offline_page, tmp_path):
    offline_page.context.set_offline(True)
    path = tmp_path / "map.html"
    path.write_text(sample_page(), encoding="utf-8")
    open_map(offline_page, path)
    assert offline_page.blocked == []
    assert offline_page.errors == []
    assert offline_page.locator(".mm-offline-note").is_visible()


def test_the_country_outline_is_drawn_without_tiles(sample_map):
    # Testland's interior at 12 N, 0 E is filled; the sea at 24 N, 3 E (outside it) is not.
    inside, outside = sample_map.evaluate(
        """() => [[12, 0], [24, 3]].map(([lat, lon]) => {
            const point = missionmap.map.latLngToContainerPoint([lat, lon]);
            const box = missionmap.map.getContainer().getBoundingClientRect();
            return [box.left + point.x, box.top + point.y];
        })"""
    )
    land, sea = pixels(sample_map, *inside, 2)[1, 1], pixels(sample_map, *outside, 2)[1, 1]
    assert np.abs(land - sea).max() > 10, (land, sea)


def test_markers_stand_at_their_sites_in_their_status_colour(sample_map):
    for site_id, (lat, lon), slug in (
        ("1", ALPHA, "handed-over"),
        ("2", BRAVO, "closed"),
        ("3", CHARLIE, "pending"),
    ):
        position = sample_map.evaluate(f"missionmap.position('{site_id}')")
        assert (position["lat"], position["lng"]) == pytest.approx((lat, lon), abs=1e-5)
        centre = pixels(sample_map, *screen_point(sample_map, lat, lon), 2)
        assert share_of(COLOURS[slug], centre) == 1.0, slug


def test_each_status_has_its_own_shape(sample_map):
    # How much of the box around a marker its colour fills: about 1 for a square,
    # pi/4 for a circle, 1/2 for a triangle -- a reader without colour tells them apart.
    expected = {"square": (0.85, 1.0), "circle": (0.65, 0.85), "triangle": (0.3, 0.6)}
    for position, slug in ((ALPHA, "handed-over"), (BRAVO, "closed"), (CHARLIE, "pending")):
        area = pixels(sample_map, *screen_point(sample_map, *position), 14)
        filled = np.abs(area - rgb(COLOURS[slug])).max(axis=2) <= 12
        rows, columns = np.nonzero(filled)
        box = filled[rows.min() : rows.max() + 1, columns.min() : columns.max() + 1]
        low, high = expected[SHAPES[slug]]
        assert low <= box.mean() <= high, (slug, box.mean())


def test_clicking_a_marker_opens_its_popup_with_status_quote_source_and_history(sample_map):
    sample_map.mouse.click(*screen_point(sample_map, *ALPHA))
    popup = sample_map.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator("h3").inner_text() == "Alpha"
    status = " ".join(popup.locator(".mm-popup-status").inner_text().split())
    assert status == "Handed over · 2023-12-08"
    assert popup.locator("blockquote").inner_text() == "The Alpha camp was handed over."
    link = popup.locator(".mm-source a")
    assert link.inner_text() == "Camps handed over"
    assert link.get_attribute("href") == "https://example.org/story"
    steps = popup.locator(".mm-history li").all_inner_texts()
    assert steps == [
        "2023-11-01 Pending — Withdrawal plan",
        "2023-12-08 Handed over — Camps handed over",
    ]
    assert page_errors(sample_map) == []


def test_an_uncertain_position_says_so_and_draws_its_radius(sample_map):
    sample_map.mouse.click(*screen_point(sample_map, *BRAVO))
    popup = sample_map.locator(".leaflet-popup-content")
    assert popup.locator(".mm-approx").inner_text() == "Position approximate (±15 km)"
    radii = sample_map.evaluate(
        "missionmap.layers['closed'].getLayers().filter(l => l instanceof L.Circle).map(l => l.getRadius())"
    )
    assert radii == [15000]
    assert sample_map.locator("#mm-legend-approx").is_visible()


def test_a_manual_entry_shows_its_kind_and_note(sample_map):
    sample_map.mouse.click(*screen_point(sample_map, *CHARLIE))
    popup = sample_map.locator(".leaflet-popup-content")
    assert " ".join(popup.locator(".mm-popup-status").inner_text().split()) == "Pending · undated"
    assert popup.locator(".mm-kind").inner_text() == "Kind: camp"
    assert popup.locator(".mm-note").inner_text() == "Note: Road closed."
    assert popup.locator(".mm-source").inner_text() == "Source: manual: duty officer"
    assert popup.locator(".mm-source a").count() == 0


def test_the_tooltip_names_the_site(sample_map):
    sample_map.mouse.move(*screen_point(sample_map, *BRAVO))
    assert sample_map.locator(".leaflet-tooltip").inner_text() == "Bravo"


def test_switching_a_status_off_hides_its_markers(sample_map):
    point = screen_point(sample_map, *CHARLIE)
    sample_map.get_by_label("Pending (1)").uncheck()
    assert share_of(COLOURS["pending"], pixels(sample_map, *point, 3)) == 0
    sample_map.mouse.click(*point)
    assert sample_map.locator(".leaflet-popup").count() == 0
    assert (
        share_of(COLOURS["handed-over"], pixels(sample_map, *screen_point(sample_map, *ALPHA), 2))
        == 1
    )
    sample_map.get_by_label("Pending (1)").check()
    assert share_of(COLOURS["pending"], pixels(sample_map, *point, 2)) == 1


def test_the_legend_and_the_list_of_sites_are_on_the_page(sample_map):
    legend = sample_map.locator(".mm-legend-item").all_inner_texts()
    assert legend == ["Handed over (1)", "Closed (1)", "Pending (1)"]
    assert (
        sample_map.locator(".mm-legend-item svg polygon, .mm-legend-item svg circle").count() == 3
    )
    entries = sample_map.locator("#mm-site-list button").all_inner_texts()
    assert [" ".join(entry.split()) for entry in entries] == [
        "Alpha Handed over · 2023-12-08",
        "Bravo Closed · 2023-12-11",
        "Charlie Pending · undated",
    ]
    assert "Sites as of 2023-12-11 · 3 sites" in sample_map.locator("header").inner_text()
    credits = sample_map.locator(".mm-credits").inner_text()
    assert "GeoNames" in credits and "Natural Earth" in credits and "OpenStreetMap" in credits


def test_choosing_a_site_in_the_list_zooms_to_it_and_opens_its_popup(sample_map):
    sample_map.get_by_label("Pending (1)").uncheck()
    start_zoom = sample_map.evaluate("missionmap.map.getZoom()")
    sample_map.locator("#mm-site-list button", has_text="Charlie").click()
    popup = sample_map.locator(".leaflet-popup-content")
    assert popup.locator("h3").inner_text() == "Charlie"
    zoom, centre = sample_map.evaluate("[missionmap.map.getZoom(), missionmap.map.getCenter()]")
    assert zoom > start_zoom
    assert (centre["lat"], centre["lng"]) == pytest.approx((20.0, -3.0), abs=0.5)
    assert sample_map.get_by_label("Pending (1)").is_checked()  # a hidden site is shown again


def test_on_a_phone_the_panel_waits_behind_a_toggle(browser, tmp_path):
    context = browser.new_context(viewport={"width": 375, "height": 667}, offline=True)
    try:
        page = context.new_page()
        path = tmp_path / "map.html"
        path.write_text(sample_page(), encoding="utf-8")
        open_map(page, path)
        map_box = page.locator("#mm-map").bounding_box()
        assert map_box["width"] == 375 and map_box["height"] > 0.8 * 667
        assert not page.locator("#mm-site-list").is_visible()
        toggle = page.get_by_role("button", name="Legend, sites")
        assert toggle.get_attribute("aria-expanded") == "false"
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        assert page.locator(".mm-legend-item").first.is_visible()
        page.locator("#mm-site-list button", has_text="Bravo").click()
        assert not page.locator("#mm-site-list").is_visible()  # out of the way of the popup
        popup = page.locator(".leaflet-popup")
        assert popup.locator("h3").inner_text() == "Bravo"
        # Once the map has panned to make room, the whole popup is on the screen.
        page.wait_for_function(
            """() => {
                const box = document.querySelector('.leaflet-popup').getBoundingClientRect();
                return box.left >= 0 && box.right <= innerWidth && box.top >= 0;
            }""",
            timeout=3000,
        )
    finally:
        context.close()


def test_the_seed_map_puts_each_site_at_its_gazetteer_position(
    run_cli, seeded_project, offline_page
):
    assert run_cli("build", cwd=seeded_project).returncode == 0
    open_map(offline_page, seeded_project / "maps" / "minusma.html")
    # GeoNames positions (geonameid 2460596, 2457163, 2453348, 2449067).
    expected = {
        "2460596": (12.60915, -7.97522, "closed"),
        "2457163": (16.27167, -0.04472, "pending"),
        "2453348": (14.4843, -4.18296, "handed-over"),
        "2449067": (16.77348, -3.00742, "pending"),
    }
    for site_id, (lat, lon, slug) in expected.items():
        position = offline_page.evaluate(f"missionmap.position('{site_id}')")
        assert (position["lat"], position["lng"]) == pytest.approx((lat, lon), abs=1e-5)
        assert (
            share_of(COLOURS[slug], pixels(offline_page, *screen_point(offline_page, lat, lon), 2))
            == 1
        )
    assert page_errors(offline_page) == []


def test_a_hostile_report_executes_nothing_and_reads_as_written(run_cli, project, offline_page):
    seeds = project / "seeds"
    (seeds / "hostile.txt").write_text(
        f"MINUSMA handed over its camp in Gao to the authorities {HOSTILE}.\n", encoding="utf-8"
    )
    (seeds / "hostile.meta.yaml").write_text(
        "title: \"<script>window.__pwned=4</script> Gao `report` \\\\ 'q'\"\n"
        "date: 2023-12-20\n"
        'source: "<img src=x onerror=window.__pwned=5>"\n'
        'url: "javascript:window.__pwned=6"\n',
        encoding="utf-8",
    )
    result = run_cli("build", cwd=project)
    assert result.returncode == 0, result.stderr
    open_map(offline_page, project / "maps" / "minusma.html")
    offline_page.locator("#mm-site-list button", has_text="Gao").click()
    popup = offline_page.locator(".leaflet-popup-content")
    assert HOSTILE.rstrip() in " ".join(popup.locator("blockquote").inner_text().split())
    source = popup.locator(".mm-source").inner_text()
    assert "<script>window.__pwned=4</script> Gao `report` \\ 'q'" in source
    assert "<img src=x onerror=window.__pwned=5>" in source
    assert popup.locator("a").count() == 0  # the javascript: address is no link
    gao = screen_point(offline_page, 16.27167, -0.04472)
    offline_page.mouse.move(*gao)
    offline_page.mouse.click(*gao)
    assert offline_page.evaluate("typeof window.__pwned") == "undefined"
    assert (
        offline_page.locator(".leaflet-popup img, .leaflet-tooltip img, #mm-panel img").count() == 0
    )
    assert page_errors(offline_page) == []


def test_a_map_without_sites_still_opens_and_says_so(offline_page, tmp_path):
    path = tmp_path / "map.html"
    path.write_text(render_map((), MISSION, None, load_boundaries(BOUNDARIES)), encoding="utf-8")
    open_map(offline_page, path)
    assert (
        offline_page.locator("#mm-site-list").inner_text() == "No report names a mission site yet."
    )
    assert "0 sites" in offline_page.locator("header").inner_text()
    assert page_errors(offline_page) == []
