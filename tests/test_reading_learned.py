"""geo.reading.learned: a small model reads a site the rules leave unread, and says so.

The sentences here are not in any labelled set the model was trained on.
"""

from __future__ import annotations

import datetime as dt

from sentence_sets import minusma_group

from geo.extract import find_mentions
from geo.model import Document, Status
from geo.reading import read_statements
from geo.reading.cues import find_cues
from geo.reading.learned import FLOOR, guess, site_features
from geo.reading.lexicon import lexicon_for
from geo.reading.parse import parse
from geo.reading.reader import read_by_rules
from geo.reading.time import time_of

REPORT = dt.date(2023, 10, 1)
NEXT_TO_CLOSE = "Of the camps it still holds in the region, Aguelhok is slated for closure next."


def _mentions(text: str, lang: str = "en"):
    group = minusma_group()
    document = Document(path="report.txt", text=text, date=REPORT, lang=lang)
    return find_mentions(document, group.gazetteer), group.context


def test_a_site_the_rules_leave_unread_is_read_by_the_model_and_marked_as_its_reading():
    mentions, context = _mentions(NEXT_TO_CLOSE)
    by_rules, unread = read_by_rules(mentions, context)
    assert by_rules == []
    assert [mention.place.name for mention, _ in unread] == ["Aguelhok"]

    (statement,) = read_statements(mentions, context)
    assert (statement.place.name, statement.status) == ("Aguelhok", Status.PENDING)
    assert statement.reason.kind == "learned"
    # Its confidence is the model's own probability: above the floor, and below the
    # mission's threshold, so that the map draws it unconfirmed and review asks about it.
    assert FLOOR <= statement.confidence < 0.9
    assert statement.reason.describe().startswith("closure (learned), learned: ")


def test_what_the_model_is_told_of_a_site():
    doc = parse(["Kidal, the last camp in the north, is still to go."], "en")[0]
    lexicon = lexicon_for("en")
    cues = find_cues(doc, lexicon)
    times = [time_of(doc, cue, lexicon, False) for cue in cues]
    names = site_features(doc[0:1], cues, times, lexicon, frozenset({"marked"}))
    assert "fact=marked" in names
    assert "nearest=closed|plan" in names  # "to go": a turn still to come
    assert "right=the" in names and "right=last" in names
    assert names == sorted(set(names))


def test_the_model_says_nothing_without_evidence():
    assert guess([]) is None
    assert guess(["nearest=none", "fact=capital"]) is None


def test_a_site_read_by_the_rules_is_not_read_again_by_the_model():
    text = "MINUSMA handed over its camp in Ménaka on Friday."
    mentions, context = _mentions(text)
    (statement,) = read_statements(mentions, context)
    assert statement.reason.kind == "verb"
    assert read_by_rules(mentions, context)[1] == []
