"""Reading a project's reports for a command, saying which ones had to be skipped.

Kept apart from :mod:`geo.cli.options` so that commands that read no reports
(geocode, status, embed) do not pay for importing the pipeline; Dask is imported
only when --workers or --scheduler asks for it.
"""

from __future__ import annotations

import datetime as dt
from contextlib import ExitStack

from geo.archives import JsonFields, expected_reports
from geo.cli import report_warnings
from geo.cli.options import ReadingOptions
from geo.cli.output import complain, progress_bar
from geo.pipeline import Result, run
from geo.project import Project
from geo.register import parse_day


def run_pipeline(
    project: Project,
    cache: bool = True,
    as_of: str | None = None,
    reading: ReadingOptions | None = None,
    details: bool = False,
) -> Result:
    """Run the pipeline over ``project``; each report it could not read is named on stderr.

    A broken report is skipped and the others still count, so the command goes on;
    so does a register warning (an incomplete last row of the ledger, left out).
    ``cache`` is the ``--cache/--no-cache`` option: whether kept readings are used;
    ``as_of`` the ``--as-of`` option, a day as typed (checked here); ``reading`` the
    options of :func:`geo.cli.options.reading_options`; ``details`` keeps every report
    and place name in the result.
    """
    reading = reading or ReadingOptions()
    today = dt.date.today()
    day = None if as_of is None else parse_day(as_of, today, "--as-of")
    fields = JsonFields.parse(reading.fields)
    with ExitStack() as stack:
        mapper = map
        if reading.workers is not None or reading.scheduler is not None:
            from geo.cluster import dask_mapper

            mapper = stack.enter_context(dask_mapper(reading.workers, reading.scheduler))
        total = None if reading.quiet else expected_reports(project.seeds)
        progress = stack.enter_context(progress_bar(total, reading.quiet))
        result = run(
            project,
            today=today,
            cache=cache,
            as_of=day,
            fields=fields,
            details=details,
            mapper=mapper,
            progress=progress,
        )
    for problem in result.problems:
        complain("skipped", problem)
    report_warnings(result.register.warnings)
    return result
