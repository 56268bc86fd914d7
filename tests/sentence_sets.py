"""The labelled sentence sets of tests/data/status/, and reading one row as missionmap would.

A set is a YAML file. The first sets (sentences*, heldout1-8) are MINUSMA's, read with
the small gazetteer of gazetteer.yaml. Later sets carry their own mission: ``mission``
(name, aliases), ``country`` (or a list of the mission's countries) and ``places`` at the top, or a list of ``groups`` with
one of each, so that they can be about any mission.

Each row: ``text`` (a whole report: a sentence, a headline or paragraphs), ``date``
(default ``default_date``), ``expect`` ({site: status}: exactly these), optional
``dates`` ({site: event day}).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from geo.extract import find_mentions
from geo.gazetteer import Gazetteer
from geo.merge import strongest_per_document
from geo.model import Document, Place
from geo.reading import Actors, Context, read_statements

DATA = Path(__file__).resolve().parent / "data" / "status"
# Sets the reader was tuned on, in the order the learned reader is trained on them; which sets
# are blind is said by tests/data/status/sets.yaml.
DEVELOPMENT_SETS = (
    "sentences",
    "sentences_fr",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "reader_dev_en",
    "reader_dev_fr",
    "reader_dev2_en",
    "reader_dev2_fr",
    "reader_dev3_en",
    "reader_dev3_fr",
    "heldout11_en",
    "heldout11_fr",
    "reader_dev4_en",
    "reader_dev4_fr",
    "reader_dev5_en",
    "reader_dev5_fr",
    "heldout9_en",
    "heldout9_fr",
    "heldout10_en",
    "heldout10_fr",
    "heldout12_en",
    "heldout12_fr",
    "heldout13_fr",
    "heldout17_en",
    "heldout17_fr",
    "heldout18_en",
    "heldout18_fr",
    "heldout19_en",
    "heldout19_fr",
    "heldout20_en",
    "heldout20_fr",
    "heldout21_en",
    "heldout21_fr",
    "heldout22_en",
    "heldout22_fr",
    "heldout23_en",
    "heldout23_fr",
    "heldout24_en",
    "heldout24_fr",
    "heldout25_en",
    "heldout25_fr",
    "heldout26_en",
    "heldout26_fr",
    "heldout27_en",
    "heldout27_fr",
    "heldout28_en",
    "heldout28_fr",
    "heldout29_en",
    "heldout29_fr",
    "heldout30_en",
    "heldout30_fr",
)
MINUSMA = {"name": "MINUSMA", "aliases": ["MINUSMA"]}


@dataclass(frozen=True)
class Row:
    text: str
    date: dt.date | None
    lang: str
    expect: dict
    dates: dict
    group: str  # the mission the row is about


@dataclass(frozen=True)
class Group:
    gazetteer: Gazetteer
    context: Context


def place_of(entry: list) -> Place:
    """A place from a row of a set's ``places``: [id, name, lat, lon, country, class.code, alternates]."""
    place_id, name, lat, lon, country, feature, alternates = entry
    feature_class, feature_code = feature.split(".")
    return Place(
        id=str(place_id),
        name=name,
        lat=float(lat),
        lon=float(lon),
        country=country,
        feature_class=feature_class,
        feature_code=feature_code,
        ascii_name=name,
        alternate_names=tuple(alternates),
    )


def _group(raw_places: list, country: str | list, mission: dict, source: str) -> Group:
    """A set's mission; ``country`` is its host country, or a list of them (all of them the
    gazetteer's home, as a project's gazetteer is for its mission's countries)."""
    countries = (country,) if isinstance(country, str) else tuple(country)
    places = [place_of(entry) for entry in raw_places]
    empty = [c for c in countries if not any(p.country == c for p in places)]
    if empty:
        # a host country none of the group's places is in reads nothing: a writer's slip
        raise ValueError(
            f"{source}: group {mission['name']!r}: country {', '.join(empty)} holds none of its"
            " places. Fix: give the ISO code of the country its places are in (a list for several)."
        )
    host_countries = [p for p in places if p.feature_code == "PCLI" and p.country in countries]
    hosts = [n for p in host_countries for n in (p.name, *p.alternate_names)]
    names = [mission["name"], *mission.get("aliases", ())]
    gazetteer = Gazetteer.from_places(places, *countries)
    return Group(gazetteer, Context(countries, Actors.of(names, hosts), gazetteer.named_after))


@cache
def minusma_group() -> Group:
    """The small MINUSMA gazetteer of tests/data/status/gazetteer.yaml."""
    raw = yaml.safe_load((DATA / "gazetteer.yaml").read_text(encoding="utf-8"))
    return _group(raw["places"], raw["country"], MINUSMA, "gazetteer.yaml")


@cache
def group_file(name: str) -> Group:
    """The one mission of ``tests/data/status/<name>.yaml``: mission, country and places."""
    raw = yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
    return _group(raw["places"], raw["country"], raw["mission"], f"{name}.yaml")


GROUPS: dict[str, Group] = {}


def sentence_set(name: str) -> list[Row]:
    """The rows of ``tests/data/status/<name>.yaml``; their groups are registered in GROUPS."""
    raw = yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
    lang = raw.get("lang", "en")
    groups = raw.get("groups") or ([raw] if "places" in raw else [])
    rows = []
    if not groups:
        GROUPS["minusma"] = minusma_group()
        groups_rows = [("minusma", raw["sentences"])]
    else:
        groups_rows = []
        for number, group in enumerate(groups):
            key = f"{name}:{number}:{group['mission']['name']}"
            GROUPS[key] = _group(
                group["places"], group["country"], group["mission"], f"{name}.yaml"
            )
            groups_rows.append((key, group["sentences"]))
    for key, entries in groups_rows:
        for entry in entries:
            rows.append(
                Row(
                    text=entry["text"],
                    date=entry.get("date", raw.get("default_date")),
                    lang=lang,
                    expect=entry.get("expect") or {},
                    dates=entry.get("dates") or {},
                    group=key,
                )
            )
    return rows


def read_row(row: Row) -> dict[str, tuple]:
    """What missionmap reads from a report holding only ``row.text``: {site: (status, date, confidence)}."""
    return read_text(row.text, row.date, row.lang, GROUPS[row.group])


def by_site(found: dict[str, tuple]) -> dict[str, str]:
    """The status of each site that :func:`read_text` found."""
    return {site: status for site, (status, _, _) in found.items()}


def read_text(
    text: str, date: dt.date | None, lang: str = "en", group: Group | None = None
) -> dict[str, tuple]:
    group = group or minusma_group()
    document = Document(path="report.txt", text=text, date=date, lang=lang)
    mentions = find_mentions(document, group.gazetteer)
    statements = strongest_per_document(read_statements(mentions, group.context))
    return {s.place.name: (s.status.value, s.date, s.confidence) for s in statements}
