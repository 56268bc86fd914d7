"""geo.reading.governance: which cue speaks of which site, from the dependency parse.

A site takes the cue whose argument it is or stands in (coordination, apposition,
a chain of prepositions, a relative or participial clause); not a cue behind another
predicate, a word of passage ("drove to Gao") or a landmark ("50 km east of Timbuktu").

Tables are grouped by construction: a failure lists every sentence of the group read
otherwise.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from sentence_sets import by_site, group_file, read_text

from geo.reading.cues import find_cues
from geo.reading.governance import governing, tree_path
from geo.reading.lexicon import lexicon_for
from geo.reading.parse import parse

REPORT = dt.date(2023, 12, 11)  # a Monday


@cache
def _doc(text: str, lang: str):
    return parse([text], lang)[0]


def _site(doc, name: str):
    start = doc.text.index(name)
    return doc.char_span(start, start + len(name), alignment_mode="expand").root


def governors(text: str, name: str, lang: str = "en"):
    """The cues that govern the site ``name`` (its first occurrence) of ``text``: the nearest
    with those that share its subject."""
    doc = _doc(text, lang)
    lexicon = lexicon_for(lang)
    nearest, _further = governing(_site(doc, name), find_cues(doc, lexicon), lexicon)
    return nearest


def lemmas(text: str, name: str, lang: str = "en") -> list[str]:
    return [g.cue.lemma for g in governors(text, name, lang)]


def statuses(text: str, lang: str = "en") -> dict[str, str]:
    return by_site(read_text(text, REPORT, lang))


def assert_reads(table: dict[str, dict[str, str]], lang: str = "en") -> None:
    assert {text: statuses(text, lang) for text in table} == table


# --- the module, on the parse ---------------------------------------------------


@pytest.mark.parametrize(
    "table",
    [
        pytest.param(
            {
                ("MINUSMA vacated its camps in Gao and Timbuktu on Friday.", "Gao"): ["vacate"],
                ("MINUSMA vacated its camps in Gao and Timbuktu on Friday.", "Timbuktu"): [
                    "vacate"
                ],
                ("MINUSMA handed over Ber, its last camp in the region, on Tuesday.", "Ber"): [
                    "hand over"
                ],
                ("MINUSMA handed over its camp in Gao to the authorities.", "Gao"): ["hand over"],
            },
            id="coordination-apposition-prepositions",
        ),
        pytest.param(
            {
                ("MINUSMA handed over Mopti but has yet to leave Gao.", "Mopti"): ["hand over"],
                ("MINUSMA handed over Mopti but has yet to leave Gao.", "Gao"): ["leave"],
                ("The Gao camp was closed and handed over to the army.", "Gao"): [
                    "close",
                    "hand over",
                ],
                ("Peacekeepers vacated the Ber camp and handed it over to the army.", "Ber"): [
                    "vacate",
                    "hand over",
                ],
            },
            id="several-predicates",
        ),
        pytest.param(
            {  # verbs that only place the camp or plan the event do not cut the path
                ("The camp located in Gao was handed over to the authorities.", "Gao"): [
                    "hand over"
                ],
                ("Gao is due to be handed over in December.", "Gao"): ["hand over"],
                ("MINUSMA plans to leave Gao in December.", "Gao"): ["leave"],
            },
            id="placing-and-planning-verbs",
        ),
        pytest.param(
            {  # a destination, a landmark, another predicate: no cue
                ("Peacekeepers left Tessalit and drove to Gao.", "Gao"): [],
                ("Peacekeepers left Aguelhok for Tessalit.", "Tessalit"): [],
                ("The mission withdrew its troops from Kidal to Gao.", "Gao"): [],
                ("MINUSMA closed its camp at Ber, 50 km east of Timbuktu.", "Timbuktu"): [],
                ("The mission vacated a base 60 km north of Gao.", "Gao"): [],
                ("Residents of Bourem said the mission left Kidal.", "Bourem"): [],
                # ... while the place left keeps its cue
                ("The mission withdrew its troops from Kidal to Gao.", "Kidal"): ["withdraw from"],
                ("MINUSMA closed its camp at Ber, 50 km east of Timbuktu.", "Ber"): ["close"],
            },
            id="in-passing",
        ),
    ],
)
def test_a_site_is_governed_by_the_cue_it_is_an_argument_of(table):
    assert {key: lemmas(*key) for key in table} == table


def test_the_path_records_a_presence_noun_on_the_way():
    (through_camp,) = governors("MINUSMA handed over its camp in Gao to the authorities.", "Gao")
    (bare,) = governors("MINUSMA handed over Mopti but has yet to leave Gao.", "Mopti")
    assert through_camp.through_presence
    assert not bare.through_presence


def test_a_site_the_event_befell_is_a_passive_subject():
    (passive,) = governors("Ber was vacated on Friday.", "Ber")
    (active,) = governors("Peacekeepers vacated Ber on Friday.", "Ber")
    assert passive.passive_subject
    assert not active.passive_subject


def test_distance_counts_the_arcs_between_site_and_cue():
    (direct,) = governors("Peacekeepers vacated Ber on Friday.", "Ber")
    (chained,) = governors("MINUSMA handed over its camp in Gao to the authorities.", "Gao")
    assert (direct.distance, chained.distance) == (1, 3)  # Gao -> in -> camp -> handed


def test_tree_path_runs_from_the_site_up_and_down_to_the_cue():
    doc = _doc("MINUSMA handed over its camp in Gao to the authorities.", "en")
    path = tree_path(_site(doc, "Gao"), doc[1])
    assert [t.text for t in path] == ["Gao", "in", "camp", "handed"]


# --- what the map shows ---------------------------------------------------------


@pytest.mark.parametrize(
    "table",
    [
        pytest.param(
            {
                "MINUSMA vacated its camps in Gao and Timbuktu on Friday.": {
                    "Gao": "closed",
                    "Timbuktu": "closed",
                },
                "Peacekeepers left Gao and Timbuktu last week.": {
                    "Gao": "closed",
                    "Timbuktu": "closed",
                },
                "The camps at Gao and Timbuktu were handed over to the Malian authorities.": {
                    "Gao": "handed over",
                    "Timbuktu": "handed over",
                },
            },
            id="coordination",
        ),
        pytest.param(
            {
                "MINUSMA handed over Ber, its camp near the Niger river, to the army on Tuesday.": {
                    "Ber": "handed over"
                },
                "The mission closed its base in Ansongo, a town on the Niger river.": {
                    "Ansongo": "closed"
                },
            },
            id="apposition",
        ),
        pytest.param(
            {
                "The Tessalit camp, which was handed over to the army on Friday, is now a Malian base.": {
                    "Tessalit": "handed over"
                },
                "The Aguelhok camp, vacated by peacekeepers last week, now stands empty.": {
                    "Aguelhok": "closed"
                },
                "Peacekeepers on Friday vacated the Tessalit camp, which was then looted.": {
                    "Tessalit": "closed"
                },
                "Having handed over the Ber camp, peacekeepers drove to Timbuktu.": {
                    "Ber": "handed over"
                },
            },
            id="relative-and-participial-clauses",
        ),
        pytest.param(
            {
                "Peacekeepers handed over the Mopti camp on Monday but will keep the Gao base open until December.": {
                    "Mopti": "handed over",
                    "Gao": "pending",
                },
                "MINUSMA left Kidal on Tuesday and is due to leave Timbuktu in December.": {
                    "Kidal": "closed",
                    "Timbuktu": "pending",
                },
                "The UN closed its base in Goundam and plans to leave Diré next month.": {
                    "Goundam": "closed",
                    "Diré": "pending",
                },
                "Residents of Bourem said they fled after the mission left Kidal.": {
                    "Kidal": "closed"
                },
            },
            id="several-predicates",
        ),
        pytest.param(
            {
                "Peacekeepers withdrew from Hombori and moved to Douentza.": {"Hombori": "closed"},
                "Blue helmets flew from Gao to Bamako.": {},
                "The peacekeepers travelled through Bourem on their way to Gao.": {},
                "MINUSMA closed its camp at Ber, 50 km east of Timbuktu.": {"Ber": "closed"},
                "A camp 20 km south of Gao was handed over.": {},
                "Ber was one of seven posts in the hinterland of Timbuktu that the battalion "
                "abandoned on Monday.": {"Ber": "closed"},
            },
            id="destinations-and-landmarks",
        ),
    ],
)
def test_each_site_takes_the_status_of_the_predicate_that_speaks_of_it(table):
    assert_reads(table)


def test_in_french_each_site_takes_the_status_of_its_predicate():
    assert_reads(
        {
            "Les casques bleus ont quitté Gao et Tombouctou la semaine dernière.": {
                "Gao": "closed",
                "Timbuktu": "closed",
            },
            "La mission a fermé sa base d'Ansongo, une ville sur le fleuve Niger.": {
                "Ansongo": "closed"
            },
            "Le camp de Gao, que la MINUSMA a rétrocédé vendredi, a été pillé.": {
                "Gao": "handed over"
            },
            "La MINUSMA a quitté son camp de Ber, à 50 km à l'est de Tombouctou.": {
                "Ber": "closed"
            },
            "Les casques bleus ont abandonné lundi sept positions de l'arrière-pays de "
            "Tombouctou, dont Ber.": {"Ber": "closed"},
            "La MINUSMA a quitté lundi ses postes de l'arrière-pays de Tombouctou.": {},
        },
        "fr",
    )


def test_an_event_that_only_dates_the_cue_keeps_its_site_to_itself():
    assert_reads(
        {
            "On Wednesday the UN mission in Mali transferred its Tessalit camp to the Malian"
            " authorities, three days after its early departure from Ber.": {
                "Tessalit": "handed over",
                "Ber": "closed",
            },
            "Thirty months after the arrival in Gao of its first troops, the force left Mali for"
            " good on Friday.": {},
        }
    )


def test_a_participle_of_presence_on_the_subject_yields_to_its_event():
    assert_reads(
        {
            "The Chadian battalion stationed at the Tessalit camp since 2014 departed on 2 July.": {
                "Tessalit": "closed"
            },
            "Chadian peacekeepers stationed in Aguelhok are scheduled to leave by October.": {
                "Aguelhok": "pending"
            },
            # ... and so does a relative clause of presence, before a state the copula tells
            "Ber, where the peacekeepers kept depots until September, is now empty.": {
                "Ber": "closed"
            },
        }
    )


def test_a_relative_clause_before_the_main_verb_gives_its_status():
    # The small parser cuts the path from Tessalit to "vacated" at "looted"; the camp named
    # beside the cue is read with it all the same.
    text = "The camp in Tessalit, which peacekeepers vacated on Friday, was looted the next day."
    assert statuses(text) == {"Tessalit": "closed"}


def test_the_sites_where_those_who_left_kept_watch_were_left():
    text = (
        "Les deux équipes de la MINUSMA qui veillaient à Kidal et à Tessalit ont été repliées hier."
    )
    assert statuses(text, "fr") == {"Kidal": "closed", "Tessalit": "closed"}
    text = "The MINUSMA team that watched over Kidal was withdrawn yesterday."
    assert statuses(text) == {"Kidal": "closed"}


def test_a_town_in_the_relative_clause_of_a_named_camp_only_says_where_it_stands():
    text = (
        "Camp Croci, which housed the headquarters of the French forces in Abéché, was handed"
        " over to the Chadian authorities."
    )
    found = read_text(text, REPORT, "en", group_file("named_camps"))
    assert by_site(found) == {"Camp Croci": "handed over"}


def test_french_two_predicates_past_and_future():
    # "quittera" is tagged a proper noun: a name is never written in lower case
    text = "La MINUSMA a quitté Kidal mardi et quittera Gao en décembre."
    assert statuses(text, "fr") == {"Kidal": "closed", "Gao": "pending"}
    text = "Le contingent tchadien quittera Ber, sur la rive nord, courant juillet."
    assert statuses(text, "fr") == {"Ber": "pending"}


def test_french_reste_a_leaves_the_site_pending():
    assert statuses("Le camp de Gao reste à rétrocéder.", "fr") == {"Gao": "pending"}


def test_a_place_followed_by_a_where_clause_takes_the_cue_of_that_clause():
    assert_reads(
        {
            "The flag came down at Ansongo, in the east of the country, where MINUSMA handed"
            " its base to the prefect.": {"Ansongo": "handed over"},
        }
    )
    assert statuses(
        "Le drapeau a été descendu mardi à Ansongo, dans l'est du pays, où la MINUSMA a"
        " remis sa base aux autorités.",
        "fr",
    ) == {"Ansongo": "handed over"}


def test_the_mission_named_before_a_comma_is_named():
    # "la Minusma," once counted as no mention of the mission: Goundam, joined to Ber,
    # was then read as nobody's leaving.
    text = "Ber et Goundam ont été quittés en août, a indiqué la Minusma, sans autre précision."
    assert statuses(text, "fr") == {"Ber": "closed", "Goundam": "closed"}


def test_each_part_of_a_headline_speaks_for_itself():
    assert_reads(
        {
            "UN mission hands Ansongo camp to the army; Gao and Timbuktu next": {
                "Ansongo": "handed over",
                "Gao": "pending",
                "Timbuktu": "pending",
            },
            # a part after a comma that says whose turn is next
            "Ber Camp Vacated By Chadian Blue Helmets, Tessalit Base Next In Line": {
                "Ber": "closed",
                "Tessalit": "pending",
            },
            # but not a list
            "Ansongo, Ber And Tessalit Camps Vacated By Blue Helmets": {
                "Ansongo": "closed",
                "Ber": "closed",
                "Tessalit": "closed",
            },
        }
    )


def test_a_pronoun_subject_of_a_modal_refers_back_to_the_site_before():
    text = "Le camp de Gao a été ouvert en 2014. Il doit être remis aux autorités maliennes."
    assert statuses(text, "fr") == {"Gao": "pending"}
    text = (
        "The Gao camp opened in 2014. It is to be handed over to the Malian authorities by the"
        " end of the year."
    )
    assert statuses(text) == {"Gao": "pending"}


def test_where_troops_fall_back_to_is_no_site_they_leave():
    text = (
        "La mission a évacué lundi sa position de Kidal, repliant ses soldats sur la base de Gao."
    )
    assert statuses(text, "fr") == {"Kidal": "closed"}


def test_a_handover_of_the_missions_camp_later_in_the_sentence_is_the_sites():
    text = (
        "MINUSMA completed its withdrawal from Gao on Wednesday, handing the former battalion"
        " compound to the governor."
    )
    assert statuses(text) == {"Gao": "handed over"}


def test_a_handover_of_the_camps_later_in_the_sentence_is_every_sites():
    text = (
        "The peacekeepers left Gao and Ber, and the camps were handed over to the army on Friday."
    )
    assert statuses(text) == {"Gao": "handed over", "Ber": "handed over"}
    text = (
        "Les casques bleus ont quitté Gao et Ber lundi, et les deux camps ont été remis à l'armée."
    )
    assert statuses(text, "fr") == {"Gao": "handed over", "Ber": "handed over"}
    # camps named with their own town are theirs alone
    text = (
        "The peacekeepers left Gao and Ber on Monday; the camps in Kidal will be handed over later."
    )
    assert statuses(text) == {"Gao": "closed", "Ber": "closed", "Kidal": "pending"}


def test_a_site_closed_and_then_handed_over_by_the_verb_above_is_handed_over():
    text = "Les bureaux de Gao et de Ber, fermés en juillet, ont été remis à la même occasion."
    assert statuses(text, "fr") == {"Gao": "handed over", "Ber": "handed over"}


def test_a_town_a_distance_away_is_a_landmark():
    text = "The peacekeepers handed the Ber base, about 50 km from Gao, to the Malian army on Saturday."
    assert statuses(text) == {"Ber": "handed over"}


def test_a_handover_of_no_site_of_its_own_before_leaving_is_the_sites():
    text = "Peacekeepers left Léré the day after signing the handover minutes with the prefect."
    assert statuses(text) == {"Léré": "handed over"}
    # a handover of another site says nothing of the one left
    text = "The peacekeepers left Kidal after the handover of Gao."
    assert statuses(text) == {"Kidal": "closed", "Gao": "handed over"}


def test_sites_said_not_to_be_among_the_camps_to_close_get_nothing():
    text = "Neither Ansongo nor Bourem is among the camps the mission still has to vacate."
    assert statuses(text) == {}
    text = "Ansongo and Bourem are among the camps the mission still has to vacate."
    assert statuses(text) == {"Ansongo": "pending", "Bourem": "pending"}


def test_a_pronoun_one_stands_for_the_camp_named_before_it():
    text = "Léré has had no UN camp since 2017, and Hombori has not hosted one since 2019."
    assert statuses(text) == {"Léré": "closed", "Hombori": "closed"}


def test_a_site_left_and_its_barracks_handed_over_in_the_same_sentence_is_handed_over():
    text = (
        "The West African force vacated its bases at Gao and Ber at the weekend and turned the"
        " barracks over to Mali's army, a spokesman said."
    )
    assert statuses(text) == {"Gao": "handed over", "Ber": "handed over"}
    text = (
        "The peacekeepers pulled out of Tessalit on Saturday, handing the border post to the army."
    )
    assert statuses(text) == {"Tessalit": "handed over"}
    # a handover still to come leaves the site closed
    text = "The peacekeepers left Kidal and will hand the camp over next week."
    assert statuses(text) == {"Kidal": "closed"}


def test_a_site_left_and_responsibility_for_it_handed_over_is_handed_over():
    text = (
        "The mission pulled out of Ber on Saturday, handing responsibility for the post to the"
        " Malian army."
    )
    assert statuses(text) == {"Ber": "handed over"}
    # responsibility for something else hands over no site
    assert statuses("MINUSMA handed responsibility for security in Gao to the army.") == {}


def test_a_french_en_that_stands_for_the_camp_left_makes_it_a_handover():
    text = (
        "Elle avait évacué le 12 septembre le camp de Ber ; l'armée malienne, qui en a pris"
        " possession le jour même, y instruit ses recrues."
    )
    assert statuses(text, "fr") == {"Ber": "handed over"}
    assert statuses("La MINUSMA a quitté Ber en mai.", "fr") == {"Ber": "closed"}


def test_sites_after_including_are_among_the_camps_before_it():
    text = "The UN mission has now closed nine of its 12 camps, including Ansongo and Ménaka."
    assert statuses(text) == {"Ansongo": "closed", "Ménaka": "closed"}
    text = "La mission a fermé neuf de ses douze camps, y compris Ansongo et Ménaka."
    assert statuses(text, "fr") == {"Ansongo": "closed", "Ménaka": "closed"}
    assert statuses("Several towns, including Gao, protested against the withdrawal.") == {}


def test_a_town_that_saw_its_peacekeepers_leave_was_left():
    text = "Ber et Goundam ont vu partir leurs Casques bleus en février."
    assert statuses(text, "fr")["Ber"] == "closed"
    assert statuses("Gao verra partir les casques bleus en décembre.", "fr") == {"Gao": "pending"}
    # the town's residents watching says nothing of the town
    assert statuses("Goundam residents watched the peacekeepers leave.") == {}


def test_a_headquarters_whose_doors_close_again_is_closed():
    text = "Onze ans après son arrivée, la MINUSMA referme les portes de son QG de Bamako"
    assert statuses(text, "fr") == {"Bamako": "closed"}


def test_a_participle_that_only_qualifies_the_base_lets_the_handover_through():
    # "la base d'opérations *avancée*": the parser makes "avancée" a verb holding the town
    text = (
        "Après cinq ans de présence, les soldats tchadiens de la MINUSMA ont remis jeudi la"
        " base d'opérations avancée de Tessalit à l'armée malienne."
    )
    assert lemmas(text, "Tessalit", "fr") == ["remettre"]


def test_where_the_source_of_a_plan_is_based_is_no_site_of_it():
    text = (
        "Ansongo et Ber devront avoir été évacuées par les casques bleus au plus tard le"
        " 15 décembre, selon le commandement de la force, installé à Gao."
    )
    assert statuses(text, "fr") == {"Ansongo": "pending", "Ber": "pending"}


def test_what_the_site_s_apposition_says_of_it_counts():
    text = (
        "The last UN vehicles left Gao, the logistics hub that MINUSMA has now given back to"
        " the government."
    )
    assert statuses(text) == {"Gao": "handed over"}


def test_a_town_that_names_who_receives_another_site_is_not_given():
    assert statuses("La MINUSMA a rendu Ber aux autorités de Gao.", "fr") == {"Ber": "handed over"}
    # ... but a camp given to a town's authorities is the town's camp
    assert statuses("La MINUSMA a remis son camp aux autorités de Gao.", "fr") == {
        "Gao": "handed over"
    }


def test_every_name_of_a_long_list_is_as_near_its_verb_as_the_first():
    text = (
        "Since August the mission has pulled out of Goundam, Ber, Tessalit, Ménaka, Douentza,"
        " Aguelhok, Ansongo and Kidal."
    )
    names = ["Goundam", "Ber", "Tessalit", "Ménaka", "Douentza", "Aguelhok", "Ansongo", "Kidal"]
    assert statuses(text) == dict.fromkeys(names, "closed")


def test_a_flag_lowered_for_the_last_time_over_a_site_closes_it():
    # The parsers hang the site on "time": the passage counts times, it goes nowhere.
    text = "The UN flag was lowered for the last time over Hellinikon Air Base today."
    assert lemmas(text, "Hellinikon") == ["lower"]
    text = "Le drapeau a été amené pour la dernière fois sur la base de Bouar."
    assert lemmas(text, "Bouar", "fr") == ["amener"]
    # ... and a passage to a place still goes there
    assert lemmas("The last troops left for the last time to Gao.", "Gao") == []


def test_a_site_that_remains_to_be_handed_over_is_pending():
    # "remain" is no presence here: it times the event its complement names
    assert_reads(
        {
            "Gao remains to be handed over.": {"Gao": "pending"},
            "Only Ber remains to be vacated.": {"Ber": "pending"},
        }
    )
    assert_reads({"Gao reste à rétrocéder.": {"Gao": "pending"}}, "fr")


def test_the_sites_a_copula_names_take_what_its_subject_says():
    assert_reads(
        {
            "The biggest still to be handed over are the Gao camp, Ber and Kidal.": {
                "Gao": "pending",
                "Ber": "pending",
                "Kidal": "pending",
            },
            "The next camp to be handed over is Ber.": {"Ber": "pending"},
            # ... but a presence told of the subject is no site's fate
            "The only site where peacekeepers still keep watch is now Gao.": {},
        }
    )
    # the next ones are turns still to come, not a count of those done
    assert_reads(
        {
            "Les prochains camps à fermer sont Gao et Ménaka.": dict.fromkeys(
                ["Gao", "Ménaka"], "pending"
            )
        },
        "fr",
    )


def test_an_event_that_only_dates_the_cue_says_nothing_of_its_own_place():
    assert_reads(
        {
            "The Ber camp is to be handed over at the end of August, days before the final"
            " ceremony in Gao.": {"Ber": "pending"}
        }
    )
    assert_reads(
        {
            "Le camp de Ber sera remis fin août, quelques jours avant la cérémonie finale à Gao.": {
                "Ber": "pending"
            }
        },
        "fr",
    )


def test_an_event_noun_of_a_site_of_its_own_is_not_timed_with_another_s():
    assert_reads(
        {
            "Janvier a vu la fermeture des postes de Ber et de Goundam, ainsi que la remise du"
            " camp de Gao à l'armée malienne.": {
                "Ber": "closed",
                "Goundam": "closed",
                "Gao": "handed over",
            }
        },
        "fr",
    )


def test_a_place_that_sets_the_scene_of_an_event_told_with_a_copula_is_its_site():
    assert statuses("In Gao, the withdrawal is under way.") == {"Gao": "pending"}
    # ... of something else, nothing
    assert statuses("In Gao, the withdrawal is a disaster.") == {}


def test_there_stands_for_the_site_its_own_sentence_names():
    text = (
        "The battalion, whose headquarters had been at Ber for five years, "
        "left its base there on Tuesday."
    )
    assert statuses(text) == {"Ber": "closed"}


def test_a_site_noun_in_a_joined_clause_stands_for_the_site_the_first_clause_names():
    text = (
        "British troops have completed the removal of their equipment from the Old State "
        "Building and handed the facility over to the Iraqi army."
    )
    found = read_text(text, REPORT, "en", group_file("named_camps"))
    assert by_site(found) == {"Old State Building": "handed over"}
    # ... also when the joined verb says it under a verb of planning
    text = (
        "In Ber, a few civilian staff are selling off the stores, and the UN expects to "
        "relinquish the building by November."
    )
    assert statuses(text) == {"Ber": "pending"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Ber was closed on Monday, as were the camps at Goundam and Tessalit.",
            "en",
            {"Ber": "closed", "Goundam": "closed", "Tessalit": "closed"},
        ),
        (
            "Ber was handed over on Monday, just like Goundam.",
            "en",
            {"Ber": "handed over", "Goundam": "handed over"},
        ),
        (
            "Ber a été remis lundi, tout comme Goundam.",
            "fr",
            {"Ber": "handed over", "Goundam": "handed over"},
        ),
        (
            "The UN office in Ber has shut its doors, as has the smaller one in Goundam.",
            "en",
            {"Ber": "closed", "Goundam": "closed"},
        ),
        # ... not one the clause denies, nor one passed on the way, nor one said to expect it
        ("Ber was closed on Monday, as Goundam was not.", "en", {"Ber": "closed"}),
        (
            "The UN office in Ber has shut, as the mayor of Goundam expected.",
            "en",
            {"Ber": "closed"},
        ),
        ("Les soldats sont partis de Ber vers Goundam.", "fr", {"Ber": "closed"}),
    ],
)
def test_a_site_that_shares_the_event_told_before_it_shares_its_status(text, lang, expected):
    assert statuses(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In Ber, an aid worker said the UN camp was deserted.", {"Ber": "closed"}),
        # ... not when what is reported names its own place, or no camp at all
        ("In Gao, a spokesman said the camp at Ber was closed.", {"Ber": "closed"}),
        ("In Gao, a spokesman said the peacekeepers had left.", {}),
    ],
)
def test_a_place_that_opens_a_report_is_the_scene_of_the_camp_it_reports(text, expected):
    assert statuses(text) == expected


def test_an_item_s_post_that_stays_open_is_pending_even_in_the_capital():
    text = (
        "MINUSMA is winding down its operations.\n"
        "- Bamako: headquarters remains open until 31 December."
    )
    assert statuses(text) == {"Bamako": "pending"}


def test_a_place_set_before_a_plan_is_where_its_event_will_happen():
    found = by_site(read_text("À Ber, le contingent se prépare au départ.", REPORT, "fr"))
    assert found == {"Ber": "pending"}
