"""Time and polarity of a cue, from the parse: did it happen, is it to come, or neither?

- a past or present tense, a perfect, a participle tell an event that happened
  ("vacated", "has handed over", "a été rétrocédé", a headline's "Leaves");
- a future or modal auxiliary, a plan that governs the cue ("plans to",
  "is due to", "yet to", "doit encore"), a progressive ("is withdrawing"),
  a purpose ("to hand over"), "before" or "ahead of" tell a plan: pending -- but
  "before leaving" after something told in the past ("destroyed the ammunition
  before leaving") tells the leaving that followed it;
- a negation turns an event into a plan ("has not been handed over") and a
  plan into nothing ("will not leave");
- a question, a denial ("denied that it had left") or a condition ("if the
  mission left") tell nothing;
- an event noun takes its time from its verb or preposition: "the handover
  *took place*" happened, "*ahead of* the handover" is to come, and "the
  handover *is* a key element of the plan" tells nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from itertools import islice

from geo.reading.cues import (
    Cue,
    CueKind,
    item_note,
    item_separator,
    lemma_of,
    still_said,
    verb_phrase_taken_for_an_adverb,
)
from geo.reading.dates import date_rules
from geo.reading.lexicon import Lexicon

# Labels that tie a verb to the word that governs it: its plan, its speech verb, its condition.
_GOVERNED = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "csubj", "acl:relcl", "pcomp"})
_NEGATION_DEPS = frozenset({"neg"})
_NOUN_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj"})
_NOUN_OBJECTS = frozenset({"dobj", "obj", "pobj", "obl", "obl:arg", "obl:mod", "nmod"})
# The reasons (``Time.why``) of an event asked about, rumoured or supposed rather than told.
_UNSAID = ("question", "hearsay", "reported", "hypothetical")
# How a clause or an event noun hangs from a rumour: "rumours *that* ...", "rumours *of*
# a pullout", "les rumeurs *d'un* départ".
_HEARSAY_LINKS = frozenset({"acl", "acl:relcl", "relcl", "ccomp", "prep", "pobj", "nmod"})
_OTHERS_LINKS = frozenset({"relcl", "acl:relcl", "nsubj", "nsubjpass", "nsubj:pass", "csubj"})


class Happened(Enum):
    """What the grammar says of an event."""

    DONE = "done"
    PLAN = "plan"
    NOTHING = "nothing"


@dataclass(frozen=True)
class Time:
    """A cue's time, with the words that decided it."""

    happened: Happened
    why: str  # "past", "future", "plan: need", "negated past", "question", ...
    negated: bool = False
    verb: int | None = None  # the token whose tense decided (for an event noun, its verb)

    @property
    def unsaid(self) -> bool:
        """Whether the event is asked about, rumoured or supposed rather than told: a site
        it governs gets nothing from any reading, the learned one included."""
        return self.happened is Happened.NOTHING and self.why.startswith(_UNSAID)


def time_of(doc, cue: Cue, lexicon: Lexicon, headline: bool, answered: bool = False) -> Time:
    """When the event of ``cue`` happens, and whether it does at all. A question tells
    nothing -- unless the report ``answered`` it yes: "Have they left Anjar? Yes." tells
    what the question asks."""
    token = doc[cue.head]
    if _is_question(doc, token) and not answered:
        return Time(Happened.NOTHING, "question")
    if cue.kind is CueKind.NOUN or _gerund_as_noun(token, lexicon):
        # "*Dismantling* of the Lourdes station is under way": a gerund the subject of its
        # clause, with its "of", is timed as the event noun it stands for
        return _noun_time(token, lexicon, headline)
    if cue.kind is CueKind.PRESENCE:
        return _presence_time(token, lexicon, headline)
    if any(
        c.dep_ in ("advmod", "npadvmod", "obl:mod") and c.lower_ in lexicon.repeated_words
        for c in token.children
    ):
        # "the town changed hands several *times*": fighting over it, not the mission's turn
        return Time(Happened.NOTHING, "repeated", verb=token.i)
    if (
        cue.kind is CueKind.RECEIVING
        and _subject_negated(token, lexicon)
        and not any(lemma_of(c) in lexicon.still_words for c in token.children)
    ):
        # "*neither* the army *nor* the rebels took over the camp": no one did, and no one
        # is said to be about to ("no force has taken it over *yet*" is)
        return Time(Happened.NOTHING, "no one received it", True, token.i)
    turn = cue.lemma in lexicon.turn_verbs or cue.lemma in lexicon.ordered_turn_verbs
    if turn and not headline and _simple_present(token):
        # "Ricketts base at Moqur *follows* in the spring": a turn told in the present is
        # the schedule's
        return Time(Happened.PLAN, "turn: present", verb=token.i)
    if token.dep_ == "acomp" and lemma_of(token.head) in lexicon.copulas:
        # "the camp *will be* empty", "lay deserted on Tuesday", "are *due out* of Ber next
        # month": the copula's time
        return _verb_time(token.head, lexicon, headline)
    if verb_phrase_taken_for_an_adverb(token, lexicon) and token.head.dep_ in (
        "xcomp",
        "ccomp",
        "advcl",
    ):
        # "doivent *plier bagage*", "plier" an adverb of "bagage": the phrase's time is its noun's
        token = token.head
    if (planned := _planned_participle(token, lexicon)) is not None:
        return Time(Happened.PLAN, f"planned: {lemma_of(planned)}", verb=token.i)
    time = _verb_time(token, lexicon, headline)
    if (
        cue.lemma in lexicon.process_verbs
        and time.why in ("present", "headline")
        and "Pres" in token.morph.get("Tense")
    ):
        # "Soviet sailors *pack up* at Alexandria", "la garnison *fait ses paquets*": a
        # leaving that takes days, told in the present, is under way
        return Time(Happened.PLAN, "under way: process", time.negated, time.verb)
    return time


def _gerund_as_noun(token, lexicon: Lexicon) -> bool:
    """ "*Dismantling* of the station is under way": a gerund subject with its "of"."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in ("nsubj", "nsubjpass")
        and any(c.dep_ == "prep" and c.lower_ in lexicon.of_words for c in token.children)
    )


def _planned_participle(token, lexicon: Lexicon):
    """The word of planning on a bare participle the tagger made of an event noun: "Ledra
    Palace : remise *prévue* en juin", "Oshakati : remise au gouvernement *prévue* le 22
    mars" -- not a plan kept: "remise en juin comme prévu"."""
    if any(c.dep_.startswith("aux") for c in token.children) or not (
        token.pos_ == "ADJ" or "Part" in token.morph.get("VerbForm")
    ):
        return None
    # "dernière base, remise *prévue* en décembre": the parser may hang it beside the participle
    beside = token.doc[token.i + 1 : token.i + 2]
    words = [*token.subtree, *(w for w in beside if w.head.i == token.head.i)]
    return next(
        (
            word
            for word in words
            if word is not token
            and word.dep_ in ("acl", "amod")
            and word.head.i in (token.i, token.head.i, *(c.i for c in token.children))
            and lemma_of(word) in lexicon.planning_words
        ),
        None,
    )


def _presence_time(token, lexicon: Lexicon, headline: bool) -> Time:
    """The mission still there is a closure to come; no longer there, one that happened.

    An adjective ("still open") takes its copula's tense and polarity.
    """
    if token.pos_ == "ADP":  # "left the mission with camps in Gao": those remain
        return Time(Happened.PLAN, "still there: left with", False, token.head.i)
    if token.pos_ == "NOUN":  # "without a UN presence": gone, as of its clause's time
        verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), token)
        clause = _verb_time(verb, lexicon, headline) if verb is not token else None
        if clause is not None and clause.happened is Happened.PLAN:
            return Time(Happened.PLAN, "will be without", False, verb.i)
        return Time(Happened.DONE, "without presence", True, verb.i)
    verb = token.head if token.pos_ == "ADJ" and token.dep_ != "ROOT" else token
    negated = (
        _negated(token, lexicon)
        or _negated(verb, lexicon)
        # "has had *no* UN camp since 2017"
        or any(_negated(c, lexicon) for c in token.children if c.dep_ in _NOUN_OBJECTS)
    )
    # "there are *no* peacekeepers in Ber any more" (but "there were none at the time" says
    # nothing of today)
    absent = not _finite_past(verb) and any(
        _negated(c, lexicon) for c in token.children if c.dep_ == "attr"
    )
    negated = negated or absent
    if any(c.text.lower() in lexicon.never for c in (*token.children, *verb.children)):
        # "never had an office in Cankuzo", "Bourem never hosted a base": never there to leave
        return Time(Happened.NOTHING, "never there", True, verb.i)
    if lemma_of(token) in lexicon.lacking_verbs and not negated and not still_said(token, lexicon):
        return Time(Happened.NOTHING, "has", False, token.i)  # "the mission has a camp in Gao"
    time = (
        _verb_time(verb, lexicon, headline)
        if verb is not token
        else _verb_time(token, lexicon, headline)
    )
    if time.happened is Happened.NOTHING and not negated:
        return time
    if negated and "future" in time.why:
        return Time(Happened.NOTHING, "will not be there", True, verb.i)
    if negated:
        return Time(Happened.DONE, "no longer there", True, verb.i)
    past = _finite_past(verb) or "Imp" in verb.morph.get("Tense")  # "abritait", "tenait"
    if past and time.happened is Happened.DONE:
        return Time(Happened.NOTHING, "there before", False, verb.i)  # "the camp had hosted"
    if lemma_of(verb) in lexicon.staying_verbs and any(
        _is_stay_word(t, lexicon) and _left_open(t, lexicon) for t in verb.doc
    ):
        return Time(Happened.NOTHING, f"staying on: {time.why}", False, verb.i)
    if (
        lemma_of(verb) in lexicon.kept_verbs
        or (
            lemma_of(verb) in lexicon.staying_verbs
            and time.why.startswith(("future", "modal", "conditional", "under way"))
        )
    ) and not any(
        _is_stay_limit(t, lexicon)
        and not _in_a_past_clause(t, verb)
        and not _in_a_side_clause(t, verb, lexicon)
        for t in verb.doc
    ):
        # "North Camp will remain open", "keeps its bases in Nyala": staying on, not a
        # closure to come -- unless the stay is bounded ("will stay behind until the
        # liquidation", "still keeps a post at Gao")
        return Time(Happened.NOTHING, f"staying on: {time.why}", False, verb.i)
    return Time(Happened.PLAN, f"still there: {time.why}", False, verb.i)


def _is_stay_limit(token, lexicon: Lexicon) -> bool:
    """A word that bounds a stay -- not one that leaves it open: "resteront à Ouani *jusqu'à
    nouvel ordre*", "until further notice", "until we decide otherwise"."""
    return _is_stay_word(token, lexicon) and not _left_open(token, lexicon)


def _is_stay_word(token, lexicon: Lexicon) -> bool:
    return lemma_of(token) in lexicon.stay_limits or token.lower_ in lexicon.stay_limits


def _left_open(limit, lexicon: Lexicon) -> bool:
    """Whether what follows a stay's limit leaves the stay open: "until *further notice*",
    "until we decide *otherwise*" (a one-word bound may stand anywhere up to the next stop)."""
    after = []
    for word in limit.doc[limit.i + 1 : limit.i + 11]:
        if word.is_punct:
            break
        after.append(word.lower_)
    return any(
        tuple(after[start : start + len(bound)]) == bound
        for bound in lexicon.open_bounds
        for start in range(len(after) if len(bound) == 1 else 1)
    )


def _in_a_side_clause(token, verb, lexicon: Lexicon) -> bool:
    """Whether the word stands in a clause said beside the stay, not bounding it: "will stay
    at Rmelan for now, an official said, *while Qasrak is due to close before the summer*".
    A clause led by a bound ("until the equipment is shipped") bounds it."""
    for word in (token, *token.ancestors):
        if word.i == verb.i:
            return False
        if (
            word.dep_ in _SIDE_CLAUSES
            and word.pos_ in ("VERB", "AUX")
            and not any(c.dep_ == "mark" and _is_stay_limit(c, lexicon) for c in word.children)
        ):
            return True
    return False


_SIDE_CLAUSES = frozenset({"parataxis", "conj", "advcl"})


def _in_a_past_clause(token, verb) -> bool:
    """Whether the word stands in a clause in the past that does not hold the verb, which
    cannot bound a stay to come: "garderont leurs positions de Sibut, tandis que des renforts
    sont annoncés à Bossangoa, où les affrontements ont tué des dizaines de personnes *ces
    dernières semaines*"."""
    return any(
        a.dep_ in _GOVERNED
        and a.head.i != verb.i  # "would keep it open until the police *was* in place"
        and verb not in a.subtree
        and _told_past(a)
        for a in (token, *token.ancestors)
    )


def _is_question(doc, token) -> bool:
    """A question mark closes the clause of the cue: "Will the UN leave Gao?"."""
    end = token.i
    while end < len(doc) and doc[end].text not in (".", "?", "!", ";"):
        end += 1
    return end < len(doc) and doc[end].text == "?"


def _verb_time(verb, lexicon: Lexicon, headline: bool) -> Time:
    if (clause := _participle_clause(verb, lexicon)) is not None:
        # "will close its camp at Goundam, handing it over to the prefect": the
        # participle's event happens when its clause's does.
        head = _verb_time(clause, lexicon, headline)
        return Time(head.happened, f"participle: {head.why}", head.negated, verb.i)
    if _shares_auxiliaries(verb) and not _negated(verb.head, lexicon):
        # "would be taken down or *handed* to the army": the auxiliaries of the first verb
        # serve the second -- but not its negation: "was not abandoned but *handed* over"
        head = _verb_time(verb.head, lexicon, headline)
        return Time(head.happened, f"shared: {head.why}", False, verb.i)
    gapped = _gapped_from(verb)
    if gapped is not None:
        head = _verb_time(gapped, lexicon, headline)
        return Time(head.happened, f"gapped: {head.why}", head.negated, verb.i)
    negated = _negated(verb, lexicon)
    base = _tense(verb, lexicon, headline)
    planned = next(
        (
            lemma_of(c)
            for c in verb.children
            if c.dep_ == "acomp" and lemma_of(c) in lexicon.plan_modifiers
        ),
        None,
    )
    if planned is not None and lemma_of(verb) in lexicon.copulas:
        # "the Americans at Wheelus *are due* out by June", "are *due out* of Ber": the
        # copula's own plan
        return Time(Happened.PLAN, f"plan: {planned}", negated, verb.i)
    governor = _governing_word(verb, lexicon)
    if governor is not None:
        kind, word, governor_negated = governor
        if kind == "nothing":
            return Time(Happened.NOTHING, word, negated, verb.i)
        if kind == "plan":
            # "not expected before December" is a plan still; "no plan to leave" none
            timing = word.split(": ")[-1] in {"yet", "remain"} or (
                word.split(": ")[-1] in lexicon.timing_words and _time_limit(verb, lexicon)
            )
            if governor_negated and not timing:
                return Time(Happened.NOTHING, f"negated {word}", True, verb.i)
            return Time(Happened.PLAN, word, negated, verb.i)
        # An implicative's infinitive happened with it: "were *forced to* withdraw".
        implied = (
            word.split(": ")[0] in lexicon.implicatives
            or word.startswith((_AFTER_A_PAST, _OBLIGED))
            # "dix jours après *s'être retirés* de Tessalit": a perfect infinitive after "after"
            or (word.startswith("after") and _perfect_infinitive(verb))
        ) and base.why == "infinitive"
        if kind == "done" and (base.happened is not Happened.PLAN or implied):
            base = Time(Happened.DONE, word, verb=verb.i)
    if _in_plan_phrase(verb, lexicon) or (
        # an event noun the tagger took for a verb: "Kidal : remise en cours"
        verb.lower_ in lexicon.nouns and _plan_phrase_after(verb, lexicon)
    ):
        return Time(Happened.PLAN, "under way", negated, verb.i)
    if negated:
        if base.happened is Happened.DONE or _perfect(verb):
            # "has not been handed over", "the last camp not to have been vacated"
            return Time(Happened.PLAN, f"negated {base.why}", True, verb.i)
        timed = [c for c in verb.children if c.dep_ in ("prep", "mark", "obl")]
        timed += [
            m for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"
        ]
        # French hangs the preposition under its noun: "ne fermera pas *avant* juin"
        timed += [
            m
            for c in verb.children
            if c.dep_.startswith("obl")
            for m in c.children
            if m.dep_ in ("case", "fixed")
        ]
        if any(c.text.lower() in lexicon.timing_words for c in timed):
            # "will not take place before 31 December": later, still to come
            return Time(Happened.PLAN, f"not before: {base.why}", True, verb.i)
        return Time(Happened.NOTHING, f"negated {base.why}", True, verb.i)
    return Time(base.happened, base.why, False, verb.i)


def _perfect_infinitive(verb) -> bool:
    """ "s'être retirés", "avoir quitté", "having left": an infinitive of a thing done."""
    return any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in verb.children
    ) or any(c.lower_ == "having" for c in verb.children if c.dep_.startswith("aux"))


def _simple_present(verb) -> bool:
    """A finite present with no auxiliary: "follows", "suit" -- also one the tagger gave as a
    bare form after its subject ("the camps next to UN House *come* next")."""
    present = ("Pres" in verb.morph.get("Tense") and "Fin" in verb.morph.get("VerbForm")) or (
        verb.tag_ == "VB" and _finite_with_its_subject(verb)
    )
    return present and not any(c.dep_.startswith("aux") for c in verb.children)


def _shares_auxiliaries(verb) -> bool:
    """A bare participle joined to a verb with auxiliaries: "will be closed and *handed*"."""
    participle = verb.tag_ == "VBN" or (
        "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")
    )
    return (
        verb.dep_ == "conj"
        and participle
        and not any(c.dep_.startswith(("aux", "cop")) for c in verb.children)
        and any(c.dep_.startswith("aux") for c in verb.head.children)
    )


def _imperfect(verb, lexicon: Lexicon) -> bool:
    """A verb in the imperfect, by its tense or, where the small French model gives none, by
    its ending: "évacu*ait*"."""
    tense = verb.morph.get("Tense")
    return "Imp" in tense or (not tense and verb.lower_.endswith(lexicon.imperfect_endings))


def _gapped_from(verb):
    """The participle whose "is to be" a bare verb joined to it leaves out: "the lease is to
    be ended and the building *returned* to its owner" (tagged a past of its own)."""
    if verb.dep_ != "conj" or any(c.dep_.startswith(("aux", "cop")) for c in verb.children):
        return None
    if verb.head.pos_ != "AUX":
        return None
    return next(
        (
            c
            for c in verb.head.children
            if c.dep_ == "xcomp" and c.tag_ == "VBN" and any(a.lower_ == "to" for a in c.children)
        ),
        None,
    )


def _finite_past(verb) -> bool:
    """A verb in a past tense of its own: "handed", "had left", "a remis", "avait quitté"."""
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return verb.tag_ == "VBD" or any(
        "Past" in f.morph.get("Tense") and "Fin" in f.morph.get("VerbForm") for f in forms
    )


def _told_past(verb) -> bool:
    """A past of its own or a perfect in the past: "handed", "ont tué", "avaient dû"."""
    return _finite_past(verb) or (_perfect(verb) and _past(verb))


def _time_limit(verb, lexicon: Lexicon) -> bool:
    """Whether the sentence of ``verb`` sets a time limit: "before December", "until"."""
    return any(t.pos_ in ("ADP", "SCONJ") and lemma_of(t) in lexicon.timing_words for t in verb.doc)


# How many words above a noun its clause's verb or copula is looked for.
_CLAUSE_CLIMB = 4


def _set_off(verb) -> bool:
    """Whether a participle after its noun stands between commas: "the posts, *evacuated* in
    July, will ..."."""
    start, end = verb.left_edge.i, verb.right_edge.i
    doc = verb.doc
    return (
        start > verb.head.i
        and doc[start - 1].text == ","
        and (end + 1 == len(doc) or doc[end + 1].text in (",", ";", ")"))
    )


def _future_clause(noun, lexicon: Lexicon) -> bool:
    """Whether the clause a noun stands in is still to come: its copula or its verb, found
    above the noun through prepositions and other nouns ("would be *among* the first to
    close", "will be *one of* the final bases to shut", "la dernière installation démontée
    *sera* Gao"), in the future, the conditional or after a modal."""
    verbs, token = [], noun
    for _ in range(_CLAUSE_CLIMB):
        verbs += [
            c
            for c in token.children
            # the French parser may take the copula of a pronoun for a passive auxiliary:
            # "les premiers postes à être évacués *seront* ceux du Musée"
            if c.dep_ == "cop" or (c.pos_ == "AUX" and token.pos_ in ("NOUN", "PROPN", "PRON"))
        ]
        if token.head is token or token.dep_ == "appos":
            # "what would happen to the base, the troops left on 5 April": an apposition
            # names anew, in a clause of its own
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            verbs.append(token)
            break
    for verb in verbs:
        if verb.dep_ == "xcomp" and (
            lemma_of(verb.head) in lexicon.plan_words or lemma_of(verb.head) in ("be", "être")
        ):
            # "is expected to be the last to be handed over", "is to be the last camp to go"
            return True
        if lemma_of(verb) == "be" and any(c.lower_ == "to" for c in verb.children):
            return True  # an item's note: "- Navy House: *to be* the last headquarters to close"
        forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
        for form in forms:
            word = form.text.lower()
            if (
                "Fut" in form.morph.get("Tense")
                or lemma_of(form) in lexicon.future_auxiliaries
                or (lemma_of(form) in lexicon.modal_auxiliaries and form.tag_ == "MD")
                or (form.pos_ == "AUX" and word.endswith(lexicon.future_endings))
                or (form.pos_ == "AUX" and _conditional(form, lexicon))
            ):
                return True
    return False


def _future_copula_below(noun) -> bool:
    """Whether the parser hung the noun's future copula below it: "les premiers camps à être
    évacués *seront* ceux de Ber" (with "camps" at the root)."""
    return any(
        t.pos_ == "AUX" and lemma_of(t) in ("be", "être") and "Fut" in t.morph.get("Tense")
        for t in noun.subtree
    )


def _participle_clause(verb, lexicon: Lexicon):
    """The verb whose clause a present participle's event belongs to, or None: "will close
    its camp, *handing* it over", and "are to *spend* the coming months taking apart the
    post", where the parser hangs the participle on the time it takes."""
    present = verb.tag_ == "VBG" or (
        "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")
    )
    if not present or any(
        c.dep_ in ("mark", "aux", "auxpass", "nsubj", "case") for c in verb.children
    ):
        return None
    if verb.dep_ in ("advcl", "conj", "csubj") and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head
    taken = verb.head
    if (
        verb.dep_ == "acl"
        and lemma_of(taken) in lexicon.deadline_words
        and taken.head.pos_ in ("VERB", "AUX")
    ):
        return taken.head
    return None


def _past(verb) -> bool:
    """Past tense or a perfect: "was handed over", "had left", "a été remis"."""
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return any(t.tag_ in ("VBD",) or "Past" in t.morph.get("Tense") for t in forms) and not any(
        t.tag_ == "VBP" or t.tag_ == "VBZ"
        for t in forms
        if t.dep_.startswith("aux") and lemma_of(t) == "be"
    )


def _perfect(verb) -> bool:
    return any(lemma_of(c) in ("have", "avoir") for c in verb.children if c.dep_.startswith("aux"))


def _tense(verb, lexicon: Lexicon, headline: bool) -> Time:
    """Done or planned from the verb's own form and auxiliaries."""
    if lemma_of(verb) in lexicon.turn_nouns and verb.pos_ == "NOUN":
        # "c'*était* au tour de Gao" came; "ce *sera* au tour de Ber" is to come
        copula = next((c for c in verb.children if c.dep_ == "cop"), None)
        if copula is not None:
            return _turn_time(copula)
    auxiliaries = [
        c for c in verb.children if c.dep_ in ("aux", "auxpass", "aux:pass", "aux:tense")
    ]
    # "l'antenne *sera* fermée": the parser may hang a passive's "être" as a copula, on a
    # participle it took for an adverb ("Tessalit sera *évacué*") or for a finite verb ("la
    # garnison *sera* la première remise")
    auxiliaries += [c for c in verb.children if c.dep_ == "cop"]
    if verb.dep_ == "attr" and lemma_of(verb.head) in lexicon.copulas:
        # "the camp will be the first *handed over*": the participle is the copula's attribute
        auxiliaries += [c for c in verb.head.children if c.dep_ == "aux"]
    for aux in auxiliaries:
        word = lemma_of(aux)
        if word in lexicon.future_auxiliaries or aux.text.lower() in lexicon.future_auxiliaries:
            if "Perf" in aux.morph.get("Aspect") or any(lemma_of(a) == "have" for a in auxiliaries):
                # "will have left", "would have handed over": a future perfect or a
                # counterfactual -- nothing certain either way.
                return Time(Happened.PLAN, "future perfect")
            return Time(Happened.PLAN, f"future: {aux.text.lower()}")
        if word in lexicon.modal_auxiliaries and aux.tag_ == "MD":
            return Time(Happened.PLAN, f"modal: {aux.text.lower()}")
    if any(_conditional(a, lexicon) for a in auxiliaries):
        if not _perfect(verb):
            return Time(Happened.PLAN, "conditional")  # "la base serait vidée en premier"
        if _time_limit(verb, lexicon):
            # "auraient quitté leurs positions avant la fin du mandat": a future in the past
            return Time(Happened.PLAN, "future perfect")
        # "Barkhane aurait déjà quitté Ménaka": said by someone, not confirmed
        return Time(Happened.NOTHING, "reported: conditional perfect")
    morph = verb.morph
    word = verb.text.lower()
    if not auxiliaries and _conditional(verb, lexicon):
        return Time(Happened.PLAN, "conditional")
    if not auxiliaries and word.endswith(lexicon.future_endings):
        return Time(Happened.PLAN, "future")
    # the French tagger gives some presents a future ("remet"): a future has its ending
    future_form = not lexicon.future_endings or word.endswith(lexicon.future_endings)
    if ("Fut" in morph.get("Tense") and future_form) or any(
        "Fut" in a.morph.get("Tense") for a in auxiliaries
    ):
        return Time(Happened.PLAN, "future")
    if any(lemma_of(a) == "do" and a.tag_ == "VBD" for a in auxiliaries):
        return Time(Happened.DONE, "past")  # "did not leave": a past, negated below
    if any(a.text.lower() in ("being", "en") for a in auxiliaries):
        return Time(Happened.PLAN, "under way")
    infinitive = any(a.text.lower() == "to" for a in auxiliaries)
    if infinitive and (plan := _plan_child(verb, lexicon)):
        # "has likewise yet to be vacated": the parser may hang "has" on the infinitive
        return Time(Happened.PLAN, f"plan: {plan}")
    if (
        "Inf" not in morph.get("VerbForm")
        # "was to have been handed over": a plan that did not come about
        and not (verb.dep_ == "xcomp" and lemma_of(verb.head) == "be")
        and any(lemma_of(a) in ("have", "avoir") for a in auxiliaries)
        and any(
            "Inf" in a.morph.get("VerbForm") or a.text.lower() in ("having",) for a in auxiliaries
        )
    ):
        if (denial := _denial_just_before(verb, lexicon)) is not None:
            return Time(Happened.NOTHING, f"denied: {denial}")  # "a démenti jeudi avoir quitté"
        return Time(
            Happened.DONE, "perfect infinitive"
        )  # "accused of having left", "d'avoir quitté"
    copula = _turn_told(verb, lexicon)
    if copula is not None and (
        infinitive or any("Inf" in a.morph.get("VerbForm") for a in [verb, *auxiliaries])
    ):
        # "c'était au tour de Pont-Sondé d'être fermé": the turn came when its copula says
        return _turn_time(copula)
    if headline and _bare_conjunct(verb, auxiliaries):
        # "Bersaglieri hand COP Columbus to Afghan authorities and *leave* Bala Murghab"
        return Time(Happened.DONE, "headline")
    infinitive_passive = (  # "les premiers à *être évacués*"
        auxiliaries
        and all("Inf" in a.morph.get("VerbForm") for a in auxiliaries)
        and verb.dep_ != "ROOT"
    )
    if (
        infinitive
        or (
            "Inf" in morph.get("VerbForm")
            and not auxiliaries
            and verb.dep_ != "ROOT"
            and not item_note(verb)
        )
        or infinitive_passive
    ):
        if (
            _ordinal_before(verb, lexicon)
            and not _future_clause(verb.head, lexicon)
            and not _future_copula_below(verb.head)
            # "the last camp still to go": the count is of turns to come
            and not any(lemma_of(c) in lexicon.still_words for c in verb.children)
        ):
            # "the second base to be handed over", "la dernière emprise à être rétrocédée"
            return Time(Happened.DONE, "ordinal")
        return Time(Happened.PLAN, "infinitive")
    if _imperfect(verb, lexicon) and any(
        still_said(t, lexicon)
        for t in (verb, *(c for c in verb.children if c.dep_ in ("obl:mod", "npadvmod")))
    ):
        # "Tsahal *évacuait encore* mardi soir ses équipements" (the parser may hang "encore"
        # on the day): still under way then
        return Time(Happened.PLAN, "under way: still")
    if verb.tag_ == "VBG" or "Prog" in morph.get("Aspect"):
        if any(lemma_of(a) == "be" for a in auxiliaries):
            return Time(Happened.PLAN, "under way")
        if _work_on(verb, lexicon):
            return Time(Happened.PLAN, "under way: work")
        if item_note(verb):
            return Time(Happened.PLAN, "under way: item")
        if (verb.dep_ == "ROOT" and any(c.dep_.startswith("nsubj") for c in verb.children)) or (
            verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ == "NOUN"
        ):
            # "Russian technicians still at work dismantling Gabala": a headline's progressive
            # without its "are", whether the parser makes the participle or its subject the root
            return Time(Happened.PLAN, "under way: no auxiliary")
        return Time(Happened.DONE, "participle")
    if (
        not auxiliaries
        and verb.dep_ in ("acl", "amod")
        and _future_clause(verb.head, lexicon)
        # "the posts at Garm, *evacuated* in July, will stay closed": set off by its commas,
        # the participle tells what happened before
        and not _set_off(verb)
    ):
        # "Ouakam and the airfield will be the last sites handed over"
        return Time(Happened.PLAN, "future clause")
    if (
        not auxiliaries
        and verb.dep_ in ("relcl", "acl:relcl")
        and "Pres" in morph.get("Tense")
        and _future_clause(verb.head, lexicon)
    ):
        # "Lobito will be among the last places the Cubans leave"
        return Time(Happened.PLAN, "future clause")
    # "the offices in Kabul and Islamabad *pass* to the new Office": a present the tagger gave
    # as a bare form after its subject
    bare_present = verb.tag_ == "VB" and _finite_with_its_subject(verb)
    if verb.tag_ == "VB" and not auxiliaries and (item_note(verb) or not bare_present):
        # "- Hal Far: *shut* as an RAF station in 1977": an item's note is a participle the
        # tagger took for the bare verb it is spelt like
        done = headline or item_note(verb)
        return Time(Happened.DONE if done else Happened.PLAN, "base form")
    if "Inf" in morph.get("VerbForm") and not bare_present:
        return Time(Happened.PLAN, "infinitive")
    present = (
        "Pres" in morph.get("Tense")
        and "Part" not in morph.get("VerbForm")
        # "Saint-Marc *était* vide": the tagger's present under a past auxiliary is past
        and not any(t in ("Past", "Imp") for a in auxiliaries for t in a.morph.get("Tense"))
    )
    ahead = _dated_ahead(verb, lexicon) if present or verb.tag_ == "VBZ" else None
    if ahead is not None:
        # "the flag comes down at midnight", "MINUSMA hands Ber over tomorrow"
        return Time(Happened.PLAN, f"present: {ahead}")
    if present and not headline:
        return Time(Happened.DONE, "present")
    return Time(Happened.DONE, "headline" if headline else "past")


def _dated_ahead(verb, lexicon: Lexicon) -> str | None:
    """The word that dates a verb in the present to a day still to come: "*tomorrow*", "next
    *week*", "at *midnight*", "*demain*"."""
    for child in verb.children:
        if child.dep_ not in ("npadvmod", "advmod", "prep", "obl", "obl:mod", "tmod"):
            continue
        for word in (child, *child.children):
            if word.lower_ in lexicon.coming_days:
                return word.lower_
    return None


def _bare_conjunct(verb, auxiliaries) -> bool:
    """A base form joined to a main verb that has no "to" of its own: a present the tagger
    took for an infinitive ("hand X and *leave* Y"), not "to shut X and *leave* Y"."""
    main = verb.head
    return (
        verb.dep_ == "conj"
        and not auxiliaries
        and _bare_infinitive(verb)
        and main.dep_ == "ROOT"
        and not any(c.dep_ in ("aux", "mark") for c in main.children)
    )


def _work_on(gerund, lexicon: Lexicon) -> bool:
    """Whether a gerund names what a process works at, not a thing done: "*work on removing*
    the observation post will start at once" -- unless the work is said to be complete."""
    noun = gerund.head.head if gerund.dep_ == "pcomp" else None
    if noun is None or lemma_of(noun) not in lexicon.process_nouns:
        return False
    verb = noun.head
    return not (lemma_of(verb) in lexicon.completed_by and _past(verb) and verb.i != noun.i)


def _still_before(verb, lexicon: Lexicon) -> bool:
    """Whether "still" is said of the verb, or stands right before it, where the parser may
    hang it on the name before: "Agadez *still* to go"."""
    edge = verb.left_edge.i
    return still_said(verb, lexicon) or (
        edge > 0 and verb.doc[edge - 1].lower_ in lexicon.still_words
    )


def _turn_time(copula) -> Time:
    """A site's turn came when its copula is in the past ("it *was* Bor's turn", "c'*était* au
    tour de Gao"), and is to come otherwise."""
    told = copula.morph.get("Tense")
    if copula.tag_ == "VBD" or "Past" in told or "Imp" in told:
        return Time(Happened.DONE, "turn: past")
    return Time(Happened.PLAN, "turn")


def _turn_told(verb, lexicon: Lexicon):
    """The copula of the "turn" whose event the verb is, if any: "c'*était* au tour de
    Pont-Sondé d'être fermé", "it *was* Bor's turn to be handed over"."""
    for noun in (*verb.children, verb.head):
        if lemma_of(noun) not in lexicon.turn_nouns or noun.i == verb.i:
            continue
        copula = next((c for c in noun.children if c.dep_ == "cop"), None)
        if copula is None and lemma_of(noun.head) in ("be", "être"):
            copula = noun.head
        if copula is not None:
            return copula
    return None


def _ordinal_before(verb, lexicon: Lexicon) -> bool:
    """An infinitive that counts events: "the first/second/last camp to be vacated"."""
    if verb.dep_ not in ("acl", "relcl", "xcomp", "advcl"):
        return False
    head = verb.head
    # its own word or its modifier: not the subject of a copula ("the *largest* ... is to be
    # handed next Tuesday")
    modifiers = [c for c in head.children if c.dep_ in ("amod", "nummod", "advmod")]
    if any(token.lower_ in lexicon.coming_days for token in [head, *modifiers]):
        return False  # "les *prochains* camps à fermer": turns still to come
    # before the infinitive, not after it: "bases to be shut in stages, Kiwi Base *last*"
    for token in [head, *(m for m in modifiers if m.i < verb.i)]:
        if (
            lemma_of(token) in lexicon.ordinals
            or token.ent_type_ == "ORDINAL"
            or token.tag_ == "JJS"
        ):
            return True
    return False


def _governing_word(verb, lexicon: Lexicon):
    """What the words above the verb make of it: ("plan" | "nothing" | "done", why, negated).

    Walks up from the verb through the clauses and phrases that govern it: "plans
    *to leave*", "denied reports *that it had left*", "*if* the mission leaves",
    "*after* handing over". Reported speech is transparent: "said it *had left*".
    """
    unasserted = _unasserted(verb, lexicon)
    if unasserted is not None:
        return ("nothing", unasserted, False)
    token = verb
    for _ in range(5):
        mark = _mark_of(token, lexicon)
        if mark is not None:
            return mark
        head = token.head
        if head.i == token.i:
            denial = _denial_before_split(token, lexicon)
            return None if denial is None else ("nothing", f"denied: {denial}", False)
        word, relation = lemma_of(head), token.dep_
        if relation == "acl" and _time_between(head, lexicon):
            # "ont fini *cette semaine* de démonter leur camp": the parser hangs the
            # complement on the time that stands between it and its verb
            head, word, relation = head.head, lemma_of(head.head), "xcomp"
        if relation in ("relcl", "acl:relcl", "advcl") and _finite_past(token):
            # "a withdrawal that began in April, when the peacekeepers handed Khudavang
            # over": a clause in the past tells its own time
            return None
        if (denial := _denial(head, lexicon)) is not None:
            return ("nothing", f"denied: {denial}", False)
        if word in lexicon.ruled_out and (
            _negated(head, lexicon) or negating_determiner(head, lexicon)
        ):
            return ("nothing", f"ruled out: {word}", False)  # "no question of leaving Ber"
        if relation == "pcomp" or head.pos_ == "ADP":
            if word in lexicon.negations:
                return ("nothing", f"without: {word}", False)  # "left without handing over"
            if word in lexicon.done_before_noun:
                return ("done", f"after: {word}", False)
            if word in lexicon.pending_before_noun - lexicon.weak_prepositions:
                return _before(head.head, word, lexicon)
        if (
            (relation == "xcomp" or (relation == "ccomp" and _bare_infinitive(token)))
            and word in lexicon.implicatives
            # "... Agadez *still* to go": a turn to come, whatever the parse hangs it on
            and not (_plan_child(token, lexicon) or _still_before(token, lexicon))
        ):
            # "was forced to leave", "a réussi à quitter": the event happened when its
            # governor did.
            governor = _verb_time(head, lexicon, False)
            kind = "done" if governor.happened is Happened.DONE else "plan"
            return (kind, f"{word}: {governor.why}", False)
        if (
            relation == "ccomp"
            and _subjunctive(token)
            and (
                word in lexicon.plan_words
                or word in lexicon.modal_auxiliaries
                or _future_verb(head, lexicon)
            )
        ):
            # "il faudra que la mission *ait fermé* ses cantonnements": required, even in the
            # perfect
            return ("plan", f"required: {word}", False)
        if relation in ("xcomp", "acl", "pcomp", "prep", "pobj", "obl", "nmod"):
            plan = _plan_child(head, lexicon) or (word if word in lexicon.plan_words else None)
            if plan == word and _restrictive(head, lexicon):
                plan = None  # "il ne *reste* de Yamit, évacuée, qu'un champ": only, no plan
            if plan == word and _state_kept(token, head, lexicon):
                plan = None  # "le camp *reste fermé*": closed still, not still to close
            if plan is not None:
                denial = (
                    _denial_above(head, lexicon)
                    or _denial_just_before(head, lexicon)
                    # "a démenti | vouloir fermer", cut in two at the plan
                    or (_denial_before_split(head, lexicon) if head.head.i == head.i else None)
                )
                if denial is not None:
                    # "a démenti tout projet de retrait de Goma": no plan at all
                    return ("nothing", f"denied: {denial}", False)
                if (
                    plan == word
                    and word in lexicon.modal_auxiliaries
                    and relation == "xcomp"
                    and _told_past(head)
                    and not _negated(head, lexicon)
                ):
                    # "avaient dû déserter Topusko", "had to leave Ber under fire": an
                    # obligation told as past came about
                    return ("done", f"{_OBLIGED}: {word}", False)
                return ("plan", f"plan: {plan}", _negated(head, lexicon))
        bare = not any(c.dep_.startswith("aux") for c in token.children)
        # A finite past has a tense of its own, whatever the parser hangs it under.
        bare = bare and token.morph.get("VerbForm") != ["Fin"]
        if relation in ("xcomp", "ccomp", "oprd") and bare and _future_verb(head, lexicon):
            return ("plan", "future: governed", False)  # "will see the bases handed over"
        if relation not in (
            "relcl",
            "acl:relcl",
            "conj",
            "xcomp",
            "ccomp",
            "acl",
            "dobj",
            "obj",
            "pobj",
            "prep",
            "pcomp",
            "obl",
            "nmod",
            "advcl",
        ):
            return None
        token = head
    return None


def _unasserted(token, lexicon: Lexicon, reach: int = 5) -> str | None:
    """Why the clause or phrase of ``token`` is asked, rumoured or demanded rather than said:
    "asked *whether* the mission was preparing to leave", "rumours *that* it had left", "les
    rumeurs *d'un départ*", "the junta *demanded* that MINUSMA leave"."""
    if _denied_after(token, lexicon):
        return "denied claim: which"
    below = token
    claimed = False  # whether the path has come up from what someone said
    # whether it has come up from a relative clause or a subject: a demand above is of another
    # thing ("the junta, which had left Bamako, *demands* elections")
    others_clause = False
    for head in [token, *islice(token.ancestors, reach)]:
        if any(c.dep_ == "advcl" and _supposed(head, c, lexicon) for c in head.children):
            # "if no agreement is reached, the observers *would* have to leave Gali"
            return "hypothetical: if"
        if head is token:
            continue
        word = lemma_of(head)
        # what someone said, or a report of it: "reports *that* soldiers had given up ..."
        claimed = (
            claimed
            or below.dep_ == "ccomp"
            or (
                below.dep_ in ("acl", "relcl", "acl:relcl")
                and head.pos_ == "NOUN"
                and _content_clause(below)
            )
        )
        # ... or a deed denied: "l'ONU *dément avoir* évacué ses observateurs de Homs"
        if (claimed or below.dep_ == "xcomp") and (
            _denial(head, lexicon)
            or any(
                c.dep_ in ("obj", "dobj") and lemma_of(c) in lexicon.denial_nouns
                for c in head.children
            )
        ):
            # "les responsables qui assuraient que Barkhane s'était retirée *ont été démentis*",
            # "a opposé un *démenti* à une radio qui affirmait que les casques bleus étaient partis"
            return f"denied claim: {word}"
        if word in lexicon.hearsay_nouns and below.dep_ in _HEARSAY_LINKS:
            return f"hearsay: {word}"
        if head.pos_ == "NOUN" and below.dep_ in _HEARSAY_LINKS and _said_false(head, lexicon):
            return f"denied claim: {word}"  # "reports that it had left Ber *are untrue*"
        if below.dep_ == "ccomp" and (taken_back := _taken_back(head, lexicon)):
            # "a story *wrongly* said it had left Suai", "an earlier *version* said"
            return f"denied claim: {taken_back}"
        if word in lexicon.asking_verbs and any(
            c.dep_ == "mark" and c.text.lower() in lexicon.question_marks for c in below.children
        ):
            return f"question: {word}"
        if not others_clause and _demanded(head, lexicon):
            # "Lumumba *réclamait* l'évacuation de Kamina", "*demands* for their exit", "a
            # *demandé* que les garnisons soient évacuées": asked for, not planned
            return f"demanded: {word}"
        others_clause = others_clause or below.dep_ in _OTHERS_LINKS
        below = head
    return None


def _content_clause(clause) -> bool:
    """Whether a clause on a noun says what the noun holds ("reports *that* troops had left")
    rather than qualifying it -- also when the tagger took its "that" for an object of the
    verb, which has its own ("reports that US troops had left *Qasrak*")."""
    children = list(clause.children)
    return any(
        c.dep_ == "mark"
        or (
            c.lower_ == "that"
            and c.dep_ in ("dobj", "dative")
            and c.i < clause.i
            and any(o.dep_ == "dobj" and o.i > clause.i for o in children)
        )
        for c in children
    )


def _denied_after(token, lexicon: Lexicon) -> bool:
    """Whether what the sentence says up to the word is then denied: "the Gao camp would close,
    *which officials denied*", "le camp allait fermer, *ce que les responsables ont démenti*"."""
    doc = token.doc
    end = token.sent.end
    for comma in (t for t in doc[token.i + 1 : end] if t.text == ","):
        words = doc[comma.i + 1 : min(comma.i + 14, end)]
        if not words or words[0].lower_ not in lexicon.denied_relatives:
            continue
        clause = next((w for w in words[1:] if w.is_punct), None)
        if any(_denial(t, lexicon) for t in words[1 : clause.i - words.start if clause else None]):
            return True
    return False


def _said_false(noun, lexicon: Lexicon) -> bool:
    """Whether a noun is the subject of "untrue", "false": "reports that ... *are untrue*",
    "les informations selon lesquelles ... *sont fausses*"."""
    if not noun.dep_.startswith("nsubj"):
        return False
    predicate = noun.head
    return lemma_of(predicate) in lexicon.falsities or any(
        c.dep_ in ("acomp", "attr") and lemma_of(c) in lexicon.falsities for c in predicate.children
    )


def told_by_the_paper(token, lexicon: Lexicon) -> bool:
    """Whether the word stands in what an earlier story of the paper told: "*an article* on
    Wednesday *stated* that US troops had handed the depot over", "*nous avons écrit* que les
    troupes avaient remis Abéché" -- taken back when the report is a correction."""
    telling = lexicon.reporting_verbs | lexicon.claiming_verbs
    return any(
        lemma_of(verb) in telling
        and any(
            c.dep_.startswith("nsubj") and lemma_of(c) in lexicon.paper_tellers
            for c in verb.children
        )
        for verb in token.ancestors
    )


def _taken_back(verb, lexicon: Lexicon) -> str | None:
    """The word that takes back what ``verb`` told: how it was told ("*wrongly* said",
    "affirmait *à tort*") or who told it, in a correction ("an earlier *version* of this
    report said")."""
    return next(
        (
            lemma_of(c)
            for c in verb.children
            if (
                c.dep_ in ("advmod", "obl:mod", "obl", "npadvmod")
                and lemma_of(c) in lexicon.false_telling
            )
            or (c.dep_ in ("nsubj", "nsubj:pass") and lemma_of(c) in lexicon.corrected_tellers)
        ),
        None,
    )


def _time_between(noun, lexicon: Lexicon) -> bool:
    """Whether a noun is a stretch of time a verb governs: "ont fini *cette semaine*"."""
    return (
        noun.pos_ == "NOUN"
        and (noun.ent_type_ in ("DATE", "TIME") or lemma_of(noun) in lexicon.deadline_words)
        and noun.dep_ in ("obj", "dobj", "obl", "obl:mod", "npadvmod")
        and noun.head.pos_ in ("VERB", "AUX")
    )


def _plan_unless_denied(plan, lexicon: Lexicon) -> Time:
    """The time of an event noun under a word of planning: a plan, unless it is denied
    ("a démenti tout *projet* de retrait")."""
    denial = _denial_above(plan, lexicon) or _denial_just_before(plan, lexicon)
    if denial is not None:
        return Time(Happened.NOTHING, f"denied: {denial}")
    return Time(Happened.PLAN, f"plan: {lemma_of(plan)}")


def _demanded(word, lexicon: Lexicon) -> bool:
    """Whether the word is someone's demand, which plans nothing ("Lumumba *réclamait*
    l'évacuation de Kamina", "*demands* for their exit") -- not a plan that calls for
    something ("the plan *calls for* the police to take over"), nor the mission's request."""
    asked = lemma_of(word)
    forms = [asked, *(f"{asked} {c.lower_}" for c in word.children if c.dep_ in ("prt", "prep"))]
    if not any(form in lexicon.demand_words for form in forms):
        return False  # "call *for*", not "also *called* T4"
    subjects = [c for c in word.children if c.dep_ in _NOUN_SUBJECTS]
    return not any(
        lemma_of(s) in lexicon.plan_words or lemma_of(s) in lexicon.mission_words for s in subjects
    )


def _denial_above(token, lexicon: Lexicon, reach: int = 3) -> str | None:
    """The verb of denial a few words above ``token``, if any: "denied *any plan*"."""
    return next(
        (d for d in (_denial(a, lexicon) for a in islice(token.ancestors, reach)) if d), None
    )


def _denial_just_before(token, lexicon: Lexicon, reach: int = 3) -> str | None:
    """The verb of denial a few words before the word's phrase, with no other verb between,
    where the tagger lost the link: "a *démenti* jeudi toute intention de quitter San
    Vicente" ("démenti" made an indirect object of "onusienne", taken for the verb)."""
    weekdays = date_rules(lexicon.lang).weekdays
    for word in reversed(token.doc[max(token.left_edge.i - reach, 0) : token.left_edge.i]):
        if (denial := _denial(word, lexicon)) is not None:
            return denial
        if word.lower_ in weekdays:
            continue  # "a démenti *jeudi* avoir abandonné", the day taken for the verb
        if word.pos_ in ("VERB", "AUX") or word.is_punct:
            return None
    return None


def _denial(token, lexicon: Lexicon) -> str | None:
    """The verb of denial the word is, if any, from its lemma or, where the tagger took it
    for something else, from its form ("nie", made the adjective "ni")."""
    return lexicon.speech_verb(token, lexicon.denials)


def _bare_infinitive(verb) -> bool:
    """An infinitive without "to": "December saw the Ber post *pass* to the police"."""
    return "Inf" in verb.morph.get("VerbForm") and not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _denial_before_split(root, lexicon: Lexicon) -> str | None:
    """The verb of denial that a non-finite verb hangs on, when the parser cut the sentence
    in two between them ("la MINUSMA a nié | avoir abandonné Gao") or hung the denial under
    it, as its subject ("la MMAS a *nié* avoir abandonné Pont-Sondé", "nié" a proper noun)."""
    if not any("Inf" in t.morph.get("VerbForm") for t in (root, *root.children)):
        return None
    before = [t for t in root.doc[: root.i] if t.head.i == t.i and not t.is_punct]
    candidates = [*root.lefts, *before[-1:]]
    return next((d for d in (_denial(t, lexicon) for t in candidates) if d), None)


def _future_verb(verb, lexicon: Lexicon) -> bool:
    """A verb in the future: "*will see*", "*verra*"."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    return any(
        lemma_of(a) in lexicon.future_auxiliaries or "Fut" in a.morph.get("Tense")
        for a in auxiliaries
    ) or "Fut" in verb.morph.get("Tense")


def _finite_with_its_subject(verb) -> bool:
    """Whether a bare form the tagger gave is a present with its subject before it: "the
    offices in Kabul and Islamabad *pass* to the new Office" -- no infinitive, no order."""
    return (
        verb.dep_ in ("ROOT", "conj", "ccomp")
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _subjunctive(verb) -> bool:
    """A verb in the subjunctive, by its own form or its auxiliary's ("*ait* fermé")."""
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return any("Sub" in t.morph.get("Mood") for t in forms)


def _under_a_future(verb, lexicon: Lexicon) -> bool:
    """Whether the clause's main verb is in the future or under a modal, which makes any
    tense of the clause a time to come: "sovereignty *will be* complete only when the last
    sentry *has marched out* of Nexø", "Danish units *would relieve* the posts as and when
    these *were given up*"."""
    main = verb.head
    return main.i != verb.i and (
        _future_verb(main, lexicon)
        or any(a.tag_ == "MD" for a in main.children if a.dep_.startswith("aux"))
    )


def _mark_of(token, lexicon: Lexicon):
    """A condition, an 'after'/'before' or a 'rather than' that opens the verb's clause."""
    before = " ".join(t.text.lower() for t in token.doc[max(0, token.i - 3) : token.i])
    if before.endswith(tuple(lexicon.instead_phrases)):
        return ("nothing", "rather than", False)  # "closed rather than transferred"
    inverted = _inverted_condition(token, lexicon)
    if inverted is not None:
        # "*should* the French army quit N'Djamena", "*had* the Council agreed"
        kind = "hypothetical" if token.dep_ == "advcl" else "condition"
        return ("nothing", f"{kind}: {inverted}", False)
    for child in token.children:
        if child.dep_ not in ("mark", "advmod", "case") or child.i > token.i:
            continue
        word = child.text.lower()
        if word in lexicon.conditionals and child.dep_ == "mark":
            # "*if* the troops were to leave Gao" supposes; "did not say *whether* (si) the
            # base would be handed over or abandoned" leaves it open
            kind = "hypothetical" if token.dep_ == "advcl" else "condition"
            return ("nothing", f"{kind}: {word}", False)
        if (
            word in lexicon.once
            and child.dep_ in ("mark", "advmod")
            and (
                not _past(token)
                or (word not in lexicon.after_words and _under_a_future(token, lexicon))
            )
        ):
            return ("plan", f"once: {word}", False)
        if child.dep_ in ("mark", "case") and word in lexicon.done_before_noun:
            return ("done", f"after: {word}", False)
        if (
            child.dep_ in ("mark", "case")
            and word in lexicon.pending_before_noun - lexicon.weak_prepositions
        ):
            return _before(token.head, word, lexicon)
    return None


# Why an event under "before" happened: what came first is told in the past.
_AFTER_A_PAST = "after a past"
# Why an obligation's event happened: it is told in the past ("had to leave").
_OBLIGED = "obliged in the past"


def _before(main, word: str, lexicon: Lexicon):
    """What "before" makes of its event: still to come -- unless what came first is told in
    the past ("destroyed their vehicles *before leaving* Tessalit", "ont détruit leur matériel
    *avant de quitter* Tessalit"), when the leaving followed it."""
    auxiliaries = [c for c in main.children if c.dep_.startswith("aux")]
    told_past = _finite_past(main) or (
        _perfect(main)
        and _past(main)
        and not any(
            a.tag_ == "MD" or lemma_of(a) in lexicon.future_auxiliaries for a in auxiliaries
        )
    )
    if main.pos_ in ("VERB", "AUX") and told_past and not _negated(main, lexicon):
        return ("done", f"{_AFTER_A_PAST}: {word}", False)
    return ("plan", f"before: {word}", False)


def _inverted_condition(verb, lexicon: Lexicon) -> str | None:
    """The auxiliary that, put before its subject, makes the clause a condition: "*should*
    the talks fail", "*had* the Council accepted", "*were* the mission to leave"."""
    subject = next((c for c in verb.children if c.dep_ in _NOUN_SUBJECTS), None)
    if subject is None:
        return None
    for child in verb.children:
        if (
            child.dep_.startswith("aux")
            and child.i < subject.i
            and child.text.lower() in lexicon.inverted_conditionals
        ):
            return child.text.lower()
    return None


def _supposed(verb, clause, lexicon: Lexicon) -> bool:
    """Whether ``verb`` is the conditional main clause of an "if" ``clause``: "*if* no
    agreement is reached, the observers *would* have to leave", "*si* … , le camp *serait*
    démonté", "*should* the talks fail, the observers *would* ..."."""
    marked = (
        any(c.dep_ == "mark" and c.text.lower() in lexicon.conditionals for c in clause.children)
        or _inverted_condition(clause, lexicon) is not None
    )
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return marked and any(t.text.lower() == "would" or _conditional(t, lexicon) for t in forms)


def _conditional(token, lexicon: Lexicon) -> bool:
    """A verb or auxiliary in the conditional, by its mood or, since the small French model
    now and then takes "seraient" for an imperfect, by its ending."""
    return "Cnd" in token.morph.get("Mood") or token.text.lower().endswith(
        lexicon.conditional_endings
    )


def _plan_child(token, lexicon: Lexicon) -> str | None:
    """A plan said by a modifier of the governing word: "has *yet* to", "still *due*"."""
    for child in token.children:
        if child.dep_ in ("advmod", "acomp", "xcomp") and lemma_of(child) in lexicon.plan_modifiers:
            return lemma_of(child)
    return None


def _negated(token, lexicon: Lexicon) -> bool:
    """Whether the token, its auxiliaries or its subject are negated ("not", "n't",
    "ne ... pas", "never", "*neither* the Gao camp *nor* ...") -- but not by a French
    restriction: "il ne reste *que* 157 militaires" says who is left."""
    if _restrictive(token, lexicon):
        return False
    partnered = any(c.text.lower() in lexicon.negation_partners for c in token.children)
    for child in token.children:
        if child.dep_ in _NEGATION_DEPS:
            return True
        if child.dep_ in ("advmod", "det", "cc:preconj", "preconj") and _negates(
            child.text.lower(), partnered, lexicon
        ):
            return True
        if child.dep_ == "obj" and partnered and _negates(child.text.lower(), partnered, lexicon):
            return True  # the parser's object: "ne flotte *plus*"
        if (
            child.dep_ == "advmod"
            # "*non loin* de là, Chambley est vide": a place near by, not a negation
            and lemma_of(child) not in lexicon.near_words
            and any(
                _negates(c.text.lower(), partnered or child.lower_ in lexicon.yet_words, lexicon)
                for c in child.children
            )
        ):
            return True  # "no longer", "pas encore évacuée"
        if (
            token.pos_ == "NOUN"
            and child.dep_ == "advmod"
            and child.lower_ in lexicon.noun_negations
            and any(c.dep_ == "case" and c.i == child.i + 1 for c in token.children)
        ):
            return True  # "*pas de* départ en vue"
        if (
            child.dep_ == "cc"
            and child.i == token.left_edge.i
            and _negates(child.text.lower(), partnered, lexicon)
        ):
            return True  # "*Nor* has the Mikenge base been emptied"
    return _subject_negated(token, lexicon)


def _reviewed(noun, lexicon: Lexicon) -> bool:
    """Whether the event noun is the subject of a state of play, which tells no event of its
    own: "voici *l'état du* désengagement de l'UPDF :", "*the state of* the withdrawal"."""
    above = noun.head.head if noun.dep_ == "pobj" else noun.head
    return noun.dep_ in ("nmod", "pobj") and lemma_of(above) in lexicon.review_nouns


def _none_of(noun, lexicon: Lexicon) -> bool:
    """Whether the words before a noun deny it as "no" does: "*pas d'*évacuation anticipée
    du Ledra Palace", "*Pas de* retrait de Gao avant l'été", "évacué *sans* transfert
    officiel", "left *without* a handover"."""
    before = tuple(t.lower_ for t in noun.doc[max(noun.i - 2, 0) : noun.i])
    if any(before[-len(phrase) :] == phrase for phrase in lexicon.denying_partitives):
        return True
    marker = (
        noun.head
        if noun.dep_ == "pobj"
        else next((c for c in noun.children if c.dep_ == "case"), None)
    )
    return marker is not None and marker.lower_ in lexicon.privatives


def _negates(word: str, partnered: bool, lexicon: Lexicon) -> bool:
    """Whether a word negates its verb: "plus" only with its "ne" (``partnered``) -- "plus au
    nord", "un mois plus tard", "plus tôt que prévu" negate nothing."""
    return word in lexicon.negations and (partnered or word not in lexicon.partnered_negations)


def _subject_negated(verb, lexicon: Lexicon) -> bool:
    """Whether the verb's subject is negated: "*neither* the army *nor* the rebels",
    "*nobody* left"."""
    return any(
        child.dep_ in _NOUN_SUBJECTS
        and (negating_determiner(child, lexicon) or child.lower_ in lexicon.negating_pronouns)
        for child in verb.children
    )


def negating_determiner(noun, lexicon: Lexicon) -> bool:
    """Whether a noun is negated by its determiner: "*neither* Ansongo *nor* Bourem", "*not*
    a single soldier"."""
    return any(
        (
            c.dep_ in ("preconj", "cc:preconj", "det")
            and c.text.lower() in lexicon.negating_determiners
        )
        or (c.dep_ == "neg" and noun.pos_ == "NOUN")
        for c in noun.children
    )


def _state_kept(token, head, lexicon: Lexicon) -> bool:
    """Whether the word is the state a copula keeps ("les sites *restent fermés*"), not what
    is left to do ("reste *à fermer*"): an adjective or participle with no word before it."""
    return (
        lemma_of(head) in lexicon.copulas
        and (token.pos_ == "ADJ" or "Part" in token.morph.get("VerbForm"))
        and not any(c.dep_ in ("mark", "case", "aux") for c in token.children)
    )


def _restrictive(token, lexicon: Lexicon) -> bool:
    """ "ne ... que", "ne ... plus que": only, not a negation -- also when an aside comes
    between them ("il ne reste de Yamit, évacuée la semaine dernière, qu'un champ de gravats")."""
    following = {t.text.lower() for t in token.doc[token.i + 1 : token.i + 4]}
    following |= {
        g.text.lower()
        for c in token.children
        if c.i > token.i
        for g in c.children
        if g.dep_ == "mark"
    }
    words = {c.text.lower() for c in token.children}
    return (
        bool(words & lexicon.restrictive_negators)
        and bool(following & lexicon.restrictive_only)
        and not words & lexicon.restrictive_breakers
    )


def _in_plan_phrase(verb, lexicon: Lexicon) -> bool:
    """ "in the process of withdrawing", "en cours de retrait": a phrase just before the verb."""
    doc = verb.doc
    words = [t.text.lower() for t in doc[max(0, verb.i - 6) : verb.i]]
    text = " ".join(words)
    return any(" ".join(p) and text.endswith(" ".join(p)) for p in lexicon.plan_phrases)


def _plan_phrase_after(noun, lexicon: Lexicon) -> bool:
    """ "evacuation *under way*", "remise *en cours*": a phrase of progress right after the
    noun, or below it after its recipient: "remise à l'ONU *en préparation*"."""
    words = [t.text.lower() for t in noun.doc[noun.i + 1 : noun.i + 5]]
    below = [
        tuple(t.text.lower() for t in c.subtree)
        for c in noun.children
        if c.dep_ in ("obl", "obl:mod", "nmod", "prep")
    ]
    return any(tuple(words[: len(p)]) == p or p in below for p in lexicon.plan_phrases)


def _phrasal_forms(verb) -> list[str]:
    """The verb with each of its particles: "bring forward", "push back"."""
    word = lemma_of(verb)
    return [f"{word} {c.text.lower()}" for c in verb.children if c.dep_ in ("prt", "advmod")]


def _brought_forward(noun, lexicon: Lexicon) -> Time | None:
    """The time of an event brought forward: done when said in the past -- "*brought
    forward* its withdrawal from Ber on Sunday", "the handover, originally planned for
    November, *was brought forward* to 21 October" -- and still to come otherwise: "UN
    *brings forward* exit from Aguelhok"."""
    head = noun.head
    if noun.dep_ not in _NOUN_SUBJECTS | {"dobj", "obj", "nsubjpass"} or head.i == noun.i:
        return None
    forms = [lemma_of(head), *_phrasal_forms(head)]
    advanced = next((p for p in forms if p in lexicon.brought_forward), None)
    if advanced is None:
        return None
    past = _past(head) and not _negated(head, lexicon)
    return Time(Happened.DONE if past else Happened.PLAN, advanced, verb=head.i)


def _after_kicker(noun) -> bool:
    """Whether the noun heads a headline after its kicker, "Mali : *fermeture* du camp de
    Gao", which the parser hangs on the kicker as the root."""
    head = noun.head
    return (
        head.dep_ == "ROOT"
        and head.i < noun.i
        and noun.dep_ in ("appos", "nmod", "dep", "npadvmod")
        and any(t.text == ":" for t in noun.doc[head.i + 1 : noun.i])
    )


def _ongoing_alone(noun, lexicon: Lexicon) -> bool:
    """Whether an event noun of something going on stands alone, with no verb in its sentence
    and nothing of its own but the name it is said of: "- Korat: *closing*", "* Udorn -
    *closing*" -- not "the closing of Korat"."""
    return (
        noun.lower_ in lexicon.ongoing_nouns
        and noun.dep_ in ("ROOT", "appos")
        and not any(t.pos_ in ("VERB", "AUX") for t in noun.sent)
        and all(c.dep_ in ("punct", "compound") or c.pos_ == "PROPN" for c in noun.children)
    )


def _noun_time(noun, lexicon: Lexicon, headline: bool) -> Time:
    """An event noun's time, from the verb or the preposition it depends on."""
    if _negated(noun, lexicon) or _none_of(noun, lexicon):
        return Time(Happened.NOTHING, "negated noun", True)
    if _reviewed(noun, lexicon):
        return Time(Happened.NOTHING, "state of play")
    unasserted = _unasserted(noun, lexicon)
    if unasserted is not None:
        return Time(Happened.NOTHING, unasserted)
    advanced = _brought_forward(noun, lexicon)
    if advanced is not None:
        return advanced  # before "originally *planned* for November" on the noun
    if (dated := _own_day(noun, lexicon)) is not None:
        return dated
    for child in noun.children:
        if child.dep_ == "amod" and lemma_of(child) in lexicon.hypothetical_adjectives:
            return Time(Happened.NOTHING, f"hypothetical: {lemma_of(child)}")
        if child.dep_ in ("amod", "acl", "xcomp") and lemma_of(child) in lexicon.planning_words:
            return Time(Happened.PLAN, f"planned: {lemma_of(child)}")
        if (
            child.dep_ == "amod"
            and lemma_of(child) in lexicon.starters
            and "Plur" in noun.morph.get("Number")
        ):
            # "les observateurs constatent *les premiers départs*": the leaving has begun
            return Time(Happened.PLAN, f"begun: {lemma_of(child)}")
        if child.dep_ in ("acl", "relcl") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in child.children
        ):
            # "- Erdenet: withdrawal *to be finished* by mid-1992": still to come
            return Time(Happened.PLAN, f"to come: {lemma_of(child)}")
        if child.dep_ == "case" and child.text.lower() in lexicon.done_before_noun:
            return Time(Happened.DONE, f"after: {child.text.lower()}")
        if (
            child.dep_ == "case"
            and child.text.lower() in lexicon.pending_before_noun - lexicon.weak_prepositions
        ):
            return Time(Happened.PLAN, f"before: {child.text.lower()}")
        if child.dep_ in ("aux", "aux:tense"):
            return _verb_time(noun, lexicon, headline)
        if child.dep_ == "poss" and lemma_of(child) in lexicon.past_days:
            return Time(Happened.DONE, f"after: {lemma_of(child)}")  # "Yesterday's handover"
    if _in_plan_phrase(noun, lexicon) or _plan_phrase_after(noun, lexicon):
        return Time(Happened.PLAN, "under way")  # "Kidal: evacuation under way"
    if (
        noun.pos_ == "VERB"
        and item_note(noun)
        and not any(c.dep_ == "det" for c in noun.children)
        and not any(lemma_of(t) in lexicon.planning_words for t in noun.sent)
    ):
        # "- Gbadolite : *remise* aux autorités le 20 septembre": the participle the noun's
        # form also is, as an item's note is written (not "remise à la MINURCAT *prévue*")
        return Time(Happened.DONE, "item's participle")
    head = noun.head
    word = lemma_of(head)
    if noun.dep_ in ("compound", "amod"):
        return _noun_time(head, lexicon, headline)
    if noun.dep_ == "pobj" or head.pos_ == "ADP":
        preposition = head.text.lower()
        above = head.head
        if preposition in lexicon.done_before_noun:
            if above.pos_ in ("VERB", "AUX") and above.i < noun.i:
                plan = _verb_time(above, lexicon, headline)
                if plan.happened is Happened.PLAN:
                    # "Kiwi Base: to close in April *after* handover": before a plan, still
                    # to come
                    return Time(Happened.PLAN, f"after: {preposition}: {plan.why}")
            return Time(Happened.DONE, f"after: {preposition}")
        if (
            preposition in lexicon.pending_before_noun - lexicon.weak_prepositions
            or lemma_of(above) in lexicon.pending_before_noun
        ):
            return Time(
                Happened.PLAN,
                f"before: {lemma_of(above) if lemma_of(above) in lexicon.pending_before_noun else preposition}",
            )
        if lemma_of(above) in lexicon.plan_words | lexicon.ongoing_by:
            return _plan_unless_denied(above, lexicon)
        return Time(Happened.NOTHING, "noun in passing")
    if noun.dep_ in _NOUN_SUBJECTS or noun.dep_ in ("dobj", "obj", "nsubjpass"):
        if (denial := _denial(head, lexicon)) is not None:
            return Time(Happened.NOTHING, f"denied: {denial}")  # "dément tout retrait de Mavivi"
        if word in lexicon.fears:
            return Time(Happened.NOTHING, f"feared: {word}")  # "residents fear the withdrawal"
        if word in lexicon.completed_by:
            verb_time = _verb_time(head, lexicon, headline)
            return Time(verb_time.happened, f"{word}: {verb_time.why}", verb_time.negated, head.i)
        postponed = next((p for p in _phrasal_forms(head) if p in lexicon.ongoing_by), None)
        if word in lexicon.ongoing_by or word in lexicon.plan_words or postponed:
            # "plans the withdrawal", "*pushed back* the handover"
            return Time(Happened.PLAN, postponed or word, verb=head.i)
        if word in ("be", "être"):
            return _copula_time(head, lexicon)
        if head.pos_ in ("VERB", "AUX"):
            verb_time = _verb_time(head, lexicon, headline)
            return Time(
                verb_time.happened, f"under {word}: {verb_time.why}", verb_time.negated, head.i
            )
        return Time(Happened.NOTHING, f"noun under {word}")
    if (topic := _topic_verb(noun, lexicon)) is not None:
        return _time_from(topic, lexicon, headline, "topic")
    if headline and (noun.dep_ == "ROOT" or _after_kicker(noun)):
        if lemma_of(noun) in lexicon.timing_words:
            # the tagger's noun is a participle of timing: "Mannar pull-out *set* for May"
            return Time(Happened.PLAN, f"headline: {lemma_of(noun)}")
        return Time(Happened.DONE, "headline noun")
    if _ongoing_alone(noun, lexicon):
        return Time(Happened.PLAN, f"alone: {noun.lower_}")  # "- Korat: closing."
    if (
        (noun.dep_ == "ROOT" or _opens_a_dated_line(noun))
        and not any(t.pos_ in ("VERB", "AUX") for t in noun.sent)
        and noun.sent[-1].text != ":"
    ):
        # a chronology's item reads as a headline does: "Mars 1964 - Retrait de Bukavu.",
        # "12 septembre 1984 : évacuation de Moussoro." -- not a list's lead-in: "Le retrait
        # français du Niger en quatre dates :"
        return Time(Happened.DONE, "noun without a verb")
    if noun.dep_ in ("nmod", "appos") and (word in lexicon.plan_words):
        return _plan_unless_denied(head, lexicon)
    start = noun.left_edge.i
    after_colon = (
        noun.dep_ == "appos" and start > 0 and noun.doc[start - 1].text == ":"
    ) or item_note(noun)
    if (noun.dep_ == "ROOT" or after_colon) and (stray := _stray_verb(noun, lexicon)) is not None:
        return _time_from(stray, lexicon, headline, lemma_of(stray))
    if (demoted := _plan_taken_for_a_modifier(noun, lexicon)) is not None:
        return _plan_unless_denied(demoted, lexicon)
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is not None and (
        # "une cérémonie de remise du camp est *prévue* lundi", "le contingent *se prépare*
        # à son tour au départ": a plan; "taking note of the closure of its bases": the
        # noun's clause tells its time
        lemma_of(verb) in lexicon.plan_words
        or (lemma_of(verb) not in ("be", "être") and noun.dep_ != "attr")
    ):
        return _time_from(verb, lexicon, headline, f"near {lemma_of(verb)}")
    return Time(Happened.NOTHING, "noun alone")


def _opens_a_dated_line(noun) -> bool:
    """Whether an event noun follows the colon or dash after a date that opens its line, the
    parser hanging it on the date: "12 septembre 1984 : *évacuation* de Moussoro"."""
    before = noun.left_edge.i - 1
    sent = noun.sent
    return (
        before > sent.start
        and item_separator(noun.doc[before])
        and noun.head.i < before
        and sent[0].like_num
    )


def _time_from(verb, lexicon: Lexicon, headline: bool, label: str) -> Time:
    """The time an event noun takes from a verb it stands under: a plan, unless denied, for a
    verb of planning; the verb's own otherwise."""
    if lemma_of(verb) in lexicon.plan_words:
        return _plan_unless_denied(verb, lexicon)
    verb_time = _verb_time(verb, lexicon, headline)
    return Time(verb_time.happened, f"{label}: {verb_time.why}", verb_time.negated, verb.i)


def _topic_verb(noun, lexicon: Lexicon):
    """The verb of the clause that an event noun, set up as its topic, is taken up by: "*Quant
    au* départ des derniers soldats de Mutsamudu, il est *prévu* avant Noël"."""
    if not any(c.dep_ == "case" and c.lower_ in lexicon.topic_markers for c in noun.children):
        return None
    return next(
        (t for t in noun.doc[noun.i + 1 :] if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")),
        None,
    )


def _plan_taken_for_a_modifier(noun, lexicon: Lexicon):
    """The verb of planning the tagger took for a modifier of its subject, with the event
    noun hung on that subject: "Le rapport *prévoit* la fermeture du quartier général de
    Luanda" ("prévoit" an adjective of "rapport")."""
    head = noun.head
    if noun.dep_ != "nmod" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN"):
        return None
    return next(
        (
            word
            for word in head.children
            if word.dep_ in ("amod", "acl")
            and head.i < word.i < noun.i
            and (
                lemma_of(word) in lexicon.plan_words
                or lexicon.inflected(word.text, lexicon.plan_stems) is not None
            )
        ),
        None,
    )


def _own_day(noun, lexicon: Lexicon) -> Time | None:
    """The time of the day, gone by or to come, that an event noun's own phrase gives it:
    "the handover of the Ber camp *last Thursday*", "la remise de la base, *jeudi dernier*,"
    -- whatever its sentence then says of it ("... n'est pas une humiliation pour Paris") --
    and "the handover *next Thursday*"."""
    rules = date_rules(lexicon.lang)
    for child in noun.children:
        if child.dep_ not in ("npadvmod", "tmod", "conj", "appos", "nmod", "obl:mod"):
            continue
        word = child.lower_
        if word in lexicon.past_days:
            return Time(Happened.DONE, f"dated: {word}")
        if not (word in rules.weekdays or word in rules.months or word in lexicon.deadline_words):
            continue
        # "*fin juin* dernier", "*pour le début de l'an prochain*": on the day or on its period
        for modifier in (m for part in (child, *child.children) for m in part.children):
            if modifier.lower_ in lexicon.bygone_words:
                return Time(Happened.DONE, f"dated: {word} {modifier.lower_}")
            if modifier.lower_ in lexicon.coming_days:
                return Time(Happened.PLAN, f"dated: {word} {modifier.lower_}")
    return None


def _stray_verb(noun, lexicon: Lexicon):
    """The verb of an event noun that the parser hung below it, on a word of its phrase,
    with no subject of its own: "La rétrocession de Dreux aux autorités françaises
    *interviendra* en janvier", "- Kanombe : transfert à la MINUAR *prévu* le 13 décembre"."""
    return next(
        (
            t
            for t in noun.subtree
            if t.dep_ == "acl"
            and t.pos_ == "VERB"
            and (
                ("Fin" in t.morph.get("VerbForm") and lemma_of(t) in lexicon.completed_by)
                or lemma_of(t) in lexicon.plan_words
            )
            and not any(c.dep_.startswith("nsubj") for c in t.children)
        ),
        None,
    )


def _copula_time(verb, lexicon: Lexicon) -> Time:
    """ "The withdrawal is complete" happened; "is under way", "is due", "would be complete by
    October" are to come."""
    coming = "Fut" in verb.morph.get("Tense") or any(
        c.dep_ == "aux" and c.lower_ in lexicon.future_auxiliaries for c in verb.children
    )
    for child in verb.children:
        word = lemma_of(child)
        if child.dep_ in ("acomp", "attr", "advmod", "prep") and word in lexicon.completed_by | {
            "complete",
            "over",
            "completed",
            "achevé",
            "terminé",
        }:
            if coming:
                return Time(Happened.PLAN, f"will be {word}", verb=verb.i)
            return Time(Happened.DONE, f"be {word}", verb=verb.i)
        if word in lexicon.plan_words or word in (
            "under",
            "underway",
            "due",
            "scheduled",
            "expected",
            "planned",
            "ongoing",
            "progress",
            "continue",
            "cours",
        ):
            return Time(Happened.PLAN, f"be {word}", verb=verb.i)
    return Time(Happened.NOTHING, "said of the process")
