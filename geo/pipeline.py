"""The pipeline from seed folder to merged sites, as one library call.

``run`` reads the files at the edge (documents, gazetteer, the hand-kept
register) and hands plain data to the pure stages:
extract -> reading -> confirm (people's decisions, the threshold) -> merge.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from geo.confirm import Confirmed, confirm
from geo.documents import load_documents
from geo.errors import DocumentError
from geo.extract import find_mentions
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.merge import Merged, merge, statements_until, strongest_per_document
from geo.model import Document, Evidence, Mention, Mission, ReportBounds
from geo.project import Project, load_mission
from geo.reading import Actors, Context, read_statements
from geo.reading.cache import open_cache, read_cached
from geo.register import Register, load_register


@dataclass(frozen=True)
class Result:
    mission: Mission
    gazetteer: Gazetteer
    documents: tuple[Document, ...]
    problems: tuple[DocumentError, ...]  # seeds that could not be read
    mentions: tuple[Mention, ...]
    statements: tuple[Evidence, ...]  # read from the documents, before anyone reviewed them
    merged: Merged
    # Entered by hand: site notes, manual statements and decisions on readings.
    register: Register = field(default_factory=Register)
    # The readings with their confirmation, and the statements people's decisions made.
    confirmed: Confirmed = field(default_factory=lambda: Confirmed((), (), ()))
    until: dt.date | None = None  # the day asked for: the sites as they stood then

    @property
    def as_of(self) -> dt.date | None:
        """How current the map is: the day asked for, else the latest report or manual entry."""
        if self.until is not None:
            return self.until
        dates = [d.date for d in self.documents if d.date]
        manual = self.register.statements + self.confirmed.corrections
        dates += [e.date for e in manual if e.date]
        return max(dates, default=None)


def run(
    project: Project,
    today: dt.date | None = None,
    cache: bool = True,
    as_of: dt.date | None = None,
) -> Result:
    """Read the project's seeds and data and merge what they say about each site.

    ``today`` bounds the dates of reports and manual entries (none may be in the future).
    With ``as_of``, only statements about events on or before that day are
    merged: the sites as they stood then.
    With ``cache``, what each report says is kept in the project's cache folder
    (``project.cache_dir``) and only new or changed reports are parsed; without,
    every report is read afresh and the cache is neither read nor written.
    """
    mission = load_mission(project)
    gazetteer = load_gazetteer(project.gazetteer_dir, *mission.countries)
    today = today or dt.date.today()
    loaded = load_documents(project.seeds, report_bounds(project, mission, today))
    found = [(doc, find_mentions(doc, gazetteer)) for doc in loaded.documents]
    mentions = tuple(m for _, in_document in found for m in in_document)
    context = reading_context(mission, gazetteer)
    if cache:
        read = read_cached(found, context, open_cache(project.cache_dir, context, gazetteer))
    else:
        read = read_statements(mentions, context)
    statements = tuple(read)
    register = load_register(project, gazetteer, today)
    confirmed = confirm(statements, register.decisions, mission.confidence_threshold)
    weighed = weighed_statements(confirmed, register)
    if as_of is not None:
        weighed = statements_until(weighed, as_of)
    return Result(
        mission=mission,
        gazetteer=gazetteer,
        documents=loaded.documents,
        problems=loaded.problems,
        mentions=mentions,
        statements=statements,
        merged=merge(weighed, register.notes),
        register=register,
        confirmed=confirmed,
        until=as_of,
    )


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
    return merge(statements, result.register.notes)


def reading_context(mission: Mission, gazetteer: Gazetteer) -> Context:
    """What the reader needs to know of the mission: its countries, its names, its hosts' names."""
    hosts = [
        name
        for place in gazetteer.places
        if place.feature_code == "PCLI" and place.country in mission.countries
        for name in (place.name, *place.alternate_names)
    ]
    names = (mission.name, mission.slug, *mission.aliases)
    return Context(mission.countries, Actors.of(names, hosts))
