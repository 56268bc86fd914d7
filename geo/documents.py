"""Seed documents: reading them, their metadata, and their sentences.

A seed is ``seeds/*.txt`` or ``seeds/*.md`` in UTF-8. Its metadata (title, date,
source, url, lang) comes from YAML front matter at the top of the file, or from
a sidecar ``<stem>.meta.yaml`` that lets a document be kept byte for byte as it
was received.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from geo.errors import DocumentError
from geo.model import Document, Sentence

SEED_SUFFIXES = (".txt", ".md")
SIDECAR_SUFFIX = ".meta.yaml"
METADATA_KEYS = ("title", "date", "source", "url", "lang", "note")


@dataclass(frozen=True)
class Loaded:
    """The documents of a folder that could be read, and the problems of the others."""

    documents: tuple[Document, ...]
    problems: tuple[DocumentError, ...]


def seed_paths(folder: Path) -> list[Path]:
    """The seed files of a folder, in name order (sidecars excluded)."""
    return sorted(
        path for path in folder.iterdir() if path.is_file() and path.suffix.lower() in SEED_SUFFIXES
    )


def load_documents(folder: Path) -> Loaded:
    """Read every seed of ``folder``; a broken one is reported and skipped, the rest load."""
    documents, problems = [], []
    for path in seed_paths(folder):
        try:
            documents.append(read_document(path))
        except DocumentError as error:
            problems.append(error)
    return Loaded(tuple(documents), tuple(problems))


def read_document(path: Path) -> Document:
    """Read one seed and its metadata. Raises :class:`DocumentError` naming file and line."""
    raw = path.read_bytes()
    text = decode_utf8(raw, path)
    metadata, body, first_line = split_front_matter(text, path)
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if sidecar.exists():
        if metadata:
            raise DocumentError(
                "metadata given twice, in front matter and in a sidecar",
                path=sidecar,
                fix=f"keep one of the two: the front matter of {path.name} or {sidecar.name}",
            )
        metadata = parse_metadata(decode_utf8(sidecar.read_bytes(), sidecar), sidecar, 1)
    return document_from(path, body, metadata, first_line)


def decode_utf8(raw: bytes, path: Path) -> str:
    """Decode UTF-8 (a byte-order mark is fine); name the line of the first bad byte."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DocumentError(
            "not UTF-8 text",
            path=path,
            line=line,
            value=raw[exc.start : exc.start + 4],
            fix="save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)",
        ) from None
    return text.removeprefix("\ufeff")


_FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*\r?\n")
_FRONT_MATTER_CLOSE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)


def split_front_matter(text: str, path: Path) -> tuple[dict, str, int]:
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
            path=path,
            line=1,
            fix="end the metadata block with a line holding only ---",
        )
    block = text[opening.end() : closing.start()]
    metadata = parse_metadata(block, path, 2)
    body_start = closing.end() + 1 if closing.end() < len(text) else closing.end()
    return metadata, text[body_start:], text[:body_start].count("\n") + 1


def parse_metadata(block: str, path: Path, first_line: int) -> dict:
    """Parse and validate a metadata block; ``first_line`` is its line in the file."""
    try:
        metadata = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DocumentError(
            "metadata is not valid YAML",
            path=path,
            line=first_line + (mark.line if mark else 0),
            fix="write one 'key: value' per line, quoting values that hold a colon",
        ) from None
    if metadata is None:
        return {}
    if not isinstance(metadata, dict):
        raise DocumentError(
            "metadata must be 'key: value' lines",
            path=path,
            line=first_line,
            fix="write one 'key: value' per line: " + ", ".join(METADATA_KEYS),
        )
    lines = block.splitlines()
    for key, value in metadata.items():
        line = first_line + _line_of_key(lines, str(key))
        if key not in METADATA_KEYS:
            raise DocumentError(
                "unknown metadata key",
                path=path,
                line=line,
                value=key,
                fix="use only " + ", ".join(METADATA_KEYS),
            )
        if key == "date":
            metadata[key] = parse_date(value, path, line)
        elif value is not None and not isinstance(value, str | int | float):
            raise DocumentError(
                f"metadata '{key}' must be text",
                path=path,
                line=line,
                value=value,
                fix=f"write {key}: followed by plain text",
            )
    return metadata


def _line_of_key(lines: list[str], key: str) -> int:
    for number, line in enumerate(lines):
        if line.startswith(f"{key}:"):
            return number
    return 0


def parse_date(value: object, path: Path, line: int) -> dt.date | None:
    """A metadata date: an ISO 8601 day (YAML may already have read it as a date)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise DocumentError(
            "invalid date",
            path=path,
            line=line,
            value=str(value),
            fix="write the day as YYYY-MM-DD, e.g. date: 2023-12-11",
        ) from None


def document_from(path: Path, body: str, metadata: dict, first_line: int) -> Document:
    def text_of(key: str) -> str | None:
        value = metadata.get(key)
        return None if value is None else str(value).strip() or None

    return Document(
        path=display_path(path),
        text=body,
        title=text_of("title"),
        date=metadata.get("date"),
        source=text_of("source"),
        url=text_of("url"),
        lang=text_of("lang") or "en",
        first_line=first_line,
    )


def display_path(path: Path) -> str:
    """The path as users see it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "st",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "vs",
        "etc",
        "approx",
        "dept",
        "gov",
        "sen",
        "rep",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "fig",
        "al",
    ]
)
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)")
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n|\n[ \t]*(?=[-*•]\s|\d+[.)]\s)")


def sentences(text: str) -> list[Sentence]:
    """Split a text into sentences with their offsets.

    Paragraph breaks and bullet items always end a sentence; a full stop does
    unless it follows an abbreviation ("Dec.", "Mr.") or an initialism ("U.N.")
    and the next word starts in lower case or with a digit.

    >>> [s.text for s in sentences("The U.N. left Gao on Dec. 1. Mopti is next.")]
    ['The U.N. left Gao on Dec. 1.', 'Mopti is next.']
    """
    return [s for start, end in _blocks(text) for s in _split_block(text, start, end)]


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for brk in _BLOCK_BREAK.finditer(text):
        yield start, brk.start()
        start = brk.end()
    yield start, len(text)


def _split_block(text: str, start: int, end: int) -> Iterator[Sentence]:
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _is_abbreviation(text, begin, match):
            continue
        yield from _sentence(text, begin, match.end())
        begin = match.end()
    yield from _sentence(text, begin, end)


def _is_abbreviation(text: str, begin: int, match: re.Match) -> bool:
    if match.group() != ".":
        return False
    word = re.search(r"([\w.]+)$", text[begin : match.start()])
    if not word:
        return False
    token = word.group(1)
    following = text[match.end() :].lstrip()[:1]
    next_continues = following == "" or following.islower() or following.isdigit()
    if token.lower() in ABBREVIATIONS:
        return next_continues or token.lower() in {"mr", "mrs", "ms", "dr", "gen", "prof"}
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):  # U.N, U.S
        return next_continues
    return False


def _sentence(text: str, start: int, end: int) -> Iterator[Sentence]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    begin = start + lead
    # A bullet marker is layout, not part of the sentence.
    bullet = re.match(r"(?:[-*•]|\d+[.)])\s+", stripped)
    if bullet:
        begin += bullet.end()
        stripped = stripped[bullet.end() :]
    yield Sentence(" ".join(stripped.split()), begin, begin + len(stripped))
