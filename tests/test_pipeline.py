"""The pipeline over several documents: which statement decides, and what is reported.

Each test writes a few small reports into a fresh project and runs the real
pipeline with the bundled gazetteer.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from conftest import REPO, TEST_DATA

from geo.pipeline import run
from geo.project import open_project


def write_report(project: Path, name: str, text: str, date: str | None = None) -> None:
    front = f"---\ndate: {date}\n---\n" if date else ""
    (project / "seeds" / name).write_text(front + text + "\n", encoding="utf-8")


def sites_of(project: Path) -> dict[str, tuple]:
    """{site: (status, event date, document file name)} after a real run."""
    result = run(open_project(project / "seeds", project / "data"))
    return {
        s.place.name: (s.status.value, s.evidence.date, Path(s.evidence.source).name)
        for s in result.merged.sites
    }


def conflicts_of(project: Path) -> list[tuple[str, str, str]]:
    result = run(open_project(project / "seeds", project / "data"))
    return [
        (c.place.name, c.kept.status.value, c.other.status.value) for c in result.merged.conflicts
    ]


def test_the_bundled_seed_gives_exactly_the_four_sites(project):
    for path in (REPO / "seeds").iterdir():
        shutil.copy(path, project / "seeds" / path.name)
    result = run(open_project(project / "seeds", project / "data"), details=True)
    assert {s.place.name: s.status.value for s in result.merged.sites} == {
        "Bamako": "closed",
        "Mopti": "handed over",
        "Gao": "pending",
        "Timbuktu": "pending",
    }
    mopti = next(s for s in result.merged.sites if s.place.name == "Mopti")
    assert mopti.evidence.date == dt.date(2023, 12, 4)  # "last week", from 2023-12-11
    assert mopti.evidence.quote.startswith("The Mopti camp")
    # Moscow, France, Mali and the Sahel are named, but never as sites.
    named = {m.place.name for m in result.mentions}
    assert {"Moscow", "France", "Mali"} <= named
    stated = {e.place.name for e in result.statements}
    assert stated == {"Bamako", "Mopti", "Gao", "Timbuktu"}
    assert result.merged.conflicts == ()


def test_a_later_report_that_moves_a_site_on_wins(project):
    write_report(project, "a.txt", "The Gao camp will be handed over next month.", "2023-12-01")
    write_report(project, "b.txt", "The Gao camp was handed over on Monday.", "2023-12-20")
    assert sites_of(project) == {"Gao": ("handed over", dt.date(2023, 12, 18), "b.txt")}
    assert conflicts_of(project) == []


def test_the_order_of_files_does_not_matter(project):
    write_report(project, "z.txt", "The Gao camp will be handed over next month.", "2023-12-01")
    write_report(project, "a.txt", "The Gao camp was handed over on Monday.", "2023-12-20")
    assert sites_of(project) == {"Gao": ("handed over", dt.date(2023, 12, 18), "a.txt")}


def test_an_undated_report_ranks_below_a_dated_one(project):
    write_report(project, "old.txt", "The Timbuktu camp was handed over.")
    write_report(
        project, "new.txt", "MINUSMA still needs to close its Timbuktu camp.", "2023-12-01"
    )
    assert sites_of(project) == {"Timbuktu": ("pending", dt.date(2023, 12, 1), "new.txt")}
    assert conflicts_of(project) == [("Timbuktu", "pending", "handed over")]


def test_reports_of_the_same_date_that_disagree_are_a_conflict(project):
    write_report(project, "a.txt", "The Ménaka camp was closed on Friday.", "2023-08-28")
    write_report(project, "b.txt", "The Ménaka camp was handed over on Friday.", "2023-08-28")
    assert sites_of(project) == {"Ménaka": ("handed over", dt.date(2023, 8, 25), "b.txt")}
    assert conflicts_of(project) == [("Ménaka", "handed over", "closed")]


def test_event_dates_order_statements_not_publication_dates(project):
    # Published later, but about an earlier event: the handover of 18 November
    # comes after the plan reported on 10 November.
    write_report(project, "plan.txt", "The Ansongo camp is due to close soon.", "2023-11-10")
    write_report(
        project, "late.txt", "The Ansongo camp was handed over on 18 November.", "2023-12-20"
    )
    assert sites_of(project) == {"Ansongo": ("handed over", dt.date(2023, 11, 18), "late.txt")}


def test_a_stale_plan_reported_after_the_event_is_reported_as_a_conflict(project):
    write_report(
        project, "done.txt", "Peacekeepers vacated the Kidal camp on 31 October.", "2023-11-01"
    )
    write_report(project, "stale.txt", "The Kidal camp is due to be handed over.", "2023-11-05")
    # The register keeps the closure (a later report going backwards is not applied)
    # and says so; either way the disagreement is never dropped.
    assert sites_of(project)["Kidal"][0] == "closed"
    assert conflicts_of(project) == [("Kidal", "closed", "pending")]


def test_within_one_report_the_most_specific_statement_wins(project):
    text = (
        "The Gao camp was closed on Friday. "
        "Its formal handover to the governor of Gao is planned for January. "
        "MINUSMA still needs to leave Gao completely."
    )
    write_report(project, "gao.txt", text, "2023-12-11")
    assert sites_of(project) == {"Gao": ("closed", dt.date(2023, 12, 8), "gao.txt")}
    assert conflicts_of(project) == []


def test_a_broken_report_is_skipped_and_the_others_still_count(project):
    write_report(
        project, "good.txt", "The Douentza camp was handed over on Saturday.", "2023-10-23"
    )
    (project / "seeds" / "broken.txt").write_bytes(b"The Gao camp was closed in\nS\xe9var\xe9.\n")
    result = run(open_project(project / "seeds", project / "data"))
    assert [s.place.name for s in result.merged.sites] == ["Douentza"]
    assert len(result.problems) == 1
    assert "broken.txt:2: not UTF-8 text" in str(result.problems[0])


# The withdrawal as the reference timeline tells it (see tests/data/timeline/README.md):
# each site's last status and the day it happened, typed in from the timeline by hand.
WITHDRAWAL = {
    "Ogossagou": ("handed over", dt.date(2023, 8, 3)),
    "Ber": ("closed", dt.date(2023, 8, 13)),
    "Goundam": ("handed over", dt.date(2023, 8, 16)),
    "Ménaka": ("handed over", dt.date(2023, 8, 25)),
    "Tessalit": ("closed", dt.date(2023, 10, 21)),
    "Douentza": ("handed over", dt.date(2023, 10, 21)),
    "Aguelhok": ("closed", dt.date(2023, 10, 23)),
    "Kidal": ("closed", dt.date(2023, 10, 31)),
    "Ansongo": ("handed over", dt.date(2023, 11, 18)),
    "Mopti": ("handed over", dt.date(2023, 12, 4)),  # the seed's "last week"
    "Timbuktu": ("handed over", dt.date(2023, 12, 28)),
    "Gao": ("handed over", dt.date(2024, 7, 22)),
    "Bamako": ("handed over", dt.date(2024, 11, 15)),
}


def test_a_season_of_reports_maps_the_withdrawal_as_it_happened(project):
    for path in (REPO / "seeds").iterdir():
        shutil.copy(path, project / "seeds" / path.name)
    for path in (TEST_DATA / "timeline").glob("2*.md"):
        shutil.copy(path, project / "seeds" / path.name)
    result = run(open_project(project / "seeds", project / "data"))
    assert result.problems == ()
    mapped = {s.place.name: (s.status.value, s.evidence.date) for s in result.merged.sites}
    assert mapped == WITHDRAWAL
    assert result.as_of == dt.date(2024, 11, 16)
    # Bamako's story: the flag lowered at the closing ceremony, then the HQ handed over.
    bamako = next(s for s in result.merged.sites if s.place.name == "Bamako")
    assert [(e.status.value, e.date) for e in bamako.history] == [
        ("closed", dt.date(2023, 12, 11)),
        ("handed over", dt.date(2024, 11, 15)),
    ]
    # Convoys reaching Timbuktu and Gao are journeys, not statements about those camps.
    assert all("convoy" not in e.quote for e in result.statements)
    assert result.merged.conflicts == ()
