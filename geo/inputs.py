"""Reading what comes from outside, within bounds.

Reports, sidecars, the mission profile, the attribution list, the boundaries and
the gazetteer are all read through here: only regular files (a FIFO would hang the
read, ``/dev/zero`` would never end), and no symbolic link out of the folders the
caller names or round in a loop; at most so many bytes; text in UTF-8, with UTF-16
and UTF-32 recognised; YAML without anchors or aliases (an alias bomb of a few
hundred bytes expands to gigabytes) and no deeper than a few levels; JSON no deeper
than GeoJSON needs. Every refusal is a :class:`~geo.errors.GeoError` naming the
file and saying how to fix it.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

import yaml

from geo.errors import DataError, GeoError
from geo.files import decode_utf8
from geo.terminal import visible

KIB = 1024
MIB = 1024 * KIB
YAML_MAX_BYTES = 256 * KIB
YAML_MAX_DEPTH = 16
JSON_MAX_DEPTH = 32

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def shown_path(path: Path) -> str:
    """A path as users see it, safe to print: relative to the working folder where it is
    inside it, controls made visible, and a symbolic link named as itself, not its target.

    >>> shown_path(Path("/nowhere/seeds/a\\nb\\udcff.txt"))
    '/nowhere/seeds/a\\\\nb\\\\xff.txt'
    """
    try:
        shown = (path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):  # outside the folder; a loop in a parent
        shown = path.as_posix()
    return visible(shown)


def _check_regular(mode: int, shown: str, error: type[GeoError]) -> None:
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "something else")
        raise error(
            f"not a regular file but {kind}",
            path=shown,
            fix="put an ordinary file there, or move this one out of the folder",
        )


def read_limited(
    path: Path,
    limit: int,
    *,
    roots: tuple[Path, ...] = (),
    error: type[GeoError] = DataError,
    setting: str = "",
) -> bytes:
    """The bytes of ``path``, if it is a regular file of at most ``limit`` bytes.

    A symbolic link must lead, without a loop, to a file inside one of ``roots``
    (when given). ``setting`` names where the limit can be raised, for the message.
    """
    shown = shown_path(path)
    with open_regular(path, roots=roots, error=error) as handle:
        raw = read_bounded(handle, limit, shown, error=error, setting=setting)
    return raw


def open_regular(
    path: Path, *, roots: tuple[Path, ...] = (), error: type[GeoError] = DataError
) -> BinaryIO:
    """``path`` opened for reading in binary, if it is a regular file (see :func:`read_limited`
    for ``roots``): for reading a file too large to read whole, such as an archive."""
    shown = shown_path(path)
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        problem = "symbolic link that loops or leads nowhere" if path.is_symlink() else "not found"
        raise error(problem, path=shown, fix="replace it with the file itself") from None
    if roots and not any(target.is_relative_to(root.resolve()) for root in roots):
        raise error(
            "symbolic link that leads out of the project",
            path=shown,
            value=visible(str(target)),
            fix="copy the file into the project instead of linking to it",
        )
    try:
        _check_regular(os.stat(target).st_mode, shown, error)
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise error(
            "cannot read the file",
            path=shown,
            value=exc.strerror,
            fix="check that it exists and that you may read it",
        ) from None
    handle = os.fdopen(fd, "rb")
    try:
        _check_regular(os.fstat(fd).st_mode, shown, error)  # it may have changed since
    except GeoError:
        handle.close()
        raise
    return handle


def read_bounded(
    handle: BinaryIO,
    limit: int,
    shown: str,
    *,
    error: type[GeoError] = DataError,
    setting: str = "",
) -> bytes:
    """At most ``limit`` bytes from ``handle``, or ``error`` naming ``shown`` when it holds more:
    a member of an archive that claims to be small is still never read past the limit."""
    try:
        raw = handle.read(limit + 1)
    except OSError as exc:
        raise error("cannot read the file", path=shown, value=exc.strerror) from None
    if len(raw) > limit:
        raise error(
            f"larger than {size_text(limit)}",
            path=shown,
            fix=f"split it into smaller files{', or raise ' + setting if setting else ''}",
        )
    return raw


def size_text(count: int) -> str:
    """
    >>> size_text(1024 * 1024), size_text(256 * 1024), size_text(1000)
    ('1 MiB', '256 KiB', '1000 bytes')
    """
    for unit, name in ((MIB, "MiB"), (KIB, "KiB")):
        if count % unit == 0:
            return f"{count // unit} {name}"
    return f"{count} bytes"


# Byte-order marks, the longer first: UTF-32 LE's begins with UTF-16 LE's.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(raw: bytes, path: Path, error: type[GeoError] = DataError) -> str:
    """Text from bytes: UTF-8, or UTF-16/32 with a byte-order mark; other encodings are named.

    UTF-16 without a byte-order mark would otherwise pass for text full of NUL
    characters in which no name is ever found.

    >>> decode_text("Gao".encode("utf-16"), Path("a.txt"))
    'Gao'
    >>> decode_text("Gao".encode("utf-16-le"), Path("a.txt"))
    Traceback (most recent call last):
    geo.errors.DataError: a.txt:1: looks like UTF-16 LE without a byte-order mark. Fix: save it as UTF-8 (e.g. iconv -f UTF-16LE -t UTF-8).
    """
    for mark, codec in _BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            try:
                return decode_utf8(raw.decode(codec).encode("utf-8"), path)
            except UnicodeError:
                raise error(
                    f"not valid {codec.upper()} text",
                    path=shown_path(path),
                    fix="save it as UTF-8",
                ) from None
    if b"\x00" in raw:
        raise _nul_error(raw, path, error)
    try:
        return decode_utf8(raw, path)
    except GeoError as exc:
        raise error(
            exc.message, path=shown_path(path), line=exc.line, value=exc.value, fix=exc.fix
        ) from None


def _nul_error(raw: bytes, path: Path, error: type[GeoError]) -> GeoError:
    """What a file with NUL bytes most likely is: UTF-16 or UTF-32 without a mark, or binary."""
    head = raw[:4096]
    zeros = [head[offset::4].count(0) / max(1, len(head[offset::4])) for offset in range(4)]
    guesses = (
        ("UTF-32 LE", zeros[1] > 0.9 and zeros[2] > 0.9 and zeros[3] > 0.9),
        ("UTF-32 BE", zeros[0] > 0.9 and zeros[1] > 0.9 and zeros[2] > 0.9),
        ("UTF-16 LE", zeros[1] > 0.5 and zeros[3] > 0.5),
        ("UTF-16 BE", zeros[0] > 0.5 and zeros[2] > 0.5),
    )
    encoding = next((name for name, fits in guesses if fits), None)
    line = raw[: raw.index(b"\x00")].count(b"\n") + 1
    if encoding is None:
        return error(
            "holds NUL bytes: not a text file",
            path=shown_path(path),
            line=line,
            fix="save it as UTF-8 text",
        )
    return error(
        f"looks like {encoding} without a byte-order mark",
        path=shown_path(path),
        line=1,
        fix=f"save it as UTF-8 (e.g. iconv -f {encoding.replace(' ', '')} -t UTF-8)",
    )


class _Refused(yaml.YAMLError):
    def __init__(self, problem: str, mark: yaml.Mark | None):
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = mark


class BoundedLoader(yaml.SafeLoader):
    """PyYAML's safe loader without anchors and aliases, no deeper than
    :data:`YAML_MAX_DEPTH`, and with dates left as text for the caller to check."""

    _depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused("anchors and aliases (&name, *name) are not allowed", event.start_mark)
        if self._depth >= YAML_MAX_DEPTH:
            raise _Refused(f"nested deeper than {YAML_MAX_DEPTH} levels", event.start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


BoundedLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(
    text: str,
    path: str,
    *,
    what: str = "the file",
    first_line: int = 1,
    fix: str = "write it as 'key: value' lines",
    error: type[GeoError] = DataError,
) -> object:
    """YAML ``text`` from ``path`` (as shown) as plain data, within bounds.

    ``what`` names the text in messages ("metadata"); ``first_line`` is the line of
    the file the text starts on.

    >>> parse_yaml("a: &x [1]\\nb: *x", "m.yaml")
    Traceback (most recent call last):
    geo.errors.DataError: m.yaml:1: anchors and aliases (&name, *name) are not allowed. Fix: write each value out in full.
    >>> parse_yaml("date: 2023-12-11", "m.yaml")
    {'date': '2023-12-11'}
    """
    if len(text) > YAML_MAX_BYTES:
        raise error(
            f"{what} is longer than {size_text(YAML_MAX_BYTES)}",
            path=path,
            line=first_line,
            fix="keep it to a few short 'key: value' lines",
        )
    try:
        return yaml.load(text, Loader=BoundedLoader)
    except _Refused as exc:
        raise error(
            exc.problem,
            path=path,
            line=first_line + exc.problem_mark.line,
            fix="write each value out in full"
            if "alias" in exc.problem
            else "write plain 'key: value' lines",
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise error(
            f"{what} is not valid YAML",
            path=path,
            line=first_line + (mark.line if mark else 0),
            fix=fix,
        ) from None
    except (ValueError, OverflowError) as exc:  # an integer of more than 4,300 digits
        raise error(
            f"{what} holds a value that cannot be read",
            path=path,
            line=first_line,
            value=str(exc),
            fix=fix,
        ) from None


_BRACKET_PAIR = re.compile(r"\[[^\[\]{}]*\]|\{[^\[\]{}]*\}")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


def json_depth_exceeds(text: str, limit: int = JSON_MAX_DEPTH) -> bool:
    """Whether the arrays and objects of JSON ``text`` nest deeper than ``limit``.

    Each round removes the innermost pairs, so it takes as many rounds as the
    deepest nesting (GeoJSON needs six or so): linear for any real file, and
    stopped after ``limit`` rounds for a hostile one.

    >>> json_depth_exceeds('{"a": [[1, 2], ["]]]]"]]}', 3), json_depth_exceeds("[" * 50 + "]" * 50, 32)
    (False, True)
    """
    remaining = _JSON_STRING.sub('""', text)
    for _ in range(limit):
        remaining, removed = _BRACKET_PAIR.subn("", remaining)
        if not removed:
            return False
    return bool(re.search(r"[\[{]", remaining))


def parse_json(text: str, path: str, fix: str) -> object:
    """JSON ``text`` from ``path`` (as shown), no deeper than :data:`JSON_MAX_DEPTH`,
    without NaN or Infinity; :class:`DataError` otherwise."""
    if json_depth_exceeds(text):
        raise DataError(f"nested deeper than {JSON_MAX_DEPTH} levels", path=path, fix=fix)

    def refuse(constant: str):
        raise DataError("not a number allowed in JSON", path=path, value=constant, fix=fix)

    try:
        return json.loads(text, parse_constant=refuse)
    except json.JSONDecodeError as exc:
        raise DataError(
            "not valid JSON", path=path, line=exc.lineno, value=exc.msg, fix=fix
        ) from None
