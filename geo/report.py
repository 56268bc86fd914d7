"""What goes into a report's body: a summary table of the sites, and an embed snippet.

Both are plain text built from the merged sites; every text from a document is
escaped for the format it lands in.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable
from urllib.parse import quote, urlsplit

from geo.attribution import web_url
from geo.errors import InvalidValueError
from geo.model import Confirmation, Mission, Site, Status
from geo.style import STATUS_STYLES

EMBED_STYLE = (
    "display:block;width:100%;height:auto;aspect-ratio:3/2;"
    "min-height:320px;max-height:90vh;border:0"
)

# Characters a URL keeps as they are in a Markdown link; the rest are %-encoded.
URL_SAFE = ":/?#[]@!$&'*+,;=%~"


def as_of_text(as_of: dt.date | None) -> str:
    """How current the outputs are.

    >>> as_of_text(dt.date(2023, 12, 11)), as_of_text(None)
    ('as of 2023-12-11', 'as of an unknown date')
    """
    return f"as of {as_of.isoformat()}" if as_of else "as of an unknown date"


def plural(count: int, noun: str) -> str:
    """A count with its noun, in the plural unless it is one.

    >>> plural(1, "site"), plural(4, "report")
    ('1 site', '4 reports')
    """
    return f"{count} {noun}{'' if count == 1 else 's'}"


# --- embedding -----------------------------------------------------------------------


def check_embed_src(src: str) -> str:
    """The iframe address if it is an http(s) URL or a relative path; else an error.

    >>> check_embed_src("https://example.org/maps/minusma.html")
    'https://example.org/maps/minusma.html'
    >>> check_embed_src("javascript:alert(1)")
    Traceback (most recent call last):
    ...
    geo.errors.InvalidValueError: not an address an iframe may load: 'javascript:alert(1)'. Fix: give an http(s) URL or a relative path such as maps/minusma.html.
    """
    text = src.strip()
    scheme = urlsplit(text).scheme.lower()
    if not text or scheme not in ("", "http", "https") or any(ord(c) < 32 for c in text):
        raise InvalidValueError(
            "not an address an iframe may load",
            value=src,
            fix="give an http(s) URL or a relative path such as maps/minusma.html",
        )
    return text


def embed_snippet(src: str, title: str) -> str:
    """An ``<iframe>`` for a CMS or report: full width, a height that follows the width.

    The title names the map for screen readers; nothing in it is a script.

    >>> print(embed_snippet("maps/m.html", 'Sites "north" & south'))
    <iframe src="maps/m.html" title="Sites &quot;north&quot; &amp; south" width="100%" height="420" loading="lazy" style="display:block;width:100%;height:auto;aspect-ratio:3/2;min-height:320px;max-height:90vh;border:0"></iframe>
    """
    attributes = {
        "src": check_embed_src(src),
        "title": title,
        "width": "100%",
        "height": "420",  # for a CMS that strips the style attribute
        "loading": "lazy",
        "style": EMBED_STYLE,
    }
    rendered = " ".join(
        f'{name}="{html.escape(value, quote=True)}"' for name, value in attributes.items()
    )
    return f"<iframe {rendered}></iframe>"


# --- the summary table -----------------------------------------------------------------


def status_counts(sites: Iterable[Site]) -> dict[Status, int]:
    """How many sites have each status, every status listed, in legend order."""
    statuses = [site.status for site in sites]
    return {status: statuses.count(status) for status in STATUS_STYLES}


def confirmation_text(site: Site) -> str:
    """How far a person stands behind a site's status, in words, and whether reports clash.

    >>> from geo.model import Evidence, Place
    >>> place = Place("1", "Gao", 16.27, -0.04, "ML", "P", "PPL")
    >>> read = Evidence(place, Status.CLOSED, None, "Closed.", "seeds/a.txt", confidence=0.41,
    ...                 confirmation=Confirmation.UNCONFIRMED)
    >>> confirmation_text(Site(place, Status.CLOSED, read))
    'unconfirmed: read by machine, confidence 0.41; not checked by a person'
    """
    evidence = site.evidence
    if site.confirmation is Confirmation.CONFIRMED:
        text = "confirmed by a person"
    elif site.confirmation is Confirmation.READ:
        text = f"read by machine, confidence {evidence.confidence:.2f}"
    else:
        text = (
            f"unconfirmed: read by machine, confidence {evidence.confidence:.2f};"
            " not checked by a person"
        )
    if site.same_day_conflicts:
        text += "; conflicting reports"
    return text


def source_label(site: Site) -> str:
    """Where a site's status comes from: the report's title and publisher, or the manual entry."""
    document = site.evidence.document
    if document is None or not document.title:
        return site.evidence.source
    if document.source:
        return f"{document.title} ({document.source})"
    return document.title


def markdown_text(text: str) -> str:
    r"""Text for a Markdown table cell: shown as written, never as markup or a column break.

    >>> markdown_text("a | b <script> *c*\nd")
    'a \\| b \\<script\\> \\*c\\* d'
    """
    flat = " ".join(text.split())
    return "".join("\\" + c if c in "\\`*_[]<>|~&!#" else c for c in flat)


def markdown_link(text: str, url: str) -> str:
    return f"[{text}](<{quote(url, safe=URL_SAFE)}>)"


def html_link(text: str, url: str) -> str:
    return f'<a href="{html.escape(url, quote=True)}">{text}</a>'


def summary_cells(
    sites: Iterable[Site], escape: Callable[[str], str], link: Callable[[str, str], str]
) -> tuple[list[tuple[str, str]], list[tuple[str, ...]]]:
    """The cells of both tables, escaped: (status, count) rows, then one row per site.

    A site's source is linked when its report has an http(s) URL.
    """
    sites = tuple(sites)
    counts = [(STATUS_STYLES[s].label, str(n)) for s, n in status_counts(sites).items()]
    rows = []
    for site in sites:
        source = escape(source_label(site))
        document = site.evidence.document
        url = web_url(document.url if document else None)
        rows.append(
            (
                escape(site.place.name),
                STATUS_STYLES[site.status].label,
                confirmation_text(site),
                site.evidence.date.isoformat() if site.evidence.date else "undated",
                link(source, url) if url else source,
            )
        )
    return counts, rows


def summary_markdown(sites: tuple[Site, ...], mission: Mission, as_of: dt.date | None) -> str:
    """Counts per status, then one row per site, as Markdown.

    Each row gives the status, how far a person stands behind it
    (:func:`confirmation_text`), its date and its source.
    """
    counts, rows = summary_cells(sites, markdown_text, markdown_link)
    lines = [
        f"**{markdown_text(mission.title)}** — {plural(len(sites), 'site')}, {as_of_text(as_of)}",
        "",
        "| Status | Sites |",
        "|---|---:|",
        *(f"| {label} | {count} |" for label, count in counts),
        f"| **Total** | **{len(sites)}** |",
        "",
        "| Site | Status | Confirmation | Date | Source |",
        "|---|---|---|---|---|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
    return "\n".join(lines) + "\n"


def html_row(cells: Iterable[str]) -> str:
    """A table row whose first cell heads it."""
    first, *rest = cells
    return f'<tr><th scope="row">{first}</th>' + "".join(f"<td>{c}</td>" for c in rest) + "</tr>"


def html_head(*names: str) -> str:
    return "<thead><tr>" + "".join(f'<th scope="col">{n}</th>' for n in names) + "</tr></thead>"


def summary_html(sites: tuple[Site, ...], mission: Mission, as_of: dt.date | None) -> str:
    """The same tables as :func:`summary_markdown`, as an HTML fragment; every text escaped."""
    counts, rows = summary_cells(sites, html.escape, html_link)
    lines = [
        '<section class="missionmap-summary">',
        f"<h2>{html.escape(mission.title)}</h2>",
        f"<p>{plural(len(sites), 'site')}, {as_of_text(as_of)}.</p>",
        "<table>",
        html_head("Status", "Sites"),
        "<tbody>",
        *(html_row(row) for row in counts),
        "</tbody>",
        "<tfoot>" + html_row(("Total", str(len(sites)))) + "</tfoot>",
        "</table>",
        "<table>",
        html_head("Site", "Status", "Confirmation", "Date", "Source"),
        "<tbody>",
        *(html_row(row) for row in rows),
        "</tbody>",
        "</table>",
        "</section>",
    ]
    return "\n".join(lines) + "\n"
