"""Reading a status from the sentence that names a site.

The vocabulary lives in data files (``geo/rules/<lang>.yaml``): a new language
is a new file, not new code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from geo.model import Evidence, Mention, Status


@dataclass(frozen=True)
class Cue:
    """A phrase in a sentence that signals a status."""

    status: Status
    start: int
    end: int


@dataclass(frozen=True)
class Rules:
    lang: str
    patterns: tuple[tuple[Status, re.Pattern], ...]


@cache
def rules_for(lang: str) -> Rules:
    """The cue rules of a language (English when there are none for it)."""
    folder = resources.files("geo") / "rules"
    source = folder / f"{lang}.yaml"
    if not source.is_file():
        source = folder / "en.yaml"
    raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    patterns = tuple(
        (Status.parse(status), re.compile(r"\b(?:" + cue + r")\b", re.IGNORECASE))
        for status, cues in raw["cues"].items()
        for cue in cues
    )
    return Rules(raw["lang"], patterns)


def find_cues(sentence: str, rules: Rules) -> list[Cue]:
    """Status cues in a sentence; of overlapping cues only the longest is kept."""
    found = [
        Cue(status, m.start(), m.end())
        for status, pattern in rules.patterns
        for m in pattern.finditer(sentence)
    ]
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept: list[Cue] = []
    for cue in found:
        if all(cue.end <= k.start or cue.start >= k.end for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: c.start)


def read_statements(mentions: list[Mention], country: str) -> list[Evidence]:
    """The status statements among ``mentions``: one :class:`Evidence` per mention that has one.

    A mention is a statement when it names a settlement in the mission's
    country and its sentence holds a status cue; the nearest cue before the
    name decides, else the nearest after it.
    """
    statements = []
    for mention in mentions:
        place = mention.place
        if place.is_region or place.country != country:
            continue
        sentence = mention.document.text[mention.sentence.start : mention.sentence.end]
        cues = find_cues(sentence, rules_for(mention.document.lang))
        if not cues:
            continue
        where = mention.start - mention.sentence.start
        before = [c for c in cues if c.end <= where]
        cue = before[-1] if before else cues[0]
        statements.append(
            Evidence(
                place=place,
                status=cue.status,
                date=mention.document.date,
                quote=mention.sentence.text,
                source=mention.document.path,
                document=mention.document,
                mention=mention,
            )
        )
    return statements
