"""Reading a site's status from the sentence that names it, the way an analyst would.

A sentence is cut into clauses; a status cue governs the place names of its
own clause only ("vacated Gao and will leave Timbuktu" says two things; so
does "officials in Bamako said the Mopti camp was handed over"; and so does
"the Gao camp is still open after Timbuktu was handed over", where a place
follows "after"). In a clause:

- an *event* cue gives its status: "handed over", "vacated", "the flag was
  lowered"; a base form or progressive ("close", "handing over") is pending;
- a *pending marker* before it ("will", "is due to", "yet to", "in the process
  of") or after it ("the handover ... is planned"), or a *negation* before it
  ("has not yet been handed over"), makes it pending -- unless the marker
  stands in a phrase that only compares the event with a plan ("left earlier
  than planned", "the first camps to be vacated");
- a marker may also speak for the rest of its clause ("has yet to say
  *whether* the base will be transferred or evacuated"), and a sweeping
  negation ("*neither* Bourem *nor* Hombori ...") turns an event into a plan
  and a plan into no statement at all;
- a *denial* before it ("denied that the camp had been handed over") leaves
  it without a status;
- a headline (a sentence without a full stop) tells past events in the present
  tense ("Peacekeepers Leave Tessalit") and plans with "to" ("UN to leave Gao");
- where several cues speak, the most specific status wins ("closed and handed
  over" is handed over).

A name is a statement about a mission site only when it is a settlement in the
mission's country, its sentence says the mission is or was there (a camp, a
base, a withdrawal, a ceremony, the mission's name...), and it is not named in
passing: a destination ("drove towards Timbuktu"), a distance ("80 km from
Gao"), a region ("the Kidal region"), a dateline
("BAMAKO (Reuters) -"), the people of a town ("Goundam residents"), "the Sahel".
A destination is the site after all when it is the mission's camp ("rebels
moved into the Aguelhok camp after the UN withdrew") or the trip is made for
the mission's event ("travelled to Timbuktu to attend the handover ceremony").
A camp named without its town ("ahead of the camp's closure") is the camp of
the one town the sentence named in passing as an origin or by its officials
("Equipment from Sévaré ...", "Timbuktu's governor received the keys to the UN
camp"), when no other site of the sentence has a status.
A name that stands in a list ("Gao, Ansongo and Ménaka") is judged with the
whole list; a bullet item without a verb of its own is read with the lead-in
of its list ("Camps still to close:"), and so is a bare list after a colon
("Bases vacated since July: Ber (13 Aug), Goundam (16 Aug)"). The topic of a
headline is read with the whole headline ("Kidal: rebels move in as last
peacekeepers leave"). Dates in the clause ("last week", "on
Sunday", "8 December") are resolved against the document's date.

All words come from ``geo/rules/<lang>.yaml`` (see
:func:`geo.documents.vocabulary`): French is a new file, not new code.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache

from geo.documents import lead_in, vocabulary
from geo.errors import DataError
from geo.model import Document, Evidence, Mention, Status


@dataclass(frozen=True)
class Cue:
    """An event phrase in a sentence and the status it gives when it happened."""

    status: Status
    start: int
    end: int


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
class Rules:
    """The compiled vocabulary of one language."""

    lang: str
    events: tuple[tuple[Status, re.Pattern], ...]
    headline_events: tuple[tuple[Status, re.Pattern], ...]  # present tense of a past event
    markers_before: re.Pattern
    headline_markers_before: re.Pattern
    markers_after: re.Pattern
    marker_window: int
    markers_clause: re.Pattern
    not_plans: re.Pattern
    negations: re.Pattern
    negation_window: int
    sweeping_negations: re.Pattern
    denials: re.Pattern
    denial_window: int
    presence: re.Pattern
    hard_breaks: re.Pattern
    contrasts: re.Pattern
    sequences: re.Pattern
    soft_breaks: re.Pattern
    list_joiner: re.Pattern
    passing_before: re.Pattern
    passing_after: re.Pattern
    nearby: re.Pattern
    landmark: re.Pattern
    purpose: re.Pattern
    camp_name: re.Pattern
    refers_back_before: re.Pattern
    refers_back_after: re.Pattern
    unnamed_camp: re.Pattern
    dateline: re.Pattern
    subject_before: re.Pattern
    article: re.Pattern
    dates: DateRules


# A sentence ending without a full stop, a question or a quote is a headline.
_HEADLINE_END = re.compile(r"[^.!?…:;\"”’')\]]\s*$")
# A note in brackets right after a name dates that name: "Ber (13 Aug), Goundam (16 Aug)".
_NOTE = re.compile(r"\s*\(([^()]*)\)")


def _any_of(patterns: Iterable[str]) -> str:
    """One alternation of ``patterns``; with none, a pattern that never matches."""
    return "|".join(f"(?:{p})" for p in patterns) or "(?!)"


def _words(patterns: Iterable[str]) -> re.Pattern:
    """One pattern matching any of ``patterns`` as whole words, ignoring case."""
    # A pattern may end in an apostrophe ("retrait d'"): no boundary is needed after it.
    return re.compile(rf"(?<!\w)(?:{_any_of(patterns)})(?:(?<!\w)|(?!\w))", re.IGNORECASE)


def _list(value: object) -> list[str]:
    return [str(value)] if isinstance(value, str) else [str(v) for v in value or ()]


@cache
def rules_for(lang: str) -> Rules:
    """The compiled status rules of a language (English where it has none).

    Raises :class:`DataError` naming the rules file when a key is missing or a
    pattern is not a valid regular expression.
    """
    words = vocabulary(lang)
    try:
        return _compile(words)
    except (KeyError, TypeError, ValueError, AttributeError, re.error) as exc:
        raise DataError(
            "language rules cannot be read",
            path=f"geo/rules/{words.get('lang', lang)}.yaml",
            value=str(exc),
            fix="compare the file with en.yaml: the same keys, valid regular expressions",
        ) from None


def _compile(words: Mapping) -> Rules:
    markers, negations, denials, passing = (
        words["pending_markers"],
        words["negations"],
        words["denials"],
        words["passing"],
    )
    site_nouns = _list(words["site_nouns"])
    return Rules(
        lang=words["lang"],
        events=tuple(
            (Status.parse(status), _words(_list(cues))) for status, cues in words["events"].items()
        ),
        headline_events=tuple(
            (Status.parse(status), _words(_list(cues)))
            for status, cues in (words.get("headline_events") or {}).items()
        ),
        markers_before=_words(_list(markers["before"])),
        headline_markers_before=_words(_list(markers["before"]) + _list(markers.get("headline"))),
        markers_after=_words(_list(markers["after"])),
        marker_window=int(markers["window"]),
        markers_clause=_words(_list(markers.get("clause"))),
        not_plans=_words(_list(words["not_plans"])),
        negations=_words(_list(negations["words"])),
        negation_window=int(negations["window"]),
        sweeping_negations=_words(_list(negations.get("sweeping"))),
        denials=_words(_list(denials["words"])),
        denial_window=int(denials["window"]),
        presence=_words(site_nouns + _list(words["presence"])),
        hard_breaks=re.compile(_any_of(_list(words["clauses"]["hard"])), re.IGNORECASE),
        contrasts=re.compile(_any_of(_list(words["contrasts"])), re.IGNORECASE),
        sequences=re.compile(_any_of(_list(words["clauses"].get("sequence"))), re.IGNORECASE),
        soft_breaks=re.compile(_any_of(_list(words["clauses"]["soft"])), re.IGNORECASE),
        list_joiner=re.compile(rf"\s*(?:{words['list_joiners']})?\s*", re.IGNORECASE),
        passing_before=re.compile(
            rf"(?<!\w)(?:{_any_of(_list(passing['before']))})$", re.IGNORECASE
        ),
        passing_after=re.compile(_any_of(_list(passing["after"])), re.IGNORECASE),
        nearby=re.compile(rf"(?<!\w)(?:{_any_of(_list(passing.get('nearby')))})$", re.IGNORECASE),
        landmark=re.compile(passing.get("landmark", "(?!)"), re.IGNORECASE),
        purpose=re.compile(_any_of(_list(passing.get("purpose"))), re.IGNORECASE),
        camp_name=re.compile(
            passing.get("camp_name", "(?!)").replace("{site_nouns}", _any_of(site_nouns)),
            re.IGNORECASE,
        ),
        refers_back_before=re.compile(
            rf"(?<!\w)(?:{_any_of(_list(passing.get('refers_back_before')))})$", re.IGNORECASE
        ),
        refers_back_after=re.compile(
            _any_of(_list(passing.get("refers_back_after"))), re.IGNORECASE
        ),
        unnamed_camp=re.compile(
            passing.get("unnamed_camp", "(?!)").replace("{site_nouns}", _any_of(site_nouns)),
            re.IGNORECASE,
        ),
        dateline=re.compile(passing["dateline"]),
        subject_before=re.compile(words["subject_before"], re.IGNORECASE),
        article=re.compile(rf"(?<!\w)(?:{passing['article']})$", re.IGNORECASE),
        dates=_date_rules(words["dates"]),
    )


def _date_rules(raw: Mapping) -> DateRules:
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
            "(?<!\\w)"
            + ago.format(
                count=rf"(?P<count>\d+|{_any_of(map(re.escape, numbers))})",
                unit=rf"(?P<unit>{_any_of(units)})",
            )
            + "(?!\\w)",
            re.I,
        ),
        numbers=numbers,
        units=tuple((re.compile(rf"(?:{unit})", re.I), int(days)) for unit, days in units.items()),
    )


@cache
def headline_rules(lang: str) -> Rules:
    """The rules of a language for a headline, whose present tense tells a past event
    ("Peacekeepers Leave Tessalit") and whose "to" a plan ("UN to leave Gao").

    >>> rules = headline_rules("en")
    >>> [c.status.value for c in find_cues("Peacekeepers Leave Tessalit", rules)]
    ['closed']
    """
    rules = rules_for(lang)
    return replace(
        rules,
        events=rules.events + rules.headline_events,
        markers_before=rules.headline_markers_before,
    )


def find_cues(sentence: str, rules: Rules) -> list[Cue]:
    """The event cues of a sentence, in text order; of overlapping cues the longest is kept.

    >>> [(c.status.value, c.start) for c in find_cues("The camp was handed over.", rules_for("en"))]
    [('handed over', 13)]
    """
    found = [
        Cue(status, m.start(), m.end())
        for status, pattern in rules.events
        for m in pattern.finditer(sentence)
    ]
    found.sort(key=lambda c: (-(c.end - c.start), c.start, -c.status.rank))
    kept: list[Cue] = []
    for cue in found:
        if all(cue.end <= k.start or cue.start >= k.end for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: c.start)


@dataclass(frozen=True)
class Reading:
    """What one mention's clause says: its status (None: no statement), the event's date,
    and the words that prove it."""

    status: Status | None
    date: dt.date | None
    quote: str


def read_statements(
    mentions: Iterable[Mention], country: str, mission_names: Iterable[str] = ()
) -> list[Evidence]:
    """The status statements among ``mentions``: one :class:`Evidence` per mention that has one.

    ``country`` is the mission's country (its settlements are the only
    possible sites); ``mission_names`` ("MINUSMA") say the mission is present
    as the presence words of the rules do.
    """
    statements = []
    for group in _by_sentence(mentions):
        readings = read_sentence(group, country, tuple(mission_names))
        for mention, reading in zip(group, readings, strict=True):
            if reading.status is None:
                continue
            statements.append(
                Evidence(
                    place=mention.place,
                    status=reading.status,
                    date=reading.date,
                    quote=reading.quote,
                    source=mention.document.path,
                    document=mention.document,
                    mention=mention,
                )
            )
    return statements


def strongest_per_document(statements: Iterable[Evidence]) -> list[Evidence]:
    """One statement per document and site: within a document the most specific status wins.

    On equal status the later event wins, then the one named first. The order
    of first appearance is kept.
    """
    best: dict[tuple[str, str], Evidence] = {}
    for statement in statements:
        key = (statement.source, statement.place.id)
        kept = best.get(key)
        if kept is None or _specificity(statement) > _specificity(kept):
            best[key] = statement
    return list(best.values())


def _specificity(statement: Evidence) -> tuple:
    return (statement.status.rank, statement.date or dt.date.min)


def _by_sentence(mentions: Iterable[Mention]) -> list[list[Mention]]:
    groups: dict[tuple[int, int], list[Mention]] = {}
    for mention in mentions:
        groups.setdefault((id(mention.document), mention.sentence.start), []).append(mention)
    return [sorted(group, key=lambda m: m.start) for group in groups.values()]


def read_sentence(
    mentions: list[Mention], country: str, mission_names: tuple[str, ...] = ()
) -> list[Reading]:
    """The reading of each mention of one sentence (all ``mentions`` share the sentence)."""
    document, sentence = mentions[0].document, mentions[0].sentence
    text = document.text[sentence.start : sentence.end]
    headline = bool(_HEADLINE_END.search(text)) and (
        lead_in(document.text, sentence, document.lang) is None
    )
    rules = headline_rules(document.lang) if headline else rules_for(document.lang)
    spans = [(m.start - sentence.start, m.end - sentence.start) for m in mentions]
    clauses = split_clauses(text, spans, rules)
    groups = _list_groups(text, spans, rules)
    readings = []
    for mention, span, group in zip(mentions, spans, groups, strict=True):
        clause = next(c for c in clauses if c[0] <= span[0] < c[1])
        if headline and _headline_topic(text, span, spans):
            clause = (clause[0], len(text))
        told, quote, status = text[clause[0] : clause[1]], sentence.text, None
        if _may_be_site(mention, country) and not _in_passing(text, group, clause, rules):
            # A site that leads its clause ("Tessalit was abandoned, leaving the mission
            # with ...") or stands in a quote ("'We will not leave Gao,' the head of
            # mission said") may take the mission's presence from the rest of the sentence.
            leads = rules.subject_before.fullmatch(text, clause[0], group[0])
            reach = len(text) if leads else None
            status = _clause_status(text, clause, rules, mission_names, reach)
            lead = None if status is not None else lead_in(document.text, sentence, rules.lang)
            if lead is not None:
                # A bullet item that says nothing by itself ("- Gao", "- Gao: closing"):
                # its list's lead-in speaks for it.
                told = quote = f"{lead.text} {sentence.text}"
                status = _clause_status(told, (0, len(told)), rules, mission_names)
        note = _NOTE.match(text, span[1])
        when = f"{note[1]} {told}" if note else told
        date = None if status is None else _event_date(when, status, document)
        readings.append(Reading(status, date, quote))
    if all(reading.status is None for reading in readings):
        camp = _camp_referred_back(text, mentions, spans, clauses, rules, country)
        if camp is not None:
            index, clause = camp
            told = text[clause[0] : clause[1]]
            status = _clause_status(text, clause, rules, mission_names)
            date = None if status is None else _event_date(told, status, document)
            readings[index] = Reading(status, date, sentence.text)
    return readings


def _camp_referred_back(
    text: str,
    mentions: list[Mention],
    spans: list[tuple[int, int]],
    clauses: list[tuple[int, int]],
    rules: Rules,
    country: str,
) -> tuple[int, tuple[int, int]] | None:
    """The town a camp named without its town stands in, and that camp's clause.

    In "Equipment from Sévaré is trucked to Bamako ahead of the camp's closure"
    the camp is Sévaré's: a town named in passing as an origin or by its
    officials ("Timbuktu's governor received the keys to the UN camp") is the
    town of a camp the sentence speaks of later without a name -- when it is
    the only such town and no site of the sentence has a status of its own.
    Returns (index of the town's mention, clause of the camp), or None.
    """
    groups = _list_groups(text, spans, rules)  # "from Gao and Ansongo": two towns
    towns = [
        i
        for i, (mention, (start, end)) in enumerate(zip(mentions, groups, strict=True))
        if _may_be_site(mention, country)
        and (
            rules.refers_back_before.search(text, 0, start)
            or rules.refers_back_after.match(text, end)
        )
    ]
    if len(towns) != 1:
        return None
    for camp in rules.unnamed_camp.finditer(text, spans[towns[0]][1]):
        named = any(re.fullmatch(r"\s+\w+\s+", text[camp.end() : start]) for start, _ in spans)
        if not named:
            return towns[0], next(c for c in clauses if c[0] <= camp.start() < c[1])
    return None


def _may_be_site(mention: Mention, country: str) -> bool:
    """Only settlements in the mission's country can be mission sites."""
    return mention.place.country == country and not mention.place.is_region


def split_clauses(text: str, names: list[tuple[int, int]], rules: Rules) -> list[tuple[int, int]]:
    """Cut a sentence into clauses: (start, end) offsets covering the whole text.

    Hard breaks cut, except after the names of a headline's topic ("Aguelhok:
    ...") and before a bare list of names ("Bases vacated: Ber, Goundam"); a
    contrast ("but", "while") cuts when a place is named after it, before the
    next break; a soft break ("," "and") cuts only when the text on each side
    of it has a status cue and a place name of its own.

    >>> text = "MINUSMA vacated Gao and Ansongo and will leave Timbuktu."
    >>> [text[a:b].strip() for a, b in split_clauses(text, [(16, 19), (24, 31), (47, 55)], rules_for("en"))]
    ['MINUSMA vacated Gao and Ansongo', 'and will leave Timbuktu.']
    """
    breaks = [m for m in rules.hard_breaks.finditer(text) if not _inside(m, names)]
    cuts = [
        m
        for i, m in enumerate(breaks)
        if not _only_names(text[: m.start()], names)
        and not _only_list(text, m.end(), (breaks[i + 1 :] or [None])[0], names, rules)
    ]
    cuts = sorted(
        cuts + _contrasts(text, names, cuts, rules) + _sequences(text, names, rules),
        key=lambda m: m.start(),
    )
    hard = _segments(text, cuts)
    clauses = []
    for start, end in hard:
        softs = [m for m in rules.soft_breaks.finditer(text, start, end) if not _inside(m, names)]
        pieces = _segments(text, softs, start, end)
        current = pieces[0]
        for piece in pieces[1:]:
            if _speaks(text, current, names, rules) and _speaks(text, piece, names, rules):
                clauses.append(current)
                current = piece
            else:
                current = (current[0], piece[1])
        clauses.append(current)
    return clauses


def _contrasts(
    text: str, names: list[tuple[int, int]], hard_cuts: list[re.Match], rules: Rules
) -> list[re.Match]:
    """The contrasts that open a clause of their own: a place is named between
    each and the next break ("was not closed but transferred" stays one)."""
    kept: list[re.Match] = []
    end = len(text)
    candidates = [m for m in rules.contrasts.finditer(text) if not _inside(m, names)]
    for match in reversed(candidates):
        end = min([end] + [c.start() for c in hard_cuts if c.start() >= match.end()])
        if any(match.end() <= start < end for start, _ in names):
            kept.append(match)
            end = match.start()
    return kept


def _sequences(text: str, names: list[tuple[int, int]], rules: Rules) -> list[re.Match]:
    """The words of a second event ("after", "once") that a place follows before the
    next break: "Unlike Ber, which the army seized hours after the peacekeepers left,
    Goundam ..." keeps its "after" clause."""
    breaks = [m.start() for m in rules.hard_breaks.finditer(text)]
    breaks += [m.start() for m in rules.soft_breaks.finditer(text)]
    kept = []
    for match in rules.sequences.finditer(text):
        if _inside(match, names):
            continue
        end = min([b for b in breaks if b >= match.end()], default=len(text))
        if any(match.end() <= start < end for start, _ in names):
            kept.append(match)
    return kept


def _only_names(head: str, names: list[tuple[int, int]]) -> bool:
    """Whether ``head`` (a sentence's start) holds names and nothing else: the topic of
    a headline ("Aguelhok: Mission Completes Withdrawal") is read with what follows."""
    for start, end in names:
        if end <= len(head):
            head = head[:start] + " " * (end - start) + head[end:]
    return not head.strip() and any(end <= len(head) for _, end in names)


def _only_list(
    text: str, start: int, stop: re.Match | None, names: list[tuple[int, int]], rules: Rules
) -> bool:
    """Whether the text from ``start`` to the break ``stop`` (None: the end) is a bare list
    of names, each maybe with a note in brackets: "Bases vacated since July: Ber (13 Aug),
    Goundam (16 Aug) and Kidal." -- the list is read with its lead-in.

    >>> text = "Bases vacated: Ber (13 Aug), Goundam."
    >>> _only_list(text, 15, None, [(15, 18), (29, 36)], rules_for("en"))
    True
    """
    end = len(text) if stop is None else stop.start()
    inside = [(a, b) for a, b in names if start <= a and b <= end]
    if not inside:
        return False
    gaps = [text[b:a] for (_, b), (a, _) in itertools.pairwise(inside)]
    tail = text[inside[-1][1] : end]

    def bare(gap: str) -> str:
        return re.sub(r"\([^()]*\)", " ", gap)

    return (
        not text[start : inside[0][0]].strip()
        and all(rules.list_joiner.fullmatch(bare(gap)) for gap in gaps)
        and bool(re.fullmatch(r"[\s.!…]*", bare(tail)))
    )


def _headline_topic(text: str, span: tuple[int, int], names: list[tuple[int, int]]) -> bool:
    """Whether a name is the topic of a headline ("Kidal: rebels move in as last
    peacekeepers leave"): the whole headline is said of it."""
    colon = text.find(":", span[1])
    return colon >= 0 and _only_names(text[:colon], names)


def _inside(match: re.Match, names: list[tuple[int, int]]) -> bool:
    return any(a < match.end() and match.start() < b for a, b in names)


def _segments(
    text: str, cuts: list[re.Match], start: int = 0, end: int | None = None
) -> list[tuple[int, int]]:
    end = len(text) if end is None else end
    bounds, begin = [], start
    for cut in cuts:
        bounds.append((begin, cut.start()))
        begin = cut.start()
    bounds.append((begin, end))
    return bounds


def _speaks(text: str, span: tuple[int, int], names: list[tuple[int, int]], rules: Rules) -> bool:
    """Whether a piece of a sentence has a place name and a status word of its own.

    A name in passing is not the piece's own: in "closed its base in Ansongo and
    handed it over to the prefect of Ansongo" the handover is said of the base.
    """
    piece = text[span[0] : span[1]]
    has_name = any(
        span[0] <= a < span[1] and not _in_passing(text, (a, b), span, rules) for a, b in names
    )
    has_cue = bool(find_cues(piece, rules)) or bool(rules.markers_before.search(piece))
    return has_name and has_cue


def _list_groups(text: str, spans: list[tuple[int, int]], rules: Rules) -> list[tuple[int, int]]:
    """For each name, the span of the list it stands in ("Gao, Ansongo and Ménaka")."""
    runs: list[list[int]] = []
    for i, (start, _end) in enumerate(spans):
        if runs and rules.list_joiner.fullmatch(text[spans[runs[-1][-1]][1] : start]):
            runs[-1].append(i)
        else:
            runs.append([i])
    groups: list[tuple[int, int]] = [(0, 0)] * len(spans)
    for run in runs:
        for i in run:
            groups[i] = (spans[run[0]][0], spans[run[-1]][1])
    return groups


def _in_passing(text: str, group: tuple[int, int], clause: tuple[int, int], rules: Rules) -> bool:
    """A destination, a distance, a region, a dateline, "the Sahel": named, but not a statement."""
    if not text[: group[0]].strip() and rules.dateline.match(text, group[1]):
        return True
    before = text[clause[0] : group[0]]
    after = text[group[1] : clause[1]]
    passing = rules.passing_before.search(before)
    if passing:
        # "withdrew from Gao": the preposition belongs to the event, not to a route.
        cue_spans = find_cues(before, rules)
        governed = any(c.end > passing.start() for c in cue_spans)
        if not governed and not _destination_is_site(after, bool(cue_spans), rules):
            return True
    if rules.passing_after.match(after):
        return True
    if rules.nearby.search(before) and not (
        rules.landmark.match(after) or rules.camp_name.match(after)
    ):
        return True
    if rules.article.search(before):
        next_words = " ".join(after.split()[:3])
        return not rules.presence.search(next_words)
    return False


def _destination_is_site(after: str, moved_by_event: bool, rules: Rules) -> bool:
    """Whether a destination is the mission's site: the trip is made for the mission's
    event, or the destination is its camp and no event of the clause is the move."""
    if rules.purpose.match(after):
        return True
    return not moved_by_event and bool(rules.camp_name.match(after))


def _clause_status(
    text: str,
    clause: tuple[int, int],
    rules: Rules,
    mission_names: tuple[str, ...],
    reach: int | None = None,
) -> Status | None:
    """The status a clause states, or None when it states none about a mission site.

    The mission's presence may be stated before the clause, in the same
    sentence ("MINUSMA vacated Tessalit and will leave Kidal"), or up to
    ``reach`` (default: the clause's end).
    """
    so_far = text[: clause[1] if reach is None else reach]
    present = rules.presence.search(so_far) or any(
        re.search(rf"(?<!\w){re.escape(name)}(?!\w)", so_far, re.IGNORECASE)
        for name in mission_names
        if name
    )
    words = text[clause[0] : clause[1]]
    cues = find_cues(words, rules)
    if not present:
        return None
    statuses = [_effective(words, cue, rules) for cue in cues]
    return max((s for s in statuses if s is not None), key=lambda s: s.rank, default=None)


def _effective(clause: str, cue: Cue, rules: Rules) -> Status | None:
    """A cue's status once the denials, markers and negations around it are read
    (None: the event is denied).

    A denial or negation reaches no further back than a contrast: in "was not
    closed but transferred" the transfer is not negated.
    """
    contrasts = list(rules.contrasts.finditer(clause, 0, cue.start))
    scope = clause[contrasts[-1].end() if contrasts else 0 : cue.start]
    if _within(scope, rules.denials, rules.denial_window, at_end=True):
        return None
    status = _as_read(clause, cue, scope, rules)
    # "neither ... nor" reaches the end of its own phrase only: not into ", which the UN left".
    phrase = scope[max((m.end() for m in rules.soft_breaks.finditer(scope)), default=0) :]
    if rules.sweeping_negations.search(phrase):
        return None if status is Status.PENDING else Status.PENDING
    return status


def _as_read(clause: str, cue: Cue, scope: str, rules: Rules) -> Status:
    """A cue's status once the markers and negations right around it are read."""
    if cue.status is Status.PENDING:
        return cue.status
    # Same length, so the cue's offsets still hold: "earlier than planned" is no plan.
    plain = rules.not_plans.sub(lambda m: " " * len(m[0]), clause)
    # A marker may look past the cue ("once the handover is wrapped up"), so it is
    # sought in the whole clause and must end before the cue.
    if any(
        m.end() <= cue.start
        and len(re.findall(r"\w+", plain[m.end() : cue.start])) <= rules.marker_window
        for m in rules.markers_before.finditer(plain)
    ):
        return Status.PENDING
    if rules.markers_clause.search(plain, 0, cue.start):
        return Status.PENDING
    if _within(scope, rules.negations, rules.negation_window, at_end=True):
        return Status.PENDING
    if _within(plain[cue.end :], rules.markers_after, rules.marker_window, at_end=False):
        return Status.PENDING
    return cue.status


def _within(text: str, pattern: re.Pattern, window: int, at_end: bool) -> bool:
    """Whether ``pattern`` occurs at most ``window`` words from the end (or start) of ``text``."""
    for match in pattern.finditer(text):
        gap = text[match.end() :] if at_end else text[: match.start()]
        if len(re.findall(r"\w+", gap)) <= window:
            return True
    return False


def _event_date(clause: str, status: Status, document: Document) -> dt.date | None:
    """When the event of a clause happened.

    A plan is dated by the document that states it (a plan is news on the day
    it is reported); an event by the first date its clause gives, resolved
    against the document's date, else by the document's date.
    """
    if status is Status.PENDING:
        return document.date
    found = resolve_date(clause, document.date, rules_for(document.lang).dates)
    return found or document.date


def resolve_date(text: str, today: dt.date | None, rules: DateRules) -> dt.date | None:
    """The first past date ``text`` gives, counting from ``today`` (the document's date).

    >>> rules = rules_for("en").dates
    >>> monday = dt.date(2023, 12, 11)
    >>> [resolve_date(t, monday, rules).isoformat() for t in ("on Friday", "last week", "on 28 Nov.")]
    ['2023-12-08', '2023-12-04', '2023-11-28']
    """
    found = []
    for pattern in rules.absolute:
        found += [(m.start(), _absolute(m, today, rules)) for m in pattern.finditer(text)]
    if today is not None:
        found += [
            (m.start(), _days_before(today, rules.weekdays.index(m["weekday"].lower())))
            for m in rules.weekday.finditer(text)
        ]
        for pattern, days in rules.relative:
            found += [(m.start(), today - dt.timedelta(days=days)) for m in pattern.finditer(text)]
        if rules.ago is not None:
            found += [(m.start(), _ago(m, today, rules)) for m in rules.ago.finditer(text)]
    dates = [(start, day) for start, day in found if day is not None]
    return min(dates, key=lambda d: d[0])[1] if dates else None


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
