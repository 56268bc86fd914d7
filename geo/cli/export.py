"""``missionmap export``: the map for a report -- PNG, SVG, PDF, GeoJSON or CSV."""

from __future__ import annotations

from pathlib import Path

import click

from geo.attribution import load_attribution
from geo.boundaries import load_boundaries
from geo.cli.options import (
    as_of_option,
    cache_option,
    data_option,
    default_out,
    out_option,
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
from geo.files import write_output
from geo.merge import sites_frame
from geo.project import open_project


@click.command()
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(FORMATS, case_sensitive=False),
    help="png, svg or pdf: a static map; geojson or csv: the sites for GIS and spreadsheets.",
)
@out_option(
    "File to write.  [default: maps/<mission>.<format>, maps/<mission>-<day>.<format> with --as-of]"
)
@click.option(
    "--dpi",
    type=click.IntRange(*DPI_RANGE),
    help=f"PNG resolution in dots per inch, {DPI_RANGE[0]} to {DPI_RANGE[1]}; "
    f"the map is 8 inches wide.  [default: {DEFAULT_DPI}]",
)
@seeds_option
@data_option
@cache_option
@as_of_option
def export(
    fmt: str,
    out: Path | None,
    dpi: int | None,
    seeds: str,
    data: str,
    cache: bool,
    as_of: str | None,
) -> None:
    """Write the map as PNG, SVG or PDF, or the sites as GeoJSON or CSV, for a report.

    Made from the same reports and data as the interactive map.

    \b
    Examples:
        missionmap export --format png                # maps/<mission>.png, 1600 px wide
        missionmap export --format pdf --out report/map.pdf
        missionmap export --format geojson            # opens in QGIS
        missionmap export --format csv --as-of 2023-11-15
    """
    fmt = fmt.lower()
    if dpi is not None and fmt != "png":
        raise click.BadOptionUsage("dpi", f"--dpi applies to --format png only, not {fmt}.")
    if out is not None and out.suffix and out.suffix.lower() != f".{fmt}":
        raise click.BadParameter(
            f"{out} does not end in .{fmt}; name the file {out.with_suffix('.' + fmt)}",
            param_hint="'--out'",
        )
    project = open_project(seeds, data)
    result = run_pipeline(project, cache, as_of)
    frame = sites_frame(result.merged.sites)
    if fmt in STATIC_FORMATS:
        inputs = MapInputs(
            mission=result.mission,
            as_of=result.as_of,
            documents=len(result.documents),
            boundaries=load_boundaries(project.boundaries_dir, result.mission.countries),
            attribution=load_attribution(project.data_file("attribution.yaml")),
        )
        payload: str | bytes = static_map(frame, inputs, fmt, dpi or DEFAULT_DPI)
    elif fmt == "geojson":
        payload = sites_geojson(frame)
    else:
        payload = sites_csv(frame)
    target = out or default_out(result.mission.slug, as_of, fmt)
    write_output(target, payload)
    say(f"Exported {len(frame)} sites as {fmt.upper()} to {target}")
