"""``missionmap summary``, run for real on the bundled seed and on a hostile report."""

from __future__ import annotations

from conftest import ParsedHTML

HOSTILE_REPORT = """---
title: "<script>window.__pwned = 1</script> | *Gao* report"
date: 2023-12-20
source: "<img src=x onerror=alert(1)>"
url: "javascript:alert(1)"
---
The MINUSMA camp in Gao was handed over to the Malian authorities on Tuesday.
"""


def test_markdown_counts_and_rows_of_the_seed(run_cli, seeded_project):
    result = run_cli("summary", cwd=seeded_project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "as of 2023-12-11" in lines[0]
    assert "| Handed over | 1 |" in lines
    assert "| Closed | 1 |" in lines
    assert "| Pending | 2 |" in lines
    assert "| **Total** | **4** |" in lines
    rows = [
        line for line in lines if line.startswith(("| Bamako", "| Gao", "| Mopti", "| Timbuktu"))
    ]
    assert [row.split(" | ")[1] for row in rows] == ["Closed", "Pending", "Handed over", "Pending"]
    assert all("UN peacekeeping mission in Mali concludes after a decade" in row for row in rows)


def test_html_is_a_table_fragment(run_cli, seeded_project):
    result = run_cli("summary", "--format", "html", "--out", "summary.html", cwd=seeded_project)
    assert result.returncode == 0, result.stderr
    assert (seeded_project / "summary.html").read_text(encoding="utf-8") == result.stdout
    table = ParsedHTML(result.stdout)
    tags = [tag for tag, _ in table.tags]
    assert tags.count("table") == 2
    assert "html" not in tags and "script" not in tags
    assert table.text[table.text.index("Pending") + 1] == "2"
    assert "Timbuktu" in table.text


def test_report_text_is_escaped_in_both_formats(run_cli, project):
    (project / "seeds" / "hostile.md").write_text(HOSTILE_REPORT, encoding="utf-8")
    html = run_cli("summary", "--format", "html", cwd=project)
    assert html.returncode == 0, html.stderr
    table = ParsedHTML(html.stdout)
    assert {tag for tag, _ in table.tags} <= {
        "section",
        "h2",
        "p",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
    }
    attributes = [name for _, found in table.tags for name in found]
    assert not any(name == "href" or name.startswith("on") for name in attributes)
    assert any("<script>window.__pwned = 1</script>" in text for text in table.text)

    markdown = run_cli("summary", cwd=project)
    assert markdown.returncode == 0, markdown.stderr
    (row,) = [line for line in markdown.stdout.splitlines() if line.startswith("| Gao")]
    assert row.count(" | ") == 4  # the title's "|" does not open a column
    assert "\\<script\\>" in row and "\\*Gao\\*" in row
    assert "javascript" not in row


def test_unknown_format_is_a_usage_error(run_cli, seeded_project):
    result = run_cli("summary", "--format", "docx", cwd=seeded_project)
    assert result.returncode == 2
    assert "'docx' is not one of 'md', 'html'" in result.stderr
