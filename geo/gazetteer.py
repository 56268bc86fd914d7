"""The bundled gazetteer: loading it, normalising names, looking places up.

Lookups work on normalised names, so that case, accents, apostrophes and
hyphens never decide whether a report's spelling is found.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from geo.errors import DataError, UnknownPlaceError
from geo.inputs import MIB, decode_text, read_limited, shown_path
from geo.model import Place
from geo.terminal import shorten

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

_POSSESSIVE = re.compile(r"['’`´‘ʼ]s\b", re.IGNORECASE)
_APOSTROPHES = re.compile(r"['’`´‘ʼ]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_./]+")
# How alike (rapidfuzz's normalised edit similarity, 0-100) a known name must be
# to be suggested. A plain edit distance, not a partial match: partial matching
# would offer "Aba" for "Diabali" because the letters occur inside it.
SUGGESTION_CUTOFF = 75
GAZETTEER_MAX_BYTES = 256 * MIB


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
    ``index`` maps every normalised name to the places known by it, the most
    likely first.
    """

    places: tuple[Place, ...]
    country: str
    index: Mapping[str, tuple[Place, ...]] = field(repr=False)

    @classmethod
    def from_places(cls, places: Iterable[Place], country: str) -> Gazetteer:
        """Index ``places`` by all their names; ``country`` is the mission's (ISO alpha-2).

        >>> gao = Place("1", "Gao", 16.27, -0.04, "ML", "P", "PPLA", population=86633)
        >>> region = Place("2", "Gao Region", 16.45, 1.26, "ML", "A", "ADM1", alternate_names=("Gao",))
        >>> gazetteer = Gazetteer.from_places([region, gao], "ML")
        >>> [p.name for p in gazetteer.candidates("GAO's")]
        ['Gao', 'Gao Region']
        """
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

    @cached_property
    def longest_name(self) -> int:
        """The most words any known name has (how far a text scan must look ahead)."""
        return max((key.count(" ") + 1 for key in self.index), default=1)

    def candidates(self, name: str) -> tuple[Place, ...]:
        """Every place known by ``name``, the most likely first.

        The most likely is the one in the mission's country, then a settlement
        before an administrative area of the same name, then the most populous.
        """
        return self.index.get(normalise(name), ())

    def region(self, name: str) -> Place | None:
        """The admin-1 region known by ``name`` ("Kidal", "Kidal region"), or None.

        For text such as "the Kidal region", where the bare name would mean the town.
        """
        return next((p for p in self.candidates(name) if p.feature_code == "ADM1"), None)

    def lookup(self, name: str) -> Place:
        """The most likely place called ``name``; :class:`UnknownPlaceError` if none."""
        found = self.candidates(name)
        if not found:
            raise UnknownPlaceError(name, self.suggest(name))
        return found[0]

    def suggest(self, name: str, limit: int = 3) -> tuple[str, ...]:
        """Up to ``limit`` names of known places spelt like ``name``, the closest first.

        For "did you mean" messages: "Tombuctu" suggests Timbuktu.
        """
        from rapidfuzz import fuzz, process

        found = process.extract(
            normalise(name),
            self._suggestion_keys,
            scorer=fuzz.ratio,
            limit=None,
            score_cutoff=SUGGESTION_CUTOFF,
        )
        ranked = sorted(
            found, key=lambda hit: (-hit[1], _preference(self.index[hit[0]][0], self.country))
        )
        names: list[str] = []
        for key, _score, _position in ranked:
            place_name = self.index[key][0].name
            if place_name not in names:
                names.append(place_name)
        return tuple(names[:limit])

    @cached_property
    def _suggestion_keys(self) -> list[str]:
        return sorted(self.index)

    def get(self, place_id: str) -> Place:
        """The place with this id; ``KeyError`` if there is none."""
        return self._by_id[place_id]

    @cached_property
    def _by_id(self) -> dict[str, Place]:
        return {place.id: place for place in self.places}


def _preference(place: Place, country: str) -> tuple:
    """Sort key: the mission's country first, then settlements before regions, then size."""
    return (place.country != country, place.is_region, -place.population, place.id)


def load_gazetteer(folder: Path, country: str) -> Gazetteer:
    """Read every ``*.csv`` of the gazetteer folder; ``country`` is the mission's.

    Raises :class:`~geo.errors.DataError` with the file and line of a bad row,
    or of an id that two rows share.
    """
    files = sorted(Path(folder).glob("*.csv"))
    if not files:
        raise DataError(
            "no gazetteer files found",
            path=folder,
            fix="put the gazetteer CSV files in data/gazetteer/",
        )
    places: list[Place] = []
    first_seen: dict[str, str] = {}
    for path in files:
        for line, place in _numbered_places(path):
            if place.id in first_seen:
                raise DataError(
                    "gazetteer id used twice",
                    path=path,
                    line=line,
                    value=place.id,
                    fix=f"give one of this row and {first_seen[place.id]} another id",
                )
            first_seen[place.id] = f"{path}:{line}"
            places.append(place)
    if not any(place.country == country for place in places):
        known = sorted({place.country for place in places if place.country})
        raise DataError(
            "no place of the gazetteer lies in the mission's country",
            path=folder,
            value=country,
            fix="set country: in data/mission.yaml to the code of a country the gazetteer holds: "
            + shorten(", ".join(known), 200),
        )
    return Gazetteer.from_places(places, country)


def read_places(path: Path) -> Iterator[Place]:
    """The places of one gazetteer CSV file (columns :data:`GAZETTEER_COLUMNS`)."""
    return (place for _line, place in _numbered_places(path))


def _numbered_places(path: Path) -> Iterator[tuple[int, Place]]:
    text = decode_text(read_limited(path, GAZETTEER_MAX_BYTES), path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        _check_header(reader.fieldnames, path)
        for row in reader:
            yield reader.line_num, place_from_row(row, path, reader.line_num)
    except csv.Error as exc:
        raise DataError(
            "gazetteer file is not a readable CSV",
            path=shown_path(path),
            line=reader.line_num + 1,  # the line it was reading
            value=str(exc),
            fix="save it as comma-separated values, one place per line, with quotes balanced",
        ) from None


def _check_header(fieldnames: Sequence[str] | None, path: Path) -> None:
    missing = [c for c in GAZETTEER_COLUMNS if c not in (fieldnames or ())]
    if missing:
        raise DataError(
            "gazetteer file lacks columns",
            path=path,
            line=1,
            value=", ".join(missing),
            fix="use the header: " + ",".join(GAZETTEER_COLUMNS),
        )


def place_from_row(row: dict[str, str | None], path: Path, line: int) -> Place:
    """One CSV row as a :class:`Place`; :class:`~geo.errors.DataError` names what is wrong."""
    values = {key: (row.get(key) or "").strip() for key in GAZETTEER_COLUMNS}
    if not values["id"] or not values["name"]:
        raise DataError(
            "gazetteer row without an id or a name",
            path=path,
            line=line,
            fix="give every row an id and a name",
        )
    lat = _number(values["latitude"], "latitude", path, line)
    lon = _number(values["longitude"], "longitude", path, line)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataError(
            "coordinates out of range",
            path=path,
            line=line,
            value=f"{lat},{lon}",
            fix="latitude is -90..90 and longitude -180..180, in that order",
        )
    population = _number(values["population"] or "0", "population", path, line)
    precision = values["precision_km"]
    precision_km = _number(precision, "precision_km", path, line) if precision else None
    if population < 0 or (precision_km is not None and precision_km <= 0):
        raise DataError(
            "population or precision_km is negative",
            path=path,
            line=line,
            value=f"{values['population']},{precision}",
            fix="population is a count (0 if unknown); precision_km is a distance > 0, or empty",
        )
    return Place(
        id=values["id"],
        name=values["name"],
        ascii_name=values["asciiname"],
        alternate_names=tuple(n.strip() for n in values["alternatenames"].split("|") if n.strip()),
        lat=lat,
        lon=lon,
        feature_class=values["feature_class"],
        feature_code=values["feature_code"],
        country=values["country_code"],
        admin1=values["admin1"] or None,
        population=int(population),
        source=values["source"],
        precision_km=precision_km,
    )


def _number(text: str, column: str, path: Path, line: int) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise DataError(
            f"{column} is not a number",
            path=path,
            line=line,
            value=text,
            fix=f"write {column} as a decimal number"
            + (" in degrees" if column in ("latitude", "longitude") else ""),
        )
    return value
