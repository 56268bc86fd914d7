"""``missionmap sites``: the current merged state, one row per site."""

from __future__ import annotations

import click

from geo.cli.options import (
    ReadingOptions,
    as_of_option,
    cache_option,
    data_option,
    json_option,
    reading_options,
    seeds_option,
)
from geo.cli.output import say, say_json
from geo.cli.reading import run_pipeline
from geo.merge import conflict_record, place_record, site_record
from geo.project import open_project
from geo.report import confirmation_text


@click.command()
@seeds_option
@data_option
@json_option
@cache_option
@as_of_option
@reading_options
def sites(
    seeds: str,
    data: str,
    as_json: bool,
    cache: bool,
    as_of: str | None,
    reading: ReadingOptions,
) -> None:
    """Each site's status now, reports and manual entries merged.

    Each site says whether a person confirmed its status, a machine read it
    (with its confidence) or it is unconfirmed, and lists the reports of the
    same day that say otherwise. Sites in data/sites.csv that nobody has given
    a status yet are listed with no status; they are not on the map.

    \b
    Example:
        missionmap sites --json
        missionmap sites --as-of 2023-11-15
    """
    result = run_pipeline(open_project(seeds, data), cache, as_of, reading)
    rows = [
        site_record(s)
        | {
            "kind": s.kind,
            "note": s.note,
            "conflicts": [conflict_record(c, s) for c in s.same_day_conflicts],
        }
        for s in result.merged.sites
    ]
    rows += [
        place_record(n.place) | {"kind": n.kind, "note": n.note, "conflicts": []}
        for n in result.merged.without_status
    ]
    if as_json:
        say_json({"sites": rows})
        return
    words = {s.place.id: confirmation_text(s) for s in result.merged.sites}
    for row in rows:
        say(
            f"{row['site']:<20} {row['status'] or 'no status':<12} {row['date'] or '-':<10}"
            f"  {row['lat']:9.5f} {row['lon']:10.5f}  {row['source'] or '-'}"
        )
        if row["evidence"]:
            say(f"    “{row['evidence']}”")
            say(f"    {words[row['id']]}")
        for other in row["conflicts"]:
            say(
                f"    conflicting report: {other['status']} ({other['date'] or 'undated'},"
                f" {other['source']}): {other['reason']}"
            )
            say(f"      “{other['evidence']}”")
