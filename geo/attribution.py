"""The sources every output credits, and which of their addresses may become links.

``data/attribution.yaml`` lists the data the project bundles (GeoNames, Natural
Earth, ...); the map page, the static maps and the summaries all credit them
from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from geo.errors import DataError
from geo.inputs import decode_text, parse_yaml, read_limited, shown_path

ATTRIBUTION_MAX_BYTES = 64 * 1024


@dataclass(frozen=True)
class Attribution:
    """A data source the outputs must credit, from ``data/attribution.yaml``."""

    name: str
    text: str
    url: str
    licence: str

    @property
    def credit(self) -> str:
        """The text, with the licence when the text does not already say it.

        >>> Attribution("GeoNames", "Places: GeoNames", "https://www.geonames.org/", "CC BY 4.0").credit
        'Places: GeoNames (CC BY 4.0)'
        """
        name = self.licence.split(" (")[0].strip().lower()
        if name and name not in self.text.lower():
            return f"{self.text} ({self.licence})"
        return self.text


def load_attribution(path: Path) -> tuple[Attribution, ...]:
    """Read the attribution file: a YAML list of ``{name, text, url, licence}``."""
    keys = ("name", "text", "url", "licence")
    fix = "write it as a list of entries, each with " + ", ".join(keys)
    text = decode_text(read_limited(path, ATTRIBUTION_MAX_BYTES), path)
    path = shown_path(path)
    raw = parse_yaml(text, path, what="the attribution file", fix=fix)
    if not isinstance(raw, list):
        raise DataError("the attribution file must be a list", path=path, fix=fix)
    entries = []
    for number, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict):
            raise DataError(f"attribution entry {number} is not a mapping", path=path, fix=fix)
        missing = [key for key in ("name", "text") if not str(entry.get(key) or "").strip()]
        if missing:
            raise DataError(
                f"attribution entry {number} lacks keys",
                path=path,
                value=", ".join(missing),
                fix=fix,
            )
        entries.append(Attribution(*(str(entry.get(key) or "").strip() for key in keys)))
    return tuple(entries)


def web_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address, else None: no other scheme becomes a link.

    >>> web_url("https://example.org/story"), web_url("javascript:alert(1)")
    ('https://example.org/story', None)
    """
    url = (url or "").strip()
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None
