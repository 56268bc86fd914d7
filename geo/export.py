"""Exports for reports and GIS: a static map (PNG, SVG, PDF), GeoJSON and CSV.

Every output here is made from the same sites frame as the interactive map
(:func:`geo.merge.sites_frame`) and returned as text or bytes; the command
line writes them. Same inputs give the same bytes: no timestamps, no random ids.

- :func:`static_map` -- PNG, SVG or PDF drawn with matplotlib through geopandas,
  in the status colours and shapes of :data:`geo.style.STATUS_STYLES`.
- :func:`sites_geojson` -- an RFC 7946 FeatureCollection (EPSG:4326, lon/lat).
- :func:`sites_csv` -- one row per site, with lat/lon.

The embed snippet and the summary table live in :mod:`geo.report`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import textwrap
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import geopandas as gpd
import matplotlib
import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.markers import MarkerStyle
from matplotlib.transforms import IdentityTransform
from matplotlib_scalebar.scalebar import ScaleBar

from geo.attribution import Attribution
from geo.boundaries import Boundaries
from geo.errors import DataError, InvalidValueError
from geo.merge import STATEMENT_COLUMNS
from geo.model import Confirmation, Mission, Status
from geo.report import as_of_text, plural
from geo.style import (
    CONFIRMATION_LABELS,
    KIND_SYMBOL_COLOUR,
    STATUS_STYLES,
    UNCONFIRMED_DASH,
    UNCONFIRMED_LINE_WIDTH,
)

STATIC_FORMATS = ("png", "svg", "pdf")
FORMATS = (*STATIC_FORMATS, "geojson", "csv")

# The fields every export carries for a site; CSV adds the position as lat/lon.
STATEMENT_FIELDS = STATEMENT_COLUMNS
EXPORT_FIELDS = (*STATEMENT_FIELDS, "precision_km")
CSV_FIELDS = (*STATEMENT_FIELDS, "lat", "lon", "precision_km")

DEFAULT_DPI = 200
DPI_RANGE = (72, 600)
FIGURE_WIDTH_IN = 8.0  # 1600 px at the default resolution
MAP_HEIGHT_RANGE_IN = (4.0, 9.0)
MARGIN_IN = 0.3
HEADER_IN = 0.75  # a one-line title and the "as of" line
TITLE_WIDTH_CHARS = 68  # what fits on one line of the 13 pt bold title
TITLE_LINE_IN = 0.22
FOOTER_IN = 1.15  # two rows of legend (statuses, kinds of statement) and the source line

# A position known to within this is exact at a country's scale; a vaguer one
# gets a dashed circle of its possible area and "±N km" in its label.
APPROXIMATE_KM = 5.0
MARKER_AREA_PT2 = 90
LEGEND_MARKER_PT2 = 64
LEGEND_ROW_IN = 0.25
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

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


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
    return figure_bytes(lambda: draw_map(frame, inputs, dpi), fmt, dpi)


def figure_bytes(draw: Callable[[], Figure], fmt: str, dpi: int) -> bytes:
    """The figure ``draw`` makes, saved as PNG, SVG or PDF with the house fonts and no dates.

    ``draw`` runs inside the house style (:data:`RC_PARAMS`), so every static
    output has the same fonts; the format and resolution are checked first.
    """
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
        figure = draw()
        buffer = io.BytesIO()
        figure.savefig(buffer, format=fmt, dpi=dpi, metadata=SAVE_METADATA[fmt])
    return buffer.getvalue()


def draw_map(frame: gpd.GeoDataFrame, inputs: MapInputs, dpi: int = DEFAULT_DPI) -> Figure:
    """The static map as a matplotlib figure (Agg canvas, no pyplot state).

    Site labels carry the gid ``label-<site id>``, the legend ``legend``.
    """
    crs = map_crs(frame, inputs.boundaries.country)
    country = inputs.boundaries.country.to_crs(crs)
    sites = frame.to_crs(crs)
    xmin, ymin, xmax, ymax = padded_bounds([country, sites])

    map_width = FIGURE_WIDTH_IN - 2 * MARGIN_IN
    map_height = min(
        max(map_width * (ymax - ymin) / (xmax - xmin), MAP_HEIGHT_RANGE_IN[0]),
        MAP_HEIGHT_RANGE_IN[1],
    )
    title = title_lines(inputs.mission)
    header = header_height(title)
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
    draw_country(ax, inputs.boundaries, crs, (xmin, ymin, xmax, ymax))
    draw_precision(ax, sites)
    draw_sites(ax, sites)
    ax.add_artist(scale_bar(length_fraction=0.22, font_size=7))
    draw_header(
        figure,
        title,
        header,
        f"Status of {plural(len(sites), 'site')} {as_of_text(inputs.as_of)}, "
        f"from {plural(inputs.documents, 'report')}",
    )
    draw_legend(figure, [status_handles(sites), kind_handles(sites)])
    left_out = place_labels(ax, sites, dpi)
    draw_source_line(figure, inputs, [unlabelled_note(left_out)] if left_out else [])
    return figure


def title_lines(mission: Mission) -> list[str]:
    """The mission's title, wrapped to what fits across a figure in the title's size."""
    return textwrap.wrap(mission.title, TITLE_WIDTH_CHARS) or [""]


def header_height(title: list[str]) -> float:
    """Inches above the drawing: the title's lines and the line under it."""
    return HEADER_IN + TITLE_LINE_IN * (len(title) - 1)


def scale_bar(length_fraction: float, font_size: float) -> ScaleBar:
    """A scale bar for a map in metres, in its lower left corner."""
    return ScaleBar(
        1,
        units="m",
        location="lower left",
        length_fraction=length_fraction,
        box_alpha=0.75,
        font_properties={"size": font_size},
    )


def draw_country(ax, boundaries: Boundaries, crs: str, bounds: tuple) -> None:
    """The regions (or the bare country) and the country's outline, in ``bounds``, no axes."""
    xmin, ymin, xmax, ymax = bounds
    ax.set_xlim(xmin, xmax)
    ax.set_ylim(ymin, ymax)
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_axis_off()
    country = boundaries.country.to_crs(crs)
    regions = boundaries.regions.to_crs(crs)
    if len(regions):
        regions.plot(
            ax=ax, facecolor=REGION_FILL, edgecolor=REGION_EDGE, linewidth=0.6, aspect=None
        )
    else:
        country.plot(ax=ax, facecolor=REGION_FILL, edgecolor="none", aspect=None)
    country.plot(ax=ax, facecolor="none", edgecolor=COUNTRY_EDGE, linewidth=1.2, aspect=None)


def map_crs(frame: gpd.GeoDataFrame, country: gpd.GeoDataFrame) -> str:
    """The map's projection: :func:`local_crs` at the centre of the country and the sites."""
    xmin, ymin, xmax, ymax = padded_bounds(
        [country.to_crs("EPSG:4326"), frame.to_crs("EPSG:4326")], 0
    )
    return local_crs((xmin + xmax) / 2, (ymin + ymax) / 2)


def padded_bounds(layers: Iterable[gpd.GeoSeries | gpd.GeoDataFrame], pad: float = 0.05) -> tuple:
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


def draw_sites(ax, sites: gpd.GeoDataFrame) -> None:
    """Each site in its status's colour and shape: filled, or hollow and dashed if unconfirmed."""
    for status, subset in _statuses(sites):
        style = STATUS_STYLES[status]
        hollow = subset["confirmation"] == Confirmation.UNCONFIRMED.value
        for part, look in (
            (subset[~hollow], {"c": style.colour, "edgecolors": MARKER_EDGE, "linewidths": 0.7}),
            (subset[hollow], hollow_look(style.colour)),
        ):
            if len(part):
                ax.scatter(
                    part.geometry.x,
                    part.geometry.y,
                    marker=style.mpl_marker,
                    s=MARKER_AREA_PT2,
                    zorder=4,
                    **look,
                )


def hollow_look(colour: str) -> dict:
    """How an unconfirmed marker is drawn: no fill, a dashed outline in ``colour``."""
    return {
        "facecolors": "none",
        "edgecolors": colour,
        "linewidths": UNCONFIRMED_LINE_WIDTH,
        "linestyles": [(0, UNCONFIRMED_DASH)],
    }


def _precision_km(sites: gpd.GeoDataFrame) -> pd.Series:
    """How far each site may be from its point, in km; 0 where the gazetteer gives none."""
    return pd.to_numeric(sites["precision_km"], errors="coerce").fillna(0.0)


def _label_texts(sites: gpd.GeoDataFrame) -> list[str]:
    """The site names, with "±N km" after the name of an approximate position."""
    return [
        f"{name} ±{km:g} km" if km >= APPROXIMATE_KM else name
        for name, km in zip(sites["site"], _precision_km(sites), strict=True)
    ]


def draw_precision(ax, sites: gpd.GeoDataFrame) -> None:
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


def draw_header(figure: Figure, title: list[str], header: float, subtitle: str) -> None:
    """The title, wrapped to ``title``'s lines, and the line that says what is shown below it."""
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
        subtitle,
        fontsize=9,
        color=NOTE_COLOUR,
        va="baseline",
        parse_math=False,
    )


def status_handles(sites: gpd.GeoDataFrame | None) -> list[Artist]:
    """A legend entry per status, in its colour and shape; counted when ``sites`` are given."""
    counts = {} if sites is None else sites["status"].value_counts()
    return [
        legend_symbol(
            style.mpl_marker,
            {"facecolors": style.colour, "edgecolors": MARKER_EDGE, "linewidths": 0.7},
            style.label if sites is None else f"{style.label} ({counts.get(status.value, 0)})",
        )
        for status, style in STATUS_STYLES.items()
    ]


def kind_handles(sites: gpd.GeoDataFrame, counted: bool = True) -> list[Artist]:
    """A legend entry for each kind of statement the sites rest on, counted or not."""
    kinds = sites["confirmation"].value_counts()
    filled = {"facecolors": KIND_SYMBOL_COLOUR, "edgecolors": MARKER_EDGE, "linewidths": 0.7}
    return [
        legend_symbol(
            "o",
            hollow_look(KIND_SYMBOL_COLOUR) if kind is Confirmation.UNCONFIRMED else filled,
            f"{label} ({kinds[kind.value]})" if counted else label,
        )
        for kind, label in CONFIRMATION_LABELS.items()
        if kind.value in kinds
    ]


def draw_legend(figure: Figure, rows: list[list[Artist]]) -> None:
    """Rows of legend entries in the footer: the first is ``legend``, the second ``legend-kinds``."""
    height = figure.get_figheight()
    for row, (handles, gid) in enumerate(zip(rows, ("legend", "legend-kinds"), strict=True)):
        if not handles:
            continue
        legend = figure.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, (FOOTER_IN - 0.08 - LEGEND_ROW_IN * row) / height),
            ncol=len(handles),
            frameon=False,
            fontsize=9,
            handletextpad=0.4,
            columnspacing=1.6,
        )
        legend.set_gid(gid)


def legend_symbol(marker: str, look: dict, label: str) -> PathCollection:
    """A legend entry: one marker drawn as on the map (dashes included), and its text."""
    style = MarkerStyle(marker)
    path = style.get_path().transformed(style.get_transform())
    # Sized in points like scatter's markers, which are drawn untransformed.
    return PathCollection(
        [path], sizes=[LEGEND_MARKER_PT2], label=label, transform=IdentityTransform(), **look
    )


def unlabelled_note(left_out: int) -> str:
    """What the foot of a map says when some site labels found no room.

    >>> unlabelled_note(2)
    '2 sites not labelled for lack of room: missionmap export --format csv lists every site.'
    """
    return (
        f"{plural(left_out, 'site')} not labelled for lack of room: "
        "missionmap export --format csv lists every site."
    )


def draw_source_line(figure: Figure, inputs: MapInputs, notes: list[str]) -> None:
    """Sources and credits at the foot, after ``notes`` (e.g. labels that found no room)."""
    credits = " · ".join(entry.credit for entry in inputs.attribution)
    source = f"Sources: {plural(inputs.documents, 'report')} on the mission"
    if credits:
        source += f"; {credits}"
    lines = [*notes, *textwrap.wrap(source + ". Made with missionmap.", width=150)]
    figure.text(
        MARGIN_IN / FIGURE_WIDTH_IN,
        0.12 / figure.get_figheight(),
        "\n".join(lines),
        fontsize=6.5,
        color=NOTE_COLOUR,
        va="bottom",
        parse_math=False,
    )


def place_labels(ax, sites: gpd.GeoDataFrame, dpi: int, size: float = LABEL_SIZE_PT) -> int:
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
            fontsize=size,
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
