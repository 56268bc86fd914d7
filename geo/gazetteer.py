"""The bundled gazetteer: loading it, normalising names, looking places up.

Lookups work on normalised names, so that case, accents, apostrophes and
hyphens never decide whether a report's spelling is found.

One gazetteer serves every mission. Its folder holds layers, read as a mission
needs them: every ``*.csv`` at the top (the world: countries, capitals, great
cities), ``towns/<CC>.csv`` (a country's larger towns) for the mission's countries
and their neighbours (``neighbours.json``), and ``detail/<CC>.csv`` (every other
place of a country, its regions, the mission sites GeoNames lacks) for the
mission's countries only.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
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

WORLD_FILE = "world.csv"
TOWNS_FOLDER = "towns"
DETAIL_FOLDER = "detail"
NEIGHBOURS_FILE = "neighbours.json"
# Short variant spellings of towns abroad ("Ben", "Leo", "Pax") are mostly ordinary
# words to a text scan: a place outside the mission's countries is known by its own
# name whatever its length, by its other names only from this many letters.
SHORTEST_FOREIGN_ALIAS = 5

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

    ``countries`` are the mission's (ISO alpha-2): their places win over
    namesakes in ``neighbours``, which win over namesakes anywhere else.
    ``index`` maps every normalised name to the places known by it, the most
    likely first.
    """

    places: tuple[Place, ...]
    countries: tuple[str, ...]
    neighbours: frozenset[str] = field(repr=False)
    index: Mapping[str, tuple[Place, ...]] = field(repr=False)

    @classmethod
    def from_places(
        cls, places: Iterable[Place], *countries: str, neighbours: Iterable[str] = ()
    ) -> Gazetteer:
        """Index ``places`` by all their names; ``countries`` are the mission's.

        >>> gao = Place("1", "Gao", 16.27, -0.04, "ML", "P", "PPLA", population=86633)
        >>> region = Place("2", "Gao Region", 16.45, 1.26, "ML", "A", "ADM1", alternate_names=("Gao",))
        >>> gazetteer = Gazetteer.from_places([region, gao], "ML")
        >>> [p.name for p in gazetteer.candidates("GAO's")]
        ['Gao', 'Gao Region']
        """
        places = tuple(places)
        nearby = frozenset(neighbours) - set(countries)
        keyed: dict[str, list[Place]] = {}
        for place in places:
            for key in _keys(place, place.country in countries):
                keyed.setdefault(key, []).append(place)
        index = {
            key: tuple(sorted(found, key=lambda p: _preference(p, countries, nearby)))
            for key, found in keyed.items()
        }
        return cls(places=places, countries=countries, neighbours=nearby, index=index)

    @cached_property
    def fingerprint(self) -> str:
        """A hash of the mission's countries and of every place with all it is known by."""
        return hashlib.sha256(repr((self.countries, self.places)).encode()).hexdigest()

    @cached_property
    def longest_name(self) -> int:
        """The most words any known name has (how far a text scan must look ahead)."""
        return max((key.count(" ") + 1 for key in self.index), default=1)

    @cached_property
    def lower_case_heads(self) -> frozenset[str]:
        """The first words of the names of several words that start in lower case, as a
        site's may ("aéroport de Beyrouth", "port de Beyrouth"), normalised as the index is.

        >>> airport = Place("1", "Beirut Airport", 33.82, 35.49, "LB", "S", "AIRP",
        ...                 alternate_names=("aéroport de Beyrouth",))
        >>> sorted(Gazetteer.from_places([airport], "LB").lower_case_heads)
        ['aeroport']
        """
        return frozenset(
            normalise(name).split(" ")[0]
            for place in self.places
            for name in (place.name, *place.alternate_names)
            if name[:1].islower() and " " in name.strip()
        )

    @cached_property
    def named_after(self) -> Mapping[str, tuple[tuple[Place, tuple[str, ...]], ...]]:
        """The installations (feature class S) named after another place, by that place's id,
        each with the words its name adds before or after the place's, normalised:
        "RAF Muharraq" is named after Muharraq and adds "raf".

        >>> town = Place("1", "Muharraq", 26.26, 50.61, "BH", "P", "PPL")
        >>> base = Place("2", "RAF Muharraq", 26.27, 50.63, "BH", "S", "AIRF",
        ...              alternate_names=("Muharraq air base",))
        >>> [(b.name, words) for b, words in Gazetteer.from_places([town, base], "BH").named_after["1"]]
        [('RAF Muharraq', ('raf',)), ('RAF Muharraq', ('air', 'base'))]
        """
        found: dict[str, dict[tuple[str, tuple[str, ...]], tuple[Place, tuple[str, ...]]]] = {}
        for base in self.places:
            if base.feature_class != "S":
                continue
            for name in (base.name, *base.alternate_names):
                words = normalise(name).split(" ")
                for cut in range(1, len(words)):
                    for named, added in ((words[cut:], words[:cut]), (words[:cut], words[cut:])):
                        for place in self.index.get(" ".join(named), ()):
                            if place.feature_class != "S":
                                pairs = found.setdefault(place.id, {})
                                pairs.setdefault((base.id, tuple(added)), (base, tuple(added)))
        return {place: tuple(pairs.values()) for place, pairs in found.items()}

    def candidates(self, name: str) -> tuple[Place, ...]:
        """Every place known by ``name``, the most likely first.

        The most likely is the one in the mission's countries, then in a
        neighbouring country, then anywhere else; then a settlement before an
        administrative area of the same name, then the most populous.
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
            found,
            key=lambda hit: (
                -hit[1],
                _preference(self.index[hit[0]][0], self.countries, self.neighbours),
            ),
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


def _keys(place: Place, at_home: bool) -> set[str]:
    """The normalised names a place is indexed by (short alternate names only at home)."""
    keys = {normalise(place.name), normalise(place.ascii_name)}
    for name in place.alternate_names:
        key = normalise(name)
        if at_home or len(key) >= SHORTEST_FOREIGN_ALIAS:
            keys.add(key)
    keys.discard("")
    return keys


def _preference(place: Place, countries: tuple[str, ...], neighbours: frozenset[str]) -> tuple:
    """Sort key: the mission's countries, then their neighbours, then the world; then
    settlements before regions, then size."""
    nearness = 0 if place.country in countries else 1 if place.country in neighbours else 2
    return (nearness, place.is_region, -place.population, place.id)


def load_gazetteer(folder: Path, *countries: str) -> Gazetteer:
    """Read the layers of the gazetteer folder that a mission in ``countries`` needs.

    Raises :class:`~geo.errors.DataError` with the file and line of a bad row,
    or of an id that two rows share.
    """
    folder = Path(folder)
    neighbours = read_neighbours(folder / NEIGHBOURS_FILE, countries)
    files = sorted(folder.glob("*.csv"))
    if not files:
        raise DataError(
            "no gazetteer files found",
            path=folder,
            fix="put the gazetteer CSV files in data/gazetteer/",
        )
    files += [folder / TOWNS_FOLDER / f"{code}.csv" for code in sorted({*countries, *neighbours})]
    files += [folder / DETAIL_FOLDER / f"{code}.csv" for code in countries]
    places: list[Place] = []
    first_seen: dict[str, str] = {}
    # A layer a mission does not have is no error; a layer that is not a regular file is.
    for path in (path for path in files if path.exists() or path.is_symlink()):
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
    missing = [code for code in countries if not any(p.country == code for p in places)]
    if missing:
        known = sorted({place.country for place in places if place.country})
        raise DataError(
            "no place of the gazetteer lies in the mission's country",
            path=folder,
            value=", ".join(missing),
            fix="set countries: in data/mission.yaml to codes of countries the gazetteer holds: "
            + shorten(", ".join(known), 200),
        )
    return Gazetteer.from_places(places, *countries, neighbours=neighbours)


def read_neighbours(path: Path, countries: tuple[str, ...]) -> frozenset[str]:
    """The countries next to any of ``countries``, from ``neighbours.json`` (none without one)."""
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return frozenset()
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(
            "the neighbours table is not JSON",
            path=path,
            value=str(exc)[:200],
            fix='write it as {"ML": ["NE", "BF"], ...}, or regenerate it with scripts/build_data.py',
        ) from None
    if not isinstance(table, dict):
        raise DataError(
            "the neighbours table is not a mapping",
            path=path,
            fix='write it as {"ML": ["NE", "BF"], ...}',
        )
    return frozenset(code for country in countries for code in table.get(country) or ())


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
