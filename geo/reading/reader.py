"""The reader: from the place names of a report to the statuses it states, with proof.

For each report, only the sentences that name a possible site are parsed (with
the sentence after one, when it may refer back to it, and the lead-in of a
bulleted list). In each parsed sentence:

1. a name that is part of a person's or an organisation's name, or a dateline,
   is no place (:mod:`geo.reading.places`);
2. the cues of the sentence are found (:mod:`geo.reading.cues`) and each site
   takes the cues that govern it in the parse (:mod:`geo.reading.governance`);
3. each cue's time and polarity (:mod:`geo.reading.time`) and agent
   (:mod:`geo.reading.agents`) decide its status: done by the mission, its
   status; planned, pending; denied, asked, someone else's doing: nothing;
4. the event is dated by the date its verb governs (:mod:`geo.reading.dates`);
5. every reading gets a confidence and the reason behind it
   (:mod:`geo.reading.confidence`).

Across sentences: a bullet item without a verb of its own takes the status its
list's lead-in states ("Camps still to close:"), and "It was handed over on
Friday" speaks of the one site the sentence before named.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from geo.documents import lead_ins, sentences
from geo.extract import title_case
from geo.gazetteer import normalise
from geo.model import Document, Evidence, Mention, Place, Reason, Sentence, Status
from geo.reading.agents import (
    MISSION,
    UNSTATED,
    Actors,
    agent_of,
    classify,
    is_host_word,
    named_as_mission,
)
from geo.reading.confidence import confidence
from geo.reading.cues import (
    BECOMING,
    Cue,
    CueKind,
    controlling_subjects,
    cue_at,
    find_cues,
    item_separator,
    lemma_of,
    mark,
    participle_of,
    people_gone,
    peoples_words,
    says_when,
)
from geo.reading.dates import DateSpan, date_rules, event_date, find_dates, within_report
from geo.reading.governance import MAX_DISTANCE, Governed, governing, subject_of, tree_path
from geo.reading.learned import LEARNED, guess, site_features
from geo.reading.lexicon import Lexicon, lexicon_for
from geo.reading.parse import parse
from geo.reading.places import (
    agreed_with,
    in_mission_name,
    is_government,
    not_a_place,
    preposition_of,
    site_candidate,
    speaks,
)
from geo.reading.time import Happened, Time, time_of, told_by_the_paper

# How long the rest of a dateline cut off by its own full stop may be (", 2 juin."), and the
# dashes the report's first words then open with.
_DATELINE_REST = 40
_DASHES = ("—", "–", "-")
# A sentence longer than this is parsed in windows around its place names: the parse
# of an absurd sentence costs no more per character than ordinary prose.
_LONGEST_PIECE = 1500
_WINDOW = 400
# The least confidence of a reading kept as a statement.
LEAST_CONFIDENCE = 0.5
# How many words apart a site and the cue of its sentence may stand when the parse joins
# them by no path.
_LOOSE_REACH = 12
# The most words of a bare answer to a question ("Not yet.", "No, not at all.").
_BARE_ANSWER = 4
# The first word of a sentence, after the one-letter label of an answer: "A: Yes", "R : Oui".
_ANSWER = re.compile(r"\W*(?:\w\W+)?(\w+)")
# A sentence without a final stop, question mark or quote is a headline.
_HEADLINE_END = re.compile(r"[^.!?…:;\"”’')\]]\s*$")
_LABEL = re.compile(r"([^\W\d_]+) ?:")
# The colon after an item's label, and an article before the name that may follow it.
_LABEL_COLON = re.compile(r" ?: *(?:(?:the|le|la|les|l['’])\s*)?", re.IGNORECASE)
_BULLETS = " \t-–—•*·"
_QUOTES = frozenset('«»“”„"')
_LEAVING = (CueKind.VERB, CueKind.NOUN)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9.]+\b")
_WORDS_ONLY = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class Context:
    """What the reader knows of the mission: its countries, who acts for it and, by a
    place's id, the installations named after the place (``Gazetteer.named_after``)."""

    countries: tuple[str, ...]
    actors: Actors
    named_after: Mapping[str, tuple[tuple[Place, tuple[str, ...]], ...]] = field(
        default_factory=dict
    )


@dataclass(frozen=True)
class _Piece:
    """A stretch of a report to parse: a sentence, or a window of a very long one."""

    index: int  # of its sentence in the report
    start: int
    end: int
    headline: bool


@dataclass(frozen=True)
class _Described:
    """A site the rules left unread, as the learned model is told of it."""

    names: list[str]
    nearest: Cue | None  # the sentence's cue nearest the name
    distance: int  # words between them
    date: object  # the day the nearest cue's verb governs, if any


@dataclass(frozen=True)
class _Reading:
    status: Status
    date: object
    reason: Reason
    probability: float | None = None  # the learned reader's own, which is its confidence


def read_statements(mentions: Iterable[Mention], context: Context) -> list[Evidence]:
    """The status statements of the reports ``mentions`` come from: one per mention that has one.

    Reports are parsed in batches per language; the order of ``mentions`` is kept.
    """
    return [statement for job in _read(mentions, context, learned=True) for statement in job.read()]


def read_by_rules(
    mentions: Iterable[Mention], context: Context
) -> tuple[list[Evidence], list[tuple[Mention, list[str]]]]:
    """What the rules alone read, and how the learned model would be told of each site they
    leave unread: the examples ``scripts/train_reader.py`` learns from."""
    jobs = _read(mentions, context, learned=False)
    statements = [statement for job in jobs for statement in job.read()]
    return statements, [unread for job in jobs for unread in job.unread]


def _read(mentions: Iterable[Mention], context: Context, learned: bool) -> list[_Job]:
    """The reports' jobs, parsed and ready to read."""
    by_document: dict[int, tuple[Document, list[Mention]]] = {}
    for mention in mentions:
        by_document.setdefault(id(mention.document), (mention.document, []))[1].append(mention)
    jobs = [_Job(document, found, context, learned) for document, found in by_document.values()]
    for lang in sorted({job.lexicon.lang for job in jobs}):
        batch = [job for job in jobs if job.lexicon.lang == lang]
        texts = [job.piece_text(piece) for job in batch for piece in job.pieces]
        docs = iter(parse(texts, lang))
        for job in batch:
            job.parsed = [next(docs) for _ in job.pieces]
    return jobs


class _Job:
    """One report being read: its sentences, the pieces to parse and, once parsed, its readings."""

    def __init__(
        self, document: Document, mentions: list[Mention], context: Context, learned: bool = True
    ) -> None:
        self.document = document
        self.learned = learned
        self.unread: list[tuple[Mention, list[str]]] = []
        self.context = context
        self.lexicon: Lexicon = lexicon_for(document.lang)
        self.sentences = sentences(document.text, document.lang)
        starts = {s.start: i for i, s in enumerate(self.sentences)}
        self.mentions_of: dict[int, list[Mention]] = {}
        for mention in mentions:
            self.mentions_of.setdefault(starts[mention.sentence.start], []).append(mention)
        self.lead_ins = lead_ins(document.text, self.sentences)
        self.datelines = self._datelines()
        self.filed = self._filed()
        self.pieces = self._pieces()
        self.parsed: list = []
        self.mission_named = _names_mission(document, self.lexicon, context.actors)
        self.correcting = _corrects(self.sentences, self.lexicon)
        self._mission_names = _name_pattern(context.actors.mission_names)

    # --- what to parse ---------------------------------------------------------

    def _candidates(self, index: int) -> list[Mention]:
        return [
            m
            for m in self.mentions_of.get(index, ())
            if site_candidate(m.place, self.context.countries)
        ]

    def _pieces(self) -> list[_Piece]:
        wanted: set[int] = set()
        for index in self.mentions_of:
            if not self._candidates(index):
                continue
            wanted.add(index)
            if self.lead_ins[index] is not None:
                wanted.add(self.lead_ins[index])
            following = self._next_told(index)
            if following < len(self.sentences) and self._may_refer_back(following):
                wanted.add(following)
        pieces = []
        for index in sorted(wanted):
            sentence = self.sentences[index]
            headline = _is_headline(sentence, self.lead_ins[index] is not None)
            # The dateline is left out of the parse: "PARIS – Les emprises ..." parses as a sentence.
            start = self.datelines.get(index, sentence.start)
            if start >= sentence.end:
                continue  # a dateline alone: nothing to parse
            if sentence.end - start <= _LONGEST_PIECE:
                pieces.append(_Piece(index, start, sentence.end, headline))
                continue
            for start, end in self._windows(index):
                pieces.append(_Piece(index, start, end, False))
        return pieces

    def _datelines(self) -> dict[int, int]:
        """Where the dateline of a sentence ends ("GAO, Mali (AP) — "), by sentence index:
        a place in capitals at its head, then a dash; or, opening the report, a place in any
        case with a date ("Gao, lundi 4 décembre 2023 – "). It is left out of the parse."""
        found = {}
        pattern = re.compile(self.lexicon.dateline)
        for index, mentions in self.mentions_of.items():
            sentence = self.sentences[index]
            first = min(mentions, key=lambda m: m.start)
            if first.start != sentence.start:
                continue
            match = pattern.match(self.document.text, first.end, sentence.end)
            if match and (
                _in_capitals_name(first.surface)
                or (self._opens_the_report(index) and self._dated(match))
            ):
                found[index] = match.end()
            elif _in_capitals_name(first.surface) and self._dateline_alone(index, first.end):
                found[index] = sentence.end
        return found

    def _dateline_alone(self, index: int, after_place: int) -> bool:
        """Whether a sentence is only a dateline that a full stop after its date cut from
        the report's first words, which open with a dash: "CONAKRY, 2 juin. | — Le
        détachement ..."."""
        if index + 1 >= len(self.sentences):
            return False
        rest = self.document.text[after_place : self.sentences[index].end]
        following = self.sentences[index + 1].text.lstrip()
        return (
            len(rest) <= _DATELINE_REST
            and following[:1] in _DASHES
            and bool(find_dates(rest, self.document.date, date_rules(self.document.lang)))
        )

    def _opens_the_report(self, index: int) -> bool:
        """Whether the sentence is the report's first but for its headlines ("COMMUNIQUÉ —
        MINUJUSTH")."""
        return index <= self._first_told

    @cached_property
    def _first_told(self) -> int:
        """The index of the report's first sentence that is no headline, found once: asked of
        every sentence, the question would cost a pass over all those before it."""
        return next(
            (i for i, s in enumerate(self.sentences) if not _is_headline(s, False)),
            len(self.sentences),
        )

    def _dated(self, dateline: re.Match) -> bool:
        """Whether the words after a dateline's place hold a date: "Gao, Mopti and Kidal -
        three camps - closed" has none."""
        words = dateline.string[dateline.start() : dateline.end()]
        return bool(find_dates(words, self.document.date, date_rules(self.document.lang)))

    def _kickers(self) -> list[Mention]:
        """The place that labels a headline before a colon when the headline goes on to name
        a site of its own ("Djugu : à Fataki, la base n'est toujours pas rétrocédée"): the
        area the story is filed under, not a site; and the place that labels an item whose
        first words name another ("- Basra: COB Basra, at the city's airport, is to go")."""
        found = []
        for index, mentions in self.mentions_of.items():
            sentence = self.sentences[index]
            first = min(mentions, key=lambda m: m.start)
            if not _is_headline(sentence, self.lead_ins[index] is not None):
                if self._labels_another(first, index):
                    found.append(first)
                continue
            after = self.document.text[first.end : first.end + 3]
            if (
                first.start == sentence.start
                and after.lstrip(" ").startswith(":")
                # a capital after it is likelier its government: "Kamboinsin : Ouagadougou
                # accorde trente jours aux commandos français pour partir"
                and any(
                    m.start > first.end and m.place.feature_code != "PPLC"
                    for m in self._candidates(index)
                )
            ):
                found.append(first)
        return found

    def _labels_another(self, first: Mention, index: int) -> bool:
        """Whether the name labels an item, after any bullet, and the item opens with
        another place's name: "- Salahuddin: COB Speicher ... remains to be turned over"."""
        sentence = self.sentences[index]
        text = self.document.text
        if text[sentence.start : first.start].strip(_BULLETS):
            return False
        colon = _LABEL_COLON.match(text, first.end)
        if colon is None:
            return False
        return any(
            m.start == colon.end() and m.place != first.place for m in self._candidates(index)
        )

    def _filed(self) -> dt.date | None:
        """The day the report was filed, against which its "on Monday" is counted: the date
        of its opening dateline ("GAO, Dec 4 (Reuters) -") when it has one, not after the
        report's own date; else the report's date."""
        if 0 not in self.datelines:
            return self.document.date
        opening = self.document.text[self.sentences[0].start : self.datelines[0]]
        days = [
            span.day
            for span in find_dates(opening, self.document.date, date_rules(self.document.lang))
            if within_report(span.day, self.document.date, dt.date.today())
        ]
        return days[0] if days else self.document.date

    def _next_told(self, index: int) -> int:
        """The index of the sentence that goes on from sentence ``index``: the next, or the one
        after a bare answer to it ("Has the mission left Kakata? *Not yet.* The team there
        is withdrawing")."""
        following = index + 1
        if (
            following + 1 < len(self.sentences)
            and self.sentences[index].text.endswith("?")
            and len(self.sentences[following].text.split()) <= _BARE_ANSWER
            and following not in self.mentions_of
        ):
            return following + 1
        return following

    def _may_refer_back(self, index: int) -> bool:
        sentence = self.sentences[index]
        words = set(re.findall(r"\w+", sentence.text.lower()))
        # "les *emprises* correspondantes", "the two *bases*": a plural may refer back too
        words |= {w[:-1] for w in words if w.endswith(("s", "x"))}
        return bool(words & self.lexicon.refers_back or words & self.lexicon.place_adverbs)

    def _windows(self, index: int) -> list[tuple[int, int]]:
        """Stretches of a very long sentence around its names, cut at spaces, merged when they meet."""
        sentence, text = self.sentences[index], self.document.text
        windows: list[tuple[int, int]] = []
        for mention in self._candidates(index):
            start = max(sentence.start, mention.start - _WINDOW)
            end = min(sentence.end, mention.end + _WINDOW)
            space = text.find(" ", start, mention.start)
            start = space + 1 if space != -1 and start != sentence.start else start
            space = text.rfind(" ", mention.end, end)
            end = space if space != -1 and end != sentence.end else end
            if (
                windows
                and start <= windows[-1][1]
                and max(end, windows[-1][1]) - windows[-1][0] <= _LONGEST_PIECE
            ):
                windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
            else:
                windows.append((start, end))
        return windows

    def piece_text(self, piece: _Piece) -> str:
        """The text the parser sees: white space made plain spaces and bars colons (offsets
        unchanged), and a title-case headline (or, where the lexicon says so, one in capitals)
        put in lower case but for its names and acronyms, which the parser reads far better."""
        raw = self.document.text[piece.start : piece.end]
        # Quotation marks are made plain: the small parsers take a lone « for a verb; a table's
        # bars are the colons of its cells ("Basovizza depot | US | vacated"), which they read.
        text = "".join(
            " " if ch.isspace() else '"' if ch in _QUOTES else ":" if ch == "|" else ch
            for ch in raw
        )
        label = _LABEL.match(text)
        if (
            label
            and label.group(1).istitle()
            and not any(
                m.start <= piece.start < m.end for m in self.mentions_of.get(piece.index, ())
            )
        ):
            # "Shut: Jowhar (March) and Beledweyne (September)": the tagger takes a capitalised
            # word before a colon for a name
            text = text[0].lower() + text[1:]
        if not piece.headline:
            return text
        names = [
            (m.start - piece.start, m.end - piece.start)
            for m in self.mentions_of.get(piece.index, ())
        ]
        missions = [(m.start(), m.end()) for m in self._mission_names.finditer(text)]
        if self.lexicon.recase_capitals and _in_capitals(text):
            # "BRUXELLES ACCEPTE DE CÉDER KAMINA À L'ONU": every word looks like an acronym;
            # the places are names, the mission's names stay as written
            return _lowered_but(text, missions, titled=names)
        keep = names + [(m.start(), m.end()) for m in _ACRONYM.finditer(text)] + missions
        # Whether the headline is in title case is asked of its ordinary words: "Ituri : la
        # Monusco remet aux FARDC sa base de Bule" is a sentence with names in it.
        ordinary = list(text)
        for start, end in keep:
            ordinary[max(start, 0) : end] = " " * (end - max(start, 0))
        if not title_case(re.findall(r"[^\W\d_]+", "".join(ordinary)), least=2):
            return text
        return _lowered_but(text, keep)

    # --- reading ---------------------------------------------------------------

    def read(self) -> list[Evidence]:
        readings: dict[int, tuple[Mention, _Reading, str]] = {}  # id(mention) -> ...
        described: dict[int, _Described] = {}  # id(mention) -> what the model is told
        open_cues: dict[int, list[tuple[_Reading, str | None]]] = {}
        dismissed: set[int] = {
            id(m)
            for index, end in self.datelines.items()
            for m in self.mentions_of[index]
            if m.start < end
        } | {id(m) for m in self._kickers()}
        passing: set[int] = set()
        for piece, doc in zip(self.pieces, self.parsed, strict=True):
            cues = find_cues(doc, self.lexicon)
            spans = self._dates(piece)
            used: set[int] = set()
            mentions = [
                m
                for m in self.mentions_of.get(piece.index, ())
                if piece.start <= m.start < piece.end
            ]
            place_words = self._place_words(doc, piece, mentions)
            named_sites = self._place_words(
                doc, piece, [m for m in mentions if m.place.feature_class == "S"]
            )
            site_words = self._place_words(
                doc, piece, [m for m in mentions if site_candidate(m.place, self.context.countries)]
            )
            sentence = self.sentences[piece.index]
            unread = []
            for mention in mentions:
                if id(mention) in dismissed or not site_candidate(
                    mention.place, self.context.countries
                ):
                    continue
                found = self._read_mention(
                    doc, piece, mention, cues, spans, (place_words, named_sites, site_words), used
                )
                if found is _NOT_A_PLACE:
                    dismissed.add(id(mention))
                elif isinstance(found, _Reading):
                    readings[id(mention)] = (mention, found, sentence.text)
                else:
                    unread.append((mention, found is _UNGOVERNED))
            for mention, ungoverned in unread:
                span = _span_of(doc, piece, mention)
                if span is None:
                    continue
                in_passing = _in_passing(span, self.lexicon)
                if in_passing:
                    passing.add(id(mention))  # "left the town towards Gao": not Gao's fate
                found = (
                    self._read_loosely(doc, piece, span, mention.place, cues, spans, used)
                    if ungoverned and not in_passing
                    else None
                )
                if found is not None:
                    readings[id(mention)] = (mention, found, sentence.text)
                elif not (self.correcting and told_by_the_paper(span.root, self.lexicon)):
                    # what an earlier story told, taken back, is for no model to guess at
                    described[id(mention)] = self._describe(
                        doc, piece, span, mention.place, cues, spans, in_passing
                    )
            open_cues[piece.index] = self._open_cues(doc, piece, cues, used, spans, site_words)
        self._across_sentences(readings, open_cues, dismissed, passing)
        self.unread = [
            (mention, description.names)
            for mentions in self.mentions_of.values()
            for mention in mentions
            if id(mention) not in readings and id(mention) not in dismissed
            for description in [described.get(id(mention))]
            if description is not None
        ]
        if self.learned:
            for mention, names in self.unread:
                found = self._read_learned(described[id(mention)], names)
                if found is not None:
                    readings[id(mention)] = (mention, found, mention.sentence.text)
        statements = [
            _evidence(mention, self._site_meant(mention.place), reading, quote)
            for mentions in self.mentions_of.values()
            for mention in mentions
            if id(mention) in readings
            for mention, reading, quote in [readings[id(mention)]]
        ]
        # A reading more likely wrong than right is no statement: on the development sets,
        # fewer than one in five of them were right.
        return [s for s in statements if s.confidence >= LEAST_CONFIDENCE]

    def _dates(self, piece: _Piece) -> list[DateSpan]:
        """The date expressions of a piece (which starts after its sentence's dateline: the
        day a report was filed, "GAO, Dec 4 (Reuters) -", is not the day of its events)."""
        text = self.document.text[piece.start : piece.end]
        return find_dates(text, self.filed, date_rules(self.document.lang))

    def _place_words(self, doc, piece: _Piece, mentions: Sequence[Mention]) -> set[int]:
        words: set[int] = set()
        for mention in mentions:
            span = _span_of(doc, piece, mention)
            if span is not None:
                words.update(range(span.start, span.end))
        return words

    def _read_mention(self, doc, piece, mention, cues, spans, words, used):
        """``words`` are the indices of the words of every place name of the sentence, of
        those naming a site of their own (a camp, a base) and of those that may be sites."""
        place_words, named_sites, site_words = words
        span = _span_of(doc, piece, mention)
        if span is None:
            return None
        if not_a_place(span, self.lexicon, place_words) is not None or in_mission_name(
            span, self.context.actors.mission_names
        ):
            return _NOT_A_PLACE
        if mention.place.feature_class != "S" and (
            _locates_a_named_site(span, named_sites, self.lexicon)
            or _follows_its_site(span, named_sites, place_words)
        ):
            return _NOT_A_PLACE  # "le camp Croci d'Abéché": the camp's fate, not the town's
        if _locates_another_place(span, place_words, self.lexicon):
            return _NOT_A_PLACE  # "the camp at Ber, near Timbuktu": Ber's fate, not Timbuktu's
        best = None
        governed, further = governing(span.root, cues, self.lexicon)
        ungoverned = not governed and not further
        if piece.headline and not _labels_its_item(span):
            # "… hands Kassala office to state; Ed Damazin and Kadugli next": each part of
            # a headline speaks for itself -- but an item's note speaks of its label ("•
            # Four Corners — dismantled", a line without a full stop like a headline's)
            start, end = _segment(doc, span, self.lexicon)
            governed = [g for g in governed if start <= g.cue.head < end]
            further = [g for g in further if start <= g.cue.head < end]
        governed += self._cotimed(doc, piece, governed, cues, place_words)
        for link in governed:
            reading = self._reading(doc, piece, span, mention.place, link, spans, "argument")
            used.add(link.cue.head)
            if reading is not None and (best is None or reading.status.rank > best.status.rank):
                best = reading
        for link in further:
            # The nearest cue said nothing ("left the camp of Tessalit and *no handover*
            # took place"), or only that it closed ("les bureaux de Bahaï, fermés en
            # juillet, ont été remis"): a cue the site is an argument of still speaks of it.
            if best is not None and not (
                best.status is Status.CLOSED and link.cue.status is Status.HANDED_OVER
            ):
                break
            reading = self._reading(doc, piece, span, mention.place, link, spans, "argument")
            if reading is not None and (best is None or reading.status.rank > best.status.rank):
                best = reading
                used.add(link.cue.head)
                break
        if best is None and governed and self._someone_elses(doc, piece, span, governed[0].cue):
            return _NOT_A_PLACE  # "asked whether the mission would leave Gao": no reading
        brief = piece.headline or _short(doc) or self._in_colon_list(doc, span)
        if best is None and (brief or _labels_its_item(span)):
            # A headline, a short item ("Kidal: vacated"), a bare list after a colon ("Bases
            # vacated since July: Ber (13 Aug), Goundam") or an item a site labels ("Nabire:
            # the handover is scheduled for next week") is read with its nearest cue -- in a
            # labelled item, one of an event ("- Asmara: the headquarters stays open").
            segment = _segment(doc, span, self.lexicon)
            nearby = [
                c
                for c in cues
                if segment[0] <= c.head < segment[1] and (brief or c.kind is not CueKind.PRESENCE)
            ]
            if _in_passing(span, self.lexicon):
                nearby = []
            presence = any(
                lemma_of(t) in self.lexicon.presence_nouns for t in doc[segment[0] : segment[1]]
            )
            if not nearby and not _in_passing(span, self.lexicon):
                # "… hands Kassala office to state; Ed Damazin and Kadugli next": a turn still
                # to come, among the camps the headline speaks of
                nearby = [
                    Cue(t.i, Status.PENDING, lemma_of(t), CueKind.PRESENCE)
                    for t in doc[segment[0] : segment[1]]
                    if lemma_of(t) in self.lexicon.presence_verbs and t.pos_ == "ADV"
                ]
                presence = presence or any(lemma_of(t) in self.lexicon.presence_nouns for t in doc)
            for cue in sorted(nearby, key=lambda c: abs(c.head - span.root.i)):
                link = Governed(cue, abs(cue.head - span.root.i), presence)
                best = self._reading(doc, piece, span, mention.place, link, spans, "headline")
                if best is not None:
                    used.add(cue.head)
                    break
        if best is not None and best.status is Status.CLOSED and best.reason.kind in _LEFT:
            best = self._handed_over_after_leaving(doc, piece, best, cues, site_words, spans, span)
        return _UNGOVERNED if best is None and ungoverned else best

    def _handed_over_after_leaving(self, doc, piece, left: _Reading, cues, site_words, spans, span):
        """A site left and, in the same sentence, handed over by an event of no other place:
        after a flag lowered, any handover ("hauled down the flag over CP 1-B and gave the
        checkpoint to Egypt's border guard", "les couleurs ont été descendues, puis Barkhane a
        pris possession des lieux"); after any leaving, someone taking it (:meth:`_takes_it`)
        or the mission handing over its camp ("packed up at Ber, handing their camp to the
        regional administration"), dated by the handing."""
        taken_only = left.reason.kind != CueKind.FLAG.value
        for cue in cues:
            handing = cue.status is Status.HANDED_OVER and cue.kind in _HANDING
            if (
                (taken_only or not handing)
                and not (handing and _hands_a_camp(doc[cue.head], self.lexicon))
                and not (handing and _said_of_its_camp(doc[cue.head], span))
                and not self._takes_it(doc, piece, cue, span)
            ):
                continue
            if any(
                t.i in site_words and t.i not in range(span.start, span.end)
                for t in _own_clause(doc[cue.head])
            ):
                continue
            time = self._time_of(doc, piece, cue)
            if time.happened is not Happened.DONE or time.negated:
                continue
            reason = replace(left.reason, cue=f"{left.reason.cue}, {cue.lemma}")
            date = event_date(doc, cue.head, spans, span, cue.head, self.lexicon.occasions)
            return _Reading(Status.HANDED_OVER, date or left.date, reason)
        return left

    def _takes_it(self, doc, piece, cue: Cue, span) -> bool:
        """Whether someone other than the mission or an armed group takes over a site named
        by a pronoun or a camp noun: "withdrew from Sperwan Ghar, and an Afghan company *took
        it over*"."""
        if cue.kind is not CueKind.RECEIVING or cue.lemma in self.lexicon.seizing_verbs:
            return False
        verb = doc[cue.head]
        agent = self._agent(doc, cue, self._time_of(doc, piece, cue).verb, span)
        if agent == MISSION or agent in self.lexicon.armed_groups:
            return False
        # "took it over", "moved into the post", "took command of the base"
        taken = _words_under(verb, ("dobj", "obj", "pobj", "prep"))
        if any(w.pos_ == "PRON" or lemma_of(w) in self.lexicon.presence_nouns for w in taken):
            return True
        # "la MINURCAT a quitté Birao, *les FACA prennent le relais*", "and the army took
        # over", "took control": someone named takes over, and nothing but the charge
        charge = set(cue.lemma.split()[1:]) | self.lexicon.charge_nouns
        held = _words_under(verb, ("dobj", "obj", "pobj", "prep", "obl", "obl:arg", "nmod"))
        return any(word in self.lexicon.recipients for word in agent.split()) and all(
            w.pos_ in ("DET", "ADP") or lemma_of(w) in charge for w in held
        )

    def _someone_elses(self, doc, piece, span, cue: Cue) -> bool:
        """Whether the cue that governs the site tells of no event of the mission's: one asked
        about, rumoured or supposed ("asked whether the mission would leave Gao"), a trip or a
        move, or someone else's doing ("les rebelles ont quitté Gao"). No reading, the learned
        one included, may then give the site a status."""
        time = self._time_of(doc, piece, cue)
        if time.unsaid:
            # but a question answered ("Has the mission left Kakata? Not yet. The team there
            # ...") leaves the site to the answer
            return self._next_told(piece.index) == piece.index + 1
        if cue.kind is CueKind.VERB and _a_trip(doc[cue.head], self.lexicon):
            return True  # "une patrouille partie de Bouar": a trip, of nobody's leaving
        if (
            cue.kind is CueKind.NOUN
            and cue.status is Status.HANDED_OVER
            and _a_move(doc[cue.head], span, self.lexicon)
        ):
            return True  # "le transfert du QG de Gao vers Bamako": a move, of no handover
        if cue.kind is CueKind.RECEIVING or time.happened is Happened.NOTHING:
            return False
        agent = self._agent(doc, cue, time.verb, span)
        # "les rebelles ont quitté Gao", "les Maliens ont quitté Gao": not the mission
        return agent in self.lexicon.armed_groups or is_host_word(agent, self.context.actors)

    def _site_meant(self, place: Place) -> Place:
        """The mission's installation a town names when the gazetteer holds one named only
        for the mission and the town ("the RAF left Salalah": RAF Salalah; "FOB Ghazni" for
        Ghazni), else the town."""
        installations = {
            base
            for base, added in self.context.named_after.get(place.id, ())
            # "FOB Ghazni", "RAF Salalah", "Kiwi Base Bamyan" -- not "Camp Garcia Vieques",
            # nor "aéroport de Bunia": a camp or an airport may be the town's own
            if " ".join(added) in self.context.actors.mission_names
            or (len(added) == 1 and added[0] in self.lexicon.installation_prefixes)
            or (
                any(word in self._mission_words for word in added)
                and all(
                    word in self._mission_words or word in self.lexicon.installation_words
                    for word in added
                )
            )
        }
        return installations.pop() if len(installations) == 1 else place

    @cached_property
    def _mission_words(self) -> frozenset[str]:
        """The words of the mission's names that name no one's people: "kiwi" of "Kiwi
        troops", "raf"."""
        return frozenset(
            word
            for name in self.context.actors.mission_names
            for word in name.split()
            if word not in self.lexicon.people
            and word not in self.lexicon.of_words
            and len(word) > 2
        )

    def _time_of(self, doc, piece, cue: Cue) -> Time:
        """The cue's time, worked out once per parse: every site of a sentence, its
        learned description and its check for someone else's event ask it again."""
        times = doc.user_data.setdefault("times", {})
        key = (cue.head, cue.kind)
        if key not in times:
            if "answered" not in doc.user_data:
                doc.user_data["answered"] = self._answered(piece)
            answered = doc.user_data["answered"]
            times[key] = time_of(doc, cue, self.lexicon, piece.headline, answered)
        return times[key]

    def _answered(self, piece: _Piece) -> bool:
        """Whether the sentence after the piece's answers it yes: "Q: Have the Syrians left
        Anjar? A: Yes." (its first word, after a one-letter label)."""
        following = piece.index + 1
        if following >= len(self.sentences):
            return False
        answer = _ANSWER.match(self.sentences[following].text)
        return answer is not None and answer[1].lower() in self.lexicon.affirmatives

    def _describe(self, doc, piece, span, place, cues, spans, in_passing) -> _Described:
        """What the learned model is told of a site the rules leave unread, named in ``span``
        (``in_passing``: as a destination or landmark)."""
        times = [self._time_of(doc, piece, cue) for cue in cues]
        facts = {
            "headline": piece.headline,
            "marked": _marked_as_site(span, self.lexicon),
            "capital": place.feature_code == "PPLC",
            "passing": in_passing,
            "where": _where_clause(span, self.lexicon) is not None,
            "mission": bool(self._mission_names.search(doc.text))
            or any(lemma_of(t) in self.lexicon.mission_words for t in doc),
        }
        names = site_features(
            span, cues, times, self.lexicon, frozenset(k for k, v in facts.items() if v)
        )
        nearest = min(cues, key=lambda c: abs(c.head - span.root.i), default=None)
        date = None
        if nearest is not None:
            date = event_date(doc, nearest.head, spans, span, nearest.head, self.lexicon.occasions)
        return _Described(names, nearest, abs(nearest.head - span.root.i) if nearest else 0, date)

    def _read_learned(self, described: _Described, names: list[str]) -> _Reading | None:
        found = guess(names)
        if found is None:
            return None
        cue = described.nearest
        date = self.document.date
        if found.status is not Status.PENDING and described.date is not None:
            date = described.date
        reason = Reason(
            cue.lemma if cue is not None else "",
            LEARNED,
            f"{LEARNED}: {found.probability:.2f}",
            UNSTATED,
            LEARNED,
            described.distance,
        )
        return _Reading(found.status, date, reason, found.probability)

    def _read_loosely(self, doc, piece, span, place, cues, spans, used):
        """A mission site the parse links to no cue at all, read with its sentence's nearest cue
        that speaks of no other site ("la base de Kamanyola, ... où la base doit être
        transférée"): the small parsers often cut a sentence into pieces, and a camp named
        in a sentence about the withdrawal is rarely there by chance. Not for a name given in
        passing (see :func:`_in_passing`)."""
        where = _where_clause(span, self.lexicon)
        if where is not None:
            # "à Obo, dans l'extrême sud-est du pays, où la MINUSCA a remis sa base"
            after = [c for c in cues if where < c.head <= where + _LOOSE_REACH]
            if after:
                link = Governed(after[0], MAX_DISTANCE, True)
                return self._reading(doc, piece, span, place, link, spans, "where")
        if not _marked_as_site(span, self.lexicon):
            return None
        reach = [
            c
            for c in cues
            if c.head not in used
            and c.kind is not CueKind.RECEIVING
            and abs(c.head - span.root.i) <= _LOOSE_REACH
            # "un convoi de désengagement": a vehicle's errand, not an event at a site
            and lemma_of(doc[c.head].head) not in self.lexicon.movers
        ]
        if not reach:
            return None
        # A verb says what befell a place more surely than an event noun nearby.
        cue = min(reach, key=lambda c: (c.kind is CueKind.NOUN, abs(c.head - span.root.i)))
        link = Governed(cue, MAX_DISTANCE, True)
        return self._reading(doc, piece, span, place, link, spans, "sentence")

    def _cotimed(
        self, doc, piece, governed: list[Governed], cues: list[Cue], place_words: set[int]
    ) -> list[Governed]:
        """Event nouns timed by the same verb as a site's event noun -- "the withdrawal from
        Ansongo was finalised with a handover ceremony" is a handover too, not "Janvier a vu
        la fermeture de Kibuye, ainsi que la remise *du camp de Ruhengeri*", of a site of its
        own -- and handovers told with the site's leaving (:meth:`_handed_over_with`)."""
        verbs = {_verb_above(doc[g.cue.head]) for g in governed if g.cue.kind is CueKind.NOUN}
        verbs.discard(None)
        chosen = {g.cue.head for g in governed}
        told_with = self._handed_over_with(doc, piece, governed, cues, place_words)
        return [
            Governed(cue, governed[0].distance + 2, governed[0].through_presence)
            for cue in cues
            if cue.head not in chosen
            and (
                (
                    cue.kind is CueKind.NOUN
                    and _verb_above(doc[cue.head]) in verbs
                    and not any(t.i in place_words for t in doc[cue.head].subtree)
                )
                or cue.head in told_with
            )
        ]

    def _handed_over_with(
        self, doc, piece, governed: list[Governed], cues: list[Cue], place_words: set[int]
    ) -> set[int]:
        """Handovers of no named site of their own told with a site's leaving: "left Léré the
        day *after signing the handover minutes*", "vacated its bases at Gbarnga *and turned
        the barracks over* to the army", "pulled out of Batugade, *handing* the post to" (not
        "left Kidal after the handover *of Gao*")."""
        around = [
            child
            for g in governed
            if g.cue.status is Status.CLOSED and g.cue.kind is CueKind.VERB
            for child in doc[g.cue.head].children
            if (child.dep_ == "prep" and child.text.lower() in self.lexicon.done_before_noun)
            or (child.dep_ in ("conj", "advcl") and child.pos_ == "VERB")
        ]
        inside = {t.i for child in around for t in child.subtree}
        return {
            c.head
            for c in cues
            if c.status is Status.HANDED_OVER
            and c.head in inside
            and not any(t.i in place_words for t in _theme(doc[c.head], self.lexicon))
            and self._time_of(doc, piece, c).happened is Happened.DONE
        }

    def _in_colon_list(self, doc, span) -> bool:
        """Whether the name stands in a bare list after a colon: names, notes in brackets,
        commas and "and" only."""
        colon = next((t.i for t in doc if t.text == ":" and t.i < span.start), None)
        if colon is None:
            return False
        tail = doc[colon + 1 :]
        depth = 0
        for token in tail:
            depth += token.text == "("
            depth -= token.text == ")"
            if (
                depth
                or token.text in "()"
                or token.is_punct
                or token.pos_ in ("CCONJ", "PROPN", "DET")
            ):
                continue
            return False
        return True

    def _reading(self, doc, piece, span, place, link: Governed, spans, how: str):
        lexicon, cue, presence = self.lexicon, link.cue, link.through_presence
        time = self._time_of(doc, piece, cue)
        if time.happened is Happened.NOTHING:
            return None
        if self.correcting and told_by_the_paper(doc[cue.head], lexicon):
            return None  # "CORRECTION: An article stated that US troops had handed over ..."
        agent = self._agent(doc, cue, time.verb, span)
        labelled = _labels_its_item(span) and _bare_participle(doc[cue.head], span, lexicon)
        if cue.kind is CueKind.RECEIVING:
            # "- Abu Sultan: taken over by the contractors": the item's site is what is taken
            taken = labelled and self._received(doc[cue.head], agent)
            if agent == MISSION or not (presence or taken):
                return None
        elif agent not in (MISSION, UNSTATED):
            return None
        if cue.kind in (CueKind.VERB, CueKind.RECEIVING) and not _fitting_theme(
            doc[cue.head], cue, span, lexicon
        ):
            return None
        if cue.kind is CueKind.VERB and _a_trip(doc[cue.head], lexicon):
            return None
        if cue.lemma == BECOMING and not any(
            is_host_word(word.text, self.context.actors) for word in peoples_words(doc[cue.head])
        ):
            return None  # "Taba became Egyptian again" -- not "the camp is now French"
        if cue.status is Status.HANDED_OVER and _a_move(doc[cue.head], span, lexicon):
            return None
        # A handover, a flag lowered, an event noun ("the withdrawal from Gao") or a place
        # that was vacated ("Ber was vacated") is the mission's by nature; someone leaving
        # or closing something in a place is anyone's unless said otherwise.
        own_event = (
            cue.kind in (CueKind.FLAG, CueKind.NOUN)
            or cue.status is Status.HANDED_OVER
            or link.passive_subject
            or labelled
        )
        if agent != MISSION and not (presence or own_event or self.mission_named):
            return None
        if (
            cue.kind is CueKind.PRESENCE
            and agent != MISSION
            and not presence
            and not (_labels_its_item(span) and _said_of_a_post(doc[cue.head], lexicon))
        ):
            return None  # but "- Sarajevo: headquarters remains open until 31 December"
        capital = place is not None and place.feature_code == "PPLC"
        if capital and (speaks(span, lexicon) or agreed_with(span, lexicon)):
            # "Bamako demanded that MINUSMA leave", "left Gao in agreement with Bamako": the
            # government speaks or agrees
            return None
        # "MINUSMA left Bamako", "il reste à évacuer Usumbura": what the mission leaves
        said_of_it = (agent == MISSION and link.distance <= 2) or (
            agent == UNSTATED
            and self.mission_named
            and cue.kind is CueKind.VERB
            and span.root.dep_ in ("dobj", "obj")
            and span.root.head.i == cue.head
        )
        if (
            capital
            and not said_of_it
            and cue.kind is not CueKind.FLAG
            and is_government(
                span,
                (how == "headline" and presence) or _camp_between(span, doc[cue.head], lexicon),
                lexicon,
            )
        ):
            return None
        if (
            cue.kind is CueKind.PRESENCE
            and cue.lemma in lexicon.flying_verbs
            and self._host_flag(doc[cue.head])
        ):
            # "the Malian flag now flies over the Ber camp": the host holds the site
            if time.negated:
                return None
            coming = any(word in time.why for word in ("future", "modal", "conditional"))
            reason = Reason(cue.lemma, cue.kind.value, "host flag", agent, how, link.distance)
            status = Status.PENDING if coming else Status.HANDED_OVER
            return _Reading(status, self.document.date, reason)
        if cue.kind is CueKind.VERB and _first_of_several(doc[cue.head], lexicon):
            time = Time(Happened.PLAN, "first to leave", time.negated, time.verb)
        done = Status.CLOSED if cue.kind is CueKind.PRESENCE else cue.status
        if cue.kind is CueKind.RECEIVING and (
            self._taken_from_mission(doc[cue.head])
            or (cue.lemma not in lexicon.seizing_verbs and self._received(doc[cue.head], agent))
        ):
            # "Somali soldiers took over the base from ATMIS troops", "les autorités ont pris
            # possession du camp": the mission handed it over
            done = Status.HANDED_OVER
        status = done if time.happened is Happened.DONE else Status.PENDING
        date, why = self.document.date, time.why
        if status is not Status.PENDING:
            anchor = time.verb if time.verb is not None else cue.head
            told = event_date(doc, anchor, spans, span, cue.head, lexicon.occasions)
            date = told or self.document.date
            if why == "present" and told is not None and told < self.document.date:
                why = _historic_present(doc[anchor], told, spans) or why
        reason = Reason(cue.lemma, cue.kind.value, why, agent, how, link.distance, time.negated)
        return _Reading(status, date, reason)

    def _host_flag(self, verb) -> bool:
        """Whether the flag that flies is the host's: "the *Malian* flag", "le drapeau
        *tchadien*"."""
        flags = [
            c
            for c in verb.children
            if c.dep_.startswith(("nsubj", "dobj", "obj"))
            and lemma_of(c) in self.lexicon.flag_nouns
        ]
        return any(
            is_host_word(m.text, self.context.actors)
            for flag in flags
            for m in flag.children
            if m.dep_ in ("amod", "compound", "nmod")
        )

    def _received(self, verb, agent: str) -> bool:
        """Whether someone named, not an armed group, receives the site from the mission:
        "the army took over the camp", "le conseil municipal en a pris possession" -- but not
        after the mission left ("took over the camp *after the peacekeepers departed*")."""
        words = agent.split()
        return (
            agent != UNSTATED
            and not any(word in self.lexicon.armed_groups for word in words)
            and not _after_leaving(verb, self.lexicon)
        )

    def _taken_from_mission(self, verb) -> bool:
        """Whether a site is taken over *from* the mission, which hands it over."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        sources = [
            word
            # "took over the base from ATMIS troops": "from" on the verb or on its object
            for child in [*verb.children, *(c for o in objects for c in o.children)]
            for word in ([child] if child.dep_ in ("obl", "obl:arg", "obl:mod") else child.children)
            if (child.dep_ == "prep" and child.text.lower() in self.lexicon.source_prepositions)
            or any(
                c.dep_ == "case" and c.text.lower() in self.lexicon.source_prepositions
                for c in child.children
            )
        ]
        return any(
            s.pos_ in ("NOUN", "PROPN")
            and classify(s, self.lexicon, self.context.actors) == MISSION
            for s in sources
        )

    def _agent(self, doc, cue: Cue, verb: int | None, span) -> str:
        token = doc[cue.head]
        if cue.kind is CueKind.NOUN:
            for child in token.children:
                if span.start <= child.i < span.end:
                    continue  # "Ansongo's handover": the site, not who acts
                if child.ent_type_ in ("DATE", "TIME") or lemma_of(child) in self.lexicon.past_days:
                    continue  # "Yesterday's handover": when, not who
                if child.dep_ in ("poss", "nmod:poss") or (
                    child.dep_ in ("nmod", "prep") and child.text.lower() in ("by", "par")
                ):
                    subject = child if child.dep_ != "prep" else next(iter(child.children), child)
                    return classify(subject, self.lexicon, self.context.actors)
            # "The mission completed its withdrawal": who performs the event. Not who
            # welcomes, attends or witnesses it.
            if (
                verb is not None
                and verb != cue.head
                and lemma_of(doc[verb]) in self.lexicon.performed_by
            ):
                subject = doc[verb]
                if any(c.i == cue.head for c in subject.children if c.dep_.startswith("nsubj")):
                    return UNSTATED  # "the withdrawal ... is under way": the noun is the subject
                return agent_of(subject, self.lexicon, self.context.actors)
            return UNSTATED
        # "has been *without* UN soldiers since April": the people are the cue's own noun
        without = token.pos_ == "NOUN" and token.head.lower_ in self.lexicon.absence_words
        if cue.kind is CueKind.PRESENCE and any(
            named_as_mission(p, self.lexicon, self.context.actors)
            for p in (*people_gone(token, self.lexicon), *([token] if without else []))
        ):
            # "there are no longer any peacekeepers in Ber", "their departure leaves no
            # Italian troops in Nasiriyah": the mission's people are gone, whoever is the
            # subject -- not "the army no longer has troops there", whose troops they are
            return MISSION
        return agent_of(token, self.lexicon, self.context.actors, span)

    def _open_cues(
        self, doc, piece: _Piece, cues: list[Cue], used: set[int], spans, site_words: set[int]
    ) -> list[tuple[_Reading, str | None]]:
        """What the cues that governed no site of their sentence would say of one: for the
        items of a list it introduces, or for the site of the sentence before. Each comes
        with how it refers to a site, if it does: "locality" ("left the town"), "adverb"
        ("left its base there", only a site of its own sentence), "joined" ("removed its
        equipment from the Gabala station and handed the facility over"), "pronoun" ("handed it
        over"), "site" ("the base was handed over"), "passive" ("it was handed over"),
        "subject" ("after they left"), or None."""
        found = []
        for cue in cues:
            if cue.head in used:
                continue
            token = doc[cue.head]
            near = [t for t in token.subtree if token.i in (t.head.i, t.head.head.i)]
            subjects = controlling_subjects(token)
            # "the team *there* is in the process of withdrawing": the subject's own adverb
            near += [c for s in subjects for c in s.children if c.dep_ == "advmod"]
            referring = [
                t
                for t in near + subjects
                if (
                    lemma_of(t) in self.lexicon.refers_back
                    or (t.pos_ == "PRON" and lemma_of(t) in self.lexicon.clitic_pronouns)
                    or (t.dep_ == "advmod" and lemma_of(t) in self.lexicon.place_adverbs)
                )
                and t.i != token.i
                and not any(w.pos_ == "PROPN" for w in t.subtree)
            ]
            refers = None
            if referring:
                joined = _joined_to_a_site(token, site_words)
                kinds = {
                    "locality"
                    if lemma_of(t) in self.lexicon.localities
                    or self._missions(t)
                    # "the team *there* left": the people of the place told before
                    or (t.dep_ == "advmod" and t.head.pos_ == "NOUN")
                    else "adverb"
                    if lemma_of(t) in self.lexicon.place_adverbs
                    else "joined"
                    if t.pos_ == "NOUN" and joined
                    else "pronoun"
                    if t.pos_ == "PRON"
                    and (t.dep_ in ("dobj", "obj") or (t.dep_ == "poss" and t.head.i == token.i))
                    else "passive"  # the site the event befell: "*it* was handed over"
                    if t.pos_ == "PRON" and t.dep_ in ("nsubjpass", "nsubj:pass")
                    else "subject"
                    if t.pos_ == "PRON"
                    else "site"
                    for t in referring
                }
                refers = next(
                    k
                    for k in (
                        "locality",
                        "adverb",
                        "joined",
                        "pronoun",
                        "site",
                        "passive",
                        "subject",
                    )
                    if k in kinds
                )
                if all(t.pos_ == "NOUN" and "Plur" in t.morph.get("Number") for t in referring):
                    refers = "sites"  # "the two bases were handed over", "les deux camps"
            reading = self._reading(
                doc,
                piece,
                doc[cue.head : cue.head + 1],
                None,
                Governed(cue, 0, True),
                spans,
                "lead",
            )
            if reading is not None:
                found.append((reading, refers))
        return found

    def _missions(self, noun) -> bool:
        """ "le camp de la MINUSCA", "the UN camp", "the mission's base": a camp said to be
        the mission's, which in a sentence naming one place is that place's."""
        if lemma_of(noun) not in self.lexicon.presence_nouns:
            return False
        modifiers = [
            t
            for c in noun.children
            if c.dep_ in ("nmod", "poss", "compound", "prep")
            for t in c.subtree
        ]
        return any(
            classify(t, self.lexicon, self.context.actors) == MISSION
            for t in modifiers
            if t.pos_ in ("NOUN", "PROPN")
        )

    def _speaks_of_a_place(self, index: int) -> bool:
        """Whether the sentence speaks of a camp, a base or the town itself: "le QG de la
        Minurca, à Bangui", not "the message from Tripoli"."""
        return any(
            lemma_of(t) in self.lexicon.camps_or_towns
            for piece, doc in zip(self.pieces, self.parsed, strict=True)
            if piece.index == index
            for t in doc
        )

    def _across_sentences(self, readings, open_cues, dismissed, passing) -> None:
        for index, mentions in self.mentions_of.items():
            unread = [
                m
                for m in mentions
                if site_candidate(m.place, self.context.countries)
                and id(m) not in readings
                and id(m) not in dismissed
            ]
            lead = self.lead_ins[index]
            if lead is not None and open_cues.get(lead):
                reading = max((r for r, _ in open_cues[lead]), key=lambda r: r.status.rank)
                quote = f"{self.sentences[lead].text} {self.sentences[index].text}"
                for mention in _labels(unread, self.sentences[index]):
                    noted = (
                        _noted_date(self.document, mention)
                        if reading.status is not Status.PENDING
                        else None
                    )
                    item = _Reading(reading.status, noted or reading.date, reading.reason)
                    readings[id(mention)] = (mention, _relinked(item, "list lead-in"), quote)
                continue
            places = {
                m.place.id
                for m in mentions
                if site_candidate(m.place, self.context.countries) and id(m) not in dismissed
            }
            same = open_cues.get(index, [])
            named_in_passing = all(
                id(m) in passing
                for m in mentions
                if m.place.id in places and id(m) not in dismissed
            )
            if len(places) > 1 and same:
                # "... flew out of Bastion and Leatherneck, a day after the two bases were
                # handed to the Afghan army": every site of the sentence read with less
                sentence = self.sentences[index].text
                self._upgrade_all(readings, mentions, places, same, "same sentence", sentence)
            if len(places) == 1 and same and not named_in_passing:
                # "The battle group that held the base at Mahaday left the town on 2 July";
                # "The Tessalit camp was the scene of clashes after MINUSMA left it";
                # "The contingent left Ogossagou and the base was handed over to the army".
                target = next(
                    m for m in mentions if m.place.id in places and id(m) not in dismissed
                )
                kept = readings.get(id(target))
                fits = [
                    r
                    for r, refers in same
                    if (refers in ("locality", "adverb", "joined", "pronoun") and kept is None)
                    or (
                        refers is not None
                        and kept is not None
                        and r.status.rank > kept[1].status.rank
                    )
                ]
                if fits:
                    reading = max(fits, key=lambda r: r.status.rank)
                    readings[id(target)] = (
                        target,
                        _relinked(reading, "same sentence"),
                        self.sentences[index].text,
                    )
            after = self._next_told(index)
            following = open_cues.get(after, [])
            referring = [(r, refers) for r, refers in following if refers not in (None, "adverb")]
            if len(places) > 1 and following and not self._candidates(after):
                # each site read with less, by what the next sentence says of them all
                quote = f"{self.sentences[index].text} {self.sentences[after].text}"
                self._upgrade_all(readings, mentions, places, following, "next sentence", quote)
            if len(places) != 1:
                continue
            if referring:
                reading, refers = max(referring, key=lambda r: r[0].status.rank)
                target = next(
                    m for m in mentions if m.place.id in places and id(m) not in dismissed
                )
                kept = readings.get(id(target))
                if target.place.feature_code == "PPLC" and not self._speaks_of_a_place(index):
                    # "the message from Tripoli was plain. ... the Army ran down its stores":
                    # a capital named for its government is no site the next sentence left
                    continue
                if reading.reason.kind == CueKind.NOUN.value and self._candidates(after):
                    # "Les Britanniques ont évacué Homs. Les Français n'ont pas quitté Lattaquié,
                    # où leur départ est attendu": an event noun beside a site of its own
                    # sentence is that site's, not the one before
                    continue
                # "The flag came down over Ma'sum Ghar. The battalion handed the base to a US
                # battalion": the mission's handover of the site itself, in the next sentence,
                # says more -- not someone moving in after it left ("Malian soldiers moved into
                # the base that morning")
                if kept is None or (
                    kept[1].status is Status.CLOSED
                    and reading.status is Status.HANDED_OVER
                    and (
                        reading.reason.kind != CueKind.RECEIVING.value
                        # "les Nations unies ont reçu le bâtiment"
                        or self.lexicon.receiving.get(reading.reason.cue) is Status.HANDED_OVER
                    )
                    and refers in ("pronoun", "site", "passive")
                    # "Jaffna Fort ... since *it* was transferred": a site of its own
                    and not self._candidates(after)
                ):
                    quote = f"{self.sentences[index].text} {self.sentences[after].text}"
                    readings[id(target)] = (target, _relinked(reading, "next sentence"), quote)

    def _upgrade_all(self, readings, mentions, places, told, link: str, quote: str) -> None:
        """Read each site of a sentence with the most specific of ``told``, the readings a site
        noun in the plural gives them all, where it says more than the site's own: "... flew out
        of Bastion and Leatherneck, a day after the two bases were handed to the Afghan army";
        "Les garnisons de Saint-Wendel et de Hombourg ont été retirées. Les emprises
        correspondantes ont été transférées aux autorités"."""
        plural = [r for r, refers in told if refers == "sites"]
        if not plural:
            return
        reading = _relinked(max(plural, key=lambda r: r.status.rank), link)
        for mention in mentions:
            kept = readings.get(id(mention))
            if mention.place.id in places and kept and reading.status.rank > kept[1].status.rank:
                readings[id(mention)] = (mention, reading, quote)


def _corrects(split: list[Sentence], lexicon: Lexicon) -> bool:
    """Whether a report opens as a correction of an earlier one ("CORRECTION: ...",
    "Rectificatif. — ...")."""
    first = re.match(r"\W*(\w+)", split[0].text) if split else None
    return first is not None and first[1].lower() in lexicon.correction_headings


def _historic_present(verb, told: dt.date, spans) -> str | None:
    """ "past" for a present put after the earlier day it tells ("1er décembre 1984 : les paras
    *quittent* Abéché", "Le 28 novembre, les observateurs *quittent* Kidal"), the way a
    chronology is written; None for a day told after the verb, which may be another
    clause's ("ils *occupent* le camp, que le Canada leur avait cédé à l'été 2010"), or a
    day another verb comes between ("Samedi, les Français sont partis ; les Irlandais
    *occupent* les bâtiments")."""
    doc = verb.doc
    for span in spans:
        if span.day != told or span.end > verb.idx:
            continue
        between = doc.char_span(span.end, verb.idx, alignment_mode="expand")
        if between is not None and not any(
            t.pos_ in ("VERB", "AUX") or t.text == ";" for t in between if t.i != verb.i
        ):
            return "past"
    return None


def _joined_to_a_site(verb, site_words: set[int]) -> bool:
    """Whether the verb is joined to a clause that names a site of the sentence: "removed its
    equipment from the Gabala station *and handed* the facility over", "staff remain in
    Sukhumi *and* the UN *expects to relinquish* the building"."""
    while verb.dep_ == "xcomp":
        verb = verb.head
    if verb.dep_ != "conj":
        return False
    own = {t.i for t in verb.subtree}
    return any(t.i in site_words and t.i not in own for t in verb.head.subtree)


def _labels(mentions: list[Mention], item: Sentence) -> list[Mention]:
    """The mentions of a list's item that the lead-in speaks of: all of them, or, when the
    item is labelled, those of its label -- "- Naha Military Port: fiscal 2028, once a new
    port is built at Urasoe" is of Naha Military Port."""
    if not mentions:
        return mentions
    first = min(m.start for m in mentions) - item.start
    colon = item.text.find(":", first)
    if colon < 0:
        return mentions
    return [m for m in mentions if m.start < item.start + colon]


def _locates_a_named_site(span, named_sites: set[int], lexicon: Lexicon) -> bool:
    """Whether the town in ``span`` only says where a site named in its own right stands:
    "le camp Croci d'Abéché", "Basra's Old State Building", "Camp Marmal near Mazar"."""
    root = span.root
    preposition = preposition_of(root)
    if (
        preposition is not None
        and preposition.text.lower() in lexicon.nearby_prepositions
        and _word_before(span.doc, preposition.i, lambda t: t.is_punct) in named_sites
    ):
        return True  # the parser may hang "near Mazar" on the verb, not on the camp
    head = root.head.head if root.dep_ == "pobj" else root.head  # what its phrase hangs on
    if _sets_the_scene(root, head, named_sites, lexicon):
        return True
    if root.dep_ == "appos" and root.head.i in named_sites and _in_brackets(span):
        return True  # "Rideau Camp (Punta Gorda): handed to the BDF"
    clause = next((a for a in root.ancestors if a.dep_ in ("relcl", "acl:relcl")), None)
    if (
        clause is not None
        and lemma_of(clause) in lexicon.location_verbs
        and any(t.i in named_sites for t in clause.head.subtree if t.i < clause.i)
    ):
        return True  # "le camp Béal, qui abritait l'état-major des forces *à Bangui*"
    if root.dep_ not in ("nmod", "pobj", "poss", "nmod:poss"):
        return False  # "Ogossagou, Ber and Goundam": a list of sites, each its own
    if any(c.dep_ == "conj" and c.i in named_sites for c in root.children):
        return False  # "the Makindye and Bombo barracks": a site beside the named one
    if head.dep_ == "appos" and head.head.i in named_sites:
        head = head.head  # "John Hay Air Station, the hill resort *in Baguio*"
    named = next(
        (c for t in (head, root) for c in t.children if c.dep_ == "appos" and c.i in named_sites),
        None,
    )
    if named is not None:
        head = named  # "the contingent's headquarters *in Nicosia*, the old Ledra Palace Hotel"
    return head.i in named_sites and head.i not in range(span.start, span.end)


def _in_brackets(span) -> bool:
    doc = span.doc
    return (
        span.start > 0
        and doc[span.start - 1].text == "("
        and doc[span.end : span.end + 1].text[:1] == ")"
    )


def _sets_the_scene(root, verb, named_sites: set[int], lexicon: Lexicon) -> bool:
    """Whether a town (``root``, its phrase hanging on ``verb``) only says where the verb's own
    named site is: "*À Bangui*, les EFAO doivent remettre le camp Béal en avril", "In Kabul,
    the battalion handed over Camp Warehouse"."""
    preposition = preposition_of(root)
    if preposition is None or preposition.lower_ not in lexicon.location_prepositions:
        return False
    if verb.i == root.i:
        # the parser may cut "À Bangui," off as a sentence of its own: the clause after it
        following = root.doc[root.right_edge.i + 1 :]
        verb = next((t for t in following if t.head.i == t.i), verb)
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return any(
        word.i in named_sites
        for v in verbs
        if v.pos_ in ("VERB", "AUX")
        for c in v.children
        if c.dep_ in ("obj", "dobj", "nsubj:pass", "nsubjpass")
        for word in c.subtree
    )


def _after_leaving(verb, lexicon: Lexicon) -> bool:
    """Whether the verb is said to follow someone's leaving: "took over the camp *after the
    peacekeepers departed*", "*après le départ* de la MINUSMA"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "nsubj:pass"):
            continue
        for word in child.subtree:
            if word.text.lower() not in lexicon.after_words:
                continue
            # "after" heads its noun in English; elsewhere it hangs on its clause or noun
            clause = word if word.dep_ == "prep" else word.head
            # what the clause tells, not how it names someone: "after *the departing
            # Russian garrison* signed the last transfer documents"
            cues = [cue_at(w, lexicon) for w in clause.subtree if w.dep_ != "amod"]
            if any(
                c is not None and c.kind in _LEAVING and c.status is Status.CLOSED for c in cues
            ):
                return True
    return False


def _follows_its_site(span, named_sites: set[int], place_words: set[int]) -> bool:
    """Whether the town in ``span`` stands after a comma to say where the named site before
    it is, as an address does: "MOB Price, Gereshk: to be transferred", "St Andrew's
    Barracks, Pembroke, was handed over" -- not one of a list ("Camp Croci, Abéché and
    Biltine", "Camp Croci, Abéché, and Biltine")."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "," or span.start - 2 not in named_sites:
        return False
    if span.end >= len(doc) or doc[span.end].text in (")", ";") or item_separator(doc[span.end]):
        return True
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    return (
        doc[span.end].text == ","
        and after is not None
        and after.pos_ != "CCONJ"
        and after.i not in place_words
    )


def _locates_another_place(span, place_words: set[int], lexicon: Lexicon) -> bool:
    """Whether the town in ``span`` only says where the place named just before it stands, or
    just after it: "the camp at Ber, near Timbuktu", "Ber, on the outskirts of Timbuktu", "le
    camp de Ber, non loin de Tombouctou", "Ber, à la sortie de Tombouctou", "près de
    Tombouctou, Ber et Goundam ont été vidés"."""
    root = span.root
    # English hangs the name under its preposition ("near", "of" after "outskirts"); French
    # under the word itself ("près", "sortie"), its preposition a child.
    marker = root.head
    if root.dep_ == "pobj" and marker.lower_ == "of":
        # "the outskirts *of* Timbuktu" -- not "the centre *at* Danlí", a centre of its own
        marker = marker.head
        if marker.dep_ == "pobj" and marker.head.lower_ in lexicon.near_words:
            marker = marker.head  # "Bagicz, near *the seaside resort of* Kolobrzeg"
    if (
        marker.i == root.i
        or lemma_of(marker) not in lexicon.near_words
        # "Nicaragua: the *Juigalpa* centre was turned over": a centre the name qualifies
        or root.dep_ == "compound"
    ):
        # the French parser may make the word the name's own modifier: "près de Tombouctou"
        marker = next(
            (c for c in root.children if c.dep_ == "advmod" and lemma_of(c) in lexicon.near_words),
            None,
        )
        if marker is None and span.start and span.doc[span.start - 1].lower_ in lexicon.near_words:
            marker = span.doc[span.start - 1]  # the parser may take "Near" for part of the name
        if marker is None:
            return False
    if marker.pos_ == "NOUN" and marker.dep_ in ("dobj", "obj", "nsubj", "nsubjpass", "nsubj:pass"):
        # "- Honduras : *le centre* de Choluteca a été fermé": a noun that locates a town is
        # no subject or object ("au centre de Tombouctou", "south-west of Timbuktu")
        return False

    # "Bayantümen, the airfield near Choibalsan": past the site's noun that restates it
    def passed_over(t):
        return t.is_punct or t.pos_ in ("DET", "ADP", "ADV") or lemma_of(t) in lexicon.site_nouns

    before = _word_before(span.doc, marker.left_edge.i, passed_over)
    if before in place_words and before not in range(span.start, span.end):
        return True
    # "*près de Jénine*, Ganim et Kadim avaient été vidées", "Near Timbuktu, the camps at Ber
    # and Goundam": set before the places it locates, at the head of its clause
    start = marker.left_edge.i
    fronted = 0 < span.start - marker.i <= 2 and (start == 0 or span.doc[start - 1].is_punct)
    if not fronted or span.doc[span.end : span.end + 1].text != ",":
        return False
    after = next((t.i for t in span.doc[span.end :] if not passed_over(t)), -1)
    return after in place_words


def _word_before(doc, index: int, passed_over) -> int:
    """The index of the last word before ``index`` that ``passed_over`` does not skip, or -1."""
    before = index - 1
    while before >= 0 and passed_over(doc[before]):
        before -= 1
    return before


def _span_of(doc, piece, mention: Mention):
    """The words of ``doc`` (the parse of ``piece``) that name ``mention``, or None."""
    return doc.char_span(
        mention.start - piece.start, mention.end - piece.start, alignment_mode="expand"
    )


_NOT_A_PLACE = object()
_HANDING = (CueKind.VERB, CueKind.RECEIVING)
_LEFT = (CueKind.FLAG.value, CueKind.VERB.value)
# What _read_mention says of a site that the parse ties to no cue at all.
_UNGOVERNED = object()


def _noted_date(document: Document, mention: Mention):
    """The date in brackets right after a name: "Ménaka (25 August)"."""
    after = document.text[mention.end : mention.end + 40]
    if not re.match(r"\s*\(", after):
        return None
    note = after[after.index("(") : after.find(")") + 1 or None]
    found = find_dates(note, document.date, date_rules(document.lang))
    return found[0].day if found else None


def _relinked(reading: _Reading, link: str) -> _Reading:
    reason = reading.reason
    return _Reading(
        reading.status,
        reading.date,
        Reason(
            reason.cue,
            reason.kind,
            reason.time,
            reason.agent,
            link,
            reason.distance,
            reason.negated,
        ),
    )


def _words_under(verb, relations) -> list:
    """The words of the verb's dependents of the given relations."""
    return [word for c in verb.children if c.dep_ in relations for word in c.subtree]


def _own_clause(verb) -> list:
    """The verb's words without the clauses that hang on it ("handing the house to the
    administration *before driving to Dushanbe*")."""
    parts = [
        c
        for c in verb.children
        if c.dep_ not in _OTHER_CLAUSES and not any(g.dep_ == "pcomp" for g in c.children)
    ]
    return [verb, *(word for part in parts for word in part.subtree)]


_OTHER_CLAUSES = ("advcl", "conj", "ccomp", "xcomp", "relcl", "parataxis")


def _said_of_its_camp(verb, span) -> bool:
    """Whether a participle of handing over qualifies the phrase of the site itself: "a fermé
    son camp d'Ogossagou, *rétrocédé* aux FAMa" -- also where the parser hangs it on the verb
    whose object that phrase is."""
    if verb.dep_ in ("acl", "amod"):
        phrases = [verb.head]
    elif (
        verb.dep_ in ("parataxis", "advcl", "conj")
        and "Part" in verb.morph.get("VerbForm")
        and not any(c.dep_.startswith(("nsubj", "aux")) for c in verb.children)
    ):
        phrases = [c for c in verb.head.children if c.dep_ in ("obj", "dobj")]
    else:
        return False
    return any(
        phrase.i < verb.i
        and any(span.start <= t.i < span.end for t in phrase.subtree if t.i < verb.i)
        for phrase in phrases
    )


def _hands_a_camp(verb, lexicon: Lexicon) -> bool:
    """Whether a verb of handing over acts on a camp, a base or a post ("handing *their camp*
    to the regional administration") or the land it stood on ("Navy left May 2003; *land*
    handed to Fish and Wildlife Service"), not on command or keys."""
    if verb.pos_ != "VERB":
        return False
    if verb.dep_ == "acl" and lemma_of(verb.head) in lexicon.grounds:
        return True
    return any(
        lemma_of(word) in lexicon.site_nouns | lexicon.grounds
        for word in _words_under(verb, ("dobj", "obj", "nsubjpass", "nsubj:pass"))
    )


def _evidence(mention: Mention, place: Place, reading: _Reading, quote: str) -> Evidence:
    date, reason = reading.date, reading.reason
    report_date = mention.document.date
    # "handed over on 31 December 9999" would outrank every later statement.
    if not within_report(date, report_date, dt.date.today()):
        date, reason = report_date, replace(reason, date_set_aside=date.isoformat())
    return Evidence(
        place=place,
        status=reading.status,
        date=date,
        quote=quote,
        source=mention.document.path,
        document=mention.document,
        mention=mention,
        confidence=(
            confidence(reason, reading.status)
            if reading.probability is None
            else reading.probability
        ),
        reason=reason,
    )


def _a_move(cue, span, lexicon: Lexicon) -> bool:
    """A transfer from one town to another is a move, not a handover: "le transfert du
    quartier général de Bamako vers Niamey", "the transfer of the HQ from Gao to Bamako"."""
    words = [t for t in cue.subtree if not span.start <= t.i < span.end]
    towards = any(
        t.text.lower() in lexicon.moving_prepositions
        # "vers la mi-décembre" times the transfer
        and not says_when(t.head if t.dep_ == "case" else t, lexicon)
        for t in words
    )
    to_a_town = any(
        t.text.lower() in lexicon.passing_prepositions
        and any(
            c.ent_type_ in ("GPE", "LOC")
            # the small parsers often take an African town for a person
            or (c.pos_ == "PROPN" and c.ent_type_ not in ("ORG", "NORP"))
            for c in t.children
        )
        for t in words
    )
    from_the_site = span.root.head.text.lower() in lexicon.origin_prepositions
    return towards or (to_a_town and from_the_site)


def _camp_between(span, cue, lexicon: Lexicon) -> bool:
    """Whether a camp, a base or the like stands between a capital and its cue: the
    mission's place there, not an event ("the departure of the blue helmets") nor the
    government ("À Kinshasa, le gouvernement maintient son objectif d'un départ")."""
    path = tree_path(span.root, cue) or []
    return any(lemma_of(t) in lexicon.presence_nouns for t in path)


def _where_clause(span, lexicon: Lexicon) -> int | None:
    """The "where" that opens a relative clause about the place, if one follows it within
    its clause: "Obo, in the far south-east, where the mission handed over its base"."""
    doc = span.doc
    for token in doc[span.end : span.end + _LOOSE_REACH]:
        if token.text.lower() in lexicon.where_words:
            return token.i
        if token.text in (";", ":") or (token.pos_ in ("VERB", "AUX") and token.dep_ != "amod"):
            return None
    return None


def _theme(cue, lexicon: Lexicon) -> list:
    """The words of an event but those of its recipient: "turned *the barracks* over to
    Mali's army", "the handover *of the camp at Gao*"."""
    recipients = {
        t.i
        for child in cue.children
        # "to the army"; in French the preposition hangs on its noun: "*aux* autorités"
        if child.text.lower() in lexicon.recipient_prepositions
        or any(
            c.dep_ == "case" and c.text.lower() in lexicon.recipient_prepositions
            for c in child.children
        )
        for t in child.subtree
    }
    return [t for t in cue.subtree if t.i not in recipients]


def _marked_as_site(span, lexicon: Lexicon) -> bool:
    """Whether the name is given as the mission's place: a camp or a base of it ("the
    Kamanyola base", "la base de Kamanyola", "its camp in Gao"), or people stationed there
    ("the soldiers at Tabarey-Barey")."""
    near = [span.root.head, span.root.head.head]
    near += [c for c in span.root.children if c.dep_ in ("compound", "appos", "nmod")]
    return any(lemma_of(t) in lexicon.people_or_camps for t in near) or any(
        lemma_of(t) in lexicon.presence_nouns for t in span.doc[max(span.start - 3, 0) : span.start]
    )


def _short(doc) -> bool:
    """A sentence of a few words with no other verb than its cues: a list item or a
    caption ("Kidal: vacated")."""
    return sum(1 for t in doc if t.is_alpha) <= 6 and not any(t.pos_ == "VERB" for t in doc)


def _said_of_a_post(verb, lexicon: Lexicon) -> bool:
    """Whether a subject of the verb is a post of the mission: "*headquarters* remains open"
    (the parser may make the item's label a subject too)."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass") and lemma_of(c) in lexicon.presence_nouns
        for c in verb.children
    )


def _labels_its_item(span) -> bool:
    """Whether the name opens its sentence, after a bullet, and a colon or a spaced dash
    follows it, or its town's name and then one: the site an item of a list speaks of ("-
    Fanara: vacated; stores moved to Tel el Kebir", "* Korat - vacated in May", "- Navy House,
    Port Said: to be the last headquarters to close")."""
    doc = span.doc
    if span.end >= len(doc) or not all(mark(t) or _joins_a_label(t) for t in doc[: span.start]):
        return False
    # "- Gulu *and Lira*: vacated", "- Navy House*, Port Said*: to be the last to close"
    end = span.end
    while end < len(doc) and _joins_a_label(doc[end]) and end - span.end <= 6:
        end += 1
    return end < len(doc) and item_separator(doc[end])


def _joins_a_label(word) -> bool:
    """A word of a label that names several places, or a place and its town: a name, a comma,
    "and", brackets ("Nord-Est (Fort-Liberté): camp fermé")."""
    return (
        word.text in (",", "(", ")")
        or word.pos_ == "CCONJ"
        or (word.text[:1].isupper() and word.text.replace("-", "").replace("'", "").isalpha())
    )


def _bare_participle(verb, label, lexicon: Lexicon) -> bool:
    """A past participle with no auxiliary, as an item's note is written: "vacated",
    "taken over by the contractors on March 1"."""
    # the parser makes the label itself the subject: the item's name is no subject of the
    # note's own; the tagger may take the participle for an adjective ("• Ber — *closed*")
    # or, with no subject, for a past ("Ber — *dismantled* and closed")
    participle = (
        "Part" in verb.morph.get("VerbForm")
        or verb.tag_ == "VBD"
        or (verb.pos_ == "ADJ" and participle_of(verb.lower_, lexicon) is not None)
    )
    return participle and not any(
        c.dep_ in ("aux", "auxpass", "aux:pass", "nsubj", "nsubjpass")
        and c.pos_ != "PROPN"
        and not label.start <= c.i < label.end
        for c in verb.children
    )


def _segment(doc, span, lexicon: Lexicon) -> tuple[int, int]:
    """The part of a headline a name stands in: between semicolons, dashes and pipes
    ("French Troops Pull Out of Abéché Camp; N'Djamena Base Is Next"), or between commas
    when that part says whose turn is next or what is still to go ("Abéché Camp Vacated,
    With N'Djamena Base Up Next", "... Leaving Niamey Drone Base, Agadez Still To Go")."""
    start, end = _between(
        doc, span, lambda t: t.text in (";", "|", "—", "–") or (t.text == "-" and t.whitespace_)
    )
    part = _between(doc, span, lambda t: t.text == ",")
    part = (max(start, part[0]), min(end, part[1]))
    if any(
        (lemma_of(t) in lexicon.presence_verbs or lemma_of(t) in lexicon.still_words)
        and t.pos_ in ("ADV", "ADJ")
        for t in doc[part[0] : part[1]]
    ):
        return part
    return start, end


def _between(doc, span, stop) -> tuple[int, int]:
    """The words around ``span`` up to the nearest word on either side that ``stop`` picks."""
    stops = [t.i for t in doc if stop(t)]
    start = max((i for i in stops if i < span.start), default=-1) + 1
    end = min((i for i in stops if i >= span.end), default=len(doc))
    return start, end


def _in_passing(span, lexicon: Lexicon) -> bool:
    """A name given as a landmark or a destination: "north *of* Timbuktu", "*to* Gao" -- not
    the town in brackets after a region's name: "Nord-Est (Fort-Liberté)"."""
    if span.root.dep_ in ("appos", "nmod") and _in_brackets(span):
        return False
    head = span.root.head
    for token in (head, head.head):
        if (
            lemma_of(token) in lexicon.landmarks
            or token.text.lower() in lexicon.passing_prepositions
        ):
            return True
    if span.root.dep_ in ("dobj", "obj") and lemma_of(head) in lexicon.regrouping_verbs:
        return True  # "rejoined Conakry": where they went
    # French marks the case on the noun: "*vers* la base de Gao", "repliés *sur* Bissau",
    # "ont quitté la base *pour* le camp de Prizren"
    return any(
        c.dep_ == "case"
        and (
            c.text.lower() == lexicon.falls_back_onto.get(lemma_of(noun.head))
            # on the camp the name names, after a verb of leaving: "quitté la base *pour* le
            # camp de Prizren" (not "sa base de patrouille" a field was rented "pour")
            or (
                lemma_of(noun) in lexicon.site_nouns
                and lexicon.verbs.get(lemma_of(noun.head)) is Status.CLOSED
                and c.text.lower() in lexicon.heading_prepositions
            )
        )
        for noun in (span.root, head)
        for c in noun.children
    )


def _verb_above(token):
    """The nearest verb that governs ``token``, if any."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor.i
    return None


def _first_of_several(verb, lexicon: Lexicon) -> bool:
    """ "A first contingent of 120 soldiers left N'Djamena": the withdrawal has begun -- but
    the first sites to close have closed ("les premières antennes avaient fermé"). What is
    taken away first has begun to go too: "les premiers hangars de Déols ont été vidés"."""
    subject = subject_of(verb)
    if subject is not None and lemma_of(subject) in lexicon.site_nouns:
        return False
    return subject is not None and any(
        lemma_of(c) in lexicon.starters or c.text.lower() in lexicon.starters
        for c in subject.children
    )


def _a_trip(verb, lexicon: Lexicon) -> bool:
    """ "The convoy left Gao for Timbuktu": a vehicle's trip somewhere, not the mission
    leaving for good -- unless it is the last one."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # "convoys *leaving* the camp"; a participle the tagger took for a noun hangs as "nmod"
    # or "appos"
    describing = subject is None and verb.dep_ in ("acl", "nmod", "appos")
    if describing:
        subject = verb.head
    if subject is None or lemma_of(subject) not in lexicon.movers:
        return False
    if any(lemma_of(c) in lexicon.ordinals for c in subject.children):
        return False
    if describing:
        # "convoys leaving the Timbuktu camp use the highway", "une patrouille partie de
        # Bouar est arrivée sur les lieux": coming and going
        return True
    destinations = lexicon.passing_prepositions
    return any(
        (c.dep_ == "prep" or c.dep_.startswith("obl"))
        and (
            c.text.lower() in destinations
            or any(g.dep_ == "case" and g.text.lower() in destinations for g in c.children)
        )
        for c in verb.children
    )


def _fitting_theme(verb, cue: Cue, span, lexicon: Lexicon) -> bool:
    """Whether what the verb hands over or leaves can be a site: not "a report on Gao"
    handed to the Council, not drivers pulled out of a truck, not "Gao's market was
    empty" -- and, for a handover, not people ("peacekeepers were transferred from
    Ansongo")."""
    arguments = ("dobj", "obj", "nsubjpass", "nsubj:pass")
    if verb.pos_ == "ADJ":
        arguments = ("nsubj",)
        verb = verb.head if verb.dep_ == "acomp" else verb
    themes = [c for c in verb.children if c.dep_ in arguments and not span.start <= c.i < span.end]
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and not span.start <= verb.head.i < span.end:
        themes.append(verb.head)  # "selon le *document* remis à la presse"
    particles = set(cue.lemma.split()[1:]) - lexicon.recipient_prepositions
    themes += [  # "handing over *patrols*", "over" taken for a preposition
        o
        for c in verb.children
        if c.dep_ in ("prep", "prt") and c.lower_ in particles
        for o in c.children
        if o.dep_ == "pobj" and not span.start <= o.i < span.end
    ]
    if any(lemma_of(theme) in lexicon.presence_nouns for theme in themes):
        return True  # "Minusca : le camp de Sam Ouandja sera restitué": the camp is what goes
    for theme in themes:
        word = lemma_of(theme)
        if word in cue.lemma.split()[1:]:
            continue  # "took *command* of the base": the cue's own word
        if word in lexicon.charge_nouns and _of_a_site(theme, lexicon):
            return True  # "handing responsibility for the post to the army"
        if word in lexicon.not_sites:
            return False
        if cue.status is Status.HANDED_OVER and (word in lexicon.people or word in lexicon.goods):
            return False  # "its *equipment* has been transferred to Hong Kong"
    return True


def _of_a_site(noun, lexicon: Lexicon) -> bool:
    """Whether a noun is said of a camp: "responsibility *for the post*", "le contrôle *du
    camp*"."""
    # English hangs the camp under the noun's preposition, French under the noun itself
    nouns = [c for c in noun.children if c.dep_ == "nmod"]
    nouns += [g for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(lemma_of(n) in lexicon.presence_nouns for n in nouns)


def _in_capitals_name(name: str) -> bool:
    """Whether a place's name is written in capitals, as a dateline's is -- not a name with a
    single letter ("- K1 : transféré le 29 mars").

    >>> _in_capitals_name("GAO"), _in_capitals_name("K1"), _in_capitals_name("Gao")
    (True, False, False)
    """
    return name.isupper() and sum(ch.isalpha() for ch in name) >= 2


def _in_capitals(text: str) -> bool:
    """Whether a headline is written all in capitals (three words or more).

    >>> _in_capitals("BRUXELLES ACCEPTE DE CÉDER KAMINA"), _in_capitals("MINUSMA leaves Gao")
    (True, False)
    """
    words = re.findall(r"[^\W\d_]+", text)
    return len(words) >= 3 and all(word.isupper() for word in words)


def _lowered_but(text: str, kept: list, titled: list = ()) -> str:
    """``text`` in lower case but for its first capital and the spans at ``kept`` (as
    written) and ``titled`` (each word capitalised); unchanged where a letter would change
    length in another case ("ß").

    >>> _lowered_but("BRUXELLES CÈDE KAMINA À L'ONU", [(26, 29)], titled=[(15, 21)])
    "Bruxelles cède Kamina à l'ONU"
    >>> _lowered_but("Minusma Hands Gao Camp To Army", [(14, 17)])
    'Minusma hands Gao camp to army'
    """
    chars = list(text.lower())
    for start, end in titled:
        chars[max(start, 0) : end] = text[max(start, 0) : end].title()
    for start, end in kept:
        chars[max(start, 0) : end] = text[max(start, 0) : end]
    if len(chars) != len(text):
        return text
    if text[:1].isupper():
        chars[0] = text[0]
    return "".join(chars)


def _is_headline(sentence: Sentence, is_item: bool) -> bool:
    return not is_item and bool(_HEADLINE_END.search(sentence.text)) and len(sentence.text) < 200


def _name_pattern(names) -> re.Pattern:
    """Any of the mission's names as whole words, whatever their case or accents."""
    words = sorted((re.escape(n) for n in names if n), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(words)})\b" if words else r"(?!)", re.IGNORECASE)


def _names_mission(document: Document, lexicon: Lexicon, actors: Actors) -> bool:
    """Whether the report speaks of the mission at all: its name, an alias or its people."""
    text = _WORDS_ONLY.sub(" ", normalise(f"{document.title or ''} {document.text}"))
    padded = f" {text} "
    names = (_WORDS_ONLY.sub(" ", name).strip() for name in actors.mission_names)
    if any(f" {name} " in padded for name in names if name):  # "par la Minusma, d'ici"
        return True
    words = set(text.split())
    return any(
        word in lexicon.mission_words or word.rstrip("s") in lexicon.mission_words for word in words
    )
