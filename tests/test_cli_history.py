"""``missionmap history``, run for real: every step of a site's story, oldest first."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

REGISTER_DATA = Path(__file__).resolve().parent / "data" / "register"
FIRST = "seeds/2023-12-11_withdrawal.txt"
GAO_REPORT = "seeds/2024-07-22_gao.txt"


def story_project(run_cli, project: Path) -> Path:
    """Gao: pending (report), closed (by hand), handed over (report), then a stale manual step back."""
    for name in ("2023-12-11_withdrawal.txt", "2024-07-22_gao.txt"):
        shutil.copy(REGISTER_DATA / name, project / "seeds" / name)
    for status, date, note in (
        ("closed", "2024-07-01", "last convoy left"),
        ("pending", "2024-07-25", "liquidation team still on site"),
    ):
        entry = run_cli(
            "status", "set", "Gao", status, "--date", date, "--source", "ops", "--note", note,
            cwd=project,
        )  # fmt: skip
        assert entry.returncode == 0, entry.stderr
    return project


def test_history_of_a_site_shows_every_step_oldest_first(run_cli, project):
    story_project(run_cli, project)
    result = run_cli("history", "Gao", "--json", cwd=project)
    assert result.returncode == 0, result.stderr
    steps = json.loads(result.stdout)["history"]
    assert [(s["date"], s["status"], s["source"], s["manual"]) for s in steps] == [
        ("2023-12-11", "pending", FIRST, False),
        ("2024-07-01", "closed", "manual: ops", True),
        ("2024-07-22", "handed over", GAO_REPORT, False),
        ("2024-07-25", "pending", "manual: ops", True),
    ]
    assert steps[1]["evidence"] == "last convoy left"
    assert steps[2]["evidence"] == "The Gao camp was handed over to the Malian authorities."
    assert {s["site"] for s in steps} == {"Gao"}
    (conflict,) = json.loads(result.stdout)["conflicts"]
    assert conflict["reason"] == "manual entry moves it back from handed over to pending"


def test_history_as_text_reads_as_a_story(run_cli, project):
    story_project(run_cli, project)
    result = run_cli("history", "gao", cwd=project)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Gao"
    dated = [line.split()[:2] for line in lines if line.startswith("  20")]
    assert dated == [
        ["2023-12-11", "pending"],
        ["2024-07-01", "closed"],
        ["2024-07-22", "handed"],
        ["2024-07-25", "pending"],
    ]
    assert "“last convoy left”" in result.stdout
    assert "conflict: manual entry moves it back" in result.stdout


def test_history_of_every_site(run_cli, project):
    story_project(run_cli, project)
    result = run_cli("history", "--json", cwd=project)
    assert result.returncode == 0, result.stderr
    steps = json.loads(result.stdout)["history"]
    assert [s["site"] for s in steps] == ["Bamako"] + ["Gao"] * 4 + ["Mopti", "Timbuktu"]


def test_an_unknown_site_is_refused_with_suggestions(run_cli, project):
    story_project(run_cli, project)
    result = run_cli("history", "Moptii", cwd=project)
    assert result.returncode == 1
    assert "unknown place: 'Moptii'. Fix: did you mean Mopti" in result.stderr


def test_a_known_place_nobody_reported_on_has_an_empty_story(run_cli, project):
    story_project(run_cli, project)
    result = run_cli("history", "Kidal", "--json", cwd=project)
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"history": [], "conflicts": [], "decisions": []}
    assert "No statement about Kidal yet." in result.stderr


@pytest.mark.browser
def test_the_map_popup_tells_the_same_story(run_cli, project, offline_page):
    story_project(run_cli, project)
    assert run_cli("build", cwd=project).returncode == 0
    story = json.loads(run_cli("history", "Gao", "--json", cwd=project).stdout)["history"]
    offline_page.goto((project / "maps" / "minusma.html").as_uri())
    offline_page.wait_for_selector("body.mm-ready")
    offline_page.evaluate("missionmap.openSite('2457163')")
    steps = offline_page.locator(".leaflet-popup-content ol.mm-history li").all_inner_texts()
    assert [step.split()[:2] for step in steps] == [
        [s["date"], s["status"].split()[0].capitalize()] for s in story
    ]
    assert "manual: ops" in steps[1] and "Gao camp handed over" in steps[2]
