"""Merging statements about sites into one row per site.

Rules (see DESIGN.md): the latest dated statement wins; undated ones rank
below dated ones; a manual entry outranks documents of the same or an earlier
date; on the same footing the most specific status wins. Disagreements are
returned as :class:`Conflict` s, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import geopandas as gpd
from shapely.geometry import Point

from geo.model import Conflict, Evidence, Site

SITE_COLUMNS = (
    "site",
    "id",
    "status",
    "date",
    "source",
    "evidence",
    "lat",
    "lon",
    "admin1",
    "precision_km",
)


@dataclass(frozen=True)
class Merged:
    sites: tuple[Site, ...]
    conflicts: tuple[Conflict, ...]


def precedence(evidence: Evidence) -> tuple:
    """Sort key: the statement that should decide a site's status sorts last."""
    return (
        evidence.date is not None,
        evidence.date.toordinal() if evidence.date else 0,
        evidence.is_manual,
        evidence.status.rank,
    )


def merge(statements: Iterable[Evidence]) -> Merged:
    """One :class:`Site` per place, ordered by name, with every statement in its history."""
    by_place: dict[str, list[Evidence]] = {}
    for statement in statements:
        by_place.setdefault(statement.place.id, []).append(statement)
    sites, conflicts = [], []
    for group in by_place.values():
        ordered = sorted(group, key=precedence)
        kept = ordered[-1]
        for other in ordered[:-1]:
            if other.status != kept.status and precedence(other)[:3] == precedence(kept)[:3]:
                conflicts.append(Conflict(kept.place, kept, other, "same date, different status"))
        history = tuple(sorted(group, key=lambda e: (e.date is not None, e.date or 0, e.source)))
        sites.append(Site(kept.place, kept.status, kept, history))
    sites.sort(key=lambda s: (s.place.name, s.place.id))
    return Merged(tuple(sites), tuple(conflicts))


def sites_frame(sites: Iterable[Site]) -> gpd.GeoDataFrame:
    """The sites as a GeoDataFrame in EPSG:4326, one row per site."""
    rows = [
        {
            "site": s.place.name,
            "id": s.place.id,
            "status": s.status.value,
            "date": s.evidence.date.isoformat() if s.evidence.date else None,
            "source": s.evidence.source,
            "evidence": s.evidence.quote,
            "lat": s.place.lat,
            "lon": s.place.lon,
            "admin1": s.place.admin1,
            "precision_km": s.place.precision_km,
        }
        for s in sites
    ]
    geometry = [Point(r["lon"], r["lat"]) for r in rows]
    return gpd.GeoDataFrame(rows, columns=list(SITE_COLUMNS), geometry=geometry, crs="EPSG:4326")
