"""Shared fixtures: running the real command line, and a real headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

import geo.cli.reading
import geo.reading.parse

REPO = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"

# Flags for Chromium on a machine with no network: without the background
# networking switches it keeps trying to reach Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def read_in_this_process(monkeypatch):
    """Commands run in the test process read there: tests count what the reader calls, and
    a fork beside the test runner's threads is unsafe. ``run_cli`` and
    ``tests/test_background.py`` run a fresh interpreter, where a build reads beside it."""
    monkeypatch.setattr(geo.cli.reading, "can_fork", lambda: False)


@pytest.fixture
def run_cli():
    """Run ``python -m geo`` for real, in a given folder; returns the CompletedProcess."""

    def run(
        *args: str, cwd: Path | str = REPO, env: dict | None = None
    ) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "geo", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            timeout=300,
        )

    return run


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """Every text given to spaCy from now on, in order."""
    texts: list[str] = []
    real = geo.reading.parse.parse

    def counting(batch, lang):
        batch = list(batch)
        texts.extend(batch)
        return real(batch, lang)

    callers = [
        module
        for name, module in list(sys.modules.items())
        if name.startswith("geo.reading.")
        and module is not geo.reading.parse
        and getattr(module, "parse", None) is real
    ]
    assert callers, "no module of the reader calls geo.reading.parse.parse"
    for module in (geo.reading.parse, *callers):
        monkeypatch.setattr(module, "parse", counting)
    return texts


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty project folder with an empty ``seeds/``; tests add the reports they need."""
    (tmp_path / "seeds").mkdir()
    return tmp_path


def chromium_executable() -> str | None:
    return (
        os.environ.get("MISSIONMAP_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )


@pytest.fixture(scope="session")
def browser():
    """A real headless Debian Chromium driven by Playwright.

    Skips on a developer machine without Chromium; under CI a missing browser fails.
    """
    executable = chromium_executable()
    if executable is None:
        message = "no Chromium found: apt-get install chromium (or set MISSIONMAP_CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def offline_page(browser):
    """A browser page that may load ``file:`` URLs only: every network request is aborted.

    ``page.errors`` collects console errors and uncaught exceptions; ``page.blocked``
    the URLs the page tried to fetch from the network.
    """
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    blocked: list[str] = []

    def only_files(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "about:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context.route("**/*", only_files)
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.errors = errors
    page.blocked = blocked
    yield page
    context.close()


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: compare two snapshots to prove nothing changed."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def seeded_project(project: Path) -> Path:
    """``project`` with the bundled seed reports (and their metadata sidecars) in ``seeds/``."""
    return copy_bundled_seeds(project)


def copy_bundled_seeds(project: Path) -> Path:
    """Copy the bundled seed reports and their sidecars into ``project/seeds/``."""
    (project / "seeds").mkdir(parents=True, exist_ok=True)
    for path in sorted((REPO / "seeds").iterdir()):
        if path.is_file():
            shutil.copy(path, project / "seeds" / path.name)
    return project


class ParsedHTML(HTMLParser):
    """Markup as a browser reads it: its tags with their attributes, and its text."""

    def __init__(self, markup: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        if data.strip():
            self.text.append(data.strip())
