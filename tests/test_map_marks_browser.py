"""Confirmed, read and unconfirmed sites, and conflicting reports, on the map page in Chromium.

The page is the Testland map of :func:`marked_sites`: a read site, an unconfirmed
one with a same-day conflict, a manual (confirmed) one and a second unconfirmed
one of another status. As in ``test_map_browser.py``, the tests look at what the
reader sees -- pixels, the popup, the list, the legend -- and ask the page object
``window.missionmap`` only where things are.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest
from test_map_browser import (
    COLOURS,
    click_marker,
    open_map,
    page_errors,
    pixels,
    screen_point,
    share_of,
)
from test_render import AS_OF, BOUNDARIES, CREDITS, MISSION, sample_sites, town

from geo.boundaries import load_boundaries
from geo.model import Confirmation, Conflict, Document, Evidence, Site, Status
from geo.render import render_map

pytestmark = pytest.mark.browser

ALPHA, BRAVO, CHARLIE, DELTA = (14.0, -8.0), (17.0, 0.0), (20.0, -3.0), (15.0, -4.0)
RIVAL = Document(
    "seeds/rival.txt", "", title="Bravo still open", date=dt.date(2023, 12, 11), source="Other Wire"
)


def marked_sites() -> tuple[Site, ...]:
    """Alpha read (0.93); Bravo unconfirmed (0.41), contradicted the same day; Charlie
    confirmed by a person; Delta pending and unconfirmed (0.37)."""
    alpha, bravo, charlie = sample_sites()
    alpha_read = dataclasses.replace(alpha.evidence, confidence=0.93)
    bravo_closed = dataclasses.replace(
        bravo.evidence, confidence=0.41, confirmation=Confirmation.UNCONFIRMED
    )
    bravo_open = Evidence(
        bravo.place,
        Status.PENDING,
        RIVAL.date,
        "Bravo camp remains open <b>for now</b>.",
        RIVAL.path,
        RIVAL,
        confidence=0.88,
        confirmation=Confirmation.UNCONFIRMED,
    )
    clash = Conflict(bravo.place, bravo_closed, bravo_open, "reports of the same date disagree")
    delta = town("4", "Delta", *DELTA)
    delta_plan = Evidence(
        delta,
        Status.PENDING,
        RIVAL.date,
        "Delta is to close next.",
        RIVAL.path,
        RIVAL,
        confidence=0.37,
        confirmation=Confirmation.UNCONFIRMED,
    )
    return (
        dataclasses.replace(alpha, evidence=alpha_read, history=(alpha.history[0], alpha_read)),
        dataclasses.replace(
            bravo, evidence=bravo_closed, history=(bravo_closed, bravo_open), conflicts=(clash,)
        ),
        charlie,
        Site(delta, Status.PENDING, delta_plan, (delta_plan,)),
    )


@pytest.fixture
def marked_map(offline_page, tmp_path):
    path = tmp_path / "map.html"
    page = render_map(marked_sites(), MISSION, AS_OF, load_boundaries(BOUNDARIES), CREDITS)
    path.write_text(page, encoding="utf-8")
    return open_map(offline_page, path)


def marker_area(page, position, half=14) -> np.ndarray:
    return pixels(page, *screen_point(page, *position), half)


def test_an_unconfirmed_site_is_drawn_hollow_with_a_dashed_outline(marked_map):
    # Delta (pending, unconfirmed): no status colour at its centre, some on its outline,
    # and the outline broken -- a reader of a greyscale print sees an empty dashed shape.
    delta = marker_area(marked_map, DELTA)
    assert share_of(COLOURS["pending"], delta[12:16, 12:16]) == 0
    outline = share_of(COLOURS["pending"], delta)
    assert 0.01 < outline < 0.15, outline
    # Charlie, pending and confirmed, is filled.
    assert share_of(COLOURS["pending"], marker_area(marked_map, CHARLIE)[12:16, 12:16]) == 1
    # The list's symbol says the same in its SVG: no fill, a dashed stroke.
    shape = marked_map.locator('button[data-site="4"] svg polygon')
    assert shape.get_attribute("fill") == "none"
    assert shape.get_attribute("stroke") == COLOURS["pending"]
    assert shape.get_attribute("stroke-dasharray")
    filled = marked_map.locator('button[data-site="3"] svg polygon')
    assert filled.get_attribute("fill") == COLOURS["pending"]
    assert filled.get_attribute("stroke-dasharray") is None


def test_the_popup_says_what_kind_of_statement_a_status_rests_on(marked_map):
    expected = {
        ALPHA: "Read by machine, confidence 0.93",
        CHARLIE: "Confirmed by a person",
        DELTA: "Unconfirmed — read by machine, confidence 0.37; not checked by a person",
    }
    for position, words in expected.items():
        click_marker(marked_map, *position)
        popup = marked_map.locator(".leaflet-popup-content")
        assert popup.locator(".mm-confirmation").inner_text() == words
    assert page_errors(marked_map) == []


def test_the_list_marks_unconfirmed_sites_in_words(marked_map):
    entries = marked_map.locator("#mm-site-list button").all_inner_texts()
    assert [" ".join(entry.split()) for entry in entries] == [
        "Alpha Handed over · 2023-12-08",
        "Bravo Closed · 2023-12-11 · unconfirmed · conflicting reports",
        "Charlie Pending · undated",
        "Delta Pending · 2023-12-11 · unconfirmed",
    ]


def test_the_legend_counts_each_kind_of_statement_and_the_conflicts(marked_map):
    kinds = marked_map.locator(".mm-legend-kind").all_inner_texts()
    assert [" ".join(kind.split()) for kind in kinds] == [
        "Confirmed by a person (1)",
        "Read by machine (1)",
        "Unconfirmed: not checked by a person (2)",
        "! Conflicting reports (1)",
    ]
    # Statuses still count every site, whatever its kind.
    assert marked_map.locator(".mm-legend-item").all_inner_texts() == [
        "Handed over (1)",
        "Closed (1)",
        "Pending (2)",
    ]


def test_a_legend_without_unconfirmed_sites_has_no_such_entry(offline_page, tmp_path):
    path = tmp_path / "map.html"
    path.write_text(
        render_map(sample_sites(), MISSION, AS_OF, load_boundaries(BOUNDARIES), CREDITS),
        encoding="utf-8",
    )
    open_map(offline_page, path)
    kinds = offline_page.locator(".mm-legend-kind").all_inner_texts()
    assert [" ".join(kind.split()) for kind in kinds] == [
        "Confirmed by a person (1)",
        "Read by machine (2)",
    ]
    assert offline_page.locator(".mm-conflict-badge").count() == 0


def test_switching_unconfirmed_off_hides_exactly_the_unconfirmed_sites(marked_map):
    bravo, delta = (screen_point(marked_map, *p) for p in (BRAVO, DELTA))
    assert share_of(COLOURS["closed"], pixels(marked_map, *bravo, 10)) > 0
    marked_map.get_by_label("Unconfirmed: not checked by a person (2)").uncheck()
    assert share_of(COLOURS["closed"], pixels(marked_map, *bravo, 10)) == 0
    assert share_of(COLOURS["pending"], pixels(marked_map, *delta, 10)) == 0
    assert marked_map.get_by_role("img", name="conflicting reports").count() == 0
    marked_map.mouse.click(*delta)
    assert marked_map.locator(".leaflet-popup").count() == 0
    # The read and the confirmed sites stay, Charlie of the same status as Delta among them.
    for position, slug in ((ALPHA, "handed-over"), (CHARLIE, "pending")):
        centre = pixels(marked_map, *screen_point(marked_map, *position), 2)
        assert share_of(COLOURS[slug], centre) == 1, slug
    marked_map.get_by_label("Unconfirmed: not checked by a person (2)").check()
    assert share_of(COLOURS["pending"], pixels(marked_map, *delta, 10)) > 0
    assert marked_map.get_by_role("img", name="conflicting reports").count() == 1


def test_a_status_switched_off_stays_off_for_its_unconfirmed_sites(marked_map):
    delta = screen_point(marked_map, *DELTA)
    label = "Unconfirmed: not checked by a person (2)"
    marked_map.get_by_label("Pending (2)").uncheck()
    marked_map.get_by_label(label).uncheck()
    marked_map.get_by_label(label).check()
    assert share_of(COLOURS["pending"], pixels(marked_map, *delta, 10)) == 0
    # Choosing an unconfirmed site in the list shows what it needs to be seen.
    marked_map.get_by_label(label).uncheck()
    marked_map.locator("#mm-site-list button", has_text="Delta").click()
    assert marked_map.locator(".leaflet-popup-content h3").inner_text() == "Delta"
    assert marked_map.get_by_label(label).is_checked()
    assert marked_map.get_by_label("Pending (2)").is_checked()


def test_a_conflict_has_a_badge_and_its_popup_holds_both_quotes(marked_map):
    badge = marked_map.get_by_role("img", name="conflicting reports")
    assert badge.count() == 1
    box = badge.bounding_box()
    x, y = screen_point(marked_map, *BRAVO)
    # Beside Bravo's marker, up and to the right, not over its centre.
    assert x < box["x"] + box["width"] / 2 < x + 25 and y - 25 < box["y"] + box["height"] / 2 < y
    badge.click()
    popup = marked_map.locator(".leaflet-popup-content")
    assert popup.locator("h3").inner_text() == "Bravo"
    assert popup.locator(".mm-conflict-heading").inner_text() == "Conflicting reports"
    detail = popup.locator(".mm-conflict-detail")
    assert detail.locator(".mm-conflict-reason").inner_text() == "reports of the same date disagree"
    assert detail.locator("blockquote").all_inner_texts() == [
        "Bravo was vacated.",
        "Bravo camp remains open <b>for now</b>.",  # as written: text, not markup
    ]
    sources = [" ".join(s.split()) for s in detail.locator(".mm-source").all_inner_texts()]
    assert sources == [
        "Source: Camps handed over (Example Wire, 2023-12-11)",
        "Source: Bravo still open (Other Wire, 2023-12-11)",
    ]
    statuses = [
        " ".join(s.split()) for s in detail.locator(".mm-conflict-status").all_inner_texts()
    ]
    assert statuses == ["Closed · 2023-12-11", "Pending · 2023-12-11"]
    assert popup.locator("b").count() == 0
    assert page_errors(marked_map) == []
