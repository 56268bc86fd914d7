"""Writing files so that a failed run never leaves a half-written one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from geo.errors import GeoError


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
