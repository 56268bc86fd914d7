"""What a run keeps of a whole archive's readings, reduced as they stream in.

Between the reader and the merge. Each report's readings are confirmed (see
:mod:`geo.confirm`) as soon as they arrive, and of each report only its strongest
reading of each site goes on, as the merge weighs them. Of those, each site keeps
at most :data:`KEPT_PER_DAY` distinct readings (by reading id) per status, day and
confirmation: the first ones met, in the order of the reports. The map, a site's
history and the review queue show those; the others -- reports repeating what a
kept reading says of the same site and day -- are only counted. What a run holds
is so bounded by the sites and days the archive speaks of, not by its number of
reports; an archive with no more than :data:`KEPT_PER_DAY` reports saying the same
thing of a site on one day keeps every reading.

Reducing changes no status the merge decides: of each day's reports it takes the first
reading of the most specific status, which is always kept. Only the history, the
same-day conflicts and the review queue, which list readings, are bounded.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from geo.confirm import Confirmed, confirmation_of, corrections, id_of, latest_decisions
from geo.merge import strongest_per_document
from geo.model import Confirmation, Decision, Evidence

KEPT_PER_DAY = 5

# A kept reading's group: its site, status, day and confirmation.
GroupKey = tuple[str, str, dt.date | None, Confirmation]


@dataclass(frozen=True)
class Tally:
    """The readings kept so far, and how many were left out, per site and day.

    ``on_gazetteer`` gives a report's statements on the gazetteer's own places: called
    only for a report of which something is kept. With ``every``, every statement of
    every report is kept in :attr:`statements` too (for ``missionmap extract``).
    """

    decisions: Sequence[Decision]
    threshold: float
    on_gazetteer: Callable[[tuple[Evidence, ...]], tuple[Evidence, ...]]
    every: bool = False
    # Every statement of the reports something was kept of: a reading is found by its id here.
    statements: list[Evidence] = field(init=False, default_factory=list)
    readings: list[Evidence] = field(init=False, default_factory=list)  # kept for the merge
    rejected: dict[str, Evidence] = field(init=False, default_factory=dict)
    left_out: Counter[tuple[str, dt.date | None]] = field(init=False, default_factory=Counter)
    _groups: dict[GroupKey, set[str]] = field(init=False, default_factory=dict)
    _standing: dict[str, Decision] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._standing.update(latest_decisions(self.decisions))

    def add(self, statements: tuple[Evidence, ...]) -> None:
        """Take in the statements read in one report."""
        ids = [id_of(statement) for statement in statements]
        kinds: dict[int, Confirmation] = {}
        rejected = []
        for index, (statement, reading) in enumerate(zip(statements, ids, strict=True)):
            kind = confirmation_of(statement, self._standing.get(reading), self.threshold)
            if kind is not None:
                kinds[index] = kind
            elif reading not in self.rejected:
                rejected.append(index)
        position = {id(statements[index]): index for index in kinds}
        keep = []
        for strongest in strongest_per_document(statements[index] for index in kinds):
            index = position[id(strongest)]
            group = self._groups.setdefault(_group_key(strongest, kinds[index]), set())
            if ids[index] in group or len(group) >= KEPT_PER_DAY:
                self.left_out[strongest.place.id, strongest.date] += 1
            else:
                group.add(ids[index])
                keep.append(index)
        if not (keep or rejected or self.every):
            return
        own = self.on_gazetteer(statements)
        self.statements.extend(own)
        self.readings.extend(replace(own[index], confirmation=kinds[index]) for index in keep)
        self.rejected.update((ids[index], own[index]) for index in rejected)

    def confirmed(self) -> Confirmed:
        """The kept readings with their confirmation, the corrections and the rejected readings."""
        return Confirmed(
            tuple(self.readings), corrections(self._standing), tuple(self.rejected.values())
        )


def left_out_until(
    left_out: Mapping[tuple[str, dt.date | None], int], day: dt.date | None
) -> dict[str, int]:
    """How many readings of each site were left out, of those about events on or before ``day``
    (all of them when ``day`` is None)."""
    counts: Counter[str] = Counter()
    for (place, date), count in left_out.items():
        if day is None or date is None or date <= day:
            counts[place] += count
    return dict(counts)


def _group_key(statement: Evidence, kind: Confirmation) -> GroupKey:
    return (statement.place.id, statement.status.value, statement.date, kind)
