"""Finding gazetteer names in a document's text.

Names are matched as whole words, longest first ("Mopti-Sévaré" before
"Mopti"), after the same normalisation the gazetteer applies, so "TOMBOUCTOU",
"Tombouctou" and "Gao's" are all found and "Gaol" or "Gao2" never are.
"""

from __future__ import annotations

import re
from functools import cache

from geo.documents import sentences, vocabulary
from geo.gazetteer import Gazetteer, normalise
from geo.model import Document, Mention, Place, Sentence

# A word: letters, with apostrophes inside ("Aguel'hoc", "Gao's"), or a number, which may
# stand inside a name ("Position 73", "OP 1-H") but never starts one.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+")
# A lower-case elided word before a name: "d'Ansongo", "l’Adrar", "qu'Aguelhok".
_ELIDED = re.compile(r"[^\W\d_]{1,5}['’](?=[^\W\d_])")
# What may stand between the words of one name.
_JOINER = re.compile(r"[ \t\-‐‑]{1,3}")
# A share of capitalised words above which a sentence is a title-case headline.
_HEADLINE_SHARE = 0.6


def find_mentions(document: Document, gazetteer: Gazetteer) -> list[Mention]:
    """Every gazetteer name in ``document``, in text order.

    A name must start with a capital letter, as proper nouns do in reports, so
    that common words never become places; and a common word of the
    document's language (its ``common_words``) is no place even when a capital
    starts it at the head of a sentence or in a headline ("Say" is a town in
    Niger, "Dire" one in Mali).
    """
    mentions = []
    longest = gazetteer.longest_name
    for sentence in sentences(document.text, document.lang):
        mentions.extend(mentions_in_sentence(document, sentence, gazetteer, longest))
    return mentions


def mentions_in_sentence(
    document: Document, sentence: Sentence, gazetteer: Gazetteer, longest: int | None = None
) -> list[Mention]:
    """The gazetteer names in one sentence of ``document``, in text order.

    ``longest`` is the most words a gazetteer name has (``gazetteer.longest_name``,
    worth computing once for many sentences).
    """
    longest = gazetteer.longest_name if longest is None else longest
    text = document.text
    words = _words(text, sentence.start, sentence.end)
    common, region_words, site_words, articles = _name_words(document.lang)
    headline = title_case([text[a:b] for a, b in words])
    keys = [normalise(text[a:b]) for a, b in words]
    found, i = [], 0
    while i < len(words):
        match = _longest_name_at(text, words, keys, i, gazetteer, longest, site_words, articles)
        if match is None:
            i += 1
            continue
        last, places = match
        start, end = words[i][0], words[last][1]
        surface = text[start:end]
        if (i == 0 or headline or surface.isupper()) and normalise(surface) in common:
            i = last + 1
            continue
        following = text[slice(*words[last + 1])].lower() if last + 1 < len(words) else ""
        # "the Kidal region", "the region of Kidal", "la région de Kidal"
        before = [text[slice(*words[k])].lower() for k in range(max(0, i - 2), i)]
        region = following in region_words or any(word in region_words for word in before)
        place = _region_if_named(places) if region else places[0]
        if region and not place.is_region and _names_its_region(text, start, end, region_words):
            # "la province de Kandahar" where the gazetteer knows only the town: the text
            # speaks of the province, which is no place of the map
            i = last + 1
            continue
        found.append(Mention(place, document, surface, start, end, sentence))
        i = last + 1
    return found


_OF_REGION = re.compile(r"(\w+)\s+(?:of|de|d['’]|du|des)\s*$")


def _names_its_region(text: str, start: int, end: int, region_words: frozenset[str]) -> bool:
    """Whether the name at ``text[start:end]`` is joined to a word for a region, with
    nothing between: "Kandahar province", "la province de Kandahar" -- not "the camp of Ber
    (région de Tombouctou)" nor "the north of the province, at Ludina"."""
    after = re.match(r"\s+(\w+)", text[end : end + 30])
    if after and after.group(1).lower() in region_words:
        return True
    before = _OF_REGION.search(text[max(0, start - 30) : start])
    return bool(before and before.group(1).lower() in region_words)


@cache
def _name_words(
    lang: str,
) -> tuple[frozenset[str], frozenset[str], tuple[frozenset, frozenset], frozenset[str]]:
    """The words of ``lang`` the name finder weighs, gathered once: its common words, its
    words for a region, the words that may begin a site's name with the words that may
    link them to the rest of it ("camp", "des": "le camp des Étoiles"), and its articles."""
    words_of = vocabulary(lang)
    return (
        frozenset(words_of.get("common_words", ())),
        frozenset(words_of.get("region_words", ())),
        (
            frozenset(words_of.get("site_words", ())),
            frozenset(words_of.get("site_name_links", ())),
        ),
        frozenset(words_of.get("articles", ())),
    )


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words of ``text[start:end]`` as offsets.

    Letters glued to digits or underscores are no word ("Gao2", "_Gao"); an
    elided article or preposition is cut off ("d'Ansongo", "l’Adrar", "l'aéroport").
    """
    words = []
    for word in _WORD.finditer(text, start, end):
        before = text[word.start() - 1] if word.start() else " "
        after = text[word.end()] if word.end() < len(text) else " "
        if before.isalnum() or before == "_" or after.isalnum() or after == "_":
            continue
        elided = _ELIDED.match(word.group())
        if elided and elided.group().islower() and text[word.start() + elided.end()].isalpha():
            words.append((word.start() + elided.end(), word.end()))
        else:
            words.append((word.start(), word.end()))
    return words


def title_case(words: list[str], least: int = 3) -> bool:
    """Whether most longer words start with a capital, as in a title-case headline; it
    takes ``least`` longer words to tell.

    >>> title_case("UN Hands Over Timbuktu Camp".split()), title_case("The camp was handed over".split())
    (True, False)
    """
    letters = [w for w in words if len(w) > 3]
    if len(letters) < least:
        return False
    capitalised = sum(1 for w in letters if w[0].isupper())
    return capitalised / len(letters) >= _HEADLINE_SHARE


def _region_if_named(places: tuple[Place, ...]) -> Place:
    """For "the Kidal region": the region called so, if the gazetteer has one."""
    regions = [p for p in places if p.is_region and p.feature_code.startswith("ADM")]
    return regions[0] if regions else places[0]


def _longest_name_at(
    text: str,
    words: list[tuple[int, int]],
    keys: list[str],
    i: int,
    gazetteer: Gazetteer,
    longest: int,
    site_words: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
    articles: frozenset[str] = frozenset(),
):
    """The last word and the places of the longest name starting at word ``i``, if any.

    ``keys`` are the words normalised as the gazetteer's index is. A name starts with a
    capital, or with a word of a site (``site_words``: words, and the words that may link
    them to the rest of the name) before a capital: "le camp Croci" names Camp Croci, "le
    camp des Étoiles" Camp des Étoiles. A name that the gazetteer itself writes in lower case
    but for a later word may start so too ("l'aéroport de Beyrouth"), unless its first word
    is one of ``common`` ("la Gombe") or a word of a site.
    """
    heads, links = site_words
    after = i + 2 if i + 1 < len(keys) and keys[i + 1] in links else i + 1
    generic = keys[i] in heads and after < len(words) and text[words[after][0]].isupper()
    # "l'aéroport de Beyrouth", "the police headquarters in Aybak": a name the gazetteer
    # itself starts in lower case, but for an article ("la Gombe": the name is Gombe)
    lower_case = keys[i] in gazetteer.lower_case_heads and keys[i] not in articles
    if not (text[words[i][0]].isupper() or generic or lower_case):
        return None
    # A name runs on while only joiners stand between its words: find where it must stop once,
    # so that each capitalised word costs the length of the longest name, not its square.
    reach = i
    while reach + 1 < min(len(words), i + longest) and _JOINER.fullmatch(
        text, words[reach][1], words[reach + 1][0]
    ):
        reach += 1
    capitalised = text[words[i][0]].isupper()
    for last in range(reach, i if generic or not capitalised else i - 1, -1):
        places = gazetteer.index.get(" ".join(keys[i : last + 1]), ())
        if places:
            return last, places
    return None
