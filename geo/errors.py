"""The one error hierarchy of missionmap.

Every problem with what a user gave us -- a seed file, a CSV row, a value on
the command line -- is raised as a :class:`GeoError` that says where it is
(file, line), what the offending value was, and how to fix it. The command line
catches them in one place and prints them; nothing else prints or exits.
"""

from __future__ import annotations

from pathlib import Path

from geo.terminal import shorten

# How much of an offending value an error quotes: enough to recognise it, never a wall of text.
VALUE_LIMIT = 80


class GeoError(Exception):
    """A problem with the user's input or data, with where it is and how to fix it.

    >>> str(GeoError("invalid date", path="seeds/a.txt", line=3, value="2023-13-01",
    ...              fix="write the date as YYYY-MM-DD"))
    "seeds/a.txt:3: invalid date: '2023-13-01'. Fix: write the date as YYYY-MM-DD."

    A long value is cut, so that one error stays one readable line:

    >>> error = str(GeoError("unknown metadata key", value="x" * 10_000))
    >>> len(error), error[-4:]
    (103, 'xx….')
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        value: object = None,
        fix: str | None = None,
    ) -> None:
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.value = value
        self.fix = fix
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        text = where + self.message
        if self.value is not None:
            text += f": {shorten(repr(self.value), VALUE_LIMIT)}"
        text += "."
        if self.fix:
            fix = self.fix.rstrip(".")
            text += f" Fix: {fix}" + ("" if fix.endswith(("?", "!")) else ".")
        return text


class DocumentError(GeoError):
    """A seed document that cannot be read: encoding, front matter, metadata."""


class DataError(GeoError):
    """A bundled or user data file (gazetteer, boundaries, register) that is wrong."""


class UnknownPlaceError(GeoError):
    """A place name the gazetteer does not know; carries spelling suggestions."""

    def __init__(self, name: str, suggestions: tuple[str, ...] = (), **kwargs) -> None:
        self.name = name
        self.suggestions = suggestions
        fix = kwargs.pop("fix", None)
        if fix is None:
            fix = (
                "did you mean " + ", ".join(suggestions) + "?"
                if suggestions
                else "check the spelling, or add the place to the gazetteer supplement"
            )
        super().__init__("unknown place", value=name, fix=fix, **kwargs)


class InvalidValueError(GeoError):
    """A value given on the command line or in a register row that is not allowed."""


class DataWarning(GeoError):
    """Something in a data file that is passed over, not refused: the run goes on.

    Never raised: a reader returns it with what it read (e.g. ``Register.warnings``)
    and the command line prints it once, as a warning.
    """
