"""geo.reading.agents: who acts. The mission leaving a site is a status; rebels, the host
army or residents leaving theirs is not; the host army *receiving* a camp is.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from sentence_sets import by_site, read_text

from geo.reading.agents import MISSION, UNSTATED, Actors, agent_of, classify
from geo.reading.cues import find_cues
from geo.reading.lexicon import lexicon_for
from geo.reading.parse import parse

REPORT = dt.date(2023, 12, 11)  # a Monday
MINUSMA = Actors.of(["MINUSMA"], ["Mali"])


@cache
def agents(text: str, lang: str = "en", actors: Actors = MINUSMA) -> list[str]:
    """The agent of every cue of ``text``, in text order."""
    doc = parse([text], lang)[0]
    lexicon = lexicon_for(lang)
    return [agent_of(doc[c.head], lexicon, actors) for c in find_cues(doc, lexicon)]


def statuses(text: str, lang: str = "en") -> dict[str, str]:
    return by_site(read_text(text, REPORT, lang))


@pytest.mark.parametrize(
    "table",
    [
        pytest.param(
            {  # the mission by name, by alias, or its people without another allegiance
                "MINUSMA left Bourem.": MISSION,
                "Peacekeepers left Bourem.": MISSION,
                "Blue helmets left Bourem.": MISSION,
                "The UN left Bourem.": MISSION,
                "Troops left Bourem.": MISSION,
                "The Chadian contingent left Bourem.": MISSION,
                "The Chadian army left Bourem.": MISSION,  # an army not the host's
                "The US Army left Bourem.": MISSION,
                "The French rear guard left Bourem.": MISSION,  # a rearguard, not a guard
                "The armoured division left Bourem.": MISSION,
                "The camp was vacated by peacekeepers.": MISSION,  # the "by" of a passive
                "The peacekeepers who left Bourem flew home.": MISSION,  # a relative's antecedent
            },
            id="the-mission",
        ),
        pytest.param(
            {  # someone else, named by their word
                "Rebels left Bourem.": "rebel",
                "The army left Bourem.": "army",
                "Residents left Bourem.": "resident",
                "Malian troops left Bourem.": "malian troop",  # the host country's forces
                "The Malian army left Bourem.": "army",
                "The national guard left Bourem.": "guard",
                "The camp was vacated by rebels.": "rebel",
                "The rebels who left Bourem returned on Friday.": "rebel",
            },
            id="someone-else",
        ),
        pytest.param(
            {"The camp was vacated.": UNSTATED, "It left Bourem.": UNSTATED},
            id="nobody-named",
        ),
    ],
)
def test_the_agent_of_an_english_cue(table):
    assert {text: agents(text) for text in table} == {
        text: [agent] for text, agent in table.items()
    }


def test_the_agent_of_a_french_cue():
    table = {
        "Les casques bleus ont quitté Gao.": True,
        "La MINUSMA a quitté Gao.": True,
        "Les observateurs ont quitté Gao.": True,
        "Les sapeurs ont quitté Gao.": True,
        "La brigade blindée a quitté Gao.": True,
        "Les rebelles ont quitté Gao.": False,
        "Les soldats maliens ont quitté Gao.": False,
        "L'armée malienne a quitté Gao.": False,
        "Les habitants ont quitté Gao.": False,
    }
    found = {text: agents(text, "fr") for text in table}
    assert {text: agent == [MISSION] for text, agent in found.items()} == table
    assert all(agent != [UNSTATED] for agent in found.values())


def test_verbs_joined_to_the_mission_s_verb_share_its_subject():
    assert agents("The mission closed its camp and handed it over.") == [MISSION, MISSION]
    assert agents("Peacekeepers closed the camp, handing it over to the army.") == [
        MISSION,
        MISSION,
    ]


def test_a_two_word_alias_makes_its_qualifier_the_mission_s():
    barkhane = Actors.of(["Barkhane", "French troops"], ["Mali"])
    assert barkhane.mission_names == {"barkhane", "french troops"}
    assert barkhane.qualifiers == {"french"}
    assert agents("French soldiers left the camp.", "en", barkhane) == [MISSION]


def test_a_mission_s_name_given_short_is_the_mission():
    americans = Actors.of(["US Navy", "U.S. Southern Command"], ["Panama"])
    assert agents("The Navy vacated its listening post.", "en", americans) == [MISSION]
    assert agents("Southern Command lowered its flag.", "en", americans) == [MISSION]
    # ... not a navy written as any navy, nor a people named by an adjective of the names
    assert agents("The navy vacated its listening post.", "en", americans) != [MISSION]
    french = Actors.of(["soldats français"], ["Rwanda"])
    assert agents("Les Français ont quitté le camp.", "fr", french) != [MISSION]


def test_people_qualified_by_a_mission_s_name_are_the_mission_s():
    americans = Actors.of(["US Air Force", "US Army"], ["Vietnam"])
    text = "The final Air Force detachment handed its facilities to the Vietnamese air force."
    assert agents(text, "en", americans)[0] == MISSION
    # ... not people qualified by a name that is no name of the mission
    assert agents(text.replace("Air Force", "Marine Corps"), "en", americans)[0] != MISSION


def test_airmen_and_servicemen_act_for_the_mission():
    assert agents("The last airmen at Gao went home.") == [MISSION]
    assert agents("The last servicemen left the camp on Sunday.") == [MISSION]


def test_the_host_s_garrison_is_the_host_s():
    assert agents("The Malian garrison left Kidal on Sunday.") == ["malian garrison"]
    # ... but a garrison the text does not qualify may be the mission's
    assert agents("The garrison left Kidal on Sunday.") == [UNSTATED]


def test_paratroopers_and_marines_called_by_their_nicknames_act_for_the_mission():
    assert agents("The last paras left Kidal on Sunday.") == [MISSION]
    assert agents("Les paras ont quitté Kidal.", "fr") == [MISSION]
    assert agents("Les derniers marsouins ont quitté Gao.", "fr") == [MISSION]


def test_craft_leaving_are_the_mission_s_when_its_people_s_name_qualifies_them():
    americans = Actors.of(["American forces", "US Air Force"], ["Spain"])
    text = "The last American tanker aircraft left the air base this week."
    assert agents(text, "en", americans) == [MISSION]
    # the last of them are anyone's; other craft are someone else's trip
    assert agents("The last transport aircraft left the airfield.") == [UNSTATED]
    assert agents("Spanish aircraft left the air base.", "en", americans) != [MISSION]
    # ... and named by the people that owns them, not by the first word before them
    assert agents("The last Malian jets left the air base.") == ["malian jet"]
    assert agents("Aircraft left the air base.", "en", americans) not in ([MISSION], [UNSTATED])


def test_a_flag_lowered_or_a_barracks_returned_in_a_headline_is_no_one_who_acts():
    assert agents("Maple Leaf lowered over Gao after 27 years") == [UNSTATED]
    assert agents("Army's last Paderborn barracks returned to Germany") == [UNSTATED]


RUSSIANS = Actors.of(["Russian troops", "Russian forces"], ["Georgia"])
AUSTRALIANS = Actors.of(["Australian troops", "Kenyan battalion"], ["Afghanistan"])


@pytest.mark.parametrize(
    ("text", "actors", "agent"),
    [
        # the state whose troops the mission is acts for it ...
        ("Russia turns over Batumi base", RUSSIANS, MISSION),
        ("Russia will hand over its headquarters in Tbilisi.", RUSSIANS, MISSION),
        # ... another state does not, nor the host
        ("Armenia will hand over its headquarters in Gyumri.", RUSSIANS, "armenia"),
        ("Georgia will hand over its headquarters in Tbilisi.", RUSSIANS, "georgia"),
        ("Mali will hand over its headquarters in Gao.", MINUSMA, "mali"),
        # another people's troops are not a mission named by its peoples ...
        ("Dutch troops lowered their flag over the camp.", AUSTRALIANS, "dutch troop"),
        ("Australian soldiers left the camp.", AUSTRALIANS, MISSION),
        ("Russian tank crews left the camp.", RUSSIANS, MISSION),  # crews are troops too
        ("Kenyan soldiers left the camp.", AUSTRALIANS, MISSION),
        # a unit of the mission's people is the mission's, whatever its noun
        ("The Australian logistic group is leaving the camp.", AUSTRALIANS, MISSION),
        ("The Dutch logistic group is leaving the camp.", AUSTRALIANS, UNSTATED),
        ("The last Australian vehicles rolled out of the camp.", AUSTRALIANS, MISSION),
        ("The last Dutch vehicles rolled out of the camp.", AUSTRALIANS, "vehicle"),
        # ... and its subject acts in what it is in the process of doing
        (
            "The Australian logistic group is in the process of leaving the camp.",
            AUSTRALIANS,
            MISSION,
        ),
        ("Dutch troops are in the process of leaving the camp.", AUSTRALIANS, "dutch troop"),
        # ... while a mission that names no people is made of every contingent
        ("Chadian troops left the camp.", MINUSMA, MISSION),
        ("Chadian troops left the camp.", Actors.of(["UN troops", "UN peacekeepers"], []), MISSION),
    ],
)
def test_peoples_and_states_of_a_mission_named_by_them(text, actors, agent):
    assert agents(text, "en", actors) == [agent]


FRENCH = Actors.of(["forces françaises", "soldats français"], ["Tchad"])
# A mission that lists its contingents' units among its names is made of many peoples.
CONTINGENTS = Actors.of(["APRONUC", "bataillon bulgare", "bataillon indonésien"], ["Cambodge"])


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        # French names the people after the noun, in any gender and number
        ("Les forces libyennes ont abandonné la base.", "libyennes force"),
        ("Les derniers soldats libyens ont quitté la base.", "libyens soldat"),
        ("Les Britanniques ont commencé à évacuer la base.", "britanniques"),
        ("Les soldats français ont quitté la base.", MISSION),
        ("Les troupes françaises ont quitté la base.", MISSION),
        ("Les Françaises ont quitté la base.", UNSTATED),  # the mission's own people
    ],
)
def test_another_people_s_troops_in_french(text, agent):
    assert agents(text, "fr", FRENCH) == [agent]
    assert agents("Les soldats pakistanais ont quitté la base.", "fr", CONTINGENTS) == [MISSION]
    # the state whose people the mission is acts for it, named before or after its noun
    assert agents("La France a retiré ses soldats de la base.", "fr", FRENCH) == [MISSION]
    # ... and comrades are the mission's own
    assert agents("Leurs camarades ont rétrocédé la base.", "fr", FRENCH) == [MISSION]


def test_who_is_told_to_do_it_does_it():
    # "Mali orders MINUSMA to leave": the mission leaves, not the government that orders it
    assert agents("Mali ordered the peacekeepers to shut the camp.") == [MISSION]
    assert agents("MINUSMA asked the rebels to leave the camp.") == ["rebel"]
    # ... but a stretch of time is no one told
    assert agents("The rebels began this week to leave the camp.") == ["rebel"]


def test_classify_reads_a_noun_phrase_on_its_own():
    doc = parse(["Malian soldiers and rebels met peacekeepers."], "en")[0]
    lexicon = lexicon_for("en")
    by_word = {t.text: classify(t, lexicon, MINUSMA) for t in doc if t.pos_ == "NOUN"}
    assert by_word == {"soldiers": "malian soldier", "rebels": "rebel", "peacekeepers": MISSION}


# --- what the map shows ---------------------------------------------------------


def test_only_the_mission_s_doing_or_a_camp_taken_over_gives_a_status():
    table = {
        "Troops left Bourem on Friday.": {"Bourem": "closed"},
        "MINUSMA troops left Bourem on Friday.": {"Bourem": "closed"},
        "Malian troops left Bourem on Friday.": {},
        "Rebels left Bourem on Friday.": {},
        "The army left Bourem on Friday.": {},
        "Residents fled Bourem on Friday.": {},
        "Jihadists withdrew from Bourem after clashes with the army.": {},
        # the host army taking the mission's camp over receives it from the mission, unless
        # it moves in after the mission left; rebels taking a camp say only that it is gone
        "The Malian army took over the Bourem camp on Friday.": {"Bourem": "handed over"},
        "The Malian army will take over the air defence centre at Bourem within the week.": {
            "Bourem": "pending"
        },
        # ... the host's own, whose compound before the noun names them
        "At Bourem, Malian air force officers took command of the base on Saturday.": {
            "Bourem": "handed over"
        },
        "The army took over the Bourem camp after the peacekeepers left.": {"Bourem": "closed"},
        "Rebels took over the Bourem camp on Friday.": {"Bourem": "closed"},
        "The army received the Bourem camp from MINUSMA on Friday.": {"Bourem": "handed over"},
        "Malian soldiers received the keys to the Bourem camp from MINUSMA.": {
            "Bourem": "handed over"
        },
        # ... but not a town it enters: no camp of the mission is named
        "The army entered Bourem on Friday.": {},
    }
    assert {text: statuses(text) for text in table} == table


def test_only_the_mission_s_doing_or_a_camp_taken_over_gives_a_status_in_french():
    table = {
        "Les casques bleus ont quitté Gao vendredi.": {"Gao": "closed"},
        "Les rebelles ont quitté Gao vendredi.": {},
        "L'armée malienne a pris possession du camp de Gao.": {"Gao": "closed"},
        "Les FAMa ont réceptionné le camp de la MINUSMA à Gao.": {"Gao": "handed over"},
    }
    assert {text: statuses(text, "fr") for text in table} == table


def test_the_host_army_s_soldiers_leaving_gives_no_status():
    assert statuses("Soldiers of the Malian army left Bourem on Friday.") == {}
    # the French parser may hang the adjective after the noun on the verb
    assert (
        statuses("Des militaires maliens ont quitté lundi Bourem, selon des habitants.", "fr") == {}
    )
    assert statuses("Des casques bleus togolais ont quitté lundi Bourem.", "fr") == {
        "Bourem": "closed"
    }


@pytest.mark.xfail(
    strict=True,
    reason="the agent of 'after closing' is not looked for in the clause it hangs on (pcomp of"
    " 'after'), so it is unstated and, with no mission word in the report, dropped. An analyst"
    " reads the troops (the mission's, per agents.py) closing Bourem: closed.",
)
def test_the_subject_of_the_main_clause_acts_in_an_after_clause():
    assert statuses("Troops withdrew to Gao after closing Bourem.") == {"Bourem": "closed"}


def test_a_day_the_parser_takes_for_the_subject_is_no_one_acting():
    text = "La mission a par contre confirmé avoir fermé le 1er décembre son poste de Bourem."
    assert statuses(text, "fr") == {"Bourem": "closed"}


def test_an_armed_groups_leaving_gets_no_learned_reading_either():
    # the rules dismiss it; the learned model must not read it back in
    assert statuses("Les rebelles ont quitté Gao vendredi.", "fr") == {}
    assert statuses("The rebels left Gao on Friday.") == {}


def test_a_people_named_by_its_nationality_is_a_contingent_unless_it_is_the_hosts():
    text = "Les Nigérians ont vidé la semaine dernière leurs quartiers du détachement de Ber."
    assert statuses(text, "fr") == {"Ber": "closed"}
    # the host's people leaving is not the mission's doing, for the learned reader either
    assert statuses("Les Maliens ont quitté Gao.", "fr") == {}


def test_the_work_of_an_event_is_no_one_acting():
    assert statuses("Work has begun to dismantle the Gao camp.") == {"Gao": "pending"}
    assert statuses("Preparations have started to close the Gao camp.") == {"Gao": "pending"}


def test_a_headline_s_kicker_taken_for_a_second_subject_does_not_act():
    # the parser makes "Mali" a subject of "cède" beside "l'ONU"
    text = "Mali : l'ONU cède sa base de Tessalit à l'armée nationale (FAMa)"
    assert statuses(text, "fr") == {"Tessalit": "handed over"}


def test_a_cleft_says_who_did_it():
    assert statuses("It was not the peacekeepers who left Bourem, but the rebels.") == {}
    assert statuses("It was the rebels, not the peacekeepers, who left Bourem.") == {}
    assert statuses("It was the peacekeepers who left Bourem on Monday.") == {"Bourem": "closed"}
    assert (
        statuses("Ce ne sont pas les casques bleus qui ont quitté Bourem, mais les rebelles.", "fr")
        == {}
    )
    assert (
        statuses("Ce sont les rebelles, et non les casques bleus, qui ont quitté Bourem.", "fr")
        == {}
    )


def test_who_a_site_is_given_to_is_not_who_gives_it():
    # the French tagger makes "à la police" the agent of "cédé"
    assert statuses("- Gao : poste cédé à la police le 9 août.", "fr") == {"Gao": "handed over"}
    # ... also where the tagger hangs the "au" on the first word of a name
    text = "À Gao, les locaux de l'équipe ont été remis au Croissant-Rouge arabe syrien."
    assert statuses(text, "fr") == {"Gao": "handed over"}
    # who acts in a passive, after "par", still acts
    assert statuses("Le camp de Gao a été évacué par les rebelles.", "fr") == {}


def test_someone_who_departs_named_in_an_after_clause_is_no_leaving_before_a_takeover():
    text = (
        "Malian officers took charge of the base at Gao on Thursday after the departing UN"
        " garrison signed the last transfer documents."
    )
    assert statuses(text) == {"Gao": "handed over"}
    # the mission gone before anyone took over: it left the site, handing nothing over
    text = "Malian soldiers took over the camp at Gao after the peacekeepers departed."
    assert statuses(text) == {"Gao": "closed"}


def test_a_mission_s_gunners_sentries_and_technicians_are_its_people():
    assert agents("The technicians left the camp last week.") == [MISSION]
    assert agents("Les experts sont partis vendredi.", "fr") == [MISSION]
    assert statuses("The fort at Ber was vacated on Tuesday by its Chadian gunners.") == {
        "Ber": "closed"
    }
    assert statuses("Les artilleurs tchadiens ont quitté le fort de Ber mardi.", "fr") == {
        "Ber": "closed"
    }


def test_a_fort_or_a_harbour_handed_over_is_no_one_acting():
    assert agents("The harbour is to be handed over on 26 January.") == [UNSTATED]
    assert agents("Le fort sera remis le 26 janvier.", "fr") == [UNSTATED]


def test_lorries_are_movers_whose_last_leaving_is_no_one_else_s():
    assert agents("The last lorries left the camp last week.") == [UNSTATED]
    assert agents("The last Malian lorries left the camp last week.") == ["malian lorry"]


def test_a_flag_that_comes_down_is_no_one_acting():
    assert agents("The Union Jack came down over the camp this morning.") == [UNSTATED]


def test_the_state_that_sends_the_mission_acts_for_it_by_any_of_its_names():
    british = Actors.of(["British troops"], ["South Africa"])
    assert agents("Britain has agreed to hand over the base.", "en", british) == [MISSION]
    assert agents("The United Kingdom handed over the base.", "en", british) == [MISSION]
    soviet = Actors.of(["Soviet troops"], ["Finland"])
    assert agents("The Soviet Union returned the base to Finland.", "en", soviet) == [MISSION]
    assert agents(
        "Le Royaume-Uni a rétrocédé la base.", "fr", Actors.of(["troupes britanniques"], [])
    ) == [MISSION]
