"""geo.reading.dates: the day an event happened, from the date its own verb governs,
resolved against the report's date.

Weekdays, "last week", "three days ago" and dates without a year count back from the
report's day; of several dates in a sentence the event takes its verb's; a note in
brackets after a site dates that site; a dateline's date is the filing day, not the
event's; a plan is dated by the report that states it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sentence_sets import minusma_group, read_text

from geo.extract import find_mentions
from geo.model import Document
from geo.reading import read_statements
from geo.reading.dates import date_rules, event_date, find_dates
from geo.reading.parse import parse

REPORT = dt.date(2023, 12, 11)  # a Monday
D = dt.date


def days(text: str, lang: str = "en", today: dt.date | None = REPORT) -> list[dt.date]:
    return [span.day for span in find_dates(text, today, date_rules(lang))]


def dated(text: str, lang: str = "en") -> dict[str, tuple[str, dt.date]]:
    return {site: (status, day) for site, (status, day, _) in read_text(text, REPORT, lang).items()}


# --- finding and resolving date expressions -------------------------------------


@pytest.mark.parametrize(
    ("lang", "table"),
    [
        pytest.param(
            "en",
            {
                "on Friday": D(2023, 12, 8),
                "on Monday": D(2023, 12, 11),  # the report's own day, not a week before
                "last week": D(2023, 12, 4),
                "yesterday": D(2023, 12, 10),
                "three days ago": D(2023, 12, 8),
                "on 28 November": D(2023, 11, 28),
                "on Nov. 28": D(2023, 11, 28),
                "on December 20": D(2022, 12, 20),  # later than the report: last year's
                "on 2 December 2022": D(2022, 12, 2),
                "on 2023-11-30": D(2023, 11, 30),
            },
            id="en",
        ),
        pytest.param(
            "fr",
            {
                "vendredi": D(2023, 12, 8),
                "jeudi dernier": D(2023, 12, 7),
                "le 28 novembre": D(2023, 11, 28),
                "le 1er décembre": D(2023, 12, 1),
                "le 28 décembre": D(2022, 12, 28),
                "il y a trois jours": D(2023, 12, 8),
                "la semaine dernière": D(2023, 12, 4),
            },
            id="fr",
        ),
    ],
)
def test_a_date_expression_names_a_day_counted_from_the_report(lang, table):
    found = {text: days(f"The camp was handed over {text}.", lang) for text in table}
    assert found == {text: [day] for text, day in table.items()}


def test_what_names_no_day_is_no_date():
    # no such day; no date at all; a weekday without "on", "last"...
    for text in ["on 31 November", "in due course", "Friday prayers were held"]:
        assert days(text) == [], text


def test_without_a_report_date_only_dates_with_a_year_resolve():
    text = "on Friday, last week, on 28 November and on 16 August 2023"
    assert days(text, today=None) == [D(2023, 8, 16)]


def test_one_date_written_at_length_is_one_expression():
    text = "It was handed over on 8 December 2023 at noon."
    (span,) = find_dates(text, REPORT, date_rules("en"))
    assert text[span.start : span.end] == "8 December 2023"
    assert span.day == D(2023, 12, 8)


def test_an_unknown_language_writes_its_dates_in_english():
    assert days("on Friday", "xx") == [D(2023, 12, 8)]


def test_event_date_takes_the_date_attached_to_the_event_s_verb():
    text = "The camp, visited on 3 March, was handed over on Friday."
    doc = parse([text], "en")[0]
    spans = find_dates(text, REPORT, date_rules("en"))
    verb = next(t.i for t in doc if t.text == "handed")
    site = doc[1:2]  # "camp"
    assert [s.day for s in spans] == [D(2023, 3, 3), D(2023, 12, 8)]
    assert event_date(doc, verb, spans, site) == D(2023, 12, 8)
    assert event_date(doc, verb, [], site) is None


# --- what the map shows ---------------------------------------------------------


@pytest.mark.parametrize(
    "table",
    [
        pytest.param(
            {
                "The Gao camp was handed over on Friday.": {"Gao": ("handed over", D(2023, 12, 8))},
                "The Gao camp was handed over last week.": {"Gao": ("handed over", D(2023, 12, 4))},
                "The Gao camp was handed over on 28 November.": {
                    "Gao": ("handed over", D(2023, 11, 28))
                },
                "The Gao camp was handed over.": {
                    "Gao": ("handed over", REPORT)
                },  # undated: the report's day
            },
            id="one-date",
        ),
        pytest.param(
            {
                "The Gao camp, visited by the envoy on 3 March, was handed over on Friday.": {
                    "Gao": ("handed over", D(2023, 12, 8))
                },
                "MINUSMA, which arrived in Mali on 1 July 2013, left Gao on Friday.": {
                    "Gao": ("closed", D(2023, 12, 8))
                },
                "On 3 March, the envoy visited the camp in Gao, which was handed over on Friday.": {
                    "Gao": ("handed over", D(2023, 12, 8))
                },
                # two events, two dates; a plan is dated by the report that states it
                "MINUSMA left Kidal on Tuesday and will leave Gao on 15 December.": {
                    "Kidal": ("closed", D(2023, 12, 5)),
                    "Gao": ("pending", REPORT),
                },
            },
            id="the-event-s-own-date",
        ),
        pytest.param(
            {
                "MINUSMA has vacated Ber (13 Aug), Goundam (5 Sep) and Léré (20 Sep).": {
                    "Ber": ("closed", D(2023, 8, 13)),
                    "Goundam": ("closed", D(2023, 9, 5)),
                    "Léré": ("closed", D(2023, 9, 20)),
                },
                "MINUSMA bases vacated since July: Ber (13 Aug), Goundam (5 Sep).": {
                    "Ber": ("closed", D(2023, 8, 13)),
                    "Goundam": ("closed", D(2023, 9, 5)),
                },
            },
            id="bracketed-notes",
        ),
        pytest.param(
            {  # the dateline's date is the day the report was filed
                "GAO, Dec. 8 (Reuters) - MINUSMA handed over its camp in Kidal.": {
                    "Kidal": ("handed over", REPORT)
                },
            },
            id="dateline",
        ),
    ],
)
def test_each_event_is_dated_by_its_own_date(table):
    assert {text: dated(text) for text in table} == table


def test_each_event_is_dated_in_french():
    table = {
        "Le camp de Tombouctou a été remis aux autorités maliennes le 28 novembre.": {
            "Timbuktu": ("handed over", D(2023, 11, 28))
        },
        "La MINUSMA a quitté Kidal jeudi dernier.": {"Kidal": ("closed", D(2023, 12, 7))},
        "La MINUSMA a quitté Kidal il y a trois jours.": {"Kidal": ("closed", D(2023, 12, 8))},
        "GAO, Mali (AFP) — La MINUSMA a quitté Kidal mardi.": {"Kidal": ("closed", D(2023, 12, 5))},
    }
    assert {text: dated(text, "fr") for text in table} == table


def test_a_date_of_a_preceding_event_noun_is_not_the_handover_s():
    text = "After talks on 1 December, MINUSMA handed over the Gao camp on Friday."
    assert dated(text) == {"Gao": ("handed over", D(2023, 12, 8))}


def test_a_weekday_counts_from_the_dateline_of_a_wire_story():
    text = "GAO, Dec 4 (Sahel Wire) - The Gao camp was handed to the Malian army on Monday."
    assert dated(text) == {"Gao": ("handed over", D(2023, 12, 4))}
    # without a dateline, from the report's date (Monday 11 December)
    text = "The Gao camp was handed to the Malian army on Monday."
    assert dated(text) == {"Gao": ("handed over", D(2023, 12, 11))}


def test_a_done_event_dated_after_its_report_is_dated_by_the_report_and_says_so():
    text = "MINUSMA handed over its camp in Gao on 31 December 9999."
    group = minusma_group()
    report = Document(path="report.txt", text=text, date=REPORT)
    (statement,) = read_statements(find_mentions(report, group.gazetteer), group.context)
    assert (statement.status.value, statement.date) == ("handed over", REPORT)
    assert statement.reason.date_set_aside == "9999-12-31"
    assert "date 9999-12-31 set aside" in statement.reason.describe()


def test_an_undated_report_cannot_date_a_done_event_after_today():
    future = read_text("MINUSMA handed over its camp in Gao on 31 December 9999.", None)
    past = read_text("MINUSMA handed over its camp in Gao on 2 December 2022.", None)
    assert (future["Gao"][:2], past["Gao"][:2]) == (
        ("handed over", None),
        ("handed over", D(2022, 12, 2)),
    )
