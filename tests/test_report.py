"""The summary table and the embed snippet that go into a report's body."""

from __future__ import annotations

import datetime as dt

import pytest
from test_export import HOSTILE, MISSION, SEED_SITES, confirmed_as, fixture_sites, make_site

from geo.errors import InvalidValueError
from geo.model import Confirmation, Status
from geo.report import embed_snippet, summary_html, summary_markdown


def test_summary_markdown_counts_and_rows():
    text = summary_markdown(fixture_sites(SEED_SITES), MISSION, dt.date(2023, 12, 11))
    assert "as of 2023-12-11" in text
    assert "| Handed over | 1 |" in text and "| Closed | 1 |" in text and "| Pending | 2 |" in text
    assert "| **Total** | **4** |" in text
    assert (
        "| Mopti | Handed over | read by machine, confidence 1.00 | 2023-12-11 | "
        "[The mission leaves (Example Wire)](<https://example.org/story>) |"
    ) in text


def test_summary_markdown_escapes_report_text():
    site = make_site("Gao", "1", 16.27, -0.04, Status.CLOSED, document=HOSTILE)
    (row,) = [
        line for line in summary_markdown((site,), MISSION, None).splitlines() if "Gao" in line
    ]
    assert row.count(" | ") == 4  # five cells: the title's "|" is not a column break
    assert "\\<script\\>" in row and "<script>" not in row.replace("\\<", "").replace("\\>", "")
    assert "javascript:" not in row


def test_embed_snippet_escapes_the_title_and_refuses_script_urls():
    snippet = embed_snippet("maps/m.html", 'A "map" <b>')
    assert 'title="A &quot;map&quot; &lt;b&gt;"' in snippet
    assert snippet.count("<") == 2  # <iframe ...></iframe> and nothing else
    for address in ("javascript:alert(1)", "data:text/html,<script>", "  "):
        with pytest.raises(InvalidValueError):
            embed_snippet(address, "t")


def test_summary_html_escapes_report_text_and_links_only_web_addresses():
    site = make_site("Gao", "1", 16.27, -0.04, Status.CLOSED, document=HOSTILE)
    table = summary_html((site,), MISSION, None)
    assert "<script" not in table.lower()
    assert "javascript:" not in table
    assert "&lt;script&gt;" in table


def test_summary_says_in_words_how_far_a_person_stands_behind_each_status():
    bamako, gao, mopti, timbuktu = fixture_sites(SEED_SITES)
    sites = (
        confirmed_as(bamako, Confirmation.CONFIRMED, 0.8),
        confirmed_as(gao, Confirmation.UNCONFIRMED, 0.41),
        mopti,
        confirmed_as(timbuktu, Confirmation.READ, 0.93),
    )
    rows = [
        line.split(" | ")[2] for line in summary_markdown(sites, MISSION, None).splitlines()[-4:]
    ]
    assert rows == [
        "confirmed by a person",
        "unconfirmed: read by machine, confidence 0.41; not checked by a person",
        "read by machine, confidence 1.00",
        "read by machine, confidence 0.93",
    ]
    table = summary_html(sites, MISSION, None)
    assert '<th scope="col">Confirmation</th>' in table
    assert (
        "<td>unconfirmed: read by machine, confidence 0.41; not checked by a person</td>" in table
    )
