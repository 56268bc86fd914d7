"""``missionmap sites``, run for real: the merged state of every site."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

REGISTER_DATA = Path(__file__).resolve().parent / "data" / "register"
FIRST = "seeds/2023-12-11_withdrawal.txt"


def with_reports(project: Path, *names: str) -> Path:
    for name in names:
        shutil.copy(REGISTER_DATA / name, project / "seeds" / name)
    return project


def test_json_has_one_row_per_site_with_the_merged_state(run_cli, project):
    with_reports(project, "2023-12-11_withdrawal.txt", "2024-07-22_gao.txt")
    entry = run_cli(
        "status", "set", "Mopti", "closed", "--date", "2023-12-20",
        "--source", "ops room", "--note", "camp empty, no handover signed", cwd=project,
    )  # fmt: skip
    assert entry.returncode == 0, entry.stderr
    result = run_cli("sites", "--json", cwd=project)
    assert result.returncode == 0, result.stderr
    rows = {row["site"]: row for row in json.loads(result.stdout)["sites"]}
    assert set(rows) == {"Bamako", "Gao", "Mopti", "Timbuktu"}
    # The reader's own judgement, above the mission's threshold: read, not unconfirmed.
    assert 0.9 <= rows["Gao"].pop("confidence") < 1.0
    assert rows["Gao"] == {
        "site": "Gao",
        "id": "2457163",
        "status": "handed over",
        "date": "2024-07-22",
        "source": "seeds/2024-07-22_gao.txt",
        "evidence": "The Gao camp was handed over to the Malian authorities.",
        "confirmation": "read",
        "conflict": None,
        "lat": 16.27167,
        "lon": -0.04472,
        "admin1": "Gao",
        "precision_km": None,
        "kind": None,
        "note": None,
        "conflicts": [],
    }
    # A manual entry outranks a report of an earlier date, even one that said more.
    assert (rows["Mopti"]["status"], rows["Mopti"]["source"], rows["Mopti"]["evidence"]) == (
        "closed",
        "manual: ops room",
        "camp empty, no handover signed",
    )
    assert (rows["Mopti"]["confirmation"], rows["Mopti"]["confidence"]) == ("confirmed", 1.0)
    assert (rows["Timbuktu"]["status"], rows["Timbuktu"]["date"]) == ("pending", "2023-12-11")


def test_the_register_adds_kind_note_and_sites_without_a_status(run_cli, project):
    with_reports(project, "2023-12-11_withdrawal.txt")
    (project / "data").mkdir()
    (project / "data" / "sites.csv").write_text(
        "site_id,site,kind,note\n"
        ',Bamako,mission headquarters,"HQ camp at Sénou, Commune VI"\n'
        ",Kidal,camp (sector HQ),left without handover\n",
        encoding="utf-8",
    )
    result = run_cli("sites", "--json", cwd=project)
    assert result.returncode == 0, result.stderr
    rows = {row["site"]: row for row in json.loads(result.stdout)["sites"]}
    assert (rows["Bamako"]["kind"], rows["Bamako"]["note"]) == (
        "mission headquarters",
        "HQ camp at Sénou, Commune VI",
    )
    assert rows["Kidal"]["status"] is None and rows["Kidal"]["kind"] == "camp (sector HQ)"
    build = run_cli("build", cwd=project)
    assert "not mapped: Kidal is in the register without a status" in build.stderr

    entry = run_cli("status", "set", "Kidal", "closed", "--date", "2023-10-31", cwd=project)
    assert entry.returncode == 0, entry.stderr
    rows = {
        row["site"]: row
        for row in json.loads(run_cli("sites", "--json", cwd=project).stdout)["sites"]
    }
    assert (rows["Kidal"]["status"], rows["Kidal"]["kind"]) == ("closed", "camp (sector HQ)")
    build = run_cli("build", cwd=project)
    assert "new site: Kidal, closed (2023-10-31, manual)" in build.stdout


def test_the_table_shows_status_date_source_position_and_proof(run_cli, project):
    with_reports(project, "2023-12-11_withdrawal.txt")
    result = run_cli("sites", cwd=project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    gao = lines.index(next(line for line in lines if line.startswith("Gao ")))
    assert lines[gao].split() == ["Gao", "pending", "2023-12-11", "16.27167", "-0.04472", FIRST]
    assert "still needs to close sites in Gao and Timbuktu" in lines[gao + 1]


def test_a_broken_register_row_is_refused_with_file_and_line(run_cli, project):
    with_reports(project, "2023-12-11_withdrawal.txt")
    (project / "data").mkdir()
    (project / "data" / "sites.csv").write_text(
        "site_id,site,kind,note\n,Gao,camp,\n,Gaoo,camp,\n", encoding="utf-8"
    )
    result = run_cli("sites", cwd=project)
    assert result.returncode == 1
    assert "sites.csv:3: unknown place: 'Gaoo'. Fix: did you mean Gao" in result.stderr
    assert "Traceback" not in result.stderr


def test_reports_of_the_same_day_that_disagree_are_listed_with_both_quotes(run_cli, project):
    for name, title, sentence in (
        (
            "a.txt",
            "Gao handed over",
            "MINUSMA handed over its camp in Gao to the Malian authorities.",
        ),
        ("b.txt", "Gao still open", "MINUSMA still needs to close its camp in Gao."),
    ):
        (project / "seeds" / name).write_text(
            f"---\ndate: 2023-12-20\ntitle: {title}\n---\n{sentence}\n", encoding="utf-8"
        )
    result = run_cli("sites", "--json", cwd=project)
    assert result.returncode == 0, result.stderr
    (gao,) = json.loads(result.stdout)["sites"]
    assert (gao["status"], gao["source"], gao["confirmation"]) == (
        "handed over",
        "seeds/a.txt",
        "read",
    )
    assert gao["conflict"] == "pending (seeds/b.txt)"
    assert gao["conflicts"] == [
        {
            "status": "pending",
            "date": "2023-12-20",
            "source": "seeds/b.txt",
            "evidence": "MINUSMA still needs to close its camp in Gao.",
            "reason": "reports of the same date disagree",
        }
    ]
    table = run_cli("sites", cwd=project).stdout.splitlines()
    assert table[1:] == [
        "    “MINUSMA handed over its camp in Gao to the Malian authorities.”",
        f"    read by machine, confidence {gao['confidence']:.2f}; conflicting reports",
        "    conflicting report: pending (2023-12-20, seeds/b.txt): reports of the same date disagree",
        "      “MINUSMA still needs to close its camp in Gao.”",
    ]
