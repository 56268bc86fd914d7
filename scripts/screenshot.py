"""Make docs/map.png, the README's picture of the map of the bundled seed.

Builds the map from ``seeds/`` with the real command line, opens it in headless
Chromium with the network off (so the picture shows what an offline reader
sees: outline, regions, sites, no basemap tiles), clicks the marker of Timbuktu so that
its popup is open, and saves the screenshot.

Run from the repository: .venv/bin/python scripts/screenshot.py [OUT.png]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
VIEWPORT = {"width": 1280, "height": 900}
SHOWN_SITE = "Timbuktu"


def main(out: Path) -> None:
    executable = os.environ.get("MISSIONMAP_CHROMIUM") or shutil.which("chromium")
    if executable is None:
        sys.exit("screenshot: no Chromium found. Fix: apt-get install chromium")
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "map.html"
        subprocess.run(
            [sys.executable, "-m", "geo", "build", "--out", str(page_file)],
            cwd=REPO,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
            )
            context = browser.new_context(viewport=VIEWPORT, offline=True)
            page = context.new_page()
            page.goto(page_file.as_uri())
            page.wait_for_selector("body.mm-ready")
            site_id = page.locator("#mm-site-list button", has_text=SHOWN_SITE).get_attribute(
                "data-site"
            )
            x, y = page.evaluate(
                """id => {
                    const map = missionmap.map;
                    const point = map.latLngToContainerPoint(missionmap.position(id));
                    const box = map.getContainer().getBoundingClientRect();
                    return [box.left + point.x, box.top + point.y];
                }""",
                site_id,
            )
            page.mouse.click(x, y)
            page.locator(".leaflet-popup").wait_for()
            page.wait_for_timeout(500)  # the popup fades in
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out))
            browser.close()
    print(f"Wrote {out.relative_to(REPO) if out.is_relative_to(REPO) else out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else REPO / "docs" / "map.png")
