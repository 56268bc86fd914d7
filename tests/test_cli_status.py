"""``missionmap status set``, run for real: one row appended, or nothing touched at all."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys

import pytest
from conftest import files_in

HEADER = "site_id,site,status,date,source,evidence,recorded"
RECORDED = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def ledger_rows(project):
    lines = (project / "data" / "events.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER
    return lines[1:]


def test_an_entry_is_appended_as_one_row(run_cli, project):
    result = run_cli(
        "status", "set", "Tombouctou", "handed over", "--date", "2023-12-28",
        "--source", "Lt Diallo, by phone", "--note", "keys handed to the governor",
        cwd=project,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (
        "Recorded Timbuktu: handed over (2023-12-28, manual: Lt Diallo, by phone)" in result.stdout
    )
    (row,) = ledger_rows(project)
    fields, recorded = row.rsplit(",", 1)
    assert fields == (
        '2449067,Timbuktu,handed over,2023-12-28,"manual: Lt Diallo, by phone",'
        "keys handed to the governor"
    )
    assert RECORDED.fullmatch(recorded)


def test_a_correction_is_a_new_row_and_earlier_rows_stay(run_cli, project):
    assert (
        run_cli("status", "set", "Gao", "closed", "--date", "2024-07-20", cwd=project).returncode
        == 0
    )
    first = (project / "data" / "events.csv").read_bytes()
    assert (
        run_cli(
            "status", "set", "Gao", "handed-over", "--date", "2024-07-22", cwd=project
        ).returncode
        == 0
    )
    after = (project / "data" / "events.csv").read_bytes()
    assert after.startswith(first)
    assert [row.split(",")[2:4] for row in ledger_rows(project)] == [
        ["closed", "2024-07-20"],
        ["handed over", "2024-07-22"],
    ]


def test_without_a_date_the_entry_is_dated_today(run_cli, project):
    days = {dt.date.today().isoformat()}
    result = run_cli("status", "set", "Mopti", "closed", cwd=project)
    days.add(dt.date.today().isoformat())  # in case midnight passed meanwhile
    assert result.returncode == 0, result.stderr
    (row,) = ledger_rows(project)
    assert row.split(",")[3] in days
    assert row.split(",")[4] == "manual"


REFUSED = {
    "unknown site, with suggestions": (
        ["Moptii", "closed"],
        "unknown place: 'Moptii'. Fix: did you mean Mopti",
    ),
    "a place abroad": (["Niamey", "closed"], "not in the mission's countries"),
    "unknown status, listing the valid ones": (
        ["Gao", "shut"],
        "unknown STATUS: 'shut'. Fix: use one of 'handed over', 'closed', 'pending'",
    ),
    "impossible date": (
        ["Gao", "closed", "--date", "2023-02-30"],
        "--date is not a calendar date: '2023-02-30'",
    ),
    "date written another way": (
        ["Gao", "closed", "--date", "28/12/2023"],
        "write a real day as YYYY-MM-DD",
    ),
    "future date": (
        ["Gao", "closed", "--date", "2999-01-01"],
        "--date is in the future: '2999-01-01'",
    ),
    "date before the mission began": (
        ["Gao", "closed", "--date", "2001-01-01"],
        "--date is before the mission began (2013-04-25, began: in mission.yaml): '2001-01-01'",
    ),
    "line break in the note": (
        ["Gao", "closed", "--note", "one\ntwo"],
        "--note holds a line break",
    ),
    "escape sequence in the source": (
        ["Gao", "closed", "--source", "\x1b[2Jops"],
        "--source holds",
    ),
    "overlong note": (
        ["Gao", "closed", "--note", "x" * 5000],
        "--note is longer than 1000 characters",
    ),
}


@pytest.mark.parametrize("args, message", REFUSED.values(), ids=REFUSED.keys())
def test_an_invalid_entry_is_refused_and_no_file_changes(run_cli, project, args, message):
    assert (
        run_cli("status", "set", "Gao", "pending", "--date", "2023-12-11", cwd=project).returncode
        == 0
    )
    before = files_in(project)
    result = run_cli("status", "set", *args, cwd=project)
    assert result.returncode == 1
    assert result.stderr.startswith("missionmap: error: ")
    assert result.stderr.count("\n") == 1
    assert message in result.stderr and "Fix:" in result.stderr
    assert "Traceback" not in result.stderr
    assert files_in(project) == before


def test_an_entry_into_a_broken_ledger_is_refused_and_nothing_changes(run_cli, project):
    (project / "data").mkdir()
    ledger = project / "data" / "events.csv"
    ledger.write_text(HEADER + "\n2457163,Gao,shut,2023-12-11,manual,,\n", encoding="utf-8")
    before = files_in(project)
    result = run_cli("status", "set", "Gao", "closed", "--date", "2023-12-20", cwd=project)
    assert result.returncode == 1
    assert "events.csv:2: unknown status: 'shut'" in result.stderr
    assert files_in(project) == before


def test_a_refused_first_entry_creates_no_data_folder(run_cli, project):
    result = run_cli("status", "set", "Gao", "shut", cwd=project)
    assert result.returncode == 1
    assert sorted(p.name for p in project.iterdir()) == ["seeds"]


@pytest.mark.parametrize("args", [["Gao"], ["Gao", "closed", "--when", "2023-12-20"], []])
def test_wrong_usage_exits_2(run_cli, project, args):
    result = run_cli("status", "set", *args, cwd=project)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_two_writers_at_the_same_moment_both_land(project):
    def start(site: str, status: str) -> subprocess.Popen:
        args = ("status", "set", site, status, "--date", "2024-07-22")
        command = [sys.executable, "-m", "geo", *args]
        return subprocess.Popen(
            command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )

    writers = [start("Gao", "handed over"), start("Tombouctou", "closed")]
    for writer in writers:
        _, errors = writer.communicate(timeout=120)
        assert writer.returncode == 0, errors
    rows = sorted(row.split(",")[1:3] for row in ledger_rows(project))
    assert rows == [["Gao", "handed over"], ["Timbuktu", "closed"]]


ROW = "2457163,Gao,closed,2023-12-20,manual,camp empty,2024-12-31T08:00:00Z\n"


def test_an_incomplete_last_row_is_named_by_readers_and_removed_by_the_next_entry(run_cli, project):
    (project / "data").mkdir()
    ledger = project / "data" / "events.csv"
    ledger.write_text(HEADER + "\n" + ROW + ROW[:30], encoding="utf-8")

    listed = run_cli("sites", cwd=project)
    assert listed.returncode == 0, listed.stderr
    assert listed.stderr == (
        "missionmap: warning: data/events.csv:3: an incomplete last row, left by a writer that"
        " was stopped, is ignored: '2457163,Gao,closed,2023-12-20,'. Fix: none needed, the next"
        " entry removes it (retype it if you wrote it by hand).\n"
    )
    assert "Gao" in listed.stdout

    entry = run_cli("status", "set", "Gao", "handed over", "--date", "2024-07-22", cwd=project)
    assert entry.returncode == 0, entry.stderr
    assert entry.stderr.startswith("missionmap: warning: data/events.csv:3: an incomplete last")
    assert "was removed" in entry.stderr and entry.stderr.count("\n") == 1
    assert [row.split(",")[2] for row in ledger_rows(project)] == ["closed", "handed over"]

    again = run_cli("sites", cwd=project)
    assert again.returncode == 0 and again.stderr == ""


def test_a_ledger_row_dated_before_the_mission_began_is_one_clear_line(run_cli, project):
    (project / "data").mkdir()
    ledger = project / "data" / "events.csv"
    ledger.write_text(HEADER + "\n" + ROW.replace("2023-12-20", "2001-01-01"), encoding="utf-8")
    before = files_in(project)
    for command in (["sites"], ["status", "set", "Gao", "handed over", "--date", "2024-07-22"]):
        result = run_cli(*command, cwd=project)
        assert result.returncode == 1
        assert result.stderr == (
            "missionmap: error: data/events.csv:2: date is before the mission began (2013-04-25,"
            " began: in mission.yaml): '2001-01-01'. Fix: give a day on or after 2013-04-25, or"
            " correct began: in data/mission.yaml.\n"
        )
    assert files_in(project) == before


def test_an_entry_with_the_longest_source_allowed_is_read_back(run_cli, project):
    longest = "s" * 200
    entry = run_cli(
        "status", "set", "Gao", "closed", "--date", "2023-12-20", "--source", longest, cwd=project
    )
    assert entry.returncode == 0, entry.stderr
    listed = run_cli("history", "Gao", cwd=project)
    assert listed.returncode == 0, listed.stderr
    assert f"manual: {longest}" in listed.stdout


FOLDER_IN_PLACE = {
    "ledger, status set": ("events.csv", ["status", "set", "Gao", "closed"]),
    "ledger, sites": ("events.csv", ["sites"]),
    "ledger, build": ("events.csv", ["build"]),
    "site notes, sites": ("sites.csv", ["sites"]),
    "site notes, build": ("sites.csv", ["build"]),
}


@pytest.mark.parametrize("name, command", FOLDER_IN_PLACE.values(), ids=FOLDER_IN_PLACE.keys())
def test_a_register_file_that_is_a_folder_is_one_clear_line(run_cli, project, name, command):
    (project / "data" / name).mkdir(parents=True)
    before = files_in(project)
    result = run_cli(*command, cwd=project)
    assert result.returncode == 1
    assert result.stderr == (
        f"missionmap: error: data/{name}: not a regular file but a folder. Fix: move it out of"
        " the way; missionmap reads and writes a plain file of this name.\n"
    )
    assert files_in(project) == before


def test_a_ledger_that_is_a_fifo_is_refused_without_waiting(run_cli, project):
    (project / "data").mkdir()
    os.mkfifo(project / "data" / "events.csv")
    for command in (["status", "set", "Gao", "closed"], ["history"]):
        result = run_cli(*command, cwd=project)
        assert result.returncode == 1
        assert "data/events.csv: not a regular file but a pipe or device" in result.stderr
        assert "Traceback" not in result.stderr
