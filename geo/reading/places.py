"""Is a gazetteer name a place here, and can it be a mission site?

A name is no place when it is part of a person's name ("spokeswoman Fatoumata
Ber", "Mr Kidal said"), of an organisation's ("Radio Kidal"), of an operation's
("l'opération française Boali") or of the mission's own ("Task Force Kandahar").
A capital that stands for its government ("the junta in Bamako", "Bamako
demanded ...") is no site unless the sentence speaks of the mission's presence
there (its headquarters, its camp, the ceremony that ends it).
"""

from __future__ import annotations

from geo.gazetteer import normalise
from geo.model import Place
from geo.reading.cues import cue_at, lemma_of, opens_with_remaining
from geo.reading.lexicon import Lexicon

_PERSON = frozenset({"PERSON", "PER"})
_ORGANISATION = frozenset({"ORG"})


def site_candidate(place: Place, countries: tuple[str, ...]) -> bool:
    """Only settlements and camps (GeoNames classes P and S) in the mission's countries can be
    mission sites: not their regions, plains, lakes or mountains."""
    return place.country in countries and place.feature_class in ("P", "S")


def not_a_place(span, lexicon: Lexicon, place_words: set[int]) -> str | None:
    """Why the name in ``span`` is no place here (``"person"``, ``"organisation"``,
    ``"qualifier"``), or None when it is one.

    ``place_words`` are the indices of the tokens of every gazetteer name in the
    sentence: a person's or an organisation's name must hold a word that is none.
    """
    if _in_person_name(span, lexicon, place_words):
        return "person"
    if (
        _in_organisation(span, lexicon, place_words)
        or _names_an_operation(span, lexicon)
        or _after_an_acronym(span)
    ):
        return "organisation"
    if _qualifies_in_one_word(span, lexicon):
        return "qualifier"
    if _end_of_a_line(span, lexicon, place_words):
        return "line"
    return None


def _after_an_acronym(span) -> bool:
    """Whether the name ends a movement's name joined to its acronym by a hyphen: "le
    *RCD-Goma*", "the *RCD-Goma* rebels"."""
    doc, start = span.doc, span.start
    return (
        start >= 2
        and _hyphen_between(doc, start - 1)
        and len(doc[start - 2].text) >= 2
        and doc[start - 2].text.isupper()
        and doc[start - 2].is_alpha
    )


def _qualifies_in_one_word(span, lexicon: Lexicon) -> bool:
    """Whether the name is the first half of a hyphenated word that qualifies someone:
    "*Gao*-based diplomats", "a *Bamako*-born analyst" -- not a camp: "its *Gao*-based camp"."""
    doc, end = span.doc, span.end
    return (
        end + 1 < len(doc)
        and _hyphen_between(doc, end)
        and doc[end + 1].lower_ in lexicon.hyphen_qualifiers
        and lemma_of(doc[end + 1].head) not in lexicon.site_nouns
    )


def _end_of_a_line(span, lexicon: Lexicon, place_words: set[int]) -> bool:
    """Whether the name is one end of a line between two places joined by a hyphen: "the
    Peiping-*Mukden* railway", "la route *Kinshasa*-Matadi" -- not a place of its own."""
    doc = span.doc
    first, last = span.start, span.end - 1
    while first >= 2 and _hyphen_between(doc, first - 1) and first - 2 in place_words:
        first -= 2
    while last + 2 < len(doc) and _hyphen_between(doc, last + 1) and last + 2 in place_words:
        last += 2
    if (first, last) == (span.start, span.end - 1):
        return False  # no other name joined to it
    after = doc[last + 1] if last + 1 < len(doc) else None
    before = doc[first - 1] if first > 0 else None
    return any(t is not None and lemma_of(t) in lexicon.line_nouns for t in (after, before))


def _hyphen_between(doc, index: int) -> bool:
    """Whether the word at ``index`` is a hyphen or a dash glued to the words on either side."""
    return (
        doc[index].text in ("-", "–")
        and not doc[index].whitespace_
        and not doc[index - 1].whitespace_
    )


def in_mission_name(span, mission_names: frozenset[str]) -> bool:
    """Whether the name is a part of one of the mission's own names: "la Force
    opérationnelle *Kandahar*", "Task Force *Eagle*" (``mission_names`` normalised) -- not
    all of it, as a base the mission is named after is ("the Transit Center at Manas")."""
    doc = span.doc
    key = f" {normalise(span.text)} "
    for name in mission_names:
        size = len(name.split())
        if size <= len(span) or key not in f" {name} ":
            continue
        for start in range(max(0, span.end - size), min(span.start, len(doc) - size) + 1):
            if " ".join(normalise(t.text) for t in doc[start : start + size]) == name:
                return True
    return False


def is_government(span, path_has_presence: bool, lexicon: Lexicon) -> bool:
    """Whether a capital stands for its government here rather than for a site.

    It does unless its sentence ties the mission's presence to it: a presence
    noun in its phrase or on its path to the cue ("the Bamako headquarters",
    "the ceremony in the capital, Bamako, where the flag was lowered").
    """
    if path_has_presence:
        return False
    root = span.root
    neighbours = [*list(root.children), root.head, *list(root.head.children)]
    return not any(lemma_of(t) in lexicon.presence_nouns for t in neighbours)


def speaks(span, lexicon: Lexicon) -> bool:
    """Whether the name is the subject of what a government does in words ("Bamako
    demanded", "Banjul annonce que ...", where the tagger took "annonce" for a noun)."""
    root = span.root
    return (
        root.dep_.startswith("nsubj")
        and lexicon.speech_verb(root.head, lexicon.government_verbs) is not None
    )


def agreed_with(span, lexicon: Lexicon) -> bool:
    """Whether the name is the other party to what is done ("in agreement *with* Bamako",
    "le calendrier arrêté *avec* N'Djamena"): a capital so named is its government."""
    preposition = preposition_of(span.root)
    return preposition is not None and preposition.lower_ in lexicon.partner_prepositions


def preposition_of(token):
    """The preposition that introduces a noun, or None: English hangs the noun under it,
    French hangs it under the noun."""
    if token.dep_ == "pobj":
        return token.head
    return next((c for c in token.children if c.dep_ in ("case", "fixed")), None)


def _in_person_name(span, lexicon: Lexicon, place_words: set[int]) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and _title(before, lexicon):
        return True
    if (
        before is not None
        and before.text == "."
        and span.start > 1
        and _title(doc[span.start - 2], lexicon)
    ):
        return True
    for entity in doc.ents:
        if entity.end <= span.start or entity.start >= span.end:
            continue
        if entity.start < span.start and _title_before(doc, entity.start, lexicon):
            # "la porte-parole Fatoumata Ber", "le responsable palestinien Kamal Chatila",
            # whatever the entity's label
            return True
        if entity.label_ not in _PERSON:
            continue
        others = [
            t
            for t in entity
            if t.i not in place_words
            and t.i not in range(span.start, span.end)
            and not opens_with_remaining(t, lexicon)
            # "Mars 1964 - *Retrait* de Bukavu": a capitalised event is no first name
            and cue_at(t, lexicon) is None
        ]
        if any(t.is_alpha and t.text[:1].isupper() for t in others):
            return True
    # "Fatoumata Ber said": a capitalised word that is no place, joined to the name as a compound.
    root = span.root
    for token in [*list(root.children), root.head]:
        linked = token.head.i == root.i or root.head.i == token.i
        is_name_part = token.dep_ in ("compound", "flat", "flat:name") or root.dep_ in (
            "flat",
            "flat:name",
        )
        person = token.ent_type_ in _PERSON or root.ent_type_ in _PERSON
        if (
            linked
            and is_name_part
            and person
            and token.pos_ == "PROPN"
            and token.i not in place_words
            and not opens_with_remaining(token, lexicon)
        ):
            return True
    return False


def _title_before(doc, index: int, lexicon: Lexicon) -> bool:
    """Whether a person's title stands before word ``index``, adjectives aside."""
    before = index - 1
    while before >= 0 and doc[before].pos_ == "ADJ":
        before -= 1
    return before >= 0 and _title(doc[before], lexicon)


def _title(token, lexicon: Lexicon) -> bool:
    return (
        token.text.lower().rstrip(".") in lexicon.person_titles and token.text[:1].isupper()
    ) or (
        token.text.lower() in lexicon.person_titles
        and token.pos_ == "NOUN"
        and token.text.lower() not in lexicon.presence_nouns
    )


def _names_an_operation(span, lexicon: Lexicon) -> bool:
    """Whether the name follows "operation", or "opération" and its adjectives: "Operation
    Boali", "l'opération française Boali"."""
    before = span.start - 1
    while before >= 0 and span.doc[before].pos_ == "ADJ":
        before -= 1
    return before >= 0 and span.doc[before].lower_.rstrip(".") in lexicon.operation_words


def _in_organisation(span, lexicon: Lexicon, place_words: set[int]) -> bool:
    for entity in span.doc.ents:
        if (
            entity.label_ not in _ORGANISATION
            or entity.end <= span.start
            or entity.start >= span.end
        ):
            continue
        others = [
            t for t in entity if t.i not in place_words and not (span.start <= t.i < span.end)
        ]
        lemmas = {lemma_of(t) for t in others}
        if (
            others
            and all(t.text[:1].isupper() for t in others if t.is_alpha)
            and not lemmas & (lexicon.presence_nouns | lexicon.mission_words)
            and any(t.is_alpha and t.pos_ == "PROPN" for t in others)
        ):
            return True
    return False
