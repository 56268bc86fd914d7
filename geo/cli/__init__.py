"""The ``missionmap`` command line: the only place that prints or exits.

Each command lives in a module of its own (``geo/cli/<command>.py``): it parses
its options, calls the library, and reports. Errors from the library are
:class:`~geo.errors.GeoError` s, caught here once and printed as one line.

A :class:`~geo.errors.DataWarning` (something passed over, such as an
incomplete last row of the ledger) is printed once, as one line, by
:func:`report_warnings`; the command goes on.

Exit codes: 0 success, 1 a problem with the user's input or data, 2 wrong usage.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

import click

from geo import __version__
from geo.cli.output import MESSAGE_LIMIT, complain
from geo.errors import DataWarning, GeoError
from geo.terminal import shorten, visible

# One module per command, each defining a click command of the same name.
COMMANDS = (
    "init",
    "build",
    "extract",
    "geocode",
    "status",
    "review",
    "sites",
    "history",
    "watch",
    "export",
    "embed",
    "summary",
)


def report_warnings(warnings: Iterable[DataWarning]) -> None:
    """Print each warning on one line of stderr."""
    for warning in warnings:
        complain("warning", warning)


def made_safe(error: click.ClickException) -> click.ClickException:
    """click's own error (a bad option value, an extra argument) with the user's text in it
    shown safely and cut to one readable line; click prints it with the usage, exit 2.

    >>> made_safe(click.UsageError("Got unexpected extra argument (" + chr(27) + "[2J)")).message
    'Got unexpected extra argument (\\\\x1b[2J)'
    """
    message = shorten(visible(error.format_message()), MESSAGE_LIMIT)
    if isinstance(error, click.UsageError):
        safe: click.ClickException = click.UsageError(message, error.ctx)
    else:
        safe = click.ClickException(message)
    safe.exit_code = error.exit_code
    return safe


class MissionMapGroup(click.Group):
    """Catches :class:`GeoError` once, for every command, and exits 1 without a traceback;
    click's own errors, which may quote what the user typed, are made safe to print."""

    def make_context(self, *args, **kwargs) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.ClickException as error:
            raise made_safe(error) from None

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except GeoError as error:
            complain("error", error)
            ctx.exit(1)
        except click.ClickException as error:
            raise made_safe(error) from None

    # Commands are imported when used, so that a quick one (geocode) does not
    # pay for the imports of the heavy ones (pandas, spaCy, matplotlib).
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module = importlib.import_module(f"geo.cli.{name}")
        return getattr(module, name.replace("-", "_"))


@click.group(
    cls=MissionMapGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "--version", "-V", prog_name="missionmap")
def main() -> None:
    """Turn reports about a peacekeeping mission into a map of its sites.

    Put the reports in seeds/, then:

    \b
        missionmap init DIR --mission NAME --country CC   # start a project
        missionmap build                  # writes maps/<mission>.html
        missionmap extract                # what each report says about each site
        missionmap sites                  # every site's current status, with its proof
        missionmap review                 # accept, reject or correct the machine's readings
        missionmap status set Gao closed --date 2023-12-20 --source "phone call"
        missionmap history Gao            # every statement about a site, oldest first
        missionmap watch                  # rebuild whenever a report or entry changes
        missionmap geocode Tombouctou     # where the gazetteer puts a name
        missionmap export --format png    # a static map (or svg, pdf, geojson, csv)
        missionmap summary                # a table of the sites for a report
        missionmap embed                  # an <iframe> snippet for a CMS
    """
