"""What a report takes: a static map, GIS files, an embed snippet, a summary table.

Every output here is made from the same sites frame as the interactive map
(:func:`geo.register.sites_frame`) and returned as text or bytes; the command
line writes them. Same inputs give the same bytes: no timestamps, no random ids.

- :func:`static_map` -- PNG, SVG or PDF drawn with matplotlib through geopandas,
  in the status colours and shapes of :data:`geo.style.STATUS_STYLES`.
- :func:`sites_geojson` -- an RFC 7946 FeatureCollection (EPSG:4326, lon/lat).
- :func:`sites_csv` -- one row per site, with lat/lon.
- :func:`embed_snippet` -- an ``<iframe>`` to paste into a CMS.
- :func:`summary_markdown` / :func:`summary_html` -- counts per status and one row per site.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import math
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import geopandas as gpd
import matplotlib
import numpy as np
import pandas as pd
import yaml
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib_scalebar.scalebar import ScaleBar

from geo.boundaries import Boundaries
from geo.errors import DataError, GeoError, InvalidValueError
from geo.files import write_atomically
from geo.model import Mission, Site, Status
from geo.render import web_url
from geo.style import STATUS_STYLES

STATIC_FORMATS = ("png", "svg", "pdf")
FORMATS = (*STATIC_FORMATS, "geojson", "csv")

# The fields every export carries for a site; CSV adds the position as lat/lon.
EXPORT_FIELDS = ("site", "id", "status", "date", "source", "evidence", "precision_km")
CSV_FIELDS = ("site", "id", "status", "date", "source", "evidence", "lat", "lon", "precision_km")

DEFAULT_DPI = 200
DPI_RANGE = (72, 600)
FIGURE_WIDTH_IN = 8.0  # 1600 px at the default resolution
MAP_HEIGHT_RANGE_IN = (4.0, 9.0)
MARGIN_IN = 0.3
HEADER_IN = 0.75  # a one-line title and the "as of" line
TITLE_WIDTH_CHARS = 68  # what fits on one line of the 13 pt bold title
TITLE_LINE_IN = 0.22
FOOTER_IN = 0.95  # legend and source line

# A position known to within this is exact at a country's scale; a vaguer one
# gets a dashed circle of its possible area and "±N km" in its label.
APPROXIMATE_KM = 5.0
MARKER_AREA_PT2 = 90
LABEL_SIZE_PT = 8
LABEL_PAD_PT = 1.5
LABEL_BOX = {
    "boxstyle": f"round,pad={LABEL_PAD_PT / LABEL_SIZE_PT:.3f}",
    "facecolor": "white",
    "edgecolor": "none",
    "alpha": 0.85,
}
LEADER_LINE = {"arrowstyle": "-", "color": "#4a4a4a", "linewidth": 0.6, "shrinkA": 0}
# Where a label may go around its marker, in the order tried: right, left, the
# diagonals, above, below; then the same again further out, with a leader line.
LABEL_DIRECTIONS = ((1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1), (0, 1), (0, -1))
LABEL_RINGS = (1.0, 2.5, 4.5)

RC_PARAMS = {
    "svg.fonttype": "none",  # labels stay text in SVG: searchable, editable
    "svg.hashsalt": "missionmap",  # SVG clip-path ids from a fixed salt, not a random one
    "pdf.fonttype": 42,  # TrueType glyphs: text in the PDF stays text
    # DejaVu ships with matplotlib, so every machine draws the same glyphs; an SVG
    # viewer without it falls back to the usual sans-serif fonts.
    "font.family": ["DejaVu Sans", "sans-serif"],
}
SAVE_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None},
    "pdf": {"CreationDate": None, "ModDate": None},
}

COUNTRY_EDGE = "#3c3c3c"
REGION_FILL = "#f3f0e8"
REGION_EDGE = "#b9b2a2"
MARKER_EDGE = "#1a1a1a"
NOTE_COLOUR = "#4a4a4a"

EMBED_STYLE = (
    "display:block;width:100%;height:auto;aspect-ratio:3/2;"
    "min-height:320px;max-height:90vh;border:0"
)

# Characters a URL keeps as they are in a Markdown link; the rest are %-encoded.
URL_SAFE = ":/?#[]@!$&'*+,;=%~"

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Attribution:
    """A data source the outputs must credit, from ``data/attribution.yaml``."""

    name: str
    text: str
    url: str
    licence: str

    @property
    def credit(self) -> str:
        """The text, with the licence when the text does not already say it.

        >>> Attribution("GeoNames", "Places: GeoNames", "https://www.geonames.org/", "CC BY 4.0").credit
        'Places: GeoNames (CC BY 4.0)'
        """
        name = self.licence.split(" (")[0].strip().lower()
        if name and name not in self.text.lower():
            return f"{self.text} ({self.licence})"
        return self.text


def load_attribution(path: Path) -> tuple[Attribution, ...]:
    """Read the attribution file: a YAML list of ``{name, text, url, licence}``."""
    keys = ("name", "text", "url", "licence")
    fix = "write it as a list of entries, each with " + ", ".join(keys)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataError("cannot read the attribution file", path=path, fix=str(exc)) from exc
    except yaml.YAMLError as exc:
        raise DataError("the attribution file is not valid YAML", path=path, fix=fix) from exc
    if not isinstance(raw, list):
        raise DataError("the attribution file must be a list", path=path, fix=fix)
    entries = []
    for number, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict):
            raise DataError(f"attribution entry {number} is not a mapping", path=path, fix=fix)
        missing = [key for key in ("name", "text") if not str(entry.get(key) or "").strip()]
        if missing:
            raise DataError(
                f"attribution entry {number} lacks keys",
                path=path,
                value=", ".join(missing),
                fix=fix,
            )
        entries.append(Attribution(*(str(entry.get(key) or "").strip() for key in keys)))
    return tuple(entries)


def write_output(path: Path, payload: str | bytes) -> None:
    """Write an export atomically; a file that cannot be written is a :class:`GeoError`."""
    try:
        write_atomically(path, payload)
    except OSError as exc:
        raise GeoError(
            "cannot write the file",
            path=path,
            value=exc.strerror,
            fix="choose another --out, in a folder you can write to",
        ) from exc


# --- the sites as plain records ------------------------------------------------------


def site_records(frame: gpd.GeoDataFrame) -> list[dict]:
    """One dict per site with :data:`CSV_FIELDS`, in frame order, as plain Python values.

    The position is the geometry's, in WGS 84, rounded to six decimals (about
    10 cm). Missing values (an undated statement, an exact position) are ``None``.
    """
    records = []
    for row, point in zip(
        frame.itertuples(index=False), frame.to_crs("EPSG:4326").geometry, strict=True
    ):
        record = {name: _plain(getattr(row, name)) for name in EXPORT_FIELDS}
        record.update(lat=round(point.y, 6), lon=round(point.x, 6))
        records.append({name: record[name] for name in CSV_FIELDS})
    return records


def _plain(value: object) -> object:
    """``None`` for pandas' missing values (None, NaN); the value otherwise."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def sites_geojson(frame: gpd.GeoDataFrame) -> str:
    """The sites as an RFC 7946 GeoJSON FeatureCollection.

    Coordinates are ``[longitude, latitude]`` in WGS 84 (EPSG:4326); RFC 7946
    has no ``crs`` member, so none is written.
    """
    features = [
        {
            "type": "Feature",
            "id": record["id"],
            "geometry": {"type": "Point", "coordinates": [record["lon"], record["lat"]]},
            "properties": {name: record[name] for name in EXPORT_FIELDS},
        }
        for record in site_records(frame)
    ]
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, ensure_ascii=False, indent=1) + "\n"


def spreadsheet_safe(text: object) -> object:
    """Text that a spreadsheet shows rather than runs: a leading ``'`` defuses a formula.

    >>> spreadsheet_safe("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> spreadsheet_safe("Gao"), spreadsheet_safe(16.27)
    ('Gao', 16.27)
    """
    if isinstance(text, str) and text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def sites_csv(frame: gpd.GeoDataFrame) -> str:
    """The sites as CSV: a header of :data:`CSV_FIELDS`, then one row per site.

    Text that would start a spreadsheet formula is prefixed with ``'``.
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in site_records(frame):
        writer.writerow({name: spreadsheet_safe(value) for name, value in record.items()})
    return buffer.getvalue()


# --- the static map --------------------------------------------------------------------


def local_crs(lon: float, lat: float) -> str:
    """A transverse Mercator centred on the map, so distances hold for the scale bar.

    The centre is rounded to half a degree: the same area always gets the same CRS.

    >>> local_crs(-1.93, 17.38)
    '+proj=tmerc +lat_0=17.5 +lon_0=-2 +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs'
    """
    lat_0, lon_0 = (round(value * 2) / 2 for value in (lat, lon))
    return (
        f"+proj=tmerc +lat_0={lat_0:g} +lon_0={lon_0:g} +k=1 +x_0=0 +y_0=0 "
        "+datum=WGS84 +units=m +no_defs"
    )


def as_of_text(as_of: dt.date | None) -> str:
    """How current the outputs are.

    >>> as_of_text(dt.date(2023, 12, 11)), as_of_text(None)
    ('as of 2023-12-11', 'as of an unknown date')
    """
    return f"as of {as_of.isoformat()}" if as_of else "as of an unknown date"


def plural(count: int, noun: str) -> str:
    """A count with its noun, in the plural unless it is one.

    >>> plural(1, "site"), plural(4, "report")
    ('1 site', '4 reports')
    """
    return f"{count} {noun}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class MapInputs:
    """Everything the static map shows besides the sites."""

    mission: Mission
    as_of: dt.date | None
    documents: int  # how many reports the statuses come from
    boundaries: Boundaries
    attribution: tuple[Attribution, ...]


def static_map(
    frame: gpd.GeoDataFrame, inputs: MapInputs, fmt: str, dpi: int = DEFAULT_DPI
) -> bytes:
    """The map as PNG, SVG or PDF bytes; a PNG is ``FIGURE_WIDTH_IN * dpi`` pixels wide."""
    if fmt not in STATIC_FORMATS:
        raise InvalidValueError(
            "not a static map format", value=fmt, fix="use one of " + ", ".join(STATIC_FORMATS)
        )
    low, high = DPI_RANGE
    if not low <= dpi <= high:
        raise InvalidValueError(
            "resolution out of range", value=dpi, fix=f"give a dpi from {low} to {high}"
        )
    with matplotlib.rc_context(RC_PARAMS):
        figure = draw_map(frame, inputs, dpi)
        buffer = io.BytesIO()
        figure.savefig(buffer, format=fmt, dpi=dpi, metadata=SAVE_METADATA[fmt])
    return buffer.getvalue()


def draw_map(frame: gpd.GeoDataFrame, inputs: MapInputs, dpi: int = DEFAULT_DPI) -> Figure:
    """The static map as a matplotlib figure (Agg canvas, no pyplot state).

    Site labels carry the gid ``label-<site id>``, the legend ``legend``.
    """
    crs = _map_crs(frame, inputs.boundaries.country)
    country = inputs.boundaries.country.to_crs(crs)
    regions = inputs.boundaries.regions.to_crs(crs)
    sites = frame.to_crs(crs)
    xmin, ymin, xmax, ymax = _padded_bounds([country, sites])

    map_width = FIGURE_WIDTH_IN - 2 * MARGIN_IN
    map_height = min(
        max(map_width * (ymax - ymin) / (xmax - xmin), MAP_HEIGHT_RANGE_IN[0]),
        MAP_HEIGHT_RANGE_IN[1],
    )
    title = textwrap.wrap(inputs.mission.title, TITLE_WIDTH_CHARS) or [""]
    header = HEADER_IN + TITLE_LINE_IN * (len(title) - 1)
    height = header + map_height + FOOTER_IN
    figure = Figure(figsize=(FIGURE_WIDTH_IN, height), dpi=dpi)
    FigureCanvasAgg(figure)
    ax = figure.add_axes(
        (
            MARGIN_IN / FIGURE_WIDTH_IN,
            FOOTER_IN / height,
            map_width / FIGURE_WIDTH_IN,
            map_height / height,
        )
    )
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymin, ymax)
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_axis_off()

    if len(regions):
        regions.plot(
            ax=ax, facecolor=REGION_FILL, edgecolor=REGION_EDGE, linewidth=0.6, aspect=None
        )
    else:
        country.plot(ax=ax, facecolor=REGION_FILL, edgecolor="none", aspect=None)
    country.plot(ax=ax, facecolor="none", edgecolor=COUNTRY_EDGE, linewidth=1.2, aspect=None)
    _draw_precision(ax, sites)
    _draw_sites(ax, sites)
    ax.add_artist(
        ScaleBar(
            1,
            units="m",
            location="lower left",
            length_fraction=0.22,
            box_alpha=0.75,
            font_properties={"size": 7},
        )
    )
    _draw_header(figure, title, header, inputs, len(sites))
    _draw_legend(figure, sites, height)
    left_out = _place_labels(ax, sites, dpi)
    _draw_source_line(figure, inputs, left_out, height)
    return figure


def _map_crs(frame: gpd.GeoDataFrame, country: gpd.GeoDataFrame) -> str:
    xmin, ymin, xmax, ymax = _padded_bounds(
        [country.to_crs("EPSG:4326"), frame.to_crs("EPSG:4326")], 0
    )
    return local_crs((xmin + xmax) / 2, (ymin + ymax) / 2)


def _padded_bounds(layers: Iterable[gpd.GeoSeries | gpd.GeoDataFrame], pad: float = 0.05) -> tuple:
    boxes = [layer.total_bounds for layer in layers if len(layer) and not layer.is_empty.all()]
    if not boxes:
        raise DataError(
            "nothing to map: no sites and no country outline",
            fix="add reports that name the mission's sites, or the country outline to data/boundaries/",
        )
    xmin = min(b[0] for b in boxes)
    ymin = min(b[1] for b in boxes)
    xmax = max(b[2] for b in boxes)
    ymax = max(b[3] for b in boxes)
    span = max(xmax - xmin, ymax - ymin, 1.0)
    return xmin - pad * span, ymin - pad * span, xmax + pad * span, ymax + pad * span


def _statuses(sites: gpd.GeoDataFrame) -> Iterator[tuple[Status, gpd.GeoDataFrame]]:
    for status in STATUS_STYLES:
        subset = sites[sites["status"] == status.value]
        if len(subset):
            yield status, subset


def _draw_sites(ax, sites: gpd.GeoDataFrame) -> None:
    for status, subset in _statuses(sites):
        style = STATUS_STYLES[status]
        subset.plot(
            ax=ax,
            marker=style.mpl_marker,
            color=style.colour,
            edgecolor=MARKER_EDGE,
            linewidth=0.7,
            markersize=MARKER_AREA_PT2,
            zorder=4,
            aspect=None,
        )


def _precision_km(sites: gpd.GeoDataFrame) -> pd.Series:
    """How far each site may be from its point, in km; 0 where the gazetteer gives none."""
    return pd.to_numeric(sites["precision_km"], errors="coerce").fillna(0.0)


def _label_texts(sites: gpd.GeoDataFrame) -> list[str]:
    """The site names, with "±N km" after the name of an approximate position."""
    return [
        f"{name} ±{km:g} km" if km >= APPROXIMATE_KM else name
        for name, km in zip(sites["site"], _precision_km(sites), strict=True)
    ]


def _draw_precision(ax, sites: gpd.GeoDataFrame) -> None:
    """A dashed circle of the area the site may be in, around each approximate position."""
    approximate = sites[_precision_km(sites) >= APPROXIMATE_KM]
    for status, subset in _statuses(approximate):
        circles = subset.geometry.buffer(subset["precision_km"].astype(float) * 1000, quad_segs=16)
        circles.plot(
            ax=ax,
            facecolor="none",
            edgecolor=STATUS_STYLES[status].colour,
            linestyle="--",
            linewidth=0.8,
            zorder=3,
            aspect=None,
        )


def _draw_header(
    figure: Figure, title: list[str], header: float, inputs: MapInputs, sites: int
) -> None:
    """The title, wrapped to ``title``'s lines, and the "as of" line below it."""
    left = MARGIN_IN / FIGURE_WIDTH_IN
    height = figure.get_figheight()
    figure.text(
        left,
        1 - 0.12 / height,
        "\n".join(title),
        fontsize=13,
        fontweight="bold",
        va="top",
        linespacing=1.2,
        parse_math=False,
    )
    figure.text(
        left,
        1 - (header - 0.19) / height,
        f"Status of {plural(sites, 'site')} {as_of_text(inputs.as_of)}, "
        f"from {plural(inputs.documents, 'report')}",
        fontsize=9,
        color=NOTE_COLOUR,
        va="baseline",
        parse_math=False,
    )


def _draw_legend(figure: Figure, sites: gpd.GeoDataFrame, height: float) -> None:
    counts = sites["status"].value_counts()
    handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=style.mpl_marker,
            markersize=8,
            markerfacecolor=style.colour,
            markeredgecolor=MARKER_EDGE,
            markeredgewidth=0.7,
            label=f"{style.label} ({counts.get(status.value, 0)})",
        )
        for status, style in STATUS_STYLES.items()
    ]
    legend = figure.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, (FOOTER_IN - 0.08) / height),
        ncol=len(handles),
        frameon=False,
        fontsize=9,
        handletextpad=0.4,
        columnspacing=1.6,
    )
    legend.set_gid("legend")


def _draw_source_line(figure: Figure, inputs: MapInputs, left_out: int, height: float) -> None:
    """Sources and credits at the foot; says so when some labels found no room."""
    lines = []
    if left_out:
        lines.append(
            f"{plural(left_out, 'site')} not labelled for lack of room: "
            "missionmap export --format csv lists every site."
        )
    credits = " · ".join(entry.credit for entry in inputs.attribution)
    source = f"Sources: {plural(inputs.documents, 'report')} on the mission"
    if credits:
        source += f"; {credits}"
    lines += textwrap.wrap(source + ". Made with missionmap.", width=150)
    figure.text(
        MARGIN_IN / FIGURE_WIDTH_IN,
        0.12 / height,
        "\n".join(lines),
        fontsize=6.5,
        color=NOTE_COLOUR,
        va="bottom",
        parse_math=False,
    )


def _place_labels(ax, sites: gpd.GeoDataFrame, dpi: int) -> int:
    """Label each site where its label covers no marker, label, scale bar or legend.

    Candidates are tried in a fixed order (:data:`LABEL_DIRECTIONS` in each of
    :data:`LABEL_RINGS`) and the first free one wins; a label with no free place
    is left out rather than drawn over another. Deterministic: the same sites
    always get the same places. Returns how many labels were left out.
    """
    figure = ax.figure
    figure.canvas.draw()  # fixes the aspect and lays out the legend and scale bar
    renderer = figure.canvas.get_renderer()
    px_per_pt = dpi / 72
    area = ax.get_window_extent(renderer).padded(-2 * px_per_pt)
    marker_radius = math.sqrt(MARKER_AREA_PT2) / 2 * px_per_pt
    points = ax.transData.transform(np.column_stack([sites.geometry.x, sites.geometry.y]))
    taken = [
        *(np.hstack([points - marker_radius, points + marker_radius])),
        *(legend.get_window_extent(renderer).extents for legend in figure.legends),
        *(a.info.window_extent.extents for a in ax.artists if isinstance(a, ScaleBar)),
    ]
    gap = marker_radius + 2 * px_per_pt
    left_out = 0
    for point, text, site_id, geometry in zip(
        points, _label_texts(sites), sites["id"], sites.geometry, strict=True
    ):
        label = ax.annotate(
            text,
            xy=(geometry.x, geometry.y),
            xytext=(0, 0),
            textcoords="offset points",
            ha="center",
            va="center",
            fontsize=LABEL_SIZE_PT,
            parse_math=False,
            zorder=5,
            bbox=LABEL_BOX,
            arrowprops={**LEADER_LINE, "shrinkB": marker_radius / px_per_pt},
        )
        label.set_gid(f"label-{site_id}")
        extent = label.get_window_extent(renderer)
        half = np.array([extent.width, extent.height]) / 2 + (LABEL_PAD_PT + 0.5) * px_per_pt
        place = _free_place(point, half, gap, np.array(taken), area.extents)
        if place is None:
            label.remove()
            left_out += 1
            continue
        ring, box = place
        label.xyann = tuple(((box[:2] + box[2:]) / 2 - point) / px_per_pt)
        label.arrow_patch.set_visible(ring > LABEL_RINGS[0])
        taken.append(box)
    return left_out


def _free_place(
    point: np.ndarray, half_size: np.ndarray, gap: float, taken: np.ndarray, area: np.ndarray
) -> tuple[float, np.ndarray] | None:
    """The first place for a label box around ``point`` that is inside ``area`` and free.

    Boxes are ``(x0, y0, x1, y1)`` rows in display pixels; ``taken`` holds the
    boxes already covered. Returns the ring and the box, or None when every
    candidate place is covered or off the map.
    """
    directions = np.array(LABEL_DIRECTIONS, dtype=float)
    for ring in LABEL_RINGS:
        centres = point + directions * (ring * gap + half_size)
        boxes = np.hstack([centres - half_size, centres + half_size])
        inside = (boxes[:, :2] >= area[:2]).all(axis=1) & (boxes[:, 2:] <= area[2:]).all(axis=1)
        crossing = (boxes[:, None, :2] < taken[None, :, 2:]) & (
            taken[None, :, :2] < boxes[:, None, 2:]
        )
        free = inside & ~crossing.all(axis=2).any(axis=1)
        if free.any():
            return ring, boxes[int(np.argmax(free))]
    return None


# --- embedding -----------------------------------------------------------------------


def check_embed_src(src: str) -> str:
    """The iframe address if it is an http(s) URL or a relative path; else an error.

    >>> check_embed_src("https://example.org/maps/minusma.html")
    'https://example.org/maps/minusma.html'
    >>> check_embed_src("javascript:alert(1)")
    Traceback (most recent call last):
    ...
    geo.errors.InvalidValueError: not an address an iframe may load: 'javascript:alert(1)'. Fix: give an http(s) URL or a relative path such as maps/minusma.html.
    """
    text = src.strip()
    scheme = urlsplit(text).scheme.lower()
    if not text or scheme not in ("", "http", "https") or any(ord(c) < 32 for c in text):
        raise InvalidValueError(
            "not an address an iframe may load",
            value=src,
            fix="give an http(s) URL or a relative path such as maps/minusma.html",
        )
    return text


def embed_snippet(src: str, title: str) -> str:
    """An ``<iframe>`` for a CMS or report: full width, a height that follows the width.

    The title names the map for screen readers; nothing in it is a script.

    >>> print(embed_snippet("maps/m.html", 'Sites "north" & south'))
    <iframe src="maps/m.html" title="Sites &quot;north&quot; &amp; south" width="100%" height="420" loading="lazy" style="display:block;width:100%;height:auto;aspect-ratio:3/2;min-height:320px;max-height:90vh;border:0"></iframe>
    """
    attributes = {
        "src": check_embed_src(src),
        "title": title,
        "width": "100%",
        "height": "420",  # for a CMS that strips the style attribute
        "loading": "lazy",
        "style": EMBED_STYLE,
    }
    rendered = " ".join(
        f'{name}="{html.escape(value, quote=True)}"' for name, value in attributes.items()
    )
    return f"<iframe {rendered}></iframe>"


# --- the summary table -----------------------------------------------------------------


def status_counts(sites: Iterable[Site]) -> dict[Status, int]:
    """How many sites have each status, every status listed, in legend order."""
    statuses = [site.status for site in sites]
    return {status: statuses.count(status) for status in STATUS_STYLES}


def source_label(site: Site) -> str:
    """Where a site's status comes from: the report's title and publisher, or the manual entry."""
    document = site.evidence.document
    if document is None or not document.title:
        return site.evidence.source
    if document.source:
        return f"{document.title} ({document.source})"
    return document.title


def markdown_text(text: str) -> str:
    r"""Text for a Markdown table cell: shown as written, never as markup or a column break.

    >>> markdown_text("a | b <script> *c*\nd")
    'a \\| b \\<script\\> \\*c\\* d'
    """
    flat = " ".join(text.split())
    return "".join("\\" + c if c in "\\`*_[]<>|~&!#" else c for c in flat)


def markdown_link(text: str, url: str) -> str:
    return f"[{text}](<{quote(url, safe=URL_SAFE)}>)"


def html_link(text: str, url: str) -> str:
    return f'<a href="{html.escape(url, quote=True)}">{text}</a>'


def summary_cells(
    sites: Iterable[Site], escape: Callable[[str], str], link: Callable[[str, str], str]
) -> tuple[list[tuple[str, str]], list[tuple[str, ...]]]:
    """The cells of both tables, escaped: (status, count) rows, then one row per site.

    A site's source is linked when its report has an http(s) URL.
    """
    sites = tuple(sites)
    counts = [(STATUS_STYLES[s].label, str(n)) for s, n in status_counts(sites).items()]
    rows = []
    for site in sites:
        source = escape(source_label(site))
        document = site.evidence.document
        url = web_url(document.url if document else None)
        rows.append(
            (
                escape(site.place.name),
                STATUS_STYLES[site.status].label,
                site.evidence.date.isoformat() if site.evidence.date else "undated",
                link(source, url) if url else source,
            )
        )
    return counts, rows


def summary_markdown(sites: tuple[Site, ...], mission: Mission, as_of: dt.date | None) -> str:
    """Counts per status, then one row per site with status, date and source, as Markdown."""
    counts, rows = summary_cells(sites, markdown_text, markdown_link)
    lines = [
        f"**{markdown_text(mission.title)}** — {plural(len(sites), 'site')}, {as_of_text(as_of)}",
        "",
        "| Status | Sites |",
        "|---|---:|",
        *(f"| {label} | {count} |" for label, count in counts),
        f"| **Total** | **{len(sites)}** |",
        "",
        "| Site | Status | Date | Source |",
        "|---|---|---|---|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
    return "\n".join(lines) + "\n"


def html_row(cells: Iterable[str]) -> str:
    """A table row whose first cell heads it."""
    first, *rest = cells
    return f'<tr><th scope="row">{first}</th>' + "".join(f"<td>{c}</td>" for c in rest) + "</tr>"


def html_head(*names: str) -> str:
    return "<thead><tr>" + "".join(f'<th scope="col">{n}</th>' for n in names) + "</tr></thead>"


def summary_html(sites: tuple[Site, ...], mission: Mission, as_of: dt.date | None) -> str:
    """The same tables as :func:`summary_markdown`, as an HTML fragment; every text escaped."""
    counts, rows = summary_cells(sites, html.escape, html_link)
    lines = [
        '<section class="missionmap-summary">',
        f"<h2>{html.escape(mission.title)}</h2>",
        f"<p>{plural(len(sites), 'site')}, {as_of_text(as_of)}.</p>",
        "<table>",
        html_head("Status", "Sites"),
        "<tbody>",
        *(html_row(row) for row in counts),
        "</tbody>",
        "<tfoot>" + html_row(("Total", str(len(sites)))) + "</tfoot>",
        "</table>",
        "<table>",
        html_head("Site", "Status", "Date", "Source"),
        "<tbody>",
        *(html_row(row) for row in rows),
        "</tbody>",
        "</table>",
        "</section>",
    ]
    return "\n".join(lines) + "\n"
