"""How likely a reading is right, from the evidence behind it.

A reading is described by a few facts of its :class:`~geo.model.Reason` -- how
its site hangs on its cue (an argument of the cue's verb, a list's lead-in, the
sentence before), what kind of cue it is, whether the mission is named as the
one acting, what the grammar says of its time, how far apart site and cue stand
in the parse, a negation -- and by the status it gives. A small logistic model
weighs them: its weights, in ``geo/reading/confidence.json``, are learnt from
the development sets of labelled reports by ``scripts/train_confidence.py`` and
checked on the blind sets by ``benchmarks/status_quality.py --calibration``.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

from geo.model import Reason, Status


def features(reason: Reason, status: Status) -> list[str]:
    """The facts of a reading the model weighs, as names.

    >>> features(Reason("hand over", "verb", "past", "mission", "argument", 2), Status.HANDED_OVER)
    ['link=argument', 'kind=verb', 'agent=mission', 'time=past', 'distance=2', 'status=handed over']
    """
    agent = (
        "mission"
        if reason.agent == "mission"
        else "unstated"
        if reason.agent == "unstated"
        else "other"
    )
    names = [
        f"link={reason.link}",
        f"kind={reason.kind}",
        f"agent={agent}",
        f"time={time_class(reason.time)}",
        f"distance={min(reason.distance, 5)}",
        f"status={status.value}",
    ]
    if reason.negated:
        names.append("negated")
    return names


# The kinds of explanation geo.reading.time gives; any other names the verb that times an
# event noun ("complete: past", "welcome: past").
_TIME_CLASSES = frozenset(
    [
        "past",
        "present",
        "headline",
        "participle",
        "perfect",
        "ordinal",
        "future",
        "modal",
        "plan",
        "infinitive",
        "before",
        "after",
        "once",
        "conditional",
        "under",
        "still",
        "negated",
        "no",
        "without",
        "not",
        "will",
        "denied",
        "condition",
        "question",
        "near",
        "base",
    ]
)


def time_class(why: str) -> str:
    """The kind of a time's explanation: "plan: need" -> "plan", "complete: past" -> "event".

    >>> time_class("plan: need"), time_class("negated past"), time_class("complete: past")
    ('plan', 'negated', 'event')
    """
    head = why.split(":")[0].split(" ")[0]
    return head if head in _TIME_CLASSES else "event"


def confidence(reason: Reason, status: Status) -> float:
    """The expected share of readings like this one that are right, in (0, 1), two decimals.

    >>> sure = confidence(Reason("hand over", "verb", "past", "mission", "argument", 2), Status.HANDED_OVER)
    >>> carried = confidence(Reason("leave", "verb", "past", "unstated", "headline", 6), Status.CLOSED)
    >>> 0 < carried < sure < 1
    True
    """
    model = _model()
    score = model["intercept"] + sum(
        model["weights"].get(name, 0.0) for name in features(reason, status)
    )
    return round(1 / (1 + math.exp(-score)), 2)


@cache
def _model() -> dict:
    source = resources.files("geo") / "reading" / "confidence.json"
    return json.loads(source.read_text(encoding="utf-8"))
