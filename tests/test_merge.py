"""The merge rules of the register, case by case: what the map shows when statements meet."""

from __future__ import annotations

import dataclasses
import datetime as dt
import doctest

import pytest

from geo import merge as merge_module
from geo.merge import SITE_COLUMNS, merge, replay, site_record, sites_frame
from geo.model import Confirmation, Document, Evidence, Place, SiteNote, Status

GAO = Place("2457163", "Gao", 16.27167, -0.04472, "ML", "P", "PPLA", admin1="Gao")
MOPTI = Place("2453348", "Mopti", 14.4843, -4.18296, "ML", "P", "PPLA")
OGOSSAGOU = Place("S-ogossagou", "Ogossagou", 14.29, -3.64, "ML", "S", "MILB", precision_km=10)

PENDING, CLOSED, HANDED_OVER = Status.PENDING, Status.CLOSED, Status.HANDED_OVER


def report(status: Status, day: str | None, path: str = "seeds/a.txt", place=GAO) -> Evidence:
    """A statement read from the document ``path``, dated ``day``."""
    date = dt.date.fromisoformat(day) if day else None
    document = Document(path=path, text="…", date=date)
    return Evidence(place, status, date, f"{path} says {status.value}", path, document=document)


def manual(status: Status, day: str, who: str = "manual: ops", place=GAO) -> Evidence:
    return Evidence(place, status, dt.date.fromisoformat(day), f"{who} says {status.value}", who)


# Each case: the statements about Gao (manual ones in the order they were recorded),
# the status the map must show, the source it rests on, and the conflicts to report.
CASES = {
    "the later dated report wins": (
        [
            report(PENDING, "2023-12-11", "seeds/a.txt"),
            report(HANDED_OVER, "2024-07-22", "seeds/b.txt"),
        ],
        HANDED_OVER,
        "seeds/b.txt",
        [],
    ),
    "order of arrival does not matter": (
        [
            report(HANDED_OVER, "2024-07-22", "seeds/b.txt"),
            report(PENDING, "2023-12-11", "seeds/a.txt"),
        ],
        HANDED_OVER,
        "seeds/b.txt",
        [],
    ),
    "a dated report outranks an undated one that says more": (
        [
            report(HANDED_OVER, None, "seeds/undated.txt"),
            report(CLOSED, "2023-10-01", "seeds/b.txt"),
        ],
        CLOSED,
        "seeds/b.txt",
        ["an undated statement says otherwise"],
    ),
    "an undated report alone still counts": (
        [report(CLOSED, None, "seeds/undated.txt")],
        CLOSED,
        "seeds/undated.txt",
        [],
    ),
    "same date, two reports disagree: the most specific wins, and it is a conflict": (
        [report(PENDING, "2023-12-11", "seeds/a.txt"), report(CLOSED, "2023-12-11", "seeds/b.txt")],
        CLOSED,
        "seeds/b.txt",
        ["reports of the same date disagree"],
    ),
    "same date, same report: the most specific wins, no conflict": (
        [report(PENDING, "2023-12-11"), report(HANDED_OVER, "2023-12-11")],
        HANDED_OVER,
        "seeds/a.txt",
        [],
    ),
    "same date, reports agree: no conflict": (
        [report(CLOSED, "2023-12-11", "seeds/a.txt"), report(CLOSED, "2023-12-11", "seeds/b.txt")],
        CLOSED,
        "seeds/a.txt",
        [],
    ),
    "a manual entry outranks a report of the same date": (
        [report(PENDING, "2023-12-11"), manual(CLOSED, "2023-12-11")],
        CLOSED,
        "manual: ops",
        [],
    ),
    "a manual entry outranks an earlier report": (
        [report(PENDING, "2023-12-11"), manual(HANDED_OVER, "2023-12-20")],
        HANDED_OVER,
        "manual: ops",
        [],
    ),
    "a manual entry going back is applied, and reported": (
        [report(HANDED_OVER, "2023-12-11"), manual(PENDING, "2023-12-11")],
        PENDING,
        "manual: ops",
        ["manual entry moves it back from handed over to pending"],
    ),
    "a later report outranks an earlier manual entry": (
        [manual(CLOSED, "2023-12-11"), report(HANDED_OVER, "2024-07-22", "seeds/b.txt")],
        HANDED_OVER,
        "seeds/b.txt",
        [],
    ),
    "a later report going back is not applied, and reported": (
        [
            report(HANDED_OVER, "2023-12-08", "seeds/a.txt"),
            report(PENDING, "2023-12-11", "seeds/b.txt"),
        ],
        HANDED_OVER,
        "seeds/a.txt",
        ["a later report says pending after handed over; not applied"],
    ),
    "a later report cannot undo a manual handover either": (
        [manual(HANDED_OVER, "2023-12-08"), report(CLOSED, "2023-12-11", "seeds/b.txt")],
        HANDED_OVER,
        "manual: ops",
        ["a later report says closed after handed over; not applied"],
    ),
    "of two manual entries of one day, the one recorded last wins": (
        [
            manual(HANDED_OVER, "2023-12-11", "manual: first"),
            manual(CLOSED, "2023-12-11", "manual: fix"),
        ],
        CLOSED,
        "manual: fix",
        ["manual entry moves it back from handed over to closed"],
    ),
    "a repeated status keeps the latest statement as its proof": (
        [report(CLOSED, "2023-10-01", "seeds/a.txt"), report(CLOSED, "2023-12-11", "seeds/b.txt")],
        CLOSED,
        "seeds/b.txt",
        [],
    ),
    "after a rejected step back, a later step forward applies": (
        [
            report(CLOSED, "2023-10-01", "seeds/a.txt"),
            report(PENDING, "2023-11-01", "seeds/b.txt"),
            report(HANDED_OVER, "2023-12-01", "seeds/c.txt"),
        ],
        HANDED_OVER,
        "seeds/c.txt",
        ["a later report says pending after closed; not applied"],
    ),
}


@pytest.mark.parametrize("statements, status, source, reasons", CASES.values(), ids=CASES.keys())
def test_merge_rule(statements, status, source, reasons):
    merged = merge(statements)
    (site,) = merged.sites
    assert site.status is status
    assert site.evidence.source == source
    assert [c.reason for c in merged.conflicts] == reasons


@pytest.mark.parametrize("statements", [case[0] for case in CASES.values()], ids=CASES.keys())
def test_each_stage_of_a_replay_is_the_merge_as_of_its_day(statements):
    note = SiteNote(GAO, "camp", "Road cut.")
    stages = replay(statements, note)
    undated = [s for s in statements if s.date is None]
    days = sorted({s.date for s in statements if s.date is not None})
    assert [stage.date for stage in stages] == [None] * bool(undated) + days
    for stage in stages:
        known = [s for s in statements if s.date is None or (stage.date and s.date <= stage.date)]
        assert stage.site == merge(known, [note]).sites[0]
    # The last stage is the site as merged from every statement.
    assert stages[-1].site == merge(statements, [note]).sites[0]


def test_a_replay_starts_with_the_undated_statements_then_goes_day_by_day():
    statements = [
        report(CLOSED, None, "seeds/undated.txt"),
        report(PENDING, "2023-10-01", "seeds/a.txt"),
        manual(HANDED_OVER, "2023-12-01"),
    ]
    stages = replay(statements)
    assert [(stage.date, stage.site.status, stage.site.evidence.source) for stage in stages] == [
        (None, CLOSED, "seeds/undated.txt"),
        (dt.date(2023, 10, 1), PENDING, "seeds/a.txt"),
        (dt.date(2023, 12, 1), HANDED_OVER, "manual: ops"),
    ]
    assert [len(stage.site.history) for stage in stages] == [1, 2, 3]


def test_docstring_examples_run():
    assert doctest.testmod(merge_module).failed == 0


def test_a_conflict_names_what_was_kept_and_what_was_not():
    earlier = report(HANDED_OVER, "2023-12-08", "seeds/a.txt")
    stale = report(PENDING, "2023-12-11", "seeds/b.txt")
    (conflict,) = merge([earlier, stale]).conflicts
    assert conflict.place == GAO
    assert conflict.kept == earlier
    assert conflict.other == stale


def test_history_holds_every_statement_oldest_first_even_those_not_applied():
    undated = report(CLOSED, None, "seeds/undated.txt")
    first = report(PENDING, "2023-12-11", "seeds/a.txt")
    stale = report(PENDING, "2024-01-05", "seeds/c.txt")
    by_hand = manual(HANDED_OVER, "2023-12-28")
    same_day_report = report(CLOSED, "2023-12-28", "seeds/b.txt")
    (site,) = merge([stale, by_hand, first, undated, same_day_report]).sites
    assert site.history == (undated, first, same_day_report, by_hand, stale)
    assert site.status is HANDED_OVER


def test_one_site_per_place_ordered_by_name():
    merged = merge([report(PENDING, "2023-12-11", place=MOPTI), report(PENDING, "2023-12-11")])
    assert [s.place.name for s in merged.sites] == ["Gao", "Mopti"]


def test_the_register_gives_kind_and_note():
    note = SiteNote(GAO, kind="camp (sector HQ)", note="'Super Camp'")
    (site,) = merge([report(PENDING, "2023-12-11")], [note]).sites
    assert (site.kind, site.note) == ("camp (sector HQ)", "'Super Camp'")


def test_a_registered_site_without_a_status_is_not_mapped_but_kept():
    note = SiteNote(OGOSSAGOU, kind="temporary operating base")
    merged = merge([report(PENDING, "2023-12-11")], [note])
    assert [s.place.name for s in merged.sites] == ["Gao"]
    assert merged.without_status == (note,)


def test_a_registered_site_gets_mapped_once_a_manual_entry_gives_it_a_status():
    note = SiteNote(OGOSSAGOU, kind="temporary operating base")
    entry = manual(HANDED_OVER, "2023-08-03", place=OGOSSAGOU)
    merged = merge([entry], [note])
    (site,) = merged.sites
    assert (site.place, site.status, site.kind) == (
        OGOSSAGOU,
        HANDED_OVER,
        "temporary operating base",
    )
    assert merged.without_status == ()


def test_sites_frame_has_one_row_per_site_with_its_point():
    merged = merge([report(PENDING, "2023-12-11"), manual(HANDED_OVER, "2024-07-22")])
    frame = sites_frame(merged.sites)
    assert tuple(frame.columns[:-1]) == SITE_COLUMNS
    assert frame.crs.to_epsg() == 4326
    row = frame.iloc[0]
    assert (row["site"], row["status"], row["date"], row["source"]) == (
        "Gao",
        "handed over",
        "2024-07-22",
        "manual: ops",
    )
    assert (row.geometry.x, row.geometry.y) == (GAO.lon, GAO.lat)


def test_a_site_record_says_how_sure_its_status_is_and_what_contradicts_it_that_day():
    read = dataclasses.replace(
        report(HANDED_OVER, "2023-12-20", "seeds/a.txt"),
        confidence=0.52,
        confirmation=Confirmation.UNCONFIRMED,
    )
    (site,) = merge([read, report(PENDING, "2023-12-20", "seeds/b.txt")]).sites
    record = site_record(site)
    assert (record["confirmation"], record["confidence"]) == ("unconfirmed", 0.52)
    assert record["conflict"] == "pending (seeds/b.txt)"
    # A later report that steps back is a conflict too, but not of the same day.
    (later,) = merge([read, report(PENDING, "2024-01-05", "seeds/c.txt")]).sites
    assert later.conflicts and site_record(later)["conflict"] is None
    (manual_site,) = merge([manual(CLOSED, "2023-12-20")]).sites
    assert site_record(manual_site)["confirmation"] == "confirmed"
