"""The pipeline from seed folder to merged sites, as one library call.

``run`` reads the files at the edge (documents, gazetteer, the hand-kept
register) and hands plain data to the pure stages:
extract -> reading -> confirm (people's decisions, the threshold) and tally (what the
outputs show, as the reports stream: see geo.tally) -> merge.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice
from typing import TypeVar

from geo.archives import DEFAULT_FIELDS, JsonFields, read_seeds
from geo.confirm import Confirmed
from geo.documents import FALLBACK_LANGUAGE
from geo.errors import DataError, DocumentError
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.merge import Merged, merge, statements_until, strongest_per_document
from geo.model import Document, Evidence, Mention, Mission, Place, ReportBounds
from geo.project import Project, load_mission
from geo.reading import Actors, Context
from geo.reading.cache import ReadingCache, open_cache, read_cached
from geo.reading.parse import pipeline_for
from geo.register import Register, load_register
from geo.tally import Tally, left_out_until

T = TypeVar("T")


# Reports are read in batches of this many: spaCy parses a batch's new reports together,
# and no more than a few batches' texts are in memory at once.
BATCH_SIZE = 16


@dataclass(frozen=True)
class Readings:
    """What one report says: the report without its text, its place names and its statements."""

    document: Document
    mentions: tuple[Mention, ...]  # empty unless details were asked for
    statements: tuple[Evidence, ...]


@dataclass(frozen=True)
class ReadingJob:
    """What reading a batch of reports needs to know: small, so that it travels to a Dask worker,
    which loads the mission and gazetteer once and keeps them for every batch."""

    project: Project
    today: dt.date
    # The hash of the mission's context and gazetteer: a worker loads them again when it changes.
    context: str
    cache: bool = True
    details: bool = False  # keep each report's place names too (for ``missionmap extract``)


# Maps a function over batches of reports, giving the results in the batches' order:
# the builtin ``map`` in this process, or a Dask cluster's (see geo.cluster).
Mapper = Callable[[Callable[[list[Document]], list[Readings]], Iterable[list[Document]]], Iterable]


@dataclass(frozen=True)
class Result:
    mission: Mission
    gazetteer: Gazetteer
    reports: int  # how many reports were read
    latest_report: dt.date | None  # the date of the latest dated one
    problems: tuple[DocumentError, ...]  # seeds that could not be read
    # Read from the documents, before anyone reviewed them: every statement of each report
    # something was kept of (see geo.tally), or of every report when details were asked for.
    statements: tuple[Evidence, ...]
    merged: Merged
    # Entered by hand: site notes, manual statements and decisions on readings.
    register: Register = field(default_factory=Register)
    # The readings with their confirmation, and the statements people's decisions made.
    confirmed: Confirmed = field(default_factory=lambda: Confirmed((), (), ()))
    until: dt.date | None = None  # the day asked for: the sites as they stood then
    # Each report (without its text) and its place names: only when details were asked for.
    documents: tuple[Document, ...] = ()
    mentions: tuple[Mention, ...] = ()
    # How many readings of each site and day were left out of its history (see geo.tally).
    left_out: Mapping[tuple[str, dt.date | None], int] = field(default_factory=dict)

    @property
    def as_of(self) -> dt.date | None:
        """How current the map is: the day asked for, else the latest report or manual entry."""
        if self.until is not None:
            return self.until
        manual = self.register.statements + self.confirmed.corrections
        dates = [e.date for e in manual if e.date]
        if self.latest_report:
            dates.append(self.latest_report)
        return max(dates, default=None)


def run(
    project: Project,
    today: dt.date | None = None,
    cache: bool = True,
    as_of: dt.date | None = None,
    *,
    fields: JsonFields = DEFAULT_FIELDS,
    details: bool = False,
    mapper: Mapper = map,
    progress: Callable[[int], None] | None = None,
) -> Result:
    """Read the project's seeds and data and merge what they say about each site.

    ``today`` bounds the dates of reports and manual entries (none may be in the future).
    With ``as_of``, only statements about events on or before that day are
    merged: the sites as they stood then.
    With ``cache``, what each report says is kept in the project's cache folder
    (``project.cache_dir``) and only new or changed reports are parsed; without,
    every report is read afresh and the cache is neither read nor written.

    Reports stream: read from ``project.seeds`` (a folder, JSON Lines, zip or tar.gz; the
    JSON field names are ``fields``), in batches of :data:`BATCH_SIZE` handed to ``mapper``
    (a Dask cluster's, or this process), reduced to their statements, their texts let go, and
    the statements to what the outputs show of them (see :mod:`geo.tally`): what a run holds
    does not grow with the number of reports.
    ``progress`` is told how many more reports have been read after each batch. With
    ``details``, the result keeps every report and place name too.
    """
    today = today or dt.date.today()
    mission = load_mission(project)
    # Absolute, so that a Dask worker started in another folder finds the same files.
    where = Project(data=project.data.absolute(), seeds=project.seeds)
    prepared = load_prepared(where, cache, mission)
    job = ReadingJob(where, today, prepared.fingerprint, cache, details)
    remember(job, prepared)
    gazetteer = prepared.gazetteer
    register = load_register(project, gazetteer, today, mission.began)
    tally = Tally(
        register.decisions,
        mission.confidence_threshold,
        partial(on_gazetteer, gazetteer),
        every=details,
    )
    problems: list[DocumentError] = []
    documents, mentions = [], []
    reports, latest = 0, None

    def documents_only(reads: Iterable[Document | DocumentError]) -> Iterator[Document]:
        for read in reads:
            if isinstance(read, DocumentError):
                problems.append(read)
            else:
                yield read

    seeds = read_seeds(project.seeds, report_bounds(project, mission, today), fields, detect=False)
    for batch in mapper(partial(read_reports, job), batched(documents_only(seeds), BATCH_SIZE)):
        for readings in batch:
            reports += 1
            day = readings.document.date
            latest = day if day and (latest is None or day > latest) else latest
            if details:
                readings = interned(readings, gazetteer)
                documents.append(readings.document)
                mentions.extend(readings.mentions)
            tally.add(readings.statements)
        if progress:
            progress(len(batch))
    confirmed = tally.confirmed()
    weighed = weighed_statements(confirmed, register)
    if as_of is not None:
        weighed = statements_until(weighed, as_of)
    return Result(
        mission=mission,
        gazetteer=gazetteer,
        reports=reports,
        latest_report=latest,
        problems=tuple(problems),
        statements=tuple(tally.statements),
        merged=merge(weighed, register.notes, left_out_until(tally.left_out, as_of)),
        register=register,
        confirmed=confirmed,
        until=as_of,
        documents=tuple(documents),
        mentions=tuple(mentions),
        left_out=dict(tally.left_out),
    )


@dataclass(frozen=True)
class Prepared:
    """What a process loads once to read reports: the gazetteer, the reader's context, the cache."""

    gazetteer: Gazetteer
    context: Context
    fingerprint: str  # of the context and the gazetteer's places
    cache: ReadingCache | None


def load_prepared(project: Project, cache: bool, mission: Mission | None = None) -> Prepared:
    """The gazetteer, reading context and (with ``cache``) reading cache of ``project``.

    ``mission`` is the project's profile when the caller has read it already.
    """
    mission = mission or load_mission(project)
    gazetteer = load_gazetteer(project.gazetteer_dir, *mission.countries)
    context = reading_context(mission, gazetteer)
    kept = open_cache(project.cache_dir, context, gazetteer)
    return Prepared(gazetteer, context, kept.context, kept if cache else None)


# What this process loaded for the job it last read for: a Dask worker loads it once per run.
_prepared: dict[ReadingJob, Prepared] = {}


def remember(job: ReadingJob, prepared: Prepared) -> Prepared:
    _prepared.clear()
    _prepared[job] = prepared
    return prepared


def warm_up() -> None:
    """Load what reading any report needs, whatever the project: the reader's pipeline for the
    fallback language. A Dask worker does so as it starts, not on its first batch."""
    with contextlib.suppress(DataError):  # none installed: reading a report says how to fix it
        pipeline_for(FALLBACK_LANGUAGE)


def prepare(job: ReadingJob) -> Prepared:
    """What ``job`` needs, as loaded for it in this process, or loaded now."""
    return _prepared.get(job) or remember(job, load_prepared(job.project, job.cache))


def read_reports(job: ReadingJob, documents: list[Document]) -> list[Readings]:
    """What each of ``documents`` says, in order, each report's text let go.

    Runs where the reading happens: in this process, or on a Dask worker, which so also
    detects the language of the reports that declare none (see :func:`read_seeds`).
    """
    prepared = prepare(job)
    found = read_cached(documents, prepared.gazetteer, prepared.context, prepared.cache)
    return [
        rebuilt(
            Readings(document, tuple(mentions), tuple(statements)),
            document=document.without_text(),
            details=job.details,
        )
        for document, mentions, statements in found
    ]


def interned(readings: Readings, gazetteer: Gazetteer) -> Readings:
    """``readings`` on the gazetteer's own places: readings that come back from another process
    bring a copy of their places each, which thousands of readings need not keep."""
    if all(gazetteer.get(s.place.id) is s.place for s in readings.statements):
        return readings
    return rebuilt(readings, place=gazetteer.get, details=bool(readings.mentions))


def on_gazetteer(gazetteer: Gazetteer, statements: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """The statements of one report on the gazetteer's own places (see :func:`interned`)."""
    if not statements:
        return statements
    return interned(Readings(statements[0].document, (), statements), gazetteer).statements


def rebuilt(
    readings: Readings,
    *,
    document: Document | None = None,
    place: Callable[[str], Place] | None = None,
    details: bool = False,
) -> Readings:
    """``readings`` with their report replaced by ``document`` and each place by ``place(id)``,
    a statement and the mention it rests on still the same object; the mentions that state
    nothing are kept only with ``details``."""
    document = document or readings.document
    new: dict[int, Mention] = {}

    def moved(mention: Mention) -> Mention:
        if id(mention) not in new:
            where = place(mention.place.id) if place else mention.place
            new[id(mention)] = replace(mention, document=document, place=where)
        return new[id(mention)]

    statements = []
    for statement in readings.statements:
        assert statement.mention is not None
        mention = moved(statement.mention)
        statements.append(
            replace(statement, document=document, mention=mention, place=mention.place)
        )
    mentions = tuple(moved(m) for m in readings.mentions) if details else ()
    return Readings(document, mentions, tuple(statements))


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter), taken one list at a time.

    >>> list(batched(range(5), 2))
    [[0, 1], [2, 3], [4]]
    """
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def report_bounds(project: Project, mission: Mission, today: dt.date) -> ReportBounds:
    """A report is read when it is no larger than the mission allows, dated from the mission's
    start to ``today``, and inside the project: its seeds folder or the folder that holds data/."""
    roots = (project.seeds, project.data.absolute().parent)
    return ReportBounds(mission.max_report_bytes, mission.began, today, roots)


def weighed_statements(confirmed: Confirmed, register: Register) -> tuple[Evidence, ...]:
    """What the merge weighs: each report's strongest reading of a site, then the manual
    statements (entries and corrections) in the order they were recorded."""
    return (
        *strongest_per_document(confirmed.readings),
        *register.statements,
        *confirmed.corrections,
    )


def merged_on(result: Result, day: dt.date) -> Merged:
    """The sites as they stood at the end of ``day``, from a result read once.

    The same answer as ``run(project, as_of=day)``, without reading the reports again.
    """
    statements = statements_until(weighed_statements(result.confirmed, result.register), day)
    return merge(statements, result.register.notes, left_out_until(result.left_out, day))


def reading_context(mission: Mission, gazetteer: Gazetteer) -> Context:
    """What the reader needs to know of the mission: its countries, its names, its hosts' names
    and the installations its gazetteer names after a town."""
    hosts = [
        name
        for place in gazetteer.places
        if place.feature_code == "PCLI" and place.country in mission.countries
        for name in (place.name, *place.alternate_names)
    ]
    names = (mission.name, mission.slug, *mission.aliases)
    return Context(mission.countries, Actors.of(names, hosts), gazetteer.named_after)
