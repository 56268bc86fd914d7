"""Options that several commands share, spelled the same everywhere."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import click

from geo.terminal import visible

seeds_option = click.option(
    "--seeds",
    default="seeds",
    show_default=True,
    type=click.Path(path_type=str),
    help="Folder of seed reports (*.txt, *.md) and archives of them, or one archive:"
    " JSON Lines (*.jsonl), *.zip or *.tar.gz.",
)
data_option = click.option(
    "--data",
    default="data",
    show_default=True,
    type=click.Path(file_okay=False, path_type=str),
    help="Project data folder (register, and overrides of the bundled gazetteer).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
cache_option = click.option(
    "--cache/--no-cache",
    default=True,
    show_default=True,
    help="Keep what each report says in .missionmap-cache/ and parse only new or changed "
    "reports; --no-cache reads every report afresh and leaves the cache alone.",
)

as_of_option = click.option(
    "--as-of",
    metavar="YYYY-MM-DD",
    help="The sites as they stood at the end of this day: later statements are left out.",
)


@dataclass(frozen=True)
class ReadingOptions:
    """How to read a large archive: its JSON field names, where, and whether to show progress."""

    fields: tuple[str, ...] = ()  # --field KEY=NAME
    workers: int | None = None  # --workers N: a local Dask cluster of N processes
    scheduler: str | None = None  # --scheduler ADDRESS: an existing Dask cluster
    quiet: bool = False


_READING_OPTIONS = (
    click.option(
        "--field",
        "fields",
        multiple=True,
        metavar="KEY=NAME",
        help="In JSON Lines, the field that holds a report's KEY (text, date, title, source,"
        " url, lang, note), e.g. --field text=body. Repeat for several.",
    ),
    click.option(
        "--workers",
        type=click.IntRange(min=1),
        help="Read on a local Dask cluster of this many processes.",
    ),
    click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="Read on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786).",
    ),
    click.option("--quiet", is_flag=True, help="No progress bar."),
)


def reading_options(command):
    """Add --field, --workers, --scheduler and --quiet to ``command``, which receives them as
    one ``reading`` :class:`ReadingOptions`."""

    @functools.wraps(command)
    def with_reading(*args, fields, workers, scheduler, quiet, **kwargs):
        if workers is not None and scheduler is not None:
            raise click.UsageError("give --workers or --scheduler, not both")
        options = ReadingOptions(tuple(fields), workers, scheduler, quiet)
        return command(*args, reading=options, **kwargs)

    for option in reversed(_READING_OPTIONS):
        with_reading = option(with_reading)
    return with_reading


def default_out(slug: str, as_of: str | None, suffix: str) -> Path:
    """Where a command writes when not told: ``maps/<mission>.<suffix>``, dated with ``--as-of``.

    >>> default_out("minusma", None, "html").as_posix(), default_out("minusma", "2023-11-15", "png").as_posix()
    ('maps/minusma.html', 'maps/minusma-2023-11-15.png')
    """
    dated = f"-{as_of}" if as_of else ""
    return Path("maps") / f"{slug}{dated}.{suffix}"


def check_suffix(out: Path | None, suffixes: tuple[str, ...], what: str) -> None:
    """Refuse an ``--out`` whose suffix does not say what the file holds: HTML written to
    ``map.png`` would open as a broken image.

    >>> check_suffix(Path("maps/mali.png"), (".html", ".htm"), "the map page is HTML")
    Traceback (most recent call last):
    click.exceptions.BadParameter: maps/mali.png does not end in .html or .htm: the map page is HTML. Name it maps/mali.html.
    """
    if out is None or out.suffix.lower() in suffixes:
        return
    shown = visible(str(out))
    either = " or ".join(filter(None, (", ".join(suffixes[:-1]), suffixes[-1])))
    hint = f" Name it {visible(str(out.with_suffix(suffixes[0])))}." if out.stem else ""
    raise click.BadParameter(
        f"{shown} does not end in {either}: {what}.{hint}",
        param_hint="'--out'",
    )


def out_option(help_text: str):
    """``--out FILE``: the file a command writes (its folder is created)."""
    return click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help=help_text)
