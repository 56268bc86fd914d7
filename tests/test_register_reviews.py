"""``data/reviews.csv``: people's decisions on readings, written once and checked on every read."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from test_confirm import DECIDED, decision
from test_confirm import reading as any_reading
from test_register import GAO, GAZETTEER, TODAY

from geo.errors import DataError
from geo.model import Status, Verdict
from geo.project import Project
from geo.register import (
    REVIEW_COLUMNS,
    append_decision,
    decision_line,
    load_register,
    read_decisions,
)

HEADER = ",".join(REVIEW_COLUMNS) + "\n"


def reading(**fields):
    """A reading about Gao as the test gazetteer has it."""
    return any_reading(GAO, **fields)


def written(tmp_path, *decisions):
    path = tmp_path / "data" / "reviews.csv"
    for each in decisions:
        append_decision(path, each, GAZETTEER, TODAY)
    return path


def test_decisions_are_read_back_as_written(tmp_path):
    wrong = reading(status=Status.PENDING)
    decisions = (
        decision(reading(), Verdict.ACCEPT),
        decision(wrong, Verdict.CORRECT, Status.CLOSED, dt.date(2023, 12, 20), by="Ben, ops"),
    )
    path = written(tmp_path, *decisions)
    assert read_decisions(path, GAZETTEER, TODAY) == decisions
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER.strip()
    assert lines[2].split(",")[1:4] == ["correct", "closed", "2023-12-20"]
    assert lines[2].endswith(',"Ben, ops",2024-01-05T09:00:00Z')


def test_each_decision_adds_one_row_and_keeps_the_others_byte_for_byte(tmp_path):
    path = written(tmp_path, decision(reading(), Verdict.ACCEPT))
    before = path.read_bytes()
    append_decision(path, decision(reading(), Verdict.REJECT), GAZETTEER, TODAY)
    after = path.read_bytes()
    assert after.startswith(before)
    assert after[len(before) :].decode() == decision_line(decision(reading(), Verdict.REJECT))


def edited(tmp_path, column: str, value: str):
    """A reviews.csv whose one row had ``column`` changed by hand to ``value``."""
    path = written(tmp_path, decision(reading(), Verdict.ACCEPT))
    header, row = csv.reader(io.StringIO(path.read_text(encoding="utf-8")))
    row[REVIEW_COLUMNS.index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header, row])
    return path


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("verdict", "approve", "unknown verdict: 'approve'"),
        ("status", "gone", "unknown status: 'gone'"),
        ("date", "2099-01-01", "date is in the future: '2099-01-01'"),
        ("date", "11/12/2023", "date is not a calendar date: '11/12/2023'"),
        ("site_id", "2455290", "the reading id does not match the row's report, sentence and site"),
        ("sentence", "The mission left Kidal.", "the reading id does not match"),
        ("report_sha256", "abc", "report_sha256 is not a sha256 in hex: 'abc'"),
        ("by", "", "empty name of who decided"),
        ("decided", "yesterday", "decided is not a UTC time: 'yesterday'"),
    ],
)
def test_a_row_edited_into_nonsense_is_named_by_file_line_and_value(
    tmp_path, column, value, message
):
    path = edited(tmp_path, column, value)
    with pytest.raises(DataError) as caught:
        read_decisions(path, GAZETTEER, TODAY)
    assert str(caught.value).startswith(f"{path}:2: {message}")
    assert "Fix:" in str(caught.value)


def test_no_decision_is_added_to_a_broken_file(tmp_path):
    path = edited(tmp_path, "verdict", "approve")
    before = path.read_bytes()
    with pytest.raises(DataError):
        append_decision(path, decision(reading(), Verdict.REJECT), GAZETTEER, TODAY)
    assert path.read_bytes() == before


def test_the_decided_time_is_kept_to_the_second(tmp_path):
    path = written(tmp_path, decision(reading(), Verdict.ACCEPT))
    (read,) = read_decisions(path, GAZETTEER, TODAY)
    assert read.decided == DECIDED


def test_an_incomplete_last_decision_is_ignored_then_removed_by_the_next(tmp_path):
    accepted, rejected = decision(reading(), Verdict.ACCEPT), decision(reading(), Verdict.REJECT)
    path = written(tmp_path, accepted)
    path.write_bytes(path.read_bytes() + decision_line(rejected).encode()[:25])  # a killed writer
    assert read_decisions(path, GAZETTEER, TODAY) == (accepted,)
    project = Project(data=path.parent)
    assert [w.line for w in load_register(project, GAZETTEER, TODAY).warnings] == [3]
    (warning,) = append_decision(path, rejected, GAZETTEER, TODAY)
    assert "incomplete last row" in str(warning) and "was removed" in str(warning)
    assert read_decisions(path, GAZETTEER, TODAY) == (accepted, rejected)
