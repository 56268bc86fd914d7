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
