"""Reading a project's reports for a command, saying which ones had to be skipped.

Kept apart from :mod:`geo.cli.options` so that commands that read no reports
(geocode, status, embed) do not pay for importing the pipeline; Dask is imported
only when --workers or --scheduler asks for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import ExitStack
from functools import partial
from pathlib import Path

from geo.archives import JsonFields, expected_reports
from geo.background import background_mapper, can_fork
from geo.cli import report_warnings
from geo.cli.options import ReadingOptions
from geo.cli.output import complain, progress_bar
from geo.model import Document
from geo.pipeline import Mapper, Result, run
from geo.project import Project
from geo.reading.cache import holds
from geo.register import parse_day


def run_pipeline(
    project: Project,
    cache: bool = True,
    as_of: str | None = None,
    reading: ReadingOptions | None = None,
    details: bool = False,
    preload: Sequence[str] = (),
) -> Result:
    """Run the pipeline over ``project``; each report it could not read is named on stderr.

    A broken report is skipped and the others still count, so the command goes on;
    so does a register warning (an incomplete last row of the ledger, left out).
    ``cache`` is the ``--cache/--no-cache`` option: whether kept readings are used;
    ``as_of`` the ``--as-of`` option, a day as typed (checked here); ``reading`` the
    options of :func:`geo.cli.options.reading_options`; ``details`` keeps every report
    and place name in the result. ``preload`` names the modules the command needs next:
    where it can (see :mod:`geo.background`), the reports are parsed in a forked process
    while this one imports them.
    """
    reading = reading or ReadingOptions()
    today = dt.date.today()
    day = None if as_of is None else parse_day(as_of, today, "--as-of")
    fields = JsonFields.parse(reading.fields)
    with ExitStack() as stack:
        mapper: Mapper = map
        if reading.workers is not None or reading.scheduler is not None:
            from geo.cluster import dask_mapper

            mapper = stack.enter_context(dask_mapper(reading.workers, reading.scheduler))
        elif preload and can_fork():
            needs_parsing = partial(_needs_parsing, project.cache_dir if cache else None)
            mapper = stack.enter_context(background_mapper(needs_parsing, preload))
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


def _needs_parsing(cache_dir: Path | None, documents: list[Document]) -> bool:
    """Whether reading ``documents`` most likely means parsing some: not all are cached."""
    return cache_dir is None or not all(holds(cache_dir, d) for d in documents)
