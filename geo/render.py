"""The interactive map: one self-contained HTML page that works with no network.

The page carries everything it needs. Leaflet's script and style are inlined
from the ``xstatic-leaflet`` package, the country outline and regions from
``data/boundaries/`` are drawn as vector layers, and the sites travel as one
JSON document inside ``<script type="application/json">``. The page's own
script (``geo/map_page/map.js``) draws the markers on a canvas and builds every
popup, tooltip and list entry with ``textContent``: no text from a document is
ever parsed as HTML. Basemap tiles are an online enhancement on top.

Same inputs give the same bytes: the page has no random ids and no timestamps.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import html
import json
import re
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, TypeVar

from shapely.geometry import mapping
from xstatic.pkg import leaflet

from geo.attribution import Attribution, web_url
from geo.model import Evidence, Mission, Site
from geo.style import STATUS_STYLES

if TYPE_CHECKING:
    import geopandas as gpd

    from geo.boundaries import Boundaries

PAGE_DIR = Path(__file__).resolve().parent / "map_page"
LEAFLET_DIR = Path(leaflet.BASE_DIR)

# OpenStreetMap's standard tiles, shown when the network is there.
TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TILE_MAX_ZOOM = 19
TILE_CREDIT_HTML = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)
TILE_CREDIT_TEXT = "Basemap tiles (online only): © OpenStreetMap contributors"
TILE_CREDIT_URL = "https://www.openstreetmap.org/copyright"

SITE_ZOOM = 8  # how close "show this site" zooms in
LIST_CHUNK = 500  # sites added to the page's list at a time, as the reader scrolls

STATUS_INDEX = {status: index for index, status in enumerate(STATUS_STYLES)}

T = TypeVar("T")


def render_map(
    sites: Sequence[Site],
    mission: Mission,
    as_of: dt.date | None,
    boundaries: Boundaries | None = None,
    attribution: Sequence[Attribution] = (),
) -> str:
    """The map page of ``sites`` as HTML text: self-contained, escaped, deterministic.

    ``boundaries`` (the country outline and its regions) are drawn under the
    sites; ``attribution`` lists the data sources the page must credit, besides
    the basemap tiles it credits itself.
    """
    leaflet_css, leaflet_js = leaflet_assets()
    title = html.escape(mission.title)
    return PAGE_TEMPLATE.substitute(
        title=title,
        as_of=as_of_html(as_of),
        site_count=html.escape(f"{len(sites)} site{'' if len(sites) == 1 else 's'}"),
        credits=credits_html(attribution),
        leaflet_css=leaflet_css,
        page_css=page_asset("map.css"),
        data=script_json(page_data(sites, boundaries, attribution)),
        leaflet_js=leaflet_js,
        page_js=page_asset("map.js"),
    )


def page_data(
    sites: Sequence[Site],
    boundaries: Boundaries | None,
    attribution: Sequence[Attribution],
) -> dict:
    """Everything the page's script draws, as JSON-ready values.

    Sites go column by column, in the order given (``sites["name"][i]`` is the
    name of site ``i``), which keeps a page of many sites small; a column that
    is empty for every site is left out. Values many sites share -- statuses,
    dates, the documents and manual entries statements rest on -- are listed
    once and referred to by their position.
    """
    dates = Listing(key=lambda date: date, describe=iso_date)
    sources = Listing(key=source_key, describe=source_entry)
    places = [site.place for site in sites]
    statements = [site.evidence for site in sites]
    columns = {
        "id": [place.id for place in places],
        "name": [place.name for place in places],
        "lat": [place.lat for place in places],
        "lon": [place.lon for place in places],
        "status": [STATUS_INDEX[site.status] for site in sites],
        "date": [dates.index(statement.date) for statement in statements],
        "quote": [statement.quote for statement in statements],
        "source": [sources.index(statement) for statement in statements],
        "precisionKm": [place.precision_km for place in places],
        "kind": [site.kind for site in sites],
        "note": [site.note for site in sites],
        # One statement is the status itself; the page shows it as a one-step history.
        "history": [
            [[dates.index(e.date), STATUS_INDEX[e.status], sources.index(e)] for e in site.history]
            if len(site.history) > 1
            else None
            for site in sites
        ],
    }
    return {
        "statuses": [
            {
                "slug": status.slug,
                "label": style.label,
                "colour": style.colour,
                "shape": style.shape,
            }
            for status, style in STATUS_STYLES.items()
        ],
        "siteZoom": SITE_ZOOM,
        "listChunk": LIST_CHUNK,
        "tiles": {"url": TILE_URL, "maxZoom": TILE_MAX_ZOOM, "attribution": TILE_CREDIT_HTML},
        "credits": [{"name": entry.name, "url": web_url(entry.url)} for entry in attribution],
        "country": None if boundaries is None else feature_collection(boundaries.country),
        "regions": None if boundaries is None else feature_collection(boundaries.regions),
        "dates": dates.entries,
        "sources": sources.entries,
        "sites": {
            name: values
            for name, values in columns.items()
            if name == "id" or any(value is not None for value in values)
        },
    }


class Listing:
    """Things many sites share, each listed once and referred to by its position.

    >>> months = Listing(key=lambda day: day[:7], describe=lambda day: day[:7])
    >>> [months.index(day) for day in ("2023-12-01", "2023-11-30", "2023-12-11")], months.entries
    ([0, 1, 0], ['2023-12', '2023-11'])
    """

    def __init__(self, key: Callable[[T], Hashable], describe: Callable[[T], object]) -> None:
        self.entries: list = []
        self._key = key
        self._describe = describe
        self._positions: dict[Hashable, int] = {}

    def index(self, item: T) -> int:
        """The position of ``item``'s entry in :attr:`entries`, listing it when it is new."""
        key = self._key(item)
        position = self._positions.get(key)
        if position is None:
            position = self._positions[key] = len(self.entries)
            self.entries.append(self._describe(item))
        return position


def source_key(evidence: Evidence) -> str:
    """What a statement rests on: its document's path, or the manual entry's source."""
    return evidence.source if evidence.document is None else evidence.document.path


def source_entry(evidence: Evidence) -> dict:
    """How the page names a statement's source: title, publisher, date and web address."""
    document = evidence.document
    if document is None:
        return {"label": evidence.source, "publisher": None, "date": None, "url": None}
    return {
        "label": document.title or document.path,
        "publisher": document.source,
        "date": iso_date(document.date),
        "url": web_url(document.url),
    }


def iso_date(date: dt.date | None) -> str | None:
    return None if date is None else date.isoformat()


def feature_collection(frame: gpd.GeoDataFrame) -> dict:
    """Areas as a GeoJSON FeatureCollection with each area's name."""
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"name": str(name)}, "geometry": mapping(geometry)}
            for name, geometry in zip(frame["name"], frame.geometry, strict=True)
        ],
    }


def script_json(value: object) -> str:
    """JSON for a ``<script type="application/json">`` block.

    ``<``, ``>`` and ``&`` are written as ``\\u`` escapes, so no text can end the
    block or open a comment inside it; ``JSON.parse`` reads them back as they were.

    >>> script_json({"title": "</script><b>&"})
    '{"title":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def as_of_html(as_of: dt.date | None) -> str:
    """The "as of" line of the header.

    >>> as_of_html(dt.date(2023, 12, 11))
    'Sites as of <time datetime="2023-12-11">2023-12-11</time>'
    """
    if as_of is None:
        return "Sites as of: no dated report"
    day = as_of.isoformat()
    return f'Sites as of <time datetime="{day}">{day}</time>'


def credits_html(attribution: Sequence[Attribution]) -> str:
    """One paragraph per data source, then the basemap tiles, every text escaped."""
    lines = [(entry.credit, web_url(entry.url)) for entry in attribution]
    lines.append((TILE_CREDIT_TEXT, TILE_CREDIT_URL))
    paragraphs = []
    for text, url in lines:
        shown = html.escape(text)
        if url:
            shown = f'<a href="{html.escape(url)}" rel="noopener noreferrer">{shown}</a>'
        paragraphs.append(f"<p>{shown}</p>")
    return "\n".join(paragraphs)


@functools.cache
def leaflet_assets() -> tuple[str, str]:
    """Leaflet's stylesheet (its images inlined as data URIs) and script, ready to inline."""
    css = (LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8")
    css = re.sub(r"url\(images/([\w.-]+)\)", lambda m: f"url({image_data_uri(m[1])})", css)
    script = (LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8")
    # The source map comment names a file the page does not carry: dev tools would fetch it.
    script = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", script)
    return css, script


def image_data_uri(name: str) -> str:
    data = base64.b64encode((LEAFLET_DIR / "images" / name).read_bytes()).decode("ascii")
    return f"data:image/png;base64,{data}"


@functools.cache
def page_asset(name: str) -> str:
    return (PAGE_DIR / name).read_text(encoding="utf-8")


PAGE_TEMPLATE = Template(page_asset("page.html"))
