"""Which cue governs a site: the path between them in the dependency parse.

A site is governed by a cue when it is one of the cue's arguments or stands in
one: its object or subject ("vacated *Gao*", "*the Gao camp* was handed over"),
inside a prepositional chain ("its camp *in Gao*"), in a coordination ("Gao and
*Timbuktu*") or an apposition; or when the cue is said of the site's own noun
phrase ("the camp, *which was closed*"). The path may not pass through another
predicate -- "residents of *Bourem* said they fled after the mission left Kidal"
says nothing of Bourem -- except a verb that only places the camp ("the camp
*located* in Gao") or plans the event ("*plans* to leave Gao"); and it may not
pass through a word of passage ("drove *to* Gao"). Of several cues, the nearest
governs; cues joined to it by "and" that share its subject govern too ("Gao
was closed and handed over").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from geo.model import Status
from geo.reading.cues import Cue, CueKind, lemma_of
from geo.reading.lexicon import Lexicon
from geo.reading.time import negating_determiner

# A path of more arcs than this says nothing of the site.
MAX_DISTANCE = 8
_VERBAL = frozenset({"VERB", "AUX"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
_ARGUMENTS = _SUBJECTS | {"dobj", "obj", "compound"}


@dataclass(frozen=True)
class Governed:
    """A cue that governs a site, and how far apart they stand in the parse."""

    cue: Cue
    distance: int  # arcs between the site's word and the cue's
    through_presence: bool  # whether the path passes a presence noun ("camp", "base")
    passive_subject: bool = False  # "Ber was vacated": the site is what the event befell


def governing(site, cues: list[Cue], lexicon: Lexicon) -> tuple[list[Governed], list[Governed]]:
    """The cues that govern the site whose head token is ``site``: the nearest (with those
    that share its subject), and, farther, those the site is an argument of."""
    paths = []
    for cue in cues:
        path = tree_path(site, site.doc[cue.head])
        if path is not None and _valid(path, cue, lexicon):
            passive = (
                len(path) > 1
                and path[-2].dep_ in ("nsubjpass", "nsubj:pass")
                and (
                    path[-2].i == site.i
                    or lemma_of(path[-2]) in lexicon.presence_nouns
                    # "Gao and *Ber* were vacated": one of the subjects
                    or all(t.dep_ == "conj" for t in path[:-2])
                )
            )
            presence = _through_presence(path, lexicon)
            # "the remaining bases ... were handed over": an attribute of presence yields to
            # any event said of the site.
            attribute = cue.kind is CueKind.PRESENCE and path[-1].dep_ == "amod"
            distance = _arcs(path) + (MAX_DISTANCE if attribute else 0)
            paths.append((path, Governed(cue, distance, presence, passive)))
    if not paths:
        return [], []
    paths.sort(key=lambda p: (p[1].distance, p[1].cue.head))
    ancestors = {t.i for t in site.ancestors}
    # "the Niamey air base, which is to be emptied": said of the site's own noun phrase
    phrase = (
        {t.i for t in site.head.subtree} if site.dep_ in ("compound", "pobj", "nmod") else set()
    )
    # "Star Base, the logistics hub that UNMIL has now given back to the government": what
    # the site's apposition says of it
    phrase |= {t.i for c in site.children if c.dep_ == "appos" for t in c.subtree}
    further = [g for _, g in paths[1:] if g.cue.head in ancestors or g.cue.head in phrase]
    path, nearest = paths[0]
    chosen = [nearest]
    cue_token = path[-1]
    from_above = len(path) > 1 and path[-2].head.i == cue_token.i
    from_below = (
        len(path) > 1 and cue_token.head.i == path[-2].i
    )  # "Douentza, where the camp was closed and handed"
    if from_above or from_below:
        as_subject = from_below or path[-2].dep_ in _SUBJECTS
        shared = _conjoined_without_subject(cue_token, as_subject)
        chosen += [
            Governed(cue, nearest.distance + 1, nearest.through_presence, nearest.passive_subject)
            for cue in cues
            if cue.head in shared
        ]
    return [
        _what_remains_to_happen(_event_of_the_described(g, cues, site.doc), cues, site.doc)
        for g in chosen
    ], further


def _what_remains_to_happen(link: Governed, cues: list[Cue], doc) -> Governed:
    """A verb of presence whose complement is an event says the event is still to come:
    "Gao *remains* to be handed over" is the handover's, which the reader times by "remain"."""
    token = doc[link.cue.head]
    if link.cue.kind is not CueKind.PRESENCE:
        return link
    event = next(
        (
            cue
            for c in token.children
            if c.dep_ == "xcomp"
            for cue in cues
            if cue.head == c.i and cue.kind is not CueKind.PRESENCE
        ),
        None,
    )
    if event is None:
        return link
    return Governed(event, link.distance + 1, link.through_presence, True)


def _event_of_the_described(link: Governed, cues: list[Cue], doc) -> Governed:
    """A participle or a relative clause of presence that only describes the subject of an
    event yields to that event: "the battle group *stationed* at Mahaday *departed* on 2
    July", "Anju, where the Volunteers *kept* depots until September, is now *empty*"."""
    token = doc[link.cue.head]
    if (
        link.cue.kind is not CueKind.PRESENCE
        or token.dep_ not in ("acl", "relcl", "acl:relcl")
        or token.pos_ != "VERB"
    ):
        return link
    noun = token.head
    if noun.dep_ not in _SUBJECTS:
        return link
    predicate = noun.head  # the event's verb, or the copula of its state: "is now *empty*"
    said = {predicate.i} | {c.i for c in predicate.children if c.dep_ in ("acomp", "xcomp")}
    event = next((c for c in cues if c.head in said and c.kind is not CueKind.PRESENCE), None)
    if event is None:
        return link
    return Governed(event, link.distance + 2, link.through_presence, False)


def tree_path(start, end) -> list | None:
    """The tokens from ``start`` to ``end`` through their lowest common ancestor, both included.

    A parser sometimes cuts one sentence into several trees ("a quitté lundi | la base
    de Menaka"): a later tree's root then hangs on the root before it.
    """
    up = [start]
    while (head := head_of(up[-1])) is not None:
        up.append(head)
    index = {t.i: n for n, t in enumerate(up)}
    down = [end]
    while down[-1].i not in index:
        head = head_of(down[-1])
        if head is None:
            return None
        down.append(head)
    return up[: index[down[-1].i]] + list(reversed(down))


def _arcs(path: list) -> int:
    """How far apart a path's ends stand: its arcs, but for those that only climb the site's
    own coordination -- "pulled out of Goundam, Ber, Tessalit, ... and *Kidal*": the eighth
    name is as near the verb as the first."""
    climbing = 0
    while climbing < len(path) - 1 and path[climbing].dep_ == "conj":
        climbing += 1
    return len(path) - 1 - climbing


def head_of(token):
    """The token's head; for the root of a later tree, the root of the tree before it."""
    if token.head.i != token.i:
        return token.head
    roots = _roots(token.doc)
    earlier = bisect.bisect_left(roots, token.i)
    return token.doc[roots[earlier - 1]] if earlier else None


def _roots(doc) -> list[int]:
    """The indices of the roots of a parse's trees, computed once per parse."""
    if "roots" not in doc.user_data:
        doc.user_data["roots"] = [t.i for t in doc if t.head.i == t.i and not t.is_punct]
    return doc.user_data["roots"]


def _valid(path: list, cue: Cue, lexicon: Lexicon) -> bool:
    if _arcs(path) > MAX_DISTANCE:
        return False
    if cue.lemma in lexicon.regrouping_verbs and path[-2].dep_ not in _SUBJECTS:
        return False  # "the company stationed at Ber *rejoined* Timbuktu": not Timbuktu's
    cue_token = path[-1]
    for k, token in enumerate(path[:-1]):
        part_of_cue = cue.kind is CueKind.RECEIVING and token.head.i == cue_token.i
        if part_of_cue:
            continue
        if lemma_of(token) in lexicon.repetitions or (
            k and lemma_of(path[k - 1]) in lexicon.repetitions and token.pos_ == "ADP"
        ):
            continue  # "lowered *for the last time* over Hellinikon": how often, not where to
        if token.pos_ == "ADP" and any(
            c.dep_ == "npadvmod" and lemma_of(c) in lexicon.landmarks for c in token.children
        ):
            return False  # "the Ber base, about 50 km *from* Gao": a landmark
        if (
            token.pos_ == "ADP"
            and token.text.lower() in lexicon.passing_prepositions
            and not _after_a_sharing_adverb(token, lexicon)
        ):
            farewell = cue.lemma in lexicon.farewells and token.head.i == cue_token.i
            if not farewell:  # "bade farewell *to* Goundam" is leaving it
                return False
        onto = lexicon.falls_back_onto.get(cue.lemma)
        if token.pos_ == "ADP" and token.head.i == cue_token.i and token.text.lower() == onto:
            return False  # English hangs the place under its preposition: "leave *from* Larnaca"
        if any(
            _passing_case(c, lexicon) or (c.dep_ == "case" and c.text.lower() == onto)
            for c in token.children
        ):
            return False  # "vers Gao", and "repliés *sur* Bissau"
    if any(_dated_by_another_event(token, lexicon) for token in path[1:-1]):
        return False
    if cue.status is Status.HANDED_OVER and _names_the_recipient(path, lexicon):
        return False
    words = set(cue.lemma.split())
    return all(
        _may_pass(path, k, cue, lexicon)
        or (path[k].head.i == cue_token.i and lemma_of(path[k]) in words)  # "plié *bagage* à Ber"
        for k in range(1, len(path) - 1)
    )


def _names_the_recipient(path: list, lexicon: Lexicon) -> bool:
    """Whether the site only names who receives something else: "handed its hospital to the
    *Erbil* health directorate", "a rendu Siem Reap aux forces de *Phnom Penh*" -- not "remis
    son camp aux autorités de Kidal", where the camp given is the town's."""
    cue = path[-1]
    for k in range(1, len(path) - 1):
        if not all(t.dep_ in ("compound", "nmod", "flat:name", "pobj") for t in path[:k]):
            return False
        receiver = path[k]
        if lemma_of(receiver) not in lexicon.recipients:
            continue
        marker = receiver.head if receiver.dep_ == "pobj" else receiver
        to = marker.text.lower() if marker is not receiver else None
        cases = {c.text.lower() for c in receiver.children if c.dep_ == "case"}
        if to not in lexicon.recipient_prepositions and not cases & lexicon.recipient_prepositions:
            return False
        if marker.head.i != cue.i:
            # "la remise du camp Croci *à la commune d'Abéché*": the parser may hang who
            # receives on the name of what is given
            return marker.head in path[k + 1 :] and _a_name(marker.head)
        given_deps = {"dobj", "obj", "obl:arg", "nsubjpass", "nsubj:pass"}
        if lemma_of(cue) in lexicon.owning_verbs:
            given_deps.add("nsubj")  # "le camp Croci *appartient* à la commune d'Abéché"
        given = [
            c
            for c in cue.children
            if c.dep_ in given_deps and c.i != receiver.i and c.i != marker.i
        ]
        return any(
            g.pos_ == "PROPN"
            or lemma_of(g) not in lexicon.presence_nouns
            or any(_a_name(c) for c in g.children if c.dep_ in _NAMING_DEPS)
            for g in given
        )
    return False


_NAMING_DEPS = ("flat:name", "amod", "compound", "appos", "nmod")


def _a_name(token) -> bool:
    """A proper name, or a word the tagger took for another kind but spelt with a capital
    ("le camp *Croci*", an adjective) -- not the sentence's first word."""
    return token.pos_ == "PROPN" or (token.i > 0 and token.text[:1].isupper())


def _dated_by_another_event(token, lexicon: Lexicon) -> bool:
    """Whether the word is an event that only dates the cue's: "*after* the arrival in Kigali
    of its first troops, the force left Rwanda", "*après l'arrivée* à Kigali", "handed over
    at the end of August, days *before* the final ceremony in Berlin"."""
    if token.pos_ == "ADP":
        return token.text.lower() in lexicon.dating_prepositions and token.dep_ == "prep"
    return token.pos_ == "NOUN" and any(
        c.dep_ == "case" and c.text.lower() in lexicon.dating_prepositions for c in token.children
    )


def _the_site_itself(path: list, k: int) -> bool:
    """Whether the path's first ``k`` tokens are the site and names joined to it: "Kavumu
    and Uvira are still awaiting handover"."""
    return all(t.dep_ == "conj" for t in path[: k - 1]) if k > 1 else True


def _passing_case(token, lexicon: Lexicon) -> bool:
    """A French case marker of passage on a noun: "*vers* Gao", "*pour* Tombouctou" -- not
    one that shares the event: "remis lundi, *tout comme* Goundam"."""
    return (
        token.dep_ in ("case", "fixed")
        and token.text.lower() in lexicon.passing_prepositions
        and not _after_a_sharing_adverb(token, lexicon)
    )


def _after_a_sharing_adverb(token, lexicon: Lexicon) -> bool:
    """Whether a word of passage follows an adverb that makes it share the event instead:
    "*tout* comme Goundam", "*just* like Goundam"."""
    return token.i > 0 and token.doc[token.i - 1].lower_ in lexicon.sharing_adverbs


# What a verb that stands for itself governs; an auxiliary standing for another verb has none.
_COMPLEMENTS = frozenset({"dobj", "obj", "xcomp", "ccomp", "acomp", "attr", "prep", "obl"})


def _shares_the_event(token, below, lexicon: Lexicon) -> bool:
    """Whether ``token`` is the verbless clause of a site that shares the event of ``below``:
    "Ber was handed over, *as was* Goundam", "the office in Tuzla has shut, *as has* the one
    in Doboj" -- an auxiliary standing for the verb, with nothing of its own to govern."""
    return (
        (token.pos_ == "AUX" or lemma_of(token) in lexicon.standing_verbs)
        and not any(c.dep_ in _COMPLEMENTS for c in token.children)
        and token.dep_ == "advcl"
        and token.head.i == below.i
        and any(c.dep_ == "mark" and c.lower_ in lexicon.sharing_marks for c in token.children)
    )


def _may_pass(path: list, k: int, cue: Cue, lexicon: Lexicon) -> bool:
    """Whether the path from a site to its cue may go through its ``k``-th token.

    Not through a landmark ("50 km *east* of Timbuktu"), nor through another
    predicate -- but through one that only places the camp ("the camp *located* in
    Gao"), or one whose subject the site is and whose complement the cue is
    ("Gao *is due* to be handed over").
    """
    token = path[k]
    lemma = lemma_of(token)
    if lemma in lexicon.landmarks and token.pos_ != "PROPN":
        return False  # ... but a name is none: "ses positions du *Kilomètre* 5 et de l'aéroport"
    if token.pos_ not in _VERBAL:
        return True
    if token.dep_ in ("aux", "auxpass", "cop"):
        return True
    if token.dep_ in ("prep", "case") and lemma in lexicon.inclusive_words:
        return True  # "closed nine camps, *including* Ansongo and Ménaka": those are among them
    if lemma in lexicon.location_verbs and token.dep_ in (
        "acl",
        "relcl",
        "acl:relcl",
        "amod",
        "acomp",
        "oprd",
    ):
        return True
    below = path[k + 1]
    if path[k - 1].dep_ in _SUBJECTS and _shares_the_event(token, below, lexicon):
        return True
    if below.head.i != token.i:
        return False
    if (
        lemma in lexicon.copulas
        # the small parser takes a name for an adjective: "the next camp to go is *Ber*"
        and (path[k - 1].dep_ == "attr" or path[k - 1].pos_ == "PROPN")
        and below.dep_ in _SUBJECTS
        and cue.kind is not CueKind.PRESENCE  # "the only site where they still keep watch"
    ):
        return True  # "the biggest still to be handed over *are* Al Asad and COB Adder"
    if (
        lemma in lexicon.copulas
        and below.dep_ in _SUBJECTS
        and path[k - 1].dep_ == "prep"
        and path[k - 1].lower_ in lexicon.location_prepositions
    ):
        return True  # "*In Khulna*, the withdrawal *is* under way": where the event is
    if _sets_the_scene_of_a_report(path, k, lexicon):
        return True
    if below.dep_ in ("xcomp", "ccomp", "acomp", "attr"):
        # "Gao *is due* to be handed over"; "Ber *a vu* partir ses casques bleus" -- Ber
        # itself, not "Goundam residents watched the peacekeepers leave"
        return (
            token.pos_ == "AUX"
            or lemma in lexicon.plan_words | lexicon.copulas
            or (lemma in lexicon.implicatives and _the_site_itself(path, k))
        )
    if (
        below.dep_ == "prep"
        and below.text.lower() in lexicon.purpose_prepositions
        and lemma in lexicon.plan_words
    ):
        return True  # "Baraka and Sange are slated for closure"
    if token.pos_ == "AUX" and below.text.lower() in ("among", "parmi"):
        # "Ber and Goundam were among the first camps to be vacated" -- unless they were
        # not: "*neither* Ansongo *nor* Bourem is among the camps still to vacate"
        return not any(negating_determiner(t, lexicon) for t in path[:k])
    if (
        token.pos_ == "AUX"
        and below.text.lower() in lexicon.absence_words
        and cue.kind is CueKind.PRESENCE
    ):
        return True  # "Hombori is now without a UN presence"
    # "handover ceremonies are planned in Gao", "the handover took place in Gao": the
    # verb that times an event noun also places it.
    above = path[k - 1]
    placed = (
        _locative(above, lexicon)
        # "the groups based at Ouallam completed their withdrawal": who carries it out
        or (
            above.dep_ in _SUBJECTS and (lemma in lexicon.performed_by or _the_site_itself(path, k))
        )
    )
    # "À Mbandaka, le contingent se prépare *au départ*": the plan an event noun completes
    planned = lemma in lexicon.plan_words and below.dep_ == "obl:arg"
    return (
        cue.kind is CueKind.NOUN
        and ((lemma in lexicon.event_verbs and below.dep_ in _ARGUMENTS) or planned)
        and placed
    )


def _locative(word, lexicon: Lexicon) -> bool:
    """Whether the word is a preposition of place ("*in* Gao") or a noun with its own case
    marker of place ("*à* Ber")."""
    return word.lower_ in lexicon.location_prepositions or any(
        c.dep_ == "case" and c.lower_ in lexicon.location_prepositions for c in word.children
    )


def _sets_the_scene_of_a_report(path: list, k: int, lexicon: Lexicon) -> bool:
    """Whether the path goes from a place that opens a verb of report to what it reports, a
    camp that it names by no place of its own: "*In Los Palos*, an aid worker said the army
    post was deserted" (not "In Dili, a spokesman said the camp at Baucau was closed", nor
    "In Gao, a spokesman said the peacekeepers had left", which may be anywhere)."""
    token, above, below = path[k], path[k - 1], path[k + 1]
    if lemma_of(token) not in lexicon.reporting_verbs or below.dep_ not in ("ccomp", "parataxis"):
        return False
    reported = list(below.subtree)
    return (
        _locative(above, lexicon)
        and above.i < token.i
        and any(lemma_of(t) in lexicon.presence_nouns for t in reported)
        and not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in reported)
    )


def _through_presence(path: list, lexicon: Lexicon) -> bool:
    """Whether the mission's presence is named on the way: a camp, a base, a ceremony,
    a withdrawal -- or, for someone taking a site over, in what they take ("the keys to
    the UN camp")."""
    words = lexicon.presence_words
    cue = path[-1]
    kept = ("dobj", "obj", "nsubjpass", "nsubj:pass", "prep", "dative", "obl", "obl:arg")
    taken = [
        t
        for c in cue.children
        # the parser's "hosted *one*" is an npadvmod
        if c.dep_ in kept or (c.dep_ == "npadvmod" and c.pos_ == "NUM")
        for t in c.subtree
    ]
    return (
        any(lemma_of(t) in words for t in path)
        or any(
            lemma_of(c) in words
            for c in path[0].head.children
            if c.dep_ in ("compound", "appos", "nmod")
        )
        or lemma_of(path[0].head) in words
        # "Zalingei, where the mission kept its sector headquarters, is next"
        or any(
            lemma_of(t) in lexicon.presence_nouns
            for c in path[0].children
            if c.dep_ in ("relcl", "appos")
            for t in c.subtree
        )
        or any(
            lemma_of(t) in lexicon.presence_nouns or _stands_for_presence(t, lexicon) for t in taken
        )
    )


def _stands_for_presence(token, lexicon: Lexicon) -> bool:
    """A pronoun that stands for a camp named before it: "Léré has had no UN camp since
    2017, and Hombori has not hosted *one* since 2019"."""
    return token.text.lower() in lexicon.substitutes and any(
        lemma_of(t) in lexicon.presence_nouns for t in token.doc[: token.i]
    )


def subject_of(token):
    """The word's subject, active or passive, if any."""
    return next((c for c in token.children if c.dep_ in _SUBJECTS), None)


def _conjoined_without_subject(verb, site_is_subject: bool) -> set[int]:
    """The verbs joined to ``verb`` by a coordination that speak of its site: those that
    take its subject when the site is the subject ("was closed and handed over", "a été
    fermé puis remis"), those whose object is a pronoun for it ("vacated the camp and
    handed it over")."""
    shared = set()
    joined = [t for t in verb.children if t.dep_ == "conj"]
    if verb.dep_ == "conj":
        joined.append(verb.head)
    # "closed its ninth base, at Ansongo, handing it over to the civil authorities"
    joined += [
        t
        for t in verb.children
        if t.dep_ == "advcl" and not any(c.dep_ in ("mark", "aux", "auxpass") for c in t.children)
    ]
    own_subject = subject_of(verb) is not None
    for token in joined:
        if subject_of(token) is not None and (token.i != verb.head.i or own_subject):
            # "Basra was handed over, and Kirkuk and Mosul were closed": two clauses
            continue
        objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
        if site_is_subject or any(o.pos_ == "PRON" for o in objects):
            shared.add(token.i)
    return shared
