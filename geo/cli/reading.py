"""Reading a project's reports for a command, saying which ones had to be skipped.

Kept apart from :mod:`geo.cli.options` so that commands that read no reports
(geocode, status, embed) do not pay for importing the pipeline.
"""

from __future__ import annotations

import datetime as dt

from geo.cli import report_warnings
from geo.cli.output import complain
from geo.pipeline import Result, run
from geo.project import Project
from geo.register import parse_day


def run_pipeline(project: Project, cache: bool = True, as_of: str | None = None) -> Result:
    """Run the pipeline over ``project``; each report it could not read is named on stderr.

    A broken report is skipped and the others still count, so the command goes on;
    so does a register warning (an incomplete last row of the ledger, left out).
    ``cache`` is the ``--cache/--no-cache`` option: whether kept readings are used;
    ``as_of`` the ``--as-of`` option, a day as typed (checked here).
    """
    today = dt.date.today()
    day = None if as_of is None else parse_day(as_of, today, "--as-of")
    result = run(project, today=today, cache=cache, as_of=day)
    for problem in result.problems:
        complain("skipped", problem)
    report_warnings(result.register.warnings)
    return result
