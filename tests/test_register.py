"""The hand-kept register files: validation on read, validation before write, safe appends."""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock, Timeout

from geo.errors import DataError, GeoError, UnknownPlaceError
from geo.gazetteer import Gazetteer
from geo.model import Place, Status
from geo.project import Project
from geo.register import (
    EVENT_COLUMNS,
    append_event,
    append_row,
    csv_rows,
    load_register,
    manual_statement,
    read_append_only,
    read_events,
    read_site_notes,
)

TODAY = dt.date(2024, 12, 31)
RECORDED = dt.datetime(2024, 12, 31, 8, 0, tzinfo=dt.UTC)
HEADER = "site_id,site,status,date,source,evidence,recorded\n"

GAO = Place("2457163", "Gao", 16.27167, -0.04472, "ML", "P", "PPLA", population=86633)
TIMBUKTU = Place(
    "2449067", "Timbuktu", 16.77348, -3.00742, "ML", "P", "PPLA", alternate_names=("Tombouctou",)
)
KIDAL = Place("2455290", "Kidal", 18.44345, 1.40921, "ML", "P", "PPLA", population=25617)
KIDAL_REGION = Place("2455289", "Kidal Region", 19.5, 1.5, "ML", "A", "ADM1")
NIAMEY = Place("2440485", "Niamey", 13.51366, 2.1098, "NE", "P", "PPLC", population=774235)
GAZETTEER = Gazetteer.from_places([GAO, TIMBUKTU, KIDAL, KIDAL_REGION, NIAMEY], "ML")


def entry(site="Gao", status="closed", date="2023-12-20", source=None, note=None):
    return manual_statement(GAZETTEER, site, status, date, source, note, TODAY)


# -- a manual entry as typed ------------------------------------------------------------------


def test_a_valid_entry_is_read_as_a_manual_statement():
    statement = entry(
        "tombouctou", "Handed-Over", "2023-12-28", "Lt Diallo, by phone", "keys given"
    )
    assert statement.place == TIMBUKTU
    assert statement.status is Status.HANDED_OVER
    assert statement.date == dt.date(2023, 12, 28)
    assert statement.source == "manual: Lt Diallo, by phone"
    assert statement.quote == "keys given"
    assert statement.is_manual


def test_a_site_may_be_given_by_its_gazetteer_id():
    assert entry(site="2455290").place == KIDAL


REFUSED = {
    "unknown site": (dict(site="Gaoo"), "unknown place: 'Gaoo'. Fix: did you mean Gao"),
    "empty site": (dict(site="  "), "empty SITE"),
    "a region": (dict(site="Kidal Region"), "SITE names a region, not a site"),
    "abroad": (dict(site="Niamey"), "not in the mission's countries (ML): 'Niamey (NE)'"),
    "unknown status": (dict(status="shut"), "use one of 'handed over', 'closed', 'pending'"),
    "not a calendar day": (dict(date="2023-02-30"), "--date is not a calendar date: '2023-02-30'"),
    "not ISO": (dict(date="20/12/2023"), "--date is not a calendar date: '20/12/2023'"),
    "week date": (dict(date="2023-W50-1"), "--date is not a calendar date"),
    "in the future": (dict(date="2025-01-01"), "on or before 2024-12-31"),
    "line break in note": (dict(note="one\ntwo"), "--note holds a line break"),
    "control char in source": (
        dict(source="ops\x1b[31m"),
        "--source holds a line break or control",
    ),
    "bidi override in note": (dict(note="abc\u202edef"), "--note holds"),
    "overlong note": (dict(note="x" * 1001), "--note is longer than 1000 characters"),
    "overlong source": (dict(source="x" * 201), "--source is longer than 200 characters"),
}


@pytest.mark.parametrize("given, message", REFUSED.values(), ids=REFUSED.keys())
def test_an_invalid_entry_is_refused_with_the_value_and_a_fix(given, message):
    with pytest.raises(GeoError) as refused:
        entry(**given)
    assert message in str(refused.value)
    assert "Fix:" in str(refused.value)


def test_an_unknown_site_carries_suggestions():
    with pytest.raises(UnknownPlaceError) as refused:
        entry(site="Timbuktou")
    assert refused.value.suggestions[0] == "Timbuktu"


# -- reading events.csv -----------------------------------------------------------------------


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def test_events_are_read_in_recorded_order(tmp_path):
    ledger = write(
        tmp_path / "events.csv",
        HEADER
        + "2457163,Gao,handed over,2024-07-22,manual: ops,keys handed over,2024-07-23T10:00:00Z\n"
        + "\n"
        + ",Tombouctou,closed,2023-12-20,manual,,\n"
        + '2457163,Gao,pending,2024-07-22,"manual: ops, correction","wrong site, sorry",\n',
    )
    statements = read_events(ledger, GAZETTEER, TODAY)
    assert [(s.place.name, s.status.value, s.date.isoformat(), s.source) for s in statements] == [
        ("Gao", "handed over", "2024-07-22", "manual: ops"),
        ("Timbuktu", "closed", "2023-12-20", "manual"),
        ("Gao", "pending", "2024-07-22", "manual: ops, correction"),
    ]
    assert statements[2].quote == "wrong site, sorry"


def test_a_ledger_saved_with_a_byte_order_mark_reads(tmp_path):
    ledger = tmp_path / "events.csv"
    ledger.write_bytes(
        b"\xef\xbb\xbf" + (HEADER + "2457163,Gao,closed,2023-12-20,manual,,\n").encode()
    )
    assert [s.place for s in read_events(ledger, GAZETTEER, TODAY)] == [GAO]


BAD_ROWS = {
    "unknown status": (
        "2457163,Gao,shut,2023-12-20,manual,,\n",
        "events.csv:2: unknown status: 'shut'",
    ),
    "impossible date": (
        "2457163,Gao,closed,2023-02-29,manual,,\n",
        "events.csv:2: date is not a calendar date: '2023-02-29'",
    ),
    "future date": (
        "2457163,Gao,closed,2032-12-20,manual,,\n",
        "events.csv:2: date is in the future: '2032-12-20'",
    ),
    "missing date": ("2457163,Gao,closed,,manual,,\n", "events.csv:2: date is not a calendar date"),
    "unknown name": (",Gaoo,closed,2023-12-20,manual,,\n", "events.csv:2: unknown place: 'Gaoo'"),
    "unknown id": ("999,,closed,2023-12-20,manual,,\n", "events.csv:2: unknown site_id: '999'"),
    "id and name disagree": (
        "2457163,Kidal,closed,2023-12-20,manual,,\n",
        "events.csv:2: site_id and site name disagree: '2457163 is Gao, not Kidal'",
    ),
    "a region": (",Kidal Region,closed,2023-12-20,manual,,\n", "names a region"),
    "not manual": (
        "2457163,Gao,closed,2023-12-20,seeds/a.txt,,\n",
        "events.csv:2: the source of a ledger row must be manual: 'seeds/a.txt'",
    ),
    "bad recorded time": (
        "2457163,Gao,closed,2023-12-20,manual,,yesterday\n",
        "events.csv:2: recorded is not a UTC time: 'yesterday'",
    ),
    "too few fields": ("2457163,Gao,closed\n", "events.csv:2: row has 3 fields, expected 7"),
    "line break inside quotes": (
        '2457163,Gao,closed,2023-12-20,manual,"two\nlines",\n',
        "events.csv:3: evidence holds a line break",
    ),
}


@pytest.mark.parametrize("row, message", BAD_ROWS.values(), ids=BAD_ROWS.keys())
def test_a_bad_row_names_file_line_value_and_fix(tmp_path, row, message):
    ledger = write(tmp_path / "events.csv", HEADER + row)
    with pytest.raises(DataError) as refused:
        read_events(ledger, GAZETTEER, TODAY)
    assert message in str(refused.value)
    assert "Fix:" in str(refused.value)


def test_a_wrong_header_is_refused_with_the_right_one(tmp_path):
    ledger = write(tmp_path / "events.csv", "site,status,date\nGao,closed,2023-12-20\n")
    with pytest.raises(DataError) as refused:
        read_events(ledger, GAZETTEER, TODAY)
    assert "events.csv:1: unexpected header" in str(refused.value)
    assert ",".join(EVENT_COLUMNS) in str(refused.value)


def test_a_ledger_that_is_not_utf8_names_the_line(tmp_path):
    ledger = tmp_path / "events.csv"
    ledger.write_bytes(HEADER.encode() + b"2457163,Gao,closed,2023-12-20,manual,S\xe9var\xe9,\n")
    with pytest.raises(DataError) as refused:
        read_events(ledger, GAZETTEER, TODAY)
    assert "events.csv:2: not UTF-8 text" in str(refused.value)


def test_an_unclosed_quote_is_refused(tmp_path):
    ledger = write(
        tmp_path / "events.csv", HEADER + '2457163,Gao,closed,2023-12-20,manual,"open,\n'
    )
    with pytest.raises(DataError, match=r"events\.csv:2: not a valid CSV row .*Fix: close every"):
        read_events(ledger, GAZETTEER, TODAY)


# -- reading sites.csv ------------------------------------------------------------------------


def test_site_notes_give_kind_and_note(tmp_path):
    notes = write(
        tmp_path / "sites.csv",
        "site_id,site,kind,note\n,Gao,camp (sector HQ),'Super Camp'\n2455290,Kidal,camp,\n",
    )
    read = read_site_notes(notes, GAZETTEER)
    assert [(n.place, n.kind, n.note) for n in read] == [
        (GAO, "camp (sector HQ)", "'Super Camp'"),
        (KIDAL, "camp", None),
    ]


def test_a_site_listed_twice_is_refused(tmp_path):
    notes = write(tmp_path / "sites.csv", "site_id,site,kind,note\n,Gao,camp,\n2457163,,HQ,\n")
    with pytest.raises(DataError) as refused:
        read_site_notes(notes, GAZETTEER)
    assert "sites.csv:3: site listed twice (first on line 2)" in str(refused.value)


def test_a_project_without_register_files_has_an_empty_register(tmp_path):
    register = load_register(Project(data=tmp_path / "data", seeds=tmp_path), GAZETTEER, TODAY)
    assert register.notes == () and register.statements == ()


# -- appending --------------------------------------------------------------------------------


def test_the_first_entry_creates_the_ledger_with_its_header(tmp_path):
    ledger = tmp_path / "data" / "events.csv"
    append_event(ledger, entry(note='said "done", twice'), RECORDED, GAZETTEER, TODAY)
    assert ledger.read_text(encoding="utf-8") == (
        HEADER
        + '2457163,Gao,closed,2023-12-20,manual,"said ""done"", twice",2024-12-31T08:00:00Z\n'
    )
    assert read_events(ledger, GAZETTEER, TODAY)[0].quote == 'said "done", twice'


def test_an_append_keeps_every_earlier_byte(tmp_path):
    # A hand-edited ledger: CRLF line ends, no final line break.
    old = HEADER.replace("\n", "\r\n").encode() + b",Tombouctou,closed,2023-12-20,manual,,"
    ledger = tmp_path / "events.csv"
    ledger.write_bytes(old)
    append_event(ledger, entry(status="pending"), RECORDED, GAZETTEER, TODAY)
    new = ledger.read_bytes()
    assert new.startswith(old)
    assert new[len(old) :] == b"\r\n2457163,Gao,pending,2023-12-20,manual,,2024-12-31T08:00:00Z\r\n"
    assert [s.place for s in read_events(ledger, GAZETTEER, TODAY)] == [TIMBUKTU, GAO]


def test_nothing_is_appended_to_a_broken_ledger(tmp_path):
    ledger = write(tmp_path / "events.csv", HEADER + "2457163,Gao,shut,2023-12-20,manual,,\n")
    before = sorted(p.name for p in tmp_path.iterdir()), ledger.read_bytes()
    with pytest.raises(DataError, match=r"events\.csv:2"):
        append_event(ledger, entry(), RECORDED, GAZETTEER, TODAY)
    assert (sorted(p.name for p in tmp_path.iterdir()), ledger.read_bytes()) == before


def append_many(ledger: Path, start, writer: int, count: int) -> None:
    start.wait()
    for n in range(count):
        statement = entry(note=f"writer {writer} entry {n}")
        append_event(ledger, statement, RECORDED, GAZETTEER, TODAY)


def test_concurrent_writers_lose_nothing(tmp_path):
    ledger = tmp_path / "events.csv"
    writers, each = 8, 10
    context = multiprocessing.get_context("fork")
    start = context.Barrier(writers)
    processes = [
        context.Process(target=append_many, args=(ledger, start, w, each)) for w in range(writers)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
        assert process.exitcode == 0
    notes = sorted(s.quote for s in read_events(ledger, GAZETTEER, TODAY))
    assert notes == sorted(f"writer {w} entry {n}" for w in range(writers) for n in range(each))
    assert ledger.read_text(encoding="utf-8").count("site_id,") == 1


# -- an incomplete last row -------------------------------------------------------------------

ROW = "2457163,Gao,closed,2023-12-20,manual,camp empty,2024-12-31T08:00:00Z\n"
CUTS = {
    "in the site": ROW[:9],
    "after a comma": ROW[:16],
    "in the evidence": ROW[:45],
    "in the recorded time": ROW[:-5],
    "in a quoted field": '2457163,Gao,closed,2023-12-20,manual,"said ""so',
    "in a multi-byte letter": "2457163,Gao,closed,2023-12-20,manual,S\xe9var\xe9".encode()[:-1],
}


def as_bytes(text: str | bytes) -> bytes:
    return text if isinstance(text, bytes) else text.encode("utf-8")


@pytest.mark.parametrize("cut", CUTS.values(), ids=CUTS.keys())
def test_an_incomplete_last_row_is_ignored_and_named(tmp_path, cut):
    ledger = tmp_path / "events.csv"
    ledger.write_bytes((HEADER + ROW + ROW).encode() + as_bytes(cut))
    register = load_register(Project(data=tmp_path, seeds=tmp_path), GAZETTEER, TODAY)
    assert len(register.statements) == 2
    (warning,) = register.warnings
    assert str(warning).startswith(
        f"{ledger}:4: an incomplete last row, left by a writer that was stopped, is ignored: "
    )
    assert len(read_events(ledger, GAZETTEER, TODAY)) == 2


@pytest.mark.parametrize("cut", CUTS.values(), ids=CUTS.keys())
def test_the_next_append_removes_an_incomplete_last_row(tmp_path, cut):
    ledger = tmp_path / "events.csv"
    whole = (HEADER + ROW).encode()
    ledger.write_bytes(whole + as_bytes(cut))
    (warning,) = append_event(ledger, entry(status="pending"), RECORDED, GAZETTEER, TODAY)
    assert f"{ledger}:3: an incomplete last row" in str(warning) and "was removed" in str(warning)
    assert (
        ledger.read_bytes()
        == whole + b"2457163,Gao,pending,2023-12-20,manual,,2024-12-31T08:00:00Z\n"
    )
    assert load_register(Project(data=tmp_path, seeds=tmp_path), GAZETTEER, TODAY).warnings == ()


def test_a_header_cut_short_is_replaced_by_the_whole_header(tmp_path):
    ledger = write(tmp_path / "events.csv", HEADER[:12])
    assert read_events(ledger, GAZETTEER, TODAY) == ()
    append_event(ledger, entry(), RECORDED, GAZETTEER, TODAY)
    assert ledger.read_text(encoding="utf-8") == HEADER + ROW.replace("camp empty", "")


def test_a_complete_last_row_without_a_line_break_counts(tmp_path):
    write(tmp_path / "events.csv", HEADER + ROW.rstrip("\n"))
    register = load_register(Project(data=tmp_path, seeds=tmp_path), GAZETTEER, TODAY)
    assert len(register.statements) == 1 and register.warnings == ()


def test_a_cut_row_that_is_not_the_last_is_an_error(tmp_path):
    ledger = write(tmp_path / "events.csv", HEADER + ROW[:20] + "\n" + ROW)
    with pytest.raises(DataError, match=r"events\.csv:2: row has 4 fields"):
        read_events(ledger, GAZETTEER, TODAY)
    with pytest.raises(DataError, match=r"events\.csv:2"):
        append_event(ledger, entry(), RECORDED, GAZETTEER, TODAY)


def test_a_bad_row_before_an_incomplete_last_row_is_still_an_error(tmp_path):
    ledger = write(tmp_path / "events.csv", HEADER + ROW.replace("closed", "shut") + ROW[:20])
    with pytest.raises(DataError, match=r"events\.csv:2: unknown status: 'shut'"):
        read_events(ledger, GAZETTEER, TODAY)


# -- killed writers ----------------------------------------------------------------------------

BIG = 100_000  # a row this long takes many pages to write, so a kill can land inside it
BIG_COLUMNS = ("n", "payload")


def big_rows(raw: bytes) -> list[int]:
    """The row numbers of a test ledger whose rows are n, then BIG letters x."""
    numbers = []
    for line, row in csv_rows(raw, Path("big.csv"), BIG_COLUMNS):
        if not row["n"].isdigit() or row["payload"] != "x" * BIG:
            raise DataError("incomplete row", path="big.csv", line=line)
        numbers.append(int(row["n"]))
    return numbers


def append_forever(ledger: Path, first: int, done) -> None:
    for n in itertools.count(first):
        append_row(ledger, BIG_COLUMNS, f"{n},{'x' * BIG}\n", big_rows, checked_as="test")
        done.send(n)


def test_a_writer_killed_at_any_moment_leaves_every_earlier_row_whole(tmp_path):
    ledger = tmp_path / "big.csv"
    context = multiprocessing.get_context("fork")
    chance = random.Random(20240722)
    rows: list[int] = []
    for _ in range(25):
        receiver, sender = context.Pipe(duplex=False)
        writer = context.Process(target=append_forever, args=(ledger, len(rows), sender))
        writer.start()
        time.sleep(chance.uniform(0.0, 0.1))
        os.kill(writer.pid, signal.SIGKILL)
        writer.join(30)
        assert writer.exitcode == -signal.SIGKILL
        acknowledged = len(rows) - 1
        while receiver.poll():
            acknowledged = receiver.recv()
        rows, warnings = read_append_only(ledger, big_rows) if ledger.exists() else ([], ())
        # Every row whose append returned is there, whole and in order; the row being
        # written when the kill came is there whole, or is one ignored incomplete row.
        assert rows == list(range(len(rows)))
        assert acknowledged + 1 <= len(rows) <= acknowledged + 2
        assert len(warnings) <= 1
    append_row(ledger, BIG_COLUMNS, f"{len(rows)},{'x' * BIG}\n", big_rows, checked_as="test")
    assert read_append_only(ledger, big_rows) == (list(range(len(rows) + 1)), ())


KILLED_WHILE_LOCKED = """
import sys, time
from filelock import FileLock
lock = FileLock(sys.argv[1])
lock.acquire()
print("locked", flush=True)
time.sleep(600)
"""


def test_a_lock_held_by_a_killed_writer_does_not_block_the_next(tmp_path):
    ledger = tmp_path / "events.csv"
    lock_file = tmp_path / ".events.csv.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", KILLED_WHILE_LOCKED, str(lock_file)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline() == "locked\n"
        with pytest.raises(Timeout):
            FileLock(lock_file, timeout=0).acquire()
    finally:
        holder.kill()
        holder.wait(30)
    assert holder.returncode == -signal.SIGKILL and lock_file.exists()
    with FileLock(lock_file, timeout=0):
        pass
    append_event(ledger, entry(), RECORDED, GAZETTEER, TODAY)
    assert len(read_events(ledger, GAZETTEER, TODAY)) == 1


def test_temporaries_of_the_old_whole_file_rewrite_are_removed_by_the_next_append(tmp_path):
    ledger = write(tmp_path / "events.csv", HEADER + ROW)
    leftover = tmp_path / ".events.csv.k2j4_x9a.tmp"
    leftover.write_bytes(HEADER.encode())
    a_day_ago = time.time() - 25 * 3600
    os.utime(leftover, (a_day_ago, a_day_ago))
    append_event(ledger, entry(), RECORDED, GAZETTEER, TODAY)
    assert not leftover.exists()


# -- checking the rows already there, once --------------------------------------------------


def test_an_append_checks_the_rows_only_once(tmp_path):
    ledger = write(tmp_path / "events.csv", HEADER + ROW)
    checks = []

    def counting(raw: bytes):
        checks.append(len(raw))
        return read_events(ledger, GAZETTEER, TODAY)

    key = "gazetteer v1"
    append_row(ledger, EVENT_COLUMNS, ROW, counting, checked_as=key)
    append_row(ledger, EVENT_COLUMNS, ROW, counting, checked_as=key)
    append_row(ledger, EVENT_COLUMNS, ROW, counting, checked_as=key)
    assert checks == [len(HEADER + ROW)]
    append_row(ledger, EVENT_COLUMNS, ROW, counting, checked_as="gazetteer v2")
    assert len(checks) == 2
    append_row(ledger, EVENT_COLUMNS, ROW, counting)
    assert len(checks) == 3


def test_a_ledger_broken_by_hand_after_an_append_is_checked_again(tmp_path):
    ledger = tmp_path / "events.csv"
    append_event(ledger, entry(), RECORDED, GAZETTEER, TODAY)
    broken = ledger.read_bytes().replace(b"closed", b"shut!!")  # same size, same place
    with ledger.open("r+b") as handle:
        handle.write(broken)
    with pytest.raises(DataError, match=r"events\.csv:2: unknown status: 'shut!!'"):
        append_event(ledger, entry(), RECORDED, GAZETTEER, TODAY)
    assert ledger.read_bytes() == broken


def test_a_garbled_record_of_the_last_check_means_a_full_check(tmp_path):
    ledger = tmp_path / "events.csv"
    append_event(ledger, entry(), RECORDED, GAZETTEER, TODAY)
    (tmp_path / ".events.csv.checked").write_text('{"checked_as": "', encoding="utf-8")
    with ledger.open("ab") as handle:
        handle.write(ROW.replace("closed", "shut").encode())
    with pytest.raises(DataError, match=r"events\.csv:3: unknown status"):
        append_event(ledger, entry(), RECORDED, GAZETTEER, TODAY)


# -- a register file that is not a file ------------------------------------------------------


def not_a_file(path: Path, kind: str) -> None:
    if kind == "folder":
        path.mkdir()
    else:
        os.mkfifo(path)


@pytest.mark.parametrize("kind", ["folder", "fifo"])
@pytest.mark.parametrize("name", ["events.csv", "sites.csv"])
def test_a_register_file_that_is_not_a_file_is_one_clear_error(tmp_path, name, kind):
    not_a_file(tmp_path / name, kind)
    with pytest.raises(DataError) as refused:
        load_register(Project(data=tmp_path, seeds=tmp_path), GAZETTEER, TODAY)
    assert str(refused.value).startswith(f"{tmp_path / name}: not a regular file but a ")
    assert "Fix: move it out of the way" in str(refused.value)


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_nothing_is_appended_to_a_ledger_that_is_not_a_file(tmp_path, kind):
    not_a_file(tmp_path / "events.csv", kind)
    with pytest.raises(DataError, match="not a regular file"):
        append_event(tmp_path / "events.csv", entry(), RECORDED, GAZETTEER, TODAY)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]
