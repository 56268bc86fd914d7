"""Hostile text in every output, opened in a real headless Chromium.

Every payload of ``tests/data/hostile/payloads.txt`` goes into every field a report or
a user controls -- a report's file name, title, source, address and text, the mission's
title and name, a site's kind and note in ``data/sites.csv``, a manual entry's source
and note -- and the map, the embed snippet, the HTML summary and the SVG export are
opened in Chromium. Each payload calls ``hit(n)``, a function the test gives every
page and frame: no call and no dialog may happen, and the text shows as text.

Long titles and quotes are cut on the map page, the whole text one click away, and
never take the map's height or its clicks.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, TEST_DATA

from geo.render import QUOTE_LIMIT, TITLE_LIMIT
from geo.terminal import shorten

pytestmark = pytest.mark.browser

PAYLOADS = [
    line
    for line in (TEST_DATA / "hostile" / "payloads.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
SITES = ["Gao", "Timbuktu", "Mopti", "Kidal", "Tessalit", "Aguelhok", "Menaka", "Ansongo"]
# What a register field accepts: one line with no control or bidirectional character.
PLAIN = [p for p in PAYLOADS if p.isprintable() and not any("\u202a" <= c <= "\u2069" for c in p)]


def batches(payloads: list[str], limit: int) -> list[str]:
    """The payloads joined by spaces into texts of at most ``limit`` characters."""
    texts, current = [], ""
    for payload in payloads:
        if len(payload) + 1 > limit:
            continue
        if len(current) + len(payload) + 1 > limit:
            texts.append(current)
            current = ""
        current = f"{current} {payload}".strip()
    return [*texts, current] if current else texts


def file_name(number: int, payload: str) -> str:
    """A file name holding as much of the payload as a file name can."""
    return f"{number:03d} {payload.replace('/', '_')[:120]}.txt"


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory) -> Path:
    """A project whose every field a report or a user controls holds payloads, built.

    Reports (file name, title, source, url, text), the mission's title and name, site
    notes and kinds, manual entries (source, note) and review decisions (who decided).
    """
    project = tmp_path_factory.mktemp("hostile-browser")
    seeds, data = project / "seeds", project / "data"
    seeds.mkdir()
    data.mkdir()
    for number, payload in enumerate(PAYLOADS, start=1):
        site = SITES[number % len(SITES)]
        name = file_name(number, payload)
        (seeds / name).write_text(
            f"MINUSMA handed over its camp in {site} {payload} on 2 December 2023.\n",
            encoding="utf-8",
        )
        meta = {
            "title": payload,
            "source": payload,
            "url": payload,
            "date": f"2023-12-{number % 28 + 1:02d}",
            "lang": "en",
        }
        (seeds / name.replace(".txt", ".meta.yaml")).write_text(
            yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8"
        )
    mission = yaml.safe_load((REPO / "data" / "mission.yaml").read_text(encoding="utf-8"))
    mission["title"] = " ".join(PAYLOADS)
    mission["name"] = "MINUSMA " + " ".join(PLAIN[:10])
    (data / "mission.yaml").write_text(yaml.safe_dump(mission, allow_unicode=True), "utf-8")
    shutil.copy(REPO / "data" / "attribution.yaml", data / "attribution.yaml")
    rows = io.StringIO()
    writer = csv.writer(rows, lineterminator="\n")
    writer.writerow(["site_id", "site", "kind", "note"])
    for site, note in zip(SITES, batches(PLAIN, 1000), strict=False):
        writer.writerow(["", site, note[:200], note])
    (data / "sites.csv").write_text(rows.getvalue(), encoding="utf-8")

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "geo", *args],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        return done.stdout

    for site, (source, note) in zip(
        SITES, zip(batches(PLAIN, 200), batches(PLAIN, 1000), strict=False), strict=False
    ):
        run(
            "status",
            "set",
            site,
            "closed",
            "--date",
            "2023-12-20",
            "--source",
            source,
            "--note",
            note,
        )
    # A reviewer's name reaches the page in a correction's source line.
    queue = json.loads(run("review", "--json"))["queue"]
    reviewers = list(zip(queue, batches(PLAIN, 200), strict=False))
    assert len(reviewers) == len(batches(PLAIN, 200))  # every payload is someone's name
    for item, reviewer in reviewers:
        run("review", "correct", item["id"], "pending", "--by", reviewer)
    run("build")
    run("summary", "--format", "html", "--out", "summary.html")
    run("export", "--format", "svg", "--out", "map.svg")
    (project / "host.html").write_text(
        f"<!doctype html><meta charset=utf-8><body>{run('embed')}</body>", encoding="utf-8"
    )
    return project


def show_all(page) -> None:
    """Click every "Show all" of the open popup, as a reader would."""
    buttons = page.locator(".leaflet-popup .mm-show-all:visible")
    while buttons.count():
        buttons.first.click()


@pytest.fixture
def watched_page(offline_page):
    """``offline_page`` with ``hit(n)`` in every frame and every dialog recorded."""
    offline_page.hits = []
    offline_page.dialogs = []
    offline_page.expose_function("hit", lambda number: offline_page.hits.append(number))

    def dismiss(dialog):
        offline_page.dialogs.append(dialog.message)
        dialog.dismiss()

    offline_page.on("dialog", dismiss)
    return offline_page


def test_the_payload_list_is_long_and_has_no_repeats():
    assert len(PAYLOADS) >= 50 and len(set(PAYLOADS)) == len(PAYLOADS)


def test_no_payload_runs_on_the_map_and_its_text_shows_as_text(hostile_project, watched_page):
    page = watched_page
    page.goto((hostile_project / "maps" / "minusma.html").as_uri())
    page.wait_for_selector("body.mm-ready", timeout=30_000)
    page.locator("details.mm-full-title summary").click()
    site_ids = page.evaluate(
        "() => Array.from(document.querySelectorAll('[data-site]'), b => b.dataset.site)"
    )
    assert len(site_ids) >= 4
    shown = []
    for site in site_ids:
        page.evaluate("(id) => window.missionmap.openSite(id)", site)
        show_all(page)
        shown.append(page.locator(".leaflet-popup").inner_text())
    assert page.hits == [] and page.dialogs == []
    title = " ".join(PAYLOADS)
    assert page.locator("h1").text_content() == shorten(title, TITLE_LIMIT)
    assert page.locator("details.mm-full-title").text_content() == "Show all" + title
    popups = "\n".join(shown)
    # Titles shown in the popups' histories, cut to TITLE_LIMIT; the sites' notes in full.
    assert sum(shorten(p, TITLE_LIMIT) in popups for p in PAYLOADS) >= len(SITES)
    assert all(note in popups for note in batches(PLAIN, 1000)[: len(SITES)])


def test_no_payload_runs_in_the_embedded_map(hostile_project, watched_page):
    page = watched_page
    page.goto((hostile_project / "host.html").as_uri())
    frame = page.locator("iframe").element_handle().content_frame()
    frame.wait_for_selector("body.mm-ready", timeout=30_000)
    frame.locator(".mm-site").first.click()
    assert page.hits == [] and page.dialogs == []
    assert frame.locator("h1").text_content() == shorten(" ".join(PAYLOADS), TITLE_LIMIT)


def test_no_payload_runs_in_the_html_summary(hostile_project, watched_page):
    page = watched_page
    page.goto((hostile_project / "summary.html").as_uri())
    text = page.locator("body").inner_text()
    assert page.hits == [] and page.dialogs == []
    assert PLAIN[0] in text and "<script>" in text


def test_no_payload_runs_in_the_svg_export(hostile_project, watched_page):
    page = watched_page
    page.goto((hostile_project / "map.svg").as_uri())
    assert page.evaluate("() => document.documentElement.localName") == "svg"
    assert page.hits == [] and page.dialogs == []
    assert page.evaluate("() => document.querySelectorAll('script, foreignObject').length") == 0


@pytest.fixture
def long_titles_map(run_cli, project) -> Path:
    """A map of one report with a 100 KB title and a long quote, for a mission with a 9 KB title."""
    (project / "data").mkdir()
    mission = yaml.safe_load((REPO / "data" / "mission.yaml").read_text(encoding="utf-8"))
    mission["title"] = "Mission " * 1150
    (project / "data" / "mission.yaml").write_text(yaml.safe_dump(mission), encoding="utf-8")
    quote = "MINUSMA handed over its camp in Gao, " + "and the town was calm, " * 60 + "on Friday."
    (project / "seeds" / "long.txt").write_text(
        f"---\ntitle: {'Very long title ' * 6400}\ndate: 2023-12-11\n---\n{quote}\n",
        encoding="utf-8",
    )
    built = run_cli("build", cwd=project)
    assert built.returncode == 0, built.stderr
    return project / "maps" / "minusma.html"


def test_long_titles_and_quotes_leave_the_map_its_height_and_its_clicks(
    long_titles_map, offline_page
):
    page = offline_page
    page.goto(long_titles_map.as_uri())
    page.wait_for_selector("body.mm-ready", timeout=30_000)
    assert page.locator("#mm-map").bounding_box()["height"] > 0.5 * 800
    assert page.locator("h1").text_content() == shorten("Mission " * 1150, TITLE_LIMIT)
    page.evaluate("() => window.missionmap.openSite('2457163')")  # Gao
    popup = page.locator(".leaflet-popup")
    quote = popup.locator(".mm-quote")
    assert len(quote.text_content()) == QUOTE_LIMIT and quote.text_content().endswith("…")
    show_all(page)
    assert quote.text_content().endswith("on Friday.")
    assert popup.locator(".mm-source-title").text_content().startswith("Very long title " * 100)
    assert popup.bounding_box()["height"] < 0.75 * 800
    box = page.locator("#mm-map").bounding_box()
    page.mouse.click(box["x"] + 60, box["y"] + box["height"] - 60)
    assert not page.evaluate("() => window.missionmap.map.hasLayer(window.missionmap.popup)")
