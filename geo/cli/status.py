"""``missionmap status set``: record a site's status by hand, in the history ledger."""

from __future__ import annotations

import datetime as dt

import click

from geo.cli import report_warnings
from geo.cli.options import data_option
from geo.cli.output import say
from geo.gazetteer import load_gazetteer
from geo.project import load_mission, open_data
from geo.register import append_event, manual_statement


@click.group()
def status() -> None:
    """Record a site's status by hand: a phone call, a visit, a message.

    \b
    Example:
        missionmap status set Gao "handed over" --date 2024-07-22 \\
            --source "Lt Diallo, by phone" --note "keys handed to the governor"
    """


@status.command("set")
@click.argument("site")
@click.argument("status_text", metavar="STATUS")
@click.option("--date", help="Day it happened, YYYY-MM-DD.  [default: today]")
@click.option(
    "--source", help="Who or what says so, e.g. 'Lt Diallo, by phone'.  [default: manual]"
)
@click.option("--note", help="The evidence: what was said or seen.")
@data_option
def set_status(
    site: str, status_text: str, date: str | None, source: str | None, note: str | None, data: str
) -> None:
    """Append SITE's STATUS (handed over, closed or pending) to data/events.csv.

    SITE is a name the gazetteer knows (or its id). The entry is checked
    completely before anything is written; earlier rows are never changed: a
    correction is a new entry. The next build applies it. An incomplete last
    row, left by an entry that was stopped mid-write, is removed and named.

    \b
    Example:
        missionmap status set Tombouctou "handed over" --date 2023-12-28 --source "OCHA sitrep"
    """
    project = open_data(data)
    mission = load_mission(project)
    gazetteer = load_gazetteer(project.gazetteer_dir, *mission.countries)
    now = dt.datetime.now(dt.UTC)
    today = dt.date.today()
    entry = manual_statement(
        gazetteer,
        site,
        status_text,
        today.isoformat() if date is None else date,
        source,
        note,
        today,
        mission.began,
    )
    report_warnings(append_event(project.events_csv, entry, now, gazetteer, today, mission.began))
    say(
        f"Recorded {entry.place.name}: {entry.status.value} ({entry.date}, {entry.source})"
        f" in {project.events_csv}. Run 'missionmap build' to update the map."
    )
