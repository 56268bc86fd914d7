"""The hand-kept register files: validation on read, validation before write, safe appends."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from geo.errors import DataError, GeoError, UnknownPlaceError
from geo.gazetteer import Gazetteer
from geo.model import Place, Status
from geo.project import Project
from geo.register import (
    EVENT_COLUMNS,
    append_event,
    load_register,
    manual_statement,
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
    writers, each = 6, 5
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


KILLED_WRITER = """
import datetime as dt, os, signal, sys
from pathlib import Path
from geo.gazetteer import Gazetteer
from geo.register import append_event, manual_statement
from geo.model import Place

# The process dies once the new ledger is written to its temporary file, before the rename.
os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)
gao = Place("2457163", "Gao", 16.27167, -0.04472, "ML", "P", "PPLA")
gazetteer = Gazetteer.from_places([gao], "ML")
today = dt.date(2024, 12, 31)
statement = manual_statement(gazetteer, "Gao", "handed over", "2024-07-22", None, None, today)
append_event(Path(sys.argv[1]), statement, dt.datetime.now(dt.UTC), gazetteer, today)
"""


def test_a_writer_killed_mid_write_leaves_the_old_ledger_whole(tmp_path):
    ledger = write(tmp_path / "events.csv", HEADER + "2457163,Gao,closed,2023-12-20,manual,,\n")
    old = ledger.read_bytes()
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(ledger)], timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert ledger.read_bytes() == old
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers, "the writer should have died with its new ledger half-done"
    assert [s.status for s in read_events(ledger, GAZETTEER, TODAY)] == [Status.CLOSED]
