"""The map page as a file: self-contained, escaped, deterministic, written atomically.

What the page does in a browser is tested in ``test_map_browser.py``.
"""

from __future__ import annotations

import base64
import datetime as dt
import doctest
import gzip
import json
import shutil

import pytest
from conftest import REPO, TEST_DATA, ParsedHTML, copy_bundled_seeds

from geo import render
from geo.attribution import Attribution
from geo.boundaries import load_boundaries
from geo.model import Document, Evidence, Mission, Place, Site, Status
from geo.render import render_map

BOUNDARIES = TEST_DATA / "render" / "boundaries"
MISSION = Mission("testland", "TEST", ("TL",), "Test mission: its sites")
AS_OF = dt.date(2023, 12, 11)
CREDITS = (
    Attribution("GeoNames", "Places © GeoNames", "https://www.geonames.org/", "CC BY 4.0"),
    Attribution(
        "Natural Earth",
        "Boundaries: Natural Earth",
        "https://www.naturalearthdata.com/",
        "public domain",
    ),
)
# Markup and script, then template syntax: the page is made from a Jinja template.
HOSTILE = (
    "</script><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> `t` \\ 'q'"
    " {{ 7 * 191 }} {% if %} {# <!--"
)


def town(
    place_id: str, name: str, lat: float, lon: float, precision_km: float | None = None
) -> Place:
    return Place(place_id, name, lat, lon, "TL", "P", "PPL", precision_km=precision_km)


def sample_sites(text: str = "") -> tuple[Site, ...]:
    """Three sites in the Testland fixture, one per status; ``text`` is appended to every document string.

    Alpha (14 N, 8 W) was pending, then handed over; Bravo (17 N, 0 E) is closed and its
    position is only known to within 15 km; Charlie (20 N, 3 W) is pending by a manual,
    undated entry with a kind and a note.
    """
    wire = Document(
        "seeds/wire.txt",
        "",
        title="Camps handed over" + text,
        date=dt.date(2023, 12, 11),
        source="Example Wire" + text,
        url="https://example.org/story",
    )
    plan = Document(
        "seeds/plan.txt",
        "",
        title="Withdrawal plan" + text,
        date=dt.date(2023, 11, 1),
        url="javascript:window.__pwned=3",
    )
    alpha, bravo = town("1", "Alpha", 14.0, -8.0), town("2", "Bravo", 17.0, 0.0, precision_km=15)
    charlie = town("3", "Charlie", 20.0, -3.0)
    alpha_planned = Evidence(
        alpha, Status.PENDING, plan.date, "Alpha will close." + text, plan.path, plan
    )
    alpha_handed = Evidence(
        alpha,
        Status.HANDED_OVER,
        dt.date(2023, 12, 8),
        "The Alpha camp was handed over." + text,
        wire.path,
        wire,
    )
    bravo_closed = Evidence(
        bravo, Status.CLOSED, wire.date, "Bravo was vacated." + text, wire.path, wire
    )
    charlie_manual = Evidence(
        charlie, Status.PENDING, None, "Confirmed by phone." + text, "manual: duty officer"
    )
    return (
        Site(alpha, Status.HANDED_OVER, alpha_handed, (alpha_planned, alpha_handed)),
        Site(bravo, Status.CLOSED, bravo_closed, (bravo_closed,)),
        Site(
            charlie,
            Status.PENDING,
            charlie_manual,
            (charlie_manual,),
            kind="camp",
            note="Road closed." + text,
        ),
    )


def sample_page(text: str = "") -> str:
    return render_map(sample_sites(text), MISSION, AS_OF, load_boundaries(BOUNDARIES), CREDITS)


class Page(ParsedHTML):
    """A page as a browser parses it, with the text of each of its scripts and its data block."""

    def __init__(self, markup: str) -> None:
        self.scripts: list[str] = []
        self._script_types: list[str | None] = []
        self._in_script = False
        super().__init__(markup)

    @property
    def data(self) -> dict:
        """The page's one data block: JSON, gzip-compressed and base64-encoded, read back."""
        [block] = [
            script
            for script, kind in zip(self.scripts, self._script_types, strict=True)
            if kind == "application/gzip"
        ]
        return json.loads(gzip.decompress(base64.b64decode(block)))

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")
            self._script_types.append(dict(attrs).get("type"))

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        super().handle_data(data)
        if self._in_script:
            self.scripts[-1] += data


def test_same_inputs_give_the_same_page():
    assert sample_page() == sample_page()


def test_building_twice_into_fresh_folders_gives_identical_files(run_cli, tmp_path):
    maps = []
    for name, hash_seed in (("first", "1"), ("second", "2")):
        project = tmp_path / name
        (project / "seeds").mkdir(parents=True)
        copy_bundled_seeds(project)
        # A different hash seed per run: set and dict order must not leak into the page.
        result = run_cli("build", cwd=project, env={"PYTHONHASHSEED": hash_seed})
        assert result.returncode == 0, result.stderr
        maps.append((project / "maps" / "minusma.html").read_bytes())
    assert maps[0] == maps[1]


def test_the_page_fetches_nothing_it_needs_from_the_network():
    parsed = Page(sample_page())
    fetching = [
        (tag, attrs) for tag, attrs in parsed.tags if tag in ("script", "link", "img", "iframe")
    ]
    # Scripts only, each carried by the page: Leaflet, the page's own and the data.
    assert {tag for tag, attrs in fetching} == {"script"}
    assert all("src" not in attrs for tag, attrs in fetching)
    [leaflet] = [script for script in parsed.scripts if "Leaflet 1.9.3" in script]
    assert 'version="1.9.3"' in leaflet  # Leaflet itself, inlined from xstatic-leaflet
    assert "sourceMappingURL" not in leaflet
    assert [script for script in parsed.scripts if "window.missionmap =" in script]
    assert parsed.data["sites"]["name"] == ["Alpha", "Bravo", "Charlie"]
    # The only addresses on the page are links a reader may follow.
    links = [attrs["href"] for tag, attrs in parsed.tags if "href" in attrs]
    assert links and all(link.startswith("https://") for link in links)


def test_document_text_cannot_end_the_data_block_and_comes_back_intact():
    parsed = Page(sample_page(HOSTILE))
    assert len(parsed.scripts) == len(Page(sample_page()).scripts), "a quote broke out"
    data = parsed.data
    assert "The Alpha camp was handed over." + HOSTILE in data["statements"]["quote"]
    assert data["sites"]["note"][2] == "Road closed." + HOSTILE
    assert {source["label"] for source in data["sources"]} >= {"Camps handed over" + HOSTILE}
    assert not [tag for tag, attrs in parsed.tags if tag == "img"]


def test_markup_and_template_syntax_in_data_files_read_as_written(tmp_path):
    # The mission's title, the credits and the region names come from data files.
    odd = "<b>x</b> & {{ 7 * 191 }} {% if %} {#"
    mission = Mission("testland", "TEST", ("TL",), "Mission " + odd)
    credit = Attribution("Odd", "Places " + odd, "https://example.org/", "CC0")
    shutil.copytree(BOUNDARIES, tmp_path, dirs_exist_ok=True)
    regions = tmp_path / "admin1.geojson"
    regions.write_text(
        regions.read_text(encoding="utf-8").replace("West Region", odd.replace('"', "")),
        encoding="utf-8",
    )
    page = render_map(sample_sites(), mission, AS_OF, load_boundaries(tmp_path), (credit,))
    parsed = Page(page)
    assert parsed.text.count("Mission " + odd) == 2  # the window's title and the header
    assert "Places " + odd + " (CC0)" in parsed.text
    assert not [tag for tag, attrs in parsed.tags if tag == "b"]
    assert page.count(str(7 * 191)) == sample_page().count(str(7 * 191))  # nothing evaluated


def test_only_web_addresses_become_links():
    page = sample_page()
    assert "javascript:" not in page
    sources = Page(page).data["sources"]
    assert {source["label"]: source["url"] for source in sources} == {
        "Camps handed over": "https://example.org/story",
        "Withdrawal plan": None,
        "manual: duty officer": None,
    }


@pytest.mark.parametrize(
    ("broken_file", "content"),
    [
        ("boundaries/country.geojson", "{not json"),
        ("attribution.yaml", "- name: [unclosed"),
    ],
)
def test_a_failed_build_leaves_the_previous_map_untouched(
    run_cli, seeded_project, broken_file, content
):
    project = seeded_project
    assert run_cli("build", cwd=project).returncode == 0
    map_file = project / "maps" / "minusma.html"
    before = map_file.read_bytes()
    broken = project / "data" / broken_file
    broken.parent.mkdir(parents=True)
    if broken.parent.name == "boundaries":
        shutil.copy(REPO / "data" / "boundaries" / "admin1.geojson", broken.parent)
    broken.write_text(content, encoding="utf-8")
    (project / "seeds" / "new.txt").write_text(
        "---\ntitle: Gao\ndate: 2023-12-20\n---\nMINUSMA handed over its camp in Gao.\n",
        encoding="utf-8",
    )
    result = run_cli("build", cwd=project)
    assert result.returncode == 1
    assert broken_file.split("/")[-1] in result.stderr and "Fix:" in result.stderr
    assert "Traceback" not in result.stderr
    assert map_file.read_bytes() == before
    assert (
        sorted(path.name for path in map_file.parent.iterdir() if path.name.endswith(".tmp")) == []
    )


def test_docstring_examples_run():
    assert doctest.testmod(render).failed == 0


def test_the_page_declares_its_language_and_its_charset_first():
    # Screen readers choose their voice from lang; the charset must precede any text.
    assert sample_page().startswith(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">'
    )
