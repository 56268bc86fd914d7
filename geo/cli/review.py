"""``missionmap review``: a person confirms, rejects or corrects the machine's readings."""

from __future__ import annotations

import datetime as dt
import getpass
import subprocess
import sys
from collections.abc import Sequence
from functools import cached_property

import click

from geo.cli import report_warnings
from geo.cli.extract import reading_json
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
from geo.confirm import id_of, report_hash, sentence_key
from geo.errors import InvalidValueError
from geo.merge import statement_record
from geo.model import Decision, Evidence, Status, Verdict
from geo.pipeline import Result
from geo.project import Project, load_mission, open_project
from geo.register import append_decision, decided_by, parse_day, parse_status
from geo.review import QueueItem, review_queue

MIN_ID_PREFIX = 4

by_option = click.option(
    "--by",
    metavar="NAME",
    help="Who decides.  [default: git config user.name, else your login name]",
)


@click.group(invoke_without_command=True)
@seeds_option
@data_option
@json_option
@cache_option
@by_option
@reading_options
@click.pass_context
def review(
    ctx: click.Context,
    seeds: str,
    data: str,
    as_json: bool,
    cache: bool,
    by: str | None,
    reading: ReadingOptions,
) -> None:
    """Confirm the machine's readings: accept, reject or correct each one.

    The queue holds every reading nobody has decided on, most consequential
    first: reports that disagree about a site on the same day, then the
    readings a site's status on the map rests on, then the rest; the least
    certain first within each. In a terminal, one key decides:

    \b
        a accept   r reject   c correct   s skip   q quit

    Decisions are appended to data/reviews.csv with who decided and when, and
    hold through rebuilds and renamed reports. An accepted reading is shown
    as confirmed, a rejected one never returns, a correction becomes a manual
    statement citing the report.

    \b
    Example:
        missionmap review                         # the queue, one key per reading
        missionmap review --json                  # the queue for scripts
        missionmap review accept 3f2a9c01de
        missionmap review reject 3f2a
        missionmap review correct 3f2a closed --date 2023-12-20
    """
    ctx.obj = Session(open_project(seeds, data), cache, by, reading)
    if ctx.invoked_subcommand is not None:
        return
    queue = ctx.obj.queue()
    if as_json:
        say_json({"queue": [item_json(i) for i in queue]})
    elif sys.stdin.isatty() and sys.stdout.isatty():
        interactive(ctx.obj, queue, decider(by))
    else:
        list_queue(queue)


def verdict_command(verdict: Verdict, help_text: str) -> click.Command:
    """``review accept ID`` and ``review reject ID``: one decision, no more to say."""

    @review.command(verdict.value, help=help_text)
    @click.argument("reading_id", metavar="ID")
    @by_option
    @click.pass_obj
    def decide_one(session: Session, reading_id: str, by: str | None) -> None:
        report(session.decide(session.find(reading_id), verdict, decider(by or session.by)))

    return decide_one


accept = verdict_command(
    Verdict.ACCEPT, "Accept reading ID: it is right, and is shown as confirmed."
)
reject = verdict_command(
    Verdict.REJECT, "Reject reading ID: it is wrong, and leaves the queue and the map for good."
)


@review.command()
@click.argument("reading_id", metavar="ID")
@click.argument("status_text", metavar="STATUS")
@click.option("--date", help="The day it happened, YYYY-MM-DD.  [default: the reading's date]")
@by_option
@click.pass_obj
def correct(
    session: Session, reading_id: str, status_text: str, date: str | None, by: str | None
) -> None:
    """Correct reading ID: the report says STATUS (handed over, closed or pending)."""
    # The values first: a mistake in them is told before any report is read.
    status = parse_status(status_text, "STATUS")
    began = load_mission(session.project).began
    day = parse_day(date, dt.date.today(), "--date", began) if date is not None else None
    reading = session.find(reading_id)
    by = decider(by or session.by)
    report(session.decide(reading, Verdict.CORRECT, by, status, day or reading.date))


class Session:
    """The project under review: its readings, read once, and the decisions written so far."""

    def __init__(
        self,
        project: Project,
        cache: bool,
        by: str | None = None,
        reading: ReadingOptions | None = None,
    ) -> None:
        self.project = project
        self.cache = cache
        self.reading = reading
        self.by = by  # ``review --by``, for a decision whose own --by is not given
        self.decided = 0  # decisions written in this session

    @cached_property
    def result(self) -> Result:
        """The project's reports, read when a reading is first asked for."""
        return run_pipeline(self.project, self.cache, reading=self.reading)

    def queue(self) -> tuple[QueueItem, ...]:
        return review_queue(self.result.confirmed.readings, self.result.merged)

    def find(self, text: str) -> Evidence:
        """The reading whose id is ``text`` or starts with it (at least four characters)."""
        wanted = text.strip().lower()
        readings = {id_of(r): r for r in self.result.statements}
        matches = sorted(i for i in readings if i.startswith(wanted))
        if len(wanted) < MIN_ID_PREFIX or not matches:
            raise InvalidValueError(
                "no reading has this id",
                value=text,
                fix="take an id from 'missionmap review --json' (four characters or more)",
            )
        if len(matches) > 1:
            raise InvalidValueError(
                "several readings start with this id",
                value=text,
                fix="give more of it: " + ", ".join(matches[:5]),
            )
        return readings[matches[0]]

    def decide(
        self,
        reading: Evidence,
        verdict: Verdict,
        by: str,
        status: Status | None = None,
        date: dt.date | None = None,
    ) -> Decision:
        """Record a decision on ``reading`` in ``reviews.csv`` and return it."""
        assert reading.document is not None
        corrected = verdict is Verdict.CORRECT
        decision = Decision(
            reading=id_of(reading),
            verdict=verdict,
            place=reading.place,
            status=status if corrected and status else reading.status,
            date=date if corrected else reading.date,
            report=reading.source,
            report_hash=report_hash(reading.document),
            sentence=sentence_key(reading.quote),
            by=decided_by(by),
            decided=dt.datetime.now(dt.UTC).replace(microsecond=0),
        )
        warnings = append_decision(
            self.project.reviews_csv,
            decision,
            self.result.gazetteer,
            dt.date.today(),
            self.result.mission.began,
        )
        report_warnings(warnings)
        self.decided += 1
        return decision


def decider(by: str | None) -> str:
    """``--by``, else the name git knows the user by, else the login name."""
    if by is not None:
        return by
    try:
        name = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=5
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        name = ""
    return name or getpass.getuser()


def report(decision: Decision) -> None:
    say(f"{describe_decision(decision)}. Run 'missionmap build' to update the map.")


def describe_decision(decision: Decision) -> str:
    """``Accepted 3f2a9c01de: Gao pending (2023-12-11)``."""
    done = {Verdict.ACCEPT: "Accepted", Verdict.REJECT: "Rejected", Verdict.CORRECT: "Corrected"}
    day = decision.date.isoformat() if decision.date else "undated"
    return (
        f"{done[decision.verdict]} {decision.reading}: {decision.place.name}"
        f" {decision.status.value} ({day})"
    )


def item_json(item: QueueItem) -> dict:
    """A queue entry as ``review --json`` prints it."""
    reading = item.reading
    return {
        "id": item.id,
        "site": reading.place.name,
        "site_id": reading.place.id,
        "status": reading.status.value,
        "date": reading.date.isoformat() if reading.date else None,
        "confidence": reading.confidence,
        "confirmation": reading.confirmation.value,
        "document": reading.source,
        "evidence": reading.quote,
        "reason": reading_json(reading)["reason"],
        "weight": item.weight.value,
        "on_map": None if item.site is None else statement_record(item.site.evidence),
        "conflicting": [statement_record(other) for other in item.conflicting],
    }


def list_queue(queue: Sequence[QueueItem]) -> None:
    """The queue as text, for a pipe or a log: one block per reading."""
    if not queue:
        say("Nothing to review: every reading has been decided on.")
        return
    say(f"{len(queue)} reading(s) await review, most consequential first:")
    for item in queue:
        for line in item_lines(item):
            say("  " + line)
    say("Decide with: missionmap review accept ID | reject ID | correct ID STATUS [--date DAY]")


def item_lines(item: QueueItem) -> list[str]:
    """What a person needs to decide on one reading, as lines of text."""
    reading = item.reading
    day = reading.date.isoformat() if reading.date else "undated"
    lines = [
        f"{item.id}  {reading.place.name}: {reading.status.value} ({day}),"
        f" confidence {reading.confidence:.2f}, {reading.confirmation.value} -- {item.weight.value}",
        f"    report: {reading.source}",
        f"    “{reading.quote}”",
    ]
    if reading.reason is not None:
        lines.append(f"    why: {reading.reason.describe()}")
    if item.site is None:
        lines.append("    on the map now: nothing")
    elif item.site.evidence == reading:
        lines.append(f"    on the map now: {item.site.status.value}, resting on this reading")
    else:
        shown = item.site.evidence
        lines.append(
            f"    on the map now: {item.site.status.value}"
            f" ({shown.date.isoformat() if shown.date else 'undated'}, {shown.source})"
        )
    for other in item.conflicting:
        lines.append(f"    disagrees with: {other.status.value} in {other.source}: “{other.quote}”")
    return lines


STATUS_KEYS = {"h": Status.HANDED_OVER, "c": Status.CLOSED, "p": Status.PENDING}


def interactive(session: Session, queue: Sequence[QueueItem], by: str) -> None:
    """Walk the queue in a terminal: one key a reading; each decision is written at once."""
    if not queue:
        say("Nothing to review: every reading has been decided on.")
        return
    by = decided_by(by)
    try:
        walk(session, queue, by)
    except (KeyboardInterrupt, EOFError):
        say()
        say("Stopped.")
    say()
    say(
        f"{session.decided} decision(s) recorded in {session.project.reviews_csv}."
        " Run 'missionmap build' to update the map."
    )


def walk(session: Session, queue: Sequence[QueueItem], by: str) -> None:
    for number, item in enumerate(queue, 1):
        first, *rest = item_lines(item)
        say()
        say(f"[{number}/{len(queue)}] {first}")
        for line in rest:
            say(line)
        key = ask("[a]ccept  [r]eject  [c]orrect  [s]kip  [q]uit ? ", "arcsq")
        if key == "q":
            break
        if key == "s":
            continue
        if key == "c":
            status = STATUS_KEYS[ask("status: [h]anded over  [c]losed  [p]ending ? ", "hcp")]
            date = ask_date(item.reading.date, session.result.mission.began)
            decision = session.decide(item.reading, Verdict.CORRECT, by, status, date)
        else:
            verdict = Verdict.ACCEPT if key == "a" else Verdict.REJECT
            decision = session.decide(item.reading, verdict, by)
        say(describe_decision(decision) + ".")


def ask(prompt: str, keys: str) -> str:
    """Read one key among ``keys`` (case does not matter); other keys ask again."""
    click.echo(prompt, nl=False)  # a prompt of ours, on the line the key is typed on
    while True:
        key = click.getchar().lower()
        if key in keys:
            say(key)
            return key


def ask_date(default: dt.date | None, began: dt.date | None) -> dt.date | None:
    """A day typed as YYYY-MM-DD; Enter keeps ``default``; a bad day asks again."""
    shown = default.isoformat() if default else "undated"
    while True:
        text = click.prompt(f"date [{shown}]", default="", show_default=False).strip()
        if not text:
            return default
        try:
            return parse_day(text, dt.date.today(), "date", began)
        except InvalidValueError as error:
            say(f"  {error}")
