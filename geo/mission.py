"""A mission's project as one Python object, for notebooks and scripts.

The command line's work, from Python: read a project, get its sites as of a
day as a GeoDataFrame, get the map, export it. In Jupyter a map shows inline,
in a frame of its own, so its scripts run and two maps never clash::

    from geo.mission import open_mission

    minusma = open_mission("path/to/project")    # the folder that holds seeds/ and data/
    minusma.sites(as_of="2023-11-15")             # a GeoDataFrame, one row per site
    minusma.map(as_of="2023-11-15")               # shows the map in a notebook cell
    minusma.map().save("maps/minusma.html")
    minusma.export("png", as_of="2023-11-15")     # bytes: PNG, SVG or PDF; text: GeoJSON, CSV
    minusma.export("png", every="month")          # small multiples: a map at each month's end
    minusma.timeline("svg")                       # each site's status over time

The reports are read once, through the same cache as the command line's;
each day asked for is merged from that one reading.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from geo.attribution import Attribution, load_attribution
from geo.boundaries import Boundaries, load_boundaries
from geo.export import DEFAULT_DPI, MapInputs, sites_csv, sites_geojson, static_map
from geo.export_time import (
    cadence_text,
    check_time_request,
    panel_days,
    panels_of,
    small_multiples,
    timeline_chart,
)
from geo.files import write_atomically
from geo.merge import sites_frame
from geo.pipeline import Result, merged_on, run, weighed_statements
from geo.project import Project, open_project
from geo.register import parse_day
from geo.render import render_map

if TYPE_CHECKING:
    import geopandas as gpd

FRAME_HEIGHT_PX = 520


def open_mission(
    folder: str | Path = ".", seeds: str = "seeds", data: str = "data", cache: bool = True
) -> MissionProject:
    """The project in ``folder``: its reports in ``folder/seeds``, its data in ``folder/data``.

    Raises :class:`~geo.errors.GeoError` when the seeds folder does not exist.
    """
    root = Path(folder)
    return MissionProject(open_project(root / seeds, root / data), cache)


class MissionProject:
    """A project's sites, map and exports, as of any day."""

    def __init__(self, project: Project, cache: bool = True) -> None:
        self.project = project
        self.cache = cache

    @cached_property
    def _read(self) -> Result:
        """The reports read once; every day asked for is merged from them."""
        return run(self.project, cache=self.cache)

    def result(self, as_of: str | dt.date | None = None) -> Result:
        """The pipeline's result: every report, reading and merged site, as of a day."""
        day = _day(as_of)
        if day is None:
            return self._read
        return replace(self._read, merged=merged_on(self._read, day), until=day)

    def sites(self, as_of: str | dt.date | None = None) -> gpd.GeoDataFrame:
        """The sites as they stood at the end of ``as_of`` (default: every statement)."""
        return sites_frame(self.result(as_of).merged.sites)

    def map(self, as_of: str | dt.date | None = None) -> MapPage:
        """The interactive map, as of a day; it shows itself in a notebook."""
        result = self.result(as_of)
        page = render_map(
            result.merged.sites, result.mission, result.as_of, self.boundaries, self.attribution
        )
        return MapPage(page, title=result.mission.title)

    def export(
        self,
        fmt: str,
        as_of: str | dt.date | None = None,
        dpi: int = DEFAULT_DPI,
        every: str | None = None,
        dates: Sequence[str | dt.date] | None = None,
    ) -> bytes | str:
        """A static map (``png``, ``svg``, ``pdf``: bytes) or the sites (``geojson``, ``csv``: text).

        With ``every="month"`` (or ``"week"``) or a list of ``dates``, one figure of
        small multiples: a map of the sites at the end of each day, as the command
        line's ``--every`` and ``--dates``.
        """
        check_time_request(fmt, every, dates, as_of)
        if every is not None or dates is not None:
            result = self.result()
            days = panel_days(weighed_statements(result.confirmed, result.register), every, dates)
            panels = panels_of(result, days)
            return small_multiples(panels, self._inputs(result), fmt, dpi, cadence_text(every))
        result = self.result(as_of)
        frame = sites_frame(result.merged.sites)
        if fmt == "geojson":
            return sites_geojson(frame)
        if fmt == "csv":
            return sites_csv(frame)
        return static_map(frame, self._inputs(result), fmt, dpi)

    def timeline(
        self, fmt: str = "png", as_of: str | dt.date | None = None, dpi: int = DEFAULT_DPI
    ) -> bytes:
        """The timeline chart (PNG, SVG or PDF bytes): each site's status over time, up to ``as_of``."""
        result = self.result(as_of)
        return timeline_chart(result, self._inputs(result), fmt, dpi)

    def _inputs(self, result: Result) -> MapInputs:
        return MapInputs(
            mission=result.mission,
            as_of=result.as_of,
            documents=result.reports,
            boundaries=self.boundaries,
            attribution=self.attribution,
        )

    @cached_property
    def boundaries(self) -> Boundaries:
        return load_boundaries(self.project.boundaries_dir, self._read.mission.countries)

    @cached_property
    def attribution(self) -> tuple[Attribution, ...]:
        return load_attribution(self.project.data_file("attribution.yaml"))


@dataclass(frozen=True)
class MapPage:
    """A built map page: its HTML, shown in a frame of its own by Jupyter.

    >>> frame = MapPage("<p>Gao & co</p>", "Sites")._repr_html_()
    >>> frame.startswith('<iframe title="Sites" srcdoc="&lt;p&gt;Gao &amp; co&lt;/p&gt;"')
    True
    """

    html: str
    title: str = "Map"
    height: int = FRAME_HEIGHT_PX

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (atomically: a failure leaves the old file)."""
        target = Path(path)
        write_atomically(target, self.html)
        return target

    def _repr_html_(self) -> str:
        # srcdoc in a sandbox without same-origin: the page's scripts run in their own
        # document, so two maps in one notebook share no globals and no element ids.
        return (
            f'<iframe title="{html.escape(self.title)}" srcdoc="{html.escape(self.html)}"'
            f' sandbox="allow-scripts allow-popups" loading="lazy"'
            f' style="width: 100%; height: {self.height}px; border: 0"></iframe>'
        )


def _day(value: str | dt.date | None) -> dt.date | None:
    """A day given as a date or as YYYY-MM-DD text; not after today."""
    if value is None or isinstance(value, dt.date):
        return value
    return parse_day(value, dt.date.today(), "as_of")
