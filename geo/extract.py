"""Finding gazetteer names in a document's text.

Names are matched as whole words, longest first ("Mopti-Sévaré" before
"Mopti"), after the same normalisation the gazetteer applies, so "TOMBOUCTOU",
"Tombouctou" and "Gao's" are all found and "Gaol" or "Gao2" never are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from geo.documents import sentences, vocabulary
from geo.gazetteer import Gazetteer, normalise
from geo.model import Document, Mention, Place, Sentence

# A word: letters and digits, with apostrophes inside ("Aguel'hoc", "Gao's", "PK12"); a number
# may stand inside a name ("Position 73", "OP 1-H") but never starts one.
_WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)*")
# A lower-case elided word before a name: "d'Ansongo", "l’Adrar", "qu'Aguelhok".
_ELIDED = re.compile(r"[^\W\d_]{1,5}['’](?=[^\W\d_])")
# What may stand between the words of one name; an apostrophe may end a word of it ("Ta' Qali").
_JOINER = re.compile(r"['’]?[ \t\-‐‑]{1,3}")
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
    names = _name_words(document.lang)
    headline = title_case([text[a:b] for a, b in words])
    keys = [normalise(text[a:b]) for a, b in words]
    found, i = [], 0
    while i < len(words):
        match = _longest_name_at(text, words, keys, i, gazetteer, longest, names)
        if match is None:
            i += 1
            continue
        last, places = match
        start, end = words[i][0], words[last][1]
        surface = text[start:end]
        if (i == 0 or headline or surface.isupper()) and normalise(surface) in names.common:
            i = last + 1
            continue
        following = text[slice(*words[last + 1])].lower() if last + 1 < len(words) else ""
        # "the Kidal region", "the region of Kidal", "la région de Kidal"
        before = [text[slice(*words[k])].lower() for k in range(max(0, i - 2), i)]
        region = following in names.regions or any(word in names.regions for word in before)
        place = _region_if_named(places) if region else places[0]
        if region and not place.is_region and names.joined_to_region(text, start, end):
            # "la province de Kandahar" where the gazetteer knows only the town: the text
            # speaks of the province, which is no place of the map
            i = last + 1
            continue
        found.append(Mention(place, document, surface, start, end, sentence))
        i = last + 1
    return found


@dataclass(frozen=True)
class _NameWords:
    """The words of a language the name finder weighs (``geo/lexicons/<lang>.yaml``)."""

    common: frozenset[str]  # no place even when capitalised ("Say", "Dire")
    regions: frozenset[str]  # words for a region: "the Kidal *region*"
    site_heads: frozenset[str]  # words that may begin a site's name: "le *camp* Croci"
    links: frozenset[str]  # words that join them to the rest: "le camp *des* Étoiles"
    articles: frozenset[str]  # never the start of a name written in lower case

    @cached_property
    def _before_a_region(self) -> re.Pattern:
        """A word and a link right before a name: "province de ", "province d'"."""
        links = "|".join(re.escape(link) for link in sorted(self.links, key=len, reverse=True))
        return re.compile(rf"([^\W\d_]+)\s+(?:(?:{links or '(?!)'})\s+|[^\W\d_]{{1,5}}['’])$", re.I)

    def joined_to_region(self, text: str, start: int, end: int) -> bool:
        """Whether the name at ``text[start:end]`` is joined to a word for a region with
        nothing between: "Kandahar province", "la province de Kandahar", "la province
        d'Arghandab" -- not "the camp of Ber (région de Tombouctou)" nor "the north of the
        province, at Ludina".

        >>> _name_words("fr").joined_to_region("la province de Kandahar", 15, 23)
        True
        >>> _name_words("en").joined_to_region("the province, at Ludina", 17, 23)
        False
        """
        after = re.match(r"\s+([^\W\d_]+)", text[end : end + 30])
        if after and after.group(1).lower() in self.regions:
            return True
        before = self._before_a_region.search(text[max(0, start - 30) : start])
        return bool(before and before.group(1).lower() in self.regions)


@cache
def _name_words(lang: str) -> _NameWords:
    """The words of ``lang`` the name finder weighs, gathered once."""
    words_of = vocabulary(lang)
    return _NameWords(
        *(
            frozenset(words_of.get(key, ()))
            for key in ("common_words", "region_words", "site_words", "site_name_links", "articles")
        )
    )


def _cut_off(elided: str) -> bool:
    """Whether an elided word is an article or a preposition, not part of the name: any
    lower-case one, and "L'" and "D'" opening a sentence ("L'aéroport de Bunia") -- not
    "N'" of "N'Djamena".

    >>> [_cut_off(w) for w in ("d'", "l’", "L'", "D’", "N'", "O'")]
    [True, True, True, True, False, False]
    """
    return elided.islower() or elided[:-1] in ("L", "D")


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words of ``text[start:end]`` as offsets.

    Letters and digits make one word ("PK12"; "Gao2" is no "Gao"), underscores none ("_Gao"); an
    elided article or preposition is cut off ("d'Ansongo", "l’Adrar", "l'aéroport").
    """
    words = []
    for word in _WORD.finditer(text, start, end):
        before = text[word.start() - 1] if word.start() else " "
        after = text[word.end()] if word.end() < len(text) else " "
        if before.isalnum() or before == "_" or after.isalnum() or after == "_":
            continue
        elided = _ELIDED.match(word.group())
        if elided and _cut_off(elided.group()) and text[word.start() + elided.end()].isalpha():
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
    names: _NameWords,
):
    """The last word and the places of the longest name starting at word ``i``, if any.

    ``keys`` are the words normalised as the gazetteer's index is. A name starts with a
    capital, or with a word of a site (and the words that may link it to the rest of the
    name) before a capital: "le camp Croci" names Camp Croci, "le camp des Étoiles" Camp des
    Étoiles. A name of several words that the gazetteer itself writes in lower case may
    start so too ("l'aéroport de Beyrouth", "the maritime sector office"), unless its first
    word is an article ("la Gombe" is Gombe).
    """
    after = i + 2 if i + 1 < len(keys) and keys[i + 1] in names.links else i + 1
    generic = keys[i] in names.site_heads and after < len(words) and text[words[after][0]].isupper()
    # "l'aéroport de Beyrouth", "the police headquarters in Aybak": a name the gazetteer
    # itself starts in lower case, but for an article ("la Gombe": the name is Gombe)
    lower_case = keys[i] in gazetteer.lower_case_heads and keys[i] not in names.articles
    # "évacué Jacmel et les Cayes": a name that opens with its article, the article in
    # lower case after a word -- when the words after it are no name alone ("la Gombe")
    article = (
        keys[i] in names.articles
        and i + 1 < len(words)
        and text[words[i + 1][0]].isupper()
        and _longest_name_at(text, words, keys, i + 1, gazetteer, longest, names) is None
    )
    if not (text[words[i][0]].isupper() or generic or lower_case or article):
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
