"""``missionmap extract``: what the reports say about each site, with the proof."""

from __future__ import annotations

import json

import click

from geo.cli.options import data_option, json_option, seeds_option
from geo.pipeline import run
from geo.project import open_project


@click.command()
@seeds_option
@data_option
@json_option
def extract(seeds: str, data: str, as_json: bool) -> None:
    """List the sites the reports name, their status and the sentence that proves it.

    \b
    Example:
        missionmap extract --seeds seeds --json
    """
    result = run(open_project(seeds, data))
    for problem in result.problems:
        click.echo(f"missionmap: skipped: {problem}", err=True)
    by_mention = {id(e.mention): e for e in result.statements}
    sites = [
        {
            "site": s.place.name,
            "id": s.place.id,
            "status": s.status.value,
            "date": s.evidence.date.isoformat() if s.evidence.date else None,
            "evidence": s.evidence.quote,
            "document": s.evidence.source,
        }
        for s in result.merged.sites
    ]
    mentions = [
        {
            "name": m.surface,
            "id": m.place.id,
            "document": m.document.path,
            "sentence": m.sentence.text,
            "status": by_mention[id(m)].status.value if id(m) in by_mention else None,
        }
        for m in result.mentions
    ]
    if as_json:
        click.echo(json.dumps({"sites": sites, "mentions": mentions}, ensure_ascii=False, indent=2))
        return
    for row in sites:
        click.echo(
            f"{row['site']:<20} {row['status']:<12} {row['date'] or 'undated':<10}  {row['document']}"
        )
        click.echo(f"    “{row['evidence']}”")
