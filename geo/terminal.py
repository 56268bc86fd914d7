"""Text from outside shown safely: on a terminal, in one line, at a readable length.

A report's text, its title or its file name may hold control characters: an escape
sequence that retitles the window or clears the screen, a newline that forges a
line of output, a right-to-left override that reorders what follows. Whatever
missionmap prints that came from a file goes through :func:`visible` first.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, the Unicode line and paragraph separators, the bidirectional
# embeddings, overrides and isolates, and lone surrogates (the bytes of a file name that
# is not UTF-8, as Python's surrogateescape keeps them).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# json.dumps has escaped every C0 control inside strings: those left are the layout's.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
ELLIPSIS = "…"


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    character = match.group()
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control, bidirectional-override or undecodable character written
    out as an escape, so that printing it can only ever print it.

    >>> visible("Gao\\x1b]0;owned\\x07 camp\\nforged line")
    'Gao\\\\x1b]0;owned\\\\x07 camp\\\\nforged line'
    >>> visible("report\\udcff.txt"), visible("Tombouctou – “fermé”")
    ('report\\\\xff.txt', 'Tombouctou – “fermé”')
    """
    return _UNSAFE.sub(_escape, text)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, an ellipsis marking the cut.

    >>> shorten("Timbuktu", 20), shorten("Timbuktu", 5)
    ('Timbuktu', 'Timb…')
    """
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def safe_json_text(text: str) -> str:
    """JSON text with the characters :func:`visible` escapes written as ``\\uXXXX`` too.

    ``json.dumps(..., ensure_ascii=False)`` escapes C0 controls but leaves DEL, the C1
    controls (U+009B starts an escape sequence on some terminals), the bidirectional
    overrides and lone surrogates as they are; inside a JSON string their ``\\u`` form
    means the same.

    >>> import json
    >>> safe_json_text(json.dumps({"t": "a\\x9b2J\\u202eb\\udcff\\x1b"}, ensure_ascii=False, indent=1))
    '{\\n "t": "a\\\\u009b2J\\\\u202eb\\\\udcff\\\\u001b"\\n}'
    """
    return _UNSAFE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
