"""The words of the reader, per language: ``geo/lexicons/<lang>.yaml``, key ``reading``.

Every entry is a lemma as the language's spaCy pipeline gives it; a phrasal
verb is "lemma particle" ("hand over", "pull out"). A new language is a new
lexicon file plus its spaCy pipeline, not new code.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property

from geo.documents import lexicon_section
from geo.gazetteer import normalise
from geo.model import Status


@dataclass(frozen=True)
class Lexicon:
    """The compiled reading words of one language."""

    lang: str
    models: tuple[str, ...]
    recase_capitals: bool  # parse a headline in capitals in sentence case
    verbs: Mapping[str, Status]  # "hand over" -> handed over
    recipient_verbs: frozenset[str]
    owning_verbs: frozenset[str]
    returning_verbs: frozenset[str]
    giving_verbs: frozenset[str]
    ceding_verbs: frozenset[str]
    presence_theme_verbs: frozenset[str]
    remaining_passives: frozenset[str]
    standing_prepositions: frozenset[str]
    remaining_openers: frozenset[str]
    past_days: frozenset[str]
    moving_prepositions: frozenset[str]
    heading_prepositions: frozenset[str]
    origin_prepositions: frozenset[str]
    recipients: frozenset[str]
    receiving: Mapping[str, Status]  # "take over" -> closed
    seizing_verbs: frozenset[str]
    flag_verbs: frozenset[str]
    flag_nouns: frozenset[str]
    flying_verbs: frozenset[str]
    affirmatives: frozenset[str]
    working_verbs: frozenset[str]
    process_verbs: frozenset[str]
    repeated_words: frozenset[str]
    coming_days: frozenset[str]
    bygone_words: frozenset[str]
    nouns: Mapping[str, Status]
    completed_by: frozenset[str]
    performed_by: frozenset[str]
    ongoing_by: frozenset[str]
    done_before_noun: frozenset[str]
    after_words: frozenset[str]
    before_words: frozenset[str]
    pending_before_noun: frozenset[str]
    timing_words: frozenset[str]
    future_auxiliaries: frozenset[str]
    modal_auxiliaries: frozenset[str]
    plan_words: frozenset[str]
    implicatives: frozenset[str]
    plan_phrases: tuple[tuple[str, ...], ...]  # as lower-case word sequences
    negations: frozenset[str]
    denials: frozenset[str]
    denied_relatives: frozenset[str]
    denial_nouns: frozenset[str]
    fears: frozenset[str]
    hearsay_nouns: frozenset[str]
    armed_groups: frozenset[str]
    asking_verbs: frozenset[str]
    question_marks: frozenset[str]
    conditionals: frozenset[str]
    mission_words: frozenset[str]
    force_words: frozenset[str]
    other_actors: frozenset[str]
    other_qualifiers: frozenset[str]
    armies: frozenset[str]
    cleft_subjects: frozenset[str]
    ending_subjects: frozenset[str]
    presence_nouns: frozenset[str]
    grounds: frozenset[str]
    installation_prefixes: frozenset[str]
    presence_events: frozenset[str]
    passing_prepositions: frozenset[str]
    sharing_marks: frozenset[str]
    standing_verbs: frozenset[str]
    sharing_adverbs: frozenset[str]
    repetitions: frozenset[str]
    location_prepositions: frozenset[str]
    reporting_verbs: frozenset[str]
    location_verbs: frozenset[str]
    demand_words: frozenset[str]
    hyphen_qualifiers: frozenset[str]
    line_nouns: frozenset[str]
    regrouping_verbs: frozenset[str]
    landmarks: frozenset[str]
    refers_back: frozenset[str]
    clitic_pronouns: frozenset[str]
    ordinals: frozenset[str]
    once: frozenset[str]
    presence_verbs: frozenset[str]
    state_adjectives: frozenset[str]
    participle_endings: tuple[str, ...]
    plan_modifiers: frozenset[str]
    still_words: frozenset[str]
    stay_limits: frozenset[str]
    staying_verbs: frozenset[str]
    kept_verbs: frozenset[str]
    idiom_objects: frozenset[str]
    fixed_phrases: frozenset[str]
    continuing_particles: frozenset[str]
    personal_possessives: frozenset[str]
    care_words: frozenset[str]
    brought_forward: frozenset[str]
    substitutes: frozenset[str]
    reflexive_moves: frozenset[str]
    nearby_prepositions: frozenset[str]
    near_words: frozenset[str]
    partnered_negations: frozenset[str]
    noun_negations: frozenset[str]
    yet_words: frozenset[str]
    negation_partners: frozenset[str]
    transferred_powers: frozenset[str]
    of_words: frozenset[str]
    planned_adjectives: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    negating_determiners: frozenset[str]
    no_more_words: frozenset[str]
    negating_pronouns: frozenset[str]
    restrictive_negators: frozenset[str]
    restrictive_only: frozenset[str]
    restrictive_breakers: frozenset[str]
    instead_phrases: frozenset[str]
    deadline_words: frozenset[str]
    starters: frozenset[str]
    recipient_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]  # "par": who acts in a passive
    source_prepositions: frozenset[str]
    where_words: frozenset[str]
    possessive_prepositions: frozenset[str]
    weak_prepositions: frozenset[str]
    purpose_prepositions: frozenset[str]
    holding_verbs: frozenset[str]
    lacking_verbs: frozenset[str]
    never: frozenset[str]
    left_with: Mapping[str, str]  # "left the mission with camps in Gao": verb -> preposition
    # "se replier *sur* Bissau", "leave *from* Larnaca": verb -> preposition
    falls_back_onto: Mapping[str, str]
    peoples_of_states: Mapping[str, str]  # "britain" -> "british": irregular demonyms
    ending_verbs: frozenset[str]
    turn_verbs: frozenset[str]
    ordered_turn_verbs: frozenset[str]
    order_words: frozenset[str]
    absence_words: frozenset[str]
    farewells: frozenset[str]
    quantities: frozenset[str]
    localities: frozenset[str]
    place_adverbs: frozenset[str]
    not_sites: frozenset[str]
    goods: frozenset[str]
    movers: frozenset[str]
    copulas: frozenset[str]
    person_titles: frozenset[str]
    operation_words: frozenset[str]
    partner_prepositions: frozenset[str]
    charge_nouns: frozenset[str]
    inclusive_words: frozenset[str]
    process_nouns: frozenset[str]
    ongoing_nouns: frozenset[str]
    falsities: frozenset[str]
    false_telling: frozenset[str]
    corrected_tellers: frozenset[str]
    correction_headings: frozenset[str]
    paper_tellers: frozenset[str]
    claiming_verbs: frozenset[str]
    idiom_states: frozenset[str]
    idiom_phrases: tuple[tuple[str, ...], ...]  # "en état": "remis *en état*" moves no site
    denying_partitives: tuple[tuple[str, ...], ...]  # "pas de": "*pas de* retrait"
    open_bounds: tuple[tuple[str, ...], ...]  # "until *further notice*": no bound at all
    privatives: frozenset[str]  # "sans", "without": "*sans* transfert officiel"
    review_nouns: frozenset[str]  # "l'*état* du désengagement": a state of play, no event
    topic_markers: frozenset[str]  # "*quant* au départ de Gao, il est prévu…"
    national_forces: frozenset[str]
    peoples: frozenset[str]
    ruled_out: frozenset[str]
    inverted_conditionals: frozenset[str]
    turn_nouns: frozenset[str]
    hands_nouns: frozenset[str]
    hands_prepositions: frozenset[str]
    hands_verbs: frozenset[str]
    becoming_verbs: frozenset[str]
    becoming_words: frozenset[str]
    government_verbs: frozenset[str]
    dateline: str
    verb_stems: Mapping[str, str]  # stem -> verb lemma, for forms the tagger missed
    plan_stems: Mapping[str, str]  # the same for verbs of planning: "prévoit" -> "prévoir"
    # the same for the verbs of speech the reader weighs (a government's word, denials)
    speech_stems: Mapping[str, str]
    inflections: frozenset[str]
    future_endings: tuple[str, ...]
    conditional_endings: tuple[str, ...]
    imperfect_endings: tuple[str, ...]

    def speech_verb(self, token, verbs: frozenset[str]) -> str | None:
        """The verb of ``verbs`` (verbs of speech: denials, a government's word) that the word
        is, by its lemma or, when the tagger took it for something else, by its form ("nie"
        made the adjective "ni"); or None.

        >>> from types import SimpleNamespace as Word
        >>> lexicon = lexicon_for("fr")
        >>> lexicon.speech_verb(Word(text="nie", lemma_="ni"), lexicon.denials)
        'nier'
        >>> lexicon.speech_verb(Word(text="quitte", lemma_="quitter"), lexicon.denials) is None
        True
        """
        for lemma in (token.lemma_.lower(), self.inflected(token.text, self.speech_stems)):
            if lemma in verbs:
                return lemma
        return None

    def inflected(self, word: str, stems: Mapping[str, str]) -> str | None:
        """The verb of ``stems`` that ``word`` is an inflection of, or None: "quittera" ->
        "quitter" (a stem, then one of the lexicon's endings).

        >>> lexicon = lexicon_for("fr")
        >>> lexicon.inflected("quittaient", lexicon.verb_stems), lexicon.inflected("Gao", {})
        ('quitter', None)
        """
        folded = fold(word)
        for length in range(min(len(folded), _LONGEST_STEM), 1, -1):
            verb = stems.get(folded[:length])
            if verb is not None and folded[length:] in self.inflections:
                return verb
        return None

    # Unions the reader asks for on every word: computed once per lexicon.

    @cached_property
    def site_nouns(self) -> frozenset[str]:
        """The presence nouns that name a place -- a camp, a post, a base -- not the mission
        or its people ("contingent", "mission")."""
        return self.presence_nouns - self.force_words - self.mission_words

    @cached_property
    def installation_words(self) -> frozenset[str]:
        """The nouns of a site that may name an installation with a town's name, as a
        gazetteer normalises them: "base", "camp", "station"."""
        return frozenset(fold(word) for word in self.site_nouns)

    @cached_property
    def particles(self) -> frozenset[str]:
        """The particles of the phrasal verbs: "over", "out", "back"..."""
        phrases = [*self.verbs, *self.receiving, *self.flag_verbs]
        return frozenset(p.split(" ", 1)[1] for p in phrases if " " in p)

    @cached_property
    def fixed_phrase_places(self) -> Mapping[str, tuple[tuple[tuple[str, ...], int], ...]]:
        """Each word of the fixed phrases, with the phrases it is in and where: "partir" ->
        ((("à", "partir"), 1),)."""
        places: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for phrase in self.fixed_phrases:
            words = tuple(phrase.split())
            for position, word in enumerate(words):
                places.setdefault(word, []).append((words, position))
        return {word: tuple(found) for word, found in places.items()}

    @cached_property
    def people(self) -> frozenset[str]:
        """The mission's words and those of anyone's troops."""
        return self.mission_words | self.force_words

    @cached_property
    def crafts(self) -> frozenset[str]:
        """The movers that carry no people of their own name: planes, ships -- not a convoy,
        which is troops."""
        return self.movers - self.force_words

    @cached_property
    def dating_prepositions(self) -> frozenset[str]:
        """What dates an event by another: "*after* the arrival", "days *before* the ceremony"."""
        return self.after_words | self.before_words

    @cached_property
    def people_or_camps(self) -> frozenset[str]:
        """What a verb of presence says is somewhere: anyone's troops or the mission's camps."""
        return self.people | self.presence_nouns

    @cached_property
    def camps_or_towns(self) -> frozenset[str]:
        """Words that speak of a place as one: a camp, a base, or the town itself."""
        return self.presence_nouns | self.localities

    @cached_property
    def planning_words(self) -> frozenset[str]:
        """Words that put an event still to come: "*prévue* en juin", "the *planned* handover"."""
        return self.plan_words | self.planned_adjectives

    @cached_property
    def event_verbs(self) -> frozenset[str]:
        """Verbs that time an event noun: "the handover *took place*", "*is planned*"."""
        return self.completed_by | self.ongoing_by | self.plan_words

    @cached_property
    def presence_words(self) -> frozenset[str]:
        """Words that place the mission somewhere: its camps and the events that end them."""
        return self.presence_nouns | self.presence_events

    @cached_property
    def occasions(self) -> frozenset[str]:
        """Nouns whose date is their event's: "at a *ceremony* on Saturday"."""
        return self.presence_words | frozenset(self.nouns)

    @cached_property
    def action_verbs(self) -> frozenset[str]:
        """Every verb phrase of a status, the mission's or someone else's."""
        return frozenset(self.verbs) | frozenset(self.receiving)


_SETS = [
    "recipient_verbs",
    "recipients",
    "flag_verbs",
    "flag_nouns",
    "flying_verbs",
    "affirmatives",
    "working_verbs",
    "process_verbs",
    "repeated_words",
    "coming_days",
    "bygone_words",
    "completed_by",
    "performed_by",
    "ongoing_by",
    "done_before_noun",
    "after_words",
    "before_words",
    "pending_before_noun",
    "timing_words",
    "future_auxiliaries",
    "modal_auxiliaries",
    "plan_words",
    "implicatives",
    "negations",
    "denials",
    "denied_relatives",
    "denial_nouns",
    "fears",
    "hearsay_nouns",
    "armed_groups",
    "asking_verbs",
    "question_marks",
    "conditionals",
    "mission_words",
    "force_words",
    "other_actors",
    "other_qualifiers",
    "armies",
    "cleft_subjects",
    "ending_subjects",
    "presence_nouns",
    "grounds",
    "privatives",
    "review_nouns",
    "topic_markers",
    "installation_prefixes",
    "presence_events",
    "passing_prepositions",
    "sharing_marks",
    "standing_verbs",
    "sharing_adverbs",
    "repetitions",
    "location_prepositions",
    "reporting_verbs",
    "location_verbs",
    "demand_words",
    "hyphen_qualifiers",
    "line_nouns",
    "regrouping_verbs",
    "landmarks",
    "refers_back",
    "clitic_pronouns",
    "localities",
    "place_adverbs",
    "not_sites",
    "goods",
    "movers",
    "copulas",
    "ordinals",
    "once",
    "presence_verbs",
    "state_adjectives",
    "plan_modifiers",
    "still_words",
    "stay_limits",
    "staying_verbs",
    "kept_verbs",
    "idiom_objects",
    "owning_verbs",
    "returning_verbs",
    "seizing_verbs",
    "fixed_phrases",
    "continuing_particles",
    "personal_possessives",
    "care_words",
    "brought_forward",
    "substitutes",
    "reflexive_moves",
    "nearby_prepositions",
    "near_words",
    "partnered_negations",
    "noun_negations",
    "yet_words",
    "negation_partners",
    "transferred_powers",
    "of_words",
    "planned_adjectives",
    "hypothetical_adjectives",
    "negating_determiners",
    "no_more_words",
    "negating_pronouns",
    "restrictive_negators",
    "restrictive_only",
    "restrictive_breakers",
    "instead_phrases",
    "deadline_words",
    "starters",
    "recipient_prepositions",
    "agent_prepositions",
    "possessive_prepositions",
    "weak_prepositions",
    "purpose_prepositions",
    "holding_verbs",
    "lacking_verbs",
    "never",
    "ending_verbs",
    "turn_verbs",
    "ordered_turn_verbs",
    "order_words",
    "absence_words",
    "source_prepositions",
    "giving_verbs",
    "ceding_verbs",
    "presence_theme_verbs",
    "remaining_passives",
    "standing_prepositions",
    "remaining_openers",
    "past_days",
    "moving_prepositions",
    "heading_prepositions",
    "origin_prepositions",
    "where_words",
    "farewells",
    "quantities",
    "person_titles",
    "operation_words",
    "partner_prepositions",
    "charge_nouns",
    "inclusive_words",
    "process_nouns",
    "ongoing_nouns",
    "falsities",
    "false_telling",
    "corrected_tellers",
    "correction_headings",
    "paper_tellers",
    "claiming_verbs",
    "idiom_states",
    "national_forces",
    "peoples",
    "ruled_out",
    "inverted_conditionals",
    "turn_nouns",
    "hands_nouns",
    "hands_prepositions",
    "hands_verbs",
    "becoming_verbs",
    "becoming_words",
    "government_verbs",
]


@cache
def lexicon_for(lang: str) -> Lexicon:
    """The reading lexicon of ``lang`` (English's where the language has none).

    >>> lexicon_for("fr").verbs["rétrocéder"]
    <Status.HANDED_OVER: 'handed over'>
    >>> lexicon_for("en").verbs["hand over"], lexicon_for("xx").lang
    (<Status.HANDED_OVER: 'handed over'>, 'en')

    Raises :class:`DataError` naming the lexicon file when a key is missing.
    """
    return lexicon_section(lang, "reading", lambda words: _compile(words["lang"], words["reading"]))


def _compile(lang: str, raw: Mapping) -> Lexicon:
    sets = {key: frozenset(_lower(raw[key])) for key in _SETS}
    return Lexicon(
        lang=lang,
        models=tuple(raw["models"]),
        recase_capitals=_flag("recase_capitals", raw["recase_capitals"]),
        verbs=_by_status(raw["verbs"]),
        receiving=_by_status(raw["receiving"]),
        nouns=_by_status(raw["nouns"]),
        plan_phrases=_word_sequences(raw["plan_phrases"]),
        idiom_phrases=_word_sequences(raw["idiom_phrases"]),
        denying_partitives=_word_sequences(raw["denying_partitives"]),
        open_bounds=_word_sequences(raw["open_bounds"]),
        dateline=str(raw["dateline"]),
        verb_stems=_stems(
            [
                *raw["verbs"]["closed"],
                *raw["verbs"]["handed over"],
                *raw["receiving"]["handed over"],  # "a hérité du camp", "hérité" a noun
            ],
            raw["verb_endings"],
        ),
        plan_stems=_stems(raw["plan_words"], raw["verb_endings"]),
        # short stems too: "nier" is "ni-"
        speech_stems=_stems(
            [*raw["government_verbs"], *raw["denials"]], raw["verb_endings"], shortest=2
        ),
        left_with={str(verb): str(word) for verb, word in raw["left_with"].items()},
        falls_back_onto={str(verb): str(word) for verb, word in raw["falls_back_onto"].items()},
        peoples_of_states={
            normalise(str(state)): normalise(str(people))
            for state, people in raw["peoples_of_states"].items()
        },
        inflections=frozenset(fold(e) for e in raw["inflections"]),
        future_endings=tuple(raw["future_endings"]),
        conditional_endings=tuple(raw["conditional_endings"]),
        imperfect_endings=tuple(raw["imperfect_endings"]),
        participle_endings=tuple(raw["participle_endings"]),
        **sets,
    )


# Stems longer than this are not looked for: no verb of the lexicons has one.
_LONGEST_STEM = 14


def _stems(verbs, endings, shortest: int = 3) -> dict[str, str]:
    """{stem: verb} for one-word verbs whose stem has at least ``shortest`` letters:
    "quitt" -> "quitter", "céd" -> "céder" (accents folded)."""
    stems = {}
    for verb in _lower(verbs):
        ending = next((e for e in endings if verb.endswith(e) and " " not in verb), None)
        if ending and len(verb) - len(ending) >= shortest:
            stems[fold(verb[: -len(ending)])] = verb
    return stems


def same_people(word: str, people: str) -> bool:
    """Whether two words name one people, whatever their endings of gender and number.

    >>> [same_people(w, "françaises") for w in ("français", "Française", "libyennes")]
    [True, True, False]
    >>> same_people("australian", "austrian"), same_people("Americans", "american")
    (False, True)
    """
    shorter, longer = sorted((normalise(word), normalise(people)), key=len)
    return len(shorter) >= 4 and longer.startswith(shorter[:-1])


def fold(word: str) -> str:
    """Lower case without accents: "rétrocède" -> "retrocede"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _flag(key: str, value) -> bool:
    """A yes-or-no setting, written ``true`` or ``false`` (the words loader keeps them words)."""
    if str(value).lower() not in ("true", "false"):
        raise ValueError(f"{key}: {value!r} is neither true nor false")
    return str(value).lower() == "true"


def _word_sequences(phrases) -> tuple[tuple[str, ...], ...]:
    """Phrases as the word sequences they are matched as, in lower case.

    >>> _word_sequences(["Further notice", "otherwise"])
    (('further', 'notice'), ('otherwise',))
    """
    return tuple(tuple(phrase.split()) for phrase in _lower(phrases))


def _lower(values) -> list[str]:
    return [" ".join(str(v).lower().split()) for v in values]


def _by_status(raw: Mapping) -> dict[str, Status]:
    return {word: Status.parse(status) for status, words in raw.items() for word in _lower(words)}
