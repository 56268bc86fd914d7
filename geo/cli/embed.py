"""``missionmap embed``: the ``<iframe>`` that puts the map in a CMS page or report."""

from __future__ import annotations

from pathlib import Path

import click

from geo.cli.options import check_suffix, data_option, out_option
from geo.cli.output import complain, say_lines
from geo.files import write_output
from geo.project import load_mission, open_data
from geo.report import embed_snippet


@click.command()
@click.option(
    "--src",
    help="Address of the map page, as the CMS will serve it.  [default: maps/<mission>.html]",
)
@out_option("Also write the snippet to this file.")
@data_option
def embed(src: str | None, out: Path | None, data: str) -> None:
    """Print an <iframe> snippet to paste into a CMS or report.

    The frame is as wide as the column it is pasted in, and its height follows
    its width; its title names the map for screen readers.

    \b
    Example:
        missionmap embed --src https://example.org/maps/minusma.html
    """
    check_suffix(out, (".html", ".htm", ".txt"), "the snippet is HTML")
    mission = load_mission(open_data(data))
    default = Path("maps") / f"{mission.slug}.html"
    if src is None and not default.exists():
        complain("note", f"{default} is not built yet: run missionmap build")
    snippet = embed_snippet(src or default.as_posix(), mission.title)
    if out is not None:
        write_output(out, snippet + "\n")
    say_lines(snippet)
