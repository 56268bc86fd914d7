"""The pipeline from seed folder to merged sites, as one library call.

``run`` reads the files at the edge (documents, gazetteer, the hand-kept
register) and hands plain data to the pure stages: extract -> reading -> register.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from geo.documents import load_documents
from geo.errors import DocumentError
from geo.extract import find_mentions
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.merge import Merged, merge, strongest_per_document
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
    statements: tuple[Evidence, ...]  # read from the documents
    merged: Merged
    # Entered by hand: site notes and manual statements.
    register: Register = field(default_factory=Register)

    @property
    def as_of(self) -> dt.date | None:
        """The latest date of a document or a manual entry: how current the map is."""
        dates = [d.date for d in self.documents if d.date]
        dates += [e.date for e in self.register.statements if e.date]
        return max(dates, default=None)


def run(project: Project, today: dt.date | None = None, cache: bool = True) -> Result:
    """Read the project's seeds and data and merge what they say about each site.

    ``today`` bounds the dates of reports and manual entries (none may be in the future).
    With ``cache``, what each report says is kept in the project's cache folder
    (``project.cache_dir``) and only new or changed reports are parsed; without,
    every report is read afresh and the cache is neither read nor written.
    """
    mission = load_mission(project)
    gazetteer = load_gazetteer(project.gazetteer_dir, mission.country)
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
    return Result(
        mission=mission,
        gazetteer=gazetteer,
        documents=loaded.documents,
        problems=loaded.problems,
        mentions=mentions,
        statements=statements,
        merged=merge(
            tuple(strongest_per_document(statements)) + register.statements, register.notes
        ),
        register=register,
    )


def report_bounds(project: Project, mission: Mission, today: dt.date) -> ReportBounds:
    """A report is read when it is no larger than the mission allows, dated from the mission's
    start to ``today``, and inside the project: its seeds folder or the folder that holds data/."""
    roots = (project.seeds, project.data.absolute().parent)
    return ReportBounds(mission.max_report_bytes, mission.began, today, roots)


def reading_context(mission: Mission, gazetteer: Gazetteer) -> Context:
    """What the reader needs to know of the mission: its country, its names, its host's names."""
    hosts = [mission.country_name] + [
        name
        for place in gazetteer.places
        if place.feature_code == "PCLI" and place.country == mission.country
        for name in (place.name, *place.alternate_names)
    ]
    names = (mission.name, mission.slug, *mission.aliases)
    return Context(mission.country, Actors.of(names, hosts))
