"""geo.reading.parse: spaCy's parse, mended where the small models are known to slip."""

from __future__ import annotations

from geo.reading.parse import parse


def test_a_weekday_taken_for_a_verb_gives_its_words_back_to_the_verb():
    text = "Les soldats burundais ont remis jeudi la base de Mirtiqo à l'armée somalienne."
    (doc,) = parse([text], "fr")
    by_word = {t.text: t for t in doc}
    assert by_word["jeudi"].pos_ == "NOUN"
    assert by_word["jeudi"].head.text == "remis"
    assert by_word["base"].head.text == "remis"  # what was handed over


def test_a_weekday_the_parser_reads_right_is_left_alone():
    (doc,) = parse(["The peacekeepers left Ansongo on Thursday."], "en")
    by_word = {t.text: t for t in doc}
    assert (by_word["Thursday"].pos_, by_word["Thursday"].head.text) == ("PROPN", "on")


def test_a_plural_leaving_verb_taken_for_an_adverb_is_the_verb_of_its_sentence():
    # the small French model makes "quittent" an adverb and hangs "Abéché" on "paras"
    (doc,) = parse(["Les paras quittent Abéché."], "fr")
    by_word = {t.text: t for t in doc}
    assert (by_word["quittent"].pos_, by_word["quittent"].dep_) == ("VERB", "ROOT")
    assert (by_word["paras"].dep_, by_word["paras"].head.text) == ("nsubj", "quittent")
    assert (by_word["Abéché"].dep_, by_word["Abéché"].head.text) == ("obj", "quittent")


def test_the_subject_of_a_mended_verb_is_the_head_of_its_noun_phrase():
    (doc,) = parse(["Les premiers camions de la SAMIDRC quittent Goma via le Rwanda"], "fr")
    by_word = {t.text: t for t in doc}
    assert by_word["camions"].head.text == "quittent"
    assert by_word["Goma"].head.text == "quittent"


def test_a_mended_verb_keeps_its_tense():
    (doc,) = parse(["Les paras quittaient Abéché."], "fr")
    by_word = {t.text: t for t in doc}
    assert by_word["quittaient"].dep_ == "ROOT"
    assert by_word["quittaient"].morph.get("Tense") == ["Imp"]
