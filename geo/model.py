"""The domain: small frozen records that every pipeline stage passes along.

A :class:`Document` names :class:`Place` s; each occurrence is a :class:`Mention`;
a mention that states the mission's status at a place is :class:`Evidence`; the
evidence about one place, merged, is a :class:`Site`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path

# A report larger than this is skipped unless mission.yaml's max_report_kb allows more:
# a news report or a situation report is tens of kilobytes.
DEFAULT_MAX_REPORT_BYTES = 1024 * 1024


class Status(Enum):
    """What has become of a mission site.

    Members are ordered by how specific they are: a handover implies the
    mission left, and leaving is more than a plan to leave.

    >>> Status.parse("Handed-over")
    <Status.HANDED_OVER: 'handed over'>
    >>> Status.HANDED_OVER.rank > Status.CLOSED.rank > Status.PENDING.rank
    True
    """

    HANDED_OVER = "handed over"
    CLOSED = "closed"
    PENDING = "pending"

    @property
    def rank(self) -> int:
        """Specificity: 3 for handed over, 2 for closed, 1 for pending."""
        return {"handed over": 3, "closed": 2, "pending": 1}[self.value]

    @property
    def slug(self) -> str:
        """The value as an identifier: ``handed-over``, ``closed``, ``pending``."""
        return self.value.replace(" ", "-")

    @classmethod
    def parse(cls, text: str) -> Status:
        """Read a status written by a person: case, hyphens and underscores are ignored.

        Raises ``ValueError`` naming the valid statuses.
        """
        key = " ".join(text.strip().lower().replace("-", " ").replace("_", " ").split())
        for status in cls:
            if status.value == key:
                return status
        valid = ", ".join(s.value for s in cls)
        raise ValueError(f"unknown status {text!r}; valid statuses are: {valid}")


class Confirmation(Enum):
    """How far a person stands behind a statement.

    >>> [c.value for c in Confirmation]
    ['confirmed', 'read', 'unconfirmed']
    """

    CONFIRMED = "confirmed"  # a manual entry, or a reading a person accepted
    READ = "read"  # a machine reading at or above the mission's confidence threshold
    UNCONFIRMED = "unconfirmed"  # a machine reading below it


@dataclass(frozen=True)
class Mission:
    """The mission a map is about, read from ``data/mission.yaml``."""

    slug: str  # file stem of the map, e.g. "minusma"
    name: str  # e.g. "MINUSMA"
    countries: tuple[str, ...]  # ISO 3166-1 alpha-2 of the host countries, e.g. ("ML",)
    title: str  # the map's title
    aliases: tuple[str, ...] = ()  # other names reports use: "UN mission in Mali", ...
    # A machine reading below this confidence is shown as unconfirmed.
    confidence_threshold: float = 0.9
    # The day the mission began: a report dated earlier cannot be about it.
    began: dt.date | None = None
    max_report_bytes: int = DEFAULT_MAX_REPORT_BYTES


@dataclass(frozen=True)
class ReportBounds:
    """What a report must be to be read: at most so large, dated within a span of days, and
    a regular file inside the project (a symbolic link may not lead out of ``roots``)."""

    max_bytes: int = DEFAULT_MAX_REPORT_BYTES
    earliest: dt.date | None = None  # the mission's start
    latest: dt.date | None = None  # today
    roots: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Document:
    """One seed document: its body text and the metadata that came with it."""

    path: str  # as shown to users (POSIX, relative where possible)
    text: str  # the body, without front matter
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    # Empty while it is left to detect where the report is read (see geo.documents.with_language).
    lang: str = "en"
    lang_detected: bool = False  # True when no metadata gave ``lang``
    first_line: int = 1  # line of the file on which ``text`` starts
    # The sha256 of ``text``, kept when the text itself is let go (see ``without_text``).
    digest: str | None = None

    def without_text(self) -> Document:
        """This report without its text, for the readings that cite it to keep: a long
        archive is read one report at a time, and no report's text outlives its reading.

        >>> light = Document("a.txt", "Gao was handed over.").without_text()
        >>> light.text, light.digest[:12]
        ('', '8a8216b97d38')
        """
        digest = self.digest or hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        return replace(self, text="", digest=digest)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document, with its character offsets in ``Document.text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: a town, a camp or an administrative region."""

    id: str  # stable: the GeoNames id where there is one
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2
    feature_class: str  # GeoNames class: P populated place, A admin area, S site
    feature_code: str  # GeoNames code: PPLC capital, PPLA admin seat, ADM1 region, ...
    admin1: str | None = None  # name of the admin-1 region the place lies in
    population: int = 0
    ascii_name: str = ""
    alternate_names: tuple[str, ...] = ()
    source: str = "GeoNames"
    precision_km: float | None = None  # how far the point may be from the real place

    @property
    def is_region(self) -> bool:
        """True for administrative areas (a region, the country), not settlements."""
        return self.feature_class == "A"


@dataclass(frozen=True)
class Mention:
    """One occurrence of a gazetteer name in a document."""

    place: Place
    document: Document
    surface: str  # the words as written, e.g. "Tombouctou"
    start: int  # offsets in ``document.text``
    end: int
    sentence: Sentence


@dataclass(frozen=True)
class Reason:
    """Why the reader gave a mention its status: the words and the grammar behind it."""

    cue: str  # the governing word's lemma: "hand over", "withdrawal", "quitter"
    kind: str  # the cue's kind: "verb", "noun", "receiving", "flag"
    time: str  # "done", "plan", "negated", "under way", ...: what the grammar says of it
    agent: str  # who acts: "mission", "unstated", or the other actor's word
    link: str  # how the site hangs on its cue: "argument", "list lead-in", "next sentence", ...
    distance: int  # words between site and cue in the dependency parse
    negated: bool = False
    # A day the text gave the event that cannot be its date (after the report, or after
    # today): set aside, and the statement dated by its report.
    date_set_aside: str | None = None

    def describe(self) -> str:
        """One line for people: ``hand over (verb), past, by the mission, argument (2 arcs)``."""
        agent = "by the mission" if self.agent == "mission" else f"agent {self.agent}"
        negation = ", negated" if self.negated else ""
        set_aside = (
            f", date {self.date_set_aside} set aside (after the report)"
            if self.date_set_aside
            else ""
        )
        return (
            f"{self.cue} ({self.kind}), {self.time}{negation}, {agent},"
            f" {self.link} ({self.distance} arcs){set_aside}"
        )


@dataclass(frozen=True)
class Evidence:
    """A statement of a site's status, with the words that prove it.

    Read from a document (``mention`` and ``document`` set) or entered by hand
    (``source`` starts with "manual").
    """

    place: Place
    status: Status
    date: dt.date | None  # when it happened; None if nobody says
    quote: str  # the sentence, or the note of a manual entry
    source: str  # document path, or "manual" / "manual: who"
    document: Document | None = None
    mention: Mention | None = None
    confidence: float = 1.0  # how likely a machine reading is right; 1.0 for a person's word
    reason: Reason | None = None  # why the reader read it so; None for manual entries
    # None means: confirmed for a manual entry, read for a machine reading.
    confirmation: Confirmation | None = None

    def __post_init__(self) -> None:
        if self.confirmation is None:
            default = Confirmation.CONFIRMED if self.is_manual else Confirmation.READ
            object.__setattr__(self, "confirmation", default)

    @property
    def is_manual(self) -> bool:
        return self.document is None


class Verdict(Enum):
    """What a person decided about a machine reading.

    >>> Verdict("correct")
    <Verdict.CORRECT: 'correct'>
    """

    ACCEPT = "accept"  # the reading is right: it becomes confirmed
    REJECT = "reject"  # the reading is wrong: it leaves the queue and the map for good
    CORRECT = "correct"  # the report says something else: a manual statement replaces it


@dataclass(frozen=True)
class Decision:
    """A person's decision about one machine reading (a row of ``data/reviews.csv``).

    The reading is known by its key -- the hash of its report's text, its
    sentence and its site -- so the decision holds through rebuilds, renamed
    report files and re-reads.
    """

    reading: str  # the reading's id, see geo.confirm.reading_id
    verdict: Verdict
    place: Place
    status: Status  # the reading's status, or the corrected one
    date: dt.date | None  # the reading's date, or the corrected one
    report: str  # the report's path when the decision was made
    report_hash: str  # sha256 of the report's text
    sentence: str
    by: str
    decided: dt.datetime  # when (UTC); for the audit trail, never shown on a map


@dataclass(frozen=True)
class Conflict:
    """Two statements about one site that disagree; the map keeps ``kept``."""

    place: Place
    kept: Evidence
    other: Evidence
    reason: str

    @property
    def same_day(self) -> bool:
        """True when both statements speak of the same day: a disagreement to put before a person."""
        return self.kept.date == self.other.date

    def opposite(self, statement: Evidence) -> Evidence:
        """The statement of the two that is not ``statement``: what a site's own status is up against."""
        return self.kept if self.other == statement else self.other


@dataclass(frozen=True)
class SiteNote:
    """What people assert by hand about a site (a row of ``data/sites.csv``)."""

    place: Place
    kind: str | None = None  # HQ, camp, temporary base, ...
    note: str | None = None


@dataclass(frozen=True)
class Site:
    """A mission site as the map shows it: its current status and its story."""

    place: Place
    status: Status
    evidence: Evidence  # the statement the status rests on
    history: tuple[Evidence, ...] = field(default=())  # every statement kept, oldest first
    kind: str | None = None  # HQ, camp, temporary base, ... (from the register)
    note: str | None = None
    conflicts: tuple[Conflict, ...] = ()  # disagreements about this site met in the merge
    # Readings left out of ``history``: they repeat what a statement in it says (see geo.tally).
    left_out: int = 0

    @property
    def confirmation(self) -> Confirmation:
        """How far a person stands behind the statement the site's status rests on."""
        return self.evidence.confirmation

    @property
    def same_day_conflicts(self) -> tuple[Conflict, ...]:
        """The conflicts in which two statements speak of the same day: for a person to settle."""
        return tuple(conflict for conflict in self.conflicts if conflict.same_day)


@dataclass(frozen=True)
class Stage:
    """A site as it stood at the end of one day of its story: what ``sites --as-of`` that day shows.

    ``date`` is None for the stage of the undated statements alone, which hold from the start.
    """

    date: dt.date | None
    site: Site  # merged from the statements dated on or before ``date``, and the undated ones
