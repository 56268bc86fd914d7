"""spaCy's parse of the sentences the reader needs: tokens, lemmas, morphology,
dependencies and named entities, for every language through one code path.

A language's pipeline loads on first use, so a build whose reports are all in
English never pays for the French one. The packages tried are the lexicon's
``models``, in order: the official ``en_core_web_sm`` wins over its re-upload
whenever both are installed.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import metadata

from geo.errors import DataError
from geo.reading.dates import date_rules
from geo.reading.lexicon import Lexicon, lexicon_for

# Longer texts are cut into pieces before parsing (see ``geo.reading.reader``); this is
# spaCy's own guard, far above any piece the reader sends.
_MAX_LENGTH = 2_000_000
_BATCH_SIZE = 64


def parse(texts: Iterable[str], lang: str) -> list:
    """The spaCy ``Doc`` of each text, parsed in batches with the pipeline of ``lang``."""
    nlp = pipeline_for(lang)
    weekdays, label = _weekday_mending(lang)
    lexicon = lexicon_for(lang)
    return [
        _mend_weekdays(_mend_verbless(doc, lexicon), weekdays, label)
        for doc in nlp.pipe(texts, batch_size=_BATCH_SIZE)
    ]


@cache
def _weekday_mending(lang: str) -> tuple[frozenset[str], str]:
    """The weekdays of ``lang`` and the label its pipeline gives a noun of time on a verb
    (UD's "obl:mod", or ClearNLP's "npadvmod"), asked once per language."""
    labels = pipeline_for(lang).get_pipe("parser").labels
    return frozenset(date_rules(lang).weekdays), "obl:mod" if "obl:mod" in labels else "npadvmod"


def _mend_weekdays(doc, weekdays: frozenset[str], label: str):
    """Give back to a verb what hangs on a weekday the parser took for another verb: in "ont
    remis *jeudi* la base à l'armée" the small French model makes "jeudi" a verb that holds
    the object and the recipient. The weekday becomes a noun of time on the verb it hangs on."""
    for token in doc:
        verb = token.head
        if (
            token.lower_ in weekdays
            and token.pos_ in ("VERB", "AUX")
            and verb.i != token.i
            and verb.pos_ in ("VERB", "AUX")
        ):
            for child in list(token.children):
                child.head = verb
            token.pos_ = "NOUN"
            token.dep_ = label
            token.set_morph("Number=Sing")
    return doc


def _mend_verbless(doc, lexicon: Lexicon):
    """Give a sentence the parser left without a verb its cue verb back: the small French
    model takes "quittent" or "évacuent" after a subject for an adverb or a pronoun ("Les
    paras quittent Abéché"), and hangs the place on the subject. The word becomes the verb
    of its sentence, the noun before it its subject, and the first word after it that hangs
    on the words before it its object."""
    for sentence in list(doc.sents):  # the sentences as parsed, before any head is moved
        if any(t.pos_ in ("VERB", "AUX") for t in sentence):
            continue
        verb = next((t for t in sentence if _mistaken_verb(t, lexicon)), None)
        if verb is None or verb.i == sentence.start:
            continue
        subject, root = doc[verb.i - 1], sentence.root
        if subject.pos_ not in ("NOUN", "PROPN", "PRON"):
            continue
        while subject.dep_ in ("nmod", "flat:name", "appos") and subject.head.i < subject.i:
            subject = subject.head  # "Les premiers *camions* de la SAMIDRC quittent Goma"
        after = [t for t in sentence if t.i > verb.i and t.head.i <= verb.i and t.head.i != t.i]
        verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
        tense = "Imp" if verb.lower_.endswith("aient") else "Pres"  # "quittaient", "quittent"
        verb.set_morph(f"Mood=Ind|Number=Plur|Person=3|Tense={tense}|VerbForm=Fin")
        if root.i != subject.i and root.i < verb.i:
            # what opened the sentence: a date ("Le 1er décembre, les paras quittent Abéché")
            root.head, root.dep_ = verb, "punct" if root.is_punct else "obl:mod"
        subject.head, subject.dep_ = verb, "nsubj"
        for token in after:
            token.head = verb
            if token is after[0] and token.pos_ in ("NOUN", "PROPN", "ADJ"):
                token.dep_ = "obl:arg" if any(c.dep_ == "case" for c in token.children) else "obj"
    return doc


def _mistaken_verb(token, lexicon: Lexicon) -> bool:
    """A cue verb in the third person plural ("quittent", "quittaient") tagged as something
    else."""
    return (
        token.pos_ not in ("VERB", "AUX")
        and token.lower_.endswith("ent")
        and lexicon.inflected(token.lower_, lexicon.verb_stems) is not None
    )


@cache
def pipeline_for(lang: str):
    """The loaded spaCy pipeline of ``lang``'s lexicon.

    Raises :class:`DataError` naming the packages to install when none is.
    """
    import spacy

    lexicon = lexicon_for(lang)
    for name in lexicon.models:
        if _installed(name) is not None:
            nlp = spacy.load(name)
            nlp.max_length = _MAX_LENGTH
            return nlp
    raise DataError(
        f"no spaCy pipeline for reading '{lexicon.lang}' is installed",
        value=", ".join(lexicon.models),
        fix="run `make map` (or pip install --require-hashes -r requirements/models.txt)",
    )


def model_version(lang: str) -> str:
    """``name-version`` of the pipeline that reads ``lang``, without loading it (nor spaCy:
    a build whose reports are all in the cache never imports it)."""
    for name in lexicon_for(lang).models:
        version = _installed(name)
        if version is not None:
            return f"{name}-{version}"
    return "none"


def _installed(package: str) -> str | None:
    """The installed version of a package, or None."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None
