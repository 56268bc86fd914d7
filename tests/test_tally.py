"""Reducing readings as they stream: what a run keeps of many reports saying the same."""

from __future__ import annotations

import datetime as dt

from geo.confirm import confirm, id_of, report_hash
from geo.merge import merge, strongest_per_document
from geo.model import Decision, Document, Evidence, Place, Status, Verdict
from geo.tally import KEPT_PER_DAY, Tally, left_out_until

GAO = Place("2457163", "Gao", 16.27167, -0.04472, "ML", "P", "PPLA")
MOPTI = Place("2453348", "Mopti", 14.4843, -4.18296, "ML", "P", "PPLA")
DAY = dt.date(2023, 12, 8)


def report(path: str, text: str, status=Status.HANDED_OVER, day=DAY, place=GAO) -> Evidence:
    """The one statement read in the report ``path``, whose text is ``text``."""
    document = Document(path=path, text=text, date=day).without_text()
    return Evidence(place, status, day, text, path, document=document, confidence=0.95)


def tallied(statements: list[Evidence], decisions=()) -> Tally:
    tally = Tally(tuple(decisions), 0.9, lambda own: own)
    for statement in statements:
        tally.add((statement,))
    return tally


def test_many_reports_saying_the_same_of_a_day_keep_a_bounded_number_of_quotes():
    many = [
        report(f"seeds/wire.jsonl:{n}", f"Gao was handed over, says wire {n}.") for n in range(40)
    ]
    plan = report("seeds/plan.txt", "Gao is next.", Status.PENDING, dt.date(2023, 11, 1))
    tally = tallied([plan, *many])
    (site,) = merge(tally.confirmed().readings, left_out=left_out_until(tally.left_out, None)).sites
    assert [e.quote for e in site.history] == [plan.quote] + [e.quote for e in many[:KEPT_PER_DAY]]
    assert site.left_out == 40 - KEPT_PER_DAY
    (everything,) = merge(confirm([plan, *many], [], 0.9).readings).sites
    assert (site.status, site.evidence) == (everything.status, everything.evidence)


def test_a_report_repeated_in_other_files_is_one_quote_and_a_count():
    text = "The Gao camp was handed over to the Malian authorities."
    copies = [report(f"seeds/batch-{n}.zip:gao.txt", text) for n in range(12)]
    tally = tallied(copies)
    assert [e.source for e in tally.confirmed().readings] == ["seeds/batch-0.zip:gao.txt"]
    assert tally.left_out == {(GAO.id, DAY): 11}
    assert left_out_until(tally.left_out, DAY - dt.timedelta(days=1)) == {}


def test_below_the_bound_every_reading_is_kept_and_the_merge_is_the_same():
    statements = [
        report("seeds/a.txt", "Gao was handed over."),
        report("seeds/b.txt", "Gao was closed.", Status.CLOSED),
        report("seeds/c.txt", "Mopti is next.", Status.PENDING, place=MOPTI),
    ]
    tally = tallied(statements)
    assert tally.confirmed() == confirm(statements, [], 0.9)
    assert merge(tally.confirmed().readings) == merge(strongest_per_document(statements))
    assert tally.left_out == {}


def test_rejecting_a_kept_reading_brings_the_next_one_forward():
    many = [
        report(f"seeds/{n}.txt", f"Gao was handed over ({n}).") for n in range(KEPT_PER_DAY + 1)
    ]
    first = many[0]
    rejected = Decision(
        reading=id_of(first),
        verdict=Verdict.REJECT,
        place=GAO,
        status=first.status,
        date=first.date,
        report=first.source,
        report_hash=report_hash(first.document),
        sentence=first.quote,
        by="Awa",
        decided=dt.datetime(2024, 1, 2, tzinfo=dt.UTC),
    )
    confirmed = tallied(many, [rejected]).confirmed()
    assert [e.source for e in confirmed.readings] == [e.source for e in many[1:]]
    assert confirmed.rejected == (first,)
