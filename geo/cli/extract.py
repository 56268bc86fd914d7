"""``missionmap extract``: what the reports say about each site, with the proof."""

from __future__ import annotations

import dataclasses

import click

from geo.cli.options import (
    ReadingOptions,
    cache_option,
    data_option,
    json_option,
    reading_options,
    seeds_option,
)
from geo.cli.output import complain, conflict_lines, say, say_json
from geo.cli.reading import run_pipeline
from geo.merge import Merged, merge, strongest_per_document
from geo.model import Evidence, Site
from geo.pipeline import Result
from geo.project import open_project
from geo.report import plural


@click.command()
@seeds_option
@data_option
@json_option
@cache_option
@reading_options
def extract(seeds: str, data: str, as_json: bool, cache: bool, reading: ReadingOptions) -> None:
    """List the sites the reports name, their status and the sentence that proves it.

    Only the reports speak here: manual entries of the register are left out
    (see `missionmap sites` for the merged state). A report that cannot be
    read is named on stderr with its line and skipped; the others are still
    read and the exit status is 0. Disagreements between reports are listed.
    Each reading shows how sure the reader is of it (its confidence, 0 to 1);
    --json adds why (the cue, its time, agent and link to the site) and each
    report's language, and whether it was detected.

    \b
    Example:
        missionmap extract --seeds seeds --json
    """
    result = run_pipeline(open_project(seeds, data), cache, reading=reading, details=True)
    merged = merge(strongest_per_document(result.statements))
    if as_json:
        say_json(extraction_json(result, merged))
        for line in conflict_lines(merged.conflicts):
            complain("conflict", line)
        return
    for line in table(merged.sites):
        say(line)
    if merged.conflicts:
        say()
        say("Conflicts (the first statement is the one kept):")
        for line in conflict_lines(merged.conflicts):
            say(f"  {line}")
    say()
    say(
        f"{plural(len(merged.sites), 'site')} from {plural(result.reports, 'document')}"
        f" ({plural(len(result.mentions), 'place name')},"
        f" {plural(len(result.statements), 'status statement')})."
    )


def extraction_json(result: Result, merged: Merged) -> dict:
    """``{"reports": [...], "sites": [...], "mentions": [...]}``.

    A report says its language and whether it was detected (its metadata gave
    none). A site and a mention carry the reading's confidence and reason; those
    of a mention that states no status are null.
    """
    read = {id(e.mention): e for e in result.statements}
    return {
        "reports": [
            {
                "document": document.path,
                "language": document.lang,
                "language_detected": document.lang_detected,
            }
            for document in result.documents
        ],
        "sites": [
            {
                "site": site.place.name,
                "id": site.place.id,
                "status": site.status.value,
                "date": _day(site.evidence.date),
                "evidence": site.evidence.quote,
                "document": site.evidence.source,
                **reading_json(site.evidence),
            }
            for site in merged.sites
        ],
        "mentions": [
            {
                "name": mention.surface,
                "id": mention.place.id,
                "document": mention.document.path,
                "sentence": mention.sentence.text,
                "status": read[id(mention)].status.value if id(mention) in read else None,
                **reading_json(read.get(id(mention))),
            }
            for mention in result.mentions
        ],
    }


def reading_json(statement: Evidence | None) -> dict:
    """How sure the reader is of ``statement`` and why: its confidence and reason.

    >>> reading_json(None)
    {'confidence': None, 'reason': None}
    """
    if statement is None:
        return {"confidence": None, "reason": None}
    reason = dataclasses.asdict(statement.reason) if statement.reason else None
    return {"confidence": statement.confidence, "reason": reason}


def table(sites: tuple[Site, ...]) -> list[str]:
    """One aligned row per site, with its reading's confidence, then its quoted evidence."""
    if not sites:
        return ["No site statuses found in the reports."]
    rows = [("SITE", "STATUS", "DATE", "CONFIDENCE", "DOCUMENT")] + [
        (
            s.place.name,
            s.status.value,
            _day(s.evidence.date) or "undated",
            f"{s.evidence.confidence:.2f}",
            s.evidence.source,
        )
        for s in sites
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for number, row in enumerate(rows):
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[4]]))
        if number:
            lines.append(" " * (widths[0] + 2) + f"“{sites[number - 1].evidence.quote}”")
    return lines


def _day(date) -> str | None:
    return date.isoformat() if date else None
