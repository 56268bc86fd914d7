"""The mission countries' outlines and their admin-1 regions, from ``data/boundaries/``.

Two GeoJSON files (WGS 84 longitude/latitude, as RFC 7946 requires):
``country.geojson`` holds country outlines and ``admin1.geojson`` their
first-level regions; every feature has the properties ``id`` and ``name``, and
the bundled ones ``country`` (ISO alpha-2), by which a mission's are chosen. The map draws them, the static exports plot them, and
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
    """The mission's countries and their regions, as GeoDataFrames in EPSG:4326.

    Both frames have the columns ``id``, ``name`` and ``geometry`` (plus any
    other property the files carry). Points on a border count as inside.
    """

    country: gpd.GeoDataFrame
    regions: gpd.GeoDataFrame

    def contains(self, lon: float, lat: float) -> bool:
        """Whether the point lies in one of the mission's countries (borders included)."""
        return bool(shapely.intersects_xy(self.country.geometry.values, lon, lat).any())

    def region_of(self, lon: float, lat: float) -> str | None:
        """The name of the region the point lies in; None outside every region."""
        inside = shapely.intersects_xy(self.regions.geometry.values, lon, lat)
        names = self.regions["name"][inside]
        return None if names.empty else str(names.iloc[0])


def load_boundaries(folder: Path, countries: tuple[str, ...] | None = None) -> Boundaries:
    """Read ``country.geojson`` and ``admin1.geojson`` from ``folder``.

    With ``countries``, only their features are kept (and those that name no
    country: a project's own files for its one country).
    Raises :class:`~geo.errors.DataError` naming the file when one is missing,
    is not GeoJSON, has a feature without an ``id``/``name`` or geometry, or
    has no outline of the mission's countries.
    """
    return Boundaries(
        country=read_features(Path(folder) / COUNTRY_FILE, countries),
        regions=read_features(Path(folder) / REGIONS_FILE, countries),
    )


def read_features(path: Path, countries: tuple[str, ...] | None = None) -> gpd.GeoDataFrame:
    """One GeoJSON FeatureCollection as a GeoDataFrame with prepared geometries.

    With ``countries``, the features whose ``country`` property is another's are left out.
    """
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
        if countries is not None and _country_of(feature) not in (None, *countries):
            continue
        properties, geometry = _checked_feature(feature, number, path)
        rows.append(properties)
        geometries.append(geometry)
    if not rows:
        raise DataError(
            "boundary file has no area of the mission's countries",
            path=path,
            value=", ".join(countries or ()),
            fix="check the countries in data/mission.yaml, or add their areas to the file "
            "(scripts/build_data.py builds them for the countries of data/sources/mission_countries.csv)",
        )
    frame = gpd.GeoDataFrame(rows, geometry=geometries, crs="EPSG:4326")
    shapely.prepare(frame.geometry.values)
    return frame


def _country_of(feature: object) -> str | None:
    """The ``country`` property of a feature, None when it has none."""
    properties = feature.get("properties") if isinstance(feature, dict) else None
    country = properties.get("country") if isinstance(properties, dict) else None
    return str(country) if country else None


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
