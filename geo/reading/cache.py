"""Readings kept on disk, so that a run reads only the reports that are new or changed.

What the reader read in a report is kept as plain JSON in
``<project>/.missionmap-cache/readings/<report key>.json``. The report key is a
hash of all the reader reads of a report -- its text, date, declared language
and title, never its path, so a renamed report still hits. Each entry also names
the reader that wrote it (a hash of the reader's code and lexicons, of the place
finder and the language detector, and of the versions of spaCy, its pipelines and
the detector) and the context it was read in (the mission's countries and names,
the gazetteer's places): an entry of another reader or context is read again and
replaced. A missing, unreadable or corrupt entry is read again too, never an
error, and a cache that cannot be written is skipped: the folder may be deleted
at any time.

An entry holds all that reading a report found: the language it was read in
(detected, when the report declares none), the place names in it and the
statements about them. A hit so costs no language detection, no search for
place names and no parse, only the entry's own JSON.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path

from geo.documents import with_language
from geo.extract import find_mentions
from geo.files import remove_stale_scratch, replace_file
from geo.gazetteer import Gazetteer
from geo.language import lexicon_languages
from geo.model import Document, Evidence, Mention, Reason, Sentence, Status
from geo.project import PACKAGE_DIR
from geo.reading.parse import model_version
from geo.reading.reader import Context, read_statements

# Bumped when the layout of an entry changes: entries of another format are read again.
_FORMAT = 3

# Where entries are written before they are renamed into place (see geo.files.replace_file).
_SCRATCH = "writing"
# Where they are kept.
_ENTRIES = "readings"

# A report in the language it was read in, the place names found in it, and its statements.
Found = tuple[Document, list[Mention], list[Evidence]]


@dataclasses.dataclass(frozen=True)
class ReadingCache:
    """A folder of entries, and the reader and context an entry must have been written by."""

    folder: Path
    reader: str
    context: str


def open_cache(folder: Path, context: Context, gazetteer: Gazetteer) -> ReadingCache:
    """The cache in ``folder`` (created on first write) for this reader, mission and gazetteer;
    the temporaries of writers killed in an earlier run are removed."""
    with contextlib.suppress(OSError):
        remove_stale_scratch(folder / _SCRATCH)
    return ReadingCache(
        folder / _ENTRIES, reader_fingerprint(), context_fingerprint(context, gazetteer)
    )


def holds(folder: Path, document: Document) -> bool:
    """Whether the cache in ``folder`` has an entry for ``document``, of whatever reader or
    context: a glance, not a load -- whether reading it would most likely mean no parse."""
    return (folder / _ENTRIES / f"{report_key(document)}.json").is_file()


def read_cached(
    documents: Sequence[Document],
    gazetteer: Gazetteer,
    context: Context,
    cache: ReadingCache | None,
) -> list[Found]:
    """Each of ``documents``, in order: in its language (see
    :func:`geo.documents.with_language`), with the place names :func:`find_mentions` finds
    in it and what ``read_statements`` says of them.

    With ``cache``, only the reports it does not hold are read (together, in one
    batch), and what was found in them is kept for the next run.
    """
    kept = [None if cache is None else _load(cache, d, gazetteer) for d in documents]
    missed = [document for document, found in zip(documents, kept, strict=True) if found is None]
    fresh = iter(_read(missed, gazetteer, context))
    read = []
    for found in kept:
        if found is None:
            found = next(fresh)
            if cache is not None:
                _store(cache, *found)
        read.append(found)
    return read


def _read(documents: Sequence[Document], gazetteer: Gazetteer, context: Context) -> list[Found]:
    found = [(d, find_mentions(d, gazetteer)) for d in map(with_language, documents)]
    said: dict[int, list[Evidence]] = {id(document): [] for document, _ in found}
    for statement in read_statements((m for _, mentions in found for m in mentions), context):
        said[id(statement.document)].append(statement)
    return [(document, mentions, said[id(document)]) for document, mentions in found]


def report_key(document: Document) -> str:
    """The hash of what the reader reads of a report: text, date, declared language and title.

    A detected language is left out: it follows from the text, and is known only once detected.

    >>> a = Document(path="seeds/a.txt", text="Gao was handed over.", date=dt.date(2023, 12, 11))
    >>> report_key(a) == report_key(dataclasses.replace(a, path="seeds/renamed.md"))
    True
    >>> report_key(a) == report_key(dataclasses.replace(a, date=None))
    False
    >>> detected = dataclasses.replace(a, lang="", lang_detected=True)
    >>> report_key(detected) == report_key(dataclasses.replace(detected, lang="en"))
    True
    """
    date = document.date.isoformat() if document.date else None
    lang = None if document.lang_detected else document.lang
    return _digest(json.dumps([document.text, date, lang, document.title]))


# The modules besides the reader whose answers an entry keeps.
_READ_WITH = ("extract.py", "documents.py", "gazetteer.py", "language.py")


def reader_fingerprint(package: Path = PACKAGE_DIR) -> str:
    """The hash of what decides a reading, besides the report and the mission.

    The bytes of the reader (``geo/reading/*.py`` but this module), of the
    lexicons, of the sentence splitter, the name finder and its name matching, and of
    the language detector, and the versions of spaCy, of the pipelines that would read
    each language and of the detector's model.
    """
    sources = sorted(p for p in package.glob("reading/*.py") if p.name != "cache.py")
    # the confidence model's and the learned reader's weights
    sources += sorted(package.glob("reading/*.json"))
    sources += sorted(package.glob("lexicons/*.yaml"))
    sources += [package / name for name in _READ_WITH]
    parts: list[str | bytes] = []
    for path in sources:
        parts += [path.relative_to(package).as_posix(), path.read_bytes()]
    parts += [metadata.version("spacy"), *(model_version(lang) for lang in lexicon_languages())]
    parts.append(metadata.version("py3langid"))
    return _digest(*parts)


def context_fingerprint(context: Context, gazetteer: Gazetteer) -> str:
    """The hash of what the reader is told of the mission and of the places it may name."""
    told = json.dumps(dataclasses.asdict(context), sort_keys=True, default=sorted)
    places = (
        "\x1f".join(
            (
                p.id,
                p.name,
                p.ascii_name,
                *p.alternate_names,
                p.country,
                p.feature_class,
                p.feature_code,
            )
        )
        for p in gazetteer.places
    )
    return _digest(told, *gazetteer.countries, *places)


def readings_json(statements: Iterable[Evidence]) -> list[dict]:
    """The statements read in one report as plain data: their mention, status and reason."""
    return [
        {
            "start": s.mention.start,
            "end": s.mention.end,
            "place": s.mention.place.id,
            # the site the statement is about: the mention's place, or an installation it
            # names ("the RAF left Salalah": RAF Salalah)
            "site": s.place.id,
            "status": s.status.value,
            "date": s.date.isoformat() if s.date else None,
            "quote": s.quote,
            "confidence": s.confidence,
            "reason": dataclasses.asdict(s.reason) if s.reason else None,
        }
        for s in statements
    ]


def statements_from(
    readings: Iterable[dict], mentions: Iterable[Mention], gazetteer: Gazetteer
) -> list[Evidence]:
    """The statements of :func:`readings_json` again, on the mentions found in the report now.

    Raises ``KeyError`` when a reading's mention, or its site, is not among ``mentions`` and
    ``gazetteer``.
    """
    at = {(m.start, m.end, m.place.id): m for m in mentions}
    statements = []
    for reading in readings:
        mention = at[reading["start"], reading["end"], reading["place"]]
        statements.append(
            Evidence(
                place=gazetteer.get(reading["site"]),
                status=Status(reading["status"]),
                date=dt.date.fromisoformat(reading["date"]) if reading["date"] else None,
                quote=reading["quote"],
                source=mention.document.path,
                document=mention.document,
                mention=mention,
                confidence=float(reading["confidence"]),
                reason=Reason(**reading["reason"]) if reading["reason"] else None,
            )
        )
    return statements


def _load(cache: ReadingCache, document: Document, gazetteer: Gazetteer) -> Found | None:
    """What was found in ``document``, as kept, or None when there is nothing to trust."""
    try:
        entry = json.loads(_entry_path(cache, document).read_text(encoding="utf-8"))
        if (entry["format"], entry["reader"], entry["context"]) != (
            _FORMAT,
            cache.reader,
            cache.context,
        ):
            return None
        lang = entry["lang"]
        if not (isinstance(lang, str) and lang):
            return None
        if not document.lang:
            document = dataclasses.replace(document, lang=lang)
        sentences = [Sentence(text, start, end) for start, end, text in entry["sentences"]]
        mentions = [
            Mention(
                gazetteer.get(place), document, document.text[start:end], start, end, sentences[at]
            )
            for start, end, place, at in entry["mentions"]
        ]
        return document, mentions, statements_from(entry["readings"], mentions, gazetteer)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None  # missing, unreadable or corrupt: read the report again


def _store(
    cache: ReadingCache, document: Document, mentions: list[Mention], statements: list[Evidence]
) -> None:
    sentences: dict[int, tuple[int, Sentence]] = {}
    for mention in mentions:
        sentences.setdefault(id(mention.sentence), (len(sentences), mention.sentence))
    entry = {
        "format": _FORMAT,
        "reader": cache.reader,
        "context": cache.context,
        "lang": document.lang,
        "sentences": [[s.start, s.end, s.text] for _, s in sentences.values()],
        "mentions": [[m.start, m.end, m.place.id, sentences[id(m.sentence)][0]] for m in mentions],
        "readings": readings_json(statements),
    }
    # A cache that cannot be written only costs the next run its parse.
    with contextlib.suppress(OSError):
        replace_file(
            _entry_path(cache, document),
            json.dumps(entry, ensure_ascii=False),
            cache.folder.parent / _SCRATCH,
        )


def _entry_path(cache: ReadingCache, document: Document) -> Path:
    return cache.folder / f"{report_key(document)}.json"


def _digest(*parts: str | bytes) -> str:
    """SHA-256 over ``parts``, each prefixed by its length so that no two lists collide."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()
