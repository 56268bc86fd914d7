"""Seed documents: reading them, their metadata, their language, their sentences.

A seed is ``seeds/*.txt`` or ``seeds/*.md`` in UTF-8 (a byte-order mark is
fine). Its metadata (title, date, source, url, lang, note) comes from YAML front
matter at the top of the file, from a sidecar ``<stem>.meta.yaml`` that lets a
document be kept byte for byte as it was received, or from both when they agree.

The words of a language that the pipeline needs -- abbreviations for sentence
splitting here, status cues later -- live in ``geo/lexicons/<lang>.yaml``; see
:func:`vocabulary`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import ClassVar, TypeVar

import yaml

from geo.errors import DataError, DocumentError
from geo.inputs import YAML_MAX_BYTES, decode_text, parse_yaml, read_limited, shown_path
from geo.language import detect_language
from geo.model import Document, ReportBounds, Sentence

T = TypeVar("T")
SEED_SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIX = ".meta.yaml"
METADATA_KEYS = ("title", "date", "source", "url", "lang", "note")
FALLBACK_LANGUAGE = "en"
SIZE_SETTING = "max_report_kb in data/mission.yaml"
# Any size up to the default, any date, links anywhere: for reading one file outside a project.
DEFAULT_BOUNDS = ReportBounds()


@dataclass(frozen=True)
class Loaded:
    """The documents of a folder that could be read, and the problems of the others."""

    documents: tuple[Document, ...]
    problems: tuple[DocumentError, ...]


def seed_paths(folder: Path, suffixes: tuple[str, ...] = SEED_SUFFIXES) -> list[Path]:
    """The seeds of a folder, in name order: every entry whose name ends in one of
    ``suffixes`` but a folder, so that a FIFO, a device or a broken link is named when it is
    read, not passed by.

    Sidecars are not seeds, and neither are hidden files (an editor's lock
    file ".#report.txt" is no report).
    """
    return sorted(
        Path(entry.path)
        for entry in os.scandir(folder)
        if entry.name.lower().endswith(suffixes)
        and not entry.name.startswith(".")
        and not entry.is_dir(follow_symlinks=False)
    )


Read = Document | DocumentError


def load_documents(folder: Path, bounds: ReportBounds = DEFAULT_BOUNDS) -> Loaded:
    """Read every seed of ``folder``; a broken one is reported and skipped, the rest load.

    ``bounds`` says how large a report may be, which days its date may fall on,
    and where its symbolic links may lead. A sidecar whose document is missing is
    reported too: its metadata would otherwise be silently lost.
    """
    documents, problems = [], []
    for read in walk_seeds(folder, bounds):
        (problems if isinstance(read, DocumentError) else documents).append(read)
    return Loaded(tuple(documents), tuple(problems))


def walk_seeds(
    folder: Path,
    bounds: ReportBounds = DEFAULT_BOUNDS,
    others: Mapping[str, Callable[[Path], Iterator[Read]]] | None = None,
    *,
    detect: bool = True,
) -> Iterator[Read]:
    """Each seed of ``folder`` in name order, read, or the problem that kept it from being read.

    ``others`` reads the files whose names end in its keys (archives of reports), one
    report at a time. A sidecar without its document is a problem too, named last.
    ``detect`` as for :func:`document_from`.
    """
    others = others or {}
    paths = seed_paths(folder, SEED_SUFFIXES + tuple(others))
    for path in paths:
        kind = next((suffix for suffix in others if path.name.lower().endswith(suffix)), None)
        if kind is not None:
            yield from others[kind](path)
            continue
        try:
            yield read_document(path, bounds, detect=detect)
        except DocumentError as error:
            yield error
    stems = {path.stem for path in paths if path.suffix.lower() in SEED_SUFFIXES}
    for sidecar in sorted(folder.glob("[!.]*" + SIDECAR_SUFFIX)):
        if sidecar.name.removesuffix(SIDECAR_SUFFIX) not in stems:
            yield DocumentError(
                "metadata sidecar without a document",
                path=shown_path(sidecar),
                fix="put the report it describes next to it as a .txt or .md file "
                "of the same name, or delete the sidecar",
            )


def read_document(
    path: Path, bounds: ReportBounds = DEFAULT_BOUNDS, *, detect: bool = True
) -> Document:
    """Read one seed and its metadata. Raises :class:`DocumentError` naming file and line.

    ``detect`` as for :func:`document_from`.
    """
    raw = read_limited(
        path, bounds.max_bytes, roots=bounds.roots, error=DocumentError, setting=SIZE_SETTING
    )
    text = decode_text(raw, path, DocumentError)
    metadata, body, first_line = split_front_matter(text, path, bounds)
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if os.path.lexists(sidecar):  # a broken link is named, not taken for no sidecar
        raw = read_limited(sidecar, YAML_MAX_BYTES, roots=bounds.roots, error=DocumentError)
        sidecar_metadata = parse_metadata(
            decode_text(raw, sidecar, DocumentError), sidecar, 1, bounds
        )
        metadata = combine_metadata(metadata, sidecar_metadata, sidecar)
    return document_from(shown_path(path), body, metadata, first_line, detect=detect)


_FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_FRONT_MATTER_CLOSE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)


def split_front_matter(
    text: str, path: Path, bounds: ReportBounds = DEFAULT_BOUNDS
) -> tuple[dict, str, int]:
    """Split ``---``-fenced YAML front matter from the body.

    Returns the metadata, the body, and the file line the body starts on.
    """
    opening = _FRONT_MATTER_OPEN.match(text)
    if not opening:
        return {}, text, 1
    closing = _FRONT_MATTER_CLOSE.search(text, opening.end())
    if not closing:
        raise DocumentError(
            "front matter is not closed",
            path=shown_path(path),
            line=1,
            fix="end the metadata block with a line holding only ---",
        )
    block = text[opening.end() : closing.start()]
    metadata = parse_metadata(block, path, 2, bounds)
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    return metadata, text[body_start:], text[:body_start].count("\n") + 1


def parse_metadata(
    block: str, path: Path, first_line: int, bounds: ReportBounds = DEFAULT_BOUNDS
) -> dict:
    """Parse and validate a metadata block; ``first_line`` is its line in the file.

    Returns a dict whose ``date`` (if any) is a :class:`datetime.date` within ``bounds``.
    """
    shown = shown_path(path)
    metadata = parse_yaml(
        block,
        shown,
        what="metadata",
        first_line=first_line,
        fix="write one 'key: value' per line, quoting values that hold a colon",
        error=DocumentError,
    )
    if metadata is None:
        return {}
    if not isinstance(metadata, dict):
        raise DocumentError(
            "metadata must be 'key: value' lines",
            path=shown,
            line=first_line,
            fix="write one 'key: value' per line: " + ", ".join(METADATA_KEYS),
        )
    lines = block.splitlines()
    checked = {}
    for key, value in metadata.items():
        line = first_line + _line_of_key(lines, str(key))
        if key not in METADATA_KEYS:
            raise DocumentError(
                "unknown metadata key",
                path=shown,
                line=line,
                value=key,
                fix="use only " + ", ".join(METADATA_KEYS),
            )
        checked[key] = metadata_value(
            key, value, path, line, bounds, fix=f"write {key}: followed by plain text"
        )
    return checked


def metadata_value(
    key: str, value: object, path: Path, line: int, bounds: ReportBounds, fix: str
) -> object:
    """One metadata value, checked: plain text; a ``date`` parsed and within ``bounds``, a
    ``lang`` a known language. ``fix`` says how to write a value that is not text."""
    if value is not None and not isinstance(value, str | int | float):
        raise DocumentError(
            f"metadata '{key}' must be text",
            path=shown_path(path),
            line=line,
            value=value,
            fix=fix,
        )
    if key == "date":
        return bounded_date(parse_date(value, path, line), bounds, path, line)
    if key == "lang":
        return parse_language(value, path, line)
    return value


def _line_of_key(lines: list[str], key: str) -> int:
    for number, line in enumerate(lines):
        if line.startswith(f"{key}:"):
            return number
    return 0


# A day, optionally with the time of day a feed may add (which is dropped).
_ISO_DAY = re.compile(
    r"(?P<day>\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


def parse_date(value: object, path: Path, line: int) -> dt.date | None:
    """A metadata date: an ISO 8601 day, YYYY-MM-DD, that exists in the calendar.

    >>> parse_date("2023-12-11", Path("a.md"), 2), parse_date("2023-12-11T09:30:00Z", Path("a.md"), 2)
    (datetime.date(2023, 12, 11), datetime.date(2023, 12, 11))
    """
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    try:
        day = _ISO_DAY.fullmatch(text)
        if not day:
            raise ValueError(text)
        return dt.date.fromisoformat(day["day"])
    except ValueError:
        raise DocumentError(
            "invalid date",
            path=shown_path(path),
            line=line,
            value=text,
            fix="write the day as YYYY-MM-DD, e.g. date: 2023-12-11",
        ) from None


def bounded_date(day: dt.date | None, bounds: ReportBounds, path: Path, line: int):
    """``day``, if it falls within ``bounds``: a report dated in the future, or before the
    mission began, would outrank every true statement, so it is refused and set aside.

    >>> bounds = ReportBounds(latest=dt.date(2024, 1, 1))
    >>> bounded_date(dt.date(9999, 12, 31), bounds, Path("a.md"), 3)
    Traceback (most recent call last):
    geo.errors.DocumentError: a.md:3: report dated after today (2024-01-01): '9999-12-31'. Fix: correct the date; the report is set aside until it is right.
    """
    if day is None:
        return None
    if bounds.latest and day > bounds.latest:
        problem = f"report dated after today ({bounds.latest})"
    elif bounds.earliest and day < bounds.earliest:
        problem = (
            f"report dated before the mission began ({bounds.earliest}, began: in mission.yaml)"
        )
    else:
        return day
    raise DocumentError(
        problem,
        path=shown_path(path),
        line=line,
        value=day.isoformat(),
        fix="correct the date; the report is set aside until it is right",
    )


_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*")


def parse_language(value: object, path: Path, line: int) -> str | None:
    """A metadata language: a tag such as ``en`` or ``fr-ML``; only the language counts."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip().lower()
    if not _LANGUAGE_TAG.fullmatch(text):
        raise DocumentError(
            "invalid language",
            path=shown_path(path),
            line=line,
            value=str(value),
            fix="write a language code such as lang: en or lang: fr",
        )
    return re.split(r"[-_]", text)[0]


def combine_metadata(front: dict, sidecar: dict, sidecar_path: Path) -> dict:
    """Front matter and sidecar together; a key they both give must agree."""
    for key in front.keys() & sidecar.keys():
        if front[key] != sidecar[key]:
            raise DocumentError(
                f"metadata '{key}' differs between the front matter and the sidecar",
                path=shown_path(sidecar_path),
                value=f"{front[key]} / {sidecar[key]}",
                fix=f"give {key} in one place only, or the same value in both",
            )
    return {**front, **sidecar}


def document_from(
    shown: str, body: str, metadata: dict, first_line: int, *, detect: bool = True
) -> Document:
    """A report from its body and checked metadata; ``shown`` is its path as users see it.

    A report whose metadata gives no language is in the language detected in its body; without
    ``detect``, its ``lang`` is left empty for :func:`with_language` to detect where the report
    is read, and only if it must be read (see :mod:`geo.reading.cache`).
    """
    declared = metadata.get("lang")

    def text_of(key: str) -> str | None:
        value = metadata.get(key)
        return None if value is None else str(value).strip() or None

    return Document(
        path=shown,
        text=body,
        title=text_of("title"),
        date=metadata.get("date"),
        source=text_of("source"),
        url=text_of("url"),
        lang=declared or (detect_language(body) if detect else ""),
        lang_detected=not declared,
        first_line=first_line,
    )


def with_language(document: Document) -> Document:
    """``document`` in its language: detected now when :func:`document_from` left it to detect.

    >>> with_language(Document("a.txt", "Le camp de Gao a été remis.", lang="", lang_detected=True)).lang
    'fr'
    """
    return document if document.lang else replace(document, lang=detect_language(document.text))


@cache
def vocabulary(lang: str) -> Mapping:
    """The words of a language, from ``geo/lexicons/<lang>.yaml``.

    A language without a file, or a key its file lacks, falls back to English,
    so a report in a language missionmap does not know yet is still read.

    >>> vocabulary("en")["lang"], vocabulary("xx")["lang"]
    ('en', 'en')
    """
    fallback = _lexicon_file(FALLBACK_LANGUAGE)
    if lang == FALLBACK_LANGUAGE or not _lexicon_path(lang).is_file():
        return fallback
    return {**fallback, **_lexicon_file(lang)}


def _lexicon_path(lang: str):
    return resources.files("geo") / "lexicons" / f"{lang}.yaml"


def lexicon_section(lang: str, section: str, build: Callable[[Mapping], T]) -> T:
    """``build`` applied to the words of ``lang``, to compile one ``section`` of its lexicon.

    Raises :class:`DataError` naming the lexicon file when a key is missing or a value
    cannot be compiled.
    """
    try:
        return build(vocabulary(lang))
    except (KeyError, TypeError, ValueError, AttributeError, re.error) as exc:
        raise DataError(
            f"the '{section}' words of a lexicon cannot be read",
            path=lexicon_source(lang),
            value=str(exc),
            fix=f"compare its '{section}' section with en.yaml's: the same keys and kinds of value",
        ) from None


def lexicon_source(lang: str) -> str:
    """The lexicon file that ``vocabulary(lang)`` reads first, for error messages.

    >>> lexicon_source("fr"), lexicon_source("xx")
    ('geo/lexicons/fr.yaml', 'geo/lexicons/en.yaml')
    """
    name = lang if _lexicon_path(lang).is_file() else FALLBACK_LANGUAGE
    return f"geo/lexicons/{name}.yaml"


# The lexicons ship with the package: libyaml's loader reads them ten times faster than
# PyYAML's own, which weighed on every build's start.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"


class _WordsLoader(_FAST_LOADER):
    """A lexicon is lists of words: YAML 1.1 would read the words "no", "on", "yes" and
    "false" as booleans, so none is read as one."""

    yaml_implicit_resolvers: ClassVar = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != _BOOL]
        for first, resolvers in _FAST_LOADER.yaml_implicit_resolvers.items()
    }


@cache
def _lexicon_file(lang: str) -> Mapping:
    source = _lexicon_path(lang)
    try:
        rules = yaml.load(source.read_text(encoding="utf-8"), Loader=_WordsLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataError(
            "language lexicon is not valid YAML",
            path=str(source),
            line=None if mark is None else mark.line + 1,
            fix="repair the file; every key of en.yaml is documented there",
        ) from None
    if not isinstance(rules, dict):
        raise DataError(
            "language lexicon must be a mapping",
            path=str(source),
            fix="copy en.yaml and translate it",
        )
    return rules


# A run of end marks, then closing quotes or brackets, then a space or the end. Possessive
# and anchored at the start of the run, so that a run that is not followed by a space is
# given up once, not retried from each of its characters (quadratic on "?!?!...x").
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s|$)")
# A line that starts a block of its own: a bullet item or a Markdown heading.
_ITEM = re.compile(r"[ \t]*(?:(?P<bullet>[-*•]|\d+[.)])|(?P<heading>#+))[ \t]+")
# A line that opens with a label and a colon: a capitalised name of a few words ("Dondo:",
# "Camp Ber (Timbuktu):").
_LABEL = re.compile(r"[ \t]*[A-Z][\w'’()., -]{0,40}?:[ \t]+\S")
# A row of a table typed with bars between its cells: "Basovizza depot | US | vacated".
_TABLE_ROW = re.compile(r"[ \t|]*[^\s|][^\n|]*[ \t]\|[ \t]")
# The place of a dateline that opens a line, in capitals ("SANAA", "PORT-AU-PRINCE"), and the
# story's first word after the rest of the dateline, which the lexicon describes.
_DATELINE_PLACE = r"[ \t]*[A-Z][A-Z'’. -]*[A-Z]"
_STORY_START = r"\s*[A-Z0-9\x22“«]"
# A chronology's item: a day or a year, a month's name, a year, then a colon or a spaced dash
# ("12 septembre 1984 : ...", "1949 - ...", "1er décembre : ...", not "25 000 soldiers:").
_DATED_ITEM = re.compile(
    r"[ \t]*\d{1,4}(?:er|st|nd|rd|th)?(?:[ \t]+[^\W\d]+\.?)?(?:[ \t]+\d{2,4})?[ \t]*(?::|[ \t][-–—]{1,2})\s"
)
# A paragraph's first line whose words of this many letters or more all open in capitals, with
# no stop at its end, is a title ("Letters to the Editor\nSir, - ..."), not wrapped prose.
_LONG_WORD = 4
_NEXT_CHARACTER = re.compile(r"\s*(\S?)")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]|[A-Z]")


def sentences(text: str, lang: str = FALLBACK_LANGUAGE) -> list[Sentence]:
    """Split a text into sentences with their offsets in ``text``.

    Paragraph breaks, bullet items and headings always end a sentence. A full
    stop does, except after a title ("Mr.", "Gen.") or an initial ("U.N.",
    "F."), or after an abbreviation ("Dec.", "No.") when the next word starts in
    lower case or with a digit. ``Sentence.text`` has its white space collapsed.

    >>> [s.text for s in sentences("The U.N. left Gao on Dec. 1. Mr. Diop said: “It is over.” Mopti is next.")]
    ['The U.N. left Gao on Dec. 1.', 'Mr. Diop said: “It is over.”', 'Mopti is next.']
    >>> [s.text for s in sentences("Sites still open:\\n- Gao\\n- Timbuktu")]
    ['Sites still open:', 'Gao', 'Timbuktu']
    """
    return list(_sentences(text, lang))


@lru_cache(maxsize=16)
def _sentences(text: str, lang: str) -> tuple[Sentence, ...]:
    """Sentences are asked for again by later stages (list lead-ins): split once."""
    words = vocabulary(lang)
    titles = frozenset(words.get("titles", ()))
    abbreviations = frozenset(words.get("abbreviations", ())) | titles
    return tuple(
        sentence
        for start, end in _blocks(text, _opening_dateline(lang))
        for sentence in _split_block(text, start, end, titles, abbreviations)
    )


@cache
def _opening_dateline(lang: str) -> re.Pattern:
    """A line that opens with a dateline ("SANAA, Nov. 5 -- The observers"): a place in
    capitals, then what may follow a dateline's place by the lexicon's ``dateline``, then the
    story's first word."""
    return lexicon_section(
        lang,
        "reading",
        lambda words: re.compile(_DATELINE_PLACE + words["reading"]["dateline"] + _STORY_START),
    )


def lead_ins(text: str, split: list[Sentence]) -> list[int | None]:
    """For each sentence of ``split`` (``sentences(text)``), the index of the sentence that
    introduces its list when it is a bullet item and that sentence ends in a colon.

    One pass, so a list of thousands of items costs no more per item than a short one.

    >>> text = "Sites still to close:\\n- Gao\\n- Timbuktu\\n\\nThe end."
    >>> lead_ins(text, sentences(text))
    [None, 0, 0, None]
    """
    found: list[int | None] = []
    introducing = None
    for index, sentence in enumerate(split):
        if _is_list_item(text, sentence.start):
            found.append(introducing)
        else:
            found.append(None)
            introducing = index if sentence.text.endswith(":") else None
    return found


def _is_list_item(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    marker = _ITEM.fullmatch(text, line_start, start)
    return bool(marker and marker["bullet"])


def _blocks(text: str, dateline: re.Pattern) -> Iterator[tuple[int, int]]:
    """Paragraphs, bullet items and headings, without their markers, as offsets; a
    paragraph of labelled lines ("Beira: handed over, 8 April") gives each line."""
    for block_start, block_end in _marked_blocks(text):
        for start, end in _headed_lines(text, block_start, block_end, dateline):
            yield from _labelled_lines(text, start, end)


def _headed_lines(
    text: str, start: int, end: int, dateline: re.Pattern
) -> Iterator[tuple[int, int]]:
    """A paragraph cut after a headline typed on a line of its own: a line in capitals ("UN
    FLAG LOWERED AT KHEM KARAN"), or any line the next of which opens with a ``dateline``
    ("SANAA, Nov. 5 -- The observers ...") or with a day and a colon or dash, as a
    chronology's items do ("12 September 1984: Moussoro evacuated"), so that no headline
    runs on into its story.

    >>> text = "UN to leave Gao\\nBAMAKO, May 2 -- The mission said so."
    >>> [text[s:e].strip() for s, e in _headed_lines(text, 0, len(text), _opening_dateline("en"))]
    ['UN to leave Gao', 'BAMAKO, May 2 -- The mission said so.']
    """
    cut = start
    for newline in re.finditer(r"\n", text[start:end]):
        line_end = start + newline.start()
        next_start = start + newline.end()
        line = text[cut:line_end]
        next_end = text.find("\n", next_start, end)
        next_line = text[next_start : end if next_end < 0 else next_end]
        in_capitals = (
            len(line.split()) >= 2
            and not any(c.islower() for c in line)
            and any(c.isalpha() for c in line)
            and any(c.islower() for c in next_line)
        )
        if (
            in_capitals
            or (cut == start and _title_case(line, next_line))
            or dateline.match(text, next_start, end)
            or _DATED_ITEM.match(text, next_start, end)
        ):
            yield cut, line_end
            cut = next_start
    yield cut, end


def _title_case(line: str, next_line: str) -> bool:
    """Whether a line is a title in title case, with no stop at its end, before a line that
    opens in capitals ("Letters to the Editor\nSir, - ...") -- not wrapped prose.

    >>> _title_case("Letters to the Editor", "Sir, - So Gao is ours."), _title_case("The observers left", "GAO")
    (True, False)
    """
    words = line.split()
    long_words = [w for w in words if len(w) >= _LONG_WORD]
    return (
        len(long_words) >= 2
        and all(w[0].isupper() for w in long_words)
        and words[-1][-1].isalnum()
        and next_line.lstrip()[:1].isupper()
    )


def _labelled_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The lines of a paragraph when two or more of them open with a label and a colon, the
    way a table of sites is typed without bullets, or are rows of a table with its cells
    parted by bars ("Basovizza depot | US | vacated, 20 Oct"); else the paragraph whole."""
    starts = [start] + [start + m.end() for m in re.finditer(r"\n", text[start:end])]
    labelled = [s for s in starts if _LABEL.match(text, s, end) or _TABLE_ROW.match(text, s, end)]
    if len(labelled) < 2:
        yield start, end
        return
    cuts = sorted({start, *labelled})
    yield from zip(cuts, [*cuts[1:], end], strict=True)


def _marked_blocks(text: str) -> Iterator[tuple[int, int]]:
    """Paragraphs, bullet items and headings, without their markers, as offsets."""
    start, offset = None, 0
    for line in text.splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        if not line.strip():
            if start is not None:
                yield start, line_start
            start = None
            continue
        item = _ITEM.match(line)
        if item and start is not None:
            yield start, line_start
            start = None
        if start is None:
            start = line_start + (item.end() if item else 0)
        if item and item["heading"]:
            yield start, offset
            start = None
    if start is not None:
        yield start, len(text)


def _split_block(
    text: str, start: int, end: int, titles: frozenset, abbreviations: frozenset
) -> Iterator[Sentence]:
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _continues(text, begin, match, titles, abbreviations):
            continue
        yield from _sentence(text, begin, match.end())
        begin = match.end()
    yield from _sentence(text, begin, end)


def _continues(
    text: str, begin: int, match: re.Match, titles: frozenset, abbreviations: frozenset
) -> bool:
    """Whether the full stop of ``match`` belongs to a word rather than ending the sentence."""
    if match.group() != ".":
        return False
    token = _word_before(text, begin, match.start())
    if not token:
        return False
    if token.lower() in titles or _INITIALISM.fullmatch(token):
        return True
    following = _NEXT_CHARACTER.match(text, match.end())[1]
    next_continues = following == "" or following.islower() or following.isdigit()
    return next_continues and token.lower() in abbreviations


def _word_before(text: str, begin: int, end: int) -> str:
    """The word (letters, digits, ``_`` and ``.``) that ends at ``end``, starting no earlier than
    ``begin``. Read backwards from ``end``, so each full stop costs only its own word, however
    long the sentence before it.

    >>> _word_before("Sent by Lt.Col", 0, 14), _word_before("Sent by ", 0, 8)
    ('Lt.Col', '')
    """
    start = end
    while start > begin and (text[start - 1].isalnum() or text[start - 1] in "._"):
        start -= 1
    return text[start:end]


def _sentence(text: str, start: int, end: int) -> Iterator[Sentence]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        begin = start + len(chunk) - len(chunk.lstrip())
        yield Sentence(" ".join(stripped.split()), begin, begin + len(stripped))
