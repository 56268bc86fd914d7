"""geo.reading.places: is a gazetteer name a place here, and can it be a mission site?

A name inside a person's or an organisation's name is no place; a dateline is where a
report was filed; a capital standing for its government is no site unless the mission's
presence there is spoken of; regions, countries and foreign towns are never sites.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
import yaml
from sentence_sets import DATA, Group, by_site, group_file, minusma_group, place_of, read_text

from geo.reading.agents import Actors
from geo.reading.lexicon import lexicon_for
from geo.reading.parse import parse
from geo.reading.places import is_government, not_a_place, site_candidate
from geo.reading.reader import Context

REPORT = dt.date(2023, 12, 11)  # a Monday


@cache
def _places() -> dict[str, object]:
    raw = yaml.safe_load((DATA / "gazetteer.yaml").read_text(encoding="utf-8"))
    return {str(row[0]): place_of(row) for row in raw["places"]}


def _span(text: str, name: str, lang: str):
    doc = parse([text], lang)[0]
    start = text.index(name)
    return doc.char_span(start, start + len(name), alignment_mode="expand")


def why_not(text: str, name: str, lang: str = "en") -> str | None:
    span = _span(text, name, lang)
    return not_a_place(span, lexicon_for(lang), set(range(span.start, span.end)))


def statuses(text: str, lang: str = "en") -> dict[str, str]:
    return by_site(read_text(text, REPORT, lang))


def test_only_settlements_and_camps_in_the_mission_s_country_are_candidates():
    table = {
        "2457163": True,  # Gao, a town
        "2460596": True,  # Bamako, the capital: a site when the mission's presence is spoken of
        "sup-ogossagou": True,  # a military camp (class S)
        "region-kidal": False,  # a region
        "sahel": False,
        "2453866": False,  # Mali, the country
        "2440485": False,  # Niamey, a foreign capital
        "2440371": False,  # Say, a town in Niger
    }
    assert {key: site_candidate(_places()[key], ("ML",)) for key in table} == table


def test_a_name_inside_a_person_s_or_an_organisation_s_name_is_no_place():
    table = {
        ("en", "Mr Kidal said the convoy left on Friday.", "Kidal"): "person",
        ("en", "Mr. Kidal said the convoy left on Friday.", "Kidal"): "person",
        ("en", '"We have left," said Fatoumata Ber, a spokeswoman.', "Ber"): "person",
        ("en", "General Moussa Diré said the camp was closed.", "Diré"): "person",
        ("en", "Radio Kidal reported that the camp was closed.", "Kidal"): "organisation",
        ("en", "Operation Kidal handed over its camp.", "Kidal"): "organisation",
        ("fr", "C'en est fini de l'opération française Kidal.", "Kidal"): "organisation",
        ("en", "Peacekeepers left Ber on Friday.", "Ber"): None,
        ("en", "The Ber camp was handed over.", "Ber"): None,
        ("en", "MINUSMA left Kidal on Tuesday.", "Kidal"): None,
        ("fr", "La MINUSMA a quitté Ber vendredi.", "Ber"): None,
        # the tagger takes a capitalised event for a first name: "Retrait de Bukavu" a person
        ("fr", "Mars 2023 - Retrait de Ber.", "Ber"): None,
    }
    assert {key: why_not(key[1], key[2], key[0]) for key in table} == table


def test_a_surname_after_a_title_and_a_first_name_is_no_place():
    # Whether the tagger takes the name for a person's or an organisation's matters less
    # than that the village of Ber is not read.
    assert why_not("Spokeswoman Fatoumata Ber said the camp was empty.", "Ber") is not None


def test_a_surname_after_a_title_and_its_adjectives_is_no_place():
    text = (
        "De son côté, le responsable palestinien Kamal Chatila a dit craindre que les"
        " Français ne partent sans avoir obtenu de garanties pour les réfugiés."
    )
    assert why_not(text, "Chatila", "fr") == "person"


def test_a_headline_s_label_before_a_colon_is_no_site_when_a_site_follows():
    assert statuses("Timbuktu: peacekeepers leave their camp at Ber") == {"Ber": "closed"}
    text = (
        "Tombouctou : à Ber, le camp des casques bleus n'est toujours pas rétrocédé et les"
        " notables perdent patience"
    )
    assert statuses(text, "fr") == {"Ber": "pending"}
    # the label is the site when what follows is the capital speaking
    text = "Kidal : Bamako accorde trente jours aux casques bleus pour partir"
    assert statuses(text, "fr") == {"Kidal": "pending"}


def test_a_capital_stands_for_its_government_unless_the_mission_is_there():
    lexicon = lexicon_for("en")
    junta = _span("The junta in Bamako demanded the withdrawal of MINUSMA.", "Bamako", "en")
    headquarters = _span("The flag was lowered at the Bamako headquarters.", "Bamako", "en")
    assert is_government(junta, False, lexicon)
    assert not is_government(headquarters, False, lexicon)
    assert not is_government(junta, True, lexicon)  # a presence noun on the path to the cue


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The message from Bamako was plain. In the months that followed, the peacekeepers "
            "ran down their stores and shipped out vehicles.",
            {},
        ),
        # ... unless its sentence speaks of the mission's camp, or of the capital as a town
        (
            "The mission kept its headquarters in Bamako until the end. It was handed over to "
            "the government on Friday.",
            {"Bamako": "handed over"},
        ),
        (
            "Bamako: the capital has been empty of peacekeepers since July. They left on a Friday.",
            {"Bamako": "closed"},
        ),
    ],
)
def test_a_capital_named_for_its_government_is_no_site_the_next_sentence_speaks_of(text, expected):
    assert statuses(text) == expected


def test_a_capital_that_demands_is_its_government():
    span = _span("Bamako demanded the departure of the mission.", "Bamako", "en")
    assert is_government(span, False, lexicon_for("en"))


# --- what the map shows ---------------------------------------------------------


@pytest.mark.parametrize(
    "table",
    [
        pytest.param(
            {
                "Spokeswoman Fatoumata Ber said the mission had left Gao.": {"Gao": "closed"},
                '"We have left Gao," said Fatoumata Ber, a spokeswoman for the mission.': {
                    "Gao": "closed"
                },
                "Mr Kidal said the convoy left Gao on Friday.": {"Gao": "closed"},
                "General Moussa Diré said peacekeepers had left Ansongo.": {"Ansongo": "closed"},
                "Radio Kidal reported that MINUSMA had left Tessalit.": {"Tessalit": "closed"},
                "Radio Kidal reported that MINUSMA had left Kidal.": {"Kidal": "closed"},
            },
            id="people-and-organisations",
        ),
        pytest.param(
            {
                "GAO, Mali (AP) — MINUSMA handed over its camp in Kidal on Tuesday.": {
                    "Kidal": "handed over"
                },
                "TIMBUKTU, Mali (AP) — The mission handed over its Ber camp on Tuesday.": {
                    "Ber": "handed over"
                },
                # the country in brackets before the date
                "GAO (Mali), Oct. 16 — MINUSMA handed over its Timbuktu camp on Tuesday.": {
                    "Timbuktu": "handed over"
                },
                # a dateline in title case opens the report with a date
                "Gao, Tuesday 17 October 2023 – On Monday, MINUSMA left its camp in Ber.": {
                    "Ber": "closed"
                },
                # no date: a list of places, not a dateline
                "Gao, Ber and Kidal – three camps of the north – were closed on Monday.": {
                    "Gao": "closed",
                    "Ber": "closed",
                    "Kidal": "closed",
                },
            },
            id="datelines",
        ),
        pytest.param(
            {
                "The authorities in Bamako said the mission would leave Gao.": {"Gao": "pending"},
                "Officials in Bamako said MINUSMA had handed over the Gao camp.": {
                    "Gao": "handed over"
                },
                "MINUSMA lowered its flag at its headquarters in Bamako on Monday.": {
                    "Bamako": "closed"
                },
                "The mission's headquarters in Bamako will close on 31 December.": {
                    "Bamako": "pending"
                },
            },
            id="the-capital",
        ),
        pytest.param(
            {
                "MINUSMA has left the Kidal region.": {},
                "Talks in Niamey ended after MINUSMA left Ménaka.": {"Ménaka": "closed"},
            },
            id="regions-and-foreign-places",
        ),
    ],
)
def test_only_places_that_are_sites_are_read(table):
    assert {text: statuses(text) for text in table} == table


def test_only_places_that_are_sites_are_read_in_french():
    table = {
        "GAO, Mali (AFP) — La MINUSMA a quitté Kidal mardi.": {"Kidal": "closed"},
        # a dateline its date's full stop cuts off from the report's first words
        "BAMAKO, 2 juin. — La MINUSMA a quitté la ville hier.": {},
        "BAMAKO, 2 juin. — La MINUSMA a quitté Kidal hier.": {"Kidal": "closed"},
        "Gao, mercredi 18 octobre 2023 – Lundi, les casques bleus ont quitté leur camp.": {},
        "La porte-parole Fatoumata Ber a déclaré que la mission avait quitté Gao.": {
            "Gao": "closed"
        },
        "La MINUSMA a baissé son drapeau à son quartier général de Bamako lundi.": {
            "Bamako": "closed"
        },
    }
    assert {text: statuses(text, "fr") for text in table} == table


def test_the_junta_in_the_capital_is_no_site():
    assert statuses("The junta in Bamako demanded the withdrawal of MINUSMA.") == {}


def test_the_capital_demanding_the_mission_leave_is_no_site():
    assert statuses("Bamako demanded that MINUSMA leave.") == {}


def test_the_capital_announcing_a_departure_is_no_site_when_announce_is_taken_for_a_noun():
    # the tagger reads "annonce" as a noun here, with N'Djamena its subject
    text = "Tchad : N'Djamena annonce que les soldats français partiront d'Abéché"
    found = read_text(text, REPORT, "fr", group_file("named_camps"))
    assert by_site(found) == {"Abéché": "pending"}


def test_a_french_spokeswoman_named_ber_is_no_village():
    text = "La porte-parole Fatoumata Ber a annoncé le retrait de la mission."
    assert statuses(text, "fr") == {}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Les militaires français ont quitté vendredi le camp Croci d'Abéché.",
            "fr",
            {"Camp Croci": "closed"},
        ),
        (
            "La force a remis le camp des Étoiles à la Minurcat.",
            "fr",
            {"Camp des Étoiles": "handed over"},
        ),
        (
            "British troops handed Basra's Old State Building to the Iraqi army.",
            "en",
            {"Old State Building": "handed over"},
        ),
        (  # the parser hangs "near Mazar-i-Sharif" on "left", not on the camp
            "British troops left Camp Marmal near Mazar-i-Sharif on Tuesday.",
            "en",
            {"Camp Marmal": "closed"},
        ),
        (
            "British troops left Camp Marmal in Mazar-i-Sharif on Tuesday.",
            "en",
            {"Camp Marmal": "closed"},
        ),
        (
            "Camp Marmal, the big German base in Mazar-i-Sharif, was handed to the Afghan army.",
            "en",
            {"Camp Marmal": "handed over"},
        ),
        (  # a word of distance in a name is no landmark
            "La force a cédé à l'armée ses positions du Kilomètre 5 et du camp des Étoiles.",
            "fr",
            {"Kilomètre 5": "handed over", "Camp des Étoiles": "handed over"},
        ),
        (
            "Le camp Croci, à Abéché, restera géré par une équipe européenne jusqu'à sa fermeture.",
            "fr",
            {"Camp Croci": "pending"},
        ),
        (  # the named camp after the town, in apposition to what it names
            "The force's headquarters in Abéché, the old Camp Croci, is to be handed over.",
            "en",
            {"Camp Croci": "pending"},
        ),
        (  # a town that only sets the scene of the verb's own named camp
            "À Abéché, les militaires français doivent remettre le camp Croci en avril.",
            "fr",
            {"Camp Croci": "pending"},
        ),
        (
            "In Mazar-i-Sharif, British troops handed over Camp Marmal on Tuesday.",
            "en",
            {"Camp Marmal": "handed over"},
        ),
        (  # "environs" has the lemma "environ"
            "En septembre, le camp Croci, aux environs d'Abéché, doit être transmis à l'armée.",
            "fr",
            {"Camp Croci": "pending"},
        ),
        # the town after a comma, as in an address
        ("Sites:\n- Camp Croci, Abéché: to be transferred.", "en", {"Camp Croci": "pending"}),
        ("Camp Croci, Abéché, was handed over.", "en", {"Camp Croci": "handed over"}),
        # ... or in brackets
        (
            "Camp Croci (Abéché): handed to the Chadian army in March.",
            "en",
            {"Camp Croci": "handed over"},
        ),
        (
            "Les derniers soldats ont quitté le camp Croci, dans le centre d'Abéché.",
            "fr",
            {"Camp Croci": "closed"},
        ),
        # ... but not one of a list
        (
            "The force left Camp Croci, Abéché, and Basra.",
            "en",
            {"Camp Croci": "closed", "Abéché": "closed", "Basra": "closed"},
        ),
        (  # the town names a site of its own beside the named one
            "The force has completed its withdrawal from the Gombe and Kosseï barracks.",
            "en",
            {"Gombe": "closed", "Camp Kosseï": "closed"},
        ),
    ],
)
def test_a_town_that_only_says_where_a_named_camp_stands_is_no_site(text, lang, expected):
    found = read_text(text, REPORT, lang, group_file("named_camps"))
    assert by_site(found) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "The camp at Ber, near Timbuktu, will be handed over in January.",
            "en",
            {"Ber": "pending"},
        ),
        (  # set before the sites it locates, at the head of the clause
            "Near Timbuktu, the camps at Ber and Goundam had already been vacated on Sunday.",
            "en",
            {"Ber": "closed", "Goundam": "closed"},
        ),
        (
            "MINUSMA handed over its base at Ber, on the outskirts of Timbuktu, on Monday.",
            "en",
            {"Ber": "handed over"},
        ),
        (
            "Le camp de Ber, près de Tombouctou, doit passer aux FAMa en janvier.",
            "fr",
            {"Ber": "pending"},
        ),
        (
            "Le camp de Ber, non loin de Tombouctou, a été remis aux FAMa lundi.",
            "fr",
            {"Ber": "handed over"},
        ),
        (
            "La MINUSMA a remis lundi son camp de Ber, à la sortie de Tombouctou.",
            "fr",
            {"Ber": "handed over"},
        ),
        (  # past the site's noun that restates the place before it
            "At Ber, the airfield near Timbuktu, the story is the same: the troops flew out.",
            "en",
            {"Ber": "closed"},
        ),
        (
            "Reste la caserne de Ber, dans les hauteurs de Tombouctou, à remettre en novembre.",
            "fr",
            {"Ber": "pending"},
        ),
        (  # past the noun that names the town
            "Ber, near the old trading town of Timbuktu, was transferred to the council.",
            "en",
            {"Ber": "handed over"},
        ),
        # a centre the town names is no centre of the place before it
        (
            "Mali: the Ber centre was handed over to the council in October.",
            "en",
            {"Ber": "handed over"},
        ),
        (
            "In Mali, the centre at Ber closed its doors a week earlier.",
            "en",
            {"Ber": "closed"},
        ),
        (
            "Mali : le centre de Ber a été fermé le 28 décembre ; Goundam, évacué, a été cédé.",
            "fr",
            {"Ber": "closed", "Goundam": "handed over"},
        ),
        # with no other place before it, the town near the camp is the site
        (
            "MINUSMA handed over its camp near Timbuktu on Monday.",
            "en",
            {"Timbuktu": "handed over"},
        ),
    ],
)
def test_a_town_that_only_says_where_another_site_stands_is_no_site(text, lang, expected):
    assert statuses(text, lang) == expected


def test_a_name_of_one_letter_in_capitals_labels_an_item_not_a_dateline():
    text = "Bases :\n- K1 : transféré le 29 mars ;\n- Position 73 : fermé le 2 avril."
    found = read_text(text, REPORT, "fr", group_file("named_camps"))
    assert by_site(found) == {"K1": "handed over", "Position 73": "closed"}


def test_a_capital_the_mission_agrees_with_is_its_government():
    text = "La MINUSMA a quitté Gao en accord avec Bamako."
    assert statuses(text, "fr") == {"Gao": "closed"}
    text = "La mission a fermé son bureau de Ménaka, selon le calendrier arrêté avec Bamako."
    assert statuses(text, "fr") == {"Ménaka": "closed"}


def test_a_town_given_as_a_bearing_from_a_named_site_is_no_site():
    text = "The army will train recruits at Ber, south-west of Timbuktu, which MINUSMA handed over."
    assert "Timbuktu" not in statuses(text)
    text = "Since March the mission has left four camps: Ber, to Timbuktu's west (April), and Gao."
    assert "Timbuktu" not in statuses(text)


def test_a_destination_takes_no_status_from_its_sentence():
    text = (
        "La MINUSMA a remis mercredi sa base de Tessalit aux autorités. Les derniers Casques"
        " bleus ont quitté la ville dans l'après-midi en direction de Gao."
    )
    assert statuses(text, "fr") == {"Tessalit": "handed over"}


def test_a_camp_people_leave_for_is_their_destination():
    camps = group_file("named_camps")
    left_for = "Les soldats français ont quitté la base pour le camp Croci."
    assert read_text(left_for, REPORT, "fr", camps) == {}
    left = read_text("Les soldats français ont quitté le camp Croci.", REPORT, "fr", camps)
    assert by_site(left) == {"Camp Croci": "closed"}


def test_a_town_that_names_who_receives_a_named_camp_is_no_site():
    camps = group_file("named_camps")
    for text in (
        "Le camp Croci appartient désormais à la commune d'Abéché.",
        "Trois ans après la remise du camp Croci à la commune d'Abéché, le contingent part.",
    ):
        found = read_text(text, REPORT, "fr", camps)
        assert by_site(found) == {"Camp Croci": "handed over"}, text
    # a camp with no name of its own is the town's
    found = read_text(
        "Les soldats français ont remis leur camp aux autorités d'Abéché.", REPORT, "fr", camps
    )
    assert by_site(found) == {"Abéché": "handed over"}


def test_a_name_inside_the_mission_s_own_name_is_no_place():
    minusma = minusma_group()
    actors = Actors.of(["MINUSMA", "Task Force Gao"], ["Mali"])
    group = Group(minusma.gazetteer, Context(minusma.context.countries, actors))
    text = "Task Force Gao handed its camp at Ansongo to the Malian army on Monday."
    found = read_text(text, REPORT, "en", group)
    assert by_site(found) == {"Ansongo": "handed over"}
    # a base the force is named after, named whole, is the base itself
    camps = group_file("named_camps")
    actors = Actors.of(["Force Test", "camp Croci"], ["Tchad"])
    group = Group(camps.gazetteer, Context(camps.context.countries, actors))
    found = read_text("Le camp Croci a été remis à l'armée tchadienne.", REPORT, "fr", group)
    assert by_site(found) == {"Camp Croci": "handed over"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The RAF left Salalah on Friday.",
            {"RAF Salalah": "closed"},
            id="a town where the mission's own name names an installation",
        ),
        pytest.param(
            "British troops handed Ghazni to the Afghan army on Monday.",
            {"FOB Ghazni": "handed over"},
            id="a town of a forward operating base",
        ),
        pytest.param(
            "Kiwi troops left Bamyan on Friday.",
            {"Kiwi Base": "closed"},
            id="a town whose installation's name says whose it is with a word of the mission's",
        ),
        pytest.param(
            "British troops left Kigali on Friday.",
            {"Kigali": "closed"},
            id="a town whose camp may be its own stays the town",
        ),
    ],
)
def test_a_town_stands_for_the_installation_named_only_after_it(text, expected):
    found = read_text(text, REPORT, "en", group_file("named_bases"))
    assert by_site(found) == expected


def test_a_name_that_qualifies_someone_in_one_hyphenated_word_is_no_site():
    text = (
        "The mission will not hear of giving up the base; according to Gao-based diplomats,"
        " nobody has asked for that."
    )
    assert statuses(text) == {}
    # ... but one that says where a camp stands names the site
    assert statuses("MINUSMA left its Gao-based camp on Friday.") == {"Gao": "closed"}


def test_the_ends_of_a_line_between_two_places_are_no_sites():
    text = "Security of the Gao-Kidal road was turned over to the Malian army on Friday."
    assert statuses(text) == {}
    text = "La sécurité de la route Gao-Kidal a été remise vendredi à l'armée malienne."
    assert statuses(text, "fr") == {}
    # ... but a camp named by two towns is a site
    assert "Sévaré" in statuses("The Mopti-Sévaré camp was handed over on Friday.")


def test_a_dateline_in_any_case_after_the_report_s_heading_is_no_site():
    text = (
        "COMMUNIQUÉ — MINUSMA\n\n"
        "Bamako, le 15 avril 2023 — La MINUSMA a fermé le 12 avril son camp de Ber."
    )
    assert statuses(text, "fr") == {"Ber": "closed"}
    # a report's later sentence opening with a place and a date is no dateline
    text = "La MINUSMA a quitté Ber. Gao, le 15 avril — la mission a quitté la ville."
    assert statuses(text, "fr") == {"Ber": "closed", "Gao": "closed"}


def test_a_town_in_a_movement_s_name_is_no_place():
    text = "La MINUSMA a remis jeudi aux combattants du RCD-Gao les positions de Ber."
    assert statuses(text, "fr") == {"Ber": "handed over"}
