"""``missionmap summary``: the sites as a table for the body of a report."""

from __future__ import annotations

from pathlib import Path

import click

from geo.cli.options import (
    ReadingOptions,
    cache_option,
    check_suffix,
    data_option,
    out_option,
    reading_options,
    seeds_option,
)
from geo.cli.output import say_lines
from geo.cli.reading import run_pipeline
from geo.files import write_output
from geo.project import open_project
from geo.report import summary_html, summary_markdown

WRITERS = {"md": summary_markdown, "html": summary_html}
SUFFIXES = {"md": (".md", ".markdown", ".txt"), "html": (".html", ".htm")}


@click.command()
@click.option(
    "--format",
    "fmt",
    default="md",
    show_default=True,
    type=click.Choice(tuple(WRITERS), case_sensitive=False),
    help="md: a Markdown table; html: an HTML fragment.",
)
@out_option("Also write the table to this file.")
@seeds_option
@data_option
@cache_option
@reading_options
def summary(
    fmt: str, out: Path | None, seeds: str, data: str, cache: bool, reading: ReadingOptions
) -> None:
    """Print a table of the sites for a report: counts per status, then one row per site.

    Each row gives the site's status, whether a person confirmed it, a machine read
    it or it is unconfirmed (read below the mission's confidence threshold), the date
    of the statement and its source.

    \b
    Examples:
        missionmap summary                     # Markdown
        missionmap summary --format html --out report/sites.html
    """
    fmt = fmt.lower()
    check_suffix(out, SUFFIXES[fmt], f"--format {fmt} writes {SUFFIXES[fmt][0]}")
    result = run_pipeline(open_project(seeds, data), cache, reading=reading)
    table = WRITERS[fmt](result.merged.sites, result.mission, result.as_of)
    if out is not None:
        write_output(out, table)
    say_lines(table)
