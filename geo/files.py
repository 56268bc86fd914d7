"""Files at the edges: reading text as UTF-8, showing paths, reading only regular files, and
writing so that a failed run never leaves a half-written file -- nor, after the next run, its
temporary file."""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from geo.errors import DataError, DocumentError, GeoError

# A temporary older than this is stale even if a process of its number runs: the number
# has been given to another process since. No write takes anywhere near this long.
STALE_AFTER_SECONDS = 24 * 3600


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``.

    Readers see the old file or the new one, never a mix; if anything fails
    the old file is left as it was. The temporary is ``.<name>.<pid>-<random>.tmp``;
    those that killed writers of the same file left behind are removed first.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path)
    _write_through(path, data, path.parent, f".{path.name}.{os.getpid()}-", durable=True)


def replace_file(path: Path, data: str | bytes, scratch: Path) -> None:
    """Write ``data`` to ``path`` through a temporary in ``scratch`` and a rename, without
    forcing either to disk.

    For the many small files a later run can do without, such as the reading cache's
    entries: readers see the old file or the new one, never a mix, but a power cut may lose
    the write or leave the file empty, which their reader must take for a missing one.
    Forcing each to disk costs more than the parse it saves. ``scratch`` is a folder on the
    same file system; the temporaries that killed writers leave there are removed by
    :func:`remove_stale_scratch`, once per run rather than once per write.
    """
    scratch.mkdir(parents=True, exist_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_through(path, data, scratch, f"{os.getpid()}-", durable=False)


def _write_through(
    path: Path, data: str | bytes, folder: Path, prefix: str, *, durable: bool
) -> None:
    """Write ``data`` to a temporary in ``folder`` named ``prefix...tmp``, then rename it over
    ``path``; ``durable`` forces the file and the rename to disk first."""
    fd, temporary = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
        if durable:
            sync_directory(path.parent)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_stale_scratch(scratch: Path) -> list[Path]:
    """Remove the temporaries in ``scratch`` (see :func:`replace_file`) whose writers were
    killed; return them. A live writer's temporary is left alone."""
    return _remove_stale(scratch.glob("*.tmp"), re.compile(r"(\d+)-[a-z0-9_]+\.tmp"))


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporaries of ``path`` that killed writers left behind; return them.

    A writer killed between creating its temporary and renaming it (kill -9, a
    power cut) cannot clean up, so the next writer of the same file does. Another
    writer may be at work on the same file right now, so a temporary is only
    removed when the process whose number is in its name is gone, or when it is
    older than :data:`STALE_AFTER_SECONDS` (a name without a number, as earlier
    versions wrote them, waits for that). A live writer's temporary is never
    touched: its process exists. (Age alone would not do: a kill leaves a fresh
    temporary, and the next run may come a second later.)
    """
    pattern = re.compile(rf"\.{re.escape(path.name)}\.(?:(\d+)-)?[a-z0-9_]+\.tmp")
    return _remove_stale(path.parent.glob(f".{glob_escape(path.name)}.*.tmp"), pattern)


def _remove_stale(candidates: Iterable[Path], pattern: re.Pattern) -> list[Path]:
    """Remove the ``candidates`` whose names ``pattern`` matches (its group: the writer's
    process number, if any) and that are stale; return them."""
    removed = []
    for candidate in candidates:
        found = pattern.fullmatch(candidate.name)
        if found is None or not _is_stale(candidate, found.group(1)):
            continue
        candidate.unlink(missing_ok=True)
        removed.append(candidate)
    return removed


def glob_escape(name: str) -> str:
    """``name`` as a glob pattern that matches only itself.

    >>> glob_escape("events[1].csv")
    'events[[]1].csv'
    """
    return re.sub(r"([*?[])", r"[\1]", name)


def _is_stale(temporary: Path, pid: str | None) -> bool:
    try:
        age = time.time() - temporary.lstat().st_mtime
    except FileNotFoundError:
        return False  # its writer renamed it meanwhile
    if age > STALE_AFTER_SECONDS:
        return True
    return pid is not None and not _process_exists(int(pid))


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, as another user's process
    return True


def open_regular(path: Path, flags: int) -> int:
    """A descriptor of ``path`` opened with ``flags``; a folder, a FIFO or a device is refused.

    Opened without blocking, so that a FIFO put in a file's place cannot hang the run;
    a :class:`DataError` names the file and the fix.
    """
    try:
        fd = os.open(path, flags | os.O_NONBLOCK | os.O_CLOEXEC, 0o644)
    except IsADirectoryError:
        raise _not_a_file(path, "a folder") from None
    except OSError as exc:
        raise DataError(
            "cannot open the file",
            path=path,
            value=exc.strerror,
            fix=f"give your user access to it (e.g. chmod u+rw {path}), or move it out of the way",
        ) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise _not_a_file(path, "a folder" if stat.S_ISDIR(mode) else "a pipe or device")
    os.set_blocking(fd, True)
    return fd


def read_regular_file(path: Path) -> bytes:
    """The bytes of ``path``, which must be a regular file (see :func:`open_regular`)."""
    with os.fdopen(open_regular(path, os.O_RDONLY), "rb") as handle:
        return handle.read()


def _not_a_file(path: Path, what: str) -> DataError:
    return DataError(
        f"not a regular file but {what}",
        path=path,
        fix="move it out of the way; missionmap reads and writes a plain file of this name",
    )


def sync_directory(folder: Path) -> None:
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
