"""geo.reading.lexicon: the reader's words per language, from geo/lexicons/<lang>.yaml.

Both bundled languages load; a language without a lexicon is read with English's; a
lexicon that cannot be compiled raises a DataError that names its file, so that the
person who edits it knows where to look.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pytest
from sentence_sets import by_site, read_text

import geo.documents
from geo.errors import DataError
from geo.model import Status
from geo.reading.lexicon import fold, lexicon_for

REPORT = dt.date(2023, 12, 11)  # a Monday


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_both_bundled_languages_load_with_every_status(lang):
    lexicon = lexicon_for(lang)
    assert lexicon.lang == lang
    assert set(lexicon.verbs.values()) == {Status.HANDED_OVER, Status.CLOSED}
    assert set(lexicon.nouns.values()) == {Status.HANDED_OVER, Status.CLOSED}
    assert lexicon.models  # at least one spaCy pipeline to parse it with
    assert lexicon.presence_nouns and lexicon.mission_words and lexicon.negations


def test_words_yaml_would_take_for_booleans_stay_words():
    # YAML 1.1 reads a bare no, on, yes or false as a boolean; in a list of words each is a word
    english = lexicon_for("en")
    assert "on" in english.location_prepositions
    assert "false" in english.falsities
    assert "yes" in english.affirmatives
    assert {"no", "on"} <= set(geo.documents.vocabulary("en")["common_words"])
    assert "on" in geo.documents.vocabulary("fr")["common_words"]
    assert "no" in geo.documents.vocabulary("fr")["abbreviations"]


def test_cue_verbs_are_lemmas_with_their_status():
    table = {
        ("en", "hand over"): Status.HANDED_OVER,
        ("en", "vacate"): Status.CLOSED,
        ("en", "pull out"): Status.CLOSED,
        ("fr", "rétrocéder"): Status.HANDED_OVER,
        ("fr", "quitter"): Status.CLOSED,
    }
    assert {(lang, word): lexicon_for(lang).verbs.get(word) for lang, word in table} == table


def test_the_particles_of_phrasal_verbs_are_derived_from_the_lexicon():
    particles = lexicon_for("en").particles
    assert {"over", "out", "down", "back"} <= particles
    assert "vacate" not in particles  # a one-word verb has none


def test_french_verb_stems_find_forms_the_tagger_misses():
    lexicon = lexicon_for("fr")
    assert lexicon.verb_stems["quitt"] == "quitter"
    # a short verb too: "cédé" that the tagger makes a noun, "cèdent" an adverb
    assert lexicon.inflected("cédé", lexicon.verb_stems) == "céder"
    assert lexicon.inflected("cèdent", lexicon.verb_stems) == "céder"
    assert lexicon.verbs[lexicon.verb_stems["retroced"]] is Status.HANDED_OVER  # accents folded
    assert lexicon_for("en").verb_stems == {}  # the English lemmatizer needs none
    assert fold("Rétrocédée") == "retrocedee"


def test_an_unknown_language_falls_back_to_english():
    assert lexicon_for("xx").lang == "en"
    assert lexicon_for("xx").verbs == lexicon_for("en").verbs
    found = read_text("MINUSMA handed over the Gao camp on Friday.", REPORT, lang="xx")
    assert by_site(found) == {"Gao": "handed over"}


# --- a lexicon that cannot be read ----------------------------------------------


@pytest.fixture
def lexicon_dir(tmp_path, monkeypatch):
    """Lexicon files for made-up languages, written in ``tmp_path``; the bundled ones stay."""
    bundled = geo.documents._lexicon_path

    def lexicon_path(lang: str):
        own = tmp_path / f"{lang}.yaml"
        return own if own.exists() else bundled(lang)

    caches = (geo.documents._lexicon_file, geo.documents.vocabulary, lexicon_for)
    monkeypatch.setattr(geo.documents, "_lexicon_path", lexicon_path)
    for cached in caches:
        cached.cache_clear()
    yield tmp_path
    for cached in caches:
        cached.cache_clear()


def _english_reading() -> str:
    text = (resources.files("geo") / "lexicons" / "en.yaml").read_text(encoding="utf-8")
    return text[text.index("\nreading:") :]


def test_a_reading_section_without_a_key_names_its_file_and_the_key(lexicon_dir: Path):
    reading = _english_reading().replace("\n  recipient_verbs:", "\n  recipient_verbs_typo:")
    (lexicon_dir / "zz.yaml").write_text(f"lang: zz\n{reading}", encoding="utf-8")
    with pytest.raises(DataError) as error:
        lexicon_for("zz")
    assert "zz.yaml" in str(error.value)
    assert "recipient_verbs" in str(error.value)
    assert error.value.fix


def test_an_unknown_status_names_its_file(lexicon_dir: Path):
    reading = _english_reading().replace("\n    closed: [vacate,", "\n    gone: [vacate,", 1)
    assert "gone: [vacate," in reading
    (lexicon_dir / "zz.yaml").write_text(f"lang: zz\n{reading}", encoding="utf-8")
    with pytest.raises(DataError, match=r"zz\.yaml"):
        lexicon_for("zz")


def test_a_setting_neither_true_nor_false_names_its_file_key_and_value(lexicon_dir: Path):
    reading = _english_reading().replace("recase_capitals: false", "recase_capitals: maybe")
    assert "recase_capitals: maybe" in reading
    (lexicon_dir / "zz.yaml").write_text(f"lang: zz\n{reading}", encoding="utf-8")
    with pytest.raises(DataError) as error:
        lexicon_for("zz")
    assert "zz.yaml" in str(error.value)
    assert "recase_capitals" in str(error.value) and "maybe" in str(error.value)


def test_a_lexicon_that_is_not_yaml_names_its_file_and_line(lexicon_dir: Path):
    (lexicon_dir / "zz.yaml").write_text("lang: zz\nreading: [hand over,\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        lexicon_for("zz")
    assert str(lexicon_dir / "zz.yaml") in str(error.value)
    assert error.value.line is not None


def test_a_lexicon_without_a_reading_section_reads_with_english_words(lexicon_dir: Path):
    (lexicon_dir / "zz.yaml").write_text("lang: zz\n", encoding="utf-8")
    lexicon = lexicon_for("zz")
    assert lexicon.lang == "zz"
    assert lexicon.verbs == lexicon_for("en").verbs


def test_a_broken_lexicon_without_lang_still_names_its_own_file(lexicon_dir: Path):
    (lexicon_dir / "zz.yaml").write_text(
        "reading:\n  models: [zz_core_news_sm]\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"zz\.yaml"):
        lexicon_for("zz")


def test_presence_nouns_match_the_plural_the_pipeline_lemmatises():
    found = read_text("The bases in Ber and Goundam were vacated.", REPORT)
    assert by_site(found) == {
        "Ber": "closed",
        "Goundam": "closed",
    }
