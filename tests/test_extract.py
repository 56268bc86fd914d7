"""Finding gazetteer names in text: whole words, longest names, spellings."""

from __future__ import annotations

import pytest
from sentence_sets import group_file, minusma_group

from geo.extract import find_mentions
from geo.model import Document


def names(text: str) -> list[tuple[str, str]]:
    """(words as written, gazetteer id) of every mention in ``text``."""
    document = Document(path="report.txt", text=text)
    return [(m.surface, m.place.id) for m in find_mentions(document, minusma_group().gazetteer)]


@pytest.mark.parametrize(
    "text",
    [
        "Gaoville is not a place.",
        "The Gao2 sector and _Gao were renamed.",
        "The mission visited Gaol? No: Moptis and Bamakos.",
        "the peacekeepers left gao",  # lower case: a common word, not a name
    ],
)
def test_names_inside_other_words_are_not_found(text):
    assert [n for n, _ in names(text) if n.lower().startswith(("gao", "mopti", "bamako"))] == []


def test_whole_words_next_to_punctuation_are_found():
    text = "(Gao) “Mopti”, Bamako; Kidal-based troops; Gao’s camp and Ménaka."
    assert [n for n, _ in names(text)] == ["Gao", "Mopti", "Bamako", "Kidal", "Gao’s", "Ménaka"]


def test_the_longest_name_wins():
    assert names("Peacekeepers in Mopti-Sévaré and Mopti Sévaré left, then Mopti.") == [
        ("Mopti-Sévaré", "sup-severe"),
        ("Mopti Sévaré", "sup-severe"),
        ("Mopti", "2453348"),
    ]


@pytest.mark.parametrize(
    ("written", "place_id"),
    [
        ("Tombouctou", "2449067"),
        ("TOMBOUCTOU", "2449067"),
        ("Timbuktu", "2449067"),
        ("Menaka", "2453514"),
        ("MÉNAKA", "2453514"),
        ("Aguel'hoc", "2461247"),
        ("Aguel’hoc", "2461247"),
        ("Adjelhoc", "2461247"),
        ("Léré", "sup-lere"),
        ("Lere", "sup-lere"),
    ],
)
def test_spellings_accents_and_case(written, place_id):
    assert names(f"Peacekeepers left {written} on Friday.") == [(written, place_id)]


def test_a_region_named_as_a_region_is_the_region():
    assert names("Fighting in the Kidal region spread to Kidal.") == [
        ("Kidal region", "region-kidal"),
        ("Kidal", "2455290"),
    ]
    # No "Timbuktu region" in the gazetteer: the region is known as "Timbuktu" too.
    assert names("Camps in the Timbuktu region and in Timbuktu.") == [
        ("Timbuktu", "region-tombouctou"),
        ("Timbuktu", "2449067"),
    ]


def test_a_common_word_at_the_head_of_a_sentence_is_no_place():
    assert names("Dire warnings came from Diré. Say what you will about Say.") == [
        ("Diré", "2458126"),
        ("Say", "2440371"),
    ]


def test_a_title_case_headline_does_not_turn_words_into_places():
    assert names("Officials Say Timbuktu Camp Handed Over") == [("Timbuktu", "2449067")]


def test_mentions_carry_offsets_and_their_sentence():
    text = "Intro line.\n\nThe camp in Gao closed. Bamako next."
    document = Document(path="report.txt", text=text)
    gao, bamako = find_mentions(document, minusma_group().gazetteer)
    assert text[gao.start : gao.end] == "Gao"
    assert gao.sentence.text == "The camp in Gao closed."
    assert bamako.sentence.text == "Bamako next."


def test_an_elided_article_is_cut_off_the_name():
    assert names("Le retrait d'Ansongo et l’arrivée à Tombouctou; qu'Aguel'hoc") == [
        ("Ansongo", "2461003"),
        ("Tombouctou", "2449067"),
        ("Aguel'hoc", "2461247"),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("Les soldats ont quitté le camp Croci.", "fr", [("camp Croci", "nc-croci")]),
        ("La force a remis le camp des Étoiles.", "fr", [("camp des Étoiles", "nc-etoiles")]),
        # French writes the word of a site in lower case where the gazetteer starts with it
        (
            "La force a remis la caserne des Martyrs.",
            "fr",
            [("caserne des Martyrs", "nc-martyrs")],
        ),
        ("The camp was empty and the base quiet.", "en", []),  # no capital follows
        (
            "The force left Position 73 and OP 1-H.",
            "en",
            [("Position 73", "nc-pos73"), ("OP 1-H", "nc-op1h")],
        ),
        ("The force left Position 73b.", "en", []),  # a number glued to letters is no word
        # ... but letters and digits make one word, which may be a name
        (
            "Les soldats ont quitté le PK5 et le camp Croci.",
            "fr",
            [("PK5", "nc-km5"), ("camp Croci", "nc-croci")],
        ),
        # names the gazetteer writes in lower case but for a later word
        (
            "Les soldats ont évacué l'aéroport international de Bassora.",
            "fr",
            [("aéroport international de Bassora", "nc-basra-airport")],
        ),
        (
            "British troops left the airport at Basra.",
            "en",
            [("airport at Basra", "nc-basra-airport")],
        ),
        # ... also after the capital of an article opening the sentence
        (
            "L'aéroport international de Bassora a été évacué.",
            "fr",
            [("aéroport international de Bassora", "nc-basra-airport")],
        ),
        ("Les soldats ont quitté l'aéroport.", "fr", []),  # no capital: a common noun
        # a common word may begin such a name, and a name may be wholly in lower case
        (
            "The team handed the police headquarters in Aybak to the police.",
            "en",
            [("police headquarters in Aybak", "nc-aybak-police")],
        ),
        (
            "The observers left the maritime sector office and the sector office.",
            "en",
            [("maritime sector office", "nc-sector-office")],
        ),
        ("The police left; the maritime staff stayed.", "en", []),  # not the town of Police
        # a word of a name may end in an apostrophe; a possessive plural joins no name
        (
            "The RAF left Ta' Qali and Ta’ Qali, not the Marines' Camp Marmal.",
            "en",
            [("Ta' Qali", "nc-taqali"), ("Ta’ Qali", "nc-taqali"), ("Camp Marmal", "nc-marmal")],
        ),
        # an article is not where a name starts: "la Gombe" is Gombe
        ("La force a quitté la Gombe.", "fr", [("Gombe", "nc-gombe")]),
        # ... but a name may open with its article, written in lower case inside a sentence
        ("La force a quitté les Cayes.", "fr", [("les Cayes", "nc-cayes")]),
    ],
)
def test_a_camp_s_name_may_begin_with_its_common_word_and_hold_numbers(text, lang, found):
    document = Document(path="report.txt", text=text, lang=lang)
    mentions = find_mentions(document, group_file("named_camps").gazetteer)
    assert [(m.surface, m.place.id) for m in mentions] == found


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("British troops left Basra.", "en", ["Basra"]),
        # the province is meant, and the gazetteer knows only the town: no place of the map
        ("British troops left Basra province.", "en", []),
        ("Les soldats ont quitté la province de Basra.", "fr", []),
        # a region word elsewhere in the sentence says nothing of the name
        ("Les soldats ont quitté Abéché (province du Ouaddaï).", "fr", ["Abéché"]),
        ("The outposts in the north of the province, at Basra, were closed.", "en", ["Basra"]),
    ],
)
def test_a_region_the_gazetteer_lacks_is_not_its_town(text, lang, found):
    document = Document(path="report.txt", text=text, lang=lang)
    mentions = find_mentions(document, group_file("named_camps").gazetteer)
    assert [m.surface for m in mentions] == found
