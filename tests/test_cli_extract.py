"""``missionmap extract``: in-process through click's runner, and once for real as users run it."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import REPO, TEST_DATA

from geo.cli import main

SEED_NAME = "000_eb9acd02704b1636"
REASON_FIELDS = {"cue", "kind", "time", "agent", "link", "distance", "negated", "date_set_aside"}


def copy_seed(project):
    for path in (REPO / "seeds").glob(SEED_NAME + "*"):
        shutil.copy(path, project / "seeds" / path.name)


@pytest.fixture
def extract(monkeypatch):
    """Run ``missionmap extract ARGS`` in-process, in a given folder; returns click's Result."""

    def invoke(*args: str, cwd):
        monkeypatch.chdir(cwd)
        return CliRunner().invoke(main, ["extract", *args], catch_exceptions=False)

    return invoke


def json_of(extract, project) -> dict:
    result = extract("--json", cwd=project)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_json_has_exactly_the_documented_shape_run_for_real(run_cli, project):
    copy_seed(project)
    result = run_cli("extract", "--json", cwd=project)
    assert result.returncode == 0, result.stderr
    extracted = json.loads(result.stdout)
    assert set(extracted) == {"reports", "sites", "mentions"}
    assert extracted["reports"] == [
        {"document": f"seeds/{SEED_NAME}.txt", "language": "en", "language_detected": False}
    ]
    for site in extracted["sites"]:
        assert set(site) == {
            "site",
            "id",
            "status",
            "date",
            "evidence",
            "document",
            "confidence",
            "reason",
        }
        assert 0 < site["confidence"] <= 1
        assert set(site["reason"]) == REASON_FIELDS
    for mention in extracted["mentions"]:
        assert set(mention) == {
            "name",
            "id",
            "document",
            "sentence",
            "status",
            "confidence",
            "reason",
        }
        if mention["status"] is None:
            assert (mention["confidence"], mention["reason"]) == (None, None)
        else:
            assert 0 < mention["confidence"] <= 1
            assert set(mention["reason"]) == REASON_FIELDS


def test_json_of_the_seed(extract, project):
    copy_seed(project)
    extracted = json_of(extract, project)
    document = f"seeds/{SEED_NAME}.txt"
    sites = [
        {key: value for key, value in site.items() if key not in ("confidence", "reason")}
        for site in extracted["sites"]
    ]
    assert sites == [
        {
            "site": "Bamako",
            "id": "2460596",
            "status": "closed",
            "date": "2023-12-11",
            "evidence": "The ceremony marking the end of the mission took place in the capital, "
            "Bamako, where the UN flag was lowered.",
            "document": document,
        },
        {
            "site": "Gao",
            "id": "2457163",
            "status": "pending",
            "date": "2023-12-11",
            "evidence": "Since the directive to leave, MINUSMA has vacated 13 positions in Mali and "
            "still needs to close sites in Gao and Timbuktu in the north.",
            "document": document,
        },
        {
            "site": "Mopti",
            "id": "2453348",
            "status": "handed over",
            "date": "2023-12-04",
            "evidence": "The Mopti camp, a central Mali location known for violence in the Sahel, "
            "was handed over last week.",
            "document": document,
        },
        {
            "site": "Timbuktu",
            "id": "2449067",
            "status": "pending",
            "date": "2023-12-11",
            "evidence": "Since the directive to leave, MINUSMA has vacated 13 positions in Mali and "
            "still needs to close sites in Gao and Timbuktu in the north.",
            "document": document,
        },
    ]
    stated = {(m["name"], m["status"]) for m in extracted["mentions"] if m["status"]}
    assert stated == {
        ("Bamako", "closed"),
        ("Gao", "pending"),
        ("Timbuktu", "pending"),
        ("Mopti", "handed over"),
    }
    in_passing = {m["name"] for m in extracted["mentions"] if m["status"] is None}
    assert {
        "Moscow",
        "France",
        "Mali",
        "Mali’s",
        "Bamako",
    } <= in_passing  # Bamako: "Moscow and Bamako insist"


def test_each_mention_carries_the_confidence_and_reason_of_its_reading(extract, project):
    copy_seed(project)
    extracted = json_of(extract, project)
    stated = {m["name"]: m for m in extracted["mentions"] if m["status"]}
    for site in extracted["sites"]:
        mention = stated[site["site"]]
        assert (mention["confidence"], mention["reason"]) == (site["confidence"], site["reason"])
    mopti = stated["Mopti"]["reason"]
    assert mopti["cue"] == "hand over" and mopti["negated"] is False
    assert isinstance(mopti["distance"], int)


def test_a_french_report_without_metadata_is_read_as_french(extract, project):
    shutil.copy(TEST_DATA / "documents" / "french_undeclared.txt", project / "seeds")
    extracted = json_of(extract, project)
    assert extracted["reports"] == [
        {"document": "seeds/french_undeclared.txt", "language": "fr", "language_detected": True}
    ]
    assert {s["site"]: s["status"] for s in extracted["sites"]} == {
        "Ménaka": "handed over",
        "Gao": "pending",
        "Timbuktu": "pending",
    }


def test_the_table_is_aligned_and_shows_the_confidence_and_evidence(extract, project):
    copy_seed(project)
    result = extract(cwd=project)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["SITE", "STATUS", "DATE", "CONFIDENCE", "DOCUMENT"]
    rows = [line for line in lines[1:9] if not line.startswith(" ")]
    assert [row.split("  ")[0].strip() for row in rows] == ["Bamako", "Gao", "Mopti", "Timbuktu"]
    status_column = lines[0].index("STATUS")
    assert {row[status_column:].split("  ")[0] for row in rows} == {
        "closed",
        "pending",
        "handed over",
    }
    confidence_column = lines[0].index("CONFIDENCE")
    for row in rows:
        assert 0 < float(row[confidence_column:].split()[0]) <= 1
    assert lines[6].strip() == (
        "“The Mopti camp, a central Mali location known for violence in the Sahel, "
        "was handed over last week.”"
    )
    assert lines[-1] == "4 sites from 1 document (21 place names, 4 status statements)."


def test_a_broken_seed_is_named_on_stderr_and_the_rest_still_extract(extract, project):
    copy_seed(project)
    (project / "seeds" / "broken.md").write_text(
        "---\ntitle: Bad date\ndate: 2023-02-30\n---\nThe Gao camp was handed over.\n",
        encoding="utf-8",
    )
    result = extract("--json", cwd=project)
    assert result.exit_code == 0
    assert "missionmap: skipped: seeds/broken.md:3: invalid date: '2023-02-30'" in result.stderr
    assert "Fix: write the day as YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(json.loads(result.stdout)["sites"]) == 4


def test_disagreeing_reports_are_listed_as_conflicts(extract, project):
    seeds = project / "seeds"
    (seeds / "a.txt").write_text("The Ménaka camp was closed on Friday.\n", encoding="utf-8")
    (seeds / "a.meta.yaml").write_text("date: 2023-08-28\n", encoding="utf-8")
    (seeds / "b.txt").write_text("The Ménaka camp was handed over on Friday.\n", encoding="utf-8")
    (seeds / "b.meta.yaml").write_text("date: 2023-08-28\n", encoding="utf-8")
    table = extract(cwd=project)
    assert table.exit_code == 0, table.stderr
    assert "Conflicts (the first statement is the one kept):" in table.stdout
    assert (
        "Ménaka: handed over (2023-08-25, seeds/b.txt) over closed (2023-08-25, seeds/a.txt)"
        in table.stdout
    )
    as_json = extract("--json", cwd=project)
    assert json.loads(as_json.stdout)["sites"][0]["status"] == "handed over"
    assert "missionmap: conflict: Ménaka: handed over" in as_json.stderr


def test_no_reports_say_so(extract, project):
    result = extract(cwd=project)
    assert result.exit_code == 0
    assert result.stdout.startswith("No site statuses found in the reports.")
    assert json_of(extract, project) == {"reports": [], "sites": [], "mentions": []}


def test_a_missing_seeds_folder_is_one_line_and_exit_1(extract, tmp_path):
    result = extract("--seeds", "nowhere", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "nowhere" in result.stderr and "Fix:" in result.stderr
