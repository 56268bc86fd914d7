"""The review queue: what a person is asked to check first."""

from __future__ import annotations

import datetime as dt

from test_confirm import DAY, GAO, KIDAL, decision, reading

from geo.confirm import confirm, id_of
from geo.merge import merge, strongest_per_document
from geo.model import Document, Evidence, Place, Status, Verdict
from geo.review import Weight, review_queue

MOPTI = Place("2453348", "Mopti", 14.4843, -4.18296, "ML", "P", "PPLA")


def queue_of(readings, decisions=(), threshold=0.9):
    confirmed = confirm(readings, list(decisions), threshold)
    return review_queue(confirmed.readings, merge(strongest_per_document(confirmed.readings)))


def test_conflicts_come_first_then_what_the_map_rests_on_then_the_rest():
    old = Document("seeds/old.txt", "old news", date=dt.date(2023, 9, 1))
    earlier = Evidence(MOPTI, Status.PENDING, old.date, "Mopti will close.", old.path, old)
    later = reading(MOPTI, Status.HANDED_OVER, confidence=0.99, path="seeds/m.txt")
    handed = reading(GAO, Status.HANDED_OVER, confidence=0.97, path="seeds/a.txt", text="one")
    pending = reading(GAO, Status.PENDING, confidence=0.95, path="seeds/b.txt", text="two")
    queue = queue_of([earlier, later, handed, pending])
    assert [(item.reading.place.name, item.weight) for item in queue] == [
        ("Gao", Weight.CONFLICT),
        ("Gao", Weight.CONFLICT),
        ("Mopti", Weight.DECIDES),
        ("Mopti", Weight.ADDS),
    ]
    assert queue[0].reading == pending  # the less certain of the two first
    assert queue[0].conflicting == (handed,)
    assert queue[2].site.evidence == later


def test_the_least_certain_come_first_within_a_group():
    queue = queue_of([reading(GAO, confidence=0.97), reading(KIDAL, confidence=0.55)])
    assert [item.reading.place for item in queue] == [KIDAL, GAO]


def test_decided_readings_leave_the_queue():
    gao, kidal = reading(GAO), reading(KIDAL)
    queue = queue_of([gao, kidal], [decision(gao, Verdict.ACCEPT), decision(kidal, Verdict.REJECT)])
    assert queue == ()


def test_rejecting_a_reports_strongest_reading_brings_its_next_one_forward():
    document = Document("seeds/a.txt", "The camp closed. It is to be handed over.", date=DAY)
    closed = Evidence(GAO, Status.CLOSED, DAY, "The camp closed.", document.path, document)
    later = Evidence(GAO, Status.PENDING, DAY, "It is to be handed over.", document.path, document)
    assert [i.reading for i in queue_of([closed, later])] == [closed]
    assert [i.reading for i in queue_of([closed, later], [decision(closed, Verdict.REJECT)])] == [
        later
    ]


def test_the_same_report_under_two_names_is_asked_once():
    queue = queue_of([reading(path="seeds/a.txt"), reading(path="seeds/copy.txt")])
    assert len(queue) == 1
    assert queue[0].id == id_of(reading())
