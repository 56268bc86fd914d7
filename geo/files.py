"""Files at the edges: reading text as UTF-8, showing paths, and writing so that a failed
run never leaves a half-written file."""

from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path

from geo.errors import DocumentError, GeoError


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``.

    Readers see the old file or the new one, never a mix; if anything fails
    the old file is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
        _sync_directory(path.parent)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _sync_directory(folder: Path) -> None:
    """Make the rename itself durable, so a power loss cannot bring the old file back."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_output(path: Path, payload: str | bytes) -> None:
    """Write an export atomically; a file that cannot be written is a :class:`GeoError`."""
    try:
        write_atomically(path, payload)
    except OSError as exc:
        raise GeoError(
            "cannot write the file",
            path=path,
            value=exc.strerror,
            fix="choose another --out, in a folder you can write to",
        ) from exc


def display_path(path: Path) -> str:
    """The path as users see it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def decode_utf8(raw: bytes, path: Path) -> str:
    """Decode UTF-8 (a byte-order mark is fine); name the line of the first bad byte.

    The text is brought to Unicode normal form C, so that an accent typed as a
    separate combining mark (e + U+0301) reads like the accented letter.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DocumentError(
            "not UTF-8 text",
            path=display_path(path),
            line=line,
            value=raw[exc.start : exc.start + 4],
            fix="save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)",
        ) from None
    return unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
