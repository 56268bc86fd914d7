"""The review queue: machine readings awaiting a person, most consequential first.

After the merge, because what matters most is what the map does with a reading:

1. readings caught in a conflict -- reports that disagree about a site on the
   same day -- since the map can only show one of them;
2. readings a site's status on the map rests on: accepting or rejecting one
   changes what the map says;
3. the other readings, which add to a site's story.

Within each group the least certain come first (lowest confidence), then by
site, date and id, so the queue's order is the same at every run. Readings a
person accepted, rejected or corrected are not in it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from geo.confirm import id_of
from geo.merge import Merged, strongest_per_document
from geo.model import Confirmation, Evidence, Site


class Weight(Enum):
    """Why a reading stands where it does in the queue, heaviest first."""

    CONFLICT = "conflicting reports"
    DECIDES = "the map rests on it"
    ADDS = "adds to the site's story"

    @property
    def order(self) -> int:
        return list(Weight).index(self)


@dataclass(frozen=True)
class QueueItem:
    """One reading awaiting a person, and what the map shows of its site now."""

    id: str
    reading: Evidence
    weight: Weight
    site: Site | None  # the site as the map shows it now (None if nothing is mapped there)
    conflicting: tuple[Evidence, ...] = ()  # the other statements of the same day it disagrees with


def review_queue(readings: Sequence[Evidence], merged: Merged) -> tuple[QueueItem, ...]:
    """The readings nobody has decided on yet, ordered for review.

    ``readings`` are the confirmed stage's readings (rejected ones already
    left out); of each report only the statement that reaches the merge is
    queued -- deciding on it may bring the report's next one forward.
    """
    sites = {site.place.id: site for site in merged.sites}
    against = opposed(merged.sites)
    items: dict[str, QueueItem] = {}
    for reading in strongest_per_document(readings):
        reading_id = id_of(reading)
        # The same text in two report files is one reading: one decision serves both.
        if reading.confirmation is Confirmation.CONFIRMED or reading_id in items:
            continue
        site = sites.get(reading.place.id)
        conflicting = tuple(against.get(reading, ()))
        if conflicting:
            weight = Weight.CONFLICT
        elif site is not None and site.evidence == reading:
            weight = Weight.DECIDES
        else:
            weight = Weight.ADDS
        items[reading_id] = QueueItem(reading_id, reading, weight, site, conflicting)
    return tuple(sorted(items.values(), key=_review_order))


def opposed(sites: Iterable[Site]) -> dict[Evidence, list[Evidence]]:
    """Each statement of a same-day conflict, and the statements it is up against, in the
    order of the sites' conflicts: looked up at once, where scanning every conflict of a site
    for each reading grew with the square of an archive's readings of a busy day."""
    against: dict[Evidence, list[Evidence]] = {}
    for site in sites:
        for conflict in site.same_day_conflicts:
            against.setdefault(conflict.kept, []).append(conflict.other)
            against.setdefault(conflict.other, []).append(conflict.kept)
    return against


def _review_order(item: QueueItem) -> tuple:
    reading = item.reading
    return (
        item.weight.order,
        reading.confidence,
        reading.place.name,
        reading.date.isoformat() if reading.date else "",
        item.id,
    )
