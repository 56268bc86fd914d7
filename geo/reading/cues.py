"""Status cues: the words of a parsed sentence that tell what became of a site.

A cue is a verb ("handed over", "vacated", "quitté"), a verb that needs its
recipient ("returned *to the authorities*"), someone else taking a site over
("the army *took over* the camp"), the flag coming down, or an event noun
("the *handover* of the camp", "le *retrait* de Kidal"). What the grammar
around it says -- done, planned, denied -- is :mod:`geo.reading.time`'s
question; which site it speaks of is :mod:`geo.reading.governance`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from geo.model import Status
from geo.reading.dates import date_rules
from geo.reading.lexicon import Lexicon, fold, same_people

# The dependency labels of a verb's particle and objects, in spaCy's English and French schemes.
_PARTICLE = frozenset({"prt", "compound:prt"})
_OBJECTS = frozenset({"dobj", "obj", "nsubjpass", "nsubj:pass"})
# How the parsers hang an idiom's noun on its verb: "rendait *visite*" is an object or, in
# French, a complement; "se sont rendus *maîtres*" an adjective.
_IDIOM_OBJECTS = frozenset({"dobj", "obj", "xcomp", "amod"})


# The lemma of a cue by which a site becomes a people's: "Taba became Egyptian again".
BECOMING = "become"


class CueKind(Enum):
    """How a cue's word stands in the sentence."""

    VERB = "verb"  # the mission acts: "handed over", "vacated"
    RECEIVING = "receiving"  # someone else takes the site: "took over", "réceptionné"
    FLAG = "flag"  # the flag comes down
    NOUN = "noun"  # an event named as a noun: "the handover", "le retrait"
    PRESENCE = "presence"  # the mission still there: "remain", "still open"; negated, gone


@dataclass(frozen=True)
class Cue:
    """A word that tells what became of a site if it governs one."""

    head: int  # index of the cue's word in the parsed sentence
    status: Status  # what it gives once done by the mission
    lemma: str  # as the lexicon writes it: "hand over", "withdrawal"
    kind: CueKind


def find_cues(doc, lexicon: Lexicon) -> list[Cue]:
    """Every cue of a parsed sentence, in text order."""
    found = []
    for token in doc:
        cue = cue_at(token, lexicon)
        if cue is not None:
            found.append(cue)
    return found


def lemma_of(token) -> str:
    """The lower-case lemma; spaCy leaves some proper-noun lemmas capitalised."""
    return token.lemma_.lower()


def verb_lemma(token, lexicon: Lexicon) -> str:
    """The token's lemma, or the cue verb whose stem its form starts with when the tagger
    missed an inflected form ("quittera" tagged as a name, "quittaient" as an adverb)."""
    lemma = lemma_of(token)
    if lemma in lexicon.verbs or not lexicon.verb_stems or (token.text[:1].isupper() and token.i):
        return lemma
    if _with_article(token):
        return lemma  # "une partie de sa logistique": a noun with its article is no verb
    return lexicon.inflected(token.text, lexicon.verb_stems) or lemma


def cue_at(token, lexicon: Lexicon) -> Cue | None:
    """The cue the word is, or None."""
    lemma = lemma_of(token)
    if _in_fixed_phrase(token, lexicon) or _speech_after_quote(token):
        return None
    if token.pos_ == "ADP" and token.text.lower() in lexicon.left_with.values():
        # "left the mission with camps in Gao": "with" on the verb, or on its object
        verb = token.head if token.head.dep_ not in _OBJECTS else token.head.head
        if lexicon.left_with.get(lemma_of(verb)) == token.text.lower():
            phrase = f"{lemma_of(verb)} {token.text.lower()}"
            return Cue(token.i, Status.PENDING, phrase, CueKind.PRESENCE)
    if (
        opens_with_remaining(token, lexicon)
        # "Restent *à fermer* les bases …", "Reste *que* …": the rest of the sentence says it
        and token.i + 1 < len(token.doc)
        and token.nbor().pos_ in ("PROPN", "DET", "NOUN")
    ):
        return Cue(token.i, Status.PENDING, "remain", CueKind.PRESENCE)
    if token.pos_ == "NOUN" and _flag_noun(token, lemma, lexicon):
        return Cue(token.i, Status.CLOSED, "flag-lowering", CueKind.NOUN)
    hyphenated = _hyphenated(token)
    if hyphenated in lexicon.nouns:
        return Cue(token.i, lexicon.nouns[hyphenated], hyphenated, CueKind.NOUN)
    # A noun, or a proper noun only when the tagger took a plain word for one ("Handover").
    noun = token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.text.lower() == lemma)
    if _bare_event_word(token, lexicon):
        noun, lemma = True, token.lower_  # "- Abéché : ... ; *remise* attendue dans la semaine"
    if noun and lemma in lexicon.nouns and token.tag_ != "VBG":
        if _of_powers(token, lexicon):
            return None  # "la cérémonie de transfert d'autorité": between forces, of no site
        if any(
            c.dep_ in ("amod", "compound") and lemma_of(c) in lexicon.care_words
            for c in token.children
        ):
            return None  # "the *medical* evacuation of two wounded peacekeepers": of people
        if any(_opens_with_idiom(c, lexicon) for c in token.children):
            return None  # "la *remise en état* des sites": a repair
        return Cue(token.i, lexicon.nouns[lemma], lemma, CueKind.NOUN)
    guessed = verb_lemma(token, lexicon)
    if (
        token.pos_ == "PROPN"
        and token.text[:1].islower()
        and lemma in lexicon.verbs
        and bool(lexicon.future_endings)
        and fold(token.lower_).endswith(lexicon.future_endings)
    ):
        # "le contingent *quittera* Domoni": a future the tagger took for a name, which no
        # name written in lower case is (its present, "quittent", it parses as a verb)
        return Cue(token.i, lexicon.verbs[lemma], lemma, CueKind.VERB)
    if guessed != lemma and token.pos_ not in ("VERB", "AUX"):
        if _idiom(token, lexicon):
            return None  # "se sont rendus maîtres", "rendus" taken for a noun
        if guessed in lexicon.receiving:
            return Cue(token.i, lexicon.receiving[guessed], guessed, CueKind.RECEIVING)
        return Cue(token.i, lexicon.verbs[guessed], guessed, CueKind.VERB)
    if (
        token.pos_ == "ADV"
        and lemma in lexicon.presence_verbs
        and lemma_of(token.head) in ("be", "être")
    ):
        return Cue(token.i, Status.PENDING, lemma, CueKind.PRESENCE)  # "Greenville is next in line"
    if verb_phrase_taken_for_an_adverb(token, lexicon):
        # "les casques bleus *plient* bagage à Ber": "plient" tagged an adverb of "bagage"
        phrase = f"{lemma_of(token)} {lemma_of(token.head)}"
        return Cue(token.i, lexicon.verbs[phrase], phrase, CueKind.VERB)
    if token.pos_ not in ("VERB", "AUX", "NOUN", "ADJ") or token.dep_ in ("aux", "auxpass"):
        return None
    if _idiom(token, lexicon):
        return None
    lemma = guessed
    if lemma in lexicon.remaining_passives and _left_over(token, lexicon):
        return Cue(token.i, Status.PENDING, f"be {lemma}", CueKind.PRESENCE)  # "only Gao is left"
    if lemma in lexicon.remaining_passives and _left_standing(token, lexicon):
        return Cue(token.i, Status.PENDING, f"{lemma} as", CueKind.PRESENCE)
    verbal = (
        token.pos_ in ("VERB", "AUX")
        or token.tag_ in ("VBN", "VBD", "VBG", "VBZ", "VBP")
        or _clause_head(token)
    )
    # A verb the tagger took for a noun or an adjective ("Hands", "vacated") still counts
    # when the lexicon knows it only as a verb.
    if verbal and lemma in lexicon.presence_theme_verbs and _struck(token, lexicon):
        return Cue(token.i, Status.CLOSED, lemma, CueKind.VERB)  # "le poste a été levé"
    if verbal and lemma in lexicon.regrouping_verbs and _leaves_its_post(token, lexicon):
        # "the company stationed at Mamou rejoined Conakry": it left Mamou
        return Cue(token.i, Status.CLOSED, lemma, CueKind.VERB)
    if verbal and lemma in lexicon.ceding_verbs and _ceded_to(token, lexicon):
        return Cue(token.i, Status.HANDED_OVER, f"{lemma} to", CueKind.VERB)
    lemma = _gerund_stem(token, lexicon) or lemma
    if token.dep_ == "acomp" and token.text.lower() in lexicon.verbs:
        lemma = token.text.lower()  # "the camp lay *deserted*": a state, not "desert"
    if token.pos_ == "ADJ" and lemma not in lexicon.verbs:
        participle = participle_of(token.lower_, lexicon)
        if participle is not None and (item_note(token) or _state_of_a_copula(token, lexicon)):
            lemma = participle  # "• Ber — *closed*, October", "were simply *closed*"
    if verbal and lemma in lexicon.left_with and _leaves_people(token, lexicon):
        # "leaving a small liquidation team in Bamako": they stay there
        return Cue(token.i, Status.PENDING, f"{lemma} behind", CueKind.PRESENCE)
    phrases = _phrases(token, lemma, lexicon)
    # A verb the tagger took for a noun has no article: "the Anbar *desert*" is a noun.
    if verbal or (
        lemma not in lexicon.nouns
        and not _with_article(token)
        and not _judged_true(token)
        and any(p in lexicon.action_verbs for p in phrases)
    ):
        if lemma in lexicon.holding_verbs and still_said(token, lexicon):
            # "les soldats de la MINUSMA *occupent toujours* Ber": still there, not moving in
            return Cue(token.i, Status.PENDING, lemma, CueKind.PRESENCE)
        for phrase in phrases:
            if phrase in lexicon.receiving and not _placing_participle(token, lexicon):
                return Cue(token.i, lexicon.receiving[phrase], phrase, CueKind.RECEIVING)
            if phrase in lexicon.verbs and not (
                # "the flag *came down* over Camp Bastion" is a flag lowered
                (phrase in lexicon.flag_verbs and _has_object(token, lexicon.flag_nouns))
                or _out_but_not_gone(token, phrase, lexicon)
            ):
                return Cue(token.i, lexicon.verbs[phrase], phrase, CueKind.VERB)
    if verbal:
        for phrase in phrases:
            if phrase in lexicon.flag_verbs and _has_object(token, lexicon.flag_nouns):
                # "the flag-lowering ceremony": a verb form that names an event
                nominal = token.dep_ in ("amod", "compound") and token.head.pos_ == "NOUN"
                return Cue(
                    token.i, Status.CLOSED, phrase, CueKind.NOUN if nominal else CueKind.FLAG
                )
    turn_verb = verbal and _turn_verb(token, lemma, lexicon)
    if (turn_verb and _site_takes_its_turn(token, lexicon)) or _turn_of_a_site(
        token, lemma, lexicon
    ):
        # "Bor and Wau were handed over, and Bentiu *followed*": the turn of the same event;
        # "... the third to go, *following* Bor and Wau", "mardi, c'était au *tour* de Gao":
        # of the event its sentence tells before, or of the leaving
        before = cue_at(token.head, lexicon) if turn_verb and token.dep_ == "conj" else None
        before = before or _event_before(token, lexicon)
        status = before.status if before is not None else Status.CLOSED
        return Cue(token.i, status, lemma, CueKind.VERB)
    flying = lemma in lexicon.flying_verbs or token.lower_ in lexicon.flying_verbs
    if verbal and flying and _has_object(token, lexicon.flag_nouns):
        # "the UN flag still *flies* over Gao", "le drapeau de l'ONU ne *flotte* plus sur Ber"
        # (a form the lemmatizer cuts short: "flott")
        word = lemma if lemma in lexicon.flying_verbs else token.lower_
        return Cue(token.i, Status.PENDING, word, CueKind.PRESENCE)
    if verbal and _presence_ends(token, lemma, lexicon):
        return Cue(token.i, Status.CLOSED, lemma, CueKind.VERB)
    if _becomes_a_peoples(token, lexicon):
        return Cue(token.i, Status.HANDED_OVER, BECOMING, CueKind.VERB)
    held = _in_hands(token, lexicon)
    if held is not None:
        # "the Ouallam camp *is* now in the hands of the national army", "le camp est entre
        # les *mains* de l'armée": held now by whoever received it
        return Cue(token.i, Status.HANDED_OVER, held, CueKind.VERB)
    if (
        token.pos_ == "NOUN"
        and lemma in lexicon.people_or_camps
        and token.head.text.lower() in lexicon.absence_words
    ):
        # "Hombori is now *without* a UN presence", "has been *without* UN soldiers since April"
        return Cue(token.i, Status.PENDING, f"without {lemma}", CueKind.PRESENCE)
    if token.pos_ == "NOUN" and lemma in lexicon.presence_nouns and _no_more(token, lexicon):
        # "- Ruhengeri : *plus aucune présence* française depuis le printemps"
        return Cue(token.i, Status.PENDING, f"no more {lemma}", CueKind.PRESENCE)
    if (
        (lemma in lexicon.presence_verbs or lemma in lexicon.holding_verbs)
        and token.pos_ != "NOUN"
        and _states_presence(token, lexicon)
    ) or (
        (lemma in lexicon.lacking_verbs or _existential(token))
        and verbal
        and _lacks_people(token, lexicon)
    ):
        return Cue(token.i, Status.PENDING, lemma, CueKind.PRESENCE)
    if verbal and lemma in lexicon.recipient_verbs and _has_recipient(token, lemma, lexicon):
        return Cue(token.i, Status.HANDED_OVER, lemma, CueKind.VERB)
    if verbal and lemma in lexicon.returning_verbs and _gives_back(token, lexicon):
        return Cue(token.i, Status.HANDED_OVER, lemma, CueKind.VERB)
    if token.pos_ in ("VERB", "AUX") and _still_there(token, lemma, lexicon):
        return Cue(token.i, Status.PENDING, f"still {lemma}", CueKind.PRESENCE)
    return None


def _out_but_not_gone(token, phrase: str, lexicon: Lexicon) -> bool:
    """Whether a copula's particle says people are out doing something, or time is out, not
    that anyone is gone: "were *out on* patrol", "before November *is out*" -- unlike "are
    due to be *out of* Ber", "must be *out* by January"."""
    if lemma_of(token) not in lexicon.copulas or " " not in phrase:
        return False
    before = token.doc[token.i - 1] if token.i else token
    if any(
        (c.dep_.startswith("nsubj") or c.i == before.i)
        and (c.ent_type_ in ("DATE", "TIME") or lemma_of(c) in lexicon.deadline_words)
        for c in (*token.children, before)
    ):
        return True  # the parser may leave the month without its verb
    particle = phrase.split()[-1]
    return any(
        c.dep_ == "prep"
        and c.lower_ not in lexicon.origin_prepositions
        and c.lower_ not in ("of", "by")
        for word in token.children
        if word.lower_ == particle
        for c in word.children
    )


def _with_article(token) -> bool:
    """A noun with its article or its owner, which no verb the tagger missed has: "the
    Anbar *desert*", "an hour's *drive* away", "the *desert* base" (the article of the noun it
    qualifies)."""
    if token.pos_ != "NOUN":
        return False
    qualified = token.head if token.dep_ == "compound" and token.head.i > token.i else None
    return any(c.dep_ in ("det", "poss") for c in token.children) or (
        qualified is not None
        and any(c.dep_ in ("det", "poss") and c.i < token.i for c in qualified.children)
    )


# A quotation closing right before a word: its mark and a comma, or a comma and its mark.
_CLOSED_QUOTES = frozenset({('"', ","), ("»", ","), ("”", ","), (",", '"'), (",", "”")})


def _speech_after_quote(token) -> bool:
    """Whether the word opens the words that tell who spoke, right after a quotation closes:
    "« … », *lâche* un marchand du PK5", "“… at last,” *quipped* a trader" -- a verb of
    speech, whatever else it may mean. The reader makes every quotation mark plain, so a
    quote closes where a comma follows it or stands before it."""
    if token.i < 2:
        return False
    doc = token.doc
    before = doc[token.i - 1].text  # one look for the many words after no quote or comma
    if before not in (",", '"', "”"):
        return False
    return (doc[token.i - 2].text, before) in _CLOSED_QUOTES


def _bare_event_word(token, lexicon: Lexicon) -> bool:
    """An event noun the tagger took for a participle or a verb with nothing of a verb about
    it -- no auxiliary, no subject -- heading its sentence, opening an item's note or after
    its article: "*remise* attendue dans la semaine", "Forchana : *remise* à la MINURCAT
    prévue", "sa *remise* formelle au Land reste à signer". The item's label is no subject
    of it, whatever the parser says: "Birao (RCA) : *retrait* en cours"."""
    noted = token.pos_ == "VERB" and "Fin" in token.morph.get("VerbForm") and item_note(token)
    return (
        token.lower_ in lexicon.nouns
        and (
            (token.pos_ == "ADJ" and token.dep_ == "ROOT")
            or noted
            or (token.pos_ in ("VERB", "ADJ") and any(c.dep_ == "det" for c in token.children))
        )
        and not any(
            c.dep_.startswith(("aux", "nsubj", "cop")) and not (noted and c.i < token.i)
            for c in token.children
        )
    )


def _state_of_a_copula(token, lexicon: Lexicon) -> bool:
    """A participle the tagger took for an adjective, told as the state of a copula's
    subject: "the stations in Drvar and Srebrenica were simply *closed*"."""
    return token.dep_ == "acomp" and lemma_of(token.head) in lexicon.copulas


def _judged_true(token) -> bool:
    """An adjective that judges a clause, which no verb the tagger missed does: "nor is it
    *clear* that the Gulf wants troops at Jufair"."""
    return (
        token.pos_ == "ADJ"
        and token.dep_ == "acomp"
        and any(c.dep_ == "ccomp" for c in (*token.children, *token.head.children))
    )


def _clause_head(token) -> bool:
    """A noun with a subject and an object of its own is a verb the tagger missed:
    "Bersaglieri *hand* COP Columbus to Afghan authorities"; so is an adjective heading its
    sentence with a subject and no copula."""
    deps = {c.dep_ for c in token.children}
    if token.pos_ == "ADJ" and token.dep_ == "ROOT":
        # "le drapeau malien *flotte* sur le camp": an adjective with a subject and no copula
        return "nsubj" in deps and "cop" not in deps
    return token.pos_ == "NOUN" and "nsubj" in deps and bool(deps & {"dobj", "obj"})


def participle_of(word: str, lexicon: Lexicon) -> str | None:
    """The verb of the lexicon whose past participle, by one of the lexicon's
    ``participle_endings``, the tagger took for an adjective; or None.

    >>> from geo.reading.lexicon import lexicon_for
    >>> [participle_of(word, lexicon_for("en")) for word in ("closed", "abandoned", "tired")]
    ['close', 'abandon', None]
    """
    stems = (word[: -len(e)] for e in lexicon.participle_endings if word.endswith(e))
    return next((stem for stem in stems if stem in lexicon.verbs), None)


def verb_phrase_taken_for_an_adverb(token, lexicon: Lexicon) -> bool:
    """A verb the tagger took for an adverb of the noun right after it, the two a phrase of
    the lexicon: "*plient* bagage"."""
    return (
        token.pos_ == "ADV"
        and token.head.i == token.i + 1
        and f"{lemma_of(token)} {lemma_of(token.head)}" in lexicon.verbs
    )


def _leaves_its_post(verb, lexicon: Lexicon) -> bool:
    """Whether the verb's subject is people said to be stationed somewhere: "the company
    *stationed* at Mamou", "les compagnies *cantonnées* à Hall"."""
    return any(
        c.dep_ in ("nsubj", "nsubj:pass")
        and any(
            m.dep_ in ("acl", "amod", "relcl") and lemma_of(m) in lexicon.location_verbs
            for m in c.children
        )
        for c in verb.children
    )


def _leaves_people(verb, lexicon: Lexicon) -> bool:
    """Whether what the verb of leaving leaves is people: "left a team in Bamako"."""
    return any(c.dep_ in ("dobj", "obj") and lemma_of(c) in lexicon.people for c in verb.children)


def still_said(token, lexicon: Lexicon) -> bool:
    """Whether "still" is said of the word: "*still* has troops", "sont *toujours*"."""
    return any(c.dep_ == "advmod" and c.lower_ in lexicon.still_words for c in token.children)


def _still_there(token, lemma: str, lexicon: Lexicon) -> bool:
    """ "Peacekeepers are *still* in Kidal", "les casques bleus sont *toujours* à Kidal", "MINUSMA
    *still has* troops in Kidal", "staff *still* work from Gao": a plain "be", "have" or
    "work" that says the mission is there yet."""
    if lemma in lexicon.lacking_verbs:
        return still_said(token, lexicon) and _holds_people(token, lexicon)
    if lemma in lexicon.working_verbs:
        # "UN staff will *still* be working from the Bamako headquarters"
        return still_said(token, lexicon) and any(
            c.dep_ in ("prep", "obl", "obl:arg", "obl:mod") for c in token.children
        )
    if lemma not in lexicon.copulas:
        return False
    if token.dep_ == "cop":
        # French hangs "être" on what follows it: "sont toujours *à Kidal*"
        place = token.head
        return still_said(place, lexicon) and any(
            c.dep_ == "case" and c.lower_ in lexicon.location_prepositions for c in place.children
        )
    return still_said(token, lexicon) and any(
        c.dep_ == "prep" and c.lower_ in lexicon.location_prepositions for c in token.children
    )


def _in_fixed_phrase(token, lexicon: Lexicon) -> bool:
    """Whether the word is part of a phrase of its own: "*à partir* de Gao" is "from Gao",
    "*close to* a team site" is "near" it."""
    doc = token.doc
    for words, position in lexicon.fixed_phrase_places.get(token.lower_, ()):
        start = token.i - position
        if start < 0 or start + len(words) > len(doc):
            continue
        if tuple(t.lower_ for t in doc[start : start + len(words)]) != words:
            continue
        # ... unless its preposition is a verb's or an adjective's: "se prépare *à partir* de
        # Gao", "prêts *à partir*"
        return not (
            doc[start].pos_ == "ADP" and start > 0 and doc[start - 1].pos_ in ("VERB", "AUX", "ADJ")
        )
    return False


def _opens_with_idiom(phrase, lexicon: Lexicon) -> bool:
    """Whether a phrase on a verb or noun opens with one of the lexicon's idioms, articles
    and possessives aside: "en état (du camp)", "to (its) natural state"."""
    words = [
        t.lower_
        for t in phrase.subtree
        if t.pos_ != "DET" and not (t.pos_ == "PRON" and t.dep_ == "poss")
    ]
    return any(tuple(words[: len(idiom)]) == idiom for idiom in lexicon.idiom_phrases)


def _idiom(verb, lexicon: Lexicon) -> bool:
    """ "rendre *hommage*", "il s'est rendu à Gao", "will *go on* using the barracks": the verb
    in a sense that moves no site."""
    for child in verb.children:
        if child.dep_ in _IDIOM_OBJECTS and lemma_of(child) in lexicon.idiom_objects:
            return True
        if any(
            lemma_of(g) in lexicon.idiom_states
            for g in (child, *child.children)
            if child.dep_ in ("prep", "obl", "obl:mod") and g.pos_ == "NOUN"
        ):
            return True  # "Gali and Zugdidi posts *left in doubt*"
        if _opens_with_idiom(child, lexicon):
            return True  # "le camp a été *remis en état*", "returned *to its natural state*"
        if (
            child.dep_ in ("obj", "dobj")
            and lemma_of(child) in lexicon.presence_nouns
            and any(
                c.dep_ == "poss" and c.text.lower() in lexicon.personal_possessives
                for c in child.children
            )
        ):
            return True  # "the envoy quit *his* post": a person's job, not a site
        if child.dep_.startswith("expl") and lemma_of(verb) in lexicon.reflexive_moves:
            return True
    return any(
        c.dep_ in ("prt", "compound:prt") and c.lower_ in lexicon.continuing_particles
        for c in verb.children
    ) and any(c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" for c in verb.children)


def _placing_participle(token, lexicon: Lexicon) -> bool:
    """A participle that only says where a post stands, with no one acting: "le poste de
    la Gombe, *installé* à proximité des chancelleries" (but "*occupé* par les rebelles")."""
    return (
        lemma_of(token) in lexicon.location_verbs
        and token.dep_ in ("acl", "amod")
        and "Part" in token.morph.get("VerbForm")
        and not any(c.dep_ in ("agent", "obl:agent") for c in token.children)
    )


def _of_powers(noun, lexicon: Lexicon) -> bool:
    """ "transfer *of authority*", "transfert *d'autorité*": powers change hands, not a site."""
    for child in noun.children:
        if child.dep_ == "prep" and child.text.lower() in lexicon.of_words:
            objects = list(child.children)
        elif child.dep_ == "nmod" and any(
            c.dep_ == "case" and c.text.lower() in lexicon.of_words for c in child.children
        ):
            objects = [child]
        else:
            continue
        # "a transfer of authority ceremony": the powers may qualify what follows "of"
        words = [*objects, *(c for o in objects for c in o.children if c.dep_ == "compound")]
        if any(lemma_of(w) in lexicon.transferred_powers for w in words):
            return True
    return False


def _gerund_stem(token, lexicon: Lexicon) -> str | None:
    """The verb of a gerund with its particle that the tagger took for a noun: "thanked the
    mission for *handing* over the camp", "after *pulling* out of Kidal"."""
    word = token.text.lower()
    if token.pos_ != "NOUN" or not word.endswith("ing"):
        return None
    particles = {c.text.lower() for c in token.children if c.dep_ in _PARTICLE}
    for stem in (word[:-3], word[:-4]):  # "handing", "pulling"; "shutting"
        if any(f"{stem} {particle}" in lexicon.verbs for particle in particles):
            return stem
    return None


def _phrases(token, lemma: str, lexicon: Lexicon) -> list[str]:
    """The lexicon phrases a verb may stand for, longest first: with its particle
    ("hand over"), its object ("take possession") or its preposition ("move into"),
    then alone."""
    phrases = []
    for child in token.children:
        word = child.text.lower()
        if child.dep_ in _PARTICLE or (
            # a particle follows its verb: "*In* mid-April the troops moved out" is no "move in";
            # after an aside the parser may take it for an adverb ("signed Camp Monteith, near
            # Gjilan, *over* to the KSF")
            (child.dep_ == "prep" or (child.dep_ == "advmod" and child.pos_ == "ADP"))
            and word in lexicon.particles
            and child.i > token.i
            # "moved out *in the summer*": a preposition of time
            and not any(g.ent_type_ in ("DATE", "TIME") for g in child.children)
        ):
            phrases.append(f"{lemma} {word}")
        elif child.dep_ in _OBJECTS or child.dep_ in ("obl:arg", "xcomp"):
            # "cesser *activité*", "a cessé *de fonctionner*"
            phrases.append(f"{lemma} {lemma_of(child)}")
            # "signed Camp Ber *over* to the army": the parser may hang the particle on the object
            phrases += [
                f"{lemma} {g.text.lower()}"
                for g in child.children
                if g.dep_ in _PARTICLE and g.i > child.i
            ]
    # "got the sector headquarters *back*": an adverb after a site that is the object
    sites = [c for c in token.children if c.dep_ in _OBJECTS and _of_presence(c, lexicon)]
    phrases += [
        f"{lemma} {c.text.lower()}"
        for c in token.children
        if c.dep_ == "advmod"
        and c.text.lower() in lexicon.particles
        and any(site.i < c.i for site in sites)
    ]
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.text.lower() in lexicon.particles:
        phrases.append(f"{lemma} {following.text.lower()}")
    phrases.append(lemma)
    return phrases


def _of_presence(noun, lexicon: Lexicon) -> bool:
    """A camp word or a place name: "the sector *headquarters*", "*Gao*"."""
    return noun.pos_ == "PROPN" or lemma_of(noun) in lexicon.presence_nouns


def _left_over(token, lexicon: Lexicon) -> bool:
    """ "Only Gao and Timbuktu *are left*": a present passive without an agent says what
    remains, not what was vacated ("Gao was left on Friday", "Kidal is left without a UN
    presence")."""
    if (
        token.dep_ in ("acl", "amod")
        and token.i == token.head.i + 1
        and token.head.pos_ in ("NOUN", "PROPN")
        and all(c.dep_ == "advmod" or (c.dep_ == "prep" and _placing(c)) for c in token.children)
    ):
        # "the biggest presence *left*", "the only camp still left", "the only foothold *left*
        # in the north-east"
        return True
    if (
        token.tag_ == "VBN"
        and token.dep_ in ("ccomp", "xcomp", "oprd")
        and lemma_of(token.head) in lexicon.lacking_verbs
        and token.i > token.head.i
    ):
        return True  # "Lobito has no Cuban troops *left*"
    passive = [c for c in token.children if c.dep_ in ("auxpass", "aux:pass")]
    return (
        token.tag_ == "VBN"
        and any("Pres" in a.morph.get("Tense") for a in passive)
        and not any(
            c.dep_ in ("agent", "obl:agent") or c.text.lower() in lexicon.absence_words
            for c in token.children
        )
    )


def _no_more(noun, lexicon: Lexicon) -> bool:
    """A presence said to be no more, in a phrase with no verb to tell it: "*plus aucune*
    présence française", "*no more* UN presence"."""
    words = {c.lower_ for c in noun.children if c.dep_ in ("det", "advmod", "amod")}
    words |= {g.lower_ for c in noun.children if c.dep_ in ("det", "amod") for g in c.children}
    return (
        bool(words & lexicon.negating_determiners)
        and bool(words & lexicon.no_more_words)
        and not any(a.pos_ in ("VERB", "AUX") for a in noun.ancestors)
    )


def _placing(preposition) -> bool:
    """Whether a preposition says where, not by whom nor when: "left *in the north-east*",
    not "left *by the peacekeepers*" nor "left *on 5 April*"."""
    return preposition.text.lower() != "by" and not any(
        g.ent_type_ in ("DATE", "TIME") for g in preposition.children
    )


def opens_with_remaining(token, lexicon: Lexicon) -> bool:
    """ "*Reste* le camp de Gao", "*Reste* Farchana, dont …": a verb opening its sentence to
    say what remains, which the small French model often takes for a name."""
    return (
        token.text.lower() in lexicon.remaining_openers
        and token.pos_ not in ("VERB", "AUX")
        and token.i == token.sent.start  # last: finding the sentence costs the most
    )


def _left_standing(token, lexicon: Lexicon) -> bool:
    """ "leaving Gao *as the last* French base", "*That leaves* the camp at Abéché": what
    the verb leaves is what remains, not what was vacated."""
    if any(
        c.dep_ in ("prep", "advcl")
        and c.left_edge.text.lower() in lexicon.standing_prepositions
        and any(lemma_of(t) in lexicon.ordinals for t in c.subtree)
        for c in token.children
    ):
        return True
    return token.tag_ == "VBZ" and any(
        c.dep_ == "nsubj" and "Dem" in c.morph.get("PronType") for c in token.children
    )


def _in_hands(token, lexicon: Lexicon) -> str | None:
    """How the word says a site is in someone's hands, that someone a recipient ("in hand",
    "entre main", "under control"), or None: English hangs "in the hands of the army" on the
    copula, French on "mains", the copula's own."""
    if token.pos_ in ("AUX", "VERB"):
        # "is *back* in Egyptian hands": the parser hangs the preposition on the adverb
        heads = [token, *(c for c in token.children if c.dep_ == "advmod")]
        held = [
            (c, g)
            for head in heads
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in lexicon.hands_prepositions
            for g in c.children
            if g.dep_ == "pobj"
        ]
    elif token.pos_ == "NOUN" and any(c.dep_ == "cop" for c in token.children):
        # "est entre les mains de": with its copula ("passait aux mains de" is "passer"'s)
        held = [
            (c, token)
            for c in token.children
            if c.dep_ == "case" and c.lower_ in lexicon.hands_prepositions
        ]
    else:
        return None
    return next(
        (
            f"{preposition.lower_} {lemma_of(noun)}"
            for preposition, noun in held
            if lemma_of(noun) in lexicon.hands_nouns
            and (_held_by_a_recipient(noun, lexicon) or _in_a_peoples_hands(token, noun, lexicon))
        ),
        None,
    )


def peoples_words(verb) -> list:
    """The words of the people a verb of becoming names: its complement, or itself when the
    tagger made the people's word the verb ("sont désormais *camerounaises*")."""
    complements = [c for c in verb.children if c.dep_ in ("acomp", "attr", "obj", "xcomp")]
    return complements or [verb]


def _becomes_a_peoples(token, lexicon: Lexicon) -> bool:
    """Whether the word is the verb by which its subject becomes a people's, or the people's
    word that the tagger made the verb: "Taba *became* Egyptian again", "Bakassi *is* now
    Cameroonian", "Taba *redevient* égyptienne", "Idabato est désormais *camerounaise*"."""
    if token.pos_ not in ("AUX", "VERB", "ADJ"):
        return False
    lemma = lemma_of(token)
    peoples = peoples_words(token)
    linking = token.pos_ != "ADJ" and (lemma in lexicon.becoming_verbs or lemma in lexicon.copulas)
    # a copula with its complement; French hangs the copula on the people's word ("sont
    # désormais *maliennes*"), which the tagger may also take for a passive ("sont désormais
    # *camerounaises*")
    own_copula = peoples == [token] and any(
        c.dep_ == "cop" or (c.dep_.startswith("aux") and token.pos_ != "ADJ")
        for c in token.children
    )
    if not (linking and peoples != [token]) and not own_copula:
        return False
    changed = lemma in lexicon.becoming_verbs or any(
        c.dep_ == "advmod" and lemma_of(c) in lexicon.becoming_words
        for word in {token, *peoples}
        for c in word.children
    )
    return changed and any(_a_peoples_word(p, lexicon) for p in peoples)


def _a_peoples_word(token, lexicon: Lexicon) -> bool:
    """ "Egyptian", "camerounaises": tagged a people, or one of the lexicon's peoples in any
    gender and number."""
    if token.ent_type_ == "NORP" or (
        # the small English model takes some for an organisation: "is now *Malian*"
        token.pos_ == "ADJ" and token.ent_type_ in ("ORG", "GPE") and token.text[:1].isupper()
    ):
        return True
    return any(same_people(token.text, people) for people in lexicon.peoples)


def _held_by_a_recipient(noun, lexicon: Lexicon) -> bool:
    """ "the hands *of the army*", "les mains *de l'armée*", "under *Malian* command"."""
    holders = [c for c in noun.children if c.dep_ == "nmod"]
    holders += [g for c in noun.children if c.dep_ == "prep" for g in c.children]
    return any(lemma_of(h) in lexicon.recipients for h in holders) or (
        lemma_of(noun) in lexicon.transferred_powers
        and any(c.dep_ == "amod" and c.pos_ == "ADJ" for c in noun.children)
    )


def _in_a_peoples_hands(verb, noun, lexicon: Lexicon) -> bool:
    """ "is in *Singapore* hands", "est entre des mains *maliennes*", "doit passer sous
    contrôle *égyptien*": a people's or a state's hands, that a site is or passes into -- not
    "will *stay* in American hands", the mission's own."""
    return lemma_of(verb) in lexicon.hands_verbs and any(
        c.dep_ in ("compound", "amod", "poss")
        and (c.ent_type_ in ("GPE", "NORP") or lemma_of(c) in lexicon.peoples)
        for c in noun.children
    )


def _turn_verb(token, lemma: str, lexicon: Lexicon) -> bool:
    """Whether the verb tells a site's turn: "Bentiu *followed*", "Ber *comes next*" -- not
    "*the following* are to be returned:", a list's lead-in."""
    if any(c.dep_ == "det" for c in token.children):
        return False
    return lemma in lexicon.turn_verbs or (
        lemma in lexicon.ordered_turn_verbs
        and any(
            c.dep_ == "advmod"
            and (c.lower_ in lexicon.order_words or lemma_of(c) in lexicon.order_words)
            for c in token.children
        )
    )


def _event_before(token, lexicon: Lexicon) -> Cue | None:
    """The nearest event its sentence tells before the word, a turn aside."""
    for word in reversed(token.doc[token.sent.start : token.i]):
        if _turn_verb(word, lemma_of(word), lexicon):
            continue
        found = cue_at(word, lexicon)
        if found is not None and found.kind in (CueKind.VERB, CueKind.NOUN, CueKind.FLAG):
            return found
    return None


def _turn_of_a_site(token, lemma: str, lexicon: Lexicon) -> bool:
    """A turn noun with its copula and no event of its own: "c'était au *tour* de Gao" -- not
    "au tour de Pont-Sondé *d'être fermé*", whose infinitive is the cue."""
    return (
        lemma in lexicon.turn_nouns
        and token.pos_ == "NOUN"
        and any(c.dep_ == "cop" for c in token.children)
        and not any(
            c.dep_ in ("acl", "xcomp") and c.pos_ in ("VERB", "AUX") for c in token.children
        )
    )


def _site_takes_its_turn(token, lexicon: Lexicon) -> bool:
    """ "Golo and Zalingei still *to go*", "Baraka is due *to follow*", "the last base *to go*":
    a site's turn in a withdrawal, not people going somewhere or following something."""
    if token.dep_ == "amod" and "Fin" not in token.morph.get("VerbForm"):
        return False  # "Kabkabiya, the *following* site due for closure": a word of order
    if token.tag_ == "VBG" and token.dep_ in ("advcl", "acl", "prep"):
        # "shut its Duhok office, *following* Mosul and Kirkuk": the names that went before,
        # not "following talks in Bamako"
        named = [c for c in token.children if c.dep_ in _OBJECTS or c.dep_ == "pobj"]
        return bool(named) and all(c.pos_ == "PROPN" for c in named)
    if any(
        c.dep_ in (*_OBJECTS, "prep", "obl", "obl:arg", "dative") and not says_when(c, lexicon)
        for c in token.children
    ):
        return False  # "followed the convoy", not "suivra d'ici la fin du mois"
    governor = token
    while governor.dep_ in ("xcomp", "acl", "relcl") and governor.head.i != governor.i:
        governor = governor.head
        if governor.pos_ in ("NOUN", "PROPN"):
            return lemma_of(governor) not in lexicon.people
    subject = next((c for c in governor.children if c.dep_.startswith("nsubj")), None)
    return (
        subject is None
        or (subject.pos_ in ("PROPN", "NOUN") and lemma_of(subject) not in lexicon.people)
        # "the team *in* Ivano-Frankivsk followed", "les détachements *de Kitega* suivront": the
        # people of a place take its turn -- not when they "go on" doing something
        or (
            subject.pos_ == "NOUN"
            and any(
                c.dep_ == "prep"
                or (c.dep_ == "nmod" and (c.pos_ == "PROPN" or c.ent_type_ in ("LOC", "GPE")))
                for c in subject.children
            )
            and not any(c.dep_ in ("prt", "compound:prt", "advcl", "xcomp") for c in token.children)
        )
        # "*Celui* de Carnot suivra début août"
        or (subject.pos_ == "PRON" and "Dem" in subject.morph.get("PronType"))
    )


def says_when(phrase, lexicon: Lexicon) -> bool:
    """Whether a prepositional phrase only says when: "*before the end of the month*",
    "*in October*", "*début août*", "*vers la mi-décembre*" (French hangs the preposition
    under its noun: ask the noun)."""
    months = date_rules(lexicon.lang).months
    return phrase.text.lower() in lexicon.timing_words or any(
        t.ent_type_ in ("DATE", "TIME")
        or lemma_of(t) in lexicon.deadline_words
        or any(part in months for part in t.lower_.split("-"))  # "mi-décembre"
        for t in phrase.subtree
    )


def _presence_ends(token, lemma: str, lexicon: Lexicon) -> bool:
    """ "MINUSMA's presence in Ménaka *came to an end*", "la présence ... *a pris fin*"."""
    if lemma not in lexicon.ending_verbs and not _ending_noun(token, lexicon):
        return False
    governor = token
    while governor.dep_ == "xcomp" and governor.head.i != governor.i:
        governor = governor.head  # "the presence in Gao is scheduled *to end*"
    subject = next(
        (c for c in governor.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")), None
    )
    if subject is not None and lemma_of(subject) in lexicon.ending_subjects:
        return True  # "the presence in Ménaka ended", "came to an end", "a pris fin"
    # "MINUSMA ended its presence in Kidal", "mettre un terme à sa présence à Gao"
    return _ends_a_presence(token, lexicon) or _stops_being_a_site(token, lexicon)


def _stops_being_a_site(verb, lexicon: Lexicon) -> bool:
    """Whether a verb of ending says its subject is a camp or station no more: "Hal Far
    ceased *to be an RAF station*", "le camp a cessé *d'être une base*"."""
    for child in verb.children:
        if child.dep_ not in ("xcomp", "obj", "dobj"):
            continue
        # English hangs the noun on "be", French the copula on the noun
        nouns = (
            [c for c in child.children if c.dep_ == "attr"] if lemma_of(child) == "be" else [child]
        )
        if any(
            lemma_of(n) in lexicon.presence_nouns
            and (n.dep_ == "attr" or any(c.dep_ == "cop" for c in n.children))
            for n in nouns
        ):
            return True
    return False


def _ending_noun(verb, lexicon: Lexicon) -> bool:
    """A noun of ending completes the verb: "came *to an end*", "a pris *fin*"."""
    for child in verb.children:
        candidates = [child] if child.dep_ in ("obj", "dobj") else []
        if child.text.lower() == "to":
            candidates += list(child.children)
        if any(t.pos_ == "NOUN" and lemma_of(t) in lexicon.ending_verbs for t in candidates):
            return True
    return False


def _ends_a_presence(verb, lexicon: Lexicon) -> bool:
    """Whether the verb's object, or what it puts an end *to*, is the mission's presence
    or its mission: "ended *its presence*", "mettre fin *à sa mission*"."""
    for child in verb.children:
        if child.dep_ in ("obj", "dobj") and lemma_of(child) in lexicon.ending_subjects:
            return True
        if child.dep_ in ("obl", "obl:arg", "obl:mod", "prep", "nmod"):
            objects = [child, *(c for c in child.children if c.dep_ == "pobj")]
            if any(lemma_of(o) in lexicon.ending_subjects for o in objects):
                return True
    return False


def _hyphenated(token) -> str | None:
    """ "pull-out", "hand-over": the parser splits them; the cue stands on the last part."""
    doc = token.doc
    if (
        token.i < 2
        or doc[token.i - 1].text != "-"
        or token.pos_ not in ("NOUN", "ADP", "ADV", "PART")
    ):
        return None
    return f"{doc[token.i - 2].text.lower()}-{token.text.lower()}"


def _states_presence(token, lexicon: Lexicon) -> bool:
    """ "peacekeepers *remain* in Gao", "the camp is still *open*", "troops *stationed* in Gao":
    a predicate, not an attribute ("an open question")."""
    if token.pos_ == "ADJ":
        return token.dep_ in ("acomp", "ROOT", "xcomp", "conj", "attr", "ccomp")
    if lemma_of(token) in lexicon.state_adjectives:
        return False  # "a new team site at Kalaikhum would *open*": a start, not a stay
    if token.dep_ == "amod":
        # "its last *remaining* base"
        return lemma_of(token.head) in lexicon.presence_nouns
    objects = _objects(token, lexicon)
    if not objects:
        held = token.dep_ in ("acl", "relcl") and token.tag_ == "VBN"  # "camps still manned by"
        return token.dep_ != "amod" and (held or lemma_of(token) not in lexicon.holding_verbs)
    # "keeps Gao and Timbuktu open": what is kept is said to stay open
    kept_open = any(
        c.pos_ == "ADJ" and lemma_of(c) in lexicon.presence_verbs
        for t in (token, *objects)
        for c in t.children
    )
    return kept_open or _holds_people(token, lexicon)


def _objects(verb, lexicon: Lexicon) -> list:
    """What a verb acts on -- with the parser's "hosted *one*" (an npadvmod) among them, the
    people of "there are no *peacekeepers*" and of French "il n'y a plus de *soldats*", which
    the parser hangs on the negation's "plus"."""
    found = [
        c
        for c in verb.children
        if c.dep_ in _OBJECTS
        or (c.dep_ == "npadvmod" and c.pos_ == "NUM")
        or (c.dep_ == "attr" and _existential(verb))
    ]
    return found + [
        g
        for c in verb.children
        # the parser may take "plus" for the object itself: "Bamako n'abrite *plus* de garnison"
        if (c.dep_ == "advmod" or c.dep_ in _OBJECTS) and c.lower_ in lexicon.partnered_negations
        for g in c.children
        if g.dep_ in ("obl:arg", "obl", "nmod") and g.pos_ == "NOUN"
    ]


def _existential(verb) -> bool:
    """ "*There are* no longer any peacekeepers in Ber"."""
    return any(c.dep_ == "expl" for c in verb.children)


def people_gone(verb, lexicon: Lexicon) -> list:
    """The people or camps a verb of presence says are gone: "leaves no *peacekeepers* in
    Ber", "il ne reste plus aucun *soldat* de la MINUSMA", "n'abritent plus de *bureaux* de la
    Minurcat"."""
    objects = _objects(verb, lexicon)
    if not _lacks_people(verb, lexicon, objects):
        return []
    return [o for o in objects if lemma_of(o) in lexicon.people_or_camps]


def _lacks_people(verb, lexicon: Lexicon, objects: list | None = None) -> bool:
    """Whether a verb of having says, with a negation, that a camp or troops are not there:
    "no longer *has* troops", "has *no* camp", "*n'a plus* de soldats" (whether the negation
    holds is the time's to say). ``objects``: the verb's, when already found."""
    objects = _objects(verb, lexicon) if objects is None else objects
    words = {
        t.text.lower() for word in (verb, *objects) for c in word.children for t in (c, *c.children)
    }
    return _holds_people(verb, lexicon, objects) and bool(words & lexicon.negations)


def _holds_people(verb, lexicon: Lexicon, objects: list | None = None) -> bool:
    """Whether what the verb acts on is a camp or troops: "hosts a UN *camp*", "has no
    *troops* in Tessalit", "has not hosted *one*"."""
    objects = _objects(verb, lexicon) if objects is None else objects
    return any(lemma_of(o) in lexicon.people_or_camps or o.pos_ in ("PRON", "NUM") for o in objects)


def _flag_noun(token, lemma: str, lexicon: Lexicon) -> bool:
    """ "the flag-lowering ceremony", "the lowering of the flag"."""
    verbs = [v for v in lexicon.flag_verbs if " " not in v]
    if not any(lemma.startswith(v) for v in verbs):
        return False
    return any(lemma_of(t) in lexicon.flag_nouns for t in token.subtree) or (
        token.i > 1 and lemma_of(token.doc[token.i - 2]) in lexicon.flag_nouns
    )


def _has_object(token, nouns: frozenset[str]) -> bool:
    """The flag is lowered ("lowered the flag", "the flag was lowered", "the flag came down",
    "le poste sera le premier à être levé")."""
    arguments = _OBJECTS | {"nsubj", "npadvmod", "compound"}
    return (
        any(c.dep_ in arguments and lemma_of(c) in nouns for c in token.children)
        or (token.dep_ in ("acl", "amod", "relcl") and lemma_of(token.head) in nouns)
        or any(lemma_of(s) in nouns for s in controlling_subjects(token))
    )


def _struck(verb, lexicon: Lexicon) -> bool:
    """Whether what the verb acts on is a camp, a post or a base -- not the mission or its
    people: "le poste a été *levé*", "Gikongoro *perdra* ses postes", "- PB Clifton:
    *demolished*", but not "the mission *lost* two soldiers"."""
    themes = _OBJECTS | {"nsubjpass", "nsubj:pass"}
    if item_note(verb) and "Part" in verb.morph.get("VerbForm"):
        return True  # "- PB Clifton: *demolished* last November": the item's site
    if verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm"):
        return lemma_of(verb.head) in lexicon.site_nouns  # "- Pageri : poste *levé* le 21"
    return any(
        lemma_of(t) in lexicon.site_nouns
        for t in (*(c for c in verb.children if c.dep_ in themes), *controlling_subjects(verb))
    )


def item_separator(token) -> bool:
    """Whether the word parts an item's label from its note: a colon, a dash, or a hyphen
    or two with a space before them ("* Korat - vacated", "* Udorn -- closing", not
    "Mopti-Sévaré")."""
    return token.text in (":", "–", "—") or (
        token.text in ("-", "--") and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    )


def mark(token) -> bool:
    """Whether a token is punctuation or a bullet -- which the tagger may take for a name
    ("•")."""
    return token.is_punct or not (token.text[:1].isalnum() or token.is_space)


def item_note(word) -> bool:
    """Whether a word opens the note of an item a name labels, after its colon or spaced
    dash: "- Korat: *running* down", "* Udorn - *closing*"."""
    sent, before = word.sent, word.i - 1
    if before <= sent.start or not item_separator(sent.doc[before]):
        return False
    # "Iriba (bataillon polonais) : remise à l'ONU en préparation": what stands in brackets
    # describes the label
    label = [t for t in sent.doc[sent.start : before] if not (mark(t) or t.is_space)]
    return (
        bool(label)
        and label[0].text[:1].isupper()
        and not any(t.pos_ in ("VERB", "AUX") for t in label)
    )


def controlling_subjects(verb) -> list:
    """The subjects of the words a complement hangs from: "*It* is to be handed over",
    "*Il* doit être remis", "*le poste* sera le premier à être levé"."""
    subjects = []
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
        subjects += [c for c in verb.children if c.dep_.startswith("nsubj")]
    return subjects


def _ceded_to(verb, lexicon: Lexicon) -> bool:
    """ "leaving it *to an Afghan army company*", "Leave Camp Holland *To Americans*", "ont
    laissé leur poste *à une section des Forces armées rwandaises*": a recipient, or a
    people, right after "to" on the verb (English hangs it under the preposition, French
    under the verb with its case marker) -- not people going where they belong ("most of its
    officers *went back to* their armies"), a trip home."""
    goers = _goers(verb)
    if lemma_of(verb) not in lexicon.verbs and any(_of_a_force(g, lexicon) for g in goers):
        return False
    # "Weihaiwei to go back to *China*": a place, not people, may go back to a state
    place_goes = any(
        (g.pos_ == "PROPN" or lemma_of(g) in lexicon.site_nouns) and not _of_a_force(g, lexicon)
        for g in goers
    )
    # "went *back to* the Iraqi army": the parser may hang "to" on the particle; "left Musa
    # Qala and the Kajaki dam *to* the Americans": on the last of the objects
    particles = [
        g
        for c in verb.children
        if c.dep_ in ("advmod", "prt") and c.lower_ in lexicon.particles
        for g in c.children
    ]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    while objects and (conjuncts := [c for c in objects[-1].children if c.dep_ == "conj"]):
        objects.append(conjuncts[-1])
    last_object = [c for c in objects[-1].children if c.dep_ == "prep"] if len(objects) > 1 else []
    for child in [*verb.children, *particles, *last_object]:
        if child.dep_ in ("prep", "dative"):
            marker, nouns = child, list(child.children)
        elif child.dep_ in ("obl:arg", "obl", "obl:mod", "iobj"):
            marker = next((c for c in child.children if c.dep_ == "case"), None)
            nouns = [child, *(c for c in child.children if c.dep_ == "nmod")]
        else:
            continue
        if marker is None or marker.text.lower() not in lexicon.recipient_prepositions:
            continue
        between = verb.doc[verb.i + 1 : child.i]
        if any(lemma_of(t) in lexicon.nouns for t in between):
            continue  # "leave the site ahead of its handover to officials": the noun's "to"
        if any(
            lemma_of(g) in lexicon.recipients
            or g.ent_type_ == "NORP"
            or (g.ent_type_ == "GPE" and particles and place_goes)
            for g in nouns
            if g.pos_ in ("NOUN", "PROPN")
        ):
            return True
    return False


def _goers(verb) -> list:
    """Who or what does the going of a verb: its subjects, or the name a headline hangs it on
    ("*Weihaiwei* to go back to China")."""
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
    if not subjects and verb.dep_ in ("xcomp", "acl") and verb.head.pos_ == "PROPN":
        return [verb.head]
    return subjects


def _of_a_force(noun, lexicon: Lexicon) -> bool:
    """Whether a noun phrase names people of a force: "officers", "most *of its officers*"."""
    return lemma_of(noun) in lexicon.force_words or any(
        lemma_of(g) in lexicon.force_words for g in noun.subtree if g.dep_ == "pobj"
    )


def _gives_back(verb, lexicon: Lexicon) -> bool:
    """Whether a verb of returning acts on a place, given back: "*returned* Clark Air Base",
    "the camp was *returned*", "the camp is to be *returned*" -- or, passive, a list's lead-in:
    "the following are to be *returned*:" -- not a trip ("the convoy returned to Gao") nor
    "returned fire"."""
    passive = any(c.dep_ in ("auxpass", "aux:pass") for c in verb.children)
    if passive and verb.i + 1 < len(verb.doc) and verb.nbor().text == ":":
        return True
    # "is to be returned": the subject is the copula's
    above = verb.head.children if passive and verb.dep_ == "xcomp" else ()
    return any(
        c.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass", "nsubj")
        and (c.dep_ != "nsubj" or c.head.i != verb.i)
        and (c.pos_ == "PROPN" or lemma_of(c) in lexicon.presence_nouns)
        for c in (*verb.children, *above)
    )


def _has_recipient(token, lemma: str, lexicon: Lexicon) -> bool:
    """Whether a transfer verb names who receives: "to the authorities", "aux autorités";
    for a verb of giving, anyone it is given to ("handed to the governorate")."""
    # "handed their base at Gulistan, in the mountains of Farah, to Afghan forces": the
    # parser may join the recipient's "to" to the preposition before it
    phrases = [
        p
        for child in token.children
        if child.dep_ in ("prep", "dative")
        for p in (child, *(c for c in child.children if c.dep_ == "conj" and c.pos_ == "ADP"))
    ]
    if lemma in lexicon.giving_verbs and any(
        phrase.text.lower() in lexicon.recipient_prepositions
        and any(g.pos_ in ("NOUN", "PROPN") for g in phrase.children)
        for phrase in phrases
    ):
        return True
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    if len(objects) > 1 and (
        lemma_of(objects[0]) in lexicon.recipients or objects[0].ent_type_ in ("NORP", "ORG")
    ):
        return True  # "handed Malian *forces* the Gao camp": the first of two objects
    # a site that belongs to someone was handed over only if that someone is a recipient
    named = () if lemma in lexicon.owning_verbs else ("GPE", "NORP", "ORG")
    for child in token.subtree:
        if child.i == token.i:
            continue
        # a people the French model tags a place: "est passée *aux Américains*"
        people = (
            lemma not in lexicon.owning_verbs and child.pos_ == "NOUN" and child.text[:1].isupper()
        )
        if (
            lemma_of(child) not in lexicon.recipients
            and child.ent_type_ not in named
            and not people
        ):
            continue
        cases = {c.text.lower() for c in child.children if c.dep_ == "case"}
        head = child.head
        if head.dep_ in ("prep", "dative") and head.text.lower() in lexicon.recipient_prepositions:
            return True
        if cases & lexicon.recipient_prepositions or child.dep_ in ("dative", "iobj", "obl:arg"):
            return True
    return False
