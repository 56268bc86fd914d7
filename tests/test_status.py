"""Reading statuses from sentences: the table of tests/data/status/sentences.yaml.

Each row is a sentence as wire reports and UN press releases write them, with
the exact sites and statuses an analyst reads from it. The same table feeds
``benchmarks/status_quality.py`` (precision and recall).
"""

from __future__ import annotations

import datetime as dt
import doctest
from functools import cache
from pathlib import Path

import pytest
import yaml

import geo.documents
import geo.extract
import geo.status
from geo.extract import find_mentions
from geo.gazetteer import Gazetteer
from geo.model import Document, Place, Status
from geo.status import read_statements, resolve_date, rules_for, strongest_per_document

DATA = Path(__file__).resolve().parent / "data" / "status"


@cache
def fixture_gazetteer() -> Gazetteer:
    """The small gazetteer of tests/data/status/gazetteer.yaml."""
    raw = yaml.safe_load((DATA / "gazetteer.yaml").read_text(encoding="utf-8"))
    places = []
    for place_id, name, lat, lon, country, feature, alternates in raw["places"]:
        feature_class, feature_code = feature.split(".")
        places.append(
            Place(
                id=str(place_id),
                name=name,
                lat=lat,
                lon=lon,
                country=country,
                feature_class=feature_class,
                feature_code=feature_code,
                ascii_name=name,
                alternate_names=tuple(alternates),
            )
        )
    return Gazetteer.from_places(places, raw["country"])


def sentence_table(name: str = "sentences") -> list[dict]:
    """The rows of ``tests/data/status/<name>.yaml``, each with its document date filled in."""
    raw = yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
    rows = []
    for row in raw["sentences"]:
        date = row.get("date", raw["default_date"])
        rows.append(
            {**row, "date": date, "dates": row.get("dates", {}), "lang": raw.get("lang", "en")}
        )
    return rows


def read_one(text: str, date: dt.date | None, lang: str = "en") -> dict[str, tuple]:
    """What missionmap reads from a document holding only ``text``: {site: (status, date)}."""
    gazetteer = fixture_gazetteer()
    document = Document(path="report.txt", text=text, date=date, lang=lang)
    mentions = find_mentions(document, gazetteer)
    statements = strongest_per_document(read_statements(mentions, gazetteer.country, ("MINUSMA",)))
    return {s.place.name: (s.status.value, s.date) for s in statements}


TABLE = sentence_table()
FRENCH = sentence_table("sentences_fr")


def test_the_table_is_large_and_covers_every_status():
    assert len(TABLE) >= 60
    expected = [status for row in TABLE for status in row["expect"].values()]
    assert {Status.parse(s) for s in expected} == set(Status)
    assert sum(1 for row in TABLE if not row["expect"]) >= 10  # names in passing


@pytest.mark.parametrize("row", TABLE + FRENCH, ids=[row["text"][:60] for row in TABLE + FRENCH])
def test_sentence(row):
    found = read_one(row["text"], row["date"], row["lang"])
    assert {site: status for site, (status, _) in found.items()} == row["expect"]
    for site, date in row["dates"].items():
        assert found[site][1] == date, site


def test_a_language_without_rules_is_read_as_english():
    found = read_one("The Gao camp was handed over on Friday.", dt.date(2023, 12, 11), lang="xx")
    assert found == {"Gao": ("handed over", dt.date(2023, 12, 8))}


def test_within_a_document_the_most_specific_status_wins():
    text = (
        "The Gao camp was handed over on Friday. "
        "MINUSMA still needs to close its last sites in Gao, officials said."
    )
    assert read_one(text, dt.date(2023, 12, 11)) == {"Gao": ("handed over", dt.date(2023, 12, 8))}


def test_every_mention_keeps_its_own_reading():
    gazetteer = fixture_gazetteer()
    text = "Peacekeepers drove from Gao to Timbuktu. The Timbuktu camp was closed."
    document = Document(path="report.txt", text=text, date=dt.date(2023, 12, 11))
    mentions = find_mentions(document, gazetteer)
    statements = read_statements(mentions, gazetteer.country)
    by_mention = {(s.mention.surface, s.mention.start): s.status for s in statements}
    assert [m.surface for m in mentions] == ["Gao", "Timbuktu", "Timbuktu"]
    assert by_mention == {("Timbuktu", text.rindex("Timbuktu")): Status.CLOSED}


def test_the_quote_is_the_whole_sentence_with_its_white_space_tidied():
    gazetteer = fixture_gazetteer()
    text = "Background.\n\nThe Mopti camp was\nhanded over\tlast week. Other news."
    document = Document(path="report.txt", text=text, date=dt.date(2023, 12, 11))
    (statement,) = read_statements(find_mentions(document, gazetteer), gazetteer.country)
    assert statement.quote == "The Mopti camp was handed over last week."
    assert statement.source == "report.txt"
    assert statement.date == dt.date(2023, 12, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Monday", dt.date(2023, 12, 11)),  # the document's own day
        ("on Tuesday", dt.date(2023, 12, 5)),
        ("two weeks ago", dt.date(2023, 11, 27)),
        ("on 2023-12-01", dt.date(2023, 12, 1)),
        ("on December 2, 2022", dt.date(2022, 12, 2)),
        ("on 31 November", None),  # no such day
        ("in due course", None),
    ],
)
def test_dates_are_resolved_against_the_document_date(text, expected):
    assert resolve_date(text, dt.date(2023, 12, 11), rules_for("en").dates) == expected


def test_without_a_document_date_only_dates_with_a_year_resolve():
    rules = rules_for("en").dates
    assert resolve_date("on Sunday, last week", None, rules) is None
    assert resolve_date("on 16 August 2023", None, rules) == dt.date(2023, 8, 16)


def test_a_bullet_item_is_quoted_with_the_lead_in_that_gives_its_status():
    gazetteer = fixture_gazetteer()
    text = "Camps still to be vacated:\n- Kidal\n- Tessalit\n"
    document = Document(path="report.txt", text=text, date=dt.date(2023, 10, 1))
    statements = read_statements(find_mentions(document, gazetteer), gazetteer.country)
    assert [(s.place.name, s.status, s.quote) for s in statements] == [
        ("Kidal", Status.PENDING, "Camps still to be vacated: Kidal"),
        ("Tessalit", Status.PENDING, "Camps still to be vacated: Tessalit"),
    ]


@pytest.mark.parametrize("module", [geo.documents, geo.extract, geo.status])
def test_the_examples_in_docstrings_run(module):
    assert doctest.testmod(module).failed == 0
