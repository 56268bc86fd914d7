"""The mission country's outline and its admin-1 regions, from ``data/boundaries/``.

Two GeoJSON files (WGS 84 longitude/latitude, as RFC 7946 requires):
``country.geojson`` holds the outline of the mission's country and
``admin1.geojson`` its first-level regions; every feature has the properties
``id`` and ``name``. The map draws them, the static exports plot them, and
:meth:`Boundaries.region_of` tells which region a point lies in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import shape

from geo.errors import DataError
from geo.inputs import MIB, decode_text, parse_json, read_limited, shown_path

COUNTRY_FILE = "country.geojson"
REGIONS_FILE = "admin1.geojson"
REQUIRED_PROPERTIES = ("id", "name")
BOUNDARY_MAX_BYTES = 64 * MIB


@dataclass(frozen=True, eq=False)
class Boundaries:
    """The mission country and its regions, as GeoDataFrames in EPSG:4326.

    Both frames have the columns ``id``, ``name`` and ``geometry`` (plus any
    other property the files carry). Points on a border count as inside.
    """

    country: gpd.GeoDataFrame
    regions: gpd.GeoDataFrame

    def contains(self, lon: float, lat: float) -> bool:
        """Whether the point lies in the mission's country (its border included)."""
        return bool(shapely.intersects_xy(self.country.geometry.values, lon, lat).any())

    def region_of(self, lon: float, lat: float) -> str | None:
        """The name of the region the point lies in; None outside every region."""
        inside = shapely.intersects_xy(self.regions.geometry.values, lon, lat)
        names = self.regions["name"][inside]
        return None if names.empty else str(names.iloc[0])


def load_boundaries(folder: Path) -> Boundaries:
    """Read ``country.geojson`` and ``admin1.geojson`` from ``folder``.

    Raises :class:`~geo.errors.DataError` naming the file when one is missing,
    is not GeoJSON, or has a feature without an ``id``/``name`` or geometry.
    """
    return Boundaries(
        country=read_features(Path(folder) / COUNTRY_FILE),
        regions=read_features(Path(folder) / REGIONS_FILE),
    )


def read_features(path: Path) -> gpd.GeoDataFrame:
    """One GeoJSON FeatureCollection as a GeoDataFrame with prepared geometries."""
    if not path.exists():
        raise DataError(
            "boundary file not found",
            path=path,
            fix="regenerate data/ with scripts/build_data.py, or copy the bundled data/boundaries/",
        )
    text = decode_text(read_limited(path, BOUNDARY_MAX_BYTES), path)
    collection = parse_json(text, shown_path(path), fix="write it as a GeoJSON FeatureCollection")
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list) or not features:
        raise DataError(
            "boundary file has no features",
            path=path,
            fix="write it as a GeoJSON FeatureCollection with one feature per area",
        )
    rows, geometries = [], []
    for number, feature in enumerate(features, start=1):
        properties, geometry = _checked_feature(feature, number, path)
        rows.append(properties)
        geometries.append(geometry)
    frame = gpd.GeoDataFrame(rows, geometry=geometries, crs="EPSG:4326")
    shapely.prepare(frame.geometry.values)
    return frame


def _checked_feature(feature: object, number: int, path: Path) -> tuple[dict, object]:
    where = f"feature {number}"
    if not isinstance(feature, dict):
        raise DataError(f"{where} is not a GeoJSON feature", path=path, fix="use a Feature object")
    properties = feature.get("properties") or {}
    if not isinstance(properties, dict):
        raise DataError(
            f"{where} has properties that are not an object",
            path=path,
            fix='write them as "properties": {"id": ..., "name": ...}',
        )
    missing = [key for key in REQUIRED_PROPERTIES if not str(properties.get(key) or "").strip()]
    if missing:
        raise DataError(
            f"{where} lacks properties",
            path=path,
            value=", ".join(missing),
            fix="give every feature an 'id' and a 'name'",
        )
    try:
        geometry = shape(feature["geometry"])
    except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.GEOSException):
        raise DataError(
            f"{where} has no valid geometry",
            path=path,
            value=properties["name"],
            fix="give it a Polygon or MultiPolygon in longitude/latitude",
        ) from None
    if geometry.is_empty or geometry.geom_type not in ("Polygon", "MultiPolygon"):
        raise DataError(
            f"{where} is not an area",
            path=path,
            value=properties["name"],
            fix="give it a Polygon or MultiPolygon in longitude/latitude",
        )
    return {
        key: str(value) if key in REQUIRED_PROPERTIES else value
        for key, value in properties.items()
    }, geometry
