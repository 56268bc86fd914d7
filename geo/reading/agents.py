"""Who acts: the mission leaving a site is a status; someone else leaving theirs is not.

The agent of a cue is its subject, or the "by" phrase of a passive. It is the
mission when it names the mission (its name, an alias, "peacekeepers", "blue
helmets", "the UN") or its people without another allegiance ("troops", "the
convoy"); it is someone else when it names another actor ("rebels", "the
army", "residents") or the host country's forces ("Malian troops"). A pronoun,
a passive without "by" or a headline leave it unstated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property

from geo.gazetteer import normalise
from geo.reading.cues import item_separator, lemma_of
from geo.reading.dates import date_rules
from geo.reading.lexicon import Lexicon, same_people

MISSION = "mission"
UNSTATED = "unstated"
NOBODY_SAID = "not said"  # "it was not the peacekeepers who left Gao": no agent to map
_SUBJECTS = frozenset({"nsubj", "csubj"})
_AGENTS = frozenset({"agent", "obl:agent"})
# A subject's words worth reading: its head and what qualifies it, not a long relative clause.
_SUBJECT_WORDS = 8


@dataclass(frozen=True)
class Actors:
    """What names the mission and the host country in a project's reports."""

    mission_names: frozenset[str]  # normalised: "minusma", "un mission in mali"
    host_names: frozenset[str]  # normalised names of the host country: "mali"
    # What a name of the mission written as "US Navy" or "U.S. Southern Command" is called once
    # it has been given: its capitalised words after the first ("navy", "southern command").
    short_names: frozenset[str] = frozenset()

    @classmethod
    def of(cls, mission_names, host_names) -> Actors:
        """
        >>> sorted(Actors.of(["US Navy", "soldats français", "UN peacekeepers"], ["Mali"]).short_names)
        ['navy']
        """
        return cls(
            frozenset(normalise(n) for n in mission_names if n),
            frozenset(normalise(n) for n in host_names if n),
            frozenset(
                normalise(" ".join(words[1:]))
                for name in mission_names
                for words in [(name or "").split()]
                if len(words) >= 2 and all(word[:1].isupper() for word in words[1:])
            ),
        )

    @cached_property
    def _pairs(self) -> tuple[list[str], ...]:
        """The words of each name of two words ("french troops", "soldats francais")."""
        return tuple(words for name in self.mission_names if len(words := name.split()) == 2)

    @cached_property
    def qualifiers(self) -> frozenset[str]:
        """Words that make people the mission's: "French" of an alias "French troops"."""
        return frozenset(words[0] for words in self._pairs)

    def sends(self, state: str, peoples_of_states: Mapping[str, str] | None = None) -> bool:
        """Whether ``state`` is the one whose people the mission's names say it is: Russia of
        "Russian troops", Japan of "Japanese soldiers", Italy of "Italian contingent" -- not
        Austria of "Austrian contingent" when the state is Australia. A state whose people's
        name is not its own stem is looked up in ``peoples_of_states``.

        >>> actors = Actors.of(["Russian troops", "Japanese soldiers", "Austrian contingent"], [])
        >>> [actors.sends(state) for state in ("Russia", "Japan", "Australia", "Georgia")]
        [True, True, False, False]
        >>> Actors.of(["soldats français"], []).sends("France")  # the people after the noun
        True
        >>> Actors.of(["British troops"], []).sends("United Kingdom", {"united kingdom": "british"})
        True
        """
        name = normalise(state)
        people = (peoples_of_states or {}).get(name)
        if people is not None:
            return any(same_people(word, people) for pair in self._pairs for word in pair)
        words = name.split()
        stem = words[0][:-1] if words else ""  # "russi", "japa", "ital"
        # either word: the people stands first in English ("Russian troops"), last in French
        return len(stem) >= 3 and any(
            word.startswith(stem) for pair in self._pairs for word in pair
        )


def agent_of(verb, lexicon: Lexicon, actors: Actors, site=None) -> str:
    """``"mission"``, ``"unstated"`` or the other actor's word, for the verb at ``verb``.

    The site itself is no agent: "Ber no longer hosts a UN camp" names nobody who acts.
    """
    subject = _subject(verb, lexicon)
    if subject is None or (site is not None and _the_site_or_its_fellow(subject, site)):
        return UNSTATED
    if (
        subject.ent_type_ in ("DATE", "TIME")
        or lemma_of(subject) in lexicon.deadline_words
        or _day_of_month(subject, lexicon)
    ):
        return UNSTATED  # a parser's slip: "d'ici la fin du mois", "le 1er décembre"
    if subject.pos_ == "VERB" and any(c.dep_ == "det" for c in subject.children):
        return UNSTATED  # a list's lead-in: "*the following* are to be returned:"
    if lemma_of(subject) in lexicon.flag_nouns and not named_as_mission(subject, lexicon, actors):
        # what is lowered, in a headline's passive: "Maple Leaf lowered over Lahr"; what comes
        # down: "the Union Jack came down over Kahawa" (but "the UN flag" is the mission's)
        return UNSTATED
    if lemma_of(subject) in lexicon.crafts and lemma_of(verb) in lexicon.verbs:
        return _craft_leaving(subject, lexicon, actors)
    return classify(subject, lexicon, actors)


def _entity_text(token) -> str:
    """The whole name the word stands in, without its article: "*Soviet Union*" of "the
    Soviet Union", not "Union"."""
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is None:
        return token.text
    return " ".join(t.text for t in entity if t.pos_ != "DET")


def _the_site_or_its_fellow(subject, site) -> bool:
    """Whether the subject is the site, or the place it is joined to: "Gulu and *Lira*:
    vacated" (the parser makes Gulu the subject of "vacated")."""
    joined = site.root.dep_ == "conj" and site.root.head.i == subject.i
    return site.start <= subject.i < site.end or (joined and subject.pos_ == "PROPN")


def _craft_leaving(craft, lexicon: Lexicon, actors: Actors) -> str:
    """Whose craft leaves a site: the mission's when its people's name qualifies them ("the
    last American tanker aircraft left Zaragoza", "the last Dutch naval vessels sailed"),
    the last of them anyone's, another nation's when it names them ("Malian jets")."""
    modifiers = [
        t for t in craft.subtree if t.dep_ in ("amod", "compound", "nmod") and t.i < craft.i
    ]
    if any(normalise(t.text) in actors.qualifiers for t in modifiers):
        return MISSION
    owner = next(
        (
            t
            for t in modifiers
            if is_host_word(t.text, actors) or lemma_of(t) in lexicon.other_qualifiers
        ),
        None,
    )
    if owner is not None:
        return f"{lemma_of(owner)} {lemma_of(craft)}"
    if any(lemma_of(t) in lexicon.ordinals for t in modifiers):
        return UNSTATED  # "the last transport aircraft took off from Sperenberg"
    return classify(craft, lexicon, actors)  # "the convoy left Gao": a trip, anyone's


def named_as_mission(noun, lexicon: Lexicon, actors: Actors) -> bool:
    """Whether the noun phrase names the mission in so many words: by one of its names ("the
    Italian troops", "la MINUSMA") or a word of peacekeeping ("peacekeepers", "UN troops") --
    not a bare "troops", which is the mission's only for want of anyone else."""
    words = [t for t in noun.subtree][:_SUBJECT_WORDS]
    text = normalise(" ".join(t.text for t in words))
    if any(name and f" {name} " in f" {text} " for name in actors.mission_names):
        return True
    return any(lemma_of(t) in lexicon.mission_words for t in words) and (
        _joined_head(noun, lexicon) not in lexicon.other_actors
    )


def _day_of_month(token, lexicon: Lexicon) -> bool:
    """Whether the word is the day of a date: "avoir fermé *le 1er décembre* son poste"."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return (
        token.text[:1].isdigit()
        and following is not None
        and following.text.lower().rstrip(".") in date_rules(lexicon.lang).months
    )


def classify(subject, lexicon: Lexicon, actors: Actors) -> str:
    """Who the noun phrase headed by ``subject`` is."""
    if subject.pos_ == "PRON":
        antecedent = _antecedent(subject)
        if antecedent is None:
            return UNSTATED
        subject = _cleft_focus(antecedent, lexicon)
        if subject is None:
            return NOBODY_SAID
    if lemma_of(subject) in lexicon.quantities:
        # "hundreds of peacekeepers", "une centaine d'agents de la mission": what is counted
        counted = [c for c in subject.children if c.dep_ in ("prep", "nmod")]
        inner = [
            g
            for c in counted
            for g in ([c] if c.dep_ == "nmod" else c.children)
            if g.pos_ in ("NOUN", "PROPN")
        ]
        if not inner:
            # "around 1,000 more remain": counted, not named -- but "the Australian logistic
            # group" is of "Australian troops"
            return MISSION if _of_mission_people(subject, actors) else UNSTATED
        subject = inner[0]
    if named_as_mission(subject, lexicon, actors):
        return MISSION
    if (
        subject.ent_type_ in ("GPE", "LOC")
        and subject.pos_ == "PROPN"
        and any(
            actors.sends(name, lexicon.peoples_of_states)
            for name in {subject.text, _entity_text(subject)}
        )
    ):
        return MISSION  # "Russia turns over Batumi base", of "Russian troops" in Georgia
    if _short_for_alias(subject, actors):
        return MISSION  # "the Navy vacated its post", of "US Navy"
    head = _joined_head(subject, lexicon)
    if (head in lexicon.armies or head in lexicon.force_words) and (
        other := _another_nation(subject, lexicon, actors)
    ):
        return f"{other} {head}"  # "Dutch troops" where the mission is "Australian troops"
    if head in lexicon.armies and _foreign(subject, lexicon, actors):
        return MISSION  # "the US Army lowered its flag", "l'armée française a quitté": a contingent
    if head in lexicon.other_actors:
        return head
    if head in lexicon.force_words:
        modifiers = [t for t in subject.children if t.dep_ in ("amod", "compound", "nmod", "poss")]
        following = subject.nbor() if subject.i + 1 < len(subject.doc) else None
        if following is not None and following.pos_ == "ADJ" and following not in modifiers:
            # "des militaires soudanais ont quitté Golo": the parser may hang the adjective
            # after the noun on the verb
            modifiers.append(following)
        # "*Egyptian* air force officers": whose the compound before the noun is
        modifiers += [
            g
            for m in list(modifiers)
            if m.dep_ == "compound"
            for g in m.children
            if g.dep_ in ("amod", "compound")
        ]
        if any(
            normalise(t.text) in actors.qualifiers or _short_for_alias(t, actors) for t in modifiers
        ):
            return MISSION  # "French troops", "the final Air Force detachment" of "US Air Force"
        owners = [  # whose they are: "of the Malian army", "des FACA" -- not where: "at Gao"
            g
            for c in subject.children
            if (c.dep_ == "prep" and c.text.lower() == "of")
            or (
                c.dep_ == "nmod"
                and any(w.text.lower() in ("de", "du", "des", "d'", "d’") for w in c.children)
            )
            for g in ([c] if c.dep_ == "nmod" else c.children)
        ]
        for owner in owners:  # "soldiers of the Malian army", "éléments des FACA"
            if owner.pos_ in ("NOUN", "PROPN") and classify(owner, lexicon, actors) not in (
                MISSION,
                UNSTATED,
            ):
                return f"{lemma_of(owner)} {head}"
        for modifier in modifiers:
            word = lemma_of(modifier)
            # "éléments des FACA", "Rapid Support Forces units": a name that is not the mission's
            named = (
                modifier.pos_ == "PROPN"
                and modifier.dep_ in ("nmod", "compound")
                # "* Swietoszow - the tank division moved out": the item's label, not a name
                and not item_separator(modifier.doc[modifier.i + 1])
            )
            if word in lexicon.other_qualifiers or is_host_word(modifier.text, actors) or named:
                return f"{word} {head}"
        return MISSION
    if head in lexicon.presence_nouns and (host := _host_qualifier(subject, actors)):
        return f"{host} {head}"  # "the *Chinese* garrison withdrew": the host's, not a site
    if head in lexicon.presence_nouns or head in lexicon.refers_back:
        return UNSTATED
    if head in lexicon.process_nouns:
        return UNSTATED  # "work has begun to dismantle the camp": what is done, not who
    if _denonym(subject) and not is_host_word(subject.text, actors):
        # "the Nepalese", "les Ougandais se sont retirés": a contingent, the mission's or not --
        # unless the mission is made of peoples and the lexicon lists this as none of them
        # ("les Britanniques" of a mission of "forces françaises")
        peoples = _mission_peoples(actors, lexicon)
        if (
            peoples
            and lemma_of(subject) in lexicon.peoples
            and not any(same_people(subject.text, people) for people in peoples)
        ):
            return normalise(subject.text)
        return UNSTATED
    if _of_mission_people(subject, actors):
        # "the last German vehicles rolled out": of "German troops", whatever the noun
        return MISSION
    return head


def _host_qualifier(noun, actors: Actors) -> str | None:
    """The word before the noun that names the host country or its people: "the *Chinese*
    garrison", "la garnison *tchadienne*"."""
    return next(
        (
            normalise(c.text)
            for c in noun.children
            if c.dep_ in ("amod", "compound")
            and (c.pos_ == "ADJ" or c.ent_type_ == "NORP")  # a people, not a town
            and is_host_word(c.text, actors)
        ),
        None,
    )


def _of_mission_people(noun, actors: Actors) -> bool:
    """Whether a word that qualifies the mission in its names qualifies the noun: "the
    *Australian* logistic group" of a mission named "Australian troops"."""
    return any(
        c.dep_ in ("amod", "compound") and normalise(c.text) in actors.qualifiers
        for c in noun.children
    )


def _cleft_focus(noun, lexicon: Lexicon):
    """Who a cleft sentence says did it: "it was *the rebels*, not the peacekeepers, who
    left", "ce ne sont pas les casques bleus qui ont quitté Gao, mais *les rebelles*"; the
    noun itself when it stands in no cleft, None when the cleft only denies it was them."""
    if noun.dep_ in ("appos", "conj") and _denied(noun, lexicon) and _in_cleft(noun.head, lexicon):
        return noun.head
    if not (_in_cleft(noun, lexicon) and _denied(noun, lexicon)):
        return noun
    frame = noun.head if noun.dep_ == "attr" else noun
    return next(
        (c for c in frame.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), None
    )


def _in_cleft(noun, lexicon: Lexicon) -> bool:
    """Whether the noun is the focus of "it was X who ...", "c'est X qui ...": a copula's
    complement whose subject is the language's empty one ("it", "ce")."""
    if noun.dep_ == "attr":
        frame = noun.head
    elif any(c.dep_ == "cop" for c in noun.children):
        frame = noun
    else:
        return False
    return any(
        c.dep_ in ("nsubj", "expl") and c.lower_ in lexicon.cleft_subjects for c in frame.children
    )


def _denied(noun, lexicon: Lexicon) -> bool:
    """Whether "not"/"non"/"pas" bears on the noun or on the copula it completes, or stands
    just before it ("the rebels, *not* the peacekeepers")."""
    frame = noun.head if noun.dep_ == "attr" else noun
    before = noun.doc[noun.left_edge.i - 1] if noun.left_edge.i else None
    return (before is not None and before.lower_ in lexicon.negations) or any(
        c.dep_ in ("neg", "advmod") and c.lower_ in lexicon.negations
        for word in {noun, frame}
        for c in word.children
    )


def _joined_head(noun, lexicon: Lexicon) -> str:
    """The noun's lemma, or the word it makes with the word before it when the lexicon
    knows that word of people: "the French *rear guard*" is a rearguard, not a guard."""
    head = lemma_of(noun)
    before = noun.doc[noun.i - 1] if noun.i else None
    if before is not None and before.dep_ in ("compound", "amod") and before.head.i == noun.i:
        joined = lemma_of(before) + head
        if joined in lexicon.force_words:
            return joined
    return head


def _short_for_alias(subject, actors: Actors) -> bool:
    """Whether the noun (a subject, or a name that qualifies one) is one of the mission's names
    without its first word, written as a name: "*the Navy* vacated its post", "the *Air Force*
    detachment" of "US Navy" and "US Air Force" (not "the navy" of any country)."""
    words = [t for t in subject.doc[subject.left_edge.i : subject.i + 1] if t.pos_ != "DET"]
    return all(t.text[:1].isupper() for t in words) and (
        normalise(" ".join(t.text for t in words)) in actors.short_names
    )


def _another_nation(noun, lexicon: Lexicon, actors: Actors) -> str | None:
    """The people qualifying the noun when the mission is named by its own peoples and this
    is none of them: "*Dutch* troops" where the mission is "Australian troops", "*South
    African* soldiers" where it is UNTAG with its "Kenyan battalion" -- never where the mission
    names no people ("Chadian peacekeepers" of MINUSMA are its contingent)."""
    peoples = _mission_peoples(actors, lexicon)
    if not peoples:
        return None
    return next(
        (
            normalise(c.text)
            for c in noun.children
            if c.dep_ in ("amod", "compound")
            and _a_people(c, lexicon)
            and not any(same_people(c.text, people) for people in peoples)
            and not is_host_word(c.text, actors)
        ),
        None,
    )


def _a_people(token, lexicon: Lexicon) -> bool:
    """Whether a word names a people: tagged so, or listed where the model tags none."""
    return token.ent_type_ == "NORP" or lemma_of(token) in lexicon.peoples


def _mission_peoples(actors: Actors, lexicon: Lexicon) -> frozenset[str]:
    """The peoples the mission's names say it is made of, in ``lexicon``'s language."""
    return _peoples(
        actors.mission_names, lexicon.national_forces, lexicon.mission_words, lexicon.peoples
    )


@cache
def _peoples(
    mission_names: frozenset[str],
    national_forces: frozenset[str],
    mission_words: frozenset[str],
    known: frozenset[str],
) -> frozenset[str]:
    """The peoples the mission's names say it is made of: "australian" of "Australian troops",
    "kenyan" of "Kenyan battalion", "francaises" of "forces françaises" -- not "un" of "UN
    troops" nor "bleus" of "casques bleus". Asked for every subject of a force word, so
    worked out once per mission and language. Where the lexicon lists the ``known`` peoples
    (the model tagging none), only those count: not "onusiens" of "soldats onusiens"."""
    forces = {normalise(word) for word in national_forces}
    return frozenset(
        people
        for name in mission_names
        for words in [name.split()]
        if len(words) == 2
        for force, people in (words[::-1], words)
        if force in forces
        and people.isalpha()
        and people not in mission_words
        and (not known or any(same_people(people, p) for p in known))
    )


def _foreign(noun, lexicon: Lexicon, actors: Actors) -> bool:
    """Whether a people or a state other than the host's qualifies the noun: "the *US*
    Army", "l'armée *française*", not "the *Malian* army" nor "the *national* army"."""
    return any(
        c.dep_ in ("amod", "compound", "nmod")
        and (c.ent_type_ in ("NORP", "GPE") or (c.pos_ == "PROPN" and c.text.isupper()))
        and lemma_of(c) not in lexicon.other_qualifiers
        and not is_host_word(c.text, actors)
        for c in noun.children
    )


def _denonym(token) -> bool:
    """Whether a noun names a people: "the Nepalese", "les Ougandais" (the French model tags
    them places)."""
    return token.ent_type_ == "NORP" or (
        token.pos_ == "NOUN" and token.text[:1].isupper() and token.ent_type_ in ("LOC", "MISC")
    )


def _antecedent(pronoun):
    """What a relative pronoun stands for: "the FAMa *who* withdrew", "les FAMa *qui* se
    sont repliées"."""
    if "Rel" not in pronoun.morph.get("PronType") and pronoun.tag_ not in ("WDT", "WP"):
        return None
    clause = pronoun.head
    if clause.dep_ in ("relcl", "acl:relcl", "acl") and clause.head.i != clause.i:
        return clause.head
    return None


def _subject(verb, lexicon: Lexicon):
    """The verb's subject, or the agent of its passive; a verb joined by "and" shares its head's."""
    token = verb
    if verb.pos_ == "ADJ" and verb.dep_ in ("acomp", "xcomp", "attr"):
        token = verb.head  # "the blue helmets are no longer present": the copula's subject
    if verb.dep_ == "cop":
        token = verb.head  # "les casques bleus sont toujours à Kidal": French hangs it there
    for _ in range(3):
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        if subjects:
            # Of two, the nearer: "Burundi : l'ONUB cède sa base", a headline's kicker taken
            # for a second subject
            return min(subjects, key=lambda c: abs(c.i - token.i))
        for child in token.children:
            if child.dep_ in _AGENTS and not _given_to(child, lexicon):
                agent = next((c for c in child.children if c.dep_ == "pobj"), child)
                if agent.ent_type_ in ("DATE", "TIME") or lemma_of(agent) in lexicon.deadline_words:
                    continue  # "vacated by the end of the month": a deadline, not who acts
                return agent
        if any(c.dep_ in ("nsubjpass", "nsubj:pass") for c in token.children):
            return None  # a passive without "by": nobody named
        if (
            token.dep_ == "acl"
            and "Fin" in token.morph.get("VerbForm")
            and token.head.i < token.i
            and token.head.pos_ in ("NOUN", "PROPN")
            and token.head.dep_ == "ROOT"
        ):
            # "Une centaine d'agents de la mission resteront à Bamako": the parser makes the
            # subject the sentence's root and hangs the finite verb on it
            return token.head
        if token.dep_ == "xcomp" and token.head.i != token.i:
            # "Ethiopia orders *the US* to shut Kagnew": who is told to do it does it
            told = [
                c
                for c in token.head.children
                if c.dep_ in ("dobj", "obj")
                and c.i < token.i
                and c.ent_type_ not in ("DATE", "TIME")
                and lemma_of(c) not in lexicon.deadline_words
            ]
            if told:
                return told[0]
        if token.head.i != token.i and (
            token.dep_ in ("conj", "xcomp") or (token.dep_ == "advcl" and _participle(token))
        ):
            token = token.head
            continue
        if (clause := _clause_of_process(token, lexicon)) is not None:
            token = clause
            continue
        return None
    return None


def _clause_of_process(verb, lexicon: Lexicon):
    """The verb whose subject does what a process noun holds: "the group *is* in the process
    of leaving"; None when the verb hangs on no such noun."""
    noun = verb.head.head  # "leaving" hangs on "of", "of" on "process"
    if verb.dep_ != "pcomp" or lemma_of(noun) not in lexicon.process_nouns:
        return None
    above = noun.head.head if noun.dep_ == "pobj" else noun.head
    return above if above.pos_ in ("VERB", "AUX") and above.i != noun.i else None


def _given_to(agent, lexicon: Lexicon) -> bool:
    """Whether the tagger's agent of a passive is who it was given to, with no "par" of its
    own: "poste cédé *à la police*", "remis au Croissant-*Rouge*" (the "au" on "Croissant")."""
    if agent.lower_ in lexicon.agent_prepositions:
        return False  # English makes "by" the agent
    return not any(
        c.dep_ == "case" and c.lower_ in lexicon.agent_prepositions for c in agent.children
    )


def _participle(verb) -> bool:
    """A participle clause shares its head's subject: "..., handing the camp over"."""
    return not any(
        c.dep_ in ("mark", "aux", "auxpass", "aux:pass", "aux:tense") for c in verb.children
    )


def is_host_word(text: str, actors: Actors) -> bool:
    """Whether ``text`` starts with the host country's name or its people's: "Malian troops",
    "maliens", "Somali"."""
    word = normalise(text)
    return any(len(name) >= 4 and word.startswith(name[:4]) for name in actors.host_names)
