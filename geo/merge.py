"""Merging statements about sites into one row per site, with each site's story.

Statements come from documents (read by :mod:`geo.reading`) and from people
(manual entries of ``data/events.csv``). They are weighed in this order, the
first deciding most:

1. a dated statement outranks an undated one;
2. a later date outranks an earlier one;
3. on the same date a manual entry outranks documents, and a reading a person
   accepted outranks the readings nobody has checked; of several manual
   entries the one recorded last wins (it is a correction);
4. documents of the same date stand on the same footing: the most specific
   status wins (handed over > closed > pending), and if different documents
   disagree the disagreement is a :class:`~geo.model.Conflict`. Within one
   document the most specific statement wins without a conflict.

A status only moves forwards: pending -> closed -> handed over. A later
*document* that moves a site backwards is not applied -- reports often repeat
plans that events have overtaken -- while a later *manual* entry is applied,
because an officer who enters it is correcting the record on purpose. Both are
reported as conflicts. After an undated statement nothing is a step back
(nobody knows which came first): the dated statement wins, and a disagreement
is reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING

from geo.model import Confirmation, Conflict, Evidence, Place, Site, SiteNote, Stage

if TYPE_CHECKING:
    import geopandas as gpd

# What is said of a site, and where it is: the fields of every table of sites.
STATEMENT_COLUMNS = (
    "site",
    "id",
    "status",
    "date",
    "source",
    "evidence",
    "confirmation",
    "confidence",
    "conflict",
)
SITE_COLUMNS = (*STATEMENT_COLUMNS, "lat", "lon", "admin1", "precision_km")


@dataclass(frozen=True)
class Merged:
    """The merged register: the mapped sites, the conflicts, and noted sites without a status."""

    sites: tuple[Site, ...]
    conflicts: tuple[Conflict, ...]
    without_status: tuple[SiteNote, ...] = ()  # in sites.csv, but nobody has stated a status


def footing(evidence: Evidence) -> tuple:
    """Statements with equal footing were made on the same day by the same kind of source.

    The kinds, weakest first: a machine reading, a reading a person accepted,
    a manual entry.
    """
    return (
        evidence.date is not None,
        evidence.date.toordinal() if evidence.date else 0,
        _MANUAL if evidence.is_manual else int(evidence.confirmation is Confirmation.CONFIRMED),
    )


_MANUAL = 2


def merge(
    statements: Iterable[Evidence],
    notes: Iterable[SiteNote] = (),
    left_out: Mapping[str, int] | None = None,
) -> Merged:
    """One :class:`Site` per place, ordered by name, with every statement in its history.

    ``statements`` holds manual entries in the order they were recorded (the
    ledger's order): a later manual entry of the same date corrects an earlier
    one. ``notes`` give sites their kind and note; a noted site that no
    statement is about is returned in ``without_status``. ``left_out`` counts,
    by place id, the readings a run left out of each site's history (see
    :mod:`geo.tally`).
    """
    left_out = left_out or {}
    by_place: dict[str, list[Evidence]] = {}
    for statement in statements:
        by_place.setdefault(statement.place.id, []).append(statement)
    notes_by_place = {note.place.id: note for note in notes}
    sites, conflicts = [], []
    for place_id, group in by_place.items():
        site = merged_site(group, notes_by_place.get(place_id), left_out.get(place_id, 0))
        sites.append(site)
        conflicts.extend(site.conflicts)
    sites.sort(key=lambda s: (s.place.name, s.place.id))
    without_status = tuple(
        sorted(
            (note for place_id, note in notes_by_place.items() if place_id not in by_place),
            key=lambda n: (n.place.name, n.place.id),
        )
    )
    return Merged(tuple(sites), tuple(conflicts), without_status)


def merged_site(
    statements: Sequence[Evidence], note: SiteNote | None = None, left_out: int = 0
) -> Site:
    """The site that ``statements`` about one place make, with ``note``'s kind and note;
    ``left_out`` more readings about it were left out of its history."""
    kept, found = decide(statements)
    note = note or SiteNote(kept.place)
    return Site(
        kept.place,
        kept.status,
        kept,
        history=chronological(statements),
        kind=note.kind,
        note=note.note,
        conflicts=tuple(found),
        left_out=left_out,
    )


def replay(statements: Sequence[Evidence], note: SiteNote | None = None) -> tuple[Stage, ...]:
    """A site's story day by day: the site merged as of each day one of ``statements`` is dated.

    Each stage is what :func:`merge` makes of the statements :func:`statements_until`
    keeps for its day, so a map that replays the stages agrees with ``sites --as-of``
    on every day. Undated statements hold on every day; when there are any, a first
    stage, dated None, is the site they alone make.

    >>> from geo.model import Place, Status
    >>> gao = Place("1", "Gao", 16.3, -0.04, "ML", "P", "PPLA")
    >>> plan = Evidence(gao, Status.PENDING, dt.date(2023, 11, 1), "Gao is next.", "a.txt")
    >>> done = Evidence(gao, Status.HANDED_OVER, dt.date(2023, 12, 8), "Handed over.", "b.txt")
    >>> [(str(stage.date), stage.site.status.value) for stage in replay([done, plan])]
    [('2023-11-01', 'pending'), ('2023-12-08', 'handed over')]
    """
    undated = [statement for statement in statements if statement.date is None]
    days = sorted({statement.date for statement in statements if statement.date is not None})
    stages = [Stage(None, merged_site(undated, note))] if undated else []
    stages += [Stage(day, merged_site(statements_until(statements, day), note)) for day in days]
    return tuple(stages)


def chronological(statements: Sequence[Evidence]) -> tuple[Evidence, ...]:
    """Oldest first; undated statements before dated ones; manual entries in recorded order."""
    return tuple(sorted(statements, key=footing))


def decide(statements: Sequence[Evidence]) -> tuple[Evidence, list[Conflict]]:
    """The statement a site's status rests on, and the conflicts met on the way.

    ``statements`` are about one place; manual ones in recorded order.
    """
    advancing, conflicts = steps(statements)
    current: Evidence | None = None
    for step in advancing:
        if current is None or step.status == current.status:
            current = step
        elif current.date is None:
            conflicts.append(
                Conflict(step.place, step, current, "an undated statement says otherwise")
            )
            current = step
        elif step.status.rank > current.status.rank or _checked_over_unchecked(step, current):
            current = step
        elif step.is_manual:
            reason = (
                f"manual entry moves it back from {current.status.value} to {step.status.value}"
            )
            conflicts.append(Conflict(step.place, step, current, reason))
            current = step
        else:
            reason = (
                f"a later report says {step.status.value} after {current.status.value}; not applied"
            )
            conflicts.append(Conflict(step.place, current, step, reason))
    assert current is not None, "decide() needs at least one statement"
    return current, conflicts


def _checked_over_unchecked(step: Evidence, current: Evidence) -> bool:
    """A reading a person accepted outranks an unchecked reading of the same day.

    (A manual entry that goes back is applied too, but reported: see :func:`decide`.)
    """
    return (
        not step.is_manual
        and step.date == current.date
        and step.confirmation is Confirmation.CONFIRMED
        and current.confirmation is not Confirmation.CONFIRMED
    )


def steps(statements: Sequence[Evidence]) -> tuple[list[Evidence], list[Conflict]]:
    """The statements that advance the story, oldest first, and the disagreements among them.

    Each manual entry is a step of its own; the documents of one footing make
    one step, their most specific statement, and documents of that footing
    that say something else are conflicts.
    """
    result: list[Evidence] = []
    conflicts: list[Conflict] = []
    for (*_, kind), group in groupby(chronological(statements), key=footing):
        same_footing = list(group)
        if kind == _MANUAL:
            result.extend(same_footing)
            continue
        per_document: dict[str, Evidence] = {}
        for statement in same_footing:
            held = per_document.get(statement.source)
            if held is None or statement.status.rank > held.status.rank:
                per_document[statement.source] = statement
        winner = max(per_document.values(), key=lambda e: e.status.rank)
        for other in per_document.values():
            if other.status != winner.status:
                conflicts.append(
                    Conflict(winner.place, winner, other, "reports of the same date disagree")
                )
        result.append(winner)
    return result, conflicts


def place_record(place: Place) -> dict[str, object]:
    """A place as a record with the keys of :data:`SITE_COLUMNS`, its status fields None."""
    return dict.fromkeys(SITE_COLUMNS) | {
        "site": place.name,
        "id": place.id,
        "lat": place.lat,
        "lon": place.lon,
        "admin1": place.admin1,
        "precision_km": place.precision_km,
    }


def site_record(site: Site) -> dict[str, object]:
    """A site as a flat record with the keys of :data:`SITE_COLUMNS`.

    ``conflict`` names what the other statement of each same-day conflict says
    and where (``"closed (seeds/b.txt)"``, several joined by ``"; "``), or is None.
    """
    others = [conflict.opposite(site.evidence) for conflict in site.same_day_conflicts]
    return place_record(site.place) | {
        "status": site.status.value,
        "date": site.evidence.date.isoformat() if site.evidence.date else None,
        "source": site.evidence.source,
        "evidence": site.evidence.quote,
        "confirmation": site.confirmation.value,
        "confidence": site.evidence.confidence,
        "conflict": "; ".join(f"{e.status.value} ({e.source})" for e in others) or None,
    }


def conflict_record(conflict: Conflict, site: Site) -> dict[str, object]:
    """The other statement of one of ``site``'s conflicts: its status, date, source, quote, reason."""
    return statement_record(conflict.opposite(site.evidence)) | {"reason": conflict.reason}


def statement_record(statement: Evidence) -> dict[str, object]:
    """A statement as a flat record: its status, date, source and quote."""
    return {
        "status": statement.status.value,
        "date": statement.date.isoformat() if statement.date else None,
        "source": statement.source,
        "evidence": statement.quote,
    }


def sites_frame(sites: Iterable[Site]) -> gpd.GeoDataFrame:
    """The sites as a GeoDataFrame in EPSG:4326, one row per site."""
    # Imported here: merging needs no geopandas, and the quick commands
    # (status set, sites, history) should not pay for importing it.
    import geopandas as gpd
    from shapely.geometry import Point

    rows = [site_record(s) for s in sites]
    geometry = [Point(r["lon"], r["lat"]) for r in rows]
    return gpd.GeoDataFrame(rows, columns=list(SITE_COLUMNS), geometry=geometry, crs="EPSG:4326")


def statements_until(statements: Iterable[Evidence], day: dt.date) -> tuple[Evidence, ...]:
    """The statements about events on or before ``day``: the story as it stood that evening.

    An undated statement is kept: nobody says when it happened, and any dated
    statement outranks it anyway.
    """
    return tuple(s for s in statements if s.date is None or s.date <= day)


def strongest_per_document(statements: Iterable[Evidence]) -> list[Evidence]:
    """One statement per document and site: within a document the most specific status wins.

    On equal status the later event wins, then the one named first. The order
    of first appearance is kept.
    """
    best: dict[tuple[str, str], Evidence] = {}
    for statement in statements:
        key = (statement.source, statement.place.id)
        kept = best.get(key)
        if kept is None or _specificity(statement) > _specificity(kept):
            best[key] = statement
    return list(best.values())


def _specificity(statement: Evidence) -> tuple:
    return (statement.status.rank, statement.date or dt.date.min)
