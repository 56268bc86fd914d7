"""The reading cache: a second run parses nothing, and nothing stale is ever used.

Real projects in a temporary folder and the real reader. What spaCy is asked to
parse is counted by a wrapper around the real ``geo.reading.parse.parse``.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO
from sentence_sets import group_file

import geo.documents
import geo.extract
import geo.language
from geo.cli import main
from geo.extract import find_mentions
from geo.model import Document
from geo.pipeline import run
from geo.project import PACKAGE_DIR, bundled_data_dir, open_project
from geo.reading import read_statements
from geo.reading.cache import reader_fingerprint, readings_json, statements_from

MENAKA = "MINUSMA handed over its camp in Ménaka to the Malian authorities on Friday."
TESSALIT_PLANNED = "The mission will leave its camp in Tessalit next week."
TESSALIT_LEFT = "Peacekeepers left the Tessalit camp on Saturday."
GAO_IN_FRENCH = "La MINUSMA a remis son camp de Gao aux autorités maliennes vendredi."


def write_report(project: Path, name: str, text: str, date: str) -> Path:
    path = project / "seeds" / name
    path.write_text(f"---\ndate: {date}\n---\n{text}\n", encoding="utf-8")
    return path


def statuses(project: Path) -> dict[str, str]:
    result = run(open_project(project / "seeds", project / "data"))
    return {s.place.name: s.status.value for s in result.merged.sites}


def entries(project: Path) -> list[Path]:
    return sorted((project / ".missionmap-cache" / "readings").glob("*.json"))


@pytest.fixture
def two_reports(project: Path) -> Path:
    write_report(project, "menaka.md", MENAKA, "2023-08-28")
    write_report(project, "tessalit.md", TESSALIT_PLANNED, "2023-10-20")
    return project


@pytest.fixture
def finding(monkeypatch) -> Counter:
    """How often the place finder and the language detector run from now on: each counted
    around the real one, wherever the code of geo calls it from."""
    calls: Counter = Counter()
    for home, name in ((geo.extract, "find_mentions"), (geo.language, "detect_language")):
        real = getattr(home, name)

        def counting(*args, real=real, name=name):
            calls[name] += 1
            return real(*args)

        callers = [
            module
            for module_name, module in list(sys.modules.items())
            if module_name.startswith("geo") and getattr(module, name, None) is real
        ]
        for module in callers:
            monkeypatch.setattr(module, name, counting)
    return calls


def test_a_second_run_parses_nothing_and_reads_the_same(two_reports, parsed):
    first = statuses(two_reports)
    assert parsed, "the first run parses the reports"
    assert len(entries(two_reports)) == 2
    parsed.clear()
    assert statuses(two_reports) == first == {"Ménaka": "handed over", "Tessalit": "pending"}
    assert parsed == []


def test_kept_statements_equal_fresh_ones_to_the_last_field(seeded_project):
    project = open_project(seeded_project / "seeds", seeded_project / "data")
    run(project)
    kept = run(project).statements
    fresh = run(project, cache=False).statements
    assert kept == fresh
    assert [s.reason for s in kept] == [s.reason for s in fresh]
    assert [s.confidence for s in kept] == [s.confidence for s in fresh]


def test_a_warm_build_draws_the_same_map_without_finding_places_or_languages_again(
    two_reports, finding, monkeypatch
):
    write_report(two_reports, "gao.md", GAO_IN_FRENCH, "2023-12-11")
    invoke(two_reports, monkeypatch, "build")
    cold = (two_reports / "maps" / "minusma.html").read_bytes()
    assert finding == {"find_mentions": 3, "detect_language": 3}
    finding.clear()
    invoke(two_reports, monkeypatch, "build")
    assert (two_reports / "maps" / "minusma.html").read_bytes() == cold
    assert finding == {}, "a report in the cache is neither searched nor detected again"
    invoke(two_reports, monkeypatch, "build", "--no-cache")
    assert (two_reports / "maps" / "minusma.html").read_bytes() == cold


def test_a_warm_extract_shows_the_language_each_report_was_read_in(
    two_reports, finding, monkeypatch
):
    write_report(two_reports, "gao.md", GAO_IN_FRENCH, "2023-12-11")
    cold = json.loads(invoke(two_reports, monkeypatch, "extract", "--json").stdout)
    finding.clear()
    warm = json.loads(invoke(two_reports, monkeypatch, "extract", "--json").stdout)
    assert warm == cold
    assert finding == {}
    assert {r["document"]: (r["language"], r["language_detected"]) for r in warm["reports"]} == {
        "seeds/gao.md": ("fr", True),
        "seeds/menaka.md": ("en", True),
        "seeds/tessalit.md": ("en", True),
    }


def test_an_entry_of_the_earlier_format_is_read_again_and_rewritten(two_reports, parsed):
    statuses(two_reports)
    for entry in entries(two_reports):
        kept = json.loads(entry.read_text(encoding="utf-8"))
        # What the first format held: only the statements, to be matched to the names found anew.
        earlier = {key: kept[key] for key in ("reader", "context", "readings")}
        entry.write_text(json.dumps({"format": 1, **earlier}), encoding="utf-8")
    parsed.clear()
    assert statuses(two_reports) == {"Ménaka": "handed over", "Tessalit": "pending"}
    assert len(parsed) == 2
    assert all(
        json.loads(entry.read_text(encoding="utf-8"))["mentions"] for entry in entries(two_reports)
    )
    parsed.clear()
    statuses(two_reports)
    assert parsed == []


def test_only_a_changed_report_is_read_again(two_reports, parsed):
    statuses(two_reports)
    parsed.clear()
    write_report(two_reports, "tessalit.md", TESSALIT_LEFT, "2023-10-22")
    assert statuses(two_reports) == {"Ménaka": "handed over", "Tessalit": "closed"}
    assert parsed and all(text.strip() in TESSALIT_LEFT for text in parsed)


def test_a_changed_date_is_a_changed_report(two_reports, parsed):
    statuses(two_reports)
    parsed.clear()
    write_report(two_reports, "menaka.md", MENAKA, "2023-09-04")
    result = run(open_project(two_reports / "seeds", two_reports / "data"))
    assert [text.strip() for text in parsed] == [MENAKA]
    assert {s.place.name: s.date.isoformat() for s in result.statements}["Ménaka"] == "2023-09-01"


def test_a_renamed_report_still_hits(two_reports, parsed):
    statuses(two_reports)
    parsed.clear()
    (two_reports / "seeds" / "tessalit.md").rename(two_reports / "seeds" / "renamed.md")
    result = run(open_project(two_reports / "seeds", two_reports / "data"))
    assert parsed == []
    sources = {s.place.name: Path(s.source).name for s in result.statements}
    assert sources == {"Ménaka": "menaka.md", "Tessalit": "renamed.md"}


@pytest.mark.parametrize(
    "damage",
    [
        "{not json",
        "",
        "[]",
        '{"format": 1}',
        "\xff\xfe",
    ],
    ids=["broken", "empty", "a list", "no readings", "not utf-8"],
)
def test_a_corrupt_entry_is_read_again_and_rewritten(two_reports, parsed, damage):
    statuses(two_reports)
    for entry in entries(two_reports):
        entry.write_bytes(damage.encode("latin-1"))
    parsed.clear()
    assert statuses(two_reports) == {"Ménaka": "handed over", "Tessalit": "pending"}
    assert parsed, "the damaged entries are read again"
    assert all(
        json.loads(entry.read_text(encoding="utf-8"))["readings"] for entry in entries(two_reports)
    )
    parsed.clear()
    statuses(two_reports)
    assert parsed == []


def test_an_entry_whose_mention_is_gone_is_read_again(two_reports, parsed):
    statuses(two_reports)
    for entry in entries(two_reports):
        kept = json.loads(entry.read_text(encoding="utf-8"))
        kept["readings"][0]["start"] += 1
        entry.write_text(json.dumps(kept), encoding="utf-8")
    parsed.clear()
    assert statuses(two_reports) == {"Ménaka": "handed over", "Tessalit": "pending"}
    assert len(parsed) == 2


def test_an_entry_written_by_another_reader_is_read_again(two_reports, parsed):
    statuses(two_reports)
    current = reader_fingerprint()
    for entry in entries(two_reports):
        kept = json.loads(entry.read_text(encoding="utf-8"))
        kept["reader"] = "an older reader"
        kept["readings"] = []  # which said nothing
        entry.write_text(json.dumps(kept), encoding="utf-8")
    parsed.clear()
    assert statuses(two_reports) == {"Ménaka": "handed over", "Tessalit": "pending"}
    assert len(parsed) == 2
    assert {json.loads(e.read_text(encoding="utf-8"))["reader"] for e in entries(two_reports)} == {
        current
    }


def test_the_reader_fingerprint_follows_the_reader_its_lexicons_and_the_splitter(tmp_path):
    package = tmp_path / "geo"
    shutil.copytree(PACKAGE_DIR / "reading", package / "reading")
    shutil.copytree(PACKAGE_DIR / "lexicons", package / "lexicons")
    for name in ("extract.py", "documents.py", "gazetteer.py", "language.py", "render.py"):
        shutil.copy(PACKAGE_DIR / name, package / name)
    original = reader_fingerprint(package)
    assert original == reader_fingerprint(PACKAGE_DIR)

    def touched(relative: str) -> str:
        path = package / relative
        before = path.read_bytes()
        path.write_bytes(before + b"\n# edited\n")
        try:
            return reader_fingerprint(package)
        finally:
            path.write_bytes(before)

    for relative in (
        "lexicons/en.yaml",
        "lexicons/fr.yaml",
        "reading/reader.py",
        "extract.py",
        "gazetteer.py",
        "language.py",
    ):
        assert touched(relative) != original, relative
    for relative in ("reading/cache.py", "render.py"):
        assert touched(relative) == original, relative
    (package / "lexicons" / "de.yaml").write_text("lang: de\n", encoding="utf-8")
    assert reader_fingerprint(package) != original


def test_another_name_of_the_mission_reads_again(two_reports, parsed):
    statuses(two_reports)
    (two_reports / "data").mkdir()
    mission = (bundled_data_dir() / "mission.yaml").read_text(encoding="utf-8")
    (two_reports / "data" / "mission.yaml").write_text(
        mission + "  - Blue Helmets of Mali\n", encoding="utf-8"
    )
    parsed.clear()
    statuses(two_reports)
    assert len(parsed) == 2


def test_a_killed_runs_half_written_entry_is_cleared_away_by_the_next_run(two_reports, parsed):
    statuses(two_reports)
    scratch = two_reports / ".missionmap-cache" / "writing"
    assert list(scratch.iterdir()) == []
    leftover = scratch / "999999999-k2j4_x9a.tmp"  # no process has so high a number
    leftover.write_text('{"format": 2, "readings": [', encoding="utf-8")
    parsed.clear()
    assert statuses(two_reports) == {"Ménaka": "handed over", "Tessalit": "pending"}
    assert parsed == []
    assert not leftover.exists()


def test_a_cache_that_cannot_be_written_is_no_error(two_reports, parsed):
    (two_reports / ".missionmap-cache").write_text("a file in the way\n", encoding="utf-8")
    assert statuses(two_reports) == {"Ménaka": "handed over", "Tessalit": "pending"}
    parsed.clear()
    assert statuses(two_reports) == {"Ménaka": "handed over", "Tessalit": "pending"}
    assert len(parsed) == 2


def invoke(project: Path, monkeypatch, *args: str):
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result


def test_no_cache_neither_reads_nor_writes_the_cache(two_reports, parsed, monkeypatch):
    invoke(two_reports, monkeypatch, "build", "--no-cache")
    assert not (two_reports / ".missionmap-cache").exists()
    invoke(two_reports, monkeypatch, "build")
    assert len(entries(two_reports)) == 2
    parsed.clear()
    invoke(two_reports, monkeypatch, "extract", "--no-cache")
    assert len(parsed) == 2
    parsed.clear()
    invoke(two_reports, monkeypatch, "extract")
    assert parsed == []


def test_the_cache_is_in_the_project_folder_and_ignored_by_git(seeded_project, monkeypatch):
    invoke(seeded_project, monkeypatch, "build")
    assert len(entries(seeded_project)) == 1
    assert ".missionmap-cache/" in (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_a_statement_on_the_installation_a_town_names_is_kept_whole():
    # "the RAF left Salalah" is about RAF Salalah, but its mention is of Salalah: an entry
    # keeps both, and reads back the statement it was written from
    group = group_file("named_bases")
    document = Document(path="r.md", text="The RAF left Salalah on Friday.", date=None, lang="en")
    mentions = find_mentions(document, group.gazetteer)
    (statement,) = read_statements(mentions, group.context)
    assert (statement.place.name, statement.mention.place.name) == ("RAF Salalah", "Salalah")
    kept = json.loads(json.dumps(readings_json([statement])))
    assert statements_from(kept, mentions, group.gazetteer) == [statement]
