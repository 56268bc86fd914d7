"""Reading a project's reports for a command, saying which ones had to be skipped.

Kept apart from :mod:`geo.cli.options` so that commands that read no reports
(geocode, status, embed) do not pay for importing the pipeline.
"""

from __future__ import annotations

from geo.cli.output import complain
from geo.pipeline import Result, run
from geo.project import Project


def run_pipeline(project: Project, cache: bool = True) -> Result:
    """Run the pipeline over ``project``; each report it could not read is named on stderr.

    A broken report is skipped and the others still count, so the command goes on.
    ``cache`` is the ``--cache/--no-cache`` option: whether kept readings are used.
    """
    result = run(project, cache=cache)
    for problem in result.problems:
        complain("skipped", problem)
    return result
