"""What changed since the previous build of a map.

Each build leaves the state of the sites it mapped beside the map, in
``<map stem>.sites.json`` (e.g. ``maps/minusma.sites.json``): a small,
deterministic JSON file written atomically after the map, meant to be kept
(and committed) with it. The next build of the same map compares its sites
with that state and reports new sites, status changes and sites no longer
mapped. If a build dies between writing the map and the state, the next build
reports the same changes again -- never fewer.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from geo.errors import DataError
from geo.model import Site, Status

STATE_SUFFIX = ".sites.json"


@dataclass(frozen=True)
class SiteState:
    """A site as a build mapped it."""

    id: str
    site: str
    status: Status
    date: str | None  # ISO day, None when undated
    source: str


@dataclass(frozen=True)
class Change:
    """One difference between two builds: ``before`` is None for a new site, ``after`` for a gone one."""

    before: SiteState | None
    after: SiteState | None

    def describe(self) -> str:
        """The change as one line for people.

        >>> old = SiteState("1", "Gao", Status.PENDING, "2023-12-11", "seeds/a.txt")
        >>> new = SiteState("1", "Gao", Status.HANDED_OVER, "2024-07-22", "manual: ops")
        >>> Change(old, new).describe()
        'Gao: pending → handed over (2024-07-22, manual: ops)'
        >>> Change(None, old).describe()
        'new site: Gao, pending (2023-12-11, seeds/a.txt)'
        >>> Change(old, None).describe()
        'no longer mapped: Gao (was pending)'
        """
        if self.after is None:
            assert self.before is not None
            return f"no longer mapped: {self.before.site} (was {self.before.status.value})"
        when = f"({self.after.date or 'undated'}, {self.after.source})"
        if self.before is None:
            return f"new site: {self.after.site}, {self.after.status.value} {when}"
        return f"{self.after.site}: {self.before.status.value} → {self.after.status.value} {when}"


def state_of(sites: Iterable[Site]) -> tuple[SiteState, ...]:
    """The state of mapped sites, ordered by name (then id), as the map lists them."""
    states = (
        SiteState(
            id=s.place.id,
            site=s.place.name,
            status=s.status,
            date=s.evidence.date.isoformat() if s.evidence.date else None,
            source=s.evidence.source,
        )
        for s in sites
    )
    return tuple(sorted(states, key=lambda state: (state.site, state.id)))


def changes(previous: Iterable[SiteState], current: Iterable[SiteState]) -> list[Change]:
    """New sites, status changes and sites gone, in the order of the current (then old) sites.

    A site whose status stayed the same is no change, even if newer evidence confirms it.

    >>> gao = SiteState("1", "Gao", Status.PENDING, None, "seeds/a.txt")
    >>> changes([gao], [gao])
    []
    """
    before = {state.id: state for state in previous}
    after = {state.id: state for state in current}
    found = [
        Change(before.get(site_id), state)
        for site_id, state in after.items()
        if site_id not in before or before[site_id].status != state.status
    ]
    found += [Change(state, None) for site_id, state in before.items() if site_id not in after]
    return found


def state_path(map_path: Path) -> Path:
    """Where the state of a map is kept: beside it, ``<stem>.sites.json``."""
    return map_path.with_name(map_path.stem + STATE_SUFFIX)


def state_json(states: Iterable[SiteState]) -> str:
    """The state file's text: the same states always give the same bytes."""
    rows = [
        {
            "id": s.id,
            "site": s.site,
            "status": s.status.value,
            "date": s.date,
            "source": s.source,
        }
        for s in states
    ]
    return json.dumps({"sites": rows}, ensure_ascii=False, indent=2) + "\n"


def read_state(path: Path) -> tuple[SiteState, ...]:
    """The state a previous build left; empty when there was none."""
    if not path.exists():
        return ()
    fix = f"delete {path.name}: the next build starts a new change report"
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))["sites"]
        return tuple(
            SiteState(
                id=str(row["id"]),
                site=str(row["site"]),
                status=Status.parse(row["status"]),
                date=row["date"],
                source=str(row["source"]),
            )
            for row in rows
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise DataError(
            "cannot read the state of the previous build", path=path, value=str(error), fix=fix
        ) from None
