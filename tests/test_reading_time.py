"""geo.reading.time: did the event happen (closed / handed over), is it to come (pending),
or does the sentence say neither (no status)?

Past, perfect and passive tell an event that happened; future, modals, plans ("is due
to", "has yet to", "remain to be"), progressives, purposes, "before"/"ahead of" tell one
to come; "after" tells one that happened; a negation turns a past into a plan and a plan
into nothing; questions, denials and conditions tell nothing.

Tables are grouped by what the grammar says: a failure lists every sentence of the group
read otherwise.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from sentence_sets import by_site, read_text

from geo.reading.cues import find_cues
from geo.reading.lexicon import lexicon_for
from geo.reading.parse import parse
from geo.reading.time import Happened, time_of

REPORT = dt.date(2023, 12, 11)  # a Monday
DONE, PLAN, NOTHING = Happened.DONE, Happened.PLAN, Happened.NOTHING


@cache
def time_of_cue(text: str, lemma: str, lang: str = "en"):
    """The Time of the cue ``lemma`` in ``text`` (not a headline)."""
    doc = parse([text], lang)[0]
    lexicon = lexicon_for(lang)
    (cue,) = [c for c in find_cues(doc, lexicon) if c.lemma == lemma]
    return time_of(doc, cue, lexicon, False)


def statuses(text: str, lang: str = "en") -> dict[str, str]:
    return by_site(read_text(text, REPORT, lang))


# --- the module, on the parse ---------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "table"),
    [
        pytest.param(
            DONE,
            {
                "Peacekeepers vacated the camp on Friday.": "vacate",  # past
                "The mission has vacated the camp.": "vacate",  # perfect
                "The camp was handed over to the army.": "hand over",  # passive
                "The camp has been handed over to the authorities.": "hand over",
                "Peacekeepers flew home after handing over the camp.": "hand over",  # after
                "Peacekeepers were forced to withdraw from the camp.": "withdraw from",
                "The mission brought forward its exit from the camp on Sunday.": "exit",
                # what came first told in the past: the leaving followed it
                "Peacekeepers destroyed ammunition before leaving the camp.": "leave",
            },
            id="done",
        ),
        pytest.param(
            PLAN,
            {
                "The mission will vacate the camp in December.": "vacate",
                "The mission must vacate the camp by December.": "vacate",
                "The camp is due to be handed over in December.": "hand over",
                "The mission has yet to vacate the camp.": "vacate",
                "Two camps remain to be handed over.": "hand over",
                "The mission is withdrawing from the town.": "withdraw from",  # progressive
                "Engineers arrived to dismantle the camp.": "dismantle",  # purpose
                "Peacekeepers will destroy ammunition before leaving the camp.": "leave",
                "Peacekeepers destroyed ammunition ahead of the handover.": "handover",
                "The camp has not been handed over.": "hand over",  # negated perfect
                "The camp will be empty by Friday.": "empty",  # the copula's future
                "The mission is bringing forward its exit from the camp.": "exit",
            },
            id="plan",
        ),
        pytest.param(
            NOTHING,
            {
                "The mission will not vacate the camp.": "vacate",  # negated future
                "Will the mission vacate the camp?": "vacate",
                "The mission denied that it had vacated the camp.": "vacate",
                "If the mission vacates the camp, jihadists will move in.": "vacate",
                "Neither the army nor the rebels took over the camp.": "take over",
            },
            id="nothing",
        ),
    ],
)
def test_english_time(expected, table):
    assert {text: time_of_cue(text, lemma).happened for text, lemma in table.items()} == {
        text: expected for text in table
    }


@pytest.mark.parametrize(
    ("expected", "sentences"),
    [
        pytest.param(
            DONE,
            [
                "La MINUSMA a quitté le camp vendredi.",  # passé composé
                "Après avoir quitté le camp, les casques bleus sont rentrés.",
                # what came first told in the past: the leaving followed it
                "Avant de quitter le camp, les casques bleus ont détruit les munitions.",
            ],
            id="done",
        ),
        pytest.param(
            PLAN,
            [
                "La MINUSMA quittera le camp en décembre.",  # futur
                "La MINUSMA quitterait le camp en décembre.",  # conditionnel
                "La MINUSMA va quitter le camp.",
                "La MINUSMA doit encore quitter le camp.",
                "La MINUSMA n'a pas encore quitté le camp.",
                "La MINUSMA prévoit de quitter le camp.",
                "Les casques bleus sont en train de quitter le camp.",
                "Avant de quitter le camp, les casques bleus détruiront les munitions.",
            ],
            id="plan",
        ),
        pytest.param(
            NOTHING,
            [
                "La MINUSMA ne quittera pas le camp.",
                "La MINUSMA a démenti avoir quitté le camp.",
                "Si la MINUSMA quitte le camp, les jihadistes reviendront.",
                "La MINUSMA a-t-elle quitté le camp ?",
            ],
            id="nothing",
        ),
    ],
)
def test_french_time(expected, sentences):
    assert {text: time_of_cue(text, "quitter", "fr").happened for text in sentences} == {
        text: expected for text in sentences
    }


def test_a_negation_is_recorded():
    assert time_of_cue("The camp has not been handed over.", "hand over").negated
    assert not time_of_cue("The camp has been handed over.", "hand over").negated


def test_an_event_noun_takes_its_time_from_its_verb():
    text = "The handover of the camp took place on Friday."
    time = time_of_cue(text, "handover")
    assert time.happened is DONE
    assert parse([text], "en")[0][time.verb].text == "took"  # the verb whose date dates the event


# --- what the map shows ---------------------------------------------------------


@pytest.mark.parametrize(
    "table",
    [
        pytest.param(
            {
                "MINUSMA had already vacated its camp in Gao.": "closed",
                "The Gao camp has been handed over to the authorities.": "handed over",
                "After the handover of the Gao camp, peacekeepers flew to Bamako.": "handed over",
                "After leaving Gao, the peacekeepers flew to Bamako.": "closed",
                "The handover of the Gao camp took place on Friday.": "handed over",
                "The withdrawal from Gao is complete.": "closed",
                "Gao was the last camp in the north to be vacated.": "closed",
                "The withdrawal began in April, when the peacekeepers handed over the Gao camp.": (
                    "handed over"
                ),
            },
            id="happened",
        ),
        pytest.param(
            {
                "MINUSMA will hand over its Gao camp to the authorities.": "pending",
                "MINUSMA is going to leave Gao.": "pending",
                "MINUSMA still needs to close its camp in Gao.": "pending",
                "The Gao camp is scheduled to close on 15 December.": "pending",
                "MINUSMA is in the process of leaving Gao.": "pending",
                "The mission said it would hand over the Gao camp.": "pending",
                "The Gao camp is being dismantled.": "pending",
                "MINUSMA deployed engineers to dismantle its camp in Gao.": "pending",
                "Ahead of the handover of the Gao camp, peacekeepers destroyed equipment.": "pending",
                "The handover of the Gao camp is planned for December.": "pending",
                "The Gao camp has not yet been handed over.": "pending",
                "Gao is the last camp in the north still to go.": "pending",
                "The handover of the Gao camp was postponed to January.": "pending",
                "A small team will stay behind in Gao until the liquidation ends.": "pending",
                "Officials said the Gao camp would be among the first to close.": "pending",
                "- Gao: withdrawal to be finished by mid-January.": "pending",
                "The peacekeepers are due out of Gao next month.": "pending",
                "Peacekeepers at Gao are due out by June.": "pending",
            },
            id="to-come",
        ),
        pytest.param(
            {
                "The mission won't hand over the Gao camp to the junta.": None,
                "Has MINUSMA left Gao?": None,
                "MINUSMA denied reports that peacekeepers had abandoned the Gao camp.": None,
                "If MINUSMA leaves Gao, jihadists could move in.": None,
                "A spokesman denied any plan to withdraw from Gao.": None,
                "Officials said there was no plan to withdraw troops from Gao.": None,
                "The Gao camp will remain open for the foreseeable future.": None,
            },
            id="no-status",
        ),
    ],
)
def test_the_status_of_gao(table):
    assert {text: statuses(text).get("Gao") for text in table} == table


def test_the_status_of_gao_in_french():
    table = {
        "Le camp de Gao a été rétrocédé aux autorités maliennes.": "handed over",
        "La MINUSMA quittera Gao en décembre.": "pending",
        "Plus au nord, la MINUSMA a quitté Gao un mois plus tard.": "closed",
        "Le camp de Gao sera le premier à être évacué.": "pending",
        "Le camp de Gao a été le premier à être évacué.": "closed",
        "La MINUSMA quitterait Gao avant la fin de l'année.": "pending",
        "La MINUSMA doit encore quitter Gao.": "pending",
        "Le camp de Gao n'a pas encore été rétrocédé.": "pending",
        "Le retrait de Gao est prévu pour décembre.": "pending",
        "Gao : départ de la garnison annoncé pour le début de l'an prochain.": "pending",
        "Gao : dernière base, remise prévue en décembre.": "pending",
        "Quant au départ des derniers Casques bleus de Gao, il est prévu avant Noël.": "pending",
        "Quant au retrait de Gao, il a eu lieu mardi.": "closed",
        "Une cérémonie de remise du camp de Gao est prévue lundi.": "pending",
        "Une partie du retrait de Gao a été différée.": "pending",
        "Le contingent de Gao se prépare à son tour au départ.": "pending",
        "L'ONU dément avoir évacué ses observateurs de Gao.": None,
        "Gao livrée à elle-même depuis le départ de la MINUSMA": "closed",
        "La MINUSMA ne quittera pas Gao.": None,
        "Défense : pas d'évacuation anticipée du camp de Gao": None,
        "Gao : pas de retrait avant l'été, selon l'état-major.": None,
        "Le site de Gao a été évacué en juillet, sans transfert officiel.": "closed",
        "Gao : les observateurs de l'ONU constatent les premiers départs": "pending",
        "La MINUSMA a signé un accord fixant les modalités du retrait de Gao.": "pending",
        "Selon le document, les bataillons de Gao doivent plier bagage en juin.": "pending",
        "Si la MINUSMA quittait Gao, la ville serait exposée.": None,
    }
    assert {text: statuses(text, "fr").get("Gao") for text in table} == table


def test_a_negated_past_leaves_the_site_pending():
    assert statuses("MINUSMA did not leave Gao on schedule.") == {"Gao": "pending"}


def test_when_the_mission_leaves_is_still_to_come():
    text = "When the mission leaves Gao next month, the army will take over."
    assert statuses(text) == {"Gao": "pending"}


@pytest.mark.xfail(
    strict=True,
    reason="with the condition after the main clause the tagger reads 'quitte' as SCONJ, the stem"
    " guess makes it a done 'quitter' and 'si' hangs elsewhere: Gao is read closed. An analyst"
    " reads a condition: no status.",
)
def test_french_condition_after_the_main_clause_gives_no_status():
    assert statuses("Les jihadistes reviendront si la mission quitte Gao.", "fr") == {}


def test_an_event_named_with_its_day_is_timed_by_it():
    table = {
        "Yesterday's handover of Ansongo to the police was only the beginning.": {
            "Ansongo": "handed over"
        },
        "Friday's handover of Ansongo will be attended by the governor.": {"Ansongo": "pending"},
    }
    assert {text: statuses(text) for text in table} == table


def test_a_french_passive_keeps_the_future_or_conditional_of_its_etre():
    # the parser hangs this "sera" as a copula, not as the passive's auxiliary
    long_sentence = (
        "À Gao, dans l'ouest, l'antenne de liaison ouverte en octobre auprès du contingent"
        " camerounais de la force africaine sera fermée d'ici à la fin de l'année."
    )
    assert time_of_cue(long_sentence, "fermer", "fr").happened is PLAN
    assert statuses("La base de Gao serait vidée en premier.", "fr") == {"Gao": "pending"}
    # the conditional perfect of French reporting tells what someone claims happened
    assert statuses("La base de Gao aurait été vidée la semaine dernière.", "fr") == {}
    text = "Selon des témoins, les casques bleus auraient déjà quitté Gao."
    assert statuses(text, "fr") == {}
    text = "La mission a confirmé que ses casques bleus auraient quitté Gao avant la fin du mandat."
    assert statuses(text, "fr") == {"Gao": "pending"}
    # ... and on a participle the tagger took for an adverb
    text = "D'après le planning de la mission, Tessalit sera évacué ce week-end."
    assert statuses(text, "fr") == {"Tessalit": "pending"}
    assert statuses("Le camp de Gao a été évacué au début de février.", "fr") == {"Gao": "closed"}


def test_a_bare_participle_shares_the_auxiliaries_of_the_verb_it_is_joined_to():
    text = "The posts at Gao would be taken down or handed to the army within weeks."
    assert statuses(text) == {"Gao": "pending"}
    # ... but not a negation that "but" turns round
    text = "The Bourem position was not abandoned but handed over to the Malian gendarmerie."
    assert statuses(text) == {"Bourem": "handed over"}


def test_a_stay_someone_asks_for_is_no_closure_to_come():
    assert statuses("The peacekeepers will remain in Gao until June.") == {"Gao": "pending"}
    assert statuses("The governor urged the peacekeepers to remain in Gao until June.") == {}
    text = "Le gouverneur a demandé que les casques bleus demeurent à Gao jusqu'à l'été."
    assert statuses(text, "fr") == {}


def test_a_plan_that_did_not_come_about_is_still_to_come():
    text = "Gao was to have been handed over to the army in May, but the handover was postponed."
    assert statuses(text) == {"Gao": "pending"}
    # a perfect infinitive under another verb is a past still
    assert statuses("Peacekeepers were accused of having left Gao without notice.") == {
        "Gao": "closed"
    }


def test_the_last_to_be_handed_over_is_a_turn_to_come_when_it_is_expected():
    text = "The Gao camp is expected to be the last to be handed over, possibly in July."
    assert statuses(text) == {"Gao": "pending"}
    assert statuses("Gao is to be the last camp to be handed over.") == {"Gao": "pending"}
    assert statuses("Gao was the last camp to be handed over.") == {"Gao": "handed over"}
    # the tense is the copula's, however far above the count it stands
    text = "Gao will probably be one of the final bases to shut."
    assert statuses(text) == {"Gao": "pending"}
    text = "The mission's base in Gao should be one of the final ones to shut."
    assert statuses(text) == {"Gao": "pending"}
    assert statuses("Gao was one of the first bases to close.") == {"Gao": "closed"}
    text = "La dernière installation démontée sera Gao."
    assert statuses(text, "fr") == {"Gao": "pending"}
    text = "Gao sera l'une des dernières bases à fermer."
    assert statuses(text, "fr") == {"Gao": "pending"}
    # ... but not across an apposition, which names anew
    text = (
        "People asked what would happen to the Ansongo base Chad's MINUSMA troops left on 5 April."
    )
    assert statuses(text) == {"Ansongo": "closed"}
    # ... and a relative clause in the present tells a turn to come
    text = "The port of Gao will be among the last places the peacekeepers leave."
    assert statuses(text) == {"Gao": "pending"}
    text = "Gao is expected to be the last place the mission gives up."
    assert statuses(text) == {"Gao": "pending"}
    assert statuses("Gao was the last place the peacekeepers left.") == {"Gao": "closed"}


def test_a_handover_in_preparation_is_still_to_come():
    text = "La remise du camp de Gao à la police est en préparation."
    assert statuses(text, "fr") == {"Gao": "pending"}
    # ... and an event noun under way in a list's item, also one the tagger takes for a verb
    assert statuses("- Kidal: evacuation under way; two vehicles still on site.") == {
        "Kidal": "pending"
    }
    assert statuses("Kidal : remise en cours.", "fr") == {"Kidal": "pending"}


def test_only_one_thing_left_to_do_is_still_to_come():
    assert statuses("Il ne reste plus qu'à vider la base de Gao.", "fr") == {"Gao": "pending"}
    text = "La mission a entamé le démontage de sa base de Gao."
    assert statuses(text, "fr") == {"Gao": "pending"}


def test_an_event_noun_that_is_denied_gives_nothing():
    assert statuses("MINUSMA denied the withdrawal of its troops from Gao on Monday.") == {}
    assert statuses("La Minusma a démenti tout retrait de Gao.", "fr") == {}


def test_a_superlative_subject_does_not_count_turns():
    # "the second camp to be handed over" counts handovers done; "the largest ... is to be
    # handed" does not
    text = "The largest of all, the Gao supercamp, is to be handed next Tuesday to the Malian army."
    assert statuses(text) == {"Gao": "pending"}


def test_an_obligation_told_in_the_past_came_about():
    table = {
        "The peacekeepers had to leave Ber under fire.": {"Ber": "closed"},
        "The peacekeepers have to leave Ber by May.": {"Ber": "pending"},
    }
    assert {text: statuses(text) for text in table} == table
    table = {
        "Les casques bleus avaient dû déserter Ber sous les tirs.": {"Ber": "closed"},
        # the imperfect says what was due
        "Les casques bleus devaient quitter Ber en mai.": {"Ber": "pending"},
    }
    assert {text: statuses(text, "fr") for text in table} == table


def test_a_withdrawal_finished_happened_and_one_still_to_go_did_not():
    assert statuses("Les casques bleus ont fini d'évacuer Ber mardi.", "fr") == {"Ber": "closed"}
    assert statuses("Les casques bleus ont achevé d'évacuer Ber mardi.", "fr") == {"Ber": "closed"}
    assert statuses("MINUSMA Troops Finish Leaving Gao Camp, Timbuktu Still To Go") == {
        "Gao": "closed",
        "Timbuktu": "pending",
    }


def test_a_site_s_turn_told_in_the_past_came():
    text = "En mai, c'était au tour de Ber, poste du cercle de Goundam, d'être fermé."
    assert statuses(text, "fr") == {"Ber": "closed"}


def test_the_first_sites_to_close_have_closed():
    # a first contingent leaving starts a withdrawal; the first sites closing are closed
    text = (
        "La MINUSMA a quitté Gao. Ansongo et Ménaka, les premières antennes concernées par la"
        " réduction, avaient fermé dès 2022."
    )
    assert statuses(text, "fr") == {"Gao": "closed", "Ansongo": "closed", "Ménaka": "closed"}
    text = "Un premier contingent de 120 casques bleus a quitté Gao lundi."
    assert statuses(text, "fr") == {"Gao": "pending"}
    # ... and so does the first of what is taken away, told in the passive
    text = "The first hangars at the Ber camp were emptied in October."
    assert statuses(text) == {"Ber": "pending"}


def test_nor_opening_a_clause_negates_it():
    text = "MINUSMA has not left Ber yet. Nor has the Goundam base been emptied so far."
    assert statuses(text) == {"Ber": "pending", "Goundam": "pending"}


def test_a_chronology_s_items_without_a_verb_happened():
    text = "La MINUSMA en quelques dates :\nMars 2023 - Retrait de Ber.\nAoût 2023 - Départ des casques bleus de Tessalit."
    assert statuses(text, "fr") == {"Ber": "closed", "Tessalit": "closed"}
    # ... but a lead-in to a list tells no event of its own
    text = (
        "Le retrait de la MINUSMA en deux dates :\n- octobre : évacuation de Ber ;\n"
        "- 22 octobre : rétrocession aux FAMa du camp de Tessalit."
    )
    found = statuses(text, "fr")
    assert found["Ber"] == "closed" and found.get("Tessalit") != "closed"


def test_a_leaving_in_a_when_clause_of_a_future_is_to_come_whatever_its_tense():
    text = "Sovereignty will be complete only when the last sentry has marched out of Kidal."
    assert statuses(text) == {"Kidal": "pending"}
    text = "Malian units would relieve the post at Kidal as and when it was given up."
    assert statuses(text) == {"Kidal": "pending"}
    # ... but not under a past: the leaving came first
    assert statuses("The army moved in once the last troops had left Kidal.") == {"Kidal": "closed"}
    # ... nor after it, whatever the main clause's tense
    text = "He said his men would guard the town, moments after they took over the Kidal camp."
    assert statuses(text) == {"Kidal": "closed"}


def test_a_present_the_tagger_gives_as_a_bare_form_after_its_subject_is_a_present():
    # the tagger makes "pass" a bare form (VB) after its plural subject
    text = "With effect from today, the mission's offices in Gao and Kidal pass to the army."
    assert statuses(text) == {"Gao": "handed over", "Kidal": "handed over"}
    # ... and a turn told so is still the schedule's
    assert statuses("The pair of camps next to the airport in Gao come next.") == {"Gao": "pending"}


def test_a_perfect_in_the_subjunctive_under_an_obligation_is_still_to_come():
    text = "Avant cette date, il faudra que la mission ait fermé les cantonnements qu'elle occupe à Kidal."
    assert statuses(text, "fr") == {"Kidal": "pending"}


def test_a_correction_takes_back_what_the_paper_told_before():
    text = (
        "CORRECTION\nAn article on Monday stated that the peacekeepers had handed the Ber camp"
        " to the army. No handover took place: the camp was simply vacated on 2 December."
    )
    assert statuses(text) == {"Ber": "closed"}
    text = (
        "Rectificatif. — Dans notre article du 10 décembre, nous avons écrit que les casques"
        " bleus avaient remis Tessalit aux FAMa. En réalité, ils ont quitté la ville le"
        " 1er décembre."
    )
    assert statuses(text, "fr") == {"Tessalit": "closed"}
    # ... but in a report that corrects nothing, a story of the paper is a source like another
    text = "An article on Monday stated that the peacekeepers had handed the Ber camp to the army."
    assert statuses(text) == {"Ber": "handed over"}


def test_a_chronology_s_items_opened_by_a_day_happened():
    # the parser hangs the event on the day that opens the line
    text = (
        "La MINUSMA en trois dates\n12 septembre 2023 : évacuation de Ber.\n"
        "25 novembre 2023 : fermeture des postes de Tessalit et d'Aguelhok."
    )
    assert statuses(text, "fr") == {"Ber": "closed", "Tessalit": "closed", "Aguelhok": "closed"}


def test_a_present_after_the_earlier_day_it_tells_is_a_past():
    text = (
        "2 décembre 2023 : les paras quittent Kidal.\n\nLe 4 décembre, les paras quittent Tessalit."
    )
    assert statuses(text, "fr") == {"Kidal": "closed", "Tessalit": "closed"}
    # a day told after the verb may be another clause's: what the Togolese hold now is no event
    text = "Les Togolais occupent le camp de Ber, que la MINUSMA leur avait cédé le 2 décembre."
    assert statuses(text, "fr") == {"Ber": "handed over"}


def test_an_item_s_event_noun_taken_for_a_verb_is_still_a_noun():
    # the tagger takes "remise" for a verb in the subjunctive; the note's plan is the noun's
    text = (
        "Où en sont les camps :\n- Gao : remise à l'armée malienne en préparation.\n"
        "- Ber : remise à l'armée prévue, date encore à fixer.\n"
        "- Tessalit (bataillon tchadien) : remise à l'armée en préparation."
    )
    assert statuses(text, "fr") == {"Gao": "pending", "Ber": "pending", "Tessalit": "pending"}
    # ... and so is one after its article, whose handover is still to sign
    text = "Le camp de Gao a fermé le 8 septembre ; sa remise formelle à l'armée reste à signer."
    assert statuses(text, "fr") == {"Gao": "closed"}


def test_not_before_a_day_is_still_to_come():
    assert statuses("The Gao camp will not close before June.") == {"Gao": "pending"}
    assert statuses("Le camp de Gao ne fermera pas avant juin.", "fr") == {"Gao": "pending"}
    # ... but not at all is nothing
    assert statuses("The Gao camp will not close.") == {}
    assert statuses("Le camp de Gao ne fermera pas.", "fr") == {}


def test_a_french_headline_s_pas_encore_is_not_yet():
    assert statuses("La MINUSMA quitte Gao, Ber pas encore évacuée", "fr") == {
        "Gao": "closed",
        "Ber": "pending",
    }


def test_a_french_event_noun_after_pas_de_is_negated():
    assert statuses("Gao : pas de départ en vue pour les casques bleus", "fr") == {}
    assert statuses("Gao : départ des casques bleus", "fr") == {"Gao": "closed"}
    # ... "pas" with a verb still needs its "ne"
    assert statuses("Les casques bleus ont quitté Gao pas loin de l'aube.", "fr") == {
        "Gao": "closed"
    }


def test_a_condition_put_by_inversion_is_no_plan():
    table = {
        "Jihadist groups would enjoy more freedom should MINUSMA troops pull out of Ber and"
        " Goundam, an analyst cautioned.": {},
        "Should the talks fail, the observers would be obliged to abandon their positions at"
        " Ber and Goundam.": {},
        # "should" in its place is an obligation
        "The peacekeepers should leave Gao by December.": {"Gao": "pending"},
    }
    assert {text: statuses(text) for text in table} == table


def test_an_event_ruled_out_is_no_plan():
    assert statuses("There is no question of MINUSMA leaving Ber.") == {}
    assert statuses("Il n'est pas question pour la MINUSMA de quitter Ber.", "fr") == {}


def test_a_denial_the_tagger_takes_for_another_word_is_still_a_denial():
    # "nie" is tagged an adjective with the lemma "ni"
    assert statuses("Gao : la MINUSMA nie vouloir partir avant l'hiver", "fr") == {}
    # ... and one the parser cuts from the plan it denies
    assert statuses("La MINUSMA a démenti vouloir fermer son camp de Gao.", "fr") == {}
    # ... and one the parser hangs on a word before it ("onusienne" taken for the verb)
    text = "Le chef de la mission onusienne a démenti jeudi toute intention de quitter Gao."
    assert statuses(text, "fr") == {}
    text = "Le chef de la mission onusienne a démenti jeudi tout projet de retrait de Gao."
    assert statuses(text, "fr") == {}
    # ... and one the tagger takes for a pronoun, the day after it for the verb
    assert statuses("La MINUSMA a démenti jeudi avoir abandonné son poste de Ber.", "fr") == {}
    # an intention announced is a plan
    assert statuses("La mission a annoncé jeudi son intention de quitter Gao.", "fr") == {
        "Gao": "pending"
    }


def test_a_french_imperfect_presence_says_the_mission_was_there_before():
    text = "La base de Gao, qui abritait le siège de la mission, a été transférée mardi à l'ONU."
    assert statuses(text, "fr") == {"Gao": "handed over"}
    assert statuses("Le contingent tenait depuis mars une position à Gao.", "fr") == {}


def test_a_french_conditional_etre_the_tagger_takes_for_an_imperfect_is_a_plan():
    text = (
        "Le président a précisé vendredi que les emprises de la mission à Kidal, Tessalit et"
        " Tombouctou seraient fermées d'ici au début de 2024, dans le cadre d'une profonde"
        " réorganisation."
    )
    assert statuses(text, "fr") == {
        "Kidal": "pending",
        "Tessalit": "pending",
        "Timbuktu": "pending",
    }


def test_yet_to_is_a_plan_even_when_the_parser_hangs_has_on_the_infinitive():
    assert statuses("The base at Ber has likewise yet to be vacated, he added.") == {
        "Ber": "pending"
    }


def test_an_event_asked_about_rumoured_or_supposed_gives_the_site_nothing():
    table = {
        "Residents asked on Tuesday whether the mission intended to close its post at Gao.": {},
        "Rumours that the peacekeepers had left Gao spread through the market on Tuesday.": {},
        "If no agreement is reached, the observers would have to pack up and leave Gao.": {},
        "If the peacekeepers were to leave Gao, the armed groups would gain ground.": {},
        # a plan that hangs on a condition is still a plan
        "If the talks fail, the mission will leave Gao.": {"Gao": "pending"},
    }
    assert {text: statuses(text) for text in table} == table
    table_fr = {
        "Le commandement a démenti lundi les rumeurs d'un départ précipité des casques bleus"
        " de Gao.": {},
        "Interrogé sur la date d'un éventuel départ de Gao, l'état-major n'a rien dit.": {},
    }
    assert {text: statuses(text, "fr") for text in table_fr} == table_fr


def test_a_site_the_mission_keeps_is_no_closure_to_come_unless_the_stay_is_bounded():
    text = "The mission is keeping its offices in Gao and Timbuktu."
    assert statuses(text) == {}
    text = "The mission still keeps a small office in Gao, to be closed in December."
    assert statuses(text) == {"Gao": "pending"}
    # a "last" in a past clause about somewhere else bounds nothing
    text = (
        "Peacekeepers will stay in Gao, while reinforcements are sent to Mopti, where the last"
        " attack killed ten people."
    )
    assert statuses(text) == {}


def test_in_french_a_site_the_mission_keeps_is_no_closure_to_come():
    text = (
        "Pour les 3 700 casques bleus déjà présents, le changement se résume à un nouveau"
        " brassard : ils gardent leurs emprises de Gao, Mopti et Tombouctou."
    )
    assert statuses(text, "fr") == {}


def test_a_mission_still_somewhere_has_a_closure_to_come():
    assert statuses("Peacekeepers are still in Kidal.") == {"Kidal": "pending"}
    assert statuses("MINUSMA still has troops in Kidal.") == {"Kidal": "pending"}
    assert statuses("Les casques bleus sont toujours à Kidal.", "fr") == {"Kidal": "pending"}
    assert statuses("La MINUSMA a toujours des troupes à Kidal.", "fr") == {"Kidal": "pending"}
    # being there, without "still", or someone else still there, says nothing
    assert statuses("Peacekeepers are in Kidal.") == {}
    assert statuses("The Malian army is still in Kidal.") == {}
    assert statuses("L'armée est toujours à Kidal.", "fr") == {}


def test_a_mission_no_longer_having_troops_somewhere_has_left():
    assert statuses("The mission no longer has any troops in Tessalit.") == {"Tessalit": "closed"}
    assert statuses("MINUSMA has had no camp in Léré since 2017.") == {"Léré": "closed"}
    # having a camp says nothing; never having had one, nothing either
    assert statuses("MINUSMA has a camp in Gao and an office in Bamako.") == {}
    assert statuses("La MINUSMA n'a jamais eu de camp à Léré.", "fr") == {}
    assert statuses("The army no longer has troops in Tessalit.") == {}
    # a town that never hosted the mission had nothing to close
    assert statuses("Bourem and Diré never hosted MINUSMA bases, a spokesman said.") == {}
    assert statuses("Bourem no longer hosts a MINUSMA base.") == {"Bourem": "closed"}
    # there being none of its people there now is its having left; none then, nothing
    assert statuses("There are no peacekeepers in Ber any more.") == {"Ber": "closed"}
    assert statuses("There were no peacekeepers in Ber at the time.") == {}


def test_an_event_feared_is_neither_done_nor_planned():
    assert (
        statuses("Mission spokesman: Gao, Timbuktu and Kidal residents fear the withdrawal") == {}
    )
    assert statuses("Les habitants de Gao craignent le départ de la MINUSMA.", "fr") == {}


def test_an_event_noun_after_a_headline_s_kicker_happened():
    text = "Mali : Fermeture Du Camp De La MINUSMA À Gao\n\nBAMAKO – Les casques bleus sont partis."
    assert statuses(text, "fr") == {"Gao": "closed"}
    text = "Mali: the planned closure of the UN camp in Gao\n\nBAMAKO – More to follow."
    assert statuses(text) == {"Gao": "pending"}


def test_a_claim_met_with_a_denial_is_no_event():
    # "that" taken for the object of "had left", which has an object of its own
    text = "A spokesman on Monday denied reports on local radio that UN troops had left Gao."
    assert statuses(text) == {}
    text = (
        "Jeudi, le porte-parole de la MINUSMA a opposé un démenti à une radio, qui affirmait"
        " que les Casques bleus avaient déserté leur poste de Gao."
    )
    assert statuses(text, "fr") == {}
    text = (
        "Les responsables maliens qui assuraient que la MINUSMA s'était déjà retirée de Ménaka"
        " ont été démentis."
    )
    assert statuses(text, "fr") == {}
    # the small French model may cut "a nié | avoir abandonné" in two, or hang "nié" below
    assert statuses("La MINUSMA a nié avoir abandonné Gao.", "fr") == {}
    # ... and reports that something happened, rejected
    text = (
        "The mission rejected reports in the press that its soldiers had given up the Gao airport."
    )
    assert statuses(text) == {}
    # ... and one denied in a relative clause after it
    text = (
        "Des internautes ont affirmé que le camp de Gao allait fermer, ce que les responsables"
        " ont catégoriquement démenti."
    )
    assert statuses(text, "fr") == {}
    text = "The Gao camp will close in June, which will leave Kidal as the last base."
    assert statuses(text) == {"Gao": "pending", "Kidal": "pending"}
    assert (
        statuses("Vendredi, la MINUSMA a nié avoir abandonné Gao, où elle tient un poste.", "fr")
        == {}
    )
    assert statuses("La MINUSMA a annoncé avoir abandonné Gao.", "fr") == {"Gao": "closed"}
    text = "The mission issued a denial to a radio station that said peacekeepers had left Gao."
    assert statuses(text) == {}
    # what is said and not denied stands, and so does a denial by someone who left
    assert statuses("A spokesman said the peacekeepers had left Gao.") == {"Gao": "closed"}
    assert statuses("The mission, which left Gao on Monday, denied the reports.") == {
        "Gao": "closed"
    }


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Reports that MINUSMA had deserted its Ber camp are untrue, a spokesperson said.",
            "en",
            {},
        ),
        ("Les informations selon lesquelles la MINUSMA a quitté Ber sont fausses.", "fr", {}),
        ("Reports that the troops had left Ber are pure invention, a spokesman said.", "en", {}),
        ("Reports that MINUSMA had left Ber were a fabrication, the mission said.", "en", {}),
        ("A story on Tuesday wrongly said peacekeepers had handed over the Ber camp.", "en", {}),
        (
            "Un article affirmait à tort que les casques bleus avaient remis le camp de Ber.",
            "fr",
            {},
        ),
        ("Une dépêche annonçait par erreur que la MINUSMA avait quitté Tessalit.", "fr", {}),
        # what a correction takes back
        ("An earlier version of this report said MINUSMA had handed over the Ber camp.", "en", {}),
        (
            "Une précédente version de cet article indiquait que la MINUSMA avait quitté Ber.",
            "fr",
            {},
        ),
        # ... but a report confirmed, or told rightly, is an event
        (
            "Reports that MINUSMA had left Ber were confirmed by the mission.",
            "en",
            {"Ber": "closed"},
        ),
        (
            "A story on Tuesday said peacekeepers had handed over the Ber camp.",
            "en",
            {"Ber": "handed over"},
        ),
    ],
)
def test_what_is_said_to_be_untrue_or_told_wrongly_is_no_event(text, lang, expected):
    assert statuses(text, lang) == expected


def test_a_leaving_after_something_told_in_the_past_happened():
    text = "Peacekeepers destroyed vehicles and ammunition before leaving the Tessalit camp."
    assert statuses(text) == {"Tessalit": "closed"}
    text = "Les casques bleus ont détruit du matériel avant de quitter le camp de Tessalit."
    assert statuses(text, "fr") == {"Tessalit": "closed"}
    # ... but not after something still to come
    text = "Peacekeepers will destroy vehicles before leaving the Tessalit camp."
    assert statuses(text) == {"Tessalit": "pending"}
    text = "La MINUSMA doit remettre le camp aux FAMa avant de quitter Tessalit."
    assert statuses(text, "fr") == {"Tessalit": "pending"}


def test_earlier_than_planned_is_no_negation():
    text = "La Minusma a achevé son retrait de Tessalit et d'Aguelhok plus tôt que prévu."
    assert statuses(text, "fr") == {"Tessalit": "closed", "Aguelhok": "closed"}
    assert statuses("La Minusma n'est plus présente à Kidal.", "fr") == {"Kidal": "closed"}


def test_a_headline_s_verbs_tell_what_happened_whatever_the_tagger_calls_them():
    # "hand" tagged as a noun, "leave" as an infinitive: a headline's present is its past
    assert statuses("Bersaglieri hand Ansongo camp to Malian authorities") == {
        "Ansongo": "handed over"
    }
    assert statuses("Peacekeepers hand Ansongo camp to Malian authorities and leave Ber") == {
        "Ansongo": "handed over",
        "Ber": "closed",
    }
    # a headline's "to" is a plan, for every verb joined to it
    assert statuses("MINUSMA to hand Ansongo camp to the army and leave Ber") == {
        "Ansongo": "pending",
        "Ber": "pending",
    }


def test_an_eviction_backed_or_endorsed_is_still_to_come():
    assert statuses("Malian senate backs eviction of peacekeepers from Ber camp") == {
        "Ber": "pending"
    }
    assert statuses("The eviction of peacekeepers from Ber was completed on Monday.") == {
        "Ber": "closed"
    }
    assert statuses("Le Sénat a entériné l'expulsion de la MINUSMA de Gao.", "fr") == {
        "Gao": "pending"
    }
    assert statuses("Le Parlement a avalisé le retrait de la MINUSMA de Gao.", "fr") == {
        "Gao": "pending"
    }


def test_a_bare_infinitive_seen_happened_when_it_was_seen():
    # the parser makes "pass" the complement of "saw", not its object's verb
    assert statuses("December saw the Ber post pass to Mali's border police.") == {
        "Ber": "handed over"
    }
    assert statuses("The army wants the peacekeepers to leave Ber.") == {"Ber": "pending"}


def test_a_headline_s_word_of_timing_makes_its_noun_a_plan():
    # the tagger makes "set" the headline's noun, not the participle it is
    assert statuses("Ber pull-out set for mid-December") == {"Ber": "pending"}
    assert statuses("Ber handover set for Friday") == {"Ber": "pending"}
    assert statuses("Ber handover ends a decade of UN presence") == {"Ber": "handed over"}


def test_a_closure_pencilled_in_is_still_to_come():
    assert statuses(
        "Only Ber, the isolated camp in the north, is still manned, and its closure is "
        "pencilled in for the end of the month."
    ) == {"Ber": "pending"}


def test_a_question_the_report_answers_yes_tells_what_it_asks():
    assert statuses("Have the peacekeepers left Ber? Yes. They flew out on Monday.") == {
        "Ber": "closed"
    }
    assert statuses("Q: Will the UN leave Gao?\nA: Yes, by June.") == {"Gao": "pending"}
    assert statuses("Les casques bleus ont-ils quitté Ber ? Oui.", "fr") == {"Ber": "closed"}
    # not answered, or answered no, it tells nothing
    assert statuses("Have the peacekeepers left Ber? No.") == {}
    assert statuses("Have the peacekeepers left Ber? Nobody would say.") == {}


def test_a_completion_said_with_would_or_will_is_still_to_come():
    text = "The closure of the Gao headquarters would be complete by the end of October."
    assert statuses(text) == {"Gao": "pending"}
    assert statuses("La fermeture du camp de Gao sera achevée en octobre.", "fr") == {
        "Gao": "pending"
    }
    assert statuses("The closure of the Gao headquarters is complete.") == {"Gao": "closed"}


def test_an_event_told_again_and_again_is_no_site_s_turn():
    text = "The town of Gao changed hands several times during the 2012 rebellion."
    assert statuses(text) == {}
    text = "La ville de Gao a changé de mains à plusieurs reprises pendant la rébellion."
    assert statuses(text, "fr") == {}
    # "this time" is one time
    assert statuses("This time the peacekeepers left Gao quietly.") == {"Gao": "closed"}
    assert statuses("The Gao camp changed hands on Monday.") == {"Gao": "handed over"}


def test_a_verb_that_leaves_out_is_to_be_takes_its_plan():
    text = "The lease on the Gao premises is to be ended and the building returned to its owner."
    assert statuses(text) == {"Gao": "pending"}
    assert statuses("The lease ended and the Gao building returned to its owner.") == {
        "Gao": "handed over"
    }


def test_a_present_dated_to_a_day_still_to_come_is_a_plan():
    assert statuses("The UN flag comes down over Ber at midnight.") == {"Ber": "pending"}
    assert statuses("MINUSMA hands Ber to army tomorrow") == {"Ber": "pending"}
    assert statuses("MINUSMA leaves Ber next week.") == {"Ber": "pending"}
    text = "La MINUSMA rétrocède demain son camp de Ber à l'armée malienne."
    assert statuses(text, "fr") == {"Ber": "pending"}
    # undated, the present of a report tells what happened
    assert statuses("MINUSMA hands Ber over to the army.") == {"Ber": "handed over"}


def test_an_imperfect_said_with_still_is_under_way():
    text = "La MINUSMA évacuait encore mardi soir les derniers équipements de son camp de Ber."
    assert statuses(text, "fr") == {"Ber": "pending"}
    text = "À Ber, les casques bleus démontaient toujours le camp mardi soir."
    assert statuses(text, "fr") == {"Ber": "pending"}
    # without "encore", the imperfect tells what was done
    text = "La MINUSMA évacuait mardi soir les derniers équipements de son camp de Ber."
    assert statuses(text, "fr") == {"Ber": "closed"}


def test_work_on_doing_something_is_under_way_until_it_is_complete():
    assert statuses("Work on dismantling the Ber camp will start next week.") == {"Ber": "pending"}
    assert statuses("Work on dismantling the Ber camp has started.") == {"Ber": "pending"}


def test_an_event_noun_dated_in_its_own_phrase_takes_that_day_s_time():
    text = "The handover of the Ber camp last Thursday was not a humiliation for Paris."
    assert statuses(text) == {"Ber": "handed over"}
    text = "La remise du camp de Ber, jeudi dernier, n'est pas une humiliation pour Paris."
    assert statuses(text, "fr") == {"Ber": "handed over"}
    text = "The handover of the Ber camp next Thursday will be a turning point."
    assert statuses(text) == {"Ber": "pending"}
    # ... an event said not to have happened that day still did not
    assert statuses("There was no handover of the Ber camp last Thursday.") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            # the parser hangs "interviendra" on "autorités", leaving the noun alone at the root
            "La rétrocession de Ber aux autorités maliennes interviendra au cours du mois de"
            " janvier.",
            {"Ber": "pending"},
            id="an event noun takes the time of its verb hung below it",
        ),
        pytest.param(
            # "prévu" hangs on "MINUSMA", not on "transfert"
            "- Ber : transfert à la MINUSMA prévu le 13 décembre.",
            {"Ber": "pending"},
            id="an item's event noun takes the plan hung on its recipient",
        ),
        pytest.param(
            "Les premiers camps à être évacués seront ceux de Ber et de Goundam.",
            {"Ber": "pending", "Goundam": "pending"},
            id="the first to go in a future copula taken for an auxiliary are to come",
        ),
        pytest.param(
            "Non loin de là, le camp de Ber est vide depuis la fin mai.",
            {"Ber": "closed"},
            id="a place not far away is no negation",
        ),
        pytest.param(
            "Les casques bleus ont fini cette semaine de démonter leur camp de Ber.",
            {"Ber": "closed"},
            id="a task finished, its infinitive hung on the time between them",
        ),
        pytest.param(
            "La remise du camp de Ber a été décalée au 20 novembre.",
            {"Ber": "pending"},
            id="an event put back is still to come",
        ),
        pytest.param(
            "Les casques bleus ont vidé le camp de Kidal, dix jours après s'être retirés de"
            " Tessalit.",
            {"Kidal": "closed", "Tessalit": "closed"},
            id="a perfect infinitive after 'après' happened",
        ),
    ],
)
def test_french_constructions_the_parser_misreads_keep_their_time(text, expected):
    assert statuses(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Of the two camps at Ber and Gao, neither has yet been handed to the army.",
            {"Ber": "pending", "Gao": "pending"},
            id="'neither' as the subject negates",
        ),
        pytest.param(
            "The camps at Ber and Gao, vacated in July, will stay closed for the foreseeable"
            " future.",
            {"Ber": "closed", "Gao": "closed"},
            id="a participle set off by commas tells what happened before a future",
        ),
        pytest.param(
            "Ber and Gao will be the last sites handed over.",
            {"Ber": "pending", "Gao": "pending"},
            id="... but a participle that picks the sites out takes the future of its clause",
        ),
        pytest.param(
            "UN bases to be shut in stages, the Gao camp last",
            {"Gao": "pending"},
            id="an ordinal after the infinitive counts no event that happened",
        ),
        pytest.param(
            "- Ber: to close in January after handover to the army.",
            {"Ber": "pending"},
            id="a handover 'after' which a plan comes is still to come",
        ),
        pytest.param(
            "- Ber: closed in January after handover to the army.",
            {"Ber": "handed over"},
            id="... and one after which a past came happened",
        ),
    ],
)
def test_english_constructions_keep_their_time(text, expected):
    assert statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        pytest.param(
            "M. Lumumba a réclamé de nouveau l'évacuation des bases de Ber et de Gao.",
            "fr",
            {},
            id="an evacuation someone demands is planned by nobody",
        ),
        pytest.param(
            "Le gouvernement a exigé le retrait de la MINUSMA de Kidal.", "fr", {}, id="exiger"
        ),
        pytest.param(
            "Le délégué a demandé que les garnisons de Ber et de Gao soient évacuées sans délai.",
            "fr",
            {},
            id="a clause demanded, its verb in the subjunctive",
        ),
        pytest.param(
            "Demands for their exit from Gao grew loud in January.", "en", {}, id="a noun demand"
        ),
        pytest.param(
            "Officials demanded the withdrawal of MINUSMA from Kidal.",
            "en",
            {},
            id="officials' demand, anyone's but the mission's",
        ),
        pytest.param(
            "MINUSMA requested more time to leave Kidal.",
            "en",
            {"Kidal": "pending"},
            id="the mission's own request plans",
        ),
        pytest.param(
            "The plan calls for the army to take over the Ber camp on 15 December.",
            "en",
            {"Ber": "pending"},
            id="a plan that calls for something plans it",
        ),
        pytest.param(
            "The Security Council ordered the mission to leave Kidal by June.",
            "en",
            {"Kidal": "pending"},
            id="an order to the mission plans its leaving",
        ),
    ],
)
def test_a_demand_plans_nothing(text, lang, expected):
    assert statuses(text, lang) == expected


def test_a_bound_said_of_another_site_leaves_a_stay_open_ended():
    # "before the summer" bounds Ber's closing, not the stay at Gao
    text = (
        "The remaining peacekeepers will stay at Gao for now, an official said, "
        "while Ber is due to close before the summer."
    )
    assert statuses(text) == {"Ber": "pending"}
    text = "The remaining peacekeepers will stay at Gao until the summer."
    assert statuses(text) == {"Gao": "pending"}
    # ... and a bound that leaves the stay open is none
    assert statuses("Peacekeepers will stay in Gao until further notice.") == {}
    assert statuses("Les Casques bleus resteront à Gao jusqu'à nouvel ordre.", "fr") == {}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            '"The peacekeepers are in Gao and they stay there until we decide otherwise," he said.',
            "en",
        ),
        ("The peacekeepers remain in Gao until further notice.", "en"),
        (
            "Les Casques bleus resteront à Gao jusqu'à ce que le gouvernement en décide autrement.",
            "fr",
        ),
        ("Les Casques bleus restent à Gao jusqu'à nouvel ordre.", "fr"),
    ],
)
def test_a_stay_left_open_is_no_closure_to_come_in_any_tense(text, lang):
    assert statuses(text, lang) == {}


def test_a_stay_under_way_is_staying_on_unless_it_is_bounded():
    assert statuses("Gao: peacekeepers at the airport are staying.") == {}
    assert statuses("Peacekeepers are staying in Gao until the handover.") == {"Gao": "pending"}


def test_a_french_plan_verb_the_tagger_takes_for_its_subject_s_adjective_still_plans():
    # the tagger makes "prévoit" an adjective of "rapport" and hangs "fermeture" on it
    text = "Le rapport prévoit la fermeture du quartier général de Gao."
    assert statuses(text, "fr") == {"Gao": "pending"}
    text = "Le plan de retrait prévoit la fermeture du camp de Tessalit en juin."
    assert statuses(text, "fr") == {"Tessalit": "pending"}


def test_a_french_participle_said_planned_is_a_plan():
    # "remise" is tagged a participle of "remettre"; "prévue" makes it a handover to come
    assert statuses("- Tessalit : remise prévue en juin.", "fr") == {"Tessalit": "pending"}
    text = "- Tessalit : remise au gouvernement prévue le 22 mars."
    assert statuses(text, "fr") == {"Tessalit": "pending"}
    text = "Le camp de Tessalit, remis aux FAMa comme prévu, est vide."
    assert statuses(text, "fr") == {"Tessalit": "handed over"}


def test_a_state_of_play_of_an_event_tells_no_event():
    text = "Un an après, voici l'état du désengagement de la mission : Gao, Tessalit."
    assert time_of_cue(text, "désengagement", "fr").happened is NOTHING
    assert time_of_cue("The state of the withdrawal from Gao.", "withdrawal").happened is NOTHING
    assert time_of_cue("The withdrawal from Gao is complete.", "withdrawal").happened is DONE


def test_a_french_present_the_tagger_calls_a_future_is_a_present():
    # "remet" is tagged Tense=Fut; a French future has a future's ending
    text = "RDC : l'armée ougandaise remet Gbadolite aux autorités locales"
    assert time_of_cue(text, "remettre", "fr").happened is DONE
    assert time_of_cue("La MINUSMA remettra Gao aux autorités.", "remettre", "fr").happened is PLAN


def test_only_what_is_left_plans_nothing():
    # "ne reste ... que" says what is left, an aside between the two words included: the
    # participle in the aside is no evacuation still to come
    text = "Il ne reste de Ber, évacuée la semaine dernière, qu'un champ de ruines."
    assert time_of_cue(text, "évacuer", "fr").happened is DONE


def test_a_headline_s_progressive_without_its_auxiliary_is_under_way():
    text = "Chadian engineers still at work dismantling the Ber camp"
    assert time_of_cue(text, "dismantle").happened is PLAN


@pytest.mark.parametrize(
    ("text", "lemma", "lang"),
    [
        ("Chadian sailors pack up at Ber", "pack up", "en"),
        ("Engineers dismantle the camp at Ber, a spokesman said.", "dismantle", "en"),
        ("À Ber, les Tchadiens démontent leur dernier poste.", "démonter", "fr"),
        ("À Ber, la garnison fait ses paquets.", "faire paquet", "fr"),
    ],
)
def test_a_leaving_that_takes_days_told_in_the_present_is_under_way(text, lemma, lang):
    assert time_of_cue(text, lemma, lang).happened is PLAN


def test_a_leaving_that_takes_days_told_in_the_past_is_done():
    assert time_of_cue("Engineers dismantled the camp at Ber.", "dismantle").happened is DONE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs the participle on the time it takes: the verb of that time tells
        ("Engineers are to spend the coming months taking apart the Ber camp.", PLAN),
        ("Engineers spent two weeks taking apart the Ber camp.", DONE),
        # a gerund that is its clause's subject, with its "of", is timed as an event noun
        ("Dismantling of the Ber camp is under way and should be finished in January.", PLAN),
        ("Dismantling of the Ber camp was completed last week.", DONE),
    ],
)
def test_a_gerund_is_timed_by_what_governs_it(text, expected):
    lemma = "take apart" if "taking" in text else "dismantle"
    assert time_of_cue(text, lemma).happened is expected


def test_a_present_the_tagger_puts_under_a_past_auxiliary_is_past():
    # the tagger takes the adjective of "était vide" for a verb in the present
    time = time_of_cue("Saint-Marc était vide depuis le 10.", "vide", "fr")
    assert (time.happened, time.why) == (DONE, "past")


def test_a_site_that_stays_closed_is_closed_not_still_to_close():
    closed = statuses("La MINUSMA est partie. Le camp de Ber reste fermé.", "fr")
    assert closed == {"Ber": "closed"}
    # ... while what is left to do is still to come
    assert statuses("Le camp de Ber reste à fermer.", "fr") == {"Ber": "pending"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The camp at Ber will be the first handed over.", "en", "pending"),
        ("The camp at Ber was the first handed over.", "en", "handed over"),
        ("La garnison de Ber sera la première remise à l'armée.", "fr", "pending"),
    ],
)
def test_a_participle_a_copula_ranks_among_others_takes_the_copula_s_time(text, lang, expected):
    assert statuses(text, lang) == {"Ber": expected}


def test_a_departure_at_hand_is_still_to_come_in_french():
    # "sur le départ": about to leave, in a headline of two sites
    found = statuses("Gao remis à l'armée, Ber sur le départ", "fr")
    assert found["Ber"] == "pending"
