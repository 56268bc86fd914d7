"""People's decisions and the mission's threshold, applied to the machine's readings."""

from __future__ import annotations

import datetime as dt

from geo.confirm import confirm, id_of, reading_id, report_hash
from geo.merge import merge
from geo.model import Confirmation, Decision, Document, Evidence, Place, Status, Verdict

GAO = Place("2457163", "Gao", 16.27167, -0.04472, "ML", "P", "PPLA")
KIDAL = Place("2455290", "Kidal", 18.44345, 1.40921, "ML", "P", "PPLA")
DAY = dt.date(2023, 12, 11)
DECIDED = dt.datetime(2024, 1, 5, 9, 0, tzinfo=dt.UTC)


def reading(place=GAO, status=Status.CLOSED, confidence=0.95, path="seeds/a.txt", text=None):
    sentence = f"The mission left {place.name}."
    document = Document(path=path, text=text or sentence, date=DAY)
    return Evidence(place, status, DAY, sentence, path, document, confidence=confidence)


def decision(of: Evidence, verdict: Verdict, status=None, date=None, by="Ana") -> Decision:
    corrected = verdict is Verdict.CORRECT
    return Decision(
        reading=id_of(of),
        verdict=verdict,
        place=of.place,
        status=status if corrected else of.status,
        date=date if corrected else of.date,
        report=of.source,
        report_hash=report_hash(of.document),
        sentence=of.quote,
        by=by,
        decided=DECIDED,
    )


def test_the_threshold_splits_readings_into_read_and_unconfirmed():
    sure, unsure = reading(GAO, confidence=0.93), reading(KIDAL, confidence=0.62)
    confirmed = confirm([sure, unsure], [], threshold=0.9)
    assert [r.confirmation for r in confirmed.readings] == [
        Confirmation.READ,
        Confirmation.UNCONFIRMED,
    ]


def test_a_reading_exactly_at_the_threshold_is_read():
    (kept,) = confirm([reading(confidence=0.9)], [], threshold=0.9).readings
    assert kept.confirmation is Confirmation.READ


def test_an_accepted_reading_is_confirmed_whatever_its_confidence():
    unsure = reading(confidence=0.4)
    (kept,) = confirm([unsure], [decision(unsure, Verdict.ACCEPT)], 0.9).readings
    assert kept.confirmation is Confirmation.CONFIRMED
    assert kept.confidence == 0.4  # the reader's figure is kept for the record


def test_a_rejected_reading_leaves_the_map():
    gao, kidal = reading(GAO), reading(KIDAL)
    confirmed = confirm([gao, kidal], [decision(gao, Verdict.REJECT)], 0.9)
    assert [r.place for r in confirmed.readings] == [KIDAL]
    assert [r.place for r in confirmed.rejected] == [GAO]
    assert [s.place for s in merge(confirmed.readings).sites] == [KIDAL]


def test_a_correction_is_a_manual_statement_citing_the_report():
    wrong = reading(status=Status.PENDING)
    fixed = decision(wrong, Verdict.CORRECT, Status.HANDED_OVER, dt.date(2023, 12, 20))
    confirmed = confirm([wrong], [fixed], 0.9)
    assert confirmed.readings == ()
    (statement,) = confirmed.corrections
    assert statement.is_manual
    assert (statement.status, statement.date) == (Status.HANDED_OVER, dt.date(2023, 12, 20))
    assert statement.source == "manual: Ana, correcting seeds/a.txt"
    assert statement.quote == wrong.quote
    assert statement.confirmation is Confirmation.CONFIRMED


def test_a_correction_stands_when_its_report_is_gone():
    wrong = reading(status=Status.PENDING)
    fixed = decision(wrong, Verdict.CORRECT, Status.CLOSED, DAY)
    (statement,) = confirm([], [fixed], 0.9).corrections
    assert statement.status is Status.CLOSED


def test_the_last_decision_on_a_reading_stands():
    gao = reading()
    later = [decision(gao, Verdict.REJECT), decision(gao, Verdict.ACCEPT, by="Ben")]
    (kept,) = confirm([gao], later, 0.9).readings
    assert kept.confirmation is Confirmation.CONFIRMED


def test_a_decision_holds_for_the_same_report_under_another_name():
    gao = reading(path="seeds/a.txt")
    renamed = reading(path="seeds/renamed.md")
    assert id_of(gao) == id_of(renamed)
    assert confirm([renamed], [decision(gao, Verdict.REJECT)], 0.9).readings == ()


def test_an_edited_report_makes_a_new_reading():
    gao = reading(text="The mission left Gao.")
    edited = reading(text="The mission left Gao. More news later.")
    assert id_of(gao) != id_of(edited)
    (kept,) = confirm([edited], [decision(gao, Verdict.REJECT)], 0.9).readings
    assert kept.confirmation is Confirmation.READ


def test_the_key_is_report_sentence_and_site():
    base = reading_id("a" * 64, "The mission left Gao.", GAO.id)
    assert base != reading_id("b" * 64, "The mission left Gao.", GAO.id)
    assert base != reading_id("a" * 64, "The mission left Gao today.", GAO.id)
    assert base != reading_id("a" * 64, "The mission left Gao.", KIDAL.id)


def test_an_accepted_reading_outranks_an_unchecked_one_of_the_same_day_without_conflict():
    handed = reading(status=Status.HANDED_OVER, path="seeds/a.txt", text="one")
    pending = reading(status=Status.PENDING, path="seeds/b.txt", text="two")
    before = merge(confirm([handed, pending], [], 0.9).readings)
    assert [c.same_day for c in before.conflicts] == [True]
    after = confirm([handed, pending], [decision(pending, Verdict.ACCEPT)], 0.9)
    merged = merge(after.readings)
    (site,) = merged.sites
    assert site.status is Status.PENDING
    assert site.confirmation is Confirmation.CONFIRMED
    assert site.conflicts == ()
