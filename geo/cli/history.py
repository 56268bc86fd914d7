"""``missionmap history``: every statement about a site, oldest first."""

from __future__ import annotations

import click

from geo.cli.options import (
    ReadingOptions,
    cache_option,
    data_option,
    json_option,
    reading_options,
    seeds_option,
)
from geo.cli.output import say, say_json
from geo.cli.reading import run_pipeline
from geo.merge import statement_record
from geo.project import open_project
from geo.register import RECORDED_FORMAT, resolve_site
from geo.report import plural

# "Ana accepted Gao closed", "Ana corrected Gao to closed".
VERDICT_WORDS = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}


@click.command()
@click.argument("site", required=False)
@seeds_option
@data_option
@json_option
@cache_option
@reading_options
def history(
    site: str | None, seeds: str, data: str, as_json: bool, cache: bool, reading: ReadingOptions
) -> None:
    """Every statement about SITE (or every site), oldest first.

    Each step has its date, status, source and evidence, from the reports and
    the manual entries alike; then come the conflicts met on the way, and every
    decision people made on the machine's readings (missionmap review). Of many
    reports saying the same of a site on one day, the first few are steps and
    the others are counted.

    \b
    Example:
        missionmap history Gao
        missionmap history --json
    """
    result = run_pipeline(open_project(seeds, data), cache, reading=reading)
    chosen = result.merged.sites
    decided = result.register.decisions
    if site is not None:
        place = resolve_site(result.gazetteer, site, "SITE")
        chosen = tuple(s for s in chosen if s.place.id == place.id)
        decided = tuple(d for d in decided if d.place.id == place.id)
        if not chosen:
            say(f"No statement about {place.name} yet.", err=True)
    steps = [
        {"site": s.place.name, "id": s.place.id} | statement_record(e) | {"manual": e.is_manual}
        for s in chosen
        for e in s.history
    ]
    ids = {s.place.id for s in chosen}
    conflicts = [
        {
            "site": c.place.name,
            "id": c.place.id,
            "kept": c.kept.status.value,
            "other": c.other.status.value,
            "reason": c.reason,
        }
        for c in result.merged.conflicts
        if c.place.id in ids
    ]
    decisions = [
        {
            "site": d.place.name,
            "id": d.place.id,
            "reading": d.reading,
            "verdict": d.verdict.value,
            "status": d.status.value,
            "date": d.date.isoformat() if d.date else None,
            "report": d.report,
            "by": d.by,
            "decided": d.decided.strftime(RECORDED_FORMAT),
        }
        for d in decided
    ]
    if as_json:
        say_json({"history": steps, "conflicts": conflicts, "decisions": decisions})
        return
    for s in chosen:
        say(s.place.name)
        for e in s.history:
            date = e.date.isoformat() if e.date else "undated"
            say(f"  {date:<10}  {e.status.value:<12} {e.source}")
            if e.quote:
                say(f"              “{e.quote}”")
        if s.left_out:
            say(f"  and {plural(s.left_out, 'more report')} saying the same on these days")
        for c in conflicts:
            if c["id"] == s.place.id:
                say(f"  conflict: {c['reason']}")
    if decisions:
        say("Decisions on the machine's readings")
        for d in decisions:
            say(
                f"  {d['decided']}  {d['by']} {VERDICT_WORDS[d['verdict']]} {d['site']}"
                f"{' to' if d['verdict'] == 'correct' else ''}"
                f" {d['status']} ({d['date'] or 'undated'}), {d['report']} [{d['reading']}]"
            )
