"""Readings kept on disk, so that a run parses only the reports that are new or changed.

What the reader read in a report is kept as plain JSON in
``<project>/.missionmap-cache/readings/<report key>.json``. The report key is a
hash of all the reader reads of a report -- its text, date, language and title,
never its path, so a renamed report still hits. Each entry also names the
reader that wrote it (a hash of the reader's code and lexicons and of the
versions of spaCy and its pipelines) and the context it was read in (the
mission's countries and names, the gazetteer's places): an entry of another
reader or context is read again and replaced. A missing, unreadable or corrupt
entry is read again too, never an error, and a cache that cannot be written is
skipped: the folder may be deleted at any time.

On a hit, the statements are rebuilt on the mentions that
:func:`geo.extract.find_mentions` finds today, matched by offsets and place.
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

from geo.files import write_atomically
from geo.gazetteer import Gazetteer
from geo.language import lexicon_languages
from geo.model import Document, Evidence, Mention, Reason, Status
from geo.project import PACKAGE_DIR
from geo.reading.parse import model_version
from geo.reading.reader import Context, read_statements

# Bumped when the layout of an entry changes: entries of another format are read again.
_FORMAT = 1


@dataclasses.dataclass(frozen=True)
class ReadingCache:
    """A folder of entries, and the reader and context an entry must have been written by."""

    folder: Path
    reader: str
    context: str


def open_cache(folder: Path, context: Context, gazetteer: Gazetteer) -> ReadingCache:
    """The cache in ``folder`` (created on first write) for this reader, mission and gazetteer."""
    return ReadingCache(
        folder / "readings", reader_fingerprint(), context_fingerprint(context, gazetteer)
    )


def read_cached(
    found: Sequence[tuple[Document, Sequence[Mention]]], context: Context, cache: ReadingCache
) -> list[Evidence]:
    """What ``read_statements`` says of each report and its mentions, in the same order.

    Only the reports the cache does not hold are parsed (together, in one
    batch), and their readings are kept for the next run.
    """
    kept = [_load(cache, document, mentions) for document, mentions in found]
    missed = [pair for pair, statements in zip(found, kept, strict=True) if statements is None]
    fresh: dict[int, list[Evidence]] = {id(document): [] for document, _ in missed}
    for statement in read_statements((m for _, mentions in missed for m in mentions), context):
        fresh[id(statement.document)].append(statement)
    for document, _ in missed:
        _store(cache, document, fresh[id(document)])
    return [
        statement
        for (document, _), statements in zip(found, kept, strict=True)
        for statement in (fresh[id(document)] if statements is None else statements)
    ]


def report_key(document: Document) -> str:
    """The hash of what the reader reads of a report: text, date, language and title.

    >>> a = Document(path="seeds/a.txt", text="Gao was handed over.", date=dt.date(2023, 12, 11))
    >>> report_key(a) == report_key(dataclasses.replace(a, path="seeds/renamed.md"))
    True
    >>> report_key(a) == report_key(dataclasses.replace(a, date=None))
    False
    """
    date = document.date.isoformat() if document.date else None
    return _digest(json.dumps([document.text, date, document.lang, document.title]))


def reader_fingerprint(package: Path = PACKAGE_DIR) -> str:
    """The hash of what decides a reading, besides the report and the mission.

    The bytes of the reader (``geo/reading/*.py`` but this module), of the
    lexicons, of the sentence splitter and the name finder, and the versions of
    spaCy and of the pipelines that would read each language.
    """
    sources = sorted(p for p in package.glob("reading/*.py") if p.name != "cache.py")
    sources += sorted(package.glob("reading/*.json"))  # the confidence model's weights
    sources += sorted(package.glob("lexicons/*.yaml"))
    sources += [package / "extract.py", package / "documents.py"]
    parts: list[str | bytes] = []
    for path in sources:
        parts += [path.relative_to(package).as_posix(), path.read_bytes()]
    parts += [metadata.version("spacy"), *(model_version(lang) for lang in lexicon_languages())]
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
            "place": s.place.id,
            "status": s.status.value,
            "date": s.date.isoformat() if s.date else None,
            "quote": s.quote,
            "confidence": s.confidence,
            "reason": dataclasses.asdict(s.reason) if s.reason else None,
        }
        for s in statements
    ]


def statements_from(readings: Iterable[dict], mentions: Iterable[Mention]) -> list[Evidence]:
    """The statements of :func:`readings_json` again, on the mentions found in the report now.

    Raises ``KeyError`` when a reading's mention is not among ``mentions``.
    """
    at = {(m.start, m.end, m.place.id): m for m in mentions}
    statements = []
    for reading in readings:
        mention = at[reading["start"], reading["end"], reading["place"]]
        statements.append(
            Evidence(
                place=mention.place,
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


def _load(
    cache: ReadingCache, document: Document, mentions: Sequence[Mention]
) -> list[Evidence] | None:
    """The kept statements of ``document``, or None when there are none to trust."""
    try:
        entry = json.loads(_entry_path(cache, document).read_text(encoding="utf-8"))
        if (entry["format"], entry["reader"], entry["context"]) != (
            _FORMAT,
            cache.reader,
            cache.context,
        ):
            return None
        return statements_from(entry["readings"], mentions)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing, unreadable or corrupt: read the report again


def _store(cache: ReadingCache, document: Document, statements: list[Evidence]) -> None:
    entry = {
        "format": _FORMAT,
        "reader": cache.reader,
        "context": cache.context,
        "readings": readings_json(statements),
    }
    # A cache that cannot be written only costs the next run its parse.
    with contextlib.suppress(OSError):
        write_atomically(_entry_path(cache, document), json.dumps(entry, ensure_ascii=False))


def _entry_path(cache: ReadingCache, document: Document) -> Path:
    return cache.folder / f"{report_key(document)}.json"


def _digest(*parts: str | bytes) -> str:
    """SHA-256 over ``parts``, each prefixed by its length so that no two lists collide."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()
