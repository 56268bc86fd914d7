"""The map embedded with ``missionmap embed``, in a real headless Chromium with no network.

A host page, as a CMS would make it, holds the snippet; the map page inside the
frame must fill it, keep every site in view and never scroll sideways. The page
also stays usable on a phone-sized screen: the legend and site list fold away.

The page is documented to expose ``window.missionmap`` (its Leaflet ``map`` and
``position(site id)``) and to mark ``<body>`` with ``mm-ready`` once drawn.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

# The sites of the bundled seed report: Bamako, Gao, Mopti, Timbuktu (their GeoNames ids).
SITE_IDS = ["2460596", "2457163", "2453348", "2449067"]


@pytest.fixture
def embedded(run_cli, seeded_project) -> tuple[Path, str]:
    """The project with its map built, and the snippet ``missionmap embed`` prints for it."""
    built = run_cli("build", cwd=seeded_project)
    assert built.returncode == 0, built.stderr
    snippet = run_cli("embed", cwd=seeded_project)
    assert snippet.returncode == 0, snippet.stderr
    return seeded_project, snippet.stdout.strip()


def host_page(folder: Path, body: str, style: str = "") -> str:
    """A page beside ``maps/`` holding ``body``; returns its file URL."""
    path = folder / "host.html"
    path.write_text(
        "<!doctype html><html><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<style>body {{ margin: 0; font: 16px serif }} {style}</style></head>"
        f"<body>{body}</body></html>",
        encoding="utf-8",
    )
    return path.as_uri()


def framed_map(page):
    """The frame of the map page once Leaflet has drawn it."""
    frame = page.locator("iframe").element_handle().content_frame()
    frame.wait_for_selector("body.mm-ready", timeout=15_000)
    return frame


def check_fills(page, frame, min_height_share: float = 0.6) -> None:
    """The map is as wide as the frame, most of its height, shows every site, and never overflows."""
    outer = page.locator("iframe").bounding_box()
    map_box = frame.locator("#mm-map").bounding_box()
    assert map_box["width"] == pytest.approx(outer["width"], abs=1)
    assert map_box["x"] == pytest.approx(outer["x"], abs=1)
    assert map_box["height"] >= min_height_share * outer["height"]
    assert map_box["y"] + map_box["height"] <= outer["y"] + outer["height"] + 1
    overflow = frame.evaluate(
        """() => {
            const root = document.documentElement;
            return {wide: root.scrollWidth - root.clientWidth, tall: root.scrollHeight - root.clientHeight};
        }"""
    )
    assert overflow == {"wide": 0, "tall": 0}
    positions = frame.evaluate(
        """(ids) => {
            const {map, position} = window.missionmap;
            const size = map.getSize();
            return ids.map((id) => {
                const p = map.latLngToContainerPoint(position(id));
                return [p.x, p.y, size.x, size.y];
            });
        }""",
        SITE_IDS,
    )
    for x, y, width, height in positions:
        assert 0 <= x <= width and 0 <= y <= height


def test_the_snippet_in_a_640_px_column_is_a_640_by_about_420_map(offline_page, embedded):
    folder, snippet = embedded
    offline_page.goto(host_page(folder, f"<div style='width: 640px'>{snippet}</div>"))
    frame = framed_map(offline_page)
    outer = offline_page.locator("iframe").bounding_box()
    assert outer["width"] == pytest.approx(640, abs=1)
    assert 400 <= outer["height"] <= 440  # the height follows the width
    check_fills(offline_page, frame)


def test_the_map_fills_a_frame_the_cms_sized_640_by_420(offline_page, embedded):
    folder, snippet = embedded
    offline_page.goto(
        host_page(folder, snippet, "iframe { width: 640px !important; height: 420px !important }")
    )
    frame = framed_map(offline_page)
    outer = offline_page.locator("iframe").bounding_box()
    assert (outer["width"], outer["height"]) == (640, 420)
    check_fills(offline_page, frame)


def test_the_snippet_on_a_phone_stays_a_usable_map(offline_page, embedded):
    folder, snippet = embedded
    offline_page.set_viewport_size({"width": 375, "height": 667})
    offline_page.goto(host_page(folder, f"<p>Report text.</p>{snippet}<p>More text.</p>"))
    frame = framed_map(offline_page)
    outer = offline_page.locator("iframe").bounding_box()
    assert outer["width"] == pytest.approx(375, abs=1)
    assert outer["height"] >= 320  # never a sliver
    check_fills(offline_page, frame, min_height_share=0.55)


def test_the_page_on_a_phone_folds_the_legend_behind_a_toggle(offline_page, embedded):
    folder, _ = embedded
    offline_page.set_viewport_size({"width": 375, "height": 667})
    offline_page.goto((folder / "maps" / "minusma.html").as_uri())
    offline_page.wait_for_selector("body.mm-ready", timeout=15_000)
    map_box = offline_page.locator("#mm-map").bounding_box()
    assert map_box["width"] == pytest.approx(375, abs=1)
    assert map_box["height"] >= 0.6 * 667
    assert not offline_page.locator("#mm-panel").is_visible()
    assert offline_page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    toggle = offline_page.locator("#mm-panel-toggle")
    assert toggle.is_visible()
    toggle.click()
    panel = offline_page.locator("#mm-panel").bounding_box()
    assert panel["width"] <= 0.9 * map_box["width"]  # some of the map stays in sight
    assert offline_page.get_by_text("Timbuktu").first.is_visible()
