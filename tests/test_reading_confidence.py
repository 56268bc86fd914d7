"""geo.reading.confidence: how likely a reading is right, a number in (0, 1].

A site that is an argument of its cue is surer than one carried over from the sentence
before, and a reading whose agent nobody names is less sure than one the mission is named
doing. The map and its exports use the number to tell *read* statements from
*unconfirmed* ones.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sentence_sets import read_text

from geo.model import Reason, Status
from geo.reading.confidence import confidence

REPORT = dt.date(2023, 12, 11)  # a Monday
DIRECT = Reason("hand over", "verb", "past", "mission", "argument", 1)


def _with(**changes) -> Reason:
    return Reason(**{**DIRECT.__dict__, **changes})


def test_every_reading_scores_in_the_unit_interval_with_two_decimals():
    links = ["argument", "list lead-in", "headline", "next sentence", "same sentence", "lead"]
    kinds = [
        ("hand over", "verb"),
        ("withdrawal", "noun"),
        ("take over", "receiving"),
        ("lower", "flag"),
    ]
    times = ["past", "present", "future: will", "plan: need", "negated past", "complete: past"]
    scores = [
        confidence(Reason(cue, kind, time, agent, link, distance, negated), status)
        for (cue, kind), time, agent, link, distance, negated, status in itertools.product(
            kinds,
            times,
            ["mission", "unstated", "rebel"],
            links,
            [0, 1, 3, 5, 12],
            [False, True],
            Status,
        )
    ]
    assert all(0 < score <= 1 for score in scores)
    assert all(round(score, 2) == score for score in scores)


@pytest.mark.parametrize("status", list(Status))
def test_a_site_carried_over_from_the_sentence_before_is_less_sure(status):
    for distance in (1, 2, 4):
        direct = confidence(_with(distance=distance), status)
        carried = confidence(_with(distance=distance, link="next sentence"), status)
        assert carried < direct, distance


# --- what the map shows ---------------------------------------------------------


def _confidence(text: str, site: str) -> float:
    return read_text(text, REPORT)[site][2]


def test_the_map_is_less_sure_of_a_site_read_from_the_next_sentence():
    direct = _confidence("MINUSMA handed over the Tessalit camp to the army on Friday.", "Tessalit")
    carried = _confidence(
        "MINUSMA built a camp in Tessalit in 2013. It was handed over to the army on Friday.",
        "Tessalit",
    )
    assert 0 < carried < direct <= 1
