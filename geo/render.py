"""The interactive map: one self-contained HTML page that works with no network.

folium builds the page: its ``Figure`` (header, body, closing script), the Leaflet
map, and the country outline and regions as ``folium.GeoJson`` layers. The
project's own parts are folium/branca elements: :class:`SiteLayer` (a
``MacroElement`` in the way of folium's plugins) draws the sites and fills the
legend and list beside the map; :class:`PageHeader` and :class:`SitePanel` hold
the page's text. Leaflet's script and style are inlined from ``xstatic-leaflet``
(:class:`OfflineMap`): nothing comes from a CDN. The sites travel as one JSON
document inside ``<script type="application/json">``, and the page's script
(``geo/map_page/map.js``) draws the markers on a canvas and builds every popup,
tooltip and list entry with ``textContent``: no text from a document is ever
parsed as HTML. Basemap tiles are an online enhancement on top.

folium reads what a ``MacroElement`` produces as a Jinja template once more, so
text from documents or data files never goes through one: it is written by
plain elements whose templates escape it, or as JSON the browser parses.

Same inputs give the same bytes: the page has no random ids and no timestamps.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import html
import json
import re
from collections.abc import Callable, Hashable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import folium
from branca.element import Element, Figure, MacroElement
from folium.template import Environment, Template
from shapely.geometry import mapping
from xstatic.pkg import leaflet

from geo.attribution import Attribution, web_url
from geo.model import Confirmation, Evidence, Mission, Site
from geo.style import (
    CONFIRMATION_LABELS,
    CONFLICT_LABEL,
    KIND_SYMBOL_COLOUR,
    STATUS_STYLES,
    UNCONFIRMED_DASH,
    UNCONFIRMED_LINE_WIDTH,
)
from geo.terminal import shorten

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
FIT_PADDING = (12, 12)  # pixels kept free around the outline (or the sites) the map opens on
# Longer titles and quotes are cut on the page, the whole text one click away: a 100 KB
# report title would otherwise fill the screen and leave no map to click.
TITLE_LIMIT = 160
QUOTE_LIMIT = 600

COUNTRY_STYLE = {"color": "#4a4a4a", "weight": 1.6, "fillColor": "#f3efe4", "fillOpacity": 0.55}
REGION_STYLE = {"color": "#7a7a7a", "weight": 1, "dashArray": "4 3", "fill": False}

STATUS_INDEX = {status: index for index, status in enumerate(STATUS_STYLES)}
CONFIRMATION_INDEX = {kind: index for index, kind in enumerate(CONFIRMATION_LABELS)}

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
    page_map = OfflineMap()
    corners = extent(sites, boundaries)
    if corners is not None:
        # The view comes first, without animation: the page opens on it, and every
        # layer is laid out once, for it (an outline laid out before stays blurred).
        opening_view = folium.FitBounds(corners, padding=FIT_PADDING, max_zoom=SITE_ZOOM)
        opening_view.options["animate"] = False
        opening_view.add_to(page_map)
    if boundaries is not None:
        for frame, style in (
            (boundaries.country, COUNTRY_STYLE),
            (boundaries.regions, REGION_STYLE),
        ):
            folium.GeoJson(
                feature_collection(frame),
                style_function=functools.partial(same_style, style),
                interactive=False,
            ).add_to(page_map)
    figure = page_map.get_root()
    figure.title = html.escape(shorten(mission.title, TITLE_LIMIT))
    # Before the map: the map's own part of the body is added when the page is rendered.
    figure.html.add_child(PageHeader(mission.title, as_of, len(sites)), name="header")
    SiteLayer(page_data(sites, attribution), SitePanel(attribution)).add_to(page_map)
    number_elements(figure)
    return figure.render()


def same_style(style: dict, feature: dict) -> dict:
    """``style`` for every feature of a layer: folium's ``style_function`` for one look."""
    return style


def extent(sites: Sequence[Site], boundaries: Boundaries | None) -> list[list[float]] | None:
    """The south-west and north-east corners the map opens on: the boundaries', else the sites'.

    >>> from geo.model import Place, Status, Evidence
    >>> place = Place("1", "Alpha", 14.0, -8.0, "TL", "P", "PPL")
    >>> statement = Evidence(place, Status.CLOSED, None, "Closed.", "manual")
    >>> extent([Site(place, Status.CLOSED, statement, (statement,))], None)
    [[14.0, -8.0], [14.0, -8.0]]
    >>> extent([], None) is None
    True
    """
    if boundaries is not None:
        frames = [frame for frame in (boundaries.country, boundaries.regions) if not frame.empty]
        if frames:
            corners = [frame.total_bounds for frame in frames]
            west, south = (min(float(c[i]) for c in corners) for i in (0, 1))
            east, north = (max(float(c[i]) for c in corners) for i in (2, 3))
            return [[south, west], [north, east]]
    if not sites:
        return None
    lats = [site.place.lat for site in sites]
    lons = [site.place.lon for site in sites]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def page_data(sites: Sequence[Site], attribution: Sequence[Attribution]) -> dict:
    """Everything the page's script draws, as JSON-ready values.

    Sites go column by column, in the order given (``sites["name"][i]`` is the
    name of site ``i``), which keeps a page of many sites small; a column that
    is empty for every site is left out. Values many sites share -- statuses,
    kinds of statement, dates, the documents and manual entries statements rest
    on -- are listed once and referred to by their position.
    """
    dates = Listing(key=lambda date: date, describe=iso_date)
    sources = Listing(key=source_key, describe=source_entry)
    places = [site.place for site in sites]
    statements = [site.evidence for site in sites]

    def statement(evidence: Evidence) -> list:
        return [
            dates.index(evidence.date),
            STATUS_INDEX[evidence.status],
            sources.index(evidence),
            *clipped(evidence.quote, QUOTE_LIMIT),
        ]

    columns = {
        "id": [place.id for place in places],
        "name": [place.name for place in places],
        "lat": [place.lat for place in places],
        "lon": [place.lon for place in places],
        "status": [STATUS_INDEX[site.status] for site in sites],
        "date": [dates.index(evidence.date) for evidence in statements],
        "quote": [shorten(evidence.quote, QUOTE_LIMIT) for evidence in statements],
        "quoteFull": [clipped(evidence.quote, QUOTE_LIMIT)[1] for evidence in statements],
        "source": [sources.index(evidence) for evidence in statements],
        "confirmation": [CONFIRMATION_INDEX[evidence.confirmation] for evidence in statements],
        "confidence": [evidence.confidence for evidence in statements],
        # Same-day disagreements only: the merge settled the others by date.
        "conflicts": [
            [
                {"reason": c.reason, "kept": statement(c.kept), "other": statement(c.other)}
                for c in site.same_day_conflicts
            ]
            or None
            for site in sites
        ],
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
        "kinds": [
            {"slug": kind.value, "label": label, "hollow": kind is Confirmation.UNCONFIRMED}
            for kind, label in CONFIRMATION_LABELS.items()
        ],
        "kindColour": KIND_SYMBOL_COLOUR,
        "conflictLabel": CONFLICT_LABEL,
        "unconfirmedLine": {
            "width": UNCONFIRMED_LINE_WIDTH,
            "dash": [UNCONFIRMED_LINE_WIDTH * part for part in UNCONFIRMED_DASH],
        },
        "siteZoom": SITE_ZOOM,
        "listChunk": LIST_CHUNK,
        "tiles": {"url": TILE_URL, "maxZoom": TILE_MAX_ZOOM, "attribution": TILE_CREDIT_HTML},
        "credits": [{"name": entry.name, "url": web_url(entry.url)} for entry in attribution],
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


def clipped(text: str, limit: int) -> tuple[str, str | None]:
    """``text`` as the page first shows it, cut to ``limit`` characters, and the whole
    text when it was cut (None when not): what the page's "show all" reveals.

    >>> clipped("Gao", 10), clipped("Timbuktu camp", 5)
    (('Gao', None), ('Timb…', 'Timbuktu camp'))
    """
    short = shorten(text, limit)
    return short, None if short == text else text


def source_key(evidence: Evidence) -> str:
    """What a statement rests on: its document's path, or the manual entry's source."""
    return evidence.source if evidence.document is None else evidence.document.path


def source_entry(evidence: Evidence) -> dict:
    """How the page names a statement's source: title, publisher, date and web address."""
    document = evidence.document
    label = evidence.source if document is None else document.title or document.path
    short, full = clipped(label, TITLE_LIMIT)
    if document is None:
        return {"label": short, "full": full, "publisher": None, "date": None, "url": None}
    return {
        "label": short,
        "full": full,
        "publisher": clipped(document.source, TITLE_LIMIT)[0] if document.source else None,
        "date": iso_date(document.date),
        "url": web_url(document.url),
    }


def iso_date(date: dt.date | None) -> str | None:
    return None if date is None else date.isoformat()


def feature_collection(frame: gpd.GeoDataFrame) -> dict:
    """Areas as a GeoJSON FeatureCollection of their shapes.

    Their names stay off the page: it does not show them, and folium would read
    them as template text (see the module's docstring).
    """
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {}, "geometry": mapping(geometry)}
            for geometry in frame.geometry
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


def page_template(source: str) -> Template:
    """A template for the page's text: it HTML-escapes every value it is given."""
    return Template(source.strip(), autoescape=True)


class Inline(Element):
    """A stylesheet or script the page carries where folium would link one; ``tag`` says which."""

    _template = Template("<{{ this.tag }}>\n{{ this.text }}</{{ this.tag }}>")

    def __init__(self, tag: str, text: str) -> None:
        super().__init__()
        self._name = "Inline"
        self.tag = tag
        self.text = text


class PageFigure(Figure):
    """branca's page skeleton, with the page's language and its script inside ``<body>``.

    Screen readers pick their voice from ``lang``; the charset comes first so the
    title is read as UTF-8.
    """

    _template = Template(
        """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
{% if this.title %}<title>{{ this.title }}</title>{% endif %}
{{ this.header.render(**kwargs) }}
</head>
<body>
{{ this.html.render(**kwargs) }}
<script>
{{ this.script.render(**kwargs) }}
</script>
</body>
</html>
"""
    )

    def __init__(self) -> None:
        super().__init__()
        del self.header._children["meta_http"]  # the template declares the charset


class OfflineMap(folium.Map):
    """A folium map that needs no network: Leaflet is inlined, and no tiles are set.

    folium links Leaflet, jQuery, Bootstrap and Font Awesome from CDNs; the page
    uses Leaflet alone and carries it, from ``xstatic-leaflet``. Basemap tiles are
    left to the page's script, which asks for them only when the browser is online.
    folium's own macros make the map's ``<div>`` and create the map; the ``<div>``
    sits in the page's ``#mm-map`` box, which the page's stylesheet sizes, and the
    page keeps its own viewport: folium's would stop a reader zooming the page.
    The map opens on the whole world until a ``folium.FitBounds`` says otherwise.
    """

    default_js = ()
    default_css = ()
    _template = Environment().from_string(
        """
        {% macro header(this, kwargs) %}
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {% endmacro %}
        {% macro html(this, kwargs) %}
        <div id="mm-map" class="mm-map" role="region" aria-label="Map of the sites">
        {{ folium_map.html(this, kwargs) }}</div>
        {% endmacro %}
        {% macro script(this, kwargs) %}{{ folium_map.script(this, kwargs) }}{% endmacro %}
        """,
        globals={"folium_map": folium.Map._template.module},
        template_class=Template,
    )

    def __init__(self) -> None:
        super().__init__(location=(0, 0), zoom_start=2, tiles=None, zoom_snap=0.5)
        PageFigure().add_child(self)

    def render(self, **kwargs) -> None:
        css, script = leaflet_assets()
        header = self.get_root().header
        header.add_child(Inline("style", css), name="leaflet_css")
        header.add_child(Inline("script", script), name="leaflet")
        super().render(**kwargs)


class SiteLayer(MacroElement):
    """The sites on the map, made in the way of a folium plugin.

    The page's script (``map_page/map.js``, which the page carries with its
    stylesheet) draws the sites from one JSON block on canvases, one layer per
    status, and fills ``panel`` beside the map: the legend that switches those
    layers and the list of sites. folium creates the map with a view, which matters:
    each layer added to a map without one waits for its "load" event, and Leaflet's
    check for duplicate listeners makes that quadratic in the number of sites.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.missionmap({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, data: dict, panel: Element) -> None:
        super().__init__()
        self._name = "SiteLayer"
        self.data = data
        self.panel = panel

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        figure.header.add_child(Inline("style", page_asset("map.css")), name="missionmap_css")
        figure.header.add_child(Inline("script", page_asset("map.js")), name="missionmap_js")
        # After the map's own part of the body, which folium has added by now.
        figure.html.add_child(self.panel, name="panel")
        figure.html.add_child(SiteData(self.data), name="site_data")
        super().render(**kwargs)


class SiteData(Element):
    """The JSON block the page's script draws the sites from (see :func:`page_data`)."""

    _template = Template('<script type="application/json" id="mm-data">{{ this.json }}</script>')

    def __init__(self, data: dict) -> None:
        super().__init__()
        self._name = "SiteData"
        self.json = script_json(data)


class PageHeader(Element):
    """The title bar: the mission, the day the sites are as of, their number, the panel's toggle."""

    _template = page_template(
        """
<header class="mm-header">
<h1>{{ this.title }}</h1>
{%- if this.full_title %}
<details class="mm-full-title"><summary>Show all</summary>{{ this.full_title }}</details>
{%- endif %}
<p>{% if this.as_of %}Sites as of <time datetime="{{ this.as_of }}">{{ this.as_of }}</time>
{%- else %}Sites as of: no dated report{% endif %} · {{ this.site_count }}</p>
<button type="button" id="mm-panel-toggle" class="mm-toggle" aria-controls="mm-panel">Legend, sites</button>
</header>
"""
    )

    def __init__(self, title: str, as_of: dt.date | None, site_count: int) -> None:
        super().__init__()
        self._name = "PageHeader"
        self.title, self.full_title = clipped(title, TITLE_LIMIT)
        self.as_of = iso_date(as_of)
        self.site_count = f"{site_count} site{'' if site_count == 1 else 's'}"


class SitePanel(Element):
    """The panel beside the map: legend, list of sites and credits; a toggle folds it on a phone."""

    _template = page_template(
        """
<aside id="mm-panel" class="mm-panel" aria-label="Legend and list of sites">
{% for part in this._children.values() %}{{ part.render(**kwargs)|safe }}
{% endfor %}</aside>
"""
    )

    def __init__(self, attribution: Sequence[Attribution]) -> None:
        super().__init__()
        self._name = "SitePanel"
        for part in (Legend(), SiteList(), Credits(attribution)):
            self.add_child(part)


class Legend(Element):
    """The legend, which the page's script fills.

    A checkbox per status switches its layer; below, the kinds of statement present
    (confirmed, read, unconfirmed) with their counts, unconfirmed with its own checkbox,
    and the sites with conflicting reports.
    """

    _template = page_template(
        """
<section class="mm-legend">
<h2>Legend</h2>
<div id="mm-legend-items"></div>
<div id="mm-legend-kinds"></div>
<p id="mm-legend-approx" class="mm-legend-approx" hidden><svg class="mm-symbol" viewBox="0 0 20 20" width="16" height="16" aria-hidden="true"><circle cx="10" cy="10" r="8" fill="none" stroke="#444" stroke-width="1.5" stroke-dasharray="4 3"/></svg>Position approximate</p>
</section>
"""
    )


class SiteList(Element):
    """The list of sites, the map's text alternative: the page's script fills it as the reader scrolls."""

    _template = page_template(
        """
<section>
<h2>Sites</h2>
<noscript><p>The map and this list need JavaScript.</p></noscript>
<ol id="mm-site-list" class="mm-site-list"></ol>
<button type="button" id="mm-more-sites" class="mm-more" hidden></button>
</section>
"""
    )


class Credits(Element):
    """The sources the page credits: each of ``attribution``, then the basemap tiles.

    Each is linked when its address is a web one.
    """

    _template = page_template(
        """
<footer class="mm-credits">
<h2>Sources</h2>
{% for text, url in this.lines %}
<p>{% if url %}<a href="{{ url }}" rel="noopener noreferrer">{{ text }}</a>{% else %}{{ text }}{% endif %}</p>
{% endfor %}
<p class="mm-offline-note">Basemap tiles are not shown: the browser is offline or cannot reach the tile server. The outline, regions and sites are part of this page and need no network.</p>
</footer>
"""
    )

    def __init__(self, attribution: Sequence[Attribution]) -> None:
        super().__init__()
        self._name = "Credits"
        self.lines = [(entry.credit, web_url(entry.url)) for entry in attribution]
        self.lines.append((TILE_CREDIT_TEXT, TILE_CREDIT_URL))


def number_elements(figure: Figure) -> None:
    """Name every element by its place in the page, in place of folium's random ids."""
    for number, element in enumerate(elements(figure)):
        element._id = str(number)


def elements(element: Element) -> Iterator[Element]:
    """``element`` and every element under it, parents first."""
    yield element
    parts = (element.header, element.html, element.script) if isinstance(element, Figure) else ()
    for child in (*parts, *element._children.values()):
        yield from elements(child)
