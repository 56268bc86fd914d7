"""Exports over time for reports: small multiples and the timeline chart.

- :func:`small_multiples` -- one figure, one map panel per day: the sites as
  they stood at the end of that day (:func:`geo.pipeline.merged_on`, the same
  answer as ``missionmap sites --as-of DAY``), with one legend for all.
- :func:`timeline_chart` -- one row per site: a strip from its first dated
  statement to the "as of" day, in the colour of its status at each step, the
  status's marker where it changes, unconfirmed steps lighter and hatched.

Both are drawn with the static map's pieces (:mod:`geo.export`): the same
fonts, colours, marker shapes, header, legend and source line, and the same
bytes for the same inputs.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import geopandas as gpd
import matplotlib.dates as mdates
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from geo.errors import DataError, InvalidValueError
from geo.export import (
    DEFAULT_DPI,
    FIGURE_WIDTH_IN,
    FOOTER_IN,
    KIND_SYMBOL_COLOUR,
    MARGIN_IN,
    MARKER_EDGE,
    NOTE_COLOUR,
    STATIC_FORMATS,
    MapInputs,
    draw_country,
    draw_header,
    draw_legend,
    draw_precision,
    draw_sites,
    draw_source_line,
    figure_bytes,
    header_height,
    hollow_look,
    kind_handles,
    map_crs,
    padded_bounds,
    place_labels,
    scale_bar,
    status_handles,
    title_lines,
    unlabelled_note,
)
from geo.merge import decide, sites_frame, statements_until
from geo.model import Confirmation, Evidence, Status
from geo.pipeline import Result, merged_on, weighed_statements
from geo.register import parse_day
from geo.report import plural
from geo.style import CONFIRMATION_LABELS, STATUS_STYLES, UNCONFIRMED_DASH

EVERY = ("month", "week")
# One figure on one page: beyond a dozen maps each panel is too small to read.
MAX_PANELS = 12

PANEL_GAP_IN = 0.15
PANEL_TITLE_IN = 0.42  # the day, and the counts under it
PANEL_ASPECT_RANGE = (0.6, 1.4)  # a panel's height over its width
PANEL_LABEL_PT = 6.5

ROW_IN = 0.3
NAMES_IN = 1.3  # room for the site names left of the strips
AXIS_IN = 0.5  # the dates under the strips
STRIP_HEIGHT = 0.62  # of a row
TIMELINE_MARKER_PT2 = 55
# An unconfirmed step: its status colour mixed with this much white, and hatched.
UNCONFIRMED_TINT = 0.6
UNCONFIRMED_HATCH = "////"
GRID_COLOUR = "#dcdcdc"


# --- which days ----------------------------------------------------------------------------


def month_ends(first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    """The last day of each month from ``first``'s month to ``last``'s.

    >>> [d.isoformat() for d in month_ends(dt.date(2023, 11, 20), dt.date(2024, 1, 3))]
    ['2023-11-30', '2023-12-31', '2024-01-31']
    """
    days = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        days.append(dt.date(year, month, 1) - dt.timedelta(days=1))
    return tuple(days)


def week_ends(first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    """The Sunday ending each ISO week (Monday to Sunday) from ``first``'s week to ``last``'s.

    >>> [d.isoformat() for d in week_ends(dt.date(2023, 12, 1), dt.date(2023, 12, 11))]
    ['2023-12-03', '2023-12-10', '2023-12-17']
    """
    sunday = first + dt.timedelta(days=6 - first.weekday())
    last_sunday = last + dt.timedelta(days=6 - last.weekday())
    return tuple(
        sunday + dt.timedelta(weeks=n) for n in range((last_sunday - sunday).days // 7 + 1)
    )


def panel_days(
    statements: Iterable[Evidence],
    every: str | None = None,
    dates: Sequence[str | dt.date] | None = None,
    today: dt.date | None = None,
    option: str = "",
) -> tuple[dt.date, ...]:
    """The days of the panels: ``every`` month or week across the dated statements, or ``dates``.

    ``dates`` are days (YYYY-MM-DD text or dates), oldest first, each once, none
    after ``today``. ``option`` prefixes the names in messages (``"--"`` on the
    command line). At most :data:`MAX_PANELS` days.
    """
    if (every is None) == (dates is None):
        given = "both given" if every is not None else "neither given"
        raise InvalidValueError(
            f"{option}every and {option}dates: {given}",
            fix=f"use {option}every month, {option}every week, or list the days with {option}dates",
        )
    if every is not None:
        days = _every(statements, every, option)
    else:
        days = _listed(dates, today or dt.date.today(), f"{option}dates")
    if len(days) > MAX_PANELS:
        raise InvalidValueError(
            f"too many panels for one figure ({len(days)} days; at most {MAX_PANELS})",
            value=every or ",".join(day.isoformat() for day in days),
            fix=f"use {option}every month, or pick at most {MAX_PANELS} days with {option}dates",
        )
    return days


def _every(statements: Iterable[Evidence], every: str, option: str) -> tuple[dt.date, ...]:
    steps = {"month": month_ends, "week": week_ends}
    if every not in steps:
        raise InvalidValueError(
            f"{option}every takes month or week",
            value=every,
            fix=f"use {option}every month or {option}every week, or list the days "
            f"with {option}dates",
        )
    days = [statement.date for statement in statements if statement.date]
    if not days:
        raise DataError(
            "no dated statement to step through",
            fix="give the reports a date (front matter or a sidecar), "
            f"or list the days with {option}dates",
        )
    return steps[every](min(days), max(days))


def _listed(dates: Sequence[str | dt.date], today: dt.date, label: str) -> tuple[dt.date, ...]:
    days = tuple(
        value if isinstance(value, dt.date) else parse_day(value, today, label) for value in dates
    )
    if not days:
        raise InvalidValueError(
            f"{label} lists no day", fix="list days as YYYY-MM-DD, separated by commas"
        )
    for earlier, later in itertools.pairwise(days):
        if later <= earlier:
            problem = "lists a day twice" if later == earlier else "is out of order"
            fix = ",".join(day.isoformat() for day in sorted(set(days)))
            raise InvalidValueError(
                f"{label} {problem}",
                value=later.isoformat(),
                fix=f"list each day once, oldest first: {fix}",
            )
    return days


def check_time_request(
    fmt: str, every: str | None, dates: object, as_of: object, option: str = ""
) -> None:
    """Refuse what cannot be drawn: panels in a table format, or panels and one ``as_of`` day."""
    if every is None and dates is None:
        return
    panels = f"{option}every" if every is not None else f"{option}dates"
    if fmt not in STATIC_FORMATS:
        raise InvalidValueError(
            f"{panels} draws small multiples, as png, svg or pdf",
            value=fmt,
            fix=f"use {option}format png, svg or pdf with {panels}, or leave {panels} out",
        )
    if as_of is not None:
        raise InvalidValueError(
            f"{panels} and {option}as-of both given",
            fix=f"give {option}as-of for the map of one day, or {panels} for several",
        )


def cadence_text(every: str | None) -> str:
    """Which days the panels show, in words.

    >>> cadence_text("month"), cadence_text(None)
    ('the end of each month', 'the end of each day shown')
    """
    return {
        "month": "the end of each month",
        "week": "the end of each week (Sunday)",
    }.get(every or "", "the end of each day shown")


# --- small multiples ---------------------------------------------------------------------


@dataclass(frozen=True)
class Panel:
    """One map of the small multiples: the sites as they stood at the end of ``day``."""

    day: dt.date
    sites: gpd.GeoDataFrame


def panels_of(result: Result, days: Iterable[dt.date]) -> tuple[Panel, ...]:
    """A panel for each day, merged from the statements of ``result`` up to that day."""
    return tuple(Panel(day, sites_frame(merged_on(result, day).sites)) for day in days)


def small_multiples(
    panels: Sequence[Panel],
    inputs: MapInputs,
    fmt: str,
    dpi: int = DEFAULT_DPI,
    cadence: str = cadence_text(None),
) -> bytes:
    """The panels on one figure as PNG, SVG or PDF; a PNG is ``FIGURE_WIDTH_IN * dpi`` wide."""
    return figure_bytes(lambda: draw_small_multiples(panels, inputs, dpi, cadence), fmt, dpi)


def grid_columns(panels: int) -> int:
    """How many panels side by side: a row of up to three, a square of four, then 3 or 4 across.

    >>> [grid_columns(n) for n in (1, 3, 4, 6, 9, 10, 12)]
    [1, 3, 2, 3, 3, 4, 4]
    """
    if panels == 4:
        return 2
    return min(panels, 3) if panels <= 9 else 4


def draw_small_multiples(
    panels: Sequence[Panel], inputs: MapInputs, dpi: int = DEFAULT_DPI, cadence: str = ""
) -> Figure:
    """The small multiples as a matplotlib figure; each panel's axes carry the gid ``panel-<day>``.

    Every panel has the same extent and projection, so a site sits at the same place in each.
    """
    everything = pd.concat([panel.sites for panel in panels], ignore_index=True)
    everything = gpd.GeoDataFrame(everything, geometry="geometry", crs="EPSG:4326")
    crs = map_crs(everything, inputs.boundaries.country)
    country = inputs.boundaries.country.to_crs(crs)
    bounds = padded_bounds([country, everything.to_crs(crs)])
    xmin, ymin, xmax, ymax = bounds

    columns = grid_columns(len(panels))
    rows = math.ceil(len(panels) / columns)
    width = (FIGURE_WIDTH_IN - 2 * MARGIN_IN - (columns - 1) * PANEL_GAP_IN) / columns
    low, high = PANEL_ASPECT_RANGE
    height = width * min(max((ymax - ymin) / (xmax - xmin), low), high)
    title = title_lines(inputs.mission)
    header = header_height(title)
    cell = PANEL_TITLE_IN + height + PANEL_GAP_IN
    figure_height = header + rows * cell - PANEL_GAP_IN + FOOTER_IN
    figure = Figure(figsize=(FIGURE_WIDTH_IN, figure_height), dpi=dpi)
    FigureCanvasAgg(figure)

    axes = []
    for number, panel in enumerate(panels):
        row, column = divmod(number, columns)
        left = MARGIN_IN + column * (width + PANEL_GAP_IN)
        top = figure_height - header - row * cell
        ax = figure.add_axes(
            (
                left / FIGURE_WIDTH_IN,
                (top - PANEL_TITLE_IN - height) / figure_height,
                width / FIGURE_WIDTH_IN,
                height / figure_height,
            )
        )
        ax.set_gid(f"panel-{panel.day.isoformat()}")
        sites = panel.sites.to_crs(crs)
        draw_country(ax, inputs.boundaries, crs, bounds)
        draw_precision(ax, sites)
        draw_sites(ax, sites)
        _panel_title(figure, panel, left, top)
        axes.append((ax, sites))
    axes[0][0].add_artist(scale_bar(length_fraction=0.3, font_size=6))
    draw_header(
        figure,
        title,
        header,
        f"Status of the sites at {cadence}, from {plural(inputs.documents, 'report')}",
    )
    draw_legend(figure, [status_handles(None), kind_handles(everything, counted=False)])
    left_out = sum(place_labels(ax, sites, dpi, PANEL_LABEL_PT) for ax, sites in axes)
    draw_source_line(figure, inputs, [unlabelled_note(left_out)] if left_out else [])
    return figure


def _panel_title(figure: Figure, panel: Panel, left: float, top: float) -> None:
    """The day in words over the panel, and how many sites of each status it shows."""
    height = figure.get_figheight()
    figure.text(
        left / FIGURE_WIDTH_IN,
        (top - 0.05) / height,
        f"{panel.day.day} {panel.day:%B %Y}",
        fontsize=10,
        fontweight="bold",
        va="top",
        parse_math=False,
    )
    counts = panel.sites["status"].value_counts()
    words = [
        f"{counts[status.value]} {style.label.lower()}"
        for status, style in STATUS_STYLES.items()
        if status.value in counts
    ]
    figure.text(
        left / FIGURE_WIDTH_IN,
        (top - 0.25) / height,
        " · ".join(words) or "no site reported yet",
        fontsize=7.5,
        color=NOTE_COLOUR,
        va="top",
        parse_math=False,
    )


# --- the timeline chart --------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """From ``start`` on, a site stood at ``status``, resting on a statement of this confirmation."""

    start: dt.date
    status: Status
    confirmation: Confirmation


@dataclass(frozen=True)
class Row:
    """One site's story on the timeline: its steps, oldest first."""

    site: str
    site_id: str
    steps: tuple[Step, ...]


def timeline_rows(statements: Iterable[Evidence], end: dt.date) -> tuple[Row, ...]:
    """A row per site with a dated statement on or before ``end``, earliest first statement first.

    Each step is the site's status as the merge decides it (:func:`geo.merge.decide`)
    at the end of one of its statement days; a day that changes neither the status
    nor its confirmation makes no new step. Sites that start the same day are in
    name order.
    """
    by_place: dict[str, list[Evidence]] = {}
    for statement in statements_until(statements, end):
        by_place.setdefault(statement.place.id, []).append(statement)
    rows = []
    for group in by_place.values():
        steps: list[Step] = []
        for day in sorted({statement.date for statement in group if statement.date}):
            kept, _ = decide(statements_until(group, day))
            if not steps or (steps[-1].status, steps[-1].confirmation) != (
                kept.status,
                kept.confirmation,
            ):
                steps.append(Step(day, kept.status, kept.confirmation))
        if steps:
            rows.append(Row(group[0].place.name, group[0].place.id, tuple(steps)))
    return tuple(sorted(rows, key=lambda row: (row.steps[0].start, row.site, row.site_id)))


def timeline_chart(result: Result, inputs: MapInputs, fmt: str, dpi: int = DEFAULT_DPI) -> bytes:
    """Each site's status over time as PNG, SVG or PDF, up to the result's "as of" day."""
    return figure_bytes(lambda: draw_timeline(result, inputs, dpi), fmt, dpi)


def draw_timeline(result: Result, inputs: MapInputs, dpi: int = DEFAULT_DPI) -> Figure:
    """The timeline chart as a matplotlib figure: row ``i`` of the axes at y = ``i``, top down.

    Each strip carries the gid ``step-<site id>-<day>``; the x axis is in
    :mod:`matplotlib.dates` numbers, a day running from its number to the next.
    """
    end = result.as_of
    rows = timeline_rows(weighed_statements(result.confirmed, result.register), end or dt.date.min)
    if not rows:
        raise DataError(
            "nothing to draw on a timeline: no site has a dated statement",
            fix="give the reports a date (front matter or a sidecar), "
            "or record a status with missionmap status set",
        )
    title = title_lines(inputs.mission)
    header = header_height(title)
    chart_height = len(rows) * ROW_IN
    height = header + chart_height + AXIS_IN + FOOTER_IN
    figure = Figure(figsize=(FIGURE_WIDTH_IN, height), dpi=dpi)
    FigureCanvasAgg(figure)
    left = MARGIN_IN + NAMES_IN
    ax = figure.add_axes(
        (
            left / FIGURE_WIDTH_IN,
            (FOOTER_IN + AXIS_IN) / height,
            (FIGURE_WIDTH_IN - left - MARGIN_IN) / FIGURE_WIDTH_IN,
            chart_height / height,
        )
    )
    stop = mdates.date2num(end + dt.timedelta(days=1))
    start = mdates.date2num(min(row.steps[0].start for row in rows))
    for y, row in enumerate(rows):
        ends = [mdates.date2num(step.start) for step in row.steps[1:]] + [stop]
        for step, until in zip(row.steps, ends, strict=True):
            _draw_step(ax, y, row, step, until)
    ax.set_xlim(start - (stop - start) * 0.02, stop)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_yticks(range(len(rows)), [row.site for row in rows], fontsize=8)
    ax.tick_params(axis="y", length=0)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.tick_params(axis="x", labelsize=8, colors=NOTE_COLOUR)
    ax.grid(axis="x", color=GRID_COLOUR, linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)

    draw_header(
        figure,
        title,
        header,
        f"Status of each site from its first dated statement to {end.isoformat()}, "
        f"from {plural(inputs.documents, 'report')}",
    )
    kinds = {step.confirmation for row in rows for step in row.steps}
    draw_legend(
        figure,
        [
            status_handles(sites_frame(result.merged.sites)),
            [
                _kind_strip(kind, label)
                for kind, label in CONFIRMATION_LABELS.items()
                if kind in kinds
            ],
        ],
    )
    undated = len(result.merged.sites) - len(rows)
    notes = [f"{plural(undated, 'site')} with no dated statement not shown."] if undated else []
    draw_source_line(figure, inputs, notes)
    return figure


def _draw_step(ax, y: int, row: Row, step: Step, until: float) -> None:
    """One step of a row: its strip to ``until``, and its status's marker where it starts."""
    style = STATUS_STYLES[step.status]
    begin = mdates.date2num(step.start)
    unconfirmed = step.confirmation is Confirmation.UNCONFIRMED
    [strip] = ax.barh(
        y,
        until - begin,
        left=begin,
        height=STRIP_HEIGHT,
        **_strip_look(style.colour, unconfirmed),
    )
    strip.set_gid(f"step-{row.site_id}-{step.start.isoformat()}")
    # Hollow as on the map, but white inside: the hatching would run through it.
    look = (
        {**hollow_look(style.colour), "facecolors": "white"}
        if unconfirmed
        else {"c": style.colour, "edgecolors": MARKER_EDGE, "linewidths": 0.7}
    )
    ax.scatter([begin], [y], marker=style.mpl_marker, s=TIMELINE_MARKER_PT2, zorder=4, **look)


def _strip_look(colour: str, unconfirmed: bool) -> dict:
    """A strip in its status colour; lighter, hatched and dash-edged when unconfirmed."""
    if not unconfirmed:
        return {"color": colour, "linewidth": 0}
    return {
        "facecolor": tint(colour, UNCONFIRMED_TINT),
        "edgecolor": colour,
        "hatch": UNCONFIRMED_HATCH,
        "linewidth": 0.8,
        "linestyle": (0, UNCONFIRMED_DASH),
    }


def _kind_strip(kind: Confirmation, label: str) -> Patch:
    """A legend entry for a kind of statement, drawn as a strip is."""
    look = _strip_look(KIND_SYMBOL_COLOUR, kind is Confirmation.UNCONFIRMED)
    if "color" in look:
        look = {"facecolor": look["color"], "edgecolor": "none"}
    return Patch(label=label, **look)


def tint(colour: str, white: float) -> str:
    """``colour`` mixed with ``white`` parts of white (0: the colour, 1: white).

    >>> tint("#000000", 0.6), tint("#ffffff", 0.3)
    ('#999999', '#ffffff')
    """
    return to_hex([channel + (1 - channel) * white for channel in to_rgb(colour)])
