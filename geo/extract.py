"""Finding gazetteer names in a document's text.

Names are matched as whole words, longest first ("Mopti-Sévaré" before
"Mopti"), after the same normalisation the gazetteer applies, so "TOMBOUCTOU",
"Tombouctou" and "Gao's" are all found.
"""

from __future__ import annotations

import re

from geo.documents import sentences
from geo.gazetteer import Gazetteer, normalise
from geo.model import Document, Mention, Sentence

# A word: letters, with apostrophes inside ("Aguel'hoc", "Gao's").
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# What may stand between the words of one name.
_JOINER = re.compile(r"[ \t\-‐‑]{1,3}")


def find_mentions(document: Document, gazetteer: Gazetteer) -> list[Mention]:
    """Every gazetteer name in ``document``, in text order.

    A name must start with a capital letter, as proper nouns do in reports, so
    that common words never become places.
    """
    mentions = []
    for sentence in sentences(document.text):
        mentions.extend(mentions_in_sentence(document, sentence, gazetteer))
    return mentions


def mentions_in_sentence(
    document: Document, sentence: Sentence, gazetteer: Gazetteer
) -> list[Mention]:
    text = document.text
    words = list(_WORD.finditer(text, sentence.start, sentence.end))
    found, i = [], 0
    while i < len(words):
        match = _longest_name_at(text, words, i, gazetteer)
        if match is None:
            i += 1
            continue
        last, places = match
        start, end = words[i].start(), words[last].end()
        found.append(Mention(places[0], document, text[start:end], start, end, sentence))
        i = last + 1
    return found


def _longest_name_at(text: str, words: list[re.Match], i: int, gazetteer: Gazetteer):
    if not words[i].group()[0].isupper():
        return None
    last_possible = min(len(words), i + gazetteer.longest_name) - 1
    for last in range(last_possible, i - 1, -1):
        if not all(
            _JOINER.fullmatch(text[words[k].end() : words[k + 1].start()]) for k in range(i, last)
        ):
            continue
        places = gazetteer.candidates(normalise(text[words[i].start() : words[last].end()]))
        if places:
            return last, places
    return None
