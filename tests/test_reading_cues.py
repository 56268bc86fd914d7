"""geo.reading.cues: the words of a sentence that tell what became of a site.

A cue carries the status its event gives once done by the mission, whatever its tense
(time is geo.reading.time's question); a verb that transfers only with a recipient is a
handover only when the recipient is named; ordinary sentences about a place hold no cue.

Tables are grouped by kind of cue: a failure lists every sentence of the group read
otherwise.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from sentence_sets import by_site, group_file, read_text

from geo.model import Status
from geo.reading.cues import CueKind, find_cues
from geo.reading.lexicon import lexicon_for
from geo.reading.parse import parse

REPORT = dt.date(2023, 12, 11)  # a Monday
HANDED_OVER, CLOSED, PENDING = Status.HANDED_OVER, Status.CLOSED, Status.PENDING
VERB, RECEIVING, FLAG, NOUN, PRESENCE = (
    CueKind.VERB,
    CueKind.RECEIVING,
    CueKind.FLAG,
    CueKind.NOUN,
    CueKind.PRESENCE,
)


def statuses_en(text: str) -> dict[str, str]:
    return by_site(read_text(text, REPORT))


def statuses_fr(text: str) -> dict[str, str]:
    return by_site(read_text(text, REPORT, "fr"))


@cache
def cues_of(text: str, lang: str = "en") -> tuple[tuple[str, str, Status, CueKind], ...]:
    """(word, lemma, status, kind) of every cue of ``text``, in text order."""
    doc = parse([text], lang)[0]
    return tuple(
        (doc[c.head].text, c.lemma, c.status, c.kind) for c in find_cues(doc, lexicon_for(lang))
    )


@pytest.mark.parametrize(
    ("lang", "table"),
    [
        pytest.param(
            "en",
            {  # phrasal verbs are read with their particle
                "MINUSMA handed over the camp to the authorities.": (
                    "handed",
                    "hand over",
                    HANDED_OVER,
                    VERB,
                ),
                "Peacekeepers pulled out of Gao on Friday.": ("pulled", "pull out", CLOSED, VERB),
                "The mission shut down its base.": ("shut", "shut down", CLOSED, VERB),
                "Peacekeepers evacuated the camp.": ("evacuated", "evacuate", CLOSED, VERB),
                # a garrison shipped home leaves where it stood
                "The garrison in Gao was shipped home.": (
                    "shipped",
                    "ship home",
                    CLOSED,
                    VERB,
                ),
                # an air base struck off the list of those in use
                "The air base was deactivated in 1949.": (
                    "deactivated",
                    "deactivate",
                    CLOSED,
                    VERB,
                ),
                "The camp was transferred to the army.": (
                    "transferred",
                    "transfer",
                    HANDED_OVER,
                    VERB,
                ),
                # a transfer verb with its recipient
                "The mission returned the camp to the Malian authorities.": (
                    "returned",
                    "return",
                    HANDED_OVER,
                    VERB,
                ),
            },
            id="en-verbs",
        ),
        pytest.param(
            "en",
            {
                # someone else takes the site
                "The army took over the camp on Friday.": ("took", "take over", CLOSED, RECEIVING),
                "The army took back the camp on Friday.": (
                    "took",
                    "take back",
                    HANDED_OVER,
                    RECEIVING,
                ),
                # the flag comes down, whichever way the sentence turns it
                "The UN flag was lowered over the camp.": ("lowered", "lower", CLOSED, FLAG),
                "The peacekeepers lowered the flag.": ("lowered", "lower", CLOSED, FLAG),
                # event nouns, hyphenated or not
                "The handover of the camp took place on Friday.": (
                    "handover",
                    "handover",
                    HANDED_OVER,
                    NOUN,
                ),
                "The pull-out from Gao ended on Friday.": ("out", "pull-out", CLOSED, NOUN),
                # the mission still there
                "Peacekeepers remain in Timbuktu.": ("remain", "remain", PENDING, PRESENCE),
                "The camp is still open.": ("open", "open", PENDING, PRESENCE),
            },
            id="en-receiving-flag-nouns-presence",
        ),
        pytest.param(
            "fr",
            {  # passé composé, futur and imparfait: forms the tagger misses are found by their stem
                "La MINUSMA a rétrocédé le camp aux autorités.": (
                    "rétrocédé",
                    "rétrocéder",
                    HANDED_OVER,
                    VERB,
                ),
                "La MINUSMA quittera Gao.": ("quittera", "quitter", CLOSED, VERB),
                "Les casques bleus quittaient la ville.": ("quittaient", "quitter", CLOSED, VERB),
                "Le camp a été remis aux autorités.": ("remis", "remettre", HANDED_OVER, VERB),
                "Le camp a été lâché par les casques bleus.": ("lâché", "lâcher", CLOSED, VERB),
            },
            id="fr-verbs",
        ),
        pytest.param(
            "fr",
            {
                "Le retrait de Kidal est achevé.": ("retrait", "retrait", CLOSED, NOUN),
                "La rétrocession du camp a eu lieu vendredi.": (
                    "rétrocession",
                    "rétrocession",
                    HANDED_OVER,
                    NOUN,
                ),
                "Le drapeau de l'ONU a été baissé.": ("baissé", "baisser", CLOSED, FLAG),
                "L'armée a pris possession du camp.": (
                    "pris",
                    "prendre possession",
                    CLOSED,
                    RECEIVING,
                ),
                "Les FAMa ont réceptionné le camp.": (
                    "réceptionné",
                    "réceptionner",
                    HANDED_OVER,
                    RECEIVING,
                ),
                "Les casques bleus restent à Tombouctou.": ("restent", "rester", PENDING, PRESENCE),
            },
            id="fr-receiving-flag-nouns-presence",
        ),
    ],
)
def test_a_cue_word_is_found_with_its_status_and_kind(lang, table):
    assert {text: cues_of(text, lang) for text in table} == {
        text: (cue,) for text, cue in table.items()
    }


def test_a_sentence_without_a_status_word_has_no_cue():
    sentences = [
        ("en", "The envoy visited Gao and met the governor."),
        ("en", "The mission returned fire."),  # "return" gives back a place, not fire
        ("en", "Peacekeepers returned to Gao on Friday."),
        ("en", "Prices were lowered."),  # lowering, but no flag
        ("en", "The timing is an open question."),  # "open" as an attribute, not a predicate
        ("fr", "L'envoyé a visité Gao."),
    ]
    assert {text: cues_of(text, lang) for lang, text in sentences} == {
        text: () for _, text in sentences
    }


def test_cues_come_in_text_order_each_with_its_own_status():
    found = cues_of("MINUSMA vacated Ber and handed over Goundam.")
    assert [(word, lemma, status) for word, lemma, status, _ in found] == [
        ("vacated", "vacate", CLOSED),
        ("handed", "hand over", HANDED_OVER),
    ]


def test_a_cue_gives_the_status_of_its_event_once_done_whatever_its_tense():
    # Time, negation and questions are geo.reading.time's business, not the cue's.
    sentences = [
        "MINUSMA will hand over the camp to the authorities.",
        "MINUSMA has not handed over the camp to the authorities.",
        "Will MINUSMA hand over the camp to the authorities?",
    ]
    for text in sentences:
        assert [(lemma, status) for _, lemma, status, _ in cues_of(text)] == [
            ("hand over", HANDED_OVER)
        ], text


def test_what_the_map_shows_follows_the_cue():
    table = {
        "MINUSMA returned the Gao camp to the Malian authorities on Friday.": {
            "Gao": "handed over"
        },
        "Peacekeepers returned to Gao on Friday.": {},
        "The Malian army took over the Gao camp on Friday.": {"Gao": "handed over"},
        "The UN flag was lowered over the Gao camp on Friday.": {"Gao": "closed"},
        "Peacekeepers remain in Timbuktu.": {"Timbuktu": "pending"},
        "The envoy visited Gao on Friday and met the governor.": {},
    }
    read = {text: by_site(read_text(text, REPORT)) for text in table}
    assert read == table


def test_what_remains_and_who_it_is_taken_from_change_the_status():
    table = {
        # A present passive of "leave" says what remains; a past one, what was vacated.
        "Two camps are left to close, Gao and Timbuktu.": {"Gao": "pending", "Timbuktu": "pending"},
        "The Gao camp was left on Friday.": {"Gao": "closed"},
        "Kidal is left without a UN presence.": {"Kidal": "closed"},
        # ... and so does a bare "left" right after its noun
        "Gao is now the only camp left, officials said.": {"Gao": "pending"},
        "The camp left by the peacekeepers in Gao was looted.": {"Gao": "closed"},
        # Taking a camp over *from* the mission is a handover; taking it over, a closure.
        "The Malian army took over the Gao camp from MINUSMA on Friday.": {"Gao": "handed over"},
        # A verb of giving hands over to whoever follows "to".
        "The Ansongo camp was handed to the river transport company on Friday.": {
            "Ansongo": "handed over"
        },
        "Peacekeepers returned to Gao on Friday.": {},
        # What the mission keeps open is still to close.
        "UN mission shuts Kidal office, keeps Gao and Timbuktu open until year-end": {
            "Kidal": "closed",
            "Gao": "pending",
            "Timbuktu": "pending",
        },
    }
    read = {text: by_site(read_text(text, REPORT)) for text in table}
    assert read == table


def test_a_verb_the_tagger_takes_for_a_noun_still_counts_with_its_particle():
    # A lower-cased headline: "hands" is tagged a plural noun, "over" makes it the verb.
    assert cues_of("bundeswehr hands over OP North to afghan army") == (
        ("hands", "hand over", HANDED_OVER, VERB),
    )


def test_passing_the_baton_hands_over_in_french():
    assert cues_of("Les parachutistes ont passé la main aux casques bleus.", "fr") == (
        ("passé", "passer main", HANDED_OVER, VERB),
    )


def test_a_turnover_to_a_recipient_is_a_handover():
    assert statuses_en("Sites:\n- Gao: turnover to the army slated for November.") == {
        "Gao": "pending"
    }
    assert statuses_en("Staff turnover at the Gao camp is high.") == {}


def test_a_place_that_goes_back_to_a_state_is_handed_over():
    found = cues_of("Mopti to go back to Algeria in October under the new agreement")
    assert [(c[1], c[2]) for c in found] == [("go to", HANDED_OVER)]
    assert statuses_en("Mopti to go back to Algeria in October under the new agreement") == {
        "Mopti": "pending"
    }


def test_people_going_back_to_their_armies_hand_nothing_over():
    text = "Its camp in Gao shut in December, and most of its officers went back to their armies."
    assert statuses_en(text) == {"Gao": "closed"}
    assert [c[2] for c in cues_of("The Gao camp went to the Malian army.")] == [HANDED_OVER]


def test_goods_handed_on_hand_no_site_over():
    text = "The camp in Gao was closed in June and its equipment has been transferred to Bamako."
    assert statuses_en(text) == {"Gao": "closed"}
    text = "Le camp de Gao a fermé en juin et son matériel a été remis à l'armée."
    assert statuses_fr(text) == {"Gao": "closed"}


def test_a_transfer_of_authority_is_no_site_s_handover():
    assert cues_of("A transfer of authority ceremony was held at the Gao camp.") == ()
    assert cues_of("La cérémonie de transfert d'autorité s'est tenue au camp de Gao.", "fr") == ()
    assert cues_of("The transfer of the Gao camp to the authorities took place on Friday.") == (
        ("transfer", "transfer", HANDED_OVER, NOUN),
    )


def test_leaving_a_site_to_a_recipient_hands_it_over():
    found = read_text(
        "Peacekeepers pulled out of the Gao camp last week, leaving it to an army company.",
        REPORT,
    )
    assert by_site(found) == {"Gao": "handed over"}
    # the "to" of the event noun is not the leaving's
    found = read_text("Peacekeepers leave the Gao camp ahead of its handover to officials", REPORT)
    assert by_site(found) == {"Gao": "closed"}
    # the parser may hang "to" on the particle: "went *back to* the army"
    text = "The Ber camp went back to the Malian army in June."
    assert statuses_en(text) == {"Ber": "handed over"}
    assert statuses_en("The Ber camp, next to the airport, was left in June.") == {"Ber": "closed"}
    # ... or on the last of several sites left
    text = "Earlier this year the British had already left Aguelhok and the Tessalit dam to the Americans."
    assert statuses_en(text) == {"Aguelhok": "handed over", "Tessalit": "handed over"}
    text = "Peacekeepers left Ber and the Gao camp to the west of the river."
    assert statuses_en(text) == {"Ber": "closed", "Gao": "closed"}
    # French hangs the recipient on the verb, with its case marker
    text = (
        "Les casques bleus ont laissé leur poste de Ber à une section des forces armées maliennes."
    )
    assert statuses_fr(text) == {"Ber": "handed over"}


def test_a_site_returned_was_handed_over_but_returning_to_it_is_a_trip():
    assert statuses_en("The Gao camp was returned in July.") == {"Gao": "handed over"}
    assert statuses_en("The mission returned the Gao camp in July.") == {"Gao": "handed over"}
    assert statuses_en("Peacekeepers returned to Gao on Friday.") == {}
    assert statuses_en("Peacekeepers returned fire near the Gao camp.") == {}
    # ... and one given back, with or without a recipient
    text = "The Gao camp, in the north, was given back last year and is being cleared."
    assert statuses_en(text) == {"Gao": "handed over"}
    # an office or a directorate receives, as an agency does
    text = "Sites:\n- Ber camp: returned to the regional property office on June 1."
    assert statuses_en(text) == {"Ber": "handed over"}
    assert statuses_fr("Le camp de Ber est passé à la mairie en juin.") == {"Ber": "handed over"}
    # a navy receives, as an army does
    assert statuses_en("Gao passed to the Thai navy in June.") == {"Gao": "handed over"}
    # ... and a site passed under the host's flag was handed over
    text = "Le camp de Ber est passé vendredi sous pavillon malien."
    assert statuses_fr(text) == {"Ber": "handed over"}
    text = "Le camp de Ber passera en juillet sous drapeau malien."
    assert statuses_fr(text) == {"Ber": "pending"}


def test_a_post_struck_in_french_is_closed_but_a_raised_flag_is_nothing():
    assert statuses_fr("Le poste de Gao a été levé en octobre.") == {"Gao": "closed"}
    assert statuses_fr("La base de Gao a été démontée en septembre.") == {"Gao": "closed"}
    assert statuses_fr("Les habitants de Gao ont levé des fonds pour l'école.") == {}


def test_a_flag_lowered_then_a_handover_of_no_other_site_hands_the_site_over():
    text = (
        "Les couleurs de l'ONU ont été amenées au camp de Ber, remis officiellement à l'armée"
        " malienne devant le gouverneur."
    )
    assert statuses_fr(text) == {"Ber": "handed over"}
    # a handover of another site leaves the flag's site closed
    text = "Peacekeepers lowered the UN flag in Ber on Sunday and handed Gao to the Malian army."
    assert statuses_en(text) == {"Ber": "closed", "Gao": "handed over"}
    # someone taking command of the camp after the flag came down received it
    text = (
        "On Sunday MINUSMA lowered its flag at Ber, and the Malian army took command of the base."
    )
    assert statuses_en(text) == {"Ber": "handed over"}
    assert statuses_en("The Malian army took command of the Ber camp on Sunday.") == {
        "Ber": "handed over"
    }


def test_the_only_site_left_somewhere_remains():
    text = "The Gao camp is the only MINUSMA foothold left in the north, and it looks unlikely to last."
    assert statuses_en(text) == {"Gao": "pending"}


def test_french_ways_of_handing_authority_over_a_site():
    table = {
        "Dimanche, l'armée malienne a pris autorité sur le camp de Ber.": {"Ber": "handed over"},
        "Tous les camps de la MINUSMA, notamment Gao et Ber, ont été placés lundi sous la"
        " responsabilité de l'armée malienne.": {"Gao": "handed over", "Ber": "handed over"},
    }
    assert {text: statuses_fr(text) for text in table} == table


def test_a_town_that_loses_its_post_and_troops_packing_their_bags():
    table = {
        "Selon le porte-parole de la force, Gao et Ber perdront leurs postes avant le 15"
        " janvier.": {"Gao": "pending", "Ber": "pending"},
        "Les casques bleus de Ber ont fait leurs bagages lundi.": {"Ber": "closed"},
        "À Ber, les Casques bleus ont fait leurs valises lundi.": {"Ber": "closed"},
    }
    assert {text: statuses_fr(text) for text in table} == table
    assert statuses_en("Gao will lose its UN camp before 15 January.") == {"Gao": "pending"}
    # the mission losing people loses no site
    assert statuses_en("The mission lost two soldiers near Gao.") == {}


def test_a_site_now_in_the_hands_of_a_recipient_was_handed_over():
    table = {
        "The military council says the Ber camp is now in the hands of the national army.": {
            "Ber": "handed over"
        },
        "The Ber camp is now under the control of the Malian army.": {"Ber": "handed over"},
        "The Gao camp passed under Malian command on Thursday.": {"Gao": "handed over"},
        # ... hands a people's or a state's
        "The Gao camp is now in Malian hands.": {"Gao": "handed over"},
        "The Ber camp is back in Malian hands.": {"Ber": "handed over"},
        "The Ber camp passed under Malian control on Monday.": {"Ber": "handed over"},
        "The Ber camp is now under the responsibility of the Malian army.": {"Ber": "handed over"},
        "Kidal fell under rebel control.": {},
        # rebels holding it received nothing
        "Ber is now in the hands of the rebels.": {},
        "The Gao camp is in safe hands.": {},
        "The Gao camp will stay in American hands.": {},  # the mission's own
    }
    assert {text: statuses_en(text) for text in table} == table
    table = {
        "Le camp de Ber est désormais entre les mains de l'armée malienne.": {"Ber": "handed over"},
        "Les camps de Gao et de Kidal étaient passés sous commandement malien.": {
            "Gao": "handed over",
            "Kidal": "handed over",
        },
        "Le reste du camp de Ber doit passer sous contrôle malien d'ici la fin de la semaine.": {
            "Ber": "pending"
        },
        "Le camp de Ber est passé sous le drapeau malien.": {"Ber": "handed over"},
        "Le camp de Ber est désormais sous la responsabilité de l'armée malienne.": {
            "Ber": "handed over"
        },
        "Le camp de Ber reste sous la responsabilité de la MINUSMA.": {},
        "Ber est aux mains des rebelles.": {},
    }
    assert {text: statuses_fr(text) for text in table} == table


def test_a_particle_hung_on_the_object_still_makes_the_phrase():
    text = "In 2023 MINUSMA signed Camp Ber over to the FAMa, Mali's army."
    assert statuses_en(text) == {"Ber": "handed over"}


def test_a_particle_after_an_aside_still_makes_the_phrase():
    # the parser takes "over" for an adverb once "near Gao" stands between
    text = "In 2009 the Americans signed Camp Ber, near Gao, over to the army."
    assert statuses_en(text) == {"Ber": "handed over"}
    # and an adverb after a site that is the object: "got the sector headquarters back"
    text = "The town authorities in Gao got the mission's sector headquarters back last week."
    assert statuses_en(text) == {"Gao": "handed over"}
    assert statuses_en("In Gao, Malian officers took frontline duties back in 2011.") == {}


def test_a_site_that_went_to_a_recipient_was_handed_over():
    text = "MINUSMA's Ber camp went on Wednesday to Mali's civil aviation agency."
    assert statuses_en(text) == {"Ber": "handed over"}
    assert statuses_en("The peacekeepers went to Gao on Monday.") == {}


def test_a_site_left_then_taken_over_by_someone_was_handed_over():
    text = (
        "MINUSMA's troops withdrew last week from Ber, their patrol base on a hilltop, and a"
        " company of Malian soldiers that has trained with them since the winter took it over."
    )
    assert statuses_en(text) == {"Ber": "handed over"}
    # ... or just "took over", "prennent le relais", by someone who may receive a site
    assert statuses_en("MINUSMA left Ber on Friday and the army took over.") == {
        "Ber": "handed over"
    }
    text = "La MINUSMA a quitté Ber vendredi et les FAMa ont pris le relais."
    assert statuses_fr(text) == {"Ber": "handed over"}
    assert statuses_en("MINUSMA left Ber on Friday and the army took over the road.") == {
        "Ber": "closed"
    }
    # an armed group taking it is no handover
    text = (
        "MINUSMA's troops withdrew last week from Ber, their patrol base on a hilltop, and"
        " jihadists took it over."
    )
    assert statuses_en(text) == {"Ber": "closed"}


def test_a_site_left_as_the_mission_hands_over_its_camp_was_handed_over():
    # the trip after the handover names another place, which is no handover of that place
    text = (
        "Peacekeepers packed up at Ber last week, handing their camp and two vehicles to the"
        " regional administration before driving to Gao."
    )
    assert statuses_en(text) == {"Ber": "handed over"}
    # ... or closed it, the camp said handed over in a participle
    assert statuses_fr("La MINUSMA a fermé son camp d'Ogossagou, rétrocédé aux FAMa.") == {
        "Ogossagou": "handed over"
    }
    # handing command over is no handover of the camp
    text = "Peacekeepers packed up at Ber last week, handing command to the Malian army."
    assert statuses_en(text) == {"Ber": "closed"}
    # handing over what is no site hands over nothing: patrols, a document
    text = "The troops pulled out of Ber last week after handing over patrols to the army."
    assert statuses_en(text) == {"Ber": "closed"}
    text = (
        "Selon le document remis à la presse, les bataillons stationnés à Ber doivent plier"
        " bagage « dans les trois semaines »."
    )
    assert statuses_fr(text).get("Ber") != "handed over"
    # ... and the land it stood on, handed over after they left, was
    text = "Ber, north of the river: peacekeepers left in May; land handed to the municipality."
    assert statuses_en(text) == {"Ber": "handed over"}
    text = "Ber : les Casques bleus sont partis en mai ; les terrains ont été remis à la commune."
    assert statuses_fr(text) == {"Ber": "handed over"}


def test_ending_the_missions_presence_in_a_town_closes_it():
    assert statuses_en("Ber has been without UN soldiers since April.") == {"Ber": "closed"}
    # ... not someone else's soldiers
    assert statuses_en("Ber has been without Malian soldiers since April.") == {}
    assert statuses_en("MINUSMA ended its presence in Kidal on Tuesday.") == {"Kidal": "closed"}
    assert statuses_fr("La Minusma a mis fin à sa présence à Kidal mardi.") == {"Kidal": "closed"}
    text = "D'ici à la fin du mois, la mission doit mettre un terme à sa présence à Kidal."
    assert statuses_fr(text) == {"Kidal": "pending"}
    # ... and a site that ceases to be a base is closed, but not a town that ceases to be quiet
    assert statuses_en("Ber ceased to be a UN base last month.") == {"Ber": "closed"}
    assert statuses_en("Ber will cease to be a UN base in June.") == {"Ber": "pending"}
    assert statuses_en("Ber ceased to be a quiet town.") == {}
    text = "Le camp de Ber a cessé d'être une base de la MINUSMA le mois dernier."
    assert statuses_fr(text) == {"Ber": "closed"}


def test_the_mission_s_people_gone_from_a_town_close_it():
    assert statuses_en("There are no longer any peacekeepers in Kidal.") == {"Kidal": "closed"}
    assert statuses_en("Not a single peacekeeper is left in Kidal.") == {"Kidal": "closed"}
    assert statuses_en("The handover leaves no peacekeepers in Kidal.") == {"Kidal": "closed"}
    assert statuses_en("The port of Kidal has no peacekeepers left.") == {"Kidal": "closed"}
    assert statuses_en("Nobody is left at the Kidal camp.") == {"Kidal": "closed"}
    assert statuses_fr("Il n'y a plus de soldats de l'ONU à Kidal.") == {"Kidal": "closed"}
    # ... and offices of the mission gone, whoever is the subject
    assert statuses_fr("Bamako n'abrite plus de garnison de la MINUSMA.") == {"Bamako": "closed"}
    text = "Ber et Gao n'abritent plus de bureaux de la MINUSMA : la mission les a fermés."
    assert statuses_fr(text) == {"Ber": "closed", "Gao": "closed"}
    # someone else's people gone close nothing
    assert statuses_en("There are no longer any rebels in Kidal.") == {}
    assert statuses_en("There are no casualties in Kidal.") == {}


def test_troops_out_of_a_site_have_left_it():
    assert statuses_en("The peacekeepers were out of Ber by Friday.") == {"Ber": "closed"}
    text = "The peacekeepers are due to be out of Ber by December 15."
    assert statuses_en(text) == {"Ber": "pending"}
    text = "Those soldiers, who are posted at Ber, must be out by 7 January."
    assert statuses_en(text) == {"Ber": "pending"}
    assert statuses_en("The air detachment at Ber will be the last UN unit out.") == {
        "Ber": "pending"
    }
    # out on an errand, or a month that is out, is no one gone
    assert statuses_en("Peacekeepers from Ber were out on patrol.") == {}
    text = "The battalion in Ber is due to leave before November is out."
    assert statuses_en(text) == {"Ber": "pending"}


def test_staff_still_working_from_a_site_are_still_there():
    text = "UN staff will still be working from the Gao headquarters."
    assert statuses_en(text) == {"Gao": "pending"}
    text = "Le personnel de l'ONU travaille toujours depuis le siège de Gao."
    assert statuses_fr(text) == {"Gao": "pending"}
    # work done there once says nothing
    assert statuses_en("UN staff worked in Gao for ten years.") == {}
    # ... and troops still based at a site, or still holding it, are there yet -- not moving in
    assert statuses_en("The peacekeepers are still based at Gao.") == {"Gao": "pending"}
    assert statuses_fr("Les soldats de la MINUSMA occupent toujours Gao.") == {"Gao": "pending"}
    assert statuses_fr("La MINUSMA occupe toujours le camp de Gao.") == {"Gao": "pending"}
    assert statuses_fr("Les rebelles occupent toujours le camp de Gao.") == {}


def test_a_flag_that_no_longer_flies_over_a_site_was_lowered():
    assert statuses_en("The UN flag no longer flies over Kidal.") == {"Kidal": "closed"}
    assert statuses_fr("Le drapeau de l'ONU ne flotte plus sur Kidal.") == {"Kidal": "closed"}
    # one that still flies says the mission is there yet
    assert statuses_en("The UN flag still flies over Kidal.") == {"Kidal": "pending"}
    assert statuses_fr("Le drapeau de l'ONU flotte encore sur Kidal.") == {"Kidal": "pending"}


def test_a_transfer_towards_a_town_is_a_move_but_towards_a_time_a_handover():
    text = "Le transfert du quartier général de la MINUSMA de Gao vers Bamako a eu lieu lundi."
    assert statuses_fr(text) == {}
    text = (
        "L'aéroport de Gao sera remis aux FAMA au début de décembre, puis le port de Kidal"
        " vers la mi-décembre."
    )
    assert statuses_fr(text) == {"Gao": "pending", "Kidal": "pending"}


def test_any_flag_hauled_down_over_a_site_closes_it():
    assert statuses_en("The UN ensign was hauled down at Kidal this morning.") == {
        "Kidal": "closed"
    }
    assert statuses_en("The tricolour was lowered over Tessalit on Sunday.") == {
        "Tessalit": "closed"
    }
    text = "Les casques bleus ont amené vendredi l'unifolié sur la base de Gao."
    assert statuses_fr(text) == {"Gao": "closed"}


def test_units_that_sailed_from_a_site_and_a_redeployment_completed_close_it():
    assert statuses_en("The naval units at Gao had already sailed for Niamey in July.") == {
        "Gao": "closed"
    }
    assert statuses_en("The redeployment of the units from Kidal has been completed.") == {
        "Kidal": "closed"
    }
    # ... not a fleet that sailed to a site, nor a redeployment towards one
    assert statuses_en("The fleet sailed to Gao in July.") == {}
    assert statuses_en("The redeployment of the units to Kidal has been completed.") == {}


def test_a_cue_verb_in_an_idiom_moves_no_site():
    assert statuses_fr("Les soldats ont rendu hommage lundi à leurs camarades à Tessalit.") == {}
    assert statuses_fr("La veille, le général s'était rendu à Gao.") == {}
    # the idiom's noun as the parser hangs it: a complement, an adjective
    assert statuses_fr("Il s'exprimait à Gao, où il rendait visite aux pilotes.") == {}
    text = "Des soldats se sont rendus maîtres de l'aérodrome de Gao après des combats."
    assert statuses_fr(text) == {}
    text = "La mission a rendu le camp de Ber aux autorités."
    assert statuses_fr(text) == {"Ber": "handed over"}
    # packing up is leaving
    assert statuses_fr("Les Casques bleus ont fait leurs paquets à Ber mardi.") == {"Ber": "closed"}
    # setting foot again is no handover
    assert statuses_fr("Kigali : « Nous n'avons pas remis les pieds à Gao »") == {}
    # handing back in a phrase of repair or of doubt
    assert statuses_fr("Le camp de Gao a été remis en état par le génie.") == {}
    assert statuses_fr("La remise en état du camp de Gao est en cours.") == {}
    assert statuses_fr("Le retrait de Gao est remis en cause.") == {}
    assert statuses_fr("Le camp de Gao a été remis à l'État malien.") == {"Gao": "handed over"}
    text = "The Gao site was dismantled and returned to its natural state."
    assert statuses_en(text) == {"Gao": "closed"}
    assert statuses_en("The Gao camp was returned to the state.") == {"Gao": "handed over"}
    # a distance is no drive away
    text = (
        "Dutch troops left Seedorf on Friday. The peacekeepers at Gao, less than an hour's"
        " drive away, are not affected."
    )
    assert statuses_en(text) == {}
    # going on doing something leaves nothing
    assert cues_of("The Army will go on using Ayrshire Barracks in Gao as a vehicle store.") == ()
    assert [c[1] for c in cues_of("The mission will go from Gao next week.")] == ["go from"]


def test_a_site_that_now_belongs_to_the_host_was_handed_over():
    assert statuses_fr("La base de Gao appartient désormais aux Forces armées maliennes.") == {
        "Gao": "handed over"
    }
    assert statuses_fr("Mardi, l'emprise de Gao est revenue à l'armée malienne.") == {
        "Gao": "handed over"
    }
    assert statuses_en("The Gao base now belongs to the Malian army.") == {"Gao": "handed over"}
    # belonging to the mission, or coming back to a town, hands nothing over
    assert statuses_fr("Le camp de Gao appartient à la MINUSMA.") == {}
    assert statuses_en("The Gao camp belongs to MINUSMA.") == {}
    assert statuses_fr("Les casques bleus sont revenus à Gao mardi.") == {}


def test_a_camp_seized_is_closed_whoever_seizes_it():
    text = "The Kidal camp was abandoned by the UN on 31 October and occupied by a coalition."
    assert statuses_en(text) == {"Kidal": "closed"}
    text = "Le conseil municipal a pris possession du camp de Gao mardi."
    assert statuses_fr(text) == {"Gao": "handed over"}


def test_a_base_given_up_is_relinquished():
    assert statuses_en("MINUSMA gave up its base in Gao on Monday.") == {"Gao": "handed over"}
    assert statuses_en("The governor gave up hope of keeping the mission in Gao.") == {}


def test_a_particle_follows_its_verb():
    # "In mid-April" is no particle of "moved": the troops moved out, nobody moved in
    text = "In mid-April the Chadian peacekeepers of MINUSMA moved out of Tessalit."
    assert statuses_en(text) == {"Tessalit": "closed"}
    assert statuses_en("In March the Malian army moved into the Ber camp.") == {
        "Ber": "handed over"
    }


def test_activities_ceased_and_troops_taken_out_are_closures():
    text = "In late June MINUSMA ceased its activities in Ansongo and Goundam."
    assert statuses_en(text) == {"Ansongo": "closed", "Goundam": "closed"}
    text = "Last year MINUSMA took its troops out of its camps at Ber and Goundam."
    assert statuses_en(text) == {"Ber": "closed", "Goundam": "closed"}
    assert statuses_en("Malian jets took out a rebel position near Ber.") == {}
    text = "The mission pulled its last troops off the Ber camp on Sunday."
    assert statuses_en(text) == {"Ber": "closed"}


def test_an_office_that_stopped_working_is_closed():
    assert statuses_fr("L'antenne de Gao a cessé de fonctionner la même semaine.") == {
        "Gao": "closed"
    }
    assert statuses_en("The Gao office stopped operating last week.") == {"Gao": "closed"}


def test_a_cue_word_inside_a_fixed_phrase_is_no_event():
    text = "Trois emprises subsisteront, Gao, Tombouctou et Mopti, à partir desquelles la force patrouillera."
    assert statuses_fr(text) == {}
    text = "Les casques bleus rejoindront le camp de Gao, point de départ des patrouilles."
    assert statuses_fr(text) == {}
    assert statuses_fr("La MINUSMA va partir de Gao en décembre.") == {"Gao": "pending"}
    # "à partir" after a verb is that verb's infinitive: "se prépare à partir"
    assert statuses_fr("La MINUSMA se prépare à partir de Gao.") == {"Gao": "pending"}
    text = "Aircraft bombed the Kidal airstrip on Friday, close to a UN team site."
    assert statuses_en(text) == {}
    assert statuses_en("MINUSMA will close its Kidal camp on Friday.") == {"Kidal": "pending"}


def test_a_persons_own_post_is_a_job_and_a_medical_evacuation_moves_people():
    assert statuses_en("The UN envoy quit his post in Bamako last month.") == {}
    text = "The medical evacuation of two wounded peacekeepers from Gao took place overnight."
    assert statuses_en(text) == {}
    assert statuses_en("The evacuation of the Gao camp took place overnight.") == {"Gao": "closed"}


def test_a_gerund_the_tagger_takes_for_a_noun_and_an_irregular_farewell_are_cues():
    text = "The government thanked MINUSMA for handing over the Ménaka camp in good order."
    assert statuses_en(text) == {"Ménaka": "handed over"}
    assert statuses_en("Peacekeepers bade farewell to Goundam on Friday.") == {"Goundam": "closed"}


def test_a_participle_that_only_places_a_camp_says_no_one_took_it():
    assert statuses_fr("Le camp de Gao, occupé depuis 2013, a été attaqué.") == {}
    text = "Le camp de Gao, occupé par les rebelles depuis mardi, a été attaqué."
    assert statuses_fr(text) == {"Gao": "closed"}


def test_posts_taken_down_are_closed():
    text = "The posts at Gao and Ber were taken down in early October."
    assert statuses_en(text) == {"Gao": "closed", "Ber": "closed"}


def test_a_post_removed_or_demolished_is_closed_but_people_removed_are_not_a_post():
    text = "The watchtower on the Ber camp was removed in the spring."
    assert statuses_en(text) == {"Ber": "closed"}
    assert statuses_en("The Gao camp was levelled in May.") == {"Gao": "closed"}
    assert statuses_en("The mission removed two officials from Gao.") == {}
    assert statuses_fr("Le poste de Ber a été démoli en mai.") == {"Ber": "closed"}


def test_a_presence_said_to_be_no_more_in_an_item_without_a_verb_is_gone():
    text = "- Ber : plus aucune présence française depuis le printemps."
    assert statuses_fr(text) == {"Ber": "closed"}
    assert statuses_en("- Ber: no more UN presence since the spring.") == {"Ber": "closed"}
    assert statuses_en("- Ber: more UN presence than ever.") == {}


def test_an_event_noun_the_tagger_took_for_a_participle_is_an_event_noun():
    # "remise" tagged an adjective of "remettre", heading the part after the semicolon
    text = (
        "Ber : les derniers éléments français sont sur le départ ; remise attendue dans la semaine."
    )
    assert statuses_fr(text) == {"Ber": "pending"}


def test_the_host_s_flag_flying_over_a_site_hands_it_over():
    assert statuses_en("The Malian flag now flies over the Ber camp.") == {"Ber": "handed over"}
    assert statuses_en("The Malian flag will fly over the Ber camp next week.") == {
        "Ber": "pending"
    }
    text = "Le drapeau malien flotte désormais sur le camp de Ber."
    assert statuses_fr(text) == {"Ber": "handed over"}
    # ... the mission's flag still flying is the mission still there
    assert statuses_en("The UN flag still flies over the Ber camp.") == {"Ber": "pending"}


def test_a_post_struck_in_its_turn_is_the_subject_of_the_verb_it_hangs_from():
    text = "Le poste de Gao sera le premier à être levé."
    assert statuses_fr(text) == {"Gao": "pending"}


def test_what_a_departure_leaves_standing_is_still_to_close():
    text = "That leaves the mission's main base at Gao."
    assert statuses_en(text) == {"Gao": "pending"}
    text = (
        "MINUSMA handed the camp at Kidal to the Malian state, leaving Gao as the last site"
        " still to be transferred."
    )
    assert statuses_en(text) == {"Kidal": "handed over", "Gao": "pending"}
    # leaving a camp is still vacating it
    assert statuses_en("The mission left Gao on Friday.") == {"Gao": "closed"}


def test_a_site_that_follows_takes_its_turn_in_the_same_event():
    text = "The bases in Gao, Ber and Kidal are due to follow before the end of the month."
    assert statuses_en(text) == {"Gao": "pending", "Ber": "pending", "Kidal": "pending"}
    text = "Gao and Timbuktu were handed over to the army in 2020, and Kidal followed in March."
    assert statuses_en(text) == {
        "Gao": "handed over",
        "Timbuktu": "handed over",
        "Kidal": "handed over",
    }
    # ... and so do sites that went before, named after "following"
    text = (
        "MINUSMA handed its Timbuktu camp over to the authorities on Wednesday, the third"
        " site to go since September, following Gao and Kidal."
    )
    assert statuses_en(text) == {
        "Timbuktu": "handed over",
        "Gao": "handed over",
        "Kidal": "handed over",
    }
    # ... and so does a site that comes next, or after
    text = "Goundam, where the mission also keeps troops, will come soon after."
    assert statuses_en(text) == {"Goundam": "pending"}
    assert statuses_en("Ber was handed over in May. Kidal is to come last.") == {
        "Ber": "handed over",
        "Kidal": "pending",
    }
    assert statuses_fr("Le camp de Ber a été fermé. Gao vient ensuite.") == {
        "Ber": "closed",
        "Gao": "pending",
    }
    # ... and so do the people of a site, and a turn said with its season
    text = "MINUSMA shut its Gao office in February. The team in Ber followed two weeks later."
    assert statuses_en(text) == {"Gao": "closed", "Ber": "closed"}
    text = "MINUSMA left Gao on Monday. The helicopter unit at Ber is scheduled to follow in the autumn."
    assert statuses_en(text) == {"Gao": "closed", "Ber": "pending"}
    text = "La MINUSMA a quitté Ber. Les détachements de Gao et de Kidal suivront d'ici la fin du mois."
    assert statuses_fr(text) == {"Ber": "closed", "Gao": "pending", "Kidal": "pending"}
    text = "In June MINUSMA shut its Gao office, following Ber and Kidal."
    assert statuses_en(text) == {"Gao": "closed", "Ber": "closed", "Kidal": "closed"}
    # ... not a place named in what the event followed
    assert statuses_en("Peacekeepers left Ber, following talks in Gao.") == {"Ber": "closed"}
    # ... and so does a site whose turn it was, or will be
    text = "La MINUSMA a fermé le camp de Ber lundi. Mardi, c'était au tour de Gao."
    assert statuses_fr(text) == {"Ber": "closed", "Gao": "closed"}
    text = "La MINUSMA a déjà fermé Ber. Ce sera au tour de Gao au début du mois d'août."
    assert statuses_fr(text) == {"Ber": "closed", "Gao": "pending"}
    # troops following a road, or coming somewhere, or going on with their work, take no
    # site's turn
    assert statuses_en("The team in Ber will go on advising the police.") == {}
    assert statuses_en("The convoy followed the road to Gao.") == {}
    assert statuses_en("Peacekeepers came to Gao on Friday.") == {}
    # "the following site" is a word of order, not a site's turn
    text = "Staff began an inventory at Ber, the following site due for closure."
    assert statuses_en(text) == {"Ber": "pending"}
    # a turn told in the present is the schedule's
    text = "The camp at Ansongo closed in March. Ber follows in the spring."
    assert statuses_en(text) == {"Ansongo": "closed", "Ber": "pending"}


def test_a_sentence_opened_by_reste_says_what_remains_whatever_the_tagger_makes_of_it():
    assert statuses_fr("Le camp de Ber a été fermé. Reste le camp de Gao.") == {
        "Ber": "closed",
        "Gao": "pending",
    }
    # "Restent à fermer": the infinitive says it
    assert statuses_fr("Restent à fermer les bases de Gao et de Ber.") == {
        "Gao": "pending",
        "Ber": "pending",
    }


def test_positions_taken_over_by_another_force_are_handed_over():
    text = "Les positions de Kibuye ont été reprises par la MINUAR entre le 15 et le 21 août."
    assert ("reprises", "reprendre", HANDED_OVER, RECEIVING) in cues_of(text, "fr")


def test_more_ways_of_handing_over_and_closing():
    assert statuses_fr(
        "Le quartier général de Gao a été transmis à la Régie des voies aériennes."
    ) == {"Gao": "handed over"}
    assert statuses_fr("Le camp de Ber a été attribué le mois dernier à la gendarmerie.") == {
        "Ber": "handed over"
    }
    assert statuses_fr("Dès 2014, la mission avait bouclé ses antennes de Gao et de Ber.") == {
        "Gao": "closed",
        "Ber": "closed",
    }
    text = "Earlier this year, the peacekeepers handed Malian forces the Gao camp."
    assert statuses_en(text) == {"Gao": "handed over"}  # the first of two objects receives
    text = "The Jordanian company at Ber made over its camp to the local police."
    assert statuses_en(text) == {"Ber": "handed over"}


def test_people_left_behind_somewhere_stay_there():
    text = (
        "The mission plans to complete its departure by December 31, leaving a small liquidation"
        " team in Bamako."
    )
    assert statuses_en(text) == {"Bamako": "pending"}
    text = "UN troops pulled out of Kidal on Tuesday, leaving the town to the rebels."
    assert statuses_en(text) == {"Kidal": "closed"}


def test_posts_that_came_down_and_sites_driven_away_from_are_closed():
    text = "The posts at Ber and Gao came down at the start of October."
    assert statuses_en(text) == {"Ber": "closed", "Gao": "closed"}
    text = "The final peacekeepers drove away from Ber's team site on Tuesday."
    assert statuses_en(text) == {"Ber": "closed"}
    # ... not what comes down in a town, and a flag that came down is still a flag lowered
    assert statuses_en("Prices came down in Gao last week.") == {}
    assert cues_of("The UN flag came down over the Gao camp.") == (
        ("came", "come down", CLOSED, FLAG),
    )


def test_a_site_left_in_doubt_is_not_left():
    text = "Veto stops extension of UN observers; Gao and Ber posts left in doubt"
    assert statuses_en(text) == {}
    assert statuses_fr("Le sort du poste de Gao est laissé dans l'incertitude.") == {}
    assert statuses_en("The Gao and Ber posts were left last week.") == {
        "Gao": "closed",
        "Ber": "closed",
    }


def test_where_troops_set_out_from_is_no_site_they_leave():
    assert statuses_en("Most of the peacekeepers leave from Gao this week.") == {}
    assert statuses_en("Most of the peacekeepers left Gao last week.") == {"Gao": "closed"}


def test_vehicles_coming_and_going_from_a_camp_do_not_close_it():
    assert statuses_en("Convoys leaving the Gao camp use the Gao-Ansongo highway.") == {}
    # ... a patrol that set out from a camp, whatever the tagger makes of its participle, and
    # whatever the learned reader would say
    text = "Une patrouille des casques bleus, partie de Gao, est arrivée sur les lieux jeudi."
    assert statuses_fr(text) == {}
    assert statuses_fr("Une patrouille, partie du camp de Gao, est arrivée sur les lieux.") == {}
    # the last one does
    assert statuses_en("The last convoy leaving the Ber camp reached Timbuktu on Friday.") == {
        "Ber": "closed"
    }


def test_a_capitalised_cue_before_a_colon_heads_its_list():
    # the tagger takes "Shut" for a name unless it is put in lower case
    text = "MINUSMA has wound down its northern camps. Shut: Ber (March) and Ansongo (September)."
    assert statuses_en(text) == {"Ber": "closed", "Ansongo": "closed"}


def test_a_people_named_as_recipient_receives():
    assert statuses_fr("Gao, elle, est passée fin septembre aux Américains.") == {
        "Gao": "handed over"
    }
    assert statuses_en("The Gao camp passed to the Americans in September.") == {
        "Gao": "handed over"
    }
    # ... a town passed through is no recipient
    assert statuses_fr("Le convoi est passé à Gao.") == {}


def test_a_recipient_after_an_aside_still_receives():
    # the parser joins "to Afghan security forces" to the aside's "in"
    text = (
        "Italian troops have handed their base at Gulistan, in the mountains of northern Farah"
        " province, to Afghan security forces, the regional command said on Friday."
    )
    found = read_text(text, None, "en", group_file("named_camps"))
    assert by_site(found) == {"Gulistan": "handed over"}


def test_a_word_that_tells_who_spoke_after_a_quotation_is_no_cue():
    # "lâcher" is a verb of leaving, but "lâche un commerçant" only says who spoke
    found = read_text(
        "« On a tout vu », lâche un commerçant du camp Croci.",
        REPORT,
        "fr",
        group_file("named_camps"),
    )
    assert found == {}
    found = read_text(
        "Les soldats ont lâché le camp Croci vendredi.", REPORT, "fr", group_file("named_camps")
    )
    assert by_site(found) == {"Camp Croci": "closed"}


def test_a_cue_word_with_an_article_is_a_noun_not_a_verb():
    # "desert" is a verb of leaving, but not in "the Timbuktu desert"
    assert statuses_en("Peacekeepers patrol Ber, in the Timbuktu desert, every week.") == {}
    assert statuses_en("Peacekeepers deserted Ber on Monday.") == {"Ber": "closed"}
    # ... nor where it qualifies a noun after that noun's article
    assert statuses_en("Most troops are at the Ber camp, the desert base by the river.") == {}


def test_an_adjective_that_judges_a_clause_is_no_cue():
    # "clear" is a verb of leaving ("cleared out of Ber"), but not in "is it clear that"
    assert statuses_en("Nor is it clear that the Malians want peacekeepers at Ber for ever.") == {}
    assert statuses_en("Peacekeepers cleared Ber on Monday.") == {"Ber": "closed"}


def test_a_state_said_by_a_verb_is_a_start_not_a_stay():
    # "the camp is still open" is the mission still there; a camp that "would open" is new
    assert statuses_en("Officials said a new camp at Ber would open in the spring.") == {}
    assert statuses_en("The camp at Ber will remain open until the liquidation.") == {
        "Ber": "pending"
    }


def test_people_stationed_at_a_site_who_go_elsewhere_leave_it():
    # "rejoin" leaves a site only when said of those stationed there -- and its object is
    # where they go
    assert statuses_en("The company stationed at Ber rejoined Timbuktu on Tuesday.") == {
        "Ber": "closed"
    }
    assert statuses_en("The company stationed at Ber will rejoin Timbuktu next week.") == {
        "Ber": "pending"
    }
    assert statuses_en("Peacekeepers rejoined Timbuktu on Tuesday.") == {}
    assert statuses_fr("La compagnie stationnée à Ber a rejoint Tombouctou mardi.") == {
        "Ber": "closed"
    }


def test_a_verb_phrase_whose_verb_the_tagger_took_for_an_adverb_is_a_cue():
    # the tagger makes "plient" an adverb of "bagage"
    assert statuses_fr("Les casques bleus de la MINUSMA plient bagage à Ber.") == {"Ber": "closed"}


def test_someone_who_takes_the_keys_of_a_camp_receives_it():
    assert statuses_en("The governor accepted the keys of the Ber camp on Friday.") == {
        "Ber": "handed over"
    }
    assert statuses_en("Governor takes the keys to the Ber camp") == {"Ber": "handed over"}
    assert statuses_fr("Le gouverneur a accepté vendredi les clés du camp de Ber.") == {
        "Ber": "handed over"
    }


def test_a_participle_taken_for_an_adjective_after_a_copula_is_its_verb():
    # the tagger makes "closed" an adjective when an adverb comes before it
    assert statuses_en(
        "Earlier in the year, the camps at Ber and Goundam were simply closed, their staff "
        "sent to Gao."
    ) == {"Ber": "closed", "Goundam": "closed"}


def test_a_participle_hung_on_a_post_strikes_it():
    assert statuses_fr("- Ber : poste levé le 21 octobre.") == {"Ber": "closed"}


def test_two_hyphens_part_an_item_s_label_from_its_note():
    assert statuses_en("* Ber -- simply closed in the summer.") == {"Ber": "closed"}


def test_an_order_received_is_no_site_received():
    found = statuses_fr(
        "Les unités stationnées à Ber, à Goundam et à Tessalit ont reçu l'ordre de se tenir "
        "prêtes à quitter leurs cantonnements à partir du 1er août."
    )
    assert "handed over" not in found.values()


def test_a_camp_s_run_down_is_its_closing():
    text = "The run-down of the naval camp at Ber will be completed by the end of September."
    assert statuses_en(text) == {"Ber": "pending"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The Ber camp became Malian again on Wednesday.", "en", {"Ber": "handed over"}),
        ("Ber is now Malian.", "en", {"Ber": "handed over"}),
        ("Ber redevient malienne.", "fr", {"Ber": "handed over"}),
        (
            "Ber et Tessalit sont désormais maliennes.",
            "fr",
            {"Ber": "handed over", "Tessalit": "handed over"},
        ),
        # ... not another people's, nor a state without a word of change
        ("The camp at Ber is now French.", "en", {}),
        ("Ber est malienne.", "fr", {}),
    ],
)
def test_a_site_that_becomes_the_host_s_was_handed_over(text, lang, expected):
    found = statuses_en(text) if lang == "en" else statuses_fr(text)
    assert found == expected


def test_an_event_noun_opening_a_note_is_a_noun_whatever_the_parser_hangs_on_it():
    # the parser makes "retrait" a verb, and the label, a country in brackets after it, its
    # subject
    assert cues_of("Birao (RCA) : retrait en cours.", "fr") == (
        ("retrait", "retrait", CLOSED, NOUN),
    )


def test_taking_off_from_a_site_is_leaving_it_in_french():
    assert statuses_fr("Les derniers casques bleus ont décollé dimanche de Gao.") == {
        "Gao": "closed"
    }
    assert statuses_fr("Les derniers casques bleus doivent s'envoler dimanche de Gao.") == {
        "Gao": "pending"
    }
    # ... but an aircraft's flight is a trip
    assert statuses_fr("Un avion a décollé de Gao pour Bamako.") == {}
