"""``missionmap export``: the map for a report -- PNG, SVG, PDF, GeoJSON or CSV."""

from __future__ import annotations

from pathlib import Path

import click

from geo.attribution import load_attribution
from geo.boundaries import load_boundaries
from geo.cli.options import (
    ReadingOptions,
    as_of_option,
    cache_option,
    check_suffix,
    data_option,
    default_out,
    out_option,
    reading_options,
    seeds_option,
)
from geo.cli.output import say
from geo.cli.reading import run_pipeline
from geo.export import (
    DEFAULT_DPI,
    DPI_RANGE,
    FORMATS,
    STATIC_FORMATS,
    MapInputs,
    sites_csv,
    sites_geojson,
    static_map,
)
from geo.export_time import (
    MAX_PANELS,
    cadence_text,
    check_time_request,
    panel_days,
    panels_of,
    small_multiples,
    timeline_chart,
)
from geo.files import write_output
from geo.merge import sites_frame
from geo.pipeline import weighed_statements
from geo.project import open_project
from geo.report import plural

TIMELINE = "timeline"


@click.command()
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice((*FORMATS, TIMELINE), case_sensitive=False),
    help="png, svg or pdf: a static map; geojson or csv: the sites for GIS and spreadsheets; "
    "timeline: each site's status over time, one row per site (PNG, or SVG or PDF by the "
    "suffix of --out).",
)
@out_option(
    "File to write.  [default: maps/<mission>.<format>, maps/<mission>-<day>.<format> with "
    "--as-of, maps/<mission>-by-month.<format> with --every month (-by-week, -by-date with "
    "--dates), maps/<mission>-timeline.png]"
)
@click.option(
    "--dpi",
    type=click.IntRange(*DPI_RANGE),
    help=f"PNG resolution in dots per inch, {DPI_RANGE[0]} to {DPI_RANGE[1]}; "
    f"the map is 8 inches wide.  [default: {DEFAULT_DPI}]",
)
@click.option(
    "--every",
    metavar="month|week",
    help="Small multiples: one map per month (the last day of each month, from the month of "
    "the first dated statement to the month of the last) or per week (each Sunday, from the "
    f"week of the first to the week of the last), at most {MAX_PANELS}; png, svg or pdf.",
)
@click.option(
    "--dates",
    metavar="DAY,DAY,...",
    help="Small multiples: one map at the end of each day listed (YYYY-MM-DD, oldest first, "
    f"at most {MAX_PANELS}).",
)
@seeds_option
@data_option
@cache_option
@as_of_option
@reading_options
def export(
    fmt: str,
    out: Path | None,
    dpi: int | None,
    every: str | None,
    dates: str | None,
    seeds: str,
    data: str,
    cache: bool,
    as_of: str | None,
    reading: ReadingOptions,
) -> None:
    """Write the map as PNG, SVG or PDF, or the sites as GeoJSON or CSV, for a report.

    Made from the same reports and data as the interactive map. --every or --dates
    draws one map per day on one figure (small multiples); --format timeline draws
    each site's status over time.

    \b
    Examples:
        missionmap export --format png                # maps/<mission>.png, 1600 px wide
        missionmap export --format pdf --out report/map.pdf
        missionmap export --format geojson            # opens in QGIS
        missionmap export --format csv --as-of 2023-11-15
        missionmap export --format png --every month  # maps/<mission>-by-month.png
        missionmap export --format svg --dates 2023-08-31,2023-10-31,2023-12-31
        missionmap export --format timeline --out report/timeline.pdf
    """
    fmt = fmt.lower()
    listed = None if dates is None else [day.strip() for day in dates.split(",")]
    check_time_request(fmt, every, listed, as_of, option="--")
    image = _image_format(fmt, out)
    if dpi is not None and image != "png":
        raise click.BadOptionUsage("dpi", f"--dpi applies to --format png only, not {image}.")
    project = open_project(seeds, data)
    result = run_pipeline(project, cache, as_of, reading)
    frame = sites_frame(result.merged.sites)
    inputs = MapInputs(
        mission=result.mission,
        as_of=result.as_of,
        documents=result.reports,
        boundaries=load_boundaries(project.boundaries_dir, result.mission.countries),
        attribution=load_attribution(project.data_file("attribution.yaml")),
    )
    resolution = dpi or DEFAULT_DPI
    slug = result.mission.slug
    if listed is not None or every is not None:
        statements = weighed_statements(result.confirmed, result.register)
        days = panel_days(statements, every, listed, option="--")
        panels = panels_of(result, days)
        payload: str | bytes = small_multiples(
            panels, inputs, image, resolution, cadence_text(every)
        )
        tag = f"by-{every}" if every else "by-date"
        target = out or default_out(f"{slug}-{tag}", None, image)
        summary = f"Exported {plural(len(panels), 'map')} as one {image.upper()}"
    elif fmt == TIMELINE:
        payload = timeline_chart(result, inputs, image, resolution)
        target = out or default_out(f"{slug}-timeline", as_of, image)
        summary = f"Exported the timeline of {plural(len(frame), 'site')} as {image.upper()}"
    else:
        if fmt in STATIC_FORMATS:
            payload = static_map(frame, inputs, fmt, resolution)
        elif fmt == "geojson":
            payload = sites_geojson(frame)
        else:
            payload = sites_csv(frame)
        target = out or default_out(slug, as_of, fmt)
        summary = f"Exported {len(frame)} sites as {fmt.upper()}"
    write_output(target, payload)
    say(f"{summary} to {target}")


def _image_format(fmt: str, out: Path | None) -> str:
    """The file format to write: ``fmt``, or for a timeline PNG unless ``--out`` names SVG or PDF."""
    named = out if out is not None and out.suffix else None  # a name without one is fine
    if fmt == TIMELINE:
        check_suffix(named, tuple(f".{f}" for f in STATIC_FORMATS), "a timeline is an image")
        return named.suffix.lower().lstrip(".") if named is not None else "png"
    check_suffix(named, (f".{fmt}",), f"the file is {fmt.upper()}")
    return fmt
