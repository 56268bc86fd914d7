"""Confirming readings: a person's decisions and the mission's threshold, applied to readings.

Between the reader and the merge. Every machine reading leaves here with its
:class:`~geo.model.Confirmation`:

- a reading a person accepted is *confirmed*;
- a reading a person rejected is gone, from the map and from the review queue;
- a reading a person corrected is replaced by a manual statement that cites
  the report (it outranks the reports of its day, as manual entries do);
- any other reading is *read* when the reader's confidence reaches the
  mission's threshold, *unconfirmed* below it.

A reading is known by its key: the hash of its report's text, its sentence
and its site. Renaming a report file, rebuilding from scratch or reading the
report again gives the same key, so a decision holds; editing the sentence in
the report makes a new reading, which goes back to the queue.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from geo.model import Confirmation, Decision, Document, Evidence, Verdict

READING_ID_LENGTH = 10


def report_hash(document: Document) -> str:
    """The sha256 of a report's text (its body, without front matter), in hex.

    The file's name and metadata are not part of it, and a report whose text was let go
    keeps it:

    >>> body = "Gao was handed over."
    >>> report_hash(Document("a.txt", body)) == report_hash(Document("b.md", body, title="Gao"))
    True
    >>> report_hash(Document("a.txt", body).without_text()) == report_hash(Document("a.txt", body))
    True
    """
    return document.digest or document.without_text().digest


def sentence_key(sentence: str) -> str:
    """A sentence with its white space made single spaces, as the key holds it.

    >>> sentence_key("  The camp\\n   closed. ")
    'The camp closed.'
    """
    return " ".join(sentence.split())


def reading_id(report_sha256: str, sentence: str, site_id: str) -> str:
    """The short id of a reading: the first hex digits of the hash of its key.

    >>> first = reading_id("0" * 64, "Gao was handed over.", "2457163")
    >>> len(first), first == reading_id("0" * 64, "Gao was\\n handed over.", "2457163")
    (10, True)
    """
    key = "\n".join((report_sha256, sentence_key(sentence), site_id))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:READING_ID_LENGTH]


def id_of(reading: Evidence) -> str:
    """The id of a machine reading (one that came from a report)."""
    assert reading.document is not None, "manual statements have no reading id"
    return reading_id(report_hash(reading.document), reading.quote, reading.place.id)


@dataclass(frozen=True)
class Confirmed:
    """Readings with their confirmation, and what people's decisions put in their place."""

    readings: tuple[Evidence, ...]  # accepted, read and unconfirmed; the rejected left out
    corrections: tuple[Evidence, ...]  # manual statements made by correcting a reading
    rejected: tuple[Evidence, ...]  # readings a person rejected, for the record


def latest_decisions(decisions: Iterable[Decision]) -> dict[str, Decision]:
    """The decision that stands for each reading: the one recorded last."""
    return {decision.reading: decision for decision in decisions}


def confirm(
    readings: Sequence[Evidence], decisions: Sequence[Decision], threshold: float
) -> Confirmed:
    """Apply people's decisions (in recorded order) and the confidence threshold to readings."""
    standing = latest_decisions(decisions)
    kept, rejected = [], []
    for reading in readings:
        confirmation = confirmation_of(reading, standing.get(id_of(reading)), threshold)
        if confirmation is None:
            rejected.append(reading)
        else:
            kept.append(replace(reading, confirmation=confirmation))
    return Confirmed(tuple(kept), corrections(standing), tuple(rejected))


def confirmation_of(
    reading: Evidence, decision: Decision | None, threshold: float
) -> Confirmation | None:
    """How far ``reading`` is confirmed, given the decision that stands for it; None when a
    person rejected it or replaced it by a correction."""
    if decision is None:
        return by_threshold(reading, threshold)
    if decision.verdict is Verdict.ACCEPT:
        return Confirmation.CONFIRMED
    return None


def corrections(standing: dict[str, Decision]) -> tuple[Evidence, ...]:
    """The manual statements the standing corrections make."""
    # A correction stands even when its report is gone: it is a person's statement now.
    return tuple(correction_statement(d) for d in standing.values() if d.verdict is Verdict.CORRECT)


def by_threshold(reading: Evidence, threshold: float) -> Confirmation:
    """Read at or above the threshold, unconfirmed below it.

    >>> from geo.model import Place, Status
    >>> gao = Place("2457163", "Gao", 16.27, -0.04, "ML", "P", "PPLA")
    >>> doc = Document("a.txt", "Gao closed.")
    >>> by_threshold(Evidence(gao, Status.CLOSED, None, "Gao closed.", "a.txt", doc,
    ...                       confidence=0.6), 0.9).value
    'unconfirmed'
    """
    return Confirmation.READ if reading.confidence >= threshold else Confirmation.UNCONFIRMED


def correction_statement(decision: Decision) -> Evidence:
    """The manual statement a correction makes: the person's status and date, citing the report."""
    return Evidence(
        place=decision.place,
        status=decision.status,
        date=decision.date,
        quote=decision.sentence,
        source=f"manual: {decision.by}, correcting {decision.report}",
        confirmation=Confirmation.CONFIRMED,
    )
