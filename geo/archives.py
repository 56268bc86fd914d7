"""Reports that come in bulk: a JSON Lines export, a zip or a gzipped tar of report files.

``--seeds`` names a folder of ``.txt``/``.md`` reports and of such archives, or one
archive. :func:`read_seeds` yields the reports one at a time, never the whole
archive at once, each read or the problem that kept it from being read; a bad line
or member is named and skipped and the rest are read.

A report from an archive is shown, and cited on the map, by where it is inside it:
``seeds/wire.jsonl:42`` is line 42 of a JSON Lines file, ``seeds/batch.zip:reports/a.txt``
a member of a zip. The limits of a loose report hold for each one: no larger than
the mission allows (however small a compressed member claims to be, no more is
ever decompressed), only regular files, and no member whose path climbs out of the
archive (``../x.txt``) or starts at the root.
"""

from __future__ import annotations

import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields, replace
from functools import partial
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from geo.documents import (
    DEFAULT_BOUNDS,
    METADATA_KEYS,
    SEED_SUFFIXES,
    SIDECAR_SUFFIX,
    SIZE_SETTING,
    Read,
    document_from,
    metadata_value,
    seed_paths,
    split_front_matter,
    walk_seeds,
)
from geo.errors import DataError, DocumentError, GeoError, InvalidValueError
from geo.inputs import KIB, MIB, decode_text, open_regular, parse_json, read_bounded, shown_path
from geo.model import ReportBounds
from geo.terminal import visible

JSONL_SUFFIX = ".jsonl"
ZIP_SUFFIX = ".zip"
TAR_SUFFIXES = (".tar.gz", ".tgz")
ARCHIVE_SUFFIXES = (JSONL_SUFFIX, ZIP_SUFFIX, *TAR_SUFFIXES)
# A JSON line holds a report and its metadata: the report's limit, and room for the rest.
JSON_LINE_ROOM = 64 * KIB
_SKIP_CHUNK = 64 * KIB


@dataclass(frozen=True)
class JsonFields:
    """Which field of a JSON line holds each part of a report.

    >>> JsonFields.parse(["text=body", "date=published"]).date
    'published'
    """

    text: str = "text"
    date: str = "date"
    title: str = "title"
    source: str = "source"
    url: str = "url"
    lang: str = "lang"
    note: str = "note"

    @classmethod
    def parse(cls, pairs: Iterable[str]) -> JsonFields:
        """Fields from ``--field KEY=NAME`` values; a key that is not a part of a report is refused.

        >>> JsonFields.parse(["body=text"])
        Traceback (most recent call last):
        geo.errors.InvalidValueError: unknown report part in --field: 'body=text'. Fix: write --field KEY=NAME with KEY one of text, date, title, source, url, lang, note.
        """
        chosen = {}
        keys = [f.name for f in fields(cls)]
        for pair in pairs:
            key, equals, name = pair.partition("=")
            if key.strip() not in keys or not equals or not name.strip():
                raise InvalidValueError(
                    "unknown report part in --field",
                    value=pair,
                    fix="write --field KEY=NAME with KEY one of " + ", ".join(keys),
                )
            chosen[key.strip()] = name.strip()
        return replace(cls(), **chosen)


DEFAULT_FIELDS = JsonFields()


def is_archive(path: Path) -> bool:
    """Whether ``path`` is named as an archive of reports.

    >>> is_archive(Path("seeds/wire.jsonl")), is_archive(Path("seeds/Batch.TAR.GZ")), is_archive(Path("seeds/a.txt"))
    (True, True, False)
    """
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def read_seeds(
    seeds: Path,
    bounds: ReportBounds = DEFAULT_BOUNDS,
    fields: JsonFields = DEFAULT_FIELDS,
    *,
    detect: bool = True,
) -> Iterator[Read]:
    """The reports of ``seeds`` -- a folder of reports and archives, or one archive -- in order,
    one at a time: each a :class:`~geo.model.Document`, or the :class:`DocumentError` that
    names what could not be read. Without ``detect``, a report that does not declare its
    language is left for :func:`geo.documents.with_language` to detect it."""
    readers: dict[str, Callable[[Path], Iterator[Read]]] = {
        JSONL_SUFFIX: partial(read_jsonl, bounds=bounds, fields=fields, detect=detect),
        ZIP_SUFFIX: partial(read_zip, bounds=bounds, detect=detect),
        **{suffix: partial(read_tar, bounds=bounds, detect=detect) for suffix in TAR_SUFFIXES},
    }
    if seeds.is_dir():
        yield from walk_seeds(seeds, bounds, readers, detect=detect)
        return
    suffix = next(s for s in ARCHIVE_SUFFIXES if seeds.name.lower().endswith(s))
    yield from readers[suffix](seeds)


def expected_reports(seeds: Path) -> int | None:
    """About how many reports ``seeds`` holds, counted without reading them, for a progress
    bar; None when it cannot be known ahead (a gzipped tar must be read through to count)."""
    paths = seed_paths(seeds, (*SEED_SUFFIXES, *ARCHIVE_SUFFIXES)) if seeds.is_dir() else [seeds]
    count = 0
    for path in paths:
        name = path.name.lower()
        if name.endswith(TAR_SUFFIXES):
            return None
        try:
            if name.endswith(JSONL_SUFFIX):
                with open_regular(path) as handle:
                    count += sum(
                        chunk.count(b"\n") for chunk in iter(partial(handle.read, MIB), b"")
                    )
            elif name.endswith(ZIP_SUFFIX):
                with open_regular(path) as handle, zipfile.ZipFile(handle) as archive:
                    count += sum(1 for name in archive.namelist() if _wanted(name))
            else:
                count += 1
        except (GeoError, OSError, zipfile.BadZipFile):
            continue  # named when it is read
    return count


def read_jsonl(
    path: Path,
    bounds: ReportBounds = DEFAULT_BOUNDS,
    fields: JsonFields = DEFAULT_FIELDS,
    *,
    detect: bool = True,
) -> Iterator[Read]:
    """One report per line of a JSON Lines file; a blank line is passed over, a bad one named."""
    shown = shown_path(path)
    try:
        handle = open_regular(path, roots=bounds.roots, error=DocumentError)
    except DocumentError as error:
        yield error
        return
    limit = bounds.max_bytes + JSON_LINE_ROOM
    with handle:
        for number, raw in enumerate(_bounded_lines(handle, limit), start=1):
            if raw is None:
                yield DocumentError(
                    f"line longer than {limit // KIB} KiB",
                    path=shown,
                    line=number,
                    fix=f"split the report, or raise {SIZE_SETTING}",
                )
            elif raw.strip():
                try:
                    yield jsonl_report(
                        raw, path, number, bounds, fields, shown=shown, detect=detect
                    )
                except DocumentError as error:
                    yield error


def _bounded_lines(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Each line of ``handle``, or None for one longer than ``limit`` (read past, never kept)."""
    while line := handle.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def jsonl_report(
    raw: bytes,
    path: Path,
    line: int,
    bounds: ReportBounds,
    fields: JsonFields,
    *,
    shown: str | None = None,
    detect: bool = True,
) -> Read:
    """The report on ``line`` of the JSON Lines file ``path``. Raises :class:`DocumentError`.

    ``shown`` is ``shown_path(path)``, worth computing once for all the lines of a file.

    >>> jsonl_report(b'{"text": "Gao closed.", "date": "2023-12-11"}', Path("w.jsonl"), 3,
    ...              DEFAULT_BOUNDS, JsonFields()).path
    'w.jsonl:3'
    """
    shown = shown or shown_path(path)
    try:
        text = decode_text(raw, path, DocumentError)
    except DocumentError as error:
        raise DocumentError(error.message, path=shown, line=line, fix=error.fix) from None
    fix = 'write one JSON object per line, e.g. {"text": "...", "date": "2023-12-11"}'
    try:
        record = parse_json(text, shown, fix)
    except DataError as error:
        raise DocumentError(
            error.message, path=shown, line=line, value=error.value, fix=fix
        ) from None
    if not isinstance(record, dict):
        raise DocumentError("not a JSON object", path=shown, line=line, fix=fix)
    body = record.get(fields.text)
    if not isinstance(body, str) or not body.strip():
        raise DocumentError(
            f"no report text in the field '{fields.text}'",
            path=shown,
            line=line,
            fix="give each line its text, or name the field that holds it with --field text=NAME",
        )
    if len(body.encode("utf-8")) > bounds.max_bytes:
        raise DocumentError(
            f"report larger than {bounds.max_bytes // KIB} KiB",
            path=shown,
            line=line,
            fix=f"split it into smaller reports, or raise {SIZE_SETTING}",
        )
    metadata = {
        key: metadata_value(
            key,
            record.get(getattr(fields, key)),
            path,
            line,
            bounds,
            fix=f"give the field '{getattr(fields, key)}' as a string",
        )
        for key in METADATA_KEYS
    }
    return document_from(f"{shown}:{line}", body, metadata, 1, detect=detect)


def read_zip(
    path: Path, bounds: ReportBounds = DEFAULT_BOUNDS, *, detect: bool = True
) -> Iterator[Read]:
    """The ``.txt``/``.md`` members of a zip, in name order; a member is read only as far as
    the report limit, whatever size it claims."""
    try:
        handle = open_regular(path, roots=bounds.roots, error=DocumentError)
    except DocumentError as error:
        yield error
        return
    with handle:
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            yield _damaged(shown_path(path), exc)
            return
        with archive:
            for info in sorted(archive.infolist(), key=lambda i: i.filename):
                if info.is_dir() or not _wanted(info.filename):
                    continue
                shown = _member_shown(path, info.filename)
                try:
                    _check_member(info.filename, shown, info.file_size, bounds)
                    with archive.open(info) as stream:
                        raw = _read_member(stream, shown, bounds)
                    yield member_report(raw, path, info.filename, bounds, detect=detect)
                except DocumentError as error:
                    yield error
                except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError) as exc:
                    yield _damaged(shown, exc)


def read_tar(
    path: Path, bounds: ReportBounds = DEFAULT_BOUNDS, *, detect: bool = True
) -> Iterator[Read]:
    """The ``.txt``/``.md`` members of a gzipped tar, in the order they are stored, read as a
    stream: the archive is never held whole, and a member is read only as far as the limit."""
    try:
        handle = open_regular(path, roots=bounds.roots, error=DocumentError)
    except DocumentError as error:
        yield error
        return
    with handle:
        try:
            with tarfile.open(fileobj=handle, mode="r|gz") as archive:
                for info in archive:
                    if info.isdir() or not _wanted(info.name):
                        continue
                    shown = _member_shown(path, info.name)
                    try:
                        if not info.isfile():
                            raise DocumentError(
                                "not a regular file but a link or a device",
                                path=shown,
                                fix="put the report itself in the archive",
                            )
                        _check_member(info.name, shown, info.size, bounds)
                        raw = _read_member(archive.extractfile(info), shown, bounds)
                        yield member_report(raw, path, info.name, bounds, detect=detect)
                    except DocumentError as error:
                        yield error
        except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
            yield _damaged(shown_path(path), exc)


def member_report(
    raw: bytes, archive: Path, name: str, bounds: ReportBounds, *, detect: bool = True
) -> Read:
    """Member ``name`` of ``archive``, read as ``raw``, with its front matter.
    Raises :class:`DocumentError`."""
    member = Path(f"{archive}:{name}")  # only for messages: shown as archive:name
    text = decode_text(raw, member, DocumentError)
    metadata, body, first_line = split_front_matter(text, member, bounds)
    return document_from(_member_shown(archive, name), body, metadata, first_line, detect=detect)


def _read_member(stream: BinaryIO, shown: str, bounds: ReportBounds) -> bytes:
    return read_bounded(stream, bounds.max_bytes, shown, error=DocumentError, setting=SIZE_SETTING)


def _wanted(name: str) -> bool:
    """Whether a member is a report or a sidecar (which is named, not read)."""
    base = PurePosixPath(name).name
    return not base.startswith(".") and base.lower().endswith((*SEED_SUFFIXES, SIDECAR_SUFFIX))


def _member_shown(archive: Path, name: str) -> str:
    """How a member is shown and cited: ``seeds/batch.zip:reports/a.txt``."""
    return f"{shown_path(archive)}:{visible(name)}"


def _check_member(name: str, shown: str, size: int, bounds: ReportBounds) -> None:
    """Refuse a member that climbs out of the archive, is a sidecar, or says it is too large."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
        raise DocumentError(
            "member path leads out of the archive",
            path=shown,
            fix="store reports under plain relative names, e.g. reports/a.txt",
        )
    if name.lower().endswith(SIDECAR_SUFFIX):
        raise DocumentError(
            "a metadata sidecar inside an archive is not read",
            path=shown,
            fix="put its keys as front matter at the top of the report",
        )
    if size > bounds.max_bytes:
        raise DocumentError(
            f"larger than {bounds.max_bytes // KIB} KiB",
            path=shown,
            fix=f"split it into smaller files, or raise {SIZE_SETTING}",
        )


def _damaged(shown: str, exc: BaseException) -> DocumentError:
    return DocumentError(
        "damaged or not the archive its name says",
        path=shown,
        value=str(exc) or type(exc).__name__,
        fix="export the archive again",
    )
