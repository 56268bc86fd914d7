"""The map's time control in a real headless Chromium with the network blocked.

The project is a season of six dated reports (the five of ``tests/data/review/seeds``
and a plan to leave Kidal of 15 September) and a manual handover of Tessalit on
25 November: Ber is handed over in August, Kidal planned then left, Tessalit closed
then handed over by hand, and two wires disagree about Ménaka on 20 November. The
map is built by the real command, and on every day the reader picks with the slider
each site's marker, popup and list entry must say what ``missionmap sites --as-of``
says of that day.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import TEST_DATA
from test_map_browser import COLOURS, open_map, page_errors, pixels, screen_point, share_of
from test_render import BOUNDARIES, MISSION, sample_sites

from geo.boundaries import load_boundaries
from geo.cli import main
from geo.render import render_map

pytestmark = pytest.mark.browser

KIDAL_PLAN = """---
title: Kidal next on the list
date: 2023-09-15
source: Sahel Desk
lang: en
---
MINUSMA will leave its camp in Kidal before the end of the year, the mission said on Friday.
"""
MONTHS = "January February March April May June July August September October November December"


def command(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def season(tmp_path_factory) -> Path:
    """The season's project, its map built by ``missionmap build``."""
    project = tmp_path_factory.mktemp("season")
    shutil.copytree(TEST_DATA / "review" / "seeds", project / "seeds")
    (project / "seeds" / "00_kidal_plan.md").write_text(KIDAL_PLAN, encoding="utf-8")
    folders = ("--seeds", str(project / "seeds"), "--data", str(project / "data"))
    command("status", "set", "Tessalit", "handed over", "--date", "2023-11-25",
            "--source", "Ops desk", "--note", "Handed to the governor", "--data",
            str(project / "data"))  # fmt: skip
    command("build", *folders, "--out", str(project / "maps" / "season.html"))
    return project


def sites_as_of(project: Path, day: dt.date) -> dict[str, dict]:
    """What ``missionmap sites --as-of DAY --json`` says, by site name."""
    output = command(
        "sites", "--json", "--as-of", day.isoformat(),
        "--seeds", str(project / "seeds"), "--data", str(project / "data"),
    )  # fmt: skip
    return {row["site"]: row for row in json.loads(output)["sites"]}


def event_days(project: Path) -> list[dt.date]:
    """Every day a statement of the season is dated, from ``missionmap history``."""
    output = command(
        "history", "--json", "--seeds", str(project / "seeds"), "--data", str(project / "data")
    )
    return sorted({dt.date.fromisoformat(row["date"]) for row in json.loads(output)["history"]})


def in_words(day: dt.date) -> str:
    return f"{day.day} {MONTHS.split()[day.month - 1]} {day.year}"


def drag_slider_to(page, day: dt.date, first: dt.date, last: dt.date) -> None:
    """Drag the slider's thumb to about ``day``, then set it exactly with the arrow keys."""
    slider = page.get_by_label("Date", exact=True)
    box = slider.bounding_box()
    thumb = 16  # Chromium's thumb: its centre runs from half a thumb in to half a thumb short

    def x_of(offset: int) -> float:
        share = offset / (last - first).days
        return box["x"] + thumb / 2 + share * (box["width"] - thumb)

    middle = box["y"] + box["height"] / 2
    page.mouse.move(x_of(int(slider.input_value())), middle)
    page.mouse.down()
    page.mouse.move(x_of((day - first).days), middle, steps=5)
    page.mouse.up()
    missing = (day - first).days - int(slider.input_value())
    for _ in range(abs(missing)):
        slider.press("ArrowRight" if missing > 0 else "ArrowLeft")
    assert page.locator("#mm-date-words").inner_text() == in_words(day)


def confirmation_words(row: dict) -> str:
    confidence = f"{row['confidence']:.2f}"
    return {
        "confirmed": "Confirmed by a person",
        "read": f"Read by machine, confidence {confidence}",
        "unconfirmed": f"Unconfirmed — read by machine, confidence {confidence};"
        " not checked by a person",
    }[row["confirmation"]]


def list_words(row: dict) -> str:
    words = f"{row['site']} {row['status'].capitalize()} · {row['date']}"
    if row["confirmation"] == "unconfirmed":
        words += " · unconfirmed"
    return words + (" · conflicting reports" if row["conflicts"] else "")


def assert_page_agrees(page, expected: dict[str, dict], everywhere: dict[str, dict]) -> None:
    """The markers, popups, list and legend show ``expected`` and no other site of ``everywhere``."""
    entries = page.locator("#mm-site-list button").all_inner_texts()
    assert [" ".join(entry.split()) for entry in entries] == [
        list_words(row) for row in expected.values()
    ]
    counts = page.locator(".mm-legend-item").all_inner_texts()
    assert counts == [
        f"{label} ({sum(row['status'] == status for row in expected.values())})"
        for label, status in (
            ("Handed over", "handed over"),
            ("Closed", "closed"),
            ("Pending", "pending"),
        )
    ]
    for name, row in everywhere.items():
        point = screen_point(page, row["lat"], row["lon"])
        page.mouse.click(*point)
        popup = page.locator(".leaflet-popup-content")
        if name not in expected:
            assert popup.count() == 0, name
            assert all(
                share_of(colour, pixels(page, *point, 3)) == 0 for colour in COLOURS.values()
            )
            continue
        row = expected[name]
        assert popup.locator("h3").inner_text() == name
        status_line = " ".join(popup.locator(".mm-popup-status").inner_text().split())
        assert status_line == f"{row['status'].capitalize()} · {row['date']}"
        assert popup.locator("blockquote.mm-quote").first.inner_text() == row["evidence"]
        assert popup.locator(".mm-confirmation").inner_text() == confirmation_words(row)
        current = popup.locator('.mm-history li[aria-current="step"]')
        assert current.locator("time").inner_text() == row["date"]
        listed = [item.split()[0] for item in popup.locator(".mm-history li").all_inner_texts()]
        assert max(listed) == row["date"]  # nothing after the day shown
        others = popup.locator(".mm-conflict-detail blockquote").all_inner_texts()
        assert [other for other in others if other != row["evidence"]] == [
            conflict["evidence"] for conflict in row["conflicts"]
        ]
        page.locator(".leaflet-popup-close-button").click()
        page.locator(".leaflet-popup").wait_for(state="detached")  # it fades out first


def test_on_every_day_the_slider_reaches_the_map_agrees_with_sites_as_of(season, offline_page):
    days = event_days(season)
    first, last = days[0], days[-1]
    everywhere = sites_as_of(season, last)
    open_map(offline_page, season / "maps" / "season.html")
    # The page opens on the last day, as the map of today.
    assert offline_page.locator("#mm-date-words").inner_text() == in_words(last)
    checked = sorted({*days, *(day - dt.timedelta(days=1) for day in days[1:])})
    for day in checked:
        drag_slider_to(offline_page, day, first, last)
        assert_page_agrees(offline_page, sites_as_of(season, day), everywhere)
        assert offline_page.url.endswith(f"#date={day.isoformat()}")
    assert page_errors(offline_page) == []


def test_the_address_opens_the_map_on_its_day(season, offline_page):
    day = dt.date(2023, 10, 25)
    offline_page.goto((season / "maps" / "season.html").as_uri() + f"#date={day.isoformat()}")
    offline_page.wait_for_selector("body.mm-ready")
    assert offline_page.locator("#mm-date-words").inner_text() == "25 October 2023"
    slider = offline_page.get_by_label("Date", exact=True)
    assert slider.get_attribute("aria-valuetext") == "25 October 2023"
    assert_page_agrees(offline_page, sites_as_of(season, day), sites_as_of(season, day))
    # Changing the address moves the map too.
    offline_page.evaluate("location.hash = '#date=2023-11-20'")
    offline_page.wait_for_function(
        "document.getElementById('mm-date-words').textContent === '20 November 2023'"
    )
    assert page_errors(offline_page) == []


def test_keys_and_buttons_step_through_the_events_and_play_reaches_the_last(season, offline_page):
    days = event_days(season)
    open_map(offline_page, season / "maps" / "season.html")
    words = offline_page.locator("#mm-date-words")
    slider = offline_page.get_by_label("Date", exact=True)
    slider.press("Home")
    assert words.inner_text() == in_words(days[0])
    slider.press("ArrowRight")
    assert words.inner_text() == in_words(days[0] + dt.timedelta(days=1))
    next_event = offline_page.get_by_role("button", name="Next event")
    next_event.focus()
    offline_page.keyboard.press("Enter")
    assert words.inner_text() == in_words(days[1])
    offline_page.get_by_role("button", name="Previous event").click()
    assert words.inner_text() == in_words(days[0])
    assert (
        offline_page.get_by_role("button", name="Previous event").get_attribute("aria-disabled")
        == "true"
    )

    offline_page.get_by_role("button", name="Play").click()
    assert offline_page.get_by_role("button", name="Pause").is_visible()
    offline_page.wait_for_function(
        "document.querySelector('#mm-play').getAttribute('aria-label') === 'Play'",
        timeout=60_000,
    )
    assert words.inner_text() == in_words(days[-1])
    assert offline_page.url.endswith(f"#date={days[-1].isoformat()}")
    assert page_errors(offline_page) == []


def test_on_a_phone_the_time_control_fits_the_screen(season, browser):
    context = browser.new_context(viewport={"width": 375, "height": 667}, offline=True)
    try:
        page = context.new_page()
        open_map(page, season / "maps" / "season.html")
        for control in (
            page.get_by_role("button", name="Previous event"),
            page.get_by_role("button", name="Play"),
            page.get_by_role("button", name="Next event"),
            page.get_by_label("Date", exact=True),
        ):
            box = control.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 375 and box["height"] >= 30
        # The slider has a row of its own, wide enough for a thumb to travel.
        assert page.get_by_label("Date", exact=True).bounding_box()["width"] > 300
        assert page.locator("#mm-map").bounding_box()["height"] > 0.6 * 667
    finally:
        context.close()


def test_a_page_without_dated_statements_has_no_time_control(offline_page, tmp_path):
    undated = [site for site in sample_sites() if site.evidence.date is None]
    path = tmp_path / "map.html"
    path.write_text(render_map(undated, MISSION, None, load_boundaries(BOUNDARIES)), "utf-8")
    open_map(offline_page, path)
    assert not offline_page.locator("#mm-time").is_visible()
    entries = offline_page.locator("#mm-site-list button").all_inner_texts()
    assert [" ".join(entry.split()) for entry in entries] == ["Charlie Pending · undated"]
    assert page_errors(offline_page) == []
