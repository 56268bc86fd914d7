"""The learned reader: what a small model says of a site the rules leave unread.

The rules read a site only when the parse ties it to a cue. Reports often say more
than the parse shows -- "Ed Damazin and Kadugli next", "À Bururi, le bureau doit
cesser ses activités avant Noël" -- so a site the rules leave unread is described
by a few facts of its sentence (the cues near it, what the grammar says of their
time, the words around the name, whether the name is given as a camp) and a
logistic model weighs them. Its weights, in ``geo/reading/learned.json``, are
learnt from the development sets by ``scripts/train_reader.py``; a site is read
only when the model is sure enough (``FLOOR``); its reading says it was the model's
(``Reason.kind == "learned"``) and carries the model's probability as its confidence, never
above ``CEILING``, so that the map draws it unconfirmed and the review queue asks about it
early.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

from geo.model import Status
from geo.reading.cues import Cue, lemma_of
from geo.reading.lexicon import Lexicon
from geo.reading.time import Time

# The least probability of a status the model must give for its reading to be kept; a
# kept reading's confidence is that probability. Held out, its readings are right a little
# less often than it says (scripts/train_reader.py --check prints both).
FLOOR = 0.6
# ... and the most it may say of itself: held out, fewer than three in four of its readings
# are right, so none reaches the mission's threshold of confidence (0.9) and stands on the
# map as sure.
CEILING = 0.85
# The kind of the readings it makes.
LEARNED = "learned"
# Words each side of the name that describe it.
_WINDOW = 3
NONE = "none"


@dataclass(frozen=True)
class Guess:
    """The model's reading of a site: a status and how likely it is."""

    status: Status
    probability: float


def site_features(
    span, cues: list[Cue], times: list[Time], lexicon: Lexicon, facts: frozenset[str]
) -> list[str]:
    """The facts of a site's sentence the model weighs, as names.

    ``cues`` are the cues of the sentence and ``times`` what the grammar says of each;
    ``facts`` are what the reader knows of the name besides ("headline", "marked":
    given as a camp, "capital", "passing": a destination or landmark).
    """
    doc, site = span.doc, span.root.i
    names = sorted(f"fact={fact}" for fact in facts)
    nearest = None
    for cue, time in zip(cues, times, strict=True):
        gap = abs(cue.head - site)
        reach = "near" if gap <= 4 else "mid" if gap <= 10 else "far"
        side = "before" if cue.head < site else "after"
        happened = time.happened.value
        names += [
            f"cue={cue.status.value}|{happened}|{reach}",
            f"cue={cue.kind.value}|{reach}|{side}",
            f"lemma={cue.lemma}|{happened}",
        ]
        if nearest is None or gap < nearest[0]:
            nearest = (gap, cue, time)
    if nearest is not None:
        _, cue, time = nearest
        names.append(f"nearest={cue.status.value}|{time.happened.value}")
    else:
        names.append("nearest=none")
    before = doc[max(span.start - _WINDOW, 0) : span.start]
    after = doc[span.end : span.end + _WINDOW]
    names += [f"left={lemma_of(t)}" for t in before if t.is_alpha]
    names += [f"right={lemma_of(t)}" for t in after if t.is_alpha]
    names += [f"dep={span.root.dep_}", f"head={lemma_of(span.root.head)}"]
    return sorted(set(names) | _sentence_words(doc, lexicon))


def _sentence_words(doc, lexicon: Lexicon) -> set[str]:
    """The plan and presence words of the sentence, once for all its sites."""
    if "learned_words" not in doc.user_data:
        lemmas = {lemma_of(t) for t in doc}
        doc.user_data["learned_words"] = {
            f"word={lemma}" for lemma in lemmas & lexicon.plan_words
        } | {f"still={lemma}" for lemma in lemmas & lexicon.presence_verbs}
    return doc.user_data["learned_words"]


def guess(names: list[str]) -> Guess | None:
    """The status the model gives a site described by ``names``, if it is sure enough.

    >>> guess([]) is None
    True
    """
    model = _model()
    scores = [
        intercept + sum(model["weights"].get(name, {}).get(label, 0.0) for name in names)
        for label, intercept in zip(model["classes"], model["intercepts"], strict=True)
    ]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    label, probability = max(
        ((label, e / total) for label, e in zip(model["classes"], exps, strict=True)),
        key=lambda pair: pair[1],
    )
    if label == NONE or probability < FLOOR:
        return None
    return Guess(Status.parse(label), round(min(probability, CEILING), 2))


@cache
def _model() -> dict:
    """The weights, as ``{"classes", "intercepts", "weights": {name: {class: weight}}}``."""
    source = resources.files("geo") / "reading" / "learned.json"
    return json.loads(source.read_text(encoding="utf-8"))
