"""What the commands print: every line made safe for a terminal first.

Report text, titles, file names and gazetteer names come from outside; printed
raw, an escape sequence in one of them would retitle the window or clear the
screen, and a newline would forge a line of output. Every command prints through
these functions, one line per call, never with ``click.echo`` directly.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import click

from geo.model import Conflict, Evidence
from geo.terminal import safe_json_text, shorten, visible

# An error, a warning or a note is one line: long enough for a path, a value and a fix.
MESSAGE_LIMIT = 400


def say(line: str = "", err: bool = False) -> None:
    """Print one line, its control characters made visible."""
    click.echo(visible(line), err=err)


def say_lines(text: str) -> None:
    """Print a block of lines (a table, a snippet) one safe line at a time."""
    for line in text.splitlines():
        say(line)


def complain(kind: str, problem: object) -> None:
    """One line on stderr, ``missionmap: <kind>: <problem>``, cut to a readable length.

    >>> from click.testing import CliRunner
    >>> shout = click.command()(lambda: complain("skipped", "a\\x1b[2J" + "b" * 500))
    >>> line = CliRunner().invoke(shout).output.rstrip("\\n")
    >>> line[:29], len(line), line[-2:]
    ('missionmap: skipped: a\\\\x1b[2J', 400, 'b…')
    """
    say(shorten(visible(f"missionmap: {kind}: {problem}"), MESSAGE_LIMIT), err=True)


def say_json(data: object) -> None:
    """Print ``data`` as indented JSON; no character of a string can act on the terminal."""
    click.echo(safe_json_text(json.dumps(data, ensure_ascii=False, indent=2)))


@contextmanager
def progress_bar(total: int | None, quiet: bool = False) -> Iterator[Callable[[int], None]]:
    """A progress bar of reports read, with reports/s and the time left, on stderr when it is
    a terminal; told how many more reports are done by calling what it yields. Silent when
    stderr is not a terminal, or with ``quiet``."""
    stream = sys.stderr
    if quiet or not stream.isatty():
        yield lambda done: None
        return
    from tqdm import tqdm

    with tqdm(total=total, unit=" reports", file=stream, leave=False, dynamic_ncols=True) as bar:
        yield bar.update


def conflict_lines(conflicts: Iterable[Conflict]) -> list[str]:
    """One line per statement kept over others: the one it was kept over, or how many and
    what they said. An archive of a hundred wire stories of one day gives one line, not a
    hundred.

    >>> import datetime as dt
    >>> from geo.model import Evidence, Place, Status
    >>> gao = Place("1", "Gao", 16.3, -0.0, "ML", "P", "PPLA")
    >>> def said(status, source):
    ...     return Evidence(gao, status, dt.date(2023, 10, 25), "...", source)
    >>> kept = said(Status.HANDED_OVER, "a.txt")
    >>> reason = "reports of the same date disagree"
    >>> print(conflict_lines([Conflict(gao, kept, said(Status.CLOSED, "b.txt"), reason)])[0])
    Gao: handed over (2023-10-25, a.txt) over closed (2023-10-25, b.txt): reports of the same date disagree
    >>> others = [said(Status.CLOSED, "b.txt"), said(Status.PENDING, "c.txt"), said(Status.CLOSED, "d.txt")]
    >>> print(conflict_lines([Conflict(gao, kept, other, reason) for other in others])[0])
    Gao: handed over (2023-10-25, a.txt) over 3 others (2 closed, 1 pending): reports of the same date disagree
    """
    grouped: dict[tuple[str, int, str], list[Conflict]] = {}
    for conflict in conflicts:
        grouped.setdefault((conflict.place.id, id(conflict.kept), conflict.reason), []).append(
            conflict
        )
    lines = []
    for group in grouped.values():
        first = group[0]
        if len(group) == 1:
            over = _statement(first.other)
        else:
            said = Counter(conflict.other.status.value for conflict in group)
            counts = ", ".join(f"{count} {status}" for status, count in sorted(said.items()))
            over = f"{len(group)} others ({counts})"
        lines.append(f"{first.place.name}: {_statement(first.kept)} over {over}: {first.reason}")
    return lines


def _statement(evidence: Evidence) -> str:
    day = evidence.date.isoformat() if evidence.date else "undated"
    return f"{evidence.status.value} ({day}, {evidence.source})"
