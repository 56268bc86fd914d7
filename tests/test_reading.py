"""The reader as a whole: the sentence tables, the bundled seed, reports across sentences.

Each row of tests/data/status/sentences.yaml and sentences_fr.yaml is a report as wire
services and UN press releases write them, with the exact sites and statuses an analyst
reads from it. Rows the reader of today reads otherwise are listed, each with why, in
tests/data/status/changed.yaml: they are expected to fail (strictly, so that a row that
starts passing is noticed and taken off the list).
"""

from __future__ import annotations

import datetime as dt
import doctest

import pytest
import yaml
from sentence_sets import (
    DATA,
    by_site,
    group_file,
    minusma_group,
    read_row,
    read_text,
    sentence_set,
)

import geo.language
import geo.reading.confidence
import geo.reading.dates
import geo.reading.lexicon
import geo.reading.reader
from geo.extract import find_mentions
from geo.model import Document, Status
from geo.reading import read_statements

TABLE = sentence_set("sentences") + sentence_set("sentences_fr")
CHANGED = {
    row["text"]: row["why"]
    for row in yaml.safe_load((DATA / "changed.yaml").read_text(encoding="utf-8"))["rows"]
}


def _param(row):
    marks = []
    if row.text in CHANGED:
        marks.append(pytest.mark.xfail(strict=True, reason=CHANGED[row.text]))
    return pytest.param(row, id=row.text[:60], marks=marks)


def test_the_table_is_large_and_covers_every_status():
    assert len(TABLE) >= 300
    expected = [status for row in TABLE for status in row.expect.values()]
    assert {Status.parse(s) for s in expected} == set(Status)
    assert sum(1 for row in TABLE if not row.expect) >= 10  # names in passing


def test_every_changed_row_is_a_row_of_the_table_with_its_reason():
    assert set(CHANGED) <= {row.text for row in TABLE}, "changed.yaml names a row the table lacks"
    assert all(why.strip() for why in CHANGED.values())


@pytest.mark.parametrize("row", [_param(row) for row in TABLE])
def test_sentence(row):
    found = read_row(row)
    assert by_site(found) == row.expect
    for site, date in row.dates.items():
        assert found[site][1] == date, site


SEED = (
    "Since the directive to leave, MINUSMA has vacated 13 positions in Mali and still needs to"
    " close sites in Gao and Timbuktu in the north.\n\n"
    "The Mopti camp, a central Mali location known for violence in the Sahel, was handed over"
    " last week.\n\n"
    "The ceremony marking the end of the mission took place in the capital, Bamako, where the"
    " UN flag was lowered. Moscow and France were named in passing."
)


def test_the_seed_reading_gives_the_four_sites_and_nothing_else():
    found = read_text(SEED, dt.date(2023, 12, 11))
    assert by_site(found) == {
        "Gao": "pending",
        "Timbuktu": "pending",
        "Mopti": "handed over",
        "Bamako": "closed",
    }
    assert found["Mopti"][1] == dt.date(2023, 12, 4)  # "last week", counted from the report's day


def test_a_site_named_in_one_sentence_takes_the_status_the_next_gives_it():
    text = "The Timbuktu camp had hosted 1,200 peacekeepers. It was handed over on Friday."
    found = read_text(text, dt.date(2023, 12, 11))
    assert found["Timbuktu"][:2] == ("handed over", dt.date(2023, 12, 8))


def test_the_people_there_in_the_next_sentence_are_of_the_site_before():
    text = "MINUSMA had a camp in Ber. The team there left on Monday."
    assert by_site(read_text(text, dt.date(2023, 12, 11))) == {"Ber": "closed"}
    # ... past a bare answer to a question about it
    text = "Has MINUSMA left Ber? Not yet. The peacekeepers there will leave next week."
    assert by_site(read_text(text, dt.date(2023, 12, 11))) == {"Ber": "pending"}


def test_an_event_noun_beside_a_site_of_its_own_sentence_is_not_the_site_before():
    text = (
        "La cheffe de la mission a réuni mardi le conseil de sécurité à Gao. Elle doit ensuite"
        " gagner Kidal, où la mission prépare son désengagement."
    )
    assert by_site(read_text(text, dt.date(2023, 12, 11), "fr")) == {"Kidal": "pending"}


def test_sites_left_are_handed_over_by_the_next_sentence_s_handover_of_them_all():
    text = (
        "Les garnisons de la MINUSMA à Kidal et à Tessalit ont été retirées le 14 mai. Les"
        " emprises militaires correspondantes ont été transférées aux autorités maliennes."
    )
    assert by_site(read_text(text, dt.date(2023, 12, 11), "fr")) == {
        "Kidal": "handed over",
        "Tessalit": "handed over",
    }


def test_premises_returned_after_the_mission_left_hand_its_site_over():
    text = (
        "Les casques bleus ont quitté Kidal le 28 novembre ; les locaux ont été rendus le jour"
        " même à la municipalité."
    )
    assert by_site(read_text(text, dt.date(2023, 12, 11), "fr")) == {"Kidal": "handed over"}


def test_a_site_received_in_the_next_sentence_was_handed_over_after_its_flag_came_down():
    text = (
        "Mardi, au QG de la MINUSMA à Gao, on a descendu le drapeau de l'ONU. Le jour même,"
        " les autorités maliennes ont reçu le bâtiment."
    )
    assert read_text(text, dt.date(2023, 12, 11), "fr")["Gao"][0] == "handed over"


def test_a_french_headline_in_capitals_is_read_as_a_sentence():
    def statuses(text):
        return {
            site: found[0] for site, found in read_text(text, dt.date(2023, 12, 11), "fr").items()
        }

    assert statuses("LES CASQUES BLEUS ONT QUITTÉ TESSALIT ET AGUELHOK") == {
        "Tessalit": "closed",
        "Aguelhok": "closed",
    }
    assert statuses("LE CAMP DE GAO SERA REMIS AUX FAMA") == {"Gao": "pending"}
    assert statuses("LA MINUSMA ACCEPTE DE CÉDER GAO ET KIDAL AUX FAMA") == {
        "Gao": "pending",
        "Kidal": "pending",
    }


def test_a_capital_the_mission_still_has_to_leave_is_a_site():
    text = "La MINUSMA a quitté Gao. Il reste désormais à évacuer Bamako."
    assert read_text(text, dt.date(2023, 12, 11), "fr")["Bamako"][0] == "pending"


def test_a_handover_in_the_next_sentence_says_more_than_a_flag_lowered():
    text = (
        "The flag came down over the Ber camp on Tuesday. After five years, the battalion"
        " handed the base to the Malian army."
    )
    assert read_text(text, dt.date(2023, 12, 11))["Ber"][0] == "handed over"
    # ... and so does one that befell "it"
    text = "The Ber camp was vacated on Monday. It was handed over to the army on Friday."
    assert read_text(text, dt.date(2023, 12, 11))["Ber"][0] == "handed over"
    text = "Le camp de Ber a été évacué lundi. Il a été rétrocédé à l'armée malienne vendredi."
    assert read_text(text, dt.date(2023, 12, 11), "fr")["Ber"][0] == "handed over"
    # not "it" of a site the next sentence names
    text = (
        "The Ber camp was vacated on Monday. Gao, the larger camp, has been with the army"
        " since it was transferred in March."
    )
    assert read_text(text, dt.date(2023, 12, 11)).get("Ber", ("",))[0] == "closed"
    # not a handover of something else, after "they" left
    text = (
        "The peacekeepers closed the Ber camp on Tuesday. Their trucks were given to the"
        " Malian army before they left."
    )
    assert read_text(text, dt.date(2023, 12, 11))["Ber"][0] == "closed"
    # nor is soldiers moving in once the mission left
    text = (
        "The mission withdrew from its camp in Ber on Sunday. Malian soldiers moved into the"
        " base that morning."
    )
    assert read_text(text, dt.date(2023, 12, 11))["Ber"][0] == "closed"


def test_a_bullet_item_is_quoted_with_the_lead_in_that_gives_its_status():
    group = minusma_group()
    text = "Camps still to be vacated:\n- Kidal\n- Tessalit\n"
    document = Document(path="report.txt", text=text, date=dt.date(2023, 10, 1))
    statements = read_statements(find_mentions(document, group.gazetteer), group.context)
    assert [(s.place.name, s.status, s.quote) for s in statements] == [
        ("Kidal", Status.PENDING, "Camps still to be vacated: Kidal"),
        ("Tessalit", Status.PENDING, "Camps still to be vacated: Tessalit"),
    ]


def test_a_lead_in_speaks_of_the_sites_that_label_its_items():
    # "the following": a list's lead-in, not someone who acts
    text = (
        "Under the agreement, the following are to be returned:\n"
        "- Kidal: in phases, fully by June.\n"
        "- Tessalit: by August, once a new camp is built at Gao.\n"
    )
    found = read_text(text, dt.date(2023, 3, 31))
    assert by_site(found) == {"Kidal": "pending", "Tessalit": "pending"}


def test_a_site_that_is_to_be_returned_is_to_be_handed_over():
    assert by_site(read_text("The Gao camp is to be returned to Mali.", dt.date(2023, 3, 31))) == {
        "Gao": "pending"
    }


def test_sites_joined_as_subjects_or_as_a_label_share_their_event():
    report = dt.date(2023, 9, 30)
    found = read_text("Gao and Ber were vacated in August.", report)
    assert by_site(found) == {"Gao": "closed", "Ber": "closed"}
    found = read_text("Camps:\n- Gao and Ber: vacated in late August.\n", report)
    assert by_site(found) == {"Gao": "closed", "Ber": "closed"}


def test_an_item_a_site_labels_speaks_of_that_site():
    text = (
        "Where the camps stood at the end of March:\n"
        "- Ber: vacated; the last stores moved to the depot in Timbuktu.\n"
        "- Goundam: taken over by the Malian army on 1 March.\n"
        "- Ansongo: the handover is scheduled for next week.\n"
        "- Léré: taken over by rebels on 2 March.\n"
    )
    found = read_text(text, dt.date(2023, 3, 31))
    assert by_site(found) == {"Ber": "closed", "Goundam": "handed over", "Ansongo": "pending"}
    assert found["Goundam"][1] == dt.date(2023, 3, 1)
    # ... but a label whose item opens with another place's name only files it
    text = "Where the camps stood:\n- Timbuktu: the Ber camp is to be handed over next week.\n"
    assert by_site(read_text(text, dt.date(2023, 3, 31))) == {"Ber": "pending"}


def test_an_item_s_label_is_no_name_of_who_acts_in_its_note():
    # the parser makes the label a compound of "battalion"; "in the summer" is no "move in"
    text = "Where the camps stand:\n* Ber - the battalion moved out in the summer; the camp stands empty.\n"
    assert by_site(read_text(text, dt.date(2023, 3, 31))) == {"Ber": "closed"}


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("remise aux autorités locales le 20 septembre.", "handed over"),
        ("remise à l'armée prévue, date exacte encore à fixer.", "pending"),
    ],
)
def test_an_item_s_note_that_is_a_participle_the_tagger_takes_for_a_noun(note, expected):
    text = f"Bilan :\n- Gao : {note}\n"
    assert by_site(read_text(text, dt.date(2023, 9, 30), "fr")) == {"Gao": expected}


def test_a_town_in_brackets_after_a_region_s_name_labels_the_item():
    text = "Bilan par région :\n- Nord-Est (Ber) : camp fermé le 28 mars.\n"
    assert by_site(read_text(text, dt.date(2023, 3, 31), "fr")) == {"Ber": "closed"}


def test_an_item_s_label_may_end_in_a_dash_and_its_note_say_what_goes_on():
    text = (
        "Where the camps stood at the end of March:\n"
        "* Ber - vacated on 2 March.\n"
        "* Goundam: closing.\n"
        "* Ansongo - running down.\n"
        "* Léré – emptied last week.\n"
    )
    found = read_text(text, dt.date(2023, 3, 31))
    assert by_site(found) == {
        "Ber": "closed",
        "Goundam": "pending",
        "Ansongo": "pending",
        "Léré": "closed",
    }
    assert found["Ber"][1] == dt.date(2023, 3, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a note in a participle spelt like its bare verb ("shut") happened
        (
            "Sites:\n- Ta' Qali: shut as an RAF station in 1977; the runway is now weed-grown.",
            {"Ta' Qali": "closed"},
        ),
        # a label may give the site's town; a note in the infinitive is still to come
        (
            "Sites:\n- Camp Croci, Abéché: to be the last camp to close, in June.",
            {"Camp Croci": "pending"},
        ),
        # a site demolished is gone, whatever the lead-in says of the list
        (
            "Bases still to go:\n- Camp Croci: demolished last November.\n- Ta' Qali: to be handed over.",
            {"Camp Croci": "closed", "Ta' Qali": "pending"},
        ),
    ],
)
def test_an_item_s_note_says_what_befell_its_site(text, expected):
    assert (
        by_site(read_text(text, dt.date(1980, 1, 1), "en", group_file("named_camps"))) == expected
    )


def test_each_row_of_a_table_with_bars_says_what_befell_its_site():
    text = (
        "Sites at 27 October\nSite | Force | Status\n"
        "Ber camp | UN | handed to the Malian army, 24 Oct\nKidal | UN | vacated, 20 Oct\n"
        "Tessalit camp | UN | closed down, 18 Oct\nGao | UN | being dismantled; closure due 30 Oct"
    )
    assert by_site(read_text(text, dt.date(2023, 10, 27))) == {
        "Ber": "handed over",
        "Kidal": "closed",
        "Tessalit": "closed",
        "Gao": "pending",
    }


@pytest.mark.parametrize(
    "text",
    [
        # the tagger takes "•" for a name and "closed" for an adjective
        "Where things stand:\n• Ber — closed, October 2023\n• Gao — handed over, December 2023",
        # with no lead-in, a line without a full stop reads like a headline, split at its
        # dash -- but an item's note speaks of its label; "dismantled" is tagged a past
        "What became of the camps\n\n• Ber — dismantled and closed, October 2023\n"
        "• Gao — handed to the army, December 2023",
        # ... and so does a line of a table typed without bullets
        "STATUS OF THE CAMPS (as of 10 December)\n\nGao: handed over to the army, 8 December\n"
        "Ber: vacated, end of October",
    ],
)
def test_a_bulleted_item_s_note_speaks_of_its_label(text):
    assert by_site(read_text(text, dt.date(2023, 12, 11))) == {
        "Ber": "closed",
        "Gao": "handed over",
    }


def test_every_reading_carries_a_confidence_and_the_reason_behind_it():
    group = minusma_group()
    text = "MINUSMA handed over its camp in Ménaka to the governor on Friday."
    document = Document(path="report.txt", text=text, date=dt.date(2023, 12, 11))
    (statement,) = read_statements(find_mentions(document, group.gazetteer), group.context)
    assert 0 < statement.confidence <= 1
    reason = statement.reason
    assert (reason.cue, reason.kind, reason.agent, reason.link) == (
        "hand over",
        "verb",
        "mission",
        "argument",
    )
    assert not reason.negated
    assert "hand over" in reason.describe()


def test_the_quote_is_the_whole_sentence_with_its_white_space_tidied():
    group = minusma_group()
    text = "Background.\n\nThe Mopti camp was\nhanded over\tlast week. Other news."
    document = Document(path="report.txt", text=text, date=dt.date(2023, 12, 11))
    (statement,) = read_statements(find_mentions(document, group.gazetteer), group.context)
    assert statement.quote == "The Mopti camp was handed over last week."
    assert statement.source == "report.txt"
    assert statement.date == dt.date(2023, 12, 4)


def test_a_language_without_a_lexicon_is_read_with_the_english_one():
    found = read_text("The Gao camp was handed over on Friday.", dt.date(2023, 12, 11), lang="xx")
    assert found["Gao"][:2] == ("handed over", dt.date(2023, 12, 8))


def test_every_mention_keeps_its_own_reading():
    group = minusma_group()
    text = "Peacekeepers drove from Gao to Timbuktu. The Timbuktu camp was closed."
    document = Document(path="report.txt", text=text, date=dt.date(2023, 12, 11))
    mentions = find_mentions(document, group.gazetteer)
    statements = read_statements(mentions, group.context)
    assert [m.surface for m in mentions] == ["Gao", "Timbuktu", "Timbuktu"]
    assert [(s.mention.start, s.status) for s in statements] == [
        (text.rindex("Timbuktu"), Status.CLOSED)
    ]


def test_a_sentence_of_absurd_length_is_read_in_windows_around_its_names():
    filler = "word " * 2000
    text = f"{filler}MINUSMA handed over the Gao camp to the army on Friday. {filler}"
    found = read_text(text.replace(". ", " "), dt.date(2023, 12, 11))
    assert found["Gao"][0] == "handed over"


@pytest.mark.parametrize(
    "module",
    [
        geo.language,
        geo.reading.confidence,
        geo.reading.dates,
        geo.reading.lexicon,
        geo.reading.reader,
    ],
)
def test_the_examples_in_docstrings_run(module):
    assert doctest.testmod(module).failed == 0
