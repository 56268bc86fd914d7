"""The hand-kept register: ``data/sites.csv`` and the history ledger ``data/events.csv``.

``sites.csv`` holds what people assert about sites: its kind (HQ, camp,
temporary base) and a note, one row per site, with the header
``site_id,site,kind,note``. ``events.csv`` holds the status statements people
enter (``missionmap status set``), one row each, with the header
``site_id,site,status,date,source,evidence,recorded``. Statements read from
documents are not copied into it: the documents are read again at every
build, and the two are merged then (see :mod:`geo.merge`).

The ledger is append-only: a correction is a new row. ``recorded`` is when the
row was entered (UTC); it is for the audit trail and never reaches a map, so
maps stay byte-for-byte reproducible.

Every row is validated when read; a bad row is a :class:`DataError` naming
the file, the line, the value and the fix. An entry is validated completely
before anything is written, and appended under a lock (:func:`append_row`):
only the new row's bytes are written, flushed and synced to disk, so an
append costs the same in a ledger of a hundred rows or of a hundred thousand.
A writer killed at any moment leaves every earlier row whole and at most one
incomplete last row, which readers leave out and name in a warning
(:func:`read_append_only`) and the next append removes. Only regular files
are read: a folder or a pipe in a register file's place is a :class:`DataError`.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from filelock import FileLock, Timeout

from geo.confirm import reading_id, sentence_key
from geo.errors import DataError, DataWarning, GeoError, InvalidValueError
from geo.files import (
    decode_utf8,
    open_regular,
    read_regular_file,
    remove_stale_temporaries,
    sync_directory,
)
from geo.gazetteer import Gazetteer
from geo.model import Decision, Evidence, Place, SiteNote, Status, Verdict
from geo.project import Project

EVENT_COLUMNS = ("site_id", "site", "status", "date", "source", "evidence", "recorded")
SITE_NOTE_COLUMNS = ("site_id", "site", "kind", "note")
REVIEW_COLUMNS = (
    "reading",
    "verdict",
    "status",
    "date",
    "site_id",
    "site",
    "report",
    "report_sha256",
    "sentence",
    "by",
    "decided",
)
MANUAL = "manual"
SHORT_TEXT, LONG_TEXT = 200, 1000
# A ledger row's source is "manual: " and what --source gave, which may be SHORT_TEXT long.
ROW_SOURCE_TEXT = len(MANUAL + ": ") + SHORT_TEXT
LOCK_TIMEOUT_SECONDS = 30
# filelock tries a held lock again after this long; its default (50 ms) would make
# eight writers at once queue for seconds.
LOCK_POLL_SECONDS = 0.002
RECORDED_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
# How much of a file's start shows its line breaks, and of its end proves it unchanged.
HEAD_BYTES = TAIL_BYTES = 4096
T = TypeVar("T")

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True)
class Register:
    """What people entered by hand: site notes, and status statements in recorded order.

    ``warnings`` name what was passed over: an incomplete last row of the ledger,
    left by a writer that was stopped. The command line prints them.
    """

    notes: tuple[SiteNote, ...] = ()
    statements: tuple[Evidence, ...] = ()
    decisions: tuple[Decision, ...] = ()  # on machine readings, in recorded order
    warnings: tuple[DataWarning, ...] = ()


def load_register(
    project: Project, gazetteer: Gazetteer, today: dt.date, began: dt.date | None = None
) -> Register:
    """Read and validate the project's ``sites.csv``, ``events.csv`` and ``reviews.csv``.

    Each file is optional. An incomplete last row of an append-only file is left
    out and named in ``warnings``. A row dated after ``today`` or before the day the
    mission ``began`` (``began:`` in ``mission.yaml``) is refused.
    """
    notes = read_site_notes(project.sites_csv, gazetteer) if project.sites_csv.exists() else ()
    statements: tuple[Evidence, ...] = ()
    decisions: tuple[Decision, ...] = ()
    warnings: tuple[DataWarning, ...] = ()
    if project.events_csv.exists():
        statements, torn = read_append_only(
            project.events_csv, events_reader(project.events_csv, gazetteer, today, began)
        )
        warnings += torn
    if project.reviews_csv.exists():
        decisions, torn = read_append_only(
            project.reviews_csv, decisions_reader(project.reviews_csv, gazetteer, today, began)
        )
        warnings += torn
    return Register(notes, statements, decisions, warnings)


# -- values, as typed on the command line or in a row -----------------------------------------


def resolve_site(gazetteer: Gazetteer, text: str, label: str = "site") -> Place:
    """The mission site a name or gazetteer id stands for.

    Raises :class:`~geo.errors.UnknownPlaceError` with suggestions for an
    unknown name, and :class:`InvalidValueError` for a region or a place
    outside the mission's countries.
    """
    name = text.strip()
    if not name:
        raise InvalidValueError(f"empty {label}", fix="name the site, e.g. Gao")
    try:
        place = gazetteer.get(name)
    except KeyError:
        place = gazetteer.lookup(name)
    if place.is_region:
        raise InvalidValueError(
            f"{label} names a region, not a site",
            value=name,
            fix="name the town or camp the status is about",
        )
    if place.country not in gazetteer.countries:
        raise InvalidValueError(
            f"{label} is not in the mission's countries ({', '.join(gazetteer.countries)})",
            value=f"{place.name} ({place.country})",
            fix=f"name a site in {' or '.join(gazetteer.countries)}",
        )
    return place


def parse_status(text: str, label: str = "status") -> Status:
    """A status as a person writes it; the error lists the valid ones."""
    try:
        return Status.parse(text)
    except ValueError:
        valid = ", ".join(repr(s.value) for s in Status)
        raise InvalidValueError(f"unknown {label}", value=text, fix=f"use one of {valid}") from None


def parse_day(
    text: str, today: dt.date, label: str = "date", began: dt.date | None = None
) -> dt.date:
    """A real calendar day written YYYY-MM-DD, not after ``today`` nor before ``began``.

    >>> parse_day("2023-12-11", dt.date(2024, 1, 1))
    datetime.date(2023, 12, 11)
    >>> parse_day("2013-01-01", dt.date(2024, 1, 1), "--date", began=dt.date(2013, 4, 25))
    Traceback (most recent call last):
    geo.errors.InvalidValueError: --date is before the mission began (2013-04-25, began: in mission.yaml): '2013-01-01'. Fix: give a day on or after 2013-04-25, or correct began: in data/mission.yaml.
    """
    value = text.strip()
    try:
        if not _ISO_DAY.fullmatch(value):
            raise ValueError
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidValueError(
            f"{label} is not a calendar date",
            value=text,
            fix="write a real day as YYYY-MM-DD, e.g. 2023-12-11",
        ) from None
    if day > today:
        raise InvalidValueError(
            f"{label} is in the future",
            value=text,
            fix=f"give the day it happened, on or before {today.isoformat()}",
        )
    if began is not None and day < began:
        raise InvalidValueError(
            f"{label} is before the mission began ({began.isoformat()}, began: in mission.yaml)",
            value=text,
            fix=f"give a day on or after {began.isoformat()}, or correct began: in data/mission.yaml",
        )
    return day


def clean_text(text: str, label: str, limit: int = LONG_TEXT) -> str:
    """One line of plain text: no line breaks or control characters, and not too long."""
    value = text.strip()
    bad = next(
        (ch for ch in value if unicodedata.category(ch) == "Cc" or ch in _BIDI_CONTROLS), None
    )
    if bad is not None:
        raise InvalidValueError(
            f"{label} holds a line break or control character {bad!r}",
            value=text,
            fix="write it on one line of plain text",
        )
    if len(value) > limit:
        raise InvalidValueError(
            f"{label} is longer than {limit} characters",
            value=value[:40] + "…",
            fix=f"shorten it to {limit} characters or fewer",
        )
    return value


def manual_source(who: str | None, label: str = "source") -> str:
    """The source of a manual entry: ``manual``, or ``manual: <who>``.

    >>> manual_source("Lt Diallo, by phone"), manual_source(None), manual_source("manual: ops")
    ('manual: Lt Diallo, by phone', 'manual', 'manual: ops')
    """
    text = clean_text(who or "", label, SHORT_TEXT)
    if not text or text.casefold() == MANUAL:
        return MANUAL
    if text.casefold().startswith(MANUAL + ":"):
        return MANUAL + ": " + text[len(MANUAL) + 1 :].strip()
    return f"{MANUAL}: {text}"


# -- events.csv ---------------------------------------------------------------------------------


def manual_statement(
    gazetteer: Gazetteer,
    site: str,
    status: str,
    date: str,
    source: str | None,
    note: str | None,
    today: dt.date,
    began: dt.date | None = None,
) -> Evidence:
    """Validate one manual entry as typed by a person; nothing is written."""
    return Evidence(
        place=resolve_site(gazetteer, site, "SITE"),
        status=parse_status(status, "STATUS"),
        date=parse_day(date, today, "--date", began),
        quote=clean_text(note or "", "--note"),
        source=manual_source(source, "--source"),
    )


def read_events(path: Path, gazetteer: Gazetteer, today: dt.date) -> tuple[Evidence, ...]:
    """The manual statements of ``events.csv``, in the order they were recorded.

    An incomplete last row is left out; :func:`load_register` also names it.
    """
    return read_append_only(path, events_reader(path, gazetteer, today))[0]


def rows_reader(
    path: Path,
    columns: tuple[str, ...],
    parse_row: Callable[..., T],
    gazetteer: Gazetteer,
    today: dt.date,
    began: dt.date | None = None,
) -> Callable[[bytes], tuple[T, ...]]:
    """The rows of a register file as a function of its bytes: each parsed by ``parse_row``
    against ``gazetteer`` and the span of days from ``began`` to ``today``."""
    return lambda raw: parsed_rows(
        raw, path, columns, lambda row: parse_row(row, gazetteer, today, began)
    )


def events_reader(
    path: Path, gazetteer: Gazetteer, today: dt.date, began: dt.date | None = None
) -> Callable[[bytes], tuple[Evidence, ...]]:
    """The manual statements of ``events.csv``, as a function of its bytes."""
    return rows_reader(path, EVENT_COLUMNS, event_from_row, gazetteer, today, began)


def parsed_rows(
    raw: bytes, path: Path, columns: tuple[str, ...], parse: Callable[[dict[str, str]], T]
) -> tuple[T, ...]:
    """``parse`` of every row of a register file; a bad row is a :class:`DataError` at its line."""
    parsed = []
    for line, row in csv_rows(raw, path, columns):
        try:
            parsed.append(parse(row))
        except GeoError as error:
            raise in_file(error, path, line) from None
    return tuple(parsed)


def event_from_row(
    row: dict[str, str], gazetteer: Gazetteer, today: dt.date, began: dt.date | None = None
) -> Evidence:
    source = clean_text(row["source"], "source", ROW_SOURCE_TEXT)
    if source.split(":")[0].strip().casefold() != MANUAL:
        raise InvalidValueError(
            "the source of a ledger row must be manual",
            value=source,
            fix="write 'manual' or 'manual: who told us'; reports go into seeds/",
        )
    if row["recorded"].strip():
        parse_recorded(row["recorded"], "recorded")
    return Evidence(
        place=site_of_row(row, gazetteer),
        status=parse_status(row["status"]),
        date=parse_day(row["date"], today, began=began),
        quote=clean_text(row["evidence"], "evidence"),
        source=source,
    )


def parse_recorded(text: str, label: str) -> dt.datetime:
    """A UTC time as the register writes it.

    >>> parse_recorded("2023-12-12T09:30:00Z", "recorded").isoformat()
    '2023-12-12T09:30:00+00:00'
    """
    try:
        return dt.datetime.strptime(text.strip(), RECORDED_FORMAT).replace(tzinfo=dt.UTC)
    except ValueError:
        raise InvalidValueError(
            f"{label} is not a UTC time",
            value=text,
            fix="write it as YYYY-MM-DDTHH:MM:SSZ",
        ) from None


def event_line(statement: Evidence, recorded: dt.datetime) -> str:
    """The ledger row of a manual statement, as one CSV line.

    >>> from geo.model import Place
    >>> gao = Place("2457163", "Gao", 16.27, -0.04, "ML", "P", "PPLA")
    >>> entry = Evidence(gao, Status.PENDING, dt.date(2023, 12, 11), 'said "soon", twice', "manual")
    >>> event_line(entry, dt.datetime(2023, 12, 12, 9, 30, tzinfo=dt.UTC))
    '2457163,Gao,pending,2023-12-11,manual,"said ""soon"", twice",2023-12-12T09:30:00Z\\n'
    """
    values = (
        statement.place.id,
        statement.place.name,
        statement.status.value,
        statement.date.isoformat() if statement.date else "",
        statement.source,
        statement.quote,
        recorded.astimezone(dt.UTC).strftime(RECORDED_FORMAT),
    )
    return csv_line(values)


def append_event(
    path: Path,
    statement: Evidence,
    recorded: dt.datetime,
    gazetteer: Gazetteer,
    today: dt.date,
    began: dt.date | None = None,
) -> tuple[DataWarning, ...]:
    """Append one validated manual statement to ``events.csv`` (see :func:`append_row`).

    The rows already there are checked against ``gazetteer``, ``today`` and ``began``,
    unless the last append checked the very same file against the same.
    """
    return append_row(
        path,
        EVENT_COLUMNS,
        event_line(statement, recorded),
        events_reader(path, gazetteer, today, began),
        checked_as=checked_against(gazetteer, today, began),
    )


def checked_against(gazetteer: Gazetteer, today: dt.date, began: dt.date | None) -> str:
    """What an append checks the rows already there against, as its check record names it."""
    return " ".join(
        part.isoformat() if isinstance(part, dt.date) else part
        for part in (today, began, gazetteer.fingerprint)
        if part is not None
    )


# -- append-only register files (events.csv; reviews.csv alike) ---------------------------------


def read_append_only(path: Path, read: Callable[[bytes], T]) -> tuple[T, tuple[DataWarning, ...]]:
    """``read`` of an append-only register file, and a warning naming an incomplete last row.

    ``read`` turns the file's bytes into rows and raises :class:`DataError` at a
    bad one. A last line with no line break that spoils the reading is what a
    writer killed mid-row leaves: it is left out and named. A bad row anywhere
    else is still an error.
    """
    raw = read_regular_file(path)
    rows, torn = without_torn_row(raw, read)
    return rows, () if torn is None else (torn_row_warning(raw, torn, path, "is ignored"),)


def without_torn_row(raw: bytes, read: Callable[[bytes], T]) -> tuple[T, int | None]:
    """``read(raw)`` and None; or, when an unterminated last line alone keeps ``raw``
    from reading, ``read`` of the bytes before that line and the offset where it starts."""
    try:
        return read(raw), None
    except DataError as error:
        start = raw.rfind(b"\n") + 1
        if start == len(raw):
            raise
        try:
            return read(raw[:start]), start
        except DataError:
            raise error from None


def torn_row_warning(raw: bytes, start: int, path: Path, fate: str) -> DataWarning:
    """The warning about the incomplete last row of ``raw``, which begins at ``start``."""
    fragment = raw[start:].decode("utf-8", "replace")
    return DataWarning(
        f"an incomplete last row, left by a writer that was stopped, {fate}",
        path=path,
        line=raw.count(b"\n", 0, start) + 1,
        value=fragment if len(fragment) <= 60 else fragment[:60] + "…",
        fix="none needed, the next entry removes it (retype it if you wrote it by hand)",
    )


def append_row(
    path: Path,
    columns: tuple[str, ...],
    line: str,
    check: Callable[[bytes], object],
    *,
    checked_as: str | None = None,
) -> tuple[DataWarning, ...]:
    """Append ``line``, one CSV row with its line break, to the register file ``path``.

    Writers queue on a lock file beside it (``.<name>.lock``, an ``flock`` the
    system releases when its holder dies, however it dies). Under the lock,
    ``check`` validates the bytes already there and raises :class:`DataError`
    at a bad row: an entry is never added to a broken file. An incomplete last
    row that a killed writer left is cut off first, so the new row starts on a
    line of its own; the returned warning names it. Then only the new row's
    bytes are written (after the header in a new file, with the file's own line
    breaks), flushed and synced to disk; a new file's folder is synced too.

    Checking every row already there would make each append as slow as reading
    the whole file. With ``checked_as`` -- a name for what ``check`` checks
    against, such as the gazetteer and the day -- the file's identity after the
    append (device, inode, size, modification and change times, a hash of its
    last 4 KiB) is kept in ``.<name>.checked``; an append that finds the file
    exactly so, and the same ``checked_as``, checks nothing again. An edit by
    hand, another gazetteer or another day means a full check. Without
    ``checked_as`` every append checks every row.

    Before the first append, when there is no lock file yet, a broken file is
    refused before the lock file is made (a refused entry leaves no file
    behind); its bytes are not checked again under the lock unless they changed.
    """
    checked = path.with_name(f".{path.name}.checked")
    known: dict[str, Torn | None] = {}
    key = checked_as or ""
    lock = FileLock(path.with_name(f".{path.name}.lock"), timeout=LOCK_TIMEOUT_SECONDS)
    try:
        if os.path.lexists(path) and not os.path.lexists(lock.lock_file):
            # The first entry of a file kept by hand: refuse a broken one before making the lock file.
            with _opened(path, os.O_RDONLY) as fd:
                _torn_row(fd, path, check, key, known)
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(path)  # left by killed writers of versions that rewrote it
        with lock.acquire(poll_interval=LOCK_POLL_SECONDS):
            if checked_as is not None and (record := _read_quietly(checked)):
                known[record] = None
            new = not os.path.lexists(path)
            with _opened(path, os.O_RDWR | os.O_APPEND | os.O_CREAT) as fd:
                torn = _torn_row(fd, path, check, key, known)
                if torn is not None:
                    os.ftruncate(fd, torn.offset)
                size = os.fstat(fd).st_size
                last = os.pread(fd, 1, size - 1) if size else b""
                _write_all(fd, bytes_to_append(os.pread(fd, HEAD_BYTES, 0), last, columns, line))
                os.fsync(fd)
                if new:
                    sync_directory(path.parent)
                if checked_as is not None:
                    _record(checked, _identity(fd, key))
    except Timeout:
        raise GeoError(
            "the file is locked by another missionmap",
            path=path,
            fix="wait for it to finish, or stop it: a stopped missionmap releases the lock",
        ) from None
    except OSError as exc:
        raise DataError(
            "cannot write the file",
            path=path,
            value=exc.strerror,
            fix=f"give your user write access to {path.parent} and the file in it",
        ) from None
    return () if torn is None else (torn.warning("was removed"),)


@dataclass(frozen=True)
class Torn:
    """An incomplete last row: the file's bytes, and the offset where the row begins."""

    raw: bytes
    offset: int
    path: Path

    def warning(self, fate: str) -> DataWarning:
        return torn_row_warning(self.raw, self.offset, self.path, fate)


def _torn_row(
    fd: int, path: Path, check: Callable[[bytes], object], key: str, known: dict[str, Torn | None]
) -> Torn | None:
    """Raise at a bad row of the open file; return its incomplete last row, if any.

    ``known`` holds the identities of files already checked, with what was found:
    the record of the last append's check, and a check made before the lock.
    """
    identity = _identity(fd, key)
    if identity not in known:
        raw = _read_all(fd)
        offset = without_torn_row(raw, check)[1]
        known[identity] = None if offset is None else Torn(raw, offset, path)
    return known[identity]


@contextlib.contextmanager
def _opened(path: Path, flags: int):
    fd = open_regular(path, flags)
    try:
        yield fd
    finally:
        os.close(fd)


def bytes_to_append(head: bytes, last: bytes, columns: tuple[str, ...], line: str) -> bytes:
    r"""What appending ``line`` writes to a file that begins with ``head`` and ends with ``last``.

    A header first in an empty file, a line break first after an unterminated
    last row, and the file's own line breaks throughout.

    >>> bytes_to_append(b"", b"", ("a", "b"), "1,2\n")
    b'a,b\n1,2\n'
    >>> bytes_to_append(b"a,b\r\n1,2", b"2", ("a", "b"), "3,4\n")
    b'\r\n3,4\r\n'
    """
    if not head:
        return (csv_line(columns) + line).encode("utf-8")
    newline = "\r\n" if b"\r\n" in head else "\n"
    start = "" if last == b"\n" else newline
    return (start + line.replace("\n", newline)).encode("utf-8")


def _identity(fd: int, checked_as: str) -> str:
    """What shows that an open file is still as it was, with what it was checked against.

    The change time moves with every write and no tool can set it back, so an
    edit by hand, even one that keeps the size, shows.
    """
    info = os.fstat(fd)
    tail = os.pread(fd, TAIL_BYTES, max(info.st_size - TAIL_BYTES, 0))
    return json.dumps(
        {
            "checked_as": checked_as,
            "file": [info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns],
            "tail": hashlib.sha256(tail).hexdigest(),
        }
    )


# The record of the last check is a hint, never a promise: a missing, unreadable or
# half-written one (its writer killed) matches no identity, and means a full check.
def _read_quietly(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _record(path: Path, text: str) -> None:
    """Overwrite ``path`` with ``text`` in place: truncating it to nothing first would make
    the file system flush it to disk at once, as if it were precious (it is not)."""
    data = text.encode("utf-8")
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            os.pwrite(fd, data, 0)
            os.ftruncate(fd, len(data))
        finally:
            os.close(fd)


def _read_all(fd: int) -> bytes:
    chunks, offset = [], 0
    while chunk := os.pread(fd, 1 << 20, offset):
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    """Write all of ``data``: a short write (a full disk) leaves at most an incomplete row."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


# -- reviews.csv -------------------------------------------------------------------------------


def read_decisions(path: Path, gazetteer: Gazetteer, today: dt.date) -> tuple[Decision, ...]:
    """People's decisions on machine readings, in the order they were recorded.

    An incomplete last row is left out; :func:`load_register` also names it.
    """
    return read_append_only(path, decisions_reader(path, gazetteer, today))[0]


def decisions_reader(
    path: Path, gazetteer: Gazetteer, today: dt.date, began: dt.date | None = None
) -> Callable[[bytes], tuple[Decision, ...]]:
    """The decisions of ``reviews.csv``, as a function of its bytes."""
    return rows_reader(path, REVIEW_COLUMNS, decision_from_row, gazetteer, today, began)


def decision_from_row(
    row: dict[str, str], gazetteer: Gazetteer, today: dt.date, began: dt.date | None = None
) -> Decision:
    """A row of ``reviews.csv``, checked: a row edited by hand into nonsense is refused."""
    try:
        verdict = Verdict(row["verdict"].strip())
    except ValueError:
        valid = ", ".join(v.value for v in Verdict)
        raise InvalidValueError(
            "unknown verdict", value=row["verdict"], fix=f"use one of {valid}"
        ) from None
    report_sha256 = row["report_sha256"].strip()
    if not _SHA256.fullmatch(report_sha256):
        raise InvalidValueError(
            "report_sha256 is not a sha256 in hex",
            value=report_sha256,
            fix="restore the row as missionmap review wrote it, or delete the row",
        )
    place = resolve_site(gazetteer, row["site_id"])
    sentence = sentence_key(row["sentence"])
    expected = reading_id(report_sha256, sentence, place.id)
    if row["reading"].strip() != expected:
        raise InvalidValueError(
            "the reading id does not match the row's report, sentence and site",
            value=row["reading"],
            fix=f"the row was edited: restore it (its id would be {expected}) or delete it",
        )
    date = row["date"].strip()
    return Decision(
        reading=expected,
        verdict=verdict,
        place=place,
        status=parse_status(row["status"]),
        date=parse_day(date, today, began=began) if date else None,
        report=clean_text(row["report"], "report"),
        report_hash=report_sha256,
        sentence=sentence,
        by=decided_by(row["by"]),
        decided=parse_recorded(row["decided"], "decided"),
    )


def decided_by(text: str) -> str:
    """Who made a decision: a name on one line, never empty."""
    name = clean_text(text, "by", SHORT_TEXT)
    if not name:
        raise InvalidValueError(
            "empty name of who decided", fix="give a name, e.g. --by 'A. Traoré'"
        )
    return name


def decision_line(decision: Decision) -> str:
    """The row of ``reviews.csv`` that records a decision, as one CSV line."""
    values = (
        decision.reading,
        decision.verdict.value,
        decision.status.value,
        decision.date.isoformat() if decision.date else "",
        decision.place.id,
        decision.place.name,
        decision.report,
        decision.report_hash,
        decision.sentence,
        decision.by,
        decision.decided.astimezone(dt.UTC).strftime(RECORDED_FORMAT),
    )
    return csv_line(values)


def append_decision(
    path: Path,
    decision: Decision,
    gazetteer: Gazetteer,
    today: dt.date,
    began: dt.date | None = None,
) -> tuple[DataWarning, ...]:
    """Append one decision to ``reviews.csv`` (see :func:`append_row`)."""
    return append_row(
        path,
        REVIEW_COLUMNS,
        decision_line(decision),
        decisions_reader(path, gazetteer, today, began),
        checked_as=checked_against(gazetteer, today, began),
    )


# -- sites.csv ----------------------------------------------------------------------------------


def read_site_notes(path: Path, gazetteer: Gazetteer) -> tuple[SiteNote, ...]:
    """The rows of ``sites.csv``: one per site, each with its kind and note."""
    notes: dict[str, tuple[int, SiteNote]] = {}
    for line, row in csv_rows(read_regular_file(path), path, SITE_NOTE_COLUMNS):
        try:
            note = SiteNote(
                place=site_of_row(row, gazetteer),
                kind=clean_text(row["kind"], "kind", SHORT_TEXT) or None,
                note=clean_text(row["note"], "note") or None,
            )
        except GeoError as error:
            raise in_file(error, path, line) from None
        if note.place.id in notes:
            first = notes[note.place.id][0]
            raise DataError(
                f"site listed twice (first on line {first})",
                path=path,
                line=line,
                value=row["site"] or row["site_id"],
                fix="keep one row per site",
            )
        notes[note.place.id] = (line, note)
    return tuple(note for _, note in notes.values())


# -- shared by both files -----------------------------------------------------------------------


def site_of_row(row: dict[str, str], gazetteer: Gazetteer) -> Place:
    """The site a row names by ``site_id`` (a gazetteer id), ``site`` (a name), or both."""
    site_id, name = row["site_id"].strip(), row["site"].strip()
    if not site_id:
        return resolve_site(gazetteer, name)
    try:
        place = gazetteer.get(site_id)
    except KeyError:
        raise InvalidValueError(
            "unknown site_id",
            value=site_id,
            fix="leave site_id empty and name the site, or take the id from 'missionmap geocode NAME'",
        ) from None
    if name and place not in gazetteer.candidates(name):
        raise InvalidValueError(
            "site_id and site name disagree",
            value=f"{site_id} is {place.name}, not {name}",
            fix="correct one of the two, or leave site_id empty",
        )
    return resolve_site(gazetteer, site_id)


def csv_rows(raw: bytes, path: Path, columns: tuple[str, ...]):
    """(line, row) for each non-blank row of a register CSV whose header is ``columns``."""
    try:
        text = decode_utf8(raw, path)
    except GeoError as error:
        raise in_file(error, path, error.line) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header_fix = "make the first line: " + ",".join(columns)
    try:
        header = next(reader, None)
        if header is None:
            return
        if [name.strip() for name in header] != list(columns):
            raise DataError(
                "unexpected header", path=path, line=1, value=",".join(header), fix=header_fix
            )
        for row in reader:
            if not any(field.strip() for field in row):
                continue
            if len(row) != len(columns):
                raise DataError(
                    f"row has {len(row)} fields, expected {len(columns)}",
                    path=path,
                    line=reader.line_num,
                    value=",".join(row),
                    fix='quote any field that holds a comma, e.g. "Sévaré, near Mopti"',
                )
            yield reader.line_num, dict(zip(columns, row, strict=True))
    except csv.Error as error:
        raise DataError(
            f"not a valid CSV row ({error})",
            path=path,
            line=reader.line_num,
            fix="close every double quote, and double a quote inside a quoted field",
        ) from None


def csv_line(values) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


def in_file(error: GeoError, path: Path, line: int | None) -> DataError:
    """The same problem, as found in a data file at ``line``."""
    return DataError(error.message, path=path, line=line, value=error.value, fix=error.fix)
