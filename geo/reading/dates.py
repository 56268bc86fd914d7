"""When an event happened: the date its verb governs, resolved against the report's date.

Date expressions ("on Friday", "last week", "8 December", "le 28 décembre",
"jeudi dernier", "three days ago") are found with the words of the language's
lexicon (key ``dates``). Of the dates of a sentence, the event takes the one
attached in the parse to its own verb -- "the camp, visited on 3 March, was
handed over on Friday" was handed over on Friday -- and otherwise a date that
no other verb claims. A plan is dated by the report that states it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from geo.documents import lexicon_section


@dataclass(frozen=True)
class DateRules:
    """How a language writes the dates of events."""

    absolute: tuple[re.Pattern, ...]  # groups day, month, year (year optional)
    months: Mapping[str, int]
    weekday: re.Pattern  # group weekday
    weekdays: tuple[str, ...]  # Monday first
    relative: tuple[tuple[re.Pattern, int], ...]  # phrase, days before the document
    ago: re.Pattern | None  # groups count and unit
    numbers: Mapping[str, int]
    units: tuple[tuple[re.Pattern, int], ...]


@dataclass(frozen=True)
class DateSpan:
    """A date expression in a text and the day it names."""

    start: int
    end: int
    day: dt.date


@cache
def date_rules(lang: str) -> DateRules:
    """The compiled date words of ``lang`` (English's where it has none).

    Raises :class:`DataError` naming the lexicon when they cannot be compiled.
    """
    return lexicon_section(lang, "dates", lambda words: _compile(words["dates"]))


def _any_of(patterns: Iterable[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or "(?!)"


def _compile(raw: Mapping) -> DateRules:
    months = {str(k).lower(): int(v) for k, v in raw["months"].items()}
    month = _any_of(sorted(map(re.escape, months), key=len, reverse=True))
    day = rf"(?P<day>\d{{1,2}})(?:{raw.get('ordinal') or '(?!)'})?"
    year = r"(?P<year>\d{4})"
    absolute = (
        re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),
        re.compile(rf"(?<!\w){day}\s+(?P<month>{month})\.?(?:,?\s+{year})?(?!\w)", re.I),
        re.compile(rf"(?<!\w)(?P<month>{month})\.?\s+{day}(?:,?\s+{year})?(?!\w)", re.I),
    )
    weekdays = tuple(str(w).lower() for w in raw["weekdays"])
    ago = raw.get("ago")
    numbers = {str(k).lower(): int(v) for k, v in raw.get("numbers", {}).items()}
    units = raw.get("units", {})
    return DateRules(
        absolute=absolute,
        months=months,
        weekday=re.compile(
            rf"(?<!\w)(?:{raw['weekday_before']})(?P<weekday>{_any_of(weekdays)})(?!\w)", re.I
        ),
        weekdays=weekdays,
        relative=tuple(
            (re.compile(rf"(?<!\w)(?:{phrase})(?!\w)", re.I), int(days))
            for phrase, days in raw.get("relative", {}).items()
        ),
        ago=None
        if not ago
        else re.compile(
            ago.replace("{count}", rf"(?P<count>\d+|{_any_of(map(re.escape, numbers))})").replace(
                "{unit}", rf"(?P<unit>{_any_of(units)})"
            ),
            re.I,
        ),
        numbers=numbers,
        units=tuple((re.compile(p, re.I), int(d)) for p, d in units.items()),
    )


def find_dates(text: str, today: dt.date | None, rules: DateRules) -> list[DateSpan]:
    """Every date expression of ``text`` that names a day, counting from ``today``.

    >>> rules = date_rules("en")
    >>> monday = dt.date(2023, 12, 11)
    >>> [d.day.isoformat() for d in find_dates("on Friday, last week, on 28 Nov.", monday, rules)]
    ['2023-12-08', '2023-12-04', '2023-11-28']
    """
    found: list[DateSpan] = []
    for pattern in rules.absolute:
        for m in pattern.finditer(text):
            day = _absolute(m, today, rules)
            if day is not None:
                found.append(DateSpan(m.start(), m.end(), day))
    if today is not None:
        for m in rules.weekday.finditer(text):
            weekday = rules.weekdays.index(m["weekday"].lower())
            found.append(DateSpan(m.start(), m.end(), _days_before(today, weekday)))
        for pattern, days in rules.relative:
            found += [
                DateSpan(m.start(), m.end(), today - dt.timedelta(days=days))
                for m in pattern.finditer(text)
            ]
        if rules.ago is not None:
            found += [
                DateSpan(m.start(), m.end(), _ago(m, today, rules))
                for m in rules.ago.finditer(text)
            ]
    found.sort(key=lambda d: (d.start, -d.end))
    kept: list[DateSpan] = []
    for span in found:  # of overlapping expressions ("on 8 December 2023"), the first and longest
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def event_date(
    doc,
    verb: int | None,
    spans: list[DateSpan],
    site,
    event: int | None = None,
    occasions: frozenset[str] = frozenset(),
) -> dt.date | None:
    """The date of the event whose verb (or noun) is token ``verb``, from the sentence's
    date expressions ``spans`` (offsets in ``doc``'s text); None when none is its own.

    A note in brackets right after the site dates it ("Ber (13 Aug)"). Else a date
    attached to the verb -- or to the clause it shares its time with ("closed its camp
    on Thursday, handing it over") -- wins; else one that no other predicate claims,
    the nearest to the ``site`` (a span of ``doc``).
    """
    if not spans:
        return None
    text = doc.text
    for span in spans:
        if re.fullmatch(r"\s*\(", text[site.end_char : span.start]):
            return span.day
    anchors = {event} - {None}
    if verb is not None:
        anchors.add(verb)
        token = doc[verb]
        while (
            token.dep_ in ("conj", "advcl", "xcomp", "acl")
            and token.head.i != token.i
            and len(anchors) < 4
        ):
            token = token.head
            anchors.add(token.i)
    own, shared, free = [], [], []
    for span in spans:
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is None:
            continue
        predicate = _predicate_of(tokens.root, occasions)
        if predicate is not None and predicate.i == verb:
            own.append((abs(tokens.root.i - verb), span.day))
        elif predicate is not None and predicate.i in anchors:
            shared.append((abs(tokens.root.i - verb), span.day))
        elif predicate is None or (verb is not None and _under(predicate, doc[verb])):
            free.append((abs(tokens.root.i - site.root.i), span.day))
    for found in (own, shared, free):
        if found:
            return min(found)[1]
    return None


def within_report(day: dt.date | None, report: dt.date | None, today: dt.date) -> bool:
    """Whether ``day`` can be the date of an event a report tells as done: not after the
    report's date, nor, for an undated report, after ``today``.

    >>> within_report(dt.date(9999, 12, 31), dt.date(2023, 12, 11), dt.date(2024, 1, 1))
    False
    >>> within_report(dt.date(2023, 12, 4), None, dt.date(2024, 1, 1)), within_report(None, None, dt.date(2024, 1, 1))
    (True, True)
    """
    return day is None or day <= (report or today)


def _predicate_of(token, occasions: frozenset[str] = frozenset()):
    """The verb or noun a date expression hangs on: "handed over *on Friday*", "the
    talks *on 1 December*" (a noun whose own preposition holds the date) -- but an
    occasion of the event itself ("at a ceremony *on Saturday*") dates its verb."""
    current, previous = token, None
    for _ in range(6):
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        previous, current = current, current.head
        if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT":
            return current
        if (
            current.pos_ == "NOUN"
            and previous.dep_ == "prep"
            and current.lemma_.lower() not in occasions
        ):
            return current
        if current.pos_ == "NOUN" and current.dep_ not in (
            "pobj",
            "npadvmod",
            "obl",
            "nmod",
            "obl:mod",
        ):
            return current
    return None


def _under(token, ancestor) -> bool:
    return any(t.i == ancestor.i for t in token.ancestors)


def _days_before(today: dt.date, weekday: int) -> dt.date:
    """The latest ``weekday`` on or before ``today``: a report's "on Sunday" is this week's."""
    return today - dt.timedelta(days=(today.weekday() - weekday) % 7)


def _absolute(match: re.Match, today: dt.date | None, rules: DateRules) -> dt.date | None:
    month_text = match["month"].lower()
    month = int(month_text) if month_text.isdigit() else rules.months[month_text]
    year = match["year"]
    try:
        if year:
            return dt.date(int(year), month, int(match["day"]))
        if today is None:
            return None
        day = dt.date(today.year, month, int(match["day"]))
        return day if day <= today else day.replace(year=today.year - 1)
    except ValueError:  # "31 November": not a date, so not the event's date
        return None


def _ago(match: re.Match, today: dt.date, rules: DateRules) -> dt.date:
    count_text = match["count"].lower()
    count = int(count_text) if count_text.isdigit() else rules.numbers[count_text]
    unit = next(days for pattern, days in rules.units if pattern.fullmatch(match["unit"]))
    return today - dt.timedelta(days=count * unit)
