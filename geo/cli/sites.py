"""``missionmap sites``: the current merged state, one row per site."""

from __future__ import annotations

import click

from geo.cli.options import cache_option, data_option, json_option, seeds_option
from geo.cli.output import say, say_json
from geo.cli.reading import run_pipeline
from geo.merge import place_record, site_record
from geo.project import open_project


@click.command()
@seeds_option
@data_option
@json_option
@cache_option
def sites(seeds: str, data: str, as_json: bool, cache: bool) -> None:
    """Each site's status now, reports and manual entries merged.

    Sites in data/sites.csv that nobody has given a status yet are listed
    with no status; they are not on the map.

    \b
    Example:
        missionmap sites --json
    """
    result = run_pipeline(open_project(seeds, data), cache)
    rows = [site_record(s) | {"kind": s.kind, "note": s.note} for s in result.merged.sites]
    rows += [
        place_record(n.place) | {"kind": n.kind, "note": n.note}
        for n in result.merged.without_status
    ]
    if as_json:
        say_json({"sites": rows})
        return
    for row in rows:
        say(
            f"{row['site']:<20} {row['status'] or 'no status':<12} {row['date'] or '-':<10}"
            f"  {row['lat']:9.5f} {row['lon']:10.5f}  {row['source'] or '-'}"
        )
        if row["evidence"]:
            say(f"    “{row['evidence']}”")
