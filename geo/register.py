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
before anything is written, and written under a lock, as the whole new file
to a temporary name renamed over the old one: readers and a killed process
only ever see the old ledger or the new one, never half a row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from geo.confirm import reading_id
from geo.errors import DataError, GeoError, InvalidValueError
from geo.files import decode_utf8, write_atomically
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
LOCK_TIMEOUT_SECONDS = 30
RECORDED_FORMAT = "%Y-%m-%dT%H:%M:%SZ"

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True)
class Register:
    """What people entered by hand: site notes, and status statements in recorded order."""

    notes: tuple[SiteNote, ...] = ()
    statements: tuple[Evidence, ...] = ()
    decisions: tuple[Decision, ...] = ()  # on machine readings, in recorded order


def load_register(project: Project, gazetteer: Gazetteer, today: dt.date) -> Register:
    """Read and validate the project's ``sites.csv``, ``events.csv`` and ``reviews.csv``.

    Each file is optional.
    """
    notes = read_site_notes(project.sites_csv, gazetteer) if project.sites_csv.exists() else ()
    statements = (
        read_events(project.events_csv, gazetteer, today) if project.events_csv.exists() else ()
    )
    decisions = (
        read_decisions(project.reviews_csv, gazetteer, today)
        if project.reviews_csv.exists()
        else ()
    )
    return Register(notes, statements, decisions)


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


def parse_day(text: str, today: dt.date, label: str = "date") -> dt.date:
    """A real calendar day written YYYY-MM-DD, not after ``today``.

    >>> parse_day("2023-12-11", dt.date(2024, 1, 1))
    datetime.date(2023, 12, 11)
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
) -> Evidence:
    """Validate one manual entry as typed by a person; nothing is written."""
    return Evidence(
        place=resolve_site(gazetteer, site, "SITE"),
        status=parse_status(status, "STATUS"),
        date=parse_day(date, today, "--date"),
        quote=clean_text(note or "", "--note"),
        source=manual_source(source, "--source"),
    )


def read_events(path: Path, gazetteer: Gazetteer, today: dt.date) -> tuple[Evidence, ...]:
    """The manual statements of ``events.csv``, in the order they were recorded."""
    return events_from_bytes(path.read_bytes(), path, gazetteer, today)


def events_from_bytes(
    raw: bytes, path: Path, gazetteer: Gazetteer, today: dt.date
) -> tuple[Evidence, ...]:
    statements = []
    for line, row in csv_rows(raw, path, EVENT_COLUMNS):
        try:
            statements.append(event_from_row(row, gazetteer, today))
        except GeoError as error:
            raise in_file(error, path, line) from None
    return tuple(statements)


def event_from_row(row: dict[str, str], gazetteer: Gazetteer, today: dt.date) -> Evidence:
    source = clean_text(row["source"], "source", SHORT_TEXT)
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
        date=parse_day(row["date"], today),
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
) -> None:
    """Append one validated manual statement to ``events.csv``."""
    append_row(
        path,
        EVENT_COLUMNS,
        event_line(statement, recorded),
        lambda raw: events_from_bytes(raw, path, gazetteer, today),
    )


def append_row(
    path: Path, columns: tuple[str, ...], line: str, check: Callable[[bytes], object]
) -> None:
    """Append one row to a register file whose existing bytes ``check`` validates.

    A row is never added to a broken file. Writers queue on a lock file beside
    it (``.events.csv.lock``); each writes the old bytes plus the new row to a
    temporary file and renames it over the file, so the earlier rows are kept
    byte for byte and a killed writer leaves the old file whole.
    """
    if path.exists():
        check(path.read_bytes())  # refused before a lock file is even made
    lock = FileLock(path.with_name(f".{path.name}.lock"), timeout=LOCK_TIMEOUT_SECONDS)
    try:
        with lock:
            old = path.read_bytes() if path.exists() else b""
            check(old)
            write_atomically(path, appended(old, columns, line))
    except Timeout:
        raise GeoError(
            f"the {path.name} file is locked by another missionmap",
            path=path,
            fix=f"wait for it to finish, or remove {lock.lock_file} if no missionmap is running",
        ) from None


def appended(old: bytes, columns: tuple[str, ...], line: str) -> bytes:
    r"""``old`` followed by ``line``, keeping ``old`` byte for byte; a header starts a new file.

    >>> appended(b"", ("a", "b"), "1,2\n")
    b'a,b\n1,2\n'
    >>> appended(b"a,b\r\n1,2", ("a", "b"), "3,4\n")
    b'a,b\r\n1,2\r\n3,4\r\n'
    """
    newline = "\r\n" if b"\r\n" in old else "\n"
    if not old.strip():
        old = csv_line(columns).encode("utf-8")
    elif not old.endswith(b"\n"):
        old += newline.encode()
    return old + line.replace("\n", newline).encode("utf-8")


# -- reviews.csv -------------------------------------------------------------------------------


def read_decisions(path: Path, gazetteer: Gazetteer, today: dt.date) -> tuple[Decision, ...]:
    """People's decisions on machine readings, in the order they were recorded."""
    return decisions_from_bytes(path.read_bytes(), path, gazetteer, today)


def decisions_from_bytes(
    raw: bytes, path: Path, gazetteer: Gazetteer, today: dt.date
) -> tuple[Decision, ...]:
    decisions = []
    for line, row in csv_rows(raw, path, REVIEW_COLUMNS):
        try:
            decisions.append(decision_from_row(row, gazetteer, today))
        except GeoError as error:
            raise in_file(error, path, line) from None
    return tuple(decisions)


def decision_from_row(row: dict[str, str], gazetteer: Gazetteer, today: dt.date) -> Decision:
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
    sentence = " ".join(row["sentence"].split())
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
        date=parse_day(date, today) if date else None,
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


def append_decision(path: Path, decision: Decision, gazetteer: Gazetteer, today: dt.date) -> None:
    """Append one decision to ``reviews.csv``; the existing rows are checked first."""
    append_row(
        path,
        REVIEW_COLUMNS,
        decision_line(decision),
        lambda raw: decisions_from_bytes(raw, path, gazetteer, today),
    )


# -- sites.csv ----------------------------------------------------------------------------------


def read_site_notes(path: Path, gazetteer: Gazetteer) -> tuple[SiteNote, ...]:
    """The rows of ``sites.csv``: one per site, each with its kind and note."""
    notes: dict[str, tuple[int, SiteNote]] = {}
    for line, row in csv_rows(path.read_bytes(), path, SITE_NOTE_COLUMNS):
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
