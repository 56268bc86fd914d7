"""Reading seed documents: encodings, metadata, sidecars, and sentences."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from conftest import TEST_DATA

from geo.documents import load_documents, read_document, sentences, vocabulary
from geo.errors import DocumentError

DOCS = TEST_DATA / "documents"


def error_reading(name: str) -> str:
    with pytest.raises(DocumentError) as caught:
        read_document(DOCS / name)
    return str(caught.value)


def test_a_byte_order_mark_is_fine_and_front_matter_is_read():
    document = read_document(DOCS / "bom_front_matter.md")
    assert document.title == "With a byte-order mark"
    assert document.date == dt.date(2023, 12, 8)
    assert document.text == "The Mopti camp was handed over.\n"
    assert document.first_line == 5


def test_a_file_that_is_not_utf8_is_named_with_its_line():
    message = error_reading("latin1.txt")
    assert "latin1.txt:3: not UTF-8 text" in message
    assert "Fix: save the file as UTF-8" in message


def test_front_matter_that_is_never_closed():
    message = error_reading("unclosed_front_matter.md")
    assert "unclosed_front_matter.md:1: front matter is not closed" in message
    assert "---" in message


def test_front_matter_that_is_not_yaml_names_its_line():
    assert "bad_yaml.md:3: metadata is not valid YAML" in error_reading("bad_yaml.md")


@pytest.mark.parametrize(
    ("name", "line", "value"),
    [("invalid_date.md", 4, "2023-13-01"), ("us_date.md", 3, "11/12/2023")],
)
def test_an_invalid_date_is_named_with_line_and_value(name, line, value):
    message = error_reading(name)
    assert f"{name}:{line}: invalid date: '{value}'" in message
    assert "YYYY-MM-DD" in message


def test_an_unknown_metadata_key_is_refused():
    message = error_reading("unknown_key.md")
    assert "unknown_key.md:3: unknown metadata key: 'author'" in message


def test_a_sidecar_keeps_the_document_byte_for_byte():
    document = read_document(DOCS / "kept_as_received.txt")
    assert document.text == (DOCS / "kept_as_received.txt").read_text(encoding="utf-8")
    assert document.title == "Timbuktu camp handed over"
    assert document.date == dt.date(2023, 12, 29)
    assert document.url == "https://example.org/timbuktu"
    assert document.source == "Example Wire"


def test_front_matter_and_sidecar_that_agree_are_combined():
    document = read_document(DOCS / "both_agree.md")
    assert (document.title, document.date, document.source) == (
        "Both",
        dt.date(2023, 12, 29),
        "Example Wire",
    )


def test_front_matter_and_sidecar_that_disagree_are_refused():
    message = error_reading("both_disagree.md")
    assert "both_disagree.meta.yaml" in message
    assert "'date' differs between the front matter and the sidecar" in message


def test_a_broken_seed_is_skipped_and_the_rest_still_load(tmp_path):
    for path in DOCS.iterdir():
        shutil.copy(path, tmp_path / path.name)
    loaded = load_documents(tmp_path)
    read = sorted(d.path.rsplit("/", 1)[-1] for d in loaded.documents)
    assert read == [
        "bom_front_matter.md",
        "both_agree.md",
        "french_undeclared.txt",
        "kept_as_received.txt",
    ]
    problems = "\n".join(str(p) for p in loaded.problems)
    for name in (
        "bad_yaml.md",
        "both_disagree.meta.yaml",
        "invalid_date.md",
        "latin1.txt",
        "unclosed_front_matter.md",
        "unknown_key.md",
        "us_date.md",
        "orphan.meta.yaml",
    ):
        assert name in problems
    assert "sidecar without a document" in problems


def test_accents_typed_as_combining_marks_read_as_accented_letters(tmp_path):
    seed = tmp_path / "nfd.txt"
    seed.write_text("Peacekeepers left Me\u0301naka.", encoding="utf-8")
    assert "Ménaka" in read_document(seed).text


def test_a_report_that_declares_no_language_is_detected():
    french = read_document(DOCS / "french_undeclared.txt")
    assert (french.lang, french.lang_detected) == ("fr", True)
    english = read_document(DOCS / "bom_front_matter.md")
    assert (english.lang, english.lang_detected) == ("en", True)


def test_a_declared_language_is_not_detected(tmp_path):
    seed = tmp_path / "declared.md"
    seed.write_text("---\nlang: en\n---\nLe camp de Gao a été rétrocédé.\n", encoding="utf-8")
    assert (read_document(seed).lang, read_document(seed).lang_detected) == ("en", False)


def test_a_language_tag_keeps_only_the_language(tmp_path):
    seed = tmp_path / "fr.md"
    seed.write_text("---\nlang: fr-ML\n---\nLe camp de Gao a été rétrocédé.\n", encoding="utf-8")
    assert read_document(seed).lang == "fr"
    seed.write_text("---\nlang: French!\n---\nTexte.\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"fr\.md:2: invalid language"):
        read_document(seed)


def test_a_language_without_rules_falls_back_to_english():
    assert vocabulary("sw")["lang"] == "en"
    assert sentences("Mr. Diop left Gao. It rained.", lang="sw")[1].text == "It rained."


def split(text: str) -> list[str]:
    return [s.text for s in sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.N. mission left Gao. Mopti is next.",
            ["The U.N. mission left Gao.", "Mopti is next."],
        ),
        (
            "The U.N. Security Council voted in June. The camps closed.",
            ["The U.N. Security Council voted in June.", "The camps closed."],
        ),
        (
            "The camp closed on Dec. 8 after a ceremony. Mr. Diop attended.",
            ["The camp closed on Dec. 8 after a ceremony.", "Mr. Diop attended."],
        ),
        (
            "Lt. Col. Traoré and Gen. Diarra spoke. Officials left.",
            ["Lt. Col. Traoré and Gen. Diarra spoke.", "Officials left."],
        ),
        ("It closed in Dec. The army moved in.", ["It closed in Dec.", "The army moved in."]),
        (
            "“The camp is closed.” He left. ‘Gao is next,’ she said.",
            ["“The camp is closed.”", "He left.", "‘Gao is next,’ she said."],
        ),
        (
            'He said "we are leaving." Was it over? Yes!',
            ['He said "we are leaving."', "Was it over?", "Yes!"],
        ),
        (
            "Sites still to close:\n- Gao\n- Timbuktu (by Dec. 31)\n* Bamako\n1. Kidal\n2) Ménaka",
            ["Sites still to close:", "Gao", "Timbuktu (by Dec. 31)", "Bamako", "Kidal", "Ménaka"],
        ),
        (
            "# Mopti camp handed over\nThe camp was\nhanded over on Friday.",
            ["Mopti camp handed over", "The camp was handed over on Friday."],
        ),
        (
            "A title without a full stop\n\nThe first paragraph. The second sentence.",
            ["A title without a full stop", "The first paragraph.", "The second sentence."],
        ),
        (
            "About 10,500 staff, or 76.1 per cent, left.",
            ["About 10,500 staff, or 76.1 per cent, left."],
        ),
        (  # a table of sites typed without bullets: a line each
            "Gao: handed over, 8 April\nBer: vacated, end of March\nKidal: next week",
            ["Gao: handed over, 8 April", "Ber: vacated, end of March", "Kidal: next week"],
        ),
        (  # ... and a table with bars between its cells: a row each
            "Site | Status\nGao | handed over, 8 April\nBer | vacated",
            ["Site | Status", "Gao | handed over, 8 April", "Ber | vacated"],
        ),
        (  # ... but one label is no table: the lines are one sentence wrapped
            "The mission said: the camp\nat Ber: closed on Monday.",
            ["The mission said: the camp at Ber: closed on Monday."],
        ),
        (  # a headline on a line of its own ends before its story's dateline ...
            "UN to leave Gao by June\nBAMAKO, May 2 -- The mission said so.",
            ["UN to leave Gao by June", "BAMAKO, May 2 -- The mission said so."],
        ),
        (  # ... and a headline in capitals before any story
            "UN FLAG LOWERED AT GAO\nThe observers left on Thursday.",
            ["UN FLAG LOWERED AT GAO", "The observers left on Thursday."],
        ),
        (  # ... but a wrapped line is no headline, nor a word in capitals a dateline
            "The observers left\nGAO - the town - on Thursday.",
            ["The observers left GAO - the town - on Thursday."],
        ),
        (  # ... and a title in title case before a letter's salutation
            "Letters to the Editor\nSir, - So Gao has been handed back at last.",
            ["Letters to the Editor", "Sir, - So Gao has been handed back at last."],
        ),
        (  # ... and a title before a chronology's items, each opened by its day
            "The mission in three dates\n1946 - Gao closed.\n12 May: Ber handed over",
            ["The mission in three dates", "1946 - Gao closed.", "12 May: Ber handed over"],
        ),
        (  # ... but a number that opens a wrapped line opens no item
            "Some\n25 000 soldiers left: Gao is empty.",
            ["Some 25 000 soldiers left: Gao is empty."],
        ),
    ],
)
def test_sentences(text, expected):
    assert split(text) == expected


def test_sentence_offsets_point_into_the_text():
    text = "Intro.\n\n- The Gao camp\n  was closed.\n"
    for sentence in sentences(text):
        assert " ".join(text[sentence.start : sentence.end].split()) == sentence.text


def test_hidden_files_are_not_reports(tmp_path):
    (tmp_path / "report.txt").write_text("The Gao camp closed.\n", encoding="utf-8")
    (tmp_path / ".#report.txt").write_bytes(b"\xff lock file of an editor")
    loaded = load_documents(tmp_path)
    assert [d.text for d in loaded.documents] == ["The Gao camp closed.\n"]
    assert loaded.problems == ()
