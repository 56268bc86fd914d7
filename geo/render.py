"""The interactive map: one self-contained HTML page that works with no network.

The page is this project's own: a Jinja template (``geo/map_page/page.html``, every
value HTML-escaped) holds the header, the time control, the map's box and the panel
beside it, and carries Leaflet's script and style inline from ``xstatic-leaflet``
with the page's own (``map.css``, ``map.js``): nothing comes from a CDN. The page's
script makes the Leaflet map, the country outline and regions, and draws the sites
on canvases, building every popup, tooltip and list entry with ``textContent``: no
text from a document is ever parsed as HTML. Basemap tiles are an online
enhancement on top.

Why no folium: it was making a Leaflet map, a view and two GeoJSON layers -- three
lines of the page's script -- and to get there the page had to reach into its
internals (the map's template macros, its elements' children and random ids)
and strip the CDN links, jQuery and Bootstrap it adds. Owning the template is
less code, and the page no longer breaks when folium changes its insides.
(Leaflet stays pinned to 1.9: ``map.js`` draws the sites as an ``L.Renderer``.)

Everything the script draws travels as one JSON document (see :func:`page_data`),
gzip-compressed and base64-encoded in ``<script type="application/gzip">``: a page
of 100 000 sites with their whole stories stays a fraction of the size of
folium's, and no text can end the block. Each site carries its statements and its
stages, the site as merged on each day of its story (:func:`geo.merge.replay`):
the time control only picks, per site, the last stage on or before the chosen
day, so the page and ``missionmap sites --as-of`` cannot disagree.

Same inputs give the same bytes: the page has no random ids and no timestamps,
and the data is compressed without a time stamp.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import gzip
import json
import re
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import jinja2
from markupsafe import Markup
from shapely.geometry import mapping
from xstatic.pkg import leaflet

from geo.attribution import Attribution, web_url
from geo.merge import replay
from geo.model import Confirmation, Evidence, Mission, Site
from geo.report import plural
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
    the basemap tiles it credits itself. Each site's history is replayed day by day
    (:func:`geo.merge.replay`) for the page's time control.
    """
    outline = []
    if boundaries is not None:
        for frame, style in (
            (boundaries.country, COUNTRY_STYLE),
            (boundaries.regions, REGION_STYLE),
        ):
            outline.append({"shapes": feature_collection(frame), "style": style})
    corners = extent(sites, boundaries)
    view = (
        None
        if corners is None
        else {"bounds": corners, "padding": FIT_PADDING, "maxZoom": SITE_ZOOM}
    )
    data = page_data(sites, attribution) | {"view": view, "outline": outline}
    leaflet_css, leaflet_js = leaflet_assets()
    credits = [(entry.credit, web_url(entry.url)) for entry in attribution]
    title, full_title = clipped(mission.title, TITLE_LIMIT)
    return page_template().render(
        title=title,
        full_title=full_title,
        as_of=iso_date(as_of),
        site_count=plural(len(sites), "site"),
        credits=[*credits, (TILE_CREDIT_TEXT, TILE_CREDIT_URL)],
        data=packed(data),
        # The package's own files, inlined as they are: they hold no text from a document.
        styles=[Markup(leaflet_css), Markup(page_asset("map.css"))],
        scripts=[Markup(leaflet_js), Markup(page_asset("map.js"))],
    )


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

    Three tables, column by column (``sites["name"][i]`` is the name of site ``i``),
    which keeps a page of many sites small: ``sites``; ``statements``, every
    statement about each site in turn, oldest first (site ``i`` has
    ``sites["statements"][i]`` of them); and ``stages``, each site's in turn (see
    :func:`geo.merge.replay`): the day, the statement the site's status rests on that
    day (its position among the site's statements) and the same-day conflicts. A
    column that is empty for every row is left out. Values many rows share --
    statuses, kinds of statement, dates, the documents and manual entries
    statements rest on -- are listed once and referred to by their position.
    """
    dates = Listing(key=lambda date: date, describe=iso_date)
    sources = Listing(key=source_key, describe=source_entry)
    places = [site.place for site in sites]
    statements = [statement for site in sites for statement in site.history]
    stories = [replay(site.history) for site in sites]
    stages = [
        (positions(site.history), stage)
        for site, story in zip(sites, stories, strict=True)
        for stage in story
    ]
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
        "sites": columns(
            {
                "id": [place.id for place in places],
                "name": [place.name for place in places],
                "lat": [place.lat for place in places],
                "lon": [place.lon for place in places],
                "precisionKm": [place.precision_km for place in places],
                "kind": [site.kind for site in sites],
                "note": [site.note for site in sites],
                "statements": [len(site.history) for site in sites],
                "stages": [len(story) for story in stories],
            }
        ),
        "statements": columns(
            {
                "date": [dates.index(statement.date) for statement in statements],
                "status": [STATUS_INDEX[statement.status] for statement in statements],
                "source": [sources.index(statement) for statement in statements],
                "quote": [shorten(statement.quote, QUOTE_LIMIT) for statement in statements],
                "quoteFull": [clipped(statement.quote, QUOTE_LIMIT)[1] for statement in statements],
                "confirmation": [CONFIRMATION_INDEX[s.confirmation] for s in statements],
                "confidence": [statement.confidence for statement in statements],
            }
        ),
        "stages": columns(
            {
                "date": [dates.index(stage.date) for _, stage in stages],
                "statement": [at(stage.site.evidence) for at, stage in stages],
                # Same-day disagreements only: the merge settled the others by date.
                "conflicts": [
                    [
                        {
                            "reason": conflict.reason,
                            "kept": at(conflict.kept),
                            "other": at(conflict.other),
                        }
                        for conflict in stage.site.same_day_conflicts
                    ]
                    or None
                    for at, stage in stages
                ],
            }
        ),
        "dates": dates.entries,
        "sources": sources.entries,
    }


def positions(history: Sequence[Evidence]) -> Callable[[Evidence], int]:
    """Where a statement stands in ``history``: found by identity, as the merge hands back the
    history's own statements, or else by equality.

    A site of a big archive has hundreds of statements and each of its stages asks for a few;
    ``history.index`` compared whole statements field by field, 30 million times for a
    10,000-report archive (19 of a rebuild's 27 s).

    >>> import datetime as dt
    >>> from geo.model import Place, Status
    >>> gao = Place("1", "Gao", 16.3, -0.0, "ML", "P", "PPLA")
    >>> one, two = (Evidence(gao, Status.CLOSED, dt.date(2023, 10, d), "...", "a") for d in (1, 2))
    >>> at = positions((one, two))
    >>> at(two), at(Evidence(gao, Status.CLOSED, dt.date(2023, 10, 2), "...", "a"))
    (1, 1)
    """
    by_identity = {id(statement): number for number, statement in enumerate(history)}

    def at(statement: Evidence) -> int:
        number = by_identity.get(id(statement))
        return history.index(statement) if number is None else number

    return at


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


def clipped(text: str, limit: int) -> tuple[str, str | None]:
    """``text`` as the page first shows it, cut to ``limit`` characters, and the whole
    text when it was cut (None when not): what the page's "Show all" reveals.

    >>> clipped("Gao", 10), clipped("Timbuktu camp", 5)
    (('Gao', None), ('Timb…', 'Timbuktu camp'))
    """
    short = shorten(text, limit)
    return short, None if short == text else text


def iso_date(date: dt.date | None) -> str | None:
    return None if date is None else date.isoformat()


def feature_collection(frame: gpd.GeoDataFrame) -> dict:
    """Areas as a GeoJSON FeatureCollection of their shapes.

    Their names stay off the page: it does not show them.
    """
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {}, "geometry": mapping(geometry)}
            for geometry in frame.geometry
        ],
    }


def columns(table: dict[str, list]) -> dict[str, list]:
    """``table`` without the columns that hold None and nothing else.

    >>> columns({"name": ["Gao", "Ber"], "note": [None, None]})
    {'name': ['Gao', 'Ber']}
    >>> columns({"name": [], "note": []})
    {'name': [], 'note': []}
    """
    return {
        name: values
        for name, values in table.items()
        if not values or any(value is not None for value in values)
    }


def packed(value: object) -> str:
    """``value`` as JSON, gzip-compressed (with no time stamp) and base64-encoded.

    The page's script unpacks it with the browser's ``DecompressionStream``.
    Base64 has no ``<``, so no text can end the block it is written in.

    >>> json.loads(gzip.decompress(base64.b64decode(packed({"quote": "</script>"}))))
    {'quote': '</script>'}
    >>> packed({"quote": "</script>"}) == packed({"quote": "</script>"})
    True
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return base64.b64encode(gzip.compress(text.encode("utf-8"), mtime=0)).decode("ascii")


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


@functools.cache
def page_template() -> jinja2.Template:
    """The page (``map_page/page.html``): every value it is given is HTML-escaped."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PAGE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    return environment.get_template("page.html")
