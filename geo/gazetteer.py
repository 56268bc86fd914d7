"""The bundled gazetteer: loading it, normalising names, looking places up.

Lookups work on normalised names, so that case, accents, apostrophes and
hyphens never decide whether a report's spelling is found.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from geo.errors import DataError, UnknownPlaceError
from geo.model import Place

GAZETTEER_COLUMNS = (
    "id",
    "name",
    "asciiname",
    "alternatenames",
    "latitude",
    "longitude",
    "feature_class",
    "feature_code",
    "country_code",
    "admin1",
    "population",
    "source",
    "precision_km",
)

_POSSESSIVE = re.compile(r"['’`´]s\b", re.IGNORECASE)
_APOSTROPHES = re.compile(r"['’`´‘ʼ]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_./]+")


def normalise(name: str) -> str:
    """The key a name is looked up by.

    >>> normalise("Ménaka"), normalise("Gao's"), normalise("Aguel'hoc"), normalise("Mopti-Sévaré")
    ('menaka', 'gao', 'aguelhoc', 'mopti sevare')
    """
    decomposed = unicodedata.normalize("NFKD", name)
    no_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = _APOSTROPHES.sub("", _POSSESSIVE.sub("", no_marks)).casefold()
    return _SEPARATORS.sub(" ", text).strip()


@dataclass(frozen=True)
class Gazetteer:
    """Places and the names they are known by.

    ``country`` is the mission's country: its places win over namesakes abroad.
    """

    places: tuple[Place, ...]
    country: str
    index: Mapping[str, tuple[Place, ...]] = field(repr=False)

    @classmethod
    def from_places(cls, places: Iterable[Place], country: str) -> Gazetteer:
        places = tuple(places)
        keyed: dict[str, list[Place]] = {}
        for place in places:
            for key in {
                normalise(n) for n in (place.name, place.ascii_name, *place.alternate_names)
            }:
                if key:
                    keyed.setdefault(key, []).append(place)
        index = {
            key: tuple(sorted(found, key=lambda p: _preference(p, country)))
            for key, found in keyed.items()
        }
        return cls(places=places, country=country, index=index)

    @property
    def longest_name(self) -> int:
        """The most words any known name has (how far a text scan must look ahead)."""
        return max((key.count(" ") + 1 for key in self.index), default=1)

    def candidates(self, name: str) -> tuple[Place, ...]:
        """Every place known by ``name``, the most likely first."""
        return self.index.get(normalise(name), ())

    def lookup(self, name: str) -> Place:
        """The most likely place called ``name``; :class:`UnknownPlaceError` if none."""
        found = self.candidates(name)
        if not found:
            raise UnknownPlaceError(name, self.suggest(name))
        return found[0]

    def suggest(self, name: str, limit: int = 3) -> tuple[str, ...]:
        """Known names spelt like ``name``, for "did you mean" messages."""
        from rapidfuzz import fuzz, process, utils

        choices = {p.id: p.name for p in self.places}
        found = process.extract(
            normalise(name),
            choices,
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            limit=limit * 3,
            score_cutoff=70,
        )
        names: list[str] = []
        for place_name, _score, _key in found:
            if place_name not in names:
                names.append(place_name)
        return tuple(names[:limit])

    def get(self, place_id: str) -> Place:
        for place in self.places:
            if place.id == place_id:
                return place
        raise KeyError(place_id)


def _preference(place: Place, country: str) -> tuple:
    """Sort key: the mission's country first, then settlements before regions, then size."""
    return (place.country != country, place.is_region, -place.population, place.id)


def load_gazetteer(folder: Path, country: str) -> Gazetteer:
    """Read every ``*.csv`` of the gazetteer folder."""
    files = sorted(folder.glob("*.csv"))
    if not files:
        raise DataError(
            "no gazetteer files found",
            path=folder,
            fix="put the gazetteer CSV files in data/gazetteer/",
        )
    return Gazetteer.from_places((p for path in files for p in read_places(path)), country)


def read_places(path: Path) -> Iterable[Place]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in GAZETTEER_COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise DataError(
                "gazetteer file lacks columns",
                path=path,
                line=1,
                value=", ".join(missing),
                fix="use the header: " + ",".join(GAZETTEER_COLUMNS),
            )
        for row in reader:
            yield place_from_row(row, path, reader.line_num)


def place_from_row(row: dict[str, str], path: Path, line: int) -> Place:
    try:
        lat, lon = float(row["latitude"]), float(row["longitude"])
    except ValueError:
        raise DataError(
            "coordinates are not numbers",
            path=path,
            line=line,
            value=f"{row['latitude']},{row['longitude']}",
            fix="write latitude and longitude in decimal degrees",
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataError(
            "coordinates out of range",
            path=path,
            line=line,
            value=f"{lat},{lon}",
            fix="latitude is -90..90 and longitude -180..180, in that order",
        )
    precision = row["precision_km"].strip()
    return Place(
        id=row["id"].strip(),
        name=row["name"].strip(),
        ascii_name=row["asciiname"].strip(),
        alternate_names=tuple(n for n in row["alternatenames"].split("|") if n.strip()),
        lat=lat,
        lon=lon,
        feature_class=row["feature_class"].strip(),
        feature_code=row["feature_code"].strip(),
        country=row["country_code"].strip(),
        admin1=row["admin1"].strip() or None,
        population=int(row["population"] or 0),
        source=row["source"].strip(),
        precision_km=float(precision) if precision else None,
    )
